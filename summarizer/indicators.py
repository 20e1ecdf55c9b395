"""The canonical indicator registry, and each target's ``indicator_id`` from its text, unit and change.

The registry (``data/indicators.json``) lists the standard indicators of the genre: an ascii id, a
standard Chinese and an English name, the synonyms the texts write, the measures it comes in, and
which direction is better. A user's file extends it (``--indicators``, ``SUMMARIZER_INDICATORS``).

An id needs two things to agree: the indicator text, looked up among the synonyms after the
wrappers the texts put around a name are peeled off (``全市``, ``（GDP）``, ``增速``), and the
target's measure, read from its unit and change (``%`` with ``growth`` is a growth rate; ``亿元``
with ``level`` is a level). A measure the indicator does not come in leaves the id null: GDP
growth and GDP size get the same id but different measures, and ``城镇新增就业`` given as a
percentage is not a count of jobs. A text the registry does not know keeps a null id; never a guess.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from summarizer.errors import ConfigError
from summarizer.models import Summary, Target

Measure = Literal["growth", "level", "rate", "points", "change", "rank", "multiple"]
# Which way a result beats its target: ``none`` where neither is better (spending, deficits, bonds,
# imports, outputs under capacity control); the panel then says reached / not reached, never missed.
Better = Literal["higher", "lower", "none"]
BETTER: tuple[Better, ...] = ("higher", "lower", "none")
MEASURES: tuple[Measure, ...] = ("growth", "level", "rate", "points", "change", "rank", "multiple")
REGISTRY_MEASURES: frozenset[str] = frozenset({"growth", "level", "rate", "points", "change"})
PACKAGED = "summarizer/data/indicators.json"
_MEMO_SIZE = 50_000

# A percentage that is a rate of change even with change "level": 涨幅 3%, 增速 7%.
# A price index or price level given as a percentage is its change too: 居民消费价格指数控制在3%左右.
_RATE_OF_CHANGE = re.compile(
    r"(?:涨幅|增幅|增速|增长|增长率|增长速度|增长幅度|上涨幅度|上涨|涨|价格|价格指数|价格总水平|物价|物价总水平|物价总指数|"
    r"(?:递增|增长)?的?速度|递增率|递增)$"
)
# Wrappers around a name, peeled off in turn until the name is found.
_PREFIX = re.compile(
    r"^(?:累计(?:完成|实现)?|(?:平均)?每年(?:平均)?有?|全社会|全(?:国|省|市|州|县|区|盟|旗|年|部|疆)|我(?:国|省|市|州|县|区|盟|旗)|本(?:省|市|县|区)|"
    r"年末|年底|年均|(?:全省|全市|全县|全区)?(?:城乡)?(?:年度|年)|当年|新的一年|[省市县]定|(?:过去)?[两三四五十]年(?:来|间)?)"
)
_PARENTHETICAL = re.compile(r"[（(][^（()）]{0,20}[)）]")
_SUFFIX = re.compile(
    r"(?:(?:平均)?每年(?:平均)?的?(?:递增|增长)?的?(?:速度|率)|(?:平均)?每年(?:平均)?(?:递增|增长))$"
    r"|(?:的)?(?:增速|增幅|增长率|增长速度|增长幅度|年均增长|年均增速|增长|总量|规模|总额|任务|数量)$"
)
# The last characters of those suffixes; ``$`` also matches before a final line break.
_SUFFIX_ENDINGS = tuple("速幅率度长量模额务增\n")
# ``PM_2.5``: a scraped text writes the subscript with an underscore, which no name holds.
_QUOTES = str.maketrans("", "", "“”‘’\"'《》 \u3000_")
# A count of things is no measure of a length or a sum of money (the registry's 里程, 公路, 总值, 收入 …).
_COUNT_UNITS = frozenset(
    ["个", "家", "项", "件", "条", "所", "座", "名", "户", "处", "台", "套", "辆", "张", "间", "只"]
)
_NOT_COUNTED = re.compile(r"里程|公路|铁路|总值|增加值|收入|总额|投资|支出|产值")
# Comparisons with another place are gaps, not the indicator itself: 增速高于全省平均水平.
_GAP = re.compile(r"(?:高于|低于|快于|慢于|超过|领先)(?:全国|全省|全市|全州|全区|全县|平均)")


@dataclass(frozen=True)
class Indicator:
    """One entry of the registry."""

    id: str
    zh: str
    en: str
    synonyms: tuple[str, ...]
    measures: frozenset[str]
    better: Better = "none"
    # The name it goes by at a level where that is not ``zh``: 国内生产总值 for the nation.
    names_by_level: Mapping[str, str] = field(default_factory=dict)

    def name_at(self, level: str | None) -> str:
        """The standard name as a place of ``level`` writes it: 国内生产总值 for 国家, else 地区生产总值."""
        return self.names_by_level.get(level or "", self.zh)


@dataclass(frozen=True)
class Registry:
    """The indicators by id, and every synonym (in its looked-up form) to its id."""

    indicators: Mapping[str, Indicator]
    _by_name: Mapping[str, str] = field(repr=False)
    # Texts already looked up: the same few dozen names make most of a corpus's targets.
    _found: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, indicators: Iterable[Indicator]) -> Registry:
        by_id = {indicator.id: indicator for indicator in indicators}
        by_name: dict[str, str] = {}
        for indicator in by_id.values():
            for name in (indicator.zh, *indicator.synonyms):
                by_name.setdefault(lookup_form(name), indicator.id)
        return cls(by_id, by_name)

    def __len__(self) -> int:
        return len(self.indicators)

    def get(self, indicator_id: str | None) -> Indicator | None:
        return self.indicators.get(indicator_id) if indicator_id else None

    def find(self, text: str) -> Indicator | None:
        """The indicator a text names, whatever its measure; None when the registry does not know it."""
        if text not in self._found:
            if len(self._found) >= _MEMO_SIZE:
                self._found.clear()  # a long-running service meets unbounded names
            self._found[text] = self._look_up(text)
        indicator_id = self._found[text]
        return self.indicators[indicator_id] if indicator_id is not None else None

    def _look_up(self, text: str) -> str | None:
        if _GAP.search(text):
            return None
        for name in _distinct_candidate_names(text):
            indicator_id = self._by_name.get(name)
            if indicator_id is not None:
                return indicator_id
        return None

    def identify(self, text: str, unit: str | None, change: str | None) -> str | None:
        """The id of the indicator a target measures, or None when the text or its measure do not fit."""
        indicator = self.find(text)
        if indicator is None:
            return None
        if unit in _COUNT_UNITS and _NOT_COUNTED.search(indicator.zh):
            return None  # ``桑龙、城龙等7条高速公路``, ``超200亿元县2个``: roads or places counted, no length or money
        measure = measure_of(text, unit, change, indicator.measures)
        if measure == "multiple" and change in ("growth", "decline") and "growth" in indicator.measures:
            return indicator.id  # ``居民储蓄存款余额五年增长1倍多``: a growth, written as a multiple
        return indicator.id if measure in indicator.measures else None

    def identify_target(self, target: Target) -> str | None:
        return self.identify(target.indicator, target.unit, target.change)


def measure_of(
    text: str, unit: str | None, change: str | None, measures: frozenset[str] | None = None
) -> Measure:
    """What kind of number a target is, from its unit and change.

    A percentage given as a level is a rate (失业率5.5%), unless the indicator comes in no rate and
    its name says it is a change (涨幅3%, 增速7%): ``measures`` are those of the indicator, when known.
    """
    unit = (unit or "").strip()
    if unit in ("%", "％", "‰"):
        if change in ("growth", "decline"):
            return "growth"
        if measures is not None and "rate" in measures:
            return "rate"
        return "growth" if _RATE_OF_CHANGE.search(text.strip()) else "rate"
    if unit == "个百分点":
        return "points"
    if unit in ("位", "名"):
        return "rank"
    if unit == "倍":
        return "multiple"
    return "change" if change in ("growth", "decline") else "level"


def lookup_form(name: str) -> str:
    """A name as the lookup compares it: no spaces, quotes or underscores, full-width letters and digits as
    ASCII, letters upper-case, ``规上`` written out."""
    name = name.translate(_QUOTES).translate(_FULL_WIDTH)
    return name.upper().replace("规上", "规模以上")


_FULL_WIDTH = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ．",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.",
)


def candidate_names(text: str) -> list[str]:
    """The text, and the text with the wrappers around its name peeled off: each a name to look up."""
    names = [lookup_form(text.strip())]
    for peel in (_peel_parenthetical, _peel_flow, _peel_prefix, _peel_prefix, _peel_suffix, _peel_standard):
        names.extend([peel(name) for name in names])
    return [names[0], *(name for name in dict.fromkeys(names[1:]) if len(name) >= 2)]


def _distinct_candidate_names(text: str) -> list[str]:
    """``candidate_names`` without the text's own name again further on: the same names in the same order
    of first appearance, the first found in the registry the same. Each peel is applied to each distinct
    name once (a few calls) rather than to every copy (63 calls a text)."""
    names = [lookup_form(text.strip())]
    for peel in (_peel_parenthetical, _peel_flow, _peel_prefix, _peel_prefix, _peel_suffix, _peel_standard):
        seen = set(names)
        for name in names[:]:
            peeled = peel(name)
            if peeled not in seen:
                seen.add(peeled)
                names.append(peeled)
    return [names[0], *(name for name in names[1:] if len(name) >= 2)]


# Each peel first tests what its pattern needs, so that a name with nothing to peel (most of them) costs no
# search: a name is looked up in up to 15 forms, and a corpus has some 12,000 names.
def _peel_parenthetical(name: str) -> str:
    return _PARENTHETICAL.sub("", name) if "（" in name or "(" in name else name


# Other words for the flows the registry names with 新增, a level or project word inside them, and a project
# standing for its work: 新认定专精特新企业 is 新增专精特新企业, 新增国家级科技型中小企业 新增科技型中小企业,
# 棚户区改造项目 棚户区改造, 提升改造农村公路 改造农村公路; what was started of it is that work too (棚户区改造开工,
# 开工建设棚户区改造).
_FLOW_PREFIX = re.compile(r"^(?:新认定|新培育|培育|新引进|新设立|新设)")
_LEVEL_INSIDE = re.compile(
    r"^(新增)?(?:国家级|省级|市级|县级|各类)|^(新增)(?:省|市|县)(?![级场域区委政内外])"
)
_PROJECT_SUFFIX = re.compile(r"(?<=.{3})(?:项目|工程)?(?:开工建设|开工)?$")
# What a name ends with where ``_PROJECT_SUFFIX`` takes something away (``$`` also matches before a last \n).
_PROJECT_SUFFIX_ENDINGS = ("项目", "工程", "开工", "开工建设", "\n")
_STARTED_PREFIX = re.compile(r"^(?:开工建设|开工)(?=.{3})")
_UPGRADE_PREFIX = re.compile(r"^(?:提升|提质)(?=改造)")


def _peel_flow(name: str) -> str:
    name = _FLOW_PREFIX.sub("新增", name, count=1)
    name = _LEVEL_INSIDE.sub(lambda match: match.group(1) or match.group(2) or "", name, count=1)
    name = _UPGRADE_PREFIX.sub("", name, count=1)
    name = _STARTED_PREFIX.sub("", name, count=1)
    if not name.endswith(_PROJECT_SUFFIX_ENDINGS):
        return name  # only an empty match at the end, which takes nothing away: no need to search for it
    return _PROJECT_SUFFIX.sub("", name, count=1)


# A benefit standard written with its period or basis inside (``城市低保人均保障标准``, ``城镇居民低保月均标准``,
# ``农村年低保标准``): the standard of the town or the country. Without the one or the other (``低保标准``,
# ``城乡低保平均保障标准``) it names neither.
_STANDARD_RE = re.compile(
    r"^(?P<where>城市|城镇|农村)(?:居民)?(?:年|月|每月)?(?:最低生活保障|低保)"
    r"(?:月人均|人均月|年人均|人均|月均|年均|平均|每人每月|月|年)?(?:保障|补助|补差)?标准$"
)


def _peel_standard(name: str) -> str:
    if not name.endswith("标准"):
        return name
    standard = _STANDARD_RE.match(name)
    if standard is None:
        return name
    return ("农村" if standard.group("where") == "农村" else "城市") + "低保标准"


def _peel_prefix(name: str) -> str:
    prefix = _PREFIX.match(name)  # anchored at the start: the one place it can match
    return name[prefix.end() :] if prefix else name


def _peel_suffix(name: str) -> str:
    if not name.endswith(_SUFFIX_ENDINGS):
        return name
    peeled = _SUFFIX.sub("", name, count=1)
    return peeled if len(peeled) >= 2 else name


# --- Loading: the packaged registry, extended by a user's file.


def load_registry(extra: Path | None = None) -> Registry:
    """The packaged registry, extended by a user's file when one is given (its entries win)."""
    if extra is None:
        return _packaged_registry()
    stamp = _stamp(extra)
    return _registry_with(extra.resolve(), stamp)


