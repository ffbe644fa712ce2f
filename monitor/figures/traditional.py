"""Pages written in traditional characters (萬, 億, 區, 產, 總, 畝, 戶: mirror and Hong Kong pages
of mainland news) read as simplified ones, letter for letter, so every offset still points into
the page and the figures go back to its own text.

The letters and their simplified forms are OpenCC's (t2s), one letter at a time: its phrase
rules would change lengths, and the reading rules need only the letters."""

from __future__ import annotations

import re
from functools import cache

# a page counts as traditional when one letter in this many of its CJK letters has a simplified
# form other than itself (a simplified page may hold a stray 於 or 乾 in a name, rarely two)
_SHARE = 40
_CJK = re.compile("[\u4e00-\u9fff]")
# The 300 traditional letters met most often (in the team's own sentences written in OpenCC's
# traditional letters; 於 left out: a surname in simplified text), looked for in a page's opening
# (a traditional page is so from its title on): a simplified page holds none of them, and
# OpenCC's full table is loaded only for a page that does
_OPENING = 1000
_TELLS = re.compile(
    "["
    "個萬區計業開裏務億標設電農長總進達項國數縣鎮資點產園劃發學戶實舊車樁會況裝來報爲陽寧預畝額東養張牀將網佔運廣準機規遊鄉體"
    "動辦綠過濟貴費廳內醫臺經級氣蘇蓋糧現別時紹衛單穩場漢專賃營廁續慶號護餘籌約確門間線擴統肅兒義據積顧較爭調輛員雲優處議興礎"
    "關條補構復鄭參書對類貿陝險記廈質兩籤輸際遞從結龍噸療後鍾債備難蘭崗聞創術責當帶換無節羣綜連贛軌顯錫負環稅濃適獲價溫銷遼衆"
    "還減驗臨綿順烏熱絡財頭組執並貸舉認應儲鐵貼態見緊畢範庫問濱島檢屆啓橋們納與階邊撥稱晉勢殘評強燈職聯說滿莊測銀瀏盞種蕪擬領"
    "這訓擔樓頃繼試絕擁緩築華壽賓題審滯堅漲淨濰給監齊訪團變勞歷讀請樂織館習揚徑爾廠寬協風嶽斷離驛歲遷貨飲轉該盤終視隊響壓廬牽"
    "]"
)


@cache
def _table() -> dict[int, str]:
    """Each traditional letter of the CJK block and its simplified letter (OpenCC's t2s)."""
    import opencc  # (imported here: a run reading only simplified pages never loads it)

    letters = [chr(code) for code in range(0x4E00, 0xA000)]
    simple = opencc.OpenCC("t2s").convert("\n".join(letters)).split("\n")
    if len(simple) != len(letters):  # (never seen: OpenCC keeps lines; then nothing is retyped)
        return {}
    return {ord(a): b for a, b in zip(letters, simple, strict=True) if a != b and len(b) == 1}


def simplified(text: str) -> str:
    """`text` in simplified letters when it is written in traditional ones, else `text` itself
    (callers test `is`). Letter for letter: offsets in the result are offsets in `text`."""
    if _TELLS.search(text, 0, _OPENING) is None:
        return text
    table = _table()
    out = text.translate(table)
    changed = sum(a != b for a, b in zip(text, out, strict=True))
    if changed * _SHARE < len(_CJK.findall(text)):
        return text  # a simplified page quoting a traditional name or two
    # 計畫, 規畫 (Taiwan's and Hong Kong's spelling of 计划, 规划): 畫 is 画 only letter for letter
    return _PLANNED.sub(lambda m: m.group(1) + "划", out) if "画" in out else out


_PLANNED = re.compile("([计规筹策])画")


@cache
def keyword_simplified(keyword: str) -> str:
    """A keyword typed in traditional letters (城市書房) in simplified ones, as a
    traditional page is read (OpenCC's table, loaded once: some 20 ms)."""
    return keyword.translate(_table()) if _CJK.search(keyword) else keyword


def with_simplified(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """`keywords` and, after them, those typed in traditional letters in simplified ones."""
    return tuple(dict.fromkeys((*keywords, *map(keyword_simplified, keywords))))
