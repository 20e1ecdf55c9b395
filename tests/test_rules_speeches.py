"""Speeches of the genre's common shapes, written for the test (never copied from a source): economic work
conference speeches, a communiqué, a plenary report. Each gives its tasks (SPEC 3, Tasks) and the goals a reader
would keep (SPEC 3, Goals): the overall requirement's aims, positionings and named objectives, a list of
end-states, the closing aim."""

from __future__ import annotations

import pytest

from summarizer.models import Document
from summarizer.pipeline import summarize_text

CITY_CONFERENCE_SPEECH = (
    "在市委经济工作会议上的讲话\n"
    "（2023年12月20日）\n"
    "同志们：\n"
    "这次市委经济工作会议的主要任务是，深入贯彻中央经济工作会议和省委经济工作会议精神，总结今年经济工作，分析当前经济形势，部署明年经济工作。下面，我讲三个方面的意见。\n"
    "一、充分肯定今年经济工作取得的成绩\n"
    "今年以来，全市上下坚持稳中求进工作总基调，预计全年地区生产总值增长6.5%左右，一般公共预算收入增长8%。\n"
    "二、准确把握明年经济工作的总体要求\n"
    "明年经济工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，统筹发展和安全，加快建设区域性中心城市，奋力打造全省高质量发展增长极，为谱写现代化建设新篇章作出更大贡献。\n"
    "明年经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长6%。\n"
    "三、扎实做好明年经济工作\n"
    "明年要重点抓好以下几个方面工作。\n"
    "（一）坚持扩大有效需求，推动经济持续回升向好。要全力扩大有效投资，全年实施重点项目300个。要大力提振消费，培育消费新场景。\n"
    "（二）坚持产业强市，加快构建现代化产业体系。一要做强先进制造业。二要做优现代服务业。三要做精现代农业。\n"
    "（三）坚持改革开放，持续激发发展活力。深化国资国企改革，优化营商环境，努力打造一流营商环境城市。\n"
    "（四）坚持人民至上，持续保障和改善民生。办好民生实事，兜牢民生底线。\n"
    "同志们，做好明年经济工作，责任重大、使命光荣。让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力谱写现代化建设新篇章！\n"
)

COUNTY_CONFERENCE_SPEECH = (
    "在县委经济工作会议上的讲话\n"
    "同志们：\n"
    "今天召开县委经济工作会议，主要任务是总结今年工作，安排部署明年工作。\n"
    "一、今年经济工作回顾\n"
    "今年以来，全县经济运行稳中有进，预计地区生产总值增长7%，固定资产投资增长12%。\n"
    "二、明年工作的目标和思路\n"
    "明年全县经济工作的指导思想是：以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持稳中求进工作总基调，聚焦“工业强县、生态立县”发展定位，全力打造京津冀生态旅游目的地，奋力实现县域经济高质量发展。\n"
    "主要预期目标是：地区生产总值增长6.5%，规模以上工业增加值增长8%。\n"
    "三、明年重点工作\n"
    "一要突出抓好项目建设。坚持项目为王，全年实施亿元以上项目50个。\n"
    "二要突出抓好产业转型。培育壮大主导产业，加快传统产业改造升级。\n"
    "三要突出抓好乡村振兴。巩固拓展脱贫攻坚成果，建设宜居宜业和美乡村。\n"
    "四要突出抓好民生保障。落实就业优先政策，办好民生实事。\n"
    "四、切实加强党对经济工作的领导\n"
    "——强化政治引领。各级党组织要提高政治站位。\n"
    "——强化作风建设。坚决纠治“四风”，大兴调查研究之风。\n"
    "——强化责任落实。压实各级责任，确保各项工作落地见效。\n"
    "同志们，让我们以更加昂扬的斗志，奋力开创全县高质量发展新局面！\n"
)

