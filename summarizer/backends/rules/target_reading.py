"""Tying the quantities of a sentence to their indicators: one by one, as ``分别`` lists, as rankings, and
by carrying a subject or a verb over from the figure before."""

from __future__ import annotations

import itertools
import re

from summarizer.backends.rules.target_cues import (
    CLAUSE_BREAK_RE,
    clause_start,
)
from summarizer.backends.rules.target_names import (
    COUNT_UNITS,
    MEASURE_BEFORE_NOUN_UNITS,
    SPLIT_SUBJECTS_RE,
    base_of,
    clean_indicator,
    clip,
    counted_noun,
    ending,
    is_product,
    output_name,
    qualified_like,
    rank_head_and_field,
    rank_name,
    share_heads,
    share_output,
    split_subjects,
    subject_and_change,
    without_fulfilment,
    without_the_level_before,
    words,
)
from summarizer.backends.rules.target_quantities import (
    Found,
    Quantity,
)
from summarizer.models import Change
from summarizer.years import YEAR

# The items of a list that carry a verb of their own take no shared 新增.
_OWN_VERB_RE = re.compile(
    r"(?:发展|实施|建设|建成|完成|开工|改造|推进|打造|培育|引进|认定|创建|争创|发放|开展|举办|组织|落实|提升|实现|形成|新建|新增|"
    r"安置|帮扶|救助|资助|解决|吸纳|转移|培训|接待|办理|招聘|招录|减少|压减)"
)
_MULTIPLE_OF_A_YEAR_RE = re.compile(rf"是\s?(?:{YEAR}|“?十[一二三四五]五”?(?:时期|期间)?|上个五年)$")
_HEDGE_TAIL_RE = re.compile(r"(?:大约|大約|(?<![签节预制履缔合特公契集简违解续毁邀])约|約|将近|接近)$")
_HEDGE_HEAD_RE = re.compile(r"大约|大概|大約|约(?!束)|約|将近")
_HEDGE_BEFORE_VERB_RE = re.compile(r"(?:大约|约|約)(?:有|为|是|达到|达|占)$")
# A measure written after the unit of its figure: ``新增千万吨产能``, ``新增100万千瓦装机``.
_MEASURE_AFTER_UNIT_RE = re.compile(r"(?P<measure>产能|装机容量|装机|运力|储能规模|吞吐能力)(?=[，。；、]|$)")
_FLOW_BEFORE_UNIT_MEASURE_RE = re.compile(r"(?:新增|新建|形成|释放|新投产)$")
# A verb of change that opens the name is the change (增加/提高 N), unless it makes a level (提高到).
_CHANGE_VERB_HEAD_RE = re.compile(
    r"^(?:增加|提高|扩大|提升(?!改造)|增长|增产|减少|降低|压减|削减|压缩|下降|减轻)(?![值了])"
)
# ``就将至少为国家节约…``, ``每年至少增产…``: 至少 after the adverbs that open the clause is the figure's qualifier.
_AT_LEAST_HEAD_RE = re.compile(r"(?:每年|平均|就|将|也|还|都|可以|可|能够|能)*至少")
_DECLINE_HEADS = frozenset(words("减少 降低 压减 削减 压缩 下降 减轻"))
# The measures an entity's figures come in, and those written bare in a later clause (``利润300亿元``).
_ENTITY_MEASURE_RE = re.compile(
    r"(?<=[企业园区行产集团司造务厂])(?:实现|完成)?(?:增加值|利润总额|利润|利税|总产值|产值|营业收入|营业总收入|主营业务收入|"
    r"销售收入|营收|税收|出口额|出口|工业总产值|用电量|产量|资产总额|净资产|出口产品交货值|出口交货值)$"
    # a school's figures: ``高等学校新招生16.3万人，毕业学生6.4万人，在校学生…``
    r"|(?<=[校学园])(?:新招生|招生|毕业学生|毕业生|在校学生|在校生)$"
)
# An entity counted (``规模以上工业企业达7.6万家``) whose measure a later clause gives bare (``增加值增长3%``).
_ENTITY_NAME_RE = re.compile(r"(?:企业|园区|集团|公司|工厂)$")
_BARE_MEASURES = frozenset(
    words(
        "增加值 利润总额 利润 利税 总产值 产值 营业收入 营业总收入 主营业务收入 销售收入 营收 税收 出口额 出口 用电量 "
        "出口产品交货值 出口交货值 上缴税金 实缴税金 利税总额 研发投入 研发经费 "
        "新招生 招生 毕业学生 毕业生 在校学生 在校生"
    )
)
# The size of the things just counted (``建成…20条，总里程60公里``), bare: theirs.
_BARE_TOTALS = frozenset(
    words("总里程 里程 总长度 总长 总面积 总建筑面积 建筑面积 总装机 总装机容量 装机容量 总库容")
)
_SHARED_VERB_RE = re.compile(
    r"(?:新增|新建(?:[和、]?(?:提升|改造|改扩建|扩建|改建))?|新开工|新培育|培育|引进|认定|新认定)"
)
# Verbs that make a flow of what a tight list counts in units of one kind: ``淘汰落后炼铁产能1亿吨、炼钢产能5500万吨``
# (淘汰炼钢产能), ``新建改建高速公路6700公里、农村公路29万公里``, ``新建绿道100公里、绿地500公顷``.
_LIST_FLOW_VERB_RE = re.compile(
    r"淘汰|退出|关停|压减|化解|新建(?:[和、]?(?:提升|改造|改扩建|扩建|改建))?(?!成)|新改扩建|改扩建"
)
# An item that opens on a verb of its own made with 新 (``新认证``, ``新签约``) takes no verb of the item before.
_NEW_VERB_RE = re.compile(r"新(?:认证|签约|招引|开通|开工|投产|上市|入库|入选|获批|评定|引育|招录|落地|设立)")
# Verbs of building that a tight ``、`` list shares, and what an item that has a verb of its own holds.
_BUILT_VERB_RE = re.compile(r"(?:新改建|改造|建设|建成|新设|新引进|创建|修复|推广|新开通|开通)")
_VERB_INSIDE_RE = re.compile(
    r"改|建|实施|治理|竣工|惠及|净增|累计|种植|关停|取缔|补充|招聘|上|修|整治|完成|开展|保护|提升|规范|认定|培育|引进|"
    r"打造|改善|发放|开工|拆|用|喝|培养|招引|认证|签约|惠及|[和及、]"
)
_TIGHT_GLUE = frozenset(("", "、", "和", "及"))
# The level of the first item of a list (``国家级``, ``省级以上``), said once for the items after it that name the
# same kind of thing (``绿色工厂``/``绿色工业园区``).
_LEVEL_SHARED_RE = re.compile(r"(?:国家|省|市|县)级(?:以上)?")


def _shared_level(first: str, later: str) -> str:
    """``later`` with the level ``first`` opens on, where both go on with the same word (``_LEVEL_SHARED_RE``):
    ``新增国家级绿色工厂27家、绿色工业园区3个``: 国家级 said once for both."""
    level = _LEVEL_SHARED_RE.match(first)
    if level is None or len(later) < 2 or not first.startswith(later[:2], level.end()):
        return later
    return level.group() + later


# A verb that makes a clause after ``，`` one of its own, no item of the 新增 before it.
_CLAUSE_VERB_RE = re.compile(f"{_OWN_VERB_RE.pattern}|培养|招引|认证|签约|入选|净增|申报|新改|改建|续建")
_BARE_INVESTMENT = frozenset(words("投资 总投资 完成投资 年度投资 计划投资 年计划投资 年度计划投资"))
_PROJECTS_RE = re.compile(r"项目$")
# Things counted whose investment a bare 总投资 after them gives (``新建、改扩建城区学校15所，总投资11.4亿元``,
# ``新上企业8家，总投资356.8亿元``, ``5500个重大项目建设，年度投资7200亿元``): their name without 建设.
_INVESTED_THINGS_RE = re.compile(r"^(?P<things>.*(?:项目|工程|企业|学校|医院))(?:建设)?$")
# The rate at which projects just named completed their investment: ``1299个重大项目完成投资1.4万亿元、投资完成率129.6%``.
_BARE_COMPLETION_RATES = frozenset(words("投资完成率 完成率"))
_PROJECTS_INVESTED_RE = re.compile(r"^(?P<projects>.{2,}项目)(?:累计)?(?:完成)?(?:总|年度|计划)?投资$")
_MONEY_UNITS = frozenset(words("元 万元 亿元 万亿元 美元 亿美元"))
_FANOUT_AFTER_RE = re.compile(r"[，,](?:分别|均)")
_LEADING_QUALIFIER_RE = re.compile(r"(?:突破|超过|超|逾|约|近|接近|不低于|不少于|不超过|低于)$")
_MANNER_RE = re.compile(r"^(?:高标准|高质量|高水平|全力|扎实|加快|积极|大力|稳步|持续|全面)$")
_PLAN_OR_BUDGET_RE = re.compile(r"^(?:全年|年度)?(预算|计划|任务)(?:数|目标)?$")
# A verb that defines a flow, written before a count whose noun follows it (``新培育407个典型镇``,
# ``建设哇让、同德…4座抽水蓄能电站``, ``新谋划总投资…的48个项目``): part of the name (JUDGING.md).
_FLOW_VERB_BEFORE_COUNT_RE = re.compile(
    r"(?:(?:改造|整合|建设|新建|改建|扩建|巩固|规范|修缮|维修|整治)提升|新增|新建(?:[和、]?(?:提升|改造|改扩建|扩建|改建))?|新设|新开工|开工建设|新培育|培育|新引进|引进|新认定|认定|建设|建成|新改建|改建|改造(?:提升)?|新谋划|创建|修复|"
    r"新开通|开通|新打造|打造|推广|新解决|解决|惠及|(?:改善|整治|治理)(?!计划|工程|行动))"
    r"(?P<rest>[^，。；：]{0,24})$"
)
# What may stand between that verb and the count: names of the items, or what they cost.
_BETWEEN_VERB_AND_COUNT_RE = re.compile(
    r"(?:[^、，。；0-9]{1,8}、)+[^、，。；0-9]{1,8}|[^、，。；0-9]{1,8}等|总投资[^，。；]*的|的?"
    r"|(?:农村|城镇|城市|城乡|贫困地区)"  # whose people: ``新解决农村6300多万人饮水安全问题``
)
# Units of what is built or done, that a list's leading verb carries to its later items.
_BUILT_UNITS = COUNT_UNITS | frozenset(
    words("公里 千米 米 亩 万亩 平方米 万平方米 平方公里 公顷 套 万套 万户 万个 万家 万座")
)  # 几百亿元: several hundred, not a figure
_WORK_ITEM_NAME_RE = re.compile(
    r"案例$|(?:主要|约束性|预期性|考核)?指标(?:任务)?$|重大专项$|(?:计划|攻关|攻坚)项目$|专项行动$|审批(?:服务)?事项$|服务事项$|重点事项$|重大改革$|改革任务$|"
    r"一件事”?$|举措$|措施$|制度(?:性)?创新(?:成果|案例)$|"
    # Projects applied for or promoted to investors: the government's own steps (LABELLING.md 4).
    r"(?:申报|申请|推介)[^，。；]{0,12}(?:项目|省市重点)$"
)
# The government's own casework and enforcement counted: cases handled, appeals settled, firms shut.
_OWN_CASEWORK_RE = re.compile(
    r"^(?:办理|办结|受理|查处|查办|破获|侦破|审结|调处|化解|取缔)|(?:案件|诉求|纠纷|信访件)$"
)
# The government's own service and emergency work counted (JUDGING, invalid; judged round 5581): problems it
# solved for people or firms (``为6.2万名农民工解决了拖欠工资问题``, ``解决9.5万户“无籍房”办证问题``,
# ``帮助企业解决困难86个``), not the living conditions it brought (``解决农村人口饮水安全问题``); people it
# moved out of harm's way (``紧急转移安置群众65万人``); agreements it reached (``议定了一百二十二项合作项目``).
_OWN_SERVICE_RE = re.compile(
    r"解决了?(?:各类|实际|具体)?(?:问题|困难|难题)(?:和[^，。；]{1,3})?$|(?:办证难?|拖欠工资|欠薪|讨薪)”?问题$"
    r"|^紧急转移|^(?:转移|疏散|撤离)(?:安置|避险)?(?:受灾|受威胁|危险区)?(?:群众|人员)$|^议定"
)
# ``现在就可以用六十元…去办过去要用一百元钱才能办好的事情``: an illustration of what money buys, no indicator.
_ILLUSTRATION_RE = re.compile(r"(?:可以|能够?|要)用$")
# A policy's own parameter, which the government sets (LABELLING.md 4, ``研发费用加计扣除比例提高到75%``):
# ``过境免签扩展到9个州（市）并延长至240小时``.
_POLICY_PARAMETER_RE = re.compile(
    r"(?:免签|加计扣除|应纳税所得额|起征点)[^，。；]{0,12}?(?:扩展|扩大|延长|放宽|提高|上调|调整)(?:到|至)[^，。；]{0,2}$"
)
# A verb that turns the work to things already there, right before their count: ``聚焦28条``, ``发挥好9个``.
_TURNS_TO_RE = re.compile(
    r"(?:聚焦|围绕|依托|发挥好?|用好|立足|对标|瞄准|紧扣|紧盯)(?:全省|全市|全县|全区|这|这些)?$"
)
_COMPARE_RE = re.compile(
    r"(?<![同可对])(?:比(?![重例率值])|较|較)(?P<bench>(?:[^，。；比较較]{1,14}?年(?:末|底|同期|度)?(?:的[^，。；比较較]{1,16}?)?"
    r"|[^，。；0-9比较較提增下降减口]{1,8}?))"
    # ``比原计划至少节约百分之十``: the floor of the saving, the figure's qualifier (at_least)
    r"(?P<least>至少)?"
    r"(?P<dir>节约|高出|高|低|多|少|提高|下降|增长|增加|减少|降低|上升|回落|增長|增长了|增長了|增加了|提高了|下降了|减少了|減少了|減少)$"
)
_GAP_RE = re.compile(r"(?P<dir>高于|低于|快于|慢于)(?P<bench>[^，。；0-9]{1,8})$")
_TIME_BENCH_RE = re.compile(
    rf"去年|上年|上一年|前一年|上年度|上半年|年初|同期|前[一二三]季度|过去|以往|历史|{YEAR}|“?(?:十[一二三四五]|[六七八九])五”?|前[一二三四五]年"
)
# A clause that says where the place stands (稳居全国前十强, 位居中部前列) between a figure and the next.
_STANDING_RE = re.compile(
    r"^(?:稳居|位居|位列|跃居|跻身|名列|居于|居)[^，。；、0-9]{0,8}?"
    r"(?:前列|前茅|前[一二三四五六七八九十]+|第[一二三四五六七八九十]+|首位|榜首|第一方阵|第一梯队)[强位名]?$"
)
# ``五年年均增长``, ``十年增加``: a span of years stands where the indicator of the clause before is meant.
_SPAN_OF_YEARS_RE = re.compile(r"^(?:[两三四五六七八九十]|[0-9]+)年(?:来|间|累计|年均|增加|增长)*$")
# Names with a conjunction inside that name one measure, never a list of two.
_JOINED_NAME_RE = re.compile(
    r"研究与试验发展|研究与开发|国有及国有控股|产学研|进出口|存贷款"
    # industries of the national classification named with 和 (``软件和信息技术服务业``, ``住宿和餐饮业``)
    r"|和(?:相关服务|信息技术服务|技术服务|商务服务|零售|餐饮|邮政|社会工作|娱乐|供应)业"
    r"|航空航天器及设备|计算机及办公设备|电子及通信设备|科技推广和应用服务|研究与实验"
    # a relation of two things, one figure (``研发经费支出与国内生产总值之比``, ``村卫生室与乡镇卫生院一体化管理率``)
    r"|与[^、，]{1,12}(?:之比|比率|比值|一体化)"
)
_GROUP_COUNTED_RE = re.compile(r"^[^、，和及与]{1,6}?[两三四五六七八九十]+(?:市|县|区|省|州|地|国)")
_FANOUT_RE = re.compile(
    r"分别|双双|(?<![年平人])[均都](?=为|达|在|是|超过|实现|保持|高于|低于|增长|提高|居|位居|位列|排名|排在|列)"
)
_ZERO_WIDTH = re.compile("")
_PAIRED_VERB_RE = re.compile(r"(?:实际|名义|同比)?(?:增长|提高|下降|达到|为)$")
# Verbs of a level that pair a list of rates with its subjects too (``A、B普及率超过98%、85%``).
_PAIRED_RATE_VERB_RE = re.compile(r"(?:达|超过|突破|(?:提高|提升)(?:到|至))$")
# Physical additions listed after 新增: ``新增发电机组容量1500万千瓦，铁路新线3300公里，高等级公路1900公里``.
_NEW_CAPACITY_UNITS = frozenset(words("公里 千米 千瓦 吨 门 平方米 立方米 亩 公顷 延长米"))
# Items with a verb of their own (``依法拆违``, ``推广…品种``, ``铁路新线投产``) or a stock (``总装机``, ``播种面积``).
_NOT_ADDED_RE = re.compile(r"^(?:总|依法)|拆|种植|推广|保障|修复|新造|投产|播种")
_LIST_GLUE_RE = re.compile(r"^[、，,和及与\s]*$")
_GLUE_RE = re.compile(r"[、，,和及与\s]*")  # the same, for fullmatch within a sentence
_RANK_SUBJECT_TAIL_RE = re.compile(
    r"(?:连续多年|多年|连续[0-9一二三四五六七八九十两]+年|[0-9]+年|继续|仍然|仍|持续|稳定|首次|再次|已经|已|均|都|分别|有望|成为)+$"
)
_LEVEL_BEFORE_NUMBER_RE = re.compile(r"(?:到|至|为|达到|达)[^，。；]{0,3}$")
_DATED_OPENING_RE = re.compile(rf"{YEAR}(?:的)?")
_ANY_DIGIT_RE = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万亿]{2,}")
_NOUN_END_CHAR_RE = re.compile(r"[额量值率数入润能模重比积产资人口户业总费税款价]$")
_CLIPPED_MEASURES = frozenset(words("增速 增幅 总量 比重 占比 规模 总额"))
_MEASURE_TAIL_RE = re.compile(r"(?:总量|总额|规模|增速|增幅)$")


