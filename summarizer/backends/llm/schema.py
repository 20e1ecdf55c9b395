"""What the model is asked to return (a lean reply), how it is read, and how it becomes an ``Extraction``.

The reply is the bill: output tokens cost two to four times input tokens, so the model returns per item
only what it must decide. A target is its verbatim quote, and its kind is the list it is in
(``targets`` for what is to be reached, ``results`` for what was); the indicator, value, range, unit,
change, qualifier and year are derived from the placed quote (``derive``), and the model gives one only
where the quote does not settle it (``i`` for an indicator not at the quote's head, ``v`` to pick one
of several numbers, ``y`` for a year the text's years do not settle). The figures of one ``分别``
clause are one item whose ``i`` (and, where they are not the quote's last numbers, ``v``) list them in
order, instead of the clause quoted once per figure. Keys are one letter; nulls are left out. A goal is
its quote and, where shorter, its phrase; a task its quote (the title), area (one character) and
subtasks.

``LeanReply`` is instructor's ``response_model``: its JSON Schema is the compact one of the typed lean
items (sent with every call, so kept short), and its validation is lenient and never fails an item.
With the chunk in the validation context (``{"chunk": chunk}``), every item is checked against it
(``read_reply``): the good ones become drafts, the failing ones are set aside with their reason
(``LeanReply.reading``) for a small repair call (``repair``), instead of failing the reply and having
instructor ask again with the whole chunk. Replies are read as real models write them: a
``<think>`` block first, content as a list of parts, tool arguments as an object, a fenced block, prose
around the JSON, several JSON objects (the last one counts). The older long keys (``indicator``,
``value``, ``quote`` …) are read too.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from instructor import OpenAISchema
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, model_validator

from summarizer.align import NOT_IN_TEXT, locate
from summarizer.models import (
    AREAS,
    Area,
    Change,
    Chunk,
    Dropped,
    Extraction,
    GoalDraft,
    ItemKind,
    Qualifier,
    TargetDraft,
    TaskDraft,
)
from summarizer.numbers import normalize_unit, numbers_in, parse_number, qualifier_of

NUMBER_NOT_IN_QUOTE = "number not in quote"
INVALID_ITEM = "invalid item"
CONTEXT_CHUNK = "chunk"

_QUALIFIERS: tuple[str, ...] = ("approx", "at_least", "at_most")
_CHANGE_WORDS: dict[str, Change] = {
    "growth": "growth",
    "decline": "decline",
    "level": "level",
    "增长": "growth",
    "提高": "growth",
    "上升": "growth",
    "increase": "growth",
    "下降": "decline",
    "降低": "decline",
    "减少": "decline",
    "decrease": "decline",
    "水平": "level",
    "达到": "level",
}
_KIND_WORDS = {
    "t": "target",
    "r": "result",
    "target": "target",
    "result": "result",
    "目标": "target",
    "预期": "target",
    "结果": "result",
    "实绩": "result",
}
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_FRACTION_RE = re.compile(r"([0-9０-９]+)\s*[/／]\s*([0-9０-９]+)")
_CN_FRACTION_RE = re.compile(r"([零〇一二两三四五六七八九十百千]+)分之([零〇一二两三四五六七八九十百千]+)")
# 首位 is rank 1; 万亿元 with no number before it is one 万亿.
_IMPLIED_ONE_RE = re.compile(r"首|(?<![0-9０-９零〇一二两三四五六七八九十百千.．])[万亿]")
_THINK_RE = re.compile(r"<(think|thinking|reasoning)>.*?</\1>", re.DOTALL | re.IGNORECASE)
# The reply's lists: the kind of item each holds and, for targets, the kind the list gives them.
LISTS: dict[str, tuple[ItemKind, str | None]] = {
    "goals": ("goal", None),
    "targets": ("target", "t"),
    "results": ("target", "r"),
    "tasks": ("task", None),
}
# A task's area in one character (the first of its Chinese name); full names are read too.
AREA_CODES: dict[str, Area] = {
    "经": "economy",
    "产": "industry",
    "创": "innovation",
    "改": "reform_opening",
    "城": "urban_rural",
    "环": "environment",
    "民": "livelihood",
    "安": "security",
    "党": "party",
}
_AREA_NAMES: dict[str, Area] = {
    "经济": "economy",
    "产业": "industry",
    "创新": "innovation",
    "改革开放": "reform_opening",
    "城乡": "urban_rural",
    "环境": "environment",
    "民生": "livelihood",
    "安全": "security",
    "党建": "party",
}
# A target's short keys and the fields they give (the rest is derived from the quote).
GIVEN_FIELDS = {
    "i": "indicator",
    "v": "value",
    "h": "value_high",
    "u": "unit",
    "c": "change",
    "f": "qualifier",
    "y": "year",
}
# The long keys of the first reply format, read as the short ones.
_LONG_KEYS = {
    "quote": "q",
    "kind": "k",
    **{name: key for key, name in GIVEN_FIELDS.items()},
    "text": "t",
    "title": "t",
    "area": "a",
    "subtasks": "s",
}


# --- The schema the model is given (the request is built from it once per mode).


# --- Reading a reply.


@dataclass
class Failing:
    """An item the chunk does not support, with the reason: the repair call's input."""

    kind: ItemKind
    item: dict[str, Any]
    reason: str