PLENARY_COMMUNIQUE = (
    "中共某市委十二届六次全体会议公报\n"
    "中国共产党某市第十二届委员会第六次全体会议，于2023年12月25日在某市举行。\n"
    "全会认为，今年以来，全市上下团结奋斗，经济运行持续回升向好，预计全年地区生产总值增长6%。\n"
    "全会强调，明年是实施“十四五”规划的关键之年。做好明年工作，要以习近平新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调，锚定“建设现代化区域中心城市”目标，推动经济实现质的有效提升和量的合理增长。\n"
    "全会提出，明年经济社会发展主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业5万人以上。\n"
    "全会明确了明年六个方面重点任务。一是着力扩大有效需求，加快重大项目建设。二是着力推动产业升级，发展新质生产力。三是着力深化改革开放，持续优化营商环境。四是着力推进乡村振兴，促进城乡融合发展。五是着力保障和改善民生，兜牢民生底线。六是着力防范化解风险，守牢安全底线。\n"
    "全会号召，全市各级党组织和广大党员干部群众要更加紧密地团结在以习近平同志为核心的党中央周围，为奋力谱写现代化建设新篇章而努力奋斗。\n"
)

PROVINCIAL_SPEECH_INLINE_PLAN = (
    "在省委经济工作会议上的讲话\n"
    "同志们：\n"
    "这次会议的主要任务是贯彻中央经济工作会议精神，部署明年经济工作。\n"
    "一、关于当前经济形势\n"
    "今年以来，全省经济回升向好，前三季度地区生产总值增长5.6%。当前，我省发展面临的困难挑战依然不少。\n"
    "二、关于明年经济工作\n"
    "明年是全面贯彻党的二十大精神的关键之年。做好明年经济工作，必须把握好以下原则：第一，坚持稳中求进。第二，坚持改革创新。第三，坚持系统观念。\n"
    "明年要重点抓好以下几方面工作：一是扩大有效投资，加快重大项目建设；二是促进消费回升，培育消费新增长点；三是推动产业升级，加快建设制造强省；四是守牢安全底线，有效防范化解重点领域风险。\n"
    "我们要努力建设全国先进制造业基地，加快打造内陆开放新高地，在中部地区崛起中奋勇争先。\n"
    "三、关于加强党对经济工作的领导\n"
    "各级党委要把抓经济工作作为检验政治能力的重要标准。要强化统筹协调，完善工作机制。要大兴调查研究，推动工作落实。要加强干部队伍建设，提高推动高质量发展本领。\n"
    "同志们，让我们紧密团结在以习近平同志为核心的党中央周围，为全面建设社会主义现代化强省而不懈奋斗！\n"
)

DISTRICT_SPEECH_ORDINALS = (
    "在全区经济工作会议上的讲话\n"
    "同志们：\n"
    "下面，我就做好明年经济工作讲几点意见。\n"
    "一、认清形势，坚定信心\n"
    "今年以来，全区地区生产总值增长6.8%，规上工业增加值增长9%，主要指标增速高于全市平均水平。\n"
    "二、突出重点，扎实做好明年各项工作\n"
    "明年全区经济工作的总体思路是：坚持稳中求进工作总基调，以推动高质量发展为主题，锚定“千亿强区”目标，全力建设现代化滨江新城，奋力在全市高质量发展中走在前列。\n"
    "重点抓好以下五个方面工作：\n"
    "第一，聚焦项目建设，持续扩大有效投资。全年谋划实施重点项目100个，完成投资200亿元以上。\n"
    "第二，聚焦产业升级，加快构建现代产业体系。大力发展先进制造业，加快培育战略性新兴产业。\n"
    "第三，聚焦改革创新，不断增强发展动能。深化重点领域改革，强化企业科技创新主体地位。\n"
    "第四，聚焦城乡融合，全面推进乡村振兴。推进以人为核心的新型城镇化。\n"
    "第五，聚焦民生福祉，不断增强群众获得感。做好稳就业工作，办好十件民生实事。\n"
    "三、强化保障，确保各项任务落地见效\n"
    "一是加强组织领导。各级党组织要把经济工作摆在突出位置。二是狠抓作风建设。大力弘扬实干精神。三是严格考核奖惩。完善考核评价体系。\n"
    "同志们，让我们以只争朝夕的精神，为建设现代化滨江新城而努力奋斗！\n"
)

