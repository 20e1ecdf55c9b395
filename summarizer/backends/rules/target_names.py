"""Naming the measured thing: the indicator written before a number and the change its verb says,
without the words that are no part of a name (hedges, time words, list marks, fillers); ranks and lists of subjects."""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.backends.rules.pattern_ends import may_end_a_match
from summarizer.models import Change
from summarizer.years import YEAR


def words(text: str) -> list[str]:
    return text.split()


_INDICATOR_EDGE_JUNK_RE = re.compile(
    rf"^(?:[①-⑳]|[\[［〔(（][0-9０-９]{{1,2}}[\]］〕)）]|[“”\"‘’、，,]|去年|今年|明年|再|又|还|也|都|{YEAR}(?:末|底)?的?|的(?=..)"
    # ``到年底``, ``到2025年``: the time the figure is reached by; a particle or a verb of intent or cause
    rf"|到了?(?={YEAR}|年底|年末|今年|去年|明年|本年)|了(?!解)(?=..)|已经(?=..)|已(?![批经建])(?=..)|把|使(?!用)(?=..)|将(?![军乐])(?=..)"
    r"|可(?:以)?(?:有效|直接)?(?=为|少用|节约|提供|带动|部分|增加|减少)"
    # the letters of a unit the number before was written in (``20万P、智算规模``)
    r"|[A-Za-z]{1,6}(?=[、，,]))+"
    r"|(?:[\[［〔][0-9０-９]{1,2}[\]］〕]|[“”\"‘’、，,])+$"
)
# A note's mark inside a name (``“专精特新”[4]中小企业``, ``乡村薄弱学校〔11〕改造提升``): the mark of an annotation
# the report appends, no part of the name.
_NOTE_MARK_INSIDE_RE = re.compile(r"\s?[\[［〔]\s?[0-9０-９]{1,2}\s?[\]］〕]")
_NOTE_MARK_END_RE = re.compile(r"\s?[\[［〔]\s?[0-9０-９]{1,2}\s?[\]］〕]$")
# A space a scraped text puts around digits and marks (``10 人以上``), none between two Latin words.
_STRAY_SPACE_RE = re.compile(r"[ \u3000]+(?![A-Za-z])|(?<![A-Za-z])[ \u3000]+")
# Words that are no part of a measure's name where they open it: a hedge, a time word, a count of the
# subject (``23个产业类项目完成投资``), a list marker, a conjunction, ``计划``, a verb of intent.
_STRAY_HEAD_RE = re.compile(
    r"^(?:大约|大概|大約|约(?!束)|約|将近|接近|近(?![岸海郊亲代期])"
    r"|年内|年底前?|年末|今年|明年|全年|当年|目前|届时|截至目前|上半年|下半年|同期|近年来|这五年|五年来"
    r"|[0-9０-９]+(?:\.[0-9]+)?(?:个|家|项|条|所|座|名|批|户)(?![0-9０-９”])"
    r"|[一二三四五六七八九十两]+(?:个|家|项|条|所|座|批)(?!”)"
    r"|第?[一二三四五六七八九十]+是|[（(][一二三四五六七八九十0-9]{1,3}[)）]|第[一二三四五六七八九十]+[，、]"
    r"|[0-9]{1,2}[.、．](?![0-9])"
    r"|和(?!美)|及(?!时)|并(?![购网联])|而|但(?!凡)|且|同时|以及|其中|另外|此外|加上|或(?!者)"
    r"|计划(?:规定|安排|要求)?|力争|确保|争取|争创|深挖|努力|预计|估计|拟"
    # Verbs that only say a thing was listed, carried out or got (LABELLING.md 4), a manner, a span of years.
    r"|谋划实施|谋划(?!建设)|推进(?=[^，]*项目$)|撬动|(?:过去)?[两三四五十]年(?:全[国省市县区州]|(?=新增|累计|中央|省级|市级|县级))|铺排(?:落实)?|实施(?![方细意])|列入|开展|共取得|取得的?|共(?![享同青建商有])|为此"
    r"|(?:过去)?[两三四五六七八九十]年(?:来|间|中(?!央)|内)(?:全[国省市县区州])?|[0-9０-９]{1,2}(?:[、和][0-9０-９]{1,2})*月份?"
    # a span of years or a plan's period summed (LABELLING.md 4: ``两年粮食产量`` -> 粮食产量), a quarter
    r"|(?:今后|过去|近|这)?[两三四五六七八九十]年(?:共|累计|合计[的在]?)?"
    r"(?!计划|规划|行动|义务|制|一遇|以上|以下|期|级|前|后|左右|多|时间|攻坚|专项|来|间|中|内|的|[^“”]*”)(?=[^，]{2})"
    r"|这一年|(?:第[一二三四五六七八九十]个)?五年(?:计划)?期间|“?[六七八九十][一二三四五]?五”?(?:计划|规划)?期间"
    r"|第?[一二三四]季度"
    # a limiting adverb or a frame of the sentence (``仅中央财政…``, ``虽然1956年…``), the speaker's own country
    r"|仅(?!限)|单是|只是|只要|只(?=[^，]{2})|例如|尽管|虽然|但是|然而|我(?:国|省|市|县|区)(?=..)"
    r"|(?:高标准|高质量|高水平)(?=实现|建设|完成|推进|打造|建成)"
    # an adverb, a modal or a frequency that opens the clause (``就开垦荒地``, ``每年能够出产…``, ``至少为国家节约``)
    r"|就(?![业医学读地近餐诊])(?:将|能够|能|可以|可|要|需要|需)?(?=..)|(?:还|也)?(?:应该|应当|能够|可以)(?=..)|至少(?=..)"
    r"|能(?=增产|生产|出产|制造|节约|增加|减少|提供|带动|新增)|每年(?!平均)(?=..)"
    # a manner or means that opens the clause (``因地制宜新建…``, ``通过各种方式使用国外贷款``, ``有效拉动消费``)
    r"|因地制宜|(?:通过|以)各种(?:形式|方式|渠道)的?|按一年计|有效(?=治理|拉动|带动|化解|降低|减少|解决)"
    # a scope, a warrant or a listing that opens the clause (``全域推广洁净煤``, ``依法征收``, ``争列省市重点项目``)
    r"|全域(?=推广|推进|推行|实施|开展|治理|整治|创建|清理)|依法(?=完成|征收|拆除|取缔|关停|清理|处置|化解|查处|收回)|争列"
    r"|[省市县]定(?=造林|绿化|植树)"
    # the money a piece of work cost, said before it (``投资5.67亿元新建改造农村公路124公里``): another figure
    r"|总?投资[0-9０-９.．]+[万亿]?元(?=(?:新建|改建|扩建|改造|实施|建设|修建|铺设|治理|整治|打造)[^，的]{2})"
    # 完成 before the verb of the work done: one flow verb at most (``完成打造省级和美乡村``)
    r"|完成(?=打造|建设|新建|改造|创建|培育))"
)
# ``预算安排``, ``拟安排`` only say the money or the projects were allocated, as 实施/列入 say they were carried out
# (LABELLING.md 4): ``中央财政拟安排“三农”投入`` -> ``中央财政“三农”投入``. Placing people in jobs (安排就业) is a
# measure, and ``安排的`` opens a clause that defines the thing (``国家统一安排的引进技术``).
_ALLOCATED_RE = re.compile(r"(?<!新增)(?:统筹|预算|每年|将|拟|再|共|计划)*安排(?!的|就业(?:的|人|$))")
# The verb by which a plan or budget sets a figure (``国家预算规定经济建设支出``, ``第一个五年计划规定工业总产值``): out,
# with the plan that is only the figure's frame (judged round 4242); the budget stays.
_PRESCRIBED_RE = re.compile(
    r"^(?:第[一二三四五六七八九十]个)?五年计划所?规定的?(?=..)|(?<=^国家预算)规定(?=..)|^规定的?(?=..)"
)
# Being first in the country or province (``林草产业总产值在全国率先突破万亿元``): how the figure was reached.
_FIRST_IN_THE_FIELD_RE = re.compile(r"(?<=..)(?:在全[国省市区])?率先(?:破[亿万千百])?$")
# A span of years summed (``五年合计``) is a time word inside the name (LABELLING.md 4: 两年粮食产量 -> 粮食产量).
# ``有`` after a word of frequency (``平均每年有财政赤字``): no part of the name.
_HAS_INSIDE_RE = re.compile(r"(?<=每年|平均|每月|每天|年均)有(?=..)")
# A listing verb after 累计 (``累计推进京津冀协同发展合作项目``): the projects listed, both words out (LABELLING.md 4).
_LISTED_INSIDE_RE = re.compile(r"^累计(?:推进|实施|谋划|铺排|列入)(?=[^，]{2,}项目$)")
# The count of a list's examples before the word that names them (``…增幅等5项指标``): the name is ``…等指标``.
_COUNT_OF_EXAMPLES_RE = re.compile(r"(?<=等)[0-9０-９]+[项个类](?=指标)")
_SPAN_SUMMED_RE = re.compile(
    r"(?:第[一二三四五六七八九十]个)?(?<![一二三四五六七八九十])[两三四五六七八九十]年合计[的在]?"
)
# A time word inside a name (``白桦林温泉谷全年接待人数``, ``…支出占本年预算支出``): the year's figure, the word no
# part of the name.
_TIME_INSIDE_RE = re.compile(
    r"(?<=..)(?<![一二三四五六七八九十两0-9０-９前近])(?:全年|年内)(?=..)|(?<=..占)(?:本年度?|当年|今年)(?=[^，]{2})"
)
# A limiting adverb inside a name, before its verb (``全国社会商品零售总额只完成原定计划``, ``…当年就增加支出``).
_ADVERB_INSIDE_RE = re.compile(
    r"(?<=..)(?:(?:也就|就|却|只|已经|已)(?=占|佔|完成|征收|生产|修建|需|增加|减少|节约|开垦|节减|达到|有|投入|建成)"
    r"|早日(?=投产|建成|开工|竣工|达产|投用|运营))"
)
# ``服装业完成产值``, ``开发区完成主营业务收入``: the measure of the industry, the verb no part of it (not 完成投资,
# the name of the measure of projects).
_ACHIEVED_BEFORE_MEASURE_RE = re.compile(
    r"(?<=.)(?:实现|完成)(?=增加值|利润|利税|总产值|产值|营业收入|主营业务收入|销售收入|营收|税收|转移就业)"
)
_STRAY_TAIL_RE = re.compile(
    r"(?:(?<![前于比较])第?[一二三四]季度|拟定|历史性|(?:近年来)?(?:首次)?(?:实现|出现)了?“?双(?:下降|降|提升|增长)?”?|却|也就|(?<!成)就|大约|大約|約|将近|接近|估算|估计|预计|只|仅|合计|共计|总共|超额|、总数|、总量|(?:都|均)?(?<![现存所])(?:在|于)|(?:拟|将|还将|再|还|分别)?(?:计划)?安排|分别|(?<![自理缘事])由(?:原定|原来|原先|上年|去年|上一年|前[两三四五]年)?"
    r"|(?<=..)(?:稳步|有序|加快|加速|全面|扎实|深入|按期|积极|顺利|持续)推进"
    # a span of years before the verb of change (``高新技术企业5年增加``), a second verb of putting to use
    r"|(?<=..)(?<![0-9０-９一二三四五六七八九十〇○零两百上个第年近明去今后])(?<!过去)(?:[0-9０-９]{1,2}|[两三四五六七八九十])年(?:来|间|内)?(?:累计|共|合计)?"
    r"|(?<=..)并(?:投用|投运|投入使用|投入运营|建成投用)"
    # the task that frames a measured piece of work (``农村改厕任务3500户``, ``…绿化任务1.47万亩``; judged round 7777)
    r"|(?<=..)(?<=改造|治理|绿化|造林|改厕|脱贫|征迁|管控|棚改|退出|提升)任务"
    # another figure of the subject said before this one (``举办大型活动2295场、增长25.8%``)
    r"|(?<=[^0-9０-９]{2})(?<![每的])[0-9０-９]+(?:[.．][0-9０-９]+)?万?(?:多|余)?(?:场次|场|个|家|项|人次|次|座|条|所|户|人))$"
)
_ANY_PAIRED_MARK_RE = re.compile("[“”《》（）‘’「」]")
_QUOTE_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("‘", "’"), ("「", "」"))
_NOT_AN_INDICATOR_RE = re.compile(
    rf"^(?:(?:到|在|至)?{YEAR}(?:末|底|初)?|新?[（(][改扩续新、]{{1,5}}[)）]建|(?:由|从(?!业)|比|较).*|(?:我们|我国这样|这样|这个|那个|这些|那些).*|.)$"
)
COUNT_UNITS = frozenset(words("个 家 项 件 条 所 座 名 户 人 处 台 套 辆 张 间 口 头 只"))
_GROWTH_VERBS = tuple(
    words(
        "增长 增加 提高 提升 上升 回升 上涨 涨幅 增速 增幅 增长率 扩大 加快 多增 增产 递增 平均每年递增 微涨 微增 增長 增長率 遞增 净增 净增加 调高 上调"
    )
)
_DECLINE_VERBS = tuple(
    words("下降 降低 减少 压减 缩减 下调 回落 缩小 压缩 减 降 递减 微降 减量 減少 減 净减 净减少 调低")
)
_LEVEL_VERB_RE = re.compile(
    r"(?:控制在|保持在|稳定在|维持在|提高到|提高至|调高到|调高至|调整到|调整为|调低到|调低至|增加到|增加至|上升至|上升到|回升至|回升到|缩小至|缩小到|下降至|"
    r"下降到|降至|降到|压缩至|压缩到|缩短至|缩短到|提升至|提升到|扩大到|扩大至|达到|达|達到|達|为|是|完成|实现|突破|超过|"
    r"占|至|到|逾|不低于|不少于|不超过|不到|低于|仅|创历史新高|保持|稳定|新增|累计|总计|合计|"
    r"增至|增到|升至|升到|恢复至|恢复到|重回|迈上|跨上|跨过|跨越|迈过|跃上|跃升至|达至|收到|发展到|(?<![国所拥具])有)$"
)
_TRAILING_FILLER_RE = re.compile(
    r"(?:分别|平均值|(?<!人)均值|(?<!人)均|都|双双|接连|相继|先后|陆续|一举|同比|有望|平均|年均|继续|持续|进一步|力争|确保|争取|要|将|预计|全年|已|已经|仅|共|总|仍|"
    r"时隔[0-9]+年|连续[0-9一二三四五六七八九十两]+个?[月年季]|连续|较年初|比去年|比上年|稳步|大幅|快速|明显|显著|首次|再次|逐步|每年|"
    r"按可比口径|可比|全部|全面|同比分别|也|还|更|拟按|按|拟|实际|名义|要求|同口径|就|超|将近|接近|近|(?<![签节预制履缔合特公契集简违解续毁邀])约|大约|"
    r"现在的?|每人每年|每人每月|每人|每年|每月|的预期目标|预期目标|的目标|目标|预期|计划|又|再|统一|仍然|"
    # a year, with the 比/较 that made it the base of the change (``工业总产值比1956年增长``: no ``工业总产值比``)
    r"(?:[比较較]\s?)?(?:(?:19|20)[0-9]{2}\s?年|[１２][０-９]{3}年|[一二][〇○零一二三四五六七八九]{3}年)(?:末|底|同期)?"
    r"|(?:前|连续|第一个)?[两三四五十]年(?:来|间|内)?|应该|应当|(?<![供效响适反对相])应|大体上|大约|可以|(?<![许认])可|能够|(?<![产动功效性储技节势风热电核阳体智职光潜用耗赋运蓄])能)$"
)
_LEADING_FILLER_RE = re.compile(
    r"^(?:[、和及与并而但且要将即亦的使把]|对(?!外|[^，。；]*贡献)|在(?![园校读建岗职册线营库])|到了|已经有|已有|共有|还有|拟安排|"
    r"(?:党中央|中央|国务院|省委|市委|州委|县委|区委|会议|我们)?(?:提出|确定|明确)|拟|其中|目前|现有|当前|截至|已经|同时|此外|以及|预计|力争|确保|争取|实现|完成|推动|推进|促进|加快|持续|努力|"
    r"重点(?!项目|工程|企业|人群|产业|行业|领域|区域|地区|流域|实验室|园区|景区|河湖|单位|镇|村)|全面|着力|突出|帮助|主要|年度|全年|今年|明年|后年|今后|未来|期间|到?(?:19|20)[0-9]{2}年(?:末|底)?|"
    r"扣除(?:物价|价格)[^，。；]{0,4}因素(?:后)?|按可比价格计算|按可比口径计算|初步核算|初步统计|据初步统计|初步预计|"
    r"(?:比|较|較)(?:上年|去年|同期|上一年|(?:19|20)[0-9]{2}年(?:末|底)?)|(?:比|较|較)$|"
    r"“?十[一-九]五”?(?:末|期间)?|[0-9]+[—\-－~至到][0-9]+月|前[一二三0-9]季度|上半年|我[市州区县省国]|"
    r"全[市州区县省国]|本[市州区县省])+"
)
_REACHED_AFTER_A_CHANGE_RE = re.compile(r"(?<=[长加高升降少])(?:达到|达)$")
_PRICE_RATE_RE = re.compile(r"(?P<rate>价格(?:总水平)?涨幅)(?:控制在|保持在|为|在|是)?(?:[^，。；]{0,2})$")
_START_VALUE_TAIL_RE = re.compile(
    r"[从由][^从由，；]*(?:[0-9０-９]|[一二三四五六七八九十两][百千万亿]|[百千]分之)[^从由，；]*$"
)
_LEADING_COUNT_RE = re.compile(r"^[0-9]+[个家项条所座名]")
# The marks that join the items of a list of subjects, not the 及, 和, 与 inside a word (``普及率``, ``及时``,
# ``65岁及以上``, ``和美乡村``, ``参与率``).
_JOINS = r"、|(?<![普涉惠危波顾遍触提以])及(?!时|以[上下])|和(?![美谐])|(?<![参给])与"
SPLIT_SUBJECTS_RE = re.compile(_JOINS)
# Items of a list of subjects; quoted names may follow each other unmarked (``“乌—昌—石”“奎—独—乌”区域``).
_SPLIT_LISTED_RE = re.compile(rf"{_JOINS}|(?<=”)(?=“)")
_COMPOUND_PAIRS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("城乡居民", ("城镇居民", "农村居民")),
    ("城乡", ("城市", "农村")),
    ("存贷款", ("存款", "贷款")),
    ("进出口", ("出口", "进口")),
)
_COUNTED_STOP_RE = re.compile(
    r"[，。；、：,;:（(]|[0-9]+(?:\.[0-9]+)?\s?[个家项条所座名户人万亿元%]|[和及与](?=[0-9])|分别|全面|全部|均|得到|实现|完成|的基础|中有|同时|顺利|正在|相继|先后|已|建成|"
    r"上半年|下半年|年内|年底前|今年|全年|进度"
    # what money is spent on, said after a fund named in full (``200亿元技改专项资金支持…项目``, ``专项奖补资金予以支持``;
    # ``资金支持再就业`` keeps its purpose: 资金 alone names nothing)
    r"|(?<=[^，。；、0-9]{4}[金债款费])(?:予以|给予|用于)?支持"
)
# What the people or things counted came to (``居民入住``, ``受益``, ``项目竣工投产``), said after them.
_STATE_AFTER_NOUN_RE = re.compile(
    r"(?P<who>[^，。；、]{0,10}?)(?<!稳定)(?<!分配)(?<!早日)(?<![早或])(?P<state>入住|受益|脱贫|参保)"
)
# Work a count of things has had done (``1万余套受损农民住房完成修缮``, ``…改造超额完成``), at the clause's end.
_DONE_AFTER_NOUN_RE = re.compile(
    # the other counts of a list that the work is said of too (``20个街区、300座立交桥…实现绿化彩化``)
    r"(?:、[0-9０-９.]+[个座条家所项处户套台]?[^、，。；0-9]{1,10})*"
    r"(?:全部|均|已)?(?:完成|实现)(?P<work>修缮|修复|改造|搬迁|安置|治理|整治|拆除|加固|验收|提升|(?:绿化|美化|亮化|彩化|硬化)+)(?=[，。；、]|$)"
)
# The stage projects counted have reached, said after them (``36个项目建成投产``, ``7个项目全部开工``).
_PROJECT_STAGE_AFTER_RE = re.compile(
    r"(?:全部|均|已|顺利|相继|陆续|年内)?(?P<stage>建成投产|竣工投产|建成投用|完工投用|开工建设|建成|投产|开工|完工|竣工)"
    r"(?=[，。；、]|$)"
)
# A grade with its noun written once, after the last item (``2家千亿级、24家百亿级工业企业``).
_GRADES = ("级", "类", "型")
_GRADED_HEAD_RE = re.compile(
    r"、[0-9０-９.]+(?:个|家|项|条|所|座|名|批|户)?[^，。；、0-9]{1,8}?[级类型](?P<head>[^，。；、0-9级类型]{2,10}?)(?=[，。；、和及]|$)"
)
_MAX_INDICATOR = 30
_LIST_GOES_ON = frozenset("和及与、")
# Units besides counts that may stand before the noun they measure (``10公里农村道路建设``).
MEASURE_BEFORE_NOUN_UNITS = frozenset(words("亩 公里 千米 万平方米 平方米 公顷"))
_COUNTED_MEASURE_UNITS = frozenset(words("万 万人 万人次 万元 亿元 万亩 成")) | MEASURE_BEFORE_NOUN_UNITS
# Rankings: the verb before ``第N``, the words of time or constancy that end the subject, the field.
_RANK_VERB_RE = re.compile(
    r"排名|排在|排|位居|位列|跃居|跃升至|跃升为|升至|上升至|居于|居|并列|蝉联|稳居|保持"
)
_RANK_SUFFIX_RE = re.compile(r"(?:全[国省市州区县]|全球|世界)?(?:位次|排名)$")
# A measure written once after a list of subjects belongs to each (``单晶硅、电解铝产能``).
_SHARED_MEASURE_RE = re.compile(
    r"(?:限上|限额以上|规上|规模以上)?(?:全产业链|设施|换新|线上)?(?:(?:行业|产业)(?:规模|总产值|产值|营业收入|营收)|产能|产量|总产值|产值|(?:行业|产业)?增加值|营业收入|营收|销售额|零售额|出口额|进口额|规模|比重|(?:产量|产值)?占比|覆盖率|增速|增幅|"
    r"总量|吞吐量|用电量|装机容量|利润|收入|数量|总数|(?:认证)?证书数|获奖数|消费|销量|(?:通车|运营)?里程|(?:加工|生产|供应|服务)?能力|(?:人均)?(?:每月|月|每年|年)?(?:财政)?(?:补助|补贴|保障)?标准"
    # rates and amounts that lists of schemes, waters, lands or pollutants share (``基本养老、医疗保险参保率``,
    # ``地表水、饮用水水源地水质达标率``, ``二氧化硫、氮氧化物排放量``, ``党政机关和事业单位一般性支出``)
    r"|(?:保险)?(?:参保|参合)率|(?:水质)?达标率|(?:安全|综合|资源化)?利用率|(?:路灯)?安装率|(?:毛)?入学率|入园率|巩固率|普及率|"
    r"(?:集中)?处理率|(?:抽检)?合格率|兑现率|排放(?:总)?量|一般性支出|(?:平均)?资费)$"
)
# Measures of another measure, shared by items that name a measure themselves (``增加值、固定资产投资增速``).
_RATES = frozenset(("增速", "增幅", "比重", "占比"))
_HAS_MEASURE_RE = re.compile(r"(?:[额值率数入润能模重比积产耗]|(?<!需氧)量)$")  # 化学需氧量: a pollutant


