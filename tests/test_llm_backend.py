"""The model backend driven through the real openai client against the fake model server."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_model import FakeModelServer, FakeRequest, Reply, error, good, raw_text, rejects_tools, slow

from summarizer.backends import get_backend
from summarizer.backends.llm import LLMBackend
from summarizer.backends.llm.calls import Backoff
from summarizer.backends.llm.prompt import Prompt, chunk_text_of, load_prompt, user_message
from summarizer.backends.llm.schema import (
    NUMBER_NOT_IN_QUOTE,
    grounding_problem,
    normalize_qualifier,
    parse_reply_json,
)
from summarizer.cache import cache_stats, clear_cache
from summarizer.config import Settings
from summarizer.errors import BackendError, ConfigError
from summarizer.models import Chunk, DocumentSpan, Extraction
from summarizer.pipeline import summarize_text

API_KEY = "sk-test-DO-NOT-LEAK-4242"
TEXT = "今年全市地区生产总值增长6.5%左右，城镇新增就业1.2万人。明年要奋力打造区域消费中心。（一）全力扩大有效投资。"
GDP = {
    "indicator": "地区生产总值",
    "value": 6.5,
    "unit": "％",
    "change": "growth",
    "qualifier": "左右",
    "kind": "result",
    "quote": "地区生产总值增长6.5%左右",
}
JOBS = {
    "indicator": "城镇新增就业",
    "value": 1.2,
    "unit": "万人",
    "kind": "result",
    "quote": "城镇新增就业1.2万人",
}
GOAL = {"text": "打造区域消费中心", "quote": "奋力打造区域消费中心"}
TASK = {"title": "全力扩大有效投资", "area": "economy", "quote": "全力扩大有效投资"}
MADE_UP_QUOTE = {**GDP, "quote": "地区生产总值增长9%"}
MADE_UP_NUMBER = {**JOBS, "value": 3.0}


def make_chunk(text: str = TEXT, start: int = 0, index: int = 0) -> Chunk:
    document = DocumentSpan(
        index=0, start=0, end=start + len(text), title="在市委经济工作会议上的讲话", plan_year=2024
    )
    return Chunk(index, start, start + len(text), text, document)


@pytest.fixture
def server() -> Iterator[FakeModelServer]:
    with FakeModelServer() as fake:
        yield fake


def make_backend(server: FakeModelServer, tmp_path: Path, **overrides: Any) -> LLMBackend:
    prompt = overrides.pop("prompt", None)
    values: dict[str, Any] = {
        "backend": "llm",
        "base_url": server.base_url,
        "api_key": API_KEY,
        "cache_dir": tmp_path / "cache",
        "use_cache": False,
        "timeout": 2.0,
        "max_retries": 3,
    }
    values.update(overrides)
    return LLMBackend(Settings(**values), prompt=prompt, backoff=Backoff(base=0.001, max_wait=2.0))


def test_retries_transient_errors_then_succeeds(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(error(500), error(503), good(targets=[GDP]))
    extraction = make_backend(server, tmp_path).extract(make_chunk())
    assert [target.quote for target in extraction.targets] == [GDP["quote"]]
    assert server.calls == 3
    # Every call made counts, those that failed too (issue 12: the totals once said 0 of 20).
    assert (extraction.llm_calls, extraction.failed_calls, extraction.retries) == (3, 2, 2)


def test_gives_up_after_max_retries_with_a_backend_error(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(*[error(500, "overloaded") for _ in range(5)])
    chunk = make_chunk(start=100)
    with pytest.raises(BackendError) as raised:
        make_backend(server, tmp_path, max_retries=2).extract(chunk)
    assert raised.value.chunk == (chunk.start, chunk.end)
    assert raised.value.attempts == 3
    assert "HTTP 500" in raised.value.message
    assert server.calls == 3


def test_a_client_error_is_not_retried(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(error(401, "invalid api key"), good(targets=[GDP]))
    with pytest.raises(BackendError, match="HTTP 401"):
        make_backend(server, tmp_path).extract(make_chunk())
    assert server.calls == 1


def test_429_waits_as_long_as_retry_after_asks(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(error(429, "slow down", retry_after=0.3), good(targets=[GDP]))
    extraction = make_backend(server, tmp_path).extract(make_chunk())
    assert extraction.targets
    first, second = server.history
    assert second.received - first.received >= 0.3


def test_a_reply_slower_than_the_timeout_is_retried(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(slow(1.5, good(targets=[JOBS])), good(targets=[GDP]))
    began = time.monotonic()
    extraction = make_backend(server, tmp_path, timeout=0.3).extract(make_chunk())
    assert [target.quote for target in extraction.targets] == [GDP["quote"]]
    assert time.monotonic() - began < 1.5


@pytest.mark.parametrize(
    ("replies", "calls"),
    [
        pytest.param(
            [raw_text('{"targets": [{"indicator": '), good(targets=[GDP])], 2, id="malformed-then-good"
        ),
        pytest.param([raw_text("好的，以下是结果。"), good(targets=[GDP])], 2, id="prose-then-good"),
    ],
)
def test_a_malformed_reply_is_reasked(
    server: FakeModelServer, tmp_path: Path, replies: list[Reply], calls: int
) -> None:
    server.enqueue(*replies)
    extraction = make_backend(server, tmp_path).extract(make_chunk())
    assert [target.quote for target in extraction.targets] == [GDP["quote"]]
    assert extraction.llm_calls == calls
    # Asked again as it was: a reply that is no JSON at all carries nothing to repair.
    assert server.history[-1].messages == server.history[0].messages


def test_malformed_twice_is_a_failed_chunk(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(raw_text("{not json"), raw_text("{still not json"))
    with pytest.raises(BackendError, match="not JSON") as raised:
        make_backend(server, tmp_path).extract(make_chunk())
    assert server.calls == 2
    assert API_KEY not in str(raised.value)


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        pytest.param(MADE_UP_QUOTE, "quote not in text", id="quote-not-in-text"),
        pytest.param(MADE_UP_NUMBER, NUMBER_NOT_IN_QUOTE, id="number-not-in-quote"),
    ],
)
def test_fabrications_go_to_a_small_repair_then_are_dropped(
    server: FakeModelServer, tmp_path: Path, bad: dict[str, Any], reason: str
) -> None:
    server.enqueue(good(targets=[GDP, bad], goals=[GOAL]), good(targets=[GDP, bad], goals=[GOAL]))
    extraction = make_backend(server, tmp_path).extract(make_chunk())
    assert [target.quote for target in extraction.targets] == [GDP["quote"]]
    assert [goal.quote for goal in extraction.goals] == [GOAL["quote"]]
    assert [(item.kind, item.quote, item.reason) for item in extraction.dropped] == [
        ("target", bad["quote"], reason)
    ]
    repair = server.history[1]
    assert server.calls == 2 and repair.is_repair and not repair.is_reask
    asked = str(repair.messages[1]["content"])
    assert reason in asked and bad["quote"] in asked
    # Not the whole chunk again: the failing item and the sentence nearest to it.
    assert repair.chunk_text is None and len(asked) < len(TEXT) + 200
    assert "城镇新增就业1.2万人" in asked or "地区生产总值增长6.5%左右" in asked


def test_a_repair_that_fixes_the_item_keeps_it(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(good(targets=[GDP, MADE_UP_NUMBER]), good(targets=[GDP, JOBS]))
    extraction = make_backend(server, tmp_path).extract(make_chunk())
    assert [target.quote for target in extraction.targets] == [GDP["quote"], JOBS["quote"]]
    assert extraction.dropped == []
    assert extraction.llm_calls == 2


def test_a_lean_target_is_read_from_its_quote(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(
        good(targets=[{"q": "地区生产总值增长6.5%左右", "k": "r"}, {"q": "城镇新增就业1.2万人", "k": "r"}])
    )
    gdp, jobs = make_backend(server, tmp_path).extract(make_chunk()).targets
    assert (gdp.indicator, gdp.value, gdp.unit, gdp.change, gdp.qualifier, gdp.kind) == (
        "地区生产总值",
        6.5,
        "%",
        "growth",
        "approx",
        "result",
    )
    assert (jobs.indicator, jobs.value, jobs.unit, jobs.given) == ("城镇新增就业", 1.2, "万人", [])


def test_what_the_model_gives_wins_and_is_recorded(server: FakeModelServer, tmp_path: Path) -> None:
    text = "城镇、农村居民人均可支配收入分别增长6%、8%。"
    server.enqueue(
        good(
            targets=[
                {
                    "q": "城镇、农村居民人均可支配收入分别增长6%、8%",
                    "k": "t",
                    "i": "城镇居民人均可支配收入",
                    "v": 6,
                },
                {
                    "q": "城镇、农村居民人均可支配收入分别增长6%、8%",
                    "k": "t",
                    "i": "农村居民人均可支配收入",
                    "v": 8,
                    "y": 0,
                },
            ]
        )
    )
    urban, rural = make_backend(server, tmp_path).extract(make_chunk(text)).targets
    assert (urban.indicator, urban.value, urban.change, urban.year, urban.given) == (
        "城镇居民人均可支配收入",
        6,
        "growth",
        2024,
        ["indicator", "value"],
    )
    assert (rural.indicator, rural.value, rural.year, rural.given) == (
        "农村居民人均可支配收入",
        8,
        None,
        ["indicator", "value", "year"],
    )


def test_a_targets_kind_is_the_list_it_comes_in(server: FakeModelServer, tmp_path: Path) -> None:
    """``results`` holds what was reached, ``targets`` what is to be; an item's own ``k`` wins."""
    text = "今年全市地区生产总值增长6.5%左右。明年城镇新增就业1.2万人。"
    server.enqueue(
        good(
            results=[{"q": "地区生产总值增长6.5%左右"}],
            targets=[{"q": "城镇新增就业1.2万人"}, {"q": "地区生产总值增长6.5%左右", "k": "r"}],
        )
    )
    found = make_backend(server, tmp_path).extract(make_chunk(text)).targets
    assert [(target.quote, target.kind) for target in found] == [
        ("城镇新增就业1.2万人", "target"),
        ("地区生产总值增长6.5%左右", "result"),
        ("地区生产总值增长6.5%左右", "result"),
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # The indicators in order; the numbers are the quote's last ones.
        (
            {"q": "城镇、农村居民人均可支配收入分别增长6%、8%", "i": ["城镇居民收入", "农村居民收入"]},
            [("城镇居民收入", 6, ["indicator"]), ("农村居民收入", 8, ["indicator"])],
        ),
        # The numbers given where they are not the last ones; an indicator left out is read.
        (
            {"q": "全市生产总值增长7%、地区居民收入分别增长6%、8%", "i": ["城镇居民收入", ""], "v": [6, 8]},
            [("城镇居民收入", 6, ["indicator", "value"]), ("地区居民收入", 8, ["value"])],
        ),
    ],
)
def test_the_figures_of_one_clause_come_as_one_item(
    server: FakeModelServer,
    tmp_path: Path,
    item: dict[str, Any],
    expected: list[tuple[str, float, list[str]]],
) -> None:
    """A ``分别`` clause is quoted once: one target per figure, each placed on the whole clause."""
    text = item["q"] + "。"
    server.enqueue(good(targets=[item]))
    found = make_backend(server, tmp_path).extract(make_chunk(text)).targets
    assert [(target.indicator, target.value, target.given) for target in found] == expected
    assert {(target.quote, target.kind) for target in found} == {(item["q"], "target")}


