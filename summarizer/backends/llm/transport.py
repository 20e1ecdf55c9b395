"""Transport: which errors are worth another try, how long to wait, and what a call cost.

The openai client is built with ``max_retries=0``; tenacity owns these retries. ``api_error_of`` finds the
openai error behind a wrapped one.
"""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass
from typing import Any

import openai

# A 400 whose message names one of these means the server does not support the structured mode.
_MODE_REJECTION_WORDS = ("tool", "function", "response_format", "json_schema", "grammar")
_RETRY_STATUS = {408, 409, 429}


def api_error_of(error: BaseException) -> openai.APIError | None:
    """The openai error behind ``error``: itself, or a ``__cause__`` down its chain."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, openai.APIError):
            return current
        seen.add(id(current))
        current = current.__cause__
    return None


def is_transient(error: BaseException) -> bool:
    """Rate limits, server errors, timeouts and dropped connections: worth another try."""
    if isinstance(error, openai.APIConnectionError):
        return True
    if isinstance(error, openai.APIStatusError):
        return error.status_code in _RETRY_STATUS or error.status_code >= 500
    return False


def rejects_structured_mode(error: BaseException) -> bool:
    """A 400/422 from a server that does not do tool calls or a JSON schema response format."""
    if not isinstance(error, openai.APIStatusError) or error.status_code not in (400, 422):
        return False
    text = f"{error.message} {error.body}".lower()
    return any(word in text for word in _MODE_REJECTION_WORDS)


def retry_after_seconds(error: BaseException | None) -> float | None:
    """The wait a server asked for, from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date)."""
    response = getattr(error, "response", None)
    if response is None:
        return None
    headers = response.headers
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

    def count_completion(self, response: Any) -> None:
        usage = getattr(response, "usage", None)
        self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
        self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)
        details = getattr(usage, "prompt_tokens_details", None)
        self.cached_tokens += int(getattr(details, "cached_tokens", 0) or 0)

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
        if isinstance(api_error, openai.APIConnectionError):
            self.in_a_row += 1
            self.last = describe_error(api_error, secret)
        elif error is None or api_error is not None:
            self.in_a_row = 0


def describe_error(error: BaseException, secret: str | None) -> str:
    """A one-line account of an error, with the API key (should a server echo it) blanked out."""
    if isinstance(error, openai.APIStatusError):
        text = f"HTTP {error.status_code}: {error.message}"
    elif isinstance(error, openai.APITimeoutError):
        text = "request timed out"
    elif isinstance(error, openai.APIConnectionError):
        text = f"connection failed: {error.message}"
    else:
        text = f"{type(error).__name__}: {error}"
    return " ".join(scrub(text, secret).split())[:300]


def scrub(text: str, secret: str | None) -> str:
    return text.replace(secret, "***") if secret else text