def _balanced(indicator: str) -> str:
    """An indicator cut inside or after a quotation gets the mark it lacks: ``两重”项目`` -> ``“两重”项目``."""
    if not _ANY_PAIRED_MARK_RE.search(indicator):
        return indicator
    for opening, closing in _QUOTE_PAIRS:
        if opening not in indicator and closing not in indicator:
            continue
        # scanned in order: ``港车北上”、“澳车北上`` has as many of each mark, yet lacks the first and the last
        depth = unopened = 0
        for mark in indicator:
            if mark == opening:
                depth += 1
            elif mark == closing:
                if depth:
                    depth -= 1
                else:
                    unopened += 1
        indicator = opening * unopened + indicator + closing * depth
    return indicator


@lru_cache(maxsize=8192)
def clean_indicator(indicator: str) -> str:
    """The indicator without list and footnote marks (``②``, ``[5]``), stray quotes or a leading adverb of
    time (``去年``, ``再``); empty when what is left names no measure (a year, a start value ``由…``)."""
    if "[" in indicator or "［" in indicator or "〔" in indicator:
        indicator = _NOTE_MARK_INSIDE_RE.sub("", indicator)
    if " " in indicator or "\u3000" in indicator:
        indicator = _STRAY_SPACE_RE.sub("", indicator.strip())  # ``10 人以上加工点``, ``PM 2.5 浓度``
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
        for inside in (
            _ALLOCATED_RE,
            _PRESCRIBED_RE,
            _FIRST_IN_THE_FIELD_RE,
            _SPAN_SUMMED_RE,
            _COUNT_OF_EXAMPLES_RE,
            _TIME_INSIDE_RE,
            _HAS_INSIDE_RE,
            _LISTED_INSIDE_RE,
            _ADVERB_INSIDE_RE,
        ):
            stripped = inside.sub("", indicator)
            indicator = stripped if len(stripped) >= 2 else indicator
    if indicator.endswith("突破"):
        indicator = _BREAKTHROUGH_RE.sub(
            "突破", indicator
        )  # ``关键核心技术获得突破210项``: the breakthroughs counted
    if indicator.endswith(("加快建设", "正在建设")) and (building := _BEING_BUILT_RE.search(indicator)):
        # ``西延、西康等5条高铁加快建设``: the lines being built (judged round 9090)
        indicator = "在建" + indicator[: building.start()]
    if len(indicator) == 1 and indicator in _PRODUCTS:
        return indicator  # ``纸520万吨``
    if not indicator or _NOT_AN_INDICATOR_RE.match(indicator) or indicator.startswith(("百分之", "千分之")):
        return ""
    return _balanced(indicator)


