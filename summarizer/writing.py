"""Writing output files so that nothing is lost: a lock per output, no silent overwrite, atomic replaces.

Every command that writes a file takes ``claim_output`` first: an advisory lock on ``<file>.lock``
(``flock``) that any other run writing the same file respects, so that a second run stops at once
and says which process holds it; and a refusal to replace an existing non-empty file unless the
user said ``--overwrite`` (or, for ``batch``, ``--resume``). Whole files are written to a temporary
file beside the output and renamed into place; ``batch`` appends whole lines instead. Every
operating-system error of writing becomes an ``OutputError``: one line, a non-zero exit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from summarizer.errors import OutputError

try:
    import fcntl
except ImportError:  # not POSIX: no lock, the rest holds
    fcntl = None  # type: ignore[assignment]

_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.EISDIR: "it is a directory",
    errno.ENOTDIR: "a part of the path is a file, not a directory",
    errno.ENOENT: "no such directory",
    errno.EPIPE: "the reader went away (broken pipe)",
}


def output_error(error: OSError, path: Path | str) -> OutputError:
    """A one-line error for an operating-system error met writing ``path``."""
    reason = _REASONS.get(error.errno or 0, error.strerror or str(error))
    return OutputError(f"cannot write: {reason}", path=path)


def refuse_to_replace(path: Path, *, overwrite: bool, resume_hint: bool = False) -> None:
    """Stop before any work when ``path`` holds something and the user did not say to replace it."""
    if path.is_dir():
        raise OutputError("cannot write: it is a directory", path=path)
    if overwrite or not path.exists():
        return
    if not path.is_file() or path.stat().st_size == 0:
        return
    how = (
        "--resume to go on with it, or --overwrite to replace it"
        if resume_hint
        else "--overwrite to replace it"
    )
    raise OutputError(f"exists and is not empty: nothing written (use {how})", path=path)


@contextlib.contextmanager
def claim_output(path: Path, *, overwrite: bool = False, resume: bool | None = None) -> Iterator[None]:
    """Hold the output's lock for the run, after checking that it may be written.

    ``resume`` is None for a command that has no ``--resume``; True lets an existing file be gone on with.
    """
    with output_lock(path):
        if not resume:
            refuse_to_replace(path, overwrite=overwrite, resume_hint=resume is not None)
        yield


@contextlib.contextmanager
def output_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on ``<path>.lock``, held until the block ends.

    Another holder makes this fail at once with its pid. The lock file is left in place: removing
    it would let a third run lock a new file while a second still holds the old one.
    """
    if path.exists() and not path.is_file() and not path.is_dir():
        yield  # a device or a pipe (/dev/stdout): nothing to lock beside it
        return
    lock_path = path.with_name(path.name + ".lock")
    try:
        make_parent(path)
        handle = open(lock_path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole block
    except OSError as error:
        raise output_error(error, path) from None
    try:
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _holder(handle)
                raise OutputError(
                    f"is being written by another summarizer run{f' (pid {holder})' if holder else ''}; "
                    "wait for it to end or write elsewhere",
                    path=path,
                ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()


def _holder(handle: IO[str]) -> str | None:
    handle.seek(0)
    text = handle.read().strip()
    return text if text.isdigit() else None


def write_atomically(
    path: Path, write: Callable[[IO[str]], None], *, encoding: str = "utf-8", newline: str | None = None
) -> None:
    """Write a whole file through ``write`` into a temporary file beside ``path``, then rename it there.

    A path that is not a regular file (``/dev/stdout``, a named pipe) is written straight through.
    """
    if path.exists() and not path.is_file() and not path.is_dir():
        _write_through(path, write, encoding, newline)
        return
    try:
        make_parent(path)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise output_error(error, path) from None
    try:
        with os.fdopen(descriptor, "w", encoding=encoding, newline=newline) as sink:
            write(sink)
            sink.flush()
            os.fsync(sink.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise output_error(error, path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write_through(path: Path, write: Callable[[IO[str]], None], encoding: str, newline: str | None) -> None:
    try:
        with path.open("w", encoding=encoding, newline=newline) as sink:
            write(sink)
    except OSError as error:
        raise output_error(error, path) from None


def make_parent(path: Path) -> None:
    """Create the output's folder; a file where a folder should be is ENOTDIR, as the system would say."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent)) from None


def write_text_atomically(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    def write(sink: IO[str]) -> None:
        sink.write(text)

    write_atomically(path, write, encoding=encoding)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Bytes (a spreadsheet) into a temporary file beside ``path``, renamed into place."""
    if path.exists() and not path.is_file() and not path.is_dir():
        try:
            path.write_bytes(data)
        except OSError as error:
            raise output_error(error, path) from None
        return
    try:
        make_parent(path)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(descriptor, "wb") as sink:
            sink.write(data)
            sink.flush()
            os.fsync(sink.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(temporary)
        raise output_error(error, path) from None
