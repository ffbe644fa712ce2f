"""The names of places no list holds: a district, county, city, town or street named where a
place's name stands (兴庆区今年新建…, 其中万州区…, 今年西夏区…, 西安市未央区): a pattern that
figures.places searches beside the places it lists."""

from __future__ import annotations

from monitor.figures.nouns import WORK_VERB

# A district, county or city not in PLACES opening a clause with its figures (兴庆区今年新建…,
# 桑植县新改建…, 其中万州区…; 龙伏镇今年…): another place, unless it is the target's.
_NOT_NAMES = (
    "主城|老城|新城|开发|示范|保护|自贸|试验|功能|服务|核心|地级|县级|市辖|高新|经开|各个|其他|其余"
    "|自治|超市|各县|各区|郊区|城区|市区|县区|辖区|园区|景区|社区|街区|城乡|农村|城镇"
    "|建成|保税|风景|商业|工业|产业|生态|旅游|管理|集聚|中心|行政|居住|城市|全区|全县"
    "|贫困|脱贫|试点|重点|农业|山区|居民|商务|所辖|物流|生活|港口|受灾|边远|偏远|老城"
    "|棚户|棚改|安置|禁燃|限行|易地|搬迁|禁养|限养|划定|城郊|近郊|远郊|农牧|牧区"
    "|项目|规划|实验|先行|改造|施工|灌溉|移民"  # zones named by their use: 项目区, 规划区
    "|[日月年]"  # 5日本市…, 3月本市…: a date's last word before 本市, no place
    "|[今去明当全上近往]年"  # 今年区政府…, 去年市…: a time, then the place's level word
    "|按"  # a basis a share is reckoned on (按小区数计…, 按城区人口算), no place's name
    "|[省市县区州旗盟]委"  # 市委市政府, 县委县政府: the bodies of the place the text is about
    "|[市省县区]|个(?![县区])"  # 市城市管理局: the place's own office; 620个社区: a count
    # a verb or a word of relation before the level's own word (完成区人代会批准…, 根据市政府…,
    # 为全市…之一): no name
    "|根据|依据|依照|按照|遵照|对照|完成|实现|通过|经过|成为|作为|获评|荣获|入选|为"
)
# …, or after a time word or 为/从/据/和 (今年西夏区…, 为金凤区…; not 今年各市县, 年内)
_AFTER_WORD = r"(?:(?<=[年月来为从据和与及])|(?<=目前))(?![各全本我该此内底初末中度])"
UNNAMED_PLACE = (
    r"(?:(?<![\u4e00-\u9fff])|(?<=其中)|(?<=[在的])|" + _AFTER_WORD + r")(?!" + _NOT_NAMES + r")"
    r"[\u4e00-\u9fff]{2}(?:区|县|旗|市|州|盟)(?=今年|去年|上半年|前|新|已|累计|共|全年|有?[0-9]"
    # (…, with another one: 金凤区和西夏区; its own body: 西夏区住建局表示, 从榆中县环境局获悉)
    r"|[、和与及][\u4e00-\u9fff]{2}[区县]|(?:人民)?政府|[\u4e00-\u9fff]{1,6}?[局委](?![\u4e00-\u9fff]{0,2}[区县]))"
    # …, or its own work (锦江区开展…, 成华区实施…) or measure and amount (西咸新区…同比下降17%):
    # a name of two letters: not a time, nor opening on a word of relation (占地区生产总值; 按片区
    # 统计开工率: how a rate is counted), nor ending on a word for "this" or 地 (今年市里, 山地区)
    r"|(?:(?<![\u4e00-\u9fff])|" + _AFTER_WORD + r")(?!" + _NOT_NAMES + r"|今年|去年|明年|当年"
    r"|[占比较为与和对向从于由及等其各全本我该此按据]|[\u4e00-\u9fff][全本我各该此地])"
    r"[\u4e00-\u9fff]{2}(?:新区|区|县)(?=同比|开展|发生|接报|受理|录得|"
    + WORK_VERB.pattern
    + r"|(?!场|民|域|城|级|属|容|政|委|直|值|内|外)[\u4e00-\u9fff]{2,14}?(?:同比|比上年|较上年)?"
    # (or a rate or amount's noun right before it: 锦江区垃圾分类覆盖率99.1%)
    r"(?:下降|增长|减少|增加|上升|提高|为|达到|达|(?<=[率量数额]))[约近超逾]?[0-9])"
    # districts listed with their count (鼓楼、台江、仓山三区): those parts, not the whole
    r"|(?:(?<![\u4e00-\u9fff])|(?<=今年)|(?<=去年)|(?<=其中))(?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3}等?"
    r"[两二三四五六七八九十]个?(?:区|县|市)"
    r"|(?<![\u4e00-\u9fff])(?!" + _NOT_NAMES + r"|[小各全本我该此])"
    r"[\u4e00-\u9fff]{2,3}(?<![城乡村小])(?:镇|乡|街道)"
    r"(?=[今去全]年|上半年|[前新已共0-9]|累计|" + WORK_VERB.pattern + r")"
    # a district or county opening a sentence as its subject, before its plan, manner or scene
    # (秦淮区将新增…, 鼓楼区在提升…中, 来安县加快推进…, 河北区的…; not 提高县域…, 该片区将…)
    r"|(?<![\u4e00-\u9fff0-9])(?!" + _NOT_NAMES + r"|[占比较为与和对向从于由及等其各全本我"
    r"该此按据把分所是在将使让一二三四五六七八九十两几多每])[\u4e00-\u9fff]{2}(?:区|县|旗)"
    r"(?=将|计划|拟|要|力争|还|也|则|正在|继续|持续|进一步|在|把|以|通过|围绕|按照|结合|依托|针对"
    r"|聚焦|加快|加大|大力|全力|着力|积极|深入|扎实|的(?![0-9]))"
    # a district or county set apart by 在 before a comma (在鼓楼区，今年新建…)
    r"|(?<=在)(?!" + _NOT_NAMES + r")[\u4e00-\u9fff]{2}(?:区|县)(?=[，,])"
    # a district or county named right after its city (西安市未央区, 兰州市城关区): a part of it
    r"|(?<=市)(?!" + _NOT_NAMES + r")[\u4e00-\u9fff]{2}(?:区|县)(?!域|[\u4e00-\u9fff]{0,2}[区县])"
)
