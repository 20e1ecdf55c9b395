"""The analyst's dataset: columns, statuses, choices among figures, filters, --headline, overrides, the
SQLite / Parquet / wide exports and the pandas frames, through the library and the command."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from cli_process import run_summarizer
from test_report import page_data, page_documents

from summarizer.errors import ConfigError
from summarizer.exports import need
from summarizer.hierarchy import place_level, place_matches, place_parent
from summarizer.indicators import load_registry
from summarizer.labels import document_label
from summarizer.models import Document, Provenance, Summary, Target
from summarizer.overrides import load_overrides
from summarizer.panel import COLUMNS, build_panel, panel_rows
from summarizer.selection import Selection, headline_only
from summarizer.table import COLUMNS as TABLE_COLUMNS

# A county's report: the review's headline results, a five-year review, the main targets announced in
# a paragraph of their own, and a target elsewhere in the plan.
TEXT = (
    "易县2025年政府工作报告\n"
    "一、2024年工作回顾\n"
    "过去一年，全县地区生产总值增长6.1%，一般公共预算收入增长5%，生猪出栏46万头。\n"
    "五年来，地区生产总值年均增长6%，城镇新增就业2万人，一般公共预算收入增长9%。\n"
    "二、2025年工作安排\n"
    "今年经济社会发展的主要预期目标是：\n"
    "地区生产总值增长6%左右，一般公共预算收入增长5%以上、力争达到6%，生猪出栏44万头。\n"
    "项目建设方面，固定资产投资增长10%。\n"
)


def item(
    quote: str, indicator: str, value: float | None, *, kind: str = "target", year: int = 2025, **fields: Any
) -> Target:
    """A target pinned to its first place in TEXT."""
    start = TEXT.index(quote)
    return Target(
        indicator=indicator,
        value=value,
        kind=kind,  # type: ignore[arg-type]
        year=year,
        quote=quote,
        start=start,
        end=start + len(quote),
        **({"unit": "%", "change": "growth"} | fields),
    )


GDP_2024 = item("地区生产总值增长6.1%", "地区生产总值", 6.1, kind="result", year=2024)
REVENUE_2024 = item("一般公共预算收入增长5%，生猪", "一般公共预算收入", 5, kind="result", year=2024)
JOBS_FIVE_YEARS = item(
    "城镇新增就业2万人", "城镇新增就业", 2, kind="result", year=2024, unit="万人", change="level"
)
GDP_TARGET = item("地区生产总值增长6%左右", "地区生产总值", 6, qualifier="approx")
REVENUE_TARGET = item(
    "一般公共预算收入增长5%以上、力争达到6%", "一般公共预算收入", 5, qualifier="at_least", stretch=6
)
PIGS_TARGET = item("生猪出栏44万头", "生猪出栏", 44, unit="万头", change="level")
INVESTMENT = item("固定资产投资增长10%", "固定资产投资", 10)


def county_report(source: str = "yixian-2025.txt") -> Summary:
    document = Document(
        index=0,
        title="易县2025年政府工作报告",
        start=0,
        end=len(TEXT),
        jurisdiction="县",
        place="易县",
        review_year=2024,
        plan_year=2025,
        targets=[
            GDP_2024,
            REVENUE_2024,
            JOBS_FIVE_YEARS,
            GDP_TARGET,
            REVENUE_TARGET,
            PIGS_TARGET,
            INVESTMENT,
        ],
    )
    return Summary(
        source=source,
        sha256=hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
        documents=[document],
        provenance=Provenance(backend="rules"),
    )


def next_report(
    *targets: Target, place: str = "易县", plan_year: int = 2026, source: str = "yixian-2026.txt"
) -> Summary:
    document = Document(
        index=0,
        title="政 府 工 作 报 告",
        start=0,
        end=200,
        jurisdiction="县",
        place=place,
        review_year=plan_year - 1,
        plan_year=plan_year,
        targets=list(targets),
    )
    return Summary(
        source=source, sha256="0" * 64, documents=[document], provenance=Provenance(backend="rules")
    )


def result(
    indicator: str, value: float, *, year: int = 2025, quote: str | None = None, **fields: Any
) -> Target:
    quote = quote or f"{indicator}{value}"
    return Target.model_construct(
        indicator=indicator,
        value=value,
        value_high=None,
        stretch=None,
        unit=fields.get("unit", "%"),
        change=fields.get("change", "growth"),
        qualifier=None,
        kind="result",
        year=year,
        quote=quote,
        start=fields.get("start", 0),
        end=fields.get("start", 0) + len(quote),
        indicator_id=None,
        given=None,
    )


def aim(
    quote: str, indicator: str, value: float, *, year: int = 2025, start: int = 0, **fields: Any
) -> Target:
    """A target of some other text, at ``start``."""
    return Target(
        indicator=indicator,
        value=value,
        kind="target",
        year=year,
        quote=quote,
        start=start,
        end=start + len(quote),
        **({"unit": "%", "change": "growth"} | fields),
    )


def rows(*summaries: Summary, **keep: Any) -> list[dict[str, Any]]:
    registry = load_registry()
    selection = Selection.of(registry, **keep)
    return list(panel_rows(build_panel(summaries, registry), registry, keep=selection.keeps_cell))


def cell(
    found: list[dict[str, Any]], indicator_id: str, measure: str = "growth", year: int = 2025
) -> dict[str, Any]:
    (row,) = [
        r for r in found if (r["indicator_id"], r["measure"], r["year"]) == (indicator_id, measure, year)
    ]
    return row


# --- Places, labels, names.


def test_places_have_a_level_and_a_parent_from_the_packaged_data() -> None:
    assert (place_level("易县"), place_parent("易县")) == ("县", "保定市")
    assert (place_level("河南省"), place_parent("河南省")) == ("省", "全国")
    assert (place_level("北京市"), place_parent("北京市")) == ("省", "全国")
    assert (place_level("全国"), place_parent("全国")) == ("国家", None)
    assert (place_level("某某区"), place_parent("某某区")) == ("区", None)


@pytest.mark.parametrize(
    ("wanted", "name", "matches"),
    [
        ("徐水县", "徐水区", True),
        ("河南", "河南省", True),
        ("广西", "广西壮族自治区", True),
        ("河南", "河北省", False),
        ("易", "易县", True),
        ("容城", "易县", False),
    ],
)
def test_a_place_a_user_names_matches_its_series_or_short_form(wanted: str, name: str, matches: bool) -> None:
    assert place_matches(wanted, name) is matches


def test_a_document_label_is_readable() -> None:
    assert (
        document_label("河南省", 2025, "2025年河南省政府工作报告", "x/henan-2025.txt")
        == "河南省 2025年政府工作报告"
    )
    assert document_label("易县", 2022, "政 府 工 作 报 告", "a.txt") == "易县 2022年政府工作报告"
    assert (
        document_label("阜平县", 2020, "2020年1月21日在阜平县第十七届人民代表大会第四次会议上", "a")
        == "阜平县 2020年政府工作报告"
    )
    assert document_label("全国", 1954, None, "national/1954.txt") == "全国 1954年 (1954.txt)"


def test_national_gdp_is_named_as_the_nation_writes_it() -> None:
    found = rows(
        next_report(result("国内生产总值", 5.0, year=2024), place="全国", plan_year=2025),
        next_report(result("地区生产总值", 5.1, year=2024), plan_year=2025),
    )
    assert {r["place"]: r["indicator"] for r in found} == {"全国": "国内生产总值", "易县": "地区生产总值"}


# --- Columns and statuses.


def test_a_cell_carries_its_level_parent_horizon_stretch_gap_and_the_year_it_was_set() -> None:
    found = rows(county_report(), next_report(result("一般公共预算收入", 5.5)))
    row = cell(found, "public_budget_revenue")
    assert {
        k: row[k]
        for k in (
            "place",
            "level",
            "parent",
            "horizon",
            "target",
            "stretch",
            "result",
            "gap",
            "status",
            "set_in",
        )
    } == {
        "place": "易县",
        "level": "县",
        "parent": "保定市",
        "horizon": "annual",
        "target": 5,
        "stretch": 6,
        "result": 5.5,
        "gap": 0.5,
        "status": "met",
        "set_in": 2025,
    }
    assert row["note"] == "stretch 6% not reached"
    assert row["target_document"] == "易县 2025年政府工作报告"
    assert row["result_document"] == "易县 2026年政府工作报告"


def test_an_indicator_with_no_better_side_is_reached_never_missed_for_beating_it() -> None:
    found = rows(county_report(), next_report(result("生猪出栏", 46, unit="万头", change="level")))
    assert cell(found, "pigs_slaughtered", "level")["status"] == "reached"


def test_not_reported_where_the_later_report_is_there_and_no_result_yet_where_it_is_not() -> None:
    later = next_report(result("地区生产总值", 5.9))
    assert cell(rows(county_report(), later), "fixed_asset_investment")["status"] == "not reported"
    assert "gives no growth figure" in cell(rows(county_report(), later), "fixed_asset_investment")["note"]
    assert cell(rows(county_report()), "fixed_asset_investment")["status"] == "no result yet"


def test_a_five_year_target_is_its_own_cell_judged_against_the_years_result() -> None:
    plan = next_report(place="易县", plan_year=2021, source="yixian-2021.txt")
    plan.documents[0].targets = [
        aim(
            "到2025年地区生产总值300亿元以上",
            "地区生产总值",
            300,
            unit="亿元",
            change="level",
            qualifier="at_least",
        ),
    ]
    annual = next_report(place="易县", plan_year=2025, source="yixian-2025b.txt")
    annual.documents[0].targets = [
        aim("地区生产总值达到280亿元", "地区生产总值", 280, unit="亿元", change="level"),
    ]
    found = rows(plan, annual, next_report(result("地区生产总值", 290, unit="亿元", change="level")))
    level = {
        r["horizon"]: (r["target"], r["result"], r["status"], r["set_in"])
        for r in found
        if r["measure"] == "level"
    }
    assert level == {"annual": (280, 290, "met", 2025), "five-year": (300, 290, "missed", 2021)}


def test_the_main_figure_of_a_quote_beats_the_one_in_its_parentheses() -> None:
    quote = "地方一般公共预算收入增长1.7%（同口径增长2.5%"
    found = rows(
        county_report(),
        next_report(
            result("一般公共预算收入", 1.7, quote=quote[:16]), result("一般公共预算收入", 2.5, quote=quote)
        ),
    )
    row = cell(found, "public_budget_revenue")
    assert (row["result"], row["status"]) == (1.7, "missed")
    assert "set aside: 2.5%" in row["note"]


def test_a_value_strived_for_beside_a_floor_is_its_stretch_not_a_conflict() -> None:
    # An older extraction gave 力争达到8% as a second target: the panel reads it as the floor's stretch.
    floor = aim("地区生产总值增长7%以上", "地区生产总值", 7, qualifier="at_least")
    strive = aim("地区生产总值增长7%以上、力争达到8%", "地区生产总值", 8)
    plan = next_report(floor, strive, plan_year=2025, source="xizang-2025.txt")
    row = cell(rows(plan, next_report(result("地区生产总值", 7))), "gdp")
    assert (row["target"], row["stretch"], row["status"], row["note"]) == (
        7,
        8,
        "met",
        "stretch 8% not reached",
    )


# --- Filters and the headline paragraphs.


def test_filters_keep_the_places_levels_indicators_years_and_statuses_asked_for() -> None:
    summaries = (county_report(), next_report(result("地区生产总值", 5.9), result("一般公共预算收入", 5.5)))
    assert {r["indicator_id"] for r in rows(*summaries, indicator=["生产总值"])} == {"gdp"}
    assert rows(*summaries, place=["容城"]) == []
    assert {r["place"] for r in rows(*summaries, level=["县"])} == {"易县"}
    assert {r["year"] for r in rows(*summaries, year_from=2025, year_to=2025)} == {2025}
    assert {r["status"] for r in rows(*summaries, status=["met"])} == {"met"}


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"level": ["乡"]}, "unknown level"),
        ({"status": ["done"]}, "unknown status"),
        ({"indicator": ["亩均税收"]}, "unknown indicator"),
        ({"year_from": 2026, "year_to": 2025}, "is after"),
    ],
)
def test_a_filter_that_cannot_match_is_an_error(given: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Selection.of(load_registry(), **given)


def test_headline_keeps_the_main_targets_and_the_headline_results_only() -> None:
    kept = headline_only(county_report(), TEXT, load_registry()).documents[0].targets
    assert [t.quote for t in kept] == [
        GDP_2024.quote,
        REVENUE_2024.quote,
        GDP_TARGET.quote,
        REVENUE_TARGET.quote,
        PIGS_TARGET.quote,
    ]


def test_headline_without_the_text_keeps_nothing() -> None:
    assert headline_only(county_report(), None, load_registry()).documents[0].targets == []


# --- Overrides.


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_overrides_set_reject_accept_and_edit_and_are_listed(tmp_path: Path) -> None:
    fixes = write(
        tmp_path / "fixes.yaml",
        f"""
