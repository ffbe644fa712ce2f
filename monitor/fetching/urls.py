"""URLs as the fetcher reads them: `parse_url(url) -> Target`, quickly for the plain URLs a pass
meets and through httpx.URL for the rest, and the port a target connects to."""

from __future__ import annotations

import re

import httpx

from monitor.errors import FetchError

# A URL httpx would leave exactly as written: lower-case scheme and host, a port that is not
# the default, only characters that need no quoting, no dot segments. Such a URL (nearly every
# one a pass meets) is split by this pattern; any other goes through httpx.URL's normalising
# parser, ~15-40 µs a URL.
_PLAIN_URL = re.compile(
    r"(https?)://([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::([1-9][0-9]{0,4}))?"
    r"((?:/(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})*)*)"
    r"(\?(?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*)?"
)
_DOT_SEGMENT = re.compile(r"/\.\.?(?:/|\?|$)")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class Target:
    """A URL to fetch, split as the transport and the checks read it (a subset of httpx.URL)."""

    __slots__ = ("host", "netloc", "port", "raw_host", "raw_path", "raw_scheme", "scheme", "text")

    def __init__(
        self, text: str, scheme: str, host: str, raw_host: bytes, port: int | None, netloc: bytes
    ) -> None:
        self.text, self.scheme, self.raw_scheme = text, scheme, scheme.encode("ascii")
        self.host, self.raw_host, self.port, self.netloc = host, raw_host, port, netloc
        self.raw_path = b"/"

    def __str__(self) -> str:
        return self.text


def parse_url(url: str) -> Target:
    """`url` split for fetching; a FetchError when it is no http(s) URL with a host."""
    plain = _PLAIN_URL.fullmatch(url)
    # httpx shows an IDNA host ("xn--...") decoded: those take the slow path.
    if plain is not None and not _DOT_SEGMENT.search(url, plain.start(4)) and "xn--" not in url:
        scheme, host, port_text, path, query = plain.groups()
        port = int(port_text) if port_text else None
        if port is None or (port <= 65535 and port != _DEFAULT_PORTS[scheme]):
            raw_host = host.encode("ascii")
            netloc = raw_host if port is None else b"%s:%d" % (raw_host, port)
            target = Target(url, scheme, host, raw_host, port, netloc)
            target.raw_path = ((path or "/") + (query or "")).encode("ascii")
            return target
    try:
        parsed = httpx.URL(url)
        host = parsed.host  # decodes an IDNA host, which may fail
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(f"not a valid URL: {exc}", url=url) from None
    if parsed.scheme not in ("http", "https") or not host:
        raise FetchError("only http:// and https:// URLs with a host can be fetched", url=url)
    target = Target(str(parsed), parsed.scheme, host, parsed.raw_host, parsed.port, parsed.netloc)
    target.raw_path = parsed.raw_path
    return target


def port_of(target: Target) -> int:
    return target.port or (443 if target.scheme == "https" else 80)
