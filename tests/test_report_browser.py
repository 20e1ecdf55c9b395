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


# --- The corpus view, the order of the documents, search, and the page at phone width and in print.

REPORT_2022 = (
    "政府工作报告\n——2022年1月10日在易县第十七届人民代表大会第一次会议上\n各位代表：\n一、2021年工作回顾\n"
    "过去一年，全县地区生产总值增长6.2%。\n二、2022年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长6.5%以上，固定资产投资增长8%左右。\n"
)
REPORT_2023 = (
    "政府工作报告\n——2023年1月9日在易县第十七届人民代表大会第二次会议上\n各位代表：\n一、2022年工作回顾\n"
    "过去一年，全县地区生产总值增长6.8%，固定资产投资增长5%。\n二、2023年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n"
)
PHONE = {"width": 390, "height": 844}


def county_entries() -> list[ReportEntry]:
    """Two consecutive reports of one county, the later one first (as a batch might have written them)."""
    from summarizer.pipeline import summarize_text

    return [
        ReportEntry(summarize_text(REPORT_2023, "yixian-2023.txt"), REPORT_2023),
        ReportEntry(summarize_text(REPORT_2022, "yixian-2022.txt"), REPORT_2022),
    ]


def panel_cell(page: Any, indicator: str, year: int) -> Any:
    years = page.locator("table.panel thead th").all_inner_texts()
    row = page.locator("table.panel tbody tr", has=page.locator("th.ind", has_text=indicator)).first
    return row.locator("td").nth(years.index(str(year)) - 1)


def test_documents_are_listed_by_place_and_year_or_as_given(page: Any, tmp_path: Path) -> None:
    open_report(page, tmp_path, county_entries())
    options = page.locator("#doc-picker option").all_inner_texts()
    assert "yixian-2022.txt" in options[0] and "yixian-2023.txt" in options[1]
    assert "yixian-2022" in page.locator("#doc-head .source").inner_text()
    page.select_option("#doc-order", "given")
    options = page.locator("#doc-picker option").all_inner_texts()
    assert "yixian-2023.txt" in options[0] and "yixian-2022.txt" in options[1]


def test_the_corpus_view_lines_up_targets_and_results_with_a_status_in_words(
    page: Any, tmp_path: Path
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_report(page, tmp_path, county_entries())
    page.click('#views [data-view="corpus"]')
    page.wait_for_selector("table.panel")
    assert page.locator("#place-picker option").all_inner_texts()[0].startswith("易县")
    gdp = panel_cell(page, "地区生产总值", 2022)
    assert "s-met" in gdp.get_attribute("class")
    assert gdp.inner_text().split("\n") == ["T ≥6.5", "R 6.8", "met 达成"]
    investment = panel_cell(page, "固定资产投资", 2022)
    assert "s-missed" in investment.get_attribute("class") and "missed 未达成" in investment.inner_text()
    assert "no result yet" in panel_cell(page, "地区生产总值", 2023).inner_text()
    assert page.locator("#corpus-chart svg circle.target").count() == 2  # 2022 and 2023
    assert page.locator("#corpus-chart svg circle.result").count() == 2  # 2021 and 2022
    page.locator("table.panel tbody tr", has=page.locator("th.ind", has_text="固定资产投资")).locator(
        "th"
    ).click()
    assert "固定资产投资" in page.locator("#corpus-chart h3").inner_text()
    gdp.locator("button.rv").click()
    page.wait_for_selector("#doc-text span.sel")
    assert not page.locator("#layout").is_hidden()
    assert "yixian-2023" in page.locator("#doc-head .source").inner_text()
    assert page.locator("#doc-text span.sel").first.inner_text() == "地区生产总值增长6.8%"
    assert [url for url in requests if not url.startswith(("file:", "data:", "about:"))] == []
    assert page.trouble == []


def test_search_finds_documents_and_items_and_opens_one(page: Any, tmp_path: Path) -> None:
    open_report(page, tmp_path, county_entries())
    page.fill("#search", "固定资产投资")
    page.wait_for_selector("#search-results:not([hidden]) .hit")
    assert page.locator("#search-results .count").inner_text().startswith("2 matches")
    page.locator("#search-results .hit.k-result").click()
    page.wait_for_selector("#doc-text span.sel")
    assert page.locator("#search-results").is_hidden()
    assert page.locator("#doc-text span.sel").first.inner_text() == "固定资产投资增长5%"
    page.fill("#search", "易县")
    page.wait_for_selector("#search-results:not([hidden]) .hit.k-document")
    assert page.trouble == []


def test_missing_years_and_fields_print_nothing_not_null(page: Any, tmp_path: Path) -> None:
    text = "有关工作的说明\n全县粮食产量稳定在20万吨左右。\n"
    summary = make_summary(text, targets=(("粮食产量稳定在20万吨左右", "粮食产量", 20, "result"),))
    assert summary.documents[0].targets[0].year is None and summary.documents[0].overview is None
    open_report(page, tmp_path, [ReportEntry(summary, text)])
    assert "null" not in page.locator("body").inner_text()
    assert "undefined" not in page.locator("body").inner_text()


def test_a_new_document_opens_at_its_top(page: Any, tmp_path: Path) -> None:
    text, summary = long_document()
    other = summary.model_copy(update={"source": "other.txt"})
    open_report(page, tmp_path, [ReportEntry(summary, text), ReportEntry(other, text)])
    page.evaluate("document.getElementById('reader').scrollTop = 4000")
    page.evaluate("document.getElementById('pane-items').scrollTop = 4000")
    assert page.evaluate("document.getElementById('reader').scrollTop") > 0
    page.click("#next-doc")
    assert page.evaluate("document.getElementById('reader').scrollTop") == 0
    assert page.evaluate("document.getElementById('pane-items').scrollTop") == 0


def test_at_phone_width_the_text_takes_the_screen_and_nothing_overflows(page: Any, tmp_path: Path) -> None:
    page.set_viewport_size(PHONE)
    text, summary = long_document()
    open_report(page, tmp_path, [ReportEntry(summary, text), *county_entries()])
    assert page.locator("#doc-text").bounding_box()["width"] >= 330
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.evaluate("window.scrollTo(0, 3000)")
    page.click("#next-doc")
    assert page.evaluate("window.scrollY") == 0
    page.click('#views [data-view="corpus"]')
    page.wait_for_selector("table.panel")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.locator("#corpus-chart svg").bounding_box()["width"] <= PHONE["width"]
    page.screenshot(path=str(tmp_path / "phone-corpus.png"))
    assert page.trouble == []


def test_print_shows_the_text_without_the_controls(page: Any, tmp_path: Path) -> None:
    text, summary = long_document()
    open_report(page, tmp_path, [ReportEntry(summary, text)])
    page.emulate_media(media="print")
    assert page.locator("#bar").is_hidden()
    assert page.locator("#tabs").is_hidden()
    assert page.locator("#doc-text").is_visible()
    assert page.locator("#pane-items").is_visible()
    assert page.locator("#pane-table").is_hidden()
