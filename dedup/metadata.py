"""Title, date, credited source, carrying site and article-body span of one scraped page.

Scraped pages wrap the article in chrome: navigation and spam lines, a title, a date/credit
line, bylines, then the body, then editor lines, copyright/disclaimer blocks and lists of
unrelated headlines. Reposts share the body, not the chrome, so everything downstream compares
``text[body_start:body_end]``; the credits tell which outlet wrote the piece (``source``) and
which site carried it (``site``).

The page is read as a sequence of non-blank lines, each classified on its normalized form
(NFKC, pinyin glosses removed, Simplified script), so one set of patterns serves Traditional
and full-width pages. The structure found on real pages:

* the *anchor* is the first date or credit line that comes before any prose paragraph (dates
  inside the body or in a trailing headline list come after prose, so they never anchor);
* the *title* is the nearest title-shaped line above the anchor (spam lines and breadcrumbs
  sit further up);
* the *body* starts after the anchor and the meta lines that follow it (credits, share bars,
  counters, a short byline), and ends at the first tail marker (editor, copyright,
  disclaimer, a "related/hot news" heading) or where a run of headline-list lines begins;
  credit lines, ``...`` snippets and bare dates left at its end are trimmed.

A page without an anchor has no header chrome: its body starts at the first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from dedup.normalize import HAN, nfkc, strip_glosses, to_simplified
from dedup.sources import Aliases, clean_name, looks_like_outlet

_TIME = (
    r"(?:[\sT]*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?"
    r"(Z(?![A-Za-z])|[+-]\d{2}:?\d{2}(?![\d:]))?)?)?"
)
# Chinese news sites print Beijing time without a zone; a time that names its zone (a feed's
# 2024-04-12T02:00:00Z) is converted to it, so that every stored date compares with the others.
# Only an ISO 8601 zone counts: right after the seconds, no space between, and a real offset,
# so a time range (08:00-24:00), an amount (13:24 -1234 元) or a word (13:24 ZAKER) is no zone.
_BEIJING = timezone(timedelta(hours=8))
# The longest a line can be and still be "a date and little else" (2024年02月14日 05:21:00 is 22
# characters compact; the date must be 80 % of the line).
_BARE_DATE_MAX = 32
_FOUR_DIGITS = re.compile(r"\d{4}")
_DATE = re.compile(
    r"(?<!\d)(\d{4})(?:\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|([-/.])(\d{1,2})\4(\d{1,2})(?!\d))" + _TIME
)
_SENTENCE_END = re.compile(r"[。!?;…]|\.\.\.")
_LABEL = (
    r"(本文转自|转载自|转载于|转自|稿件来源|文章来源|新闻来源|信息来源|来源|出处|原标题"
    r"|责任编辑|编辑|责编|作者|记者|通讯员|摄影|审核|校对|监制)"
)
_FIELD = re.compile(_LABEL + r"\s*:\s*([^\s;,、|丨()\[\]【】]+)")  # first of 中新网、南方plus
_CREDIT_START = re.compile(r"^[(\[【]?" + _LABEL + r":")
_EDITOR = re.compile(r"(责任编辑|编辑|责编|审核|校对|监制):")
_COPYRIGHT = re.compile(r"版权|copyright|©")
_DISCLAIMER = re.compile(
    r"^以上内容|(本站|本网).*(立场|侵权|删除|不代表|观点)|免责声明|icp备|公网安备"
)
_TAIL_HEADING = re.compile(
    r"^(相关|热门|热点|推荐|更多|延伸|往期|猜你|精彩|为你|阅读|点击|排行)|(推荐|阅读|排行榜?)$"
)
_TOOLBAR = re.compile(r"分享|字号|打印|收藏|浏览|点赞|纠错|关闭窗口")
_BREADCRUMB = re.compile(r">|位置|首页")
_SITE_WORDS = re.compile(r"版权所有|版权|copyright|allrightsreserved|本站|本网|by")
_OUTLET = re.compile(rf"[{HAN}]{{2,12}}?(?:网|报|台|社|在线)")
_CJK = re.compile(f"[{HAN}]")
_EPOCH = date(1970, 1, 1)  # an empty CMS date field renders as the Unix epoch (+ time zone)

_TRANSFER = ("本文转自", "转载自", "转载于", "转自")
_CREDIT = ("稿件来源", "文章来源", "新闻来源", "信息来源", "来源", "出处")
_TITLE_MIN, _TITLE_MAX = 5, 64
_DATE_LINE_EXTRA = 40  # characters a date line may carry besides the date (labels, credit)
_PROSE_MIN = 40  # a paragraph: at least this long and with sentence punctuation
_SHORT_LINE = 30  # a headline or label line; article paragraphs are longer
_BYLINE_MAX = 4  # a bare author name line after the credits: 金观平
_HEADING_MAX = 10
_MARKER_MAX = 80  # longer lines are paragraphs, whatever words (版权, 编辑:) they contain
_LIST_RUN = 3  # this many list-like lines make a headline list ...
_LIST_SHARE = 0.8  # ... when they are this share of everything up to the tail ...
_LIST_STRONG = 0.4  # ... and snippets (``...``) or bare dates are this share


@dataclass(frozen=True)
class PageMeta:
    """What ``extract`` learned about a page; the body is ``text[body_start:body_end]``."""

    title: str | None
    date: str | None
    source: str | None
    site: str | None
    body_start: int
    body_end: int


@dataclass(frozen=True)
class _Line:
    """A non-blank line: its span in the page (spaces trimmed), its text, its normal forms."""

    start: int
    end: int
    raw: str
    norm: str  # NFKC, glosses removed, Simplified: what patterns and dates read
    compact: str  # norm without whitespace, lower case: what labels read


def parse_date(text: str) -> str | None:
    """First valid date in ``text`` as ISO 8601, precise to what the text gives.

    ``2026年2月23日 11:57`` -> ``2026-02-23T11:57``; ``2024-11-18 13:24:40`` ->
    ``2024-11-18T13:24:40``; ``2024/2/14`` or ``2024.02.14`` -> ``2024-02-14``. Full-width
    digits are read after NFKC. Impossible dates (2月30日) are skipped, not guessed.
    """
    match = _date_match(nfkc(text))
    return _iso(match) if match else None


def extract(text: str, aliases: Aliases | None = None) -> PageMeta:
    """Title, date, source, site and body span of one scraped page (see the module docstring)."""
    aliases = aliases or Aliases.builtin()
    lines = _lines(text)
    if not lines:
        return PageMeta(None, None, None, None, 0, 0)
    anchor = _anchor(lines)
    if anchor is None:
        title_at = 0 if len(lines) > 1 and _is_title(lines[0]) else None
        first = 0
    else:
        title_at = _title_above(lines, anchor)
        first = _after_header(lines, anchor)
    last = _body_last(lines, first)
    header = lines[anchor:first] if anchor is not None else []
    trailer = lines[last + 1 :]
    source, demoted = _credits(header, trailer, aliases)
    chrome = lines[:first] + trailer
    site = _site(chrome, lines[: title_at or 0], aliases) or demoted
    return PageMeta(
        title=lines[title_at].raw if title_at is not None else None,
        date=parse_date(lines[anchor].norm) if anchor is not None else None,
        source=source,
        site=site,
        body_start=lines[first].start if first <= last else 0,
        body_end=lines[last].end if first <= last else 0,
    )


_LINE = re.compile(r"[^\r\n]+")
_SPACE = re.compile(r"\s+")


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with their span, and their NFKC + Simplified + gloss-free view.

    The view is computed for the whole page at once (per-line calls cost 3x more): none of
    the three steps adds or removes a line break, so the page's lines and the view's lines
    pair up one to one; if they ever do not, each line is converted on its own.
    """
    found = list(_LINE.finditer(text))
    views = _LINE.findall(to_simplified(strip_glosses(nfkc(text))))
    if len(views) != len(found):
        views = [to_simplified(strip_glosses(nfkc(m.group()))) for m in found]
    out = []
    for m, view in zip(found, views, strict=True):
        raw = m.group().strip()
        if not raw:
            continue
        start = m.start() + m.group().index(raw[0])
        norm = view.strip()
        out.append(_Line(start, start + len(raw), raw, norm, _SPACE.sub("", norm).lower()))
    return out


