"""plausibility: figures that contradict what is known wait as 待核实 until corroborated;
only figures that really disagree (same kind, scope, period; beyond rounding) conflict."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.models import Baseline, Pledge, Target
from monitor.report import diff, plausibility
from monitor.store import verdicts
from monitor.store.records import Observation
from monitor.store.state import Store
from tests.factories import CIRCLES, article, at, figure

SMES = Target(
    id="smes",
    title="专精特新企业总数超过1万家",
    keywords=("专精特新",),
    unit="家",
    pledge=Pledge(Decimal(10000), "cumulative", by=date(2024, 12, 31), announced=date(2024, 1, 22)),
    baseline=Baseline(Decimal(7180), as_of=date(2023, 12, 31)),
)
CHILDCARE = Target(
    id="childcare",
    title="新增普惠托位1万个",
    keywords=("普惠托位",),
    unit="个",
    pledge=Pledge(Decimal(10000), "new", by=date(2024, 12, 31), announced=date(2024, 1, 22)),
)


def _say(
    store: Store,
    url: str,
    text: str,
    surface: str,
    value: int | str,
    when: str,
    *,
    source: str = "bjgov",
    target: str = "smes",
    unit: str = "家",
    **kw: object,
) -> Observation:
    store.save_article(
        article(url, text, when=when),
        source_id=source,
        fetched_at=at(when),
        content_hash=url,
        mentions=[target],
        figures=[figure(text, surface, value, target=target, unit=unit, **kw)],  # type: ignore[arg-type]
    )
    return next(o for o in store.observations() if o.article_url == url)


def _deliver(store: Store, observations: list[Observation]) -> None:
    did = store.create_digest(
        created_at=at("2024-08-01 08:00"),
        period_start=None,
        period_end=at("2024-08-01 08:00"),
        message_id=f"<{len(store.digests())}@x>",
        message=b"m",
        observation_ids=[o.id for o in observations],
        mention_keys=[],
    )
    store.mark_delivered(did, at=at("2024-08-01 08:00"), location="x")


def test_a_cumulative_count_that_falls_is_doubted(store: Store) -> None:
    a = _say(
        store, "http://a/1", "本市专精特新企业累计8600家。", "8600家", 8600, "2024-07-19 10:00"
    )
    b = _say(
        store, "http://b/1", "本市专精特新企业累计8450家。", "8450家", 8450, "2024-10-30 10:00"
    )
    checks = plausibility.assess(SMES, [a, b])
    assert checks[a.id].status == "ok"
    assert checks[b.id].status == "unconfirmed"
    assert checks[b.id].reason == "累计数低于此前的8600家（2024-07-19）"


def test_a_fall_within_rounding_is_no_fall(store: Store) -> None:
    a = _say(store, "http://a/1", "专精特新企业累计8600家。", "8600家", 8600, "2024-07-19 10:00")
    b = _say(store, "http://b/1", "专精特新企业累计8560家。", "8560家", 8560, "2024-08-19 10:00")
    assert plausibility.assess(SMES, [a, b])[b.id].status == "ok"


def test_a_second_outlet_with_the_same_figure_corroborates(store: Store) -> None:
    a = _say(store, "http://a/1", "专精特新企业累计8600家。", "8600家", 8600, "2024-07-19 10:00")
    b = _say(
        store, "http://b/1", "复核后专精特新企业累计8450家。", "8450家", 8450, "2024-10-30 10:00"
    )
    c = _say(
        store, "http://c/1", "截至11月底专精特新企业累计8450家。", "8450家", 8450,
        "2024-12-05 10:00", source="jxj",
    )  # fmt: skip
    checks = plausibility.assess(SMES, [a, b, c])
    assert checks[b.id].status == "corroborated" and checks[b.id].by == c
    assert checks[c.id].confirmed


def test_the_same_outlet_repeating_itself_is_no_corroboration(store: Store) -> None:
    a = _say(store, "http://a/1", "专精特新企业累计8600家。", "8600家", 8600, "2024-07-19 10:00")
    text = "复核后专精特新企业累计8450家。"
    b = _say(store, "http://b/1", text, "8450家", 8450, "2024-10-30 10:00")
    c = _say(store, "http://b/2", text, "8450家", 8450, "2024-10-31 10:00")  # same story
    checks = plausibility.assess(SMES, [a, b, c])
    assert not checks[b.id].confirmed and not checks[c.id].confirmed


def test_a_later_consistent_figure_corroborates(store: Store) -> None:
    a = _say(store, "http://a/1", "专精特新企业累计8600家。", "8600家", 8600, "2024-07-19 10:00")
    b = _say(
        store, "http://b/1", "复核后专精特新企业累计8450家。", "8450家", 8450, "2024-10-30 10:00"
    )
    c = _say(store, "http://c/1", "专精特新企业累计8470家。", "8470家", 8470, "2024-12-05 10:00")
    checks = plausibility.assess(SMES, [a, b, c])
    assert checks[b.id].status == "corroborated"  # 8470 follows from 8450, not from 8600


def test_a_new_figure_many_times_the_pledge_is_doubted(store: Store) -> None:
    a = _say(
        store, "http://a/1", "全市新增普惠托位6.8万个。", "6.8万个", 68000, "2024-07-18 10:00",
        target="childcare", unit="个", scope="new",
    )  # fmt: skip
    check = plausibility.assess(CHILDCARE, [a])[a.id]
    assert check.reason == "是目标新增量1万个的6.8倍"


def test_a_jump_beyond_the_whole_pledged_amount_is_doubted(store: Store) -> None:
    a = _say(
        store, "http://a/1", "本市已建成4220个一刻钟便民生活圈。", "4220个", 4220,
        "2024-07-16 10:00", target="circles", unit="个",
    )  # fmt: skip
    check = plausibility.assess(CIRCLES, [a])[a.id]
    assert not check.confirmed
    assert "较此前的360个（2023-12-31）一次+3860个，超过目标的全部增量80个" in check.reason


def test_real_progress_ahead_of_pace_is_not_doubted(store: Store) -> None:
    a = _say(store, "http://a/1", "已建设验收422个。", "422个", 422, "2024-07-16 10:00",
             target="circles", unit="个")  # fmt: skip
    b = _say(store, "http://a/2", "已建成501个。", "501个", 501, "2024-10-28 10:00",
             target="circles", unit="个")  # fmt: skip
    checks = plausibility.assess(CIRCLES, [a, b])
    assert checks[a.id].status == checks[b.id].status == "ok"


def test_same_day_outlets_that_disagree_are_both_doubted(store: Store) -> None:
    a = _say(store, "http://a/1", "专精特新企业累计8600家。", "8600家", 8600, "2024-07-19 09:00")
    b = _say(store, "http://b/1", "专精特新企业累计9600家。", "9600家", 9600, "2024-07-19 15:00",
             source="bjrb")  # fmt: skip
    checks = plausibility.assess(SMES, [a, b])
    assert checks[a.id].reason == "同日另一报道为9600家"
    assert checks[b.id].reason == "同日另一报道为8600家"
    u = diff.update(SMES, [a, b], [], today=date(2024, 7, 20))
    assert not u.moved and len(u.unconfirmed) == 2 and len(u.conflicts) == 2


def test_rounding_and_qualifiers_are_no_conflict(store: Store) -> None:
    _say(store, "http://a/1", "专精特新企业累计8600家。", "8600家", 8600, "2024-07-19 09:00")
    b = _say(store, "http://b/1", "专精特新企业近8.7千家。", "近8.7千家", 8700, "2024-07-19 15:00",
             source="bjrb")  # fmt: skip
    store.conn.execute("UPDATE observations SET qualifier = 'nearly' WHERE id = ?", (b.id,))
    both = store.observations()
    assert plausibility.disputes(SMES, both) == []
    other_scope = _say(
        store, "http://c/1", "今年新增专精特新企业1420家。", "1420家", 1420, "2024-07-19 16:00",
        source="jxj", scope="new",
    )  # fmt: skip
    assert plausibility.disputes(SMES, [*store.observations(), other_scope]) == []


def test_a_doubted_figure_neither_moves_the_bar_nor_completes_the_pledge(store: Store) -> None:
    a = _say(store, "http://a/1", "专精特新企业累计8600家。", "8600家", 8600, "2024-07-19 10:00")
    _deliver(store, [a])
    b = _say(store, "http://b/1", "专精特新企业累计1.2万家。", "1.2万家", 12000, "2024-08-01 10:00")
    u = diff.update(SMES, [b], store.reported_observations("smes"), today=date(2024, 8, 2))
    assert not u.moved and u.progress is None
    assert [f.evidence.observation.id for f in u.unconfirmed] == [b.id]
    level, progress = diff.latest_progress(SMES, store.observations(), today=date(2024, 8, 2))
    assert level == 8600 and progress is not None and progress.remaining is not None


def test_accepting_confirms_and_rejecting_removes(store: Store) -> None:
    a = _say(store, "http://a/1", "专精特新企业累计8600家。", "8600家", 8600, "2024-07-19 10:00")
    b = _say(store, "http://b/1", "专精特新企业累计1.2万家。", "1.2万家", 12000, "2024-08-01 10:00")
    verdicts.set_verdict(store, b.id, "accepted", why=None, at=at("2024-08-02 10:00"))
    level, _ = diff.latest_progress(SMES, store.observations(), today=date(2024, 8, 2))
    assert level == 12000
    verdicts.set_verdict(store, a.id, "rejected", why="误读", at=at("2024-08-02 11:00"))
    verdicts.set_verdict(store, b.id, "rejected", why="误读", at=at("2024-08-02 11:00"))
    level, _ = diff.latest_progress(SMES, store.observations(), today=date(2024, 8, 2))
    assert level is None
    assert len(store.observations()) == 2  # nothing deleted
