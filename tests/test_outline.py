"""The outline: top-level headings, section spans and the part (review, plan, other) of each."""

from __future__ import annotations

import itertools

import pytest

from summarizer.outline import cn_number, outline

DECEMBER_SPEECH = (
    "同志们：\n"
    "下面，我讲三点意见。\n"
    "一、关于今年经济工作\n"
    "今年全市经济运行稳中向好，预计全年地区生产总值增长8%左右。\n"
    "二、关于当前经济形势\n"
    "当前外部环境复杂严峻，机遇和挑战并存。\n"
    "三、关于明年经济工作主要目标任务\n"
    "明年全市经济工作的主要目标是：地区生产总值增长7%。\n"
    "四、切实加强党的领导，改进作风狠抓落实\n"
    "各级党委要把经济工作抓在手上。\n"
)

WORK_REPORT = (
    "各位代表：\n"
    "一、2021年工作回顾\n"
    "过去一年，我们坚持稳中求进，全市经济持续恢复。\n"
    "二、2022年工作安排\n"
    "2022年是党的二十大召开之年。全年主要预期目标是：地区生产总值增长6%。\n"
    "三、全面加强政府自身建设\n"
    "我们要坚持依法行政，持续改进作风。\n"
)

JANUARY_SPEECH = (
    "一、充分肯定成绩，坚定发展信心\n"
    "2021年，全区上下团结奋斗，交出了优异答卷。\n"
    "二、明晰形势任务，奋力推动高质量发展\n"
    "今年是党的二十大召开之年，做好今年经济工作意义重大。\n"
    "三、加强党的领导，汇聚强大合力\n"
    "要提升政治站位，强化使命担当。\n"
)

NO_HEADINGS = (
    "2021年，全省经济运行稳中向好，实现了良好开局。\n"
    "当前经济发展面临的困难和挑战明显增多。\n"
    "会议确定，2022年经济工作要抓好以下重点任务：\n"
    "一是大力推进产业发展。要培育全产业链。\n"
    "二是加强生态环境保护。要打好污染防治攻坚战。\n"
)


def _parts(text: str) -> list[tuple[str | None, str]]:
    return [(section.heading, section.part) for section in outline(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            DECEMBER_SPEECH,
            [
                (None, "other"),
                ("一、关于今年经济工作", "review"),
                ("二、关于当前经济形势", "other"),
                ("三、关于明年经济工作主要目标任务", "plan"),
                ("四、切实加强党的领导，改进作风狠抓落实", "plan"),
            ],
            id="december-speech-this-year-is-review",
        ),
        pytest.param(
            WORK_REPORT,
            [
                (None, "other"),
                ("一、2021年工作回顾", "review"),
                ("二、2022年工作安排", "plan"),
                ("三、全面加强政府自身建设", "plan"),
            ],
            id="work-report-review-and-arrangements",
        ),
        pytest.param(
            JANUARY_SPEECH,
            [
                ("一、充分肯定成绩，坚定发展信心", "review"),
                ("二、明晰形势任务，奋力推动高质量发展", "plan"),
                ("三、加强党的领导，汇聚强大合力", "plan"),
            ],
            id="january-speech-this-year-is-plan",
        ),
    ],
)
def test_headings_and_parts(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _parts(text) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "part"),
    [
        pytest.param(NO_HEADINGS, "实现了良好开局", "review", id="no-headings-review-paragraph"),
        pytest.param(NO_HEADINGS, "会议确定", "plan", id="no-headings-plan-paragraph"),
        pytest.param(NO_HEADINGS, "二是加强生态", "plan", id="no-headings-list-inherits-plan"),
        pytest.param(DECEMBER_SPEECH, "预计全年", "review", id="body-of-review-section"),
        pytest.param(DECEMBER_SPEECH, "主要目标是", "plan", id="body-of-plan-section"),
    ],
)
def test_part_at_a_phrase(text: str, phrase: str, part: str) -> None:
    position = text.index(phrase)
    sections = outline(text, 0, len(text))
    assert [section.part for section in sections if section.start <= position < section.end] == [part]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(DECEMBER_SPEECH, id="numbered"),
        pytest.param(NO_HEADINGS, id="paragraphs"),
    ],
)
def test_sections_tile_the_document(text: str) -> None:
    sections = outline(text, 0, len(text))
    assert sections[0].start == 0
    assert sections[-1].end == len(text)
    assert all(left.end == right.start for left, right in itertools.pairwise(sections))


def test_file_coordinates_inside_a_compilation() -> None:
    prefix = "目录\n某某讲话\n"
    text = prefix + DECEMBER_SPEECH + "尾声"
    sections = outline(text, len(prefix), len(prefix) + len(DECEMBER_SPEECH))
    assert sections[0].start == len(prefix)
    assert sections[-1].end == len(prefix) + len(DECEMBER_SPEECH)
    review = next(section for section in sections if section.part == "review")
    assert text[review.start : review.start + 3] == "一、关"


