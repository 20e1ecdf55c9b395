"""The rules' targets of one short text, for the tests of how targets are named: the text as a whole
document of one chunk, of the review and plan years given."""

from __future__ import annotations

from summarizer.backends.rules.targets import find_targets
from summarizer.models import Chunk, DocumentSpan, TargetDraft


def targets_of(
    text: str, review_year: int | None = 2024, plan_year: int | None = 2025, jurisdiction: str | None = None
) -> list[TargetDraft]:
    span = DocumentSpan(
        index=0,
        start=0,
        end=len(text),
        review_year=review_year,
        plan_year=plan_year,
        jurisdiction=jurisdiction,
    )
    return find_targets(Chunk(index=0, start=0, end=len(text), text=text, document=span))


def named(text: str) -> list[tuple[str, float | None]]:
    return [(t.indicator, t.value) for t in targets_of(text)]
