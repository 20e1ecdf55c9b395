"""The backend interface and the registry of backends by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from summarizer.errors import ConfigError
from summarizer.models import Chunk, Extraction

if TYPE_CHECKING:
    from summarizer.config import Settings


@runtime_checkable
class Backend(Protocol):
    """Chunk text in, validated items out."""

    name: str
    model: str | None
    prompt_version: str | None
    chunk_chars: int
    chunk_overlap: int

    def extract(self, chunk: Chunk) -> Extraction: ...


@runtime_checkable
class AsyncBackend(Backend, Protocol):
    """A backend that can also extract without blocking, so that many chunks are in flight at once."""

    async def aextract(self, chunk: Chunk) -> Extraction: ...

    async def aclose(self) -> None:
        """Release what is bound to the running event loop (connections), before the loop ends."""


BackendFactory = Callable[["Settings"], Backend]

_FACTORIES: dict[str, BackendFactory] = {}
# Built-in backends are imported on first use, so that `summarizer --version` stays fast
# and the model path's heavy packages load only when it runs.
_BUILTIN_MODULES = {"rules": "summarizer.backends.rules", "llm": "summarizer.backends.llm"}


def register_backend(name: str) -> Callable[[BackendFactory], BackendFactory]:
    def register(factory: BackendFactory) -> BackendFactory:
        _FACTORIES[name] = factory
        return factory

    return register


def available_backends() -> list[str]:
    return sorted(set(_FACTORIES) | set(_BUILTIN_MODULES))


def get_backend(name: str, settings: Settings) -> Backend:
    if name not in _FACTORIES and name in _BUILTIN_MODULES:
        importlib.import_module(_BUILTIN_MODULES[name])
    if name not in _FACTORIES:
        choices = ", ".join(available_backends())
        raise ConfigError(f"unknown backend {name!r} (choose from: {choices})")
    return _FACTORIES[name](settings)
