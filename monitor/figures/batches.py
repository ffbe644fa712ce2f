"""Parts of the year's work by their time: an event's own day (招聘会当天共有…进场) and a later
batch (第四批重大项目集中开工): that day's or that batch's figure, not the year so far."""

from __future__ import annotations

import re

from monitor.figures.months import SINCE_NEW_YEAR

# An event's own day counted (招聘会当天共有…进场; 活动当日吸引…; 当天180家单位提供…; 活动当天，
# 15个…同时开园): not a reporter's day (记者当天获悉) or a publishing one (当天发布的数据显示)
_ONE_DAY = re.compile(
    r"(?:活动|现场)?(?:当天|当日)(?:的[^，,。；0-9]{1,8}?[上中])?(?:，|,)?(?:共|现场|累计|全天)*"
    r"(?:[0-9]+[^，,。；0-9]{1,8}?)?"
    r"(?:有|吸引|提供|达成|发放|接待|签约|进场|开工|开放|开园|投用|亮相)"
)


def one_day(sentence: str, at: int) -> bool:
    """Whether an event's own day (当天, 当日) is named before `at`, with no word of all the
    work between (…，今年以来全市已提供…): that day's figure."""
    if "当" not in sentence:
        return False
    days = list(_ONE_DAY.finditer(sentence, 0, at))
    return bool(days) and not _IN_ALL.search(sentence, days[-1].end(), at)


# A later batch of the year's work (第四批重大项目集中开工): one batch, not the year so far
_LATER_BATCH = re.compile(r"第[二三四五六七八九十]+(?:批次?|轮)")
_IN_ALL = re.compile(
    r"累计|共计|总计|合计|" + SINCE_NEW_YEAR + r"|全年|此前|全省|全市|全区|全县|全国"
)
# …第三批次活动当天，58个…: the clause before names that batch's event
_EVENT_END = re.compile(r"(?:当天|当日|现场|活动上|仪式上)$")


# …a batch of the work itself (第四批重大项目, 第三批次活动, 第二批集中开工), not of other things
# (第二批试点城市, 第三批…名单)
_OF_WORK = re.compile(r"次?[^，,。；]{0,4}?(?:集中|活动|开工|签约|项目)")


def later_batch(sentence: str, at: int, title: str, keywords: tuple[str, ...] = ()) -> str | None:
    """The later batch of the work named before the number at `at`, when no word of all the
    work stands between them and the title counts no batch."""
    if "第" not in sentence or "批" in title or "轮" in title:
        return None
    batches = list(_LATER_BATCH.finditer(sentence, 0, at))
    found = batches[-1] if batches else None
    if found is None or _IN_ALL.search(sentence, found.end(), at):
        return None
    # (第三批城镇老旧小区改造项目, 第二批既有住宅加装电梯: the keyword after a word of kind; not
    # 第二批试点城市已建成…, a batch of places)
    near = sentence[found.end() : found.end() + 4]
    if not _OF_WORK.match(sentence, found.end()) and not any(
        sentence.startswith(k, found.end() + i) for k in keywords for i in range(len(near) + 1)
    ):
        return None
    cut = max(sentence.rfind(c, 0, at) for c in "，,；;")
    if found.start() > cut:
        return found.group()  # 第三批集中开工重大项目58个: in the number's own clause
    event = _EVENT_END.search(sentence, 0, cut) if found.end() <= cut else None
    return found.group() if event and sentence.rfind("，", 0, cut) < found.start() else None
