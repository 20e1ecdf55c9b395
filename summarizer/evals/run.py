"""Run the pipeline over the fixtures, score it, gate it against a baseline, diff two runs.

A fixture's ``source`` names its text file. It is looked up, first match wins: next to the fixture
(``<fixtures dir>/<source>``), then in each ancestor of the fixtures directory, nearest first, as
``<ancestor>/<source>`` and ``<ancestor>/seeds/<file name of source>``. So ``evals/fixtures/000.json``
with source ``000.txt`` finds the repository's ``seeds/000.txt``.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from summarizer.backends import Backend, get_backend
from summarizer.config import Settings
from summarizer.errors import SummarizerError
from summarizer.evals.score import (
    TARGET_KINDS,
    Fixture,
    Scores,
    micro_average,
    pair_documents,
    score_document,
)
from summarizer.load import load_file
from summarizer.models import Document, Goal, Target, Task
from summarizer.pipeline import summarize_source

PAIRING_NOTE = "documents are paired with gold documents by their position in the documents list"


class EvalError(SummarizerError):
    """Fixtures, sources or reports that cannot be read: a missing directory, bad JSON, an unknown source."""

    exit_code = 2


class DocumentReport(BaseModel):
    """One document's scores and what was predicted in it (for diffs between runs)."""

    index: int
    title: str | None = None
    scores: Scores
    goals: list[Goal] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)


class FileReport(BaseModel):
    fixture: str
    source: str
    documents: list[DocumentReport]


class EvalReport(BaseModel):
    """A whole run; its JSON (``summarizer eval --json OUT``) is also a valid baseline."""

    backend: str
    fixtures_dir: str
    pairing: str = PAIRING_NOTE
    files: list[FileReport]
    micro: Scores


class Regression(BaseModel):
    metric: str
    baseline: float
    current: float

    @property
    def drop(self) -> float:
        return self.baseline - self.current

    def describe(self) -> str:
        return f"{self.metric}: {self.baseline:.3f} -> {self.current:.3f} (down {self.drop:.3f})"


class ItemRef(BaseModel):
    """A predicted item as a diff shows it."""

    kind: str
    label: str
    start: int
    end: int


class DocumentDiff(BaseModel):
    fixture: str
    index: int
    gained: list[ItemRef]
    lost: list[ItemRef]


# --- Finding and reading fixtures.


def fixture_paths(fixtures_dir: Path) -> list[Path]:
    if not fixtures_dir.is_dir():
        raise EvalError("fixtures directory not found", path=fixtures_dir)
    paths = sorted(fixtures_dir.glob("*.json"))
    if not paths:
        raise EvalError("no fixtures (*.json) in this directory", path=fixtures_dir)
    return paths


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvalError(f"cannot read: {error.strerror}", path=path) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise EvalError(f"not valid JSON: {error}", path=path) from None


def _first_problem(error: ValidationError) -> str:
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem["loc"])
    return f"{where}: {problem['msg']}"


def load_fixture(path: Path) -> Fixture:
    try:
        return Fixture.model_validate(_read_json(path))
    except ValidationError as error:
        raise EvalError(f"not a valid fixture ({_first_problem(error)})", path=path) from None


def source_candidates(fixtures_dir: Path, source: str) -> list[Path]:
    """Where a fixture's source may be, in the order they are tried (see the module docstring)."""
    candidates = [fixtures_dir / source]
    for ancestor in fixtures_dir.resolve().parents:
        candidates += [ancestor / source, ancestor / "seeds" / Path(source).name]
    return candidates


def find_source(fixtures_dir: Path, source: str) -> Path:
    candidates = source_candidates(fixtures_dir, source)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(str(path) for path in candidates[:3])
    raise EvalError(
        f"source {source!r} not found next to the fixtures or in a seeds/ directory above them"
        f" (tried {tried}, …)",
        path=fixtures_dir,
    )


# --- Running.


def _document_report(
    predicted: Document | None, gold: Document | None, text: str, position: int
) -> DocumentReport:
    return DocumentReport(
        index=position,
        title=gold.title if gold else predicted.title if predicted else None,
        scores=score_document(predicted, gold, text),
        goals=predicted.goals if predicted else [],
        targets=predicted.targets if predicted else [],
        tasks=predicted.tasks if predicted else [],
    )


def evaluate_file(fixture_path: Path, settings: Settings, *, backend: Backend | None = None) -> FileReport:
    fixture = load_fixture(fixture_path)
    source = find_source(fixture_path.parent, fixture.source)
    loaded = load_file(source)
    text = loaded.text
    summary = summarize_source(loaded, settings, backend=backend)
    pairs = pair_documents(summary.documents, fixture.documents)
    documents = [_document_report(p, g, text, position) for position, (p, g) in enumerate(pairs)]
    return FileReport(fixture=fixture_path.name, source=str(source), documents=documents)


