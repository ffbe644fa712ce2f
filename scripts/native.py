"""Compile the reading modules (monitor/figures, monitor/pages) to C with mypyc, in place, or
remove that build: `scripts/native [--clean]`.

Reading is pure Python spread over ~60 small functions (bench/README.md); mypyc compiles the
same typed sources (mypy --strict already holds) into extension modules that Python prefers to
them, which read the same figures in about half the CPU time (`bench/bench_figures.py`), and
extract the same articles in less. Each package is built apart (a shared library of its own:
a compiled module calls those of its package directly) with a stamp of the sources it was made
from; a source changed since has its package read from its sources again (monitor/native.py).
Needs mypy (the test extra) and a C compiler with the interpreter's headers.

The build ends with the patterns a run compiles at its start (monitor/_patterns.marshal, see
monitor/native.py), recorded in a fresh interpreter: the commands' imports, the reading
modules' and the zygote's first page.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.native import PATTERNS, STAMP, compiled, current, record_patterns, stamp  # noqa: E402

# Each package compiled, with the modules left as sources: the package's start (its lazy
# verbs); in figures the worker plumbing (processes, pipes, the zygote), whose time is the
# system's, not Python's; in pages the browser's rendering (playwright), which waits on it.
PACKAGES = {
    "figures": {"__init__", "readers", "workers", "zygote", "reading"},
    "pages": {"__init__", "scripted"},
}


def folder(package: str) -> Path:
    return ROOT / "monitor" / package


def modules(package: str) -> list[str]:
    left = PACKAGES[package]
    return sorted(p.stem for p in folder(package).glob("*.py") if p.stem not in left)


def clean(package: str) -> int:
    """Remove the package's extension modules and its stamp; returns how many modules."""
    gone = 0
    for suffix in EXTENSION_SUFFIXES:
        for path in folder(package).glob(f"*{suffix}"):
            path.unlink()
            gone += 1
    (folder(package) / STAMP).unlink(missing_ok=True)
    return gone


def build(package: str) -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    names = modules(package)
    if compiled(folder(package)) == names and current(folder(package)):
        print(f"scripts/native: monitor/{package} is built from its sources as they are")
        return
    before = stamp(folder(package), names)
    clean(package)
    os.chdir(ROOT)  # mypycify takes paths relative to the project and writes to build/
    temp = f"build/native/{package}"
    setup(
        name=f"monitor-native-{package}",
        ext_modules=mypycify(
            [f"monitor/{package}/{n}.py" for n in names],
            opt_level="3",
            group_name=f"monitor.{package}._native",  # its shared library, inside the package
            target_dir=temp,
        ),
        script_args=["-q", "build_ext", "--inplace", "--build-temp", temp],
    )
    if stamp(folder(package), names) != before:
        clean(package)
        raise SystemExit(f"scripts/native: a source of {package} changed meanwhile; run it again")
    (folder(package) / STAMP).write_text(json.dumps(before, indent=0), encoding="utf-8")
    shutil.rmtree(ROOT / temp, ignore_errors=True)
    print(f"scripts/native: {len(compiled(folder(package)))} modules of monitor/{package} compiled")


def _run_start() -> None:
    """What a run compiles before and as it reads its first page (in a fresh interpreter)."""
    # the commands, the pass's own modules, reading as the zygote imports it
    import monitor.cli
    import monitor.pipeline  # noqa: F401
    from monitor.figures import tables, zygote  # noqa: F401
    from monitor.pages import extract  # noqa: F401

    zygote._warm_up()  # its first page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true", help="remove the build")
    parser.add_argument("--record-patterns", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.record_patterns:  # the child below: nothing recorded may be in re's cache yet
        print(f"scripts/native: {record_patterns(_run_start)} patterns recorded in {PATTERNS.name}")
        return
    for package in PACKAGES:
        if args.clean:
            print(f"scripts/native: {clean(package)} extension modules of {package} removed")
        else:
            build(package)
    PATTERNS.unlink(missing_ok=True)  # (a child would take its patterns from it)
    if not args.clean:
        subprocess.run([sys.executable, __file__, "--record-patterns"], check=True)


if __name__ == "__main__":
    main()
