"""A list item's heading naming a project by its amount (3.新增普惠托位2000个。 （五）新建口袋公园
30个; 新增老年助餐点60个：…), then the progress made on it (截至10月底，已完成2350个，完成率117.5%):
the heading's amount is the plan, the item's name, and the progress goes on with its subject
though it names it no more. Progress bulletins of 民生实事 lay their items out so, and progress
reports state the year's task in a sentence of its own (…任务为80个。截至4月30日，已开工31个)."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.months import SINCE_NEW_YEAR

# the item's number or mark (3. 3、 （五） 五、 第五项： ▶)
_MARKER = re.compile(
    r"\s*(?:[0-9]{1,2}\s*[.、．](?![0-9])|[（(][一二三四五六七八九十0-9]{1,3}[）)]"
    r"|[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十0-9]{1,3}[项条件]?[：:、，,]?"
    r"|[▶►■◆★●•]\s*)?\s*"
)
_NAME_MAX = 26  # a project's name is short: a verb, a noun and one amount
# words a name does not hold: a result's or a report's (已建成…, 累计…, 截至…, 同比…)
_NOT_A_NAME = re.compile(
    r"已|完成|建成|累计|截[至止]|实现|达到|共计|超额|同比|增长|下降|以来|目前|，|,|去年|上年|前年"
)
# a count of things: digits, then a word of their measure (300个, 1.2万套); not a digit of a name
# (5G, PM2.5) nor a date (2024年, 10月底)
COUNT = (
    r"(?<![A-Za-z0-9.])[0-9][0-9.]*\s*[万亿]?(?![年月日号时点])"
    r"[^\sA-Za-z0-9.，,。；;：:、（()）%％]"
)
_AMOUNT = re.compile(COUNT)
# the year's task said met, or its rate (…，超额完成年度任务; 完成率112%)
_MET = r"超额完成|提前完成|完成(?:了)?(?:年度|全年)(?:目标)?任务|完成率"
# the progress after the name: a time so far, then 已 or the work done (截至10月底，已完成…;
# 目前已建成…; 今年以来完成…; 已新增…)
# or the work done, then the plan said met or its rate (建成…620个，提前完成全年目标任务;
# 新增…336张，完成率112%; …，超额完成年度任务)
# the words of a label before the progress (进展情况：…, 完成：…)
_LABEL = "(?:进展|完成|推进|落实|实施)"
_PROGRESS = re.compile(
    # (a label of the progress first: 进展情况：已建成10个…)
    r"\s*(?:" + _LABEL + r"(?:情况)?\s*[：:]\s*)?"
    r"(?:截[至止][^，,；;。]{1,10}?[，,]?|目前|当前|现|" + SINCE_NEW_YEAR + r"[，,]?|全年)?\s*"
    r"(?:(?:已经?|累计|实际)(?:[^，,。；;0-9]{0,8}?)[约近超逾]?[0-9]"
    r"|(?:完成|建成|新增|新建|改造|开工|筹集)[^，,。；;0-9]{0,12}?[约近超逾]?[0-9][^。；;\n]{0,30}?"
    r"(?:" + _MET + "))"
)


def named_item(name: str) -> bool:
    """Whether `name` (a sentence or a clause, with its end mark) is a list item's heading: a
    project named by one amount and no word of a result."""
    body = name[_MARKER.match(name).end() :].rstrip("。；;：:\n 　")  # type: ignore[union-attr]
    return (
        0 < len(body) <= _NAME_MAX
        and len(_AMOUNT.findall(body)) == 1
        and _NOT_A_NAME.search(body) is None
    )


# …or a date so far, then the work done right after it (截至5月31日，新开工42个)
_DATED_WORK = re.compile(
    r"\s*截[至止][^，,；;。]{1,10}?[，,]\s*(?:新开工|开工|完工|竣工|建成|新建|新增|筹集|改造)"
    r"[约近超逾]?[0-9]"
)


# a label that says what follows is the progress, whatever its words (进展情况：已全部完成，…;
# 完成情况 全年共建成43个), as a progress report's row or bulletin lays it out
_LABELLED = re.compile(r"\s*(?:" + _LABEL + r"|办理)情况\s*[：:\s]")


def progress_at(text: str, at: int) -> bool:
    """Whether the text at `at` reports progress made (截至10月底，已完成2350个; 进展情况：…)."""
    return (
        _PROGRESS.match(text, at) is not None
        or _DATED_WORK.match(text, at) is not None
        or _LABELLED.match(text, at) is not None
    )


# a sentence that only states the year's task, its size closing it (…年度目标任务为80个。; …的计划
# 是300个。): the subject of the progress reported next
_TASK_STATED = re.compile(
    r"(?:任务|计划|目标)(?:数|量)?(?:为|是|定为)[约近]?[0-9][0-9.]*\s*[万亿]?"
    r"[^\s0-9A-Za-z，,。；;：:、%％]{1,4}[。；;]?\s*$"
)
_DONE = re.compile(r"已|完成|建成|累计|实现|达到|超额|同比|增长|下降|以来|去年|上年")


def item_then_progress(text: str, ends: list[int], index: int) -> bool:
    """Whether sentence `index` is a list item's heading, or states the year's task alone (…目标
    任务为80个。), and the next one reports its progress (截至4月30日，已开工31个)."""
    if index + 1 >= len(ends):
        return False
    start = ends[index - 1] if index else 0
    heading = text[start : ends[index]]
    stated = heading[heading.rfind("：") + 1 :]  # (…作如下说明：今年…的年度计划为80个。)
    return progress_at(text, ends[index]) and (named_item(heading) or _task_stated(stated))


def _task_stated(sentence: str) -> bool:
    return (
        len(_AMOUNT.findall(sentence)) == 1
        and _TASK_STATED.search(sentence) is not None
        and _DONE.search(sentence) is None
    )


_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
# the progress said as the year's task met (…，超额完成年度任务; 完成率112%)
_YEAR_MET = re.compile(_MET)


def year_met_after(text: str, ends: list[int], index: int) -> bool:
    """Whether the sentence after sentence `index` says a year's task was met: read by March, the
    heading before it is the plan of the year just ended."""
    return (
        index + 1 < len(ends) and _YEAR_MET.search(text, ends[index], ends[index + 1]) is not None
    )


def item_named(
    text: str, ends: list[int], sentence: str, c1: int, index: int, published: date | None = None
) -> bool:
    """Whether the clause of sentence `index` ending at `c1` names a list item by its amount,
    the progress on it after (3.新增普惠托位2000个。截至…，已完成…; 新增助餐点60个：已建成64个);
    not one naming a year before the year `published` (2023年新建…40个。目前已建成…: done)."""
    named = _YEAR.search(sentence, 0, c1)
    if published and named is not None and int(named.group(1)) < published.year:
        return False
    if sentence[c1 : c1 + 1] in ("：", ":"):
        return named_item(sentence[: c1 + 1]) and progress_at(sentence, c1 + 1)
    return c1 >= len(sentence.rstrip("。；;\n 　")) and item_then_progress(text, ends, index)
