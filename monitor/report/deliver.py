"""Deliver a composed digest: an `.eml` file in the outbox, or SMTP (STARTTLS or SSL).

Returns where it went; raises DeliveryError when it did not go, so the digest stays pending.
The SMTP password comes from the environment variable the watchlist names, never the file.
"""

from __future__ import annotations

import errno
import os
import ssl
from collections.abc import Callable
from contextlib import suppress
from email import message_from_bytes, policy
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.errors import DeliveryError
from monitor.models import Delivery, SmtpSettings

if TYPE_CHECKING:
    import smtplib

MAX_NAMES = 1000  # files tried for one digest's name in the outbox


def deliver(
    message: bytes,
    delivery: Delivery,
    *,
    outbox: Path,
    name: str,
    accepted: Callable[[str], None] | None = None,
) -> str:
    """Send or file one digest; `name` is a stable file stem for the outbox. `accepted(where)`
    is called the moment the message is the server's (or in its file), before the SMTP
    session is closed: the caller records the delivery there, so that the window in which the
    server has a message the state does not know of is one reply and one commit long."""
    match delivery.method:
        case "outbox":
            where = _to_outbox(message, outbox, name)
            if accepted is not None:
                accepted(where)
            return where
        case "smtp":
            return _by_smtp(message, delivery, accepted)


def _to_outbox(message: bytes, outbox: Path, name: str) -> str:
    """Write `name`.eml, or `name`-2.eml… when that name holds another message (a state
    database moved aside numbers its digests from 1 again): a file there is never replaced."""
    path = outbox / f"{name}.eml"
    # One name aside per digest, not per process: what a run killed while writing left there
    # is cleared by the next delivery of the same digest.
    tmp = outbox / f".{name}.tmp"
    try:
        outbox.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        for n in range(1, MAX_NAMES + 1):
            path = outbox / (f"{name}.eml" if n == 1 else f"{name}-{n}.eml")
            try:
                if path.read_bytes() == message:
                    return str(path)  # delivered before a crash kept us from marking it
                continue  # another digest's file
            except FileNotFoundError:
                pass
            if _create(path, message, tmp):
                return str(path)
    except OSError as exc:
        raise DeliveryError(
            f"cannot write the digest: {exc.strerror}",
            where=str(path),
            hint="check the state folder's permissions and free space",
        ) from exc
    raise DeliveryError(
        f"{MAX_NAMES} files named {name}*.eml are there already",
        where=str(outbox),
        hint="move the old digests out of the outbox",
    )


def _create(path: Path, message: bytes, tmp: Path) -> bool:
    """Put `message` at `path` whole, unless a file is there (then False): written aside and
    hard-linked in, so that a reader never sees half a message and nothing is replaced."""
    tmp.write_bytes(message)
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links: exclusive create, which never replaces either.
        try:
            with path.open("xb") as file:
                file.write(message)
        except FileExistsError:
            return False
    finally:
        tmp.unlink(missing_ok=True)
    return True


def _by_smtp(
    message: bytes, delivery: Delivery, accepted: Callable[[str], None] | None = None
) -> str:
    # Imported here, not at the top: only SMTP delivery needs it, and every pass (fetch-only
    # ones too) imports this module; smtplib and its email modules are ~6 ms of start-up.
    import smtplib

    settings = delivery.smtp
    if settings is None:  # the watchlist validator refuses this; keep mypy and users safe
        raise DeliveryError("delivery.method is smtp but delivery.smtp is missing")
    password = _password(settings)
    where = f"smtp://{settings.host}:{settings.port}"
    msg = message_from_bytes(message, policy=policy.SMTP)
    sending = False
    try:
        client: smtplib.SMTP
        if settings.ssl:
            client = smtplib.SMTP_SSL(
                settings.host,
                settings.port,
                timeout=settings.timeout,
                context=ssl.create_default_context(),
            )
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        try:
            if settings.starttls and not settings.ssl:
                client.starttls(context=ssl.create_default_context())
            if settings.username and password is not None:
                client.login(settings.username, password)
            sending = True
            refused = client.send_message(msg)
        except BaseException:
            client.close()
            raise
    except (OSError, smtplib.SMTPException) as exc:
        # A server that answered with an error did not take the message; a connection that
        # dropped or timed out mid-conversation may have delivered it.
        dropped = isinstance(exc, smtplib.SMTPServerDisconnected | TimeoutError)
        raise DeliveryError(
            f"SMTP delivery failed: {exc or type(exc).__name__}",
            where=where,
            hint="the digest stays pending and is retried by the next run",
            uncertain=sending and dropped,
        ) from exc
    note = f"; refused: {', '.join(refused)}" if refused else ""
    # Some recipients accepted it: sending again would give them a second copy.
    location = f"{where} ({msg['Message-ID']}{note})"
    try:
        if accepted is not None:
            accepted(location)  # before QUIT: its round trip is no part of the window
    finally:
        with suppress(OSError, smtplib.SMTPException):
            client.quit()
        client.close()
    return location


def _password(settings: SmtpSettings) -> str | None:
    """The password from the environment variable the watchlist names (None when it names
    none); DeliveryError, before any connection, when it is unset or the login is not ASCII."""
    where = f"smtp://{settings.host}:{settings.port}"
    password = None
    if settings.password_env:
        password = os.environ.get(settings.password_env)
        if password is None:
            raise DeliveryError(
                f"the environment variable {settings.password_env} is not set",
                where=where,
                hint=f"export {settings.password_env}=... before running monitor",
            )
    for what, value in (("username", settings.username), (settings.password_env, password)):
        if value is not None and not value.isascii():
            # smtplib's AUTH sends ASCII only; failing here is certain and before any connection.
            raise DeliveryError(
                f"the SMTP {what if what == 'username' else 'password in ' + str(what)} has"
                " characters other than ASCII, which SMTP login cannot carry",
                where=where,
                hint="use an ASCII password (an app password from the mail provider works)",
            )
    return password
