"""Outlet names: one canonical spelling per outlet, whatever the page wrote.

Pages credit the same outlet as 求是網, 求是网, 《求是网》, 求是网评论员 or 求是网客户端; reports
must count them as one. ``canonical`` cleans a name in a fixed order and then looks it up in an
alias table (built-in ``dedup/data/outlets.toml`` with a user file merged over it):

1. NFKC, pinyin glosses removed (``求是網(wǎng)``), Traditional -> Simplified, spaces removed;
2. a leading credit label (``来源:``, ``本文转自:``, ``据``) and edge decorations (《》【】“”…) go;
3. a byline tail goes: everything from 记者/作者/编辑/通讯员/特约 on (``新华社记者 张三``);
4. a channel suffix goes: 评论员, 评论, 客户端, 官方微博, 官微, 公众号, 官网, app, 百家号 …
   These name a column or a distribution channel of the outlet, not a different outlet;
   keeping them would split one outlet's output across several names.
5. alias lookup; names the table does not know are returned cleaned.

Alias keys and targets are cleaned the same way when the table is built, so a user can write
names in either script and with or without decorations.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from dedup.normalize import HAN, nfkc, strip_glosses, to_simplified

_LABEL = re.compile(r"^(?:本文|稿件|文章|新闻|信息)?(?:来源|转自|转载自|出处|来自)[:：]?|^据(?=..)")
_DECORATIONS = "《》〈〉【】[]「」『』“”‘’\"'()<>·•:：,，;；。.、|丨-—_ "
_BYLINE = re.compile(r"(?<=..)(?:记者|作者|编辑|责编|通讯员|特约|撰稿|摄影|文/|文:|图/).*$")
_CHANNEL = re.compile(
    r"(?<=..)(?:评论员|评论|客户端|官方微博|官方微信|微信公众号|公众号|官微|官网|app|百家号|头条号)$"
)
_CJK = re.compile(f"[{HAN}]")
_GENERIC = frozenset(
    {"本报", "本网", "本站", "本台", "网络", "互联网", "网友", "佚名", "未知", "综合"}
)


def clean_name(name: str) -> str:
    """Steps 1-4 of the module docstring: the spelling used for lookup and for display."""
    text = to_simplified(strip_glosses(nfkc(name)))
    text = re.sub(r"\s+", "", text).lower()
    previous = None
    while text != previous:
        previous = text
        text = _LABEL.sub("", text).strip(_DECORATIONS)
        text = _BYLINE.sub("", text)
        text = _CHANNEL.sub("", text)
    return text


def looks_like_outlet(name: str) -> bool:
    """Whether a cleaned credit can name an outlet rather than an id, a date or a sentence.

    Scraped credit fields hold ids (``sp20241118``), dates and boilerplate (本网, 网络); an
    outlet name has at least two Han characters, few digits and is short.
    """
    digits = sum(ch.isdigit() for ch in name)
    return (
        2 <= len(name) <= 20
        and len(_CJK.findall(name)) >= 2
        and digits < 4
        and name not in _GENERIC
    )


@dataclass(frozen=True)
class Aliases:
    """Cleaned alias -> canonical outlet name. Build with ``load`` (built-in + user file)."""

    table: Mapping[str, str]

    @classmethod
    def from_groups(cls, groups: Mapping[str, Sequence[str]], origin: str) -> Aliases:
        """Build from ``{canonical: [alias, ...]}``; ``origin`` names the source in errors."""
        table: dict[str, str] = {}
        for target, names in groups.items():
            canonical = _checked_name(target, origin)
            for alias in (target, *names):
                key = _checked_name(alias, origin)
                if table.get(key, canonical) != canonical:
                    raise ValueError(
                        f"{origin}: alias {alias!r} is listed under both "
                        f"{table[key]!r} and {canonical!r}"
                    )
                table[key] = canonical
        return cls(MappingProxyType(table))

    @classmethod
    @cache
    def builtin(cls) -> Aliases:
        """The table shipped in ``dedup/data/outlets.toml`` (read once; the table is immutable)."""
        source = resources.files("dedup").joinpath("data/outlets.toml")
        return cls.from_groups(
            _parse(source.read_text(encoding="utf-8"), "outlets.toml"), "outlets.toml"
        )

    @classmethod
    def load(cls, path: Path | None = None) -> Aliases:
        """Built-in table, with the user's TOML file (``[outlets]`` table) merged over it.

        Raises ValueError naming the file for malformed TOML or a wrong shape.
        """
        aliases = cls.builtin()
        if path is None:
            return aliases
        try:
            text = Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"{path}: not UTF-8 text ({exc})") from exc
        return aliases.merged(cls.from_groups(_parse(text, str(path)), str(path)))

    def merged(self, override: Aliases) -> Aliases:
        """This table with ``override`` laid over it; ``override`` wins for every name it lists."""
        table = {**self.table, **override.table}
        return Aliases(MappingProxyType(_resolved(table)))

    def canonical(self, name: str) -> str:
        """The outlet's canonical name: cleaned, then looked up (unknown names stay cleaned)."""
        cleaned = clean_name(name)
        return self.table.get(cleaned, cleaned)


def _checked_name(name: object, origin: str) -> str:
    if not isinstance(name, str):
        raise ValueError(f"{origin}: outlet names must be strings, got {name!r}")
    cleaned = clean_name(name)
    if not cleaned:
        raise ValueError(f"{origin}: outlet name {name!r} is empty after cleaning")
    return cleaned


def _parse(text: str, origin: str) -> dict[str, list[str]]:
    """Read and shape-check ``[outlets]``: a table of string -> list of strings."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{origin}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"outlets"})
    if unknown:
        raise ValueError(f"{origin}: unknown top-level keys: {', '.join(unknown)}")
    outlets = data.get("outlets")
    if not isinstance(outlets, dict):
        raise ValueError(f"{origin}: expected an [outlets] table of name = [aliases]")
    for target, names in outlets.items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError(f"{origin}: [outlets] {target!r} must be a list of strings")
    return outlets


def _resolved(table: dict[str, str]) -> dict[str, str]:
    """Point every alias at a final name after a merge, so lookups are one step.

    Each table's canonical names map to themselves, so the only chain a merge can create is
    one hop long: an old alias -> old canonical, which the override made an alias of its own.
    """
    return {alias: table.get(target, target) for alias, target in table.items()}
