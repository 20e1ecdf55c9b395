"""Transport: one small HTTP client for the chat completions endpoint, which errors are worth another
try, how long to wait, and what a call cost.

The model path speaks the OpenAI protocol over httpx itself: a call is one POST of a request body the
backend built once, and the reply is JSON read as a plain dict. The openai package (over a second to
import) is left to the commands that need more of the API (``check``, provider batch jobs). Tenacity
owns the retries.
"""

from __future__ import annotations

import email.utils
import os
import random
import ssl
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from summarizer.errors import ConfigError
from summarizer.imports import import_without

# httpx imports its command-line client (httpx._main: click, pygments and much of rich, some 40 ms)
# whenever those are installed, and they are (typer, uvicorn); the model path never runs it.
import_without("httpx", "httpx._main")
import httpx  # noqa: E402  (loaded just above; bound here)

# A 400 whose message names one of these means the server does not support the structured mode.
_MODE_REJECTION_WORDS = ("tool", "function", "response_format", "json_schema", "grammar")
_RETRY_STATUS = {408, 409, 429}


class ApiError(Exception):
    """An endpoint's failure to give a completion."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ApiConnectionError(ApiError):
    """No answer: refused, DNS, TLS, a dropped connection."""


class ApiTimeout(ApiConnectionError):
    """No answer in time."""


class ApiStatusError(ApiError):
    """An HTTP error answer."""

    def __init__(
        self, status_code: int, message: str, body: Any = None, headers: httpx.Headers | None = None
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.body = body
        self.headers = headers or httpx.Headers()


_tls_lock = threading.Lock()
_tls: Future[ssl.SSLContext] | None = None


def tls_context() -> Future[ssl.SSLContext]:
    """The TLS settings of every client (httpx's defaults: certifi's store, or ``SSL_CERT_FILE`` /
    ``SSL_CERT_DIR``), loaded once per process in a thread of its own.

    Loading the certificate store takes some 25 ms, in OpenSSL, without the GIL: started when the
    backend is made, it is ready by the time the first request goes out.
    """
    global _tls
    with _tls_lock:
        if _tls is None or (_tls.done() and _tls.exception() is not None):  # a failed load is tried again
            future: Future[ssl.SSLContext] = Future()
            threading.Thread(target=_load_tls, args=(future,), name="summarizer-tls", daemon=True).start()
            _tls = future
        return _tls


def _load_tls(future: Future[ssl.SSLContext]) -> None:
    try:
        future.set_result(httpx.create_ssl_context())
    except (OSError, ValueError) as error:  # a missing or unreadable certificate file
        future.set_exception(
            ConfigError(f"the TLS certificates could not be loaded{_cert_source()}: {error}")
        )
    except BaseException as error:  # handed to whoever builds a client
        future.set_exception(error)


def _cert_source() -> str:
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
        if os.environ.get(name):
            return f" from {name}={os.environ[name]}"
    return ""


def _tls_settings() -> ssl.SSLContext:
    """The loaded TLS settings; a failed load is raised anew to each caller (a shared exception object
    raised again and again would grow its traceback)."""
    try:
        return tls_context().result()
    except ConfigError as error:
        raise ConfigError(str(error)) from None


def _forget_tls() -> None:
    """A forked child has no loading thread, and maybe a lock held by another thread of its parent:
    it gets its own of both."""
    global _tls, _tls_lock
    _tls, _tls_lock = None, threading.Lock()


os.register_at_fork(after_in_child=_forget_tls)


class ChatClient:
    """``POST {base_url}/chat/completions`` with a bearer key, on the event loop that made it."""

    def __init__(self, base_url: str, api_key: str | None, timeout: float) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.AsyncClient(
            base_url=base_url.rstrip("/") + "/",
            timeout=timeout,
            headers=headers,
            verify=_tls_settings(),
        )

    async def create(self, request: dict[str, Any]) -> dict[str, Any]:
        try:
            response = await self._http.post("chat/completions", json=request)
        except httpx.TimeoutException:
            raise ApiTimeout("request timed out") from None
        except httpx.TransportError as error:
            raise ApiConnectionError(str(error) or type(error).__name__) from None
        if response.status_code >= 400:
            raise _status_error(response)
        try:
            answer = response.json()
        except ValueError:
            raise ApiStatusError(502, "the server's answer is not JSON", headers=response.headers) from None
        if not isinstance(answer, dict):
            raise ApiStatusError(502, "the server's answer is not a completion", headers=response.headers)
        return answer

    async def aclose(self) -> None:
        await self._http.aclose()


def _status_error(response: httpx.Response) -> ApiStatusError:
    try:
        body = response.json()
    except ValueError:
        body = response.text
    error = body.get("error") if isinstance(body, dict) else None
    message = error.get("message") if isinstance(error, dict) else None
    return ApiStatusError(
        response.status_code, str(message or body or response.reason_phrase), body, response.headers
    )


def api_error_of(error: BaseException | None) -> ApiError | None:
    """The endpoint error behind ``error``: itself, or a ``__cause__`` down its chain."""
    seen: set[int] = set()
    current = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ApiError):
            return current
        seen.add(id(current))
        current = current.__cause__
    return None


def is_transient(error: BaseException) -> bool:
    """Rate limits, server errors, timeouts and dropped connections: worth another try."""
    if isinstance(error, ApiConnectionError):
        return True
    if isinstance(error, ApiStatusError):
        return error.status_code in _RETRY_STATUS or error.status_code >= 500
    return False


def rejects_structured_mode(error: BaseException) -> bool:
    """A 400/422 from a server that does not do tool calls or a JSON schema response format."""
    if not isinstance(error, ApiStatusError) or error.status_code not in (400, 422):
        return False
    text = f"{error.message} {error.body}".lower()
    return any(word in text for word in _MODE_REJECTION_WORDS)


def retry_after_seconds(error: BaseException | None) -> float | None:
    """The wait a server asked for, from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date)."""
    headers = getattr(error, "headers", None)
    if headers is None:
        return None
    if (millis := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        when = email.utils.parsedate_to_datetime(value) if value.strip() else None
        return None if when is None else max(0.0, when.timestamp() - time.time())


@dataclass(frozen=True)
class Backoff:
    """Tenacity's wait: exponential with full jitter, at least what a server asked for, at most ``max_wait``."""

    base: float = 0.5
    max_wait: float = 60.0

    def __call__(self, retry_state: Any) -> float:
        outcome = retry_state.outcome
        error = outcome.exception() if outcome is not None else None
        exponential = random.uniform(0, min(self.max_wait, self.base * 2 ** (retry_state.attempt_number - 1)))
        asked = retry_after_seconds(error)
        return min(self.max_wait, exponential if asked is None else asked + 0.1 * exponential)


