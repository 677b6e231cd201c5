"""People a page mentions, and whom a later reference to one of them means.

A page names a person in full once and then by a short form: a pronoun (他说), a familiar
form (老王), a surname with a post (顾科长), the last part of a transliterated name (塔拉 after
瓦米斯·塔拉), or the bare name after a title (格伦特 after 副主任格伦特). These functions
list the people named in a stretch of the page (:func:`people_in`) and resolve such
references against the whole page, using the names the page itself shows
(:mod:`dedup.names`) as well as the ones jieba knows (:mod:`dedup.persons`).
"""

from __future__ import annotations

import bisect
import functools
import re

from dedup.names import (
    LATIN_WORDS,
    cued_names,
    occurrences,
    opens_name,
    ordinary_word,
    page_names,
)
from dedup.normalize import HAN
from dedup.persons import (
    HONORED,
    KIN,
    LEADING_TIME,
    NAME_SPAN,
    NOT_GIVEN,
    TITLED,
    dotted_names,
    honored_in,
    is_name_token,
    leading_person,
    owner,
    tagged_words,
    titled_name,
    untitled,
    whole_name,
)
from dedup.speakers import ELDER, FAMILIAR, SURNAME_WITH_POST, TITLES, Speakers
from dedup.view import CLAUSE_END, CLAUSE_LEAD

# Two finds of one name this close together are one mention (县委书记|王立强).
_SAME_MENTION = 6


def people_in(view: str, start: int, end: int, speakers: Speakers) -> list[tuple[int, str]]:
    """People named in ``view[start:end]`` as (position, canonical name), in text order.

    A titled name (马一德教授, 县委书记王立强), a surname with an honorific (报警人刘女士), the
    last part of a transliterated name given in full before (塔拉 after 瓦米斯·塔拉), a
    name jieba recognises (陈杨阳), one the page's own frames show (魏国芬告诉记者, see
    :func:`dedup.names.cued_names`), or one the alias table knows (习近平); quoted contents
    are masked, so people inside quotes do not count. A familiar form (老王) resolves to the
    person named before it with that surname.
    """
    window = view[start:end]
    found = []
    for m in TITLED.finditer(window):
        name = titled_name(window, m, speakers)
        # where the name starts, past what the title pattern took before it (对|李先生)
        at = window.find(name, m.start(), m.end()) if name else -1
        found.append((m.start() if at < 0 else at, name))
    offset = 0
    tokens = tagged_words(window)
    repeated = page_names(view)
    for i, (word, flag) in enumerate(tokens):
        # jieba glues 说 to a surname (小陈说 -> 小|陈说): no name ends in a speech verb.
        if is_name_token((word, flag)) and word[-1] not in "说讲" and word not in KIN:
            name = untitled(whole_name(word, tokens[i + 1 : i + 3]))
            longer = window[offset : offset + len(name) + 1]
            found.append((offset, longer if longer in repeated else name))  # 叶皓|轩 ×20
        offset += len(word)
    for surname, full in family_names(view, end).items():
        found += [(m.start(), full) for m in re.finditer(surname, window)]
    found += [(m.start(), m.group()) for m in honored_in(window)]
    cued = _cued(view)
    first = bisect.bisect_left(cued, start, key=position)
    found += [
        (at - start, name) for at, name in cued[first : bisect.bisect_left(cued, end, key=position)]
    ]
    found += [(m.start, m.name) for m in speakers.mentions(window) if not m.title]
    out: list[tuple[int, str]] = []
    for at, name in sorted((f for f in found if f[1]), key=lambda f: f[0]):
        name = speakers.canonical(full_name(view, start + at, name), [n for _, n in out])
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
    for start, end in dotted_names(view):
        last = view[start:end].rsplit("·", 1)[1]
        if len(last) >= 2:
            out.append((end, last, view[start:end]))
    return tuple(out)


def family_names(view: str, end: int) -> dict[str, str]:
    """Last part of each transliterated full name in ``view[:end]`` -> the full name.

    Reports name a foreigner or Uyghur in full once (瓦米斯·塔拉, 托托-沃尔夫) and by the last
    part afterwards (塔拉说, 沃尔夫表示). jieba knows few of these short forms, and one it
    does know would otherwise become a second speaker; both are the same person.
    """
    return {last: full for stop, last, full in _dotted(view) if stop <= end}


def full_name(view: str, pos: int, name: str) -> str:
    """``name`` as its full transliterated form if it is the last part of one named before
    ``pos`` (see :func:`family_names`), or in Latin letters the last word of a longer name
    printed before (smith after john smith); otherwise ``name`` unchanged."""
    if _LATIN_WORD.fullmatch(name):
        before = list(_latin_names_ending(name).finditer(view, 0, pos))
        return before[-1].group() if before else name
    return family_names(view, pos).get(name, name)


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")


