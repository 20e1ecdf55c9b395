"""Load: read a file's bytes and decode them as docs/output.md section 1 says (UTF-8, BOM dropped, else GB18030;
UTF-16 where a BOM says so)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError
from summarizer.paths import path_text

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_LONE_CR = re.compile(r"\r(?!\n)")
# Share of control characters (other than tab, CR, LF, FF) above which decoded text is taken as binary.
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class SourceText:
    source: str
    text: str
    sha256: str


def decode_bytes(data: bytes, source: str = "<bytes>") -> str:
    """The text of a document's bytes; raises InputError for empty, binary or undecodable input.

    UTF-16 is read where a byte-order mark says so. A lone CR (old Mac line ends) becomes LF, one
    character for one, so that every offset into the text stays where it was.
    """
    if not data.strip():
        raise InputError("file is empty", path=source)
    utf16 = data.startswith(_UTF16_BOMS)
    if b"\x00" in data and not utf16:
        raise InputError("file looks binary (it holds NUL bytes), not a text document", path=source)
    text = _decode_utf16(data, source) if utf16 else _decode(data, source)
    text = _LONE_CR.sub("\n", text)
    if not text.strip():
        raise InputError("file is empty", path=source)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError("file looks binary (many control characters), not a text document", path=source)
    return text


def _decode_utf16(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-16")  # the BOM says which byte order, and is dropped
    except UnicodeDecodeError:
        raise InputError("file starts as UTF-16 but is not valid UTF-16", path=source) from None


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
    source = path_text(path)
    return SourceText(source=source, text=decode_bytes(data, source), sha256=sha256_of(data))
