"""Watchlist validation: the bad-file table, the good files, the shipped example and the docs."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from monitor.config import keys, watchlist, yamlfile
from monitor.config.schedule import parse_cron, parse_duration, parse_size
from monitor.errors import WatchlistError

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "watchlists"
BAD = sorted((DATA / "bad").glob("*.yaml"))
GOOD = sorted((DATA / "good").glob("*.yaml"))
DOCS = ROOT / "docs" / "watchlist.md"
AS_GIVEN = Path("watchlist.yaml")  # every problem is reported against the path as given

MINIMAL = """\
sources:
  - id: bj-gov-news
    url: https://www.beijing.gov.cn/ywdt/
targets:
  - id: circles
    title: 北京2024年建设80个一刻钟便民生活圈
    keywords: [便民生活圈]
"""


def problems(text: str) -> list[str]:
    with pytest.raises(WatchlistError) as caught:
        watchlist.loads(text, AS_GIVEN)
    return caught.value.problems


def expected(path: Path) -> list[str]:
    return re.findall(r"^# expect: (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)


def test_there_are_enough_bad_watchlists() -> None:
    assert len(BAD) >= 20
    assert all(expected(path) for path in BAD), "each bad watchlist names what it expects"


@pytest.mark.parametrize("path", BAD, ids=[path.stem for path in BAD])
def test_bad_watchlist_gives_exactly_the_expected_problems(path: Path) -> None:
    found = problems(path.read_text(encoding="utf-8"))
    wanted = expected(path)
    assert len(found) == len(wanted), "\n".join(found)
    for want, problem in zip(wanted, found, strict=True):
        assert want in problem, f"expected {want!r}\n     got {problem!r}"
        assert re.match(r"watchlist\.yaml:\d+: \S", problem)


@pytest.mark.parametrize("path", GOOD, ids=[path.stem for path in GOOD])
def test_good_watchlist_loads(path: Path) -> None:
    loaded = watchlist.load(path)
    assert loaded.sources
    assert loaded.targets


def test_the_example_watchlist_has_no_problems() -> None:
    loaded = watchlist.load(ROOT / "watchlist.yaml")
    assert len(loaded.targets) == 10
    circles = next(t for t in loaded.targets if t.id == "bj-2024-convenience-circles")
    assert circles.pledge is not None
    assert circles.baseline is not None
    assert (circles.pledge.value, circles.pledge.scope) == (Decimal(80), "new")
    assert circles.baseline.value == Decimal(360)
    assert loaded.delivery.method == "outbox"


def docs_examples() -> list[str]:
    return re.findall(r"^```yaml\n(.*?)^```", DOCS.read_text(encoding="utf-8"), re.S | re.M)


@pytest.mark.parametrize("index", range(len(docs_examples())))
def test_docs_examples_are_valid(index: int) -> None:
    watchlist.loads(docs_examples()[index], Path(f"docs/watchlist.md#example-{index + 1}"))


def test_docs_name_every_key() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [key for keys in keys.KEYS.values() for key in keys if f"`{key}`" not in text]
    assert not missing, f"docs/watchlist.md does not document {missing}"
    assert "## Common pitfalls" in text


def test_problems_name_the_path_as_given(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(MINIMAL.replace("keywords: [便民生活圈]", "keywords: []"), encoding="utf-8")
    with pytest.raises(WatchlistError) as caught:
        watchlist.load(path)
    assert caught.value.problems[0].startswith(f"{path}:7: keywords is empty")
    assert str(caught.value) == "\n".join(caught.value.problems)


def test_a_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(WatchlistError, match="create one, or pass --watchlist") as caught:
        watchlist.load(tmp_path / "nowhere.yaml")
    assert str(tmp_path / "nowhere.yaml") in str(caught.value)
    assert caught.value.exit_code == 2


def test_minimal_watchlist_gets_the_documented_defaults() -> None:
    loaded = watchlist.loads(MINIMAL, AS_GIVEN)
    source, target = loaded.sources[0], loaded.targets[0]
    assert str(loaded.timezone) == "Asia/Shanghai"
    assert (source.type, source.every, source.per_host_delay) == ("list", timedelta(hours=6), 1.0)
    assert (source.line, target.line) == (2, 5)
    assert target.keywords == ("便民生活圈",)
    assert (target.pledge, target.baseline, target.unit) == (None, None, None)
    assert loaded.digest.schedule == "0 8 * * *"
    assert loaded.delivery.method == "outbox"
    assert loaded.broken_after == 3


def test_defaults_apply_unless_a_source_overrides() -> None:
    text = "defaults: {every: 1h30m, per_host_delay: 500ms, max_articles: 7, broken_after: 5}\n"
    text += MINIMAL.replace(
        "sources:\n",
        "sources:\n  - {id: own, url: 'https://a.example/', every: 2d, per_host_delay: 0s}\n",
    )
    loaded = watchlist.loads(text, AS_GIVEN)
    own, inherited = loaded.sources
    assert (own.every, own.per_host_delay, own.max_articles) == (timedelta(days=2), 0.0, 7)
    assert (inherited.every, inherited.per_host_delay) == (timedelta(minutes=90), 0.5)
    assert loaded.broken_after == 5


def test_values_in_chinese_units_become_base_units() -> None:
    text = (
        MINIMAL
        + """\
  - id: housing
    title: 7万套保障性租赁住房
    keywords: 保障性租赁住房
    unit: 万套
    pledge: {value: 7, by: 2024-12-31, announced: 2024-01-22, qualifier: about}
  - id: credit
    title: 4.37万亿
    keywords: [贷款]
    pledge: {value: 4.37万亿元, scope: cumulative}
    baseline: {value: '4万亿', as_of: '2023-12-31'}