def rank_head_and_field(prefix: str, scope: str | None) -> tuple[str, str]:
    """The subject ranked and the field it is ranked in: ``…结算量连续多年稳居西部和边境省区`` ->
    (``…结算量``, ``西部和边境省区``); the field is ``全国``, ``全省`` … where the text names one."""
    verb = max(_RANK_VERB_RE.finditer(prefix), key=lambda match: match.start(), default=None)
    if verb is None:
        return _strip_ranking_words(prefix), scope or ""
    field = prefix[verb.end() :].strip("，、 ")
    if not field or len(field) > 10 or SPLIT_SUBJECTS_RE.fullmatch(field[:1] or "x"):
        field = scope or ""
    return prefix[: verb.start()], field


def rank_name(subject: str, field: str) -> str:
    subject = _RANK_SUFFIX_RE.sub("", subject)
    return f"{subject}{field}位次" if subject else ""


def _strip_ranking_words(prefix: str) -> str:
    return re.sub(
        r"(?:排名|排|位居|位列|跃居|居|并列|蝉联|稳居|有望|成为|全[国省市州区县]|全球|世界)+$", "", prefix
    )


def counted_noun(sentence: str, unit: str | None, end: int) -> str:
    """The noun a count written up to ``end`` counts (``408个村组停车场`` -> ``村组停车场``), else empty."""
    bare = unit.removeprefix("万") if unit and len(unit) > 1 else unit
    if bare not in COUNT_UNITS and unit not in _COUNTED_MEASURE_UNITS:
        return ""
    rest = sentence[end:].removeprefix("的")
    if rest[:1] in _LIST_GOES_ON and not rest.startswith(("和美", "和谐")):
        return ""  # ``产教融合基地32个和专门教育学校2所``: the next item of a list, not the noun counted
    if rest.startswith(("大关", "关口", "台阶")):
        return ""  # ``迈上10亿元大关``: a milestone of the indicator before it, not a thing counted
    quoted = (
        rest.find("”") + 1 if rest.startswith("“") else 0
    )  # ``“三年全面提升”项目``: no stop inside the quote
    stop = _COUNTED_STOP_RE.search(rest, quoted)
    noun = rest[: stop.start()] if stop else rest
    if noun[:1].isdigit() and _BARE_COUNT_RE.fullmatch(noun):
        return ""  # ``拆除房屋42处251间``: another count of the same thing follows, no noun
    after = _STATE_AFTER_NOUN_RE.fullmatch(noun)
    if after and ((after.group("who") and after.group("state") in ("入住", "受益")) or bare in ("人", "户")):
        # ``2500多户居民入住``: the residents who moved in; ``5700多万人受益``: the people who benefit
        noun = after.group("state") + (after.group("who") or ("人数" if bare == "人" else "户数"))
    if stop and (done := _DONE_AFTER_NOUN_RE.match(rest, stop.start())):
        noun += done.group("work")  # ``1万余套受损农民住房完成修缮``: the repair done is the measure
    elif (
        noun.endswith("项目")
        and (stage := _PROJECT_STAGE_AFTER_RE.match(rest, len(noun)))
        and stage.group("stage")[:2] not in noun  # ``新开工项目全部开工``: said already
    ):
        noun += stage.group(
            "stage"
        )  # ``颐鼎升智能起重等16个项目建成投产``: the projects completed, 项目建成投产
    if stop and noun.endswith(_GRADES) and (head := _GRADED_HEAD_RE.match(rest, stop.start())):
        noun += head.group("head")  # ``2家千亿级、24家百亿级工业企业``: 千亿级工业企业
    return clip(noun.strip()) if len(noun) >= 2 else ""


