"""The model backend: any OpenAI-compatible endpoint, a lean reply, cached, retried, repaired, grounded.

The request for each structured mode (tools, json_schema, json, md_json) is built once, in instructor's
shapes from the compact reply schema, when the backend is made; a call then only appends the chunk's
message and is one POST (``transport.ChatClient``): neither openai nor instructor is loaded on this path. The reply is plain JSON read by hand (``schema.read_reply``): no class is built per
call. An item the chunk does not support is not re-asked with the whole chunk: a small repair call
carries it with the sentences nearest to it (``repair``), and what is still unsupported is dropped and
listed. Only a reply that is no JSON at all is asked again. The call limit (``limiter``) is held for
each HTTP call only, never through a backoff or between a call and its repair.

Call it from sync code with ``extract(chunk)`` or from async code with ``await aextract(chunk)``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import logging
from typing import TYPE_CHECKING, Any

from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from summarizer.backends.base import register_backend
from summarizer.backends.llm.prompt import Prompt, load_prompt, user_message
from summarizer.backends.llm.repair import bigrams, repair_messages
from summarizer.backends.llm.schema import (
    Reading,
    parse_reply_json,
    read_reply,
    reply_schema,
    schema_hash,
)
from summarizer.backends.llm.transport import (
    ApiError,
    ApiStatusError,
    Backoff,
    ChatClient,
    EndpointDown,
    EndpointWatch,
    Usage,
    describe_error,
    is_transient,
    rejects_structured_mode,
    tls_context,
)
from summarizer.cache import ReplyCache, reply_key
from summarizer.chunk import halves
from summarizer.errors import BackendError, ConfigError
from summarizer.models import Chunk, Dropped, Extraction, GoalDraft, TargetDraft
from summarizer.offload import off_loop

if TYPE_CHECKING:
    from summarizer.config import InstructorMode, Settings

__all__ = ["DEFAULT_BASE_URL", "LLMBackend", "ReplyCutOff", "UnusableReply", "make_llm_backend"]

logger = logging.getLogger("summarizer.llm")
logging.getLogger("instructor").addHandler(logging.NullHandler())

DEFAULT_BASE_URL = "https://api.openai.com/v1"
_FALLBACK_MODE: InstructorMode = "json"
_STRUCTURED_MODES = ("tools", "json_schema")
_CACHED_FIELDS = {"goals", "targets", "tasks", "dropped"}
# Below this, a chunk whose reply is cut off is not halved again but reported as failed.
_MIN_HALVING_CHARS = 400
# A repaired item is the repair of the failing one whose quote it shares this much of (Dice of bigrams).
_SAME_ITEM = 0.3


class UnusableReply(Exception):
    """The model's reply, after one more ask, holds no JSON object."""


class ReplyCutOff(Exception):
    """The reply stopped at the token limit (``finish_reason`` ``length``)."""


TOOL_NAME = "LeanReply"
REPAIR_FORMAT = '{"targets":[{"q":"…","k":"t"}],"goals":[{"q":"…"}],"tasks":[{"q":"…"}]}，键同原条目'


def request_template(mode: str, system: str) -> dict[str, Any]:
    """What every call in ``mode`` sends besides the chunk: the system message (with the schema where
    the mode puts it there), the tool or response format, and any message the mode adds after the
    chunk's. The shapes are instructor's for each mode (a test holds them to instructor's own), built
    here without loading it, with the compact schema."""
    schema = reply_schema()
    compact = json.dumps(schema, ensure_ascii=False, separators=(",", ":"))
    system_message = {"role": "system", "content": system}
    after: list[dict[str, Any]] = []
    options: dict[str, Any] = {}
    if mode == "tools":
        options = {
            "tools": [{"type": "function", "function": {"name": TOOL_NAME, "parameters": schema}}],
            "tool_choice": {"type": "function", "function": {"name": TOOL_NAME}},
        }
    elif mode == "json_schema":
        options = {
            "response_format": {"type": "json_schema", "json_schema": {"name": TOOL_NAME, "schema": schema}}
        }
    else:
        system_message = {
            "role": "system",
            "content": f"{system}\n\n只返回一个JSON对象，符合此JSON Schema：{compact}",
        }
        if mode == "json":
            options = {"response_format": {"type": "json_object"}}
        else:  # md_json
            after = [
                {
                    "role": "user",
                    "content": "Return the correct JSON response within a ```json codeblock. not the JSON_SCHEMA",
                }
            ]
    return {"system": system_message, "after": after, "options": options}


