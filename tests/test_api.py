"""The library as a Python user meets it: a few names from `summarizer`, the environment read as the CLI
reads it, and calls that work from plain code, from async code and inside a running event loop."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_process import run_summarizer
from fake_model import FakeModelServer, FakeRequest, Reply

import summarizer
from summarizer import Settings, Summary, asummarize, asummarize_file, summarize, summarize_file
from summarizer.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ffe56f79dac5013f.txt"
TEXT = "二、2023年工作安排\n今年地区生产总值增长6%左右，城镇新增就业1.2万人。\n"


def without_timing(summary: Summary) -> dict:
    data = json.loads(summary.model_dump_json())
    data["provenance"]["seconds"] = 0
    return data


def test_the_library_names_are_few_and_documented() -> None:
    assert set(summarizer.__all__) == {
        "Settings",
        "Summary",
        "summarize",
        "summarize_file",
        "asummarize",
        "asummarize_file",
        "panel_frame",
        "targets_frame",
    }
    assert all(callable(getattr(summarizer, name)) for name in summarizer.__all__)
    with pytest.raises(AttributeError):
        summarizer.no_such_name  # noqa: B018


def test_summarize_file_gives_what_extract_prints() -> None:
    printed = run_summarizer("extract", str(SEED))
    assert printed.returncode == 0, printed.stderr
    from_cli = json.loads(printed.stdout)
    from_cli["provenance"]["seconds"] = 0
    assert without_timing(summarize_file(SEED)) == from_cli


def test_summarize_a_text() -> None:
    summary = summarize(TEXT, source="plan.txt")
    assert summary.source == "plan.txt"
    assert [(t.indicator, t.indicator_id) for t in summary.documents[0].targets] == [
        ("地区生产总值", "gdp"),
        ("城镇新增就业", "urban_new_jobs"),
    ]


def test_settings_read_the_environment_as_the_cli_does(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SUMMARIZER_CHUNK_CHARS", "900")
    monkeypatch.setenv("SUMMARIZER_API_TOKEN", "tok-123")
    monkeypatch.setenv("SUMMARIZER_BASE_URL", "http://127.0.0.1:9/v1")
    settings = Settings()
    assert settings.chunk_chars == 900
    assert settings.api_token is not None and settings.api_token.get_secret_value() == "tok-123"
    assert settings.backend == "llm"  # an endpoint in the environment makes llm the default, as in the CLI
    assert Settings(backend="rules", chunk_chars=1200).chunk_chars == 1200
    monkeypatch.setenv("SUMMARIZER_BACKEND", "nonsense")
    with pytest.raises(ConfigError, match="unknown backend"):
        summarize(TEXT)


def model_reply(request: FakeRequest) -> Reply | dict:
    text = request.chunk_text or ""
    found = re.search(r"地区生产总值增长(\d+)%左右", text)
    if not found:
        return {}
    return {
        "targets": [
            {
                "indicator": "地区生产总值",
                "value": float(found.group(1)),
                "unit": "%",
                "change": "growth",
                "qualifier": "approx",
                "kind": "target",
                "quote": found.group(0),
            }
        ]
    }


def test_both_calls_work_inside_a_running_event_loop_with_the_model_backend(tmp_path: Path) -> None:
    with FakeModelServer() as fake:
        fake.reply_with(model_reply)
        settings = Settings(
            backend="llm", base_url=fake.base_url, api_key="sk-test", cache_dir=tmp_path / "cache"
        )

        async def as_in_jupyter() -> tuple[Summary, Summary, Summary]:
            plain = summarize(TEXT, settings=settings)  # a synchronous call while this loop runs
            awaited = await asummarize(TEXT, settings=settings.model_copy(update={"use_cache": False}))
            path = tmp_path / "plan.txt"
            path.write_text(TEXT, encoding="utf-8")
            from_file = await asummarize_file(path, settings=settings)
            return plain, awaited, from_file

        plain, awaited, from_file = asyncio.run(as_in_jupyter())
    for summary in (plain, awaited, from_file):
        assert [(t.quote, t.indicator_id) for t in summary.documents[0].targets] == [
            ("地区生产总值增长6%左右", "gdp")
        ]
    assert plain.provenance.llm_calls == awaited.provenance.llm_calls == 1
    assert from_file.provenance.cache_hits == 1


def test_the_readme_library_example_runs_as_written() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Library") :]
    example = section[
        section.index("```python") + len("```python") : section.index("```", section.index("```python") + 9)
    ]
    ran = subprocess.run(
        [sys.executable, "-c", example], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert ran.returncode == 0, ran.stderr
    assert "地区生产总值" in ran.stdout or "GDP" in ran.stdout


def test_the_pipeline_entry_runs_an_async_backend_inside_a_running_loop(tmp_path: Path) -> None:
    from summarizer.pipeline import summarize_text

    with FakeModelServer() as fake:
        fake.reply_with(model_reply)
        settings = Settings(
            backend="llm", base_url=fake.base_url, api_key="sk-test", cache_dir=tmp_path / "c"
        )

        async def in_a_loop() -> Summary:
            return summarize_text(TEXT, "plan.txt", settings)  # once: "asyncio.run() cannot be called ..."

        summary = asyncio.run(in_a_loop())
    assert [t.indicator_id for t in summary.documents[0].targets] == ["gdp"]


def test_dir_of_the_package_lists_its_public_names_before_they_are_loaded() -> None:
    """Issue 19, fault 14: dir() and tab completion (Jupyter's, rlcompleter here) see the lazy names."""
    script = (
        "import json, sys, summarizer, rlcompleter\n"
        "names = dir(summarizer)\n"
        "loaded = 'summarizer.api' in sys.modules\n"
        "completed = rlcompleter.Completer({'summarizer': summarizer}).attr_matches('summarizer.asum')\n"
        "print(json.dumps([names, loaded, completed]))"
    )
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    names, loaded, completed = json.loads(ran.stdout)
    assert set(summarizer.__all__) <= set(names) and "__version__" in names
    assert [name for name in names if not name.startswith("_")] == sorted(summarizer.__all__)
    assert loaded is False  # listing the names loads none of them
    assert completed == ["summarizer.asummarize(", "summarizer.asummarize_file("]
