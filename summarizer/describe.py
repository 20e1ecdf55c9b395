"""Describe: what is known of a document before extraction: jurisdiction, years, overview, outline."""

from __future__ import annotations

import dataclasses

from summarizer.models import DocumentSpan
from summarizer.outline import outline


def describe(text: str, document: DocumentSpan) -> DocumentSpan:
    """The document with its jurisdiction, review and plan years, extractive overview and sections."""
    return dataclasses.replace(document, sections=outline(text, document.start, document.end))
