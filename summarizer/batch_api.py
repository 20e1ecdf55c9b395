"""Provider batch jobs (``summarizer batch … --via batch-api``): half the price for work that can wait.

A first run writes every chunk's request (the same body a real-time call sends) as JSON Lines,
uploads it (``POST /v1/files``), creates the job (``POST /v1/batches``) and keeps the job's id and
what each request stands for in a state file beside the output (``<out>.batchjob.json``). A run with
``--resume`` asks for the job's status; once the job has ended it downloads the results and runs each
through the same reading, repair, alignment, merging and cache as a real-time reply, and writes the
summaries. A request the job failed, or that an expired job never ran, is done in real time; a chunk
that fails that too is a failed chunk, as in any batch. Chunks already in the cache are never sent.

Any endpoint that speaks those two OpenAI endpoints works (OpenAI, and the providers that copy them).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.batch import BatchResult, FileEvent, FileStatus, expand_inputs, finished_hashes
from summarizer.config import Settings
from summarizer.errors import ConfigError, OutputError, SummarizerError
from summarizer.load import load_file
from summarizer.models import Extraction, Summary
from summarizer.output import to_json
from summarizer.writing import claim_output, output_error, write_text_atomically

STATE_SUFFIX = ".batchjob.json"
ENDPOINT = "/v1/chat/completions"
PENDING = ("validating", "in_progress", "finalizing", "cancelling")
# What providers charge for batch jobs against real-time calls.
BATCH_DISCOUNT = 0.5


@dataclass(frozen=True)
class Submitted:
    job_id: str
    requests: int
    files: int
    state: Path


@dataclass(frozen=True)
class Pending:
    job_id: str
    status: str
    done: int
    total: int


def state_path(out: Path) -> Path:
    return out.with_name(out.name + STATE_SUFFIX)


def run_via_batch_api(
    patterns: list[str],
    out: Path,
    settings: Settings,
    *,
    resume: bool = False,
    overwrite: bool = False,
    on_event: Callable[[FileEvent], None] | None = None,
) -> BatchResult | Submitted | Pending:
    """Submit a job for the inputs, or (with ``resume``, once a job was submitted) collect it."""
    with claim_output(out, overwrite=overwrite, resume=resume):
        state_file = state_path(out)
        backend = _model_backend(settings)
        if state_file.exists():
            if not resume:
                raise OutputError(
                    f"a batch job is waiting for this output ({state_file.name}): run with --resume to collect it",
                    path=out,
                )
            return _collect(
                json.loads(state_file.read_text(encoding="utf-8")), out, settings, backend, on_event
            )
        done = finished_hashes(out) if resume else set()
        return _submit(patterns, out, settings, backend, done, on_event)


def _model_backend(settings: Settings) -> Any:
    from summarizer.backends import get_backend

    backend = get_backend(settings.backend, settings)
    if not hasattr(backend, "request_body") or not hasattr(backend, "acomplete"):
        raise ConfigError(f"--via batch-api needs a model backend (llm), not {settings.backend!r}")
    return backend


# --- submitting


def _submit(
    patterns: list[str],
    out: Path,
    settings: Settings,
    backend: Any,
    done: set[str],
    on_event: Callable[[FileEvent], None] | None,
) -> BatchResult | Submitted | Pending:
    from summarizer.pipeline import plan_chunks

    paths, missing = expand_inputs(patterns)
    requests: list[dict[str, Any]] = []
    sources: list[dict[str, str]] = []
    meaning: dict[str, dict[str, Any]] = {}
    for path in paths:
        try:
            source = load_file(path)
        except SummarizerError as error:
            _say(on_event, FileEvent("failed", str(path), len(paths), error=error.message))
            continue
        if source.sha256 in done:
            continue
        sources.append({"path": str(path), "sha256": source.sha256})
        for chunk in plan_chunks(source, settings, backend).chunks:
            if backend.cached(chunk) is not None:
                continue
            custom_id = request_id(source.sha256, chunk.index)
            meaning[custom_id] = {"path": str(path), "chunk": chunk.index}
            requests.append(
                {
                    "custom_id": custom_id,
                    "method": "POST",
                    "url": ENDPOINT,
                    "body": backend.request_body(chunk),
                }
            )
    for pattern, reason in missing:
        _say(on_event, FileEvent("failed", pattern, len(paths), error=reason))
    state: dict[str, Any] = {
        "sources": sources,
        "requests": meaning,
        "job_id": None,
        "submitted": None,
        "model": settings.model,
    }
    if not requests:  # everything is in the cache already: collect at once
        return _collect(state, out, settings, backend, on_event)
    client = _client(backend)
    data = "".join(json.dumps(request, ensure_ascii=False) + "\n" for request in requests).encode("utf-8")
    uploaded = client.files.create(file=("summarizer-requests.jsonl", data), purpose="batch")
    job = client.batches.create(input_file_id=uploaded.id, endpoint=ENDPOINT, completion_window="24h")
    state.update({"job_id": job.id, "input_file_id": uploaded.id, "submitted": int(time.time())})
    write_text_atomically(state_path(out), json.dumps(state, ensure_ascii=False, indent=1))
    return Submitted(job.id, len(requests), len(sources), state_path(out))


def request_id(sha256: str, chunk_index: int) -> str:
    return f"{sha256[:20]}-{chunk_index}"


def _client(backend: Any) -> Any:
    """The run's openai client, made where every model call's is (same endpoint, key, TLS, Azure)."""
    from summarizer.backends.llm.client import openai_client

    return openai_client(backend.settings, asynchronous=False)


# --- collecting


def _collect(
    state: dict[str, Any],
    out: Path,
    settings: Settings,
    backend: Any,
    on_event: Callable[[FileEvent], None] | None,
) -> BatchResult | Pending:
    results: dict[str, dict[str, Any]] = {}
    if state.get("job_id"):
        client = _client(backend)
        job = client.batches.retrieve(state["job_id"])
        if job.status in PENDING:
            counts = job.request_counts
            return Pending(
                job.id, job.status, counts.completed if counts else 0, counts.total if counts else 0
            )
        for file_id in (job.output_file_id, job.error_file_id):
            if file_id:
                for line in client.files.content(file_id).text.splitlines():
                    if line.strip():
                        row = json.loads(line)
                        response = row.get("response") or {}
                        if response.get("status_code") == 200 and isinstance(response.get("body"), dict):
                            results[row["custom_id"]] = response["body"]
    result = asyncio.run(_summarize_collected(state, out, settings, backend, results, on_event))
    state_path(out).unlink(missing_ok=True)
    return result


async def _summarize_collected(
    state: dict[str, Any],
    out: Path,
    settings: Settings,
    backend: Any,
    results: dict[str, dict[str, Any]],
    on_event: Callable[[FileEvent], None] | None,
) -> BatchResult:
    from summarizer.pipeline import assemble, plan_chunks
    from summarizer.prices import load_prices

    prices = load_prices(settings.prices)
    result = BatchResult()
    total = len(state["sources"])
    limiter = asyncio.Semaphore(settings.concurrency)
    try:
        sink = out.open("a", encoding="utf-8")
    except OSError as error:
        raise output_error(error, out) from None
    try:
        with sink:
            for entry in state["sources"]:
                began = time.perf_counter()
                try:
                    source = load_file(Path(entry["path"]))
                except SummarizerError as error:
                    _report(result, on_event, FileEvent("failed", entry["path"], total, error=error.message))
                    continue
                if source.sha256 != entry["sha256"]:
                    message = "changed since the batch job was submitted: run it again without --resume"
                    _report(result, on_event, FileEvent("failed", entry["path"], total, error=message))
                    continue
                plan = plan_chunks(source, settings, backend)
                batch_usage = Extraction()
                bodies = [results.get(request_id(source.sha256, chunk.index)) for chunk in plan.chunks]
                outcomes = await asyncio.gather(
                    *(
                        _chunk_outcome(backend, chunk, body, limiter, batch_usage)
                        for chunk, body in zip(plan.chunks, bodies, strict=True)
                    )
                )
                summary = assemble(source, plan, backend, list(outcomes), began)  # type: ignore[arg-type]
                summary.provenance.cost = _cost(prices, backend.model, summary, batch_usage)
                try:
                    sink.write(to_json(summary) + "\n")
                    sink.flush()
                except OSError as error:
                    raise output_error(error, out) from None
                status: FileStatus = "partial" if summary.provenance.failed_chunks else "written"
                _report(result, on_event, FileEvent(status, entry["path"], total, summary=summary))
    finally:
        await backend.aclose()
    return result


async def _chunk_outcome(
    backend: Any,
    chunk: Any,
    body: dict[str, Any] | None,
    limiter: asyncio.Semaphore,
    batch_usage: Extraction,
) -> Extraction | SummarizerError:
    """A chunk's extraction from its job result, or, failed in the job or never run, from a call now.

    Only the tokens of the job's own reply count as batch-served (``batch_usage``): a repair or a
    request done again in real time is priced in full."""
    try:
        if body is None:
            extraction: Extraction = await backend.aextract(chunk, limiter)
            return extraction
        extraction = await backend.acomplete(chunk, body, limiter)
        _add_usage(batch_usage, body.get("usage") or {})
        return extraction
    except SummarizerError as error:
        return error


def _add_usage(tally: Extraction, usage: dict[str, Any]) -> None:
    tally.prompt_tokens += int(usage.get("prompt_tokens") or 0)
    tally.cached_tokens += int((usage.get("prompt_tokens_details") or {}).get("cached_tokens") or 0)
    tally.completion_tokens += int(usage.get("completion_tokens") or 0)


def _cost(prices: Any, model: str | None, summary: Summary, batch: Extraction) -> float | None:
    """The batch-served tokens at the providers' batch discount, the rest (repairs, redone requests) in full."""
    provenance = summary.provenance
    whole = prices.cost(
        model, provenance.prompt_tokens, provenance.cached_tokens, provenance.completion_tokens
    )
    served = prices.cost(model, batch.prompt_tokens, batch.cached_tokens, batch.completion_tokens)
    if whole is None:
        return None
    return round(whole - (served or 0.0) * (1 - BATCH_DISCOUNT), 6)


def _report(result: BatchResult, on_event: Callable[[FileEvent], None] | None, event: FileEvent) -> None:
    if event.summary is not None:
        result.add(event.summary)
    else:
        result.failed.append((event.path, event.error or "failed"))
    _say(on_event, event)


def _say(on_event: Callable[[FileEvent], None] | None, event: FileEvent) -> None:
    if on_event is not None:
        on_event(event)
