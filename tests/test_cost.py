"""What a run costs: the price table, the cost of a file's tokens (cached ones at their rate), the
batch totals, and a dry run that plans the calls and their cost without making one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_process import run_summarizer
from fake_model import FakeModelServer, good

from summarizer.backends.llm import LLMBackend
from summarizer.backends.llm.calls import Backoff
from summarizer.config import Settings
from summarizer.errors import ConfigError
from summarizer.models import Chunk, DocumentSpan
from summarizer.pipeline import summarize_text
from summarizer.prices import load_prices

ROOT = Path(__file__).resolve().parent.parent
TEXT = "今年全市地区生产总值增长6.5%左右。"


@pytest.mark.parametrize(
    ("model", "known"),
    [
        pytest.param("gpt-4o-mini", "gpt-4o-mini", id="exact"),
        pytest.param("gpt-4o-mini-2024-07-18", "gpt-4o-mini", id="dated-name"),
        pytest.param("gpt-4o-2024-11-20", "gpt-4o", id="longest-prefix"),
        pytest.param("deepseek-chat", "deepseek-chat", id="deepseek"),
        pytest.param("qwen-plus-latest", "qwen-plus", id="qwen"),
        pytest.param("my-local-model", None, id="unknown"),
    ],
)
def test_a_model_finds_its_price(model: str, known: str | None) -> None:
    table = load_prices()
    assert table.price_of(model) == (table.models[known] if known else None)


def test_cached_prompt_tokens_are_priced_at_the_cached_rate() -> None:
    table = load_prices()
    fresh = table.cost("gpt-4o-mini", 1_000_000, 0, 1_000_000)
    half_cached = table.cost("gpt-4o-mini", 1_000_000, 500_000, 1_000_000)
    assert fresh == pytest.approx(0.15 + 0.60)
    assert half_cached == pytest.approx(0.075 + 0.0375 + 0.60)
    assert table.cost("qwen-plus", 1_000_000, 500_000, 0) == pytest.approx(0.40)  # no cached rate: input
    assert table.cost("my-local-model", 10, 0, 10) is None


def test_a_users_price_file_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "prices.json"
    extra.write_text(
        json.dumps(
            {"models": {"my-model": {"input": 1, "output": 2}, "gpt-4o-mini": {"input": 9, "output": 9}}}
        )
    )
    table = load_prices(extra)
    assert table.cost("my-model", 1_000_000, 0, 1_000_000) == pytest.approx(3)
    assert table.price_of("gpt-4o-mini").input == 9  # type: ignore[union-attr]
    extra.write_text('{"models": {"x": {"input": "free"}}}')
    with pytest.raises(ConfigError, match="needs numbers"):
        load_prices(extra)


def test_a_file_gets_its_cost_from_the_tokens_the_api_reported(tmp_path: Path) -> None:
    with FakeModelServer() as fake:
        fake.enqueue(good(targets=[{"q": "地区生产总值增长6.5%左右", "k": "t"}], usage=(2_000, 300, 1_500)))
        settings = Settings(
            backend="llm", base_url=fake.base_url, api_key="sk", cache_dir=tmp_path, use_cache=False
        )
        summary = summarize_text(TEXT, "a.txt", settings)
    provenance = summary.provenance
    assert (provenance.prompt_tokens, provenance.cached_tokens, provenance.completion_tokens) == (
        2_000,
        1_500,
        300,
    )
    expected = (500 * 0.15 + 1_500 * 0.075 + 300 * 0.60) / 1_000_000
    assert provenance.cost == pytest.approx(expected, abs=1e-6)


def test_the_rules_backend_costs_nothing_and_says_no_cost() -> None:
    assert summarize_text(TEXT, "a.txt").provenance.cost is None


def test_dry_run_plans_calls_and_cost_and_makes_no_call(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with FakeModelServer() as fake:
        env = {**os.environ, "SUMMARIZER_BASE_URL": fake.base_url, "OPENAI_API_KEY": "sk"}
        ran = run_summarizer(
            "batch", str(ROOT / "seeds"), "-o", str(out), "--dry-run", "--model", "deepseek-chat", env=env
        )
        assert fake.calls == 0
    assert ran.returncode == 0, ran.stderr
    assert not out.exists()
    assert "no call made" in ran.stdout and "files 5 (71,700 characters)" in ran.stdout
    chunks = int(ran.stdout.split("chunks ")[1].split(":")[0])
    assert f"{chunks} model calls" in ran.stdout and chunks >= 5
    assert "estimated cost: $" in ran.stdout


def test_dry_run_is_within_10_percent_of_the_real_run_on_the_seeds(tmp_path: Path) -> None:
    """Tokens in, tokens out and cost, planned against spent: the fake reports tokens of 1.5
    characters, the price table's own ratio."""
    import re

    from gold_model import GoldModel

    with FakeModelServer(chars_per_token=1.5) as fake:
        fake.reply_with(GoldModel())
        env = {**os.environ, "SUMMARIZER_BASE_URL": fake.base_url, "OPENAI_API_KEY": "sk"}
        out = tmp_path / "out.jsonl"
        dry = run_summarizer("batch", str(ROOT / "seeds"), "-o", str(out), "--dry-run", env=env)
        real = run_summarizer("batch", str(ROOT / "seeds"), "-o", str(out), "--no-cache", env=env)
    assert dry.returncode == 0 and real.returncode == 0, dry.stderr + real.stderr
    planned = re.search(r"about ([\d,]+) tokens in and ([\d,]+) out\nestimated cost: \$([\d.]+)", dry.stdout)
    spent = re.search(r"tokens (\d+) in / (\d+) out.*cost \$([\d.]+)", real.stderr)
    assert planned and spent, dry.stdout + real.stderr
    for plan, run in zip(planned.groups(), spent.groups(), strict=True):
        assert float(plan.replace(",", "")) == pytest.approx(float(run), rel=0.10)


def test_dry_run_needs_no_endpoint_for_the_model_backend(tmp_path: Path) -> None:
    ran = run_summarizer(
        "batch", str(ROOT / "seeds"), "-o", str(tmp_path / "o.jsonl"), "--dry-run", "--backend", "llm"
    )
    assert ran.returncode == 0, ran.stderr
    assert "model gpt-4o-mini" in ran.stdout


def test_backend_request_body_is_what_a_call_sends(tmp_path: Path) -> None:
    backend = LLMBackend(
        Settings(backend="llm", base_url="http://127.0.0.1:9/v1", api_key="x", cache_dir=tmp_path),
        backoff=Backoff(),
    )
    chunk = Chunk(0, 0, len(TEXT), TEXT, DocumentSpan(0, 0, len(TEXT)))
    body = backend.request_body(chunk)
    assert body["model"] == "gpt-4o-mini" and body["tools"][0]["function"]["name"] == "LeanReply"
    assert body["messages"][-1]["content"].endswith(TEXT + "\n</原文>")
