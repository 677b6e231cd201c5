"""Quoted statements, slogans and terms in an article, with who said them.

Statement tracking follows quoted text from outlet to outlet, so every quotation in one
article is answered three questions, as pure functions over its text:

1. *Where is it?* :mod:`dedup.quote_marks` pairs the marks, ends quotes whose closer was lost,
   and finds statements set off without marks. Offsets always refer to the original text.
2. *Who said it?* :mod:`dedup.attribution`, reading the sentence around each quote
   (:mod:`dedup.frames`), the people the page names (:mod:`dedup.mentions`,
   :mod:`dedup.persons`) and the discourse before it.
3. *What kind is it?* :func:`classify`: a statement, a slogan, or a term.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dedup.attribution import attribute
from dedup.frames import Who
from dedup.normalize import nfkc, strip_glosses, to_simplified
from dedup.quote_marks import TERMINATORS, Span, marked_spans, unmarked_spans
from dedup.speakers import Speakers

_STATEMENT_MIN_CHARS = 12
_SLOGAN_PART_MAX = 6
# Shortest quote that a final stop or a personal pronoun marks as somebody's words.
_SPOKEN_MIN_CHARS = 4
_PERSONAL = re.compile(r"[我你您咱]")
_FORMULA = re.compile(
    r"^从.+到.+$|^由.+[到向].+$|[+＋]$|^.而不.$|^.中求.$|^先.后.$|^以.促.$|^不.不.$|^有.有.$"
)


@dataclass(frozen=True)
class Quote:
    """One quotation: ``text`` is ``page[start:end]``, the content as published."""

    text: str
    start: int
    end: int
    speaker: str | None
    verb: str | None
    via: str | None
    basis: str | None  # the evidence that named ``speaker``: a key of ``BASES``
    kind: str
    marked: bool
    closed: bool
    inner: tuple[tuple[int, int], ...]


# What named a quote's speaker (``Quote.basis``), from the words around the quote itself to
# the narration before it; reports/quotes.md measures how often each is right.
BASES: dict[str, str] = {
    "before": "a speech verb before the quote (X说：“…”, X表示，“…”)",
    "framed": "a comparison, a document's issuer or a saying (正如X所说，“…”)",
    "colon": "a colon after a clause that opens with the person (X发了一条朋友圈：“…”)",
    "after": "a speaker and verb right after the quote (“…”X说)",
    "chained": "the previous quote's speaker, for a quote that follows it directly",
    "sentence": "the person who opened the sentence (X强调，…“…”; X希望，…，“…”)",
    "origin": "the author the words are traced to (“…”出自X的《…》)",
    "pronoun": "他/她 with a manner right after the quote (“…”他笑着)",
    "carried": "the voice of the last speech within the paragraph",
    "protagonist": "the one person the narration is about, for a first-person quote",
    "lead": "the one person named right after a quote that opens a paragraph or sentence",
    "turn": "the other party of a two-person exchange",
    "credit": "a ——X强调 line under a statement set off without marks",
}


def classify(content: str, marked: bool = True) -> str:
    """Kind of a quotation: ``statement``, ``slogan`` or ``term``.

    * Unmarked credited blocks are statements, and so is a quote that ends a sentence
      (光准备了，不是没抢吗？) or speaks in the first or second person (谢谢这么快就抓到我):
      formulas and labels do neither.
    * Parallel formulations – two or more parts of at most six characters joined by 、，—/ –
      are slogans (产业出题、科技答题; 稳中求进、以进促稳、先立后破), whatever their length.
    * Twelve or more characters, or sentence punctuation, make a statement: somebody's words.
    * Short quotes with a formulaic shape are slogans: from-to (从0到1), a trailing plus
      (人工智能+), and four-character correlatives (大而不强, 稳中求进, 先立后破).
    * Everything else short is a term: names and scare-quoted labels (飞象网, 车辆大脑, 十四五).
      Idioms without a visible pattern (卡脖子) therefore count as terms; telling them apart
      needs a lexicon of formulations, which this rule set deliberately does not hard-code.
    """
    if not marked:
        return "statement"
    core = to_simplified(nfkc(strip_glosses(content))).strip()
    bare = re.sub(r"[“”「」『』‘’\"'\s]", "", core)
    letters = sum(ch.isalnum() for ch in bare)
    if letters >= _SPOKEN_MIN_CHARS and (bare[-1] in TERMINATORS or _PERSONAL.search(bare)):
        return "statement"
    parts = [p for p in re.split(r"[、，,—–/]+", bare) if p]
    if len(parts) >= 2 and all(len(p) <= _SLOGAN_PART_MAX for p in parts):
        return "slogan"
    if letters >= _STATEMENT_MIN_CHARS or re.search(r"[。！？；!?;，,]", bare):
        return "statement"
    if _FORMULA.search(bare):
        return "slogan"
    return "term"


@functools.lru_cache(maxsize=1)
def _default_speakers() -> Speakers:
    return Speakers.builtin()


def extract_quotes(
    text: str, start: int = 0, end: int | None = None, speakers: Speakers | None = None
) -> list[Quote]:
    """All quotations in ``text[start:end]`` (the article body, when known), in text order.

    ``speakers`` defaults to the built-in alias table; pass ``Speakers.load(user_file)`` to
    extend it.
    """
    end = len(text) if end is None else end
    marked = marked_spans(text, start, end)
    kinds = [classify(text[span.start : span.end]) for span in marked]
    unmarked = unmarked_spans(text, start, end)
    credits = [line for _, line in unmarked]
    said, credited = attribute(text, marked, kinds, credits, speakers or _default_speakers())
    quotes = [_quote(text, *found) for found in zip(marked, said, kinds, strict=True)]
    for (span, _), who in zip(unmarked, credited, strict=True):
        quotes.append(_quote(text, span, who, "statement"))
    return sorted(quotes, key=lambda q: q.start)


def _quote(text: str, span: Span, who: Who, kind: str) -> Quote:
    content = text[span.start : span.end]
    return Quote(
        text=content,
        start=span.start,
        end=span.end,
        speaker=who.speaker,
        verb=who.verb,
        via=who.via,
        basis=who.basis,
        kind=kind,
        marked=span.marked,
        closed=span.closed,
        inner=span.inner,
    )
