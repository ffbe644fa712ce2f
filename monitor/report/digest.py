"""The digest: a model built from state, rendered by user-editable Jinja2 templates into one
`multipart/alternative` email (plain text + HTML with inlined CSS).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.models import Watchlist
from monitor.report import board, diff
from monitor.report.numbers import approx, number, qualified, signed

__all__ = ["DigestModel", "build", "compose", "environment", "number", "render", "signed"]
from monitor.store import verdicts
from monitor.store.records import Mention, Observation
from monitor.store.state import Store

if TYPE_CHECKING:
    import jinja2

_FIGURE_ID = re.compile(r"#\d+")
PACKAGED_TEMPLATES = Path(__file__).parent.parent / "templates"


@dataclass(frozen=True)
class Coverage:
    """An article that names a target without a new achieved figure."""

    target_title: str
    title: str
    links: tuple[tuple[str, str], ...]
    published: datetime | None


@dataclass(frozen=True)
class HealthLine:
    source: str
    url: str
    state: str  # broken | failing | empty
    failures: int
    error: str | None
    last_success_at: str | None


@dataclass(frozen=True)
class Correction:
    """A figure an earlier digest reported and an analyst has since rejected (更正)."""

    target_title: str
    observation: Observation
    reported_on: datetime | None  # when the digest that reported it was built


@dataclass(frozen=True)
class DigestModel:
    title: str
    generated_at: datetime
    period_start: datetime | None
    period_end: datetime
    updates: tuple[diff.TargetUpdate, ...]  # targets with new achieved figures
    others: tuple[diff.TargetUpdate, ...]  # targets with only pledges or mentions restated
    coverage: tuple[Coverage, ...]
    health: tuple[HealthLine, ...]
    source_names: dict[str, str]
    observation_ids: tuple[int, ...]
    mention_keys: tuple[tuple[str, str], ...]
    board: tuple[board.BoardLine, ...] = ()  # every target, in watchlist order
    corrections: tuple[Correction, ...] = ()
    summary: str = ""  # one line for the inbox preview: 2 项有进展，1 项待核实：…
    board_summary: str = ""  # 2 项有进展，1 项待核实 (the subject's {board})
    first: bool = False  # the watchlist's first digest: the board shows baselines and pledges
    report_url: str | None = None  # the published report, when the watchlist names it

    @property
    def empty(self) -> bool:
        return not (self.updates or self.others or self.coverage or self.corrections)

    @property
    def moved(self) -> int:
        return sum(1 for u in self.updates if u.moved)

    @property
    def correction_ids(self) -> tuple[int, ...]:
        return tuple(c.observation.id for c in self.corrections)


def build(
    watchlist: Watchlist, store: Store, *, now: datetime, period_start: datetime | None
) -> DigestModel:
    """Everything pending in the store, as a digest model (nothing is claimed yet)."""
    found = _pending_figures(watchlist, store, now.date())
    names = {s.id: s.label for s in watchlist.sources}
    titles = {t.id: t.title for t in watchlist.targets}
    mentions = [m for m in store.pending_mentions() if m.target_id in titles]
    coverage = _coverage(
        [m for m in mentions if (m.target_id, m.article_url) not in found.with_figures], titles
    )
    corrections = [
        Correction(titles[o.target_id], o, verdicts.reported_in(store, o.digest_id or 0))
        for o in verdicts.corrections_due(store)
        if o.target_id in titles
    ]
    first = not verdicts.any_digest(store)
    short = board.summary(found.lines, len(corrections), first=first)
    moved = [u for u in found.updates if u.moved]
    headline = "；".join(
        f"{u.target.title} {qualified(u.level, u.unit, u.latest.figure.qualifier)}"
        for u in moved[:2]
        if u.latest is not None
    )
    subject = watchlist.digest.subject.format_map(
        {"date": now.strftime("%Y-%m-%d"), "moved": len(moved), "board": short}
    )
    return DigestModel(
        title=subject,
        generated_at=now,
        period_start=period_start,
        period_end=now,
        updates=tuple(found.updates),
        others=tuple(found.others),
        coverage=tuple(coverage),
        health=tuple(health_lines(watchlist, store)),
        source_names=names,
        observation_ids=tuple(found.ids),
        mention_keys=tuple((m.target_id, m.article_url) for m in mentions),
        board=tuple(found.lines),
        corrections=tuple(corrections),
        summary=short + (f"：{headline}" if headline else ""),
        board_summary=short,
        first=first,
        report_url=watchlist.report.url,
    )


@dataclass
class _Pending:
    """What the targets' pending figures make of a digest: the updates that moved or are
    flagged, the others, every target's board line, and which figures and articles it holds."""

    updates: list[diff.TargetUpdate] = field(default_factory=list)
    others: list[diff.TargetUpdate] = field(default_factory=list)
    lines: list[board.BoardLine] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    with_figures: set[tuple[str, str]] = field(default_factory=set)  # (target, article URL)


