"""Who a run of words names: a person or an organ, read from jieba's tagged words.

The attribution rules find the words where a speaker stands (the clause before 说, the words
after a closing mark); this module says whether those words name somebody, and whom. jieba's
part-of-speech tags are the evidence, repaired where they are known to fail on news text:
names cut into pieces (金|麦克, 马克|龙, 周鸿|祎), places glued to names (二村罗林生), ordinary
words tagged as names (美颜), manner phrases between subject and verb (激动地说), titles before
and after names (县委书记王立强, 李俊副局长), surnames with honorifics (市民袁先生), and organs
(中国外交部, 南充市公安局交警支队) as opposed to clauses that merely end like one.
These functions see only the words they are given; what the rest of the page says about a
name is :mod:`dedup.mentions`' concern.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from dedup.names import ROLE_END, common_word, listed, ordinary_word, without_latin_roles
from dedup.normalize import HAN, TRANSLITERATION
from dedup.speakers import (
    FAMILIAR,
    HONORIFICS,
    SURNAME_POSTS,
    SURNAMES,
    TITLES,
    TITLES_RE,
    Speakers,
)
from dedup.speech import VERB
from dedup.view import CLAUSE_LEAD, MASK

# Adverbs and time words between subject and verb, removed before a bare name is trusted.
ADVERBS = re.compile(
    r"(?:曾经|曾|也|还|又|都|多次|一再|再次|反复|明确|形象地|形象|深刻|深情|亲切|动情|郑重|"
    r"特别|着重|进一步|专门|十分|随后|当即|当庭|当场|当面|同时|仍然|仍|这样|如此|这么|却|则|"
    r"更是)+$"
)


def surname_before(text: str, at: int) -> bool:
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
KIN = frozenset(
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
# People named by whose they are (王小明的父亲, 李某的邻居): not the owner, whoever it is.
RELATIONS = KIN | frozenset(
    {"父亲", "母亲", "妻子", "丈夫", "儿子", "女儿", "家人", "家属", "亲属", "亲戚", "邻居"}
    | {"同事", "朋友", "同学", "老师", "律师", "孩子", "女友", "男友", "队友", "助手", "秘书"}
    | {"经纪人", "助理", "司机", "保姆", "徒弟", "师傅"}
)
LEADING_TIME = re.compile(
    r"^(?:\d{2,4}年|次年|当年|同年|去年|今年|明年)?(?:\d{1,2}月)?(?:\d{1,2}日)?"
    r"(?:上午|下午|晚间|当天)?"
)
# Prepositions and particles that make a clause a predicate (书记在参加代表团审议时), not a name.
_NOT_A_NAME = re.compile(r"[在时向对到从把被给和与的了着过将]")
# One-word organs that speak (法院认为, 公安部说, 美方强调), but not collectives that merely
# end like one (村干部, 当局 and 美国当局, 双方, 对方, 各方, 官方): who they are is not said.
ORGAN_SUFFIX = re.compile(r"(?<!干)(?<!当)(?<!双)(?<!对)(?<!各)(?<!官)[部院委局厅办署方]$")
# A count of people, who are then unnamed (一名民警, 两位专家, 几个学生, 多名网友).
COUNTED = "[一两几数多]+[名位个]"
# Words that qualify a title instead of naming its holder (新任会长陈国庆, 该负责人).
_MODIFIER = re.compile(r"新任|前任|现任|时任|首任|原|该|这|那|副|各|多位|有关")
TITLED = re.compile(rf"(?:^|(?<=[。！？\n，,：:、\s]))([{HAN}]{{2,3}}?)(?:{TITLES_RE})")

# One to eight syllables of a transliterated (Uyghur, Western) name, and such a name with
# its middle dots (亚森江·热合曼; the clean view restores dots that scrapes mangle).
_SYLLABLE = f"[{''.join(sorted(TRANSLITERATION))}]{{1,8}}"
# Not after 年: 年代·毛泽东 is a decade before a name, not 代·毛泽.
_DOTTED_NAME = re.compile(f"(?<!年){_SYLLABLE}(?:·{_SYLLABLE})+")


def dotted_names(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each transliterated name with middle dots in ``text``, without a last
    syllable that opens the next word (约翰·克里|略显疲惫, 默克尔|瑟缩: 略 and 瑟 spell names
    too, but 略显 and 瑟缩 are words)."""
    for m in _DOTTED_NAME.finditer(text):
        end = m.end()
        if len(m.group().rsplit("·", 1)[1]) > 2 and _opens_next_word(text, end - 1):
            end -= 1
        yield m.start(), end


def _opens_next_word(text: str, at: int) -> bool:
    """jieba reads ``text[at]`` as the start of a dictionary word (克里|略显, 尔|瑟缩; not
    柯克林|表示, nor 热合|曼说, a guess that glues the verb on)."""
    import jieba

    start = max(0, at - 2)
    pos = start
    for word in jieba.lcut(text[start : at + 3]):
        if pos == at:
            return len(word) > 1 and ordinary_word(word)
        pos += len(word)
    return False


