"""A frame, scope or period cue said in another common wording reads the same: every case of the
reading tables, with each cue of a family (tests/data/cue_families.yaml: 已建成 / 已竣工, 计划 / 拟,
累计 / 共计, 1-9月 / 前三季度, 截至 / 截止到 ...) put in another member's wording, gives the same
figures (target, value, kind, scope, period), with spans that are the page's own text. Only the
cases a family's wording occurs in are run, one retyping per case and family, the members taken in
a rotation fixed by each case's id, so that each is used."""

from __future__ import annotations

import re
import zlib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from monitor.models import Target
from tests.reading_tables import RETYPED_TABLES, case_text, load, read_as_typed

_FAMILIES = Path(__file__).parent / "data" / "cue_families.yaml"
_MONTH = "(?P<n{i}>1[0-2]|[1-9])"
# Retyped cases still read otherwise, by family, with the cause (tests/data/cue_open.yaml): strict
# xfails, so that one read right fails the suite until its line goes
_OPEN: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "cue_open.yaml").read_text(encoding="utf-8")
)


class Family:
    """A family's members and the slot they stand in, as one pattern."""

    def __init__(self, spec: dict[str, Any], verbs: str, number: str) -> None:
        self.name: str = spec["name"]
        self.members: list[str] = list(spec["members"])
        pieces = []
        for i, m in sorted(enumerate(self.members), key=lambda x: -len(x[1])):
            body = _MONTH.format(i=i).join(re.escape(p) for p in m.split("{n}"))
            pieces.append(f"(?P<m{i}>{body})")
        head = ""
        if "not_after" in spec:
            head += f"(?<![{re.escape(spec['not_after'])}])"
        if "after" in spec:
            head += f"(?<=[{re.escape(spec['after'])}])"
        if "after_pair" in spec:
            head += f"(?<={spec['after_pair']})"
        tail = ""
        if "before" in spec:
            before = spec["before"].replace("{verb}", f"(?:{verbs})").replace("{num}", number)
            tail += f"(?={before})"
        if "not_before" in spec:
            tail += f"(?![{re.escape(spec['not_before'])}])"
        self.pattern = re.compile(f"{head}(?:{'|'.join(pieces)}){tail}")

    def retype(self, text: str, turn: int) -> str:
        """`text` with each member found put in another one, taken in rotation from `turn`."""
        out: list[str] = []
        last = 0
        for k, m in enumerate(self.pattern.finditer(text)):
            assert m.lastgroup is not None
            i = int(m.lastgroup[1:])
            month = m.groupdict().get(f"n{i}")
            j = (turn + k) % len(self.members)
            if j == i:
                j = (j + 1) % len(self.members)
            new = self.members[j]
            if month is not None:
                new = new.replace("{n}", month)
            out += [text[last : m.start()], new]
            last = m.end()
        return "".join(out) + text[last:]


def families() -> list[Family]:
    spec = yaml.safe_load(_FAMILIES.read_text(encoding="utf-8"))
    verbs = "|".join(sorted(spec["verbs"].split("|"), key=len, reverse=True))
    return [Family(f, verbs, spec["number"]) for f in spec["families"]]


@cache
def _retyped_cases() -> list[Any]:
    """Each case (but those read wrong yet) and family whose wording it has, retyped."""
    out: list[Any] = []
    fams = families()
    for name in RETYPED_TABLES:
        table, targets = load(name)
        for c in table["cases"]:
            if "open" in c:
                continue
            text = case_text(c)
            # the member put in is the case's own (a hash of its id), so that adding a case
            # to a table changes no other case's retyping
            turn = zlib.crc32(f"{name}:{c['id']}".encode())
            for fam in fams:
                retyped = fam.retype(text, turn)
                if retyped == text:
                    continue
                key = f"{name}:{c['id']}:{fam.name}"
                open_ = _OPEN.get(fam.name, {})
                marks = (
                    [pytest.mark.xfail(reason=open_["cause"], strict=True)]
                    if f"{name}:{c['id']}" in open_.get("cases", ())
                    else []
                )
                out.append(pytest.param(c, targets, retyped, id=key, marks=marks))
    return out


_AS_WRITTEN: dict[str, list[tuple[Any, ...]]] = {}


def _as_written(case: dict[str, Any], targets: list[Target], key: str) -> list[tuple[Any, ...]]:
    """The case as the team wrote it, read once for all the families retyped in it."""
    if key not in _AS_WRITTEN:
        _AS_WRITTEN[key] = read_as_typed(case, targets, case_text(case))
    return _AS_WRITTEN[key]


@pytest.mark.parametrize(("case", "targets", "retyped"), _retyped_cases())
def test_a_cue_in_another_wording_reads_the_same(
    request: pytest.FixtureRequest, case: dict[str, Any], targets: list[Target], retyped: str
) -> None:
    key = request.node.callspec.id.rsplit(":", 1)[0]
    assert read_as_typed(case, targets, retyped) == _as_written(case, targets, key), retyped


def test_every_member_of_a_family_is_used_somewhere() -> None:
    """Each member is put in somewhere, or is the wording a case has (the others put for it)."""
    used: dict[str, set[str]] = {}
    for p in _retyped_cases():
        fam = p.id.rsplit(":", 1)[1]
        used.setdefault(fam, set()).update((p.values[2], case_text(p.values[0])))
    for fam in families():
        texts = used.get(fam.name, set())
        for m in fam.members:
            probe = re.compile(re.escape(m).replace(re.escape("{n}"), "[0-9]{1,2}"))
            assert any(probe.search(t) for t in texts), (fam.name, m)


def test_a_family_finds_its_wording_only_in_its_slot() -> None:
    by = {f.name: f for f in families()}
    assert by["plan"].retype("今年计划新建口袋公园100个", 0) == "今年拟新建口袋公园100个"
    assert by["plan"].retype("按计划完成", 0) == "按计划完成"  # as planned: a result
    assert by["plan"].retype("完成年度计划的80%", 0) == "完成年度计划的80%"  # the plan, a noun
    assert by["summed"].retype("公共停车位共120个", 1) == "公共停车位共计120个"
    assert by["months_from_january"].retype("今年1-9月，", 4) == "今年前9个月，"
    assert by["first_quarter"].retype("第一季度", 0) == "一季度"
    assert by["month_end"].retype("截至9月底，线底", 1) == "截至9月末，线底"
    assert by["within_year"].retype("五年内", 0) == "五年内"
