"""Who the sentence around one quote names as its speaker.

A speech frame is the narration that says whose words a quote is: a verb of saying before
it (总书记强调:“…”), a speaker and verb after it (”习近平书记表示肯定), a colon ending a
person's clause (王歆发了一条朋友圈：“…”), a comparison (正如李俊副局长所说，“…”), a document
and its issuer (根据公安部《…》，“…”), an unnamed official speaking for an organisation
(该负责人表示), an author the quote is traced to (“…”出自苏轼的《定风波》). The functions
here read such frames in the clean view (:mod:`dedup.view`), most of them returning a
:class:`Who`; which frame wins, and what the discourse adds, is :mod:`dedup.attribution`'s
business.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from dedup.mentions import (
    TO_WHOM,
    family_names,
    framed_subject,
    full_name,
    last_person,
    later_reference,
    named_before,
    named_earlier,
    page_subject,
    people_in,
)
from dedup.names import cued_names
from dedup.normalize import HAN
from dedup.persons import (
    ADVERBS,
    BARE_BODIES,
    COUNTED,
    HONORED,
    KIN,
    LEADING_TIME,
    NAME_SPAN,
    NAME_SURNAMES,
    ORGAN_SUFFIX,
    ORGANISATION_END,
    RELATIONS,
    TITLED,
    WRITTEN_IN,
    bare_name,
    described_person,
    honored_in,
    is_name_token,
    leading_person,
    manner_only,
    named_part,
    organ_named,
    owner,
    person_at_end,
    role_word,
    staffed_organ,
    surname_before,
    tagged_words,
    titled_name,
)
from dedup.quote_marks import PAIRS
from dedup.speakers import HONORIFICS, TITLES, TITLES_RE, Speakers
from dedup.speech import CHARACTERIZING, CITING, REPORTING, SAYS, SAYS_TOO, VERB, told
from dedup.view import BOUNDARIES, CLAUSE_LEAD, MASK

# Closing marks, where a clause may start again (“…。”他还补充说).
_AFTER_QUOTE = re.compile('[”」』’"＂]')
_CITED = re.compile(
    rf"^([{HAN}·]{{2,12}}?)(?:的)?(?:名言|名句|话|诗句|论述|论断|观点)?(?:说|称|讲)?$"
)
# What may stand between a speech verb and the opening mark. An object (提出殷切期望, 提到了
# 车队在遇到该问题时的两重困境) is only allowed before a colon or a dash, so that 表示感谢,“…
# is not read as speech; see :func:`speaker_before` for the one exception. A 道 right before
# the mark belongs to the verb (感慨道“…”, 补充道“…”), as in the listed 笑道 and 写道.
_VERB_TAIL = re.compile(
    r"^(?:道(?=(?:[:：]|——|—|[，,])?\s*$))?(?P<obj>[^，,。：:“”「」『』‘’□]{0,30}?)要?(?P<sep>[:：]|——|—|[，,])?\s*$"
)
# A short reported clause whose predicate is the quote, after a speech verb and a comma
# (认为，边境巡逻队是在“…”), or after a first quote of the same speaker (…“非常粗暴”，美方是“…”).
COPULA_CLAUSE = re.compile(r"[，,][^，,。：:“”「」□]{1,12}?(?:是在|是|(?<![因作成认以])为)\s*")
# A short reported clause that a piece of the speaker's own words ends (黄益平表示，房地产市场
# 调整“仍在进行中”; 谷爱凌说，自己“从来不给自己设限”).
_REPORTED_CLAUSE = re.compile(r"[，,][^，,。：:“”「」□]{0,16}")
# A passive marker in the clause before a verb (被媒体形容为, 遭对手指责).
# Nouns that start with 被 (被告人, 被害人, 被执行人) are people, not passives.
_PASSIVE = re.compile(r"[被遭](?!告|害|执行|保险|访|捕|调查)[^，,。！？；：:的]{0,5}$")
# Unnamed people opening the clause before a verb: its subject, not anyone named earlier.
_SOMEONE_ELSE = frozenset({"对方", "有人", "别人", "旁人", "众人"})
# Everyday words for someone unnamed that no role ending marks (警察说, 老板说, 房东说).
_UNNAMED_PEOPLE = frozenset(
    {"警察", "保安", "老板", "老板娘", "店主", "房东", "物业", "客服", "大夫"}
)
# Someone unnamed said to be there, right before the verb (栏目有网友发帖称, 现场有群众喊).
_SOMEONE_UNNAMED = re.compile(
    r"(?<![没所])有(?:[一两几]?[位个名])?"  # not 所有人 (everyone), who are spoken to
    r"(?:[^，,。“”]{1,8}的)?"  # 有一名自称客服的人
    r"(?:人|网友|群众|市民|村民|读者|家长|业主|邻居|传言|消息|(?:消息|知情|业内)人士)"
    r"[^，,。“”]{0,8}$"
)
# The end of a time clause that no comma closes (王某走后|李某对记者说, 张某问起此事时|刘某说).
_WHEN_END = re.compile(r"(?:之后|以后|之际|时候|时|后)")


def _after_time_clause(view: str, offset: int, part: str, speakers: Speakers) -> str | None:
    """The person opening what follows a time clause inside ``part``, the clause before a
    verb of saying: in 王某走后李某对记者说 the time clause names someone else. The time
    clause must have a verb of its own (not 随后, 当时)."""
    ends = [m.end() for m in _WHEN_END.finditer(part) if m.end() < len(part)]
    for end in reversed(ends):
        before = tagged_words(part[:end])
        if not any(flag.startswith("v") for _, flag in before[:-1]):
            continue
        who = clause_subject(view, offset + end, part[end:], speakers)
        if who:
            return who
    return None


# Whom the words are for, right before the verb (向检察机关办案人员, 对记者): a role there is
# not someone else speaking.
_TOLD_ROLE = re.compile(rf"(?:向|对|跟|给|朝|冲)[{HAN}]{{1,12}}$")
# Someone heard right before the verb of saying (听警官说, 听李女士讲): they speak.
_HEARD = re.compile(
    r"听(?:到|见)?(?P<who>[^完了罢后过说讲，,。！？；：:“”][^，,。！？；：:“”的]{0,11})$"
)
# Words after a clause's subject that make someone else the likely speaker: one heard, sent
# or made to speak (听王芳说, 让小陈讲讲), cited (援引知情人士的话称), the agent of a passive
# (被…), a spouse (老王老婆说道).
_OTHER_SPEAKS = re.compile(
    r"听|让|叫|请|令|使|派|逼|催|命|要求|看到|看见|见到|援引|引述|转述|的话|被|老婆|老公"
)
# How many of them (很多患者, 一名民警, 不少网友): no name follows such a count.
_QUANTIFIED = re.compile(rf"^(?:很多|许多|不少|一些|有些|有的|部分|{COUNTED})")


def _someone_else(part: str) -> bool:
    """The clause's subject is someone unnamed (对方直接, 有人随即): not when the word only
    describes a person named after it (对方球员梅西, 众人推举的代表王小明)."""
    tokens = tagged_words(part.strip()[:NAME_SPAN])
    if not tokens or tokens[0][0] not in _SOMEONE_ELSE:
        return False
    return len(tokens) == 1 or not tokens[1][1].startswith(("n", "v", "uj"))


def _unnamed_role(part: str) -> bool:
    """The clause opens with a role and names nobody (民警, 很多患者一进门就, 孩子一回家就哭着,
    公诉人随即反驳): the callers have looked for a name in it first (民警李明, 保安小张)."""
    tokens = tagged_words(_QUANTIFIED.sub("", part.strip())[:NAME_SPAN])
    if len(tokens) > 1 and tokens[0][1] == "n" and role_word(tokens[1][0]):
        tokens = tokens[1:]  # 同案|被告人, 办案|民警: a kind of role
    if not tokens:
        return False
    word, flag = tokens[0]
    listed = word in RELATIONS or word in _UNNAMED_PEOPLE  # jieba tags 警察 a verb
    return listed or (flag == "n" and role_word(word))  # not 贝老先生 (nr)


# The longest object that may stand between a verb and a quote without a colon.
_OBJECT_MAX = 12
_PRONOUN = re.compile(r"(?<![其吉])[他她](?![们人])")
# A document title, without a gloss in brackets (《塔木德（talmud）》 -> 塔木德).
_DOCUMENT = re.compile(r"《([^》（(]{2,30})(?:[（(][^》]*)?》")
# The reports news quotes by name without a title's marks (党的十九大报告强调, 政府工作报告指出).
_NAMED_REPORT = re.compile(r"(?:党的)?(?:[一二三四五六七八九十]{2,3}大|政府工作)报告")
# An organ speaks like a person (中央经济工作会议强调). Its name is the Han run before one of
# these endings, cut at words that introduce it (召开的, 在, dates).
_ORGAN_END = re.compile(r"(?:会议|全会|委员会|常委会|国务院|党中央|政治局|政府|办公厅|新闻办)")
# Organs whose ending is their whole name (国务院, not 会议).
_WHOLE_ORGANS = frozenset({"国务院", "党中央", "政治局"})
_ORGAN_STOP = re.compile(rf"^.*(?:[^{HAN}]|召开的|举行的|的|在|据|于)")
# A title right after an organ's name makes the organ part of a person's post.
_POST = re.compile(rf"副?(?:{TITLES_RE})")


@dataclass(frozen=True)
class Who:
    """Who said a quote, the verb, whom they cited it through, and the evidence (``basis``:
    which frame or discourse rule named the speaker; see :data:`dedup.quotes.BASES`)."""

    speaker: str | None = None
    verb: str | None = None
    via: str | None = None
    basis: str | None = None

    def because(self, basis: str) -> Who:
        """This answer, recording ``basis`` as its evidence when it names a speaker."""
        return dataclasses.replace(self, basis=basis) if self.speaker is not None else self


def _first_mention(part: str, offset: int, view: str, speakers: Speakers) -> str | None:
    """Speaker of the earliest mention in a clause part, or None if it names nobody."""
    candidates: list[tuple[int, str | None]] = []
    named = named_before(view, offset, speakers)
    for m in speakers.mentions(part):
        name = speakers.canonical(m.name, named) if m.title else m.name
        # An unresolved bare title (书记 with nobody named) is no speaker: grouping every
        # "书记" across unrelated articles would invent echoes.
        candidates.append((m.start, None if speakers.is_title(name) else name))
    for m in _PRONOUN.finditer(part):
        # A pronoun right after a closing mark opens a new clause (…：“…。”他还补充说):
        # only the words after the last quote count.
        lead = _AFTER_QUOTE.split(part[: m.start()])[-1].strip()
        lead = lead[len(CLAUSE_LEAD.match(lead).group()) :]  # 可他却说: a conjunction first
        if part.startswith("的", m.end()):
            continue  # 她的丈夫刘军曾说过: the owner is not the speaker
        if ADVERBS.sub("", LEADING_TIME.sub("", lead)):
            continue  # 看着他笑: a pronoun after other words is an object, not the speaker
        candidates.append((m.start(), last_person(view, offset + m.start(), speakers)))
    for m in honored_in(part):
        # 杨爷爷找到她说: a surname with an honorific opening the clause (not 对王先生说).
        lead = part[: m.start()].strip()
        if ADVERBS.sub("", LEADING_TIME.sub("", lead)) or part.startswith("的", m.end()):
            continue  # 对王先生说 speaks to, 张女士的婆婆说 is someone else
        candidates.append((m.start(), m.group()))
    repeated = page_subject(part, view)
    if repeated:  # 秦蘋最后表示: jieba cuts the name the page keeps printing
        at = part.index(repeated)
        candidates.append((at, later_reference(view, offset + at, repeated, speakers)))
    for m in _NAMED_REPORT.finditer(part):  # one name for 十九大报告 and 党的十九大报告
        report = m.group().removeprefix("党的")
        candidates.append((m.start(), report if report[0] == "政" else "党的" + report))
    for m in _DOCUMENT.finditer(part):
        if WRITTEN_IN.search(part, max(0, m.start() - 4), m.end() + 3):
            continue  # 在上述《提案》中: the issuer speaks, not the document
        post = _TITLE_PREFIX.match(part, m.end())
        rest = tagged_words(part[post.end() :]) if post else ()
        # what the post is followed by, past adverbs and times (随后, 3日, 近日)
        word, flag = next(((w, f) for w, f in rest if f[0] not in "dtm"), ("", "x"))
        if word in _INTERVIEWING or part.endswith("接受", 0, m.start()):
            continue  # 接受《经济参考报》记者采访时: the paper's reporter asks, someone else speaks
        if part.startswith("的", m.end()):
            # 《红楼梦》的译者杨宪益说: the person of the work speaks (not 《人民日报》的社论);
            # after its 作者 or 导演 the work speaks no more, named or not (路遥 is no word)
            person = bare_name(part[m.end() + 1 :], speakers)
            if person and not ORGAN_SUFFIX.search(person):
                candidates.append((m.end() + 1, person))
                continue
            if _WORK_ROLE.match(part, m.end() + 1):
                continue
        if word and flag[0] not in "pvcfru":
            # 《朝日新闻》从军记者今井正刚: the paper only says where the person after the
            # post works (not 《纽约时报》记者|在报道中写道, where the paper's reporter speaks)
            staff = bare_name(part[post.end() :], speakers)
            if staff:
                candidates.append((post.end(), staff))
            continue
        writer = _writer(part[: m.start()], m.group(1))
        if writer:
            at = part.rindex(writer, 0, m.start())
            candidates.append((at, speakers.canonical(writer)))
        else:
            candidates.append((m.start(), m.group(1)))
    for surname, full in family_names(view, offset + len(part)).items():
        candidates += [(m.start(), full) for m in re.finditer(surname, part)]
    for m in _ORGAN_END.finditer(part):
        if _POST.match(part, m.end()):
            continue  # 专家委员会副主任顾云昌: the organ only says where the person serves
        head = LEADING_TIME.sub("", _ORGAN_STOP.sub("", part[max(0, m.start() - 10) : m.start()]))
        whole = m.group() in _WHOLE_ORGANS and not re.match(f"[{HAN}]", part[m.end() :])
        named = named_part(head + m.group()) if len(head) >= 2 else ""
        if len(named) > len(m.group()) or (not head and whole):  # 次年|国务院, not 这个会议
            candidates.append((m.end() - len(named or m.group()), named or m.group()))
    for m in TITLED.finditer(part):
        name = titled_name(part, m, speakers)
        at = part.find(name, m.start(1), m.end()) if name else -1
        if at > 0 and part[at - 1] in _OBJECT_OF:
            continue  # 但对李先生主张的…不认可: 李先生 is spoken of, not speaking
        if name:
            candidates.append((m.start(1) if at < 0 else at, name))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


# A comma-separated part of a sentence.
CLAUSE_PART = re.compile(r"[^，,]+")
# Prepositions and verbs right before a person that make them the object (对李先生, 向王女士).
_OBJECT_OF = frozenset("对向给跟把被让为替帮找问同与和")


# An organisation speaking through an unnamed official (白云边检站有关负责人介绍：), and
# the official alone (负责人说 / 该负责人表示).
# 人士 only as someone of the organisation (庞大集团相关人士, not 物业行业人士 or 社会人士).
_ROLE = r"(?:负责人|发言人|工作人员|高管|官员|(?:相关|有关|内部)人士)"
_SPOKESPERSON = re.compile(
    rf"(?P<organ>[{HAN}]{{2,16}}?)的?(?:相关|有关)?(?:{COUNTED}|一)?(?:[{HAN}]姓)?[男女]?(?:新闻)?{_ROLE}"
)
_BARE_ROLE = re.compile(rf"(?:该|上述|这名|这位|该名|此)?(?:相关|有关)?{_ROLE}")
# Officers the text does not name, and the police units it names (西安交警经开大队).
_BARE_POLICE = re.compile(rf"(?:该|这名|这位|{COUNTED})?(?:执勤|办案|值班)?(?:民警|交警)")
_UNIT_END = r"(?:交警大队|大队|支队|中队|派出所|公安局|公安分局|分局|交警队|警务队|警务站)"
_UNIT = rf"[{HAN}]{{2,14}}?{_UNIT_END}"
# A unit as running text names it (雅安市公安局名山区分局破获…): the units it belongs to
# first, then its own, but no officer (大队长) or member (队员) of it.
_POLICE_UNIT = re.compile(
    rf"{_UNIT}(?:[^\W了的到在至从和与将把被对向民警员人长]{{1,10}}?{_UNIT_END})*(?![长员])"
)
# Officers of a unit named with them (大竹县公安局经侦大队民警介绍).
_UNIT_OFFICER = re.compile(rf"(?P<unit>{_UNIT}){_BARE_POLICE.pattern}")
# What ends the words before a unit's name (来到了|西安交警经开大队, 记者从|西城分局).
_UNIT_LEAD = re.compile("[了的到在至从和与被将把向对由给]")
# How far back an unnamed official is looked for (a few paragraphs).
_SPOKESPERSON_SPAN = 1500


def _organ_of(match: re.Match[str] | None) -> str | None:
    """The organisation a spokesperson match names, if it names one (see
    :func:`dedup.persons.staffed_organ`)."""
    if match is None:
        return None
    return staffed_organ(match.group("organ"), match.string[match.end("organ") :])


def _spokesperson(view: str, offset: int, part: str) -> str | None:
    """The organisation that speaks in the clause ``part``, through an unnamed official.

    The conventions credit words an unnamed 负责人 or 发言人 says for a named organisation
    to the organisation, as printed (县美丽城乡建设办公室相关负责人介绍，“…” -> the office);
    an organisation the text does not name (该企业相关负责人) gives nobody. A later bare
    负责人说 is the last such official's organisation; a bare category (物业负责人) is the
    named organisation the page gave before that ends with it (万邦物业).
    """
    core = part.strip()
    core = core[len(CLAUSE_LEAD.match(core).group()) :]
    earlier = view[max(0, offset - _SPOKESPERSON_SPAN) : offset]
    spoke = _SPOKESPERSON.match(core)
    rest = core[spoke.end() :] if spoke else ""
    # Two or three characters right after the role, no time word or adverb, name the
    # official even where jieba reads them as other words (发言人申展利 -> 申展|利).
    official = re.fullmatch(f"[{HAN}]{{2,3}}", rest) and (
        rest[0] in NAME_SURNAMES
        or not tagged_words(rest)[0][1].startswith(
            ("t", "d", "r", "p", "c", "m", "f", "q", "u", "v")
        )
    )  # 发言人申展利, not 负责人回复
    if leading_person(rest) or official:
        return None  # 商务部新闻发言人何亚东表示: the person, found by the title rules
    organ = _organ_of(spoke)
    if organ is None and _BARE_ROLE.fullmatch(core):
        found = [o for m in _SPOKESPERSON.finditer(earlier) if (o := _organ_of(m))]
        organ = found[-1] if found else None
    officers = _UNIT_OFFICER.fullmatch(core)
    if organ is None and (officers or _BARE_POLICE.fullmatch(core)):
        # 民警介绍 after 西安交警经开大队 was named: the unit the officers serve in, named in
        # full as the page named it before (交警经开大队民警说 -> 西安交警经开大队).
        units = [_UNIT_LEAD.split(m)[-1] for m in _POLICE_UNIT.findall(earlier)]
        units = [u for u in units if len(u) > 3 and u[0] not in "该这此其本"]  # not 该县公安局
        if officers:
            own = _UNIT_LEAD.split(officers.group("unit"))[-1]
            fuller = [u for u in units if u.endswith(own)]
            # A unit it does not name (辖区派出所, 当地派出所) is the one named before.
            units = fuller[-1:] or ([own] if named_part(own) else units)
        organ = units[-1] if units else None
    if organ is None or len(organ) > 2 or organ[-1] not in ORGANISATION_END:
        return organ  # a name, or a brand one of whose staff speaks (滴滴一名发言人)
    # A bare category (物业, 公司): the named organisation it is short for (…的万邦物业办公室).
    found = re.findall(rf"(?:(?<![{HAN}])|(?<=的))([{HAN}]{{2,6}}{organ})", earlier)
    organs = [n for n in map(functools.partial(named_part, proper=False), found) if n != organ]
    return organs[-1] if organs else None  # not 车居然被|物业 from a headline


# A document, or an issuer the text does not name again, as the subject of a verb
# (报告指出, 公告显示, 该公司在声明中称, 公司在年报中表示).
_DOCUMENT_SUBJECT = re.compile(
    r"^(?:该|这份|此|其)?(?:报告|公告|通报|声明|通知|情况说明|说明|判决书|起诉书|年报|快报)"
    r"(?:中|里)?$"
)
_ISSUER_SUBJECT = re.compile(
    rf"^(?:该|这家|这所|此)?(?:{BARE_BODIES}|校|院)"
    r"(?:在(?:其)?(?:声明|公告|通报|年报|说明|回应|公开信|致歉信)中)?$"
)
# An organisation publishing a document (海尔智家29日晚间发布公告, 贵州茅台3月29日晚披露的年报).
_PUBLISHER = re.compile(
    rf"([{HAN}]{{2,16}}?)(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?(?:[早晚]间|晚|当天|当日|今天|昨天|近日|日前|今日|昨日)?"
    r"(?:正式)?(?:发布|披露|印发|发出)"
)
# How far back the publisher of a document is looked for.
_PUBLISHER_SPAN = 300


def _publisher(view: str, offset: int, part: str) -> str | None:
    """Who issued the document that ``part`` makes the subject (报告指出 after 中国消费者协会
    发布的报告显示…; 该公司在声明中称 after 长城汽车当日发布声明): the last organisation the
    text showed publishing something, within ``_PUBLISHER_SPAN`` characters, or the one the
    subject itself names (国家统计局发布的报告指出, 新华社评论员文章指出)."""
    core = LEADING_TIME.sub("", part.strip())
    own = _OWN_DOCUMENT.fullmatch(core)
    if own:
        acting = any(f[0] in "vpc" for _, f in tagged_words(own.group(1)))
        # not 王建华引用|人民日报社论 or X根据|国家统计局发布的数据: the subject is someone else
        return None if acting else _organisation(_ORGAN_STOP.sub("", own.group(1)))
    if not (_DOCUMENT_SUBJECT.match(core) or _ISSUER_SUBJECT.match(core)):
        return None
    earlier = view[max(0, offset - _PUBLISHER_SPAN) : offset]
    for m in reversed(list(_PUBLISHER.finditer(earlier))):
        name = _organisation(_ORGAN_STOP.sub("", m.group(1)))
        if name:
            return name
    return None


# A document named with its publisher as the subject of a verb (国家统计局发布的报告,
# 新华社评论员文章, 人民日报社论).
_OWN_DOCUMENT = re.compile(
    rf"([{HAN}]{{2,16}}?)(?:(?:今天|昨天|日前|近日)?(?:发布|公布|印发|发出|披露)的(?:最新)?"
    r"(?:报告|公告|通报|声明|通知|文件|数据)|评论员文章|评论员|社论|社评)(?:中|里)?"
)


def _organisation(name: str) -> str | None:
    """``name`` if it reads as an organisation's (贵州茅台, 国家统计局), not a person's or a
    clause (网友李女士)."""
    tokens = tagged_words(name)
    plain = len(name) >= 4 and not any(
        flag[0] in "vpdruc" or is_name_token((word, flag)) or word in HONORIFICS
        for word, flag in tokens
    )
    return name if tokens and (organ_named(tokens) or plain) else None


def _after_last_quote(offset: int, part: str) -> tuple[int, str]:
    """The part of a clause after its last closing mark, if any words follow the mark."""
    *_, tail = _AFTER_QUOTE.split(part)
    if not tail.strip() or len(tail) == len(part):
        return offset, part
    return offset + len(part) - len(tail), tail


def verb_subject(view: str, start: int, end: int, speakers: Speakers) -> str | None:
    """Speaker named in ``view[start:end]``, the clause before a speech verb.

    The subject sits in the last comma-separated part that mentions anyone (在《求是》…中,
    总书记强调 -> 总书记), and is the earliest mention there (他向书记汇报 -> 他); within a
    part, words after a closing mark come first. The part right before the verb is also read
    for an official speaking for an organisation, a name only jieba or the page knows, or a
    bare name, before earlier parts are (贾沃斯基的律师，安德鲁在邮件里表示 -> 安德鲁).
    """
    parts = [(m.start(), m.group()) for m in CLAUSE_PART.finditer(view[start:end])]
    continues = _CONTINUATION.sub("", view[start:end].rstrip()).endswith(("，", ","))
    # 李建国放下锄头，笑着说: a manner phrase alone (笑着, 高兴地) has no subject of its own,
    # nor has a phrase saying whom the words are for (公孙敖无功而返，对武帝说).
    continues = continues or (
        len(parts) > 1 and (manner_only(parts[-1][1]) or _ADDRESSEE.fullmatch(parts[-1][1]))
    )
    adjacent = bool(parts) and start + parts[-1][0] + len(parts[-1][1]) == end and not continues
    for k in range(len(parts) - 1, -1, -1):
        offset, part = parts[k]
        if k < len(parts) - 1 and _SETTING.match(part.strip()):
            continue  # 在朱自清《背影》中，父亲说: the work is where, not who
        # Someone named after a closing mark opens a clause of their own (杨爷爷说：“…”程奶奶
        # 冲他笑着说); with nobody there, the quote sat inside the clause (外交部就“…”一事表示).
        tail_at, tail = _after_last_quote(offset, part)
        next_to_verb = adjacent and k == len(parts) - 1
        if next_to_verb:
            if _SOMEONE_UNNAMED.search(tail):
                return None  # 《投诉直通车》栏目有网友发帖称: the netizen, not the column
            after_when = _after_time_clause(view, start + tail_at, tail, speakers)
            if after_when:
                return after_when  # 王某走后李某对记者说: 李某, after the time clause
            heard = _HEARD.search(tail)
            if heard:  # 他称，听警官说 / 王小明听李女士说: the one heard speaks (not 听证会上)
                who = bare_name(heard.group("who"), speakers)
                if who or _unnamed_role(heard.group("who")):
                    return who
        who = _first_mention(tail, start + tail_at, view, speakers) if tail_at != offset else None
        # A long tail after a statement is a clause of its own, whoever said the statement;
        # after a term it is the rest of the clause the term sits in (外交部就“…”一事表示).
        said = part[: tail_at - offset].rstrip("”」』’\"' ")
        long_quote = len(said) - len(said.rstrip(MASK)) >= _OWN_CLAUSE
        own = tail_at != offset and long_quote and len(tail.strip()) >= _OWN_CLAUSE
        who = who or (None if own else _first_mention(part, start + offset, view, speakers))
        if who:
            return who
        if next_to_verb:
            organ = _spokesperson(view, start + tail_at, tail) or _publisher(
                view, start + tail_at, tail
            )
            if organ:
                return organ
            if _someone_else(tail):
                return None  # 小陈…，对方直接反问: someone unnamed speaks, not 小陈
            # The clause right before the verb holds its subject even when only jieba or the
            # page knows the name (贾沃斯基的律师，安德鲁在邮件里表示 -> 安德鲁).
            name = None
            for words in dict.fromkeys((tail,) if own else (tail, part)):  # after the mark first
                name = (  # a name the page frames first: jieba may glue a role to it
                    framed_subject(words, view)  # (博士生王生位说: not 博士生王生|位)
                    or bare_name(words, speakers)
                    or page_subject(words, view)
                )
                if name:
                    break
            if name:
                return later_reference(view, start, name, speakers)
            if _unnamed_role(tail):
                return None  # 王小明告诉记者，他报了警，民警说: not 王小明
            # 刘学伟拿着李女士的面膜看了看说: the person the clause opens with, whatever they
            # do before speaking (see _acts_first).
            who = clause_subject(view, start + tail_at, tail, speakers)
            if who and who in tail and _acts_first(tail.partition(who)[2]):
                return who
    # 孔乙鸡便涨红了脸，争辩道: a verb without its own subject continues the sentence's, the
    # subject of the nearest clause that opens with a person (特朗普表示…，并将其描述为…，认为).
    if continues:
        for offset, part in reversed(parts):
            who = clause_subject(view, start + offset, part, speakers)
            if who:
                return who
    return None


# What a paper's reporter does to someone else, who then speaks (《…》记者采访时, 记者随后
# 联系了涉事学校); not 记者问 or 记者提问, where the reporter's question is the paper's.
_INTERVIEWING = frozenset({"采访", "专访", "连线", "联系", "致电", "联系上", "走访"})
# An adverbial part naming a work, before the clause of the verb (在朱自清《背影》中，…;
# 经过王小明《…》的论证，…): neither the work nor its writer is that clause's subject.
_SETTING = re.compile(r"(?:在|经过|通过|根据|按照|从)[^，,]*《[^》]+》")
# How long a quote and the words after its closing mark must be for those words to make a
# clause of their own.
_OWN_CLAUSE = 10
# What may stand between the comma and the verb of a clause that continues the last
# clause's subject (…，并将其描述为 / …，还把它称为).
_CONTINUATION = re.compile(r"(?:并|还|又|也|更|则|就|且)*(?:自己)?(?:将|把)?(?:其|它|此)?$")
# A title phrase before the person who opens a clause (美国总统特朗普为…辩护，直指…).
# Who makes a work (《平凡的世界》的作者): after them the work is no longer the speaker.
_WORK_ROLE = re.compile(r"(?:作者|译者|导演|编剧|主持人|主演|制片人|主编|总编辑|创作者)")
_TITLE_PREFIX = re.compile(rf"[{HAN}]{{0,12}}?(?:{TITLES_RE})")


def clause_subject(view: str, offset: int, part: str, speakers: Speakers) -> str | None:
    """The person a clause opens with, the subject of a verb that follows it after a comma.

    In 而劳达更是开启了玩笑，说道 or 特朗普在推特上发布视频，宣布 the verb has no subject of
    its own and continues the last clause's. A conjunction or date may come first, and a
    title before the person (美国总统特朗普为…辩护，直指…); the person is a surname with an
    honorific (曹女士), a pronoun (虽然后来他有所退让，承认了…), a name jieba knows, or one the
    page named in full before (see :func:`dedup.mentions.people_in`).
    """
    lead = len(CLAUSE_LEAD.match(part).group())
    honored = HONORED.match(part, lead)
    if honored and surname_before(part, lead):  # 曹女士把…: jieba cuts surname and honorific
        return None if relation_after(part, honored.end()) else honored.group()
    if _PRONOUN.match(part, lead) and not part.startswith("的", lead + 1):
        return last_person(view, offset + lead, speakers)  # 虽然后来他有所退让，承认了…
    person = (
        page_subject(part[lead:], view)  # the page's own reading first (袁心玥, not 袁心|玥则)
        or leading_person(part[lead:])
        or framed_subject(part[lead:], view)
        or described_person(part[lead:])
    )
    if person and owner(part[lead:], len(person)):
        relative = _owned_person(view, offset + lead + len(person), offset + len(part), speakers)
        if relative:
            return relative
        if relation_after(part, lead + len(person)):
            return None  # 王小明的父亲赶到现场，说: someone of theirs the page does not name
    if person:
        return speakers.canonical(full_name(view, offset, person))
    people = people_in(view, offset + lead, offset + len(part), speakers)
    if not people:
        return None
    at, name = people[0]
    title = view[offset + lead : at]
    return name if not title or _TITLE_PREFIX.fullmatch(title) else None


def relation_after(part: str, at: int) -> bool:
    """``的`` and a relation or a post follow the owner ending at ``at`` (王小明|的父亲,
    小陈|的组长; not 的朋友圈)."""
    if not part.startswith("的", at):
        return False
    words = tagged_words(part[at + 1 : at + 7])
    return bool(words) and (words[0][0] in RELATIONS or words[0][0] in TITLES)


def _owned_person(view: str, start: int, end: int, speakers: Speakers) -> str | None:
    """The person right after an owner (刘才添|的父亲刘贤王, 李明|的律师张伟): 的 and nouns
    only between them, which name a relation, not an act (not 张某|的车撞上了李某)."""
    people = people_in(view, start, end, speakers)
    if not people:
        return None
    at, name = people[0]
    relation = view[start:at].strip("的")
    nouns = all(flag[0] == "n" for _, flag in tagged_words(relation)) if relation else True
    return name if view.startswith("的", start) and nouns and at - start <= 6 else None


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
# 在王小明看来，“…”: the words are the view of the person named.
_IN_VIEW = re.compile(r"在(?P<who>[^，,。；：:“”]{2,24}?)看来[，,：:]?\s*$")
# 《塔木德》中有段名言：「…」 / 他常说的一句话：“…”: a saying introduced by a noun, not a verb.
_SAYING = re.compile(r"(?:名言|名句|格言|原话|(?:的|段|句)话)[:：]\s*$")
# 俗话说：“…” / 常言道，“…”: a saying nobody in particular said, whoever the clause names
# before it (李达康1分钟前俗话说：, a byline).
_PROVERB = re.compile(
    r"(?:俗话|俗语|常言|老话|古话|古语|古人|谚语)(?:说得好|讲得好|说|道|讲|云)?[:：，,]?\s*$"
)
# 根据广州市白云预警发布中心发布的消息，“…”: the words of whoever issued the notice.
_ISSUER = re.compile(
    r"(?:根据|据)(?P<who>[^，,。；：:“”]{2,24}?)(?:发布|发出|公布|印发)?的?"
    r"(?:消息|通报|公告|声明|通知|通告)[，,：:]?\s*$"
)
# 根据公安部《…的通知》，“…” / 最高法《…的批复》中规定，“…”: the words of the document's
# issuer, an organ named right before the title.
_DOCUMENT_ISSUER = re.compile(
    rf"(?:根据|据|按照|依照|依据)?(?P<who>[{HAN}]{{2,12}}?)《[^》]{{2,60}}》"
    r"(?:第[一二三四五六七八九十百零〇\d]+条)?[中里]?"
    r"(?:规定|指出|明确|要求|提出|写道)?[，,：:]\s*$"
)
# Where a framed speaker's description ends and the person begins (《人民的名义》里沙瑞金).
_FRAME = re.compile(r"^.*》[里中]?")


def _framed(view: str, sent: int, pos: int, speakers: Speakers) -> Who:
    """Speech framed by a comparison or a noun (see ``_AS_SAID`` and ``_SAYING``), or a
    saying that is nobody's (``_PROVERB``)."""
    proverb = _PROVERB.search(view, sent, pos)
    if proverb:
        return Who(None, proverb.group().rstrip(":：，, "))
    for frame, verb in ((_AS_SAID, "说"), (_IN_VIEW, "看来")):
        m = frame.search(view, sent, pos)
        if m:
            who = _FRAME.sub("", m.group("who"))
            named = bare_name(who, speakers) or _first_mention(who, m.start(), view, speakers)
            return Who(named, verb)
    m = _DOCUMENT_ISSUER.search(view, sent, pos)
    body = named_part(m.group("who"), proper=False) if m else ""
    if ORGAN_SUFFIX.search(body):
        return Who(body, "发布")  # 记者查阅公安部《…》 -> 公安部
    m = _ISSUER.search(view, sent, pos)
    if m:
        who = m.group("who")
        issuer = bare_name(who, speakers)
        if issuer is None and who[-1] in ORGANISATION_END and tagged_words(who)[-1][1] != "v":
            issuer = who  # …预警发布中心; not 网友爆料 or 当地媒体报道
        return Who(issuer, "发布")
    m = _SAYING.search(view, sent, pos)
    if m:
        return Who(verb_subject(view, sent, m.start(), speakers), m.group().rstrip(":： "))
    return Who()


