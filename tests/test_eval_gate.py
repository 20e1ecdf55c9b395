"""The regression gate fails on a worsened extractor and passes when nothing changed."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from shared_corpus import needs_corpus
from typer.testing import CliRunner

from summarizer.backends import register_backend
from summarizer.backends.rules import RulesBackend
from summarizer.cli.eval_cmd import eval_command
from summarizer.config import Settings
from summarizer.errors import SummarizerError
from summarizer.evals.run import (
    EvalReport,
    areas_not_compared,
    compare_to_baseline,
    diff_predictions,
    groups_not_run,
    load_report,
    run_eval,
    write_report,
)
from summarizer.models import Chunk, Extraction, GoalDraft, TargetDraft, TaskDraft

ROOT = Path(__file__).resolve().parent.parent
FIXTURES_DIR = ROOT / "evals" / "fixtures"

SPEECH = (
    "在全市经济工作会议上的讲话\n"
    "一、明年经济工作的总体要求\n"
    "明年工作要奋力建设区域性中心城市。全市经济社会发展主要预期目标是：地区生产总值增长7%左右，"
    "规模以上工业增加值增长8%，城镇新增就业3万人以上，居民消费价格涨幅控制在3%左右。\n"
    "二、明年重点工作\n"
    "（一）着力扩大有效投资。一是抓项目建设。二是抓招商引资。\n"
    "（二）着力深化改革开放。一是深化国企改革。二是优化营商环境。\n"
)

GOLD_GOALS = [GoalDraft(text="建设区域性中心城市", quote="奋力建设区域性中心城市")]
GOLD_TARGETS = [
    TargetDraft(indicator="地区生产总值", value=7, unit="%", change="growth", qualifier="approx",
                kind="target", quote="地区生产总值增长7%左右"),
    TargetDraft(indicator="规模以上工业增加值", value=8, unit="%", change="growth",
                kind="target", quote="规模以上工业增加值增长8%"),
    TargetDraft(indicator="城镇新增就业", value=3, unit="万人", change="level", qualifier="at_least",
                kind="target", quote="城镇新增就业3万人以上"),
    TargetDraft(indicator="居民消费价格涨幅", value=3, unit="%", change="level", qualifier="approx",
                kind="target", quote="居民消费价格涨幅控制在3%左右"),
]  # fmt: skip
GOLD_TASKS = [
    TaskDraft(title="着力扩大有效投资", area="economy", quote="着力扩大有效投资"),
    TaskDraft(title="着力深化改革开放", area="reform_opening", quote="着力深化改革开放"),
]


class ScriptedBackend:
    """Returns the gold items of SPEECH, less every other target when ``worse``, the second task with a
    wrong area when ``wrong_area``."""

    model: str | None = None
    prompt_version: str | None = None
    chunk_chars = 200_000
    chunk_overlap = 0

    def __init__(self, name: str, *, worse: bool, wrong_area: bool = False) -> None:
        self.name = name
        self.worse = worse
        self.wrong_area = wrong_area

    def extract(self, chunk: Chunk) -> Extraction:
        targets = GOLD_TARGETS[::2] if self.worse else GOLD_TARGETS
        tasks = GOLD_TASKS
        if self.wrong_area:
            tasks = [GOLD_TASKS[0], GOLD_TASKS[1].model_copy(update={"area": "economy"})]
        return Extraction(goals=GOLD_GOALS, targets=targets, tasks=tasks)


register_backend("test-scripted")(lambda settings: ScriptedBackend("test-scripted", worse=False))
register_backend("test-scripted-worse")(lambda settings: ScriptedBackend("test-scripted-worse", worse=True))
register_backend("test-scripted-wrong-area")(
    lambda settings: ScriptedBackend("test-scripted-wrong-area", worse=False, wrong_area=True)
)


def _gold_item(draft: GoalDraft | TargetDraft | TaskDraft) -> dict[str, object]:
    start = SPEECH.index(draft.quote)
    return {**draft.model_dump(exclude={"offset"}), "start": start, "end": start + len(draft.quote)}


@pytest.fixture
def speech_fixtures(tmp_path: Path) -> Path:
    """A fixtures dir whose source lives in a seeds/ dir beside it, as in the repository."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "speech.txt").write_text(SPEECH, encoding="utf-8")
    fixtures = tmp_path / "evals" / "fixtures"
    fixtures.mkdir(parents=True)
    (fixtures / "speech.json").write_text(
        json.dumps(_fixture_json("speech.txt"), ensure_ascii=False), encoding="utf-8"
    )
    return fixtures


