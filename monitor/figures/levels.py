"""The scope of a figure for a target whose pledge is a level (余额达到, 总数达到, 产业规模突破):
its amounts are that level unless their words say they are additions."""

from __future__ import annotations

import re

from monitor.figures.measures import _ADDITION, _IN_YEAR, _SPAN, scope_of
from monitor.models import FigureScope, Quantity, Target

# What makes a count of a level target the additions, not the level: with _ADDITION and _SPAN,
# a word of things new (新认定; not 高新, 专精特新), or the year's entries in a register
# (今年…412家企业通过…认定, 今年入库…)
_NEW_WORD = re.compile(r"(?<![高创更革翻刷最全重特])新(?!能源|型|兴|区|城|疆|华)")
_POINTER = re.compile(r"(?:这一|这个|这项|该|此)(?:比例|比重|比率|指标|数字|数据|数值|数)")
_REGISTERED = re.compile(r"认定|评定|认证|入库|登记|注册|备案|落户")


def scope_for(sentence: str, c0: int, c1: int, q: Quantity, level: bool) -> FigureScope:
    """scope_of, for a target whose pledge is a level (余额达到, 总数达到, 产业规模突破: `level`)
    too: an amount of it whose clause names no work, addition or span before it
    (2023年深圳人工智能产业规模3280亿元; 全市专精特新中小企业2760家) is that level."""
    scope = scope_of(sentence, c0, c1, q)
    if scope != "new" or not level:
        return scope
    head, clause = sentence[c0 : q.start], sentence[c0:c1]
    # (实现 before a level is reaching it: 力争实现全市…企业超过3200家的目标)
    worked = _ADDITION.search(head.replace("实现", ""))
    if worked or _NEW_WORD.search(head) or _SPAN.search(sentence, 0, q.start):
        return scope
    if _POINTER.search(head) and (
        _ADDITION.search(sentence, 0, c0) or _NEW_WORD.search(sentence, 0, c0)
    ):
        return scope  # …新增备案博物馆…，去年这个数是11家: the additions, pointed back to
    if _IN_YEAR.search(clause) and _REGISTERED.search(clause):
        return scope
    return "cumulative"


# A balance outstanding (专项债务余额, 贷款余额): a stock, not what a period added
_BALANCE = re.compile(r"余额")
# A project's whole investment (总投资, 计划总投资, 总投资规模): its size, not the money spent
_TOTAL_INVESTMENT = re.compile(r"总投资")


def other_amount(head: str, target: Target) -> str | None:
    """Why an amount is another measure of the target's thing: a balance outstanding for a
    target of what is added (发行新增专项债券: the bonds issued, not the debt standing), or a
    project's total investment for a target of the investment done (完成投资)."""
    if "余额" not in head and "总投资" not in head:
        return None  # most numbers: neither word before them (one test, no regex)
    words = target.title + "".join(target.keywords)
    adds = target.pledge is not None and target.pledge.scope == "new"
    if adds and _BALANCE.search(head) and "余额" not in words:
        return "a balance outstanding (余额), not what the target adds"
    if "完成投资" in words and _TOTAL_INVESTMENT.search(head):
        return "a project's total investment (总投资), not the investment done"
    return None
