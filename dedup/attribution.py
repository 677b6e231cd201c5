"""Who said each quote on a page.

:func:`attribute` reads the page's quotes in order. A quote's own frame decides first (see
:mod:`dedup.frames`: before it, after it, the sentence that introduced it); then the
discourse: a quote chained to the previous one (“…”“…”), a turn in a two-person dialogue, a
voice carried over from the last speech within a paragraph or two, the one person a feature
is about for a first-person quote, or the person named right after a quote that opens a
paragraph. Scare quotes in plain narration get no speaker.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from dedup.frames import (
    CLAUSE_PART,
    COPULA_CLAUSE,
    Who,
    clause_subject,
    introducer,
    origin,
    relation_after,
    sentence_topic,
    speaker_after,
    speaker_before,
    unnamed_colon,
    verb_subject,
)
from dedup.mentions import full_name, last_person, later_reference, people_in, position
from dedup.names import occurrences, trim, widen, without_latin_roles
from dedup.normalize import nfkc, to_simplified
from dedup.persons import BODY_WORDS, ORGAN_SUFFIX, tagged_words
from dedup.quote_marks import TERMINATORS, Span
from dedup.speakers import Speakers
from dedup.speech import VERB, told
from dedup.view import BOUNDARIES, CLAUSE_END, View, clean_view, sentence_start

# A pronoun subject with a manner word right after a quote (“…”他乐呵呵地算着, “…”她笑着):
# the narration goes on with the speaker, even without a speech verb.
_PRONOUN_MANNER = re.compile(r"[，,\s]*[他她][^，,。！？□]{0,6}?[地着]")
# How far back (in characters of the clean view) a speaker carries over to a later quote.
_CARRY_SPAN = 200
# Paragraph breaks: a line break, or the full-width indent that starts a scraped paragraph.
_PARAGRAPH = re.compile(r"\n+|　{2,}")
# What stands right before a quote that opens a paragraph (a line break or an indent).
_PARAGRAPH_START = re.compile(r"(?:\n|　|\s)[“「『‘\"＂]?$")


# A clause right after the closing mark that ends its sentence on a verb of saying
# (”市一医院急诊医生说道。): whoever its subject is said the quote.
_SAID_AFTER = re.compile(rf"[^，,。！？!?；;\n“”「」]{{1,24}}?(?:{VERB.pattern})\s*[。！？!?]")


@dataclass(frozen=True)
class _Previous:
    """The quote before the current one: its span, speaker, and whether it ended a sentence."""

    span: Span
    who: Who
    ends_sentence: bool


def _gap(view: View, prev: _Previous | None, opened: int) -> str | None:
    """Text between the previous quote's closing mark and this quote, if it was closed."""
    if prev is None or not prev.span.closed:
        return None
    return view.text[view.at(prev.span.after) : opened]


def _is_turn(view: View, prev: _Previous | None, opened: int) -> bool:
    """A dialogue turn: the previous quote ended a sentence and only spaces separate them.

    Turns (“你需要多少钱？” “4000。” “我借给你！”) alternate speakers, so neither chaining nor
    the narration around them says who speaks. Quotes on successive lines are not turns:
    a quotation running over several paragraphs is printed that way, one voice throughout.
    """
    gap = _gap(view, prev, opened)
    if prev is None or gap is None or not prev.ends_sentence:
        return False
    return gap.isspace() and "\n" not in gap


def _turn_taker(view: str, dialogue: Sequence[tuple[int, Who]], sp: Speakers) -> Who:
    """Who speaks the next turn of a two-person exchange (“你需要多少钱？” “4000。” “我借给你！”).

    Turns alternate: the speaker two turns back speaks again, and after the first known
    turn the other party speaks, the last other person the narration named before the
    exchange began (她叫马晓倩。“你现在需要多少钱？”…).
    """
    if len(dialogue) >= 2 and dialogue[-2][1].speaker is not None:
        return Who(dialogue[-2][1].speaker)
    last = dialogue[-1][1].speaker if dialogue else None
    if last is None:
        return Who()
    began = dialogue[0][0]
    named = people_in(view, max(0, began - 300), began, sp)
    others = [trim(view, name) for _, name in named if trim(view, name) != trim(view, last)]
    return Who(others[-1]) if others else Who()


def _chained(view: View, prev: _Previous | None, opened: int, predicate: bool) -> Who:
    """The previous quote's speaker when this quote follows it directly (“…”“…”, “…”，“…”),
    or, as a ``predicate`` quote, completes a short copula clause after it (see
    :data:`dedup.frames.COPULA_CLAUSE`)."""
    gap = _gap(view, prev, opened)
    if prev is None or gap is None:
        return Who()
    if not re.fullmatch(r"[、，,\s]*", gap) and not (predicate and COPULA_CLAUSE.fullmatch(gap)):
        return Who()
    return Who() if _is_turn(view, prev, opened) else prev.who


