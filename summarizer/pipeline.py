"""The orchestrator: load/split -> describe -> chunk -> extract -> align -> merge -> output (with
every target's indicator id from the registry).

It only composes the stages; each lives in the module named after it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.align import Aligned, align_extraction
from summarizer.backends import AsyncBackend, Backend, get_backend
from summarizer.chunk import chunk_document
from summarizer.config import Settings
from summarizer.describe import describe
from summarizer.errors import BackendCrash, BackendError, SummarizerError
from summarizer.indicators import Registry, load_registry, with_indicator_ids
from summarizer.load import SourceText, load_file
from summarizer.merge import merge_aligned
from summarizer.models import Chunk, ChunkRef, DocumentSpan, Extraction, Provenance, Summary
from summarizer.output import build_summary
from summarizer.prices import PriceTable, load_prices
from summarizer.split import split_documents


@dataclass(frozen=True)
class ChunkDone:
    """Progress: one more chunk of a file was processed."""

    source: str
    done: int
    total: int


ProgressCallback = Callable[[ChunkDone], None]


def summarize_file(
    path: Path, settings: Settings | None = None, *, backend: Backend | None = None
) -> Summary:
    """The summary of one input file."""
    return summarize_source(load_file(path), settings, backend=backend)


def summarize_text(
    text: str, source: str, settings: Settings | None = None, *, backend: Backend | None = None
) -> Summary:
    """The summary of a text already decoded (its sha256 is of its UTF-8 bytes)."""
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return summarize_source(SourceText(source, text, sha256), settings, backend=backend)


def summarize_source(
    source: SourceText,
    settings: Settings | None = None,
    *,
    backend: Backend | None = None,
    on_progress: ProgressCallback | None = None,
) -> Summary:
    """The summary of a loaded file; a backend that can run asynchronously gets its chunks concurrently."""
    settings = settings or Settings()
    backend = backend or get_backend(settings.backend, settings)
    if isinstance(backend, AsyncBackend):
        return _run_coroutine(lambda: _summarize_then_close(source, settings, backend, on_progress))
    began = time.perf_counter()
    plan = plan_chunks(source, settings, backend)
    outcomes: list[Extraction | BackendError] = []
    for chunk in plan.chunks:
        outcomes.append(_extract_or_error(backend, chunk))
        _report(on_progress, source, len(outcomes), len(plan.chunks))
    return assemble(source, plan, backend, outcomes, began)


async def asummarize_source(
    source: SourceText,
    settings: Settings,
    *,
    backend: Backend,
    limiter: asyncio.Semaphore | None = None,
    on_progress: ProgressCallback | None = None,
    planned: ChunkPlan | None = None,
) -> Summary:
    """The summary of a loaded file, its chunks extracted concurrently under ``limiter`` (``planned``:
    its chunks, when the caller has cut them already).

    A batch passes one limiter for all its files, so that the chunks of every file share the
    same bound on calls in flight (``settings.concurrency`` when none is given).
    """
    began = time.perf_counter()
    plan = planned or plan_chunks(source, settings, backend)
    limiter = limiter or asyncio.Semaphore(settings.concurrency)
    finished = 0

    async def extract_one(chunk: Chunk) -> Extraction | BackendError:
        nonlocal finished
        if getattr(backend, "limits_each_call", False):
            # The backend holds the limit for each HTTP call only, not through backoffs and repairs.
            outcome = await _aextract_or_error(backend, chunk, limiter)
        else:
            async with limiter:
                outcome = await _aextract_or_error(backend, chunk)
        finished += 1
        _report(on_progress, source, finished, len(plan.chunks))
        return outcome

    outcomes = await asyncio.gather(*(extract_one(chunk) for chunk in plan.chunks))
    if crash := next((outcome for outcome in outcomes if isinstance(outcome, BackendCrash)), None):
        raise crash  # once every chunk has ended
    return assemble(source, plan, backend, list(outcomes), began)


def _run_coroutine(make: Callable[[], Coroutine[Any, Any, Summary]]) -> Summary:
    """Run a coroutine to its end from synchronous code, also where this thread already runs an event
    loop (Jupyter): there, on a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="summarizer") as pool:
        return pool.submit(lambda: asyncio.run(make())).result()


async def _summarize_then_close(
    source: SourceText, settings: Settings, backend: AsyncBackend, on_progress: ProgressCallback | None
) -> Summary:
    try:
        return await asummarize_source(source, settings, backend=backend, on_progress=on_progress)
    finally:
        await backend.aclose()


@dataclass(frozen=True)
class ChunkPlan:
    documents: list[DocumentSpan]
    chunks: list[Chunk]
    registry: Registry
    prices: PriceTable


def plan_chunks(source: SourceText, settings: Settings, backend: Backend) -> ChunkPlan:
    """Split, describe and chunk: everything before the backend sees the text."""
    documents = [describe(source.text, span) for span in split_documents(source.text)]
    max_chars = settings.chunk_chars or backend.chunk_chars
    chunks = chunk_documents(source.text, documents, max_chars, backend.chunk_overlap)
    return ChunkPlan(documents, chunks, load_registry(settings.indicators), load_prices(settings.prices))


