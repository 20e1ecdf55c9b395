"""Scoring predictions against hand-labelled fixtures, as README's Evaluation section says (the matching rules
of the labelling spec kept outside the repository).

Pure functions on the models of ``summarizer.models``. Documents are paired by their position in the
``documents`` list (a prediction's first document with the fixture's first, and so on): a predicted
document with no gold counterpart counts all its items as false positives, a gold document with no
predicted counterpart counts all its items as missed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field

from summarizer.models import Document, Goal, Target, Task

DICE_THRESHOLD = 0.5
TARGET_KINDS: tuple[str, ...] = ("target", "result")
SCORED_FIELDS: tuple[str, ...] = ("unit", "change", "qualifier", "year")
METADATA_FIELDS: tuple[str, ...] = ("jurisdiction", "review_year", "plan_year", "place")

Item = TypeVar("Item")
Gold = TypeVar("Gold")


Span = tuple[int, int]
KindScope = Literal["document", "none"] | list[Span]


class Scope(BaseModel):
    """What a scoped fixture labelled completely (docs/LABELLING.md, section 3), per item kind.

    ``"document"``: every item of the kind is labelled; ``"none"``: the kind is not scored; a list of
    spans: only predicted items whose ``start`` lies in one of them are scored.
    """

    model_config = ConfigDict(extra="forbid")

    targets: KindScope = "document"
    goals: KindScope = "document"
    tasks: KindScope = "document"


class Fixture(BaseModel):
    """A hand-labelled fixture: the output's shape without ``sha256``, ``provenance`` and overviews."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal["1", "1.1", "1.2"] = "1"
    source: str
    scope: Scope | None = None
    documents: list[Document]

    @property
    def labels_place(self) -> bool:
        """``place`` came with schema 1.1: a fixture of schema 1 says nothing about it."""
        return self.schema_version != "1"


# --- Similarity and the matching rules.


def char_bigrams(text: str) -> Counter[str]:
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


def bigram_dice(a: str, b: str) -> float:
    """Dice similarity of the two strings' character-bigram multisets; a one-character string is
    compared whole, since it has no bigram."""
    if a == b:
        return 1.0
    bigrams_a, bigrams_b = char_bigrams(a), char_bigrams(b)
    total = sum(bigrams_a.values()) + sum(bigrams_b.values())
    if total == 0:
        return 0.0
    return 2 * sum((bigrams_a & bigrams_b).values()) / total


def indicators_match(a: str, b: str) -> bool:
    return a in b or b in a or bigram_dice(a, b) >= DICE_THRESHOLD


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def target_similarity(predicted: Target, gold: Target) -> float | None:
    """How alike two targets are, or None when they do not match (README, Evaluation)."""
    if predicted.kind != gold.kind:
        return None
    if not (
        _same_number(predicted.value, gold.value) and _same_number(predicted.value_high, gold.value_high)
    ):
        return None
    if not indicators_match(predicted.indicator, gold.indicator):
        return None
    return bigram_dice(predicted.indicator, gold.indicator)


def overlap_share_of_shorter(a: tuple[int, int], b: tuple[int, int]) -> float:
    """The characters two spans share, as a share of the shorter span."""
    shorter = min(a[1] - a[0], b[1] - b[0])
    if shorter <= 0:
        return 0.0
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) / shorter


def _span_or_text_similarity(
    spans: tuple[tuple[int, int], tuple[int, int]], texts: tuple[str, str]
) -> float | None:
    overlap = overlap_share_of_shorter(*spans)
    dice = bigram_dice(*texts)
    if overlap < 0.5 and dice < DICE_THRESHOLD:
        return None
    return max(overlap, dice)


def goal_similarity(predicted: Goal, gold: Goal) -> float | None:
    return _span_or_text_similarity(
        ((predicted.start, predicted.end), (gold.start, gold.end)),
        (predicted.text, gold.text),
    )


def task_similarity(predicted: Task, gold: Task) -> float | None:
    return _span_or_text_similarity(
        ((predicted.start, predicted.end), (gold.start, gold.end)),
        (predicted.title, gold.title),
    )


