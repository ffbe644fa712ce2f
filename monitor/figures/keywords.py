"""A target's keywords as a sentence may write them: the keyword itself, its first part (增发…国债
is 增发 and 国债), split by an aspect word (光伏新增装机, 光伏累计装机 for 光伏装机), its words in
another order (新增城镇就业 for 城镇新增就业, 改造城中村 for 城中村改造, 助餐点、社区食堂 for
社区食堂和助餐点), or its first words joined to another's by a list sharing its last words
(城镇、农村居民人均可支配收入 names 城镇居民人均可支配收入)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import permutations
from typing import NamedTuple

from monitor.figures.events import event_alone
from monitor.figures.firsts import opening
from monitor.figures.short_forms import both_sides, short_forms
from monitor.figures.titled_parts import with_titled_parts
from monitor.figures.traditional import with_simplified
from monitor.models import Target


def _first_part(keyword: str) -> str:
    return keyword.split("…", 1)[0]


# An aspect word inside a compound keyword (光伏新增装机, 光伏累计装机 for 光伏装机): the compound's
# head noun (its last two letters) keeps what is counted, the word says which figure it is.
# People named inside it (农村人口供水 for 农村供水) say whom it serves; a state word (燃气老化管道
# for 燃气管道) which are worked on; a line in operation (公交新开通线路 for 公交线路) is the line.
_ASPECT = "新增|累计|新|总|并网|在建|人口的?|老化|老旧|运营|营运|开通|通车|完成"
_HEAD = 2


# Aspect words a keyword holds inside that a text may write first (城镇新增就业: 新增城镇就业)
_ASPECT_FIRST = re.compile(r"(?<=[\u4e00-\u9fff]{2})(新增|新建|累计)(?=[\u4e00-\u9fff]{2})")
# Verbs of work on things already there that a keyword may name after its thing or before it
# (城中村改造, 改造城中村; 加装电梯, 电梯加装); two of them in either order (改造提升, 提升改造).
# Verbs that also make nouns of their own (建设用地, 城市更新, 城市建设) are left out.
WORKS = "改造|提升|改建|扩建|加装|治理|整治|修缮"
_THING_THEN_WORK = re.compile(rf"([\u4e00-\u9fff]{{2,}}?)((?:{WORKS}){{1,2}})")
_WORK_THEN_THING = re.compile(rf"((?:{WORKS}){{1,2}})([\u4e00-\u9fff]{{2,}})")
_ONE_WORK = re.compile(WORKS)
# The words for a share a keyword may end with, one for another (优良天数比例, …占比, …比重)
_SHARE_WORDS = ("比例", "占比", "比重")
_SHARE_WORD = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:比例|占比|比重)$")
# The words joining the items of a list (社区食堂和老年助餐点, 社区食堂、老年助餐点)
_JOINS = ("和", "、", "及", "与")
# A list word, but not inside a word of its own (普及率, 及时, 参与, 和美乡村, 和谐)
LIST_WORD = (
    r"(?:以及|、|(?<![普涉波危顾以])及(?!时|格)|(?<![参给])与|(?<![温平祥缓])和(?![美谐平睦]))"
)
_JOIN = opening(re.compile(LIST_WORD))  # searched only where a match can start (firsts.py)


@lru_cache(maxsize=1024)
def variants(keyword: str) -> tuple[str, ...]:
    """The keyword's words in the other orders a text writes them in (新增城镇就业 for
    城镇新增就业; 改造城中村 for 城中村改造; 提升改造老旧小区 for 老旧小区改造提升; the items of
    a list in any order and joined by any list word); none for most keywords."""
    if "…" in keyword or keyword.isascii() or len(keyword) < 4:
        return ()
    out: list[str] = []
    items = [i for i in _JOIN.split(keyword) if i]
    if 1 < len(items) <= 3 and all(len(i) >= 2 for i in items):
        out.extend(j.join(order) for order in permutations(items) for j in _JOINS)
        return tuple(v for v in dict.fromkeys(out) if v != keyword)
    share = _SHARE_WORD.search(keyword)
    if share:  # 优良天数比例: 优良天数占比, 优良天数比重 (one measure, three words for it)
        out.extend(keyword[: share.start()] + w for w in _SHARE_WORDS)
    if both := both_sides(keyword):  # 城镇居民…: 城乡居民…分别 (pairs.side_refused)
        out.append(both)
    aspect = _ASPECT_FIRST.search(keyword)
    if aspect:  # 城镇新增就业: 新增城镇就业
        out.append(aspect.group() + keyword[: aspect.start()] + keyword[aspect.end() :])
    thing = _THING_THEN_WORK.fullmatch(keyword)
    work = _WORK_THEN_THING.fullmatch(keyword) if thing is None else None
    if thing or work:
        noun, works = thing.group(1, 2) if thing else work.group(2, 1)  # type: ignore[union-attr]
        if _ONE_WORK.match(noun) or works == "提升":  # 质量提升 is no work on a thing
            return tuple(out)
        orders = [works]
        split = _ONE_WORK.match(works)
        if split and split.end() < len(works):  # 改造提升: 提升改造 too
            orders.append(works[split.end() :] + works[: split.end()])
        out.extend(w + noun for w in orders)
        out.extend(noun + w for w in orders)
    return tuple(v for v in dict.fromkeys(out) if v != keyword)


def split_sentences(text: str, ends: list[int], keyword: str) -> list[int]:
    """The sentences (by index, `ends` their ends) naming the keyword split by an aspect word
    (光伏新增装机 for 光伏装机) or by a list sharing its last words (城镇、农村居民…)."""
    # most texts hold no split keyword: two plain searches say so for less than the pattern's
    if not may_split(text, keyword):
        return []
    return [bisect_right(ends, m.start()) for m in split_matches(text, keyword)]


class AnySplit(NamedTuple):
    """Whether a text names any of the keywords split: first one search with the loose patterns
    of them all (_split_near), which most texts pass at once, then each keyword's own."""

    near: re.Pattern[str]  # any of the keywords' _split_near
    keywords: tuple[str, ...]

    def search(self, text: str) -> re.Match[str] | None:
        """A match of one of the keywords split (not always the leftmost), or None."""
        if self.near.search(text) is None:
            return None
        for keyword in self.keywords:
            if _split_near(keyword).search(text) is not None:
                found = _split_pattern(keyword).search(text)
                if found is not None:
                    return found
        return None


