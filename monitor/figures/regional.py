"""Which region a sentence of an article and each number in it speak for: a place named
before the number, after it in its clause, before a semicolon, in the paragraph or the lead, or
the source's own `region:`; the place words themselves are in places.py. A sentence comparing
places' figures, or giving a statistics office's, states results even with no word of one."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures import speech
from monitor.figures.cues import A_YEAR, MODAL
from monitor.figures.frame_words import precise_level
from monitor.figures.frames import Frames
from monitor.figures.periods import _period
from monitor.figures.place_clauses import (
    earlier_share_whole,
    goes_on_with_own,
    past_apposition,
    share_whole,
    subject_after,
)
from monitor.figures.place_parts import meeting_named, ranked_among_parts
from monitor.figures.place_shares import trade_partner
from monitor.figures.places import (
    GENERIC,
    NATIONAL,
    Mention,
    city_part,
    first_named,
    generic_only,
    is_national,
    level_of,
    mentions,
    places_named,
    same_level,
    speaks_for,
)
from monitor.figures.sections import is_headline
from monitor.figures.speakers import local_page, speaker
from monitor.models import FigureKind, Target

_LEAD = 300  # a region named this early in the article (dateline, lead) holds for all of it
_CLAUSE_END, _AVERAGE = re.compile(r"[，,；;。]"), re.compile(r"平均(?:水平)?(?:为|是|达)")
# Figures a statistics office or a bulletin gives (国家统计局…发布公告，…; 据海关统计; 数据显示)
_RELEASED = re.compile(
    r"统计局|统计(?:数据)?显示|据[^，,。；]{0,12}统计|数据显示|公告显示|公报显示"
    r"|发布(?:的)?(?:公告|公报|统计|数据)|监测(?:数据)?显示|通报"
)
# …but not a plan's share among places (分解下达, 承担…任务), nor a part of a year not yet over
_NOT_STATED = re.compile(
    r"任务|目标|计划|分解|下达|承担|预计|力争|确保|将|要|上半年|下半年|季度"
    r"|[0-9一二三四五六七八九十]\s*月(?!\s*[0-9一二三四五六七八九十]{1,3}\s*日)"
)
# A part of the year a change is compared with (比上半年, 较一季度, 比1—8月): its base
_BASE_PERIOD = re.compile(
    r"[比较](上半年|前三季度|[一二三四]季度|上月|上季度|[0-9一二三四五六七八九十]{1,2}"
    r"(?:\s*[—\-–－至到~]\s*[0-9一二三四五六七八九十]{1,2})?\s*月份?)(?![底末]|[0-9])"
)
# the same time a year before, a clause of its own (…为12天，去年同期为26天): the level now is set
# beside it, stated; and that base's year dates no clause after it
_SAME_TIME_BASE = re.compile(r"(?<=[，,])(?:去年|上年)(?=同期(?:为|是|有))")
_SHARE_OF_WHOLE = re.compile(r"[，,、]?占(?:全国|全省|全市|全区|全县|全球)")
# A goal said met or kept within beside a result (低于3%左右的预期目标, 完成65万人的年度目标)
_GOAL_MET = re.compile(r"(?:低于|高于|好于|超过|完成|实现了?|控制在)[^，,。；]{0,16}?目标")
# A level named by its own noun, stated with no verb of work (线网总长约509千米, 运营里程为62公里,
# 森林覆盖率24.6%): where the thing stands when the text was written
_LEVEL_STATED = re.compile(
    r"(?:总长|总里程|运营里程|通车里程|总长度|保有量|总数|覆盖率|普及率)(?:已经?)?"
    r"(?:约|为|达到|达|近|超过|突破|稳定在)?[约近超]?[0-9一二三四五六七八九十两]"
    r"|[\u4e00-\u9fff]率(?:已经?)?(?:约|为|达到|达|近|超过|稳定在)?[约近超]?[0-9.]+[%％]"
)


def _masked(found: re.Match[str]) -> str:
    return "□" * len(found.group())


class Regional(Frames):
    """An article's sentences with the region each speaks for."""

    def __init__(
        self, text: str, ends: list[int], published: date | None, region: tuple[str, ...] = ()
    ) -> None:
        super().__init__(text, ends, published)
        self.region = region  # what the source's articles speak for when they name no place
        self._unnamed: tuple[bool, str | None] | None = None  # names no place; who speaks

    def when(self, sentence: str, c0: int, c1: int, index: int) -> tuple[FigureKind, str | None]:
        """As Frames.when; a clause whose frame is unclear is a result when it states known
        figures: a statistics office's, an average, a place's beside another's, a level given to
        its last unit (837.9亿斤). A part of the year a change is compared with is its base."""
        base = (
            _BASE_PERIOD.search(sentence, c0, c1) if "比" in sentence or "较" in sentence else None
        )
        if base is not None:
            sentence = sentence[: base.start(1)] + "□" * len(base[1]) + sentence[base.end(1) :]
        if c0 and "同期" in sentence[:c0]:  # (…为41个，去年同期为29个，全年要…: a base's year)
            sentence = _SAME_TIME_BASE.sub(_masked, sentence[:c0]) + sentence[c0:]
        kind, period = super().when(sentence, c0, c1, index)
        if kind == "mention" and self._stated(sentence, c0, c1, index):
            kind = "achieved"
        elif kind == "mention" and index > 0 and self.text[self.ends[index - 1] - 1] in "；;":
            # 1—10月，…；社会消费品零售总额22148.7亿元，增长4.8%: a part after a semicolon with no
            # word of its own goes on with the result the part before it states, and its period
            p0, p1 = self.bounds(index - 1)
            before, since = self.when(self.text[p0:p1], 0, p1 - p0, index - 1)
            if before == "achieved":
                kind, period = before, period or since
        if kind == "mention" and precise_level(sentence[c0:c1]):  # 粮食总产量837.9亿斤: measured
            # (…，占全国粮食总产量的78.2%: as often a part's as the whole's; left unread)
            kept = _NOT_STATED.search(sentence) or _SHARE_OF_WHOLE.match(sentence, c1)
            kind = "mention" if kept else "achieved"
        if "当月" in sentence[c0:c1]:  # …，9月当月上涨0.6%: that month's own figure
            period = _period(sentence[c0:c1], self.published) or period
        if kind == "pledge" and self._last_years_goal(sentence[:c1], sentence[c0:c1]):
            # 全年…平均为5.2%，控制在5.5%左右的预期目标以内, read in January: the goal of the year
            # just ended, said beside its result, not the new year's
            period = str(self.published.year - 1) if self.published else period
        return kind, period

    def _last_years_goal(self, text: str, clause: str) -> bool:
        """Whether a clause says a goal was met or kept within (低于…预期目标, 完成…年度目标,
        控制在…目标以内), with no modal and no time of its own, in a review of the year just
        ended (全年…, read in January or February)."""
        if (
            not _GOAL_MET.search(clause)
            or MODAL.search(clause)
            or _period(clause, None, relative=False)
        ):
            return False
        return self._year_just_ended(text, clause)

    def _stated(self, sentence: str, c0: int, c1: int, index: int) -> bool:
        """Whether a clause with no word of plan or result states figures known: a statistics
        office or bulletin gives them (in its sentence or the one before), it gives an average
        (全国平均为86.9%), or it is in a sentence comparing places, at or after the first place
        it names (兰州为79.6%，全省为86.3%; 福建…，其中厦门…，增长4.2%)."""
        if _SAME_TIME_BASE.match(sentence, c1 + 1) and not _NOT_STATED.search(sentence, c0, c1):
            return True  # 重污染天数为12天，去年同期为26天: now, set beside a year before
        if _NOT_STATED.search(sentence):
            return False
        if _RELEASED.search(sentence) or _AVERAGE.search(sentence, c0, c1):
            return True
        if sentence.startswith("同期") and index > 0:  # …；同期全国…余额40.1万亿元: of the
            p0, p1 = self.bounds(index - 1)  # same time as the sentence before, if it is dated
            return self.when(self.text[p0:p1], 0, p1 - p0, index - 1)[0] == "achieved"
        if _LEVEL_STATED.search(sentence, c0, c1) and not self._later_year(sentence):
            return True  # 武汉地铁线网总长约509千米: where a thing stands, as it stands now
        if places_named(sentence[:c1]) and len(places_named(sentence)) > 1:
            return True  # …，其中厦门9326亿元，增长4.2%: the place named before goes on
        if index == 0:
            return False
        p0, p1 = self.bounds(index - 1)
        return bool(_RELEASED.search(self.text, p0, p1))

    def _later_year(self, sentence: str) -> bool:
        """Whether the sentence names a year after the one it was published in (到2027年)."""
        if self.published is None:
            return True
        return any(int(y) > self.published.year for y in A_YEAR.findall(sentence))

    def _speaks_for(self, target: Target, sentence: str, s0: int, at: int) -> bool:
        """Whether the number at `at` in the sentence speaks for the target's region: the last
        region word before it decides (在福州，…), else one later in the sentence; for a regional
        target also the paragraph before it and the article's lead."""
        regions = target.region
        if trade_partner(target.keywords, sentence, at):
            return False  # 宁波对欧盟进出口2130亿元: trade with a partner, a part of the total
        before = past_apposition(sentence, mentions(sentence, regions, 0, at))
        # 占全市…的比重为69.3%，同比增长5.4%: a share's whole in an earlier clause is no subject
        before = [m for m in before if not earlier_share_whole(sentence, m, at)]
        if before and _plan_owner(sentence, before[-1]):
            # 占全国任务的10%: a share of another's plan; 南阳…，占全省任务的7%: of the
            # watched place's plan, but the work of the place named before
            if before[-1].kind != "own":
                return False
            before = before[:-1]
        said = speaks_for(before, regions)
        if (
            said
            and before[-1].word in GENERIC
            and self._elsewhere(before[-1], sentence, s0, regions)
        ):
            return False  # 在温州，…。全市今年新建52个: 全市 is 温州
        if said and before[-1].word in GENERIC and _own_part_after(sentence, regions, at):
            return False  # 全市新增820家，其中宜兴市新增91家: that 全市 is the wider place
        if said is None:  # a place later in the number's own clause (…100个的杭州)
            end = _CLAUSE_END.search(sentence, at)
            found = mentions(sentence, regions, at, end.start() if end else len(sentence))
            said = speaks_for(found[:1], regions)
        if said is None and subject_after(sentence, at, target.keywords):
            # 对照年初定下的300万亩目标，新疆目前已新增…: the place named next is the subject's
            said = speaks_for(mentions(sentence, regions, at, len(sentence))[:1], regions) or None
        if said is None and s0 > 0 and self.text[s0 - 1] in "；;":
            # after a semicolon: the place named before it in the same full sentence holds
            run = max(self.text.rfind(c, 0, s0 - 1) for c in "。！？!?\n") + 1
            said = speaks_for(mentions(self.text, regions, run, s0), regions)
        if said is None and is_national(regions):
            # a sentence naming no place: a national figure (unless the source speaks for a
            # region, or a page naming no place is a local office's). An earlier sentence's
            # place is as often a speaker's or a meeting's as the subject's: it does not carry.
            if ranked_among_parts(sentence, mentions(sentence, regions)):
                return False  # …，总产量稳居全国各产粮大省前五: a province's
            source = self._source_speaks_for(regions)
            if source is None and local_page(self.text, mentions(self.text, regions)):
                return False  # 宁波市人大常委会…。（四）已建成老年助餐点120个: the city's own
            return source if source is not None else self._page_speaks_for(regions) is not False
        return self._said_around(regions, sentence, s0, at) if said is None else said

    def _said_around(self, regions: tuple[str, ...], sentence: str, s0: int, at: int) -> bool:
        """Whose figure a sentence naming no place for it gives, from the page around it: the
        paragraph before, the lead, who said it, the source, the page's places."""
        p0 = self.text.rfind("\n", 0, s0) + 1
        # (启动中心城区…60处。加装…: a city's part scopes its own sentence's item, not the page)
        # (…贯彻落实全国…工作会议精神: a meeting's name, no subject)
        before = [
            m
            for m in mentions(self.text, regions, p0, s0)
            if not city_part(m.word) and not meeting_named(self.text, m.start + len(m.word))
        ]
        said = speaks_for(before, regions)
        if said is None:  # the article's lead, before this sentence (a headline's: after it)
            lead = [m for m in mentions(self._lead(s0), regions) if not city_part(m.word)]
            said = speaks_for(first_named(lead), regions)
        if said is None:  # “…年初定的是100个。”合肥市民政局副局长说。: who said it, after
            said_by = speech.SAID_AFTER.match(self.text, s0 + len(sentence))
            if said_by:
                said = speaks_for(mentions(said_by.group(), regions)[:1], regions)
        if said is None:
            said = self._source_speaks_for(regions)
        if said is None and goes_on_with_own(self._run(sentence, s0), regions, at):
            said = True  # 粮食总产量达到838亿斤，吉林连续多年…: the sentence's only place
        if said is None and self._names_own_alone(regions, s0, s0 + len(sentence)):
            said = True  # a page naming the target's place alone (after the number), no whole
        if said is None:
            said = self._page_speaks_for(regions)
        return is_national(regions) if said is None else said

    def _names_own_alone(self, regions: tuple[str, ...], s0: int, s1: int) -> bool:
        """Whether the page, outside the sentence at s0:s1, names the target's place and no other,
        nor it as a share's whole or a part (占全省…, 其中宁波…)."""
        page = [m for m in mentions(self.text, regions) if not s0 <= m.start < s1]
        return bool(page) and all(m.kind == "own" and not share_whole(self.text, m) for m in page)

    def _run(self, sentence: str, s0: int) -> str:
        """The sentence with the parts after it up to the full stop, where it ends with a
        semicolon (…下降6%；今年全省…): a place named there goes on with the same subject."""
        if not sentence.endswith(("；", ";")):
            return sentence
        stop = _FULL_STOP.search(self.text, s0 + len(sentence))
        return self.text[s0 : stop.start() if stop else len(self.text)]

    def _lead(self, s0: int) -> str:
        """The article's lead before the sentence at s0; for the headline, which comes before
        it, the lead after it: a headline naming no place (前10月新增充电桩4620个) is of the place
        the article's first lines name, as its date is the article's."""
        if s0 == 0 and is_headline(self.text, self.ends, 0):
            return self.text[self.ends[0] : _LEAD]
        return self.text[: min(_LEAD, s0)]

    def _page_speaks_for(self, regions: tuple[str, ...]) -> bool | None:
        """For a page naming no place (a work report's excerpt, a notice), or only one level's
        generic word (全省: that level's watched place): whether it speaks for the target's
        region. A national body speaking (国家统计局) makes it the nation's, a local office (省民政
        厅) its level's; else it is the watched region's (a source's `region:`, asked before
        this, says otherwise). None when the page names a place: what it names decides."""
        if level := generic_only(self.text):
            return level == level_of(regions)
        unnamed, who = self._page()
        if not unnamed or any(word in self.text for word in regions):
            return None
        if is_national(regions):
            return who in (None, "nation")
        return who is None or (who != "nation" and level_of(regions) in (None, who))

    def _elsewhere(
        self, generic: Mention, sentence: str, s0: int, regions: tuple[str, ...]
    ) -> bool:
        """Whether a generic word (全市, 本省) speaks of another place: the nearest place named
        before it, in its sentence or earlier in its paragraph, else the first the article's
        lead names (本报福州3月2日讯), is another one of its level."""
        p0 = self.text.rfind("\n", 0, s0) + 1
        earlier = [  # every place word, whatever the target (mentions of no regions)
            *mentions(self.text, (), 0, min(_LEAD, p0))[:1],
            *mentions(self.text, (), p0, s0),
            *mentions(sentence, (), 0, generic.start),
        ]
        named = [r for r in regions if r not in GENERIC and r not in NATIONAL]
        for m in reversed(earlier):
            if any(m.word in r or r in m.word for r in named):
                return False
            if same_level(generic.word, m.word):
                return True
        return False

    def _source_speaks_for(self, regions: tuple[str, ...]) -> bool | None:
        """What the source's own region (`region:` on a source) says, if it gives one."""
        if not self.region:
            return None
        return speaks_for(mentions("、".join(self.region), regions)[:1], regions)

    def _about(self, target: Target, sentence: str, s0: int) -> bool:
        """Whether a sentence may give figures for the target: it, its paragraph or the lead
        names the target's region (or a word of its level: 我省 for a province), or the
        source's region or a page naming no place speaks for it."""
        if not target.region or is_national(target.region):
            return True  # a national target speaks for wherever no other place is named
        if _names_own(sentence, target.region):
            return True
        if self.region and self._source_speaks_for(target.region):
            return True
        p0 = self.text.rfind("\n", 0, s0) + 1
        p1 = self.text.find("\n", s0)
        paragraph = self.text[p0 : p1 if p1 >= 0 else len(self.text)]
        if _names_own(paragraph, target.region) or _names_own(self.text[:_LEAD], target.region):
            return True
        return not self.region and self._page_speaks_for(target.region) is True

    def _page(self) -> tuple[bool, str | None]:
        """Whether the page names no place at all, and who speaks in it if so (speakers.speaker)."""
        if self._unnamed is None:
            named = bool(places_named(self.text))
            self._unnamed = (not named, None if named else speaker(self.text))
        return self._unnamed

    def not_about(self, target: Target) -> str:
        """Why a sentence was not read for a regional target (`try --explain`)."""
        words = "、".join(target.region)
        if self.region:
            return f"the source speaks for {'、'.join(self.region)} and the text names no {words}"
        unnamed, who = self._page()
        if unnamed and who == "nation":
            return f"a page naming no place in which a national body speaks: not {words}"
        if unnamed and who is not None:
            return f"a page naming no place in which an office of another level speaks: not {words}"
        return f"no region word of the target ({words}) in the sentence or its context"