# A list item whose count follows its noun (``国家级龙头企业122家``), left before the next item's name when
# no mark parts them: ``…龙头企业122家培育农民合作社20.3万家`` names only 农民合作社.
_COUNTED_ITEM_BEFORE_RE = re.compile(
    r"^.*(?:企业|园|社|问题|点|罐|场|站|中心|基地|校|院|厂|馆|集群)"
    r"[0-9０-９.]+(?:万|亿)?[个家项件条所座处台套辆]、?"
    r"(?:培育|创建|建成|认定|打造|建设|)(?=[^0-9０-９，、；全以的]{2})"
)


# ``改造提升``, ``整合提升``: 提升 after a verb of building or work is part of one flow verb (judged round 7349:
# ``整合提升1000个民生服务综合体``, level), no growth by the value.
COMPOUND_FLOW_VERB_RE = re.compile(r"(?:改造|整合|建设|新建|改建|扩建|巩固|规范|修缮|维修|整治)提升$")


@lru_cache(maxsize=16384)
def subject_and_change(prefix: str) -> tuple[str, Change]:
    """The indicator written before a number, and the change its verb says. Remembered: a figure's prefix
    is read again and again (half the calls over the corpus repeat one), and the reading is its alone."""
    text = _COUNTED_ITEM_BEFORE_RE.sub("", prefix.strip().lstrip("，、,"))
    if text.endswith(("]", "］", "〕")):
        text = _NOTE_MARK_END_RE.sub("", text)  # ``减税降费[5]8200万元``: the verb before the note's mark
    change: Change = "level"
    verb_found = False
    new = False
    text = _cut_ending(_REACHED_AFTER_A_CHANGE_RE, text, 3)
    if text[-1:] in _COUNT_ENDINGS:
        # ``征收房屋963户21万平米``, ``海南长臂猿恢复至7群42只``: the count of the same thing in another unit just
        # before the figure is no part of its name
        text = _cut_ending(_COUNT_JUST_BEFORE_RE, text, 12)
    text = text.removesuffix("了")
    price_rate = ending(_PRICE_RATE_RE, text, 16)
    if price_rate:
        # ``居民消费价格涨幅3%左右``: the rate is the indicator and the value its level (LABELLING.md).
        text = text[: price_rate.end("rate")]
        verb_found = True
    for _ in range(6):
        before = text
        text = _cut_ending(_TRAILING_FILLER_RE, text, 16)
        if not verb_found:
            if (
                text.endswith(_GROWTH_VERBS)
                and not ending(_LEVEL_VERB_RE, text, 8)
                and not ending(COMPOUND_FLOW_VERB_RE, text, 6)
            ):
                change = "growth"
                text = _strip_suffixes(text, _GROWTH_VERBS)
                verb_found = True
            elif text.endswith(_DECLINE_VERBS) and not ending(_LEVEL_VERB_RE, text, 8):
                change = "decline"
                text = _strip_suffixes(text, _DECLINE_VERBS)
                verb_found = True
        level = ending(_LEVEL_VERB_RE, text, 8)
        if level:
            text = text[: level.start()]
            verb_found = True
            new = new or level.group() == "新增"
        if text == before:
            break
    if change == "level" and (inside := ending(_CHANGE_OF_A_MEASURE_RE, text, 24)):
        # ``中央财政当年就增加支出621亿元``: the body's spending grew by it (judged round 7349: 中央财政支出, growth)
        text, verb_found = inside.group("body") + inside.group("measure"), True
        change = "decline" if inside.group("verb") in ("减少", "下降", "降低") else "growth"
    elif change == "level" and (relief := ending(_RELIEF_RE, text, 24)):
        # ``为经营主体减负超3000亿元``: relief is a decline of the burden (LABELLING.md 4: 企业税负, 农民负担)
        text, change, verb_found = relief.group("who") + "负担", "decline", True
    elif change == "level" and (burden := relieved_burden(text)):
        text, change, verb_found = burden, "decline", True
    elif not verb_found and text.endswith("增收") and len(text) > 3:
        # ``人均增收2400元``: income grew by it
        text, change, verb_found = text[:-2] + ("" if text.endswith("收入增收") else "收入"), "growth", True
    cut = _START_VALUE_TAIL_RE.sub("", text)
    if cut != text:
        text = _cut_ending(_TRAILING_FILLER_RE, cut, 16)  # ``标准统一由55元提高到``
    text = _LEADING_FILLER_RE.sub("", text)
    opened = text.lstrip("，、, ").startswith("“")
    text = text.removesuffix("的").strip("，、,“” ")
    if new and len(text) >= 2 and not _PER_TIME_RE.search(text):
        text = (
            "新增" + ("“" if opened and "”" in text else "") + text
        )  # ``无还本续贷新增5982亿元``: the new ones, a flow, not the stock (JUDGING.md)
    return text, change


