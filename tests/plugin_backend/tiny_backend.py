"""A backend as a plugin: every percentage in a chunk becomes a target named ``tiny``."""

from __future__ import annotations

import re
from typing import Any

from summarizer.models import Chunk, Extraction, TargetDraft

PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")


class TinyBackend:
    name = "tiny"
    model = None
    prompt_version = None
    chunk_chars = 50_000
    chunk_overlap = 0

    def extract(self, chunk: Chunk) -> Extraction:
        targets = [
            TargetDraft(
                indicator="tiny",
                value=float(m.group(1)),
                unit="%",
                kind="target",
                quote=m.group(0),
                offset=m.start(),
            )
            for m in PERCENT.finditer(chunk.text)
        ]
        return Extraction(targets=targets)


def make_backend(settings: Any) -> TinyBackend:
    return TinyBackend()