def _fixture_json(source: str) -> dict[str, Any]:
    """The gold labels of SPEECH as a fixture whose text is ``source``."""
    document = {
        "index": 0,
        "title": "在全市经济工作会议上的讲话",
        "start": 0,
        "end": len(SPEECH),
        "goals": [_gold_item(draft) for draft in GOLD_GOALS],
        "targets": [_gold_item(draft) for draft in GOLD_TARGETS],
        "tasks": [_gold_item(draft) for draft in GOLD_TASKS],
    }
    return {"schema_version": "1", "source": source, "documents": [document]}


def test_scripted_gold_scores_perfectly(speech_fixtures: Path) -> None:
    micro = run_eval("test-scripted", speech_fixtures, Settings()).micro
    assert (micro.targets.f1, micro.goals.f1, micro.tasks.f1, micro.grounding.share) == (1.0, 1.0, 1.0, 1.0)
    assert micro.fields.accuracy == {"unit": 1.0, "change": 1.0, "qualifier": 1.0, "year": 1.0}
    assert (micro.areas.pairs, micro.areas.accuracy) == (2, 1.0)


def test_gate_passes_when_nothing_changed(speech_fixtures: Path) -> None:
    baseline = run_eval("test-scripted", speech_fixtures)
    assert compare_to_baseline(run_eval("test-scripted", speech_fixtures), baseline, 0.02) == []


def test_gate_fails_on_a_worse_extractor_and_says_by_how_much(speech_fixtures: Path) -> None:
    baseline = run_eval("test-scripted", speech_fixtures)
    regressions = compare_to_baseline(run_eval("test-scripted-worse", speech_fixtures), baseline, 0.02)
    # Half the targets found, all correct: P 1, R 0.5, F1 2/3.
    assert {regression.metric: regression.drop for regression in regressions} == {
        "fixtures: targets F1": pytest.approx(1 / 3),
        "fixtures: targets R": pytest.approx(1 / 2),
        "fixtures: targets[target] F1": pytest.approx(1 / 3),
        "speech.json#0: targets F1": pytest.approx(1 / 3),
    }


def test_gate_fails_when_the_area_of_matched_tasks_falls(speech_fixtures: Path) -> None:
    baseline = run_eval("test-scripted", speech_fixtures)
    wrong = run_eval("test-scripted-wrong-area", speech_fixtures)
    # Both tasks still match (F1 unchanged); one of the two has the wrong area.
    assert wrong.micro.tasks.f1 == 1.0 and wrong.micro.areas.accuracy == 0.5
    regressions = compare_to_baseline(wrong, baseline, 0.02)
    assert {regression.metric: regression.drop for regression in regressions} == {
        "fixtures: tasks area": pytest.approx(0.5)
    }
    assert areas_not_compared(baseline) is None


def test_the_table_shows_area_accuracy_after_the_tasks(speech_fixtures: Path) -> None:
    from rich.console import Console

    from summarizer.cli.eval_cmd import score_table

    console = Console(width=150, record=True)
    console.print(score_table(run_eval("test-scripted-wrong-area", speech_fixtures)))
    lines = console.export_text().splitlines()
    header = next(line for line in lines if "P R F1" in line and "area" in line)
    assert header.index("area") > header.rindex("P R F1")
    document_row = next(line for line in lines if line.lstrip().startswith("speech"))
    micro_row = next(line for line in lines if "fixtures micro" in line)
    for row in (document_row, micro_row):
        # tasks P R F1 all 1.00, then the area column: one of the two matched tasks agrees.
        assert "1.00 1.00 1.00   0.50" in row, row


