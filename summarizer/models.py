"""The data model: the output contract (docs/output.md) and the types that flow between stages.

This module imports nothing else of the package; every stage imports it.
Spans are ``start`` inclusive, ``end`` exclusive, in code points of the decoded file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    field_serializer,
    model_validator,
)

SCHEMA_VERSION: Final = "1.2"
# Lines written by earlier versions are read as the current one: the fields they lack are null.
EARLIER_SCHEMA_VERSIONS: Final = ("1", "1.1")

Change = Literal["growth", "decline", "level"]
Qualifier = Literal["approx", "at_least", "at_most"]
TargetKind = Literal["target", "result"]
ItemKind = Literal["goal", "target", "task"]
Area = Literal[
    "economy",
    "industry",
    "innovation",
    "reform_opening",
    "urban_rural",
    "environment",
    "livelihood",
    "security",
    "party",
    "other",
]
Jurisdiction = Literal["国家", "省", "市", "州", "县", "区"]
# ``notes``: a glossary or annotations (名词解释, 〔1〕…) appended to a report: nothing there is the report's own item.
# ``annex``: an annexed list or table (附件, 民生实事 lists, project tables): no tasks; its quantitative
# commitments are targets of the plan year.
# ``explanation``: a part that explains another document (a five-year plan draft's 说明): no tasks.
Part = Literal["review", "plan", "other", "notes", "annex", "explanation"]
AREAS: tuple[str, ...] = Area.__args__  # type: ignore[attr-defined]


def _number_out(value: float | None) -> float | int | None:
    """Print 10 rather than 10.0, as the text writes it."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


class _Grounded(BaseModel):
    """An item pinned to ``text[start:end] == quote`` in the file."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _span_fits_quote(self) -> _Grounded:
        quote, start, end = self.quote, self.start, self.end  # type: ignore[attr-defined]
        if end - start != len(quote):
            raise ValueError(f"span {start}:{end} does not have the length of its quote")
        return self


class Goal(_Grounded):
    text: str = Field(min_length=1)
    quote: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Target(_Grounded):
    indicator: str = Field(min_length=1)
    value: float | None
    value_high: float | None = None
    unit: str | None = None
    change: Change = "level"
    qualifier: Qualifier | None = None
    stretch: float | None = Field(
        default=None,
        description="schema 1.2: the higher value to strive for beside a floor (增长7%以上、力争达到8%: 8)",
    )
    kind: TargetKind
    year: int | None = None
    indicator_id: str | None = Field(
        default=None,
        description="the indicator's id in the canonical registry (schema 1.1); null if not in it",
    )
    given: list[str] | None = Field(
        default=None,
        description="model backends: the fields the model gave; the others were read from the quote",
    )
    quote: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @field_serializer("value", "value_high", "stretch")
    def _plain_number(self, value: float | None) -> float | int | None:
        return _number_out(value)


class Task(_Grounded):
    title: str = Field(min_length=1)
    area: Area = "other"
    subtasks: list[str] = Field(default_factory=list)
    quote: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid")

    index: int = Field(ge=0)
    title: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    jurisdiction: Jurisdiction | None = None
    place: str | None = Field(
        default=None, description="the name of the place that speaks (schema 1.1): 顺平县, 河北省, 全国"
    )
    review_year: int | None = None
    plan_year: int | None = None
    overview: str | None = None
    goals: list[Goal] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)


class ChunkRef(BaseModel):
    start: int
    end: int
    error: str | None = None


class Dropped(BaseModel):
    kind: ItemKind
    quote: str
    reason: str


class Provenance(BaseModel):
    backend: str
    model: str | None = None
    prompt_version: str | None = None
    chunks: int = 0
    llm_calls: int = 0
    failed_calls: int = Field(
        default=0, description="model calls that got no usable answer (counted in llm_calls)"
    )
    retries: int = Field(default=0, description="tries again after a failed call")
    repairs: int = Field(
        default=0, description="small calls that asked again for items the text did not support"
    )
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = Field(default=0, description="prompt tokens the provider served from its cache")
    cost: float | None = Field(default=None, description="estimated cost in USD at the price table's rates")
    failed_chunks: list[ChunkRef] = Field(default_factory=list)
    dropped: list[Dropped] = Field(default_factory=list)
    seconds: float = 0.0


class Summary(BaseModel):
    """What ``summarizer extract`` prints for one file (docs/output.md)."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal["1.2"] = SCHEMA_VERSION
    source: str
    sha256: str
    documents: list[Document]
    provenance: Provenance

    # The schema version it was read from, when an earlier one ("1", "1.1"): what a command that leaves
    # its documents out (no place in schema 1) says why. Not part of the output.
    _read_from_version: str | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _read_earlier_versions(cls, data: object, handler: ModelWrapValidatorHandler[Summary]) -> Summary:
        """A summary of schema 1 or 1.1 (a batch written before) is read with the newer fields null."""
        earlier = None
        if isinstance(data, dict) and data.get("schema_version") in EARLIER_SCHEMA_VERSIONS:
            earlier = data["schema_version"]
            data = {**data, "schema_version": SCHEMA_VERSION}
        summary = handler(data)
        if earlier is not None:
            summary._read_from_version = earlier
        return summary

    @property
    def read_from_version(self) -> str | None:
        """The earlier schema version this summary was read from, else None."""
        return self._read_from_version


