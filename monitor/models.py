"""The records that cross stages: frozen dataclasses, closed sets as Literal types.

The watchlist (what to watch and track), pages (fetched), links (discovered), articles
(extracted), quantities (numerals) and figures (a quantity tied to a target).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

SourceType = Literal["list", "feed", "page"]
RenderMode = Literal["http", "browser"]  # browser: headless Chromium runs the page's scripts
DeliveryMethod = Literal["outbox", "smtp"]
FigureKind = Literal["pledge", "achieved", "mention"]
FigureScope = Literal["cumulative", "new", "rate", "share_of_pledge"]
Direction = Literal["up", "down"]
Qualifier = Literal["exact", "about", "at_least", "at_most", "nearly", "range"]
# What a number is: an amount of something (the usual), a span of time (7个月, 3天), a date
# (2009 年3 月), or a share of a group of people (三分之一的居民): the last three count no target.
QuantityKind = Literal["amount", "duration", "date", "fraction_of_people"]

# The zone Chinese news is dated in: a watchlist's default, and a page read without one.
SHANGHAI = ZoneInfo("Asia/Shanghai")


# --- the watchlist ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchLimits:
    """What one HTTP exchange may cost; each limit is stated in docs/watchlist.md."""

    connect_timeout: float = 10.0  # seconds
    read_timeout: float = 20.0  # seconds between bytes
    total_timeout: float = 60.0  # seconds for the whole exchange, slow drips included
    # seconds for a source's whole share of a pass: its page, discovery and every article
    source_timeout: float = 600.0
    max_bytes: int = 5_000_000  # decompressed body; a gzip bomb stops here
    max_redirects: int = 5
    concurrency: int = 16  # requests in flight across all hosts
    retries: int = 2  # extra tries for timeouts, 429 and 5xx, with backoff
    robots: bool = True  # obey robots.txt: we are a guest on public-service sites
    user_agent: str = ""  # empty: the built-in one naming monitor and its URL


@dataclass(frozen=True)
class Source:
    id: str
    url: str
    type: SourceType = "list"
    name: str = ""
    links: str | None = None  # CSS selector for article links on a list page
    body: str | None = None  # CSS selector for the article body, where the general method fails
    render: RenderMode = "http"  # browser: pages built by scripts, rendered by headless Chromium
    every: timedelta = timedelta(hours=6)
    per_host_concurrency: int = 2
    per_host_delay: float = 1.0  # seconds between two requests to one host
    allow_hosts: tuple[str, ...] = ()  # hosts besides the source's own that links may go to
    region: tuple[str, ...] = ()  # what its articles speak for when they name no place (全国)
    max_articles: int = 50  # new articles fetched per pass, newest first
    enabled: bool = True
    line: int = 0  # where it starts in the watchlist file

    @property
    def label(self) -> str:
        return self.name or self.id


@dataclass(frozen=True)
class Pledge:
    value: Decimal
    scope: FigureScope = "new"  # new: added in the period; cumulative: a total to reach
    by: date | None = None
    announced: date | None = None
    qualifier: Qualifier = "exact"


@dataclass(frozen=True)
class Baseline:
    value: Decimal
    as_of: date | None = None


@dataclass(frozen=True)
class Target:
    id: str
    title: str
    keywords: tuple[str, ...]
    region: tuple[str, ...] = ()  # at least one must appear near the keyword, if given
    exclude: tuple[str, ...] = ()  # a sentence holding one of these is not about this target
    unit: str | None = None  # 个, 万套 → normalised: figures in other units are not this target
    pledge: Pledge | None = None
    baseline: Baseline | None = None
    line: int = 0


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    starttls: bool = True
    ssl: bool = False
    username: str | None = None
    password_env: str | None = None  # the *name* of an environment variable, never the secret
    timeout: float = 30.0


@dataclass(frozen=True)
class DigestSettings:
    schedule: str = "0 8 * * *"  # cron, in the watchlist's timezone
    to: tuple[str, ...] = ()
    sender: str = "monitor@localhost"
    subject: str = "政策目标进展摘要 {date}"
    send_empty: bool = False


@dataclass(frozen=True)
class Channel:
    """A chat channel or webhook, by Apprise URL (wecombot://, dingtalk://, json://, …)."""

    id: str
    url: str  # "{secret}" in it stands for the value of the variable secret_env names
    secret_env: str | None = None  # the *name* of an environment variable, never the token
    line: int = 0


@dataclass(frozen=True)
class Delivery:
    method: DeliveryMethod = "outbox"
    smtp: SmtpSettings | None = None
    channels: tuple[Channel, ...] = ()


@dataclass(frozen=True)
class ReportSettings:
    url: str | None = None  # where the report is published: the digest links to it
    dir: Path | None = None  # where `monitor run` rewrites the report after each digest


@dataclass(frozen=True)
class Watchlist:
    path: Path
    timezone: ZoneInfo
    sources: tuple[Source, ...]
    targets: tuple[Target, ...]
    digest: DigestSettings = field(default_factory=DigestSettings)
    delivery: Delivery = field(default_factory=Delivery)
    limits: FetchLimits = field(default_factory=FetchLimits)
    broken_after: int = 3  # failures in a row before a source is reported broken
    report: ReportSettings = field(default_factory=ReportSettings)


# --- fetch and discover ------------------------------------------------------------------------


@dataclass(frozen=True)
class Validators:
    """What a server gave us last time, sent back for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Page:
    """One HTTP exchange that ended normally: a 200 with its body, or a 304 without one."""

    url: str  # the final URL, after redirects
    requested_url: str
    status: int
    content: bytes
    content_type: str | None  # the Content-Type header as sent, charset included
    validators: Validators
    fetched_at: datetime

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class Link:
    """An article a list page or feed points to."""

    url: str
    title: str | None = None
    published: datetime | None = None


# --- extract -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A data table of an article, its merged cells spread over the rows and columns they span.

    `header` is one text per column, the header rows joined by "|" ("2024年|完成数"); `unit` is
    the table's own note (单位：亿元 → "亿元", 单位：万亩、% → "万亩、%"); `intro` the sentence
    above it that points at it (…建设情况见下表), `note` the notes below it (注：…)."""

    caption: str
    unit: str | None
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    intro: str = ""
    note: str = ""


@dataclass(frozen=True)
class Article:
    url: str
    title: str
    published: datetime | None  # aware, in the watchlist's zone
    text: str  # body paragraphs joined by "\n"; the cells of `tables` are not in it
    tables: tuple[Table, ...] = ()  # the data tables in or beside the body


# --- numerals and figures -------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """A number read from text: exact value in base units (1万个 → 10000, 个)."""

    value: Decimal
    unit: str | None = None  # 个, 元, %, 套 … ; % for percentages (value in points)
    qualifier: Qualifier = "exact"
    value_high: Decimal | None = None  # the high end of a range
    start: int = 0  # span in the text it was read from
    end: int = 0
    surface: str = ""  # the text as written, e.g. "1万个"
    kind: QuantityKind = "amount"  # a duration, date or share of people is no amount


@dataclass(frozen=True)
class Figure:
    """A quantity that a sentence ties to a target."""

    target_id: str
    quantity: Quantity
    kind: FigureKind
    scope: FigureScope
    sentence: str
    start: int  # the figure's span inside `sentence`
    end: int
    period: str | None = None  # "2024", "2024H1", "2016-2020" where the sentence says
    direction: Direction | None = None  # "down" for a fall (下降3%): the value stays positive
    why: str = ""  # what bound it: the noun phrase, the frame cue and the scope cue
    measure: str | None = None  # the stage of work counted (开工, 建成) where the text names one

    @property
    def value(self) -> Decimal:
        return self.quantity.value

    @property
    def unit(self) -> str | None:
        return self.quantity.unit

    @property
    def qualifier(self) -> Qualifier:
        return self.quantity.qualifier


@dataclass(frozen=True)
class Seen:
    """A number met in a sentence that names a target, and what became of it: the figure it
    was read as, or why it was dropped (`monitor try --explain`)."""

    sentence: str
    start: int  # the number's span in `sentence`
    end: int
    surface: str
    target_id: str | None  # None: the sentence was dropped before any target was weighed
    figure: Figure | None
    why: str
