"""What a number measures for a target: a level or an addition (scope), a growth rate, or
progress as a share of the pledge (完成年度任务的83%); and whether a time phrase says the
period is already under way (1—10月份, 前三季度, 截至7月底), which makes a result."""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.figures.cues import EARLIER_LEVEL, MODAL, MONTH_SPAN, PLAN_RATE, PLAN_WORD
from monitor.figures.months import done_by_a_month, opening_end
from monitor.figures.place_clauses import whole_in_share
from monitor.figures.since import SUM_CLAUSE as SUM_CLAUSE
from monitor.figures.since import compared_before as compared_before
from monitor.figures.since import level_before_change, since_launch, year_summed
from monitor.figures.since import since_period_start as since_period_start
from monitor.figures.since import since_window as since_window
from monitor.figures.since import sum_after as sum_after
from monitor.figures.so_far import _PART_OF_YEAR as _PART_OF_YEAR
from monitor.figures.so_far import under_way as under_way
from monitor.models import FigureScope, Quantity

_PERCENT = frozenset({"%", "‰", "百分点"})

# A share of the plan: 完成年度目标任务的83%, 占全年额度的93%, 为年度目标的1.12倍, 开工率达到77%.
_PLAN_WORD = "(?:" + PLAN_WORD + "|预期)"  # (完成全年预期的54.4%: the year's expected amount)
_SHARE_OF_PLAN = re.compile(
    r"(?:(?:完成|占|达到|达|实现|为|是)了?[^，,。；：:]{0,20}?"
    + _PLAN_WORD
    + r"[^，,。；：:]{0,10}?"  # (占调整预算45.6亿元的61.2%)
    r"|" + _PLAN_WORD + r"[^，,。；：:]{0,8}?(?:完成|进度)(?:了|达到?|超过|为)?[^，,。；：:]{0,3}?"
    r"|(?:" + PLAN_RATE + r"|(?<!序时)(?<!形象)进度)"  # (完成率仅为38%, 进度只有41%, 才达到)
    r"(?:已|已经|可|将|能|有望|仅|只有?|才)?(?:达到|达|为|超过)?了?)$"
)
# A growth rate of the counted thing: 同比增长49.4%, 比“十三五”末提高了125%, 超过计划开工量6%,
# 累计下降47.9% (since the base year), 同比改善4.8% (a fall), 同比仅增长2.1%, 比上年同期多53.0%.
# Only a comparison makes it one (同比, 比…, 较…): a work report's bare 增长6.5% of a 元 target is
# the plan for its growth, which a watchlist tracks as a target of its own, in %.
_GROWTH = re.compile(
    r"(?:(?:同比|环比|累计|(?:按可比|同|可比)口径|按年|比[^，,。；]{0,10}?|较[^，,。；]{0,8}?)(?:仅|只|才)?"
    r"(?:增长|增加|提高|提升|上升|上涨|回升|下降|减少|降低|回落|下滑|下跌|暴跌|改善|加快|放缓)"
    r"|超出|超过计划[^，,。；]{0,6}?"
    r"|(?:同比|环比|按年|比上年|比去年)(?:仅|只|才)?(?:增|降|升|减)"  # 同比(仅)降5.1%
    r"|(?:比|较)[^，,。；]{0,10}?多)了?(?:约|近|超过|达)?$"
)
# A change with no comparison word (…9326亿元，增长4.2%; 进出口回落6.5%; 目标是…增长3%左右): the
# change of whatever the clause's subject is, weighed by binding.rate_of, which asks that subject
# be the target's (its keyword just before, or its own amount closing the clause before).
_CHANGE_VERB = r"(?:增长|增加|提高|提升|上升|上涨|回升|下降|减少|降低|回落|下滑|下跌|暴跌|[增减]产)"
_BARE_GROWTH = re.compile(
    r"(?:预计|预期|将|力争|争取|要|可望|有望|确保|实现|全年|当月|同期相比)*"
    + _CHANGE_VERB
    + r"了?(?:约|近|超过|达)?$"
)
# 预计增长, 力争增长: the words of a plan or estimate before a change verb name no measure
_MODAL_BEFORE_CHANGE = re.compile(
    r"(?:预计|预期|将|力争|争取|要|可望|有望|确保|实现|全年|当月)+(?=(?:同比)?" + _CHANGE_VERB + ")"
)
_FALL = re.compile(
    r"(?:下降|减少|降低|回落|下滑|下跌|暴跌|缩减|减产|放缓|(?<=同比|环比)[降减]|(?<=比上年|比去年)[降减])"
    r"了?(?:约|近|超过|达)?$|降幅" + r"[^，,。；比较]{0,4}?"
    r"(?:为|是|达到?|(?:扩大|收窄)(?:至|到))?(?:约|近)?$"
)
# A rate named by its noun, given as its level: 增速回落至3.1% (growth slowed to 3.1%, still a
# rise), 增幅为11.6%, 增长率达到9%, 降幅收窄至2% (a fall: _FALL); not 增速比全国高2.1个百分点
_RATE_NOUN = re.compile(
    r"(?:增速|增幅|增长率|涨幅|降幅)[^，,。；比较]{0,4}?"
    r"(?:为|是|达到?|(?:回落|回升|提高|提升|加快|放缓|下降|上升|扩大|收窄|降|升)(?:至|到)|保持在|稳定在"
    r"|超过?|逾)"
    r"(?:约|近)?$|(?:增速|增幅|增长率|涨幅)$"  # (增速超两成: 超 is the number's own)
)

