"""Names a page repeats, found from the page itself (dedup.names)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dedup.names import MIN_COUNT, cued_names, listed, ordinary_word, page_names, trim, widen
from dedup.quotes import extract_quotes

# A feature about a club official whose name jieba cuts apart (秦|苹).
_CLUB = (
    "申鑫俱乐部总经理秦苹表示，转会费是一亿元。秦苹希望池忠国能够诚实面对。"
    "秦苹给出了肯定的回答，俱乐部有证据。秦苹最后表示，要保护俱乐部的利益。"
)


def test_a_name_the_page_repeats_is_found() -> None:
    assert "秦苹" in page_names(_CLUB)


def test_a_name_printed_fewer_times_is_not() -> None:
    assert "秦苹" not in page_names("总经理秦苹表示，转会费是一亿元。秦苹希望大家理解。")


def testordinary_words_that_start_with_a_surname_are_not_names() -> None:
    text = (
        "这个周末气温很高。周末会有高温天气，周末高温预警，每户补贴三万元，共计九万元，又发五万元。"
    )
    names = page_names(text)
    assert not names & {"周末", "高温", "万元"}


def test_pieces_of_longer_words_are_not_names() -> None:
    text = "俄罗斯外交部表示，俄罗斯不会让步。俄罗斯总统普京说，俄罗斯有证据。"
    assert "罗斯" not in page_names(text)


def test_the_longer_of_two_equally_repeated_strings_is_the_name() -> None:
    text = "马晓倩是大二学生。马晓倩家里欠了债。马晓倩不得已才去陪酒。"
    assert "马晓倩" in page_names(text) and "马晓" not in page_names(text)


def test_one_stray_occurrence_does_not_split_a_name() -> None:
    text = "叶皓轩推开了门。叶皓轩笑了笑。叶皓轩淡淡一笑。叶皓轩点点头。叶皓只是笑。"
    assert "叶皓轩" in page_names(text) and "叶皓" not in page_names(text)


def test_a_name_mostly_followed_by_one_word_is_still_a_name() -> None:
    text = "秦蘋表示，路修好了。秦蘋表示，要种果树。秦蘋表示，合作社要扩大。秦蘋表示，年轻人回来了。秦蘋说："
    assert page_names(text) == {"秦蘋"}


def test_a_character_that_opens_the_next_word_is_not_part_of_the_name() -> None:
    text = "秦蘋一直在做义工。秦蘋一边照顾老人。秦蘋一再表示感谢。秦蘋一直记得。秦蘋说：会做下去。"
    assert page_names(text) == {"秦蘋"}


def test_a_surname_with_a_post_is_not_cut_inside_the_post() -> None:
    text = "刘主任把目光转向红包。刘主任说道。刘主任站了起来。刘主任还是不放心。"
    assert "刘主任" in page_names(text) and "刘主" not in page_names(text)


@settings(max_examples=60, deadline=None)
@given(
    given_name=st.text(alphabet="晓倩桂珍林生苹天池广琛建国", min_size=1, max_size=2),
    repeats=st.integers(min_value=MIN_COUNT, max_value=6),
)
def test_a_repeated_made_up_name_is_found(given_name: str, repeats: int) -> None:
    name = "秦" + given_name
    # 秦国 is the state of Qin, not a person; 秦国倩 is missed for the same reason (see
    # page_names: a three-character string that opens with a word is not a name).
    assume(not ordinary_word(name) and not ordinary_word(name[:2]))
    # Always after the same title and before the same verb, as news prints its sources.
    text = "".join(f"总经理{name}表示，这件事要查清楚。" for _ in range(repeats))
    assert name in page_names(text)


def test_widen_adds_the_syllable_the_page_always_prints_in_front() -> None:
    text = "新闻秘书佩斯科夫表示，这是挑衅。佩斯科夫说，俄方将回应。随后佩斯科夫离开了。"
    assert widen(text, "斯科夫") == "佩斯科夫"


def test_widen_is_not_stopped_by_one_stray_occurrence() -> None:
    text = (
        "新闻秘书佩斯科夫表示，这是挑衅。佩斯科夫说，俄方将回应。随后佩斯科夫离开了。"
        "佩斯科夫又说。巴斯科夫来了。"
    )
    assert widen(text, "斯科夫") == "佩斯科夫"
    assert widen(text.replace("佩斯科夫离开", "巴斯科夫离开"), "斯科夫") == "斯科夫"  # 3 of 5


def test_widen_adds_a_surname_even_once() -> None:
    assert widen("入驻孵化中心的业主张广琛说：", "广琛") == "张广琛"


def test_widen_stops_at_a_title_and_at_a_complete_name() -> None:
    text = "美国总统特朗普表示反对。美国总统特朗普随后离开。"
    assert widen(text, "特朗普") == "特朗普"
    assert widen("业主王建国说，业主王建国也同意。", "王建国") == "王建国"


def test_trim_cuts_a_glued_verb_back_to_the_repeated_name() -> None:
    text = "杨安平是养鱼大户。杨安平的合作社赚了钱。杨安平寻思怎样帮助村民。"
    assert trim(text, "杨安平寻思") == "杨安平"
    assert trim(text, "杨安平") == "杨安平"
    assert trim(text, "王建国") == "王建国"


def test_trim_keeps_a_sibling_whose_name_shares_all_but_the_last_character() -> None:
    text = (
        "村民张胜明和弟弟张胜利赶回了家。张胜明说，父母从不争吵。张胜利说，父亲很深沉。"
        "张胜明和张胜利兄弟俩都在浙江打工。张胜利曾表示要回来。"
    )
    assert trim(text, "张胜明") == "张胜明"
    assert trim(text, "张胜利") == "张胜利"
    # a character that stands in no name is still glued on (张胜|曾 after the brothers' 张胜)
    assert trim(text + "张胜也来了。", "张胜曾") == "张胜"


def test_siblings_repeated_are_two_names_not_their_shared_start() -> None:
    text = (
        "村民张胜明和弟弟张胜利赶回了家。张胜明说，父母从不争吵。张胜利说，父亲很深沉。"
        "张胜明和张胜利兄弟俩都在浙江打工。"
    )
    assert page_names(text) >= {"张胜明", "张胜利"} and "张胜" not in page_names(text)
    quotes = extract_quotes(text + "张胜利告诉记者：“我们会好好生活。”张胜明表示：“谢谢大家。”")
    assert [q.speaker for q in quotes] == ["张胜利", "张胜明"]
    # a third brother named once does not make the shared start a name again
    third = text.replace("村民张胜明和弟弟张胜利", "村民张胜明、张胜利和张胜军三兄弟")
    assert page_names(third) >= {"张胜明", "张胜利"} and "张胜" not in page_names(third)


def test_widen_does_not_take_in_a_role_word() -> None:
    text = "遇难者家属里欧很着急。遇难者家属里欧说，他在等消息。"
    assert widen(text, "里欧") == "里欧"


@pytest.mark.parametrize(
    ("page", "name"),
    [
        ("燃放鞭炮的痕迹少了很多。环卫工人魏国芬告诉记者，今年已经很少了。", "魏国芬"),  # 魏国|芬
        ("数罪并罚，并处罚金60万元。秦朝滨当庭表示认罪、悔罪，不上诉。", "秦朝滨"),  # 秦朝|滨
        ("参加考试的大一学生李玟告诉记者，题目不难。", "李玟"),
        ("在大棚不远处。付生财说，双孢菇可以连续收获四茬。", "付生财"),  # 生财 is a verb
        ("有关情况，李某答称不知道。", "李某"),  # not 李某答
        ("这件事，邓晓岚曾表示要查清楚。", "邓晓岚"),  # not 邓晓岚曾
        ("对此，柏海却说没有这回事。", "柏海"),  # not 柏海却
        ("烂水果还是流入了杭州市场。小陈告诉记者，", "小陈"),  # 小 + surname
        ("环卫工人王立新告诉记者，", "王立新"),  # 立新 is an adverb in jieba, a name here
        ("钱宝网总裁张小雷表示，", "张小雷"),  # not 小雷 inside it
        ("护林员李德胜告诉记者，", "李德胜"),  # jieba lists 李德 as a name of its own
    ],
)
def test_a_name_jieba_misses_is_read_off_the_sentence_that_frames_it(page: str, name: str) -> None:
    assert cued_names(page) == {name}


def test_words_in_a_name_frame_are_not_names() -> None:
    page = (
        "在这方面，周围说什么的都有。官方微博称，警方通报指出，该工程师说，"
        "简单地说，许多人说，王书记表示，张适时表示，从小陈述说。妈妈对小陈说，儿子看望老陈，"
        "面对质疑，王芳仍表示，王芳笑说，王芳并指出，他冷笑着说，病人苏醒后说，授予荣誉称号"
    )
    assert cued_names(page) == set()


@settings(max_examples=60, deadline=None)
@given(
    given_name=st.text(alphabet="晓倩桂珍林生苹天池广琛建国振兴", min_size=1, max_size=2),
    lead=st.sampled_from(["。", "，", "\n", "村民", "工作人员", "记者"]),
    verb=st.sampled_from(["说", "告诉记者", "表示", "介绍", "当庭表示"]),
)
def test_a_made_up_name_in_a_frame_is_found(given_name: str, lead: str, verb: str) -> None:
    name = "秦" + given_name
    # jieba knows listed words itself (秦池 is a brand), and a three-character reading gives
    # way to a listed first two (秦国).
    assume(not listed(name) and not (len(name) == 3 and listed(name[:2])))
    assert name in cued_names(f"事情发生以后{lead}{name}{verb}，这件事要查清楚。")
