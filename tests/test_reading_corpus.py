"""The team's reading corpus (tests/data/reading) is well formed: every line parses, every label
points where it says, targets validate as a watchlist, and nothing is copied from the E7 dev set.

The corpus is built from its sources by tests/data/reading/build.py; these tests also fail when
a generated file is out of date with them (run `python tests/data/reading/build.py`).
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import re
import sys
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from monitor.config.watchlist import loads

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "reading"
E7_DEV = ROOT.parent / "shared" / "evals" / "dev"

CLASSES = {
    "binding",
    "frame",
    "scope",
    "headline",
    "not_figure",
    "multi_measure",
    "region",
    "review_plan",
}
KINDS = {"pledge", "achieved"}
SCOPES = {"new", "cumulative", "rate", "share_of_pledge"}
QUALIFIERS = {"exact", "about", "at_least", "at_most", "nearly", "range"}
REASONS = {
    "other_noun",
    "subset",
    "date",
    "other_region",
    "superset",
    "other_measure",
    "other_period",
    "duration",
    "other_unit",
    "reference",
}
ITEM_KEYS = {
    "id",
    "class",
    "text_type",
    "text",
    "context_before",
    "context_after",
    "published",
    "target",
    "answer",
    "expected",
    "decoys",
}
FIGURE_KEYS = {"figure", "value", "unit", "kind", "scope", "period", "qualifier"}
OPTIONAL_FIGURE_KEYS = {"value_high", "direction", "measure", "as_of", "note"}
PERIOD = re.compile(r"\d{4}(-\d{2}|-\d{4})?|to \d{4}(-\d{2})?")
AS_OF = re.compile(r"\d{4}-\d{2}")
SHARED = 20  # a run of this many characters in common with an E7 dev text counts as copied


def _lines(name: str, folder: Path = DATA) -> list[dict[str, Any]]:
    if folder != DATA and name == "tables.jsonl" and not (folder / name).exists():
        return []  # a corpus of sentences only (session 12's corpora of one kind)
    rows = (folder / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(row) for row in rows if row.strip()]


ITEMS = _lines("followups.jsonl")
TABLES = _lines("tables.jsonl")
TARGETS: list[dict[str, Any]] = yaml.safe_load((DATA / "targets.yaml").read_text(encoding="utf-8"))[
    "targets"
]
TARGET_IDS = {t["id"] for t in TARGETS}


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reading_corpus_build", DATA / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def test_every_line_parses_and_the_corpus_is_big_enough() -> None:
    for name in ("followups.jsonl", "tables.jsonl"):
        for number, row in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
            assert row.strip(), f"{name}:{number} is empty"
            assert isinstance(json.loads(row), dict), f"{name}:{number} is not an object"
    assert len(ITEMS) >= 300
    assert len({t["file"] for t in TABLES}) >= 10


def test_targets_validate_as_a_watchlist() -> None:
    path = DATA / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    text += '\nsources:\n  - {id: placeholder, url: "http://127.0.0.1/"}\n'
    watchlist = loads(text, path)
    assert {t.id for t in watchlist.targets} == TARGET_IDS
    assert len(TARGET_IDS) == len(TARGETS)


def test_ids_are_unique_and_targets_exist() -> None:
    ids = Counter(item["id"] for item in ITEMS + TABLES)
    assert [i for i, n in ids.items() if n > 1] == []
    unknown = {row["target"] for row in ITEMS + TABLES} - TARGET_IDS
    assert unknown == set()


def _check_figure(where: str, fig: dict[str, Any]) -> None:
    missing = FIGURE_KEYS - fig.keys()
    assert not missing, f"{where}: {fig['figure']} lacks {missing}"
    assert isinstance(fig["value"], int | float) and not isinstance(fig["value"], bool), where
    assert fig["value"] >= 0, f"{where}: a fall keeps a positive value and direction: down"
    assert fig["kind"] in KINDS, where
    assert fig["scope"] in SCOPES, where
    assert fig["qualifier"] in QUALIFIERS, where
    assert PERIOD.fullmatch(fig["period"]), f"{where}: period {fig['period']!r}"
    assert ("value_high" in fig) == (fig["qualifier"] == "range"), where
    if fig["scope"] in ("rate", "share_of_pledge"):
        assert fig["unit"] in ("%", "个百分点", "百分点"), where
    if "as_of" in fig:
        assert AS_OF.fullmatch(fig["as_of"]), where
    if "direction" in fig:
        assert fig["direction"] == "down", where


def _check_decoy(where: str, decoy: dict[str, Any]) -> None:
    assert decoy["reason"].split(":")[0] in REASONS, f"{where}: reason {decoy['reason']!r}"


@pytest.mark.parametrize("item", ITEMS, ids=[i["id"] for i in ITEMS])
def test_item(item: dict[str, Any]) -> None:
    where = item["id"]
    assert item.keys() >= ITEM_KEYS, f"{where} lacks {ITEM_KEYS - item.keys()}"
    extra = item.keys() - ITEM_KEYS - {"nothing_reason"}
    assert not extra, f"{where} has unknown keys {extra}"
    assert re.fullmatch(r"t-\d{4}", item["id"])
    assert item["class"] in CLASSES
    assert item["text_type"] in ("sentence", "headline")
    date.fromisoformat(item["published"])
    text = item["text"]
    assert (
        text and isinstance(item["context_before"], str) and isinstance(item["context_after"], str)
    )
    assert item["answer"] == ("figures" if item["expected"] else "nothing")
    if item["answer"] == "nothing":
        assert item.get("nothing_reason") in REASONS, where
    else:
        assert "nothing_reason" not in item, where
    spans: list[tuple[int, int]] = []
    for fig in item["expected"]:
        assert text[fig["start"] : fig["end"]] == fig["figure"], f"{where}: {fig['figure']}"
        assert fig.keys() - FIGURE_KEYS - {"start", "end"} <= OPTIONAL_FIGURE_KEYS, where
        _check_figure(where, fig)
        spans.append((fig["start"], fig["end"]))
    for decoy in item["decoys"]:
        assert text[decoy["start"] : decoy["end"]] == decoy["figure"], f"{where}: {decoy}"
        _check_decoy(where, decoy)
        spans.append((decoy["start"], decoy["end"]))
    spans.sort()
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start, f"{where}: two labelled figures overlap"


def test_every_class_is_covered_and_about_a_fifth_is_nothing() -> None:
    classes = Counter(item["class"] for item in ITEMS)
    assert set(classes) == CLASSES
    assert min(classes.values()) >= 25, classes
    nothing = sum(item["answer"] == "nothing" for item in ITEMS) / len(ITEMS)
    assert 0.15 <= nothing <= 0.3, nothing
    assert sum(item["text_type"] == "headline" for item in ITEMS) >= 25


class _Cells(HTMLParser):
    """The text of every table cell of a page, by row, and the charset its <meta> declares."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _page(name: str, folder: Path = DATA) -> tuple[str, list[list[str]]]:
    raw = (folder / name).read_bytes()
    declared = re.search(rb"charset=\"?([\w-]+)", raw)
    assert declared, f"{name} declares no charset"
    charset = declared.group(1).decode("ascii").lower()
    parser = _Cells()
    parser.feed(raw.decode(charset))
    return charset, parser.rows


