"""File names as text: what the output's ``source`` and every message say a file is called.

A POSIX file name is bytes. Python hands a name that is not UTF-8 over with each such byte as a
lone surrogate (``bad\\udcff.txt``), which no UTF-8 file, JSON or terminal can hold. Such a byte is
written as ``\\xNN`` instead (``bad\\xff.txt``), the same way everywhere: in ``source``, in messages,
in the keys ``batch --resume`` matches; ``path_from_text`` finds the file again from that text. A
name that is valid UTF-8 is written exactly as the system gives it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_ESCAPED_BYTE = re.compile(rb"\\x([0-9a-f]{2})")


def path_text(path: str | os.PathLike[str]) -> str:
    """The path as text: as given, each byte of it that is not UTF-8 as ``\\xNN``."""
    text = os.fspath(path)
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def path_from_text(text: str) -> Path:
    """The file ``path_text`` wrote as ``text``: the name itself if it exists, else with ``\\xNN`` as bytes."""
    path = Path(text)
    if "\\x" not in text or path.exists():
        return path
    raw = _ESCAPED_BYTE.sub(lambda match: bytes([int(match.group(1), 16)]), text.encode("utf-8"))
    return Path(os.fsdecode(raw))
