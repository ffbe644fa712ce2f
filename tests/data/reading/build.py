"""Build the team's reading corpus from its sources; offsets and values are computed, never typed.

    python tests/data/reading/build.py         # followups.jsonl, tables.jsonl, tables/*.html
    python tests/data/reading/build.py --show  # also prints every figure as read, to review
    python tests/data/reading/build.py --dir DIR  # another corpus laid out like this folder

A folder given with `--dir` holds the same sources (targets.yaml, followups.src and, if it has
tables, tables.yaml) and gets the same generated files.

`followups.src` holds the sentences. A section line `[class NAME]` sets the class of the items
below it. An item starts with a header line `* TARGET PUBLISHED [h] [!NOTHING_REASON]` (`h`: the
text is a headline); then `< ...` is context_before, `> ...` context_after and the one line with
no prefix is the text. In the text, 【figure|spec】 marks an expected figure and 〖figure|reason〗 a
decoy; the marks are removed and the offsets computed. A spec is space-separated tokens:
`p`/`a` kind (pledge, achieved); `n`/`c`/`r`/`s` scope (new, cumulative, rate, share_of_pledge);
a period (`2024`, `2021-2025`, `to2024-09`; default: the published year, `to` it when cumulative);
`@2024-09` as_of; `m:开工` measure; `v:`/`u:`/`q:`/`hi:` override value, unit, qualifier and
range top; `down` a fall; `note:` the rest of the spec is a note. Values, units and qualifiers
are read from the figure's own words unless overridden.

`tables.yaml` holds the tables: each is rendered as a small article page (tables/ID.html, in
UTF-8 or GBK) and labelled by row label and column header in tables.jsonl.
"""