@lru_cache(maxsize=1)
def _packaged_registry() -> Registry:
    text = resources.files("summarizer").joinpath("data", "indicators.json").read_text(encoding="utf-8")
    return Registry.of(parse_registry(text, PACKAGED))


def resolve_indicator(registry: Registry, name: str) -> Indicator:
    """The indicator a user names by its id (``gdp``), its standard name or any synonym (``生产总值``)."""
    indicator = registry.get(name.strip()) or registry.find(name)
    if indicator is None:
        raise ConfigError(f"unknown indicator {name!r}: give a registry id (gdp, cpi …) or a name it knows")
    return indicator


@lru_cache(maxsize=8)
def _registry_with(path: Path, stamp: tuple[int, int]) -> Registry:
    del stamp  # part of the cache key only: an edited file is read again
    base = {indicator.id: indicator for indicator in _packaged_registry().indicators.values()}
    user = _read_user_file(path)
    return Registry.of(extend(base, user, str(path)).values())


def _stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except FileNotFoundError:
        raise ConfigError("indicators file not found", path=path) from None
    except OSError as error:
        raise ConfigError(f"cannot read the indicators file: {error.strerror}", path=path) from None
    return status.st_mtime_ns, status.st_size


def _read_user_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("indicators file not found", path=path) from None
    except IsADirectoryError:
        raise ConfigError("the indicators file is a folder", path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the indicators file: {error}", path=path) from None
    return _json(text, str(path))


def _json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"not valid JSON ({error.msg}, line {error.lineno})", path=name) from None