PLENARY_REPORT = (
    "在中共某县委十四届五次全体会议上的报告\n"
    "同志们：\n"
    "现在，我代表县委常委会向全会报告工作。\n"
    "一、过去一年的工作\n"
    "过去一年，我们坚持稳中求进，全县地区生产总值增长7.2%，一般公共预算收入增长9.1%。\n"
    "二、今后五年的奋斗目标\n"
    "今后五年，全县经济社会发展的奋斗目标是：\n"
    "——综合实力显著增强。地区生产总值年均增长7%左右。\n"
    "——生态环境持续改善。森林覆盖率达到45%。\n"
    "——人民生活更加美好。城乡居民收入稳步增长。\n"
    "三、明年的主要工作\n"
    "明年是全面贯彻落实党的二十大精神的开局之年。全县工作的总体要求是：坚持以高质量发展统揽全局，着力打造京雄保协同发展示范区，加快建设生态文化旅游强县，确保经济社会发展各项目标任务全面完成。\n"
    "（一）全力以赴稳增长。坚持项目为王，深化招商引资。\n"
    "（二）坚定不移促转型。推动主导产业集群发展。\n"
    "（三）持之以恒惠民生。落实就业优先政策。\n"
    "（四）毫不松懈防风险。守牢安全生产底线。\n"
    "四、全面加强党的建设\n"
    "要坚持以党的政治建设为统领，深入推进全面从严治党。要加强干部队伍建设，激励干部担当作为。要持之以恒正风肃纪，营造风清气正的政治生态。\n"
    "同志们，让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力谱写全县高质量发展新篇章！\n"
)


def _document(text: str) -> Document:
    (document,) = summarize_text(text, "speech.txt").documents
    return document


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        pytest.param(
            CITY_CONFERENCE_SPEECH,
            [
                "坚持扩大有效需求，推动经济持续回升向好",
                "坚持产业强市，加快构建现代化产业体系",
                "坚持改革开放，持续激发发展活力",
                "坚持人民至上，持续保障和改善民生",
            ],
            id="paren-items-announced-by-a-sentence",
        ),
        pytest.param(
            COUNTY_CONFERENCE_SPEECH,
            [
                "突出抓好项目建设",
                "突出抓好产业转型",
                "突出抓好乡村振兴",
                "突出抓好民生保障",
                "强化政治引领",
                "强化作风建设",
                "强化责任落实",
            ],
            id="yi-yao-paragraphs-and-dash-items",
        ),
        pytest.param(
            PLENARY_COMMUNIQUE,
            [
                "着力扩大有效需求，加快重大项目建设",
                "着力推动产业升级，发展新质生产力",
                "着力深化改革开放，持续优化营商环境",
                "着力推进乡村振兴，促进城乡融合发展",
                "着力保障和改善民生，兜牢民生底线",
                "着力防范化解风险，守牢安全底线",
            ],
            id="communique-inline-items-after-a-lead-sentence",
        ),
        pytest.param(
            PROVINCIAL_SPEECH_INLINE_PLAN,
            [
                "扩大有效投资，加快重大项目建设",
                "促进消费回升，培育消费新增长点",
                "推动产业升级，加快建设制造强省",
                "守牢安全底线，有效防范化解重点领域风险",
                "加强党对经济工作的领导",
            ],
            id="principles-are-not-tasks-the-work-list-is",
        ),
        pytest.param(
            DISTRICT_SPEECH_ORDINALS,
            [
                "聚焦项目建设，持续扩大有效投资",
                "聚焦产业升级，加快构建现代产业体系",
                "聚焦改革创新，不断增强发展动能",
                "聚焦城乡融合，全面推进乡村振兴",
                "聚焦民生福祉，不断增强群众获得感",
                "加强组织领导",
                "狠抓作风建设",
                "严格考核奖惩",
            ],
            id="ordinal-paragraphs-and-inline-implementation",
        ),
        pytest.param(
            PLENARY_REPORT,
            ["全力以赴稳增长", "坚定不移促转型", "持之以恒惠民生", "毫不松懈防风险", "全面加强党的建设"],
            id="five-year-goals-are-no-tasks",
        ),
    ],
)
def test_speech_tasks(text: str, titles: list[str]) -> None:
    assert [task.title for task in _document(text).tasks] == titles


