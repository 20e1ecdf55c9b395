"""What report, table and panel are given, told apart; and what extract writes, valid JSON (issue 19, 11-12).

Every case runs the installed command in a process of its own, on files the commands themselves wrote.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
from pathlib import Path

import pytest
from cli_process import run_summarizer as summarizer

# Real processes for seconds each: the copy of the repository that .ci/run tests without ../shared leaves
# them out (`-m 'not slow'`); the full run keeps them.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
READERS = ("report", "table", "panel")
SUFFIX = {"report": ".html", "table": ".csv", "panel": ".csv"}


def errors_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def read(command: str, source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return summarizer(command, str(source), "-o", str(out.with_suffix(SUFFIX[command])), "--overwrite")


def table_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def as_schema(line: str, version: str) -> str:
    """A summary line as an earlier version wrote it: the fields added since left out."""
    summary = json.loads(line)
    summary["schema_version"] = version
    for document in summary["documents"]:
        for target in document["targets"]:
            target.pop("stretch", None)
            target.pop("given", None)
            if version == "1":
                target.pop("indicator_id", None)
        if version == "1":
            document.pop("place", None)
    for name in ("cost", "cached_tokens", "failed_calls", "retries"):
        summary["provenance"].pop(name, None)
    return json.dumps(summary, ensure_ascii=False)


# Two reports of one county, a year apart: a panel with cells (the seeds name no place).
COUNTY_REPORTS = {
    "a.txt": "政府工作报告\n——2021年1月10日在顺平县第十七届人民代表大会第五次会议上\n\n各位代表：\n\n"
    "二、2021年工作安排\n\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。\n",
    "b.txt": "政府工作报告\n——2022年1月12日在顺平县第十七届人民代表大会第六次会议上\n\n各位代表：\n\n"
    "一、2021年工作回顾\n\n过去一年，全县地区生产总值增长6.5%，一般公共预算收入增长7%。\n",
}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every kind of file the package writes, from the seeds (the panel from two county reports)."""
    folder = tmp_path_factory.mktemp("written")
    for name, text in COUNTY_REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    county = [str(folder / name) for name in COUNTY_REPORTS]
    paths = {
        "batch": folder / "batch.jsonl",
        "extract": folder / "one.json",
        "extract-pretty": folder / "pretty.json",
        "extract-several": folder / "several.json",
        "panel-jsonl": folder / "panel.jsonl",
        "panel-csv": folder / "panel.csv",
        "panel-xlsx": folder / "panel.xlsx",
        "panel-db": folder / "panel.db",
        "table-csv": folder / "table.csv",
        "table-jsonl": folder / "table.jsonl",
        "report": folder / "report.html",
        "eval": folder / "eval.json",
    }
    seeds = [str(path) for path in SEEDS]
    runs = [
        ["batch", *seeds, "-o", str(paths["batch"])],
        ["extract", seeds[0], "-o", str(paths["extract"])],
        ["extract", seeds[0], "--pretty", "-o", str(paths["extract-pretty"])],
        ["extract", seeds[0], seeds[1], "--pretty", "-o", str(paths["extract-several"])],
        ["panel", *county, "-o", str(paths["panel-jsonl"])],
        ["panel", *county, "-o", str(paths["panel-csv"])],
        ["panel", *county, "-o", str(paths["panel-xlsx"])],
        ["panel", *county, "-o", str(paths["panel-db"])],
        ["table", str(paths["batch"]), "-o", str(paths["table-csv"])],
        ["table", str(paths["batch"]), "-o", str(paths["table-jsonl"])],
        ["report", seeds[0], "-o", str(paths["report"])],
        ["eval", "--fixtures", str(ROOT / "evals" / "fixtures" / "seeds"), "--json", str(paths["eval"])],
    ]
    for arguments in runs:
        ran = summarizer(*arguments)
        assert ran.returncode == 0, ran.stderr
    assert len(paths["panel-jsonl"].read_text(encoding="utf-8").splitlines()) == 2
    return paths


# --- 11. Summaries of every schema version and every shape are read; anything else is said in one line.


