"""Quoted statements, slogans and terms in an article, with who said them.

Statement tracking follows quoted text from outlet to outlet, so this module answers three
questions about every quotation in one article, as pure functions over its text:

1. *Where is it?* Quote marks are paired with a small stack, so nested quotes
   (“原创性技术要从‘0’到‘1’…”) stay inside their statement and are reported as ``inner``
   spans. Scraped pages lose closing marks: mojibake eats a ``”`` together with the next
   characters (``新動能!迸嘤龎汛笮聞幽``), or a snippet is cut mid-sentence. A quote that
   meets a new opening mark of its own kind, a line end or the end of the text before its
   closer is *unclosed*; it ends after the sentence terminator that is followed by mojibake,
   else at the line end (a cut snippet), else after its first sentence terminator (the least
   we can be sure the speaker said). Statements set off without marks – a paragraph followed
   by a ``——…习近平总书记在广西考察时强调`` line, as under 【学习金句】 – are ``marked=False``.
2. *Who said it?* See :func:`_attribute`: a speech verb right before the quote (``总书记强调:``),
   a speaker and verb right after it (``”习近平书记表示肯定``), a quote chained to the previous
   one (``“…”“…”``), or a speaker who introduced the whole sentence (``习近平总书记多次强调,
   …要坚持“…”``). Scare quotes in plain narration get no speaker.
3. *What kind is it?* See :func:`classify`.

All attribution runs on a *clean view* of the page (OpenCC t2s, pinyin glosses such as
``習(xí)近平`` removed, quoted contents masked) so Traditional pages and glossed names match the
same patterns; offsets in :class:`Quote` always refer to the original text.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from dedup.names import (
    ROLE_END,
    common_word,
    cued_names,
    listed,
    occurrences,
    opens_name,
    ordinary_word,
    page_names,
    trim,
    widen,
)
from dedup.normalize import TRANSLITERATION, nfkc, strip_glosses, to_simplified
from dedup.speakers import (
    FAMILIAR,
    HONORIFICS,
    SURNAME_POSTS,
    SURNAME_WITH_POST,
    SURNAMES,
    TITLES,
    Speakers,
)

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
_TERMINATORS = frozenset("。！？!?")
_STRAIGHT = frozenset('"＂')
# Characters that end a sentence of narration (the scope in which a speaker is looked for).
_BOUNDARIES = frozenset("。！？!?；;\n")
# What may follow a quote that ends its clause (表示该协议“有缺陷”，…).
_CLAUSE_END = frozenset("，,。！？!?；;\n")
_MASK = "□"
# Closing marks, where a clause may start again (“…。”他还补充说).
_AFTER_QUOTE = re.compile('[”」』’"＂]')
_HAN = r"\u4e00-\u9fff"
_GLOSS = re.compile(rf"(?<=[{_HAN}])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")

# Speech verbs, longest first. 说 only counts where it is not part of 来说/所说/说明/学说
# (同学说 is speech). Bare 称 and 问 only count right before a colon or comma (塔拉称：“…”,
# 该负责人称，…, 他问她：“…”): followed directly by a quote 称 is naming, not speaking
# (堪称“汽车心脏”, 被称为“…”), and compounds such as 简称/号称 never speak.
_VERB_FORMS = (
    "表示肯定",
    "强调",
    "指出",
    "表示",
    "说道",
    "介绍",
    "提出",
    "要求",
    "汇报",
    "叮嘱",
    "嘱咐",
    "认为",
    "透露",
    "坦言",
    "直言",
    "回答",
    "答道",
    "争辩道",
    "辩解道",
    "嚷道",
    "喊道",
    "叫道",
    "笑道",
    "问道",
    "提醒",
    "提示",
    "建议",
    "解释",
    "回忆",
    "补充",
    "写道",
    "写到",
    "援引",
    "引用",
    "引述",
    "宣布",
    "告诉",
    "呼吁",
    "寄语",
    "勉励",
    "谈到",
    "提到",
    "讲到",
    "重申",
    "指示",
    "批示",
    "号召",
    "宣称",
    "声称",
    "部署",
    "感慨",
    "感叹",
    "坦承",
    "回应",
    "反问",
    "追问",
    "质问",
    "大喊",
    "高呼",
    "承认",
    "否认",
    "直指",
    "描述为",
    "形容为",
    "称之为",
    "斥之为",
    "斥为",
    "指责",
    "批评",
    "抱怨",
    "警告",
    "说",
    "讲",
    "称",
    "问",
)
_SPECIAL_VERBS = {
    "说": "(?<![来所是如话小传据听])(?<!(?<!同)学)说(?![明服法])",
    "称": "(?<![堪号简俗统昵又戏誉名宣声自])称(?=[:：，,])",
    # 被批评 and 遭指责 receive the words: no speech clause (see also ``_PASSIVE``).
    **{
        v: f"(?<![被遭受]){v}"
        for v in ("称之为", "形容为", "描述为", "斥为", "斥之为", "批评", "指责", "警告")
    },
    # 问她：“…” asks; 学问, 访问 and 问题 do not.
    "问": "(?<![学访疑提询顾])问(?=[他她我你]?们?[:：，,])",
}
_VERB = re.compile(
    "|".join(_SPECIAL_VERBS.get(v, v) for v in sorted(_VERB_FORMS, key=len, reverse=True))
)
# Verbs by which a speaker quotes someone else: the quote belongs to the object, ``via`` the
# subject (习近平总书记曾援引恩格斯的名言——“…”).
_CITING = frozenset({"援引", "引用", "引述"})
_CITED = re.compile(
    rf"^([{_HAN}·]{{2,12}}?)(?:的)?(?:名言|名句|话|诗句|论述|论断|观点)?(?:说|称|讲)?$"
)
# What may stand between a speech verb and the opening mark. An object (提出殷切期望, 提到了
# 车队在遇到该问题时的两重困境) is only allowed before a colon or a dash, so that 表示感谢,“…
# is not read as speech; see :func:`_before` for the one exception.
_VERB_TAIL = re.compile(
    r"^(?P<obj>[^，,。：:“”「」『』‘’□]{0,30}?)要?(?P<sep>[:：]|——|—|[，,])?\s*$"
)
# A short reported clause whose predicate is the quote, after a speech verb and a comma
# (认为，边境巡逻队是在“…”), or after a first quote of the same speaker (…“非常粗暴”，美方是“…”).
_COPULA_CLAUSE = re.compile(r"[，,][^，,。：:“”「」□]{1,12}?(?:是在|是|(?<![因作成认以])为)\s*")
# A short reported clause that a piece of the speaker's own words ends (黄益平表示，房地产市场
# 调整“仍在进行中”; 谷爱凌说，自己“从来不给自己设限”).
_REPORTED_CLAUSE = re.compile(r"[，,][^，,。：:“”「」□]{0,16}")
# A passive marker in the clause before a verb (被媒体形容为, 遭对手指责).
# Nouns that start with 被 (被告人, 被害人, 被执行人) are people, not passives.
_PASSIVE = re.compile(r"[被遭](?!告|害|执行|保险|访|捕|调查)[^，,。！？；：:的]{0,5}$")
# The longest object that may stand between a verb and a quote without a colon.
_OBJECT_MAX = 12
# Adverbs and time words between subject and verb, removed before a bare name is trusted.
_ADVERBS = re.compile(
    r"(?:曾经|曾|也|还|又|都|多次|一再|再次|反复|明确|形象地|形象|深刻|深情|亲切|动情|郑重|"
    r"特别|着重|进一步|专门|十分|随后|当即|同时|仍然|仍|这样|如此|这么|却|则|更是)+$"
)


def _surname_before(text: str, at: int) -> bool:
    """``text[at]`` stands as a surname before an honorific: a common surname, and not the
    last character of a word (食堂|阿姨, 门卫|大爷, 警察|叔叔 are roles, not 堂, 卫, 察)
    unless the character before belongs to a word of its own (业主|张先生, not 主张)."""
    if text[at : at + 1] not in SURNAMES:
        return False
    if at == 0 or not ordinary_word(text[at - 1 : at + 1]):
        return True
    # 业主|张: 业主 is a word, 主张 an accident; but 班主任 is a word ending in the character.
    return at >= 2 and ordinary_word(text[at - 2 : at]) and not ordinary_word(text[at - 2 : at + 1])


# Kinship words jieba's dictionary tags as names: a relation, not who it is (农民伯伯说).
_KIN = frozenset(
    [
        "伯伯",
        "叔叔",
        "阿姨",
        "爷爷",
        "奶奶",
        "姥姥",
        "姥爷",
        "外婆",
        "外公",
        "大爷",
        "大妈",
        "大娘",
        "大婶",
        "妈妈",
        "爸爸",
        "哥哥",
        "姐姐",
        "弟弟",
        "妹妹",
        "大伯",
        "大姐",
        "大哥",
        "老伴",
        "婆婆",
        "公公",
    ]
)
_LEADING_TIME = re.compile(
    r"^(?:\d{2,4}年|次年|当年|同年|去年|今年|明年)?(?:\d{1,2}月)?(?:\d{1,2}日)?"
    r"(?:上午|下午|晚间|当天)?"
)
# Prepositions and particles that make a clause a predicate (书记在参加代表团审议时), not a name.
_NOT_A_NAME = re.compile(r"[在时向对到从把被给和与的了着过将]")
# One-word organs that speak (法院认为, 公安部说, 美方强调), but not collectives that merely
# end like one (村干部, 当局 and 美国当局, 双方, 对方, 各方, 官方): who they are is not said.
_ORGAN_SUFFIX = re.compile(r"(?<!干)(?<!当)(?<!双)(?<!对)(?<!各)(?<!官)[部院委局厅办署方]$")
_PRONOUN = re.compile(r"(?<![其吉])[他她](?![们人])")
# A document title, without a gloss in brackets (《塔木德（talmud）》 -> 塔木德).
_DOCUMENT = re.compile(r"《([^》（(]{2,30})(?:[（(][^》]*)?》")
# An organ speaks like a person (中央经济工作会议强调). Its name is the Han run before one of
# these endings, cut at words that introduce it (召开的, 在, dates).
_ORGAN_END = re.compile(r"(?:会议|全会|委员会|常委会|国务院|党中央|政治局|政府|办公厅|新闻办)")
# Organs whose ending is their whole name (国务院, not 会议).
_WHOLE_ORGANS = frozenset({"国务院", "党中央", "政治局"})
_ORGAN_STOP = re.compile(rf"^.*(?:[^{_HAN}]|召开的|举行的|的|在|据|于)")
_TITLES_RE = "|".join(TITLES)
# A title right after an organ's name makes the organ part of a person's post.
_POST = re.compile(rf"副?(?:{_TITLES_RE})")
# Words that qualify a title instead of naming its holder (新任会长陈国庆, 该负责人).
_MODIFIER = re.compile(r"新任|前任|现任|时任|首任|原|该|这|那|副|各|多位|有关")
_TITLED = re.compile(rf"(?:^|(?<=[。！？\n，,：:、\s]))([{_HAN}]{{2,3}}?)(?:{_TITLES_RE})")

# Syllables of transliterated (Uyghur, Western) names. A name's middle dot is often mangled
# into ? or • on scraped pages (亚森江?热合曼), or printed as a hyphen (托托-沃尔夫); a mark
# between two of these syllables is read as that dot, while 为什么?因为 or 好吗?他 keep their
# question mark.
_TRANSLIT = TRANSLITERATION
_NAME_DOT = re.compile(r"[?？•・‧∙\-－]")
_SYLLABLE = f"[{''.join(sorted(_TRANSLIT))}]{{1,8}}"
# Not after 年: 年代·毛泽东 is a decade before a name, not 代·毛泽.
_DOTTED_NAME = re.compile(f"(?<!年){_SYLLABLE}(?:·{_SYLLABLE})+")
# Prepositions of place, addressee or company that stand between a speaker and the verb.
_WHERE_TO_WHOM = frozenset("在对向跟和与同给朝于") | {"当着", "面对"}
# Words that turn a clause to whom the words are for (问, 告诉, 对, 向…; see _ADDRESSING).
_TO_WHOM = "问|告诉|对|向|给|冲|朝"
# Words that open an adverbial after the subject: place, addressee, or topic (就此事表示).
_ADVERBIAL_START = _WHERE_TO_WHOM | {"就"}
# Last words of a clause that says when somebody spoke (朱旭接受采访时).
_WHEN = frozenset({"时", "时候", "之后", "后", "之际"})
# Characters that do not occur in a given name right after a surname (记者了解, 民警王说).
_NOT_GIVEN = "们的了在是和与对向从把被给也都还又就说讲称表他她这那等"
_ROLE_NAME = re.compile(
    rf"[{ROLE_END}]((?:[老小阿][{''.join(sorted(SURNAMES))}])"  # 外卖骑手小刘
    rf"|[{''.join(sorted(SURNAMES))}][^{_NOT_GIVEN}\W\dA-Za-z]{{1,2}})$"
)
# A transliterated name right after a role word (遇难者家属里欧): jieba takes it for a place.
_ROLE_FOREIGN = re.compile(rf"(?:[{ROLE_END}]|家属|亲属)([{''.join(sorted(_TRANSLIT))}]{{2,5}})$")
# A name in Latin letters before a speech verb (巡警montiel说, 分析师Tom Lee表示). Job
# abbreviations (CEO) are roles, not names.
# A title followed by two to four Han characters that end the clause (参谋长皋古卫).
_TITLE_THEN_NAME = re.compile(rf"(?:{_TITLES_RE})([{_HAN}]{{2,4}})$")
_LATIN_NAME = re.compile(r"([A-Za-z][A-Za-z'.\- ]{1,40}[A-Za-z])\s*$")
_LATIN_ROLES = frozenset({"ceo", "cfo", "cto", "coo", "vp", "app"})

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
    kind: str
    marked: bool
    closed: bool
    inner: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class _Span:
    """A located quote before attribution: content ``[start, end)``, marks around it."""

    open: int
    start: int
    end: int
    after: int
    closed: bool
    marked: bool
    inner: tuple[tuple[int, int], ...] = ()


# --------------------------------------------------------------------------- finding quotes


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


def _lost_end(text: str, content: int, stop: int, at_line_end: bool) -> int:
    """End of an unclosed quote's content (see the module doc for the order of evidence)."""
    terms = [i for i in range(content, stop) if text[i] in _TERMINATORS]
    for i in terms:
        if looks_like_mojibake(text, i + 1):
            return i + 1
    if at_line_end or not terms:
        end = stop
        while end > content and text[end - 1].isspace():
            end -= 1
        return end
    return terms[0] + 1


