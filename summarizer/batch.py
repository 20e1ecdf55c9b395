"""Batch: summarize many files into one JSON Lines file, going on past bad files, resumable.

Each line is written whole in one write and flushed, so an interrupted run leaves at most a
partial last line, which the next ``resume`` cuts off before it appends.
"""

from __future__ import annotations

import asyncio
import glob
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

from pydantic import ValidationError

from summarizer.backends import AsyncBackend, Backend, get_backend
from summarizer.config import Settings
from summarizer.errors import InputError, OutputError, SummarizerError
from summarizer.load import load_file, sha256_of
from summarizer.models import Summary
from summarizer.output import to_json
from summarizer.pipeline import asummarize_source, summarize_source
from summarizer.writing import claim_output, output_error, write_text_atomically

INPUT_SUFFIXES = (".txt",)
# For a model backend, files loaded ahead of the calls, so that the call limit stays busy.
_FILES_PER_CALL = 4


FileStatus = Literal["written", "partial", "skipped", "failed"]


@dataclass(frozen=True)
class FileEvent:
    """What happened to one input file; ``total`` is the number of files in the batch."""

    status: FileStatus
    path: str
    total: int
    error: str | None = None
    summary: Summary | None = None


@dataclass
class BatchResult:
    written: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    llm_calls: int = 0
    failed_calls: int = 0
    retries: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    dropped: int = 0
    partial: int = 0

    def add(self, summary: Summary) -> None:
        provenance = summary.provenance
        self.written += 1
        self.llm_calls += provenance.llm_calls
        self.failed_calls += provenance.failed_calls
        self.retries += provenance.retries
        self.cache_hits += provenance.cache_hits
        self.prompt_tokens += provenance.prompt_tokens
        self.completion_tokens += provenance.completion_tokens
        self.dropped += len(provenance.dropped)
        self.partial += bool(provenance.failed_chunks)


