"""The modules of a package compiled to C by mypyc (`scripts/native`: the figure-reading ones
and extraction's), used only while they are the build of the sources beside them.

`scripts/native` compiles a package's modules into extension modules next to their sources
and writes a stamp (`_native.json`): each source's size, modification time and SHA-256 at the
build. Python prefers an extension module to a source of the same name, so a source edited
after the build would be shadowed by its old code; `use_sources_if_stale` (called as the
package is imported, before any of its modules) then has the package's modules loaded from
their sources instead, all of them, and it works as it would without the build, only slower.
A build for another interpreter (its file names carry the interpreter's tag) is never loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.machinery import (
    BYTECODE_SUFFIXES,
    EXTENSION_SUFFIXES,
    SOURCE_SUFFIXES,
    FileFinder,
    SourceFileLoader,
    SourcelessFileLoader,
)
from pathlib import Path
from typing import Any

STAMP = "_native.json"


def stamp(folder: Path, modules: list[str]) -> dict[str, Any]:
    """What `scripts/native` records of the sources it compiled: per module, the size, the
    modification time (ns) and the SHA-256 of its source."""
    sources: dict[str, list[Any]] = {}
    for name in modules:
        path = folder / f"{name}.py"
        st = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        sources[name] = [st.st_size, st.st_mtime_ns, digest]
    return {"tag": sys.implementation.cache_tag, "sources": sources}


def compiled(folder: Path) -> list[str]:
    """The modules of `folder` with an extension module this interpreter would load."""
    files = set(os.listdir(folder))
    found = {f[: -len(s)] for f in files for s in EXTENSION_SUFFIXES if f.endswith(s)}
    return sorted(n for n in found if f"{n}.py" in files)


def current(folder: Path) -> bool:
    """Whether every compiled module of `folder` is the build of its source as it is now: the
    stamp names it, for this interpreter, with the source's size and either its modification
    time or, when that changed (a checkout, an editor's save of the same text), its SHA-256."""
    names = compiled(folder)
    if not names:
        return True  # nothing compiled: the sources are read as always
    try:
        recorded = json.loads((folder / STAMP).read_text(encoding="utf-8"))
        sources = recorded["sources"]
        if recorded["tag"] != sys.implementation.cache_tag:
            return False
        for name in names:
            size, mtime, digest = sources[name]
            source = os.path.join(folder, f"{name}.py")
            st = os.stat(source)
            if st.st_size != size:
                return False
            if st.st_mtime_ns != mtime:
                with open(source, "rb") as f:
                    if hashlib.sha256(f.read()).hexdigest() != digest:
                        return False
    except (OSError, ValueError, KeyError, TypeError):
        return False  # no stamp, or not one of ours: the build is not known to be current
    return True


def use_sources_if_stale(path: list[str]) -> bool:
    """Have the package whose `__path__` is `path` load its modules from their sources when its
    compiled modules are not the build of them (see `current`); True when they are used."""
    used = False
    for entry in path:
        folder = Path(entry)
        if current(folder):
            used = used or bool(compiled(folder))
            continue
        # the finder the import system keeps for this folder, with no loader for extensions
        sys.path_importer_cache[entry] = FileFinder(
            entry,
            (SourceFileLoader, SOURCE_SUFFIXES),
            (SourcelessFileLoader, BYTECODE_SUFFIXES),
        )
    return used
