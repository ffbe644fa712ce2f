"""Chat channels through Apprise: `json://` to a real webhook receiver on 127.0.0.1, beside
the real SMTP server; a channel that is down is retried alone and nothing is sent twice."""

from __future__ import annotations

import dataclasses
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from monitor import cli_out, demo, pipeline
from monitor.cli import main
from monitor.config import watchlist
from monitor.errors import DeliveryError
from monitor.models import Channel, Delivery, SmtpSettings, Watchlist
from monitor.report import channels
from monitor.store import channel_log
from monitor.store.state import Store


class Webhook:
    """A webhook receiver on loopback that keeps what Apprise posts to it."""

    def __init__(self, port: int = 0):
        self.posts: list[tuple[str, dict[str, Any]]] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                hook.posts.append((self.path, json.loads(self.rfile.read(length))))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def messages(self) -> list[str]:
        return [str(body["message"]) for _, body in self.posts]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.messages.append(envelope)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def hook() -> Iterator[Webhook]:
    server = Webhook()
    yield server
    server.close()


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture(scope="module")
def site() -> Iterator[demo.DemoServer]:
    server = demo.DemoServer(demo.load_site())
    with server.running():
        yield server


def _watchlist(tmp_path: Path, base: str, smtp_port: int, chans: list[Channel]) -> Watchlist:
    path = tmp_path / "watchlist.yaml"
    path.write_text(demo.demo_watchlist(base), encoding="utf-8")
    wl = watchlist.load(path)
    settings = SmtpSettings(host="127.0.0.1", port=smtp_port, starttls=False, timeout=2)
    return dataclasses.replace(
        wl, delivery=Delivery(method="smtp", smtp=settings, channels=tuple(chans))
    )


def _pass(wl: Watchlist, state: Path, site: demo.DemoServer, i: int) -> pipeline.PassReport:
    site.now = demo.load_site().passes[i]
    store = Store.open(state)
    try:
        return pipeline.run_pass(wl, store, now=site.now, state_dir=state, digest_mode="now")
    finally:
        store.close()


def test_a_channel_that_is_down_is_retried_alone_and_nothing_is_sent_twice(
    tmp_path: Path, site: demo.DemoServer, hook: Webhook, smtp: tuple[Inbox, int]
) -> None:
    inbox, smtp_port = smtp
    down_port = _free_port()  # nobody listens here until the end
    chans = [
        Channel(id="team", url=f"json://127.0.0.1:{hook.port}/team"),
        Channel(id="later", url=f"json://127.0.0.1:{down_port}/later"),
    ]
    wl = _watchlist(tmp_path, site.base, smtp_port, chans)
    state = tmp_path / "state"

    first = _pass(wl, state, site, 0)
    assert len(inbox.messages) == 1  # the mail went, whatever the channels did
    assert hook.messages and len(hook.posts) == 1
    assert first.delivery_errors and "channel later" in first.delivery_errors[0]
    assert "team: digest #1" in first.delivered
    path, body = hook.posts[0]
    assert path == "/team"
    assert body["title"].startswith("北京2024年政策目标进展")
    # The short form: the board, one line per target, and what moved, with links.
    for target in wl.targets:
        assert target.title in body["message"]
    assert "暂无新消息" in body["message"] or "进度正常" in body["message"]
    assert "<html" not in body["message"]  # not the email

    second = _pass(wl, state, site, 2)
    assert len(hook.posts) == 2 and len(inbox.messages) == 2
    assert any("channel later" in e for e in second.delivery_errors)

    late = Webhook(down_port)  # the channel comes back
    try:
        third = _pass(wl, state, site, 3)
        assert len(late.posts) == 3  # the two it missed, and this pass's
        assert [p for p, _ in late.posts] == ["/later"] * 3
        assert len(hook.posts) == 3  # only this pass's: nothing resent to the channel that had them
        assert third.delivery_errors == []
        again = _pass(wl, state, site, 3)  # nothing new: nothing sent anywhere
        assert len(late.posts) == 3 and len(hook.posts) == 3
        assert again.delivered == []
    finally:
        late.close()
    store = Store.open(state)
    try:
        rows = [channel_log.of_digest(store, d.id) for d in store.digests()]
        assert all(r.status == "delivered" for digest_rows in rows for r in digest_rows)
        later = [r for digest_rows in rows for r in digest_rows if r.channel == "later"]
        # Once a channel failed in a pass, its later digests wait for the next pass untried.
        assert [r.attempts for r in later] == [3, 1, 1]
        lines = cli_out.channel_lines(store)  # what `monitor status` shows
        assert len(lines) == 6 and all(" sent " in line for line in lines)
        assert lines[0].startswith("  digest #1 to later: sent 2024-10-31")  # when it came back
    finally:
        store.close()


