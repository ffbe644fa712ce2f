"""What noun a number counts, read from the words between its verb (or keyword) and itself: a
clause that names a noun of its own (…，新增便民理发点300余个), a rate of another measure of the
thing (5G基站单站功耗同比下降12%), a figure per head of population (每千人口托位3.2个)."""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.figures import units
from monitor.figures.brackets import PLAN_BRACKET
from monitor.figures.stock_flow import said_again
from monitor.figures.titled import title_measures
from monitor.models import Quantity, Target

# The verbs a count follows in coverage of work done or planned; the words after the last of
# them, up to the number, name what is counted (新增和改造便民理发点300余个).
_VERB = re.compile(
    r"新增|新建|新开工|开工|完工|竣工|建成|建设|完成|改造|改扩建|提升|筹集|发行|提供|安排|下达"
    r"|打造|培育|培养|实施|达到|突破|超过|增至|累计|共计|合计|净增|增长|增加|减少|下降|提高|承担|分得"
    r"|投入(?:使用|运营)?|带动|配套|惠及|覆盖|吸引|服务|帮助|解决|带来|节约|创造|拉动|生产|产出|收获"
    r"|验收|交付|投用|投入使用|投运|投产|并网|开通|通车(?!里程)|通水|通气|上线|挂牌|认定|启动|开放|落地|签约|推进|建起"
    r"|新开|开设|开办|开出|办起|建好|设立|建立|成立|组建|创建|创成|评定|命名|授牌|改建|扩建|修建|铺设|种植|栽植|治理"
    r"|整治|消除|修复|收储|供应|发放|出让|销售|签订|引进|招引|入驻|入库|运营|纳入|获批|批复|核准"
    r"|备案|登记|办理|安置|搬迁|转移|帮扶|救助|资助|落实|形成|出台|保障|上马|布局|布设|投放|更新"
    r"|安装|装好|装上|改装|演出|整改|拨付|配备|培训|接种|清理|处置|办结|受理"
    # getting and offering what is counted (募集岗位, 开发公益性岗位, 筹措资金), funds paid, cases
    # handled and works finished (下拨, 查处, 接报, 收治, 清淤, 架设); not checks (排查, 检查,
    # 抽检), which are another stage than the work they look for
    r"|募集|征集|开发(?!区|商|园)|招募|筹措|兑付|下拨|兑现|结算|减免|返还|查处|立案|调解|化解"
    r"|关停|取缔|拆除|淘汰|腾退|盘活|接报|接收|收治|救治|招聘|吸纳|新设|新登记|赔付|授信"
    r"|推广|收购|采购|疏浚|清淤|加固|补植|复垦|硬化|绿化|扩容|增容|新装|加装|更换|架设|敷设|埋设"
    r"|贯通|交工|举办|走访|慰问|选派|录用|分配|配租|配售"
    # the things opening once built (建成开业19家, 建成开园): the count is of them
    r"|开业|开园|开馆|启用"
    # raising a works' standard (提标改造212处, 提标升级), a verb of its own before 改造
    r"|提标"
    # routes and services reorganised (新开通优化调整64条)
    r"|优化调整"
    # equipping what was built (为村医配发一体机, 配置健身器材, 购置送餐箱, 增设座椅)
    r"|配发|配置|分发|赠送|捐赠|购置|添置|增设|设置"
    # the verbs that set a plan (年初确定的30个目标任务): what follows them up to the number names
    # the plan, no thing of its own
    r"|确定|提出|明确|制定|设定|部署|定下|定好|敲定|议定|商定"
)
# words between a verb and its number that name nothing (建成了约, 新增各类, 达到近, 承担其中的)
_FILLER = re.compile(
    r"^(?:了|约|近|超|逾|达|为|共|总计|各类|各种|和|及|并|再|又|已|的|年度|全年|今年|当年|年内|其中"
    r"|出去|出来|起来|下来|下去|完|好|到位|完毕)+"  # a complement (分配出去, 建好了, 安装到位)
)
_FILLER_END = re.compile(
    r"(?:了|约|近|超过|超|逾|达到|达|为|共|总计|已经|已|均|的|年度|全年|今年|当年|年内|将"
    # a modal before the number (规模有望, 总量预计): the frame's word, no noun's
    r"|有望|可望|预计|力争|确保|争取|能够"
    # a level reached after a change (覆盖率升至, 上升到, 回升至, 降至): no noun of its own
    r"|(?:[上回攀提]?升|下?降|回落|增加|提高|提升)(?:至|到))+$"
)
# the plan's own words (完成全年目标任务的三分之一): a share of the pledge, weighed elsewhere
_PLAN_WORDS = ("任务", "目标", "计划", "额度", "限额")
_SET = ("定下", "确定", "下达", "控制指标")  # 超过年初定下的600场: the plan set, its size
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
# an amount alone, in a unit of its own (1.8万户, 4500套): no noun
_AMOUNT_ONLY = re.compile(r"[约近超逾]?[0-9][0-9.]*(?:万|亿)?[\u4e00-\u9fff]{1,2}")


