"""Places: the name of the jurisdiction that speaks (SPEC.md section 2.1), and its level.

A name is only taken where the document names itself: the congress its date line names
(``在保定市满城区第三届人民代表大会第二次会议上``), the government it speaks for (``我代表容城县人民政府``), a
byline (``涞源县人民政府县长``), a dated title (``2025年安徽省政府工作报告``), or the State Council (``全国``).
``全县`` and ``我市`` name no place, nor does a name that merely occurs in the body (``项目落户易县``): null
rather than a guess. Of a chain of names the last is the speaker's: ``保定市满城区`` is ``满城区``. A
document whose self-references make it national (``我国``, ``全国各族人民``) is ``全国``.
"""

from __future__ import annotations

import re
from collections import defaultdict

from summarizer.models import Jurisdiction

NATIONAL = "全国"
_SUFFIX = r"(?:特别行政区|自治区|自治州|自治县|省|市|州|县|区|旗)"
_NAME_CHAIN = rf"(?P<chain>[\u4e00-\u9fff]{{1,16}}?{_SUFFIX})"
_NAME_PART = re.compile(rf"[\u4e00-\u9fff]+?{_SUFFIX}")
_ORDINAL = r"第?[一二三四五六七八九十]{1,4}届"
_CUES: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(rf"在{_NAME_CHAIN}[ \u3000]*{_ORDINAL}[ \u3000]*人民代表大会"), 4.0),
    (re.compile(rf"代表{_NAME_CHAIN}(?:{_ORDINAL})?人民政府"), 4.0),
    (
        re.compile(
            rf"(?:^|\n|[ \u3000])(?:[0-9]{{4}}年)?{_NAME_CHAIN}人民政府(?:代理|代)?(?:省长|市长|县长|区长|州长|主席|旗长)"
        ),
        3.0,
    ),
    (re.compile(rf"(?:^|\n)[^\n]{{0,8}}?[0-9０-９]{{4}}[ \u3000]?年{_NAME_CHAIN}(?:人民)?政府工作报告"), 2.0),
    (re.compile(rf"(?:^|\n){_NAME_CHAIN}[0-9０-９]{{4}}[ \u3000]?年(?:人民)?政府工作报告"), 2.0),
    # The plan submitted with the report is the place's own: 请连同《保定市清苑区国民经济和社会发展第十四个五年规划…》.
    (re.compile(rf"(?:连同|一并)[^\n《]{{0,6}}《(?:[0-9０-９]{{4}}年)?{_NAME_CHAIN}国民经济和社会发展"), 2.0),
)
_NATIONAL_CUE = re.compile(
    r"代表国务院|代表中央人民政府|国务院向大会|中华人民共和国国务院|国务院总理|国务院[^\n]{0,40}全[国國]人民代表大[会會]"
    r"|全[国國]人民代表大[会會][^\n]{0,60}(?:政府工作报告|国务院|政府工作)"
)
_NOT_A_NAME = re.compile(
    r"^(?:[全我本该各省市州县区]|自治|上级|下级|同级|当地|地方|所在|人民)|^[一二三四五六七八九十百千]+.$"
)
_HEAD = 600
_LEVELS: tuple[tuple[str, Jurisdiction], ...] = (
    ("特别行政区", "省"),
    ("自治区", "省"),
    ("自治州", "州"),
    ("自治县", "县"),
    ("省", "省"),
    ("市", "市"),
    ("州", "州"),
    ("县", "县"),
    ("旗", "县"),
    ("区", "区"),
)


def place_of(body: str, level: Jurisdiction | None = None) -> str | None:
    """The place that speaks, as the document names itself, or None."""
    head = body[:_HEAD]
    votes: defaultdict[str, float] = defaultdict(float)
    if _NATIONAL_CUE.search(head):
        votes[NATIONAL] += 4.0
    for pattern, weight in _CUES:
        for match in pattern.finditer(head):
            name = _speaker(match.group("chain"))
            if name is not None:
                votes[name] += weight
    if not votes and level == "国家":
        votes[NATIONAL] += 1.0
    ranked = sorted(votes.items(), key=lambda vote: vote[1], reverse=True)[:2]
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def level_of(place: str) -> Jurisdiction | None:
    """The level of a named place: ``满城区`` 区, ``广西壮族自治区`` 省, ``全国`` 国家."""
    if place == NATIONAL:
        return "国家"
    for suffix, level in _LEVELS:
        if place.endswith(suffix):
            return level
    return None


def _speaker(chain: str) -> str | None:
    """The last name of a chain (``保定市满城区`` -> ``满城区``); None when it names no place (``县``)."""
    parts = _NAME_PART.findall(chain)
    if not parts:
        return None
    name = parts[-1]
    if len(name) < 2 or _NOT_A_NAME.match(name):
        return None
    return name


_COUNTY_LEVEL_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:县|区|市)$")


def series_key(place: str) -> str:
    """The name under which one place's documents line up across a change of status.

    A county that became a district or a city (徐水县 → 徐水区, 清苑县 → 清苑区) is the same place:
    the key drops the final 县, 区 or 市 of a name of three characters or more. A province keeps its
    name whole (吉林省 and 吉林市 stay apart).
    """
    return _COUNTY_LEVEL_SUFFIX.sub("", place)