def parse_registry(text: str, name: str) -> list[Indicator]:
    """The entries of a registry file in the packaged shape."""
    data = _json(text, name)
    entries = data.get("indicators") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError('expected {"indicators": [{"id": …, "zh": …, "synonyms": […]}, …]}', path=name)
    by_level = data.get("names_by_level", {})
    if not isinstance(by_level, dict):
        raise ConfigError("names_by_level must map ids to {level: name}", path=name)
    indicators = [_entry(raw, name, None) for raw in entries]
    return [replace(i, names_by_level=dict(by_level.get(i.id, {}))) for i in indicators]


def extend(base: dict[str, Indicator], user: Any, name: str) -> dict[str, Indicator]:
    """The registry ``base`` extended by a user's file, in either shape it may come in.

    The registry's own shape, ``{"indicators": [entry, …]}``: an entry with a known id adds its
    synonyms and replaces the fields it gives; a new id is a new indicator (``zh`` and ``measures``
    required). The older shape of a synonyms table, ``{"canonical name": ["synonym", …]}``: each
    name joins the indicator one of its names already belongs to, else becomes an indicator of its
    own, with its canonical name as id, in every measure.
    """
    merged = dict(base)
    if isinstance(user, dict) and isinstance(user.get("indicators"), list):
        for raw in user["indicators"]:
            entry = _entry(raw, name, merged)
            merged[entry.id] = entry
        return merged
    if isinstance(user, dict) and all(
        isinstance(key, str) and isinstance(value, list) and all(isinstance(s, str) for s in value)
        for key, value in user.items()
    ):
        for canonical, synonyms in user.items():
            _add_synonym_table_entry(merged, canonical.strip(), [s.strip() for s in synonyms])
        return merged
    raise ConfigError(
        'expected {"indicators": [{"id": "gdp", "synonyms": ["…"]}, …]} '
        'or {"canonical name": ["synonym", …]}',
        path=name,
    )


