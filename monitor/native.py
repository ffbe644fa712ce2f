"""The modules of a package compiled to C by mypyc (`scripts/native`: the figure-reading ones
and extraction's), used only while they are the build of the sources beside them.

`scripts/native` compiles a package's modules into extension modules next to their sources
and writes a stamp (`_native.json`): each source's size, modification time and SHA-256 at the
build. Python prefers an extension module to a source of the same name, so a source edited
after the build would be shadowed by its old code; `use_sources_if_stale` (called as the
package is imported, before any of its modules) then has the package's modules loaded from
their sources instead, all of them, and it works as it would without the build, only slower.
A build for another interpreter (its file names carry the interpreter's tag) is never loaded.

The build also holds the regular expressions a run compiles at its start (`_patterns.marshal`
beside this module): compiling them (~720 patterns, ~0.19 s of CPU: the reading modules' at
import and on their first page, the commands') was what the reading workers' zygote waited on
before the first page could be read. `use_patterns` (monitor/__init__.py) has `re` make those
patterns from the code it compiled them to at the build: the same code, so the same pattern
objects, keyed by the pattern's text and flags, for this very interpreter only; any other
pattern is compiled as always. `record_patterns` makes the file (scripts/native).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import marshal
import os
import sys
from array import array
from collections.abc import Callable
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
PATTERNS = Path(__file__).with_name("_patterns.marshal")


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


# --- the patterns compiled at the build ----------------------------------------------------


def _interpreter() -> tuple[str, int, int]:
    """What a pattern's compiled code depends on besides its text and flags."""
    sre: Any = importlib.import_module("_sre")
    return sys.version, sre.MAGIC, sre.CODESIZE


def use_patterns(path: Path = PATTERNS) -> int:
    """Have `re` make the patterns recorded in `path` from their recorded code instead of
    compiling them (their text and flags the key); how many the file holds, 0 when it is
    missing or was made by another interpreter."""
    try:
        with open(path, "rb") as f:
            made_by, recorded = marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        return 0
    if tuple(made_by) != _interpreter() or not isinstance(recorded, dict):
        return 0
    compiler: Any = importlib.import_module("re._compiler")
    known = getattr(compiler.compile, "recorded", None)
    if known is not None:  # in use already: these join them
        known.update(recorded)
        return len(recorded)
    sre: Any = importlib.import_module("_sre")
    compile_ = compiler.compile

    def from_code(pattern: Any, flags: int = 0) -> Any:
        entry = recorded.get((pattern, int(flags)))
        if entry is None:
            return compile_(pattern, flags)
        try:
            made_flags, code, groups, groupindex, indexgroup = entry
            return sre.compile(
                pattern, made_flags, array(_CODE, code).tolist(), groups, groupindex, indexgroup
            )
        except (TypeError, ValueError, RuntimeError):  # a damaged entry (_sre checks the code)
            return compile_(pattern, flags)

    from_code.recorded = recorded  # type: ignore[attr-defined]
    compiler.compile = from_code
    return len(recorded)


# the array type of re's code words (_sre.CODESIZE bytes each)
_CODE = next(t for t in "IL" if array(t).itemsize == 4)


def record_patterns(work: Callable[[], object], path: Path = PATTERNS) -> int:
    """Run `work` and write every pattern `re` compiled meanwhile to `path`, with the code it
    compiled it to (what `_sre.compile` was given); how many. In a process whose `re` has
    compiled none of them yet (its cache would answer without compiling)."""
    compiler: Any = importlib.import_module("re._compiler")
    sre, compile_ = compiler._sre, compiler.compile
    recorded: dict[tuple[Any, int], tuple[Any, ...]] = {}
    made: list[tuple[Any, ...]] = []  # what the compile under way handed _sre

    class Recorder:  # _sre as re._compiler sees it, noting what compile() hands it
        def __getattr__(self, name: str) -> Any:
            return getattr(sre, name)

        @staticmethod
        def compile(pattern: Any, flags: int, code: list[int], *rest: Any) -> Any:
            groups, groupindex, indexgroup = rest
            words = array(_CODE, [int(word) for word in code]).tobytes()
            made.append((int(flags), words, int(groups), dict(groupindex), tuple(indexgroup)))
            return sre.compile(pattern, flags, code, *rest)

    def noted(pattern: Any, flags: int = 0) -> Any:
        made.clear()
        compiled_ = compile_(pattern, flags)
        if made and isinstance(pattern, (str, bytes)) and not flags & compiler.SRE_FLAG_DEBUG:
            recorded[(pattern, int(flags))] = made[-1]  # keyed by the flags asked for
        return compiled_

    compiler._sre, compiler.compile = Recorder(), noted
    try:
        work()
    finally:
        compiler._sre, compiler.compile = sre, compile_
    temp = path.with_suffix(".tmp")
    temp.write_bytes(marshal.dumps((_interpreter(), recorded)))
    temp.replace(path)
    return len(recorded)
