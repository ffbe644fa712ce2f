"""cron: crontab(5) semantics (0 and 7 are Sunday, names, ranges, steps, the day-of-month /
day-of-week rule) in the parser, in `run`'s digest-due check, the daemon's trigger and `status`."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from monitor import dispatch
from monitor.cli import main
from monitor.config import watchlist
from monitor.config.cron import parse_cron
from monitor.daemon import digest_trigger
from monitor.store.state import Store

TZ = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2024, 7, 22, 9, 0, tzinfo=TZ)  # a Monday, after 08:00
NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # Python's weekday() order


def fires(cron: str, count: int = 7, start: datetime = MONDAY) -> list[datetime]:
    trigger, moment, out = parse_cron(cron, TZ), start, []
    for _ in range(count):
        fire = trigger.get_next_fire_time(None, moment)
        assert fire is not None
        out.append(fire)
        moment = fire + timedelta(seconds=1)
    return out


def days(cron: str, count: int = 7) -> list[str]:
    return [NAMES[f.weekday()] for f in fires(cron, count)]


@pytest.mark.parametrize(
    ("number", "day"),
    [
        (0, "sun"),
        (1, "mon"),
        (2, "tue"),
        (3, "wed"),
        (4, "thu"),
        (5, "fri"),
        (6, "sat"),
        (7, "sun"),
    ],
)
def test_every_weekday_number_means_what_crontab_says(number: int, day: str) -> None:
    assert set(days(f"0 8 * * {number}", 3)) == {day}


@pytest.mark.parametrize("day", ["sun", "mon", "tue", "wed", "thu", "fri", "sat"])
def test_weekday_names_in_any_case(day: str) -> None:
    assert set(days(f"0 8 * * {day}", 2)) == {day}
    assert set(days(f"0 8 * * {day.upper()}", 2)) == {day}


@pytest.mark.parametrize(
    ("cron", "expected"),
    [
        ("0 8 * * 1-5", ["tue", "wed", "thu", "fri", "mon", "tue", "wed"]),  # from Monday 09:00
        ("0 8 * * mon-fri", ["tue", "wed", "thu", "fri", "mon", "tue", "wed"]),
        ("0 8 * * 5-7", ["fri", "sat", "sun", "fri", "sat", "sun", "fri"]),
        ("0 8 * * 0,6", ["sat", "sun", "sat", "sun", "sat", "sun", "sat"]),
        ("0 8 * * */2", ["tue", "thu", "sat", "sun", "tue", "thu", "sat"]),  # 0,2,4,6
        ("0 8 * * 1-5/2", ["wed", "fri", "mon", "wed", "fri", "mon", "wed"]),
        ("@weekly", ["sun", "sun", "sun", "sun", "sun", "sun", "sun"]),
    ],
)
def test_ranges_lists_and_steps(cron: str, expected: list[str]) -> None:
    assert days(cron) == expected


def test_either_day_field_fires_when_both_are_restricted() -> None:
    # crontab(5): "0 8 1 * 1" is the 1st of the month *and* every Monday, not Mondays the 1st.
    got = [f.date().isoformat() for f in fires("0 8 1 * mon", 4)]
    assert got == ["2024-07-29", "2024-08-01", "2024-08-05", "2024-08-12"]
    # a step starting with '*' counts as unrestricted: then both must match
    assert {f.weekday() for f in fires("0 8 */2 * 1", 4)} == {0}


def test_months_by_name_and_minutes_hours_as_written() -> None:
    got = fires("30 7,19 1 jan,jul *", 3)
    assert [f.isoformat() for f in got] == [
        "2025-01-01T07:30:00+08:00",
        "2025-01-01T19:30:00+08:00",
        "2025-07-01T07:30:00+08:00",
    ]
    assert fires("@daily", 1)[0].isoformat() == "2024-07-23T00:00:00+08:00"


@pytest.mark.parametrize(
    ("cron", "message"),
    [
        ("0 25 * * *", "hour 25 is out of range 0-23"),
        ("0 8 * * 8", "day-of-week 8 is out of range 0-7"),
        ("0 8 * * 5-1", "runs backwards"),
        ("0 8 * * funday", "must be a number 0-7 or a name"),
        ("0 8 31 2 *", "never falls in those months"),
        ("0 8 * * */0", "step '0' must be a whole number above 0"),
        ("0 8 ,1 * *", "has an empty item"),
        ("@reboot", "the nicknames are"),
        ("0 8 * *", "expected 5 fields"),
    ],
)
def test_bad_lines_say_what_is_wrong(cron: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_cron(cron, TZ)


def _watchlist(tmp_path: Path, schedule: str) -> Path:
    path = tmp_path / "watchlist.yaml"
    path.write_text(
        f"timezone: Asia/Shanghai\ndigest: {{schedule: '{schedule}'}}\n"
        "sources:\n  - {id: a, url: 'http://127.0.0.1:9/'}\n"
        "targets:\n  - {id: t, title: T, keywords: [托位]}\n",
        encoding="utf-8",
    )
    return path


def test_run_and_daemon_read_weekdays_the_crontab_way(tmp_path: Path) -> None:
    wl = watchlist.load(_watchlist(tmp_path, "0 8 * * 1-5"))
    saturday = datetime(2024, 7, 27, 9, 0, tzinfo=TZ)
    store = Store.open(tmp_path / "state")
    try:
        store.set_fact(dispatch.LAST_DIGEST, datetime(2024, 7, 26, 8, 0, tzinfo=TZ).isoformat())
        # Friday's digest was built: nothing is due on Saturday or Sunday, Monday 08:00 is
        assert not dispatch.digest_due(wl, store, saturday)
        assert not dispatch.digest_due(wl, store, saturday + timedelta(days=1))
        assert dispatch.digest_due(wl, store, saturday + timedelta(days=2))
    finally:
        store.close()
    cron, _ = digest_trigger(wl, timedelta(minutes=10)).triggers
    fire = cron.get_next_fire_time(None, saturday)
    assert fire.isoformat() == "2024-07-29T08:00:00+08:00"  # Monday


def test_status_shows_the_next_digest_with_weekday_and_zone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _watchlist(tmp_path, "0 8 * * 0")
    assert main(["--watchlist", str(path), "status"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "next due" in x)
    assert line.endswith("08:00 Sunday (Asia/Shanghai)"), line
