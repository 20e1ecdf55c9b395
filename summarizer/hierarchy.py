"""Where a place stands: its level (国家, 省, 市, 县, 区) and the place above it, from ``data/parents.json``.

The panel's and the table's ``level`` and ``parent`` columns, and the ``--place`` and ``--level``
filters, read them here. A name the file does not list gets its level from its suffix
(``places.level_of``) and no parent; a county-level city (安国市) is of the county level, and a
municipality under the central government (北京市) of the provincial one.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from summarizer.places import NATIONAL, level_of, series_key

LEVELS: tuple[str, ...] = ("国家", "省", "市", "州", "县", "区")
# What a user may leave off a name: 河南 is 河南省, 广西 广西壮族自治区.
_LEVEL_SUFFIX = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,3}族)*(?:自治区|特别行政区|自治州|自治县|省|市|州|县|区|旗)$"
)


@lru_cache(maxsize=1)
def _places() -> dict[str, dict[str, str | None]]:
    text = resources.files("summarizer").joinpath("data", "parents.json").read_text(encoding="utf-8")
    places: dict[str, dict[str, str | None]] = json.loads(text)["places"]
    return places


def place_level(name: str, jurisdiction: str | None = None) -> str | None:
    """The level of a place: the file's, else the level the document speaks at, else the name's suffix's."""
    known = _places().get(name)
    if known is not None:
        return known["level"]
    return jurisdiction or level_of(name)


def place_parent(name: str) -> str | None:
    """The place above: 保定市 for 徐水区, 全国 for a province; None where the file does not say."""
    known = _places().get(name)
    return known["parent"] if known is not None else None


def place_matches(wanted: str, name: str) -> bool:
    """Whether a place a user names is this one: the same series (徐水县 is 徐水区), or the name with its
    level left off (河南 is 河南省, 广西 广西壮族自治区, 全国 also 国家)."""
    wanted = wanted.strip()
    if not wanted:
        return False
    if wanted in (name, series_key(name)) or series_key(wanted) == series_key(name):
        return True
    if wanted in ("国家", "中国") and name == NATIONAL:
        return True
    return name.startswith(wanted) and bool(_LEVEL_SUFFIX.match(name[len(wanted) :]))
