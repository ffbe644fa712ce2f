"""Whether a clause goes on with the subject of the clause before it: the words it opens with
(同比增长, 累计, 截至…已, 拨付率达到…), or a body forecasting them (省…厅预计到年底可完成…).
Split from cues.py; attribution.continues reads clauses with it."""

from __future__ import annotations

import re

from monitor.figures import speech
from monitor.figures.cues import MONTH_SPAN, PLAN_RATE, PRICE_BASIS, SHARE_BASIS
from monitor.figures.firsts import Opening, opening
from monitor.figures.nouns import WORK_VERB
from monitor.figures.shares import share_again

# …下一步将加大选址力度，力争全年建成80个: a clause that says what comes next, with no number,
# before one going on with the subject (its plan for the rest of the year): passed over
# …, and a remark on how the rest is reckoned (照此测算，全年有望突破…; 按目前进度，…)
NEXT_STEP = re.compile(
    r"(?:下半年|下一步|接下来|今后|四季度|年内|" + PRICE_BASIS + r"|扣除价格因素"
    r"|(?:按照|依照|根据|[照按据以依])(?:此|这|目前|当前|现有)(?=[^，,；;。0-9０-９]{0,6}?(?:测算|推算|计算|估算|进度|速度|势头|趋势)))"
    r"[^，,；;。0-9０-９]{0,14}[，,]"
)
# …or a remark with no number on how the plan is handled (任务已分解到各区, 已分解下达至各市州,
# 目前正加快推进): the work, its amounts said after it, is still the subject's
# (no thing of its own: 同时推进燃气管道更新 names other work)
HANDLED = re.compile(
    r"(?:任务|目标任务|目标|计划|工作)?(?:已经?|均已|都已|已全部|全部|目前正?在?|正在)?"
    r"(?:加快|全力|有序|稳步|扎实)?(?:分解|下达|落实|细化|压实|推进|调度)+"
    r"(?:到|至|给)?(?:各[地区县市州]+|各地|基层)?[，,]"
)
HANDLED = opening(HANDLED)  # searched only where a match can start (firsts.py)
# A clause that starts with these continues the previous clause's subject (…，增长6.1%).
_CONTINUE_WHEN = (
    r"近?[五十]年|过去[一五]年|[0-9]+年|[两三四五六七八九]年(?:来|间)?|截[至止][^，,。；]{0,8}?(?=已|累计|共|完成|新|达)|目前"
    # (截至8月底开发1160个: a date, then a verb of the work right after it)
    r"|截[至止][^，,。；]{0,6}?(?:[底末日]|[上中下]旬)(?=开发|募集|发放|建成|开工|筹集|改造|追回|培训|帮扶|招聘)"
    r"|" + MONTH_SPAN + "份?"
    r"|前[一二三四五六七八九十两0-9]{1,2}个?月|[上下]半年|前三季度|[一二三四]季度"
    r"|(?:仅|仅用|短短|不到)(?:半年|[一二三四五六七八九十两0-9]{1,2}个月)(?:时间|内|来|里)?"
    r"|[比较][^，,。；]{1,16}?(?=增长|提高|增加|下降|减少|降低|上升|净增|新增)"
    # the same base named with 与…相比 (…，与去年同期相比增长20.6%): a change of the subject
    r"|(?:与|同|和|跟)[^，,。；]{1,14}?相比较?(?=增长|提高|增加|下降|减少|降低|上升|净增|新增)"
    r"|“?十[一二三四五]五”?(?:以来|期间|时期)"
    r"|(?:到|至)?今?年[底末]前?|年内|(?:今年|年初|开年)以来|当月|(?:到|至)[0-9]{4}\s*年[底末]?前?"
    r"|自?(?:去年|上年)[底末]以来"  # (…达到32万个，自去年底以来净增6.8万个: since then)
    # a deadline of its own for a part of the work (国庆前力争完成…, 9月底前要完成…)
    r"|(?:汛期?|暑期|暑假|开学|春节|国庆节?|元旦|入冬|供暖|秋播|春播|雨季|年中)(?:结束)?前"
    r"|(?:到|至)(?:现在|目前)|现在|现(?=已)"  # (…，现已开工3120个: now, so far)
    # a start named with what began then (自2017年开展试点以来, 2019年实施改造以来)
    r"|自?(?:19|20)[0-9]{2}\s*年[^，,。；;0-9]{1,10}?以来"
    # …or a programme named by its length (三年行动启动以来, 两年攻坚行动实施以来): a time too
    r"|[^，,。；;0-9]{0,8}?[一二三四五两]年[^，,。；;0-9]{0,4}?(?:行动|攻坚|计划)(?:启动|实施|开展)?以来"
    r"|[0-9一二三四五六七八九十]{1,2}月(?:底|末|中旬|上旬|下旬|份)?前?|"
    + speech.WHEN
    + r"|(?<=[今去全]年)一年(?:下来|里|内|中)?"  # …，今年一年就完成了1580公里
)
_CONTINUE_HOW = (
    f"同比|环比|同口径|可比口径|按可比口径|按年|{PRICE_BASIS}|扣除价格因素后?|比上年|比去年|年均|全年|今年|去年|上年|明年|其中|并|且|已|已经|累计|共|将|计划|预计|力争|再|先|还|又|可|能够|全部|有望|可望|全[市省区县]"
    "|同时|拟|要|基本|全面|新|确保|争取|超额|提前|实际|尚未|未|继续|持续|能|年度|当年|本年|仅|只|就|才(?!能)"
    "|年累计"  # (…当月完成投资2.1亿元，年累计完成投资18.6亿元: the year's so far)
    # the measure a share is counted by (…，按小区数计完成年度目标任务的95%; 按户数计…: shares.py)
    + "|"
    + SHARE_BASIS
    # a duty or an intent (…，须确保年底前建成投运…; 必须完成, 应当; 打算再新增): a modal as 要 is
    + "|必须|务必|须|需要?|应当?(?!急)|打算|准备(?!工作)|目标(?=再|新|要|将|力争|确保)"
    "|甚至|乃至|名义"  # (…可以如期完成，甚至有望突破2.2万个: more than the plan; 同比名义增长)
    # a turn or "as well" names no subject (…，同比减少2.1%，但仍完成了年度任务的56.6%)
    "|但是?|而|仍然?|依然|也|均|都"
    # the event the clause before named (…重大项目集中开工活动，本次开工84个): its things
    "|本次|此次|这次|本批|此批"
    "|同期|当月(?!增|降|上[涨升]|下[降跌]|回[落升])"  # (…，全省同期完成7个; 12月末当月为5.1%)
    # the plan or schedule the rest follows (…，按计划年底前完工85公里; 按进度年内可完成…)
    "|按照?(?:计划|进度|序时进度|时间节点|工期)"
    # the pace so far the rest is reckoned by (…，按目前趋势预计全年可达到72%左右)
    "|按照?(?:目前|当前|现有|现在)的?(?:趋势|态势|速度|进度|势头)(?:来看|看)?"
    # a start named before a total (…，2021年以来总数达到329家); the time the rest is done by
    "|以来|届时|到时"
    # in operation or in use (…，在运规模累计达到486万千瓦): the subject's stock, going on
    "|在(?:运|营|用)(?!输|行|于)"
    # the measure named again (…要达到99.85%，目前这一指标为99.81%; …，去年这个数是11家)
    "|(?:这一|这个|这项|该|此)(?:比例|比重|比率|指标|数字|数据|数值|数)|此项指标"
)
# (the goal's own size follows: not the gap, 距离年度目标只差240张, read in rests.py)
_GOAL_AHEAD = r"(?=[^，,。；差]{0,16}?(?:目标|(?:确定|提出|要求|规划)的)[^，,。；差]{0,3}?[0-9])"
_CONTINUE_VERB = (
    # the gap to the subject's goal (…，距离年度目标80%还有差距; 离…规划确定的4.5个还差…)
    f"距离{_GOAL_AHEAD}|离{_GOAL_AHEAD}|"
    "增长|增加|减少|下降|增产|减产|多增|少增|降低|提高|上涨|上升|回升|回落|下滑|下跌|暴跌|改善|达到|达|超过|突破|总量|规模(?!以上|以下|化)|总额|总数|增速|增幅|涨幅"
    "|[超逾](?=[约近]?[0-9])"  # (…创新高，今年以来已超1551万人: the subject's amount passed)
    # (…，超出年度计划400亿元: what the subject beat its plan by)
    "|(?:超出|高出|多出)(?:年度|全年|年初|今年)?(?:计划|目标|任务)(?=[约近超逾]?[0-9])"
    "|增量|新增量|净增|累计|共计|合计|建成|落成|投入使用|交付使用|完成|新增|新建|建设|验收|开工|竣工|完工|为|约|近|保持|稳定在|控制在|提升|降至|升至"
    # (not 实现 with an indicator of its own: …增长2.3%，实现规上工业增加值增长3.1%)
    "|实现(?![^，,。；;0-9]{2,12}?(?:增加值|总值|总额|收入|产值|利润|零售额|销售额|进出口|营收))"
    "|有(?=[0-9一二三四五六七八九十两近约超])"  # 已有1.2万个投入使用, 共有…
    # what stands at a date (…，年末实有590.3万户; 现有…): the stock of the subject
    "|(?:实有|现有|拥有)(?=[0-9一二三四五六七八九十两近约超])"
    # the whole of the subject's measure (…，全省总能力达到1491万吨/年; 总面积达…)
    "|总(?:运营|通车)?[\u4e00-\u9fff]{1,2}?(?=达到|达|为|突破|超过|增至|增加到|提高到|提升至|[超逾](?=[0-9约近]))"
    "|(?<=同比)[增降](?=[0-9约近])"  # …，同比增11.3%: a headline's or a bulletin's short verb
    # the basis of the figures after it, a clause of its own (…，扣除价格因素，实际增长4.9%)
    "|(?:(?<=计算)|(?<=核算)|(?<=因素)|(?<=因素后)|(?<=口径))(?=[，,])"
    "|(?:平均|均值)(?:为|达到|达)?(?=[约近超逾]?[0-9一二三四五六七八九十两])"  # …，全年平均88.2%
    # …，1—11月平均上涨0.1%: the average of the months' changes, the subject's own
    "|平均(?:上涨|下降|增长|上升|提高|降低)"
    # …，现在是百分之九十七点一: the level now
    "|(?<=现在|目前|如今)是(?=[约近超逾]?[0-9一二三四五六七八九十两百])"
    # an amount traded (…：前7月交易2316.8亿元; …，今年前4个月成交…)
    "|(?:交易|成交|结算|支付)(?:额|金额|量)?(?:为|达到|达)?(?=[约近超逾]?[0-9一二三四五六七八九十两])"
    "|降到|升到|扩大到|扩大至|扩至|扩展到|扩展至|拓展到|拓展至|增至|分别|发行|安排|下达|投资(?=[约近超逾]?[0-9一二三四五六七八九十两])|建(?!议|筑|材)|改造|打造|培育|筹集|占比|占[^，,。；]{0,18}?(?:任务|目标|计划|额度|限额|指标|预算(?![收支]))"
    # …，占一般公共预算收入的比重为68.4%; …，占全省的45.3%: a share of a whole (shares.py: whose)
    "|占[^，,。；0-9]{1,18}?(?:的?(?:比重|比例)|的(?=[约近超逾]?[0-9]))|(?:是|相当于)[^，,。；]{0,10}?(?:任务|目标|计划|限额)的|提供|总长|全长|长度"
    "|[比较][^，,。；]{1,16}?(?:多|少)出?(?=[0-9])"
    # what the subject's projects cost in all (…，总投资7.9万亿元; …，项目总投资达2100亿元)
    # (a branch a word: the first letters of the branches are looked for first, see _CONTINUES)
    "|总投资|项目总投资|计划总投资|概算总投资|协议总投资"
    # its rank among others (…，居全国第五位; 位居黄河流域省份前列; 连续多年居全国首位): the
    # subject ranked, going on to its change after (…，比上年提高0.1个百分点)
    "|居(?:全国|全省|全市|全区|[\u4e00-\u9fff]{1,8}?)?(?:第|首位|前列|前)|位居|位列|排名|排在"
    # (…，在全市并列排名第9位; 全省排名第59位: the field it is ranked in, then its rank)
    "|在?全[国省市区县州](?:\\s*[0-9]+\\s*个[\u4e00-\u9fff]{1,3})?并?列?排名(?=\\s*第|前)"
    # the subject's share of all (…优良水质断面67个，比例为98.5%): its measure named again
    "|(?:比例|比重|占比)(?:为|是|达到?)(?=[约近超逾]?[0-9])"
    "|连续(?:多|[0-9一二三四五六七八九十两]{1,2})年(?:居|位居|位列|排名)"
    # …，高于2023年完成的1.7万个: the subject's own work of another year, compared
    "|(?:高于|低于|多于|少于)[^，,。；]{0,10}?(?:完成|实现|建成|新增|新建)的(?=[约近超逾]?[0-9])|(?:全年|年度)?(?:目标)?任务[^，,。；]{0,6}?完成|净增"
    # the plan used up or met, its size after (…，届时将用完财政部下达的2860亿元额度)
    "|(?:用完|用足|用尽|完成)[^，,。；0-9]{0,12}?"
    "(?=[约近超逾]?[0-9][^，,。；]{0,8}?(?:额度|限额|任务|目标))"
    # the clause restates the plan (…，确保全年7万套目标按期完成; …，全年2万个的任务能够完成):
    # its number is the plan's size
    "|[^，,。；]{0,12}?(?:目标|任务|(?<=全年|年度)计划)(?:任务)?[^，,。；]{0,4}?(?:完成|实现)"
    # the subject's plan, stated (…，今年的目标是2万个; 今年目标定在5000套; 年初定的是100个;
    # ▶年度目标40个), and its measure said to be (去年这一比例是81.3%)
    "|[^，,。；0-9]{0,12}?的?(?:目标|任务)(?:任务|数|量)?"
    "(?:是|为|定在|定为|调整为|调整到|调增至|调增到|调减至|提高到|提高至|增加到|增至)"
    "|(?<=[数例重率标据值字])是"
    # a multiple of an earlier level (…，是2022年末的3.4倍): the subject's size, compared
    "|是[^，,。；0-9]{0,12}?(?:[0-9]{4}年[底末]?|去年|上年|同期)[^，,。；0-9]{0,4}?的(?=[0-9.]+倍)"
    # (…，全年目标任务8万人基本完成; …，全年任务900张即将完成: the plan named, its size)
    "|(?:年度|全年|今年)?(?:预期)?(?:目标(?:任务)?|任务)(?=[约近超逾]?[0-9一二三四五六七八九十两])"
    "|[^，,。；0-9]{0,8}?(?<!稳)定下?的(?:目标|任务)?(?:是|为)"
    # verbs of work on what is there (截至5月底已整改168公里), right before the amount
    # (a result after the verb: 安装到位, 铺设完毕, the work done: 已安装到位520盏)
    "|(?:整改|硬化|排查|处置|清理|拆除|配备|安装)(?:到位|完毕)?了?(?=[约近超逾]?[0-9一二三四五六七八九十两])"
    # …，力争9月底前开工率达到85%: the rate of the subject's own work
    "|[^，,。；]{0,8}?(?:开工|完工|竣工|建成|完成)率"
    # …，今年新改建5230公里: a verb of work right before its amount names no thing of its own
    # (not what the work brought about: 带动1.2万亿元, 惠及32万人 count other things)
    # (投入使用, 投入运营 are things put to use: …新开工1036部、投入使用871部)
    "|(?!带动|拉动|撬动|惠及|覆盖|吸引|服务|帮助|解决|带来|节约|创造|投入(?!使用|运营)|配套|保障)"
    # (…，今年新开发2140个; 今年1—9月结算…: the year's part; not 支出, after 下达 another stage)
    # (…，今年新开的有48家: those the work gave, the year's part of the subject)
    "(?:" + WORK_VERB.pattern + "|开发(?!区)|结算|募集|兑付)+(?:到位|完毕)?(?:了|的有|的共有)?"
    "(?=[约近超逾]?[0-9一二三四五六七八九十两])"
)
_CONTINUES = re.compile(
    # the letters a continuation can start with, looked at first: most clauses fail there
    "(?=[近五十过0-9截目上前一二三四六七八九比较全年任“到至汛暑开春国元入供秋雨自高短不与和跟"
    + "".join(sorted({word[0] for word in f"{_CONTINUE_HOW}|{_CONTINUE_VERB}".split("|")}))
    # an aim may come before the time (力争“十四五”期间累计筹集…, 并力争2025年累计完成…)
    + f"{speech.FIRST}]){speech.SAY}(?:{_CONTINUE_HOW})*(?:{_CONTINUE_WHEN})?(?:{speech.WHO})?"
    + f"(?:{_CONTINUE_HOW})*(?:{_CONTINUE_VERB}|{speech.VERB})"
)
# …，拨付率达到81%; …，序时进度为50%，支出进度为51.7%: its plan's progress, whatever opens it.
# Apart from _CONTINUES (it was its second branch): tried at each place where that fails, it cost
# more than the first, and it can match only where 率 or 进度 is within its reach (_RATE_REACH).
_PLAN_RATE_OPENS = re.compile(f"[^，,。；：:]{{0,8}}?(?:{PLAN_RATE}|序时进度)")
_RATE_REACH = 12  # characters: eight before the rate's word, whose 率 or 进度 ends by four
# A body that forecasts the rest of its clause (…，省交通运输厅预计到年底可完成640座左右): who
# speaks, before the words that go on with the subject
SAID_BY = re.compile(
    r"[^，,。；;0-9]{1,12}?(?:厅|局|委|办|署|中心|协会|集团|公司|部门)(?:有关)?(?:负责人)?"
    r"(?:(?:预测|预估)(?=[^，,。；;0-9]{0,4}?(?:将|可|能|有望))|(?=预计))"
)


