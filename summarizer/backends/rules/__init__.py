"""The offline backend: hand-written rules for the genre. No key, no network."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.backends.base import register_backend
from summarizer.models import Chunk, Extraction

if TYPE_CHECKING:
    from summarizer.config import Settings


class RulesBackend:
    name = "rules"
    model: str | None = None
    prompt_version: str | None = None
    # Rules see structure (headings, lists) best with a whole document in one chunk.
    chunk_chars = 200_000
    chunk_overlap = 0

    def extract(self, chunk: Chunk) -> Extraction:
        # Imported here: the model backend reads quotes with the targets rules alone, and should not
        # pay for compiling the goals' and tasks' patterns at start-up.
        from summarizer.backends.rules.goals import find_goals
        from summarizer.backends.rules.targets import find_targets
        from summarizer.backends.rules.tasks import find_tasks

        return Extraction(goals=find_goals(chunk), targets=find_targets(chunk), tasks=find_tasks(chunk))


@register_backend("rules")
def make_rules_backend(settings: Settings) -> RulesBackend:
    return RulesBackend()
