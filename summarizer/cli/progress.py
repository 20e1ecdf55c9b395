"""The batch command's progress bar and closing totals (rich stays in the CLI)."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

from summarizer.batch import BatchPlan, BatchResult, FileEvent


class BatchProgress:
    """A bar that advances once per file; failures are printed above it as they happen.

    rich is loaded with the first file, not at start-up: the first model calls go out meanwhile.
    """

    def __init__(self) -> None:
        self.started = False
        self.console: Any = None
        self.bar: Any = None
        self.task: Any = None

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = self.console or Console(stderr=True)
        self.bar = Progress(
            TextColumn("[bold]summarizing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=self.console,
            transient=False,
        )
        self.task = self.bar.add_task("", total=None)
        self.bar.start()
        self.started = True

    def __enter__(self) -> BatchProgress:
        return self  # the bar starts with the first file, so that a run refused at once shows none

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.started:
            self.bar.stop()

    def update(self, event: FileEvent) -> None:
        if not self.started:
            self._start()
        self.bar.update(self.task, total=event.total, advance=1, description=Path(event.path).name)
        if event.status == "partial" and event.summary is not None:
            failed = event.summary.provenance.failed_chunks
            self.console.print(
                f"[yellow]partial[/yellow] {event.path}: {len(failed)} chunk(s) failed ({failed[0].error}); "
                "rerun with --resume to retry them",
                markup=True,
                highlight=False,
                soft_wrap=True,
            )
        if event.status == "failed":
            self.console.print(
                f"[red]failed[/red] {event.path}: {event.error}", markup=True, highlight=False, soft_wrap=True
            )

    def print_totals(self, result: BatchResult, output: Path) -> None:
        if self.console is None:
            from rich.console import Console

            self.console = Console(stderr=True)
        line = (
            f"{result.written} written, {result.skipped} skipped, {len(result.failed)} failed -> {output}; "
            f"model calls {result.llm_calls} ({result.failed_calls} failed, {result.retries} retries, "
            f"{result.repairs} repairs), "
            f"cache hits {result.cache_hits}, "
            f"tokens {result.prompt_tokens} in / {result.completion_tokens} out, "
            f"dropped items {result.dropped}"
        )
        if result.cost is not None:
            line += f", cost ${result.cost:.4f}"
        if result.partial:
            line += f", partial files {result.partial}"
        self.console.print(line, highlight=False, markup=False, soft_wrap=True)


def print_plan(plan: BatchPlan, settings: Any) -> None:
    """The dry run's account, on standard output: what the batch would send and what it would cost."""
    lines = [
        f"dry run ({settings.backend} backend, model {plan.model or '-'}): no call made, nothing written",
        f"files {plan.files} ({plan.characters:,} characters), {plan.skipped} already done, {len(plan.failed)} unreadable",
        f"chunks {plan.chunks}: {plan.chunks if plan.model else 0} model calls, "
        f"about {plan.prompt_tokens:,} tokens in and {plan.completion_tokens:,} out",
    ]
    if plan.model is not None:
        lines.append(
            f"estimated cost: ${plan.cost:.4f}"
            if plan.cost is not None
            else f"estimated cost: unknown ({plan.model} is not in the price table; --prices adds it)"
        )
    for name, reason in plan.failed:
        lines.append(f"unreadable: {name}: {reason}")
    from rich.console import Console

    Console(highlight=False).print("\n".join(lines), markup=False, soft_wrap=True)
