"""Whether a count is of the target's thing: its unit (万套 is 套, a bare number takes the
target's unit unless a noun follows it) and the noun after it (210个试点地区 counts 地区)."""

from __future__ import annotations

import re
from dataclasses import replace

from monitor.figures import cues, units
from monitor.figures.cues import _CLAUSE, PLAN_AFTER
from monitor.figures.firsts import Opening
from monitor.figures.keywords import _first_part, title_noun
from monitor.models import Quantity, Target


def _fit_unit(q: Quantity, target: Target, after: str) -> Quantity | None:
    """The quantity if its unit is the target's (万套 is 套, 吨 is a mass like 斤); a bare number
    takes the target's unit unless a noun follows it (8000万纳税人 counts taxpayers)."""
    want = units.normalise(target.unit)
    if want is None:
        return q
    have = units.normalise(q.unit)
    if have == want or (have and units.convert(q.value, have, want) is not None):
        return q
    if units.same_family(have, want) or units.generic_for(have, want, target.keywords):
        return q  # 2100万户 for a target in 套, 城市书房21个 for one in 家, 基站1.8万站 in 个
    if (
        have is None
        and want not in {"%", "百分点", "倍", "‰"}
        and (after == "的" or not _is_han(after))
    ):
        return replace(q, unit=want)
    return None


