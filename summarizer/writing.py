"""Writing output files so that nothing is lost: a lock per output, no silent overwrite, atomic replaces.

Every command that writes a file takes ``claim_output`` first: an advisory lock (``flock``) that any
other run writing the same file respects, so that a second run stops at once and says which process
holds it; and a refusal to replace an existing non-empty file unless the user said ``--overwrite``
(or, for ``batch``, ``--resume``). The lock is taken on the output's real path (symlinks resolved), in
a hidden file beside it (``.out.jsonl.lock``) that lives as long as the run: it is removed when the
run ends, and the kernel drops the lock with its holder, however that ends. Processes forked while a
lock is held (a batch's workers) do not keep it: their copy is closed as they start.

Whole files are written to a temporary file beside the output and renamed into place, with the mode
a new file gets under the user's umask (or the mode of the file they replace); ``batch`` appends whole
lines instead. Writing through a symlink writes the file it points to. Every operating-system error
of writing becomes an ``OutputError`` naming the output: one line, a non-zero exit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
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
    errno.EFBIG: "the file is too large",
}


def output_error(error: OSError, path: Path | str) -> OutputError:
    """A one-line error for an operating-system error met writing ``path``."""
    reason = _REASONS.get(error.errno or 0, error.strerror or str(error))
    return OutputError(f"cannot write: {reason}", path=path)


def real_path(path: Path) -> Path:
    """The file a path names, symlinks followed (also a dangling one: the file it would create)."""
    return Path(os.path.realpath(path))


def _is_special(path: Path) -> bool:
    """A device or a pipe (``/dev/stdout``, ``/dev/full``): written straight through, nothing beside it."""
    return path.exists() and not path.is_file() and not path.is_dir()


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
    A folder given as the output is refused before anything is made beside it.
    """
    if path.is_dir():
        raise OutputError("cannot write: it is a directory", path=path)
    with output_lock(path):
        if not resume:
            refuse_to_replace(path, overwrite=overwrite, resume_hint=resume is not None)
        yield


def lock_path(path: Path) -> Path:
    """Where the lock of ``path`` is held while a run writes it: a hidden file beside the real file."""
    target = real_path(path)
    return target.with_name(f".{target.name}.lock")


# Descriptors of the locks this process holds: a forked child closes its copies (``_drop_inherited``).
_HELD: set[int] = set()


@contextlib.contextmanager
def output_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock for ``path``, held until the block ends; the lock file is removed then.

    Another holder makes this fail at once with its pid. The lock file is removed while it is still
    held, and a run that locked a file which is no longer at the lock's path (removed by the holder
    that just ended) tries again on the new one, so that two runs never hold two different files.
    """
    if _is_special(path) or fcntl is None:
        yield  # a device or a pipe (/dev/stdout): nothing to lock beside it
        return
    where = lock_path(path)
    try:
        make_parent(where)
        descriptor = _acquire(where, path)
    except OSError as error:
        raise output_error(error, path) from None
    _HELD.add(descriptor)
    try:
        _write_pid(descriptor, path)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(where)
        _HELD.discard(descriptor)
        os.close(descriptor)


def _acquire(where: Path, path: Path) -> int:
    """A descriptor of the lock file at ``where``, locked; OutputError naming the holder if another has it."""
    while True:
        descriptor = os.open(where, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(descriptor)
            os.close(descriptor)
            raise OutputError(
                f"is being written by another summarizer run{f' (pid {holder})' if holder else ''}; "
                "wait for it to end or write elsewhere",
                path=path,
            ) from None
        except BaseException:
            os.close(descriptor)
            raise
        if _same_file(descriptor, where):
            return descriptor
        os.close(descriptor)  # its holder removed it as we opened it: lock the one there now


def _same_file(descriptor: int, where: Path) -> bool:
    try:
        now = os.stat(where)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)


def _write_pid(descriptor: int, path: Path) -> None:
    """The holder's pid in the lock file, for the message of a run that finds it held."""
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
    except OSError as error:
        raise output_error(error, path) from None


def _drop_inherited() -> None:
    """In a forked child: close the copies of the parent's locks, so that only the parent holds them."""
    for descriptor in list(_HELD):
        with contextlib.suppress(OSError):
            os.close(descriptor)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_inherited)


def _holder(descriptor: int) -> str | None:
    try:
        text = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return text if text.isdigit() else None


def write_atomically(
    path: Path, write: Callable[[IO[str]], None], *, encoding: str = "utf-8", newline: str | None = None
) -> None:
    """Write a whole file through ``write`` into a temporary file beside ``path``, then rename it there.

    A path that is not a regular file (``/dev/stdout``, a named pipe) is written straight through.
    """

    def write_text(sink: IO[bytes]) -> None:
        with open(sink.fileno(), "w", encoding=encoding, newline=newline, closefd=False) as text:
            write(text)

    _replace_atomically(path, write_text)


def write_text_atomically(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    def write(sink: IO[str]) -> None:
        sink.write(text)

    write_atomically(path, write, encoding=encoding)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Bytes (a spreadsheet) into a temporary file beside ``path``, renamed into place."""
    _replace_atomically(path, lambda sink: sink.write(data))


def _replace_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """The one way whole files are written: a temporary file beside the real file, renamed over it."""
    if _is_special(path):
        try:
            with path.open("wb") as sink:
                write(sink)
        except OSError as error:
            raise output_error(error, path) from None
        return
    target = real_path(path)
    temporary: str | None = None
    try:
        make_parent(target)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(descriptor, "wb") as sink:
            os.fchmod(sink.fileno(), _mode_for(target))
            write(sink)
            sink.flush()
            os.fsync(sink.fileno())
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise output_error(error, path) from None
    except BaseException:
        _remove(temporary)
        raise


def _remove(temporary: str | None) -> None:
    if temporary is not None:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _mode_for(target: Path) -> int:
    """The mode of the file being replaced, else what a new file gets under the user's umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def make_parent(path: Path) -> None:
    """Create the output's folder; a file where a folder should be is ENOTDIR, as the system would say."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent)) from None