def speaker_before(
    view: str,
    sent: int,
    pos: int,
    speakers: Speakers,
    colon: bool = False,
    predicate: bool = False,
    spoken: bool = False,
) -> Who:
    """A speech verb ending the text before the opening mark (总书记强调:“…), or a framed one.

    With ``colon`` only a verb followed by a colon or dash counts: 不直接提到“厕所” mentions a
    word, 他说:“好” says it. An object between verb and quote needs a colon too (表示感谢,“…
    thanks, it does not speak), except for a ``predicate`` quote, one that ends its clause
    right after a short object: in 特朗普表示该协议“有缺陷”。 the quote is what the speaker
    said about the object, a piece of his own words. So is a predicate quote right after a
    characterizing verb (将其描述为“…”) or ending a short copula clause after the verb and a
    comma (格伦特认为，巡逻队是在“过度使用武力”。), and so is a ``spoken`` quote (words that
    say something, see :func:`dedup.attribution.speech_fragment`) ending a short reported clause after a
    verb of reporting and a comma (布林肯表示，美方“不寻求与中国脱钩”).
    """
    verbs = list(VERB.finditer(view, sent, pos))
    for k in range(len(verbs) - 1, -1, -1):
        m = verbs[k]
        if _PASSIVE.search(view, sent, m.start()):
            continue  # 他被媒体形容为“…”: the subject is who the words are about
        tail = _VERB_TAIL.match(view[m.end() : pos])
        # 格伦特认为，巡逻队是在“过度使用武力”: the quote is the reported clause's predicate;
        # in 黄益平表示，市场调整“仍在进行中” a piece of the speaker's words ends the clause.
        copula = predicate and (
            COPULA_CLAUSE.fullmatch(view, m.end(), pos) is not None
            or (spoken and m.group() in REPORTING and _reported(view, m.end(), pos))
        )
        if not tail and not copula:
            continue
        obj, sep = (tail.group("obj"), tail.group("sep")) if tail else ("", None)
        if told(m.group(), obj):
            obj = ""  # 告诉记者，“…”: whom the words are for, which the quote does not complete
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
        subject = verb_subject(view, sent, verbs[first].start(), speakers)
        if m.group() in CITING and obj:
            return Who(_cited(obj, speakers), m.group(), subject).because("before")
        return Who(subject, m.group()).because("before")
    framed = _framed(view, sent, pos, speakers)
    if framed.verb is not None:
        return framed.because("framed")
    return _colon_frame(view, sent, pos, speakers).because("colon")


