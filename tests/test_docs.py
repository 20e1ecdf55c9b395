"""docs/cli.md is every command's --help, generated; this fails when a command changed and it was not."""

from __future__ import annotations

from pathlib import Path

from summarizer.cli.docs import render

ROOT = Path(__file__).resolve().parent.parent


def test_the_cli_reference_is_up_to_date() -> None:
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == render(), "docs/cli.md is stale: run `python -m summarizer.cli.docs > docs/cli.md`"


def test_the_reference_has_every_command() -> None:
    text = render()
    for command in (
        "extract",
        "batch",
        "check",
        "schema",
        "eval",
        "report",
        "table",
        "panel",
        "serve",
        "cache stats",
        "cache clear",
    ):
        assert f"## summarizer {command}\n" in text
    assert "--overwrite" in text and "--workers" in text and "SUMMARIZER_API_TOKEN" in text
