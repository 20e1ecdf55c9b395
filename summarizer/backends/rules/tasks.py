"""Tasks: the enumerated items of the work plan (SPEC.md section 3, Tasks).

Only plan sections are read (the outline's parts). In each, every list is found: paragraph-led
lists (`（一）`, `第一，`, `1.`, `——`, `一要`, `一是`) and inline ones (`。一要…。二要…`), each a run
of items numbered in order. A run that lies inside an item of another run gives that item's
subtasks; the outermost runs are the tasks. Runs that set out principles, reasons, problems or
target figures rather than assignments are dropped with everything inside them. A plan section
with no list at all yields its heading as one task, and parallel clauses led by one verb
(`聚焦…；聚焦…；聚焦…`) outside every list yield one task each.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from summarizer.models import Area, Chunk, TaskDraft
from summarizer.outline import cn_number, outline

_CN = "一二三四五六七八九十"
# Scraped texts may put stray ``?`` (lost characters) before a list marker.
_LEAD = "[ \t\u3000?？\ufffd]*"
_LEAD_CHARS = " \t\u3000?？\ufffd"
_SERIES_LEAD = re.compile(
    r"聚焦|坚持|加快|推进|推动|着力|强化|加强|深化|扩大|提升|完善|打造|实施|建设|抓好|做好|突出|围绕|大力|"
    r"持续|积极|统筹|促进|优化|健全|培育|巩固|守住|防范|落实|保持|提高|构建|狠抓|全力|扎实"
)
# The same words as a set: a sentence's first two characters are looked up, not matched.
_SERIES_LEADS = frozenset(_SERIES_LEAD.pattern.split("|"))
_LINE_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("paren", re.compile(rf"{_LEAD}[（(]([{_CN}]{{1,3}})[）)][ \t\u3000]*(?:要(?=[在把以从])|要)?")),
    (
        "ord",
        re.compile(rf"{_LEAD}第([{_CN}]{{1,3}})(?:个问题|个方面|方面|条|点)?[，,、：:][ \t\u3000]*"),
    ),
    ("paren_num", re.compile(rf"{_LEAD}[（(](\d{{1,2}})[）)][ \t\u3000]*")),
    ("num", re.compile(rf"{_LEAD}(\d{{1,2}})[.．、](?!\d)[ \t\u3000]*")),
    ("dash", re.compile(rf"{_LEAD}(——|—|--|－－)[ \t\u3000]*")),
    ("yao_shi", re.compile(rf"{_LEAD}([{_CN}]{{1,3}})(是要|是|要)")),
    # ``一、确定适度的经济增长率`` inside a part: a list nested in it (the outline keeps it out of the parts).
    ("cn", re.compile(rf"{_LEAD}([{_CN}]{{1,3}})、[ \t\u3000]*")),
)
# A marker inside a line, after the sentence or clause before it. The punctuation is matched, not looked behind
# for, so that the regex engine skips ahead to it (2x faster); a marker starts one character after the match,
# and as no match ends in that punctuation, finditer finds the same markers.
_INLINE_MARKER = re.compile(
    rf"[。；;：:！？!?][ \t\u3000]*"
    rf"(?:([{_CN}]{{1,2}})(是要|是|要)|第([{_CN}]{{1,2}})[，,、]|(\d{{1,2}})[.．](?!\d))"
)
_PRECEDENCE = {
    "cn": -1,
    "paren": 0,
    "ord": 1,
    "num": 2,
    "paren_num": 3,
    "yao": 4,
    "shi": 5,
    "dash": 6,
    "lead": 7,
    "par": 8,
    "heads": 8,
}
# ``坚持忠诚执政。…``: a paragraph led by a short sentence of its own, the genre's unnumbered list item.
# ``永葆政治本色。…``, also after a frame clause: ``面对新形势，我们要把牢政治航向。…``.
_LEAD_SENTENCE = re.compile(
    rf"{_LEAD}(?![0-9０-９（(第一二三四五六七八九十]、)"
    rf"((?:面对[^，,。；;：:！？\n“”]{{1,8}}[，,])?[^，,。；;：:！？\n“”]{{3,16}})。(?=[^\n]{{8,}})"
)
# ``恪守忠诚，旗帜鲜明讲政治。…``: a paragraph led by a sentence of two short clauses (``_paired_lead_paragraphs``).
_PAIRED_LEAD = re.compile(
    rf"{_LEAD}([^，,。；;：:！？!?\n“”]{{2,8}}[，,][^，,。；;：:！？!?\n]{{3,12}})。(?=[^\n]{{8,}})"
)
# ``坚持依宪施政，依法行政，把政府工作全面纳入法治轨道。…``: a paragraph led by a short clause and a sentence that
# goes on from it; such paragraphs are a part's items where three or more in a row open alike (``_clause_led``).
_CLAUSE_LED = re.compile(
    rf"{_LEAD}(?P<clause>[^，,。；;：:！？!?\n“”、]{{4,10}})[，,][^。；;：:！？!?\n]{{2,36}}。(?=[^\n]{{8,}})"
)
_FRAME_CLAUSE = re.compile(r"(?:今年|明年|当前|目前|同时|此外|为此|因此|总之|新的一年|下一步|各位代表)|是")
# ``做好今年工作，任务重、压力大。``: a part's introduction that frames the year's work as a whole.
_WHOLE_YEARS_WORK = re.compile(r"(?:做好|完成|实现|抓好)(?:今年|明年|全年|上述|以上|各项)")
_LEAD_RUN_GAP_LINES = 4
_LEAD_RUN_MIN = 3
_LEAD_CLAUSE_END = re.compile(r"[。；;：:！？!?\r\n]")
_SENTENCE_END = re.compile(r"[。！？!?\r\n]")
# SPEC: the title is the lead clause up to its first 。；： — kept whole, cut at a comma only when a text
# without sentence marks would make it run on.
_TITLE_MAX = 220
_SUBTASK_MAX = 40

_NOT_ASSIGNMENT_INTRO = re.compile(
    r"原则|(?<!重点)做到“[^”]{1,8}”[：:]$|体会|启示|考虑|注意[^。，]{0,8}问题|基于|把握[^。，]{0,8}(?:[几两三四五六七八九十]点|方面|关系|要求|特点)|把[握准牢][^。，]{0,8}方向|方法论|认识到|"
    r"(?:困难|挑战|不足|短板|差距|问题)[^。]{0,8}[：:]|表现在|主要表现|主要做了|特点[：:]|"
    r"目标(?:是|为)?[：:]|(?:优势|机遇|有利条件|有利因素|底气)[^。，]{0,4}[：:]"
    # ``努力实现以下8个方面主要目标。（一）…（八）``: a plan's goals (LABELLING 2), not its work
    r"|(?:以下|如下)[^。，；]{0,12}目标[。：:]?$"
)
_GOALS_ANNOUNCED = re.compile(r"(?:以下|如下)[^。，；]{0,12}目标[。：:]?$")
_NUMBER = re.compile(r"\d")
# ``关于“十五五”时期发展的时代背景``, ``关于…的重点任务``, ``“十五五”发展目标``, ``重点任务``: the name of a part
# of a plan's explanation.
_PLAN_PART_ITEM = re.compile(
    r"^(?:关于[^，。；]{0,24}|(?:“?十[一二三四五六]五”?(?:时期)?)?)"
    r"(?:背景|总体要求|指导思想|基本原则|主要目标|发展目标|奋斗目标|(?P<tasks>目标任务|重点任务|主要任务|保障措施))$"
)
# ``…包括以下十个方面。``: a sentence that announces the list after it.
_ANNOUNCES_LIST = re.compile(r"(?:以下|如下)[^。，]{0,8}[。：:]?$")
# ``应当注意以下的问题。第一，正确处理…的关系。``: matters to heed, drawn from experience (judged round 7349).
_PRINCIPLES_ANNOUNCED = re.compile(
    r"原则|要点|把握[^。，]{0,8}[几两三四五六七八九十]个?(?:点|方面)|注意[^。，]{0,8}问题"
)
# ``要着力把握好五个方面。``: a count that announces the list after it, like ``以下``.
_COUNTED_LIST = re.compile(r"[几两三四五六七八九十]个?(?:方面|点)[。：:]?$")
# ``主要目标概括为六个方面：经济实力显著增强。…``: end-states, not work.
_GOALS_INTRO = re.compile(r"[^。\n]{0,20}(?:目标|愿景|成效|成就)[^。\n]{0,12}[：:]")
_PRINCIPLE_ITEM = re.compile(
    r"^(?:准确|深刻|正确|全面|充分)?(?:把握|认识|领会|理解)|(?:趋势|特点|机遇|挑战)$"
    r"|^(?:必须|要)?(?:批判|纠正|反对|克服)[^。；]*(?:想法|观点|思想|倾向)$"
)
# A part heading's ``关于`` goes with a work verb after it (``三、关于加强和改善党对经济工作的领导``) but stays
# before a topic (``四、关于对外经济技术交流的扩大``, ``关于外交工作``): there it is part of the heading's words.
_HEADING_NUMBER = re.compile(
    rf"[ \t\u3000]*(?:第[{_CN}]{{1,3}}部分|[{_CN}]{{1,3}}、)[ \t\u3000，、：:]*(?:关于(?=(?:{_SERIES_LEAD.pattern})))?"
)
# A part's name rather than an assignment: ``总体要求``, ``2005年工作总体部署``, ``今后五年政府工作的主要任务``,
# ``二〇〇三年的工作重点``, ``第一个五年计划概要``, ``学习贯彻会议精神`` (but ``加强精神文明建设`` assigns work, and
# ``我们在文化教育战线上的任务`` names a topic of work).
_NOT_TASK_HEADING = re.compile(
    r"总体要求|目标|形势|原则|问题|精神(?!文明)|意见|回顾|成绩|成效|考虑|(?:主要|重点|基本|总|目标|工作|战略|中心)任务|"
    r"任务目标|指标|工作重点|重点工作|主要工作|概要|"
    r"总体部署|工作部署|工作安排|工作思路|"
    r"^(?:(?:19|20)\d\d年|今年|明年)?(?:政府)?(?:重点)?工作(?:任务|安排|总体部署|部署)?$"
    # the year's plan or budget as a whole (``二、１９５６年的国家预算``): no topic of work (judged round 7349)
    r"|^(?:(?:19|20|１９|２０)[0-9０-９]{2}年|今年|明年)的?(?:国家)?(?:预算|国民经济计划|计划)(?:草案)?$"
)
# The frame of all the measures: ``采取有力措施，保证…计划的完成``, ``为实现…计划而奋斗``, ``实现…任务的主要措施``.
_FRAME_HEADING = re.compile(
    r"保证[^。；]{0,30}(?:计划|任务|目标)[^，。；]{0,6}(?:完成|实现)|(?:完成|实现)[^，。；]{0,30}(?:计划|任务|目标)的?(?:主要|几项)?措施"
    r"|为(?:完成|实现)[^，。；]{0,30}(?:计划|任务|目标)而"
    # a count of the items that follow: ``深化落实…五大战略定位和使命任务``, ``全力抓好七项重点工作``
    r"|[二三四五六七八九十]+(?:大|项|个方面)[^，。；]{0,8}(?:任务|工作|定位|举措)$"
)
_COUNTED_FRAME = re.compile(r"[二三四五六七八九十]+(?:大|项|个方面)[^，。；]{0,8}(?:任务|工作|定位|举措)$")
# A plan's general part, the part of its tasks, and a part about another period than the year's.
_GENERAL_HEADING = re.compile(r"总体要求|总体部署|总体思路|指导思想|主要目标|预期目标")
_TASKS_HEADING = re.compile(r"任务|工作安排|重点工作|主要工作|工作的建议|工作建议")
_OTHER_PERIOD = re.compile(r"今后五年|五年|十[一二三四五六]五|规划|远景")
_TOWARD_THE_TARGETS = re.compile(r"(?:实现|完成)(?:上述|以上|这些)(?:目标|任务)")
_PARTY_SECTION = re.compile(
    r"党的(?:全面)?领导|党对经济工作|党的建设|作风|风清气正|自身建设|干部|抓落实|实干|担当|强化保障|组织保障|保障措施|落地见效|落到实处"
    r"|满意的?[^，。；\n]{0,8}政府|政府[^，。；\n]{0,4}治理|(?:服务|法治|廉洁|清廉|高效|效能|责任|新)型?政府|政府建设"
)
# ``今年工作的总体要求是：…；加强民主法制建设…；…``: the year's general requirement, whose clauses are no tasks.
_GENERAL_REQUIREMENT = re.compile(r"(?:总体要求|总的要求|指导思想|总体思路|基本思路)(?:是|为)?[：:]")
_LIST_ANNOUNCED = re.compile(
    r"(?:以下|如下|[几两三四五六七八九十]个?)(?:几点|几个方面|方面|点)[^。\n]{0,4}[。：:]"
)
_SEMICOLON_CLAUSE_MIN = 3
_SHORT_CLAUSE_MAX = 6
_PARALLEL_SENTENCES_MIN = 3
_SHORT_LEAD_MIN, _SHORT_LEAD_MAX = 4, 14
# A sentence that a list marker opens belongs to that list (``二要突出…``, ``（一）全力推进…``).
_LISTED_SENTENCE = re.compile(
    rf"{_LEAD}(?:[{_CN}]{{1,3}}(?:是要|是|要)|第[{_CN}]{{1,3}}[，,、]|[（(][{_CN}\d]{{1,3}}[）)]|\d{{1,2}}[.．、])"
)
_CLAUSE_MARK = re.compile(r"[，,、：:；;“”]")
_YAO_VERB = re.compile(
    r"要(?:以|在|把|坚持|着力|加快|推进|推动|加强|强化|深化|抓好|做好|持续|全面|大力|积极|切实|突出|聚焦|围绕|统筹|扎实|坚决|进一步|更加|始终|牢牢|不断)"
)
_ENUMERATED_SECTIONS = 3
_TOPIC_PARTS_AFTER_THE_PLANS_TASKS = 2
# A plan part that holds the year's main targets or general requirement holds the year's whole plan.
_YEARS_PLAN = re.compile(r"主要预期目标|主要目标是|预期目标是|主要预期指标|总体要求是")
# What a national report assigns in paragraphs of their own after its plan's parts: nationalities, religion,
# overseas Chinese, defence, Hong Kong and Macao, Taiwan, foreign affairs.
_STANDING_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (topic, re.compile(pattern))
    for topic, pattern in (
        ("nationalities", r"民族区域|民族团结|少数民族|民族地区|民族工作|民族政策|各民族"),
        ("religion", r"宗教"),
        ("overseas", r"侨务|侨胞|归侨"),
        ("defence", r"国防|军队|军事|强军|武警|双拥|拥军|退役军人|军政军民|军地"),
        ("hong_kong_macao", r"香港|澳门|港澳|一国两制|港人治港"),
        ("taiwan", r"台湾|两岸|台胞|台商|对台|和平统一"),
        (
            "foreign",
            r"外交|国际|世界各国|和平发展道路|全球|同(?:广大)?发展中国家|同发达国家|周边(?:国家|各国)|睦邻|多边外交|多极化",
        ),
        ("government", r"各级政府|政府工作|政府自身|法治政府|依法行政|政风|廉政|形式主义|官僚主义"),
    )
)
# The lines of work a closing paragraph gathers beside defence (LABELLING, Areas: national defence).
_GATHERED_LINES = re.compile(
    r"工会|共青团|妇联|人民团体|群团|气象|地震|档案|地方志|红十字|老龄|残疾人|妇女儿童|人防|新闻出版"
)
_GATHERED_MIN = 2
# A paragraph's topic is the first one named near its start (a list of 实事 may name 退役军人 at its end).
_TOPIC_WINDOW = 80
_REVIEW_PARAGRAPH = re.compile(r"(?:各位代表[！!，,])?(?:过去(?:的)?一年|一年来|过去五年|五年来|去年)")
_FORWARD_TURN = re.compile(r"(?<=[。！？!?])[ \t\u3000]*(?:在)?(?:新的一年|今年|明年|今后|下一步|未来)")
_NUMBERED = ("cn", "paren", "ord", "num", "paren_num")
# ``当前，正值岁末年初…``, ``眼下已进入冬季…``: a turn to the work at hand.
_CURRENT_WORK = re.compile(
    r"[ \t\u3000]*(?:当前|眼下|目前|近期)[，,]?(?:正值|已进入|已经进入|临近|即将)|[ \t\u3000]*(?:岁末年初|元旦春节)"
)
_OWN_CONDUCT = re.compile(r"政府|自身过硬|自身硬")
# Prose plans of old reports (``_prose_plan_tasks``).
_SPELLED_OUT = re.compile(r"具体(?:说来|地说|来说|讲)[，,：:]")
_PROBLEMS_ANNOUNCED = re.compile(
    r"(?:解决|处理)好?(?:以下|下列|如下)(?:几个|一些)?(?:问题|关系)|采取(?:以下|下列|如下)(?:几项|几个方面的?)?措施"
    r"[。：:]?$"
)
_TOPIC_FRAME = re.compile(
    r"[ \t\u3000]*(?:在)?[\u4e00-\u9fff、]{2,10}方面[，,]|[ \t\u3000]*对[\u4e00-\u9fff、]{2,10}[，,]"
)
_OBLIGATION = re.compile(r"(?<![主重纲概摘需])要(?![求素点件闻])|必须|应当|务必")
_CONNECTIVE = re.compile(r"[ \t\u3000]*(?:因此|所以|与此同时|同时|此外|另外|为此|总之|现在)[，,]")
# A paragraph that adds work of its own after a list's last item (``同时，做好国防动员…等工作``).
_ADDING_CONNECTIVE = re.compile(r"(?:与此同时|同时|此外|另外)[，,]")
_CIRCLED_NUMBER = re.compile(r"[\u2460-\u2473]")
# ``同时，高质量编制好“十四五”规划``, ``做好“十五五”规划编制工作``: the next plan to draft, a closing task.
_PLAN_TO_DRAFT = re.compile(r"十[一二三四五六]五|规划编制|编制[^。，；]{0,8}规划")
# ``扎实做好“一老一小”工作。…``: a paragraph led by a short sentence, a sub-item like the item's lead paragraphs
# (a short sentence that states, ``家事国事天下事，…是头等大事。``, heads nothing).
_SUB_ITEM_HEAD = re.compile(r"[^。！？!?是\n]{4,20}。")
_SECTOR_WINDOW = 26
_SECTORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("agriculture", r"农业|农村|农民|粮|棉花|经济作物|林、牧|林业|牧业|渔业|水利"),
        ("light_industry", r"轻工|纺织|消费品"),
        ("energy", r"能源|煤|电力|石油|节能|沼气|薪炭"),
        ("transport", r"交通|运输|铁路|港口|码头|公路|邮电"),
        ("enterprises", r"企业|(?<![轻重])工业生产"),
        ("construction", r"基本建设|投资|建设资金"),
        ("commerce", r"商业|市场|物价|流通"),
        ("trade", r"对外贸易|外贸|进出口|出口|外资"),
        ("finance", r"财政|税|信贷|银行|金融"),
        ("science", r"科学|科技|科研|技术"),
        ("education", r"教育|学校"),
        ("health", r"卫生|医疗|健康"),
        ("culture", r"文化|体育|新闻|出版"),
        ("employment", r"就业|劳动制度"),
        ("safety", r"劳动保护|安全生产"),
        ("population", r"计划生育|人口|节育"),
        ("living", r"人民生活|收入|工资|住房"),
        ("environment", r"环境|污染|生态"),
    )
)
_MEETING_REQUIREMENT = re.compile(
    r"[ \t\u3000]*(?:这次|本次|全会|大会)?会议(?:要求|强调|号召|提出)[，,：:](?=[^。\n]{0,30}要)"
)
_SALUTATION_LINE = re.compile(r"^(?:各位代表|同志们|代表们)[！!：:，,]?$")
_SALUTATION_OPENING = re.compile(r"^(?:各位代表|同志们|代表们)[！!]")
# A short call that opens with a salutation and ends with ``！`` assigns no work of its own.
_SHORT_CALL_MAX = 150
_CLOSING_WORDS = re.compile(r"结束语|结语|结束语[：:]")
_CLOSING_HEADING_LINE = re.compile(r"^[ \t\u3000]*(?:结束语|结语)[：:]?[ \t\u3000]*$", re.MULTILINE)
_SALUTATION_LEAD = re.compile(r"^(?:各位代表|同志们|代表们)[！!，,：:]")
_ASSIGNING_SENTENCE = re.compile(
    r"(?:[^，。；！？!?\n]{0,12}[，,])?(?:[^，。；！？!?\n]{0,8}?(?:(?<![重主需纲概摘为])要(?![求素点件闻])|将(?![来近])|必须|一定)"
    r"|(?:我们|政府|各级政府)?(?:继续|坚持|加强|推进|"
    r"全面|深入|支持|坚决|着力|进一步|努力|大力|积极|认真|切实|巩固|建立|发展|做好|加快|高度重视|高质量|编制|完成|"
    r"抓好|实施|开展|落实|强化|提升|优化|促进|推动|健全|完善|深化|扎实|持续|统筹|全力|充分发挥|发挥))(?!了)"
)
# ``巩固和发展各民族大团结，是国家长治久安…的根本保证``: why the work matters, not the work.
# ``做好今年的改革和建设工作，…具有极为重要的意义``: why the work matters, not the work.
_JUSTIFICATION = re.compile(
    r"[^，。；！？\n]{2,40}[，,](?:[^，。；！？\n]{2,30}[，,])?(?:也|都|更)?是(?!否)"
    r"|[^。；！？\n]{2,80}(?:具有|有着)[^，。；！？\n]{0,12}意义[。！]"
)
# ``支持国防和军队现代化建设是我们义不容辞的责任。``: a duty stated, why the work matters.
_DUTY = re.compile(
    r"(?:(?:各位代表|同志们)[，,！!])?[^，。；！？\n]{2,40}是(?:我们|我国|国家|全党|全国|各级政府)?[^，。；！？\n]{0,16}"
    r"(?:责任|任务|保证|保障|基础|前提|关键|使命|义务|条件)[。！!]"
)
# ``做好今年和“十五五”工作，对政府自身建设提出了更高要求。``: the demands the times make, stated, not work
# assigned (judged sample of round 7349).
_DEMANDS_STATED = re.compile(r"[^。；！？!?\n]{0,40}提出了?[^，。；！？!?\n]{0,10}要求[。！!]")
# ``我们认为，只要…，一切事情都好商量``: a view stated, not work assigned.
_OPINION = re.compile(r"(?:我们|我国政府|中国政府)?(?:认为|相信|深信|坚信|认识到)[，,]")
# A paragraph's work that is its closing call: ``…奋力谱写中国式现代化上海新篇章！``, ``…而努力奋斗！``.
_CALL_ENDING = re.compile(
    r"(?:谱写|书写|创造|铸就|开创)[^。！!]{0,30}(?:篇章|华章|辉煌|伟业|新局面)[！!]\s*$|奋斗[！!]\s*$"
)
# ``推动各项目标任务落到实处``, ``推动今年…各项任务拉满进度条``: carrying out all the plan's tasks is the call that
# closes a plan part, no work of its own.
_ALL_THE_TASKS = re.compile(r"推动[^。；！!，,]{0,20}各项(?:目标)?任务")
# ``只要全国各族人民团结一致，…一定能够完满实现，…一定会…繁荣富强起来。``: a paragraph that opens on a statement and
# closes on a confident forecast is the closing exhortation, whatever work it names between them.
_CONFIDENT_ENDING = re.compile(
    r"只要[^。！!]{0,40}[，,][^。！!]{0,20}(?:一定|必将|必定|就能|就一定)[^。！!]*[。！!]\s*$"
)
# ``在这两方面，…``, ``这些…``, ``上述…``: a paragraph that refers back to the work before it.
_REFERS_BACK = re.compile(
    r"[ \t\u3000]*(?:在)?(?:这|此|上述|以上)(?:[几两三四五六七八九十]个?)?(?:方面|些|几点|几项)"
)
# ``整个社会主义历史阶段，在加强物质文明建设的同时，必须大力加强…``: the sentence's work after its frame clauses.
_OBLIGATION_CLAUSE = re.compile(
    r"[^。；！？!?\n]{0,40}?[，,][ \t\u3000]*(?P<work>(?:我们|各级政府|政府)?(?:必须|一定要|务必)|我们(?:一定|将|要)(?!是))"
)
# ``我国是统一的多民族国家，`` before ``必须…``: a lead clause that states a fact.
_STATEMENT_CLAUSE = re.compile(
    r"(?:(?:各位代表|同志们)[，,！!])?[^，。；：:！？\n]{1,16}是[^，。；：:！？\n]{2,24}[，,][ \t\u3000]*"
    r"(?=(?:我们|各级政府|政府)?(?:必须|一定要|要|应当|务必))"
)
# ``打铁必须自身硬，攻坚必须本领强。``, ``大道至简，实干为要。``: a couplet of a saying, not an assignment.
_SLOGAN = re.compile(r"[^，。；！？!?\n]{2,8}[，,][^，。；！？!?\n]{2,8}[。！!]")
# ``各位代表！以上讲的五个问题，贯穿着一个总的精神``: a summing up of what was said.
_SUMMING_UP = re.compile(r"(?:各位代表[！!，,])?(?:以上|上述|总之|总而言之|综上)")
_EXHORTATION = re.compile(
    r"让我们|而(?:不懈|努力|团结)?奋斗[！!。]|^(?:回顾过去|展望未来)|紧密(?:地)?团结在以|^(?:各位代表[！!，,])?(?:使命在肩|征程万里)"
)
# In a closing paragraph only the genre's short lead phrases (``永葆政治本色。``) are items of their own.
_CLOSING_HEAD_MAX = 8
_PARALLEL_HEAD_MAX = 10

# Ties in the title go to ``other`` (foreign affairs, Hong Kong, Macao and Taiwan, nationalities and
# religion, however much else the title names), else to the area the body names most among the tied ones
# (``聚焦第三产业，激发城市经济新活力`` over a paragraph on 服务业), then to the earlier area.
_AREA_KEYWORDS: tuple[tuple[Area, re.Pattern[str]], ...] = (
    (
        "other",
        re.compile(
            r"外交|一国两制|港人治港|台湾|两岸|祖国统一|和平统一|民族区域|民族团结|宗教|侨务|中华民族共同体|民族工作"
            r"|文化强[省市县区国]|文化软实力|文化事业|文化传承|文化大发展|文化繁荣|精神文明|核心价值观|民主法制"
            r"|文化供给|文化中心|公共文化|文化服务|文化自信|文艺|文化创新|文化影响力|文化大都市|对外政策"
            r"|文化(?:建设|体制|振兴|赋能|使命|繁荣|传承)|(?:繁荣|发展|打造)[^，。；]{0,8}文化(?!产业|旅游|和旅游|生活)"
            r"|民主(?:和|与|、)?法[制治]|社会主义民主|民主政治|(?<=社会主义)政治建设"
            r"|人民团体|群团|工会|共青团|妇联"
        ),
    ),
    (
        "party",
        re.compile(
            r"党|(?<!社会)(?<!主义)(?<!国家的)政治(?!局面|体制|生活|协商|工作)|作风|政风|廉政|廉洁|干部|抓落实|政府|四个意识"
            r"|主体责任|本领|担当|自身建设|行政能力|组织领导|考核|督查|督办|问责|实干|干字当头|之风|风清气正|政绩观"
            r"|反腐|倡廉|腐败|政府机构|机构改革|行政(?:水平|效能|效率)|转变(?:政府)?职能"
        ),
    ),
    (
        "livelihood",
        re.compile(
            r"民生|就业|教育|医疗|社保|社会保障|养老|共同富裕|(?<!农民)收入|住房|卫生健康|社会政策|社会事业|社会建设"
            r"|和谐社会|获得感|幸福感|民心工程|惠民|实事|公共服务|社会各项事业|共享发展|人民生活|生活水平|控制人口|计划生育|计生|(?<!环境)卫生|美好生活"
        ),
    ),
    (
        "security",
        re.compile(
            r"风险|(?<!生态)安全(?!感)|(?<=安全)(?:体系|保障)|疫情|防控|应急|平安|防灾|信访|社会大局稳定|社会稳定|维稳|保稳定|供给保障|保供|国防|军队|强军"
            r"|政治局面|(?<!党内)政治生活|团结稳定|和谐稳定|救灾|抗震|社会治安|社会治理|(?<!城市)治理效能|健全治理体系|抓治理|高效能治理|减灾|维护稳定|稳定大局|部队|军事|政法"
        ),
    ),
    (
        "environment",
        re.compile(
            r"生态|绿色|低碳|降碳|减污|扩绿|碳达峰|碳中和|(?<!营商)(?<!发展)(?<!创优)(?<!软)(?<!政务)(?<!市场)(?<!法治)(?<!投资)环境|污染|美丽|节能|减排|可持续发展"
        ),
    ),
    (
        "innovation",
        re.compile(r"(?<!文化)(?<!守正)创新|科技|科学技术|研发|科研|新技术|科教兴国|人才|技术革命|技术进步"),
    ),
    (
        "urban_rural",
        re.compile(
            r"乡村|(?<=乡村)振兴|(?<=乡村全面)振兴|农村|农民增收|农民收入|城乡|城镇|城市|城区|区域|县域(?!经济)|都市圈|辐射|基础设施|补齐短板"
            r"|协同发展|京津冀|京雄保|长三角|粤港澳|大湾区|成渝|一体化发展|兵地|对口支援|对口援|东西部协作"
            r"|西部大开发|东北(?:地区)?(?:老工业基地)?振兴|振兴东北|中部(?:地区)?崛起|地区协调|各区协同"
            r"|脱贫|扶贫|贫困|新区|新城|边境地区"
        ),
    ),
    # ``能源资源和粮食安全``, ``初级产品供给保障``: security of supply is ``security``, not the sector.
    (
        "industry",
        re.compile(
            r"产业|制造业|工业|农业|服务业|项目|供给侧|(?<!文化)(?<!服务)供给(?!保障)|旅游|文旅|转型升级|竞争力|粮食"
            r"|能源(?![^，。；]{0,6}安全)|煤炭|电力|石油|交通运输|结构调整|调整结构|经济结构|发展方式"
            r"|(?:海洋|数字|智能|低空|县域)经济|三去一降一补|去产能|农牧业|畜牧|农畜产品"
            r"|招商|承接[^，。；]{0,10}(?:疏解|转移)"
        ),
    ),
    (
        "reform_opening",
        re.compile(
            r"(?<!结构性)改革|社会主义改造|开放|自贸|营商环境|发展环境|放管服|出口|外汇|一带一路|外贸|对外经济|对外贸易|对外"
            r"|国际经济|经济交流|技术交流|利用外资|(?<!社会)(?<!健全)治理(?:体系|能力|效能|现代化)|体制|市场经济|统一大市场"
            # the market system built (LABELLING, Areas: market entities)
            r"|市场体系|商品市场"
        ),
    ),
    (
        "economy",
        re.compile(
            r"(?<!海洋|数字|实体|智能|低空|县域)经济(?!结构|体制|技术|交流|发展方式|增长点)|增长(?!点)|投资|消费(?!品)|财政|金融|市场主体|内需|有效需求|国内需求|总需求|资本市场|融资|运行|六稳|六保"
            r"|物价|价格总水平|通货膨胀|宏观调控|基本建设"
            # judged round 9090: market stability (``关于保证市场的稳定问题``) and policy as a whole
            # (``发挥政策引导保障支撑作用，最大程度把政策红利转化为发展动力``: fiscal and monetary policy)
            r"|市场的?稳定|稳定市场|政策红利|政策(?:引导|支撑|工具|组合)|宏观政策"
        ),
    ),
)
_AREA_PATTERNS: dict[Area, re.Pattern[str]] = dict(_AREA_KEYWORDS)
# Culture named beside education, health, sport or science: a broad part of social undertakings, which
# is ``livelihood`` (LABELLING, judged rounds: areas of broad parts); culture alone stays ``other``.
_CULTURE = re.compile(r"文化(?!产业|旅游|和旅游)")
# ``加快行政管理体制改革，加强政府自身建设``: the government's own building is ``party`` whatever else it names.
_OWN_BUILDING = re.compile(r"自身建设")
# ``各级党委（党组）要切实加强党对经济工作的全面领导``: the party's leadership is ``party`` whatever work it leads,
# but in the army (``深入贯彻习近平强军思想…全面加强党的领导和党的建设``) the army's.
_PARTY_LEADERSHIP = re.compile(r"党的(?:全面)?领导|党对[^，。；]{0,8}的(?:全面)?领导")
_THE_ARMY = re.compile(r"军|国防")
# ``高质量编制“十五五”规划``, ``科学谋划“十五五”经济社会发展``: the next plan to draft is ``other`` (fixtures
# shanghai-2025, xizang-2025), whatever fields it names.
# ``打好“十四五”收官战``: finishing the plan that ends, like drafting the next, is ``other`` (judged round 9090).
_DRAFTING_A_PLAN = re.compile(
    r"(?:编制|谋划)[^。；，]{0,6}(?:十[一二三四五六]五|规划)|规划编制|十[一二三四五六]五”?(?:规划)?[^。；，]{0,2}收官"
)
# Foreign affairs, Hong Kong, Macao and Taiwan, religion: ``other`` however much else the title names
# (``外交工作要更好地服务于改革开放…``).
_FOREIGN_AND_NATIONAL = re.compile(
    r"外交|对外政策|和平发展道路|一国两制|港人治港|台湾|两岸|祖国统一|宗教|侨务"
)
# ``在发展生产和提高经济效益的基础上，继续改善城乡人民生活``: the opening frame names no topic of the task.
_FRAME_OPENING = re.compile(r"^(?:在[^，,。；]*(?:基础上|前提下)|以[^，,。；]*为重点)[，,]")
# ``用改革的办法深入推进“三去一降一补”``: reform as the means names no topic of the task (SPEC's example of
# supply-side structural reform is ``industry``).
_MEANS = re.compile(r"(?:用|以|靠)改革(?:创新)?的?(?:办法|思路|举措|方式|手段)")
_OTHER_SOCIAL_UNDERTAKING = re.compile(r"教育|卫生|科学|科技|科教")
# ``聚力推进城市治理现代化，提高城市安全韧性水平``: a city's governance with its safety and resilience is social
# governance, ``security`` (LABELLING, Areas), however often the title names the city.
_GOVERNANCE_AND_RESILIENCE = re.compile(r"治理[^。；]*韧性|韧性[^。；]*治理")
# ``积极抢抓机遇，推进经济实力迈上新台阶``, ``抢抓协同发展机遇，增强经济发展动能``: an occasion to seize and the
# economy's strength or drive as a broad aim name no topic of the task, whose body's lead work decides
# (LABELLING, Areas: judged round 7349, a body of bringing in projects is ``industry``).
# ``大力进行社会主义精神文明建设，促进改革开放和现代化事业的顺利发展``: the whole cause the work serves is no
# topic either (the part is culture, ``other``).
# Judged round 9090: ``转变发展方式，促进经济社会协调发展`` (over a body of saving resources and curbing pollution) and
# ``坚持以特色优势产业为支撑，在经济高质量发展上实现新突破``: the way of development and the economy's (and
# society's) development as a whole are broad aims too.
_BROAD_AIM = re.compile(
    r"(?:抢抓|抓住|抓牢|用好|把握)(?:[^，,。；]{0,8}政策)?机遇|(?<!县域)经济(?:发展)?新?(?:实力|动能)"
    r"|改革开放和(?:社会主义)?现代化(?:建设|事业)"
    r"|^转变(?:经济)?发展方式(?=[，,]|$)|(?<![县实])经济(?:社会)?(?:协调|高质量|持续健康|又好又快)发展"
)
# ``奋力打造绿色低碳循环的现代化产业体系``: green words that qualify the industry are no topic of their own
# (judged round 9090: ``industry``).
_GREEN_INDUSTRY = re.compile(
    r"(?:绿色|低碳|循环)(?:[、和与]?(?:绿色|低碳|循环))*(?=的?[^，,。；]{0,6}(?:产业|制造业|工业))"
)
# Coordinated development with Beijing and Tianjin over a body of bringing in projects is ``industry`` (LABELLING,
# Areas: judged rounds 7349 and 9090, ``聚焦积极融入京雄保一体化发展格局``, ``在协同发展上开新局，融入京雄保一体化``).
_COORDINATION = re.compile(r"协同发展|京津冀|京雄保|雄安|京津|非首都功能")
_PROJECTS = re.compile(r"招商|项目")
_PROJECTS_MIN = 3


@dataclass(frozen=True)
class _Marker:
    kind: str
    number: int
    start: int
    body: int
    line_start: bool


@dataclass
class _Run:
    kind: str
    markers: list[_Marker]
    spans: list[tuple[int, int]] = field(default_factory=list)
    excluded: bool = False
    parent: _Run | None = None

    @property
    def start(self) -> int:
        return self.markers[0].start


@dataclass(frozen=True)
class _Region:
    start: int
    end: int
    heading: str | None
    heading_start: int | None


def find_tasks(chunk: Chunk) -> list[TaskDraft]:
    tasks: list[TaskDraft] = []
    regions = _plan_regions(chunk)
    topics = _topic_parts(chunk.text, regions)
    plans_tasks: list[_Region] = []
    if not topics:
        topics, plans_tasks = _topic_parts_after_the_plans_tasks(chunk.text, regions)
    beside = [] if topics else _beside_counted_parts(chunk.text, regions)
    for region in regions:
        if region in topics or region in beside:
            tasks.extend(_topic_part_tasks(chunk.text, region))
        elif not topics or region in plans_tasks or _frames_the_plan(chunk.text, region):
            general = _general_part_before_tasks(region, regions)
            tasks.extend(_region_tasks(chunk.text, region, general=general))
        # else: the general part of a plan set out in topic parts (``二、2005年工作总体部署``): its guidance,
        # targets and emphases are no items of the plan, whose items are the topic parts.
    seen: set[int] = set()
    unique = []
    for task in map(_without_connective, tasks):
        if task.offset not in seen:
            seen.add(task.offset or 0)
            unique.append(task)
    return sorted(unique, key=lambda task: task.offset or 0)


def _without_connective(task: TaskDraft) -> TaskDraft:
    """``同时，加强国防教育…``: the title and quote start after a leading connective (JUDGING, title)."""
    connective = _CONNECTIVE.match(task.title)
    if connective is None or task.quote != task.title or task.offset is None:
        return task
    cut = connective.end()
    return task.model_copy(
        update={"title": task.title[cut:], "quote": task.quote[cut:], "offset": task.offset + cut}
    )


def _plan_regions(chunk: Chunk) -> list[_Region]:
    """The chunk's plan sections, chunk-relative, each without its heading."""
    sections = chunk.document.sections or outline(chunk.text, 0, len(chunk.text))
    offset = 0 if not chunk.document.sections else chunk.start
    regions: list[_Region] = []
    for section in sections:
        if section.part != "plan":
            continue
        start, end = max(section.start - offset, 0), min(section.end - offset, len(chunk.text))
        if start >= end:
            continue
        heading, heading_start = None, None
        if section.heading is not None and section.start - offset >= 0:
            heading_start = start
            # The heading is its line, or the line's first sentence where the part runs on in the line
            # (``四、明年经济工作中的八个方面重点任务。一是…二是…``): the items start after it.
            at = chunk.text.find(section.heading, start, end)
            line_end = _line_end(chunk.text, start, end)
            start = at + len(section.heading) if 0 <= at < line_end else line_end
            heading = chunk.text[heading_start:start].strip()
        regions.append(_Region(start, end, heading, heading_start))
    return regions


