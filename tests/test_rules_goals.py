from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.backends.rules.goals import find_goals
from summarizer.describe import describe
from summarizer.models import Chunk, DocumentSpan, Section

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _chunk(text: str, *, review_year: int | None = None, sections: tuple[Section, ...] = ()) -> Chunk:
    document = DocumentSpan(index=0, start=0, end=len(text), review_year=review_year, sections=sections)
    return Chunk(index=0, start=0, end=len(text), text=text, document=document)


def _quotes(text: str, **document: object) -> list[str]:
    return [goal.quote for goal in find_goals(_chunk(text, **document))]  # type: ignore[arg-type]


OVERALL_REQUIREMENT = (
    "明年全县经济工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调，"
    "锚定“工业强县”目标，统筹发展和安全，继续做好“六稳”“六保”工作，着力稳定经济基本盘，"
    "保持经济平稳健康发展，保持社会大局稳定，以优异成绩迎接党的二十大胜利召开。"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            OVERALL_REQUIREMENT,
            [
                "锚定“工业强县”目标",
                "保持经济平稳健康发展，保持社会大局稳定",
                "以优异成绩迎接党的二十大胜利召开",
            ],
            id="overall-requirement-tail-and-named-objective",
        ),
        pytest.param(
            "作为区域性中心城市、带动全省发展新的增长极，主要经济指标增速必须高于全省平均水平。",
            ["区域性中心城市、带动全省发展新的增长极", "主要经济指标增速必须高于全省平均水平"],
            id="a-positioning-and-a-comparative-end-state-stay-apart",
        ),
        pytest.param(
            "我们要努力建设全国先进制造业基地，加快打造内陆开放新高地，在中部地区崛起中奋勇争先。",
            ["努力建设全国先进制造业基地，加快打造内陆开放新高地，在中部地区崛起中奋勇争先"],
            id="positionings-and-striving-aims",
        ),
        pytest.param(
            "要加快建设现代化区域中心城市，推动县域经济实现新跨越，建设一批区域性物流中心。",
            ["加快建设现代化区域中心城市，推动县域经济实现新跨越"],
            id="a-modern-city-and-a-leap-but-not-a-batch-of-centres",
        ),
        pytest.param(
            "要在招大引强上实现新突破，在加装电梯上实现新突破。",
            [],
            id="a-breakthrough-in-one-field-of-work-is-no-goal",
        ),
        pytest.param(
            "要做强白酒产业链，努力把我县打造成为全国知名的白酒之都。",
            ["努力把我县打造成为全国知名的白酒之都"],
            id="make-into-positioning",
        ),
        pytest.param(
            "要坚持生态优先，走出一条生态优先绿色发展之路。",
            ["走出一条生态优先绿色发展之路"],
            id="walk-a-road",
        ),
        pytest.param(
            "我们要攻坚克难、奋勇争先，不断开创全市高质量发展新局面。",
            ["不断开创全市高质量发展新局面"],
            id="open-new-situation",
        ),
        pytest.param(
            "（三）坚持开放带动，打造全省对外开放新高地\n",
            ["打造全省对外开放新高地"],
            id="heading-positioning",
        ),
        pytest.param(
            "做好今年工作，要以新思想为指导，坚持稳中求进工作总基调，更好统筹发展和安全，"
            "全面深化改革开放，突出做好稳就业工作，推动经济运行整体好转，保持社会大局稳定。",
            ["推动经济运行整体好转", "保持社会大局稳定"],
            id="aims-after-more-integrated-means",
        ),
        pytest.param(
            "明年全县经济工作的总体思路是：以新思想为指导，全面落实省委决策部署，"
            "奋力打造全省县域高质量发展示范县，加快建设区域性物流枢纽。",
            ["奋力打造全省县域高质量发展示范县", "加快建设区域性物流枢纽"],
            id="aims-after-guiding-clauses-without-means",
        ),
        pytest.param(
            "会议的主要任务是，以新思想为指导，认真落实省委部署，总结今年经济工作，"
            "部署明年经济工作，动员全市上下真抓实干。",
            [],
            id="meeting-agenda-is-no-aim",
        ),
        pytest.param(
            "同志们，让我们踔厉奋发、勇毅前行，为全面建设社会主义现代化强市而不懈奋斗！",
            ["全面建设社会主义现代化强市"],
            id="closing-call-to-strive",
        ),
        pytest.param(
            "我们要紧密团结在以同志为核心的党中央周围，为加快建设区域中心城市努力奋斗。",
            ["加快建设区域中心城市"],
            id="closing-call-not-for-the-core",
        ),
        pytest.param(
            "要加快建设新型消费中心。",
            [],
            id="plain-building-is-a-task",
        ),
        pytest.param(
            "要新建改造农村公路200公里，建设标准化厂房10万平方米。",
            [],
            id="numbers-are-not-goals",
        ),
        pytest.param(
            "一年来，我们顺利实现了“十四五”良好开局，打造了全国一流的营商环境高地。",
            [],
            id="reported-past-is-no-goal",
        ),
        pytest.param(
            "要扎实推进数字化改革、打造全球数字变革高地。",
            ["打造全球数字变革高地"],
            id="goal-after-an-enumeration-comma",
        ),
        pytest.param(
            "要全力以赴抓落实，推动全县经济社会发展再上新台阶。",
            ["推动全县经济社会发展再上新台阶"],
            id="a-new-level",
        ),
        pytest.param(
            "今年工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，更好统筹发展和安全，"
            "实施更加积极有为的宏观政策，扩大国内需求，稳定预期、激发活力，推动经济持续回升向好，"
            "不断提高人民生活水平，地区生产总值增长5%左右。",
            ["推动经济持续回升向好", "不断提高人民生活水平"],
            id="means-attitudes-and-figures-of-an-overall-requirement-are-no-goals",
        ),
        pytest.param(
            "总体要求是：以习近平新时代中国特色社会主义思想为指导，在省委正确领导下，以走在前列的昂扬姿态，"
            "锐意进取、真抓实干，奋力谱写中国式现代化新篇章。",
            ["奋力谱写中国式现代化新篇章"],
            id="conditions-and-spirit-are-no-goals",
        ),
    ],
)
def test_goals_found(text: str, expected: list[str]) -> None:
    assert _quotes(text) == expected