@functools.lru_cache(maxsize=64)
def _latin_names_ending(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z])(?:[A-Za-z][A-Za-z'-]+ ){{1,2}}{re.escape(word)}(?![A-Za-z])")


# Words that put a person beside the subject, not in its place (他正和邻居王德福下棋, 刘芳带着
# 儿子张小宝): a later 他/她 goes back past that person to the subject. Not 同 in 同事 or
# 与 in 参与: 他的同事李明 is a person of their own.
_COMPANION = re.compile(
    r"(?:和|(?<![参])与(?!会)|(?<![共陪])同(?![事学乡伴行志龄])|跟|带着|陪着|领着)"
    r"([^，,。！？；\s]{0,4})$"
)
# A spouse of the pronoun's gender is the one the pronoun means: the subject is the other.
_SPOUSE = {"她": ("妻子", "爱人", "老婆", "未婚妻"), "他": ("丈夫", "老公", "未婚夫")}


def last_person(view: str, pos: int, speakers: Speakers) -> str | None:
    """What the 他/她 at ``pos`` means: the most recent person named in the 300 characters
    before it who is not only someone's companion, unless the companion is a spouse of the
    pronoun's gender (王建国和妻子刘梅来到现场。她说 -> 刘梅)."""
    people = people_in(view, max(0, pos - 300), pos, speakers)
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


def named_before(view: str, pos: int, speakers: Speakers) -> list[str]:
    """Canonical people named (not merely titled) before ``pos``, in order of appearance."""
    named = _named(view, speakers)
    return [name for _, name in named[: bisect.bisect_right(named, pos, key=position)]]


def later_reference(view: str, pos: int, name: str, speakers: Speakers) -> str:
    """The person a later reference at ``pos`` means, named in full before it, or ``name``.

    A familiar form (老王, 大杨) is the person with that surname named in the 300 characters
    before. A surname with a post (顾科长, 赵医生; not a courtesy form such as 王先生) is the
    person the page printed beside that post (找顾俊科长询问, 这名女医生叫赵粉艳): a page may
    name several people with one surname (村民王德福 … 王书记), and the post tells them apart.
    Without one, the only person with that surname whom the page itself names before (see
    :mod:`dedup.names`), after a post of their own, is meant (班主任程红秀 … 程老师; not 村民
    王德福 … 王书记, a villager); with two, nobody can tell. A name the page says is short
    for a full one (杨五全名叫杨焕房) is that full name.
    """
    for at, full in _given_in_full(view):
        if view.endswith(name, 0, at):
            return full  # 杨五全名叫杨焕房: the page gives the name in full
    if FAMILIAR.match(name) or ELDER.match(name):
        named = people_in(view, max(0, pos - 300), pos, speakers)
        return speakers.canonical(name, [n for _, n in named])
    post = SURNAME_WITH_POST.fullmatch(name)
    if post is None:
        return name
    holders = _post_holders(view, *post.groups())
    k = bisect.bisect_left(holders, pos, key=position)
    if k:
        return holders[k - 1][1]
    shown = [
        n
        for n in _shown_names(view)
        if n[0] == post.group(1) and not HONORED.fullmatch(n) and occurrences(view, n)[0] < pos
    ]
    return shown[0] if len(shown) == 1 and _titled_before(view, shown[0], pos) else name


# Where a page gives someone's full name after a short one (杨五|全名叫杨焕房).
_IN_FULL = re.compile(rf"的?(?:全名|本名|真名|大名)(?:叫|是|为)?([{HAN}]{{2,3}})")


@functools.lru_cache(maxsize=16)
def _given_in_full(view: str) -> tuple[tuple[int, str], ...]:
    """(where the marker starts, the full name) of each full name the page gives, once."""
    return tuple(
        (m.start(), m.group(1)) for m in _IN_FULL.finditer(view) if leading_person(m.group(1))
    )


@functools.lru_cache(maxsize=16)
def _shown_names(view: str) -> frozenset[str]:
    """The names the page itself shows (see :mod:`dedup.names`), repeated or framed."""
    return page_names(view) | cued_names(view)


# What may follow a name: a boundary, a closing mark, a particle or preposition (王德福|了解).
_NAME_ENDS = CLAUSE_END | frozenset("：、”」") | frozenset(NOT_GIVEN)
# What a post may carry in front (王建|副书记, 张强|总经理, 李伟|常务副局长).
_POST_PREFIX = re.compile(r"(?:常务)?[副总]?$")


def _beside(view: str, side: str, surname: str, before: bool) -> str | None:
    """The full name with ``surname`` in the words ``side`` of a post: the last three or two
    characters before it (顾俊|科长), the name opening the words after it (医生叫|赵粉艳,
    科长|王德福|了解, 科长|顾俊|询问: a name the page itself shows, or a three-character one
    that ends where a name ends). A courtesy form there (书记|董先生) names nobody in full."""
    if before:
        options = [side[-3:], side[-2:]]
    elif HONORED.match(side):
        return None  # 书记|董先生: a courtesy form, nobody named in full
    else:
        whole = side[:3] in _shown_names(view) or len(side) == 3 or side[3:4] in _NAME_ENDS
        options = [side[:3], side[:2]] if whole else [side[:2]]
    for name in options:
        if len(name) < 2 or name[0] != surname:
            continue
        if HONORED.fullmatch(name) or name.endswith("姓"):
            return None  # 书记|董先生, 一位|梁姓|老师: nobody named in full
        if not set(name[1:]) & set(NOT_GIVEN) and not ordinary_word(name):
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


def page_subject(part: str, view: str) -> str | None:
    """A name the page keeps repeating (see :mod:`dedup.names`), or one in Latin letters it
    frames as speaking (see :func:`dedup.names.latin_cued`), opening the clause ``part``.

    After conjunctions, time words and adverbs (但秦蘋表示, 莫天池直言), and not as the owner
    of someone else (秦蘋的丈夫说, 王信康儿媳的夏素飞告诉记者).
    """
    core = part.strip()
    core = core[len(CLAUSE_LEAD.match(core).group()) :]
    core = LEADING_TIME.sub("", core)
    names = page_names(view)
    for size in (3, 2):  # page names are two or three characters, the longer kept
        name = core[:size]
        if len(name) == size and name in names and not owner(core, size):
            return name
    latin = _LATIN_START.match(core)  # kolfage在社交媒体上写道 (see dedup.names.latin_cued)
    if latin and latin.group() in cued_names(view) and not owner(core, latin.end()):
        return latin.group()
    return None


_LATIN_START = re.compile(rf"{LATIN_WORDS}(?![A-Za-z])")


def framed_subject(part: str, view: str) -> str | None:
    """A name the page frames as a person's (see :func:`dedup.names.cued_names`) ending the
    clause right before the verb, where the frame that found it stands (环卫工人魏国芬|说, not
    妈妈对小陈|说: what comes before the name must let one start there)."""
    core = part.strip()
    for size in (3, 2):
        name, lead = core[-size:], core[:-size]
        if len(core) >= size and name in cued_names(view) and opens_name(lead[-4:]):
            return None if _ADDRESSED.search(lead) else name  # 教练对队员|小李说
    return None


# Words that turn a clause to whom the words are for (问, 告诉, 对, 向…): the person after
# them is spoken to.
TO_WHOM = "问|告诉|对|向|给|冲|朝"

# Whom a clause turns to (对队员, 向环卫工人, 告诉学生): the name after it is spoken to.
_ADDRESSED = re.compile(rf"(?:{TO_WHOM}|跟)[^，,。：:]{{0,6}}$")


# How many earlier places of a bare name :func:`named_earlier` reads.
_LOOKS = 3


_LONGEST_TITLE = max(map(len, TITLES))


def _titled_before(view: str, name: str, pos: int) -> bool:
    """The page printed ``name`` right after a title before ``pos`` (副主任格伦特)."""
    starts = occurrences(view, name)
    earlier = starts[: bisect.bisect_left(starts, pos)]
    return any(view[max(0, at - _LONGEST_TITLE) : at].endswith(TITLES) for at in earlier)


def named_earlier(view: str, pos: int, clause: str, speakers: Speakers) -> bool:
    """``clause`` is a person the article named before ``pos``.

    A speaker named once with a title (副主任格伦特却认为) is later credited by the bare name
    after a quote (”格伦特说。). jieba may not know the name, but the earlier title shows it
    is one.
    """
    if not re.fullmatch(rf"[{HAN}·]{{2,12}}", clause):
        return False
    starts = occurrences(view, clause)
    earlier = starts[: bisect.bisect_left(starts, pos)]
    if _titled_before(view, clause, pos):
        return True  # 副主任格伦特 before: a title right before the name
    # Where the page printed the clause before, is it read as a person there? Only a few
    # characters around each place are cut, so that this stays cheap on a long page.
    for at in earlier[:_LOOKS]:
        window = people_in(view, max(0, at - NAME_SPAN), at + len(clause) + 2, speakers)
        if clause in {name for _, name in window}:
            return True
    return False


def position(entry: tuple[int, str | None]) -> int:
    """The offset an (offset, name) entry is sorted by, as a ``bisect`` key."""
    return entry[0]
