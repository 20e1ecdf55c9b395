"""Evaluation: score predictions against hand-labelled fixtures (SPEC.md section 5) and gate regressions."""

from summarizer.evals.score import (
    Counts,
    FieldAccuracy,
    Fixture,
    Grounding,
    Scores,
    micro_average,
    score_documents,
)

__all__ = [
    "Counts",
    "FieldAccuracy",
    "Fixture",
    "Grounding",
    "Scores",
    "micro_average",
    "score_documents",
]
