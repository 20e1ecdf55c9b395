"""A disk cache of model replies, so that a rerun of the same batch makes no model call.

A key is the sha256 of everything that shapes a reply (base URL, model, mode, prompt version, schema
hash, the user message with the chunk text, temperature); the API key is never part of it. Values are
JSON text of complete, validated results only: a failed call writes nothing. diskcache (SQLite) is safe
under concurrent threads and processes.

A cache is a help, never a reason for a run to fail. A damaged one (its SQLite file cut short or
overwritten) is set aside as ``replies.damaged-<time>`` and a new one started; one in a read-only folder
is read (SQLite opened read-only: its replies are used, new ones are not kept); one that cannot be used
at all (a full folder, a read-only folder with no cache in it) leaves the run uncached. Either is said once, as a ``SummarizerWarning``
(one ``warning:`` line from the CLI), and the run goes on. ``summarizer cache clear`` removes a damaged
cache whole, and what was set aside.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.errors import OutputError, SummarizerWarning

if TYPE_CHECKING:
    import diskcache

REPLIES_SUBDIR = "replies"
DAMAGED_PREFIX = REPLIES_SUBDIR + ".damaged-"
# What SQLite says of a file that is not, or no longer, a whole database.
_DAMAGE_WORDS = ("malformed", "not a database", "corrupt")
# What can go wrong with a cache: SQLite's errors (damage, a read-only database) and the system's.
CACHE_ERRORS = (sqlite3.Error, OSError)


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


class ReadOnlyStore:
    """A diskcache cache in a folder this process may not write, read with SQLite opened read-only.

    diskcache opens its database read-write and sets it up (tables, settings, the WAL journal), which
    a read-only folder refuses; so the rows are looked up here, by the key diskcache stored, and their
    values read back by diskcache's own ``Disk``. Nothing is written: ``set`` does nothing.
    """

    def __init__(self, folder: Path) -> None:
        import diskcache

        database = folder / "cache.db"
        if not database.is_file():
            raise FileNotFoundError(2, "no cache in it", str(database))
        self._disk = diskcache.Disk(str(folder))
        # immutable: nothing can change the file on a read-only folder, so SQLite needs no -shm or lock.
        self._sql = sqlite3.connect(
            f"{database.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
        try:
            self._sql.execute("SELECT key, raw, mode, filename, value FROM Cache LIMIT 1").fetchall()
        except sqlite3.Error:
            self._sql.close()
            raise

    def get(self, key: str) -> Any:
        stored, raw = self._disk.put(key)
        row = self._sql.execute(
            "SELECT mode, filename, value FROM Cache WHERE key = ? AND raw = ? "
            "AND (expire_time IS NULL OR expire_time > ?)",
            (stored, raw, time.time()),
        ).fetchone()
        if row is None or row[0] == _PICKLED:
            return None  # the cache holds text only; a pickle is not unpickled from a folder not ours
        return self._disk.fetch(row[0], row[1], row[2], False)

    def set(self, key: str, value: Any) -> None:
        """Read-only: a new reply is not kept."""

    def __len__(self) -> int:
        return int(self._sql.execute("SELECT COUNT(*) FROM Cache").fetchone()[0])

    def close(self) -> None:
        self._sql.close()

    def __enter__(self) -> ReadOnlyStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_PICKLED = 4  # diskcache's MODE_PICKLE


def _read_only(directory: Path) -> bool:
    """Whether the cache's folder (or the cache in it) cannot be written by this process."""
    folder = directory / REPLIES_SUBDIR
    return not os.access(directory, os.W_OK) or (folder.is_dir() and not os.access(folder, os.W_OK))


def is_damage(error: BaseException) -> bool:
    """Whether an error of the cache says its database is damaged (rather than, say, read-only)."""
    return isinstance(error, sqlite3.DatabaseError) and any(word in str(error) for word in _DAMAGE_WORDS)


