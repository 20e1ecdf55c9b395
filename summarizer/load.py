"""Load: read a file's bytes and decode them as SPEC.md section 1 says (UTF-8, BOM dropped, else GB18030)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError

# Share of control characters (other than tab, CR, LF, FF) above which decoded text is taken as binary.
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class SourceText:
    source: str
    text: str
    sha256: str


def decode_bytes(data: bytes, source: str = "<bytes>") -> str:
    """The text of a document's bytes; raises InputError for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError("file is empty", path=source)
    if b"\x00" in data:
        raise InputError("file looks binary (it holds NUL bytes), not a text document", path=source)
    text = _decode(data, source)
    if not text.strip():
        raise InputError("file is empty", path=source)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError("file looks binary (many control characters), not a text document", path=source)
    return text


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError("file is neither UTF-8 nor GB18030 text", path=source) from None


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / len(text)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_file(path: Path) -> SourceText:
    """Read and decode one input file."""
    if not path.exists():
        raise InputError("no such file", path=path)
    if path.is_dir():
        raise InputError("is a directory, not a file (use `summarizer batch` for folders)", path=path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=path) from None
    return SourceText(source=str(path), text=decode_bytes(data, str(path)), sha256=sha256_of(data))
