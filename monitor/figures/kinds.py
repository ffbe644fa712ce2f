"""Which of the keyword's things a number counts: a kind named before the keyword beside the
whole (新增床位1150张，新增儿科床位150张), a kind named by a word of kinds (护理型养老床位,
超级充电桩), or those a clause before it picks out (入选…名单的高新技术企业): each a part of the
thing the target counts, not it."""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.figures.access import other_access, other_area
from monitor.figures.asides import without_notes
from monitor.figures.held import goods_of_scheme, held_inside
from monitor.figures.keywords import WORKS
from monitor.figures.nouns import (
    _NOT_HAN,
    WORK_VERB,
    _modifier,
    other_kind,
    own_noun,
)
from monitor.figures.places import GENERIC, PLACES
from monitor.figures.tiers import own_level
from monitor.figures.titled import title_measures
from monitor.models import Target

# a verb of work, or of a title given (获评省级…, 被命名为…, 入选…): the kind comes after it
_VERB = re.compile(
    "获评|评为|评定为|命名为|认定为|授予|入选|获批|列为|创成|争创|拥有|现有|共有|"
    + WORK_VERB.pattern
)


# A word of kinds right before the keyword (护理型, 超级, 儿科, 基层版, 小额; 高 alone, a grade:
# 高技能人才 of 技能人才): the kind is a part of the thing (not 各级: all)
_KIND_WORD = re.compile(r"(?!各|多|分|总|余|金)[\u4e00-\u9fff]{1,2}?[型级科版额]$|^高$")
_KIND_ENDS = ("型", "级", "科", "版", "额", "高")
_GRADE = re.compile(r"[0-9A-Za-z一二三四五]+[A星]?级(?:及|或)?以上$")
_OPEN = re.compile(r"^(?:了|已|共|的|再)+")
_LEADS = sorted({*PLACES, *GENERIC, "今年", "去年", "目前", "全年"}, key=len, reverse=True)
# one pattern for the run of them a clause opens with, longest first as the list: one search
# instead of a test of each of the ~500 words, again after each word taken off
_LEAD_RUN = re.compile("(?:" + "|".join(map(re.escape, _LEADS)) + ")+")


def kind_word(
    head: str, title: str, keywords: tuple[str, ...], regions: tuple[str, ...] = ()
) -> str | None:
    """The word of kinds a clause names right before the keyword (`head`: the clause up to it),
    after its verb, place and time: 护理型 (养老床位), 超级 (充电桩); None when the title or the
    keywords name it, it is the level of the target's own place (省级 for a province's target:
    its things as that place counts them, `regions` its place words), or none is there."""
    if head.endswith("以上"):  # (3A级以上, 二级及以上: things of a grade, some of them)
        grade = _GRADE.search(head)
        if grade and grade.group() not in title:
            return grade.group()
    if not head.endswith(_KIND_ENDS):
        return None  # most keywords: no word of kinds right before them
    rest = _words_before(head).rsplit("的", 1)[-1]  # (…直接审批的【小额】临时救助)
    found = _KIND_WORD.search(rest)
    if found is None or found.start() != 0:
        return None  # the kind must be all that stands between the verb or place and keyword
    kind = found.group()
    if kind in title or any(kind in k for k in keywords) or own_level(kind, regions):
        return None
    return kind


def _words_before(head: str) -> str:
    """The words right before a keyword (`head`: its clause up to it), after the last verb, the
    places and the time the clause opens with (太原全市今年新增【护理型】)."""
    verbs = list(_VERB.finditer(head))
    rest = _OPEN.sub("", head[verbs[-1].end() :] if verbs else head)  # not 超 (超级)
    leads = _LEAD_RUN.match(rest)
    return rest[leads.end() :] if leads else rest


# A clause before the keyword picking some of its things out (入选…名单的, 具备…功能的): those are
# a part of the thing, not it. Not 达到…的 or 通过…的: a standard reached or a check passed is
# often what the target counts (达到推荐标准的乡镇卫生院, 通过验收的…)
# (a score or grade a check gave them: 得分90分以上的公厕, 评为优秀的…, 考核达标的)
_PICKED = re.compile(
    r"(?:入选|具备|具有|符合|获评|获得|拥有|配备|提供|得分|评分|评为|评定为|考核|考评)[^，,。；;]{1,20}的$"
)