# Prepositions of place, addressee or company that stand between a speaker and the verb.
_WHERE_TO_WHOM = frozenset("在对向跟和与同给朝于") | {"当着", "面对"}
# Words that open an adverbial after the subject: place, addressee, or topic (就此事表示).
_ADVERBIAL_START = _WHERE_TO_WHOM | {"就"}
# Last words of a clause that says when somebody spoke (朱旭接受采访时).
_WHEN = frozenset({"时", "时候", "之后", "后", "之际"})
# Characters that do not occur in a given name right after a surname (记者了解, 民警王说).
NOT_GIVEN = "们的了在是和与对向从把被给也都还又就说讲称表他她这那等"
_ROLE_NAME = re.compile(
    rf"[{ROLE_END}]((?:[老小阿][{''.join(sorted(SURNAMES))}])"  # 外卖骑手小刘
    rf"|[{''.join(sorted(SURNAMES))}][^{NOT_GIVEN}\W\dA-Za-z]{{1,2}})$"
)
# Words for people in general, which no given name is (警方人士 is not 警|方人士).
_GENERIC_PEOPLE = frozenset({"人士", "人员", "同志", "群众"})
# A transliterated name right after a role word (遇难者家属里欧): jieba takes it for a place.
_ROLE_FOREIGN = re.compile(
    rf"(?:[{ROLE_END}]|家属|亲属)([{''.join(sorted(TRANSLITERATION))}]{{2,5}})$"
)
# A title followed by two to four Han characters that end the clause (参谋长皋古卫).
_TITLE_THEN_NAME = re.compile(rf"(?:{TITLES_RE})([{HAN}]{{2,4}})$")
# A name in Latin letters ending the clause before a speech verb (巡警montiel说, 分析师Tom
# Lee表示). Job abbreviations (CEO) are roles, not names (see names.without_latin_roles).
_LATIN_ENDING = re.compile(r"([A-Za-z][A-Za-z'.\- ]{1,40}[A-Za-z])\s*$")


# Further titles joined to a first one (董事长兼总裁, 主任、首席专家).
_JOINED_TITLES = re.compile(rf"^(?:(?:兼|、)[{HAN}]{{0,6}}?(?:{TITLES_RE}))+")


def titled_name(part: str, m: re.Match[str], speakers: Speakers) -> str | None:
    """The person a ``words+title`` match names, or None if it names nobody.

    Titles come before names as often as after them: in 县委书记王立强 the words before
    书记 are the county, and the person is the name right after the title. Before a title
    the words must be a person jieba recognises (马一德教授) or a known alias; 市民袁先生
    names 袁先生 (surname + honorific), never 市民袁; 对于魏 or 在该 name nobody.
    """
    if part.startswith("的", m.end()):  # 张女士的婆婆: the speaker is someone else
        return None
    # 比亚迪董事长兼总裁王传福: the name follows the last of the joined titles.
    after = leading_person(_JOINED_TITLES.sub("", part[m.end() :], count=1))
    if after:
        return speakers.canonical(after)
    words, title = m.group(1), m.group()[len(m.group(1)) :]
    if _MODIFIER.match(words):
        return None
    if title in HONORIFICS:
        return words[-1] + title if surname_before(words, len(words) - 1) else None
    if speakers.canonical(words) != words or _is_person(words):
        return speakers.canonical(words)
    if title in _PERSONAL_TITLES and _whole_name_before_title(words):
        return words  # 钟南山院士: jieba tags the name as a place
    return None


# Last characters of an organisation's name (外交部, 派出所, 新华社, 服务中心).
ORGANISATION_END = "部院委局厅办署站所科处队旅社台报馆会司团业行校宫心府"
# Last characters of places, teams and fields, and of bodies, which no name before a title
# ends in.
_PLACE_END = frozenset("省市县区镇乡村州队学界")
_NOT_A_NAME_END = _PLACE_END | frozenset(ORGANISATION_END)
# Titles a person holds, never a place or a body (院士, 教授, 律师): before one, a surname and
# two characters that jieba reads as one word are a name whatever tag it gives (钟南山 ns),
# unlike 黄山市长 or 武大教授 (a place, a university).
_PERSONAL_TITLES = frozenset(
    {"院士", "教授", "副教授", "博士", "研究员", "特约研究员", "医生", "律师", "工程师"}
    | {"总工程师", "法官", "教练", "导演", "专家", "首席专家"}
)


def _whole_name_before_title(words: str) -> bool:
    """``words`` read as a full Chinese name: three characters, a surname first, one word to
    jieba and not a common one, and not ending like a place, a team or a field (江苏省专家,
    马刺队教练, 管理学教授, 金融界专家)."""
    one = len(tagged_words(words)) == 1
    named = words[-1] not in _NOT_A_NAME_END and not common_word(words)
    return len(words) == 3 and words[0] in NAME_SURNAMES and one and named


# A "name" jieba made of two names and a verb of asking or telling (张三问李四).
_ASKS_IN_NAME = re.compile(rf"([{HAN}]{{2,3}})(问|告诉)([{HAN}]{{2,3}})")


@functools.lru_cache(maxsize=4096)
def tagged_words(words: str) -> tuple[tuple[str, str], ...]:
    """jieba's (word, part of speech) tokens; cached, as clauses recur across quotes.

    jieba cuts names it does not know into pieces, and they are joined back into one name:
    name-tagged pieces (金|麦克, 努尔|妮萨) and a surname before a given name it tagged alone
    (黄|恩泽) or as a place (王|德顺). A transliterated name with a middle dot (亚森江·热合曼)
    is taken whole before jieba sees it, as jieba would cut it across the following verb
    (赛买|提是). A place jieba glued in front of a name is split off again (二村|罗林生),
    and so is a middle dot jieba put in front of one (年代|·|毛泽东); a "name" of two names
    and a verb between them is cut back into the three (张三|问|李四).
    """
    import jieba.posseg

    out: list[tuple[str, str]] = []
    at = 0
    for m in [*dotted_names(words), None]:
        for t in jieba.posseg.lcut(words[at : m[0] if m else len(words)]):
            word = t.word
            if word.startswith("·") and len(word) > 2:  # 年代|·毛泽东: the dot opens no name
                out.append(("·", "x"))
                word = word[1:]
            if out and _continues_name(out[-1], (word, t.flag)):
                out[-1] = (out[-1][0] + word, "nr")
            else:
                out.append((word, t.flag))
        if m:
            out.append((words[m[0] : m[1]], "nr"))
            at = m[1]
    return tuple(_unplaced(_unasked(out)))