def _without_areas(data: object) -> object:
    """A report's JSON as written before task areas were scored: no ``areas`` key anywhere."""
    if isinstance(data, dict):
        return {key: _without_areas(value) for key, value in data.items() if key != "areas"}
    if isinstance(data, list):
        return [_without_areas(value) for value in data]
    return data


def test_a_baseline_written_before_areas_is_read_and_its_area_not_compared(
    speech_fixtures: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old-baseline.json"
    report = run_eval("test-scripted", speech_fixtures)
    old.write_text(json.dumps(_without_areas(json.loads(report.model_dump_json()))), encoding="utf-8")
    baseline = load_report(old)
    assert not baseline.micro.has_areas and report.micro.has_areas
    wrong = run_eval("test-scripted-wrong-area", speech_fixtures)
    assert compare_to_baseline(wrong, baseline, 0.02) == []
    assert "area not compared" in (areas_not_compared(baseline) or "")
    ran = CliRunner().invoke(
        _cli(),
        [
            "eval",
            "-b",
            "test-scripted-wrong-area",
            "--fixtures",
            str(speech_fixtures),
            "--baseline",
            str(old),
        ],
    )
    assert ran.exit_code == 0, ran.output
    assert ran.exception is None
    notes = [line for line in ran.output.splitlines() if "not compared" in line]
    assert notes == [areas_not_compared(baseline)]
    assert "no regression" in ran.output


def test_gate_allows_a_drop_within_the_tolerance(speech_fixtures: Path) -> None:
    baseline = run_eval("test-scripted", speech_fixtures)
    assert compare_to_baseline(run_eval("test-scripted-worse", speech_fixtures), baseline, 0.51) == []


def test_gate_fails_on_grounding_below_one(speech_fixtures: Path) -> None:
    report = run_eval("test-scripted", speech_fixtures)
    ungrounded = report.model_copy(deep=True)
    ungrounded.micro.grounding.grounded -= 1
    regressions = compare_to_baseline(ungrounded, report, 0.02)
    assert [regression.metric for regression in regressions] == ["grounding"]


def test_report_json_is_a_valid_baseline(speech_fixtures: Path, tmp_path: Path) -> None:
    report = run_eval("test-scripted", speech_fixtures)
    write_report(report, tmp_path / "baseline.json")
    assert load_report(tmp_path / "baseline.json") == report


def test_diff_lists_the_lost_targets(speech_fixtures: Path) -> None:
    old = run_eval("test-scripted", speech_fixtures)
    new = run_eval("test-scripted-worse", speech_fixtures)
    (diff,) = diff_predictions(old, new)
    assert diff.gained == []
    assert sorted(ref.label.split()[0] for ref in diff.lost) == ["居民消费价格涨幅", "规模以上工业增加值"]
    assert diff_predictions(old, old) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("{not json", "not valid JSON", id="bad-json"),
        pytest.param('{"source": "speech.txt"}', "not a valid fixture", id="missing-documents"),
        pytest.param('{"source": "nowhere.txt", "documents": []}', "not found", id="unknown-source"),
    ],
)
def test_bad_fixtures_raise_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(SummarizerError, match=message):
        run_eval("test-scripted", tmp_path)


def test_missing_fixtures_dir_raises_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SummarizerError, match="fixtures directory not found"):
        run_eval("test-scripted", tmp_path / "absent")


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command("eval")(eval_command)
    app.command("noop")(lambda: None)  # a second command, so that "eval" is addressed by name
    return app


