"""What the model is asked to return, how its reply is checked, and how it becomes an ``Extraction``.

The model-facing schema has no offsets: the model copies each quote verbatim and ``align`` places it.
With the chunk text in the validation context, every item must pass ``grounding_problem``; an item that
fails makes instructor re-ask the model once. What still fails after the re-ask is dropped by a lenient
second parse (``extraction_from_reply``) that keeps the good items instead of losing the whole chunk.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from summarizer.align import NOT_IN_TEXT, locate
from summarizer.models import (
    AREAS,
    Change,
    Dropped,
    Extraction,
    GoalDraft,
    ItemKind,
    Qualifier,
    TargetDraft,
    TargetKind,
    TaskDraft,
)
from summarizer.numbers import normalize_unit, numbers_in, parse_number, qualifier_of

NUMBER_NOT_IN_QUOTE = "number not in quote"
INVALID_ITEM = "invalid item"
CONTEXT_CHUNK = "chunk"

_QUALIFIERS: tuple[str, ...] = ("approx", "at_least", "at_most")
_CHANGE_WORDS: dict[str, Change] = {
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
_KIND_WORDS: dict[str, TargetKind] = {"目标": "target", "预期": "target", "结果": "result", "实绩": "result"}
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_FRACTION_RE = re.compile(r"([0-9０-９]+)\s*[/／]\s*([0-9０-９]+)")
_CN_FRACTION_RE = re.compile(r"([零〇一二两三四五六七八九十百千]+)分之([零〇一二两三四五六七八九十百千]+)")
# 首位 is rank 1; 万亿元 with no number before it is one 万亿.
_IMPLIED_ONE_RE = re.compile(r"首|(?<![0-9０-９零〇一二两三四五六七八九十百千.．])[万亿]")
_FENCED_RE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


def _compact_properties(schema: dict[str, Any]) -> None:
    """A shorter schema for the model: no titles, defaults or lengths, ``null`` folded into the type.

    The schema is sent with every call, so each character of it counts once per chunk.
    """
    for name, prop in schema.get("properties", {}).items():
        for key in ("title", "default", "minLength"):
            prop.pop(key, None)
        if "enum" in prop:
            prop.pop("type", None)
        schema["properties"][name] = _fold_null(prop)


def _fold_null(prop: dict[str, Any]) -> dict[str, Any]:
    options = prop.get("anyOf")
    if not options or len(options) != 2 or {"type": "null"} not in options:
        return prop
    other = next(option for option in options if option != {"type": "null"})
    if "enum" in other:
        return {"enum": [*other["enum"], None]}
    if set(other) == {"type"}:
        return {"type": [other["type"], "null"]}
    return prop


def _compact(schema: dict[str, Any]) -> None:
    schema.pop("title", None)
    _compact_properties(schema)


class _ModelFacing(BaseModel):
    model_config = ConfigDict(json_schema_extra=_compact, extra="ignore")


def _check_against_chunk(item: _ModelFacing, kind: ItemKind, info: ValidationInfo) -> None:
    chunk = (info.context or {}).get(CONTEXT_CHUNK)
    if chunk is not None and (problem := grounding_problem(item, kind, chunk)) is not None:
        raise ValueError(f"{problem}: {item.quote!r}")  # type: ignore[attr-defined]


class ModelGoal(_ModelFacing):
    text: str = Field(min_length=1)
    quote: str = Field(min_length=1)

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> ModelGoal:
        _check_against_chunk(self, "goal", info)
        return self


class ModelTarget(_ModelFacing):
    indicator: str = Field(min_length=1)
    value: float | None
    value_high: float | None = None
    unit: str | None = None
    change: Change = "level"
    qualifier: Qualifier | None = None
    kind: TargetKind
    year: int | None = None
    quote: str = Field(min_length=1)

    @field_validator("value", "value_high", mode="before")
    @classmethod
    def _number(cls, value: Any) -> Any:
        if isinstance(value, str):
            written = value.strip().rstrip("%％")
            return None if written.lower() in ("", "null", "none") else parse_number(written)
        return value

    @field_validator("qualifier", mode="before")
    @classmethod
    def _qualifier(cls, value: Any) -> Any:
        return normalize_qualifier(value) if isinstance(value, str) else value

    @field_validator("change", mode="before")
    @classmethod
    def _change(cls, value: Any) -> Any:
        return _CHANGE_WORDS.get(value, value) if isinstance(value, str) else value

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> Any:
        return _KIND_WORDS.get(value, value) if isinstance(value, str) else value

    @field_validator("year", mode="before")
    @classmethod
    def _year(cls, value: Any) -> Any:
        if isinstance(value, str):
            found = _YEAR_RE.search(value)
            return int(found.group()) if found else None
        return value

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> ModelTarget:
        _check_against_chunk(self, "target", info)
        return self


class ModelTask(_ModelFacing):
    title: str = Field(min_length=1)
    # A plain string in the schema (the prompt lists the areas), read as "other" when it is none of them.
    area: str = "other"
    subtasks: list[str] = Field(default_factory=list)
    quote: str = Field(min_length=1)

    @field_validator("area", mode="before")
    @classmethod
    def _area(cls, value: Any) -> Any:
        return value if value in AREAS else "other"

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> ModelTask:
        _check_against_chunk(self, "task", info)
        return self


class ModelReply(_ModelFacing):
    """摘录结果"""

    # instructor names the tool after the top-level title.
    model_config = ConfigDict(json_schema_extra=_compact_properties, extra="ignore")

    goals: list[ModelGoal] = Field(default_factory=list)
    targets: list[ModelTarget] = Field(default_factory=list)
    tasks: list[ModelTask] = Field(default_factory=list)


_ITEM_MODELS: dict[ItemKind, type[_ModelFacing]] = {
    "goal": ModelGoal,
    "target": ModelTarget,
    "task": ModelTask,
}
_LIST_NAMES: dict[ItemKind, str] = {"goal": "goals", "target": "targets", "task": "tasks"}


def schema_hash() -> str:
    """A digest of the model-facing schema: a change to it must miss the cache."""
    schema = json.dumps(ModelReply.model_json_schema(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(schema.encode("utf-8")).hexdigest()[:16]


def grounding_problem(item: _ModelFacing, kind: ItemKind, chunk_text: str) -> str | None:
    """Why an item cannot be trusted against its chunk, or None when it can.

    Numbers are checked against the text the quote is placed on, not the model's copy of it, so
    that a slip of white space or width in the copy neither hides nor invents a number.
    """
    span = locate(chunk_text, item.quote)  # type: ignore[attr-defined]
    if span is None:
        return NOT_IN_TEXT
    if isinstance(item, ModelTarget) and not _numbers_are_quoted(item, chunk_text[span[0] : span[1]]):
        return NUMBER_NOT_IN_QUOTE
    return None


def _numbers_are_quoted(target: ModelTarget, placed_quote: str) -> bool:
    written = written_numbers(placed_quote)
    wanted = [value for value in (target.value, target.value_high) if value is not None]
    return all(any(math.isclose(value, number, rel_tol=1e-9) for number in written) for value in wanted)


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


def extraction_from_reply(reply: ModelReply, chunk_text: str) -> Extraction:
    """The drafts of a validated reply; anything ungrounded is dropped all the same."""
    raw = reply.model_dump()
    return _extraction_from_items({kind: raw[name] for kind, name in _LIST_NAMES.items()}, chunk_text)


def extraction_from_text(reply_text: str, chunk_text: str) -> Extraction:
    """The lenient parse: the good items of a reply that failed validation, the rest as ``Dropped``.

    Raises ``ValueError`` when the reply holds no JSON object at all.
    """
    data = parse_reply_json(reply_text)
    items = {kind: data.get(name) for kind, name in _LIST_NAMES.items()}
    return _extraction_from_items(
        {kind: value if isinstance(value, list) else [] for kind, value in items.items()}, chunk_text
    )


def parse_reply_json(reply_text: str) -> dict[str, Any]:
    """The JSON object in a reply: bare, fenced in a code block, or surrounded by prose."""
    candidates = [reply_text, *(match.group(1) for match in _FENCED_RE.finditer(reply_text))]
    first, last = reply_text.find("{"), reply_text.rfind("}")
    if 0 <= first < last:
        candidates.append(reply_text[first : last + 1])
    for candidate in candidates:
        try:
            data = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(data, dict):
            return data
    raise ValueError("the reply holds no JSON object")


def _extraction_from_items(items: dict[ItemKind, list[Any]], chunk_text: str) -> Extraction:
    extraction = Extraction()
    for kind, raw_items in items.items():
        for raw in raw_items:
            item = _parse_item(kind, raw, extraction.dropped)
            if item is None:
                continue
            if (problem := grounding_problem(item, kind, chunk_text)) is not None:
                extraction.dropped.append(Dropped(kind=kind, quote=item.quote, reason=problem))  # type: ignore[attr-defined]
                continue
            _add_draft(extraction, item)
    return extraction


def _parse_item(kind: ItemKind, raw: Any, dropped: list[Dropped]) -> _ModelFacing | None:
    try:
        return _ITEM_MODELS[kind].model_validate(raw)
    except (ValidationError, ValueError):
        quote = raw.get("quote") if isinstance(raw, dict) else None
        dropped.append(Dropped(kind=kind, quote=str(quote or ""), reason=INVALID_ITEM))
        return None


def _add_draft(extraction: Extraction, item: _ModelFacing) -> None:
    if isinstance(item, ModelGoal):
        extraction.goals.append(GoalDraft(text=item.text, quote=item.quote))
    elif isinstance(item, ModelTarget):
        extraction.targets.append(
            TargetDraft(**item.model_dump(exclude={"unit"}), unit=normalize_unit(item.unit))
        )
    elif isinstance(item, ModelTask):
        extraction.tasks.append(TaskDraft(**item.model_dump()))
