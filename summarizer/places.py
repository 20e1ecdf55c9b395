"""Places: the name of the jurisdiction that speaks (docs/output.md, section 3: ``place``), and its level.

A name is only taken where the document names itself, never guessed:
- in its head: the congress its date line names (``在保定市满城区第三届人民代表大会第二次会议上``), the
  government it speaks for (``我代表容城县人民政府``), a byline (``涞源县人民政府县长``), a dated title
  (``2025年安徽省政府工作报告``), the committee of its title (``在中共贵州省委经济工作会议上的讲话``), or the
  State Council (``全国``);
- else in its body, where the genre names the place that speaks in fixed phrases of its own: the thanks to
  those who ``关心支持易县发展``, ``是容城发展史上极不平凡的一年``, ``开创清苑更加美好的明天``, a province's
  ``深入贯彻习近平总书记考察云南重要讲话精神``. Such a name is completed by the level the document speaks
  at (``容城`` in a county's report is ``容城县``) and taken only where the level is known and the name leads.

``全县`` and ``我市`` name no place, nor does a name that merely occurs in the body (``项目落户易县``): null
rather than a guess. Of a chain of names the last is the speaker's: ``保定市满城区`` is ``满城区``. A
document whose self-references make it national (``我国``, ``全国各族人民``) is ``全国``. Every name is
given in its shortest full form: ``贵州`` is ``贵州省``, ``广西`` ``广西壮族自治区`` (``data/places.json``).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources

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
    # A speech's title names the committee whose conference it is given at: 在中共贵州省委经济工作会议上的讲话.
    (re.compile(rf"(?:^|\n)[^\n]{{0,4}}?在(?:中共)?{_NAME_CHAIN}委[^\n]{{0,24}}?(?:会议|全会)"), 3.0),
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
# The genre's phrases that name the place that speaks, anywhere in the body (its name in group ``name``).
_BODY_NAME = r"(?P<name>[\u4e00-\u9fff]{1,8}?)"
_SELF_NAMING: tuple[re.Pattern[str], ...] = (
    # The thanks at the close of the review: 向关心支持易县发展的…, 向所有关心和支持容城建设的朋友们,
    # 向关心、支持和参与定兴发展的…, 向所有为定兴发展做出贡献的…, 向在清苑创业的投资者.
    re.compile(
        rf"关心(?:和|、)?支持(?:和参与|、参与)?(?:和)?{_BODY_NAME}(?:的)?"
        r"(?:高质量|改革|振兴|现代化|经济社会)?(?:发展|建设)"
    ),
    re.compile(
        rf"为{_BODY_NAME}(?:的)?(?:经济社会)?(?:建设和发展|发展和建设|发展|建设)(?:做出|作出)(?:了)?(?:积极|重要)?贡献"
    ),
    re.compile(rf"向[^。\n]{{0,20}}在{_BODY_NAME}(?:投资)?创业的"),
    # 开创容城发展新局面, 共同创造容城更加美好的明天, 谱写幸福海南新篇章, 把湘西州打造成为….
    re.compile(
        rf"(?:开创|创造|谱写|书写)(?:新时代)?(?:中国式现代化)?{_BODY_NAME}(?:现代化)?(?:经济社会|高质量|改革)?(?:发展)?(?:的)?"
        r"(?:更加美好|新局面|新篇章|美好的明天)"
    ),
    re.compile(rf"把{_BODY_NAME}(?:打造|建设)成"),
    # 2019年，是清苑发展史上极不平凡的一年; 清苑已经站在新的历史起点.
    re.compile(rf"(?:是|为){_BODY_NAME}发展史上"),
    re.compile(rf"(?<![\u4e00-\u9fff]){_BODY_NAME}(?:已经|又将|正|已)(?:站在|迎来|处在|处于)"),
    # 我们在容城这片热土上朝夕勤勉.
    re.compile(rf"在{_BODY_NAME}这片(?:热土|土地)"),
)
# A province names itself where it cites the General Secretary's visit: 深入贯彻习近平总书记考察云南重要讲话精神.
_PROVINCE_NAMING = re.compile(rf"(?:视察|考察){_BODY_NAME}(?:时的|期间)?重要(?:讲话|指示)")
# Beijing calls itself the capital: 向关心支持首都建设的….
_CAPITAL = {"首都": "北京市"}
# Words those phrases also take that name no place of the document's own: a topic (开创协同发展新局面), a
# higher level (关心和支持中国现代化建设), a part of the place (把经济开发区打造成).
_NOT_A_BODY_NAME = re.compile(
    r"[的和与及、]|现代化|就业|^(?:中国|祖国|中华|民族|国家|新时代|人民|社会|经济|地区|我们|我国)"
    r"|^(?:协同|融合|高质量|绿色|创新|开放|改革|区域|城乡|乡村|产业|民生|科学|和谐|跨越|转型|各项|事业)$"
    r"|(?:开发区|园区|区域|新区|部门|城市|农村|企业|项目)$"
)
_PHRASE_VOTE = 2.0
_MENTION_VOTE = 0.25
_MOST_MENTIONS = 12
_BODY_FLOOR = 3.0
# A province's report writes its own name again and again (广东 65 times, 澳门 12).
_PROVINCE_MENTIONS = 5
_PROVINCE_LEAD = 3
_BODY_MARGIN = 2.0
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


def place_of(body: str, level: Jurisdiction | None = None, title: str | None = None) -> str | None:
    """The place that speaks, as the document names itself, in its shortest full form; or None."""
    named = _named_in_head(body, title)
    if named is not None:
        return full_form(named)
    if level == "国家":
        return NATIONAL
    if level is None:
        return None
    return _named_in_body(body, level)


def _named_in_head(body: str, title: str | None) -> str | None:
    head = (title + "\n" if title and not body.startswith(title) else "") + body[:_HEAD]
    votes: defaultdict[str, float] = defaultdict(float)
    if _NATIONAL_CUE.search(head):
        votes[NATIONAL] += 4.0
    for pattern, weight in _CUES:
        for match in pattern.finditer(head):
            name = _speaker(match.group("chain"))
            if name is not None:
                votes[name] += weight
    return _leader(votes)


def _leader(votes: dict[str, float], margin: float = 1.0) -> str | None:
    """The name with the most votes, if it has more than ``margin`` times the runner-up's."""
    ranked = sorted(votes.items(), key=lambda vote: vote[1], reverse=True)[:2]
    if not ranked or (len(ranked) == 2 and ranked[0][1] <= ranked[1][1] * margin):
        return None
    return ranked[0][0]


