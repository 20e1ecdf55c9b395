"""Goals: the qualitative end-states a document commits to (SPEC.md section 3, Goals)."""

from __future__ import annotations

from summarizer.models import Chunk, GoalDraft


def find_goals(chunk: Chunk) -> list[GoalDraft]:
    return []