def _line_end(text: str, start: int, end: int) -> int:
    newline = text.find("\n", start, end)
    return end if newline < 0 else newline + 1


def _topic_parts(text: str, regions: list[_Region]) -> list[_Region]:
    """The plan's topic parts, where the plan is set out in them (SPEC 3, Tasks), else none.

    Where three or more numbered parts of the plan are each headed by an assignment rather than a part's
    name (``三、继续保持经济平稳较快发展``, ``四、大力推进经济体制改革和对外开放``, as in national reports before
    about 2008), each part heading is a task and its ``（一）``/``第一，`` items are its subtasks. A part that
    holds the year's main targets or general requirement is the year's whole plan in one part, not a topic
    (``三、一鼓作气勇争先，全力推动“十五五”开好局``, whose ``（一）…（九）`` are the tasks).
    """
    headed = [
        region
        for region in regions
        if _assignment_heading(text, region) is not None and not _frames_the_plan(text, region)
    ]
    if len(headed) < _ENUMERATED_SECTIONS:
        return []
    if any(_YEARS_PLAN.search(text, region.start, region.end) for region in headed):
        return []
    return headed


def _topic_parts_after_the_plans_tasks(
    text: str, regions: list[_Region]
) -> tuple[list[_Region], list[_Region]]:
    """A plan whose first part names the plan's tasks as a whole (``二、“七五”时期的基本任务和主要建设方针``) and
    whose next parts are each a topic of work (``三、“七五”时期的经济体制改革``, ``四、坚持独立自主的和平外交政策``):
    the plan is spread over several parts (SPEC 3, Tasks; judged round 9090), so two topic parts after it are
    enough. The topic parts' headings are tasks with their ``（一）…`` items as subtasks; the first part, the plan
    as a whole like ``二、1981年国民经济计划的任务和主要指标`` (LABELLING 4), keeps its numbered items as tasks.
    A part on the government's own building keeps its items as tasks (LABELLING 3), so it is no topic here.

    Returns the topic parts and the part of the plan's tasks, both empty where the plan is not set out so.
    """
    topics = [
        region
        for region in regions
        if (title := _assignment_heading(text, region)) is not None
        and not _frames_the_plan(text, region)
        and not _PARTY_SECTION.search(title)
    ]
    if len(topics) < _TOPIC_PARTS_AFTER_THE_PLANS_TASKS:
        return [], []
    if any(_YEARS_PLAN.search(text, region.start, region.end) for region in topics):
        return [], []
    plans_tasks = [
        region
        for region in regions
        if region.start < topics[0].start and _names_the_plans_tasks(text, region)
    ]
    return (topics, plans_tasks[-1:]) if plans_tasks else ([], [])


