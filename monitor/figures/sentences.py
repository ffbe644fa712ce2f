"""An article's sentences and clauses: where sentences end (。！？；and line breaks), where
clauses break (，、：and brackets, but for a short note on a unit), the headline read as the first
sentence, and the parts after a semicolon that go on with the subject before them."""

from __future__ import annotations

import re

from monitor.figures import speech
from monitor.figures.attribution import _NUMBER_START, continues
from monitor.figures.continuations import NEXT_STEP
from monitor.figures.cues import _CLAUSE, LEVELS_LISTED, MONTH_SPAN
from monitor.figures.items import item_then_progress
from monitor.figures.numerals import find_quantities
from monitor.figures.place_shares import BY_PLACE, places_counted
from monitor.figures.predicates import counts_own_noun
from monitor.models import Target

_END_CHARS = "。！？；!?;\n"  # what ends a sentence
_MAX_SENTENCE = 10_000  # longer is not a sentence (find_quantities reads none either)
_SHORT_ASIDE = 4  # （间）, (户): a note on the unit, not a clause of its own
# …and a rate alone in brackets after its word (增速（-6.5%）较…): the clause's figure, in brackets
_RATE_ASIDE = re.compile(r"[-－−+]?[0-9]+(?:\.[0-9]+)?[%％]")


# a space between two Chinese letters (not a date's 2021 年9 月) breaks a headline's clauses
_HEADLINE_BREAK = re.compile(  # (after a closing quote or bracket too: 跑出“加速度” 年度…)
    r"(?<=[\u4e00-\u9fff”’」』）)])[ \u3000](?=[\u4e00-\u9fff“‘「『（(])"
)


# An amount set off by spaces on both sides before the noun it counts (新增 2150张 养老床位, as
# pages emphasise a figure): the space after it breaks no clause when no figure follows before
# the next pause (a headline's 新增5.6万个 年度目标完成超九成 has no space before its amount)
_AMOUNT_AT_END = re.compile(r"[ \u3000][0-9][0-9.]*[\u4e00-\u9fff]{1,3}$")
_NEXT_PAUSE = re.compile(r"[^，,；;：:。（(]*")


# A headline's part that is only an amount (…年度任务 超820公里): what may open one
_LONE_OPENS = re.compile(r"(?:超过?|逾|近|约|达|突破)?[0-9０-９]")
_PART_END = re.compile(r"[^ \u3000，,；;：:。！!？?（(]*")


def _lone_amount(sentence: str, at: int) -> bool:
    """Whether the space at `at` sets off a headline's last words that are only an amount (…任务
    超820公里, …提前完成 47.3万人): no noun or verb of its own, the amount of the part before."""
    if sentence[at] not in " \u3000" or not _LONE_OPENS.match(sentence, at + 1):
        return False
    part = _PART_END.match(sentence, at + 1)
    if part is None:
        return False
    found = find_quantities(part.group())
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(part.group())


def _spaced_amount(sentence: str, at: int) -> bool:
    """Whether the space at `at` only sets off an amount from the noun it counts (新增 2150张
    养老床位，…), not a headline's next clause (新建4100个 累计建成3.2万个)."""
    if sentence[at] not in " \u3000":
        return False
    after = _NEXT_PAUSE.match(sentence, at + 1)
    return (
        _AMOUNT_AT_END.search(sentence, max(0, at - 16), at) is not None
        and after is not None
        and not any(c.isdigit() for c in after.group())
    )


# A list of kinds closed by 等 (冰箱、空调、热水器等8类产品): its items are short nouns with no
# number, the last one before 等; the list is one noun, its pauses cut no clause
_LIST_ITEM = re.compile(r"[\u4e00-\u9fff]{1,8}")
_LAST_ITEM = re.compile(r"[\u4e00-\u9fff]{1,8}等")


def _in_kinds_list(sentence: str, cuts: list[int], i: int) -> bool:
    """Whether the pause at cuts[i] (a 、) is inside a list of kinds closed by 等."""
    j = i
    while j < len(cuts) and sentence[cuts[j]] == "、":
        nxt = cuts[j + 1] if j + 1 < len(cuts) else len(sentence)
        if _LAST_ITEM.match(sentence, cuts[j] + 1):
            return True  # (the item after the pause closes the list)
        if not _LIST_ITEM.fullmatch(sentence, cuts[j] + 1, nxt):
            return False
        j += 1
    return False


