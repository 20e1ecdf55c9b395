"""The summarizer as an HTTP service: the same pipeline, output contract, cache and backends as the CLI.

``POST /v1/summaries`` takes either a JSON body ``{"text", "source", "backend"}`` or the raw bytes of a
document (``text/plain`` or ``application/octet-stream``, with ``?source=`` and ``?backend=`` in the
query). The answer is the JSON (docs/output.md) that ``summarizer extract`` prints for the same input, with one rule
for ``sha256``: of the uploaded bytes for a raw upload (as the CLI hashes a file), of the UTF-8 encoding
of ``text`` for a JSON body. So ``{"text": T}`` answers exactly what ``extract`` prints for a file whose
bytes are ``T`` in UTF-8, when ``source`` is that file's name (``provenance.seconds`` aside).

At most ``max_inflight`` summaries are worked on at once, ``queue`` more wait, the rest get 503 with
``Retry-After``. Model work runs on the event loop under one semaphore of ``settings.concurrency`` calls
shared by every request; rules work runs in a pool of processes, so that the event loop (and
``/v1/health``) stays free while the service is saturated. Errors are JSON ``{"status", "error", "message"}``: never a
traceback, never the request body, never the model endpoint's key.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import multiprocessing
import os
import time
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from summarizer import __version__
from summarizer.backends import AsyncBackend, Backend, available_backends, get_backend
from summarizer.config import Settings
from summarizer.errors import BackendError, ConfigError, InputError, SummarizerError
from summarizer.load import SourceText, decode_bytes, sha256_of
from summarizer.models import Summary
from summarizer.output import to_json
from summarizer.pipeline import asummarize_source, summarize_source
from summarizer.schema import output_schema

logger = logging.getLogger("summarizer.service")

JSON_TYPES = ("application/json",)
RAW_TYPES = ("text/plain", "application/octet-stream")
DEFAULT_JSON_SOURCE = "<text>"
DEFAULT_RAW_SOURCE = "<upload>"
RETRY_AFTER_SECONDS = 2
CACHE_CHECK_SECONDS = 10.0
POOL_NICENESS = 10


class ServiceError(Exception):
    """An error answered as JSON with its HTTP status."""

    def __init__(self, status: int, error: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.headers = headers


class ErrorBody(BaseModel):
    status: int
    error: str = Field(description="A stable code: invalid_input, too_large, unsupported_media_type, ...")
    message: str


class SummaryRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1,
        pattern=r"\S",
        description="The document's text, as is (offsets in the answer index into it).",
    )
    source: str = Field(default=DEFAULT_JSON_SOURCE, max_length=1000, description="The name to report.")
    backend: str | None = Field(default=None, description="rules or llm; the server's default when absent.")


class CacheHealth(BaseModel):
    enabled: bool
    reachable: bool | None = None


class Health(BaseModel):
    status: str = Field(
        description="ok, or degraded when the cache cannot be opened or calls to the model endpoint have "
        "stopped for now after connection failures (one call probes it again after a pause)."
    )
    version: str
    backend: str
    model: str | None
    endpoint_configured: bool
    cache: CacheHealth


class Admission:
    """At most ``inflight`` summaries worked on at once; up to ``queue`` more wait for a place; the rest
    are turned away at once with 503 and ``Retry-After``, so that memory and latency stay bounded."""

    def __init__(self, inflight: int, queue: int) -> None:
        self.inflight = inflight
        self.queue = queue
        self.slots = asyncio.Semaphore(inflight)
        self.waiting = 0
        self.busy = 0

    @asynccontextmanager
    async def place(self) -> AsyncIterator[None]:
        if self.slots.locked():
            if self.waiting >= self.queue:
                raise ServiceError(
                    503,
                    "busy",
                    f"the server is working on {self.inflight} summaries and {self.waiting} more wait; try again",
                    {"Retry-After": str(RETRY_AFTER_SECONDS)},
                )
            self.waiting += 1
            try:
                await self.slots.acquire()
            finally:
                self.waiting -= 1
        else:
            await self.slots.acquire()
        self.busy += 1
        try:
            yield
        finally:
            self.busy -= 1
            self.slots.release()


@dataclass
class ServiceState:
    settings: Settings
    limiter: asyncio.Semaphore
    admission: Admission
    backends: dict[str, Backend] = field(default_factory=dict)
    # The rules work, CPU-bound, runs in processes of its own: the event loop and /v1/health stay free.
    rules_pool: ProcessPoolExecutor | None = None
    cache_check: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "cache-check"))
    cache_seen: tuple[float, bool] | None = None

    def pool(self) -> ProcessPoolExecutor:
        if self.rules_pool is None:
            context = multiprocessing.get_context("spawn")
            self.rules_pool = ProcessPoolExecutor(
                self.admission.inflight, mp_context=context, initializer=_yield_to_the_server
            )
        return self.rules_pool

    def backend(self, name: str | None) -> Backend:
        name = name or self.settings.backend
        if name not in self.backends:
            try:
                self.backends[name] = get_backend(name, self.settings.model_copy(update={"backend": name}))
            except ConfigError as error:
                code = "backend_unavailable" if name in available_backends() else "unknown_backend"
                raise ServiceError(422, code, error.message) from None
        return self.backends[name]

    async def close(self) -> None:
        for backend in self.backends.values():
            if isinstance(backend, AsyncBackend):
                await backend.aclose()
            close = getattr(backend, "close", None)
            if callable(close):
                close()
        if self.rules_pool is not None:
            self.rules_pool.shutdown(wait=True, cancel_futures=True)
        self.cache_check.shutdown(wait=False, cancel_futures=True)


def _error_response(
    status: int, error: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = ErrorBody(status=status, error=error, message=message).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in {
        401: "Missing or wrong bearer token (when the server has one).",
        413: "The body is over the size limit.",
        415: "Neither JSON nor text/plain nor application/octet-stream.",
        422: "Empty, binary or undecodable text; a malformed body; an unknown backend.",
        502: "The model endpoint failed after its retries.",
    }.items()
}

_REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": SummaryRequest.model_json_schema()},
        "text/plain": {"schema": {"type": "string", "minLength": 1, "pattern": r"\S"}},
        "application/octet-stream": {"schema": {"type": "string", "format": "binary", "minLength": 1}},
    },
}


_BEARER = HTTPBearer(auto_error=False, description="Required when the server sets SUMMARIZER_API_TOKEN.")


def _token_check(api_token: str) -> Any:
    expected = api_token.encode("utf-8")

    async def require_token(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
    ) -> None:
        given = credentials.credentials.encode("utf-8") if credentials is not None else b""
        if not hmac.compare_digest(given, expected):
            raise ServiceError(
                401, "unauthorized", "a valid bearer token is required", {"WWW-Authenticate": "Bearer"}
            )

    return require_token


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as its declared or streamed size passes ``limit``."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise ServiceError(400, "bad_request", "Content-Length is not a number")
        if int(declared) > limit:
            raise ServiceError(413, "too_large", f"the body is over the limit of {limit} bytes")
    received = bytearray()
    async for part in request.stream():
        received.extend(part)
        if len(received) > limit:
            raise ServiceError(413, "too_large", f"the body is over the limit of {limit} bytes")
    return bytes(received)


@dataclass(frozen=True)
class Upload:
    """What a request asks to have summarized: the document's bytes and the name to report."""

    data: bytes
    source: str


