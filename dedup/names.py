"""Names a page itself shows, found without a list of names.

jieba's dictionary knows famous names (特朗普, 安德鲁) and its HMM guesses some others, but
news is mostly about people nobody has heard of, and jieba cuts many of them into ordinary
words (秦|蘋, 莫|天池, 张|广琛, 魏国|芬) or keeps only a piece (佩|斯科夫). The page itself,
however, shows where a name stands: it names the person it is about again and again
(秦蘋表示…, 秦蘋希望…), and it frames a person by what surrounds them (环卫工人魏国芬告诉记者).
Three facts of the page therefore recover such names:

* :func:`page_names`: a string of two or three Han characters that starts with a common
  surname, recurs at least ``MIN_COUNT`` times, and is not an ordinary dictionary word is a
  personal name (万元, 周末 and 高温 recur too, but jieba knows them as other words); a
  three-character string that opens with such a word is not (金额为), which also misses
  the rare name that does (秦国倩);
* :func:`cued_names`: a surname and one or two characters between a clause start or a role
  and speech or a person's doing (。秦朝滨当庭表示) is a name, printed once or more;
* :func:`widen`: a name that the page nearly always (``MOSTLY``) prints right after the same
  character is missing that character (斯科夫 after 佩), unless the character ends a title
  (总统特朗普) or the name already starts with a surname; a surname in front completes a
  name even if it is printed once (业主张|广琛).

:func:`trim` cuts a name jieba glued to the next word back to the repeated name.
All work on the simplified, quote-masked view that :mod:`dedup.attribution` reads
(:mod:`dedup.view`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from dedup.normalize import HAN
from dedup.speakers import FAMILIAR, SURNAMES, TITLES

# How often a page must print a string before it counts as a name.
MIN_COUNT = 3
# The share of a string's occurrences that settles what surrounds it (one typo or one
# "叶皓只" among 113 "叶皓轩" does not make 叶皓 a name of its own).
MOSTLY = 0.8
# Characters that never stand inside a personal name: particles, prepositions, copulas and
# speech verbs that follow a name (秦蘋表示 is counted as 秦蘋 + 表, never 杨说).
_NOT_IN_NAME = frozenset("的了是在和与也都就还又要会能将对向把被给从到据说讲道称问等")
_HAN = re.compile(f"[{HAN}]+")
# Characters that end role words (村民, 家属, 选手, 个体户): a name starts right after them.
ROLE_END = "民农客员警长者师生工官士众友演手属户"
# The longest stretch :func:`widen` adds in front of a name.
_WIDEN_MAX = 2


@functools.lru_cache(maxsize=1)
def _dictionary() -> dict[str, str]:
    """jieba's word -> part-of-speech table (loaded lazily: it takes about a second)."""
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


def ordinary_word(word: str) -> bool:
    """jieba's dictionary lists ``word`` as something other than a personal name (周末, 门卫)."""
    tag = _dictionary().get(word)
    return tag is not None and not tag.startswith("nr")


def listed(word: str) -> bool:
    """jieba's dictionary holds ``word`` (with whatever tag: it tags 洪水 and 美颜 as names)."""
    return word in _dictionary()


# How often jieba's corpus must hold a word for it to count as common (公司 45,604 times,
# 建军 170, 鸿祎 never).
_COMMON = 1000


def common_word(word: str) -> bool:
    """``word`` is frequent in jieba's corpus: after a surname it is a thing (高|公司), not
    the given name of someone jieba does not know (周|建军, 蒋|万安)."""
    import jieba

    jieba.dt.check_initialized()  # FREQ is empty until jieba has loaded its dictionary
    return jieba.dt.FREQ.get(word, 0) >= _COMMON


