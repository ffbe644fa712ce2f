"""The board: one line per target, every digest — status (已完成 / 进度正常 / 落后 / 逾期 /
暂无新消息) with the date of the last figure, the latest confirmed level with its qualifier,
and a bar with a marker where steady progress would be by now; plus the short counts that
the subject's `{board}` and the body's opening line use."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from monitor.models import Target
from monitor.report.diff import TargetUpdate, latest_confirmed
from monitor.report.levels import Progress, day, expected_percent, level_of, progress_of
from monitor.report.numbers import number, qualified
from monitor.store.records import Observation

BEHIND_BY = Decimal(10)  # percentage points under the steady pace before a target is 落后
BAR_CELLS = 20  # the text part's bar: [#########|----------]


@dataclass(frozen=True)
class BoardLine:
    target: Target
    status: str  # 已完成 | 进度正常 | 落后 | 逾期 | 暂无新消息 | 有数据 (no pledge to measure)
    level: Decimal | None  # the latest confirmed level
    level_text: str  # 近3万名, 超6000个; 基数 360个 before any figure; — without either
    last_date: date | None  # when the latest confirmed figure was published
    progress: Progress | None
    moved: bool  # a new confirmed figure in this digest
    unconfirmed: int  # figures in this digest that wait as 待核实
    marker: Decimal | None = None  # where steady progress would be by now, 0–100

    @property
    def fill(self) -> Decimal:
        """The bar's filled share, 0–100."""
        if self.progress is None:
            return Decimal(0)
        return min(max(self.progress.percent, Decimal(0)), Decimal(100))

    @property
    def bar_cells(self) -> list[tuple[int, str]]:
        """The HTML bar as table cells of whole percentages, (width, "fill" | "empty" |
        "mark"), left to right: a one-percent dark cell marks steady progress by now. Table
        cells, not positioned boxes: Outlook desktop lays out tables and nothing else."""
        fill = int(self.fill)
        mark = None if self.marker is None else min(int(self.marker), 99)
        edges = sorted({0, fill, 100} | ({mark, mark + 1} if mark is not None else set()))
        cells: list[tuple[int, str]] = []
        for lo, hi in itertools.pairwise(edges):
            kind = "mark" if lo == mark else "fill" if lo < fill else "empty"
            cells.append((hi - lo, kind))
        return cells

    @property
    def text_bar(self) -> str:
        """[#########|----------]: the fill, with | where steady progress would be by now."""
        filled = int(self.fill * BAR_CELLS / 100)
        cells = ["#"] * filled + ["-"] * (BAR_CELLS - filled)
        if self.marker is not None:
            cells.insert(int(min(self.marker, Decimal(100)) * BAR_CELLS / 100), "|")
        return "[" + "".join(cells) + "]"

    @property
    def pledge_text(self) -> str:
        """目标新增80个，2024-12-31前 — the pledge in a few words."""
        pledge = self.target.pledge
        if pledge is None:
            return ""
        unit = self.target.unit
        what = {"new": "新增", "cumulative": "累计", "rate": ""}.get(str(pledge.scope), "")
        text = f"目标{what}{qualified(pledge.value, unit, pledge.qualifier)}"
        return text + (f"，{pledge.by:%Y-%m-%d}前" if pledge.by else "")


def line_for(
    target: Target,
    observations: Sequence[Observation],
    update: TargetUpdate | None,
    *,
    today: date,
) -> BoardLine:
    """The board line of one target from all its stored figures (rejected ones count for
    nothing) and this digest's update of it, if any."""
    last = latest_confirmed(target, observations)
    unit = target.unit
    progress: Progress | None = None
    level: Decimal | None = None
    if last is not None:
        level = level_of(last, target)
        progress = progress_of(level, target, today=today)
        level_text = qualified(level, unit or last.figure.unit, last.figure.qualifier)
    elif target.baseline is not None:
        progress = progress_of(_start(target), target, today=today)
        level_text = f"基数 {number(target.baseline.value, unit)}"
    else:
        level_text = "—"
    return BoardLine(
        target=target,
        status=_status(target, last, progress, today),
        level=level,
        level_text=level_text,
        last_date=day(last) if last else None,
        progress=progress,
        moved=update is not None and update.moved,
        unconfirmed=len(update.unconfirmed) if update else 0,
        marker=expected_percent(target, today=today),
    )


def _start(target: Target) -> Decimal:
    assert target.baseline is not None
    return target.baseline.value


def _status(
    target: Target, last: Observation | None, progress: Progress | None, today: date
) -> str:
    if last is None:
        return "暂无新消息"
    if progress is None:
        return "有数据"
    if progress.remaining is None:
        return "已完成"
    if progress.deadline is not None and today > progress.deadline:
        return "逾期"
    expected = progress.expected_percent
    if expected is not None and progress.percent < expected - BEHIND_BY:
        return "落后"
    return "进度正常"


def summary(board: Sequence[BoardLine], corrections: int, *, first: bool = False) -> str:
    """3 项有进展，1 项待核实，1 项落后 — for the subject's {board} and the inbox preview."""
    moved = sum(1 for b in board if b.moved)
    doubted = sum(1 for b in board if b.unconfirmed)
    behind = sum(1 for b in board if b.status in ("落后", "逾期"))
    parts = [f"{moved} 项有进展"] if moved else []
    if doubted:
        parts.append(f"{doubted} 项待核实")
    if corrections:
        parts.append(f"{corrections} 条更正")
    if behind:
        parts.append(f"{behind} 项落后或逾期")
    if first and not parts:
        return f"首份摘要：{len(board)} 项目标的基数与目标"
    return "，".join(parts) or "暂无新进展"