def _match(text: str, opened: int, end: int) -> _Span:
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
            return _Span(opened, opened + 1, i, i + 1, True, True, tuple(sorted(inner)))
        elif ch == opener and not stack:
            break
        elif ch in PAIRS:
            stack.append((ch, i))
        i += 1
    at_line_end = i >= end or text[i] == "\n"
    stop = _lost_end(text, opened + 1, i, at_line_end)
    kept = tuple(sorted(s for s in inner if s[1] <= stop))
    return _Span(opened, opened + 1, stop, stop, False, True, kept)


def _marked_spans(text: str, start: int, end: int) -> list[_Span]:
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


def _unmarked_spans(text: str, start: int, end: int) -> list[tuple[_Span, int]]:
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
        if not _VERB.search(to_simplified(credit.rstrip("。:：,， "))[-6:]):
            continue
        body = text[a:b]
        if body[0] in PAIRS or (body[0] == "【" and body[-1] == "】") or len(body) < 8:
            continue
        found.append((_Span(a, a, b, b, True, False), c))
    return found


# ------------------------------------------------------------------------------ clean view


@dataclass(frozen=True)
class _View:
    """Simplified, gloss-free text with quoted contents masked; ``pos`` maps back."""

    text: str
    pos: list[int]

    def at(self, original: int) -> int:
        """Index in the view of the first character at or after ``original``."""
        return bisect.bisect_left(self.pos, original)


def _clean_view(text: str, spans: list[_Span]) -> _View:
    simp = to_simplified(text)
    if len(simp) != len(text):
        simp = "".join(c if len(c) == 1 else o for o, c in ((o, to_simplified(o)) for o in text))
    drop = bytearray(len(text))
    for m in _GLOSS.finditer(text):
        drop[m.start() : m.end()] = b"\1" * (m.end() - m.start())
    masked = list(simp)
    for m in _NAME_DOT.finditer(simp):
        i = m.start()
        if 0 < i < len(simp) - 1 and simp[i - 1] in _TRANSLIT and simp[i + 1] in _TRANSLIT:
            masked[i] = "·"
    for s in spans:
        if s.marked:
            masked[s.start : s.end] = _MASK * (s.end - s.start)
    keep = [i for i in range(len(text)) if not drop[i]]
    return _View("".join(masked[i] for i in keep), keep)


# ----------------------------------------------------------------------------- attribution


@dataclass(frozen=True)
class _Who:
    speaker: str | None = None
    verb: str | None = None
    via: str | None = None


def _sentence_start(view: str, pos: int) -> int:
    """Start of the narration sentence containing ``pos`` (quoted contents are masked)."""
    i = pos - 1
    while i >= 0 and view[i] not in _BOUNDARIES and pos - i < 300:
        i -= 1
    return i + 1


# Two finds of one name this close together are one mention (县委书记|王立强).
_SAME_MENTION = 6


def _people(view: str, start: int, end: int, speakers: Speakers) -> list[tuple[int, str]]:
    """People named in ``view[start:end]`` as (position, canonical name), in text order.

    A titled name (马一德教授, 县委书记王立强), a surname with an honorific (报警人刘女士), the
    last part of a transliterated name given in full before (塔拉 after 瓦米斯·塔拉), a
    name jieba recognises (陈杨阳), one the page's own frames show (魏国芬告诉记者, see
    :func:`dedup.names.cued_names`), or one the alias table knows (习近平); quoted contents
    are masked, so people inside quotes do not count. A familiar form (老王) resolves to the
    person named before it with that surname.
    """
    window = view[start:end]
    found = [(m.start(), _titled_name(window, m, speakers)) for m in _TITLED.finditer(window)]
    offset = 0
    tokens = _tokens(window)
    repeated = page_names(view)
    for i, (word, flag) in enumerate(tokens):
        # jieba glues 说 to a surname (小陈说 -> 小|陈说): no name ends in a speech verb.
        if _is_name_token((word, flag)) and word[-1] not in "说讲" and word not in _KIN:
            name = _untitled(_whole_name(word, tokens[i + 1 : i + 3]))
            longer = window[offset : offset + len(name) + 1]
            found.append((offset, longer if longer in repeated else name))  # 叶皓|轩 ×20
        offset += len(word)
    for surname, full in _family_names(view, end).items():
        found += [(m.start(), full) for m in re.finditer(surname, window)]
    found += [(m.start(), m.group()) for m in _honored(window)]
    cued = _cued(view)
    first = bisect.bisect_left(cued, start, key=_at)
    found += [
        (at - start, name) for at, name in cued[first : bisect.bisect_left(cued, end, key=_at)]
    ]
    found += [(m.start, m.name) for m in speakers.mentions(window) if not m.title]
    out: list[tuple[int, str]] = []
    for at, name in sorted((f for f in found if f[1]), key=lambda f: f[0]):
        name = speakers.canonical(_full_name(view, start + at, name), [n for _, n in out])
        if out and out[-1][1] == name and start + at - out[-1][0] <= _SAME_MENTION:
            continue  # one mention found twice (县委书记王立强 by its title and by jieba)
        out.append((start + at, name))
    return out


@functools.lru_cache(maxsize=16)
def _cued(view: str) -> tuple[tuple[int, str], ...]:
    """(start, name) of every occurrence of the names the page's frames show
    (:func:`dedup.names.cued_names`), in text order."""
    return tuple(sorted((at, name) for name in cued_names(view) for at in occurrences(view, name)))


@functools.lru_cache(maxsize=16)
def _dotted(view: str) -> tuple[tuple[int, str, str], ...]:
    """(end, last part, full name) of every transliterated full name on the page, once."""
    out = []
    for m in _DOTTED_NAME.finditer(view):
        last = m.group().rsplit("·", 1)[1]
        if len(last) >= 2:
            out.append((m.end(), last, m.group()))
    return tuple(out)


def _family_names(view: str, end: int) -> dict[str, str]:
    """Last part of each transliterated full name in ``view[:end]`` -> the full name.

    Reports name a foreigner or Uyghur in full once (瓦米斯·塔拉, 托托-沃尔夫) and by the last
    part afterwards (塔拉说, 沃尔夫表示). jieba knows few of these short forms, and one it
    does know would otherwise become a second speaker; both are the same person.
    """
    return {last: full for stop, last, full in _dotted(view) if stop <= end}


def _full_name(view: str, pos: int, name: str) -> str:
    """``name`` as its full transliterated form if it is the last part of one named before
    ``pos`` (see :func:`_family_names`); otherwise ``name`` unchanged."""
    return _family_names(view, pos).get(name, name)


# Words that put a person beside the subject, not in its place (他正和邻居王德福下棋, 刘芳带着
# 儿子张小宝): a later 他/她 goes back past that person to the subject. Not 同 in 同事 or
# 与 in 参与: 他的同事李明 is a person of their own.
_COMPANION = re.compile(
    r"(?:和|(?<![参])与(?!会)|(?<![共陪])同(?![事学乡伴行志龄])|跟|带着|陪着|领着)"
    r"([^，,。！？；\s]{0,4})$"
)
# A spouse of the pronoun's gender is the one the pronoun means: the subject is the other.
_SPOUSE = {"她": ("妻子", "爱人", "老婆", "未婚妻"), "他": ("丈夫", "老公", "未婚夫")}


def _last_person(view: str, pos: int, speakers: Speakers) -> str | None:
    """What the 他/她 at ``pos`` means: the most recent person named in the 300 characters
    before it who is not only someone's companion, unless the companion is a spouse of the
    pronoun's gender (王建国和妻子刘梅来到现场。她说 -> 刘梅)."""
    people = _people(view, max(0, pos - 300), pos, speakers)
    spouse = _SPOUSE.get(view[pos : pos + 1], ())
    for at, name in reversed(people):
        beside = _COMPANION.search(view, max(0, at - 8), at)
        if beside is None or (spouse and beside.group(1).endswith(spouse)):
            return name
    return people[-1][1] if people else None


@functools.lru_cache(maxsize=16)
def _named(view: str, speakers: Speakers) -> tuple[tuple[int, str], ...]:
    """(end, canonical name) of every person the alias table names on the page, once."""
    return tuple((m.end, m.name) for m in speakers.mentions(view) if not m.title)


def _named_before(view: str, pos: int, speakers: Speakers) -> list[str]:
    """Canonical people named (not merely titled) before ``pos``, in order of appearance."""
    named = _named(view, speakers)
    return [name for _, name in named[: bisect.bisect_right(named, pos, key=_end)]]


def _end(mention: tuple[int, str]) -> int:
    return mention[0]


def _first_mention(part: str, offset: int, view: str, speakers: Speakers) -> str | None:
    """Speaker of the earliest mention in a clause part, or None if it names nobody."""
    candidates: list[tuple[int, str | None]] = []
    named = _named_before(view, offset, speakers)
    for m in speakers.mentions(part):
        name = speakers.canonical(m.name, named) if m.title else m.name
        # An unresolved bare title (书记 with nobody named) is no speaker: grouping every
        # "书记" across unrelated articles would invent echoes.
        candidates.append((m.start, None if speakers.is_title(name) else name))
    for m in _PRONOUN.finditer(part):
        # A pronoun right after a closing mark opens a new clause (…：“…。”他还补充说):
        # only the words after the last quote count.
        lead = _AFTER_QUOTE.split(part[: m.start()])[-1].strip()
        lead = lead[len(_CLAUSE_LEAD.match(lead).group()) :]  # 可他却说: a conjunction first
        if part.startswith("的", m.end()):
            continue  # 她的丈夫刘军曾说过: the owner is not the speaker
        if _ADVERBS.sub("", _LEADING_TIME.sub("", lead)):
            continue  # 看着他笑: a pronoun after other words is an object, not the speaker
        candidates.append((m.start(), _last_person(view, offset + m.start(), speakers)))
    for m in _honored(part):
        # 杨爷爷找到她说: a surname with an honorific opening the clause (not 对王先生说).
        lead = part[: m.start()].strip()
        if _ADVERBS.sub("", _LEADING_TIME.sub("", lead)) or part.startswith("的", m.end()):
            continue  # 对王先生说 speaks to, 张女士的婆婆说 is someone else
        candidates.append((m.start(), m.group()))
    repeated = _page_subject(part, view)
    if repeated:  # 秦蘋最后表示: jieba cuts the name the page keeps printing
        at = part.index(repeated)
        candidates.append((at, _later_reference(view, offset + at, repeated, speakers)))
    for m in _DOCUMENT.finditer(part):
        if not _WRITTEN_IN.search(part, max(0, m.start() - 4), m.end() + 3):
            candidates.append((m.start(), m.group(1)))  # not 在上述《提案》中: the issuer speaks
    for surname, full in _family_names(view, offset + len(part)).items():
        candidates += [(m.start(), full) for m in re.finditer(surname, part)]
    for m in _ORGAN_END.finditer(part):
        if _POST.match(part, m.end()):
            continue  # 专家委员会副主任顾云昌: the organ only says where the person serves
        head = _LEADING_TIME.sub("", _ORGAN_STOP.sub("", part[max(0, m.start() - 10) : m.start()]))
        whole = m.group() in _WHOLE_ORGANS and not re.match(f"[{_HAN}]", part[m.end() :])
        named = _named_part(head + m.group()) if len(head) >= 2 else ""
        if len(named) > len(m.group()) or (not head and whole):  # 次年|国务院, not 这个会议
            candidates.append((m.end() - len(named or m.group()), named or m.group()))
    for m in _TITLED.finditer(part):
        name = _titled_name(part, m, speakers)
        if name:
            candidates.append((m.start(1), name))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


# Further titles joined to a first one (董事长兼总裁, 主任、首席专家).
_JOINED_TITLES = re.compile(rf"^(?:(?:兼|、)[{_HAN}]{{0,6}}?(?:{_TITLES_RE}))+")