def _carried(view: str, opened: int, last: tuple[int, str | None] | None, sp: Speakers) -> Who:
    """Discourse carry-over: the speaker of the last speech before an unattributed quote.

    News paragraphs go on in one voice: 秦某说，他是看了电视剧……于是他就想到……，“将烟花筒并排
    ……” — the quote is still 秦某's. A quote with no speech of its own inherits the speaker of
    the most recent attributed quote or speech clause (``last``) if that lies within
    ``_CARRY_SPAN`` characters in the same or the previous paragraph, and nobody else has been
    named in between (a new person may be the one speaking now). An anchor without a speaker
    (据介绍，/ 有网友说：“…”) stops the carry-over: the voice has changed to an unnamed one.
    """
    if last is None:
        return Who()
    pos, name = last
    between = view[pos:opened]
    if name is None or opened - pos > _CARRY_SPAN or len(_PARAGRAPH.findall(between)) > 1:
        return Who()
    if any(other != name for _, other in people_in(view, pos, opened, sp)):
        return Who()
    return Who(name)


# How many times more often than anyone else the narration must name its protagonist.
_SALIENT = 3


def _protagonist(view: str, opened: int, discourse: _Discourse, sp: Speakers) -> Who:
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
        return Who()
    ranked = Counter(name for _, name in people_in(view, start, opened, sp)).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < _SALIENT * ranked[1][1]):
        return Who()
    person = ranked[0][0]
    return Who(person) if bisect.bisect_left(occurrences(view, person), opened) >= 2 else Who()


def _lead_quote(view: str, opened: int, closed: int, sp: Speakers) -> Who:
    """The speaker of a quote that opens a paragraph or sentence, named in the sentence after it.

    Features open on the words and name the speaker next, often without a speech verb:
    “向总送我三头猪崽……”5月21日，说到……，周桂珍感激不已。 / “……”昨天下午，曹女士把……发到了
    朋友圈. A quote that starts its paragraph counts when the rest of that sentence names
    exactly one person (with two, who spoke is a guess); one that starts a sentence within a
    paragraph (scraped pages often lost their paragraph breaks) only when that person is also
    the subject of the next clause. A quote that is a paragraph of its own takes the speaker
    who opens the next paragraph (see :func:`_introduced_next`).
    """
    paragraph = opened == 0 or _PARAGRAPH_START.search(view[max(0, opened - 2) : opened])
    sentence = not paragraph and view[opened - 1] in "。！？!?"  # within a paragraph
    if not (paragraph or sentence):
        return Who()
    if view.startswith("的", closed):
        return Who()  # “快跑！”的喊声响起时，保安刘勇…: the words name a sound, nobody's
    end = closed
    while end < len(view) and view[end] not in BOUNDARIES:
        end += 1
    if paragraph and _PARAGRAPH.match(view, closed):
        return _introduced_next(view, _PARAGRAPH.match(view, closed).end(), sp)
    people = {
        name
        for at, name in people_in(view, closed, end, sp)
        if not (view.startswith(name, at) and relation_after(view, at + len(name)))
        # 王小明的母亲如是说: not 王小明 (谢丽娟的眼眶红了 is still 谢丽娟)
    }
    if len(people) != 1:
        return Who()
    person = people.pop()
    # Within a paragraph the person must be the next clause's subject (“…”郭女士十分自责;
    # 若干年后，黄其森在谈到…), not someone it mentions (骗子的高明之处, 对于村民王文同), and
    # the sentence must say how they spoke or felt: else it is as often the one spoken to
    # (“抽一根？”小王摆摆手) or a bystander (“站住！”王某被民警当场抓获).
    if paragraph:
        return Who(person)
    expressed = _EXPRESSED.search(view, closed, end) is not None
    return Who(person) if expressed and _subject_next(view, closed, end, person, sp) else Who()


def _introduced_next(view: str, start: int, sp: Speakers) -> Who:
    """The speaker of a quote that is a paragraph of its own, named as the next paragraph
    opens on their reported speech (“今天是年后开张第一天。”\n周先生说，烟花爆竹是…): the
    first clause must end in a verb of saying and a comma or colon."""
    stop = start
    while stop < len(view) and view[stop] not in CLAUSE_END:
        stop += 1
    verb = VERB.search(view, start, stop)
    if verb is None or verb.end() != stop or stop == len(view) or view[stop] not in "，,：:":
        return Who()
    return Who(verb_subject(view, start, verb.start(), sp), verb.group())


# Words saying that someone spoke, thought or felt as they did (…郭女士十分自责, …黄其森在谈到).
_EXPRESSED = re.compile(
    r"说|道|讲|谈|笑|叹|感慨|坦言|表示|介绍|回忆|解释|补充|告诉|自责|信心|激动|自豪|兴奋|"
    r"无奈|交代|承认|透露|指出|强调|认为|觉得|提到|分析|希望|暗示|如是"
)