@pytest.mark.parametrize("command", READERS)
def test_a_batch_mixing_schema_1_11_and_12_lines_is_read_whole(
    written: dict[str, Path], tmp_path: Path, command: str
) -> None:
    lines = written["batch"].read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(
        "\n".join([as_schema(lines[0], "1"), as_schema(lines[1], "1.1"), *lines[2:]]) + "\n", encoding="utf-8"
    )
    ran = read(command, mixed, tmp_path / "out")
    assert ran.returncode == 0 and errors_of(ran) == []
    assert "5 file(s)" in ran.stderr
    if command == "table":
        assert table_rows(tmp_path / "out.csv") == table_rows(written["table-csv"])


@pytest.mark.parametrize(
    ("command", "shape"),
    [
        ("table", "extract"),
        ("table", "extract-pretty"),
        ("table", "extract-several"),
        ("report", "extract-several"),
        ("panel", "extract-pretty"),
    ],
)
def test_an_extract_output_is_read_as_summaries_not_as_a_text(
    written: dict[str, Path], tmp_path: Path, command: str, shape: str
) -> None:
    ran = read(command, written[shape], tmp_path / "out")
    assert ran.returncode == 0 and errors_of(ran) == []
    files = 2 if shape == "extract-several" else 1
    assert f"{files} file(s)" in ran.stderr
    if command == "table":
        direct = summarizer("table", *map(str, SEEDS[:files]), "-o", str(tmp_path / "direct.csv"))
        assert direct.returncode == 0
        assert table_rows(tmp_path / "out.csv") == table_rows(tmp_path / "direct.csv")


WHAT_IT_IS = {
    "panel-jsonl": "a panel (JSON Lines of summarizer panel)",
    "panel-csv": "a panel (CSV of summarizer panel)",
    "panel-xlsx": "a spreadsheet or zip archive (a panel's .xlsx?)",
    "panel-db": "an SQLite database (a panel's or table's .db?)",
    "table-csv": "a targets table (CSV of summarizer table)",
    "table-jsonl": "a targets table (JSON Lines of summarizer table)",
    "report": "an HTML page (a review page of summarizer report?)",
    "eval": "an eval report (summarizer eval --json)",
}


@pytest.mark.parametrize(
    ("command", "kind"),
    [("report", kind) for kind in sorted(WHAT_IT_IS)] + [("table", "panel-jsonl"), ("panel", "panel-csv")],
)
def test_a_file_that_holds_no_summary_is_one_line_saying_what_it_is_and_what_was_expected(
    written: dict[str, Path], tmp_path: Path, command: str, kind: str
) -> None:
    ran = read(command, written[kind], tmp_path / "out")
    assert ran.returncode == 2
    assert errors_of(ran) == [
        f"error: {written[kind]}: {WHAT_IT_IS[kind]}, not an input: expected texts to summarize, or summaries "
        "(a batch's .jsonl or an extract's .json); nothing written"
    ]
    assert not list(tmp_path.glob("out.*"))


def test_beside_good_inputs_a_panel_file_is_one_line_and_the_rest_is_written(
    written: dict[str, Path], tmp_path: Path
) -> None:
    ran = summarizer(
        "report", str(written["panel-jsonl"]), str(written["batch"]), "-o", str(tmp_path / "r.html")
    )
    assert ran.returncode == 1
    assert len(errors_of(ran)) == 1 and "a panel (JSON Lines of summarizer panel)" in errors_of(ran)[0]
    assert "5 file(s)" in ran.stderr


def test_a_file_of_summaries_with_many_bad_lines_says_a_few_and_counts_the_rest(
    written: dict[str, Path], tmp_path: Path
) -> None:
    lines = written["batch"].read_text(encoding="utf-8").splitlines()
    damaged = tmp_path / "damaged.jsonl"
    newer = json.dumps({**json.loads(lines[0]), "schema_version": "2"}, ensure_ascii=False)
    damaged.write_text(
        "\n".join([lines[0], newer, *(['{"x": 1}'] * 50), "not json"]) + "\n", encoding="utf-8"
    )
    ran = summarizer("table", str(damaged), "-o", str(tmp_path / "t.csv"))
    assert ran.returncode == 1
    assert errors_of(ran) == [
        f"error: {damaged}: line 2: a summary of schema 2, which this summarizer does not read (it reads 1, 1.1, "
        "1.2): update summarizer",
        f"error: {damaged}: line 3: not a summary (see docs/output.md)",
        f"error: {damaged}: line 4: not a summary (see docs/output.md)",
        f"error: {damaged}: and 49 more lines that are not summaries",
    ]


