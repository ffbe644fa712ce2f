"""How busy the cores are over one pass: runs `monitor run` as the harness does (its watchlist,
a fresh state unless --state is given) and samples each process's CPU (this pass's process and
its reading workers) from /proc every few milliseconds, then prints the CPU each used per time
bin, how many cores the pass kept busy, and its phases: the main process alone before the first
worker ran, and the tail after the last worker stopped.

    python bench/pass_timeline.py WATCHLIST [--state DIR] [--bin 0.05] [--repeat 1]

Linux only (/proc). The figures are CPU seconds per process, so other work on the machine shows
as fewer cores busy, not as more CPU: compare CPU across runs, and cores busy on an idle machine.
The harness's server (nginx) must be running for the watchlist's pages (`bench/run_monitor.sh`
starts it; `../shared/bench/serve.sh start` by hand).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICK = os.sysconf("SC_CLK_TCK")
Sample = tuple[float, dict[int, tuple[float, float]]]  # time, pid → (user, sys) seconds


def cpu_of(pid: int) -> tuple[float, float] | None:
    """User and system CPU seconds of a process, None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[11]) / TICK, int(fields[12]) / TICK


def children_of(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                found += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return found


def descendants_of(pid: int) -> list[int]:
    """Children, and theirs: the workers a zygote forked are the pass's grandchildren."""
    found = children_of(pid)
    for child in list(found):
        found += descendants_of(child)
    return found


def sample_pass(command: list[str], every: float) -> tuple[float, int, list[Sample]]:
    """Run the pass, sampling it; its wall time, exit code and samples."""
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT)
    samples: list[Sample] = []
    while process.poll() is None:
        row: dict[int, tuple[float, float]] = {}
        for pid in [process.pid, *descendants_of(process.pid)]:
            if (cpu := cpu_of(pid)) is not None:
                row[pid] = cpu
        samples.append((time.monotonic() - start, row))
        time.sleep(every)
    return time.monotonic() - start, process.returncode, samples


def report(wall: float, main: int, samples: list[Sample], width: float) -> list[str]:
    """Per bin, the CPU each process used (in cores: 1.00 is one core busy all the bin)."""
    names = {main: "main"}
    bins: dict[int, dict[int, float]] = {}
    last: dict[int, float] = {}
    total: dict[int, tuple[float, float]] = {}
    worked: list[float] = []  # when a worker's CPU count went up
    for at, row in samples:
        for pid, (user, system) in row.items():
            names.setdefault(pid, f"w{len(names)}")
            used = user + system
            cell = bins.setdefault(int(at / width), {})
            cell[pid] = cell.get(pid, 0.0) + used - last.get(pid, 0.0)
            if pid != main and used > last.get(pid, 0.0):
                worked.append(at)
            last[pid] = used
            total[pid] = (user, system)
    cpu = sum(u + s for u, s in total.values())
    lines = [
        f"wall {wall:.3f} s, CPU {cpu:.3f} s (as last sampled), "
        f"cores busy {cpu / wall:.2f} on average",
        *(
            f"  {names[pid]:>5}: user {u:.2f} s, sys {s:.2f} s"
            for pid, (u, s) in sorted(total.items(), key=lambda kv: names[kv[0]])
        ),
    ]
    if worked:  # /proc counts CPU in ticks (10 ms): these are that coarse
        lines.append(
            f"  main alone before a worker first ran: {worked[0]:.2f} s; "
            f"after a worker last ran: {wall - worked[-1]:.2f} s"
        )
    order = sorted(names, key=lambda p: names[p])
    lines.append("  t (s) " + " ".join(f"{names[p]:>5}" for p in order) + "   busy")
    for b in range(int(wall / width) + 1):
        cell = bins.get(b, {})
        cores = [cell.get(p, 0.0) / width for p in order]
        busy = sum(cores)
        lines.append(
            f"  {b * width:5.2f} "
            + " ".join(f"{c:5.2f}" for c in cores)
            + f"  {busy:5.2f} "
            + "#" * round(busy * 10)
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("watchlist", type=Path)
    parser.add_argument("--state", type=Path, help="state folder (default: a fresh one)")
    parser.add_argument("--bin", type=float, default=0.05, help="seconds per line (0.05)")
    parser.add_argument("--every", type=float, default=0.003, help="seconds between samples")
    parser.add_argument("--repeat", type=int, default=1, help="passes, each on a fresh state")
    args = parser.parse_args()
    if not Path("/proc/self/stat").exists():
        print("pass_timeline.py: needs Linux's /proc", file=sys.stderr)
        return 2
    for _ in range(args.repeat):
        work = Path(tempfile.mkdtemp(prefix="monitor-timeline-"))
        try:
            state = args.state or work / "state"
            command = [
                sys.executable,
                "-m",
                "monitor",
                "-q",
                "--watchlist",
                str(args.watchlist),
                "--state",
                str(state),
                "run",
                "--all",
                "--digest",
                "never",
            ]
            wall, code, samples = sample_pass(command, args.every)
            main_pid = next(iter(samples[0][1])) if samples and samples[0][1] else 0
            print("\n".join(report(wall, main_pid, samples, args.bin)))
            if code not in (0, 3):
                print(f"pass_timeline.py: monitor exited with {code}", file=sys.stderr)
                return 1
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
