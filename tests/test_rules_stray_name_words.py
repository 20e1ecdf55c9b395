"""Words kept in a name that are no part of it, and verbs that are the change or the relief, as strict judges
read them (``../shared/docs/JUDGING.md``): each case is a kind found in judged whole-document samples,
written in its general form (sentences in the genre's style, not copied from the corpus)."""

from __future__ import annotations

import pytest
from rule_targets import named, targets_of

from summarizer.backends.rules.target_names import clean_indicator


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "新增省级“专精特新”[4]中小企业14家。", [("新增省级“专精特新”中小企业", 14)], id="square-note-mark"
        ),
        pytest.param(
            "完成“四好农村路”[8]建设15.6公里。", [("“四好农村路”建设", 15.6)], id="note-mark-before-work"
        ),
        pytest.param(
            "四大主导产业［7］增加值增长9.2%。", [("四大主导产业增加值", 9.2)], id="full-width-square"
        ),
        pytest.param("全区规上企业R&D[5]经费投入8.6亿元。", [("规上企业R&D经费投入", 8.6)], id="after-latin"),
        pytest.param(
            "完成7所乡村薄弱学校〔11〕改造提升。", [("乡村薄弱学校改造提升", 7)], id="lenticular-note-mark"
        ),
    ],
)
def test_a_note_mark_inside_a_name_stays_out(text: str, expected: list[tuple]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("全年累计减税降费8.4亿元。", ("税费", 8.4, "decline"), id="tax-and-fee-cuts"),
        pytest.param("新增减税降费6196万元。", ("税费", 6196, "decline"), id="new-cuts"),
        pytest.param("累计为企业减税降费2.43亿元。", ("企业税费", 2.43, "decline"), id="for-whom"),
        pytest.param("落实优惠政策，减免税费4167万元。", ("税费", 4167, "decline"), id="exempted"),
        pytest.param("减免各项税费1.06亿元。", ("税费", 1.06, "decline"), id="exempted-of-every-kind"),
        pytest.param("共减税降费及退税超167亿元。", ("税费", 167, "decline"), id="with-refunds"),
        pytest.param("严格落实政策，减税2.99亿元。", ("税负", 2.99, "decline"), id="tax-cut-alone"),
        pytest.param(
            "全年为经营主体新增减免税费超1500亿元。", ("经营主体税费", 1500, "decline"), id="new-for-whom"
        ),
        pytest.param(
            "累计为企业减税降费[5]8200万元。", ("企业税费", 8200, "decline"), id="before-a-note-mark"
        ),
        pytest.param("减免社保费2000万元。", ("社保费", 2000, "decline"), id="a-fee-exempted"),
        pytest.param("每年减轻农民负担1335亿元。", ("农民负担", 1335, "decline"), id="burden-lightened"),
        pytest.param(
            "全年要为市场主体减轻非税负担3000亿元。",
            ("市场主体非税负担", 3000, "decline"),
            id="burden-for-whom",
        ),
        pytest.param(
            "每年可使农民减轻负担48亿元。", ("农民负担", 48, "decline"), id="burden-of-those-made-lighter"
        ),
        pytest.param(
            "药品集中带量采购减轻群众就医负担172亿元。",
            ("群众就医负担", 172, "decline"),
            id="burden-after-its-cause",
        ),
        pytest.param(
            "试点地区农民负担平均减轻30%。", ("试点地区农民负担", 30, "decline"), id="burden-then-verb"
        ),
    ],
)
def test_a_relief_amount_is_a_decline_of_the_burden(text: str, expected: tuple) -> None:
    """LABELLING.md 4 (relief amounts): change decline, the verb out of the name; judged round 7349 reads
    ``累计减税降费8.4亿元`` as 税费."""
    assert [(t.indicator, t.value, t.change) for t in targets_of(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        pytest.param("全年累计减免税费4.2亿元。", "减免税费4.2亿元", id="exempted"),
        pytest.param("每年减轻农民负担4000多万元。", "减轻农民负担4000多万元", id="lightened"),
    ],
)
def test_a_relief_is_quoted_with_its_verb(text: str, quote: str) -> None:
    [target] = targets_of(text)
    assert target.quote == quote


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("全年减税降费6.4亿元，其中完成留抵退税6200万元。", id="vat-credit-refund"),
    ],
)
def test_a_refund_of_credits_is_no_relief_of_a_burden(text: str) -> None:
    assert [t.indicator for t in targets_of(text)][-1:] == ["留抵退税"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("一九五八年和一九五九年两年造林五亿四千万亩。", [("造林", 5.4)], id="two-years-named"),
        pytest.param("五年淘汰落后炼铁产能1亿吨。", [("淘汰落后炼铁产能", 1)], id="five-years"),
        pytest.param("近三年农村新建房屋达九亿平方米。", [("农村新建房屋", 9)], id="recent-three-years"),
        pytest.param(
            "五年全社会固定资产投资2.6万亿元。", [("全社会固定资产投资", 2.6)], id="five-years-society-wide"
        ),
        pytest.param(
            "344项“三年全面提升”项目开工建设。",
            [("“三年全面提升”项目开工建设", 344)],
            id="a-named-programme-stays",
        ),
        pytest.param("这两年取得重大科技成果六千多项。", [("重大科技成果", 6000)], id="these-two-years"),
        pytest.param(
            "第一个五年计划期间铁路新建8，500公里。", [("铁路新建", 8500)], id="the-first-plan-period"
        ),
        pytest.param("“六五”期间铁路新建2，000公里。", [("铁路新建", 2000)], id="a-plan-period-by-number"),
        pytest.param("今后三年各级政府投入8500亿元。", [("各级政府投入", 8500)], id="the-coming-three-years"),
        pytest.param("五年计划投资总额427亿元。", [("五年计划投资总额", 427)], id="five-year-plan-kept"),
        pytest.param(
            "九年义务教育巩固率99.6%。", [("九年义务教育巩固率", 99.6)], id="nine-year-schooling-stays"
        ),
        pytest.param(
            "一九五四年全年的铸件废品率为百分之十二点五。", [("铸件废品率", 12.5)], id="of-after-a-year"
        ),
    ],
)
def test_a_span_of_years_at_the_head_stays_out(text: str, expected: list[tuple]) -> None:
    """LABELLING.md 4, names: a time word or span does not stay (``1978、1979两年粮食产量`` -> 粮食产量)."""
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "与去年同期相比，工业总产值第一季度下降０．２％，第二季度增长１．７％，第三季度增长３％。",
            [("工业总产值", 0.2, "decline"), ("工业总产值", 1.7, "growth"), ("工业总产值", 3, "growth")],
            id="quarters-of-one-measure",
        ),
        pytest.param(
            "全国职工工资总额比上年增长１９％，其中第四季度增长３８％。",
            [("职工工资总额", 19, "growth"), ("职工工资总额", 38, "growth")],
            id="a-quarter-of-the-year",
        ),
    ],
)
def test_a_quarter_is_no_name(text: str, expected: list[tuple]) -> None:
    """Judged round 7349: ``第二季度`` named for the figure of 工业总产值 in the clause before."""
    assert [(t.indicator, t.value, t.change) for t in targets_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "整合提升1000个民生服务综合体。",
            [("整合提升民生服务综合体", 1000, "level")],
            id="merged-and-upgraded",
        ),
        pytest.param(
            "改造提升93所小规模及薄弱学校。",
            [("改造提升小规模及薄弱学校", 93, "level")],
            id="rebuilt-and-upgraded",
        ),
        pytest.param(
            "建设提升300个工会驿站。", [("建设提升工会驿站", 300, "level")], id="built-and-upgraded"
        ),
        pytest.param("改造提升3条主干道路。", [("改造提升主干道路", 3, "level")], id="roads-upgraded"),
        pytest.param("新建提升310公里农村公路。", [("新建提升农村公路", 310, "level")], id="length-upgraded"),
        pytest.param(
            "年内打造2个和美乡村示范带。", [("打造和美乡村示范带", 2, "level")], id="he-mei-is-a-word"
        ),
    ],
)
def test_a_compound_verb_of_building_is_no_change(text: str, expected: list[tuple]) -> None:
    """Judged round 7349: ``整合提升1000个`` is 整合提升民生服务综合体, level; 提升 after a verb of building is
    part of the flow verb, not a growth by the value."""
    assert [(t.indicator, t.value, t.change) for t in targets_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("新建城区公厕7座、改造1座。", [("新建城区公厕", 7), ("改造城区公厕", 1)], id="rebuilt"),
        pytest.param(
            "建成过江通道4座、在建8座。", [("建成过江通道", 4), ("在建过江通道", 8)], id="under-construction"
        ),
        pytest.param(
            "完成矿山修复治理16处、启动8处。", [("矿山修复治理", 16), ("启动矿山修复治理", 8)], id="started"
        ),
        pytest.param(
            "分散养殖场已建成86个，投产59个。",
            [("分散养殖场建成", 86), ("分散养殖场投产", 59)],
            id="already",
        ),
        pytest.param(
            "城镇保障性住房基本建成470万套、新开工630万套。",
            [("城镇保障性住房基本建成", 470), ("城镇保障性住房新开工", 630)],
            id="basically-built",
        ),
        pytest.param(
            "自治区重大项目开工390个、竣工437个。",
            [("自治区重大项目开工", 390), ("自治区重大项目竣工", 437)],
            id="verb-after-the-thing",
        ),
    ],
)
def test_a_verb_alone_takes_the_thing_of_the_item_before(text: str, expected: list[tuple]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "以上几项，仅中央财政当年就增加支出６２１亿元。",
            [("中央财政支出", 621, "growth")],
            id="only-then-increase",
        ),
        pytest.param(
            "一九五八年我国工农业总产值达到了二千零五十亿元。",
            [("工农业总产值", 2050, "level")],
            id="our-country-after-a-year",
        ),
        pytest.param(
            "空气综合指数、PM2.5浓度实现“双下降”，分别下降2.31%、7.89%。",
            [("空气综合指数", 2.31, "decline"), ("PM2.5浓度", 7.89, "decline")],
            id="a-double-fall-achieved",
        ),
        pytest.param(
            "化学需氧量、二氧化硫排放总量近年来首次出现双下降，比上年分别下降3.14％和4.66％。",
            [("化学需氧量", 3.14, "decline"), ("二氧化硫排放总量", 4.66, "decline")],
            id="a-double-fall-for-the-first-time",
        ),
        pytest.param(
            "全国社会商品零售总额只完成原定计划的９４％。",
            [("社会商品零售总额完成原定计划", 94, "level")],
            id="only-inside",
        ),
    ],
)
def test_adverbs_and_frames_inside_a_name_stay_out(text: str, expected: list[tuple]) -> None:
    """Judged round 7349: 仅中央财政当年就增加支出 -> 中央财政支出 (growth); 我国工农业总产值 -> 工农业总产值;
    PM2.5浓度实现“双下降” -> PM2.5浓度."""
    found = targets_of(text, jurisdiction="国家")
    assert [(t.indicator, t.value, t.change) for t in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("提升改造城市排涝能力600立方米/秒。", ("立方米/秒", 600), id="flow-per-second"),
        pytest.param(
            "上海港集装箱吞吐量达到5506.3万标准箱。", ("万标准箱", 5506.3), id="standard-containers"
        ),
        pytest.param("今年造林600万公顷。", ("万公顷", 600), id="hectares"),
        pytest.param("集装箱吞吐量达500万标箱。", ("万标箱", 500), id="teu-short"),
    ],
)
def test_a_unit_is_not_cut_off(text: str, expected: tuple[str, float]) -> None:
    """Judged round 7349: ``600立方米/秒`` read as 立方米."""
    [target] = targets_of(text)
    assert (target.unit, target.value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("供地总量是2022年的4.62倍。", [("供地总量是2022年的", 4.62)], id="base-year-keeps-of"),
        pytest.param(
            "全县居民储蓄存款余额70.79亿元，是 2011 年的 3.14 倍。",
            [("居民储蓄存款余额", 70.79), ("居民储蓄存款余额是2011年的", 3.14)],
            id="spaced-base-year",
        ),
        pytest.param(
            "新增市级以上现代农业园区3家，发展龙头企业10家。",
            [("新增市级以上现代农业园区", 3), ("发展龙头企业", 10)],
            id="one-flow-verb-at-most",
        ),
        pytest.param("年内完成打造省级和美乡村19个。", [("打造省级和美乡村", 19)], id="done-and-built"),
    ],
)
def test_more_words_around_a_name(text: str, expected: list[tuple]) -> None:
    """LABELLING.md 4 (judged rounds): a multiple of a base year keeps ``是<year>的``; judged round 7349:
    ``新增发展龙头企业`` stacks two flow verbs, one at most."""
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("去年居民消费价格上涨0 ．8 ％。", ("居民消费价格", 0.8), id="spaced-decimal"),
        pytest.param(
            "工业增加值平均每年增长1 5 ．3 ％。", ("工业增加值", 15.3), id="spaced-digits-and-decimal"
        ),
        pytest.param("人口自然增长率下降到1 0 ．0 6 ‰。", ("人口自然增长率", 10.06), id="spaced-per-mille"),
        pytest.param("财政收入完成 3.6 2亿元。", ("财政收入", 3.62), id="a-space-after-the-decimal"),
    ],
)
def test_a_spaced_out_decimal_is_one_number(text: str, expected: tuple[str, float]) -> None:
    """A scraped report that spaces out every digit (``8 ．8 ％``): the number was cut at its point, its first
    digits read into the name (``经济增长8 ．``)."""
    [target] = targets_of(text)
    assert (target.indicator, target.value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("目前 10 人以上加工点发展到 251 个。", [("10人以上加工点", 251)], id="spaced-count"),
        pytest.param("我县PM 2.5 浓度同比下降 5%。", [("PM2.5浓度", 5)], id="spaced-abbreviation"),
    ],
)
def test_a_stray_space_inside_a_name_stays_out(text: str, expected: list[tuple]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "解决2.15亿农村人口饮水安全问题。", [("解决农村人口饮水安全问题", 2.15)], id="solved-for-people"
        ),
        pytest.param("严守18亿亩耕地红线不动摇。", [("耕地", 18)], id="red-line-kept"),
        pytest.param(
            "新型农村合作医疗制度试点已扩大到671个县，惠及1.77亿农民。", [("惠及农民", 1.77)], id="benefit"
        ),
        # (a programme a clause of its own names before 惠及 is the people's: test_rules_target_names)
        pytest.param("困难群众救助标准再次提高，惠及2100多万人。", [("惠及人数", 2100)], id="benefit-people"),
        pytest.param(
            "改造老旧小区6496个、惠及97.9万户。",
            [("改造老旧小区", 6496), ("惠及户数", 97.9)],
            id="benefit-households",
        ),
    ],
)
def test_a_verb_alone_before_a_count_of_people_or_land(text: str, expected: list[tuple]) -> None:
    """Judged round 7349: ``解决3亿多`` and ``严守18亿亩`` are no names (解决农村人口饮水安全问题, 耕地);
    people who benefit are named with 惠及, as the national-2022 fixture labels ``惠及近千万家庭``."""
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "一般公共预算支出突破20亿元关口。", [("一般公共预算支出", 20)], id="milestone-after-the-figure"
        ),
        pytest.param(
            "农村中小学现代远程教育工程已投入80亿元。", [("农村中小学现代远程教育工程投入", 80)], id="already"
        ),
        pytest.param(
            "“十一五”期间，关停5000万千瓦小火电机组。", [("关停小火电机组", 5000)], id="shut-capacity"
        ),
        pytest.param("加强中低产田改造，新建1亿亩高标准农田。", [("新建高标准农田", 1)], id="new-farmland"),
        pytest.param("原煤产量拟定为五亿六千五百万吨。", [("原煤产量", 5.65)], id="set-as"),
    ],
)
def test_still_more_words_around_a_name(text: str, expected: list[tuple]) -> None:
    assert named(text) == expected


