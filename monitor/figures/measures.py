"""What a number measures for a target: a level or an addition (scope), a growth rate, or
progress as a share of the pledge (完成年度任务的83%); and whether a time phrase says the
period is already under way (1—10月份, 前三季度, 截至7月底), which makes a result."""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.figures import months
from monitor.figures.cues import EARLIER_LEVEL, MODAL, MONTH_SPAN
from monitor.figures.firsts import Opening, opening
from monitor.figures.months import done_by_a_month, opening_past_source
from monitor.figures.place_clauses import whole_in_share
from monitor.figures.rate_words import _CHANGE_VERB as _CHANGE_VERB
from monitor.figures.rate_words import compared as compared
from monitor.figures.rate_words import is_fall as is_fall
from monitor.figures.rate_words import percent_measure as percent_measure
from monitor.figures.rate_words import without_modals as without_modals
from monitor.figures.scope_words import (
    _ADDED,
    _CUMULATIVE,
    _SHARES_OF_YEARS_PLAN,
    _STOCK_VERB,
    _added_before,
    _clause_before,
    _reaches_additions,
    last_years_tally,
    no_start,
)
from monitor.figures.scope_words import (
    _ADDITION as _ADDITION,
)
from monitor.figures.since import SUM_CLAUSE as SUM_CLAUSE
from monitor.figures.since import compared_before as compared_before
from monitor.figures.since import (
    dated_then_since,
    level_before_change,
    since_clause_before,
    year_summed,
)
from monitor.figures.since import since_period_start as since_period_start
from monitor.figures.since import since_window as since_window
from monitor.figures.since import sum_after as sum_after
from monitor.figures.so_far import _DONE_SO_FAR, _LATER_YEAR, scope_so_far
from monitor.figures.so_far import _PART_OF_YEAR as _PART_OF_YEAR
from monitor.figures.so_far import under_way as under_way
from monitor.figures.stock_flow import (
    added_summed,
    added_to_a_month,
    held_level,
    total_after_additions,
)
from monitor.models import FigureScope, Quantity

_PERCENT = frozenset({"%", "‰", "百分点"})

