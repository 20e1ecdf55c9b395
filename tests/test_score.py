"""The matching rules of README's Evaluation section, case by case, on hand-made items."""

from __future__ import annotations

import pytest

from summarizer.evals.score import (
    Counts,
    bigram_dice,
    micro_average,
    overlap_share_of_shorter,
    score_document,
    score_documents,
    score_goals,
    score_targets,
    score_tasks,
)
from summarizer.models import Document, Goal, Target, Task

TEXT = "全年地区生产总值增长8.5%左右，规模以上工业增加值增长9%，城镇新增就业3万人以上。"


def target(indicator: str, value: float | None = 8.5, **fields: object) -> Target:
    quote = str(fields.pop("quote", indicator))
    start = int(fields.pop("start", 0))  # type: ignore[call-overload]
    defaults: dict[str, object] = {"value_high": None, "unit": "%", "change": "growth", "kind": "target"}
    defaults.update(fields)
    return Target(
        indicator=indicator, value=value, quote=quote, start=start, end=start + len(quote), **defaults
    )


def goal(text: str, start: int = 0, length: int | None = None) -> Goal:
    quote = "字" * (length if length is not None else len(text))
    return Goal(text=text, quote=quote, start=start, end=start + len(quote))


def task(title: str, start: int = 0, length: int | None = None, area: str = "other") -> Task:
    quote = "字" * (length if length is not None else len(title))
    return Task(title=title, quote=quote, start=start, end=start + len(quote), area=area)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("地区生产总值", "地区生产总值", 1.0, id="identical"),
        pytest.param("固定资产投资", "社会消费品零售总额", 0.0, id="nothing-shared"),
        pytest.param("工业增加值", "工业投资", 2 * 1 / (4 + 3), id="one-shared-bigram"),
        pytest.param("税", "税收", 0.0, id="single-char-has-no-bigram"),
    ],
)
def test_bigram_dice(a: str, b: str, expected: float) -> None:
    assert bigram_dice(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("predicted", "gold", "matched"),
    [
        pytest.param(target("生产总值"), target("地区生产总值"), 1, id="predicted-inside-gold"),
        pytest.param(target("地区生产总值GDP"), target("GDP"), 1, id="gold-inside-predicted"),
        # 一般公共预算收入 / 一般公共预算支出: 5 of 7 bigrams shared -> Dice 0.71.
        pytest.param(target("一般公共预算收入"), target("一般公共预算支出"), 1, id="dice-above-threshold"),
        # 城乡居民收入 / 居民人均可支配收入: bigrams 居民, 收入 shared -> 2*2/(5+8) = 0.31.
        pytest.param(target("城乡居民收入"), target("居民人均可支配收入"), 0, id="dice-below-threshold"),
        # 粮食产量 / 粮食总产: 粮食 shared -> 2/6; 进出口额 / 进出口总额: 进出 出口 shared -> 4/7.
        pytest.param(target("粮食产量"), target("粮食总产"), 0, id="dice-one-third"),
        pytest.param(target("进出口额"), target("进出口总额"), 1, id="dice-half-or-more"),
        pytest.param(target("地区生产总值", 8.5), target("地区生产总值", 8.0), 0, id="value-differs"),
        pytest.param(
            target("地区生产总值", None), target("地区生产总值", None), 1, id="placeholder-values-equal"
        ),
        pytest.param(
            target("地区生产总值", None), target("地区生产总值", 0), 0, id="placeholder-is-not-zero"
        ),
        pytest.param(
            target("地区生产总值", 6, value_high=6.5),
            target("地区生产总值", 6, value_high=6.5),
            1,
            id="range-equal",
        ),
        pytest.param(
            target("地区生产总值", 6, value_high=6.5),
            target("地区生产总值", 6),
            0,
            id="range-vs-single-value",
        ),
        pytest.param(
            target("地区生产总值", kind="result"),
            target("地区生产总值", kind="target"),
            0,
            id="kind-mismatch",
        ),
        pytest.param(
            target("地区生产总值", unit="个百分点", change="level"),
            target("地区生产总值"),
            1,
            id="fields-do-not-decide-a-match",
        ),
    ],
)
def test_target_match(predicted: Target, gold: Target, matched: int) -> None:
    counts, _, _ = score_targets([predicted], [gold])
    assert counts.matched == matched