def any_split(keywords: list[str]) -> AnySplit | None:
    """What finds any of the keywords split by an aspect word; None if none may be."""
    split = tuple(k for k in dict.fromkeys(keywords) if _splittable(k))
    if not split:
        return None
    # each alternative opens with its keyword's first letters, not a group: re then jumps from
    # one of those letters to the next instead of trying every alternative at every place
    return AnySplit(re.compile("|".join(_split_source(k, None) for k in split)), split)


def split_matches(text: str, keyword: str) -> list[re.Match[str]]:
    """Every match of the keyword split in `text` (_split_pattern's finditer), quickly where its
    loose pattern finds none."""
    if _split_near(keyword).search(text) is None:
        return []
    return list(_split_pattern(keyword).finditer(text))


def _splittable(keyword: str) -> bool:
    return len(keyword) >= 4 and "…" not in keyword and not keyword.isascii()


def may_split(text: str, keyword: str) -> bool:
    """Whether `text` holds the first and last words a split keyword begins and ends with."""
    return keyword[:_HEAD] in text and keyword[-_HEAD:] in text


@lru_cache(maxsize=1024)
def _split_pattern(keyword: str) -> re.Pattern[str]:
    """The keyword split by an aspect word (光伏新增装机), or its first words before a list
    sharing its last ones (【城镇】、农村居民人均可支配收入; only those first words are the
    match: the list's other items are read as their own). Every branch opens with the keyword's
    first two letters, written once so that a search looks for them first."""
    return re.compile(_split_source(keyword, _OTHER_ITEM))