def read_indicators(sentence: str, quantities: list[Quantity]) -> list[Found]:
    found: list[Found] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        clause_begins = _through_alternatives(sentence, clause_start(sentence, q.start), q.start)
        previous = found[-1] if found else None
        anchor = clause_begins
        if previous and previous.quantity.end > clause_begins:
            anchor = previous.quantity.end
        prefix = sentence[anchor : q.start]
        fanout = _FANOUT_RE.search(prefix) or _paired_list(sentence, quantities, i, prefix, found)
        if fanout:
            group = _value_list(sentence, quantities, i)
            ends = _end_values(sentence, quantities, i + len(group), group, prefix[fanout.end() :])
            if ends:
                # ``A、B分别从209元、280元提高到217元、290元``: only the end values, each its subject's
                # (LABELLING.md: from … to … gives the end value)
                found.extend(_fan_out(sentence, prefix, anchor, fanout, ends, found))
                i += len(group) + len(ends)
                continue
            if len(group) > 1 or SPLIT_SUBJECTS_RE.search(prefix[: fanout.start()]):
                found.extend(_fan_out(sentence, prefix, anchor, fanout, group, found))
                i += len(group)
                continue
        elif (
            "城乡" in prefix
            and _URBAN_AND_RURAL_RE.search(prefix)
            and len(group := _value_list(sentence, quantities, i)) == 2
            and sentence[group[0].end : group[1].start] in ("和", "、")
            and group[0].unit == group[1].unit  # ``城乡低保户3032户、4807人``: one group, counted twice
            and (at_the_end := _ZERO_WIDTH.match(prefix, len(prefix))) is not None
        ):
            # ``城乡低保标准提高到不低于740元/月和485元/月``: the town's and the country's, in that order, 分别 unsaid
            found.extend(_fan_out(sentence, prefix, anchor, at_the_end, group, found))
            i += 2
            continue
        elif SPLIT_SUBJECTS_RE.search(prefix) and (group := _value_list(sentence, quantities, i))[1:]:
            after_values = _FANOUT_AFTER_RE.match(sentence, group[-1].end)
            at_the_end = _ZERO_WIDTH.match(prefix, len(prefix))
            if after_values and at_the_end:
                # ``城镇和农村人均住房面积32.9平方米、37.1平方米，分别比2007年增加…``: 分别 after the values
                found.extend(_fan_out(sentence, prefix, anchor, at_the_end, group, found))
                i += len(group)
                continue
        found.extend(_single(sentence, q, prefix, anchor, previous))
        i += 1
    for i, f in enumerate(found):
        if f.quantity.qualifier is None and _HEDGE_HEAD_RE.match(f.indicator):
            f.quantity = f.quantity._replace(qualifier="approx")  # ``大约损失工业总产值30亿元``
        elif f.quantity.qualifier is None and _AT_LEAST_HEAD_RE.match(f.indicator):
            f.quantity = f.quantity._replace(qualifier="at_least")
        written = f.indicator
        f.indicator = clean_indicator(written)
        if not f.indicator and written:
            if i and found[i - 1].indicator:
                # ``…，计划的117%``: the measure just named (its plan's fulfilment)
                f.indicator = base_of(found[i - 1].indicator) + (
                    "完成计划" if written.startswith("计划") else ""
                )
            elif named := _subject_in_clause_before(sentence, clause_start(sentence, f.quantity.start)):
                f.indicator = named[0]  # ``一九五八年的职工工资总额，计划安排为158亿元``
        if sentence.endswith("持平", 0, f.quantity.end):
            f.change = "growth"  # ``与上年持平``: a change of zero
        verb = _CHANGE_VERB_HEAD_RE.match(f.indicator)
        if verb:
            # ``增加政府投资100亿元``: the verb is the change, not part of the name (``扩大…，由…增加到…``: a level)
            if f.change == "level" and not _LEVEL_BEFORE_NUMBER_RE.search(sentence, 0, f.quantity.start):
                f.change = "decline" if verb.group() in _DECLINE_HEADS else "growth"
            f.indicator = clean_indicator(f.indicator[verb.end() :])
    _name_the_bare_verb(found, sentence)
    _share_the_leading_verb(found, sentence)
    _share_the_verb_of_each(found)
    _name_through_a_bracket(found, sentence)
    _name_the_product(found, sentence)
    _name_what_the_pronoun_stands_for(found, sentence)
    _name_the_insured_scheme(found, sentence)
    _carry_the_subject(found, sentence)
    _name_the_part_like_its_whole(found, sentence)
    _share_the_subject_of_a_list(found, sentence)
    _name_the_toll_of_accidents(found)
    _name_a_lone_measure(found, sentence)
    _name_the_investment_of_projects(found, sentence)
    _name_the_stock_after_its_flow(found, sentence)
    _name_the_driver(found, sentence)
    _name_the_measure_of_a_measure(found, sentence)
    _name_the_rate_of_the_projects(found, sentence)
    _name_the_topic_of_the_clause_before(found, sentence)
    _name_the_part_of_a_share(found, sentence)
    _name_the_returns_of_tourism(found, sentence)
    _name_the_length_of_the_lines(found, sentence)
    _name_the_workers_of_the_places(found, sentence)
    for f in found:
        if "（" in f.indicator or "(" in f.indicator:
            f.indicator = _SHORT_NOTE_RE.sub(
                "", f.indicator
            )  # ``农村生活污水治理（管控）率``: 农村生活污水治理率
        if _SHARE_OF_DE in f.indicator:  # what every match holds: most names are not searched
            f.indicator = _SHARE_OF_DE_RE.sub(r"\1", f.indicator)
        f.indicator = output_name(f.indicator, f.quantity.unit, f.change)
        if f.quantity.unit in _WORK_UNITS and (task := _TASK_OF_WORK_RE.search(f.indicator)):
            f.indicator = task.group(
                "work"
            )  # ``完成市定造林任务4000亩``: 造林, the task the measure of work done
    output_names = share_output(
        [(f.indicator, f.quantity.unit, f.change) for f in found], [sentence[: f.quote_start] for f in found]
    )
    for f, name in zip(found, output_names, strict=True):
        f.indicator = without_the_level_before(name, f.change)
        if "、" in f.indicator and not f.indicator.endswith("位次"):
            f.indicator = _without_the_item_before(f.indicator)  # ``开通3条地铁新线、新增运营里程``
        if (f.quantity.unit or "").endswith("元") and (money := _ALLOCATED_MONEY_RE.match(f.indicator)):
            # ``落实退役军人保险接续资金2329万元``: 落实 only says it was allocated
            f.indicator = money.group("money") or money.group("paid")
        if (f.quantity.unit or "").endswith("元") and _COUNT_OF_WHOM_RE.search(f.indicator):
            # ``为6873名困难群体代缴养老保险费68.73万元``: the count is another figure (judged round 4242)
            f.indicator = _COUNT_OF_WHOM_RE.sub("", f.indicator)
        if "等" in f.indicator and f.quantity.unit in _CLASS_COUNT_UNITS:
            f.indicator = _without_examples(f.indicator)
        share = _SHARE_OF_RE.search(f.indicator, 2)
        if (
            share
            and _in_a_share_unit(f.quantity)
            and not _SHARE_WORD_RE.search(f.indicator, share.end())
            and not _OF_A_PLAN_RE.search(f.indicator)
        ):
            f.indicator = clip(f.indicator.removesuffix("的").removesuffix("比") + "比重")  # LABELLING.md 4
        elif (
            f.quantity.unit == "%"
            and f.change == "level"
            and len(f.indicator) >= 2
            and not _SHARE_WORD_RE.search(f.indicator)
            and not _SHARE_OF_RE.search(f.indicator)
            and _TAKES_A_SHARE_RE.search(sentence, max(0, f.quantity.start - 8), f.quantity.start)
        ):
            # ``在社会零售总额中，…，私营商业将占21.1%``: the share of the whole the sentence names (LABELLING.md 4)
            wholes = list(_WHOLE_RE.finditer(sentence, 0, f.quote_start))
            whole = "占" + wholes[-1].group("whole") if wholes else ""
            if len(f.indicator + whole) >= 28:
                whole = ""  # a name too long for the whole: the part's share alone
            f.indicator = clip(f.indicator + whole + "比重")
        elif f.quantity.unit == "%" and f.change == "level" and _PEOPLE_COUNTED_RE.search(f.indicator):
            f.indicator = clip(f.indicator + "比例")  # ``…的村居主干达92.5%``: the share of them, 比例
        if (
            f.quantity.unit == "%"
            and f.change == "level"
            and f.indicator.endswith("覆盖")
            and not f.indicator.endswith("全覆盖")
        ):
            # ``优质公办幼儿园覆盖95%乡镇``: the share of the towns covered (judged round 9090: cut off)
            covered = _COVERED_AFTER_RE.match(sentence, f.quantity.end)
            share_name = f.indicator + (covered.group("what") + "比例" if covered else "率")
            if len(share_name) <= _MAX_NAME:  # never clipped into a count
                f.indicator = share_name
        if f.change == "level" and f.quantity.unit == "%" and f.indicator.endswith("增长"):
            # ``经济增长预期目标为7%左右``: a measure named by its growth (judged round 4242)
            f.change = "growth"
    return [
        f
        for f in found
        if f.indicator
        and not _is_work_item_count(f)
        and not _counts_what_exists(f, sentence)
        and not _is_no_indicator(f, sentence)
    ]


def _in_a_share_unit(q: Quantity) -> bool:
    """A figure that can be a share: in %, points, tenths (``超4成``) or a fraction (``超1/4``, no unit)."""
    return q.unit in ("%", "个百分点", "成") or (q.unit is None and q.value is not None and 0 < q.value < 1)


# Examples named before the class counted (``新增康复大学等高校14所``, ``更新改造复康路等道路80条``): the class is the
# name, with the verb before the examples (judged round 4242); examples of a measure ranked or summed stay.
_EXAMPLES_OF_A_CLASS_RE = re.compile(
    r"^(?P<verb>(?:累计)?(?:新增|新建改造|新建|建设|更新改造|改造|盘活|举办|开展|发布|打造|培育|引进))?"
    r"(?P<examples>[^等]{2,16}?)(?<![高中初上次平均])等(?![级额值于同候])(?P<kind>[^0-9０-９等、，][^等]+)$"
)
_DOING_RE = re.compile(r"实施|开展|推进|参加|组织")
_CLASS_COUNT_UNITS = frozenset(
    words("所 家 条 个 座 处 项 场 万场 万场次 亩 万亩 公里 万公里 套 万套 平方米 万平方米")
)