def _names_the_plans_tasks(text: str, region: _Region) -> bool:
    """A numbered part named for the plan's tasks as a whole (``二、“七五”时期的基本任务和主要建设方针``), not for its
    general requirement or goals (``二、“十五五”时期主要目标任务``, ``二、2005年工作总体部署``)."""
    if region.heading is None or region.heading_start is None:
        return False
    if _HEADING_NUMBER.match(text, region.heading_start) is None or _assignment_heading(text, region):
        return False
    return bool(_TASKS_HEADING.search(region.heading)) and not _GENERAL_HEADING.search(region.heading)


def _beside_counted_parts(text: str, regions: list[_Region]) -> list[_Region]:
    """A plan set out in parts that count their items (``二、深化落实…五大战略定位和使命任务``, ``三、全力抓好七项
    重点工作``), beside a part headed by a line of work of its own (``一、把铸牢中华民族共同体意识作为民族地区各项
    工作的主线``): that part is a topic part, its heading the task and its ``（一）…（三）`` subtasks (judged round
    7349); the part on the party's leadership and the government's own building keeps its items as tasks."""
    counted = [
        region
        for region in regions
        if (title := _assignment_heading(text, region)) is not None and _COUNTED_FRAME.search(title)
    ]
    if not counted:
        return []
    return [
        region
        for region in regions
        if (title := _assignment_heading(text, region)) is not None
        and not _frames_the_plan(text, region)
        and not _PARTY_SECTION.search(title)
    ]


