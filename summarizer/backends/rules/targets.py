"""Quantitative targets and results (SPEC.md section 3, Targets).

Each sentence is read clause by clause: a quantity (``find_quantities``) or a ranking (``居全省第一``) is
tied to the indicator written before it (``地区生产总值增长8.5%``), to the noun it counts
(``515个省市重点项目``), or to the indicator of the quantity before it (``增长10%、同比提高0.9个百分点``).
A ``分别`` list fans one subject list out to one target per value.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from summarizer.backends.rules.target_cues import (
    CLAUSE_BREAK_RE,
    Cues,
    clause_start,
    kind_and_year,
    read_cues,
)
from summarizer.models import Change, Chunk, Qualifier, TargetDraft, TargetKind
from summarizer.numbers import (
    CN_NUMERAL_CHARS,
    NumberMention,
    chinese_numeral_counts,
    find_quantities,
    find_rankings,
    find_zeros,
)
from summarizer.years import YEAR, YEAR_DIGITS, year_value


def _words(text: str) -> list[str]:
    return text.split()


_SENTENCE_RE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_OPEN_QUOTES = "“‘「『《"
_CLOSE_QUOTES = "”’」』》"
_UP_TO_LAST_QUOTE_MARK = re.compile(r".*([“‘「『《”’」』》])", re.S)
_NEXT_CLOSE_QUOTE = re.compile("[”’」』》]")

_EXCLUDED_UNITS = frozenset(_words("年 月 日 个月 小时 分钟 岁 次 场 届 批 位 轮 起"))
# ``总投资700万元的东墟学校、博野镇中学等附属设施项目``: the cost of named projects.
_NAMED_AFTER_RE = re.compile(r"^的[^，。；]{2,30}?(?:项目|工程|学校|中学|医院|园区|基地|中心)")
_WORK_ITEM_CHAIN_RE = re.compile(r"[0-9]+个(?:方面|领域)(?:[、，]?[0-9]+[项件个])+")
_INTERNAL_WORK_RE = re.compile(
    r"召开|举办|开展[^，。；]{0,6}(?:活动|调研|督查|培训)|派遣|包联|分包|认领|办结|督查|督导|调研|走访|约谈|问责|"
    r"宣讲|讲座|巡查|巡察|整改|印发|出台|制定|领导担任|会议|专题|实事|提案|议案|代表建议|法规|规章|遗留问题|"
    r"办事项|政务服务事项|试点|检查|团伙|涉黑|涉恶|惠民工程|民心工程|民生工程|受理|热线|处理|"
    r"查处|立案|破获|侦破|抓获|打掉|起诉|审结|诉求|投诉|信访|接访|执法检查|行政处罚|审批服务事项|审批事项"
)
_FUNDS_A_PROJECT_RE = re.compile(r"^[，,]?(?:余|多)?(?:实施|建设|新建|改建|扩建|改造|启动|用于)")
# A count of people who live in the place, cited as context (158万残疾人、40万3岁以下婴幼儿), unless
# the clause serves them (惠及, 帮助, 新增 …): no measure set or reported.
_PEOPLE_AFTER_RE = re.compile(r"[^，。；、]{0,6}?(?:人民|群众|人口|老人|老年人|残疾人|婴幼儿|儿童)")
_CITED_AS_CONTEXT_RE = re.compile(r"期盼|期待|期望|鼓舞|迫切|勠力|同心|心声")
_STOCK_BEFORE_RE = re.compile(r"(?:还有|共有|拥有|有|承载着|尤其是|[、，])$")
# The items of a list that carry a verb of their own take no shared 新增.
_OWN_VERB_RE = re.compile(
    r"(?:实施|建设|建成|完成|开工|改造|推进|打造|培育|引进|认定|创建|发放|开展|举办|组织|落实|提升|实现|形成|新建|新增)"
)
_INTERNAL_RATE_RE = re.compile(r"(?:办结|办复|答复|满意|见面|回复|按时办结)率")
_CITED_LEVEL_RE = re.compile(
    r"(?:^|[，：；,:])(?:比如|例如)?[，,]?(?:中央|国务院|国家)(?!级)|中央(?:将|已|财政|安排|下达)"
)
_START_VALUE_RE = re.compile(
    r"^(?:的)?(?:增加|提高|提升|上升|下降|减少|缩小|扩大|降低|增长|[降增升减])?(?:到|至)"
)
_FROM_RE = re.compile(r"[由从從]")
_BENCHMARK_VALUE_RE = re.compile(r"(?:比|较|同)[^，。；比较]{0,14}?年(?:末|底|同期)?的$")
_YEAR_IN_CLAUSE_RE = re.compile(YEAR)
_YEAR_RANGE_RE = re.compile(rf"{YEAR_DIGITS}(?:年(?:底|末)?)?\s?[至到—\-－~～]+\s?{YEAR}")
_TIME_OPENING_MAX = 16
_OWN_YEAR_OPENING_RE = re.compile(rf"[^，。；]{{0,6}}{YEAR}(?!以来|来)")  # matched from a statement's start
_BASE_BEFORE = ("比", "较", "較", "与", "同", "由", "从")
_BASE_YEAR_RE = re.compile(rf"(?:比|较|較|与|同)(?:{YEAR})")
_STREAK_RE = re.compile(r"连续[0-9一二三四五六七八九十两]+年")
_MULTIPLE_OF_A_YEAR_RE = re.compile(rf"^是(?:{YEAR}|“?十[一二三四五]五”?(?:时期|期间)?)$")
_END_LEVEL_RE = re.compile(r"达到|总数|总量|增至|增加到|提高到|上升到|扩大到")
# Built or done over the years (公里 of roads, 万亩 afforested, 平方米 rebuilt), like counts.
_AREA_AND_LENGTH_UNITS = frozenset(_words("公里 万亩 亩 万平方米 平方米 万平米 平米 平方公里"))
_SEVERAL = frozenset("几数")
_INDICATOR_EDGE_JUNK_RE = re.compile(
    rf"^(?:[①-⑳]|[\[［〔(（][0-9０-９]{{1,2}}[\]］〕)）]|[“”\"‘’、，,]|去年|今年|明年|再|又|还|也|都|{YEAR}(?:末|底)?的?)+"
    r"|(?:[\[［〔][0-9０-９]{1,2}[\]］〕]|[“”\"‘’、，,])+$"
)
# Words that are no part of a measure's name where they open it: a hedge, a time word, a count of the
# subject (``23个产业类项目完成投资``), a list marker, a conjunction, ``计划``, a verb of intent.
_STRAY_HEAD_RE = re.compile(
    r"^(?:大约|大概|大約|约(?!束)|約|将近|接近|近(?![岸海郊亲代期])"
    r"|年内|年底前?|年末|今年|明年|全年|当年|目前|届时|截至目前|上半年|下半年|同期|近年来|这五年|五年来"
    r"|[0-9０-９]+(?:\.[0-9]+)?(?:个|家|项|条|所|座|名|批|户)(?![0-9０-９”])"
    r"|[一二三四五六七八九十两]+(?:个|家|项|条|所|座|批)(?!”)"
    r"|[一二三四五六七八九十]+是|[（(][一二三四五六七八九十0-9]{1,3}[)）]|第[一二三四五六七八九十]+[，、]"
    r"|[0-9]{1,2}[.、．](?![0-9])"
    r"|和(?!美)|及(?!时)|并(?![购网联])|而|但(?!凡)|且|同时|以及|其中|另外|此外|加上|或(?!者)"
    r"|计划(?:规定|安排|要求)?|力争|确保|争取|努力|预计|估计|拟)"
)
_HEDGE_TAIL_RE = re.compile(r"(?:大约|大約|约|約|将近|接近)$")
_HEDGE_HEAD_RE = re.compile(r"大约|大概|大約|约(?!束)|約|将近")
_ACHIEVED_BEFORE_MEASURE_RE = re.compile(
    r"(?<=.)实现(?=增加值|利润|利税|总产值|产值|营业收入|主营业务收入|销售收入|营收|税收)"
)
_STRAY_TAIL_RE = re.compile(
    r"(?:大约|大約|約|将近|接近|估算|估计|预计|只|仅|合计|共计|总共|(?:都|均)?(?:在|于)|(?:拟|将|还将|再|还|分别)?(?:计划)?安排|分别)$"
)
_ANY_PAIRED_MARK_RE = re.compile("[“”《》（）‘’「」]")
_QUOTE_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("‘", "’"), ("「", "」"))
# A verb of change that opens the name is the change (增加/提高 N), unless it makes a level (提高到).
_CHANGE_VERB_HEAD_RE = re.compile(
    r"^(?:增加|提高|扩大|提升|增长|减少|降低|压减|削减|压缩|下降|减轻)(?![值了])"
)
_DECLINE_HEADS = frozenset(_words("减少 降低 压减 削减 压缩 下降 减轻"))
# The measures an entity's figures come in, and those written bare in a later clause (``利润300亿元``).
_ENTITY_MEASURE_RE = re.compile(
    r"(?<=[企业园区行产集团司造务厂])(?:实现|完成)?(?:增加值|利润总额|利润|利税|总产值|产值|营业收入|主营业务收入|"
    r"销售收入|营收|税收|出口额|出口|工业总产值|用电量|产量)$"
)
_BARE_MEASURES = frozenset(
    _words(
        "增加值 利润总额 利润 利税 总产值 产值 营业收入 主营业务收入 销售收入 营收 税收 出口额 出口 用电量"
    )
)
_NOT_AN_INDICATOR_RE = re.compile(
    rf"^(?:(?:到|在|至)?{YEAR}(?:末|底|初)?|[由从比较].*|(?:我们|我国这样|这样|这个|那个|这些|那些).*|.)$"
)
_SHARED_VERB_RE = re.compile(
    r"(?:新增|新建|新开工|新培育|培育|引进|认定|新认定)"
)  # 几百亿元: several hundred, not a figure
_COUNT_UNITS = frozenset(_words("个 家 项 件 条 所 座 名 户 人 处 台 套 辆 张 间 口 头 只"))
# A count of the government's own work items, not an indicator of the economy.
_WORK_ITEM_RE = re.compile(
    r"^(?:方面|领域|专班|会议|活动|批次|轮次|文件|意见|讲话|步|点|环节|目标|任务|要求|原则|战略|意识|自信|维护|"
    r"重点工作|工作|重大改革|改革|行动|攻坚战|机制|问题|清单|字|大|届|年|类|级|方向|重大专项|专项|指标|"
    r"约束性指标|预期性指标|主要指标|事项|重点事项|举措|措施|“一件事”|一件事)"
)
_WORK_ITEM_NAME_RE = re.compile(
    r"(?:主要|约束性|预期性|考核)?指标(?:任务)?$|重大专项$|专项行动$|审批(?:服务)?事项$|服务事项$|重点事项$|重大改革$|改革任务$|"
    r"一件事”?$|举措$|措施$"
)
# Honours and awards to people (授予…称号, 获评全国劳动模范): no measure of the place.
_HONOURS_RE = re.compile(
    r"授予|获评|荣获|评为|表彰|称号|劳动模范|劳模|先进个人|先进工作者|道德模范|好人|楷模|五一劳动奖"
)
_PEOPLE_UNITS = frozenset(_words("人 名 位 人次"))
# A property of one object: a train's design speed, a single fund's size (组建200亿元规模母基金).
_ONE_OBJECT_BEFORE_RE = re.compile(r"(?:设计时速|时速|设计速度|设计能力|单机容量)(?:达到|达|为)?$")
_ONE_FUND_RE = re.compile(r"(?:组建|设立|成立|发起设立|发起)$")
_FUND_AFTER_RE = re.compile(r"^(?:规模)?(?:的)?[^，。；0-9]{0,10}基金")
# Things that already exist, named by a count, with nothing set for them (发挥好9个国家区域医疗中心…).
_EXISTING_USED_RE = re.compile(r"(?:发挥好|发挥|用好|管好|利用好|依托|运营好|维护好)$")
_THRESHOLD_AFTER_RE = re.compile(r"^口?(?:以上|以下)的")
_COMPARE_RE = re.compile(
    r"(?<![同可对])(?:比|较|較)(?P<bench>(?:[^，。；比较較]{1,14}?年(?:末|底|同期|度)?(?:的[^，。；比较較]{1,16}?)?"
    r"|[^，。；0-9比较較提增下降减口]{1,8}?))"
    r"(?P<dir>高出|高|低|多|少|提高|下降|增长|增加|减少|降低|上升|回落|增長|增加了|提高了|下降了|减少了)$"
)
_GAP_BEFORE_RE = re.compile(r"(?:高于|低于|快于|慢于|超过|比)全国$")
_GAP_RE = re.compile(r"(?P<dir>高于|低于|快于|慢于)(?P<bench>[^，。；0-9]{1,8})$")
_TIME_BENCH_RE = re.compile(
    rf"去年|上年|上一年|前一年|上年度|上半年|年初|同期|前[一二三]季度|过去|以往|历史|{YEAR}|“?(?:十[一二三四五]|[六七八九])五”?|前[一二三四五]年"
)

_GROWTH_VERBS = tuple(
    _words("增长 增加 提高 提升 上升 回升 上涨 涨幅 增速 增幅 增长率 扩大 加快 多增 增产 递增 平均每年递增")
)
_DECLINE_VERBS = tuple(_words("下降 降低 减少 压减 缩减 下调 回落 缩小 压缩 减 降 递减"))
_LEVEL_VERB_RE = re.compile(
    r"(?:控制在|保持在|稳定在|维持在|提高到|提高至|增加到|增加至|上升至|上升到|回升至|回升到|缩小至|缩小到|下降至|"
    r"下降到|降至|降到|压缩至|压缩到|缩短至|缩短到|提升至|提升到|扩大到|扩大至|达到|达|为|是|完成|实现|突破|超过|"
    r"占|至|到|逾|不低于|不少于|不超过|不到|低于|仅|创历史新高|保持|稳定|新增|累计|总计|合计|"
    r"增至|增到|升至|升到|重回|迈上|跨上|跃上|跃升至|达至|(?<![国所拥具])有)$"
)
_TRAILING_FILLER_RE = re.compile(
    r"(?:分别|(?<!人)均|都|双双|同比|有望|平均|年均|继续|进一步|力争|确保|争取|要|将|预计|全年|已|已经|仅|共|总|仍|"
    r"时隔[0-9]+年|连续[0-9]+个?[月年季]|较年初|比去年|比上年|稳步|大幅|快速|明显|显著|首次|再次|逐步|每年|"
    r"按可比口径|可比|全部|全面|同比分别|也|还|更|拟按|按|拟|实际|名义|要求|同口径|就|超|将近|接近|近|约|大约|"
    r"每人每年|每人|每年|的预期目标|预期目标|的目标|目标|预期|"
    r"(?:19|20)[0-9]{2}年|[１２][０-９]{3}年|[一二][〇○零一二三四五六七八九]{3}年|(?:前|连续|第一个)?[两三四五十]年(?:来|间|内)?|应该|应当|(?<![供效响适反对相])应|大体上|大约|可以|(?<![许认])可|能够|(?<![产动功效性储技节势风热电核阳体智职光潜用耗赋])能)$"
)
_LEADING_FILLER_RE = re.compile(
    r"^(?:[、和及与并而但且对在要将即亦的使把]|到了|已经有|已有|共有|还有|拟安排|"
    r"(?:党中央|中央|国务院|省委|市委|州委|县委|区委|会议|我们)?(?:提出|确定|明确)|拟|其中|目前|现有|当前|截至|已经|同时|此外|以及|预计|力争|确保|争取|实现|完成|推动|推进|加快|持续|努力|"
    r"重点|全面|着力|突出|帮助|主要|年度|全年|今年|明年|后年|今后|未来|期间|到?(?:19|20)[0-9]{2}年(?:末|底)?|"
    r"扣除(?:物价|价格)[^，。；]{0,4}因素(?:后)?|按可比价格计算|按可比口径计算|初步核算|初步统计|据初步统计|初步预计|"
    r"(?:比|较|較)(?:上年|去年|同期|上一年|(?:19|20)[0-9]{2}年(?:末|底)?)|(?:比|较|較)$|"
    r"“?十[一-九]五”?(?:末|期间)?|[0-9]+[—\-－~至到][0-9]+月|前[一二三0-9]季度|上半年|我[市州区县省国]|"
    r"全[市州区县省国]|本[市州区县省])+"
)
_REACHED_AFTER_A_CHANGE_RE = re.compile(r"(?<=[长加高升降少])(?:达到|达)$")
_PRICE_RATE_RE = re.compile(r"(?P<rate>价格(?:总水平)?涨幅)(?:控制在|保持在|为|在|是)?(?:[^，。；]{0,2})$")
# ``五年年均增长``, ``十年增加``: a span of years stands where the indicator of the clause before is meant.
_SPAN_OF_YEARS_RE = re.compile(r"^(?:[两三四五六七八九十]|[0-9]+)年(?:来|间|累计|年均|增加|增长)*$")
_START_VALUE_TAIL_RE = re.compile(
    r"[从由][^从由，；]*(?:[0-9０-９]|[一二三四五六七八九十两][百千万亿]|[百千]分之)[^从由，；]*$"
)
_LEADING_COUNT_RE = re.compile(r"^[0-9]+[个家项条所座名]")
_WORK_NOUN_END_RE = re.compile(r"(?:政策|举措|措施|方案|文件|制度|机制|意见|规划|行动|清单)”?$")
_SPLIT_SUBJECTS_RE = re.compile(r"[、和及与]")
# Names with a conjunction inside that name one measure, never a list of two.
_JOINED_NAME_RE = re.compile(r"研究与试验发展|研究与开发|国有及国有控股|产学研|进出口|存贷款")
_FANOUT_RE = re.compile(r"分别|双双|(?<![年平人])[均都](?=为|达|在|是|超过|实现|保持|高于|低于|增长|提高)")
_ZERO_WIDTH = re.compile("")
_PAIRED_VERB_RE = re.compile(r"(?:实际|名义|同比)?(?:增长|提高|下降|达到|为)$")
_LIST_GLUE_RE = re.compile(r"^[、，,和及与\s]*$")
_GLUE_RE = re.compile(r"[、，,和及与\s]*")  # the same, for fullmatch within a sentence
_COMPOUND_PAIRS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("城乡居民", ("城镇居民", "农村居民")),
    ("城乡", ("城市", "农村")),
    ("存贷款", ("存款", "贷款")),
    ("进出口", ("出口", "进口")),
)
_COUNTED_STOP_RE = re.compile(
    r"[，。；、：,;:（(]|[0-9]+(?:\.[0-9]+)?\s?[个家项条所座名户人万亿元%]|[和及与](?=[0-9])|分别|全面|全部|均|得到|实现|完成|的基础|中有|同时|顺利|正在|相继|先后|已|建成|"
    r"上半年|下半年|年内|年底前|今年|全年|进度"
)
_MAX_INDICATOR = 30
# Rankings: the verb before ``第N``, the words of time or constancy that end the subject, the field.
_RANK_VERB_RE = re.compile(
    r"排名|排在|排|位居|位列|跃居|跃升至|跃升为|升至|上升至|居于|居|并列|蝉联|稳居|保持"
)
_RANK_SUBJECT_TAIL_RE = re.compile(
    r"(?:连续多年|多年|连续[0-9一二三四五六七八九十两]+年|[0-9]+年|继续|仍然|仍|持续|稳定|首次|再次|已经|已|均|都|分别|有望|成为)+$"
)
_RANK_SUFFIX_RE = re.compile(r"(?:全[国省市州区县]|全球|世界)?(?:位次|排名)$")
# A measure written once after a list of subjects belongs to each (``单晶硅、电解铝产能``).
_SHARED_MEASURE_RE = re.compile(
    r"(?:限上|限额以上|规上|规模以上)?(?:产能|产量|总产值|产值|增加值|营业收入|营收|销售额|零售额|出口额|进口额|规模|比重|占比|覆盖率|增速|增幅|"
    r"总量|吞吐量|用电量|装机容量|利润|收入|数量)$"
)
_LEVEL_BEFORE_NUMBER_RE = re.compile(r"(?:到|至|为|达到|达)[^，。；]{0,3}$")
_DATED_OPENING_RE = re.compile(rf"{YEAR}(?:的)?")
_ANY_DIGIT_RE = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万亿]{2,}")
_NOUN_END_CHAR_RE = re.compile(r"[额量值率数入润能模重比积产资人口户业总费税款]$")
_HAS_MEASURE_RE = re.compile(r"[额量值率数入润能模重比积产]$")
_CLIPPED_MEASURES = frozenset(_words("增速 增幅 总量 比重 占比 规模 总额"))
_MEASURE_TAIL_RE = re.compile(r"(?:总量|总额|规模|增速|增幅)$")
# What stands between a floor and the higher figure striven for: ``以上、力争达到``, ``，争取``.
_STRETCH_GLUE_RE = re.compile(
    r"[、，,；;\s]*(?:并|同时|在实际工作中)?(?:力争|争取|努力|努力争取|力求)"
    r"(?:达到|实现|增长|提高到|提升到|突破|超过)?(?:[^0-9，。；、]{0,4})$"
)


class _Quantity(NamedTuple):
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
class _Found:
    indicator: str
    quantity: _Quantity
    change: Change
    quote_start: int
    follows_growth: bool = False
    stretch: float | None = None
    stretch_end: int | None = None  # the quote runs on over the stretch: ``增长7%以上、力争达到8%``


def find_targets(chunk: Chunk) -> list[TargetDraft]:
    text = chunk.text
    cues = read_cues(chunk)
    cues.prepare(text)
    drafts: list[TargetDraft] = []
    # The number grammar runs once over the chunk; each sentence then takes the mentions inside it.
    mentions = _Mentions(text)
    for match in _SENTENCE_RE.finditer(text):
        start, end = match.span()
        if start == 0 or text[start - 1] == "\n":
            section = chunk.document.section_at(chunk.start + start)
            cues.new_paragraph(match.group(), section.heading if section else None)
        found = mentions.within(start, end) if mentions.next_start < end else None
        if found is not None and chunk.document.part_at(chunk.start + start) == "notes":
            found = None  # a glossary's figures are not the report's
        if found is None:
            cues.observe(start, end)
            continue
        drafts.extend(_targets_in_sentence(chunk, cues, match.group(), start, found))
    return drafts


_NO_MORE = 1 << 62


class _Mentions:
    """Quantities, rankings and zeros of a whole text, handed out sentence by sentence in its coordinates."""

    def __init__(self, text: str) -> None:
        self.lists = (find_quantities(text), find_rankings(text), find_zeros(text))
        self._position = [0, 0, 0]
        # Where the next mention starts: a sentence that ends before it holds none (most hold none).
        self.next_start = min((mentions[0].start for mentions in self.lists if mentions), default=_NO_MORE)

    def within(self, start: int, end: int) -> tuple[list[NumberMention], ...] | None:
        """The mentions inside ``[start, end)``, shifted to that sentence's coordinates; None if there are none.

        Sentences are asked for in text order, so each list is walked once from where it was left.
        """
        taken: list[list[NumberMention]] = [[], [], []]
        anything = False
        for which, mentions in enumerate(self.lists):
            i = self._position[which]
            while i < len(mentions) and mentions[i].start < start:
                i += 1
            while i < len(mentions) and mentions[i].start < end:
                if mentions[i].end <= end:
                    taken[which].append(_shifted(mentions[i], start))
                    anything = True
                i += 1
            self._position[which] = i
        self.next_start = min(
            (
                mentions[i].start
                for mentions, i in zip(self.lists, self._position, strict=True)
                if i < len(mentions)
            ),
            default=_NO_MORE,
        )
        return tuple(taken) if anything else None


def _shifted(mention: NumberMention, offset: int) -> NumberMention:
    return NumberMention(
        mention.value,
        mention.value_high,
        mention.unit,
        mention.qualifier,
        mention.start - offset,
        mention.end - offset,
        mention.scope,
    )


def _targets_in_sentence(
    chunk: Chunk, cues: Cues, sentence: str, offset: int, mentions: tuple[list[NumberMention], ...]
) -> list[TargetDraft]:
    numbers, rankings, zeros = mentions
    quantities = _quantities(
        sentence, numbers, rankings, zeros, national=chunk.document.jurisdiction == "国家"
    )
    if not quantities:
        cues.observe(offset, offset + len(sentence))
        return []
    found = _with_stretch(sentence, _read_indicators(sentence, quantities))
    cues.sentence, cues.years_read = sentence, None
    drafts = []
    for item in found:
        kind, year = kind_and_year(chunk, cues, sentence, item.quantity.start, offset)
        stretch = cues.stretch or cues.stretch_before(sentence[: item.quantity.start])
        if stretch and kind == "result" and year is not None and _spans_the_years(item, sentence):
            year = None
        if _STREAK_RE.search(sentence, clause_start(sentence, item.quantity.start), item.quantity.start):
            year = None  # ``连续8年稳定在1300亿斤以上``: a floor held over years, not one year's figure
        if year is not None and _over_several_years(sentence, item, year):
            year = None
        quote = sentence[item.quote_start : item.stretch_end or item.quantity.end]
        drafts.append(_draft(item, kind, year, quote, offset + item.quote_start))
    cues.observe(offset, offset + len(sentence))
    return drafts


def _over_several_years(sentence: str, item: _Found, year: int) -> bool:
    """A figure over a span of years (``1979至1981年``, ``比2011年增长75%`` in 2016) belongs to no one year,
    unless the clause writes the year it ends in (``2016年比2011年增长75%``)."""
    before = sentence[: item.quantity.start]
    if "年" not in before:
        return False
    opening = CLAUSE_BREAK_RE.search(before)
    if _YEAR_RANGE_RE.search(before, clause_start(sentence, item.quantity.start)) or (
        opening and opening.start() <= _TIME_OPENING_MAX and _YEAR_RANGE_RE.search(before, 0, opening.start())
    ):
        return True  # in its own clause, or in the sentence's opening time phrase (``从1979至1981年，…``)
    if item.change == "level":
        return False
    bases = [year_value(m.group(1)) for m in _BASE_YEAR_RE.finditer(before)]
    base = bases[-1] if bases else None
    if base is None or year - base <= 1:
        return False
    written = [
        m for m in _YEAR_IN_CLAUSE_RE.finditer(before) if not before.endswith(_BASE_BEFORE, 0, m.start())
    ]
    return not written


def _spans_the_years(item: _Found, sentence: str) -> bool:
    """In a paragraph looking back over five years, a count or a growth spans them; a level reached (GDP
    达到59.4亿元) is the last year's, and so is a figure whose clause names its year."""
    q = item.quantity
    clause_from = clause_start(sentence, q.start)
    if _YEAR_IN_CLAUSE_RE.search(sentence, clause_from, q.start):
        return False
    if _END_LEVEL_RE.search(sentence, clause_from, q.start):
        return False  # ``达到16家``: where the years ended up
    statement_from = max(sentence.rfind("；", 0, q.start), sentence.rfind(";", 0, q.start)) + 1
    if "同比" in sentence[clause_from : q.start] or _OWN_YEAR_OPENING_RE.match(sentence, statement_from):
        return False  # ``2011年完成地方生产总值126.4亿元，同比增长13%``: one year's own figures
    unit = (q.unit or "").removeprefix("万").removeprefix("亿")
    return (
        item.change != "level"
        or q.unit == "倍"  # ``是“十五”时期的4.8倍``: a multiple of what the period before summed to
        or q.unit in _AREA_AND_LENGTH_UNITS
        or q.unit in _COUNT_UNITS
        or unit in _COUNT_UNITS
    )


