"""Provider batch jobs (``summarizer batch … --via batch-api``): half the price for work that can wait.

A first run writes every chunk's request (the same body a real-time call sends) as JSON Lines,
uploads it (``POST /v1/files``), creates the job (``POST /v1/batches``) and keeps the job's id and
what each request stands for in a state file beside the output (``<out>.batchjob.json``): one job per
output. A run with ``--resume`` asks for the job's status; once the job has ended it downloads the
results and runs each through the same reading, repair, alignment, merging and cache as a real-time
reply, and writes the summaries. A request the job failed, or that an expired job never ran, is done
in real time, after a warning that says how many and what that costs at full price; a chunk that
fails that too is a failed chunk, as in any batch. Chunks already in the cache are never sent.

Collecting is resumable: each file's line is written whole as it is done, a chunk read and repaired
once is in the cache, and the state file goes only when every file is written. A collection stopped
half-way (Ctrl-C) and run again with ``--resume`` skips the files already written (by path and
content) and takes the chunks already read from the cache: exactly one line per file, no repair
made twice. While a job waits, a real-time ``batch`` on the same output is refused
(``refuse_if_a_job_waits``): it would pay for the same files twice and write them twice.

Any endpoint that speaks those two OpenAI endpoints works (OpenAI, and the providers that copy them).
"""

from __future__ import annotations

import asyncio
import json
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.batch import (
    COMPLETION_CHARS_PER_CHAR,
    BatchResult,
    FileEvent,
    FileStatus,
    Finished,
    expand_inputs,
    file_key,
    finished_files,
    missing_inputs_error,
)
from summarizer.config import Settings
from summarizer.errors import ConfigError, OutputError, SummarizerError, SummarizerWarning
from summarizer.load import load_file
from summarizer.models import Extraction, Summary
from summarizer.output import to_json
from summarizer.paths import path_from_text, path_text
from summarizer.writing import claim_output, output_error, real_path, write_text_atomically

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
    """The job's side file: beside the real output (a symlink to it shares its job)."""
    target = real_path(out)
    return target.with_name(target.name + STATE_SUFFIX)


def refuse_if_a_job_waits(out: Path) -> None:
    """A real-time batch on an output whose batch job is not collected yet: refused, in one line."""
    state_file = state_path(out)
    if not state_file.exists():
        return
    try:
        job = json.loads(state_file.read_text(encoding="utf-8")).get("job_id") or "not submitted"
    except (OSError, ValueError, AttributeError):
        job = "unreadable state"
    raise OutputError(
        f"a batch job ({job}) is waiting for this output: collect it with the same command and "
        f"--via batch-api --resume (a real-time run now would pay for its files twice); "
        f"to give the job up, delete {state_file.name}",
        path=out,
    )


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
            return _collect(_read_state(state_file, out), out, settings, backend, on_event)
        done = finished_files(out) if resume else Finished()
        return _submit(patterns, out, settings, backend, done, overwrite, on_event)


def _read_state(state_file: Path, out: Path) -> dict[str, Any]:
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise OutputError(
            f"the batch job's state file {state_file.name} cannot be read ({error})", path=out
        ) from None
    if not isinstance(state, dict) or not isinstance(state.get("sources"), list):
        raise OutputError(f"{state_file.name} is not a batch job's state file", path=out)
    return state


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
    done: Finished,
    overwrite: bool,
    on_event: Callable[[FileEvent], None] | None,
) -> BatchResult | Submitted | Pending:
    from summarizer.pipeline import plan_chunks

    paths, missing = expand_inputs(patterns, output=out)
    if missing and (overwrite or not paths):
        raise missing_inputs_error(missing, found=len(paths))
    requests: list[dict[str, Any]] = []
    sources: list[dict[str, str]] = []
    meaning: dict[str, dict[str, Any]] = {}
    skipped: list[str] = []  # already in the output (--resume)
    for path in paths:
        try:
            source = load_file(path)
        except SummarizerError as error:
            _say(on_event, FileEvent("failed", path_text(path), len(paths), error=error.message))
            continue
        if done.has(path, source.sha256):
            skipped.append(path_text(path))
            continue
        sources.append({"path": path_text(path), "sha256": source.sha256})
        for chunk in plan_chunks(source, settings, backend).chunks:
            custom_id = request_id(source.sha256, chunk.index)
            if custom_id in meaning or backend.cached(chunk) is not None:
                continue  # a byte-identical copy's chunk is asked once
            meaning[custom_id] = {"path": path_text(path), "chunk": chunk.index}
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
        # --overwrite: the output is emptied once, when the results are collected, not while the job waits.
        "replace": overwrite,
    }
    if not requests:  # everything is in the cache or the output already: collect at once
        collected = _collect(state, out, settings, backend, on_event)
        if isinstance(collected, BatchResult):
            collected.skipped += len(skipped)
            for name in skipped:
                _say(on_event, FileEvent("skipped", name, len(paths)))
        return collected
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
        _warn_of_requests_to_redo(job.id, job.status, state, results, settings, backend)
    if state.get("replace"):
        _start_output_afresh(state, out)
    result = asyncio.run(_summarize_collected(state, out, settings, backend, results, on_event))
    state_path(out).unlink(missing_ok=True)
    return result


