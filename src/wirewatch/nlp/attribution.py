"""``wirewatch_attribution``: find the attributed statements of a doc.

A statement is anchored on a *cue*, a reporting verb from ``lexicons/cue_verbs.txt`` (or
``according to``, or a verb + preposition from ``cue_preps.txt``). Some verbs are cues by
their place rather than by the lexicon: any verb that with its subject makes up the whole
frame of a quote (``"...," he continued``), and any verb by which a person or organisation
puts a ``that`` clause, unless it only believes or perceives it (``the union insisted that``).
For each cue, outermost first, the finder looks for:

1. a quotation framed by the cue (``"...," Kirby said.`` / ``Kirby said: "..."``): a
   direct statement whose content is the whole quote, however many sentences it holds;
2. otherwise the reported clause (``ccomp``) or complement of the cue: an indirect
   statement, or a mixed one when part of the clause is quoted.

The complement depends on the cue: a clause for most (``said that ...``), the object for
reports of things (``reported a 49% decline``, ``object_cues.txt``), the object and what
it was called (``called the plan a disaster``, ``naming_cues.txt``), who was asked to do
what (``urged citizens to leave``), the main clause for ``as X told Y, ...``.

Cues inside a quote or inside the content of an outer statement are skipped: nested
attribution belongs to the content. Quotes no cue claimed are given to the subject of a
sentence that hands over to them with a colon, or become follow-on statements of the
statement right before them (``quote_frames``); the headline gets its trailing
``: Source``. Speakers are resolved later, by ``wirewatch_speakers``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.nlp.lexicons import extended, lexicon
from wirewatch.nlp.quote_frames import (
    add_follow_ons,
    clause_start,
    direct_statement,
    names_a_subject,
    quote_after,
    quote_before,
    signed_by_a_name,
)
from wirewatch.nlp.quotes import Quote
from wirewatch.nlp.records import Attribution, CharRange
from wirewatch.nlp.spans import (
    frame_tokens,
    inside,
    mention_range,
    text_of,
    trim_range,
    whole_of,
    words_quoted,
)
from wirewatch.nlp.subjects import (
    ANIMATE_ENTS,
    agent_of,
    goes_on_to,
    inverted_subject,
    misparsed_subject,
    subject_of,
    verbless_subject,
)

# A trailing source in a headline: "Russia seeks drones after losses: White House".
_HEADLINE_SOURCE = re.compile(r"^(?P<content>.{12,}?)\s*:\s+(?P<source>[A-Z][^:\"“”]{1,60}?)\s*$")
# A headline that opens with its source: "Study: ...", "Police: ...".
_HEADLINE_SOURCE_FIRST = re.compile(r"^(?P<source>[A-Z][^:\"“”]{1,30}?)\s*:\s+(?P<content>.{12,}?)\s*$")
# A headline that ends with an inverted cue: "..., say scientists".
_HEADLINE_CUE_LAST = re.compile(
    r"^(?P<content>.{12,}?),\s+(?P<cue>says?|said|warns?|claims?)\s+(?P<source>[^,:\"“”]{2,60}?)\s*$"
)
_RELATIVE = {"who", "which", "that"}
# Cues that also describe what things show ("the data suggest"): they report speech only
# when a person or an organisation is the source.
_WEAK_CUES = frozenset(
    ["suggest", "indicate", "show", "signal", "highlight", "predict", "conclude", "describe", "estimate"]
)
# Trailing parts of headlines that label the piece rather than name a source.
_HEADLINE_LABELS = {"interview", "interviews", "exclusive", "analysis", "opinion", "update", "live", "video"}
# Cues whose content is a request or commitment: "urged X to Y", "vowed to Y".
_REQUEST_CUES = {
    *("urge", "promise", "vow", "threaten", "pledge", "warn", "tell", "ask", "advise", "encourage"),
    *("instruct", "claim"),
}
# Nouns that frame a clause after "by" or "in" as a report ("by early reports", "in its report").
_REPORT_FRAMES = {"report", "reckoning", "account", "finding", "word"}
# Cues whose object is who was told ("told reporters that ...").
_ADDRESSEE_CUES = {"tell", "inform", "assure", "warn", "remind", "advise", "notify"}
# "issued a statement saying ...": verbs that make a statement noun speak.
_ISSUING_VERBS = {"issue", "release", "publish", "make", "put"}
_STATEMENT_NOUNS = {
    *("statement", "warning", "appeal", "plea", "claim", "announcement", "communique", "declaration"),
}
# Bodies whose findings are what they report ("the court found that ...").
_FINDING_BODIES = {
    *("court", "jury", "judge", "inquiry", "investigation", "panel", "tribunal", "commission"),
    *("audit", "review"),
}
# Verbs that take a "that" clause without telling it: beliefs, perceptions, wishes, acts.
_NOT_TELLING = {
    *("believe", "think", "know", "hope", "fear", "feel", "expect", "understand", "realize"),
    *("realise", "assume", "suspect", "doubt", "wish", "want", "worry", "guess", "imagine"),
    *("suppose", "learn", "discover", "see", "notice", "hear", "forget", "remember", "mean"),
    *("ensure", "prove", "show", "decide", "agree", "find", "recognize", "recognise", "trust"),
    *("pray", "dream", "sense", "bet", "reckon", "require", "order", "demand", "arrange"),
}
# Conjunctions of a contrast the article draws after a report (", while the army said ...").
_CONTRAST_MARKS = {"while", "whilst", "whereas"}
# "was quoted as saying", "was cited as saying": the passive subject is the speaker.
_QUOTING = {"quote", "cite", "report"}
# What courts and reports do with a clause: "the court found / decided / held that ...".
_FINDING_VERBS = {"find", "decide", "hold"}
# Particles that turn a cue into an act: "called off the search", "called up reservists".
_NOT_SPEECH = {("call", "off"), ("call", "up"), ("call", "in"), ("tell", "apart"), ("report", "back")}
# Verbs that report with a particle as well as with their preposition ("pointed out that").
_PHRASAL_CUES = {("point", "out")}
# "as manufacturers reported their sales": a time, not a report of what was said.
_TIME_MARKS = {"as", "when", "while", "after", "before", "since", "until"}
# Modifiers after the reported words that the parser may hang on the cue. Not "advmod":
# an adverb there says how it was said ("confirmed his identity anonymously").
_TRAILING_DEPS = {"prep", "advcl", "npadvmod", "xcomp"}
_FRAME_NOUNS = {
    "statement",
    "interview",
    "conference",
    "briefing",
    "release",
    "post",
    "tweet",
    "letter",
    "email",
    "speech",
    "message",
    "video",
    "broadcast",
    "call",
    "report",
    "remarks",
}


@Language.factory(
    "wirewatch_attribution",
    default_config={"extra_cues": [], "cue_file": None},
)
def make_attribution(
    nlp: Language, name: str, extra_cues: list[str], cue_file: str | None
) -> AttributionFinder:
    return AttributionFinder(extended("cue_verbs", extra_cues, cue_file), extended("cue_preps"))


class AttributionFinder:
    def __init__(self, cue_verbs: frozenset[str], cue_preps: frozenset[str]) -> None:
        self.cue_preps = {(verb, prep) for verb, prep in (p.split() for p in cue_preps)}
        self.cue_verbs = cue_verbs | {verb for verb, _ in self.cue_preps}
        self.person_nouns = lexicon("person_nouns")
        self.animate_nouns = self.person_nouns | lexicon("org_nouns") | lexicon("document_nouns")
        self.object_cues = lexicon("object_cues")
        self.naming_cues = lexicon("naming_cues")
        self.document_nouns = lexicon("document_nouns")
        self.finders = self.document_nouns | _FINDING_BODIES
        # "push for", "point to": these verbs report only with their preposition.
        prep_verbs = {verb for verb, _ in self.cue_preps}
        self.prep_only = prep_verbs - cue_verbs - self.naming_cues - self.object_cues
        self.cue_verbs |= self.naming_cues | self.object_cues

    def __call__(self, doc: Doc) -> Doc:
        quotes: tuple[Quote, ...] = doc._.wirewatch_quotes
        found: list[Attribution] = []
        used: set[Quote] = set()
        headline = self._headline(doc)
        if headline:
            found.append(headline)
        # Outermost cues first, so that a cue nested in another's content is seen as nested.
        # "according to X" frames the whole clause it hangs on, so it goes before that clause's verb.
        cues = sorted(
            (t for t in doc if self._is_cue(t)), key=lambda t: (t.lower_ != "according", _depth(t), t.i)
        )
        quoted = [(q.start, q.end) for q in quotes]
        for cue in cues:
            if inside(cue.idx, quoted):
                continue
            if any(inside(cue.idx, a.content) for a in found):
                continue
            said = cue.head.lemma_.lower() in ("say", "tell") and self._is_cue(cue.head)
            if cue.lower_ == "according" and said and subject_of(cue.head) is not None:
                # "According to ISNA, the prosecutor said ...": the prosecutor is the speaker;
                # the outlet only carried it.
                continue
            statement = (
                self._continuation(doc, cue, quotes, used, found)
                or self._from_quote(doc, cue, quotes, used)
                or self._reported(doc, cue, quotes)
            )
            if statement and not any(_overlap(statement.content, a.content) > 0.5 for a in found):
                found.append(statement)
        found.extend(self._introduced_by_colon(doc, quotes, used, found))
        found.extend(signed_by_a_name(doc, quotes, used, found))
        found.sort(key=lambda a: a.start)
        found = add_follow_ons(doc, found, quotes, used)
        doc._.wirewatch_statements = found
        return doc

    # -- cues -------------------------------------------------------------------------

    def _is_cue(self, tok: Token) -> bool:
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            return True
        if _report_frame(tok) is not None:
            # "In a statement, the ministry said ...": a clause with its own cue reports itself.
            return not self._is_cue(tok.head)
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        lemma = tok.lemma_.lower()
        # (Unless the statement has its own cue: "issued a statement agreeing the issue ...".)
        issues = lemma in _ISSUING_VERBS and any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in _STATEMENT_NOUNS
            and not any(a.dep_ == "acl" and a.tag_ == "VBG" and a.lemma_ in self.cue_verbs for a in c.rights)
            for c in tok.children
        )
        # A document "reads": 'The invitation reads, "One more thing..."'.
        document_reads = lemma == "read" and any(
            (c.dep_ == "nsubj" or c == inverted_subject(tok))
            and whole_of(c).lemma_.lower() in self.document_nouns
            for c in tok.children
        )
        # A report or a court "finds" ("The audit found that ..."); a person who finds
        # something has only noticed it.
        # (Also "ruled on Friday, finding that ...": the gerund finds for the court that ruled.)
        gerund = tok.tag_ == "VBG" and tok.head != tok
        finder = subject_of(tok) or (subject_of(tok.head) if gerund else None)
        finding = lemma in _FINDING_VERBS and finder is not None and finder.lemma_.lower() in self.finders
        framing = _frames_a_quote(tok)
        telling = lemma not in _NOT_TELLING and self._reports_a_that_clause(tok)
        if lemma not in self.cue_verbs and not (issues or document_reads or finding or framing or telling):
            return False
        particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        if (lemma, particle) in _NOT_SPEECH:
            return False  # "called off its search"
        # What was not said is no statement ("did not immediately announce whom ..."), nor
        # is a question the article asks ("Who would you ask to join your cabinet?").
        if any(c.dep_ == "neg" for c in tok.children):
            return False
        # "when asked whether ...", "if contacted": what was put to someone, not what they said.
        if tok.tag_ == "VBN" and any(c.lower_ in ("when", "if", "unless") for c in tok.lefts):
            return False
        sentence = tok.sent.text.strip()
        if sentence.rstrip('"”’').endswith("?") and not sentence.startswith(('"', "“")):
            return False
        # A participle modifying a noun ("the deal, revealed by the White House") reports nothing,
        # unless the parser made that noun the whole sentence ("The warnings called for rain.").
        return tok.dep_ not in ("amod", "acl") or tok.tag_ != "VBN" or verbless_subject(tok) is not None

    def _reports_a_that_clause(self, verb: Token) -> bool:
        """ "The union insisted that ...", "she conceded that ...": a person or an organisation
        putting a "that" clause is telling it, whatever the verb (unless it only thinks it)."""
        subject = subject_of(verb)
        if subject is None or verb.pos_ != "VERB" or not self._animate(subject):
            return False
        return any(
            c.dep_ == "ccomp"
            and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in verb.children
        )

    def _speaker_and_cue(self, cue: Token) -> tuple[Token | None, CharRange]:
        """The head of the speaker mention, and the cue's character range.

        Climbs from a subjectless cue to the verb that has the subject: a conjoined verb
        (``told CNN ... and explained``), a gerund (``responded by saying``, ``..., saying``).
        """
        if cue.lower_ == "according":
            to = next(c for c in cue.children if c.lower_ == "to")
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            return obj, (cue.idx, to.idx + len(to))
        report = _report_frame(cue)
        if report is not None:
            return report, (cue.idx, cue.idx + len(cue))
        subject = verbless_subject(cue)
        if subject is not None:
            return subject, (cue.idx, cue.idx + len(cue))
        agent = agent_of(cue)
        if agent is not None and not any(c.dep_ == "nsubj" for c in cue.children):
            # "was described by the Daily Hive as ...": the agent spoke.
            return agent, (cue.idx, cue.idx + len(cue))
        verb, cue_start = cue, cue.idx
        for _ in range(4):
            # Two subjects ("The Labour Party's leader, Jeremy Corbyn announced"): the name.
            # Climbing from a gerund or a conjoined verb, a passive subject acts too
            # ("Mukherjee was elected ... but did not seek reelection, citing ...").
            passive_ok = verb != cue and cue.tag_ == "VBG" and agent_of(verb) is None
            deps = ("nsubj", "nsubjpass") if passive_ok else ("nsubj",)
            subjects = [c for c in verb.children if c.dep_ in deps]
            if verb != cue and agent_of(verb) is not None and not subjects:
                # "... were described by Johnson as a mandate, saying ...": the agent spoke.
                return agent_of(verb), (cue_start, cue.idx + len(cue))
            named = [c for c in subjects if c.ent_type_ in ANIMATE_ENTS]
            # A conjoined verb takes its subject from the first ("called X a witch hunt, and on
            # Twitter referred to ..."), not from a name in front of it.
            fallback = (None if verb.dep_ == "conj" else misparsed_subject(verb)) or inverted_subject(verb)
            subj = named[-1] if named else subjects[0] if subjects else fallback
            if subj is not None:
                if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    subj = verb.head
                return subj, (cue_start, cue.idx + len(cue))
            if verb == cue and self._stray_report_of(verb.head) == verb:
                # "Iran has maintained that it is X and called for Y": Iran called for Y.
                verb = verb.head.head
            elif (
                verb.dep_ == "conj"
                or (verb.dep_ in ("xcomp", "advcl") and verb.tag_ == "VBG")
                or goes_on_to(verb)
            ):
                verb = verb.head
            elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ == "by":
                verb = verb.head.head
                cue_start = min(cue_start, verb.idx)
            elif verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ in _QUOTING:
                # "Blake was quoted as saying ...": the one quoted said it.
                verb = verb.head.head
                cue_start = min(cue_start, verb.idx)
            elif verb.dep_ == "relcl":
                return verb.head, (cue_start, cue.idx + len(cue))
            elif verb.dep_ == "acl" and verb.tag_ == "VBG" and self._is_document(verb.head):
                # "resigned in a letter to the board stating, ...": the letter speaks.
                return verb.head, (cue_start, cue.idx + len(cue))
            else:
                break
        return None, (cue_start, cue.idx + len(cue))

    # -- direct: a quote framed by the cue ----------------------------------------------

    def _continuation(
        self, doc: Doc, cue: Token, quotes: tuple[Quote, ...], used: set[Quote], found: list[Attribution]
    ) -> Attribution | None:
        """``"A," he said, also observing, "B."``: a gerund the parser hung inside the first
        quote goes on with that quote's speaker."""
        if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "conj", "xcomp"):
            return None
        quoted = [(q.start, q.end) for q in quotes]
        if not inside(cue.head.idx, quoted):
            return None
        before = [a for a in found if inside(cue.head.idx, a.content)]
        if not before:
            return None
        after = [t for c in cue.rights if c.dep_ in ("advmod", "prep", "npadvmod") for t in c.subtree]
        frame_end = max(t.idx + len(t) for t in [cue, *after])
        quote = quote_after(doc, quotes, frame_end, used)
        if quote is not None:
            used.add(quote)
            content = [trim_range(text_of(doc), quote.start, quote.end)]
        else:
            clause = self._clause(cue)
            if clause is None:
                return None
            content = [trim_range(text_of(doc), *clause)]
        return Attribution(
            kind=words_quoted(text_of(doc), content, quotes),
            content=content,
            cue=(cue.idx, cue.idx + len(cue)),
            speaker=None,
            follows=before[0],
        )

    def _from_quote(
        self, doc: Doc, cue: Token, quotes: tuple[Quote, ...], used: set[Quote]
    ) -> Attribution | None:
        speaker, cue_range = self._speaker_and_cue(cue)
        if speaker is None or cue.lower_ == "according" or _report_frame(cue) is not None:
            return None
        # The parser sometimes hangs the quote on the speaker ("engineer" read as a verb).
        quoted = [(q.open, q.close) for q in quotes]
        # Nor what follows a quote the cue opens ('reads, "One more thing...", the tagline').
        opened = (q.open for q in quotes if q.open > cue.idx)
        next_open = next((o for o in opened if _after_a_separator(doc, o)), len(text_of(doc)))
        frame = [
            t
            for t in frame_tokens(cue, speaker)
            if not inside(t.idx, quoted) and (t.idx < next_open or t.i < cue.i)
        ]
        frame_start = min(t.idx for t in frame)
        frame_end = max(t.idx + len(t) for t in frame)
        # A quote may follow the cue with no comma ('writing "..."'), not a longer frame
        # ('ruled in the case "X v. Y"').
        cue_end = cue.idx + len(cue)
        # 'Citing "a precautionary measure", Airbus announced that ...': a cue with a clause
        # of its own reports that clause, not the quote before it.
        clause_after = any(
            c.dep_ == "ccomp" and c.i > cue.i and c.tag_ != "VBG" and not inside(c.idx, quoted)
            for c in cue.children
        ) or (cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == "that")
        earlier = None if clause_after else quote_before(doc, quotes, frame_start, used)
        quote = earlier or quote_after(doc, quotes, frame_end, used, mark_needed=frame_end > cue_end)
        if quote is None:
            return None
        used.add(quote)
        before_frame = quote.close <= frame_start
        content: list[CharRange] = [clause_start(doc, quote) if before_frame else (quote.start, quote.end)]
        # "A," he said, "B." is one statement in two parts.
        if before_frame:
            rest = quote_after(doc, quotes, frame_end, used, separator=",")
            if rest is not None:
                used.add(rest)
                content.append((rest.start, rest.end))
        content = [trim_range(text_of(doc), s, e) for s, e in content]
        return Attribution(
            kind=words_quoted(text_of(doc), content, quotes),
            content=content,
            cue=cue_range,
            speaker=mention_range(speaker),
            speaker_head=speaker.i,
            addressee=_addressee(cue),
        )

    def _introduced_by_colon(
        self, doc: Doc, quotes: tuple[Quote, ...], used: set[Quote], found: list[Attribution]
    ) -> list[Attribution]:
        """``X justified the strike: "..."``: a sentence about X ending in a colon gives X's words.

        So does a comma before a whole quoted sentence that ends X's sentence ('Jobs extended
        an invitation to the label, "we have always loved the Beatles ..."'), but not a short
        one, which is more likely a title ('released the single, "Let It Be".').
        """
        out = []
        for quote in quotes:
            if quote in used or any(inside(quote.start, a.content) for a in found):
                continue
            lead = text_of(doc)[: quote.open].rstrip()
            if not lead.endswith((":", ",")) or names_a_subject(doc, quote):
                continue
            if lead.endswith(",") and not _whole_quoted_sentence(doc, quote):
                continue
            colon = doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
            if colon is None:
                continue
            # The lead's own verb: the sentence root may lie inside the quote when the parser
            # runs the sentence on through it ("Trump responded via Twitter: "Democrats have failed").
            sent = colon[0].sent
            lead = [t for t in sent if t.i < colon[0].i]
            lead_verbs = [t for t in lead if t.pos_ in ("VERB", "AUX") and subject_of(t) is not None]
            verb = sent.root if sent.root.i < colon[0].i or not lead_verbs else lead_verbs[0]
            subject = subject_of(verb)
            if subject is None or verb.pos_ not in ("VERB", "AUX") or not self._animate(subject):
                continue
            used.add(quote)
            cue = (verb.idx, verb.idx + len(verb))
            out.append(
                direct_statement(doc, quote, cue=cue, speaker=mention_range(subject), speaker_head=subject.i)
            )
        return out

    # -- indirect and mixed: the reported clause -----------------------------------------

    def _reported(self, doc: Doc, cue: Token, quotes: tuple[Quote, ...]) -> Attribution | None:
        speaker, cue_range = self._speaker_and_cue(cue)
        if speaker is None or (cue.lemma_.lower() in _WEAK_CUES and not self._animate(speaker)):
            return None
        clause = self._clause(cue)
        if clause is None:
            return None
        start, end = trim_range(text_of(doc), *clause)
        # 'told Sky News any process "must be well thought out": "Moves to ...': the quote
        # after the colon is a statement of its own (a follow-on), not part of this one.
        handover = re.search(r":\s*[\"“]", text_of(doc)[start:end])
        if handover:
            start, end = trim_range(text_of(doc), start, start + handover.start())
        if end - start < 2 or not re.search(r"\w", text_of(doc)[start:end]):
            return None
        content = [(start, end)]
        return Attribution(
            kind=words_quoted(text_of(doc), content, quotes),
            content=content,
            cue=cue_range,
            speaker=mention_range(speaker),
            speaker_head=speaker.i,
            addressee=_addressee(cue),
        )

    def _is_document(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.document_nouns

    def _animate(self, tok: Token) -> bool:
        return (
            tok.ent_type_ in ANIMATE_ENTS
            or tok.pos_ == "PROPN"
            or tok.lower_ in ("he", "she", "they", "we", "i", "you")
            or tok.lemma_.lower() in self.animate_nouns
            or tok.lemma_.lower() in ("data", "datum", "result", "figure")
            # "Apple's vice-president of marketing, Greg Joswiak": the parser may make "vice" the head.
            or any(t.ent_type_ == "PERSON" or t.lemma_.lower() in self.person_nouns for t in tok.subtree)
        )

    def _clause(self, cue: Token) -> CharRange | None:
        """What the cue reports: the first complement rule that finds one, in this order."""
        if cue.lower_ == "according" or _report_frame(cue) is not None:
            return _according_clause(cue)
        phrasal = (cue.lemma_.lower(), next((c.lower_ for c in cue.children if c.dep_ == "prt"), ""))
        if cue.lemma_.lower() in self.prep_only and phrasal not in _PHRASAL_CUES:
            return self._prepositional_complement(cue, cue.lemma_.lower())
        for rule in (
            self._around_an_aside,
            self._reported_clause,
            self._clause_before_an_inverted_cue,
            self._clause_after_that,
            self._clause_on_addressee,
            self._noun_complement_clause,
            self._main_clause_of_as,
            self._passive_complement,
            self._what_it_was_called,
            self._reported_object,
            self._prepositional_complement,
            self._gerund_complement,
            self._request,
        ):
            found = rule(cue, cue.lemma_.lower())
            if found is not None:
                return found
        return None

    def _reported_clause(self, cue: Token, lemma: str) -> CharRange | None:
        """The reported clause after the cue, else one before it ("Prices will rise, he said").

        Not before a cue that reports its object ("..., Chrysler reported a 39% loss").
        """
        clauses = [c for c in cue.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
        clauses += [c for c in cue.children if _split_clause(cue, c)]
        clauses.sort(key=lambda c: (c.i < cue.i, c.i))
        if not clauses:
            return None
        # (Unless the object is the speaker: "It is not for the court, argued the lawyer".)
        speaker = inverted_subject(cue)
        has_object = any(c.dep_ == "dobj" and c.i > cue.i and c != speaker for c in cue.children)
        if clauses[0].i < cue.i and has_object:
            return None
        start, end = self._with_trailing_modifiers(cue, clauses[0])
        # "said 20 had died, while the army put the toll at 35": a contrast set off by a comma
        # is the article's, not part of what was said.
        doc = cue.doc
        contrast = next(
            (
                c
                for c in clauses[0].rights
                if c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in _CONTRAST_MARKS for m in c.children)
                and c.left_edge.i >= 2
                and doc[c.left_edge.i - 1].text == ","
            ),
            None,
        )
        if contrast is not None:
            end = min(end, _end_of(doc[contrast.left_edge.i - 2]))
        if lemma in _FINDING_VERBS or lemma == "rule":
            # "decided their actions did not qualify, reversing the convictions": what the
            # court then did is its act, not its finding.
            acts = [c for c in clauses[0].rights if c.dep_ == "advcl" and c.tag_ == "VBG"]
            acts = [c for c in acts if c.left_edge.i >= 2 and doc[c.left_edge.i - 1].text == ","]
            if acts:
                last_word = doc[acts[0].left_edge.i - 2]
                end = min(end, last_word.idx + len(last_word))
        # "reported three malls in Davao were damaged": the parser made the clause's subject
        # the cue's object; a clause with no subject of its own starts there.
        subjectless = not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clauses[0].children)
        obj = next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < clauses[0].i), None)
        # Not the one who is told or asked ("asked the court intervene").
        if subjectless and obj is not None and lemma not in _REQUEST_CUES | _ADDRESSEE_CUES:
            start = obj.left_edge.idx
        return start, end

    def _clause_before_an_inverted_cue(self, cue: Token, lemma: str) -> CharRange | None:
        """ "It is not for the Court to opine, argued the lawyer": the parser may make the cue
        a conjunct of the clause it reports; the words before the comma are the content."""
        if cue.dep_ != "conj" or cue.head.i > cue.i or inverted_subject(cue) is None:
            return None
        words = [t for t in cue.sent if t.i < cue.i - 1 and not t.is_space]
        return (words[0].idx, words[-1].idx + len(words[-1])) if words else None

    def _around_an_aside(self, cue: Token, lemma: str) -> CharRange | None:
        """ "The deal, Kirby said, was dead": a cue set off by commas inside the sentence
        reports the sentence around it (one range from the words before to the words after;
        the speaker and cue inside it are still told apart by their own spans)."""
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in cue.children):
            return None
        subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
        if subject is None:
            return None
        doc, sent = cue.doc, cue.sent
        left = subject.left_edge.i - 1
        if left > sent.start and doc[left].lower_ == "as":
            left -= 1  # "that is, as news sources noted, completely democratic"
        right = max([cue.i, *(c.i for c in cue.children if c.dep_ == "prt")]) + 1
        if left <= sent.start or right >= sent.end - 1 or doc[left].text != "," or doc[right].text != ",":
            return None
        words = [t for t in sent if not t.is_space and not (t.is_punct and t.i in (sent.start, sent.end - 1))]
        words = [t for t in words if not (t.is_punct and t.i == sent.end - 1)]
        while words and words[-1].is_punct:
            words.pop()
        return (words[0].idx, words[-1].idx + len(words[-1])) if words else None

    def _clause_after_that(self, cue: Token, lemma: str) -> CharRange | None:
        """ "The report states that few if any makers use ...": "that" right after the cue
        opens what was said, however the parser hung the words after it."""
        doc = cue.doc
        at = cue.i + 1
        while at < cue.sent.end and doc[at].dep_ in ("advmod", "neg") and doc[at].lower_ != "that":
            at += 1
        if at + 1 >= cue.sent.end or doc[at].lower_ != "that" or doc[at].tag_ not in ("IN", "WDT", "DT"):
            return None
        if doc[at].dep_ == "det":
            return None  # "ordered that change": a determiner, not a clause
        if doc[at].head != cue and doc[at].head.head != cue:
            return None
        last = max((c.right_edge for c in cue.rights if c.i > at), key=lambda t: t.i, default=None)
        if last is None or last.i <= at:
            return None
        words = [t for t in doc[at + 1 : last.i + 1] if not t.is_space]
        while words and words[-1].is_punct:
            words.pop()
        return (words[0].idx, words[-1].idx + len(words[-1])) if words else None

    def _clause_on_addressee(self, cue: Token, lemma: str) -> CharRange | None:
        """ "told Anadolu Agency, a local news outlet, that ...": the parser may hang the
        that-clause on the addressee's apposition."""
        if lemma not in _ADDRESSEE_CUES:
            return None
        for tok in (t for c in cue.children if c.dep_ in ("dobj", "dative") for t in c.subtree):
            if tok.dep_ in ("relcl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in tok.children
            ):
                return _subtree_range(tok)
        return None

    def _noun_complement_clause(self, cue: Token, lemma: str) -> CharRange | None:
        """A noun that carries the clause: "revealed intelligence that ...", "made the claim that"."""
        for child in cue.children:
            if child.dep_ == "dobj":
                for grand in child.children:
                    if grand.dep_ in ("ccomp", "acl") and grand.pos_ in ("VERB", "AUX"):
                        return _subtree_range(grand)
        return None

    def _main_clause_of_as(self, cue: Token, lemma: str) -> CharRange | None:
        """ "As Heald told The Huffington Post, ozone has dropped": the main clause was said.

        "as manufacturers reported their sales" is a time, not a source: only cues with
        nothing said of their own (an addressee aside) frame the main clause.
        """
        says_nothing = not any(c.dep_ in ("dobj", "ccomp") for c in cue.children) or lemma == "tell"
        as_mark = any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
        return _clause_without(cue.head, cue) if cue.dep_ == "advcl" and as_mark and says_nothing else None

    def _passive_complement(self, cue: Token, lemma: str) -> CharRange | None:
        """ "X was described by Y as Z" names Z; "X was condemned by Y" reports X."""
        passive_subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
        if passive_subject is None or agent_of(cue) is None:
            return None
        named_as = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        what = [c for c in (named_as.children if named_as else []) if c.dep_ in ("pobj", "amod")]
        if lemma in self.naming_cues and what:
            return _subtree_range(what[0])
        # "He was reported missing by the police": what he was reported to be.
        state = next(
            (c for c in cue.rights if c.dep_ in ("acomp", "oprd") or (c.dep_ == "xcomp" and c.tag_ != "VB")),
            None,
        )
        if state is not None:
            return _subtree_range(state)
        if lemma in self.object_cues and passive_subject.lower_ != "it":
            return _subtree_range(passive_subject)
        return None

    def _what_it_was_called(self, cue: Token, lemma: str) -> CharRange | None:
        """ "called the plan a disaster", 'calling it "an aggression"': the object and its name."""
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if lemma not in self.naming_cues or obj is None:
            return None
        named = [c for c in cue.children if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "attr", "dobj")]
        named += [c for c in obj.children if c.dep_ in ("acl", "amod", "oprd")]
        # "described it as reckless"; "likened the solo to Mozart".
        named += [c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("as", "to")]
        later = [t for t in named if t.i > obj.i]
        return (obj.left_edge.idx, max(_subtree_range(t)[1] for t in later)) if later else None

    def _reported_object(self, cue: Token, lemma: str) -> CharRange | None:
        """ "GM reported a 49% decline": the object is what was said (not in a time clause)."""
        marks = {c.lower_ for c in cue.children if c.dep_ == "mark"}
        if lemma not in self.object_cues or (cue.dep_ == "advcl" and marks & _TIME_MARKS):
            return None
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
        if obj is None:
            return None
        if lemma == "cite" and self._animate(obj):
            return None  # "citing local paramilitary groups" names a source, not what was said
        start, end = self._with_trailing_modifiers(cue, obj)
        # "announced the vote in a letter to members": the letter is how, not what.
        frame = [c for c in obj.rights if c.dep_ == "prep" and _is_frame_modifier(c)]
        return (start, frame[0].idx) if frame else (start, end)

    def _prepositional_complement(self, cue: Token, lemma: str) -> CharRange | None:
        """ "called for a ceasefire", "accused Y of lying" (``cue_preps.txt``)."""
        for child in cue.children:
            if child.dep_ == "prep" and (lemma, child.lower_) in self.cue_preps:
                complements = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if complements:
                    return self._with_trailing_modifiers(cue, complements[0])
            # "accused the opposition of lying": the parser hangs "of" on the object.
            preps = [g for g in child.children if g.dep_ == "prep" and g.i > child.i]
            if child.dep_ == "dobj" and any((lemma, g.lower_) in self.cue_preps for g in preps):
                return _subtree_range(child)
        return None

    def _gerund_complement(self, cue: Token, lemma: str) -> CharRange | None:
        """ "denied interfering in the election", "admitted misleading investors"; and a
        clause with a gerund subject that the parser hung on the cue ("said naming the virus
        after Wuhan would place a stigma")."""
        gerund = next((c for c in cue.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        if gerund is None:
            return None
        finite = any(t.tag_ in ("MD", "VBD", "VBZ", "VBP") for t in gerund.subtree)
        if lemma in self.object_cues or (gerund.i == cue.i + 1 and finite):
            return _subtree_range(gerund)
        return None

    def _request(self, cue: Token, lemma: str) -> CharRange | None:
        """ "urged people to comply", "advised citizens to leave": who was asked, and to do what."""
        # The parser may read the infinitive as a purpose ("advised residents to make plans").
        xcomp = next((c for c in cue.children if c.dep_ == "xcomp" or _infinitive_after_object(cue, c)), None)
        if lemma not in _REQUEST_CUES or xcomp is None:
            return None
        # "who asked not to be named": a source's condition, not a statement.
        if re.match(r"not to be (?:named|identified)", text_of(cue.doc)[slice(*_subtree_range(xcomp))]):
            return None
        obj = next((c for c in cue.children if c.dep_ in ("dobj", "dative") and c.i < xcomp.i), None)
        start = obj.left_edge.idx if obj is not None else _subtree_range(xcomp)[0]
        return start, _subtree_range(xcomp)[1]

    def _with_trailing_modifiers(self, cue: Token, clause: Token) -> CharRange:
        """The clause (or complement), and the modifiers after it that the parser hung on the cue.

        ``said that the plan shows its need to reinforce due to heavy losses``: the small
        model often attaches ``due to ...`` to ``said``. Frame modifiers (``in a
        statement``) and further reports (``, adding that ...``) stay out.
        """
        start, end = _subtree_range(clause)
        stray = self._stray_report_of(clause)
        if stray is not None:
            words = [t for t in clause.subtree if t.i < stray.left_edge.i and t.dep_ not in ("cc", "punct")]
            return start, words[-1].idx + len(words[-1])
        if clause.i < cue.i:
            return start, end
        comma = False
        for child in cue.rights:
            if child.i <= clause.right_edge.i:
                continue
            if child.is_punct and child.text in ",;":
                comma = True
                continue
            # ", with up to 30 inches of rain" belongs to what was said; ", making her the
            # first royal to run" and ", whilst Ford's sales fell" are the article's own words.
            if comma and child.dep_ != "prep":
                break
            if child.dep_ not in _TRAILING_DEPS or _is_frame_modifier(child):
                break
            if any(self._is_cue(t) for t in child.subtree):
                break
            end = _subtree_range(child)[1]
        return start, end

    def _stray_report_of(self, clause: Token) -> Token | None:
        """A report conjoined to a reported clause, with no subject of its own.

        The parser often hangs the second verb of ``X said A and called for B`` on ``A``;
        a reporting verb there is far more likely to be X's second act than A's.
        """
        if clause.dep_ != "ccomp" or not self._is_cue(clause.head):
            return None
        for child in clause.rights:
            subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            if child.dep_ == "conj" and self._is_cue(child) and not subject:
                return child
            # "told reporters she found the deal fair, saying ...": a second report.
            after_comma = child.i > 0 and child.doc[child.i - 1].text == ","
            if child.dep_ == "advcl" and child.tag_ == "VBG" and after_comma and self._is_cue(child):
                return child
        return None

    # -- headline ---------------------------------------------------------------------

    def _headline(self, doc: Doc) -> Attribution | None:
        span = doc._.wirewatch_headline
        if not span:
            return None
        start, end = span
        found = _headline_match(doc, start, end, _HEADLINE_SOURCE, max_source_words=6)
        if found is None:
            return self._headline_source_first(doc, start, end) or self._headline_cue_last(doc, start, end)
        match, head = found
        # A source is a name, not a clause ("...: Wikinews interviews a scientist").
        if head is None or any(t.pos_ in ("VERB", "AUX") or t.lower_ in _HEADLINE_LABELS for t in head):
            return None
        return _headline_statement(match, start, head)

    def _headline_source_first(self, doc: Doc, start: int, end: int) -> Attribution | None:
        """ "Study: infections likely higher than confirmed", "Police: ..." (not "Update: ...")."""
        found = _headline_match(doc, start, end, _HEADLINE_SOURCE_FIRST, max_source_words=3)
        if found is None or found[1] is None:
            return None
        match, source = found
        # Only a generic source ("Study", "Police", "Officials"): a label ("Update") or a
        # name in front is the topic of the piece ("Indian Railway: all-women crew steers ...").
        root = source.root
        if root.lower_ in _HEADLINE_LABELS or root.ent_type_ or root.lemma_.lower() not in self.animate_nouns:
            return None
        return _headline_statement(match, start, source)

    def _headline_cue_last(self, doc: Doc, start: int, end: int) -> Attribution | None:
        """ "Zebra stripes may dazzle flies, say scientists": the parser rarely gets these."""
        found = _headline_match(doc, start, end, _HEADLINE_CUE_LAST, max_source_words=5)
        if found is None or found[1] is None:
            return None
        match, source = found
        statement = _headline_statement(match, start, source)
        statement.kind = words_quoted(text_of(doc), statement.content, doc._.wirewatch_quotes)
        statement.cue = _group(match, start, "cue")
        return statement


def _headline_match(
    doc: Doc, start: int, end: int, pattern: re.Pattern[str], max_source_words: int
) -> tuple[re.Match[str], Span | None] | None:
    """The headline's match of ``pattern`` and the tokens of its ``source`` group, when the
    source is short enough to be one."""
    match = pattern.match(text_of(doc)[start:end])
    if not match or len(match["source"].split()) > max_source_words:
        return None
    src_start, src_end = _group(match, start, "source")
    return match, doc.char_span(src_start, src_end, alignment_mode="expand")


def _headline_statement(match: re.Match[str], start: int, source: Span) -> Attribution:
    return Attribution(
        kind="headline",
        content=[_group(match, start, "content")],
        cue=None,
        speaker=_group(match, start, "source"),
        speaker_head=source.root.i,
    )


def _group(match: re.Match[str], offset: int, name: str) -> CharRange:
    """A named group's character range in the doc, for a match made on a slice at ``offset``."""
    return offset + match.start(name), offset + match.end(name)


def _is_frame_modifier(tok: Token) -> bool:
    """``in a statement``, ``on Twitter``, ``on Monday``: about the act of saying, not what was said."""
    objects = [c for c in tok.children if c.dep_ == "pobj"]
    # An organisation is the medium only after "on", "to", "via" ("on CNN"); "at the
    # O'Higgins Base" is where the reported thing happened.
    medium = tok.lower_ in ("on", "to", "via")
    frames = ("DATE", "TIME", "ORG") if medium else ("DATE", "TIME")
    return any(o.lemma_.lower() in _FRAME_NOUNS or o.ent_type_ in frames for o in objects)


def _frames_a_quote(verb: Token) -> bool:
    """``"...," he continued.`` / ``He went on, "..."``: a verb that with its subject makes
    up the whole frame of a quote reports it, whatever the verb ("continued", "laughed")."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    subject = subject_of(verb) or inverted_subject(verb)
    if subject is None or subject.pos_ not in ("PRON", "PROPN", "NOUN"):
        return False
    doc, text = verb.doc, text_of(verb.doc)
    lo = min(subject.left_edge.i, verb.i)
    hi = max(subject.right_edge.i, verb.i)
    if any(t.i not in (verb.i, *(s.i for s in subject.subtree)) for t in doc[lo : hi + 1]):
        return False
    # '"...," he continued' or '"...", concluded Stroe': a comma inside or outside the marks.
    mark = lo - 1 - (lo > 0 and doc[lo - 1].text == ",")
    comma_outside = mark < lo - 1
    closes_before = mark >= 0 and any(
        q.closed and q.close == doc[mark].idx + len(doc[mark]) and (comma_outside or text[q.end - 1] in ",!?")
        for q in doc._.wirewatch_quotes
    )
    end = doc[hi].idx + len(doc[hi])
    after = text[end : end + 5]
    ends_after = re.match(r"\s*[.,]", after) is not None
    opens_after = re.match(r"\s*[,:]\s*[\"“]", after) is not None and verb.sent.start == lo
    return (closes_before and ends_after) or opens_after


def _after_a_separator(doc: Doc, at: int) -> bool:
    """A comma or colon (and spaces) right before character ``at``."""
    return text_of(doc)[max(0, at - 8) : at].rstrip().endswith((",", ":"))


def _whole_quoted_sentence(doc: Doc, quote: Quote) -> bool:
    """A quote of six words or more that ends its sentence."""
    after = text_of(doc)[quote.close : quote.close + 3]
    ends = re.match(r"\s*(?:[.!?]|$|\n)", after) is not None or text_of(doc)[quote.end - 1] in ".!?"
    return ends and len(text_of(doc)[quote.start : quote.end].split()) >= 6


def _infinitive_after_object(cue: Token, child: Token) -> bool:
    """ "advised residents of her city to make plans": a "to" clause right after the object."""
    if child.dep_ != "advcl" or child.tag_ != "VB" or not any(c.lower_ == "to" for c in child.lefts):
        return False
    obj = next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < child.i), None)
    return obj is not None and obj.right_edge.i + 2 == child.i


def _split_clause(cue: Token, child: Token) -> bool:
    """ "suggested the algae, like warming, might render ...": the parser made the clause's
    subject the cue's object and the rest a modifier; a finite verb with no subject and no
    conjunction of its own, after that object, is the reported clause."""
    if child.dep_ != "advcl" or child.i < cue.i:
        return False
    if any(c.dep_ in ("mark", "nsubj", "nsubjpass", "advmod") and c.i < child.i for c in child.children):
        return False
    finite = child.tag_ in ("VBD", "VBZ", "VBP") or any(c.tag_ == "MD" for c in child.children)
    return finite and any(c.dep_ == "dobj" and cue.i < c.i < child.i for c in cue.children)


def _depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


def _overlap(a: list[CharRange], b: list[CharRange]) -> float:
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    shorter = min(sum(e - s for s, e in a), sum(e - s for s, e in b)) or 1
    return shared / shorter


def _subtree_range(tok: Token) -> CharRange:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _report_frame(tok: Token) -> Token | None:
    """ "by BTP's report", "by early reports", "in a situational report of NDRRMC": a
    preposition whose report frames a clause with no cue of its own, like "according to".
    Returns the report noun."""
    if tok.lower_ not in ("by", "in") or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    report = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if report is None or report.lemma_.lower() not in _REPORT_FRAMES:
        return None
    return report


def _according_clause(cue: Token) -> CharRange | None:
    """``according to X, CLAUSE`` / ``CLAUSE, according to X``: the clause without the frame.

    A frame that opens or closes its sentence reports the whole rest of the sentence, even
    where the parser splits it ("According to X, A, so B", "..., he was in danger").
    """
    # The frame is "according to X": the parser may hang the whole sentence on it.
    to = next(c for c in cue.children if c.lower_ == "to") if cue.lower_ == "according" else None
    frame_start, frame_end = _subtree_range(to if cue.head == cue and to is not None else cue)
    frame_start = min(frame_start, cue.idx)
    # A semicolon bounds what the frame reports ("According to reports, A; B", "A; B, according to X").
    after_semicolon = max((t.i for t in cue.sent if t.text == ";" and t.idx < frame_start), default=-1)
    semicolon = next((t.i for t in cue.sent if t.text == ";" and t.idx >= frame_end), cue.sent.end)
    words = [t for t in cue.sent if not t.is_punct and not t.is_space and after_semicolon < t.i < semicolon]
    before = [t for t in words if t.idx < frame_start]
    after = [t for t in words if t.idx >= frame_end]
    if not before and after:
        return after[0].idx, after[-1].idx + len(after[-1])
    if before and not after:
        return before[0].idx, before[-1].idx + len(before[-1])
    verbless = before and not any(t.pos_ in ("VERB", "AUX") for t in before)
    if verbless and frame_start == _end_of(before[-1]) + 1:
        # "Magnitude 6.3 according to Phivolcs, it was recorded as 6.4 by ...": the words
        # the frame follows, with no verb of their own, are what it reports.
        return before[0].idx, _end_of(before[-1])
    if cue.head == cue:
        return None
    return _clause_without(cue.head, cue)


def _end_of(tok: Token) -> int:
    return tok.idx + len(tok)


def _clause_without(clause_head: Token, cue: Token) -> CharRange | None:
    """The clause of ``clause_head`` without the reporting frame headed by ``cue``."""
    frame_start, frame_end = _subtree_range(cue)
    words = [t for t in clause_head.subtree if not t.is_punct and not frame_start <= t.idx < frame_end]
    before = [t for t in words if t.idx < frame_start]
    after = [t for t in words if t.idx >= frame_end]
    # "A, according to prosecutors, but B": what follows the conjunction is the article's.
    side = before if len(before) >= len(after) or (after and after[0].pos_ == "CCONJ") else after
    if not side:
        return None
    return side[0].idx, side[-1].idx + len(side[-1])


def _addressee(cue: Token) -> str | None:
    for child in cue.children:
        if cue.lemma_.lower() in ("tell", "inform", "brief", "assure", "notify") and child.dep_ in (
            "dobj",
            "dative",
        ):
            return " ".join(t.text for t in child.subtree if not t.is_punct)
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return " ".join(t.text for t in obj.subtree)
    return None
