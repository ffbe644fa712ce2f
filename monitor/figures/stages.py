"""The stage of work a count is of (开工, 建成, 筹集, 交付, 签约), where a target counts one
stage: the stage a target's title names, and the one a sentence names before a number."""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.figures.firsts import Opening
from monitor.models import Quantity, Target

# The stage of work a count is of, where a target counts one stage (新开工 vs 基本建成): coverage
# reports the stages of one programme side by side (签约1320台，开工980台，完工760台; 筹集9800套，
# 新开工4200套，竣工交付3100套), and a target of one never takes another. Homes finished and
# handed over (竣工交付) are finished ones. 筹集建设 (raise and build) names a whole programme,
# every stage of it; 筹集 alone the homes raised. Homes let or supplied to tenants (分配, 配租,
# 供应) are a later stage than those raised, a part of them; projects approved (立项) an earlier
# one than any work, and homes pulled down (拆除) a stage of a renewal, none of them its count.
# Work under way (在建, 续建: a stock of projects started in this or an earlier year and not done)
# is neither the year's starts nor its completions. Roads and lines opened to traffic (通车, 建成
# 通车, 交工通车; a title's 新增…通车里程) are built ones.
_STAGES = (
    ("开工", re.compile(r"开工")),
    # (schools, canteens, homes put into use, 投入使用/投用, are built ones too; after 建成 or 完工
    # it is no stage word of its own: 建成投用 is 建成)
    (
        "建成",
        re.compile(
            r"基本建成|建成(?:交付|通车)?|竣工(?:交付)?|完工|通车|投(?<!成投)(?<!工投)(?:入使用|用)"
            # (opened to use: 开园, 开业, 启用, 投运; not after 建成: 建成开园 is 建成)
            r"|开(?<!成开)(?<!工开)(?:园|业)|启(?<!成启)(?<!工启)用|投(?<!成投)(?<!工投)(?:运|入运营)"
        ),
    ),
    ("筹集", re.compile(r"筹集(?<!建设筹集)(?!建设)")),
    ("分配", re.compile(r"分配|配租|配售|供应(?!链)")),
    ("交付", re.compile(r"交付")),
    ("签约", re.compile(r"签约|签字确认")),
    ("立项", re.compile(r"立项")),
    ("拆除", re.compile(r"拆除|拆迁")),
    ("在建", re.compile(r"在建|续建")),
)
# Homes let in a clause of their own (供应分配5万套, 供应3.4万套; not 住房供应体系), and words of
# raising or building them (建设筹集, 开工)
_LET = re.compile(r"分配|配租|配售|供应(?!链|体系)")
_RAISED = re.compile(r"筹集|建设|新建|开工")
# every branch of the stage words opens with a letter (not a group or a look-behind): a search
# then jumps between those letters, and most places in a sentence are never tried
_ANY_STAGE = re.compile("|".join(p.pattern for _, p in _STAGES))


@lru_cache(maxsize=1024)  # asked for each number and target with the target's title
def stage_of(text: str) -> str | None:
    """The stage a target's title names (全国城镇保障性安居工程新开工 → 开工), if one."""
    for name, pattern in _STAGES:
        if pattern.search(text):
            return name
    return None


# The things' age told with a stage before the noun (2000年底前建成的老旧小区, 1998年以前竣工的):
# a description of them, no stage of the work counted
_AGE = re.compile(r"(?:前|以前|之前)$")


def _stages(sentence: str, start: int, end: int) -> list[re.Match[str]]:
    """The stage words in sentence[start:end], but those telling the things' age."""
    found = _ANY_STAGE.finditer(sentence, start, end)
    return [m for m in found if not _age_told(sentence, m)]


def _age_told(sentence: str, m: re.Match[str]) -> bool:
    """Whether the stage word `m` tells the things' age (…年以前建成的)."""
    return sentence.startswith("的", m.end()) and bool(
        _AGE.search(sentence, max(0, m.start() - 2), m.start())
    )


def stage_before(sentence: str, at: int) -> str | None:
    """The stage named last before `at` (新开工580万套，基本建成【360万套】 gives 建成; 计划开工
    3000个，已完成改造【1950个】 too: work completed is finished work)."""
    found = _stages(sentence, 0, at)
    done = list(_DONE_WORK.finditer(sentence, 0, at)) if "完成" in sentence else []
    if done and (not found or done[-1].start() > found[-1].start()):
        return "建成"
    return stage_of(found[-1].group()) if found else None