# A year or a month on its own (2024, 2024-11, 2024年11月, 2024/11), or a compact day (20241118).
_PERIOD = re.compile(r"(\d{4})(?:\s*(?:年|[-/.])\s*(\d{1,2})\s*月?|年)?|(\d{4})(\d{2})(\d{2})")


def date_bound(text: str) -> str:
    """A date filter's bound as the ISO prefix stored dates compare with.

    Takes what ``parse_date`` reads (2024年11月18日, 2024/11/18, 2024-11-18 14:00) and a year
    or month alone (2024, 2024-11, 2024年11月); raises ValueError on anything else, since a
    bound that silently matches nothing (or everything) is worse than an error.
    """
    clean = nfkc(text).strip()
    period = _PERIOD.fullmatch(clean)
    if period and period.group(3):
        clean = "-".join(period.group(3, 4, 5))
    elif period:
        year, month = period.group(1), period.group(2)
        if month is None:
            return year
        if 1 <= int(month) <= 12:
            return f"{year}-{int(month):02d}"
    day = parse_date(clean)
    if day is None or _date_match(clean).group().strip() != clean:
        raise ValueError(
            f"not a date: {text!r} (use 2024, 2024-11, 2024-11-18 or 2024-11-18 14:00)"
        )
    return day


def in_window(when: str | None, since: str | None, until: str | None) -> bool:
    """``when`` (an ISO date) lies within the bounds (see ``date_bound``); ``until`` includes its
    whole period (until 2026-02 keeps 2026-02-28T23:00). Undated fails any bound."""
    if since is None and until is None:
        return True
    if when is None:
        return False
    # A date coarser than the bound (a day against 2024-11-18T14:00) may lie on either
    # side of it: compared at its own precision, so the page is kept.
    after = since is None or when >= since[: max(len(when), len("2024"))]
    return after and (until is None or when[: len(until)] <= until)