# A clause giving a time, then the amount, then its verb (…，年底前600辆全部上线; …，9月底前
# 300个将全部完工): the subject's amount, the verb after it
_DONE_AFTER = (
    "上线|投用|投运|交付|建成|完工|竣工|到位|开通|投入使用|投入运营|落地"
    "|开放|启用|开业|通车|投产|并网|(?:实现|集中)?(?:开工|签约)"
)
_AMOUNT_THEN_VERB = re.compile(
    # (…，目前首批已有127个实现开工: a batch of them, so far)
    f"(?:{_CONTINUE_WHEN})(?:首批|第[一二三四五六七八九十]批)?(?:还|再|将|已有|已经?|共有?)?"
    "[约近超逾]?[0-9一二三四五六七八九十两][0-9.一二三四五六七八九十两百千万亿]*"
    f"[\u4e00-\u9fff]{{1,2}}?(?:全部|均|都|已经?|将|要|可|陆续)*(?:{_DONE_AFTER})"
)
_DONE_AFTER_WORDS = re.compile(_DONE_AFTER)
_DONE_AFTER_WORDS = opening(_DONE_AFTER_WORDS)  # searched only where a match can start (firsts.py)
_DONE_REACH = 24  # characters from a clause's start its verb of a thing done ends by


# A document issued (印发《…方案》, 出台…意见), then what it states (…，明确今年完成治理800个)
_ISSUED = re.compile(r"》|印发|出台|制定|发布")
_STATES = re.compile(r"(?:明确|提出|要求|部署|规定|指出)了?[，,：:]?")
# a cause named before the rest (受春节错月影响, 由于上年基数较高): passed over
_CAUSE_FIRST = ("受", "由于", "因")
_CAUSE_OPENS = re.compile(r"(?:受|由于|因)[^，,。；;0-9]{1,14}?(?:影响|因素|带动|拉动)[，,]?")
# …集中开工活动，86个项目总投资735亿元; …名单，共1195家企业入选: the things named before, counted
# by their head noun
_HEAD_COUNTED = Opening(re.compile(r"(?:共|共有|共计)?[0-9][0-9,]*(?:个|家|项)(?:项目|企业)"))


