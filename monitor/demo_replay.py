"""`monitor demo`: replay the sample site's timeline (demo.py), one pass per date with the
clock set to it, in the demo's own folder; the digests in its outbox tell the story as it
unfolded, and the report draws it.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from monitor import pipeline
from monitor.config import watchlist
from monitor.demo import DemoServer, DemoSite, DemoVerdict, demo_watchlist, load_site
from monitor.errors import StateError
from monitor.report import diff, site
from monitor.report.numbers import number
from monitor.store import lock, verdicts
from monitor.store.schema import DB_NAME
from monitor.store.state import Store

MARK = ".monitor-demo"  # written into a folder the demo made; only such a folder is reset
_MADE = (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", "outbox", "report", "watchlist.yaml")


def refuse_foreign(folder: Path) -> None:
    """Raise StateError unless `folder` is new, empty, or one the demo marked as its own: a
    folder with a state database, another program's lock or anything else in it is not the
    demo's to reset. Checked before the demo writes anything, its lock included."""
    if folder.exists() and not folder.is_dir():
        raise StateError(
            "is a file, not a folder", where=str(folder), hint="pass --dir with a new folder"
        )
    if not folder.is_dir() or (folder / MARK).is_file() or not any(folder.iterdir()):
        return
    holder = lock.in_use(lock.lock_path(folder))
    if holder is not None:
        what = "is in use by another monitor" + (f" (pid {holder})" if holder else "")
    elif _older_demo(folder):
        raise StateError(
            "holds no demo mark but looks like an older demo's folder (its database, outbox and"
            " watchlist only)",
            where=str(folder),
            hint=f"if it is, delete it (rm -r {folder}) and run the demo again, or pass --dir"
            " with a new or empty folder",
        )
    elif (folder / DB_NAME).exists():
        what = "holds a monitor state database"
    else:
        what = "is not empty"
    raise StateError(
        f"{what}, and the demo works only in a folder of its own",
        where=str(folder),
        hint="pass --dir with a new or empty folder",
    )


def _older_demo(folder: Path) -> bool:
    """True when `folder` holds what a demo makes and nothing else, as demos before the mark
    left it: the user may know it as theirs to delete, the demo cannot be sure."""
    names = {p.name for p in folder.iterdir()} - {lock.lock_path(folder).name}
    return names <= set(_MADE) and {DB_NAME, "outbox", "watchlist.yaml"} <= names


def reset(folder: Path, *, keep: bool) -> None:
    """Mark `folder` as the demo's and, unless `keep`, delete what an earlier demo made there
    (its database, outbox and watchlist); nothing else in it is touched."""
    (folder / MARK).write_text(
        "This folder was made by `monitor demo`, which resets it on each run.\n", encoding="utf-8"
    )
    if keep:
        return
    for name in _MADE:
        made = folder / name
        if made.is_dir() and not made.is_symlink():
            shutil.rmtree(made)
        elif made.exists() or made.is_symlink():
            made.unlink()


def replay(
    state_dir: Path, *, keep: bool = False, server: DemoServer | None = None
) -> list[pipeline.PassReport]:
    """Run one pass per date of the timeline against the sample site; digests to the outbox.

    `state_dir` is the demo's own folder (see `claim`); without `server`, one is started for
    the replay and stopped after it.
    """
    if server is None:
        server = DemoServer(load_site())
        with server.running():
            return replay(state_dir, keep=keep, server=server)
    refuse_foreign(state_dir)
    with lock.hold(lock.lock_path(state_dir), wait=0, what=str(state_dir)):
        reset(state_dir, keep=keep)
        wl_path = state_dir / "watchlist.yaml"
        wl_path.write_text(demo_watchlist(server.base), encoding="utf-8")
        wl = watchlist.load(wl_path)
        with Store.open(state_dir) as store:
            reports = []
            for moment in server.site.passes:
                server.now = moment
                reports.append(pipeline.run_pass(wl, store, now=moment, state_dir=state_dir))
                for decided in server.site.verdicts:
                    if decided.after == moment:
                        _decide(store, server.site, decided)
    return reports


def _decide(store: Store, site: DemoSite, decided: DemoVerdict) -> None:
    """`monitor reject|accept ID` for the figure a demo verdict names."""
    path = next(a.path for a in site.articles if a.id == decided.article)
    for obs in store.observations():
        if obs.article_url.endswith(path) and obs.figure.quantity.surface == decided.surface:
            verdict: verdicts.Verdict = "accepted" if decided.reject is None else "rejected"
            verdicts.set_verdict(store, obs.id, verdict, why=decided.reject, at=decided.after)


def run(*, state_dir: Path, keep: bool = False) -> list[str]:
    """The demo as the CLI runs it: replay, write the report, then the lines that say what the
    digests hold and where the digests and the report are."""
    reports = replay(state_dir, keep=keep)
    wl = watchlist.load(state_dir / "watchlist.yaml")
    lines = []
    decided = {(v.after, v.article): v for v in load_site().verdicts}
    for report in reports:
        counts = report.summary()
        lines.append(
            f"{report.now:%Y-%m-%d}: {counts['new']} new articles, "
            f"{counts['observations']} figures, {counts['sources_failed']} source(s) failing; "
            "digest: " + (", ".join(report.delivered) or "nothing to send")
        )
        lines.extend(f"  subject: {_subject(where)}" for where in report.delivered)
        for (after, article), v in decided.items():
            if after == report.now:
                word = "rejected" if v.reject else "accepted"
                lines.append(
                    f"  then the analyst {word} {v.surface} ({article})"
                    + (f": {v.reject}" if v.reject else "")
                    + " — as `monitor reject ID --why TEXT` does"
                )
    lines.append("")
    lines.append("Progress as the digests reported it (rejected figures left out):")
    with Store.open(state_dir) as store:
        for target in wl.targets:
            line = progress_line(target, store, today=reports[-1].now.date())
            if line:
                lines.append(f"  {target.title}: {line}")
        written = site.write(wl, store, out=state_dir / "report", now=reports[-1].now)
    lines.append("")
    lines.append(f"Digests (.eml files, open with any mail client): {state_dir / 'outbox'}")
    lines.append(f"Report with charts (open in a browser): {written.index}")
    return lines


def _subject(where: str) -> str:
    """The subject of a digest in the outbox (it says what moved, what waits, what was fixed)."""
    from email import message_from_bytes, policy

    path = Path(where)
    if not path.is_file():
        return "(sent by SMTP)"
    return str(message_from_bytes(path.read_bytes(), policy=policy.default)["Subject"])


def progress_line(target: Any, store: Store, *, today: Any) -> str | None:
    """360 → 422 → 501, 176 % of the pledge: the confirmed level after each digest."""
    reported = [o for o in store.reported_observations(target.id) if not o.rejected]
    unit = target.unit or ""
    levels = [number(target.baseline.value, unit)] if target.baseline else []
    moved = False
    for digest_id in sorted({o.digest_id for o in reported if o.digest_id is not None}):
        upto = [o for o in reported if o.digest_id is not None and o.digest_id <= digest_id]
        last = diff.latest_confirmed(target, upto)
        if last is not None:
            moved = True
            shown = number(diff.level_of(last, target), unit)
            if not levels or levels[-1] != shown:
                levels.append(shown)
    if not moved:
        return None
    _, progress = diff.latest_progress(target, reported, today=today)
    tail = f", {progress.percent}% of the pledge" if progress else ""
    return " → ".join(levels) + tail
