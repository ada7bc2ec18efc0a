"""Names: a mention cleaned into a name, and the fullest names of organisations and countries.

The recogniser cuts names short and labels them loosely, so an organisation's name is
checked against the article's own acronym definitions (``World Health Organization (WHO)``),
its longer mentions (``American Civil Liberties Union of Montana``), the organisation it
names most (``the company``), the place it gives the police (``police in Clairton``), and a
government against the countries it might speak for (``the Russian government``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from wirewatch.nlp.lexicons import lexicon, lexicon_table
from wirewatch.nlp.spans import text_of

_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame)\.?\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ABBREVIATED_END = re.compile(r"\b(?:Inc|Ltd|Co|Corp|Jr|Sr|Bros|St)\.$")
# An acronym defined in brackets after the name it stands for: "World Health Organization (WHO)".
_NAME_WORD = r"[A-Z0-9][\w.&'’-]*"
_ACRONYM = re.compile(
    rf"\b({_NAME_WORD}(?:\s+(?:of|for|and|the|on|de|&)?\s*{_NAME_WORD})+)\s+\(([A-Z][A-Za-z0-9&]{{1,9}})\)"
)
# What may follow a short organisation name in its full form: "Union of Rationalist
# Atheists" -> "... and Agnostics", "United States Embassy" -> "... in Iraq", "Apple" -> "Apple Inc.".
_NAME_CONTINUATIONS = {
    *("of", "in", "and", "for", "&"),
    *("inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "plc", "llc", "group"),
}
# Bodies named by where they sit ("Embassy in Baghdad").
_PLACED_BODIES = {"Embassy", "Consulate", "Mission", "Office", "Bureau", "Branch"}
_COUNTRY_SHORT_FORMS = {"US": "United States", "USA": "United States", "UK": "United Kingdom"}


def nearest_org(doc: Doc, pronoun: Token) -> str | None:
    """What "it"/"its" stands for when no organisation spoke before: an organisation named
    in the same sentence ("According to its press release, the NBA ..."), else the
    last one named in the sentence before."""
    sent = pronoun.sent
    here = [e for e in doc.ents if e.label_ == "ORG" and sent.start <= e.start < sent.end]
    if here:
        return clean_name(min(here, key=lambda e: abs(e.start - pronoun.i)).text)
    before = [e for e in doc.ents if e.label_ == "ORG" and e.end <= sent.start]
    if before and before[-1].sent.end >= sent.start - 1 and pronoun.i - before[-1].end < 60:
        return clean_name(before[-1].text)
    return None


def last_org(doc: Doc, before: int) -> str | None:
    """The last organisation named before token ``before`` ("the auto firm" after "General Motors")."""
    names = [e for e in doc.ents if e.label_ == "ORG" and e.end <= before]
    return clean_name(names[-1].text) if names else None


def police_named(doc: Doc, head: Token) -> str | None:
    """ "police in Clairton" -> "Clairton police"; "South Korean police confirm" (in the
    headline) -> "South Korean police": the first place-named police of the article."""
    text = text_of(doc)
    place = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
    # "county police", after "Allegheny County": the police of the place of that kind.
    kind = next((c.text.title() for c in head.lefts if c.dep_ == "compound" and c.is_lower), None)
    if kind is not None:
        m = re.search(rf"\b([A-Z][\w'’-]*) {re.escape(kind)}\b", text)
        return f"{m.group(1)} {kind} Police" if m else None
    found = []
    for m in re.finditer(rf"\b[Pp]olice (?:in|of) ({place})", text):
        found.append((m.start(), f"{m.group(1)} police"))
    for m in re.finditer(rf"(?<![\w.] )\b({place}) ([Pp]olice)\b", text):
        if m.group(1).split()[0].lower() not in ("the", "a", "police"):
            found.append((m.start(), f"{m.group(1)} {m.group(2)}"))
    return min(found)[1] if found else None


def proper_name_for(doc: Doc, head: Token) -> str | None:
    """ "the fire service" -> "North Wales Fire and Rescue Service": a capitalised name in
    the article that ends with the noun and holds its modifiers."""
    modifiers = [c.text.title() for c in head.lefts if c.dep_ in ("compound", "amod") and c.is_lower]
    if not modifiers:
        return None
    word = r"(?:[A-Z][\w'’-]*|and|of|for)"
    pattern = rf"\b[A-Z][\w'’-]*(?:\s+{word}){{0,6}}\s+{re.escape(head.text.title())}\b"
    for m in re.finditer(pattern, text_of(doc)):
        if all(re.search(rf"\b{re.escape(w)}\b", m.group(0)) for w in modifiers):
            return m.group(0)
    return None


def salient_org(doc: Doc, before: int) -> str | None:
    """The organisation named most often before token ``before`` (the latest on a tie):
    what "the company" means in an article about one company that names others too."""
    last_seen: dict[str, int] = {}
    for e in doc.ents:
        if e.label_ == "ORG" and e.end <= before:
            last_seen[clean_name(re.sub(r"\s*\(.*$", "", e.text))] = e.start
    # Counted in the text, not in the entities: the recogniser labels a name only sometimes.
    text = text_of(doc)[: doc[before].idx]
    counts = {
        name: (len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text)), at)
        for name, at in last_seen.items()
        if name
    }
    return max(counts, key=lambda k: counts[k]) if counts else None


def org_by_noun(doc: Doc, noun: str, before: int) -> str | None:
    """The last organisation named before ``before`` whose name has ``noun`` ("the party")."""
    names = [e for e in doc.ents if e.label_ == "ORG" and e.end <= before and noun in e.text.lower().split()]
    return clean_name(re.sub(r"\s*\(.*$", "", names[-1].text)) if names else None


def acronyms_of(doc: Doc) -> dict[str, str]:
    """``World Health Organization (WHO)`` -> {"WHO": "World Health Organization"}.

    Read once per doc and kept with it, not on the shared component.
    """
    if "wirewatch_acronyms" in doc.user_data:
        return doc.user_data["wirewatch_acronyms"]  # type: ignore[no-any-return]
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text_of(doc)):
        short = match.group(2)
        # "the United States' National Basketball Association (NBA)": the owner is no part of the name.
        full = re.split(r"(?:'s|’s|'|’)\s+", match.group(1))[-1]
        full = re.sub(r"^(?:The|the)\s+", "", full)
        name = _expansion(full.split(), short.upper())
        if name:
            found[short] = name
    doc.user_data["wirewatch_acronyms"] = found
    return found


def full_org_name(doc: Doc, name: str) -> str:
    """The fullest form of an organisation's name the article gives.

    The recogniser often cuts a long name short ("Union of Rationalist Atheists" before
    "and Agnostics"); the article's own acronym definitions and its other mentions of the
    same organisation give the whole name.
    """
    acronyms = acronyms_of(doc)
    if name in acronyms:
        return acronyms[name]
    fuller = [*acronyms.values(), *(clean_name(e.text) for e in doc.ents if e.label_ == "ORG")]
    # "the American Civil Liberties Union of Montana": a place the recogniser left outside.
    # "in" only for bodies named by where they sit ("Embassy in Baghdad"), not for a court
    # or a party that the article places ("the Court of Session in Scotland").
    joins = "of|in" if name.split()[-1] in _PLACED_BODIES else "of"
    placed = re.compile(rf"\b{re.escape(name)}\s+(?:{joins})\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
    fuller.extend(m.group(0) for m in placed.finditer(text_of(doc)))
    best = name
    for full in fuller:
        rest = full[len(name) :].split()
        if (
            full.lower().startswith(name.lower() + " ")
            and rest[0].lower() in _NAME_CONTINUATIONS
            and len(full) > len(best)
        ):
            best = full
    name = best
    # "Department of Corrections" inside "California Department of Corrections and
    # Rehabilitation"; "Stardom" at the end of "World Wonder Ring Stardom" (one word only
    # when one organisation ends with it).
    inside_name = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")

    titles = lexicon("titles") | lexicon("person_nouns")

    def proper(full: str) -> bool:
        # Only capitalised words and connectives around it: a name, not "a ... recommendation".
        # Nor a person's title that starts with it ("White House National Security Advisor").
        extra = inside_name.sub(" ", full).split()
        return all(
            (w[:1].isupper() or w.lower() in _NAME_CONTINUATIONS) and w.lower() not in titles for w in extra
        )

    candidates = {f for f in fuller if len(f) > len(name) and proper(f)}
    if len(name.split()) > 1:
        containing = {f for f in candidates if inside_name.search(f)}
    else:
        containing = {f for f in candidates if f.endswith(" " + name)}
        containing = containing if len(containing) == 1 else set()
    return max(containing, key=len) if containing else name


def _expansion(words: list[str], short: str) -> str | None:
    """The trailing words of ``words`` that ``short`` abbreviates, if any.

    "Deputies of Movimento 5 Stelle" + "M5S" -> "Movimento 5 Stelle"; connectives count
    when the acronym has them ("Transport for London", "TfL"); letters in another order
    come from a name in another language ("Union of Rationalist Atheists and Agnostics",
    "UAAR").
    """
    for start in range(len(words)):
        rest = words[start:]
        if not (rest[0][0].isupper() or rest[0][0].isdigit()):
            continue
        named = "".join(w[0] for w in rest if w[0].isupper() or w[0].isdigit()).upper()
        every = "".join(w[0] for w in rest).upper()
        if short in (named, every) or sorted(short) == sorted(named) or _syllabic(short, rest):
            return " ".join(rest)
    return None


def _syllabic(short: str, words: list[str]) -> bool:
    """ "Phivolcs" for "Philippine Institute of Volcanology and Seismology": the short form's
    letters, in order, from the name's words, starting with the first and ending in the last."""
    capitals = [w for w in words if w[0].isupper()]
    if len(short) < 4 or len(capitals) < 2 or short[0] != capitals[0][0].upper():
        return False
    letters = iter("".join(words).upper())
    in_order = all(ch in letters for ch in short)
    return in_order and capitals[-1][0].upper() in short