def _subject_next(view: str, start: int, end: int, person: str, sp: Speakers) -> bool:
    """``person`` is the subject of the first clause in ``view[start:end]`` that has one."""
    for part in CLAUSE_PART.finditer(view, start, end):
        subject = clause_subject(view, part.start(), part.group(), sp)
        if subject or people_in(view, part.start(), part.end(), sp):
            return subject == person
    return False


def _stands_alone(view: str, opened: int) -> bool:
    """The quote opens a clause of its own (after a stop, comma, line or space).

    A quote right after other words is their object (按照“学校需要什么就组织生产什么”指导,
    形成“贫困户＋合作社”模式): a cited formula, not the next thing somebody said. After a
    colon the writer has just said where the words come from (公开材料显示：, 引发了热议：),
    so an earlier speaker does not carry over either.
    """
    return opened == 0 or view[opened - 1] in "，,；;。！？!?…\n \u3000"


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
            if (k := bisect.bisect_right(anchors, pos, key=position))
        ]
        return max(found, key=lambda f: (f[0][0], -f[1]))[0] if found else None

    def spoke_within(self, start: int, end: int) -> bool:
        """Some speech clause or attributed quote ends in ``[start, end]``."""
        return any(
            bisect.bisect_right(anchors, end, key=position)
            > bisect.bisect_left(anchors, start, key=position)
            for anchors in (self.clauses, self.quotes)
        )


# The words between a verb of telling and the comma after them (告诉|记者|，).
_TOLD = re.compile(r"[^，,。：:“”]{1,16}(?=[，,：:])")


def _speech_clauses(view: str, sp: Speakers) -> list[tuple[int, str | None]]:
    """(end, speaker) of every speech verb that opens reported speech (X说，… / X表示：…).

    These anchor the discourse carry-over of :func:`_carried`; the speaker is None when the
    clause names nobody (据介绍，).
    """
    out = []
    for m in VERB.finditer(view):
        # 王小明告诉记者，…: whom he told, then what
        told_whom = _TOLD.match(view, m.end())
        end = told_whom.end() if told_whom and told(m.group(), told_whom.group()) else m.end()
        if view[end : end + 1] in ("，", ",", ":", "："):
            out.append((end, verb_subject(view, sentence_start(view, m.start()), m.start(), sp)))
    return out


def speech_fragment(said: str, kind: str) -> bool:
    """The quote says something rather than names it: a statement, or a short quote of five
    characters or more with a verb or opening with an adverb (仍在进行中, 更加精准有力) – not
    a label (农家乐, 神车) or a four-character formula (缺斤短两, 校农结合)."""
    if kind != "term":
        return True
    tokens = tagged_words(said)
    return len(said) >= 5 and (tokens[0][1] == "d" or any(flag == "v" for _, flag in tokens))


def _attribute(
    view: View,
    span: Span,
    said: str,
    kind: str,
    prev: _Previous | None,
    discourse: _Discourse,
    sp: Speakers,
) -> Who:
    """Who said the quote: before it, after it, chained to the previous one, the sentence, or
    carried over from the last speech in the discourse.

    A term (a scare-quoted word) is only somebody's when introduced by a colon or followed by
    its speaker; otherwise it is the writer's word even inside reported speech. A quote that a
    verb and colon introduce (X说：“…”) is not looked up after its closing mark: whatever
    follows starts new narration, even when a scrape lost the full stop in between. Nor is
    it given the speaker who opened the sentence (王小明说，有网友发帖称：“…”): its own verb
    has a subject, even one nobody names.
    """
    text = view.text
    opened = view.at(span.open)
    sent = sentence_start(text, opened)
    closes = span.closed and text[view.at(span.after) : view.at(span.after) + 1] in CLAUSE_END
    # A term needs a colon to be somebody's words (提到“厕所”), unless it is the whole
    # complement after a comma and ends its clause (王毅表示，“中方愿同各方加强合作”。).
    comma_before = bool(re.search(r"[，,]\s*$", text[sent:opened]))
    colon = kind == "term" and not (closes and comma_before)
    spoken = speech_fragment(to_simplified(nfkc(said)), kind)
    before = who = speaker_before(text, sent, opened, sp, colon, closes, spoken)
    introduced = before.verb is not None and re.search(r"[:：]\s*$", text[sent:opened])
    after = (
        speaker_after(text, view.at(span.after), sp) if span.closed and not introduced else Who()
    )
    if who.speaker is None:
        who = after.because("after")
    if who.speaker is None:
        who = _chained(view, prev, opened, closes).because("chained")
    if kind == "term":
        return who if who.speaker is not None else before
    # ”市一医院急诊医生说道。: someone the rules cannot name said it, not the sentence's topic
    said_after = span.closed and _SAID_AFTER.match(text, view.at(span.after)) is not None
    if (
        who.speaker is None
        and not introduced
        and not said_after
        and not unnamed_colon(text, sent, opened)
    ):
        who = introducer(text, sent, opened, sp).because("sentence")
    if who.speaker is None and span.closed:
        who = origin(text, view.at(span.after), sp).because("origin")
    after_comma = opened > 0 and text[opened - 1] in "，,"
    unsaid = before.verb is None and not said_after
    if who.speaker is None and kind == "statement" and unsaid and after_comma:
        topic = sentence_topic(text, sent, opened, sp)
        who = Who(topic, who.verb, basis="sentence") if topic else who
    if who.speaker is None and kind == "statement" and span.closed:
        manner = _PRONOUN_MANNER.match(text, view.at(span.after))
        if manner:
            pronoun = manner.start() + re.search("[他她]", manner.group()).start()
            who = Who(last_person(text, pronoun, sp)).because("pronoun")
    spoken_here = before.verb or after.verb or who.verb
    alone = _stands_alone(text, opened) and not _is_turn(view, prev, opened)
    if who.speaker is None and not spoken_here and kind == "statement" and alone:
        who = _carried(text, opened, discourse.last(opened), sp).because("carried")
        if who.speaker is None and "我" in said:
            who = _protagonist(text, opened, discourse, sp).because("protagonist")
        if who.speaker is None and span.closed:
            who = _lead_quote(text, opened, view.at(span.after), sp).because("lead")
    # A speech verb before the quote still tells how it was said when the speaker is unknown.
    return who if who.speaker is not None else before


