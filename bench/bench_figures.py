"""Time find_figures on a 50 KB article for ten targets; prints the median and p95 CPU time in
ms (process time: other work on the machine does not count).

Articles are built from the team's own sentences, mixed with filler to 50 KB. "typical": a long
piece (the size of a city's work report) where target sentences come up 14 times, the case
the bar (median < 2 ms) is about; "dense": one sentence in eight names two or three targets,
a stress case, printed beside it. `python bench/bench_figures.py [RUNS]`.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from monitor.figures import find_figures  # noqa: E402 - needs the path set above
from monitor.models import Target  # noqa: E402

TARGETS = [
    Target(
        "circles",
        "便民生活圈",
        ("一刻钟便民生活圈", "便民生活圈"),
        region=("北京", "本市", "全市"),
        unit="个",
    ),
    Target("childcare", "普惠托位", ("普惠托位",), unit="个"),
    Target("rental", "保障性租赁住房", ("保障性租赁住房",), unit="万套"),
    Target("completed", "保障性住房", ("保障性住房",), unit="套"),
    Target("srdi", "专精特新", ("专精特新企业",), unit="家"),
    Target("green-power", "绿电", ("绿电占比",), unit="%"),
    Target("green-travel", "绿色出行", ("绿色出行比例",), unit="%"),
    Target("galleries", "城市画廊", ("城市画廊",), unit="条"),
    Target("parks", "无界公园", ("无界公园",), unit="个"),
    Target("rebuild", "灾后重建", ("灾后恢复重建项目",), unit="个"),
]
FIGURES = [
    "今年，本市将建设筹集保障性租赁住房7万套，竣工各类保障性住房8万套。",
    "截至目前，全市一刻钟便民生活圈已建设验收422个，完成全年任务的五成以上。",
    "全市专精特新企业超过1万家，比上年底增加2800余家。",
]
FILLER = [
    "市政府有关负责人在新闻发布会上介绍了今年以来全市经济社会发展情况，并回答了记者提问。",
    "下一步，各区各部门将继续加强统筹协调，压实工作责任，确保各项任务按期完成。",
    "据介绍，相关工作坚持问题导向，聚焦群众急难愁盼，推动政策措施落地见效。",
    "2024年1月22日，第十六届人民代表大会第二次会议在京开幕，会期5天。",
]


def article(size: int = 50_000, every: int = 8) -> str:
    parts: list[str] = []
    total = i = 0
    while total < size:
        part = FIGURES[i % len(FIGURES)] if i % every == 0 else FILLER[i % len(FILLER)]
        parts.append(part)
        total += len(part.encode("utf-8"))
        i += 1
    return "\n".join(parts)


def measure(name: str, text: str, runs: int) -> None:
    published = date(2024, 7, 1)
    found = find_figures(text, TARGETS, published=published)
    times: list[float] = []
    for _ in range(runs):
        started = time.process_time()
        find_figures(text, TARGETS, published=published)
        times.append((time.process_time() - started) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    size = len(text.encode("utf-8")) // 1000
    print(
        f"find_figures {name:<8} {size} KB, {len(TARGETS)} targets, {len(found):>3} figures, "
        f"{runs} runs: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms"
    )


def main(runs: int = 300) -> None:
    measure("typical", article(every=30), runs)
    measure("dense", article(every=8), runs)
    print("bar: typical median < 2 ms")
    print(f"reading: {_modules()}")


def _modules() -> str:
    import monitor.figures

    if monitor.figures.NATIVE:
        return "the modules compiled by scripts/native"
    return "the Python sources (scripts/native compiles them)"


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
