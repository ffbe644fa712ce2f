"""Figures: read the quantities in an article's sentences (501个, 4.37万亿元, 近3万名) and, for
each target the sentence names, the figures it states, each marked as a pledge or achieved;
the reading workers do this for a pass in other processes."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from monitor.native import use_sources_if_stale

# The modules compiled by scripts/native, if any, while they are the build of their sources
NATIVE = use_sources_if_stale(__path__)

if TYPE_CHECKING:
    from monitor.figures.numerals import find_quantities, parse_quantity
    from monitor.figures.reader import find_figures
    from monitor.figures.readers import Readers
    from monitor.figures.reading import Reading
    from monitor.figures.units import convert, normalise

__all__ = [
    "Readers",
    "Reading",
    "convert",
    "find_figures",
    "find_quantities",
    "normalise",
    "parse_quantity",
]

_HOMES = {
    "Readers": "readers",
    "Reading": "reading",
    "convert": "units",
    "find_figures": "reader",
    "find_quantities": "numerals",
    "normalise": "units",
    "parse_quantity": "numerals",
}


def __getattr__(name: str) -> Any:
    # Verbs load on first use, so importing the stage costs nothing until one is called.
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