# The thing named as the subject of a passive that picks some out (2.3万户个体工商户被认定为
# “名特优新”, 12家企业获评…): those picked are a part of it. Not where the thing is what they
# are made (1200家企业被认定为高新技术企业: the keyword after 被认定为 is the target's own).
_PICKED_AFTER = re.compile(
    r"被(?:认定|评定|评选|评|命名|列|确定|授予|认证|选)为?|入选|获评|荣获|获得(?=[^，,。；;]{0,8}称号)"
)


def picked_after(sentence: str, end: int) -> str | None:
    """The passive right after a keyword ending at `end` that picks some of its things out."""
    found = _PICKED_AFTER.match(sentence, end)
    return sentence[end : found.end() + 4] if found else None


def picked_out(head: str, title: str) -> str | None:
    """The clause before the keyword that picks some of its things out (入选省级名单的), if any
    and the target's title does not say the same (达到三级医院服务能力的县级医院)."""
    found = _PICKED.search(head)
    if found is None:
        return None
    words = found.group()
    return None if any(words[i : i + 4] in title for i in range(len(words) - 3)) else words


def wider_than_titled(head: str, keyword: str, title: str) -> str | None:
    """The kind the target's title names before the keyword with a word of kinds (新增【护理型】
    养老床位) when the clause (`head`: up to the keyword) names the keyword with no kind at all
    (新增养老床位2.3万张): the number counts every kind, a wider thing. None otherwise."""
    if _ALL_KINDS.search(head):  # 各类充电桩 for 新建公共充电桩: every kind, a wider thing
        at = title.find(keyword)
        verbs = list(_VERB.finditer(title, 0, at)) if at > 0 else []
        named = title[verbs[-1].end() : at] if verbs else ""
        if named and not _NOT_HAN.search(named) and not _ALL_KINDS.search(named):
            return named  # (a title naming every kind too, 改造各类农贸市场…, none narrower)
    titled = _titled_kind(title, keyword)
    if titled is None or titled in head:
        return None
    return titled if not _words_before(head) else None


_ALL_KINDS = re.compile(r"(?:各类|各种|各式|所有)$")


@lru_cache(maxsize=1024)
def _titled_kind(title: str, keyword: str) -> str | None:
    """The word of kinds a title names right before the keyword (新增护理型养老床位, 新建“基层版”
    胸痛中心), if any."""
    title = _unquoted(title)
    at = title.find(keyword)
    titled = _modifier(title[:at]) if at > 0 else None
    return titled if titled and _KIND_WORD.fullmatch(titled) else None


# A noun after the keyword that the count counts instead (充电桩示范小区45个, 农村公路安全生命防护
# 工程3000公里): the keyword only says what kind of it; its head is one of these
_HEAD_NOUN = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:工程|小区|社区|园区|示范区|示范点|示范村|试点|街道|乡镇|村)"
    r"(?:已经?|累计|共|达到|达|为|约|近|超过|有)*$"
)


def noun_after(between: str, title: str) -> str | None:
    """The noun between the keyword and its count (`between`) that the count counts instead of
    the keyword's things, unless the title names it; None when there is none."""
    found = _HEAD_NOUN.fullmatch(between)
    if found is None or _VERB.search(between.rstrip("已经累计共达到为约近超过有")):
        return None
    noun = between.rstrip("已经累计共达到为约近超过有")
    # (…治理的行政村 for a title of …治理行政村500个: the title's noun, linked by 的)
    return None if noun in title or noun.replace("的", "") in title else noun


_FILLER_END = re.compile(r"(?:已经?|累计|共|达到|达|为|约|近|超过|有|总数|数量)+$")


def same_head_after(between: str, keyword: str, title: str) -> str | None:
    """A longer noun the keyword only opens, ending in the keyword's own head noun (高新技术企业
    后备库入库【企业】860家: firms in a pipeline, not the 高新技术企业), unless the title names it;
    None when the words between the keyword and its count (`between`) are no such noun."""
    head = keyword[-2:]
    noun = _FILLER_END.sub("", between)
    if len(noun) < len(head) + 2 or not noun.endswith(head) or not _HAN_ONLY.fullmatch(noun):
        return None
    return None if noun in title else noun


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


