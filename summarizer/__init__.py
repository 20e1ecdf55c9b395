"""Structured summaries of long Chinese government documents: goals, targets and tasks, grounded in the text."""

__version__ = "0.1.0"
