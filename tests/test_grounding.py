"""Every item of every seed is grounded: ``text[start:end] == quote``, inside its document."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.load import load_file
from summarizer.pipeline import summarize_file

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_every_item_is_grounded_in_its_document(path: Path) -> None:
    text = load_file(path).text
    summary = summarize_file(path)
    for document in summary.documents:
        items = [*document.goals, *document.targets, *document.tasks]
        for item in items:
            assert text[item.start : item.end] == item.quote
            assert document.start <= item.start < item.end <= document.end


def test_the_rules_backend_finds_items_in_every_seed() -> None:
    for path in SEEDS:
        summary = summarize_file(path)
        assert sum(len(d.targets) for d in summary.documents) > 0, path.name


def test_compilation_seed_yields_one_document_per_speech() -> None:
    summary = summarize_file(SEEDS[-1])
    assert len(summary.documents) == 4
    assert summary.documents[0].title == "在州委经济工作会议上的讲话"
