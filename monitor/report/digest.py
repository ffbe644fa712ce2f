"""The digest: a model built from state, rendered by user-editable Jinja2 templates into one
`multipart/alternative` email (plain text + HTML with inlined CSS).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.models import Watchlist
from monitor.report import diff
from monitor.store.records import Mention
from monitor.store.state import Store

if TYPE_CHECKING:
    import jinja2

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
    report_url: str | None = None  # the published report, when the watchlist names it

    @property
    def empty(self) -> bool:
        return not (self.updates or self.others or self.coverage)


def build(
    watchlist: Watchlist, store: Store, *, now: datetime, period_start: datetime | None
) -> DigestModel:
    """Everything pending in the store, as a digest model (nothing is claimed yet)."""
    today = now.date()
    updates: list[diff.TargetUpdate] = []
    others: list[diff.TargetUpdate] = []
    ids: list[int] = []
    with_figures: set[tuple[str, str]] = set()
    for target in watchlist.targets:
        pending = store.observations(target_id=target.id, pending=True)
        if not pending:
            continue
        ids.extend(o.id for o in pending)
        with_figures.update((target.id, o.article_url) for o in pending)
        upd = diff.update(target, pending, store.reported_observations(target.id), today=today)
        (updates if upd.moved else others).append(upd)

    names = {s.id: s.label for s in watchlist.sources}
    titles = {t.id: t.title for t in watchlist.targets}
    mentions = [m for m in store.pending_mentions() if m.target_id in titles]
    coverage = _coverage(
        [m for m in mentions if (m.target_id, m.article_url) not in with_figures], titles
    )
    return DigestModel(
        title=watchlist.digest.subject.replace("{date}", now.strftime("%Y-%m-%d")),
        generated_at=now,
        period_start=period_start,
        period_end=now,
        updates=tuple(updates),
        others=tuple(others),
        coverage=tuple(coverage),
        health=tuple(health_lines(watchlist, store)),
        source_names=names,
        observation_ids=tuple(ids),
        mention_keys=tuple((m.target_id, m.article_url) for m in mentions),
        report_url=watchlist.report.url,
    )


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


def number(value: Decimal | int | None, unit: str | None = None) -> str:
    """501 → 501, 10000 → 1万, 4370000000000 → 4.37万亿; the unit appended."""
    if value is None:
        return "—"
    value = Decimal(value)
    text = _plain(value)
    if unit != "%":
        for size, name in (
            (Decimal(10) ** 12, "万亿"),
            (Decimal(10) ** 8, "亿"),
            (Decimal(10**4), "万"),
        ):
            if abs(value) >= size and (value / size) == (value / size).quantize(Decimal("0.01")):
                text = _plain(value / size) + name
                break
    return text + (unit or "")


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def signed(value: Decimal | None, unit: str | None = None) -> str:
    if value is None:
        return ""
    sign = "+" if value > 0 else ("±" if value == 0 else "−")
    return sign + number(abs(value), unit)


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
    env.filters["date"] = lambda d: d.strftime("%Y-%m-%d") if d else "日期不详"
    return env


def render(model: DigestModel, env: jinja2.Environment) -> tuple[str, str]:
    """The plain-text and HTML bodies; the HTML with its CSS inlined."""
    text = env.get_template("digest.txt.j2").render(d=model)
    html = env.get_template("digest.html.j2").render(d=model)
    import css_inline  # here, not at the top: only a digest being rendered needs it

    return text, css_inline.inline(html)


def compose(model: DigestModel, watchlist: Watchlist, env: jinja2.Environment) -> EmailMessage:
    """One email with a Message-ID derived from its content, stable across retries."""
    text, html = render(model, env)
    digest = hashlib.sha256((text + model.period_end.isoformat()).encode()).hexdigest()[:20]
    msg = EmailMessage()
    msg["Subject"] = model.title
    msg["From"] = watchlist.digest.sender
    msg["To"] = ", ".join(watchlist.digest.to) or watchlist.digest.sender
    msg["Date"] = format_datetime(model.generated_at)
    domain = watchlist.digest.sender.rpartition("@")[2] or "monitor.local"
    msg["Message-ID"] = f"<digest-{digest}@{domain}>"
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    return msg