# A level, not the period's additions: 总数达222万个, 托位数达4.73个, 光伏装机…; strong enough
# to hold against a year named elsewhere in the sentence.
# A balance (贷款余额, 存款余额) is what stands at a date, whatever flowed in or out before it.
_STOCK = re.compile(
    r"总(?:数|量|里程|规模|面积|容量|额)|总长度?(?=已|约|为|达|近|超|突破|破|增至)|运营里程|保有量|装机|共有|全国有|已有|现有|拥有"
    r"|实有|余额|存量"
    # (not 死亡人数为168人: people dying or hurt over a period are its flow, never a stock)
    r"|数(?<!亡人数)(?<!伤人数)(?<!难人数)量?(?:已经?)?(?:达到?|超过|突破|约|近|为)|数量(?=[0-9])"
)
# A flow is measured over a period, never held: a year's output, trade, revenue or sales is the
# period's, however total its noun (总产量, 进出口总额, 社会消费品零售总额, 旅游总收入).
_FLOW = re.compile(
    r"产量|产值|发电量|用电量|收入|营收|进出口|出口额|进口额|销售额|销量|成交额|交易额|零售总额"
    r"|增加值|吞吐量|货运量|客运量|接待游客|游客量|业务量|资金总?规模"  # (a year's funds in all)
    r"|零售额|营业额|支出|税收"  # (网络零售额, 一般公共预算支出: a year's, in statistics)
)
# A flow's total, in a clause after the one naming it (…收入增长4.1%，总量达到486亿元)
# (…，力争总量迈上1600亿元台阶: the year's total aimed at)
_FLOW_TOTAL = re.compile(
    r"[，,\s]*(?:力争|争取|确保|预计|有望)?(?:总量|总额|总规模|规模)(?:已经?|将|要|可)?"
    r"(?:达到|达|为|突破|超过|[迈跨站登]上|[迈跨]过|迈入)"
)
_NAMED_YEAR = re.compile(r"(?<!截至)(?<!截止)(?<!到)(?<!至)[0-9]{4}\s*年(?![底末]|[0-9]{1,2}月底)")
_LAST_YEAR = re.compile(r"去年|上年度|上一年")
# …and verbs that make one unless the clause is the year's work (今年累计达到…, 1至10月累计…)
_STOCK_VERB = re.compile(
    r"增至|增加到|增长到|达到|总计|共(?:计|建|完成|改造|开工|开通|建成|建设|实施)"
)
# 已建成X with no period at all: a running total
_DONE_SO_FAR = re.compile(r"已(?:经)?(?:累计)?(?:建成|建设|完成|开通|改造|实施)")
# …or progress toward the plan named beside it (已建成460个，完成率达92%): the plan's period
_YEAR_WORDS = re.compile(
    r"年度|全年|年内|今年|当年|[0-9]{4}\s*年|去年|上年|(?:完成|开工|完工|建成|竣工)率|任务"
    r"|(?:其余|剩余|余下|剩下)的?[约近0-9一二三四五六七八九十两]"  # (剩余12个…: a plan's rest)
)
# …but a count of this year's work stays an addition: 新开工数量已达2.43万个, 新增就业人数
# (新能源汽车保有量, 新型储能装机: 新 naming a kind of thing, not an addition)
_FLOW_BEFORE_STOCK = re.compile(
    r"(?<![高创更革翻刷最全重特])新(?!能源|型|兴|区|城|疆|华|时代|材料|质|一代|业态|市民|农村)[^，,。；]{0,5}$"
)  # (高新技术企业总数, 城市更新项目总数, 专精特新: 新 inside a word that adds nothing)
# Words of work done or things added in the period: a clause with none of them before its number
# (截至8月底，千兆宽带用户365万户; …，全省节水灌溉面积达到2710万亩) states a level.
_ADDITION = re.compile(
    r"新增|新建|新开|新注册|开工|完工|竣工|建成|建设|完成|改造|筹集|实现|净增|增加|增长|减少|下降"
    r"|提高|发放|实施|培育|引进|招引|签约|投放|开通|销售|接待|发行|提供|安排|交付|验收|投用|办理"
    r"|改建|扩建|修建|铺设|种植|造林|治理|整治|安置|吸纳|就业|创业|招聘|培训|帮扶|新改建"
)
# A project's running total since its works began, naming no year (开累完成投资, 开工以来累计):
# a stock of work done, not the year's. (Each branch opens with a letter, its look-behind after
# it: a search then jumps between those letters; a look-behind first made it try every place.)
_SINCE_WORK_BEGAN = re.compile(
    r"开累|开(?<![0-9]年开)(?:工|建)(?:建设)?以来|动(?<![0-9]年动)工(?:建设)?以来"
)
# A later clause of the sentence that is a part or the year's own (…，其中…; …，今年新建成12家)
_LATER_YEAR = re.compile(r"其中|[，,；;](?:今年|当年|本年)")
# A mark a number is said to pass or a step it climbs onto (突破3万个大关, 迈上4万个新台阶)
_MARK_AFTER = re.compile(r"新?(?:台阶|大关|关口)")
# A count right after the verb adding it (新增14家, 新建2座): the addition
_ADDED_JUST_BEFORE = re.compile(r"(?:新增|新建|新开|净增)了?(?:约|近|超过|超|逾)?$")
# A one-year quota or allocation (今年下达的额度, 今年新增专项债券限额, 今年安排…资金): what a 累计
# after it counts toward is the year's use of it, not a stock
_YEARS_QUOTA = re.compile(r"(?:今年|全年|年度|本年)[^。；，,]{0,14}?(?:额度|限额|安排|下达)")
_AIMED = re.compile(MODAL.pattern + "|目标")  # the modals of intent, and a plan's own word
_AS_OF = re.compile(r"截[至止][^，,。；]{0,10}(?:底|末|目前|现在)|^目前|^[0-9]{4}\s*年[底末][，,]")
# Concentrations and averages per head are levels (PM2.5浓度35微克/立方米, 每千人口托位数4.1个).
_LEVEL_UNITS = frozenset({"微克/立方米", "毫克/立方米"})
_EVENTS = frozenset({"人次", "次", "场次", "架次", "车次", "艘次", "台次", "批次", "件次", "户次"})
# checks, cases, incidents and work per area or trip: counted over a period too
_EVENTS |= {"家次", "例次", "起", "宗", "亩次", "辆次", "船次"}
_PER_HEAD = re.compile(r"每(?:千|万|百|十万)?(?:人|人口|户|平方公里)|平均|人均")
# not 截至今年; nor 合计, a sum of the parts before it, which takes their period (今年…，合计…)
_CUMULATIVE = re.compile(r"累计|累积|至(?<!截至)今(?!年)|历年")  # (2021年至今年9月: a span's end)
_LEVEL_HEAD = re.compile(  # …，达到14130亿斤; …，去年达到108.6亿件; …，有望达到7.1亿吨
    r"[，,\s]*(?:去年|今年|上年|全年|当年|(?:19|20)[0-9]{2}\s*年)?"
    r"(?:已经?|(?:将|有望|可望|预计|力争|争取|确保)(?:可|能)?)?(?:达到|达|为|增至|升至)"
)
_LEVEL_ENDS = ("达", "到", "为", "至")  # the letters a _LEVEL_HEAD ends with
_LEVEL_VERB = re.compile(r"(?:已|已经)?达$")  # 建成充电桩达2万个
# The period is the year (or a span) the additions were made in: 今年累计完成, “十四五”以来累计…
# (Each pattern a search runs over a sentence opens with the letters it can start with: without
# them, a look-behind or a class first makes re try every alternative at every place.)
_IN_YEAR = re.compile(
    r"(?=[今全年当本前上下0-9一二三四五六七八九十])"
    r"(?:(?<!截至)(?<!截止)(?<!到)今年(?![0-9一二三四五六七八九十]+月)|全年|年内|当年|本年"
    r"|"
    + MONTH_SPAN
    + r"|前[一二三四五六七八九十两0-9]{1,2}个?月|前[一二三]季度|[一二三四]季度|上半年|下半年)"
)
# A share of the year's plan said after the number: the number is that year's work so far
# (…，完成省定年度目标任务的82%; …，占市政府下达的4万套年度任务的92.5%), or a one-year plan's own
# size (4万套年度任务)
_YEARS_PLAN_AFTER = re.compile(
    r"[^。；，,]{0,3}[，,](?:已|已经|共|累计)?(?:完成|占|达到|达|为|是)(?:了)?[^。；，,]{0,16}?"
    r"(?:年度|全年)[^。；，,的]{0,4}?(?:任务|计划|目标)|的?(?:年度|全年)(?:目标)?(?:任务|计划)"
    r"|[^。；，,]{0,3}[，,](?:年度|全年)?(?:任务|计划)?完成(?:率|进度)"  # …642场，完成率107%
)
_SPAN = re.compile(  # not 近年来: no start given; 2020年至2024年, 过去五年, 五年合计: a span
    r"(?=[以年期时过近0-9二两三四五六七八九十])"
    r"(?:(?<![近多几])(?:以来|年来)|期间|时期|过去[二两三四五六七八九十0-9]{1,2}年"
    r"|[0-9]{4}\s*年?\s*(?:至|到|—|－|-|~|～)\s*(?:[0-9]{4}\s*年|今年?)"
    r"|(?<![近多几])[二两三四五六七八九十0-9]{1,2}年(?:间|来)?(?:合计|累计|共计)"
    r"|近[二两三四五六七八九十0-9]{1,2}年(?!前)|十[一二三四五]五”?前[一二三四两]年)"
)  # (近三年, “十四五”前四年: the years counted back from now, or the plan's first ones)
_SPAN_END = re.compile(r"(?:(?<=以来)|(?<=[0-9]年))(?:至|到|截至)今年")
_AS_OF_STOCK = re.compile(
    r"(?:截至|截止)[^，,。；]{0,8}(?:年底|年末|目前|现在|底前|[0-9]{4}\s*年(?!\s*[0-9一二三四五六七八九十]{1,2}\s*月))"
    r"|^目前"  # (not 截至2024年8月底: a date inside the year, the year's work so far)
)


