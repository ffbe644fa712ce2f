"""The command line: `monitor run | daemon | check | try | status | history | reject | accept |
demo | export | report | test-send | init | docs | schema`; each command's work is in a cli_*
module, its options in cli_args.

`main(argv) -> int` owns stdout, stderr and exit codes: 0 OK, 1 runtime failure, 2 usage or
configuration error. Library errors arrive as MonitorError and leave as one line.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import traceback
from collections.abc import Sequence

from monitor import cli_args, cli_figures, cli_out, cli_run, cli_status, cli_terminal, cli_try
from monitor.config import watchlist
from monitor.errors import MonitorError, WatchlistError
from monitor.store.faults import state_error

log = logging.getLogger("monitor")

EXIT_PIPE = 141  # stdout was closed early (| head), as a shell reports a process ended by SIGPIPE


def main(argv: Sequence[str] | None = None) -> int:
    parser = cli_args.build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose, args.quiet)
    try:
        return _command(args, parser)
    except WatchlistError as exc:
        print(str(exc), file=sys.stderr)  # already one "file:line: problem" per line
        return exc.exit_code
    except MonitorError as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("monitor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `monitor history | head`: the reader has what it wanted
        _drop_stdout()
        return EXIT_PIPE
    except Exception as exc:  # a bug: say so in one line, details with -v
        fault = state_error(exc, cli_args.state_dir(args, args.watchlist))
        if fault is not None:  # a full disk, a damaged database: the user's to fix
            print(f"monitor: {fault}", file=sys.stderr)
            return fault.exit_code
        if args.verbose:
            traceback.print_exc()
        print(
            f"monitor: internal error ({type(exc).__name__}: {exc}); this is a bug: "
            "run again with -v for details and report it",
            file=sys.stderr,
        )
        return 1


def _command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """The command's exit code; its errors are main's to report."""
    match args.command:
        case "run":
            return cli_run.run(args)
        case "daemon":
            return cli_run.serve(args)
        case "demo":
            return cli_run.replay_demo(args)
        case "check":
            return _check(args)
        case "try":
            return cli_try.try_(args)
        case "status":
            return cli_status.status(args)
        case "history":
            return cli_figures.history(args) if args.format == "text" else cli_out.history(args)
        case "reject" | "accept":
            return cli_figures.verdict(args)
        case "export":
            return cli_out.export(args)
        case "report":
            return cli_out.report(args)
        case "test-send":
            return cli_out.test_send(args)
        case "init":
            print("\n".join(cli_terminal.init(args.dir)))
            return 0
        case "docs":
            print(cli_terminal.docs(args.name))
            return 0
        case "schema":
            print(cli_terminal.schema_text(), end="")
            return 0
    parser.error(f"unknown command {args.command}")
    return 2


def console() -> None:
    gc.enable()  # off while `python -m monitor` imported the commands (__main__.py)
    code = main()
    try:
        sys.stdout.flush()  # what is still buffered, while a closed pipe can still be caught
    except BrokenPipeError:
        _drop_stdout()
        code = code or EXIT_PIPE
    # The process ends now: the interpreter's last garbage collection need not walk every
    # object a pass made (a first pass of 2000 pages: its exit took 31-53 ms, now 13-19 ms).
    gc.freeze()
    sys.exit(code)


def _drop_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush finds no broken pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test's capture): nothing to flush
        pass
    finally:
        os.close(devnull)


def _configure_logging(verbose: bool, quiet: bool) -> None:
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False


def _check(args: argparse.Namespace) -> int:
    from monitor.config import advice

    wl = watchlist.load(args.watchlist)
    print(
        f"{args.watchlist}: OK: {len(wl.sources)} sources, {len(wl.targets)} targets, "
        f"digest '{wl.digest.schedule}' ({wl.timezone.key}), delivery {wl.delivery.method}"
    )
    for line in advice.warnings(args.watchlist, wl):
        print(line)
    return 0