# A phrase naming whom the words are for, opening a clause with no subject (对武帝说).
_ADDRESSEE = re.compile(rf"\s*(?:又|便|就|也|还)?(?:对(?!方)|向|跟|朝|冲)[{HAN}]{{1,8}}")
# Words that make the person after them the one spoken to (记者问王先生, 对王先生).
_ADDRESSING = re.compile(rf"(?:{TO_WHOM}|讯问|询问)[^，,。：:]{{0,6}}$")  # 主持人问嘉宾|张伟


# A work ending a clause, with what stands before it (苏平的|《赞豆腐》).
_WORK = re.compile(r"(?P<before>.*)《(?P<title>[^》]{1,30})》[中里]?$")
# Titles of papers a person is the subject of, not the writer (陈某的《起诉书》, 《成绩报告单》).
_RECORD = re.compile(r"(?:书|单|报告|通知|决定|意见|规定|条例|办法|公告|通报|证明|档案|材料)$")


def _writer(before: str, title: str) -> str | None:
    """The person named right before a work's title, who wrote it and speaks its words
    (顾恺之《画云台山记》, 苏轼的《定风波》); not for a record about them (陈某的《起诉书》).

    A preposition may stand before the writer (早在顾恺之《画云台山记》中, 在鲁迅《故乡》里):
    it governs the work, so only the words after it are read for the name.
    """
    if not before or _RECORD.search(title):
        return None
    tokens = tagged_words(before.removesuffix("的"))
    lead = max((i + 1 for i, (_, flag) in enumerate(tokens) if flag == "p"), default=0)
    return person_at_end("".join(word for word, _ in tokens[lead:]))


