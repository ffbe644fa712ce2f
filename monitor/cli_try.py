"""The `try` command: what monitor makes of one page (its article, tables and figures, or with
--explain each number's fate), or which links a list or feed source of the watchlist yields now.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from datetime import date
from zoneinfo import ZoneInfo

from monitor import cli_args
from monitor.config import watchlist
from monitor.errors import UsageError
from monitor.models import SHANGHAI, Article, FetchLimits, Page, Seen, Source, Target, Watchlist


def try_(args: argparse.Namespace) -> int:
    """What a page yields (title, date, text, tables, each target's figures), or with a list or
    feed source's id, the links it yields now."""
    if "://" not in args.url and args.watchlist.exists():
        named = _source_named(args)
        if named.type != "page":
            return _try_listing(args, named)
        args.url, args.body = named.url, args.body or named.body
    targets, tz, limits = _looked_for(args)
    url, article = _article(args, limits, tz)
    _print_article(url, article)
    if not targets:
        print("(no watchlist targets: pass --watchlist to see figures)")
        return 0
    published = article.published.date() if article.published else None
    if args.explain:
        from monitor.figures.explain import explain
        from monitor.figures.tables import explain_tables

        _explain(explain(article.title, article.text, targets, published=published))
        cells = explain_tables(article, targets, published=published)
        if cells:  # each cell of the table rows that count a target, as the sentences above
            _explain(cells)
        return 0
    _print_figures(article, targets, published)
    return 0


def _looked_for(args: argparse.Namespace) -> tuple[tuple[Target, ...], ZoneInfo, FetchLimits]:
    """The watchlist's targets (only --target's, when given), zone and fetch limits; none of its
    targets, Beijing time and the default limits without a watchlist."""
    if not args.watchlist.exists():
        return (), SHANGHAI, FetchLimits()
    wl: Watchlist = watchlist.load(args.watchlist)
    targets = wl.targets
    if args.target:
        targets = tuple(t for t in wl.targets if t.id == args.target)
        if not targets:
            known = ", ".join(t.id for t in wl.targets)
            raise UsageError(f"no target '{args.target}'", hint=f"known targets: {known}")
    return targets, wl.timezone, wl.limits


def _article(args: argparse.Namespace, limits: FetchLimits, tz: ZoneInfo) -> tuple[str, Article]:
    """The page at --url fetched (by Chromium with --render) and its article, with the URL it
    ended at."""
    from monitor.pages import extract  # commands import what they use: `run` starts faster

    source = Source(
        id="try",
        url=args.url,
        type="page",
        body=args.body,
        render="browser" if args.render else "http",
        per_host_delay=0,
    )
    page = asyncio.run(_fetch_one(limits, source))
    article = extract.extract(
        page.content, url=page.url, content_type=page.content_type, body_selector=args.body, tz=tz
    )
    return page.url, article


def _print_article(url: str, article: Article) -> None:
    print(f"URL:   {url}")
    print(f"标题:  {article.title}")
    print(f"日期:  {article.published.isoformat() if article.published else '(none found)'}")
    lines = [line for line in article.text.split("\n") if line.strip()]
    print(f"正文:  {len(article.text)} characters, {len(lines)} paragraphs")
    for line in lines[:8]:
        print(f"  | {line[:120]}")
    if len(lines) > 8:
        print(f"  | … {len(lines) - 8} more")
    for table in article.tables:
        print(f"表格:  {table.caption or '(no caption)'}: {len(table.rows)} rows")
        print(f"  | {' | '.join(table.header)[:120]}")


def _print_figures(article: Article, targets: Sequence[Target], published: date | None) -> None:
    """Each target's figures in the article, the number marked 【】 in its sentence."""
    from monitor.figures import tables

    found = tables.article_figures(article, targets, published=published)
    for target in targets:
        mine = [f for f in found if f.target_id == target.id]
        print(f"\n[{target.id}] {target.title}: {len(mine)} figure(s)")
        for f in mine:
            marked = (
                f.sentence[: f.start]
                + "【"
                + f.sentence[f.start : f.end]
                + "】"
                + f.sentence[f.end :]
            )
            print(
                f"  {f.kind:8} {f.scope:10} {f.quantity.surface} = {f.value} {f.unit or ''} "
                f"({f.qualifier}{', ' + f.period if f.period else ''}"
                f"{', stage ' + f.measure if f.measure else ''})"
            )
            print(f"    {marked[:200]}")


def _source_named(args: argparse.Namespace) -> Source:
    wl = watchlist.load(args.watchlist)
    for source in wl.sources:
        if source.id == args.url:
            return source
    known = ", ".join(s.id for s in wl.sources)
    raise UsageError(
        f"'{args.url}' is neither a URL nor a source of {args.watchlist}",
        hint=f"give a URL like https://… or one of: {known}",
    )


def _try_listing(args: argparse.Namespace, source: Source) -> int:
    """The links a list or feed source yields now, marked new or already read."""
    from monitor import probe

    wl = watchlist.load(args.watchlist)
    state_dir = cli_args.state_dir(args, args.watchlist)
    found = asyncio.run(probe.listing(wl, source, state_dir=state_dir))
    how = (
        f"links: {source.links!r}"
        if source.links
        else "no links: selector (monitor finds the headlines itself)"
    )
    if source.type == "feed":
        how = "feed entries"
    print(f"Source: {source.id} ({source.type}) {found.page.url}")
    print(f"Links:  {how}")
    state = "" if found.state_found else f" (no state in {state_dir} yet: all are new)"
    print(
        f"{len(found.links)} link(s): {len(found.new)} new, "
        f"{len(found.links) - len(found.new)} already read{state}"
    )
    for link in found.links:
        mark = "known" if link.url in found.known else "NEW"
        when = link.published.date().isoformat() if link.published else "          "
        print(f"  {mark:5}  {when}  {link.title or '(no title)'}")
        print(f"         {link.url}")
    if len(found.new) > source.max_articles:
        print(f"(a pass reads at most {source.max_articles} new articles: max_articles)")
    if not found.links:
        fix = (
            f"the selector {source.links!r} matched no article link: check it against the page"
            if source.links
            else "no headline links found: give a CSS selector in links:, like 'ul.list a'"
        )
        print(f"monitor: {fix}", file=sys.stderr)
    return 0


def _explain(seen: Sequence[Seen]) -> None:
    """Each sentence naming a target once, then each number in it and what became of it."""
    if not seen:
        print("\nno sentence names a target's keyword: check the keywords (and `exclude`)")
        return
    sentence = None
    for x in seen:
        if x.sentence != sentence:
            sentence = x.sentence
            print(f"\n  | {sentence[:300]}")
        target = f"[{x.target_id}] " if x.target_id else ""
        if x.figure is not None:
            f = x.figure
            got = f"{f.kind} {f.scope} {f.value} {f.unit or ''}".rstrip()
            got += f" (stage {f.measure})" if f.measure else ""  # 开工 and 完工 told apart
            print(f"    {x.surface:12} {target}→ {got}  ({x.why})")
        else:
            print(f"    {x.surface:12} {target}dropped: {x.why}")


async def _fetch_one(limits: FetchLimits, source: Source) -> Page:
    from monitor.fetching.fetch import Fetcher

    async with Fetcher(limits) as fetcher:
        return await fetcher.get(source.url, source=source, accept="html")
