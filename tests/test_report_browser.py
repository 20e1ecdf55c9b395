"""The review page in a real browser: headless Chromium, driven by Playwright, opening the file from disk.

Skipped, with the reason, when Chromium or Playwright is missing; under CI (the variable CI set) a
missing browser fails instead, so that CI proves the page works.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from test_report import HOSTILE, HOSTILE_TEXT, IMG, hostile_summary, make_summary

from summarizer.inputs import ReportEntry
from summarizer.models import Summary
from summarizer.panel import Corrections
from summarizer.pipeline import summarize_file, summarize_text
from summarizer.report import build_report

# Real processes for seconds each: the copy of the repository that .ci/run tests without ../shared leaves
# them out (`-m 'not slow'`); the full run keeps them.
pytestmark = pytest.mark.slow

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


def open_report(page: Any, tmp_path: Path, entries: list[ReportEntry], fragment: str = "#doc=0") -> None:
    """Open the page of the entries at ``fragment`` (the first document by default) once it is ready."""
    out = tmp_path / "report.html"
    out.write_text(build_report(entries), encoding="utf-8")
    page.goto(out.as_uri() + fragment)
    page.wait_for_selector("body[data-ready='1']", state="attached")


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
        # The text is in blocks laid out as they come into view, each a whole number of lines
        # whose last line break is the block's end: joined by line breaks they are the text.
        blocks = page.locator("#doc-text .chunk").evaluate_all("bs => bs.map(b => b.textContent)")
        assert "\n".join(blocks) == text[document.start : document.end]
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


# --- The views across places, routing, the order of the documents, search, phone width and print.

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
# 2024 GDP growth per place: the target set in its 2024 report and the result its 2025 report gives.
# Code-point order would put 北京市 before 安徽省 and 易县 before 阜平县; pinyin order does not.
PLACES_2024 = {
    "全国": (5, 5.0, "met"),
    "北京市": (5, 5.2, "met"),
    "安徽省": (6, 5.8, "met"),
    "河北省": (6, 5.4, "missed"),
    "易县": (7, 6.1, "missed"),
    "涞水县": (6, 7, "met"),
    "阜平县": (6.5, 5.0, "missed"),
}
PICKER_ORDER = ["全国", "安徽省", "北京市", "河北省", "阜平县", "涞水县", "易县"]


def county_entries() -> list[ReportEntry]:
    """Two consecutive reports of one county, the later one first (as a batch might have written them)."""
    return [
        ReportEntry(summarize_text(REPORT_2023, "yixian-2023.txt"), REPORT_2023),
        ReportEntry(summarize_text(REPORT_2022, "yixian-2022.txt"), REPORT_2022),
    ]


def report_text(place: str, year: int, result: float | None, target: float) -> str:
    """A short work report of ``place`` given in ``year``: last year's GDP growth and this year's target."""
    if place == "全国":
        head = f"政府工作报告\n——{year}年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
    else:
        head = f"政府工作报告\n——{year}年1月10日在{place}第十七届人民代表大会第一次会议上\n各位代表：\n"
    whole = "全国" if place == "全国" else "全" + place[-1]
    review = (
        f"过去一年，{whole}地区生产总值增长{result}%。\n"
        if result is not None
        else "过去一年，各项工作扎实推进。\n"
    )
    return (
        head + f"一、{year - 1}年工作回顾\n" + review + f"二、{year}年工作安排\n"
        f"今年经济社会发展的主要预期目标是：地区生产总值增长{target}%左右。\n"
    )


def places_entries() -> list[ReportEntry]:
    """Each place's 2024 and 2025 reports: the 2024 targets of PLACES_2024 and the results for them."""
    entries = []
    for place, (target, result, _) in PLACES_2024.items():
        for year, text in (
            (2024, report_text(place, 2024, None, target)),
            (2025, report_text(place, 2025, result, 5)),
        ):
            entries.append(ReportEntry(summarize_text(text, f"{place}-{year}.txt"), text))
    return entries


def ind_places(page: Any) -> list[str]:
    return page.locator("#ind-table tbody tr").evaluate_all("rows => rows.map(row => row.dataset.place)")


def ind_cell(page: Any, place: str, year: int) -> Any:
    years = page.locator("#ind-table thead th").all_inner_texts()
    row = page.locator(f'#ind-table tbody tr[data-place="{place}"]')
    return row.locator("td").nth(years.index(str(year)) - 1)


