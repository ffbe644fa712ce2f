"""Stages of work in a progress table (签约, 开工, 竣工, 交付; 筹集, 供应): which stage each column
or row label counts, and which of them a target's figure may come from.

A column of a stage is kept with that stage as its measure (the digest shows it beside the
target's level, never as it), except a stage the work reaches before the target's: homes signed
for or started are not yet the completions a 竣工 target counts. A later stage is kept: every
home handed over was finished, so its count is progress the target's stage has reached.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from monitor.figures.stages import stage_of
from monitor.models import Target

_BUILDING = ("开工", "建成")  # the stages of building (新开工, 竣工, 基本建成 as stage_of has them)

# Each chain is one kind of work's stages, earliest first; a stage's words, the first its name.
_CHAINS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (
        ("签约", "签字确认", "征收"),
        ("开工", "新开工", "开建", "动工"),
        ("竣工", "完工", "建成", "基本建成"),
        ("交付", "交付使用", "交房", "入住", "投用", "投入使用"),
    ),
    (("筹集",), ("供应", "配租", "分配")),
)
_WORDS = sorted({w for chain in _CHAINS for stage in chain for w in stage}, key=len, reverse=True)
_STAGE = re.compile("|".join(_WORDS))
# 建成率 / 开工率 name their stage; 签约率 too. A word inside 建成区 or 未开工 is no stage.
_NOT_STAGE = re.compile(r"建成区|未开工|未竣工|未完工|未建成|未签约|未交付")


def _place(word: str) -> list[tuple[int, int]]:
    """(chain, rank) of every chain the stage word sits in."""
    return [
        (c, r) for c, chain in enumerate(_CHAINS) for r, stage in enumerate(chain) if word in stage
    ]


def stage_in(text: str) -> str | None:
    """The stage of work `text` names (已竣工（套） → 竣工, 新开工 → 新开工), or None."""
    text = _NOT_STAGE.sub("", text)
    found = _STAGE.search(text)
    return _short(found.group()) if found else None


def _short(word: str) -> str:
    """交付使用 → 交付: the stage as a measure, the way the text's own figures name it."""
    return "交付" if word == "交付使用" else word


@lru_cache(maxsize=256)
def target_stages(title: str, keywords: tuple[str, ...]) -> tuple[str, ...]:
    """The stages a target counts, from its title and keywords (…完工3000台 → 完工); none when
    it counts the work at every stage."""
    text = _NOT_STAGE.sub("", title + "".join(keywords))
    return tuple(dict.fromkeys(_short(m.group()) for m in _STAGE.finditer(text)))


def stages_of(target: Target) -> tuple[str, ...]:
    return target_stages(target.title, target.keywords)


def earlier(stage: str, own: Sequence[str]) -> bool:
    """Whether `stage` comes before every stage the target counts in one chain of work
    (签约 or 开工 before 竣工): its things have not reached the target's stage."""
    for chain, rank in _place(stage):
        ranks = [r for word in own for c, r in _place(word) if c == chain]
        if ranks and rank < min(ranks):
            return True
    return False


def own_or_later(stage: str, own: Sequence[str]) -> int:
    """0 when `stage` is the target's own stage in a chain of work (新开工 for 开工), 1 when it
    comes after it (竣工 for 开工), -1 otherwise."""
    for _chain, rank in _place(stage):
        ranks = [r for word in own for c, r in _place(word) if c == _chain]
        if ranks and rank == min(ranks):
            return 0
        if ranks and rank > max(ranks):
            return 1
    return -1


def measure_of(
    column: str | None, label: str | None, role: str, own: Sequence[str], named: Sequence[str]
) -> str | None:
    """The stage a cell counts: its column's, else its row label's; a plan or share column of
    no stage counts the target's own stage when the table's other columns name it (年度目标任务 |
    新开工 | 开工率), the plan the watchlist's pledge is of."""
    if column or label:
        return column or label
    if role in ("pledge", "share") and len(own) == 1 and own[0] in named:
        return own[0]
    return None


def share_stage(
    share: Decimal, plan: Decimal | None, counts: Sequence[tuple[str, Decimal]]
) -> str | None:
    """The stage a share column of no stage is of, by the arithmetic (77.5% = 3100 / 4000): the
    one stage whose count over the plan gives the share, or None when none or several do."""
    if not plan:
        return None
    fits = {s for s, v in counts if abs(v * 100 / plan - share) <= Decimal("0.6")}
    return fits.pop() if len(fits) == 1 else None


def stages_down(labels: list[str]) -> bool:
    """Are a table's row labels stages of the caption's work (新开工 | 基本建成 | 分配入住):
    every label names one and nothing else of its own."""
    said = [label for label in labels if label]
    return len(said) >= 2 and all(
        (stage := stage_in(label)) and len(label) <= len(stage) + 2 for label in said
    )


def own_stage_rows(
    rows: list[tuple[str, ...]], names: list[str], target: Target
) -> list[tuple[str, ...]]:
    """The target's rows (named `names`), less those of a later stage of building where a row of
    its own stage is there too (保障性租赁住房 开工 | … 竣工 for a 开工 target): the later one
    counts another measure, as a later stage's column beside the target's own does (a stage of
    raising homes, 筹集 before 供应, keeps its later rows with their measure)."""
    own = stages_of(target)
    named = [stage_in(name) for name in names]
    if not own or stage_of(own[0]) not in _BUILDING:
        return rows
    if not any(s and own_or_later(s, own) == 0 for s in named):
        return rows
    return [row for row, s in zip(rows, named, strict=True) if not s or own_or_later(s, own) != 1]