def completion_text(completion: dict[str, Any]) -> str:
    """The text of a completion that carries the reply: a tool call's arguments, else the message content."""
    choices = completion.get("choices") or []
    if not choices:
        return ""
    message = choices[0].get("message") or {}
    for call in message.get("tool_calls") or []:
        arguments = (call.get("function") or {}).get("arguments")
        if arguments:
            return str(arguments)
    return str(message.get("content") or "")


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
        if not settings.endpoint_configured:
            raise ConfigError("the llm backend needs an endpoint: set SUMMARIZER_BASE_URL or OPENAI_API_KEY")
        self.settings = settings
        self.model: str | None = settings.model
        self.prompt = prompt or load_prompt()
        self.repair_prompt = repair_prompt or load_prompt("repair")
        self.prompt_version: str | None = self.prompt.version
        self.backoff = backoff or Backoff()
        self.base_url = settings.base_url or DEFAULT_BASE_URL
        self.mode: InstructorMode = settings.mode
        self.notes: list[str] = []
        self._secret = settings.api_key.get_secret_value() if settings.api_key is not None else None
        self._schema_hash = schema_hash()
        self._cache = ReplyCache(settings.cache_dir) if settings.use_cache else None
        # Built now, outside any event loop: the request of the mode.
        self._templates: dict[str, dict[str, Any]] = {
            self.mode: request_template(self.mode, self.prompt.system)
        }
        self._repair_templates: dict[str, dict[str, Any]] = {}
        self._async_loop: asyncio.AbstractEventLoop | None = None
        self._chat: ChatClient | None = None
        self._watch = EndpointWatch(settings.give_up_after)
        tls_context()  # loading now, in a thread of its own, for the first client

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
        except Exception as error:
            if not _worth_halving(chunk, error):
                raise self._failure(chunk, error, usage) from None
            first, second = halves(chunk)
            parts = await asyncio.gather(self.aextract(first, limiter), self.aextract(second, limiter))
            return self._remember(key, _joined(list(parts), usage))
        if reading.failing:
            await self._repair(chunk, reading, usage, limiter)
        return self._finish(key, reading.extraction, usage)

    async def acomplete(
        self, chunk: Chunk, completion: Any, limiter: asyncio.Semaphore | None = None
    ) -> Extraction:
        """A chunk's extraction from a completion already made (a batch job's result): read, repaired and
        cached as a real-time reply is; a reply cut off or with no JSON is asked again in real time."""
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
        """Close the async client; call it before the event loop that used ``aextract`` ends."""
        if self._chat is not None:
            await self._chat.aclose()
        self._async_loop, self._chat = None, None

    # --- asking

    async def _read(self, chunk: Chunk, usage: Usage, limiter: asyncio.Semaphore | None) -> Reading:
        """The chunk's reply read against it; one more ask when the reply holds no JSON at all."""
        for ask in range(2):
            completion = await self._ask(lambda mode: self._messages(mode, chunk), usage, limiter)
            if _finish_reason(completion) == "length":
                raise ReplyCutOff("the reply was cut off at the token limit")
            try:
                # Read in a worker thread: the event loop stays free to send the next calls meanwhile.
                return await off_loop(_read_reply_of, completion, chunk)
            except ValueError:
                if ask == 1:
                    raise UnusableReply("the model's reply is not JSON, after 2 asks") from None
        raise AssertionError("unreachable")

    async def _ask(
        self, messages_in: Any, usage: Usage, limiter: asyncio.Semaphore | None, repair: bool = False
    ) -> Any:
        """One completion, with bounded retries of transient errors and one fall-back to json mode for a
        server that refuses the structured one. The call limit is held for the call only."""
        async for attempt in AsyncRetrying(**self._retry_policy()):
            with attempt:
                self._watch.check()
                usage.attempts += 1
                try:
                    completion = await self._post(messages_in, usage, limiter, repair)
                except ApiStatusError as error:
                    self._watch.saw(error, self._secret)
                    if self.mode in _STRUCTURED_MODES and rejects_structured_mode(error):
                        self._fall_back(self.mode, error)
                        completion = await self._post(messages_in, usage, limiter, repair)
                    else:
                        raise
                except Exception as error:
                    self._watch.saw(error, self._secret)
                    raise
                self._watch.saw(None)
        return completion

    async def _post(
        self, messages_in: Any, usage: Usage, limiter: asyncio.Semaphore | None, repair: bool = False
    ) -> Any:
        mode = self.mode
        request = {
            "model": self.settings.model,
            "messages": messages_in(mode),
            "temperature": self.settings.temperature,
            **(self._repair_template(mode) if repair else self._template(mode))["options"],
            **({"max_tokens": self.settings.max_tokens} if self.settings.max_tokens else {}),
        }
        client = self._client()
        async with limiter if limiter is not None else contextlib.nullcontext():
            self._watch.check()  # the endpoint may have been given up while this call waited its turn
            usage.calls += 1
            try:
                completion = await client.create(request)
            except Exception:
                usage.failed += 1
                raise
        usage.count_completion(completion)
        return completion

    def request_body(self, chunk: Chunk, mode: str | None = None) -> dict[str, Any]:
        """The whole request for a chunk, as a provider's batch job sends it."""
        mode = mode or self.mode
        return {
            "model": self.settings.model,
            "messages": self._messages(mode, chunk),
            "temperature": self.settings.temperature,
            **self._template(mode)["options"],
            **({"max_tokens": self.settings.max_tokens} if self.settings.max_tokens else {}),
        }

    def read_completion(self, completion: Any, chunk: Chunk) -> Reading:
        """A completion (from a batch job's results) read against its chunk, as a real-time reply is."""
        if _finish_reason(completion) == "length":
            raise ReplyCutOff("the reply was cut off at the token limit")
        try:
            return read_reply(parse_reply_json(completion_text(completion)), chunk)
        except ValueError:
            raise UnusableReply("the model's reply is not JSON") from None

    def _messages(self, mode: str, chunk: Chunk) -> list[dict[str, Any]]:
        template = self._template(mode)
        return [template["system"], {"role": "user", "content": user_message(chunk)}, *template["after"]]

    def _template(self, mode: str) -> dict[str, Any]:
        if mode not in self._templates:
            self._templates[mode] = request_template(mode, self.prompt.system)
        return self._templates[mode]

    def _fall_back(self, mode: str, error: ApiStatusError) -> None:
        note = (
            f"the server rejected instructor mode {mode!r} ({describe_error(error, self._secret)}); "
            f"retrying in {_FALLBACK_MODE!r} mode (set --mode {_FALLBACK_MODE} to skip this)"
        )
        if self.mode != _FALLBACK_MODE:
            self.mode = _FALLBACK_MODE
            self.notes.append(note)
            logger.warning(note)

    def _retry_policy(self) -> dict[str, Any]:
        return {
            "stop": stop_after_attempt(self.settings.max_retries + 1),
            "wait": self.backoff,
            "retry": retry_if_exception(is_transient),
            "reraise": True,
        }

    def openai_options(self) -> dict[str, Any]:
        """The openai client's options, for the commands that use it (check, provider batch jobs)."""
        return {
            "base_url": self.settings.base_url,
            # Local servers want no key, but the openai client insists on one.
            "api_key": self._secret or "no-key",
            "timeout": self.settings.timeout,
            "max_retries": 0,
        }

    def _client(self) -> ChatClient:
        """One client per event loop: an httpx pool cannot outlive the loop that opened it."""
        loop = asyncio.get_running_loop()
        if self._async_loop is not loop or self._chat is None:
            self._async_loop = loop
            self._chat = ChatClient(self.base_url, self._secret or "no-key", self.settings.timeout)
        return self._chat

    # --- repairing

    async def _repair(
        self, chunk: Chunk, reading: Reading, usage: Usage, limiter: asyncio.Semaphore | None
    ) -> None:
        """One small call for the items the chunk does not support; what it fixes is kept, the rest
        dropped with its reason."""
        failing = reading.failing
        reading.failing = []
        repaired = Reading()

        def messages_in(mode: str) -> list[dict[str, Any]]:
            template = self._repair_template(mode)
            own = repair_messages(self.repair_prompt, failing, chunk.text)
            return [
                {**template["system"], "content": template["system"]["content"]},
                own[1],
                *template["after"],
            ]

        try:
            completion = await self._ask(messages_in, usage, limiter, repair=True)
            if _finish_reason(completion) != "length":
                repaired = await off_loop(_read_reply_of, completion, chunk)
        except (ValueError, EndpointDown, ApiError, BackendError):
            pass
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

    def _repair_template(self, mode: str) -> dict[str, Any]:
        """The repair call's request: its short prompt and the reply format in a line, no schema."""
        if mode not in self._repair_templates:
            fenced = mode == "md_json"
            system = f"{self.repair_prompt.system}\n格式：{REPAIR_FORMAT}"
            self._repair_templates[mode] = {
                "system": {"role": "system", "content": system},
                "after": [],
                "options": {} if fenced else {"response_format": {"type": "json_object"}},
            }
        return self._repair_templates[mode]

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
        elif isinstance(error, (UnusableReply, EndpointDown)):
            reason = str(error)
        else:
            reason = describe_error(error, self._secret)
        attempts = f"{usage.attempts} attempt{'s' if usage.attempts != 1 else ''}"
        message = f"chunk {chunk.start}-{chunk.end}: {reason} ({attempts}, {usage.calls} model calls)"
        return BackendError(
            message, chunk=(chunk.start, chunk.end), attempts=usage.attempts, usage=usage.as_counts()
        )