def _draft(item: _Found, kind: TargetKind, year: int | None, quote: str, offset: int) -> TargetDraft:
    q = item.quantity
    # Built from values the rules made themselves: nothing to validate, and thousands per document. This is
    # what ``model_construct`` does, less its work per field (defaults, aliases): every field is given here.
    draft = _new_draft(TargetDraft)
    _set_attribute(
        draft,
        "__dict__",
        {
            "indicator": item.indicator,
            "value": q.value,
            "value_high": q.value_high,
            "unit": q.unit,
            "change": item.change,
            "qualifier": q.qualifier,
            "stretch": item.stretch,
            "kind": kind,
            "year": year,
            "quote": quote,
            "offset": offset,
            "given": None,
        },
    )
    _set_attribute(draft, "__pydantic_fields_set__", set(_DRAFT_FIELDS_SET))
    _set_attribute(draft, "__pydantic_extra__", None)
    _set_attribute(draft, "__pydantic_private__", None)
    return draft


_new_draft = object.__new__
_set_attribute = object.__setattr__
_DRAFT_FIELDS_SET = frozenset(
    _words("indicator value value_high unit change qualifier stretch kind year quote offset")
)


def _with_stretch(sentence: str, found: list[_Found]) -> list[_Found]:
    """``增长7%以上、力争达到8%``: a higher figure to strive for right after a floor is the floor's
    ``stretch``, not a target of its own (SPEC 2.2)."""
    kept: list[_Found] = []
    for item in found:
        floor = kept[-1] if kept else None
        if (
            floor is not None
            and floor.stretch is None
            and item.indicator == floor.indicator
            and item.quantity.unit == floor.quantity.unit
            and floor.quantity.qualifier in (None, "at_least", "approx")
            and item.quantity.value is not None
            and floor.quantity.value is not None
            and item.quantity.value > floor.quantity.value
            and _STRETCH_GLUE_RE.match(sentence, floor.quantity.end, item.quantity.start)
        ):
            floor.stretch = item.quantity.value
            floor.stretch_end = item.quantity.end
            continue
        kept.append(item)
    return kept


