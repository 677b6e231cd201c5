"""Statement tracking across the seed pages: variants, unquoted echoes, repost-aware counts.

Expectations were read off the seeds by hand (see the GUIDE's table and samples/README.md):
each text below was located in the page before it was written into a test.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedup.documents import Document, build_document
from dedup.fingerprint import shingle_hashes
from dedup.normalize import fold
from dedup.pipeline import ingest
from dedup.readers import Record
from dedup.sources import Aliases
from dedup.speakers import Speakers
from dedup.statements import (
    Needles,
    Statement,
    containment_candidates,
    count_sources,
    edge_symbols,
    formulations,
    link_variants,
    select,
    track,
    track_documents,
)
from dedup.store import Store
from tests.conftest import SEEDS, seed_text

SAMPLES = SEEDS[0].parent
ID = [p.stem for p in SEEDS]  # seed number -> document id


def containing(statements: list[Statement], published: str) -> Statement:
    """The one statement with a variant whose folded text contains ``published``'s."""
    key = fold(published).text
    hits = [s for s in statements if any(key in fold(v).text for v in s.variants)]
    assert len(hits) == 1, [s.text for s in hits]
    return hits[0]


def docs_of(statement: Statement) -> set[str]:
    return {o.doc for o in statement.occurrences}


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("seeds") / "d.db")
    ingest(SEEDS, store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def found(seeds_db: Store) -> list[Statement]:
    return track(seeds_db)


# ------------------------------------------------------------------------------- the seeds


def test_short_slogans_quoted_in_two_seeds(found: list[Statement]) -> None:
    for slogan in ("大而不强", "全而不精"):
        s = containing(found, slogan)
        assert (s.kind, docs_of(s), s.sources) == ("slogan", {ID[0], ID[3]}, 2)
        assert all(o.quoted for o in s.occurrences)
    plus = containing(found, "人工智能+")
    # 人工智能 without the plus appears unquoted in 001 and 003: a word, not the slogan.
    assert docs_of(plus) == {ID[0], ID[2]}
    assert {o.text for o in plus.occurrences} == {"人工智能+"}


def test_statement_quoted_in_one_seed_and_echoed_unquoted_in_another(
    found: list[Statement],
) -> None:
    s = containing(found, "建设社会主义现代化强国，关键在科技自立自强")
    assert (s.speaker, s.kind, s.sources) == ("习近平", "statement", 2)
    by_doc = {o.doc: o for o in s.occurrences}
    assert set(by_doc) == {ID[0], ID[2]}
    assert by_doc[ID[0]].quoted and by_doc[ID[0]].text.startswith("建設(shè)社會主義")
    echo = by_doc[ID[2]]
    assert not echo.quoted
    assert echo.text == "建設社會主義現代化強國,關鍵在科技自立自強"
    assert seed_text(2)[echo.start : echo.end] == echo.text
    assert s.first_seen == "2026-02-23T11:57"


def test_formulation_repeated_without_quote_marks(found: list[Statement]) -> None:
    s = containing(found, "高端化、智能化、绿色化")
    assert docs_of(s) == {ID[1], ID[3], ID[4]}
    assert not any(o.quoted for o in s.occurrences)
    # 003 writes it once with 、 and once run together (制造业高端化智能化绿色化).
    assert sorted(o.text for o in s.occurrences if o.doc == ID[3]) == [
        "高端化、智能化、绿色化",
        "高端化智能化绿色化",
    ]


def test_nothing_from_chrome_or_headline_lists(seeds_db: Store, found: list[Statement]) -> None:
    bodies = {doc.id: (doc.body_start, doc.body_end) for _, doc in seeds_db.documents()}
    for s in found:
        for o in s.occurrences:
            assert bodies[o.doc][0] <= o.start < o.end <= bodies[o.doc][1], (s.text, o)
    headlines_003 = seed_text(3).index("以上内容为资讯信息快照")
    hot_004 = seed_text(4).index("热门资讯")
    assert headlines_003 < bodies[ID[3]][0] or bodies[ID[3]][1] <= headlines_003
    assert bodies[ID[4]][1] <= hot_004
    # The headline list of 003 quotes 001's 中央经济工作会议 statement: 003 must not echo it.
    council = containing(found, "要以科技创新推动产业创新，特别是以颠覆性技术和前沿技术催生新产业")
    assert docs_of(council) == {ID[1]}
    # 飞象网's copyright block quotes “飞象网”“内容核实”: not statements of the article.
    assert not [s for s in found if "飞象" in s.text or "内容核实" in fold(s.text).text]


def test_terms_count_only_when_they_recur(found: list[Statement]) -> None:
    terms = {fold(s.text).text: s for s in found if s.kind == "term"}
    assert "卡脖子" in terms and docs_of(terms["卡脖子"]) == {ID[0], ID[2]}
    assert all(s.sources >= 2 for s in terms.values())
    assert "十四五" not in terms  # quoted twice, but only by 002


def test_occurrence_offsets_point_at_the_published_text(
    seeds_db: Store, found: list[Statement]
) -> None:
    texts = {doc.id: doc.text for _, doc in seeds_db.documents()}
    for s in found:
        for o in s.occurrences:
            assert texts[o.doc][o.start : o.end] == o.text


def test_jsonl_record_schema(found: list[Statement]) -> None:
    record = json.loads(json.dumps(containing(found, "大而不强").as_dict(), ensure_ascii=False))
    assert set(record) == {
        "statement",
        "text",
        "speaker",
        "kind",
        "sources",
        "first_seen",
        "occurrences",
    }
    assert set(record["occurrences"][0]) == {
        "doc",
        "source",
        "date",
        "text",
        "start",
        "end",
        "quoted",
        "speaker",
        "basis",
    }
    assert record["occurrences"][0]["doc"] == ID[3]  # 2024-02-14, before 000's 2026 page


def test_each_occurrence_says_who_spoke_there_and_why(found: list[Statement]) -> None:
    statement = containing(found, "建設社會主義現代化強國,關鍵在科技自立自強")
    quoted = [o for o in statement.occurrences if o.quoted]
    echoed = [o for o in statement.occurrences if not o.quoted]
    assert [(o.speaker, o.basis) for o in quoted] == [("习近平", "before")]  # 总书记指出：“…
    assert echoed and all((o.speaker, o.basis) == (None, None) for o in echoed)  # seed 002


def test_filters(seeds_db: Store, found: list[Statement]) -> None:
    xi = track(seeds_db, speaker="習近平總書記")
    assert xi and all(s.speaker == "习近平" for s in xi)
    assert {s.id for s in xi} == {s.id for s in found if s.speaker == "习近平"}
    echoed = select(found, min_sources=2)
    assert {fold(s.text).text for s in echoed} >= {"大而不强", "人工智能", "卡脖子"}
    assert all(s.kind == "slogan" for s in select(found, kind="slogan"))
    in_2024 = select(found, since="2024", until="2024")
    assert in_2024 and all(s.first_seen.startswith("2024") for s in in_2024)
    assert containing(found, "人工智能+") not in in_2024  # first seen 2026-02-23
    assert select(found, until="2024年12月") == select(found, until="2024-12") != []
    with pytest.raises(ValueError, match="not a date"):
        select(found, since="last week")


# ----------------------------------------------------------------- variants across scripts


ALIASES = Aliases.load(None)


def page(doc_id: str, text: str) -> Document:
    return build_document(Record(doc_id, text, f"{doc_id}.txt"), ALIASES)


TRADITIONAL_SHORTENED = (
    "總書記寄語科技工作者\n\n2024-12-02 09:10 來源：澳門日報\n\n"
    "習近平總書記強調：「把科技創新擺到更加突出的位置，深化教育科技人才綜合改革。」"
    "本澳科技界人士表示，將把握機遇，推動產學研合作走深走實。\n"
)


def test_traditional_shortened_variant_joins_its_simplified_statement() -> None:
    docs = [page(ID[1], seed_text(1)), page("macau", TRADITIONAL_SHORTENED)]
    s = containing(track_documents(docs), "把科技创新摆到更加突出的位置，深化教育科技人才综合改革")
    assert docs_of(s) == {ID[1], "macau"}
    assert s.speaker == "习近平" and s.sources == 2
    assert s.text.startswith("把科技创新摆到更加突出的位置,深化教育科技人才综合改革,加强科教创新")
    assert "把科技創新擺到更加突出的位置，深化教育科技人才綜合改革。" in s.variants


def test_other_speaker_with_the_same_words_is_another_statement() -> None:
    quote = "把科技创新摆到更加突出的位置，深化教育科技人才综合改革，加强科教创新和产业创新融合。"
    other = page("local", f"座谈会上，王立强表示：“{quote}”\n")
    docs = [page(ID[1], seed_text(1)), other]
    hits = [s for s in track_documents(docs) if "把科技创新摆到" in s.text]
    assert sorted(s.speaker for s in hits) == ["习近平", "王立强"]


# ------------------------------------------------------------------- repost-aware counting


def test_a_repost_does_not_add_a_source(tmp_path: Path) -> None:
    # 101 is seed 000 as reposted by another portal; 108 is the same repost crediting
    # another outlet, so counting outlets alone would see a third voice.
    repost = (SAMPLES / "101_000_simplified_portal.txt").read_text(encoding="utf-8")
    assert "来源：求是网" in repost
    relabelled = tmp_path / "108_000_relabelled.txt"
    relabelled.write_text(repost.replace("来源：求是网", "来源：东方财经网"), encoding="utf-8")
    shutil.copy(SAMPLES / "101_000_simplified_portal.txt", tmp_path)
    with Store(tmp_path / "d.db") as store:
        ingest([*SEEDS, tmp_path / "101_000_simplified_portal.txt", relabelled], store)
        s = containing(track(store), "建设社会主义现代化强国，关键在科技自立自强")
        docs = {doc.id: doc for _, doc in store.documents()}
    assert docs_of(s) == {ID[0], ID[2], "101_000_simplified_portal", "108_000_relabelled"}
    assert s.sources == 2
    echoing = [docs[d] for d in docs_of(s)]
    assert count_sources(echoing, {}) == 3  # without the repost clusters: 求是网, 央视, 东方财经网


# ------------------------------------------------------------------------------ pure parts


def test_formulations_are_cut_from_the_surrounding_words() -> None:
    text = "要推动制造业高端化、智能化、绿色化发展,也要保障芯片、软件、电池等供应。"
    assert [text[a:b] for a, b in formulations(text)] == ["高端化、智能化、绿色化"]


def test_edge_symbols_keep_the_plus_of_a_slogan() -> None:
    assert edge_symbols("人工智能+") == ("", "+")
    assert edge_symbols("人工智能＋") == ("", "+")
    assert edge_symbols("大而不强") == ("", "")


_HAN = st.sampled_from("科技创新产业融合发展")


@settings(max_examples=60, deadline=None)
@given(st.text(_HAN, max_size=60), st.lists(st.text(_HAN, min_size=4, max_size=7), max_size=6))
def test_needles_find_every_occurrence(text: str, needles: list[str]) -> None:
    expected = {(i, n) for n in needles for i in range(len(text)) if text.startswith(n, i)}
    assert set(Needles.of(needles).find(text)) == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(_HAN, min_size=1, max_size=14), min_size=2, max_size=8))