# A project's whole, over all its years: its total investment, or what has been done since work
# began (开累, 自开工以来); a share of it is no share of the year's plan
_WHOLE_WORKS = re.compile(r"开累|开工以来|总投资|概算")


# A share done, said with no whole (…，也就是说完成了六成多; 天津…整治完成75.2%): of the pledge
_DONE_BARE = re.compile(r"完成了?(?:约|大约|大概|近|将近|超过)?$")


def percent_measure(head: str) -> FigureScope | None:
    """For a % number of a count target, what the words before it (`head`, from the clause
    start) make it: progress toward the pledge, a growth rate, or None (a share of something
    else: 占移动基站总数26.9%)."""
    if _SHARE_OF_PLAN.search(head) or _DONE_BARE.search(head):
        # (开累投资完成率62%, 占项目总投资的56%: a share of the whole works since they began)
        return None if _WHOLE_WORKS.search(head) else "share_of_pledge"
    if _GROWTH.search(head) or _BARE_GROWTH.search(head) or _RATE_NOUN.search(head):
        return "rate"
    return None


def without_modals(text: str) -> str:
    """The words before a rate without the plan's or estimate's own (预计增长 → 增长)."""
    return _MODAL_BEFORE_CHANGE.sub("", text)


def compared(head: str) -> bool:
    """Whether a rate's words compare it with a base (同比, 比上年, 较…): a growth of the thing
    whose own words say so, not a bare change that takes its subject from the clause before."""
    return bool(_GROWTH.search(head))


