"""Outlet-name cleaning, the alias table, user alias files and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dedup.sources import Aliases, clean_name, looks_like_outlet

BUILTIN = Aliases.builtin()


@pytest.mark.parametrize(
    "name",
    [
        "求是網",
        "求是网",
        "求是网评论员",
        "《求是》",
        "求是雜誌",
        "求是網(wǎng)",
        " 求是网 ",
        "来源：求是网",
    ],
)
def test_qiushi_spellings_are_one_outlet(name: str) -> None:
    assert BUILTIN.canonical(name) == "求是网"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("央視新聞", "央视新闻"),
        ("央视新闻客户端", "央视新闻"),
        ("《经济参考报》", "经济参考报"),
        ("新华社记者 张三", "新华社"),
        ("据新华社", "新华社"),
        ("【人民日报】", "人民日报"),
        ("人民日报评论", "人民日报"),
        ("人民日报微信公众号", "人民日报"),
        ("中新網", "中国新闻网"),
        ("經濟日報", "经济日报"),
        ("衡陽新聞網", "衡阳新闻网"),  # unknown to the table: cleaned, not dropped
    ],
)
def test_canonical(name: str, expected: str) -> None:
    assert BUILTIN.canonical(name) == expected


@pytest.mark.parametrize(
    "name", ["sp20241118", "20240214", "本网", "网络", "新", "x" * 3, "中" * 21]
)
def test_ids_and_boilerplate_are_not_outlets(name: str) -> None:
    assert not looks_like_outlet(clean_name(name))


@pytest.mark.parametrize("name", ["经济日报", "每日看点快看", "CCTV新闻", "21世纪经济报道"])
def test_outlet_names_are_outlets(name: str) -> None:
    assert looks_like_outlet(clean_name(name))


OUTLETS = ["求是网", "经济日报", "央视新闻", "每日看点快看", "衡阳新闻网", "经济参考报", "新华社"]
DECORATIONS = st.lists(st.sampled_from(list("《》【】“”「」 ")), max_size=3).map("".join)


@given(st.sampled_from(OUTLETS), DECORATIONS, DECORATIONS)
def test_decorations_do_not_change_the_outlet(name: str, left: str, right: str) -> None:
    assert BUILTIN.canonical(left + name + right) == BUILTIN.canonical(name)


@given(
    st.text(
        alphabet=st.sampled_from(list("求是网經濟日報央視新聞评论员客户端《》记者张 ")), max_size=12
    )
)
def test_canonical_is_idempotent(name: str) -> None:
    once = BUILTIN.canonical(name)
    assert BUILTIN.canonical(once) == once


# --- user alias files --------------------------------------------------------------------


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "outlets.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_user_file_is_merged_over_builtin(tmp_path: Path) -> None:
    path = write(tmp_path, '[outlets]\n"澎湃新闻" = ["澎湃", "The Paper"]\n')
    aliases = Aliases.load(path)
    assert aliases.canonical("澎湃") == "澎湃新闻"
    assert aliases.canonical("the paper") == "澎湃新闻"
    assert aliases.canonical("求是網") == "求是网"  # built-in entries stay


def test_user_file_wins_and_chains_are_followed(tmp_path: Path) -> None:
    # The user makes 求是杂志 the canonical name; the built-in 求是 -> 求是网 now leads there too.
    path = write(tmp_path, '[outlets]\n"求是杂志" = ["求是网"]\n')
    aliases = Aliases.load(path)
    assert aliases.canonical("求是网评论员") == "求是杂志"
    assert aliases.canonical("《求是》") == "求是杂志"
    assert aliases.canonical("求是雜誌") == "求是杂志"


def test_no_path_means_builtin() -> None:
    assert Aliases.load(None).table == BUILTIN.table


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('[outlets]\n"求是网" = ["求是杂志"\n', "not valid TOML"),
        ('"求是网" = ["求是杂志"]\n', "unknown top-level keys"),
        ("[aliases]\n", "unknown top-level keys"),
        ('outlets = ["求是网"]\n', "expected an [outlets] table"),
        ('[outlets]\n"求是网" = "求是杂志"\n', "must be a list of strings"),
        ('[outlets]\n"求是网" = ["求是杂志", 3]\n', "must be a list of strings"),
        ('[outlets]\n"求是网" = ["《》"]\n', "empty after cleaning"),
        ('[outlets]\n"求是网" = ["求是"]\n"求是杂志" = ["求是"]\n', "listed under both"),
    ],
)
def test_malformed_alias_file_names_file_and_problem(
    tmp_path: Path, body: str, problem: str
) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ValueError) as error:
        Aliases.load(path)
    assert str(path) in str(error.value)
    assert problem in str(error.value)


def test_merges_stack_and_latest_wins() -> None:
    first = Aliases.from_groups({"甲报": ["乙报"]}, "first")
    second = Aliases.from_groups({"丙报": ["甲报"]}, "second")
    third = Aliases.from_groups({"丁报": ["丙报"]}, "third")
    merged = first.merged(second).merged(third)
    assert {merged.canonical(n) for n in ["甲报", "乙报", "丙报", "丁报"]} == {"丁报"}


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes('[outlets]\n"求是网" = ["求是杂志"]\n'.encode("gbk"))
    with pytest.raises(ValueError, match="not UTF-8"):
        Aliases.load(path)