def greedy_match(
    predicted: Sequence[Item],
    gold: Sequence[Item],
    similarity: Callable[[Item, Item], float | None],
    position: Callable[[Item], int],
) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index), the most similar first.

    Ties go to the pair whose spans start closest together, then to list order, so that repeated
    indicators (one clause quoted by three targets) pair with their own neighbours.
    """
    candidates: list[tuple[float, int, int, int]] = []
    for p_index, p_item in enumerate(predicted):
        for g_index, g_item in enumerate(gold):
            score = similarity(p_item, g_item)
            if score is not None:
                distance = abs(position(p_item) - position(g_item))
                candidates.append((-score, distance, g_index, p_index))
    candidates.sort()
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, g_index, p_index in candidates:
        if p_index not in used_predicted and g_index not in used_gold:
            used_predicted.add(p_index)
            used_gold.add(g_index)
            pairs.append((p_index, g_index))
    return sorted(pairs)


def _start(item: Goal | Target | Task) -> int:
    return item.start


# --- Score models (JSON-serializable; derived shares are computed, so a report re-reads cleanly).


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


class Counts(BaseModel):
    """Matches of one item kind: precision, recall and F1 follow from the three counts.

    With nothing predicted and nothing in gold, all three are 1.0; otherwise an empty denominator gives 0.0.
    A kind that a fixture did not label (scope ``"none"``) is not scored: its shares are None, and adding
    it to scored counts changes nothing.
    """

    matched: int = 0
    predicted: int = 0
    gold: int = 0
    scored: bool = True

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        if not self.scored:
            return None
        return 1.0 if self.predicted == self.gold == 0 else _share(self.matched, self.predicted)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        if not self.scored:
            return None
        return 1.0 if self.predicted == self.gold == 0 else _share(self.matched, self.gold)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        precision, recall = self.precision, self.recall
        if precision is None or recall is None:
            return None
        both = precision + recall
        return 2 * precision * recall / both if both else 0.0

    def __add__(self, other: Counts) -> Counts:
        if not other.scored:
            return self
        if not self.scored:
            return other
        return Counts(
            matched=self.matched + other.matched,
            predicted=self.predicted + other.predicted,
            gold=self.gold + other.gold,
        )


NOT_SCORED = Counts(scored=False)


class FieldAccuracy(BaseModel):
    """For matched target pairs: how many agree on each scored field. Shares are None without pairs."""

    pairs: int = 0
    equal: dict[str, int] = Field(default_factory=lambda: dict.fromkeys(SCORED_FIELDS, 0))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> dict[str, float | None]:
        return {
            name: (self.equal.get(name, 0) / self.pairs if self.pairs else None) for name in SCORED_FIELDS
        }

    def __add__(self, other: FieldAccuracy) -> FieldAccuracy:
        equal = {name: self.equal.get(name, 0) + other.equal.get(name, 0) for name in SCORED_FIELDS}
        return FieldAccuracy(pairs=self.pairs + other.pairs, equal=equal)


class AreaAccuracy(BaseModel):
    """For matched task pairs: how many agree on ``area``. The share is None without pairs."""

    pairs: int = 0
    equal: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        return self.equal / self.pairs if self.pairs else None

    def __add__(self, other: AreaAccuracy) -> AreaAccuracy:
        return AreaAccuracy(pairs=self.pairs + other.pairs, equal=self.equal + other.equal)


class Grounding(BaseModel):
    """Predicted items whose quote is the text at their span. The share must be 1.0."""

    grounded: int = 0
    items: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def share(self) -> float:
        return self.grounded / self.items if self.items else 1.0

    def __add__(self, other: Grounding) -> Grounding:
        return Grounding(grounded=self.grounded + other.grounded, items=self.items + other.items)


class MetadataAccuracy(BaseModel):
    """Document fields read before extraction, compared with the labels: how many agree, per field.

    A field counts only where the fixture labels it (``place`` from schema 1.1 on); a null label counts,
    since "the text does not say" is a label too.
    """

    labelled: dict[str, int] = Field(default_factory=lambda: dict.fromkeys(METADATA_FIELDS, 0))
    equal: dict[str, int] = Field(default_factory=lambda: dict.fromkeys(METADATA_FIELDS, 0))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> dict[str, float | None]:
        return {
            name: (self.equal.get(name, 0) / self.labelled[name] if self.labelled.get(name) else None)
            for name in METADATA_FIELDS
        }

    @computed_field  # type: ignore[prop-decorator]
    @property
    def overall(self) -> float | None:
        labelled = sum(self.labelled.values())
        return sum(self.equal.values()) / labelled if labelled else None

    def __add__(self, other: MetadataAccuracy) -> MetadataAccuracy:
        return MetadataAccuracy(
            labelled={
                name: self.labelled.get(name, 0) + other.labelled.get(name, 0) for name in METADATA_FIELDS
            },
            equal={name: self.equal.get(name, 0) + other.equal.get(name, 0) for name in METADATA_FIELDS},
        )


class Scores(BaseModel):
    """Every metric of README's Evaluation, for one document or summed over many."""

    targets: Counts = Field(default_factory=lambda: NOT_SCORED)
    targets_by_kind: dict[str, Counts] = Field(
        default_factory=lambda: dict.fromkeys(TARGET_KINDS, NOT_SCORED)
    )
    goals: Counts = Field(default_factory=lambda: NOT_SCORED)
    tasks: Counts = Field(default_factory=lambda: NOT_SCORED)
    fields: FieldAccuracy = Field(default_factory=FieldAccuracy)
    areas: AreaAccuracy = Field(
        default_factory=AreaAccuracy,
        description="area of matched tasks; a report written before it was scored lacks it (see has_areas)",
    )
    metadata: MetadataAccuracy = Field(default_factory=MetadataAccuracy)
    grounding: Grounding = Field(default_factory=Grounding)

    @property
    def has_areas(self) -> bool:
        """False for scores read from a report written before task areas were scored (no ``areas`` key):
        their area accuracy is unknown, not zero, and is not compared."""
        return "areas" in self.model_fields_set

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            targets=self.targets + other.targets,
            targets_by_kind={
                kind: self.targets_by_kind.get(kind, NOT_SCORED) + other.targets_by_kind.get(kind, NOT_SCORED)
                for kind in TARGET_KINDS
            },
            goals=self.goals + other.goals,
            tasks=self.tasks + other.tasks,
            fields=self.fields + other.fields,
            areas=self.areas + other.areas,
            metadata=self.metadata + other.metadata,
            grounding=self.grounding + other.grounding,
        )