# --- Finding the quantities of a sentence.


def _quantities(
    sentence: str,
    found: list[NumberMention],
    rankings: list[NumberMention],
    zeros: list[NumberMention],
    national: bool = False,
) -> list[_Quantity]:
    """The sentence's quantities that are indicators; a figure the centre set is the jurisdiction's own
    only in a national document."""
    if not (found or rankings or zeros):
        return []
    quantities = [_Quantity(r.value, None, "位", None, r.start, r.end, True, r.scope) for r in rankings]
    quantities += [_Quantity(z.value, None, None, None, z.start, z.end) for z in zeros]
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
        quantity = _Quantity(
            mention.value, mention.value_high, mention.unit, mention.qualifier, mention.start, end
        )
        if mention.start > cited_from and _CITED_LEVEL_RE.search(sentence[: mention.start]):
            continue
        if _is_indicator_quantity(sentence, quantity):
            quantities.append(quantity)
    quantities = sorted(quantities, key=lambda q: q.start)
    return [q for i, q in enumerate(quantities) if not _is_modifier_count(sentence, q, quantities[i + 1 :])]


def _is_modifier_count(sentence: str, q: _Quantity, later: list[_Quantity]) -> bool:
    """``9条优势产业链企业产值增长30%``: a count inside the subject of another quantity of its clause."""
    if q.unit not in _COUNT_UNITS or not later:
        return False
    between = sentence[q.end : later[0].start]
    if (
        CLAUSE_BREAK_RE.search(between)
        or between[:1] in "、和及与"
        or "分别" in sentence[q.end : later[-1].start]
    ):
        return False
    in_clause = [r for r in later if not CLAUSE_BREAK_RE.search(sentence[q.end : r.start])]
    return any(r.unit not in _COUNT_UNITS for r in in_clause) or not re.search(r"[、和及与]", between)