@pytest.mark.parametrize("table", TABLES, ids=[t["id"] for t in TABLES])
def test_table(table: dict[str, Any]) -> None:
    _check_table(table, DATA)


def _check_table(table: dict[str, Any], folder: Path) -> None:
    where = table["id"]
    assert re.fullmatch(r"tb-\d{4}", where)
    date.fromisoformat(table["published"])
    _, rows = _page(table["file"], folder)
    header, body = rows[0], rows[1:]

    def cell(row: str, column: str) -> str:
        assert column in header, f"{where}: no column {column!r}"
        found = [r for r in body if row in r]
        assert len(found) == 1, f"{where}: row {row!r} found {len(found)} times"
        return found[0][header.index(column)]

    assert table["expected"], where
    for fig in table["expected"]:
        assert cell(fig["row"], fig["column"]) == fig["figure"], f"{where}: {fig}"
        _check_figure(where, fig)
    for decoy in table["decoys"]:
        assert cell(decoy["row"], decoy["column"]) == decoy["figure"], f"{where}: {decoy}"
        _check_decoy(where, decoy)


def test_two_table_pages_are_gbk() -> None:
    charsets = Counter(_page(name)[0] for name in {t["file"] for t in TABLES})
    assert charsets["gbk"] >= 2, charsets


