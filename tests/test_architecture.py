"""Import rules from STYLE.md: stages import only the stages below them, and only fetching,
store and report.deliver touch the outside world."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "monitor"

# The flow, bottom to top: a stage may import the stages before it, never those after it.
STAGES = ("config", "fetching", "pages", "figures", "store", "report")
# importable by all (monitor.native: whether a package's compiled modules are current)
BASE = {"monitor", "monitor.models", "monitor.errors", "monitor.units", "monitor.native"}
# the run on top: may import anything
RUN = {
    "pipeline",
    "worker",  # one source's work in a pass (from pipeline)
    "dispatch",  # the digest's side of a pass: build when due, deliver (from pipeline)
    "daemon",
    "demo",
    "demo_replay",  # `monitor demo`: the replay of the sample site's timeline (from demo)
    "probe",
    "cli",
    "cli_args",  # the command line's parser and what its global options name (from cli)
    "cli_run",  # the run, daemon and demo commands (from cli)
    "cli_try",  # the try command (from cli)
    "cli_status",  # the status command (from cli)
    "cli_figures",  # the history, reject and accept commands (from cli)
    "cli_out",
    "cli_terminal",
    "__main__",
}

# module (or package prefix) → the only monitor modules (dotted, or a stage with a dot) allowed
# to import it at run time
OWNERS = {
    "httpx": {"fetching."},  # HTTP lives in the fetching stage
    "socket": {"fetching."},  # the address guard resolves hosts
    "sqlite3": {"store."},
    "smtplib": {"report.deliver"},
    "apprise": {"report.channels"},  # chat channels: Apprise speaks HTTP to the chat services
    "http.server": {"demo"},
    "subprocess": set(),
}
FORBIDDEN_NAMES = {"utils", "helpers", "common", "manager"}
# the CLI, which owns stdout: main and the modules holding its commands' output
CLI_COMMANDS = {"cli", "cli_out", "cli_run", "cli_try", "cli_status", "cli_figures"}

MODULES = sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    """monitor/figures/reader.py → figures.reader; monitor/figures/__init__.py → figures."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts) or "__init__"


IDS = [_name(p) for p in MODULES]


def _imports(tree: ast.Module, *, runtime: bool) -> set[str]:
    """Every module `tree` imports, in functions too; `runtime` leaves out TYPE_CHECKING blocks.
    `from monitor import x` counts as `monitor.x` when x is a module or a stage."""
    skipped: set[int] = set()
    if runtime:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skipped.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            if node.module == "monitor":  # `from monitor import figures` imports monitor.figures
                names.update(f"monitor.{a.name}" for a in node.names if _is_module(a.name))
        elif isinstance(node, ast.Call) and _names_module(node):
            names.add(node.args[0].value)  # importlib.import_module("monitor.figures.units")
    return names


