"""Tasks: the enumerated items of the work plan (SPEC.md section 3, Tasks)."""

from __future__ import annotations

from summarizer.models import Chunk, TaskDraft


def find_tasks(chunk: Chunk) -> list[TaskDraft]:
    return []
