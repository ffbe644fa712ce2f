"""A target's chart: its figures over time against the pledge line and the steady-pace line,
as an SVG drawn by pygal on the server (no script, no network when viewed)."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from monitor.figures.units import normalise
from monitor.models import Target
from monitor.report.levels import is_progress, level_of, when
from monitor.store.records import Observation

# Past this many points a series is drawn as a line alone: at 800 px dots would merge, and a
# dot with its tooltip is most of pygal's time and of the page's weight (bench/bench_report.py).
MAX_DOTS = 300
# Such a line goes through at most this many of its points (the last of each equal share, and
# always the newest): a plot 700 px wide shows little more, and pygal spends ~60 µs a point.
LINE_POINTS = 120
FONTS = (
    '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", '
    '"Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif'
)
# Series, in drawing order, with their colours: achieved and pledge figures told apart,
# 待核实 and rejected figures marked.
SERIES = (
    ("已实现", "#1f7a4d"),
    ("目标表述", "#1a5dab"),
    ("待核实", "#e08a00"),
    ("已剔除", "#999999"),
    ("目标线", "#c00000"),
    ("时间进度线", "#888888"),
)


@dataclass(frozen=True)
class Point:
    at: datetime
    level: Decimal
    label: str  # the tooltip: date, figure as written, outlet


@dataclass(frozen=True)
class ChartData:
    points: dict[str, list[Point]]  # series name → points, oldest first
    pledge: list[tuple[datetime, Decimal]]  # the pledge line (two ends), or empty
    pace: list[tuple[datetime, Decimal]]  # the steady-pace line (two ends), or empty

    @property
    def dots(self) -> int:
        """The dots drawn: one per figure in a series short enough to show them."""
        return sum(len(p) for p in self.points.values() if len(p) <= MAX_DOTS)

    @property
    def figures(self) -> int:
        return sum(len(p) for p in self.points.values())


def goal_level(target: Target) -> Decimal | None:
    """The level that meets the pledge: baseline plus a pledge of new ones, or the pledge."""
    pledge = target.pledge
    if pledge is None:
        return None
    if pledge.scope == "new" and target.baseline is not None:
        return target.baseline.value + pledge.value
    return pledge.value


def data(
    target: Target, observations: Sequence[tuple[Observation, str]], names: dict[str, str]
) -> ChartData:
    """Each figure in the target's unit as a point; syndicated copies of a story are one."""
    points: dict[str, list[Point]] = {name: [] for name, _ in SERIES[:4]}
    seen: set[tuple[str, str, str]] = set()
    for obs, status in observations:
        fig = obs.figure
        key = (obs.story, str(fig.value), fig.kind)
        if key in seen or fig.kind == "mention" or fig.scope == "share_of_pledge":
            continue
        if target.unit and fig.unit and normalise(fig.unit) != normalise(target.unit):
            continue
        if fig.kind == "achieved" and not is_progress(obs, target):
            continue
        seen.add(key)
        series = (
            "已剔除"
            if status == "rejected"
            else "待核实"
            if status == "待核实"
            else "已实现"
            if fig.kind == "achieved"
            else "目标表述"
        )
        at = when(obs)
        label = f"{at:%Y-%m-%d} {fig.quantity.surface} · {names.get(obs.source_id, obs.source_id)}"
        level = _pledge_level(obs, target) if fig.kind == "pledge" else level_of(obs, target)
        points[series].append(Point(at=at, level=level, label=label))
    for members in points.values():
        members.sort(key=lambda p: p.at)
    pledge_line: list[tuple[datetime, Decimal]] = []
    pace_line: list[tuple[datetime, Decimal]] = []
    goal = goal_level(target)
    pledge = target.pledge
    if goal is not None and pledge is not None and pledge.by is not None:
        zone = next((p.at.tzinfo for s in points.values() for p in s), None)
        start_day = pledge.announced or _first_day(points) or pledge.by
        start, end = _moment(start_day, zone), _moment(pledge.by, zone)
        pledge_line = [(start, goal), (end, goal)]
        if pledge.announced is not None and pledge.scope != "rate":
            base = target.baseline.value if target.baseline else Decimal(0)
            pace_line = [(start, base), (end, goal)]
    return ChartData(points=points, pledge=pledge_line, pace=pace_line)


