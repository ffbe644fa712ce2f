"""A person's way in: `monitor init`, `docs`, `schema`; and what they see of a long pass at a
terminal: a progress bar on stderr (tqdm), never under -q or without a terminal (cron, pipes)."""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monitor.errors import UsageError

if TYPE_CHECKING:
    from monitor.worker import SourceResult


class SourceBar:
    """A pipeline.Progress that draws `12/40 sources [00:03<00:07, 2 failed]`."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._failed = 0

    def start(self, total: int) -> None:
        from tqdm import tqdm  # only at a terminal: cron runs never import it

        # A terminal that reports no size (some ptys) would get no bar at all: assume 80×24.
        size = shutil.get_terminal_size((80, 24))
        self._bar = tqdm(
            total=total,
            unit="source",
            file=sys.stderr,
            leave=False,
            ncols=size.columns,
            nrows=size.lines,
        )

    def advance(self, result: SourceResult) -> None:
        if self._bar is None:
            return
        if not result.ok:
            self._failed += 1
            self._bar.set_postfix_str(f"{self._failed} failed", refresh=False)
        self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


@contextmanager
def source_bar(quiet: bool) -> Iterator[SourceBar | None]:
    """A SourceBar while the block runs, if stderr is a terminal and not -q; else None. Log
    lines go above the bar instead of through it."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from tqdm.contrib.logging import logging_redirect_tqdm

    bar = SourceBar()
    redirect: Any = (
        logging_redirect_tqdm(loggers=[logging.getLogger("monitor")])
        if logging.getLogger("monitor").handlers
        else nullcontext()
    )
    try:
        with redirect:
            yield bar
    finally:
        bar.close()


# --- a way in: init, docs, schema ---------------------------------------------------------------

PACKAGE = Path(__file__).resolve().parent
DOCS = PACKAGE / "docs"  # the repository's docs/, shipped in the package
STARTER = PACKAGE / "starter" / "watchlist.yaml"
GITIGNORE = "# monitor's state: the database, the outbox, the lock\nstate/\n"


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = sub.add_parser(
        "init", help="start a watchlist: a commented starter file, its schema, the templates"
    )
    init.add_argument("dir", nargs="?", type=Path, default=Path("."), help="(default: here)")
    docs = sub.add_parser("docs", help="read the documentation shipped with monitor")
    docs.add_argument("name", nargs="?", help="watchlist, running, templates… (default: a list)")
    sub.add_parser("schema", help="the watchlist's JSON Schema, for editors")


def init(folder: Path) -> list[str]:
    """Write the starter watchlist, its schema, the digest templates and a .gitignore into
    `folder`; refuse (UsageError) when any of them is there already: nothing is replaced."""
    files = {
        folder / "watchlist.yaml": STARTER.read_text(encoding="utf-8"),
        folder / "watchlist.schema.json": schema_text(),
        folder / ".gitignore": GITIGNORE,
    }
    for template in sorted((PACKAGE / "templates").glob("digest.*.j2")):
        files[folder / "templates" / template.name] = template.read_text(encoding="utf-8")
    there = [str(path) for path in files if path.exists()]
    if there:
        raise UsageError(
            f"{', '.join(there)} already there: nothing was written",
            hint="run monitor init in an empty folder, or pass one: monitor init DIR",
        )
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {exc.filename}: {exc.strerror}") from exc
    wl = folder / "watchlist.yaml"
    return [
        *(f"wrote {path}" for path in files),
        f"next: edit {wl}, then `monitor --watchlist {wl} check` and `monitor ... run`;"
        " every key: `monitor docs watchlist`",
    ]


def docs(name: str | None) -> str:
    """A document's text, or the list of them."""
    found = sorted(DOCS.glob("*.md"))
    if name is None:
        return "\n".join(
            ["documents (monitor docs NAME):", *(f"  {p.stem}" for p in found), f"in {DOCS}"]
        )
    for path in found:
        if path.stem == name.removesuffix(".md"):
            return path.read_text(encoding="utf-8")
    raise UsageError(f"no document '{name}'", hint="known: " + ", ".join(p.stem for p in found))


def schema_text() -> str:
    from monitor.config.schema import json_schema

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