def _frames_the_plan(text: str, region: _Region) -> bool:
    """A part headed as the frame of all the measures (``三、采取有力措施，保证1980、1981年计划的完成``): no topic
    of work but the plan's means as a whole, whose numbered items are the tasks (LABELLING 4)."""
    title = _assignment_heading(text, region)
    return title is not None and bool(_FRAME_HEADING.search(title))


def _assignment_heading(text: str, region: _Region) -> str | None:
    if region.heading is None or region.heading_start is None:
        return None
    number = _HEADING_NUMBER.match(text, region.heading_start)
    if number is None:
        return None
    title = _lead_clause(text, number.end(), region.start)
    return None if not title or _NOT_TASK_HEADING.search(title) else title


def _topic_part_tasks(text: str, region: _Region) -> list[TaskDraft]:
    """A topic part's heading as its task, with its first-level items as subtasks; after them, the standing
    assignments a national report closes a part with (``各位代表！加强国防和军队建设…``) as tasks of their own."""
    task = _heading_task(text, region)
    if task is None:
        return []
    markers = _markers(text, region)
    boundary = _closing_boundary(text, region, markers)
    body = (
        region if boundary is None else _Region(region.start, boundary, region.heading, region.heading_start)
    )
    runs = _runs([marker for marker in markers if marker.start < body.end], text, body)
    runs += _parallel_sentence_runs(text, body)
    _nest(runs, text)
    top = [run for run in runs if run.parent is None and not _sets_out_no_assignments(run, text, body)]
    # The part's own items: a numbered list of paragraphs, else paragraphs led by a short sentence, before any
    # inline ``一是…`` list (which sits inside one of those paragraphs).
    top.sort(
        key=lambda run: (
            not (run.kind in _NUMBERED and run.markers[0].line_start),
            not run.markers[0].line_start,
            run.start,
        )
    )
    subtasks = [
        phrase
        for run in _subtask_runs(top)
        for marker, (_, end) in zip(run.markers, run.spans, strict=True)
        if (phrase := _lead_clause(text, marker.body, end)[:_SUBTASK_MAX])
    ]
    tasks = [task.model_copy(update={"subtasks": subtasks})]
    if boundary is not None:
        # After a ``结束语`` heading the paragraphs are the report's closing part, not the topic part's own:
        # each that assigns work is a task (LABELLING 3), as after a plan's last numbered item.
        standing_only = _CLOSING_HEADING_LINE.search(text, region.start, boundary) is None
        tasks.extend(_closing_tasks(text, boundary, region.end, party=False, standing_only=standing_only))
    return tasks


def _subtask_runs(top: list[_Run]) -> list[_Run]:
    """A topic part's own items: its numbered list; failing that, all its paragraphs led by a short sentence
    (in runs broken by other paragraphs), in order; failing that, its first inline list."""
    if not top:
        return []
    if top[0].kind in _NUMBERED and top[0].markers[0].line_start:
        return top[:1]
    led = sorted((run for run in top if run.kind == "lead"), key=lambda run: run.start)
    return led or top[:1]


def _closing_boundary(text: str, region: _Region, markers: list[_Marker]) -> int | None:
    """Where a list's last item ends at a salutation (``各位代表！``) that opens the closing paragraphs."""
    numbered = [marker for marker in markers if marker.kind in _NUMBERED and marker.line_start]
    if not numbered:
        return None
    position = _line_end(text, numbered[-1].start, region.end)
    while position < region.end:
        line_end = _line_end(text, position, region.end)
        line = text[position:line_end].strip()
        if _SALUTATION_LINE.match(line) or _SALUTATION_OPENING.match(line):
            return position
        position = line_end
    return None


