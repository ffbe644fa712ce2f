"""Time article extraction on one core: each stage of extract(), and the parsers it could use.

`python bench/bench_extract.py [EVALS_DIR]` prints ms per page and pages/s over the E2 pages;
the parser table is why the hot path is lexbor (selectolax), not lxml or BeautifulSoup.
`python bench/bench_extract.py --corpus /tmp/bench-corpus [--every 5] [--stages-only]` times
the stages on the benchmark corpus (every 5th article of its manifest), and extract() with the
sites' body selectors too. "parse" includes for_parser; head and walk run on freshly parsed
trees (lexbor sets up its CSS engine once per tree), and "walk + score" includes the walk.
"""

from __future__ import annotations

import argparse
import json
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
from monitor.errors import ExtractError  # noqa: E402
from monitor.pages import extract  # noqa: E402
from monitor.pages.blocks import Walk  # noqa: E402
from monitor.pages.charset import decode, for_parser  # noqa: E402
from monitor.pages.scoring import best_container  # noqa: E402

REPEAT = 5
T = TypeVar("T")


def per_page(items: list[T], work: Callable[[T], object]) -> float:
    """Best of REPEAT runs, CPU seconds per item."""
    return per_fresh_page(lambda: items, work)


def per_fresh_page(make: Callable[[], list[T]], work: Callable[[T], object]) -> float:
    """Best of REPEAT runs on items made anew for each (untimed), CPU seconds per item."""
    best = float("inf")
    for _ in range(REPEAT):
        items = make()
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


def _walk(tree: LexborHTMLParser) -> Walk | None:
    return Walk(tree.body) if tree.body is not None else None


def _scored(tree: LexborHTMLParser) -> object:
    walk = _walk(tree)
    return best_container(walk) if walk is not None else None


def _extract(content: bytes, body_selector: str | None = None) -> object:
    try:
        return extract.extract(content, url="", body_selector=body_selector)
    except ExtractError:
        return None


def stages(raw: list[bytes], selectors: list[str] | None = None) -> list[tuple[str, float]]:
    """Each stage on its own, except where a stage needs the one before."""

    def parsed() -> list[LexborHTMLParser]:
        return [LexborHTMLParser(for_parser(content)) for content in raw]

    rows = [
        ("decode (charset)", per_page(raw, decode)),
        ("for_parser", per_page(raw, for_parser)),
        ("parse (lexbor)", per_page(raw, lambda c: LexborHTMLParser(for_parser(c)))),
        ("head (title, meta)", per_fresh_page(parsed, extract._head)),
        ("walk", per_fresh_page(parsed, _walk)),
        ("walk + score", per_fresh_page(parsed, _scored)),
        ("extract() whole", per_page(raw, _extract)),
    ]
    if selectors:
        pairs = list(zip(raw, selectors, strict=True))
        rows.append(("extract(body_selector)", per_page(pairs, lambda pair: _extract(*pair))))
    return rows


def corpus_pages(corpus: Path, every: int) -> tuple[list[bytes], list[str]]:
    """Every n-th article of the corpus: its bytes, and the body selector of its site."""
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    docroot = corpus / manifest.get("docroot", "site")
    articles = manifest["articles"][::every]
    raw = [(docroot / article["path"].lstrip("/")).read_bytes() for article in articles]
    return raw, [article["body_selector"] for article in articles]


def report(raw: list[bytes], selectors: list[str] | None, *, with_parsers: bool) -> None:
    size = sum(map(len, raw)) / len(raw) / 1000
    print(f"{len(raw)} pages, {size:.0f} KB on average, CPU time of one core, best of {REPEAT}")
    if with_parsers:
        texts = [decode(content) for content in raw]
        print("\nparse only               ms/page   pages/s")
        for name, seconds in parsers(texts):
            print(f"  {name:<22} {seconds * 1000:7.3f}  {1 / seconds:8.0f}")
    print("\nextract() by stage       ms/page   pages/s")
    for name, seconds in stages(raw, selectors):
        print(f"  {name:<22} {seconds * 1000:7.3f}  {1 / seconds:8.0f}")


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="evals folder")
    args.add_argument("--corpus", type=Path, help="benchmark corpus folder (manifest.json)")
    args.add_argument("--every", type=int, default=5, help="every n-th corpus article")
    args.add_argument("--stages-only", action="store_true", help="skip the parser table")
    options = args.parse_args()
    selectors = None
    if options.corpus:
        raw, selectors = corpus_pages(options.corpus, options.every)
    else:
        raw = [content for _, content in load(options.data)]
    report(raw, selectors, with_parsers=not options.stages_only)


if __name__ == "__main__":
    main()