def test_a_digest_a_channel_took_is_never_folded_into_the_next_one(
    tmp_path: Path, site: demo.DemoServer, hook: Webhook
) -> None:
    mail_port = _free_port()  # the mail server is down for the whole test
    wl = _watchlist(
        tmp_path, site.base, mail_port, [Channel(id="team", url=f"json://127.0.0.1:{hook.port}/")]
    )
    state = tmp_path / "state"
    _pass(wl, state, site, 0)
    _pass(wl, state, site, 1)
    assert len(hook.posts) == 2  # each digest once; the first was not rebuilt into the second
    store = Store.open(state)
    try:
        assert [d.status for d in store.pending_digests()] == ["pending", "pending"]
    finally:
        store.close()


def test_the_token_comes_from_the_environment_and_is_never_logged(
    hook: Webhook, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = Channel(id="t", url=f"json://127.0.0.1:{hook.port}/{{secret}}", secret_env="HOOK_T")
    with pytest.raises(DeliveryError, match="HOOK_T is not set"):
        channels.send(channel, title="标题", body="正文")
    monkeypatch.setenv("HOOK_T", "tok3n")
    channels.send(channel, title="标题", body="正文")
    assert hook.posts == [("/tok3n", hook.posts[0][1])]
    assert hook.posts[0][1]["message"] == "正文"

    dead = Channel(id="d", url=f"json://127.0.0.1:{_free_port()}/{{secret}}", secret_env="HOOK_T")
    with pytest.raises(DeliveryError) as err:
        channels.send(dead, title="标题", body="正文")
    assert "channel d" in str(err.value) and "tok3n" not in str(err.value)


def test_an_unknown_service_url_is_one_clear_error() -> None:
    with pytest.raises(DeliveryError, match="Apprise does not understand"):
        channels.send(Channel(id="x", url="nosuchservice://abc"), title="t", body="b")


def test_test_send_sends_a_sample_to_each_channel(
    tmp_path: Path, hook: Webhook, capsys: pytest.CaptureFixture[str]
) -> None:
    wl = tmp_path / "watchlist.yaml"
    text = demo.demo_watchlist("http://127.0.0.1:9").replace(
        "delivery:\n  method: outbox\n",
        "delivery:\n  method: outbox\n  channels:\n"
        f"    - {{id: team, url: 'json://127.0.0.1:{hook.port}/hook'}}\n"
        f"    - {{id: gone, url: 'json://127.0.0.1:{_free_port()}/hook'}}\n",
    )
    wl.write_text(text, encoding="utf-8")
    assert main(["--watchlist", str(wl), "test-send", "team"]) == 0
    assert "channel team: sent" in capsys.readouterr().out
    (post,) = hook.posts
    assert post[1]["message"].startswith("【测试消息】") and "[测试]" in post[1]["title"]
    assert main(["--watchlist", str(wl), "test-send"]) == 1
    out, err = capsys.readouterr()
    assert "channel team: sent" in out and "channel gone" in err and len(hook.posts) == 2
    assert main(["--watchlist", str(wl), "test-send", "nope"]) == 1
    assert "no channel 'nope'" in capsys.readouterr().err
