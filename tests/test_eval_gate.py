"""The regression gate fails on a worsened extractor and passes when nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from summarizer.backends import register_backend
from summarizer.backends.rules import RulesBackend
from summarizer.cli.eval_cmd import eval_command
from summarizer.config import Settings
from summarizer.errors import SummarizerError
from summarizer.evals.run import (
    EvalReport,
    compare_to_baseline,
    diff_predictions,
    load_report,
    run_eval,
    write_report,
)
from summarizer.models import Chunk, Extraction, GoalDraft, TargetDraft, TaskDraft

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "evals" / "fixtures"

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
    """Returns the gold items of SPEECH, less every other target when ``worse``."""

    model: str | None = None
    prompt_version: str | None = None
    chunk_chars = 200_000
    chunk_overlap = 0

    def __init__(self, name: str, *, worse: bool) -> None:
        self.name = name
        self.worse = worse

    def extract(self, chunk: Chunk) -> Extraction:
        targets = GOLD_TARGETS[::2] if self.worse else GOLD_TARGETS
        return Extraction(goals=GOLD_GOALS, targets=targets, tasks=GOLD_TASKS)


class HalfTargetsRulesBackend(RulesBackend):
    """The rules backend with every other target it finds thrown away."""

    name = "test-rules-half-targets"

    def extract(self, chunk: Chunk) -> Extraction:
        found = super().extract(chunk)
        return found.model_copy(update={"targets": found.targets[::2]})


register_backend("test-scripted")(lambda settings: ScriptedBackend("test-scripted", worse=False))
register_backend("test-scripted-worse")(lambda settings: ScriptedBackend("test-scripted-worse", worse=True))
register_backend("test-rules-half-targets")(lambda settings: HalfTargetsRulesBackend())


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
    document = {
        "index": 0,
        "title": "在全市经济工作会议上的讲话",
        "start": 0,
        "end": len(SPEECH),
        "goals": [_gold_item(draft) for draft in GOLD_GOALS],
        "targets": [_gold_item(draft) for draft in GOLD_TARGETS],
        "tasks": [_gold_item(draft) for draft in GOLD_TASKS],
    }
    fixture = {"schema_version": "1", "source": "speech.txt", "documents": [document]}
    (fixtures / "speech.json").write_text(json.dumps(fixture, ensure_ascii=False), encoding="utf-8")
    return fixtures


def test_scripted_gold_scores_perfectly(speech_fixtures: Path) -> None:
    micro = run_eval("test-scripted", speech_fixtures, Settings()).micro
    assert (micro.targets.f1, micro.goals.f1, micro.tasks.f1, micro.grounding.share) == (1.0, 1.0, 1.0, 1.0)
    assert micro.fields.accuracy == {"unit": 1.0, "change": 1.0, "qualifier": 1.0, "year": 1.0}


def test_gate_passes_when_nothing_changed(speech_fixtures: Path) -> None:
    baseline = run_eval("test-scripted", speech_fixtures)
    assert compare_to_baseline(run_eval("test-scripted", speech_fixtures), baseline, 0.02) == []


def test_gate_fails_on_a_worse_extractor_and_says_by_how_much(speech_fixtures: Path) -> None:
    baseline = run_eval("test-scripted", speech_fixtures)
    regressions = compare_to_baseline(run_eval("test-scripted-worse", speech_fixtures), baseline, 0.02)
    assert {regression.metric for regression in regressions} == {"targets F1", "targets[target] F1"}
    # Half the targets found, all correct: P 1, R 0.5, F1 2/3.
    assert all(regression.drop == pytest.approx(1 / 3) for regression in regressions)


def test_gate_allows_a_drop_within_the_tolerance(speech_fixtures: Path) -> None:
    baseline = run_eval("test-scripted", speech_fixtures)
    assert compare_to_baseline(run_eval("test-scripted-worse", speech_fixtures), baseline, 0.34) == []


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
    assert "targets F1: 1.000 -> 0.667" in worse.output


def test_rules_gate_on_the_real_fixtures() -> None:
    baseline = run_eval("rules", FIXTURES_DIR)
    if baseline.micro.targets.matched < 4:
        pytest.skip("the rules backend finds too few targets yet for halving them to show")
    assert compare_to_baseline(run_eval("rules", FIXTURES_DIR), baseline, 0.02) == []
    worse = run_eval("test-rules-half-targets", FIXTURES_DIR)
    fallen = {regression.metric for regression in compare_to_baseline(worse, baseline, 0.02)}
    assert "targets F1" in fallen


def test_report_keeps_the_predicted_items(speech_fixtures: Path) -> None:
    report: EvalReport = run_eval("test-scripted", speech_fixtures)
    (document,) = report.files[0].documents
    assert [target.indicator for target in document.targets] == [draft.indicator for draft in GOLD_TARGETS]