def test_prefix_filter_misses_no_contained_pair(texts: list[str]) -> None:
    sets = [shingle_hashes(t, 3) for t in texts]
    candidates = containment_candidates(sets, 0.6)
    for v, a in enumerate(sets):
        for u, b in enumerate(sets):
            if u != v and np.intersect1d(a, b).size >= 0.6 * a.size:
                assert (v, u) in candidates


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(_HAN, min_size=2, max_size=16), st.sampled_from([None, "甲", "乙"])),
        min_size=1,
        max_size=10,
    )
)
def test_roots_are_longest_and_never_mix_speakers(variants: list[tuple[str, str | None]]) -> None:
    texts, speakers = zip(*variants, strict=True)
    roots = link_variants(texts, speakers)
    for i, r in enumerate(roots):
        assert roots[r] == r and len(texts[r]) >= len(texts[i])
    for r in set(roots):
        assert len({speakers[i] for i in range(len(texts)) if roots[i] == r} - {None}) <= 1


def test_short_statements_and_numbers_are_not_found_inside_other_words() -> None:
    # A reader's review found these echoed as statements of four sources (number and
    # phrase matched inside unrelated articles).
    docs = [
        page("a", "她叫马晓倩，是大二学生。“你现在需要多少钱？”他问。“4000。”马晓倩说。"),
        page("b", "执勤民警对司机杨某依法给予罚款4000元、并暂扣车辆。"),
        page("c", "对于每个家庭而言都是很不错的体验，食物和特产都会一一亮相。"),
        page("d", "“这里风景不错。”陆锋柱笑道。“是很不错。”吴大头笑道。"),
    ]
    echoed = [s for s in track_documents(docs) if len({o.doc for o in s.occurrences}) > 1]
    assert echoed == []