# A stage a work reached, said right after the work (棚户区改造新开工, 管网改造完工)
_STAGE = re.compile(r"新?开工|完工|竣工|(?:基本)?建成|交付")
_PLACE_LEAD = re.compile(r"(?:全[市省区县国]|本[市省]|[今去全]年|目前|已|累计|实现|共)+")


def fronted_work(head: str, verbs: list[re.Match[str]]) -> str | None:
    """The work named before the stage verb the number follows (全市【棚户区改造】新开工8600套,
    the work's noun and verb as one: 改造 right before 新开工), less a place or time opening it;
    None when no thing is named before the work's verb (全市改造新开工)."""
    last, work = verbs[-1], verbs[-2]
    if work.end() != last.start() or not _STAGE.fullmatch(last.group()):
        return None
    if not _WORK_AS_NOUN.fullmatch(work.group()):
        return None
    begin = verbs[-3].end() if len(verbs) > 2 else 0
    thing = head[begin : work.start()]
    lead = _PLACE_LEAD.match(thing)
    thing = thing[lead.end() :] if lead else thing
    return thing + work.group() if _HAN_WORD.fullmatch(thing) else None


# Works a text names as nouns after the verb doing them (完成棚户区改造, 实施河道整治)
_WORK_AS_NOUN = re.compile(r"改造|建设|治理|整治|修复|搬迁|更新|改建|扩建")
_DOING = re.compile(r"完成|实施|推进|启动|落实")


def own_noun(head: str, keywords: tuple[str, ...], measures: tuple[str, ...] = ()) -> str | None:
    """The noun a clause without the target's keyword names for its number (`head`: the clause
    up to the number): the words after its last verb, if they are a word of their own; None when
    the verb is followed by the number (…，累计建成214个), by a measure of the thing itself
    (新开工数量已达), by the keywords' own noun (改造各类棚户区) or no verb is there."""
    verbs = list(_VERB.finditer(head))
    if not verbs:
        return None
    rest = _FILLER_END.sub("", _FILLER.sub("", head[verbs[-1].end() :]))
    if (
        not rest
        and len(verbs) > 1
        and _WORK_AS_NOUN.fullmatch(verbs[-1].group())
        and _DOING.fullmatch(verbs[-2].group())
    ):
        # 完成棚户区改造9.3万套: a work named as a noun (棚户区改造) after the verb doing it
        rest = _FILLER.sub("", head[verbs[-2].end() : verbs[-1].start()])
    elif not rest and len(verbs) > 1 and (work := fronted_work(head, verbs)):
        rest = work  # 全市棚户区改造新开工8600套: the work named before its stage verb
    if _AMOUNT_ONLY.fullmatch(rest):
        return None  # 已竣工1.8万户【7.2万人】: the same work counted in another unit first
    if rest.endswith(("率", *_PLAN_WORDS, *_SET)) or not _HAN_WORD.search(rest) or rest == "其中":
        return None  # 开工率: a rate of the work itself, weighed as a %; 承担其中的: of it
    if _CHANGE_TO.fullmatch(rest):
        return None  # 同比提高4.8个百分点至【79.5%】: the level the change reached
    if _SAME_MEASURE.fullmatch(rest) or any(rest in k or k in rest for k in keywords):
        return None
    if rest.endswith("房源") and any(_HOMES.search(k) for k in keywords):
        return None  # 可提供房源4600套: the homes a housing target counts
    if any(rest in m for m in measures):  # the measure the target's title names
        return None
    return rest


# A change's size, then the level it reached (提高4.8个百分点至, 增长6.2%到, 下降12%至)
_CHANGE_TO = re.compile(r"[约近]?[0-9][0-9.]*\s*(?:个?百分点|%|成)?(?:至|到)")
# a housing target's keyword (保障性租赁住房, 安置住房, 公租房, 人才公寓): its homes are 房源 too
_HOMES = re.compile(r"住房|房$|公寓")