def _colon_frame(view: str, sent: int, pos: int, speakers: Speakers) -> Who:
    """The person whose clause a colon before the quote ends, when no known verb speaks.

    Speech is introduced by more verbs than any list holds (卡波特在《冷血》的结尾这样写：,
    丘某…对着民警恶言相告：, 王歆发了一条朋友圈：). A colon right before a quote introduces
    somebody's words; they are the words of the person the clause, or the clause it
    continues, opens with (see :func:`clause_subject`). A clause that opens with no person
    (公开材料显示：, 墙上写着：) names nobody.
    """
    m = re.search(r"[:：]\s*$", view[sent:pos])
    if not m:
        return Who()
    parts = [(p.start(), p.group()) for p in CLAUSE_PART.finditer(view, sent, sent + m.start())]
    last = parts[-1][1] if parts else ""
    work = _WORK.match(last)
    writer = _writer(work.group("before"), work.group("title")) if work else None
    if writer:
        return Who(speakers.canonical(writer))  # 想起明代苏平的《赞豆腐》：“…”
    # 皂郊镇杨集村村民李向荣：“…”: a clause that is only a person, described, introduces them.
    verbless = not VERB.search(last) and all(flag[0] != "v" for _, flag in tagged_words(last))
    if re.fullmatch(rf"[{HAN}]{{2,24}}", last) and verbless:
        person = person_at_end(last)
        if person and not _ADDRESSING.search(last.removesuffix(person)):  # not 记者问王先生：
            return Who(speakers.canonical(person))
    for offset, part in reversed(parts):
        at, tail = _after_last_quote(offset, part)
        answering = clause_subject(view, at, tail, speakers) if at != offset else None
        if answering:
            return Who(answering)  # 被告人高某辩称：“…”证人李某随即作证：“…”
        if at != offset and _unnamed_role(tail):
            break  # 被告人高某辩称：“…”公诉人随即反驳：“…”: the prosecutor, unnamed
        if _SOMEONE_UNNAMED.search(part):
            break  # 李局长介绍，…，有市民打来电话说：“…”: the caller, unnamed
        who = clause_subject(view, offset, part, speakers)
        if who:
            return Who(who)
        if _other_subject(part):
            break  # 丘某被带回了中队，墙上写着：“…”: the wall speaks for nobody
    return Who()


