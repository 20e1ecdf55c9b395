from __future__ import annotations

import json
from pathlib import Path

from summarizer.split import split_documents

COMPILATION = (
    "目录\n"
    "在市委经济工作会议上的讲话\u00a0\n"
    "在全市经济工作会议上的总结讲话\n"
    "在市委经济工作会议上的讲话\n"
    "同志们：\n今年全市经济稳中向好。\n"
    "在全市经济工作会议上的总结讲话\n"
    "同志们：\n明年要抓好以下工作。\n"
)


def test_single_document_covers_the_file() -> None:
    text = "同志们：\n今年全市经济稳中向好。\n"
    [document] = split_documents(text)
    assert (document.start, document.end, document.title) == (0, len(text), None)


def test_single_document_title_from_its_first_line() -> None:
    text = "在全县经济工作会议上的讲话\n同志们：\n今年全县经济稳中向好。\n"
    assert split_documents(text)[0].title == "在全县经济工作会议上的讲话"


def test_first_line_that_is_a_sentence_is_no_title() -> None:
    text = "关于今年工作总结及明年工作打算，主要有四个方面：\n一、成效\n"
    assert split_documents(text)[0].title is None


def test_compilation_opens_each_speech_at_its_title_line() -> None:
    documents = split_documents(COMPILATION)
    assert [d.title for d in documents] == ["在市委经济工作会议上的讲话", "在全市经济工作会议上的总结讲话"]
    first_title = COMPILATION.index("在市委经济工作会议上的讲话\n同志们")
    second_title = COMPILATION.index("在全市经济工作会议上的总结讲话\n同志们")
    assert [(d.start, d.end) for d in documents] == [
        (first_title, second_title),
        (second_title, len(COMPILATION)),
    ]


def test_table_of_contents_belongs_to_no_document() -> None:
    documents = split_documents(COMPILATION)
    assert "目录" not in "".join(COMPILATION[d.start : d.end] for d in documents)


def test_seed_compilation_matches_its_hand_labels() -> None:
    root = Path(__file__).resolve().parent.parent
    text = (root / "seeds" / "004_36cc8cee4c64f578.txt").read_text(encoding="utf-8")
    gold = json.loads(
        (root / "evals" / "fixtures" / "seeds" / "004_36cc8cee4c64f578.json").read_text(encoding="utf-8")
    )
    spans = [(d.title, d.start, d.end) for d in split_documents(text)]
    assert spans == [(d["title"], d["start"], d["end"]) for d in gold["documents"]]
