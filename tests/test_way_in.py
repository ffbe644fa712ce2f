"""A way in: `monitor init` writes a starter that passes `check`, with its schema and templates,
and replaces nothing; the docs ship in the package; `monitor schema` covers every key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.cli import main
from monitor.config.keys import KEYS
from monitor.config.schema import json_schema


def test_init_writes_a_starter_that_passes_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "news"
    assert main(["init", str(folder)]) == 0
    out = capsys.readouterr().out
    names = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert names == [
        ".gitignore",
        "templates/digest.html.j2",
        "templates/digest.txt.j2",
        "watchlist.schema.json",
        "watchlist.yaml",
    ]
    assert "monitor docs watchlist" in out
    text = (folder / "watchlist.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./watchlist.schema.json")
    for kind in ("type: list", "type: feed", "pledge:", "baseline:"):
        assert kind in text
    assert "state/" in (folder / ".gitignore").read_text()
    assert main(["--watchlist", str(folder / "watchlist.yaml"), "check"]) == 0
    assert "2 sources, 1 targets" in capsys.readouterr().out


def test_init_replaces_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "watchlist.yaml").write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "already there: nothing was written" in err and len(err.splitlines()) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["watchlist.yaml"]
    assert (tmp_path / "watchlist.yaml").read_text(encoding="utf-8") == "mine"


def test_the_docs_ship_with_monitor(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs"]) == 0
    listing = capsys.readouterr().out
    assert "  watchlist" in listing and "  running" in listing
    assert main(["docs", "watchlist"]) == 0
    assert "## `digest`" in capsys.readouterr().out
    assert main(["docs", "nothing-here"]) == 2
    assert "no document 'nothing-here'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "monitor docs watchlist" in capsys.readouterr().out
    assert main(["docs", "running"]) == 0
    assert "Exit codes" in capsys.readouterr().out


def test_the_schema_names_every_key_the_validator_knows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json_schema()
    found: set[str] = set()

    def walk(node: dict[str, object]) -> None:
        for key, value in node.get("properties", {}).items():  # type: ignore[attr-defined]
            found.add(key)
            walk(value.get("items", value) if isinstance(value, dict) else {})

    walk(printed)
    assert found == {key for keys in KEYS.values() for key in keys}
    assert printed["additionalProperties"] is False
    source = printed["properties"]["sources"]["items"]
    assert source["properties"]["type"] == {"enum": ["list", "feed", "page"]}