# A place whose plan a share is of (占全省任务的7%, 完成全市年度目标的80%): the plan's owner,
# not the subject whose work the share measures (南阳…，占全省任务的7% is 南阳's)
_PLAN_OF = re.compile(r"(?:下达|分解|确定)?的?(?:年度|全年)?(?:建设)?(?:目标)?(?:任务|目标|计划)")
_SHARE_OF = ("占", "完成", "为")


def _plan_owner(sentence: str, mention: Mention) -> bool:
    """Whether the place is the owner of a plan a share is taken of (占【全省】任务的)."""
    return sentence.endswith(_SHARE_OF, 0, mention.start) and bool(
        _PLAN_OF.match(sentence, mention.start + len(mention.word))
    )


def _own_part_after(sentence: str, regions: tuple[str, ...], at: int) -> bool:
    """Whether a later part of the sentence names the target's place as a part of a whole: after
    其中 (…，其中诸暨市新增57家), or opening a clause that ranks it (…，邓州市新建18.5万亩、居各
    县市区首位): the generic word before the number spoke for that whole, a wider place than
    the target's. (…，今年，南京将新增…: the place goes on with its own figure, no part.)"""
    for m in mentions(sentence, regions, at):
        if m.kind != "own" or m.word in GENERIC:
            continue
        if sentence.startswith(_WITHIN, m.start + len(m.word)):
            continue  # 宜兴经济开发区: a place inside the target's, not the target
        if sentence.endswith("其中", 0, m.start):
            return True
        if sentence.endswith(("，", "；"), 0, m.start) and _RANKED.search(
            sentence, m.start, _clause_end(sentence, m.start)
        ):
            return True  # …，邓州市新建18.5万亩、居各县市区首位: its rank among the parts
    return False


# a part's rank or share among the parts of a whole (居各县区首位, 占全市的四分之一, 位列第二)
_RANKED = re.compile(r"居|占|位列|位居|排名|排在|列第")


def _clause_end(sentence: str, at: int) -> int:
    found = _CLAUSE_END.search(sentence, at)
    return found.start() if found else len(sentence)


# a place inside the target's named after its name (宜兴经济开发区, 晋江高新区, 固始县城关镇)
_WITHIN = ("经济", "高新", "开发区", "园区", "工业园", "产业园", "城关", "镇", "街道", "乡", "新区")


_FULL_STOP = re.compile(r"[。！？!?\n]")


def _names_own(text: str, regions: tuple[str, ...]) -> bool:
    """Whether `text` names the target's region: one of its words, or a generic word of its
    level (我省, 本市) that is not another level's."""
    if any(word in text for word in regions):
        return True
    return any(g in text for g in GENERIC) and any(m.kind == "own" for m in mentions(text, regions))
