"""Which words name a row of a task list whose only words are its content sentences (session 21;
the tables are our own wording): the digest quotes the row by its sentence, never by its 序号."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.figures.table_text import text_cell_figures
from monitor.figures.tables import article_figures
from monitor.models import Article, Figure, Pledge, Table, Target

DEFIBRILLATORS = Target(
    "ls-aed", "鹿山县2024年新增配置自动体外除颤仪60台", ("自动体外除颤仪",),
    ("鹿山县", "鹿山", "全县"), unit="台", pledge=Pledge(Decimal(60)),
)  # fmt: skip


def _list(header: tuple[str, ...], *rows: tuple[str, ...]) -> Table:
    """A county's list of its yearly works, as these tests lay it out."""
    return Table(caption="2024年县级民生实事项目进展情况表", unit=None, header=header, rows=rows)


def _rows(found: list[Figure]) -> list[tuple[str, Decimal]]:
    return [(f.sentence.split(" | ", 1)[0], f.value) for f in found]


def test_a_row_with_only_an_index_and_its_content_is_named_by_the_content() -> None:
    table = _list(
        ("序号", "项目内容", "牵头单位", "进展情况"),
        ("1", "为全县学校配齐心理辅导室28间。", "县教育局", "已完成选址。"),
        ("2", "在车站和公园等公共场所新增配置自动体外除颤仪60台。", "县卫健局", "已完成采购。"),
    )  # fmt: skip
    found = text_cell_figures(table, [DEFIBRILLATORS], published=date(2024, 5, 20), title="")
    assert _rows(found) == [("在车站和公园等公共场所新增配置自动体外除颤仪60台。", Decimal(60))]
    assert [f.kind for f in found] == ["pledge"]


def test_a_name_column_beside_the_content_still_names_the_row() -> None:
    table = _list(
        ("序号", "项目名称", "建设内容", "牵头单位"),
        ("1", "心理辅导室建设", "为全县学校配齐心理辅导室28间。", "县教育局"),
        ("2", "公共场所急救设备配置", "新增配置自动体外除颤仪60台。", "县卫健局"),
    )  # fmt: skip
    found = text_cell_figures(table, [DEFIBRILLATORS], published=date(2024, 5, 20), title="")
    assert _rows(found) == [("公共场所急救设备配置", Decimal(60))]


FIRST_AID = Target(
    "ls-first-aid", "鹿山县2024年培训应急救护人员300人", ("应急救护",),
    ("鹿山县", "鹿山", "全县"), unit="人", pledge=Pledge(Decimal(300)),
)  # fmt: skip

DONE_TRAINING = "已完成。 已落实培训场地，培训216人，完成进度72%。"
DONE_BUYING = "已完成采购，完成投资90万元，占年度计划的75%。"
PROGRESS = ("序号", "项目内容", "牵头单位", "落实情况")


def test_a_progress_cell_naming_no_keyword_is_read_clause_by_clause() -> None:
    # the row's content names the thing; its progress cell goes on with it clause by clause
    table = _list(
        PROGRESS,
        ("1", "培训应急救护人员300人。", "县红十字会", DONE_TRAINING),
        ("2", "新增配置自动体外除颤仪60台。", "县卫健局", DONE_BUYING),
    )
    found = text_cell_figures(table, [FIRST_AID], published=date(2024, 6, 20), title="")
    assert [(f.kind, f.scope, f.value) for f in found] == [
        ("pledge", "new", Decimal(300)),
        ("achieved", "new", Decimal(216)),
        ("achieved", "share_of_pledge", Decimal(72)),
    ]


def test_a_share_after_money_in_a_progress_cell_is_the_moneys() -> None:
    table = _list(PROGRESS, ("1", "新增配置自动体外除颤仪60台。", "县卫健局", DONE_BUYING))
    found = text_cell_figures(table, [DEFIBRILLATORS], published=date(2024, 6, 20), title="")
    assert [(f.kind, f.value) for f in found] == [("pledge", Decimal(60))]


# Session 22: a row's task sentence names it where its other word cells are a place and a
# category merged down over the rows (县区 | 行动 | 年度目标任务 | 完成进度), or where its only
# words are its content and requirement (序号 | 工作内容与要求 | 进展情况 | 责任单位).
COUNTY_ACTIONS = ("县区", "行动名称", "年度目标任务", "完成进度")
AED_TASK = "*1.新增配置自动体外除颤仪60台"
AED_ROW = ("鹿山县", "二、健康守护行动（2项）", AED_TASK, "完成42台，完成率70%")
AID_ROW = ("鹿山县", "二、健康守护行动（2项）", "2.培训应急救护人员300人", "完成216人，完成率72%")


def test_a_task_sentence_names_the_row_under_a_county_and_an_action_merged_down() -> None:
    table = _list(COUNTY_ACTIONS, AED_ROW, AID_ROW)
    found = text_cell_figures(table, [DEFIBRILLATORS], published=date(2024, 4, 10), title="")
    assert [(name, value) for name, value in _rows(found)] == [
        (AED_TASK, Decimal(60)),
        (AED_TASK, Decimal(42)),
        (AED_TASK, Decimal(70)),
    ]
    assert [(f.kind, f.scope) for f in found] == [
        ("pledge", "new"),
        ("achieved", "new"),
        ("achieved", "share_of_pledge"),
    ]


def test_rows_under_another_county_merged_down_give_nothing() -> None:
    other = ("青川县", AED_ROW[1], "*1.新增配置自动体外除颤仪45台", "完成45台，完成率100%")
    table = _list(COUNTY_ACTIONS, AED_ROW, AID_ROW, other, (*other[:2], *AID_ROW[2:]))
    found = text_cell_figures(table, [DEFIBRILLATORS], published=date(2024, 4, 10), title="")
    assert [value for _, value in _rows(found)] == [Decimal(60), Decimal(42), Decimal(70)]


