"""Stock or flow where a sentence gives both: the period's additions of a thing, then a running
total of the same thing (今年以来新建城市绿道86公里，全市累计建成城市绿道1240公里). The total
said after them is where the thing stands, not more of what the period added."""

from __future__ import annotations

import re

# 累计 before the total's own verb or level verb, not before a word of addition (累计新增,
# 累计新建: the period's additions summed)
_TOTAL = re.compile(r"累计(?!新|净增|增加)")
# the words of the period's additions in a clause before (新增, 新建, 新开通, 新培养, 新认定, 净增):
# 新 before a verb, not 新 naming a kind of thing (新能源, 新型, 新市民)
_ADDED = re.compile(
    r"(?<![高创更革翻刷最全重特])新(?!能源|型|兴|区|城|市民|疆|华|时代|材料|质|一代|业态|农村)[\u4e00-\u9fff]|净增"
)
# a level reached by a verb of change to it (…，全市公共停车泊位增加到41万个; 数量增至96家)
_RISEN_TO = re.compile(r"(?:增加|增长|提升|提高|扩大|上升|增)(?:到|至)")
# a start of its own (自2017年开展试点以来累计完工…): the total over that window, new
_OWN_START = re.compile(r"以来|年来|期间|时期")
# a clause before that plans or allots (今年新增专项债券限额为2900亿元，…已累计发行…): what the
# 累计 counts is the use of that plan so far, not a stock
_PLANNED = re.compile(r"计划|将|力争|目标|任务|限额|额度|下达|安排")
# the stage a count is of: a total of another stage than the additions before it (新开工…，
# 累计基本建成…) is that stage's count so far, the period's own
_STAGE = re.compile(r"新开工|开工|基本建成|竣工|完工|交付|分配|建成|新建")
_SAME_STAGE = {"新开工": "开工", "新建": "建成"}
# a 累计 clause saying nothing but its verb and number (…，累计建成1240公里): too bare to say
# that it restates the thing rather than going on with the period's count
_BARE = re.compile(r"[^，,。；;]{0,2}累计[^0-9，,。；;]{0,2}")


def total_after_additions(sentence: str, c0: int, head: str, in_year: re.Pattern[str]) -> bool:
    """Whether the clause at c0 (its words before the number: `head`) is a running total of the
    thing whose additions a clause before it gave (新开通5G基站2860个，全省5G基站累计达到10.4万个;
    已加装电梯386部，全市累计加装电梯2650部): the stock, whatever period opens the sentence.
    Not when the clause names a year or a start of its own (`in_year`, 以来), is bare
    (累计建成1240公里), or counts another stage than the additions (新开工…，累计基本建成…)."""
    if c0 == 0 or ("累计" not in head and "到" not in head and "至" not in head):
        return False  # (most clauses: neither word, nothing to read further)
    total = _TOTAL.search(head) or _RISEN_TO.search(head)
    if total is None or in_year.search(head) or _OWN_START.search(head):
        return False
    if _BARE.fullmatch(head) and not (
        _verb_again(sentence[:c0], head[total.end() :])
        or _LEVEL_VERB.match(head, total.end())
        or sentence.startswith(("突破", "超过", "超", "逾"), c0 + len(head))
    ):
        return False
    if total.re is _RISEN_TO and (total.start() < 2 or _ADDED.search(head)):
        return False  # (…，达到8.5万个: the additions' own number, their subject not said again)
    before = sentence[:c0]
    verb = head[total.end() : total.end() + 2]
    if not any(ch.isdigit() for ch in before) or _PLANNED.search(before):
        return False
    if not _ADDED.search(before) and (len(verb) < 2 or verb not in before):
        return False
    return _stage(head[total.end() :]) in (None, _stage(before))


# a level reached (…，累计达到4.2万张; 累计突破…): where the thing stands after the additions
_LEVEL_VERB = re.compile(r"(?:已经?)?(?:达到?|增至|增加到|突破|超过)$")


def _verb_again(before: str, after_total: str) -> bool:
    """Whether a bare 累计 clause says again the verb the additions before it were said with, with
    no 新 (新增并网…，累计并网…; 新增登记…，累计登记…): the same act summed over all time, the
    stock."""
    return said_again(before, after_total[:2])


def said_again(before: str, word: str) -> bool:
    """Whether `word` (two letters or more) was said right after a word of addition before
    (新增接入充电桩…，累计接入…: 接入 is the additions' verb again, no noun of its own)."""
    return len(word) >= 2 and re.search("(?:新增|新|净增)" + re.escape(word), before) is not None


def _stage(text: str) -> str | None:
    m = _STAGE.search(text)
    return None if m is None else _SAME_STAGE.get(m.group(), m.group())


