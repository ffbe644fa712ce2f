"""What storing a first pass costs the pass's own process: the corpus's pages read once (their
rows cached), then written as a pass writes them (a unit per page: its article, validators and
health; a commit every --per-commit units), on a fresh state folder, in CPU and wall time, with
each commit timed, the close (SQLite's last checkpoint) apart.

    python bench/bench_store.py [--corpus /tmp/bench-corpus] [--per-commit 8] [--repeat 3]

The rows come from `read()` and `rows_of_reading` with run_monitor.sh's sixteen targets (cached
in --cache after the first run). Long commits are those SQLite's own checkpoint makes: each
stalls a pass's event loop, in which the reading workers' queues run dry.
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench_read import TARGETS, pages  # noqa: E402

from monitor.models import SHANGHAI, Page, Validators  # noqa: E402
from monitor.store.state import ArticleRows, Store, rows_of_reading  # noqa: E402

Rows = list[tuple[str, ArticleRows]]  # source id, rows


def corpus_rows(corpus: Path, cache: Path) -> Rows:
    key = f"{corpus.resolve()}:{(corpus / 'manifest.json').stat().st_mtime_ns}"
    if cache.exists():
        kept = pickle.loads(cache.read_bytes())
        if kept[0] == key:
            rows: Rows = kept[1]
            return rows
    from monitor.figures.reading import Reading, read

    out: Rows = []
    for n, (content, url, body) in enumerate(pages(corpus, css=True, every=1)):
        reading = read(
            content, url=url, content_type="text/html", body=body, tz=SHANGHAI, targets=TARGETS
        )
        assert isinstance(reading, Reading), url
        out.append((f"a{n}", rows_of_reading(reading, content)))
    cache.write_bytes(pickle.dumps((key, out)))
    return out


def written() -> int:
    """Bytes this process has written (write calls, to any file): the log SQLite appends to."""
    with open("/proc/self/io", encoding="ascii") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("wchar:"))


def one_pass(rows: Rows, per_commit: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="bench-store-"))
    try:
        now = datetime(2026, 12, 5, tzinfo=UTC)
        cpu0, wall0, wrote0 = time.process_time(), time.perf_counter(), written()
        store = Store.open(folder / "state")
        commits: list[float] = []
        with store.batch(units=per_commit, seconds=3600) as writes:
            for n, (source_id, r) in enumerate(rows, 1):
                page = Page(r.url, r.url, 200, b"", "text/html", Validators('"e"', None), now)
                before = time.perf_counter()
                with writes.unit():
                    store.save_rows(r, source_id=source_id, fetched_at=now)
                    store.save_validators(page, content_hash=r.content_hash)
                    store.record_success(source_id, r.url, at=now, status=200, links=None)
                if n % per_commit == 0:  # the unit committed its batch
                    commits.append(time.perf_counter() - before)
        cpu1, wall1, wrote1 = time.process_time(), time.perf_counter(), written()
        store.close()
        cpu2, wall2 = time.process_time(), time.perf_counter()
        return {
            "cpu": cpu1 - cpu0,
            "wall": wall1 - wall0,
            "written": (wrote1 - wrote0) / 1e6,
            "close_cpu": cpu2 - cpu1,
            "close_wall": wall2 - wall1,
            "commits": len(commits),
            "commit_wall": sum(commits),
            "long": sum(c > 0.02 for c in commits),
            "long_wall": sum(c for c in commits if c > 0.02),
            "longest": max(commits, default=0.0),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/bench-corpus"))
    kept = Path(tempfile.gettempdir(), "bench-store-rows.pkl")
    parser.add_argument("--cache", type=Path, default=kept, help="the rows, kept between runs")
    parser.add_argument("--per-commit", type=int, default=8, help="units a commit (a pass: ~8)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = corpus_rows(args.corpus, args.cache)
    print(f"{len(rows)} pages, a commit every {args.per_commit} units")
    for _ in range(args.repeat):
        r = one_pass(rows, args.per_commit)
        print(
            f"writes: CPU {r['cpu']:.3f} s, wall {r['wall']:.3f} s, {r['written']:.0f} MB;"
            f" {r['commits']:.0f} commits"
            f" {r['commit_wall']:.3f} s, {r['long']:.0f} over 20 ms ({r['long_wall']:.3f} s,"
            f" longest {r['longest'] * 1000:.0f} ms); close: CPU {r['close_cpu']:.3f} s,"
            f" wall {r['close_wall']:.3f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
