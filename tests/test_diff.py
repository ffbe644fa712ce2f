"""diff: newest achieved figure against the last reported one, progress in the pledge's scope."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.models import Pledge, Target
from monitor.report import diff
from monitor.store.records import Observation
from monitor.store.state import Store
from tests.factories import CIRCLES, article, at, figure

S422 = "截至目前，本市已建设验收422个一刻钟便民生活圈。"
S501 = "截至目前，本市已建成501个一刻钟便民生活圈。"
S80 = "今年本市将新建80个一刻钟便民生活圈。"


def _observe(
    store: Store, url: str, sentence: str, surface: str, value: int, when: str, **kw: object
) -> list[Observation]:
    store.save_article(
        article(url, sentence, when=when),
        source_id="bjgov",
        fetched_at=at(when),
        content_hash=url,
        mentions=["circles"],
        figures=[figure(sentence, surface, value, **kw)],
    )  # type: ignore[arg-type]
    return store.observations(pending=True)


def _deliver(store: Store, observations: list[Observation]) -> None:
    did = store.create_digest(
        created_at=at("2024-08-01 08:00"),
        period_start=None,
        period_end=at("2024-08-01 08:00"),
        message_id=f"<{observations}>",
        message=b"m",
        observation_ids=[o.id for o in observations],
        mention_keys=[],
    )
    store.mark_delivered(did, at=at("2024-08-01 08:00"), location="x")


def test_first_achieved_figure_is_compared_with_the_baseline(store: Store) -> None:
    pending = _observe(store, "http://a/1", S422, "422个", 422, "2024-07-16 09:00")
    u = diff.update(CIRCLES, pending, [], today=date(2024, 7, 20))
    assert (u.level, u.previous, u.previous_label, u.change) == (422, 360, "基数", 62)
    assert u.progress is not None
    assert u.progress.toward == 62
    assert u.progress.percent == 78
    assert u.progress.remaining == 18
    assert u.progress.per_month_needed == Decimal("3.3")  # 18 over 164 days


def test_next_figure_is_compared_with_the_last_reported(store: Store) -> None:
    _deliver(store, _observe(store, "http://a/1", S422, "422个", 422, "2024-07-16 09:00"))
    pending = _observe(store, "http://a/2", S501, "501个", 501, "2024-10-28 10:00")
    u = diff.update(
        CIRCLES, pending, store.reported_observations("circles"), today=date(2024, 10, 31)
    )
    assert (u.level, u.previous, u.previous_label, u.change) == (501, 422, "上次报告", 79)
    assert u.progress.percent == 176
    assert u.progress.remaining is None


def test_a_figure_said_new_that_exceeds_baseline_and_pledge_is_a_total(store: Store) -> None:
    pending = _observe(store, "http://a/2", S501, "501个", 501, "2024-10-28 10:00", scope="new")
    assert diff.update(CIRCLES, pending, [], today=date(2024, 10, 31)).level == 501


def test_a_new_figure_below_the_baseline_adds_to_it(store: Store) -> None:
    s = "今年以来，本市新建一刻钟便民生活圈45个。"
    pending = _observe(store, "http://a/3", s, "45个", 45, "2024-06-01 10:00", scope="new")
    u = diff.update(CIRCLES, pending, [], today=date(2024, 6, 2))
    assert (u.level, u.progress.toward) == (405, 45)


def test_pledges_alone_do_not_move_a_target(store: Store) -> None:
    pending = _observe(
        store, "http://a/4", S80, "80个", 80, "2024-01-22 10:00", kind="pledge", scope="new"
    )
    u = diff.update(CIRCLES, pending, [], today=date(2024, 1, 23))
    assert not u.moved
    assert [e.observation.figure.value for e in u.others] == [80]


def test_last_years_result_restated_is_not_progress(store: Store) -> None:
    s = "2023年本市建成一刻钟便民生活圈360个。"
    pending = _observe(store, "http://a/5", s, "360个", 360, "2024-01-22 10:00", period="2023")
    assert not diff.update(CIRCLES, pending, [], today=date(2024, 1, 23)).moved


def test_a_span_of_years_is_not_progress_toward_one_years_pledge(store: Store) -> None:
    # 80 new in 2024 is a pledge for one year: what 2021-2024 added is no measure of it
    s = "2021年以来，本市累计新建一刻钟便民生活圈60个。"
    pending = _observe(
        store, "http://a/7", s, "60个", 60, "2024-06-01 10:00", scope="new", period="2021-2024"
    )
    u = diff.update(CIRCLES, pending, [], today=date(2024, 6, 2))
    assert not u.moved
    assert [e.observation.figure.value for e in u.others] == [60]  # shown, not as progress


def test_the_pledges_own_year_is_progress(store: Store) -> None:
    s = "今年以来，本市新建一刻钟便民生活圈45个。"
    pending = _observe(
        store, "http://a/8", s, "45个", 45, "2024-06-01 10:00", scope="new", period="2024"
    )
    assert diff.update(CIRCLES, pending, [], today=date(2024, 6, 2)).moved


def test_one_months_flow_is_not_the_years_progress(store: Store) -> None:
    # 10月当月新建12个 is October's; the year's progress is what 1—10月 added
    s = "10月当月，本市新建一刻钟便民生活圈12个。"
    pending = _observe(
        store, "http://a/12", s, "12个", 12, "2024-11-10 10:00", scope="new", period="2024M10"
    )
    u = diff.update(CIRCLES, pending, [], today=date(2024, 11, 11))
    assert not u.moved
    assert [e.observation.figure.value for e in u.others] == [12]  # shown, not as progress


def test_one_later_quarters_flow_is_not_the_years_progress(store: Store) -> None:
    # a table's 二季度 column (2024Q2) is that quarter's own; the first quarter runs from January
    s = "口袋公园 | 二季度: 3"
    pending = _observe(
        store, "http://a/13", s, "3", 3, "2024-07-10 10:00", scope="new", period="2024Q2"
    )
    u = diff.update(CIRCLES, pending, [], today=date(2024, 7, 11))
    assert not u.moved
    assert [e.observation.figure.value for e in u.others] == [3]
    first = "口袋公园 | 一季度: 2"
    pending = _observe(
        store, "http://a/14", first, "2", 2, "2024-04-10 10:00", scope="new", period="2024Q1"
    )
    assert diff.update(CIRCLES, pending, [], today=date(2024, 7, 11)).moved


def test_an_undated_result_from_before_the_pledge_is_not_its_progress(store: Store) -> None:
    # CIRCLES' pledge was made on 2024-01-22; a review out a week before it gives last year's work
    s = "新建一刻钟便民生活圈45个。"
    pending = _observe(store, "http://a/15", s, "45个", 45, "2024-01-15 10:00", scope="new")
    u = diff.update(CIRCLES, pending, [], today=date(2024, 1, 23))
    assert not u.moved
    later = "新建一刻钟便民生活圈12个。"
    pending = _observe(store, "http://a/16", later, "12个", 12, "2024-04-15 10:00", scope="new")
    assert diff.update(CIRCLES, pending, [], today=date(2024, 4, 16)).moved


def test_a_span_is_progress_toward_a_pledge_over_that_span(store: Store) -> None:
    plan = Target(
        id="circles",
        title="北京“十四五”时期新建一刻钟便民生活圈500个",
        keywords=("一刻钟便民生活圈",),
        region=("北京", "本市"),
        unit="个",
        pledge=Pledge(Decimal(500), "new", by=date(2025, 12, 31), announced=date(2021, 3, 1)),
    )
    s = "2021年以来，本市累计新建一刻钟便民生活圈410个。"
    pending = _observe(
        store, "http://a/9", s, "410个", 410, "2024-06-01 10:00", scope="new", period="2021-2024"
    )
    u = diff.update(plan, pending, [], today=date(2024, 6, 2))
    assert u.moved and u.progress is not None and u.progress.toward == 410


def test_conflicting_figures_on_the_same_day_are_flagged(store: Store) -> None:
    _observe(store, "http://a/6", S501, "501个", 501, "2024-10-28 10:00")
    s = "截至目前，本市已建成510个一刻钟便民生活圈。"
    pending = _observe(store, "http://b/6", s, "510个", 510, "2024-10-28 11:00")
    u = diff.update(CIRCLES, pending, [], today=date(2024, 10, 31))
    assert sorted(o.figure.value for o in u.conflicts) == [501, 510]


def test_syndicated_story_is_one_item_with_two_links(store: Store) -> None:
    for url, source in (("http://gov/1", "bjgov"), ("http://paper/1", "bjrb")):
        store.save_article(
            article(url, S501, when="2024-10-28 10:00"),
            source_id=source,
            fetched_at=at("2024-10-28 12:00"),
            content_hash=url,
            mentions=["circles"],
            figures=[figure(S501, "501个", 501)],
        )
    u = diff.update(CIRCLES, store.observations(pending=True), [], today=date(2024, 10, 31))
    assert len(u.achieved) == 1
    assert {src for src, _ in u.achieved[0].links} == {"bjgov", "bjrb"}
    assert not u.conflicts


def test_rate_target_progress_is_level_against_pledge(store: Store) -> None:
    target = Target(
        id="green",
        title="绿电占比25%",
        keywords=("绿电占比",),
        unit="%",
        pledge=Pledge(Decimal(25), "rate", by=date(2024, 12, 31), announced=date(2024, 1, 22)),
    )
    s = "本市绿电占比达到22.5%。"
    store.save_article(
        article("http://g/1", s),
        source_id="x",
        fetched_at=at("2024-07-16 10:00"),
        content_hash="g",
        mentions=["green"],
        figures=[figure(s, "22.5%", "22.5", target="green", unit="%", scope="rate")],
    )
    u = diff.update(target, store.observations(pending=True), [], today=date(2024, 7, 20))
    assert (u.level, u.progress.percent, u.change) == (Decimal("22.5"), 90, None)


def _stages(store: Store, target_id: str) -> list[Observation]:
    from dataclasses import replace

    s = "截至9月底，全市老旧小区改造今年开工320个，完工180个。"
    store.save_article(
        article("http://a/9", s, when="2024-10-08 10:00"),
        source_id="gov",
        fetched_at=at("2024-10-08 10:00"),
        content_hash="s",
        mentions=[target_id],
        figures=[
            replace(figure(s, "320个", 320, scope="new", target=target_id), measure="开工"),
            replace(figure(s, "180个", 180, scope="new", target=target_id), measure="完工"),
        ],
    )
    return store.observations(pending=True)


def test_a_target_naming_no_stage_takes_the_work_done_as_its_level(store: Store) -> None:
    plain = Target(
        "compounds",
        "西安2024年改造老旧小区400个",
        ("老旧小区",),
        unit="个",
        pledge=Pledge(Decimal(400), "new", by=date(2024, 12, 31)),
    )
    u = diff.update(plain, _stages(store, "compounds"), [], today=date(2024, 10, 9))
    assert u.level == 180  # the completions; the starts are shown beside, never as the level
    assert [e.observation.figure.measure for e in u.others] == ["开工"]


def test_a_target_of_starts_takes_the_starts_as_its_level(store: Store) -> None:
    starts = Target(
        "compounds",
        "西安2024年新开工改造老旧小区400个",
        ("老旧小区",),
        unit="个",
        pledge=Pledge(Decimal(400), "new", by=date(2024, 12, 31)),
    )
    u = diff.update(starts, _stages(store, "compounds"), [], today=date(2024, 10, 9))
    assert (u.level, u.progress.toward) == (320, 320)
    assert [e.observation.figure.measure for e in u.others] == ["完工"]


def test_a_target_of_raising_homes_takes_the_homes_raised_as_its_level(store: Store) -> None:
    from dataclasses import replace

    s = "今年南宁筹集保障性租赁住房9800套，新开工4200套，竣工交付3100套。"
    store.save_article(
        article("http://a/10", s, when="2024-11-05 10:00"),
        source_id="gov",
        fetched_at=at("2024-11-05 10:00"),
        content_hash="r",
        mentions=["rental"],
        figures=[
            replace(figure(s, surface, value, scope="new", target="rental", unit="套"), measure=m)
            for surface, value, m in (
                ("9800套", 9800, "筹集"),
                ("4200套", 4200, "开工"),
                ("3100套", 3100, "竣工交付"),
            )
        ],
    )
    raising = Target(
        "rental",
        "南宁2024年筹集保障性租赁住房1.2万套（间）",
        ("保障性租赁住房",),
        unit="套",
        pledge=Pledge(Decimal(12000), "new", by=date(2024, 12, 31)),
    )
    u = diff.update(raising, store.observations(pending=True), [], today=date(2024, 11, 6))
    assert u.level == 9800  # not the starts nor the homes handed over, shown beside it
    assert sorted(e.observation.figure.measure or "" for e in u.others) == ["开工", "竣工交付"]


def test_the_digest_labels_a_stage_and_a_fall_beside_the_level(store: Store) -> None:
    from dataclasses import replace

    from monitor.report.digest import label

    started, _done = _stages(store, "compounds")
    assert label(started) == "其他数据（开工）"
    fell = replace(started, figure=replace(started.figure, measure=None, direction="down"))
    assert label(fell) == "其他数据（下降）"
