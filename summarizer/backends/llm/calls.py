"""What a call's failure means, how long to wait before the next try, what a chunk's calls cost, and
when the endpoint is taken as down.

The errors are the openai SDK's (``openai.APIStatusError``, ``APIConnectionError``, ``APITimeoutError``),
as instructor hands them on (the cause of its ``InstructorRetryException``). Retries are one tenacity
policy: the SDK and instructor are told to make no retries of their own.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

# A 4xx (or a 5xx) whose message names one of these rejects the structured mode itself.
_MODE_WORDS = {
    "tools": ("tool", "function"),
    "json_schema": ("json_schema", "response_format", "grammar", "structured output"),
    "json": ("response_format", "json_object"),
}
_CONTEXT_WORDS = ("context_length_exceeded", "maximum context length", "context window", "too many tokens")
_RETRY_STATUS = {408, 409, 429}
# Never wait longer than this for a server that asks (Retry-After): the chunk fails and --resume redoes it.
MAX_RETRY_AFTER = 15 * 60.0


class ReplyCutOff(Exception):
    """The reply stopped at the token limit (``finish_reason`` ``length``)."""


class ContextTooLong(Exception):
    """The request is longer than the model's context window."""


class UnusableReply(Exception):
    """The model's reply holds no JSON object, or the model refused."""


class EndpointDown(Exception):
    """The endpoint failed to connect so many times in a row that calls stopped for a while."""


