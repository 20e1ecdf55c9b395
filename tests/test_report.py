"""The HTML review page's builder: escaping, every item in the data with a sound span, the inputs it reads."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from summarizer.cli import reports_errors, with_settings
from summarizer.cli.report_cmd import report_command
from summarizer.config import Settings
from summarizer.errors import InputError
from summarizer.inputs import ReportEntry, collect_entries, entry_for, read_batch
from summarizer.models import Document, Dropped, Goal, Provenance, Summary, Target, Task
from summarizer.output import to_json
from summarizer.overrides import load_overrides
from summarizer.pipeline import summarize_file
from summarizer.report import (
    build_report,
    decode_items,
    decode_table,
    encode_column,
    encode_items,
    encode_table,
    script_json,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
COMPILATION = SEEDS / "004_36cc8cee4c64f578.txt"
HOSTILE = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = (
    "在县委经济工作会议上的讲话\n"
    "同志们：\n"
    f"今年全县地区生产总值增长6.5%{HOSTILE}，一般公共预算收入增长8%。\n"
    f"明年的目标是建设{IMG}现代化强县。\n"
    "（一）着力扩大有效投资。力争固定资产投资增长10%以上。\n"
)


def make_summary(
    text: str,
    *,
    source: str = "hand.txt",
    goals: tuple[str, ...] = (),
    targets: tuple[tuple[str, str, float, str], ...] = (),
    tasks: tuple[str, ...] = (),
    dropped: tuple[Dropped, ...] = (),
    title: str | None = None,
    documents: tuple[tuple[int, int], ...] = (),
) -> Summary:
    """A summary with items at the first place each quote occurs (targets: quote, indicator, value, kind)."""

    def span(quote: str) -> dict[str, Any]:
        start = text.index(quote)
        return {"quote": quote, "start": start, "end": start + len(quote)}

    bounds = documents or ((0, len(text)),)
    docs = []
    for index, (start, end) in enumerate(bounds):

        def inside(quote: str, start: int = start, end: int = end) -> bool:
            return start <= text.index(quote) < end

        docs.append(
            Document(
                index=index,
                title=title if index == 0 else f"{title}之{index}",
                start=start,
                end=end,
                jurisdiction="县",
                goals=[Goal(text=q, **span(q)) for q in goals if inside(q)],
                targets=[
                    Target(indicator=name, value=value, unit="%", change="growth", kind=kind, **span(q))  # type: ignore[arg-type]
                    for q, name, value, kind in targets
                    if inside(q)
                ],
                tasks=[Task(title=q.rstrip("。"), area="economy", **span(q)) for q in tasks if inside(q)],
            )
        )
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    provenance = Provenance(backend="rules", chunks=len(docs), dropped=list(dropped))
    return Summary(source=source, sha256=sha, documents=docs, provenance=provenance)


def hostile_summary() -> Summary:
    return make_summary(
        HOSTILE_TEXT,
        title="在县委经济工作会议上的讲话",
        goals=(f"建设{IMG}现代化强县",),
        targets=(
            (f"地区生产总值增长6.5%{HOSTILE}", "地区生产总值", 6.5, "result"),
            ("一般公共预算收入增长8%", "一般公共预算收入", 8, "result"),
            ("力争固定资产投资增长10%以上", "固定资产投资", 10, "target"),
        ),
        tasks=("着力扩大有效投资。",),
        dropped=(Dropped(kind="target", quote="税收收入增长<b>9%</b>", reason="quote not in text"),),
    )


def page_data(page: str) -> dict[str, Any]:
    return json.loads(
        re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page).group(1)
    )


def page_texts(page: str) -> dict[int, str | None]:
    blocks = re.findall(r'<script type="application/json" id="text-(\d+)">(.*?)</script>', page)
    return {int(index): json.loads(body) for index, body in blocks}


def page_documents(page: str) -> list[dict[str, Any]]:
    """The page's documents with their items, decoded as its script decodes them."""
    data = page_data(page)
    texts = page_texts(page)
    ordered = [texts[k] for k in range(len(data["documents"]))]
    encoded = re.search(r'<script type="application/json" id="report-items">(.*?)</script>', page)
    items = decode_items(json.loads(encoded.group(1)), data["documents"], ordered)
    return [{**document, **its} for document, its in zip(data["documents"], items, strict=True)]


