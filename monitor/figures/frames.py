"""The time frame of a figure: pledge or achieved, and the period, from the words of its clause
and sentence (已, 将, 截至7月底, 到2025年), the year it names, the season it was published in,
and the frame a report's section opens with (过去一年…, 今年…): its review or its plan."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.cues import _DONE, _cue, governing
from monitor.figures.frame_words import (
    OUTCOME_AFTER,
    _frame_year,
    expected_in,
    expected_rate,
    year_of,
)
from monitor.figures.goals import (
    all_due_after,
    coming_goal,
    done_beside_rate,
    in_state,
    month_gone,
    planned_total,
    rate_of_before,
    set_then_done,
)
from monitor.figures.items import item_named, year_met_after
from monitor.figures.measures import _CHANGE_VERB, _PART_OF_YEAR, under_way
from monitor.figures.months import PLAN_SEASON_ENDS, months_ahead, part_ahead
from monitor.figures.months import period_ended as _ended
from monitor.figures.openings import (
    _NOW,
    Openings,
    _without_own_times,
    last_time,
    opens_own_time,
    ruled_before,
)
from monitor.figures.periods import THE_YEAR, _period
from monitor.figures.plan_words import assigned_task
from monitor.figures.ranks import ranked
from monitor.figures.report_speech import labelled, put_forward
from monitor.figures.sections import is_headline, report_at
from monitor.figures.so_far import PART_OR_FIRST_MONTHS, year_begun
from monitor.figures.work_words import AHEAD, DOING, NEXT_YEARS, REACHED, SET_AGAINST, told_done
from monitor.models import FigureKind

_THIS_YEAR = re.compile(r"今年|明年|全年|年度")
_YEAR_NOW = re.compile(r"今年(?!以来)")
# A clause giving only the change of the amount before it (…，同比增长约21%)
_CHANGE_GOES_ON = re.compile(r"\s*(?:同比|环比|比上年|比去年)?" + _CHANGE_VERB)
# A figure said to be measured (初步测算, 初步统计): its 预计 in a period still running may be the
# estimate of a result already in (enrolment over) or a forecast: unclear, dropped
_MEASURED = re.compile(r"初步(?:测算|统计|核算|估算)")
# A clause giving who forecasts (中电联预计，…; 市统计局预测，…) or how the rest is reckoned
# (照此测算，…; 按目前进度，…), with no number: what it opens is the forecast
_FORECAST_OPENS = re.compile(
    r"(?:[^，,。；;：:0-9]{0,16}?预(?:计|测|估)"
    r"|[照按据以依]照?(?:此|这|目前|当前|现有|现在的?)[^，,。；;：:0-9]{0,8}?"
    r"(?:测算|推算|计算|估算|进度|速度|势头|趋势|态势|形势)(?:来看|看)?)[，,：:]?\s*"
)
# (a branch a first letter: re then looks for those letters, not tries every place)
_FORECAST_HINT = re.compile(
    "预[计测估]" + "".join(f"|{c}(?:此|这|目前|当前|现有)" for c in "照按据以依")
)
_EXPECTED = re.compile(r"预计(?:可|能够?)?")  # 预计可达93.2%: one word of plan
_REPORTS_FROM = 8  # from August a headline's 今年 with no word of plan reports the year's work
_PLAN_DONE = re.compile(r"完成[^，,。；]{0,8}?(?:计划|目标|任务)的?[0-9]")
_NEXT_YEARS = re.compile(NEXT_YEARS)
_CLOSING_DAYS = 31  # a part of the year reported in its last month is reported as done
_YEAR_END_NEWS = 3  # the months a year's own figures are published in, after it ended
_YEARS_GOAL = re.compile(r"年度(?:目标|任务|计划)")  # the year's goal, as 全年 is its whole
_YEARS = re.compile(r"(?:19|20)[0-9]{2}")
_BASE_BEFORE = ("比", "较", "与", "同", "从", "由")  # 比2023年: a base, no date


class Frames(Openings):
    """An article's sentences with the kind and period each clause's figures are read in."""

    def __init__(self, text: str, ends: list[int], published: date | None) -> None:
        super().__init__(text, ends, published)
        self._cues: dict[int, FigureKind | None] = {}  # what each sentence's words say, by index
        self._years: dict[int, FigureKind | None] = {}  # what the year each one names says
        self._report_at: int | None = None  # where the text names a report, once looked for

    def when(self, sentence: str, c0: int, c1: int, index: int) -> tuple[FigureKind, str | None]:
        """The kind and period of the figures in the clause sentence[c0:c1]."""
        clause = sentence[c0:c1]
        said_by = None
        if c0 and _FORECAST_HINT.search(sentence, 0, c0):  # the clause before, whole
            p0 = max(sentence.rfind(mark, 0, c0 - 1) for mark in "，,。；;") + 1
            said_by = _FORECAST_OPENS.fullmatch(sentence, p0, c0)
        # 中电联预计，2025年全国…增长5%—6%: a body's forecast opens the clause it speaks
        worded = "预计" + clause if said_by and "预计" not in clause else clause
        kind = self._kind(sentence, worded, index, sentence[:c1])
        item = kind != "pledge" and item_named(
            self.text, self.ends, sentence, c1, index, self.published
        )
        if item or (kind != "pledge" and OUTCOME_AFTER.match(sentence, c1)):
            kind = "pledge"  # 3.新增普惠托位2000个。截至10月底，已完成…: the item's plan
        colon = c0 and ("：" in sentence[:c0] or ":" in sentence[:c0])
        label = labelled(sentence, self.published) if colon else None
        if label is not None and _cue(clause) is None:  # 成绩单：新建…; 任务书：新建…
            kind = label[0] or kind
            if label[1] and not _period(clause, self.published, relative=False):
                return kind, label[1]
        said = (
            _period(clause, self.published, relative=False)
            or _period(sentence[last_time(sentence, c0) : c1], self.published, relative=False)
            or months_ahead(sentence[:c1], self.published)  # (1—8月 read in May: last year's)
            or self.frame(index)[1]
        )
        now = str(self.published.year) if self.published else "9999"
        if said and said[:4] > now and _NOW.match(clause.lstrip("　 ")):
            said = now  # …到2027年…将突破1000公里，目前已建成606公里: now, not the goal's year
        if said and said[4:5] in ("H", "Q") and "全年" in clause and THE_YEAR.search(clause):
            said = said[:4]  # 下半年要…，确保全年筹集5万套: the year, not the half before
        period = said or _period(sentence[:c1], self.published)  # 全年, 截至9月底: this year
        if item and not said and self._met_last_year(sentence, index):
            period = str(self.published.year - 1) if self.published else period
        if kind != "pledge" and (back := part_ahead(sentence, period, self.published)):
            said = period = back  # 上半年，湘潭市完成…, read in January: last year's half
        if kind == "mention" and _ended(period, self.published, _CLOSING_DAYS):
            # 上半年新增6000个, read in July (or in its last weeks): a result, not a plan
            kind = "achieved"
        elif kind == "mention" and self._year_just_ended(sentence[:c1], clause):
            # 全年全省产值超五千亿, read in January with no word of the future: the year
            # just ended, whose figures come out then
            kind = "achieved"
        if (
            not said
            and kind == "achieved"
            and self._year_just_ended(sentence[:c1], clause, index)
            and self.published
        ):
            # read by March in a report, or with 全年 in January: the year before's result
            period = str(self.published.year - 1)
        if period is None and self._dated_like_article(kind, index):
            period = self._article_year(kind, index)
        return kind, period

    def _met_last_year(self, sentence: str, index: int) -> bool:
        """Whether a list item's progress after it says the year's task met, read by March (with
        no word of the future): the item is the plan of the year just ended."""
        return self._year_just_ended(sentence, "预计") and year_met_after(
            self.text, self.ends, index
        )

    def _article_year(self, kind: FigureKind, index: int) -> str | None:
        """The year a headline naming no time speaks of: for a result, an earlier year the lead
        sentence dates its news by (…发布公报，2023年全省研发经费…, read in September 2024), not a
        start (2023年以来) nor a base (比2023年); else the year published."""
        if self.published is None:
            return None
        if kind == "achieved" and index + 1 < len(self.ends):
            lead = self.text[self.ends[index] : self.ends[index + 1]]
            year = _frame_year(lead) if "年" in lead else None
            said = _period(lead, self.published, relative=False) if year else None
            if (
                year
                and said == year.group(1)
                and lead[year.start() - 1 : year.start()] not in _BASE_BEFORE
                and int(year.group(1)) < self.published.year
            ):
                return said
        return str(self.published.year)

    def _dated_like_article(self, kind: FigureKind, index: int) -> bool:
        """Whether a figure naming no time is of the year the article appeared in: a headline's
        plan (目标锁定1500公里), or its result once last year's figures are out (站上…台阶)."""
        if kind == "mention" or not is_headline(self.text, self.ends, index):
            return False
        return kind == "pledge" or self._past_plan_season()

    def _year_just_ended(self, text: str, clause: str, index: int | None = None) -> bool:
        """Whether a figure read early in a year with no word of the future is of the year before:
        全年… by March (when statistics bulletins come out), 预计… (a preliminary figure) by
        March; with `index`, any result in a report (工作报告) read by March."""
        published = self.published
        if published is None or published.month > PLAN_SEASON_ENDS or AHEAD.search(text):
            return False
        if year_begun(text):
            return False  # 一季度…，预计全年…: the year's first months named, the year is running
        if ("全年" in text or _YEARS_GOAL.search(text)) and published.month <= _YEAR_END_NEWS:
            return True  # (…，超额完成1万套的年度目标任务, in January: the year just ended's)
        return expected_in(clause, text) or (index is not None and self._in_report(index))

    def _preliminary(self, sentence: str, index: int, before: str = "") -> bool:
        """Whether a 预计 figure is a preliminary result: it speaks of a past year or stands in a
        review's frame, or it is read in a report (工作报告) or with 全年 by March, of no time
        to come (今年, 年底, 到2025年); or the part of the year it names up to the figure's clause
        (`before`, if given) is over (预计上半年…, read in July: the half's first figure, not a
        forecast; …，下半年增速将略高于上半年 after it is a clause of its own)."""
        text = before or sentence
        if self._reviewed(sentence, index):  # (not 预计今年… before December: a forecast)
            return not (_YEAR_NOW.search(text) and (self.published or date.max).month < 12)
        # (the part nearest the figure: …上半年…，下半年预计新增…: not the half gone by)
        part = next(reversed(list(PART_OR_FIRST_MONTHS.finditer(text))), None)
        if (
            part
            and "全年" not in text[part.end() :]  # 前三季度…，预计全年可达…: the year's
            and _ended(_period(part.group(), self.published), self.published)
        ):
            return True
        if part and self._closing(str(self.published.year) if self.published else None):
            # 1—10月…，全年预计完成600亿元，完成年计划的97% in December: the year's first result
            done = _PLAN_DONE.search(sentence, len(before)) and "全年" in text[part.end() :]
            return bool(done) and not _NEXT_YEARS.search(text)
        if not self._year_just_ended(sentence, "预计"):
            return False
        return "全年" in sentence or self._in_report(index) or expected_rate(sentence)

    def _in_report(self, index: int) -> bool:
        """Whether the text up to sentence `index` names a report on a year (政府工作报告,
        预算执行情况, 统计公报): a document whose 预计 figures are the year's first results."""
        if self._report_at is None:
            self._report_at = report_at(self.text)
        return self._report_at < self.ends[index]

    def _kind(self, sentence: str, clause: str, index: int, before: str = "") -> FigureKind:
        if self.published and coming_goal(clause, self.published, sentence):
            return "pledge"  # 到2025年…达到4.5个; 到年底…累计建成28万个 in March
        cue = _cue(clause)
        if cue is None and (prior := rate_of_before(clause, before)) is not None:
            return self._kind(sentence, prior[0], index, prior[1])  # …612亿元，同比增长7.5%
        prior = planned_total(clause, before) if cue == "achieved" else None
        if prior and self._kind(sentence, prior[0], index, prior[1]) == "pledge":
            return "pledge"  # …将新改建1.5万公里，累计达到27万公里: the total the plan brings
        if cue == "pledge" and self._preliminary_cue(clause, sentence, index, before):
            return "achieved"  # 预计增长5.8%左右 in a review of a year gone by
        if cue == "pledge" and _MEASURED.search(sentence) and self._only_expected(clause):
            return "mention"  # 初步测算，今年…预计可达93.2% (in September)
        # 1—10月份, 前三季度, 截至7月底: the period is under way; a bare 今年 does not make it
        # a plan (截至7月底，各地今年新开工…4.22万个)
        weak = cue is None or _cue(_THIS_YEAR.sub("", clause)) is None
        ruled = ruled_before(sentence, before)
        if cue != "achieved" and weak and self._so_far(sentence, clause, before, ruled):
            cue = "achieved"
        own_time = clause != sentence and opens_own_time(clause)
        if put_forward(before or clause) and (cue or _cue(sentence) != "achieved"):
            return cue or "pledge"  # 方案提出，2024年新建…: the plan the document put forward
        if cue is None and clause != sentence and not own_time:
            # the sentence's other clauses, but for those that speak of a time of their own
            # (…，今年新增1万张，去年全省已新增9860张: 去年 does not make the 1万张 a result)
            if index not in self._cues:
                self._cues[index] = _cue(_without_own_times(sentence))
            cue = self._cues[index]
            if cue == "pledge" and done_beside_rate(clause, sentence[len(before) :]):
                return "achieved"  # 计划60个，完成62个，完成率103.3%: the count the rate is of
            if cue == "pledge" and _cue(governing(_without_own_times(before))) != "pledge":
                # a modal governs what follows it, not a clause before it (…就业12.6万人，
                # 今年力争达到13万人: the 12.6万 is no plan), and a plan's noun none (围绕年度
                # 目标，新建口袋公园32个)
                cue = None
            elif cue == "pledge" and self._preliminary_cue(before, sentence, index):
                return "achieved"  # 预计达到1.95亿人次，增长14%左右 in a review: its growth too
            elif (
                cue == "achieved"
                and ruled
                and not done_beside_rate(clause, sentence[len(before) :])
            ):
                # a modal before governs the clause; 已 after (…新建60个，目前已建成23个) its own;
                # not the work done the plan's rate follows (计划50座，完工38座，占年度计划的76%)
                cue = "pledge"
        if cue == "achieved" and set_then_done(clause, sentence[len(before) :], _cue(clause)):
            return "pledge"  # 今年新改建1200公里，截至9月底已完成1030公里: the work set
        if cue is not None:
            return cue
        return self._uncued_kind(sentence, clause, index, before, bool(own_time))

    def _uncued_kind(
        self, sentence: str, clause: str, index: int, before: str, own_time: bool
    ) -> FigureKind:
        """_kind for a clause no word of plan or result decides: the year it names, the
        headline, the section's frame, the season, and whether it does something."""
        if in_state(clause) or done_beside_rate(clause, sentence[len(before) :]):
            return "achieved"  # 在建充电站85座，…; 完成投资64.3亿元，投资完成率46.8%: a result
        if assigned_task(self.text, self.ends, index):
            return "pledge"  # 新增养老床位600张。（责任单位：区民政局）: a plan's item
        said = self._year_kind(clause) if own_time else self._sentence_year(sentence, index, before)
        if said is not None:
            return said
        headline = self._headline_kind(sentence, index, before)
        if headline is not None:
            return headline
        frame = self.frame(index)[0]
        if frame is not None:
            return frame
        if self._year_to_come(before or sentence) or all_due_after(sentence, len(before), clause):
            return "pledge"  # (not a later clause's 今年); …，10月底前全部完工: all of it due
        if month_gone(before or sentence, self.published):
            return "achieved"  # 南京2月加装电梯86部, read in March: the month's
        if _PART_OF_YEAR.search(sentence) and not under_way(sentence, self.published):
            return "mention"  # 上半年新增6000个, read in March: neither plan nor result yet
        if self._plan_season_headline(index, before):  # 福州新增托位6000个 in February
            return "achieved" if ranked(sentence) else "mention"  # (…里程全国第一: it stands)
        if _DONE.search(before) or DOING.search(before) or told_done(before):
            # a clause that does something, or goes on with one that did (…建成绿道1.25万公里，
            # 其中成都8420公里), with no word of the future: news reports results (打造了…8个)
            return "achieved"
        if "今年" in sentence or SET_AGAINST.match(sentence, len(before)):
            # 今年新改建农村公路1.12万公里 once the year's plans are out, with no word of the
            # future: what the year has brought so far; …5.9万户，较年初增加2100户: a level
            # set against a past one, a result
            return "achieved"
        return "mention"

    @staticmethod
    def _only_expected(text: str) -> bool:
        """Whether 预计 is the only word of plan in `text` (not 预计…将, 有望)."""
        if "预计" not in text:
            return False
        return _cue(_EXPECTED.sub("", _without_own_times(text))) is None

    def _preliminary_cue(self, text: str, sentence: str, index: int, before: str = "") -> bool:
        """Whether 预计 is the only word of plan in `text` and the figure a preliminary result
        (see _preliminary): 预计增长5.8%左右 in a review of a year gone by."""
        return self._only_expected(text) and self._preliminary(sentence, index, before)

    def _headline_kind(self, sentence: str, index: int, before: str) -> FigureKind | None:
        """A headline with no word of plan or result, once the year's plans are out. With 今年:
        a result when its verb says one was reached (突破, 达, 创) or the year is past July
        (labelled coverage: such headlines from August on report the year's work); else a
        headline announcing the year's figure may give the plan as well as the progress
        (江苏：今年新增护理型养老床位1万张, in May): unclear, dropped. Without it and
        with no time to come (年内, 年底, 到2025年): news headlines report what happened, verbless
        or in a figure of speech (河南粮食产量1386亿斤, 站上…台阶, 再添30座): a result. None if
        no such headline."""
        if not self._past_plan_season() or not is_headline(self.text, self.ends, index):
            return None
        if "今年" not in (before or sentence):  # (…4.3万个 今年目标5万个: the goal's 今年)
            return None if AHEAD.search(sentence) else "achieved"
        if REACHED.search(before) or (self.published and self.published.month >= _REPORTS_FROM):
            return "achieved"  # 成都今年筹集保障性租赁住房2.6万套 in November: the year's work
        return "mention"

    def _plan_season_headline(self, index: int, before: str) -> bool:
        """A headline with no word of time, plan or result (福州新增托位6000个) read while the
        year's plans come out is as likely the plan as last year's result, unless its verb says a
        level was reached (增至3.2万个); the body, if it gives the figure, says which."""
        season = self.published is not None and not self._past_plan_season()
        return season and is_headline(self.text, self.ends, index) and not REACHED.search(before)

    def _so_far(self, sentence: str, clause: str, before: str, ruled: bool = False) -> bool:
        """Whether the sentence's period is under way (1—10月份, 截至7月底), so a clause with no
        cue of its own tells what it has brought, unless it only gives the change of an amount a
        modal before it forecasts (…将达到1745亿件左右，同比增长约21%: the forecast's rate). With
        `ruled` (a modal before governs the clause), only the words up to the clause count."""
        if not under_way(before if ruled else sentence, self.published):
            return False
        if clause != sentence and _CHANGE_GOES_ON.match(clause):
            return _cue(_without_own_times(before)) != "pledge"
        return True

    def _year_to_come(self, sentence: str) -> bool:
        """今年新建X, …提出，2024年新建X read in the plan season: what the year is to bring."""
        if self._past_plan_season():
            return False
        year = self.published.year if self.published else 0  # (2024年新建… read in 2024)
        return "今年" in sentence or year_of(sentence) == year

    def _sentence_year(self, sentence: str, index: int, before: str) -> FigureKind | None:
        """_year_kind of the sentence (once a sentence, not once a clause), but a year only a
        later clause names dates that clause, not this one (今年新增42个，2025年将再新增50个)."""
        if index not in self._years:
            self._years[index] = self._year_kind(sentence)
        said = self._years[index]
        if said is not None and before and len(before) < len(sentence):
            said = self._year_kind(before)
        return said

    def _year_kind(self, sentence: str) -> FigureKind | None:
        """A past year named in the sentence makes a result, a coming one a plan; not a year
        inside a noun phrase (2000年底前建成的老旧小区) or a deadline (…年底前)."""
        year = year_of(sentence) if self.published else None  # (not 在2023年…的基础上: a base's)
        if year is None or self.published is None or year == self.published.year:
            return None
        return "achieved" if year < self.published.year else "pledge"

    def _reviewed(self, sentence: str, index: int) -> bool:
        """Whether the sentence speaks of a past year or stands in a review's frame: one of a
        period gone by (过去一年, 2023年), not one still running (今年以来…，预计全年可新增1.5万个
        in November is a forecast of the year, a plan)."""
        if self._year_kind(sentence) == "achieved":
            return True
        kind, period = self.frame(index)
        return kind == "achieved" and (not self._running(period) or self._closing(period))

    def _closing(self, period: str | None) -> bool:
        """Whether a review's period is the whole year published in, read in its last month (a
        year-end summary, …局2025年工作总结 in December): its 预计全年… is the first result."""
        published = self.published
        return published is not None and published.month == 12 and period == str(published.year)

    def _running(self, period: str | None) -> bool:
        """Whether a period reaches into the year the text was published in (今年以来, 2024年1—10月
        read in 2024; 十四五以来)."""
        years = _YEARS.findall(period or "")
        return bool(years and self.published and max(map(int, years)) >= self.published.year)