def _pledge_level(obs: Observation, target: Target) -> Decimal:
    """A restated pledge as the level it aims at, read in the target's own pledge (总数超过1万家
    is a total, whatever scope its sentence suggests; 新建80个 adds to the baseline)."""
    value = obs.figure.value
    pledge, baseline = target.pledge, target.baseline
    if pledge is not None and pledge.scope == "new" and baseline is not None:
        return baseline.value + value if value < baseline.value else value
    return value


def _first_day(points: dict[str, list[Point]]) -> date | None:
    days = [s[0].at.date() for s in points.values() if s]
    return min(days) if days else None


def _moment(day: date, zone: Any) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


def _thinned(points: list[Point], most: int) -> list[Point]:
    """At most `most` of `points` in order: the last of each of `most` equal runs."""
    size = len(points)
    return [points[min(size - 1, (k + 1) * size // most - 1)] for k in range(most)]


def svg(chart: ChartData, *, title: str, unit: str | None, chart_id: str = "chart") -> str:
    """The chart as an SVG element to inline in a page (or save as a file for mail)."""
    plot = _plot(title, unit)
    _add_series(plot, chart)
    plot.uuid = chart_id  # pygal's random one would change every page on every run
    return _rendered(plot)


def _plot(title: str, unit: str | None) -> Any:
    """An empty pygal date-line chart in the report's style, with nothing that needs a script."""
    import pygal  # here, not at the top: only the report draws charts (~40 ms to import)

    # pygal puts a finder for its map plugins (pygal.maps.*, unused here) on sys.meta_path; it
    # has no find_spec, so every later import that misses warns (ImportWarning): take it off.
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]
    from pygal.style import Style

    style = Style(
        font_family=FONTS,
        colors=tuple(colour for _, colour in SERIES),
        background="white",
        plot_background="white",
        title_font_size=14,
        legend_font_size=12,
        label_font_size=11,
        tooltip_font_size=12,
    )
    return pygal.DateTimeLine(
        style=style,
        width=800,
        height=380,
        js=[],  # pygal's tooltips script comes from the network: none, the page works offline
        disable_xml_declaration=True,
        title=title,
        legend_at_bottom=True,
        legend_at_bottom_columns=3,
        x_value_formatter=lambda d: d.strftime("%Y-%m-%d"),
        value_formatter=lambda v: f"{Decimal(str(v)).normalize():f}{unit or ''}",
        x_label_rotation=20,
        print_values=False,
        dots_size=4,
        no_data_text="暂无数字",
    )


def _add_series(plot: Any, chart: ChartData) -> None:
    """The figures' four series (dots, or a thinned line past MAX_DOTS), then the pledge line
    and the steady-pace line."""
    for name, _ in SERIES[:4]:
        series = chart.points[name]
        shown = series if len(series) <= MAX_DOTS else _thinned(series, LINE_POINTS)
        values = [{"value": (p.at, float(p.level)), "label": p.label} for p in shown]
        plot.add(
            name,
            values,
            show_dots=len(series) <= MAX_DOTS,
            stroke=name == "已实现" or len(series) > MAX_DOTS,
        )
    plot.add(
        "目标线",
        [(at, float(v)) for at, v in chart.pledge],
        show_dots=False,
        stroke_style={"width": 2, "dasharray": "6,4"},
    )
    plot.add(
        "时间进度线",
        [(at, float(v)) for at, v in chart.pace],
        show_dots=False,
        stroke_style={"width": 1.5, "dasharray": "2,4"},
    )


def _rendered(plot: Any) -> str:
    from pygal import etree as pygal_etree

    with warnings.catch_warnings():
        # pygal's date axis calls datetime.utcfromtimestamp, deprecated since Python 3.12; our
        # own x_value_formatter prints the dates, so the call's result is not what shows
        warnings.filterwarnings("ignore", r".*utcfromtimestamp", DeprecationWarning)
        tree = plot.render_tree()
    # pygal's config for its tooltips script: unused here. pygal builds the tree with lxml when
    # it is installed and with the standard library's ElementTree when not: only `iter` and
    # `remove`, which both have (lxml alone has getparent).
    parents = {child: parent for parent in tree.iter() for child in parent}
    for script in [e for e in tree.iter() if str(e.tag).endswith("script")]:
        parents[script].remove(script)
    return str(pygal_etree.etree.tostring(tree, encoding="unicode"))