def unnamed_colon(view: str, sent: int, pos: int) -> bool:
    """A colon before the quote ends a clause in which someone unnamed speaks (…，有市民打来
    电话说：): the words are theirs, not those of whoever opened the sentence."""
    m = re.search(r"([^，,。！？；]*)[:：]\s*$", view[sent:pos])
    return m is not None and bool(_SOMEONE_UNNAMED.search(m.group(1)))


def _other_subject(part: str) -> bool:
    """The clause opens with a subject of its own that is no person (墙上写着, 屏幕上跳出):
    an earlier clause's person does not carry past it."""
    core = part.strip()
    core = LEADING_TIME.sub("", core[len(CLAUSE_LEAD.match(core).group()) :])
    tokens = tagged_words(core[:NAME_SPAN]) if core else ()
    return bool(tokens) and tokens[0][1] in ("n", "s", "ns", "nt", "nz")


def _reported(view: str, start: int, pos: int) -> bool:
    """``view[start:pos]`` is a short reported clause with no speech verb of its own
    (警方介绍，嫌疑人曾扬言“…”: the words are the suspect's, not the police's)."""
    if not _REPORTED_CLAUSE.fullmatch(view, start, pos):
        return False
    return not VERB.search(view, start, pos) and not SAYS_TOO.search(view, start, pos)


