"""Structured summaries of long Chinese government documents: goals, targets, tasks, grounded."""

__version__ = "0.1.0"
