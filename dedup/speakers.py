"""Who said it: one canonical name per speaker, whatever title or script the page used.

A statement echoes across outlets only if its speaker is recognised as the same person in
each: 习近平总书记, 習近平, 近平书记 and (in an article about him) the bare title 总书记 must all
become 习近平. Two kinds of alias exist and are kept apart on purpose:

* *aliases* always mean their person (习近平书记, 習近平);
* *titles* (总书记, 书记) mean a person only when the article has named that person earlier.
  A bare 书记 in an article about a county party secretary is not 习近平, so the title is
  resolved only against the people the text itself has named, most recent first.

A third kind of reference is the *familiar form*: once an article has named 王留田, it calls
him 老王 or 小王 (老/小/阿 + surname). Like a title, it resolves only against the people the
article named before, to the most recent one with that surname, and stays as printed
otherwise (an article may call someone 小李 throughout and never give the full name).

Beyond the table, ``canonical`` strips generic positions around a personal name
(``蒋建东委员`` -> 蒋建东, ``中国科学院大学知识产权学院院长、教授马一德`` -> 马一德) so that
speakers nobody listed still come out in one form.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dedup.normalize import HAN, normalize_name

# Positions that precede or follow a personal name. Longest first, so that 副总理 is removed
# whole rather than leaving 副. Kept to titles of people: organ words (会议, 委员会) are not here,
# which is what keeps 中央经济工作会议 intact.
TITLES: tuple[str, ...] = tuple(
    sorted(
        {
            "总书记",
            "书记",
            "国家主席",
            "主席",
            "副主席",
            "总理",
            "副总理",
            "总统",
            "副总统",
            "首相",
            "国务卿",
            "外长",
            "大使",
            "议员",
            "州长",
            "总干事",
            "上将",
            "中将",
            "少将",
            "大校",
            "上校",
            "委员长",
            "委员",
            "代表",
            "部长",
            "副部长",
            "局长",
            "主任",
            "副主任",
            "院长",
            "副院长",
            "校长",
            "教授",
            "副教授",
            "特约研究员",
            "研究员",
            "院士",
            "董事长",
            "总经理",
            "总裁",
            "发言人",
            "省长",
            "市长",
            "县长",
            "秘书长",
            "理事长",
            "会长",
            "所长",
            "负责人",
            "首席专家",
            "专家",
            "记者",
            "同志",
            "先生",
            "女士",
            "同学",
            "师傅",
            "爷爷",
            "奶奶",
            "大爷",
            "大妈",
            "阿姨",
            "叔叔",
            "博士",
            "厂长",
            "村长",
            "镇长",
            "区长",
            "行长",
            "社长",
            "台长",
            "馆长",
            "队长",
            "组长",
            "经理",
            "主编",
            "总编辑",
            "总工程师",
            "工程师",
            "医生",
            "律师",
            "老师",
            "参谋长",
            "司令员",
            "政委",
            "处长",
            "科长",
            "庭长",
            "审判长",
            "检察长",
            "领队",
            "主管",
            "店长",
            "站长",
            "班主任",
            "教练",
            "党委书记",
            "总监",
            "顾问",
            "主持人",
            "导演",
            "法官",
        },
        key=len,
        reverse=True,
    )
)
# The titles as one regex alternation, longest first.
TITLES_RE = "|".join(TITLES)
# A personal name after its titles have been removed: two to four Han characters.
_PERSON = re.compile(rf"[{HAN}]{{2,4}}")
# Separators between the positions in a credit line (院长、教授马一德 / 研究员,院长).
_CREDIT_SEP = re.compile(r"[,，、;；\s]+")
# The commonest Chinese surnames (about 90% of the population). Used where jieba does not
# recognise a rare given name (游客刘新河 -> 刘|新河): a surname right after a role word starts a
# name. Characters that are also everyday function words (和, 向, 时, 成, 文, 安, 常, 关…) are left
# out on purpose, since after 记者 or 民警 they start ordinary words far more often than names.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔汤温康施牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿焦俞左柳甘祝"
    "包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝靳管柴蒙鲍喻祁蒲滕屈饶牟艾尤穆卓"
    "缪简芦麦褚娄窦戚岑卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁荣巫寇桑郎甄丛仲虞敖巩佘"
    "池麻苑迟邝"
)
# 老王, 小李, 阿珍, 大杨: a familiar form of someone already named (see the module doc).
FAMILIAR = re.compile(f"^[老小阿大]([{''.join(sorted(SURNAMES))}])$")
# 郑老, 钱老: the respectful form of an elder already named, resolved the same way (not read
# as a name on its own: 王老吉 is a drink).
ELDER = re.compile(f"^([{''.join(sorted(SURNAMES))}])老$")
# Posts that follow a bare surname the way an honorific does (王局长, 张教授, 刘医生); not
# the generic ones (记者, 专家, 代表), which say what someone is, not who.
SURNAME_POSTS = tuple(
    sorted(
        set(TITLES) - {"记者", "专家", "代表", "委员", "同志", "负责人", "发言人", "首席专家"},
        key=len,
        reverse=True,
    )
)
# Honorifics that follow a bare surname (市民袁先生, 消费者陈女士, 新闻系夏同学, 李老师):
# surname and honorific together are how an article names someone.
HONORIFICS = frozenset(
    {"先生", "女士", "同学", "老师", "师傅", "爷爷", "奶奶", "大爷", "大妈", "阿姨", "叔叔"}
)
# A surname and a post (程老师, 顾科长, 王书记): how an article refers again to someone it
# may have named in full beside that post (see dedup.mentions). Not a courtesy or kin form
# (王先生, 刘女士, 王爷爷): that is how an article names someone it does not name in full.
_COURTESY = HONORIFICS - {"老师"}
SURNAME_WITH_POST = re.compile(
    f"([{''.join(sorted(SURNAMES))}])({'|'.join(p for p in SURNAME_POSTS if p not in _COURTESY)})"
)
# A name used as the modifier of a doctrine (习近平新时代中国特色社会主义思想研究中心,
# 习近平法治思想) is not that person speaking.
_DOCTRINE = re.compile(rf"新时代|[{HAN}]{{0,4}}思想")


@dataclass(frozen=True)
class Mention:
    """A speaker alias found in text: ``name`` is canonical, or the bare title if ``title``."""

    start: int
    end: int
    name: str
    title: bool


def _strip_titles(name: str) -> str:
    """Remove positions before and after a personal name; leave non-person names alone.

    Only the last credit in a list counts (the name comes last in ``…院长、教授马一德``). A
    result that is not 2-4 Han characters means the input was not a titled person (an organ,
    a bare title): the input is returned unchanged rather than mangled.
    """
    last = _CREDIT_SEP.split(name.strip(",，、;； "))[-1]
    core = re.sub(rf"^(?:.*?(?:{TITLES_RE}))+(?=[{HAN}]{{2,4}}$)", "", last)
    core = re.sub(rf"(?:(?:常务)?副?(?:{TITLES_RE}))+$", "", core)  # 王小明副局长
    return core if _PERSON.fullmatch(core) else name


# The shortest title that can stand for one person in a filter (总书记, not 书记).
_SPECIFIC_TITLE = 3


class Speakers:
    """Alias table: surface form -> canonical speaker, plus title rules (see module doc)."""

    def __init__(
        self,
        aliases: Mapping[str, Iterable[str]] | None = None,
        titles: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self._alias: dict[str, str] = {}
        self._title: dict[str, list[str]] = {}
        self.extend(aliases or {}, titles or {})

    def extend(
        self,
        aliases: Mapping[str, Iterable[str]],
        titles: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        """Add aliases and titles; later entries win for a surface form already present."""
        titles = titles or {}
        for person, forms in aliases.items():
            canon = normalize_name(person)
            self._alias[canon] = canon
            for form in forms:
                self._alias[normalize_name(form)] = canon
        for person, forms in titles.items():
            canon = normalize_name(person)
            self._alias.setdefault(canon, canon)
            for form in forms:
                people = self._title.setdefault(normalize_name(form), [])
                if canon not in people:
                    people.append(canon)
        self._pattern = self._compile()

    def _compile(self) -> re.Pattern[str]:
        forms = sorted({*self._alias, *self._title}, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, forms))) if forms else re.compile(r"(?!)")

    @classmethod
    def builtin(cls) -> Speakers:
        """The table shipped in ``dedup/data/speakers.toml``."""
        text = resources.files("dedup").joinpath("data/speakers.toml").read_text("utf-8")
        return cls._from_data(tomllib.loads(text))

    @classmethod
    def load(cls, user_file: Path | None = None) -> Speakers:
        """Built-in table extended by a user TOML file with ``[speakers]``/``[titles]`` tables."""
        table = cls.builtin()
        if user_file is not None:
            data = tomllib.loads(Path(user_file).read_text(encoding="utf-8"))
            table.extend(data.get("speakers", {}), data.get("titles", {}))
        return table

    @classmethod
    def _from_data(cls, data: Mapping[str, Mapping[str, Iterable[str]]]) -> Speakers:
        return cls(data.get("speakers", {}), data.get("titles", {}))

    def fingerprint(self) -> str:
        """A digest of the table: equal tables give equal digests (what cached quotes keep)."""
        table = json.dumps([sorted(self._alias.items()), sorted(self._title.items())])
        return hashlib.sha1(table.encode()).hexdigest()

    def knows(self, name: str) -> bool:
        """True for a surface form of a listed speaker (习近平, 習近平总书记)."""
        return normalize_name(name) in self._alias

    def is_title(self, name: str) -> bool:
        """True for a bare title such as 总书记 that needs context to name anyone."""
        return normalize_name(name) in self._title

    def canonical(self, name: str, named: Collection[str] = ()) -> str:
        """Canonical speaker for ``name``.

        ``named`` lists the canonical people the article has named before this point, most
        recent last; a bare title resolves to the most recent of them that carries it, and
        stays a bare title otherwise. A familiar form (老王) resolves to the most recent of
        them with that surname and stays as printed otherwise, as does a respectful one (郑老).
        """
        norm = normalize_name(name)
        if norm in self._alias:
            return self._alias[norm]
        familiar = FAMILIAR.match(norm) or ELDER.match(norm)
        if familiar:
            surname = familiar.group(1)
            full = [
                p
                for p in named
                if len(p) >= 2
                and p.startswith(surname)
                and p != norm
                and not SURNAME_WITH_POST.fullmatch(p)  # 小雷 is no 雷班主任
            ]
            return full[-1] if full else norm
        if norm in self._title:
            holders = self._title[norm]
            for person in reversed(list(named)):
                if person in holders:
                    return person
            return norm
        core = _strip_titles(norm)
        return self._alias.get(core, core)

    def meant(self, name: str) -> str:
        """The speaker a user means by ``name`` with no article around it (a ``--speaker``
        filter): as :meth:`canonical`, and a bare title the table gives to one person only
        (总书记) is that person, since a filter has no earlier mention to resolve it by. A
        two-character post (书记, 主席) is held by too many people to mean anyone alone."""
        norm = normalize_name(name)
        holders = self._title.get(norm, [])
        specific = len(holders) == 1 and len(norm) >= _SPECIFIC_TITLE
        return holders[0] if specific and not self.knows(name) else self.canonical(name)

    def mentions(self, text: str) -> list[Mention]:
        """Non-overlapping alias and title occurrences in ``text`` (Simplified), leftmost-longest.

        Titles come back unresolved (``title=True``); the caller knows who was named before.
        A name that modifies a doctrine (习近平新时代…思想, 习近平法治思想) is not a mention.
        """
        out = []
        for m in self._pattern.finditer(text):
            form = m.group()
            if _DOCTRINE.match(text, m.end()):
                continue
            if form in self._alias:
                out.append(Mention(m.start(), m.end(), self._alias[form], False))
            else:
                out.append(Mention(m.start(), m.end(), form, True))
        return out