def continues_at(sentence: str, at: int) -> bool:
    """Whether the clause at `at` opens with words going on with the subject before (同比增长,
    累计…), or with a body forecasting them (…，省交通运输厅预计到年底可完成640座左右), or with
    what a document the clause before issued states (印发《…方案》，明确今年完成治理800个)."""
    if continues_with(sentence, at):
        return True
    states = _STATES.match(sentence, at) if sentence[at : at + 1] in "明提要部规指" else None
    if states and _ISSUED.search(sentence, 0, at) and continues_with(sentence, states.end()):
        return True
    said = SAID_BY.match(sentence, at) if "预" in sentence[at : at + 20] else None
    if said is not None and continues_with(sentence, said.end()):
        return True
    return share_again(sentence, at)


# The subject set against another place or the schedule (…，高于全国1.5个百分点，增速比…)
_COMPARED_TO = Opening(re.compile(r"(?:高于|低于|快于|慢于)"))


def continues_with(sentence: str, at: int) -> bool:
    """Whether the clause at `at` opens with words going on with the subject before (同比增长,
    累计…, 拨付率达到…, 高于全国…), not looking for a speaker first."""
    if (
        _CONTINUES.match(sentence, at)
        or _COMPARED_TO.match(sentence, at)
        or _HEAD_COUNTED.match(sentence, at)
    ):
        return True
    cause = _CAUSE_OPENS.match(sentence, at) if sentence.startswith(_CAUSE_FIRST, at) else None
    if cause is not None and _CONTINUES.match(sentence, cause.end()):
        return True  # …7.6万辆，受春节错月影响同比下降4.3%: the cause, then the change
    if _DONE_AFTER_WORDS.search(sentence, at, at + _DONE_REACH) and _AMOUNT_THEN_VERB.match(
        sentence, at
    ):
        return True
    end = at + _RATE_REACH
    return (sentence.find("率", at, end) >= 0 or sentence.find("进度", at, end) >= 0) and (
        _PLAN_RATE_OPENS.match(sentence, at) is not None
    )


