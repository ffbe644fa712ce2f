"""The words of plan that the frame cues are built from (cues.py): 计划 as a verb, a duty before
the work (须新建), 争取 as intent, a decision on work (确定新建), a plan handed down, a plan set
before (原定…), as pattern text to join into one expression."""

from __future__ import annotations

import re

from monitor.figures.firsts import opening
from monitor.figures.nouns import WORK_VERB

# 去年 and 上年 name a year, no aspect: a plan set in it (去年提出…, 去年计划…, 去年的目标是…,
# 去年原计划…) is that year's plan; not a forecast of it (去年…预计达到…: an estimate of results)
PAST_YEAR = frozenset({"去年", "上年"})
PLAN_SET = re.compile(r"提出|计划|原定|(?:目标|任务)(?:是|为)|力争|确保|将(?!近)|要(?!求)")
FORECAST_WORDS = re.compile(r"预计|预测|预估|有望|可望")

# The work a plan's noun may name before it (8000万亩的年度建设任务, 50处整治任务, 700万亩的改造
# 目标): the work's plan, its size before it
PLAN_WORK = r"(?:建设|改造|整治|治理|更新|提升|修缮|发行)"

# 计划 as a verb (计划新建, 全年计划巩固提升…), not the noun of a share (完成全年计划的80%,
# 年度计划完成85%, 是年初计划的1.04倍) nor of a plan-execution report (计划执行情况总体良好),
# nor a plan's rate named (年度计划投资完成率122.1%)
_PLAN_VERB = (
    r"计(?<![成过比较定原]计)(?!划执行|划的[约近]?[0-9]|划[\u4e00-\u9fff]{1,4}?完成(?:率|进度))(?:(?<!全年计)(?<!年度计)|(?=划(?:再|要|将)?"
    r"(?:新|建|改|筹|开工|实施|巩固|提升|发行|安排|投资|培育|种植|治理|完工|竣工|发放|投放"
    r"|认定|评定|评选|整治|引进|招引|铺设|修建|扩建|安置|供应|出让|提供|打造|创建|培训|帮扶"
    # (年度计划完成投资860亿元: the investment the plan is to make; not 年度计划完成了…, 完成率,
    # nor the plan's investment as a whole a share is of: 占全年计划完成投资的68%)
    r"|完成[\u4e00-\u9fff]{0,8}?投资(?!的)"  # (全年计划完成农村公路投资2500亿元: the same)
    r"|举办|开展|复耕|造林|栽植|吸纳|接待|转移|设立|开设|开通|上线|打通|消除|修复|收储"
    # …or any other word of work: what the plan's noun goes on with (的, 完成, 任务, 数, 进度) is
    # not one (全年计划加装电梯300部 as 全年计划新建…)
    r"|(?![的之中内外数表书里执完任目进项总]|[^\u4e00-\u9fff])[\u4e00-\u9fff]{2})))划"
    # 规划 as a verb right before the work (规划修建村卫生室20个, 规划新建, 规划实现): the work
    # planned; not the noun (按照规划，…; 城市总体规划) nor a bureau's or a land use's name
    # (规划建设局, 规划建设用地)
    + r"|规(?<![按据照依于市县区省城体])划(?=(?:新建|修建|建设|改造|改建|扩建|新增|布局|打造|实现)"
    r"(?!局|委|部门|管理|用地|和|与))"
    # 布局 as a verb before the work (布局建设60个社区养老驿站): the work laid out
     + r"|(?<![已经])布局(?=建设|新建|打造)"
)
# A duty before the work (今年须新建40个, 必须完成, 需新增, 务必, 应当完成): a plan's. 应 after 供,
# 相, 响 … is another word (供应, 相应); 需 before no verb of work is a need (群众需求).
# (a branch a word, each opening with a letter, not a group: _PLEDGE and MODAL's searches then
# jump between the letters their branches open with instead of trying every place)
# An intent before the work (打算再新增5000张, 准备新建…) is read as a duty is.
# …or before a level to hold to (全年需控制在10天以内, 须保持在95%以上, 必须降到…): a limit set
_HOLD = r"控制在|控制到|保持在|稳定在|降[至到]|压减到|压降到|不[超低高少多]于"
_DUTY_WHEN = r"(?:在[^，,。；]{1,8}?前|今年|全年|年内|年底前|明年|(?:19|20)[0-9]{2}\s*年)?"
_DUTY = "|".join(
    word + _DUTY_WHEN + r"(?:再|还|要|将)?新?(?=" + WORK_VERB.pattern + "|" + _HOLD + ")"
    for word in (
        *("必须", "务必", "须(?<![无毋]须)", "需(?<![所急]需)要?"),
        "应(?<![供相响适对反效呼答]应)当?(?!急)",
        *("打算", "准备"),
    )
)
# 争取 is a modal of intent (力争, 争取全年完成…) unless what it won is said done (累计争取中央资金
# 38.5亿元, 已争取到…额度, 共争取…): then it is the verb of funds obtained
_STRIVE = r"争(?<!累计争)(?<![共已成功先后经]争)(?<!共计争)(?<!合计争)取(?!到)"
# What a plan set before says it was to do (原定今年新增养老床位2000张): a verb of work opening the
# rest of its clause, whose number is the plan's size, not a reference to compare with
_PLAN_CLAUSE = (
    r"[^，,。；的]{0,10}?(?:新建|新增|建成|完成|改造|筹集|开工|建设|实施|发行|安排|投资|筹建|提供"
    r"|开展|举办)"
)
_DECIDED_WORK = (
    r"(?=(?:今年|全年|年内|明年|20[0-9]{2}\s*年)?(?:全[市省区])?"
    r"(?:新建|建设|新增|实施|改造|筹集|开工|完成"
    # …for whom (确定为三千名孤独症儿童提供康复救助, 明确为5000户加装报警器)
    r"|为[^，,。；]{1,16}?(?:提供|安装|加装|配备|配置|发放|新建|改造|实施|开展|免费)))"
)
# (任务已经下达; 目标已经设定, 任务已确定: a plan set, what the clauses after it list is to do)
_HANDED_DOWN = (
    r"[^，,。；已]{0,8}?(?:(?:已经?)?(?:分解|下达)|已经?(?:设定|确定|明确|敲定|锁定|制定))"
)
# What a year is foreseen to bring or a budget sets (全年可达120万人, 能够突破, 调整预算为2300亿元,
# 列入民生实事项目, 纳入今年计划): words of plan, a branch a word
_FORESEEN = "|".join(
    (
        "可(?=达|完成|实现|突破|超过)",
        "能(?<!功能)够?(?=达|完成|实现|突破|超过)",
        # (the budget stated, not one a share is taken of: 完成年初预算的93.5% governs nothing)
        "预算(?<!公共预算)(?:数|安排)?(?:为|是)(?=[约近超逾]?[0-9一二三四五六七八九十两])",
        "列入[^，,。；]{0,14}?(?:计划|实事|清单|任务|目标|重点项目|项目库|规划)",
        "纳入[^，,。；]{0,14}?(?:计划|实事|清单|任务|目标|重点项目|项目库|规划)",
        "写入[^，,。；]{0,14}?(?:计划|实事|清单|任务|目标|规划)",
    )
)