def _date_match(text: str) -> re.Match[str] | None:
    """First date match that names a real calendar day and clock time."""
    if not _FOUR_DIGITS.search(text):  # most lines hold no year: skip the big pattern
        return None
    for match in _DATE.finditer(text):
        if _iso(match) is not None:
            return match
    return None


def _iso(match: re.Match[str]) -> str | None:
    year, month, day = (
        match.group(1),
        match.group(2) or match.group(5),
        match.group(3) or match.group(6),
    )
    hour, minute, second, zone = match.group(7), match.group(8), match.group(9), match.group(10)
    try:
        moment = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        return None
    offset = _zone(zone) if zone else None
    if offset is not None:
        moment = moment.replace(tzinfo=offset).astimezone(_BEIJING).replace(tzinfo=None)
    if moment.date() == _EPOCH:
        return None
    if hour is None:
        return moment.strftime("%Y-%m-%d")
    return moment.strftime("%Y-%m-%dT%H:%M:%S" if second is not None else "%Y-%m-%dT%H:%M")


def _zone(text: str) -> timezone | None:
    """The zone of an ISO 8601 suffix (Z, +08:00, -0500), or None for an offset no zone has."""
    if text == "Z":
        return UTC
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes >= 60:
        return None
    sign = -1 if text[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _is_prose(line: _Line) -> bool:
    return len(line.compact) >= _PROSE_MIN and bool(_SENTENCE_END.search(line.norm))


def _is_date_line(line: _Line) -> bool:
    """A date with little else, or with labelled credits (来源:…　原标题:…) but no prose."""
    match = _date_match(line.norm)
    if match is None:
        return False
    short = len(line.norm) - len(match.group()) <= _DATE_LINE_EXTRA
    return short or (bool(_FIELD.search(line.norm)) and not _is_prose(line))


def _is_credit(line: _Line) -> bool:
    """A line that credits (来源:, 作者:, (原标题:…)) rather than says something.

    Long lines that merely start with a label (``原标题:… 近日，…``) are paragraphs.
    """
    return len(line.compact) <= _MARKER_MAX and bool(_CREDIT_START.match(line.compact))


def _is_title(line: _Line) -> bool:
    """Headline-shaped: a short Chinese line that is not a sentence, breadcrumb, URL or credit."""
    return (
        _TITLE_MIN <= len(line.compact) <= _TITLE_MAX
        and len(_CJK.findall(line.compact)) >= 2
        and not re.search(r"https?:|www\.", line.compact)
        and not line.compact.endswith(("。", ":"))
        and not _BREADCRUMB.search(line.compact)
        and not _is_credit(line)
        and not _is_date_line(line)
    )


def _anchor(lines: list[_Line]) -> int | None:
    """Index of the date/credit line that closes the header, if the page has a header."""
    for i, line in enumerate(lines):
        if _is_prose(line):
            return None
        if _is_date_line(line) or _is_credit(line):
            return i
    return None


def _title_above(lines: list[_Line], anchor: int) -> int | None:
    """Nearest title-shaped line above the anchor: spam and breadcrumbs sit higher up."""
    for i in range(anchor - 1, max(-1, anchor - 5), -1):
        if _is_title(lines[i]):
            return i
    return None


def _is_header_meta(line: _Line) -> bool:
    """Lines between the date line and the body: credits, share bars, counters, and the
    editor or copyright notes some sites print above the article instead of below it."""
    if _is_date_line(line) or _is_credit(line) or _is_tail_marker(line):
        return True
    if not _CJK.search(line.compact):
        return True
    return len(line.compact) <= _SHORT_LINE and bool(_TOOLBAR.search(line.compact))


def _after_header(lines: list[_Line], anchor: int) -> int:
    """Index of the first body line: past the anchor, its meta lines and a bare byline."""
    i = anchor
    while i < len(lines) and _is_header_meta(lines[i]):
        i += 1
    byline = i < len(lines) and len(lines[i].compact) <= _BYLINE_MAX
    if byline and len(_CJK.findall(lines[i].compact)) == len(lines[i].compact):
        i += 1
    return i


def _is_tail_marker(line: _Line) -> bool:
    """Editor, copyright, disclaimer or a related/hot-news heading: the article is over.

    A heading is a few words with no digits or sentence punctuation (相关内容, 推荐阅读);
    阅读时间:9分钟 near the top of an article is not one.
    """
    c = line.compact
    if len(c) > _MARKER_MAX:
        return False
    if _EDITOR.search(c) or _COPYRIGHT.search(c) or _DISCLAIMER.search(c):
        return True
    heading_shaped = len(c) <= _HEADING_MAX and not re.search(r"\d", c)
    return heading_shaped and not _SENTENCE_END.search(c) and bool(_TAIL_HEADING.search(c))


def _is_bare_date(line: _Line) -> bool:
    if len(line.compact) > _BARE_DATE_MAX:  # a paragraph, not a date line: skip the regex
        return False
    match = _date_match(line.norm)
    return match is not None and len(re.sub(r"\s+", "", match.group())) >= 0.8 * len(line.compact)


def _is_snippet(line: _Line) -> bool:
    """Cut-off text shown in headline lists: ``...`` at either end. Writers end sentences
    with ``……`` or ``.....``; list generators cut with exactly three dots."""
    return line.compact.startswith(("...", "…")) or bool(re.search(r"(?<!\.)\.\.\.$", line.compact))


def _is_unterminated(line: _Line) -> bool:
    return not re.search(r"[。!?”」)’』]$", line.compact)


def _is_list_like(line: _Line, following: _Line | None) -> bool:
    """Shaped like an entry of a headline list: snippet, bare date, short title, or a cut-off
    lead followed by its date (``…催生新产业、新模式、新动能,发展`` / ``2023-12-22 07:40:00``)."""
    if _is_snippet(line) or _is_bare_date(line):
        return True
    if not _is_unterminated(line):
        return False
    return len(line.compact) <= _SHORT_LINE or (following is not None and _is_bare_date(following))


def _is_trailing_chrome(line: _Line) -> bool:
    """Left at the end of the body: credits, editorial notes in brackets (（完）, （本文有删节）)
    and list debris. Short unterminated lines stay: articles set one phrase per line end that
    way too."""
    return (
        _is_credit(line)
        or _is_bracketed_note(line)
        or _is_snippet(line)
        or _is_bare_date(line)
        or not _CJK.search(line.compact)
    )


def _is_bracketed_note(line: _Line) -> bool:
    c = line.compact
    return len(c) <= _SHORT_LINE and bool(re.fullmatch(r"[(\[【][^()\[\]【】]*[)\]】]", c))


def _body_last(lines: list[_Line], first: int) -> int:
    """Index of the last body line (``first - 1`` when the page has no body).

    Trimming trailing chrome never empties a body: a page of nothing but short lines (a
    headline repeated, a forum stub) is kept whole rather than reported as having no text.
    """
    if first >= len(lines):
        return first - 1
    end = next((i for i in range(first, len(lines)) if _is_tail_marker(lines[i])), len(lines))
    end = _list_start(lines, first, end)
    last = end - 1
    while last >= first and _is_trailing_chrome(lines[last]):
        last -= 1
    return last if last >= first else max(end, first + 1) - 1


def _list_start(lines: list[_Line], first: int, end: int) -> int:
    """Where a trailing headline list begins before ``end`` (``end`` if there is none).

    A list is a run of list-like lines that, from there to ``end``, makes up most lines, with
    many snippets or bare dates among them. Articles set one short phrase per line (common on
    WeChat reposts) pass the first test but not the second.
    """
    span = lines[first:end]
    if not span:
        return end
    nexts = [*span[1:], None]
    shaped = [_is_list_like(line, nxt) for line, nxt in zip(span, nexts, strict=True)]
    strong = [_is_snippet(line) or _is_bare_date(line) for line in span]
    n_shaped = n_strong = 0
    start = end
    for i in range(len(span) - 1, 0, -1):  # suffix counts, right to left; line 0 always stays
        n_shaped += shaped[i]
        n_strong += strong[i]
        size = len(span) - i
        run = all(shaped[i : i + _LIST_RUN]) and i + _LIST_RUN <= len(span)
        if run and n_shaped >= _LIST_SHARE * size and n_strong >= _LIST_STRONG * size:
            start = first + i
    return start


def _fields(line: _Line, labels: tuple[str, ...]) -> list[str]:
    return [m.group(2) for m in _FIELD.finditer(line.norm) if m.group(1) in labels]


def _outlet(value: str, aliases: Aliases) -> str | None:
    """Canonical outlet named by a credit value, or None for ids and boilerplate.

    A chained credit (``人民网-人民日报``) names the carrier first and the origin last.
    """
    origin = re.split(r"[-—–]+", value.strip("-—– "))[-1]
    return aliases.canonical(origin) if looks_like_outlet(clean_name(origin)) else None


def _credits(
    header: list[_Line], trailer: list[_Line], aliases: Aliases
) -> tuple[str | None, str | None]:
    """(credited source, header credit outranked by a stronger one).

    Strength: 转自 (the carrier says whose article it copied) > a credit closing the article
    (``(来源:《经济参考报》)``) > the header's 来源 > a bare name after the date. A header 来源
    outranked by a stronger credit names the aggregator that carried the page.
    """
    ranked = [
        [v for line in header for v in _fields(line, _TRANSFER)],
        [v for line in trailer[:2] if _is_credit(line) for v in _fields(line, _CREDIT)],
        [v for line in header for v in _fields(line, _CREDIT)],
        [_bare_credit(line) for line in header[:1] if _is_date_line(line)],
    ]
    names = [[n for v in group if v and (n := _outlet(v, aliases))] for group in ranked]
    best = next((group[0] for group in names if group), None)
    header_credit = names[2][0] if names[2] else None
    return best, header_credit if header_credit != best else None


def _bare_credit(line: _Line) -> str:
    """The one word a date line carries besides the date, if unlabelled (``… 11:57求是网``).

    Several words (``早报 | 2025年5月22日 星期四 农历四月廿五``) are a masthead, not a credit.
    """
    match = _date_match(line.norm)
    words = (line.norm.replace(match.group(), " ") if match else line.norm).split()
    return words[0] if len(words) == 1 and not re.search(r"[:|丨]", words[0]) else ""


def _site(chrome: list[_Line], above_title: list[_Line], aliases: Aliases) -> str | None:
    """The carrying site: a copyright line's owner, else a site name standing alone (or
    heading a breadcrumb) above the title."""
    for line in chrome:
        if _COPYRIGHT.search(line.compact):
            found = _OUTLET.search(_SITE_WORDS.sub("|", line.compact))
            if found and (name := _outlet(found.group(), aliases)):
                return name
    for line in above_title:
        head = re.split(r"[>|]", line.compact)[0]  # breadcrumbs start with the site: 人民网>>经济
        if len(head) <= 12 and _OUTLET.fullmatch(head):
            return _outlet(head, aliases)
    return None