def _qualifier_end(sentence: str, end: int) -> int:
    if sentence[end : end + 1] not in _QUALIFIER_FIRST:
        return end
    for word in ("左右", "以上", "以内", "以下", "上下", "多"):
        if sentence.startswith(word, end):
            return end + len(word)
    return end


_QUALIFIER_FIRST = frozenset("左以上多")


def _is_indicator_quantity(sentence: str, q: _Quantity) -> bool:
    """Drop dates, durations, list numbers, ordinals, slogans, work-item counts, cited and start values."""
    written = sentence[q.start : q.end]
    if q.unit in _EXCLUDED_UNITS and not (q.unit == "岁" and "寿命" in _clause_of(sentence, q)):
        return False
    if written[0] in CN_NUMERAL_CHARS and (
        not chinese_numeral_counts(_numeral_of(written), q.unit)
        or sentence[q.start - 1 : q.start] in _SEVERAL
    ):
        return False
    before = sentence[max(0, q.start - 8) : q.start]
    after = sentence[q.end : q.end + 6]
    if before.endswith(("第", "+", "＋")) or after[:1] in ("+", "＋"):
        return False
    if before.endswith("全国") and not _GAP_BEFORE_RE.search(before):
        return False
    if before.endswith("的") and _BENCHMARK_VALUE_RE.search(sentence[max(0, q.start - 24) : q.start]):
        return False  # ``比一九五七年的一千二百四十一亿元增长…``: the base of a comparison
    if _inside_short_quote(sentence, q.start) or (_START_VALUE_RE.match(after) and _FROM_RE.search(before)):
        return False
    if q.unit is None and not _unitless_allowed(sentence, q):
        return False
    if (
        before.endswith("投资")
        and _FUNDS_A_PROJECT_RE.match(after)
        and not (after[:1] in "，," and before.endswith(("完成投资", "累计投资")))
    ):
        return False  # ``投资4.8亿元实施了…工程``: what a named project costs (LABELLING.md)
    if q.unit == "%" and _INTERNAL_RATE_RE.search(sentence, max(0, q.start - 12), q.start):
        return False  # 办结率、满意率100%: how the government handled its own business
    if (q.unit in _COUNT_UNITS or q.unit == "万件") and (
        _WORK_ITEM_RE.match(after)
        or _INTERNAL_WORK_RE.search(_clause_of(sentence, q))
        or _WORK_NOUN_END_RE.search(_counted_noun(sentence, q))
    ):
        return False
    if after.startswith("的") and not (
        before.endswith(("总投资", "规模为")) and _NAMED_AFTER_RE.match(after) is None
    ):
        return False
    if after[:1] in "以" and after[1:2] == "上" and after[2:4] in ("项目", "企业", "的"):
        return False
    if _THRESHOLD_AFTER_RE.match(after):
        return False  # ``覆盖20万人口以上的县``: a class named by a threshold
    if _ONE_OBJECT_BEFORE_RE.search(before) or (_ONE_FUND_RE.search(before) and _FUND_AFTER_RE.match(after)):
        return False
    if q.unit in _PEOPLE_UNITS and _HONOURS_RE.search(_clause_of(sentence, q)):
        return False
    if q.unit in _COUNT_UNITS and _EXISTING_USED_RE.search(before):
        return False
    if (
        q.unit == "万"
        and (people := _PEOPLE_AFTER_RE.match(sentence, q.end))
        and _STOCK_BEFORE_RE.search(before)
    ):
        rest = _clause_of(sentence, q)[people.end() - clause_start(sentence, q.start) :]
        if not rest or rest[0] in "、。；" or _CITED_AS_CONTEXT_RE.search(rest):
            return False  # ``158万残疾人、``, ``承载着69万群众的殷切期盼``: no figure set or reported
    return not _is_threshold_in_name(sentence, q, after)


