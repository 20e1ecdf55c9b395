"""What a quote settles, derived instead of asked for: a target's value, range, unit, change and
qualifier, the stretch beside a floor (and its indicator and year, where the model does not give them).

The model's lean reply names a target by its quote and kind; the package reads the rest from the
placed quote with the same number grammar and indicator reading the rules backend uses. A field the
model does give wins, and is recorded (``TargetDraft.given``), so that a reviewer sees which fields
came from the model and which from the text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from summarizer.backends.rules.targets import find_targets, indicator_and_change
from summarizer.models import Change, Chunk, Qualifier, TargetDraft, TargetKind
from summarizer.numbers import find_quantities, normalize_unit


@dataclass(frozen=True)
class Derived:
    indicator: str
    value: float | None
    value_high: float | None
    unit: str | None
    change: Change
    qualifier: Qualifier | None
    year: int | None
    stretch: float | None = None  # ``增长7%以上、力争达到8%``: 8, read with the rules' number grammar


def derive_target(
    chunk: Chunk, start: int, end: int, kind: TargetKind, value: float | None = None
) -> Derived | None:
    """The fields of the target that the quote ``chunk.text[start:end]`` gives, read as the rules read
    it; ``value``, when the model gave one, picks which number of the quote is meant. None when the
    quote holds no number that fits."""
    quote = chunk.text[start:end]
    piece = Chunk(chunk.index, chunk.start + start, chunk.start + end, quote, chunk.document)
    drafts = find_targets(piece)
    chosen = _chosen(drafts, value, len(quote))
    if chosen is not None:
        return Derived(
            chosen.indicator,
            chosen.value,
            chosen.value_high,
            chosen.unit,
            chosen.change,
            chosen.qualifier,
            chosen.year if chosen.kind == kind else _default_year(chunk, kind),
            chosen.stretch,
        )
    return _from_numbers(chunk, quote, kind, value)


def _chosen(drafts: list[TargetDraft], value: float | None, length: int) -> TargetDraft | None:
    if value is not None:
        matching = [d for d in drafts if d.value is not None and math.isclose(d.value, value, rel_tol=1e-9)]
        return matching[-1] if matching else None
    if not drafts:
        return None
    return max(drafts, key=lambda draft: (draft.offset or 0) + len(draft.quote))


def _from_numbers(chunk: Chunk, quote: str, kind: TargetKind, value: float | None) -> Derived | None:
    """The quote's numbers read plainly, where the rules would not take it as a target."""
    mentions = find_quantities(quote)
    if value is not None:
        mentions = [m for m in mentions if m.value is not None and math.isclose(m.value, value, rel_tol=1e-9)]
    if not mentions:
        return None
    mention = mentions[-1]
    indicator, change = indicator_and_change(quote[: mention.start])
    return Derived(
        indicator or quote[: mention.start].strip() or quote,
        mention.value,
        mention.value_high,
        normalize_unit(mention.unit),
        change,
        mention.qualifier,
        _default_year(chunk, kind),
    )


def _default_year(chunk: Chunk, kind: TargetKind) -> int | None:
    document = chunk.document
    return document.review_year if kind == "result" else document.plan_year
