"""Chat channels (企业微信, 钉钉, 飞书, Slack, Telegram, webhooks…) through Apprise: the short
form of a digest (the board and what moved, with links), sent to each channel on its own.

Each channel's delivery of each digest is a row in the store (store/channel_log.py): a channel
that is down is retried by the next pass and never holds up the others, and one that took a
digest is never sent it again. The token comes from the variable `secret_env` names.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from monitor.errors import DeliveryError
from monitor.models import Channel, Watchlist
from monitor.report.digest import DigestModel
from monitor.store import channel_log
from monitor.store.state import Store

if TYPE_CHECKING:
    import jinja2

log = logging.getLogger("monitor")
SECRET = "{secret}"
MAX_CHARS = 3800  # 企业微信 takes 4096 bytes of markdown, 钉钉 about 5000: stay under both


@dataclass
class ChannelReport:
    delivered: list[str] = field(default_factory=list)  # "channel: digest #N"
    errors: list[str] = field(default_factory=list)


def short_form(model: DigestModel, watchlist: Watchlist, env: jinja2.Environment) -> str:
    """The chat message: the board and what moved, with links (template chat.md.j2)."""
    text = env.get_template("chat.md.j2").render(d=model, report_url=watchlist.report.url)
    text = text.strip() + "\n"
    if len(text) > MAX_CHARS:  # cut at a line, and say where the rest is
        cut = text.rfind("\n", 0, MAX_CHARS - 80)
        where = f"或报告 {watchlist.report.url}" if watchlist.report.url else ""
        more = f"（内容较长，完整内容见邮件{where}）"
        text = text[: max(cut, 0)] + "\n…\n" + more + "\n"
    return text


def deliver_pending(watchlist: Watchlist, store: Store, *, now: datetime) -> ChannelReport:
    """Send every pending channel delivery; each channel stands alone."""
    report = ChannelReport()
    rows = channel_log.pending(store)
    if not rows:
        return report
    channels = {c.id: c for c in watchlist.delivery.channels}
    down: set[str] = set()  # a channel that failed this pass is not tried again until the next
    for row in rows:
        channel = channels.get(row.channel)
        if channel is None:
            log.info(
                "digest %d: channel %s is no longer in the watchlist", row.digest_id, row.channel
            )
            continue
        if channel.id in down:
            continue
        try:
            send(channel, title=row.title, body=row.chat)
        except DeliveryError as exc:
            down.add(channel.id)
            channel_log.mark_failed(store, row.digest_id, channel.id, at=now, error=str(exc))
            report.errors.append(str(exc))
            log.warning("digest %d: %s", row.digest_id, exc)
            continue
        channel_log.mark_delivered(store, row.digest_id, channel.id, at=now)
        report.delivered.append(f"{channel.id}: digest #{row.digest_id}")
    return report


def send(channel: Channel, *, title: str, body: str) -> str:
    """One message to one channel; raises DeliveryError naming the channel when it did not go."""
    where = f"channel {channel.id}"
    try:
        # Here, not at the top: Apprise is an optional extra, and only channels need it.
        import apprise
    except ImportError:
        raise DeliveryError(
            "chat channels need Apprise, which is not installed",
            where=where,
            hint="pip install 'monitor[channels]'",
        ) from None
    url = channel.url
    if SECRET in url:
        name = channel.secret_env or ""
        secret = os.environ.get(name)
        if not secret:
            raise DeliveryError(
                f"the environment variable {name} is not set",
                where=where,
                hint=f"export {name}=... (the channel's token) before running monitor",
            )
        url = url.replace(SECRET, secret)
    notifier = apprise.Apprise()
    if not notifier.add(url):
        raise DeliveryError(
            "Apprise does not understand this URL",
            where=where,
            hint="see Apprise's list of services for your URL; check it with monitor test-send",
        )
    capture = apprise.LogCapture(level=logging.WARNING, fmt="%(message)s")  # type: ignore[no-untyped-call]
    with capture as captured:
        ok = notifier.notify(title=title, body=body, body_format=apprise.NotifyFormat.MARKDOWN)
    if not ok:
        detail = " ".join(captured.getvalue().split())
        if secret_text := (os.environ.get(channel.secret_env or "") or None):
            detail = detail.replace(secret_text, "***")  # never a token in a log or the state
        raise DeliveryError(
            f"not delivered{': ' + detail[:300] if detail else ''}",
            where=where,
            hint="it is retried by the next run; the other channels are not held up",
        )
    return where


def send_sample(
    watchlist: Watchlist,
    store: Store,
    env: jinja2.Environment,
    *,
    now: datetime,
    only: str | None = None,
) -> list[tuple[str, str | None]]:
    """Send a sample short form to each channel (or `only` one): (channel id, error or None)."""
    from monitor.report.digest import build

    channels = [c for c in watchlist.delivery.channels if only in (None, c.id)]
    if only is not None and not channels:
        known = ", ".join(c.id for c in watchlist.delivery.channels) or "none"
        raise DeliveryError(f"no channel '{only}'", hint=f"channels in the watchlist: {known}")
    model = build(watchlist, store, now=now, period_start=None)
    body = "【测试消息】monitor 渠道测试，以下为当前内容示例。\n\n" + short_form(
        model, watchlist, env
    )
    results: list[tuple[str, str | None]] = []
    for channel in channels:
        try:
            send(channel, title=f"[测试] {model.title}", body=body)
        except DeliveryError as exc:
            results.append((channel.id, str(exc)))
        else:
            results.append((channel.id, None))
    return results