_BARE_COUNT_RE = re.compile(r"[0-9０-９.．]+(?:千|万|亿)?(?:多|余)?[^0-9０-９]{1,2}")
_BREAKTHROUGH_RE = re.compile(r"(?<=..)(?:取得|获得|实现)(?:重大)?突破$")
# What is being built, said after it: ``5条高铁加快建设``, ``…项目要加快建设`` (not ``投入使用或加快建设``).
_BEING_BUILT_RE = re.compile(r"(?<=[^或和及、]{2})(?:要|将|正)?(?:加快建设|正在建设)$")
_COUNT_JUST_BEFORE_RE = re.compile(
    r"(?<=[^0-9０-９.．、，和及与第])[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万|亿)?(?:多|余)?"
    r"(?:个|家|项|条|所|座|名|户|处|台|套|辆|张|间|头|只|群|批|宗|栋|幢|处)$"
)
_COUNT_ENDINGS = frozenset("个家项条所座名户处台套辆张间头只群批宗栋幢")


_RELIEF_RE = re.compile(
    r"(?:^|(?<=[，、]))(?:[^，、]{0,12}?为|给|帮助)?(?!新增|累计|全年)(?P<who>[^，、为给]{2,12}?)减负$"
)
_CHANGE_OF_A_MEASURE_RE = re.compile(
    r"(?:^|(?<=[，、]))(?P<body>[^，、]{2,10}?(?:财政|政府|企业|部门))(?:当年|全年|每年|今年|去年)?(?:也就|就|又|再|共)?"
    r"(?P<verb>增加|减少|降低)了?(?P<measure>支出|收入|投资|投入)$"
)
# Relief written with its verb (LABELLING.md 4, relief amounts: change decline, the verb out of the name): taxes
# and fees cut (``累计减税降费``, ``减免各项税费``, ``减税降费及退税``: 税费; ``减税`` alone: 税负, as 企业税负), a fee exempted
# (``减免社保费``: 社保费), a burden lightened (``减轻农民负担``, ``农民负担平均减轻``). Whose it is follows 为, 给,
# 帮助 or 使 (``为企业减税降费``: 企业税费); what stands before without them is a cause or a time (``药品集中带量采购``,
# ``每年``, ``累计``), no part of the name.
_TAX_RELIEF_RE = re.compile(
    r"(?:^|(?<=[，、]))(?P<before>[^，、]{0,24}?)(?P<verbs>(?:减税|降费|减费|降税|退税(?=减税)|减退降税费|减免(?:各项|各类)?税费)"
    r"(?:[、及和]?(?:减税|降费|减费|降税|退税|缓税|缓费|退税缓费|退税缓税缓费))*)$"
)
_FEE_RELIEF_RE = re.compile(r"(?:^|(?<=[，、]))(?P<before>[^，、]{0,24}?)减免(?P<what>[^，、减免]{1,6}?费)$")
_BURDEN_RELIEF_RE = re.compile(
    r"(?:^|(?<=[，、]))(?P<before>[^，、]{0,24}?)减轻(?P<what>[^，、减轻]{0,8}?负担)$"
    r"|(?:^|(?<=[，、]))(?P<bearer>[^，、]{2,16}?负担)(?:平均|大幅|明显)?减轻$"
)
_BENEFICIARY_RE = re.compile(r"^.*(?:为|给|帮助|使)")