def _numeral_of(written: str) -> str:
    """The numeral characters at the head of a written quantity (``五十一个`` -> ``五十一``)."""
    return written[: len(written) - len(written.lstrip(CN_NUMERAL_CHARS))] or written


def _clause_of(sentence: str, q: _Quantity) -> str:
    start = clause_start(sentence, q.start)
    stop = CLAUSE_BREAK_RE.search(sentence, q.end)
    return sentence[start : stop.start() if stop else len(sentence)]


def _is_threshold_in_name(sentence: str, q: _Quantity, after: str) -> bool:
    """``50亿元以上项目``, ``超千万元企业``: the number qualifies a noun that is counted elsewhere."""
    head = after.lstrip("以上下的")
    if q.unit in ("万", "万人") and head[:1] in ("县", "市") and sentence.endswith(("超", "过"), 0, q.start):
        return True  # ``城区人口超50万县``: a class of counties, named by a threshold
    return q.unit in ("亿元", "万元", "元") and head.startswith(("项目", "企业", "的项目")) and bool(head)


def _unitless_allowed(sentence: str, q: _Quantity) -> bool:
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


# --- Tying quantities to indicators.


def _read_indicators(sentence: str, quantities: list[_Quantity]) -> list[_Found]:
    found: list[_Found] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        clause_begins = clause_start(sentence, q.start)
        previous = found[-1] if found else None
        anchor = clause_begins
        if previous and previous.quantity.end > clause_begins:
            anchor = previous.quantity.end
        prefix = sentence[anchor : q.start]
        fanout = _FANOUT_RE.search(prefix) or _paired_list(sentence, quantities, i, prefix, found)
        if fanout:
            group = _value_list(sentence, quantities, i)
            if len(group) > 1 or _SPLIT_SUBJECTS_RE.search(prefix[: fanout.start()]):
                found.extend(_fan_out(sentence, prefix, anchor, fanout, group, found))
                i += len(group)
                continue
        found.extend(_single(sentence, q, prefix, anchor, previous))
        i += 1
    for i, f in enumerate(found):
        if f.quantity.qualifier is None and _HEDGE_HEAD_RE.match(f.indicator):
            f.quantity = f.quantity._replace(qualifier="approx")  # ``大约损失工业总产值30亿元``
        written = f.indicator
        f.indicator = _clean_indicator(written)
        if not f.indicator and written:
            if i and found[i - 1].indicator:
                # ``…，计划的117%``: the measure just named (its plan's fulfilment)
                f.indicator = _base(found[i - 1].indicator) + (
                    "完成计划" if written.startswith("计划") else ""
                )
            elif named := _subject_in_clause_before(sentence, clause_start(sentence, f.quantity.start)):
                f.indicator = named[0]  # ``一九五八年的职工工资总额，计划安排为158亿元``
        verb = _CHANGE_VERB_HEAD_RE.match(f.indicator)
        if verb:
            # ``增加政府投资100亿元``: the verb is the change, not part of the name (``扩大…，由…增加到…``: a level)
            if f.change == "level" and not _LEVEL_BEFORE_NUMBER_RE.search(sentence, 0, f.quantity.start):
                f.change = "decline" if verb.group() in _DECLINE_HEADS else "growth"
            f.indicator = _clean_indicator(f.indicator[verb.end() :])
    _share_the_leading_verb(found, sentence)
    _carry_the_subject(found)
    return [f for f in found if f.indicator and not _is_work_item_count(f)]