# The amount the time gone by asks for (按序时进度应完成267家, 按时间进度应完成6500公里, 序时任务
# 为533部, 时序要求…): a quota of the schedule, neither the plan nor a result
SCHEDULE_QUOTA = re.compile(r"(?:序时|时序|时间)(?:进度|任务|要求|目标)")

# A task's unit in charge, as a plan document names it after each item (（牵头单位：市民政局）,
# 责任部门：区住建局, （市交通局牵头）, （各区政府负责）): the item is work assigned, a plan
_IN_CHARGE = re.compile(
    r"(?:牵头|责任|主责|配合)(?:单位|部门)[：:]|[（(][^（）()。]{2,30}?(?:牵头|负责)[）)]"
)
_IN_CHARGE = opening(_IN_CHARGE)  # searched only where a match can start (firsts.py)
_IN_CHARGE_REACH = 40  # how far after a sentence its item's unit in charge may be named


def assigned_task(text: str, ends: list[int], index: int) -> bool:
    """Whether sentence `index` of `text` (its ends at `ends`) is an item of a plan document:
    the unit in charge is named in it or right after it (新建口袋公园30个。（牵头单位：…）)."""
    start = ends[index - 1] if index else 0
    reach = ends[index + 1] if index + 1 < len(ends) else ends[index]
    return _IN_CHARGE.search(text, start, min(reach, ends[index] + _IN_CHARGE_REACH)) is not None