@lru_cache(maxsize=1024)
def _split_near(keyword: str) -> re.Pattern[str]:
    """_split_pattern with only the list word after the first words, not the list's other item
    and the shared words: it matches wherever _split_pattern does (and a little more), so a text
    it finds nothing in needs no other search. It compiles at once; _split_pattern's class of all
    Chinese letters, in each list branch, takes re ~0.5 ms to compile (~3 ms a keyword, ~70 ms
    the corpus's targets, in every reading worker), and most texts never need it."""
    return re.compile(_split_source(keyword, None))


def _split_source(keyword: str, other: str | None) -> str:
    first, head, tail = keyword[:_HEAD], keyword[_HEAD:-_HEAD], keyword[-_HEAD:]
    aspect = f"{re.escape(head)}(?:{_ASPECT})+{re.escape(tail)}"
    if other is None:
        # the loose pattern: any of the first words (a prefix of the middle, nested: one list
        # word to compile, not one a branch) before a list word; the same places match
        words = ""
        for letter in reversed(head):
            words = f"(?:{re.escape(letter)}{words})?"
        return f"{re.escape(first)}(?:{aspect}|{words}(?={_LIST_WORD}))"
    branches = [aspect]
    for cut in range(_HEAD, len(keyword) - _HEAD + 1):  # its first words, then the shared ones
        after = f"{_LIST_WORD}{other}{re.escape(keyword[cut:])}"
        branches.append(f"{re.escape(keyword[_HEAD:cut])}(?={after})")
    return f"{re.escape(first)}(?:{'|'.join(branches)})"


# A list word and the other item of a list sharing a keyword's last words (城镇、【农村】居民…)
_LIST_WORD = LIST_WORD
_OTHER_ITEM = "[\u4e00-\u9fff]{1,8}?"


def named_in(sentence: str, keyword: str) -> bool:
    """Whether the sentence names the keyword, or the keyword split by an aspect word."""
    if _first_part(keyword) in sentence:
        return True
    return _splittable(keyword) and bool(split_matches(sentence, keyword))


class _Plan(NamedTuple):
    """What find_figures looks for, the same for every article of a pass."""

    targets: tuple[Target, ...]  # the targets, each with its keywords' other spellings

    words: list[tuple[Target, str]]  # each target with the first part of each of its keywords
    plain: bool  # no target has exclude or region words: a sentence naming one is about it
    splits: list[tuple[Target, str]]  # each target with each keyword an aspect word may split
    split_any: AnySplit | None  # any of them split: one search a text, most find none
    heads: list[tuple[int, str, str]]  # the given targets' keywords with a head noun (widened)


# Plans by the identity of a tuple of targets: a pass reads every article for the same targets,
# and a reading worker is given them once, as a tuple (see reading.py).
_PLANS: dict[int, tuple[Sequence[Target], _Plan]] = {}
# …and of a list's targets, one by one (a list may change from one call to the next, its
# targets may not: they are frozen), for callers that read many texts with one list (try,
# the evals). The plan keeps them, so their ids name no other target while it is kept.
_LIST_PLANS: dict[tuple[int, ...], tuple[tuple[Target, ...], _Plan]] = {}


def _plan(targets: Sequence[Target]) -> _Plan:
    if isinstance(targets, tuple):
        kept = _PLANS.get(id(targets))
        if kept is not None and kept[0] is targets:
            return kept[1]
    else:
        listed = _LIST_PLANS.get(tuple(map(id, targets)))
        if listed is not None:
            return listed[1]
    plan = _made_plan(targets)
    if isinstance(targets, tuple):
        if len(_PLANS) >= 8:
            _PLANS.clear()
        _PLANS[id(targets)] = (targets, plan)
    else:
        if len(_LIST_PLANS) >= 8:
            _LIST_PLANS.clear()
        _LIST_PLANS[tuple(map(id, targets))] = (tuple(targets), plan)
    return plan


