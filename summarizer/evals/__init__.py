"""Evaluation: score predictions against hand-labelled fixtures (README, Evaluation) and gate regressions."""

from summarizer.evals.score import (
    AreaAccuracy,
    Counts,
    FieldAccuracy,
    Fixture,
    Grounding,
    Scores,
    micro_average,
    score_documents,
)

__all__ = [
    "AreaAccuracy",
    "Counts",
    "FieldAccuracy",
    "Fixture",
    "Grounding",
    "Scores",
    "micro_average",
    "score_documents",
]
