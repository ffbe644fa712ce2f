"""The reading rules' table tests (tests/data/{reading_rules,binding,frames,scope,...}.yaml): each
table's targets, in the watchlist's own shape, and its cases, sentences the team wrote; and the
checks every table runs on a case's figures and on the numbers it says are dropped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from monitor.figures.reader import find_article_figures
from monitor.models import Figure, Pledge, Seen, Target

DATA = Path(__file__).parent / "data"
# The tables whose every case the consistency tests retype (spacing, Chinese numerals, cue
# wordings): the same sentence typed otherwise must read the same
RETYPED_TABLES = ("reading_rules", "binding", "frames", "scope_kinds", "regions", "measures")


def load(name: str) -> tuple[dict[str, Any], list[Target]]:
    """tests/data/`name`.yaml and the targets it declares."""
    table: dict[str, Any] = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    return table, [_target(t) for t in table["targets"]]


def cases(table: dict[str, Any]) -> list[Any]:
    """A table's cases as pytest params, by id; a case with `open:` (why it is not read right yet)
    is a strict xfail, so it fails the suite once it is read right and its note must go."""
    return [
        pytest.param(c, id=c["id"], marks=pytest.mark.xfail(reason=c["open"], strict=True))
        if "open" in c
        else pytest.param(c, id=c["id"])
        for c in table["cases"]
    ]


def _target(t: dict[str, Any]) -> Target:
    pledge = t.get("pledge")
    return Target(
        id=t["id"],
        title=t.get("title", t["id"]),
        keywords=tuple(t["keywords"]),
        region=tuple(t.get("region", [])),
        unit=t.get("unit"),
        pledge=Pledge(
            value=Decimal(str(pledge["value"])),
            scope=pledge.get("scope", "new"),
            by=pledge["by"],
            announced=pledge.get("announced"),
        )
        if pledge
        else None,
    )


def check_figures(
    got: Sequence[Figure], wants: list[dict[str, Any]], fields: tuple[str, ...], shown: object
) -> None:
    """The figures read are those a case wants, in order: target, value, and each of `fields`
    the case names (`shown` is what a failure prints)."""
    assert len(got) == len(wants), shown
    for fig, want in zip(got, wants, strict=True):
        assert (fig.target_id, fig.value) == (want["target"], Decimal(str(want["value"]))), shown
        for name in fields:
            if name in want:
                assert getattr(fig, name) == want[name], (name, shown)


def check_dropped(seen: Sequence[Seen], dropped: dict[Any, str]) -> None:
    """Each number a case lists as dropped was seen, gave no figure, and its reason (what
    `monitor try --explain` prints) holds the word the case gives."""
    for surface, because in dropped.items():
        whys = [s.why for s in seen if s.surface == str(surface) and s.figure is None]
        assert whys, f"{surface}: not seen, or read as a figure"
        assert any(because in why for why in whys), (surface, whys)


def case_text(case: dict[str, Any]) -> str:
    """A case's context lines and its text, as one page."""
    return "\n".join([*str(case.get("context", "")).splitlines(), case["text"]]).strip()


def read_as_typed(
    case: dict[str, Any], targets: list[Target], text: str, title: str | None = None
) -> list[tuple[Any, ...]]:
    """The figures a case's page reads, typed as `text` (and `title`, else the case's): target,
    value, kind, scope, period; each figure's span is its surface in its own sentence, as the
    page has it."""
    title = case.get("title", "") if title is None else title
    published = case.get("published", date(2024, 9, 20))
    only = [t for t in targets if t.id in case.get("only", [t.id])]
    found = find_article_figures(title, text, only, published=published)
    for f in found:
        assert f.sentence[f.start : f.end] == f.quantity.surface, f
        assert f.sentence in text or f.sentence == title.strip(), f
    return [(f.target_id, f.value, f.kind, f.scope, f.period) for f in found]