# the people a target of people counts, named after the verb (签约居民, 参保人员, 常住人口): no
# other group of its own (待遇领取人员, 困难群众: a word before them picks some out)
_PEOPLE = re.compile(r"(?:城乡|城镇|农村|常住|户籍|签约|参保|在册)?(?:居民|人员|人口|群众)")


# What a subject of its own drove or drew (新增市场主体带动就业…, 文旅项目吸引社会资本建设…)
_DROVE = re.compile(r"带动|拉动|撬动|吸引|吸纳")
_NO_SUBJECT = re.compile(
    r"(?:全[市省区县国]|本[市省]|[今去全]年|目前|同时|此外|累计|共|已|并|还|也|可|将|预计|有望)*"
)


def driven_by(head: str) -> str | None:
    """The subject of its own and the verb of driving in a clause's words before the keyword
    or number (`head`: 新增市场主体带动就业, 周边商业项目带动新建): what that subject brought
    about is its own count, not the target's; None when no subject drove it (…，带动就业…)."""
    found = _DROVE.search(head) if "带" in head or "拉" in head or "吸" in head else None
    if found is None or found.start() < 2 or head.startswith(("等", "的", "作用"), found.end()):
        return None  # (…返乡创业带动等方式: a means named, no subject driving)
    before = head[: found.start()]
    verbs = list(_VERB.finditer(before))
    subject = _FILLER.sub("", before[verbs[-1].end() :] if verbs else before)
    lead = _NO_SUBJECT.match(subject)
    subject = subject[lead.end() :] if lead else subject
    return subject + found.group() if _HAN_WORD.fullmatch(subject) else None


def noun_of(head: str, targets: tuple[Target, ...], before: str = "") -> str | None:
    """own_noun for a clause going on after the keyword of `targets`: their keywords and the
    measures their titles name are theirs; what a subject of its own drove is that subject's;
    the additions' verb said again (`before`: the sentence before the clause) is none."""
    driven = driven_by(head)
    if driven:
        return driven
    if PLAN_BRACKET.search(head) or _SET_BEFORE.search(head):
        return None  # 完成年度目标（12个）的83.3%, 超额完成原定的3.5万人: the plan's size
    words = tuple(k for t in targets for k in t.keywords)
    said = tuple(m for t in targets for m in title_measures(t.title, t.keywords))
    noun = own_noun(head, words, said)
    if noun and said_again(before, noun):
        return None  # 新增接入充电桩1.1万个，累计接入12.6万个: the verb again, no noun
    if noun and _PEOPLE.fullmatch(noun) and all(units.normalise(t.unit) == "人" for t in targets):
        return None  # …，其中今年新增签约居民58万人: the people a target of people counts
    # (…，今年已完成标准化改造205个 for 标准化改造村卫生室: the title's own words, its work)
    noun = noun or _item_before(before, words, said)
    return None if noun and any(noun in t.title for t in targets) else noun


_FIRST_DIGIT = re.compile(r"[0-9]")
_SET_BEFORE = re.compile(r"(?:原定|预定|既定|原计划)的?$")  # a plan set before, its size after


def _item_before(before: str, keywords: tuple[str, ...], measures: tuple[str, ...]) -> str | None:
    """The noun of the list item right before, joined by 、, when it names one other than the
    keywords (…新开工公租房1800套、【基本建成900套】): an item naming none goes on with it."""
    if not before.endswith("、"):
        return None
    start = max(before.rfind(c, 0, len(before) - 1) for c in "，,；;。、：:") + 1
    item = before[start:-1]
    digit = _FIRST_DIGIT.search(item)
    if digit is None or any(k in item for k in keywords):
        return None
    return own_noun(item[: digit.start()], keywords, measures)


# What is measured of the thing itself when a rate follows its keyword (5G基站数量同比增长31%)
_SAME_MEASURE = re.compile(
    r"(?:的)?(?:建设|累计|新增|新建|治理|整治|改造)?(?:数量|总数|总量|个数|总?[人户]数|数|规模|容量|装机容量|装机|总里程|(?:通车|运营|营运)?里程"
    r"|河长|长度|岸线"
    r"|面积|保有量|存量|产量|总额|额|总规模|平均浓度|浓度|[\u4e00-\u9fff]{0,2}?(?:台数|场次|件数|宗数)"
    # the amount of the work counted (完工量同比增长18.2%); another stage's is refused by stage
    r"|(?:完成|开工|新开工|完工|竣工|建成|筹集|交付)量)?$"
)
_RATE_VERB_END = re.compile(
    r"(?:同比|环比|比上年|比去年|较上年|较去年|年均|全年|累计|分别|已|均"
    # the part of the year it is of (…进出口额上半年同比增长14.6%): its period, no measure
    r"|上半年|下半年|前三季度|[一二三四]季度|今年|[0-9一二三四五六七八九十]{1,2}(?:[—\-至到~][0-9一二三四五六七八九十]{1,2})?月份?)*"
    r"(?:仅|只|才)?"  # (数量同比仅增长6.4%: a limiting word, no measure)
    r"(?:增长|下降|提高|上升|降低|减少|增加|回落|改善|提升|增速为|增幅为|增速|增幅)(?:了|约|达|为)*$"
)

