"""Metadata and body span on the five real seed pages, hand-written pages and every date shape."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dedup.metadata import PageMeta, date_bound, extract, in_window, parse_date
from dedup.sources import Aliases
from tests.conftest import seed_text


def body(text: str, meta: PageMeta) -> str:
    return text[meta.body_start : meta.body_end]


# --- the five seeds: every field checked by hand against the page -------------------------


def test_seed_000_traditional_with_glosses_and_site_copyright() -> None:
    text = seed_text(0)
    meta = extract(text)
    assert (
        meta.title == "求是網(wǎng)評論員:科技創(chuàng)新和產(chǎn)業(yè)創(chuàng)新何以深度融合"
    )
    assert meta.date == "2026-02-23T11:57"
    assert meta.source == "求是网"
    assert meta.site == "飞象网"
    got = body(text, meta)
    assert got.startswith("科技創(chuàng)新和產(chǎn)業(yè)創(chuàng)新相互交叉")
    assert got.endswith("(yīng)用鋪平道路。")
    assert "編 輯" not in got and "版權(quán)" not in got


def test_seed_001_id_is_not_a_source() -> None:
    text = seed_text(1)
    meta = extract(text)
    assert meta.title == "以科技创新推动产业创新"
    assert meta.date == "2024-11-18T13:24:40"
    assert meta.source is None
    assert meta.site is None
    got = body(text, meta)
    assert got.startswith("【学习金句】")
    assert got.endswith("持续打造“投资中国”品牌。")
    assert "曹子健" not in got


def test_seed_002_skips_spam_line_and_breadcrumb() -> None:
    text = seed_text(2)
    meta = extract(text)
    assert meta.title == "習近平的兩會時間丨推動科技創新和產業創新深度融合"
    assert meta.date == "2026-03-10T16:59:52"
    assert meta.source == "央视新闻"
    assert meta.site == "衡阳新闻网"
    got = body(text, meta)
    assert got.startswith("3月6日,習近平書記看望")
    assert got.endswith("創新中國的逐夢征程步履愈發堅實。")
    assert "分享到" not in got


def test_seed_003_transfer_credit_beats_aggregator() -> None:
    text = seed_text(3)
    meta = extract(text)
    assert meta.title == "坚持科技创新和产业创新一起抓"
    assert meta.date == "2024-02-14T05:21:00"
    assert meta.source == "经济日报"
    assert meta.site == "每日看点快看"
    got = body(text, meta)
    assert got.startswith("春节前夕,习近平总书记在天津")  # the byline 金观平 is not body
    assert got.endswith("加快向世界级水平提升。")
    assert "以上内容为资讯信息快照" not in got and "2023-12-22" not in got


def test_seed_004_closing_credit_and_not_the_hot_list_credits() -> None:
    text = seed_text(4)
    meta = extract(text)
    assert meta.title == "【专家观点】开展新技术新产品新场景大规模应用示范行动"
    assert meta.date == "2025-05-21T11:22:05"
    assert meta.source == "经济参考报"
    got = body(text, meta)
    assert got.startswith("2025年《政府工作报告》中")
    assert got.endswith("到“给机会”转变。")
    assert "相关内容" not in got and "转自" not in got and "关乐宁" not in got


def test_headline_list_found_without_its_disclaimer_or_heading() -> None:
    """The list after seed 003 is recognised by its shape once the disclaimer lines are gone."""
    text = seed_text(3)
    keep = [
        ln for ln in text.split("\n") if not ln.startswith(("以上内容", "快照", "本站", "信息原文"))
    ]
    stripped = "\n".join(keep)
    meta = extract(stripped)
    assert body(stripped, meta).endswith("加快向世界级水平提升。")


def test_hot_list_found_without_its_headings() -> None:
    text = seed_text(4)
    stripped = "\n".join(ln for ln in text.split("\n") if ln not in ("相关内容", "热门资讯"))
    meta = extract(stripped)
    assert body(stripped, meta).endswith("到“给机会”转变。")
    assert meta.source == "经济参考报"


# --- hand-written pages with other chrome shapes ------------------------------------------

XINHUA_PORTAL = """首页 > 时政 > 正文
国务院常务会议部署推动大规模设备更新
2024年03月01日 19:05  来源：新华社
【字号 大 中 小】【打印】【关闭】
新华社北京3月1日电  国务院总理李强3月1日主持召开国务院常务会议，研究推动大规模设备更新和消费品以旧换新有关工作，审议通过《节能降碳行动方案》。
会议指出，推动新一轮大规模设备更新和消费品以旧换新，是党中央着眼高质量发展大局作出的重大决策部署，要坚持市场为主、政府引导。
【纠错】 责任编辑：王珂
相关新闻
· 国常会部署推进设备更新
· 商务部：以旧换新政策加快落地
"""


def test_portal_page_with_xinhua_credit_and_editor_line() -> None:
    meta = extract(XINHUA_PORTAL)
    assert meta.title == "国务院常务会议部署推动大规模设备更新"
    assert meta.date == "2024-03-01T19:05"
    assert meta.source == "新华社"
    got = body(XINHUA_PORTAL, meta)
    assert got.startswith("新华社北京3月1日电")
    assert got.endswith("政府引导。")


PEOPLE_TRADITIONAL = """人民網 >> 經濟·科技
加快發展新質生產力 紮實推進高質量發展
發佈時間：２０２４年０３月０５日　０８：１２　稿件來源：人民網－人民日報
（原標題：發展新質生產力是推動高質量發展的內在要求）
新質生產力是創新起主導作用，擺脫傳統經濟增長方式、生產力發展路徑，具有高科技、高效能、高質量特徵的先進生產力質態。
各地要堅持從實際出發，先立後破、因地制宜、分類指導，防止一哄而上、泡沫化。
（責任編輯：張三、李四）
"""


def test_traditional_full_width_page_with_chained_credit() -> None:
    meta = extract(PEOPLE_TRADITIONAL)
    assert meta.title == "加快發展新質生產力 紮實推進高質量發展"
    assert meta.date == "2024-03-05T08:12"
    assert meta.source == "人民日报"  # 人民网-人民日报: the site carried the paper's article
    assert meta.site == "人民网"  # the breadcrumb's first step
    got = body(PEOPLE_TRADITIONAL, meta)
    assert got.startswith("新質生產力是創新起主導作用")
    assert got.endswith("泡沫化。")


SINA_STYLE = """新浪首页 新闻 体育 财经 娱乐 科技 博客 图片 专栏 更多
新能源汽车下乡活动在湖北十堰启动
2024年05月30日 10:15 央视新闻客户端
听新闻
5月30日，2024年新能源汽车下乡活动在湖北十堰启动，99款车型参加，活动将持续到年底。
工业和信息化部表示，将联合有关部门加强充换电基础设施建设，满足农村居民出行需要。
（原标题：2024年新能源汽车下乡活动正式启动）
责任编辑：刘光博
Copyright © 1996-2024 新浪网 All Rights Reserved
"""


def test_bare_channel_credit_and_closing_original_title() -> None:
    meta = extract(SINA_STYLE)
    assert meta.title == "新能源汽车下乡活动在湖北十堰启动"
    assert meta.date == "2024-05-30T10:15"
    assert meta.source == "央视新闻"  # 客户端 is a channel of the outlet
    assert meta.site == "新浪网"
    got = body(SINA_STYLE, meta)
    assert got.startswith("5月30日，2024年新能源汽车")
    assert got.endswith("满足农村居民出行需要。")


NO_CHROME = """国家统计局发布一季度国民经济运行情况
一季度国内生产总值同比增长5.3%，比上年四季度环比增长1.6%，国民经济实现良好开局。
分产业看，第一产业增加值同比增长3.3%；第二产业增加值增长6.0%；第三产业增加值增长5.0%。"""


XIANGJIANG_STYLE = """湘江在线 | 首页 新闻 时政 经济 文化 社会 图片 视频
【两会时间】总书记心中的科技创新和产业创新
发布时间：2026年3月11日 10:02　来源：央视新闻　原标题：习近平的两会时间丨推动科技创新和产业创新深度融合
3月6日，习近平书记看望参加全国政协十四届四次会议的农工党、九三学社、医药卫生界、社会福利和社会保障界委员，并参加联组会。
联组会上，科技创新是交流的一个关键词。
（本文为节选，阅读全文请点击“央视新闻”客户端）
编辑：黄雅琴　责任编辑：谭卫东
湘江在线版权所有，未经许可不得转载
"""


def test_long_date_line_with_original_title_and_closing_note() -> None:
    meta = extract(XIANGJIANG_STYLE)
    assert meta.title == "【两会时间】总书记心中的科技创新和产业创新"
    assert meta.date == "2026-03-11T10:02"
    assert meta.source == "央视新闻"
    assert meta.site == "湘江在线"
    got = body(XIANGJIANG_STYLE, meta)
    assert got.startswith("3月6日，习近平书记看望")
    assert got.endswith("交流的一个关键词。")  # the bracketed editorial note is not article


def test_masthead_words_on_a_date_line_are_not_a_source() -> None:
    page = "早报 | 2025年5月22日 星期四 农历四月廿五\n海关总署5月21日发布数据显示，今年一季度跨境电商进出口同比增长9.7%。"
    meta = extract(page)
    assert (meta.date, meta.source) == ("2025-05-22", None)


def test_page_without_chrome_is_all_body_with_title_line() -> None:
    meta = extract(NO_CHROME)
    assert meta == PageMeta(
        "国家统计局发布一季度国民经济运行情况", None, None, None, 0, len(NO_CHROME)
    )


def test_body_only_page_has_no_title_and_ignores_dates_in_prose() -> None:
    text = (
        "2024年3月5日，十四届全国人大二次会议在人民大会堂开幕，国务院总理李强作政府工作报告。"
        "报告提出，今年发展主要预期目标是国内生产总值增长5%左右。\n"
        "报告指出，要大力推进现代化产业体系建设，加快发展新质生产力。"
    )
    meta = extract(text)
    assert (meta.title, meta.date, meta.body_start, meta.body_end) == (None, None, 0, len(text))


def test_user_alias_changes_the_reported_source() -> None:
    aliases = Aliases.builtin().merged(
        Aliases.from_groups({"中央广播电视总台": ["央视新闻"]}, "test")
    )
    assert extract(seed_text(2), aliases).source == "中央广播电视总台"


def test_empty_page() -> None:
    assert extract(" \n\n ") == PageMeta(None, None, None, None, 0, 0)


# --- date shapes ----------------------------------------------------------------------------

FULL_WIDTH = str.maketrans("0123456789:", "０１２３４５６７８９：")
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026年2月23日 11:57", "2026-02-23T11:57"),
        ("2024-11-18 13:24:40", "2024-11-18T13:24:40"),
        ("2024/2/14", "2024-02-14"),
        ("2024.02.14", "2024-02-14"),
        ("发布时间：2024年3月5日", "2024-03-05"),
        ("發佈時間：２０２４年０３月０５日　０８：１２", "2024-03-05T08:12"),
        ("时间:2025-05-21 11:22", "2025-05-21T11:22"),
        ("2024年2月30日 2024年3月1日", "2024-03-01"),  # 2月30日 does not exist
        ("2024-13-01", None),
        ("电话 010-87765777", None),
        # a time that names its zone is converted to Beijing time, the zone of the rest
        ("2024-04-12T09:00:00+08:00", "2024-04-12T09:00:00"),
        ("2024-04-12T02:00:00Z", "2024-04-12T10:00:00"),
        ("2024-04-12T02:00:00.250Z", "2024-04-12T10:00:00"),
        ("2024-04-11 21:00:00-0500", "2024-04-12T10:00:00"),
        ("2024-12-31T20:00:00Z", "2025-01-01T04:00:00"),
        ("2024-11-18T14:00:00.5+05:45", "2024-11-18T16:15:00"),
        # what follows a time is no zone unless it is one (a range, an amount, a word)
        ("活动时间：2024年11月18日 08:00-24:00", "2024-11-18T08:00"),
        ("会议时间：2024年11月18日 14:00:00-17:00", "2024-11-18T14:00:00"),
        ("2024-11-18 13:24:00 -1234 元", "2024-11-18T13:24:00"),
        ("2024-11-18 13:24:00ZAKER新闻", "2024-11-18T13:24:00"),
    ],
)
def test_parse_date_shapes(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@given(moments, st.integers(min_value=-12 * 60, max_value=14 * 60))
def test_a_zoned_time_is_the_same_moment_in_beijing(moment: datetime, offset: int) -> None:
    zone, moment = timezone(timedelta(minutes=offset)), moment.replace(microsecond=0)
    stamp = moment.replace(tzinfo=zone).isoformat(timespec="seconds")
    beijing = datetime.fromisoformat(parse_date(stamp)).replace(tzinfo=timezone(timedelta(hours=8)))
    assert beijing == moment.replace(tzinfo=zone)


@given(moments)
def test_numeric_shapes_round_trip(moment: datetime) -> None:
    y, mo, d, h, mi, s = (
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
    )
    day = f"{y:04d}-{mo:02d}-{d:02d}"
    shapes = {
        f"{y}年{mo}月{d}日 {h:02d}:{mi:02d}": f"{day}T{h:02d}:{mi:02d}",
        f"{y}年{mo:02d}月{d:02d}日": day,
        f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}": f"{day}T{h:02d}:{mi:02d}:{s:02d}",
        f"{y}/{mo}/{d}": day,
        f"{y}.{mo:02d}.{d:02d}": day,
    }
    for shape, expected in shapes.items():
        assert parse_date(shape) == expected
        assert parse_date(f"发布时间:{shape}") == expected
        assert parse_date(f"發佈時間：{shape.translate(FULL_WIDTH)}") == expected


@given(moments, st.sampled_from(["发布时间：", "發佈時間：", "时间:", ""]))
def test_page_date_comes_from_the_date_line_not_the_body(moment: datetime, label: str) -> None:
    stamp = moment.strftime("%Y-%m-%d %H:%M:%S")
    page = (
        "央行宣布下调存款准备金率0.5个百分点\n"
        f"{label}{stamp} 来源：经济日报\n"
        "中国人民银行决定于2024年2月5日下调金融机构存款准备金率0.5个百分点，"
        "此次下调后，金融机构加权平均存款准备金率约为7.0%。\n"
        "相关新闻\n"
        "2023-12-22 07:40:00\n"
    )
    meta = extract(page)
    assert meta.date == moment.strftime("%Y-%m-%dT%H:%M:%S")
    assert meta.source == "经济日报"
    assert meta.title == "央行宣布下调存款准备金率0.5个百分点"


# --- properties: chrome around an article does not move its body ---------------------------

CHROME_LINES = [
    "首页 > 新闻中心 > 正文",
    "滚动新闻",
    "分享到：微信 微博",
    "相关阅读",
    "责任编辑：王珂",
    "Copyright © 2007-2025 By CCTIME.COM",
    "京ICP备08004280号-1",
    "2023-12-22 07:40:00",
    "...有较强的竞争力。近年来，南京加快集聚战略科技力量",
    "推荐阅读",
    "科技创新引领新兴产业 打造特色航空结构制造基地",
]
PAGE_LINES = st.lists(
    st.one_of(
        st.sampled_from(CHROME_LINES), st.text(alphabet="科技创新产业，。：“”0123 \n", max_size=60)
    ),
    max_size=12,
)


@given(PAGE_LINES)
def test_spans_are_always_inside_the_page(lines: list[str]) -> None:
    text = "\n".join(lines)
    meta = extract(text)
    assert 0 <= meta.body_start <= meta.body_end <= len(text)
    got = body(text, meta)
    assert got == got.strip()
    assert meta.title is None or meta.title in text


@given(st.lists(st.sampled_from(CHROME_LINES[:3]), max_size=4))
def test_navigation_above_the_title_does_not_move_the_body(nav: list[str]) -> None:
    page = XINHUA_PORTAL
    plain = extract(page)
    wrapped_text = "\n".join([*nav, page])
    wrapped = extract(wrapped_text)
    assert body(wrapped_text, wrapped) == body(page, plain)
    assert (wrapped.title, wrapped.date, wrapped.source) == (plain.title, plain.date, plain.source)


TAIL_MARKERS = ["相关阅读", "责任编辑：王珂", "Copyright © 2007-2025 By CCTIME.COM", "推荐阅读"]


@given(st.sampled_from(TAIL_MARKERS), st.lists(st.sampled_from(CHROME_LINES[3:]), max_size=8))
def test_trailing_chrome_and_headline_lists_stay_out_of_the_body(
    marker: str, tail: list[str]
) -> None:
    """Whatever follows a tail marker is not article. (A lone headline after an article,
    without a marker, looks like a last short paragraph and is kept: that is by design.)"""
    page = NO_CHROME
    text = "\n".join([page, marker, *tail])
    assert body(text, extract(text)) == page


def test_page_starting_with_a_heading_does_not_crash() -> None:
    meta = extract("相关阅读\n国常会部署推进设备更新")
    assert meta.body_start <= meta.body_end


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("2024", "2024"),
        ("２０２４年", "2024"),
        ("2024-1", "2024-01"),
        ("2024年11月", "2024-11"),
        ("2024/11", "2024-11"),
        ("20241118", "2024-11-18"),
        ("2024年11月18日", "2024-11-18"),
        ("2024-11-18 14:00", "2024-11-18T14:00"),
        ("2024-11-18T14:00", "2024-11-18T14:00"),
    ],
)
def test_a_date_bound_takes_the_shapes_pages_print(text: str, bound: str) -> None:
    assert date_bound(text) == bound


@pytest.mark.parametrize("text", ["garbage", "2024-13", "2024-11-18x", "20241318", ""])
def test_a_date_bound_that_is_no_date_is_an_error(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        date_bound(text)


def test_a_date_coarser_than_the_bound_is_kept() -> None:
    since, until = date_bound("2024-11-18 14:00"), date_bound("2024-11-18 16:00")
    assert in_window("2024-11-18", since, until)  # that day, hour unknown
    assert in_window("2024-11-18T15:00", since, until)
    assert not in_window("2024-11-18T13:59", since, until)
    assert not in_window("2024-11-17", since, until) and not in_window(None, since, None)