def test_generated_files_are_up_to_date_with_their_sources() -> None:
    built: dict[str, bytes] = _build_module().build()
    for name, data in built.items():
        assert (DATA / name).read_bytes() == data, f"{name} is stale: run build.py"
    pages = {f"tables/{p.name}" for p in (DATA / "tables").glob("*.html")}
    assert pages == {n for n in built if n.startswith("tables/")}, "a page has no source"


# --- the other authors' corpora (tests/data/reading_b, reading_c, ...): well formed and built from
# their sources, like this one ---
OTHERS = {
    folder.name: folder
    for folder in sorted((ROOT / "tests" / "data").glob("reading_*"))
    if (folder / "followups.src").is_file()
}
OTHER_ITEMS = [(n, i) for n, d in OTHERS.items() for i in _lines("followups.jsonl", d)]
OTHER_TABLES = [(n, t) for n, d in OTHERS.items() for t in _lines("tables.jsonl", d)]


@pytest.mark.parametrize(
    "item", [i for _, i in OTHER_ITEMS], ids=[f"{n}:{i['id']}" for n, i in OTHER_ITEMS]
)
def test_other_corpus_item(item: dict[str, Any]) -> None:
    test_item(item)


@pytest.mark.parametrize(
    ("name", "table"), OTHER_TABLES, ids=[f"{n}:{t['id']}" for n, t in OTHER_TABLES]
)
def test_other_corpus_table(name: str, table: dict[str, Any]) -> None:
    _check_table(table, OTHERS[name])


@pytest.mark.parametrize("name", OTHERS)
def test_other_corpus_targets_validate_and_every_item_names_one(name: str) -> None:
    folder = OTHERS[name]
    path = folder / "targets.yaml"
    text = path.read_text(encoding="utf-8") + '\nsources:\n  - {id: s, url: "http://127.0.0.1/"}\n'
    ids = {t.id for t in loads(text, path).targets}
    items = _lines("followups.jsonl", folder)
    rows = items + _lines("tables.jsonl", folder)
    assert {row["target"] for row in rows} <= ids
    assert Counter(i["id"] for i in rows).most_common(1)[0][1] == 1
    # every class, but in a corpus of one kind (session 12's: its README says so): that kind's
    assert {i["class"] for i in items} == CLASSES or (
        "of one kind" in (folder / "README.md").read_text(encoding="utf-8")
        and {i["class"] for i in items} <= CLASSES
    )


@pytest.mark.parametrize("name", OTHERS)
def test_other_corpus_is_up_to_date_with_its_sources(name: str) -> None:
    folder = OTHERS[name]
    built: dict[str, bytes] = _build_module().build(folder)
    for file, data in built.items():
        assert (folder / file).read_bytes() == data, f"{name}/{file} is stale: run build.py --dir"
    pages = {f"tables/{p.name}" for p in (folder / "tables").glob("*.html")}
    assert pages == {n for n in built if n.startswith("tables/")}, "a page has no source"


def _texts(row: dict[str, Any]) -> list[str]:
    return [row.get(k) or "" for k in ("text", "context_before", "context_after")]