# 游客量比去年: the measure is before it (not the 比 of 占比: 占比较上年末提高…, a share's change)
_REFERENCE_END = re.compile(r"(?:(?<!占)比|[较与])[^，,。；;]*$")


def other_measure(between: str, unit: str | None = None) -> str | None:
    """For a rate after the target's keyword, the measure it is a rate of when that is not the
    thing itself (`between`: the words from the keyword to the number): 单站功耗, 周末游客量; and
    a count in a measure word no count of the target's `unit` is in (欠薪案件数 for an amount
    in 元, 以旧换新台数 for a subsidy)."""
    verb = _RATE_VERB_END.search(between)
    if verb is None:
        return None
    measure = _REFERENCE_END.sub("", between[: verb.start()])
    if _SAME_MEASURE.fullmatch(measure):
        return measure if _counted_otherwise(measure, unit) else None
    found = _HAN_WORD.search(measure)
    return measure if found else None


# A count named by its measure word (案件数 in 件, 台数 in 台, 场次 in 场, 户数 in 户)
_COUNT_WORD = re.compile(r"([件台宗个户人])数$|(场)次$")


def _counted_otherwise(measure: str, unit: str | None) -> bool:
    """Whether `measure` is a count in a measure word that counts no things of the target's
    `unit` (件 for 元; 人 for 人次): the rate of another measure."""
    found = _COUNT_WORD.search(measure) if unit else None
    if found is None:
        return False
    have, want = units.normalise(found.group(1) or found.group(2)), units.normalise(unit)
    return have != want and not units.same_family(have, want)


_LEVEL_VERB_END = re.compile(r"(?:累计|共|已|达到|达|为|突破|超过|约|近|总计)+$")


def measure_before(
    sentence: str, after: int, quantities: list[Quantity], unit: str | None
) -> str | None:
    """What the clause with the keyword measured, when its first number after `after` is in a
    unit foreign to the target's (5G基站承载流量达3.2亿GB for a count in 个): a rate going on
    from that clause is that measure's."""
    first = next((q for q in quantities if q.start >= after), None)
    if first is None or first.unit in (None, "%") or unit is None:
        return None
    have, want = units.normalise(first.unit), units.normalise(unit)
    if have == want or units.same_family(have, want):
        return None
    if have and want and units.convert(first.value, have, want) is not None:
        return None
    measure = _LEVEL_VERB_END.sub("", sentence[after : first.start])
    return measure if _HAN_WORD.search(measure) else first.unit


# a figure per head of population or per household (每千人口, 千人口, 人均, 户均), or per unit of
# something else (平均每个行政村, 每公里, 亩均, 村均)
_PER_HEAD = re.compile(
    r"每?[千万百十]人口|每(?:[千万百十一])?(?:人|户|名)|人均|户均|每平方公里|日均|每[日天]|月均"
    r"|平均每|每(?:个|座|所|家|条|公里|亩|平方米)|[亩村校县镇场]均"
    # per an amount of the thing (每1元消费券带动消费6.2元), and that amount itself (每【1元】)
    r"|每[0-9一两二三四五六七八九十百千万]|每$"
    # per anything else but a year (每辆, 每次), and a level each of all reaches (所有村均超30万元)
    r"|每(?!年)|(?:所有|各个?)[^，,。；]{0,12}?均"
)

_PER_WORDS = ("人", "户", "平方公里", "日", "天", "月均", "每", "均")


def per_head(head: str, target_words: str) -> str | None:
    """The words making the number a figure per head or per day (每千人口托位3.2个, 日均快递业务量
    4.6亿件), unless the target's own title or keywords (`target_words`) are such a figure."""
    if not any(map(head.__contains__, _PER_WORDS)):
        return None  # every per-head phrase names people, households, an area or a day
    found = _PER_HEAD.search(head)
    if found is None or _PER_HEAD.search(target_words):
        return None
    return found.group()


