"""Which cell names a row of a list of tasks or projects: the item's own name (社区食堂建设), not a
sentence holding the task's or the progress's figures (新建社区食堂30个 | 已建成24个), not the unit
in charge of it (县民政局 under 牵头单位), not a category merged down beside the items (文化惠民 |
城市书房)."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.places import GENERIC
from monitor.figures.table_heads import role_of, squashed
from monitor.models import Table, Target

# An amount and its measure word (30个, 27.5公里); after words, a figure inside them (新建…30个)
AMOUNT = (
    r"[0-9０-９][0-9０-９.]*\s*[万亿千百]?\s*"
    r"(?:[个所张座套间户人家处条台部辆栋名项场次吨亩元%％]|公里|千米|米|平方米|公顷|千瓦)"
)
FIGURE_IN = re.compile(r"[\u4e00-\u9fff]" + AMOUNT)
_IN_CHARGE = re.compile(r"责任|牵头|主办|承办|实施主体|部门|建设单位|业主|主管")
_LETTER = re.compile(r"[\u4e00-\u9fff]")
_CATEGORY = re.compile(r"类别|分类|类型|领域|板块|方面|门类")


def _sentences(table: Table, i: int) -> bool:
    """Are most cells of column i sentences with a figure inside?"""
    cells = [row[i] for row in table.rows if i < len(row) and row[i].strip()]
    said = [c for c in cells if FIGURE_IN.search(c)]
    return bool(said) and len(said) * 2 >= len(cells)


def _numbers(table: Table, i: int) -> bool:
    """Is column i numbers or codes alone (任务编号 | 118, 报送批次 | 3): no item's name?"""
    return not any(_LETTER.search(row[i]) for row in table.rows if i < len(row))


def category(table: Table, i: int) -> bool:
    """Is column i a category over the items (领域, 类别; or one word merged down over rows)?"""
    if _CATEGORY.search(table.header[i]):
        return True
    cells = [row[i] for row in table.rows if i < len(row) and row[i].strip()]
    return len(cells) >= 2 and len(set(cells)) < len(cells)


def item_columns(table: Table, columns: list[int]) -> list[int]:
    """Of the word columns `columns`, those naming each row's item: not sentences, not the unit
    in charge, not a category when an item's column is beside it; `columns` when none is left."""
    names = [
        i
        for i in columns
        if i < len(table.header)
        and not _IN_CHARGE.search(table.header[i])
        and not _sentences(table, i)
        and not _numbers(table, i)
    ]
    items = [i for i in names if not category(table, i)]
    return items or names or [i for i in columns if not _numbers(table, i)]


def name_last(table: Table, labels: list[int]) -> list[int]:
    """The label columns with those naming each row's item last, where the row's label is read
    (table_rows.label_of): sentences, the unit in charge and categories before them."""
    if len(labels) < 2:
        return labels
    items = item_columns(table, labels)
    return [i for i in labels if i not in items] + items


# A row label of a role and no thing (实际完成, 1-9月完成, 完成数, 年度目标（人）): the role of the
# item the row above names, its next line (新建球场年度目标 | … , then 实际完成 | …)
_ROLE_ALONE = re.compile(
    r"(?:(?:19|20)[0-9]{2}\s*年)?(?:年度|全年|今年|本年|当年|上半年|"
    r"[0-9０-９]{1,2}\s*(?:[-—–~至]\s*[0-9０-９]{1,2})?\s*月份?)?(?:实际|累计|已|计划|目标)?"
    r"(?:完成|建成|开工|竣工|完工|目标|任务|计划)(?:任务|目标)?(?:数|值|量|情况|率|比例)?\s*"
    r"(?:[（(][^）)]{1,6}[)）])?"
)

Row = tuple[tuple[str, ...], str]


def role_rows(rows: list[Row], named: list[Row]) -> list[Row]:
    """The rows right below a named row (or below another such row) whose label is a role
    alone: the named item's plan, result or share on its own line."""
    out: list[Row] = []
    follows = False
    for item in rows:
        if item in named:
            follows = True
            continue
        follows = follows and _ROLE_ALONE.fullmatch(item[1].strip()) is not None
        if follows:
            out.append(item)
    return out


_PART_FIRST = re.compile(r"其中|包括|含|[(（]?[0-9一二三四五六七八九十]+[)）.、]")
_WORDS = re.compile(r"[\u4e00-\u9fff]{2,}")


def titled(label: str, target: Target) -> bool:
    """Does the target's title name the thing a row is labelled with (全省铁路 in 全省铁路营业里程;
    全省铁路, its place word aside, in 西岭省铁路营业里程), the row no part (其中：城际铁路)?"""
    label = label.strip()
    if _PART_FIRST.match(label) or not _WORDS.fullmatch(label):
        return False
    places = (*target.region, *GENERIC)
    place = next((p for p in places if p and label.startswith(p) and len(label) > len(p)), "")
    return label in target.title or label[len(place) :] in target.title


# A column of a project's content, scale or name (建设内容, 主要建设内容及规模, 项目名称, 工作内容
# 与要求), or of the items named by their tasks (实事项目: 新建口袋公园12个): what it is to build,
# its plan (新建社区食堂25个 beside 完成情况 | 28)
CONTENT_HEAD = re.compile(
    r"[\u4e00-\u9fff]{0,4}(?:内容|规模|名称|项目|事项)(?:[及与和](?:内容|规模|要求|目标))?"
)


def content_role(head: str) -> str | None:
    """The role of a project's content's column (建设内容: its plan), else None."""
    return "pledge" if CONTENT_HEAD.fullmatch(squashed(head).strip()) else None


_INDEX = re.compile(r"\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[.、．]?\s*")
_HAN = re.compile(r"[\u4e00-\u9fff]{2}")


def row_name(row: tuple[str, ...], items: list[int], content: int | None = None) -> str:
    """The row's name: its task's or content's sentence where no item's column names it (序号 |
    项目内容: 新增…47台。; 县区 | 行动 merged down | 年度目标任务: 2.募集见习岗位325个), else its
    first cell of words in the item's columns left of its sentences (item_columns: not a category
    merged down, not the unit in charge), no index (稳定扩大就业), else its index (not
    市交通运输局, the unit in charge right of them)."""
    for i in [*([] if content is None else [content]), *items]:
        cell = row[i] if i < len(row) else ""
        if cell.strip() and not _INDEX.fullmatch(cell) and _HAN.search(cell):
            return cell.strip()
    return row[0].strip() if row else ""


def task_column(table: Table, texts: list[int], published: date | None) -> int | None:
    """The first sentence column saying each row's task or content (项目内容, 年度目标任务), not
    a category merged down over them (项目名称: 一、就业促进行动（6项指标）)."""
    for i in texts:
        head = table.header[i]
        if (content_role(head) or role_of(head, published) == "pledge") and not category(table, i):
            return i
    return None


# A task's size in a row label (新建12个城市书房): no word of the thing
_TASK_SIZE = re.compile(AMOUNT)


def thing_words(label: str) -> str:
    """A row label without its task's size: the words naming its thing and its work."""
    return _TASK_SIZE.sub("", label)