def test_a_passage_belongs_to_one_statement_when_two_speakers_said_the_words() -> None:
    text = (
        "会上，邓又林说，全局要围绕“服务发展、保护资源、维护权益”开展工作。\n"
        "他指出，服务发展、保护资源、维护权益是国土部门的职责所在。\n"
        "廖其志表示，要坚持“服务发展、保护资源、维护权益”的工作思路。\n"
    )
    found = [s for s in track_documents([page("p", text)]) if "维护权益" in s.text]
    assert sorted(s.speaker for s in found) == ["廖其志", "邓又林"]
    places = [(o.start, o.end) for s in found for o in s.occurrences]
    assert len(places) == len(set(places)) == 3
    deng = next(s for s in found if s.speaker == "邓又林")
    assert [o.quoted for o in deng.occurrences] == [True, False]  # his, then its repetition


# ------------------------------------------------------------------ mentions kept in the store


def test_mentions_kept_in_the_store_give_the_same_statements(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        ingest(SEEDS, store)
        docs = [doc for _, doc in store.documents()]
        fresh = [s.as_dict() for s in track_documents(docs)]
        assert [s.as_dict() for s in track(store)] == fresh  # found, then kept
        kept = store.mentions()
        assert set(kept) == {d.id for d in docs}
        assert [s.as_dict() for s in track(store)] == fresh  # read back
        # a row found with something else (older code, another table) is found again
        doc = docs[0].id
        store.put_mentions([(doc, "stale", [[0, 5, "王立强", "statement", True, "before"]])])
        assert [s.as_dict() for s in track(store)] == fresh
        assert store.mentions()[doc] == kept[doc]


def test_another_speaker_table_finds_the_quotes_again(tmp_path: Path) -> None:
    text = "座谈会上，强哥表示：“要加快建设现代化产业体系，推动高质量发展。”\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    table = tmp_path / "speakers.toml"
    table.write_text('[speakers]\n"李强" = ["强哥"]\n', encoding="utf-8")
    with Store(tmp_path / "d.db") as store:
        ingest([tmp_path / "a.txt"], store)
        assert [s.speaker for s in track(store)] == [None]
        assert [s.speaker for s in track(store, speakers=Speakers.load(table))] == ["李强"]
        assert [s.speaker for s in track(store)] == [None]


def test_a_read_only_store_is_still_read(tmp_path: Path) -> None:
    # A store made before quotes were kept (no mentions table), opened where nothing can be
    # written: SQLite refuses every write, as it does for a read-only file or mount.
    path = tmp_path / "d.db"
    with Store(path) as store:
        ingest(SEEDS[:2], store)
        expected = [s.as_dict() for s in track_documents([d for _, d in store.documents()])]
    with Store(path) as store:  # opening writes nothing that an old store lacks
        tables = "SELECT name FROM sqlite_master WHERE name = 'mentions'"
        assert store.db.execute(tables).fetchall() == []
        store.db.execute("PRAGMA query_only = ON")
        assert [s.as_dict() for s in track(store)] == expected
        assert store.mentions() == {}


def test_a_term_inside_an_unquoted_echo_does_not_take_it_from_its_statement() -> None:
    said = "‘十四五’科技发展亮点纷呈，说明科技强国战略是正确的，‘十五五’还会继续加强。"
    docs = [
        page("a", f"座谈会上，王立强表示：“{said}”\n"),
        page("b", f"高速交警提醒：夏季注意安全。{said}广大市民要提高警惕。\n"),
    ]
    statement = containing(track_documents(docs), said.strip("‘"))
    assert [(o.doc, o.quoted) for o in statement.occurrences] == [("a", True), ("b", False)]


def test_a_pages_controls_in_quote_marks_are_no_echo() -> None:
    docs = [
        page("a", "突破“卡脖子”技术难题。更多内容，点击“阅读原文”进入新闻客户端。\n"),
        page("b", "攻克“卡脖子”难题不容易。点击“阅读原文”可直达商城购买，有好货！\n"),
        page("c", "喜欢就送小编一个小星星吧，点击左下角“阅读原文”查看更多，别忘了点“在看”。\n"),
        page("d", "觉得有用就点“在看”。网友回复“太离谱了”，该公司回复“正在处理”。\n"),
        page("e", "网友纷纷回复“太离谱了”。记者搜索“淄博烧烤”，发现有上万条结果。\n"),
        page("f", "对此该公司回复“正在处理”。记者搜索“淄博烧烤”时看到了这条消息。\n"),
    ]
    texts = {s.text for s in track_documents(docs)}
    assert {"卡脖子", "太离谱了", "正在处理", "淄博烧烤"} <= texts
    assert not {"阅读原文", "在看"} & texts


def test_short_statements_echo_where_they_stand_apart() -> None:
    said = "绿水青山就是金山银山。"
    docs = [
        page("a", f"习近平总书记强调：“{said}”\n"),
        page("b", "大家都说，绿水青山就是金山银山，这个道理越来越深入人心。\n"),
        page("c", "村里人常讲：绿水青山就是金山银山。如今游客越来越多。\n"),
    ]
    statement = containing(track_documents(docs), said)
    assert docs_of(statement) == {"a", "b", "c"} and statement.sources == 3


def test_words_inside_a_longer_quote_still_echo_the_shorter_statement() -> None:
    short = "我们必须坚持绿水青山就是金山银山的理念不动摇。"
    docs = [
        page("a", f"座谈会上，张三表示：“{short}”\n"),
        page("b", f"李四说：“{short}我们还要把生态优势转化为发展优势。”\n"),
    ]
    statement = next(s for s in track_documents(docs) if s.speaker == "张三")
    assert docs_of(statement) == {"a", "b"}