# Funds, loans or bonds for one use named before the keyword (用于保障性安居工程的专项债券, 投向
# 产业发展的衔接资金): the part spent on it, not the whole
# (投入使用, 投入运营 is a stage reached, put to use: 已建成并投入运营的助餐点 are all of them)
_FOR_USE = re.compile(
    r"(?:用于|投向|投入(?!试?(?:使用|运营|运行|生产|服务))到?|专项用于)([\u4e00-\u9fff、“”]{2,16}?)的$"
)


def for_one_use(head: str, title: str) -> str | None:
    """The use named right before the keyword (`head`: its clause up to it), unless the title
    names it: the keyword's amount for that use only, a part of it."""
    found = _FOR_USE.search(head) if "的" in head else None
    if found is None or found.group(1) in title:
        return None
    return found.group()


# A noun an of-phrase after the keyword ends with, then the count (给智慧杆腾位置拆掉的各类旧杆件有
# 1400余根): the count is of that noun; a measure or the plan of the keyword's things is not one
_OF_NOUN = re.compile(  # (…配套的储能电站已并网95万千瓦: then the stage it reached)
    r"的(?:各类|各种|各项)?([\u4e00-\u9fff]{2,8}?)(?:已经?|累计|也|有|为|达到|达|共计?|约|近|超过)*"
    r"(?:(?<=已)(?:并网|投运|投产|建成|开工|完工|竣工|开通)了?)?$"
)
_NO_NOUN = re.compile(
    r"量|数|值|额|规模|面积|里程|率|比例|比重|容量|任务|目标|计划|总|其中|部分|[年月季期里中上]"
)


def of_phrase_noun(between: str, keyword: str, title: str) -> str | None:
    """The noun the words between the keyword and its count (`between`) end with after a 的,
    when it is another noun than the keyword's (…拆掉的各类旧杆件有1400余根); else None. People
    a service reaches (签约家庭医生的居民, 享受…服务的老年人) are what its count counts."""
    found = _OF_NOUN.search(between) if "的" in between else None
    if found is None or keyword in between[found.start() :]:
        return None
    noun = found.group(1)
    if _NO_NOUN.search(noun) or _PEOPLE.search(noun) or _VERB.search(noun) or noun in title:
        return None  # …的基础上再签约3万户: no noun
    return noun


# no thing of its own after a verb: a plan's words (新改建目标定为), the projects of the thing
# itself (建设项目40个), an adverb or modal (里程再添, 有望, 可能), people it reached (惠及老年人);
# not 能 inside a noun (新型储能, 新动能: their own things)
_NOT_THING = re.compile(
    r"任务|目标|计划|指标|额度|限额|项目$|工程$|[再将已也还均都又望可要]|(?:^|[不才就])能"
    r"|[人民者生员户]$|人口$|家庭|群众|人次|老人"
)
_PEOPLE = re.compile(r"[人民者生员户]$|家庭|群众|人次|老人")


def _unquoted(text: str) -> str:
    return text.replace("“", "").replace("”", "").replace('"', "")


# What may stand right before a keyword and still be the target's things: a place, a time, a
# word for all of them (全省自来水普及率, 目前近视率, 平均…)
_NO_KIND = re.compile(
    r"(?:各[级类种式]|所有|全部|平均|整体|总体|全面|目前|当前|实际|累计|现有|已有|共有|实现|完成|达到"
    # (山东一季度新增就业, 春季造林, 冬春水利建设: a time, a season, no kind)
    r"|季度|冬春|[年月周旬底末季的了已共为达约近])$"
)