def _items(extraction: Extraction) -> list[Any]:
    return [*extraction.goals, *extraction.targets, *extraction.tasks]


def _add(extraction: Extraction, item: Any) -> None:
    if isinstance(item, GoalDraft):
        extraction.goals.append(item)
    elif isinstance(item, TargetDraft):
        extraction.targets.append(item)
    else:
        extraction.tasks.append(item)


def _read_reply_of(completion: Any, chunk: Chunk) -> Reading:
    return read_reply(parse_reply_json(completion_text(completion)), chunk)


def _finish_reason(completion: dict[str, Any]) -> str | None:
    choices = completion.get("choices") or []
    return choices[0].get("finish_reason") if choices else None


def _similar(a: str, b: str) -> bool:
    first, second = bigrams(a), bigrams(b)
    if not first or not second:
        return False
    return 2 * len(first & second) / (len(first) + len(second)) >= _SAME_ITEM


def _worth_halving(chunk: Chunk, error: BaseException) -> bool:
    """A reply cut off at the token limit: the chunk held more than one reply can; halves may not."""
    return isinstance(error, ReplyCutOff) and len(chunk.text) >= _MIN_HALVING_CHARS


def _joined(parts: list[Extraction], wasted: Usage) -> Extraction:
    """The halves' items as one extraction, with the cut-off call's usage counted too."""
    counts = wasted.as_counts()
    return Extraction(
        goals=[goal for part in parts for goal in part.goals],
        targets=[target for part in parts for target in part.targets],
        tasks=[task for part in parts for task in part.tasks],
        dropped=[item for part in parts for item in part.dropped],
        cache_hits=sum(part.cache_hits for part in parts),
        **{name: value + sum(getattr(part, name) for part in parts) for name, value in counts.items()},
    )


@register_backend("llm")
def make_llm_backend(settings: Settings) -> LLMBackend:
    return LLMBackend(settings)