def _is_work_item_count(found: _Found) -> bool:
    """``规划共设置主要指标26项``, ``取消行政审批事项200项``: a count of the government's own work items."""
    return found.quantity.unit in _COUNT_UNITS and bool(_WORK_ITEM_NAME_RE.search(found.indicator))


def _carry_the_subject(found: list[_Found]) -> None:
    """``国有及国有控股工业企业实现增加值1200亿元…；利润300亿元``: a bare measure takes the subject of the
    measure before it in the sentence, where that subject is an entity (企业, 园区, 行业 …)."""
    subject = ""
    for f in found:
        if f.indicator in _BARE_MEASURES and subject:
            f.indicator = subject + f.indicator
            continue
        measure = _ENTITY_MEASURE_RE.search(f.indicator)
        subject = f.indicator[: measure.start()] if measure else ""


def _balanced(indicator: str) -> str:
    """An indicator cut inside or after a quotation gets the mark it lacks: ``两重”项目`` -> ``“两重”项目``."""
    if not _ANY_PAIRED_MARK_RE.search(indicator):
        return indicator
    for opening, closing in _QUOTE_PAIRS:
        opened = indicator.count(opening) - indicator.count(closing)
        if opened > 0:
            indicator += closing * opened
        elif opened < 0:
            indicator = opening * -opened + indicator
    return indicator


@lru_cache(maxsize=8192)
def _clean_indicator(indicator: str) -> str:
    """The indicator without list and footnote marks (``②``, ``[5]``), stray quotes or a leading adverb of
    time (``去年``, ``再``); empty when what is left names no measure (a year, a start value ``由…``)."""
    previous = None
    while previous != indicator:
        previous = indicator
        indicator = _INDICATOR_EDGE_JUNK_RE.sub("", indicator)
        for stray in (_STRAY_HEAD_RE, _STRAY_TAIL_RE):
            stripped = stray.sub("", indicator)
            if stripped != indicator and len(stripped) < 2:
                return ""  # nothing but stray words (年内, 计划, 481家): no name of its own
            indicator = stripped
        indicator = _ACHIEVED_BEFORE_MEASURE_RE.sub("", indicator)
    if not indicator or _NOT_AN_INDICATOR_RE.match(indicator) or indicator.startswith(("百分之", "千分之")):
        return ""
    return _balanced(indicator)


def _share_the_leading_verb(found: list[_Found], sentence: str) -> None:
    """``新增A 1200家、B 73人``: the items of a list after 新增 (新建, 培育 …) are new ones too."""
    for first, later in itertools.pairwise(found):
        verb = _SHARED_VERB_RE.match(first.indicator)
        glue = sentence[first.quantity.end : later.quote_start]
        if (
            verb
            and _LIST_GLUE_RE.match(glue)
            and not _SHARED_VERB_RE.match(later.indicator)
            and not _OWN_VERB_RE.match(later.indicator)
            and (
                later.quantity.unit in _COUNT_UNITS
                and later.indicator
                and first.quote_start < later.quote_start < later.quantity.start
            )
        ):
            later.indicator = verb.group() + later.indicator


def _paired_list(
    sentence: str, quantities: list[_Quantity], first: int, prefix: str, found: list[_Found]
) -> re.Match[str] | None:
    """``A和B实际增长8.4%和11.4%``, ``A 15781元，B 4761元，实际增长8.4%和8%``: as many subjects as values,
    written before the verb or as the levels just read, pair up as a ``分别`` list would.

    Returns a zero-width match where the verb begins, standing in for the missing ``分别``.
    """
    following = quantities[first + 1] if first + 1 < len(quantities) else None
    if following is None or not _GLUE_RE.fullmatch(sentence, quantities[first].end, following.start):
        return None  # no list of values here: the common case, told cheaply
    verb = _ending(_PAIRED_VERB_RE, prefix, 6)
    if verb is None:
        return None
    group = _value_list(sentence, quantities, first)
    if len(group) < 2:
        return None
    subject = _subject_and_change(prefix[: verb.start()])[0]
    if not subject:
        earlier = [item for item in found if item.quantity.unit not in ("%", "个百分点")]
        return _ZERO_WIDTH.match(prefix, verb.start()) if len(earlier) >= len(group) else None
    subjects = _SPLIT_SUBJECTS_RE.split(subject)
    if len(subjects) != len(group) or not all(2 <= len(subject) <= 16 for subject in subjects):
        return None
    return _ZERO_WIDTH.match(prefix, verb.start())


