"""The reading rules' table tests (tests/data/{reading_rules,binding,frames,scope}.yaml): each
table's targets, in the watchlist's own shape, and its cases, sentences the team wrote."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from monitor.models import Pledge, Target

DATA = Path(__file__).parent / "data"


def load(name: str) -> tuple[dict[str, Any], list[Target]]:
    """tests/data/`name`.yaml and the targets it declares."""
    table: dict[str, Any] = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    return table, [_target(t) for t in table["targets"]]


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
