"""The orchestrator: load/split -> describe -> chunk -> extract -> align -> merge -> output.

It only composes the stages; each lives in the module named after it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from summarizer.align import Aligned, align_extraction
from summarizer.backends import Backend, get_backend
from summarizer.chunk import chunk_document
from summarizer.config import Settings
from summarizer.describe import describe
from summarizer.errors import BackendError
from summarizer.load import SourceText, load_file
from summarizer.merge import merge_aligned
from summarizer.models import Chunk, ChunkRef, DocumentSpan, Extraction, Provenance, Summary
from summarizer.output import build_summary
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
    settings = settings or Settings()
    backend = backend or get_backend(settings.backend, settings)
    began = time.perf_counter()
    documents = [describe(source.text, span) for span in split_documents(source.text)]
    chunks = chunk_documents(
        source.text, documents, settings.chunk_chars or backend.chunk_chars, backend.chunk_overlap
    )
    provenance = Provenance(
        backend=backend.name, model=backend.model, prompt_version=backend.prompt_version, chunks=len(chunks)
    )
    aligned: list[tuple[Chunk, Aligned]] = []
    for done, chunk in enumerate(chunks, start=1):
        extraction = _extract_or_record_failure(backend, chunk, provenance)
        if extraction is not None:
            _count_usage(provenance, extraction)
            aligned.append((chunk, align_extraction(chunk, extraction)))
        if on_progress is not None:
            on_progress(ChunkDone(source.source, done, len(chunks)))
    merged = [
        merge_aligned(found for chunk, found in aligned if chunk.document.index == doc.index)
        for doc in documents
    ]
    provenance.dropped = [item for found in merged for item in found.dropped]
    provenance.seconds = round(time.perf_counter() - began, 4)
    return build_summary(source.source, source.sha256, documents, merged, provenance)


def chunk_documents(text: str, documents: list[DocumentSpan], max_chars: int, overlap: int) -> list[Chunk]:
    """The chunks of every document, numbered across the file."""
    chunks: list[Chunk] = []
    for document in documents:
        chunks.extend(chunk_document(text, document, max_chars, overlap, first_index=len(chunks)))
    return chunks


def _extract_or_record_failure(backend: Backend, chunk: Chunk, provenance: Provenance) -> Extraction | None:
    try:
        return backend.extract(chunk)
    except BackendError as error:
        provenance.failed_chunks.append(ChunkRef(start=chunk.start, end=chunk.end, error=error.message))
        return None


def _count_usage(provenance: Provenance, extraction: Extraction) -> None:
    provenance.llm_calls += extraction.llm_calls
    provenance.cache_hits += extraction.cache_hits
    provenance.prompt_tokens += extraction.prompt_tokens
    provenance.completion_tokens += extraction.completion_tokens
