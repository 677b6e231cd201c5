"""The clean view of a page that attribution reads.

OpenCC t2s, pinyin glosses such as ``習(xí)近平`` and a name's original spelling in brackets
(罗根（christopher logan）) removed, middle dots that scrapes mangled (亚森江?热合曼)
restored, and quoted contents masked, so that Traditional pages and glossed
names match the same patterns, and nobody named inside a quote is taken for its speaker.
:meth:`View.at` maps an offset of the original text into the view.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dedup.normalize import HAN, TRANSLITERATION, to_simplified
from dedup.quote_marks import Span

# Characters that end a sentence of narration (the scope in which a speaker is looked for).
BOUNDARIES = frozenset("。！？!?；;\n")
# What may follow a quote that ends its clause (表示该协议“有缺陷”，…).
CLAUSE_END = frozenset("，,。！？!?；;\n")
# Conjunctions and time words that may open a clause before its subject (而劳达…, 随后他…).
CLAUSE_LEAD = re.compile(
    r"^(?:所以|因此|因而|于是|但是|可是|而且|并且|此外|另外|接着|随即|然后|其实|"
    r"而|但|并|又|可|虽然|虽|尽管|不过|然而|后来|随后|之后|此后|同时|当时|"
    r"\d{1,2}月\d{1,2}日|\d{1,2}日)*"
)
# What every character inside a quote becomes, so nobody quoted is taken for the speaker.
MASK = "□"
# A pinyin gloss after a character (習(xí)近平), dropped from the view.
_GLOSS = re.compile(rf"(?<=[{HAN}])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
# A name's original spelling after it (约瑟·柯克林（jose koechlin）表示), dropped so the name
# stands right before its verb.
_SPELLING = re.compile(rf"(?<=[{HAN}])[（(][A-Za-z][A-Za-z .'\-]{{1,40}}[）)]")
# A name's middle dot as scraped pages mangle it (亚森江?热合曼, 托托-沃尔夫): read as a dot
# between two transliteration syllables, while 为什么?因为 or 好吗?他 keep their question mark.
_NAME_DOT = re.compile(r"[?？•・‧∙\-－]")


@dataclass(frozen=True)
class View:
    """Simplified, gloss-free text with quoted contents masked; ``pos`` maps back."""

    text: str
    pos: list[int]

    def at(self, original: int) -> int:
        """Index in the view of the first character at or after ``original``."""
        return bisect.bisect_left(self.pos, original)


# A period between Han characters (or before a closing mark and Han), a full stop there.
_HAN_STOP = re.compile(rf"(?<=[{HAN}])\.(?=[”」』\s]*[{HAN}“「])")


def clean_view(text: str, spans: Sequence[Span]) -> View:
    """The view of ``text`` with the contents of its marked quotes ``spans`` masked."""
    simp = to_simplified(text)
    if len(simp) != len(text):
        simp = "".join(c if len(c) == 1 else o for o, c in ((o, to_simplified(o)) for o in text))
    drop = bytearray(len(text))
    for gloss in (_GLOSS, _SPELLING):
        for m in gloss.finditer(text):
            drop[m.start() : m.end()] = b"\1" * (m.end() - m.start())
    masked = list(simp)
    for m in _NAME_DOT.finditer(simp):
        i = m.start()
        if 0 < i < len(simp) - 1 and {simp[i - 1], simp[i + 1]} <= TRANSLITERATION:
            masked[i] = "·"
    for m in _HAN_STOP.finditer(simp):
        masked[m.start()] = "。"  # 纯净水.”石启新说: some pages end sentences with a period
    for s in spans:
        if s.marked:
            masked[s.start : s.end] = MASK * (s.end - s.start)
    keep = [i for i in range(len(text)) if not drop[i]]
    return View("".join(masked[i] for i in keep), keep)


def sentence_start(view: str, pos: int) -> int:
    """Start of the narration sentence containing ``pos`` (quoted contents are masked)."""
    i = pos - 1
    while i >= 0 and view[i] not in BOUNDARIES and pos - i < 300:
        i -= 1
    return i + 1