@pytest.mark.parametrize(
    "fragment",
    [
        pytest.param(HOSTILE, id="script-tag"),
        pytest.param(IMG, id="img-onerror"),
        pytest.param("<img", id="any-img-tag"),
        pytest.param("<b>9%</b>", id="dropped-quote-markup"),
        pytest.param("</script><script>", id="script-breakout"),
    ],
)
def test_no_source_markup_reaches_the_page_unescaped(fragment: str) -> None:
    text = HOSTILE_TEXT + f"附：{fragment}\n"
    page = build_report([ReportEntry(make_summary(text, goals=(fragment,)), text)])
    assert fragment not in page
    assert page_texts(page)[0] == text


def test_the_page_runs_no_script_but_its_own() -> None:
    page = build_report([ReportEntry(hostile_summary(), HOSTILE_TEXT)])
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page
    assert "default-src 'none'" in page
    assert not re.search(r"""\b(?:src|href)=["']?(?:https?:)?//""", page), (
        "the page loads nothing from the network"
    )


@pytest.mark.parametrize(
    ("data", "absent"),
    [
        pytest.param("</script>", "<", id="closing-tag"),
        pytest.param("<!-- x", "<!--", id="comment-open"),
        pytest.param("a && b > c", "&", id="ampersand-and-gt"),
    ],
)
def test_script_json_has_no_markup_characters_and_round_trips(data: str, absent: str) -> None:
    encoded = script_json({"text": data})
    assert absent not in encoded
    assert json.loads(encoded) == {"text": data}


def test_every_item_is_in_the_data_and_quotes_its_documents_text() -> None:
    summary = hostile_summary()
    page = build_report([ReportEntry(summary, HOSTILE_TEXT)])
    documents = page_documents(page)
    texts = page_texts(page)
    assert len(documents) == 1
    shown = documents[0]
    for kind in ("goals", "targets", "tasks"):
        expected = [item.model_dump(mode="json") for item in getattr(summary.documents[0], kind)]
        if kind == "targets":  # identified anew with the registry in effect, as table and panel do
            ids = [target["indicator_id"] for target in shown[kind]]
            assert ids == ["gdp", "public_budget_revenue", "fixed_asset_investment"]
            for target, indicator_id in zip(expected, ids, strict=True):
                target["indicator_id"] = indicator_id
        assert shown[kind] == expected
        for item in shown[kind]:
            assert texts[0][item["start"] - shown["start"] : item["end"] - shown["start"]] == item["quote"]
    assert shown["misplaced"] == 0


def test_a_quote_that_is_not_at_its_offsets_is_counted() -> None:
    summary = hostile_summary()
    other = HOSTILE_TEXT.replace("一般公共预算收入", "一般公共预算支出")
    page = build_report([ReportEntry(summary, other)])
    assert page_data(page)["documents"][0]["misplaced"] == 1


def test_the_dropped_items_are_in_the_data_with_their_reasons() -> None:
    page = build_report([ReportEntry(hostile_summary(), HOSTILE_TEXT)])
    provenance = page_data(page)["files"][0]["provenance"]
    assert provenance["dropped"] == [
        {"kind": "target", "quote": "税收收入增长<b>9%</b>", "reason": "quote not in text"}
    ]
    assert 'id="pane-dropped"' in page


def test_each_document_of_a_compilation_has_its_own_text_and_picker_entry() -> None:
    text = "在州委经济工作会议上的讲话\n明年生产总值增长7%。\n在县委经济工作会议上的讲话\n力争社零增长9%。\n"
    second = text.index("在县委")
    summary = make_summary(
        text,
        title="在州委经济工作会议上的讲话",
        targets=(("生产总值增长7%", "生产总值", 7, "target"), ("社零增长9%", "社零", 9, "target")),
        documents=((0, second), (second, len(text))),
    )
    page = build_report([ReportEntry(summary, text)])
    documents = page_documents(page)
    assert [(d["start"], d["end"], len(d["targets"])) for d in documents] == [
        (0, second, 1),
        (second, len(text), 1),
    ]
    assert page_texts(page) == {0: text[:second], 1: text[second:]}
    assert 'id="doc-picker"' in page