def other_modifier(
    head: str, keyword: str, keywords: tuple[str, ...], title: str, regions: tuple[str, ...] = ()
) -> str | None:
    """The other kind named right before a keyword (`head`: its clause up to it) when the target
    has a longer keyword naming its own kind of the same things (农村自来水普及率 beside 自来水
    普及率; 青年人才驿站 beside 人才驿站): 城区自来水普及率, 高校人才驿站, 新发近视率 count
    another kind. None when no longer keyword names a kind, or the words before are the title's,
    a place's or a time's."""
    kinds = [k[: -len(keyword)] for k in keywords if len(k) > len(keyword) and k.endswith(keyword)]
    kinds = [kind for kind in kinds if not _WORK_ONLY.fullmatch(kind)]  # (改造老旧小区: no kind)
    if not kinds:  # most targets: no keyword naming a kind
        return other_area(head, keyword, title) or other_access(head, title)
    tail = _HAN_TAIL.search(_words_before(head))
    if tail is None:
        return None
    words = tail.group()
    if words.endswith(regions) or words.endswith(_PLACE_ENDS):
        return None  # 全区生产总值, 青山区生产总值 beside 地区生产总值: the place's own, no kind
    tier = words[-1] in _TIERS and words[-2:-1] in ("", "个", "项") and words[-1] not in kinds
    if tier and any(k in _TIERS for k in kinds):  # 38个省重点项目 beside 市重点项目: another tier's
        return words[-1]
    if len(kinds) == 1 and kinds[0] in words[-len(kinds[0]) - 3 :]:
        return None  # 国内旅游出游 for 国内出游: the longer keyword's kind, a word set inside it
    for kind in kinds:  # 户籍人口 beside 常住人口: what differs before the shared 人口
        shared = 0
        while shared < min(len(kind), len(words)) and kind[-1 - shared] == words[-1 - shared]:
            shared += 1
        if shared == len(kind):
            return None  # the kind itself (总体近视率 read by the shorter keyword)
        words = words[: len(words) - shared] if shared else words
    said = words[-2:]
    plain = _unquoted(title)
    if len(said) < 2 or said in plain or _NO_KIND.search(said) or _place_word(said):
        return None
    return said


_HAN_TAIL = re.compile(r"[\u4e00-\u9fff]+$")
_TIERS = ("省", "市", "县", "区")
_WORK_ONLY = re.compile(rf"(?:{WORKS}|新增|新建|建设)+")  # a keyword's own work: no kind
_PLACE_WORDS = frozenset((*PLACES, *GENERIC))
_PLACE_ENDS = tuple(_PLACE_WORDS)


def _place_word(word: str) -> bool:
    return word in _PLACE_WORDS or word.endswith(("省", "市", "县", "州", "国"))  # not 城区, 山区


# An age group (60岁以上老年人, 0至3岁婴幼儿, 12岁儿童): a part of the people a figure counts
_AGE = re.compile(
    r"[0-9一二三四五六七八九十两]+(?:\s*[—\-~～至到]\s*[0-9一二三四五六七八九十两]+)?\s*(?:周)?岁"
    r"(?:及以上|及以下|以上|以下)?(?:的)?[\u4e00-\u9fff]{0,4}"
)


def age_group(head: str, title: str) -> str | None:
    """The age group a clause names before the keyword (`head`: the clause up to it), unless
    the title names an age: the figure is that group's, a part of the whole."""
    if "岁" not in head or "岁" in title:
        return None
    found = _AGE.search(head)
    return found.group() if found else None


# What the thing drove or brought (…专项债券预计带动社会投资2400亿元): another noun's amount
_DROVE = re.compile(r"带动|拉动|撬动|吸引|带来|创造")  # (惠及 counts the people served)
# A part named inside the keyword's things (重点项目中的新能源汽车项目): a subset of them
# (…省重大项目中的220个产业项目完成投资1105亿元: the part counted first, then its amount)
_INSIDE_PART = re.compile(
    r"(?:项目|工程|企业|清单|名单)?(?:当中|之中|中)的(?:[约近超逾]?[0-9][0-9.,]*[个家项座所批])?"
    r"([\u4e00-\u9fff“”]{2,14})"
)


# The thing's amount put to one use, named after it (专项债券用作项目资本金96亿元, 资金投向
# 保障性安居工程…): the part for that use, not the whole
_USE_AFTER = re.compile(
    r"(?:用于|用作|投向)([\u4e00-\u9fff“”、]{2,16}?)(?:的(?:规模|金额|资金|额度|部分))?"
    r"(?:已经?|累计|共计?|达到|达|为|约|近|超过)*$"
)
_FILLERS = "已经累计共计达到为约近超过"
# A title asking the amount, then answering it (充电桩建了多少？前三季度4600个): the answer counts
# the thing asked about, whatever words of time come between
_ASKED = re.compile(r"(?:多少|几何|几[个座家所])[^？?，,]{0,4}[？?]")