# --- 12. extract's output is valid JSON or JSON Lines; help names values; a flag takes no value.


def test_extract_of_several_files_with_pretty_writes_one_json_array(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    ran = summarizer("extract", str(SEEDS[0]), str(SEEDS[1]), "-o", str(out), "--pretty")
    assert ran.returncode == 0, ran.stderr
    written = json.loads(out.read_text(encoding="utf-8"))
    assert [Path(summary["source"]).name for summary in written] == [SEEDS[0].name, SEEDS[1].name]
    printed = summarizer("extract", str(SEEDS[0]), str(SEEDS[1]), "--pretty")
    assert json.loads(printed.stdout) == [
        {**s, "provenance": {**s["provenance"]}} for s in json.loads(printed.stdout)
    ]
    assert len(json.loads(printed.stdout)) == 2
    lines = summarizer("extract", str(SEEDS[0]), str(SEEDS[1])).stdout.splitlines()
    assert [json.loads(line)["schema_version"] for line in lines] == ["1.2", "1.2"]
    one = json.loads(summarizer("extract", str(SEEDS[0]), "--pretty").stdout)
    assert isinstance(one, dict) and one["source"] == str(SEEDS[0])


def test_a_flag_given_a_value_is_told_it_takes_none(tmp_path: Path) -> None:
    for flag, value in (("--pretty", "true"), ("--pretty", "False"), ("--overwrite", "yes")):
        ran = summarizer("extract", str(SEEDS[0]), flag, value)
        assert ran.returncode == 2 and ran.stdout == ""
        assert errors_of(ran) == [
            f"error: {flag} is a flag and takes no value: write {flag} alone "
            f"(the {value!r} after it would be read as an input)"
        ]
    resumed = summarizer("batch", str(SEEDS[0]), "-o", str(tmp_path / "o.jsonl"), "--resume", "1")
    assert resumed.returncode == 2 and "--resume is a flag and takes no value" in resumed.stderr


def test_every_help_names_its_values_by_what_they_are() -> None:
    from summarizer.cli.docs import render

    text = render()
    assert not re.findall(r"<(?:bool|str|int|float|path|Path|list\[[^>]*\]|tuple[^>]*)>", text)
    usages = re.findall(r"Usage: summarizer.*", text)
    assert len(usages) > 10 and not [usage for usage in usages if "{" in usage]
    assert "--pretty                              Indent" in text or re.search(r"--pretty\s+Indent", text)
    assert re.search(r"--output\s+-o\s+FILE", text) and re.search(r"\bFILES\.\.\.", text)


def test_panel_says_why_the_documents_of_schema_1_lines_are_left_out(tmp_path: Path) -> None:
    """Issue 19, round 2, nit: schema 1 lines have no place, so panel leaves their documents out; it
    said only "without a place left out". Now it says they are schema 1 lines and to run batch again."""
    for name, text in COUNTY_REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    new = tmp_path / "new.jsonl"
    assert (
        summarizer("batch", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(new)).returncode == 0
    )
    lines = new.read_text(encoding="utf-8").splitlines()
    old = tmp_path / "old.jsonl"
    old.write_text("\n".join([as_schema(lines[0], "1"), lines[1]]) + "\n", encoding="utf-8")
    ran = summarizer("panel", str(old), "-o", str(tmp_path / "p.csv"))
    assert ran.returncode == 0 and errors_of(ran) == []
    assert (
        "; 1 without a place left out (1 of them from schema 1 lines, written before places were read: "
        "run `summarizer batch` on their texts again to place them)"
    ) in ran.stderr, ran.stderr
    current = summarizer("panel", str(new), "-o", str(tmp_path / "p2.csv"))
    assert "without a place" not in current.stderr and "schema 1" not in current.stderr