from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
CLASSES = (
    "binding",
    "frame",
    "scope",
    "headline",
    "not_figure",
    "multi_measure",
    "region",
    "review_plan",
)
REASONS = (
    "other_noun",
    "subset",
    "date",
    "other_region",
    "superset",
    "other_measure",
    "other_period",
    "duration",
    "other_unit",
    "reference",
)
SCOPES = {"n": "new", "c": "cumulative", "r": "rate", "s": "share_of_pledge"}
KINDS = {"p": "pledge", "a": "achieved"}
QUALIFIERS = ("exact", "about", "at_least", "at_most", "nearly", "range")

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_DIGITS |= {"七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = (("万亿", 10**12), ("亿", 10**8), ("万", 10**4))
# written measure word → the unit a label gives it (a family collapses to the target's unit)
_FAMILY = {"名": "人", "位": "人", "人": "人", "台": "个", "个": "个", "户": "套", "间": "套"}
_FAMILY |= {"套": "套", "张": "张", "床": "张", "部": "部"}
_UNITS = (
    "微克/立方米",
    "个百分点",
    "百分点",
    "套（间）",
    "套(间)",
    "套（户）",
    "千瓦时",
    "千瓦",
    "公里",
    "平方米",
    "人次",
    "元",
    "%",
    "亩",
    "个",
    "台",
    "套",
    "户",
    "间",
    "人",
    "名",
    "位",
    "张",
    "部",
    "家",
    "所",
    "处",
    "条",
    "座",
    "项",
    "辆",
    "成",
    "倍",
)
_AT_LEAST = ("超过", "突破", "超", "逾", "以上", "多", "余", "不少于", "不低于", "半数以上")
_ABOUT = ("约", "左右", "大约", "上下")
_NEARLY = ("近", "接近", "将近")
_AT_MOST = ("不超过", "以内", "以下", "不到", "不高于")
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[零〇一二两三四五六七八九十百千]+")
_TRAILING = ("以上", "左右", "以内", "以下", "多", "余", "上下")
_LEADING = ("超过", "约", "近", "突破", "超", "逾", "不少于", "不超过", "接近", "大约")
_MARK = re.compile(r"【([^|】]+)\|([^】]*)】|〖([^|〗]+)\|([^〗]*)〗")


def chinese_int(text: str) -> int:
    """一千二百 → 1200, 十五 → 15, 五千 → 5000."""
    total, digit = 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            total += (digit or 1) * _SMALL[ch]
            digit = 0
    return total + digit


def read_figure(figure: str, target_unit: str | None) -> tuple[Decimal, str | None, str, Any]:
    """The value in base units, the unit, the qualifier and a range top (or None) of a figure."""
    if "半数" in figure:
        return Decimal(50), "%", "at_least" if "以上" in figure else "about", None
    numbers = list(_NUMBER.finditer(figure))
    if not numbers:
        raise ValueError(f"no number in figure {figure!r}")
    values: list[Decimal] = []
    rest = ""
    for match in numbers[:2]:
        word = match.group()
        value = Decimal(word.replace(",", "")) if word[0].isdigit() else Decimal(chinese_int(word))
        rest = figure[match.end() :]
        rest = rest[1:] if rest[:1] in ("多", "余") and rest[1:2] in ("万", "亿") else rest
        for big, factor in _BIG:
            if rest.startswith(big):
                value *= factor
                rest = rest[len(big) :]
                break
        values.append(value)
    unit: str | None = None
    for word in _UNITS:
        if word in rest:
            unit = word
            break
    if unit == "成":
        values = [v * 10 for v in values]
        unit = "%"
    qualifier = "exact"
    between = figure[numbers[0].end() : numbers[1].start()] if len(numbers) > 1 else ""
    if len(numbers) > 1 and re.fullmatch(r"[万亿个%]*(?:至|到|-|—|－|～|~)", between):
        qualifier = "range"
    elif any(w in figure for w in _AT_MOST):
        qualifier = "at_most"
    elif any(w in figure for w in _AT_LEAST):
        qualifier = "at_least"
    elif any(w in figure for w in _ABOUT):
        qualifier = "about"
    elif any(w in figure for w in _NEARLY):
        qualifier = "nearly"
    if unit is None:
        unit = target_unit
    elif unit.startswith("套"):
        unit = "套"
    elif unit in _FAMILY and target_unit is not None and _FAMILY[unit] == _FAMILY.get(target_unit):
        unit = target_unit
    high = values[1] if qualifier == "range" else None
    return values[0], unit, qualifier, high


def number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class Header:
    target: str
    published: str
    cls: str
    text_type: str
    nothing: str | None


def _expected(figure: str, spec: str, start: int, head: Header, unit: str | None) -> dict[str, Any]:
    note = None
    if "note:" in spec:
        spec, note = spec.split("note:", 1)
    tokens = spec.split()
    value, read_unit, qualifier, high = read_figure(figure, unit)
    out: dict[str, Any] = {"figure": figure, "start": start, "end": start + len(figure)}
    kind = scope = period = None
    extra: dict[str, Any] = {}
    for tok in tokens:
        if tok in KINDS:
            kind = KINDS[tok]
        elif tok in SCOPES:
            scope = SCOPES[tok]
        elif re.fullmatch(r"(to)?\d{4}(-\d{2}|-\d{4})?", tok):
            period = f"to {tok[2:]}" if tok.startswith("to") else tok
        elif tok.startswith("@"):
            extra["as_of"] = tok[1:]
        elif tok.startswith("m:"):
            extra["measure"] = tok[2:]
        elif tok.startswith("v:"):
            value = Decimal(tok[2:])
        elif tok.startswith("u:"):
            read_unit = tok[2:]
        elif tok.startswith("q:"):
            qualifier = tok[2:]
        elif tok.startswith("hi:"):
            high = Decimal(tok[3:])
        elif tok == "down":
            extra["direction"] = "down"
        else:
            raise ValueError(f"unknown token {tok!r} in {figure}|{spec}")
    if kind is None or scope is None:
        raise ValueError(f"kind and scope are required: {figure}|{spec}")
    if scope in ("rate", "share_of_pledge"):
        read_unit = read_unit if read_unit in ("%", "个百分点", "百分点") else "%"
    if period is None:
        year = head.published[:4]
        period = f"to {extra.get('as_of', year)}" if scope == "cumulative" else year
    out |= {"value": number(value), "unit": read_unit, "kind": kind, "scope": scope}
    out |= {"period": period, "qualifier": qualifier}
    if high is not None:
        out["value_high"] = number(high)
    out |= {k: extra[k] for k in ("direction", "measure", "as_of") if k in extra}
    if note:
        out["note"] = note.strip()
    return out


def parse_text(line: str, head: Header, unit: str | None) -> tuple[str, list[Any], list[Any]]:
    """The text without marks, its expected figures and its decoys."""
    text, expected, decoys = "", [], []
    pos = 0
    for match in _MARK.finditer(line):
        text += line[pos : match.start()]
        start = len(text)
        if match.group(1) is not None:
            figure = match.group(1)
            expected.append(_expected(figure, match.group(2), start, head, unit))
        else:
            figure, reason = match.group(3), match.group(4).strip()
            if reason.split(":")[0] not in REASONS:
                raise ValueError(f"unknown decoy reason {reason!r} in {line}")
            decoys.append({"figure": figure, "start": start, "end": start + len(figure)})
            decoys[-1]["reason"] = reason
        after, before = line[match.end() :], line[: match.start()]
        if after.startswith(_TRAILING) or before.endswith(_LEADING):
            raise ValueError(f"a qualifier word is outside the mark of {figure!r} in {line}")
        text += figure
        pos = match.end()
    text += line[pos:]
    if "【" in text or "〖" in text or "|" in text:
        raise ValueError(f"a mark is not closed in {line}")
    return text, expected, decoys


def build_followups(source: str, units: dict[str, str | None]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cls = ""
    block: list[str] = []

    def close() -> None:
        if not block:
            return
        words = block[0][1:].split()
        nothing = next((w[1:] for w in words if w.startswith("!")), None)
        head = Header(
            words[0], words[1], cls, "headline" if "h" in words[2:] else "sentence", nothing
        )
        before = " ".join(b[1:].strip() for b in block[1:] if b.startswith("<"))
        after = " ".join(b[1:].strip() for b in block[1:] if b.startswith(">"))
        lines = [b for b in block[1:] if not b.startswith(("<", ">"))]
        if any(mark in before + after for mark in ("【", "〖", "|")):
            raise ValueError(f"context is plain text, without marks: {block[0]!r}")
        if len(lines) != 1:
            raise ValueError(f"one text line wanted in item {block[0]!r}: {lines}")
        if head.target not in units:
            raise ValueError(f"unknown target {head.target} in {block[0]!r}")
        text, expected, decoys = parse_text(lines[0].strip(), head, units[head.target])
        if bool(expected) == bool(nothing):
            raise ValueError(f"an item has figures or a nothing reason, not both: {text}")
        item = {"id": f"t-{len(items) + 1:04d}", "class": head.cls, "text_type": head.text_type}
        item |= {"text": text, "context_before": before, "context_after": after}
        item |= {"published": head.published, "target": head.target}
        item |= {"answer": "figures" if expected else "nothing"}
        item |= {"expected": expected, "decoys": decoys}
        if nothing:
            item["nothing_reason"] = nothing
        items.append(item)
        block.clear()

    for raw in source.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[class "):
            close()
            cls = line[7:-1].strip()
            if cls not in CLASSES:
                raise ValueError(f"unknown class {cls}")
        elif line.startswith("* "):
            close()
            block.append(line)
        else:
            block.append(line)
    close()
    return items


# --- tables -------------------------------------------------------------------------------------

_STYLES = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
    "td,th{border:1px solid #999;padding:4px 8px}",
    "body{font:14px/1.6 SimSun,serif;width:900px;margin:auto}table.data{width:100%}"
    ".data td{border-bottom:1px dotted #ccc;text-align:center}",
    "#main{padding:10px}.tb th{background:#eef}.tb td,.tb th{border:1px solid #bbb}",
)


def render_table(table: dict[str, Any]) -> str:
    """The page of one table: site chrome, a title, a paragraph, the table (and the tables of
    `more_tables`, each with its own caption), a footer."""
    charset = "gbk" if table.get("encoding") == "gbk" else "utf-8"
    style = _STYLES[table.get("layout", 0) % len(_STYLES)]
    meta = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        if charset == "gbk"
        else '<meta charset="utf-8">'
    )
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in table["paragraphs"])
    body = "\n".join(_table_html(one) for one in _tables(table))
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n{meta}\n'
        f"<title>{html.escape(table['title'])}_{html.escape(table['site'])}</title>\n"
        f"<style>{style}</style>\n</head>\n<body>\n"
        '<div class="nav"><a href="/">首页</a> &gt; '
        '<a href="/zwgk/">政务公开</a> &gt; 工作动态</div>\n'
        f'<div id="main">\n<h1>{html.escape(table["title"])}</h1>\n'
        f'<div class="info">发布时间：{table["published"]}　'
        f"来源：{html.escape(table['site'])}</div>\n"
        f"{paragraphs}\n{body}\n"
        f'</div>\n<div class="footer">主办单位：{html.escape(table["site"])}　'
        f"网站标识码：{table.get('site_code', '0000000001')}</div>\n</body>\n</html>\n"
    )


