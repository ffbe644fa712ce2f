"""The watchlist's chat channels (`delivery.channels`) and its `report` section.

A channel's token never sits in the file: its URL holds `{secret}` where the token goes, and
`secret_env` names the environment variable that holds it. A URL that looks as if it carries a
token itself is refused, as an inline SMTP password is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from monitor.config import watchlist_values as check
from monitor.config import yamlfile
from monitor.config.keys import KEYS, Section
from monitor.models import Channel, ReportSettings

SECRET = "{secret}"
# Schemes whose URL is made of the token (a bot key, a webhook id): {secret} is required.
TOKEN_SCHEMES = frozenset(
    {
        "wecombot",
        "dingtalk",
        "feishu",
        "lark",
        "slack",
        "tgram",
        "discord",
        "msteams",
        "workflows",
        "pushover",
        "gotify",
        "gotifys",
        "ntfy",
        "ntfys",
        "mmost",
        "mmosts",
        "rocket",
        "rockets",
        "matrix",
        "matrixs",
    }
)
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*")
# Query keys that carry credentials, and anything long and random-looking: a token.
_SECRET_KEYS = frozenset(
    {"token", "key", "secret", "password", "pass", "apikey", "api_key", "access_token", "sign"}
)
_TOKENISH = re.compile(r"(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}")
_FIX = (
    "put the token in an environment variable, write {secret} in its place and name the"
    " variable with secret_env, like secret_env: MONITOR_WECOM_KEY"
)


def read_channels(delivery: Section) -> tuple[Channel, ...]:
    if "channels" not in delivery.node:
        return ()
    seq = delivery.node["channels"]
    if not isinstance(seq, yamlfile.LineList):
        delivery.report.add(
            delivery.line_of("channels"),
            "channels must be a list of channels, each like"
            " - {id: team, url: 'wecombot://{secret}', secret_env: MONITOR_WECOM_KEY},"
            f" not {check.show(seq)}",
        )
        return ()
    channels: list[Channel] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(seq):
        line = check.item_line(seq, index) or delivery.line_of("channels")
        if not isinstance(item, yamlfile.LineMap):
            delivery.report.add(
                line,
                f"channel #{index + 1} must be a mapping like - id: team, not {check.show(item)}",
            )
            continue
        ident_raw = item.get("id")
        where = f"channel '{ident_raw}'" if isinstance(ident_raw, str) else f"channel #{index + 1}"
        entry = Section(delivery.report, item, where, KEYS["channel"], line)
        ident = entry.require("id", check.ident, "give it a short id like team-wecom")
        url = entry.require("url", check.text, "add its Apprise URL, like wecombot://{secret}")
        secret_env = entry.get("secret_env", check.env_name)
        if ident is not None:
            if ident in seen:
                entry.report.add(
                    entry.line_of("id"),
                    f"duplicate channel id '{ident}' (first at line {seen[ident]}):"
                    " give each channel its own id",
                )
            seen.setdefault(ident, line)
        usable = url is not None and _url_ok(entry, url, secret_env, has_env="secret_env" in item)
        if usable and ident is not None and url is not None:
            channels.append(Channel(id=ident, url=url, secret_env=secret_env, line=line))
    return tuple(channels)


def _url_ok(entry: Section, url: str, secret_env: str | None, *, has_env: bool) -> bool:
    line = entry.line_of("url")
    scheme, sep, _ = url.partition("://")
    if not sep or not _SCHEME.fullmatch(scheme.lower()):
        entry.report.add(
            line,
            f"url must be an Apprise URL like wecombot://{{secret}} or json://host/path,"
            f" not {check.show(url)}{entry.suffix}",
        )
        return False
    bare = url.replace(SECRET, "")
    leak = _inline_secret(bare)
    if leak is not None:
        entry.report.add(line, f"url must not hold a token ({leak}): {_FIX}{entry.suffix}")
        return False
    if scheme.lower() in TOKEN_SCHEMES and SECRET not in url:
        entry.report.add(
            line,
            f"url of a {scheme}:// channel must take its token from the environment: {_FIX}"
            f"{entry.suffix}",
        )
        return False
    if SECRET in url and not has_env:
        entry.report.add(
            line,
            f"url has {{secret}} but secret_env is missing: name the environment variable"
            f" that holds the token, like secret_env: MONITOR_WECOM_KEY{entry.suffix}",
        )
        return False
    if secret_env is not None and SECRET not in url:
        entry.report.add(
            entry.line_of("secret_env"),
            f"secret_env {secret_env} is never used: write {{secret}} in the url where"
            f" the token goes{entry.suffix}",
        )
        return False
    return True


def _inline_secret(url: str) -> str | None:
    """What in the URL looks like a credential written into the file, if anything."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return None
    if password:
        return "a password after ':' in user:password@"
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in _SECRET_KEYS and value:
            return f"?{key}=…"
    for piece in [*parts.netloc.replace("@", "/").split("/"), *parts.path.split("/")]:
        if _TOKENISH.search(piece):
            return f"'{piece[:6]}…'"
    return None


def read_report(section: Section | None, watchlist_path: Path) -> ReportSettings:
    if section is None:
        return ReportSettings()
    url = section.get("url", _report_url)
    folder = section.get("dir", check.text)
    where = None
    if folder is not None:
        where = Path(folder).expanduser()
        if not where.is_absolute():
            where = watchlist_path.parent / where  # beside the watchlist, like state/
    return ReportSettings(url=url, dir=where)


def _report_url(value: Any) -> str:
    text = check.text(value)
    if not (text.startswith(("http://", "https://", "file://"))):
        raise check.Invalid(
            "must be the address where the report is published, like"
            f" https://intranet.example.org/monitor/; not {check.show(value)}"
        )
    return text
