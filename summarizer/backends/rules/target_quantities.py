"""The quantities of a sentence that measure something, and what is not a target: dates, list numbers, slogans,
start and base values, thresholds, the government's own work items, honours, one object's properties."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from summarizer.backends.rules.target_cues import (
    CLAUSE_BREAK_RE,
    clause_start,
)
from summarizer.backends.rules.target_names import (
    COUNT_UNITS,
    counted_noun,
    words,
)
from summarizer.models import Change, Qualifier
from summarizer.numbers import (
    CN_NUMERAL_CHARS,
    NumberMention,
    chinese_numeral_counts,
)

_OPEN_QUOTES = "“‘「『《"
_CLOSE_QUOTES = "”’」』》"
_UP_TO_LAST_QUOTE_MARK = re.compile(r".*([“‘「『《”’」』》])", re.S)
_NEXT_CLOSE_QUOTE = re.compile("[”’」』》]")
_EXCLUDED_UNITS = frozenset(words("年 月 日 个月 小时 分钟 岁 次 场 场次 届 批 位 轮 起"))
# ``总投资700万元的东墟学校、博野镇中学等附属设施项目``: the cost of named projects.
_NAMED_AFTER_RE = re.compile(r"的[^，。；]{2,30}?(?:项目|工程|学校|中学|医院|园区|基地|中心)")
# ``风帆一期完成投资16.8亿元``, ``抽水蓄能电站项目全年完成投资9.8亿元``, ``七山滑雪度假区完成投资5亿元``: the investment of
# one named project (LABELLING: not a target; judged round 7777); that of a class of projects (省市重点项目, 落地项目,
# 增发国债项目, “十大产业项目”) stays, and so does a park's (县城工业园区累计投资).
_ONE_PROJECT_INVESTED_RE = re.compile(
    r"(?:^|的)(?P<name>[^，、。；：“”的]{2,24}?)(?:项目|[一二三]期|度假区|度假村)(?:(?:累计|全年|年内|已)?完成|累计)投资$"
)
_PROJECT_CLASS_RE = re.compile(
    r"重点|重大|产业|类|落地|入统|新增|国债|建设|签约|开工|续建|新建|在建|招商|引进|民生|政府|各|等|示范|[0-9０-９一二三四五六七八九十百千]+[个批项大家]"
)
# Plans and studies the government drafts (编制完成1.1万个村庄规划, 12个镇控制性详细规划编制, 66个项目可研编制): its own
# work items, like the standards it issues (judged round 7777); places planned and built (规划建设) stay.
_PLAN_DRAFTED_RE = re.compile(
    r"编制[^，。；]*(?:规划|详规|可研|设计)|(?:规划|详规|可研|设计)[^，。；]{0,4}编制"
)
_PLAN_BUILT_RE = re.compile(r"建设|建成|新建|开工")
_WORK_ITEM_CHAIN_RE = re.compile(r"[0-9]+个(?:方面|领域)(?:[、，]?[0-9]+[项件个])+")
_INTERNAL_WORK_RE = re.compile(
    r"召开|举办|开展[^，。；]{0,6}(?:活动|调研|督查|培训)|派遣|包联|分包|认领|办结|督查|督导|调研|走访|约谈|问责|"
    r"宣讲|讲座|巡查|巡察|整改|印发|出台|制定|领导担任|会议|专题|实事|提案|议案|代表建议|法规|规章|遗留问题|"
    r"办事项|政务服务事项|试点|检查|团伙|涉黑|涉恶|惠民工程|民心工程|民生工程|受理|热线|处理|"
    r"查处|立案|破获|侦破|抓获|打掉|起诉|审结|诉求|投诉|信访|接访|执法检查|行政处罚|审批服务事项|审批事项|"
    r"事项|取缔|拆违|违建|违法建设|违章建筑|清理规范|专项整治|"
    # its dealings with the people's congress (向省人大常委会报告专项工作27项, 提请…审议) and its own legal review
    r"人大常委会|合法性审查|"
    # titles won for the government's own rule-of-law building (新创建全国法治政府建设示范地区4个)
    r"法治政府|"
    # standards and rules the government issues (首批18项数字化标准体系和工作规范发布)
    r"(?:标准|规范)[^，。；]{0,6}发布|发布[^，。；]{0,8}(?:标准|规范)|"
    # its own powers, approvals, fees and bodies cut, handed down or rebuilt, and its rules repealed (取消或停征…行政事业
    # 性收费35项, 下放行政职权27项, 取消和调整行政审批项目692项, 新建和调整区直部门34个, 组成部门从40个减少到29个,
    # 废止71件; judged round 9090)
    r"职权|权限|审批权|审批项目|行政事业性收费|涉企[^，。；]{0,6}收费|收费项目|组成部门|直属机构|办事机构|内设机构|"
    r"非常设机构|[区县市省州]直部门|(?:新建|新组|精简|撤并)和?调整|机构(?:新建|调整|精简)|废止|宣布失效|修订"
)
# The government's own building, whose titles and ranks measure no economy or society (judged round 7349:
# 法治政府建设示范地区创成率居西部首位), and its own project applications (申报入库居全市第一, round 4242).
_OWN_BUILDING_RE = re.compile(r"法治政府|申报入库")
# Projects prepared, pooled or offered, not built (储备项目, 项目库, 谋划包装专债项目, 推介项目), and their total
# cost: the government's own steps toward money or investors (LABELLING 4, judged round 7349).
_PREPARED_PROJECTS_RE = re.compile(
    r"储备[^，。；]{0,6}项目|谋划储备|项目库|储备入库|(?:推介|推送)[^，。；]{0,12}项目|"
    # projects newly planned for applying (新谋划总投资424.5亿元的48个项目) or applied into the lists (申报入库)
    r"新谋划[^，。；]{0,20}项目|梳理谋划|谋划申报|申报入库|"
    # projects of a size class planned for winning investors, none yet set to be carried out (年内谋划投资过5亿元项目
    # 不少于7个; judged round 9090); ``谋划实施`` projects and a year's key projects stay
    r"谋划(?!实施|建设|新建|改扩建|改造|打造|推进|开工)(?:投资)?(?:超|过)?[0-9０-９.．一二三四五六七八九十百千]*亿元"
    r"(?:以上)?(?:的)?项目|"
    r"包装[^，。；]{0,4}(?:专债|国债|债券|专项债)"
)
# A figure of a supposition and of what would follow it (``如果每件棉纱平均少用两斤棉花，全国每年就可以至少增产两万件棉纱``,
# ``只要降低成本的百分之一，就可以每年节约…``, ``如用之于农业建设，则可以开荒四千万亩``): an illustration, no target
# (judged round 9090).
_SUPPOSE_CUE_RE = re.compile(r"如果|假如|倘若|假若|假使|只要|如用|如能|若能")
_SUPPOSED_RE = re.compile(
    r"(?:如果|假如|倘若|假若|假使|只要|如用|如能|若能)[^。；]*?(?:就|则|那么|便)(?:将|可以|可|能够|能|会|要)?"
)
# ``如果仍然按照一九五二年的不变价格计算，…则为…``, ``如果…扣除…不可比的因素，则…实际增长15.83%``, ``如果同一九五零年
# …作比较，则增长二点八倍``: the same figure reckoned on another basis, no supposition.
_RECKONED_ON_A_BASIS_RE = re.compile(r"计算|扣除|比较|相比|加入|不变价")
# ``成为全省首批30家出口创汇基地之一``, ``确定为…试点的4个省份之一``: the size of a list of a higher level that the
# place or its unit joins, no measure of the place (judged round 9090).
_ONE_OF_AFTER_RE = re.compile(r"[^，。；、0-9０-９]{0,24}?(?<!分)之一")
# Firms contacted and projects under negotiation (联系对接企业130余家, 引进洽谈项目105个, 与…165家企业多次对接洽谈), and
# visits received (近30个县市到我县学习考察): the government's own steps toward investors, like projects promoted
# (LABELLING 4); projects signed, landed or started stay (private sample).
_CONTACT_CUE_RE = re.compile(r"对接|洽谈|接洽|学习考察|考察学习")
_CONTACT_WORK_RE = re.compile(r"(?:联系|精准|多次)?(?:对接|洽谈|接洽)(?!的)|学习考察|考察学习")
_CONTACT_DONE_RE = re.compile(r"签约|签订|落地|开工|建成|投产|合作协议|平台|名校")
# ``总投资突破400亿元``; ``储备项目数量达到65个，资金突破150亿元``: the money of the projects just counted (round 7777).
_TOTAL_COST_RE = re.compile(r"(?:总投资|资金)(?:超过|超|突破|近|约|达到|达|逾)?")
_TOTAL_COST_BEFORE_RE = re.compile(_TOTAL_COST_RE.pattern + "$")
# The state's relations with other countries (同…等10个国家建立了外交关系, 同我国建交的国家达到135个): no measure
# of the country's economy or society (judged round 7349). ``城建交通``, ``重建交付`` are no 建交.
_DIPLOMACY_RE = re.compile(r"建交(?:的|国)|外交关系|邦交")
# The government's own emergency work (转移受威胁群众84.5万人次, 2764人避免了伤亡风险, 抢通256个断路村, 布置20余万人
# 防汛抢险队伍): people moved, rescued or kept from harm and crews sent count its response, not the place (judged
# round 4242). ``农村劳动力转移就业`` and ``避险搬迁`` (relocation built) are no emergency work.
_EMERGENCY_CUE_RE = re.compile(r"转移|疏散|撤离|伤亡|脱险|抢通|抢险|救援|避风")
_EMERGENCY_WORK_RE = re.compile(
    r"(?:转移|疏散|撤离)[^，。；、]{0,14}(?:群众|人员|旅客|村民|居民)|转移避险|提前转移|紧急转移|转移安置|"
    r"避免[^，。；]{0,4}伤亡|伤亡风险|安全脱险|抢通|抢险队伍|救援队伍|避风"
)
# Recovery after a disaster (759所受灾学校全部如期开学, 167条受损道路完成修复, 妥善安置34.4万名受灾群众): the damaged
# brought back and the stricken settled count the government's response, like its emergency work (judged round 9090);
# reconstruction projects and houses rebuilt (灾后重建项目, 水毁农房完成重建) are built, and stay.
_DAMAGED_RE = re.compile(r"受灾|受损|灾损|震损")
_RECOVERED_RE = re.compile(r"开学|复课|复学|运营|复工|复产|开业|修复|修缮|恢复|安置")
_RECOVERY_BUILT_RE = re.compile(r"重建|项目|工程")
_RECOVERY_UNITS = frozenset(words("成 万 套 万套"))
_EMERGENCY_UNITS = COUNT_UNITS | frozenset(words("万人 万户 万人次 万名 人次 亿人次 艘 万艘"))
# Inspections the government makes (非现场检查量占比提升至70.6%, 月均现场检查量下降42.9%): its own enforcement.
_OWN_INSPECTIONS_RE = re.compile(r"检查量|检查次数|检查频次")
# ``新增千亿斤粮食生产能力规划``, ``落实国家新一轮千亿斤粮食产能提升行动``: a figure in a national programme's name.
_PROGRAMME_AFTER_RE = re.compile(r"粮食[^，。；、0-9]{0,8}?(?:行动|工程|规划)")
# The state's dealings with offenders (肃反 statistics): no measure of the economy or society, in any unit.
_OFFENDERS_RE = re.compile(r"逮捕|判处|反革命|罪犯|劳动改造|劳改")
# ``50万辆整车项目``, ``500万只蓄电池二期项目``: the capacity of one project.
_CAPACITY_UNITS = frozenset(words("万辆 辆 万吨 吨 万只 万千瓦 千瓦 万台 万套 亿瓦 万头"))
_PROJECT_AFTER_RE = re.compile(r"[^，。；、]{0,8}项目")
_DURATION_UNITS = frozenset(words("天 个工作日 小时"))
_TIME_TAKEN = ("用", "历时", "耗时", "用时")
_FUNDS_A_PROJECT_RE = re.compile(r"^[，,]?(?:余|多)?(?:实施|建设|新建|改建|扩建|改造|启动|用于)")
# A count of people who live in the place, cited as context (158万残疾人、40万3岁以下婴幼儿), unless
# the clause serves them (惠及, 帮助, 新增 …): no measure set or reported.
_PEOPLE_AFTER_RE = re.compile(r"[^，。；、]{0,6}?(?:人民|群众|人口|老人|老年人|残疾人|婴幼儿|儿童)")
# The whole people of a place, named as those who strove, were thanked or are promised (``23万老区人民的拼搏付出``,
# ``向40万可爱的满城人民``, ``600多万香港人的共同努力下``): its population cited, no figure set or reported.
_WHOLE_PEOPLE_AFTER_RE = re.compile(
    r"(?:多|余)?[^，。；、0-9０-９]{0,6}?(?:人民|儿女|同胞|香港人|澳门人|父老乡亲)"
)
_WHOLE_PEOPLE_UNITS = frozenset(words("万 亿 万人 亿人"))
_CITED_AS_CONTEXT_RE = re.compile(r"期盼|期待|期望|鼓舞|迫切|勠力|同心|心声")
_STOCK_BEFORE_RE = re.compile(r"(?:还有|共有|拥有|有|承载着|尤其是|[、，])$")
_INTERNAL_RATE_RE = re.compile(
    r"(?:办结|办复|答复|满意|见面|回复|按时办结|受理|化解|响应|办理|诉求解决|问题解决|兑现|交办|转办|签收|回访)率|"
    # how fast it serves (办理时限压缩69%, 平均跑动次数减少93%, 提交材料减少60%; judged round 4242)
    r"(?:办理|办结|审批|办事)时限|跑动次数|提交材料"
)
# The satisfaction with the proposals and suggestions it handled: how it did its own casework.
_PROPOSALS_HANDLED_RE = re.compile(
    r"(?:建议|提案|议案)[^。；]{0,12}(?:办结|办理|答复|办复)[^。；]{0,3}[，,]?满意"
)
# ``“高效办成一件事”…重点事项，平均压减时间58%、材料52%``: the time and papers its own service asks.
_ONE_THING_CUTS_RE = re.compile(r"(?:时间|材料|环节)[^，。；]{0,4}$")
_CITED_LEVEL_RE = re.compile(
    r"(?:^|[，：；,:])(?:比如|例如)?[，,]?(?:中央|国务院|国家)(?!级)|中央(?:将|已|财政|安排|下达)"
)
# What follows a start value (``由4.9平方公里调整为12平方公里``, ``由8.1平方公里拓展到…``, ``由71所优化整合为47所``),
# also the first of a list of start values (``由 160元和55元分别提高到253元和150元``, ``由45、38、35个工作日压缩至``).
_START_VALUE_RE = re.compile(
    r"(?:的)?(?:[和、][0-9０-９.]{1,8}[^0-9０-９，。；、和]{0,5}?)*(?:分别)?"
    r"(?:(?:增加|提高|提升|上升|下降|减少|缩小|扩大|降低|增长|拓展|扩展|压缩|压减|缩减|缩短|延长|调高|调低|上调|下调|回落|回升|攀升|跃升|[降增升减])?(?:到|至)"
    r"|(?:优化)?(?:调整|整合|合并)(?:为|到|至))"
)
_FROM_RE = re.compile(r"[由从從]")
# ``由上年分别增长5.6%和13.1%，减为增长1.2%和1.8%``, ``由1978年的36.5%，降为33.6%``, ``由原定…百分之六调高到…``: the
# start values of a from…to, whose end value stands after a list of the others or after a comma (judged round 9090).
_FROM_IN_CLAUSE_RE = re.compile(
    r"(?<![自理缘经])由(?!于|此|衷)|(?<![服遵听顺])[从從](?!而|事|严|来|未|不|中|小|重|轻|快|优|实|紧|头|业|容|速|宽|无)"
)
_VALUE_LIST_TAIL = r"(?:[、和及与][0-9０-９.．一二三四五六七八九十百千万亿零〇两点分之]+[^，。；、和]{0,4}?)*"
_END_VALUE_VERB = (
    r"(?:又|再|则)?(?:分别)?(?:(?:转|减|降|变|改|增|升|下降|上升|提高|增加|减少|降低|缩小|扩大|提升|增长)[为爲]|"
    r"(?:调高|调低|调整|压缩|下调|上调|增加|增长|提高|提升|上升|下降|减少|缩小|扩大|降低|[降增升减])(?:到|至))"
)
# Right before the end value's verb: dropped before the values are named, so that a ``分别`` list pairs the ends.
_START_THEN_END_RE = re.compile(
    _VALUE_LIST_TAIL + r"(?:" + _END_VALUE_VERB + r"|(?:分别)?(?:到|至)(?![今此位期]))"
)
# With a comma before the end value's verb: dropped after naming, the end value named from the subject before 由.
START_THEN_COMMA_END_RE = re.compile(_VALUE_LIST_TAIL + r"[^，。；0-9０-９]{0,4}?[，,]" + _END_VALUE_VERB)
# A later start value of a list after 由/从 (``从2021年的46503元和16935元分别提高到…``): 由 is further back.
_LISTED_FROM_RE = re.compile(
    r"[由从從](?:[0-9０-９]{4}年[末底]?)?[^，。；由从從0-9０-９]{0,8}?[0-9０-９.]+[^0-9０-９，。；、和]{0,5}"
    r"(?:[和、][0-9０-９.]+[^0-9０-９，。；、和]{0,5})*[和、]$"
)


def _from_before(sentence: str, start: int, before: str) -> bool:
    """Whether 由/从 opens the figure ending at ``start``, or the list of start values it ends."""
    if _FROM_RE.search(before):
        return True
    return before.endswith(("和", "、")) and bool(_LISTED_FROM_RE.search(sentence, max(0, start - 40), start))


_BENCHMARK_VALUE_RE = re.compile(r"(?:比|较|同)[^，。；比较]{0,14}?年(?:末|底|同期)?的$")
_SEVERAL = frozenset("几数")
_ROUND_NUMERALS = frozenset("百千万亿")  # ``成千成万``, ``成百上千``: a great many, no figure
# A count of the government's own work items, not an indicator of the economy.
_WORK_ITEM_RE = re.compile(
    r"^(?:方面|领域|专班|会议|活动|批次|轮次|文件|意见|讲话|步|点|环节|目标|任务|要求|原则|战略|意识|自信|维护|"
    r"重点工作|工作|重大改革|改革|行动|攻坚战|机制|问题|清单|字|大|届|年|类|级|方向|重大专项|专项|指标|"
    r"约束性指标|预期性指标|主要指标|事项|重点事项|举措|措施|“一件事”|一件事|“?高效办成)"
)
# Honours and awards to people (授予…称号, 获评全国劳动模范): no measure of the place.
_HONOURS_RE = re.compile(
    r"授予|获评|荣获|评为|表彰|称号|劳动模范|劳模|先进个人|先进工作者|道德模范|好人|楷模|五一劳动奖|"
    # people named as deployed, or admitted to one university: ``10452名党员干部奋战一线``, ``2名学子被…录取``
    r"被[^，。；]{2,20}(?:大学|学院)录取|奋战|逆行|出征|冲锋|驰援"
)
_PEOPLE_UNITS = frozenset(words("人 名 位 人次"))
# A property of one object: a train's design speed, a single fund's size (组建200亿元规模母基金).
_ONE_OBJECT_BEFORE_RE = re.compile(r"(?:设计时速|时速|设计速度|设计能力|单机容量)(?:达到|达|为)?$")
# A site or a floor space written as its own item (a project table's row, ``总投资60亿元、占地1500亩、建筑面积…的…项目``):
# what one project covers, unless a verb makes it a flow (``完成建筑面积20万平方米``).
_SITE_OF_ONE_RE = re.compile(
    r"(?:^|[，,；;：:、（(\n])[ \t\u3000]*(?:总)?(?:占地|建筑)(?:面积)?(?:约|达|为|近)?$"
)
_SITE_WORDS = ("占地", "面积", "约", "达", "为", "近")
_ONE_FUND_RE = re.compile(r"(?:组建|设立|成立|发起设立|发起)$")
_FUND_AFTER_RE = re.compile(r"^(?:规模)?(?:的)?[^，。；0-9]{0,10}基金")
# One fund's size, its name long (设立10亿元绿色发展纵向补偿基金) or after the money (每年列预算1300万元设立贫困学生救助
# 基金), and the capital of one body set up (建立中小企业信用担保机构，担保基金不低于5000万元): judged round 4242.
_LONG_FUND_AFTER_RE = re.compile(
    r"(?:规模)?(?:的)?[^，。；、0-9]{0,16}基金|(?:用于|用来)?设立[^，。；、0-9]{0,16}基金"
)
_FUND_MONEY_UNITS = frozenset(words("万元 亿元 万亿元 亿美元"))
_CAPITAL_BEFORE_RE = re.compile(
    r"(?:担保基金|注册资本|注册资金|资本金)(?:规模)?(?:不低于|不少于|达到|达|为)?$"
)
_BODY_SET_UP_RE = re.compile(r"(?:建立|设立|成立|组建)[^，。；]{0,16}(?:机构|公司|中心)[，,]")
# Things that already exist, named by a count, with nothing set for them (发挥好9个国家区域医疗中心…).
_EXISTING_USED_RE = re.compile(r"(?:发挥好|发挥|用好|管好|利用好|依托|运营好|维护好)$")
# ``运行县级残疾人综合服务中心72个``, ``稳妥运行14个传统边贸点``, ``办好2个名师工作室``: a clause that runs or uses what exists,
# with no building in it, counts what exists (judged round 9090).
_EXISTING_RUN_OPENING_RE = re.compile(
    r"[^，。；：0-9０-９]{0,4}?(?:运行|依托|用好|办好|管好|利用好|维护好|运营好)(?!成本|质量|效率|效益|收入|里程|总里程)"
)
_BUILT_IN_RUN_CLAUSE_RE = re.compile(r"建设|新建|建成|新增|打造|创建|培育|新开")
_RUN_UNITS = COUNT_UNITS | frozenset(words("亩 万亩"))
_THRESHOLD_AFTER_RE = re.compile(r"^口?(?:以上|以下)的")
# A bracket with a class right after it: another condition (``且``) or the places it names.
_CLASS_BY_THRESHOLD_AFTER_RE = re.compile(r"且|(?:人口)?(?:县|乡镇|城市)(?![域级委政长])")
# ``50万元以上村占50%``, ``10万元以上村占47%``: the bracket that names a class, whose share the next figure is.
_CLASS_SHARE_AFTER_RE = re.compile(r"[^，。；、0-9０-９的]{1,4}?(?:占比?|比重)")
# ``总投资11亿元、占地600亩的河北大学安国校区``: one project's cost, then another of its properties, then its name.
_COST_THEN_PROPERTY_RE = re.compile(
    r"、[^，。；、0-9０-９]{0,10}[0-9０-９][^，。；、]{0,12}?的|、以[^，。；、]{1,16}?的"
)
_GAP_BEFORE_RE = re.compile(r"(?:高于|低于|快于|慢于|超过|比)全国$")
# ``完成投资3.68亿元的何桥、李庄等6个乡镇41个村的土地整治项目``, ``投资2700万元的津保北线李家营段3.5公里…``: a figure
# inside the name of one project whose cost is written before it; but ``总投资48.5亿元的14个省市重点项目`` counts
# the projects themselves.
_PROJECTS_COST_BEFORE_RE = re.compile(r"投资[0-9０-９.．]+[万亿]?元的(?P<name>[^，。；：:]*)$")
_PROJECT_NOUN_AFTER_RE = re.compile(r"[^，。；：:]{0,24}?(?:项目|工程)")
_PROJECTS_COUNTED_RE = re.compile(r"[^，。；：:的]{0,20}?(?:项目|工程)")
_COUNT_FOLLOWS_RE = re.compile(r"[0-9０-９]+(?:多|余)?[个项批]")
# ``在全省167个区县中找位次``: the places a ranking is among, no measure.
_RANKED_AMONG_BEFORE_RE = re.compile(r"全[省市区县国](?:的)?$")
_RANKED_AMONG_AFTER_RE = re.compile(r"[^，。；]{0,6}?(?:之中|当中|中(?!心|型|小|央|高|等|部))")
# Volunteers an event of the government's own recruited (``招募旅发大会志愿者500余名``).
_EVENT_VOLUNTEERS_RE = re.compile(r"(?:大会|赛会|运动会|博览会|峰会|论坛)[^，。；]{0,4}志愿者")
# ``年产二百四十万吨煤的煤矿``: the capacity of one works.
_CAPACITY_BEFORE_RE = re.compile(r"(?:年产|日产|年处理|年加工|年吞吐)(?:能力)?(?:为|达)?$")
_OF_ONE_OBJECT_AFTER_RE = re.compile(r"[^，。；、]{0,6}?的")
_WORK_NOUN_END_RE = re.compile(r"(?:政策|举措|措施|方案|文件|制度|机制|意见|规划|行动|清单)”?$")


class Quantity(NamedTuple):
    """A quantity found in a sentence, in sentence coordinates (``end`` includes a trailing qualifier)."""

    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: Qualifier | None
    start: int
    end: int
    ranking: bool = False
    scope: str | None = None


@dataclass(slots=True)
class Found:
    indicator: str
    quantity: Quantity
    change: Change
    quote_start: int
    follows_growth: bool = False
    stretch: float | None = None
    stretch_end: int | None = None  # the quote runs on over the stretch: ``增长7%以上、力争达到8%``


def sentence_quantities(
    sentence: str,
    found: list[NumberMention],
    rankings: list[NumberMention],
    zeros: list[NumberMention],
    national: bool = False,
) -> list[Quantity]:
    """The sentence's quantities that are indicators; a figure the centre set is the jurisdiction's own
    only in a national document."""
    if not (found or rankings or zeros):
        return []
    quantities = [Quantity(r.value, None, "位", None, r.start, r.end, True, r.scope) for r in rankings]
    if quantities and ("法治政府" in sentence or "入库" in sentence or "储备" in sentence):
        quantities = [
            q
            for q in quantities
            if not (
                _OWN_BUILDING_RE.search(clause := _clause_of(sentence, q))
                or _PREPARED_PROJECTS_RE.search(clause)
            )
        ]
    quantities += [Quantity(z.value, None, z.unit, z.qualifier, z.start, z.end) for z in zeros]
    taken = list(quantities)
    work_items = (
        {m.start(): m.end() for m in _WORK_ITEM_CHAIN_RE.finditer(sentence)} if "个" in sentence else {}
    )
    cited = None if national else _CITED_LEVEL_RE.search(sentence)
    cited_from = cited.start() if cited else len(sentence)
    for mention in found:
        if taken and any(r.start <= mention.start < r.end for r in taken):
            continue
        if work_items and any(start <= mention.start < end for start, end in work_items.items()):
            continue
        end = _qualifier_end(sentence, mention.end)
        quantity = Quantity(
            mention.value, mention.value_high, mention.unit, mention.qualifier, mention.start, end
        )
        if mention.start > cited_from and _CITED_LEVEL_RE.search(sentence[: mention.start]):
            continue
        if _is_indicator_quantity(sentence, quantity):
            quantities.append(quantity)
    quantities = sorted(quantities, key=lambda q: q.start)
    return [q for i, q in enumerate(quantities) if not _is_modifier_count(sentence, q, quantities[i + 1 :])]


# A short note inside a name (``细颗粒物（PM2.5）``), which breaks no clause of the name it sits in.
_NOTE_IN_A_NAME_RE = re.compile(
    r"(?<=[^，。；、：,;:（）()\s])[（(][^（）()，。；、]{1,8}[)）](?=[^，。；、：,;:（）()\s])"
)


def _is_modifier_count(sentence: str, q: Quantity, later: list[Quantity]) -> bool:
    """``9条优势产业链企业产值增长30%``: a count inside the subject of another quantity of its clause."""
    if q.unit not in COUNT_UNITS or not later:
        return False
    between = sentence[q.end : later[0].start]
    if "）" in between or ")" in between:
        between = _NOTE_IN_A_NAME_RE.sub("", between)  # ``74个重点城市细颗粒物（PM2.5）年均浓度下降9.1%``
    if (
        CLAUSE_BREAK_RE.search(between)
        or between[:1] in "、和及与"
        or "分别" in sentence[q.end : later[-1].start]
    ):
        return False
    in_clause = [r for r in later if not CLAUSE_BREAK_RE.search(sentence[q.end : r.start])]
    return any(r.unit not in COUNT_UNITS for r in in_clause) or not re.search(r"[、和及与]", between)


def _qualifier_end(sentence: str, end: int) -> int:
    if sentence[end : end + 1] not in _QUALIFIER_FIRST:
        return end
    for word in ("左右", "以上", "以内", "以下", "上下", "多"):
        if sentence.startswith(word, end):
            return end + len(word)
    return end


_QUALIFIER_FIRST = frozenset("左以上多")


def may_measure(mention: NumberMention) -> bool:
    """Whether a mention may be a target's figure wherever it stands: a date or a count of sessions
    (``2025年``, ``第十四届``) never is. The one test of ``_is_indicator_quantity`` that needs no sentence,
    asked of a whole text's mentions at once, so that a sentence holding nothing else is not read."""
    return mention.unit not in _EXCLUDED_UNITS or mention.unit == "岁"  # ``人均预期寿命达到79岁``


