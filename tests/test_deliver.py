"""deliver: outbox files and a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from email import message_from_bytes
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from monitor.errors import DeliveryError
from monitor.models import Delivery, SmtpSettings
from monitor.report.deliver import deliver

MESSAGE = (
    b"From: monitor@example.org\r\nTo: analyst@example.org\r\nSubject: test\r\n"
    b"Message-ID: <digest-1@example.org>\r\n\r\nhello\r\n"
)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.messages.append(envelope)
        return "250 OK"


def _authenticator(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: object
) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.password == b"s3cret"
    return AuthResult(success=ok)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=_authenticator, auth_require_tls=False
    )
    controller.start()
    yield inbox, port
    controller.stop()


def _smtp(port: int, **kw: object) -> Delivery:
    return Delivery(
        method="smtp",
        smtp=SmtpSettings(host="127.0.0.1", port=port, starttls=False, timeout=1, **kw),
    )  # type: ignore[arg-type]


def test_outbox_writes_one_eml_and_is_idempotent(tmp_path: Path) -> None:
    where = deliver(MESSAGE, Delivery(), outbox=tmp_path / "outbox", name="digest-1")
    again = deliver(MESSAGE, Delivery(), outbox=tmp_path / "outbox", name="digest-1")
    assert where == again == str(tmp_path / "outbox" / "digest-1.eml")
    assert [p.name for p in (tmp_path / "outbox").iterdir()] == ["digest-1.eml"]
    assert message_from_bytes(Path(where).read_bytes())["Message-ID"] == "<digest-1@example.org>"


def test_smtp_delivers_with_password_from_environment(
    smtp_server: tuple[Inbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port = smtp_server
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "s3cret")
    where = deliver(
        MESSAGE,
        _smtp(port, username="me", password_env="TEST_SMTP_PASSWORD"),
        outbox=Path("unused"),
        name="x",
    )
    assert "<digest-1@example.org>" in where
    (envelope,) = inbox.messages
    assert envelope.rcpt_tos == ["analyst@example.org"]
    assert b"hello" in envelope.original_content


def test_wrong_password_is_a_delivery_error_that_names_the_server(
    smtp_server: tuple[Inbox, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, port = smtp_server
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "wrong")
    with pytest.raises(DeliveryError, match=f"smtp://127.0.0.1:{port}") as info:
        deliver(
            MESSAGE,
            _smtp(port, username="me", password_env="TEST_SMTP_PASSWORD"),
            outbox=Path("unused"),
            name="x",
        )
    assert not info.value.uncertain


def test_missing_password_variable_says_what_to_export(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOT_SET_ANYWHERE", raising=False)
    with pytest.raises(DeliveryError, match="export NOT_SET_ANYWHERE"):
        deliver(
            MESSAGE,
            _smtp(1, username="me", password_env="NOT_SET_ANYWHERE"),
            outbox=Path("unused"),
            name="x",
        )


def test_server_down_is_a_certain_failure() -> None:
    with pytest.raises(DeliveryError, match="SMTP delivery failed") as info:
        deliver(MESSAGE, _smtp(_free_port()), outbox=Path("unused"), name="x")
    assert not info.value.uncertain


TLS = Path(__file__).parent / "data" / "tls"  # a self-signed pair for 127.0.0.1, tests only


def _tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(TLS / "cert.pem", TLS / "key.pem")
    return context


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_smtp_over_tls_verifies_the_server(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = Inbox()
    port = _free_port()
    if mode == "starttls":
        controller = Controller(
            inbox,
            hostname="127.0.0.1",
            port=port,
            tls_context=_tls_context(),
            require_starttls=True,
        )
    else:
        controller = Controller(inbox, hostname="127.0.0.1", port=port, ssl_context=_tls_context())
    controller.start()
    try:
        settings = SmtpSettings(
            host="127.0.0.1", port=port, starttls=mode == "starttls", ssl=mode == "ssl", timeout=5
        )
        # Our test certificate is trusted through the standard variable, as a user's CA would be.
        monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "cert.pem"))
        deliver(MESSAGE, Delivery(method="smtp", smtp=settings), outbox=Path("unused"), name="x")
        assert len(inbox.messages) == 1
        monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent")
        with pytest.raises(DeliveryError, match=r"CERTIFICATE_VERIFY_FAILED|certificate"):
            deliver(
                MESSAGE, Delivery(method="smtp", smtp=settings), outbox=Path("unused"), name="x"
            )
        assert len(inbox.messages) == 1
    finally:
        controller.stop()


def test_a_non_ascii_password_is_one_clear_line_before_connecting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "密码s3cret")
    with pytest.raises(DeliveryError, match="characters other than ASCII") as info:
        # port 1: nothing listens there; the check comes before any connection
        deliver(
            MESSAGE,
            _smtp(1, username="me", password_env="TEST_SMTP_PASSWORD"),
            outbox=Path("unused"),
            name="x",
        )
    assert "TEST_SMTP_PASSWORD" in str(info.value) and "密码" not in str(info.value)
    assert not info.value.uncertain


def test_the_outbox_never_replaces_another_digests_file(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    (outbox / "digest-1.eml").write_bytes(b"an older digest, delivered")
    where = deliver(MESSAGE, Delivery(), outbox=outbox, name="digest-1")
    assert where == str(outbox / "digest-1-2.eml")
    assert (outbox / "digest-1.eml").read_bytes() == b"an older digest, delivered"
    assert deliver(MESSAGE, Delivery(), outbox=outbox, name="digest-1") == where  # idempotent
    assert sorted(p.name for p in outbox.iterdir()) == ["digest-1-2.eml", "digest-1.eml"]