def _value_list(sentence: str, quantities: list[_Quantity], first: int) -> list[_Quantity]:
    group = [quantities[first]]
    for q in quantities[first + 1 :]:
        glue = sentence[group[-1].end : q.start]
        if not _LIST_GLUE_RE.match(glue) or q.ranking != group[0].ranking:
            break
        group.append(q)
    unit = group[-1].unit
    qualifier = group[-1].qualifier
    fixed = []
    for q in group:
        own_unit = q.unit if q.unit and unit and not unit.startswith(q.unit) else unit
        fixed.append(
            _Quantity(
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


def _single(sentence: str, q: _Quantity, prefix: str, anchor: int, previous: _Found | None) -> list[_Found]:
    if q.ranking:
        return [_ranking_target(sentence, q, anchor, previous)]
    prefix = _HEDGE_TAIL_RE.sub("", prefix)  # ``增加了約32％``: the hedge is the qualifier's, read already
    compare = _ending(_COMPARE_RE, prefix, 48) or _ending(_GAP_RE, prefix, 12)
    head = prefix[: compare.start()] if compare else prefix
    subject, change = _subject_and_change(head)
    subject_start = anchor + prefix.find(subject) if subject else q.start
    if compare:
        if (change == "growth" and head.rstrip().endswith("增速")) or head.rstrip().endswith("增速有望"):
            subject += "增速"
        return [_compared(q, subject, subject_start, compare, previous)]
    counted = _counted_noun(sentence, q)
    if counted and (change == "level" or not subject):
        return [_Found(_counted_indicator(prefix, counted), q, "level", subject_start)]
    if not subject:
        if previous:
            return [_inherited(q, change, previous)]
        named = _subject_in_clause_before(sentence, anchor)
        return [_Found(named[0], q, change, named[1])] if named else []
    if subject.startswith("占") and previous:
        subject = _base(previous.indicator) + subject
    if previous and _MULTIPLE_OF_A_YEAR_RE.match(subject):
        subject = _base(previous.indicator) + subject + "的"  # ``…，是2006年的3.6倍``
    if subject == "人均" and previous:
        # ``地区生产总值达到110亿元、人均达到4.6万元``
        base = _base(previous.indicator)
        subject = base if "人均" in base else "人均" + base
    if _is_clipped_subject(subject) and previous:
        return [_inherited(q, change, previous)]
    if prefix.lstrip("，、 ").startswith("其中") and change == "level" and previous:
        change = previous.change if q.unit == previous.quantity.unit else change
    category = subject.rfind("等")
    if category >= 0 and _SPLIT_SUBJECTS_RE.search(subject[:category]) and len(subject) - category > 2:
        subject, subject_start = subject[category + 1 :], subject_start + category + 1  # ``A、B等新兴产业``
    parts = [subject] if _JOINED_NAME_RE.search(subject) else _SPLIT_SUBJECTS_RE.split(subject)
    if any("的" in part for part in parts[1:]):
        parts = [subject]  # ``社会物流总费用与GDP的比率``: a relation of the two, one measure
    if 1 < len(parts) <= 4 and q.unit in ("%", "个百分点") and all(2 <= len(p) <= 12 for p in parts):
        return [_Found(part, q, change, subject_start) for part in _share_heads(parts)]
    return [_Found(_clip(subject), q, change, subject_start, follows_growth=change == "growth")]


def _subject_in_clause_before(sentence: str, anchor: int) -> tuple[str, int] | None:
    """``包括在国家计划以内的职工总数，将达到…``: a clause of its own that names the subject of the next."""
    if anchor <= 1 or sentence[anchor - 1] not in "，,":
        return None
    start = clause_start(sentence, anchor - 1)
    if dated := _DATED_OPENING_RE.match(sentence, start, anchor - 1):
        start = dated.end()  # ``一九五八年的职工工资总额，…``
    clause = sentence[start : anchor - 1]
    if not 2 <= len(clause) <= 24 or _ANY_DIGIT_RE.search(clause) or not _NOUN_END_CHAR_RE.search(clause):
        return None
    subject = _subject_and_change(clause)[0]
    subject = subject[subject.rfind("的") + 1 :] if len(subject) > 8 else subject
    return (subject, start + clause.find(subject)) if len(subject) >= 2 else None


def _counted_indicator(prefix: str, counted: str) -> str:
    """The indicator of ``新建408个村组停车场``-like counts: the counted noun, with what makes it specific."""
    stripped = prefix.rstrip()
    if stripped.endswith("了") and len(stripped) >= 3:
        return stripped[-3:-1] + counted
    scale = re.search(r"(总投资|总规模|规模)为?$", stripped)
    if scale:
        return counted + scale.group(1).removeprefix("总")
    return counted


def _is_clipped_subject(subject: str) -> bool:
    clipped = ("增速", "比重", "占比", "增幅", "总量", "总额")
    return len(subject) <= 1 or subject in clipped or bool(_SPAN_OF_YEARS_RE.match(subject))


def _inherited(q: _Quantity, change: Change, previous: _Found) -> _Found:
    indicator = previous.indicator
    if change == "level" and q.unit == "%" == previous.quantity.unit and previous.change == "growth":
        change = "growth"  # ``增长7%以上、力争达到8%``: the higher aim is a growth rate too
    if q.unit == "个百分点" and previous.change == "growth" and previous.quantity.unit == "%":
        indicator = _base(indicator) + "增速"
    elif q.unit == "%" and previous.quantity.unit != "%" and change == "growth":
        indicator = _base(indicator)
    return _Found(indicator, q, change, previous.quote_start)


def _compared(
    q: _Quantity, subject: str, subject_start: int, compare: re.Match[str], previous: _Found | None
) -> _Found:
    bench = compare.group("bench")
    direction = compare.group("dir").removesuffix("了").replace("長", "长")
    base = subject or (previous.indicator if previous else "")
    if previous and not subject:
        if q.unit == "个百分点" and previous.change == "growth":
            base = _base(previous.indicator) + "增速"
        subject_start = previous.quote_start
    if _TIME_BENCH_RE.search(bench):
        change: Change = "decline" if direction in ("低", "少", "下降", "减少", "降低", "回落") else "growth"
        return _Found(base, q, change, subject_start)
    higher = direction in ("高", "高出", "高于", "快于", "多", "提高", "增长", "增加", "上升")
    word = "高于" if higher else "低于"
    return _Found(f"{base}{word}{bench.strip('的')}", q, "level", subject_start)


def _ranking_target(sentence: str, q: _Quantity, anchor: int, previous: _Found | None) -> _Found:
    """``GDP总量居全国第10位`` -> ``GDP总量全国位次``: the subject, the field it is ranked in, ``位次``."""
    prefix = sentence[anchor : q.start]
    if sentence[q.end - 1] == "大":
        noun = re.match(r"[^，。；、,;]{1,10}", sentence[q.end :])
        if noun:
            return _Found(_rank_name(noun.group(), q.scope or ""), q, "level", q.start)
    head, field = _rank_head_and_field(prefix, q.scope)
    bare = _RANK_SUBJECT_TAIL_RE.sub("", head.strip("，、, "))
    subject = (
        bare if bare in _CLIPPED_MEASURES else _RANK_SUBJECT_TAIL_RE.sub("", _subject_and_change(head)[0])
    )
    if previous and (not subject or subject in _CLIPPED_MEASURES):
        # ``GDP总量居全国第10位，增速排名全国第3``: the subject before, with this clause's measure
        base = _MEASURE_TAIL_RE.sub("", _base(previous.indicator)) if subject else _base(previous.indicator)
        if not subject and previous.change == "growth" and previous.quantity.unit == "%":
            subject = "增速"  # ``增速6.3%，排名全市第2``: the rank of the growth rate
        return _Found(_rank_name(base + subject, field), q, "level", previous.quote_start)
    start = anchor + prefix.find(subject) if subject else q.start
    return _Found(_rank_name(_clip(subject), field) if subject else "", q, "level", start)


def _rank_head_and_field(prefix: str, scope: str | None) -> tuple[str, str]:
    """The subject ranked and the field it is ranked in: ``…结算量连续多年稳居西部和边境省区`` ->
    (``…结算量``, ``西部和边境省区``); the field is ``全国``, ``全省`` … where the text names one."""
    verb = max(_RANK_VERB_RE.finditer(prefix), key=lambda match: match.start(), default=None)
    if verb is None:
        return _strip_ranking_words(prefix), scope or ""
    field = prefix[verb.end() :].strip("，、 ")
    if not field or len(field) > 10 or _SPLIT_SUBJECTS_RE.fullmatch(field[:1] or "x"):
        field = scope or ""
    return prefix[: verb.start()], field


def _rank_name(subject: str, field: str) -> str:
    subject = _RANK_SUFFIX_RE.sub("", subject)
    return f"{subject}{field}位次" if subject else ""


def _strip_ranking_words(prefix: str) -> str:
    return re.sub(
        r"(?:排名|排|位居|位列|跃居|居|并列|蝉联|稳居|有望|成为|全[国省市州区县]|全球|世界)+$", "", prefix
    )


def _counted_noun(sentence: str, q: _Quantity) -> str:
    unit = q.unit.removeprefix("万") if q.unit and len(q.unit) > 1 else q.unit
    if unit not in _COUNT_UNITS and q.unit not in ("万", "万人", "万人次", "万元", "亿元", "万亩", "成"):
        return ""
    rest = sentence[q.end :].removeprefix("的")
    if rest.startswith("大关"):
        return ""  # ``迈上10亿元大关``: a milestone of the indicator before it, not a thing counted
    stop = _COUNTED_STOP_RE.search(rest)
    noun = rest[: stop.start()] if stop else rest
    return _clip(noun.strip()) if len(noun) >= 2 else ""


def _subject_and_change(prefix: str) -> tuple[str, Change]:
    """The indicator written before a number, and the change its verb says."""
    text = prefix.strip().lstrip("，、,")
    change: Change = "level"
    verb_found = False
    text = _cut_ending(_REACHED_AFTER_A_CHANGE_RE, text, 3)
    text = text.removesuffix("了")
    price_rate = _ending(_PRICE_RATE_RE, text, 16)
    if price_rate:
        # ``居民消费价格涨幅3%左右``: the rate is the indicator and the value its level (LABELLING.md).
        text = text[: price_rate.end("rate")]
        verb_found = True
    for _ in range(6):
        before = text
        text = _cut_ending(_TRAILING_FILLER_RE, text, 16)
        if not verb_found:
            if text.endswith(_GROWTH_VERBS) and not _ending(_LEVEL_VERB_RE, text, 8):
                change = "growth"
                text = _strip_suffixes(text, _GROWTH_VERBS)
                verb_found = True
            elif text.endswith(_DECLINE_VERBS) and not _ending(_LEVEL_VERB_RE, text, 8):
                change = "decline"
                text = _strip_suffixes(text, _DECLINE_VERBS)
                verb_found = True
        level = _ending(_LEVEL_VERB_RE, text, 8)
        if level:
            text = text[: level.start()]
            verb_found = True
        if text == before:
            break
    text = _START_VALUE_TAIL_RE.sub("", text)
    text = _LEADING_FILLER_RE.sub("", text)
    text = text.removesuffix("的").strip("，、,“” ")
    return text, change


def _ending(pattern: re.Pattern[str], text: str, longest: int) -> re.Match[str] | None:
    """``pattern`` (anchored with ``$``) matched at the end of ``text``, looking only at its last ``longest``
    characters: the anchored alternations are tried at every position otherwise, in every prefix read."""
    return pattern.search(text, max(0, len(text) - longest))


def _cut_ending(pattern: re.Pattern[str], text: str, longest: int) -> str:
    found = _ending(pattern, text, longest)
    return text[: found.start()] if found else text


def _strip_suffixes(text: str, suffixes: tuple[str, ...]) -> str:
    for suffix in sorted(suffixes, key=len, reverse=True):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _clip(indicator: str) -> str:
    return indicator[-_MAX_INDICATOR:]


def _base(indicator: str) -> str:
    """The subject of an indicator made from another: without ``位次`` and its field, or ``增速``."""
    ranked = _RANK_SUFFIX_RE.search(indicator)
    if ranked:
        return indicator[: ranked.start()]
    return indicator.removesuffix("增速")


# --- 分别 lists.


def _fan_out(
    sentence: str,
    prefix: str,
    anchor: int,
    fanout: re.Match[str],
    group: list[_Quantity],
    found: list[_Found],
) -> list[_Found]:
    subject_text, _ = _subject_and_change(prefix[: fanout.start()])
    verb_text = prefix[fanout.end() :]
    compare = _GAP_RE.search(verb_text) or re.search(r"(?P<dir>高于|低于)(?P<bench>.*)$", verb_text)
    _, change = _subject_and_change(verb_text or prefix[: fanout.start()])
    extra = _verb_object(verb_text)
    start = anchor + max(prefix.find(subject_text), 0) if subject_text else anchor
    previous_clause = clause_start(sentence, anchor - 1) if anchor > 0 else 0
    if not subject_text and anchor > 0 and (not found or found[-1].quantity.end <= previous_clause):
        start = previous_clause
        subject_text, _ = _subject_and_change(sentence[start : anchor - 1])
    subjects = _split_subjects(subject_text, len(group))
    if subject_text.startswith("占") and len(found) >= len(group):
        # ``A、B增加值分别增长…，占规模以上工业比重分别提高到…``: the shares of the measures just named
        subjects = [_base(item.indicator) + subject_text for item in found[-len(group) :]]
    if not subject_text:
        earlier = [f.indicator for f in found if f.quantity.unit not in ("%", "个百分点")] or [
            f.indicator for f in found
        ]
        subjects = (
            earlier[-len(group) :] if len(earlier) >= len(group) else [s for s in earlier[-1:]] * len(group)
        )
        start = found[-len(group)].quote_start if len(found) >= len(group) else anchor
        if compare and found:
            subjects = _benchmarks(found[-1], compare.group("bench"), len(group))
            start = found[-1].quote_start
    elif compare:
        word = compare.group("dir")
        bench = compare.group("bench")
        subjects = [f"{s}{word}{bench}" for s in subjects]
    if len(group) == 1:
        group = group * len(subjects)
    field = _rank_head_and_field(verb_text, group[0].scope)[1] if group[0].ranking else ""
    results = []
    for subject, q in zip(subjects, group, strict=False):
        indicator = subject + extra if extra and not compare else subject
        if q.ranking:
            indicator = _rank_name(_RANK_SUBJECT_TAIL_RE.sub("", indicator), field)
        results.append(_Found(_clip(indicator), q, "level" if compare else change, start))
    return results


def _benchmarks(previous: _Found, bench: str, count: int) -> list[str]:
    base = _base(previous.indicator) + ("增速" if previous.change == "growth" else "")
    places = re.findall(r"全[国省市州区县]|[^全、和]{2,4}", bench)
    if len(places) != count:
        places = [bench] * count
    return [f"{base}高于{place}" for place in places]


def _verb_object(verb_text: str) -> str:
    match = re.match(r"(?:完成|实现|新增|引进)([^\s，。；0-9]{2,6})$", verb_text)
    return ("完成" if verb_text.startswith("完成") else "") + match.group(1) if match else ""


def _split_subjects(subject_text: str, count: int) -> list[str]:
    parts = [_LEADING_COUNT_RE.sub("", p) for p in _SPLIT_SUBJECTS_RE.split(subject_text) if p]
    if count == 1 and 1 < len(parts) <= 4:
        return _share_heads(parts)
    if len(parts) == count:
        return _share_heads(parts)
    if len(parts) * 2 == count:
        pairs = [pair for part in parts if (pair := _expand_pair(part)) is not None]
        if len(pairs) == len(parts):
            return [name for pair in pairs for name in pair]
    if len(parts) == 1 and count == 2:
        pair = _expand_pair(parts[0])
        if pair:
            return list(pair)
    return [subject_text] * count


def _expand_pair(subject: str) -> tuple[str, str] | None:
    for compound, (first, second) in _COMPOUND_PAIRS:
        if compound in subject:
            return subject.replace(compound, first, 1), subject.replace(compound, second, 1)
    return None


def _share_heads(parts: list[str]) -> list[str]:
    """``第一、二、三产业`` -> 第一产业, 第二产业, 第三产业; ``农药、化肥使用量`` -> 农药使用量, 化肥使用量;
    ``单晶硅、电解铝产能`` -> 单晶硅产能, 电解铝产能."""
    last = parts[-1]
    measure = _SHARED_MEASURE_RE.search(last)
    if (
        measure
        and len(last) > len(measure.group()) + 1
        and all(len(p) >= 3 and not _HAS_MEASURE_RE.search(p) for p in parts[:-1])
    ):
        parts = [p + measure.group() for p in parts[:-1]] + [last]
    shared = []
    for part in parts[:-1]:
        core = part.removeprefix("第")
        if len(core) <= 2 and len(last) > len(core) + 1:
            ordinal = "第" if parts[0].startswith("第") and not part.startswith("第") else ""
            shared.append(ordinal + part + last.removeprefix("第")[len(core) :])
        else:
            shared.append(part)
    ordinal = "第" if parts[0].startswith("第") and not last.startswith("第") else ""
    return [*shared, ordinal + last]


def indicator_and_change(prefix: str) -> tuple[str, Change]:
    """The indicator written before a number and the change its verb says (``地区生产总值增长`` ->
    ``地区生产总值``, growth): what the model backend derives from a quote instead of asking for it."""
    return _subject_and_change(prefix)
