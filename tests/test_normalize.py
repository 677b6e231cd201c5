"""Tests for dedup.normalize: one matching form for every script/width/gloss variant of a text,
offsets that lead back to the published characters, and agreement with OpenCC t2s."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np
import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedup.normalize import fold, nfkc, normalize_name, strip_glosses, to_simplified
from tests.conftest import SEEDS, seed_text

T2S = opencc.OpenCC("t2s")
DICTIONARY = Path(opencc.__file__).parent / "dictionary"


def _entries(name: str) -> dict[str, str]:
    lines = (DICTIONARY / name).read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines)


TS_CHARACTERS = _entries("TSCharacters.txt")
TS_PHRASES = _entries("TSPhrases.txt")

# The gloss rule as the brief states it, written independently of the implementation: a
# parenthesised lowercase pinyin syllable with a tone mark right after a CJK character.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹếề"
_REFERENCE_GLOSS = re.compile(
    rf"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f])"
    rf"\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)"
)


def reference_fold(text: str) -> str:
    """The definition of fold, slowly: NFKC, drop glosses, OpenCC t2s, keep alnum, lowercase."""
    simplified = T2S.convert(_REFERENCE_GLOSS.sub("", unicodedata.normalize("NFKC", text)))
    return "".join(c.lower()[0] for c in simplified if c.isalnum())


# Seed 000, second paragraph (求是網 commentary), in the forms reposting sites produce.
SENTENCE_SIMPLIFIED = (
    "科技创新和产业创新相互交叉、互融共促、协同发展，科技创新为产业创新提供内生动力。"
    "2026年2月23日，求是网评论员。"
)
SENTENCE_GLOSSED = (
    "科技創(chuàng)新和產(chǎn)業(yè)創(chuàng)新相互交叉、互融共促、協(xié)同發(fā)展,"
    "科技創(chuàng)新為產(chǎn)業(yè)創(chuàng)新提供內(nèi)生動力。2026年2月23日,求是網(wǎng)評論員。"
)
SENTENCE_FULL_WIDTH = (
    "科技创新和产业创新相互交叉､互融共促､协同发展，科技创新为产业创新提供内生动力．"
    "２０２６年２月２３日，　求是网评论员．"
)
# Checked by hand: the Simplified sentence without punctuation or spaces.
SENTENCE_FOLDED = "科技创新和产业创新相互交叉互融共促协同发展科技创新为产业创新提供内生动力2026年2月23日求是网评论员"


@pytest.mark.parametrize("conversion", ["s2t", "s2tw", "s2hk"])
def test_traditional_forms_fold_like_simplified(
    converters: dict[str, opencc.OpenCC], conversion: str
) -> None:
    traditional = converters[conversion].convert(SENTENCE_SIMPLIFIED)
    assert traditional != SENTENCE_SIMPLIFIED
    assert fold(traditional).text == SENTENCE_FOLDED


@pytest.mark.parametrize(
    "variant", [SENTENCE_SIMPLIFIED, SENTENCE_GLOSSED, SENTENCE_FULL_WIDTH], ids=str.__len__
)
def test_simplified_glossed_and_full_width_forms_fold_alike(variant: str) -> None:
    assert fold(variant).text == SENTENCE_FOLDED


def test_seed_000_title_loses_its_glosses() -> None:
    text = seed_text(0)
    title = "求是網(wǎng)評論員:科技創(chuàng)新和產(chǎn)業(yè)創(chuàng)新何以深度融合"
    assert title in text
    folded = fold(text).text
    assert "求是网评论员科技创新和产业创新何以深度融合" in folded
    # Every gloss goes except the two whose CJK character the mojibake turned into a Latin
    # letter (F(xiàn)代化, 虡I(yè)化): the brief asks for a CJK character before a gloss.
    toned_words = re.findall(rf"[a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*", folded)
    assert toned_words == ["fxiàn", "iyè"]


def test_ascii_word_in_parentheses_is_not_a_gloss() -> None:
    folded = fold("依托《区域全面经济伙伴关系协定》(RCEP)等国际合作平台")
    assert folded.text == "依托区域全面经济伙伴关系协定rcep等国际合作平台"


def test_gloss_needs_a_cjk_character_before_it() -> None:
    # After a Latin letter (seed 000's mojibake "F(xiàn)代化") the brief keeps the text.
    assert fold("F(xiàn)代化").text == "fxiàn代化"
    assert fold("現(xiàn)代化").text == "现代化"
    assert fold("經（jīng）濟").text == "经济"  # full-width parentheses, as NFKC reads them


def test_phrase_conversion_beats_character_conversion() -> None:
    # 瞭 alone stays 瞭 in t2s; inside 瞭解 and 一目瞭然 it becomes 了 (TSPhrases.txt).
    assert to_simplified("瞭") == "瞭"
    assert to_simplified("我們瞭解到，真相一目瞭然。") == "我们了解到，真相一目了然。"
    assert fold("乾隆年間的乾貨").text == "乾隆年间的干货"
    # Compatibility ideographs (U+F9DC 隆, U+F99B 鍊) join phrases once NFKC unifies them.
    assert fold("乾\uf9dc年間的項\uf99b").text == "乾隆年间的项链"


def test_offsets_point_back_to_the_published_characters() -> None:
    text = "習近平總書記強調:“堅持創(chuàng)新驅動”。"
    folded = fold(text)
    assert folded.text == "习近平总书记强调坚持创新驱动"
    assert [text[i] for i in folded.offsets] == list("習近平總書記強調堅持創新驅動")
    start = folded.text.index("创新")
    assert folded.span(start, start + 2) == (text.index("創"), text.index("驅"))


def test_expansions_share_their_source_offset() -> None:
    text = "面积120㎡,气温5℃…"
    folded = fold(text)
    assert folded.text == "面积120m2气温5c"
    assert [text[i] for i in folded.offsets] == list("面积120㎡㎡气温5℃")
    assert np.all(np.diff(folded.offsets) >= 0)


def test_combining_marks_and_jamo_compose_like_nfkc() -> None:
    assert fold("Cafe\u0301 CAFÉ").text == "cafécafé"
    jamo = fold("\u1100\u1161\u11a8 각")
    assert jamo.text == "각각"
    assert jamo.offsets.tolist() == [0, 4]


def test_lone_surrogates_do_not_break_folding() -> None:
    assert fold("新\ud800華").text == "新华"


def test_normalize_name() -> None:
    assert normalize_name("求是網") == "求是网"
    assert normalize_name("央視新聞") == "央视新闻"
    assert normalize_name(" 經濟 日報 ") == "经济日报"


@pytest.mark.parametrize(
    "printed", ["亨瑞克-斯滕森", "亨瑞克•斯滕森", "亨瑞克・斯滕森", "亨瑞克？斯滕森"]
)
def test_the_marks_between_parts_of_a_transliterated_name_are_one_middle_dot(printed: str) -> None:
    assert normalize_name(printed) == normalize_name("亨瑞克·斯滕森") == "亨瑞克·斯滕森"


def test_a_hyphen_outside_a_han_name_stays() -> None:
    assert normalize_name("Jean-Paul") == "Jean-Paul"


def test_a_latin_name_keeps_one_space_between_its_words() -> None:
    assert normalize_name(" julie   furber ") == "julie furber"
    assert normalize_name("José  Mourinho") == "José Mourinho"
    assert normalize_name("Владимир Путин") == "Владимир Путин"
    assert normalize_name("蒂姆 · 库克") == "蒂姆·库克"


def test_a_dash_in_an_organs_name_stays() -> None:
    assert normalize_name("中国—东盟博览会秘书处") == "中国—东盟博览会秘书处"
    assert normalize_name("ＣＣＴＶ　央視") == "CCTV央视"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_agree_with_opencc(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert to_simplified(text) == T2S.convert(text)
    assert fold(text).text == reference_fold(text)


# Pieces of text for property tests: Traditional characters and phrases from OpenCC's own
# t2s dictionaries, Simplified news words, Latin, digits, punctuation of both widths,
# glosses, and the awkward cases (expansions, combining marks, jamo, compatibility forms).
_TRADITIONAL = st.sampled_from(sorted(TS_CHARACTERS))
_PHRASE = st.sampled_from(sorted(TS_PHRASES))
_PLAIN = st.sampled_from(
    ["科技", "创新", "产业", "经济", "发展", "新质生产力", "习近平", "总书记", "一", "不", "了"]
)
_PUNCT = st.sampled_from(list("，。、；：？！“”‘’（）《》【】—·,.;:!?()[]-/ \u3000\n"))
_LATIN = st.sampled_from(["RCEP", "AI", "5G", "gdp", "２０２６", "ＣＣＴＶ", "2024", "ｘ"])
_GLOSS = st.sampled_from(
    ["(jīng)", "(chuàng)", "（yè）", "(xiàn)", "﹙jīng﹚", "(RCEP)", "(app)", "(de)"]
)
_AWKWARD = st.sampled_from(
    ["…", "℃", "㎡", "½", "①", "ｶﾞ", "e\u0301", "\u0301", "\u1100\u1161", "ㄱㅏ", "⼀", "﹙", "️"]
    + ["\uf9dc", "\uf99b", "\uf972", "﹐", "︵"]  # compatibility ideographs, odd separators
)
news_like = st.lists(
    st.one_of(_TRADITIONAL, _PHRASE, _PLAIN, _PUNCT, _LATIN, _GLOSS), max_size=40
).map("".join)
anything_like = st.lists(
    st.one_of(_TRADITIONAL, _PHRASE, _PLAIN, _PUNCT, _LATIN, _GLOSS, _AWKWARD), max_size=40
).map("".join)
traditional_like = st.lists(st.one_of(_TRADITIONAL, _PHRASE, _PUNCT), max_size=30).map("".join)


# Character -> what t2s phrases turn it into (瞭 -> 了 in 瞭解).
PHRASE_OUTPUTS: dict[str, set[str]] = {}
for _key, _value in TS_PHRASES.items():
    for _source, _target in zip(_key, _value.split(" ")[0], strict=True):
        PHRASE_OUTPUTS.setdefault(_source, set()).add(_target)


def _sources(char: str) -> set[str]:
    """Folded characters one source character may produce: alone or inside a t2s phrase."""
    return set(reference_fold(char)) | PHRASE_OUTPUTS.get(char, set())


@settings(max_examples=300, deadline=None)
@given(news_like)
def test_each_folded_character_comes_from_its_offset(text: str) -> None:
    folded = fold(text)
    assert len(folded.offsets) == len(folded.text)
    assert folded.offsets.dtype == np.int32
    assert np.all(np.diff(folded.offsets) > 0)  # no expansions here: strictly increasing
    for char, offset in zip(folded.text, folded.offsets.tolist(), strict=True):
        assert char in _sources(text[offset])


@settings(max_examples=300, deadline=None)
@given(anything_like)
def test_fold_matches_its_definition(text: str) -> None:
    folded = fold(text)
    assert folded.text == reference_fold(text)
    assert np.all(np.diff(folded.offsets) >= 0)
    assert np.all((folded.offsets >= 0) & (folded.offsets < max(len(text), 1)))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_any_unicode_text_folds_by_definition(text: str) -> None:
    assert fold(text).text == reference_fold(text)
    assert to_simplified(text) == T2S.convert(text)


@settings(max_examples=300, deadline=None)
@given(traditional_like)
def test_to_simplified_matches_opencc(text: str) -> None:
    assert to_simplified(text) == T2S.convert(text)


def test_unscanned_planes_hold_nothing_to_normalize() -> None:
    """The tables only scan planes 0-3 and 14; the rest must be inert in this Python."""
    for plane in [*range(4, 14), 15, 16]:
        chars = "".join(map(chr, range(plane << 16, (plane + 1) << 16)))
        assert unicodedata.is_normalized("NFKC", chars), plane
        assert not re.search(r"[\w\s]", chars), plane
        assert not any(unicodedata.combining(c) for c in chars), plane


def test_strip_glosses_drops_pinyin_after_han_only() -> None:
    assert strip_glosses("求是網(wǎng)評論員") == "求是網評論員"
    assert strip_glosses("創（chuàng）新") == "創新"  # full-width parentheses too
    assert strip_glosses("RCEP (rcep) 和 (app)") == "RCEP (rcep) 和 (app)"  # not glosses
    assert strip_glosses("协定(RCEP)") == "协定(RCEP)"


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            "经濟創新，。：；！？（）【】「」『』“”‘’…—　０１２ＡＢｃ①㈠㎡ﬁ\u0301\u0308\u3099e\nカ\U00020000"
        )
        | st.characters(codec="utf-8"),
        max_size=60,
    )
)
def test_nfkc_is_exactly_unicode_nfkc(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_nfkc_on_the_seed_pages() -> None:
    for path in sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt")):
        page = path.read_text(encoding="utf-8")
        assert nfkc(page) == unicodedata.normalize("NFKC", page)
