"""The library: summarize a text or a file, from plain code, from async code, or inside a running loop.

    from summarizer import summarize, Settings
    summary = summarize(open("report.txt", encoding="utf-8").read(), source="report.txt")
    for target in summary.documents[0].targets:
        print(target.indicator, target.value, target.unit, target.indicator_id)

``Settings()`` reads the environment as the CLI does; pass ``Settings(backend="llm", ...)`` to choose.
The synchronous calls work inside a running event loop (Jupyter) too: the work then runs on a thread
of its own, which the call waits for.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from summarizer.backends import AsyncBackend, Backend, get_backend
from summarizer.config import Settings
from summarizer.load import SourceText, load_file
from summarizer.models import Summary
from summarizer.pipeline import asummarize_source, summarize_source

T = TypeVar("T")
DEFAULT_SOURCE = "<text>"


def summarize(text: str, *, source: str = DEFAULT_SOURCE, settings: Settings | None = None) -> Summary:
    """The summary of a text (its ``sha256`` is of its UTF-8 bytes, as ``summarize_file`` of such a file)."""
    return _outside_any_loop(lambda: summarize_source(_source_text(text, source), settings or Settings()))


def summarize_file(path: str | Path, *, settings: Settings | None = None) -> Summary:
    """The summary of a file (UTF-8, GB18030 or UTF-16), as ``summarizer extract`` prints it."""
    return _outside_any_loop(lambda: summarize_source(load_file(Path(path)), settings or Settings()))


async def asummarize(
    text: str,
    *,
    source: str = DEFAULT_SOURCE,
    settings: Settings | None = None,
    backend: Backend | None = None,
) -> Summary:
    """The summary of a text, awaited: a model backend's chunks go out concurrently on this loop."""
    settings = settings or Settings()
    document = _source_text(text, source)
    engine = backend or get_backend(settings.backend, settings)
    if not isinstance(engine, AsyncBackend):
        return await asyncio.to_thread(summarize_source, document, settings, backend=engine)
    try:
        return await asummarize_source(document, settings, backend=engine)
    finally:
        if backend is None:
            await engine.aclose()


async def asummarize_file(path: str | Path, *, settings: Settings | None = None) -> Summary:
    """The summary of a file, awaited."""
    document = await asyncio.to_thread(load_file, Path(path))
    return await asummarize(document.text, source=document.source, settings=settings)


def _source_text(text: str, source: str) -> SourceText:
    return SourceText(source, text, hashlib.sha256(text.encode("utf-8")).hexdigest())


def _outside_any_loop(work: Callable[[], T]) -> T:
    """Run ``work`` here, or, when this thread runs an event loop (Jupyter), on a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="summarizer") as pool:
        return pool.submit(work).result()