def _closing_tasks(
    text: str, start: int, end: int, party: bool, standing_only: bool = False
) -> list[TaskDraft]:
    """After a list, the paragraphs that each assign work (民族, 国防, 港澳, 外交 …), one task a topic.

    A paragraph that goes on with the topic of the one before it (``加快推进与港澳地区货物贸易的人民币结算试点``
    after ``我们将坚定不移地贯彻“一国两制”…``) is part of that task; one that reports the past year
    (``过去的一年，对台工作取得重要进展``) assigns nothing. ``standing_only`` keeps only the standing topics.
    """
    tasks: list[TaskDraft] = []
    previous_topic: str | None = None
    position = start
    while position < end:
        line_end = _line_end(text, position, end)
        paragraph = text[position:line_end].strip()
        if _CLOSING_WORDS.fullmatch(paragraph):
            break  # ``结束语``: what follows closes the report
        body = _skip_space(text, position, line_end)
        assigning = None
        listed = [
            run
            for run in _parallel_sentence_runs(text, _Region(position, line_end, None, None))
            if run.kind == "heads" and _closing_heads(text, run)
        ]
        if listed and not standing_only:
            for run in listed:
                # ``…自身过硬是关键。…努力建设人民满意政府。永葆开放之心。…``: the government's own conduct
                lead = text[position : run.start]
                own_conduct = party or bool(_PARTY_SECTION.search(lead) or _OWN_CONDUCT.search(lead))
                tasks.extend(_run_tasks(run, listed, text, own_conduct))
            previous_topic = None
        elif paragraph and not _SALUTATION_LINE.match(paragraph):
            forward = _forward_part(text, body, line_end)
            if forward is not None and _REFERS_BACK.match(text, forward, line_end):
                forward = None  # ``在这两方面，…。与此同时，…``: it goes on with the work before it
            topic = _standing_topic(text[forward:line_end]) if forward is not None else None
            if forward is not None and (topic is None or topic != previous_topic):
                assigning = _first_assigning_sentence(text, forward, line_end)
                if (standing_only and topic in (None, "government")) or _exhorts(
                    paragraph, body, assigning, text
                ):
                    assigning = None
            if assigning is not None:
                previous_topic = topic
        if assigning is not None:
            marker = _LISTED_SENTENCE.match(text, assigning, line_end)
            assigning = marker.end() if marker else _past_a_statement(text, assigning, line_end)
            inline = _inline_items_after_a_lead(text, assigning, line_end)
            if inline:
                # ``…对加强政府自身建设提出了新的更高要求。我们始终要…。一是坚持依法行政…二是…``: the items
                own_conduct = party or bool(_PARTY_SECTION.search(text, position, inline[0]))
                for clause_start in inline:
                    title = _lead_clause(text, clause_start, line_end)
                    body_text = text[clause_start : min(line_end, clause_start + 200)]
                    area = "party" if own_conduct else _area(title, body_text)
                    tasks.append(TaskDraft(title=title, area=area, quote=title, offset=clause_start))
                position = line_end
                continue
            series = _series_after_colon(text, assigning, line_end)
            for clause_start in series or [assigning]:
                title = _lead_clause(text, clause_start, line_end)
                body_text = text[clause_start : min(line_end, clause_start + 200)]
                # In a part on the government's own building, its closing paragraphs on 港澳, 台湾 or 外交 keep their area.
                own_topic = previous_topic in (None, "government")
                area = "party" if party and own_topic else _area(title, body_text)
                if area == "security" and _gathers_several_lines(paragraph):
                    area = "other"
                elif _DRAFTING_A_PLAN.search(text, body, clause_start):
                    area = "other"  # ``今年是“十五五”规划编制关键期。要加强重大问题研究，谋划好重大项目…``
                tasks.append(TaskDraft(title=title, area=area, quote=title, offset=clause_start))
        position = line_end
    return tasks


_INLINE_SHI = re.compile(rf"[。；;！!][ \t\u3000]*([{_CN}])是(?!要)")


def _inline_items_after_a_lead(text: str, start: int, end: int) -> list[int]:
    """Where a closing paragraph's lead sentence is followed by inline ``一是…二是…`` items, where each item
    starts (after its marker); else none (SPEC, Tasks: the inline items are the tasks, not the lead)."""
    starts: list[int] = []
    for match in _INLINE_SHI.finditer(text, start, end):
        if _CN.index(match.group(1)) != len(starts):
            break
        starts.append(match.end())
    return starts if len(starts) >= 2 else []


def _past_a_statement(text: str, start: int, end: int) -> int:
    """Where the work a sentence assigns begins: after a lead clause that states a fact
    (``我国是统一的多民族国家，必须坚持…`` -> ``必须坚持…``), else its start."""
    statement = _STATEMENT_CLAUSE.match(text, start, end)
    if statement:
        return statement.end()
    framed = (
        None if _ASSIGNING_SENTENCE.match(text, start, end) else _OBLIGATION_CLAUSE.match(text, start, end)
    )
    return framed.start("work") if framed else start


def _exhorts(paragraph: str, body: int, assigning: int | None, text: str) -> bool:
    """A closing exhortation (``各位代表！大道至简，实干为要。让我们…``, ``我们要更加紧密地团结在以…``): the call
    opens the paragraph's work or is the sentence that seems to assign it. A paragraph that assigns work and
    only ends on a call (``…要坚持和完善民族区域自治制度…。让我们团结奋进…！``) is still a task."""
    short_call = len(paragraph) <= _SHORT_CALL_MAX and paragraph.endswith(("！", "!"))
    if _SALUTATION_LEAD.match(paragraph) and short_call and _standing_topic(paragraph) is None:
        return True  # ``各位代表！团结就是力量，奋斗创造伟业。…奋力推动宏伟蓝图变成美好现实！``
    if (
        assigning is not None
        and _CALL_ENDING.search(paragraph)
        and _standing_topic(paragraph) is None
        and not _SENTENCE_END.search(paragraph, assigning - body, len(paragraph) - 1)
    ):
        return (
            True  # ``大道至简，实干为要。我们要大力弘扬…，奋力谱写…新篇章！``: the work it names is the call
        )
    if assigning is not None and _SALUTATION_LEAD.match(paragraph):
        sentence_end = _SENTENCE_END.search(text, assigning)
        if _ALL_THE_TASKS.search(text, assigning, sentence_end.start() if sentence_end else len(text)):
            return (
                True  # ``各位代表！…我们将全力推动今年…各项任务拉满进度条、跑出加速度。``: no work of its own
            )
    if (
        assigning is not None
        and assigning > body
        and _CONFIDENT_ENDING.search(paragraph)
        and _standing_topic(paragraph) is None
    ):
        return True  # ``在…精神鼓舞下，全国各族人民正在…。…只要…团结一致，…一定能够完满实现。``
    exhortation = _EXHORTATION.search(paragraph)
    if exhortation is None:
        return False
    if assigning is None or _SALUTATION_LEAD.match(paragraph):
        return True
    sentence_end = _SENTENCE_END.search(text, assigning)
    return body + exhortation.start() < (sentence_end.start() if sentence_end else len(text))


def _series_after_colon(text: str, start: int, end: int) -> list[int]:
    """``今年工作的基本要求是：在改革方面，要…；在建设方面，要…；要继续…。``: where a sentence's lead clause
    only announces its items, the clauses between semicolons that follow are the tasks (their starts)."""
    lead_end = _LEAD_CLAUSE_END.search(text, start, end)
    if lead_end is None or text[lead_end.start()] not in "：:":
        return []
    sentence_end = _SENTENCE_END.search(text, lead_end.end(), end)
    pieces = _split_keep_offsets(text, lead_end.end(), sentence_end.start() if sentence_end else end, "；;")
    return [piece_start for piece_start, _ in pieces] if len(pieces) >= _SEMICOLON_CLAUSE_MIN else []


def _forward_part(text: str, start: int, end: int) -> int | None:
    """Where a closing paragraph turns to the coming period: its start, or for one that opens on the past
    year (``过去一年，国防和军队建设取得新的重大成就。新的一年，要…``) the sentence that turns ahead; None if
    none, or for a summing up of what was said."""
    if _SUMMING_UP.match(text, start, end):
        return None
    if not _REVIEW_PARAGRAPH.match(text, start, end):
        return start
    turn = _FORWARD_TURN.search(text, start, end)
    return turn.start() if turn else None


def _gathers_several_lines(paragraph: str) -> bool:
    """A closing paragraph that gathers several lines of work with defence (``加强国防动员…。发挥工会、共青团、妇联
    等人民团体桥梁纽带作用。做好民族宗教、气象地震…等工作。``): ``other``, though its first clause, and so its
    title, is on defence (LABELLING, Areas: national defence)."""
    topics = {topic for topic, pattern in _STANDING_TOPICS if pattern.search(paragraph)}
    if "defence" not in topics:
        return False
    lines = set(_GATHERED_LINES.findall(paragraph)) | (topics - {"defence", "government"})
    return len(lines) >= _GATHERED_MIN


def _standing_topic(paragraph: str) -> str | None:
    """Which standing topic of a national report a paragraph is about: the first one named near its start,
    else one named at least twice in it (a list of 实事 that names 退役军人 once at its end is about none)."""
    near = _first_topic(paragraph[:_TOPIC_WINDOW])
    if near is not None:
        return near
    return _first_topic(paragraph, at_least=2)


def _first_topic(paragraph: str, at_least: int = 1) -> str | None:
    """The standing topic named first in the paragraph, among those named ``at_least`` times."""
    found = []
    for topic, pattern in _STANDING_TOPICS:
        matches = list(pattern.finditer(paragraph))
        if len(matches) >= at_least:
            found.append((matches[0].start(), topic))
    return min(found)[1] if found else None


def _closing_heads(text: str, run: _Run) -> bool:
    """The genre's short lead phrases of a closing paragraph (``永葆政治本色。``), or slightly longer ones that open
    alike (``要以赤诚之心讲政治。``, ``要以勤勉之心提效能。``); not any short sentences (``强化审计监督。``)."""
    lengths = [_head_length(text, marker.start) for marker in run.markers]
    if all(length <= _CLOSING_HEAD_MAX for length in lengths):
        return True
    openings = {text[marker.start : marker.start + 2] for marker in run.markers}
    return len(openings) == 1 and all(length <= _PARALLEL_HEAD_MAX for length in lengths)


def _head_length(text: str, start: int) -> int:
    end = _LEAD_CLAUSE_END.search(text, start)
    return (end.start() if end else len(text)) - start


def _first_assigning_sentence(text: str, start: int, end: int) -> int | None:
    """Where a paragraph's first sentence that assigns work begins: statements of fact and justifications
    (``加强国防和军队建设，是我国现代化建设的战略任务``) are skipped."""
    for sentence_start, _ in _sentences(text, start, end):
        if (
            (
                _ASSIGNING_SENTENCE.match(text, sentence_start)
                or _OBLIGATION_CLAUSE.match(text, sentence_start)
            )
            and not _JUSTIFICATION.match(text, sentence_start)
            and not _DUTY.match(text, sentence_start)
            and not _OPINION.match(text, sentence_start)
            and not _SLOGAN.match(text, sentence_start)
            and not _DEMANDS_STATED.match(text, sentence_start)
        ):
            return sentence_start
        if _series_after_colon(text, sentence_start, end):
            return sentence_start
    return None


def _general_part_before_tasks(region: _Region, regions: list[_Region]) -> bool:
    """The year's general requirement (``二、2025年工作总体要求和主要目标``) where a later part of the same plan
    holds its tasks (``三、2025年工作安排``): what it lists after the targets is guidance (LABELLING 2)."""
    heading = region.heading or ""
    if not _GENERAL_HEADING.search(heading) or _OTHER_PERIOD.search(heading):
        return False
    later = [other for other in regions if other.start > region.start and other.heading]
    return any(
        _TASKS_HEADING.search(other.heading or "") and not _OTHER_PERIOD.search(other.heading or "")
        for other in later
    )


def _region_tasks(text: str, region: _Region, general: bool = False) -> list[TaskDraft]:
    markers = _markers(text, region)
    boundary = _closing_boundary(text, region, markers)
    party = region.heading is not None and bool(_PARTY_SECTION.search(region.heading))
    closing: list[TaskDraft] = []
    if boundary is not None:
        closing = _closing_tasks(text, boundary, region.end, party)
        region = _Region(region.start, boundary, region.heading, region.heading_start)
        markers = [marker for marker in markers if marker.start < boundary]
    return _listed_tasks(text, region, markers, party, general) + closing