def _is_indicator_quantity(sentence: str, q: Quantity) -> bool:
    """Drop dates, durations, list numbers, ordinals, slogans, work-item counts, cited and start values."""
    written = sentence[q.start : q.end]
    if q.unit in _EXCLUDED_UNITS and not (q.unit == "岁" and "寿命" in _clause_of(sentence, q)):
        return False
    if written[0] in CN_NUMERAL_CHARS and (
        not chinese_numeral_counts(_numeral_of(written), q.unit)
        or sentence[q.start - 1 : q.start] in _SEVERAL
        or (written[0] in _ROUND_NUMERALS and sentence[q.start - 1 : q.start] == "成")
    ):
        return False
    before = sentence[max(0, q.start - 8) : q.start]
    after = sentence[q.end : q.end + 6]
    if after[:1] == "级":
        return False  # ``30万吨级航道``, ``千亿元级产业集群``, ``1000千瓦级机车``: a class in a name, no measure (private sample)
    if before.endswith(("第", "+", "＋", "每", "唯")) or after[:1] in ("+", "＋"):
        return False  # ``第三``, ``9+2``, ``每50公斤`` (the base a rate is per), ``唯一一家`` (the only one, not 11)
    if before.endswith("全国") and not _GAP_BEFORE_RE.search(before):
        return False
    if before.endswith("的") and _BENCHMARK_VALUE_RE.search(sentence[max(0, q.start - 24) : q.start]):
        return False  # ``比一九五七年的一千二百四十一亿元增长…``: the base of a comparison
    if _inside_short_quote(sentence, q.start) or (
        _START_VALUE_RE.match(sentence, q.end, q.end + 32) and _from_before(sentence, q.start, before)
    ):
        return False
    if ("由" in sentence or "从" in sentence) and _is_start_value(sentence, q):
        return False
    if _names_a_supposition(sentence) and _is_supposed(sentence, q):
        return False
    if q.unit is None and not _unitless_allowed(sentence, q):
        return False
    if q.unit in _FUND_MONEY_UNITS and before.endswith("投资") and _invests_in_one_named_project(sentence, q):
        return False
    if (
        before.endswith("投资")
        and _FUNDS_A_PROJECT_RE.match(after)
        and not (after[:1] in "，," and before.endswith(("完成投资", "累计投资")))
    ):
        return False  # ``投资4.8亿元实施了…工程``: what a named project costs (LABELLING.md)
    if q.unit == "%" and (
        _INTERNAL_RATE_RE.search(sentence, max(0, q.start - 12), q.start)
        or ("一件事" in sentence and _ONE_THING_CUTS_RE.search(before))
    ):
        return False  # 办结率、满意率100%: how the government handled its own business
    if (
        q.unit == "%"
        and "满意" in before
        and _PROPOSALS_HANDLED_RE.search(sentence, max(0, q.start - 40), q.start)
    ):
        return False  # ``250件人大代表建议、286件政协提案高效办结，满意度保持在100%``: its own casework (private sample)
    if (q.unit in COUNT_UNITS or q.unit in ("万件", "万项")) and (
        _WORK_ITEM_RE.match(after)
        or _INTERNAL_WORK_RE.search(_clause_through_brackets(sentence, q))
        or _WORK_NOUN_END_RE.search(counted_noun(sentence, q.unit, q.end))
    ):
        return False
    if after.startswith("的") and not (
        before.endswith(("总投资", "规模为")) and not _names_one_project(sentence, q.end)
    ):
        return False
    if (cost := _PROJECTS_COST_BEFORE_RE.search(sentence, max(0, q.start - 40), q.start)) and (
        _PROJECT_NOUN_AFTER_RE.match(sentence, q.end)
        and not (
            (q.unit in COUNT_UNITS or not cost.group("name")) and _PROJECTS_COUNTED_RE.match(sentence, q.end)
        )
    ):
        return False  # but ``投资2952万元的17.2万平米老旧小区改造工程``: the size of the work
    if q.unit in COUNT_UNITS and (
        (_RANKED_AMONG_BEFORE_RE.search(before) and _RANKED_AMONG_AFTER_RE.match(sentence, q.end))
        or (q.unit in _PEOPLE_UNITS and _EVENT_VOLUNTEERS_RE.search(_clause_of(sentence, q)))
    ):
        return False
    if before[-1:].isascii() and before[-1:].isalpha():
        return False  # ``省道S524``, ``PM2.5``, ``M2``: the number belongs to a name
    if _CAPACITY_BEFORE_RE.search(before) and _OF_ONE_OBJECT_AFTER_RE.match(sentence, q.end):
        return False
    if after[:1] in "以" and after[1:2] == "上" and after[2:4] in ("项目", "企业", "的"):
        return False
    if (
        written.endswith(("以上", "以下"))
        and q.unit not in COUNT_UNITS
        and q.unit != "%"
        and _CLASS_BY_THRESHOLD_AFTER_RE.match(sentence, q.end)
    ):
        return False  # ``人均纯收入1万元以下且有劳动能力的脱贫户``, ``20万以上人口县``, ``海拔5000米以上乡镇`` (private sample)
    if _THRESHOLD_AFTER_RE.match(after) or (
        written.endswith(("以上", "以下")) and _CLASS_SHARE_AFTER_RE.match(sentence, q.end)
    ):
        return False  # ``覆盖20万人口以上的县``, ``100万元以上村占20%``: a class named by a threshold
    if before.endswith("投资") and _COST_THEN_PROPERTY_RE.match(sentence, q.end):
        return False  # ``投资4.65亿元、日供水能力达到10万吨的地表水厂``: what one named project costs
    if _ONE_OBJECT_BEFORE_RE.search(before) or (_ONE_FUND_RE.search(before) and _FUND_AFTER_RE.match(after)):
        return False
    if q.unit in _FUND_MONEY_UNITS and (
        (
            (_ONE_FUND_RE.search(before) or after.startswith(("设立", "用于设立")))
            and _LONG_FUND_AFTER_RE.match(sentence, q.end)
        )
        or (
            _CAPITAL_BEFORE_RE.search(before)
            and _BODY_SET_UP_RE.search(sentence, max(0, q.start - 40), q.start)
        )
    ):
        return False
    if before.endswith(_SITE_WORDS) and _SITE_OF_ONE_RE.search(before):
        return False  # ``占地20585.24平方米，总建筑面积21800平方米``: one project's site and floor space
    if q.unit in _PEOPLE_UNITS and _HONOURS_RE.search(_clause_of(sentence, q)):
        return False
    if (
        (q.unit in COUNT_UNITS or q.unit == "万个")
        and "编制" in sentence
        and _counts_plans_drafted(sentence, q)
    ):
        return False
    if q.unit in COUNT_UNITS and _names_diplomacy(sentence):
        return False
    if (q.unit in COUNT_UNITS or _TOTAL_COST_BEFORE_RE.search(before)) and _PREPARED_PROJECTS_RE.search(
        _clause_of(sentence, q) if q.unit in COUNT_UNITS else _clause_and_the_one_before(sentence, q)
    ):
        return False
    if q.unit in _EMERGENCY_UNITS and _names_emergency(sentence):
        clause = _clause_of(sentence, q)
        if _EMERGENCY_WORK_RE.search(clause) and "劳动力" not in clause:
            return False
    if (
        (q.unit in _EMERGENCY_UNITS or q.unit in _RECOVERY_UNITS)
        and _names_damage(sentence)
        and _is_recovery_work(_clause_of(sentence, q))
    ):
        return False
    if q.unit == "%" and _OWN_INSPECTIONS_RE.search(sentence, max(0, q.start - 16), q.start):
        return False
    if q.unit in ("亿斤", "万吨", "亿公斤") and _PROGRAMME_AFTER_RE.match(sentence, q.end):
        return False
    if after.startswith("为限") or (
        _names_offenders(sentence) and _OFFENDERS_RE.search(_clause_of(sentence, q))
    ):
        return False  # ``以最多不超过正税的22%为限``: a rule's cap; ``逮捕后…释放的占8.9%``
    if q.unit in _CAPACITY_UNITS and _PROJECT_AFTER_RE.match(sentence, q.end):
        return False
    if q.unit in _DURATION_UNITS and before.endswith(_TIME_TAKEN):
        return False  # ``仅用10天``: how long something took
    if q.unit in COUNT_UNITS and _EXISTING_USED_RE.search(before):
        return False
    if (
        (q.unit in COUNT_UNITS or _TOTAL_COST_BEFORE_RE.search(before))
        and _names_contacts(sentence)
        and _is_contact_work(
            _clause_of(sentence, q) if q.unit in COUNT_UNITS else _clause_and_the_one_before(sentence, q)
        )
    ):
        return False  # and the total cost of those projects (联系洽谈项目10个，总投资35亿元)
    if q.unit in _RUN_UNITS and _runs_what_exists(sentence, q):
        return False
    if q.unit in COUNT_UNITS and "之一" in sentence and _ONE_OF_AFTER_RE.match(sentence, q.end):
        return False
    if q.unit in _WHOLE_PEOPLE_UNITS and _WHOLE_PEOPLE_AFTER_RE.match(sentence, q.end):
        return False  # ``69万清苑人民众志成城``, ``7100万江淮儿女倍感温暖``: the place's people, cited (private sample)
    if (
        q.unit == "万"
        and (people := _PEOPLE_AFTER_RE.match(sentence, q.end))
        and _STOCK_BEFORE_RE.search(before)
    ):
        rest = _clause_of(sentence, q)[people.end() - clause_start(sentence, q.start) :]
        if not rest or rest[0] in "、。；" or _CITED_AS_CONTEXT_RE.search(rest):
            return False  # ``158万残疾人、``, ``承载着69万群众的殷切期盼``: no figure set or reported
    return not _is_threshold_in_name(sentence, q, after)