# work said to be completed (完成改造, 完成了加装): finished work, a completion
_DONE_WORK = re.compile(r"完成了?(?:升级)?(?:改造|建设|改建|加装|安装)")


# Work a clause names that is no stage of it (累计改造1.1万个): its count is of no one stage
_OTHER_WORK = re.compile(r"改造|新增|新建|筹集|实施|累计|完成(?!率)")


def stage_at(sentence: str, c0: int, at: int) -> str | None:
    """The stage of work the number at `at` counts, as the text names it (开工, 完工, 基本建成):
    named in its clause before it (已开工2860个, 完工率41%), or, in a clause naming no work of
    its own, the last one named before it (…开工1.17万个，同比增长8.3%)."""
    if _ANY_STAGE.search(sentence) is None:
        return None  # most sentences name no stage (one test, from the stage words themselves)
    found = _stages(sentence, c0, at)
    if found:
        return found[-1].group()
    if _OTHER_WORK.search(sentence, c0, at):
        return None
    found = _stages(sentence, 0, c0)
    return found[-1].group() if found else None


# A stage said right after its number (其中86个已建成, 已有86个建成开放, 120个口袋公园已全部
# 开工): the thing's name and an adverb of done between, no other verb (用于开工 is none)
# (…已有142个重大项目竣工投产, 86个项目集中开工: projects, named, then their stage)
_STAGE_AFTER = re.compile(
    r"(?:[\u4e00-\u9fff]{1,8}?(?:已经?|均已|都已)|已经?|均已|都已"
    r"|[\u4e00-\u9fff]{0,6}?项目(?:集中|相继|顺利)?)?(?:全部|基本|陆续)?"
    # (其中31个完成竣工验收, 已有12个通过竣工验收: reaching the stage is the stage)
    r"(?:完成|实现|通过)?新?"
    f"({_ANY_STAGE.pattern})"
)


def stage_after(sentence: str, c0: int, start: int, end: int, c1: int) -> str | None:
    """The stage of work the number at sentence[start:end] counts when its clause (c0 to c1)
    names it only after the number (其中86个已建成): the stage's word, as stage_at gives it;
    None where the clause names a stage or finished work before the number."""
    if _ANY_STAGE.search(sentence, end, c1) is None:
        return None
    if _ANY_STAGE.search(sentence, c0, start) or _DONE_WORK.search(sentence, c0, start):
        return None
    m = _STAGE_AFTER.match(sentence, end, c1)
    return m.group(1) if m else None


# The stage said right after the count's own noun (12个体育公园建成开放, 380台加装电梯开工建设,
# 46个老旧小区改造完工): the things counted, then what was done to them
_STAGE_RIGHT = re.compile(
    r"(?:改造|建设|改建|项目)?(?:已经?|均已|都已|全部|基本|陆续|集中|相继|顺利)*"
    f"({_ANY_STAGE.pattern})"
)


# …and after a word of the kind of work before the noun and a time after it (108所新建改扩建中小学
# 幼儿园秋季学期投入使用, 46个新建农贸市场国庆前投用): the things, when they reached the stage
_WORK_BEFORE = re.compile(r"(?:新建|改扩建|新改扩建|改建|扩建|新增|续建)+")
_WHEN_THEN = re.compile(
    r"(?:[0-9\u4e00-\u9fff]{0,5}?(?:学期|季度|年底|年内|月底|月份|日|节前|前|近日|日前|如期|按期|正式)){1,2}"
)


def _stage_after_noun(sentence: str, end: int, c1: int, keywords: tuple[str, ...]) -> str | None:
    """The stage said right after the number (ending at `end`) and one of `keywords`."""
    work = _WORK_BEFORE.match(sentence, end, c1)
    at = work.end() if work else end
    for keyword in keywords:
        if keyword and sentence.startswith(keyword, at):
            m = _STAGE_RIGHT.match(sentence, at + len(keyword), c1)
            if m is None and (when := _WHEN_THEN.match(sentence, at + len(keyword), c1)):
                m = _STAGE_RIGHT.match(sentence, when.end(), c1)
            return m.group(1) if m else None
    return None


