"""Page chrome: standalone lines of a scraped news page that are not the article.

Each pattern must match a whole line (``fullmatch``), and only lines up to its
``max_chars``: chrome is short, so a long line that happens to start like chrome
("Share prices fell ...") is text. Patterns are tried in this order; the first match
names the line (``chrome_name``), which is what the tests and debugging see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirewatch.ingest.dates import DATE, MONTH


@dataclass(frozen=True, slots=True)
class LinePattern:
    name: str
    regex: re.Pattern[str]
    max_chars: int


def _p(name: str, pattern: str, max_chars: int, flags: int = re.IGNORECASE) -> LinePattern:
    # VERBOSE: the patterns below are laid out one alternative per line.
    return LinePattern(name, re.compile(pattern, flags | re.VERBOSE), max_chars)


# Words of social/share button rows ("Share", "Facebook Twitter Email", "12 comments").
# Word boundaries around it keep "xxxx" from being tried as four "x" buttons.
_SOCIAL = r"""\b(?:\d+\s+)?(?:
    share(?:\s+(?:this|the)\s+(?:article|story|page|post))?(?:\s+(?:on|via)\s+\w+)?
    | shares? | tweet | e-?mail | print | facebook | twitter | x | whatsapp | linkedin | reddit
    | pinterest | telegram | messenger | flipboard | copy(?:\s+link)? | link\s+copied
    | comments? | save(?:\s+for\s+later)? | bookmark
)\b"""
# Who is credited for a picture at the end of a caption ("/AFP", "/AFP/File").
_AGENCY = r"""(?:AFP|AP|REUTERS|EPA(?:-EFE)?|Getty(?:\s+Images)?|Xinhua|dpa|ANP|AAP|PA|Sipa
    |Bloomberg|Pool|Handout)"""
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"
# Staff names in credits: capitalised words, with the small words names and places carry.
_NAMES = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|in|and|de|van|von|der|al|la|le))*"
# One credit: "Reporting by Jane Roe in Paris", "Writing and editing by Sam Lee".
_CREDIT = rf"""(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|graphics)
    (?:\s+and\s+(?:writing|editing|reporting))?)\s+by\s+{_NAMES}"""

CHROME: tuple[LinePattern, ...] = (
    # A caption glued to a line with " / Photo: ...": scrapers flatten <figure> that way.
    _p(
        "caption_after_separator",
        r".{0,300}?\s[/|]\s*(?:photo(?:graph)?s?|image|picture|pic|credit)\s*:.*",
        500,
    ),
    # A caption or credit introduced by its label: "Photo: Reuters", "Picture: Jane Doe".
    _p(
        "caption_label",
        r"""(?:(?:file\s+)?photo(?:graph)?s?|image|picture|pic|credits?|caption|illustration)
            (?:\s+(?:credit|caption|source))?\s*(?::|©).*""",
        300,
    ),
    # "Photo by Jane Doe/Reuters": short, or it is a sentence about photographs.
    _p("photo_by", r"(?:photo(?:graph)?|picture|image)s?\s+by\s+.{1,60}", 80),
    # BBC-style figure labels flattened into text: "Image copyright Getty Images".
    _p("image_copyright", r"image\s+(?:copyright|caption|source)\b.*", 300),
    # A credit in brackets on its own line: "(Photo: Reuters)", "[Image: AFP]".
    _p(
        "bracketed_credit",
        r"[(\[]\s*(?:photo|image|picture|pic|file\s+photo|credit|video)s?\b[^)\]]*[)\]]\W*",
        150,
    ),
    # A caption ending in a bracketed agency credit: "... on Tuesday. (AP Photo/Evan Vucci)".
    _p(
        "caption_agency_photo",
        rf".{{0,300}}[(\[]\s*(?:{_AGENCY}\s*(?:photo)?|photo)\s*/[^)\]]{{1,60}}[)\]]\W*",
        400,
    ),
    # A caption ending in a slashed credit: "... in Kyiv. - Jane Doe/AFP/File".
    _p(
        "caption_agency_suffix",
        rf".{{0,300}}/\s*{_AGENCY}(?:\s*/\s*(?:File|Pool|Handout|Archives?|{_AGENCY}))*\s*\)?",
        400,
    ),
    # Stock-photo credits standing alone: "Getty Images", "AFP via Getty Images".
    _p(
        "stock_credit",
        r""".{0,60}?\b(?:getty\s+images|shutterstock|alamy|istock(?:photo)?)
            (?:\s+(?:via|for)\s+[\w ]{1,40})?\W*""",
        100,
    ),
    # Reader controls: "Text size:", "Font size A A A".
    _p("text_size", r"(?:text|font)\s*size\b.*", 40),
    # Share buttons and counters, alone or in a row.
    _p("share", rf"{_SOCIAL}(?:\s*[|·•,/:]?\s*{_SOCIAL})*\W*", 120),
    # Ad slots and the "story continues" markers around them.
    _p(
        "advertisement",
        r"""(?:advertisement | advertising | advert | ad | sponsored(?:\s+content)?
            | promoted(?:\s+content)? | paid\s+content
            | (?:story|article)\s+continues\s+below(?:\s+advertisement)?
            | continue\s+reading(?:\s+(?:the\s+)?(?:main\s+)?story)?(?:\s+below)?
            | scroll\s+(?:down\s+)?to\s+continue(?:\s+reading)?
            )\W*""",
        60,
    ),
    # Teasers for other pages: "Read more: ...", "See also ...", "READ MORE".
    _p(
        "read_more",
        r"(?:read|see|watch|listen)\s+(?:more|also|next|(?:the\s+)?full\s+(?:story|article))\b.*",
        160,
    ),
    # Link lists: "Related: ...", "More from Europe", "Most read in world news", "Top stories".
    _p(
        "related",
        r"""(?:related(?:\s+(?:stories|articles|content|coverage|news|links?|reading|topics?))?
            | recommended(?:\s+(?:for\s+you|stories))? | also\s+read | further\s+reading
            | more\s+on\s+this(?:\s+(?:story|topic))? | more\s+(?:from|on|about)\s+[\w .&'’-]{1,40}
            | most\s+(?:read|popular|viewed|shared)(?:\s+(?:in|on|from)\s+[\w .&'’-]{1,30})?
            | trending(?:\s+(?:now|stories))? | top\s+stories | latest(?:\s+(?:news|stories))?
            | editor'?s\s+picks? | you\s+(?:may|might)\s+also\s+like | in\s+(?:other|related)\s+news
            )\s*(?:[:»>›|–—-].*)?""",
        160,
    ),
    # Where a syndicated story first ran: "Originally published on Live Science."
    _p(
        "originally_published",
        r"""(?:this\s+(?:article|story)\s+(?:was\s+)?)?
            originally\s+(?:published|appeared)\s+(?:on|in|at|by)\s.{1,80}""",
        120,
    ),
    # Newsletter and subscription prompts.
    _p(
        "newsletter",
        r"""(?:sign\s+up|subscribe|register)(?:\s+(?:now|today|here|free|for\s+free))?
                (?:\s+(?:to|for)\b.{0,100})?[.!:]?
            | (?:get|receive)\s+(?:the|our)\s.{0,60}newsletter.{0,80}
            | .{0,50}\bnewsletters?\W*""",
        160,
    ),
    # Calls to click: "Click here to read the report".
    _p("click_here", r"(?:click|tap)\s+here\b.*", 160),
    # Cookie banners: these are whole sentences, but always start or end like this.
    _p(
        "cookies",
        r"""(?:this\s+(?:web)?site|we(?:\s+and\s+our\s+partners)?|our\s+(?:web)?site)
                \s+(?:uses?|may\s+use)\s+cookies\b.*
            | .{0,120}\b(?:accept|allow|reject|manage)\s+(?:all\s+)?cookies\b.*
            | cookie\s+(?:policy|settings|preferences|notice|consent)\W*
            | (?:i\s+)?accept\W* | got\s+it\W*""",
        500,
    ),
    # Social follow prompts: "Follow us on Twitter", "Follow @wirewatch on X".
    _p(
        "follow_us",
        r"""follow\s+(?:us|@\w+|[\w .&'’-]{1,40})\s+on\s+(?:twitter|facebook|instagram|x|linkedin
                |tiktok|youtube|threads|bluesky|telegram|google\s+news|social\s+media)\b.*
            | follow\s+us\W*""",
        160,
    ),
    # Agency trailers: "Reporting by Jane Roe; Editing by Sam Lee". Case-sensitive names, so
    # "Reporting by the BBC showed ..." stays text.
    _p("reporting_credit", rf"{_CREDIT}(?:\s*[;,]\s*{_CREDIT})*\W*", 200, flags=0),
    # "Associated Press writer Sam Lee in Hamburg contributed to this report."
    _p("contributed", r".{0,150}\bcontributed\s+to\s+this\s+(?:report|story|article)\W*", 200),
    # Trust boilerplate: "Our Standards: The Example Trust Principles."
    _p("standards", r"our\s+standards\s*:.*", 120),
    # Copyright footers: "© 2024 Example Media", "Copyright 2019 The Associated Press. ...".
    _p("copyright", r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))\s*.*", 400),
    # Rights notices that do not open with the sign: "2024 AFP. All rights reserved."
    _p(
        "all_rights_reserved",
        r".{0,100}\ball\s+rights\s+reserved\b.{0,120} | this\s+material\s+may\s+not\s+be\s+published.*",
        250,
    ),
    # Bylines: "By Jane Doe", "By JANE DOE and John Roe, Reuters", "By AFP | Staff".
    # Case-sensitive: the capitals are what tells a name from "By Tuesday the talks ...".
    _p(
        "byline",
        r"""[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}
            (?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}){0,3}\s*
            (?:[|·•]\s*.{0,60})?""",
        100,
        flags=0,
    ),
    # Time stamps: "Published: 12 July 2022", "Updated 3 hours ago", "Posted on Nov. 3, 2019".
    _p(
        "timestamp",
        rf"""(?:(?:first\s+)?published|updated|last\s+(?:updated|modified)|posted|modified|date)
            (?:\s+(?:on|at))?\s*:?\s*
            (?:{_WEEKDAY}?(?:{DATE}|{MONTH}\.?\s+\d)
               | \d+\s+(?:min(?:ute)?s?|hours?|days?)\s+ago
               | \d{{1,2}}[:.]\d{{2}}
            ).{{0,60}}""",
        100,
    ),
    # A bare date, maybe with a time: "Tuesday, 12 July 2022 10:31 BST", "November 20, 2019 - 11:28 AMT".
    _p(
        "date_line",
        rf"""{_WEEKDAY}?{DATE}
            (?:,?\s*(?:[-–—|•·]|at)?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{{2,5}}(?:[+-]\d+)?)?)?
            \W*""",
        80,
    ),
    # Navigation and player controls standing alone.
    _p(
        "ui_control",
        r"""(?:loading(?:\.\.\.|…)? | skip\s+to\s+(?:main\s+)?content | skip\s+navigation
            | menu | search | close | back\s+to\s+top | home | log\s*in | sign\s+in | log\s*out
            | listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?(?:\s*\d+\s*min(?:ute)?s?)?
            | \d+\s*min(?:ute)?s?\s+read | reading\s+time\W*.{0,20}
            | watch(?:\s+(?:video|now|live))? | play(?:\s+video)? | video | audio
            | open\s+(?:image\s+)?gallery | (?:view|enlarge|expand)(?:\s+this)?\s+(?:image|gallery|photos?)
            | (?:next|previous)(?:\s+(?:article|story))? | toggle\s.{0,30} | (?:hide|show)\s+caption
            | \d+\s*(?:photos?|images|pictures)
            )\W*""",
        60,
    ),
    # Breadcrumbs: "Home > World > Europe".
    _p("breadcrumb", r"(?:[\w&'’ -]{1,30}\s+[>›»]\s+){1,6}[\w&'’ -]{1,30}", 120),
)


def chrome_name(line: str) -> str | None:
    """The name of the first chrome pattern matching the whole (stripped) line, or None."""
    line = line.strip()
    if not line:
        return None
    for pattern in CHROME:
        if len(line) <= pattern.max_chars and pattern.regex.fullmatch(line):
            return pattern.name
    return None