def run_eval(backend: str, fixtures_dir: Path, settings: Settings | None = None) -> EvalReport:
    """Run ``backend`` on every fixture's source text and score it against the fixture."""
    settings = (settings or Settings()).model_copy(update={"backend": backend})
    engine = get_backend(backend, settings)
    files = [evaluate_file(path, settings, backend=engine) for path in fixture_paths(fixtures_dir)]
    micro = micro_average([document.scores for file in files for document in file.documents])
    return EvalReport(backend=backend, fixtures_dir=str(fixtures_dir), files=files, micro=micro)


# --- Reports: reading, gating, diffing.


def load_report(path: Path) -> EvalReport:
    if not path.is_file():
        raise EvalError("report not found", path=path)
    try:
        return EvalReport.model_validate(_read_json(path))
    except ValidationError as error:
        raise EvalError(f"not an eval report ({_first_problem(error)})", path=path) from None


def write_report(report: EvalReport, path: Path) -> None:
    try:
        path.write_text(report.model_dump_json(indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise EvalError(f"cannot write: {error.strerror}", path=path) from None


def micro_f1s(scores: Scores) -> dict[str, float]:
    """The micro F1 of every gated metric, by name."""
    f1s = {"targets": scores.targets.f1, "goals": scores.goals.f1, "tasks": scores.tasks.f1}
    for kind in TARGET_KINDS:
        if kind in scores.targets_by_kind:
            f1s[f"targets[{kind}]"] = scores.targets_by_kind[kind].f1
    return {f"{name} F1": value for name, value in f1s.items()}


def compare_to_baseline(
    report: EvalReport, baseline: EvalReport, tolerance: float = 0.02
) -> list[Regression]:
    """Every micro F1 that fell by more than ``tolerance`` below the baseline, and grounding below 1.0."""
    current, before = micro_f1s(report.micro), micro_f1s(baseline.micro)
    regressions = [
        Regression(metric=name, baseline=before[name], current=value)
        for name, value in current.items()
        if name in before and before[name] - value > tolerance
    ]
    if report.micro.grounding.share < 1.0:
        regressions.append(Regression(metric="grounding", baseline=1.0, current=report.micro.grounding.share))
    return regressions


def _number(value: float | None) -> str:
    if value is None:
        return "XX"
    return str(int(value)) if float(value).is_integer() else str(value)


def target_label(target: Target) -> str:
    value = _number(target.value) + (
        f"—{_number(target.value_high)}" if target.value_high is not None else ""
    )
    details = ", ".join(
        str(part) for part in (target.kind, target.change, target.qualifier, target.year) if part
    )
    return f"{target.indicator} {value}{target.unit or ''} ({details})"


def _item_refs(document: DocumentReport) -> dict[str, ItemRef]:
    """Each predicted item by a key of all its fields, so that any changed field shows as lost and gained."""
    refs: dict[str, ItemRef] = {}
    for goal in document.goals:
        refs["goal" + goal.model_dump_json()] = ItemRef(
            kind="goal", label=goal.text, start=goal.start, end=goal.end
        )
    for target in document.targets:
        label = target_label(target)
        refs["target" + target.model_dump_json()] = ItemRef(
            kind="target", label=label, start=target.start, end=target.end
        )
    for task in document.tasks:
        label = f"{task.title} [{task.area}]"
        refs["task" + task.model_dump_json()] = ItemRef(
            kind="task", label=label, start=task.start, end=task.end
        )
    return refs


def _in_text_order(ref: ItemRef) -> tuple[int, str, str]:
    return (ref.start, ref.kind, ref.label)


def _documents_by_key(report: EvalReport) -> dict[tuple[str, int], DocumentReport]:
    return {(file.fixture, document.index): document for file in report.files for document in file.documents}


def diff_predictions(old: EvalReport | Path, new: EvalReport | Path) -> list[DocumentDiff]:
    """Items gained and lost per document between two runs (documents keyed by fixture and position)."""
    old_report = load_report(old) if isinstance(old, Path) else old
    new_report = load_report(new) if isinstance(new, Path) else new
    old_docs, new_docs = _documents_by_key(old_report), _documents_by_key(new_report)
    empty = DocumentReport(index=0, scores=Scores())
    diffs = []
    for key in sorted(old_docs.keys() | new_docs.keys()):
        before, after = _item_refs(old_docs.get(key, empty)), _item_refs(new_docs.get(key, empty))
        gained = [after[k] for k in after.keys() - before.keys()]
        lost = [before[k] for k in before.keys() - after.keys()]
        if gained or lost:
            diffs.append(
                DocumentDiff(
                    fixture=key[0],
                    index=key[1],
                    gained=sorted(gained, key=_in_text_order),
                    lost=sorted(lost, key=_in_text_order),
                )
            )
    return diffs