def _predicate_of(verb: str, obj: str, sep: str | None, predicate: bool) -> bool:
    """The quote completes ``verb + obj`` (表示该协议“有缺陷”, 将其描述为“…”): see
    :func:`speaker_before`."""
    if not predicate or sep is not None or len(obj) > _OBJECT_MAX:
        return False
    return bool(obj) or verb in CHARACTERIZING or verb in SAYS


# A subject set against the one before (X则表示，…): someone else's turn begins, unless the
# verb ends the sentence (“…”王强却说。 is 王强's).
_CONTRAST = re.compile(r"[则却]\s*$")
# A verb that ends its sentence.
_SENTENCE_END = re.compile(r"\s*(?:[。！？!?\n]|$)")


def speaker_after(view: str, pos: int, speakers: Speakers) -> Who:
    """A speaker and verb right after the closing mark (”习近平书记表示肯定)."""
    stop = pos
    while stop < len(view) and stop - pos < 40 and view[stop] not in BOUNDARIES | set(PAIRS):
        stop += 1
    start = pos
    while start < stop and view[start] in "，, ":
        start += 1
    verb = VERB.search(view, start, stop)
    if not verb or verb.start() == start:
        return Who()
    # “不可食用”的烂水果…小陈告诉记者: the quote modifies a noun and nobody says it, unless
    # 由 names who put it forward (“弃婴箱”的想法是由莫妮卡提出的).
    if view.startswith("的", start) and "由" not in view[start : verb.start()]:
        return Who()
    # ”爱奇艺表示：“… – a verb before a colon introduces the next quote, not this one.
    if re.match(r"\s*(?:[:：]|——)", view[verb.end() : verb.end() + 3]):
        return Who()
    clause = view[start : verb.start()]
    ends = _SENTENCE_END.match(view, verb.end()) is not None
    if _CONTRAST.search(clause) and not ends:
        return Who()  # ”队长袁心玥则表示，…: a second voice answers the first
    parts = list(CLAUSE_PART.finditer(view, start, verb.start()))
    if len(parts) > 1 and ends and parts[-1].end() == verb.start():
        # ”站在田埂上，种粮大户刘长贵笑着说。: a scene, then the speaker ending the sentence.
        who = verb_subject(view, parts[-1].start(), verb.start(), speakers)
        if who:
            return Who(who, verb.group())
    if named_earlier(view, pos, clause, speakers):
        return Who(clause, verb.group())  # ”格伦特说。
    organ = _spokesperson(view, start, clause)
    if organ:
        return Who(organ, verb.group())  # ”负责人说。
    if (
        _first_mention(clause[:4], start, view, speakers) is None
        and not any(clause.startswith(name) for name in cued_names(view))  # 秦朝滨|向…供述
        and not ("，" not in clause and "," not in clause and bare_name(clause, speakers))
    ):
        # Somebody unrecognised speaks right after the quote (”参谋长皋古卫说): the verb is
        # kept without a speaker, which stops an earlier speaker from carrying over.
        return Who(None, verb.group()) if "，" not in clause and "," not in clause else Who()
    return Who(verb_subject(view, start, verb.start(), speakers), verb.group())


