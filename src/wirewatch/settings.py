"""One settings object, read from the environment once and passed down.

``WIREWATCH_MODEL`` names the spaCy model (``en_core_web_sm`` by default; ``_lg`` or
``_trf`` work too when installed). ``WIREWATCH_ACTOR_LEXICONS`` lists extra actor
lexicons for event coding (paths separated by ``:``), read after the packaged ones;
``WIREWATCH_VERB_LEXICONS`` extra verb lexicons in the format of ``verbs.tsv``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm"


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL
    batch_size: int = 32
    actor_lexicons: tuple[str, ...] = ()
    verb_lexicons: tuple[str, ...] = ()

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            model=os.environ.get("WIREWATCH_MODEL", DEFAULT_MODEL),
            batch_size=int(os.environ.get("WIREWATCH_BATCH_SIZE", "32")),
            actor_lexicons=_paths("WIREWATCH_ACTOR_LEXICONS"),
            verb_lexicons=_paths("WIREWATCH_VERB_LEXICONS"),
        )


def _paths(variable: str) -> tuple[str, ...]:
    """The paths an environment variable lists, separated by ``:`` (``;`` on Windows)."""
    return tuple(p for p in os.environ.get(variable, "").split(os.pathsep) if p)