@functools.lru_cache(maxsize=64)
def page_names(view: str) -> frozenset[str]:
    """Personal names the page repeats that jieba's dictionary does not hold as words."""
    counts: Counter[str] = Counter()
    around: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for i, ch in enumerate(view):
        if ch not in SURNAMES:
            continue
        for size in (2, 3):
            word = view[i : i + size]
            if len(word) == size and _HAN.fullmatch(word) and not _NOT_IN_NAME & set(word[1:]):
                counts[word] += 1
                before, after = around.setdefault(word, (Counter(), Counter()))
                before[view[max(0, i - 2) : i]] += 1
                after[view[i + size : i + size + 2]] += 1
    names: set[str] = set()

    def glued(word: str) -> bool:  # 秦蘋一: 一 opens 一直, 一边, 一再 after nearly every one
        after = around[word][1]
        return _mostly((n for a, n in after.items() if _opens_word(word[2], a)), counts[word])

    def name_like(word: str) -> bool:
        return not ordinary_word(word) and not glued(word)

    # Repeated three-character strings that may be names: siblings share all but the last
    # character (张胜明, 张胜利), so their shared start is counted apart from each of them,
    # a third sibling printed once (张胜军) too, once two are repeated.
    full = {w for w, n in counts.items() if len(w) == 3 and n >= MIN_COUNT and name_like(w)}
    shared = Counter(w[:2] for w in full)
    by_siblings: Counter[str] = Counter()
    for w, n in counts.items():
        if len(w) == 3 and shared[w[:2]] > 1 and name_like(w):
            by_siblings[w[:2]] += n
    kept: Counter[str] = Counter()  # occurrences of the three-character names kept, by start
    # Three-character strings first: a two-character one that nearly always opens a name
    # kept here is no name of its own (张胜 of 张胜明 and 张胜利).
    for word, count in sorted(counts.items(), key=lambda item: -len(item[0])):
        if count < MIN_COUNT or ordinary_word(word):
            continue
        before, after = around[word]
        if len(word) == 3:
            own = count if shared[word[:2]] > 1 and name_like(word) else 0
            siblings = by_siblings[word[:2]] - own
            if (
                ordinary_word(word[:2])
                or counts[word[:2]] - siblings > count / MOSTLY
                or glued(word)
            ):
                continue  # 金额为 (金额 is a word), 秦蘋表 (秦蘋 also stands before other words),
                # 秦蘋一 (一 opens 一直, 一边, 一再)
        if len(word) == 2 and _mostly([kept[word]], count):
            continue
        piece_of_before = not any(_ends_title(b) for b in before) and _same(
            Counter(b[-1:] for b in before.elements())
        )
        # The string is a piece of a longer word when nearly always the same character
        # follows it, unless that character opens a word of its own (秦蘋|表示).
        follow = _same(Counter(a[:1] for a in after.elements()))
        explained = follow and all(ordinary_word(a) for a in after if a[:1] == follow)
        piece_of_after = bool(follow) and not explained
        titled = _mostly((n for a, n in after.items() if word[1:] + a[:1] in TITLES), count)
        # 杨某 that goes on as 杨某智, 杨某轩: the shared start of anonymised names the page
        # prints more than once (not 孙某|当场表示, 孙某|今年; not 宋某某, which the 3-character
        # count keeps).
        anonymised = word[1:] == "某" and _mostly(
            (n for a, n in after.items() if _anonymised(word + a[:1], a[1:], counts)), count
        )
        if piece_of_before or piece_of_after or titled or anonymised:
            continue  # 罗斯 is always 俄罗斯, 贾沃斯 always 贾沃斯基, 徐医 is 徐医生 or 徐医师
        names.add(word)
        if len(word) == 3:
            kept[word[:2]] += count
    return frozenset(names)


# What a person does right after being named, opening the clause (魏国芬|告诉记者, 秦朝滨|当庭
# 表示, 和蓉|说): the place where a name jieba does not know can be read off the page. Not
# inside a word (称号, 说明, 称赞, 说法).
_NAMED_BEFORE = re.compile(
    r"说(?![明法服])|告诉|表示|认为|介绍|称(?![号赞为作呼])|坦言|回忆|指出|强调|透露|解释|补充"
    r"|笑着|当庭|向记者|对记者"
)
# Characters that end no name but lean on the verb after it (曾表示, 所说, 地说, 来说, 自称,
# 却说, 则表示): the name ends before them.
_LEANS = "曾所地来自忙答辩声谎却则"
_LEANS_ON_VERB = re.compile(f"[{_LEANS}]")
# What ends the words before such a name: a clause, a closing quote, 的 (工作的|王原).
_BEFORE_NAME = frozenset("。！？!?；;，,：:\n\u3000 ”」的")
# jieba's tags of two characters that are a word of their own before a third (苏醒|后 v,
# 许多|人 m): a verb, adjective, adverb, numeral, pronoun, conjunction, preposition,
# locative or particle. Not a name: jieba lists some 2,000 surname-led pairs as names
# (杨成, 李德) that open longer ones (杨成林, 李德胜).
_WORD_TAGS = ("v", "a", "d", "m", "r", "c", "p", "f", "u")
# Characters that end no name but stand between a subject and its verb (王芳|仍表示,
# 王芳|笑说, 病人苏醒|后说, 王芳|并指出); jieba tags most of them like a given name's.
_AFTER_SUBJECT = frozenset("仍并亦均再才已正皆便遂竟总笑着后时前")


def opens_name(lead: str) -> bool:
    """What stands before a name that jieba does not know may end there: nothing, a
    clause or a closing quote, 的, a title or role (环卫工人|魏国芬, 总经理|秦蘋), but not
    a preposition, a verb or another name (对|小陈, 看望|老陈, 张|小雷)."""
    return not lead or lead[-1] in _BEFORE_NAME or _ends_title(lead) or lead.endswith("人")


