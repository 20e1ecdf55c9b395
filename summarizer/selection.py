"""What an analyst asks of ``panel``, ``table`` and ``report``: places, levels, indicators, years,
statuses, and the headline targets only.

``--place`` matches a series (徐水县 is 徐水区) or a name with its level left off (河南); ``--indicator``
takes an id or any name the registry knows; ``--from``/``--to`` bound the year a target or result is
for (a document of the report is kept where it reviews or plans a year in range).

``--headline`` keeps the items of a document's two headline paragraphs: its year's main targets and its
headline results. The genre announces the first in so many words, ``主要预期目标是：`` (``预期目标为``,
``主要目标建议为``), in a paragraph that lists the year's targets (or in the one that follows a cue
that ends its paragraph); of several, the one with most targets of the plan year. The second is the
first paragraph of the review that gives the reviewed year's GDP growth among other results (the
year's own, not a five-year review's, which opens with ``五年来``, ``过去五年`` or ``“十四五”时期``),
else the first that gives its GDP with other results. Finding them needs the document's text: a batch output is read with its
source files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.errors import ConfigError
from summarizer.hierarchy import LEVELS, place_level, place_matches
from summarizer.indicators import Registry, resolve_indicator
from summarizer.models import Document, Summary, Target

_TARGET_CUE = re.compile(r"(?:主要预期目标|预期目标|主要目标)(?:建议|初步)?(?:是|为|如下|：|:)")
# A paragraph that reviews five years opens by saying so: 五年来, 过去五年, “十四五”时期.
_FIVE_YEARS = re.compile(r"^[^，。]{0,12}?(?:五年|十[一二三四五六七八九]五”?时期)")


@dataclass(frozen=True)
class Selection:
    """The filters of one command; an empty one keeps everything."""

    places: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    indicators: frozenset[str] = frozenset()
    year_from: int | None = None
    year_to: int | None = None
    statuses: tuple[str, ...] = ()
    headline: bool = False

    @classmethod
    def of(
        cls,
        registry: Registry,
        *,
        place: Iterable[str] = (),
        level: Iterable[str] = (),
        indicator: Iterable[str] = (),
        year_from: int | None = None,
        year_to: int | None = None,
        status: Iterable[str] = (),
        headline: bool = False,
    ) -> Selection:
        """A selection from what a user gave, checked: an unknown level, indicator or status is an error."""
        from summarizer.panel import STATUSES

        levels = tuple(level)
        for name in levels:
            if name not in LEVELS:
                raise ConfigError(f"unknown level {name!r}: one of {', '.join(LEVELS)}")
        statuses = tuple(status)
        for name in statuses:
            if name not in STATUSES:
                raise ConfigError(f"unknown status {name!r}: one of {', '.join(STATUSES)}")
        if year_from is not None and year_to is not None and year_from > year_to:
            raise ConfigError(f"--from {year_from} is after --to {year_to}")
        ids = frozenset(resolve_indicator(registry, name).id for name in indicator)
        return cls(tuple(p for p in place if p.strip()), levels, ids, year_from, year_to, statuses, headline)

    def keeps_place(self, name: str | None, jurisdiction: str | None = None) -> bool:
        if self.places and (name is None or not any(place_matches(p, name) for p in self.places)):
            return False
        return not self.levels or (name is not None and place_level(name, jurisdiction) in self.levels)

    def keeps_year(self, year: int | None) -> bool:
        if self.year_from is None and self.year_to is None:
            return True
        if year is None:
            return False
        return (self.year_from is None or year >= self.year_from) and (
            self.year_to is None or year <= self.year_to
        )

    def keeps_indicator(self, indicator_id: str | None) -> bool:
        return not self.indicators or indicator_id in self.indicators

    def keeps_cell(self, row: dict[str, object]) -> bool:
        """A row of the panel (its place, level, indicator, year and status)."""
        if self.levels and row["level"] not in self.levels:
            return False
        return (
            (not self.places or any(place_matches(p, str(row["place"])) for p in self.places))
            and self.keeps_indicator(row["indicator_id"])  # type: ignore[arg-type]
            and self.keeps_year(row["year"])  # type: ignore[arg-type]
            and (not self.statuses or row["status"] in self.statuses)
        )

    def keeps_target(self, row: dict[str, object]) -> bool:
        """A row of the targets table (its document's place, the target's indicator and year)."""
        return (
            self.keeps_place(row["place"], row["jurisdiction"])  # type: ignore[arg-type]
            and self.keeps_indicator(row["indicator_id"])  # type: ignore[arg-type]
            and self.keeps_year(row["year"])  # type: ignore[arg-type]
        )

    def keeps_document(self, document: Document) -> bool:
        """A document of the review page: its place, and a year it reviews or plans in range."""
        if not self.keeps_place(document.place, document.jurisdiction):
            return False
        years = [year for year in (document.review_year, document.plan_year) if year is not None]
        return (self.year_from is None and self.year_to is None) or any(self.keeps_year(y) for y in years)

    @property
    def filters_cells(self) -> bool:
        return bool(self.places or self.levels or self.indicators or self.statuses) or (
            self.year_from is not None or self.year_to is not None
        )


# --- The headline paragraphs.


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of ``text[start:end]`` that hold anything, as file offsets."""
    spans = []
    position = start
    for line in text[start:end].split("\n"):
        line_end = position + len(line)
        if line.strip():
            spans.append((position, line_end))
        position = line_end + 1
    return spans


