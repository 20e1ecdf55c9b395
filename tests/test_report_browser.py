"""The review page in a real browser: headless Chromium, driven by Playwright, opening the file from disk.

Skipped, with the reason, when Chromium or Playwright is missing; under CI (the variable CI set) a
missing browser fails instead, so that CI proves the page works.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_report import HOSTILE, HOSTILE_TEXT, IMG, hostile_summary, make_summary

from summarizer.inputs import ReportEntry
from summarizer.models import Summary
from summarizer.pipeline import summarize_file
from summarizer.report import build_report

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
SHARED_SCREENSHOT = Path("/tmp/report_screenshot.png")
COMPILATION = Path(__file__).resolve().parent.parent / "seeds" / "004_36cc8cee4c64f578.txt"
VIEWPORT = {"width": 1440, "height": 900}


def _missing_tools() -> list[str]:
    missing = []
    if not CHROMIUM.is_file():
        missing.append(f"{CHROMIUM} (Debian: apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package (pip install playwright; no `playwright install` needed)")
    return missing


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Any]:
    """A page of a fresh Chromium profile; the dialogs and script errors it meets are in ``page.trouble``."""
    missing = _missing_tools()
    if missing:
        reason = "the browser test needs " + " and ".join(missing)
        if _in_ci():
            pytest.fail(reason + " (CI is set, so this is not skipped)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=VIEWPORT,
        )
        try:
            opened = context.new_page()
            opened.trouble = []
            opened.on(
                "dialog", lambda dialog: (opened.trouble.append(f"dialog {dialog.message}"), dialog.dismiss())
            )
            opened.on("pageerror", lambda error: opened.trouble.append(f"error {error}"))
            yield opened
        finally:
            context.close()


def open_report(page: Any, tmp_path: Path, entries: list[ReportEntry], fragment: str = "") -> None:
    out = tmp_path / "report.html"
    out.write_text(build_report(entries), encoding="utf-8")
    page.goto(out.as_uri() + fragment)
    page.wait_for_selector("#pane-items [data-id]")


def in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    reader = page.locator("#reader").bounding_box()
    return (
        box is not None
        and box["y"] >= reader["y"]
        and box["y"] + box["height"] <= reader["y"] + reader["height"]
        and 0 <= box["y"] <= VIEWPORT["height"]
    )


def long_document() -> tuple[str, Summary]:
    filler = "".join(
        f"（{n}）坚持稳中求进工作总基调，统筹发展和安全，扎实推进各项工作。\n" for n in range(1, 160)
    )
    text = "在市委经济工作会议上的讲话\n" + filler + "明年全市地区生产总值增长7%左右，城镇新增就业3万人。\n"
    summary = make_summary(
        text,
        title="在市委经济工作会议上的讲话",
        targets=(("地区生产总值增长7%左右", "地区生产总值", 7, "target"),),
        goals=("统筹发展和安全",),
    )
    return text, summary


def test_clicking_an_item_scrolls_to_its_span_and_flashes_it(page: Any, tmp_path: Path) -> None:
    text, summary = long_document()
    open_report(page, tmp_path, [ReportEntry(summary, text)])
    span = "#doc-text span.h-target"
    assert not in_viewport(page, span), "the target starts out of view, so the click must scroll"
    page.click("#pane-items li.k-target")
    page.wait_for_selector(f"{span}.flash.sel")
    assert page.locator(f"{span}.sel").inner_text() == "地区生产总值增长7%左右"
    assert in_viewport(page, f"{span}.sel")
    assert page.locator("#pane-items li.cur").count() == 1
    page.screenshot(path=str(tmp_path / "clicked.png"))
    assert page.trouble == []


def test_a_target_shows_its_normalized_fields_on_hover(page: Any, tmp_path: Path) -> None:
    text, summary = long_document()
    open_report(page, tmp_path, [ReportEntry(summary, text)])
    page.click("#pane-items li.k-target")
    page.hover("#doc-text span.h-target")
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    shown = tip.inner_text()
    for expected in ("地区生产总值", "7", "%", "growth", "target"):
        assert expected in shown


def test_source_markup_renders_as_text_and_runs_nothing(page: Any, tmp_path: Path) -> None:
    open_report(page, tmp_path, [ReportEntry(hostile_summary(), HOSTILE_TEXT)])
    page.wait_for_timeout(300)
    assert page.locator("#doc-text").inner_text().count(HOSTILE) == 1
    assert IMG in page.locator("#doc-text").inner_text()
    assert page.locator("#doc-text img, #doc-text script, #side img").count() == 0
    page.click('[data-tab="dropped"]')
    assert "税收收入增长<b>9%</b>" in page.locator("#pane-dropped").inner_text()
    assert page.trouble == []


def test_filters_hide_a_kind_in_the_text_and_the_list(page: Any, tmp_path: Path) -> None:
    open_report(page, tmp_path, [ReportEntry(hostile_summary(), HOSTILE_TEXT)])
    assert page.locator("#doc-text .h-result").count() > 0
    page.uncheck('[data-filter="kind-result"]')
    assert page.locator("#doc-text .h-result").count() == 0
    assert page.locator("#pane-items li.k-result").count() == 0
    assert page.locator("#pane-items li.k-target").count() == 1


def test_the_picker_shows_each_speech_of_the_compilation(page: Any, tmp_path: Path) -> None:
    summary = summarize_file(COMPILATION)
    text = COMPILATION.read_text(encoding="utf-8")
    open_report(page, tmp_path, [ReportEntry(summary, text)])
    assert page.locator("#doc-picker option").count() == len(summary.documents) == 4
    for k, document in enumerate(summary.documents):
        page.select_option("#doc-picker", str(k))
        shown = page.locator("#doc-text").inner_text()
        assert shown.strip() == text[document.start : document.end].strip()
        assert page.locator("#pane-items [data-id]").count() == (
            len(document.goals) + len(document.targets) + len(document.tasks)
        )
    page.select_option("#doc-picker", "0")
    items = page.locator("#pane-items li.k-target, #pane-items li.k-result")
    items.nth(items.count() - 1).click()
    page.wait_for_selector("#doc-text span.sel.flash")
    assert in_viewport(page, "#doc-text span.sel")
    shot = tmp_path / "compilation.png"
    page.screenshot(path=str(shot))
    shutil.copyfile(shot, SHARED_SCREENSHOT)
    assert page.trouble == []