def is_fall(head: str) -> bool:
    """下降30%: the words before the number say it went down."""
    return bool(_FALL.search(head))


def scope_of(sentence: str, c0: int, c1: int, q: Quantity) -> FigureScope:
    """A level (cumulative) or the period's additions (new), from the clause and its sentence;
    rates for % numbers and bare numbers under rate words."""
    clause = sentence[c0:c1]
    if q.unit in _PERCENT:
        return "rate"
    head = sentence[c0 : q.start]
    if c0 and whole_in_share(sentence, c0) and _added_before(sentence, c0):
        return "new"  # …新增首贷户9300户，占全省2.18万户的42.7%: the whole of the same additions
    named = _named_by_its_words(sentence, c0, clause, head, q)
    if named is not None:
        return named
    if _SINCE_WORK_BEGAN.search(head) or (
        c0 <= opening_end(sentence) + 1
        and (_SINCE_WORK_BEGAN.search(sentence, 0, c0) or since_launch(sentence, c1))
    ):
        return "cumulative"  # 开工以来开累完成投资126亿元; 试点以来，…累计… (no start dated)
    if _ADDED_JUST_BEFORE.search(head) and not _CUMULATIVE.search(head):
        return "new"  # 新增14家…达到推荐标准: the count added, whatever its clause goes on to say
    if c0 and year_summed(sentence, c0, _IN_YEAR):
        return "new"  # …今年已全部发行完毕，共计3120亿元: the sum of the year's work
    # the year's work: said in this clause, or by a time phrase opening the sentence (今年1—6月，…)
    opening = sentence[: opening_end(sentence)]
    own_year = "今年" in _SPAN_END.sub("", opening)  # (…以来至今年9月: 今年 ends the span)
    since = c0 <= len(opening) + 1 and _SPAN.search(opening) and not own_year
    if since and _CUMULATIVE.search(clause):
        return "new"  # 自2016年…以来，累计下达…; “十四五”以来截至9月底，累计筹集…; …，借阅累计达到…
    if _YEARS_PLAN_AFTER.match(sentence, q.end):
        return "new"  # 累计完成2210部，完成年度目标的73.7%: the year's work so far
    if _a_level(sentence, c0, clause, head, opening):
        return "cumulative"
    if _IN_YEAR.search(clause) or _IN_YEAR.search(opening):
        return "new"
    if _SPAN.search(head) or _SPAN.search(opening):  # 2021年以来累计…: new over the span
        return "new"
    if c0 and _CUMULATIVE.search(clause) and _YEARS_QUOTA.search(sentence, 0, c0):
        return "new"  # 今年下达的额度2600亿元，截至9月末累计发行…: the year's quota, used so far
    if _STOCK_VERB.search(clause) or _CUMULATIVE.search(clause):
        return "cumulative"
    # (温州城市书房已达172家，其中今年新开9家; …共58家，今年新建成12家: the year is the part's)
    later = _LATER_YEAR.search(sentence, c1)
    whole = sentence[: later.start()] if later else sentence
    if _in_year(whole) and (not _LEVEL_VERB.search(head) or _IN_YEAR.search(sentence, 0, c1)):
        return "new"  # (温州城市书房已达172家，其中今年新开9家: the year is the part's, not its)
    if c0 and _NAMED_YEAR.match(clause) and _ADDITION.search(clause):
        return "new"  # …累计完成1250万亩，2024年完成462万亩: that year's work, not the total
    if _CUMULATIVE.search(sentence, 0, c0) or _LEVEL_VERB.search(head):
        return "cumulative"
    if _as_of_stock(sentence) and "已" in sentence[: q.start]:
        return "cumulative"
    if _DONE_SO_FAR.search(clause) and not _named_a_period(sentence, c0, head):
        return "cumulative"  # 福州已建成口袋公园1500多个: no period named, a running total
    return "new"