def test_dice_threshold_is_inclusive() -> None:
    a, b = "工业增加值", "工业增长值"  # 工业 业增 shared; 增加 加值 vs 增长 长值 -> 2*2/8 = 0.5
    assert bigram_dice(a, b) == pytest.approx(0.5)
    counts, _, _ = score_targets([target(a)], [target(b)])
    assert counts.matched == 1


def test_one_to_one_greedy_prefers_the_most_similar() -> None:
    # The prediction matches both (containment); it must pair with the identical indicator, whose year agrees.
    gold = [target("规模以上工业增加值", year=2021), target("工业增加值", year=2022)]
    counts, _, fields = score_targets([target("工业增加值", year=2022)], gold)
    assert (counts.matched, counts.predicted, counts.gold) == (1, 1, 2)
    assert fields.accuracy["year"] == 1.0


def test_one_to_one_greedy_does_not_let_a_prediction_match_twice() -> None:
    gold = [target("第一产业增加值", start=0), target("第一产业增加值", start=30)]
    counts, _, _ = score_targets([target("第一产业增加值", start=30)], gold)
    assert (counts.matched, counts.gold) == (1, 2)


def test_repeated_indicators_pair_with_their_neighbours() -> None:
    gold = [target("地区生产总值", start=0, year=2021), target("地区生产总值", start=100, year=2022)]
    predicted = [target("地区生产总值", start=100, year=2022), target("地区生产总值", start=0, year=2021)]
    _, _, fields = score_targets(predicted, gold)
    assert fields.pairs == 2
    assert fields.accuracy["year"] == 1.0


def test_counts_by_kind() -> None:
    gold = [target("地区生产总值", kind="target"), target("财政收入", 5, kind="result")]
    predicted = [target("地区生产总值", kind="target"), target("财政收入", 5, kind="target")]
    _, by_kind, _ = score_targets(predicted, gold)
    assert by_kind["target"].model_dump(include={"matched", "predicted", "gold"}) == {
        "matched": 1,
        "predicted": 2,
        "gold": 1,
    }
    assert by_kind["result"].model_dump(include={"matched", "predicted", "gold"}) == {
        "matched": 0,
        "predicted": 0,
        "gold": 1,
    }


@pytest.mark.parametrize(
    ("field", "predicted_value", "gold_value"),
    [
        pytest.param("unit", "个百分点", "%", id="unit"),
        pytest.param("change", "level", "growth", id="change"),
        pytest.param("qualifier", None, "approx", id="qualifier"),
        pytest.param("year", 2021, 2022, id="year"),
    ],
)
def test_field_accuracy_counts_each_field_apart(
    field: str, predicted_value: object, gold_value: object
) -> None:
    gold = [target("地区生产总值", **{field: gold_value}), target("财政收入", 5, **{field: gold_value})]
    predicted = [
        target("地区生产总值", **{field: predicted_value}),
        target("财政收入", 5, **{field: gold_value}),
    ]
    _, _, fields = score_targets(predicted, gold)
    assert fields.pairs == 2
    assert fields.accuracy[field] == 0.5
    assert all(share == 1.0 for name, share in fields.accuracy.items() if name != field)


def test_field_accuracy_ignores_unmatched_targets() -> None:
    _, _, fields = score_targets([target("地区生产总值", 9, unit="亿元")], [target("地区生产总值", 8.5)])
    assert fields.pairs == 0
    assert fields.accuracy["unit"] is None


