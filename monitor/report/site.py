"""`monitor report`: the board, a page per target (chart, evidence) and source health, as a
static site that works from file:// and any web server, with nothing fetched at view time.

`write(watchlist, store, out=DIR, now=...)` renders the user-editable templates
report_index.html.j2 and report_target.html.j2 and returns what it wrote.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from monitor.errors import MonitorError
from monitor.models import Source, Target, Watchlist
from monitor.report import board, chart, export
from monitor.report.digest import environment
from monitor.store.records import Observation, SourceHealth
from monitor.store.state import Store

KIND_NAMES = {"achieved": "已实现", "pledge": "目标", "mention": "提及"}
# A target page lists the newest stories this many; the rest are in `monitor export` (a page of
# 1,000 rows is 350 KB to scroll, and its rendering was a third of the report's time).
EVIDENCE_ROWS = 200


@dataclass(frozen=True)
class EvidenceRow:
    """One story's figure (syndicated copies folded in), for the evidence table."""

    observation: Observation
    status: str  # reported | 待核实 | rejected
    links: tuple[tuple[str, str], ...]  # (outlet name, url) for each outlet that ran it

    @property
    def kind(self) -> str:
        return KIND_NAMES[self.observation.figure.kind]


@dataclass(frozen=True)
class HealthRow:
    source: Source
    state: str  # 正常 | 暂时失败 | 失效 | 列表页无链接 | 尚未抓取
    health: SourceHealth | None


@dataclass(frozen=True)
class TargetPage:
    line: board.BoardLine
    chart_svg: str
    chart: chart.ChartData
    evidence: tuple[EvidenceRow, ...]  # the newest EVIDENCE_ROWS stories
    more_evidence: int  # stories beyond those

    @property
    def target(self) -> Target:
        return self.line.target

    @property
    def href(self) -> str:
        return page_name(self.target)


@dataclass(frozen=True)
class Written:
    index: Path
    pages: tuple[Path, ...]


def page_name(target: Target) -> str:
    return f"targets/{target.id}.html"  # ids are [a-z0-9._-]: safe as file names


def write(watchlist: Watchlist, store: Store, *, out: Path, now: datetime) -> Written:
    """Write index.html and targets/ID.html under `out` (made if missing)."""
    env = environment(watchlist.path.parent)
    names = {s.id: s.label for s in watchlist.sources}
    today = now.date()
    try:
        (out / "targets").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(out, exc) from exc
    lines: list[board.BoardLine] = []
    written: list[Path] = []
    for target in watchlist.targets:
        observations = store.observations(target_id=target.id)  # by its index, not a scan
        line = board.line_for(target, observations, None, today=today)
        lines.append(line)
        doubted = export.unconfirmed(target, observations)
        rows = [(o, export.status_of(o, doubted)) for o in observations]
        page = _target_page(line, rows, names)
        html = env.get_template("report_target.html.j2").render(
            p=page, generated_at=now, title=watchlist.digest.subject.split("{")[0].strip()
        )
        written.append(_save(out / page.href, html))
    _remove_stale(out / "targets", {out / page_name(t) for t in watchlist.targets})
    index = env.get_template("report_index.html.j2").render(
        board=lines,
        health=_health(watchlist, store),
        generated_at=now,
        page_name=page_name,
        goal=chart.goal_level,
        title=watchlist.digest.subject.split("{")[0].strip(),
    )
    return Written(index=_save(out / "index.html", index), pages=tuple(written))


def _target_page(
    line: board.BoardLine, rows: list[tuple[Observation, str]], names: dict[str, str]
) -> TargetPage:
    data = chart.data(line.target, rows, names)
    svg = chart.svg(data, title=line.target.title, unit=line.target.unit, chart_id=line.target.id)
    evidence = _evidence(rows, names)
    return TargetPage(
        line=line,
        chart_svg=svg,
        chart=data,
        evidence=evidence[:EVIDENCE_ROWS],
        more_evidence=max(len(evidence) - EVIDENCE_ROWS, 0),
    )


def _evidence(
    rows: list[tuple[Observation, str]], names: dict[str, str]
) -> tuple[EvidenceRow, ...]:
    """Newest first; a story syndicated by several outlets is one row with several links."""
    groups: dict[tuple[str, str, str], list[tuple[Observation, str]]] = {}
    for obs, status in rows:
        groups.setdefault((obs.story, str(obs.figure.value), obs.figure.kind), []).append(
            (obs, status)
        )
    items = []
    for members in groups.values():
        obs, status = members[0]
        links = tuple(
            dict.fromkeys((names.get(o.source_id, o.source_id), o.article_url) for o, _ in members)
        )
        items.append(EvidenceRow(observation=obs, status=status, links=links))
    items.sort(key=lambda e: e.observation.published or e.observation.observed_at, reverse=True)
    return tuple(items)


def _health(watchlist: Watchlist, store: Store) -> list[HealthRow]:
    rows = []
    for source in watchlist.sources:
        h = store.health(source.id)
        if h is None:
            state = "尚未抓取"
        elif h.consecutive_failures >= watchlist.broken_after:
            state = "失效"
        elif h.consecutive_failures > 0:
            state = "暂时失败"
        elif source.type == "list" and h.last_links == 0:
            state = "列表页无链接"
        else:
            state = "正常"
        rows.append(HealthRow(source=source, state=state, health=h))
    return rows


def _save(path: Path, text: str) -> Path:
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)  # a reader never sees half a page
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    return path


def _remove_stale(folder: Path, keep: set[Path]) -> None:
    """Pages of targets no longer in the watchlist: a report shows the watchlist as it is."""
    for path in folder.glob("*.html"):
        if path not in keep:
            path.unlink(missing_ok=True)


def _unwritable(path: Path, exc: OSError) -> MonitorError:
    return MonitorError(
        f"cannot write the report: {exc.strerror}",
        where=str(path),
        hint="pass --out DIR with a folder you can write to",
    )
