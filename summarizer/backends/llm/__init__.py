"""The model backend: any OpenAI-compatible endpoint through instructor, cached, retried and grounded.

Call it from sync code with ``extract(chunk)`` or from async code with ``await aextract(chunk)``; both
share the cache, the prompt and the checks. Only this package imports openai and instructor, and the
registry imports it only when the ``llm`` backend is asked for.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from tenacity import AsyncRetrying, Retrying, retry_if_exception, stop_after_attempt

from summarizer.backends.base import register_backend
from summarizer.backends.llm.prompt import Prompt, load_prompt, messages_for, user_message
from summarizer.backends.llm.schema import (
    CONTEXT_CHUNK,
    ModelReply,
    extraction_from_reply,
    extraction_from_text,
    schema_hash,
)
from summarizer.backends.llm.transport import (
    Backoff,
    EndpointDown,
    EndpointWatch,
    Usage,
    api_error_of,
    describe_error,
    is_transient,
    rejects_structured_mode,
)
from summarizer.cache import ReplyCache, reply_key
from summarizer.chunk import halves
from summarizer.errors import BackendError, ConfigError
from summarizer.models import Chunk, Extraction

if TYPE_CHECKING:
    from summarizer.config import InstructorMode, Settings

__all__ = ["DEFAULT_BASE_URL", "LLMBackend", "UnusableReply", "make_llm_backend"]

logger = logging.getLogger("summarizer.llm")
# instructor logs every failed attempt at ERROR; without a handler Python would print each to stderr.
logging.getLogger("instructor").addHandler(logging.NullHandler())

DEFAULT_BASE_URL = "https://api.openai.com/v1"
_FALLBACK_MODE: InstructorMode = "json"
_STRUCTURED_MODES = ("tools", "json_schema")
_CACHED_FIELDS = {"goals", "targets", "tasks", "dropped"}
# Below this, a chunk whose reply is cut off is not halved again but reported as failed.
_MIN_HALVING_CHARS = 400


class UnusableReply(Exception):
    """The model's reply, after its re-ask, holds nothing that can be parsed."""


def _instructor_mode(mode: str) -> Any:
    import instructor

    modes = {
        "tools": instructor.Mode.TOOLS,
        "json_schema": instructor.Mode.JSON_SCHEMA,
        "json": instructor.Mode.JSON,
        "md_json": instructor.Mode.MD_JSON,
    }
    return modes[mode]


def completion_text(completion: Any) -> str:
    """The text of a completion that carries the reply: a tool call's arguments, else the message content."""
    choices = getattr(completion, "choices", None) or []
    if not choices:
        return ""
    message = choices[0].message
    for call in getattr(message, "tool_calls", None) or []:
        arguments = getattr(call.function, "arguments", None)
        if arguments:
            return arguments
    return message.content or ""