@pytest.mark.parametrize(
    ("a", "b", "share"),
    [
        pytest.param((0, 10), (5, 15), 0.5, id="half-of-equal-spans"),
        pytest.param((0, 4), (2, 100), 0.5, id="half-of-the-shorter"),
        pytest.param((0, 10), (10, 20), 0.0, id="touching-is-not-overlapping"),
        pytest.param((3, 5), (0, 10), 1.0, id="contained"),
    ],
)
def test_overlap_share_of_shorter(a: tuple[int, int], b: tuple[int, int], share: float) -> None:
    assert overlap_share_of_shorter(a, b) == pytest.approx(share)


@pytest.mark.parametrize(
    ("predicted", "gold", "matched"),
    [
        pytest.param(goal("甲乙", 0, 10), goal("丙丁", 5, 10), 1, id="overlap-exactly-half"),
        pytest.param(goal("甲乙", 0, 10), goal("丙丁", 6, 10), 0, id="overlap-under-half"),
        pytest.param(goal("甲乙", 0, 4), goal("丙丁", 2, 40), 1, id="overlap-half-of-the-shorter"),
        pytest.param(
            goal("加快建设副中心", 0), goal("加快建设副中心城市", 500), 1, id="far-apart-but-similar-text"
        ),
        pytest.param(
            goal("打造全省增长极", 0), goal("建设共同富裕示范区", 500), 0, id="far-apart-and-different"
        ),
    ],
)
def test_goal_match(predicted: Goal, gold: Goal, matched: int) -> None:
    assert score_goals([predicted], [gold]).matched == matched


@pytest.mark.parametrize(
    ("predicted", "gold", "matched"),
    [
        pytest.param(task("甲乙", 0, 20), task("丙丁", 10, 30), 1, id="overlap-half-of-shorter"),
        pytest.param(task("着力扩大有效投资", 0), task("着力扩大有效需求", 900), 1, id="title-dice"),
        pytest.param(task("着力扩大有效投资", 0), task("深化重点领域改革", 900), 0, id="neither"),
    ],
)
def test_task_match(predicted: Task, gold: Task, matched: int) -> None:
    counts, _ = score_tasks([predicted], [gold])
    assert counts.matched == matched


def test_tasks_match_one_to_one() -> None:
    gold = [task("着力扩大有效投资", 0, 20)]
    predicted = [task("着力扩大有效投资", 0, 20), task("着力扩大有效投资", 5, 20)]
    counts, _ = score_tasks(predicted, gold)
    assert (counts.matched, counts.precision, counts.recall) == (1, 0.5, 1.0)


def test_area_accuracy_counts_the_matched_pairs_that_agree_on_area() -> None:
    gold = [task("着力扩大有效投资", 0, area="economy"), task("深化重点领域改革", 100, area="reform_opening")]
    predicted = [task("着力扩大有效投资", 0, area="economy"), task("深化重点领域改革", 100, area="industry")]
    _, areas = score_tasks(predicted, gold)
    assert (areas.pairs, areas.equal, areas.accuracy) == (2, 1, 0.5)


def test_area_accuracy_ignores_unmatched_tasks() -> None:
    gold = [task("着力扩大有效投资", 0, area="economy")]
    predicted = [task("着力扩大有效投资", 0, area="economy"), task("加强生态环境保护", 900, area="other")]
    _, areas = score_tasks(predicted, gold)
    assert (areas.pairs, areas.accuracy) == (1, 1.0)
    _, none = score_tasks([task("加强生态环境保护", 900)], gold)
    assert (none.pairs, none.accuracy) == (0, None)


