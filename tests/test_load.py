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
        pytest.param(TEXT.encode("utf-16"), id="utf-16-with-its-bom"),
        pytest.param(b"\xfe\xff" + TEXT.encode("utf-16-be"), id="utf-16-big-endian"),
        pytest.param(b"\xff\xfe" + TEXT.encode("utf-16-le"), id="utf-16-little-endian"),
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
        pytest.param(b"\xff\xfe\x00\xd8", "not valid UTF-16", id="broken-utf-16"),
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


def test_a_lone_cr_is_a_line_end_and_keeps_every_offset() -> None:
    old_mac = "一、2022年工作回顾\r过去一年，地区生产总值增长6%。\r二、2023年工作安排\r"
    text = decode_bytes(old_mac.encode("utf-8"))
    assert text == old_mac.replace("\r", "\n")
    assert len(text) == len(old_mac)
    assert decode_bytes(TEXT.encode("utf-8")).count("\r\n") == 1  # CRLF stays as it is


def test_cr_only_and_utf_16_files_give_the_same_items_as_lf_utf_8(tmp_path: Path) -> None:
    from summarizer.pipeline import summarize_file

    report = (
        "政府工作报告\n——2023年1月9日在某县第十七届人民代表大会第二次会议上\n各位代表：\n一、2022年工作回顾\n"
        "过去一年，全县地区生产总值增长6.8%，固定资产投资增长5%。\n二、2023年工作安排\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n（一）加快产业升级。要培育新兴产业。\n"
    )
    files = {
        "lf.txt": report.encode("utf-8"),
        "cr.txt": report.replace("\n", "\r").encode("utf-8"),
        "utf16.txt": report.encode("utf-16"),
    }
    found = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        summary = summarize_file(tmp_path / name)
        found[name] = [(t.quote, t.start) for d in summary.documents for t in d.targets]
    assert len(found["lf.txt"]) == 3
    assert found["cr.txt"] == found["lf.txt"] == found["utf16.txt"]