def _start_output_afresh(state: dict[str, Any], out: Path) -> None:
    """--overwrite's emptying of the output, done once: the state says so before any line is written."""
    write_text_atomically(out, "")
    state["replace"] = False
    write_text_atomically(state_path(out), json.dumps(state, ensure_ascii=False, indent=1))


def _warn_of_requests_to_redo(
    job_id: str,
    status: str,
    state: dict[str, Any],
    results: dict[str, dict[str, Any]],
    settings: Settings,
    backend: Any,
) -> None:
    """Requests the job did not answer (it expired, failed or was cancelled, or failed some) are done in
    real time at full price: said first, with their number and estimated cost."""
    unanswered = [custom_id for custom_id in state.get("requests", {}) if custom_id not in results]
    if not unanswered:
        return
    cost = _real_time_cost(state, set(unanswered), settings, backend)
    priced = f"about ${cost:.4f}" if cost is not None else f"no price known for {backend.model}"
    ended = f"ended {status}" if status != "completed" else "completed"
    warnings.warn(
        f"batch job {job_id} {ended} with {len(unanswered)} of {len(state['requests'])} requests not answered; "
        f"they are done now in real time at full price ({priced})",
        SummarizerWarning,
        stacklevel=2,
    )


def _real_time_cost(
    state: dict[str, Any], unanswered: set[str], settings: Settings, backend: Any
) -> float | None:
    """The estimated full-price cost of the unanswered requests (as ``--dry-run`` estimates a call)."""
    from summarizer.batch import _constant_prompt_chars
    from summarizer.pipeline import plan_chunks
    from summarizer.prices import load_prices

    prices = load_prices(settings.prices)
    per_call = _constant_prompt_chars(backend)
    prompt_chars = completion_chars = 0.0
    for entry in state["sources"]:
        try:
            source = load_file(path_from_text(entry["path"]))
        except SummarizerError:
            continue
        for chunk in plan_chunks(source, settings, backend).chunks:
            if request_id(source.sha256, chunk.index) in unanswered:
                unanswered.discard(request_id(source.sha256, chunk.index))
                prompt_chars += per_call + len(chunk.text) + 60
                completion_chars += len(chunk.text) * COMPLETION_CHARS_PER_CHAR
    prompt_tokens = round(prompt_chars / prices.chars_per_token)
    completion_tokens = round(completion_chars / prices.chars_per_token)
    return prices.cost(backend.model, prompt_tokens, 0, completion_tokens)


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
    written = finished_files(out)  # the files an interrupted collection wrote already
    try:
        sink = out.open("a", encoding="utf-8")
    except OSError as error:
        raise output_error(error, out) from None
    try:
        with sink:
            for entry in state["sources"]:
                began = time.perf_counter()
                try:
                    source = load_file(path_from_text(entry["path"]))
                except SummarizerError as error:
                    _report(result, on_event, FileEvent("failed", entry["path"], total, error=error.message))
                    continue
                if (file_key(entry["path"]), entry["sha256"]) in written.keys:
                    _report(result, on_event, FileEvent("skipped", entry["path"], total))
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
    """A chunk's extraction from the cache (read and repaired by an earlier, interrupted collection), else
    from its job result, or, failed in the job or never run, from a call now.

    Only the tokens of the job's own reply count as batch-served (``batch_usage``): a repair or a
    request done again in real time is priced in full."""
    try:
        if (cached := backend.cached(chunk)) is not None:
            return cached
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
    elif event.status == "skipped":
        result.skipped += 1
    else:
        result.failed.append((event.path, event.error or "failed"))
    _say(on_event, event)


def _say(on_event: Callable[[FileEvent], None] | None, event: FileEvent) -> None:
    if on_event is not None:
        on_event(event)