"""
    )
    housing, credit = watchlist.loads(text, AS_GIVEN).targets[1:]
    assert housing.unit == "套"
    assert housing.keywords == ("保障性租赁住房",)
    assert housing.pledge is not None
    assert housing.pledge.value == Decimal(70000)
    assert (housing.pledge.by, housing.pledge.qualifier) == (date(2024, 12, 31), "about")
    assert credit.unit == "元"  # taken from the pledge, since the target names none
    assert credit.pledge is not None
    assert credit.baseline is not None
    assert credit.pledge.value == Decimal("4.37E12")
    assert (credit.baseline.value, credit.baseline.as_of) == (Decimal("4E12"), date(2023, 12, 31))


def test_smtp_with_ssl_turns_starttls_off() -> None:
    text = (
        MINIMAL
        + """\
digest: {to: analyst@example.org, from: monitor@example.org, send_empty: true}
delivery:
  method: smtp
  smtp: {host: smtp.example.org, port: 465, ssl: true, password_env: MONITOR_SMTP_PASSWORD}
limits: {max_bytes: 512KB, total_timeout: 2m, robots: false, max_redirects: 0}
"""
    )
    loaded = watchlist.loads(text, AS_GIVEN)
    smtp = loaded.delivery.smtp
    assert smtp is not None
    assert (smtp.host, smtp.port, smtp.ssl, smtp.starttls) == ("smtp.example.org", 465, True, False)
    assert smtp.password_env == "MONITOR_SMTP_PASSWORD"
    assert loaded.digest.to == ("analyst@example.org",)
    assert (loaded.limits.max_bytes, loaded.limits.total_timeout) == (512_000, 120.0)
    assert (loaded.limits.robots, loaded.limits.max_redirects) == (False, 0)


def test_a_utf8_bom_is_not_a_problem() -> None:
    assert watchlist.loads("\ufeff" + MINIMAL, AS_GIVEN).sources


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30m", 1800),
        ("2h", 7200),
        ("1d", 86400),
        ("1h30m", 5400),
        ("500ms", 0.5),
        ("1.5s", 1.5),
        ("0s", 0),
    ],
)
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text).total_seconds() == seconds


@pytest.mark.parametrize("text", ["5", "2 hours", "h", "1.h", "-1m", ""])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="is not a duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "size"), [("5MB", 5_000_000), ("512KB", 512_000), ("1MiB", 1_048_576), ("10 B", 10)]
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_parse_cron_names_the_fix() -> None:
    from zoneinfo import ZoneInfo

    assert parse_cron("*/30 8-18 * * mon-fri", ZoneInfo("Asia/Shanghai"))
    with pytest.raises(ValueError, match='expected 5 fields, like "0 8 \\* \\* \\*"'):
        parse_cron("0 8 * *", ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("80", Decimal(80), None),
        ("'2,500'", Decimal(2500), None),
        ("1万个", Decimal(10000), "个"),
        ("4.37万亿", Decimal("4.37E12"), None),
        ("7万套", Decimal(70000), "套"),
        ("5千万元", Decimal(5 * 10**7), "元"),
        ("25%", Decimal(25), "%"),
        ("3万公斤", Decimal(30000), "千克"),  # spelt as figures spell it
        ("2千克", Decimal(2), "千克"),  # 千 alone is no magnitude: 千克 is a unit
        ("5个百分点", Decimal(5), "百分点"),
        ("'1,000印度卢布'", Decimal(1000), "印度卢比"),
    ],
)
def test_pledge_values_are_read_in_base_units(written: str, value: Decimal, unit: str) -> None:
    text = MINIMAL.replace(
        "keywords: [便民生活圈]", f"keywords: [便民生活圈]\n    pledge: {{value: {written}}}"
    )
    target = watchlist.loads(text, AS_GIVEN).targets[0]
    assert target.pledge is not None
    assert (target.pledge.value, target.unit) == (value, unit)


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("两万", "value must be a number like 80, 1万 or 4.37万亿, not '两万'"),
        ("80左右", "write a word like 约, 近 or 以上 as qualifier: (about, nearly, at_least …)"),
        ("约80", "not '约80': write a word like 约"),
    ],
)
def test_pledge_values_in_words_or_with_a_qualifier_are_refused(written: str, says: str) -> None:
    text = MINIMAL.replace(
        "keywords: [便民生活圈]", f"keywords: [便民生活圈]\n    pledge: {{value: {written}}}"
    )
    (problem,) = problems(text)
    assert problem.startswith("watchlist.yaml:8: ") and says in problem


def test_problems_come_in_file_order_with_lines_of_their_keys() -> None:
    text = MINIMAL.replace("    keywords: [便民生活圈]", "    keywords: 5")
    text = "digest: {schedule: '0 8 * *'}\n" + text + "timezone: Mars/Base\n"
    found = problems(text)
    assert [problem.split(":")[1] for problem in found] == ["1", "8", "9"]
    assert found[1].startswith("watchlist.yaml:8: keywords must be a list of text")
    assert "timezone must be an IANA time zone name" in found[2]


def test_source_and_target_lines_point_at_their_entries() -> None:
    loaded = watchlist.load(ROOT / "watchlist.yaml")
    lines = (ROOT / "watchlist.yaml").read_text(encoding="utf-8").splitlines()
    entries = [(s.id, s.line) for s in loaded.sources] + [(t.id, t.line) for t in loaded.targets]
    for ident, line in entries:
        assert lines[line - 1].strip() == f"- id: {ident}"


def test_a_validated_watchlist_is_cached_until_the_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monitor.store.state import Store

    path = tmp_path / "watchlist.yaml"
    path.write_text((ROOT / "watchlist.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    store = Store.open(tmp_path / "state")
    try:
        first = watchlist.load(path, cache=store)

        def no_parse(text: str, where: Path) -> None:
            raise AssertionError("parsed again")

        monkeypatch.setattr(watchlist, "loads", no_parse)
        assert watchlist.load(path, cache=store) == first
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        with pytest.raises(AssertionError, match="parsed again"):
            watchlist.load(path, cache=store)
    finally:
        store.close()


# --- the YAML layer (monitor/config/yamlfile.py): typing, lines, and what YAML allows ----------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("FALSE", False),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("", None),
        ("12", 12),
        ("-5", -5),
        ("+7", 7),
        ("010", 10),  # YAML 1.2: decimal, not octal
        ("1_000", 1000),
        ("0o17", 15),
        ("-0o17", -15),
        ("0x1F", 31),
        ("+0x1F", 31),
        ("0b101", 5),
        ("1e3", 1000.0),
        ("1.5", 1.5),
        (".5", 0.5),
        ("1.", 1.0),
        (".inf", float("inf")),
        ("-.Inf", float("-inf")),
        # text, not a bool, a number or a date
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("tRue", "tRue"),
        ("nUll", "nUll"),
        ('"true"', "true"),
        ("'12'", "12"),
        ('""', ""),
        ("!!str 12", "12"),
        ("!!str true", "true"),
        ("2024-12-31", "2024-12-31"),
        ("2024-01-22 10:30", "2024-01-22 10:30"),
        ("2024-13-01", "2024-13-01"),
        ("1,000", "1,000"),
        ("12:30", "12:30"),
        ("0B1", "0B1"),
        ("_1", "_1"),
        ("-_", "-_"),
        ("0x_", "0x_"),
        ("._", "._"),
        ("1e", "1e"),
        ("=", "="),
        ("<<", "<<"),
        ("4.37万亿", "4.37万亿"),
    ],
)
def test_plain_values_are_typed_as_yaml_1_2_core_schema(written: str, value: object) -> None:
    parsed = yamlfile.parse(f"v: {written}\n")["v"]
    assert parsed == value
    assert type(parsed) is type(value)


def test_nan_and_block_scalars() -> None:
    parsed = yamlfile.parse("n: .nan\nb: |\n  one\n  two\nf: >-\n  folded\n  text\n")
    assert parsed["n"] != parsed["n"]
    assert (parsed["b"], parsed["f"]) == ("one\ntwo\n", "folded text")


def test_keys_and_items_know_their_lines() -> None:
    text = (
        "a: 1\r\nb:\r\n  - x\r\n  -\r\n    k: v\r\n  - [p,\r\n     q]\r\nc: {d: 1,\r\n  e: 2}\r\n"
    )
    parsed = yamlfile.parse(text)
    assert [parsed.line_of(key) for key in "abc"] == [1, 2, 8]
    assert parsed["b"].lines == [3, 5, 6]
    assert parsed["b"][1].line_of("k") == 5
    assert parsed["c"].line_of("e") == 9
    assert parsed.line_of("missing") is None


def test_keys_are_typed_like_values() -> None:
    assert problems(MINIMAL + "true: 1\n")[0].startswith(
        "watchlist.yaml:8: unknown key 'True' (expected one of: timezone,"
    )
    assert problems(MINIMAL + "1: x\n")[0].startswith(
        "watchlist.yaml:8: unknown key '1' (expected one of: timezone,"
    )


def test_every_duplicate_key_is_a_problem_on_its_line() -> None:
    text = MINIMAL.replace("    url:", "    name: a\n    name: b\n    url:") + "targets: []\n"
    assert problems(text) == [
        'watchlist.yaml:4: YAML syntax error: found duplicate key "name" with value "b"'
        ' (original value: "a") (keep only one of them)',
        'watchlist.yaml:10: YAML syntax error: found duplicate key "targets" with value "[]"'
        " (original value: \"[{'id': 'circles', 'title': '北京2024年建设80个一刻钟便民生活圈',"
        " 'keywords': ['便民生活圈']}]\") (keep only one of them)",
    ]
    assert problems("x: {a: 1, a: 2}\n")[0].startswith(
        'watchlist.yaml:1: YAML syntax error: found duplicate key "a"'
    )
    # true and 1 are the same key to Python, as they were to the loader before
    assert 'duplicate key "1"' in problems("true: 1\n1: 2\n")[0]


def test_anchors_and_merge_keys() -> None:
    text = """\