def _levels_listed(sentence: str) -> set[int]:
    """The pauses inside levels of place listed after a count (246个街道、乡镇…)."""
    found = LEVELS_LISTED.finditer(sentence)
    return {
        m.start() + i
        for m in found
        if _COUNTED.search(sentence, 0, m.start())
        for i, ch in enumerate(m.group())
        if ch == "、"
    }


_COUNTED = re.compile(r"[0-9][个家所处座]$")


def clause_cuts(sentence: str) -> list[int]:
    """Where the sentence's clauses break (at ，、：and brackets), but for a short bracketed
    note on a unit (204万套（间）的任务…), which leaves the clause whole, and the pauses of a list
    of kinds closed by 等 (销售冰箱、空调、热水器等8类产品215.3万台: one noun)."""
    cuts = list(map(re.Match.start, _CLAUSE.finditer(sentence)))
    if "、" in sentence and (pairs := _levels_listed(sentence)):
        cuts = [at for at in cuts if at not in pairs]  # 246个街道、乡镇服务点: one noun
    if "等" in sentence and "、" in sentence:
        cuts = [at for i, at in enumerate(cuts) if not _in_kinds_list(sentence, cuts, i)]
    if " " in sentence or "\u3000" in sentence:  # a headline's clauses: 新建4100个 累计建成3.2万个
        breaks = (m.start() for m in _HEADLINE_BREAK.finditer(sentence))
        cuts = [
            at
            for at in sorted([*cuts, *breaks])
            if not (_spaced_amount(sentence, at) or _lone_amount(sentence, at))
        ]
    if "（" not in sentence and "(" not in sentence:
        return cuts
    kept: list[int] = []
    skip = -1
    for i, at in enumerate(cuts):
        if at <= skip:
            continue
        closing = cuts[i + 1] if i + 1 < len(cuts) else -1
        short = 0 < closing - at - 1 <= _SHORT_ASIDE or bool(
            closing > at and _RATE_ASIDE.fullmatch(sentence, at + 1, closing)
        )
        if short and sentence[at] in "（(" and sentence[closing] in "）)":
            skip = closing
            continue
        remark = _remark_end(sentence, at)
        if remark > 0:
            skip = remark
            continue
        kept.append(at)
    return kept


# A remark in brackets with no number in it (（以下除特别注明外，均为同比增长）, （快报数）): no
# clause of its own, whatever pauses it holds; the clause before it goes on after it
_REMARK = re.compile(r"[^0-9０-９（）()。；;]{2,30}[）)]")


def _remark_end(sentence: str, at: int) -> int:
    """Where the remark in brackets opening at `at` closes, or -1 when none opens there."""
    if sentence[at] not in "（(":
        return -1
    found = _REMARK.match(sentence, at + 1)
    return found.end() - 1 if found else -1


def with_title(title: str, text: str) -> str:
    title = title.strip()
    if not title or text.lstrip().startswith(title):
        return text
    return f"{title}\n{text}"


# What a part after a semicolon may open with and still go on with the subject before it:
# a time phrase, a place, then a continuation (…；“十四五”以来全省累计筹集63万套).
_CARRY_TIME = re.compile(
    speech.SPEAKER  # (…；市住房城乡建设委介绍，全市已累计…)
    + r"(?:“?十?[一二三四五六七八九]五”?(?:以来|期间)|(?:19|20)[0-9]{2}\s*年(?:以来)?"
    r"|今年(?:以来)?|去年"
    r"|前三季度|上半年|[一二三四]季度|截[至止][^，,；;。]{1,8}?(?=[，,]|已|累计)"
    rf"|(?:今年)?{MONTH_SPAN}份?"
    r"|[0-9一二三四五六七八九十]{1,2}月(?:末|底)|年末|年底)?[，,]?"
    r"(?:全省|全市|全国|全区)?"
)


# A sentence breaking the one before down by time (分季度看，一季度…; 分月看，…; 从月度看，…): it
# goes on with that one's subject, as a part after a semicolon does
_BY_TIME = re.compile(r"\s*(?:分|从|按|逐)(?:季度|季|月份|月度|月)(?:来|上)?看[，,：:]")


# …or a sentence giving its parts place by place (。其中鼓楼区2100个，…；台江区…)
_PARTS_BY_PLACE = re.compile(
    r"\s*其中[，,：:]?(?=[\u4e00-\u9fff]{2,5}?(?:区|县|市|州|镇|街道)[约近超逾]?[0-9])"
)