# A level, not the period's additions: 总数达222万个, 托位数达4.73个, 光伏装机…; strong enough
# to hold against a year named elsewhere in the sentence.
# A balance (贷款余额, 存款余额) is what stands at a date, whatever flowed in or out before it.
_STOCK = re.compile(
    r"总(?:数|量|[人户]数|里程|规模|面积|容量|额)|总长度?(?=已|约|为|达|近|超|突破|破|增至)|(?:运营|营运|通车|营业)里程|保有量|装机|共有|全国有|已有|现有|拥有"
    r"|实有|余额|存量|存栏"  # (存栏: head on hand; in operation, enrolled, on the register:)
    # the whole of a noun, its number right after (总托位1260个, 总床位3.2万张; not 总投资, 总计,
    # nor 总任务: the work set to be done)
    r"|总(?!投资|收入|产|支出|计|共|体|结|部|任务)[\u4e00-\u9fff]{2}(?=[0-9])"
    # the scale a count of things has reached or is to pass (5G基站规模将超过8万个, 机架规模达到…;
    # not a sum of money's: 发放规模达到2.5亿元, see _scale_of_money)
    r"|规模(?=(?:已经?|将|可|要)?(?:达到?|超过|突破|增至|扩大到|扩大至))"
    r"|在(?:运营|运行|营(?!商|造)|用(?![地好足活])|册|校|园|岗)"
    # (not 死亡人数为168人: people dying or hurt over a period are its flow, never a stock)
    r"|数(?<!亡人数)(?<!伤人数)(?<!难人数)量?(?:已经?)?(?:达到?|超过|突破|约|近|为)|数量(?=[0-9])"
)
_STOCK = opening(_STOCK)  # searched only where a match can start (firsts.py)
# A flow is measured over a period, never held: a year's output, trade, revenue or sales is the
# period's, however total its noun (总产量, 进出口总额, 社会消费品零售总额, 旅游总收入).
_FLOW = re.compile(
    r"产量|产值|发电量|用电量|收入|营收|进出口|出口额|进口额|销售额|销量|成交总?额|交易总?额|零售总额"
    r"|生产总值|GDP|总产(?!业)"  # (a year's output: 地区生产总值达到4.72万亿元, 粮食总产达到…)
    r"|增加值|吞吐量|货运量|客运量|接待游客|游客量|业务量|资金总?规模"  # (a year's funds in all)
    r"|零售额|营业额|支出|税收|出栏"  # (网络零售额, 一般公共预算支出: a year's, in statistics)
    r"|社零|社消零"  # (社零总额, 社消零总量: the retail total's short names)
    r"|以旧换新|换新|下乡"  # (a scheme for goods: its count is of goods traded over a period)
)
# A flow's total, in a clause after the one naming it (…收入增长4.1%，总量达到486亿元)
# (…，力争总量迈上1600亿元台阶: the year's total aimed at)
_FLOW_TOTAL = re.compile(
    r"[，,\s]*(?:力争|争取|确保|预计|有望)?(?:总量|总额|总规模|规模)(?:已经?|将|要|可)?"
    r"(?:达到|达|为|突破|超过|[迈跨站登]上|[迈跨]过|迈入)"
)
_NAMED_YEAR = re.compile(r"(?<!截至)(?<!截止)(?<!到)(?<!至)[0-9]{4}\s*年(?![底末]|[0-9]{1,2}月底)")
# …but a count of this year's work stays an addition: 新开工数量已达2.43万个, 新增就业人数
# (新能源汽车保有量, 新型储能装机: 新 naming a kind of thing, not an addition)
_FLOW_BEFORE_STOCK = re.compile(
    r"(?<![高创更革翻刷最全重特])新(?!能源|型|兴|区|城|疆|华|时代|材料|质|一代|业态|市民|农村)[^，,。；]{0,5}$"
)  # (高新技术企业总数, 城市更新项目总数, 专精特新: 新 inside a word that adds nothing)
# An addition said of a stock's noun: before it, the thing's name between (新增并网新能源装机)
_ADDED_AFTER_STOCK = re.compile(r"新增|净增")  # after the stock word, before the number
_ADDED_BEFORE_STOCK = re.compile(
    r"(?:新增|新建|净增)(?:并网|投运|投产|建成|开通)?[^，,。；0-9]{0,8}$"
)

_WORK_WORDS = ("建设", "改造", "新建", "开工", "完工", "建成", "完成", "实施", "改建")


def _added_stock(clause: str, stock: re.Match[str], head: str) -> bool:
    """Whether a stock word (装机, 运营里程) is said of additions: a word of addition before it,
    the thing's name between (新增并网新能源装机), or right after it, before the number
    (装机新增)."""
    if _ADDED_JUST_BEFORE.search(head) or _ADDED_AFTER_STOCK.search(head, stock.end()):
        return True  # (风电和光伏发电装机分别新增A和B)
    if stock.group().startswith("数") and clause.endswith(_WORK_WORDS, 0, stock.start()):
        return True  # 今年…改造数量达到5100公里, 建设数量: the count of the work, its additions
    return "新" in clause and bool(_ADDED_BEFORE_STOCK.search(clause, 0, stock.start()))