def _is_han(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


# What may follow a count without making it a count of another noun: punctuation, qualifiers,
# particles and the words that open the next phrase (21个，…; 6000个以上; 3万户的…; …件之间).
_AFTER_COUNT_OK = frozenset(
    "，,。；;：:、）)（(”“’‘》《 \n\t…—－-"
    "和与及或等以左右上下内外多余其已将也均都并且是为在到至比较同占约近超之"
)
# the period's additions named as a set (今年新建的48个中有31个…, 新增的3200个中，…)
_SET_OF_ADDED = re.compile(r"(?:新建|新增|建成|新开工|开工|完成|改造)的(?:约|近|超过|超)?$")
_AMONG = Opening(re.compile(r"中(?:有|，|,|的)"))
# another count between this one and the keyword (14个乡镇260个卫生室): the keyword is that one's
_COUNT_BETWEEN = re.compile(r"[0-9０-９][0-9０-９.]*\s*(?:万|亿)?[个座所家处条张套间户台辆名人]")
_REACH = 12  # how far after a count a target's keyword may follow as its noun (40多个高品质“…”X)
_PERCENT_UNITS = frozenset({"%", "‰", "百分点"})


_QUOTES = ("“", "「", "『", "‘", '"')
# a thing named in quotes (“育儿驿站”), not “十四五”: a period
_QUOTED_NOUN = re.compile(r"(?!十[一二三四五六七八九]五)[\u4e00-\u9fff]")


def counts_other(sentence: str, q: Quantity, target: Target) -> bool:
    """A count followed by a noun that is not the target's counts that noun: 210个试点地区,
    覆盖534个社区, 7个月. A keyword of the target within reach, with no break before it, makes
    the noun the target's own (4.2万个5G基站, 40多个高品质“一刻钟”便民生活圈)."""
    if q.unit is None or q.unit in _PERCENT_UNITS or units.normalise(q.unit) in units.CURRENCIES:
        return False  # bare numbers are weighed in _fit_unit; money is followed by its use
    at = q.end
    if PLAN_AFTER.match(sentence, at):
        return False  # 7万套目标, 8000万亩的年度建设任务: the plan's size, not another noun
    if sentence.startswith(
        "的", at
    ):  # 150万套的任务 is the plan's size; 84.8万户的住房 counts 住房
        if _PLAN_NOUN.match(sentence, at + 1) or _LEVEL_NOUN.match(sentence, at + 1):
            return False  # (…达到162家左右的水平: the level it reaches)
        at += 1
    if _BROUGHT.match(sentence, at):
        return False  # 新建绿道104公里带来的变化: what the work brought, no noun it counts
    if _AMONG.match(sentence, at) and _SET_OF_ADDED.search(sentence, 0, q.start):
        return False  # 今年新建的48个中有31个…: the additions, a part of which follows
    if sentence.startswith(_QUOTES, at) and _QUOTED_NOUN.match(sentence, at + 1):
        at += 1  # 新增3个“育儿驿站”: the thing in quotes is the noun counted
    nxt = sentence[at : at + 1]
    if not nxt or nxt in _AFTER_COUNT_OK or not _is_han(nxt) or cues.GOES_ON.match(sentence, at):
        return False  # 在A至B之间; …，剩余1.1万套力争11月底前开工: the count is the modal's subject
    if any(sentence.startswith(k, at) for k in target.keywords):
        return False  # 100条城市画廊: the keyword itself, though it opens like a place class
    if _own_projects(sentence, q, target.keywords):
        return False  # 老旧小区改造48个项目: the keyword's work, counted by its projects
    noun = title_noun(target.title, target.unit)
    if noun and sentence.startswith(noun, at):
        return False  # 21个县 for a target titled 整县试点扩大到25个县: the title's own noun
    if _head_of_keyword(sentence, q.start, at, target.keywords):
        return False  # 老旧小区改造已开工1120个小区: the keyword's things, by their head noun
    if levels := cues.LEVELS_LISTED.match(sentence, at):
        at = levels.end()  # 246个街道、乡镇医保服务点: the levels the things stand at, then them
    if _PLACE_CLASS.match(sentence, at):
        return True  # 17个省区市贫困县, 11个设区市社区食堂: a count of places
    if _for_whom(sentence, q.start, at, target):
        return False  # 为12.5万名老年人提供居家养老上门服务: those the target's service is for
    window = sentence[at : at + _REACH + 12]
    for keyword in target.keywords:
        at = window.find(_first_part(keyword))
        # 40多个高品质“一刻钟”便民生活圈: the keyword is the noun, with no break or verb before it
        reached = 0 <= at <= _REACH and not _CLAUSE.search(window, 0, at)
        if reached and _COUNT_BETWEEN.search(window, 0, at):
            return True  # 14个乡镇【260个】卫生室: the keyword is the nearer count's
        if reached and _OWNER_BEFORE.fullmatch(window, 0, at):
            return True  # 5100余个停车场的停车泊位: a count of the places that hold the things
        if reached and (
            not _VERB_BETWEEN.search(window, 0, at)
            or _RECEIVED.fullmatch(window, 0, at)
            or (
                _WORK_BEFORE_NOUN.fullmatch(window, 0, at)
                and not window.startswith("项目", at + len(_first_part(keyword)))
            )
        ):
            return False
    return True  # 58个试点城市共建成口袋公园…: another noun, then the verb


# The work a keyword's things get, named between the keyword and a count of its projects (老旧小区
# 改造48个项目, 口袋公园建设12个项目): the count is the work's own, each project one of the things
_WORK_OF_KEYWORD = re.compile(r"(?:改造|建设|改建|扩建|提升|整治|更新|提质)+(?:今年|共|计划|已)?$")


def _own_projects(sentence: str, q: Quantity, keywords: tuple[str, ...]) -> bool:
    """Whether the count is followed by 项目 (or 工程) and preceded by a keyword and its work."""
    if not sentence.startswith(("项目", "工程"), q.end):
        return False
    work = _WORK_OF_KEYWORD.search(sentence, max(0, q.start - 8), q.start)
    return work is not None and sentence[: work.start()].endswith(tuple(keywords))


# A plan given in the clause before, then progress on it (…计划新建80个，…已建成64个食堂)
_PLANNED = re.compile(r"计划|目标|任务")
_DONE = re.compile(r"已")


def _head_of_keyword(sentence: str, start: int, at: int, keywords: tuple[str, ...]) -> bool:
    """Whether the noun at `at` after a count (starting at `start`) is the head of a keyword named
    before it in the count's clause, or in the clause before when that one gives no number of
    its own (老旧小区改造已开工1120个【小区】; 社区食堂建设提速，已建成68个【食堂】; not
    新建口袋公园12个，改造提升86个公园: another set of the head's things)."""
    heads = {k: [k[-n:] for n in range(2, len(k))] for k in keywords}
    if not any(sentence.startswith(h, at) for hs in heads.values() for h in hs):
        return False  # (most counts: no keyword's head after them)
    breaks = [m.end() for m in _CLAUSE.finditer(sentence, 0, start)]
    clause = breaks[-1] if breaks else 0
    before = breaks[-2] if len(breaks) > 1 else 0
    for keyword, hs in heads.items():
        if not any(sentence.startswith(h, at) for h in hs):
            continue
        if keyword in sentence[clause:start]:
            return True
        last = sentence[before:clause]  # (5G in 加快5G基站建设 is the keyword's, no number)
        if clause and keyword in last and not any(c.isdigit() for c in last.replace(keyword, "")):
            return True
        planned = _PLANNED.search(last) and _DONE.search(sentence, clause, at)
        if clause and keyword in last and planned:
            return True  # 计划改造320个老旧小区 目前已开工215个【小区】: the planned things
    return False


# The places or bodies a count may count that own the target's things, before 的 (5100余个停车场
# 的停车泊位, 1200个小区的充电桩, 86个社区的背街小巷): not an attribute of them (带充电功能的)
_OWNER_BEFORE = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:场|站|区|院|校|村|园|馆|厂|店|楼|单位|企业|街道|乡镇|家庭)的"
)
# Classes of places a count may count before the target's noun (23个省份5G基站…)
_PLACE_CLASS = re.compile(  # (…or one place word alone: 五个区, 3个县; not 区级, 县域, 市属, 市场)
    r"省区市|省（区、市）|省份|省区|省市|地市|设区市|城市|市县|县市|区县|县区|地区"
    r"|[省市区县](?![级属直管域场民政容])"
)
_BROUGHT = Opening(re.compile(r"所?带来(?:的|了)"))
# (…5.8万个的基础上: the base a plan is built on, the thing's own earlier figure)
_LEVEL_NOUN = re.compile(r"(?:较高|历史|新的?)?(?:水平|规模|高位|量级|区间)|基础上")
# (…22.99万亩的田间主体工程: the works of that size, the plan's too)
_PLAN_NOUN = re.compile(
    r"(?:年度|全年)?(?:建设|改造)?(?:目标)?(?:任务|目标|计划)|[\u4e00-\u9fff]{0,6}?工程"
)
# A verb between a count and a later keyword: the count was the subject's (58个试点城市共建成…)
_VERB_BETWEEN = re.compile(
    r"共(?<!公共)|已|将|建|完成|开工|实现|达|新增|改造|覆盖|累计|计划|有|提供|是|带动|辐射"
    r"|申请|申报|报名|预约"  # 1860户…家庭申请适老化改造: those who asked, no work done
)
# The work's words before the noun, as a modifier of it (50所新建改扩建中小学幼儿园, 45个新建口袋
# 公园): the things of the work, counted, not a subject then its verb; not where the noun goes on
# with 项目 (50所新建改扩建中小学幼儿园项目: the programme's projects, whose number is its size)
_WORK_BEFORE_NOUN = re.compile(r"(?:新建|改建|扩建|改扩建|新改建|改造|提升|新增|续建|、|和)+的?")
# The homes or people the work reached, then the verb of their getting it (376户困难老人家庭
# 完成适老化改造, 12.4万农村人口喝上自来水): the count is the target's own
_RECEIVED = re.compile(
    r"[^，,。；;0-9]{0,8}?(?:家庭|居民|老人|住户|农户|群众|人口|人家)(?:已经?|全部|均|都)?"
    r"(?:完成|实现|享受|用上|住上|喝上|吃上|接受|享有)了?"
)
# 为N名老年人提供…, 为5万户居民家庭安装…: the people or homes a service or a fitting is for
_SERVED = re.compile(r"[^，,。；;0-9]{1,10}?(?:提供|安装|加装|配备|配置|发放|开展|实施|免费)")