# A sentence after a full stop that opens with no subject of its own, but for a time or 其中
# (。截至8月底，已开工…; 。1至7月，累计完成投资…; 。其中，已完成改造429个): the work of the one
# before goes on
_AFTER_STOP = re.compile(r"\s*其中[，,]")


def past_time_clause(sentence: str, at: int) -> int:
    """Where the clause after a time alone opening at `at` starts (1—8月份，累计完成投资…: the
    subject carried into the sentence is the next clause's); `at` if none opens there."""
    lead = _CARRY_TIME.match(sentence, at)
    return lead.end() if lead and sentence[lead.end() - 1 : lead.end()] in "，," else at


def _lead_end(text: str, at: int) -> int:
    """Where the part at `at` goes on past a 其中 or a time opening it (_CARRY_TIME)."""
    lead = _AFTER_STOP.match(text, at) or _CARRY_TIME.match(text, at)
    return lead.end() if lead else at


def _goes_on_after_stop(text: str, at: int) -> bool:
    """Whether the sentence at `at`, after a full stop, goes on with the subject before it."""
    if text[at - 1 : at] != "。":
        return False
    at = _lead_end(text, _past_blank(text, at))
    first = _CLAUSE.search(text, at)  # (not a list's heading: 。按…分为四类：竣工项目22个，…)
    colon = text.find("：", at, first.end() if first else len(text))
    return colon < 0 and continues(text, at)


def _breakdown(text: str, at: int) -> re.Match[str] | None:
    """A breakdown of the sentence before by time (分季度看，) or by place (分地区看，其中甲区…)."""
    return _BY_TIME.match(text, at) or BY_PLACE.match(text, at) or _PARTS_BY_PLACE.match(text, at)


def carried(text: str, ends: list[int], wanted: dict[int, list[Target]]) -> dict[int, list[Target]]:
    """Sentences after a semicolon that name no target but go on with the one before (and after
    a full stop, one breaking it down by time: 分季度看，…, or the progress on a list item named
    before it), and the answer to a reporter's
    question naming one (记者：社区食堂…能不能完成？局长：今年的任务是…)."""
    out = _answers(text, ends, wanted)
    for index in wanted:  # 3.新增普惠托位2000个。截至10月底，已完成2350个…: the item's progress
        after = _after_blank(text, ends, index)
        if after not in wanted and item_then_progress(text, ends, index):
            out[after] = wanted[index]
    for index in sorted({**wanted, **out}):
        k = index
        while (
            (j := _after_blank(text, ends, k)) < len(ends)
            and (
                text[ends[k] - 1] in "；;"
                or _breakdown(text, _past_blank(text, ends[k])) is not None
                or _goes_on_after_stop(text, ends[k])
            )
            and (j not in wanted or _opens_unnamed(text, ends[j - 1], wanted[j]))
        ):
            at_next = _past_blank(text, ends[k])
            by = _breakdown(text, at_next) if text[ends[k] - 1] not in "；;" else None
            start = by.end() if by else at_next
            at = _lead_end(text, start)
            nxt = NEXT_STEP.match(text, start)
            if not (
                continues(text, at)
                or (at > start and _NUMBER_START.match(text, at))
                or (nxt and continues(text, nxt.end()))
                or (by and (places_counted(text, at) or by.re is _PARTS_BY_PLACE))
            ):
                break
            carry = wanted.get(index) or out[index]
            if j not in wanted and _own_thing(text, at, carry):
                break  # …；计划新增4个日间照料中心，已全部开工，建成4个，完成率100%
            out[j] = [*carry, *(t for t in wanted.get(j, ()) if t not in carry)]
            k = j
    return _after_parts(text, ends, wanted, out)


def _after_parts(
    text: str, ends: list[int], wanted: dict[int, list[Target]], out: dict[int, list[Target]]
) -> dict[int, list[Target]]:
    """`out` with the sentence after a breakdown into parts (。其中，续建项目…；新开项目…。) that
    goes on with no subject of its own (累计完成投资…，为年投资计划的61.8%): the whole's work
    again, the subject of the sentence the parts broke down, not the last part's."""
    for index in sorted({**wanted, **out}):
        at = _past_blank(text, ends[index - 1]) if index else 0
        if text[ends[index] - 1] != "。" or _AFTER_STOP.match(text, at):
            continue  # (the parts' own sentences, and those that end on a semicolon)
        k = _after_blank(text, ends, index)
        if k >= len(ends) or not _AFTER_STOP.match(text, _past_blank(text, ends[index])):
            continue
        while k < len(ends) and text[ends[k] - 1] in "；;":
            k = _after_blank(text, ends, k)  # (the parts run on to the full stop)
        j = _after_blank(text, ends, k)
        if (
            j < len(ends)
            and j not in wanted
            and j not in out
            and _goes_on_after_stop(text, ends[k])
        ):
            out[j] = wanted.get(index) or out[index]
    return out


