"""A validated watchlist kept as plain JSON data between runs, and the fingerprint of the code
that validated it: `dumps(wl)`, `loads(data)` (None for anything it cannot read back) and
`validator_version()`, which changes whenever the validator's code does.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.util
import json
import os
import sys
import types
import typing
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from monitor import models, units
from monitor.models import Watchlist

# What decides whether a watchlist is valid and what it reads as: this stage's code, the records
# it builds, the spelling of units, and the libraries whose answers it takes (YAML, cron, CSS
# selectors).
_CODE = (Path(__file__).parent, Path(models.__file__), Path(units.__file__))
_LIBRARIES = ("yaml", "apscheduler", "selectolax")


@functools.cache
def validator_version() -> str:
    """A hash of the validator's source files, Python's version and the libraries' installed
    files (a library upgraded in place changes them)."""
    digest = hashlib.sha256(sys.version.encode())
    for place in _CODE:
        for path in sorted(place.glob("*.py")) if place.is_dir() else [place]:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _LIBRARIES:
        digest.update(f"{name}\0{_installed(name)}\0".encode())
    return digest.hexdigest()


def _installed(module: str) -> str:
    """Where a library's package is and its __init__'s size and time: found without importing
    it (importlib.metadata alone would add 15 ms and 3 MB to a run that hits the cache)."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return "-"
    try:
        st = os.stat(spec.origin)
    except OSError:
        return spec.origin
    return f"{spec.origin}\0{st.st_size}\0{st.st_mtime_ns}"


def dumps(wl: Watchlist) -> bytes:
    return json.dumps(_plain(wl), ensure_ascii=False, separators=(",", ":")).encode()


def loads(data: bytes) -> Watchlist | None:
    """The watchlist `dumps` wrote, or None when `data` is not one (from another version)."""
    read = _reader(Watchlist)
    assert read is not None
    try:
        found = read(json.loads(data))
    except (ValueError, TypeError, KeyError, InvalidOperation):
        return None
    return found if isinstance(found, Watchlist) else None


# Each type's field names (None: not a record), found once: a 2000-source watchlist has 32,000
# values, and asking dataclasses about each one was most of the time `dumps` took.
_FIELDS: dict[type, tuple[str, ...] | None] = {}
_SCALARS = frozenset({bool, int, float, str, type(None)})


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind not in _FIELDS:
        record = dataclasses.is_dataclass(value) and not isinstance(value, type)
        _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value)) if record else None
    names = _FIELDS[kind]
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    match value:
        case bool() | int() | float() | str() | None:
            return value
        case tuple():
            return [_plain(item) for item in value]
        case Decimal() | Path():
            return str(value)
        case date():
            return value.isoformat()
        case timedelta():
            return [value.days, value.seconds, value.microseconds]
        case ZoneInfo():
            return value.key
    raise TypeError(f"cannot keep a {type(value).__name__} as plain data")


@functools.cache
def _reader(kind: Any) -> Callable[[Any], Any] | None:
    """A function that rebuilds a value of type `kind` from its plain form; None where the plain
    form is the value (text, numbers, true/false, a closed set's word)."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _record_reader(kind)
    if origin in (types.UnionType, typing.Union):
        (inner,) = [a for a in args if a is not type(None)]
        some = _reader(inner)
        return None if some is None else _or_none(some)
    if origin is tuple:
        item = _reader(args[0])
        return tuple if item is None else lambda data: tuple(item(one) for one in data)
    if origin is typing.Literal or kind in (str, bool, int):
        return None
    rebuild: dict[Any, Callable[[Any], Any]] = {
        float: float,
        Decimal: Decimal,
        date: date.fromisoformat,
        timedelta: lambda data: timedelta(*data),
        Path: Path,
        ZoneInfo: ZoneInfo,
    }
    return rebuild[kind]


def _record_reader(kind: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(kind)
    names = {f.name for f in dataclasses.fields(kind) if f.init}
    rebuilt = [(name, read) for name in names if (read := _reader(hints[name]))]

    def record(data: Any) -> Any:
        if not isinstance(data, dict) or data.keys() != names:
            raise KeyError(f"the fields of {kind.__name__} differ")
        made: Any = object.__new__(kind)
        # Fields set as pickle sets them: a frozen dataclass's __init__ goes through
        # object.__setattr__ for each one, which made a 2000-source watchlist 15x slower.
        made.__dict__.update(data)
        for name, read in rebuilt:
            made.__dict__[name] = read(data[name])
        return made

    return record


def _or_none(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda data: None if data is None else read(data)