# A remark that only sets the circumstances of the work: it opens with a preposition (随着…,
# 受…影响, 围绕…, 聚焦…), so it has no subject of its own and the topic before it goes on through
# it; one opening with a noun (城市书房建设同步推进) or with other work (同时推进燃气管道更新) is a
# topic of its own.
_NO_SUBJECT = re.compile(
    "(?:随着|伴随|受|因|由于|得益于|通过|经过|依托|借助|围绕|聚焦|针对|结合|按照|根据|对照)"
    # a slogan in quotes as all a verb has (实现“时间过半、任务过半”, 跑出“加速度”, 交出一份
    # “满意答卷”): a remark on the subject, no thing of its own
    "|(?:实现|保持|呈现|跑出|交出|打出|迎来|取得|跑赢)了?[^，,。；“0-9]{0,4}“"
    # a rank (…，排全市第一，…; 位居全省前列): a remark on the subject, no thing of its own
    "|(?:排名?|位居|位列|稳居|跃居|居)在?[^，,。；;0-9]{0,10}?(?:第|前列|首位|前[一二三四五六七八九十])"
)


def remark(sentence: str, cuts: list[int], clause: int) -> bool:
    """Whether the clause is a remark the subject goes on through: no amount in it and no
    subject of its own (…，随着年底前一批新校投入使用，…; …，聚焦交通、市政等重点领域，…)."""
    first = clause
    while first > 1 and sentence[cuts[first - 1]] == "、":
        first -= 1  # (聚焦交通、市政和产业园区等重点领域: one remark listing things)
    at = cuts[first - 1] + 1
    return _NO_SUBJECT.match(sentence, at) is not None and not any(
        map(str.isdigit, sentence[at : cuts[clause] if clause < len(cuts) else len(sentence)])
    )
