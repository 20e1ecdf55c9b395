"""Number grammar of the genre: numerals (Arabic, full-width, Chinese), units, ranges and qualifiers.

Used by the rules backend to find quantities, and by the model backend to normalize and check what a
model returns. Offsets in a ``NumberMention`` are relative to the text that was searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from summarizer.models import Qualifier
from summarizer.pattern_starts import (
    charset_led,
    finditer_held,
    finditer_led,
    led_by_first_characters,
    without_capturing_groups,
)

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％ＸｘＸ－～／·", "0123456789.,%Xxx-~/.")
_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0, "两": 2, "兩": 2}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点"

# ``1 8 5 8亿美元``: a scraped report that spaced out every digit; three or more such digits are one number.
_SPACED_DIGITS = r"[0-9](?: [0-9]){2,}(?![0-9])"
# Older texts write the decimal point as a middle dot (``增长19·5％``); only before a percentage, since
# ``“7·18”强降雨`` names a day.
# ``8 ．8 ％``, ``1 5 ．3 ％``, ``3.6 2亿元``: the same, with a decimal point; a space stands next to the point or
# between the digits.
_SPACED_DECIMAL = (
    r"[0-9０-９](?: ?[0-9０-９])* [.．] ?[0-9０-９](?: ?[0-9０-９])*(?![0-9０-９])"
    r"|[0-9０-９](?: ?[0-9０-９])*[.．] [0-9０-９](?: ?[0-9０-９])*(?![0-9０-９])"
    r"|[0-9０-９](?: [0-9０-９])+[.．][0-9０-９](?: ?[0-9０-９])*(?![0-9０-９])"
    r"|[0-9０-９]+[.．][0-9０-９]+(?: [0-9０-９])+(?![0-9０-９])"
)
_ARABIC = rf"(?:{_SPACED_DECIMAL}|{_SPACED_DIGITS}|[0-9０-９]+(?:[,，][0-9０-９]{{3}})*(?:[.．][0-9０-９]+|·[0-9０-９]+(?=\s?[%％]))?)"
_PLACEHOLDER = r"[XxＸｘ]{1,3}(?:[.．][XxＸｘ]{1,3})?(?![A-Za-z])"
# A Chinese numeral with its 万/亿 (``三亿八千万``, ``二千零五十亿``) and decimals (``三十九点七``); the big units
# are moved into the unit when the quantity is read (``三亿八千万吨`` is 3.8 亿吨).
_CN = r"(?:[零〇一二两三四五六七八九十百千]+(?:万亿|亿|万)?)+(?:点[零〇一二三四五六七八九]+)?"
# A denominator of zero is no fraction (0/0).
_FRACTION = r"[0-9]+/0*[1-9][0-9]*"

PLACEHOLDER_RE = re.compile(rf"^{_PLACEHOLDER}$")
_ARABIC_RE = re.compile(rf"^{_ARABIC}$")
_ARABIC_WITH_BIG_UNIT_RE = re.compile(rf"^({_ARABIC})([万亿]+)$")
_FRACTION_RE = re.compile(rf"^{_FRACTION}$")
_ANY_NUMBER_RE = re.compile(
    rf"{_ARABIC}|[零〇一二两三四五六七八九十百千万亿]*[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
)

# Longest first where one unit starts another: the alternation takes the first that fits.
_UNITS_TEXT = """
    个百分点 百分点 个工作日 个月 年一遇 元/月 元/年 元/人 元/吨 万亿元 亿元 万元 美元 亿美元
    万美元 元 万人次 人次 万辆次 辆次 万场次 场次 万株 株 万人 万名 万户 万家 万个 万件 万口 万亩 亿吨公里 万吨公里 吨公里 亿人公里 人公里 万吨 万斤 万担 担
    亿斤 万千瓦 千瓦时 千瓦 亿千瓦时 亿度 万度 亿方 万方 万种 万架 万马力 马力 万平方米 平方米 万平米 平米 平方公里 公里 千米 万立方米/秒 立方米/秒 万立方米 立方米 万公方 公方 米 万辆 万套 万台 万头
    万标准箱 标准箱 万标箱 万公顷 公顷 公斤 千克 剂次 EFlops EFLOPS PFlops PF P
    % ％ ‰ 人 名 户 家 个 项 件 条 所 座 亩
    吨 斤 天 倍 成 轮 口 辆 台 套 处 间 张 头 列 标箱 宗 艘 起
    只 批 次 场 届 位 岁 小时 分钟 年 月 日 万 亿