def _listed_tasks(
    text: str, region: _Region, markers: list[_Marker], party: bool, general: bool = False
) -> list[TaskDraft]:
    runs = _runs(markers, text, region)
    runs += _parallel_sentence_runs(text, region)
    _nest(runs, text)
    # Two short-sentence paragraphs make sub-items of a numbered item; on their own it takes three.
    runs = [
        run
        for run in runs
        if not (
            run.kind == "lead"
            and run.parent is None
            and len(run.markers) < _LEAD_RUN_MIN
            and not _policy_pair(run, text)
        )
    ]
    for run in runs:
        run.excluded = run.excluded or _sets_out_no_assignments(run, text, region)
        if (
            general
            and run.parent is None
            and (
                _after_the_targets(run, text, region)
                or _announced_in_its_paragraph(run, text, region)
                or (not run.markers[0].line_start and _YEARS_PLAN.search(text, region.start, run.start))
            )
        ):
            # ``为实现上述目标，要注重抓好以下几个方面：一是…``, or a paragraph's run of ``围绕打造…。围绕打造…``
            # after the targets: guidance, the tasks come later (paragraphs led by policies,
            # ``财政政策要更加积极有效。…``, stay items)
            run.excluded = True
    numbered = [run.start for run in runs if run.kind in _NUMBERED and run.markers[0].line_start]
    for run in runs:
        preamble = numbered and run.start < min(numbered)
        if preamble and (run.kind in ("par", "heads") or not run.markers[0].line_start):
            run.excluded = True  # a plan part's preamble: attitudes, stances and principles before its list
    tasks: list[TaskDraft] = []
    for run in runs:
        if run.parent is None and not run.excluded:
            tasks.extend(_run_tasks(run, runs, text, party))
            tasks.extend(_after_the_last_item(run, runs, text, party))
    covered = [span for run in runs for span in run.spans]
    prose = _prose_plan_tasks(text, region, covered, party)
    tasks.extend(prose)
    covered += [(task.offset or 0, (task.offset or 0) + 1) for task in prose]
    series = _semicolon_series_tasks(text, region, covered, party)
    tasks.extend(series)
    tasks.extend(_meeting_requirements(text, region, covered))
    tasks.extend(_after_an_inline_list(text, region, runs, series, party))
    tasks.extend(_current_work_after_the_last_item(text, region, runs, party))
    if not tasks and all(run.excluded for run in runs if run.parent is None):
        tasks.extend(_paired_lead_paragraphs(text, region, party))
    if not tasks and all(run.excluded for run in runs if run.parent is None):
        heading_task = _heading_task(text, region)
        if heading_task is not None:
            tasks.append(heading_task)
    return tasks


def _clause_led(text: str, region: _Region) -> list[list[int]]:
    """Runs of three or more paragraphs in a row each led by a short clause and a sentence that goes on from it,
    the clauses all short (``践行初心使命，…``, ``强化法治思维，…``) or opening alike (``我们将加强政治建设，…``,
    ``我们将加强法治建设，…``): where each starts. A frame (``今年，``, ``同时，``) or a statement opens no item."""
    groups: list[list[tuple[int, str]]] = [[]]
    position = region.start
    while position < region.end:
        line_end = _line_end(text, position, region.end)
        if not text[position:line_end].strip():
            position = line_end
            continue
        lead = _CLAUSE_LED.match(text, position, line_end)
        if lead is not None and not _FRAME_CLAUSE.search(lead.group("clause")):
            groups[-1].append((lead.start("clause"), lead.group("clause")))
        elif groups[-1]:
            groups.append([])
        position = line_end
    return [
        [start for start, _ in group]
        for group in groups
        if len(group) >= _PARALLEL_SENTENCES_MIN
        and (
            all(len(clause) <= _SHORT_CLAUSE_MAX for _, clause in group)
            or len({clause[:2] for _, clause in group}) == 1
        )
    ]


def _is_saying(sentence: str) -> bool:
    """A saying of two clauses: the second takes up the end of the first (``新时代呼唤新担当，新担当需要新作为``) or
    mirrors it (``行者常至，为者常成``, ``民族要振兴，乡村必振兴``: as long, with two characters or more in place)."""
    first, _, second = sentence.replace(",", "，").partition("，")
    if second.startswith(first[-2:]):
        return True
    return len(first) == len(second) and sum(a == b for a, b in zip(first, second, strict=True)) >= 2


def _paired_lead_paragraphs(text: str, region: _Region, party: bool) -> list[TaskDraft]:
    """A part with no list whose paragraphs are each led by a sentence of two short clauses, three or more in a
    row (``恪守忠诚，旗帜鲜明讲政治。…``, ``恪守法治，依法行政重规范。…``): those paragraphs are its items, the tasks
    (LABELLING 3: the items of a ``加强政府自身建设`` part), not the part's heading. A saying before them
    (``新时代呼唤新担当，新担当需要新作为。``) is no item. Failing such a run, paragraphs led by a short clause and a
    sentence that goes on from it (``_clause_led``)."""
    groups: list[list[int]] = [[]]
    position = region.start
    while position < region.end:
        line_end = _line_end(text, position, region.end)
        if not text[position:line_end].strip():
            position = line_end
            continue
        lead = _PAIRED_LEAD.match(text, position, line_end)
        if lead is not None and not _is_saying(lead.group(1)) and not _WHOLE_YEARS_WORK.match(lead.group(1)):
            groups[-1].append(lead.start(1))
        elif groups[-1]:
            groups.append([])
        position = line_end
    found = [starts for starts in groups if len(starts) >= _PARALLEL_SENTENCES_MIN] or _clause_led(
        text, region
    )
    tasks: list[TaskDraft] = []
    for starts in found:
        for start in starts:
            title = _lead_clause(text, start, region.end)
            area: Area = "party" if party else _area(title, text[start : min(region.end, start + 200)])
            tasks.append(TaskDraft(title=title, area=area, quote=title, offset=start))
    return tasks


def _after_an_inline_list(
    text: str, region: _Region, runs: list[_Run], series: list[TaskDraft], party: bool
) -> list[TaskDraft]:
    """Paragraphs after a plan's last list of ``一是…`` paragraphs that each assign work of their own
    (``各级党委（党组）要切实加强党对经济工作的全面领导…``, ``要做好就业、教育、医疗…等各项工作``): one task a
    paragraph, by the closing paragraphs' rules (LABELLING 2, Tasks). A numbered list's last item runs to the
    part's end, so only lists of ``一是`` / ``一要`` paragraphs leave such paragraphs."""
    top = [run for run in runs if run.parent is None and not run.excluded and run.markers[0].line_start]
    if not top:
        return []
    last = max(top, key=lambda run: run.spans[-1][1])
    if last.kind not in ("yao", "shi"):
        return []
    after = last.spans[-1][1]
    if after >= region.end:
        return []
    taken = {_line_end(text, task.offset or 0, region.end) for task in series}
    return [
        task
        for task in _closing_tasks(text, after, region.end, party)
        if _line_end(text, task.offset or 0, region.end) not in taken
    ]


def _current_work_after_the_last_item(
    text: str, region: _Region, runs: list[_Run], party: bool
) -> list[TaskDraft]:
    """A December speech's closing paragraph on the work at hand (``当前，正值岁末年初…。我们要统筹抓好当前各项
    工作…``) inside the span of the plan's last numbered item: a task of its own, not part of that item."""
    top = [
        run
        for run in runs
        if run.parent is None and not run.excluded and run.kind in _NUMBERED and run.markers[0].line_start
    ]
    if not top:
        return []
    last = max(top, key=lambda run: run.spans[-1][1])
    item_start, item_end = last.spans[-1]
    position = _line_end(text, item_start, item_end)
    while position < item_end:
        line_end = _line_end(text, position, item_end)
        if _CURRENT_WORK.match(text, position, line_end):
            return _closing_tasks(text, position, line_end, party)
        position = line_end
    return []


def _after_the_targets(run: _Run, text: str, region: _Region) -> bool:
    """A list introduced as the way to the targets just set (``实现上述目标，我们一定…。一是…``)."""
    paragraph = max(text.rfind("\n", region.start, run.start) + 1, region.start)
    before = max(text.rfind("\n", region.start, max(paragraph - 1, region.start)) + 1, region.start)
    introduction = text[paragraph : run.start] if run.start > paragraph else ""
    return bool(_TOWARD_THE_TARGETS.search(introduction or text[before:paragraph]))


def _announced_in_its_paragraph(run: _Run, text: str, region: _Region) -> bool:
    """``做好今年工作，要…注重以下几点。一是…``: a list the general part announces is its emphases (LABELLING 2)."""
    paragraph = max(text.rfind("\n", region.start, run.start) + 1, region.start)
    return bool(_LIST_ANNOUNCED.search(text, paragraph, run.start))


def _policy_pair(run: _Run, text: str) -> bool:
    """Two lead paragraphs that each set a macro policy (``继续实施积极的财政政策。``, ``货币政策要保持稳健中性。``):
    the year's policies, tasks of the plan even where the plan's numbered list comes after them."""
    return all(
        "政策" in _lead_clause(text, marker.body, end)
        for marker, (_, end) in zip(run.markers, run.spans, strict=True)
    )


def _prose_plan_tasks(
    text: str, region: _Region, covered: list[tuple[int, int]], party: bool
) -> list[TaskDraft]:
    """A plan written as prose, as old reports do, outside every list (LABELLING 4, Task level in old reports).

    - After ``具体说来，`` (the main tasks spelled out), each sentence that assigns work is a task.
    - After ``要注意解决以下问题。`` (or ``采取以下措施``), the sentences up to the next list or the end of the part
      give one task a topic: a sentence that assigns work opens a task unless it names no sector of its own
      or one of the task's (``在农村，要积极推广沼气`` goes on with the energy task before it).
    - Two or more sentences of one paragraph framed by their topic (``农业方面，各地方要…``, ``对轻工业，各方面都要…``)
      are a task each.
    """
    tasks: list[TaskDraft] = []
    position = region.start
    passage_open = False
    while position < region.end:
        line_end = _line_end(text, position, region.end)
        paragraph_start = _skip_space(text, position, line_end)
        if (
            any(start < line_end and position < end for start, end in covered)
            or _LISTED_SENTENCE.match(text, paragraph_start, line_end)
            or _SALUTATION_OPENING.match(text, paragraph_start, line_end)
        ):
            passage_open = False
            position = line_end
            continue
        sentences = _sentences(text, position, line_end)
        spelled = next(
            (i for i, (start, end) in enumerate(sentences) if _SPELLED_OUT.search(text, start, end)), None
        )
        announced = next(
            (i for i, (start, end) in enumerate(sentences) if _PROBLEMS_ANNOUNCED.search(text, start, end)),
            None,
        )
        framed = [
            start
            for start, end in sentences
            if _TOPIC_FRAME.match(text, start, end) and _OBLIGATION.search(text, start, end)
        ]
        if spelled is not None:
            first_start, first_end = sentences[spelled]
            cue = _SPELLED_OUT.search(text, first_start, first_end)
            starts = [cue.end() if cue else first_start] + [start for start, _ in sentences[spelled + 1 :]]
            for start in starts:
                stop = _SENTENCE_END.search(text, start, line_end)
                if _assigns(text, start, stop.start() if stop else line_end):
                    tasks.append(_prose_task(text, start, line_end, party))
        elif announced is not None or passage_open:
            # Each paragraph of the passage opens a task; within it, a sentence opens one on a new sector.
            following = sentences[announced + 1 :] if announced is not None else sentences
            sectors: frozenset[str] | None = None
            for start, end in following:
                if not _assigns(text, start, end):
                    continue
                named = _sectors(text, start, end)
                if sectors is not None and (not named or named & sectors):
                    continue
                tasks.append(_prose_task(text, start, line_end, party))
                sectors = named
            # The passage goes on into the next paragraph while its paragraphs assign work.
            passage_open = announced is not None or sectors is not None
        elif len(framed) >= 2:
            tasks.extend(_prose_task(text, start, line_end, party) for start in framed)
        position = line_end
    return tasks


def _assigns(text: str, start: int, end: int) -> bool:
    """A sentence that assigns work: it says 要/必须/应当, or opens on a verb of the genre's assignments."""
    if _OBLIGATION.search(text, start, end):
        return True
    opening = _after_connective(text, start)
    return bool(_SERIES_LEAD.match(text, opening) or _ASSIGNING_SENTENCE.match(text, opening, end))


def _after_connective(text: str, start: int) -> int:
    connective = _CONNECTIVE.match(text, start)
    return connective.end() if connective else start


def _sectors(text: str, start: int, end: int) -> frozenset[str]:
    """The sectors a sentence names near its start (``农业``, ``能源``, ``教育`` …)."""
    window = text[_after_connective(text, start) : min(end, start + _SECTOR_WINDOW)]
    return frozenset(name for name, pattern in _SECTORS if pattern.search(window))


def _prose_task(text: str, start: int, end: int, party: bool) -> TaskDraft:
    start = _after_connective(text, start)
    title = _lead_clause(text, start, end)
    area: Area = "party" if party else _area(title, text[start : min(end, start + 200)])
    return TaskDraft(title=title, area=area, quote=title, offset=start)