def _without_examples(indicator: str) -> str:
    match = _EXAMPLES_OF_A_CLASS_RE.match(indicator)
    if match is None or _DOING_RE.search(match.group("examples")):
        return indicator  # ``企业实施挥发性有机物等治理提升``: who did the work, not examples
    name = (match.group("verb") or "") + match.group("kind")
    return name if len(match.group("kind")) >= 2 and len(name) >= 4 else indicator


_TASK_OF_WORK_RE = re.compile(
    r"^(?:[省市县区]定|上级下达的?)?(?P<work>(?!年度|全年|各项|等各项)[^任]{1,11}[^任总度年项])任务$"
)
# Units of work done on land, roads, people and goods, in which a task is written (``造林任务12.5万亩``).
_WORK_UNITS = frozenset(words("亩 万亩 公顷 万公顷 公里 千米 万人 万人次 人次 吨 万吨 亿吨 万套 万户"))
# People or households counted, whose figure in % is their share (``基本能够使用国家通用语言文字的村居主干``).
_PEOPLE_COUNTED_RE = re.compile(
    r".的[^的]{0,4}?(?:人口|人员|群众|主干|家庭|农户|住户|居民|职工|学生|干部|患者)$"
    r"|..(?<![乡农城])(?<!城乡)村$"  # villages counted (``集体经济强村增至12.3%``; judged round 4242)
)
# A share written with 占 just before its figure, and the whole it is of (``在工业总产值中所占的比重``).
_TAKES_A_SHARE_RE = re.compile(r"(?:^|[^所])占(?:到|了)?(?:约|近|超过|不到)?$")
_WHOLE_RE = re.compile(r"在(?P<whole>[^，。；：在中]{2,14}?)中")
# A verb that only says money was allocated or paid out (``落实``, ``发放``, ``拨付``, ``兑现``; LABELLING.md 4); a loan
# issued keeps its verb (``发放创业担保贷款``), and a name is never the bare ``资金``.
_ALLOCATED_MONEY_RE = re.compile(
    r"^(?:落实(?P<money>.{4,})|(?:发放|拨付|下达|兑付|兑现)(?P<paid>(?=[^0-9]{4})(?!.*贷款$).*(?:资金|补贴|补助|金|费|款)))$"
)
# The count of whom a sum is for, inside its name: ``为864名退役军人``, ``向12家企业``, ``首批121个…项目``.
_COUNT_OF_WHOM_RE = re.compile(
    r"^为?[0-9]+(?:\.[0-9]+)?万?[名户家人](?=[^0-9以]{2})"
    r"|(?<=[为向和、])[0-9]+(?:\.[0-9]+)?万?[名户家人](?=[^0-9以]{2})"
    r"|(?<=..)(?<![0-9])[0-9]+个(?=[^、，0-9]{0,12}项目)"
)
_SHARE_OF_DE_RE = re.compile(r"(?<=..)的(比重)$")  # ``…所占的比重``: 所占比重 (LABELLING.md 4)
_SHARE_OF_DE = "的比重"
# A short note of alternatives inside a name (``乡镇（街道）``, ``气（电）代煤``, ``绿色（低碳）工厂``): the shortest name
# leaves it out; alternatives of a verb (``新（改）建``: new or rebuilt), what a figure includes (``（含高新）``), a train line's name (``中欧班列（义新欧）``) and an abbreviation (``(R&D)``) stay.
_SHORT_NOTE_RE = re.compile(
    r"(?<!班列)(?![（(](?:[改扩续新、]{1,5}[)）]|含|不含|包括|扣除))[（(](?=[^（）()]*[\u4e00-\u9fff])[^（）()0-9０-９]{1,4}[)）](?=.)"
)


# Verbs written as alternatives in brackets inside a name: ``新（改、扩）建农村道路``, ``新（扩）建``.
_ALTERNATIVE_VERBS_RE = re.compile(r"[（(][改扩续新、]{1,5}[)）]$")


# A short note in brackets inside an item's name (``乡镇（街道）综合养老服务中心``), between two words of it.
_NOTE_INSIDE_A_NAME_RE = re.compile(
    r"(?<=[^，。；、：,;:（）()\s])[（(](?:[^（）()，。；、0-9０-９]{1,4}|[A-Za-z][A-Za-z0-9.&]{0,7})[)）]$"
)


def _through_alternatives(sentence: str, start: int, figure: int) -> int:
    """Where a clause begins when the break before ``start`` only closes bracketed alternatives of a verb,
    or a short note inside a name that goes on after it (to the figure at ``figure``)."""
    if start < 3 or sentence[start - 1] not in "）)":
        return start
    alternatives = _ALTERNATIVE_VERBS_RE.search(sentence, max(0, start - 8), start)
    if alternatives is None or alternatives.end() != start:
        note = _NOTE_INSIDE_A_NAME_RE.search(sentence, max(0, start - 10), start)
        if note is None:
            return start
        goes_on = _NAME_GOES_ON_TO_FIGURE_RE.match(sentence, start)
        if not _NOTE_GOES_ON_RE.match(sentence, start) and (goes_on is None or goes_on.end() != figure):
            return start
        return clause_start(sentence, note.start())
    return clause_start(sentence, alternatives.start())


# What follows a note inside a name: more of the name before a list mark or the figure's verb.
_NOTE_GOES_ON_RE = re.compile(
    r"[^，。；、：,;:（）()0-9０-９]{2,}?[、和及与]|(?:达到|达|为|超过|突破|增长|增加|提高|下降|减少)[^，。；、：,;:（）()]{0,2}[0-9０-９]"
)
# More of the name after the note, then its verb, up to the figure itself: ``研究与试验发展(R&D)经费投入增速10%``,
# ``气（电）代煤改造1.36万户``, ``生活污水治理（管控）率达到40%``.
_NAME_GOES_ON_TO_FIGURE_RE = re.compile(
    r"[^，。；、：,;:（）()0-9０-９A-Za-z]{1,12}?(?:达到|达|为|超过|突破|超|增长|增加|提高|下降|减少|增至|降至|分别|增速|不低于)*"
    r"(?=[0-9０-９])"
)


def _is_work_item_count(found: Found) -> bool:
    """``规划共设置主要指标26项``, ``取消行政审批事项200项``: a count of the government's own work items;
    ``办理法律援助案件27万件``, ``取缔“散乱污”企业22家``: of its own service or enforcement work (JUDGING)."""
    unit = found.quantity.unit or ""
    if unit in COUNT_UNITS and _WORK_ITEM_NAME_RE.search(found.indicator):
        return True
    if unit.removeprefix("万") not in COUNT_UNITS:
        return False
    return bool(_OWN_CASEWORK_RE.search(found.indicator) or _OWN_SERVICE_RE.search(found.indicator))


def _is_no_indicator(found: Found, sentence: str) -> bool:
    """An illustration (``现在就可以用六十元``) or a policy's own parameter (``过境免签扩展到9个州``): no measure
    of the place (JUDGING, invalid; judged round 5581)."""
    q = found.quantity
    return bool(
        _ILLUSTRATION_RE.search(found.indicator)
        or _POLICY_PARAMETER_RE.search(sentence, clause_start(sentence, q.start), q.start)
    )


def _counts_what_exists(found: Found, sentence: str) -> bool:
    """``聚焦28条重点产业链``, ``发挥好9个国家区域医疗中心服务功能``: the number of things that already
    exist, which the work turns to; no target is set (JUDGING, invalid). So are partners joined or helped
    (``县医院与7所镇卫生院全部建立紧密型医联体``, ``支持3个国家级保种场开展性能测定``; judged round 5581)."""
    q = found.quantity
    if (q.unit or "") not in COUNT_UNITS:
        return False
    start = clause_start(sentence, q.start)
    if _TURNS_TO_RE.search(sentence, start, q.start):
        return True
    stop = CLAUSE_BREAK_RE.search(sentence, q.end)
    after = sentence[q.end : stop.start() if stop else len(sentence)]
    before = sentence[start : q.start]
    return bool(
        (before.endswith("与") and _JOINED_WITH_RE.search(after))
        or (_SUPPORTED_LIST_RE.search(before) and _ACTIVITY_OF_RE.search(after))
    )


# Partners joined (``与7所镇卫生院全部建立紧密型医联体``) and existing places helped in their own work
# (``支持3个国家级保种场、2个国家级核心育种场开展性能测定``).
_JOINED_WITH_RE = re.compile(
    r"建立[^，。；]{0,8}(?:医联体|医共体|联盟|共同体)|结成[^，。；]{0,6}对子|签订[^，。；]{0,8}协议"
)
_SUPPORTED_LIST_RE = re.compile(r"支持(?:[0-9０-９.]+[^，。；、0-9]{1,12}、)*$")
_ACTIVITY_OF_RE = re.compile(r"开展")


# A subject, then a bracketed note on it, then its measure: ``普通中学（包括高中和初中）新招生213.7万人``.
_SUBJECT_BEFORE_BRACKET_RE = re.compile(
    r"(?P<subject>[^，。；：、（）()0-9０-９]{2,12})(?P<note>[（(][^（）()]{1,20}[)）])$"
)
# A note that gives the name's abbreviation (``细颗粒物（PM2.5）``) is part of the name.
_ABBREVIATION_NOTE_RE = re.compile(r"[（(][A-Za-z][A-Za-z0-9. -]*[)）]")
# A train line named in brackets (``中欧班列（义新欧）``, ``中欧班列（成渝）``) is one line, not all of them (judged
# round 9090): its name keeps the bracket.
_NAMED_LINES = ("班列",)
_TITLE_OR_LIST_MARK_RE = re.compile(r"[《“‘①-⑳]")


def _name_through_a_bracket(found: list[Found], sentence: str) -> None:
    """The clause of a figure begins after a closing bracket, so its subject, written before the bracket,
    is read into the name (and the quote) here."""
    for f in found:
        # the bracket closes right before the figure's clause, or before its 的 (``粮食（不包括大豆）的产量``)
        closes = f.quote_start - 1 if sentence.startswith("的", f.quote_start - 1) else f.quote_start
        if (
            not f.indicator
            or sentence[closes - 1 : closes] not in ("）", ")")
            or _ANY_DIGIT_RE.match(sentence, f.quote_start)  # ``中小学（幼儿园）5838所、教学点4973个``
        ):
            continue
        before = _SUBJECT_BEFORE_BRACKET_RE.search(sentence, max(0, closes - 36), closes)
        if (
            before is None
            or before.start() != clause_start(sentence, before.start() + 1)
            or _TITLE_OR_LIST_MARK_RE.search(sentence, max(0, before.start() - 1), before.end())
        ):
            continue  # a bracket inside a title (《纲要（草案）》) or an item of a numbered list (①…（…）②…)
        subject = clean_indicator(subject_and_change(before.group("subject"))[0])
        if _ABBREVIATION_NOTE_RE.fullmatch(before.group("note")) or subject.endswith(_NAMED_LINES):
            subject += before.group("note")
        if len(subject) >= 2 and not f.indicator.startswith(subject):
            f.indicator = clip(subject + f.indicator)
            f.quote_start = before.start()


# A measure of output written bare after a clause that opens on the product (``粮食按人口平均占有量超过了…，
# 总产量达到3亿吨``): the product's.
_BARE_OUTPUT = frozenset(words("总产量 产量 总产值 产值 播种面积 单产 亩产 收购量 出口量"))
_PRODUCT_OPENING_RE = re.compile(
    r"(?:^|(?<=[，。；：]))(?P<product>[^，。；：、0-9]{1,6}?)(?=按|的|[总产]|播种|单产|亩产|收购|出口|生产)"
)


def _name_the_product(found: list[Found], sentence: str) -> None:
    for f in found:
        if f.indicator not in _BARE_OUTPUT:
            continue
        products = [
            m
            for m in _PRODUCT_OPENING_RE.finditer(sentence, 0, f.quote_start)
            if is_product(m.group("product"))
        ]
        if products:
            f.indicator = products[-1].group("product") + f.indicator


# A name that opens on a pronoun: ``这些农场的耕地面积``, ``该园区的产值``: the thing it stands for is the
# subject of the figure before, which ends on the noun the pronoun takes up.
_PRONOUN_NAME_RE = re.compile(
    r"^(?:这些|这个|那些|该|此|其)(?P<noun>[^的，。；]{1,6}?)的?(?P<measure>[^的]{2,12})$"
)


def _name_what_the_pronoun_stands_for(found: list[Found], sentence: str) -> None:
    for index, f in enumerate(found):
        if index == 0:
            continue
        written = subject_and_change(sentence[clause_start(sentence, f.quantity.start) : f.quantity.start])[0]
        pronoun = _PRONOUN_NAME_RE.match(written)
        if pronoun is None:
            continue
        base = base_of(found[index - 1].indicator)
        measure = pronoun.group("measure")
        if not base.endswith(pronoun.group("noun")) or len(measure) < 2:
            continue
        inherited = f.indicator
        for later in found[index:]:
            if later is not f and later.indicator != inherited:
                break  # the figures after it that inherited the same name (``比上年增加了45%``) follow it
            later.indicator = clip(base + measure)


# A bare rate or count of the insured takes the scheme the sentence names before it:
# ``城乡居民社会养老保险全面启动，参保率达到95.5%`` -> 城乡居民社会养老保险参保率.
_BARE_INSURED = frozenset(words("参保率 参合率 参保人数 参合人数"))
_SCHEME_RE = re.compile(
    r"(?:(?:城乡居民|城镇居民|城镇职工|农村居民|企业职工|机关事业单位)(?:社会)?)?(?:基本)?"
    r"(?:养老|医疗|失业|工伤|生育|长期护理)保险|新型农村合作医疗|新型农村社会养老保险|新农合|新农保|长护险"
)


