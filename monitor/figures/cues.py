"""The words that say what a figure is: achieved or pledged (已建成, 将新建), total or new or a
rate, read around a number in a sentence (the period it covers, 2024年, 上半年, “十四五”, is read
in periods.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.figures import speech
from monitor.figures.bases import without_base, without_compared, without_followed
from monitor.figures.firsts import Opening, opening
from monitor.figures.plan_words import (
    _DECIDED_WORK,
    _DUTY,
    _FORESEEN,
    _HANDED_DOWN,
    _PLAN_CLAUSE,
    _PLAN_VERB,
    _STRIVE,
    FORECAST_WORDS,
    PAST_YEAR,
    PLAN_SET,
    PLAN_WORK,
)
from monitor.models import FigureKind

# what breaks a sentence into clauses: 、：() always, a comma unless it groups thousands (1,860个,
# 95，420个); one letter class first, so that a search jumps from break to break (4x faster).
_BREAKS = r"、：:（）(),，" + speech.MARKS  # (MARKS: a new-media line's items, ▶开工35个)
# Levels of place listed before the things a count counts (246个街道、乡镇医保服务点, 320个
# 镇、街道便民服务中心), or the tiers of a title (11家全国、省、市最美…): one noun phrase, its
# pauses no clause breaks (sentences, counting)
LEVELS_LISTED = re.compile(
    r"(?:全国|国家|省|市|县|区|街道|乡镇|镇|乡|村|社区)级?"
    r"(?:、(?:省|市|县|区|街道|乡镇|镇|乡|村|社区)级?)+(?=[\u4e00-\u9fff])"
)
_CLAUSE = re.compile(
    rf"[{_BREAKS} \u3000…]"
    rf"(?:(?<=[{_BREAKS}])(?:(?<![0-9][,，])|(?<=[,，])(?![0-9]{{3}}(?![0-9])))"
    # a space between words, as headlines part their clauses (…降幅达13.9% 事故总量降17.4%)
    # (and a part opening with its months or year: …2.31万公里 1—9月新改建860公里)
    r"|(?<=[\u4e00-\u9fff%][ \u3000])"
    r"(?=[\u4e00-\u9fff]|[0-9]{1,4}(?:[-—–~至][0-9]{1,2})?[年月])"
    # an ellipsis where a quote leaves words out (…35家……今年，…): what follows is another clause
    r"|(?<=…)…)"
)

# Cues, read in the clause first and then in the sentence (see _kind for the order).
# In these patterns every alternative starts with a letter and any look-behind comes after it
# (去年(?<![比]去年) is (?<!比)去年): re then jumps from one possible first letter to the next
# instead of trying every alternative at every place, ten times faster on a long sentence.
_ACHIEVED = re.compile(
    # (已列入…计划: listed as a plan; 任务已经下达, 目标已经明确: a plan handed down or set)
    r"已(?!经?(?:列入|纳入|写入|列为))(?!(?<=(?:任务|目标|计划)已)经?(?:下达|分解|明确|确定|敲定"
    r"|锁定|制定|设定|印发|出台))|累计|截至|截止|目前|至今"
    r"|去年(?<![比较同环从由]去年)|上年(?<![比较同环从由]上年)|过去|以来"
    r"|刚刚过去|五年来|一年来|上一年|超额完成|到现在|实际(?<!任务实际)(?<!目标实际)(?<!计划实际)"
    r"(?!上|工作|行动|出发|需要|需求|问题|困难)"  # (在实际工作中力争…: no actual figure)
    # 3000个老旧小区全部开工 (not 年底前全部完工, 6月底前全部开工: a deadline ahead, the plan's)
    r"|全部(?<!前全部)(?=开工|完工|竣工|建成|完成|投用|投运|交付|通车|验收)"
    # (…项目，如期完成: done on time; not 年底前如期完成, a deadline ahead)
    # (not under a modal: 确保如期完成, 将按期建成)
    r"|如期(?<![前保争要将能够可]如期)(?=完成|建成|完工|竣工|交付|投用)"
    r"|按期(?<![前保争要将能够可]按期)(?=完成|建成|完工|竣工|交付|办结)"
    # the perfective right before the amount (完成了45个, 建成了3座); a branch a verb, so that
    # every branch opens with a letter and re jumps between them (a group first: 4x slower)
    + "".join(
        f"|{verb}了(?=[约近超逾]?[0-9一二三四五六七八九十两])"
        for verb in ("完成", "建成", "竣工", "完工", "开工", "新建", "新增", "改造")
    )
)
# A target beaten or met is a result (超过全年预期目标, 超出计划40个, 落户目标顺利实现, 好于预期
# 目标, 提前实现“十四五”目标, 完成年度目标的108%, 实现了年初确定的…目标): the plan is the object
# of a verb of completion, a noun, not a pledge. Read only where 目标/任务/计划 is, and not under a
# modal (确保完成全年目标, 力争实现…的目标 are pledges: see _met).
_TARGET_MET = re.compile(
    r"(?:超过|好于|高于|超出|优于|迈过|跨过|越过)[^，,。；]{0,16}?(?:目标|计划|(?:定下|确定|下达)的)"
    r"|目标(?:任务)?(?:顺利|全面|如期|圆满|胜利|较好)(?:实现|完成)"
    r"|(?:提前|超额)(?:完成|实现)了?[^，,。；]{0,12}?(?:目标|任务|计划)"
    # (全面完成科技企业三年培育计划: the plan done, named whole, no share of it)
    r"|(?:全面|圆满|顺利|如期|胜利)(?:完成|实现)了?[^，,。；0-9]{0,16}?(?:目标|任务|计划)(?![0-9的])"
    # (完成2025年目标的75%: a year names the plan, no other number; 占年度目标的96%: a share of
    # it, said with 占)
    r"|(?:完成|实现|占)了?(?:[^，,。；0-9]|(?:19|20)[0-9]{2}\s*年)"
    r"{0,12}?(?:目标|任务|计划)(?:任务)?的?[0-9一二三四五六七八九十百]"
    r"|(?:实现|完成)了[^，,。；]{0,16}?目标"  # 完成了省定70%的目标: the perfective, a result
    # a result weighed against what was expected (好于年初市场预期, 略高于此前的预期, 快于预期):
    # the expectation is the object compared with, not a plan
    r"|(?:好于|高于|超出|超过|优于|快于|强于|低于|慢于|弱于|不及|符合)[^，,。；]{0,10}?预期"
)
# A forecast in speech (全年义诊场次应该在650场上下, 应该能超过…): what the speaker expects
_SPOKEN_FORECAST = r"应该(?=在|能|会|可以|可望|达|超|突破|有|[约近0-9一二三四五六七八九十两])"
# 将 of the future (将新建…), not 将 taking an object (将充电设施作为…加以推进, 将…列为
# 民生实事: what was done with the things) nor 将近
_WILL = r"将(?!近)(?![^，,。；;0-9]{1,20}?(?:作为|列为|列入|纳入|视为|当作))"
# The words that put what follows under a plan (力争实现…目标, 确保累计完成…): modals of intent.
MODAL = re.compile(
    _WILL
    + r"|力争|确保|"
    + _STRIVE
    + r"|(?<![虚模])拟|预计|有望|可望|"
    + _SPOKEN_FORECAST
    + "|"
    + _PLAN_VERB
    + r"|要(?<![主重需只必不纲]要)(?![求素点闻])|"
    + _DUTY
)
MODAL = opening(MODAL)  # searched only where a match can start (firsts.py)
# After a count, words that go on with it, not a noun it counts (在A至B之间, 1.1万套力争…开工,
# …的7.4万个还要多: a comparison of the count)
GOES_ON = re.compile(
    "之间|新?(?:台阶|大关|关口)|还要?[多少高低]|[多少](?=[约近0-9一二三四五六七八九十两])|"
    + MODAL.pattern
)
# A clause opening with the rest of the things counted before (其余3段, 剩余120公里, 余下11个)
REST_OPENS = Opening(
    re.compile(r"(?:其余|剩余|余下|剩下)的?(?=[约近超逾0-9一二三四五六七八九十两])")
)
# …or a batch of them (首批45家已于4月完成评定: a result; 第二批30个将于…: the plan's tranche)
BATCH_OPENS = Opening(
    re.compile(
        r"(?:首批|头批|首轮|第[一二三四五六七八九十]批|第[一二三四五六七八九十]轮)的?"
        r"(?=[约近超逾0-9一二三四五六七八九十两])"
    )
)
# Achieved cues saying only "so far" or "in all" (累计, 截至, 全部): a plan's under a modal; 实际
# is, naming the measure (力争实际到位资金…, 确保实际使用外资增长8%).
_SO_FAR = frozenset({"累计", "截至", "截止", "目前", "至今", "以来", "全部", "实际"})
_SET_BEFORE = re.compile(r"原(?:定|计划)(?=" + _PLAN_CLAUSE + ")")
# a floor set for a count (新建口袋公园不少于50个; 年底累计建成…不少于10个): a plan's, and a
# goal over 累计 as a modal is (_cue); not 都不低于 (each of them)
_FLOOR_SOURCE = r"(?<![都均])不[少低]于(?=[约近]?[0-9一二三四五六七八九十两])"
_FLOOR = re.compile(_FLOOR_SOURCE)
# 目标 inside a measure's name is no plan (生态流量保障目标满足程度为93.6%, 目标完成率98%).
# Every alternative of _PLEDGE starts with a letter of its own, not a group: re then jumps from
# one possible first letter to the next (as _ACHIEVED below), six times faster on a sentence.
_PLEDGE = re.compile(
    _WILL + r"|" + _PLAN_VERB + r"|提(?<!前提)出(?!了)|力争"
    # (目标的1.18倍, 年初目标的118%: the noun a share is of, no plan stated)
    r"|目标(?<!全年主要目标)(?!满足|的[约近]?[0-9]|(?:完成|达成|实现|达标)(?:率|度|程度|进度))"
    # (not expectations as a noun: 稳就业、稳预期, 提振预期, 改善社会预期, 预期管理)
    r"|预(?<![于出合稳振善场会]预)期(?!管理|差)|确保"
    # (…厅要求，各地…; 会议明确，今年…: a directive, its content after it is work to do)
    r"|要(?:(?<![主重需只必不纲]要)(?![求素点闻])|求(?=[，,：:]|各))|(?<![虚模])拟|预计|预测|预估"
    r"|有望|可望|明(?:年|确(?=[，,：:]))|"
    + _SPOKEN_FORECAST
    + "|"
    + _STRIVE
    + "|"
    + _DUTY
    # (建议 naming the proposal a reply answers, 代表建议, 第0218号建议, 建议的答复, is none)
    # (再 as a noun's first letter in a list, 含再投资、留存收益, 外商再投资, is none)
    + r"|(?<![含括、商])再(?=[减建新增完开投])|工作任务"
    # the scope a programme's work covers (此次改造范围涵盖…等7个小区): what it is to do
    + r"|范围(?:涵盖|包括|包含|涉及)"
    # the plan's number stated (…24.8亿元（任务数23亿元）; 计划数为120个), not one done (完成任务数)
    + r"|(?<!成)(?:任务|计划)数(?=为?[约近超]?[0-9])"
    # a floor set (新建口袋公园不少于50个, 数量不低于6000个) where no word says it was reached
    + r"|"
    + _FLOOR_SOURCE  # (各市都不低于: each)
    + r"|建议(?<![号表员]建议)(?!的?(?:办理|答复|复函))"
    # (部署 ending its clause, 贯彻…决策部署，, is the noun, a directive followed: no plan)
    + r"|部署(?![，,。；;、]|要求|安排)"
    + r"|安排(?!部署)|"
    + _FORESEEN
    # 今年确定新建城市书房20家, 南宁明确今年改造老旧小区300个: decided, said of work to do
    + "".join(f"|{word}{_DECIDED_WORK}" for word in ("确定", "明确"))
    # a plan handed down (年度任务已分解到各市, 目标任务下达): what it holds is to be done
    + "".join(f"|{word}{_HANDED_DOWN}" for word in ("任务", "目标", "计划"))
    # a plan document cited as the source: 《…工作方案》明确, 印发…工作要点
    + r"|《[^》]{2,40}?(?:方案|计划|要点|规划)(?:的通知)?》|印发[^，,。；]{0,24}?(?:方案|计划|要点)"
    # the year's list of tasks made public (发布今年十件民生实事, 公布…民生实事项目): its items
    + "".join(f"|{w}[^，,。；]{{0,12}}?(?:民生实事|实事项目)" for w in ("发布", "公布", "推出"))
    # a plan set before, restated (原定今年新增…2000张, 原计划改造500公里)
    + "|"
    + _SET_BEFORE.pattern
    # the size of the plan that was set (超过年初定下的600场, 年初确定的是100个)
    + "".join(f"|{w}的是?(?=[约近超逾]?[0-9一二三四五六七八九十两])" for w in speech.SET)
    # the plan's size said in speech (义诊任务实际是600场, 今年的任务是100个)
    + r"|任务(?:实际|其实|原本)?(?:是|为)(?=[约近超逾]?[0-9一二三四五六七八九十两])"
)
_PLEDGE = opening(_PLEDGE)  # searched only where a match can start (firsts.py)
# A plan's noun that does not state the plan (围绕年度目标, 对照目标任务, 完成年度目标): it
# governs no other clause, as a modal, a plan stated (目标是/为) or handed down (目标下达) does
_TARGET_NOUN = re.compile(r"(?:预期)?目标(?:任务)?+(?![是为：:]|" + _HANDED_DOWN + ")")


# A clause naming the set what follows is counted in (今年纳入民生实事的行政村中，…; 列入计划的
# 项目中，…): its words of plan say which things they are, they govern no other clause
_SET_NAMED = re.compile(r"[^，,。；;]*的[^，,。；;的0-9]{1,14}中(?=[，,])")


def without_sets(text: str) -> str:
    """`text` without the clauses naming a set what follows is counted in (_SET_NAMED)."""
    return _SET_NAMED.sub("", text) if "中" in text else text


def governing(text: str) -> str:
    """`text` without the plan nouns that only name a plan and the clauses naming a set: what
    may put another clause under a plan (围绕年度目标，新建口袋公园32个 reports a result)."""
    text = without_sets(text)
    # (安排“三农”资金1137.8亿元，…粮食总产466亿斤: the funds are the verb's own object)
    if "争取" in text or "安排" in text:
        text = _FUNDS_TAKEN.sub("", text)
    if "计划" in text or "方案" in text:  # (实施…三年行动计划，补建…: the programme carried out)
        text = _PROGRAMME_RUN.sub("", text)
    return _TARGET_NOUN.sub("", text) if "目标" in text else text


# A programme named as what is carried out (实施城市书房建设三年行动计划, 深入实施…方案): its
# name, no modal over the clauses after it
_PROGRAMME_RUN = re.compile(
    r"(?:深入|全面|扎实|持续)?(?:实施|开展|推进|落实|深化)(?:了|好)?[^，,。；;0-9]{2,24}?(?:计划|方案)"
    r"(?=[，,。；;]|$)"
)


# Funds secured or allotted, with their amount (争取…政策资金超过300亿元, 安排“三农”资金1137.8亿元):
# the verb's own object, no plan of the clauses after it
_FUNDS_TAKEN = re.compile(
    r"(?:争取|安排)[^，,。；;0-9]{0,16}?(?:资金|国债|债券|经费)[^，,。；;0-9]{0,6}?[0-9][^，,。；;]*"
)


# 把涨幅控制在3%左右: an aim, not a result; read only where 把 is.
_AIM = re.compile(r"把[^，,。；]{1,16}(?:控制|定|保持|稳定)在")
_DONE = re.compile(
    r"建成|完成|达到|实现|竣工|验收|交付|开通|投用|投入使用|创历史新高|首次|保持在|稳定在"
)
# A number after these is a reference to another value, not the figure itself.
_REFERENCE = re.compile(
    r"比(?<![同环占对无]比)(?![例重率如])|较(?:上年|去年|上月|同期|[12][0-9]{3})"
    r"|相比|高于|低于"
    # a branch a word, each opening with a letter: a search then jumps between them
    + "".join(f"|{word}(?!{_PLAN_CLAUSE})" for word in ("原定", "原计划", "预定"))
)
# What follows a number that is the size of a plan: 204万套（间）的任务, 8000万亩的年度建设任务,
# 2万个的民生实事任务, 确保全年7万套目标按期完成, 改造农贸市场20个民生实事项目.
PLAN_AFTER = re.compile(
    r"(?:（[^）]{1,4}）|\([^)]{1,4}\))?(?:的[^，,。；的]{0,6}?(?:任务|目标|计划|额度|限额|民生实事)"
    # (好于年初确定的4500万人次预期目标: the plan restated, its size before its noun; 下达的
    # 2860亿元额度: a quota handed down)
    r"|(?:年度|全年|预期|规划)?" + PLAN_WORK + r"?(?:目标|任务|额度|限额|民生实事))"
)
PLAN_AFTER = opening(PLAN_AFTER)  # searched only where a match can start (firsts.py)
# A plan a share is taken of (占下达限额的69.5%, 为年度目标的1.12倍; not 一般公共预算收入)
PLAN_WORD = r"(?:任务|目标|计划|额度|限额|规划|指标|预算(?![收支])|预期)"  # 完成全年预期的87%
# A plan's rate or progress (拨付率, 支出进度): not 序时进度 (the year gone by), 形象进度
# The basis a share is counted on (按小区数计, 按户数计, 按建筑面积计; not 按…计划): the basis in
# group 1, 数 or 量 after it in group 2 (shares.counted_otherwise; continuations reads the clause
# it opens as going on with the subject)
SHARE_BASIS = r"按([\u4e00-\u9fff]{1,6}?)(总?数|量)?计(?!划)算?"
# The price basis a growth was reckoned at (按不变价计算, 按可比价格核算): an aside, no noun
PRICE_BASIS = r"按(?:可比|不变|现行?|当年)价格?[计核]算"
PLAN_RATE = (
    r"(?:(?:开工|动工|完工|竣工|建成|完成|交付|拨付|支付|执行|到位|发行|投运|签约)率"
    r"|(?:支出|拨付|发行|执行|投资|实施|完成|建设|使用)进度)"
)
# Months from one to another (1—10月, 1至7月): the year's work so far.
MONTH_SPAN = (  # (1—10月, 1至10月; 1月至10月, 1月—10月: the first month named with its 月 too)
    r"[0-9一二三四五六七八九十]{1,2}\s*(?:月份?)?\s*[—\-–－~～至到]\s*[0-9一二三四五六七八九十]{1,2}\s*月"
)
_CHANGE = re.compile(r"(?:同比|环比|[比较][^，,、]{1,6})?(?:增加|减少|增产|减产|多|少)")
_CUT = re.compile(r"减|降|节约|节省")
_PREDICATE = re.compile(r"(?:全部|已|均|都)?(?:实现|通过|完成|参加|纳入)")
_SHARE_OF = ("占", "相当于", "单位")  # 占国内生产总值比重, 单位国内生产总值用水量
_SHARE_NEXT = frozenset("中的比之占")
_SHARE_AFTER = re.compile(r"中?的?(?:比重|比例|之比|占比)")  # 在国内生产总值中的比重
# 城镇居民人均可支配收入, 农村居民消费价格: one group's figure, not the residents' as a whole
_PART_OF_RESIDENTS = ("城镇", "农村")
# An earlier year (2016年, 去年), each way a branch opening with a letter: see _earlier
_EARLIER_YEARS = (r"19[0-9]{2}\s*年", r"20[0-9]{2}\s*年", "去年", "上年")


def _earlier(rest: str) -> re.Pattern[str]:
    """An earlier year, then `rest`: one branch a way of writing the year, so that re jumps
    between the letters a match can open with (a group first: it tries every place)."""
    return re.compile("|".join(year + rest for year in _EARLIER_YEARS))


# A level dated at an earlier year's end (由去年底的63家…, 远高于2016年底的180公里): a figure
EARLIER_LEVEL = _earlier("(?:底|末)的$")
# An earlier year's work, compared with (比去年实际新增的7.4万个还要多, 比去年全年的38个多): a
# result of that year
EARLIER_WORK = _earlier(
    "(?:全年)?(?:实际[\u4e00-\u9fff]{1,3}?|(?:实际)?(?:新增|新建|完成|筹集|开工|改造|建成|发行|净增))了?的$"
    "|全年的$"  # (after 实际 any verb: 比去年实际推广的7.1万辆)
)
_FROM = re.compile(r"[从由][^，,。；0-9]{0,4}$")
# A year named in words (2016年, 2024 年): its digits in group 1
A_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")


# A clause is asked again by the rules of its figure (frames, openings, goals) and by those of
# its sentence's other numbers: a third of the calls in a page repeat one before it.
@lru_cache(maxsize=512)
def _cue(text: str) -> FigureKind | None:
    """What the words of `text` say the figure is, if they do: achieved before pledge, but a
    modal rules over the words that only say "so far" (力争累计完工5000部 is a plan). A base
    the figure is built on speaks of its own time (在去年新建…的基础上，今年再…): its words are
    its own."""
    if "基础上" in text:
        text = without_base(text)
    if "要求" in text:
        text = without_followed(text)
    if "的" in text and ("比" in text or "较" in text):
        text = without_compared(text)
    if _achieved(text):
        ruled = (MODAL.search(text) and not _modals_named(text)) or _FLOOR.search(text)
        if ruled and _only_so_far(text):
            return "pledge"
        return "pledge" if _past_plan(text) else "achieved"
    if _PLEDGE.search(text) or ("把" in text and _AIM.search(text)):
        return "pledge"
    return None


# A plan named in a since-phrase (行动计划实施以来, 自…方案印发以来): the plan's name, no modal;
# the name may end with its years in brackets (…行动计划（2023—2025年）》实施以来)
_SINCE_AFTER = re.compile(r"(?:[（(][^）)，,。；]{2,16}[）)])?[^，,。；0-9]{0,8}?以来")


def _modals_named(text: str) -> bool:
    """Whether every modal of `text` is a plan's name in a since-phrase (…计划实施以来)."""
    return "以来" in text and all(_SINCE_AFTER.match(text, m.end()) for m in MODAL.finditer(text))