def _after_the_last_item(run: _Run, runs: list[_Run], text: str, party: bool) -> list[TaskDraft]:
    """Paragraphs after the last item's own sub-items (``加强国防教育…``, ``同时，编制好“十四五”规划``).

    A numbered item whose paragraphs are led by short sentences ends with its last such paragraph; what
    follows it up to the end of the plan section is work of its own, one task a paragraph.
    """
    if not run.markers[-1].line_start or run.kind == "lead":
        return []
    last_start, last_end = run.spans[-1]
    inner = [
        child for child in runs if child.parent is run and child.kind == "lead" and last_start < child.start
    ]
    if not inner:
        return []
    after = _line_end(text, inner[-1].markers[-1].start, last_end)
    item = run.markers[-1]
    title = _lead_clause(text, item.body, last_end)
    item_topic = _standing_topic(text[item.body : min(last_end, item.body + len(title) + _TOPIC_WINDOW)])
    item_area = "party" if party else _area(title, text[item.body : min(last_end, item.body + 200)])
    return [
        task
        for task in _closing_tasks(text, after, last_end, party)
        if _work_of_its_own(text, task, last_end, item_topic, item_area)
    ]


def _work_of_its_own(text: str, task: TaskDraft, end: int, item_topic: str | None, item_area: Area) -> bool:
    """Whether a paragraph after the last item's own sub-items is work of its own, not more of that item.

    Of its own: a paragraph that opens anew (``各位代表，…``, ``同时，…``), turns to a standing topic other than
    the item's (``全力支持国防和军队现代化建设…`` after an item on safety), to a plan to draft (``做好“十五五”规划编制
    工作``), or to the government's own conduct after an item on another area. More of the item: a paragraph of a
    list (``1.…``, ``⑥…``) or led by a short heading sentence like its sub-items (``扎实做好“一老一小”工作。``,
    ``为人民过上美好生活提供丰富精神食粮。``), and one that goes on with the item's topic or area
    (``要坚持勤俭行政…`` in an item on the government's own building, ``要坚持对外开放的基本国策…`` in one on reform
    and opening).
    """
    start = text.rfind("\n", 0, task.offset or 0) + 1
    paragraph = text[_skip_space(text, start, end) : _line_end(text, start, end)]
    if _SALUTATION_LEAD.match(paragraph) or _ADDING_CONNECTIVE.match(paragraph):
        return True
    if _LISTED_SENTENCE.match(paragraph) or _CIRCLED_NUMBER.match(paragraph):
        return False
    topic = _standing_topic(paragraph)
    if topic is not None and topic != item_topic:
        return True
    if _PLAN_TO_DRAFT.search(paragraph, 0, _TOPIC_WINDOW):
        return True
    if _SUB_ITEM_HEAD.match(paragraph):
        return False
    return task.area == "party" and item_area != "party" and item_topic != "government"


def _markers(text: str, region: _Region) -> list[_Marker]:
    markers: list[_Marker] = []
    position = region.start
    while position < region.end:
        line_end = _line_end(text, position, region.end)
        line = text[position:line_end]
        markers.extend(_line_markers(line, position))
        position = line_end
    return sorted(markers, key=lambda marker: marker.start)


def _line_markers(line: str, line_start: int) -> list[_Marker]:
    markers: list[_Marker] = []
    for kind, pattern in _LINE_MARKERS:
        match = pattern.match(line)
        if match is None:
            continue
        markers.append(_marker(kind, match, line_start, at_line_start=True))
        break
    else:
        lead = _LEAD_SENTENCE.match(line)
        if lead is not None:
            markers.append(_Marker("lead", 0, line_start + lead.start(1), line_start + lead.start(1), True))
    for match in _INLINE_MARKER.finditer(line):
        if match.group(1) is not None:
            kind = "yao" if match.group(2) == "要" else "shi"
            number = cn_number(match.group(1))
        elif match.group(4) is not None:
            kind, number = "num", int(match.group(4))
        else:
            kind, number = "ord", cn_number(match.group(3))
        start = line_start + match.start() + 1  # after the punctuation
        markers.append(_Marker(kind, number, start, line_start + match.end(), False))
    return markers


def _marker(kind: str, match: re.Match[str], line_start: int, at_line_start: bool) -> _Marker:
    value = match.group(1)
    if kind == "yao_shi":
        kind = "yao" if match.group(2) == "要" else "shi"
    if kind in ("num", "paren_num"):
        number = int(value)
    elif kind == "dash":
        number = 0
    else:
        number = cn_number(value)
    start = line_start + len(match.group(0)) - len(match.group(0).lstrip(_LEAD_CHARS))
    return _Marker(kind, number, start, line_start + match.end(), at_line_start)


def _runs(markers: list[_Marker], text: str, region: _Region) -> list[_Run]:
    """Markers grouped into lists numbered 1, 2, 3 … in order; a list needs at least two items.

    A ``1`` of a kind already open opens a list nested in it; the outer list, set aside, goes on with the
    next line-start number it expects once the nested one stops (``一、…二、…`` with ``一、…四、`` inside the
    second, then ``三、``).
    """
    open_runs: dict[str, _Run] = {}
    set_aside: dict[str, list[_Run]] = {}
    runs: list[_Run] = []
    for marker in markers:
        if marker.line_start and marker.kind not in ("lead", "dash"):
            open_runs.pop("lead", None)  # unnumbered items never run across a numbered one
        current = open_runs.get(marker.kind)
        if marker.kind == "dash":
            if current is not None and _only_dash_lines_between(text, current.markers[-1], marker):
                current.markers.append(marker)
                continue
        elif marker.kind == "lead":
            if (
                current is not None
                and text.count("\n", current.markers[-1].start, marker.start) <= _LEAD_RUN_GAP_LINES
            ):
                current.markers.append(marker)
                continue
        elif current is not None and marker.number == current.markers[-1].number + 1:
            current.markers.append(marker)
            continue
        elif marker.line_start and (outer := _resumed(set_aside.get(marker.kind, []), marker)) is not None:
            outer.markers.append(marker)
            open_runs[marker.kind] = outer
            continue
        numbered_one = marker.kind not in ("dash", "lead") and marker.number == 1
        if numbered_one and current is not None and current.markers[-1].line_start:
            set_aside.setdefault(marker.kind, []).append(current)
        if marker.kind in ("dash", "lead") or marker.number == 1:
            open_runs[marker.kind] = _Run(marker.kind, [marker])
            runs.append(open_runs[marker.kind])
    runs = [run for run in runs if len(run.markers) >= 2]
    for run in runs:
        run.spans = _item_spans(run, text, region)
    return runs


def _resumed(outer_runs: list[_Run], marker: _Marker) -> _Run | None:
    """The innermost set-aside list that expects this marker's number next (those inside it are closed)."""
    for index in range(len(outer_runs) - 1, -1, -1):
        outer = outer_runs[index]
        if outer.markers[-1].number + 1 == marker.number:
            del outer_runs[index:]
            return outer
    return None


def _only_dash_lines_between(text: str, previous: _Marker, marker: _Marker) -> bool:
    between = text[previous.start : marker.start]
    return between.count("\n") <= 1 or all(
        line.strip().startswith("——") for line in between.split("\n")[1:] if line.strip()
    )


def _item_spans(run: _Run, text: str, region: _Region) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for current, following in zip(run.markers, run.markers[1:], strict=False):
        spans.append((current.start, following.start))
    last = run.markers[-1]
    if last.line_start and run.kind in (*_NUMBERED, "lead"):
        spans.append((last.start, region.end))
    else:
        spans.append((last.start, _line_end(text, last.start, region.end)))
    return spans


def _nest(runs: list[_Run], text: str) -> None:
    """Give each run the run whose item holds it (the tightest); inner runs of a dropped run are dropped."""
    for run in runs:
        best: tuple[int, _Run] | None = None
        for other in runs:
            if other is run:
                continue
            for start, end in other.spans:
                if start < run.start < end and (best is None or end - start < best[0]):
                    best = (end - start, other)
        run.parent = best[1] if best else None
    for run in runs:
        if not run.markers[0].line_start:
            continue
        # A list of a higher rank inside an item of a lower one (``一是…`` paragraphs after a ``千方百计促进就业。``
        # lead paragraph) belongs to the nearest enclosing item that outranks it, if any (the ``（六）`` above).
        # But a list its item announces (``第二，关于农业的增产措施，…现在我提出以下几点：`` before ``一、…``) is
        # that item's, whatever its rank.
        if run.parent is not None and (
            _announced_by_its_item(text, run.parent, run.start)
            or (run.parent.kind in _NUMBERED and _announced_by_a_colon(text, run.start))
        ):
            continue
        ancestor = run.parent
        while ancestor is not None and _PRECEDENCE[ancestor.kind] > _PRECEDENCE[run.kind]:
            ancestor = ancestor.parent
        run.parent = ancestor


def _announced_by_a_colon(text: str, start: int) -> bool:
    """The line before ``start`` ends with a colon that announces the list (``…的措施是这样规定的：`` before
    ``一、…二、…`` under ``（五）关于保证市场的稳定问题``): the list is that item's, whatever its rank."""
    line_end = text.rfind("\n", 0, start)
    if line_end <= 0:
        return False
    return text[:line_end].rstrip(" \t\u3000\r").endswith(("：", ":"))


def _announced_by_its_item(text: str, parent: _Run, start: int) -> bool:
    """The line before ``start`` is a numbered item of ``parent`` that ends by announcing a list
    (``第二，关于农业的增产措施，…现在我提出以下几点：``)."""
    line_end = text.rfind("\n", 0, start)
    if line_end <= 0 or parent.kind not in _NUMBERED:
        return False
    line_start = text.rfind("\n", 0, line_end) + 1
    own_line = any(line_start <= marker.start < line_end and marker.line_start for marker in parent.markers)
    return own_line and bool(_ANNOUNCES_LIST.search(text, line_start, line_end))


def _sets_out_no_assignments(run: _Run, text: str, region: _Region) -> bool:
    """A list of principles, reasons or problems, told by its introduction or by its items."""
    ancestor = run.parent
    while ancestor is not None:
        if ancestor.excluded:
            return True
        ancestor = ancestor.parent
    if _NOT_ASSIGNMENT_INTRO.search(_introduction(run, text, region)):
        return True
    if run.kind in ("par", "heads") and _GOALS_INTRO.match(text, text.rfind("\n", 0, run.start) + 1):
        return True
    titles = [
        _lead_clause(text, marker.body, span[1]) for marker, span in zip(run.markers, run.spans, strict=True)
    ]
    principled = sum(1 for title in titles if _PRINCIPLE_ITEM.search(title))
    numeric = sum(1 for title in titles if _NUMBER.search(title))
    return principled * 2 > len(titles) or numeric * 2 > len(titles)


def _introduction(run: _Run, text: str, region: _Region) -> str:
    """The words just before a list: the last sentence of the same paragraph's lead, or of the paragraph
    before (``工作中，必须牢牢把握以下六个重点：``), so that an earlier sentence does not speak for it."""
    first = run.markers[0]
    if first.line_start:
        before = text[region.start : first.start].rstrip()
        lead = before[before.rfind("\n") + 1 :]
        if not lead.endswith(("：", ":")):
            # A paragraph that ends its sentence does not introduce the list after it, unless it announces
            # principles (``…的主要内容和基本原则包括以下十个方面。``).
            last_clause = re.split(r"[，,；;：:]", lead.rstrip("。"))[-1]
            announces = _ANNOUNCES_LIST.search(lead[-30:]) or _COUNTED_LIST.search(lead[-30:])
            announced = announces and _PRINCIPLES_ANNOUNCED.search(last_clause)
            return lead[-60:] if announced or _GOALS_ANNOUNCED.search(lead) else ""
    else:
        line_start = text.rfind("\n", region.start, first.start) + 1
        lead = text[max(line_start, region.start) : first.start]
    sentences = [part for part in re.split(r"(?<=[。！？!?])", lead.rstrip()) if part.strip()]
    return (sentences[-1] if sentences else lead)[-60:]


