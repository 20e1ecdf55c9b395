"""Targets that are no targets and years of the genre's wordings (judged round 9090 and the private samples
after it, issue 17): each kind with sentences in the genre's style, and the real targets beside it kept."""

from __future__ import annotations

import dataclasses

import pytest
from rule_targets import targets_of

from summarizer.backends.rules.targets import find_targets
from summarizer.describe import describe
from summarizer.models import Chunk, TargetDraft
from summarizer.split import split_documents


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # The start value after a comma: only the end value, named from the subject before 由.
        pytest.param("积累率由1978年的36.5％，降为33.6％。", [33.6], id="start-then-comma-then-end"),
        pytest.param(
            "化学需氧量、二氧化硫排放量由上年分别增长5.6％和13.1％，减为增长1.2%和1.8%。",
            [1.2, 1.8],
            id="start-list-then-comma-then-end-list",
        ),
        pytest.param(
            "单位生产总值能耗由前三年分别上升4.9％、5.5％，转为下降1.2%。", [1.2], id="start-list-turned-into"
        ),
        # Right before a verb that is no plain 提高到: 调高到, 转为.
        pytest.param(
            "国民经济增长速度由原定平均每年百分之六调高到百分之八至九。", [8], id="start-before-raised-to"
        ),
        pytest.param("工业企业利润由上年下降2.3%转为增长8.5%。", [8.5], id="start-before-turned-into"),
        pytest.param(
            "私营工业的产值所占的比重，则由一九四九年的百分之六十三点三下降为一九五二年的百分之三十九。",
            [39],
            id="start-before-fell-to-be",
        ),
        # A list of start values before its list of end values: the ends pair with the subjects.
        pytest.param(
            "城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元。",
            [58794, 23184],
            id="start-list-then-end-list",
        ),
        # Kept: 经由 is no from…to, 到位 no end value's verb; a figure after 从 with no end value is a figure.
        pytest.param("经由港口的出口增长12%，提高到全省第一方阵。", [12], id="via-is-no-from"),
        pytest.param(
            "粮食产量由去年的600亿斤提高到700亿斤，到位率100%。", [700, 100], id="arrived-is-no-end-verb"
        ),
        pytest.param("从2020年起，粮食产量稳定在700亿斤以上。", [700], id="from-a-year-with-no-end-value"),
    ],
)
def test_only_the_end_value_of_a_from_to_is_a_target(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


def test_the_end_values_of_a_from_to_list_pair_with_their_subjects() -> None:
    found = targets_of("认定跨国公司地区总部、外资研发中心分别从771家、481家增加到1076家、636家。")
    assert [(t.indicator, t.value) for t in found] == [("认定跨国公司地区总部", 1076), ("外资研发中心", 636)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("如用之于农业建设，则可以开荒四千万亩到五千万亩。", [], id="what-savings-could-buy"),
        pytest.param(
            "如果每件棉纱平均少用两斤棉花，全国每年就可以至少增产两万件棉纱。", [], id="if-then-illustration"
        ),
        pytest.param(
            "工业企业的生产成本只要降低１％，一年就可以增加收入二十亿元。", [], id="only-if-then-illustration"
        ),
        pytest.param(
            "只要我们勠力同心汇聚8500万人民的奋进力量，就一定能在风雨洗礼中发展。", [], id="exhortation"
        ),
        # Kept: the same figure reckoned on another basis is a figure; a statement after the supposition's own.
        pytest.param(
            "如果仍然按照一九五二年的不变价格计算，一九五八年的工业总产值则为七百一十九亿六千万元。",
            [719.6],
            id="reckoned-at-other-prices",
        ),
        pytest.param(
            "如果扣除不可比的因素，则本年收入实际增长１５．８３％。", [15.83], id="reckoned-without-a-factor"
        ),
        pytest.param(
            "如果遇到困难，就及时调度；全年粮食产量稳定在1.3万亿斤以上。", [1.3], id="a-statement-after-it"
        ),
    ],
)
def test_figures_of_a_supposition_are_no_targets(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("李庄草莓基地成为全省首批30家出口创汇基地之一。", [], id="one-of-a-provinces-list"),
        pytest.param("东北虎豹国家公园成为全国首批5个国家公园之一。", [], id="one-of-the-countrys-first"),
        pytest.param("本县被确定为全省7个奶业生产能力提升示范县之一。", [], id="one-of-the-model-counties"),
        # Kept: a share written as a fraction, and a count with no 之一 after it.
        pytest.param("新增耕地占全省的1/3以上，新建示范县3个。", [0.3333, 3], id="a-fraction-and-a-count"),
    ],
)
def test_the_size_of_a_higher_levels_list_joined_is_no_target(text: str, values: list[float]) -> None:
    assert [round(t.value or 0, 4) for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("二是取消或停征中央涉企行政事业性收费35项。", [], id="fee-items-cut"),
        pytest.param("自治区向乌鲁木齐市下放行政职权27项。", [], id="powers-handed-down"),
        pytest.param("完成机构改革工作，新组和调整县直部门37个。", [], id="own-bodies-rebuilt"),
        pytest.param("国务院组成部门从40个减少到29个。", [], id="own-departments-cut"),
        pytest.param("对发布的756件行政法规进行全面清理，废止71件，宣布失效80件。", [], id="rules-repealed"),
        pytest.param("国务院各部门取消和调整行政审批项目692项。", [], id="approval-items-cut"),
        # Kept: what the work does for firms, and counts of things built or served.
        pytest.param(
            "取消和免征行政事业性收费，减轻企业负担1500多亿元，封堵排污口80个。",
            [1500, 80],
            id="relief-and-works-kept",
        ),
    ],
)
def test_counts_of_the_governments_own_reform_items_are_no_targets(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("迅速启动灾后恢复重建，759所受灾学校全部如期开学。", [], id="stricken-schools-reopened"),
        pytest.param("1万余套受损农民住房完成修缮，167条受损道路完成修复。", [], id="damage-repaired"),
        pytest.param("妥善安置34.4万名受灾群众。", [], id="stricken-people-settled"),
        pytest.param("近七成受灾乡村民宿已正常运营。", [], id="stricken-inns-running-again"),
        # Kept: reconstruction built, its projects and its money, and the size of a disaster.
        pytest.param(
            "1.6万余户灾损农房如期完成修缮重建，44项水毁修复工程汛前全部完工。",
            [1.6, 44],
            id="reconstruction-built-kept",
        ),
        pytest.param("受灾人口约七千万人。", [7000], id="people-struck-kept"),
    ],
)
def test_recovery_work_after_a_disaster_is_no_target(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("年内谋划投资过5亿元项目不少于7个。", [], id="projects-of-a-size-planned"),
        pytest.param("全年谋划亿元以上项目不少于20个。", [], id="projects-over-a-size-planned"),
        # Kept: projects planned to be carried out, and a year's key projects with their investment.
        pytest.param("全年谋划实施省市重点项目19个。", [19], id="projects-planned-to-be-carried-out"),
        pytest.param("2015年，谋划重点项目72个，总投资124.4亿元。", [72, 124.4], id="a-years-key-projects"),
    ],
)
def test_projects_of_a_size_planned_for_investors_are_no_targets(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("落实育儿补贴政策，运行县级残疾人综合服务中心72个。", [], id="centres-run"),
        pytest.param("稳妥运行14个传统边贸点，新开通12个传统边贸点。", [12], id="points-run-and-opened"),
        pytest.param("持续深化与名校名师合作，办好2个名师工作室。", [], id="studios-run-well"),
        pytest.param("依托环雄安2万亩一般农田，大力发展设施蔬菜。", [], id="land-relied-on"),
        # Kept: what a run clause builds, and a measure of running.
        pytest.param(
            "建设好运营好北大肿瘤医院、北京友谊医院内蒙古医院等4个国家区域医疗中心。",
            [4],
            id="centres-built-and-run",
        ),
        pytest.param("高速铁路运营里程达1.6万公里。", [1.6], id="length-in-operation"),
    ],
)
def test_counts_of_what_exists_run_or_used_are_no_targets(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # The plan the statement names sets the figure: its last year, whatever horizon the paragraph set.
        pytest.param(
            "今后五年要制定到２０１０年的远景发展目标。按调整后的“八五”计划，国民经济增长速度由原定平均每年百分之六"
            "调高到百分之八至九。",
            [1995],
            id="the-adjusted-eighth-plan",
        ),
        pytest.param(
            "今后五年，“六五”计划安排的续建和新建的大中型项目共八百九十个。",
            [1985],
            id="projects-the-sixth-plan-set",
        ),
        pytest.param(
            "“七五”计划草案规定，全国工农业总产值平均每年增长百分之六点七。",
            [1990],
            id="the-seventh-plans-draft",
        ),
        # Not a plan compared with, carried over to or being drafted.
        pytest.param(
            "计划在一九八五年底前建成投产八千万吨，结转到第七个五年计划期间继续建设的有一亿四千万吨。",
            [1985, 1985],
            id="carried-over-to-a-plan",
        ),
        pytest.param(
            "结合“十五五”规划编制，谋划一批高质量项目，亿元以上项目达到1000个。",
            [2025],
            id="a-plan-being-drafted",
        ),
    ],
)
def test_a_named_five_year_plans_goal_takes_its_last_year(text: str, years: list[int | None]) -> None:
    assert [t.year for t in targets_of(text, review_year=2024, plan_year=2025)] == years