@dataclass
class Reading:
    """A reply read against its chunk: the good drafts, and the items that failed."""

    extraction: Extraction = field(default_factory=Extraction)
    failing: list[Failing] = field(default_factory=list)


class _Lean(BaseModel):
    model_config = ConfigDict(extra="ignore")


class LeanGoal(_Lean):
    q: str = Field(description="原文逐字")
    t: str | None = Field(default=None, description="目标短语，与q相同则省略")


class LeanTarget(_Lean):
    q: str = Field(description="原文逐字，含指标与数字")
    # A name or a number, or (one ``分别`` clause) a list of them in order: left untyped, which keeps
    # the schema that goes out with every call short.
    i: Any = Field(default=None, description="指标名，仅当q开头不是指标时给；分别列举时按序列出")
    v: Any = Field(default=None, description="数值，仅当q有多个数字时给；分别列举时按序列出")
    y: int | None = Field(default=None, description="年份，仅当文件年份定不了时给；不属某一年写0")
    u: str | None = None
    c: Literal["growth", "decline", "level"] | None = None
    f: str | None = None
    h: float | None = None


class LeanTask(_Lean):
    q: str = Field(description="标题或首句，原文逐字")
    t: str | None = Field(default=None, description="标题，与q相同则省略")
    a: str | None = Field(default=None, description="领域，一字")
    s: list[str] | None = Field(default=None, description="下一级各项短语")


class _TypedReply(_Lean):
    """The reply's shape, for its JSON Schema."""

    goals: list[LeanGoal] | None = None
    targets: list[LeanTarget] | None = None
    results: list[LeanTarget] | None = None
    tasks: list[LeanTask] | None = None