def _titled_name(part: str, m: re.Match[str], speakers: Speakers) -> str | None:
    """The person a ``words+title`` match names, or None if it names nobody.

    Titles come before names as often as after them: in 县委书记王立强 the words before
    书记 are the county, and the person is the name right after the title. Before a title
    the words must be a person jieba recognises (马一德教授) or a known alias; 市民袁先生
    names 袁先生 (surname + honorific), never 市民袁; 对于魏 or 在该 name nobody.
    """
    if part.startswith("的", m.end()):  # 张女士的婆婆: the speaker is someone else
        return None
    # 比亚迪董事长兼总裁王传福: the name follows the last of the joined titles.
    after = _leading_person(_JOINED_TITLES.sub("", part[m.end() :], count=1))
    if after:
        return speakers.canonical(after)
    words, title = m.group(1), m.group()[len(m.group(1)) :]
    if _MODIFIER.match(words):
        return None
    if title in HONORIFICS:
        return words[-1] + title if _surname_before(words, len(words) - 1) else None
    if speakers.canonical(words) != words or _is_person(words):
        return speakers.canonical(words)
    return None


@functools.lru_cache(maxsize=4096)
def _tokens(words: str) -> tuple[tuple[str, str], ...]:
    """jieba's (word, part of speech) tokens; cached, as clauses recur across quotes.

    jieba cuts names it does not know into pieces, and they are joined back into one name:
    name-tagged pieces (金|麦克, 努尔|妮萨) and a surname before a given name it tagged alone
    (黄|恩泽) or as a place (王|德顺). A transliterated name with a middle dot (亚森江·热合曼)
    is taken whole before jieba sees it, as jieba would cut it across the following verb
    (赛买|提是). A place jieba glued in front of a name is split off again (二村|罗林生),
    and so is a middle dot jieba put in front of one (年代|·|毛泽东).
    """
    import jieba.posseg

    out: list[tuple[str, str]] = []
    at = 0
    for m in [*_DOTTED_NAME.finditer(words), None]:
        for t in jieba.posseg.lcut(words[at : m.start() if m else len(words)]):
            word = t.word
            if word.startswith("·") and len(word) > 2:  # 年代|·毛泽东: the dot opens no name
                out.append(("·", "x"))
                word = word[1:]
            if out and _continues_name(out[-1], (word, t.flag)):
                out[-1] = (out[-1][0] + word, "nr")
            else:
                out.append((word, t.flag))
        if m:
            out.append((m.group(), "nr"))
            at = m.end()
    return tuple(_unplaced(out))