def test_the_seed_compilation_gives_one_picker_entry_per_speech() -> None:
    summary = summarize_file(COMPILATION)
    page = build_report([ReportEntry(summary, COMPILATION.read_text(encoding="utf-8"))])
    assert len(page_data(page)["documents"]) == len(summary.documents) == 4
    assert all(text for text in page_texts(page).values())


def test_a_document_without_its_text_keeps_its_items_and_says_why() -> None:
    entry = ReportEntry(hostile_summary(), None, "source file not found")
    page = build_report([entry])
    data = page_data(page)
    assert data["files"][0]["note"] == "source file not found"
    assert data["documents"][0]["has_text"] is False
    targets = page_documents(page)[0]["targets"]
    assert [t["quote"] for t in targets] == [t.quote for t in entry.summary.documents[0].targets]
    assert page_texts(page) == {0: None}


@pytest.mark.parametrize(
    ("change", "note"),
    [
        pytest.param(None, None, id="same-file"),
        pytest.param("missing", "not found", id="file-gone"),
        pytest.param("edited", "changed", id="file-changed"),
    ],
)
def test_a_batch_line_gets_its_source_text_only_while_it_is_unchanged(
    tmp_path: Path, change: str | None, note: str | None
) -> None:
    source = tmp_path / "speech.txt"
    source.write_text(HOSTILE_TEXT, encoding="utf-8")
    summary = make_summary(HOSTILE_TEXT, source=str(source), goals=(f"建设{IMG}现代化强县",))
    if change == "missing":
        source.unlink()
    elif change == "edited":
        source.write_text(HOSTILE_TEXT + "补充。\n", encoding="utf-8")
    entry = entry_for(summary)
    if note is None:
        assert (entry.text, entry.note) == (HOSTILE_TEXT, None)
    else:
        assert entry.text is None
        assert note in (entry.note or "")


