"""The model backend: any OpenAI-compatible endpoint, a lean reply, cached, retried, repaired, grounded.

Every call goes through the openai SDK (one client per run, ``client.openai_client``) and instructor
makes the structured ones: the lean reply (``schema.LeanReply``) is the ``response_model``, in the
run's instructor mode (tools, json_schema, json, md_json), with the chunk as the validation context.
Validation never fails an item: what the chunk does not support is set aside, and a small repair call
(``repair``) carries those items with the sentences nearest to them instead of instructor re-asking
with the whole chunk; what the repair does not fix is dropped and listed. Only a reply with no JSON
at all is asked again, as it was.

Retries are one tenacity policy (the SDK's and instructor's are off), honouring ``Retry-After``; the
call limit (``limiter``) is held for each HTTP call only, never through a backoff or between a call
and its repair. A server that refuses the structured mode itself gets the rest of the run in json mode
(once, said in ``notes``); a request longer than the model's context, or a reply cut off at the
token limit, is asked again in two halves.

Call it from sync code with ``extract(chunk)`` or from async code with ``await aextract(chunk)``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt
from tenacity.stop import stop_base

from summarizer.backends.base import register_backend
from summarizer.backends.llm.calls import (
    Backoff,
    ContextTooLong,
    EndpointDown,
    EndpointWatch,
    ReplyCutOff,
    UnusableReply,
    Usage,
    api_error_of,
    asks_too_long_a_wait,
    describe_error,
    is_context_too_long,
    is_transient,
    rejects_mode,
)
from summarizer.backends.llm.client import (
    endpoint_of,
    instructor_mode,
    model_name,
    openai_client,
    provider_of,
    structured_client,
)
from summarizer.backends.llm.prompt import Prompt, load_prompt, user_message
from summarizer.backends.llm.repair import bigrams, list_of, repair_messages, repair_model
from summarizer.backends.llm.schema import LeanReply, Reading, reply_text, schema_hash
from summarizer.cache import ReplyCache, reply_key
from summarizer.chunk import halves
from summarizer.errors import BackendError, ConfigError
from summarizer.models import Chunk, ChunkRef, Dropped, Extraction, GoalDraft, TargetDraft

if TYPE_CHECKING:
    from summarizer.config import InstructorMode, Settings

__all__ = ["LLMBackend", "ReplyCutOff", "UnusableReply", "make_llm_backend"]

logger = logging.getLogger("summarizer.llm")

_FALLBACK_MODE: InstructorMode = "json"
_STRUCTURED_MODES = ("tools", "json_schema")
_CACHED_FIELDS = {"goals", "targets", "tasks", "dropped"}
# Below this, a chunk too long for one reply (or one request) is not halved again but reported failed.
_MIN_HALVING_CHARS = 400
# A repaired item is the repair of the failing one whose quote it shares this much of (Dice of bigrams).
_SAME_ITEM = 0.3
# instructor renders message text as a Jinja template when it is given a context: text that holds
# template syntax is sent as it is, inside a raw block.
_TEMPLATE_MARKS = ("{{", "{%", "{#")


# The run's first requests are out this long after its client is made, and waiting for their replies
# (real models take 5 s and more; a reply that comes sooner imports what it needs itself).
_WARM_UP_AFTER = 1.0


def _load_reply_reading() -> None:
    """Import what reading a reply needs beyond the start-up (the number grammar: the rules' regular
    expressions, some 0.1 s) while the first calls are out. Imported on the first reply instead, it
    held the loop just when the next calls were to go out in the slots that reply gave back."""
    import summarizer.backends.llm.derive  # noqa: F401


class NotJSON(UnusableReply):
    """A reply that holds no JSON object: asked again once, as it was."""


@dataclass(frozen=True)
class Request:
    """What one structured call sends: messages, and the response model that reads the reply."""

    messages: list[dict[str, Any]]
    model: type[LeanReply]
    chunk: Chunk


class LLMBackend:
    """Chunks to an OpenAI-compatible chat endpoint; replies checked against the chunk before they count."""

    name = "llm"
    # A chunk long enough that the constant prompt stays a small share of what is sent.
    chunk_chars = 10_000
    chunk_overlap = 200
    # The pipeline hands this backend its call limit: held for each HTTP call, not the whole chunk.
    limits_each_call = True

    def __init__(
        self,
        settings: Settings,
        *,
        prompt: Prompt | None = None,
        repair_prompt: Prompt | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        if not settings.endpoint_configured and provider_of(settings) is None:
            raise ConfigError("the llm backend needs an endpoint: set SUMMARIZER_BASE_URL or OPENAI_API_KEY")
        self.settings = settings
        self.model: str | None = settings.model
        self.prompt = prompt or load_prompt()
        self.repair_prompt = repair_prompt or load_prompt("repair")
        self.prompt_version: str | None = self.prompt.version
        self.backoff = backoff or Backoff()
        self.base_url = endpoint_of(settings)
        self.mode: InstructorMode = settings.mode
        self.notes: list[str] = []
        self._secret = settings.api_key.get_secret_value() if settings.api_key is not None else None
        self._schema_hash = schema_hash()
        self._cache = ReplyCache(settings.cache_dir) if settings.use_cache else None
        self._watch = EndpointWatch(settings.give_up_after, settings.give_up_pause)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._openai: Any = None
        self._structured: dict[str, Any] = {}
        self._warming = False
        if provider_of(settings) is not None:
            structured_client(settings, None, self.mode)  # a missing SDK or key is said now, not per chunk

    @property
    def endpoint_down(self) -> bool:
        """Whether calls have stopped for now after connection failures (see ``EndpointWatch``)."""
        return self._watch.down

    # --- the two entry points

    def extract(self, chunk: Chunk) -> Extraction:
        """The synchronous entry: the async path on a loop of its own (a thread of its own, should this
        thread run a loop already)."""

        async def once() -> Extraction:
            try:
                return await self.aextract(chunk)
            finally:
                await self.aclose()

        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(once())
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(lambda: asyncio.run(once())).result()

    async def aextract(self, chunk: Chunk, limiter: asyncio.Semaphore | None = None) -> Extraction:
        key = self.cache_key(chunk)
        if (hit := self._cached(key)) is not None:
            return hit
        usage = Usage()
        try:
            reading = await self._read(chunk, usage, limiter)
        except (ReplyCutOff, ContextTooLong) as error:
            if len(chunk.text) < _MIN_HALVING_CHARS:
                raise self._failure(chunk, error, usage) from None
            return await self._in_halves(key, chunk, usage, limiter)
        except Exception as error:
            raise self._failure(chunk, error, usage) from None
        if reading.failing:
            await self._repair(chunk, reading, usage, limiter)
        return self._finish(key, reading.extraction, usage)

    async def acomplete(
        self, chunk: Chunk, completion: Any, limiter: asyncio.Semaphore | None = None
    ) -> Extraction:
        """A chunk's extraction from a completion already made (a batch job's result): read, repaired and
        cached as a real-time reply is; a reply cut off, refused or with no JSON is asked again in real
        time."""
        usage = Usage(calls=1, attempts=1)
        usage.count_completion(completion)
        try:
            reading = self.read_completion(completion, chunk)
        except (ReplyCutOff, UnusableReply):
            again = await self.aextract(chunk, limiter)
            spent = usage.as_counts()
            return again.model_copy(
                update={name: getattr(again, name) + value for name, value in spent.items()}
            )
        if reading.failing:
            await self._repair(chunk, reading, usage, limiter)
        return self._finish(self.cache_key(chunk), reading.extraction, usage)

    def cached(self, chunk: Chunk) -> Extraction | None:
        """The chunk's extraction from the cache, if it is there."""
        return self._cached(self.cache_key(chunk))

    def cache_key(self, chunk: Chunk) -> str:
        return reply_key(
            base_url=self.base_url,
            model=self.settings.model,
            mode=self.settings.mode,
            prompt_version=f"{self.prompt.version}+{self.repair_prompt.version}",
            schema_hash=self._schema_hash,
            chunk_text=user_message(chunk),
            temperature=self.settings.temperature,
        )

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()

    async def aclose(self) -> None:
        """Close the client; call it before the event loop that used ``aextract`` ends."""
        if self._openai is not None and hasattr(self._openai, "close"):
            with contextlib.suppress(Exception):
                await self._openai.close()
        self._loop, self._openai, self._structured = None, None, {}

    # --- asking

    async def _read(self, chunk: Chunk, usage: Usage, limiter: asyncio.Semaphore | None) -> Reading:
        """The chunk's reply read against it; one more ask when the reply holds no JSON at all."""
        for ask in range(2):
            try:
                reply = await self._call(
                    lambda mode: self._request(mode, chunk), usage, limiter, again=ask > 0
                )
            except NotJSON:
                continue
            await asyncio.sleep(0)  # a call waiting for the slot this one gave back goes out first
            return reply.reading
        raise UnusableReply("the model's reply is not JSON, after 2 asks")

    async def _call(
        self,
        build: Callable[[str], Request],
        usage: Usage,
        limiter: asyncio.Semaphore | None,
        *,
        repair: bool = False,
        again: bool = False,
    ) -> LeanReply:
        """One structured call under the retry policy (``again``: asked again after a reply with no JSON,
        which counts as a retry)."""
        async for attempt in AsyncRetrying(**self._retry_policy()):
            with attempt:
                first = attempt.retry_state.attempt_number == 1
                if not repair:
                    usage.attempts += 1
                counts = "retries" if again or not first else ("repairs" if repair else None)
                return await self._once(build, usage, limiter, counts)
        raise AssertionError("unreachable")

    async def _once(
        self,
        build: Callable[[str], Request],
        usage: Usage,
        limiter: asyncio.Semaphore | None,
        counts: str | None = None,
    ) -> LeanReply:
        """One HTTP call (the limit held for it alone), counted in ``usage`` and, once made, under
        ``counts`` too (retries, repairs); on a refusal of the mode itself, the run falls back to json
        mode and the call is made again in it."""
        mode = self.mode
        request = build(mode)
        structured = self._client(mode)
        probe = self._watch.admit()
        failure: Exception | None = None
        async with limiter if limiter is not None else contextlib.nullcontext():
            if not probe:
                self._watch.admit()  # the endpoint may have been given up while this call waited its turn
            usage.calls += 1
            if counts is not None:
                setattr(usage, counts, getattr(usage, counts) + 1)
            try:
                reply = await structured.create(
                    response_model=request.model,
                    messages=request.messages,
                    context={"chunk": request.chunk},
                    max_retries=0,
                    strict=False,
                    **self._options(),
                )
            except Exception as error:
                failure = error
        if failure is not None:
            outcome = self._failed_call(failure, request, usage, mode)
            if outcome is None:  # the mode was refused: again, in the run's mode now
                return await self._once(build, usage, limiter, counts)
            return outcome
        self._watch.saw(None)
        usage.count_completion(getattr(reply, "_raw_response", None))
        return reply

    def _failed_call(self, error: Exception, request: Request, usage: Usage, mode: str) -> LeanReply | None:
        """What a failed create means: raises the error to retry or give up on, returns a reply read
        another way, or None when the call is to be made again in the fallen-back mode."""
        from instructor.core import IncompleteOutputException, InstructorRetryException

        if isinstance(error, IncompleteOutputException):
            self._watch.saw(None)
            usage.count_completion(error.last_completion)
            raise ReplyCutOff("the reply was cut off at the token limit") from None
        cause = error.__cause__ if isinstance(error, InstructorRetryException) else error
        api = api_error_of(cause)
        if api is not None:  # no reply: an HTTP error, a timeout, no connection
            usage.failed += 1
            self._watch.saw(api, self._secret)
            if mode in _STRUCTURED_MODES and rejects_mode(api, mode):
                self._fall_back(mode, api)
                return None
            if is_context_too_long(api):
                raise ContextTooLong(describe_error(api, self._secret)) from None
            raise api
        self._watch.saw(None)  # the server answered; the reply is not what instructor could read
        if isinstance(error, InstructorRetryException):
            total = error.total_usage
            usage.count_completion({"usage": total} if total is not None else None)
            completion = error.failed_attempts[-1].completion if error.failed_attempts else None
        else:
            completion = None
        return self._salvaged(cause, completion, request)

    def _salvaged(self, cause: BaseException | None, completion: Any, request: Request) -> LeanReply:
        """A reply instructor could not read: a refusal fails the chunk with its reason; JSON where the
        mode did not expect it (content instead of a tool call) is read; else the reply is unusable."""
        refusal = _refusal_of(completion)
        if refusal is None and isinstance(cause, AssertionError) and "due to" in str(cause):
            refusal = str(cause).split("due to", 1)[1].strip()
        if refusal:
            raise UnusableReply(f"the model refused: {refusal[:200]}")
        text = _text_of(completion)
        if text:
            with contextlib.suppress(ValueError):
                return request.model.model_validate_json(text, context={"chunk": request.chunk})
        raise NotJSON("the model's reply is not JSON")

    def _options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"temperature": self.settings.temperature}
        if provider_of(self.settings) is None:
            options["model"] = model_name(self.settings)
        if self.settings.max_tokens:
            options["max_tokens"] = self.settings.max_tokens
        return options

    def _request(self, mode: str, chunk: Chunk) -> Request:
        return Request(self._messages(chunk, verbatim=True), LeanReply, chunk)

    def _messages(self, chunk: Chunk, *, verbatim: bool = False) -> list[dict[str, Any]]:
        keep = _verbatim if verbatim else str
        return [
            {"role": "system", "content": keep(self.prompt.system)},
            {"role": "user", "content": keep(user_message(chunk))},
        ]

    def request_body(self, chunk: Chunk, mode: str | None = None) -> dict[str, Any]:
        """The whole request for a chunk, as a provider's batch job sends it: instructor's for the mode."""
        from instructor.v2.core.response import handle_response_model

        _, body = handle_response_model(
            LeanReply,
            mode=instructor_mode(mode or self.mode),
            messages=self._messages(chunk),
            **self._options(),
        )
        return body

    def read_completion(self, completion: Any, chunk: Chunk) -> Reading:
        """A completion (from a batch job's results) read against its chunk by instructor, as a real-time
        reply is."""
        from instructor.core import IncompleteOutputException
        from instructor.v2.core.response import process_response
        from openai.types.chat import ChatCompletion

        response = ChatCompletion.construct(**completion) if isinstance(completion, dict) else completion
        try:
            reply = process_response(
                response,
                response_model=LeanReply,
                stream=False,
                validation_context={"chunk": chunk},
                strict=False,
                mode=instructor_mode(self.settings.mode),
            )
        except IncompleteOutputException:
            raise ReplyCutOff("the reply was cut off at the token limit") from None
        except Exception as error:
            reply = self._salvaged(error, response, Request([], LeanReply, chunk))
        return reply.reading

    def _fall_back(self, mode: str, error: BaseException) -> None:
        if self.mode != mode:
            return  # another call of the run fell back already
        self.mode = _FALLBACK_MODE
        note = (
            f"the server rejected instructor mode {mode!r} ({describe_error(error, self._secret)}); "
            f"the rest of the run asks in {_FALLBACK_MODE!r} mode (set --mode {_FALLBACK_MODE} to skip this)"
        )
        self.notes.append(note)
        logger.warning(note)

    def _retry_policy(self) -> dict[str, Any]:
        return {
            "stop": stop_after_attempt(self.settings.max_retries + 1) | _StopOnALongWait(),
            "wait": self.backoff,
            "sleep": self.backoff.sleep,
            "retry": retry_if_exception(is_transient),
            "reraise": True,
        }

    def _client(self, mode: str) -> Any:
        """instructor in ``mode`` over the run's one openai client; a client per event loop, since its
        connection pool cannot outlive the loop that opened it."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._openai is None:
            self._loop, self._structured = loop, {}
            self._openai = openai_client(self.settings)
        if mode not in self._structured:
            self._structured[mode] = structured_client(self.settings, self._openai, mode)
        if not self._warming:
            self._warming = True
            loop.call_later(_WARM_UP_AFTER, _load_reply_reading)
        return self._structured[mode]

    # --- halving

    async def _in_halves(
        self, key: str, chunk: Chunk, usage: Usage, limiter: asyncio.Semaphore | None
    ) -> Extraction:
        """Both halves' items and every call of both (and of the call that was too long); a half that
        fails is a failed part of the chunk, the other half's items are kept."""
        first, second = halves(chunk)
        parts = await asyncio.gather(
            self.aextract(first, limiter), self.aextract(second, limiter), return_exceptions=True
        )
        joined = Extraction.model_validate(usage.as_counts())
        for half, part in zip((first, second), parts, strict=True):
            if isinstance(part, BackendError):
                for name, value in part.usage.items():
                    setattr(joined, name, getattr(joined, name) + value)
                joined.failed.append(ChunkRef(start=half.start, end=half.end, error=part.message))
            elif isinstance(part, BaseException):
                raise part
            else:
                _add_extraction(joined, part)
        if not joined.failed:
            self._remember(key, joined)
        return joined

    # --- repairing

    async def _repair(
        self, chunk: Chunk, reading: Reading, usage: Usage, limiter: asyncio.Semaphore | None
    ) -> None:
        """One small call for the items the chunk does not support; what it fixes is kept, the rest
        dropped with its reason."""
        failing = reading.failing
        reading.failing = []
        model = repair_model(frozenset(list_of(failed) for failed in failing))

        def build(mode: str) -> Request:
            system, user = repair_messages(self.repair_prompt, failing, chunk.text)
            messages = [{**message, "content": _verbatim(message["content"])} for message in (system, user)]
            return Request(messages, model, chunk)

        repaired = Reading()
        try:
            repaired = (await self._call(build, usage, limiter, repair=True)).reading
        except Exception as error:  # the repair is a second chance: its failure drops the items
            logger.debug("repair call failed: %s", describe_error(error, self._secret))
        have = {(type(item).__name__, item.quote) for item in _items(reading.extraction)}
        kept = []
        for item in _items(repaired.extraction):
            if (type(item).__name__, item.quote) not in have:  # a repair may send good items again
                _add(reading.extraction, item)
                kept.append(item.quote)
        for failed in failing:
            quote = str(failed.item.get("q", ""))
            if not any(_similar(quote, other) for other in kept):
                reading.extraction.dropped.append(
                    Dropped(kind=failed.kind, quote=quote, reason=failed.reason)
                )

    # --- results

    def _cached(self, key: str) -> Extraction | None:
        if self._cache is None:
            return None
        value = self._cache.get(key)
        if value is None:
            return None
        try:
            return Extraction.model_validate(value).model_copy(update={"cache_hits": 1})
        except ValueError:
            return None

    def _remember(self, key: str, extraction: Extraction) -> Extraction:
        """Cache a complete extraction (never a failed one) and hand it back."""
        if self._cache is not None:
            self._cache.put(key, extraction.model_dump(include=_CACHED_FIELDS))
        return extraction

    def _finish(self, key: str, extraction: Extraction, usage: Usage) -> Extraction:
        self._remember(key, extraction)
        return extraction.model_copy(update=usage.as_counts())

    def _failure(self, chunk: Chunk, error: BaseException, usage: Usage) -> BackendError:
        if isinstance(error, ReplyCutOff):
            reason = "the reply was cut off at the token limit (try a smaller --chunk-chars)"
        elif isinstance(error, ContextTooLong):
            reason = f"the request is longer than the model's context ({error}; try a smaller --chunk-chars)"
        elif isinstance(error, (UnusableReply, EndpointDown)):
            reason = str(error)
        else:
            reason = describe_error(error, self._secret)
        attempts = f"{usage.attempts} attempt{'s' if usage.attempts != 1 else ''}"
        message = f"chunk {chunk.start}-{chunk.end}: {reason} ({attempts}, {usage.calls} model calls)"
        return BackendError(
            message, chunk=(chunk.start, chunk.end), attempts=usage.attempts, usage=usage.as_counts()
        )