def sentence_topic(view: str, sent: int, opened: int, speakers: Speakers) -> str | None:
    """The person a sentence is about, for a statement it goes on to quote after a comma.

    News runs a person's words on in the sentence that introduced them without a verb of
    saying: 伍某不再辩驳，“…”; 秦蘋希望，池忠国能够…，“…”; 他待在医院外，“…”. The speaker is
    the person the sentence's first clause opens with (see :func:`clause_subject`), not
    whoever the reported clauses after it are about.
    """
    topic = None
    for part in CLAUSE_PART.finditer(view, sent, opened):
        at, words = _after_last_quote(part.start(), part.group())  # “…”陈某的说法也…，“…”
        who = clause_subject(view, at, words, speakers)
        if who is None and topic is not None and _other_subject(words):
            return None  # 特朗普走进教室，黑板上写着一行字，“…”: the board is no speaker
        topic = topic or who
    return topic


# Where a saying or line of verse comes from (“…”这句词源自李清照的《如梦令》).
_ORIGIN = re.compile(r"(?:源自|出自|语出|引自|摘自)")


def origin(view: str, pos: int, speakers: Speakers) -> Who:
    """The author a quote is traced to later in its sentence (“…”出自苏轼的《定风波》)."""
    stop = pos
    while stop < len(view) and stop - pos < 60 and view[stop] not in BOUNDARIES:
        stop += 1
    m = _ORIGIN.search(view, pos, stop)
    if not m:
        return Who()
    rest = view[m.end() : stop]
    author = leading_person(rest) or _first_mention(rest, m.end(), view, speakers)
    return Who(speakers.canonical(author) if author else None, m.group())