def expand_inputs(patterns: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files named by paths, folders (their ``*.txt``, recursively) and globs; and what matched none."""
    files: dict[Path, None] = {}
    missing: list[tuple[str, str]] = []
    for pattern in patterns:
        found = list(_files_of(pattern))
        if not found:
            missing.append((pattern, "no such file, or nothing matches"))
        files.update(dict.fromkeys(found))
    return list(files), missing


def _files_of(pattern: str) -> Iterator[Path]:
    path = Path(pattern)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in INPUT_SUFFIXES)
    elif path.exists():
        yield path
    elif glob.has_magic(pattern):
        yield from (Path(p) for p in sorted(glob.glob(pattern, recursive=True)) if Path(p).is_file())


def finished_hashes(out: Path) -> set[str]:
    """The sha256 of every file already summarized whole in ``out``.

    A partial last line is cut off, and lines of partial summaries (chunks that failed) are
    removed, so that a resumed batch does those files again. A file with a whole line that is not
    a summary is not a batch output: it is refused, untouched.
    """
    if not out.exists():
        return set()
    try:
        lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        raise OutputError(_NOT_A_BATCH + " (it is not UTF-8 text)", path=out) from None
    except OSError as error:
        raise OutputError(f"cannot read: {error.strerror}", path=out) from None
    kept: list[str] = []
    hashes: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.endswith("\n"):
            continue  # the half-written last line of an interrupted run
        if not line.strip():
            continue
        try:
            summary = Summary.model_validate_json(line)
        except ValidationError:
            raise OutputError(f"{_NOT_A_BATCH} (line {number} is not a summary)", path=out) from None
        if not summary.provenance.failed_chunks:
            kept.append(line)
            hashes.add(summary.sha256)
    if len(kept) != len(lines):
        _replace_file(out, "".join(kept))
    return hashes


_NOT_A_BATCH = "is not a batch output of summarizer, so --resume will not touch it; nothing was changed"


def _replace_file(path: Path, text: str) -> None:
    write_text_atomically(path, text)


def run_batch(
    patterns: list[str],
    out: Path,
    settings: Settings,
    *,
    resume: bool = False,
    overwrite: bool = False,
    concurrency: int = 1,
    on_event: Callable[[FileEvent], None] | None = None,
) -> BatchResult:
    """Summarize every input into ``out``; a bad file is reported through ``on_event``, the rest go on.

    ``out`` is locked for the run (``summarizer.writing``); an existing non-empty ``out`` is gone on
    with (``resume``), replaced (``overwrite``) or refused. ``concurrency`` bounds the files in flight
    for a synchronous backend and the model calls in flight, across all files, for an asynchronous one.
    """
    with claim_output(out, overwrite=overwrite, resume=resume):
        return _run_batch(patterns, out, settings, resume, concurrency, on_event)


def _run_batch(
    patterns: list[str],
    out: Path,
    settings: Settings,
    resume: bool,
    concurrency: int,
    on_event: Callable[[FileEvent], None] | None,
) -> BatchResult:
    result = BatchResult()
    paths, missing = expand_inputs(patterns)
    backend = get_backend(settings.backend, settings)
    done = finished_hashes(out) if resume else set()
    total = len(paths) + len(missing)

    def report(event: FileEvent) -> None:
        if event.summary is not None:
            result.add(event.summary)
        elif event.status == "skipped":
            result.skipped += 1
        else:
            result.failed.append((event.path, event.error or "failed"))
        if on_event is not None:
            on_event(event)

    for pattern, reason in missing:
        report(FileEvent("failed", pattern, total, error=reason))
    try:
        sink = out.open("a" if resume else "w", encoding="utf-8")
    except OSError as error:
        raise output_error(error, out) from None

    def write_and_report(event: FileEvent) -> None:
        if event.summary is not None:
            try:
                _write_line(sink, to_json(event.summary))
            except OSError as error:
                raise output_error(error, out) from None
        report(event)

    try:
        with sink:
            asyncio.run(_summarize_all(paths, settings, backend, done, concurrency, total, write_and_report))
    except OSError as error:
        raise output_error(error, out) from None
    return result


async def _summarize_all(
    paths: list[Path],
    settings: Settings,
    backend: Backend,
    done: set[str],
    concurrency: int,
    total: int,
    on_done: Callable[[FileEvent], None],
) -> None:
    if not isinstance(backend, AsyncBackend) and settings.batch_workers > 1 and len(paths) > 1:
        await _summarize_in_processes(paths, settings, done, total, on_done)
        return
    calls = asyncio.Semaphore(concurrency)
    files = asyncio.Semaphore(
        concurrency * _FILES_PER_CALL if isinstance(backend, AsyncBackend) else concurrency
    )

    async def one(path: Path) -> FileEvent:
        async with files:
            try:
                source = await asyncio.to_thread(load_file, path)
                if source.sha256 in done:
                    return FileEvent("skipped", str(path), total)
                if isinstance(backend, AsyncBackend):
                    summary = await asummarize_source(source, settings, backend=backend, limiter=calls)
                else:
                    summary = await asyncio.to_thread(summarize_source, source, settings, backend=backend)
            except SummarizerError as error:
                message = error.message if isinstance(error, InputError) else str(error)
                return FileEvent("failed", str(path), total, error=message)
            status: FileStatus = "partial" if summary.provenance.failed_chunks else "written"
            return FileEvent(status, str(path), total, summary=summary)

    try:
        for finished in asyncio.as_completed([one(path) for path in paths]):
            on_done(await finished)
    finally:
        if isinstance(backend, AsyncBackend):
            await backend.aclose()


async def _summarize_in_processes(
    paths: list[Path],
    settings: Settings,
    done: set[str],
    total: int,
    on_done: Callable[[FileEvent], None],
) -> None:
    """A synchronous backend (rules) over a pool of processes, one per worker: all cores at work.

    Files already done are skipped here by the hash of their bytes; the rest go to the pool, and
    their summaries come back in the order they finish, as with one process.
    """
    loop = asyncio.get_running_loop()
    workers = min(settings.batch_workers, len(paths))
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending = []
        for path in paths:
            if done and _already_done(path, done):
                on_done(FileEvent("skipped", str(path), total))
                continue
            pending.append(loop.run_in_executor(pool, summarize_path, path, settings, total))
        for finished in asyncio.as_completed(pending):
            on_done(await finished)


def _already_done(path: Path, done: set[str]) -> bool:
    try:
        return sha256_of(path.read_bytes()) in done
    except OSError:
        return False  # the worker reports why it cannot be read


def summarize_path(path: Path, settings: Settings, total: int) -> FileEvent:
    """One file's event, in a pool process (its backend built there once and kept)."""
    backend = _process_backends.get(settings.backend)
    if backend is None:
        backend = _process_backends[settings.backend] = get_backend(settings.backend, settings)
    try:
        summary = summarize_source(load_file(path), settings, backend=backend)
    except SummarizerError as error:
        message = error.message if isinstance(error, InputError) else str(error)
        return FileEvent("failed", str(path), total, error=message)
    status: FileStatus = "partial" if summary.provenance.failed_chunks else "written"
    return FileEvent(status, str(path), total, summary=summary)


_process_backends: dict[str, Backend] = {}


def _write_line(sink: IO[str], line: str) -> None:
    sink.write(line + "\n")
    sink.flush()