def relieved_burden(text: str) -> str:
    """The burden a relief written at the end of ``text`` lightens (``_TAX_RELIEF_RE``…), else empty."""
    if (tax := ending(_TAX_RELIEF_RE, text, 40)) is not None:
        what = "税费" if "费" in tax.group("verbs") else "税负"
    elif (fee := ending(_FEE_RELIEF_RE, text, 36)) is not None:
        tax, what = fee, fee.group("what")
    elif (burden := ending(_BURDEN_RELIEF_RE, text, 36)) is not None:
        if burden.group("bearer"):
            return burden.group("bearer")
        tax, what = burden, burden.group("what")
    else:
        return ""
    marked = _BENEFICIARY_RE.match(tax.group("before"))
    who = tax.group("before")[marked.end() :] if marked else ""
    return _RELIEF_FLOW_RE.sub("", who) + what


_RELIEF_FLOW_RE = re.compile(r"(?:新增|累计|全年|再|共)+$")  # ``为经营主体新增减免税费``: 经营主体税费


# A rate per day or month before 新增 (``平均每天新增1.5万户``): no subject of a flow of its own.
_PER_TIME_RE = re.compile(r"(?:每[天日月年]|人均|平均)$")


def ending(pattern: re.Pattern[str], text: str, longest: int) -> re.Match[str] | None:
    """``pattern`` (anchored with ``$``) matched at the end of ``text``, looking only at its last ``longest``
    characters: the anchored alternations are tried at every position otherwise, in every prefix read. A text
    whose last character ends no match of the pattern (most do not) is not searched at all."""
    if not may_end_a_match(pattern, text):
        return None
    return pattern.search(text, max(0, len(text) - longest))


def _cut_ending(pattern: re.Pattern[str], text: str, longest: int) -> str:
    found = ending(pattern, text, longest)
    return text[: found.start()] if found else text


def _strip_suffixes(text: str, suffixes: tuple[str, ...]) -> str:
    for suffix in sorted(suffixes, key=len, reverse=True):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def clip(indicator: str) -> str:
    return indicator[-_MAX_INDICATOR:]


def base_of(indicator: str) -> str:
    """The subject of an indicator made from another: without ``位次`` and its field, or ``增速``."""
    ranked = _RANK_SUFFIX_RE.search(indicator)
    if ranked:
        return indicator[: ranked.start()]
    return without_fulfilment(indicator.removesuffix("增速"))


