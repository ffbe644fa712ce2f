"""The words that say a count is of things added (新增, 新开工) or a stock (累计, 达到, 总计),
and whether a clause's 达到 is reached by additions: read by measures.scope_of."""

from __future__ import annotations

import re

from monitor.figures.since import since_launch

# Verbs that make a stock unless the clause is the year's work (今年累计达到…, 1至10月累计…); not
# 共计划 (共 + 计划: the plans summed, 全市共计划改造126个); 达 before a number is 达到
_STOCK_VERB = re.compile(
    r"增至|增加到|增长到|达到|达(?=[约近超逾]?[0-9０-９一二三四五六七八九十两])|总计"
    r"|共(?:计(?!划)|建|完成|改造|开工|开通|建成|建设|实施)"
)
# Words of work done or things added in the period: a clause with none of them before its number
# (截至8月底，千兆宽带用户365万户; …，全省节水灌溉面积达到2710万亩) states a level.
_ADDITION = re.compile(
    r"新增|新建|新开|新注册|开工|完工|竣工|建成|建设|完成|改造|筹集|实现|净增|增加|增长|减少|下降"
    r"|提高|发放|实施|培育|引进|招引|签约|投放|开通|销售|接待|发行|提供|安排|交付|验收|投用|办理"
    r"|改建|扩建|修建|铺设|种植|造林|治理|整治|安置|吸纳|就业|创业|招聘|培训|帮扶|新改建"
    # money paid out or recovered in the period, as 发放 is (截至5月底追回欠薪…, …支付…)
    r"|支付|拨付|兑付|追回|追发|追讨|资助|减免"
    r"|开发(?!区)|募集"  # posts created or gathered (开发公益性岗位, 募集见习岗位)
)
# not 截至今年, nor 年初至今 (the year's); nor 合计, a sum of the parts before it, which takes
# their period (今年…，合计…)
_CUMULATIVE = re.compile(
    r"累计|累积|(?<!年初)至(?<!截至)今(?!年)|历年"
)  # (2021年至今年9月: a span's end)
# the words of things added (新建, 新增): not 新能源, 新型 (_FLOW_BEFORE_STOCK's kinds)
_ADDED = re.compile(r"新(?:增|建|开工|开|改建)|净增")


def _reaches_additions(sentence: str, c0: int, clause: str) -> bool:
    """Whether 达到 (达) in the clause is reached by additions, not a stock: the things added named
    in its clause (新开工项目将达到…), or a list item going on with them (…、力争达到…)."""
    if (
        "达" not in clause
        or _CUMULATIVE.search(clause)
        or _STOCK_VERB.findall(clause) not in (["达到"], ["达"])
    ):
        return False
    if _ADDED.search(clause):
        return True
    return sentence[c0 - 1 : c0] == "、" and _added_before(sentence, c0)


def _added_before(sentence: str, c0: int) -> bool:
    """Whether the clause before the one at c0 counts additions (新增, 新开工), not a total."""
    before = sentence[_clause_before(sentence, c0) : c0]
    return bool(_ADDITION.search(before)) and not _CUMULATIVE.search(before)


def _clause_before(sentence: str, c0: int) -> int:
    """Where the clause before the one starting at c0 (after a break, or at it) starts."""
    end = c0 - 1 if sentence[c0 - 1 : c0] in "，,；;" else c0
    return max(sentence.rfind(ch, 0, end) for ch in "，,；;。\n") + 1


# A list of shares of the year's plan closing the sentence (…累计新建农村公路5813公里，改造危桥618
# 座，分别完成年度目标任务的116%、124%): each amount before it is the year's work so far
_SHARES_OF_YEARS_PLAN = re.compile(
    r"分别(?:超额)?(?:完成|占|达到|为)(?:了)?[^。；，,]{0,12}?(?:年度|全年)[^。；，,的]{0,4}?(?:任务|计划|目标)"
)


# Last year's running total of work (去年全省累计完成营造林1083万亩): that year's work, as this
# year's is; not a stock dated by it (去年达到8.2万个, 截止去年年底…已建成…)
_LAST_YEARS_TALLY = re.compile(
    r"(?<![比较于至到止])去年(?![末底]|年[末底]|以来|同期)[^，,。；;0-9]{0,12}?累计"
    r"(?:完成|新增|新建|建成|实施|改造|开工|发放|培训|接待|筹集)"
)


def last_years_tally(sentence: str, at: int) -> bool:
    """Whether last year's running total of work is said before the number at `at`."""
    return "去年" in sentence and _LAST_YEARS_TALLY.search(sentence, 0, at) is not None


# A run of years named with no start opening the sentence (经过几年的整治，多年来，近年来): what its
# clauses total is a stock with no start, unless a time named after it dates them (今年以来…)
_UNDATED_YEARS = re.compile(
    r"(?:经过|经)(?:近|这)?(?:几|多|数|十几|十多)年(?:来)?[^，,。；;0-9]{0,8}[，,]"
    r"|(?:近|多|几|这几|这些|十几|十多)年来[，,]"
)
_DATED = re.compile(r"今年|去年|[0-9]{4}\s*年|[0-9]{1,2}\s*月|[上下]半年|[一二三四]季度")


def undated_years(sentence: str, c0: int, at: int) -> bool:
    """Whether the sentence opens with a run of years named with no start (近年来，…) that
    the number at `at`, in the clause at c0, is under: no time named between them."""
    found = _UNDATED_YEARS.match(sentence)
    return found is not None and found.end() <= c0 and not _DATED.search(sentence, 0, at)


# A project's running total since its works began, naming no year (开累完成投资, 开工以来累计):
# a stock of work done, not the year's. (Each branch opens with a letter, its look-behind after
# it: a search then jumps between those letters; a look-behind first made it try every place.)
_SINCE_WORK_BEGAN = re.compile(
    r"开累|开(?<![0-9]年开)(?:工|建)(?:建设)?以来|动(?<![0-9]年动)工(?:建设)?以来"
)


def no_start(sentence: str, c0: int, c1: int, head: str, opening: int) -> bool:
    """Whether the clause at c0 (`head` up to its number) totals work since a start no year
    dates: since the works began (开工以来开累…), a launch (试点以来，…), a run of years
    (近年来，…); `opening` the length of the sentence's opening (据统计，…)."""
    if _SINCE_WORK_BEGAN.search(head) or undated_years(sentence, c0, c0 + len(head)):
        return True
    return c0 <= opening + 1 and (
        _SINCE_WORK_BEGAN.search(sentence, 0, c0) is not None or since_launch(sentence, c1)
    )