def _compact(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema as short as it can be: it is sent with every call."""
    if isinstance(schema, dict):
        for key in ("title", "default"):
            schema.pop(key, None)
        options = schema.get("anyOf")
        if options and len(options) == 2 and {"type": "null"} in options:
            other = next(option for option in options if option != {"type": "null"})
            schema.pop("anyOf")
            schema.update(other)
        for value in list(schema.values()):
            if isinstance(value, dict):
                _compact(value)
            elif isinstance(value, list):
                for item in value:
                    _compact(item)
    return schema


def reply_schema() -> dict[str, Any]:
    """The reply's JSON Schema, without descriptions (the prompt explains the keys) and inlined but for
    the target item, which ``targets`` and ``results`` share: it goes out with every call, so its
    characters count once per chunk. A fresh copy each time (instructor may change what it is given)."""
    return copy.deepcopy(_reply_schema())


@cache
def _reply_schema() -> dict[str, Any]:
    return _inlined(_compact(_TypedReply.model_json_schema()))


def _inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """The definitions used once put in place; one used more than once kept, under a one-letter name."""
    definitions = schema.pop("$defs", {})
    uses = Counter(re.findall(r'"\$ref": "#/\$defs/(\w+)"', json.dumps(schema)))
    shared = {name: name[len("Lean") :][:1] or name for name, count in uses.items() if count > 1}

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                name = node["$ref"].rsplit("/", 1)[1]
                return {"$ref": f"#/$defs/{shared[name]}"} if name in shared else resolve(definitions[name])
            return {key: resolve(value) for key, value in node.items() if key != "description"}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    inlined = resolve(schema)
    if shared:
        inlined["$defs"] = {short: resolve(definitions[name]) for name, short in shared.items()}
    return inlined


def schema_hash() -> str:
    """A digest of the model-facing schema: a change to it must miss the cache."""
    schema = json.dumps(reply_schema(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(schema.encode("utf-8")).hexdigest()[:16]


class LeanReply(OpenAISchema):
    """摘录结果"""

    model_config = ConfigDict(extra="ignore")

    # Lenient: whatever the model sent under these keys is read item by item (``read_reply``).
    goals: Any = None
    targets: Any = None
    results: Any = None
    tasks: Any = None
    _chunk: Chunk | None = PrivateAttr(default=None)
    _reading: Reading | None = PrivateAttr(default=None)

    @classmethod
    def schema_for_the_model(cls) -> dict[str, Any]:
        return reply_schema()

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """What instructor sends as the tool's parameters or the response format: the lean schema."""
        return {"title": cls.__name__, "description": cls.__doc__ or "", **cls.schema_for_the_model()}

    @classmethod
    def model_validate_json(
        cls, json_data: Any, *, strict: bool | None = None, context: Any = None, **kwargs: Any
    ) -> LeanReply:
        """The reply's JSON object, found as real models write it (``parse_reply_json``)."""
        try:
            data = parse_reply_json(reply_text(json_data))
        except ValueError as error:
            raise json.JSONDecodeError(str(error), reply_text(json_data)[:200], 0) from None
        return cls.model_validate(data, strict=False, context=context)

    @model_validator(mode="after")
    def _read_against_the_chunk(self, info: ValidationInfo) -> LeanReply:
        """Bind the reply to the chunk of the validation context; its items are read against it when
        ``reading`` is first asked for. Placing quotes and deriving targets (some 10 ms a reply) then
        happens after the call has given back its slot, so that the next call goes out first."""
        chunk = (info.context or {}).get("chunk") if isinstance(info.context, dict) else None
        if isinstance(chunk, Chunk):
            self._chunk = chunk
        return self

    @property
    def reading(self) -> Reading:
        """The items read against the chunk of the validation context: drafts, and those set aside."""
        if self._reading is None:
            if self._chunk is None:
                return Reading()
            self._reading = read_reply({name: getattr(self, name) for name in LISTS}, self._chunk)
        return self._reading


def reply_text(content: Any) -> str:
    """A reply's text: a string, the text parts of a list of content parts, an object as JSON."""
    if content is None:
        return ""
    if isinstance(content, bytes | bytearray):
        return content.decode("utf-8", "replace")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [
            part.get("text") if isinstance(part, dict) else getattr(part, "text", None) for part in content
        ]
        return "".join(part for part in parts if isinstance(part, str))
    if isinstance(content, dict):
        return json.dumps(content, ensure_ascii=False)
    return str(content)


def parse_reply_json(text: str) -> dict[str, Any]:
    """The JSON object of a reply: bare, fenced, in prose, after a ``<think>`` block; of several, the
    last (the last that has one of the reply's lists, if any has)."""
    text = _THINK_RE.sub("", text)
    decoder = json.JSONDecoder()
    found: list[dict[str, Any]] = []
    position = text.find("{")
    while position != -1:
        try:
            value, end = decoder.raw_decode(text, position)
        except ValueError:
            position = text.find("{", position + 1)
            continue
        if isinstance(value, dict):
            found.append(value)
        position = text.find("{", end)
    if not found:
        raise ValueError("the reply holds no JSON object")
    ours = [value for value in found if any(name in value for name in LISTS)]
    return (ours or found)[-1]


def read_reply(data: dict[str, Any], chunk: Chunk) -> Reading:
    """Every item of a reply, checked against the chunk: drafts for those it supports, the rest failing."""
    reading = Reading()
    for name, (kind, target_kind) in LISTS.items():
        items = data.get(name)
        for raw in items if isinstance(items, list) else []:
            read_item(kind, raw, chunk, reading, target_kind)
    return reading


def read_item(
    kind: ItemKind, raw: Any, chunk: Chunk, reading: Reading, target_kind: str | None = None
) -> None:
    """One item of a reply (a target of ``target_kind`` unless it names its own), read against the chunk."""
    item = _short_keys(raw)
    if kind == "target" and target_kind is not None:
        item.setdefault("k", target_kind)
    quote = item.get("q")
    if not isinstance(quote, str) or not quote.strip():
        reading.extraction.dropped.append(Dropped(kind=kind, quote=str(quote or ""), reason=INVALID_ITEM))
        return
    span = locate(chunk.text, quote)
    if span is None:
        reading.failing.append(Failing(kind, item, NOT_IN_TEXT))
        return
    try:
        if kind == "goal":
            reading.extraction.goals.append(_goal(item, chunk, span))
        elif kind == "task":
            reading.extraction.tasks.append(_task(item, chunk, span))
        else:
            for one in _each_figure(item, chunk.text[span[0] : span[1]]):
                draft = _target(one, chunk, span)
                if draft is None:
                    reading.failing.append(Failing(kind, one, NUMBER_NOT_IN_QUOTE))
                else:
                    reading.extraction.targets.append(draft)
    except (ValueError, TypeError):
        reading.extraction.dropped.append(Dropped(kind=kind, quote=quote, reason=INVALID_ITEM))


def _each_figure(item: dict[str, Any], placed: str) -> list[dict[str, Any]]:
    """The targets of one item: itself, or, for the figures of one ``分别`` clause (``i`` or ``v`` a
    list), one per figure in order; where ``v`` is not given, the quote's last numbers are the
    figures. ``ValueError`` when the lists do not pair."""
    names, values = item.get("i"), item.get("v")
    if not isinstance(names, list) and not isinstance(values, list):
        return [item]
    if isinstance(values, list):
        if isinstance(names, list) and len(names) != len(values):
            raise ValueError("the indicators and the numbers do not pair")
        figures: list[Any] = values
    else:
        if values is not None or not isinstance(names, list):
            raise ValueError("one number for several indicators")
        from summarizer.numbers import find_quantities

        written = [mention.value for mention in find_quantities(placed) if mention.value is not None]
        if not names or len(names) > len(written):
            raise ValueError("more indicators than numbers")
        figures = written[len(written) - len(names) :]
    split = []
    for position, figure in enumerate(figures):
        one = {key: value for key, value in item.items() if key not in ("i", "v")}
        name = names[position] if isinstance(names, list) else names
        if isinstance(name, str) and name.strip():
            one["i"] = name
        if isinstance(values, list):
            if figure is not None:
                one["v"] = figure
        else:
            one["figure"] = figure  # the quote's own number: picks it, and is no field given
        split.append(one)
    return split


def _short_keys(raw: Any) -> dict[str, Any]:
    """The item under short keys. A null under a short key is a field not given (derived from the
    quote); under a long key (the first, full reply format) it is given as null, as it was meant."""
    if not isinstance(raw, dict):
        return {}
    short: dict[str, Any] = {}
    for key, value in raw.items():
        name = str(key)
        if name in _LONG_KEYS:
            short[_LONG_KEYS[name]] = value
        elif value is not None:
            short[name] = value
    return short


def _goal(item: dict[str, Any], chunk: Chunk, span: tuple[int, int]) -> GoalDraft:
    quote = chunk.text[span[0] : span[1]]
    text = item.get("t")
    return GoalDraft(
        text=text if isinstance(text, str) and text.strip() else quote, quote=quote, offset=span[0]
    )


def _task(item: dict[str, Any], chunk: Chunk, span: tuple[int, int]) -> TaskDraft:
    quote = chunk.text[span[0] : span[1]]
    title = item.get("t")
    subtasks = item.get("s") or []
    return TaskDraft(
        title=title if isinstance(title, str) and title.strip() else quote,
        area=area_of(item.get("a")),
        subtasks=[str(s) for s in subtasks] if isinstance(subtasks, list) else [],
        quote=quote,
        offset=span[0],
    )


def area_of(written: Any) -> Area:
    """A task's area from the one character the reply gives (``民``), its Chinese name or its own name."""
    word = str(written or "").strip()
    if word in AREAS:
        return word  # type: ignore[return-value]
    return AREA_CODES.get(word) or _AREA_NAMES.get(word) or "other"


def kind_of(item: dict[str, Any]) -> str | None:
    """A target item's kind (``target``, ``result``) from its ``k``: the list's, or one it gave itself."""
    return _KIND_WORDS.get(str(item.get("k", "")).strip())


def _target(item: dict[str, Any], chunk: Chunk, span: tuple[int, int]) -> TargetDraft | None:
    """A target's draft: what the model gave, the rest derived from the placed quote; None when a number
    the model gave is not in the quote, or the quote holds no number at all."""
    kind = kind_of(item)
    if kind is None:
        raise ValueError("a target needs its kind")
    placed = chunk.text[span[0] : span[1]]
    given = {GIVEN_FIELDS[key]: item[key] for key in GIVEN_FIELDS if key in item}
    value = _number(given.get("value")) if "value" in given else item.get("figure")
    high = _number(given.get("value_high")) if "value_high" in given else None
    written = written_numbers(placed)
    for number in (value, high):
        if number is not None and not any(math.isclose(number, w, rel_tol=1e-9) for w in written):
            return None
    # Imported after the first calls went out, not with the backend (``_load_reply_reading``): the number
    # grammar (the rules' regular expressions) then loads while they wait, instead of before them.
    from summarizer.backends.llm.derive import derive_target

    derived = derive_target(chunk, span[0], span[1], kind, value)  # type: ignore[arg-type]
    placeholder = "value" in given and given["value"] is None
    if derived is None and not (placeholder or value is not None):
        return None
    indicator = given.get("indicator") or (derived.indicator if derived else None)
    if not isinstance(indicator, str) or not indicator.strip():
        raise ValueError("no indicator")
    change = _CHANGE_WORDS.get(str(given["change"])) if "change" in given else None
    qualifier = normalize_qualifier(str(given["qualifier"])) if "qualifier" in given else None
    return TargetDraft(
        indicator=indicator.strip(),
        value=value if value is not None else (derived.value if derived else None),
        value_high=high if "value_high" in given else (derived.value_high if derived else None),
        unit=_unit(given["unit"]) if "unit" in given else (derived.unit if derived else None),
        change=change or (derived.change if derived else "level"),
        qualifier=qualifier if "qualifier" in given else (derived.qualifier if derived else None),
        stretch=derived.stretch if derived else None,
        kind=kind,  # type: ignore[arg-type]
        year=_year(given["year"]) if "year" in given else (derived.year if derived else None),
        quote=placed,
        offset=span[0],
        given=sorted(given),
    )


def _unit(value: Any) -> str | None:
    """A unit given; an empty one says the number has none."""
    return normalize_unit(str(value)) if value is not None and str(value).strip() else None


def _number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    written = str(value).strip().rstrip("%％")
    return None if written.lower() in ("", "null", "none") else parse_number(written)


def _year(value: Any) -> int | None:
    """A year given; 0 (or nothing like a year) says the figure belongs to no single year."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value or None
    found = _YEAR_RE.search(str(value))
    return int(found.group()) if found else None


def grounding_problem(quote: str, chunk_text: str, numbers: list[float] = ()) -> str | None:  # type: ignore[assignment]
    """Why a quote (with the numbers an item claims) cannot be trusted against its chunk, or None."""
    span = locate(chunk_text, quote)
    if span is None:
        return NOT_IN_TEXT
    written = written_numbers(chunk_text[span[0] : span[1]])
    if not all(any(math.isclose(n, w, rel_tol=1e-9) for w in written) for n in numbers):
        return NUMBER_NOT_IN_QUOTE
    return None


def written_numbers(quote: str) -> list[float]:
    """The numbers a quote supports: those written, fractions (``2/3``, ``三分之一``, rounded as people
    round them), and the 1 that ``首位`` or a bare ``万亿元`` stands for."""
    numbers = numbers_in(quote)
    for numerator, denominator in _fractions(quote):
        if denominator:
            numbers.extend(
                {
                    numerator / denominator,
                    round(numerator / denominator, 2),
                    round(numerator / denominator, 3),
                }
            )
    if _IMPLIED_ONE_RE.search(quote):
        numbers.append(1.0)
    return numbers


def _fractions(quote: str) -> list[tuple[float, float]]:
    """(numerator, denominator) of each fraction: ``2/3`` and ``三分之二`` (denominator first)."""
    written = [(m.group(1), m.group(2)) for m in _FRACTION_RE.finditer(quote)]
    written += [(m.group(2), m.group(1)) for m in _CN_FRACTION_RE.finditer(quote)]
    found = []
    for numerator, denominator in written:
        try:
            found.append((_parsed(numerator), _parsed(denominator)))
        except ValueError:
            continue
    return found


def _parsed(written: str) -> float:
    value = parse_number(written)
    if value is None:
        raise ValueError(written)
    return value


def normalize_qualifier(written: str | None) -> Qualifier | None:
    """``approx``/``at_least``/``at_most`` as given, or read from the words a model may write (``左右``)."""
    if written is None:
        return None
    word = written.strip()
    if word.lower() in ("", "null", "none", "exact"):
        return None
    if word in _QUALIFIERS:
        return word  # type: ignore[return-value]
    return qualifier_of("", word) or qualifier_of(word, "")


def extraction_from_text(text: str, chunk: Chunk) -> Reading:
    """A reply's text read against its chunk (``ValueError`` when it holds no JSON object)."""
    return read_reply(parse_reply_json(text), chunk)