def test_a_batch_source_named_relative_to_the_batch_file_is_found(tmp_path: Path) -> None:
    (tmp_path / "speech.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    summary = make_summary(HOSTILE_TEXT, source="speech.txt")
    assert entry_for(summary, tmp_path).text == HOSTILE_TEXT


def test_read_batch_yields_summaries_and_an_error_per_bad_line(tmp_path: Path) -> None:
    batch = tmp_path / "out.jsonl"
    good = to_json(hostile_summary())
    batch.write_text(f'{good}\n{{"source": "x"}}\nnot json\n\n{good}\n', encoding="utf-8")
    lines = list(read_batch(batch))
    assert [type(line).__name__ for line in lines] == ["Summary", "InputError", "InputError", "Summary"]
    assert "line 2: not a summary" in str(lines[1])
    assert "line 3: not valid JSON" in str(lines[2])


def test_collect_entries_goes_on_past_bad_inputs(tmp_path: Path) -> None:
    speech = tmp_path / "speech.txt"
    speech.write_text(HOSTILE_TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    batch = tmp_path / "out.jsonl"
    batch.write_text(to_json(make_summary(HOSTILE_TEXT, source=str(speech))) + "\n{}\n", encoding="utf-8")
    collected = collect_entries(
        [str(speech), str(tmp_path / "empty.txt"), str(batch), str(tmp_path / "absent.txt")], Settings()
    )
    assert [entry.summary.source for entry in collected.entries] == [str(speech), str(speech)]
    assert all(entry.text == HOSTILE_TEXT for entry in collected.entries)
    failed = {Path(name).name: reason for name, reason in collected.failures}
    assert set(failed) == {"empty.txt", "out.jsonl", "absent.txt"}
    assert "empty" in failed["empty.txt"]


def report_app() -> typer.Typer:
    app = typer.Typer()
    app.command("report")(reports_errors(with_settings(report_command)))
    app.command("noop")(lambda: None)
    return app


def test_report_command_writes_the_page_and_fails_at_the_end_for_a_bad_input(tmp_path: Path) -> None:
    speech = tmp_path / "speech.txt"
    speech.write_text(HOSTILE_TEXT, encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        report_app(), ["report", str(speech), str(tmp_path / "absent.txt"), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "absent.txt" in result.stderr
    assert page_texts(out.read_text(encoding="utf-8")) == {0: HOSTILE_TEXT}


def test_report_command_with_no_usable_input_is_a_one_line_error(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(report_app(), ["report", str(tmp_path / "absent.txt"), "-o", str(out)])
    assert result.exit_code == InputError.exit_code
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'absent.txt'}: no such file, or nothing matches; nothing written"
    ]
    assert not out.exists()


# --- The compact form of the page's data.

ROWS: list[dict[str, Any]] = [
    {"n": 1, "x": 1.5, "s": "甲", "flag": True, "list": ["a"], "obj": {"k": 1}, "same": "c", "mostly": None},
    {"n": 2, "x": None, "s": "乙", "flag": 1, "list": [], "obj": None, "same": "c", "mostly": None},
    {"n": 2, "x": 0, "s": "甲", "flag": False, "list": ["a"], "obj": {"k": 1}, "same": "c", "mostly": 7},
    {"n": -5, "s": "</script>", "same": "c", "mostly": None, "late": "only here"},
]


def test_a_table_round_trips_every_value_and_a_missing_key_as_null() -> None:
    names = list(dict.fromkeys(key for row in ROWS for key in row))
    decoded = decode_table(json.loads(script_json(encode_table(ROWS))))
    assert decoded == [{name: row.get(name) for name in names} for row in ROWS]
    assert [type(row["flag"]) for row in decoded] == [bool, int, bool, type(None)]


def test_a_table_round_trips_its_grouped_columns() -> None:
    table = encode_table(ROWS, groups=(("s", "same", "mostly"),))
    assert table["groups"][0]["names"] == ["s", "same", "mostly"]
    assert set(table["cols"]) == {"n", "x", "flag", "list", "obj", "late"}
    names = list(dict.fromkeys(key for row in ROWS for key in row))
    assert decode_table(table) == [{name: row.get(name) for name in names} for row in ROWS]


@pytest.mark.parametrize(
    ("values", "form"),
    [
        pytest.param(["c"] * 50, "c", id="constant"),
        pytest.param(list(range(1000, 1100)), "s", id="rising-integers"),
        pytest.param(["地区生产总值", "固定资产投资"] * 40, "d", id="few-strings"),
        pytest.param([None] * 99 + [3.5], "z", id="sparse"),
        pytest.param([1.25, -3.5, 7.75, 0.5], "v", id="plain"),
    ],
)
def test_a_column_takes_its_shortest_form_and_round_trips(values: list[Any], form: str) -> None:
    from summarizer.report import decode_column

    column = encode_column(values)
    assert form in column
    assert decode_column(column, len(values)) == values
    assert len(script_json(column)) <= len(script_json({"v": values}))


def test_items_round_trip_with_quotes_away_from_their_offsets_and_without_text() -> None:
    text = "前言。地区生产总值增长6%。今年建设美丽县城，力争财政收入增长8%。"
    start = 3
    documents = [
        {
            "start": start,
            "plan_year": None,
            "review_year": 2023,
            "goals": [
                {"text": "建设美丽县城", "quote": "建设美丽县城", "start": 16, "end": 22},
                {"text": "美丽", "quote": "今年建设美丽县城", "start": 14, "end": 22},
            ],
            "targets": [
                {
                    "indicator": "地区生产总值",
                    "value": 6,
                    "kind": "result",
                    "year": 2023,
                    "quote": "地区生产总值增长6%",
                    "start": 3,
                    "end": 13,
                },
                {
                    "indicator": "财政收入",
                    "value": 8,
                    "kind": "target",
                    "year": None,
                    "quote": "财政收入增长8%",
                    "start": 25,
                    "end": 33,
                },
                {
                    "indicator": "收入",
                    "value": 8,
                    "kind": "target",
                    "year": 2024,
                    "quote": "不在正文里的引文",
                    "start": 25,
                    "end": 33,
                },
            ],
            "tasks": [],
        },
        {
            "start": 0,
            "plan_year": 2025,
            "review_year": None,
            "goals": [],
            "targets": [
                {
                    "indicator": "粮食产量",
                    "value": 1,
                    "kind": "target",
                    "year": 2025,
                    "quote": "粮食产量1亿斤",
                    "start": 0,
                    "end": 7,
                }
            ],
            "tasks": [
                {
                    "title": "稳粮",
                    "area": "agriculture",
                    "subtasks": ["一"],
                    "quote": "稳粮增收",
                    "start": 9,
                    "end": 13,
                }
            ],
        },
    ]
    texts = [text[start:], None]
    for document in documents[:1]:
        for kind in ("goals", "targets"):
            for item in document[kind]:
                assert (
                    item["quote"] == "不在正文里的引文" or text[item["start"] : item["end"]] == item["quote"]
                )
    for document in documents:
        document["n"] = [len(document[kind]) for kind in ("goals", "targets", "tasks")]
    encoded = json.loads(script_json(encode_items(documents, texts)))
    decoded = decode_items(encoded, documents, texts)
    for document, items in zip(documents, decoded, strict=True):
        for kind in ("goals", "targets", "tasks"):
            assert items[kind] == document[kind]
    quotes = decode_table(encoded["targets"])
    assert [row["quote"] for row in quotes] == [None, None, "不在正文里的引文", "粮食产量1亿斤"]
    assert [row["indicator"] for row in quotes] == [6, 4, "收入", 4]


def test_the_page_of_the_seeds_holds_their_data_in_at_most_1_2_times_their_texts() -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) >= 5
    entries = [ReportEntry(summarize_file(path), path.read_text(encoding="utf-8")) for path in seeds]
    page = build_report(entries)
    data = re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page, flags=re.S)
    items = sum(len(d.goals) + len(d.targets) + len(d.tasks) for e in entries for d in e.summary.documents)
    assert items > 400
    text_bytes = sum(path.stat().st_size for path in seeds)
    assert sum(len(block.encode("utf-8")) for block in data) <= 1.2 * text_bytes


def test_the_panel_rows_keep_every_column_and_link_their_figures_to_items() -> None:
    entries = [
        ReportEntry(summarize_file(path), path.read_text(encoding="utf-8"))
        for path in sorted(SEEDS.glob("*.txt"))
    ]
    texts = {0: "明年地区生产总值增长6%左右。", 1: "过去一年地区生产总值增长6.2%。"}
    summaries = [
        make_summary(
            texts[0], source="a.txt", targets=(("地区生产总值增长6%左右", "地区生产总值", 6, "target"),)
        ),
        make_summary(
            texts[1], source="b.txt", targets=(("地区生产总值增长6.2%", "地区生产总值", 6.2, "result"),)
        ),
    ]
    for summary, year in zip(summaries, (2025, 2026), strict=True):
        summary.documents[0].place = "易县"
        summary.documents[0].plan_year = year
        summary.documents[0].targets[0].year = 2025
    page = build_report([*entries, *(ReportEntry(s, texts[n]) for n, s in enumerate(summaries))])
    data = page_data(page)
    rows = decode_table(data["panel"]["rows"])
    documents = page_documents(page)
    (row,) = [r for r in rows if r["place"] == "易县"]
    assert (row["target"], row["result"], row["status"]) == (6, 6.2, "met")
    for links in (row["tl"], row["rl"]):
        ((k, n),) = links
        assert documents[k]["targets"][n]["quote"].startswith("地区生产总值增长6")
    from summarizer.panel import COLUMNS

    assert set(COLUMNS) - {"target_quote", "result_quote"} <= set(row)
    (place,) = [p for p in data["places"] if p["name"] == "易县"]
    assert place["level"] == "县" and len(place["docs"]) == 2


def test_overrides_and_marks_reach_the_page_data(tmp_path: Path) -> None:
    """An overrides file applied to the entries: the page lists it and marks the document it changed."""
    fixes = tmp_path / "fixes.yaml"
    fixes.write_text("- {source: hand.txt, action: set, field: place, value: 易县}\n", encoding="utf-8")
    corrections = load_overrides(fixes)
    summary = corrections.apply(hostile_summary())
    page = build_report([ReportEntry(summary, HOSTILE_TEXT)], corrections=corrections)
    data = page_data(page)
    (listed,) = data["overrides"]
    assert listed["action"] == "set" and listed["field"] == "place" and listed["matched"]
    (document,) = data["documents"]
    assert document["place"] == "易县" and document["overridden"]
