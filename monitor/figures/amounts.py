"""The amount a rate goes on from: the last amount before it in the sentence's clauses about the
target (…2990亿元（约合420亿美元），增长6.2%), and whether that is an amount this sentence gave the
target, right before the rate's clause (…追回工资待遇7800万元，同比增长15.2%)."""

from __future__ import annotations

import re

from monitor.figures import units
from monitor.figures.binding import Making, Number
from monitor.figures.brackets import closes_between, open_bracket
from monitor.figures.checks import _RATE_UNITS
from monitor.models import Quantity, Target


def amount_before(sentence: str, quantities: list[Quantity], at: int) -> Quantity | None:
    """The last amount (no %) before `at` in the sentence's clauses about the target, but for
    one giving the amount before it again in another unit (…2990亿元（约合420亿美元），增长6.2%)."""
    # a share or multiple (完成年度目标的102.4%, 为年度目标的1.12倍) is no amount: the one before
    # it is (…1536亿元，完成年度目标的102.4%，增长27.2%: the growth of the 1536亿元)
    shares = _RATE_UNITS | {"倍"}
    before = [
        q
        for q in quantities
        if q.end <= at
        and q.unit not in shares
        and not _restating(sentence, q)
        and not sentence.startswith("的", q.end)  # (10万元以上的村: a class, no amount)
        # (…536张（其中护理型床位310张），同比增长12%: a part in brackets is no amount it changes)
        and not _bracketed(sentence, q, at)
        # (…，全市20个区县排名第7，同比下降9.84%: the places a rank is among, no amount)
        and not _AMONG_RANKED.match(sentence, q.end)
    ]
    return before[-1] if before else None


_AMONG_RANKED = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:中|之中)?并?列?(?:排名|排位|排第|排在)")


def _bracketed(sentence: str, q: Quantity, at: int) -> bool:
    """Whether `q` is inside a bracket that closes before `at`: an aside, not what a rate after
    the bracket goes on from."""
    return open_bracket(sentence, q.start) >= 0 and closes_between(sentence, q.end, at)


def _restating(sentence: str, q: Quantity) -> bool:
    """Whether `q` opens a clause or bracket giving an amount again (，折合…; （约合…）)."""
    return any(units.restating_at(sentence, i) for i in range(max(0, q.start - 3), q.start))


def own_amount_before(making: Making, n: Number, target: Target) -> bool:
    """Whether the rate's clause goes on right after an amount this sentence gave the target
    (…欠薪案件640件，…追回工资待遇7800万元，同比增长15.2%): the rate is that amount's, whatever
    the keyword's clause measured first."""
    sentence = making.read.text
    before = amount_before(sentence, making.read.quantities, n.q.start)
    return (
        before is not None
        and (target.id, before.start) in making.given_at
        and not _CLAUSE_MARK.search(sentence, before.end, max(before.end, n.c0 - 1))
    )


_CLAUSE_MARK = re.compile(r"[，,；;。]")