def _name_the_insured_scheme(found: list[Found], sentence: str) -> None:
    for f in found:
        if f.indicator not in _BARE_INSURED:
            continue
        schemes = list(_SCHEME_RE.finditer(sentence, 0, f.quote_start))
        if not schemes:
            continue
        last = schemes[-1]
        if sentence[last.start() - 1 : last.start()] in ("、", "和", "及") or sentence.startswith(
            ("、", "和", "及"), last.end()
        ):
            continue  # ``纳入城镇职工基本医疗保险、城镇居民基本医疗保险和新型农村合作医疗…，参保率``: all of them
        f.indicator = clip(last.group() + f.indicator)


def _carry_the_subject(found: list[Found], sentence: str) -> None:
    """``国有及国有控股工业企业实现增加值1200亿元…；利润300亿元``: a bare measure takes the subject of the
    measure before it in the sentence, where that subject is an entity (企业, 园区, 行业 …); the investment
    written after a count of projects is theirs (``实施省重点项目1000个，完成投资1万亿元``)."""
    subject = ""
    projects = ""
    projects_end = 0
    for index, f in enumerate(found):
        before = found[index - 1] if index else None
        if (
            before is not None
            and f.indicator in _BARE_TOTALS
            and _unit_counts(before.quantity.unit)
            and sentence[before.quantity.end : f.quote_start] in _DRIVER_GLUE
        ):
            f.indicator = base_of(before.indicator) + f.indicator  # ``建成“四好农村路”20条，总里程60公里``
            continue
        if (
            before is not None
            and f.indicator in _BARE_COMPLETION_RATES
            and (invested := _PROJECTS_INVESTED_RE.match(before.indicator))
            and sentence[before.quantity.end : f.quote_start] in _DRIVER_GLUE
        ):
            f.indicator = clip(
                invested.group("projects") + "投资完成率"
            )  # ``重大项目完成投资…、投资完成率129.6%``
            continue
        if f.indicator in _BARE_MEASURES and subject:
            f.indicator = subject + f.indicator
            continue
        if (
            f.indicator in _BARE_INVESTMENT
            and projects
            and f.quantity.unit in _MONEY_UNITS
            and "；" not in sentence[projects_end : f.quote_start]  # the next statement's money
        ):
            done = "完成" if sentence.endswith("完成", 0, f.quote_start) and f.indicator == "投资" else ""
            f.indicator = projects + done + f.indicator
            continue
        measure = _ENTITY_MEASURE_RE.search(f.indicator)
        if measure:
            subject = f.indicator[: measure.start()]
        else:  # ``规模以上工业企业达7.6万家、增加值增长3%``: the entity just counted
            counted = _ENTITY_NAME_RE.search(f.indicator) and _unit_counts(f.quantity.unit)
            subject = f.indicator if counted else ""
        if (
            projects
            and f.quantity.unit in COUNT_UNITS
            and not _PROJECTS_RE.search(f.indicator)
            and "其中" in sentence[projects_end : f.quote_start]
        ):
            continue  # ``…项目39个，其中省重点2个，市重点37个，总投资…``: a part of the projects counted
        things = _INVESTED_THINGS_RE.match(f.indicator) if _unit_counts(f.quantity.unit) else None
        projects = things.group("things") if things else ""
        projects_end = f.quantity.end


# ``新增公路…万公里，其中高速公路2.8万公里``: a part named after 其中 is counted as its whole is, with the verb
# that makes the whole a flow (新增, 净增, 新登记, 实有) and the measure written after the whole's subject.
_PART_GLUE_RE = re.compile(r"[多余左右以上下]*[，,；;]?其中[，,]?")
_WHOLE_VERB_RE = re.compile(r"^(?:新增|新建|净增|新登记|新设立?|实有)")
_WHOLE_MEASURE_RE = re.compile(r"(?:营业|运营|通车)?里程$|装机(?:容量)?$|(?:种植|播种)?面积$|保有量$|净增$")
_PLACE_ONLY_RE = re.compile(r"^(?:农村|城市|城镇|城区|乡村|县城|中心城区|全省|全市|全国)$")


def _name_the_part_like_its_whole(found: list[Found], sentence: str) -> None:
    for index, (whole, part) in enumerate(itertools.pairwise(found)):
        name = part.indicator
        if (
            len(name) < 2
            or (index and found[index - 1].quote_start == whole.quote_start)  # a whole named by inheritance
            or _PLACE_ONLY_RE.match(name)
            or not _PART_GLUE_RE.fullmatch(sentence, whole.quantity.end, part.quote_start)
            or (whole.quantity.unit or "").lstrip("万亿") != (part.quantity.unit or "").lstrip("万亿")
        ):
            continue
        measure = _WHOLE_MEASURE_RE.search(whole.indicator, 2)
        if measure and not _HAS_A_MEASURE_END_RE.search(name) and not _WHOLE_MEASURE_RE.search(name):
            name += measure.group()  # ``铁路营业里程…，其中高速铁路…``: 高速铁路营业里程
        verb = _WHOLE_VERB_RE.match(whole.indicator)
        if (
            verb
            and len(whole.indicator) > verb.end() + 1
            and not whole.indicator.startswith(
                ("和", "、", "及", "改"), verb.end()
            )  # 新建和改造提升…: a verb of two
            and not _CLAUSE_VERB_RE.match(name)
        ):
            name = verb.group() + name  # ``新登记经营主体…，其中企业929.8万户``: 新登记企业
        part.indicator = clip(name)


# Measures that a list's items name bare after the first gave its subject (``清洁能源装机占比54.8%、发电量占比51.3%``).
_LISTED_MEASURES = (
    "复线里程",
    "电气化里程",
    "通车里程",
    "营业里程",
    "装机",
    "发电量",
    "用电量",
    "产量",
    "产值",
    "增加值",
    "营业收入",
    "营收",
    "利润",
    "税收",
    "出口额",
    "进口额",
    "销售额",
)


def _share_the_subject_of_a_list(found: list[Found], sentence: str) -> None:
    """``清洁能源装机占比54.8%、发电量占比51.3%``: a later item of a ``、`` list that opens with a bare measure
    takes the subject the first item wrote before its own measure (清洁能源发电量占比)."""
    for first, later in itertools.pairwise(found):
        if sentence[first.quantity.end : later.quote_start] != "、":
            continue
        if not later.indicator.startswith(_LISTED_MEASURES):
            if _units_of_a_kind(first.quantity.unit, later.quantity.unit) and (
                qualified := qualified_like(first.indicator, later.indicator, 2)
            ):
                later.indicator = clip(qualified)  # ``移风易俗示范乡镇1个、示范村5个``: 移风易俗示范村
            continue
        at = min((i for m in _LISTED_MEASURES if (i := first.indicator.find(m)) >= 2), default=-1)
        if at >= 2 and not later.indicator.startswith(first.indicator[:at]):
            later.indicator = clip(first.indicator[:at] + later.indicator)


# The toll of the accidents a list counts first (``生产安全事故起数、死亡人数分别下降…``): the deaths of those accidents,
# not of anything (``生产安全死亡事故起数和死亡人数``: 生产安全事故死亡人数).
_ACCIDENTS_COUNTED_RE = re.compile(r"^(?P<kind>[^、，和]{0,12}?)(?:死亡)?事故(?:起数|数)$")
_TOLL_OF_ACCIDENTS = ("死亡人数", "受伤人数", "伤亡人数", "直接经济损失")


def _name_the_toll_of_accidents(found: list[Found]) -> None:
    for first, later in itertools.pairwise(found):
        if later.indicator in _TOLL_OF_ACCIDENTS and (
            counted := _ACCIDENTS_COUNTED_RE.match(first.indicator)
        ):
            later.indicator = counted.group("kind") + "事故" + later.indicator