@dataclass(frozen=True)
class Outcome:
    """A summary made in a pool process, already as JSON, with what the answer needs to know of it."""

    json: str | None = None
    chunks: int = 0
    failed: tuple[str | None, ...] = ()
    invalid: str | None = None


def _upload_from_json(body: bytes) -> tuple[Upload, str | None]:
    try:
        asked = SummaryRequest.model_validate_json(body)
    except ValidationError as error:
        raise ServiceError(422, "invalid_input", _validation_message(error)) from None
    try:
        data = asked.text.encode("utf-8")
    except UnicodeEncodeError:
        raise ServiceError(422, "invalid_input", "text holds characters that are not Unicode text") from None
    return Upload(data, asked.source), asked.backend


def _source_of(upload: Upload) -> SourceText:
    """The decoded document (InputError when it is empty, binary or undecodable)."""
    text = decode_bytes(upload.data, upload.source)
    return SourceText(source=upload.source, text=text, sha256=sha256_of(upload.data))


def _validation_message(error: ValidationError | RequestValidationError) -> str:
    problems = []
    for problem in error.errors()[:5]:
        where = ".".join(str(part) for part in problem.get("loc", ()) if part != "body")
        problems.append(f"{where}: {problem['msg']}" if where else str(problem["msg"]))
    return "; ".join(problems) or "the request is malformed"