"""
UNITS: tuple[str, ...] = tuple(_UNITS_TEXT.split())
# ``一一列举``: one by one, no count of trains. ``8.7万P``, ``2000PF``, ``15EFlops``: computing power; a P that opens a word (PPP, PM2.5) is none.
_UNIT = "|".join(
    "列(?!举)" if u == "列" else re.escape(u) + "(?![A-Za-z])" if u[0] in "EP" else re.escape(u)
    for u in UNITS
)
# What a bare 万/亿 that follows 多/余 may be the multiplier of (``550多万公里``, ``360多亿吨``): a unit of its own.
_BASE_AFTER_BIG = "|".join(
    re.escape(u) for u in UNITS if u[0] not in "万亿%％‰个百EP" and u not in ("倍", "成")
)

# A Chinese numeral is only a number where a unit, a range or 多/余 follows it (else it writes a word:
# 统一, 一是); the lookahead keeps the scan from stopping at every such character.
_CN_WITH_UNIT = rf"{_CN}(?=\s?(?:[—–\-－~～至到多余]|{_UNIT}))"
_NUMBER = rf"(?:{_FRACTION}|{_ARABIC}|{_PLACEHOLDER}|{_CN_WITH_UNIT})"
# A quantity: number, optional 多/余, optional unit; a range repeats the number (and maybe the unit).
_AFTER_LOW = (
    rf"\s?(?P<low_unit>{_UNIT})?(?:\s?(?P<dash>[—–\-－~～至到])\s?(?P<high>{_ARABIC}|{_PLACEHOLDER}|{_CN}))?"
    rf"\s?(?P<more>[多余])?\s?(?P<unit>{_UNIT})?(?:(?<=[万亿])(?P<base>{_BASE_AFTER_BIG})(?!阶))?(?P<more2>余)?"
)
# The number written to open on the class of its first characters (pattern_starts): ``re`` looks into the
# group ``low`` for it and skips, in C, every character no number starts on (tests/test_pattern_starts.py).
_QUANTITY_RE = re.compile(rf"(?P<low>{charset_led(_NUMBER) or _NUMBER}){_AFTER_LOW}")

_PER_WORDS_NUMBER = rf"(?:{_ARABIC}|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
_PER_WORDS_RE = re.compile(
    rf"(?P<per>[百千])分之(?P<n>{_PER_WORDS_NUMBER})(?:[至到—\-～~](?:[百千]分之)?(?P<high>{_PER_WORDS_NUMBER}))?"
)
# ``(?:万亿|亿|万)`` after one of the verbs, written to open on its first character, so that ``re`` skips the
# others in C (a pattern that opens on a lookaround is tried at every character): 万 may go on to 万亿.
_BARE_BIG_UNIT_RE = re.compile(
    r"[万亿](?<=[破过回上达超逾近差][万亿])(?:(?<=万)亿)?(?:元|美元|人次|人|吨|列|户|亩|辆|台|套|千瓦|平方米|公里|标箱)"
)

_RANKING_RE = re.compile(
    r"(?:(?P<verb>排名|排|位居|位列|跃居|跃升为|跃升至|上升为|上升到|上升至|升至|居|并列|列|蝉联|稳居|保持)"
    r"(?P<scope1>[^，。；、0-9]{0,8}?)"
    r"|(?P<scope2>全[国省市州区县]|全球|世界|全国同类城市|同类城市))"
    r"(?:第(?P<n>[0-9]+|[一二三四五六七八九十]+)(?P<tail>位|名|大)?|(?P<first>首位))"
    r"(?!产业|次|批|书记|要务|动力|责任|生产力|资源|方阵|梯队|届|轮|期|季|号|部|章|节|个|条|项)"
)
# Where the rankings are, scanned led by the class of their first characters (their groups keep the pattern
# itself from opening on one): ``re`` skips the other characters in C; _RANKING_RE reads each one found.
_RANKING_SCAN = led_by_first_characters(without_capturing_groups(_RANKING_RE.pattern))
_RANK_LIST_TAIL_RE = re.compile(r"[、和及与]第([0-9]+|[一二三四五六七八九十]+)(?:位|名)?(?![0-9])")
_RANK_START_BEFORE = re.compile(r"[由从][^，。；]{0,5}$")
_SCOPE_RE = re.compile(r"全[国省市州区县]|全球|世界")
# ``(?:“零|零)`` rather than ``“?零``: a pattern that opens on a literal is scanned for its first characters
# in C, one that opens on an optional mark is tried at every position.
_ZERO_RE = re.compile(r"(?:“零|零)(?:发生|暴发|爆发|成本|事故|死亡|伤亡|感染|排放)”?")
_QUALIFIER_BEFORE: tuple[tuple[str, Qualifier], ...] = (
    ("不低于", "at_least"),
    ("不少于", "at_least"),
    ("不超过", "at_most"),
    ("不高于", "at_most"),
    ("不到", "at_most"),
    ("不足", "at_most"),
    ("低于", "at_most"),
    ("少于", "at_most"),
    ("超过", "at_least"),
    ("超", "at_least"),
    ("突破", "at_least"),
    ("至少", "at_least"),
    ("逾", "at_least"),
    ("接近", "approx"),
    ("大约", "approx"),
    ("大約", "approx"),
    ("約", "approx"),
    ("约合", "approx"),
    ("约", "approx"),
    ("近", "approx"),
)
_QUALIFIER_AFTER: tuple[tuple[str, Qualifier], ...] = (
    ("以内", "at_most"),
    ("以下", "at_most"),
    ("左右", "approx"),
    ("上下", "approx"),
    ("以上", "at_least"),
    ("大关", "at_least"),
    ("台阶", "at_least"),  # ``粮食产量跃上500亿斤台阶``: a threshold passed
    ("多", "at_least"),
    ("余", "at_least"),
)
_QUALIFIER_BEFORE_BY_WORD: dict[str, Qualifier] = dict(_QUALIFIER_BEFORE)
_QUALIFIER_AFTER_BY_WORD: dict[str, Qualifier] = dict(_QUALIFIER_AFTER)
_QUALIFIER_BEFORE_RE = re.compile(
    "(?:" + "|".join(sorted(_QUALIFIER_BEFORE_BY_WORD, key=len, reverse=True)) + ")$"
)
_QUALIFIER_AFTER_RE = re.compile("|".join(_QUALIFIER_AFTER_BY_WORD))
_QUALIFIER_AFTER_FIRST = frozenset(word[0] for word in _QUALIFIER_AFTER_BY_WORD)
_QUALIFIER_BEFORE_LAST = frozenset(word[-1] for word in _QUALIFIER_BEFORE_BY_WORD)
# Words that end in 约 (签约, 节约, 预约, 履约 …): a number after them is what was signed or saved, not about so much.
_WORDS_ENDING_IN_YUE = frozenset("签节预制履缔合特公契集简违解续毁邀")


class NumberMention(NamedTuple):
    """A number with its unit (or a range of two), where it stands in the searched text.

    ``start``/``end`` cover the numbers and the unit; a qualifier around them is not included.
    ``value`` is None for a placeholder (``XX%``). A named tuple: tens of thousands are made per report.
    """

    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: Qualifier | None
    start: int
    end: int
    scope: str | None = None


def _parse_chinese(s: str) -> float:
    """The value of a Chinese numeral: ``二千零五十`` 2050, ``一亿零五百万`` 105000000, ``三万亿`` 3e12,
    ``三十九点七`` 39.7, ``一九五八`` (digit by digit) 1958."""
    integer, _, decimals = s.partition("点")
    value = float(_chinese_integer(integer)) if integer else 0.0
    if decimals:
        if not all(ch in _CN_DIGITS for ch in decimals):
            raise ValueError(f"not a Chinese numeral: {s!r}")
        value += float("0." + "".join(str(_CN_DIGITS[ch]) for ch in decimals))
    return value


def _chinese_integer(s: str) -> int:
    if len(s) > 1 and all(ch in _CN_DIGITS for ch in s):
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    for big, size in (("亿", 100_000_000), ("万", 10_000)):
        at = s.rfind(big)
        if at >= 0:
            high, low = s[:at], s[at + 1 :]
            return (_chinese_integer(high) if high else 1) * size + (_chinese_integer(low) if low else 0)
    total, digit = 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            total += (1 if digit is None else digit) * _CN_SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + (digit or 0)


def split_big_unit(numeral: str, value: float) -> tuple[float, str]:
    """A Chinese numeral's value in its largest big unit, as the genre writes units: ``三亿八千万`` is
    (3.8, ``亿``), ``一千二百万`` (1200, ``万``), ``三万亿`` (3, ``万亿``); ``二千零五十`` is (2050, ``"")``."""
    integer = numeral.partition("点")[0]
    for big, size in (("万亿", 1e12), ("亿", 1e8), ("万", 1e4)):
        if big in integer and (big != "万" or "亿" not in integer):
            return round(value / size, 10), big
    return value, ""


def parse_number(s: str) -> float | None:
    """The value of a written number; None for a placeholder (``XX``). Raises ValueError for non-numbers."""
    if s.isascii() and s.replace(".", "", 1).isdigit():
        return float(s)
    text = s.strip().translate(_FULL_WIDTH)
    if not text:
        raise ValueError("empty number")
    if PLACEHOLDER_RE.match(text):
        return None
    if _ARABIC_RE.match(text):
        return float(text.replace(",", "").replace(" ", ""))
    if _FRACTION_RE.match(text):
        numerator, denominator = text.split("/")
        return float(numerator) / float(denominator)
    match = _ARABIC_WITH_BIG_UNIT_RE.match(text)
    if match:
        value = float(match.group(1).replace(",", ""))
        for ch in match.group(2):
            value *= _CN_BIG_UNITS[ch]
        return value
    if all(ch in CN_NUMERAL_CHARS for ch in text):
        return _parse_chinese(text)
    raise ValueError(f"not a number: {s!r}")


def normalize_unit(s: str | None) -> str | None:
    """The unit as the labels write it: half-width ``%``, no spaces, ``百分点`` as ``个百分点``."""
    if s is None:
        return None
    known = _NORMALIZED_UNITS.get(s)
    if known is None:
        unit = "".join(s.split()).translate(_FULL_WIDTH)
        known = _NORMALIZED_UNITS[s] = "个百分点" if unit == "百分点" else unit
    return known or None


# A few dozen units are written, tens of thousands of times: each is normalized once.
_NORMALIZED_UNITS: dict[str, str] = {}


def qualifier_of(before: str, after: str) -> Qualifier | None:
    """The qualifier written just before and just after a number (``约``, ``左右``, ``以上``, ``以内`` …).

    What follows the number wins: ``控制在3%左右`` is approx, ``控制在5.5%以内`` at_most.
    """
    after = after.lstrip()
    if after[:1] in _QUALIFIER_AFTER_FIRST and (following := _QUALIFIER_AFTER_RE.match(after)):
        return _QUALIFIER_AFTER_BY_WORD[following.group()]
    before = before.rstrip()
    if before[-1:] not in _QUALIFIER_BEFORE_LAST:
        return None  # told by one character, most numbers having no qualifier at all
    preceding = _QUALIFIER_BEFORE_RE.search(before)
    if preceding is None or (preceding.group() == "约" and before[-2:-1] in _WORDS_ENDING_IN_YUE):
        return None  # ``签约18个``, ``节约二十亿元``: the end of a verb, no ``约`` of approximation
    return _QUALIFIER_BEFORE_BY_WORD[preceding.group()]


def numbers_in(text: str) -> list[float]:
    """Every number written in ``text``, Arabic or Chinese (placeholders are not numbers)."""
    values: list[float] = []
    for match in _ANY_NUMBER_RE.finditer(text):
        try:
            value = parse_number(match.group())
        except ValueError:
            continue
        if value is not None:
            values.append(value)
    return values


@lru_cache(maxsize=4096)
def _value(s: str | None) -> float | None:
    """``parse_number`` or None; the same few thousand numbers make most of a corpus's, so remembered."""
    if s is None:
        return None
    try:
        return parse_number(s)
    except ValueError:
        return None