def clean_name(text: str) -> str:
    # "Transport for London (TfL)": the bracketed short form is an alias, not the name.
    name = _HONORIFIC.sub("", re.sub(r"\s*\([^)]*\)?\s*$", "", text.strip()))
    name = _POSSESSIVE.sub("", name).strip(" ,")
    if not _ABBREVIATED_END.search(name):
        name = name.rstrip(".")
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


def entity_name(head: Token) -> str:
    ent = next(e for e in head.doc.ents if e.start <= head.i < e.end)
    # "promotion World Wonder Ring Stardom": a common noun in front is a description.
    while len(ent) > 1 and ent[0].is_lower and ent[0].pos_ == "NOUN" and ent[0].i < head.i:
        ent = ent[1:]
    # "Later the Federation of Teachers": a sentence-opening adverb the recogniser took in.
    leading = ("ADV", "ADP", "CCONJ", "SCONJ", "INTJ", "DET")
    while len(ent) > 1 and ent[0].pos_ in leading and ent[0].i < head.i:
        ent = ent[1:]
    # "Time magazine", "the Associated Press news agency": the name without its description.
    while len(ent) > 1 and ent[-1].is_lower and ent[-1].pos_ == "NOUN" and not ent[-2].is_punct:
        ent = ent[:-1]
    # "the National Hurricane Center (NHC": the recogniser sometimes swallows a bracket.
    return clean_name(re.sub(r"\s*\(.*$", "", ent.text))


def country_governed(head: Token) -> str | None:
    """ "the government of American Samoa", "the Iran government", "the Russian government":
    the country that speaks through its government."""
    if head.lemma_.lower() not in ("government", "administration"):
        return None
    place = [c for c in head.children if c.dep_ in ("compound", "poss") and c.ent_type_ == "GPE"]
    # "U.S. President Barack Obama's administration": the country in the leader's title.
    leader = [c for c in head.children if c.dep_ == "poss" and c.ent_type_ == "PERSON"]
    place += [t for c in leader for t in c.subtree if t.ent_type_ == "GPE" and t.ent_iob_ == "B"]
    place += [
        o
        for p in head.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "ORG")  # a place, whatever the label
    ]
    if place:
        return entity_name(place[0])
    demonyms = lexicon_table("demonyms")
    return next((demonyms[c.lower_] for c in head.children if c.lower_ in demonyms), None)


def country_name(name: str) -> str | None:
    """The country ``name`` is, if it is one the demonym table knows ("U.S." is the United
    States); None for a city or a region ("the Seoul government" is the city's)."""
    if name in lexicon_table("demonyms").values():
        return name
    return _COUNTRY_SHORT_FORMS.get(name.replace(".", "").upper())