def _targets_of_a_whole_report(text: str, review_year: int, plan_year: int) -> list[TargetDraft]:
    """The targets of ``text`` read as a whole report, its parts and headings found as the pipeline finds them."""
    span = describe(text, split_documents(text)[0])
    span = dataclasses.replace(span, review_year=review_year, plan_year=plan_year)
    return find_targets(Chunk(index=0, start=0, end=len(text), text=text, document=span))


@pytest.mark.parametrize(
    ("title", "year"),
    [
        # Under a part's title line that sets the next five years' work, a yearly figure is the plan's goal.
        pytest.param("今后五年建设和改革的目标、方针和任务", 1992, id="under-a-five-year-part-title"),
        # A title line over a review of the plan's years sets nothing.
        pytest.param("六五计划前两年的执行情况", 1988, id="under-a-review-title"),
    ],
)
def test_a_parts_title_line_of_the_next_five_years_holds_for_its_paragraphs(title: str, year: int) -> None:
    text = f"{title}\n今后的五年，是关键性的五年。\n石油工业要争取每年增产原油３００万吨。\n"
    (target,) = _targets_of_a_whole_report(text, review_year=1987, plan_year=1988)
    assert target.year == year


@pytest.mark.parametrize(
    ("text", "years"),
    [
        pytest.param(
            "全国农业发展纲要要求：从一九五六年开始，在十二年内，粮食每亩平均年产量分别达到四百斤、五百斤和八百斤。",
            [1967, 1967, 1967],
            id="twelve-years-from-1956",
        ),
        pytest.param(
            "到本世纪末，我国粮食生产必须争取达到５０００亿公斤，平均每年增产８０亿公斤。",
            [2000, 2000],
            id="by-the-centurys-end",
        ),
        # Kept: the century's end named as the aim a plan's figure serves is no year of the figure.
        pytest.param(
            "根据到本世纪末人民生活达到小康水平的目标，计划规定，农民的纯收入增长百分之七。",
            [1988],
            id="the-centurys-aim-cited",
        ),
    ],
)
def test_horizons_written_in_words_give_the_year(text: str, years: list[int | None]) -> None:
    assert [t.year for t in targets_of(text, review_year=1987, plan_year=1988)] == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # A sum invested in the work its clauses name, in a look back over five years: over the years.
        pytest.param(
            "过去的五年是生态环境明显改善的五年。以白洋淀上游流域综合治理为重点，投资5.36亿元，完成河道清理整治27公里。",
            [None, None],
            id="invested-over-five-years",
        ),
        pytest.param(
            "过去的五年，惠民工程深入实施。投资1.18亿元，新改建县乡村三级道路257公里。",
            [None, None],
            id="invested-in-roads-over-five-years",
        ),
        # Kept: a level of investment reached, and a sum of the reviewed year.
        pytest.param(
            "过去的五年，经济实力显著增强。全社会固定资产投资达到500亿元。",
            [2024],
            id="investment-level-reached",
        ),
        pytest.param("一年来，投资1.2亿元，完成县城道路改造。", [2024], id="invested-in-one-year"),
    ],
)
def test_a_sum_invested_over_a_five_year_review_has_no_year(text: str, years: list[int | None]) -> None:
    assert [t.year for t in targets_of(text, review_year=2024, plan_year=2025)] == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        pytest.param(
            "国务院规定：在今后三年内，生产性建设的造价应该比原计划至少节约百分之十；非生产性建设的造价"
            "应该比原计划至少节约百分之十五。",
            [None, None],
            id="over-the-next-three-years",
        ),
        # Kept: a year's figure with no span before it.
        pytest.param(
            "国务院规定：今年生产性建设的造价应该比原计划节约百分之十。", [1955], id="this-years-figure"
        ),
    ],
)
def test_a_statement_opening_on_the_next_few_years_gives_no_one_year(
    text: str, years: list[int | None]
) -> None:
    found = targets_of(text, review_year=1954, plan_year=1955, jurisdiction="国家")
    assert [t.year for t in found] == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        pytest.param(
            "一九五四年预计现代工业的总产值将等于一九四九年的4.2倍。",
            [1954],
            id="equal-to-a-multiple-of-1949",
        ),
        pytest.param(
            "在一九五三年，社会商品零售总额已经增加到325亿元，对外贸易也达到一九五〇年的1.8倍。",
            [1953, 1953],
            id="reached-a-multiple-of-1950",
        ),
        # Kept: a year written as the figure's own.
        pytest.param("一九五五年粮食产量达到3300亿斤。", [1955], id="a-year-of-its-own"),
    ],
)
def test_the_base_year_of_a_multiple_is_no_year_of_the_figure(text: str, years: list[int | None]) -> None:
    assert [t.year for t in targets_of(text, review_year=1953, plan_year=1954)] == years


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("推进防城港30万吨级进港航道、北海铁山港20万吨级航道建设。", [], id="berth-classes"),
        pytest.param("锻造更多千亿元级、万亿元级新兴产业集群。", [], id="cluster-classes"),
        pytest.param("成功研制1000千瓦级内电混合动力机车。", [], id="a-machines-class"),
        # Kept: the count of things of a class.
        pytest.param("年内招引投资千万元级项目15个以上。", [15], id="count-of-a-class"),
    ],
)
def test_a_number_of_a_class_in_a_name_is_no_target(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("全年受理群众反映事项437件，交办率100%。", [], id="complaints-passed-on-rate"),
        pytest.param(
            "250件人大代表建议、286件政协提案高效办结，满意度保持在100%。",
            [],
            id="satisfaction-with-proposals",
        ),
        # Kept: how satisfied the people are with their safety or their services.
        pytest.param("各族群众安全感满意度保持在99%以上。", [99], id="public-sense-of-safety"),
    ],
)
def test_rates_of_the_governments_own_casework_are_no_targets(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "years"),
    [
        pytest.param("现在我国人口已经达到１２亿。", [None], id="population-now"),
        pytest.param(
            "一九五八年初全国有七十四万多个高级社，现在已经合并改组成为二万四千多个人民公社。",
            [1958, None],
            id="communes-now",
        ),
        # Kept: 现在起 and 现在就 open what is to be done, no stock now.
        pytest.param("从现在起，粮食产量要达到3000亿斤。", [1960], id="from-now-on"),
    ],
)
def test_a_figure_said_as_it_stands_now_has_no_year(text: str, years: list[int | None]) -> None:
    assert [t.year for t in targets_of(text, review_year=1959, plan_year=1960)] == years


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("69万清苑人民众志成城，快速反应，共克时艰。", [], id="the-people-strove"),
        pytest.param(
            "在此，我代表区人民政府，向40万可爱的满城人民致以崇高的敬意。", [], id="the-people-thanked"
        ),
        pytest.param(
            "在６００多万香港人的共同努力下，“一国两制”一定能够成功。", [], id="the-people-of-hong-kong"
        ),
        # Kept: the people a work serves, and the population as a measure.
        pytest.param("惠及五地州500万各族群众。", [500], id="people-served"),
        pytest.param("常住人口700多万。", [700], id="population"),
    ],
)
def test_the_whole_people_of_a_place_cited_is_no_target(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param(
            "人均纯收入1万元以下且有劳动能力的脱贫户基本实现动态清零。", [], id="income-bracket-and-more"
        ),
        pytest.param("20万以上人口县实现特殊教育学校全覆盖。", [], id="counties-by-population"),
        pytest.param("海拔5000米以上乡镇实现供暖全覆盖。", [], id="towns-by-altitude"),
        # Kept: a count of places with a floor, and a share of villages.
        pytest.param("新增30个以上乡镇通三级公路。", [30], id="count-of-towns"),
        pytest.param("基本药物制度覆盖80%以上村卫生室。", [80], id="share-of-clinics"),
    ],
)
def test_a_bracket_naming_a_class_of_places_or_people_is_no_target(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("形成招商浓厚氛围，联系对接企业130余家，签约项目42个。", [42], id="firms-contacted"),
        pytest.param("一年来，引进洽谈项目105个。", [], id="projects-under-negotiation"),
        pytest.param("联系洽谈项目10个，总投资35亿元。", [], id="projects-under-negotiation-and-cost"),
        pytest.param("近30个县市到我县学习考察。", [], id="visits-received"),
        # Kept: roads that join, counted by the work done on them.
        pytest.param("对清苑路南延与南大冉对接的12个路口进行了改造。", [12], id="junctions-rebuilt"),
    ],
)
def test_the_governments_own_contacts_with_investors_are_no_targets(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "全年举办群众性文化惠民活动4.62万余场次、惠及400万人次。",
            (4.62, "万场次"),
            id="events-ten-thousands",
        ),
        pytest.param("开展各类全民健身赛事活动3.3万场次。", (3.3, "万场次"), id="events-exact"),
        pytest.param("算力总规模达到9.4万P，其中智算8.7万P、居全国第1。", (8.7, "万P"), id="computing-power"),
        pytest.param("全省智能算力达2000PF，超算算力达223PF。", (2000, "PF"), id="computing-power-pf"),
        pytest.param("全省算力总规模达到15EFlops。", (15, "EFlops"), id="computing-power-eflops"),
        # Kept: a plain count of shows in 万场 keeps its unit.
        pytest.param("引进营业性演出1.2万场。", (1.2, "万场"), id="shows"),
    ],
)
def test_a_unit_is_read_whole(text: str, expected: tuple[float, str]) -> None:
    assert expected in [(t.value, t.unit) for t in targets_of(text)]