def _credit(view: View, line: int, sp: Speakers) -> Who:
    """Speaker of a ``——…习近平总书记在广西考察时强调`` credit line."""
    start = view.at(line)
    stop = start
    while stop < len(view.text) and view.text[stop] != "\n":
        stop += 1
    verbs = list(VERB.finditer(view.text, start, stop))
    if not verbs:
        return Who()
    first = start
    while first < stop and view.text[first] in "—–-":
        first += 1
    who = Who(verb_subject(view.text, first, verbs[-1].start(), sp), verbs[-1].group())
    return who.because("credit")


def attribute(
    text: str, marked: Sequence[Span], kinds: Sequence[str], credits: Sequence[int], sp: Speakers
) -> tuple[list[Who], list[Who]]:
    """Who said each quote on a page: the ``marked`` quotes of the given ``kinds``, in text
    order, and the unmarked statements whose credit lines start at ``credits``.

    Quotes are read in order because each may depend on the ones before it: a chained
    quote, a dialogue turn or a carried-over voice. A speaker is then printed as the page
    names them in full: a later reference (顾科长) as the person it means, a name jieba cut
    short (叶皓|轩, 斯科夫 after 佩) widened, and a transliterated last part (塔拉) as the
    whole name.
    """
    view = clean_view(text, marked)
    discourse = _Discourse(view.text, sp)
    prev: _Previous | None = None
    dialogue: list[tuple[int, Who]] = []  # the run of turns this quote may continue
    said = []
    for span, kind in zip(marked, kinds, strict=True):
        content = text[span.start : span.end]
        who = _attribute(view, span, content, kind, prev, discourse, sp)
        opened = view.at(span.open)
        turn = _is_turn(view, prev, opened)
        if turn and who.speaker is None:
            who = _turn_taker(view.text, dialogue, sp).because("turn")
        dialogue = [*dialogue, (opened, who)] if turn else [(opened, who)]
        who = _in_full(view.text, opened, who, sp)
        prev = _Previous(span, who, content.rstrip()[-1:] in TERMINATORS | {"…", "."})
        if who.speaker is not None or who.verb is not None:
            discourse.quotes.append((view.at(span.after), who.speaker))
        said.append(who)
    credited = [_in_full(view.text, view.at(at), _credit(view, at, sp), sp) for at in credits]
    return said, credited


def _in_full(view: str, pos: int, who: Who, sp: Speakers) -> Who:
    """``who`` with the speaker, found at ``pos``, as the page names them in full (see
    :func:`attribute`)."""
    if who.speaker is None:
        return who
    bare = without_latin_roles(who.speaker) or who.speaker  # ceo tim cook -> tim cook
    name = later_reference(view, pos, trim(view, bare), sp)
    organ = ORGAN_SUFFIX.search(name) or name.endswith(BODY_WORDS)
    if not sp.knows(name) and not organ:
        name = widen(view, name)  # people only: an organ's name is whole
    return dataclasses.replace(who, speaker=full_name(view, pos, name).strip("·"))  # not ·莫明