# A mark a number is said to pass or a step it climbs onto (突破3万个大关, 迈上4万个新台阶)
_MARK_AFTER = Opening(re.compile(r"新?(?:台阶|大关|关口)"))
# A count right after the verb adding it (新增14家, 新建2座): the addition
_ADDED_JUST_BEFORE = re.compile(r"(?:新增|新建|新开|净增)了?(?:约|近|超过|超|逾)?$")
# A one-year quota or allocation (今年下达的额度, 今年新增专项债券限额, 今年安排…资金): what a 累计
# after it counts toward is the year's use of it, not a stock
_YEARS_QUOTA = re.compile(r"(?:今年|全年|年度|本年)[^。；，,]{0,14}?(?:额度|限额|安排|下达)")
# …or a plan of the year, then a sum to a date (2024年计划新增…120部，截至…共开工131部)
_YEARS_PLAN = re.compile(r"(?:(?:19|20)[0-9]{2}\s*年度?|今年|全年|本年)计划")
_AIMED = re.compile(MODAL.pattern + "|目标")  # the modals of intent, and a plan's own word
# the end of a quarter, a half or a month opening the sentence (二季度末，…; 6月末，…): a point in
# time, as 截至6月底 is (not the quarter itself, a period of additions)
_AT_END = (
    r"(?:[0-9]{4}\s*年|今年)?(?:[一二三四]季度|上半年|[0-9一二三四五六七八九十]{1,2}月)[末底][，,]"
)
_AS_OF = re.compile(
    r"截[至止][^，,。；]{0,10}(?:底|末|目前|现在)|^目前|^[0-9]{4}\s*年[底末][，,]|^" + _AT_END
)
# Concentrations and averages per head are levels (PM2.5浓度35微克/立方米, 每千人口托位数4.1个).
_LEVEL_UNITS = frozenset({"微克/立方米", "毫克/立方米"})
_EVENTS = frozenset({"人次", "次", "场次", "架次", "车次", "艘次", "台次", "批次", "件次", "户次"})
# checks, cases, incidents and work per area or trip: counted over a period too
_EVENTS |= {"家次", "例次", "起", "宗", "亩次", "辆次", "船次"}
_EVENTS |= {"场"}  # (演出5.2万场, 赛事300场: events held; venues are 个, 座, 块)
_MONEY = frozenset({"元", "美元", "欧元"})  # (a scale of money: a period's sum, not a level)
# (千人口托位数, 万人口全科医生数: per head with 每 left out, not after a number: 500万人口)
_PER_HEAD = re.compile(
    r"每(?:千|万|百|十万)?(?:人|人口|户|平方公里)|平均|人均"
    r"|千(?<![0-9一二三四五六七八九十百千万]千)人口|万(?<![0-9一二三四五六七八九十百千万]万)人口"
)
_LEVEL_HEAD = re.compile(  # …，达到14130亿斤; …，去年达到108.6亿件; …，有望达到7.1亿吨
    r"[，,\s]*(?:去年|今年|上年|全年|当年|(?:19|20)[0-9]{2}\s*年)?"
    r"(?:已经?|(?:将|有望|可望|预计|力争|争取|确保)(?:可|能)?)?(?:达到|达|为|增至|升至)"
)
_LEVEL_ENDS = ("达", "到", "为", "至")  # the letters a _LEVEL_HEAD ends with
_LEVEL_VERB = re.compile(r"(?:已|已经)?达$")  # 建成充电桩达2万个
# The period is the year (or a span) the additions were made in: 今年累计完成, “十四五”以来累计…
# (Each pattern a search runs over a sentence opens with the letters it can start with: without
# them, a look-behind or a class first makes re try every alternative at every place.)
# A sentence opening on a past year alone (2023年，去年，): the period events were summed over
_YEAR_OPENING = re.compile(r"\s*(?:(?:19|20)[0-9]{2}\s*年(?:全年|度)?|去年(?:全年)?|上年)\s*")


def _year_events(q: Quantity, opening: str) -> bool:
    """Whether the number counts events summed over the past year the sentence opens with
    (2023年，…累计开展培训126万人次): that year's flow, never a stock."""
    return q.unit in _EVENTS and _YEAR_OPENING.fullmatch(opening) is not None