def test_one_by_one_is_no_count() -> None:
    assert named("其他各省农民的许多英雄事例，这里就不一一列举了。") == []


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [
        pytest.param("到年底省级示范社", "省级示范社", id="by-year-end"),
        pytest.param("到今年上半年新增就业", "新增就业", id="by-this-half-year"),
        pytest.param("了职教中心新校区", "职教中心新校区", id="particle"),
        pytest.param("已累计接待游客", "累计接待游客", id="already"),
        pytest.param("已批待建项目", "已批待建项目", id="approved-stays"),
        pytest.param("已建在建电力装机", "已建在建电力装机", id="built-and-building-stays"),
        pytest.param("已经开工的建筑安装工程件数", "开工的建筑安装工程件数", id="already-two-characters"),
        pytest.param("把我国人口自然增长率", "人口自然增长率", id="ba"),
        pytest.param("使粮食产量", "粮食产量", id="make"),
        pytest.param("将新建国营机械化农场", "新建国营机械化农场", id="will"),
        pytest.param("可直接提供就业岗位", "提供就业岗位", id="can-directly"),
        pytest.param("可再生能源发电装机规模", "可再生能源发电装机规模", id="renewable-stays"),
    ],
)
def test_a_function_word_at_the_head_stays_out(indicator: str, expected: str) -> None:
    assert clean_indicator(indicator) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "今年经济增长预期目标为7%左右。", ("经济增长", 7, "growth"), id="economic-growth-goal-as"
        ),
        pytest.param(
            "广义货币M2增长目标为17％左右。", ("广义货币M2增长", 17, "growth"), id="money-growth-goal"
        ),
        pytest.param("服务贸易增长超过7%。", ("服务贸易增长", 7, "growth"), id="growth-above"),
        pytest.param("全年经济增速保持在7%左右。", ("经济增速", 7, "level"), id="the-rate-stays-a-level"),
    ],
)
def test_a_figure_of_a_name_that_ends_in_growth_is_growth(text: str, expected: tuple) -> None:
    """``经济增长7%``: a measure named by its growth (judged round 4242), unlike ``<X>增速`` (a rate's level)."""
    assert [(t.indicator, t.value, t.change) for t in targets_of(text)][:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "为5230名困难群众代缴养老保险费52.3万元。", ("困难群众代缴养老保险费", 52.3), id="for-whom"
        ),
        pytest.param(
            "为31000名低收入人口资助基本医疗费120.5万元。",
            ("低收入人口资助基本医疗费", 120.5),
            id="for-whom-aid",
        ),
        pytest.param("8家金融机构向15家企业发放贷款3.2亿元。", ("金融机构向企业发放贷款", 3.2), id="to-whom"),
        pytest.param(
            "通过担保为4200户农户和65家企业发放贷款6.1亿元。", ("通过担保为农户和企业发放贷款", 6.1), id="and"
        ),
        pytest.param(
            "首批85个重点项目完成投资560亿元。", ("首批重点项目完成投资", 560), id="projects-counted"
        ),
        pytest.param("52人获得保险赔付资金6.3万元。", ("获得保险赔付资金", 6.3), id="people-at-the-head"),
    ],
)
def test_a_count_of_whom_a_sum_is_for_stays_out_of_its_name(text: str, expected: tuple) -> None:
    """``为6873名困难群体代缴养老保险费68.73万元`` (judged round 4242): the count is another figure, no part of the name."""
    assert (expected[0], expected[1]) in named(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "共发放粮食直补和综合补贴资金5120万元。", ("粮食直补和综合补贴资金", 5120), id="paid-out"
        ),
        pytest.param("发放困难群众救助资金640万元。", ("困难群众救助资金", 640), id="relief-funds"),
        pytest.param("拨付乡镇临时救助备用金180万元。", ("乡镇临时救助备用金", 180), id="allotted"),
        pytest.param("兑现以旧换新补贴95亿元。", ("以旧换新补贴", 95), id="honoured"),
        pytest.param("发放创业担保贷款600万元。", ("发放创业担保贷款", 600), id="loans-stay-issued"),
        pytest.param("下达资金9亿元。", ("下达资金", 9), id="no-bare-money"),
    ],
)
def test_a_verb_that_only_says_money_was_paid_out_stays_out(text: str, expected: tuple) -> None:
    """``发放粮食直补和综合补贴资金6194万元`` (judged round 4242): 发放 only says the money was paid out, as
    ``安排``/``落实`` (LABELLING.md); a loan issued keeps its verb, and a name is never the bare ``资金``."""
    assert (expected[0], expected[1]) in named(text)


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [
        pytest.param("国家预算规定经济建设支出", "国家预算经济建设支出", id="the-budget-sets"),
        pytest.param("第一个五年计划规定工业总产值", "工业总产值", id="the-plan-sets"),
        pytest.param("五年计划规定扩大耕地面积", "扩大耕地面积", id="the-plan-sets-a-flow"),
        pytest.param("规定行政经费支出", "行政经费支出", id="sets-at-the-head"),
        pytest.param("超过国家规定造价", "超过国家规定造价", id="a-set-price-stays"),
    ],
)
def test_the_verb_by_which_a_plan_or_budget_sets_a_figure_stays_out(indicator: str, expected: str) -> None:
    """``国家预算规定经济建设支出`` (judged round 4242): 规定 only says the plan or budget sets the figure."""
    assert clean_indicator(indicator) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("育成超级稻品种占全国超1/4。", ("育成超级稻品种占全国比重", 0.25), id="a-fraction"),
        pytest.param("智能手机产量占全国超4成。", ("智能手机产量占全国比重", 4), id="tenths"),
        pytest.param(
            "民生类支出占一般公共预算支出7成以上。",
            ("民生类支出占一般公共预算支出比重", 7),
            id="tenths-above",
        ),
    ],
)
def test_a_share_in_a_fraction_or_tenths_ends_in_its_word(text: str, expected: tuple) -> None:
    """``超级稻品种占全国超1/4`` (judged round 4242): a share written in tenths or a fraction still ends in 比重."""
    assert (expected[0], pytest.approx(expected[1])) in named(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "生活垃圾收运处理的自然村稳定在95%以上。",
            ("生活垃圾收运处理的自然村比例", 95),
            id="villages-served",
        ),
        pytest.param("集体经济强村增至12.3%。", ("集体经济强村比例", 12.3), id="strong-villages"),
        pytest.param(
            "村集体收入10万元以上的村达到50%以上。", ("村集体收入10万元以上的村比例", 50), id="villages-above"
        ),
    ],
)
def test_villages_counted_in_percent_are_their_share(text: str, expected: tuple) -> None:
    """``生活垃圾收运处理的自然村稳定在95%以上`` (judged round 4242): the share of such villages, 比例."""
    assert (expected[0], expected[1]) in named(text)


