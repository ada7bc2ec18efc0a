"""Build the syndication test set: real articles, republished copies of them, hard negatives.

    .venv/bin/python eval/syndication/build_set.py             # writes syndication-wikinews.jsonl
    .venv/bin/python eval/syndication/build_set.py --reuters /tmp/syndication-reuters.jsonl

Each output line is ``{"id", "title", "text", "url", "site_name", "group", "split", "kind"}``:
``group`` is the true story (every copy of one story shares it), ``split`` is ``dev`` (used to
tune the detector) or ``test`` (only scored), ``kind`` says how the record was made (``original``,
the perturbations applied, or ``negative``). Records are shuffled, so the original of a story is
not always the first copy to arrive, as in a real crawl.

How a group is made from one base article (seeded, so the output is byte-for-byte the same on
every run):

- the original, as published (left out of one group in five: a crawl does not always see it);
- 2 to 5 republished copies, each from another (fictional) outlet with its own URL, each with a
  recipe of perturbations from ``RECIPES``: a trimmed ending (the last paragraphs, 20-35% of
  the words), added page chrome (navigation, byline, time stamp, "Advertisement", share and
  newsletter lines, a "Related:" list of other headlines, a copyright line), a changed
  headline, reordered paragraphs, small copy edits (said/says, per cent, straight/curly
  quotes), and combinations of these.

Hard negatives: for each base, the two other articles of the corpus most like it by TF-IDF
cosine over words (the same people, places and topic), each a group of its own, published by
some outlet with or without chrome. They must not join the base's group.

The Reuters-21578 part (``reuters_records``) is research-only text: it is never written into
the repository; ``--reuters PATH`` writes it to a path you choose, and ``score.py --reuters``
builds it in memory. It has the same kind of groups made from longer Reuters stories, plus
1,500 earnings reports ("Shr 34 cts vs 1.19 dlrs / Net 807,000 vs 2,858,000 / ..."): formulaic,
same vocabulary, each its own story unless its text is word for word another's.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NEWS = HERE.parents[2] / "shared" / "data" / "news"
WIKINEWS = NEWS / "wikinews-en.jsonl"
REUTERS = NEWS / "reuters-21578.jsonl"
OUT = HERE / "syndication-wikinews.jsonl"

SEED = 20261126
BASES = 180  # Wikinews stories that get republished copies
REUTERS_BASES = 80
REUTERS_EARNINGS = 1500
NEGATIVES_PER_BASE = 2
# How far down its list of nearest articles a base looks for negatives that are surely other
# stories (in Reuters the nearest are often re-sends of the base itself, which are skipped).
NEIGHBOUR_DEPTH = 200
# A base needs enough paragraphs to be trimmed and reordered, and a body of ordinary length.
MIN_PARAGRAPHS, MIN_WORDS, MAX_WORDS = 4, 150, 1200

Record = dict[str, Any]

# Fictional outlets: (name, domain). None of these is a real site.
OUTLETS = [
    ("The Daily Ledger", "dailyledger.example"),
    ("Metro Courier", "metrocourier.example"),
    ("Northern Star Online", "northernstar.example"),
    ("Harbour Times", "harbourtimes.example"),
    ("Valley Gazette", "valleygazette.example"),
    ("The Evening Dispatch", "eveningdispatch.example"),
    ("Capital Wire", "capitalwire.example"),
    ("Lakeside Herald", "lakesideherald.example"),
    ("Global Desk", "globaldesk.example"),
    ("The Morning Register", "morningregister.example"),
    ("Coastal Chronicle", "coastalchronicle.example"),
    ("NewsNow 24", "newsnow24.example"),
    ("The Weekly Observer", "weeklyobserver.example"),
    ("Riverbend Post", "riverbendpost.example"),
    ("Summit Tribune", "summittribune.example"),
    ("World Brief", "worldbrief.example"),
    ("The Plains Journal", "plainsjournal.example"),
    ("Metro Review", "metroreview.example"),
    ("Eastside Sentinel", "eastsidesentinel.example"),
    ("Open Press Network", "openpress.example"),
]
SECTIONS = ["world", "news", "politics", "business", "science", "sport", "national", "latest"]
REPORTERS = ["Jane Doe", "Sam Okafor", "Maria Lindqvist", "Tom Hale", "Priya Nair", "Luis Ortega"]
NAV_LINES = [
    "Home | World | Politics | Business | Sport | Opinion",
    "Skip to main content",
    "Menu",
    "Sign in | Subscribe",
    "Advertisement",
    "Most read",
    "Trending: Elections | Climate | Markets",
]
FOOTER_LINES = [
    "Share this article",
    "Share on Facebook Share on Twitter Email",
    "Subscribe to our newsletter for the latest news, delivered to your inbox every morning.",
    "Sign up for our daily briefing.",
    "Follow us on Twitter and Facebook.",
    "Comments are closed for this article.",
    "Report an error",
]
MID_LINES = ["Advertisement", "Story continues below advertisement", "READ MORE:"]
# Copy edits an outlet makes: (pattern, replacement), each tried in a few paragraphs.
COPY_EDITS: list[tuple[str, str]] = [
    (r"\bsaid\b", "says"),
    (r"\bpercent\b", "per cent"),
    (r"\bper cent\b", "percent"),
    (r"\bU\.S\.", "US"),
    (r"\bMr\. ", "Mr "),
    (r'"([^"]+)"', "“\\1”"),
    (r"\btold\b", "informed"),
    (r"\bhowever\b", "though"),
]
# Perturbation recipes for a republished copy.
RECIPES: list[tuple[str, ...]] = [
    ("trim",),
    ("chrome",),
    ("headline",),
    ("reorder",),
    ("copyedit",),
    ("trim", "chrome", "headline"),
    ("reorder", "chrome"),
    ("trim", "reorder", "headline", "chrome"),
    ("copyedit", "chrome", "headline"),
    ("trim", "copyedit"),
    ("trim", "reorder", "copyedit", "chrome", "headline"),
]


@dataclass
class Story:
    """A source article: headline, paragraphs, where it came from."""

    id: str
    title: str
    paragraphs: list[str]
    url: str | None
    site_name: str
    published: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def paragraphs_of(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def headline_from_lead(text: str, max_words: int = 12) -> str:
    """A headline for an article that has none (Wikinews part D): its first words."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    words = first.rstrip(".!?").split()
    return " ".join(words[:max_words])