def after_keyword(
    between: str, title: str, keywords: tuple[str, ...] = (), same_unit: bool = False
) -> str | None:
    """Why the words from the keyword to its number (`between`) make the number another noun's:
    what the thing drove (带动社会投资), a part named inside its things (中的…项目), a noun of its
    own after a verb, in the target's unit (结合口袋公园建设新增座椅620个); None."""
    between = without_notes(between)  # (养老床位（含社区…床位）达…: a note, no noun counted)
    drove = _DROVE.search(between)
    if drove and drove.group() not in title:
        return f"what the thing drove ({between[drove.start() :]}…), another noun"
    inside = _INSIDE_PART.match(between)
    if inside and inside.group(1) not in title:
        return f"a subset: a part named inside the things ({inside.group()})"
    held = held_inside(between)
    if held and held not in title:
        return f"things set inside the keyword's own ({held}), another noun"
    use = _USE_AFTER.search(between) if "用" in between or "投向" in between else None
    if use and use.group(1) not in title:
        return f"a subset: the part put to one use ({use.group().rstrip(_FILLERS)})"
    if same_unit and "的" not in between and not _ASKED.search(between):
        noun = own_noun(between, keywords, title_measures(title, keywords))
        if noun and _thing(noun) and noun not in title:
            if goods_of_scheme(noun, keywords):
                return None  # 家电以旧换新累计销售…家电产品: the goods the scheme counts
            return f"counts another noun ({noun}), named after a verb"  # (惠及老年人: its count)
    return None


# a noun of its own: three characters or more, or two naming a slot or a fitting inside the
# keyword's thing (农贸市场新增摊位, 食堂新增餐位, 公园增设座椅) or a structure of its own
# (新建杆塔, 改造泵站, 建成场馆); a shorter word after a verb is a measure of the thing (完成投资)
# or another verb (投入执勤)
_THING_WORD = re.compile(r".{3,}|[\u4e00-\u9fff][位椅桌柜灯桩亭杆塔站馆厂桥井]")


def _thing(noun: str) -> bool:
    return bool(_THING_WORD.fullmatch(noun)) and not _NOT_THING.search(noun)


# Things put forward for a title or the work, before it is given (申报, 申请, 推荐), or held as
# candidates for it (储备, 后备, 培育企业): another count (not 培育 as the work: 培育…企业120家)
_PUT_FORWARD = re.compile(
    r"申报|申请|报名|参评|推荐(?!标准|目录)|提名|储备|后备|培育(?=企业|对象|库|名单|梯队)"
)


def put_forward(head: str, between: str = "", title: str = "") -> str | None:
    """The word saying the things a number counts were put forward, if one does: before the
    keyword (申报…的有46个), or between the keyword and the number (`between`: 受理高新技术企业
    【申请】3万家, 专精特新中小企业【申报】数量430家) where the title counts no applications."""
    found = _PUT_FORWARD.search(head)
    if found:
        return found.group()
    found = _PUT_FORWARD.search(between) if between else None
    return found.group() if found and found.group() not in title else None


def kind_after(sentence: str, end: int, start: int, stop: int, target: Target) -> str | None:
    """Why the things a number (ending at `end`) counts are another kind, named after it before
    the keyword at sentence[start:stop] (另有85个社区获评省级老年友好型社区), or put forward for
    it, the keyword's request after it (120户老人递交了居家适老化改造申请书)."""
    head, keyword = sentence[end:start], sentence[start:stop]
    if (asked := _PUT_FORWARD.match(sentence, stop)) and asked.group() not in target.title:
        return f"those put forward ({keyword}{asked.group()}), not those the work gave"
    kind = other_kind(head, keyword, target.title) or kind_word(head, target.title, target.keywords)
    if kind is None and (
        kind := other_modifier(head, keyword, target.keywords, target.title, target.region)
    ):
        # 2600张居家养老床位 for a target of 护理型床位: another kind than its longer keyword's
        return f"another kind ({kind}{keyword}) than the target's longer keyword names"
    return f"another kind ({kind}{keyword}) than the target's" if kind else None