def test_a_qualifier_written_before_a_pair_of_values_governs_both() -> None:
    """``…补贴标准提高到不低于1200元/月和1700元/月`` (judged round 4242): 不低于 holds for both values."""
    found = targets_of("孤儿基本生活费标准提高到不低于1100元/月和1600元/月。")
    assert [(t.value, t.qualifier) for t in found] == [(1100, "at_least"), (1600, "at_least")]


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [
        pytest.param("林草产业总产值在全国率先", "林草产业总产值", id="first-in-the-country"),
        pytest.param("新能源装机在全国率先破亿", "新能源装机", id="first-past-a-hundred-million"),
        pytest.param("数字经济规模在全省率先", "数字经济规模", id="first-in-the-province"),
        pytest.param("率先基本实现现代化的县", "率先基本实现现代化的县", id="first-at-the-head-stays"),
    ],
)
def test_being_first_in_the_country_is_no_part_of_a_name(indicator: str, expected: str) -> None:
    """``林草产业总产值在全国率先突破万亿元`` (judged round 4242): 在全国率先 is how the figure was reached."""
    assert clean_indicator(indicator) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("新增康复大学等高校14所。", ("新增高校", 14), id="new-universities"),
        pytest.param("更新改造复兴路等道路80条。", ("更新改造道路", 80), id="roads-renewed"),
        pytest.param("举办中俄文化大集等特色文旅活动2万余场。", ("举办特色文旅活动", 2), id="events-held"),
        pytest.param("盘活中汽零等闲置土地120亩。", ("盘活闲置土地", 120), id="idle-land"),
        pytest.param("油菜籽等14种农产品产量居全国第1位。", None, id="the-examples-ranked-stay"),
    ],
)
def test_examples_before_the_class_counted_stay_out_of_its_name(text: str, expected: tuple | None) -> None:
    """``新增康复大学等高校14所`` (judged round 4242): the class counted is named, not its examples."""
    found = named(text)
    if expected is None:
        assert all("油菜籽" in name for name, _ in found)
    else:
        assert (expected[0], pytest.approx(expected[1])) in found


def test_who_did_the_work_before_examples_stays() -> None:
    from summarizer.backends.rules.target_reading import _without_examples

    assert _without_examples("企业实施挥发性有机物等治理提升") == "企业实施挥发性有机物等治理提升"
    assert _without_examples("新增康复大学等高校") == "新增高校"