def _tables(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The page's tables: the table itself, then each of `more_tables` (its own caption,
    columns, head_rows, rows, after; the rest taken from the page's)."""
    first = {k: v for k, v in table.items() if k != "more_tables"}
    return [first, *({**first, "after": [], **more} for more in table.get("more_tables", []))]


def _table_html(table: dict[str, Any]) -> str:
    """One table with its caption, unit line and the paragraphs after it; `cell_p` wraps each
    cell's text in <p> as PDF converters write it."""
    cls = ("", ' class="data"', ' class="tb"')[table.get("layout", 0) % 3]
    tag = table.get("header_tag", "th")
    para = bool(table.get("cell_p"))
    heads = table.get("head_rows") or [table["columns"]]
    rows = ["<tr>" + "".join(_html_cell(c, tag, para) for c in row) + "</tr>" for row in heads]
    if table.get("thead"):
        rows = ["<thead>", *rows, "</thead>"]
    body = table.get("body_tag", "td")  # th: every body cell a <th>, as some editors write them
    first = table.get("row_label_tag", body)  # th: each body row's first cell a row header
    for row in table["rows"]:
        cells = (_html_cell(c, first if k == 0 else body, para) for k, c in enumerate(row))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = table.get("caption", "")
    if table.get("caption_tag") == "caption":  # the caption as the table's own <caption>
        rows.insert(0, f"<caption>{html.escape(caption)}</caption>")
        caption = ""
    if table.get("caption_row"):  # the title as the table's first row, one cell across it
        across = len(table["columns"])
        rows.insert(0, f'<tr><td colspan="{across}">{html.escape(caption)}</td></tr>')
        caption = ""
    if table.get("caption_cell_unit"):  # the title in the first row, its unit in the last cell
        across = len(table["columns"]) - 1
        unit_cell = html.escape(table["caption_cell_unit"])
        rows.insert(
            0, f'<tr><td colspan="{across}">{html.escape(caption)}</td><td>{unit_cell}</td></tr>'
        )
        caption = ""
    unit_line = (
        f'<p class="unit">{html.escape(table["unit_note"])}</p>' if "unit_note" in table else ""
    )
    body = "\n".join(rows)
    return (
        f"{f'<h3>{html.escape(caption)}</h3>' if caption else ''}\n{unit_line}\n"
        f"<table{cls}>\n{body}\n</table>\n"
        f"{''.join(f'<p>{html.escape(p)}</p>' for p in table.get('after', []))}"
    )


def _html_cell(cell: Any, tag: str, para: bool = False) -> str:
    """A cell of tables.yaml: text, a {t: text, c: colspan, r: rowspan} merged cell, or None
    for a place a merged cell above covers (not written); `para`: the text in a styled <p>."""
    if cell is None:
        return ""
    text = _text(cell["t"] if isinstance(cell, dict) else cell)
    if para:
        text = f'<p style="text-align:center;margin:0"><span>{text}</span></p>'
    spans = ""
    if isinstance(cell, dict):
        spans = "".join(
            f' {a}="{cell[k]}"' for k, a in (("c", "colspan"), ("r", "rowspan")) if k in cell
        )
    return f"<{tag}{spans}>{text}</{tag}>"


def _text(cell: Any) -> str:
    """A cell's text as HTML, a line break in it as <br> (年度<br>任务, read as 年度任务)."""
    return html.escape(str(cell)).replace("\n", "<br>")


def _spread(rows: list[list[Any]]) -> list[list[str]]:
    """The rows as a grid, each merged cell's text in every place it covers."""
    grid: list[list[str]] = []
    below: dict[tuple[int, int], str] = {}  # (row, column) → text a rowspan above puts there
    for r, row in enumerate(rows):
        line: list[str] = []
        for cell in row:
            while (r, len(line)) in below:
                line.append(below.pop((r, len(line))))
            if cell is None:
                continue
            text = str(cell["t"]) if isinstance(cell, dict) else str(cell)
            text = text.replace("\n", "")  # a line break inside a cell: no space is read
            span = cell.get("c", 1) if isinstance(cell, dict) else 1
            down = cell.get("r", 1) if isinstance(cell, dict) else 1
            for _ in range(span):
                for k in range(1, down):
                    below[(r + k, len(line))] = text
                line.append(text)
        while (r, len(line)) in below:
            line.append(below.pop((r, len(line))))
        grid.append(line)
    return grid


def _columns(table: dict[str, Any]) -> list[str]:
    """The column headers as monitor's extractor flattens them ("完成情况|数量（套）"); a table
    with `head_rows` must list the same in `columns`."""
    if "head_rows" not in table:
        return [str(c) for c in table["columns"]]
    grid = _spread(table["head_rows"])
    flat = []
    for j in range(len(grid[0])):
        parts: list[str] = []
        for line in grid:
            if line[j] and (not parts or parts[-1] != line[j]):
                parts.append(line[j])
        flat.append("|".join(parts))
    if flat != [str(c) for c in table["columns"]]:
        raise ValueError(f"table {table['id']}: head_rows flatten to {flat}, columns say otherwise")
    return flat


def _cell(table: dict[str, Any], row: str, column: str) -> str:
    """The cell at a row label and a column header; on a table laid on its side (`sideways`),
    the row is a column's header and the column a label cell, as the reader turns it."""
    columns, grid = _columns(table), _spread(table["rows"])
    at = table.get("label_column", 1)
    ats = at if isinstance(at, list) else [at]  # rows labelled by two cells: 全市 年度计划
    if table.get("sideways"):
        row, column = column, row
    if table.get("pairs"):  # rows in pairs of a place and a role: 全市, 年度计划|燃气管道改造
        role, column = column.split("|", 1)
        ats, row = ats[:1], f"{row} {role}"
        ats.append(table["label_column"][1])
    halves = table.get("halves", 1)  # a table printed as halves side by side, each read alone
    width = len(columns) // halves
    col = columns.index(column)
    for cells in grid:
        for half in range(halves):
            part = cells[half * width : (half + 1) * width]
            label = " ".join(" ".join(part[i].split()) for i in ats if part[i]) or part[0]
            if label == row:  # 合　计 is read as 合 计, as monitor reads it; 合计 in 序号 too
                return part[col]
    raise ValueError(f"no row {row!r} in table {table['id']}")


def build_tables(
    spec: list[dict[str, Any]], units: dict[str, str | None]
) -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    lines: list[dict[str, Any]] = []
    files: dict[str, bytes] = {}
    for table in spec:
        page = render_table(table)
        name = f"tables/{table['id']}.html"
        files[name] = page.encode("gbk" if table.get("encoding") == "gbk" else "utf-8")
        for label in table["labels"]:
            target = label["target"]
            if target not in units:
                raise ValueError(f"unknown target {target} in table {table['id']}")
            expected = []
            for exp in label["expected"]:
                figure = _cell(_tables(table)[exp.get("table", 0)], exp["row"], exp["column"])
                if "figure" in exp:  # a number inside a text cell (目标任务: 新建…5000个，…)
                    if exp["figure"] not in figure:
                        raise ValueError(f"{table['id']}: {exp['figure']!r} not in {figure!r}")
                    figure = exp["figure"]
                cell_unit = exp.get("unit") or units[target]
                value, unit, qualifier, high = read_figure(
                    unicodedata.normalize("NFKC", figure) + (exp.get("suffix") or ""), cell_unit
                )
                if "factor" in exp:
                    value *= Decimal(exp["factor"])
                if exp["scope"] in ("rate", "share_of_pledge"):
                    unit = "%"
                one: dict[str, Any] = {"figure": figure, "row": exp["row"], "column": exp["column"]}
                one |= {"value": number(value), "unit": exp.get("unit_label", unit)}
                one |= {"kind": exp["kind"], "scope": exp["scope"], "period": str(exp["period"])}
                one |= {"qualifier": exp.get("qualifier", qualifier)}
                if high is not None:
                    one["value_high"] = number(high)
                for key in ("direction", "measure", "as_of"):
                    if key in exp:
                        one[key] = str(exp[key])
                expected.append(one)
            decoys = []
            for dec in label.get("decoys", []):
                figure = _cell(_tables(table)[dec.get("table", 0)], dec["row"], dec["column"])
                figure = dec.get("figure", figure)
                decoys.append({"figure": figure, "row": dec["row"], "column": dec["column"]})
                decoys[-1]["reason"] = dec["reason"]
            line = {"id": label["id"], "file": name, "published": str(table["published"])}
            line |= {"target": target, "class": "table", "expected": expected, "decoys": decoys}
            lines.append(line)
    return lines, files


# --- all of it ----------------------------------------------------------------------------------


def target_units(folder: Path = HERE) -> dict[str, str | None]:
    data = yaml.safe_load((folder / "targets.yaml").read_text(encoding="utf-8"))
    return {t["id"]: t.get("unit") for t in data["targets"]}


def dumps(items: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def build(folder: Path = HERE) -> dict[str, bytes]:
    """Every generated file, by its path relative to `folder` (this one unless told)."""
    units = target_units(folder)
    source = (folder / "followups.src").read_text(encoding="utf-8")
    out = {"followups.jsonl": dumps(build_followups(source, units)).encode("utf-8")}
    if folder == HERE or (folder / "tables.yaml").exists():  # this folder's tables are required
        spec = yaml.safe_load((folder / "tables.yaml").read_text(encoding="utf-8"))
        lines, files = build_tables(spec["tables"], units)
        out["tables.jsonl"] = dumps(lines).encode("utf-8")
        out |= files
    return out


def _folder(argv: list[str]) -> Path:
    """The folder named by `--dir DIR`, else this one."""
    if "--dir" not in argv:
        return HERE
    at = argv.index("--dir")
    if at + 1 >= len(argv):
        sys.exit("build.py: --dir needs a folder (one holding targets.yaml and followups.src)")
    folder = Path(argv[at + 1]).resolve()
    missing = [n for n in ("targets.yaml", "followups.src") if not (folder / n).is_file()]
    if missing:
        sys.exit(f"build.py: {folder}: no {' or '.join(missing)} there (see README.md beside me)")
    return folder


def main() -> None:
    folder = _folder(sys.argv[1:])
    try:
        files = build(folder)
    except ValueError as err:
        sys.exit(f"build.py: {folder}: {err}")
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if "--show" in sys.argv:
        for line in files["followups.jsonl"].decode().splitlines():
            item = json.loads(line)
            for e in item["expected"]:
                print(
                    item["id"],
                    item["target"],
                    e["figure"],
                    e["value"],
                    e["unit"],
                    e["kind"],
                    e["scope"],
                    e["period"],
                    e["qualifier"],
                    e.get("as_of", ""),
                )
    print(f"wrote {len(files)} files" + (f" in {folder}" if folder != HERE else ""))


if __name__ == "__main__":
    main()