def load_wikinews(path: Path) -> list[Story]:
    stories = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        paragraphs = paragraphs_of(r["text"])
        title = r.get("title") or headline_from_lead(r["text"])
        stories.append(Story(r["id"], title, paragraphs, r.get("url"), "Wikinews", r.get("published")))
    return stories


def load_reuters(path: Path) -> list[Story]:
    stories = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        # The dateline opens the first paragraph; the "Reuter" sign-off closes the text.
        paragraphs = [p for p in paragraphs_of(r["text"]) if p.strip().lower() != "reuter"]
        if not paragraphs:
            continue
        story = Story(r["id"], r["title"].title(), paragraphs, None, "Reuters", r.get("published"))
        story.extra = {"topics": r.get("topics", []), "raw": r["text"], "dateline": r.get("dateline")}
        stories.append(story)
    return stories


# --- Hard negatives: nearest articles by TF-IDF cosine ----------------------------------------

WORD = re.compile(r"[^\W\d_][\w'’-]*")


def tfidf_neighbours(stories: Sequence[Story], bases: Sequence[int], k: int) -> dict[int, list[int]]:
    """For each base index, the nearest other stories by TF-IDF cosine, best first.

    Sparse vectors and an inverted index in plain Python: the Reuters corpus has 19,000
    articles, too many for a dense matrix, and this needs no library beyond the standard one.
    """
    docs = [Counter(w.casefold() for w in WORD.findall(" ".join(s.paragraphs))) for s in stories]
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    n = len(docs)
    # Words in one document only cannot link two articles; very common words say nothing.
    idf = {w: math.log(n / c) for w, c in df.items() if 2 <= c <= n // 5}
    vectors: list[dict[str, float]] = []
    postings: dict[str, list[tuple[int, float]]] = {}
    for row, doc in enumerate(docs):
        vector = {w: (1 + math.log(c)) * idf[w] for w, c in doc.items() if w in idf}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vector = {w: v / norm for w, v in vector.items()}
        vectors.append(vector)
        for word, weight in vector.items():
            postings.setdefault(word, []).append((row, weight))
    neighbours = {}
    for base in bases:
        scores: dict[int, float] = {}
        for word, weight in vectors[base].items():
            for row, other in postings[word]:
                scores[row] = scores.get(row, 0.0) + weight * other
        scores.pop(base, None)
        # Ties by corpus order, so that the ranking is the same on every run.
        ranked = sorted(scores, key=lambda row: (-scores[row], row))
        neighbours[base] = ranked[:NEIGHBOUR_DEPTH]
    return neighbours


# --- Republished copies --------------------------------------------------------------------------


@dataclass
class Copy:
    headline: str
    paragraphs: list[str]
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    title_suffix: str = ""


def trim(rng: random.Random, copy: Copy, story: Story) -> None:
    """Drop the last paragraphs: at least one, about 20-35% of the words, two always kept."""
    total = sum(len(p.split()) for p in copy.paragraphs)
    target = rng.uniform(0.20, 0.35) * total
    dropped = 0
    while len(copy.paragraphs) > 2:
        last = len(copy.paragraphs[-1].split())
        if dropped and dropped + last > 0.40 * total:
            break
        copy.paragraphs.pop()
        dropped += last
        if dropped >= target:
            break


def reorder(rng: random.Random, copy: Copy, story: Story) -> None:
    """Keep the lead, move two or three later paragraphs elsewhere."""
    body = copy.paragraphs[1:]
    for _ in range(min(3, max(1, len(body) // 2))):
        paragraph = body.pop(rng.randrange(len(body)))
        body.insert(rng.randrange(len(body) + 1), paragraph)
    if body == copy.paragraphs[1:] and len(body) > 1:
        body.reverse()
    copy.paragraphs[1:] = body


def change_headline(rng: random.Random, copy: Copy, story: Story) -> None:
    words = copy.headline.split()
    choice = rng.randrange(5)
    if choice == 0:
        copy.headline = f"UPDATE {rng.randint(1, 3)}-{copy.headline}"
    elif choice == 1:
        copy.headline = headline_from_lead(story.paragraphs[0], max_words=rng.randint(7, 11))
    elif choice == 2 and len(words) > 5:
        copy.headline = " ".join(words[: len(words) - 2]) + ", officials say"
    elif choice == 3:
        copy.headline = f"{rng.choice(['World', 'Breaking', 'Analysis', 'Live'])}: {copy.headline}"
    else:
        copy.headline = copy.headline.upper()


def add_chrome(rng: random.Random, copy: Copy, story: Story, outlet: str, related: list[str]) -> None:
    copy.header = rng.sample(NAV_LINES, rng.randint(1, 3))
    byline = rng.choice(
        [f"By {rng.choice(REPORTERS)}, {outlet}", f"{outlet} staff", f"By {rng.choice(REPORTERS)}"]
    )
    day_, month = rng.randint(1, 28), rng.choice(["March", "June", "October"])
    hour, minute = rng.randint(0, 23), rng.randint(0, 59)
    stamp = f"Published {day_} {month} 2011, {hour:02d}:{minute:02d} GMT"
    copy.header.append(byline)
    if rng.random() < 0.7:
        copy.header.append(stamp)
    # A line of chrome inside the body, as ad slots and "read more" boxes are.
    if len(copy.paragraphs) > 3 and rng.random() < 0.7:
        line = rng.choice(MID_LINES)
        if line == "READ MORE:":
            line = f"READ MORE: {related[0]}"
        copy.paragraphs.insert(rng.randint(2, len(copy.paragraphs) - 1), line)
    copy.footer = rng.sample(FOOTER_LINES, rng.randint(1, 3))
    if rng.random() < 0.7:
        copy.footer += ["Related:", *related[1 : 1 + rng.randint(2, 4)]]
    copy.footer.append(f"© {rng.choice([2011, 2012, 2024])} {outlet}. All rights reserved.")
    if rng.random() < 0.4:
        copy.title_suffix = f" | {outlet}"


def copyedit(rng: random.Random, copy: Copy, story: Story) -> None:
    """A few word-level edits in some paragraphs (house style, a rewording)."""
    for index in rng.sample(range(len(copy.paragraphs)), max(1, len(copy.paragraphs) // 3)):
        for pattern, replacement in rng.sample(COPY_EDITS, 3):
            copy.paragraphs[index] = re.sub(pattern, replacement, copy.paragraphs[index], count=1)


def page_text(copy: Copy) -> str:
    return "\n\n".join([*copy.header, copy.headline, *copy.paragraphs, *copy.footer])


def slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:8]) or "story"


def republish(
    rng: random.Random, story: Story, recipe: Iterable[str], outlet: tuple[str, str], related: list[str]
) -> Record:
    name, domain = outlet
    copy = Copy(story.title, list(story.paragraphs))
    steps: dict[str, Callable[[random.Random, Copy, Story], None]] = {
        "trim": trim,
        "reorder": reorder,
        "headline": change_headline,
        "copyedit": copyedit,
        "chrome": lambda r, c, s: add_chrome(r, c, s, name, related),
    }
    # Chrome last, so trimming and reordering act on the story's own paragraphs.
    order = ["headline", "copyedit", "trim", "reorder", "chrome"]
    kinds = [step for step in order if step in recipe]
    for step in kinds:
        steps[step](rng, copy, story)
    url = f"https://www.{domain}/{rng.choice(SECTIONS)}/{rng.randint(100000, 999999)}-{slug(copy.headline)}"
    return {
        "title": copy.headline + copy.title_suffix,
        "text": page_text(copy),
        "url": url,
        "site_name": name,
        "kind": "+".join(kinds),
    }


def original(story: Story) -> Record:
    return {
        "title": story.title,
        "text": "\n\n".join([story.title, *story.paragraphs]),
        "url": story.url,
        "site_name": story.site_name,
        "kind": "original",
    }


def as_negative(rng: random.Random, story: Story, related: list[str]) -> Record:
    """A distinct article, printed by some outlet (half of them with page chrome)."""
    if rng.random() < 0.5:
        return original(story) | {"kind": "negative"}
    record = republish(rng, story, ("chrome",), rng.choice(OUTLETS), related)
    return record | {"kind": "negative"}


def build_groups(
    rng: random.Random,
    stories: Sequence[Story],
    bases: Sequence[int],
    negatives: dict[int, list[int]],
    prefix: str,
) -> list[Record]:
    """Every record of the set made from ``stories``: groups of copies, hard negatives."""
    records: list[Record] = []
    titles = [s.title for s in stories]
    splits = {base: ("dev" if n % 2 == 0 else "test") for n, base in enumerate(bases)}
    for base in bases:
        story = stories[base]
        group = f"{prefix}-{story.id}"
        outlets = rng.sample(OUTLETS, 6)
        members = [] if rng.random() < 0.2 else [original(story)]
        for n, recipe in enumerate(rng.sample(RECIPES, rng.randint(2, 5))):
            related = rng.sample(titles, 5)
            members.append(republish(rng, story, recipe, outlets[n], related))
        for n, record in enumerate(members):
            records.append({"id": f"{group}#{n}", **record, "group": group, "split": splits[base]})
        for other in negatives[base]:
            neighbour = stories[other]
            negative_group = f"{prefix}-{neighbour.id}"
            record = as_negative(rng, neighbour, rng.sample(titles, 5))
            records.append(
                {"id": f"{negative_group}#0", **record, "group": negative_group, "split": splits[base]}
            )
    return records


def pick_bases_and_negatives(
    rng: random.Random,
    stories: Sequence[Story],
    count: int,
    eligible: Callable[[Story], bool],
    distinct: Callable[[Story, Story], bool] = lambda a, b: True,
    resent: Callable[[Story, Story], bool] = lambda a, b: False,
) -> tuple[list[int], dict[int, list[int]]]:
    """``count`` seeded-random bases and, for each, its nearest unused neighbours.

    ``distinct(a, b)`` says whether a neighbour is surely another story than its base;
    ``resent(a, b)`` whether two stories are one story sent twice. A neighbour must be distinct
    from its base and no re-send of any story already taken (the other bases and negatives),
    so that no two records of different groups are in fact one story.
    """
    candidates = [i for i, s in enumerate(stories) if eligible(s)]
    bases = sorted(rng.sample(candidates, count))
    ranked = tfidf_neighbours(stories, bases, NEGATIVES_PER_BASE)
    used = set(bases)
    negatives: dict[int, list[int]] = {}
    for base in bases:
        chosen: list[int] = []
        for other in ranked[base]:
            if len(chosen) == NEGATIVES_PER_BASE:
                break
            if (
                other not in used
                and distinct(stories[other], stories[base])
                and not any(resent(stories[other], stories[i]) for i in used)
            ):
                chosen.append(other)
                used.add(other)
        used.update(chosen)
        negatives[base] = chosen
    return bases, negatives


def eligible_base(story: Story) -> bool:
    return len(story.paragraphs) >= MIN_PARAGRAPHS and MIN_WORDS <= story.words <= MAX_WORDS


def wikinews_records(path: Path = WIKINEWS, seed: int = SEED, count: int = BASES) -> list[Record]:
    rng = random.Random(seed)
    stories = load_wikinews(path)
    bases, negatives = pick_bases_and_negatives(rng, stories, count, eligible_base)
    records = build_groups(rng, stories, bases, negatives, "wikinews")
    rng.shuffle(records)
    return records


TICKER = re.compile(r"<([^>]+)>")
DIVIDEND = re.compile(r"div|payout|split|quarterly|qtly|distribution", re.IGNORECASE)
# How a results table opens, after the dateline: "Shr 34 cts vs ...", "Qtr ends Feb 28", ...
TABLE_LEAD = re.compile(r"(?:oper\s+)?(?:shr|qtr|period|year|net|qtly|six|nine|three)\b", re.IGNORECASE)
REISSUE = re.compile(r"^(?:corrected|correction|repeat|rpt|refiling|update \d)\W*", re.IGNORECASE)


def day(story: Story) -> date | None:
    return date.fromisoformat(story.published[:10]) if story.published else None


def title_key(story: Story) -> str:
    return " ".join(re.findall(r"\w+", REISSUE.sub("", story.title).casefold()))


def reuters_distinct(a: Story, b: Story) -> bool:
    """Surely two stories: different headlines and at least two days apart.

    The wire re-sends a story (corrected, repeated, rewritten as news develops) under the same
    or a similar headline on the same day or the next; a neighbour that close is left out of
    the negatives rather than guessed at. Stories days apart on the same subject (a weekly
    tender, a daily rainfall table, a price change) are different stories.
    """
    if reuters_resent(a, b):
        return False
    day_a, day_b = day(a), day(b)
    return day_a is not None and day_b is not None and abs((day_a - day_b).days) >= 2


def lead_key(story: Story) -> str:
    """The first twelve words after the dateline: a re-sent story keeps its lead."""
    lead = story.paragraphs[0].split(" - ", 1)[-1]
    return " ".join(re.findall(r"\w+", lead.casefold())[:12])


def reuters_resent(a: Story, b: Story) -> bool:
    """One story sent twice: the same headline (less "CORRECTED-" and such) or the same lead."""
    return title_key(a) == title_key(b) or lead_key(a) == lead_key(b)


def earnings_story(story: Story) -> tuple[str, str, str, str]:
    """Which story an earnings item reports: company, day, dividend or results, table or prose.

    Re-sent and corrected items ("REUTER" becoming "Reuter", a dateline typo fixed, "Sales"
    relabelled "Revs", a note reworded, the ticker "<PARC>" becoming "<PARC.O>") keep all four;
    a results table and a prose item about the outlook, or a dividend notice, on the same
    company and day are different stories, and so are two prose items under different
    headlines. The company is the first two words of the headline (tickers come and go:
    "Valley Resources (VR)", "Valley Resources <VR>").
    """
    title = REISSUE.sub("", story.title)
    # A bracketed ticker goes; a bracketed name ("<Peter Miller Apparel Group Inc>") stays.
    title = TICKER.sub(lambda m: " " + m.group(1) if " " in m.group(1) else " ", title)
    words = re.findall(r"[a-z0-9]+", title.casefold())
    company = " ".join(words[:2])
    kind = "dividend" if DIVIDEND.search(title) else "results"
    lead = story.paragraphs[0].split(" - ", 1)[-1]
    if TABLE_LEAD.match(lead) or len(lead.split()) < 6:
        return company, str(day(story)), kind, "table"
    # Two prose items on one company and day are usually two write-ups (the results, then
    # the outlook): one story only under the same headline.
    return company, str(day(story)), kind, title_key(story)


def reuters_records(
    path: Path = REUTERS, seed: int = SEED, count: int = REUTERS_BASES, earnings: int = REUTERS_EARNINGS
) -> list[Record]:
    """The Reuters-21578 part, built in memory (research-only text: never commit it)."""
    rng = random.Random(seed + 1)
    stories = load_reuters(path)
    # The collection repeats some items word for word: one copy of each text is a base
    # candidate, so that a "distinct" negative is never the base itself again.
    first: dict[str, int] = {}
    for i, s in enumerate(stories):
        first.setdefault(s.extra["raw"], i)
    unique = [i for i, s in enumerate(stories) if first[s.extra["raw"]] == i]

    def eligible(story: Story) -> bool:
        return "earn" not in story.extra["topics"] and eligible_base(story)

    pool = [stories[i] for i in unique]
    bases, negatives = pick_bases_and_negatives(rng, pool, count, eligible, reuters_distinct, reuters_resent)
    records = build_groups(rng, pool, bases, negatives, "reuters")
    # Earnings reports, as sent (with their own repeats): one story per company, day and kind
    # of report (``earnings_story``); none is a re-send of a base or negative above.
    taken = [pool[i] for i in bases] + [pool[i] for ns in negatives.values() for i in ns]
    taken_stories = {earnings_story(s) for s in taken}
    reports = [
        s
        for s in stories
        if "earn" in s.extra["topics"] and s.id not in {t.id for t in taken}
        if earnings_story(s) not in taken_stories
    ]
    chosen = sorted(rng.sample(reports, min(earnings, len(reports))), key=lambda s: s.id)
    first_of: dict[tuple[str, str, str, str], str] = {}
    same_text: dict[str, str] = {}
    for story in chosen:
        # A word-for-word repeat is the same story whatever its headline or date says.
        group = same_text.get(story.extra["raw"]) or first_of.setdefault(
            earnings_story(story), f"reuters-earnings-{story.id}"
        )
        same_text.setdefault(story.extra["raw"], group)
        records.append(
            {
                "id": f"reuters-{story.id}",
                "title": story.title,
                "text": story.extra["raw"],
                "url": None,
                "site_name": "Reuters",
                "kind": "earnings",
                "group": group,
                "split": "test",
            }
        )
    rng.shuffle(records)
    return records


def write(records: Iterable[Record], path: Path) -> int:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wikinews", type=Path, default=WIKINEWS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--reuters", type=Path, help="also write the Reuters part here (do not commit it)")
    args = parser.parse_args()
    records = wikinews_records(args.wikinews)
    print(f"{write(records, args.out)} records -> {args.out}")
    if args.reuters:
        print(f"{write(reuters_records(), args.reuters)} records -> {args.reuters}")


if __name__ == "__main__":
    main()