async def _summarize(state: ServiceState, upload: Upload, backend: Backend, name: str) -> str:
    """The summary's JSON. The heavy work (decoding, the rules, serializing) stays off the event loop."""
    async with state.admission.place():
        if not isinstance(backend, AsyncBackend):
            outcome = await _in_pool(state, upload, state.settings.model_copy(update={"backend": name}))
            if outcome.invalid is not None:
                raise ServiceError(422, "invalid_input", outcome.invalid)
            _refuse_failed_chunks(outcome.failed, outcome.chunks)
            assert outcome.json is not None
            return outcome.json
        try:
            document = await asyncio.to_thread(_source_of, upload)
        except InputError as error:
            raise ServiceError(422, "invalid_input", error.message) from None
        summary = await asummarize_source(document, state.settings, backend=backend, limiter=state.limiter)
        failed = tuple(chunk.error for chunk in summary.provenance.failed_chunks)
        _refuse_failed_chunks(failed, summary.provenance.chunks)
        return await asyncio.to_thread(to_json, summary)


async def _in_pool(state: ServiceState, upload: Upload, settings: Settings) -> Outcome:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(state.pool(), summarize_in_process, upload, settings)


def _yield_to_the_server() -> None:
    """A pool process runs at a lower priority than the server, so that the event loop (health, new
    requests, answers) gets a core at once even when every core is busy summarizing."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(POOL_NICENESS)


def summarize_in_process(upload: Upload, settings: Settings) -> Outcome:
    """A synchronous backend's summary as JSON, in a pool process (the backend built there once)."""
    try:
        document = _source_of(upload)
    except InputError as error:
        return Outcome(invalid=error.message)
    backend = _process_backends.get(settings.backend)
    if backend is None:
        backend = _process_backends[settings.backend] = get_backend(settings.backend, settings)
    summary = summarize_source(document, settings, backend=backend)
    failed = tuple(chunk.error for chunk in summary.provenance.failed_chunks)
    return Outcome(json=to_json(summary), chunks=summary.provenance.chunks, failed=failed)


_process_backends: dict[str, Backend] = {}


def _refuse_failed_chunks(failed: tuple[str | None, ...], chunks: int) -> None:
    if failed:
        reason = failed[0] or "the backend failed"
        more = f" (and {len(failed) - 1} more chunks)" if len(failed) > 1 else ""
        raise ServiceError(502, "backend_failed", f"{len(failed)} of {chunks} chunks failed: {reason}{more}")


async def _cache_health(state: ServiceState) -> bool:
    """Whether the cache opens, checked at most every few seconds, on a thread of its own and with a
    deadline, so that health answers at once however busy the server is."""
    now = time.monotonic()
    if state.cache_seen is not None and now - state.cache_seen[0] < CACHE_CHECK_SECONDS:
        return state.cache_seen[1]
    loop = asyncio.get_running_loop()
    try:
        reachable = await asyncio.wait_for(
            loop.run_in_executor(state.cache_check, _cache_reachable, state.settings),
            state.settings.health_deadline,
        )
    except TimeoutError:
        reachable = False
    state.cache_seen = (now, reachable)
    return reachable