@lru_cache(maxsize=16)
def _names_a_supposition(sentence: str) -> bool:
    """Asked for every quantity of a sentence: the sentence is searched once."""
    return _SUPPOSE_CUE_RE.search(sentence) is not None


def _is_supposed(sentence: str, q: Quantity) -> bool:
    """``q`` stands in a supposition or in what follows from it, in the same statement (up to a ``；``)."""
    statement = max(sentence.rfind("；", 0, q.start), sentence.rfind(";", 0, q.start)) + 1
    supposed = _SUPPOSED_RE.search(sentence, statement)
    return (
        supposed is not None
        and supposed.start() < q.start
        and not _RECKONED_ON_A_BASIS_RE.search(supposed.group())
    )


def _runs_what_exists(sentence: str, q: Quantity) -> bool:
    start = clause_start(sentence, q.start)
    return bool(_EXISTING_RUN_OPENING_RE.match(sentence, start)) and not _BUILT_IN_RUN_CLAUSE_RE.search(
        _clause_of(sentence, q)
    )


def _is_start_value(sentence: str, q: Quantity, end_re: re.Pattern[str] = _START_THEN_END_RE) -> bool:
    """The start value of a ``由/从…到/为…`` written with a list (or, by ``end_re``, a comma) before its end
    value."""
    return bool(
        _FROM_IN_CLAUSE_RE.search(sentence, clause_start(sentence, q.start), q.start)
        and end_re.match(sentence, q.end)
    )