def _made_plan(targets: Sequence[Target]) -> _Plan:
    spelled = tuple(map(_spelled, targets))
    return _Plan(
        targets=spelled,
        words=[(t, part) for t in spelled for part in _first_parts(tuple(t.keywords))],
        plain=not any(t.exclude or t.region for t in spelled),
        splits=[(t, k) for t in spelled for k in dict.fromkeys(t.keywords) if _splittable(k)],
        split_any=any_split([k for t in spelled for k in t.keywords]),
        heads=[
            (i, k, head)
            for i, t in enumerate(spelled)
            for k in t.keywords
            if (head := _head(k)) is not None
        ],
    )


# The noun a target's title counts after its amount (整县试点扩大到25个县, 覆盖300个乡镇): up to a
# verb or a mark, four letters at most
_TITLE_NOUN = r"[0-9０-９.]+\s*[万亿]?{unit}([\u4e00-\u9fff]{{1,4}}?)(?=[^\u4e00-\u9fff]|$|{verbs})"
_TITLE_VERBS = "开展|实现|建成|完成|推进|推广|试点|以上|左右|的|和"


@lru_cache(maxsize=256)
def title_noun(title: str, unit: str | None) -> str | None:
    """The noun right after the amount in a target's title, in its unit (25个县 → 县)."""
    if not unit or unit not in title:
        return None
    pattern = _TITLE_NOUN.format(unit=re.escape(unit), verbs=_TITLE_VERBS)
    found = re.search(pattern, title)
    return found.group(1) if found else None


# A keyword ending on the kind of what the title counts (整县试点 … 扩大到25个县): its things
# named by that kind and the noun (试点县, 示范村) are the target's too
_KIND_ENDS = ("试点", "示范", "达标", "先行")


def _kind_nouns(target: Target) -> tuple[str, ...]:
    noun = title_noun(target.title, target.unit)
    if not noun or len(noun) > 2:
        return ()
    return tuple(k[-2:] + noun for k in target.keywords if k.endswith(_KIND_ENDS))


# where Latin letters or digits meet Chinese inside a keyword (5G|基站, PM2.5|浓度)
_MIXED = re.compile(r"(?<=[0-9A-Za-z])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[0-9A-Za-z])")


@lru_cache(maxsize=1024)
def _spelled(target: Target) -> Target:
    """The target with its keywords' other spellings (keywords.variants) added to them, as
    every step of reading weighs them, and its things named by the kind its title counts
    (试点县); itself when they have none (most targets). A keyword typed in traditional letters
    (城市書房) is read in simplified ones too, as a traditional page is (traditional.py)."""
    typed, places = with_simplified(target.keywords), with_simplified(target.region)  # (內地)
    places = with_titled_parts(target.title, places)  # (黔西南州中心城市…: its part, its own)
    if typed != target.keywords or places != target.region:
        target = replace(target, keywords=typed, region=places)
    more = tuple(v for k in target.keywords for v in variants(k) if v not in target.keywords)
    # a page spacing Latin letters or digits off Chinese (5G 基站, PM2.5 浓度): the same keyword
    more += tuple(v for k in target.keywords if (v := _MIXED.sub(" ", k)) != k)
    more += tuple(s for k in target.keywords for s in short_forms(k) if s not in target.keywords)
    more += tuple(k for k in _kind_nouns(target) if k not in target.keywords)
    # an event named alone before its measures (生产安全事故1846起、死亡702人 for 生产安全事故死亡):
    # which of them is the target's, binding weighs (events.py)
    alone = (event_alone(k) for k in target.keywords)
    more += tuple(a for a in alone if a and a not in target.keywords and a not in more)
    return replace(target, keywords=(*target.keywords, *dict.fromkeys(more))) if more else target