def _only_so_far(text: str) -> bool:
    """Whether every achieved cue in `text` is one of _SO_FAR (累计, 截至…), no target met."""
    if all(m.group() in _SO_FAR for m in _ACHIEVED.finditer(text)) and not _met(text):
        return "实际" not in text or not _EARLIER_ACTUAL.search(text)
    return False


def _past_plan(text: str) -> bool:
    """去年提出新建…50个: last year's plan, its only achieved cue the year (PAST_YEAR)."""
    cues = {m.group() for m in _ACHIEVED.finditer(text)}
    if not cues & PAST_YEAR or not cues <= _SO_FAR | PAST_YEAR or _met(text):
        return False
    return bool(PLAN_SET.search(text)) and not FORECAST_WORDS.search(text)


# 实际 after an earlier year (比去年实际新增的7.4万个): that year's work, a result
_EARLIER_ACTUAL = re.compile(r"(?:去年|上年|前年|[0-9]{4}\s*年度?|同期)实际")


_MET_WORDS = ("目标", "任务", "计划", "定下", "确定", "下达", "预期")


def _met(text: str) -> bool:
    """Whether `text` says a target was met or beaten (提前完成全年目标), not under a modal."""
    if not any(map(text.__contains__, _MET_WORDS)):
        return False  # (超过年初定下的600场: the plan set, beaten)
    for m in _TARGET_MET.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in "，,。；;") + 1
        if not MODAL.search(text, start, m.start()):
            return True
    return False


def _achieved(text: str) -> bool:
    return bool(_ACHIEVED.search(text) or _met(text))


def _pledged(text: str) -> bool:
    if "要求" in text:
        text = without_followed(text)
    return bool(_PLEDGE.search(text) or ("把" in text and _AIM.search(text)))
