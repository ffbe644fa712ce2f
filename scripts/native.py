"""Compile the figure-reading modules (monitor/figures) to C with mypyc, in place, or remove
that build: `scripts/native [--clean]`.

Reading is pure Python spread over ~60 small functions (bench/README.md); mypyc compiles the
same typed sources (mypy --strict already holds) into extension modules that Python prefers to
them, which read the same figures in about half the CPU time (`bench/bench_figures.py`). The
build is a stamp of the sources it was made from; a source changed since is read from its
source again, with all the others (monitor/figures/native.py). Needs mypy (the test extra)
and a C compiler with the interpreter's headers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "monitor" / "figures"
sys.path.insert(0, str(ROOT))

from monitor.figures.native import STAMP, compiled, stamp  # noqa: E402

# Not compiled: the package's own start (its lazy verbs), this build's check, and the worker
# plumbing (processes, pipes, the zygote), whose time is the system's, not Python's
LEFT_AS_SOURCE = {"__init__", "native", "readers", "workers", "zygote", "reading"}
GROUP = "monitor.figures._native"  # the compiled modules' shared library, inside the package


def modules() -> list[str]:
    return sorted(p.stem for p in FOLDER.glob("*.py") if p.stem not in LEFT_AS_SOURCE)


def clean() -> int:
    """Remove the extension modules of the package and the stamp; returns how many."""
    gone = 0
    for suffix in EXTENSION_SUFFIXES:
        for path in FOLDER.glob(f"*{suffix}"):
            path.unlink()
            gone += 1
    (FOLDER / STAMP).unlink(missing_ok=True)
    return gone


def build() -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    names = modules()
    before = stamp(FOLDER, names)
    clean()
    os.chdir(ROOT)  # mypycify takes paths relative to the project and writes to build/
    setup(
        name="monitor-native",
        ext_modules=mypycify(
            [f"monitor/figures/{n}.py" for n in names], opt_level="3", group_name=GROUP
        ),
        script_args=["-q", "build_ext", "--inplace", "--build-temp", "build/native"],
    )
    if stamp(FOLDER, names) != before:
        clean()
        raise SystemExit("scripts/native: a source changed while it compiled; run it again")
    (FOLDER / STAMP).write_text(json.dumps(before, indent=0), encoding="utf-8")
    shutil.rmtree(ROOT / "build" / "native", ignore_errors=True)
    print(f"scripts/native: {len(compiled(FOLDER))} modules of monitor/figures compiled")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true", help="remove the build")
    args = parser.parse_args()
    if args.clean:
        print(f"scripts/native: {clean()} extension modules removed")
    else:
        build()


if __name__ == "__main__":
    main()