@pytest.mark.parametrize(
    ("text", "goals"),
    [
        pytest.param(
            CITY_CONFERENCE_SPEECH,
            [
                "加快建设区域性中心城市",
                "奋力打造全省高质量发展增长极",
                "打造一流营商环境城市",
                "奋力谱写现代化建设新篇章",
            ],
            id="overall-requirement-aims-and-closing-aim",
        ),
        pytest.param(
            COUNTY_CONFERENCE_SPEECH,
            [
                "工业强县、生态立县",
                "全力打造京津冀生态旅游目的地",
                "奋力实现县域经济高质量发展",
                "奋力开创全县高质量发展新局面",
            ],
            id="positioning-and-aims",
        ),
        pytest.param(
            PLENARY_COMMUNIQUE,
            ["建设现代化区域中心城市", "奋力谱写现代化建设新篇章"],
            id="communique-anchored-objective",
        ),
        pytest.param(
            PROVINCIAL_SPEECH_INLINE_PLAN,
            [
                "建设全国先进制造业基地",
                "加快打造内陆开放新高地",
                "在中部地区崛起中奋勇争先",
                "全面建设社会主义现代化强省",
            ],
            id="positionings-in-the-plan-and-the-closing-aim",
        ),
        pytest.param(
            DISTRICT_SPEECH_ORDINALS,
            ["千亿强区", "建设现代化滨江新城", "奋力在全市高质量发展中走在前列"],
            id="named-objective-new-town-and-leading-the-city",
        ),
        pytest.param(
            PLENARY_REPORT,
            [
                "综合实力显著增强",
                "生态环境持续改善",
                "人民生活更加美好",
                "打造京雄保协同发展示范区",
                "加快建设生态文化旅游强县",
                "奋力谱写全县高质量发展新篇章",
            ],
            id="a-list-of-end-states-and-a-plain-positioning-in-the-requirement",
        ),
    ],
)
def test_speech_goals(text: str, goals: list[str]) -> None:
    found = [goal.text for goal in _document(text).goals]
    missing = [goal for goal in goals if not any(goal in text_ or text_ in goal for text_ in found)]
    assert missing == [], found


def test_implementation_items_are_party_work() -> None:
    areas = {task.title: task.area for task in _document(DISTRICT_SPEECH_ORDINALS).tasks}
    assert [areas["加强组织领导"], areas["狠抓作风建设"], areas["严格考核奖惩"]] == ["party"] * 3


def test_a_requirement_passage_restating_a_target_is_no_task() -> None:
    assert all("预期目标" not in task.title for task in _document(PLENARY_COMMUNIQUE).tasks)


MID_YEAR_SPEECH = (
    "在全市上半年经济形势分析会上的讲话\n"
    "同志们：\n"
    "今天召开会议，主要是分析上半年经济形势，安排部署下半年工作。\n"
    "上半年，全市地区生产总值增长5.8%，规模以上工业增加值增长7.1%，完成了时间过半、任务过半的目标。\n"
    "下半年，要紧盯全年目标任务，重点抓好以下工作。\n"
    "要全力以赴抓项目扩投资。加快在建项目建设进度，推动新开工项目早开工早见效。\n"
    "要千方百计稳工业促升级。落实惠企纾困政策，帮助企业解决实际困难。\n"
    "要多措并举促消费活市场。举办系列促消费活动，激发消费潜力。\n"
    "要毫不松懈守底线保稳定。抓好安全生产，做好防汛救灾准备。\n"
    "同志们，要以时不我待的紧迫感，确保完成全年目标任务！\n"
)


def test_a_mid_year_speech_without_headings() -> None:
    tasks = _document(MID_YEAR_SPEECH).tasks
    assert [(task.title, task.area) for task in tasks] == [
        ("要全力以赴抓项目扩投资", "industry"),
        ("要千方百计稳工业促升级", "industry"),
        ("要多措并举促消费活市场", "economy"),
        ("要毫不松懈守底线保稳定", "security"),
    ]


def test_the_work_at_hand_after_the_last_item_is_a_task_of_its_own() -> None:
    text = CITY_CONFERENCE_SPEECH.replace(
        "同志们，做好明年经济工作",
        "当前，正值岁末年初，元旦春节临近。我们要统筹抓好当前各项工作，做好保供稳价和安全生产。\n同志们，做好明年经济工作",
    )
    titles = [task.title for task in _document(text).tasks]
    assert titles[-2:] == [
        "坚持人民至上，持续保障和改善民生",
        "我们要统筹抓好当前各项工作，做好保供稳价和安全生产",
    ]