def _named_in_body(body: str, level: Jurisdiction) -> str | None:
    """The place the body names in the genre's self-naming phrases, completed by the level; None if unclear.

    Each phrase is a vote for its name; a name also gains a little for every time the body writes it, so that
    the place a report is about outweighs one it names in passing; at the provincial level a province's name
    written again and again, three times as often as any other, counts as a phrase. One phrase and a name written often enough suffice; two names
    near level leave the place null.
    """
    votes: defaultdict[str, float] = defaultdict(float)
    matches = [match for pattern in _SELF_NAMING for match in pattern.finditer(body)]
    if level in ("省", "市"):
        matches += _PROVINCE_NAMING.finditer(body)
    forms: defaultdict[str, set[str]] = defaultdict(set)
    for match in matches:
        name = _completed(match.group("name"), level, body)
        if name is not None:
            votes[name] += _PHRASE_VOTE
            forms[name].add(match.group("name"))
    province = _province_written_most(body) if level == "省" else None
    if province is not None:
        votes[province] += _PHRASE_VOTE
    for name in list(votes):
        written = max([_written(body, name), *(body.count(form) for form in forms[name])])
        votes[name] += min(written, _MOST_MENTIONS) * _MENTION_VOTE
    leader = _leader(votes, margin=_BODY_MARGIN)
    if leader is None or votes[leader] < _BODY_FLOOR:
        return None
    return leader


