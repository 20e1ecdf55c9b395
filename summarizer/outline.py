"""Outline: a document's top-level sections and which part of the speech each is (review, plan, other)."""

from __future__ import annotations

from summarizer.models import Section


def outline(text: str, start: int, end: int) -> tuple[Section, ...]:
    """The sections of the document at ``text[start:end]``, in file coordinates."""
    return ()
