"""Every hand-labelled fixture is valid, grounded in its seed text, and its documents are well placed."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from summarizer.evals.run import find_source, load_fixture
from summarizer.evals.score import Fixture
from summarizer.load import load_file

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "evals" / "fixtures"
FIXTURE_PATHS = sorted(FIXTURES_DIR.glob("*.json"))


def _fixture_and_text(path: Path) -> tuple[Fixture, str]:
    fixture = load_fixture(path)
    return fixture, load_file(find_source(path.parent, fixture.source)).text


def test_there_are_fixtures() -> None:
    assert FIXTURE_PATHS


@pytest.fixture(params=FIXTURE_PATHS, ids=[path.stem for path in FIXTURE_PATHS])
def labelled(request: pytest.FixtureRequest) -> tuple[Fixture, str]:
    return _fixture_and_text(request.param)


def test_every_quote_is_the_text_at_its_span(labelled: tuple[Fixture, str]) -> None:
    fixture, text = labelled
    wrong = [
        (document.index, item.start, item.quote)
        for document in fixture.documents
        for item in [*document.goals, *document.targets, *document.tasks]
        if text[item.start : item.end] != item.quote
    ]
    assert wrong == []


def test_items_lie_inside_their_document(labelled: tuple[Fixture, str]) -> None:
    fixture, _ = labelled
    outside = [
        (document.index, item.start, item.end)
        for document in fixture.documents
        for item in [*document.goals, *document.targets, *document.tasks]
        if not document.start <= item.start <= item.end <= document.end
    ]
    assert outside == []


def test_documents_lie_in_the_file_in_order_without_overlap(labelled: tuple[Fixture, str]) -> None:
    fixture, text = labelled
    spans = [(document.start, document.end) for document in fixture.documents]
    assert [document.index for document in fixture.documents] == list(range(len(spans)))
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(previous[1] <= following[0] for previous, following in pairwise(spans))


def test_document_titles_are_in_their_document(labelled: tuple[Fixture, str]) -> None:
    fixture, text = labelled
    misplaced = [
        document.title
        for document in fixture.documents
        if document.title is not None and document.title not in text[document.start : document.end]
    ]
    assert misplaced == []
