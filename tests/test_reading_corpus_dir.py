"""Another folder laid out like tests/data/reading (a held-out set) is built by the corpus's
build.py (`--dir DIR`) and scored by `scripts/eval --only team --corpus DIR`, named in the header;
without those options both do what they always did."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "tests" / "data" / "reading" / "build.py"

TARGETS = """\
targets:
  - id: gz-2024-hospital-beds
    title: 贵州2024年新增医疗卫生机构床位3000张
    keywords: [医疗卫生机构床位, 床位]
    region: [贵州, 贵州省, 全省]
    unit: 张
    pledge: {value: 3000, by: 2024-12-31}
"""
SOURCE = """\
[class binding]
* gz-2024-hospital-beds 2024-08-02
贵州全省上半年新增医疗卫生机构床位【1860张|a n @2024-06】，新招聘医护人员〖2400名|other_noun〗。

[class region]
* gz-2024-hospital-beds 2024-08-09 !other_region
遵义市今年新增医疗卫生机构床位〖410张|other_region: a city of the province〗。
"""


def _eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_main", ROOT / "bench" / "eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BUILD), *args], capture_output=True, text=True, check=False
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "heldout"
    folder.mkdir()
    (folder / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (folder / "followups.src").write_text(SOURCE, encoding="utf-8")
    return folder


def test_build_writes_the_other_folders_files_there(corpus: Path) -> None:
    done = _build("--dir", str(corpus))
    assert done.returncode == 0, done.stderr
    assert str(corpus) in done.stdout
    lines = (corpus / "followups.jsonl").read_text("utf-8").splitlines()
    items = [json.loads(line) for line in lines]
    assert [i["answer"] for i in items] == ["figures", "nothing"]
    assert items[0]["expected"][0]["value"] == 1860
    assert items[0]["expected"][0]["unit"] == "张"
    assert not (corpus / "tables.jsonl").exists()  # no tables.yaml, no tables


def test_build_refuses_a_folder_without_sources_in_one_line(tmp_path: Path) -> None:
    done = _build("--dir", str(tmp_path))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0
    assert "targets.yaml" in done.stderr and str(tmp_path) in done.stderr


def test_build_names_the_bad_line_of_the_other_folder(corpus: Path) -> None:
    (corpus / "followups.src").write_text(SOURCE.replace("|a n @", "|x n @"), encoding="utf-8")
    done = _build("--dir", str(corpus))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "unknown token 'x'" in done.stderr and str(corpus) in done.stderr


def test_eval_scores_the_other_folder_and_names_it(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _build("--dir", str(corpus)).returncode == 0
    assert _eval().main(["--only", "team", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert str(corpus) in out[0]
    total = next(line for line in out if line.startswith("all "))
    assert total.split()[1] == "1"  # one expected figure: this folder's, not the team corpus
    assert json.loads(out[-1])["team_recall"] is not None


def test_eval_refuses_a_stale_or_unbuilt_folder(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _eval().main(["--only", "team", "--corpus", str(corpus)]) == 2
    assert "build.py --dir" in capsys.readouterr().err
    assert _build("--dir", str(corpus)).returncode == 0
    (corpus / "followups.src").write_text(SOURCE.replace("1860", "1870"), encoding="utf-8")
    assert _eval().main(["--only", "team", "--corpus", str(corpus)]) == 2
    assert "followups.jsonl is older than its sources" in capsys.readouterr().err


def test_eval_without_corpus_scores_the_team_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert _eval().main(["--only", "team"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("TEAM corpus, written by the team")


def test_the_repositorys_corpora_are_scored_without_the_evals_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A clone with no ../shared/evals beside it (CI's checkout) still scores its own corpora;
    only a set read from --data asks for the folder."""
    missing = str(tmp_path / "no-evals")
    assert _eval().main(["--data", missing, "--only", "team"]) == 0
    assert capsys.readouterr().out.startswith("TEAM corpus")
    assert _eval().main(["--data", missing, "--only", "e7"]) == 2
    assert f"{missing}: no such folder (pass --data DIR)" in capsys.readouterr().err
    assert _eval().main(["--data", missing, "--no-peers"]) == 0
    captured = capsys.readouterr()
    assert "E1-E3 and E7 are not scored" in captured.err
    scores = json.loads(captured.out.splitlines()[-1])
    assert scores["team_precision"] is not None and scores["e7_precision"] is None