def _for_whom(sentence: str, start: int, at: int, target: Target) -> bool:
    """Whether the count before `at` (starting at `start`) is of those the target's service or
    fitting is for: 为 before it, and the keyword right after the verb that serves them."""
    if "为" not in sentence[max(0, start - 2) : start]:
        return False
    served = _SERVED.match(sentence, at)
    if served is None:
        return False
    after = sentence[served.end() : served.end() + 16]
    return any(after.find(_first_part(k)) >= 0 for k in target.keywords)


# A count of places opening a share's clause (仍有4个市州完成率不到三分之一, 有5个地市…开工率已达
# 100%): the share is those places', not the whole's
_PLACES_COUNTED = re.compile(
    r"([0-9一二三四五六七八九十两]+个(?:"
    + _PLACE_CLASS.pattern
    + r"|市州|地州|市|县|区|乡镇|街道))"
    r"[^，,。；;0-9]{0,12}?(?:率|进度|比例)[^，,。；;0-9]{0,6}$"
)


def places_share(sentence: str, c0: int, q: Quantity) -> str | None:
    """The count of places that a share (a rate, a progress) right before the number in its
    clause (from c0) is said of, if any."""
    if "个" not in sentence[c0 : q.start]:
        return None
    found = _PLACES_COUNTED.search(sentence, c0, q.start)
    return found.group(1) if found else None


# The same share in figures right after one said in words (…完成过半，达到年度任务的57.2%;
# 七成（71.3%）; 近六成，即58.6%): the words only round what the figures give
_IN_FIGURES = re.compile(
    r"\s*(?:[（(]|[，,]\s*(?:即|已?达到?|为|是|占|相当于)(?:年度|全年|今年)?"
    r"(?:目标|计划|建设)?(?:任务|目标|计划)?的?)\s*[0-9]+(?:\.[0-9]+)?\s*%"
)


def share_refused(sentence: str, c0: int, q: Quantity) -> str | None:
    """Why a share is none of the target's own: it is said of some places (仍有4个市州完成率不到
    三分之一), or said in words (过半, 七成, 近六成) and again in figures right after."""
    if places := places_share(sentence, c0, q):
        return f"the share of some places ({places}), not the whole's"
    if q.unit != "%" or any(c.isdigit() for c in q.surface):
        return None
    if _IN_FIGURES.match(sentence, q.end):  # 完成过半，达到年度任务的57.2%: the 57.2% only
        return "a share said in words, then in figures right after: the figures are read"
    return None
