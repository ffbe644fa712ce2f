"""Import rules from STYLE.md: only fetch, state and deliver touch the outside world."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "monitor"

# module (or package prefix) → the only modules allowed to import it at run time
OWNERS = {
    "httpx": {"fetch", "transport", "body"},  # HTTP lives in fetch and the two it splits off
    "sqlite3": {"state"},
    "smtplib": {"deliver"},
    "http.server": {"demo"},
    "socket": {"politeness"},  # the address guard resolves hosts
    "subprocess": set(),
}
FORBIDDEN_NAMES = {"utils", "helpers", "common", "manager"}


def _runtime_imports(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []  # imports for type checking only are not run
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


MODULES = sorted(PACKAGE.rglob("*.py"))
IDS = [str(p.relative_to(PACKAGE).with_suffix("")) for p in MODULES]


@pytest.mark.parametrize("path", MODULES, ids=IDS)
def test_outside_world_is_touched_only_at_the_edges(path: Path) -> None:
    imports = _runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
    for module, owners in OWNERS.items():
        if any(name == module or name.startswith(module + ".") for name in imports):
            assert path.stem in owners, f"{path.name} imports {module}; only {owners} may"


@pytest.mark.parametrize("path", MODULES, ids=IDS)
def test_only_the_cli_prints(path: Path) -> None:
    if path.stem == "cli":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert not any(isinstance(c.func, ast.Name) and c.func.id == "print" for c in calls)


def test_module_names_read_as_the_flow() -> None:
    assert not {p.stem for p in MODULES} & FORBIDDEN_NAMES
    assert not {p.name for p in PACKAGE.iterdir() if p.is_dir()} & FORBIDDEN_NAMES


@pytest.mark.parametrize("path", MODULES, ids=IDS)
def test_every_module_says_what_it_does(path: Path) -> None:
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
