"""Batch: summarize many files into one JSON Lines file, going on past bad files, resumable.

Each line is written whole in one write and flushed, so an interrupted run leaves at most a
partial last line, which the next ``resume`` cuts off before it appends.
"""

from __future__ import annotations

import asyncio
import glob
import json
import os
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from pydantic import ValidationError

from summarizer.backends import AsyncBackend, Backend, get_backend
from summarizer.config import Settings
from summarizer.errors import ConfigError, InputError, OutputError, SummarizerError
from summarizer.load import SourceText, load_file, sha256_of
from summarizer.models import Summary
from summarizer.output import to_json
from summarizer.paths import path_text
from summarizer.pipeline import ChunkPlan, asummarize_source, plan_chunks, summarize_source
from summarizer.writing import claim_output, output_error, write_text_atomically

INPUT_SUFFIXES = (".txt",)


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
    repairs: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    dropped: int = 0
    partial: int = 0
    cost: float | None = None

    def add(self, summary: Summary) -> None:
        provenance = summary.provenance
        self.written += 1
        if provenance.cost is not None:
            self.cost = (self.cost or 0.0) + provenance.cost
        self.llm_calls += provenance.llm_calls
        self.failed_calls += provenance.failed_calls
        self.retries += provenance.retries
        self.repairs += provenance.repairs
        self.cache_hits += provenance.cache_hits
        self.prompt_tokens += provenance.prompt_tokens
        self.completion_tokens += provenance.completion_tokens
        self.dropped += len(provenance.dropped)
        self.partial += bool(provenance.failed_chunks)


