"""What a reading worker spends on the benchmark corpus: `read()` (extract, figures, mentions)
and the answer's pickling, page by page from disk, with the watchlist's sixteen targets, on one
core and in CPU time (other work on the machine does not count).

    python bench/bench_read.py [--corpus /tmp/bench-corpus] [--css] [--every 1] [--repeat 3]
    python bench/bench_read.py --dump FILE      # every page's Reading, to compare before/after
    python bench/bench_read.py --profile 30     # cProfile of one round, the top 30 by own time
    python bench/bench_read.py --cold           # a new worker's first pages, compiles included

The corpus is the shared harness's (`../shared/bench/make_corpus.py generate`); the targets are
those `run_monitor.sh` writes into its watchlist. Prints ms a page per stage, best of --repeat.
"read() in all" reads the pages one by one; a worker reads them BATCH at a time (the articles
of those pages, then their figures: figures/workers.py), as the row after it does.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import monitor.figures as figures_package  # noqa: E402
from monitor.figures import tables  # noqa: E402
from monitor.figures.reading import (  # noqa: E402
    Reading,
    article_reading,
    mentioned,
    page_article,
    read,
)
from monitor.figures.workers import BATCH  # noqa: E402
from monitor.models import SHANGHAI, Article, Target  # noqa: E402
from monitor.pages import extract  # noqa: E402

# run_monitor.sh's targets (make_corpus.py FACTS): id, keyword, unit; a tuple, as a reading
# worker is given them (figure reading keeps what it works out from them once per tuple)
TARGETS = tuple([
    Target(ident, keyword, (keyword,), unit=unit)
    for ident, keyword, unit in [
        ("shenghuoquan", "一刻钟便民生活圈", "个"), ("tuowei", "普惠托位", "个"),
        ("baozufang", "保障性租赁住房", "套"), ("laojiu", "老旧小区综合整治", "个"),
        ("chongdian", "充电桩", "个"), ("koudai", "口袋公园", "处"),
        ("yanglao", "家庭照护床位", "张"), ("xuewei", "中小学学位", "个"),
        ("dianti", "加装电梯", "部"), ("xiaoxiang", "背街小巷", "条"),
        ("zhucan", "老年助餐点", "个"), ("jiuye", "城镇新增就业", "人"),
        ("guidao", "轨道交通运营里程", "公里"), ("jianshen", "全民健身场地设施", "处"),
        ("jiating", "家庭医生签约", "人"), ("gdp", "地区生产总值", "%"),
    ]
])  # fmt: skip

Page = tuple[bytes, str, str | None]  # content, url, body selector


def pages(corpus: Path, css: bool, every: int) -> list[Page]:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    site = corpus / "site" if (corpus / "site").is_dir() else corpus
    out = []
    for article in manifest["articles"][::every]:
        content = (site / article["path"].lstrip("/")).read_bytes()
        out.append((content, article["url"], article["body_selector"] if css else None))
    return out


def best(rounds: int, work: Callable[[], None]) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/bench-corpus"))
    parser.add_argument("--css", action="store_true", help="with the sites' body selectors")
    parser.add_argument("--every", type=int, default=1, help="every k-th article only")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dump", type=Path, help="write every page's Reading (pickled) here")
    parser.add_argument("--profile", type=int, metavar="TOP", help="cProfile one round")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="one round as a new reading worker reads it (after the zygote's warm-up)",
    )
    args = parser.parse_args()
    todo = pages(args.corpus, args.css, args.every)
    n = len(todo)

    def read_all() -> list[object]:
        return [
            read(c, url=u, content_type="text/html", body=b, tz=SHANGHAI, targets=TARGETS)
            for c, u, b in todo
        ]

    if args.cold:  # before anything here has read a page: what each worker compiles is counted
        from monitor.figures.zygote import _warm_up

        _warm_up()  # as the zygote does before it forks the workers
        start = time.process_time()
        for k, (c, u, b) in enumerate(todo, 1):
            read(c, url=u, content_type="text/html", body=b, tz=SHANGHAI, targets=TARGETS)
            if k == 50:
                print(f"first 50 pages: {(time.process_time() - start) * 1000:.0f} ms of CPU")
        print(f"all {n} pages, read once: {(time.process_time() - start) * 1000:.0f} ms of CPU")
        return 0
    if args.dump:
        args.dump.write_bytes(pickle.dumps(read_all(), protocol=pickle.HIGHEST_PROTOCOL))
        print(f"{n} readings written to {args.dump}")
        return 0
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(read_all)
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
        return 0

    articles: list[Article] = []

    def extract_all() -> None:
        articles.clear()
        for content, url, body in todo:
            articles.append(
                extract.extract(
                    content, url=url, content_type="text/html", body_selector=body, tz=SHANGHAI
                )
            )

    def figures_all() -> None:
        for a in articles:
            published = a.published.date() if a.published else None
            tables.article_figures(a, TARGETS, published=published)

    def mentions_all() -> None:
        for a in articles:
            text = "\n".join([a.text, *map(tables.table_text, a.tables)])
            mentioned(text, TARGETS)

    def whole() -> None:  # as a worker does: each answer dropped once made
        for c, u, b in todo:
            read(c, url=u, content_type="text/html", body=b, tz=SHANGHAI, targets=TARGETS)

    def batched() -> None:  # as a worker does: the articles of BATCH pages, then their figures
        for at in range(0, n, BATCH):
            articles = [
                page_article(c, url=u, content_type="text/html", body=b, tz=SHANGHAI)
                for c, u, b in todo[at : at + BATCH]
            ]
            for article in articles:
                if isinstance(article, Article):
                    article_reading(article, targets=TARGETS)

    readings = read_all()

    def pickled() -> None:
        for r in readings:
            pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)

    rows = [
        ("extract", best(args.repeat, extract_all)),
        ("figures (article_figures)", best(args.repeat, figures_all)),
        ("mentions", best(args.repeat, mentions_all)),
        ("read() in all", best(args.repeat, whole)),
        (f"the same, {BATCH} pages at a time (a worker)", best(args.repeat, batched)),
        ("pickle the answers", best(args.repeat, pickled)),
    ]
    found = sum(len(r.figures) for r in readings if isinstance(r, Reading))
    variant = "css" if args.css else "plain"
    native = "compiled by scripts/native" if figures_package.NATIVE else "Python sources"
    print(f"{n} pages ({variant}), {found} figures; CPU seconds, best of {args.repeat}")
    print(f"figure reading: {native}")
    print("| stage | s in all | ms a page |\n|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} | {seconds / n * 1000:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