# A project's name quoted with its amount in a list of projects (民生实事项目…如“新增普惠托育机构
# 40家”“新建社区食堂20个”等; 包括“新改建农村公路300公里”项目): the name gives the project's planned
# size, whatever the sentence says was done with the projects; so is a name put in a plan
_QUOTE_REACH = 40  # how long a project's quoted name may be
# (…or put in a plan after it: 将“新建…10个”列为年度实事项目, 把“…”作为今年的重点任务)
# (“…”已被省委省政府列为…任务: by whom, between)
_NAME_AFTER = re.compile(
    r"\s*(?:“|等|项目|、|）|\)|民生实事|工程"
    r"|(?:已经?)?被?[^，,。；;“”0-9]{0,10}?(?:列为|列入|纳入|写入|确定为|定为|作为))"
)
# (…or after the plan's noun it is the words of: 今年确定的实事任务的“新建…3000公里”已完成; 目标
# 则是“新增…3.1万个以上”)
_NAME_BEFORE = re.compile(
    r"(?:如|包括|含|、|”|：|:|(?:任务|目标|计划|实事)(?:的|(?:则|就|也|还)?(?:是|为)[：:]?))\s*$"
)


def quoted_project(sentence: str, start: int, end: int) -> bool:
    """Whether the amount at sentence[start:end] is inside a project's quoted name (“新增…40家”)
    that opens with a verb of work and stands in a list: another name or 等/项目 after its
    closing quote, or 如/包括/、 before its opening one."""
    opened = sentence.rfind("“", max(0, start - _QUOTE_REACH), start)
    if opened < 0 or "”" in sentence[opened:start]:
        return False
    closed = sentence.find("”", end, end + _QUOTE_REACH)
    if closed < 0 or "“" in sentence[end:closed]:
        return False
    if WORK_VERB.match(sentence, opened + 1) is None:
        return False
    return bool(_NAME_AFTER.match(sentence, closed + 1) or _NAME_BEFORE.search(sentence, 0, opened))


# The year's list of pledged projects named as what is counted, then its total
# (2024年市级民生实事老旧小区改造项目共42个; 为民办实事口袋公园项目共18个; 民心工程…共计18个):
# the count of the projects the list holds, its plan's size, whatever stage they have reached
# since; not a count of work done said inside it (民生实事中已建成…共18个)
_LIST_COUNTED = re.compile(
    r"(?:民生实事|为民办实事|实事项目|民心工程)[^，,。；;0-9]{0,14}?(?:共计|总计|合计|一共|共)(?:是|为|有)?$"
)
_DONE_INSIDE = re.compile(r"已|完成|建成|完工|竣工|开工|投用")


def list_counted(sentence: str, c0: int, start: int) -> bool:
    """Whether the amount at `start` is the total of a year's listed projects (_LIST_COUNTED)."""
    found = _LIST_COUNTED.search(sentence, max(c0, start - 30), start)
    return found is not None and not _DONE_INSIDE.search(found.group())


# the rest of a clause after a point in it
_REST = re.compile(r"[^，,。；;]*")
# A count naming the size of a project or works it opens (2万亩高标准农田建设项目进展顺利, 36处
# 农村供水工程已完成投资…): the project as planned, unless its clause says the whole of it done
# or begun (…加固工程已全部建成; …改造工程已全部竣工, 全面开工); not a count of
# projects (40个项目总投资…: two letters at least name the thing before 项目)
_PROJECT_AFTER = re.compile(
    r"(?:(?![为是已将的和与及])[\u4e00-\u9fff“”]){2,14}?(?:建设|改造|提升|整治|更新|治理)?"
    r"(?:项目|工程)(?!中|里|的)"
)
_WHOLE_DONE = re.compile(
    r"(?:如期|全部|全面|顺利|已经?|均)+(?:完成(?!投资|了?(?:招标|招投标|选址|立项|设计|前期))"
    r"|建成|竣工|完工|交付|开工|启动)"
)
_DONE_NEXT = re.compile(r"(?:建设)?(?:完工|竣工|建成|开工|投用|投运|交付)")  # (…产业项目开工建设)


# A verb of the work before the count (已建成36个灾后恢复重建项目): the projects counted as worked
_WORKED_BEFORE = re.compile(
    r"建成|完成|完工|竣工|开工|新建|新增|改造|改建|扩建|实施|启动|投用|交付|验收|办结"
)


def project_size(sentence: str, c0: int, start: int, end: int) -> bool:
    """Whether the count at `start`-`end` (its clause opening at `c0`) names the size of a
    project it opens, as planned."""
    after = _PROJECT_AFTER.match(sentence, end)
    if after is None or _WORKED_BEFORE.search(sentence, c0, start):
        return False
    rest = _REST.match(sentence, after.end())
    tail = rest.group() if rest else ""
    return _WHOLE_DONE.search(tail) is None and _DONE_NEXT.match(tail) is None
