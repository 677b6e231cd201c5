"""Make reposts of real articles the way Chinese portals make them, for labelled benchmarks.

Each transform is a pure function of its inputs and a ``random.Random`` (seeded by the caller),
so a benchmark corpus is reproducible from one seed. A page is plain text whose first line is
the headline, as in ``bench.inews.Article.text``. What each transform imitates comes from the
seed pages in /work/shared/seeds/: script conversion with pinyin glosses after some characters
(``經(jīng)濟``), half-width commas and colons, a GB byte stream read one byte off that garbles a
span and eats a closing quote mark, truncation, editors' notes, new headlines, and site chrome
with lists of unrelated headlines.

``same_topic`` makes the opposite: a different article that quotes one passage of another. A
repost detector must keep it apart.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from functools import cache

import opencc

SCRIPTS = ("s2t", "s2tw", "s2twp", "s2hk")

# Common characters with the reading a gloss-happy site prints after them, in both scripts.
# Seed 000 shows the habit: 經(jīng)濟, 創(chuàng)新, 網(wǎng), 產(chǎn)業(yè).
_PINYIN_ROWS = """
经經 jīng|济濟 jì|创創 chuàng|网網 wǎng|产產 chǎn|业業 yè|当當 dāng|转轉 zhuǎn|关關 guān|
进進 jìn|发發 fā|质質 zhì|实實 shí|现現 xiàn|协協 xié|内內 nèi|处處 chǔ|时時 shí|应應 yīng|
链鏈 liàn|动動 dòng|强強 qiáng|长長 cháng|为為 wèi|会會 huì|国國 guó|记記 jì|者 zhě
"""
PINYIN: dict[str, str] = {
    ch: syllable
    for chars, syllable in (entry.split() for entry in _PINYIN_ROWS.split("|"))
    for ch in chars
}

# Full-width punctuation a careless template turns half-width (seeds 000 and 002 do this).
HALF_WIDTH = str.maketrans(
    {"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")"}
)

SITES = (
    "中华网",
    "东方财富网",
    "凤凰网资讯",
    "新浪新闻",
    "腾讯新闻",
    "网易新闻",
    "搜狐新闻",
    "澎湃新闻",
    "环球网",
    "今日头条",
    "光明网",
    "千龙网",
)
_NAV = (
    "首页",
    "新闻",
    "国内",
    "国际",
    "社会",
    "财经",
    "科技",
    "体育",
    "娱乐",
    "视频",
    "专题",
    "评论",
)
_EDITORS = ("张晓", "李静", "王磊", "刘洋", "陈晨", "赵敏", "孙悦", "周婷")
_SOURCES = ("新华社", "人民日报", "中国新闻网", "央视新闻", "经济日报", "光明日报", "澎湃新闻")
_LIST_HEADINGS = ("相关新闻", "热门资讯", "猜你喜欢", "推荐阅读", "24小时热文")
_NOTES = (
    "【编者按】近期，该话题引发社会广泛关注。本站特转发此文，以飨读者。",
    "编者按：本文观点仅代表作者本人，不代表本网立场。转载请注明出处。",
    "（编者注：本文有删节，标题为编者所加。）",
    "【编辑提示】文中数据来源于公开报道，如有出入以官方发布为准。",
)
_TITLE_PREFIXES = ("重磅！", "关注｜", "最新消息：", "热点丨", "【聚焦】")
_QUOTE_LEADS = (
    "有关负责人表示：“{}。”",
    "正如媒体此前报道的：“{}。”",
    "一位业内人士在接受采访时说：“{}。”",
    "报道称，“{}。”",
)
_SENTENCE = re.compile(r"[^。！？!?\n]*[。！？!?]+[”’」』]?|[^。！？!?\n]+$", re.MULTILINE)


@cache
def _converter(config: str) -> opencc.OpenCC:
    """One OpenCC converter per config; building one reads its dictionaries (slow)."""
    return opencc.OpenCC(config)


def split_page(text: str) -> tuple[str, str]:
    """Headline (first line) and body (the rest, leading blank lines removed)."""
    title, _, body = text.partition("\n")
    return title, body.lstrip("\n")


def join_page(title: str, body: str) -> str:
    """Inverse of ``split_page``."""
    return f"{title}\n\n{body}"


def sentences(text: str) -> list[str]:
    """Sentences with their end marks (and a closing quote after them); a line without an end
    mark is one sentence. They join back to the text minus its line breaks."""
    return [s for s in _SENTENCE.findall(text) if s.strip()]


def units(body: str) -> tuple[list[str], str]:
    """The pieces paragraph-level edits work on, and the string that joins them.

    Three quarters of inews bodies are one long line, so when a body has fewer than four
    paragraphs its sentences stand in for them.
    """
    paragraphs = body.split("\n")
    if len(paragraphs) >= 4:
        return paragraphs, "\n"
    return sentences(body), ""


def convert_script(text: str, config: str) -> str:
    """Convert Simplified text with an OpenCC config: s2t, s2tw (Taiwan), s2twp (Taiwan
    phrases), s2hk (Hong Kong)."""
    if config not in SCRIPTS:
        raise ValueError(f"unknown script config {config!r}; expected one of {SCRIPTS}")
    return _converter(config).convert(text)


def add_pinyin_glosses(text: str, rng: random.Random, rate: float = 0.6) -> str:
    """Print ``(pinyin)`` after characters of the gloss table, each with probability ``rate``."""
    return "".join(
        f"{ch}({PINYIN[ch]})" if ch in PINYIN and rng.random() < rate else ch for ch in text
    )


def halfwidth_punctuation(text: str) -> str:
    """Turn full-width commas, colons, semicolons, marks and parentheses half-width."""
    return text.translate(HALF_WIDTH)


def garble(span: str) -> str:
    """The span's GB18030 bytes read as GBK one byte late, as seed 000 shows
    (``。”培育壯大新動能`` becomes ``！迸嘤龎汛笮聞幽``)."""
    return span.encode("gb18030")[1:].decode("gbk", errors="ignore")


def mojibake(text: str, rng: random.Random, length: tuple[int, int] = (4, 9)) -> str:
    """Garble a short span of the body that starts at a closing quote mark, eating the mark.

    Without a closing quote in the body, a random span of the body is garbled instead.
    """
    title, body = split_page(text)
    size = rng.randint(*length)
    closing = [m.start() for m in re.finditer("”", body)]
    start = rng.choice(closing) if closing else rng.randrange(max(1, len(body) - size))
    end = min(len(body), start + size)
    return join_page(title, body[:start] + garble(body[start:end]) + body[end:])


def truncate(text: str, rng: random.Random, keep: tuple[float, float] = (0.4, 0.9)) -> str:
    """Keep the first 40-90% of the body, cut after the first sentence that reaches the target
    share (mid-sentence only when no sentence ends between the lower bound and the end)."""
    title, body = split_page(text)
    target = len(body) * rng.uniform(*keep)
    ends = [
        m.end()
        for m in re.finditer("[。！？!?]+[”’」』]?", body)
        if keep[0] * len(body) <= m.end() < len(body)
    ]
    cut = next((end for end in ends if end >= target), ends[-1] if ends else round(target))
    return join_page(title, body[:cut])


def drop_units(text: str, rng: random.Random, share: tuple[float, float] = (0.1, 0.3)) -> str:
    """Delete a share of the body's paragraphs (or sentences), never the first one; when
    several go, together at most ``share[1]`` of its characters: on a short body a few long
    paragraphs would otherwise take most of the article, and what is left is no repost."""
    title, body = split_page(text)
    pieces, joiner = units(body)
    if len(pieces) < 3:
        return text
    count = max(1, round((len(pieces) - 1) * rng.uniform(*share)))
    dropped = set(rng.sample(range(1, len(pieces)), count))
    while len(dropped) > 1 and sum(len(pieces[i]) for i in dropped) > share[1] * len(body):
        dropped.remove(max(dropped, key=lambda i: len(pieces[i])))
    return join_page(title, joiner.join(p for i, p in enumerate(pieces) if i not in dropped))


def add_paragraph(text: str, rng: random.Random, paragraph: str) -> str:
    """Insert a paragraph written elsewhere at a random paragraph (or sentence) boundary."""
    title, body = split_page(text)
    pieces, joiner = units(body)
    at = rng.randint(1, max(1, len(pieces)))
    return join_page(title, joiner.join([*pieces[:at], paragraph, *pieces[at:]]))


def editor_note(text: str, rng: random.Random) -> str:
    """Add an editor's note above or below the body."""
    title, body = split_page(text)
    note = rng.choice(_NOTES)
    return join_page(title, f"{note}\n{body}" if rng.random() < 0.5 else f"{body}\n{note}")