@lru_cache(maxsize=1024)
def per_head_title(words: str) -> str | None:
    """per_head of a target's own words (its title and keywords): asked for each of its numbers,
    the same answer each time."""
    return per_head(words, "")


# --- which of the keyword's things, and which measure of them ----------------------------------
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")


def _modifier(text: str) -> str | None:
    """The words after the last verb of `text` (a clause or title up to the keyword), without
    fillers: the kind of thing it names (新增儿科 → 儿科); None when no verb is there or they
    are more than words (a count, a name with a number in it)."""
    verbs = list(_VERB.finditer(text))
    if not verbs:
        return None
    rest = _FILLER_END.sub("", _FILLER.sub("", text[verbs[-1].end() :]))
    return None if _NOT_HAN.search(rest) else rest  # 15分钟便民生活圈: a name, not a kind


# a count and a conjunction joining the next item of a list to it (…除险加固18座和…, 52公里及…)
_JOINED = re.compile(r"[0-9][0-9.]*[万亿]?[\u4e00-\u9fff/%]{1,4}?(?:以及|和|及|与)")


def joined_item(head: str) -> int:
    """Where the last item of a list joined by 和/及 after a count starts in `head` (a clause
    up to the keyword): 0 when there is none."""
    if "和" not in head and "及" not in head and "与" not in head:
        return 0
    return max((m.end() for m in _JOINED.finditer(head)), default=0)


def other_kind(head: str, keyword: str, title: str, listed: bool = False) -> str | None:
    """The kind a clause names before the keyword (`head`: the clause up to it) when the target's
    title names another kind of it: 新增儿科床位 for 新增医疗卫生机构床位, 普惠型养老床位 for
    护理型养老床位; in a list's later item (`listed`: after 、) sharing the first one's verb, the
    words before the keyword (新增中小学学位N个、公办幼儿园学位M个). None when either names no
    kind, or they agree."""
    at = title.find(keyword)
    if at <= 0:
        return None
    titled = _modifier(title[:at])
    if not titled:
        return None  # most titles: the keyword right after its verb or count
    joined = joined_item(head)  # (中型水库除险加固18座和【病险水闸】除险加固56座: its own kind)
    head, listed = (head[joined:], True) if joined else (head, listed)
    said = _modifier(head)
    if said is None and listed and not _VERB.search(head):
        said = _FILLER.sub("", head) or None  # 、公办幼儿园学位: the item's own kind
    if not said or said in title or titled in said or _named_shorter(said, titled):
        return None
    return said


def _named_shorter(said: str, titled: str) -> bool:
    """Whether `said` is the title's kind `titled` with words left out from inside it, its first
    and last words kept (小型水库 for 小型病险水库): the same kind, named shorter."""
    if len(said) < 2 or said[0] != titled[0] or said[-1] != titled[-1]:
        return False
    rest = iter(titled)
    return all(c in rest for c in said)


# …，这些综合体里设置的护理型床位980张; 上述园区内的5G基站: the things inside those named before
_INSIDE_THOSE = re.compile(r"(?:这些|这批|上述|该批|此类)[\u4e00-\u9fff]{0,10}?(?:里|中|内)")


def inside_those(head: str) -> str | None:
    """The words saying the keyword's things are those inside what the text named before."""
    found = _INSIDE_THOSE.search(head)
    return found.group() if found else None


# The verbs of work a count follows, for the clauses that go on with a subject (cues.py)
WORK_VERB = _VERB


def own_measure_changed(head: str, target: Target) -> bool:
    """Whether a clause's words before its rate name the count or a measure of the target's
    thing and its change (数量同比增长, 案件数同比上升, 余额同比增长), nothing else."""
    return _own_measure(tuple(target.keywords), "开工" in target.title).fullmatch(head) is not None


@lru_cache(maxsize=256)
def _own_measure(keywords: tuple[str, ...], starts: bool) -> re.Pattern[str]:
    ends = "|".join(sorted({re.escape(k[-i:]) for k in keywords for i in (1, 2) if len(k) > i}))
    done = "" if starts else "(?:完工|竣工|建成|完成)?"  # 完工里程 of work done, not of starts
    return re.compile(
        rf"(?:其|的)?(?:{ends})?{done}(?:数量|总数|总量|余额|规模|数|里程|面积|量)"
        r"(?:同比|环比|(?:比|较)(?:上年|去年)(?:同期)?)?"
        r"(?:增长|下降|增加|减少|提高|降低|上升)了?(?:约|近)?"
    )