class _StopOnALongWait(stop_base):
    """Stop at once when the server asks to wait longer than ``calls.MAX_RETRY_AFTER``."""

    def __call__(self, retry_state: Any) -> bool:
        outcome = retry_state.outcome
        return outcome is not None and asks_too_long_a_wait(outcome.exception())


def _verbatim(text: str) -> str:
    """Text that instructor's templating renders as it is."""
    return f"{{% raw %}}{text}{{% endraw %}}" if any(mark in text for mark in _TEMPLATE_MARKS) else text


def _message_of(completion: Any) -> Any:
    choices = getattr(completion, "choices", None) or []
    return getattr(choices[0], "message", None) if choices else None


def _refusal_of(completion: Any) -> str | None:
    refusal = getattr(_message_of(completion), "refusal", None)
    return str(refusal) if refusal else None


def _text_of(completion: Any) -> str:
    """A reply's text wherever the model put it: a tool call's arguments, else the content."""
    message = _message_of(completion)
    if message is None:
        return ""
    for call in getattr(message, "tool_calls", None) or []:
        function = getattr(call, "function", None)
        arguments = getattr(function, "arguments", None) if function is not None else None
        if arguments:
            return reply_text(arguments)
    return reply_text(getattr(message, "content", None))


def _items(extraction: Extraction) -> list[Any]:
    return [*extraction.goals, *extraction.targets, *extraction.tasks]


def _add(extraction: Extraction, item: Any) -> None:
    if isinstance(item, GoalDraft):
        extraction.goals.append(item)
    elif isinstance(item, TargetDraft):
        extraction.targets.append(item)
    else:
        extraction.tasks.append(item)


def _add_extraction(total: Extraction, part: Extraction) -> None:
    """``part``'s items, failed parts and counts added to ``total``."""
    for name in ("goals", "targets", "tasks", "dropped", "failed"):
        getattr(total, name).extend(getattr(part, name))
    for name in (
        "llm_calls",
        "failed_calls",
        "retries",
        "repairs",
        "cache_hits",
        "prompt_tokens",
        "completion_tokens",
        "cached_tokens",
    ):
        setattr(total, name, getattr(total, name) + getattr(part, name))


def _similar(a: str, b: str) -> bool:
    first, second = bigrams(a), bigrams(b)
    if not first or not second:
        return False
    return 2 * len(first & second) / (len(first) + len(second)) >= _SAME_ITEM


@register_backend("llm")
def make_llm_backend(settings: Settings) -> LLMBackend:
    return LLMBackend(settings)