def test_area_accuracy_is_summed_over_documents_before_dividing() -> None:
    first = Document(index=0, start=0, end=50, tasks=[task("着力扩大有效投资", 0, area="economy")])
    second_gold = Document(
        index=1,
        start=50,
        end=200,
        tasks=[
            task("深化重点领域改革", 50, area="reform_opening"),
            task("加强生态环境保护", 100, area="environment"),
        ],
    )
    second = Document(
        index=1,
        start=50,
        end=200,
        tasks=[task("深化重点领域改革", 50, area="other"), task("加强生态环境保护", 100, area="other")],
    )
    scores = score_documents([first, second], [first, second_gold], "字" * 200)
    assert [score.areas.accuracy for score in scores] == [1.0, 0.0]
    micro = micro_average(scores)
    # Macro would be 0.5; micro is 1 agreeing of 3 pairs.
    assert (micro.areas.pairs, micro.areas.equal) == (3, 1)
    assert micro.areas.accuracy == pytest.approx(1 / 3)


def test_grounding_counts_items_whose_quote_is_not_the_text() -> None:
    grounded = target("地区生产总值", quote="地区生产总值增长8.5%", start=2)
    misplaced = target("规模以上工业增加值", 9, quote="规模以上工业增加值增长9%", start=0)
    document = Document(index=0, start=0, end=len(TEXT), targets=[grounded, misplaced])
    grounding = score_document(document, document, TEXT).grounding
    assert (grounding.grounded, grounding.items, grounding.share) == (1, 2, 0.5)


def test_grounding_of_all_items_at_their_span_is_one() -> None:
    quote = "城镇新增就业3万人以上"
    item = target("城镇新增就业", 3, unit="万人", quote=quote, start=TEXT.index(quote))
    document = Document(index=0, start=0, end=len(TEXT), targets=[item])
    assert score_document(document, None, TEXT).grounding.share == 1.0


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        pytest.param(Counts(matched=2, predicted=4, gold=2), (0.5, 1.0, 2 / 3), id="half-precision"),
        pytest.param(Counts(matched=0, predicted=0, gold=3), (0.0, 0.0, 0.0), id="nothing-predicted"),
        pytest.param(Counts(matched=0, predicted=2, gold=0), (0.0, 0.0, 0.0), id="nothing-to-find"),
        pytest.param(Counts(), (1.0, 1.0, 1.0), id="nothing-and-nothing"),
    ],
)
def test_precision_recall_f1(counts: Counts, expected: tuple[float, float, float]) -> None:
    assert (counts.precision, counts.recall, counts.f1) == pytest.approx(expected)


def test_micro_average_sums_counts_before_dividing() -> None:
    small = Document(index=0, start=0, end=10, goals=[goal("甲乙", 0)])
    large_gold = Document(
        index=1, start=10, end=90, goals=[goal(f"目标{i}", 10 + 5 * i, 3) for i in range(9)]
    )
    large_predicted = Document(index=1, start=10, end=90, goals=[goal("别的", 80, 2)])
    scores = score_documents([small, large_predicted], [small, large_gold], "字" * 90)
    assert [score.goals.f1 for score in scores] == pytest.approx([1.0, 0.0])
    micro = micro_average(scores)
    # Macro would be 0.5; micro is 1 matched of 2 predicted and 10 gold.
    assert (micro.goals.matched, micro.goals.predicted, micro.goals.gold) == (1, 2, 10)
    assert micro.goals.f1 == pytest.approx(2 * 0.5 * 0.1 / 0.6)


def test_documents_pair_by_position_and_unpaired_ones_count_fully() -> None:
    first = Document(index=0, start=0, end=10, goals=[goal("甲乙", 0)])
    extra = Document(index=1, start=10, end=20, goals=[goal("丙丁", 10), goal("戊己", 14)])
    scores = score_documents([first, extra], [first], "字" * 20)
    assert len(scores) == 2
    assert (scores[1].goals.matched, scores[1].goals.predicted, scores[1].goals.gold) == (0, 2, 0)
    missing = score_documents([], [first], "字" * 20)
    assert (missing[0].goals.matched, missing[0].goals.gold) == (0, 1)