- {{source: yixian-2025.txt, action: set, field: place, value: 易州县}}
- {{source: yixian-2025.txt, action: reject, start: {INVESTMENT.start}, end: {INVESTMENT.end}}}
- {{source: yixian-2025.txt, action: edit, start: {GDP_TARGET.start}, end: {GDP_TARGET.end}, field: value, value: 6.5}}
""",
    )
    overrides = load_overrides(fixes, load_registry())
    fixed = overrides.apply(county_report())
    document = fixed.documents[0]
    assert document.place == "易州县"
    assert INVESTMENT.quote not in [t.quote for t in document.targets]
    assert next(t.value for t in document.targets if t.quote == GDP_TARGET.quote) == 6.5
    assert overrides.unmatched() == []
    assert overrides.document_marks("yixian-2025.txt", 0) == (
        "set place 易县→易州县 (fixes.yaml:2)",
        f"reject target {INVESTMENT.start}:{INVESTMENT.end} (fixes.yaml:3)",
    )
    registry = load_registry()
    row = cell(list(panel_rows(build_panel([fixed], registry, overrides), registry)), "gdp")
    assert (row["place"], row["target"], row["overrides"]) == (
        "易州县",
        6.5,
        "edit value 6→6.5 (fixes.yaml:4)",
    )


def test_an_accepted_item_is_kept_where_the_panel_would_leave_it_out(tmp_path: Path) -> None:
    running = result("地区生产总值", 5.8, year=2026, quote="1—11月地区生产总值增长5.8%", start=40)
    plan = next_report(aim("地区生产总值增长6%", "地区生产总值", 6, year=2026), running)
    registry = load_registry()
    assert cell(list(panel_rows(build_panel([plan], registry), registry)), "gdp", year=2026)["result"] is None
    fixes = write(
        tmp_path / "fixes.csv",
        f"source,action,start,end,note\nyixian-2026.txt,accept,40,{40 + len(running.quote)},the year's outcome\n",
    )
    overrides = load_overrides(fixes, registry)
    row = cell(
        list(panel_rows(build_panel([overrides.apply(plan)], registry, overrides), registry)),
        "gdp",
        year=2026,
    )
    assert (row["result"], row["overrides"]) == (5.8, "accept (fixes.csv:2)")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- {source: a.txt, action: drop, start: 1, end: 2}", "line 1: action must be one of"),
        ("- {action: reject, start: 1, end: 2}", "needs the source"),
        ("- {source: a.txt, action: reject}", "needs the item's start and end"),
        ("- {source: a.txt, action: set, field: colour, value: red}", "field must be one of"),
        ("- {source: a.txt, action: edit, start: 1, end: 2, field: value, value: many}", "must be a number"),
        ("- [unclosed", "not valid YAML"),
    ],
)
def test_a_bad_override_stops_with_its_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_overrides(write(tmp_path / "bad.yaml", text))


# --- Exports, through the command.


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A batch output of the county's report (its text beside it) and the next year's."""
    (tmp_path / "yixian-2025.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "corpus.jsonl"
    summaries = [
        county_report(),
        next_report(
            result("地区生产总值", 5.9, quote="地区生产总值增长5.9%"), result("一般公共预算收入", 5.5)
        ),
    ]
    out.write_text("".join(s.model_dump_json() + "\n" for s in summaries), encoding="utf-8")
    return out


def test_panel_writes_sqlite_with_documents_targets_cells_keys_and_search(
    batch: Path, tmp_path: Path
) -> None:
    out = tmp_path / "p.sqlite"
    done = run_summarizer("panel", str(batch), "-o", str(out))
    assert done.returncode == 0, done.stderr
    db = sqlite3.connect(out)
    tables = {name for (name,) in db.execute("select name from sqlite_master where type='table'")}
    assert {
        "documents",
        "targets",
        "panel_cells",
        "cell_figures",
        "indicators",
        "overrides",
        "targets_fts",
    } <= tables
    assert [c[1] for c in db.execute("pragma table_info(panel_cells)")] == [
        "id",
        *COLUMNS,
        "target_id",
        "result_id",
    ]
    assert {(f[2], f[3]) for f in db.execute("pragma foreign_key_list(targets)")} == {
        ("documents", "document_id")
    }
    assert db.execute("pragma foreign_key_check").fetchall() == []
    place, target, quote, status, label = db.execute(
        "select c.place, c.target, t.quote, c.status, d.label from panel_cells c join targets t on t.id = c.target_id"
        " join documents d on d.id = t.document_id where c.indicator_id = 'gdp' and c.measure = 'growth' and c.year = 2025"
    ).fetchone()
    assert (place, target, quote, status, label) == (
        "易县",
        6.0,
        GDP_TARGET.quote,
        "met",
        "易县 2025年政府工作报告",
    )
    found = db.execute("select quote from targets_fts where targets_fts match '生产总值'").fetchall()
    assert (GDP_TARGET.quote,) in found
    assert "idx_panel_cells_status" in {
        name for (name,) in db.execute("select name from sqlite_master where type='index'")
    }


def test_the_sqlite_file_opens_in_duckdb(batch: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    spec = importlib.util.find_spec("duckdb_ext")
    extension = None
    if spec is not None and spec.submodule_search_locations:
        found = list(
            Path(next(iter(spec.submodule_search_locations))).glob(
                f"extensions/v{duckdb.__version__}/*/sqlite_scanner.duckdb_extension"
            )
        )
        extension = found[0] if found else None
    if extension is None:
        pytest.skip(
            f"no sqlite extension for duckdb {duckdb.__version__} installed (the test extra brings one)"
        )
    out = tmp_path / "p.db"
    assert run_summarizer("panel", str(batch), "-o", str(out)).returncode == 0
    connection = duckdb.connect()
    connection.execute(f"LOAD '{extension}'")
    connection.execute(f"ATTACH '{out}' AS p (TYPE sqlite)")
    assert connection.execute(
        "select status from p.panel_cells where indicator_id = 'gdp' and measure = 'growth' and year = 2025"
    ).fetchall() == [("met",)]


def test_table_writes_parquet_with_the_files_types(batch: Path, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "t.parquet"
    done = run_summarizer("table", str(batch), "-o", str(out), "--indicator", "gdp")
    assert done.returncode == 0, done.stderr
    table = parquet.read_table(out)
    assert table.column_names == list(TABLE_COLUMNS)
    assert (
        str(table.schema.field("value").type),
        str(table.schema.field("year").type),
        str(table.schema.field("place").type),
    ) == ("double", "int64", "string")
    assert set(table.column("indicator_id").to_pylist()) == {"gdp"}


def test_parquet_without_pyarrow_names_the_extra(batch: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker" / "pyarrow"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('blocked for the test')\n", encoding="utf-8")
    import os

    env = {**os.environ, "PYTHONPATH": str(blocker.parent)}
    done = run_summarizer("panel", str(batch), "-o", str(tmp_path / "p.parquet"), env=env)
    assert done.returncode != 0
    assert (
        done.stderr.strip().splitlines()[-1] == "error: this needs pyarrow: pip install 'summarizer[parquet]'"
    )
    assert not (tmp_path / "p.parquet").exists()
    with pytest.raises(ConfigError, match=r"summarizer\[pandas\]"):
        need("no_such_module_here", "pandas")


def test_wide_has_one_column_per_year(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "w.csv"
    done = run_summarizer("panel", str(batch), "-o", str(out), "--wide", "--indicator", "gdp")
    assert done.returncode == 0, done.stderr
    found = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    growth = next(r for r in found if r["measure"] == "growth")
    assert list(growth)[-2:] == ["2024", "2025"]
    assert (growth["place"], growth["2024"], growth["2025"]) == ("易县", "no target", "met")
    values = tmp_path / "g.jsonl"
    assert (
        run_summarizer(
            "panel", str(batch), "-o", str(values), "--wide", "--wide-of", "gap", "--indicator", "gdp"
        ).returncode
        == 0
    )
    gaps = [json.loads(line) for line in values.read_text(encoding="utf-8").splitlines()]
    assert next(r for r in gaps if r["measure"] == "growth")["2025"] == pytest.approx(-0.1)


def test_filters_and_headline_through_the_command(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    done = run_summarizer(
        "table", str(batch), "-o", str(out), "--headline", "--place", "易", "--from", "2025"
    )
    # The 2026 report's text is not there: said, and its items left out; the 2025 report's headline kept.
    assert done.returncode == 1
    assert "yixian-2026.txt: --headline needs the source text to find its paragraphs" in done.stderr
    quotes = [json.loads(line)["quote"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert quotes == [GDP_TARGET.quote, REVENUE_TARGET.quote, PIGS_TARGET.quote]
    panel = tmp_path / "p.csv"
    done = run_summarizer("panel", str(batch), "-o", str(panel), "--status", "not reported", "--level", "县")
    assert done.returncode == 0, done.stderr
    found = list(csv.DictReader(io.StringIO(panel.read_text(encoding="utf-8-sig"), newline="")))
    assert {(r["indicator_id"], r["status"]) for r in found} == {
        ("fixed_asset_investment", "not reported"),
        ("pigs_slaughtered", "not reported"),
    }
    bad = run_summarizer("panel", str(batch), "-o", str(tmp_path / "x.csv"), "--status", "done")
    assert bad.returncode != 0 and bad.stderr.startswith("error: unknown status 'done'")


def test_overrides_through_the_commands_are_listed_and_one_that_matches_nothing_is_an_error(
    batch: Path, tmp_path: Path
) -> None:
    fixes = write(
        tmp_path / "fixes.yaml",
        f"""overrides:
  - {{source: yixian-2025.txt, action: edit, start: {GDP_TARGET.start}, end: {GDP_TARGET.end}, field: value, value: 5.8}}
  - {{source: elsewhere-2025.txt, action: reject, start: 1, end: 2}}
""",
    )
    out = tmp_path / "p.csv"
    done = run_summarizer("panel", str(batch), "-o", str(out), "--overrides", str(fixes))
    assert done.returncode == 1
    assert f"overrides: 1 of 2 applied from {fixes}" in done.stderr
    assert "error: override matches nothing: fixes.yaml:3: reject of elsewhere-2025.txt 1:2" in done.stderr
    row = next(
        r
        for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline=""))
        if r["indicator_id"] == "gdp" and r["year"] == "2025" and r["measure"] == "growth"
    )
    assert (row["target"], row["overrides"]) == ("5.8", "edit value 6→5.8 (fixes.yaml:2)")
    table = tmp_path / "t.sqlite"
    assert run_summarizer("table", str(batch), "-o", str(table), "--overrides", str(fixes)).returncode == 1
    db = sqlite3.connect(table)
    assert db.execute("select source, matched from overrides order by line").fetchall() == [
        ("yixian-2025.txt", 1),
        ("elsewhere-2025.txt", 0),
    ]
    assert db.execute("select overrides from targets where value = 5.8").fetchone() == (
        "edit value 6→5.8 (fixes.yaml:2)",
    )
    page = tmp_path / "r.html"
    done = run_summarizer("report", str(batch), "-o", str(page), "--overrides", str(fixes))
    assert done.returncode == 1
    shown = page.read_text(encoding="utf-8")
    assert [(o["source"], o["matched"]) for o in page_data(shown)["overrides"]] == [
        ("yixian-2025.txt", 1),
        ("elsewhere-2025.txt", 0),
    ]
    edited = [t for d in page_documents(shown) for t in d["targets"] if t.get("overridden")]
    assert [t["overridden"] for t in edited] == [["edit value 6→5.8 (fixes.yaml:2)"]]


# --- The library.


def test_frames_have_the_files_columns_and_types(batch: Path) -> None:
    pytest.importorskip("pandas")
    import summarizer

    assert {"panel_frame", "targets_frame"} <= set(summarizer.__all__)
    panel = summarizer.panel_frame(batch, indicator="gdp", year_from=2025)
    assert list(panel.columns) == list(COLUMNS)
    assert (str(panel.dtypes["target"]), str(panel.dtypes["year"]), str(panel.dtypes["status"])) == (
        "float64",
        "Int64",
        "string",
    )
    growth = panel[panel["measure"] == "growth"].iloc[0]
    assert (growth["place"], growth["target"], growth["result"], growth["status"]) == (
        "易县",
        6.0,
        5.9,
        "met",
    )
    targets = summarizer.targets_frame([batch], place="易县", headline=True)
    assert list(targets.columns) == list(TABLE_COLUMNS)
    assert len(targets) == 5 and str(targets.dtypes["start"]) == "Int64"


def test_a_target_for_a_year_before_its_document_is_left_out() -> None:
    # A 2026 report's 增长5.3% read as a target for 2025 is not the target set for 2025.
    misread = aim("地区生产总值增长5.3%", "地区生产总值", 5.3)
    later = next_report(misread, result("地区生产总值", 5.3))
    row = cell(rows(county_report(), later), "gdp")
    assert (row["target"], row["result"], row["status"]) == (6, 5.3, "missed")


def test_report_keeps_the_documents_and_targets_the_filters_ask_for(batch: Path, tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    done = run_summarizer(
        "report", str(batch), "-o", str(page), "--from", "2026", "--indicator", "一般公共预算收入"
    )
    assert done.returncode == 0, done.stderr
    assert "2 file(s), 1 document(s) written" in done.stderr  # the 2025 report reviews 2024 and plans 2025
    shown = page.read_text(encoding="utf-8")
    data = page_data(shown)
    (document,) = page_documents(shown)
    assert (document["place"], [t["indicator"] for t in document["targets"]]) == (
        "易县",
        ["一般公共预算收入"],
    )
    assert data["overrides"] == []