@pytest.mark.parametrize(
    "text",
    [
        # Events of a few hundred held stay out, as 场 alone does.
        pytest.param("全年开展送文化下乡245场次。", id="events-hundreds"),
        pytest.param("县剧团下乡演出247场次。", id="shows-hundreds"),
    ],
)
def test_a_few_events_held_stay_no_targets(text: str) -> None:
    assert [t.unit for t in targets_of(text)] == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("风帆一期完成投资16.8亿元。", [], id="first-phase"),
        pytest.param("抽水蓄能电站项目全年完成投资9.8亿元。", [], id="power-station-this-year"),
        pytest.param("七山滑雪度假区完成投资5亿元。", [], id="resort"),
        pytest.param("投资162亿元的长城汽车项目累计完成投资65.2亿元。", [], id="named-after-its-cost"),
        # Kept: the investment of a class of projects, counted or not, and of a whole year.
        pytest.param("23个省市重点项目完成投资28亿元。", [28], id="key-projects"),
        pytest.param("增发国债项目完成投资626.3亿元。", [626.3], id="treasury-bond-projects"),
        pytest.param("落地项目完成投资3185亿元。", [3185], id="projects-landed"),
        pytest.param("“十大产业项目”完成投资363.9亿元。", [363.9], id="ten-big-projects"),
        pytest.param("县城工业园区累计投资13.2亿元。", [13.2], id="industrial-park"),
        pytest.param("全年完成投资32亿元。", [32], id="the-years-investment"),
        pytest.param("城市更新项目投资3696亿元。", [3696], id="urban-renewal-projects"),
    ],
)
def test_the_investment_of_one_named_project_is_no_target(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("全年力争储备项目数量达到65个，资金突破150亿元。", [], id="money-of-projects-pooled"),
        pytest.param("谋划储备项目109个，总投资突破400亿元。", [], id="total-cost-past"),
        # Kept: funds won, and the money of projects started.
        pytest.param("争取专项债资金80亿元。", [80], id="funds-won"),
        pytest.param("新开工项目42个，资金达到150亿元。", [42, 150], id="projects-started"),
    ],
)
def test_the_money_of_projects_pooled_for_applying_is_no_target(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        pytest.param("村庄规划编制完成1.1万个。", [], id="village-plans-drafted"),
        pytest.param("高标准完成中心城区和白团镇等12个镇控制性详细规划编制。", [], id="detailed-plans"),
        pytest.param("聘请设计院编制各类城市设计和专项规划16个。", [], id="special-plans"),
        pytest.param("完成总投资143.79亿元的66个项目可研编制。", [], id="feasibility-studies"),
        # Kept: places planned and built, and the area a plan sets.
        pytest.param("65个中心镇按照小城市标准规划建设。", [65], id="towns-planned-and-built"),
        pytest.param("县城规划面积由6平方公里扩大到27平方公里。", [27], id="planned-area"),
    ],
)
def test_counts_of_plans_the_government_drafts_are_no_targets(text: str, values: list[float]) -> None:
    assert [t.value for t in targets_of(text)] == values