@functools.lru_cache(maxsize=64)
def cued_names(view: str) -> frozenset[str]:
    """Names jieba misses, known by where the page prints them: a surname and one or two
    characters (or 小/老/大/阿 and a surname) after a clause start, 的 or a role (环卫工人|魏国芬,
    大一学生|李玟, 。|秦朝滨, 。|小陈; see :func:`opens_name`) and before speech or a person's
    doing (告诉记者, 当庭表示). jieba cuts these into a place and a character (魏国|芬) or a
    dynasty and a place (秦朝|滨); one such sentence on the page is enough, as the frame
    itself says a person stands there.

    The three-character reading wins (魏国芬 over 魏国) unless its first two characters are
    a word of their own (苏醒|后说, 许多|人说), its last is a character that
    ends no name, or it ends in 某 and one more (李某谎); a character that leans on the verb
    is no part of the name (李某|答称, 苏晴|所说, 邓肯|曾表示). Nothing jieba's dictionary
    holds (周围, 荣誉: it tags some ordinary words as names, and knows real ones itself), ends
    in a title (王书记) or holds an adverb or numeral (张|适时, 许多|人) is a name, nor a
    "surname" that ends the word before it (官方|微博称, 警方|通报, 工程|师).
    """
    found = set()
    for m in _NAMED_BEFORE.finditer(view):
        end = m.start() - bool(_LEANS_ON_VERB.fullmatch(view[m.start() - 1 : m.start()]))
        familiar = view[max(0, end - 2) : end]
        if FAMILIAR.fullmatch(familiar) and opens_name(view[max(0, end - 6) : end - 2]):
            # 。小陈告诉记者; no dictionary test: jieba lists 小张 as a noun, as it does 小米
            # (a company, which then speaks as printed)
            found.add(familiar)
            continue
        for size in (3, 2):
            at = end - size
            word = view[max(0, at) : end]
            if at < 0 or not _HAN.fullmatch(word) or word[0] not in SURNAMES:
                continue
            if _NOT_IN_NAME & set(word[1:]) or listed(word) or word.endswith(TITLES):
                continue
            if size == 3 and _longer_than_the_name(word, m.group()):
                continue
            lead = view[max(0, at - 4) : at]
            if lead and ordinary_word(lead[-1] + word[0]):
                break
            if opens_name(lead):
                found.add(word)
                break
    found.update(latin_cued(view))
    return frozenset(found)


# A name in Latin letters: one to three words (tim cook, montiel).
LATIN_WORDS = r"[A-Za-z][A-Za-z'-]+(?: [A-Za-z][A-Za-z'-]+){0,2}"
# … standing apart from other Latin text (not in a link or an address).
_LATIN_NAME = re.compile(rf"(?<![A-Za-z0-9@#_./'-]){LATIN_WORDS}(?![A-Za-z0-9@_./-])")
_LATIN_ROLES = frozenset({"ceo", "cfo", "cto", "coo", "vp", "app", "ai", "the", "and", "of"})
# What a person does after being named at a clause's start, before speaking (kolfage在社交
# 媒体上写道, smith随后表示).
_ACTS_THEN_SPEAKS = re.compile(
    r"(?:在|于|对|向|跟|也|还|则|又|曾|随后|随即|并|就|当天|日前|近日)"
    rf"[^，,。！？；“”（）()\n]{{0,14}}?(?:{_NAMED_BEFORE.pattern}|写道)"
)


def latin_cued(view: str) -> set[str]:
    """Names in Latin letters (see :func:`cued_names`): one the page prints right before a
    verb of saying (tim cook表示, 巡警montiel 说), after a title or role (巡警montiel追了两公
    里), or opening a clause whose verb of saying comes after an adverbial (kolfage在社交媒体
    上写道). A Latin role before it is dropped (ceo tim cook -> tim cook); one word must have
    four letters or more (not cnn, app or nba)."""
    found = set()
    for m in _LATIN_NAME.finditer(view):
        lead = view[max(0, m.start() - 6) : m.start()].rstrip()
        after = m.end() + (view[m.end() : m.end() + 1] == " ")
        cued = (
            _NAMED_BEFORE.match(view, after)
            or (lead and _ends_title(lead))
            or (opens_name(lead[-1:]) and _ACTS_THEN_SPEAKS.match(view, after))
        )
        name = without_latin_roles(m.group()) if cued else ""
        if " " in name or len(name) >= 4:
            found.add(name)
    return found


