"""Score the reading stages on an evals folder laid out like ../shared/evals/dev.

Prints a table per set, then as its last line one JSON object with the headline scores.
Usage: scripts/eval [--data DIR] [--only e1|e2|e3|e7|team|team_X|tables|tables_c|tables_d|tables_e
       |tables_f] [--no-peers] [--corpus DIR]
`--corpus DIR` scores another folder laid out like tests/data/reading (a held-out set) as the team
corpus (and its tables, if it has tables.jsonl); built first with its build.py --dir DIR.
`team_X` is another author's corpus in tests/data/reading_X (`team_b` by a second author,
`team_c` by a third), each always scored as its own set; their tables with
`--only tables --corpus DIR` (tests/test_reading_gate.py gates every corpus's tables).
`tables_c` is the table corpus tests/data/tables_c (session 6's layouts: merged headers, totals
above or below, units in titles, month rows, tables on their side), also scored as its own set,
and so is `tables_d`, tests/data/tables_d (session 7's: a 合计 column, 区 | 街道 labels, units in
cells, a pledge in the caption, two tables for two years, key-value bulletins, rankings…), and
so is `tables_e`, tests/data/tables_e (session 13's, written blind: two-level headers, periods
across, unit rows, rowspan categories, totals on top, th-less tables…), and so is `tables_f`,
tests/data/tables_f (session 14's, written blind: 民生实事 lists with the pledge and the result in
words inside the cells, statistics pages with 单位 columns, 其中 sub-rows and periods across).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "evals" / "dev"
TEAM = HERE.parent / "tests" / "data" / "reading"
# the other authors' corpora (tests/data/reading_X, set team_X): each scored as its own set
# whatever --corpus says; a new folder there with its sources is a new set (and needs its floor
# in bench/reading_floors.yaml, which tests/test_reading_gate.py checks)
OTHERS = {
    f"team_{folder.name.removeprefix('reading_')}": folder
    for folder in sorted((HERE.parent / "tests" / "data").glob("reading_*"))
    if (folder / "followups.src").is_file()
}
# the table corpora: each scored as its own set whatever --corpus says
TABLE_SETS = {
    "tables_c": HERE.parent / "tests" / "data" / "tables_c",
    "tables_d": HERE.parent / "tests" / "data" / "tables_d",
    "tables_e": HERE.parent / "tests" / "data" / "tables_e",
    "tables_f": HERE.parent / "tests" / "data" / "tables_f",
}
SETS = (
    "e1",
    "e2",
    "e3",
    "e7",
    "team",
    *OTHERS,
    "tables",
    "tables_c",
    "tables_d",
    "tables_e",
    "tables_f",
)
_NEED_DATA = ("e1", "e2", "e3", "e7")  # the sets read from --data; the others are in the repo
KEYS = (
    "e1_accuracy",
    "e2_body_f1",
    "e2_must_contain",
    "e2_must_not_contain",
    "e2_title",
    "e2_title_with_suffix",
    "e3_precision",
    "e3_recall",
    "e7_precision",
    "e7_recall",
    "e7_swaps",
    "team_precision",
    "team_recall",
    "team_swaps",
    *(f"{name}_{score}" for name in OTHERS for score in ("precision", "recall", "swaps")),
    "tables_precision",
    "tables_recall",
    "tables_swaps",
    "tables_c_precision",
    "tables_c_recall",
    "tables_c_swaps",
    "tables_d_precision",
    "tables_d_recall",
    "tables_d_swaps",
    "tables_e_precision",
    "tables_e_recall",
    "tables_e_swaps",
    "tables_f_precision",
    "tables_f_recall",
    "tables_f_swaps",
    "pages_per_s",
)


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses in the module look themselves up here
    spec.loader.exec_module(module)
    return module


def _stale(folder: Path) -> str | None:
    """The first generated file of a corpus folder that its build.py would write otherwise."""
    spec = importlib.util.spec_from_file_location("reading_corpus_build", TEAM / "build.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = build  # its dataclasses look their module up here
    spec.loader.exec_module(build)
    files: dict[str, bytes] = build.build(folder.resolve())
    for name, data in files.items():
        path = folder / name
        if not path.is_file() or path.read_bytes() != data:
            return str(name)
    return None


def _refused_stale(folder: Path) -> bool:
    """Whether `folder`'s generated files are older than its sources; says so on stderr."""
    stale = _stale(folder)
    if stale:
        print(
            f"scripts/eval: {folder}: {stale} is older than its sources "
            f"(run python tests/data/reading/build.py --dir {folder})",
            file=sys.stderr,
        )
    return stale is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/eval", description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="an evals folder")
    parser.add_argument("--only", choices=SETS, help="score one set")
    parser.add_argument("--no-peers", action="store_true", help="skip cn2an and trafilatura")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=TEAM,
        help="a folder laid out like tests/data/reading, scored as team (and tables)",
    )
    args = parser.parse_args(argv)
    have_data = args.data.is_dir()
    if not have_data and args.only in _NEED_DATA:
        print(f"scripts/eval: {args.data}: no such folder (pass --data DIR)", file=sys.stderr)
        return 2
    if not have_data and not args.only:  # the repository's own corpora are scored all the same
        print(
            f"scripts/eval: {args.data}: no such folder, so E1-E3 and E7 are not scored"
            " (pass --data DIR)",
            file=sys.stderr,
        )
    if not (args.corpus / "followups.jsonl").is_file():
        print(
            f"scripts/eval: {args.corpus}: no followups.jsonl there "
            f"(run python tests/data/reading/build.py --dir {args.corpus})",
            file=sys.stderr,
        )
        return 2
    if args.corpus.resolve() != TEAM.resolve() and _refused_stale(args.corpus):
        return 2
    scores: dict[str, float | None] = dict.fromkeys(KEYS)
    for name in SETS:
        if args.only and args.only != name:
            continue
        if name in OTHERS:  # another author's corpus: its own folder, whatever --corpus says
            folder = OTHERS[name]
            if _refused_stale(folder):
                return 2
            table, metrics = _load("eval_e7").run_team(folder, prefix=name)
            print(table)
            print()
            scores.update({k: v for k, v in metrics.items() if k in scores})
            continue
        if name in TABLE_SETS:  # a table corpus: its own folder, whatever --corpus says
            if _refused_stale(TABLE_SETS[name]):
                return 2
            table, metrics = _load("eval_tables").run(TABLE_SETS[name])
            print(table)
            print()
            scores.update({f"{name}_{k[len('tables_') :]}": v for k, v in metrics.items()})
            continue
        if name in ("team", "tables"):  # the team's own corpus (or --corpus): not --data
            if name == "tables" and not (args.corpus / "tables.jsonl").is_file():
                print(f"TABLES: {args.corpus} has no tables.jsonl, not scored\n")
                continue
            table, metrics = (
                _load("eval_e7").run_team(args.corpus)
                if name == "team"
                else _load("eval_tables").run(args.corpus)
            )
            print(table)
            print()
            scores.update({k: v for k, v in metrics.items() if k in scores})
            continue
        if not have_data:
            continue
        module = _load(f"eval_{name}")
        if name == "e2":
            table, metrics = module.run(args.data, peers=not args.no_peers)
        else:
            table, metrics = module.run(args.data)
        print(table)
        print()
        scores.update({k: v for k, v in metrics.items() if k in scores})
    print(json.dumps(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