def is_start_before_a_comma(sentence: str, q: Quantity) -> bool:
    """``积累率由1978年的36.5%，降为33.6%``: asked of the named targets, whose end value took the subject."""
    return ("由" in sentence or "从" in sentence) and _is_start_value(sentence, q, START_THEN_COMMA_END_RE)


def _counts_plans_drafted(sentence: str, q: Quantity) -> bool:
    clause = _clause_of(sentence, q)
    return bool(_PLAN_DRAFTED_RE.search(clause)) and not _PLAN_BUILT_RE.search(clause)


def _invests_in_one_named_project(sentence: str, q: Quantity) -> bool:
    named = _ONE_PROJECT_INVESTED_RE.search(sentence[clause_start(sentence, q.start) : q.start])
    return named is not None and not _PROJECT_CLASS_RE.search(named["name"])


def _names_one_project(sentence: str, end: int) -> bool:
    """``…的富泉食品项目``: the cost before is a named project's; but ``…的“十四五”重大项目622个`` counts them."""
    named = _NAMED_AFTER_RE.match(sentence, end)
    return named is not None and not _COUNT_FOLLOWS_RE.match(sentence, named.end())


@lru_cache(maxsize=16)
def _names_offenders(sentence: str) -> bool:
    """Asked for every quantity of a sentence: the sentence is searched once."""
    return _OFFENDERS_RE.search(sentence) is not None