def _unplaced(tokens: Sequence[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Tokens with a place split off the name it was glued to (东二村罗林生 -> 二村|罗林生)."""
    for word, flag in tokens:
        placed = _PLACE_THEN_NAME.match(word) if flag.startswith("nr") else None
        if placed:
            yield placed.group(1), "ns"
            yield placed.group(2), "nr"
        else:
            yield word, flag


# A place glued in front of a Chinese name in one jieba token (二村罗林生).
_PLACE_THEN_NAME = re.compile(rf"^(.+?[村镇乡县区市省])([{''.join(sorted(SURNAMES))}].{{1,2}})$")
# What jieba tags a character it cannot place (佩 zg, ...).
_UNKNOWN = frozenset({"zg", "x", "g"})
# Parts of speech a piece of a transliterated name may get from jieba (雨果 nr, 波特 ns).
_NAME_PIECE = ("nr", "ns", "nz", "j")
# Longest given part after the middle dot, in characters (卡波特, 雨果, 赛买提).
_AFTER_DOT_MAX = 4


def _continues_name(last: tuple[str, str], token: tuple[str, str]) -> bool:
    """``token`` is the next piece of the name ``last`` began (see :func:`_tokens`).

    A middle dot after a name continues it, and so do the name-like pieces after the dot,
    up to ``_AFTER_DOT_MAX`` characters (维克多|·|雨果, 杜鲁门|·|卡|波特): transliterated
    names whose syllables ``_DOTTED_NAME`` does not list are still one person.
    """
    (prev, prev_flag), (word, flag) = last, token
    if flag.startswith("nr") and prev in _TRANSLIT and prev_flag in _UNKNOWN:
        return True  # 佩|斯科夫: jieba leaves the first syllable of a foreign name alone
    if prev_flag.startswith("nr") and word == "·" and "·" not in prev:
        return True
    if "·" in prev and re.fullmatch(f"[{_HAN}]+", word):
        after_dot = prev.rsplit("·", 1)[1]
        # The first piece may be any noun (雨果 is one to jieba); later ones must be name-like,
        # or 维克多·雨果小说 would swallow the novel.
        fits = flag.startswith(_NAME_PIECE) or (not after_dot and flag.startswith("n"))
        return fits and len(after_dot + word) <= _AFTER_DOT_MAX
    if flag.startswith("nr") and (prev_flag.startswith("nr") or prev in SURNAMES):
        return True
    return prev in SURNAMES and prev_flag == "nr" and flag == "ns" and len(word) <= 2


def _is_person(word: str) -> bool:
    """jieba reads ``word`` as one personal name (王运昌, 秦某)."""
    tokens = _tokens(word)
    return len(tokens) == 1 and _tagged_name(tokens[0])


def _tagged_name(token: tuple[str, str]) -> bool:
    """jieba tags ``token`` as a personal name of two characters or more, whatever it is
    (see :func:`_is_name_token` for the words that tag is wrong about)."""
    return token[1].startswith("nr") and len(token[0]) >= 2


# How many characters at most :func:`_leading_person` looks at (a name and what follows it).
_NAME_SPAN = 24


def _leading_person(words: str) -> str | None:
    """The personal name ``words`` starts with (王立强 in 王立强在会上), if any.

    Only the first ``_NAME_SPAN`` characters are cut: a name is short, and cutting the whole
    rest of a long page for every title on it made attribution quadratic. jieba often cuts a
    transliterated or rare name short; see :func:`_whole_name`.
    """
    tokens = _tokens(words[:_NAME_SPAN]) if words else ()
    if len(tokens) >= 2 and _syllable(tokens[0]) and _is_name_token(tokens[1]):
        return _whole_name(tokens[0][0] + tokens[1][0], tokens[2:])  # 古|特雷斯, 朔|尔茨
    if tokens and _is_name_token(tokens[0]):
        return _whole_name(tokens[0][0], tokens[1:])
    return None


def _untitled(name: str) -> str:
    """``name`` without a title jieba glued onto its front (顾问孙倩 -> 孙倩)."""
    for title in TITLES:  # longest first
        rest = name.removeprefix(title)
        if rest != name and len(rest) in (2, 3) and rest[0] in _NAME_SURNAMES:
            return rest
    return name


def _is_name_token(token: tuple[str, str]) -> bool:
    """jieba tags ``token`` as a personal name, and it is not a place or department it
    mistook for one (江城市; 呼吸科: no surname, an organisation's ending)."""
    if not _tagged_name(token):
        return False
    word, flag = token
    department = word[0] not in SURNAMES and word[-1] in _ORGANISATION_END
    place = len(word) == 3 and word[-1] in "市省县区镇乡村州街路巷"
    surnamed = word.endswith("姓")  # 唐姓负责人: someone surnamed 唐, not named
    # 小曹向中介缴纳 -> 曹向, 企业和台青 -> 和台青: a preposition or conjunction glued on.
    glued = (len(word) == 2 and word[1] in _NOT_GIVEN) or word[0] in _JOINING
    if department or place or surnamed or glued:
        return False
    if not listed(word):
        return True  # a name jieba's model guessed from the context (王立强, 广琛)
    # jieba's dictionary tags some 70,000 words as names, ordinary ones among them (美颜,
    # 应答器, 高速行驶): a Chinese name opens with a surname and is at most three characters
    # long; any other name is a transliteration, syllables throughout (特朗普), one excepted
    # in a long name (not 维修费, 维|修|费). Words that open with a surname character (顾客,
    # 卫星) still pass: only context tells them.
    chinese = (
        (word[0] in _NAME_SURNAMES and len(word) <= 3)
        or (word[:2] in _COMPOUND_SURNAMES and len(word) <= 4)
        or FAMILIAR.fullmatch(word)
    )
    foreign = sum(ch in _TRANSLIT or ch == "·" for ch in word) >= len(word) - (len(word) >= 4)
    return bool(chinese) or foreign


# Two-character surnames (欧阳修, 公孙敖, 诸葛亮).
_COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "公孙",
        "慕容",
        "东方",
        "皇甫",
        "尉迟",
        "令狐",
        "夏侯",
        "长孙",
        "宇文",
        "司徒",
        "端木",
        "申屠",
        "独孤",
    ]
)
# Prepositions and conjunctions that no name starts with.
_JOINING = frozenset("和与对在把被给从据及")
# Surnames that open a name jieba knows: the common ones, and rarer ones that
# :data:`SURNAMES` leaves out because they also start ordinary phrases (于是, 常常).
_NAME_SURNAMES = SURNAMES | frozenset("于常申关辛房宫费项景党单吉古车华")
# Parts of speech of a lone character jieba cut off a name (马克|龙, 古|特雷斯, 李家|豪).
_SYLLABLE_FLAGS = frozenset({"a", "ag", "b", "j", "n", "ng", "nr", "nrt", "zg"})
# Characters that follow a name without belonging to it (陈建国|家, 张立华|时, 王德顺|问,
# 育德|街).
_AFTER_NAME = frozenset(_NOT_GIVEN) | frozenset("家方处某氏一时问曾后前里上下中街路巷市县区镇乡村")


def _syllable(token: tuple[str, str]) -> bool:
    word, flag = token
    return len(word) == 1 and flag in _SYLLABLE_FLAGS and word not in _AFTER_NAME


def _whole_name(name: str, rest: Sequence[tuple[str, str]]) -> str:
    """``name`` with the syllable jieba left behind it: 马克|龙|在 -> 马克龙, 李家|豪|和 ->
    李家豪, and 斯塔|默在 -> 斯塔默 where jieba glued the syllable to the next word (a
    piece that is no dictionary word and ends in 在, 说, 和…); 刘主|任 is 刘主任."""
    if not rest:
        return name
    word = rest[0][0]
    if len(name) == 2 and name[1] + word[:1] in TITLES:
        return name + word[0]  # 刘主|任: a surname and a post (刘主任), as 王局长 is
    if _syllable(rest[0]) and (len(rest) == 1 or rest[1][1] in _BOUNDARY_FLAGS):
        return name + word
    glued = len(word) == 2 and word[1] in _NOT_GIVEN and word[0] not in _AFTER_NAME
    return name + word[0] if glued and not ordinary_word(word) else name


# What may follow a name: a preposition, verb, time or place word, adverb or punctuation.
_BOUNDARY_FLAGS = frozenset({"p", "v", "vn", "t", "f", "d", "c", "x", "uj", "ul", "r"})


_MANNER_MAX = 6


def _manner_start(tokens: Sequence[tuple[str, str]]) -> int | None:
    """Index after the person that a trailing ``…地`` phrase describes, if any."""
    if not tokens or tokens[-1][0] != "地":
        return None
    for i in range(len(tokens) - 2, max(-1, len(tokens) - 2 - _MANNER_MAX), -1):
        word, flag = tokens[i]
        if word == "的" or flag == "p":
            return None
        if flag.startswith("nr") or word in HONORIFICS:
            return i + 1
    return None


def _trim_manner(tokens: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Tokens without the trailing manner words between subject and verb.

    ``X激动地说``, ``X泣不成声地说``, ``X仍后怕地说``, ``X总是笑呵呵的说``: a word + 地/的
    and adverbs (仍, 总是) stand between the speaker and the verb. A longer manner phrase
    ending in 地 (刘女士却一脸苦笑地说) goes back to the person it describes, if one stands
    within ``_MANNER_MAX`` tokens with no 的 or preposition in between.
    """
    out = list(tokens)
    while out:
        start = _manner_start(out)
        if start is not None:
            del out[start:]
        elif out[-1][0] in ("地", "的") and len(out) >= 2:
            del out[-2:]
        elif out[-1][1] in ("d", "c"):
            del out[-1]
        elif len(out) >= 2 and out[-1][1] == "uz" and out[-2][1].startswith("v"):
            del out[-2:]  # 刘建军笑着说
        elif len(out) >= 3 and out[-2][1] == "uz" and out[-3][1].startswith("v"):
            del out[-3:]  # 陈永福红着眼眶说
        elif len(out) >= 2 and out[-1][1].startswith("v") and _is_name_token(out[-2]):
            del out[-1]  # 张明分析认为, 王立强回忆说: a verb before the speech verb (not 窦|希望)
        else:
            break
    return out


def _manner_only(words: str) -> bool:
    """``words`` say only how someone speaks (笑着, 哽咽着, 高兴地, 又): no subject in them.

    Not 有的 (有的叫道 is "some of them called"), though 的 may mark manner after a name.
    """
    tokens = _tokens(words.strip())
    how = words.strip().endswith(("着", "地")) or all(flag == "d" for _, flag in tokens)
    return bool(tokens) and how and not _trim_manner(tokens)


def _person_at_end(words: str) -> str | None:
    """The person a clause ends with: 邻居王运昌, 执行庭庭长田丰, 35岁的法官邵智峰, 市民袁先生.

    Only when nothing between the name and the last 的 before it is a preposition: in
    李明对王强 or 对于魏女士 the name at the end is the one spoken to or about, not the
    speaker, while 与林为伴的李龙忠 is a description of the speaker. Four more shapes name
    a person jieba does not: a title after the name (教育局李俊副局长), a surname right after
    a role word (游客刘新河), a name-like word right after a title (副主任格伦特, 参谋长皋古卫,
    see :func:`_unknown_name`), a name in Latin letters (巡警montiel), and a surname with a
    given name jieba does not know (周鸿祎, see :func:`_surname_name`).
    """
    cut = _tokens(words)
    if cut and cut[-1][1] == "d" and len(cut[-1][0]) == 2:
        # 副院长何|立新: jieba read the given name as an adverb, which trimming would drop.
        role = _ROLE_NAME.search(words)
        if role and len(role.group(1)) == 3:
            return role.group(1)
    tokens = _trim_manner(cut)
    own = tokens[max((i + 1 for i, t in enumerate(tokens) if t[0] == "的"), default=0) :]
    if len(own) >= 2 and own[-2][0] in TITLES and _is_name_token(own[-1]):
        return _untitled(own[-1][0])  # 新闻与传播学院教授|李明: a title names who follows
    # A preposition before the end makes the name its object (李明对王强), unless it is a
    # surname right after a title (经理|于|军军).
    if not own or any(
        flag == "p" and not (word in _NAME_SURNAMES and i and own[i - 1][0] in TITLES)
        for i, (word, flag) in enumerate(own[:-1])
    ):
        return None
    word, flag = tokens[-1]
    if word in HONORIFICS and len(tokens) >= 2:
        before = "".join(w for w, _ in tokens[:-1])
        if _surname_before(before, len(before) - 1):  # 市民|袁先生, 业|主张|先生
            return before[-1] + word
        return None
    if word.removeprefix("副") in TITLES and len(tokens) >= 2:
        word, flag = tokens[-2]
    if _is_name_token((word, flag)) and word not in _KIN:
        return _untitled(word)
    text = "".join(w for w, _ in tokens)
    role = _ROLE_NAME.search(text) or _ROLE_FOREIGN.search(text)
    if role and not ordinary_word(role.group(1)) and role.group(1) not in _KIN:  # 农民伯伯
        return role.group(1)
    titled = _TITLE_THEN_NAME.search(text)
    if titled and (_unknown_name(titled.group(1)) or _surnamed(titled.group(1))):
        return titled.group(1)  # 副主任格伦特, 合作社经理于军军
    latin = _LATIN_NAME.search(text)
    if latin and latin.group(1).lower() not in _LATIN_ROLES:
        return latin.group(1)
    return text if _surname_name(text) else None


def _person_before_adverbial(words: str) -> str | None:
    """The person or organ who opens a clause followed by an adverbial: the subject.

    In 王立强在会上说, 马某跟办案民警说 or 洛克菲勒在给儿子的信中写到 the verb's subject is
    the name before the preposition; the phrase only says where, when or to whom (not 按照 or
    根据: in 张滩镇按照上级的统一部署 the "verb" is the preposition's object). The name may
    carry titles (副主任顾云昌对财联社) or be an organ (中国外交部此前就此事, 食药监总局在专题
    辟谣中), with time words and adverbs before the preposition; before 在声明中 (or 公告,
    通报…) any short name is the issuer (欢瑞世纪在声明中表示). Likewise
    in 事后朱旭接受采访时 the clause ending in 时/后 says when the person spoke (a time word
    before the name is skipped).
    """
    tokens = list(_tokens(words))
    while tokens and tokens[0][1] == "t":
        del tokens[0]
    if len(tokens) < 2:
        return None
    if _tagged_name(tokens[0]) and tokens[-1][0] in _WHEN:
        return tokens[0][0]
    if tokens[-1][0] in _WHEN:  # 分析师付亮|接受中新网记者采访时: the name before the verb,
        # not one after a preposition or a first verb (王强在看到李明摔倒时: 李明 is seen)
        for i, token in enumerate(tokens[:-1]):
            if token[0] in _ADVERBIAL_START or (token[1] == "v" and i):
                break
            if _is_name_token(token) and tokens[i + 1][1] == "v":
                return _untitled(_whole_name(token[0], tokens[i + 1 : i + 3]))
    # With no preposition, the whole clause is the head (杨秀玲近日, 宋元明22日).
    at = next((i for i, (word, _) in enumerate(tokens) if word in _ADVERBIAL_START), len(tokens))
    head = tokens[:at]
    whole = "".join(word for word, _ in head)  # 副院长何|立新: an "adverb" may end the name
    # 中国外交部此前就…, 佩斯科夫25日在…: time words, dates and adverbs
    while head and (head[-1][1] in ("t", "d", "ad") or _DATE_PIECE.fullmatch(head[-1][0])):
        head.pop()  # 欧盟直接明确|指出: 直接 and 明确 are adverbials ("ad")
    if not head:
        return None
    text = "".join(word for word, _ in head)
    adverbial = "".join(word for word, _ in tokens[at:])
    if (
        _ISSUED.match(adverbial)
        and re.fullmatch(rf"[{_HAN}]{{2,16}}", text)
        and not _UNNAMED_BODY.match(text)
    ):
        return text  # 欢瑞世纪在声明中表示: whoever issues a statement speaks in it
    if _WRITTEN_IN.match(adverbial):  # 全国工商联在上述《提案》中提出: a named writer
        return _person_at_end(whole) or _organ(head) or (text if _is_proper_noun(text) else None)
    if len(head) == 1:  # a name, or an organ jieba knows (欧盟, 外交部) or spells out
        proper = _tagged_name(head[0]) or head[0][1].startswith(("nt", "j"))
        return head[0][0] if proper else _organ(head)
    return _person_at_end(whole) or _person_at_end(text) or _organ(head)


# A token of a date between a subject and its adverbial (25|日, 3月).
_DATE_PIECE = re.compile(r"\d+|[年月日号]")
# A body the text does not name (该公司, 涉事企业, 公司): it issues words for nobody known.
# Categories of body that name none (公司, 学校): alone, or pointed back to (该公司).
_BARE_BODIES = "公司|企业|集团|学校|学院|大学|医院|银行|单位|俱乐部"
_UNNAMED_BODY = re.compile(rf"^(?:该|这|那|此|涉事|有关|相关|上述|某|(?:{_BARE_BODIES})$)")
# An adverbial naming the issuer's own statement (在声明中, 在其公告中): whoever issued it
# speaks in it, named or not.
_ISSUED = re.compile(r"在(?:其)?(?:声明|公告|通报|致歉信|公开信|回应)中")
# An adverbial naming a document the subject wrote (在上述《提案》中, 在《前言》中): the writer
# speaks, not the document, when the subject names someone (not 多位专家, 作者).
_WRITTEN_IN = re.compile(r"在(?:其|上述|该|这份)?《[^》]{1,30}》(?:一文)?中")


# What the names of companies and media end with (小米集团, 人民日报, 新华社, 央视新闻).
_BODY_WORDS = (
    *("集团", "公司", "日报", "晚报", "时报", "社", "电视台", "银行", "协会"),
    *("学校", "中学", "小学", "大学", "医院", "俱乐部", "天文台", "气象台", "电台"),
)


# jieba's tags of a place's or an organisation's name (武汉, 外交部, 欧盟).
_PLACE_OR_ORGAN = ("ns", "nt", "nz", "j")


def _organ(tokens: Sequence[tuple[str, str]]) -> str | None:
    """The organ ``tokens`` name (中国外交部, 国家食药监总局), or None.

    A name holds nouns and at most one verb (汤阴县检察院公诉科); a run with adverbs,
    pronouns, particles or several verbs is a clause that ends in one (最后希望医护人员能够
    积极响应医院); a conjunction or preposition before it is not part of it (尽管|椰树集团).
    """
    lead = 0
    while lead < len(tokens) - 1 and tokens[lead][1] in ("c", "p"):
        lead += 1
    tokens = tokens[lead:]
    text = "".join(word for word, _ in tokens)
    if not re.fullmatch(rf"[{_HAN}]{{2,16}}", text):
        return None
    clause = sum(flag == "v" for _, flag in tokens) > 1 or any(
        flag in ("d", "ad", "c", "p", "r", "f") or flag.startswith("u") for _, flag in tokens
    )
    if clause or _UNNAMED_BODY.match(text):
        return None
    named = _ORGAN_SUFFIX.search(text) or text.endswith(_BODY_WORDS) or tokens[-1][1] == "nt"
    # 南充市公安局交警支队直属三大队: a unit's ending after a place or organ's name
    # (not 护林员李德|胜站在…: a person's name places no unit)
    placed = text[-1] in _ORGANISATION_END and any(
        flag in _PLACE_OR_ORGAN for _, flag in tokens[:-1]
    )
    return text if named or placed else None


def _is_proper_noun(word: str) -> bool:
    """jieba reads ``word`` as one person, place or organisation name (王彩元, 普京, 省政协)."""
    tokens = _tokens(word)
    return len(tokens) == 1 and tokens[0][1].startswith(("nr", "ns", "nt", "j"))


def _could_be_name(name: str, speakers: Speakers) -> bool:
    """A known speaker, a name jieba recognises, or one starting with a common surname."""
    return speakers.knows(name) or _is_person(name) or name[0] in SURNAMES


# Parts of speech that a personal name never contains: adverbs, conjunctions, prepositions,
# particles, verbs, pronouns, numerals, time and place words, localisers, measures, adjectives.
_NOT_IN_NAME = ("d", "c", "p", "u", "v", "r", "m", "t", "s", "f", "q", "a")


def _unknown_name(name: str) -> bool:
    """``name`` reads as a name jieba does not know (格伦特 -> 格|伦特, 皋古卫 -> 皋古|卫).

    Used right after a title (副主任格伦特, 参谋长皋古卫), where a name is expected: two to
    four Han characters that jieba either tags as a name or cuts into nouns, and never into
    a word such as 当场, 近日 or 朋友就 that says how, when or who in general.
    """
    if not re.fullmatch(rf"[{_HAN}]{{2,4}}", name):
        return False
    tokens = _tokens(name)
    if len(tokens) == 1:
        return tokens[0][1].startswith("nr")
    return not any(flag.startswith(_NOT_IN_NAME) for _, flag in tokens)


def _surnamed(word: str) -> bool:
    """Two or three characters after a title that open with a surname, rarer ones included,
    and go on with no particle and no common word (经理|于军军; not 教授|姚洋在, 经理|王公司)."""
    plain = not set(word[1:]) & set(_NOT_GIVEN)
    return len(word) in (2, 3) and word[0] in _NAME_SURNAMES and plain and not common_word(word[1:])


def _surname_name(word: str) -> bool:
    """Three characters that read as a surname and a given name jieba does not know, with no
    title before them to vouch for it (周|建军, 蒋|万安, 周鸿|祎): what :func:`_surnamed` asks
    after a title, from a common surname only, and the surname stands alone or starts
    jieba's first piece (not 高公司, 高|公司 is a company)."""
    if len(word) != 3 or word[0] not in SURNAMES or not _surnamed(word):
        return False
    first = _tokens(word)[0][0]
    return (first == word[0] or first == word[:2]) and _unknown_name(word)


# An account through which an organ speaks, with its quoted handle (微博“@广州天气”).
_ACCOUNT = re.compile(
    f"(?:在)?(?:官方)?(?:微博|微信公众号|公众号|官网)(?:上)?(?:[“「]?{_MASK}+[”」]?)?"
    r"(?:发布声明|发文|发布)?$"
)


# An organ's publication between it and the verb (发布消息|称, 发布警情通报|称, 通报|称).
_PUBLISHING = re.compile(
    r"(?:发布|发出|披露|印发)?了?(?:[警案]情|情况)?(?:通报|消息|信息|公告|通告|声明|通知|说明)$"
)


def _before_verbs(words: str) -> str:
    """``words`` without the verbs that stand between a subject and its verb of saying
    (张明分析|认为, 法院经审理|认为, 气象局官方微博发文|称)."""
    tokens = list(_tokens(words[-_NAME_SPAN:])) if words else []
    cut = 0
    while len(tokens) > 1 and tokens[-1][1] in ("v", "vn"):
        cut += len(tokens.pop()[0])
    if cut and tokens[-1][0] == "经":
        cut += 1  # 经审理
    return words[: len(words) - cut] if cut else words


def _bare_name(part: str, speakers: Speakers) -> str | None:
    """A clause that is nothing but a name (李鹏说, 据王强介绍, 厂长陈志刚说) names its speaker,
    and so does one that ends in a person (邻居王运昌, 执行庭庭长田丰, 秦某仍后怕地) or opens
    with one before a prepositional phrase (王立强在会上).

    An organ's social-media account speaks for the organ (广州市气象局微博“@广州天气”表示).
    Without a title or an organ ending, jieba must read it as a proper noun: on news text the
    words before 说/认为 are as often 学生, 不要 or 老玩家常 as a name. A familiar form such as
    老王 comes back as printed (:func:`_subject` resolves it).
    """
    core = _ADVERBS.sub("", _LEADING_TIME.sub("", part.strip()))
    core = _ACCOUNT.sub("", _before_verbs(core.removeprefix("据"))).removesuffix("方面")
    published = _PUBLISHING.search(core) is not None
    core = _PUBLISHING.sub("", core) or core  # 国家航天局发布消息称: the publisher speaks
    honorific = core.endswith(tuple(HONORIFICS))  # 新闻学夏同学: the surname is 夏 alone
    if re.fullmatch(rf"[{_HAN}]{{2,16}}", core) and not _NOT_A_NAME.search(core) and not honorific:
        name = speakers.canonical(core)
        # A title removed (厂长陈志刚, 沙瑞金书记) must leave a name, not 朋友就 (老师朋友就):
        # a name before its title is one; after a title it must look like one.
        plausible = core.startswith(name) or _could_be_name(name, speakers) or _unknown_name(name)
        unnamed = re.match(r"(?:该|这|那|此|有关|相关|上述)", name) or name.endswith(
            ("相关", "有关")
        )
        if name != core and len(name) <= 4 and plausible and not unnamed:
            return name
        if (len(core) <= 8 and _ORGAN_SUFFIX.search(core)) or _is_proper_noun(core):
            return name
        organ = _organ(_tokens(core)) if published or len(core) <= 10 else None
        if organ:
            return organ  # 香港天文台表示, 临江市公安局东城分局发布警情通报称
        if FAMILIAR.match(core) or _surname_name(core):  # 小陈说, 周鸿祎说: jieba cuts them
            return name
    person = (_person_at_end(core) or _person_before_adverbial(core)) if core else None
    return speakers.canonical(person) if person else None


# A comma-separated part of a sentence.
_CLAUSE_PART = re.compile(r"[^，,]+")


# An organisation speaking through an unnamed official (白云边检站有关负责人介绍：),
# the official alone (负责人说 / 该负责人表示), and what an organisation's name ends with.
_ROLE = r"(?:负责人|发言人|工作人员|高管|官员)"
_SPOKESPERSON = re.compile(
    rf"(?P<organ>[{_HAN}]{{2,16}}?)的?(?:相关|有关)?(?:一名|一位)?[男女]?(?:新闻)?{_ROLE}"
)
_BARE_ROLE = re.compile(rf"(?:该|上述|这名|这位|该名|此)?(?:相关|有关)?{_ROLE}")
# Officers the text does not name, and the police units it names (西安交警经开大队).
_BARE_POLICE = re.compile(
    r"(?:该|这名|这位|一名|一位|两名|数名|多名)?(?:执勤|办案|值班)?(?:民警|交警)"
)
_POLICE_UNIT = re.compile(
    rf"[{_HAN}]{{2,14}}?(?:交警大队|大队|支队|中队|派出所|公安局|公安分局|分局|交警队)(?![{_HAN}])"
)
# What ends the words before a unit's name (来到了|西安交警经开大队, 记者从|西城分局).
_UNIT_LEAD = re.compile("[了的到在至从和与]")
_ORGANISATION_END = "部院委局厅办署站所科处队旅社台报馆会司团业行校宫心府"
_DEMONSTRATIVE = re.compile(r"^(?:该|这|那|此|上述|某|其|一)")
# How far back an unnamed official is looked for (a few paragraphs).
_SPOKESPERSON_SPAN = 1500


def _organ_of(match: re.Match[str] | None) -> str | None:
    """The organisation a spokesperson match names, if it names one (not 该企业)."""
    if match is None:
        return None
    raw = match.group("organ")
    organ = _named_part(raw, proper=False)
    # 该景区管理处, 小曹拨打了该公司: an organisation pointed back to is not named here.
    pointed = any(word in "该这那此其" for word, _ in _tokens(raw[: len(raw) - len(organ)]))
    if not organ or pointed or _DEMONSTRATIVE.match(organ) or organ[-1] not in _ORGANISATION_END:
        return None
    return organ


# Names that open an organ's name without being proper nouns (中央经济工作会议, 省委).
_ADMINISTRATIVE = ("中央", "中共", "全国", "国家", "省", "市", "县", "区", "州")


def _named_part(words: str, proper: bool = True) -> str:
    """The words that name an organ, after the last verb, pronoun, conjunction or
    preposition before them (记者为此专访|第五届江苏书展执委会, 尽管|椰树集团). With
    ``proper``, empty unless a proper noun or an administrative level is left: a meeting or
    committee is named by where it sits (中央经济工作会议), not 贯彻全国两会|精神会议 or 这个会议.
    """
    tokens = _tokens(words)
    cut = 0
    for i in range(len(tokens) - 1, -1, -1):
        flag = tokens[i][1]
        # A verb may be part of the name (汤阴县检察院公诉科): it ends what stands before the
        # organ only when a proper noun after it starts the name (专访|第五届江苏书展执委会).
        if flag in _NOT_IN_ORGAN and (flag != "v" or _has_proper(tokens[i + 1 :])):
            cut = i + 1
            break
    named = tokens[cut:]
    text = "".join(word for word, _ in named)
    if not proper or text.startswith(_ADMINISTRATIVE):
        return text
    return text if _has_proper(named) else ""


def _has_proper(tokens: Sequence[tuple[str, str]]) -> bool:
    return any(flag in _PLACE_OR_ORGAN or flag.startswith("nr") for _, flag in tokens)


# Parts of speech that end whatever stands before an organ's name.
_NOT_IN_ORGAN = frozenset({"v", "r", "c", "p", "ul", "uj", "uz", "ug", "y"})


def _spokesperson(view: str, offset: int, part: str) -> str | None:
    """The organisation that speaks in the clause ``part``, through an unnamed official.

    The conventions credit words an unnamed 负责人 or 发言人 says for a named organisation
    to the organisation, as printed (县美丽城乡建设办公室相关负责人介绍，“…” -> the office);
    an organisation the text does not name (该企业相关负责人) gives nobody. A later bare
    负责人说 is the last such official's organisation; a bare category (物业负责人) is the
    named organisation the page gave before that ends with it (万邦物业).
    """
    core = part.strip()
    core = core[len(_CLAUSE_LEAD.match(core).group()) :]
    earlier = view[max(0, offset - _SPOKESPERSON_SPAN) : offset]
    spoke = _SPOKESPERSON.match(core)
    rest = core[spoke.end() :] if spoke else ""
    # Two or three characters right after the role, no time word or adverb, name the
    # official even where jieba reads them as other words (发言人申展利 -> 申展|利).
    official = re.fullmatch(f"[{_HAN}]{{2,3}}", rest) and (
        rest[0] in _NAME_SURNAMES
        or not _tokens(rest)[0][1].startswith(("t", "d", "r", "p", "c", "m", "f", "q", "u", "v"))
    )  # 发言人申展利, not 负责人回复
    if _leading_person(rest) or official:
        return None  # 商务部新闻发言人何亚东表示: the person, found by the title rules
    organ = _organ_of(spoke)
    if organ is None and _BARE_ROLE.fullmatch(core):
        found = [o for m in _SPOKESPERSON.finditer(earlier) if (o := _organ_of(m))]
        organ = found[-1] if found else None
    if organ is None and _BARE_POLICE.fullmatch(core):
        # 民警介绍 after 西安交警经开大队 was named: the unit the officers serve in.
        units = [_UNIT_LEAD.split(m.group())[-1] for m in _POLICE_UNIT.finditer(earlier)]
        organ = next((u for u in reversed(units) if len(u) > 3), None)
    if organ is None or len(organ) > 2:
        return organ
    # A bare category (物业, 公司): the named organisation it is short for (…的万邦物业办公室).
    found = re.findall(rf"(?:(?<![{_HAN}])|(?<=的))([{_HAN}]{{2,6}}{organ})", earlier)
    organs = [n for n in map(functools.partial(_named_part, proper=False), found) if n != organ]
    return organs[-1] if organs else None  # not 车居然被|物业 from a headline


# A document, or an issuer the text does not name again, as the subject of a verb
# (报告指出, 公告显示, 该公司在声明中称, 公司在年报中表示).
_DOCUMENT_SUBJECT = re.compile(
    r"^(?:该|这份|此|其)?(?:报告|公告|通报|声明|通知|情况说明|说明|判决书|起诉书|年报|快报)"
    r"(?:中|里)?$"
)
_ISSUER_SUBJECT = re.compile(
    rf"^(?:该|这家|这所|此)?(?:{_BARE_BODIES}|校|院)"
    r"(?:在(?:其)?(?:声明|公告|通报|年报|说明|回应|公开信|致歉信)中)?$"
)
# An organisation publishing a document (海尔智家29日晚间发布公告, 贵州茅台3月29日晚披露的年报).
_PUBLISHER = re.compile(
    rf"([{_HAN}]{{2,16}}?)(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?(?:[早晚]间|晚|当天|当日|今天|昨天|近日|日前|今日|昨日)?"
    r"(?:正式)?(?:发布|披露|印发|发出)"
)
# How far back the publisher of a document is looked for.
_PUBLISHER_SPAN = 300


def _publisher(view: str, offset: int, part: str) -> str | None:
    """Who issued the document that ``part`` makes the subject (报告指出 after 中国消费者协会
    发布的报告显示…; 该公司在声明中称 after 长城汽车当日发布声明): the last organisation the
    text showed publishing something, within ``_PUBLISHER_SPAN`` characters."""
    core = _LEADING_TIME.sub("", part.strip())
    if not (_DOCUMENT_SUBJECT.match(core) or _ISSUER_SUBJECT.match(core)):
        return None
    earlier = view[max(0, offset - _PUBLISHER_SPAN) : offset]
    for m in reversed(list(_PUBLISHER.finditer(earlier))):
        name = _ORGAN_STOP.sub("", m.group(1))
        tokens = _tokens(name)
        plain = len(name) >= 4 and not any(
            flag[0] in "vpdruc" or _is_name_token((word, flag)) or word in HONORIFICS
            for word, flag in tokens
        )  # 贵州茅台, not 网友李女士
        if tokens and (_organ(tokens) or plain):
            return name
    return None


def _later_reference(view: str, pos: int, name: str, speakers: Speakers) -> str:
    """The person a later reference at ``pos`` means, named in full before it, or ``name``.

    A familiar form (老王, 大杨) is the person with that surname named in the 300 characters
    before. A surname with a post (顾科长, 赵医生; not a courtesy form such as 王先生) is the
    person the page printed beside that post (找顾俊科长询问, 这名女医生叫赵粉艳): a page may
    name several people with one surname (村民王德福 … 王书记), and the post tells them apart.
    Without one, the only person with that surname whom the page itself names before (see
    :mod:`dedup.names`), after a post of their own, is meant (班主任程红秀 … 程老师; not 村民
    王德福 … 王书记, a villager); with two, nobody can tell.
    """
    if FAMILIAR.match(name):
        named = _people(view, max(0, pos - 300), pos, speakers)
        return speakers.canonical(name, [n for _, n in named])
    post = SURNAME_WITH_POST.fullmatch(name)
    if post is None:
        return name
    holders = _post_holders(view, *post.groups())
    k = bisect.bisect_left(holders, pos, key=_at)
    if k:
        return holders[k - 1][1]
    shown = [
        n
        for n in _shown_names(view)
        if n[0] == post.group(1) and not _HONORED.fullmatch(n) and occurrences(view, n)[0] < pos
    ]
    return shown[0] if len(shown) == 1 and _titled_before(view, shown[0], pos) else name


@functools.lru_cache(maxsize=16)
def _shown_names(view: str) -> frozenset[str]:
    """The names the page itself shows (see :mod:`dedup.names`), repeated or framed."""
    return page_names(view) | cued_names(view)


# What may follow a name: a boundary, a closing mark, a particle or preposition (王德福|了解).
_NAME_ENDS = _BOUNDARIES | _CLAUSE_END | frozenset("：、”」") | frozenset(_NOT_GIVEN)
# What a post may carry in front (王建|副书记, 张强|总经理, 李伟|常务副局长).
_POST_PREFIX = re.compile(r"(?:常务)?[副总]?$")


def _beside(view: str, side: str, surname: str, before: bool) -> str | None:
    """The full name with ``surname`` in the words ``side`` of a post: the last three or two
    characters before it (顾俊|科长), the name opening the words after it (医生叫|赵粉艳,
    科长|王德福|了解, 科长|顾俊|询问: a name the page itself shows, or a three-character one
    that ends where a name ends). A courtesy form there (书记|董先生) names nobody in full."""
    if before:
        options = [side[-3:], side[-2:]]
    elif _HONORED.match(side):
        return None  # 书记|董先生: a courtesy form, nobody named in full
    else:
        whole = side[:3] in _shown_names(view) or len(side) == 3 or side[3:4] in _NAME_ENDS
        options = [side[:3], side[:2]] if whole else [side[:2]]
    for name in options:
        if len(name) < 2 or name[0] != surname:
            continue
        if _HONORED.fullmatch(name) or name.endswith("姓"):
            return None  # 书记|董先生, 一位|梁姓|老师: nobody named in full
        if not set(name[1:]) & set(_NOT_GIVEN) and not ordinary_word(name):
            return name
    return None


@functools.lru_cache(maxsize=64)
def _post_holders(view: str, surname: str, post: str) -> tuple[tuple[int, str], ...]:
    """(position, name) of every full name with ``surname`` printed right beside ``post``
    on the page (顾俊|科长, 科长|顾俊, 医生叫|赵粉艳; see :func:`_beside`), in text order; found
    once per page and post and looked up by position."""
    found = []
    for m in re.finditer(re.escape(post), view):
        # The reference itself may follow the full name (自称高振宗|高|教授), and the post
        # may carry a prefix (王建|副书记).
        stop = m.start() - (view[m.start() - 1 : m.start()] == surname)
        stop -= len(_POST_PREFIX.search(view, max(0, stop - 3), stop).group())
        after = view[m.end() : m.end() + 6]
        after = after[len(re.match(r"(?:名叫|叫|是)?", after).group()) :]
        for side, before in ((view[max(0, stop - 3) : stop], True), (after, False)):
            name = _beside(view, side, surname, before)
            if name:
                found.append((m.start(), name))
                break
    return tuple(found)


# A post and a name at the end of a clause (康明斯…执行总监julie furber, 白宫新闻发言人桑德斯):
# whoever opened the clause only says where that person works; the name must read as one
# (not 记者|采访时, see :func:`_owner`).
_POST_THEN_NAME = re.compile(rf"(?:{_TITLES_RE})([{_HAN}]{{2,3}}|[A-Za-z][A-Za-z'. -]+)$")


def _owner(core: str, size: int) -> bool:
    """The name ``core[:size]`` only says whose someone is (秦蘋|的丈夫说, 王信康|儿媳的夏素飞,
    康明斯|电动动力事业部执行总监julie furber): 的 follows it at once or after one noun (儿媳,
    律师), not after a manner (俞烨|慵懒的冲…, 苏晴|有些诧异的看向…) or a verb phrase
    (陆锋柱|来到村长的面前…); or a post and a name end the clause."""
    post = _POST_THEN_NAME.search(core, size + 1)
    named = post is not None and (post.group(1).isascii() or _surnamed(post.group(1)))
    if named:  # an organ between (康明斯|电动动力事业部执行总监), not an act (秦蘋|找到村主任)
        between = _tokens(core[size : post.start()])
        named = not any(
            f[0] == "p" or (f[0] == "v" and i < len(between) - 1)
            for i, (_, f) in enumerate(between)
        )
    if core.startswith("的", size) or named:
        return True
    between = core[size : size + 3].partition("的")
    if not between[1]:
        return False
    tokens = _tokens(between[0])
    return len(tokens) == 1 and tokens[0][1].startswith("n")


def _page_subject(part: str, view: str) -> str | None:
    """A name the page keeps repeating (see :mod:`dedup.names`) opening the clause ``part``.

    After conjunctions, time words and adverbs (但秦蘋表示, 莫天池直言), and not as the owner
    of someone else (秦蘋的丈夫说, 王信康儿媳的夏素飞告诉记者).
    """
    core = part.strip()
    core = core[len(_CLAUSE_LEAD.match(core).group()) :]
    core = _LEADING_TIME.sub("", core)
    names = page_names(view)
    for size in (3, 2):  # page names are two or three characters, the longer kept
        name = core[:size]
        if len(name) == size and name in names and not _owner(core, size):
            return name
    return None


def _framed_subject(part: str, view: str) -> str | None:
    """A name the page frames as a person's (see :func:`dedup.names.cued_names`) ending the
    clause right before the verb, where the frame that found it stands (环卫工人魏国芬|说, not
    妈妈对小陈|说: what comes before the name must let one start there)."""
    core = part.strip()
    for size in (3, 2):
        name, lead = core[-size:], core[:-size]
        if len(core) >= size and name in cued_names(view) and opens_name(lead[-4:]):
            return None if _ADDRESSED.search(lead) else name  # 教练对队员|小李说
    return None


# Whom a clause turns to (对队员, 向环卫工人, 告诉学生): the name after it is spoken to.
_ADDRESSED = re.compile(rf"(?:{_TO_WHOM}|跟)[^，,。：:]{{0,6}}$")


def _after_last_quote(offset: int, part: str) -> tuple[int, str]:
    """The part of a clause after its last closing mark, if any words follow the mark."""
    *_, tail = _AFTER_QUOTE.split(part)
    if not tail.strip() or len(tail) == len(part):
        return offset, part
    return offset + len(part) - len(tail), tail


def _subject(view: str, start: int, end: int, speakers: Speakers) -> str | None:
    """Speaker named in ``view[start:end]``, the clause before a speech verb.

    The subject sits in the last comma-separated part that mentions anyone (在《求是》…中,
    总书记强调 -> 总书记), and is the earliest mention there (他向书记汇报 -> 他); within a
    part, words after a closing mark come first. The part right before the verb is also read
    for an official speaking for an organisation, a name only jieba or the page knows, or a
    bare name, before earlier parts are (贾沃斯基的律师，安德鲁在邮件里表示 -> 安德鲁).
    """
    parts = [(m.start(), m.group()) for m in _CLAUSE_PART.finditer(view[start:end])]
    continues = _CONTINUATION.sub("", view[start:end].rstrip()).endswith(("，", ","))
    # 李建国放下锄头，笑着说: a manner phrase alone (笑着, 高兴地) has no subject of its own,
    # nor has a phrase saying whom the words are for (公孙敖无功而返，对武帝说).
    continues = continues or (
        len(parts) > 1 and (_manner_only(parts[-1][1]) or _ADDRESSEE.fullmatch(parts[-1][1]))
    )
    adjacent = bool(parts) and start + parts[-1][0] + len(parts[-1][1]) == end and not continues
    for k in range(len(parts) - 1, -1, -1):
        offset, part = parts[k]
        # Someone named after a closing mark opens a clause of their own (杨爷爷说：“…”程奶奶
        # 冲他笑着说); with nobody there, the quote sat inside the clause (外交部就“…”一事表示).
        tail_at, tail = _after_last_quote(offset, part)
        who = _first_mention(tail, start + tail_at, view, speakers) if tail_at != offset else None
        # A long tail after a statement is a clause of its own, whoever said the statement;
        # after a term it is the rest of the clause the term sits in (外交部就“…”一事表示).
        said = part[: tail_at - offset].rstrip("”」』’\"' ")
        long_quote = len(said) - len(said.rstrip(_MASK)) >= _OWN_CLAUSE
        own = tail_at != offset and long_quote and len(tail.strip()) >= _OWN_CLAUSE
        who = who or (None if own else _first_mention(part, start + offset, view, speakers))
        if who:
            return who
        if adjacent and k == len(parts) - 1:
            organ = _spokesperson(view, start + tail_at, tail) or _publisher(
                view, start + tail_at, tail
            )
            if organ:
                return organ
            # The clause right before the verb holds its subject even when only jieba or the
            # page knows the name (贾沃斯基的律师，安德鲁在邮件里表示 -> 安德鲁).
            name = None
            for words in dict.fromkeys((tail,) if own else (tail, part)):  # after the mark first
                name = (  # a name the page frames first: jieba may glue a role to it
                    _framed_subject(words, view)  # (博士生王生位说: not 博士生王生|位)
                    or _bare_name(words, speakers)
                    or _page_subject(words, view)
                )
                if name:
                    break
            if name:
                return _later_reference(view, start, name, speakers)
    # 孔乙鸡便涨红了脸，争辩道: a verb without its own subject continues the sentence's, the
    # subject of the nearest clause that opens with a person (特朗普表示…，并将其描述为…，认为).
    if continues:
        for offset, part in reversed(parts):
            who = _clause_subject(view, start + offset, part, speakers)
            if who:
                return who
    return None


# How long a quote and the words after its closing mark must be for those words to make a
# clause of their own.
_OWN_CLAUSE = 10
# What may stand between the comma and the verb of a clause that continues the last
# clause's subject (…，并将其描述为 / …，还把它称为).
_CONTINUATION = re.compile(r"(?:并|还|又|也|更|则|就)*(?:将|把)?(?:其|它|此)?$")
# Conjunctions and time words that may open a clause before its subject (而劳达…, 随后他…).
_CLAUSE_LEAD = re.compile(
    r"^(?:而|但|并|又|可|虽然|虽|尽管|不过|然而|后来|随后|之后|此后|同时|当时|"
    r"\d{1,2}月\d{1,2}日|\d{1,2}日)*"
)
# A title phrase before the person who opens a clause (美国总统特朗普为…辩护，直指…).
_TITLE_PREFIX = re.compile(rf"[{_HAN}]{{0,12}}?(?:{_TITLES_RE})")


_HONORED = re.compile(
    f"[{''.join(sorted(SURNAMES))}](?:{'|'.join(sorted(HONORIFICS) + list(SURNAME_POSTS))})"
)


def _honored(text: str) -> Iterator[re.Match[str]]:
    """Surnames with an honorific in ``text`` (曹女士, 杨爷爷), not role words (门卫大爷)."""
    return (m for m in _HONORED.finditer(text) if _surname_before(text, m.start()))


def _clause_subject(view: str, offset: int, part: str, speakers: Speakers) -> str | None:
    """The person a clause opens with, the subject of a verb that follows it after a comma.

    In 而劳达更是开启了玩笑，说道 or 特朗普在推特上发布视频，宣布 the verb has no subject of
    its own and continues the last clause's. A conjunction or date may come first, and a
    title before the person (美国总统特朗普为…辩护，直指…); the person is a surname with an
    honorific (曹女士), a pronoun (虽然后来他有所退让，承认了…), a name jieba knows, or one the
    page named in full before (see :func:`_people`).
    """
    lead = len(_CLAUSE_LEAD.match(part).group())
    honored = _HONORED.match(part, lead)
    if honored and _surname_before(part, lead):  # 曹女士把…: jieba cuts surname and honorific
        return honored.group()
    if _PRONOUN.match(part, lead) and not part.startswith("的", lead + 1):
        return _last_person(view, offset + lead, speakers)  # 虽然后来他有所退让，承认了…
    person = (
        _leading_person(part[lead:])
        or _page_subject(part[lead:], view)
        or _framed_subject(part[lead:], view)
    )
    if person:
        return speakers.canonical(_full_name(view, offset, person))
    people = _people(view, offset + lead, offset + len(part), speakers)
    if not people:
        return None
    at, name = people[0]
    title = view[offset + lead : at]
    return name if not title or _TITLE_PREFIX.fullmatch(title) else None


def _cited(obj: str, speakers: Speakers) -> str | None:
    m = _CITED.match(obj.rstrip("：:—, "))
    return speakers.canonical(m.group(1)) if m else None


_COLONS = (":", "：", "—", "——")
# 正如李俊副局长所说，“…” / 用沙瑞金书记的话说，“…”: speech framed as a comparison, whose
# 说 the verb pattern leaves out (所说 is usually 所说的 + noun).
_AS_SAID = re.compile(
    r"(?:正如|诚如|如同|就像|借用|套用|用)(?P<who>[^，,。；：:“”]{2,24}?)"
    r"(?:所说|所言|所讲|说的那样|所说的那样|的话说|的话来说|的话讲)[，,：:]?\s*$"
)
# 《塔木德》中有段名言：「…」 / 他常说的一句话：“…”: a saying introduced by a noun, not a verb.
_SAYING = re.compile(r"(?:名言|名句|格言|原话|(?:的|段|句)话)[:：]\s*$")
# 根据广州市白云预警发布中心发布的消息，“…”: the words of whoever issued the notice.
_ISSUER = re.compile(
    r"(?:根据|据)(?P<who>[^，,。；：:“”]{2,24}?)(?:发布|发出|公布|印发)?的?"
    r"(?:消息|通报|公告|声明|通知|通告)[，,：:]?\s*$"
)
# 根据公安部《…的通知》，“…” / 最高法《…的批复》中规定，“…”: the words of the document's
# issuer, an organ named right before the title.
_DOCUMENT_ISSUER = re.compile(
    rf"(?:根据|据|按照|依照)?(?P<who>[{_HAN}]{{2,12}}?)《[^》]{{2,60}}》[中里]?"
    r"(?:规定|指出|明确|要求|提出|写道)?[，,：:]\s*$"
)
# Where a framed speaker's description ends and the person begins (《人民的名义》里沙瑞金).
_FRAME = re.compile(r"^.*》[里中]?")


def _framed(view: str, sent: int, pos: int, speakers: Speakers) -> _Who:
    """Speech framed by a comparison or a noun (see ``_AS_SAID`` and ``_SAYING``)."""
    m = _AS_SAID.search(view, sent, pos)
    if m:
        who = _FRAME.sub("", m.group("who"))
        return _Who(
            _bare_name(who, speakers) or _first_mention(who, m.start(), view, speakers), "说"
        )
    m = _DOCUMENT_ISSUER.search(view, sent, pos)
    body = _named_part(m.group("who"), proper=False) if m else ""
    if _ORGAN_SUFFIX.search(body):
        return _Who(body, "发布")  # 记者查阅公安部《…》 -> 公安部
    m = _ISSUER.search(view, sent, pos)
    if m:
        who = m.group("who")
        issuer = _bare_name(who, speakers)
        if issuer is None and who[-1] in _ORGANISATION_END and _tokens(who)[-1][1] != "v":
            issuer = who  # …预警发布中心; not 网友爆料 or 当地媒体报道
        return _Who(issuer, "发布")
    m = _SAYING.search(view, sent, pos)
    if m:
        return _Who(_subject(view, sent, m.start(), speakers), m.group().rstrip(":： "))
    return _Who()


def _before(
    view: str,
    sent: int,
    pos: int,
    speakers: Speakers,
    colon: bool = False,
    predicate: bool = False,
    spoken: bool = False,
) -> _Who:
    """A speech verb ending the text before the opening mark (总书记强调:“…), or a framed one.

    With ``colon`` only a verb followed by a colon or dash counts: 不直接提到“厕所” mentions a
    word, 他说:“好” says it. An object between verb and quote needs a colon too (表示感谢,“…
    thanks, it does not speak), except for a ``predicate`` quote, one that ends its clause
    right after a short object: in 特朗普表示该协议“有缺陷”。 the quote is what the speaker
    said about the object, a piece of his own words. So is a predicate quote right after a
    characterizing verb (将其描述为“…”) or ending a short copula clause after the verb and a
    comma (格伦特认为，巡逻队是在“过度使用武力”。), and so is a ``spoken`` quote (words that
    say something, see :func:`_speech_fragment`) ending a short reported clause after a
    verb of reporting and a comma (布林肯表示，美方“不寻求与中国脱钩”).
    """
    verbs = list(_VERB.finditer(view, sent, pos))
    for k in range(len(verbs) - 1, -1, -1):
        m = verbs[k]
        if _PASSIVE.search(view, sent, m.start()):
            continue  # 他被媒体形容为“…”: the subject is who the words are about
        tail = _VERB_TAIL.match(view[m.end() : pos])
        # 格伦特认为，巡逻队是在“过度使用武力”: the quote is the reported clause's predicate;
        # in 黄益平表示，市场调整“仍在进行中” a piece of the speaker's words ends the clause.
        copula = predicate and (
            _COPULA_CLAUSE.fullmatch(view, m.end(), pos) is not None
            or (spoken and m.group() in _REPORTING and _reported(view, m.end(), pos))
        )
        if not tail and not copula:
            continue
        obj, sep = (tail.group("obj"), tail.group("sep")) if tail else ("", None)
        if (
            not copula
            and sep not in _COLONS
            and (colon or obj)
            and not _predicate_of(m.group(), obj, sep, predicate)
        ):
            continue
        # 介绍说, 表示说: the subject stands before the first of the joined verbs.
        first = k
        while first > 0 and verbs[first - 1].end() == verbs[first].start():
            first -= 1
        subject = _subject(view, sent, verbs[first].start(), speakers)
        if m.group() in _CITING and obj:
            return _Who(_cited(obj, speakers), m.group(), subject)
        return _Who(subject, m.group())
    framed = _framed(view, sent, pos, speakers)
    return framed if framed.verb is not None else _colon_frame(view, sent, pos, speakers)


# A phrase naming whom the words are for, opening a clause with no subject (对武帝说).
_ADDRESSEE = re.compile(rf"\s*(?:又|便|就|也|还)?(?:对|向|跟|朝|冲)[{_HAN}]{{1,8}}")
# Words that make the person after them the one spoken to (记者问王先生, 对王先生).
_ADDRESSING = re.compile(rf"(?:{_TO_WHOM})$")


def _colon_frame(view: str, sent: int, pos: int, speakers: Speakers) -> _Who:
    """The person whose clause a colon before the quote ends, when no known verb speaks.

    Speech is introduced by more verbs than any list holds (卡波特在《冷血》的结尾这样写：,
    丘某…对着民警恶言相告：, 王歆发了一条朋友圈：). A colon right before a quote introduces
    somebody's words; they are the words of the person the clause, or the clause it
    continues, opens with (see :func:`_clause_subject`). A clause that opens with no person
    (公开材料显示：, 墙上写着：) names nobody.
    """
    m = re.search(r"[:：]\s*$", view[sent:pos])
    if not m:
        return _Who()
    parts = [(p.start(), p.group()) for p in _CLAUSE_PART.finditer(view, sent, sent + m.start())]
    # 皂郊镇杨集村村民李向荣：“…”: a clause that is only a person, described, introduces them.
    last = parts[-1][1] if parts else ""
    verbless = not _VERB.search(last) and all(flag[0] != "v" for _, flag in _tokens(last))
    if re.fullmatch(rf"[{_HAN}]{{2,24}}", last) and verbless:
        person = _person_at_end(last)
        if person and not _ADDRESSING.search(last.removesuffix(person)):  # not 记者问王先生：
            return _Who(speakers.canonical(person))
    for offset, part in reversed(parts):
        who = _clause_subject(view, offset, part, speakers)
        if who:
            return _Who(who)
        if _other_subject(part):
            break  # 丘某被带回了中队，墙上写着：“…”: the wall speaks for nobody
    return _Who()


def _other_subject(part: str) -> bool:
    """The clause opens with a subject of its own that is no person (墙上写着, 屏幕上跳出):
    an earlier clause's person does not carry past it."""
    core = part.strip()
    core = _LEADING_TIME.sub("", core[len(_CLAUSE_LEAD.match(core).group()) :])
    tokens = _tokens(core[:_NAME_SPAN]) if core else ()
    return bool(tokens) and tokens[0][1] in ("n", "s", "ns", "nt", "nz")


# How many earlier places of a bare name :func:`_named_earlier` reads.
_LOOKS = 3


_LONGEST_TITLE = max(map(len, TITLES))


def _titled_before(view: str, name: str, pos: int) -> bool:
    """The page printed ``name`` right after a title before ``pos`` (副主任格伦特)."""
    starts = occurrences(view, name)
    earlier = starts[: bisect.bisect_left(starts, pos)]
    return any(view[max(0, at - _LONGEST_TITLE) : at].endswith(TITLES) for at in earlier)


def _named_earlier(view: str, pos: int, clause: str, speakers: Speakers) -> bool:
    """``clause`` is a person the article named before ``pos``.

    A speaker named once with a title (副主任格伦特却认为) is later credited by the bare name
    after a quote (”格伦特说。). jieba may not know the name, but the earlier title shows it
    is one.
    """
    if not re.fullmatch(rf"[{_HAN}·]{{2,12}}", clause):
        return False
    starts = occurrences(view, clause)
    earlier = starts[: bisect.bisect_left(starts, pos)]
    if _titled_before(view, clause, pos):
        return True  # 副主任格伦特 before: a title right before the name
    # Where the page printed the clause before, is it read as a person there? Only a few
    # characters around each place are cut, so that this stays cheap on a long page.
    for at in earlier[:_LOOKS]:
        window = _people(view, max(0, at - _NAME_SPAN), at + len(clause) + 2, speakers)
        if clause in {name for _, name in window}:
            return True
    return False


# Verbs of saying whose complement, closing its clause, is the words (林郑月娥表示“非常失望”。),
# unlike verbs of mentioning (提到“厕所”).
_SAYS = frozenset({"表示", "说", "强调", "认为", "指出", "坦言", "直言", "声称", "宣称"})
# Verbs that take what was said as their complement directly (将其描述为“…”, 斥之为“…”).
_CHARACTERIZING = frozenset({"描述为", "形容为", "称之为", "斥之为", "斥为"})


# Verbs of reporting whose comma opens the speaker's reported sentence.
_REPORTING = _SAYS | {"介绍", "称", "透露", "回应", "解释", "补充", "承认", "警告"}


def _reported(view: str, start: int, pos: int) -> bool:
    """``view[start:pos]`` is a short reported clause with no speech verb of its own
    (警方介绍，嫌疑人曾扬言“…”: the words are the suspect's, not the police's)."""
    if not _REPORTED_CLAUSE.fullmatch(view, start, pos):
        return False
    return not _VERB.search(view, start, pos) and not _SAYS_TOO.search(view, start, pos)


# Verbs of saying the verb list leaves out because they rarely introduce a quote of their own.
_SAYS_TOO = re.compile("扬言|放言|叫嚣|声言|喊|骂|问")


def _speech_fragment(said: str, kind: str) -> bool:
    """The quote says something rather than names it: a statement, or a short quote of five
    characters or more with a verb or opening with an adverb (仍在进行中, 更加精准有力) – not
    a label (农家乐, 神车) or a four-character formula (缺斤短两, 校农结合)."""
    if kind != "term":
        return True
    tokens = _tokens(said)
    return len(said) >= 5 and (tokens[0][1] == "d" or any(flag == "v" for _, flag in tokens))


def _predicate_of(verb: str, obj: str, sep: str | None, predicate: bool) -> bool:
    """The quote completes ``verb + obj`` (表示该协议“有缺陷”, 将其描述为“…”): see
    :func:`_before`."""
    if not predicate or sep is not None or len(obj) > _OBJECT_MAX:
        return False
    return bool(obj) or verb in _CHARACTERIZING or verb in _SAYS


# A subject set against the one before (X则表示，…): someone else's turn begins, unless the
# verb ends the sentence (“…”王强却说。 is 王强's).
_CONTRAST = re.compile(r"[则却]\s*$")
# A verb that ends its sentence.
_SENTENCE_END = re.compile(r"\s*(?:[。！？!?\n]|$)")


def _after(view: str, pos: int, speakers: Speakers) -> _Who:
    """A speaker and verb right after the closing mark (”习近平书记表示肯定)."""
    stop = pos
    while stop < len(view) and stop - pos < 40 and view[stop] not in _BOUNDARIES | set(PAIRS):
        stop += 1
    start = pos
    while start < stop and view[start] in "，, ":
        start += 1
    verb = _VERB.search(view, start, stop)
    if not verb or verb.start() == start:
        return _Who()
    # ”爱奇艺表示：“… – a verb before a colon introduces the next quote, not this one.
    if re.match(r"\s*(?:[:：]|——)", view[verb.end() : verb.end() + 3]):
        return _Who()
    clause = view[start : verb.start()]
    ends = _SENTENCE_END.match(view, verb.end()) is not None
    if _CONTRAST.search(clause) and not ends:
        return _Who()  # ”队长袁心玥则表示，…: a second voice answers the first
    parts = list(_CLAUSE_PART.finditer(view, start, verb.start()))
    if len(parts) > 1 and ends and parts[-1].end() == verb.start():
        # ”站在田埂上，种粮大户刘长贵笑着说。: a scene, then the speaker ending the sentence.
        who = _subject(view, parts[-1].start(), verb.start(), speakers)
        if who:
            return _Who(who, verb.group())
    if _named_earlier(view, pos, clause, speakers):
        return _Who(clause, verb.group())  # ”格伦特说。
    organ = _spokesperson(view, start, clause)
    if organ:
        return _Who(organ, verb.group())  # ”负责人说。
    if _first_mention(clause[:4], start, view, speakers) is None and not (
        "，" not in clause and "," not in clause and _bare_name(clause, speakers)
    ):
        # Somebody unrecognised speaks right after the quote (”参谋长皋古卫说): the verb is
        # kept without a speaker, which stops an earlier speaker from carrying over.
        return _Who(None, verb.group()) if "，" not in clause and "," not in clause else _Who()
    return _Who(_subject(view, start, verb.start(), speakers), verb.group())


def _topic(view: str, sent: int, opened: int, speakers: Speakers) -> str | None:
    """The person a sentence is about, for a statement it goes on to quote after a comma.

    News runs a person's words on in the sentence that introduced them without a verb of
    saying: 伍某不再辩驳，“…”; 秦蘋希望，池忠国能够…，“…”; 他待在医院外，“…”. The speaker is
    the person the sentence's first clause opens with (see :func:`_clause_subject`), not
    whoever the reported clauses after it are about.
    """
    topic = None
    for part in _CLAUSE_PART.finditer(view, sent, opened):
        at, words = _after_last_quote(part.start(), part.group())  # “…”陈某的说法也…，“…”
        who = _clause_subject(view, at, words, speakers)
        if who is None and topic is not None and _other_subject(words):
            return None  # 特朗普走进教室，黑板上写着一行字，“…”: the board is no speaker
        topic = topic or who
    return topic


# Where a saying or line of verse comes from (“…”这句词源自李清照的《如梦令》).
_ORIGIN = re.compile(r"(?:源自|出自|语出|引自|摘自)")


def _origin(view: str, pos: int, speakers: Speakers) -> _Who:
    """The author a quote is traced to later in its sentence (“…”出自苏轼的《定风波》)."""
    stop = pos
    while stop < len(view) and stop - pos < 60 and view[stop] not in _BOUNDARIES:
        stop += 1
    m = _ORIGIN.search(view, pos, stop)
    if not m:
        return _Who()
    rest = view[m.end() : stop]
    author = _leading_person(rest) or _first_mention(rest, m.end(), view, speakers)
    return _Who(speakers.canonical(author) if author else None, m.group())


def _introduced(view: str, sent: int, pos: int, speakers: Speakers) -> _Who:
    """A speaker who opened the sentence with ``X强调,`` and went on in reported speech.

    Only a comma after the verb counts, and only if narration follows it: after ``强调:“…”``
    the speaker's words are the quote itself, and later quotes in the sentence are the
    writer's.
    """
    for m in _VERB.finditer(view, sent, pos):
        if m.end() + 1 < pos and view[m.end()] in "，," and view[m.end() + 1] not in PAIRS:
            who = _subject(view, sent, m.start(), speakers)
            if who:
                return _Who(who, m.group())
    return _Who()


# A pronoun subject with a manner word right after a quote (“…”他乐呵呵地算着, “…”她笑着):
# the narration goes on with the speaker, even without a speech verb.
_PRONOUN_MANNER = re.compile(r"[，,\s]*[他她][^，,。！？□]{0,6}?[地着]")
# How far back (in characters of the clean view) a speaker carries over to a later quote.
_CARRY_SPAN = 200
# Paragraph breaks: a line break, or the full-width indent that starts a scraped paragraph.
_PARAGRAPH = re.compile(r"\n+|　{2,}")
# What stands right before a quote that opens a paragraph (a line break or an indent).
_PARAGRAPH_START = re.compile(r"(?:\n|　|\s)[“「『‘\"＂]?$")


@dataclass(frozen=True)
class _Previous:
    """The quote before the current one: its span, speaker, and whether it ended a sentence."""

    span: _Span
    who: _Who
    ends_sentence: bool


def _gap(view: _View, prev: _Previous | None, opened: int) -> str | None:
    """Text between the previous quote's closing mark and this quote, if it was closed."""
    if prev is None or not prev.span.closed:
        return None
    return view.text[view.at(prev.span.after) : opened]


def _is_turn(view: _View, prev: _Previous | None, opened: int) -> bool:
    """A dialogue turn: the previous quote ended a sentence and only spaces separate them.

    Turns (“你需要多少钱？” “4000。” “我借给你！”) alternate speakers, so neither chaining nor
    the narration around them says who speaks. Quotes on successive lines are not turns:
    a quotation running over several paragraphs is printed that way, one voice throughout.
    """
    gap = _gap(view, prev, opened)
    if prev is None or gap is None or not prev.ends_sentence:
        return False
    return gap.isspace() and "\n" not in gap


def _turn_taker(view: str, dialogue: Sequence[tuple[int, _Who]], sp: Speakers) -> _Who:
    """Who speaks the next turn of a two-person exchange (“你需要多少钱？” “4000。” “我借给你！”).

    Turns alternate: the speaker two turns back speaks again, and after the first known
    turn the other party speaks, the last other person the narration named before the
    exchange began (她叫马晓倩。“你现在需要多少钱？”…).
    """
    if len(dialogue) >= 2 and dialogue[-2][1].speaker is not None:
        return _Who(dialogue[-2][1].speaker)
    last = dialogue[-1][1].speaker if dialogue else None
    if last is None:
        return _Who()
    began = dialogue[0][0]
    named = _people(view, max(0, began - 300), began, sp)
    others = [trim(view, name) for _, name in named if trim(view, name) != trim(view, last)]
    return _Who(others[-1]) if others else _Who()


def _chained(view: _View, prev: _Previous | None, opened: int, predicate: bool) -> _Who:
    """The previous quote's speaker when this quote follows it directly (“…”“…”, “…”，“…”),
    or, as a ``predicate`` quote, completes a short copula clause after it (see
    ``_COPULA_CLAUSE``)."""
    gap = _gap(view, prev, opened)
    if prev is None or gap is None:
        return _Who()
    if not re.fullmatch(r"[、，,\s]*", gap) and not (predicate and _COPULA_CLAUSE.fullmatch(gap)):
        return _Who()
    return _Who() if _is_turn(view, prev, opened) else prev.who


def _carried(view: str, opened: int, last: tuple[int, str | None] | None, sp: Speakers) -> _Who:
    """Discourse carry-over: the speaker of the last speech before an unattributed quote.

    News paragraphs go on in one voice: 秦某说，他是看了电视剧……于是他就想到……，“将烟花筒并排
    ……” — the quote is still 秦某's. A quote with no speech of its own inherits the speaker of
    the most recent attributed quote or speech clause (``last``) if that lies within
    ``_CARRY_SPAN`` characters in the same or the previous paragraph, and nobody else has been
    named in between (a new person may be the one speaking now). An anchor without a speaker
    (据介绍，/ 有网友说：“…”) stops the carry-over: the voice has changed to an unnamed one.
    """
    if last is None:
        return _Who()
    pos, name = last
    between = view[pos:opened]
    if name is None or opened - pos > _CARRY_SPAN or len(_PARAGRAPH.findall(between)) > 1:
        return _Who()
    if any(other != name for _, other in _people(view, pos, opened, sp)):
        return _Who()
    return _Who(name)


# How many times more often than anyone else the narration must name its protagonist.
_SALIENT = 3


def _protagonist(view: str, opened: int, discourse: _Discourse, sp: Speakers) -> _Who:
    """The one person the preceding narration is about, for a first-person quote.

    Profiles and features let their subject speak without a speech verb: 金麦克遇到了……指挥家。
    “有一次演出，……我们就……” A quote in the first person that no speech introduces is that
    person's words when the narration just before it (the same or the previous paragraph,
    within ``_CARRY_SPAN``) reports nobody's speech (then :func:`_carried` decides) and
    names one person at least ``_SALIENT`` times as often as anyone else (a passing 老师张华,
    or a word jieba misreads as a name, does not unseat the subject); with two people
    named alike, who speaks is a guess. The person
    must have been named at least twice in the article so far: a feature's subject recurs,
    while a single jieba "name" is as likely a misreading (价格高达) or a headline mention.
    """
    start = max(0, opened - _CARRY_SPAN)
    breaks = [m.end() for m in _PARAGRAPH.finditer(view, start, opened)]
    if len(breaks) > 1:
        start = breaks[-2]
    if discourse.spoke_within(start, opened):
        return _Who()
    ranked = Counter(name for _, name in _people(view, start, opened, sp)).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < _SALIENT * ranked[1][1]):
        return _Who()
    person = ranked[0][0]
    return _Who(person) if bisect.bisect_left(occurrences(view, person), opened) >= 2 else _Who()


def _lead_quote(view: str, opened: int, closed: int, sp: Speakers) -> _Who:
    """The speaker of a quote that opens a paragraph, named in the sentence right after it.

    Features open on the words and name the speaker next, often without a speech verb:
    “向总送我三头猪崽……”5月21日，说到……，周桂珍感激不已。 / “……”昨天下午，曹女士把……发到了
    朋友圈. Only a quote that starts its paragraph counts, and only when the rest of that
    sentence names exactly one person; with two, who spoke is a guess.
    """
    if opened > 0 and not _PARAGRAPH_START.search(view[max(0, opened - 2) : opened]):
        return _Who()
    end = closed
    while end < len(view) and view[end] not in _BOUNDARIES:
        end += 1
    people = {name for _, name in _people(view, closed, end, sp)}
    if len(people) != 1:
        return _Who()
    return _Who(people.pop())


def _stands_alone(view: str, opened: int) -> bool:
    """The quote opens a clause of its own (after a stop, comma, line or space).

    A quote right after other words is their object (按照“学校需要什么就组织生产什么”指导,
    形成“贫困户＋合作社”模式): a cited formula, not the next thing somebody said. After a
    colon the writer has just said where the words come from (公开材料显示：, 引发了热议：),
    so an earlier speaker does not carry over either.
    """
    return opened == 0 or view[opened - 1] in "，,；;。！？!?…\n \u3000"


def _at(anchor: tuple[int, str | None]) -> int:
    return anchor[0]


@dataclass
class _Discourse:
    """Where speech happened on one page: anchors for :func:`_carried` and :func:`_protagonist`.

    Speech clauses are found on first need only (jieba on every clause is the slow part, and
    most quotes are attributed locally); quotes add themselves as they are attributed.
    """

    view: str
    speakers: Speakers
    quotes: list[tuple[int, str | None]] = field(default_factory=list)

    @functools.cached_property
    def clauses(self) -> list[tuple[int, str | None]]:
        return _speech_clauses(self.view, self.speakers)

    def last(self, pos: int) -> tuple[int, str | None] | None:
        """The latest speech clause or attributed quote ending at or before ``pos`` (a
        clause wins a tie). Both lists are in text order, so this is two binary searches."""
        found = [
            (anchors[k - 1], rank)
            for rank, anchors in enumerate((self.clauses, self.quotes))
            if (k := bisect.bisect_right(anchors, pos, key=_at))
        ]
        return max(found, key=lambda f: (f[0][0], -f[1]))[0] if found else None

    def spoke_within(self, start: int, end: int) -> bool:
        """Some speech clause or attributed quote ends in ``[start, end]``."""
        return any(
            bisect.bisect_right(anchors, end, key=_at) > bisect.bisect_left(anchors, start, key=_at)
            for anchors in (self.clauses, self.quotes)
        )


def _speech_clauses(view: str, sp: Speakers) -> list[tuple[int, str | None]]:
    """(end, speaker) of every speech verb that opens reported speech (X说，… / X表示：…).

    These anchor the discourse carry-over of :func:`_carried`; the speaker is None when the
    clause names nobody (据介绍，).
    """
    out = []
    for m in _VERB.finditer(view):
        if view[m.end() : m.end() + 1] in ("，", ",", ":", "："):
            out.append((m.end(), _subject(view, _sentence_start(view, m.start()), m.start(), sp)))
    return out


def _attribute(
    view: _View,
    span: _Span,
    said: str,
    kind: str,
    prev: _Previous | None,
    discourse: _Discourse,
    sp: Speakers,
) -> _Who:
    """Who said the quote: before it, after it, chained to the previous one, the sentence, or
    carried over from the last speech in the discourse.

    A term (a scare-quoted word) is only somebody's when introduced by a colon or followed by
    its speaker; otherwise it is the writer's word even inside reported speech. A quote that a
    verb and colon introduce (X说：“…”) is not looked up after its closing mark: whatever
    follows starts new narration, even when a scrape lost the full stop in between.
    """
    text = view.text
    opened = view.at(span.open)
    sent = _sentence_start(text, opened)
    closes = span.closed and text[view.at(span.after) : view.at(span.after) + 1] in _CLAUSE_END
    # A term needs a colon to be somebody's words (提到“厕所”), unless it is the whole
    # complement after a comma and ends its clause (王毅表示，“中方愿同各方加强合作”。).
    comma_before = bool(re.search(r"[，,]\s*$", text[sent:opened]))
    colon = kind == "term" and not (closes and comma_before)
    spoken = _speech_fragment(to_simplified(nfkc(said)), kind)
    before = who = _before(text, sent, opened, sp, colon, closes, spoken)
    introduced = before.verb is not None and re.search(r"[:：]\s*$", text[sent:opened])
    after = _after(text, view.at(span.after), sp) if span.closed and not introduced else _Who()
    if who.speaker is None:
        who = after
    if who.speaker is None:
        who = _chained(view, prev, opened, closes)
    if kind == "term":
        return who if who.speaker is not None else before
    if who.speaker is None:
        who = _introduced(text, sent, opened, sp)
    if who.speaker is None and span.closed:
        who = _origin(text, view.at(span.after), sp)
    after_comma = opened > 0 and text[opened - 1] in "，,"
    if who.speaker is None and kind == "statement" and before.verb is None and after_comma:
        topic = _topic(text, sent, opened, sp)
        who = _Who(topic, who.verb) if topic else who
    if who.speaker is None and kind == "statement" and span.closed:
        manner = _PRONOUN_MANNER.match(text, view.at(span.after))
        if manner:
            pronoun = manner.start() + re.search("[他她]", manner.group()).start()
            who = _Who(_last_person(text, pronoun, sp))
    spoken_here = before.verb or after.verb or who.verb
    alone = _stands_alone(text, opened) and not _is_turn(view, prev, opened)
    if who.speaker is None and not spoken_here and kind == "statement" and alone:
        who = _carried(text, opened, discourse.last(opened), sp)
        if who.speaker is None and "我" in said:
            who = _protagonist(text, opened, discourse, sp)
        if who.speaker is None and span.closed:
            who = _lead_quote(text, opened, view.at(span.after), sp)
    # A speech verb before the quote still tells how it was said when the speaker is unknown.
    return who if who.speaker is not None else before


def _credit(view: _View, line: int, sp: Speakers) -> _Who:
    """Speaker of a ``——…习近平总书记在广西考察时强调`` credit line."""
    start = view.at(line)
    stop = start
    while stop < len(view.text) and view.text[stop] != "\n":
        stop += 1
    verbs = list(_VERB.finditer(view.text, start, stop))
    if not verbs:
        return _Who()
    first = start
    while first < stop and view.text[first] in "—–-":
        first += 1
    return _Who(_subject(view.text, first, verbs[-1].start(), sp), verbs[-1].group())


# ------------------------------------------------------------------------------------ kinds


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
    if letters >= _SPOKEN_MIN_CHARS and (bare[-1] in _TERMINATORS or _PERSONAL.search(bare)):
        return "statement"
    parts = [p for p in re.split(r"[、，,—–/]+", bare) if p]
    if len(parts) >= 2 and all(len(p) <= _SLOGAN_PART_MAX for p in parts):
        return "slogan"
    if letters >= _STATEMENT_MIN_CHARS or re.search(r"[。！？；!?;，,]", bare):
        return "statement"
    if _FORMULA.search(bare):
        return "slogan"
    return "term"


# ---------------------------------------------------------------------------------- public


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
    sp = speakers or _default_speakers()
    marked = _marked_spans(text, start, end)
    view = _clean_view(text, marked)
    quotes: list[Quote] = []
    prev: _Previous | None = None
    discourse = _Discourse(view.text, sp)
    dialogue: list[tuple[int, _Who]] = []  # the run of turns this quote may continue
    for span in marked:
        content = text[span.start : span.end]
        kind = classify(content)
        who = _attribute(view, span, content, kind, prev, discourse, sp)
        opened = view.at(span.open)
        turn = _is_turn(view, prev, opened)
        if turn and who.speaker is None:
            who = _turn_taker(view.text, dialogue, sp)
        dialogue = [*dialogue, (opened, who)] if turn else [(opened, who)]
        if who.speaker is not None:
            name = _later_reference(view.text, opened, trim(view.text, who.speaker), sp)
            organ = _ORGAN_SUFFIX.search(name) or name.endswith(_BODY_WORDS)
            if not sp.knows(name) and not organ:
                name = widen(view.text, name)  # people only: an organ's name is whole
            full = _full_name(view.text, opened, name).strip("·")  # never ·莫明
            who = dataclasses.replace(who, speaker=full)
        prev = _Previous(span, who, content.rstrip()[-1:] in _TERMINATORS | {"…", "."})
        if who.speaker is not None or who.verb is not None:
            discourse.quotes.append((view.at(span.after), who.speaker))
        quotes.append(_quote(text, span, who, kind))
    for span, line in _unmarked_spans(text, start, end):
        quotes.append(_quote(text, span, _credit(view, line, sp), "statement"))
    return sorted(quotes, key=lambda q: q.start)


def _quote(text: str, span: _Span, who: _Who, kind: str) -> Quote:
    content = text[span.start : span.end]
    return Quote(
        text=content,
        start=span.start,
        end=span.end,
        speaker=who.speaker,
        verb=who.verb,
        via=who.via,
        kind=kind,
        marked=span.marked,
        closed=span.closed,
        inner=span.inner,
    )