def headline_spans(text: str, document: Document) -> list[tuple[int, int]]:
    """The document's main-targets paragraph and its headline-results paragraph, where it has them."""
    lines = paragraphs(text, document.start, document.end)
    spans = []
    targets = _targets_paragraph(text, lines, document)
    if targets is not None:
        spans.append(targets)
    results = _results_paragraph(text, lines, document)
    if results is not None:
        spans.append(results)
    return spans


def _within(item: Target, span: tuple[int, int]) -> bool:
    return span[0] <= item.start and item.end <= span[1]


def _targets_paragraph(text: str, lines: list[tuple[int, int]], document: Document) -> tuple[int, int] | None:
    year = document.plan_year
    planned = [t for t in document.targets if t.kind == "target" and (year is None or t.year == year)]
    best: tuple[int, tuple[int, int]] | None = None
    for number, (start, end) in enumerate(lines):
        cue = _TARGET_CUE.search(text, start, end)
        if cue is None:
            continue
        span = (start, end)
        if end - cue.end() < 8 and number + 1 < len(lines):
            span = (start, lines[number + 1][1])  # 主要预期目标是： and the list in the next paragraph
        count = sum(_within(t, span) for t in planned)
        if count and (best is None or count > best[0]):
            best = (count, span)
    return best[1] if best else None


def _results_paragraph(text: str, lines: list[tuple[int, int]], document: Document) -> tuple[int, int] | None:
    year = document.review_year
    if year is None:
        return None
    results = [t for t in document.targets if t.kind == "result" and t.year == year]
    for measure_wanted in ("growth", None):
        for span in lines:
            here = [t for t in results if _within(t, span)]
            if len(here) < 2 or _FIVE_YEARS.search(text[span[0] : span[1]].lstrip("—　 ")):
                continue
            if any(
                t.indicator_id == "gdp" and (measure_wanted is None or t.change == "growth") for t in here
            ):
                return span
    return None


def headline_only(summary: Summary, text: str | None, registry: Registry) -> Summary:
    """The summary with only the targets of each document's headline paragraphs (none without the text)."""
    documents = []
    for document in summary.documents:
        if text is None:
            kept: list[Target] = []
        else:
            identified = [
                t.model_copy(update={"indicator_id": registry.identify_target(t)}) for t in document.targets
            ]
            probe = document.model_copy(update={"targets": identified})
            spans = headline_spans(text, probe)
            kept = [
                t
                for t, i in zip(document.targets, identified, strict=True)
                if any(_within(i, s) for s in spans)
            ]
        documents.append(document.model_copy(update={"targets": kept}))
    return summary.model_copy(update={"documents": documents})
