"""Where the quotations in a page are, before anyone asks who said them.

Quote marks are paired with a small stack, so nested quotes (“原创性技术要从‘0’到‘1’…”)
stay inside their statement and are reported as ``inner`` spans. Scraped pages lose closing
marks: mojibake eats a ``”`` together with the next characters (``新動能!迸嘤龎汛笮聞幽``),
or a snippet is cut mid-sentence. A quote that meets a new opening mark of its own kind, a
line end or the end of the text before its closer is *unclosed*; it ends after the sentence
terminator that is followed by mojibake, else at the line end (a cut snippet), else after its
first sentence terminator (the least we can be sure the speaker said). Statements set off
without marks – a paragraph followed by a ``——…习近平总书记在广西考察时强调`` line, as under
【学习金句】 – are ``marked=False``.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from dedup.normalize import strip_glosses, to_simplified
from dedup.speech import VERB

# Opening mark -> closing mark. Straight quotes open and close with the same character.
PAIRS: dict[str, str] = {
    "“": "”",
    "「": "」",
    "『": "』",
    "‘": "’",
    '"': '"',
    "＂": "＂",
    "﹁": "﹂",
    "﹃": "﹄",
}
# Characters that end the speaker's sentence inside a quote.
TERMINATORS = frozenset("。！？!?")
_STRAIGHT = frozenset('"＂')


@dataclass(frozen=True)
class Span:
    """A located quote before attribution: content ``[start, end)``, marks around it."""

    open: int
    start: int
    end: int
    after: int
    closed: bool
    marked: bool
    inner: tuple[tuple[int, int], ...] = ()


@functools.lru_cache(maxsize=1)
def _char_stats() -> tuple[Counter[str], frozenset[str]]:
    """Character frequencies and two-character words from jieba's dictionary.

    Loaded on first need only (an unclosed quote), since reading the dictionary takes a second.
    """
    import jieba

    freq: Counter[str] = Counter()
    pairs = set()
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, count = line.split(" ", 2)[:2]
            for ch in word:
                freq[ch] += int(count)
            if len(word) == 2:
                pairs.add(word)
    return freq, frozenset(pairs)


_RARE = 2000
_UNDECODABLE = re.compile("[\ue000-\uf8ff\ufffd]")


def looks_like_mojibake(text: str, pos: int) -> bool:
    """True if the two Han characters at ``pos`` look like garbled bytes, not a sentence.

    Misdecoded GBK turns ``”培育`` into runs of rare characters (迸嘤龎, 痹紕). Two rare
    characters in a row that do not form a word almost never start a real sentence: on the
    inews training set fewer than 0.2% of sentence starts do, and those are mostly real words.
    A private-use or replacement character among the first three (痹\ue143紕) settles it.
    """
    chars = strip_glosses(text[pos : pos + 12])
    if _UNDECODABLE.search(chars[:3]):
        return True
    pair = to_simplified(chars[:2])
    if len(pair) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in pair):
        return False
    freq, words = _char_stats()
    return all(freq[ch] < _RARE for ch in pair) and pair not in words


_SENTENCE_ENDS = re.compile(f"[{''.join(sorted(TERMINATORS))}]+")


def _lost_end(text: str, content: int, stop: int, at_line_end: bool) -> int:
    """End of an unclosed quote's content (see the module doc for the order of evidence).

    The line end is the quote's end only for a cut snippet (one sentence at most) or a quote
    that goes on in the next paragraph, which opens with the same mark (the convention for
    quotes of several paragraphs); a paragraph of many sentences after a stray mark is not
    one quote (a whole blog post with its copyright line after a lone “).
    """
    terms = [i for i in range(content, stop) if text[i] in TERMINATORS]
    for i in terms:
        if looks_like_mojibake(text, i + 1):
            return i + 1
    continued = _next_line_opens(text, stop, text[content - 1])
    sentences = len(_SENTENCE_ENDS.findall(text, content, stop))  # 真的吗？！ ends one
    if (at_line_end and (sentences <= 1 or continued)) or not terms:
        end = stop
        while end > content and text[end - 1].isspace():
            end -= 1
        return end
    return terms[0] + 1


def _next_line_opens(text: str, at: int, mark: str) -> bool:
    """The first non-blank line after position ``at`` starts with ``mark``."""
    following = re.match(r"[^\n]*\n\s*(.)", text[at : at + 400])
    return following is not None and following.group(1) == mark


def _match(text: str, opened: int, end: int) -> Span:
    """Pair the mark at ``opened`` with its closer, tracking nested quotes on a stack.

    A straight opening mark may be closed by a curly one: pages typed with mixed marks
    (先是火了"知否体”，) close a straight quote with ” at least as often as with ".
    """
    opener = text[opened]
    closer = PAIRS[opener] + ("”" if opener in _STRAIGHT else "")
    stack: list[tuple[str, int]] = []
    inner: list[tuple[int, int]] = []
    i = opened + 1
    while i < end:
        ch = text[i]
        if ch == "\n":
            break
        if stack and ch == PAIRS[stack[-1][0]]:
            inner.append((stack.pop()[1] + 1, i))
        elif ch in closer:
            return Span(opened, opened + 1, i, i + 1, True, True, tuple(sorted(inner)))
        elif ch == opener and not stack:
            break
        elif ch in PAIRS:
            stack.append((ch, i))
        i += 1
    at_line_end = i >= end or text[i] == "\n"
    stop = _lost_end(text, opened + 1, i, at_line_end)
    kept = tuple(sorted(s for s in inner if s[1] <= stop))
    return Span(opened, opened + 1, stop, stop, False, True, kept)


def marked_spans(text: str, start: int, end: int) -> list[Span]:
    """Top-level quotes in ``text[start:end]``, left to right."""
    spans = []
    i = start
    while i < end:
        if text[i] in PAIRS:
            span = _match(text, i, end)
            if text[span.start : span.end].strip():
                spans.append(span)
            i = max(span.after, i + 1)
        else:
            i += 1
    return spans


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank line in the range, whitespace trimmed."""
    for m in re.finditer(r"[^\n]+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            yield a, b


_ATTRIBUTION_LINE = re.compile(r"^[—–-]{1,2}")


def unmarked_spans(text: str, start: int, end: int) -> list[tuple[Span, int]]:
    """Paragraphs credited by a following ``——…强调`` line, with that line's start.

    Only a line that begins with a dash and ends in a speech verb credits the paragraph
    above it; a paragraph in quote marks is left to the marked-quote finder.
    """
    found = []
    lines = list(_lines(text, start, end))
    for (a, b), (c, d) in zip(lines, lines[1:], strict=False):
        credit = text[c:d]
        if not _ATTRIBUTION_LINE.match(credit):
            continue
        if not VERB.search(to_simplified(credit.rstrip("。:：,， "))[-6:]):
            continue
        body = text[a:b]
        if body[0] in PAIRS or (body[0] == "【" and body[-1] == "】") or len(body) < 8:
            continue
        found.append((Span(a, a, b, b, True, False), c))
    return found