def _cache_reachable(settings: Settings) -> bool:
    from summarizer.cache import ReplyCache

    cache = ReplyCache(settings.cache_dir)
    try:
        cache.get("health-probe")
        return cache.usable  # a cache that cannot be used is given up (with a warning), not raised
    except Exception:
        return False
    finally:
        cache.close()


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(request: Request, error: ServiceError) -> JSONResponse:
        return _error_response(error.status, error.error, error.message, error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        return _error_response(422, "invalid_input", _validation_message(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "http_error")
        return _error_response(error.status_code, code, str(error.detail), getattr(error, "headers", None))

    @app.exception_handler(SummarizerError)
    async def summarizer_error(request: Request, error: SummarizerError) -> JSONResponse:
        logger.warning("%s %s: %s", request.method, request.url.path, error.message)
        if isinstance(error, BackendError):
            return _error_response(502, "backend_failed", error.message)
        return _error_response(422, "invalid_input", error.message)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        logger.error("%s %s: unexpected %s", request.method, request.url.path, type(error).__name__)
        return _error_response(500, "internal_error", "the server failed unexpectedly; see its log")


def create_app(
    settings: Settings | None = None, *, max_body_bytes: int | None = None, api_token: str | None = None
) -> FastAPI:
    """The service's ASGI app. Builds the default backend now: a bad setting raises ConfigError at start.

    ``settings`` default to ``Settings()`` (the environment); ``max_body_bytes`` and ``api_token``, when
    given, win over the settings' ``max_body_mb`` and ``api_token``.
    """
    settings = settings or Settings()
    if max_body_bytes is None:
        max_body_bytes = int(settings.max_body_mb * 1_000_000)
    if api_token is None and settings.api_token is not None:
        api_token = settings.api_token.get_secret_value() or None
    state = ServiceState(
        settings=settings,
        limiter=asyncio.Semaphore(settings.concurrency),
        admission=Admission(settings.service_inflight, settings.queue),
    )
    state.backends[settings.backend] = get_backend(settings.backend, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await state.close()

    authorized = [Depends(_token_check(api_token))] if api_token else []
    app = FastAPI(
        title="summarizer",
        version=__version__,
        description="Structured summaries of Chinese government documents: goals, targets and tasks, "
        "each pinned to character offsets in the source. The output is the summary docs/output.md describes (schema_version 1.2).",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.service = state
    _install_error_handlers(app)

    @app.post(
        "/v1/summaries",
        dependencies=authorized,
        response_class=Response,
        responses={
            200: {"model": Summary, "description": "The summary (docs/output.md)."},
            **_ERROR_RESPONSES,
        },
        openapi_extra={"requestBody": _REQUEST_BODY},
        summary="Summarize one document",
    )
    async def create_summary(
        request: Request,
        source: Annotated[str, Query(max_length=1000, description="Raw uploads: the name to report.")] = (
            DEFAULT_RAW_SOURCE
        ),
        backend: Annotated[str | None, Query(description="Raw uploads: rules or llm.")] = None,
    ) -> Response:
        media_type = _media_type(request)
        if media_type not in JSON_TYPES + RAW_TYPES:
            raise ServiceError(
                415, "unsupported_media_type", "send application/json, text/plain or application/octet-stream"
            )
        body = await _read_body(request, max_body_bytes)
        if media_type in JSON_TYPES:
            upload, backend = _upload_from_json(body)
        else:
            upload = Upload(body, source)
        if not upload.data.strip():
            raise ServiceError(422, "invalid_input", f"{upload.source}: file is empty")
        name = backend or settings.backend
        engine = state.backend(name)
        return Response(await _summarize(state, upload, engine, name), media_type="application/json")

    @app.get("/v1/health", response_model=Health, summary="Liveness and configuration")
    async def health() -> Health:
        reachable = await _cache_health(state) if settings.use_cache else None
        given_up = bool(getattr(state.backends.get(settings.backend), "endpoint_down", False))
        return Health(
            status="degraded" if reachable is False or given_up else "ok",
            version=__version__,
            backend=settings.backend,
            model=settings.model if settings.backend != "rules" else None,
            endpoint_configured=settings.endpoint_configured,
            cache=CacheHealth(enabled=settings.use_cache, reachable=reachable),
        )

    @app.get("/v1/schema", dependencies=authorized, summary="The output's JSON Schema")
    async def schema() -> dict[str, Any]:
        return output_schema()

    @app.get("/openapi.json", dependencies=authorized, include_in_schema=False)
    async def openapi() -> dict[str, Any]:
        return app.openapi()

    return app


def app_from_environment() -> FastAPI:
    """For ``uvicorn summarizer.service:app_from_environment --factory`` (and each process of
    ``summarizer serve --workers N``): the settings from the environment."""
    from summarizer.config import resolve_settings

    return create_app(resolve_settings())
