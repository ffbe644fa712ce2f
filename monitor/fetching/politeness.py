"""Being a good guest: per-host pacing (`HostPace`) and the address guard (`AddressGuard`) that
keeps a pass off private, loopback and link-local addresses unless the source itself is on one.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable

from monitor.errors import FetchError

Resolved = list[tuple[str, str | None]]  # (address, kind of non-public address or None)


class HostPace:
    """Politeness state for one host: how many requests at a time and how far apart they start."""

    def __init__(self, concurrency: int, delay: float):
        self.slots = asyncio.Semaphore(max(1, concurrency))
        self.delay = max(0.0, delay)
        self.next_start = 0.0  # event-loop time before which no request may start

    async def turn(self) -> None:
        if not self.delay and not self.next_start:
            return  # no pacing asked for and no Retry-After pending: skip the clock
        # Reserve the next start time before sleeping, so that waiters queue up delay apart.
        now = asyncio.get_running_loop().time()
        start = max(now, self.next_start)
        self.next_start = start + self.delay
        if start > now:
            await asyncio.sleep(start - now)

    def defer(self, seconds: float) -> None:
        now = asyncio.get_running_loop().time()
        self.next_start = max(self.next_start, now + seconds)


Resolver = Callable[[str, int], Awaitable[list[str]]]  # host, port → its addresses


async def resolve_host(host: str, port: int) -> list[str]:
    """The addresses `host` has, as the system's resolver answers (hosts file, DNS)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class AddressGuard:
    """Resolves each host once per pass and refuses non-public addresses a source is not on.

    The transport connects to `addresses(host, port)`, the very addresses that were checked,
    and never asks the resolver again: a name cannot point elsewhere between the check and the
    connection (DNS rebinding).
    """

    def __init__(self, resolve_timeout: float, *, resolver: Resolver = resolve_host):
        self._timeout = resolve_timeout
        self._resolver = resolver
        self._cache: dict[tuple[str, int], Resolved] = {}
        # (host, port, source's host, source's port) already checked and allowed: resolutions
        # are cached for the pass, so the answer cannot change within it.
        self._allowed: set[tuple[str, int, str, int]] = set()
        self._checked: set[tuple[str, int]] = set()  # hosts allowed for at least one source

    async def check(self, host: str, port: int, url: str, *, source: tuple[str, int, str]) -> None:
        """Raise FetchError if `host` is at a kind of non-public address `source` is not at."""
        key = (host, port, source[0], source[1])
        if key in self._allowed:
            return
        allowed = {kind for _, kind in await self.resolve(*source)}
        for address, kind in await self.resolve(host, port, url):
            if kind is not None and kind not in allowed:
                raise FetchError(
                    f"refused: {host} is at {address}, a {kind} address",
                    url=url,
                    hint="monitor reaches non-public addresses only for a source that is on one",
                )
        self._allowed.add(key)
        self._checked.add((host, port))

    async def addresses(self, host: str, port: int) -> list[str]:
        """The addresses `check` allowed for `host`, to connect to; an OSError for a host that
        was not checked (the transport was asked for a URL the Fetcher did not send)."""
        if (host, port) not in self._checked:
            raise OSError(f"{host}:{port} was not checked by the address guard")
        return [address for address, _ in self._cache[(host, port)]]

    async def resolve(self, host: str, port: int, url: str) -> Resolved:
        key = (host, port)
        if key not in self._cache:
            try:
                addresses = [str(ipaddress.ip_address(host))]
            except ValueError:
                try:
                    # Bounded like a connect: a dead resolver must not hold the pass.
                    async with asyncio.timeout(self._timeout):
                        # In the resolver's order of preference, which connections follow.
                        addresses = list(dict.fromkeys(await self._resolver(host, port)))
                except (OSError, TimeoutError) as exc:
                    raise FetchError(
                        f"cannot resolve host {host}: {exc or 'timed out'}",
                        url=url,
                        hint="check the host name; DNS may be down",
                    ) from None
                if not addresses:
                    raise FetchError(f"host {host} has no address", url=url) from None
            self._cache[key] = [(a, address_kind(a)) for a in addresses]
        return self._cache[key]


def address_kind(address: str) -> str | None:
    """What kind of non-public address this is, or None for a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    # Order matters: 169.254/16 and 0.0.0.0 are also "private" in the ipaddress module.
    if ip.is_loopback:
        return "loopback"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private:
        return "private"
    if ip.is_reserved:
        return "reserved"
    if not ip.is_global:
        return "non-global"
    return None