@lru_cache(maxsize=4096)
def _first_parts(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct, non-empty first parts of a target's keywords, in order."""
    return tuple(dict.fromkeys(p for p in map(_first_part, keywords) if p))


# A compound keyword's head noun after a verb of work on it (老旧小区 named, then 已开工小区1110个,
# 新开工改造小区355个): the keyword's things, said short in an article that has named them in full
_HEAD_VERBS = ("改造", "开工", "完工", "竣工", "整治", "建成")
_TRAILING_WORK = re.compile(rf"(?:{WORKS}|建设)+$")


_NO_HEAD = re.compile(r"[率量额数]$|面积|规模|比例|项目|工程|任务|资金|长度|里程")


@lru_cache(maxsize=1024)
def _head(keyword: str) -> str | None:
    """The head noun of a compound keyword naming a thing (老旧小区改造: 小区), if it has one."""
    thing = _TRAILING_WORK.sub("", keyword)  # 老旧小区改造: 老旧小区
    if len(thing) < 4 or "…" in thing or _NO_HEAD.search(thing[-2:]):
        return None  # (新开工面积, 重点项目: a measure or a word for any work, no thing's name)
    return thing[-2:]


_NEAR = 1000  # how far after the keyword's first place its short form is looked for


def _said_short(text: str, head: str, keyword: str, at: int) -> list[str]:
    """The head after a verb of work (开工小区), said within _NEAR letters after `at` (where
    `text` first names `keyword`) in a sentence that does not name `keyword` in full before it."""
    out: list[str] = []
    stop = at + _NEAR
    at = text.find(head, at + 2, stop)
    while at >= 0:
        short = text[at - 2 : at + len(head)]
        if short[:2] in _HEAD_VERBS and short not in out:
            start = max(text.rfind(m, 0, at) for m in "。！？\n") + 1
            if keyword not in text[start:at]:
                out.append(short)
        at = text.find(head, at + 1, stop)
    return out


def widened(
    targets: Sequence[Target], text: str, named: dict[str, int], heads: list[tuple[int, str, str]]
) -> Sequence[Target]:
    """The targets, each with its compound keyword's head noun after a verb of work (开工小区 for
    老旧小区) as a keyword too, where `text` names the keyword in full (`named`: where each
    keyword's first part first stands) and soon after says the short form in a sentence that
    has not named it before; `targets` itself when none does (most articles). `heads`: each
    keyword with a head noun (_head), with its target's index, in order."""
    extras: dict[int, list[str]] = {}
    for i, keyword, head in heads:
        if (at := named.get(keyword)) is not None:
            extra = extras.setdefault(i, [])
            extra += [k for k in _said_short(text, head, keyword, at) if k not in extra]
    out: list[Target] | None = None
    for i, extra in extras.items():
        target = targets[i]
        if more := [k for k in extra if k not in target.keywords]:
            out = out if out is not None else list(targets)
            out[i] = replace(target, keywords=(*target.keywords, *more))
    return targets if out is None else out


Found = tuple[_Plan, list[tuple[Target, str, int]]]  # a plan, each keyword's first place


def first_found(targets: Sequence[Target], text: str) -> Found | None:
    """The plan for `targets` and each keyword's first place in `text`; None when `text` names
    none of them, not even split by an aspect word (find_figures reads no more of it)."""
    plan = _plan(targets)
    first = [(target, part, pos) for target, part in plan.words if (pos := text.find(part)) >= 0]
    if not first and (plan.split_any is None or plan.split_any.search(text) is None):
        return None
    return plan, first


def plan_found(
    targets: Sequence[Target], text: str, found: Found | None = None
) -> tuple[_Plan, list[tuple[Target, str, int]], list[tuple[Target, str]]]:
    """The plan for `targets` (widened for this text), each keyword's first place in it and the
    keywords it names split (`found`: what first_found gave for it, if called)."""
    plan, first = found or (_plan(targets), [])
    if found is None:
        first = [(t, part, pos) for t, part in plan.words if (pos := text.find(part)) >= 0]
    named = {p: at for _, p, at in first}
    if first and (wide := widened(targets, text, named, plan.heads)) is not targets:
        plan = _plan(wide)
        first = [(t, part, pos) for t, part in plan.words if (pos := text.find(part)) >= 0]
    splits = plan.splits if plan.split_any and plan.split_any.search(text) else []
    return plan, first, splits