def _combined_unit(low_unit: str | None, unit: str | None, has_high: bool) -> str | None:
    if unit and low_unit in ("万", "亿") and not has_high:
        return low_unit + unit
    return unit or low_unit


def find_quantities(text: str) -> list[NumberMention]:
    """Numbers with their units in ``text``: single values, ranges, placeholders, with their qualifiers.

    Chinese numerals count only when a unit follows them (``六成``), since they also write words
    (``统一``, ``一是``). A range needs a unit after its second number (``6-6.5%``).
    """
    mentions: list[NumberMention] = []
    for match in _QUANTITY_RE.finditer(text):
        low, low_unit, high, more, unit, more2, base = match.group(
            "low", "low_unit", "high", "more", "unit", "more2", "base"
        )
        if base:
            unit += base  # ``550多万公里``: 万公里, not 万 and a name 公里
        if high is not None and unit is None:
            high = None
        if high is None and low_unit and unit and low_unit not in ("万", "亿"):
            unit = None
        written_unit = _combined_unit(low_unit, unit, high is not None)
        chinese = low[0] in CN_NUMERAL_CHARS
        if chinese and written_unit is None:
            continue
        end = match.end("low")
        if low_unit:
            end = max(end, match.end("low_unit"))
        if unit:
            end = max(end, match.end("base") if base else match.end("unit"))
        if high is not None:
            end = max(end, match.end("high"))
        more = more or more2
        after = ("多" if more and unit else "") + text[end : end + 3]
        if more and not unit:
            end = max(end, match.end("more"))
        start = match.start()
        qualifier = qualifier_of(text[max(0, start - 3) : start], after)
        value, value_high = _value(low), _value(high)
        if chinese and value is not None:
            value, big = split_big_unit(low, value)
            if value_high is not None and high is not None:
                value_high, _ = split_big_unit(low if big else high, value_high)
            written_unit = big + (written_unit or "") if big else written_unit
        mentions.append(NumberMention(value, value_high, normalize_unit(written_unit), qualifier, start, end))
    mentions += _fractions_in_words(text) + _bare_big_units(text)
    mentions.sort(key=lambda mention: mention.start)
    return _borrow_list_units(text, _without_overlaps(mentions))


