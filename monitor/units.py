"""Units of measure as Chinese text and a watchlist write them: each written form's canonical
spelling (公斤 → 千克, 個 → 个, 印度卢布 → 印度卢比), so that the watchlist's units and the figures
read from articles compare. Below every stage: config and figures both spell units this way.
"""

from __future__ import annotations

from functools import lru_cache

# Written form → canonical unit. Longest match wins when reading text.
CANONICAL: dict[str, str] = {
    # money
    "元": "元",
    "圆": "元",
    "块钱": "元",
    "块": "元",
    "塊錢": "元",
    "塊": "元",
    "块錢": "元",
    "塊钱": "元",
    "元钱": "元",
    "人民币": "元",
    "人民幣": "元",
    "RMB": "元",
    "美元": "美元",
    "美金": "美元",
    "欧元": "欧元",
    "歐元": "欧元",
    "英镑": "英镑",
    "英鎊": "英镑",
    "日元": "日元",
    "日圓": "日元",
    "韩元": "韩元",
    "韓元": "韩元",
    "港元": "港元",
    "港币": "港元",
    "港幣": "港元",
    "HKD": "港元",
    "CNY": "元",
    "USD": "美元",
    "EUR": "欧元",
    "GBP": "英镑",
    "JPY": "日元",
    "KRW": "韩元",
    "卢布": "卢布",
    "盧布": "卢布",
    "蚊": "元",  # Cantonese dollar: 七蚊
    "澳元": "澳元",
    "加元": "加元",
    "泰铢": "泰铢",
    "泰銖": "泰铢",
    "印度卢比": "印度卢比",
    "印度卢布": "印度卢比",  # 卢比 is the usual word
    "台币": "台币",
    "新台币": "台币",
    "新台幣": "台币",
    "台幣": "台币",
    # rates and multiples
    "%": "%",
    "％": "%",
    "‰": "‰",
    "个百分点": "百分点",
    "個百分點": "百分点",
    "百分点": "百分点",
    "倍": "倍",
    # mass
    "克": "克",
    "g": "克",
    "毫克": "毫克",
    "mg": "毫克",
    "千克": "千克",
    "公斤": "千克",
    "kg": "千克",
    "斤": "斤",
    "公斤级": "千克",
    "吨": "吨",
    "噸": "吨",
    # length, area, energy
    "米": "米",
    "千米": "千米",
    "公里": "千米",
    "km": "千米",
    "平方米": "平方米",
    "m²": "平方米",
    "㎡": "平方米",
    "km²": "平方公里",
    "m³": "立方米",
    "摄氏度": "摄氏度",
    "攝氏度": "摄氏度",
    "℃": "摄氏度",
    "°C": "摄氏度",
    "平方公里": "平方公里",
    "平方千米": "平方公里",
    "亩": "亩",
    "公顷": "公顷",
    "千瓦": "千瓦",
    "千瓦时": "千瓦时",
    "度": "度",
    "立方米": "立方米",
    "标准箱": "标准箱",
    # people and things (measure words)
    "人次": "人次",
    "人口": "人",
    "人": "人",
    "名": "名",
    "位": "位",
    "户": "户",
    "家": "家",
    "个": "个",
    "個": "个",
    "套": "套",
    "间": "间",
    "所": "所",
    "座": "座",
    "条": "条",
    "項": "项",
    "项": "项",
    "处": "处",
    "栋": "栋",
    "幢": "幢",
    "辆": "辆",
    "台": "台",
    "件": "件",
    "张": "张",
    "只": "只",
    "头": "头",
    "批": "批",
    "片": "片",
    "份": "份",
    "床": "张",
    "架": "架",
    "艘": "艘",
    "列": "列",
    "场": "场",
    "次": "次",
    "天": "天",
    "小时": "小时",
    "分钟": "分钟",
    "岁": "岁",
    "所学校": "所",
    "支": "支",
    "根": "根",
    "棵": "棵",
    "株": "株",
    "款": "款",
    "部": "部",
    "篇": "篇",
    "种": "种",
    "类": "类",
    "千米每小时": "千米每小时",
    "公里每小时": "千米每小时",
}

# Magnitude words that may lead a unit as written in a watchlist (万套, 亿元).
_MAGNITUDE_PREFIX = ("万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "万", "亿", "億", "萬")


@lru_cache(maxsize=1024)
def normalise(unit: str | None) -> str | None:
    """A unit as a watchlist or label writes it (万套, 亿元, 公斤), canonical (套, 元, 千克)."""
    if not unit:
        return None
    unit = unit.strip()
    for prefix in _MAGNITUDE_PREFIX:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            unit = unit[len(prefix) :]
            break
    return CANONICAL.get(unit, unit)
