"""Which of figure reading's patterns its searches spend most on, and which of them open with no
letter `re` can look for first: a search with such a pattern tries the whole pattern at every
place of the text (a group, a class, an optional word or a look-around first), one that opens
with a literal or with one of a set of letters jumps between the places it can start at.

    python bench/bench_patterns.py [--corpus /tmp/bench-corpus] [--every 10] [--top 30]
    python bench/bench_patterns.py --figures      # bench_figures.py's typical article, 50 runs

Every module-level pattern of monitor.figures is wrapped, so each call costs ~0.25 us more than
it does unwrapped: compare patterns with each other, not with other timings. `opens` is `lit` (a
literal prefix), `set` (a set of first letters) or `-` (neither); a `-` pattern whose searches
cost much is worth writing with a branch per first word (see cues._ACHIEVED).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from re import _compiler, _parser  # private, but the only way to ask what re looks for first
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import monitor.figures  # noqa: E402 - needs the path set above

_COST: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # calls, ns
_CALLS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


class _Timed:
    """A pattern that adds the time of each call to _COST (finditer's matches made at once)."""

    def __init__(self, pattern: re.Pattern[str], name: str) -> None:
        self.pattern, self.name = pattern, name
        for call in _CALLS:
            setattr(self, call, self._timed(call))

    def _timed(self, call: str) -> Any:
        method = getattr(self.pattern, call)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter_ns()
            result = method(*args, **kwargs)
            if call == "finditer":
                result = iter(list(result))
            cost = _COST[(self.name, call)]
            cost[0] += 1
            cost[1] += time.perf_counter_ns() - start
            return result

        return timed

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


def opens(pattern: re.Pattern[str]) -> str:
    """`lit`, `set` or `-`: what re can look for before trying the pattern at a place."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if _compiler._get_literal_prefix(parsed, pattern.flags)[0]:
        return "lit"
    return "set" if _compiler._get_charset_prefix(parsed, pattern.flags) else "-"


def wrap() -> dict[str, re.Pattern[str]]:
    """Every module-level pattern of monitor.figures wrapped, in each module that holds it."""
    modules = [
        importlib.import_module(f"monitor.figures.{m.name}")
        for m in pkgutil.iter_modules(monitor.figures.__path__)
    ]
    named: dict[int, tuple[str, re.Pattern[str]]] = {}
    for module in modules:
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern):
                short = module.__name__.rsplit(".", 1)[1]
                named.setdefault(id(value), (f"{short}.{attr}", value))
    timed = {key: _Timed(pattern, name) for key, (name, pattern) in named.items()}
    for module in modules:
        for attr, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                setattr(module, attr, timed[id(value)])
    return {name: pattern for name, pattern in named.values()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/bench-corpus"))
    parser.add_argument("--every", type=int, default=10, help="every k-th corpus page")
    parser.add_argument("--figures", action="store_true", help="bench_figures.py's article")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    patterns = wrap()
    if args.figures:
        import bench_figures

        text, units = bench_figures.article(every=30), 50
        from monitor.figures import find_figures

        def work() -> None:
            for _ in range(units):
                find_figures(text, bench_figures.TARGETS, published=date(2024, 7, 1))

        unit = "an article"
    else:
        import bench_read

        from monitor.figures.reading import read
        from monitor.models import SHANGHAI

        todo = bench_read.pages(args.corpus, True, args.every)
        units = len(todo)

        def work() -> None:
            for content, url, body in todo:
                read(content, url=url, content_type="text/html", body=body, tz=SHANGHAI,
                     targets=bench_read.TARGETS)  # fmt: skip

        unit = "a page"
    work()  # compiles and caches first
    _COST.clear()
    work()
    total = sum(ns for _, ns in _COST.values())
    print(f"patterns: {total / 1e3 / units:.1f} us {unit} in all (wrapped); the costliest:")
    print(f"| us {unit} | calls | ns a call | opens | pattern |\n|---|---|---|---|---|")
    rows = sorted(_COST.items(), key=lambda item: -item[1][1])[: args.top]
    for (name, call), (calls, ns) in rows:
        print(
            f"| {ns / 1e3 / units:.2f} | {calls / units:.1f} | {ns // calls} "
            f"| {opens(patterns[name])} | {name}.{call} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
