"""Output: the JSON of one file (docs/output.md, section 2)."""

from __future__ import annotations

from summarizer.align import Aligned
from summarizer.models import Document, DocumentSpan, Provenance, Summary


def build_summary(
    source: str, sha256: str, documents: list[DocumentSpan], items: list[Aligned], provenance: Provenance
) -> Summary:
    """The summary of a file from its documents and each document's merged items (in the same order)."""
    return Summary(
        source=source,
        sha256=sha256,
        documents=[_document(span, found) for span, found in zip(documents, items, strict=True)],
        provenance=provenance,
    )


def _document(span: DocumentSpan, found: Aligned) -> Document:
    return Document(
        index=span.index,
        title=span.title,
        start=span.start,
        end=span.end,
        jurisdiction=span.jurisdiction,
        place=span.place,
        review_year=span.review_year,
        plan_year=span.plan_year,
        overview=span.overview,
        goals=found.goals,
        targets=found.targets,
        tasks=found.tasks,
    )


def to_json(summary: Summary, pretty: bool = False) -> str:
    """The summary as JSON text, Chinese left as it is (not \\u-escaped)."""
    return summary.model_dump_json(indent=2 if pretty else None)