def _pending_figures(watchlist: Watchlist, store: Store, today: date) -> _Pending:
    found = _Pending()
    for target in watchlist.targets:
        everything = store.observations(target_id=target.id)
        # A figure rejected before any digest reported it is left out, and stays unclaimed.
        pending = [o for o in everything if o.digest_id is None and not o.rejected]
        upd = None
        if pending:
            found.ids.extend(o.id for o in pending)
            found.with_figures.update((target.id, o.article_url) for o in pending)
            reported = store.reported_observations(target.id)
            upd = diff.update(target, pending, reported, today=today)
            (found.updates if upd.moved or upd.flagged else found.others).append(upd)
        found.lines.append(board.line_for(target, everything, upd, today=today))
    return found


def _coverage(mentions: list[Mention], titles: dict[str, str]) -> list[Coverage]:
    grouped: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        grouped.setdefault((m.target_id, m.story), []).append(m)
    items = [
        Coverage(
            target_title=titles[target_id],
            title=members[0].title,
            links=tuple((m.source_id, m.article_url) for m in members),
            published=members[0].published,
        )
        for (target_id, _), members in grouped.items()
    ]
    return sorted(
        items, key=lambda c: (c.target_title, c.published.isoformat() if c.published else "")
    )


def health_lines(watchlist: Watchlist, store: Store) -> list[HealthLine]:
    """Sources that are failing, broken (N failures in a row), or whose list found no links."""
    lines = []
    for source in watchlist.sources:
        h = store.health(source.id)
        if h is None:
            continue
        if h.consecutive_failures >= watchlist.broken_after:
            state = "broken"
        elif h.consecutive_failures > 0:
            state = "failing"
        elif source.type == "list" and h.last_links == 0:
            state = "empty"
        else:
            continue
        lines.append(
            HealthLine(
                source=source.label,
                url=source.url,
                state=state,
                failures=h.consecutive_failures,
                error=h.last_error,
                last_success_at=h.last_success_at,
            )
        )
    return lines


# --- rendering ---------------------------------------------------------------------------------


def environment(watchlist_dir: Path | None) -> jinja2.Environment:
    """Templates beside the watchlist first (user-edited), the packaged copies second."""
    # Imported here, not at the top: a fetch-only pass (`run --digest never`, the daemon's
    # per-source jobs) never renders, and jinja2 is ~20 ms of its start-up.
    import jinja2

    paths = []
    if watchlist_dir is not None and (watchlist_dir / "templates").is_dir():
        paths.append(str(watchlist_dir / "templates"))
    paths.append(str(PACKAGED_TEMPLATES))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths),
        autoescape=jinja2.select_autoescape(["html", "html.j2"], default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["number"] = number
    env.filters["signed"] = signed
    env.filters["approx"] = approx
    env.filters["qualified"] = qualified
    env.filters["marked"] = marked
    env.filters["label"] = label
    env.filters["date"] = lambda d: d.strftime("%Y-%m-%d") if d else "日期不详"
    return env


def label(obs: Observation) -> str:
    """What a figure that is not a new level is: 目标表述, 完成比例, 其他数据 or 提及, with the
    stage of work it counts (其他数据（开工）) and a fall said as one (（下降）)."""
    fig = obs.figure
    if fig.scope == "share_of_pledge":
        said = "完成比例"
    else:
        said = {"pledge": "目标表述", "achieved": "其他数据"}.get(fig.kind, "提及")
    if fig.measure:
        said += f"（{fig.measure}）"
    return said + ("（下降）" if fig.direction == "down" else "")


def marked(obs: Observation, left: str = "【", right: str = "】") -> str:
    """The quote with its figure marked: …本市已建成【501个】一刻钟便民生活圈。"""
    f = obs.figure
    return f.sentence[: f.start] + left + f.sentence[f.start : f.end] + right + f.sentence[f.end :]


def render(model: DigestModel, env: jinja2.Environment) -> tuple[str, str]:
    """The plain-text and HTML bodies; the HTML with its CSS inlined."""
    text = env.get_template("digest.txt.j2").render(d=model)
    html = env.get_template("digest.html.j2").render(d=model)
    import css_inline  # here, not at the top: only a digest being rendered needs it

    return text, css_inline.inline(html)


def compose(model: DigestModel, watchlist: Watchlist, env: jinja2.Environment) -> EmailMessage:
    """One email with a Message-ID derived from its content, stable across retries."""
    text, html = render(model, env)
    # Not from the figures' ids (#12): two runs that store the same figures in another order
    # build the same digest, and a retry must keep its Message-ID.
    stable = _FIGURE_ID.sub("#", text) + model.period_end.isoformat()
    digest = hashlib.sha256(stable.encode()).hexdigest()[:20]
    msg = EmailMessage()
    msg["Subject"] = model.title
    msg["From"] = watchlist.digest.sender  # may carry a display name: 政策监测 <m@example.org>
    msg["To"] = ", ".join(watchlist.digest.to) or watchlist.digest.sender
    msg["Date"] = format_datetime(model.generated_at)
    address = parseaddr(watchlist.digest.sender)[1] or watchlist.digest.sender
    domain = address.rpartition("@")[2] or "monitor.local"
    msg["Message-ID"] = f"<digest-{digest}@{domain}>"
    # RFC 3834: no vacation replies or bounces-to-bounces for a machine's mail.
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    return msg
