"""Run the pipeline over the fixtures, score it, gate it against a baseline, diff two runs.

Fixtures come in groups: the ``*.json`` files of each subdirectory of the fixtures directory
(``evals/fixtures/seeds/``, ``evals/fixtures/corpus/``) are one group each, and any directly in the
directory one more, named after it. Each group is reported with its own micro average.

A fixture's ``source`` names its text file. It is looked up, first match wins: next to the fixture
(``<fixtures dir>/<source>``), then in each ancestor of the fixture's directory, nearest first, as
``<ancestor>/<source>`` and ``<ancestor>/seeds/<file name of source>``. So
``evals/fixtures/seeds/000.json`` with source ``000.txt`` finds the repository's ``seeds/000.txt``, and
a corpus fixture's ``../shared/corpus/national/2011.txt`` is found beside the repository. Where the
corpus lies elsewhere, ``SUMMARIZER_CORPUS`` (``--corpus``) names it, and ``../shared/corpus/`` sources
are read there first. A group whose texts are not here at all (a fresh clone has no ``../shared``) is
skipped with its reason, never scored on part of its fixtures; a baseline gate then fails, since the
group it gates was not run.

Paths in a report are relative to the working directory where they lie under it or beside it, so that a
baseline written in one checkout reads the same in another.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from summarizer.backends import Backend, get_backend
from summarizer.config import Settings
from summarizer.errors import SummarizerError
from summarizer.evals.score import (
    METADATA_FIELDS,
    SCORED_FIELDS,
    TARGET_KINDS,
    Fixture,
    Scope,
    Scores,
    in_scope,
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
    """One document's scores and what was predicted in it within the fixture's scope (for diffs)."""

    index: int
    title: str | None = None
    scores: Scores
    goals: list[Goal] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)


class FileReport(BaseModel):
    fixture: str = Field(description="the fixture's path under the fixtures directory")
    group: str = ""
    source: str
    documents: list[DocumentReport]


class GroupReport(BaseModel):
    name: str
    micro: Scores


class SkippedGroup(BaseModel):
    """A group of fixtures that was not run, and why (its source texts are not here)."""

    name: str
    reason: str


class EvalReport(BaseModel):
    """A whole run; its JSON (``summarizer eval --json OUT``) is also a valid baseline."""

    backend: str
    fixtures_dir: str
    pairing: str = PAIRING_NOTE
    files: list[FileReport]
    groups: list[GroupReport] = Field(default_factory=list)
    skipped: list[SkippedGroup] = Field(default_factory=list)
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


def portable_path(path: Path) -> str:
    """``path`` relative to the working directory (``../shared/...`` beside it), else absolute."""
    relative = os.path.relpath(path.resolve(), Path.cwd().resolve())
    if relative.startswith(os.pardir + os.sep + os.pardir):
        return path.resolve().as_posix()
    return Path(relative).as_posix()


# --- Finding and reading fixtures.


def fixture_groups(fixtures_dir: Path) -> list[tuple[str, list[Path]]]:
    """The fixtures by group: those directly in ``fixtures_dir``, then each subdirectory's, by name."""
    if not fixtures_dir.is_dir():
        raise EvalError("fixtures directory not found", path=fixtures_dir)
    groups = [(fixtures_dir.resolve().name, sorted(fixtures_dir.glob("*.json")))]
    groups += [
        (sub.name, sorted(sub.glob("*.json"))) for sub in sorted(fixtures_dir.iterdir()) if sub.is_dir()
    ]
    groups = [(name, paths) for name, paths in groups if paths]
    if not groups:
        raise EvalError("no fixtures (*.json) in this directory or its subdirectories", path=fixtures_dir)
    return groups


def fixture_paths(fixtures_dir: Path) -> list[Path]:
    return [path for _, paths in fixture_groups(fixtures_dir) for path in paths]


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


CORPUS_PREFIX = "../shared/corpus/"
CORPUS_MISSING = (
    "its texts are not here: the development corpus ../shared/corpus/ is not beside this checkout"
    " (set SUMMARIZER_CORPUS or --corpus to where it is)"
)


def source_candidates(fixtures_dir: Path, source: str, corpus: Path | None = None) -> list[Path]:
    """Where a fixture's source may be, in the order they are tried (see the module docstring)."""
    candidates = (
        [corpus / source.removeprefix(CORPUS_PREFIX)] if corpus and source.startswith(CORPUS_PREFIX) else []
    )
    candidates.append(fixtures_dir / source)
    for ancestor in fixtures_dir.resolve().parents:
        candidates += [ancestor / source, ancestor / "seeds" / Path(source).name]
    return candidates


def find_source(fixtures_dir: Path, source: str, corpus: Path | None = None) -> Path:
    candidates = source_candidates(fixtures_dir, source, corpus)
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
    predicted: Document | None, gold: Document | None, text: str, position: int, fixture: Fixture
) -> DocumentReport:
    scope = fixture.scope or Scope()
    return DocumentReport(
        index=position,
        title=gold.title if gold else predicted.title if predicted else None,
        scores=score_document(predicted, gold, text, scope, with_place=fixture.labels_place),
        goals=in_scope(predicted.goals, scope.goals) if predicted else [],
        targets=in_scope(predicted.targets, scope.targets) if predicted else [],
        tasks=in_scope(predicted.tasks, scope.tasks) if predicted else [],
    )


def evaluate_file(
    fixture_path: Path,
    settings: Settings,
    *,
    backend: Backend | None = None,
    fixtures_dir: Path | None = None,
    group: str = "",
) -> FileReport:
    fixture = load_fixture(fixture_path)
    source = find_source(fixture_path.parent, fixture.source, settings.corpus)
    loaded = load_file(source)
    text = loaded.text
    summary = summarize_source(loaded, settings, backend=backend)
    pairs = pair_documents(summary.documents, fixture.documents)
    documents = [_document_report(p, g, text, position, fixture) for position, (p, g) in enumerate(pairs)]
    name = fixture_path.relative_to(fixtures_dir).as_posix() if fixtures_dir else fixture_path.name
    return FileReport(fixture=name, group=group, source=portable_path(source), documents=documents)