@lru_cache(maxsize=16)
def _names_diplomacy(sentence: str) -> bool:
    """Asked for every count of a sentence: the sentence is searched once."""
    return _DIPLOMACY_RE.search(sentence) is not None


@lru_cache(maxsize=16)
def _names_emergency(sentence: str) -> bool:
    """Asked for every count of a sentence: the sentence is searched once."""
    return _EMERGENCY_CUE_RE.search(sentence) is not None


@lru_cache(maxsize=16)
def _names_contacts(sentence: str) -> bool:
    """Asked for every count of a sentence: the sentence is searched once."""
    return _CONTACT_CUE_RE.search(sentence) is not None


def _is_contact_work(clause: str) -> bool:
    return bool(_CONTACT_WORK_RE.search(clause)) and not _CONTACT_DONE_RE.search(clause)


@lru_cache(maxsize=16)
def _names_damage(sentence: str) -> bool:
    """Asked for every count of a sentence: the sentence is searched once."""
    return _DAMAGED_RE.search(sentence) is not None


def _is_recovery_work(clause: str) -> bool:
    return bool(
        _DAMAGED_RE.search(clause) and _RECOVERED_RE.search(clause) and not _RECOVERY_BUILT_RE.search(clause)
    )


def _numeral_of(written: str) -> str:
    """The numeral characters at the head of a written quantity (``五十一个`` -> ``五十一``)."""
    return written[: len(written) - len(written.lstrip(CN_NUMERAL_CHARS))] or written


