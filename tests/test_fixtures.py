"""Every hand-labelled fixture is valid, grounded in its seed text, and its documents are well placed."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from shared_corpus import CORPUS, HAVE_CORPUS, MUST_RUN, SKIP_REASON

from summarizer.evals.run import CORPUS_PREFIX, find_source, load_fixture
from summarizer.evals.score import Fixture
from summarizer.load import load_file

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "evals" / "fixtures"
FIXTURE_PATHS = sorted(FIXTURES_DIR.glob("**/*.json"))
CORPUS_PATHS = sorted((FIXTURES_DIR / "corpus").glob("*.json"))


def _fixture_and_text(path: Path) -> tuple[Fixture, str]:
    fixture = load_fixture(path)
    if fixture.source.startswith(CORPUS_PREFIX) and not HAVE_CORPUS and not MUST_RUN:
        pytest.skip(SKIP_REASON)
    return fixture, load_file(find_source(path.parent, fixture.source, CORPUS)).text


def test_there_are_fixtures() -> None:
    assert sorted((FIXTURES_DIR / "seeds").glob("*.json"))
    assert len(CORPUS_PATHS) >= 15


def test_corpus_fixtures_span_the_three_groups() -> None:
    groups = {path.stem.split("-")[0] for path in CORPUS_PATHS}
    assert groups == {"national", "provincial", "baoding"}


@pytest.fixture(params=FIXTURE_PATHS, ids=[f"{path.parent.name}/{path.stem}" for path in FIXTURE_PATHS])
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


def test_scoped_targets_lie_in_their_spans(labelled: tuple[Fixture, str]) -> None:
    fixture, text = labelled
    if fixture.scope is None or not isinstance(fixture.scope.targets, list):
        return
    spans = fixture.scope.targets
    assert all(0 <= start < end <= len(text) for start, end in spans)
    outside = [
        target.quote
        for document in fixture.documents
        for target in document.targets
        if not any(start <= target.start < end for start, end in spans)
    ]
    assert outside == []


@pytest.mark.parametrize("path", CORPUS_PATHS, ids=[path.stem for path in CORPUS_PATHS])
def test_corpus_fixtures_label_metadata_and_scope(path: Path) -> None:
    fixture = load_fixture(path)
    assert fixture.schema_version in ("1.1", "1.2")
    assert fixture.source.startswith("../shared/corpus/")
    assert fixture.scope is not None and fixture.scope.tasks == "document"
    (document,) = fixture.documents
    assert document.jurisdiction is not None and document.place
