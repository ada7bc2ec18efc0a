"""The CAMEO event lexicons: verbs -> codes, code names, PLOVER types, and refinements.

Data files under ``lexicons/events/``: ``verbs.tsv`` (ours; a user file in the same
format extends it), ``objects.tsv`` (ours: what kind of aid an object is),
``cameo-codes.tsv`` (the CAMEO 1.1b3 code list) and ``cameo-to-plover.tsv`` (the PLOVER
project's 2021 mapping, CC BY-SA 4.0).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from wirewatch.errors import ConfigError

_FOLDER = "wirewatch.nlp.lexicons"

# PLOVER's 2021 table drops CAMEO 01 and 02. Appeals are requests in PLOVER's own
# definition of REQUEST ("all requests, demands, and orders"), so wirewatch maps 02 there;
# 01 (public statements, denials) has no PLOVER type.
_PLOVER_EXTRA = {"02": "REQUEST"}
# Where the PLOVER manual's type definitions (shared/data/events/plover-types.tsv) say
# otherwise than its 2021 CAMEO table: "RETREAT also covers resignations of government
# officials" (0831, relinquishing power); CONCEDE covers "removing curfews", easing
# emergency rule (0813, 0814) and "declarations (but not implementations) of ceasefires"
# (0871), which the table puts under RETREAT. Sanctions and embargoes (163) reduce
# relations, SANCTION's definition ("not confined to formal sanctions"), not COERCE's
# "restrictions on rights". The types' CAMEO roots (ASSAULT 18, 19, 20; COERCE 17) decide
# the rest: an occupation of territory (192) is ASSAULT, violent repression and destroying
# property (175, 1712) COERCE. A blockade (191) stays COERCE, whose "restrict" mode
# covers restricting movement.
_PLOVER_BY_MANUAL = {
    "0831": "RETREAT",
    "0813": "CONCEDE",
    "0814": "CONCEDE",
    "0871": "CONCEDE",
    "163": "SANCTION",
    "192": "ASSAULT",
    "175": "COERCE",
    "1712": "COERCE",
}

# CAMEO roots of conflict: protest, reducing relations, coercion, assault, fighting, mass
# violence.
CONFLICTUAL = frozenset({"14", "16", "17", "18", "19", "20"})
# PLOVER types that require a recipient (the manual's table: shared/data/events/plover-types.tsv).
NEEDS_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})

# Codes made more specific by what kind of thing is given, asked for or cut off.
_BY_KIND = {
    "023": {"economic": "0231", "military": "0232", "humanitarian": "0233", "protection": "0234"},
    "033": {"economic": "0331", "military": "0332", "humanitarian": "0333", "protection": "0334"},
    # sending inspectors or observers is investigating (09), not aid
    "070": {
        "economic": "071", "military": "072", "humanitarian": "073", "protection": "074",
        "inspection": "090", "asylum": "075", "pardon": "0841",  # a pardon releases (RETREAT)
    },
    "103": {"economic": "1031", "military": "1032", "humanitarian": "1033", "protection": "1034"},
    "162": {"economic": "1621", "military": "1622", "humanitarian": "1623"},
    # deploying peacekeepers provides peacekeeping (074), not a show of force
    "154": {"protection": "074"},
    # selling arms is military cooperation (062), selling anything else economic (061)
    "061": {"military": "062"},
    # handing over goods is giving them
    "084": {"economic": "071", "military": "072", "humanitarian": "073"},
    # cutting aid reduces relations; cancelling or suspending a restriction eases it
    "160": {
        "economic": "1621", "military": "1622", "humanitarian": "1623", "aid": "162",
        "blockade": "0872", "curfew": "0813", "emergency": "0814", "sanctions": "085", "ban": "0812",
        "restriction": "0811",
    },
    # accepting or agreeing to another's demands is yielding to them (08), not an intent
    # offering concessions is an intent to yield (035), agreeing to a ceasefire one to stop
    # fighting (0356)
    "030": {"demand": "080", "concession": "035", "ceasefire": "0356"},
    # asking for aid is an appeal for aid (023), by kind
    "020": {
        "economic": "0231", "military": "0232", "humanitarian": "0233", "protection": "0234", "aid": "023",
    },
    # peacekeepers who arrive are deployed (074), inspectors who arrive investigate (090)
    "042": {"protection": "074", "inspection": "090"},
    # receiving or allowing in inspectors or peacekeepers lets another act on one's ground
    "043": {"inspection": "0862", "protection": "0861"},
    "086": {"inspection": "0862", "protection": "0861", "humanitarian": "0863", "aid": "0863"},
    # withdrawing one's inspectors, peacekeepers, aid or envoys cuts one's involvement (16),
    # withdrawing troops is yielding (087)
    "087": {
        "inspection": "1662", "protection": "1661", "humanitarian": "1663", "aid": "162",
        "diplomatic": "161",
    },
    "080": {
        "blockade": "0872", "ceasefire": "0871", "curfew": "0813", "emergency": "0814",
        "sanctions": "085", "ban": "0812", "restriction": "0811",
    },
}  # fmt: skip

# A framing verb's code given the root of the act it frames ("threaten to attack": 13 + 19).
_FRAMED = {
    "02": {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "045": "028"},
    # vowing an act of force or coercion is threatening it ("sworn to fight": 138)
    "03": {
        "04": "036",
        "05": "032",
        "06": "031",
        "07": "033",
        "08": "035",
        "045": "039",
        "14": "133",
        "16": "131",
        "17": "137",
        "18": "138",
        "19": "138",
        "20": "138",
    },
    "10": {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105", "045": "108"},
    "12": {"04": "125", "06": "121", "07": "122", "045": "126"},
    "13": {
        "16": "131",
        "161": "1313",
        "162": "1311",
        "163": "1312",
        "164": "134",
        "165": "135",
        "166": "136",
        "17": "137",
        "14": "133",
        "18": "138",
        "19": "138",
        "20": "138",
    },
}


@dataclass(frozen=True, slots=True)
class VerbEntry:
    verb: str  # lemma, with its particle ("hand over")
    code: str
    target: tuple[str, ...]  # roles, in order of preference
    object: tuple[str, ...]
    planned: bool = False
    frame: bool = False
    transitive: bool = False  # an event only with something acted on ("returned the land")
    # with a direct object, an event only when it is an actor, a role or a kind of thing the
    # object lexicon knows: "met the minister", "withdrew troops"; not "met the target",
    # "withdrew its request"
    concrete: bool = False
    # an event only when what is given is not a message ("sent a letter", "gave a speech")
    material: bool = False
    # an event only with a target actor ("spoke with Mubarak"; not "spoke with reporters")
    targeted: bool = False
    # the means of the act its clause tells: "summoned Niger's ambassador to complain" is a
    # complaint (114), not a demand
    means: bool = False
    # what is received from someone is the giver's act: "Ukraine received weapons from the
    # United States" is US aid to Ukraine
    receiving: bool = False
    # with a clause of what is so, an accord on it (019): "agreed that the governor was the
    # target", not a pledge
    assents: bool = False
    # done to a thing, not someone, it is praise (051): "welcomed the statement"; "welcomed
    # the minister" hosts him
    praises: bool = False


class EventLexicon:
    """Verbs and the CAMEO/PLOVER tables, loaded once; ``extended`` adds user verb files."""

    def __init__(self, verbs: dict[str, VerbEntry]) -> None:
        self.verbs = verbs
        # every verb's lemma, the verb of a phrasal one too ("cordon" of "cordon off")
        self.lemmas = frozenset(v.split()[0] for v in verbs) | frozenset(verbs)
        self.nouns = event_nouns()
        self.names = cameo_names()
        self.plover = plover_types()
        self.kinds = object_kinds()

    @classmethod
    @cache
    def default(cls) -> EventLexicon:
        return cls(read_verbs(_packaged("verbs.tsv"), "verbs.tsv"))

    def extended(self, *paths: str | Path) -> EventLexicon:
        verbs = dict(self.verbs)
        for path in paths:
            read = read_verbs(Path(path).read_text(encoding="utf-8"), str(path))
            if unknown := sorted(
                f"{v.verb} ({v.code})" for v in read.values() if v.code not in (*self.names, "-")
            ):
                raise ConfigError(f"{path}: not in the CAMEO code list: {', '.join(unknown)}")
            verbs.update(read)
        return EventLexicon(verbs)

    def name(self, code: str) -> str:
        return self.names.get(code) or self.names.get(code[:3]) or self.names.get(code[:2], code)

    def plover_type(self, code: str) -> str | None:
        if code in _PLOVER_BY_MANUAL:
            return _PLOVER_BY_MANUAL[code]
        for prefix in (code, code[:3], code[:2]):
            if prefix in self.plover:
                return self.plover[prefix]
        return _PLOVER_EXTRA.get(code[:2])

    def refine_by_kind(self, code: str, kinds: str | list[str] | None) -> str:
        """``070`` + military -> ``072``; the first of ``kinds`` that refines the code wins;
        codes with no such refinement are kept."""
        for kind in [kinds] if isinstance(kinds, str) else kinds or []:
            for base in (code, code[:3]):
                if kind in _BY_KIND.get(base, {}):
                    return _BY_KIND[base][kind]
        return code

    def framed(self, frame_code: str, inner_code: str) -> str:
        """The framing verb's code, made specific by the act it frames."""
        table = _FRAMED.get(frame_code[:2], {})
        found = table.get(inner_code[:3]) or table.get(inner_code[:2])
        if found is None:
            return frame_code
        if found in ("023", "033", "103") and inner_code[:2] == "07":
            # "offer to provide military aid": keep the kind the inner act had
            kind = {"071": "economic", "072": "military", "073": "humanitarian", "074": "protection"}
            return self.refine_by_kind(found, kind.get(inner_code[:3]))
        return found