defaults: {every: 2h}
sources:
  - &common {id: bj-gov-news, url: 'https://www.beijing.gov.cn/ywdt/', every: 3h, max_articles: 9}
  - <<: *common
    id: second
    url: https://www.beijing.gov.cn/other/
  - <<: [{every: 4h}, *common]
    id: third
    url: https://www.beijing.gov.cn/third/
targets:
  - &t {id: circles, title: 便民生活圈, keywords: &k [便民生活圈]}
  - {id: again, title: again, keywords: *k}
"""
    _, second, third = watchlist.loads(text, AS_GIVEN).sources
    assert (second.id, second.every, second.max_articles) == ("second", timedelta(hours=3), 9)
    assert (third.every, third.max_articles, third.line) == (timedelta(hours=4), 9, 7)
    reused = "a: &x 1\nb: *x\nc: &x 2\nd: *x\n"  # a reused &anchor is legal YAML
    assert yamlfile.parse(reused) == {"a": 1, "b": 1, "c": 2, "d": 2}
    assert yamlfile.parse("a: &bj/gov.v1 [1]\nb: *bj/gov.v1\n") == {"a": [1], "b": [1]}


def test_a_merged_key_is_reported_at_the_line_of_the_mapping_it_is_merged_into() -> None:
    text = MINIMAL.replace(
        "sources:\n",
        "sources:\n  - <<: &bad {every: 5}\n    id: own\n    url: https://a.example/\n",
    )
    assert problems(text) == [
        "watchlist.yaml:2: every must be a duration like 30m, 2h or 1d, not 5 (in source 'own')"
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: !!int 12\n", "watchlist.yaml:1: YAML tag !!int is not used in a watchlist"),
        ("a: 1\nb: !!timestamp 2024-01-01\n", "watchlist.yaml:2: YAML tag !!timestamp is not"),
        ("a: !!set {x}\n", "watchlist.yaml:1: YAML tag !!set is not used in a watchlist"),
        ("a:\n  <<: 5\n", "watchlist.yaml:2: YAML syntax error: expected a mapping or list"),
        ("a: &x {<<: *x}\n", "watchlist.yaml:1: YAML alias loop:"),
        ("a: &x [*x]\n", "watchlist.yaml:1: YAML alias loop:"),
        (
            "a: {<<: {x: 1}, <<: {y: 2}}\n",
            "watchlist.yaml:1: YAML syntax error: found duplicate merge",
        ),
        ("? [a, b]\n: 1\n", "watchlist.yaml:1: a key must be a word like id or url, not a list"),
        ("a: *nope\n", "watchlist.yaml:1: YAML syntax error: found undefined alias 'nope' (quote"),
        (
            "a: 1\nb: 2\nc: \x01\n",
            "watchlist.yaml:3: YAML syntax error: unacceptable character #x0001",
        ),
        ("a: \ud800\n", "watchlist.yaml:1: YAML syntax error: unacceptable character #xd800"),
        (
            "a: " + "[" * 2000 + "]" * 2000,
            "watchlist.yaml:1: YAML syntax error: lists and mappings",
        ),
        ("a: 1\n---\nb: 2\n", "watchlist.yaml:2: YAML syntax error: but found another document"),
        ("a: b: c\n", "watchlist.yaml:1: YAML syntax error: mapping values are not allowed here"),
        ("a:\tb\n", "watchlist.yaml:1: YAML syntax error: found character '\\t' that cannot start"),
    ],
)
def test_yaml_that_cannot_be_read_is_one_problem_per_place(text: str, problem: str) -> None:
    found = problems(text)
    assert found[0].startswith(problem), found
    assert all("\n" not in line for line in found)


@pytest.mark.parametrize(
    "text",
    [
        "\x00",
        "\t",
        "*",
        "&",
        "!",
        "{",
        "]",
        "? ",
        ": x",
        "- - -",
        "%YAML 1.1\n---\na: yes",
        "<<: 1",
        "a: !<tag:x> 1",
        "'",
        '"\\q"',
        "|\n x",
        "&a [*a, *a]",
        "a:\n\t- b",
        "\ufeff\ufeff",
    ],
)
def test_no_text_makes_a_traceback(text: str) -> None:
    found = problems(text)  # none of these is a watchlist: each is a problem, not a crash
    assert found
    assert all(re.match(r"watchlist\.yaml:\d+: \S", problem) for problem in found)


def test_tabs_in_quotes_and_between_flow_items_are_fine() -> None:
    text = MINIMAL.replace("keywords: [便民生活圈]", 'keywords: [便民生活圈,\t"一刻\t钟"]')
    assert watchlist.loads(text, AS_GIVEN).targets[0].keywords == ("便民生活圈", "一刻\t钟")


@pytest.mark.parametrize("path", [*GOOD, ROOT / "watchlist.yaml"], ids=lambda path: path.stem)
def test_without_libyaml_the_result_is_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8")
    with_libyaml = watchlist.loads(text, path)
    monkeypatch.setattr(yamlfile, "_CComposer", None)
    assert watchlist.loads(text, path) == with_libyaml
    assert problems(MINIMAL + "\tbad: 1\n") == [
        "watchlist.yaml:8: YAML syntax error: found character '\\t' that cannot start any token"
        " (indent with spaces, not tabs)"
    ]