def api_error_of(error: BaseException | None) -> BaseException | None:
    """The openai error behind ``error`` (itself, or down its chain of causes), else None."""
    import openai

    seen: set[int] = set()
    current = error
    while current is not None and id(current) not in seen:
        if isinstance(current, openai.APIError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def status_of(error: BaseException | None) -> int | None:
    return getattr(api_error_of(error), "status_code", None)


def error_text(error: BaseException | None) -> str:
    """The server's message and its error body, lower-cased, for matching."""
    found = api_error_of(error)
    if found is None:
        return ""
    return (
        f"{getattr(found, 'message', '')} {getattr(found, 'body', '')} {getattr(found, 'code', '')}".lower()
    )


def is_connection_failure(error: BaseException | None) -> bool:
    """No connection at all: refused, DNS, TLS, or no connection in time. A read timeout (the server
    took the request and is slow) and a dropped reply are not: the server is there."""
    import openai

    found = api_error_of(error)
    if not isinstance(found, openai.APIConnectionError):
        return False
    seen: set[int] = set()
    current: BaseException | None = found.__cause__
    while current is not None and id(current) not in seen:
        names = {kind.__name__ for kind in type(current).__mro__}
        if names & {"ConnectError", "ConnectTimeout", "SSLError", "gaierror", "ConnectionRefusedError"}:
            return True
        if isinstance(current, ssl.SSLError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def is_transient(error: BaseException) -> bool:
    """Rate limits, server errors, timeouts and dropped connections: worth another try."""
    import openai

    found = api_error_of(error)
    if isinstance(found, openai.APIConnectionError):  # a timeout is one too
        return True
    status = getattr(found, "status_code", None)
    return status is not None and (status in _RETRY_STATUS or status >= 500)


def is_context_too_long(error: BaseException) -> bool:
    """A 400 saying the request does not fit the model's context (OpenAI's names "functions" too)."""
    found = api_error_of(error)
    if getattr(found, "status_code", None) not in (400, 413, 422):
        return False
    return getattr(found, "code", None) == "context_length_exceeded" or any(
        word in error_text(found) for word in _CONTEXT_WORDS
    )


def rejects_mode(error: BaseException, mode: str) -> bool:
    """The server refuses the structured mode itself: a 400/422 naming it, or a 5xx naming it (llama-cpp-
    python's server answers an unsupported json_schema with a 500). Never a context-length error."""
    status = status_of(error)
    if status is None or not (status in (400, 422) or status >= 500) or is_context_too_long(error):
        return False
    text = error_text(error)
    return any(word in text for word in _MODE_WORDS.get(mode, ()))


def retry_after_seconds(error: BaseException | None) -> float | None:
    """The wait a server asked for, from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date)."""
    response = getattr(api_error_of(error), "response", None)
    headers = getattr(response, "headers", None)
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
    """Tenacity's wait: what a server asked for (``Retry-After``, however long, up to
    ``MAX_RETRY_AFTER``), else exponential with full jitter up to ``max_wait``. ``sleep`` is how the
    wait is spent (tests hand in one that records it)."""

    base: float = 0.5
    max_wait: float = 60.0
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    def __call__(self, retry_state: Any) -> float:
        outcome = retry_state.outcome
        error = outcome.exception() if outcome is not None else None
        asked = retry_after_seconds(error)
        if asked is not None:
            return asked
        return random.uniform(0, min(self.max_wait, self.base * 2 ** (retry_state.attempt_number - 1)))


def asks_too_long_a_wait(error: BaseException | None) -> bool:
    asked = retry_after_seconds(error)
    return asked is not None and asked > MAX_RETRY_AFTER


@dataclass
class Usage:
    """What one chunk's calls cost, counted for every call made, answered or not.

    ``calls``: requests sent; ``failed``: those that got no answer or an HTTP error; ``attempts``: tries
    of the chunk's main call; ``retries``: calls made again (after a failure, or a reply with no JSON);
    ``repairs``: repair calls; tokens where a reply carried usage, the cached share of the prompt apart
    (it is priced apart).
    """

    calls: int = 0
    failed: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    attempts: int = 0
    retries: int = 0
    repairs: int = 0

    def count_completion(self, completion: Any) -> None:
        """Add a completion's usage: an SDK object or a dict (a batch job's result), OpenAI's names or
        Anthropic's (``input_tokens``, ``output_tokens``)."""
        usage = _get(completion, "usage")
        if usage is None:
            return
        self.prompt_tokens += int(_get(usage, "prompt_tokens") or _get(usage, "input_tokens") or 0)
        self.completion_tokens += int(_get(usage, "completion_tokens") or _get(usage, "output_tokens") or 0)
        details = _get(usage, "prompt_tokens_details")
        self.cached_tokens += int(_get(details, "cached_tokens") or 0)

    def as_counts(self) -> dict[str, int]:
        return {
            "llm_calls": self.calls,
            "failed_calls": self.failed,
            "retries": self.retries,
            "repairs": self.repairs,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "cached_tokens": self.cached_tokens,
        }


def _get(value: Any, name: str) -> Any:
    if value is None:
        return None
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


@dataclass
class EndpointWatch:
    """Connection failures in a row (refused, DNS, TLS) across a run or a service's life.

    After ``threshold`` in a row the endpoint is down: every call fails at once with ``EndpointDown``,
    so that a run against a dead endpoint ends in seconds with its chunks marked failed. ``pause``
    seconds later one call goes through as a probe (half-open): if the server answers (even with an
    HTTP error, or slowly), it is up again; if not, it stays down for another pause. A slow server is
    not a down one: a read timeout does not count.
    """

    threshold: int
    pause: float = 30.0
    clock: Callable[[], float] = time.monotonic
    in_a_row: int = 0
    last: str | None = None
    down_since: float | None = None
    # When the probe went; a probe that never came back (cancelled) is replaced after a pause.
    probe_sent: float | None = field(default=None)

    @property
    def down(self) -> bool:
        return self.in_a_row >= self.threshold

    def admit(self) -> bool:
        """Let a call go (True when it is the probe of an endpoint that is down), or raise
        ``EndpointDown``; once down, one probe per pause goes."""
        if not self.down:
            return False
        now = self.clock()
        since = self.down_since if self.down_since is not None else now
        probe_due = self.probe_sent is None or now - self.probe_sent >= self.pause
        if now - since >= self.pause and probe_due:
            self.probe_sent = now
            return True
        raise EndpointDown(
            f"the model endpoint did not answer {self.in_a_row} times in a row "
            f"(last: {self.last}); stopped calling it for now (it is tried again every {self.pause:g} s)"
        )

    def saw(self, error: BaseException | None, secret: str | None = None) -> None:
        """The outcome of a call: None for an answer."""
        if error is not None and is_connection_failure(error):
            self.in_a_row += 1
            self.last = describe_error(error, secret)
            if self.down:
                self.down_since, self.probe_sent = self.clock(), None
        elif error is None or api_error_of(error) is not None:
            self.in_a_row, self.down_since, self.probe_sent = 0, None, None


def describe_error(error: BaseException, secret: str | None) -> str:
    """A one-line account of an error, with the API key (should a server echo it) blanked out."""
    import openai

    found = api_error_of(error) or error
    if isinstance(found, openai.APIStatusError):
        text = f"HTTP {found.status_code}: {_message_of(found)}"
    elif isinstance(found, openai.APITimeoutError):
        text = "request timed out"
    elif isinstance(found, openai.APIConnectionError):
        text = f"connection failed: {_cause_of(found)}"
    elif isinstance(found, (ReplyCutOff, UnusableReply, EndpointDown, ContextTooLong)):
        text = str(found)
    else:
        text = f"{type(found).__name__}: {found}"
    return " ".join(scrub(text, secret).split())[:300]


def _message_of(error: Any) -> str:
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error") if isinstance(body.get("error"), dict) else body
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
    return str(getattr(error, "message", error))


def _cause_of(error: BaseException) -> str:
    cause = error.__cause__
    while cause is not None and cause.__cause__ is not None and not str(cause):
        cause = cause.__cause__
    return str(cause) if cause is not None and str(cause) else str(error)


def scrub(text: str, secret: str | None) -> str:
    return text.replace(secret, "***") if secret else text