# Words for people the role and relation lists leave out (一个男人的声音, 身旁的小伙子).
# (see also _UNNAMED_PEOPLE).
_PEOPLE = frozenset(
    {"男子", "女子", "男人", "女人", "小伙子", "小伙", "姑娘", "老人", "妇女", "小哥", "前妻"}
    | {"前夫", "爱人", "粉丝", "遗孀", "继母", "继父", "病人", "表哥", "表姐", "中介", "对手"}
)


def _acts_first(rest: str) -> bool:
    """``rest``, what a clause says after the person it opens with and before the verb of
    saying, is what that person does first (拿着李女士的面膜看了看, 牵着小白马, 颇有经验地):
    it opens with a verb, adverb, preposition or adjective, and names nobody else who may be
    the one speaking: someone heard, sent or cited (听王芳, 让秘书, 援引…的话), someone of
    theirs or counted (的教练丹尼斯, 前妻, 一名男子), or a noun that a relative clause makes
    the clause's head (张某介绍的中介). Whom the words are for does not count (向检察机关办案
    人员)."""
    told = _TOLD_ROLE.search(rest)
    if told and not rest[: told.start()]:
        return True  # 秦朝滨|向检察机关办案人员|供述
    rest = rest[: told.start()] if told else rest
    tokens = tagged_words(rest)
    acts = tokens and (tokens[0][1].startswith(("v", "d", "p", "a")) or tokens[0][0][-1] == "地")
    if not acts:
        return False  # (坦率地: jieba tags some manners as nouns)
    if _OTHER_SPEAKS.search(rest) or re.search(COUNTED, rest):
        return False
    relative = any(
        word == "的" and tokens[k - 1][1].startswith("v") for k, (word, _) in enumerate(tokens) if k
    )
    if relative and tokens[-1][1].startswith("n"):
        return False  # 张某介绍的中介: the agent speaks (not 拉着孙正义的手)
    return not any(
        (role_word(word) and not flag.startswith("nr") and word != "手")  # 李女士, 拉着他的手
        or word in KIN
        or word in _PEOPLE
        or word in _UNNAMED_PEOPLE
        for word, flag in tokens
    )


def introducer(view: str, sent: int, pos: int, speakers: Speakers) -> Who:
    """A speaker who opened the sentence with ``X强调,`` and went on in reported speech.

    Only a comma after the verb counts, and only if narration follows it: after ``强调:“…”``
    the speaker's words are the quote itself, and later quotes in the sentence are the
    writer's.
    """
    for m in VERB.finditer(view, sent, pos):
        # 何阿姨说只有一条，那就是“…”: a verb of saying may open the reported words directly
        direct = (
            m.group() in SAYS - {"表示"}  # 表示道歉“…”, 表示感谢“…”: an attitude, not words
            and re.match(f"[{HAN}](?<![出过了着起])", view[m.end() : m.end() + 1])
            and not VERB.search(view, m.end(), pos)
            and not SAYS_TOO.search(view, m.end(), pos)
            and not _AFTER_QUOTE.search(view, m.end(), pos)  # nor past another quote
        )
        if (
            m.end() + 1 < pos
            and (view[m.end()] in "，," or direct)
            and view[m.end() + 1] not in PAIRS
        ):
            who = verb_subject(view, sent, m.start(), speakers)
            if who:
                return Who(who, m.group())
    return Who()