def other_stage(
    sentence: str,
    c0: int,
    q: Quantity,
    c1: int,
    stage: str,
    listed: str | None,
    keywords: tuple[str, ...] = (),
) -> str | None:
    """For a target counting one stage, the other stage the number counts (新开工580万套，基本
    建成【360万套】; 其中【1320台】已完工 for a target of starts), if it does: the one a 分别 list
    pairs it with (`listed`), the one said right after it in its clause or right after its noun
    (`keywords`: 12个体育公园建成开放), else the last before."""
    after = stage_after(sentence, c0, q.start, q.end, c1)
    if after is None and _ANY_STAGE.search(sentence, q.end, c1):
        after = _stage_after_noun(sentence, q.end, c1, keywords)
    before = stage_before(sentence, _list_head(sentence, q.start, keywords))
    said = listed or (stage_of(after) if after else None) or before
    return said if said and said != stage else None


_FIRST_AMOUNT = re.compile(r"[0-9]")


def _list_head(sentence: str, at: int, keywords: tuple[str, ...]) -> int:
    """Where the stage governing the number at `at` is looked for up to: for an item of a 、 list
    naming the keyword and no stage of its own (…、公租房配租1300套、【保障性租赁住房5200套】),
    the list's first amount (its head's verb governs every item), else the number itself."""
    item = sentence.rfind("、", 0, at)
    if item < 0 or not any(k in sentence[item:at] for k in keywords):
        return at
    if _stages(sentence, item, at):
        return at
    run = max(sentence.rfind(c, 0, item) for c in "，,；;。：:") + 1
    first = _FIRST_AMOUNT.search(sentence, run, item)
    return first.start() if first else at


def stage_said(sentence: str, c0: int, q: Quantity, c1: int) -> str | None:
    """The stage of work the number counts as its clause (c0 to c1) names it: right after it
    (其中86个已建成), else stage_at's."""
    return stage_after(sentence, c0, q.start, q.end, c1) or stage_at(sentence, c0, q.start)


# A step taken before any work (审批, 备案, 选址, 立项, 签约, 核准): what it counts is not built
# yet, for a target naming no stage too (已审批1504部, 完成备案2.4万个, 规划审批量为362万台, 另有
# 3200台已完成规划审批), unless the target counts that step itself (签约家庭医生)
_BEFORE_WORK = "审批|备案|选址|立项|签约|核准|报建"
_STEP_BEFORE = re.compile(rf"(?:{_BEFORE_WORK})(?:了|量|数)?(?:为|达到?|共)?\s*$")
_STEP = re.compile(_BEFORE_WORK)


_PLAN_NOUN = re.compile(r"任务|计划|目标")


def step_before_work(sentence: str, c0: int, q: Quantity, c1: int, words: str) -> str | None:
    """The step before any work the number at q counts in its clause (c0 to c1): said right
    before it (已审批【1504部】) or after it with no work done between (【3200台】已完成规划审批);
    None if none, or the target's own words (`words`) name it."""
    found = _STEP.search(sentence, c0, c1)
    if found is None:
        return None  # most clauses name no such step
    before = _STEP_BEFORE.search(sentence, c0, q.start)
    if before is not None:
        step = _STEP.match(sentence, before.start())
    else:
        step = _STEP.search(sentence, q.end, c1)
        if step is not None and _ANY_STAGE.search(sentence, q.end, step.start()):
            step = None  # 1.2万个建成投运，…: work done, whatever step is named after
        elif step is not None and _PLAN_NOUN.search(sentence, q.end, step.start()):
            step = None  # 8万个公办学位的任务已完成选址: the plan's size, the step its
    if step is None or step.group() in words:
        return None
    return step.group()


def stage_refused(
    sentence: str,
    c0: int,
    q: Quantity,
    c1: int,
    words: str,
    listed: str | None,
    keywords: tuple[str, ...] = (),
) -> str | None:
    """Why the number at q is of no stage the target counts (its own words `words`; `listed`
    the stage a 分别 list pairs it with): another stage than a one-stage target's (新开工580万套，
    基本建成【360万套】 for starts), or a step before any work (step_before_work); None if none."""
    stage = stage_of(words)
    said = other_stage(sentence, c0, q, c1, stage, listed, keywords) if stage else None
    if said:
        return f"another stage ({said}) than the target's ({stage})"
    if stage is None and ("建设筹集" in words or "筹集建设" in words):
        # a whole programme's target (建设筹集…4万套) counts no homes let (…、供应分配5万套)
        head = sentence[c0 : q.start]
        if _LET.search(head) and not _RAISED.search(head):
            return "another stage (分配) than the target's (建设筹集): homes let, not raised"
    step = step_before_work(sentence, c0, q, c1, words)
    return f"a step before any work ({step}): nothing built yet" if step else None


