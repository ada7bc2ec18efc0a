"""From cleaned articles to extractions: runs the pipeline and builds the public model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.model import Actor, Article, Event, EventDate, Extraction, Span, Statement
from wirewatch.nlp import load_pipeline
from wirewatch.nlp.records import Attribution, CharRange
from wirewatch.settings import Settings

if TYPE_CHECKING:
    from wirewatch.nlp.actors import CodedActor
    from wirewatch.nlp.events import EventRecord


# Batches of articles parsed in one memory zone (see Extractor.extract_many).
ZONE_BATCHES = 8


class Extractor:
    """Holds one loaded pipeline; reuse it for many articles."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.nlp = nlp or load_pipeline(
            self.settings.model, self.settings.actor_lexicons, self.settings.verb_lexicons
        )

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extractions in input order, a few hundred articles at a time.

        Each group is parsed inside a spaCy memory zone, so the strings the parser adds to
        the vocabulary for it (every new word, lemma and entity) are freed afterwards:
        without it a long ingest grows by megabytes per thousand articles. Nothing of a Doc
        outlives its zone; an Extraction holds plain Python data.
        """
        remaining = iter(articles)
        while group := list(islice(remaining, self.settings.batch_size * ZONE_BATCHES)):
            with self.nlp.memory_zone():
                pairs = ((self._doc(a), a) for a in group)
                done = [
                    Extraction(article=a, statements=statements_of(doc, a), events=events_of(doc, a))
                    for doc, a in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size)
                ]
            yield from done

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        if article.headline is not None:
            doc._.wirewatch_headline = (article.headline.start, article.headline.end)
        doc._.wirewatch_published = article.published
        return doc


def statements_of(doc: Doc, article: Article) -> tuple[Statement, ...]:
    """The doc's attribution records as public statements with spans into ``article.text``."""
    text = article.text
    return tuple(_statement(text, a) for a in doc._.wirewatch_statements or [])


def _span(text: str, r: CharRange | None) -> Span | None:
    return Span.of(text, *r) if r else None


def _statement(text: str, a: Attribution) -> Statement:
    return Statement(
        kind=a.kind,  # type: ignore[arg-type]
        content=tuple(Span.of(text, s, e) for s, e in a.content),
        cue=_span(text, a.cue),
        speaker=_span(text, a.speaker),
        speaker_name=a.speaker_name,
        speaker_role=a.speaker_role,
        speaker_type=a.speaker_type,  # type: ignore[arg-type]
        addressee=a.addressee,
    )


def events_of(doc: Doc, article: Article) -> tuple[Event, ...]:
    """The doc's event records as public events with spans into ``article.text``."""
    text = article.text
    return tuple(_event(text, e) for e in doc._.wirewatch_events or [])


def _actor(text: str, actor: CodedActor) -> Actor:
    # An implied actor (a protest's own government) has no words and so no span.
    span = Span.of(text, actor.start, actor.end) if actor.start >= 0 else None
    return Actor(text=actor.text, code=actor.code, span=span)


def _event(text: str, e: EventRecord) -> Event:
    date = None
    if e.date is not None:
        value, granularity, (start, end) = e.date
        date = EventDate(value=value, granularity=granularity, span=Span.of(text, start, end))  # type: ignore[arg-type]
    return Event(
        source=_actor(text, e.source),
        target=_actor(text, e.target) if e.target else None,
        code=e.code,
        name=e.name,
        plover=e.plover,
        modality=e.modality,  # type: ignore[arg-type]
        sentence=Span.of(text, *e.sentence),
        trigger=Span.of(text, *e.trigger),
        object=_span(text, e.object),
        reported_by=e.reported_by,
        date=date,
        principal=e.principal,
    )
