"""Table tests for the reading rules (tests/data/reading_rules.yaml): binding, frame, scope and
period, region, units and headlines, each from sentences the team wrote; and the explanation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_article_figures
from monitor.models import Target
from tests.reading_tables import load

TABLE, TARGETS = load("reading_rules")


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["id"] for c in TABLE["cases"]])
def test_reading_rule(case: dict[str, Any]) -> None:
    published = case.get("published", date(2024, 9, 20))
    region = tuple(case.get("region", ()))
    title = case.get("title", "")
    got = find_article_figures(title, case["text"], TARGETS, published=published, region=region)
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope) for f in got]
    assert len(got) == len(case["want"]), shown
    for fig, want in zip(got, case["want"], strict=True):
        assert fig.target_id == want["target"], shown
        assert fig.value == Decimal(want["value"]), shown
        assert fig.sentence[fig.start : fig.end] == fig.quantity.surface
        for name in ("unit", "kind", "scope", "qualifier", "period", "direction"):
            if name in want:
                assert getattr(fig, name) == want[name], (name, shown)
        assert fig.why.startswith("noun: ")


def test_explain_gives_each_number_its_fate() -> None:
    text = "截至8月底，全国58个试点城市共建成口袋公园2.1万个。在温州，已建成口袋公园900个。"
    seen = explain("", text, [t for t in TARGETS if t.id == "cn-parks"], published=date(2024, 9, 1))
    fates = {x.surface: (x.figure.kind if x.figure else x.why) for x in seen}
    assert fates["2.1万个"] == "achieved"
    assert "counts another noun" in str(fates["58个"])
    assert "another region" in str(fates["900个"])
    assert all(x.target_id == "cn-parks" for x in seen)


def test_exclude_words_rule_out_their_clause_only() -> None:
    target = Target(id="t", title="t", keywords=("托位",), exclude=("每千人口",), unit="个")
    text = "截至去年底，全国提供托位约360万个，每千人口托位数约2.6个。"
    seen = explain("", text, [target], published=date(2024, 9, 1))
    fates = {x.surface: (x.figure.value if x.figure else x.why) for x in seen}
    assert fates["约360万个"] == 3600000
    assert fates["约2.6个"] == "its clause holds the exclude word '每千人口'"


_TABLES = ("reading_rules", "binding", "measures", "regions", "frames", "scope_kinds")


def _every_case() -> list[Any]:
    out = []
    for name in _TABLES:
        table, targets = load(name)
        out.extend(pytest.param(c, targets, id=f"{name}:{c['id']}") for c in table["cases"])
    return out


@pytest.mark.parametrize(("case", "targets"), _every_case())
def test_explain_shows_every_figure_read(case: dict[str, Any], targets: list[Target]) -> None:
    """`monitor try --explain` shows each figure the reader gives, also those of a part after a
    semicolon going on with the subject and of a reporter's question's answer."""
    published = case.get("published", date(2024, 9, 20))
    title = case.get("title", "")
    text = "\n".join([*case.get("context", "").splitlines(), case["text"]]).strip()
    read = find_article_figures(title, text, targets, published=published)
    seen = explain(title, text, targets, published=published)
    shown = {(x.target_id, x.sentence[x.start : x.end]) for x in seen if x.figure is not None}
    assert {(f.target_id, f.quantity.surface) for f in read} <= shown