def run_eval(backend: str, fixtures_dir: Path, settings: Settings | None = None) -> EvalReport:
    """Run ``backend`` on every fixture's source text and score it against the fixture, group by group."""
    settings = (settings or Settings()).model_copy(update={"backend": backend})
    engine = get_backend(backend, settings)
    files: list[FileReport] = []
    groups: list[GroupReport] = []
    skipped: list[SkippedGroup] = []
    for name, paths in fixture_groups(fixtures_dir):
        if not _corpus_texts_here(paths, settings.corpus):
            skipped.append(SkippedGroup(name=name, reason=CORPUS_MISSING))
            continue
        done = [
            evaluate_file(path, settings, backend=engine, fixtures_dir=fixtures_dir, group=name)
            for path in paths
        ]
        files += done
        groups.append(GroupReport(name=name, micro=_micro(done)))
    return EvalReport(
        backend=backend,
        fixtures_dir=portable_path(fixtures_dir),
        files=files,
        groups=groups,
        skipped=skipped,
        micro=_micro(files),
    )


def _corpus_texts_here(paths: list[Path], corpus: Path | None) -> bool:
    """False when a group's fixtures read the development corpus and none of their texts is found: the
    corpus is not here, and the group is skipped whole (one missing text among found ones is an error)."""
    sources = [(path.parent, load_fixture(path).source) for path in paths]
    from_corpus = [(where, source) for where, source in sources if source.startswith(CORPUS_PREFIX)]
    if not from_corpus:
        return True
    return any(
        candidate.is_file()
        for where, source in from_corpus
        for candidate in source_candidates(where, source, corpus)
    )


def _micro(files: list[FileReport]) -> Scores:
    return micro_average([document.scores for file in files for document in file.documents])


# --- Reports: reading, gating, diffing.


def load_report(path: Path) -> EvalReport:
    if not path.is_file():
        raise EvalError("report not found", path=path)
    try:
        return EvalReport.model_validate(_read_json(path))
    except ValidationError as error:
        raise EvalError(f"not an eval report ({_first_problem(error)})", path=path) from None


def write_report(report: EvalReport, path: Path) -> None:
    from summarizer.writing import write_text_atomically

    write_text_atomically(path, report.model_dump_json(indent=1) + "\n")


def gated_metrics(report: EvalReport) -> dict[str, float]:
    """Every gated figure of a report, by name: per group, the micro F1 of each item kind and target
    kind, field accuracy and metadata accuracy; per document, the F1 of each item kind it scores."""
    metrics: dict[str, float | None] = {}
    for group in report.groups:
        metrics |= {f"{group.name}: {name}": value for name, value in _micro_metrics(group.micro).items()}
    for file in report.files:
        for document in file.documents:
            where = f"{file.fixture}#{document.index}"
            for kind in ("targets", "goals", "tasks"):
                counts = getattr(document.scores, kind)
                metrics[f"{where}: {kind} F1"] = counts.f1
    return {name: value for name, value in metrics.items() if value is not None}


def _micro_metrics(scores: Scores) -> dict[str, float | None]:
    metrics: dict[str, float | None] = {}
    for kind in ("targets", "goals", "tasks"):
        counts = getattr(scores, kind)
        metrics |= {f"{kind} F1": counts.f1, f"{kind} P": counts.precision, f"{kind} R": counts.recall}
    for kind in TARGET_KINDS:
        metrics[f"targets[{kind}] F1"] = scores.targets_by_kind[kind].f1
    for name in SCORED_FIELDS:
        metrics[f"field {name}"] = scores.fields.accuracy[name]
    if scores.has_areas:
        metrics["tasks area"] = scores.areas.accuracy
    for name in METADATA_FIELDS:
        metrics[f"metadata {name}"] = scores.metadata.accuracy[name]
    return metrics


def compare_to_baseline(
    report: EvalReport, baseline: EvalReport, tolerance: float = 0.02
) -> list[Regression]:
    """Every gated figure that fell by more than ``tolerance`` below the baseline, and grounding below 1.0.

    Figures are compared by name, so that a fixture added since the baseline is not compared (refresh the
    baseline to gate it).
    """
    current, before = gated_metrics(report), gated_metrics(baseline)
    regressions = [
        Regression(metric=name, baseline=before[name], current=value)
        for name, value in current.items()
        if name in before and before[name] - value > tolerance + 1e-9
    ]
    if report.micro.grounding.share < 1.0:
        regressions.append(Regression(metric="grounding", baseline=1.0, current=report.micro.grounding.share))
    return regressions


def areas_not_compared(baseline: EvalReport) -> str | None:
    """A note when the baseline was written before task areas were scored: its area accuracy is unknown,
    so the gate does not compare it (write a new baseline to gate it)."""
    if all(group.micro.has_areas for group in baseline.groups):
        return None
    return "area not compared: the baseline was written before task areas were scored (write a new one to gate them)"


def groups_not_run(report: EvalReport, baseline: EvalReport) -> list[str]:
    """The baseline's groups that this run did not score, each with the reason: a gate that silently
    skipped a group would pass on less than it gates."""
    ran = {group.name for group in report.groups}
    reasons = {group.name: group.reason for group in report.skipped}
    return [
        f"group {group.name} was not run: {reasons.get(group.name, 'no fixtures of it')}"
        for group in baseline.groups
        if group.name not in ran
    ]


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