@dataclass
class Usage:
    """What one chunk's calls cost, counted for every call made, answered or not.

    ``calls``: requests sent (a repair is one); ``failed``: those that got no answer (a dropped
    connection, an HTTP error); ``attempts``: tries of the main call, so ``attempts - 1`` retries;
    tokens where a reply carried usage, the cached share of the prompt apart (it is priced apart).
    """

    calls: int = 0
    failed: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    attempts: int = 0

    @property
    def retries(self) -> int:
        return max(0, self.attempts - 1)

    def count_completion(self, completion: dict[str, Any]) -> None:
        usage = completion.get("usage") or {}
        self.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        self.completion_tokens += int(usage.get("completion_tokens") or 0)
        details = usage.get("prompt_tokens_details") or {}
        self.cached_tokens += int(details.get("cached_tokens") or 0)

    def as_counts(self) -> dict[str, int]:
        return {
            "llm_calls": self.calls,
            "failed_calls": self.failed,
            "retries": self.retries,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "cached_tokens": self.cached_tokens,
        }


class EndpointDown(Exception):
    """The endpoint failed to connect so many times in a row that the run stopped calling it."""


class EndpointWatch:
    """Consecutive connection failures (refused, DNS, TLS, timeouts) across a whole run.

    After ``threshold`` in a row every further attempt fails at once with ``EndpointDown``, so that a
    run against a dead endpoint ends in seconds with its chunks marked failed; any answer from the
    server (even an HTTP error: it is up) starts the count again.
    """

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold
        self.in_a_row = 0
        self.last: str | None = None

    @property
    def down(self) -> bool:
        return self.in_a_row >= self.threshold

    def check(self) -> None:
        if self.down:
            raise EndpointDown(
                f"the model endpoint did not answer {self.in_a_row} times in a row "
                f"(last: {self.last}); stopped calling it for this run"
            )

    def saw(self, error: BaseException | None, secret: str | None = None) -> None:
        api_error = api_error_of(error) if error is not None else None
        if isinstance(api_error, ApiConnectionError):
            self.in_a_row += 1
            self.last = describe_error(api_error, secret)
        elif error is None or api_error is not None:
            self.in_a_row = 0


def describe_error(error: BaseException, secret: str | None) -> str:
    """A one-line account of an error, with the API key (should a server echo it) blanked out."""
    if isinstance(error, ApiStatusError):
        text = f"HTTP {error.status_code}: {error.message}"
    elif isinstance(error, ApiTimeout):
        text = "request timed out"
    elif isinstance(error, ApiConnectionError):
        text = f"connection failed: {error.message}"
    else:
        text = f"{type(error).__name__}: {error}"
    return " ".join(scrub(text, secret).split())[:300]


def scrub(text: str, secret: str | None) -> str:
    return text.replace(secret, "***") if secret else text
