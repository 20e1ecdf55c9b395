"""Real file systems for the tests of write errors: a full one and a read-only one.

Both are mounted tmpfs file systems, which needs root (CI runs as root); elsewhere the tests that
need them skip, saying why. A read-only folder is a plain ``chmod`` for a user who is not root.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(folder: Path, *options: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    ran = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if ran.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({ran.stderr.strip() or 'not root'}): needs root, as in CI")


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@contextlib.contextmanager
def full_filesystem(folder: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs at ``folder``, filled up: creating a file works, writing a byte more does not."""
    if os.geteuid() != 0:
        pytest.skip("a full file system is a tmpfs mounted here, which needs root (CI runs as root)")
    _mount(folder, "size=64k")
    try:
        filler = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            with contextlib.suppress(OSError):
                while True:
                    os.write(filler, b"\0" * 4096)
        finally:
            os.close(filler)
        yield folder
    finally:
        _unmount(folder)


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """``folder`` with what it holds, made read-only: a tmpfs remounted read-only as root, else chmod."""
    if os.geteuid() != 0:
        modes = {path: path.stat().st_mode for path in [folder, *folder.rglob("*")]}
        for path in modes:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield folder
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    holding = folder.with_name(folder.name + ".contents")
    if folder.exists():
        folder.rename(holding)
    _mount(folder, "size=64m")
    try:
        if holding.exists():
            subprocess.run(["cp", "-a", f"{holding}/.", str(folder)], check=True)
        ran = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, text=True)
        if ran.returncode != 0:
            pytest.skip(f"cannot remount the tmpfs read-only: {ran.stderr.strip()}")
        yield folder
    finally:
        _unmount(folder)
        if holding.exists():
            folder.rmdir()
            holding.rename(folder)
