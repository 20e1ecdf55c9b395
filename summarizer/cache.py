"""A disk cache of model replies, so that a rerun of the same batch makes no model call.

A key is the sha256 of everything that shapes a reply (base URL, model, mode, prompt version, schema
hash, the user message with the chunk text, temperature); the API key is never part of it. Values are
JSON text of complete, validated results only: a failed call writes nothing. diskcache (SQLite) is safe
under concurrent threads and processes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import diskcache

REPLIES_SUBDIR = "replies"


def reply_key(
    *,
    base_url: str,
    model: str,
    mode: str,
    prompt_version: str,
    schema_hash: str,
    chunk_text: str,
    temperature: float,
) -> str:
    parts = [
        base_url.rstrip("/"),
        model,
        mode,
        prompt_version,
        schema_hash,
        chunk_text,
        repr(float(temperature)),
    ]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def _open(directory: Path) -> diskcache.Cache:
    import diskcache

    return diskcache.Cache(str(directory / REPLIES_SUBDIR))


class ReplyCache:
    """Model replies by key, as JSON objects. Opened on first use."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._cache: diskcache.Cache | None = None

    def _store(self) -> diskcache.Cache:
        if self._cache is None:
            self._cache = _open(self.directory)
        return self._cache

    def get(self, key: str) -> dict[str, Any] | None:
        text = self._store().get(key)
        if not isinstance(text, str):
            return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        self._store().set(key, json.dumps(value, ensure_ascii=False))

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None


@dataclass(frozen=True)
class CacheStats:
    directory: Path
    entries: int
    size_bytes: int


def cache_stats(directory: Path) -> CacheStats:
    """How many replies the cache holds and its size on disk; an absent cache is empty (and stays absent)."""
    directory = Path(directory)
    if not (directory / REPLIES_SUBDIR).is_dir():
        return CacheStats(directory, 0, 0)
    with _open(directory) as store:
        entries = len(store)
    size = sum(path.stat().st_size for path in (directory / REPLIES_SUBDIR).rglob("*") if path.is_file())
    return CacheStats(directory, entries, size)


def clear_cache(directory: Path) -> int:
    """Remove every cached reply; returns how many there were."""
    directory = Path(directory)
    if not (directory / REPLIES_SUBDIR).is_dir():
        return 0
    with _open(directory) as store:
        return store.clear()