def test_lists_that_do_not_pair_make_an_invalid_item(server: FakeModelServer, tmp_path: Path) -> None:
    text = "城镇、农村居民人均可支配收入分别增长6%、8%。"
    quote = text[:-1]
    server.enqueue(
        good(
            targets=[
                {"q": quote, "i": ["城镇居民收入", "农村居民收入"], "v": [6]},
                {"q": quote, "i": ["甲", "乙", "丙"]},  # more indicators than numbers
                {"q": quote, "i": "城镇居民收入", "v": 6},
            ]
        )
    )
    extraction = make_backend(server, tmp_path).extract(make_chunk(text))
    assert [(target.indicator, target.value) for target in extraction.targets] == [("城镇居民收入", 6)]
    assert [(item.quote, item.reason) for item in extraction.dropped] == [(quote, "invalid item")] * 2
    assert server.calls == 1  # nothing to repair: an invalid item is dropped


@pytest.mark.parametrize(
    ("written", "area"),
    [
        ("民", "livelihood"),
        ("改", "reform_opening"),
        ("改革开放", "reform_opening"),
        ("economy", "economy"),
        ("其他", "other"),
    ],
)
def test_a_tasks_area_is_one_character(
    server: FakeModelServer, tmp_path: Path, written: str, area: str
) -> None:
    server.enqueue(good(tasks=[{"q": "全力扩大有效投资", "a": written}]))
    (task,) = make_backend(server, tmp_path).extract(make_chunk()).tasks
    assert task.area == area