class LLMBackend:
    """Chunks to an OpenAI-compatible chat endpoint; replies checked against the chunk before they count."""

    name = "llm"
    # A chunk long enough that the constant prompt stays a small share of what is sent.
    chunk_chars = 10_000
    chunk_overlap = 200
    # instructor re-asks once when a quote or number is not in the chunk, then the lenient parse drops it.
    reasks = 1

    def __init__(
        self, settings: Settings, *, prompt: Prompt | None = None, backoff: Backoff | None = None
    ) -> None:
        if not settings.endpoint_configured:
            raise ConfigError("the llm backend needs an endpoint: set SUMMARIZER_BASE_URL or OPENAI_API_KEY")
        self.settings = settings
        self.model: str | None = settings.model
        self.prompt = prompt or load_prompt()
        self.prompt_version: str | None = self.prompt.version
        self.backoff = backoff or Backoff()
        self.base_url = settings.base_url or DEFAULT_BASE_URL
        self.mode: InstructorMode = settings.mode
        self.notes: list[str] = []
        self._secret = settings.api_key.get_secret_value() if settings.api_key is not None else None
        self._schema_hash = schema_hash()
        self._cache = ReplyCache(settings.cache_dir) if settings.use_cache else None
        self._sync_openai: openai.OpenAI | None = None
        self._sync_clients: dict[str, Any] = {}
        self._async_loop: asyncio.AbstractEventLoop | None = None
        self._async_openai: openai.AsyncOpenAI | None = None
        self._async_clients: dict[str, Any] = {}
        self._watch = EndpointWatch(settings.give_up_after)

    # --- the two entry points

    def extract(self, chunk: Chunk) -> Extraction:
        key = self.cache_key(chunk)
        if (hit := self._cached(key)) is not None:
            return hit
        usage = Usage()
        try:
            for attempt in Retrying(**self._retry_policy()):
                with attempt:
                    self._watch.check()
                    usage.attempts += 1
                    try:
                        extraction = self._call_with_fallback(chunk, usage)
                    except Exception as error:
                        self._watch.saw(error, self._secret)
                        raise
                    self._watch.saw(None)
        except Exception as error:
            if not _worth_halving(chunk, error):
                raise self._failure(chunk, error, usage) from None
            first, second = halves(chunk)
            return self._remember(key, _joined([self.extract(first), self.extract(second)], usage))
        return self._finish(key, extraction, usage)

    async def aextract(self, chunk: Chunk) -> Extraction:
        key = self.cache_key(chunk)
        if (hit := self._cached(key)) is not None:
            return hit
        usage = Usage()
        try:
            async for attempt in AsyncRetrying(**self._retry_policy()):
                with attempt:
                    self._watch.check()
                    usage.attempts += 1
                    try:
                        extraction = await self._acall_with_fallback(chunk, usage)
                    except Exception as error:
                        self._watch.saw(error, self._secret)
                        raise
                    self._watch.saw(None)
        except Exception as error:
            if not _worth_halving(chunk, error):
                raise self._failure(chunk, error, usage) from None
            first, second = halves(chunk)
            parts = await asyncio.gather(self.aextract(first), self.aextract(second))
            return self._remember(key, _joined(list(parts), usage))
        return self._finish(key, extraction, usage)

    def cache_key(self, chunk: Chunk) -> str:
        return reply_key(
            base_url=self.base_url,
            model=self.settings.model,
            mode=self.settings.mode,
            prompt_version=self.prompt.version,
            schema_hash=self._schema_hash,
            chunk_text=user_message(chunk),
            temperature=self.settings.temperature,
        )

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
        if self._sync_openai is not None:
            self._sync_openai.close()
            self._sync_openai, self._sync_clients = None, {}

    async def aclose(self) -> None:
        """Close the async client; call it before the event loop that used ``aextract`` ends."""
        if self._async_openai is not None:
            await self._async_openai.close()
        self._async_loop, self._async_openai, self._async_clients = None, None, {}

    # --- one attempt

    def _retry_policy(self) -> dict[str, Any]:
        return {
            "stop": stop_after_attempt(self.settings.max_retries + 1),
            "wait": self.backoff,
            "retry": retry_if_exception(is_transient),
            "reraise": True,
        }

    def _call_with_fallback(self, chunk: Chunk, usage: Usage) -> Extraction:
        mode = self.mode
        try:
            return self._create_sync(mode, chunk, usage)
        except openai.APIStatusError as error:
            if mode not in _STRUCTURED_MODES or not rejects_structured_mode(error):
                raise
            self._fall_back(mode, error)
        return self._create_sync(_FALLBACK_MODE, chunk, usage)

    async def _acall_with_fallback(self, chunk: Chunk, usage: Usage) -> Extraction:
        mode = self.mode
        try:
            return await self._create_async(mode, chunk, usage)
        except openai.APIStatusError as error:
            if mode not in _STRUCTURED_MODES or not rejects_structured_mode(error):
                raise
            self._fall_back(mode, error)
        return await self._create_async(_FALLBACK_MODE, chunk, usage)

    def _fall_back(self, mode: str, error: openai.APIStatusError) -> None:
        note = (
            f"the server rejected instructor mode {mode!r} ({describe_error(error, self._secret)}); "
            f"retrying in {_FALLBACK_MODE!r} mode (set --mode {_FALLBACK_MODE} to skip this)"
        )
        if self.mode != _FALLBACK_MODE:
            self.mode = _FALLBACK_MODE
            self.notes.append(note)
            logger.warning(note)

    def _create_sync(self, mode: str, chunk: Chunk, usage: Usage) -> Extraction:
        client = self._sync_client(mode)
        try:
            reply, _ = client.chat.completions.create_with_completion(**self._request(chunk, usage))
        except InstructorRetryException as error:
            return self._after_failed_validation(error, chunk)
        return extraction_from_reply(reply, chunk.text)

    async def _create_async(self, mode: str, chunk: Chunk, usage: Usage) -> Extraction:
        client = self._async_client(mode)
        try:
            reply, _ = await client.chat.completions.create_with_completion(**self._request(chunk, usage))
        except InstructorRetryException as error:
            return self._after_failed_validation(error, chunk)
        return extraction_from_reply(reply, chunk.text)

    def _request(self, chunk: Chunk, usage: Usage) -> dict[str, Any]:
        return {
            "model": self.settings.model,
            "messages": messages_for(self.prompt, chunk),
            "response_model": ModelReply,
            "max_retries": self.reasks,
            "context": {CONTEXT_CHUNK: chunk.text},
            "strict": False,
            "temperature": self.settings.temperature,
            "hooks": usage.hooks(),
            **({"max_tokens": self.settings.max_tokens} if self.settings.max_tokens else {}),
        }

    def _after_failed_validation(self, error: InstructorRetryException, chunk: Chunk) -> Extraction:
        """After the re-ask: an API error goes back to tenacity; a bad reply keeps its good items."""
        if (api_error := api_error_of(error)) is not None:
            raise api_error from None
        try:
            return extraction_from_text(completion_text(error.last_completion), chunk.text)
        except ValueError:
            raise UnusableReply(f"the model's reply is not JSON, after {error.n_attempts} tries") from None

    # --- clients, made on first use

    def openai_options(self) -> dict[str, Any]:
        return {
            "base_url": self.settings.base_url,
            # Local servers want no key, but the openai client insists on one.
            "api_key": self._secret or "no-key",
            "timeout": self.settings.timeout,
            "max_retries": 0,
        }

    def _sync_client(self, mode: str) -> Any:
        if mode not in self._sync_clients:
            import instructor

            if self._sync_openai is None:
                self._sync_openai = openai.OpenAI(**self.openai_options())
            self._sync_clients[mode] = instructor.from_openai(self._sync_openai, mode=_instructor_mode(mode))
        return self._sync_clients[mode]

    def _async_client(self, mode: str) -> Any:
        """One async client per event loop: an httpx pool cannot outlive the loop that opened it."""
        loop = asyncio.get_running_loop()
        if self._async_loop is not loop:
            self._async_loop = loop
            # A plain httpx client: openai's default one schedules its own closing on whatever loop runs
            # when it is collected, which fails for connections of a loop that has ended.
            http_client = openai.DefaultAsyncHttpxClient(timeout=self.settings.timeout)
            self._async_openai = openai.AsyncOpenAI(**self.openai_options(), http_client=http_client)
            self._async_clients = {}
        if mode not in self._async_clients:
            import instructor

            assert self._async_openai is not None  # made above, with this loop
            self._async_clients[mode] = instructor.from_openai(
                self._async_openai, mode=_instructor_mode(mode)
            )
        return self._async_clients[mode]

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
        if isinstance(error, IncompleteOutputException):
            reason = "the reply was cut off at the token limit (try a smaller --chunk-chars)"
        elif isinstance(error, (UnusableReply, EndpointDown)):
            reason = str(error)
        else:
            reason = describe_error(error, self._secret)
        attempts = f"{usage.attempts} attempt{'s' if usage.attempts != 1 else ''}"
        message = f"chunk {chunk.start}-{chunk.end}: {reason} ({attempts}, {usage.calls} model calls)"
        return BackendError(
            message, chunk=(chunk.start, chunk.end), attempts=usage.attempts, usage=usage.as_counts()
        )


def _worth_halving(chunk: Chunk, error: BaseException) -> bool:
    """A reply cut off at the token limit: the chunk held more than one reply can; halves may not."""
    return isinstance(error, IncompleteOutputException) and len(chunk.text) >= _MIN_HALVING_CHARS


def _joined(parts: list[Extraction], wasted: Usage) -> Extraction:
    """The halves' items as one extraction, with the cut-off call's usage counted too."""
    return Extraction(
        goals=[goal for part in parts for goal in part.goals],
        targets=[target for part in parts for target in part.targets],
        tasks=[task for part in parts for task in part.tasks],
        dropped=[item for part in parts for item in part.dropped],
        llm_calls=wasted.calls + sum(part.llm_calls for part in parts),
        failed_calls=wasted.failed + sum(part.failed_calls for part in parts),
        retries=wasted.retries + sum(part.retries for part in parts),
        cache_hits=sum(part.cache_hits for part in parts),
        prompt_tokens=wasted.prompt_tokens + sum(part.prompt_tokens for part in parts),
        completion_tokens=wasted.completion_tokens + sum(part.completion_tokens for part in parts),
    )


@register_backend("llm")
def make_llm_backend(settings: Settings) -> LLMBackend:
    return LLMBackend(settings)