# Products whose figures in tons, pieces or a growth rate are their output (``钢材增长1.9%``, ``粮食3700亿斤``,
# ``自行车1，484万辆``): the name is ``<X>产量``, as a column header would say (the reviewed national-1980 fixture).
_PRODUCTS = frozenset(
    words(
        """粮食 夏粮 秋粮 早稻 稻谷 小麦 玉米 大豆 薯类 棉花 油料 糖料 甘蔗 甜菜 黄麻 洋麻 麻类 烤烟 烟叶 茶叶 蚕茧
        水果 肉类 猪肉 牛肉 羊肉 禽蛋 牛奶 奶类 水产品 木材 钢 钢材 生铁 原煤 煤炭 原油 石油 天然气 水泥 平板玻璃
        化肥 农药 硫酸 纯碱 烧碱 乙烯 化学纤维 化纤 纱 棉纱 布 棉布 呢绒 丝织品 糖 食糖 原盐 纸 机制纸 纸和纸板 卷烟
        啤酒 自行车 缝纫机 手表 表 电视机 彩色电视机 收音机 洗衣机 电冰箱 拖拉机 汽车 机床 金属切削机床 内燃机
        发电设备 机车 十种有色金属 有色金属 合成洗涤剂 合成氨 塑料 合成橡胶 轮胎 新能源汽车 整车 汽车整车 集成电路
        手机 微型计算机"""
    )
)
_OUTPUT_UNITS = frozenset(
    words(
        """吨 万吨 亿吨 斤 万斤 亿斤 担 万担 辆 万辆 台 万台 架 万架 只 万只 立方米 万立方米 亿立方米 马力 万马力
        亿度 千瓦时 亿千瓦时 米 万米 亿米 件 万件 万箱"""
    )
)
_PRODUCT_MODIFIER_RE = re.compile(r"^(?:短线|长线)")


def is_product(name: str) -> bool:
    return name in _PRODUCTS


def output_name(indicator: str, unit: str | None, change: Change) -> str:
    """``钢材`` given in tons or as a growth rate is ``钢材产量``; any other indicator is left as it is."""
    if _PRODUCT_MODIFIER_RE.sub("", indicator) not in _PRODUCTS:
        return indicator
    if unit in _OUTPUT_UNITS or (unit in ("%", "成") and change != "level"):
        return indicator + "产量"
    return indicator


_NOT_A_PRODUCT_RE = re.compile(
    r"(?:[额量值率数入润能模重比积产价数率]|出口|进口|投资|消费|贷款|存款|销售|零售|旅游|运输|客运|货运|指数|价格|业|品种|人口|发电|电力|装机)$"
)
_TRADED_RE = re.compile(r"供应|销售|出售|收购|出口|进口|消费")
_OUTPUT_LEAD_RE = re.compile(r"产品?产量[^，。；：0-9０-９]{0,8}[，：]")


def share_output(found_names: list[tuple[str, str | None, Change]], sentence_before: list[str]) -> list[str]:
    """``纱增长13.3%，…，电视机增长一倍，工业机器人增长26.6%``: in a list of growth rates where one item is a
    product's output (or a clause before announces 产品产量), every bare thing listed is a product too, and its
    measure 产量 (``电视机产量``, ``工业机器人产量``)."""
    names = [name for name, _, _ in found_names]
    for i, (name, unit, change) in enumerate(found_names):
        if name.endswith("产量") or unit not in ("%", "成", "倍") or change == "level":
            continue
        if not (2 <= len(name) <= 8) or _NOT_A_PRODUCT_RE.search(name) or not re.fullmatch(r"[一-龥]+", name):
            continue
        if _TRADED_RE.search(sentence_before[i]):
            continue  # ``棉布供应增加了两倍，胶鞋增加了1.9倍``: what was supplied or sold, not made
        near = [names[j] for j in (i - 1, i + 1) if 0 <= j < len(names)]
        if (
            (unit == "倍" and is_product(name))
            or any(is_product(n.removesuffix("产量")) and n.endswith("产量") for n in near)
            or _OUTPUT_LEAD_RE.search(sentence_before[i])
        ):
            names[i] = name + "产量"
    return names


# The level written before the change of the same measure: ``细颗粒物年均浓度30.5微克/立方米、下降6.2%``.
_LEVEL_BEFORE_CHANGE_RE = re.compile(
    r"(?<=[^0-9０-９.．])(?:为|是|达到|达|降至|降到)?[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万|亿)?"
    r"[^0-9０-９，。；、]{0,3}(?:/[^0-9０-９，。；、]{1,4})?$"
)


def without_the_level_before(indicator: str, change: Change) -> str:
    """``细颗粒物年均浓度30.5微克/立方米`` named for its decline -> ``细颗粒物年均浓度``: the level written
    before is no part of the name of its change."""
    if change == "level":
        return indicator
    cut = _LEVEL_BEFORE_CHANGE_RE.sub("", indicator)
    return cut if (len(cut) >= 2 and _HAS_MEASURE_RE.search(cut)) or cut.endswith("浓度") else indicator


_FULFILMENT_RE = re.compile(r"完成(?:计划|预算|任务)$")


def without_fulfilment(indicator: str) -> str:
    """``粮食总产量完成计划`` -> ``粮食总产量``: the measure whose plan was fulfilled."""
    return _FULFILMENT_RE.sub("", indicator)


def split_subjects(subject_text: str, count: int) -> list[str]:
    parts = [_LEADING_COUNT_RE.sub("", p) for p in _SPLIT_LISTED_RE.split(subject_text) if p]
    if len(parts) == count > 1 and all(p.endswith("”") for p in parts[:-1]) and "”" in parts[-1]:
        # ``“保交楼”“保交房”交付率``: each quoted name takes the measure written after the last
        tail = parts[-1][parts[-1].rindex("”") + 1 :]
        if tail:
            return [_balanced(p + tail) for p in parts[:-1]] + [_balanced(parts[-1])]
    if count == 1 and 1 < len(parts) <= 4:
        return share_heads(parts)
    if len(parts) == count:
        return share_heads(parts)
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


def share_heads(parts: list[str]) -> list[str]:
    """``第一、二、三产业`` -> 第一产业, 第二产业, 第三产业; ``农药、化肥使用量`` -> 农药使用量, 化肥使用量;
    ``单晶硅、电解铝产能`` -> 单晶硅产能, 电解铝产能."""
    last = parts[-1]
    category = _CATEGORY_RE.search(last)
    if category and _SHARED_MEASURE_RE.fullmatch(last, category.end()):
        # ``食品、石化、信息等产业增加值``: 信息产业增加值, each item named with the measure after 等
        last = last[: category.start()] + last[category.end() :]
        parts = [*parts[:-1], last]
    measure = _SHARED_MEASURE_RE.search(last)
    if (
        measure
        and len(last) > len(measure.group()) + 1
        and all(
            len(p) >= 3 and (measure.group() in _RATES or not _HAS_MEASURE_RE.search(p)) for p in parts[:-1]
        )
    ):
        parts = [p + _shared_tail(p, last, measure) for p in parts[:-1]] + [last]
    lack = measure is not None and not any(_has_a_measure(p) for p in parts[:-1])
    shared = []
    for part in parts[:-1]:
        core = part.removeprefix("第")
        fits = measure is None or _parallel(core, last.removeprefix("第"))
        if len(core) <= 2 and len(last) > len(core) + 1 and fits:
            ordinal = "第" if parts[0].startswith("第") and not part.startswith("第") else ""
            shared.append(ordinal + part + last.removeprefix("第")[len(core) :])
        elif measure and lack and len(last) > len(measure.group()) + 1:
            shared.append(part + _shared_tail(part, last, measure))  # ``苹果、食用菌、中药材产量``: 苹果产量
        else:
            shared.append(part)
    ordinal = "第" if parts[0].startswith("第") and not last.startswith("第") else ""
    if lack and measure and 0 < last.rfind("的", 0, measure.start()) <= 6:
        last = last.replace("的", "", 1)  # ``广播和电视的人口覆盖率``: 电视人口覆盖率, as 广播人口覆盖率
    for i in range(len(shared) - 1):
        following = _SHARED_MEASURE_RE.search(shared[i + 1])
        if len(shared[i]) >= 3 and not _has_a_measure(shared[i]) and following and following.start() > 1:
            # ``城市自来水和燃气普及率、污水集中处理率``: 城市自来水普及率, the measure of the item after it
            shared[i] += _shared_tail(shared[i], shared[i + 1], following)
    named = _share_the_subject([*shared, ordinal + last])
    for i in range(1, len(named)):
        if len(named[i]) <= 3 and named[i].endswith("率") and named[i - 1].endswith("率"):
            # ``集中供热率和供水率``: 集中供水率, the rate of a short item qualified as the one before
            named[i] = qualified_like(named[i - 1], named[i], 1) or named[i]
    return named


