"""Authoring warnings for `monitor check`: a watchlist that loads but would quietly miss what
its author wants (traditional characters in a mainland watchlist, an exclude word inside a
keyword, `region: []`, a negative pledge, a national outlet with no `region:` beside regional
targets). Measure words of one family (人/名/位, 套/户/间,
个/台) need no warning: the reader reads them as one unit.
Takes the file's path and its validated watchlist; returns `file:line: warning: ...` lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from monitor.config import yamlfile
from monitor.models import Target, Watchlist

# Characters written only in traditional Chinese (their simplified forms differ); a keyword
# holding one never matches mainland coverage, which is in simplified characters.
TRADITIONAL = frozenset(
    "這們個來區務發經會國電車門書長開關見業設計畫總體點數為產實現進與對應網絡綠級線標環築項協際"
    "陽陰雲傳價億兒兩冊寫農幾劃動勞勢醫華單衛廠廣張當從復擔擴據無東樂歲歷氣漢滿濟熱燈營牆獨"
    "獲盡監眾礎禮種穩積競筆籃納紀約組結給統綜維繼續義聽職腦臨艱節範藥處號術補裝製複規視覽觀"
    "訂認討訓記許評試詢該詳語說調請論證識議讓豐貝負財貢貨質購費資賽贊軍軌輕載輸轉辦運過達遠"
    "適選還邊鄉釋鐵錢銀銷鎮間閱陸陳隊階隨險隱雖雙雜難靜韓頁頂順須預領頭題額風飛飯館馬駕驗"
    "鬥魚鳥黨齊龍園圖團壓奮學寶層屬帶幣廳彈懷戰擇斷時條極構樣機檢權歡殘樓湯準溫灣燒爭狀療"
    "畢盤碼確窮細終練縣縮罰聯聲脫興舉舊藝萬蓋蘇衝覺親讀變貧貿賣買趕跡躍輛輪遲鋼錄鍵閉陣雞"
    "響養餘鬧麥黃後裡專託慶創舖鋪遊類營"
)
# Places whose coverage is written in traditional characters.
TRADITIONAL_PLACES = ("香港", "澳门", "澳門", "台湾", "台灣", "臺灣", "台北", "臺北")
TRADITIONAL_ZONES = ("Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei")
# National outlets and the central government's sites: a page of theirs that names no place is
# the nation's, but without `region: [全国]` the reader takes it for a regional target's region.
NATIONAL_HOSTS = (
    "www.gov.cn", "stats.gov.cn", "xinhuanet.com", "news.cn", "people.com.cn", "cctv.com",
    "chinanews.com.cn", "chinanews.com", "ce.cn", "gmw.cn", "ndrc.gov.cn", "mof.gov.cn",
    "mohurd.gov.cn", "mot.gov.cn", "mee.gov.cn", "mca.gov.cn", "moa.gov.cn", "mofcom.gov.cn",
    "customs.gov.cn", "mohrss.gov.cn", "miit.gov.cn", "nhc.gov.cn", "mct.gov.cn", "nea.gov.cn",
)  # fmt: skip


def warnings(path: Path, wl: Watchlist) -> list[str]:
    """Every authoring warning for the watchlist at `path`, in file order."""
    found: list[tuple[int, str]] = []
    raw = _raw_targets(path)
    mainland = wl.timezone.key not in TRADITIONAL_ZONES
    for target in wl.targets:
        found.extend((target.line, text) for text in _target_warnings(target, mainland))
        entry = raw.get(target.id)
        if entry is not None and entry.get("region", None) == []:
            found.append(
                (
                    entry.line_of("region") or target.line,
                    f"target '{target.id}' has region: [] which limits nothing: list the places"
                    " its coverage names (北京, 本市), or remove the key",
                )
            )
    found.extend(_national_sources(wl))
    return [f"{path}:{line}: warning: {text}" for line, text in sorted(found, key=lambda f: f[0])]


def _national_sources(wl: Watchlist) -> list[tuple[int, str]]:
    """A national outlet with no `region:` while some target watches a region."""
    regional = [t.id for t in wl.targets if t.region and not {"全国", "我国"} & set(t.region)]
    if not regional:
        return []
    named = ", ".join(regional[:3]) + (" …" if len(regional) > 3 else "")
    said = []
    for source in wl.sources:
        host = (urlsplit(source.url).hostname or "").lower()
        if not source.region and any(host == h or host.endswith("." + h) for h in NATIONAL_HOSTS):
            said.append(
                (
                    source.line,
                    f"source '{source.id}' is a national outlet with no region: its pages that"
                    f" name no place would count for regional targets ({named}):"
                    " add region: [全国]",
                )
            )
    return said


def _target_warnings(target: Target, mainland: bool) -> list[str]:
    said = []
    places = (*target.region, *target.keywords)
    if mainland and not any(p in word for p in TRADITIONAL_PLACES for word in places):
        for word in target.keywords:
            chars = "".join(dict.fromkeys(ch for ch in word if ch in TRADITIONAL))
            if chars:
                said.append(
                    f"target '{target.id}': keyword {word} has traditional characters ({chars})"
                    " but mainland coverage is written in simplified ones: write it as the"
                    " articles do"
                )
    for word in target.exclude:
        hits = [k for k in target.keywords if word in k]
        if hits:
            said.append(
                f"target '{target.id}': exclude word {word} is in its keyword {hits[0]}, so no"
                " sentence can count for it: remove it from exclude"
            )
    for name, section in (("pledge", target.pledge), ("baseline", target.baseline)):
        if section is not None and section.value < 0:
            said.append(
                f"target '{target.id}': the {name} value {section.value} is negative: write"
                " the amount (a fall to reach belongs in the title)"
            )
    return said


def _raw_targets(path: Path) -> dict[str, Any]:
    """Each target's entry as written (a LineMap), by id: for what the Target record drops."""
    try:
        root = yamlfile.parse(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yamlfile.YamlProblems):
        return {}
    items = root.get("targets") if isinstance(root, dict) else None
    return {
        str(item.get("id")): item
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, yamlfile.LineMap)
    }