def assemble(
    source: SourceText,
    plan: ChunkPlan,
    backend: Backend,
    outcomes: list[Extraction | BackendError],
    began: float,
) -> Summary:
    """Align each chunk's items, merge them per document and build the summary (chunks in document order)."""
    provenance = Provenance(
        backend=backend.name,
        model=backend.model,
        prompt_version=backend.prompt_version,
        chunks=len(plan.chunks),
    )
    aligned: list[tuple[Chunk, Aligned]] = []
    for chunk, outcome in zip(plan.chunks, outcomes, strict=True):
        _count_usage(provenance, outcome)
        if isinstance(outcome, BackendError):
            provenance.failed_chunks.append(ChunkRef(start=chunk.start, end=chunk.end, error=outcome.message))
            continue
        provenance.failed_chunks.extend(outcome.failed)  # a part of the chunk failed, the rest counts
        aligned.append((chunk, align_extraction(chunk, outcome)))
    merged = [
        merge_aligned((found for chunk, found in aligned if chunk.document.index == doc.index), doc)
        for doc in plan.documents
    ]
    provenance.dropped = [item for found in merged for item in found.dropped]
    provenance.cost = plan.prices.cost(
        backend.model, provenance.prompt_tokens, provenance.cached_tokens, provenance.completion_tokens
    )
    provenance.seconds = round(time.perf_counter() - began, 4)
    summary = build_summary(source.source, source.sha256, plan.documents, merged, provenance)
    return with_indicator_ids(summary, plan.registry)


def chunk_documents(text: str, documents: list[DocumentSpan], max_chars: int, overlap: int) -> list[Chunk]:
    """The chunks of every document, numbered across the file."""
    chunks: list[Chunk] = []
    for document in documents:
        chunks.extend(chunk_document(text, document, max_chars, overlap, first_index=len(chunks)))
    return chunks


def _extract_or_error(backend: Backend, chunk: Chunk) -> Extraction | BackendError:
    try:
        extraction = backend.extract(chunk)
    except BackendError as error:
        return error
    except SummarizerError:
        raise
    except Exception as error:
        raise backend_crash(backend, chunk, error) from error
    if not isinstance(extraction, Extraction):
        raise wrong_result(backend, chunk, extraction)
    return extraction


async def _aextract_or_error(
    backend: Backend, chunk: Chunk, limiter: asyncio.Semaphore | None = None
) -> Extraction | BackendError:
    try:
        if isinstance(backend, AsyncBackend):
            if limiter is not None:
                extraction = await backend.aextract(chunk, limiter=limiter)  # type: ignore[call-arg]
            else:
                extraction = await backend.aextract(chunk)
        else:
            extraction = await asyncio.to_thread(backend.extract, chunk)
    except BackendError as error:
        return error
    except SummarizerError:
        raise
    except Exception as error:
        return backend_crash(backend, chunk, error)
    if not isinstance(extraction, Extraction):
        return wrong_result(backend, chunk, extraction)
    return extraction


def backend_crash(backend: Backend, chunk: Chunk, error: Exception) -> BackendCrash:
    """A backend that raised what no backend should (a plugin's bug): the file fails, saying where.

    A ``BackendError`` a backend raises is a chunk it could not do (the summary is partial, and
    ``--resume`` tries again); anything else is not worth trying again: the file is not written, the
    error is reported and counted, and a batch goes on with the next file."""
    return BackendCrash(
        f"backend {backend.name!r} failed on chunk {chunk.index} ({chunk.start}-{chunk.end}): "
        f"{type(error).__name__}: {error}",
        chunk=(chunk.start, chunk.end),
    )


def wrong_result(backend: Backend, chunk: Chunk, result: object) -> BackendCrash:
    """A backend whose ``extract`` returned something else than an ``Extraction`` (a plugin's bug):
    treated as one that raised, the file fails saying what it got, and a batch goes on."""
    return BackendCrash(
        f"backend {backend.name!r} returned {type(result).__name__} on chunk {chunk.index} "
        f"({chunk.start}-{chunk.end}), not an Extraction",
        chunk=(chunk.start, chunk.end),
    )


def _report(on_progress: ProgressCallback | None, source: SourceText, done: int, total: int) -> None:
    if on_progress is not None:
        on_progress(ChunkDone(source.source, done, total))


_COUNTS = (
    "llm_calls",
    "failed_calls",
    "retries",
    "repairs",
    "cache_hits",
    "prompt_tokens",
    "completion_tokens",
    "cached_tokens",
)


def _count_usage(provenance: Provenance, outcome: Extraction | BackendError) -> None:
    """Every call counts, those of a chunk that failed too (they cost as much)."""
    for name in _COUNTS:
        spent = outcome.usage.get(name, 0) if isinstance(outcome, BackendError) else getattr(outcome, name)
        setattr(provenance, name, getattr(provenance, name) + spent)
