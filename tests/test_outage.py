"""Mail outages: a real SMTP server down for three passes then up sends one digest; a server
that takes the message and drops the line gets the same message again, never a rebuilt one."""

from __future__ import annotations

import dataclasses
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from monitor import demo, dispatch, pipeline
from monitor.config import watchlist
from monitor.models import Delivery, SmtpSettings, Watchlist
from monitor.store.state import Store


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        data = envelope.original_content or b""
        self.messages.append(message_from_bytes(data, policy=policy.default))  # type: ignore[arg-type]
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _text(msg: EmailMessage) -> str:
    return msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def site() -> Iterator[demo.DemoServer]:
    server = demo.DemoServer(demo.load_site())
    with server.running():
        yield server


def _smtp_watchlist(tmp_path: Path, base: str, port: int) -> Watchlist:
    path = tmp_path / "watchlist.yaml"
    path.write_text(demo.demo_watchlist(base), encoding="utf-8")
    wl = watchlist.load(path)
    smtp = SmtpSettings(host="127.0.0.1", port=port, starttls=False, timeout=2)
    return dataclasses.replace(wl, delivery=Delivery(method="smtp", smtp=smtp))


def _pass(wl: Watchlist, state: Path, site: demo.DemoServer, i: int) -> pipeline.PassReport:
    site.now = demo.load_site().passes[i]
    store = Store.open(state)
    try:
        return pipeline.run_pass(wl, store, now=site.now, state_dir=state, digest_mode="now")
    finally:
        store.close()


def test_smtp_down_for_three_passes_then_up_sends_one_digest_with_everything(
    tmp_path: Path, site: demo.DemoServer
) -> None:
    port = _free_port()
    wl = _smtp_watchlist(tmp_path, site.base, port)
    state = tmp_path / "state"
    for i in range(3):  # nobody listens on the port: each delivery certainly fails
        report = _pass(wl, state, site, i)
        assert report.delivered == [] and len(report.delivery_errors) == 1
    store = Store.open(state)
    (waiting,) = store.pending_digests()  # the earlier ones were folded into this one
    assert waiting.last_outcome == "failed"
    store.close()

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        report = _pass(wl, state, site, 3)
        assert len(report.delivered) == 1
        again = _pass(wl, state, site, 3)  # nothing new, nothing pending: nothing sent
        assert again.delivered == [] and again.delivery_errors == []
    finally:
        controller.stop()

    (msg,) = inbox.messages
    text = _text(msg)
    assert "2024年北京市政府工作报告" in text  # January
    assert "1.8万套" in text  # April
    assert "422个" in text  # July
    assert "501个" in text  # October, the pass when the server came back
    store = Store.open(state)
    try:
        (record,) = store.digests()
        assert record.status == "delivered" and record.message_id == msg["Message-ID"]
        assert record.period_start is None  # it covers everything since the start
        assert store.observations(pending=True) == []
        assert {o.digest_id for o in store.observations()} == {record.id}
    finally:
        store.close()


class DroppingSmtp:
    """A tiny SMTP server: takes the whole message, then (while `drop`) hangs up instead of
    answering, so the client cannot know whether it was accepted."""

    def __init__(self, port: int):
        self.drop = True
        self.received: list[bytes] = []  # every message it read, accepted or not
        self.accepted: list[bytes] = []
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                self._session(conn.makefile("rb"), conn)

    def _session(self, rfile: object, conn: socket.socket) -> None:
        def say(line: str) -> None:
            conn.sendall(line.encode() + b"\r\n")

        say("220 tiny ESMTP")
        while line := rfile.readline():  # type: ignore[attr-defined]
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                say("250 tiny")
            elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                say("250 OK")
            elif verb == b"QUIT":
                say("221 bye")
                return
            elif verb == b"DATA":
                say("354 go ahead")
                data = b""
                while (chunk := rfile.readline()) not in (b".\r\n", b""):  # type: ignore[attr-defined]
                    data += chunk
                self.received.append(data)
                if self.drop:
                    return  # hang up before the reply
                self.accepted.append(data)
                say("250 queued")
            else:
                say("502 what?")

    def close(self) -> None:
        self.sock.close()