# People held at a level (参保人数稳定在, 低保对象保持在) or covered by a service at a time (签约
# 服务覆盖…人), things in a state now (在建项目64个, 在营农贸市场, 在运充电站, 在册): where the
# count stands; not a flow so held (新增就业稳定在…, 新开工在建…: 新 before it)
# things in a state now (在建, 在营, 在运营, 在用, 在册); not 在用地…, 在运行…, 在运输… (a topic)
IN_STATE = r"在(?:建(?!设)|营|运(?!输|行|用)营?|用(?!地|电|水|气|能|工|户)|册)"
_HELD = re.compile(r"(?:稳定|保持|维持)在|覆盖(?!率|面)|" + IN_STATE)
_NEW_BEFORE = re.compile(r"新(?!能源|型|兴|区|城|市民)|净增|增加")


# a verb of work right before the number (在建重大项目完成投资…, …投资完成…): what the things in
# that state did, the period's, not their count
_WORK_DONE_END = re.compile(r"(?:完成|(?<!总)(?<!计划)投资额?)了?(?:约|近)?$")


def held_level(head: str, in_year: re.Pattern[str]) -> bool:
    """Whether the words before a number (`head`) hold its count at a level, say what a service
    covers or the state its things are in now: a stock; coverage said of a year (今年…覆盖) is
    left to the year, and what things in a state did (在建项目完成投资…) to the work."""
    held = _HELD.search(head)
    if held is None or _NEW_BEFORE.search(head, 0, held.start()):
        return False
    if held.group().startswith("在") and _WORK_DONE_END.search(head, held.end()):
        return False
    return held.group() != "覆盖" or not in_year.search(head)


# What a place has now, said in the sentence's first clause (河南现有养老机构1860家, 全县共有…)
_HAS_NOW = re.compile(r"^[^，,。；;0-9]{0,12}?(?:现有|共有|拥有|实有)")
# a word of addition or of a period between it and a later number: that number's own scope
_OWN_SCOPE = re.compile(
    r"新(?!能源|型|兴|区|城)|净增|增加|今年|当年|本年|[0-9]{4}\s*年|以来|[；;。]"
)


def listed_after_a_stock(sentence: str, start: int) -> bool:
    """Whether the number at `start` goes on with a list of what a place has now, opened by the
    sentence's first clause (河南现有养老机构1860家，床位21.4万张，其中护理型床位13.2万张): the
    same stock, unless a word of addition or of a period comes between (…；今年新建…)."""
    has = _HAS_NOW.match(sentence) if sentence.find("有", 0, start) > 0 else None
    return has is not None and _OWN_SCOPE.search(sentence, has.end(), start) is None


# The way still to a goal (距年底建成25万个的目标, 离…目标): the goal's words before its number
_TO_THE_GOAL = re.compile(r"(?:距离?|离)[^，,。；;0-9]{0,10}$")


def goal_of_the_stock(sentence: str, c0: int, head: str) -> bool:
    """Whether the number after `head` is a goal the sentence measures a running total against,
    said with the total's own verb (累计建成充电桩22.8万个，…，距年底建成25万个的目标): the level
    to reach, not additions; not a goal of additions (…，距全年新增5000个的目标)."""
    if not head.startswith(("距", "离")) or not _TO_THE_GOAL.match(head):
        return False  # (most clauses: no goal ahead)
    verb = head[-2:]
    return not _ADDED.search(head) and sentence.find("累计" + verb, 0, c0) >= 0


# 累计 before a verb of addition (累计新增, 累计新建, 累计新改建), or before a verb and things named
# as the period's additions (累计发行新增专项债券, 累计实现城镇新增就业): the additions summed; not
# 累计完成新改建…, a kind of work whose total may run over many years
_ADDED_SUM = re.compile(r"累计(?:新(?:增|建|改建|开工|开通)|[\u4e00-\u9fff]{2,4}?新增)")
# a date inside a year the work runs to (截至9月底, 截至2025年8月末, 截止10月20日)
_TO_A_MONTH = re.compile(
    r"截[至止](?:(?:19|20)[0-9]{2}\s*年|今年)?[0-9一二三四五六七八九十]{1,2}月(?:底|末|[0-9]{1,2}日)"
)


def added_to_a_month(sentence: str, clause: str) -> bool:
    """Whether the clause sums additions (累计新增…) up to a date inside the year, no start named
    (截至9月底，江西累计新改建农村公路5100公里): the year's additions so far, not a stock."""
    if "累计" not in clause or "新" not in clause:
        return False  # (most clauses)
    return bool(_ADDED_SUM.search(clause) and _TO_A_MONTH.search(sentence))


# 新增 or 净增 beside 累计 (累计新增学位…, 累计发行新增债券…, 城镇新增就业累计达到…): the word says
# the things were added; summed, they stay additions (over the span the text gives, or the year
# up to now), never a stock
_ADDED_SUMMED = re.compile(
    r"累计[\u4e00-\u9fff]{0,4}?(?:新增|净增)|(?:新增|净增)[\u4e00-\u9fff]{0,6}?累计"
)


def added_summed(head: str) -> bool:
    """Whether the words before a number sum things the text calls added (see _ADDED_SUMMED)."""
    return "累计" in head and bool(_ADDED_SUMMED.search(head))