def test_cli_exits_1_and_names_each_fallen_metric(speech_fixtures: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    runner = CliRunner()
    made = runner.invoke(
        _cli(), ["eval", "-b", "test-scripted", "--fixtures", str(speech_fixtures), "--json", str(baseline)]
    )
    assert made.exit_code == 0, made.output
    same = runner.invoke(
        _cli(),
        ["eval", "-b", "test-scripted", "--fixtures", str(speech_fixtures), "--baseline", str(baseline)],
    )
    assert same.exit_code == 0
    assert "no regression" in same.output
    worse = runner.invoke(
        _cli(),
        [
            "eval",
            "-b",
            "test-scripted-worse",
            "--fixtures",
            str(speech_fixtures),
            "--baseline",
            str(baseline),
        ],
    )
    assert worse.exit_code == 1
    assert "fixtures: targets F1: 1.000 -> 0.667" in worse.output


class DegradedRulesBackend(RulesBackend):
    """The rules backend with one fault: ``halve-one``/``drop-tasks-one`` hit the first document that has
    targets/tasks; ``blank-year``/``blank-unit`` clear that field of every target; ``area-other`` gives
    every task area ``other``."""

    def __init__(self, fault: str) -> None:
        self.fault = fault
        self.name = f"test-rules-{fault}"
        self.hit = False

    def extract(self, chunk: Chunk) -> Extraction:
        found = super().extract(chunk)
        if self.fault == "blank-year":
            return found.model_copy(
                update={"targets": [t.model_copy(update={"year": None}) for t in found.targets]}
            )
        if self.fault == "area-other":
            return found.model_copy(
                update={"tasks": [t.model_copy(update={"area": "other"}) for t in found.tasks]}
            )
        if self.fault == "blank-unit":
            return found.model_copy(
                update={"targets": [t.model_copy(update={"unit": None}) for t in found.targets]}
            )
        kind = "targets" if self.fault == "halve-one" else "tasks"
        items = getattr(found, kind)
        if self.hit or len(items) < 4:
            return found
        self.hit = True
        return found.model_copy(update={kind: items[::2] if kind == "targets" else []})


for _fault in ("halve-one", "drop-tasks-one", "blank-year", "blank-unit", "area-other"):
    register_backend(f"test-rules-{_fault}")(lambda settings, fault=_fault: DegradedRulesBackend(fault))


@pytest.fixture(scope="module")
def rules_baseline() -> Iterator[EvalReport]:
    """The rules on the real fixtures, run from the repository root as CI runs the gate."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        yield run_eval("rules", FIXTURES_DIR)
    finally:
        os.chdir(here)


def test_rules_gate_passes_on_the_real_fixtures_when_nothing_changed(rules_baseline: EvalReport) -> None:
    assert rules_baseline.micro.targets.matched >= 20
    assert compare_to_baseline(run_eval("rules", FIXTURES_DIR), rules_baseline, 0.02) == []


@pytest.mark.parametrize(
    ("fault", "fallen"),
    [
        pytest.param("halve-one", r"#\d+: targets F1$", id="one-document-targets-halved"),
        pytest.param("drop-tasks-one", r"#\d+: tasks F1$", id="one-document-tasks-removed"),
        pytest.param("blank-year", r"^seeds: field year$", id="every-year-blanked"),
        pytest.param("blank-unit", r"^corpus: field unit$", id="every-unit-blanked", marks=needs_corpus),
        pytest.param("area-other", r"^seeds: tasks area$", id="every-area-other"),
    ],
)
def test_rules_gate_fails_on_a_real_regression(rules_baseline: EvalReport, fault: str, fallen: str) -> None:
    regressions = compare_to_baseline(run_eval(f"test-rules-{fault}", FIXTURES_DIR), rules_baseline, 0.02)
    assert any(re.search(fallen, regression.metric) for regression in regressions), regressions


@needs_corpus
def test_rules_gate_sees_the_corpus_group(rules_baseline: EvalReport) -> None:
    assert [group.name for group in rules_baseline.groups] == ["corpus", "seeds", "whole"]
    corpus = [file for file in rules_baseline.files if file.group == "corpus"]
    assert len(corpus) >= 15
    assert all(file.source.startswith("../shared/corpus/") for file in corpus)


def test_report_keeps_the_predicted_items(speech_fixtures: Path) -> None:
    report: EvalReport = run_eval("test-scripted", speech_fixtures)
    (document,) = report.files[0].documents
    assert [target.indicator for target in document.targets] == [draft.indicator for draft in GOLD_TARGETS]


def test_a_group_whose_texts_are_absent_is_skipped_and_the_gate_says_it_was_not_run(tmp_path: Path) -> None:
    """A fresh clone has no ../shared/corpus: the group is skipped with its reason (not an error), and a
    baseline that gates it fails, naming the group, rather than pass on the seeds alone."""
    fixtures = tmp_path / "fixtures"
    (fixtures / "seeds").mkdir(parents=True)
    (fixtures / "corpus").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "speech.txt").write_text(SPEECH, encoding="utf-8")
    seed = _fixture_json("speech.txt")
    (fixtures / "seeds" / "speech.json").write_text(json.dumps(seed, ensure_ascii=False), encoding="utf-8")
    absent = {**seed, "source": "../shared/corpus/national/1954.txt"}
    (fixtures / "corpus" / "n.json").write_text(json.dumps(absent, ensure_ascii=False), encoding="utf-8")
    elsewhere = tmp_path / "not-a-corpus"
    report = run_eval("test-scripted", fixtures, Settings(corpus=elsewhere))
    assert [group.name for group in report.groups] == ["seeds"]
    assert [group.name for group in report.skipped] == ["corpus"]
    assert "SUMMARIZER_CORPUS" in report.skipped[0].reason
    baseline = report.model_copy(
        update={"groups": [*report.groups, report.groups[0].model_copy(update={"name": "corpus"})]}
    )
    assert groups_not_run(report, baseline) == [f"group corpus was not run: {report.skipped[0].reason}"]
    # With the corpus where SUMMARIZER_CORPUS says, the group runs.
    (elsewhere / "national").mkdir(parents=True)
    (elsewhere / "national" / "1954.txt").write_text(SPEECH, encoding="utf-8")
    found = run_eval("test-scripted", fixtures, Settings(corpus=elsewhere))
    assert [group.name for group in found.groups] == ["corpus", "seeds"] and found.skipped == []


def test_the_gate_on_a_clone_without_the_corpus_fails_saying_what_to_run_and_readme_says_so(
    tmp_path: Path,
) -> None:
    """Issue 19, round 2, fault 9: on a fresh clone without ../shared/corpus the gate exits 1 ("not gated
    group corpus was not run…"), as intended; the output and README say so plainly and what to run."""
    import shutil
    import subprocess
    import sys

    clone = tmp_path / "clone"
    for part in ("evals", "seeds"):
        shutil.copytree(ROOT / part, clone / part)
    env = {key: value for key, value in os.environ.items() if key != "SUMMARIZER_CORPUS"}
    ran = subprocess.run(
        [sys.executable, "-m", "summarizer", "eval", "--baseline", "evals/baseline.json"],
        cwd=clone,
        env={**env, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert ran.returncode == 1 and "Traceback" not in ran.stderr, ran.stderr
    assert "not gated: group corpus was not run: its texts are not here" in ran.stdout
    assert "without the corpus, run `summarizer eval` without --baseline" in ran.stdout
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "without the corpus, `summarizer eval --baseline evals/baseline.json` exits 1" in readme
    assert "`not gated: group corpus was not run: …`" in readme
    assert "run `summarizer eval` without `--baseline`" in readme and "give `--corpus DIR`" in readme