def new_title(text: str, rng: random.Random, site: str | None = None) -> str:
    """Give the page a new headline: a prefix, a site suffix, or one cut from the first sentence
    with the old headline kept as ``原标题：``."""
    title, body = split_page(text)
    site = site or rng.choice(SITES)
    style = rng.randrange(3)
    if style == 0:
        return join_page(rng.choice(_TITLE_PREFIXES) + title, body)
    if style == 1:
        return join_page(f"{title}_{site}", body)
    lead = (sentences(body) or [title])[0].rstrip("。！？!?”")
    return join_page(lead[:24], f"原标题：{title}\n{body}")


def _date(rng: random.Random) -> str:
    """A publication date in one of the shapes the seeds show."""
    y, mo, d = rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28)
    h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    return rng.choice(
        (
            f"{y}年{mo}月{d}日 {h:02d}:{mi:02d}",
            f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}",
            f"发布时间：{y}/{mo:02d}/{d:02d}",
        )
    )


def headline_list(rng: random.Random, headlines: Sequence[str], count: int) -> str:
    """A list of other articles' headlines under a heading, as portals put around an article."""
    picked = rng.sample(list(headlines), min(count, len(headlines)))
    return "\n".join([rng.choice(_LIST_HEADINGS), *picked])


def add_chrome(
    text: str,
    rng: random.Random,
    headlines: Sequence[str],
    site: str | None = None,
    script: str | None = None,
) -> str:
    """Wrap the page in a portal's chrome: nav line, date/source line, editor, copyright footer,
    and lists of unrelated headlines above and/or below the article.

    ``script`` converts the chrome (not the article) for a Traditional-script portal.
    """
    title, body = split_page(text)
    site = site or rng.choice(SITES)
    nav = "".join(rng.sample(_NAV, rng.randint(5, len(_NAV))))
    source = rng.choice(_SOURCES)
    above = [f"{site}{nav}"]
    if rng.random() < 0.3:
        above.append(headline_list(rng, headlines, rng.randint(3, 6)))
    below = [f"责任编辑：{rng.choice(_EDITORS)}"]
    if rng.random() < 0.85:
        below.append(headline_list(rng, headlines, rng.randint(4, 12)))
    below.append(f"Copyright © {rng.randint(2005, 2018)}-2025 {site} 版权所有 未经授权禁止转载")

    def local(parts: list[str]) -> list[str]:
        return [convert_script(x, script) for x in parts] if script else parts

    dateline = local([f"{_date(rng)}  来源：{source}"])
    return "\n\n".join([*local(above), title, *dateline, body, *local(below)])


