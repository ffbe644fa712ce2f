"""What a clause's own verbs say of its frame when no cue does: work it reports done (新建,
筹集, 开工…), words of a time still to come (今年, 年内, 将…), and a headline's level reached
(突破, 达, 创…). Split from frames.py."""

from __future__ import annotations

import re

from monitor.figures.firsts import opening
from monitor.figures.measures import _ADDITION as ADDITION

# what a clause reporting work says it did (新建, 筹集, 开工 …), when no cue says when
# (and every verb of work measures knows: 新改建, 铺设, 安置…); 破 before a number passes a mark
DOING = re.compile(
    r"新建|新增|新开工|开工|筹集|改造|发行|建设|增至|突破|超过|达|提供|有"
    # (从360个增加到501个, 由3.2万户扩大到5.9万户: the level reached)
    r"|(?:增加|增长|提高|提升|上升|下降|减少|降低|扩大|扩展|拓展)(?:到|至)|[降升扩]至"
    r"|破(?=[0-9一二三四五六七八九十百千万亿两])|超(?=[0-9一二三四五六七八九十两])"  # 超2.5万台
    r"|认定|评定|评选|命名|授牌|挂牌|获批"  # acts done and counted
    # a figure released (苏州发布国家高新技术企业数量1.53万家): one known, not a plan
    r"|(?:发布|公布|披露|通报)(?=[^，,。；《“]{0,16}?[0-9])"
    # a stock's level stated (装机总量为2950万千瓦, 总数为18.6万个): where it stands
    r"|(?:总数|总量|保有量|装机容量|总里程|总规模|数量)(?:已经?)?为(?=[约近超逾0-9一二三四五六七八九十两])|"
    + ADDITION.pattern
)
DOING = opening(DOING)  # searched only where a match can start (firsts.py)
# Words of a time still to come: a figure read early in a year with one is not the last year's
# (NEXT_YEARS: those past the year a text is in; a December year-end summary's 全年预计 is not)
NEXT_YEARS = r"明年|将(?!近)|未来|下一步|(?:到|至)(?:19|20)[0-9]{2}\s*年"
AHEAD = re.compile(r"今年|本年|(?<!截至)(?<!截止)年[底末]|年内|" + NEXT_YEARS)
# A headline's verbs of a level reached (突破5000个, 达6.6万个, 创新高) and the perfective (用上了):
# a result, whatever its date
REACHED = re.compile(
    r"破|达|超|创|增至|升至|降至|首次|[迈站登跨]上|[迈跨]入|再?添|了(?<!为了)(?!解)"
    r"|(?:提[高升]|增[加长]|上升|下降|降低|减少)(?:到|至)"  # 占比提高到54.6%: risen to a level
    r"|获(?:认定|评|授牌|命名|批准)"  # 首批38项…获认定: recognised, done
    r"|集中(?:开工|签约|竣工|投产|交付)"  # 首批集中开工重大项目127个: the ceremony held
)


# The perfective 了 right after a verb, an amount after it in its clause (打造了口袋公园8个, 建起了
# …15个): an action completed; not 为了 or 除了 (a purpose, an exception), 不了/得了, 了解
PERFECTIVE = re.compile(
    r"了(?<=[\u4e00-\u9fff]了)(?<![为除不得])(?![解却结])"
    # (an amount: digits, or numerals before a measure word; not the 一 of 一系列, 进一步, 统一)
    r"(?=[^，,。；;0-9]{0,16}?(?:[0-9]|[一二三四五六七八九十两百千]+[万亿]?"
    r"[个座所家条套户张处项件台辆亩栋间名人公千平]))"
)


# A level set against a past one after its clause (…837亿斤，比2022年增长2.2%; a bracketed
# aside between: 4185万吨（837亿斤），比上年…): the level measured, a result; the past level
# named by its year (比2022年, 较2022年底) as by 上年 (as 较上年…, and an aside before)
SET_AGAINST = re.compile(
    r"(?:[）)]|[（(][^（()）]{1,20}[）)])?[，,](?:较|比)"
    r"(?:(?:19|20)[0-9]{2}\s*年(?:底|末)?|年初|上年末?|去年底?|上年底|上月)(?:同期)?"
    r"(?:增加|增长|减少|下降|提高|降低|净增)"
    r"|(?:[）)]|[（(][^（()）]{1,20}[）)])?[，,]同比(?:增长|下降|增加|减少|提高|降低)"
)


# A verb with its perfective 了 in a clause before the number's (进一步加强了课后服务，开设暑托班
# 556个): the sentence tells what was done (not 为了, 除了, 了解, 不得了)
_NARRATED = re.compile(r"[\u4e00-\u9fff]了(?<![为除得]了)(?![解却结])[^。；;]*[，,]")


def told_done(before: str) -> bool:
    """Whether the words before a number (its sentence up to it) tell work done: a perfective
    with an amount after it (用上了1200个), or one in an earlier clause with no time to come."""
    if PERFECTIVE.search(before):
        return True
    return _NARRATED.search(before) is not None and AHEAD.search(before) is None
