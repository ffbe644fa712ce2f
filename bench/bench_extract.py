"""Time article extraction on one core: each stage of extract(), and the parsers it could use.

`python bench/bench_extract.py [EVALS_DIR]` prints ms per page and pages/s over the E2 pages;
the parser table is why the hot path is lexbor (selectolax), not lxml or BeautifulSoup.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from bench.eval_e2 import DEFAULT_DATA, load  # noqa: E402
from monitor import extract  # noqa: E402
from monitor.blocks import Walk  # noqa: E402
from monitor.charset import decode, for_parser  # noqa: E402

REPEAT = 5
T = TypeVar("T")


def per_page(items: list[T], work: Callable[[T], object]) -> float:
    """Best of REPEAT runs, CPU seconds per item."""
    best = float("inf")
    for _ in range(REPEAT):
        started = time.process_time()
        for item in items:
            work(item)
        best = min(best, (time.process_time() - started) / len(items))
    return best


def parsers(texts: list[str]) -> list[tuple[str, float]]:
    rows = [("selectolax (lexbor)", per_page(texts, LexborHTMLParser))]
    try:
        import lxml.html  # type: ignore[import-untyped]

        rows.append(("lxml.html", per_page(texts, lxml.html.fromstring)))
    except ImportError:
        pass
    try:
        from bs4 import BeautifulSoup

        rows.append(("bs4 + lxml", per_page(texts[:10], lambda t: BeautifulSoup(t, "lxml"))))
    except ImportError:
        rows.append(("bs4 + lxml", float("nan")))
    return rows


def stages(raw: list[bytes]) -> list[tuple[str, float]]:
    parsed = [LexborHTMLParser(for_parser(content)) for content in raw]

    def walk(tree: LexborHTMLParser) -> object:
        return Walk(tree.body).best_container() if tree.body is not None else None

    return [
        ("decode (charset)", per_page(raw, decode)),
        ("parse (lexbor)", per_page(raw, lambda c: LexborHTMLParser(for_parser(c)))),
        ("walk + score", per_page(parsed, walk)),
        ("extract() whole", per_page(raw, lambda c: extract.extract(c, url=""))),
    ]


def main(data_dir: Path) -> None:
    records = load(data_dir)
    raw = [content for _, content in records]
    texts = [decode(content) for content in raw]
    size = sum(map(len, raw)) / len(raw) / 1000
    print(f"{len(raw)} pages, {size:.0f} KB on average, CPU time of one core, best of {REPEAT}")
    print("\nparse only               ms/page   pages/s")
    for name, seconds in parsers(texts):
        print(f"  {name:<22} {seconds * 1000:7.2f}  {1 / seconds:8.0f}")
    print("\nextract() by stage       ms/page   pages/s")
    for name, seconds in stages(raw):
        print(f"  {name:<22} {seconds * 1000:7.2f}  {1 / seconds:8.0f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA)