def test_a_content_and_requirement_column_names_the_row_beside_an_index() -> None:
    table = _list(
        ("序号", "工作内容与要求", "进展情况", "责任单位"),
        ("1", "推进校园心理健康服务，为全县学校配齐心理辅导室28间。", "已完成选址。", "县教育局"),
        ("2", "在车站、公园等公共场所新增配置自动体外除颤仪60台。", "已完成采购42台。", "县卫健局"),
    )  # fmt: skip
    found = text_cell_figures(table, [DEFIBRILLATORS], published=date(2024, 6, 20), title="")
    named = "在车站、公园等公共场所新增配置自动体外除颤仪60台。"
    assert _rows(found) == [(named, Decimal(60)), (named, Decimal(42))]
    assert [f.kind for f in found] == ["pledge", "achieved"]


def test_an_items_task_in_its_name_column_is_the_plan() -> None:
    # 实事项目 | 完成数 | 完成进度: the item named by its task (新增配置…60台) is the plan, read
    # in the autumn too; the result is in its own column
    table = _list(
        ("实事项目", "完成数", "完成进度"),
        ("新增配置自动体外除颤仪60台", "42", "70%"),
        ("培训应急救护人员300人", "216", "72%"),
    )
    found = text_cell_figures(table, [DEFIBRILLATORS], published=date(2024, 10, 10), title="")
    assert [(f.kind, f.value) for f in found] == [("pledge", Decimal(60))]


HOME_CARE = Target(
    "ls-home-care", "鹿山县2024年完成居家适老化改造800户", ("适老化改造",),
    ("鹿山县", "鹿山", "全县"), unit="户", pledge=Pledge(Decimal(800)),
)  # fmt: skip


def test_columns_of_numbers_alone_name_no_row() -> None:
    # a report's batch and its task's number stand left of the task: the task's sentence names it
    table = _list(
        ("报送批次", "任务编号", "任务事项", "进展"),
        ("3", "118", "新建社区食堂6个，完成居家适老化改造800户。", "已改造610户，完成率76.3%。"),
        ("3", "121", "新增公办幼儿园学位900个。", "已新增学位900个。"),
    )  # fmt: skip
    found = text_cell_figures(table, [HOME_CARE], published=date(2024, 9, 30), title="")
    task = "新建社区食堂6个，完成居家适老化改造800户。"
    assert set(_rows(found)) == {
        (task, Decimal(800)),
        (task, Decimal(610)),
        (task, Decimal("76.3")),
    }


def test_a_plan_said_so_in_a_progress_cell_stays_the_plan() -> None:
    # the progress cell restates each plan (计划完成…800户) before its result: the plan is no
    # result; a share right after another unit's amount (已建成5家，完成率83%) is that amount's
    table = _list(
        ("序号", "任务事项", "进展"),
        (
            "1",
            "提升养老服务水平",
            "计划新建养老服务站6家，已建成5家，完成率83%；计划完成居家适老化改造800户，"
            "已完成640户，完成率80%。",
        ),
    )
    found = text_cell_figures(table, [HOME_CARE], published=date(2024, 9, 30), title="")
    assert sorted((f.kind, f.scope, f.value) for f in found) == [
        ("achieved", "new", Decimal(640)),
        ("achieved", "share_of_pledge", Decimal(80)),
        ("pledge", "new", Decimal(800)),
    ]


FLU_SHOTS = Target(
    "ls-flu", "鹿山县2024年为老年人免费接种流感疫苗3万人", ("流感疫苗",),
    ("鹿山县", "鹿山", "全县"), unit="人", pledge=Pledge(Decimal(30000)),
)  # fmt: skip


def test_an_age_in_the_items_name_is_no_count() -> None:
    # 60周岁以上 names whom the work is for: an age, not 60 people planned
    table = _list(
        ("序号", "实事名称", "指标任务", "进展情况"),
        ("1", "为60周岁以上老年人免费接种流感疫苗", "3万人以上", "截至10月底已接种2.1万人。"),
    )  # fmt: skip
    page = Article("http://127.0.0.1/t.html", "鹿山县民生实事进展", None, "", (table,))
    found = article_figures(page, [FLU_SHOTS], published=date(2024, 11, 5))
    assert sorted((f.kind, f.value) for f in found) == [
        ("achieved", Decimal(21000)),
        ("pledge", Decimal(30000)),
    ]


NURSERY = Target(
    "ls-nursery", "鹿山县2024年新增公办幼儿园托班托额600个", ("托班托额", "托额"),
    ("鹿山县", "鹿山", "全县"), unit="个", pledge=Pledge(Decimal(600)),
)  # fmt: skip


def test_of_rows_sharing_a_keyword_the_one_the_title_names_whatever_its_size() -> None:
    # two tasks' rows both end in 托额; the title names 公办幼儿园托班, the other row 社区托育点:
    # the task's size in the label (新增600个…) is no word that tells them apart
    table = _list(
        ("序号", "实事项目名称", "完成情况", "占全年计划"),
        ("1", "新增600个公办幼儿园托班托额", "642", "107%"),
        ("2", "新增1500个社区托育点托额", "1710", "114%"),
    )  # fmt: skip
    page = Article("http://127.0.0.1/t.html", "鹿山县民生实事完成情况", None, "", (table,))
    found = article_figures(page, [NURSERY], published=date(2024, 12, 20))
    assert {f.sentence.split(" | ")[0] for f in found} == {"新增600个公办幼儿园托班托额"}