def _add_synonym_table_entry(merged: dict[str, Indicator], canonical: str, synonyms: list[str]) -> None:
    names = [canonical, *synonyms]
    known = Registry.of(merged.values())
    owner = next((known.find(name) for name in names if known.find(name) is not None), None)
    if owner is not None:
        merged[owner.id] = replace(owner, synonyms=_unique((*owner.synonyms, *names)))
    else:
        merged[canonical] = Indicator(canonical, canonical, canonical, _unique(names), REGISTRY_MEASURES)


def _entry(raw: Any, name: str, known: Mapping[str, Indicator] | None) -> Indicator:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"].strip():
        raise ConfigError(f"every indicator needs a text id; got {str(raw)[:60]}", path=name)
    indicator_id = raw["id"].strip()
    old = known.get(indicator_id) if known is not None else None
    synonyms = _strings(raw.get("synonyms", []), f"{indicator_id}.synonyms", name)
    zh = raw.get("zh", old.zh if old else None)
    if not isinstance(zh, str) or not zh.strip():
        raise ConfigError(f"indicator {indicator_id} needs a Chinese name (zh)", path=name)
    measures = raw.get("measures", sorted(old.measures) if old else None)
    measures_list = _strings(measures, f"{indicator_id}.measures", name) if measures is not None else []
    unknown = set(measures_list) - REGISTRY_MEASURES
    if not measures_list or unknown:
        raise ConfigError(
            f"indicator {indicator_id} needs measures from {', '.join(sorted(REGISTRY_MEASURES))}"
            + (f"; unknown: {', '.join(sorted(unknown))}" if unknown else ""),
            path=name,
        )
    better = raw.get("better", old.better if old else "none")
    if better is None:
        better = "none"
    if better not in BETTER:
        raise ConfigError(f'indicator {indicator_id}: better must be "higher", "lower" or "none"', path=name)
    en = raw.get("en", old.en if old else zh)
    return Indicator(
        id=indicator_id,
        zh=zh.strip(),
        en=str(en),
        synonyms=_unique((*(old.synonyms if old else ()), *synonyms)),
        measures=frozenset(measures_list),
        better=better,
        names_by_level=dict(old.names_by_level) if old else {},
    )


def _strings(value: Any, what: str, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{what} must be a list of texts", path=name)
    return [item.strip() for item in value if item.strip()]


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for name in names if name))


# --- The stage: every target of a summary gets its id.


def with_indicator_ids(summary: Summary, registry: Registry) -> Summary:
    """The summary with each target's ``indicator_id`` set from the registry (null when not in it)."""
    for document in summary.documents:
        for target in document.targets:
            target.indicator_id = registry.identify_target(target)
    return summary
