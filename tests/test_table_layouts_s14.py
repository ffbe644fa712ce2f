"""figures.tables on the kinds tables_f (session 14, written blind) showed, in tables of our own
(places, figures and wording invented): lists of 民生实事 whose task and progress cells are
sentences, read with the row named by its item (not by a sentence, the unit in charge or the
category merged down beside it)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.figures.table_text import text_cell_figures
from monitor.figures.tables import find_table_figures
from monitor.models import Pledge, Table, Target

DAY = date(2025, 10, 12)
LX = ("临溪县", "临溪", "全县")

Read = tuple[str, str, str, str, str]  # row, header, kind, scope, value and unit


def read_all(table: Table, target: Target, title: str = "", day: date = DAY) -> list[Read]:
    """The figures a table gives, numbers and sentences in its cells, as (row, header, kind,
    scope, value unit), sorted."""
    found = find_table_figures(table, [target], published=day, title=title)
    found += text_cell_figures(table, [target], published=day, title=title)
    out = []
    for f in found:
        line = f.sentence
        begin = line.rfind(" | ", 0, f.start)
        head = line[begin + 3 : line.find(": ", begin + 3)]
        value = f"{f.value.normalize():f} {f.unit}"
        out.append((line.split(" | ", 1)[0], head, f.kind, f.scope, value))
    return sorted(out)


# --- a share column right of sentence cells: the row is its item's, not the last sentence's ----

CANTEENS = Target(
    "lx-canteens", "临溪县2025年新建社区食堂30个", ("社区食堂",), LX, unit="个",
    pledge=Pledge(Decimal(30)),
)  # fmt: skip


def test_a_share_right_of_sentence_cells_is_the_items_row() -> None:
    table = Table(
        caption="县民生实事推进情况", unit=None,
        header=("序号", "项目", "牵头单位", "建设任务", "截至9月底完成情况", "完成比例"),
        rows=(
            ("1", "社区食堂建设", "县民政局", "新建社区食堂30个", "已建成社区食堂24个", "80%"),
            ("2", "城乡公厕提升", "县城管局", "改造公厕40座", "完成改造31座", "77.5%"),
        ),
    )  # fmt: skip
    assert read_all(table, CANTEENS, "临溪县2025年民生实事进展") == [
        ("社区食堂建设", "完成比例", "achieved", "share_of_pledge", "80 %"),
        ("社区食堂建设", "建设任务", "pledge", "new", "30 个"),
        ("社区食堂建设", "截至9月底完成情况", "achieved", "new", "24 个"),
    ]


def test_a_progress_column_between_sentences_and_the_unit_in_charge() -> None:
    table = Table(
        caption="", unit=None,
        header=("民生实事", "2025年目标任务", "1-9月进展", "进度", "责任部门"),
        rows=(
            ("社区食堂", "新建社区食堂30个", "建成投用21个，在建9个", "70%", "县民政局"),
            ("养老床位", "新增养老床位200张", "新增养老床位150张", "75%", "县民政局"),
        ),
    )  # fmt: skip
    got = read_all(table, CANTEENS, "临溪县民生实事进度")
    assert ("社区食堂", "进度", "achieved", "share_of_pledge", "70 %") in got
    assert {row for row, *_ in got} == {"社区食堂"}


# --- a category merged down beside the items: the row is the item's ---------------------------

READING = Target(
    "lx-reading", "临溪县2025年新建城市书房12个", ("城市书房",), LX, unit="个",
    pledge=Pledge(Decimal(12)),
)  # fmt: skip


def test_an_items_row_under_a_category_merged_down_is_the_items() -> None:
    table = Table(
        caption="2025年为民办实事完成情况", unit=None,
        header=("领域", "实事名称", "年度目标", "工作进展"),
        rows=(
            ("文化惠民", "城市书房", "新建城市书房12个", "已建成开放10个"),
            ("文化惠民", "送戏下乡", "开展送戏下乡演出300场", "已演出260场"),
            ("民生保障", "社区食堂", "新建社区食堂30个", "已建成24个"),
        ),
    )  # fmt: skip
    assert read_all(table, READING, "临溪县为民办实事进展") == [
        ("城市书房", "工作进展", "achieved", "new", "10 个"),
        ("城市书房", "年度目标", "pledge", "new", "12 个"),
    ]


def test_a_category_first_with_a_share_column_reads_the_item() -> None:
    table = Table(
        caption="", unit=None,
        header=("类别", "项目名称", "目标任务", "完成情况", "完成率"),
        rows=(
            ("公共服务", "新建城市书房", "新建城市书房12个", "建成9个", "75%"),
            ("公共服务", "社区嵌入式服务设施", "新建10个", "建成7个", "70%"),
        ),
    )  # fmt: skip
    got = read_all(table, READING, "临溪县2025年民生实事推进情况")
    assert ("新建城市书房", "完成率", "achieved", "share_of_pledge", "75 %") in got
    assert ("新建城市书房", "目标任务", "pledge", "new", "12 个") in got
    assert {row for row, *_ in got} == {"新建城市书房"}
