"""Repost detection on real article text: what must be found, and what must not be glued."""

from __future__ import annotations

from pathlib import Path

import pytest

from dedup.config import Config
from dedup.documents import build_document
from dedup.pipeline import ingest_iter
from dedup.readers import Record
from dedup.reposts import Detector, Flag, clusters
from dedup.sources import Aliases
from dedup.store import Store
from tests.conftest import SEEDS, seed_body, seed_text

ALIASES = Aliases.load(None)


def page(doc_id: str, text: str) -> Record:
    return Record(doc_id, text, f"{doc_id}.txt")


def portal(title: str, date: str, source: str, body: str, site: str = "东方财经网") -> str:
    """A page as another portal would carry it: navigation, credit line, footer, headline list."""
    return (
        f"首页 | 新闻 | 财经 | 科技 | 视频 | {site}\n\n{title}\n\n{date} 来源：{source}\n\n{body}\n\n"
        f"责任编辑：李明\n\n{site}版权所有，未经授权禁止转载。京ICP备10000001号\n\n相关新闻\n"
        "多地出台措施支持新能源汽车消费...\n2025-05-20 10:00\n三部门发布通知推进数字乡村建设...\n2025-05-19 09:30\n"
    )


@pytest.fixture
def detector(tmp_path: Path):
    store = Store(tmp_path / "d.db")
    yield Detector(store, Config())
    store.close()


def add(detector: Detector, doc_id: str, text: str) -> Flag:
    with detector.store.transaction():
        return detector.add(build_document(page(doc_id, text), ALIASES))


def test_no_two_seeds_are_reposts(detector: Detector) -> None:
    for path in SEEDS:
        assert add(detector, path.stem, path.read_text(encoding="utf-8")).status == "new"
    assert clusters(detector.store) == []


def test_simplified_repost_of_traditional_original(
    detector: Detector, body_000_simplified: str
) -> None:
    add(detector, "000", seed_text(0))
    flag = add(
        detector,
        "copy",
        portal(
            "求是网评论员：科技创新和产业创新何以深度融合",
            "2026-02-24 09:10",
            "求是网",
            body_000_simplified,
        ),
    )
    assert flag.status == "repost" and flag.of == "000" and flag.jaccard > 0.9


def test_truncated_repost_is_found_by_containment(
    detector: Detector, body_000_simplified: str
) -> None:
    add(detector, "000", seed_text(0))
    cut = body_000_simplified[: len(body_000_simplified) * 2 // 5]
    flag = add(
        detector, "cut", portal("科技创新和产业创新何以深度融合", "2026-02-25", "求是网", cut)
    )
    assert flag.status == "repost" and flag.of == "000"
    assert flag.jaccard < 0.5 and flag.containment > 0.9


def test_article_inside_a_long_page(detector: Detector) -> None:
    add(detector, "004", seed_text(4))
    article = seed_body(4, "2025年《政府工作报告》", "相关内容")
    other = seed_body(1, "  【实践分享】", "  作者:")
    flag = add(
        detector, "long", f"综合报道\n\n2025-05-23\n\n{other}\n\n{article}\n\n{other[:1500]}"
    )
    assert flag.status == "repost" and flag.of == "004" and flag.containment > 0.9


def test_digest_page_joins_two_clusters_without_merging_them(detector: Detector) -> None:
    a3 = seed_body(3, "金观平", "以上内容为")
    a4 = seed_body(4, "2025年《政府工作报告》", "相关内容")
    add(detector, "003", seed_text(3))
    add(detector, "004", seed_text(4))
    add(detector, "003-copy", portal("坚持科技创新和产业创新一起抓", "2024-02-15", "经济日报", a3))
    flag = add(detector, "digest", f"每日早报\n\n2025年5月22日 07:00\n\n{a3}\n\n{a4}\n\n版权所有")
    assert flag.status == "repost"
    found = {frozenset(m.doc.id for m in c.members): c for c in clusters(detector.store)}
    assert set(found) == {frozenset({"003", "003-copy", "digest"}), frozenset({"004", "digest"})}
    assert {c.original.doc.id for c in found.values()} == {"003", "004"}


def test_same_site_same_chrome_different_articles_are_not_reposts(detector: Detector) -> None:
    """Short different briefs in heavy identical chrome: the chrome must not glue them."""
    briefs = [p for p in seed_text(1).split("\n") if 80 < len(p.strip()) < 400][:6]
    flags = [
        add(detector, f"brief{i}", portal(f"要闻{i}", f"2025-05-2{i} 08:00", "东方财经网", text))
        for i, text in enumerate(briefs)
    ]
    assert [f.status for f in flags] == ["new"] * len(briefs)


def test_same_topic_articles_sharing_one_quoted_paragraph_are_not_reposts(
    detector: Detector,
) -> None:
    quoted = "习近平总书记强调：“建设社会主义现代化强国，关键在科技自立自强。要充分发挥我们国家集中力量办大事的优势，把各种优质要素集合起来攻关，加快解决突出短板问题，实现我们的战略目标。”"
    first = seed_body(3, "金观平", "合力建设世界级")
    second = seed_body(1, "  【专家解读】", "  巩固现有产业链")
    add(detector, "a", portal("坚持科技创新", "2024-02-14", "经济日报", f"{first}\n{quoted}"))
    flag = add(
        detector,
        "b",
        portal("以科技创新推动产业创新", "2024-11-18", "人民网", f"{quoted}\n{second}"),
    )
    assert flag.status == "new"


def test_exact_duplicate_and_stable_cluster_ids(
    detector: Detector, body_000_simplified: str
) -> None:
    add(detector, "000", seed_text(0))
    add(
        detector,
        "copy1",
        portal("科技创新和产业创新何以深度融合", "2026-02-24", "求是网", body_000_simplified),
    )
    before = {c.id for c in clusters(detector.store)}
    flag = add(
        detector,
        "copy2",
        portal(
            "科技创新和产业创新何以深度融合",
            "2026-02-26",
            "求是网",
            body_000_simplified,
            site="南方网",
        ),
    )
    assert flag.status == "duplicate" and flag.match == "copy1" and flag.of == "000"
    add(detector, "003", seed_text(3))
    after = clusters(detector.store)
    assert {c.id for c in after} == before and len(after[0].members) == 3


def test_check_flags_like_ingest_but_stores_nothing(
    tmp_path: Path, body_000_simplified: str
) -> None:
    from dedup.pipeline import check_iter

    repost = tmp_path / "repost.txt"
    repost.write_text(
        portal("科技创新和产业创新何以深度融合", "2026-02-24", "求是网", body_000_simplified),
        encoding="utf-8",
    )
    with Store(tmp_path / "d.db") as store:
        list(ingest_iter(SEEDS, store))
        checked = list(check_iter([repost], store))
        assert store.count() == 5
        ingested = list(ingest_iter([repost], store))
        assert store.count() == 6
    assert checked[0].as_dict() == ingested[0].as_dict()
    assert checked[0].status == "repost" and checked[0].of == SEEDS[0].stem


def test_a_detector_made_inside_a_transaction_keeps_it_all_or_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "d.db") as store:
        with pytest.raises(RuntimeError, match="crawler died"), store.transaction():
            detector = Detector(store, Config())
            detector.add(build_document(page("003", seed_text(3)), ALIASES))
            raise RuntimeError("crawler died")
        assert store.count() == 0