def test_a_dropped_reply_resends_the_same_message_and_never_rebuilds_it(
    tmp_path: Path, site: demo.DemoServer
) -> None:
    port = _free_port()
    wl = _smtp_watchlist(tmp_path, site.base, port)
    state = tmp_path / "state"
    server = DroppingSmtp(port)
    try:
        first = _pass(wl, state, site, 0)  # taken, then the line drops: outcome unknown
        assert first.delivered == [] and len(first.delivery_errors) == 1
        store = Store.open(state)
        (unknown,) = store.pending_digests()
        store.close()
        assert unknown.last_outcome == "unknown"
        server.close()

        second = _pass(wl, state, site, 1)  # server down: a certain failure this time …
        assert second.delivered == []
        store = Store.open(state)
        pending = store.pending_digests()
        store.close()
        # … yet the first digest is kept as it was, not folded into April's
        assert pending[0].id == unknown.id and pending[0].message == unknown.message
        assert pending[0].last_outcome == "unknown"
        assert len(pending) == 2

        server = DroppingSmtp(port)
        server.drop = False
        third = _pass(wl, state, site, 1)
        assert len(third.delivered) == 2
        fourth = _pass(wl, state, site, 1)
        assert fourth.delivered == [] and fourth.delivery_errors == []
    finally:
        server.close()

    ids = [message_from_bytes(m)["Message-ID"] for m in server.accepted]
    assert ids[0] == unknown.message_id  # the same message, recognisable by its Message-ID
    assert len(set(ids)) == 2
    january, april = (_text(message_from_bytes(m, policy=policy.default)) for m in server.accepted)  # type: ignore[arg-type]
    assert "2024年北京市政府工作报告" in january and "2024年北京市政府工作报告" not in april
    assert "1.8万套" in april and "1.8万套" not in january
    store = Store.open(state)
    try:
        assert all(d.status == "delivered" for d in store.digests())
        assert store.observations(pending=True) == []
    finally:
        store.close()


def test_the_resent_message_is_byte_for_byte_the_first(
    tmp_path: Path, site: demo.DemoServer
) -> None:
    port = _free_port()
    wl = _smtp_watchlist(tmp_path, site.base, port)
    state = tmp_path / "state"
    server = DroppingSmtp(port)
    try:
        _pass(wl, state, site, 0)
        server.drop = False
        store = Store.open(state)
        try:
            dispatch.deliver_pending(wl, store, now=site.now, state_dir=state, built=False)
        finally:
            store.close()
    finally:
        server.close()
    dropped, resent = server.received
    assert dropped == resent
    assert server.accepted == [resent]


def test_status_shows_the_pending_digest_and_history_the_evidence(
    tmp_path: Path, site: demo.DemoServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from monitor.cli import main

    port = _free_port()
    wl = _smtp_watchlist(tmp_path, site.base, port)
    state = tmp_path / "state"
    server = DroppingSmtp(port)
    try:
        _pass(wl, state, site, 2)  # July; the reply is lost
    finally:
        server.close()
    args = ["--watchlist", str(wl.path), "--state", str(state)]
    assert main([*args, "status"]) == 0
    out = capsys.readouterr().out
    assert "bjgov                    ok       last 2024-07-22 09:00, next due now" in out
    assert "broken                   failing" in out and "HTTP 500" in out
    assert "last delivered: never" in out
    assert "pending:        #1 built 2024-07-22 09:00, 1 attempt(s); the server may have it" in out
    assert "last built:     2024-07-22 09:00" in out

    assert main([*args, "history", "convenience-circles"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[convenience-circles] 北京2024年新建80个一刻钟便民生活圈\n")
    assert "pledge 80个 (new) by 2024-12-31" in out and "baseline 360个" in out
    assert "2024-07-16  achieved" in out and "in digest #1, not yet delivered" in out
    assert "【422个】" in out
    assert f"{site.base}/bjgov/202407/t20240716_circles-422.html" in out
    assert main([*args, "history", "nope"]) == 2  # a usage error