def test_units_and_qualifiers_are_normalized(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(good(targets=[GDP]))
    (target,) = make_backend(server, tmp_path).extract(make_chunk()).targets
    assert (target.unit, target.qualifier, target.change) == ("%", "approx", "growth")


def test_usage_is_counted_from_the_api(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(good(targets=[GDP], usage=(1234, 56)))
    extraction = make_backend(server, tmp_path).extract(make_chunk())
    assert (extraction.llm_calls, extraction.prompt_tokens, extraction.completion_tokens) == (1, 1234, 56)


def test_a_second_run_is_served_from_the_cache(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(good(targets=[GDP], tasks=[TASK]))
    first = make_backend(server, tmp_path, use_cache=True).extract(make_chunk())
    server.reset()
    second = make_backend(server, tmp_path, use_cache=True).extract(make_chunk())
    assert server.calls == 0
    assert (second.cache_hits, second.llm_calls, second.prompt_tokens) == (1, 0, 0)
    assert second.targets == first.targets and second.tasks == first.tasks


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            {"prompt": Prompt("extract", "changed-version", load_prompt().system)}, id="prompt-version"
        ),
        pytest.param({"model": "another-model"}, id="model"),
        pytest.param({"mode": "json"}, id="mode"),
        pytest.param({"temperature": 0.7}, id="temperature"),
    ],
)
def test_a_changed_setting_misses_the_cache(
    server: FakeModelServer, tmp_path: Path, change: dict[str, Any]
) -> None:
    server.enqueue(good(targets=[GDP]), good(targets=[GDP]))
    make_backend(server, tmp_path, use_cache=True).extract(make_chunk())
    again = make_backend(server, tmp_path, use_cache=True, **change).extract(make_chunk())
    assert server.calls == 2
    assert again.cache_hits == 0