def _province_written_most(body: str) -> str | None:
    """The province whose name the body writes again and again, three times as often as any other's."""
    counts = sorted(
        ((_written(body, name), name) for name in _official_names()[0].values() if level_of(name) == "省"),
        reverse=True,
    )
    (most, province), (second, _) = counts[:2]
    return province if most >= _PROVINCE_MENTIONS and most >= second * _PROVINCE_LEAD else None


def full_form(name: str) -> str:
    """The shortest full form of a name: ``贵州`` and ``贵州省`` are ``贵州省``, ``湘西州`` is ``湘西土家族苗族自治州``.

    A bare name is completed only where it is a province's (``贵州``); a city that shares a province's name
    (``吉林市``) stays itself.
    """
    provinces, prefectures = _official_names()
    if name in provinces:
        return provinces[name]
    stem, suffix = _split_suffix(name)
    if suffix in ("省", "自治区", "特别行政区") and stem in provinces:
        return provinces[stem] if level_of(provinces[stem]) == "省" else name
    if suffix == "市" and provinces.get(stem, "").endswith("市"):
        return provinces[stem]
    if suffix in ("州", "自治州") and stem in prefectures:
        return prefectures[stem]
    return name


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


def _completed(written: str, level: Jurisdiction, body: str) -> str | None:
    """A name as a self-naming phrase writes it (``容城``, ``易县``, ``云南``), as the place of ``level``.

    None where it cannot be a place of that level: a word that is no name (``国防和军队``, ``中国``), a
    province's name in a county's report, a name whose own suffix is of another level (``保定市``).
    """
    if _NOT_A_BODY_NAME.search(written) or _NOT_A_NAME.match(written):
        return None
    provinces, prefectures = _official_names()
    if _split_suffix(written)[1]:
        name = full_form(_speaker(written) or written)
        return name if level_of(name) == level else None
    province = provinces.get(written) or (_CAPITAL.get(written) if level == "市" else None)
    if level == "省" or province is not None:
        return province if province is not None and level_of(province) == level else None
    if len(written) < 2 or _written_at_another_level(body, written, level):
        return None
    if level == "州":
        return prefectures.get(written, written + "州")
    if level == "县":
        for suffix in ("自治县", "旗"):
            if written + suffix in body:
                return written + suffix
    return written + level


def _written_at_another_level(body: str, stem: str, level: Jurisdiction) -> bool:
    """Whether the body writes ``stem`` with the suffix of another level more often than with its own
    (``保定市`` in a county's report: ``把保定建设成`` is the city's)."""
    counts: defaultdict[bool, int] = defaultdict(int)
    for suffix, suffix_level in _LEVELS:
        counts[suffix_level == level] += body.count(stem + suffix)
    return counts[False] > counts[True]


def _split_suffix(name: str) -> tuple[str, str]:
    for suffix, _ in _LEVELS:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def _written(body: str, name: str) -> int:
    """How often the body writes a place's name, in full or as its stem (``容城县`` or ``容城``)."""
    stem, _ = _split_suffix(name)
    provinces, prefectures = _official_names()
    short = {full: short for short, full in [*provinces.items(), *prefectures.items()]}.get(name)
    return body.count(short or (stem if len(stem) >= 2 else name))


@lru_cache(maxsize=1)
def _official_names() -> tuple[dict[str, str], dict[str, str]]:
    """Short name -> full name of the provinces and of the autonomous prefectures (``data/places.json``)."""
    data = json.loads(
        resources.files("summarizer").joinpath("data", "places.json").read_text(encoding="utf-8")
    )
    return data["provinces"], data["autonomous_prefectures"]


_COUNTY_LEVEL_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:县|区|市)$")


def series_key(place: str) -> str:
    """The name under which one place's documents line up across a change of status.

    A county that became a district or a city (徐水县 → 徐水区, 清苑县 → 清苑区) is the same place:
    the key drops the final 县, 区 or 市 of a name of three characters or more. A province keeps its
    name whole (吉林省 and 吉林市 stay apart).
    """
    return _COUNTY_LEVEL_SUFFIX.sub("", place)
