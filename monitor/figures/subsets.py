"""The kind of firms, people, sectors or stretches named just before a keyword (小微企业, 重点群体,
建筑施工领域, 高速沿线), or an event's grade (较大生产安全事故): a part of the whole the target
counts, when its title does not name it. Split from parts.py."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from monitor.figures import events
from monitor.models import Target

if TYPE_CHECKING:
    from monitor.figures.attribution import _Match

_KIND = re.compile(
    r"(?:(?:民营|小微|中小|国有|外资|私营|个体|规上|规模以上)(?:企业|工商户|经营主体)"
    r"|(?:城镇|农村|城市|乡村)居民|[\u4e00-\u9fff]{1,6}群体|高校毕业生|退役军人|农民工|脱贫人口"
    # one sector's (建筑施工领域, 道路运输行业), not every sector's (各行业领域, 全行业)
    r"|(?<![各全])(?<!重点)(?<!相关)[^各全\W0-9]{2,6}(?<!行业)(?:行业|领域)"
    # firms of one grade or a number of them (42家A类企业, 20家企业亩均税收): their own figure
    r"|(?:[A-Da-d]类|[0-9]+家|[一二三四五六七八九十百两]+家)(?:工业)?企业"
    # a number of cities picked out (31个大城市, 70个大中城市中, 36个重点城市): their own figure
    r"|[0-9一二三四五六七八九十百两]+个(?:大中|大|重点|样本|主要|省会|中心|副省级)+城市中?"
    # …or named as a group with no count (重点城市PM2.5平均浓度为…, after 全省…: the key cities')
    r"|(?<![0-9一二三四五六七八九十百两个])重点城市"
    # a stretch along a line (兰海高速贵州段沿线新建, 长江沿岸): a part of the place
    r"|(?:高速|高铁|铁路|公路|国道|省道|运河|长江|黄河|流域|干线|航道)[^，,。；]{0,8}?(?:段|沿线|沿岸)"
    r"(?:沿线|地区|区域)?(?:今年|已|累计|共)*(?:新建|新增|建成|建设|改造|开通|布设)?"
    # the trade or carriage a flow of goods is of (外贸集装箱, 海铁联运集装箱, 国际及港澳台快递,
    # 同城快递): a part of the flow
    r"|(?:外贸|内贸|海铁联运|铁水联运|公铁联运|国际及港澳台|港澳台|同城|异地)"
    # a river's stretch or basin (渭河干流断面, 汉江流域, 黄河支流断面): a part of the place
    r"|[\u4e00-\u9fff]{1,3}(?:[江河湖水])(?:干流|支流|流域)(?:断面)?"
    # one kind of investor's capital put in (社会资本参与水利投资, 民间资本投入…): its part
    r"|(?:社会|民间|民营|外商|外来)(?:资本|投资)(?:参与|投入|投向|注入)?"
    # one owner's part (民间固定资产投资, 国有控股…, 外商投资企业进出口)
    r"|(?:民间|国有(?:控股)?|民营|私营|外商投资|外资|港澳台)(?:企业|单位|经济)?"
    # whose the things are (个人充电设施, 自用充电桩; not 公共: a plan of chargers is mostly of
    # public ones; not 家庭: 家庭养老床位 alone is read, a kind of the beds; not one of a pair,
    # 为企业和个人减税) and the retail of firms above the line
    # (限上社零): one kind of the target's things, a part of them
    r"|(?<![非和与及、])(?:专用|私人|个人|自用|限上|限额以上))"
    r"(?:累计|今年|已|的|共|新增|享受|获得|发生)*$"
)

# The grade of an event right before its name (较大生产安全事故, 重特大事故, 特别重大火灾)
_GRADE = re.compile(r"(较大|重特大|特别重大|重大)(?:及以上)?的?$")
_PEOPLE_OR_FIRMS = ("企业", "工商户", "主体", "居民", "群体", "毕业生", "军人", "农民工", "人口")
_OWNERS = ("民间", "国有", "民营", "私营", "外资", "港澳台")  # (外商投资 has 投资)
_KIND_WORDS: tuple[str, ...] = (*_PEOPLE_OR_FIRMS, "行业", "领域", "城市", "段", "沿线", "沿岸")
_KIND_WORDS += ("资本", "投资", "干流", "支流", "流域", "外贸", "内贸", "联运", "港澳台")
_KIND_WORDS += ("同城", "异地", *_OWNERS)
_WHOSE = ("专用", "私人", "个人", "自用")
_WHOSE_TITLE = ("公共", *_WHOSE)
_KIND_WORDS += (*_WHOSE, "限上", "限额以上")
_KIND_TAIL = re.compile(r"(?:累计|今年|已|的|共|新增|享受|获得|发生)+$")


def subset_before(sentence: str, cuts: list[int], match: _Match, target: Target) -> str | None:
    """The kind of firm or people just before the keyword (小微企业, 重点群体), if one is there
    and the target's title does not name it: the figure is that kind's, a part of the whole."""
    grade = _GRADE.search(sentence, max(0, match.start - 6), match.start)
    if grade and events.EVENT.search(sentence, match.start, match.end):
        # 较大生产安全事故4起、死亡14人: the events of one grade, a part of them all
        return None if grade.group(1) in target.title else grade.group(1)
    k = bisect_right(cuts, match.start)
    before = sentence[max(cuts[k - 1] + 1 if k > 0 else 0, match.start - 14) : match.start]
    if not any(map(before.__contains__, _KIND_WORDS)):
        return None  # most keywords: nothing of the kind before them
    found = _KIND.search(before)
    if found is None:
        return None
    kind = _KIND_TAIL.sub("", found.group())
    if kind == "外贸" and "口" in sentence[match.start : match.end]:
        return None  # 外贸进出口, 外贸出口: the trade itself, not a part of it
    if kind in _WHOSE and any(map(target.title.__contains__, _WHOSE_TITLE)):
        return None  # 私人充电桩 for a title of public ones: another kind, said by `kinds`
    return None if kind in target.title else kind


# A group of people right before a rate's own word (脱贫人口签约率, 困难群众参保率, 患者签约率,
# 农村学生近视率): that group's rate, a part of the whole the target's rate measures; the
# whole's own words sit between a group and the rate (重点人群家庭医生签约率 is the whole's)
# (…and a kind of area, 农村地区毛入园率: one word, 毛, may stand between it and the rate)
_GROUP = re.compile(
    r"(?:人口|人群|群众|老年人|老人|儿童|学生|患者|妇女|孕产妇|残疾人|人员|对象|职工|农民"
    r"|(?:农村|城镇|城市|乡村|山区|民族|边远|偏远)地区)的?(?:毛|净)?$"
)


def group_rate(head: str, target: Target) -> str | None:
    """The group of people a rate in `head` (its clause up to the number) is of, when the
    rate's word is the tail of one of the target's keywords (签约率 of 家庭医生签约率) and the
    target's title does not name the group; None else."""
    if "率" not in head:
        return None  # most clauses name no rate
    for keyword in target.keywords:
        if not keyword.endswith("率") or len(keyword) < 3:
            continue
        tail = keyword[-3:]
        at = head.rfind(tail)
        group = _GROUP.search(head, 0, at) if at > 0 else None
        if group is not None and group.group().rstrip("的毛净") not in target.title:
            return head[max(0, group.start() - 4) : at]
    return None