# --- Scoring.


def score_targets(
    predicted: Sequence[Target], gold: Sequence[Target]
) -> tuple[Counts, dict[str, Counts], FieldAccuracy]:
    pairs = greedy_match(predicted, gold, target_similarity, _start)
    by_kind = {
        kind: Counts(
            matched=sum(1 for _, g in pairs if gold[g].kind == kind),
            predicted=sum(1 for item in predicted if item.kind == kind),
            gold=sum(1 for item in gold if item.kind == kind),
        )
        for kind in TARGET_KINDS
    }
    equal = {
        name: sum(1 for p, g in pairs if getattr(predicted[p], name) == getattr(gold[g], name))
        for name in SCORED_FIELDS
    }
    counts = Counts(matched=len(pairs), predicted=len(predicted), gold=len(gold))
    return counts, by_kind, FieldAccuracy(pairs=len(pairs), equal=equal)


def score_goals(predicted: Sequence[Goal], gold: Sequence[Goal]) -> Counts:
    pairs = greedy_match(predicted, gold, goal_similarity, _start)
    return Counts(matched=len(pairs), predicted=len(predicted), gold=len(gold))


def score_tasks(predicted: Sequence[Task], gold: Sequence[Task]) -> tuple[Counts, AreaAccuracy]:
    pairs = greedy_match(predicted, gold, task_similarity, _start)
    counts = Counts(matched=len(pairs), predicted=len(predicted), gold=len(gold))
    equal = sum(1 for p, g in pairs if predicted[p].area == gold[g].area)
    return counts, AreaAccuracy(pairs=len(pairs), equal=equal)