def _unasked(tokens: Sequence[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """``tokens`` with each "name" made of two names and a verb of asking cut back into the
    three (张三问李四 -> 张三|问|李四)."""
    for word, flag in tokens:
        asking = _ASKS_IN_NAME.fullmatch(word) if flag.startswith("nr") else None
        if asking:
            yield from ((asking[1], "nr"), (asking[2], "v"), (asking[3], "nr"))
        else:
            yield word, flag


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
# Two-character surnames (欧阳晓峰, 司马南), which jieba cuts off their given names; not 东方,
# 南宫 or 长孙 (an eldest grandson), which start ordinary words as often.
_COMPOUND_SURNAMES = frozenset(
    {"欧阳", "司马", "上官", "诸葛", "司徒", "皇甫", "端木", "令狐", "慕容", "夏侯", "尉迟",
     "公孙", "宇文", "独孤", "轩辕", "呼延", "申屠", "澹台", "钟离", "濮阳", "太史"}
)  # fmt: skip
# What opens a familiar form of a surname that jieba cuts off (小|陈); 大 is left out, as
# 大|王 is more often "the big king" than a person.
_FAMILIAR_PREFIXES = frozenset("小老阿")
# Longest given part after the middle dot, in characters (卡波特, 雨果, 赛买提).
_AFTER_DOT_MAX = 4


def _continues_name(last: tuple[str, str], token: tuple[str, str]) -> bool:
    """``token`` is the next piece of the name ``last`` began (see :func:`tagged_words`).

    A middle dot after a name continues it, and so do the name-like pieces after the dot,
    up to ``_AFTER_DOT_MAX`` characters (维克多|·|雨果, 杜鲁门|·|卡|波特): transliterated
    names whose syllables :func:`dotted_names` does not list are still one person.
    """
    (prev, prev_flag), (word, flag) = last, token
    if flag.startswith("nr") and prev in TRANSLITERATION and prev_flag in _UNKNOWN:
        return True  # 佩|斯科夫: jieba leaves the first syllable of a foreign name alone
    foreign = len(word) >= 3 and all(ch in TRANSLITERATION for ch in word)
    if flag.startswith("nr") and foreign and prev in TRANSLITERATION and prev_flag == "a":
        return True  # 古|特雷斯: or takes it for an adjective
    if prev in _COMPOUND_SURNAMES and (
        flag.startswith("nr") or (flag[0] == "n" and len(word) <= 2)
    ):
        return True  # 欧阳|晓峰, 欧阳|娜娜: jieba reads a two-character surname as a place
    if prev_flag.startswith("nr") and word == "·" and "·" not in prev:
        return True
    if "·" in prev and re.fullmatch(f"[{HAN}]+", word):
        after_dot = prev.rsplit("·", 1)[1]
        # The first piece may be any noun (雨果 is one to jieba); later ones must be name-like,
        # or 维克多·雨果小说 would swallow the novel.
        fits = flag.startswith(_NAME_PIECE) or (not after_dot and flag.startswith("n"))
        return fits and len(after_dot + word) <= _AFTER_DOT_MAX
    if flag.startswith("nr") and (prev_flag.startswith("nr") or prev in SURNAMES):
        return True
    if prev in SURNAMES and word == "某某":
        return True  # 王|某某, 张|某某 (张 a measure word to jieba): an anonymised name
    if prev in _FAMILIAR_PREFIXES and word in SURNAMES and flag == "nr":
        return True  # 小|陈, 老|刘: how a page calls someone by surname
    return prev in SURNAMES and prev_flag == "nr" and flag == "ns" and len(word) <= 2


def _is_person(word: str) -> bool:
    """jieba reads ``word`` as one personal name (王运昌, 秦某)."""
    tokens = tagged_words(word)
    return len(tokens) == 1 and _tagged_name(tokens[0])


def _tagged_name(token: tuple[str, str]) -> bool:
    """jieba tags ``token`` as a personal name of two characters or more, whatever it is
    (see :func:`is_name_token` for the words that tag is wrong about)."""
    return token[1].startswith("nr") and len(token[0]) >= 2


# How many characters at most are cut to read a name at the edge of a clause (a name and
# what follows it): see :func:`leading_person`.
NAME_SPAN = 24


def leading_person(words: str) -> str | None:
    """The personal name ``words`` starts with (王立强 in 王立强在会上), if any.

    Only the first ``NAME_SPAN`` characters are cut: a name is short, and cutting the whole
    rest of a long page for every title on it made attribution quadratic. jieba often cuts a
    transliterated or rare name short; see :func:`whole_name`.
    """
    tokens = tagged_words(words[:NAME_SPAN]) if words else ()
    if len(tokens) >= 2 and _syllable(tokens[0]) and is_name_token(tokens[1]):
        return whole_name(tokens[0][0] + tokens[1][0], tokens[2:])  # 古|特雷斯, 朔|尔茨
    if tokens and is_name_token(tokens[0]):
        return whole_name(tokens[0][0], tokens[1:])
    return None


# Parts of speech of the words that may describe a person before their name: nouns, places,
# adjectives, numbers and measures (大一|学生|王小明, 35|岁|的|法官|邵智峰).
_DESCRIBING = ("n", "a", "m", "q", "b", "j", "uj")


# People named by their part in a case or a venture (被告人王某某, 创始人李明): words in 人,
# which ROLE_END leaves out (个人, 他人, 本人 name nobody).
_PARTIES = frozenset(
    {"被告人", "被告", "原告", "当事人", "嫌疑人", "被害人", "受害人", "证人", "公诉人"}
    | {"辩护人", "报警人", "举报人", "代理人", "创始人", "投资人", "合伙人", "继承人", "监护人"}
)


def role_word(word: str) -> bool:
    """``word`` says what someone is (法官, 大一学生, 主管, 父亲, 被告人), so a name may
    follow it."""
    return word in TITLES or word in RELATIONS or word in _PARTIES or word[-1] in ROLE_END


def described_person(words: str) -> str | None:
    """The person ``words`` opens with after a description of them (大一学生王小明深有感触,
    海油国际有限公司主管廖望): nothing but nouns, numbers and adjectives before the name.

    Not a name that owns someone after it (村民王小明的父亲), nor one before a noun, which is
    a place inside an organ's name (公安局龙岗分局). Nor one after a verb, preposition or
    conjunction (学生和王小明, 对王小明): that is someone else's clause.
    """
    tokens = tagged_words(words[:NAME_SPAN]) if words else ()
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
        if is_name_token(token) and following[0] == "的":
            return None  # 村民王小明的父亲: someone of theirs
        # A "name" before a noun is part of an organ's name (公安局|龙岗|分局|所长|王小明).
        if is_name_token(token) and not following[1].startswith("n"):
            role = i > 0 and role_word(tokens[i - 1][0])
            return untitled(whole_name(token[0], tokens[i + 1 :])) if role else None
        # 主持人问嘉宾张伟: jieba tags 问 a noun, but the asker speaks to the one named
        asks = VERB.fullmatch(token[0]) or token[0] in ("讯问", "询问")
        if not token[1].startswith(_DESCRIBING) or token[0] in _WHERE_TO_WHOM or asks:
            return None
    return None


def untitled(name: str) -> str:
    """``name`` without a title jieba glued onto its front (顾问孙倩 -> 孙倩)."""
    for title in TITLES:  # longest first
        rest = name.removeprefix(title)
        if rest != name and len(rest) in (2, 3) and rest[0] in NAME_SURNAMES:
            return rest
    return name


def is_name_token(token: tuple[str, str]) -> bool:
    """jieba tags ``token`` as a personal name, and it is not a place or department it
    mistook for one (江城市; 呼吸科: no surname, an organisation's ending)."""
    if not _tagged_name(token):
        return False
    word, flag = token
    department = word[0] not in SURNAMES and word[-1] in ORGANISATION_END
    place = len(word) == 3 and word[-1] in "市省县区镇乡村州街路巷"
    surnamed = word.endswith("姓")  # 唐姓负责人: someone surnamed 唐, not named
    # 小曹向中介缴纳 -> 曹向, 企业和台青 -> 和台青: a preposition or conjunction glued on.
    glued = (len(word) == 2 and word[1] in NOT_GIVEN) or word[0] in _JOINING
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
        (word[0] in NAME_SURNAMES and len(word) <= 3)
        or (word[:2] in _COMPOUND_SURNAMES and len(word) <= 4)
        or FAMILIAR.fullmatch(word)
    )
    foreign = sum(ch in TRANSLITERATION or ch == "·" for ch in word) >= len(word) - (len(word) >= 4)
    return bool(chinese) or foreign


# Prepositions and conjunctions that no name starts with.
_JOINING = frozenset("和与对在把被给从据及")
# Surnames that open a name jieba knows: the common ones, and rarer ones that
# :data:`dedup.speakers.SURNAMES` leaves out because they also start ordinary phrases (于是, 常常).
NAME_SURNAMES = SURNAMES | frozenset("于常申关辛房宫费项景党单吉古车华")
# Parts of speech of a lone character jieba cut off a name (马克|龙, 古|特雷斯, 李家|豪).
_SYLLABLE_FLAGS = frozenset({"a", "ag", "b", "j", "n", "ng", "nr", "nrt", "zg"})
# Characters that follow a name without belonging to it (陈建国|家, 张立华|时, 王德顺|问,
# 育德|街).
_AFTER_NAME = frozenset(NOT_GIVEN) | frozenset("家方处某氏一时问曾后前里上下中街路巷市县区镇乡村")


def _syllable(token: tuple[str, str]) -> bool:
    word, flag = token
    return len(word) == 1 and flag in _SYLLABLE_FLAGS and word not in _AFTER_NAME


def whole_name(name: str, rest: Sequence[tuple[str, str]]) -> str:
    """``name`` with the syllable jieba left behind it: 马克|龙|在 -> 马克龙, 李家|豪|和 ->
    李家豪, and 斯塔|默在 -> 斯塔默 where jieba glued the syllable to the next word (a
    piece that is no dictionary word and ends in 在, 说, 和…); 刘主|任 is 刘主任."""
    chinese = len(name) >= 3 and name[0] in NAME_SURNAMES
    if not rest or (chinese and not all(ch in TRANSLITERATION for ch in name)):
        return name  # 王小明|难|掩: a Chinese name of three is whole
    word = rest[0][0]
    if len(name) == 2 and name[1] + word[:1] in TITLES:
        return name + word[0]  # 刘主|任: a surname and a post (刘主任), as 王局长 is
    # 罗文|魁 at the end of a clause: a lone character jieba takes for a place ends a name too
    last = _syllable(rest[0]) or (rest[0][1] == "ns" and len(word) == 1 and word not in _AFTER_NAME)
    if last and (len(rest) == 1 or rest[1][1] in _BOUNDARY_FLAGS):
        return name + word
    glued = len(word) == 2 and word[1] in NOT_GIVEN and word[0] not in _AFTER_NAME
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
        elif (both := _doing_both(out)) is not None:
            del out[both:]  # 王小明一边擦汗一边说: what he does while speaking
        elif out[-1][0] in ("地", "的") and len(out) >= 2:
            del out[-2:]
        elif out[-1][1] in ("d", "c") or out[-1][0] in _DEGREE:
            del out[-1]  # 仍, 总是, 有些 (有些闷闷的)
        elif out[-1][1] == "z" and out[-1][0].endswith(("地", "的")):
            del out[-1]  # 闷闷地, 轻轻地: jieba keeps a doubled manner word whole
        elif len(out) >= 2 and out[-1][1] == "uz" and out[-2][1].startswith("v"):
            del out[-2:]  # 刘建军笑着说
        elif len(out) >= 3 and out[-2][1] == "uz" and out[-3][1][0] in "va":
            del out[-3:]  # 陈永福红着眼眶说 (红 an adjective doing a verb's work)
        elif len(out) >= 2 and out[-1][1].startswith("v") and is_name_token(out[-2]):
            del out[-1]  # 张明分析认为, 王立强回忆说: a verb before the speech verb (not 窦|希望)
        elif (brief := _brief_act(out)) is not None:
            del out[brief:]  # 刘学伟看了看说, 张伟笑了笑说, 他看了一眼说
        else:
            break
    return out


def _doing_both(tokens: Sequence[tuple[str, str]]) -> int | None:
    """Where a 一边…一边 (边走边) phrase starts, when it ends the tokens after a person."""
    if not tokens or tokens[-1][0] not in ("一边", "边"):
        return None
    first = next((i for i, (w, _) in enumerate(tokens[:-1]) if w in ("一边", "边")), None)
    return first if first else None


# Words of degree before a manner, which jieba tags as pronouns (有些闷闷的).
_DEGREE = frozenset({"有些", "有点", "有一些", "有一点"})
# A brief act before speaking: a verb said twice (看了看, 想一想, 笑了笑) or done once (看了
# 一眼, 顿了一下, 叹了一口气). It says how, not who, like a manner word.
_BRIEF_ACT = re.compile(r"(?:(\w)了?一?\1|\w{1,2}了一(?:眼|下|声|口气|会儿?))$")


def _brief_act(tokens: Sequence[tuple[str, str]]) -> int | None:
    """Index where a brief act (see ``_BRIEF_ACT``) ending ``tokens`` starts, after a subject
    of nouns, adverbs and manners only (张建国又|想了想说); None if they do not end in one. A verb or a
    preposition before it makes the name there an object (大家看着王小明|笑了笑说,
    老伴朝王大爷|看了一眼说)."""
    for start in range(len(tokens) - 1, 0, -1):
        tail = "".join(word for word, _ in tokens[start:])
        if len(tail) > 5:
            return None
        if _BRIEF_ACT.fullmatch(tail) and tokens[start][1][0] in "vl":
            subject = tokens[:start]
            nouns = all(f[0] in "nbjda" and w not in _WHERE_TO_WHOM for w, f in subject)
            return start if nouns else None
    return None


def manner_only(words: str) -> bool:
    """``words`` say only how someone speaks (笑着, 哽咽着, 高兴地, 又): no subject in them.

    Not 有的 (有的叫道 is "some of them called"), though 的 may mark manner after a name.
    """
    tokens = tagged_words(words.strip())
    how = words.strip().endswith(("着", "地")) or all(flag == "d" for _, flag in tokens)
    return bool(tokens) and how and not _trim_manner(tokens)


def person_at_end(words: str) -> str | None:
    """The person a clause ends with: 邻居王运昌, 执行庭庭长田丰, 35岁的法官邵智峰, 市民袁先生.

    Only when nothing between the name and the last 的 before it is a preposition: in
    李明对王强 or 对于魏女士 the name at the end is the one spoken to or about, not the
    speaker, while 与林为伴的李龙忠 is a description of the speaker. Four more shapes name
    a person jieba does not: a title after the name (教育局李俊副局长), a surname right after
    a role word (游客刘新河), a name-like word right after a title (副主任格伦特, 参谋长皋古卫,
    see :func:`_unknown_name`), a name in Latin letters (巡警montiel), and a surname with a
    given name jieba does not know (周鸿祎, see :func:`_surname_name`).
    """
    cut = tagged_words(words)
    if cut and cut[-1][1] == "d" and len(cut[-1][0]) == 2:
        # 副院长何|立新: jieba read the given name as an adverb, which trimming would drop.
        role = _ROLE_NAME.search(words)
        if role and len(role.group(1)) == 3:
            return role.group(1)
    tokens = _trim_manner(cut)
    own = tokens[max((i + 1 for i, t in enumerate(tokens) if t[0] == "的"), default=0) :]
    if len(own) >= 2 and own[-2][0] in TITLES and is_name_token(own[-1]):
        return untitled(own[-1][0])  # 新闻与传播学院教授|李明: a title names who follows
    # A preposition before the end makes the name its object (李明对王强), unless it is a
    # surname right after a title (经理|于|军军).
    if not own or any(
        flag == "p" and not (word in NAME_SURNAMES and i and own[i - 1][0] in TITLES)
        for i, (word, flag) in enumerate(own[:-1])
    ):
        return None
    # A person who opens the clause and acts on the one at its end speaks (杨某智一脸怨气
    # 找到了袁某伟|说): the name at the end is the object of that verb.
    acts = any(flag.startswith("v") for _, flag in own[1:-1])
    if acts and is_name_token(own[0]) and is_name_token(own[-1]) and own[0][0] not in KIN:
        return untitled(own[0][0])
    word, flag = tokens[-1]
    acted = any(f[0] in "vp" for _, f in tokens[:-2])  # 经理叫来保安小张: its object
    if FAMILIAR.fullmatch(word) and len(tokens) >= 2 and tokens[-2][1][:1] == "n" and not acted:
        return word  # 保安|小张, 司机|老李: a role, then whom the page calls by surname
    if word in HONORIFICS and len(tokens) >= 2:
        before = "".join(w for w, _ in tokens[:-1])
        if surname_before(before, len(before) - 1):  # 市民|袁先生, 业|主张|先生
            return before[-1] + word
        return None
    if word.removeprefix("副") in TITLES and len(tokens) >= 2:
        word, flag = tokens[-2]
    if is_name_token((word, flag)) and word not in KIN:
        return untitled(word)
    text = "".join(w for w, _ in tokens)
    role = _ROLE_NAME.search(text) or _ROLE_FOREIGN.search(text)
    # Not an ordinary word, a relative (农民伯伯) or people in general (警|方人士).
    generic = role is not None and role.group(1)[1:] in _GENERIC_PEOPLE
    if role and not generic and not ordinary_word(role.group(1)) and role.group(1) not in KIN:
        return role.group(1)
    titled = _TITLE_THEN_NAME.search(text)
    if titled and (_unknown_name(titled.group(1)) or _surnamed(titled.group(1))):
        return titled.group(1)  # 副主任格伦特, 合作社经理于军军
    latin = _LATIN_ENDING.search(text)
    if latin and without_latin_roles(latin.group(1)):
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
    tokens = list(tagged_words(words))
    while tokens and tokens[0][1] == "t":
        del tokens[0]
    if len(tokens) < 2:
        return None
    owns = tokens[1][0] == "的"  # 王小明的律师接受采访时: the lawyer speaks, not 王小明
    if _tagged_name(tokens[0]) and tokens[-1][0] in _WHEN and not owns:
        return whole_name(tokens[0][0], tokens[1:])  # 马克|龙|在接受采访时
    if tokens[-1][0] in _WHEN:  # 分析师付亮|接受中新网记者采访时: the name before the verb,
        # not one after a preposition or a first verb (王强在看到李明摔倒时: 李明 is seen)
        for i, token in enumerate(tokens[:-1]):
            if token[0] in _ADVERBIAL_START or (token[1] == "v" and i):
                break
            if is_name_token(token) and tokens[i + 1][1] == "v":
                return untitled(whole_name(token[0], tokens[i + 1 : i + 3]))
    # With no preposition, the whole clause is the head (杨秀玲近日, 宋元明22日).
    at = next((i for i, token in enumerate(tokens) if _opens_adverbial(token)), len(tokens))
    head = tokens[:at]
    whole = "".join(word for word, _ in head)  # 副院长何|立新: an "adverb" may end the name
    # 中国外交部此前就…, 佩斯科夫25日在…: time words, dates and adverbs, also the ones jieba
    # tags as nouns (楼继伟专门|针对…: 专门 is "n" to it)
    while head and (
        head[-1][1] in ("t", "d", "ad")
        or _DATE_PIECE.fullmatch(head[-1][0])
        or ADVERBS.fullmatch(head[-1][0])
    ):
        head.pop()  # 欧盟直接明确|指出: 直接 and 明确 are adverbials ("ad")
    if not head:
        return None
    text = "".join(word for word, _ in head)
    adverbial = "".join(word for word, _ in tokens[at:])
    if len(head) == 1 and head[0][1] == "ns" and _INTERVIEWED.match(adverbial):
        return text  # 普京在接受采访时: jieba's "place" is interviewed, so it is a person
    if (
        _ISSUED.match(adverbial)
        and re.fullmatch(rf"[{HAN}]{{2,16}}", text)
        and not _UNNAMED_BODY.match(text)
    ):
        return text  # 欢瑞世纪在声明中表示: whoever issues a statement speaks in it
    if WRITTEN_IN.match(adverbial):  # 全国工商联在上述《提案》中提出: a named writer
        return (
            person_at_end(whole) or organ_named(head) or (text if _is_proper_noun(text) else None)
        )
    if len(head) == 1:  # a name, or an organ jieba knows (欧盟, 外交部) or spells out
        proper = _tagged_name(head[0]) or head[0][1].startswith(("nt", "j"))
        return head[0][0] if proper else organ_named(head)
    return person_at_end(whole) or person_at_end(text) or organ_named(head)


# An adverbial saying that the subject was interviewed, which only a person is.
_INTERVIEWED = re.compile(r"在?接受[^，,。]{0,12}(?:采访|专访)")


def _opens_adverbial(token: tuple[str, str]) -> bool:
    """``token`` opens an adverbial after the subject: a preposition of place, addressee or
    topic (在, 对, 就, 针对…), not one whose object is what the clause goes on to do (按照,
    根据: 张滩镇按照上级的统一部署…) or who does it (由消防员莫妮卡·凯尔西提出)."""
    word, flag = token
    if word in _ADVERBIAL_START:
        return True
    # A lone character jieba tags "p" may be part of a name (交警经开大队: 经 is no 经过),
    # unless it is one that opens an object or means (李某把手机递给王某, 孙某用李某的手机).
    lone = len(word) == 1 and word not in _ONE_CHARACTER_PREPOSITIONS
    return flag == "p" and not lone and word not in _NOT_ADVERBIAL


_ONE_CHARACTER_PREPOSITIONS = frozenset("把从替用以为自往")


# Prepositions of conformity or source, whose object is a rule or a report (据介绍), and of
# agency, whose object acts.
_NOT_ADVERBIAL = frozenset(
    {"按照", "根据", "依照", "依据", "遵照", "按", "据", "由", "被", "让", "叫"}
)
# A token of a date between a subject and its adverbial (25|日, 3月).
_DATE_PIECE = re.compile(r"\d+|[年月日号]")
# Categories of body that name none (公司, 学校): alone, or pointed back to (该公司), they
# issue words for nobody known (涉事企业 likewise).
BARE_BODIES = "公司|企业|集团|学校|学院|大学|医院|银行|单位|俱乐部"
_UNNAMED_BODY = re.compile(rf"^(?:该|这|那|此|涉事|有关|相关|上述|某|(?:{BARE_BODIES})$)")
# An adverbial naming the issuer's own statement (在声明中, 在其公告中): whoever issued it
# speaks in it, named or not.
_ISSUED = re.compile(r"在(?:其)?(?:声明|公告|通报|致歉信|公开信|回应)中")
# An adverbial naming a document the subject wrote (在上述《提案》中, 在《前言》中): the writer
# speaks, not the document, when the subject names someone (not 多位专家, 作者).
WRITTEN_IN = re.compile(r"在(?:其|上述|该|这份)?《[^》]{1,30}》(?:一文)?中")


# What the names of companies and media end with (小米集团, 人民日报, 新华社, 央视新闻).
BODY_WORDS = (
    *("集团", "公司", "日报", "晚报", "时报", "社", "电视台", "银行", "协会"),
    *("学校", "中学", "小学", "大学", "医院", "俱乐部", "天文台", "气象台", "电台"),
)


# jieba's tags of a place's or an organisation's name (武汉, 外交部, 欧盟).
_PLACE_OR_ORGAN = ("ns", "nt", "nz", "j")


def organ_named(tokens: Sequence[tuple[str, str]]) -> str | None:
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
    if not re.fullmatch(rf"[{HAN}]{{2,16}}", text):
        return None
    clause = sum(flag == "v" for _, flag in tokens) > 1 or any(
        flag in ("d", "ad", "c", "p", "r", "f") or flag.startswith("u") for _, flag in tokens
    )
    if clause or _UNNAMED_BODY.match(text):
        return None
    named = ORGAN_SUFFIX.search(text) or text.endswith(BODY_WORDS) or tokens[-1][1] == "nt"
    # 南充市公安局交警支队直属三大队: a unit's ending after a place or organ's name
    # (not 护林员李德|胜站在…: a person's name places no unit)
    placed = text[-1] in ORGANISATION_END and any(
        flag in _PLACE_OR_ORGAN for _, flag in tokens[:-1]
    )
    return text if named or placed else None


def _is_proper_noun(word: str) -> bool:
    """jieba reads ``word`` as one person, place or organisation name (王彩元, 普京, 省政协)."""
    tokens = tagged_words(word)
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
    if not re.fullmatch(rf"[{HAN}]{{2,4}}", name):
        return False
    tokens = tagged_words(name)
    if len(tokens) == 1:
        return tokens[0][1].startswith("nr")
    return not any(flag.startswith(_NOT_IN_NAME) for _, flag in tokens)


def _surnamed(word: str) -> bool:
    """Two or three characters after a title that open with a surname, rarer ones included,
    and go on with no particle and no common word (经理|于军军; not 教授|姚洋在, 经理|王公司)."""
    plain = not set(word[1:]) & set(NOT_GIVEN)
    return len(word) in (2, 3) and word[0] in NAME_SURNAMES and plain and not common_word(word[1:])


def _surname_name(word: str) -> bool:
    """Three characters that read as a surname and a given name jieba does not know, with no
    title before them to vouch for it (周|建军, 蒋|万安, 周鸿|祎): what :func:`_surnamed` asks
    after a title, from a common surname only, and the surname stands alone or starts
    jieba's first piece (not 高公司, 高|公司 is a company)."""
    if len(word) != 3 or word[0] not in SURNAMES or not _surnamed(word):
        return False
    first = tagged_words(word)[0][0]
    return (first == word[0] or first == word[:2]) and _unknown_name(word)


# An account through which an organ speaks, with its quoted handle (微博“@广州天气”).
_ACCOUNT = re.compile(
    f"(?:在)?(?:官方)?(?:微博|微信公众号|公众号|官网)(?:上)?(?:[“「]?{MASK}+[”」]?)?"
    r"(?:发布声明|发文|发布)?$"
)


# An organ's publication between it and the verb (发布消息|称, 发布警情通报|称, 通报|称).
_PUBLISHING = re.compile(
    r"(?:发布|发出|披露|印发)?了?(?:[警案]情|情况)?(?:通报|消息|信息|公告|通告|声明|通知|说明)$"
)


def _before_verbs(words: str) -> str:
    """``words`` without the verbs that stand between a subject and its verb of saying
    (张明分析|认为, 法院经审理|认为, 气象局官方微博发文|称, 刘学伟看了看|说)."""
    tokens = list(tagged_words(words[-NAME_SPAN:])) if words else []
    brief = _brief_act(tokens)
    cut = sum(len(word) for word, _ in tokens[brief:]) if brief is not None else 0
    del tokens[len(tokens) if brief is None else brief :]
    while len(tokens) > 1 and tokens[-1][1] in ("v", "vn"):
        cut += len(tokens.pop()[0])
    if cut and tokens[-1][0] == "经":
        cut += 1  # 经审理
    return words[: len(words) - cut] if cut else words


def bare_name(part: str, speakers: Speakers) -> str | None:
    """A clause that is nothing but a name (李鹏说, 据王强介绍, 厂长陈志刚说) names its speaker,
    and so does one that ends in a person (邻居王运昌, 执行庭庭长田丰, 秦某仍后怕地) or opens
    with one before a prepositional phrase (王立强在会上).

    An organ's social-media account speaks for the organ (广州市气象局微博“@广州天气”表示).
    Without a title or an organ ending, jieba must read it as a proper noun: on news text the
    words before 说/认为 are as often 学生, 不要 or 老玩家常 as a name. A familiar form such as
    老王 comes back as printed (:func:`dedup.mentions.later_reference` resolves it).
    """
    core = part.strip()
    core = core[len(CLAUSE_LEAD.match(core).group()) :]  # 但石总说: a conjunction first
    core = ADVERBS.sub("", LEADING_TIME.sub("", core))
    core = _ACCOUNT.sub("", _before_verbs(core.removeprefix("据"))).removesuffix("方面")
    published = _PUBLISHING.search(core) is not None
    core = _PUBLISHING.sub("", core) or core  # 国家航天局发布消息称: the publisher speaks
    honorific = core.endswith(tuple(HONORIFICS))  # 新闻学夏同学: the surname is 夏 alone
    if re.fullmatch(rf"[{HAN}]{{2,16}}", core) and not _NOT_A_NAME.search(core) and not honorific:
        name = speakers.canonical(core)
        # A title removed (厂长陈志刚, 沙瑞金书记) must leave a name, not 朋友就 (老师朋友就):
        # a name before its title is one; after a title it must look like one.
        plausible = core.startswith(name) or _could_be_name(name, speakers) or _unknown_name(name)
        # 江苏省专家, 湖人队教练, 管理学教授: a place, team or field before the title
        plausible = plausible and not (len(name) >= 3 and name[-1] in _PLACE_END)
        # 超市经理, 银行客户经理: a kind of place and an unnamed manager, all ordinary words;
        # 港府发言人 speaks for the body
        voice = core.endswith(("发言人", "负责人"))
        common = all(ordinary_word(word) for word, _ in tagged_words(name))  # 银行|客户经理
        plausible = plausible and (voice or not common)
        # 该负责人, 有关部门相关; 滴滴一名(发言人): a count names nobody either
        unnamed = re.match(r"(?:该|这|那|此|有关|相关|上述)", name) or re.search(
            rf"(?:相关|有关|{COUNTED})$", name
        )
        if name != core and len(name) <= 4 and plausible and not unnamed:
            return name
        if (len(core) <= 8 and ORGAN_SUFFIX.search(core)) or _is_proper_noun(core):
            return name
        organ = organ_named(tagged_words(core)) if published or len(core) <= 10 else None
        if organ:
            return organ  # 香港天文台表示, 临江市公安局东城分局发布警情通报称
        if FAMILIAR.match(core) or _surname_name(core):  # 小陈说, 周鸿祎说: jieba cuts them
            return name
    person = (person_at_end(core) or _person_before_adverbial(core)) if core else None
    return speakers.canonical(person) if person else None


# Names that open an organ's name without being proper nouns (中央经济工作会议, 省委).
_ADMINISTRATIVE = ("中央", "中共", "全国", "国家", "省", "市", "县", "区", "州")


def named_part(words: str, proper: bool = True) -> str:
    """The words that name an organ, after the last verb, pronoun, conjunction or
    preposition before them (记者为此专访|第五届江苏书展执委会, 尽管|椰树集团). With
    ``proper``, empty unless a proper noun or an administrative level is left: a meeting or
    committee is named by where it sits (中央经济工作会议), not 贯彻全国两会|精神会议 or 这个会议.
    """
    tokens = tagged_words(words)
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


# A post and a name at the end of a clause (康明斯…执行总监julie furber, 白宫新闻发言人桑德斯):
# whoever opened the clause only says where that person works; the name must read as one
# (not 记者|采访时, see :func:`owner`).
_POST_THEN_NAME = re.compile(rf"(?:{TITLES_RE})([{HAN}]{{2,3}}|[A-Za-z][A-Za-z'. -]+)$")


def owner(core: str, size: int) -> bool:
    """The name ``core[:size]`` only says whose someone is (秦蘋|的丈夫说, 王信康|儿媳的夏素飞,
    康明斯|电动动力事业部执行总监julie furber): 的 follows it at once or after one noun (儿媳,
    律师), not after a manner (俞烨|慵懒的冲…, 苏晴|有些诧异的看向…) or a verb phrase
    (陆锋柱|来到村长的面前…); or a post and a name end the clause."""
    post = _POST_THEN_NAME.search(core, size + 1)
    named = post is not None and (post.group(1).isascii() or _surnamed(post.group(1)))
    if named:  # an organ between (康明斯|电动动力事业部执行总监), not an act (秦蘋|找到村主任)
        between = tagged_words(core[size : post.start()])
        named = not any(
            f[0] == "p" or (f[0] == "v" and i < len(between) - 1)
            for i, (_, f) in enumerate(between)
        )
    if core.startswith("的", size) or named:
        return True
    between = core[size : size + 3].partition("的")
    if not between[1]:
        return False
    tokens = tagged_words(between[0])
    return len(tokens) == 1 and tokens[0][1].startswith("n")


HONORED = re.compile(
    f"[{''.join(sorted(SURNAMES))}](?:{'|'.join(sorted(HONORIFICS) + list(SURNAME_POSTS))})"
)


def honored_in(text: str) -> Iterator[re.Match[str]]:
    """Surnames with an honorific in ``text`` (曹女士, 杨爷爷), not role words (门卫大爷)."""
    return (m for m in HONORED.finditer(text) if surname_before(text, m.start()))


_DEMONSTRATIVE = re.compile(r"^(?:该|这|那|此|上述|某|其|一)")
# Where a body is, or what kind, rather than which one (警方, 当地, 业内, 国内), and places
# where staff happen to be (事故现场一名工作人员, 收费亭, 银行大堂).
_GENERIC = (
    *("方", "当地", "本地", "业内", "国内", "国外", "海外", "境外", "官方"),
    *("现场", "路段", "口", "间", "亭", "大堂", "候车室", "附近", "一线"),  # 口: 路口, 门口
)


# Kinds of place whose staff a reporter meets, named by kind alone (小区一工作人员, 火车站一名
# 工作人员): which one is not said. Named ones stay (长沙收费站, 白云边检站).
_STAFFED_PLACES = frozenset(
    {"小区", "商场", "超市", "门店", "店里", "车站", "火车站", "汽车站", "加油站", "售票处"}
    | {"营业厅", "收费站", "服务区", "景区", "机场", "码头", "酒店", "饭店", "餐厅", "银行网点"}
)


def staffed_organ(words: str, after: str) -> str | None:
    """The organisation ``words`` name when one of its staff follows (``after``: 相关负责人,
    一名发言人), or None (not 该企业).

    An organisation's ending names it (白云边检站有关负责人); a run of nouns without one is a
    brand only where its staff is marked as such (滴滴一名发言人, 庞大集团相关人士), and not a
    frequent word (项目相关负责人) or where or what kind of body it is (警方, 当地, 业内).
    """
    organ = named_part(words, proper=False)
    # 该景区管理处, 小曹拨打了该公司: an organisation pointed back to is not named here.
    lead = words[: len(words) - len(organ)]
    pointed = any(word in "该这那此其" for word, _ in tagged_words(lead))
    if not organ or pointed or _DEMONSTRATIVE.match(organ) or organ in _STAFFED_PLACES:
        return None
    if organ[-1] in ORGANISATION_END:
        return organ
    staff = re.match(f"的?(?:相关|有关|内部|{COUNTED}|一)", after)
    nouns = all(flag[0] in "nj" or flag == "eng" for _, flag in tagged_words(organ))
    kind = common_word(organ) or organ.endswith(_GENERIC)
    return organ if staff and nouns and not kind else None