def _run_tasks(run: _Run, runs: list[_Run], text: str, party: bool) -> list[TaskDraft]:
    tasks: list[TaskDraft] = []
    for marker, (_, end) in zip(run.markers, run.spans, strict=True):
        title = _lead_clause(text, marker.body, end)
        if not title:
            continue
        part_name = _PLAN_PART_ITEM.match(title)
        if part_name is not None:
            # ``（一）关于“十五五”时期发展的时代背景``: a part of a plan's explanation is no task; the part on its
            # tasks (``（四）关于…的重点任务。…一是…二是…``) gives its own list's items.
            if part_name.group("tasks"):
                for child in runs:
                    if child.parent is run and marker.start < child.start < end and not child.excluded:
                        tasks.extend(_run_tasks(child, runs, text, party))
            continue
        subtasks = _subtasks(run, runs, text, (marker.start, end))
        area = "party" if party else _area(title, text[marker.body : min(end, marker.body + 200)])
        tasks.append(TaskDraft(title=title, area=area, subtasks=subtasks, quote=title, offset=marker.body))
    return tasks


def _lead_clause(text: str, start: int, end: int) -> str:
    """The item's heading or lead clause: up to its first `。`, `；` or `：`, kept short."""
    match = _LEAD_CLAUSE_END.search(text, start, end)
    clause = text[start : match.start() if match else end].rstrip()
    if len(clause) > _TITLE_MAX:
        comma = clause.rfind("，", 0, _TITLE_MAX)
        clause = clause[: comma if comma > 0 else _TITLE_MAX]
    return clause


def _subtasks(run: _Run, runs: list[_Run], text: str, span: tuple[int, int]) -> list[str]:
    children = [child for child in runs if child.parent is run and span[0] < child.start < span[1]]
    if not children:
        return []
    top = min(_PRECEDENCE[child.kind] for child in children)
    phrases: list[str] = []
    for child in children:
        if _PRECEDENCE[child.kind] != top:
            continue
        for marker, (_, end) in zip(child.markers, child.spans, strict=True):
            phrase = _lead_clause(text, marker.body, end)[:_SUBTASK_MAX]
            if phrase:
                phrases.append(phrase)
    return phrases


def _parallel_sentence_runs(text: str, region: _Region) -> list[_Run]:
    """Plans given as a run of sentences in one paragraph rather than as a numbered list.

    Three or more consecutive sentences that open alike make a list: with ``要`` and a verb
    (``要A，…。要B，…。要C，…``) or with the same leading verb (``坚持…，…。坚持…，…``); so do three or more
    short sentences that each head the sentences after them (``永葆政治本色。忠诚捍卫…。践行为民初心。…``).
    Inside a numbered item such a run gives subtasks; outside every list, tasks.
    """
    found: list[_Run] = []
    position = region.start
    while position < region.end:
        line_end = _line_end(text, position, region.end)
        sentences = _sentences(text, position, line_end)
        # Either kind of run takes three sentences at least: a line with fewer is not looked at.
        if len(sentences) >= _PARALLEL_SENTENCES_MIN:
            found.extend(_alike_sentence_runs(text, sentences, line_end))
            found.extend(_lead_sentence_run(text, sentences, line_end))
        position = line_end
    return found


def _alike_sentence_runs(text: str, sentences: list[tuple[int, int]], end: int) -> list[_Run]:
    runs: list[_Run] = []
    group: list[int] = []
    group_lead: str | None = None
    for sentence_start, _ in [*sentences, (end, end)]:
        lead = _sentence_lead(text, sentence_start) if sentence_start < end else None
        if lead is not None and lead == group_lead:
            group.append(sentence_start)
            continue
        if group_lead is not None and len(group) >= _PARALLEL_SENTENCES_MIN:
            runs.append(_parallel_run(group, end))
        group, group_lead = [sentence_start], lead
    return runs


def _lead_sentence_run(text: str, sentences: list[tuple[int, int]], end: int) -> list[_Run]:
    heads = [
        piece[0]
        for piece, following in itertools.pairwise(sentences)
        if _is_short(text, piece)
        and not _is_short(text, following)
        and not _LISTED_SENTENCE.match(text, following[0])  # the next item of a list heads nothing
    ]
    return [_parallel_run(heads, end, "heads")] if len(heads) >= _PARALLEL_SENTENCES_MIN else []


def _parallel_run(starts: list[int], end: int, kind: str = "par") -> _Run:
    markers = [_Marker(kind, 0, start, start, False) for start in starts]
    return _Run(kind, markers, list(zip(starts, [*starts[1:], end], strict=True)))


def _sentence_lead(text: str, start: int) -> str | None:
    """How a sentence opens, for grouping parallel ones: ``要`` and a verb, or a leading verb.

    A sentence that a list marker opens (``_LISTED_SENTENCE``) has neither: a marker starts with none of their
    characters, so there is no need to look for one.
    """
    lead = text[start : start + 2]
    if lead in _SERIES_LEADS:
        return lead
    return "要" if lead[:1] == "要" and _YAO_VERB.match(text, start) else None


def _is_short(text: str, piece: tuple[int, int]) -> bool:
    length = piece[1] - piece[0]
    return (
        _SHORT_LEAD_MIN <= length <= _SHORT_LEAD_MAX
        and not _CLAUSE_MARK.search(text, piece[0], piece[1])
        and not _LISTED_SENTENCE.match(text, piece[0])
        and not _SALUTATION_OPENING.match(text[piece[0] : piece[1] + 1])
    )


def _meeting_requirements(text: str, region: _Region, covered: list[tuple[int, int]]) -> list[TaskDraft]:
    """A communiqué's ``会议要求，各级党委要切实加强…``: a requirement of its own, in a paragraph that holds
    no list (``会议强调，…要坚持…。要A…。要B…`` is read as its list)."""
    tasks: list[TaskDraft] = []
    position = region.start
    while position < region.end:
        line_end = _line_end(text, position, region.end)
        requirement = _MEETING_REQUIREMENT.match(text, position, line_end)
        if requirement and not any(start < line_end and position < end for start, end in covered):
            title = _lead_clause(text, requirement.end(), line_end)
            if title:
                area = _area(title, text[requirement.end() : min(line_end, requirement.end() + 200)])
                tasks.append(TaskDraft(title=title, area=area, quote=title, offset=requirement.end()))
        position = line_end
    return tasks


def _semicolon_series_tasks(
    text: str, region: _Region, covered: list[tuple[int, int]], party: bool
) -> list[TaskDraft]:
    """Parallel clauses led by one word (`聚焦…；聚焦…；聚焦…`) in a paragraph outside every list."""
    tasks: list[TaskDraft] = []
    position = region.start
    while position < region.end:
        line_end = _line_end(text, position, region.end)
        if not any(start <= position < end for start, end in covered):
            tasks.extend(_parallel_clauses(text, position, line_end, party))
        position = line_end
    return tasks


def _parallel_clauses(text: str, start: int, end: int, party: bool) -> list[TaskDraft]:
    tasks: list[TaskDraft] = []
    for sentence_start, sentence_end in _sentences(text, start, end):
        pieces = _split_keep_offsets(text, sentence_start, sentence_end, "；;")
        if len(pieces) < _SEMICOLON_CLAUSE_MIN:
            continue
        lead = text[pieces[1][0] : pieces[1][0] + 2]
        if lead not in _SERIES_LEADS or _GENERAL_REQUIREMENT.search(text, sentence_start, pieces[0][1]):
            continue
        first_start, first_end = pieces[0]
        clause_at = text.rfind("，" + lead, first_start, first_end)
        if clause_at >= 0:
            pieces[0] = (clause_at + 1, first_end)
        elif not text.startswith(lead, first_start):
            continue
        if sum(1 for piece_start, _ in pieces if text.startswith(lead, piece_start)) < _SEMICOLON_CLAUSE_MIN:
            continue
        for piece_start, piece_end in pieces:
            if not text.startswith(lead, piece_start):
                continue
            quote = text[piece_start:piece_end].rstrip()
            area = "party" if party else _area(quote, "")
            tasks.append(TaskDraft(title=quote, area=area, quote=quote, offset=piece_start))
    return tasks


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return _split_keep_offsets(text, start, end, "。！？!?\n")


def _split_keep_offsets(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """The non-blank pieces of ``text[start:end]`` between separator characters, as (start, end) spans
    whose start skips leading white space."""
    pattern = _PIECES.get(separators)
    if pattern is None:
        pattern = _PIECES[separators] = _pieces_pattern(separators)
    # Group 1 starts at the piece's first character that ``_skip_space`` does not skip; a piece that is
    # blank but for other white space (``\xa0``) is none.
    return [
        match.span(1)
        for match in pattern.finditer(text, start, end)
        if not text[match.start(1)].isspace() or text[match.start(1) : match.end(1)].strip()
    ]


def _pieces_pattern(separators: str) -> re.Pattern[str]:
    """The pieces between separator characters, group 1 without the white space ``_skip_space`` skips (taken
    possessively: a piece of that white space alone is no match)."""
    skipped = "".join(char for char in _SKIPPED_SPACE if char not in separators)
    return re.compile(f"[{re.escape(skipped)}]*+([^{re.escape(separators)}]+)")


_PIECES: dict[str, re.Pattern[str]] = {}
_SKIPPED_SPACE = " \t\u3000\r\n"


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start] in _SKIPPED_SPACE:
        start += 1
    return start


def _heading_task(text: str, region: _Region) -> TaskDraft | None:
    """A plan section with no list is one assignment: its heading."""
    if region.heading is None or region.heading_start is None:
        return None
    number = _HEADING_NUMBER.match(text, region.heading_start)
    if number is None:
        return None
    title = _lead_clause(text, number.end(), region.start)
    if not title or _NOT_TASK_HEADING.search(title) or _FRAME_HEADING.search(title):
        return None
    party = bool(_PARTY_SECTION.search(title))
    area: Area = "party" if party else _area(title, text[region.start : region.start + 200])
    return TaskDraft(title=title, area=area, quote=title, offset=number.end())


def _area(title: str, body: str) -> Area:
    """The task's area from its title's keywords; failing that, from the opening of its body."""
    if _CULTURE.search(title) and _OTHER_SOCIAL_UNDERTAKING.search(title):
        return "livelihood"
    if _PARTY_LEADERSHIP.search(title):
        return "security" if _THE_ARMY.search(title) else "party"
    if _OWN_BUILDING.search(title):
        return "party"
    if _FOREIGN_AND_NATIONAL.search(title) or _DRAFTING_A_PLAN.search(title):
        return "other"
    if _GOVERNANCE_AND_RESILIENCE.search(title):
        return "security"
    area = _area_of_the_topic(title, body)
    if area == "urban_rural" and _COORDINATION.search(title) and _brings_in_projects(body):
        return "industry"
    return area


def _area_of_the_topic(title: str, body: str) -> Area:
    """The area of the topic the title leads with, the occasions, frames and broad aims left out; failing
    that, of the work its body leads with."""
    title = _BROAD_AIM.sub("", _MEANS.sub("", _FRAME_OPENING.sub("", title, count=1)))
    title = _GREEN_INDUSTRY.sub("", title)
    best = _best_areas(title)
    if len(best) > 1 and best[0] != "other":
        best = sorted(_best_areas(body, among=best) or best, key=lambda area: _first_named(title, area))
    if best:
        return best[0]
    return next(iter(_best_areas(body, skip_party=True, minimum=2)), "other")


def _brings_in_projects(body: str) -> bool:
    """``主动承接北京非首都功能疏解，制定招商优惠政策…完善招商考核机制``, ``一切围绕项目转、一切围绕项目干``: a body
    led by bringing in and building projects."""
    return len(_PROJECTS.findall(body)) >= _PROJECTS_MIN


def _first_named(title: str, area: Area) -> int:
    """The clause of ``title`` that first names a keyword of ``area``: a tie the body leaves open goes to
    the area the title's lead clause names (LABELLING, Areas); within one clause, to the earlier area."""
    found = _AREA_PATTERNS[area].search(title)
    return title.count("，", 0, found.start()) if found else len(title)


def _best_areas(
    text: str, skip_party: bool = False, minimum: int = 1, among: list[Area] | None = None
) -> list[Area]:
    """The areas whose keywords ``text`` names most (at least ``minimum`` times), in the order of
    ``_AREA_KEYWORDS``; only those of ``among`` when it is given."""
    best: list[Area] = []
    most = 0
    for area, pattern in _AREA_KEYWORDS:
        if (skip_party and area == "party") or (among is not None and area not in among):
            continue
        hits = len(pattern.findall(text))
        if hits < minimum:
            continue
        if hits > most:
            best, most = [area], hits
        elif hits == most:
            best.append(area)
    return best