# Work on things already there (改造提升, 提质改造, 升级改造, 改扩建) and building new ones (新建,
# 新增): a work report lists both for one thing (新建高标准农田750万亩、改造提升200万亩), and a
# target whose title names one of them only takes the other's count from none.
# (改建 is work on things there too, 新改建 both works: 新建和改建户厕, 新改建农村公路; routes
# and ways made better, 优化调整线路, 优化提升绿道, are those there too)
_UPGRADE = re.compile(r"改造|提质|提档|升级|改扩建|提升改造|改建|优化")
# (新增开工…: more starts; 新开通, 新开设, 新辟 a line or service opened: new, as 新建; not 新开工)
_NEW = re.compile(r"新建|新增(?!开工|完工|竣工)|新改建|新扩建|新开(?:通|设|辟)|新辟")


@lru_cache(maxsize=256)  # asked for each number with the target's title and keywords
def _works(title: str, keywords: tuple[str, ...]) -> tuple[bool, bool]:
    """Whether a target's words name upgrading, and building new."""
    words = title + "".join(keywords)
    return bool(_UPGRADE.search(words)), bool(_NEW.search(words))


# Things found wanting and put right: inspected (排查整改), or named by their fault (整改问题户厕,
# 整改安全隐患路段, 隐患整改)
_PUT_RIGHT = re.compile(
    r"排查整改|整改[^，,。；]{0,8}?(?:问题|隐患)|(?:问题|隐患)[^，,。；]{0,12}?整改"
)


def _fixes(target: Target) -> bool:
    """Whether the target counts things put right (整改): its title or keywords say so."""
    return "整改" in target.title or any("整改" in k for k in target.keywords)


def other_work(sentence: str, c0: int, q: Quantity, target: Target) -> str | None:
    """For a count, why it counts upgrading for a target of new things (…、改造提升【200万亩】)
    or building new for a target of upgrading: its clause up to it, the last item of a list
    only, names the one work and not the other; None else."""
    if "整改" in sentence[c0 : q.start] and q.unit not in ("%", "％") and not _fixes(target):
        # 排查整改问题户厕326户: things found wanting and put right, not the work counted (已整改
        # 168公里 after 计划改造燃气管道500公里 is that work)
        fixed = _PUT_RIGHT.search(sentence, c0, q.start)
        if fixed:
            return f"things found wanting and put right ({fixed.group()}), not the work counted"
    upgrading, building = _works(target.title, target.keywords)
    if upgrading == building or q.unit in ("%", "％"):
        return None  # (most targets name neither work, or both: nothing to tell apart)
    head = sentence[c0 : q.start]
    head = head[head.rfind("、") + 1 :]
    up, new = _UPGRADE.search(head), _NEW.search(head)
    if up and not new and building and not upgrading:
        return f"things upgraded ({up.group()}), not the new ones the target counts"
    if new and not up and upgrading and not building:
        return f"things newly built ({new.group()}), not those upgraded the target counts"
    return None


# Words after a count saying its work is still going on (62条正在施工, 4个仍在建设, 正在紧张施工中),
# or going well (19个项目进展顺利, 6个项目进展良好, 1个项目有序推进), the things maybe named again
_UNDER_WAY = Opening(
    re.compile(
        r"(?:项目|工程|事项|件事)?(?:均|都|仍|尚|还)?(?:(?:正在|正|仍在|尚在|还在|在)(?:紧张|加紧|加快|抓紧|有序)?"
        r"(?:施工|建设|推进|实施|装修|改造|整治|招标|设计)|进展(?:顺利|良好)|(?:有序|稳步|顺利)推进)"
    )
)


def going_on(sentence: str, end: int, title: str) -> bool:
    """Whether the words right after a count (ending at `end`) say its work is under way, for a
    target whose title does not count work under way (在建, 施工)."""
    return bool(_UNDER_WAY.match(sentence, end)) and "在建" not in title and "施工" not in title
