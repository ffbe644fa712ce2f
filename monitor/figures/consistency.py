"""The checks made on one sentence's figures together, after each was read on its own: a plan of
another size than the target's pledge is another plan (plan_sizes), two amounts done of one
figure count two things (one_value), and a kind of the things after their whole is a part
(kinds_after)."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.figures.kinds_after import kinds_after
from monitor.figures.one_value import Drop, one_value
from monitor.figures.plan_sizes import other_plans
from monitor.models import Figure, Target


def consistent(
    figures: list[Figure],
    targets: Sequence[Target],
    drop: Drop,
) -> list[Figure]:
    """One sentence's `figures` (in order) for `targets`, without those the checks leave out;
    each left out is told to `drop` with the reason."""
    if not figures:
        return figures
    by_id = {t.id: t for t in targets}
    return kinds_after(one_value(other_plans(figures, by_id, drop), by_id, drop), by_id, drop)