# Words that stand in parallel at the head of a list's items (``城镇、农村居民``, ``大、中型``): a short item
# takes the rest of the last item where it replaces such a word, else only the measure the list shares.
_PARALLEL_HEADS = frozenset(
    words(
        "城镇 农村 城市 乡村 城区 郊区 城乡 国有 民营 集体 私营 外资 内资 中央 地方 男性 女性 普通 重点 国家 省级 市级 县级"
    )
)


_CATEGORY_RE = re.compile(r"(?<=[^高中初同平对均])等(?!级|于|同)")
# A body the last item of a list names before the shared measure (``厦门、福州机场旅客吞吐量``): each item's.
_BODY_BEFORE_MEASURE_RE = re.compile(r"(?:机场|港口|港|园区|开发区|高新区|景区|口岸)")


def _has_a_measure(part: str) -> bool:
    return bool(_HAS_MEASURE_RE.search(part) or _SHARED_MEASURE_RE.search(part))


def _shared_tail(part: str, last: str, measure: re.Match[str]) -> str:
    """What a short item of a list takes from the last item: the measure, with the body the last item names
    before it (``机场旅客吞吐量``); ``行业``/``产业`` only where the item does not end in 业 itself."""
    body = _BODY_BEFORE_MEASURE_RE.search(last, 1, measure.start())
    if body and body.start() == len(part):  # ``厦门``/``福州机场``: the body after a name as long as the item
        return last[body.start() :]
    of = last.rfind("的", 0, measure.start())
    if of > 0:
        return last[of + 1 :]  # ``广播和电视的人口覆盖率``: 广播人口覆盖率
    tail = measure.group()
    overlap = next((k for k in range(len(tail) - 1, 1, -1) if part.endswith(tail[:k])), 0)
    tail = tail[overlap:]  # ``困难残疾人生活补贴``+``补贴标准``: 困难残疾人生活补贴标准
    if part.endswith("保") and tail.startswith("保险"):
        tail = tail[2:]  # ``基本医保``+``保险参保率``: 基本医保参保率
    return (
        re.sub(r"^(?:限上|限额以上|规上|规模以上)?(?:行业|产业)", "", tail) if part.endswith("业") else tail
    )


def _parallel(core: str, last: str) -> bool:
    """Whether ``core`` stands for the word that opens ``last`` (``一产``/``二产``, ``城镇``/``农村``,
    ``大``/``中型``), not for some other noun of the same length (``苹果``/``中药材产量``)."""
    head = last[: len(core)]
    if len(core) == 1 or set(core) & set(head):
        return True
    return core in _PARALLEL_HEADS and head in _PARALLEL_HEADS


# A place or body a list of measures opens with, written once for all of them: ``上海机场航空货邮和旅客吞吐量``,
# ``开发区主营业务收入和税收收入``, ``城市建成区园林绿化覆盖率、绿地率``.
_LIST_SUBJECT_RE = re.compile(
    r"^[^、，]{0,8}?(?:经济技术开发区|开发区|高新区|工业园区|产业园区|园区|建成区|景区|机场(?:航空)?|港|口岸)(?=[^、，]{2})"
)
# Firms named with their first measure, the later measures of a list written bare (``省属企业营收和利润``).
_FIRMS_MEASURES = frozenset(words("营收 营业收入 营业总收入 利润 利润总额 利税 税收 资产总额 产值 增加值"))
_FIRMS_MEASURE_RE = re.compile(
    r"^(?P<firms>[^、，]{0,10}(?:企业|国企|央企|公司|集团))(?:营收|营业收入|营业总收入|利润|利润总额|利税|税收|资产总额|产值|增加值)$"
)
_OWN_SUBJECT_RE = re.compile(r"^(?:人均|全[国省市县区]|[^、，]{0,6}(?:区|港|机场|口岸))")


def _share_the_subject(parts: list[str]) -> list[str]:
    firms = _FIRMS_MEASURE_RE.match(parts[0]) if len(parts) >= 2 else None
    if firms is not None and all(p in _FIRMS_MEASURES for p in parts[1:]):
        # ``省属企业营收和利润``: 省属企业利润, the firms the first item names
        return [parts[0]] + [firms.group("firms") + p for p in parts[1:]]
    subject = _LIST_SUBJECT_RE.match(parts[0])
    if subject is None or len(parts) < 2:
        return parts
    return [parts[0]] + [p if _OWN_SUBJECT_RE.match(p) else subject.group() + p for p in parts[1:]]


# The words a later item of a list writes again from the middle of the item before, the qualifier before them
# left unsaid: ``移风易俗示范乡镇1个、示范村5个`` (移风易俗示范村), ``集中供热率和供水率`` (集中供水率).
_NOT_A_QUALIFIER_RE = re.compile(r"[，、和及与的]|^(?:其中|全[国省市县区])$")
_VERBS_BEFORE_QUALIFIER_RE = re.compile(
    r"^(?:累计|新|再|全年)*(?:创建|打造|建设|建成|新建|新增|改造|获批|接待|修复|治理|布局|培育|认定|实施|完成|开展|引进)*"
)


def qualified_like(first: str, later: str, least: int) -> str | None:
    """``later`` with the qualifier of ``first`` before it where ``later`` opens with words (``least`` or more
    characters) that ``first`` writes after a qualifier of two characters or more, else None."""
    if not 2 <= len(later) <= 6 or len(first) < len(later):
        return None
    for k in range(min(len(later) - 1, 4), least - 1, -1):
        at = first.find(later[:k], 2)
        if at < 2:
            continue
        qualifier = first[:at]
        if (
            _NOT_A_QUALIFIER_RE.search(qualifier)
            or later.startswith(qualifier)
            or len(_VERBS_BEFORE_QUALIFIER_RE.sub("", qualifier))
            < 2  # ``获批美丽河湖``: a verb is no qualifier
            or qualifier.count("“") != qualifier.count("”")
            or qualifier.count("（") != qualifier.count("）")
        ):
            return None
        return qualifier + later
    return None