def test_out_of_order_number_is_not_a_heading() -> None:
    text = "一、关于今年工作回顾\n成绩显著。\n三、二产业发展\n占比提高。\n二、关于明年工作安排\n要抓好。\n"
    assert [heading for heading, _ in _parts(text)] == ["一、关于今年工作回顾", "二、关于明年工作安排"]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        pytest.param("一", 1, id="one"),
        pytest.param("十", 10, id="ten"),
        pytest.param("十二", 12, id="twelve"),
        pytest.param("二十", 20, id="twenty"),
    ],
)
def test_cn_number(numeral: str, value: int) -> None:
    assert cn_number(numeral) == value


def test_empty_span_has_no_sections() -> None:
    assert outline("一、回顾\n", 3, 3) == ()


# --- What is appended to a report: glossaries, annotations, annexes; a part that explains another document.

REPORT_BODY = (
    "各位代表：\n"
    "一、2024年工作回顾\n"
    "过去一年，我们交出了优异答卷。\n"
    "二、2025年工作安排\n"
    "（一）着力扩大有效需求。实施消费提振行动。\n"
    "（二）着力推进乡村振兴。巩固脱贫攻坚成果。\n"
    "三、全面加强政府自身建设\n"
    "我们要坚持依法行政。\n"
    "各位代表！让我们更加紧密地团结在一起，为全面建设现代化强省而不懈奋斗！\n"
)
GLOSSARY_ITEMS = (
    "1.“两重”：国家重大战略实施和重点领域安全能力建设。\n2.“两新”：大规模设备更新和消费品以旧换新。\n"
)
BRACKET_NOTES = "〔1〕两不愁三保障：即不愁吃、不愁穿。\n〔2〕六大产业：指食用菌、林果。\n〔3〕两区同建：结合搬迁建设园区。\n"
ANNEXED_LIST = (
    "2025年省十件民生实事\n"
    "一、提升养老服务水平。为2.5万名失能老年人提供康复护理服务。\n"
    "二、稳定和扩大就业。实现城镇新增就业50万人以上。\n"
    "三、提升县域基础教育水平。新建幼儿园40所。\n"
    "四、推进城镇生活污水治理。新增改造管网2000公里。\n"
)
PROJECT_TABLE = "附表\n序号\n项目名称\n总投资\n1\n东环路改造工程\n1.8亿元\n"
EXPLANATION = (
    "三、关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明\n"
    "（一）“十一五”时期经济社会发展的指导原则和主要目标\n"
    "必须坚持以科学发展观统领经济社会发展全局。\n"
    "（二）“十一五”时期的战略重点和主要任务\n"
    "要着力推进自主创新。\n"
)


def _appended_parts(text: str) -> list[tuple[str | None, str]]:
    return [(s.heading, s.part) for s in outline(text, 0, len(text)) if s.start >= len(REPORT_BODY)]


@pytest.mark.parametrize(
    ("appended", "expected"),
    [
        pytest.param("名词解释\n" + GLOSSARY_ITEMS, [("名词解释", "notes")], id="glossary"),
        pytest.param("※名词解释※\n" + GLOSSARY_ITEMS, [("※名词解释※", "notes")], id="glossary-stars"),
        pytest.param("【名词解释】\n" + GLOSSARY_ITEMS, [("【名词解释】", "notes")], id="glossary-brackets"),
        pytest.param("[名词解释]\n" + GLOSSARY_ITEMS, [("[名词解释]", "notes")], id="glossary-square"),
        pytest.param("*名词解释\n" + GLOSSARY_ITEMS, [("*名词解释", "notes")], id="glossary-asterisk"),
        pytest.param("名 词 解 释\n" + BRACKET_NOTES, [("名 词 解 释", "notes")], id="glossary-spaced"),
        pytest.param("名词解释：\n" + GLOSSARY_ITEMS, [("名词解释：", "notes")], id="glossary-colon"),
        pytest.param(
            "《政府工作报告》名词解释\n" + GLOSSARY_ITEMS,
            [("《政府工作报告》名词解释", "notes")],
            id="glossary-titled",
        ),
        pytest.param("※注释※\n" + BRACKET_NOTES, [("※注释※", "notes")], id="annotations"),
        pytest.param("注释\n［1］一降三减：\n火灾起数下降。\n", [("注释", "notes")], id="annotations-plain"),
        pytest.param(
            "附件一：名词解释\n" + GLOSSARY_ITEMS, [("附件一：名词解释", "notes")], id="annex-glossary"
        ),
        pytest.param(
            "附件\n《政府工作报告》有关内容名词注释\n" + GLOSSARY_ITEMS,
            [("附件", "notes"), ("《政府工作报告》有关内容名词注释", "notes")],
            id="annex-titled-glossary",
        ),
        pytest.param(BRACKET_NOTES, [(None, "notes")], id="bracketed-notes-without-heading"),
        pytest.param("附件1\n" + ANNEXED_LIST, [("附件1", "annex")], id="annexed-list"),
        pytest.param(PROJECT_TABLE, [("附表", "annex")], id="project-table"),
        pytest.param(
            "附件1\n" + ANNEXED_LIST + "附件2 名词解释\n" + GLOSSARY_ITEMS,
            [("附件1", "annex"), ("附件2 名词解释", "notes")],
            id="annex-then-glossary",
        ),
    ],
)
def test_appended_parts(appended: str, expected: list[tuple[str | None, str]]) -> None:
    assert _appended_parts(REPORT_BODY + appended) == expected