def test_a_failed_chunk_is_not_cached(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(error(500), good(targets=[GDP]))
    with pytest.raises(BackendError):
        make_backend(server, tmp_path, use_cache=True, max_retries=0).extract(make_chunk())
    assert make_backend(server, tmp_path, use_cache=True).extract(make_chunk()).cache_hits == 0
    assert server.calls == 2


def test_the_api_key_appears_in_no_cache_file_and_no_error(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(good(targets=[GDP]), error(500, f"echoing your key {API_KEY}"))
    make_backend(server, tmp_path, use_cache=True).extract(make_chunk())
    with pytest.raises(BackendError) as raised:
        make_backend(server, tmp_path, use_cache=True, max_retries=0).extract(make_chunk(TEXT + "另一段。"))
    assert API_KEY not in str(raised.value)
    files = [path for path in (tmp_path / "cache").rglob("*") if path.is_file()]
    assert files
    assert all(API_KEY.encode() not in path.read_bytes() for path in files)


def test_a_tools_rejection_falls_back_to_json_mode(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(rejects_tools(), good(targets=[GDP]), good(targets=[JOBS]))
    backend = make_backend(server, tmp_path)
    assert backend.extract(make_chunk()).targets[0].quote == GDP["quote"]
    assert backend.extract(make_chunk()).targets[0].quote == JOBS["quote"]
    assert [request.mode for request in server.history] == ["tools", "json", "json"]
    assert backend.mode == "json"
    assert "rejected" in backend.notes[0] and "'json'" in backend.notes[0]


@pytest.mark.parametrize("mode", ["tools", "json", "json_schema", "md_json"])
def test_each_instructor_mode_round_trips(server: FakeModelServer, tmp_path: Path, mode: str) -> None:
    server.enqueue(good(targets=[GDP], goals=[GOAL], tasks=[TASK]))
    extraction = make_backend(server, tmp_path, mode=mode).extract(make_chunk())
    assert server.history[0].mode == mode
    assert [len(extraction.goals), len(extraction.targets), len(extraction.tasks)] == [1, 1, 1]


def test_concurrent_aextract_calls_overlap(tmp_path: Path) -> None:
    sentences = [
        "全市地区生产总值增长6.5%左右。",
        "城镇新增就业1.2万人。",
        "粮食总产量稳定在50亿斤以上。",
    ] * 2
    chunks = [
        make_chunk(f"第{index}段。{text}", start=index * 100, index=index)
        for index, text in enumerate(sentences)
    ]
    latency = 0.3

    def reply(request: FakeRequest) -> dict[str, list[dict[str, Any]]]:
        assert request.chunk_text is not None
        return {"goals": [{"text": "段落", "quote": request.chunk_text[:4]}]}

    with FakeModelServer(latency=latency) as fake:
        fake.reply_with(reply)
        backend = make_backend(fake, tmp_path)

        async def run_all() -> list[Any]:
            return await asyncio.gather(*(backend.aextract(chunk) for chunk in chunks))

        began = time.monotonic()
        results = asyncio.run(run_all())
        elapsed = time.monotonic() - began
    received = [request.received for request in fake.history]
    assert fake.max_in_flight > 1
    assert max(received) - min(received) < latency
    assert elapsed < latency * len(chunks)
    assert [result.goals[0].quote for result in results] == [chunk.text[:4] for chunk in chunks]


def test_aextract_works_across_event_loops(server: FakeModelServer, tmp_path: Path) -> None:
    server.enqueue(good(targets=[GDP]), good(targets=[JOBS]))
    backend = make_backend(server, tmp_path)

    async def extract_and_close() -> Extraction:
        try:
            return await backend.aextract(make_chunk())
        finally:
            await backend.aclose()

    first = asyncio.run(extract_and_close())
    second = asyncio.run(extract_and_close())
    assert [first.targets[0].quote, second.targets[0].quote] == [GDP["quote"], JOBS["quote"]]


def test_a_failed_chunk_is_recorded_and_the_others_go_on(server: FakeModelServer, tmp_path: Path) -> None:
    paragraphs = [
        "全市地区生产总值增长6.5%左右，经济运行稳中向好。" * 5,
        "城镇新增就业1.2万人，民生保障有力有效。" * 5,
        "粮食总产量稳定在50亿斤以上，农业基础更加稳固。" * 5,
    ]
    text = "\n".join(paragraphs) + "\n"

    def reply(request: FakeRequest) -> Reply | dict[str, list[dict[str, Any]]]:
        chunk_text = request.chunk_text or ""
        if "城镇新增就业" in chunk_text:
            return error(500, "this chunk always fails")
        return {"goals": [{"text": "首句", "quote": chunk_text.strip()[:6]}]}

    server.reply_with(reply)
    backend = make_backend(server, tmp_path, max_retries=1, chunk_chars=200)
    backend.chunk_overlap = 0
    summary = summarize_text(text, "x.txt", backend.settings, backend=backend)
    provenance = summary.provenance
    assert provenance.chunks == 3
    assert len(provenance.failed_chunks) == 1
    failed = provenance.failed_chunks[0]
    assert "城镇新增就业" in text[failed.start : failed.end]
    assert len(summary.documents[0].goals) == 2
    # Two good chunks, and the failed one's two calls (one retry) counted too.
    assert (provenance.llm_calls, provenance.failed_calls, provenance.retries) == (4, 2, 1)
    assert provenance.llm_calls == server.calls


def test_needs_an_endpoint(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="SUMMARIZER_BASE_URL"):
        LLMBackend(Settings(backend="llm", cache_dir=tmp_path))


def test_registers_as_the_llm_backend(server: FakeModelServer, tmp_path: Path) -> None:
    backend = get_backend("llm", Settings(backend="llm", base_url=server.base_url, cache_dir=tmp_path))
    assert (backend.name, backend.prompt_version) == ("llm", load_prompt().version)


def test_cache_stats_and_clear(server: FakeModelServer, tmp_path: Path) -> None:
    assert cache_stats(tmp_path / "cache").entries == 0
    server.enqueue(good(targets=[GDP]), good(targets=[JOBS]))
    backend = make_backend(server, tmp_path, use_cache=True)
    backend.extract(make_chunk())
    backend.extract(make_chunk(TEXT + "另一段。"))
    backend.close()
    assert cache_stats(tmp_path / "cache").entries == 2
    assert clear_cache(tmp_path / "cache") == 2
    assert cache_stats(tmp_path / "cache").entries == 0


def test_the_prompt_is_a_constant_prefix_and_the_chunk_goes_last(
    server: FakeModelServer, tmp_path: Path
) -> None:
    server.enqueue(good(), good())
    backend = make_backend(server, tmp_path)
    backend.extract(make_chunk("第一段文字。"))
    backend.extract(make_chunk("第二段文字。"))
    first, second = (request.messages for request in server.history)
    assert first[0] == second[0] and first[0]["role"] == "system"
    assert first[-1]["content"].endswith("第一段文字。\n</原文>")
    assert chunk_text_of(user_message(make_chunk("数字8.5%。\n下一段"))) == "数字8.5%。\n下一段"
    assert len(load_prompt().system) <= 1500


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param("approx", "approx", id="enum-value"),
        pytest.param("左右", "approx", id="word-after"),
        pytest.param("约", "approx", id="word-before"),
        pytest.param("以内", "at_most", id="within"),
        pytest.param("以上", "at_least", id="above"),
        pytest.param("null", None, id="null-string"),
        pytest.param(None, None, id="none"),
    ],
)
def test_normalize_qualifier(written: str | None, expected: str | None) -> None:
    assert normalize_qualifier(written) == expected


@pytest.mark.parametrize(
    ("target", "chunk_text", "problem"),
    [
        pytest.param({"value": 8.5, "quote": "增长8.5%"}, "GDP增长8.5%。", None, id="exact"),
        pytest.param({"value": 8.5, "quote": "增长８．５％"}, "GDP增长8.5%。", None, id="full-width-quote"),
        pytest.param({"value": 6, "quote": "六成以上"}, "占比六成以上。", None, id="chinese-numeral"),
        pytest.param({"value": 6, "value_high": 6.5, "quote": "6%—6.5%"}, "增长6%—6.5%", None, id="range"),
        pytest.param(
            {"value": 7, "quote": "增长8.5%"}, "GDP增长8.5%。", NUMBER_NOT_IN_QUOTE, id="wrong-number"
        ),
        pytest.param(
            {"value": 6, "value_high": 7, "quote": "6%—6.5%"}, "6%—6.5%", NUMBER_NOT_IN_QUOTE, id="bad-high"
        ),
        pytest.param({"value": 8.5, "quote": "增长 8.5%"}, "GDP增长8.5%。", None, id="extra-space"),
        pytest.param(
            {"value": 8.5, "quote": "提高8.5%"}, "GDP增长8.5%。", "quote not in text", id="reworded"
        ),
        pytest.param({"value": None, "quote": "增长XX%"}, "收入增长XX%。", None, id="placeholder"),
    ],
)
def test_grounding_problem(target: dict[str, Any], chunk_text: str, problem: str | None) -> None:
    numbers = [n for n in (target.get("value"), target.get("value_high")) if n is not None]
    assert grounding_problem(target["quote"], chunk_text, numbers) == problem


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param('{"goals": []}', id="bare"),
        pytest.param('```json\n{"goals": []}\n```', id="fenced"),
        pytest.param('结果如下：{"goals": []} 以上。', id="in-prose"),
    ],
)
def test_parse_reply_json(reply: str) -> None:
    assert parse_reply_json(reply) == {"goals": []}