def test_documents_are_listed_by_place_and_year_or_as_given(page: Any, tmp_path: Path) -> None:
    open_report(page, tmp_path, county_entries())
    options = page.locator("#doc-picker option").all_inner_texts()
    assert "易县 2022" in options[0] and "易县 2023" in options[1]
    assert "yixian-2023" in page.locator("#doc-head .source").inner_text()  # #doc=0, the first given
    assert page.locator("#next-doc").is_disabled()  # the last by place and year
    page.click("#prev-doc")
    assert "yixian-2022" in page.locator("#doc-head .source").inner_text()
    page.select_option("#doc-order", "given")
    options = page.locator("#doc-picker option").all_inner_texts()
    assert "易县 2023" in options[0] and "易县 2022" in options[1]


def test_the_first_screen_is_the_overview_of_the_headline_indicator_and_the_documents(
    page: Any, tmp_path: Path
) -> None:
    entries = places_entries()
    open_report(page, tmp_path, entries, fragment="")
    assert page.locator("#overview").is_visible() and page.locator("#layout").is_hidden()
    assert "地区生产总值" in page.locator("#headline h2").inner_text()
    assert "2024" in page.locator("#headline h2").inner_text()  # the latest year with a result
    statuses = page.locator("#headline-table tbody td.cell").all_inner_texts()
    assert sorted(statuses) == sorted(
        {"met": "met 达成", "missed": "missed 未达成"}[status] for *_, status in PLACES_2024.values()
    )
    assert page.locator("#overview-docs [data-doc]").count() == len(entries)
    page.locator("#overview-docs [data-doc]").first.click()
    page.wait_for_selector("#layout:not([hidden]) #pane-items [data-id]")
    assert "全国" in page.locator("#doc-head h1").inner_text()
    assert page.trouble == []


def test_the_indicator_view_lines_up_every_place_and_sorts_by_place_value_and_status(
    page: Any, tmp_path: Path
) -> None:
    open_report(page, tmp_path, places_entries(), fragment="#ind=gdp&m=growth")
    assert page.locator("#ind-year").input_value() == "2024"
    by_status = ind_places(page)
    met = [p for p in PICKER_ORDER if PLACES_2024[p][2] == "met"]
    assert by_status[: len(PLACES_2024)] == met + [p for p in PICKER_ORDER if p not in met]
    cell = ind_cell(page, "易县", 2024)
    assert "s-missed" in cell.get_attribute("class")
    assert [cell.locator(part).inner_text() for part in (".tv", ".rv", ".status")] == [
        "T ≈7",
        "R 6.1",
        "missed 未达成",
    ]
    page.click('#ind-sort [data-sort="place"]')
    assert ind_places(page) == PICKER_ORDER
    page.click('#ind-sort [data-sort="result"]')
    by_result = sorted(PLACES_2024, key=lambda p: (PLACES_2024[p][1], PICKER_ORDER.index(p)))
    assert ind_places(page) == by_result
    page.click('#ind-sort [data-sort="result"]')
    assert ind_places(page) == sorted(PLACES_2024, key=lambda p: (-PLACES_2024[p][1], PICKER_ORDER.index(p)))
    assert "sort=result" in page.url and "dir=-1" in page.url
    met_rate = page.locator("#ind-table tfoot td.focus").inner_text()
    assert met_rate == f"{round(100 * len(met) / len(PLACES_2024))}% ({len(met)}/{len(PLACES_2024)})"
    assert page.locator("#ind-dots circle.result").count() == len(PLACES_2024)
    page.select_option("#ind-level", "省")  # the provinces (and Beijing, a municipality)
    assert sorted(ind_places(page)) == sorted(["安徽省", "北京市", "河北省"])
    assert "level=%E7%9C%81" in page.url  # 省
    assert page.trouble == []


def test_back_after_jumping_from_a_panel_value_to_its_quote_returns_to_the_panel(
    page: Any, tmp_path: Path
) -> None:
    open_report(page, tmp_path, places_entries(), fragment="#ind=gdp&m=growth")
    page.click('#ind-sort [data-sort="place"]')
    panel_url = page.url
    ind_cell(page, "易县", 2024).locator("button.rv").click()
    page.wait_for_selector("#layout:not([hidden]) #doc-text span.sel")
    assert page.locator("#doc-text span.sel").first.inner_text() == "地区生产总值增长6.1%"
    assert "#doc=" in page.url
    page.go_back()
    page.wait_for_selector("#indicator:not([hidden]) #ind-table")
    assert page.url == panel_url
    assert ind_places(page) == PICKER_ORDER  # as it was left: sorted by place
    page.go_forward()
    page.wait_for_selector("#layout:not([hidden]) #doc-text span.sel")
    page.evaluate("location.hash = '#place=' + encodeURIComponent('河北省')")  # an edited address
    page.wait_for_selector("#place:not([hidden]) #place-table")
    assert page.locator("#place h1").inner_text() == "河北省"
    page.locator("#place-table button.tv").first.click()
    page.wait_for_selector("#layout:not([hidden]) #doc-text span.sel")
    page.go_back()
    page.wait_for_selector("#place:not([hidden]) #place-table")
    assert page.url.startswith(Path(tmp_path / "report.html").as_uri())
    assert page.trouble == []