def without_latin_roles(name: str) -> str:
    """``name`` without the Latin role words a page prints before it (ceo tim cook)."""
    words = name.split(" ")
    while len(words) > 1 and words[0].lower() in _LATIN_ROLES:
        words.pop(0)
    return " ".join(words) if words[0].lower() not in _LATIN_ROLES else ""


def _longer_than_the_name(word: str, verb: str) -> bool:
    """The three characters before ``verb`` hold a shorter name or word and one more
    character (see :func:`cued_names`)."""
    return (
        (word[1] == "某" != word[2])  # 李某|谎称
        or word[2] in _AFTER_SUBJECT
        or ordinary_word(word[2] + verb)
        or _dictionary().get(word[:2], "").startswith(_WORD_TAGS)
        or _dictionary().get(word[1:], "").startswith(("ad", "m", "r", "c", "p"))  # 张|适时
    )


def _ends_title(text: str) -> bool:
    """``text`` ends with a title or role (总经理|秦蘋): the name starts right after it."""
    return text.endswith(TITLES) or text[-1:] in ROLE_END


def _same(neighbours: Counter[str]) -> str:
    """The Han character, not a particle, that nearly every occurrence (``MOSTLY``) has on
    this side, or "": unless a title before (总经理|秦蘋) or a word after (秦蘋|表示) explains
    it, the string is a piece of a longer word (叶皓 is 叶皓轩 112 times of 113)."""
    if not neighbours:
        return ""
    ch, n = neighbours.most_common(1)[0]
    whole = n >= MOSTLY * sum(neighbours.values())
    return ch if whole and _HAN.fullmatch(ch) and ch not in _NOT_IN_NAME else ""


def _anonymised(name: str, after: str, counts: Counter[str]) -> bool:
    """``name`` (杨某智) is an anonymised name the page prints at least twice, and its last
    character does not open a word with what follows (孙某|当场, 孙某|今年)."""
    last = name[-1]
    if not _HAN.fullmatch(last) or last in _NOT_IN_NAME or last == "某":
        return False
    return counts[name] >= 2 and not common_word(last + after[:1])


def _opens_word(ch: str, after: str) -> bool:
    """``ch`` and the character after it make a common word (一|直在, 一|边照), and what
    follows ``ch`` is no word of its own (not 建华|表示, though 华表 is a word)."""
    return common_word(ch + after[:1]) and not ordinary_word(after)


def _mostly(matching: Iterable[int], count: int) -> bool:
    """The occurrences counted in ``matching`` are nearly all (``MOSTLY``) of ``count``."""
    return sum(matching) >= MOSTLY * count


@functools.lru_cache(maxsize=4096)
def occurrences(view: str, word: str) -> tuple[int, ...]:
    """Where ``word`` starts on the page, in order; found once per page and word."""
    return tuple(m.start() for m in re.finditer(re.escape(word), view))


# Characters that end no name and get glued onto one (王芳|仍, 李嘉|曾, 张伟|也).
_GLUED = _NOT_IN_NAME | _AFTER_SUBJECT | frozenset(_LEANS)


def trim(view: str, name: str) -> str:
    """``name`` cut back to the repeated name it starts with, where jieba glued the next
    word onto it (杨安平寻思 -> 杨安平, 王芳仍 -> 王芳).

    One character more than a two-character name is glued on only if it cannot stand in a
    name (仍, 曾, 也): siblings share all but the last character of their names (刘淑英 twice
    and 刘淑玲 make 刘淑 a repeated string, but 刘淑玲 is whole).
    """
    names = page_names(view)
    for size in (3, 2):
        glued = len(name) > size + 1 or name[size:] in _GLUED
        if len(name) > size and name[:size] in names and glued:
            return name[:size]
    return name


def widen(view: str, name: str) -> str:
    """``name`` with the characters the page nearly always (``MOSTLY``) prints right before
    it (佩|斯科夫), as :func:`page_names` settles a name's edges: one stray 巴斯科夫 among
    four 佩斯科夫 does not stop it."""
    for _ in range(_WIDEN_MAX):
        if name[:1] in SURNAMES:
            break  # a Chinese name is whole once it starts with its surname (张广琛)
        starts = occurrences(view, name)
        ch = _same(Counter(view[s - 1] if s else "" for s in starts))
        if not ch:
            break  # no one character stands before nearly every occurrence
        at = next(s for s in starts if s and view[s - 1] == ch)
        if _ends_title(view[max(0, at - 4) : at]):
            break  # (_same already refuses particles and anything not Han)
        if ch not in SURNAMES and ordinary_word(view[max(0, at - 2) : at]):
            break  # 家属|里欧: the character ends a word of its own
        if len(starts) < 2 and ch not in SURNAMES:
            break  # printed once: only a surname in front is evidence (业主张|广琛)
        name = ch + name
    return name