def test_an_annexed_list_does_not_continue_the_reports_headings() -> None:
    text = REPORT_BODY + "附件1\n" + ANNEXED_LIST
    headings = [s.heading for s in outline(text, 0, len(text)) if s.heading]
    assert headings == ["一、2024年工作回顾", "二、2025年工作安排", "三、全面加强政府自身建设", "附件1"]


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("附件：政府工作报告有关数据来源于统计部门初步核算。\n", id="a-sentence-about-an-annex"),
        pytest.param("我们要做好注释工作，加强名词解释的宣传。\n", id="a-sentence-naming-a-glossary"),
        pytest.param(
            "（1）有步骤地实行半工半读。\n（2）推行技术革新。\n（3）加强政治思想工作。\n", id="a-plan-list"
        ),
    ],
)
def test_no_appendix_where_the_text_has_none(line: str) -> None:
    text = REPORT_BODY.replace("我们要坚持依法行政。\n", "我们要坚持依法行政。\n" + line)
    assert {s.part for s in outline(text, 0, len(text))} <= {"review", "plan", "other"}


def test_a_part_that_explains_a_plan_draft() -> None:
    text = REPORT_BODY.replace("三、全面加强政府自身建设\n我们要坚持依法行政。\n", EXPLANATION)
    parts = _parts(text)
    assert parts[-1] == (EXPLANATION.split("\n")[0], "explanation")
    assert ("二、2025年工作安排", "plan") in parts


def test_a_document_titled_as_an_explanation() -> None:
    text = "关于2025年全省预算执行情况的说明\n一、2024年预算执行情况\n全年收入增长5%。\n二、2025年预算安排\n要加强收入征管。\n"
    assert {part for _, part in _parts(text)} == {"explanation"}


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        pytest.param(
            "一、“六五”计划执行情况的回顾\n成绩显著。\n二、“七五”时期的基本任务和主要建设方针\n"
            "一、确定适度的经济增长率\n要积极。\n二、规定恰当的投资规模\n一、继续增加能源投资。\n二、控制非生产性投资。\n"
            "三、把更多的资金用于技术改造。\n三、坚持把科技进步放在重要的战略地位\n四、以增强出口创汇能力为中心\n"
            "三、“七五”时期的经济体制改革\n要深化改革。\n四、坚持独立自主的和平外交政策\n",
            [
                "一、“六五”计划执行情况的回顾",
                "二、“七五”时期的基本任务和主要建设方针",
                "三、“七五”时期的经济体制改革",
                "四、坚持独立自主的和平外交政策",
            ],
            id="lists-nested-in-a-part-are-not-parts",
        ),
        pytest.param(
            "一、2024年工作回顾\n成绩显著。\n二、2025年工作安排\n一、扩大有效需求，实施消费提振行动。\n"
            "二、推进乡村振兴，巩固脱贫成果。\n三、全面加强政府自身建设\n要依法行政。\n",
            ["一、2024年工作回顾", "二、2025年工作安排", "三、全面加强政府自身建设"],
            id="a-heading-line-after-nested-paragraph-items",
        ),
    ],
)
def test_nested_numbering(text: str, headings: list[str]) -> None:
    assert [heading for heading, _ in _parts(text) if heading] == headings


