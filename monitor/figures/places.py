"""Which region a number speaks for: the nearest place named before it (在福州，…; 上海提出…；
广州提出…), else the paragraph's or the article's; national words (全国, 我国) for the country;
全省/我市/本县 for the place of that level the text is about. A place a figure is only ranked in
or compared with (居全国首位, 高于全省平均, 占全市的) names no subject. A figure counts for a
target only when that region is the target's."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from monitor.figures.nouns import WORK_VERB
from monitor.figures.place_levels import at_level, named_like
from monitor.figures.place_names import UNNAMED_PLACE
from monitor.figures.place_parts import (
    left_out,
    localities_told,
    own_parts_counted,
    part_named_after,
)
from monitor.figures.routes import on_route
from monitor.figures.speakers import _LOCAL_BODY

# The country as a whole. A target whose regions include one of these is a national target.
NATIONAL = ("全国", "我国", "中国", "各地", "全国各地", "国家", "全省份")
# Words for "this place" whose place is the one the text is about (全市 in a 杭州 story), by the
# level of place they speak of: a province's 全省 is no city's figure.
_GENERIC_LEVELS = {
    "province": ("全省", "本省", "我省", "省内"),
    "city": ("全市", "本市", "我市", "市内"),
    "county": ("全县", "本县", "我县"),
    "district": ("全区", "本区", "我区"),
}
GENERIC = tuple(w for words in _GENERIC_LEVELS.values() for w in words)
_LEVEL_OF_GENERIC = {w: level for level, words in _GENERIC_LEVELS.items() for w in words}

# Provinces, autonomous regions, prefecture-level cities and the districts of the largest
# cities: a place named here that is not one of a target's regions makes the figure another
# region's. Names that are common words or inside common words (中山, 开封, 长治, 日照, 安康, 朝阳,
# 白银, 普洱, 来宾, 阿里, 金山, 白云, 光明, 长寿, 文山, 安顺, 河源, 哈密, 大兴 …) are left out on
# purpose: a missed place costs less than a false one.
_PROVINCES = (
    "北京 天津 上海 重庆 河北 山西 内蒙古 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北"
    " 湖南 广东 广西 海南 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 台湾"
)
_CITIES = (
    "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 晋城 朔州 晋中"
    " 运城 忻州 临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布"
    " 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛 长春 吉林市 四平 辽源"
    " 通化 松原 白城 延边 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河"
    " 绥化 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州"
    " 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山"
    " 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌"
    " 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊"
    " 济宁 泰安 威海 临沂 德州 聊城 滨州 菏泽 郑州 开封市 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳"
    " 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感"
    " 荆州 黄冈 咸宁 随州 恩施 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化"
    " 娄底 湘西 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 阳江 清远"
    " 东莞 潮州 揭阳 云浮 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 崇左"
    " 海口 三亚 儋州 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安"
    " 达州 雅安 巴中 资阳 阿坝 甘孜 凉山 贵阳 六盘水 遵义 毕节 铜仁 黔东南 黔南 黔西南"
    " 昆明 曲靖 玉溪 保山 昭通 丽江 临沧 楚雄 红河 西双版纳 大理 德宏 怒江 迪庆 拉萨"
    " 日喀则 昌都 林芝 那曲 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 商洛 兰州 嘉峪关 金昌"
    " 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南 西宁 海东 海西 玉树 果洛 银川 石嘴山"
    " 吴忠 固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 昌吉 阿克苏 喀什 和田 伊犁 塔城 阿勒泰"
    " 雄安 浦东 滨海新区 两江新区 赣江新区"
)
# Districts of the municipalities and of a few large cities (海淀, 闵行, 万州): a part of the city
_DISTRICTS = (
    "东城 西城 海淀 丰台 石景山 门头沟 房山 通州 顺义 昌平 大兴 怀柔 平谷 密云 延庆 浦东 黄浦 徐汇"
    " 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 松江 青浦 奉贤 崇明 武清 宝坻 静海 宁河 蓟州 西青"
    " 津南 北辰 东丽 万州 涪陵 渝中 渝北 沙坪坝 九龙坡 北碚 綦江 大足 巴南 黔江 江津 合川 永川"
    " 南川 璧山 铜梁 潼南 荣昌 开州 梁平 武隆 天河 越秀 海珠 荔湾 番禺 花都 南沙 从化 增城 福田"
    " 罗湖 宝安 龙岗 龙华 坪山 盐田"
)
# Groups of provinces: a figure for one is neither the nation's nor a member's
_GROUPS = (
    "长三角 珠三角 京津冀 粤港澳大湾区 成渝地区 西北地区 东北地区 西南地区 华北地区 华东地区"
    " 华南地区 华中地区 中部地区 西部地区 东部地区 西北五省 东北三省 东北四省区 汾渭平原"
    " 长江经济带 黄河流域 苏南 苏北 浙南 闽东 生产建设兵团 长江中下游 黄淮海"
)
# Parts of a city that are not all of it (主城区, 中心城区): their figure is no city total
_PARTS = "主城区 中心城区 主城都市区 中心城市"
# The world and places abroad (全球销量, 欧洲市场): never the nation's or a region's figure.
# Names that also read across other words are left out: 日本 (5日|本市), 法国 (依法|国有),
# 中东 (中东部)
_ABROAD = (
    "全球 欧洲 欧盟 北美 美洲 拉美 非洲 东南亚 美国 韩国 德国 英国 意大利 俄罗斯"
    " 印度 巴西 澳大利亚 加拿大 越南 泰国 新加坡 印度尼西亚"
)
PLACES = tuple(
    dict.fromkeys(f"{_PROVINCES} {_CITIES} {_DISTRICTS} {_GROUPS} {_PARTS} {_ABROAD}".split())
)
_MUNICIPALITIES = frozenset(("北京", "天津", "上海", "重庆"))
_PROVINCE_SET = frozenset(_PROVINCES.split()) - _MUNICIPALITIES
_CITY_SET = frozenset(_CITIES.split()) | _MUNICIPALITIES
_PART_SET = frozenset(_PARTS.split())


def city_part(word: str) -> bool:
    """Whether a place word is a part of a city, not all of it (主城区, 中心城区)."""
    return word in _PART_SET


def same_level(generic: str, place: str) -> bool:
    """Whether a named place is of the level a generic word speaks of: 宁波 for 全市, 江苏 for
    全省 (全区 and 全县 are left alone: a district's name is rarely in PLACES)."""
    level = _LEVEL_OF_GENERIC.get(generic)
    if level == "city":
        return place in _CITY_SET
    if level == "province":
        return place in _PROVINCE_SET
    return False


def level_of(regions: tuple[str, ...]) -> str | None:
    """The level of place a regional target watches (province, city, county, district), from its
    generic words or its names; None when they do not say."""
    for word in regions:
        if word in _LEVEL_OF_GENERIC:
            return _LEVEL_OF_GENERIC[word]
    for word in regions:
        if word in _PROVINCE_SET or word.endswith(("省", "自治区")):
            return "province"
        if word in _CITY_SET or word.endswith("市"):
            return "city"
        if word.endswith("县"):
            return "county"
    return None


# A company's figure is a part of the nation's or a region's (中国移动已建成14万个5G基站).
_ENTITIES = (
    r"中国(?:移动|电信|联通|铁塔|广电)|国家电网|南方电网|[\u4e00-\u9fff]{2,6}"
    # …, not a class of companies (境内外上市公司, 新三板挂牌公司, 国有企业集团)
    r"(?<!上市)(?<!挂牌)(?<!国有)(?<!民营)(?<!外资)(?<!平台)(?<!担保)(?<!小贷)(?<!企业)(?:公司|集团)"
    r"(?<!医疗集团)(?<!教育集团)"  # (紧密型城市医疗集团, 教育集团: things a plan counts)
)
_SOME = r"某(?:地|省|市|县|区)"  # a place left unnamed (某地, 某市): not the watched one


class Mention:
    """A region word at `start` in a text: the target's own, the nation, or another place."""

    __slots__ = ("kind", "start", "word")

    def __init__(self, start: int, word: str, kind: str) -> None:
        self.start, self.word, self.kind = start, word, kind


def is_national(regions: Sequence[str]) -> bool:
    return any(word in NATIONAL for word in regions)


@lru_cache(maxsize=256)
def _pattern(regions: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted({*regions, *NATIONAL, *PLACES, *GENERIC}, key=len, reverse=True)
    return re.compile(
        _ENTITIES + "|" + "|".join(map(re.escape, words)) + "|" + UNNAMED_PLACE + "|" + _SOME
    )


# A company named by the level of its owner (市公交集团, 省交通投资集团, 今年区城投公司): the
# region's own body, after a time word at most
_LEVEL_BODY = re.compile(r"(?:今年|去年|上半年|下半年|全年|年内)?([省市县区])(?!场)")
_LEVEL_OF_CHAR = {"省": "province", "市": "city", "县": "county", "区": "district"}


def _kind(word: str, regions: tuple[str, ...]) -> str | None:
    """own, nation or place; None for a generic word whose level the target does not say."""
    # 临平、萧山、余杭三区; 武汉及周边: more than one's own; 文山市 in a story on 文山州: its seat;
    # 吉林市 for the province 吉林: the city of its name (place_levels)
    if "、" in word or word.endswith(("周边", "外")) or named_like(word, regions, level_of):
        return "place"
    if word in regions or any(word in r or r in word for r in regions if r not in NATIONAL):
        return "own"  # 北京 for a target in 北京市, 高速公路服务区 for itself
    if word in NATIONAL:
        return "nation"
    own = _LEVEL_BODY.match(word) if word.endswith(("公司", "集团")) else None
    if own:  # 市公交集团 in a city's text: the city's own company, doing its work
        watched = None if is_national(regions) else level_of(regions)
        return "own" if _LEVEL_OF_CHAR[own.group(1)] == watched else "place"
    level = _LEVEL_OF_GENERIC.get(word)
    if level is not None:  # 我省 for a province, 全省 for a city target: another level
        watched = None if is_national(regions) else level_of(regions)
        if watched is None:
            return "place" if is_national(regions) and regions else None
        return "own" if level == watched else "place"
    return "place"


# 新华社北京3月5日电: a dateline names where the story was filed, not what it is about
# (a place and a month alone is a subject and its period: 贵州7月接待游客…)
_DIGIT = "[0-9０-９一二三四五六七八九十]"
_DATELINE = re.compile(rf"\s*{_DIGIT}{{1,2}}月{_DIGIT}{{1,3}}日")
# words that name the nation in a national target's text but in a regional one mostly name an
# agency (国家统计局, 中国移动) whose figure may well be regional
_AGENCY_WORDS = frozenset({"国家", "中国"})
# A place the figure is only ranked in or compared with (位居全国第一, 居全省首位, 高于全国平均,
# 增速快于厦门, 排全省第二; not 安排全市…, arranging), or where a task is handed down to (分解到
# 各地, 下达至各市): the subject is another one. (占全国的10% is left to name the share's whole.)
_RANKED_IN = re.compile(
    r"(?:居|位列|列|(?<!安)(?<!编)排(?:名|在|位)?|高于|低于|快于|慢于|好于|优于|超过|领先|相当于|跻身|分解到|分解至|下达到|下达至"
    r"|高出|低出|超出"  # (…增长12%，高出全市3.5个百分点: the place compared with)
    r"|分配到|分配至|分到|获评|荣获|入选|评为|授予|命名为"  # (获评全省…示范区: a title's giver)
    r"|奔向|前往|去往|发往|开往|驶往|飞往"  # (…专列驶出，奔向江苏: a destination)
    r"|(?<![占对])比|(?<![比相])较|相较|不含|不包括|不包含)$"  # (比全国平均快; 全省(不含厦门市))
)
# Work done against a plan, before the place that handed it down (完成长沙市下达…)
_DONE_AGAINST = re.compile(r"(?:完成|落实|对照|承接|承担|为|占|是|达到)[^，,。；]{0,12}$")
# A national title right after a national word (全国示范性…社区, 全国文明村镇; 全国、省、市最美…)
_HONOUR_AFTER = re.compile(r"(?:、[省市县区]级?)*(?:示范|文明|先进|百强|优秀|模范|五星|标杆|最美)")
_RANKED_AFTER = re.compile(
    r"的?(?:第[一二三四五六七八九十0-9]+(?![0-9一二三四五六七八九十]|批|次|届|期|轮|个|项|阶段)"
    r"|首位|前列|前茅|之首|平均水平|同类|首个|首家|唯一|领先"  # (全省最多; 保持全国领先)
    r"|(?:\s*[0-9]+\s*个[\u4e00-\u9fff]{1,3})?(?:并列)?(?:排名|排位|排序)(?:第|前|后|靠?前列)"
    # (保持全市前三, not 全市前三季度; 全市6个…的辖区之一: one of its parts; 全市20个区县排名第4)
    r"|前[一二三四五六七八九十0-9]{1,2}(?![季个年月批次周天日届期轮0-9])|[^，,。；]{0,20}?之一"
    r"|(?:规模|总量|体量|覆盖面)?最(?:多|高|大|快|长|好|优|低|少))"
    # who handed the plan down (完成长沙市下达任务的107%): the work is the place it was handed to
    r"|[市省区县]?(?:政府)?下达的?(?=[^，,。；]{0,8}?(?:任务|目标|计划|指标|额度|限额))"
    # 在北京召开的…会议: where, not whose (合肥市召开…新闻发布会: the city holds it, its own)
    r"|(?:(?<=[在于][\u4e00-\u9fff]{2})|(?<=[在于][\u4e00-\u9fff]{3})|(?<=[在于][\u4e00-\u9fff]{4}))"
    r"(?:市|省)?(?:举行|召开|举办|开幕|闭幕)"
)


def mentions(text: str, regions: tuple[str, ...], start: int = 0, end: int = -1) -> list[Mention]:
    """Region words in text[start:end], in order, each marked own / nation / place."""
    stop = len(text) if end < 0 else end
    found = _all_mentions(text, regions)
    return list(found[bisect_left(found, start, key=_start) : bisect_left(found, stop, key=_start)])


def _start(m: Mention) -> int:
    return m.start


@lru_cache(maxsize=64)
def _all_mentions(text: str, regions: tuple[str, ...]) -> tuple[Mention, ...]:
    """Every region word in `text` (a sentence or an article, asked about once per number)."""
    out: list[Mention] = []
    for start, word in _words(text, regions):
        kind = _kind(word, regions)
        if kind == "place" and own_parts_counted(text, start, word, out[-1:]):
            continue  # 南昌9个县区128个…: the own place's parts, all of them counted
        if kind is not None:
            out.append(Mention(start, word, kind))
    return tuple(out)


# A place name read across two other words names no place: a verb of work before it ends on its
# first character (新增|城镇就业 holds 增城), or its last character opens a word for towns and
# villages while a word runs on before it (创新|乡村治理 holds 新乡).
_PLACE_SET = frozenset(PLACES)
_TOWN_WORDS = frozenset(("城镇", "城市", "城乡", "乡村", "乡镇", "村镇"))
_OPENS_A_PLACE = frozenset("在的和与及、对从向至到于由全")


def _across_words(text: str, start: int, word: str) -> bool:
    before = text[start - 1] if start else ""
    if not "\u4e00" <= before <= "\u9fff":
        return False
    for back in (1, 2):
        for into in range(1, len(word)):
            if back <= start and WORK_VERB.fullmatch(text, start - back, start + into):
                return True
    end = start + len(word)
    return text[end - 1 : end + 1] in _TOWN_WORDS and before not in _OPENS_A_PLACE


def _own_tier(word: str, regions: tuple[str, ...]) -> bool:
    """Whether `word` before 级 is the target's own place by name (陕西省级重点项目, 湖北省级
    专精特新企业): the tier of that place's own list, the place speaking."""
    return word in regions and word not in _TIER_WORDS and word not in NATIONAL


# a level's own word, no name (其中自治区级医院: a tier of bodies, even where 自治区 is watched)
_TIER_WORDS = frozenset((*GENERIC, "自治区", "省", "市", "县", "区", "州", "盟", "旗"))


_AROUND = re.compile(r"及其?周边")
_CITY_TITLES = ("国家", "区域", "区域性", "副", "省域")
# 城市, 都市, 超市, 门市: the letter before 市内 that ends a noun
_CITY_NOUN_ENDS = frozenset("城都超门")


def _words(text: str, regions: tuple[str, ...]) -> list[tuple[int, str]]:
    """The place words of `text` that may name whose figure it is, with where they start."""
    national = is_national(regions)
    out: list[tuple[int, str]] = []
    for m in _pattern(regions).finditer(text):
        word = m.group()
        if _DATELINE.match(text, m.end()):
            continue
        if not national and word in _AGENCY_WORDS:
            continue
        if word in _PLACE_SET and _across_words(text, m.start(), word):
            continue  # 新增城镇就业: no 增城 there
        if (word in _PLACE_SET and _NAMED_FOR.match(text, m.end())) or (
            word not in _NOT_PROPER and _BODY.match(text, m.end())
        ):
            continue  # 黄浦江, 延安路, 通州院区, 福田区人民医院: a river, a street, a body
        after = _RANKED_AFTER.match(text, m.end())
        if after and "下达" in after.group() and not _DONE_AGAINST.search(text, 0, m.start()):
            after = None  # 今年河南省下达…任务750万亩: the place's own plan, handed on
        if _RANKED_IN.search(text, max(0, m.start() - 3), m.start()) or after:
            continue  # 位居全国第一: the place it is ranked in, not its subject
        if word in NATIONAL and _HONOUR_AFTER.match(text, m.end()):
            continue  # 全国示范性老年友好型社区, 全国文明村镇: a title's rank, not a place
        if word == "中心城市" and text.endswith(_CITY_TITLES, 0, m.start()):
            continue  # 国家中心城市, 区域中心城市: a city's title, not a part of it
        if word == "市内" and m.start() and text[m.start() - 1] in _CITY_NOUN_ENDS:
            continue  # 城市内涝, 超市内: no 市内 (within the city) there
        if text[m.end() : m.end() + 1] == "级" and not _own_tier(word, regions):
            continue  # 自治区级医院, 省级示范区, 国家级: a tier of bodies or titles, not a place
        if "至" in text and on_route(text, m.start(), m.end()):
            continue  # 十堰至襄阳段, 成都至自贡铁路: the towns a route runs between
        if word == "各地" and (
            (out and out[-1][1] not in NATIONAL)
            or _LOCAL_BODY.search(text, max(0, m.start() - 16), m.start())
            or localities_told(text, m.start(), m.end())
        ):
            # 全省各地, 河北各地; 河北省住建厅要求，各地要确保…: the localities of the place
            # named before (or of the office speaking: 省水利厅要求各地…), together its work
            continue
        around = _AROUND.match(text, m.end())
        if around:  # 武汉及周边8个城市: the place and its neighbours, a wider area
            out.append((m.start(), text[m.start() : around.end()]))
            continue
        outside = left_out(text, m.start(), m.end())
        if outside:  # 长沙以外的市州, 除武汉外: the places other than it
            out.append((m.start(), text[m.start() : outside]))
            continue
        word, end = at_level(text, word, m.end(), regions)  # 文山市 for 文山州: another place
        out.append((m.start(), word))
        while word not in _NOT_PROPER and (part := part_named_after(text, end)):
            if WORK_VERB.search(part.group()):
                break  # 杭州已建成区…: no name
            out.append((end, part.group()))  # 福州鼓楼区, 德清县新市镇: a part of the place
            end, word = part.end(), part.group()
    return out


# (not the place's parts named after it: 武汉江汉区, 南京江宁区, 唐山路北区)
_NAMED_FOR = re.compile(
    r"江(?=[两沿畔边滨水上下流岸段大隧])|路(?![北南桥]区)|院区|校区|分院|分校|号(?=[”\"]|专列|列车)"
)  # (…, or a train: “江苏号”务工专列)
# A school or a hospital named for a place (福田区人民医院, 南山区第二实验学校, 宝安中心医院)
_BODY = re.compile(
    r"[区县市]?(?:(?:人民|中心|中|妇幼保健|儿童)?医院|大学|学院"  # (颍州区学校食堂: the district's
    r"|(?:第?[一二三四五六七八九十]|实验|外国语)+(?:中学|小学|学校|幼儿园))"  # schools, no name)
)
_NOT_PROPER = frozenset((*GENERIC, *NATIONAL, "各地", "全国各地"))


def places_named(text: str) -> set[str]:
    """The distinct places `text` gives figures of (兰州, 全省, 全国; a company is none)."""
    return {w for _, w in _words(text, ()) if not _ENTITY.fullmatch(w)}


_ENTITY = re.compile(_ENTITIES)


@lru_cache(maxsize=64)  # (asked per figure of a page naming no place)
def generic_only(text: str) -> str | None:
    """The level of the generic words (全省, 我省) or city parts (主城区) a text names alone: a page
    of that level's place; None for a place named, none, or a share's whole (占全市的12%)."""
    named = places_named(text)  # (主城区, 中心城区: a city's part, as only a city's page names)
    levels = {_LEVEL_OF_GENERIC.get(w, "city" if w in _PART_SET else None) for w in named}
    if len(levels) != 1 or None in levels or any("占" + w in text for w in named):
        return None
    return levels.pop()


def first_named(found: list[Mention]) -> list[Mention]:
    """The first place named and the parts named right after it (上海普陀, 福州鼓楼区): the last
    of them is the one meant."""
    out = found[:1]
    for m in found[1:]:
        if m.start != out[-1].start + len(out[-1].word):
            break
        out.append(m)
    return out


def speaks_for(found: list[Mention], regions: tuple[str, ...]) -> bool | None:
    """Whether the last mention in `found` is the target's region: True (its own, or the nation
    for a national target), False (another place, or the nation for a regional target), None
    when nothing was named."""
    if not found:
        return None
    last = found[-1].kind
    if last == "own":
        return True
    if last == "nation":
        return is_national(regions)
    return False