# Another folder laid out like this one (a held-out set) is checked too when this names it:
# READING_CORPUS=DIR pytest tests/test_reading_corpus.py -k copied
OTHER = os.environ.get("READING_CORPUS")
CORPORA = [DATA, *OTHERS.values()] + ([Path(OTHER).resolve()] if OTHER else [])


@pytest.mark.skipif(not (E7_DEV / "e7_followups.jsonl").exists(), reason="no E7 dev set here")
@pytest.mark.parametrize("folder", CORPORA, ids=[str(f) for f in CORPORA])
def test_nothing_is_copied_from_the_e7_dev_set(folder: Path) -> None:
    dev = [json.loads(r) for r in (E7_DEV / "e7_followups.jsonl").read_text("utf-8").splitlines()]
    theirs = {t for row in dev for t in _texts(row) if t}
    runs = {t[i : i + SHARED] for t in theirs for i in range(len(t) - SHARED + 1)}
    rows = (folder / "followups.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(row) for row in rows if row.strip()]
    assert items, f"{folder}: no items"
    for item in items:
        for text in _texts(item):
            assert text not in theirs, f"{item['id']} equals an E7 dev text"
            shared = [text[i : i + SHARED] for i in range(len(text) - SHARED + 1)]
            copied = [run for run in shared if run in runs]
            assert not copied, f"{item['id']} shares {copied[0]!r} with an E7 dev text"


# --- the table corpora (tests/data/tables_c, tables_d, tables_e, tables_f): built from their
# sources, labels checked; each folder and its labels' id prefix
TABLE_CORPORA = {"tables_c": "tb", "tables_d": "td", "tables_e": "te", "tables_f": "tf"}
TABLES_TC = [
    (name, t)
    for name in TABLE_CORPORA
    for t in _lines("tables.jsonl", ROOT / "tests" / "data" / name)
]


@pytest.mark.parametrize(
    ("corpus", "table"), TABLES_TC, ids=[f"{n}:{t['id']}" for n, t in TABLES_TC]
)
def test_table_corpus_table(corpus: str, table: dict[str, Any]) -> None:
    """Its labels are checked against the sources by build.py (merged headers are named as monitor
    flattens them, which a plain parse of the page cannot check); here, each figure's fields. A
    page that must give nothing lists what it must not give."""
    where = table["id"]
    assert re.fullmatch(rf"{TABLE_CORPORA[corpus]}-\d{{4}}", where), where
    assert table["expected"] or table["decoys"], where
    date.fromisoformat(table["published"])
    for fig in table["expected"]:
        _check_figure(where, fig)
    for decoy in table["decoys"]:
        _check_decoy(where, decoy)


@pytest.mark.parametrize("corpus", TABLE_CORPORA)
def test_table_corpus_targets_validate_and_every_table_names_one(corpus: str) -> None:
    folder = ROOT / "tests" / "data" / corpus
    tables = [t for n, t in TABLES_TC if n == corpus]
    path = folder / "targets.yaml"
    text = path.read_text(encoding="utf-8") + '\nsources:\n  - {id: s, url: "http://127.0.0.1/"}\n'
    ids = {t.id for t in loads(text, path).targets}
    assert {row["target"] for row in tables} <= ids
    assert Counter(i["id"] for i in tables).most_common(1)[0][1] == 1
    assert sum(_page(t["file"], folder)[0] == "gbk" for t in tables) >= 1


@pytest.mark.parametrize("corpus", TABLE_CORPORA)
def test_table_corpus_is_up_to_date_with_its_sources(corpus: str) -> None:
    folder = ROOT / "tests" / "data" / corpus
    built: dict[str, bytes] = _build_module().build(folder)
    for name, data in built.items():
        assert (folder / name).read_bytes() == data, f"{corpus}/{name} is stale: build.py --dir"
    pages = {f"tables/{p.name}" for p in (folder / "tables").glob("*.html")}
    assert pages == {n for n in built if n.startswith("tables/")}, "a page has no source"