def _names_module(call: ast.Call) -> bool:
    """An import_module call whose module is written out as a string."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return (
        name in {"import_module", "__import__"}
        and bool(call.args)
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
    )


def _is_module(name: str) -> bool:
    return (PACKAGE / f"{name}.py").is_file() or (PACKAGE / name).is_dir()


def _stage(module: str) -> str | None:
    """The stage a dotted name inside the package belongs to (figures.reader → figures)."""
    first = module.split(".")[0]
    return first if first in STAGES else None


def upward_imports(name: str, source: str) -> list[str]:
    """The monitor modules that module `name` (e.g. "pages.extract") imports against the flow."""
    stage = _stage(name)
    if name in RUN or name == "__init__":
        return []
    allowed = set(STAGES[: STAGES.index(stage) + 1]) if stage else set()
    wrong = []
    for imported in sorted(_imports(ast.parse(source), runtime=False)):
        if imported in BASE or not imported.startswith("monitor."):
            continue
        inner = imported.removeprefix("monitor.")
        target = _stage(inner)
        if target is None and inner.split(".")[0] in {"models", "errors", "units"}:
            continue
        if target not in allowed:
            wrong.append(imported)
    return wrong


def outside_world(name: str, source: str) -> list[str]:
    """The outside-world modules that module `name` imports at run time without owning them."""
    imports = _imports(ast.parse(source), runtime=True)
    wrong = []
    for module, owners in OWNERS.items():
        touches = any(i == module or i.startswith(module + ".") for i in imports)
        owns = any(name == o or (o.endswith(".") and name.startswith(o)) for o in owners)
        if touches and not owns:
            wrong.append(module)
    return wrong


@pytest.mark.parametrize("path", MODULES, ids=IDS)
def test_a_stage_imports_only_the_stages_below_it(path: Path) -> None:
    assert upward_imports(_name(path), path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", MODULES, ids=IDS)
def test_outside_world_is_touched_only_at_the_edges(path: Path) -> None:
    assert outside_world(_name(path), path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("name", "source", "wrong"),
    [
        ("config.watchlist", "from monitor.store import Store", ["monitor.store"]),
        ("pages.extract", "def f():\n    from monitor import figures", ["monitor.figures"]),
        ("figures.reader", "import monitor.report.digest", ["monitor.report.digest"]),
        ("models", "from monitor.config import watchlist", ["monitor.config"]),
        ("report.digest", "from monitor.store.state import Store", []),
        ("figures.reader", "from monitor.figures import units\nfrom monitor import models", []),
        (
            "config.watchlist_values",
            'def f():\n    importlib.import_module("monitor.figures.numerals")',
            ["monitor.figures.numerals"],
        ),
        ("config.watchlist_values", "from monitor.units import normalise", []),
        ("pipeline", "from monitor.report import digest", []),
    ],
)
def test_the_flow_rule_catches_an_upward_import(name: str, source: str, wrong: list[str]) -> None:
    assert upward_imports(name, source) == wrong


@pytest.mark.parametrize(
    ("name", "source", "wrong"),
    [
        ("pages.extract", "import httpx", ["httpx"]),
        ("report.digest", "import smtplib", ["smtplib"]),
        ("figures.reader", "def f():\n    import sqlite3", ["sqlite3"]),
        ("store.lock", "from http.server import HTTPServer", ["http.server"]),
        ("fetching.body", "import httpx", []),
        ("report.deliver", "import smtplib", []),
        ("pipeline", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import httpx", []),
    ],
)
def test_the_owners_rule_catches_a_stray_import(name: str, source: str, wrong: list[str]) -> None:
    assert outside_world(name, source) == wrong


@pytest.mark.parametrize("path", MODULES, ids=IDS)
def test_only_the_cli_prints(path: Path) -> None:
    if path.stem in CLI_COMMANDS:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert not any(isinstance(c.func, ast.Name) and c.func.id == "print" for c in calls)


def test_module_names_read_as_the_flow() -> None:
    assert not {p.stem for p in MODULES} & FORBIDDEN_NAMES
    assert not {p.name for p in PACKAGE.iterdir() if p.is_dir()} & FORBIDDEN_NAMES


def test_each_stage_is_a_package() -> None:
    assert {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()} == set(STAGES)


@pytest.mark.parametrize("path", MODULES, ids=IDS)
def test_every_module_says_what_it_does(path: Path) -> None:
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))


# Size: a function past MAX_FUNCTION_LINES or a module past MAX_MODULE_LINES is a prompt to split
# it along its seams (STYLE.md). A function's lines run from its `def` to its last line.
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400
# Today's offenders, each being split by its owner: remove an entry when it is split (the test
# below fails while a split one is still listed), never add one.
LONG_FUNCTIONS: set[str] = set()
LONG_MODULES: set[str] = set()


def long_functions(name: str, source: str, most: int = MAX_FUNCTION_LINES) -> dict[str, int]:
    """Each function (and method, nested ones too) of `source` longer than `most` lines, named
    `module:Class.function`, with its length."""
    found: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                qualified = f"{prefix}{child.name}"
                length = (child.end_lineno or child.lineno) - child.lineno + 1
                if not isinstance(child, ast.ClassDef) and length > most:
                    found[f"{name}:{qualified}"] = length
                visit(child, qualified + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return found


def _sizes() -> tuple[dict[str, int], dict[str, int]]:
    functions: dict[str, int] = {}
    modules: dict[str, int] = {}
    for path in MODULES:
        source = path.read_text(encoding="utf-8")
        functions.update(long_functions(_name(path), source))
        if (lines := len(source.splitlines())) > MAX_MODULE_LINES:
            modules[_name(path)] = lines
    return functions, modules


def test_functions_and_modules_stay_short() -> None:
    functions, modules = _sizes()
    assert {f: n for f, n in functions.items() if f not in LONG_FUNCTIONS} == {}, (
        f"split these along their seams (at most {MAX_FUNCTION_LINES} lines a function)"
    )
    assert {m: n for m, n in modules.items() if m not in LONG_MODULES} == {}, (
        f"split these modules along their seams (at most {MAX_MODULE_LINES} lines)"
    )


def test_the_allow_list_only_shrinks() -> None:
    functions, modules = _sizes()
    assert LONG_FUNCTIONS - set(functions) == set(), "short now: remove from LONG_FUNCTIONS"
    assert LONG_MODULES - set(modules) == set(), "short now: remove from LONG_MODULES"


def test_the_size_rule_catches_a_long_method() -> None:
    body = "\n".join(f"        x = {i}" for i in range(60))
    source = f"class A:\n    def short(self):\n        pass\n\n    def long(self):\n{body}\n"
    assert long_functions("stage.module", source) == {"stage.module:A.long": 61}
    assert long_functions("stage.module", source, most=61) == {}