class ReplyCache:
    """Model replies by key, as JSON objects. Opened on first use; damaged, set aside and started anew;
    unusable, not used for the rest of the run (said once, the run goes on)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._cache: diskcache.Cache | ReadOnlyStore | None = None
        self._unusable = False

    def _store(self) -> diskcache.Cache | ReadOnlyStore | None:
        if self._cache is None and not self._unusable:
            try:
                self._cache = _open(self.directory)
            except CACHE_ERRORS as error:
                self._cache = self._recover(error)
        return self._cache

    @property
    def usable(self) -> bool:
        """False once the cache could not be used (and was given up for this run)."""
        return not self._unusable

    def get(self, key: str) -> dict[str, Any] | None:
        store = self._store()
        if store is None:
            return None
        try:
            text = store.get(key)
        except CACHE_ERRORS as error:
            self._cache = self._recover(error)
            return None
        if not isinstance(text, str):
            return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        store = self._store()
        if store is None:
            return
        try:
            store.set(key, json.dumps(value, ensure_ascii=False))
        except CACHE_ERRORS as error:
            self._cache = self._recover(error)

    def _recover(self, error: BaseException) -> diskcache.Cache | ReadOnlyStore | None:
        """After an error: a damaged cache set aside and a new one opened; a read-only one read only;
        else none for this run."""
        self.close()
        if not is_damage(error) and _read_only(self.directory):
            try:
                reader = ReadOnlyStore(self.directory / REPLIES_SUBDIR)
            except CACHE_ERRORS:
                pass  # nothing to read there: said below, uncached
            else:
                _warn(
                    f"the cache {self.directory} is read-only: the replies it holds are used, "
                    "new ones are not kept"
                )
                return reader
        if is_damage(error):
            try:
                aside = set_aside(self.directory)
                fresh = _open(self.directory)
            except CACHE_ERRORS as second:
                error = second
            else:
                _warn(
                    f"the cache {self.directory} is damaged ({error}): set aside as {aside.name}, a new one started"
                )
                return fresh
        self._unusable = True
        reason = _reason(error) if os.access(self.directory, os.W_OK) else "its folder is read-only"
        _warn(f"the cache {self.directory} cannot be used ({reason}): this run goes on without it")
        return None

    def close(self) -> None:
        if self._cache is not None:
            cache, self._cache = self._cache, None
            with contextlib.suppress(*CACHE_ERRORS):
                cache.close()


def set_aside(directory: Path) -> Path:
    """Move a damaged cache out of the way, kept for a look (``cache clear`` removes it)."""
    aside = directory / f"{DAMAGED_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}"
    (directory / REPLIES_SUBDIR).rename(aside)
    return aside


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


def _warn(message: str) -> None:
    warnings.warn(message, SummarizerWarning, stacklevel=3)


@dataclass(frozen=True)
class CacheStats:
    directory: Path
    entries: int
    size_bytes: int
    # Why the cache cannot be read, else None; damaged caches set aside are counted in the size.
    problem: str | None = None
    damaged: bool = False  # the problem is damage (the next run sets it aside)
    read_only: bool = False  # read, not written: runs use its replies and keep no new ones


def cache_stats(directory: Path) -> CacheStats:
    """How many replies the cache holds and its size on disk; an absent cache is empty (and stays absent)."""
    directory = Path(directory)
    size = sum(
        path.stat().st_size
        for path in _cache_folders(directory)
        for path in path.rglob("*")
        if path.is_file()
    )
    if not (directory / REPLIES_SUBDIR).is_dir():
        return CacheStats(directory, 0, size)
    try:
        with _open(directory) as store:
            entries = len(store)
    except CACHE_ERRORS as error:
        if is_damage(error) or not _read_only(directory):
            return CacheStats(directory, 0, size, _reason(error), damaged=is_damage(error))
        try:
            with ReadOnlyStore(directory / REPLIES_SUBDIR) as reader:
                entries = len(reader)
        except CACHE_ERRORS as second:
            return CacheStats(directory, 0, size, _reason(second), damaged=is_damage(second))
        return CacheStats(directory, entries, size, read_only=True)
    return CacheStats(directory, entries, size)


@dataclass(frozen=True)
class Cleared:
    replies: int
    # Damaged caches removed whole (the one in use, and those set aside): their replies cannot be counted.
    damaged: int


def clear_cache(directory: Path) -> int:
    """Remove every cached reply (and damaged caches); returns how many replies could be counted."""
    return clear_cache_and_damage(directory).replies


def clear_cache_and_damage(directory: Path) -> Cleared:
    """Remove every cached reply, a damaged cache whole, and the damaged caches set aside."""
    directory = Path(directory)
    removed = damaged = 0
    try:
        if (directory / REPLIES_SUBDIR).is_dir():
            try:
                with _open(directory) as store:
                    removed = store.clear()
            except sqlite3.DatabaseError as error:
                if not is_damage(error):
                    raise
                shutil.rmtree(directory / REPLIES_SUBDIR)
                damaged += 1
        for aside in directory.glob(DAMAGED_PREFIX + "*"):
            shutil.rmtree(aside)
            damaged += 1
    except CACHE_ERRORS as error:
        raise OutputError(f"cannot clear the cache: {_reason(error)}", path=directory) from None
    return Cleared(removed, damaged)


def _cache_folders(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return [
        path
        for path in directory.iterdir()
        if path.name == REPLIES_SUBDIR or path.name.startswith(DAMAGED_PREFIX)
    ]