def test_the_place_view_lines_up_targets_and_results_with_a_status_in_words(
    page: Any, tmp_path: Path
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_report(page, tmp_path, county_entries(), fragment="#place=易县")
    assert page.locator("#place-picker").input_value() == "易县"
    years = page.locator("#place-table thead th").all_inner_texts()
    row = page.locator("#place-table tbody tr", has=page.locator("th.ind", has_text="地区生产总值")).first
    gdp = row.locator("td").nth(years.index("2022") - 1)
    assert "s-met" in gdp.get_attribute("class")
    assert [gdp.locator(part).inner_text() for part in (".tv", ".rv", ".status")] == [
        "T ≥6.5",
        "R 6.8",
        "met 达成",
    ]
    investment = page.locator(
        "#place-table tbody tr", has=page.locator("th.ind", has_text="固定资产投资")
    ).first
    assert "missed 未达成" in investment.locator("td").nth(years.index("2022") - 1).inner_text()
    assert "no result yet" in row.locator("td").nth(years.index("2023") - 1).inner_text()
    gdp_chart = page.locator("#place-charts figure", has=page.locator("figcaption", has_text="地区生产总值"))
    assert gdp_chart.locator("circle.target").count() == 2  # 2022 and 2023
    assert gdp_chart.locator("circle.result").count() == 2  # 2021 and 2022
    gdp.hover()
    assert "status" in page.locator("#tip").inner_text()
    gdp.locator("button.rv").click()
    page.wait_for_selector("#layout:not([hidden]) #doc-text span.sel")
    assert "yixian-2023" in page.locator("#doc-head .source").inner_text()
    assert page.locator("#doc-text span.sel").first.inner_text() == "地区生产总值增长6.8%"
    assert [url for url in requests if not url.startswith(("file:", "data:", "about:"))] == []
    assert page.trouble == []


def test_chart_lines_break_at_missing_years_and_year_labels_never_overlap(page: Any, tmp_path: Path) -> None:
    entries = []
    for year, result, target in ((2004, None, 9), (2005, 9.5, 10), (2021, None, 6), (2022, 6.3, 6.5)):
        text = report_text("易县", year, result, target)
        entries.append(ReportEntry(summarize_text(text, f"yixian-{year}.txt"), text))
    for viewport in (VIEWPORT, PHONE):
        page.set_viewport_size(viewport)
        open_report(page, tmp_path, entries, fragment="#place=易县")
        chart = page.locator("#place-charts figure", has=page.locator("figcaption", has_text="地区生产总值"))
        lines = chart.locator("polyline.target").evaluate_all(
            "lines => lines.map(l => [Number(l.dataset.from), Number(l.dataset.to), l.points.numberOfItems])"
        )
        assert sorted(lines) == [[2004, 2005, 2], [2021, 2022, 2]]  # never a line from 2005 to 2021
        boxes = chart.locator("text.xlab").evaluate_all(
            "labels => labels.map(t => { const b = t.getBoundingClientRect(); return [b.left, b.right]; })"
        )
        assert len(boxes) >= 2
        boxes.sort()
        assert all(right <= next_left for (_, right), (next_left, _) in pairwise(boxes)), boxes
        page.goto("about:blank")


def test_search_finds_indicators_by_id_places_documents_and_items(page: Any, tmp_path: Path) -> None:
    open_report(page, tmp_path, places_entries(), fragment="")
    page.fill("#search", "gdp")
    page.wait_for_selector("#search-results:not([hidden]) .hit")
    assert "地区生产总值" in page.locator("#search-results .hit.k-indicator").first.inner_text()
    items = page.locator("#search-results .hit.k-target, #search-results .hit.k-result")
    assert items.count() == 2 * len(PLACES_2024) + len(PLACES_2024)  # two targets and one result per place
    assert all("地区生产总值" in text for text in items.all_inner_texts())
    page.locator("#search-results .hit.k-indicator").first.click()
    page.wait_for_selector("#indicator:not([hidden]) #ind-table")
    page.fill("#search", "阜平")
    page.wait_for_selector("#search-results:not([hidden]) .hit.k-place")
    page.locator("#search-results .hit.k-place").click()
    page.wait_for_selector("#place:not([hidden]) #place-table")
    assert page.locator("#place h1").inner_text() == "阜平县"
    page.fill("#search", "阜平县 2025")  # a document, by its label
    page.wait_for_selector("#search-results:not([hidden]) .hit.k-document")
    page.locator("#search-results .hit.k-document").click()
    page.wait_for_selector("#layout:not([hidden]) #doc-text")
    assert "阜平县-2025" in page.locator("#doc-head .source").inner_text()
    assert page.trouble == []


def test_search_finds_documents_and_items_and_opens_one(page: Any, tmp_path: Path) -> None:
    open_report(page, tmp_path, county_entries())
    page.fill("#search", "固定资产投资")
    page.wait_for_selector("#search-results:not([hidden]) .hit")
    assert (
        page.locator("#search-results .count").inner_text().startswith("3 matches")
    )  # the indicator and 2 items
    page.locator("#search-results .hit.k-result").click()
    page.wait_for_selector("#doc-text span.sel")
    assert page.locator("#search-results").is_hidden()
    assert page.locator("#doc-text span.sel").first.inner_text() == "固定资产投资增长5%"
    page.fill("#search", "易县")
    page.wait_for_selector("#search-results:not([hidden]) .hit.k-document")
    assert page.trouble == []


def test_the_place_picker_is_ordered_by_level_then_pinyin(page: Any, tmp_path: Path) -> None:
    open_report(page, tmp_path, places_entries(), fragment="#place=河北省")
    assert page.locator("#place-picker option").evaluate_all("os => os.map(o => o.value)") == PICKER_ORDER
    groups = page.locator("#place-picker optgroup").evaluate_all("gs => gs.map(g => g.label)")
    assert groups == ["国家 nation", "省 provinces", "县/区 counties"]
    page.click('#views [data-view="doc"]')
    page.wait_for_selector("#layout:not([hidden])")
    assert page.locator("#doc-order").input_value() == "place"
    groups = page.locator("#doc-picker optgroup").evaluate_all("gs => gs.map(g => g.label)")
    assert groups == PICKER_ORDER


class Listed(Corrections):
    """Corrections that only list their entries (the marks come from the patched page data)."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows

    def rows(self) -> list[dict[str, Any]]:
        return self._rows


def test_columns_the_panel_adds_and_overridden_values_are_shown_as_such(
    page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.report as report

    rows_of, document_data = report.panel_rows, report._document_data

    def more_columns(*args: Any, **kwargs: Any) -> Any:
        for row in rows_of(*args, **kwargs):
            extra = {
                "gap": 0.3,
                "stretch": 7,
                "horizon": "annual",
                "set_in": "易县 2022",
                "mystery_column": "42",
            }
            yield {**row, **extra, "overridden": [{"field": "result", "from": 6.5, "to": 6.8}]}

    def corrected(file_index: int, document: dict[str, Any], text: str | None) -> dict[str, Any]:
        data = document_data(file_index, document, text)
        data["overridden"] = [{"field": "place", "from": "易 县", "to": "易县"}]
        data["targets"][0]["overridden"] = [{"field": "value", "from": 6, "to": 6.8}]
        data["targets"][1]["overridden"] = ["set year 2021→2022 (fix.yaml:4)"]  # marks may be words
        for target in data["targets"][2:]:
            target["overridden"] = []
        return data

    monkeypatch.setattr(report, "panel_rows", more_columns)
    monkeypatch.setattr(report, "_document_data", corrected)
    out = tmp_path / "report.html"
    overrides = [
        {
            "file": "/tmp/fix.yaml",
            "line": 2,
            "source": "yixian-2023.txt",
            "action": "set",
            "field": "place",
            "value": "易县",
            "matched": 1,
        },
        {
            "file": "/tmp/fix.yaml",
            "line": 4,
            "source": "gone.txt",
            "action": "reject",
            "start": 3,
            "end": 9,
            "matched": 0,
        },
    ]
    out.write_text(report.build_report(county_entries(), corrections=Listed(overrides)), encoding="utf-8")
    page.goto(out.as_uri() + "#place=易县")
    cell = page.locator("#place-table td.cell.ovr.s-met").first
    shown = cell.inner_text()
    assert "gap +0.3" in shown and "力争7" in shown and "✎" in shown
    cell.hover()
    tip = page.locator("#tip").inner_text()
    assert "mystery column" in tip and "42" in tip and "set in" in tip and "result: 6.5 → 6.8" in tip
    page.goto(out.as_uri() + "#overview")
    assert "Overrides: 1 of 2 applied" in page.locator("#overrides h2").inner_text()
    listed = page.locator("#overrides li").all_inner_texts()
    assert listed == [
        "fix.yaml:2 set place = 易县 — yixian-2023.txt",
        "fix.yaml:4 reject — gone.txt 3–9 (matched nothing)",
    ]
    assert page.locator("#overview-docs a.ovr").count() == 2
    page.goto(out.as_uri() + "#doc=0")
    assert "place: 易 县 → 易县" in page.locator("#doc-head .ovr-note").inner_text()
    marked = page.locator("#pane-items li.ovr .ovr-mark").all_inner_texts()
    assert sorted(marked) == sorted(["✎ value: 6 → 6.8", "✎ set year 2021→2022 (fix.yaml:4)"])
    assert page.trouble == []


def test_missing_years_and_fields_print_nothing_not_null(page: Any, tmp_path: Path) -> None:
    text = "有关工作的说明\n全县粮食产量稳定在20万吨左右。\n"
    summary = make_summary(text, targets=(("粮食产量稳定在20万吨左右", "粮食产量", 20, "result"),))
    assert summary.documents[0].targets[0].year is None and summary.documents[0].overview is None
    for fragment in ("", "#overview", "#place=x", "#ind=gdp"):
        open_report(page, tmp_path, [ReportEntry(summary, text)], fragment=fragment)
        assert "null" not in page.locator("body").inner_text()
        assert "undefined" not in page.locator("body").inner_text()
        assert page.trouble == []


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


def test_the_document_picker_shows_its_whole_label_at_1440_px(page: Any, tmp_path: Path) -> None:
    open_report(page, tmp_path, places_entries(), fragment="#doc=3")
    fits = page.evaluate(
        """() => {
        const picker = document.getElementById('doc-picker');
        const context = document.createElement('canvas').getContext('2d');
        const style = getComputedStyle(picker);
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const text = picker.options[picker.selectedIndex].text;
        return [context.measureText(text).width, picker.clientWidth - 32];
    }"""
    )
    assert fits[0] <= fits[1], fits
    assert page.locator("#doc-bar").evaluate("bar => bar.scrollWidth <= bar.clientWidth")


def font_sizes(page: Any, selector: str) -> list[float]:
    """The size on screen of each text of the charts: its font size times the drawing's scale."""
    return page.locator(selector).evaluate_all(
        "ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"
    )


def test_at_phone_width_the_bar_stays_lists_come_first_and_nothing_overflows(
    page: Any, tmp_path: Path
) -> None:
    page.set_viewport_size(PHONE)
    text, summary = long_document()
    entries = [ReportEntry(summary, text), *places_entries()]
    for fragment in ("#overview", "#ind=gdp&m=growth", "#place=易县", "#doc=0"):
        open_report(page, tmp_path, entries, fragment=fragment)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], fragment
        for box in page.locator(".scroll-x:visible").all():
            assert box.bounding_box()["width"] <= PHONE["width"]
        if fragment.startswith(("#ind", "#place")):
            sizes = font_sizes(page, "svg.chart text")
            assert sizes and min(sizes) >= 11, fragment
        page.goto("about:blank")
    open_report(page, tmp_path, entries, fragment="#doc=0")
    assert page.locator("#doc-text").bounding_box()["width"] >= 330
    head, items, body = (
        page.locator(s).bounding_box()["y"] for s in ("#doc-head", "#pane-items", "#doc-text")
    )
    assert head < items < body, "the document's head, then its items, then its text"
    page.evaluate("window.scrollTo(0, 3000)")
    assert page.evaluate("window.scrollY") > 0
    assert page.locator("#bar").bounding_box()["y"] == 0, "the bar stays on top"
    page.click("#prev-doc")
    assert page.evaluate("window.scrollY") == 0
    page.click('[data-tab="table"]')
    table = page.locator("#pane-table .scroll-x")
    assert table.bounding_box()["width"] <= PHONE["width"]
    page.screenshot(path=str(tmp_path / "phone-document.png"))
    assert page.trouble == []


def test_print_shows_the_text_without_the_controls(page: Any, tmp_path: Path) -> None:
    text, summary = long_document()
    open_report(page, tmp_path, [ReportEntry(summary, text)])
    page.emulate_media(media="print")
    assert page.locator("#bar").is_hidden()
    assert page.locator("#doc-bar").is_hidden()
    assert page.locator("#tabs").is_hidden()
    assert page.locator("#doc-text").is_visible()
    assert page.locator("#pane-items").is_visible()
    assert page.locator("#pane-table").is_hidden()