def test_parts_of_an_earlier_listed_goal_are_not_repeated() -> None:
    text = (
        "要坚持刀刃向内，打造高效、法治、廉洁政府。\n"
        "一是坚持重实干，打造高效政府。二是坚持依法行政，打造法治政府。"
    )
    assert _quotes(text) == ["打造高效、法治、廉洁政府"]


def test_review_part_keeps_only_forward_sentences() -> None:
    text = "全县打造全国生态文明第一县。我们要努力把我县打造成为全国生态文明第一县。"
    review = (Section(start=0, end=len(text), heading=None, part="review"),)
    assert _quotes(text, sections=review) == ["努力把我县打造成为全国生态文明第一县"]


def test_review_part_reads_zhuyao_as_no_forward_word() -> None:
    """``主要经济指标`` holds 要 but looks back: a review sentence with it states no goal."""
    text = "过去一年，主要经济指标好于预期，推动高质量发展迈出坚实步伐，加快建设全国重要的先进制造业基地。"
    review = (Section(start=0, end=len(text), heading=None, part="review"),)
    assert _quotes(text, sections=review) == []


def test_sentence_opening_with_the_review_year_is_reported() -> None:
    text = "2021年，全县着力打造全省营商环境最优县。"
    assert _quotes(text, review_year=2021) == []
    assert _quotes(text) == ["着力打造全省营商环境最优县"]


def test_goal_text_drops_leading_adverbs() -> None:
    [goal] = find_goals(_chunk("要加大投入，致力建设国家创新型城市。"))
    assert (goal.text, goal.quote) == ("建设国家创新型城市", "致力建设国家创新型城市")


def test_offsets_are_chunk_relative() -> None:
    text = "同志们：\n要着力打造全国重要的先进制造业基地。"
    chunk = Chunk(index=1, start=100, end=100 + len(text), text=text, document=DocumentSpan(0, 0, 500))
    [goal] = find_goals(chunk)
    assert goal.offset is not None
    assert text[goal.offset : goal.offset + len(goal.quote)] == goal.quote


def test_seed_goals_are_grounded() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        fixture = json.loads(
            (ROOT / "evals" / "fixtures" / "seeds" / f"{path.stem}.json").read_text(encoding="utf-8")
        )
        for gold in fixture["documents"]:
            span = describe(text, DocumentSpan(index=gold["index"], start=gold["start"], end=gold["end"]))
            chunk = Chunk(
                index=0, start=span.start, end=span.end, text=text[span.start : span.end], document=span
            )
            goals = find_goals(chunk)
            assert goals
            for goal in goals:
                assert goal.offset is not None
                assert chunk.text[goal.offset : goal.offset + len(goal.quote)] == goal.quote


def test_as_many_goals_as_the_text_states() -> None:
    stated = [
        "打造全国先进制造业高地",
        "打造区域性国际消费中心",
        "建设国家重要能源基地",
        "打造全国性综合交通枢纽",
        "打造向北开放的重要门户",
        "打造乡村振兴的全国样板",
        "争当全国高质量发展排头兵",
        "建设国家生态文明建设示范区",
        "打造改革开放先行区",
        "打造全省经济发展新的增长极",
        "打造全国开放合作桥头堡",
        "走出一条生态优先绿色发展之路",
        "不断开创高质量发展新局面",
        "谱写中国式现代化的精彩篇章",
        "打造全国数字经济标杆",
    ]
    text = "".join(f"我们要{goal}。" for goal in stated)
    goals = find_goals(
        Chunk(index=0, start=0, end=len(text), text=text, document=DocumentSpan(0, 0, len(text)))
    )
    assert [goal.quote for goal in goals] == stated
