"""The panel: targets lined up with later results per place, indicator, measure and year, and its status."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from summarizer.cli import reports_errors, with_settings
from summarizer.cli.report_cmd import panel_command
from summarizer.errors import ConfigError
from summarizer.indicators import load_registry
from summarizer.models import Document, Provenance, Summary, Target
from summarizer.panel import COLUMNS, build_panel, panel_rows, unit_of, write_panel


def target(
    indicator: str,
    value: float | None,
    *,
    kind: str = "target",
    year: int | None = None,
    unit: str = "%",
    change: str = "growth",
    qualifier: str | None = None,
    value_high: float | None = None,
) -> Target:
    quote = f"{indicator}{value}{unit}"
    return Target.model_construct(
        indicator=indicator,
        value=value,
        value_high=value_high,
        unit=unit,
        change=change,
        qualifier=qualifier,
        kind=kind,
        year=year,
        quote=quote,
        start=0,
        end=len(quote),
        indicator_id=None,
    )


def report(place: str | None, plan_year: int, *targets: Target, source: str | None = None) -> Summary:
    document = Document(
        index=0,
        title="政府工作报告",
        start=0,
        end=100,
        place=place,
        review_year=plan_year - 1,
        plan_year=plan_year,
    )
    for item in targets:
        if item.year is None:  # a target for the plan year, a result for the year reviewed
            item.year = plan_year if item.kind == "target" else plan_year - 1
    document.targets = list(targets)
    return Summary(
        source=source or f"{place}-{plan_year}.txt",
        sha256="0" * 64,
        documents=[document],
        provenance=Provenance(backend="rules"),
    )


def rows(*summaries: Summary) -> list[dict[str, Any]]:
    registry = load_registry()
    return list(panel_rows(build_panel(summaries, registry), registry))


def only(*summaries: Summary) -> dict[str, Any]:
    (row,) = rows(*summaries)
    return row


# --- Units.


@pytest.mark.parametrize(
    ("written", "base", "factor"),
    [
        ("亿元", "元", 1e8),
        ("万亿元", "元", 1e12),
        ("亿斤", "公斤", 5e7),
        ("万吨", "公斤", 1e7),
        ("万亩", "亩", 1e4),
        ("公顷", "亩", 15),
        ("家", "家", 1),
        ("万家", "家", 1e4),
        ("千瓦", "千瓦", 1),
        ("万千瓦", "千瓦", 1e4),
        ("‰", "%", 0.1),
        ("万人", "人", 1e4),
    ],
)
def test_a_unit_is_a_multiplier_of_a_base(written: str, base: str, factor: float) -> None:
    unit = unit_of(written)
    assert (unit.base, unit.factor) == (base, pytest.approx(factor))


# --- Lining up.


def test_a_target_lines_up_with_the_result_reported_the_next_year() -> None:
    row = only(
        report("易县", 2022, target("地区生产总值", 6.5, qualifier="at_least")),
        report("易县", 2023, target("地区生产总值", 6.8, kind="result")),
    )
    assert {
        k: row[k] for k in ("place", "indicator_id", "measure", "year", "target", "result", "status")
    } == {
        "place": "易县",
        "indicator_id": "gdp",
        "measure": "growth",
        "year": 2022,
        "target": 6.5,
        "result": 6.8,
        "status": "met",
    }
    assert row["target_source"] == "易县-2022.txt" and row["result_source"] == "易县-2023.txt"


def test_growth_and_level_are_separate_rows() -> None:
    found = rows(
        report(
            "易县",
            2022,
            target("地区生产总值", 6.5),
            target("地区生产总值", 200, unit="亿元", change="level"),
        ),
    )
    assert [(r["measure"], r["unit"], r["target"]) for r in found] == [
        ("growth", "%", 6.5),
        ("level", "亿元", 200),
    ]


def test_a_result_of_the_running_year_is_not_its_outcome() -> None:
    # A report given in 2022 that says 1—11月 growth for 2022 has not seen the year's outcome.
    row = only(
        report(
            "易县", 2022, target("地区生产总值", 6.5), target("地区生产总值", 3.0, kind="result", year=2022)
        )
    )
    assert (row["result"], row["status"]) == (None, "no result yet")


def test_a_result_without_a_target() -> None:
    row = only(report("易县", 2023, target("地区生产总值", 6.8, kind="result")))
    assert (row["year"], row["target"], row["result"], row["status"]) == (2022, None, 6.8, "no target")


def test_documents_without_a_place_are_left_out_and_counted() -> None:
    panel = build_panel([report(None, 2022, target("地区生产总值", 6.5))], load_registry())
    assert (panel.cells, panel.documents, panel.documents_without_place) == ({}, 1, 1)


def test_an_unknown_indicator_is_left_out() -> None:
    assert rows(report("易县", 2022, target("亩均税收", 10))) == []


def test_a_county_that_became_a_district_is_one_series_under_its_latest_name() -> None:
    row = only(
        report("徐水县", 2012, target("地区生产总值", 12)),
        report("徐水区", 2013, target("地区生产总值", 12.5, kind="result")),
    )
    assert (row["place"], row["status"]) == ("徐水区", "met")


def test_values_are_compared_across_units() -> None:
    row = only(
        report(
            "全国", 2020, target("国内生产总值", 100, unit="万亿元", change="level", qualifier="at_least")
        ),
        report("全国", 2021, target("国内生产总值", 1015986, unit="亿元", change="level", kind="result")),
    )
    assert (row["unit"], row["result"], row["status"]) == ("万亿元", pytest.approx(101.5986), "met")


def test_a_change_from_an_earlier_year_is_not_the_years_growth() -> None:
    earlier = target("地区生产总值", 31.7, kind="result")
    earlier.quote = "地区生产总值比2011年增长31.7%"
    assert rows(report("容城县", 2017, earlier)) == []


# --- Status.


@pytest.mark.parametrize(
    ("indicator", "t", "r", "extra", "status"),
    [
        pytest.param("地区生产总值", 6.5, 6.5, {"qualifier": "at_least"}, "met", id="at-least-reached"),
        pytest.param("地区生产总值", 6.5, 6.4, {"qualifier": "at_least"}, "missed", id="at-least-short"),
        pytest.param(
            "城镇登记失业率", 4.5, 4.5, {"qualifier": "at_most", "change": "level"}, "met", id="at-most"
        ),
        pytest.param(
            "城镇登记失业率",
            4.5,
            4.6,
            {"qualifier": "at_most", "change": "level"},
            "missed",
            id="at-most-over",
        ),
        pytest.param("地区生产总值", 6.0, 5.8, {"qualifier": "approx"}, "met", id="approx-within"),
        pytest.param("地区生产总值", 6.0, 5.6, {"qualifier": "approx"}, "missed", id="approx-short"),
        pytest.param(
            "地区生产总值", 6.0, 7.5, {"qualifier": "approx"}, "met", id="approx-beyond-on-the-better-side"
        ),
        pytest.param(
            "居民消费价格涨幅",
            3.0,
            3.5,
            {"qualifier": "approx", "change": "level"},
            "missed",
            id="approx-cpi-over",
        ),
        pytest.param(
            "居民消费价格涨幅",
            3.0,
            0.9,
            {"qualifier": "approx", "change": "level"},
            "met",
            id="approx-cpi-under",
        ),
        pytest.param("地区生产总值", 7.0, 6.9, {}, "missed", id="exact-short"),
        pytest.param("地区生产总值", 7.0, 7.0, {}, "met", id="exact-reached"),
        pytest.param("地区生产总值", 6.0, 6.2, {"value_high": 6.5}, "met", id="range-inside"),
        pytest.param("地区生产总值", 6.0, 5.9, {"value_high": 6.5}, "missed", id="range-under"),
        pytest.param("进口总额", 5.0, 4.8, {}, "reached", id="exact-no-better-side-within-tolerance"),
        pytest.param("进口总额", 5.0, 9.0, {}, "reached", id="exact-no-better-side-beaten-is-reached"),
        pytest.param("进口总额", 5.0, 4.0, {}, "not reached", id="exact-no-better-side-short"),
        pytest.param("进口总额", 5.0, 4.0, {"qualifier": "at_most"}, "reached", id="no-better-side-at-most"),
        pytest.param("进口总额", 5.0, 5.5, {"qualifier": "at_most"}, "not reached", id="no-better-side-over"),
        pytest.param(
            "生猪出栏",
            44,
            46,
            {"unit": "万头", "change": "level"},
            "reached",
            id="xushui-pigs-beaten-is-reached",
        ),
        pytest.param("生猪出栏", 44, 40, {"unit": "万头", "change": "level"}, "not reached", id="pigs-short"),
        pytest.param("地区生产总值", None, 6.0, {}, "unclear", id="placeholder"),
    ],
)
def test_status(indicator: str, t: float | None, r: float, extra: dict[str, Any], status: str) -> None:
    result_fields = {k: v for k, v in extra.items() if k in ("change", "unit")}
    row = only(
        report("易县", 2022, target(indicator, t, **extra)),
        report("易县", 2023, target(indicator, r, kind="result", **result_fields)),
    )
    assert row["status"] == status


def test_a_decline_is_negative_and_at_least_a_fall_is_at_most_the_signed_value() -> None:
    fall = {"change": "decline", "unit": "%"}
    met = only(
        report("全国", 2022, target("单位国内生产总值能耗", 3, qualifier="at_least", **fall)),
        report("全国", 2023, target("单位国内生产总值能耗", 3.5, kind="result", **fall)),
    )
    missed = only(
        report("全国", 2022, target("单位国内生产总值能耗", 3, qualifier="at_least", **fall)),
        report("全国", 2023, target("单位国内生产总值能耗", 2.0, kind="result", **fall)),
    )
    assert (met["target"], met["result"], met["target_qualifier"], met["status"]) == (
        -3,
        -3.5,
        "at_most",
        "met",
    )
    assert missed["status"] == "missed"


def test_two_different_results_of_one_report_are_a_conflict_shown_with_both() -> None:
    row = only(
        report("全国", 2022, target("国内生产总值", 5.5, qualifier="approx")),
        report(
            "全国",
            2023,
            target("国内生产总值", 3.0, kind="result", year=2022),
            target("GDP", 3.1, kind="result", year=2022),
            source="a.txt",
        ),
    )
    assert (row["status"], row["result"]) == ("unclear", None)
    assert "2 different results" in row["note"] and "3%" in row["note"] and "3.1%" in row["note"]


@pytest.mark.parametrize(
    ("indicator", "unit", "t", "results", "expected"),
    [
        pytest.param(
            "城镇调查失业率",
            "%",
            (5.5, "approx"),
            [(5.2, None), (5.5, "at_most")],
            ("met", 5.2),
            id="a-rate-within-the-bound-it-was-held-to",
        ),
        pytest.param(
            "粮食产量",
            "亿斤",
            (500, "approx"),
            [(515.6, None), (500, "at_least")],
            ("met", 515.6),
            id="an-output-past-the-step-it-passed",
        ),
        pytest.param(
            "粮食产量",
            "亿斤",
            (725, "at_least"),
            [(700, "at_least"), (732.5, None)],
            ("met", 732.5),
            id="the-bound-given-first",
        ),
        pytest.param(
            "城镇新增就业",
            "万人",
            (120, "at_least"),
            [(141, None), (690, "at_least")],
            ("unclear", None),
            id="a-bound-the-value-breaks-is-a-conflict",
        ),
        pytest.param(
            "城镇调查失业率",
            "%",
            (5.5, "approx"),
            [(5.2, None), (5.4, None)],
            ("unclear", None),
            id="two-values-are-a-conflict",
        ),
    ],
)
def test_a_value_over_a_bound_of_the_same_report_that_it_keeps_to(
    indicator: str,
    unit: str,
    t: tuple[float, str],
    results: list[tuple[float, str | None]],
    expected: tuple[str, float | None],
) -> None:
    change = "level"
    later = [
        target(indicator, value, kind="result", unit=unit, change=change, qualifier=qualifier)
        for value, qualifier in results
    ]
    row = only(
        report("全国", 2025, target(indicator, t[0], unit=unit, change=change, qualifier=t[1])),
        report("全国", 2026, *later),
    )
    assert (row["status"], row["result"]) == expected


def test_of_results_in_several_reports_the_first_after_the_year_counts_and_the_later_is_named() -> None:
    row = only(
        report("全国", 2022, target("国内生产总值", 5.5, qualifier="approx")),
        report("全国", 2024, target("国内生产总值", 3.1, kind="result", year=2022), source="b.txt"),
        report("全国", 2023, target("国内生产总值", 3.0, kind="result", year=2022), source="a.txt"),
    )
    assert (row["status"], row["result"], row["result_source"]) == ("missed", 3, "a.txt")
    assert row["note"] == "set aside: 3.1% (b.txt: 国内生产总值3.1%)"


def test_the_same_value_twice_is_one_figure_not_a_conflict() -> None:
    row = only(
        report("全国", 2022, target("国内生产总值", 5.5, qualifier="approx")),
        report("全国", 2023, target("国内生产总值", 5.4, kind="result"), target("GDP", 5.4, kind="result")),
    )
    assert row["status"] == "met"


def test_a_growth_target_with_only_a_later_level_says_so() -> None:
    row = next(
        r
        for r in rows(
            report("清苑区", 2022, target("地区生产总值", 8, qualifier="at_least")),
            report("清苑区", 2023, target("地区生产总值", 166.2, unit="亿元", change="level", kind="result")),
        )
        if r["measure"] == "growth"
    )
    assert row["status"] == "not reported"  # the 2023 report reviews 2022 but gives only the level
    assert row["note"] == "a later report gives the level only: 166.2亿元 (清苑区-2023.txt)"


# --- Files and the command.


def _panel(tmp_path: Path) -> Path:
    batch = tmp_path / "corpus.jsonl"
    summaries = [
        report("易县", 2022, target("地区生产总值", 6.5, qualifier="at_least")),
        report("易县", 2023, target("地区生产总值", 6.8, kind="result")),
        report(None, 2023, target("地区生产总值", 6.8, kind="result")),
    ]
    batch.write_text("".join(s.model_dump_json() + "\n" for s in summaries), encoding="utf-8")
    return batch


def panel_app() -> typer.Typer:
    app = typer.Typer()
    app.command("panel")(reports_errors(with_settings(panel_command)))
    app.command("noop")(lambda: None)
    return app


def test_panel_command_writes_csv_with_a_bom(tmp_path: Path) -> None:
    out = tmp_path / "panel.csv"
    result = CliRunner().invoke(panel_app(), ["panel", str(_panel(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 cells from 3 file(s), 3 document(s); 1 without a place left out" in result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert list(row) == list(COLUMNS)
    assert (row["place"], row["target"], row["result"], row["status"]) == ("易县", "6.5", "6.8", "met")


def test_panel_jsonl_carries_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "panel.jsonl"
    result = CliRunner().invoke(panel_app(), ["panel", str(_panel(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [f["value"] for f in row["targets"]] == [6.5]
    assert [f["source"] for f in row["results"]] == ["易县-2023.txt"]


def test_panel_xlsx_has_a_frozen_header_and_filters(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "panel.xlsx"
    result = CliRunner().invoke(panel_app(), ["panel", str(_panel(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:Y2"
    assert [c.value for c in sheet[2]][:10] == [
        "易县",
        "县",
        "保定市",
        "gdp",
        "地区生产总值",
        "growth",
        2022,
        "annual",
        "%",
        6.5,
    ]


def test_panel_refuses_an_unknown_suffix_before_any_work(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        panel_app(), ["panel", str(tmp_path / "absent.txt"), "-o", str(tmp_path / "p.xls")]
    )
    assert result.exit_code == ConfigError.exit_code
    assert "must end in .csv, .jsonl, .xlsx, .db, .sqlite or .parquet" in result.stderr


def test_panel_with_no_readable_input_fails_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "panel.csv"
    result = CliRunner().invoke(panel_app(), ["panel", str(tmp_path / "absent.jsonl"), "-o", str(out)])
    assert result.exit_code != 0
    assert "nothing written" in result.stderr
    assert not out.exists()


def test_write_panel_counts_rows(tmp_path: Path) -> None:
    registry = load_registry()
    panel = build_panel([report("易县", 2022, target("地区生产总值", 6.5))], registry)
    assert write_panel(panel, registry, tmp_path / "p.csv") == 1
