"""The commands on a target's figures: `history` (each figure over time, with its id, its
digest and whether it waits as 待核实), and `reject` / `accept` (the analyst's verdict on one).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from monitor import cli_args, cli_status
from monitor.config import watchlist
from monitor.errors import UsageError
from monitor.models import Target
from monitor.store.records import Observation
from monitor.store.state import Store


def history(args: argparse.Namespace) -> int:
    from monitor.report import diff

    wl = watchlist.load(args.watchlist)
    targets = [t for t in wl.targets if args.target in (None, t.id)]
    if not targets:
        known = ", ".join(t.id for t in wl.targets)
        raise UsageError(f"no target '{args.target}'", hint=f"known targets: {known}")
    names = {s.id: s.label for s in wl.sources}
    state_dir = cli_args.state_dir(args, args.watchlist)
    store, found = cli_status.reading_store(state_dir)
    if not found:
        print(f"monitor: no state database in {state_dir} yet (check --state)", file=sys.stderr)
    with store:
        delivered = {d.id for d in store.digests() if d.status == "delivered"}
        for n, target in enumerate(targets):
            if n:
                print()
            observations = store.observations(target_id=target.id)
            print(f"[{target.id}] {target.title}")
            print(f"  {_target_terms(target)}")
            level, progress = diff.latest_progress(
                target, observations, today=datetime.now(wl.timezone).date()
            )
            if level is not None:
                unit = target.unit or ""
                tail = f", {progress.percent}% of the pledge" if progress else ""
                print(f"  latest level: {level.normalize():f}{unit}{tail}")
            if not observations:
                print("  no figures yet")
            checks = _checks(target, observations)
            for o in observations:
                print(_observation_lines(o, names, delivered, checks.get(o.id)))
    return 0


def verdict(args: argparse.Namespace) -> int:
    from monitor.store import verdicts

    wl = watchlist.load(args.watchlist)
    with Store.open(cli_args.state_dir(args, args.watchlist)) as store:
        verdict: verdicts.Verdict = "rejected" if args.command == "reject" else "accepted"
        why = getattr(args, "why", None)
        obs = verdicts.set_verdict(store, args.id, verdict, why=why, at=datetime.now(wl.timezone))
    f = obs.figure
    print(f"#{obs.id} {verdict}: {f.quantity.surface} for {obs.target_id} ({obs.article_url})")
    if verdict == "rejected":
        follow = (
            "the next digest carries a 更正 line and recomputes progress without it"
            if obs.digest_id is not None
            else "it was in no digest yet and will not be in one"
        )
    else:
        follow = "it counts as confirmed from the next digest on"
    print(f"  {follow}; nothing is deleted (`monitor history {obs.target_id}` shows it)")
    return 0


def _target_terms(target: Target) -> str:
    parts = []
    if target.pledge:
        p = target.pledge
        parts.append(
            f"pledge {p.value.normalize():f}{target.unit or ''} ({p.scope})"
            + (f" by {p.by}" if p.by else "")
            + (f", announced {p.announced}" if p.announced else "")
        )
    if target.baseline:
        b = target.baseline
        parts.append(
            f"baseline {b.value.normalize():f}{target.unit or ''}"
            + (f" at {b.as_of}" if b.as_of else "")
        )
    return "; ".join(parts) or "no pledge recorded"


def _checks(target: Target, observations: list[Observation]) -> dict[int, str]:
    """Each achieved figure's standing now: what waits as 待核实, and why."""
    from monitor.report import levels, plausibility

    progress = [o for o in observations if levels.is_progress(o, target)]
    return {
        oid: f"unconfirmed (待核实: {check.reason})"
        if not check.confirmed
        else f"corroborated by #{check.by.id if check.by else '?'} (doubted: {check.reason})"
        if check.status == "corroborated"
        else ""
        for oid, check in plausibility.assess(target, progress).items()
    }


def _struck(text: str) -> str:
    return "".join(ch + "\u0336" for ch in text)


def _observation_lines(
    o: Observation, names: dict[str, str], delivered: set[int], check: str | None = None
) -> str:
    f = o.figure
    when = (o.published or o.observed_at).date().isoformat()
    status = (
        f"reported in digest #{o.digest_id}"
        if o.digest_id in delivered
        else f"in digest #{o.digest_id}, not yet delivered"
        if o.digest_id
        else "not yet reported"
    )
    surface = f.quantity.surface
    if o.rejected:
        surface = _struck(surface)
        status = "REJECTED" + (f" ({o.verdict_why})" if o.verdict_why else "") + f"; {status}"
        if o.corrected_in:
            status += f"; corrected in digest #{o.corrected_in}"
    elif o.verdict == "accepted":
        status = f"accepted; {status}"
    elif check:
        status = f"{check}; {status}"
    marked = f.sentence[: f.start] + "【" + f.sentence[f.start : f.end] + "】" + f.sentence[f.end :]
    if len(marked) > 90:
        lo = max(0, f.start - 40)
        marked = ("…" if lo else "") + marked[lo : lo + 90] + "…"
    return (
        f"  #{o.id:<5} {when}  {f.kind:8} {f.scope:10} {surface:12} {status}\n"
        f"      {marked}\n"
        f"      {o.article_title[:50]} · {names.get(o.source_id, o.source_id)}\n"
        f"      {o.article_url}"
    )
