"""`summarizer eval`: score a backend against the hand-labelled fixtures, gate it, or diff two runs."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from summarizer.evals.run import DocumentDiff, EvalReport
    from summarizer.evals.score import Counts, Scores

# As summarizer.evals.score scores them; repeated so that this module imports nothing heavy.
SCORED_FIELDS = ("unit", "change", "qualifier", "year")
METADATA_FIELDS = ("jurisdiction", "review_year", "plan_year", "place")
TARGET_KINDS = ("target", "result")


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _prf(counts: Counts) -> str:
    if not counts.scored:
        return "-"
    return " ".join(_share(value) for value in (counts.precision, counts.recall, counts.f1))


def _row(fixture: str, document: str, scores: Scores) -> list[str]:
    by_kind = [_share(scores.targets_by_kind[kind].f1) for kind in TARGET_KINDS]
    fields = " ".join(_share(scores.fields.accuracy[name]) for name in SCORED_FIELDS)
    metadata = " ".join(_share(scores.metadata.accuracy[name]) for name in METADATA_FIELDS)
    grounding = f"{scores.grounding.share:.3f}"
    if scores.grounding.share < 1.0:
        grounding = f"[red]{grounding}[/red]"
    return [
        fixture,
        document,
        _prf(scores.targets),
        *by_kind,
        _prf(scores.goals),
        _prf(scores.tasks),
        _share(scores.areas.accuracy),
        fields,
        metadata,
        grounding,
    ]


def score_table(report: EvalReport) -> Table:
    """Per-document rows and a micro row per group of fixtures: P R F1 for each item kind, F1 by target
    kind, area accuracy of matched tasks, field accuracy, metadata accuracy, grounding."""
    from rich import box
    from rich.table import Table

    table = Table(
        title=f"eval: backend {report.backend}, fixtures {report.fixtures_dir}",
        caption=(
            f"{report.pairing}; area: of matched tasks; fields: {', '.join(SCORED_FIELDS)} on matched targets; "
            f"meta: {', '.join(METADATA_FIELDS)}; '-': not labelled in the fixture's scope"
        ),
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("fixture", overflow="ellipsis", max_width=15, no_wrap=True)
    table.add_column("doc", justify="right")
    table.add_column("targets\nP R F1", justify="right")
    for kind in TARGET_KINDS:
        table.add_column(f"{kind}\nF1", justify="right")
    table.add_column("goals\nP R F1", justify="right")
    table.add_column("tasks\nP R F1", justify="right")
    table.add_column("area", justify="right")
    table.add_column("fields\n" + " ".join(name[0] for name in SCORED_FIELDS), justify="right")
    table.add_column("meta\nj r p pl", justify="right")
    table.add_column("ground", justify="right")
    for group in report.groups:
        for file in report.files:
            if file.group != group.name:
                continue
            for document in file.documents:
                table.add_row(*_row(Path(file.fixture).stem, str(document.index), document.scores))
        table.add_row(*_row(f"[bold]{group.name} micro[/bold]", "", group.micro))
        table.add_section()
    return table


def print_diff(console: Console, diffs: list[DocumentDiff]) -> None:
    if not diffs:
        console.print("no difference in predicted items")
        return
    for diff in diffs:
        console.print(f"[bold]{diff.fixture}#{diff.index}[/bold]: +{len(diff.gained)} -{len(diff.lost)}")
        for ref in diff.gained:
            console.print(f"  [green]+ {ref.kind}[/green] {ref.label} @{ref.start}:{ref.end}", markup=True)
        for ref in diff.lost:
            console.print(f"  [red]- {ref.kind}[/red] {ref.label} @{ref.start}:{ref.end}", markup=True)


def eval_command(
    backend: Annotated[
        str | None,
        typer.Option("--backend", "-b", help="rules (the default) or llm. Env: SUMMARIZER_BACKEND."),
    ] = None,
    fixtures: Annotated[
        Path, typer.Option(help="Directory of hand-labelled fixtures (*.json; each subdirectory a group).")
    ] = Path("evals/fixtures"),
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the full report (a valid baseline) to this file.")
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace the --json file if it exists (else it is refused).")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="Report to compare with; exit 1 if any gated figure falls by more than the tolerance"
            " (per group: precision, recall and F1 of each kind, field, task area and metadata accuracy; per"
            " document: F1 of each kind), grounding < 1, or a group of it was not run."
        ),
    ] = None,
    tolerance: Annotated[
        float, typer.Option(help="How far a gated figure may fall below the baseline.")
    ] = 0.02,
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="Where the development corpus is, when not at ../shared/corpus beside the repository."
            " Env: SUMMARIZER_CORPUS.",
        ),
    ] = None,
    diff: Annotated[
        tuple[Path, Path] | None,
        typer.Option(
            help="Two reports, OLD.json NEW.json: print only the items gained and lost per document."
        ),
    ] = None,
) -> None:
    """Score a backend against the labelled fixtures (how items are matched: README, Evaluation).

    Example: summarizer eval --backend rules --json out.json --baseline evals/baseline.json
    """
    # The pipeline loads here, not when the CLI starts, so that `summarizer --version` stays fast.
    from rich.console import Console

    from summarizer.config import resolve_settings
    from summarizer.evals.run import (
        areas_not_compared,
        compare_to_baseline,
        diff_predictions,
        groups_not_run,
        load_report,
        run_eval,
        write_report,
    )
    from summarizer.writing import claim_output

    console = Console()
    if diff is not None:
        print_diff(console, diff_predictions(load_report(diff[0]), load_report(diff[1])))
        return
    before = load_report(baseline) if baseline is not None else None
    settings = resolve_settings({"backend": backend, "corpus": corpus})
    with claim_output(json_out, overwrite=overwrite) if json_out is not None else nullcontext():
        report = run_eval(settings.backend, fixtures, settings)
        console.print(score_table(report))
        for group in report.skipped:
            console.print(f"skipped group {group.name}: {group.reason}")
        if json_out is not None:
            write_report(report, json_out)
            console.print(f"report written to {json_out}")
    if before is not None:
        regressions = compare_to_baseline(report, before, tolerance)
        note = areas_not_compared(before)
        if note is not None:
            console.print(note, soft_wrap=True)
        for regression in regressions:
            console.print(f"[red]regression[/red] {regression.describe()}")
        missing = groups_not_run(report, before)
        for problem in missing:
            console.print(f"[red]not gated:[/red] {problem}")
        if missing:
            console.print(
                "a gate that could not run a group of its baseline does not pass: without the corpus, run "
                "`summarizer eval` without --baseline (the groups that are here are scored), or give --corpus DIR"
            )
        if regressions or missing:
            raise typer.Exit(1)
        console.print(f"no regression (tolerance {tolerance})")
