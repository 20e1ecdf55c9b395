"""The cross-document targets table: its columns, canonical indicators, the CSV's BOM, JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from summarizer.cli import reports_errors, with_settings
from summarizer.cli.report_cmd import table_command
from summarizer.errors import ConfigError
from summarizer.models import Document, Provenance, Summary, Target
from summarizer.table import COLUMNS, target_rows, write_table

EXPECTED_COLUMNS = [
    "source",
    "document_index",
    "document",
    "document_title",
    "jurisdiction",
    "place",
    "level",
    "parent",
    "review_year",
    "plan_year",
    "set_in",
    "kind",
    "indicator",
    "indicator_id",
    "canonical_indicator",
    "measure",
    "horizon",
    "value",
    "value_high",
    "stretch",
    "unit",
    "change",
    "qualifier",
    "year",
    "quote",
    "start",
    "end",
    "overrides",
]
TEXT = "全市生产总值增长8.5%，城镇居民人均可支配收入增长7%、农村居民人均可支配收入增长9%，亩均税收达到30万元以上。"


def target(quote: str, indicator: str, value: float | None, **fields: object) -> Target:
    start = TEXT.index(quote)
    defaults: dict[str, object] = {"unit": "%", "change": "growth", "kind": "target", "year": 2022}
    return Target(
        indicator=indicator,
        value=value,
        quote=quote,
        start=start,
        end=start + len(quote),
        **(defaults | fields),
    )  # type: ignore[arg-type]


def summary(*targets: Target, source: str = "speech.txt") -> Summary:
    document = Document(
        index=0,
        title="在市委经济工作会议上的讲话",
        start=0,
        end=len(TEXT),
        jurisdiction="市",
        place="保定市",
        review_year=2021,
        plan_year=2022,
        targets=list(targets),
    )
    return Summary(
        source=source, sha256="0" * 64, documents=[document], provenance=Provenance(backend="rules")
    )


GDP = target("全市生产总值增长8.5%", "全市生产总值", 8.5)
URBAN = target("城镇居民人均可支配收入增长7%", "城镇居民人均可支配收入", 7)
RURAL = target("农村居民人均可支配收入增长9%", "农村居民人均可支配收入", 9)
PER_MU = target("亩均税收达到30万元以上", "亩均税收", 30, unit="万元", change="level", qualifier="at_least")


def test_columns_are_the_issues_in_its_order() -> None:
    assert list(COLUMNS) == EXPECTED_COLUMNS
    assert list(target_rows([summary(GDP)])[0]) == EXPECTED_COLUMNS


def test_a_row_carries_the_document_and_the_target() -> None:
    (row,) = target_rows([summary(PER_MU)])
    assert row == {
        "source": "speech.txt",
        "document_index": 0,
        "document": "保定市 2022年在市委经济工作会议上的讲话",
        "document_title": "在市委经济工作会议上的讲话",
        "jurisdiction": "市",
        "place": "保定市",
        "level": "市",
        "parent": "河北省",
        "review_year": 2021,
        "plan_year": 2022,
        "set_in": 2022,
        "kind": "target",
        "indicator": "亩均税收",
        "indicator_id": None,
        "canonical_indicator": "亩均税收",
        "measure": "level",
        "horizon": "annual",
        "value": 30,
        "value_high": None,
        "stretch": None,
        "unit": "万元",
        "change": "level",
        "qualifier": "at_least",
        "year": 2022,
        "quote": "亩均税收达到30万元以上",
        "start": TEXT.index("亩均"),
        "end": TEXT.index("亩均") + len("亩均税收达到30万元以上"),
        "overrides": None,
    }


def test_one_row_per_target_across_summaries() -> None:
    rows = target_rows([summary(GDP, URBAN, source="a.txt"), summary(RURAL, source="b.txt")])
    assert [(row["source"], row["indicator"]) for row in rows] == [
        ("a.txt", "全市生产总值"),
        ("a.txt", "城镇居民人均可支配收入"),
        ("b.txt", "农村居民人均可支配收入"),
    ]


def test_a_known_indicator_gets_its_id_standard_name_and_measure() -> None:
    rows = target_rows([summary(GDP, URBAN)])
    assert [(r["indicator_id"], r["canonical_indicator"], r["measure"]) for r in rows] == [
        ("gdp", "地区生产总值", "growth"),
        ("urban_disposable_income", "城镇居民人均可支配收入", "growth"),
    ]


def test_gdp_size_and_gdp_growth_share_the_id_but_not_the_measure() -> None:
    size = target("全市生产总值增长8.5%", "全市生产总值", 3000, unit="亿元", change="level")
    rows = target_rows([summary(GDP, size)])
    assert [(r["indicator_id"], r["measure"]) for r in rows] == [("gdp", "growth"), ("gdp", "level")]


def test_the_table_identifies_anew_whatever_id_the_summary_carries() -> None:
    stale = GDP.model_copy(update={"indicator_id": "retail_sales"})
    (row,) = target_rows([summary(stale)])
    assert row["indicator_id"] == "gdp"


def test_csv_starts_with_a_bom_and_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "targets.csv"
    write_table(target_rows([summary(GDP, PER_MU)]), out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == EXPECTED_COLUMNS
    assert [(r["canonical_indicator"], r["value"], r["value_high"], r["qualifier"]) for r in rows] == [
        ("地区生产总值", "8.5", "", ""),
        ("亩均税收", "30", "", "at_least"),
    ]


def test_a_csv_text_cell_that_a_spreadsheet_would_run_is_defused(tmp_path: Path) -> None:
    out = tmp_path / "targets.csv"
    write_table(target_rows([summary(GDP, source="=HYPERLINK(1)")]), out)
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline=""))
    assert row["source"] == "'=HYPERLINK(1)"


def test_jsonl_has_one_object_per_target_with_null_and_numbers(tmp_path: Path) -> None:
    out = tmp_path / "targets.jsonl"
    write_table(target_rows([summary(URBAN, RURAL)]), out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["canonical_indicator"], r["value"], r["qualifier"]) for r in rows] == [
        ("城镇居民人均可支配收入", 7, None),
        ("农村居民人均可支配收入", 9, None),
    ]
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_unknown_table_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\.csv, \.jsonl, \.xlsx, \.db, \.sqlite or \.parquet"):
        write_table([], tmp_path / "targets.xls")


def table_app() -> typer.Typer:
    app = typer.Typer()
    app.command("table")(reports_errors(with_settings(table_command)))
    app.command("noop")(lambda: None)
    return app


def test_table_command_reads_a_batch_and_applies_the_users_indicators(tmp_path: Path) -> None:
    batch = tmp_path / "out.jsonl"
    batch.write_text(summary(GDP, PER_MU).model_dump_json() + "\n", encoding="utf-8")
    extra = tmp_path / "more.json"
    extra.write_text(
        '{"indicators": [{"id": "tax_per_mu", "zh": "亩均税收", "synonyms": ["亩均税收收入"], "measures": ["level"]}]}',
        encoding="utf-8",
    )
    out = tmp_path / "targets.csv"
    result = CliRunner().invoke(
        table_app(), ["table", str(batch), "-o", str(out), "--indicators", str(extra)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [(r["indicator_id"], r["canonical_indicator"]) for r in rows] == [
        ("gdp", "地区生产总值"),
        ("tax_per_mu", "亩均税收"),
    ]


def test_table_command_refuses_an_unknown_suffix_before_any_work(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        table_app(), ["table", str(tmp_path / "absent.txt"), "-o", str(tmp_path / "t.xls")]
    )
    assert result.exit_code == ConfigError.exit_code
    assert "must end in .csv, .jsonl, .xlsx, .db, .sqlite or .parquet" in result.stderr
