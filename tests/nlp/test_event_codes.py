"""The event lexicons: every code is a CAMEO code, refinements and PLOVER types are right."""

from __future__ import annotations

import pytest

from wirewatch.errors import ConfigError
from wirewatch.nlp.event_codes import _BY_KIND, _FRAMED, EventLexicon, cameo_names, read_verbs


def test_every_verb_code_is_a_cameo_code() -> None:
    names = cameo_names()
    lexicon = EventLexicon.default()
    assert len(lexicon.verbs) > 120
    assert not [v.verb for v in lexicon.verbs.values() if v.code not in names and v.code != "-"]


def test_every_refined_code_is_a_cameo_code() -> None:
    names = cameo_names()
    refined = {code for table in _BY_KIND.values() for code in table.values()}
    refined |= {code for table in _FRAMED.values() for code in table.values()}
    assert refined <= set(names)


def test_refinement_by_kind_of_object() -> None:
    lexicon = EventLexicon.default()
    assert lexicon.refine_by_kind("070", "military") == "072"
    assert lexicon.refine_by_kind("023", "humanitarian") == "0233"
    assert lexicon.refine_by_kind("070", None) == "070"
    assert lexicon.refine_by_kind("190", "military") == "190"


def test_framing_verbs_take_the_framed_act() -> None:
    lexicon = EventLexicon.default()
    assert lexicon.framed("130", "190") == "138"  # threaten to attack
    assert lexicon.framed("030", "072") == "0332"  # offer to provide military aid
    assert lexicon.framed("100", "087") == "105"  # demand a withdrawal
    assert lexicon.framed("120", "040") == "125"  # refuse to meet
    assert lexicon.framed("130", "051") == "130"  # no specific code: the frame's own


def test_plover_types_follow_the_plover_table_and_appeals_are_requests() -> None:
    lexicon = EventLexicon.default()
    assert lexicon.plover_type("072") == "AID"
    assert lexicon.plover_type("190") == "ASSAULT"
    assert lexicon.plover_type("112") == "ACCUSE"
    assert lexicon.plover_type("0232") == "REQUEST"
    assert lexicon.plover_type("016") is None
    assert lexicon.name("0232") == "Appeal for military aid"


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("0831", "RETREAT"),  # "RETREAT also covers resignations of government officials"
        ("0813", "CONCEDE"),  # "removing curfews"
        ("0814", "CONCEDE"),
        ("0871", "CONCEDE"),  # "declarations (but not implementations) of ceasefires"
        ("0872", "RETREAT"),  # easing a blockade: the table's RETREAT stands
        ("082", "CONCEDE"),  # calling off a strike eases dissent
        ("163", "SANCTION"),  # sanctions reduce relations ("not confined to formal sanctions")
        ("192", "ASSAULT"),  # the root of an occupation, 19, is ASSAULT's
        ("191", "COERCE"),  # a blockade restricts movement: COERCE's "restrict" mode
        ("175", "COERCE"),  # the root of violent repression, 17, is COERCE's
    ],
)
def test_plover_types_follow_the_manuals_definitions_where_the_table_differs(code: str, plover: str) -> None:
    assert EventLexicon.default().plover_type(code) == plover


def test_a_user_verb_file_extends_and_overrides(tmp_path) -> None:
    extra = tmp_path / "verbs.tsv"
    extra.write_text(
        "# mine\nverb\tcode\ttarget\tobject\tflags\nshun\t161\tdobj\t-\t\nattack\t195\tdobj\t-\t\n"
    )
    lexicon = EventLexicon.default().extended(extra)
    assert lexicon.verbs["shun"].code == "161" and lexicon.verbs["attack"].code == "195"
    assert EventLexicon.default().verbs["attack"].code == "190"


def test_a_bad_verb_row_names_the_file_and_row() -> None:
    with pytest.raises(ConfigError, match=r"bad\.tsv: row 1"):
        read_verbs("shun\n", "bad.tsv")


def test_an_unknown_flag_names_the_file_row_and_flag() -> None:
    with pytest.raises(ConfigError, match=r"bad\.tsv: row 1 \(shun\): unknown flag tranistive"):
        read_verbs("shun\t161\tdobj\t-\ttranistive\n", "bad.tsv")
    assert read_verbs("meet\t040\tdobj\t-\tconcrete\n", "ok.tsv")["meet"].concrete
    assert read_verbs("speak with\t040\twith\t-\ttargeted\n", "ok.tsv")["speak with"].targeted


def test_a_code_must_be_cameo_or_none() -> None:
    with pytest.raises(ConfigError, match=r"bad\.tsv: row 1 \(shun\): 'X1' is not a CAMEO code"):
        read_verbs("shun\tX1\tdobj\t-\t\n", "bad.tsv")
    assert read_verbs("back up\t-\t-\t-\t\n", "ok.tsv")["back up"].code == "-"


def test_a_user_verb_with_a_code_cameo_lacks_is_reported(tmp_path) -> None:
    extra = tmp_path / "verbs.tsv"
    extra.write_text("shun\t999\tdobj\t-\t\n")
    with pytest.raises(ConfigError, match=r"verbs\.tsv: not in the CAMEO code list: shun \(999\)"):
        EventLexicon.default().extended(extra)