# Measures written alone whose subject the sentence gave before them: the item before names it with a measure of
# its own (``粮食播种面积1.1亿亩、产量825亿斤``, ``生猪存栏47万头、出栏59万头``, ``冰柿产能…，产值…``), or a clause
# opens on it (``国有企业效益明显好转，去年利润增长23.5%``, ``粮食生产再获丰收，总产达到557亿斤``).
_LONE_MEASURES = frozenset(
    words(
        "产值 总产值 年产值 产量 总产 总产量 利润 利润总额 税收 营收 年营收 营业收入 主营业务收入 出栏 存栏 增加值 总量 投资 出口额 上缴利润 上缴国家的利润"
    )
)
_FIRST_MEASURE_RE = re.compile(
    r"(?:播种面积|种植面积|建成面积|生产面积|面积|存栏|出栏|产能|产量|总产量|产值|总产值|营收|营业收入|主营业务收入|资产总额|销售额|销量)$"
)
_OPENING_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[，。；：]))(?P<who>[^，。；：、“”0-9０-９]{0,12}(?:企业|公司|集团|园区|产业园|产业|工业|行业|渔业|集群|粮食"
    r"|服务业|制造业|建筑业|农业|经营主体|市场主体))"
    r"(?=[^，。；：]{0,14}[，；])"
)
# A clause that opens on work done, not on its subject: ``全力推进棉花和纺织服装全产业链发展``, ``按照…模式``.
_WORK_OPENING_RE = re.compile(
    r"^(?:在|按照|今年|去年|全年)|推进|推动|加快|实行|实施|做大|做强|发展|建设|打造|培育|全力|保障|稳定|确保|力争|坚持|突出"
)
_FULL_MEASURE = {"总产": "总产量"}
# The time a clause opens with before its subject (``今年上海市纺织工业实行了…试点``): no part of the subject.
_TIME_OPENING_RE = re.compile(r"^(?:今年|去年|全年|当年|上半年)(?=..)")
_INDUSTRY_HEADING_RE = re.compile(r"[^，。；：、0-9０-９]{1,8}工业(?:建设)?[，,]")


def _name_a_lone_measure(found: list[Found], sentence: str) -> None:
    for index, f in enumerate(found):
        if f.indicator not in _LONE_MEASURES:
            continue
        lone = f.indicator
        measure = _FULL_MEASURE.get(lone, lone)
        before = found[index - 1] if index else None
        if before is not None and sentence[before.quantity.end : f.quote_start] in _DRIVER_GLUE:
            first = _FIRST_MEASURE_RE.search(before.indicator, 2)
            if first is None or first.group() == lone:
                continue
            f.indicator = clip(
                before.indicator[: first.start()] + measure
            )  # 粮食播种面积…、产量… -> 粮食产量
        else:
            since = before.quantity.end if before is not None else 0
            opening = max(
                _OPENING_SUBJECT_RE.finditer(sentence, since, f.quote_start),
                key=lambda match: match.start(),
                default=None,
            )
            who = _TIME_OPENING_RE.sub("", opening.group("who")) if opening else ""
            if opening is None or not who or _WORK_OPENING_RE.search(who):
                continue
            if lone == "投资" and not _INDUSTRY_HEADING_RE.match(sentence, opening.start()):
                continue  # investment of an industry named as the heading of its clause only (``煤炭工业建设，五年投资…``)
            f.indicator = clip(
                clean_indicator(who) + measure
            )  # ``国有企业效益明显好转，…利润`` -> 国有企业利润
        for later in found[index + 1 :]:
            if later.indicator == lone and later.quote_start == f.quote_start:
                later.indicator = f.indicator  # ``利润3784亿元，比上年增长45.2%``: the same measure's change


# ``推进重大工程建设，全年完成投资2400亿元``, ``14个项目纳入省市重点项目，…，完成投资18.1亿元``: investment done
# alone, the clause before naming the key projects it is done on (judged round 4242: 投资 loses its subject).
_DONE_INVESTMENT_RE = re.compile(r"完成$")
_KEY_PROJECTS_RE = re.compile(
    r"(?P<what>(?:省市|省级|市级|省|市|县)?(?:重点|重大)(?:项目|工程))(?=[0-9０-９，、”]|建设|攻坚|省级|$)"
)


_OF_THE_PROJECTS_RE = re.compile(r"项目|工程|总投资|开工率")


def _name_the_investment_of_projects(found: list[Found], sentence: str) -> None:
    for index, f in enumerate(found):
        if f.indicator != "投资" or not _DONE_INVESTMENT_RE.search(sentence, 0, f.quote_start):
            continue
        since = next(
            (b.quantity.end for b in reversed(found[:index]) if not _OF_THE_PROJECTS_RE.search(b.indicator)),
            0,
        )  # back over the figures of the projects (their count, total cost, share started), not past another
        projects = list(_KEY_PROJECTS_RE.finditer(sentence, since, f.quote_start))
        if projects:
            f.indicator = projects[-1].group("what") + "完成投资"


# ``全年净增高新技术企业22家，总数达100家``, ``新增全国文明城市12个，总数达到22个``: a stock written alone after
# the flow of the same things is their stock (judged round 4242: a bare 总数 loses its subject); ``设立基金24只、
# 总规模934亿元``, ``报销53.12万人次、金额2.89亿元``: the size or sum of the things the item before counts.
_FLOW_AT_HEAD_RE = re.compile(r"^(?:全年)?(?:净增|新增|新设|新认定|新培育|新获批|新创建|培育|认定|创建)")
_SUM_WORDS = frozenset(words("总规模 规模 金额 总金额 资金"))
_COUNT_MEASURE_END_RE = re.compile(r"(?<=..)(?:户数|人数|个数|家数)$")


def _name_the_stock_after_its_flow(found: list[Found], sentence: str) -> None:
    for first, later in itertools.pairwise(found):
        if sentence[first.quantity.end : later.quote_start] not in _DRIVER_GLUE:
            continue
        if later.indicator in _STOCK_WORDS and _units_of_a_kind(first.quantity.unit, later.quantity.unit):
            flow = _FLOW_AT_HEAD_RE.match(first.indicator)
            if flow and len(first.indicator) - flow.end() >= 2:
                later.indicator = first.indicator[flow.end() :]
        elif (
            later.indicator in _SUM_WORDS
            and later.quantity.unit in _MONEY_UNITS
            and first.quantity.unit not in _MONEY_UNITS
            and len(base_of(first.indicator)) >= 2
        ):
            counted = _COUNT_MEASURE_END_RE.sub("", base_of(first.indicator))  # ``享受…户数149户、金额…``
            later.indicator = clip(counted + later.indicator)


# ``引进营业性演出1.2万场、带动综合消费184亿元``: what a figure drove is named with the driver counted just before.
_DRIVEN_RE = re.compile(r"^(?:带动|拉动)")
_DRIVER_VERB_RE = re.compile(r"^(?:新增|新引进|引进|开展|举办|发放|落实|兑现|实施|新培育|培育|支持)")
# A line's runs drive trade: ``中欧班列（西安）开行6037列…，带动陕西进出口…`` -> 中欧班列（西安）带动陕西进出口.
_DRIVER_TAIL_VERB_RE = re.compile(
    r"(?<=班列|列车|航线|线路)(?:累计)?开行(?:量)?$|(?<=[）)])(?:累计)?开行(?:量)?$"
)
_DRIVER_MONEY_RE = re.compile(r"(?:补贴|补贴资金|资金|消费券|贷款)$")
_DRIVER_GLUE = frozenset(("、", "，", ","))


def _name_the_driver(found: list[Found], sentence: str) -> None:
    for index, (last, driven) in enumerate(itertools.pairwise(found)):
        # the driver's own count, back over the growth written after it in its clause (``开行6037列、增长21.1％``)
        driver = next(
            (
                b
                for b in found[: index + 1]
                if (b.quote_start, b.indicator) == (last.quote_start, last.indicator)
            ),
            last,
        )
        if driver is not last and (last.quantity.unit != "%" or last.change == "level"):
            driver = last  # the items of a list (``汽车、家电…分别达…``): no one of them drove it
        if not _DRIVEN_RE.match(driven.indicator) or _DRIVEN_RE.match(driver.indicator):
            continue
        if sentence[last.quantity.end : driven.quote_start] not in _DRIVER_GLUE:
            continue
        counted = _unit_counts(driver.quantity.unit) or (driver.quantity.unit or "").endswith(
            ("场", "场次", "列", "人")
        )
        if not counted and not (
            driver.quantity.unit in _MONEY_UNITS and _DRIVER_MONEY_RE.search(driver.indicator)
        ):
            continue
        name = _DRIVER_TAIL_VERB_RE.sub("", _DRIVER_VERB_RE.sub("", base_of(driver.indicator)))
        if len(name) >= 2 and not _DRIVER_MONEY_RE.fullmatch(
            name
        ):  # ``落实资金…，带动…``: which money is unsaid
            for same in found[index + 1 :]:
                if same is not driven and (same.quote_start, same.indicator) == (
                    driven.quote_start,
                    driven.indicator,
                ):
                    same.indicator = clip(name + same.indicator)  # its growth: ``…415.4亿元、增长11.7％``
            driven.indicator = clip(name + driven.indicator)


def _unit_counts(unit: str | None) -> bool:
    """A unit of a count: ``家``, ``万家``, ``户``."""
    return unit is not None and (unit in COUNT_UNITS or unit.removeprefix("万") in COUNT_UNITS)


def _share_the_leading_verb(found: list[Found], sentence: str) -> None:
    """``新增A 1200家、B 73人``: the items of a list after 新增 (新建, 培育 …) are new ones too; so are the items
    of a ``、`` list after a verb of building (``改造老旧小区300个、老旧管网3500公里``) that name no verb of
    their own."""
    for first, later in itertools.pairwise(found):
        if not later.indicator or not first.quote_start < later.quote_start < later.quantity.start:
            continue
        if (
            _SHARED_VERB_RE.match(later.indicator)
            or _OWN_VERB_RE.match(later.indicator)
            or _NEW_VERB_RE.match(later.indicator)
            or _OWN_VERB_RE.match(sentence, later.quote_start)  # its verb, though out of the name (实施)
        ):
            continue
        if _STOCK_AFTER_FLOW_RE.search(sentence, later.quote_start, later.quantity.start):
            if later.indicator in _STOCK_WORDS and first.indicator.startswith("新增"):
                later.indicator = first.indicator.removeprefix(
                    "新增"
                )  # ``新增A 15家、总数达23家``: A's stock
            continue
        glue = sentence[first.quantity.end : later.quote_start].rstrip('“‘"')  # a quote may open in a mark
        verb = _SHARED_VERB_RE.match(first.indicator)
        if (
            verb
            and _LIST_GLUE_RE.match(glue)
            and (
                later.quantity.unit in COUNT_UNITS
                or (
                    (later.quantity.unit or "").lstrip("万亿") in _NEW_CAPACITY_UNITS
                    and verb.group() == "新增"
                    and not _NOT_ADDED_RE.search(later.indicator)
                )
            )
            and ("，" not in glue or not _CLAUSE_VERB_RE.search(later.indicator))
        ):  # ``新增院士6人，“双导师制”培养工程硕博士3529名``: a clause with a verb of its own is no item of 新增
            if glue in _TIGHT_GLUE:
                later.indicator = _shared_level(first.indicator[verb.end() :], later.indicator)
            later.indicator = verb.group() + later.indicator
            continue
        built = _BUILT_VERB_RE.match(first.indicator)
        if (
            built
            and glue in _TIGHT_GLUE
            and (later.quantity.unit or "").lstrip("万亿") in _BUILT_UNITS
            and not _VERB_INSIDE_RE.search(later.indicator)
        ):
            later.indicator = built.group() + later.indicator
            continue
        flow = _LIST_FLOW_VERB_RE.match(first.indicator)
        if (
            flow
            and glue in _TIGHT_GLUE
            and _units_of_a_kind(first.quantity.unit, later.quantity.unit)
            and not _VERB_INSIDE_RE.search(later.indicator)
        ):
            later.indicator = flow.group() + later.indicator


def _units_of_a_kind(first: str | None, later: str | None) -> bool:
    """Whether two figures of a list count the same kind of thing: one unit but for 万/亿 (吨, 万吨, 亿吨), or
    both a unit of things built (公里, 公顷, 个)."""
    one, other = (first or "").lstrip("万亿"), (later or "").lstrip("万亿")
    return bool(one) and (one == other or (one in _BUILT_UNITS and other in _BUILT_UNITS))


# Verbs of building or work that a list item may be written with alone, its thing said in the item before:
# ``新建城区公厕7座、改造1座``, ``建成过江通道4座、在建8座``, ``重大项目开工390个、竣工437个``.
_BARE_FLOW_VERBS = frozenset(
    words(
        "改造 改造提升 新建提升 建设提升 整治提升 新建 建成 在建 续建 启动 竣工 投产 开工 新开工 完成 实施 打造 建设 培育 "
        "改建 扩建 整治 治理 修复 完工 投用"
    )
)
_FLOW_VERB_AT_HEAD_RE = re.compile(
    r"^(?:改造提升|新开工|开工建设|新建|建成|改造|在建|续建|启动|竣工|投产|开工|完成|实施|打造|建设|培育|改建|扩建|新增)"
)
_FLOW_VERB_AT_END_RE = re.compile(
    r"(?:基本|已经?|全部|累计)?(?:新开工|开工建设|建成投产|建成|开工|竣工|投产|完工|在建|续建)$"
)


def _name_the_bare_verb(found: list[Found], sentence: str) -> None:
    """A name that is a verb alone (``改造``, ``在建``) names the thing of the item just before it in a list
    (judged round 7349: a verb alone is no name): the item's verb is replaced by this one."""
    for before, f in itertools.pairwise(found):
        if f.indicator not in _BARE_FLOW_VERBS or not before.indicator:
            continue
        if sentence[before.quantity.end : f.quote_start] not in _DRIVER_GLUE:
            continue
        if not (_unit_counts(before.quantity.unit) and _unit_counts(f.quantity.unit)) and (
            before.quantity.unit != f.quantity.unit
        ):
            continue
        thing = base_of(before.indicator)
        if (at_end := _FLOW_VERB_AT_END_RE.search(thing)) and at_end.start() >= 2:
            f.indicator = clip(thing[: at_end.start()] + f.indicator)
            continue
        if at_end:
            continue  # ``基本建成500万套，新开工700万套``: the thing is said in no item
        at_head = _FLOW_VERB_AT_HEAD_RE.match(thing)
        rest = thing[at_head.end() :] if at_head else thing
        if len(rest) >= 2:
            f.indicator = clip(f.indicator + rest)


def _paired_list(
    sentence: str, quantities: list[Quantity], first: int, prefix: str, found: list[Found]
) -> re.Match[str] | None:
    """``A和B实际增长8.4%和11.4%``, ``A 15781元，B 4761元，实际增长8.4%和8%``: as many subjects as values,
    written before the verb or as the levels just read, pair up as a ``分别`` list would.

    Returns a zero-width match where the verb begins, standing in for the missing ``分别``.
    """
    following = quantities[first + 1] if first + 1 < len(quantities) else None
    if following is None or not _GLUE_RE.fullmatch(sentence, quantities[first].end, following.start):
        return None  # no list of values here: the common case, told cheaply
    verb = ending(_PAIRED_VERB_RE, prefix, 6)
    rates_only = verb is None
    verb = verb or ending(_PAIRED_RATE_VERB_RE, prefix, 4)
    if verb is None:
        return None
    group = _value_list(sentence, quantities, first)
    if len(group) < 2 or (rates_only and any(q.unit != "%" for q in group)):
        return None
    subject = subject_and_change(prefix[: verb.start()])[0]
    if not subject:
        earlier = [item for item in found if item.quantity.unit not in ("%", "个百分点")]
        return _ZERO_WIDTH.match(prefix, verb.start()) if len(earlier) >= len(group) else None
    subjects = SPLIT_SUBJECTS_RE.split(subject)
    if len(subjects) != len(group) or not all(2 <= len(subject) <= 16 for subject in subjects):
        return None
    return _ZERO_WIDTH.match(prefix, verb.start())


_FROM_RE = re.compile(r"^(?:[^，。；0-9]{0,4}?)(?:从|由)")
_TO_RE = re.compile(r"^(?:提高|增加|增长|上升|提升|扩大|下降|降低|减少|缩小|调整|增)?(?:到|至)$")


def _end_values(
    sentence: str, quantities: list[Quantity], after: int, starts: list[Quantity], verb_text: str
) -> list[Quantity]:
    """The end values of a ``分别从…到…`` list as long as its start values, or none."""
    if len(starts) < 2 or after >= len(quantities) or not _FROM_RE.match(verb_text):
        return []
    if not _TO_RE.match(sentence[starts[-1].end : quantities[after].start]):
        return []
    ends = _value_list(sentence, quantities, after)
    return ends if len(ends) == len(starts) else []


def _value_list(sentence: str, quantities: list[Quantity], first: int) -> list[Quantity]:
    group = [quantities[first]]
    for q in quantities[first + 1 :]:
        glue = sentence[group[-1].end : q.start]
        if not _LIST_GLUE_RE.match(glue) or q.ranking != group[0].ranking:
            break
        group.append(q)
    unit = group[-1].unit
    qualifier = group[-1].qualifier
    if qualifier is None and len(group) > 1 and _LEADING_QUALIFIER_RE.search(sentence, 0, group[0].start):
        qualifier = group[0].qualifier  # ``分别突破1.3万亿元、7000亿元``: the list's qualifier written first
    fixed = []
    for q in group:
        own_unit = q.unit if q.unit and unit and not unit.startswith(q.unit) else unit
        fixed.append(
            Quantity(
                q.value,
                q.value_high,
                own_unit or q.unit,
                q.qualifier or qualifier,
                q.start,
                q.end,
                q.ranking,
                q.scope,
            )
        )
    return fixed


def _share_the_verb_of_each(found: list[Found]) -> None:
    """``新增…、研发平台及众创空间各1家``: the verb the first item of an ``各`` list took is the others' too."""
    for first, later in itertools.pairwise(found):
        if later.quantity is first.quantity and later.quote_start == first.quote_start:
            verb = _SHARED_VERB_RE.match(first.indicator)
            if verb and not _SHARED_VERB_RE.match(later.indicator) and len(later.indicator) >= 2:
                later.indicator = clip(verb.group() + later.indicator)


_BARE_VERB_ITEM_RE = re.compile(r"开工|投产|建成|竣工|新建|改造|建设|开通|引进|培育|认定|创建")


def _each(subject: str, q: Quantity, change: Change, start: int) -> list[Found]:
    """``新增高新技术企业和“专精特新”企业各3家``: one figure for each item of the list, the list's verb shared."""
    parts = SPLIT_SUBJECTS_RE.split(subject)
    if not 2 <= len(parts) <= 4 or not all(1 <= len(part) <= 16 for part in parts):
        return [Found(clip(subject), q, change, start)]
    verb = _SHARED_VERB_RE.match(parts[0])
    shared = share_heads(parts)
    # only a bare verb takes the rest of the last item (``开工、投产新能源项目``), no short noun (``公厕和口袋公园``)
    named = [s if _BARE_VERB_ITEM_RE.fullmatch(p) else p for p, s in zip(parts, shared, strict=True)]
    if verb:
        named = [named[0]] + [p if _SHARED_VERB_RE.match(p) else verb.group() + p for p in named[1:]]
    return [Found(clip(part), q, change, start) for part in named]


def _single(sentence: str, q: Quantity, prefix: str, anchor: int, previous: Found | None) -> list[Found]:
    if q.ranking:
        return [_ranking_target(sentence, q, anchor, previous)]
    prefix = _HEDGE_TAIL_RE.sub("", prefix)  # ``增加了約32％``: the hedge is the qualifier's, read already
    if q.qualifier is None and ending(_HEDGE_BEFORE_VERB_RE, prefix, 6):
        q = q._replace(qualifier="approx")  # ``投入生产的约有七百个``: the hedge before the verb
    unit_measure = _MEASURE_AFTER_UNIT_RE.match(sentence, q.end)
    if unit_measure and not subject_and_change(prefix)[0]:
        # ``新增千万吨产能``: the measure written after the unit, with the verb that makes it a flow
        verb = ending(_FLOW_BEFORE_UNIT_MEASURE_RE, prefix, 4)
        return [Found((verb.group() if verb else "") + unit_measure.group("measure"), q, "level", q.start)]
    compare = ending(_COMPARE_RE, prefix, 48) or ending(_GAP_RE, prefix, 12)
    head = prefix[: compare.start()] if compare else prefix
    subject, change = subject_and_change(head)
    if previous and _STANDING_RE.match(subject):
        subject = ""  # ``生产总值达到5.53万亿元、稳居全国前十强、增长4.8%``: the standing names no measure
    if _MANNER_RE.match(subject):
        subject = ""  # ``高标准实现10公里农村道路建设``: how it is done, not what
    if subject and (measure := _measure_before_colon(sentence, q.start, subject)):
        subject = clip(subject + measure)  # ``招生人数将为：高等学校十万九千人，…，小学二千零十七万人``
    if previous and (plan := _PLAN_OR_BUDGET_RE.match(subject)) and "完成" in head:
        # ``完成预算数的121.68%``: the measure just named, its plan's or budget's fulfilment
        return [Found(base_of(previous.indicator) + "完成" + plan.group(1), q, change, previous.quote_start)]
    subject_start = anchor + _written_at(prefix, subject) if subject else q.start
    if compare:
        if (change == "growth" and head.rstrip().endswith("增速")) or head.rstrip().endswith("增速有望"):
            subject += "增速"
        named = None if subject else _subject_in_clause_before(sentence, anchor)
        if named and (previous is None or named[1] >= previous.quantity.end):
            # ``全年粮食产量，比上年增长5%``: the clause before, with no figure of its own, names it
            subject, subject_start = named
        return [_compared(q, subject, subject_start, compare, previous)]
    counted = counted_noun(sentence, q.unit, q.end) or _counted_through_bracket(sentence, q)
    if subject in _VERB_ALONE_BEFORE_COUNT and (
        after_verb := _named_after_the_verb(subject, sentence, q, counted)
    ):
        if subject == "惠及" and (work := _WORK_THAT_BENEFITS_RE.search(sentence, 0, anchor)):
            # ``实施农村饮水安全巩固提升工程，惠及2.18万人``: the people reached are the work's (judged round 7777)
            return [Found(clip(work.group("work") + after_verb), q, "level", work.start("work"))]
        return [Found(after_verb, q, "level", subject_start)]
    if counted and q.unit in _MONEY_UNITS and (purpose := _purpose_of_money(sentence, q.end, subject)):
        return [Found(purpose, q, change, subject_start)]
    if counted and change == "level" and _JOINED_BEFORE_COUNT_RE.search(subject):
        # ``完成84个村道路硬化和10公里农村公路建设``, ``雄清片林和2200余亩景观带造林``: the name before 和 is the
        # item before (judged round 4242: a fragment ending in a conjunction), the noun after the count this one's
        verb = _VERB_OF_THE_LIST_RE.match(subject)
        return [Found((verb.group() if verb else "") + counted, q, "level", subject_start)]
    if counted and change == "level" and q.unit in MEASURE_BEFORE_NOUN_UNITS and prefix.endswith("、"):
        # ``28公里地下管网、2.6公里城市道路``: the noun after the figure is its item; before it, the last item's
        return [Found(_counted_indicator(prefix, counted), q, "level", q.start)]
    if counted and (
        not subject
        or (change == "level" and (q.unit not in MEASURE_BEFORE_NOUN_UNITS or subject in _BARE_FLOW_VERBS))
    ):
        return [Found(_counted_indicator(prefix, counted), q, "level", subject_start)]
    if not subject:
        named = _subject_in_clause_before(sentence, anchor)
        if named and (previous is None or named[1] >= previous.quantity.end):
            # ``…；在社会零售中所占的比重，已由…上升到…58%``: the clause before names it, not the figure before
            return [Found(named[0], q, change, named[1])]
        return [_inherited(q, change, previous, prefix)] if previous else []
    if subject.startswith("占") and previous:
        subject = base_of(previous.indicator) + subject
    if q.unit == "倍" and (multiple := _MULTIPLE_OF_A_YEAR_RE.search(subject)):
        # ``…，是2006年的3.6倍``, ``供地总量是2022年的4.62倍``: the base year and its 的 stay (LABELLING.md 4)
        base = subject[: multiple.start()] or (base_of(previous.indicator) if previous else "")
        subject = base + re.sub(r"\s", "", multiple.group()) + "的" if base else subject
    if subject == "人均" and previous:
        # ``地区生产总值达到110亿元、人均达到4.6万元``
        base = base_of(previous.indicator)
        subject = base if "人均" in base else "人均" + base
    if _is_clipped_subject(subject) and previous:
        return [_inherited(q, change, previous, prefix)]
    if (
        prefix.lstrip("，、 ").startswith("其中")
        and change == "level"
        and previous
        and not _SHARE_NAME_RE.search(subject)
    ):
        change = previous.change if q.unit == previous.quantity.unit else change
    category = max((m.start() for m in _CATEGORY_MARK_RE.finditer(subject)), default=-1)  # not 高等, 中等
    if category >= 0 and SPLIT_SUBJECTS_RE.search(subject[:category]) and len(subject) - category > 2:
        # ``A、B等新兴产业``: the class; the verb of the work done on it stays (``建设或改造燃气、供排水等地下管网``)
        verb = _VERB_BEFORE_EXAMPLES_RE.match(subject, 0, category)
        subject = (verb.group() if verb else "") + _COUNT_OF_THE_CLASS_RE.sub("", subject[category + 1 :])
        subject_start = subject_start if verb else subject_start + category + 1
    if subject.endswith("各") and len(subject) >= 3:
        return _each(subject[:-1], q, change, subject_start)
    parts = [subject] if _JOINED_NAME_RE.search(subject) else SPLIT_SUBJECTS_RE.split(subject)
    if any("的" in part or "占" in part for part in parts[1:]) or _GROUP_COUNTED_RE.match(parts[-1]):
        # ``社会物流总费用与GDP的比率``: a relation of the two, one measure; ``黄山、池州、安庆、宣城四市…营收合计``:
        # the places counted as one group, one figure
        parts = [subject]
    if 1 < len(parts) <= 4 and q.unit in ("%", "个百分点") and all(2 <= len(p) <= 12 for p in parts):
        return [Found(part, q, change, subject_start) for part in share_heads(parts)]
    return [Found(clip(subject), q, change, subject_start, follows_growth=change == "growth")]


# Verbs written alone before a count of people or land, whose noun follows the count (judged round 7349: a verb
# alone is no name): ``解决2.15亿农村人口饮水安全问题``, ``严守18亿亩耕地红线``, ``惠及1.77亿农民``.
_VERB_ALONE_BEFORE_COUNT = frozenset(words("解决 惠及 严守 坚守 守住 守牢 关停 淘汰 新建 建成 改造 新增"))
# A programme a clause of its own names, with no figure, right before a bare ``惠及`` (``实施…工程，惠及…``).
_WORK_THAT_BENEFITS_RE = re.compile(
    r"(?:^|[，。；：])(?:全面|深入|扎实|稳步)?(?:实施|落实|推进|启动|开展|建立|推行)(?:了)?"
    r"(?P<work>[^，。；：、0-9０-９]{2,20}?(?:工程|计划|政策|制度|行动|改革|试点))[，,]$"
)
_BENEFICIARIES = {"人": "惠及人数", "人次": "惠及人次", "户": "惠及户数", "家": "惠及家庭", "名": "惠及人数"}
_KEPT_LINE_RE = re.compile(r"(?:红线|底线)[^，。；]*$")


def _named_after_the_verb(verb: str, sentence: str, q: Quantity, counted: str) -> str:
    """The name of a count written after a verb alone (``_VERB_ALONE_BEFORE_COUNT``), else empty: people who
    benefit are named with 惠及 and who they are (as the national-2022 fixture labels ``惠及近千万家庭``), a red line
    kept names the land, a problem solved keeps its verb."""
    unit = q.unit or ""
    if not counted and (unit in ("万", "亿", "亿亩", "万亩") or verb not in ("解决", "惠及")):
        counted = counted_noun(sentence, "万", q.end)  # ``2.15亿农村人口…``: a bare 亿 counts them too
    if verb == "惠及":
        bare = unit.removeprefix("万").removeprefix("亿")
        return "惠及" + counted if counted else _BENEFICIARIES.get(bare, "")
    if verb not in ("解决", "严守", "坚守", "守住", "守牢"):
        # ``关停5000万千瓦小火电机组``, ``新建1亿亩高标准农田``: the flow verb and the thing after the figure
        return verb + counted if len(counted) >= 2 else ""
    if verb == "解决":
        problem = counted.find("问题")
        return "解决" + (counted[: problem + 2] if problem >= 0 else counted) if counted else ""
    land = _KEPT_LINE_RE.sub("", counted)
    return land if len(land) >= 2 else counted


# ``9个县（区）获评…``: a short bracket right after the noun counted, which the noun reads through.
_BRACKET_AFTER_NOUN_RE = re.compile(r"([^，。；、（(0-9]{1,6})[（(][^（()），。；]{1,6}[)）]")


def _counted_through_bracket(sentence: str, q: Quantity) -> str:
    """The noun a count counts when a bracket stands right after it: never the clause before it instead."""
    bracket = _BRACKET_AFTER_NOUN_RE.match(sentence, q.end)
    if bracket is None:
        return ""
    return counted_noun(sentence[: q.end] + bracket.group(1) + sentence[bracket.end() :], q.unit, q.end)


# What money is spent on, said after its amount: ``投入2.05亿元用于中小学校舍建设``,
# ``投资2110万元解决4.56万农村人口饮水安全问题``: the money's name is its purpose, not the verb after it.
_PURPOSE_AFTER_MONEY_RE = re.compile(
    r"(?P<verb>(?:专项|主要|全部|重点)?用于|解决|支持|扶持)"
    r"(?:[0-9０-９.]+(?:多|余)?万?(?:人|户|个|家|名|所)?)?(?P<object>[^，。；、0-9]{2,16}?)(?:的?问题)?(?=[，。；]|$)"
)
# The work the money paid for, said after it: ``投资620万元对乡镇卫生院进行了全面改造`` (乡镇卫生院改造投资, judged
# round 9090: the name was a verb fragment).
_WORK_ON_AFTER_MONEY_RE = re.compile(
    r"[，,]?对(?P<object>[^，。；0-9０-９]{2,12}?)进行了?(?:全面|集中|统一|强制|综合|彻底)?"
    r"(?P<work>[^，。；0-9０-９]{2,6}?)(?=[，。；]|$)"
)
_MONEY_GIVEN_RE = re.compile(
    r"(?P<payer>.*?)(?:[两三四五]年|累计|每年|将|拟|直接|统筹|共|计划|总|完成)*(?P<verb>投资|投入|拿出|安排|统筹|资金|经费)"
)


def _purpose_of_money(sentence: str, end: int, subject: str) -> str:
    """The name of money written before its purpose (``_PURPOSE_AFTER_MONEY_RE``): the purpose and the money's
    own word (投资, 投入, 资金), else empty, where the clause after the amount says no purpose."""
    purpose = _PURPOSE_AFTER_MONEY_RE.match(sentence, end)
    if purpose is None:
        work = _WORK_ON_AFTER_MONEY_RE.match(sentence, end)
        if work is None:
            return ""
        object_and_work = work.group("object") + work.group("work")
    else:
        object_and_work = purpose.group("object")
    given = _MONEY_GIVEN_RE.fullmatch(subject)
    if subject and (given is None or (given.group("verb") in ("资金", "经费") and given.group("payer"))):
        return subject  # a name of its own before the amount (``上级资金``): the purpose is no part of it
    payer, verb = (given.group("payer"), given.group("verb")) if given else ("", "")
    money = verb if verb in ("投资", "投入", "经费") else "资金"
    return clip(payer + object_and_work + money)  # ``中央财政拿出…用于转移支付``: 中央财政转移支付资金


# A measure named before a colon, then the list of what it is measured for: ``招生人数将为：高等学校…，小学…``.
_MEASURE_BEFORE_COLON_RE = re.compile(
    r"(?P<measure>招生人数|在校学生人数|人数|人口|产量|总产值|产值|投资额|投资|面积|产能|收入|支出)"
    r"(?:将|计划|预计)?(?:分别)?(?:为|是|达到|如下)?$"
)
_LIST_ITEM_RE = re.compile(
    r"[^，。；：0-9０-９]{1,10}?[0-9０-９一二三四五六七八九十百千万亿零〇○两.．]+[^，。；：]{0,4}"
)


def _measure_before_colon(sentence: str, start: int, subject: str) -> str:
    """The measure a colon's lead clause names, for a bare subject (no measure of its own) of the list after it."""
    colon = sentence.rfind("：", 0, start)
    if colon < 0 or len(subject) > 8 or _HAS_A_MEASURE_END_RE.search(subject):
        return ""
    items = sentence[colon + 1 : clause_start(sentence, start)].rstrip("，")
    if items and not all(_LIST_ITEM_RE.fullmatch(item) for item in items.split("，")):
        return ""  # the list runs from the colon to the figure, item by item
    measure = _MEASURE_BEFORE_COLON_RE.search(sentence, clause_start(sentence, colon), colon)
    return measure.group("measure") if measure and not subject.endswith(measure.group("measure")) else ""


_HAS_A_MEASURE_END_RE = re.compile(r"[额量值率数入出润能模重比积产资费税款]$")


def _written_at(prefix: str, subject: str) -> int:
    """Where ``subject`` is written in ``prefix``, with the quotation mark it opens with; a name the reading
    rewrote (``无还本续贷新增`` -> ``新增无还本续贷``) is found by what it keeps of the text, else taken to start
    the prefix."""
    found = prefix.find(subject)
    if found < 0:
        found = prefix.find(subject.removeprefix("新增").removeprefix("“"))
    if found > 0 and prefix[found - 1] in "“‘《" and prefix.find(_CLOSING[prefix[found - 1]], found) >= 0:
        found -= 1  # ``“专精特新”企业``: the quote opens with the mark the name was stripped of
    elif found > 0 and (relief := _RELIEF_VERB_BEFORE_RE.search(prefix, max(0, found - 6), found)):
        found = (
            relief.start()
        )  # ``减免税费``, ``减轻农民负担``: the quote holds the relief named 税费, 农民负担
    return max(found, 0)


_CLOSING = {"“": "”", "‘": "’", "《": "》"}
_RELIEF_VERB_BEFORE_RE = re.compile(r"(?:减免|减轻)(?:各项|各类)?$")


# A clause that compares (``一般预算收入增幅首次超过总收入``) states a fact, it names no subject for the next.
_COMPARED_IN_CLAUSE_RE = re.compile(r"超过|高于|低于|快于|慢于|好于")


def _subject_in_clause_before(sentence: str, anchor: int) -> tuple[str, int] | None:
    """``包括在国家计划以内的职工总数，将达到…``: a clause of its own that names the subject of the next."""
    if anchor <= 1 or sentence[anchor - 1] not in "，,":
        return None
    start = clause_start(sentence, anchor - 1)
    if dated := _DATED_OPENING_RE.match(sentence, start, anchor - 1):
        start = dated.end()  # ``一九五八年的职工工资总额，…``
    clause = sentence[start : anchor - 1]
    longest = 40 if clause.endswith(("比重", "占比")) else 24
    if (
        not 2 <= len(clause) <= longest
        or _ANY_DIGIT_RE.search(clause)
        or not _NOUN_END_CHAR_RE.search(clause)
        or _COMPARED_IN_CLAUSE_RE.search(clause)
    ):
        return None
    subject = subject_and_change(clause)[0]
    of = subject.rfind("的")
    at = clause.find(subject)
    if len(subject) > 8 and subject[of + 1 :] in _CLIPPED_MEASURES and at >= 0:
        subject = subject[:of] + subject[of + 1 :]  # ``轻工业产值占工业总产值的比重，由…``: the whole share
    elif (
        len(subject) > 8
        # ``非生产性建设的造价``, ``农民从集体分得的收入``: a bare two-character measure keeps what it is of,
        # unless the clause is the speaker's (``我们注意了…的生产``)
        and (len(subject) - of > 3 or subject.startswith("我"))
        and (not 0 < of <= 4 or any(w in subject[:of] for w in _PART_OF_A_WHOLE))
    ):
        # ``供应社会的商品总量``: a short 的 clause defines the measure; ``原有的灌溉面积`` is part of the total
        subject = subject[of + 1 :]
        at = clause.find(subject)
    return (subject, start + at) if len(subject) >= 2 and at >= 0 else None


_PART_OF_A_WHOLE = ("原有", "现有", "已有", "所有", "其中")


_JOINED_BEFORE_COUNT_RE = re.compile(r"(?:和|(?<![普涉惠危波顾遍触提以])及|(?<![参给])与)$")
# A measure of town and country people alike, each with its own figure (not 城乡居民储蓄, one sum).
_URBAN_AND_RURAL_RE = re.compile(r"城乡(?:居民)?(?:低保|最低生活保障|人均|居民人均)")
# An item of the list before, with a figure of its own, kept in a name: ``开通3条地铁新线、新增运营里程``.
_ITEM_WITH_A_FIGURE_RE = re.compile(
    r"[0-9０-９]+(?:多|余)?(?:个|条|家|处|座|项|所|次|起|场|年|台|套)(?P<noun>[^0-9０-９、，]{0,10})、(?P<tail>[^、，]{2,})$"
)
_BARE_MEASURE_RE = re.compile(r"(?:总面积|面积|产能|总量|规模|数量|总投资)$")


def _without_the_item_before(indicator: str) -> str:
    """``开通3条地铁新线、新增运营里程`` -> 新增运营里程; a bare measure takes the noun the item counted
    (``累计建设839个海外仓、总面积`` -> 海外仓总面积)."""
    item = _ITEM_WITH_A_FIGURE_RE.search(indicator)
    if item is None:
        return indicator
    tail, noun = item.group("tail"), clean_indicator(item.group("noun"))  # ``重点项目加快推进``: 重点项目
    if _BARE_MEASURE_RE.fullmatch(tail):
        return clip(noun + tail) if len(noun) >= 2 else indicator
    return tail if len(tail) >= 3 else indicator


_MAX_NAME = len(clip("x" * 100))
_CATEGORY_MARK_RE = re.compile(r"(?<![高中初上次平同均对])等(?![级额值于同候])")
_COVERED_AFTER_RE = re.compile(r"(?:以上)?的?(?P<what>[^，。；、0-9０-９（(]{1,8}?)(?=[，。；、（(]|$)")
_COUNT_OF_THE_CLASS_RE = re.compile(
    r"^[0-9０-９.]+(?:万|亿)?(?:多|余)?(?:个|家|项|条|所|座|名|批|户|处)(?=..)"
)
_VERB_BEFORE_EXAMPLES_RE = re.compile(
    r"(?:新建改造|新改建|更新改造|改造提升|新建|建设|改造|新增|改建|扩建|建成|打造|培育|引进|整治|治理)"
    r"(?:(?:或|和|及)(?:新建|建设|改造|改建|扩建|提升|更新))*(?=[^、，。；和或及]{2})"
)
_VERB_OF_THE_LIST_RE = re.compile(r"^(?:新|再)?(?:建设|新建|建成|培育|新增|开通|创建|打造|改造|实施|完成)")


def _counted_indicator(prefix: str, counted: str) -> str:
    """The indicator of ``新建408个村组停车场``-like counts: the counted noun, with what makes it specific."""
    stripped = prefix.rstrip()
    if stripped.endswith("了") and len(stripped) >= 3:
        return stripped[-3:-1] + counted
    scale = re.search(r"(总投资|总规模|规模)为?$", stripped)
    if scale:
        return counted + scale.group(
            1
        )  # ``总投资323亿元的重点项目``: their total cost, not a year's investment
    flow = _FLOW_VERB_BEFORE_COUNT_RE.search(stripped, max(0, len(stripped) - 32))
    if (
        flow
        and _BETWEEN_VERB_AND_COUNT_RE.fullmatch(flow.group("rest"))
        and not _OWN_VERB_RE.match(counted)
        and not _SHARED_VERB_RE.match(counted)
    ):
        verb = flow.group()[: flow.start("rest") - flow.start()]
        whose = flow.group("rest") if flow.group("rest") in _WHOSE_PEOPLE else ""
        return verb + whose + counted
    return counted


_WHOSE_PEOPLE = frozenset(words("农村 城镇 城市 城乡 贫困地区"))


def _is_clipped_subject(subject: str) -> bool:
    clipped = ("增速", "比重", "占比", "增幅", "总量", "总额")
    if len(subject) == 1 and is_product(subject):
        return False  # ``纸520万吨``, ``钢``: a product of one character
    return len(subject) <= 1 or subject in clipped or bool(_SPAN_OF_YEARS_RE.match(subject))


# ``…新增5.4万台、累计达到9万台``: a level after a flow is the stock, without 新增.
_STOCK_AFTER_FLOW_RE = re.compile(r"达到|达(?!标)|突破|超过|累计|总数|增至|增加到|增长到|总量")
_STOCK_WORDS = frozenset(words("总数 总量 累计 总计 合计"))


def _inherited(q: Quantity, change: Change, previous: Found, prefix: str = "") -> Found:
    indicator = previous.indicator
    if indicator.startswith("新增") and change == "level" and _STOCK_AFTER_FLOW_RE.search(prefix):
        indicator = indicator.removeprefix("新增")
    if change == "level" and q.unit == "%" == previous.quantity.unit and previous.change == "growth":
        change = "growth"  # ``增长7%以上、力争达到8%``: the higher aim is a growth rate too
    if change in ("growth", "decline") and q.unit == "%" and previous.change == "level":
        indicator = _part_of_a_share(indicator)
    if q.unit == "个百分点" and previous.change == "growth" and previous.quantity.unit == "%":
        indicator = base_of(indicator) + "增速"
    elif q.unit == "%" and previous.quantity.unit != "%" and change == "growth":
        indicator = base_of(indicator)
    if (
        q.qualifier is None
        and previous.quantity.qualifier
        and q.unit == previous.quantity.unit
        and prefix in "和、及与"
    ):
        # ``补贴标准提高到不低于1200元/月和1700元/月``: the qualifier governs the pair (judged round 4242)
        q = q._replace(qualifier=previous.quantity.qualifier)
    return Found(indicator, q, change, previous.quote_start)


# ``经济建设费占地方预算支出总数的35.84%，比上年增长57.27%``: a rate of change after a share is the part's.
# ``其中规上工业企业研发投入占比60%左右``: a share is a level of its own, not a part of the growth before it.
_SHARE_NAME_RE = re.compile(r"占比|比重|比例|占[^，。；]{1,16}的?$")
_SHARE_OF_RE = re.compile(r"占(?!比|有|用|地面积|地[0-9])")
# ``完成投资占年度计划的85%``: a plan's fulfilment, no share of a whole.
_OF_A_PLAN_RE = re.compile(r"(?:计划|任务|预算数?|规划总投资|计划投资)的?$")
_SHARE_WORD_RE = re.compile(
    r"比重|比例|份额|比率|百分比|[一二三四五六七八九十几]成|[半多少]数|以上|以下|左右"
)


def _part_of_a_share(indicator: str) -> str:
    share = _SHARE_OF_RE.search(indicator)
    return indicator[: share.start()] if share and share.start() >= 2 else indicator


def _compared(
    q: Quantity, subject: str, subject_start: int, compare: re.Match[str], previous: Found | None
) -> Found:
    bench = compare.group("bench")
    direction = compare.group("dir").removesuffix("了").replace("長", "长").replace("減", "减")
    if compare.groupdict().get("least") and q.qualifier is None:
        q = q._replace(qualifier="at_least")
    base = subject or (without_fulfilment(previous.indicator) if previous else "")
    if previous and not subject:
        if q.unit == "个百分点" and previous.change == "growth":
            base = base_of(previous.indicator) + "增速"
        subject_start = previous.quote_start
    if _TIME_BENCH_RE.search(bench):
        change: Change = (
            "decline" if direction in ("低", "少", "下降", "减少", "降低", "回落", "节约") else "growth"
        )
        if previous and not subject and q.unit == "%":
            base = _part_of_a_share(base)
        return Found(base, q, change, subject_start)
    higher = direction in ("高", "高出", "高于", "快于", "多", "提高", "增长", "增加", "上升")
    word = "高于" if higher else "低于"
    return Found(f"{base}{word}{bench.strip('的')}", q, "level", subject_start)


_RANK_MOVE_RE = re.compile(
    r"(?P<field>全[国省市州区县])?(?:排名|排位|位次)?(?:有望|再|又|连续)?(?:上升|提升|前进|前移|跃升|下降|后退)"
    r"(?:了)?[0-9一二三四五六七八九十两]+(?:个)?(?:位|名|位次)[、，,]?$"
)


def _ranking_target(sentence: str, q: Quantity, anchor: int, previous: Found | None) -> Found:
    """``GDP总量居全国第10位`` -> ``GDP总量全国位次``: the subject, the field it is ranked in, ``位次``."""
    prefix = sentence[anchor : q.start]
    if sentence[q.end - 1] == "大":
        noun = re.match(r"[^，。；、,;]{1,10}", sentence[q.end :])
        if noun:
            return Found(rank_name(noun.group(), q.scope or ""), q, "level", q.start)
    head, field = rank_head_and_field(prefix, q.scope)
    move = _RANK_MOVE_RE.search(head)
    if move:  # ``全国排名有望上升3位、居第14位``: the move is no part of the subject; its field is the rank's
        head = head[: move.start()]
        field = field or (move.group("field") or "")
    bare = _RANK_SUBJECT_TAIL_RE.sub("", head.strip("，、, "))
    subject = (
        bare if bare in _CLIPPED_MEASURES else _RANK_SUBJECT_TAIL_RE.sub("", subject_and_change(head)[0])
    )
    if previous and (not subject or subject in _CLIPPED_MEASURES):
        # ``GDP总量居全国第10位，增速排名全国第3``: the subject before, with this clause's measure
        base = (
            _MEASURE_TAIL_RE.sub("", base_of(previous.indicator)) if subject else base_of(previous.indicator)
        )
        if not subject and previous.change == "growth" and previous.quantity.unit == "%":
            subject = "增速"  # ``增速6.3%，排名全市第2``: the rank of the growth rate
        return Found(rank_name(base + subject, field), q, "level", previous.quote_start)
    start = anchor + _written_at(prefix, subject) if subject else q.start
    return Found(rank_name(clip(subject), field) if subject else "", q, "level", start)


def _fan_out(
    sentence: str,
    prefix: str,
    anchor: int,
    fanout: re.Match[str],
    group: list[Quantity],
    found: list[Found],
) -> list[Found]:
    subject_text, _ = subject_and_change(prefix[: fanout.start()])
    verb_text = prefix[fanout.end() :]
    rate = _RATE_BEFORE_FANOUT_RE.search(prefix, 0, fanout.start())
    if rate and _LEVEL_AFTER_FANOUT_RE.match(verb_text) and not subject_text.endswith(rate.group(1)):
        # ``A、B增速均达到20%``: the rate is the measure, its value a level (LABELLING.md 3)
        subject_text += rate.group(1)
    compare = _GAP_RE.search(verb_text) or re.search(r"(?P<dir>高于|低于)(?P<bench>.*)$", verb_text)
    _, change = subject_and_change(verb_text or prefix[: fanout.start()])
    extra = _verb_object(verb_text)
    start = anchor + max(prefix.find(subject_text), 0) if subject_text else anchor
    previous_clause = clause_start(sentence, anchor - 1) if anchor > 0 else 0
    if not subject_text and anchor > 0 and (not found or found[-1].quantity.end <= previous_clause):
        start = previous_clause
        subject_text, _ = subject_and_change(sentence[start : anchor - 1])
    subjects = split_subjects(subject_text, len(group))
    if subject_text.startswith("占") and len(found) >= len(group):
        # ``A、B增加值分别增长…，占规模以上工业比重分别提高到…``: the shares of the measures just named
        subjects = [base_of(item.indicator) + subject_text for item in found[-len(group) :]]
    if not subject_text:
        earlier = [f.indicator for f in found if f.quantity.unit not in ("%", "个百分点")] or [
            f.indicator for f in found
        ]
        subjects = (
            earlier[-len(group) :] if len(earlier) >= len(group) else [s for s in earlier[-1:]] * len(group)
        )
        start = found[-len(group)].quote_start if len(found) >= len(group) else anchor
        recent = found[-len(group) :] if len(found) >= len(group) else []
        if len(recent) > 1 and len({r.quote_start for r in recent}) == 1:
            # ``A和B年均增长18%，分别达到7亿元和3.7亿元``: the list just read, not a figure further back
            subjects = [base_of(r.indicator) for r in recent]
        if (
            group[0].ranking
            and recent
            and all(r.change == "growth" and r.quantity.unit == "%" for r in recent)
        ):
            # ``…分别增长6%、5.2%，分别居全国第二、第十``: the ranks of the growth rates just read
            subjects = [base_of(r.indicator) + "增速" for r in recent]
        if compare and found:
            subjects = _benchmarks(found[-1], compare.group("bench"), len(group))
            start = found[-1].quote_start
    elif compare:
        word = compare.group("dir")
        bench = compare.group("bench")
        subjects = [f"{s}{word}{bench}" for s in subjects]
    if len(group) == 1:
        group = group * len(subjects)
    field = rank_head_and_field(verb_text, group[0].scope)[1] if group[0].ranking else ""
    results = []
    for subject, q in zip(subjects, group, strict=False):
        indicator = subject + extra if extra and not compare else subject
        if q.ranking:
            indicator = rank_name(_RANK_SUBJECT_TAIL_RE.sub("", indicator), field)
        results.append(Found(clip(indicator), q, "level" if compare else change, start))
    return results


_RATE_BEFORE_FANOUT_RE = re.compile(r"(增速|增幅|涨幅)(?:[^，。；、0-9]{0,2})$")
_LEVEL_AFTER_FANOUT_RE = re.compile(
    r"(?:保持|稳定|控制)?(?:达到|达|为|在|保持在|稳定在|控制在)$|^(?:居|位居|位列|排名|排在|列)"
)


def _benchmarks(previous: Found, bench: str, count: int) -> list[str]:
    base = base_of(previous.indicator) + ("增速" if previous.change == "growth" else "")
    places = re.findall(r"全[国省市州区县]|[^全、和]{2,4}", bench)
    if len(places) != count:
        places = [bench] * count
    return [f"{base}高于{place}" for place in places]


def _verb_object(verb_text: str) -> str:
    match = re.match(r"(?:完成|实现|新增|引进)([^\s，。；0-9]{2,6})$", verb_text)
    return ("完成" if verb_text.startswith("完成") else "") + match.group(1) if match else ""


# ``一般公共预算收入完成18.1亿元，同比增长33.4%，总量及增速分别位居全市第二位、第四位``, ``地区生产总值…、增长5.7%，
# 增速高于全国0.7个百分点``: a rank, a gap or a level named only by the total, the growth or the increment is of the
# measure the statement just reported (judged round 9090: ``增速全市位次`` loses its subject).
_MEASURE_OF_A_MEASURE_RE = re.compile(
    r"^(?P<of>总量|总数|增速|增幅|增量|总规模|规模)(?P<rest>(?:全[国省市州区县]|全球|世界)?位次|[高低]于全[国省市州区县]|)$"
)
_ADDED_AT_TAIL_RE = re.compile(r"(?:将|还将|又)?(?:增设|新增|净增|新设|增加|增长)$")
_SAME_STATEMENT_GLUE_RE = re.compile(r"[^；;。：:]{0,24}")


def _name_the_measure_of_a_measure(found: list[Found], sentence: str) -> None:
    renamed: dict[tuple[int, str], str] = {}
    for index, f in enumerate(found):
        bare = _MEASURE_OF_A_MEASURE_RE.match(f.indicator)
        if bare is None:
            continue
        if (f.quote_start, f.indicator) in renamed:
            f.indicator = renamed[f.quote_start, f.indicator]  # its change: ``规模近9.8万亿元，增长18%``
            continue
        written = f.indicator
        reported = next(
            (
                b
                for b in reversed(found[:index])
                if b.quote_start < f.quote_start and not _MEASURE_OF_A_MEASURE_RE.match(b.indicator)
            ),
            None,
        )
        if reported is None or not _SAME_STATEMENT_GLUE_RE.fullmatch(
            sentence, min(reported.quantity.end, f.quote_start), f.quote_start
        ):
            continue
        of = bare.group("of")
        if sentence.find(of, reported.quantity.end, f.quantity.start) < 0:
            continue  # the word written after the figure (``孝感、黄冈…跨越3000亿元规模``): the clause's own subject
        subject = base_of(reported.indicator)
        if of.endswith("规模") and not _units_of_a_kind(reported.quantity.unit, f.quantity.unit):
            continue  # ``中央对地方转移支付增加约1.5万亿元、规模近9.8万亿元``: the size in the unit of the flow
        if of in ("总量", "总数"):
            flow = _FLOW_AT_HEAD_RE.match(subject)
            if flow and len(subject) - flow.end() >= 2:
                subject = subject[flow.end() :]  # the stock of the things added
            subject = _ADDED_AT_TAIL_RE.sub("", subject)  # ``病床将增设6万张，总数达到33.9万张``
            of = ""
        if len(subject) >= 2:
            f.indicator = clip(subject + of + bare.group("rest"))
            renamed[f.quote_start, written] = f.indicator


# ``争取增发国债项目38个、资金20.43亿元，…，完工率达到92.1%``, ``14个项目纳入省市重点项目，开工率100%``: a rate
# of projects written bare is of the projects the sentence counted last, back over their cost and money.
_BARE_PROJECT_RATES = frozenset(words("开工率 完工率 竣工率 投产率 投资完成率 年度投资完成率"))
_COUNTED_PROJECTS_RE = re.compile(
    r"^(?:.*(?:纳入|列入|申列|争列))?(?:争取|实施|谋划实施|推进|新开工|开工)?(?P<projects>[^，、]{2,}?项目)"
    r"(?:总投资|资金|总金额|累计完成投资|完成投资|年度投资)?$"
)
_MEASURE_OF_PROJECTS_RE = re.compile(r"项目.*(?:投资|资金|金额)$|^(?:总投资|资金|总金额|投资)$")


def _name_the_rate_of_the_projects(found: list[Found], sentence: str) -> None:
    for index, f in enumerate(found):
        if f.indicator not in _BARE_PROJECT_RATES:
            continue
        for before in reversed(found[:index]):
            counted = _COUNTED_PROJECTS_RE.match(before.indicator)
            if counted and _unit_counts(before.quantity.unit):
                rate = f.indicator.removeprefix("年度")
                f.indicator = clip(counted.group("projects") + rate)
                break
            if not _MEASURE_OF_PROJECTS_RE.search(before.indicator):
                break  # another measure between: not the projects' rate


# A measure written bare whose thing the clause just before names as the object of its work (judged round 9090):
# ``全面推广国家通用语言文字，全区普及率提高至72.2%`` (国家通用语言文字普及率), ``加大农业投资促进力度，实到资金…``
# (农业投资实到资金); the interest cut by swapping local government debt is on that debt (``实施地方政府存量债务
# 置换，降低利息负担…``: 地方政府债务利息负担, as the national-2017 fixture labels it).
_TOPIC_OF_THE_CLAUSE_BEFORE = {
    # ``持续加强白洋淀上游流域综合治理，投资8100万元``, ``以白洋淀上游流域综合治理为重点，投资5.36亿元`` (judged round
    # 9090: 白洋淀上游流域综合治理投资), ``交通运输和邮电通信建设，五年投资…``: the works the clause before names
    "投资": re.compile(
        r"(?:^|(?<=[，,]))(?:持续|全力|大力|扎实|积极)?(?:加快|推进|加强|实施|开展|推动)?"
        r"(?:以(?P<focus>[^，。；：、]{2,20})为重点|(?P<topic>(?![^，]*开工)[^，。；：、以0-9０-９]{2,20}(?:治理|工程|修复|建设)))$"
    ),
    "普及率": re.compile(r"(?:全面|大力|逐步|积极|深入)?推广(?P<topic>[^，。；：、]{2,12})$"),
    "实到资金": re.compile(r"加大(?P<topic>[^，。；：、]{2,12}?)(?:促进)?力度$"),
    "到位资金": re.compile(r"加大(?P<topic>[^，。；：、]{2,12}?)(?:促进)?力度$"),
}
# A sentence that opens on the aspect it speaks of (``煤炭智能绿色安全开采方面，``): its product or its topic without
# the work done on it names a bare output or investment of the sentence.
_OUTPUT_OF_A_TOPIC = frozenset(words("产量 年产量 总产量 产值 年产值 投资"))
_ASPECT_RE = re.compile(r"(?P<topic>[^，。；：、0-9０-９]{2,14})方面[，,]")
_ASPECT_WORK_RE = re.compile(r"(?:发展|生产|开发|建设|开采)$")
_DEBT_SWAPPED_RE = re.compile(r"(?P<who>地方政府)[^，。；]{0,6}债务[^，。；]{0,4}置换")


def _name_the_topic_of_the_clause_before(found: list[Found], sentence: str) -> None:
    for index, f in enumerate(found):
        since = found[index - 1].quantity.end if index else 0
        if f.indicator in _OUTPUT_OF_A_TOPIC and (aspect := _ASPECT_RE.match(sentence)):
            # ``非常规天然气发展方面，…，力争产量突破200亿立方米``: the aspect the sentence opens on
            topic = aspect.group("topic")
            product = next((topic[:k] for k in range(len(topic), 1, -1) if is_product(topic[:k])), "")
            topic = product or _ASPECT_WORK_RE.sub("", topic)
            if 2 <= len(topic) <= 8:
                f.indicator = topic + f.indicator
            continue
        if f.indicator == "利息负担":
            swapped = list(_DEBT_SWAPPED_RE.finditer(sentence, since, f.quote_start))
            if swapped:
                f.indicator = swapped[-1].group("who") + "债务利息负担"
            continue
        topic_re = _TOPIC_OF_THE_CLAUSE_BEFORE.get(f.indicator)
        if topic_re is None:
            continue
        own = clause_start(sentence, f.quote_start)
        if own < 1 or own <= since:
            continue
        before = clause_start(sentence, own - 1)
        if before < since:
            continue  # a figure in the clause before: not the topic's
        topic = topic_re.search(sentence, before, own - 1)
        if topic:
            f.indicator = clip((topic.groupdict().get("focus") or topic.group("topic")) + f.indicator)


# A share whose clause opens on 占 (``…的支出，共占本年支出的46.89%``): the part is the spending, income or investment
# the clause before names with no figure of its own (judged round 4242: ``占本年支出总数`` loses its subject).
_PART_OF_A_SHARE_RE = re.compile(
    r"(?:^|(?<=[，。；：]))(?:两年|[一二三四五]年来)?(?P<part>[^，。；：0-9０-９]{2,24}?(?:支出|收入|投资额|投资|总产值|产值))"
    r"(?:[（(][^（）()，。；]{1,20}[)）])?[，,]$"
)
_SPENT_ON_RE = re.compile(r"(?:用于|用在|的(?=[^的]{1,4}$))")


def _name_the_part_of_a_share(found: list[Found], sentence: str) -> None:
    for index, f in enumerate(found):
        if not f.indicator.startswith("占") or f.quantity.unit != "%":
            continue
        since = found[index - 1].quantity.end if index else 0
        before = re.sub(YEAR, "", sentence[since : f.quote_start])
        part = _PART_OF_A_SHARE_RE.search(before)
        if part is None:
            continue
        name = _SPENT_ON_RE.sub("", clean_indicator(part.group("part")))
        if len(name) >= 2:
            f.indicator = clip(name + f.indicator)


# What the visitors just counted brought, written bare (``全年接待游客764万人次，实现综合效益38亿元``): tourism's
# (旅游综合效益, as the yixian-2018 fixture labels it); the kind of tourism or visitors the count names stays
# (医疗旅游收入, 入境游客花费).
_TOURISM_RETURNS = frozenset(words("综合效益 综合收入 收入 总收入 总花费 花费 消费"))
_VISITORS_RE = re.compile(r"游客|旅游|游人")
_TOURISM_KIND_RE = re.compile(
    r"^(?!(?:全年|累计)?接待)(?P<kind>[^，、]{0,8}?(?:旅游|游客))(?=人次|人数|数量|接待|$)"
)


def _name_the_returns_of_tourism(found: list[Found], sentence: str) -> None:
    for index, f in enumerate(found):
        if f.indicator not in _TOURISM_RETURNS:
            continue
        visitors = next((b for b in reversed(found[:index]) if b.indicator not in _TOURISM_RETURNS), None)
        if (
            visitors is None
            or not _VISITORS_RE.search(visitors.indicator)
            or not _SAME_STATEMENT_GLUE_RE.fullmatch(
                sentence, min(visitors.quantity.end, f.quote_start), f.quote_start
            )
        ):
            continue
        kind = _TOURISM_KIND_RE.match(visitors.indicator)
        f.indicator = clip((kind.group("kind") if kind else "旅游") + f.indicator)


# A length written bare (``通车总里程突破1万公里``, ``总里程达到879公里``) is of the roads or lines the statement named
# before it (judged round 9090 and the henan-2025 fixture: 高速公路通车总里程).
_BARE_LENGTH_RE = re.compile(r"^(?:通车|运营|营业)?总?里程(?:全[国省市]位次)?$")
_LINES_RE = re.compile(r"高速公路|高速铁路|高铁|铁路|城市轨道交通|轨道交通|地铁|农村公路|公路")


def _name_the_length_of_the_lines(found: list[Found], sentence: str) -> None:
    for f in found:
        if f.indicator == "吞吐量" and (f.quantity.unit or "").endswith(("标箱", "标准箱")):
            f.indicator = (
                "集装箱吞吐量"  # ``集装箱航线147条、吞吐量2329万标准箱``: boxes, a container throughput
            )
            continue
        if not _BARE_LENGTH_RE.match(f.indicator):
            continue
        statement = max(sentence.rfind("；", 0, f.quote_start), sentence.rfind("。", 0, f.quote_start)) + 1
        lines = list(_LINES_RE.finditer(sentence, statement, f.quote_start))
        if lines:
            f.indicator = lines[-1].group() + f.indicator


# The people working in the places just counted, written bare (``15人以上手工加工点发展到221家，从业人员达到7000余人``):
# theirs (15人以上手工加工点从业人员), back over the kinds of goods listed (``涉及箱包、服装…等18个门类``).
_BARE_WORKERS = frozenset(words("从业人员 从业人数 就业人员"))
_KINDS_COUNTED_RE = re.compile(r"(?:门类|种类|类|种|品种|行业)$|统计")


def _name_the_workers_of_the_places(found: list[Found], sentence: str) -> None:
    for index, f in enumerate(found):
        if f.indicator not in _BARE_WORKERS:
            continue
        places = next(
            (
                b
                for b in reversed(found[:index])
                if _unit_counts(b.quantity.unit) and not _KINDS_COUNTED_RE.search(b.indicator)
            ),
            None,
        )
        if places is None or "；" in sentence[places.quantity.end : f.quote_start]:
            continue
        name = _FLOW_AT_HEAD_RE.sub("", base_of(places.indicator))
        if len(name) >= 2:
            f.indicator = clip(name + f.indicator)
