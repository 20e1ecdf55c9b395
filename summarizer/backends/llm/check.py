"""Check: does the configured endpoint answer, does the model reply, does the structured mode work?"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from summarizer.backends.llm import LLMBackend, completion_text
from summarizer.backends.llm.transport import ApiConnectionError, ApiStatusError, ChatClient, describe_error
from summarizer.config import Settings
from summarizer.errors import BackendError
from summarizer.models import Chunk, DocumentSpan

_PROBE_TEXT = "明年全市地区生产总值增长6%左右。"


@dataclass(frozen=True)
class CheckLine:
    name: str
    ok: bool
    detail: str


def check_endpoint(settings: Settings) -> list[CheckLine]:
    """One line each for the endpoint, the model and the mode; later checks are skipped after a failure."""
    backend = LLMBackend(settings.model_copy(update={"use_cache": False, "max_retries": 0}))
    secret = settings.api_key.get_secret_value() if settings.api_key is not None else None
    lines = [asyncio.run(_check_model(backend, secret))]
    if lines[0].ok:
        lines.append(_check_mode(backend))
    backend.close()
    return lines


async def _check_model(backend: LLMBackend, secret: str | None) -> CheckLine:
    client = ChatClient(backend.base_url, secret or "no-key", backend.settings.timeout)
    request = {
        "model": backend.settings.model,
        "messages": [{"role": "user", "content": "回复：好"}],
        "max_tokens": 8,
    }
    try:
        reply = await client.create(request)
    except ApiConnectionError as error:
        return CheckLine("endpoint", False, f"{backend.base_url}: {describe_error(error, secret)}")
    except ApiStatusError as error:
        where = "endpoint" if error.status_code in (401, 403) else "model"
        return CheckLine(
            where, False, f"{backend.settings.model} at {backend.base_url}: {describe_error(error, secret)}"
        )
    finally:
        await client.aclose()
    text = completion_text(reply).strip()
    return CheckLine(
        "endpoint and model", True, f"{backend.settings.model} at {backend.base_url} replied {text[:20]!r}"
    )


def _check_mode(backend: LLMBackend) -> CheckLine:
    document = DocumentSpan(index=0, start=0, end=len(_PROBE_TEXT))
    chunk = Chunk(0, 0, len(_PROBE_TEXT), _PROBE_TEXT, document)
    try:
        extraction = backend.extract(chunk)
    except BackendError as error:
        return CheckLine("mode", False, f"{backend.settings.mode}: {error.message}")
    found = len(extraction.targets) + len(extraction.goals) + len(extraction.tasks)
    used = (
        backend.mode
        if backend.mode == backend.settings.mode
        else f"{backend.mode} (fell back from {backend.settings.mode})"
    )
    return CheckLine(
        "mode", True, f"{used}: a structured reply with {found} item(s), {len(extraction.dropped)} dropped"
    )