def _fractions_in_words(text: str) -> list[NumberMention]:
    """``百分之六十五`` 65 %, ``百分之三十九点七`` 39.7 %, ``千分之十三`` 13 ‰."""
    found = []
    for match in finditer_held(_PER_WORDS_RE, text):
        value, high = _value(match.group("n")), _value(match.group("high"))
        if value is None:
            continue
        end = match.end()
        qualifier = qualifier_of(text[max(0, match.start() - 3) : match.start()], text[end : end + 3])
        unit = "%" if match.group("per") == "百" else "‰"
        found.append(NumberMention(value, high, unit, qualifier, match.start(), end))
    return found


def _bare_big_units(text: str) -> list[NumberMention]:
    """``突破万亿元``, ``重回万亿元规模``: a big unit with no digit counts one."""
    found = []
    for match in _BARE_BIG_UNIT_RE.finditer(text):
        end = match.end()
        qualifier = qualifier_of(text[max(0, match.start() - 3) : match.start()], text[end : end + 3])
        found.append(NumberMention(1.0, None, match.group(), qualifier, match.start(), end))
    return found


def _without_overlaps(mentions: list[NumberMention]) -> list[NumberMention]:
    kept: list[NumberMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def _borrow_list_units(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """``0.9和1.1个百分点``, ``1个、2个和3.3个百分点``: the values of a list take the unit of its last one."""
    fixed = list(mentions)
    for i in range(len(fixed) - 2, -1, -1):
        current, following = fixed[i], fixed[i + 1]
        if not following.unit or following.start - current.end != 1 or text[current.end] not in "、和及与":
            continue
        if current.unit is None or (
            following.unit.startswith(current.unit) and current.unit != following.unit
        ):
            fixed[i] = current._replace(unit=following.unit)
    return fixed


# Units a Chinese numeral may carry and still be a figure: measures, money, people in 万, shares.
_CN_MEASURE_UNIT_RE = re.compile(
    r"^(?:%|‰|个百分点|成|倍|(?:万亿|亿|万)?(?:元|美元|吨公里|人公里|吨|斤|公斤|千瓦|千瓦时|平方米|平方公里|公里|米|亩|人次|人|户|名|台|辆|套|头|只|个|家|所|座|条|项|件|处|列|担|立方米|公方)|万千瓦|千瓦时)$"
)
# A lone numeral character makes words with most units (二元结构, 一个, 两项, 千家万户): only these count.
_CN_LONE_NUMERAL_UNITS = frozenset({"%", "成", "倍"})


def chinese_numeral_counts(numeral: str, unit: str | None) -> bool:
    """Whether a Chinese numeral with this unit is a figure rather than part of a word.

    ``二千零五十亿元``, ``百分之六十五``, ``五十一个`` and ``六成`` are figures; ``一个``, ``两项``, ``二元结构``,
    ``千家万户`` are words: a lone numeral character counts only as a share or a multiple.
    """
    if unit is None or not _CN_MEASURE_UNIT_RE.match(unit):
        return False
    return len(numeral) > 1 or unit in _CN_LONE_NUMERAL_UNITS


def find_rankings(text: str) -> list[NumberMention]:
    """Rankings: ``排第47位``, ``居全省第一``, ``蝉联世界首位``, ``全球第六大``; unit ``位``, scope ``全省`` …"""
    rankings = []
    for match in finditer_led(_RANKING_RE, _RANKING_SCAN, text):
        if match.group("verb") in ("列", "保持") and not match.group("scope1"):
            continue
        if _RANK_START_BEFORE.search(text, max(0, match.start() - 6), match.start()):
            continue  # ``由全国第11位上升到…``: where a ranking started, not where it is
        written = match.group("n")
        value = 1.0 if match.group("first") else parse_number(written)
        start = match.start("n") - 1 if written else match.start("first")
        scope = _SCOPE_RE.search(match.group())
        field = scope.group() if scope else None
        rankings.append(NumberMention(value, None, "位", None, start, match.end(), field))
        end = match.end()
        while following := _RANK_LIST_TAIL_RE.match(text, end):  # ``分别居全国第2、第4位``
            rankings.append(
                NumberMention(
                    parse_number(following.group(1)),
                    None,
                    "位",
                    None,
                    following.start(1) - 1,
                    following.end(),
                    field,
                )
            )
            end = following.end()
    return rankings


def find_zeros(text: str) -> list[NumberMention]:
    """``零发生``, ``“零成本”``: an outcome of zero written as a word; ``与上年持平``, ``指数持平``: a change
    of zero (unit ``%``, see ``find_flat``). In text order."""
    zeros = [NumberMention(0.0, None, None, None, m.start(), m.end()) for m in _ZERO_RE.finditer(text)]
    flat = find_flat(text)
    return sorted(zeros + flat, key=lambda mention: mention.start) if zeros and flat else zeros or flat


# ``居民消费价格与上年持平``, ``指数持平``, ``涨幅基本持平``: no change from the year before, a change of 0%.
# Bare, 持平 follows the measure's name (指数, 价格, 涨幅, 总量 …) or a hedge (基本持平: about 0); after
# another benchmark (与全国持平, 与经济增长基本同步) it is a gap of zero, no figure of the measure itself.
_FLAT_RE = re.compile(
    r"(?P<bench>(?:与|同|和|比|较)(?:上年|去年|上一年)(?:同期|末|底)?|同比)?"
    r"(?P<hedge>基本|大体|总体|大致)?持平(?![稳台衡])"
)
_FLAT_AFTER_A_NAME_RE = re.compile(r"[数格幅平量模额率值入出价]$")
_OTHER_BENCHMARK_RE = re.compile(r"(?:与|同|和|跟|比|较)[^，。；、]{1,8}$")


def find_flat(text: str) -> list[NumberMention]:
    """``与上年持平``: a change of zero against the year before, as a mention of 0 ``%`` (approx when
    hedged: ``基本持平``). The mention covers the benchmark and the word."""
    found = []
    for match in _flat_matches(text):
        before = text[max(0, match.start() - 12) : match.start()]
        if not match.group("bench") and (
            not (match.group("hedge") or _FLAT_AFTER_A_NAME_RE.search(before))
            or _OTHER_BENCHMARK_RE.search(before)
        ):
            continue
        qualifier: Qualifier | None = "approx" if match.group("hedge") else None
        found.append(NumberMention(0.0, None, "%", qualifier, match.start(), match.end()))
    return found


_FLAT_WORD = "持平"
_FLAT_REACH = 8  # the longest benchmark and hedge written before it: 与上一年同期 and 基本


def _flat_matches(text: str) -> Iterator[re.Match[str]]:
    """``_FLAT_RE.finditer(text)``, searched only around each 持平 (every match ends on it): its optional
    opening groups would have the scan try the whole pattern at every character of a report."""
    searched_to = 0
    at = text.find(_FLAT_WORD)
    while at >= 0:
        # up to the character after the word, which the lookahead reads
        for match in _FLAT_RE.finditer(text, max(searched_to, at - _FLAT_REACH), at + len(_FLAT_WORD) + 1):
            yield match
            searched_to = match.end()
        at = text.find(_FLAT_WORD, at + len(_FLAT_WORD))