def test_the_number_grammar_loads_with_the_first_reply_not_with_the_backend(server: FakeModelServer) -> None:
    """Compiling the rules' number grammar takes some 35 ms: left for the worker thread while the first
    calls are out, not spent before them."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from summarizer.backends.llm import LLMBackend\n"
        "from summarizer.config import Settings\n"
        "from summarizer.models import Chunk, DocumentSpan\n"
        f"backend = LLMBackend(Settings(backend='llm', base_url={server.base_url!r}, api_key='x', use_cache=False))\n"
        "grammar = 'summarizer.backends.rules.targets'\n"
        "print(grammar in sys.modules)\n"
        f"text = {TEXT!r}\n"
        "document = DocumentSpan(index=0, start=0, end=len(text), plan_year=2024)\n"
        "found = backend.extract(Chunk(0, 0, len(text), text, document))\n"
        "print(grammar in sys.modules, [target.value for target in found.targets])\n"
    )
    server.enqueue(good(targets=[GDP]))
    printed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert printed == ["False", "True [6.5]"]


def test_a_repair_is_a_small_structured_call_in_the_runs_mode(
    server: FakeModelServer, tmp_path: Path
) -> None:
    """instructor makes the repair too, in the run's mode, with a schema of only what it repairs."""
    server.enqueue(good(targets=[GDP, MADE_UP_QUOTE]), good())
    make_backend(server, tmp_path).extract(make_chunk())
    main, repair = server.history
    assert main.mode == repair.mode == "tools" and repair.is_repair
    parameters = repair.body["tools"][0]["function"]["parameters"]
    assert set(parameters["properties"]) == {"results"}  # the made-up item is a result: its list only
    assert set(parameters["properties"]["results"]["items"]["properties"]) == {"q", "i", "v", "y"}
    assert repair.prompt_chars < main.prompt_chars / 2


def test_the_call_limit_is_not_held_through_a_backoff(server: FakeModelServer, tmp_path: Path) -> None:
    """With room for one call, a chunk waiting out a 429 lets the other chunk's call go first."""
    first, second = "今年地区生产总值增长6.5%左右。", "城镇新增就业1.2万人。"

    def reply(request: FakeRequest) -> Reply | dict[str, Any]:
        if (request.chunk_text or "").startswith("今年") and not any(
            (r.chunk_text or "").startswith("今年") for r in server.history[:-1]
        ):
            return error(429, "slow down", retry_after=0.4)
        return {}

    server.reply_with(reply)
    backend = make_backend(server, tmp_path, concurrency=1)

    async def both() -> None:
        limiter = asyncio.Semaphore(1)
        await asyncio.gather(
            backend.aextract(make_chunk(first), limiter),
            backend.aextract(make_chunk(second, index=1), limiter),
        )
        await backend.aclose()

    asyncio.run(both())
    order = [(request.chunk_text or "")[:2] for request in server.history]
    assert order == ["今年", "城镇", "今年"]
