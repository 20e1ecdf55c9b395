"""The replay gate: the hand labels, answered by a perfect model (and one that slips as real models
do), go through the whole model path and must come out whole: F1 1.0 and grounding 1.0."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_model import FakeModelServer, FakeRequest, Reply, good
from gold_model import FIXTURES, VARIANTS, GoldModel

from summarizer.config import Settings
from summarizer.evals.run import run_eval


@pytest.fixture(scope="module")
def server() -> Iterator[FakeModelServer]:
    with FakeModelServer() as fake:
        yield fake


@pytest.mark.parametrize("variant", VARIANTS)
def test_gold_replies_score_perfectly_through_the_model_path(
    server: FakeModelServer, variant: str, tmp_path: Path
) -> None:
    server.reset()
    server.reply_with(GoldModel(variant))
    settings = Settings(
        backend="llm",
        base_url=server.base_url,
        api_key="sk-replay",
        cache_dir=tmp_path / "cache",
        max_retries=0,
    )
    report = run_eval("llm", FIXTURES, settings)
    micro = report.micro
    lost = {
        f"{file.fixture}#{document.index}": (
            document.scores.targets,
            document.scores.goals,
            document.scores.tasks,
        )
        for file in report.files
        for document in file.documents
        if min(document.scores.targets.f1, document.scores.goals.f1, document.scores.tasks.f1) < 1.0
    }
    assert not lost, f"{variant}: items lost or added on the way: {lost}"
    assert (micro.targets.f1, micro.goals.f1, micro.tasks.f1) == (1.0, 1.0, 1.0)
    assert micro.grounding.share == 1.0
    assert set(micro.fields.accuracy.values()) == {1.0}
    assert not any(request.is_reask for request in server.history), "a gold quote was refused and re-asked"


def test_a_reply_cut_off_at_the_token_limit_is_asked_again_in_halves(
    server: FakeModelServer, tmp_path: Path
) -> None:
    """A model that can only answer for up to 3000 characters at a time still loses nothing."""
    gold = GoldModel()

    def short_of_tokens(request: FakeRequest) -> Reply | dict:
        if len(request.chunk_text or "") > 3000:
            return good(finish_reason="length")
        return gold(request)

    server.reset()
    server.reply_with(short_of_tokens)
    settings = Settings(
        backend="llm",
        base_url=server.base_url,
        api_key="sk-replay",
        cache_dir=tmp_path / "cache",
        max_retries=0,
    )
    report = run_eval("llm", FIXTURES, settings)
    assert (report.micro.targets.f1, report.micro.goals.f1, report.micro.tasks.f1) == (1.0, 1.0, 1.0)
    assert any(len(request.chunk_text or "") > 3000 for request in server.history)
    calls = server.calls
    run_eval("llm", FIXTURES, settings)
    assert server.calls == calls, "a rerun is served whole from the cache, halved chunks too"


def test_recorded_replies_replay_with_the_endpoint_gone(tmp_path: Path) -> None:
    """What the README promises: record into a cache folder, then replay from it with no endpoint."""
    with FakeModelServer() as recording:
        recording.reply_with(GoldModel())
        settings = Settings(
            backend="llm", base_url=recording.base_url, api_key="sk-rec", cache_dir=tmp_path / "recorded"
        )
        recorded = run_eval("llm", FIXTURES, settings)
        assert recording.calls > 0
    replayed = run_eval("llm", FIXTURES, settings.model_copy(update={"max_retries": 0}))
    assert replayed.micro == recorded.micro
    assert replayed.micro.targets.f1 == 1.0
