"""The batch command's progress bar and closing totals (rich stays in the CLI)."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from summarizer.batch import BatchResult, FileEvent


class BatchProgress:
    """A bar that advances once per file; failures are printed above it as they happen."""

    def __init__(self) -> None:
        self.console = Console(stderr=True)
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
        self.started = False

    def __enter__(self) -> BatchProgress:
        return self  # the bar starts with the first file, so that a run refused at once shows none

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.started:
            self.bar.stop()

    def update(self, event: FileEvent) -> None:
        if not self.started:
            self.bar.start()
            self.started = True
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
        line = (
            f"{result.written} written, {result.skipped} skipped, {len(result.failed)} failed -> {output}; "
            f"model calls {result.llm_calls} ({result.failed_calls} failed, {result.retries} retries), "
            f"cache hits {result.cache_hits}, "
            f"tokens {result.prompt_tokens} in / {result.completion_tokens} out, "
            f"dropped items {result.dropped}"
        )
        if result.partial:
            line += f", partial files {result.partial}"
        self.console.print(line, highlight=False, markup=False, soft_wrap=True)
