# Sourced by the scripts here: make .venv (once) and install monitor with the extras named in
# $EXTRAS into it, again only when pyproject.toml changed. Sets $PY.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MONITOR_VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
if [ ! -x "$PY" ]; then
  echo "creating $VENV" >&2
  "${MONITOR_PYTHON:-python3}" -m venv "$VENV"  # MONITOR_PYTHON: another interpreter (CI: 3.13)
  "$PY" -m pip install -q --upgrade pip >&2
fi
stamp="$VENV/.monitor-installed-${EXTRAS:-base}"
if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
  spec="$ROOT"
  [ -n "${EXTRAS:-}" ] && spec="$ROOT[$EXTRAS]"
  echo "installing monitor${EXTRAS:+[$EXTRAS]} into $VENV" >&2
  "$PY" -m pip install -q -e "$spec" >&2
  touch "$stamp"
fi
# An editable install compiles no bytecode, and where PYTHONDONTWRITEBYTECODE is set (as in some
# CI and sandbox shells) every run would compile each module again (~40 ms a start); compile
# what changed, as `pip install` of a wheel does. Quiet and quick when nothing changed.
"$PY" -m compileall -q "$ROOT/monitor" >/dev/null || true