def test_a_numbered_list_of_paragraphs_before_the_numbered_parts_is_no_outline() -> None:
    """``一、…。`` paragraphs in the review, then lessons, then the plan's ten parts as heading lines."""
    text = (
        "各位代表：\n五年来，我们取得了很大成绩。当前突出的问题是物价上涨过多。为此，要采取以下措施：\n"
        "一、继续坚持改革不合理的价格体系，逐步调整农副产品价格。对价格要加强管理。\n"
        "二、从增加供给和抑制需求两方面入手，适当控制物价上涨幅度。要努力保持稳定。\n"
        "回顾过去五年，我们获得了以下经验：\n"
        "一、坚持把改革放在总揽全局的位置上\n改革是一场深刻的变革。\n"
        "二、坚持从实际出发\n实践证明是正确的。\n"
        "今后五年，要努力实现以下三项主要任务。\n"
        "一、大力发展农业生产和加强基础设施的建设\n要保持农业稳定增长。\n"
        "二、加快科学技术和教育事业的发展\n要依靠科技进步。\n"
        "三、随着经济建设的发展，进一步加强国防建设\n要增强国防实力。\n"
    )
    sections = outline(text, 0, len(text))
    headed = [(section.heading, section.part) for section in sections if section.heading]
    assert headed == [
        ("一、大力发展农业生产和加强基础设施的建设", "plan"),
        ("二、加快科学技术和教育事业的发展", "plan"),
        ("三、随着经济建设的发展，进一步加强国防建设", "plan"),
    ]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        pytest.param(
            "三、深入改革经济体制和扩大对外开放国民经济的长期稳定发展，既要靠正确的方针，又要靠深入改革和扩大对外开放。这是基本经验。",
            "三、深入改革经济体制和扩大对外开放",
            id="a-heading-that-ran-into-its-body",
        ),
        pytest.param(
            "三、明年经济工作中的八个方面重点任务。一是扩大内需。二是稳定就业。",
            "三、明年经济工作中的八个方面重点任务。",
            id="a-part-written-in-one-line-keeps-its-first-sentence",
        ),
        pytest.param(
            "三、加快发展现代产业体系，推动经济体系优化升级，坚持把发展经济的着力点放在实体经济上。要稳定发展。",
            "三、加快发展现代产业体系，推动经济体系优化升级，坚持把发展经济的着力点放在实体经济上。",
            id="nothing-restated-no-cut",
        ),
    ],
)
def test_a_heading_line_that_lost_its_line_break(line: str, heading: str) -> None:
    text = (
        "一、过去一年的工作回顾\n过去一年，我们取得了显著成绩。\n二、坚持长期稳定发展经济的方针\n要稳定发展。\n"
        + line
        + "\n要继续推进。\n"
    )
    assert [section.heading for section in outline(text, 0, len(text))][-1] == heading


def test_a_part_on_how_the_five_year_plan_was_conceived_explains_it() -> None:
    text = (
        "一、2025年工作回顾\n过去一年，我们交出了优异答卷。\n"
        "二、“十五五”时期发展的主要考虑\n省政府编制了规划纲要草案，提交本次大会审查。\n"
        "三、2026年工作安排\n（一）着力扩大有效需求。\n"
    )
    assert [section.part for section in outline(text, 0, len(text))] == ["review", "explanation", "plan"]


def test_a_topic_after_the_plans_parts_is_plan() -> None:
    text = (
        "一、一九五八年的伟大成就\n一年来，我们取得了伟大成就。\n"
        "二、我们在一九五九年经济战线上的任务\n今年要继续发展工业和农业。\n"
        "三、关于国家的政治生活\n在过去的一年里，我国人民民主专政更加巩固了。\n"
        "四、关于对外政策\n过去一年，国际形势发生了有利于和平的变化。\n"
    )
    assert [section.part for section in outline(text, 0, len(text))] == ["review", "plan", "plan", "plan"]


def test_parts_named_by_lines_before_the_numbered_ones() -> None:
    """A report whose review and plan are named by stand-alone lines, with ``一、…`` numbering only the plan's
    parts: the review is its own section, not the start of the plan."""
    text = (
        "各位代表：\n"
        "“十四五”时期发展成就和2025年工作回顾\n"
        "这五年综合实力大幅提升。经济总量达到2.67万亿元。\n"
        "刚刚过去的2025年，我们统筹做好各项工作。一是保持经济平稳运行。二是加快产业优化升级。\n"
        "成绩固然可喜，问题也不容忽视。一是生态环境本底仍然脆弱。二是科技创新能力不足。\n"
        "“十五五”时期主要目标和2026年重点工作\n"
        "2026年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n"
        "一、把铸牢中华民族共同体意识作为各项工作的主线\n要加强共有精神家园建设。\n"
        "二、全力抓好七项重点工作\n（一）立足壮大实体经济，建设现代化产业体系。\n"
    )
    sections = outline(text, 0, len(text), years=(2025, 2026))
    assert [(section.heading, section.part) for section in sections][1:] == [
        ("“十四五”时期发展成就和2025年工作回顾", "review"),
        ("“十五五”时期主要目标和2026年重点工作", "plan"),
        ("一、把铸牢中华民族共同体意识作为各项工作的主线", "plan"),
        ("二、全力抓好七项重点工作", "plan"),
    ]