def _clause_of(sentence: str, q: Quantity) -> str:
    start = clause_start(sentence, q.start)
    stop = CLAUSE_BREAK_RE.search(sentence, q.end)
    return sentence[start : stop.start() if stop else len(sentence)]


def _clause_and_the_one_before(sentence: str, q: Quantity) -> str:
    """``谋划储备项目61个，总投资953亿元``: a clause of a total cost alone speaks of the count the clause
    before gives; ``京津冀协同发展合作项目达到27个、总投资212.4亿元`` of its own."""
    start = clause_start(sentence, q.start)
    if start and _TOTAL_COST_RE.fullmatch(sentence, start, q.start):
        start = clause_start(sentence, start - 1)
    return sentence[start : q.end]


_BRACKETED_RE = re.compile(r"[（(][^（()）]{0,12}[)）][^，。；,;：:（()）]*")


def _clause_through_brackets(sentence: str, q: Quantity) -> str:
    """The clause of ``q``, run on over a short bracket inside it: ``在8个省（市）试点``."""
    clause = _clause_of(sentence, q)
    end = clause_start(sentence, q.start) + len(clause)
    bracketed = _BRACKETED_RE.match(sentence, end)
    return clause + bracketed.group() if bracketed else clause


def _is_threshold_in_name(sentence: str, q: Quantity, after: str) -> bool:
    """``50亿元以上项目``, ``超千万元企业``: the number qualifies a noun that is counted elsewhere."""
    head = after.lstrip("以上下的")
    if q.unit in ("万", "万人") and head[:1] in ("县", "市") and sentence.endswith(("超", "过"), 0, q.start):
        return True  # ``城区人口超50万县``: a class of counties, named by a threshold
    if q.unit in ("亿元", "万元", "元") and _PLACES_CLASS_RE.match(head):
        return True  # ``生产总值超200亿元县（区）达26个``, ``超亿元乡镇5个``: a class of places, named by a threshold
    return q.unit in ("亿元", "万元", "元") and head.startswith(("项目", "企业", "的项目")) and bool(head)


_PLACES_CLASS_RE = re.compile(r"(?:县|区|市|乡镇|乡(?!村)|镇|村)(?![域级委政长场内外以])")


def _unitless_allowed(sentence: str, q: Quantity) -> bool:
    written = sentence[q.start : q.end]
    if "/" in written:
        return True
    before = sentence[max(0, q.start - 3) : q.start]
    after = sentence[q.end : q.end + 1]
    return before.endswith(("至", "到", "为")) and (after == "" or after in "，。；、") and "." in written


def _inside_short_quote(sentence: str, pos: int) -> bool:
    """``“四高一强一率先”``, ``“9+2”``: a number inside a short quotation is part of a slogan."""
    last = _UP_TO_LAST_QUOTE_MARK.match(sentence, 0, pos)
    if last is None or last.group(1) not in _OPEN_QUOTES:
        return False
    closing = _NEXT_CLOSE_QUOTE.search(sentence, pos)
    return closing is not None and closing.start() - (last.end() - 1) <= 16