def _named_by_its_words(
    sentence: str, c0: int, clause: str, head: str, q: Quantity
) -> FigureScope | None:
    """What the words right around a number name it, whatever the sentence's time: a level by its
    unit, noun or mark (浓度35微克/立方米, 总数, 突破3万个大关), a flow or the additions since the
    period began (粮食产量, 比年初增加); None if they name neither."""
    if since_period_start(head):
        return "new"  # 比年初增加8400张: what the period has added
    if c0 and _OWN_START_TOTAL.match(head):
        return "new"  # …，“十四五”以来累计达到48个; …，2021年以来总数达到329家: over the span
    if q.unit in _EVENTS and not _CUMULATIVE.search(head):
        return "new"  # 接诊人次达到860万, 火灾3390起: visits, checks, incidents over a period
    if (
        q.unit in _LEVEL_UNITS
        or _PER_HEAD.search(head.rpartition("——")[2])
        or EARLIER_LEVEL.search(head)
        or level_before_change(sentence, head, q.end)
    ):
        return "cumulative"  # 浓度35微克/立方米, 每千人口托位数4.1个, 2020年底的18座: a level
    if _FLOW.search(head) or (
        c0
        and (_level_head(head) or _FLOW_TOTAL.fullmatch(head))
        and _FLOW.search(sentence, _clause_before(sentence, c0), c0)
    ):
        # 前三季度进出口总额, 粮食总产量达到…, 粮食产量…，达到14130亿斤: what flowed in a period
        return "new"
    if (
        c0
        and head.endswith(_LEVEL_ENDS)  # (_TO_MONTH takes off an opening: the end is head's)
        and _level_head(_TO_MONTH.sub("", head))
        and _years_additions(sentence, c0)
    ):
        return "new"  # 今年新建充电桩的规模明显扩大，达到8.5万个: the additions it speaks of
    if head.endswith("已有") and _IN_YEAR.search(sentence, 0, c0):
        return "new"  # 今年新增的床位，截至10月底已有1350张投入使用: of the year's, so far
    for m in _STOCK.finditer(clause):
        if m.group() in ("已有", "共有") and _IN_YEAR.search(clause, 0, m.start()):
            continue  # 今年已有1800多户…完成, 今年共有412家…: the year's so far, not a stock
        if not _FLOW_BEFORE_STOCK.search(clause, 0, m.start()):
            return "cumulative"
    if (
        _MARK_AFTER.match(sentence, q.end)
        and not _ADDITION.search(head)
        and not _IN_YEAR.search(head)
    ):
        return "cumulative"  # 福州托位突破3万个大关, 里程跃上2万公里台阶: where it stands
    return None


