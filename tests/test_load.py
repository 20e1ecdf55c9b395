from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.load import decode_bytes, load_file

TEXT = "预计全年GDP增长8.8%。\r\n明年力争增长8.5%左右。"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), id="utf-8-bom-dropped"),
        pytest.param(TEXT.encode("gb18030"), id="gb18030"),
    ],
)
def test_decodes_and_keeps_line_endings(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b" \n\t\r\n", "empty", id="white-space-only"),
        pytest.param(b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary", id="nul-bytes"),
        pytest.param(bytes(range(1, 32)) * 4, "binary", id="control-characters"),
        pytest.param(b"\x81\x30", "neither UTF-8 nor GB18030", id="undecodable"),
    ],
)
def test_refuses_what_is_not_a_document(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_bytes(data, "x.txt")


def test_missing_file_and_directory_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_file(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="directory"):
        load_file(tmp_path)


def test_sha256_is_of_the_file_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    import hashlib

    assert load_file(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