# A CAMEO code, or "-": a phrasal verb that is no event though its verb is one ("back up
# a claim" is not backing a side).
_VERB_CODE = re.compile(r"^(?:\d{2,4}|-)$")
_FLAGS = frozenset(
    {
        "planned",
        "frame",
        "transitive",
        "concrete",
        "material",
        "targeted",
        "means",
        "receiving",
        "assents",
        "praises",
    }
)


def read_verbs(text: str, source: str) -> dict[str, VerbEntry]:
    verbs: dict[str, VerbEntry] = {}
    rows = csv.reader(
        (line for line in text.splitlines() if line.strip() and not line.startswith("#")), delimiter="\t"
    )
    for number, row in enumerate(rows, start=1):
        if row and row[0] == "verb":
            continue  # the header
        if len(row) < 2 or not row[1].strip():
            raise ConfigError(f"{source}: row {number} needs at least a verb and a code")
        row = [*row, "", "", ""][:5]
        verb, code, target, obj, flags = (cell.strip() for cell in row)
        marks = {f.strip() for f in flags.split(",") if f.strip()}
        if not _VERB_CODE.match(code):
            raise ConfigError(
                f"{source}: row {number} ({verb}): {code!r} is not a CAMEO code (or - for none)"
            )
        if unknown := marks - _FLAGS:
            raise ConfigError(f"{source}: row {number} ({verb}): unknown flag {', '.join(sorted(unknown))}")
        verbs[verb.lower()] = VerbEntry(
            verb=verb.lower(),
            code=code,
            target=_roles(target),
            object=_roles(obj),
            planned="planned" in marks,
            frame="frame" in marks,
            transitive="transitive" in marks,
            concrete="concrete" in marks,
            material="material" in marks,
            targeted="targeted" in marks,
            means="means" in marks,
            receiving="receiving" in marks,
            assents="assents" in marks,
            praises="praises" in marks,
        )
    return verbs


def _roles(cell: str) -> tuple[str, ...]:
    return tuple(r.strip() for r in cell.split(",") if r.strip() and r.strip() != "-")


@cache
def cameo_names() -> dict[str, str]:
    return {row["code"]: row["name"] for row in packaged_table("cameo-codes.tsv")}


@cache
def plover_types() -> dict[str, str]:
    return {
        row["cameo_code"]: row["plover_type"]
        for row in packaged_table("cameo-to-plover.tsv")
        if row["plover_type"]
    }


@cache
def event_nouns() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Event nouns of light-verb phrases ("held talks"): noun -> (code, target prepositions)."""
    return {row["noun"]: (row["code"], _roles(row["target"])) for row in packaged_table("nouns.tsv")}


@cache
def object_kinds() -> dict[str, str]:
    return {row["noun"]: row["kind"] for row in packaged_table("objects.tsv")}


def packaged_table(name: str) -> list[dict[str, str]]:
    lines = [line for line in _packaged(name).splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _packaged(name: str) -> str:
    return resources.files(_FOLDER).joinpath("events", name).read_text(encoding="utf-8")