# a month the year's count runs to, before its level verb (…，截至11月底达到1.3万张)
_TO_MONTH = re.compile(r"^(?:截至|截止|到)[0-9一二三四五六七八九十]{1,2}月(?:底|末)?")
# the words of things added (新建, 新增): not 新能源, 新型 (_FLOW_BEFORE_STOCK's kinds)
_ADDED = re.compile(r"新(?:增|建|开工|开|改建)|净增")


def _level_head(text: str) -> bool:
    """_LEVEL_HEAD.fullmatch(text), tried only where text ends as one can (most heads do not)."""
    return text.endswith(_LEVEL_ENDS) and _LEVEL_HEAD.fullmatch(text) is not None


def _years_additions(sentence: str, c0: int) -> bool:
    """Whether the clause before the one at c0 speaks of the year's additions (今年…新建…) and
    of no stock: a level verb going on from it (…，达到8.5万个) gives their number."""
    before = sentence[_clause_before(sentence, c0) : c0]
    return bool(_IN_YEAR.search(before) and _ADDED.search(before) and not _STOCK.search(before))


# A clause of its own naming the start of its total (…，2021年以来总数达到329家, …，“十四五”以来
# 累计达到48个): what the years since added, new over the span (not 2021年以来… opening the
# sentence, before a level verb: _a_level's stock)
_OWN_START_TOTAL = re.compile(
    r"^[^，,。；0-9]{0,6}?(?:[0-9]{4}\s*年|五”?)(?:以来)[^，,。；0-9]{0,6}?(?:累计|总数|总量|共计|合计)"
)