# 共 before a verb of doing (共实施, 共改造, 共完成), not of reaching or having (共建成, 共有)
_SUMMED_WORK = re.compile(r"共(?:新开工|新建|实施|完成|改造|开工|建设|筹集)")


def _year_summed(sentence: str, c0: int, head: str, q: Quantity, opening: str) -> bool:
    """Whether the number sums a past year's events or work: _year_events, _year_work_summed."""
    return _year_events(q, opening) or _year_work_summed(sentence, c0, head)


def _year_work_summed(sentence: str, c0: int, head: str) -> bool:
    """Whether the words before the number sum the work done in a past year standing alone as the
    clause before (2023年，全省共改造提升农村公路…; …获悉：去年，全市共完成…): that year's
    work, not a stock."""
    if "共" not in head:
        return False
    if _YEAR_OPENING.match(head) and not _SPAN.search(head) and _ADDITION.search(head):
        return True  # 2024年…补植行道树共计36处: a year opening the clause, its work summed
    if not c0 or not _SUMMED_WORK.search(head):
        return False
    start = max(sentence.rfind(c, 0, c0 - 1) for c in "，,；;：:。") + 1
    return _YEAR_OPENING.fullmatch(sentence, start, c0 - 1) is not None


_IN_YEAR = re.compile(
    r"(?=[今全年当本前上下0-9一二三四五六七八九十开自从])"
    r"(?:(?<!截至)(?<!截止)(?<!到)今年(?![0-9一二三四五六七八九十]+月)|全年|年内|当年|本年"
    + f"|{months.SINCE_NEW_YEAR}|{MONTH_SPAN}|"
    r"前[一二三四五六七八九十两0-9]{1,2}个?月"
    r"|(?:前[一二三]季度|[一二三四]季度|上半年|下半年)(?![末底]))"  # (not 二季度末: a point)
)
# A share of the year's plan said after the number: the number is that year's work so far
# (…，完成省定年度目标任务的82%; …，占市政府下达的4万套年度任务的92.5%), or a one-year plan's own
# size (4万套年度任务); of a plan of several years or the whole task (…，占总任务的91%, 完成三年
# 计划的86%) the work done toward it, new as well (not a level planned for a year, 达到2026年规划
# 目标的七成: frames.yaml); the number's noun may come between (累计打通46条断头路，占三年
# 行动计划的92%)
_YEARS_PLAN_AFTER = re.compile(
    r"[^。；，,]{0,12}[，,](?:已|已经|共|累计)?(?:超额|提前)?(?:完成|占|达到|达|为|是|相当于)(?:了)?"
    r"[^。；，,]{0,16}?"
    r"(?:年度|全年|年(?=(?:投资)?(?:计划|任务))|总|[二两三四五]年)[^。；，,的]{0,4}?(?:任务|计划|目标)"
    r"|的?(?:年度|全年)(?:目标)?(?:任务|计划)"
    r"|[^。；，,]{0,3}[，,](?:年度|全年)?(?:任务|计划)?完成(?:率|进度)"  # …642场，完成率107%
)
_SPAN = re.compile(  # not 近年来: no start given; 2020年至2024年, 过去五年, 五年合计: a span
    # (not the end of a year: 到2027年累计建成…)
    r"(?=[以年期时过近0-9二两三四五六七八九十从自])"
    r"(?:(?<![近多几])(?:以来|年来)|期间|时期|过去[二两三四五六七八九十0-9]{1,2}年"
    r"|[从自][0-9]{4}\s*年(?:开始|起)"  # (从2020年起, 自2018年开始: on from a year)
    r"|[0-9]{4}\s*年?\s*(?:至|到|—|－|-|~|～)\s*(?:[0-9]{4}\s*年|今年?)"
    r"|(?<![近多几0-9])[二两三四五六七八九十0-9]{1,2}年(?:间|来)?(?:合计|累计|共计)"
    r"|近[二两三四五六七八九十0-9]{1,2}年(?!前)|十[一二三四五]五”?(?:[前头][一二三四两1-4]年"
    r"|(?=累计|共(?![享同])|合计|总计)))"
)  # (近三年, “十四五”前四年, “十四五”累计: the years counted back from now, or the plan's)
_SPAN_END = re.compile(r"(?:(?<=以来)|(?<=[0-9]年))(?:至|到|截至)今年")
_SPAN_END = opening(_SPAN_END)  # searched only where a match can start (firsts.py)


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
    opening = sentence[: opening_past_source(sentence)]  # (据统计，今年一季度，…: its time)
    if no_start(sentence, c0, c1, head, len(opening)):
        return "cumulative"  # 开工以来开累完成投资126亿元; 试点以来，…累计… (no start dated)
    if _ADDED_JUST_BEFORE.search(head) and not _CUMULATIVE.search(head):
        return "new"  # 新增14家…达到推荐标准: the count added, whatever its clause goes on to say
    if c0 and year_summed(sentence, c0, _IN_YEAR):
        return "new"  # …今年已全部发行完毕，共计3120亿元: the sum of the year's work
    # the year's work: said in this clause, or by a time phrase opening the sentence (今年1—6月，…)
    # (…以来至今年9月: 今年 ends the span; 年初以来: the year's)
    own_year = "今年" in _SPAN_END.sub("", opening) or months.since_new_year(opening)
    since = (c0 <= len(opening) + 1 and _SPAN.search(opening) and not own_year) or dated_then_since(
        sentence, c0, _SPAN
    )
    if since and _CUMULATIVE.search(clause):
        return "new"  # 自2016年…以来，累计下达…; “十四五”以来截至9月底，累计筹集…; …，借阅累计达到…
    if _window_before(sentence, c0, head) or last_years_tally(sentence, q.start):
        return "new"  # …介绍，2020年以来，全市累计新建…; …获悉，从2020年至今，全市已建成…
    if _YEARS_PLAN_AFTER.match(sentence, q.end) or _SHARES_OF_YEARS_PLAN.search(sentence, q.end):
        return "new"  # 累计完成2210部，完成年度目标的73.7%: the year's work so far
    if _a_level(sentence, c0, clause, head, opening) or total_after_additions(
        sentence, c0, head, _IN_YEAR
    ):
        return "cumulative"  # (…，全市累计建成城市绿道1240公里 after 新建…86公里: stock_flow)
    if _IN_YEAR.search(clause) or _IN_YEAR.search(opening):
        return "new"
    if _SPAN.search(head) or _SPAN.search(opening):  # 2021年以来累计…: new over the span
        return "new"
    if c0 and _CUMULATIVE.search(clause) and _YEARS_QUOTA.search(sentence, 0, c0):
        return "new"  # 今年下达的额度2600亿元，截至9月末累计发行…: the year's quota, used so far
    if c0 and "共" in head and "截" in head and _YEARS_PLAN.search(sentence, 0, c0):
        return "new"  # 2024年计划…120部，截至10月底共开工131部: the year's so far
    if _reaches_additions(sentence, c0, clause) or _year_summed(sentence, c0, head, q, opening):
        return "new"  # …，新开工项目将达到185个; 完成投资1200亿元、力争达到1300亿元: additions
    if (_STOCK_VERB.search(clause) or _CUMULATIVE.search(clause)) and not added_to_a_month(
        sentence, clause
    ):
        return "cumulative"
    # (温州城市书房已达172家，其中今年新开9家; …共58家，今年新建成12家: the year is the part's)
    later = _LATER_YEAR.search(sentence, c1)
    whole = sentence[: later.start()] if later else sentence
    if _in_year(whole) and (not _LEVEL_VERB.search(head) or _IN_YEAR.search(sentence, 0, c1)):
        return "new"  # (温州城市书房已达172家，其中今年新开9家: the year is the part's, not its)
    if c0 and _NAMED_YEAR.match(clause) and _ADDITION.search(clause):
        return "new"  # …累计完成1250万亩，2024年完成462万亩: that year's work, not the total
    if _CUMULATIVE.search(sentence, 0, c0) or _reached_level(head):
        return "cumulative"
    return scope_so_far(sentence, c0, clause, head, q)


