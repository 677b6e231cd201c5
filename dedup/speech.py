"""Verbs of saying: what turns a clause into somebody's speech.

Every speech frame the attribution rules read hinges on one of these verbs (总书记强调:,
”他说。, 据X介绍). The list is closed on purpose: a verb missing from it leaves a quote to the
colon and discourse rules, while a verb wrongly in it (称 in 堪称“汽车心脏”) gives scare quotes
a speaker, which invents echoes across outlets.
"""

from __future__ import annotations

import re

# Speech verbs (matched longest first). 说 only counts where it is not part of 来说/所说/说明/学说
# or 话说 (同学说 and 打电话说 are speech). Bare 问 only counts right before a colon or comma (他问她：“…”), and so
# does 称 (塔拉称：“…”, 该负责人称，…) unless a quote follows it directly after a word that
# speaks (王小明称“…”, 回应称“…”, 发言人称“…”, ”李某称。) rather than names (以下简称“…”,
# 人称“东哥”, 投诉人所称“…”, 堪称“汽车心脏”, 有…之称); compounds such as 简称/号称 never
# speak.
_VERB_FORMS = (
    "表示肯定",
    "如是说",  # “…”赵粉艳如是说: 说 after 是 is otherwise no verb (就是说)
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
    "谦称",  # 袁隆平谦称“…”: not 袁隆平谦
    "函称",
    "辩称",  # court and police reports: 被告人李某辩称, 据王某交代, 当庭陈述
    "供称",
    "坚称",
    "谎称",
    "交代",
    "供述",
    "陈述",
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
# What makes 称 part of a word that names rather than speaks (堪称, 号称, 简称, 俗称, 自称…);
# before a quote mark more do (以下称, 史称, 人称, 之称…).
_NAMING = "堪号简俗统昵又戏誉名宣声自"
_SPECIAL_VERBS = {
    "说": "(?<![来所是如小传据听])(?<!(?<!电)话)(?<!(?<!同)学)说(?![明服法])",
    # Before a mark, or where the caller's search ends (at the opening mark, or after
    # ”李某称 at a clause end), the lookahead cannot see what follows: ``$``.
    "称": f"(?<![{_NAMING}])称(?=[:：，,])"
    f"|(?<![{_NAMING}下史素许角或合通泛尊爱美职对匀被之])"
    "(?<![人其他她们我]所)(?<!(?<![言责事证诉报理始办本告害])人)称(?=[“「]|$)",
    # 被批评 and 遭指责 receive the words: no speech clause (see also the passive rule in
    # :mod:`dedup.frames`).
    **{
        v: f"(?<![被遭受]){v}"
        for v in ("称之为", "形容为", "描述为", "斥为", "斥之为", "批评", "指责", "警告")
    },
    # 问她：“…” asks; 学问, 访问 and 问题 do not.
    "问": "(?<![学访疑提询顾])问(?=[他她我你]?们?[:：，,])",
}
VERB = re.compile(
    "|".join(_SPECIAL_VERBS.get(v, v) for v in sorted(_VERB_FORMS, key=len, reverse=True))
)
# Verbs by which a speaker quotes someone else: the quote belongs to the object, ``via`` the
# subject (习近平总书记曾援引恩格斯的名言——“…”).
CITING = frozenset({"援引", "引用", "引述"})


# Verbs of saying whose complement, closing its clause, is the words (林郑月娥表示“非常失望”。),
# unlike verbs of mentioning (提到“厕所”).
SAYS = frozenset({"表示", "说", "强调", "认为", "指出", "坦言", "直言", "声称", "宣称"})
# Verbs that take what was said as their complement directly (将其描述为“…”, 斥之为“…”).
CHARACTERIZING = frozenset({"描述为", "形容为", "称之为", "斥之为", "斥为"})


# Verbs of reporting whose comma opens the speaker's reported sentence.
REPORTING = SAYS | {"介绍", "称", "透露", "回应", "解释", "补充", "承认", "警告"}


# Verbs of saying the verb list leaves out because they rarely introduce a quote of their own.
SAYS_TOO = re.compile("扬言|放言|叫嚣|声言|喊|骂|问")


# Verbs of telling, whose object is whom the words are for (告诉记者).
_TELLING = frozenset({"告诉", "提醒", "回答"})
# An object that is only whom the words are for: a reporter, the writer or the audience.
_ADDRESSEE_ONLY = re.compile(r"(?:本报|本台|本网|《[^》]{1,12}》)?(?:记者|笔者|大家|我们|我)")


def told(verb: str, words: str) -> bool:
    """``verb`` + ``words`` only says whom the speaker told (告诉记者, 提醒大家): the words
    after it are what was said, as after a bare verb."""
    return verb in _TELLING and _ADDRESSEE_ONLY.fullmatch(words) is not None