def score_grounding(document: Document, text: str) -> Grounding:
    items: list[Goal | Target | Task] = [
        *document.goals,
        *document.targets,
        *document.tasks,
    ]
    grounded = sum(1 for item in items if text[item.start : item.end] == item.quote)
    return Grounding(grounded=grounded, items=len(items))


def in_scope(items: Sequence[Item], scope: KindScope) -> list[Item]:
    """The items a scope scores: all of them, none, or those whose ``start`` lies in a labelled span."""
    if scope == "document":
        return list(items)
    if scope == "none":
        return []
    return [item for item in items if any(start <= item.start < end for start, end in scope)]  # type: ignore[attr-defined]


def score_metadata(predicted: Document, gold: Document, *, with_place: bool) -> MetadataAccuracy:
    fields = [name for name in METADATA_FIELDS if name != "place" or with_place]
    return MetadataAccuracy(
        labelled={name: int(name in fields) for name in METADATA_FIELDS},
        equal={
            name: int(name in fields and getattr(predicted, name) == getattr(gold, name))
            for name in METADATA_FIELDS
        },
    )


def score_document(
    predicted: Document | None,
    gold: Document | None,
    text: str,
    scope: Scope | None = None,
    *,
    with_place: bool = False,
) -> Scores:
    """The scores of one predicted document against its gold counterpart (either may be missing).

    ``scope`` (docs/LABELLING.md, section 3) limits what is scored; grounding is always of every predicted item.
    """
    scope = scope or Scope()
    metadata = (
        score_metadata(predicted or Document(index=0, start=0, end=0), gold, with_place=with_place)
        if gold is not None
        else MetadataAccuracy()
    )
    everything = predicted or Document(index=0, start=0, end=0)
    gold = gold or Document(index=0, start=0, end=0)
    if scope.targets == "none":
        targets, by_kind, fields = NOT_SCORED, dict.fromkeys(TARGET_KINDS, NOT_SCORED), FieldAccuracy()
    else:
        targets, by_kind, fields = score_targets(
            in_scope(everything.targets, scope.targets), in_scope(gold.targets, scope.targets)
        )
    goals = (
        NOT_SCORED
        if scope.goals == "none"
        else score_goals(in_scope(everything.goals, scope.goals), in_scope(gold.goals, scope.goals))
    )
    if scope.tasks == "none":
        tasks, areas = NOT_SCORED, AreaAccuracy()
    else:
        tasks, areas = score_tasks(in_scope(everything.tasks, scope.tasks), in_scope(gold.tasks, scope.tasks))
    return Scores(
        targets=targets,
        targets_by_kind=by_kind,
        goals=goals,
        tasks=tasks,
        fields=fields,
        areas=areas,
        metadata=metadata,
        grounding=score_grounding(everything, text),
    )


def pair_documents(
    predicted: Sequence[Document], gold: Sequence[Document]
) -> list[tuple[Document | None, Document | None]]:
    """Documents paired by position in their lists; the shorter list is padded with None."""
    count = max(len(predicted), len(gold))
    return [
        (
            predicted[i] if i < len(predicted) else None,
            gold[i] if i < len(gold) else None,
        )
        for i in range(count)
    ]


def score_documents(
    predicted: Sequence[Document], gold: Sequence[Document], text: str, scope: Scope | None = None
) -> list[Scores]:
    """Per-document scores of one file's prediction, documents paired by position."""
    return [score_document(p, g, text, scope) for p, g in pair_documents(predicted, gold)]


def micro_average(scores: Sequence[Scores]) -> Scores:
    """Scores over all documents at once: counts are summed before any share is taken."""
    total = Scores()
    for score in scores:
        total = total + score
    return total
