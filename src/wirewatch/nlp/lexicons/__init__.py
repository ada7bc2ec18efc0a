"""Word lists the extractors use, shipped as data files a user can read and extend."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


def read_lexicon_file(path: Path | str) -> frozenset[str]:
    """One entry per line, lower-cased; ``#`` starts a comment."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(e for line in lines if (e := line.split("#", 1)[0].strip().lower()))


@cache
def lexicon(name: str) -> frozenset[str]:
    """The packaged lexicon ``name`` (``cue_verbs``, ``person_nouns``, ...)."""
    return read_lexicon_file(Path(str(resources.files(__package__).joinpath(f"{name}.txt"))))


def extended(name: str, extra: list[str] | None = None, path: str | None = None) -> frozenset[str]:
    """The packaged lexicon plus entries from config and from a user's file."""
    entries = set(lexicon(name)) | {e.strip().lower() for e in extra or [] if e.strip()}
    if path:
        entries |= read_lexicon_file(path)
    return frozenset(entries)


@cache
def lexicon_table(name: str) -> dict[str, str]:
    """The packaged table ``name``: ``key: Value`` lines, keys lower-cased, values as written."""
    path = Path(str(resources.files(__package__).joinpath(f"{name}.txt")))
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.split("#", 1)[0].partition(":")
        if sep and key.strip() and value.strip():
            table[key.strip().lower()] = value.strip()
    return table
