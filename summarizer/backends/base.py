"""The backend interface and the registry of backends by name."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from summarizer.errors import ConfigError, SummarizerError
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
ENTRY_POINT_GROUP = "summarizer.backends"

# Factories registered in this process (by code, or once an entry point is loaded).
_FACTORIES: dict[str, BackendFactory] = {}


def register_backend(name: str) -> Callable[[BackendFactory], BackendFactory]:
    """Register a factory under ``name`` in this process (a test, a notebook); installed packages use
    the entry-point group ``summarizer.backends`` instead."""

    def register(factory: BackendFactory) -> BackendFactory:
        _FACTORIES[name] = factory
        return factory

    return register


def _entry_points() -> dict[str, EntryPoint]:
    """The backends installed packages declare, the two built-in ones among them (pyproject.toml)."""
    return {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP)}


def available_backends() -> list[str]:
    return sorted(set(_FACTORIES) | set(_entry_points()))


def get_backend(name: str, settings: Settings) -> Backend:
    """The backend ``name``, made from its factory; an entry point is loaded (imported) on first use,
    so that the model path's heavy packages load only when it runs.

    A broken plugin is a setting that does not work, said in one line naming it: one that cannot be
    imported, a factory that raises (other than the package's own errors, which say what to set), and
    a factory that returns None or something that is not a backend."""
    if name not in _FACTORIES:
        point = _entry_points().get(name)
        if point is None:
            raise ConfigError(f"unknown backend {name!r} (choose from: {', '.join(available_backends())})")
        try:
            factory = point.load()
        except Exception as error:
            raise ConfigError(f"backend {name!r} could not be loaded from {point.value}: {error}") from None
        _FACTORIES.setdefault(name, factory)
    factory = _FACTORIES[name]
    try:
        backend = factory(settings)
    except SummarizerError:
        raise
    except Exception as error:
        raise ConfigError(
            f"backend {name!r} failed to start ({_origin(name, factory)}): {type(error).__name__}: {error}"
        ) from None
    if not isinstance(backend, Backend):
        raise ConfigError(
            f"backend {name!r} ({_origin(name, factory)}) returned {type(backend).__name__}, not a backend "
            "(an object with name, model, prompt_version, chunk_chars, chunk_overlap and extract)"
        )
    return backend


def _origin(name: str, factory: BackendFactory) -> str:
    point = _entry_points().get(name)
    if point is not None:
        return point.value
    return f"{getattr(factory, '__module__', '?')}:{getattr(factory, '__qualname__', factory)}"