def _after_blank(text: str, ends: list[int], index: int) -> int:
    """The sentence after sentence `index`, past any that are only a line break (…。\n截至…)."""
    j = index + 1
    while j < len(ends) and not text[ends[j - 1] : ends[j]].strip():
        j += 1
    return j


def _past_blank(text: str, at: int) -> int:
    """`at`, past the spaces and line breaks there (a new paragraph's start)."""
    while at < len(text) and text[at] in " \t\r\n\u3000":
        at += 1
    return at


def _own_thing(text: str, at: int, targets: list[Target]) -> bool:
    """Whether the part at `at` counts a thing of its own in its first clause (…；计划新增4个
    日间照料中心，…): its own subject, not the one before."""
    first = _CLAUSE.search(text, at)
    keywords = [k for t in targets for k in t.keywords]
    return counts_own_noun(text, at, first.start() if first else len(text), keywords)


def _opens_unnamed(text: str, start: int, targets: list[Target]) -> bool:
    """Whether the part at `start` names its targets only after its first clause (…；2024年计划
    新增10万个，其中高中学位1.5万个): that clause, if it goes on, has the subject before."""
    cut = _CLAUSE.search(text, start)
    end = cut.start() if cut else len(text)
    return not any(k in text[start:end] for t in targets for k in t.keywords)


def _answers(
    text: str, ends: list[int], wanted: dict[int, list[Target]]
) -> dict[int, list[Target]]:
    """The first sentence after a question naming a target (and any further questions): an
    answer, whose subject is the question's, though it names it no more; and a new-media line of
    items (▶开工35个　▶完工19个) under a heading naming one (长沙发布｜内涝治理“进度条”)."""
    out: dict[int, list[Target]] = {}
    for index, targets in wanted.items():
        k = index
        while k < len(ends):
            said = text[ends[k - 1] if k else 0 : ends[k]].rstrip()  # (a first line: …？\n)
            if said and said[-1] not in speech.QUESTION_ENDS:
                break
            k += 1
        if k == index and speech.heading(text[ends[k - 1] if k else 0 : ends[k]]):
            k += 1
            while k < len(ends) and not text[ends[k - 1] : ends[k]].strip():
                k += 1
            if k < len(ends) and not speech.ITEMS.match(text, ends[k - 1]):
                continue
        if k > index and k < len(ends) and k not in wanted:
            out[k] = targets
    return out


def sentence_ends(text: str) -> list[int]:
    """Where each sentence ends (after its 。, ！, ；, newline…); the last ends with the text."""
    ends: list[int] = []
    for ch in _END_CHARS:
        # the offset after each `ch`, found with str.find (memchr): compiled, half the time of
        # the pieces' lengths summed after text.split(ch), which makes a string of each piece
        at = text.find(ch)
        while at >= 0:
            at += 1
            ends.append(at)
            at = text.find(ch, at)
    ends.sort()
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    return _headline_whole(text, ends)


_HEADLINE_MAX = 64  # a first line this short with no full stop is a headline (or a heading)
_HEADLINE_MARKS = frozenset("！？!?")


def _headline_whole(text: str, ends: list[int]) -> list[int]:
    """A headline's ！ and ？ do not end it (1.9万套！成都保障性租赁住房筹集量创新高): a short first
    line without a full stop is read as one sentence, as find_article_figures puts the title."""
    line = text.find("\n")
    line = len(text) if line < 0 else line
    if ends[0] >= line or line > _HEADLINE_MAX or "。" in text[:line] or "；" in text[:line]:
        return ends
    kept = [e for e in ends if e > line or text[e - 1] not in _HEADLINE_MARKS]
    if not kept or kept[-1] < len(text):  # (福州新增托位6000个！家长点赞！: the text is one)
        kept.append(len(text))
    return kept


def clause_bounds(cuts: list[int], clause: int, length: int) -> tuple[int, int]:
    """Where clause number `clause` of a sentence `length` long starts and ends."""
    return (cuts[clause - 1] + 1 if clause > 0 else 0), (
        cuts[clause] if clause < len(cuts) else length
    )
