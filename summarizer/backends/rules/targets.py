"""Quantitative targets and results (SPEC.md section 3, Targets)."""

from __future__ import annotations

from summarizer.models import Chunk, TargetDraft


def find_targets(chunk: Chunk) -> list[TargetDraft]:
    return []
