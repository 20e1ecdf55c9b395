"""Check: does the configured endpoint answer, does the model reply, does the structured mode work?

The same client as a run's (``client.openai_client``): the same base URL, key, organization, project,
TLS and redirects.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from summarizer.backends.llm import LLMBackend
from summarizer.backends.llm.calls import api_error_of, describe_error, status_of
from summarizer.backends.llm.client import model_name, openai_client, provider_of
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
    lines = [] if provider_of(settings) else [asyncio.run(_check_model(backend, secret))]
    if all(line.ok for line in lines):
        lines.append(_check_mode(backend))
    backend.close()
    return lines


async def _check_model(backend: LLMBackend, secret: str | None) -> CheckLine:
    client = openai_client(backend.settings)
    model = model_name(backend.settings)
    try:
        reply = await client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": "回复：好"}], max_tokens=8
        )
    except Exception as error:
        if api_error_of(error) is None:
            raise
        status = status_of(error)
        where = "endpoint" if status is None or status in (401, 403) else "model"
        subject = (
            backend.base_url if where == "endpoint" and status is None else f"{model} at {backend.base_url}"
        )
        return CheckLine(where, False, f"{subject}: {describe_error(error, secret)}")
    finally:
        await client.close()
    choices = reply.choices or []
    text = str((choices[0].message.content if choices else "") or "").strip()
    return CheckLine("endpoint and model", True, f"{model} at {backend.base_url} replied {text[:20]!r}")


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
