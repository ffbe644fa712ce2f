"""Table kinds met on real pages, session 16 (every header, row, caption and page here is our
own wording): a plan-execution table whose cells write the change in words before the per cent
(增长6%左右 | 下降1.5%) is read for a growth target, a fall keeping its direction; …"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.figures.tables import article_figures
from monitor.models import Pledge, Target
from monitor.pages.extract import extract


def _page(title: str, lines: str, table: str) -> bytes:
    return (
        f"<html><head><meta charset=utf-8><title>{title}</title></head><body><div id=main>"
        f"<h1>{title}</h1>{lines}<table>{table}</table></div></body></html>"
    ).encode()


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _reads(page: bytes, target: Target, day: date) -> list[tuple[str, ...]]:
    article = extract(page, url="http://127.0.0.1/p.html")
    out = []
    for f in article_figures(article, (target,), published=day):
        if " | " not in f.sentence:
            continue
        begin = f.sentence.rfind(" | ", 0, f.start)
        head = f.sentence[begin + 3 : f.sentence.find(": ", begin + 3)]
        row = f.sentence.split(" | ", 1)[0]
        value = f"{f.value.normalize():f} {f.unit}"
        out.append((row, head, f.kind, f.scope, value, f.direction or ""))
    return sorted(out)


# --- a change said in words inside the cell (增长7%左右, 下降2.3%) under a plan and a result
# column, for a target counted in per cent: the rate, a fall kept as one ---

INDUSTRY = Target(
    "yx-industry", "云溪市2025年规模以上工业增加值增长7%左右", ("规模以上工业增加值",),
    ("云溪市", "云溪", "全市"), unit="%", pledge=Pledge(Decimal(7), scope="rate"),
)  # fmt: skip
RETAIL = Target(
    "lp-retail", "临平县2024年社会消费品零售总额增长6%", ("社会消费品零售总额",),
    ("临平县", "临平", "全县"), unit="%", pledge=Pledge(Decimal(6), scope="rate"),
)  # fmt: skip

_REVIEW = (
    _row("指标", "年度目标", "执行结果", "说明")
    + _row("一、经济运行", "", "", "")
    + _row("1.规模以上工业增加值", "增长7%左右", "增长5.9%", "812.4亿元")
    + _row("2.社会消费品零售总额", "增长6%", "下降2.3%", "301.6亿元")
    + _row("3.城镇居民人均可支配收入", "增长5.5%", "增长5.1%", "")
)
_HALF = (
    _row("主要指标", "全年计划", "1-6月完成", "备注")
    + _row("社会消费品零售总额", "增长6%", "增长4.2%", "")
    + _row("外贸进出口总额", "增长3%", "下降1.1%", "")
)


def test_a_change_in_words_under_the_plan_and_the_result_is_the_rate() -> None:
    page = _page(
        "关于云溪市2025年国民经济和社会发展计划执行情况的报告",
        "<p>全市主要指标完成情况见下表。</p>",
        _REVIEW,
    )
    assert _reads(page, INDUSTRY, date(2026, 2, 10)) == [
        ("1.规模以上工业增加值", "年度目标", "pledge", "rate", "7 %", ""),
        ("1.规模以上工业增加值", "执行结果", "achieved", "rate", "5.9 %", ""),
    ]


def test_a_fall_said_in_words_keeps_its_direction() -> None:
    page = _page(
        "关于云溪市2025年国民经济和社会发展计划执行情况的报告",
        "<p>全市主要指标完成情况见下表。</p>",
        _REVIEW.replace("云溪", "临平"),
    )
    target = Target(
        "yx-retail", "云溪市2025年社会消费品零售总额增长6%", ("社会消费品零售总额",),
        ("云溪市", "云溪", "全市"), unit="%", pledge=Pledge(Decimal(6), scope="rate"),
    )  # fmt: skip
    assert _reads(page, target, date(2026, 2, 10)) == [
        ("2.社会消费品零售总额", "年度目标", "pledge", "rate", "6 %", ""),
        ("2.社会消费品零售总额", "执行结果", "achieved", "rate", "2.3 %", "down"),
    ]


def test_a_half_year_report_in_another_genre() -> None:
    page = _page(
        "临平县上半年经济运行情况通报",
        "<p>上半年全县经济运行总体平稳，主要指标如下表。</p>",
        _HALF,
    )
    assert _reads(page, RETAIL, date(2024, 7, 20)) == [
        ("社会消费品零售总额", "1-6月完成", "achieved", "rate", "4.2 %", ""),
        ("社会消费品零售总额", "全年计划", "pledge", "rate", "6 %", ""),
    ]


def test_a_count_target_takes_no_change_in_words_as_its_amount() -> None:
    """Must not change: a target counted in 家 reads no 增长5% cell as 5 家."""
    firms = Target(
        "yx-firms", "云溪市2025年新增规模以上工业企业60家", ("规模以上工业企业",),
        ("云溪市", "云溪", "全市"), unit="家", pledge=Pledge(Decimal(60)),
    )  # fmt: skip
    table = _row("指标", "年度目标", "执行结果") + _row("规模以上工业企业", "增长5%", "增长3.8%")
    page = _page("关于云溪市2025年计划执行情况的报告", "<p>见下表。</p>", table)
    assert _reads(page, firms, date(2026, 2, 10)) == []

