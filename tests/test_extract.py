"""extract: charset decoding, title, date and body on pages we wrote (tests/data/pages)."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from monitor.errors import ExtractError
from monitor.pages import dates, extract
from monitor.pages.charset import decode
from monitor.pages.dates import find_date, parse_date

PAGES = Path(__file__).parent / "data" / "pages"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


# --- decode ----------------------------------------------------------------------------------


def test_gbk_page_declaring_gb2312_decodes_as_gb18030() -> None:
    content = page("gov_gbk_declares_gb2312.html")
    with pytest.raises(UnicodeDecodeError):
        content.decode("gb2312")  # 镕 is GBK, not GB2312: a strict gb2312 decoder fails
    text = decode(content)
    assert "朱镕基" in text
    assert "\ufffd" not in text


def test_utf8_page_declaring_gb2312_decodes_as_utf8() -> None:
    text = decode(page("news_utf8_declares_gb2312.html"))
    assert "普惠托位已达到1.2万个" in text


def test_gbk_page_declaring_utf8_decodes_as_gbk() -> None:
    text = decode(page("archive_gbk_declares_utf8.html"))
    assert "全市城市画廊建设已完成六成" in text
    assert "\ufffd" not in text


@pytest.mark.parametrize(
    ("content", "content_type", "expected"),
    [
        pytest.param(
            "<p>北京</p>".encode("gbk"), "text/html; charset=GBK", "<p>北京</p>", id="http-charset"
        ),
        pytest.param(
            "<p>北京</p>".encode("gbk"),
            "text/html; charset=utf-8",
            "<p>北京</p>",
            id="http-charset-lies",
        ),
        pytest.param(b"\xef\xbb\xbf<p>\xe5\x8c\x97</p>", None, "<p>北</p>", id="utf8-bom"),
        pytest.param(
            b"\xff\xfe" + "<p>北京</p>".encode("utf-16-le"), None, "<p>北京</p>", id="utf16-bom"
        ),
        pytest.param(b"<p>plain ascii</p>", None, "<p>plain ascii</p>", id="ascii"),
        pytest.param(b"", None, "", id="empty"),
    ],
)
def test_decode(content: bytes, content_type: str | None, expected: str) -> None:
    assert decode(content, content_type) == expected


def test_utf8_with_one_stray_byte_stays_utf8() -> None:
    text = ("<meta charset=gbk><p>" + "北京市保障性租赁住房" * 20 + "</p>").encode() + b"\xff"
    decoded = decode(text)
    assert "北京市保障性租赁住房" in decoded
    assert decoded.count("\ufffd") == 1


def test_decode_never_raises_on_noise() -> None:
    noise = bytes(range(256)) * 50
    assert isinstance(decode(noise, "text/html; charset=nonsense"), str)


# --- whole pages -------------------------------------------------------------------------------

CASES = {
    "gov_gbk_declares_gb2312.html": {
        "url": "https://www.beijing.gov.cn/ywdt/zwzt/202407/t20240718_3750001.html",
        "title": "本市一刻钟便民生活圈建设取得阶段性进展",
        "published": datetime(2024, 7, 18, 9, 30, tzinfo=SHANGHAI),
        "contains": [
            "全市累计建成一刻钟便民生活圈402个",
            "一、补齐基本保障类业态",  # a subheading inside the article
            "力争年底前全面完成年度目标",
        ],
        "absent": [
            "版权所有",
            "京ICP备",
            "相关新闻",
            "分享到",
            "打印本页",
            "当前位置",
            "发布时间",
            "政策文件",
        ],
    },
    "news_utf8_declares_gb2312.html": {
        "url": "https://news.example.cn/a/20241009/8812.html",
        "title": "北京普惠托位已达1.2万个 提前完成年度目标",
        "published": datetime(2024, 10, 9, 8, 15, tzinfo=SHANGHAI),
        "contains": [
            "全市普惠托位已达到1.2万个",
            "收费标准进一步规范",
            "每月收费原则上不超过3000元",
        ],
        "absent": [
            "网友评论仅供",
            "希望多建一些",
            "相关阅读",
            "热门排行",
            "责任编辑",
            "Copyright",
            "分享到",
        ],
    },
    "archive_gbk_declares_utf8.html": {
        "url": "http://bj.example.cn/news/2024-10/08/c_1130201.htm",
        "title": "全市城市画廊建设已完成六成",
        "published": datetime(2024, 10, 8, 16, 2, 11, tzinfo=SHANGHAI),
        "contains": [
            "截至9月底已完成城市画廊61条",
            "东城区、西城区已各完成8条",
            "防止“重建设、轻管理”",
        ],
        "absent": ["今日推荐", "纠错", "ICP证", "All rights reserved", "北京频道"],
    },
    # No h1/h2: the headline is a <div class="title">, and <title> adds the site after two spaces;
    # the closing credits ("护理部供稿 摄影/… 编辑/…") are not article text.
    "hospital_title_in_div.html": {
        "url": "https://www.example-hospital.cn/xwdt/yydt/article_1182_1.shtml",
        "title": "【健康科普】市中心医院举办2024年护理技能竞赛",
        "published": datetime(2024, 5, 10, 16, 30, tzinfo=SHANGHAI),
        "contains": [
            "来自全院32个护理单元的64名护士参赛",
            "急诊科李晓雯获得一等奖",
            "把规范操作落实到每一次护理中",
        ],
        "absent": ["供稿", "摄影/", "编辑/", "医院简介", "来源：", "版权所有", "急救电话"],
    },
    # <title> names the site first ("站名--标题") and the logo's h1 repeats the site name: the
    # headline is the page text that <title> ends with. Disclaimers (a box beside the body, a long
    # "特别声明：…" paragraph) and the "download our app" note are dropped.
    "finance_site_first_title.html": {
        "url": "https://www.example-finance.cn/hg/1202.html",
        "title": "央行开展3000亿元中期借贷便利操作 利率保持不变",
        "published": datetime(2024, 5, 15, 9, 32, 18, tzinfo=SHANGHAI),
        "contains": [
            "中标利率2.50%，与上月持平",
            "这是MLF连续第十五个月加量续作",
            "同日，央行还开展了20亿元7天期逆回购操作",
        ],
        "absent": [
            "不构成实质性投资建议",
            "仅代表作者个人观点",
            "本文来自",
            "APP",
            "相关新闻",
            "精华文章",
        ],
    },
    # A zh-TW blog: the chrome words are written in traditional characters (責任編輯, 版權所有),
    # and the dateline puts the weekday between the date and the time.
    "blog_zh_tw.html": {
        "url": "https://travelnotes.example.tw/blog/post/4410",
        "title": "台北一日遊：大稻埕老街散步路線",
        "published": datetime(2023, 11, 4, 14, 20, tzinfo=SHANGHAI),
        "contains": [
            "清末因茶葉與布匹貿易而繁榮",
            "中午在市場旁的小吃攤吃了一碗米粉湯",
            "建議穿一雙好走的鞋",
        ],
        "absent": ["責任編輯", "版權所有", "延伸閱讀", "分享到", "上一篇", "留言", "熱門文章"],
    },
    # A self-media page: the dateline leaves out the year ("发布时间：03-08" + "09:15"), and only
    # the date of the last change (itemprop dateUpdate) is in the head.
    "selfmedia_yearless_dateline.html": {
        "url": "https://www.example-media.cn/s?id=1759921",
        "title": "老街区里的“共享菜园”：居民把闲置角落种成了风景",
        "published": datetime(2023, 3, 8, 9, 15, 42, tzinfo=SHANGHAI),
        "contains": [
            "原本堆放杂物的楼间空地",
            "认领一块地，也认领一份责任",
            "老小区也能越住越舒心",
        ],
        "absent": ["作者最新文章", "旧厂房改造的图书馆", "相关文章", "意见反馈", "优质作者"],
    },
    # A portal whose sidebar splits the date over three divs (2023 / 06/02 / 19:45): the date is
    # a meta tag named for a time; the body's own dates (1921年9月1日) are the story's.
    "portal_date_in_meta_story_dates.html": {
        "url": "https://news.example-portal.cn/omn/edu/20230602A0Q1X0.html",
        "title": "老校友捐赠百年校史档案 见证一所乡村中学的变迁",
        "published": datetime(2023, 6, 2, 20, 11, 5, tzinfo=SHANGHAI),
        "contains": [
            "捐赠者是这所中学1958届的老校友",
            "一张照片里的五十个人",
            "并在明年校庆期间向公众展出",
        ],
        "absent": ["免责声明", "相关推荐", "乡村学校里的“流动博物馆”", "分享"],
    },
    # The team's own pages for articles that live in script data (issue 15): the HTML body
    # holds only links and a loading shell.
    "script_next_data.html": {  # Next.js: HTML in JSON, \u escapes and &ldquo; entities
        "url": "https://news.example-city.cn/local/88004",
        "title": "养老服务驿站今年新增120家",
        "published": datetime(2024, 6, 12, 8, 30, tzinfo=SHANGHAI),
        "contains": [
            "全市已建成养老服务驿站1429家",
            "覆盖“一刻钟”服务圈的社区比例达到76%",
            "驿站将提供助餐、助洁、助浴等基本服务",
            "力争年底前全部投入运营",
        ],
        "absent": ["责任编辑", "地铁新线", "<p>", "\\u", "&ldquo;", "正在加载"],
    },
    "script_json_ld.html": {  # JSON-LD articleBody in an @graph; headline longer than <title>
        "url": "https://water.example.cn/news/3112",
        "title": "河湖长制落实情况通报：全年巡河超过三万次",
        "published": datetime(2024, 3, 22, 15, 40, tzinfo=SHANGHAI),
        "contains": ["全年各级河湖长累计巡河3.2万次", "今年，全市将再建设美丽河湖15条"],
        "absent": ["本文来源", "版权所有", "首页"],
    },
    "script_nuxt_payload.html": {  # Nuxt 3: values by index in one flat array
        "url": "https://commerce.example.cn/article/5521",
        "title": "夜间经济集聚区增至十二个",
        "published": datetime(2024, 8, 16, 19, 5, tzinfo=SHANGHAI),
        "contains": [
            "全市总数增至12个",
            "集聚区夜间客流同比增长17%",
            "还将推出夜间消费地图",
        ],
        "absent": ["通知公告", "ShallowReactive"],
    },
    "script_nuxt2_literals.html": {  # Nuxt 2: a JavaScript object, not JSON; \u003C tags
        "url": "https://www.example-morning.cn/traffic/T3ZK91",
        "title": "新能源公交车占比提高到九成",
        "published": datetime(2024, 9, 3, 10, 12, 45, tzinfo=SHANGHAI),
        "contains": [
            "全市新能源公交车已达到2.1万辆",
            "全部为纯电动车型，充电桩配套同步建设",
            "基本实现新能源化",
        ],
        "absent": ["机场线加开夜班车", "<p>", "u003C"],
    },
    "script_state_gbk.html": {  # a GBK page's window.__INITIAL_STATE__, a Unix time as date
        "url": "http://www.example-district.cn/zw/5530.html",
        "title": "区政务服务中心推行“一窗通办”",
        "published": datetime(2024, 6, 4, 9, 0, tzinfo=SHANGHAI),
        "contains": [
            "推行“一窗通办”改革",
            "平均跑动次数由2.3次减少到0.6次",
            "更多事项“掌上办” “就近办”",
        ],
        "absent": ["转载请注明", "&nbsp;", "&ldquo;"],
    },
    # A lead (核心提示) above the body container; reprint, source and editor lines at its end; a
    # listen button and an icon inside the h1, whose dash <title> writes as "-"
    "lead_button_heading_credits.html": {
        "url": "https://www.example-jinghua.cn/bj/20240418/5521.html",
        "title": "城市更新行动——记老城区改造三年",
        "published": datetime(2024, 4, 18, 7, 30, tzinfo=SHANGHAI),
        "contains": [
            "三年来，老城区完成平房院落修缮整治近千处",
            "累计完成平房院落修缮整治986处",
            "推动街区功能和人居环境同步提升",
        ],
        "absent": ["核心提示", "来源：", "本文转自", "不得转载", "责任编辑", "相关新闻", "听新闻"],
    },
    # No date on the page but a script variable's (not the server's "now" beside it)
    "date_in_script_variable.html": {
        "url": "https://sports.example-district.cn/gzdt/content_77120.html",
        "title": "全民健身步道新增百公里",
        "published": datetime(2024, 2, 27, 16, 45, tzinfo=SHANGHAI),
        "contains": ["新建改造全民健身步道103公里", "今年还将新建步道50公里"],
        "absent": ["主办"],
    },
    # No date on the page, none in <meta>: JSON-LD's datePublished
    "date_in_json_ld.html": {
        "url": "https://cg.example.cn/jb/8861.html",
        "title": "垃圾分类居民知晓率达到98%",
        "published": datetime(2024, 5, 9, 11, 20, tzinfo=SHANGHAI),
        "contains": ["知晓率达到98%", "巩固分类成效"],
        "absent": ["简报"],
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_page(name: str) -> None:
    case = CASES[name]
    article = extract.extract(page(name), url=str(case["url"]))
    assert article.url == case["url"]
    assert article.title == case["title"]
    assert article.published == case["published"]
    for snippet in case["contains"]:  # type: ignore[attr-defined]
        assert snippet in article.text
    for snippet in case["absent"]:  # type: ignore[attr-defined]
        assert snippet not in article.text
    assert all(line == line.strip() and line for line in article.text.split("\n"))


def test_paragraphs_keep_their_order_and_a_table_is_read_apart() -> None:
    article = extract.extract(page("gov_gbk_declares_gb2312.html"), url="https://x.cn/a.html")
    text = article.text
    first, second = text.index("一、补齐基本保障类业态"), text.index("二、推动品质提升类业态发展")
    assert text.index("记者从市商务局获悉") < first < second
    (table,) = article.tables  # its cells are a table's, not a run of numbers in the text
    assert table.header == ("区", "新建生活圈（个）", "新增网点（个）")
    assert table.rows[0] == ("朝阳区", "8", "215")
    assert "朝阳区" not in text


def test_published_is_in_the_given_zone() -> None:
    utc = ZoneInfo("UTC")
    article = extract.extract(
        page("news_utf8_declares_gb2312.html"), url="https://x.cn/a.html", tz=utc
    )
    assert article.published == datetime(2024, 10, 9, 0, 15, tzinfo=utc)
    assert article.published is not None and article.published.tzinfo == utc


LEAD = "本市今年将建设保障性租赁住房7万套，竣工8万套，目前各项工作进展顺利。"
MORE = "市住房城乡建设委有关负责人表示，下一步将加快项目审批，推动项目尽快竣工交付。"
COMMENT = "这个政策真好，希望能尽快落地，我们这些在北京打拼的年轻人太需要了，期待能申请到。"


def _html(body: str, title: str = "保障性租赁住房建设进展顺利_示例网") -> bytes:
    head = f"<head><meta charset='utf-8'><title>{title}</title></head>"
    return f"<html>{head}<body>{body}</body></html>".encode()


def test_a_long_comment_thread_does_not_win_over_a_short_article() -> None:
    comments = "".join(
        f"<div class='item'><a href='/u{i}'>网友{i}</a><p>{COMMENT}</p></div>" for i in range(15)
    )
    body = (
        "<div class='main'><h1>保障性租赁住房建设进展顺利</h1>"
        f"<div class='summary'><p>{LEAD}</p></div>"
        f"<div class='content'><p>{MORE}</p><p>{MORE}</p></div>"
        f"<div id='comments'>{comments}</div></div>"
    )
    article = extract.extract(_html(body), url="https://x.cn/a.html")
    assert LEAD in article.text  # a lead paragraph in a sibling block belongs to the article
    assert MORE in article.text
    assert COMMENT not in article.text


def test_text_split_by_br_in_one_div() -> None:
    nav = "<div class='nav'><a href='/'>首页</a><a href='/n'>新闻</a></div>"
    body = f"{nav}<div>{LEAD}<br><br>{MORE}<br>{MORE}</div>"
    article = extract.extract(_html(body), url="https://x.cn/a.html")
    assert article.text.split("\n") == [LEAD, MORE, MORE]


def test_body_selector_overrides_the_scoring() -> None:
    story = f"<p>{MORE}</p>" * 3
    body = f"<div id='note'><p>{LEAD}</p></div><div id='story'>{story}</div>"
    assert MORE in extract.extract(_html(body), url="https://x.cn/a.html").text
    chosen = extract.extract(_html(body), url="https://x.cn/a.html", body_selector="#note")
    assert chosen.text == LEAD


@pytest.mark.parametrize(
    ("selector", "chosen"),
    [
        pytest.param("#mark", f"{LEAD}{MORE}", id="an-inline-element-reads-its-block"),
        pytest.param("#hidden", None, id="inside-a-dropped-element-scores"),
        pytest.param("title", None, id="outside-the-body-scores"),
    ],
)
def test_body_selector_on_an_element_without_a_block_of_its_own(
    selector: str, chosen: str | None
) -> None:
    body = (
        f"<div id='story'>{f'<p>{MORE}</p>' * 3}</div>"
        f"<div><p><b id='mark'>{LEAD}</b>{MORE}</p></div>"
        f"<noscript><div id='hidden'>{LEAD}</div></noscript>"
    )
    scored = extract.extract(_html(body), url="https://x.cn/a.html").text
    article = extract.extract(_html(body), url="https://x.cn/a.html", body_selector=selector)
    assert article.text == (chosen or scored)


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        pytest.param("<title>标题在这里很长_网易财经</title>", "", "标题在这里很长", id="suffix"),
        pytest.param(
            "<title>栏目 - 标题在这里很长的一条新闻 - 网站名</title>",
            "",
            "标题在这里很长的一条新闻",
            id="dashes",
        ),
        pytest.param(
            "<title>便民生活圈通知_北京市人民政府门户网站</title>",
            "<h1>北京市人民政府门户网站</h1><h2>各区工作进展</h2>",
            "便民生活圈通知",
            id="logo-heading-is-not-the-title",
        ),
        pytest.param(
            "<title>一条较长的新闻标题在这里 栏目名称_站名</title>",
            "<div class='title'>一条较长的新闻标题在这里</div>",
            "一条较长的新闻标题在这里",
            id="title-then-column-after-a-space",
        ),
        pytest.param(
            "<title>站名--一条较长的新闻标题在这里</title>",
            "<h1><a href='/'>站名_栏目_栏目_栏目</a></h1><div>一条较长的新闻标题在这里</div>",
            "一条较长的新闻标题在这里",
            id="site-first",
        ),
        pytest.param(
            "<title>短标题_站名</title>",
            "<h1>短标题：副题也在这里</h1>",
            "短标题：副题也在这里",
            id="heading-extends-title",
        ),
        pytest.param(
            "<title>站名</title><meta property='og:title' content='一条新闻的标题'>",
            "<h1>一条新闻的标题</h1>",
            "一条新闻的标题",
            id="og-title",
        ),
        pytest.param(
            "<meta name='ArticleTitle' content='政务公开 标题'><title>x</title>",
            "",
            "政务公开 标题",
            id="cms",
        ),
    ],
)
def test_title(head: str, body: str, expected: str) -> None:
    html = f"<html><head><meta charset='utf-8'>{head}</head><body>{body}<p>{LEAD}</p></body></html>"
    assert extract.extract(html.encode(), url="https://x.cn/a.html").title == expected


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta", "text", "url", "expected"),  # expected: the wall time in Shanghai
    [
        ({"article:published_time": "2024-01-22T23:40:00Z"}, "", "", (2024, 1, 23, 7, 40)),
        ({"pubdate": "2024-01-23 07:40"}, "", "", (2024, 1, 23, 7, 40)),
        (
            {},
            "首页 2023年12月1日 星期五\n标题\n发布时间：2024年1月23日 10时05分",
            "",
            (2024, 1, 23, 10, 5),
        ),
        ({}, "标题\n2024-01-23 07:40:12 来源：新华社", "", (2024, 1, 23, 7, 40, 12)),
        ({}, "no date here", "https://www.gov.cn/zhengce/202401/t20240123_1.html", (2024, 1, 23)),
        ({}, "", "http://www.news.cn/local/2024-01/23/c_1130.htm", (2024, 1, 23)),
        ({}, "", "https://example.cn/2024/01/23/story.html", (2024, 1, 23)),
        ({}, "", "https://example.cn/story.html", None),
        ({"pubdate": "not a date"}, "2024-02-30 is impossible", "", None),
    ],
)
def test_find_date(
    meta: dict[str, str], text: str, url: str, expected: tuple[int, ...] | None
) -> None:
    found = find_date(meta, text, url, SHANGHAI)
    assert found == (datetime(*expected, tzinfo=SHANGHAI) if expected else None)


def test_find_date_makes_the_page_text_only_when_meta_lacks_a_time() -> None:
    asked: list[bool] = []

    def text() -> str:
        asked.append(True)
        return "发布时间：2024-01-23 10:05"

    assert find_date({"pubdate": "2024-01-23 07:40"}, text, "", SHANGHAI) == datetime(
        2024, 1, 23, 7, 40, tzinfo=SHANGHAI
    )
    assert not asked
    assert find_date({"pubdate": "2024-01-23"}, text, "", SHANGHAI) == datetime(
        2024, 1, 23, 10, 5, tzinfo=SHANGHAI
    )
    assert asked


@pytest.mark.parametrize(
    "text",
    [
        "发布时间：时间：日期",
        "印发日期 成文日期：x",
        "时间日期：发布发表时间",
        "更新 时间：",
        "日日期：",
        "",
    ],
)
def test_labels_are_those_the_pattern_finds(text: str) -> None:
    found = [label.span() for label in dates._labels(text)]
    assert found == [label.span() for label in dates._LABELLED.finditer(text)]


def test_parse_date_compact() -> None:
    assert parse_date("20240123", SHANGHAI) == datetime(2024, 1, 23, tzinfo=SHANGHAI)


# --- what is not an article --------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"   \n\t ", id="blank"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(2000), id="png"),
        pytest.param(b"%PDF-1.7\n" + bytes(2000), id="pdf"),
        pytest.param(b"\x00\x01\x02garbage" * 100, id="binary"),
        pytest.param(b"<html><body><script>var a = 1;</script></body></html>", id="no-text"),
    ],
)
def test_not_an_article(content: bytes) -> None:
    with pytest.raises(ExtractError) as raised:
        extract.extract(content, url="https://x.cn/thing")
    assert raised.value.url == "https://x.cn/thing"
    assert "https://x.cn/thing" in str(raised.value)


def test_a_list_page_is_not_an_article() -> None:
    with pytest.raises(ExtractError, match="no article text"):
        extract.extract(page("list_page.html"), url="https://x.cn/ywdt/")


def test_huge_markup_is_refused() -> None:
    huge = b"<div>" * (extract.MAX_MARKUP // 5 + 1)
    with pytest.raises(ExtractError, match="too large"):
        extract.extract(huge, url="https://x.cn/huge")


@pytest.mark.perf
def test_huge_markup_is_refused_at_once() -> None:
    huge = b"<div>" * (extract.MAX_MARKUP // 5 + 1)
    started = time.perf_counter()
    with pytest.raises(ExtractError, match="too large"):
        extract.extract(huge, url="https://x.cn/huge")
    assert time.perf_counter() - started < 1


def test_deeply_nested_markup_does_not_hang() -> None:
    nested = "<div>" * 10_000 + LEAD + "</div>" * 10_000
    article = extract.extract(_html(nested), url="https://x.cn/deep")
    assert article.text == LEAD


def test_text_deep_below_its_container_does_not_hit_the_recursion_limit() -> None:
    deep = "<div>" * 3000 + f"<p>{MORE}</p>" + "</div>" * 3000
    body = f"<div class='content'><p>{LEAD}</p><p>{LEAD}</p><p>{LEAD}</p>{deep}</div>"
    article = extract.extract(_html(body), url="https://x.cn/deep")
    assert LEAD in article.text


@pytest.mark.parametrize(
    ("meta", "text", "expected"),
    [
        pytest.param(
            {}, "今天是2024年1月25日 星期四\n标题\n2024-01-23 来源：本站", (2024, 1, 23), id="today"
        ),
        pytest.param(
            {"publishdate": "2024-01-23"},
            "标题\n2024年01月23日08:18 来源",
            (2024, 1, 23, 8, 18),
            id="time",
        ),
        pytest.param(
            {},
            "今天是2024年1月25日 星期四\n标题\n發佈時間：2023年11月04日 週六 14:20",
            (2023, 11, 4, 14, 20),
            id="weekday-before-time",
        ),
    ],
)
def test_dateline_details(meta: dict[str, str], text: str, expected: tuple[int, ...]) -> None:
    assert find_date(meta, text, "", SHANGHAI) == datetime(*expected, tzinfo=SHANGHAI)


def test_a_time_in_a_sentence_is_not_a_label() -> None:
    text = "标题\n2020-11-23 10:22:14 出处：快科技\n北京时间2021年10月7日，飞船发射成功。"
    assert find_date({}, text, "", SHANGHAI) == datetime(2020, 11, 23, 10, 22, 14, tzinfo=SHANGHAI)


HOSTILE_NESTING = b"<html><body>" + b"<div><span>" * 200_000 + b"x" + b"</span></div>" * 200_000


def test_hostile_nesting_is_refused() -> None:
    with pytest.raises(ExtractError, match="nested"):
        extract.extract(HOSTILE_NESTING, url="https://x.cn/nested")


@pytest.mark.perf
def test_hostile_nesting_is_refused_quickly() -> None:
    started = time.perf_counter()
    with pytest.raises(ExtractError, match="nested"):
        extract.extract(HOSTILE_NESTING, url="https://x.cn/nested")
    assert time.perf_counter() - started < 2


def test_og_title_inside_a_decorated_title_wins() -> None:
    head = (
        "<title>嫦娥五号为何复杂？一图看懂-航天,月球 ——快科技--科技改变未来</title>"
        "<meta property='og:title' content='嫦娥五号为何复杂？一图看懂'>"
    )
    html = f"<html><head><meta charset='utf-8'>{head}</head><body><p>{LEAD}</p></body></html>"
    assert (
        extract.extract(html.encode(), url="https://x.cn/a").title == "嫦娥五号为何复杂？一图看懂"
    )


def test_tab_titles_of_a_trailing_link_box_are_dropped() -> None:
    box = (
        "<h3>重点推荐</h3><div><p><b>证券要闻</b></p>"
        "<p><a href='/1'>沪指三周重挫近三成</a> <a href='/2'>券商齐聚证监会</a></p></div>"
    )
    body = f"<div class='content'><p>{LEAD}</p><p>{MORE}</p>{box}</div>"
    article = extract.extract(_html(body), url="https://x.cn/a.html")
    assert article.text.split("\n") == [LEAD, MORE]


def test_a_date_in_a_paragraph_is_the_storys_not_the_pages() -> None:
    text = (
        "标题\n记者 林舟\n潘老生于上海，1991年调任省文联副主席，1995年退休。他因病医治无效，"
        "2009年5月14日在南京逝世，享年77岁，留下了一千余首儿童歌曲。"
    )
    assert find_date({}, text, "", SHANGHAI) is None
    url = "https://example.cn/2019/09/07/story.html"
    assert find_date({}, text, url, SHANGHAI) == datetime(2019, 9, 7, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("meta", "text", "url", "expected"),
    [
        pytest.param(
            {"dateupdate": "2020-01-14 17:58:59"},
            "标题\n发布时间：01-14 17:58",
            "",
            (2020, 1, 14, 17, 58, 59),
            id="same-day-as-the-last-change",
        ),
        pytest.param(
            {"article:modified_time": "2024-01-03T10:00:00+08:00"},
            "标题\n发布时间：12月30日 08:30",
            "",
            (2023, 12, 30, 8, 30),
            id="the-year-before-the-change",
        ),
        pytest.param(
            {},
            "标题\n发布日期：05-06",
            "https://example.cn/2022/05/06/a.html",
            (2022, 5, 6),
            id="year-from-the-url",
        ),
        pytest.param(
            {"article:modified_time": "2024-02-01 09:00"},
            "标题",
            "",
            (2024, 2, 1, 9, 0),
            id="only-the-last-change",
        ),
        pytest.param(
            {"news:time": "2023-06-02 20:11:05", "expires": "2030-01-01"},
            "",
            "",
            (2023, 6, 2, 20, 11, 5),
            id="a-meta-named-for-a-time",
        ),
    ],
)
def test_dateline_without_its_year(
    meta: dict[str, str], text: str, url: str, expected: tuple[int, ...]
) -> None:
    assert find_date(meta, text, url, SHANGHAI) == datetime(*expected, tzinfo=SHANGHAI)