def _window_before(sentence: str, c0: int, head: str) -> bool:
    """Whether a dated start in a clause further in (…介绍，2020年以来，…; …获悉，从2020年至今，…)
    opens the window of the total or the work done said after it (累计…, 已建成…)."""
    summed = _CUMULATIVE.search(head) or _DONE_SO_FAR.search(head)
    return bool(summed) and since_clause_before(sentence, c0, _SPAN)


def _reached_level(head: str) -> bool:
    """Whether the words before a number say a level was reached (建成充电桩达2万个), not what
    work added reached an amount (新改建农村公路里程达1130公里, 新增用户达3.2万户)."""
    return bool(_LEVEL_VERB.search(head)) and not _ADDED.search(head)


def _named_by_its_words(
    sentence: str, c0: int, clause: str, head: str, q: Quantity
) -> FigureScope | None:
    """What the words right around a number name it, whatever the sentence's time: a level by its
    unit, noun or mark (浓度35微克/立方米, 总数, 突破3万个大关), a flow or the additions since the
    period began (粮食产量, 比年初增加); None if they name neither."""
    if since_period_start(head) or added_summed(head):
        return "new"  # 比年初增加8400张: what the period has added; 累计新增学位…: additions summed
    if c0 and _OWN_START_TOTAL.match(head):
        return "new"  # …，“十四五”以来累计达到48个; …，2021年以来总数达到329家: over the span
    if (q.unit in _EVENTS or (q.unit == "天" and "天数" in head)) and not _CUMULATIVE.search(head):
        return "new"  # 接诊人次达到860万, 雾霾天数41天: events, days of a kind in a period
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
    if held_level(head, _IN_YEAR):
        return "cumulative"  # 参保人数稳定在2700万人以上, 签约服务覆盖城乡居民1960万人
    for m in _STOCK.finditer(clause):
        if m.group() in ("已有", "共有") and _IN_YEAR.search(clause, 0, m.start()):
            continue  # 今年已有1800多户…完成, 今年共有412家…: the year's so far, not a stock
        if m.group() == "规模" and q.unit in _MONEY:
            continue  # 消费券发放规模达到2.5亿元: a sum of money's scale, the period's
        if (
            m.group()[0] == "总"
            and _DONE_BEFORE.search(clause, 0, m.start())
            and _YEARS_PLAN_AFTER.match(sentence, q.end)
        ):
            continue  # 已完成造林总面积…，占总任务…的N%: the work done toward it, as 累计…
        if not _FLOW_BEFORE_STOCK.search(clause, 0, m.start()) and not _added_stock(
            clause, m, head
        ):
            return "cumulative"
    if (
        _MARK_AFTER.match(sentence, q.end)
        and not _ADDITION.search(head)
        and not _IN_YEAR.search(head)
    ):
        return "cumulative"  # 福州托位突破3万个大关, 里程跃上2万公里台阶: where it stands
    return None


# a verb of work done before a 总 noun (已完成造林总面积…, 已建成…总数…)
_DONE_BEFORE = re.compile(r"已(?:经)?(?:累计)?(?:完成|建成)")
# a month the year's count runs to, before its level verb (…，截至11月底达到1.3万张)
_TO_MONTH = re.compile(r"^(?:截至|截止|到)[0-9一二三四五六七八九十]{1,2}月(?:底|末)?")


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


# Per sentence, not per number: a long sentence with many numbers is read in linear time.
@lru_cache(maxsize=256)
def _in_year(sentence: str) -> bool:
    return bool(_IN_YEAR.search(sentence))