# --- What a backend returns: items with a verbatim quote, not yet placed in the file.


class GoalDraft(BaseModel):
    text: str
    quote: str
    offset: int | None = Field(default=None, description="where the quote starts in the chunk, if known")


class TargetDraft(BaseModel):
    indicator: str
    value: float | None
    value_high: float | None = None
    unit: str | None = None
    change: Change = "level"
    qualifier: Qualifier | None = None
    stretch: float | None = None
    kind: TargetKind
    year: int | None = None
    quote: str
    offset: int | None = None
    given: list[str] | None = None


class TaskDraft(BaseModel):
    title: str
    area: Area = "other"
    subtasks: list[str] = Field(default_factory=list)
    quote: str
    offset: int | None = None


class Extraction(BaseModel):
    """One chunk's items, as a backend found them."""

    goals: list[GoalDraft] = Field(default_factory=list)
    targets: list[TargetDraft] = Field(default_factory=list)
    tasks: list[TaskDraft] = Field(default_factory=list)
    dropped: list[Dropped] = Field(default_factory=list)
    llm_calls: int = 0
    failed_calls: int = 0
    retries: int = 0
    repairs: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    # Parts of the chunk that failed (a half of a halved chunk), in file coordinates: the rest counts.
    failed: list[ChunkRef] = Field(default_factory=list)


# --- Pipeline types, in file coordinates.


@dataclass(frozen=True)
class Section:
    """A stretch of a document under one top-level heading, and which part of the speech it is."""

    start: int
    end: int
    heading: str | None
    part: Part


@dataclass(frozen=True)
class DocumentSpan:
    """One speech or report inside a file, with what is known of it before extraction."""

    index: int
    start: int
    end: int
    title: str | None = None
    jurisdiction: Jurisdiction | None = None
    place: str | None = None
    review_year: int | None = None
    plan_year: int | None = None
    spoken_year: int | None = None  # the year of its date line: what 今年 means where it is one of the two
    overview: str | None = None
    sections: tuple[Section, ...] = ()

    def part_at(self, pos: int) -> Part | None:
        """The part (review, plan, other) of the document that file offset ``pos`` lies in."""
        section = self.section_at(pos)
        return section.part if section else None

    def section_at(self, pos: int) -> Section | None:
        """The section that file offset ``pos`` lies in."""
        for section in self.sections:
            if section.start <= pos < section.end:
                return section
        return None


@dataclass(frozen=True)
class Chunk:
    """A piece of a document's text, with its offset in the file."""

    index: int
    start: int
    end: int
    text: str
    document: DocumentSpan = field(repr=False)