def _a_level(sentence: str, c0: int, clause: str, head: str, opening: str) -> bool:
    """A clause naming no work done nor the year that states where a thing stands: at a date
    (截至8月底，千兆宽带用户365万户) or with a level verb after the sentence's opening
    (2021年以来…，全省节水灌溉面积达到2710万亩)."""
    if _ADDITION.search(clause) or _IN_YEAR.search(clause) or _AIMED.search(head):
        return False  # …正计划将总长2800多公里的…: under a plan, not a level
    if _AS_OF.search(sentence, 0, max(c0, 1)) or _AS_OF.search(clause):
        return not done_by_a_month(sentence, c0 + len(head), head)
    if _IN_YEAR.search(opening):
        return False  # 1至10月，…累计达到11.3万人: the year's work so far
    return c0 > len(opening) and bool(_STOCK_VERB.search(clause))


def _named_a_period(sentence: str, c0: int, head: str) -> bool:
    """Whether the sentence names the year or its plan (年度, 今年, 完成率), or a date inside
    the year work done runs to (截至8月底，已建成…)."""
    part = _LATER_YEAR.search(sentence, c0 + len(head))  # (其中今年新建成…; 今年新开的有…)
    named = _YEAR_WORDS.search(sentence, 0, part.start() if part else len(sentence))
    return bool(named) or done_by_a_month(sentence, c0 + len(head), head)


@lru_cache(maxsize=256)
def _flow_period(sentence: str) -> bool:
    """The sentence names a period a flow is measured over (2024年, 全年, 前三季度, 1—8月), not
    a point in time (截至2024年底)."""
    return bool(
        _IN_YEAR.search(sentence) or _NAMED_YEAR.search(sentence) or _LAST_YEAR.search(sentence)
    )


def _added_before(sentence: str, c0: int) -> bool:
    """Whether the clause before the one at c0 counts additions (新增, 新开工), not a total."""
    before = sentence[_clause_before(sentence, c0) : c0]
    return bool(_ADDITION.search(before)) and not _CUMULATIVE.search(before)


def _clause_before(sentence: str, c0: int) -> int:
    """Where the clause before the one starting at c0 (after a break, or at it) starts."""
    end = c0 - 1 if sentence[c0 - 1 : c0] in "，,；;" else c0
    return max(sentence.rfind(ch, 0, end) for ch in "，,；;。\n") + 1


# Per sentence, not per number: a long sentence with many numbers is read in linear time.
@lru_cache(maxsize=256)
def _in_year(sentence: str) -> bool:
    return bool(_IN_YEAR.search(sentence))


@lru_cache(maxsize=256)
def _as_of_stock(sentence: str) -> bool:
    return bool(_AS_OF_STOCK.search(sentence))