def expand_inputs(
    patterns: list[str], *, output: Path | None = None
) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files named by paths, folders (their ``*.txt``, recursively) and globs; and what matched none.

    A file reached twice (``seeds/x.txt`` and ``seeds/../seeds/x.txt``) is one input. With ``output``,
    the output and its side files (its lock, temporary files, batch-job record) are never inputs: found
    in a folder or by a glob they are left out, and named as an input the output is refused
    (``output_named_as_input``), before anything is touched.
    """
    files: dict[str, Path] = {}
    missing: list[tuple[str, str]] = []
    for pattern in patterns:
        found = list(_files_of(pattern))
        if output is not None:
            refuse_output_as_input([Path(pattern)], output)
            found = [path for path in found if not is_output_or_beside_it(path, output)]
        if not found:
            missing.append((pattern, "no such file, or nothing matches"))
        for path in found:
            files.setdefault(os.path.realpath(path), path)
    return list(files.values()), missing


def refuse_output_as_input(inputs: list[Path], output: Path) -> None:
    """An input that is the output file itself (by any name: a link, ``./``, ``..``): refused, since
    writing the output would destroy it; said before anything is touched."""
    for path in inputs:
        if path.is_file() and same_file(path, output):
            raise InputError(
                f"is also the output (-o {path_text(output)}): writing it would destroy this input; "
                "nothing was changed",
                path=path,
            )


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file: the same inode where both exist, else the same real path."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.realpath(one) == os.path.realpath(other)


def is_output_or_beside_it(path: Path, output: Path) -> bool:
    """The output itself, or a side file the program keeps beside it (``.out.lock``, ``.out.*.tmp``,
    ``out.batchjob.json``): never an input."""
    if same_file(path, output):
        return True
    real, target = Path(os.path.realpath(path)), Path(os.path.realpath(output))
    if real.parent != target.parent:
        return False
    return real.name.startswith(f".{target.name}.") or real.name.startswith(f"{target.name}.batchjob")


def _files_of(pattern: str) -> Iterator[Path]:
    path = Path(pattern)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in INPUT_SUFFIXES)
    elif path.exists():
        yield path
    elif glob.has_magic(pattern):
        yield from (Path(p) for p in sorted(glob.glob(pattern, recursive=True)) if Path(p).is_file())


def missing_inputs_error(missing: list[tuple[str, str]], *, found: int) -> InputError:
    """No input found at all, or (before ``--overwrite`` replaces an output) one that was not: nothing done."""
    names = ", ".join(pattern for pattern, _ in missing)
    reason = missing[0][1] if len(missing) == 1 else "nothing matches these"
    consequence = "nothing was changed" if found else "nothing to summarize; nothing was changed"
    return InputError(f"{names}: {reason}; {consequence}")


def file_key(path: str | Path) -> str:
    """How a batch output knows a file: its absolute path as text, as ``source`` would give it."""
    return os.path.normpath(os.path.abspath(path_text(path)))


@dataclass(frozen=True)
class Finished:
    """The files a batch output holds whole, by path and content: a byte-identical copy under another
    name, and a file whose content changed, are not among them."""

    keys: frozenset[tuple[str, str]] = frozenset()
    # Each file's key: the sha256 of its line (the same facts as ``keys``, by file).
    contents: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @classmethod
    def of(cls, contents: dict[str, str]) -> Finished:
        return cls(frozenset(contents.items()), contents)

    def has(self, path: str | Path, sha256: str) -> bool:
        return (file_key(path), sha256) in self.keys

    def holds_other_content_of(self, path: str | Path, sha256: str) -> bool:
        """Whether the output has a line for this file made from other content (the file changed since)."""
        return self.contents.get(file_key(path), sha256) != sha256

    def __len__(self) -> int:
        return len(self.keys)

    def __bool__(self) -> bool:
        return bool(self.keys)


def finished_files(out: Path, *, keep: bool = False) -> Finished:
    """Every file already summarized whole in ``out``, by its ``source`` and ``sha256``.

    A partial last line is cut off, and lines of partial summaries (chunks that failed) are
    removed, so that a resumed batch does those files again; of several lines of one file (its
    content changed and ``--resume`` did it again) only the last, the newest, is kept. The file is
    rewritten whole, atomically, only when a line goes (not with ``keep``: a dry run reads only).
    A file with a whole line that is not a summary is not a batch output: it is refused, untouched.
    """
    if not out.exists():
        return Finished()
    try:
        lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        raise OutputError(_NOT_A_BATCH + " (it is not UTF-8 text)", path=out) from None
    except OSError as error:
        raise OutputError(f"cannot read: {error.strerror}", path=out) from None
    kept: dict[str, tuple[str, str]] = {}  # a file's key: its newest whole line, and its sha256
    for number, line in enumerate(lines, start=1):
        if not line.endswith("\n"):
            continue  # the half-written last line of an interrupted run
        if not line.strip():
            continue
        try:
            summary = Summary.model_validate_json(line)
        except ValidationError:
            raise OutputError(f"{_NOT_A_BATCH} (line {number} is not a summary)", path=out) from None
        key = file_key(summary.source)
        kept.pop(key, None)  # an older line of this file: replaced by this one
        if not summary.provenance.failed_chunks:
            kept[key] = (line, summary.sha256)
    if len(kept) != len(lines) and not keep:
        _replace_file(out, "".join(line for line, _ in kept.values()))
    return Finished.of({key: sha256 for key, (_, sha256) in kept.items()})


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
        from summarizer.batch_api import refuse_if_a_job_waits

        refuse_if_a_job_waits(out)
        return _run_batch(patterns, out, settings, resume, overwrite, concurrency, on_event)


def _run_batch(
    patterns: list[str],
    out: Path,
    settings: Settings,
    resume: bool,
    overwrite: bool,
    concurrency: int,
    on_event: Callable[[FileEvent], None] | None,
) -> BatchResult:
    result = BatchResult()
    paths, missing = expand_inputs(patterns, output=out)
    if missing and (overwrite or not paths):
        raise missing_inputs_error(missing, found=len(paths))
    backend = get_backend(settings.backend, settings)
    done = finished_files(out) if resume else Finished()
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

    replaced = False  # a file whose content changed since its line was written: its old line goes

    def write_and_report(event: FileEvent) -> None:
        nonlocal replaced
        if event.summary is not None:
            try:
                _write_line(sink, to_json(event.summary))
            except OSError as error:
                raise output_error(error, out) from None
            replaced = replaced or done.holds_other_content_of(event.summary.source, event.summary.sha256)
        report(event)

    try:
        with sink:
            asyncio.run(_summarize_all(paths, settings, backend, done, concurrency, total, write_and_report))
    except OSError as error:
        raise output_error(error, out) from None
    if replaced:
        finished_files(out)  # the old lines of changed files out, the whole file replaced at once
    return result


async def _summarize_all(
    paths: list[Path],
    settings: Settings,
    backend: Backend,
    done: Finished,
    concurrency: int,
    total: int,
    on_done: Callable[[FileEvent], None],
) -> None:
    if not isinstance(backend, AsyncBackend) and settings.batch_workers > 1 and len(paths) > 1:
        await _summarize_in_processes(paths, settings, done, total, on_done)
        return
    if isinstance(backend, AsyncBackend):
        await _summarize_with_calls(paths, settings, backend, done, concurrency, total, on_done)
        return

    async def one(path: Path) -> FileEvent:
        try:
            source = await asyncio.to_thread(load_file, path)
            if done.has(path, source.sha256):
                return FileEvent("skipped", path_text(path), total)
            summary = await asyncio.to_thread(summarize_source, source, settings, backend=backend)
        except SummarizerError as error:
            return _failed(path, error, total)
        return _finished(path, summary, total)

    await in_window(paths, one, concurrency, on_done)


async def in_window(
    paths: list[Path],
    start: Callable[[Path], Awaitable[FileEvent]],
    window: int,
    on_done: Callable[[FileEvent], None],
) -> None:
    """At most ``window`` files in flight: the next starts as one finishes, and a finished file's event
    (and the summary it holds) is handed on and dropped at once, so that a batch's memory is that of
    its window, whatever its length."""
    waiting = iter(paths)
    running: set[asyncio.Future[FileEvent]] = set()
    try:
        while True:
            while len(running) < window and (path := next(waiting, None)) is not None:
                running.add(asyncio.ensure_future(start(path)))
            if not running:
                return
            finished, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for future in finished:
                on_done(future.result())
            del finished
    finally:
        for future in running:
            future.cancel()


async def _summarize_with_calls(
    paths: list[Path],
    settings: Settings,
    backend: AsyncBackend,
    done: Finished,
    concurrency: int,
    total: int,
    on_done: Callable[[FileEvent], None],
) -> None:
    """A model backend's files, admitted while fewer chunks wait than two rounds of calls.

    Enough files are open to keep the call limit busy and no more, whatever the length of the batch:
    its memory stays that of a few files. An admitted file that is not cut into chunks yet counts as one.
    """
    calls = asyncio.Semaphore(concurrency)
    state = {"chunks": 0, "starting": 0}
    changed = asyncio.Event()

    async def one(path: Path) -> FileEvent:
        counted = 0
        try:
            source, plan = await _read_and_cut(path, settings, backend, done)
            if plan is None:
                return FileEvent("skipped", path_text(path), total)
            counted = len(plan.chunks)
            state["chunks"] += counted
            state["starting"] -= 1
            changed.set()
            summary = await asummarize_source(source, settings, backend=backend, limiter=calls, planned=plan)
        except SummarizerError as error:
            return _failed(path, error, total)
        finally:
            if counted:
                state["chunks"] -= counted
            else:
                state["starting"] -= 1
            changed.set()
        return _finished(path, summary, total)

    def room() -> bool:
        # Two calls' worth of chunks ready per slot: the next round's requests wait planned, not loading.
        return state["chunks"] + state["starting"] < 2 * concurrency

    waiting = iter(paths)
    running: set[asyncio.Future[FileEvent]] = set()
    more = True
    try:
        while True:
            while more and room():
                path = next(waiting, None)
                if path is None:
                    more = False
                    break
                state["starting"] += 1
                running.add(asyncio.ensure_future(one(path)))
            if not running:
                break
            changed.clear()
            watcher: asyncio.Future[Any] = asyncio.ensure_future(changed.wait())
            waited: set[asyncio.Future[Any]] = {*running, watcher}
            finished, _ = await asyncio.wait(waited, return_when=asyncio.FIRST_COMPLETED)
            watcher.cancel()
            for task in running & finished:
                running.discard(task)
                on_done(task.result())
    finally:
        for task in running:
            task.cancel()
        await backend.aclose()


# Files up to this size are read and cut on the event loop, larger ones in a thread.
LOOP_FILE_BYTES = 1_000_000


async def _read_and_cut(
    path: Path, settings: Settings, backend: Backend, done: Finished
) -> tuple[SourceText, ChunkPlan | None]:
    """A file and its chunks (None when an earlier run finished it).

    A report of some 100 KB takes a millisecond or two to read and a few to cut: on the loop, between
    replies. Read in threads, each thread's malloc arena kept some of every file, and a batch's peak
    memory grew with its length (1.11x at 1,000 files against 10; 1.07x on the loop). A large file
    would hold the loop (and every call in flight) too long: it goes to a thread.
    """

    def read_and_cut() -> tuple[SourceText, ChunkPlan | None]:
        source = load_file(path)
        return source, None if done.has(path, source.sha256) else plan_chunks(source, settings, backend)

    if _size_of(path) <= LOOP_FILE_BYTES:
        return read_and_cut()
    return await asyncio.to_thread(read_and_cut)


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # load_file says what is wrong with it


def _failed(path: Path, error: SummarizerError, total: int) -> FileEvent:
    message = error.message if isinstance(error, InputError) else str(error)
    return FileEvent("failed", path_text(path), total, error=message)


def _finished(path: Path, summary: Summary, total: int) -> FileEvent:
    status: FileStatus = "partial" if summary.provenance.failed_chunks else "written"
    return FileEvent(status, path_text(path), total, summary=summary)


# Files handed to the pool per worker at a time: enough that a worker never waits for the parent (busy
# or slow to be scheduled) to hand it the next, few enough that the summaries held stay a handful.
FILES_PER_WORKER = 8


async def _summarize_in_processes(
    paths: list[Path],
    settings: Settings,
    done: Finished,
    total: int,
    on_done: Callable[[FileEvent], None],
) -> None:
    """A synchronous backend (rules) over a pool of processes, one per worker: all cores at work.

    Files already done are skipped here by their path and the hash of their bytes; the rest go to the
    pool two per worker at a time (``in_window``), and their summaries come back in the order they
    finish, as with one process. The workers die with this process, however it ends
    (``summarizer.workers``).
    """
    # Imported here: multiprocessing and the process pool are the rules backend's alone, not on a model
    # batch's way to its first call.
    from summarizer.workers import worker_pool

    loop = asyncio.get_running_loop()
    workers = min(settings.batch_workers, len(paths))

    async def one(path: Path) -> FileEvent:
        if done and _already_done(path, done):
            return FileEvent("skipped", path_text(path), total)
        return await loop.run_in_executor(pool, summarize_path, path, settings, total)

    with worker_pool(workers) as pool:
        await in_window(paths, one, FILES_PER_WORKER * workers, on_done)


def _already_done(path: Path, done: Finished) -> bool:
    try:
        return done.has(path, sha256_of(path.read_bytes()))
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
        return _failed(path, error, total)
    return _finished(path, summary, total)


_process_backends: dict[str, Backend] = {}


def _write_line(sink: IO[str], line: str) -> None:
    sink.write(line + "\n")
    sink.flush()


# --- Planning a run without running it (--dry-run).

# Completion characters per document character of the lean reply, measured by benchmarks/llm_pipeline.py
# against a truthful model (0.275): the estimate is of a run, not a bound (tests/test_cost.py holds it
# within 10% of a real run on the seeds).
COMPLETION_CHARS_PER_CHAR = 0.275


@dataclass
class BatchPlan:
    """What a batch would do: files, chunks, calls, estimated tokens and cost; no call made."""

    files: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    characters: int = 0
    chunks: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    model: str | None = None
    cost: float | None = None


def plan_batch(
    patterns: list[str], settings: Settings, *, done: Finished | None = None, output: Path | None = None
) -> BatchPlan:
    """The chunks each input would be cut into, one model call each, and their estimated tokens: the
    prompt (system message, schema and chunk) and the reply (the lean reply's measured share)."""
    from summarizer.pipeline import plan_chunks
    from summarizer.prices import load_prices

    backend = _planning_backend(settings)
    prices = load_prices(settings.prices)
    per_call = _constant_prompt_chars(backend)
    plan = BatchPlan(model=backend.model)
    paths, missing = expand_inputs(patterns, output=output)
    plan.failed.extend(missing)
    prompt_chars = completion_chars = 0.0
    for path in paths:
        try:
            source = load_file(path)
        except SummarizerError as error:
            plan.failed.append((path_text(path), error.message))
            continue
        if done and done.has(path, source.sha256):
            plan.skipped += 1
            continue
        plan.files += 1
        plan.characters += len(source.text)
        chunks = plan_chunks(source, settings, backend).chunks
        plan.chunks += len(chunks)
        for chunk in chunks:
            prompt_chars += per_call + len(chunk.text) + 60  # the document line around the chunk
            completion_chars += len(chunk.text) * COMPLETION_CHARS_PER_CHAR
    if backend.model is not None:
        plan.prompt_tokens = round(prompt_chars / prices.chars_per_token)
        plan.completion_tokens = round(completion_chars / prices.chars_per_token)
        plan.cost = prices.cost(backend.model, plan.prompt_tokens, 0, plan.completion_tokens)
    return plan


def _planning_backend(settings: Settings) -> Backend:
    """The backend as configured; for llm without an endpoint yet, its chunking alone (no call is made)."""
    try:
        return get_backend(settings.backend, settings)
    except ConfigError:
        if settings.backend != "llm" or settings.endpoint_configured:
            raise
        from summarizer.backends.llm import LLMBackend

        offline = settings.model_copy(update={"base_url": "http://127.0.0.1:9/v1"})
        return LLMBackend(offline)


def _constant_prompt_chars(backend: Backend) -> int:
    """Characters every call sends besides the chunk: the system message and the schema."""
    body = getattr(backend, "request_body", None)
    if body is None:
        return 0
    from summarizer.models import Chunk, DocumentSpan

    empty = Chunk(0, 0, 0, "", DocumentSpan(0, 0, 0))
    request = body(empty)
    return len(json.dumps({k: v for k, v in request.items() if k != "messages"}, ensure_ascii=False)) + sum(
        len(str(message.get("content") or "")) for message in request["messages"]
    )
