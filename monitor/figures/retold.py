"""A headline's figure its article's lead tells again (西安新建口袋公园120个 over 记者获悉，明年全市
计划新建口袋公园120个): a title is short and leaves out what its lead sentence says, the time and
whether the work is planned or done. The title's amount is no figure where the lead reads the same
amount as another period's (next year's plan, work before the pledge) or another place's; an
amount the title gives in no clear frame takes the lead's reading, and one with no period the
lead's period. A frame the title's own words give stands: a lead's frame may come from a clause
beside the amount (…，完成年度目标过半), and a title's verb says as much as a lead's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from operator import attrgetter

from monitor.figures.binding import Read
from monitor.figures.units import normalise
from monitor.models import Figure, Quantity, Seen

LEAD = 3  # the sentences after the title that may tell its figure again: the lead paragraph's
# Why the lead's amount is not the target's, where that holds for the title's too: its period
# (checks._other_period, checks._later_plan) or its place (reader._measured)
_NOT_ITS = ("another period", "a plan for a later period", "another region")
_UNCLEAR = "its frame is unclear"  # checks._out_of_frame: no word of plan or result

Made = Callable[[Read, list[Seen] | None], list[Figure]]


def article_figures(reads: Sequence[Read], headline: bool, made: Made) -> list[Figure]:
    """The figures of an article's read sentences, in order (`made` reads one); with `headline`,
    its first sentence is the title, whose figures its lead may tell again (`retold`)."""
    figures: list[Figure] = []
    for read in reads:
        if headline and read.at == 0:
            figures.extend(retold(read, [r for r in reads if 0 < r.at <= LEAD], made))
        else:
            figures.extend(made(read, None))
    return figures


def retold(
    head: Read, lead: Sequence[Read], made: Made, trace: list[Seen] | None = None
) -> list[Figure]:
    """The title's figures (`head`: the title read) as the lead sentence telling the same amount
    again reads it (`lead`: the sentences after the title naming a target; `made` reads one with
    its trace): left out where the lead's is another period's or place's; an amount the title
    gives in no clear frame (…今年新建口袋公园60个, in June) in the lead's (今年全市将新建口袋
    公园60个: the plan). With `trace`, each amount dropped is added to it with the reason."""
    seen: list[Seen] = []
    out: list[Figure] = []
    for figure in made(head, seen):
        told = _told(figure.target_id, figure.quantity, lead, made)
        if (
            told is False
        ):  # 西安新建口袋公园120个 over …明年全市计划新建口袋公园120个: next year's plan
            q, why = (
                figure.quantity,
                "its lead tells the amount again as another period's or place's",
            )
            seen.append(Seen(head.text, q.start, q.end, q.surface, figure.target_id, None, why))
            continue
        if isinstance(told, Figure) and figure.period is None:
            figure = replace(figure, period=told.period)  # the year the lead names (2024年，…)
        out.append(figure)  # else in its own frame: the title's words, read, say as much
    by_start = {q.start: q for q in head.quantities}
    for dropped in list(seen):
        done = any(f.start == dropped.start and f.target_id == dropped.target_id for f in out)
        if done or dropped.target_id is None or not dropped.why.startswith(_UNCLEAR):
            continue
        told = _told(dropped.target_id, by_start[dropped.start], lead, made)
        if isinstance(told, Figure):
            q = by_start[dropped.start]
            figure = replace(told, quantity=q, sentence=head.text, start=q.start, end=q.end)
            why = f"{told.why}; the title's amount, as its lead tells it again"
            out.append(replace(figure, why=why))
            seen.remove(dropped)
    if trace is not None:
        trace.extend(seen)
    out.sort(key=attrgetter("start"))
    return out


def _told(
    target_id: str, amount: Quantity, lead: Sequence[Read], made: Made
) -> Figure | bool | None:
    """The lead's figure of the title's amount for its target; False if the lead reads the amount
    as another period's or place's; None if no lead sentence tells it again, or reads it as no
    figure for some other reason (a part, another noun), which says nothing of the title's."""
    for read in lead:
        if all(t.id != target_id for t in read.targets):
            continue
        same = [q.start for q in read.quantities if _same_amount(q, amount)]
        if not same:
            continue
        trace: list[Seen] = []
        for figure in made(read, trace):
            if figure.start in same and figure.target_id == target_id:
                return figure
        for seen in trace:
            if seen.start in same and seen.target_id == target_id and seen.why.startswith(_NOT_ITS):
                return False
    return None


def _same_amount(q: Quantity, head: Quantity) -> bool:
    return (
        q.value == head.value and q.kind == head.kind and normalise(q.unit) == normalise(head.unit)
    )
