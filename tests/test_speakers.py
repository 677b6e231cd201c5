"""Speaker aliases: one canonical name whatever the title, script or credit line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dedup.speakers import TITLES, Speakers


@pytest.fixture(scope="module")
def speakers() -> Speakers:
    return Speakers.builtin()


@pytest.mark.parametrize(
    "surface",
    [
        "习近平",
        "習近平",
        "习近平总书记",
        "習近平總書記",
        "习近平书记",
        "近平書記",
        "习主席",
        "国家主席习近平",
    ],
)
def test_builtin_aliases_name_one_person(speakers: Speakers, surface: str) -> None:
    assert speakers.canonical(surface) == "习近平"


@pytest.mark.parametrize("title", ["总书记", "總書記", "书记"])
def test_bare_title_needs_the_person_named_earlier(speakers: Speakers, title: str) -> None:
    assert speakers.canonical(title, named=["习近平"]) == "习近平"
    # In an article that never named him, a bare 书记 may be any party secretary.
    assert speakers.canonical(title) != "习近平"
    assert speakers.canonical(title, named=["马一德"]) != "习近平"


@pytest.mark.parametrize("query", ["总书记", "總書記", "习近平总书记", "習近平"])
def test_a_filter_means_the_one_holder_of_a_title(speakers: Speakers, query: str) -> None:
    assert speakers.meant(query) == "习近平"


def test_a_title_two_people_hold_means_neither_in_a_filter(speakers: Speakers) -> None:
    table = Speakers({}, {"习近平": ["主席"], "李强": ["主席"]})
    assert table.meant("主席") == "主席"
    assert speakers.meant("王立强") == "王立强"
    assert speakers.meant("书记") == "书记"  # a post thousands hold, though the table gives it one


@pytest.mark.parametrize(
    ("credit", "name"),
    [
        ("蒋建东委员", "蒋建东"),
        ("盧柯委員", "卢柯"),
        ("国务院总理李强", "李强"),
        ("外交部发言人毛宁", "毛宁"),
        (
            "北京市习近平新时代中国特色社会主义思想研究中心特约研究员,"
            "中国科学院大学知识产权学院院长、教授马一德",
            "马一德",
        ),
    ],
)
def test_positions_are_stripped_from_personal_names(
    speakers: Speakers, credit: str, name: str
) -> None:
    assert speakers.canonical(credit) == name


@pytest.mark.parametrize("organ", ["中央经济工作会议", "国务院常务会议", "恩格斯"])
def test_names_without_titles_are_left_whole(speakers: Speakers, organ: str) -> None:
    assert speakers.canonical(organ) == organ


def test_user_file_extends_the_builtin_table(tmp_path: Path) -> None:
    user = tmp_path / "speakers.toml"
    user.write_text('[speakers]\n"李强" = ["李强总理", "國務院總理李強"]\n', encoding="utf-8")
    table = Speakers.load(user)
    assert table.canonical("國務院總理李強") == "李强"
    assert table.canonical("李强总理") == "李强"
    assert table.canonical("习近平总书记") == "习近平"


def test_user_titles_resolve_against_the_named_person(tmp_path: Path) -> None:
    user = tmp_path / "speakers.toml"
    user.write_text('[titles]\n"李强" = ["总理"]\n', encoding="utf-8")
    table = Speakers.load(user)
    assert table.canonical("总理", named=["习近平", "李强"]) == "李强"
    assert table.canonical("总理", named=["习近平"]) == "总理"


def test_mentions_find_aliases_and_unresolved_titles(speakers: Speakers) -> None:
    text = "近平书记十分关心材料科技创新进展。他向书记汇报。习近平总书记强调"
    found = [(text[m.start : m.end], m.name, m.title) for m in speakers.mentions(text)]
    assert found == [
        ("近平书记", "习近平", False),
        ("书记", "书记", True),
        ("习近平总书记", "习近平", False),
    ]


def test_a_doctrine_named_after_a_person_is_not_a_mention(speakers: Speakers) -> None:
    text = "北京市习近平新时代中国特色社会主义思想研究中心特约研究员,学习习近平法治思想"
    assert speakers.mentions(text) == []


_surnames = st.sampled_from("王李张刘陈杨赵黄周吴马蒋卢")
_given = st.text(alphabet="建东柯一德强明华伟芳军", min_size=1, max_size=2)
_titles = st.sampled_from([t for t in TITLES if t not in ("总书记", "书记")])


@given(_surnames, _given, _titles, st.booleans())
def test_a_titled_name_reduces_to_the_name(
    surname: str, given_name: str, title: str, before: bool
) -> None:
    speakers = Speakers.builtin()
    name = surname + given_name
    credit = title + name if before else name + title
    assert speakers.canonical(credit) == name
    # Canonical names are fixed points: a second pass changes nothing.
    assert speakers.canonical(speakers.canonical(credit)) == name


def test_familiar_form_resolves_to_the_last_person_with_that_surname(speakers: Speakers) -> None:
    assert speakers.canonical("小雷", named=["雷班主任"]) == "小雷"  # a post is nobody's name
    assert speakers.canonical("老王", named=["王德顺", "李娜"]) == "王德顺"
    assert speakers.canonical("小李", named=["李建华", "王德顺", "李娜"]) == "李娜"
    assert speakers.canonical("老王", named=["王德顺", "王秀英"]) == "王秀英"


@given(st.sampled_from("王李张刘陈"), st.lists(st.sampled_from(["赵立新", "孙敏", "周海"])))
def test_familiar_form_stays_as_printed_without_a_namesake(surname: str, named: list[str]) -> None:
    # 小李 in an article that never named a 李 is just 小李 (labels keep it so).
    speakers = Speakers.builtin()
    assert speakers.canonical(f"小{surname}", named=named) == f"小{surname}"


@pytest.mark.parametrize(
    ("credit", "name"),
    [("空军某部参谋长陈海东", "陈海东"), ("审判长李国华", "李国华"), ("领队周志明", "周志明")],
)
def test_military_court_and_team_posts_are_titles(credit: str, name: str) -> None:
    assert Speakers.builtin().canonical(credit) == name