def _passage(body: str, rng: random.Random, size: tuple[int, int] = (60, 200)) -> str:
    """A run of whole sentences from one paragraph of the body, ``size`` characters long if
    the paragraph allows."""
    paragraphs = [p for p in body.split("\n") if p.strip()] or [body]
    sents = sentences(rng.choice([p for p in paragraphs if len(p) >= size[0]] or paragraphs))
    if not sents:
        return body[: size[1]]
    start = rng.randrange(len(sents))
    out = ""
    for s in sents[start:]:
        if len(out) >= size[0] or len(out) + len(s) > size[1]:
            break
        out += s
    return out or sents[start][: size[1]]


def same_topic(article: str, other: str, rng: random.Random) -> str:
    """A different article (``other``) that quotes one passage of ``article`` verbatim.

    It is a negative: it shares a quotation with ``article`` but is not a repost of it.
    """
    _, body = split_page(article)
    # A quotation inside the quotation takes single quotes, as Chinese typesetting does.
    passage = _passage(body, rng).rstrip("。").strip("“”").replace("“", "‘").replace("”", "’")
    title, other_body = split_page(other)
    return add_paragraph(
        join_page(title, other_body), rng, rng.choice(_QUOTE_LEADS).format(passage)
    )


Transform = Callable[[str, random.Random], str]


def repost(
    text: str,
    rng: random.Random,
    headlines: Sequence[str],
    donor: str,
    p: float = 0.35,
) -> tuple[str, list[str]]:
    """A random repost of a page and the names of the transforms it went through.

    Each edit happens with probability ``p``, script conversion with probability ``p``, chrome
    almost always (a repost is another site's page). ``donor`` is another article's text that an
    added paragraph is taken from. Edits come first, then script, glosses, punctuation and
    mojibake, then chrome, which is converted to the page's script like a real portal's.
    """
    steps: list[tuple[str, Transform]] = [
        ("truncate", truncate),
        ("drop", drop_units),
        ("add", lambda t, r: add_paragraph(t, r, _passage(split_page(donor)[1], r))),
        ("note", editor_note),
        ("title", new_title),
    ]
    applied: list[str] = []
    for name, step in steps:
        if rng.random() < p:
            text = step(text, rng)
            applied.append(name)
    script = rng.choice(SCRIPTS) if rng.random() < p else None
    if script:
        text = convert_script(text, script)
        applied.append(script)
        if rng.random() < 0.5:
            text = add_pinyin_glosses(text, rng, rate=rng.uniform(0.3, 1.0))
            applied.append("pinyin")
    if rng.random() < p / 2:
        text = halfwidth_punctuation(text)
        applied.append("halfwidth")
    if rng.random() < p / 2:
        text = mojibake(text, rng)
        applied.append("mojibake")
    if rng.random() < 0.9:
        text = add_chrome(text, rng, headlines, script=script)
        applied.append("chrome")
    return text, applied
