"""The spoken register of press conferences (答记者问, 发布会实录) and broadcast scripts: the
words an official goes on with the subject in (到8月底已经改完了…, 今年我们还要…, 也就是说完成
了…, 年初定的是…), which cues.py puts into a clause's continuation, and the answer to a
reporter's question, whose subject is the question's."""

from __future__ import annotations

import re

# A time of speech: 到6月底, 到9月中旬, 到现在为止 (cues has 到年底, 到2025年底, 9月底前)
WHEN = (
    r"(?:到|至)[0-9一二三四五六七八九十]{1,2}月(?:底|末|中旬|上旬|下旬|份)?(?![前0-9])"
    r"|(?:到|至)(?:现在|目前)为止|截[至止](?:现在|目前)为止"
)
# The speaker's own subject (今年我们还要新增17家; 上半年我们已经划了31公里)
WHO = r"(?:我们|咱们)(?:这边|这里|市里|县里|区里|省里)?"
# Saying again what the clause before said (…，也就是说完成了六成多), or hedging it (…，大概占到
# 任务的百分之八十; …，大约是全年任务的六成)
SAY = (
    r"(?:也就是说|就是说|换句话说|换言之|这样算下来|算下来|算起来|总的来看)?"
    r"(?:大约|大概|大致|差不多|基本上|估计|平均)?"  # (…，全市平均为88.4%: the whole's average)
)
_AMOUNT = r"(?=[约近超逾将]?[0-9一二三四五六七八九十两百千几])"
# A verb of speech with its complement: 改完了, 装好了, 打了, 分配出去, 建起来了 (a one-letter
# verb only with a complement or 了: 办了四百五十多场, not 办理); a plan said in speech (年初定的
# 是…, 今年的任务是…, 目标定在…)
_ONE = "[改建装修办做打分发划种开盖铺搬接造]"
VERB = (
    rf"(?:{_ONE}(?:完|好|成|起来|出去|出来|下来|上)?了|{_ONE}(?:完|好|成|起来|出去|出来|下来|上)"
    r"|(?:分配|配租|发放|建设|改造|完成|新建|开工|完工|建成|安装|接种|施划|认定|命名)"
    r"(?:完|好|起来|出去|出来|下来|了)+"
    r"|(?:年初|今年|全年)?(?:定的|定下的|定下来的|下达的|安排的)是"
    r"|的?(?:任务|目标|计划)(?:数|量)?(?:是|定在|定的是)"
    # a new-media item's label (…　完成376户　目标350户; ▶年度目标40个)
    r"|(?:年度|全年|今年)?(?:目标|任务|计划)(?:数|量)?)" + _AMOUNT
)
# the letters a clause of speech can open with (cues' _CONTINUES looks at the first letter first)
FIRST = "到至截我咱也就换这算总大差基估平改建装修办做打分发划种开盖铺搬接造配施认命年定下安的任目计"

# The verbs that set a plan, whose object is its size (年初定下的600场, 下达的任务是…)
SET = ("定下", "确定", "制定", "设定", "下达", "年初定")  # (not 认定的52项: recognised, done)
# Who answers, before the answer (市民政局局长：…, 民政部发言人：…, 答：…)
_LABEL = re.compile(
    r"\s*[^，,。；;：:“”\s]{0,24}?(?:长|发言人|负责人|主任|书记|专家|代表|工作人员|答)[：:]\s*“?"
)
# Who speaks, opening a part after a semicolon (…；市住房城乡建设委介绍，全市已累计整治…)
SPEAKER = r"(?:[^，,；;。：:“”0-9]{2,20}?(?:介绍|表示|透露|指出|通报|说)[，,：:]“?)?"
# A remark that the figures next are by place (…，分区来看，蜀山区12个、包河区15个): a clause of
# its own, passed over, after which each place's clause goes on with the subject
BY_PLACE = re.compile(
    r"(?:分|从|按|具体到)(?:各|分)?(?:区县|县区|区|县|地区|区域|市州|地市|城市|片区|县（市、区）)"
    r"(?:来|上)?(?:看|讲|说|分)?(?=[，,：:])"
)
# The marks that open each item of a new-media line (一图读懂, 数说, 成绩单: ●受理…　●落地…,
# ①…②…, ［12个］ 今年计划打造的…, …｜环比提高…｜同比…): each opens a clause
MARKS = "●▶►■◆★▲•①-⑳❶-❿｜［"
# Who said the quote before, named after it (…。”合肥市民政局副局长说。; …，这是X在发布会上介绍的)
SAID_AFTER = re.compile(
    r"\s*”?\s*[^。！？!?\n“”]{2,30}?(?:说|介绍|表示|透露|指出|告诉记者|介绍的)(?=[。！!，,])"
)
# A question (ends with ？) and the reporter's line
QUESTION_ENDS = "？?"


def opening(sentence: str) -> int:
    """Where the words of an answer start: after the speaker's label (局长：“…), else 0."""
    label = _LABEL.match(sentence)
    return label.end() if label else 0


# A new-media line of items, by its first mark (●受理…, ▶开工35个, ①…)
ITEMS = re.compile(r"\s*[" + MARKS.replace("｜［", "") + "]")
_HEADING_MAX = 40  # letters: a heading over a line of items is short


def heading(line: str) -> bool:
    """Whether a sentence is a heading line: short, ending the line, with no number and no full
    stop (一图读懂｜…, 长沙发布｜内涝治理“进度条”)."""
    return (
        line.endswith("\n")
        and len(line) <= _HEADING_MAX
        and not any(ch.isdigit() for ch in line)
        and "。" not in line
    )


# Where a speaker spoke, after the place (…厅长8日在长沙表示，; 在兰州接受采访时说; 在长春召开的
# 发布会上介绍): a venue, no subject of what is said
_SPOKE_THERE = re.compile(
    r"(?:市|省)?(?:(?:接受|召开的|举行的|出席|参加)[^，,。；;]{0,16}?(?:时|上|中))?"
    r"(?:表示|介绍|透露|指出|宣布|强调|称|说)"
)


def spoken_in(sentence: str, start: int, end: int) -> bool:
    """Whether the place at sentence[start:end] is only where someone spoke (在长沙表示)."""
    return sentence[start - 1 : start] == "在" and bool(_SPOKE_THERE.match(sentence, end))