def test_replacing_an_original_leaves_its_reposts_checkable(
    detector: Detector, body_000_simplified: str
) -> None:
    add(detector, "000", seed_text(0))
    copy = portal("科技创新和产业创新何以深度融合", "2026-02-24", "求是网", body_000_simplified)
    assert add(detector, "copy", copy).of == "000"
    with detector.store.transaction():
        assert (
            detector.add(build_document(page("000", seed_text(3)), ALIASES), replace=True).status
            == "replaced"
        )
    flag = detector.check(
        build_document(page("copy", copy), ALIASES)
    )  # stored content: rebuilt flag
    assert flag.status == "new" and flag.of is None


def test_two_excerpts_of_one_article_do_not_make_it_a_digest(detector: Detector) -> None:
    """An original quoted in two places by two later pages stays the original of one cluster."""
    article = seed_body(1, "  【实践分享】", "  作者:")
    paragraphs = [p for p in article.split("\n") if len(p.strip()) > 100]
    head, tail = "\n".join(paragraphs[:6]), "\n".join(paragraphs[-6:])  # J ≈ 0.5 each
    add(detector, "full", portal("以科技创新推动产业创新", "2024-11-18 13:24", "人民网", article))
    add(detector, "head", portal("节选一", "2024-11-19", "人民网", head))
    add(detector, "tail", portal("节选二", "2024-11-20", "人民网", tail))
    found = clusters(detector.store)
    assert len(found) == 1 and found[0].original.doc.id == "full"
    assert {m.doc.id for m in found[0].members} == {"full", "head", "tail"}
    assert not any(m.container for m in found[0].members)


def test_a_repost_of_a_repost_shows_its_own_verified_scores(
    detector: Detector, body_000_simplified: str
) -> None:
    add(detector, "000", seed_text(0))
    first = body_000_simplified[: len(body_000_simplified) * 3 // 5]
    add(detector, "a", portal("科技创新和产业创新何以深度融合", "2026-02-24", "求是网", first))
    add(
        detector,
        "b",
        portal("科技创新何以深度融合", "2026-02-25", "求是网", first[len(first) // 3 :]),
    )
    members = {m.doc.id: m for m in clusters(detector.store)[0].members}
    assert set(members) == {"000", "a", "b"}
    assert members["b"].containment > 0.9  # b matched a (and maybe 000): never the 0.0 of "no pair"


def test_replacing_a_page_takes_its_chrome_lines_back_out(detector: Detector) -> None:
    text = portal(
        "要闻",
        "2025-05-20 08:00",
        "东方财经网",
        seed_body(1, "  【学习金句】", "  【专家解读】"),  # short lines: 【实践分享】…
    )
    add(detector, "p", text)
    counts = dict(detector.store.db.execute("SELECT scope, docs FROM chrome_scopes"))
    with detector.store.transaction():
        detector.add(build_document(page("p", text + "\n（完）"), ALIASES), replace=True)
    assert dict(detector.store.db.execute("SELECT scope, docs FROM chrome_scopes")) == counts
    most, rows = detector.store.db.execute(
        "SELECT MAX(docs), COUNT(*) FROM chrome_lines"
    ).fetchone()
    assert rows > 0 and most == 1  # the short lines (【实践分享】…) counted once, not twice
