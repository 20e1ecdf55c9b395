"""A document's readable label: ``河南省 2025年政府工作报告``, from its place, year and title.

Never ``document 0`` nor the spaced ``政 府 工 作 报 告`` of a typeset title: the title's spaces go, and the
year and place it repeats are said once. A title that is a date line (``2020年1月21日在阜平县第十七届人民
代表大会第四次会议上``) names the report given to a people's congress: a 政府工作报告. A document without a
title is named by its file.
"""

from __future__ import annotations

import re
from pathlib import PurePath

REPORT = "政府工作报告"
_SPACES = re.compile(r"[\s\u3000]+")
_LEADING_DATE = re.compile(r"^[0-9０-９]{4}\s*年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?")
_CONGRESS = re.compile(r"人民代表大会")


def document_label(place: str | None, year: int | None, title: str | None, source: str) -> str:
    """``{place} {year}年{genre}``; the parts not known are left out, the file named where the title is."""
    genre = _genre(title, place)
    head = " ".join(part for part in (place, f"{year}年" if year is not None else None) if part)
    if genre is None:
        name = PurePath(source).name
        return f"{head} ({name})" if head else name
    if head.endswith("年"):
        return head + genre
    return f"{head} {genre}" if head else genre


def _genre(title: str | None, place: str | None) -> str | None:
    text = _SPACES.sub("", title or "")
    if not text:
        return None
    if REPORT in text:
        return REPORT
    if _CONGRESS.search(text):
        return REPORT
    text = _LEADING_DATE.sub("", text)
    if place and text.startswith(place):
        text = text[len(place) :]
    return text or None
