"""Actors for the offline backend: people, organisations, countries and groups.

Candidates come from surface patterns only:

- people: a title before a capitalised name ("Tajik President Emomali Rahmon"), a
  lower-case role noun before one ("national security adviser H.R. McMaster"), an
  apposition after one ("Brian Darling, a Republican strategist") or a speech verb
  next to one ("said Brian Darling"); surname-only mentions are merged in;
- organisations: capitalised phrases ending in a head word ("International Criminal
  Court", "Defence Ministry") and well-known acronyms;
- countries: a built-in list, plus seat-of-power metonyms ("Moscow") used as subjects;
- groups: a short list of collective names ("Democrats", "Taliban").

Organisations, countries and groups only become actors with a signal that they act:
subject of a verb, speaker of a quote, party to a tension, or (organisations) named
twice or defined by an acronym.
"""

from __future__ import annotations

import itertools
import re
import string
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate

from summarizer._given_names import (
    given_gender,
    honorific_gender,
    shown_form,
    titles_of_other_kinds,
)
from summarizer._schema import Actor, ActorType
from summarizer._text import (
    COMPASS_POINTS,
    FOLDS_TO_ASCII,
    MORE_TITLES,
    NOT_ASCII_WORD,
    Paragraph,
    WordPattern,
    fold_accents,
    is_word_char,
    literal_spans,
    name_tokens,
    one_letter_apart,
    sub_span,
    wordset,
)
from summarizer.backends.offline._describe import _plural as plural_verb
from summarizer.backends.offline._lexicon import (
    ACTING_VERBS,
    AFTER_A_NOUN,
    CLAUSE_OPENERS,
    COUNTRY_FORMS,
    FEMALE_NAMES,
    GENDERED_ROLES,
    GIVEN_NAMES,
    GROUP_HEADS,
    GROUP_MODIFIERS,
    GROUP_NATIONALITIES,
    GROUP_PHRASE_HEADS,
    GROUP_SYNONYMS,
    GROUPS,
    HONORIFIC_GENDER,
    HONORIFICS,
    INSTITUTIONS,
    KIN,
    MALE_NAMES,
    METONYMS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NOT_ACTORS,
    NOT_NAMES,
    ORG_ACRONYMS,
    ORG_HEADS,
    ORG_NOUNS,
    OUTLET_HEADS,
    PEOPLE_PLURALS,
    PEOPLES,
    PERSON_NOUNS,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    PREPOSITIONS,
    RANKS,
    ROLE_NOUNS,
    SAME_BODY,
    SITE_HEADS,
    SOURCE_BY_VERBS,
    SPEECH_ADVERBS,
    SPEECH_VERBS,
    STATE_ADJECTIVES,
    STOP_CAPS,
    TITLES,
    US_STATES,
    WEEKDAYS,
    alternation,
    of_gender,
)

Pos = tuple[int, int]  # (paragraph index, offset)

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿā-ž"
_CAP_PREFIXES = ("Mc", "Mac", "O['’]", "D['’]")
_CAP_REST = rf"[{_LOW}]+(?:[{_UP}][{_LOW}]{{2,}})?(?:[-'’][{_UP}{_LOW}][{_LOW}]+)*"
_CAP = (
    rf"(?:(?:{'|'.join(_CAP_PREFIXES)})?[{_UP}]{_CAP_REST}"
    rf"|(?:al|el)-[{_UP}][{_LOW}]+|(?:[A-Z]\.){{1,2}}(?=\s+[A-Z]))"
)
# A word ends a name token unless a letter, a hyphen or an apostrophe follows; an
# apostrophe may when it opens "'s", or closes the possessive of a word ending in s
# ("Sen. Jeff Sessions’ column": "Jeff Sessions", not "Jeff").
_TOKEN_END = r"(?![\w-])(?!['’](?!s\b)(?!(?<=s['’])\s))"
_TOKEN = rf"(?<![\w.'’-]){_CAP}{_TOKEN_END}"
_PARTICLE = r"(?:de|da|van|von|der|den|bin|ben|al|la|le|du|del|dos)"
# One particle or two before a surname ("Osama bin Laden", "Ursula von der Leyen", "Charles
# de la Fuente"): with one only, "von der Leyen" was cut at the particle ("Ursula").
_PARTICLES = rf"(?:{_PARTICLE}\s+){{0,2}}"
# A date after a name is no part of it ("Chairman Mark Takano Feb. 22"), where a month
# written short may be ("Zhang Jun": `_month_in_name`).
_NOT_DATE = rf"(?!(?:{'|'.join(sorted(MONTH_ABBREVIATIONS))})\.?\s*\d)"
# A regnal or generational numeral ends a name ("Queen Elizabeth II", "Pope John Paul II",
# "T.S. Ellis III"): cut off, the monarch was "Elizabeth" and "King Mohammed VI" merged with
# a "Sidi Mohammed". Not "V" or "X" alone ("I" is a stop word: `STOP_CAPS`).
_NUMERALS = ("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI")
_NUMERAL = rf"(?:\s+(?:{'|'.join(_NUMERALS)}){_TOKEN_END})?"
# A nickname in quotation marks between a given name and the rest ("Joaquin \"El Chapo\"
# Guzman", "Marcia 'Cia' Price"): the name runs on past it (`_clean_name` sets it aside,
# `Registry._add_nicknames` keeps it as a form); cut there, the person was "Marcia" and
# "Price", or nobody.
_NICKNAME = r"\s+[\"“‘'](?P<nick>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?)[\"”’']"
_NICKNAME_BEFORE = rf"(?:{_NICKNAME.replace('?P<nick>', '?:')}(?=\s+{_PARTICLES}{_TOKEN}))?"
_PNAME = rf"{_TOKEN}(?:{_NICKNAME_BEFORE}\s+{_PARTICLES}{_NOT_DATE}{_TOKEN}){{0,3}}{_NUMERAL}"
# `_TOKEN` where a pattern opens with "(?<![\w.])(?=[A-Z])": its capital first, then the
# test of what is before it, then `_CAP`'s ways on in `_CAP`'s order (each prefix, the
# plain name, initials). The same matches; `re` scans for capitals, where a pattern that
# opens with a test is tried at every character (`alternation`'s ``after_first``).
_OPENING_TOKEN = (
    r"[A-Z](?<![\w.'’-].)(?:"
    + "".join(f"(?<={p[0]}){p[1:]}[{_UP}]{_CAP_REST}|" for p in _CAP_PREFIXES)
    + rf"{_CAP_REST}|\.(?:[A-Z]\.)?(?=\s+[A-Z])){_TOKEN_END}"
)
_OPENING_PNAME = (
    rf"{_OPENING_TOKEN}(?:{_NICKNAME_BEFORE}\s+{_PARTICLES}{_NOT_DATE}{_TOKEN}){{0,3}}{_NUMERAL}"
)
_NICKNAMED = re.compile(rf"(?P<first>{_TOKEN}){_NICKNAME}\s+(?P<rest>{_PARTICLES}{_TOKEN})")
_NICKNAME_IN = re.compile(_NICKNAME_BEFORE.removesuffix("?"))
# Where a text holds `_NICKNAME_IN`, it holds this: the same with its opening quotation mark
# first and the white space before it tested after it (`re` scans for the marks, where a
# pattern opening with "\s+" is tried at every character: `Registry._add_nicknames`).
_NICKNAME_MARK = re.compile(
    _NICKNAME_IN.pattern.replace(r"(?:\s+[\"“‘']", r"(?:[\"“‘'](?<=\s.)", 1)
)
_TITLES_BY_LENGTH = [re.escape(t) for t in sorted(TITLES + PERSON_TITLES, key=len, reverse=True)]
_TITLE_ALT = alternation(_TITLES_BY_LENGTH)
# A title opening with a capital that has no word character or "." before it, tested after
# the capital (`alternation`'s ``after_first``): `re` scans for the titles' first letters.
_CAPITAL_TITLE = alternation(
    (t for t in _TITLES_BY_LENGTH if "A" <= t[0] <= "Z"), after_first=r"(?<![\w.].)"
)
_TITLED = re.compile(rf"(?P<title>{_CAPITAL_TITLE})\s+(?P<name>{_PNAME})")
_ROLES = alternation(sorted(ROLE_NOUNS, key=len, reverse=True))
# "first lady Laura Bush": a role before a name only ("a first lady historian" is one).
_ROLE_NOUNS_BEFORE = ROLE_NOUNS | {"first lady"}
_ROLES_BEFORE = alternation(sorted(_ROLE_NOUNS_BEFORE, key=len, reverse=True))
# A person's post at a body they work for (`_EMPLOYED_AT`): a role noun, or a head or manager.
_ROLES_EMPLOYED = alternation(sorted(ROLE_NOUNS | {"head", "manager"}, key=len, reverse=True))
_ROLE_BEFORE = re.compile(rf"\b(?P<role>{_ROLES_BEFORE})\s+(?P<name>{_PNAME})")
# "The US defense secretary, Jim Mattis, is expected to": a role, then the name between
# commas, or before the body it serves ("the judge, Gonzalo P. Curiel of United States
# District Court, was"), or ending its sentence ("a meeting with the country's leader, Kim
# Jong-un."). The role may name what it serves first ("China's new ambassador to the United
# Nations, Zhang Jun, said") or run on in small words ("the Russian chief of general staff,
# Valery Gerasimov, warned").
_ROLE_SERVES = (
    r"(?:\s+(?:to|of|at|for)\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*"
    r"|\s+of\s+[a-z]+(?:\s+[a-z]+)?)?"
)
_ROLE_COMMA = re.compile(
    rf"\b(?P<role>(?:{_ROLES}){_ROLE_SERVES}),\s+(?P<name>{_PNAME})"
    r"(?:,|\s+of\s+(?:the\s+)?[A-Z]|\.(?=\s|$))"
)
# Where a role word opens, before a space or a comma: every match of `_ROLE_BEFORE` and of
# `_ROLE_COMMA` opens at one of these, so one scan of the paragraph finds where to try
# both (`_matches_at`), where each was a scan trying the roles at every word. The scan is
# one with the speech verbs' (`_role_and_verb_starts`).
_ROLE_AHEAD = rf"(?=(?:{_ROLES_BEFORE})[\s,])"
# "Rahm Emanuel, his chief of staff, urged", "Marc Short, Pence's chief of staff,": an
# owner's role is an apposition as much as "the" one is.
_APPOSITION_TAIL = rf",\s+(?:a|an|the|his|her|their|[A-Z][\w.-]*['’]s)\s+(?:[\w.'’-]+\s+){{0,5}}?(?P<role>{_ROLES})\b"
_APPOSITION = re.compile(rf"(?P<name>{_OPENING_PNAME}){_APPOSITION_TAIL}")
# "Henry Crespo, president of ...", "Donna Rawlings, 59, of Ashton": an apposition with
# no article, or an age, right after a full name.
_BARE_APPOSITION_TAIL = (
    rf",\s+(?:\d{{1,3}},\s+)?(?P<role>(?:{_ROLES})\s+(?:of|at|for)\b"
    r"|of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
)
_BARE_APPOSITION = re.compile(rf"(?P<name>{_OPENING_PNAME}){_BARE_APPOSITION_TAIL}")
# "Darren Whitcombe, 41, was jailed", "Mary Ellis, 63, from Leeds": a full name and an age
# between commas (the role left empty: it says none).
_AGED_TAIL = r",\s+\d{1,3},\s+(?P<role>)"
_AGED = re.compile(rf"(?P<name>{_OPENING_PNAME}){_AGED_TAIL}")
_AGED_AFTER = re.compile(r",\s+\d{1,3},")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence of ``text`` (or the text itself)."""
    before = text[:start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?;:"


# (the test before the capital made after it: `re` scans for capitals, as for `_TITLED`)
_CAPITAL_ROLE_BEFORE = re.compile(rf"(?P<role>[A-Z](?<![\w.'’-].)[a-z-]+)\s+(?P<name>{_PNAME})")
_MILITARY = frozenset({"General", "Admiral"})
# Place prepositions that a body's name does not follow ("in Cleveland"; not "from WikiLeaks").
_ONLY_PLACES = PLACE_PREPOSITIONS - {"at", "from", "into", "through", "via"}
# The noun right before a name that makes it a storm's or a ship's ("storm Mangkhut", "the
# aircraft carrier Theodore Roosevelt", "USS Cole"). A bare "carrier" is not one: "the
# wireless carrier Verizon", "the carrier Delta" are companies.
_THING_WORDS = [
    "storm",
    "typhoon",
    "hurricane",
    "cyclone",
    "ship",
    "vessel",
    "warship",
    "destroyer",
    "frigate",
    "submarine",
    "tanker",
    "uss",
    "hms",
]
_THING_NOUN = rf"(?:{'|'.join(_THING_WORDS)}|aircraft[ \t]+carrier)[ \t]+"
_THINGS = rf"(?<![\w-]){_THING_NOUN}"
_THING_BEFORE = re.compile(rf"{_THINGS}$", re.I)
# Such a noun anywhere in an article (17 of the 384 tuning articles have one): looked for
# once, before `_THING_BEFORE` is searched before each of its names: at the text's start,
# then after a character that is no word character or "-" (`_THINGS`'s lookbehind), which
# `re` scans for, where `_THINGS` is tried at every character (`_holds_thing_noun`).
_THING_AT_START = re.compile(_THING_NOUN, re.I)
_THING_FIRST_WORDS = (*_THING_WORDS, "aircraft")  # one of them in every match, in some case
# (The words grouped by first letter, `alternation`: all in lower case, no two groups
# match at one place even case-blind. The character before scanned for as `NOT_ASCII_WORD`
# or "-", then tested.)
_THING = re.compile(
    r"[^0-9A-Z_a-z-](?<=[^\w-])"
    rf"(?i:{alternation(_THING_WORDS)}|aircraft[ \t]+carrier)[ \t]+"
)
# What makes a country's name a newspaper's ("USA TODAY", "China Daily"): no form of it.
_MASTHEAD = re.compile(r"\s+(?:TODAY|Today|Daily)\b")
# Nouns a group head qualifies ("police officer", "police chief", "troops commander").
_QUALIFIED_NOUNS = (
    ROLE_NOUNS
    | PERSON_NOUNS
    | wordset(
        "department station force union headquarters car academy commissioner spokesman "
        "spokeswoman spokesperson custody leadership handling bail brutality misconduct"
    )
)
# A state's armed forces, after its name or adjective ("U.S. troops", "Russian soldiers"):
# the state acting (`Registry._fold_state_forces`).
_STATE_FORCES = wordset("troops forces soldiers military")
# Nouns after a group word that name the group's own body or voice ("police department",
# "police spokesman"): the group is meant there (`Registry._index`).
_THE_BODY_ITSELF = wordset("department force spokesman spokeswoman spokesperson")
# Last words of a place's name, never of a person's ("Trump Tower", "Foggy Bottom").
_PLACE_HEADS = (
    PLACE_HEADS
    | SITE_HEADS
    # things, not places: a war, a law or a pact ("Cold War", "Rome Statute", "Paris Accord")
    | wordset("War Statute Treaty Accord Accords Act Convention Center Centre Agreement Doctrine")
)
# Last words of an event's or a contest's name ("Ashes Test", "Challenge Cup", "Asian
# Games"): a "person" named so is no actor (`Registry._a_thing_or_place`).
_EVENT_HEADS = wordset(
    "Cup Trophy Championship Championships Test Olympics Prix Games National Marathon Derby"
)
# First words of a match's or a contest's part, never of a person's name ("Second Half
# begins", "First Round"): a "person" named so is live commentary's debris.
_ORDINALS = wordset("First Second Third Fourth Fifth Final")
# First words of a broadcaster's name, never of a person's ("BBC Radio Oxford travel
# reporter"): a "person" named so with no signal is an outlet named as a qualifier.
_OUTLET_FIRST = wordset("Radio Television TV Channel")
# Last words of a body's name that are nobody's surname ("an Air Force bomber task force"):
# a "person" named so with no signal is a body named as a qualifier (`_named_no_one`).
_BODY_LAST = wordset(
    "Force Forces Corps Regiment Brigade Battalion Squadron Fleet Ministry Department Agency "
    "Commission Committee Council Institute University Foundation Association Organization "
    "Organisation Authority Administration Bureau"
)
# A place's name as the subject of a speech verb ("Downing Street said", "Buckingham Palace
# declined to comment"): the body seated there speaking (`Registry._add_speaking_seats`).
_SEAT_SAID = re.compile(  # the capital first, the test before it after it (`_ONE_WORD`)
    rf"(?P<seat>[A-Z](?<![\w.'’-].)[a-z]+\s+(?:{alternation(sorted(_PLACE_HEADS))}))"
    r"\s+(?:(?:has|had|also|later|then)\s+)?"
    rf"(?:{alternation(sorted(SPEECH_VERBS))}|did not comment|declined to comment)\b"
)
# A person named by one word the article says is all it gives ("The woman, identified only
# by her surname Wang", "a man surnamed Li").
_SURNAMED = re.compile(
    r"\b(?:identified only (?:by (?:his|her) (?:surname|family name|first name)|as)|surnamed)"
    r"\s+(?P<name>[A-Z][a-z]+)\b"
)
# An institution described by its kind as a speech verb's subject ("The hospital, however,
# argued that") or a verb with an auxiliary ("The council is now paying"; not a bare past
# tense, "the council filed", which also opens a clause inside another's sentence): kinds
# whose names hold the kind's word ("Shenyang Central Hospital").
_INSTITUTION_SAID = WordPattern(  # "\b" before it, searched after a non-word character
    r"[Tt]he\s+(?P<noun>hospital|school|university|college|church|zoo|hotel|council|club|"
    r"museum|prison|charity)(?:,\s+[a-z]+(?:\s+[a-z]+)?,)?\s+(?:also\s+)?"
    rf"(?:{alternation(sorted(SPEECH_VERBS))}|denied|declined"
    r"|(?:is|was|has|had|will)\s+(?:now\s+|also\s+)?[a-z]+(?:ing|ed))\b"
)
# Verbs by which someone joins a party or body ("defected to", "joined").
_JOINS = r"\b(?:join(?:s|ed|ing)?|(?:defect|switch)(?:s|ed|ing)?\s+to)"
# A capital inside a word: one name ("WikiLeaks", "BuzzFeed"), not a plural ("Cubans").
_CAMEL = re.compile(r"[a-z][A-Z]")
_PARTICIPLE_LINE = re.compile(r"\s+[a-z]+ed\s*[.!]")  # "Attempt| missed." (`_commentary_line`)
_TITLE_WORDS = frozenset(w for t in TITLES + MORE_TITLES + PERSON_TITLES for w in t.split()) - {
    "of"
}
_TITLES_AND_HONORIFICS = _TITLE_WORDS | HONORIFICS  # united once, not per token
# Before a bare surname (`Registry._find_shared_surnames`): "the" ("the Clinton camp"), or a
# capitalised word that does not open its sentence ("62-year-old Brenda Johnson"), searched
# in a window of this many characters before it.
# (Each opens with its first letter and tests what is before it after it, as `_TITLED`:
# searched in a window, a pattern that opens with a test is tried at every character.)
_THE_BEFORE = re.compile(r"[Tt](?<!\w.)he\s+$")
_WORD_BEFORE = re.compile(r"([A-Z](?<!^.)(?<!\w.)(?<![.!?”\"’]\s.)[\w'’-]*)\s+$")
_BEFORE_WINDOW = 200
_NOT_GIVEN = STOP_CAPS | _TITLE_WORDS | HONORIFICS  # words before a surname that are no given name
# Title words that end a title ("Speaker", "Senator"), not those that begin an
# organisation's name too ("General Assembly", "Foreign Ministry").
_TITLE_HEADS = frozenset(
    t for t in TITLES + MORE_TITLES + PERSON_TITLES if " " not in t and t[0].isupper()
) - {
    "General",
    "Justice",
    "Leader",
    "Attorney",
}
# A party word in front of a name ("Republican Donald Trump") is no part of it.
_PARTY_WORDS = frozenset({"Republican", "Democrat", "Democratic", "Libertarian", "GOP"})
# Words before a body's name that only qualify it ("the Democratic Senate", "the
# Republican-led House", "Washington-based"), and the chambers a committee belongs to.
_QUALIFIER = re.compile(
    r"Republican|Democrat|Democratic|GOP|Bipartisan|[A-Z][\w.]*-(?:led|controlled|based|run)"
)
_COMMITTEES = frozenset({"Committee", "Subcommittee"})
_CHAMBERS = frozenset({"House", "Senate", "U.S. House", "U.S. Senate"})
_SERVICES = frozenset({"Army", "Navy", "Marines"})
_PEOPLES_TIMES = 4  # a people (`PEOPLES`) named this often is one the story is about
_ABROAD_TIMES = 3  # a foreign country named this often as a noun of its own is a party
# The home country as a place after "the" ("in the United States", "entering the United
# States"): no party for being named so.
_INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?\s+$")  # (`Registry._only_indefinite`)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|an?)\s+$")  # (`Registry._premodifier`)
_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b(?![-'’])")
_PLACE_THE = re.compile(r"\b(?:in|into|across|throughout|entering)\s+the\s+$")
# "to" right after a verb of going or after "back": "went to", "flown back to the", "take
# their son back to" (`_a_destination`); not a thing sent or returned to a state ("sent a
# letter to Iran", "returned the island to China"), which is a party
_GOES_TO = re.compile(
    r"\b(?:go|goes|going|gone|went|move[sd]?|moving|travell?(?:ed|ing)?|travels|flown|flew|fly"
    r"|flies|return(?:s|ed|ing)?|deport(?:ed|ation)?|fled|flee|came|come|trips?"
    r"|emigrat(?:ed|e|ing)|relocat(?:ed|e|ing)|back)\s+to\s+(?:the\s+)?$"
)
_VERBS = alternation(sorted(SPEECH_VERBS))
_ADVS = alternation(sorted(SPEECH_ADVERBS))
_SUBJECT_SAID = re.compile(rf"(?P<name>{_OPENING_PNAME})\s+(?:(?:{_ADVS})\s+)?(?:{_VERBS})\b")
# "Rucker Culpepper, who runs the campaign's effort, said": an aside between name and verb;
# its place may hold a comma ("Ann Brody, a teacher from Dayton, Ohio, said").
_ASIDE_SAID_TAIL = rf",[^,\"“”]{{1,120}}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,\s+(?:(?:{_ADVS})\s+)?(?:{_VERBS})\b"
_SUBJECT_ASIDE_SAID = re.compile(rf"(?P<name>{_OPENING_PNAME}){_ASIDE_SAID_TAIL}")
_ASIDE_SAID = re.compile(_ASIDE_SAID_TAIL)
# A speech verb right after a comma's space ("..., Zainab, told CNN").
_SPEAKS_NEXT = re.compile(rf"\s+(?:(?:{_ADVS})\s+)?(?:{_VERBS})\b")
# What may stand before a name that opens its sentence: "The", an owner ("The UN’s").
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?][\"”’']?\s+)(?:The\s+)?(?:[A-Z][\w.]*['’]s\s+)?$")
_AUXILIARIES = (
    "is",
    "was",
    "were",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "has",
    "have",
    "had",
    "also",
    "did",
    "does",
    "do",
)
# "James Pethokoukis of the American Enterprise Institute wrote": a full name, the body
# it speaks for, and the speech verb, or a verb it does ("Abu Omar al-Baghdadi of al Qaeda
# criticized the government"; "al" may open the body's name).
_OF_ACTS = alternation(sorted(ACTING_VERBS - set(_AUXILIARIES)))
_OF_SAID_TAIL = (
    rf"of\s+(?:the\s+)?(?:(?:al|el)\s+)?(?:[A-Z][\w&'’.-]*\s+"
    rf"(?:(?:of|for|and|on)\s+(?:the\s+)?)?){{1,6}}(?:(?:{_ADVS}|recently|also)\s+)?"
    rf"(?:{_VERBS}|{_OF_ACTS}|[a-z]{{3,}}ed)\b"
)
_SUBJECT_OF_SAID = re.compile(rf"(?P<name>{_OPENING_PNAME})\s+{_OF_SAID_TAIL}")
# The part of a pattern after the name, searched first: without it in a paragraph the
# pattern finds nothing there, and it is cheap to search (it opens with a literal), where
# the pattern is tried at every capital. Keyed by the pattern's id: hashing a compiled
# pattern hashes all its compiled code, on every look-up (0.6 ms per article).
_TAILS = {
    id(_APPOSITION): re.compile(_APPOSITION_TAIL),
    id(_BARE_APPOSITION): re.compile(_BARE_APPOSITION_TAIL),
    id(_AGED): re.compile(_AGED_TAIL),
    id(_SUBJECT_ASIDE_SAID): re.compile(_ASIDE_SAID_TAIL),
    id(_SUBJECT_OF_SAID): re.compile(_OF_SAID_TAIL),
}
# A tail's own end, searched before it where the tail is dear: `_ASIDE_SAID_TAIL` runs
# through the aside and back from every comma, its end (", said") is a scan for commas
# (38 -> 6 ms over the 8,829 paragraphs of the tuning articles, 560 holding the end, 419
# the tail).
_TAIL_ENDS = {id(_SUBJECT_ASIDE_SAID): re.compile(rf",{_SPEAKS_NEXT.pattern}")}
# "noted NBC's Dante Chinni": the owner before the name is kept out of it
# Where a speech verb opens: every match of `_SAID_SUBJECT` opens at one, so one scan
# finds where to try it, and whether the paragraph has a verb at all (`_said_matches`).
_VERB_AHEAD = rf"(?=(?:{_VERBS})\b)"
# A role word's opening (`_ROLE_AHEAD`, its word in the group "role") or a speech verb's
# (`_VERB_AHEAD`): after a non-word character, or at a text's start (`_role_and_verb_starts`).
_ROLE_OR_VERB_AHEAD = rf"(?=(?P<role>{_ROLES_BEFORE})[\s,]|(?:{_VERBS})\b)"
# (The non-word character scanned for as `NOT_ASCII_WORD`, then tested.)
_ROLE_OR_VERB_STARTS = re.compile(rf"{NOT_ASCII_WORD}{_ROLE_OR_VERB_AHEAD}(?<=\W)")
_ROLE_OR_VERB_AT_START = re.compile(_ROLE_OR_VERB_AHEAD)
_SAID_SUBJECT = re.compile(
    rf"\b(?=[a-z])(?:{_VERBS})\s+(?P<owner>[A-Z][\w.&]*['’]s\s+)?(?=[A-Z])(?P<name>{_PNAME})"
)
# "David Vitter (R-La.)": a US legislator's party and state after a name.
_PARTY_MARK = re.compile(r"\([RDI]-[A-Z]")  # a cheap test before the costly pattern
_PARTY_STATE = re.compile(rf"(?P<name>{_OPENING_PNAME})\s+\([RDI]-[A-Z][\w.]{{1,12}}\)")
# A quotation credited after a dash: “...” ― Pamela Padilla
_DASH_CREDIT = re.compile(rf"[”\"][ \t]*[―—–][ \t]*(?P<name>{_PNAME})[ \t]*[.]?[ \t]*$", re.M)
# Its dash, searched first (`_has_tail`): 95 % of paragraphs (tuning, half A) have none, where the
# pattern is tried at every closing quotation mark.
_TAILS[id(_DASH_CREDIT)] = re.compile("[―—–]")
# "St. Paul"; "the F.B.I." (New York Times style)
_ORG_WORD = r"(?:U\.S\.|U\.N\.|St\.(?=\s+[A-Z][a-z])|(?:[A-Z]\.){2,5}|[A-Z][\w&'’-]*|[A-Z]{2,})"
# `_ORG_WORD` opening a phrase: its capital first, the test before it after it (as
# `_OPENING_TOKEN`), then its ways on in its order.
_OPENING_ORG_WORD = (
    r"[A-Z](?<![\w.'’-].)(?:(?<=U)\.S\.|(?<=U)\.N\.|(?<=S)t\.(?=\s+[A-Z][a-z])|(?:\.[A-Z]){1,4}\."
    r"|[\w&'’-]*|[A-Z]+)"
)
# "on" inside a body's name, after the nouns that take it ("House Select Committee on
# Benghazi", "Council on Foreign Relations"); not a day's ("the Council on Friday") nor
# where it sits ("the House Oversight Committee on Capitol Hill").
_ON_HEADS = _COMMITTEES | {"Commission", "Council"}
_ON_NOT = WEEKDAYS | MONTHS | {"Capitol"}
_ON_JOIN = (
    rf"(?:{'|'.join(f'(?<={h})' for h in sorted(_ON_HEADS))})\s+on\s+"
    rf"(?!(?:{'|'.join(sorted(_ON_NOT))})\b)"
)
_ORG_PHRASE = re.compile(
    rf"{_OPENING_ORG_WORD}(?:(?:{_ON_JOIN}|\s+(?:(?:of|for|and|&)\s+(?:the\s+)?)?){_ORG_WORD})*"
    r"(?![\w'’-])"
)
_BEFORE_NAME = re.compile(
    rf"\s+(?:(?:[a-z-]+\s+)?(?:{_ROLES})|(?:[A-Z][a-z]+\s+)?(?:{_TITLE_ALT}))\s+[A-Z]"
)
_FULL_NAME = re.compile(
    rf"{_OPENING_TOKEN}(?:{_NICKNAME_BEFORE}\s+{_PARTICLES}{_TOKEN}){{1,2}}(?!\s+[A-Z])"
)
# The rest of a list of full names after its first ("..., Ted Cruz and Rand Paul"), whose
# verb every name in it is the subject of ("Ben Carson, Ted Cruz and Rand Paul have all
# attacked the program").
_LIST_REST = re.compile(
    rf"(?:,\s+{_TOKEN}(?:\s+{_TOKEN}){{1,2}})*,?\s+(?:and|or)\s+{_TOKEN}(?:\s+{_TOKEN}){{1,2}}"
)
_ALL = re.compile(r"(?:\s+(?:have|has|had))?\s+(?:all|both|each)(?=\s+[a-z]+ed\b)")
# Two capitalised words and "and" before a name: a list of names ("Jose Aldo and").
_NAMES_AND = re.compile(r"[A-Z][\w'’-]*,?\s+[A-Z][\w'’-]*,?\s+and\s+$")
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s+$")
_PROPER_NOUN_BEFORE = re.compile(r"(?:\b(?:the|The|of|for|and|on)|[A-Z][\w.]*['’]s)\s+$")
# A title's "of" phrase before a name ("Chancellor of the Exchequer Kenneth Clarke",
# "Archbishop of Canterbury Justin Welby"): the capitalised word after it ends the title.
_TITLE_OF = re.compile(r"\b[A-Z][a-z]+\s+of(?:\s+the)?\s+$")


def _given_in_second(tokens: tuple[str, ...]) -> bool:
    """Whether a three-word name's second word, not its first, is a known given name."""
    return len(tokens) == 3 and tokens[1] in GIVEN_NAMES and tokens[0] not in GIVEN_NAMES


def _proper_noun_before(text: str, end: int) -> re.Match[str] | None:
    """`_PROPER_NOUN_BEFORE` searched in ``text`` up to ``end``, from the last word before
    it: a match is one word and the white space after it, so the same match as searching
    from the paragraph's start, where the pattern is tried at every position."""
    word_end = len(text[:end].rstrip())
    if word_end == end or word_end == 0:
        return None  # no white space before ``end``, or nothing but white space
    word = text[:word_end].rsplit(None, 1)[-1]
    return _PROPER_NOUN_BEFORE.search(text, word_end - len(word), end)


_STATE_OF = {f: c for c, o in COUNTRY_FORMS.items() for f in (c, *o)} | METONYMS
_STATE_WORDS = frozenset(_STATE_OF) | GROUPS
# The state words by their first word (`Registry._add_countries_and_groups`: split once).
_STATE_FIRSTS: dict[str, list[str]] = {}
for _word in sorted(_STATE_WORDS):
    _STATE_FIRSTS.setdefault(_word.split()[0], []).append(_word)
_BEFORE_PLACE = PREPOSITIONS | PLACE_PREPOSITIONS
# "Russia's Vladimir Putin", "NBC's Dante Chinni": a state or an acronym owns a person.
_STATE_OWNER = re.compile(
    rf"(?:{'|'.join(sorted(map(re.escape, _STATE_OF), key=len, reverse=True))}|[A-Z]{{2,}})['’]s\s+$"
)
_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Z.]{1,8})\)")
_ACTING = re.compile(rf"^(?:\s+(?:{'|'.join(sorted(ACTING_VERBS))})\b|\s+[a-z]+ed\b)")
# First words of place names that look like a first and last name ("New Hampshire").
# A firm's name of two capitalised words joined by "&" ("Duff & Phelps", "Marks & Spencer").
_AMPERSAND = re.compile(r"(?<!& )(?<![\w.'’-])[A-Z][a-z]+ & [A-Z][a-z]+(?![\w'’-]| &)")
# An acronym the article names this often on its own, once as an owner ("UKIP's national
# executive", "UKIP chairman Paul Oakden", "support UKIP"): the body the story is about.
_OWNER_TIMES = 5
_PLACE_STARTS = frozenset(
    [
        "New",
        "San",
        "Santa",
        "Los",
        "Las",
        "Fort",
        "Saint",
        "St",
        "Port",
        "Mount",
        "Lake",
        "Cape",
        "Camp",  # "Camp David"
        # (not "Central" of `REGION_OPENERS`: "Central Intelligence Agency", "Central Bank")
        *COMPASS_POINTS,
    ]
)
# Role nouns that say a gender: every relative's and the other gendered roles' (`_role_gender`).
_FEMALE_ROLES = of_gender(KIN, "f") | of_gender(GENDERED_ROLES, "f")
_MALE_ROLES = of_gender(KIN, "m") | of_gender(GENDERED_ROLES, "m")
# Endings of plural nouns that open a sentence as a speaker ("Demonstrators said").
_PLURALS = ("ers", "ors", "ists", "ants", "ents", "ians", "ics")
# "he", "his", "him", "she", "her", "hers" (`Registry._infer_genders`), as
# r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er|[Hh]ers)\b" with its first letter first (the
# test before it after it, as `_TITLED`'s): `re` scans for the first letters.
_GENDER_PRONOUN = re.compile(r"[HhSs](?<!\w.)(?:(?<=[Hh])(?:e|is|im|er|ers)|(?<=[Ss])he)\b")
_SHE_WORDS = frozenset({"she", "her", "hers"})
# "He" or "She" opening a sentence (not a quotation: '"He lied," she said'): whom the
# sentence before named first.
_OPENING_PRONOUN = re.compile(r"\s*(He|She)\b")
_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*")
# Heads written either way round: "Justice Department", "Department of Justice".
_TURNING_HEADS = frozenset({"Department", "Ministry", "Office", "Bureau", "Agency", "Commission"})
# One capitalised word, or an acronym, hyphenated parts included ("Al-Shabaab", "AFL-CIO").
_ONE_WORD = re.compile(  # the capital first, the test before it after it (`_OPENING_TOKEN`)
    rf"[{_UP}](?<![\w.'’-].)(?:[{_LOW}]{{2,}}(?:[A-Z][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)*"
    rf"(?:-[a-z]+-[A-Z])?|(?<=[A-Z])[A-Z]{{1,5}}(?:-[A-Z]{{2,6}})?)(?![\w'’-])"
)  # "Tesla", "BuzzFeed", "Al-Shabaab", "Chick-fil-A", "ZTE", "AFL-CIO"
# Companies the stop list holds for page debris ("Share on Facebook"); they count as
# actors only where they act ("Twitter said", "Facebook has removed").
_PLATFORMS = frozenset({"Facebook", "Twitter", "LinkedIn", "Instagram", "WhatsApp", "Pinterest"})
_DOES = re.compile(
    rf"\s+(?:(?:has|have|had|also|will|would)\s+[a-z]+ed\b|(?!(?:{'|'.join(_AUXILIARIES)})\b)"
    rf"(?:{'|'.join(sorted(ACTING_VERBS | SPEECH_VERBS))}|[a-z]+ed)\b)"
)
# "Hillary Clinton has backed", "Jeb Bush pointed out", "Mike Pence says": a verb right
# after a full name, so the name is its subject.
# Not a reporter's credit ("Chris Moody contributed to this report", "... reported from").
# An adverb may stand between ("Jeb Bush quickly conceded", "Hillary Clinton repeatedly said").
_SUBJECT_VERB = re.compile(
    r"(?:\s+(?!only\b)[a-z]{3,}ly(?=\s))?"
    r"(?!\s+(?:contributed|reported|reports|reporting|wrote|writes)\b)"
    rf"(?:{_DOES.pattern}|\s+(?:is|was|has|had)\s+(?:also\s+)?[a-z]+(?:ing|ed|en)\b)"
)
# An apposition after a name, a phrase opened by an article and closed by a comma ("Tesla,
# the electric carmaker, has hiked"): the verb after it is the name's.
_APPOSED = re.compile(r",\s+(?:the|a|an)\s+[^,;:.!?\"“”]{3,80},")
_GOVERNMENT = re.compile(  # (the test before the first letter after it, as `_TITLED`'s)
    r"[A-Zc](?<![\w.'’-].)(?:(?<=[A-Z])[a-z]+ administration"
    r"|(?:(?<=[Cc])ongressional|(?<=H)ouse|(?<=S)enate) (?:Democrats|Republicans))\b"
)
_GOVERNMENT_WORDS = frozenset({"administration", "Democrats", "Republicans"})
# A person named by one word after a word for a relation or an age ("her newborn daughter
# Stella", "husband Bill", "5-year-old Youssif"): family stories name children and
# spouses by the given name alone (`Registry._add_kin_named`).
# Every relative's word, and the words for a small child, who is named the same way.
_KIN_BEFORE_NAME = (*KIN, "baby", "newborn", "toddler")
_KIN_WORDS = alternation(_KIN_BEFORE_NAME)
_KIN_NAME = r"\s+(?P<name>[A-Z][a-z]+)\b(?![ \t]+[A-Z])"
_AGE_UNITS = "year|month|week"  # "5-year-old"
_KIN_NAMED = re.compile(rf"\b(?:{_KIN_WORDS}|[\w-]+-(?:{_AGE_UNITS})-old){_KIN_NAME}")
# What a match of `_KIN_NAMED` holds from its relation word, or its age's "-year-old", on:
# no test before it, so `re` scans for the words' first letters (`_kin_named`).
_KIN_AHEAD = re.compile(rf"(?:{_KIN_WORDS}|-(?:{_AGE_UNITS})-old){_KIN_NAME}")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
# A run of ASCII letters (`_letter_runs`): a head `_GROUP_PHRASE` matches is one, whole
# (`_group_heads_in`), and so is the start of a relation word (`_KIN_RUNS`).
_LETTER_RUN = re.compile("[A-Za-z]+")
# The runs of ASCII letters a relation word of `_KIN_WORDS` opens (the word, or "fianc" of
# "fiancée"), and the ages: an article holding neither holds no `_KIN_NAMED` match.
_KIN_RUNS = frozenset(run[0] for w in _KIN_BEFORE_NAME if (run := _LETTER_RUN.match(w)))
_KIN_AGES = tuple(f"-{unit}-old" for unit in _AGE_UNITS.split("|"))
_KIN_TIMES = 3  # named this often on its own: one of the story's people, not a passing child
# "the Scottish government", "The Welsh Government": a devolved government of the UK, named
# by its nation's adjective (the UK's nations are no states of their own in COUNTRY_FORMS).
_DEVOLVED = re.compile(
    r"(?<![\w.'’-])(?:Scottish|Welsh|Northern Ireland) (?:[Gg]overnment|Executive)\b"
)
# "the Chinese embassy in Islamabad", "the Russian consulate": a state's mission.
_MISSION = re.compile(
    r"(?<![\w.'’-])(?P<adjective>(?:(?:North|South) )?[A-Z][a-z]+) (?P<kind>embassy|consulate)"
    r"(?: in (?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?)?\b"
)
# A deed a state's possessive owns: "China's \"Strike Hard\" campaign", "Russia's invasion".
_DEED = re.compile(
    r"['’]s\s+(?:[\"“][^\"”]{1,40}[\"”]\s+)?(?:campaign|crackdown|invasion|offensive|"
    r"blockade|sanctions|annexation|decision|threats?)\b"
)
# "the Zhangzhou fire department wrote", "the Russian foreign ministry doubled down": a
# body named by its place or state and a lower-case department.
_DEPARTMENT = re.compile(
    r"(?<=\b[Tt]he )(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?P<kind>(?:fire|police|health|"
    r"foreign|interior|defen[cs]e|justice) (?:department|ministry))\b"
)
# "and the media are", "and China have blocked": the second half of a pair that is the
# subject of a plural verb.
_PAIR_SUBJECT = re.compile(
    r"\s+and\s+(?:the\s+[a-z]+|(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)"
    r"\s+(?:are|were|have|want|say|said|think|believe|argue|agreed|oppose|support|[a-z]+ed)\b"
)
# A list of names that is the subject of a plural verb: "France, Germany and Britain,
# which have been trying", "Russia and China insist", "Google, Facebook and Twitter face".
# A name's words do not run on past a full stop ("Liberia. It increased").
_LIST_NAME = r"(?:the\s+)?[A-Z][\w.'’&-]*(?:(?<!\.)\s+[A-Z][\w.'’&-]*){0,3}"
_LIST_SEPARATOR = re.compile(r",?\s+and\s+|,\s+")


def _plural_present(verb: str) -> str:
    """ "insists" -> "insist", "denies" -> "deny", "pushes" -> "push"."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    return verb[:-2] if verb.endswith(("ches", "shes", "sses")) else verb[:-1]


_LIST_VERBS = {_plural_present(v) for v in ACTING_VERBS if v.endswith("s") and len(v) > 3} | {
    v for v in ACTING_VERBS if not v.endswith("s")
}
_LIST_SUBJECT = re.compile(
    rf"(?P<names>{_LIST_NAME}(?:,\s+{_LIST_NAME}){{0,4}},?\s+and\s+{_LIST_NAME})"
    r"(?P<which>,\s+(?:which|who)\b)?\s+(?:also\s+)?"
    rf"(?:{'|'.join(sorted(_LIST_VERBS - {'doe'}))}|are|[a-z]+ed)\b"
)
# What every list it finds holds, searched first: the last word of a name, "and" and the
# capital of the next name (840 of the 4107 tuning paragraphs with " and " have it).
_LIST_AND = re.compile(r"[A-Z][\w.'’&-]*,?\s+and\s+(?:the\s+)?[A-Z]")
# A party word before a group's head names that party's members ("GOP senators").
_PARTY_OF = {
    "Republican": "Republicans",
    "GOP": "Republicans",
    "Democratic": "Democrats",
    "Democrat": "Democrats",
}
# One party's names, the members' first: "Republicans", "GOP" and "Republican Party" are
# one actor.
_PARTY_NAMES = (
    ("Republicans", "Republican Party", "GOP"),
    ("Democrats", "Democratic Party"),
    ("Labour Party", "Labour"),  # Britain's (the Daily Mail's "Labour received ...")
    ("Conservatives", "Conservative Party", "Tories"),
    ("Liberal Democrats", "Lib Dems"),
)
# "Party" after a party's one-word name ("Oslo Labour Party Candidate Phil Vang"): the
# party's own name, found as an organisation's, not a mention of "Labour" alone.
_PARTY_BEFORE = re.compile(r"\s+Party\b")
# What a plural subject does in the present ("Republicans are slamming", "Democrats want").
_PLURAL_ACTS = re.compile(r"\s+(?:are|want|say|think|seem|try|believe|argue|worry)\b")
# The shortest clipped word of a body's short name ("Lib Dems" for "Liberal Democrats").
_CLIP_MIN = 3
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")  # `[a-z]`


def _lengthened(text: str, stem: str) -> bool:
    """Whether ``stem`` occurs in ``text`` with a lower-case ASCII letter right after it,
    as every word of `Registry._unclipped`'s pattern needs ("Lib" in "Liberal")."""
    i = text.find(stem)
    while i != -1:
        end = i + len(stem)
        if end < len(text) and text[end] in _LOWER:
            return True
        i = text.find(stem, i + 1)
    return False


_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV", "Junior", "Senior"})
# A suffix spelled out, as British papers write it ("Robert Downey Junior"): one spelling.
_SPELLED_SUFFIXES = {"junior": "jr", "senior": "sr"}
# A described group: up to two qualifiers and a plural head ("anti-government protesters",
# "Russian-backed separatists", "House Republicans' allies" is no group of its own).
_GROUP_WORD = alternation(
    re.escape(w)
    for w in sorted(
        GROUP_MODIFIERS | {w[0].upper() + w[1:] for w in GROUP_MODIFIERS if w[0].islower()},
        key=len,
        reverse=True,
    )
)
_GROUP_HEAD_FORMS = sorted(
    GROUP_PHRASE_HEADS | {w.title() for w in GROUP_PHRASE_HEADS}, key=len, reverse=True
)
_GROUP_HEAD = alternation(_GROUP_HEAD_FORMS)
_GROUP_HEAD_SET = frozenset(_GROUP_HEAD_FORMS)
_GROUP_PHRASE = re.compile(
    rf"(?<![\w.'’-])(?:(?:{_GROUP_WORD}|(?:[Aa]nti|[Pp]ro)-[A-Za-z]+|[A-Z][a-z]+-(?:backed|led))"
    rf"\s+){{0,2}}(?:{_GROUP_HEAD})(?![\w'’-])"
)
# The characters of its qualifiers: each of `GROUP_MODIFIERS` is made of them (`_group_phrases`).
_GROUP_WORD_CHARACTERS = frozenset(string.ascii_letters + ".-")
_ASCII_LETTERS = frozenset(string.ascii_letters)
# A counted group opening the lead as its subject ("Nine British nationals have been
# detained in Turkey", "Two American climbers were rescued"): the unnamed people the story
# is about. The count is no part of their name.
_COUNT = (
    r"(?:(?:At least|More than|Some)\s+)?(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|"
    r"Eleven|Twelve|Dozens|Hundreds|Thousands|\d[\d,]*)(?:\s+of)?"
)
_LEAD_PLURALS = alternation(sorted(PEOPLE_PLURALS, key=len, reverse=True))
# What may stand between the group and its verb: "Teenagers in foster care in Scotland are".
_LEAD_QUALIFIER = r"(?:\s+(?:in|from|at|with|on)(?:\s+[\w'’-]+){1,5}?)?"
_LEAD_VERB = r"\s+(?:have|had|were|are|will|would|could|[a-z]+ed)\b"
_COUNTED_LEAD = re.compile(  # counted, "people" too: "Three people were injured"
    rf"(?P<count>{_COUNT})\s+(?P<group>(?:[A-Za-z][a-z-]+\s+){{0,2}}?"
    rf"(?:{_LEAD_PLURALS}|people)){_LEAD_QUALIFIER}{_LEAD_VERB}"
)
# The same group with no count, before an auxiliary ("Teenagers in foster care are being
# moved too often", "British tourists have been"), a word that names a kind of people: not
# "people", nor a deed in the past ("Doctors removed five polyps": who did it, in passing).
_PLURAL_LEAD = re.compile(
    rf"(?P<group>(?:(?!The\s)[A-Z][a-z-]+\s+)?(?:{_LEAD_PLURALS})"
    rf"|{alternation(sorted((w.title() for w in PEOPLE_PLURALS), key=len, reverse=True))})"
    rf"(?![\w'’-]){_LEAD_QUALIFIER}\s+(?:have|had|were|are|will|would|could)\b"
)
# A counted group doing something, anywhere in the article ("after 10 doctors urged").
_COUNT_WORDS = wordset("two three four five six seven eight nine ten eleven twelve")
_COUNTED_DEED = re.compile(
    rf"(?<![\w.,/$£€-])(?P<count>\d{{1,3}}|{'|'.join(sorted(_COUNT_WORDS))})"
    rf"\s+(?P<head>{_LEAD_PLURALS})(?:\s+(?:have|had|were|are|will|would|could))?"
    r"\s+(?!(?:been|be|being|aged|named|called|based)\b)[a-z]+ed\b"
)


def _plural_noun(noun: str) -> str:
    """ "voter" -> "voters", "witness" -> "witnesses", "party" -> "parties"."""
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


# A plural people-noun the article's own grammar makes a group actor ("Residents said ...
# residents protested", `Registry._add_acting_plurals`): the plural of a kind of person
# (`PERSON_NOUNS`) or a described group's head (`GROUP_PHRASE_HEADS`); not the roles a named
# person holds (`ROLE_NOUNS`: "officials said", "experts say") nor the article's unnamed
# sources ("sources said", "witnesses said"): they report, they are no collective that acts.
_ACTING_PLURAL_HEADS = frozenset(
    {_plural_noun(n) for n in PERSON_NOUNS - ROLE_NOUNS if n.islower() and not n.endswith("man")}
    | GROUP_PHRASE_HEADS
) - wordset("men women children sources insiders observers witnesses")
_ACTING_PLURAL_FORMS = sorted(
    _ACTING_PLURAL_HEADS | ({w.title() for w in _ACTING_PLURAL_HEADS} - GROUPS),
    key=len,
    reverse=True,
)
_ACTING_PLURAL_SET = frozenset(_ACTING_PLURAL_FORMS)
# The deeds of `ACTING_VERBS` as a plural subject does them: "demand", "sent", "fought".
_PLURAL_DEEDS = frozenset(
    plural_verb(v) if v.endswith("s") and not v.endswith("ss") else v
    for v in ACTING_VERBS - set(_AUXILIARIES)
)
# Such a plural with the word before it, maybe a qualifier ("striking workers").
_ACTING_PLURAL = re.compile(
    rf"(?<![\w.'’-])(?:(?P<modifier>[a-z][a-z-]+)\s+)?(?P<head>{alternation(_ACTING_PLURAL_FORMS)})"
    r"(?![\w'’-])"
)
# The characters of its ``modifier`` (`_acting_plurals`).
_QUALIFIER_CHARACTERS = frozenset(string.ascii_lowercase + "-")
# Words that qualify no such group: function words, verbs, prepositions ("and residents",
# "said residents", "for voters", "whom voters back").
_NOT_MODIFIERS = (
    {w.lower() for w in STOP_CAPS} | PREPOSITIONS | SPEECH_VERBS | ACTING_VERBS | {"whom", "whose"}
)
# At most this many such groups per article: the story's own collective voices.
_ACTING_PLURALS_MAX = 2
# What makes the phrase a verb's subject: a speech verb or a deed, maybe after an adverb
# or an active auxiliary ("have demanded"), never a passive ("were evacuated", "have
# been told": acted upon) nor a singular verb ("says": the noun is no subject).
_PLURAL_SUBJECT_VERB = re.compile(
    rf"\s+(?:(?:{'|'.join(sorted(SPEECH_ADVERBS - {'has', 'had', 'have', 'would', 'will'}))})\s+)?"
    r"(?:(?:have|had|will|would)\s+)?(?!(?:been|be|being|are|were|was|is|aged|named|called|based|"
    r"killed|injured|wounded|arrested|detained|evacuated)\b)"
    rf"(?P<verb>(?:{'|'.join(sorted(SPEECH_VERBS | _PLURAL_DEEDS, key=len, reverse=True))})\b|"
    # a participle before a preposition describes the noun ("officers involved in it",
    # "voters turned off by him")
    r"[a-z]{3,}ed\b(?!\s+(?:(?:off|out|up|down|away|back)\s+)?"
    r"(?:by|in|to|from|with|for|as|at|on|during|under|over)\b))"
)
# A headline's, or the lead sentence's, opening subject when it is a plural people-noun
# or a party of `GROUPS` ("Frustrated Parents Rally Nationwide", "Factory workers feel the
# sting", "Republicans lower volume in debate"; `Registry._add_opening_groups`): up to
# three words before the head and the word after it, which must read as its verb.
_OPENING_GROUP = re.compile(
    r"\s*[\"“‘']?(?P<before>(?:[\w.'’-]+\s+){0,3}?)"
    rf"(?P<head>{alternation(sorted(set(_ACTING_PLURAL_FORMS) | GROUPS, key=len, reverse=True))})"
    r"(?![\w'’-])(?P<next>\s+[\w'’-]+)?"
)
# Words before an opening's plural that make it no subject: a verb's object ("Trump Blasts
# Allies"), a preposition's ("Clinton Offers Hope to Voters"), a share ("most delegates").
_OPENING_NOT_BEFORE = PREPOSITIONS | SPEECH_VERBS | ACTING_VERBS | wordset("most")
# Where a headline falls into parts, each with a subject of its own ("Poll: Wealthy Voters
# Abandon ...", "... in debate; With key states ...").
_HEADLINE_PARTS = re.compile(r"\s*(?:[:;|]|\s[—–-]\s)\s*")
# Words after a plural noun that make it no verb's subject: a preposition or a conjunction
# ("Allies At NATO"), a pronoun ("tells voters she's"), a noun the plural qualifies
# ("Police Shooting Comments").
_NOT_VERBS = (
    PREPOSITIONS
    | AFTER_A_NOUN
    | ({w.lower() for w in STOP_CAPS} - {"march"})  # "Protesters March On": no month
    | wordset("and or nor who whom whose which that she he it they we you i its their his her")
)
# Words that make a plural a quantity, not a group ("two officers", "a hundred migrants").
_QUANTITY_WORDS = _COUNT_WORDS | wordset(
    "one hundred hundreds thousand thousands dozen dozens million millions few"
)
# A capitalised plural word ("Anzacs", "Sunnis", "Yazidis"): a group's own name, maybe
# (`Registry._add_plural_names`).
# As r"(?<![\w.'’-])[A-Z][a-z]{2,}s(?![\w'’-])" with its capital first, the test before it
# after it (`_OPENING_TOKEN`): `re` scans for capitals.
_PLURAL_NAME = re.compile(r"[A-Z](?<![\w.'’-].)[a-z]{2,}s(?![\w'’-])")
# Every word of a state's names ("Korea" of "South Korea": "the two Koreas" are states).
_STATE_NAME_WORDS = frozenset(
    w for state, forms in COUNTRY_FORMS.items() for f in (state, *forms) for w in f.split()
)
# A capitalised word (or "of" and one) right after a mention.
_CAP_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?)?[A-Z]")
# Heads that name a group only with a qualifier ("social media users"; "users" alone are
# anyone's).
_QUALIFIED_HEADS = frozenset({"users"})
# How often the article names a described group whose head is only a kind of people
# ("teachers", "students"), not one of GROUP_HEADS, before it is an actor.
_PEOPLE_MENTIONS = 3
_SINGULAR_VERBS = frozenset({"is", "was", "has", "does"})
_GROUP_PREPOSITIONS = (PREPOSITIONS | PLACE_PREPOSITIONS) - {"of", "by"}
# Words between a preposition and the group it governs: "to the three governors".
_GROUP_FILLERS = frozenset({"the", "a", "some", "many", "more", "other", "all", "both", "most"})
_OWNERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_LOWER_GROUP_WORDS = frozenset(w for w in GROUP_MODIFIERS | GROUP_PHRASE_HEADS if w[0].islower())
# A body or outlet as the source of what the article reports: "according to the NAACP",
# "first reported by The Washington Post", "a survey by Comcast Xfinity found", "The Wall
# Street Journal reports", "as The Hill pointed out", "CNN quoted a witness".
_SOURCE_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&'’-]*)"
_SOURCE_NAME = (
    rf"{_SOURCE_TOKEN}(?:\s+(?:(?:of|for|on|and)\s+(?:the\s+|a\s+)?)?{_SOURCE_TOKEN}){{0,5}}"
)
_SOURCE_BY = WordPattern(  # "\b" before each way it opens, searched after a non-word character
    rf"(?:[Aa]ccording to|(?:{alternation(sorted(SOURCE_BY_VERBS))}) by"
    r"|(?:reported|wrote|writes|reports)(?=\s+[Tt]he\s)"
    r"|(?:spokes(?:man|woman|person)|statement|representative)\s+(?:for|from)"
    r"|(?:report|study|survey|poll|analysis|count|review|estimate)s?\s+"
    r"(?:released\s+)?by)\s+(?P<the>[Tt]he\s+)?(?:(?:new|latest|nonpartisan|recent)\s+)?"
    rf"(?P<name>{_SOURCE_NAME})"
)
_REPORTS = (
    "reported|reports|found|finds|published|publishes|revealed|reveals|obtained|learned|"
    "broke|quoted|quotes|estimated|estimates|showed|shows"
)
# "research released by the Anne Frank House shows": the body's work is the verb's subject,
# so the body is the source, not a qualifier of a noun after it
_REPORT_VERBS = frozenset(_REPORTS.split("|"))
# (A match opens with "The", "the" or a capital: the lookahead lets re pass over the other
# characters without trying the pattern there.)
_SOURCE_VERBS = (
    rf"{_REPORTS}|said|says|wrote|writes|noted|notes|asked|called|pointed out|announced|confirmed"
)
_SOURCE_SAYS = re.compile(
    rf"(?=[A-Zt])(?P<the>\b[Tt]he\s+)?(?P<name>{_SOURCE_NAME})\s+(?:(?:first|previously|also|later|"
    r"recently|earlier|reportedly|initially|has|have|had)\s+){0,2}"
    rf"(?P<verb>{_SOURCE_VERBS})\b"
)
# Its verb after a space, searched first (`_has_tail`): most paragraphs have none.
_TAILS[id(_SOURCE_SAYS)] = re.compile(rf"\s(?:{alternation(_SOURCE_VERBS.split('|'))})\b")
# A match of `_SOURCE_SAYS` spans at most 19 words before its verb ("the", a name of six
# words joined by "of the", two adverbs): it opens no further back than this many words
# before the first verb its tail finds (`_source_says`).
_SOURCE_SAYS_WORDS = 30
# Each way `_SOURCE_BY` opens holds one of these words ("by", "according to", ...).
_TAILS[id(_SOURCE_BY)] = re.compile(
    "by|ccording to|report|wrote|writes|spokes|statement|representative"
)
# Outlets' names in the stop list (they also open datelines and credits).
_OUTLET_STOPS = frozenset({"Associated", "Press", "AP", "AFP", "Reuters"})
# A lead paragraph has at least this many words.
_LEAD_WORDS = 15
# A person named once in the first prose paragraphs may be a main actor; later, in passing.
_LEAD_PARAGRAPHS = 2


@lru_cache(maxsize=4096)  # asked 630 times per article, of a few dozen names
def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(name.split())


@dataclass
class Entity:
    """A candidate actor: its canonical name, the forms the article uses, and why it counts."""

    name: str
    type: ActorType
    role: str = ""
    forms: set[str] = field(default_factory=set)
    signals: set[str] = field(default_factory=set)
    mentions: list[tuple[Pos, int]] = field(default_factory=list)  # (start, end offset)
    described: bool = False  # a group the article describes ("Iraqi refugees")
    # "m" or "f" where the article's pronouns settle a full name the given-name lists do not
    # know (`Registry._settle_honorifics`); "" otherwise
    gender: str = ""
    shown: str = ""  # the name the briefing gives it, where not ``name`` (`Registry.shown`)

    @property
    def label(self) -> str:
        """The name the briefing gives it: ``shown``, else ``name``."""
        return self.shown or self.name

    @property
    def tokens(self) -> tuple[str, ...]:
        return _name_tokens(self.name)

    @property
    def first(self) -> Pos:
        return self.mentions[0][0] if self.mentions else (10**9, 0)

    def is_actor(self) -> bool:
        """People always count; others need a signal that they act or are acted upon."""
        if self.described:  # not for being acted upon in passing ("attacks on U.S. forces")
            return bool(self.signals - {"target"})
        return self.type == "person" or bool(self.signals)

    def to_actor(self, shared: frozenset[str] = frozenset(), name: str = "") -> Actor:
        """The briefing's actor; ``shared``: forms another actor's too, left out; ``name``:
        the name shown, if not its own (`Registry.shown`: "Mrs. Smith" beside "Mr. Smith")."""
        name = name or self.name
        forms = self.forms - {self.name, name} - shared
        if self.described:  # "Security forces" opening a sentence is no other name
            forms = {f for f in forms if f.lower() != self.name.lower()}
        aliases = sorted(forms, key=lambda f: (len(f), f))
        return Actor(name=name, type=self.type, role=self.role, aliases=aliases[:4])


# A word for where someone is from, written before the name in sports and tabloid style
# ("Irishman McGregor", "Spaniard Fernando Alonso", "Chicago-born Lamas"): no part of it.
_DEMONYM_NOUNS = wordset(
    "Irishman Irishwoman Englishman Englishwoman Welshman Welshwoman Scotsman Scotswoman "
    "Frenchman Frenchwoman Dutchman Dutchwoman Spaniard Briton Scot Aussie Kiwi"
)
_BORN = re.compile(r"[A-Z][a-z]+-born")


def _descriptor(token: str) -> bool:
    """Whether ``token`` says where someone is from ("Irishman", "Chicago-born")."""
    return token in _DEMONYM_NOUNS or _BORN.fullmatch(token) is not None


@lru_cache(maxsize=4096)  # the same names, matched by several patterns (28000 asks, 7800 names)
def _clean_name(raw: str) -> tuple[str, ...]:
    """Tokens of a captured name, with stop words, titles and honorifics trimmed off."""
    tokens = _NICKNAME_IN.sub("", raw).split()
    while tokens and (
        (tokens[0].rstrip(".") in STOP_CAPS and not _month_in_name(tokens, 0))
        or tokens[0] in _TITLES_AND_HONORIFICS
        or (len(tokens) > 2 and tokens[0].lower() in ROLE_NOUNS)  # "Pollster Samuel Okafor"
        or (len(tokens) > 2 and tokens[0] in _PARTY_WORDS)
        or (len(tokens) > 1 and _descriptor(tokens[0]))
    ):
        tokens.pop(0)
    while tokens and (
        (tokens[-1] in STOP_CAPS and not _month_in_name(tokens, -1)) or tokens[-1].endswith(".")
    ):
        if len(tokens) > 1 and tokens[-1] in ORG_HEADS:
            break  # "Human Rights Watch" names an organisation, not "Human Rights"
        tokens.pop()
    titles = [i for i, t in enumerate(tokens[:-1]) if t in _TITLE_WORDS]
    tokens = tokens[titles[-1] + 1 :] if titles else tokens
    # "the United Nations John Bolton", "Illinois Democrat Rosa Quintal": an
    # organisation's name or a party run into a person's
    heads = [i for i, t in enumerate(tokens[:-2]) if t in ORG_HEADS or t in _PARTY_WORDS]
    tokens = tokens[heads[-1] + 1 :] if heads else tokens
    # "Mark Meadows Mark Randall Meadows...": a name run into its own full-name tooltip.
    for i in range(1, len(tokens)):
        if tokens[i] in tokens[:i]:  # not "Chris Christie"
            return tuple(tokens[:i])
    return tuple(tokens)


def _month_in_name(tokens: Sequence[str], i: int) -> bool:
    """ "Zhang Jun", "Jan Brewer": a month written short, with no dot, beside a word that is
    no stop word, is a given or family name, not a date ("Jun. 5", "Jan 5")."""
    if tokens[i] not in MONTH_ABBREVIATIONS or len(tokens) < 2:
        return False
    other = tokens[i + 1] if i == 0 else tokens[i - 1]
    return other.rstrip(".") not in STOP_CAPS and not other.endswith(".")


def _is_person_name(tokens: tuple[str, ...]) -> bool:
    """Not an organisation, place, nationality or stop word, by the lexicon."""
    if not tokens or any(
        t in ORG_HEADS
        or t in NOT_NAMES
        or (t.rstrip(".") in STOP_CAPS and not _month_in_name(tokens, i))
        for i, t in enumerate(tokens)
    ):
        return False
    if len(tokens) == 1 and tokens[0] in _SUFFIXES:
        return False  # "Jr." alone is no one
    if tokens[-1] == "Day" and (tokens[0] not in GIVEN_NAMES or len(tokens) > 3):
        return False  # "Labor Day", "Martin Luther King Day"; not "Kristen Day"
    joined = " ".join(tokens)
    if joined in COUNTRY_FORMS or joined in METONYMS or joined in GROUPS or joined in US_STATES:
        return False
    if tokens[0] in _PLACE_STARTS and " ".join(tokens[1:]) in US_STATES:
        return False  # "North Florida"
    return not any(t in COUNTRY_FORMS or t in METONYMS for t in tokens)


def _title_role(para: str, start: int, title: str) -> str:
    """The title plus up to two capitalised words before it ("Tajik President")."""
    if title in HONORIFICS:
        return ""
    before = para[:start].split()[-2:]
    pre: list[str] = []
    for word in reversed(before):
        if not re.fullmatch(r"[A-Z][\w.'’-]*", word) or word.rstrip(".") in STOP_CAPS:
            break
        if re.fullmatch(r"[A-Z][a-z]{3,}[.]", word):
            break  # "... Robert Mueller. Senator Mark Warner": the sentence before
        pre.insert(0, word)
    return " ".join([*pre, title])


def _person_candidates(para: Paragraph) -> Iterator[tuple[tuple[str, ...], str, str]]:
    """(name tokens, role, surface form) for every person pattern in the paragraph."""
    text = para.text
    for m in _TITLED.finditer(text):
        tokens = _clean_name(m["name"])
        if m["title"] in _MILITARY and len(tokens) < 2:
            continue  # "General Motors", "General Assembly"
        role = _title_role(text, m.start(), m["title"])
        form = f"{role} {' '.join(tokens)}".strip() if role else ""
        yield tokens, role, form
        if m["title"] in HONORIFICS and tokens:
            yield tokens, "", f"{m['title']} {' '.join(tokens)}"
    for m in _CAPITAL_ROLE_BEFORE.finditer(text):  # "Attorney Mark Lee defended ..."
        tokens = _clean_name(m["name"])
        if m["role"].lower() in ROLE_NOUNS and len(tokens) >= 2:
            yield tokens, m["role"].lower(), ""
    roles = _role_and_verb_starts(text)[0]
    for pattern in (_ROLE_BEFORE, _ROLE_COMMA, _APPOSITION, _BARE_APPOSITION, _AGED):
        if pattern is _ROLE_BEFORE or pattern is _ROLE_COMMA:
            matches = _matches_at(pattern, text, roles)
        else:
            matches = pattern.finditer(text) if _has_tail(pattern, text) else iter(())
        for m in matches:
            tokens = _clean_name(m["name"])
            if len(tokens) >= 2:
                yield tokens, m["role"], ""
            elif (
                pattern is _ROLE_COMMA
                and len(tokens) == 1
                and m.group().endswith(",")
                and _SPEAKS_NEXT.match(text, m.end())
            ):
                yield tokens, m["role"], ""  # "his mother, Zainab, told CNN": one name, speaking
    for m in _PARTY_STATE.finditer(text) if _PARTY_MARK.search(text) else ():
        tokens = _clean_name(m["name"])
        if len(tokens) >= 2:
            yield tokens, "", ""
    # the four patterns before the credit each need a speech verb: a cheap test first
    said = _said_matches(text)  # None: no speech verb
    for pattern in (
        _SUBJECT_SAID,
        _SUBJECT_ASIDE_SAID,
        _SUBJECT_OF_SAID,
        _SAID_SUBJECT,
        _DASH_CREDIT,
    ):
        needs_speech = pattern is not _DASH_CREDIT and pattern is not _SUBJECT_OF_SAID
        if (said is None and needs_speech) or not _has_tail(pattern, text):
            continue
        found = said.get(id(pattern)) if said is not None else None
        for m in pattern.finditer(text) if found is None else found:
            tokens = _clean_name(m["name"])
            if after := _titled_name_after(text, tokens, m.end("name")):
                yield after, " ".join(tokens), ""
                continue
            owned = "owner" in m.groupdict() and m["owner"]  # "NBC's Dante Chinni"
            if (
                len(tokens) >= 2
                and not _THE_BODY.match(m["name"])
                and (owned or not _proper_noun_before(text, m.start("name")))
            ):
                yield tokens, "", ""


@lru_cache(maxsize=256)  # the registry asks twice per paragraph: for people, for lone speakers
def _said_matches(text: str) -> dict[int, tuple[re.Match[str], ...]] | None:
    """`_SUBJECT_SAID`'s and `_SAID_SUBJECT`'s matches in a paragraph, by the pattern's
    id; None where the paragraph has no speech verb (both patterns need one)."""
    verbs = _role_and_verb_starts(text)[1]
    if not verbs:
        return None
    return {
        id(_SUBJECT_SAID): tuple(_SUBJECT_SAID.finditer(text)),
        id(_SAID_SUBJECT): tuple(_matches_at(_SAID_SUBJECT, text, verbs)),
    }


def _source_says(text: str) -> Iterator[re.Match[str]]:
    """``_SOURCE_SAYS.finditer(text)``, begun `_SOURCE_SAYS_WORDS` words before the first
    verb its tail finds: no match opens further back (it is tried at every capital)."""
    verb = _TAILS[id(_SOURCE_SAYS)].search(text)
    if verb is None:
        return iter(())
    before = text[: verb.start()].rsplit(None, _SOURCE_SAYS_WORDS)
    start = len(before[0]) if len(before) > _SOURCE_SAYS_WORDS else 0
    return _SOURCE_SAYS.finditer(text, start)


def _holds_thing_noun(text: str) -> bool:
    """Whether `_THINGS` matches in ``text``: at its start, or after a character `_THING`
    opens with. Its words looked for first, each as a word opening after no word character
    or "-" and followed by a space or a tab, as `_THINGS` needs: the pattern is tried after
    every non-word character, and "ship" and "uss" are in most articles ("relationship",
    "discuss"), the words themselves in few (17 of the 384 tuning articles)."""
    if not FOLDS_TO_ASCII.search(text):  # no character `re.I` reads as another letter
        lower = text.lower()
        if not any(_then_blank(lower, w) for w in _THING_FIRST_WORDS if w in lower):
            return False
    return bool(_THING_AT_START.match(text) or _THING.search(text))


@lru_cache(maxsize=1)  # one article's text, asked for its group, counted and acting heads
def _letter_runs(text: str) -> frozenset[str]:
    """The runs of ASCII letters ``text`` holds (`_LETTER_RUN`)."""
    return frozenset(_LETTER_RUN.findall(text))


def _group_heads_in(text: str) -> frozenset[str]:
    """The heads of `_GROUP_PHRASE` (`_GROUP_HEAD_FORMS`) that ``text`` holds as a whole run
    of ASCII letters, as every head it matches is (no word character before the phrase or
    after it, white space before the head inside it): one scan of the text, where each of
    the 144 heads was searched for in it."""
    return _GROUP_HEAD_SET.intersection(_letter_runs(text))


def _acting_heads_in(text: str) -> frozenset[str]:
    """The heads of `_ACTING_PLURAL` (`_ACTING_PLURAL_FORMS`) that ``text`` holds as a whole
    run of ASCII letters, as every head it matches is (no word character before it or
    after it, nor before the phrase)."""
    return _ACTING_PLURAL_SET.intersection(_letter_runs(text))


def _acting_plurals(text: str, heads: frozenset[str]) -> list[re.Match[str]]:
    """``list(_ACTING_PLURAL.finditer(text))`` where its heads in ``text`` are among
    ``heads`` (`_acting_heads_in` of the article): see `_phrases_at_heads`."""
    return _phrases_at_heads(_ACTING_PLURAL, text, heads, _QUALIFIER_CHARACTERS, 1)


def _group_phrases(text: str, heads: frozenset[str]) -> list[re.Match[str]]:
    """``list(_GROUP_PHRASE.finditer(text))`` where its heads in ``text`` are among
    ``heads`` (`_group_heads_in` of the article): see `_phrases_at_heads`."""
    return _phrases_at_heads(_GROUP_PHRASE, text, heads, _GROUP_WORD_CHARACTERS, 2)


def _phrases_at_heads(
    pattern: re.Pattern[str], text: str, heads: frozenset[str], letters: frozenset[str], most: int
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, for a pattern whose matches open where none of
    ``letters`` is before them (a lookbehind) and hold up to ``most`` words of ``letters``,
    each followed by white space, then a head that stands as a whole run of ASCII letters,
    its heads in ``text`` among ``heads``. `re` tries such a pattern at every character; here it
    is tried only where a match can open: at such a head, or at the start of the run of
    ``letters`` before the white space before it (a qualifier), and so on ``most`` times
    back. Over the tuning articles' paragraphs, an eighth of `finditer`'s time."""
    opens: set[int] = set()
    for head in heads:
        at = text.find(head)
        while at != -1:
            end = at + len(head)
            if not _ascii_letter(text[at - 1 : at]) and not _ascii_letter(text[end : end + 1]):
                opens.add(at)
                start = at
                for _ in range(most):
                    blank = start
                    while blank and text[blank - 1].isspace():  # `re`'s "\s" in a str pattern
                        blank -= 1
                    word = blank
                    while word and text[word - 1] in letters:
                        word -= 1
                    if not word < blank < start:
                        break
                    opens.add(word)
                    start = word
            at = text.find(head, end)  # (one inside this one has a letter before it)
    found: list[re.Match[str]] = []
    for at in sorted(opens):
        if (not found or at >= found[-1].end()) and (m := pattern.match(text, at)):
            found.append(m)
    return found


def _ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _then_blank(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` with no word character or "-" before it and a
    space or a tab after it."""
    return any(text[end : end + 1] in (" ", "\t") for _, end in literal_spans(text, word, "-"))


@lru_cache(maxsize=256)  # asked for the roles (`_person_candidates`), then the verbs
def _role_and_verb_starts(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where ``\\b`` and `_ROLE_AHEAD` match in ``text``, and where ``\\b`` and
    `_VERB_AHEAD` do, in one scan: the text's start, then one character past each non-word
    character before a role word or a speech verb. `re` scans for the non-word characters,
    where a pattern opening with ``\\b`` is tried at every character; no role word is a
    speech verb or the start of one, nor the other way round, so each place is one of them."""
    roles: list[int] = []
    verbs: list[int] = []
    for m in _ROLE_OR_VERB_STARTS.finditer(text):
        (verbs if m["role"] is None else roles).append(m.end())
    if first := _ROLE_OR_VERB_AT_START.match(text):
        (verbs if first["role"] is None else roles).insert(0, 0)
    return tuple(roles), tuple(verbs)


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: Sequence[int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, for a pattern whose every match opens at one of
    ``starts`` (ascending) and is not empty: the first match at or past the last one's end."""
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)):
            yield m
            end = m.end()


def _has_tail(pattern: re.Pattern[str] | WordPattern, text: str) -> bool:
    """Whether ``text`` holds the part of ``pattern`` after the name, if `_TAILS` has it
    (and first its end, if `_TAIL_ENDS` has it)."""
    end = _TAIL_ENDS.get(id(pattern))
    if end is not None and end.search(text) is None:
        return False
    tail = _TAILS.get(id(pattern))
    return tail is None or tail.search(text) is not None


def _kin_named(text: str) -> Iterator[re.Match[str]]:
    """``_KIN_NAMED.finditer(text)``, tried only where a match may open, not at every
    character (it opens with ``\\b`` and, for an age, a run of word characters). Every
    match holds a match of `_KIN_AHEAD`: where it opens (the relation word), or right
    after the run of word characters and hyphens it opens with ("5-year-old"). So no
    match opens before the first `_KIN_AHEAD` match past the last match, nor before the
    run of word characters and hyphens that ends there."""
    pos = 0
    while (ahead := _KIN_AHEAD.search(text, pos)) is not None:
        at = start = ahead.start()
        while start > pos and _WORD_OR_HYPHEN.match(text, start - 1):
            start -= 1
        for opening in range(start, at + 1):
            if (m := _KIN_NAMED.match(text, opening)) is not None:
                yield m
                pos = m.end()  # (never empty)
                break
        else:
            pos = at + 1


# How `_SOURCE_BY` opens where someone speaks for the body ("a spokesman for the RSPCA").
_SPEAKS_FOR = ("spokes", "statement", "represent")
# "The Red Cross said": a name opened by "the" is a body's, not a person's ("The Rev. Al
# Sharpton said" is a title's).
_THE_BODY = re.compile(rf"[Tt]he\s+(?!(?:{_CAPITAL_TITLE})\s)")
_NAME_AFTER = re.compile(rf"\s+(?P<name>{_PNAME})")


def _titled_name_after(text: str, tokens: tuple[str, ...], end: int) -> tuple[str, ...]:
    """ "said United Auto Workers Secretary-Treasurer Gary Casteel": when the words a
    pattern took for a name end in a title word and a name follows, that name (the
    title words are the role); else nothing."""
    if not tokens or not _title_word(tokens[-1]):
        return ()
    after = _NAME_AFTER.match(text, end)
    name = _clean_name(after["name"]) if after else ()
    titles = [i for i, t in enumerate(name) if _title_word(t)]  # "Chief Patrol Agent X Y"
    name = name[titles[-1] + 1 :] if titles else name
    return name if len(name) >= 2 else ()


def _title_word(token: str) -> bool:
    """A title or role word, or one half of one ("Secretary-Treasurer", "Agent")."""
    return any(part in _TITLE_WORDS or part.lower() in PERSON_NOUNS for part in token.split("-"))


def _given_and(before: str, tokens: tuple[str, ...]) -> bool:
    """ "Hillary Clinton and Donald Trump": after "and", a known given name starts a person,
    not the second half of a name such as "Research and Development"."""
    return before.split()[0] == "and" and tokens[0] in GIVEN_NAMES


def _after_common_word(text: str, start: int) -> bool:
    """ "the death of Terence Crutcher", "his support for Donald Trump": "of" or "for" after
    a lower-case word joins no proper noun, unlike "Ministry of" or "Institute for"."""
    if not re.match(r"(?:of|for|on)\b", text[start:]):
        return False
    before = text[max(0, start - 30) : start].split()[-1:]
    return bool(before) and before[0][:1].islower()


# What comes before an inverted speech verb ("“...,” said Vitter", "..., said Vitter"): a
# closing quotation mark or a comma; after anything else ("the agency said Mangkhut
# triggered ...") the name opens the clause the verb reports.
_INVERTED = re.compile(r"[,”\"’']\s*$")


# Lower-case words that may stand right before a person's name opening a clause.
_CLAUSE_OPENERS = wordset(
    "and but or so then yet as when while that because if after before since where which "
    "who whom whose until though although once"
)


def _names_a_thing(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows a lower-case common noun that it names ("storm
    Mangkhut", "the carrier Theodore Roosevelt"): not a role ("economist Dermot Hayes"),
    nor a word that opens a clause ("but Vitter said")."""
    before = _word_before(text, start)
    if not before or not before[0].isalpha() or not before[0].islower():
        return False
    word = before[0]
    return word not in _CLAUSE_OPENERS and word not in ROLE_NOUNS and word not in SPEECH_VERBS


# Endings that make a woman's given name of a shorter one ("Paula", "Louise", "Christine",
# "Janet", "Danielle"): no full form of it (`Registry._merge_given_forms`).
_FEMININE_ENDINGS = frozenset({"a", "e", "et", "ette", "ine", "ina", "elle", "ie", "na"})


def _two_genders(given: str, other: str) -> bool:
    """Whether one of two given names is only a woman's and the other is not ("Michelle"
    beside "Michael", "Samantha" beside "Sam"): maybe two people."""
    return len({g in FEMALE_NAMES and g not in MALE_NAMES for g in (given, other)}) == 2


# Endings of a common noun that a given name never has ("Archaeologist", "Situations",
# "Services", "Filmmaker"): the word before a given name is then a role or the tail of a
# body's name run into the person's ("Ministry of Emergency Situations Sergei Poletykin").
_NOUN_ENDINGS = ("ist", "ists", "ions", "ices", "maker", "makers")


def _noun_by_form(word: str) -> bool:
    """Whether ``word``, written before a given name, is a common noun by its form: a role
    ("Adviser"), a plural of one, or a noun's ending (`_NOUN_ENDINGS`); never a given name."""
    if word in GIVEN_NAMES:
        return False
    return _common_noun(word) or word.lower().endswith(_NOUN_ENDINGS)


def _common_noun(word: str) -> bool:
    """A role ("Officials") or a plural noun ("Demonstrators") opening a sentence."""
    lower = word.lower()
    return lower in ROLE_NOUNS or lower.rstrip("s") in ROLE_NOUNS or lower.endswith(_PLURALS)


def _sub_span(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` is a run of ``long``, middle initials ignored ("Donald J. Trump")."""
    return sub_span(_no_initials(short), _no_initials(long))


def _spelling(name: str) -> tuple[str, ...]:
    """A person's name as one spelling: case, accents, quote marks, hyphens and middle
    initials folded ("Raúl Castro" = "Raul Castro", "O’Neill" = "O'Neill",
    "Kang Kyung-wha" = "Kang Kyung Wha", "George W. Bush" = "George Bush")."""
    tokens = name_tokens(fold_accents(re.sub(r"\b[A-Z]\.\s+", "", name)))
    if len(tokens) > 2 and tokens[-1] in _SPELLED_SUFFIXES:
        return (*tokens[:-1], _SPELLED_SUFFIXES[tokens[-1]])
    return tokens


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


@lru_cache(maxsize=4096)  # asked for the same few names again and again (`_person_for`)
def _no_initials(tokens: tuple[str, ...]) -> tuple[str, ...]:
    kept = tuple(t for t in tokens if not _INITIALS.fullmatch(t))
    return kept or tokens


class Registry:
    """Every candidate actor of one article, with where each is mentioned."""

    def __init__(
        self,
        paragraphs: list[Paragraph],
        title: str | None = None,
        title_lines: frozenset[int] = frozenset(),
    ) -> None:
        self.paragraphs = paragraphs
        self.title = title or ""
        # Paragraphs that are title lines ("Beck Blasts Drudge"): every word capitalised,
        # so no pattern there tells a name from a headline's verb; their mentions of
        # names found elsewhere still count.
        self._prose = [p for p in paragraphs if p.index not in title_lines]
        self.text = "\n".join(p.text for p in paragraphs)
        self._starts = list(accumulate((len(p.text) + 1 for p in paragraphs[:-1]), initial=0))
        self.entities: list[Entity] = []
        self._by_paragraph: dict[int, list[tuple[int, int, Entity]]] | None = None
        self._genders: dict[int, str] | None = None
        self._narration: dict[Pos, bool] = {}  # `_narrated`
        self.added: dict[str, Entity] = {}  # people the rules missed, added by `add_person`
        self._group_spans: list[tuple[int, int]] = []  # longer groups' names (`_in_longer_group`)
        self._add_people()
        self._add_organisations()
        self._merge_organisations()
        self._add_lone_speakers()
        self._add_aged_first_names()
        self._add_one_word_organisations()
        self._add_described_bodies()
        self._add_spoken_for_bodies()
        self._add_employers()
        self._add_peers()
        self._add_teams_by_staff()
        self._add_bracketed_teams()
        self._add_ampersand_firms()
        self._add_speaking_seats()
        self._add_surnamed()
        self._add_kin_named()
        self._add_speaking_institutions()
        self._add_parts_of_government()
        self._add_missions()
        self._add_departments()
        self._add_devolved_governments()
        self._campaigns: list[Entity] = []
        self._add_campaigns()
        self._merge_spellings()
        self._add_sources()
        self._unclip()
        self._taken = self._named_spans()
        self._add_countries_and_groups()
        self._merge_known_names()
        self._phrase_groups = self._add_group_phrases()
        self._merge_short_organisations()
        for entity in self.entities:
            self._index(entity)
        self._trim_group_phrases()
        self._fold_police_into_force()
        self._trim_campaigns()
        self._fold_party_members()
        self.entities = [e for e in self.entities if e.mentions and not self._a_place(e)]
        self._mark_acting()
        self._mark_named_by_head()
        self._mark_list_subjects()
        self._join_party_names()
        self._fold_party_phrases()
        self._settle_group_phrases()
        self._add_plural_names()
        self._fold_state_forces()
        self._add_counted_lead_group()
        self._add_counted_groups()
        self._add_acting_plurals()
        self._add_opening_groups()
        self._add_the_government()
        self._add_unnamed_bodies()

    # --- building ------------------------------------------------------------

    def _add_people(self) -> None:
        found = [c for p in self._prose for c in _person_candidates(p)]
        found = [(self._without_prefix(c[0]), *c[1:]) for c in found if _is_person_name(c[0])]
        found = [c for c in found if not self._rank_in_passing(c[0], c[1])]
        found.sort(key=lambda c: -len(c[0]))
        for tokens, role, form in found:
            person = self._person_for(tokens, role, form)
            if person is None:
                person = Entity(" ".join(tokens), "person", role)
                self.entities.append(person)
            person.role = person.role or role
            person.forms.update(f for f in (form, " ".join(tokens)) if f)
        self._add_named_subjects()
        self._add_nicknames()
        self._merge_spellings()
        self._settle_honorifics()
        self._leave_surnames_to_full_names()
        self._drop_sentence_openers()
        self._add_surnames()

    def _settle_honorifics(self) -> None:
        """A full name whose given name the lists do not know takes "Mr Buksh" and "Mrs
        Buksh" alike (`_gender_clash` cannot tell): its gender is then what the article's
        pronouns say of it (`_pronoun_gender`), else, if it holds both, its first honorific's
        in the text; a form with the other gender's honorific is then another person's
        (`_honorific_holder`), and the gender keeps it apart (`_gender_clash`)."""
        for person in self.people():
            if len(person.tokens) < 2 or _given_gender(person.tokens) or person.gender:
                continue
            said = {f: g for f in person.forms if (g := honorific_gender(f))}
            if not said:
                continue
            gender = self._pronoun_gender(person)
            if not gender and len(set(said.values())) > 1:
                gender = self._first_honorific(said)
            if not gender:
                continue
            person.gender = gender
            for form in [f for f, g in said.items() if g != gender]:
                person.forms.discard(form)
                self._honorific_holder(form).forms.add(form)

    def _first_honorific(self, said: dict[str, str]) -> str:
        """The gender of the honorific form of ``said`` written first in the text."""
        spans = [
            (start, said[self.text[start:end]]) for start, end in _occurrences(self.text, set(said))
        ]
        return min(spans)[1] if spans else ""

    def _honorific_holder(self, form: str) -> Entity:
        """Who "Mrs Buksh" is once it is not the man it was given to: a one-word person with
        that honorific, made once ("Mrs Buksh", "Mrs. Buksh"); the second `_merge_spellings`
        gives it to the one namesake of its gender, if there is one ("Nasreen Buksh")."""
        gender, surname = {honorific_gender(form) or ""}, form.split()[-1]
        alone = [p for p in self.people() if p.name == surname and _honorific_genders(p.forms)]
        alone = [p for p in alone if not _gender_clash(gender, p)]
        if alone:
            return alone[0]
        person = Entity(surname, "person")
        self.entities.append(person)
        return person

    def _pronoun_gender(self, person: Entity) -> str:
        """ "m" or "f" where the pronouns outside quotation marks say it of a full name: in
        the sentences that name it and no one else, and a "He"/"She" opening the sentence
        after one that names it first ("Asghar Buksh, 55, struck Nasreen Buksh. He
        admitted"); "" when they do not, or are even."""
        count: Counter[str] = Counter()
        sentences = [(para, a, b) for para in self._prose for a, b in para.sentences()]
        forms = {f for p in self.people() if p is not person for f in p.forms | {p.name}}
        for i, (para, a, b) in enumerate(sentences):
            text = para.text[a:b]
            at = text.find(person.name)
            if at < 0:
                continue
            named = _occurrences(text, forms | person.forms)  # the longest form wins
            others = [s for s, e in named if text[s:e] not in person.forms]
            if not others:
                count.update(_pronoun_votes(para, a, b))
            if i + 1 < len(sentences) and all(at < o for o in others):
                after, start, end = sentences[i + 1]
                if opener := _OPENING_PRONOUN.match(after.text, start, end):
                    count["f" if opener[1] == "She" else "m"] += 1
        return "" if count["m"] == count["f"] else max(count, key=count.__getitem__)

    def _add_nicknames(self) -> None:
        """A person named with a nickname in quotation marks ("Joaquin \"El Chapo\" Guzman")
        has that form and the nickname for forms: the name alone is not in the text."""
        if _NICKNAME_MARK.search(self.text) is None:
            return  # (`_NICKNAMED`, opening with a lookbehind, is tried at every character)
        for m in _NICKNAMED.finditer(self.text):
            around = (m["first"], m["rest"].split()[-1])
            person = next((p for p in self.people() if sub_span(around, p.tokens)), None)
            if person is None:
                continue
            person.forms.update((m.group(), m["nick"]))
            nick = tuple(m["nick"].split())
            for other in self.people():  # "\"El Chapo\" Guzman was caught": no one else
                if other is not person and other.tokens in (nick, (*nick, around[1])):
                    self._merge(other, person)

    def _rank_in_passing(self, tokens: tuple[str, ...], role: str) -> bool:
        """A one-word name after a rank the article never uses alone ("Lady Macbeth, now in
        her own play"): no person it is about, unlike "Colonel Gaddafi ... Gaddafi was"."""
        ranked = bool(role) and role.split()[-1] in RANKS
        return ranked and len(tokens) == 1 and not self._alone(tokens[0])

    def _leave_surnames_to_full_names(self) -> None:
        """A surname-only person called by an honorific ("Ms. Trump") and kept apart from
        the person named in full with that surname (the other gender: Melania, not Donald
        Trump) does not take the surname alone: "Trump said" stays his."""
        full = {e.tokens[-1] for e in self.people() if len(e.tokens) > 1}
        for person in self.people():
            if len(person.tokens) == 1 and person.name in full and _honorific_genders(person.forms):
                person.forms.discard(person.name)

    def _without_prefix(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """ "Crooked Hillary Clinton", "Endorses Ted Cruz", "Comedian Sarah Silverman":
        the words before a known given name are no part of the person's name when the
        article also writes them in lower case, or names the person elsewhere without
        them ("Hillary Clinton"); not so for "Rafael Edward Cruz"."""
        given = [i for i, t in enumerate(tokens[1:-1], 1) if t in GIVEN_NAMES]
        if not given or tokens[0] in GIVEN_NAMES:
            return tokens
        start = given[0]
        rest = tokens[start:]
        elsewhere = len(_occurrences(self.text, {" ".join(rest)})) > len(
            _occurrences(self.text, {" ".join(tokens)})
        )
        if elsewhere or all(self._lower(t) for t in tokens[:start]):
            return rest
        return rest if _noun_by_form(tokens[start - 1]) else tokens

    def _lower(self, word: str) -> bool:
        """Whether the article also writes ``word`` in lower case."""
        return _has_word(self.text, word.lower())

    def _drop_sentence_openers(self) -> None:
        """ "Notice Trump sniffing", "Beyond Trump's finances", "Derelict Obama and
        Clinton": a capitalised word that only ever opens a sentence before the name of
        a person the article names otherwise ("Donald Trump") is no given name; a word
        that may be one ("Hillary Clinton" beside "Bill Clinton") is left alone."""
        people = self.people()
        for person in people:
            if len(person.tokens) < 2 or not self._common_word(person.tokens[0]):
                continue
            rest = person.tokens[1:]
            others = [
                p
                for p in people
                if p is not person
                and p in self.entities
                and p.tokens[0] != person.tokens[0]
                and _sub_span(rest, p.tokens)
            ]
            spans = _occurrences(self.text, person.forms)
            if len(others) == 1 and spans and all(self._opens_sentence(a) for a, _ in spans):
                self.entities.remove(person)

    def _common_word(self, word: str) -> bool:
        """A word the article also writes in lower case, or a verb form ("Injecting",
        "Understated"); never a known given name."""
        if word in GIVEN_NAMES:
            return False
        lower = self._lower(word)
        return lower or (len(word) > 5 and word.endswith(("ing", "ed")))

    def _opens_sentence(self, start: int) -> bool:
        before = self.text[:start].rstrip(" \"“‘'(")
        return not before or before[-1] in ".!?;:\n"

    def _merge_spellings(self) -> None:
        """One person per name however it is spelled: "Raúl Castro" and "Raul Castro",
        "Moon Jae-In" and "Moon Jae-in"; and a surname written apart from the full name
        ("O'Neill" beside "James O’Neill", "De Blasio" beside "Bill de Blasio") when it is
        the surname of that one person only."""
        people = self.people()
        keys = {id(p): _spelling(p.name) for p in people}
        # each short name asks only the people whose key ends with its last word (a key
        # ending with it ends with that word), and a three-word key only the two-word ones
        # of its first and last words: the lists below, in the order of ``people``
        by_last: dict[str, list[Entity]] = {}
        by_ends: dict[tuple[str, ...], list[Entity]] = {}
        for p in people:
            if k := keys[id(p)]:
                by_last.setdefault(k[-1], []).append(p)
            if len(k) == 3:
                by_ends.setdefault((k[0], k[2]), []).append(p)
        for short in people:
            key = keys[id(short)]
            if not key:
                continue
            longer = [
                p
                for p in by_last.get(key[-1], ())
                if p is not short
                and len(keys[id(p)]) > len(key) - (len(key) > 1)
                and keys[id(p)][len(keys[id(p)]) - len(key) :] == key
                and not _gender_clash(_honorific_genders(short.forms), p)
                and not _kin_clash(short.tokens, short.role, p)
                and not _other_title_kind(short.forms, p)
                and p in self.entities  # last: a list's test, each entity compared field by field
            ]
            if len(longer) == 1 and short in self.entities:
                self._merge(short, longer[0])
        for short in people:  # "Hillary Clinton" beside "Hillary Rodham Clinton"
            key = keys[id(short)]
            if len(key) != 2:
                continue
            longer = [p for p in by_ends.get(key, ()) if p in self.entities]
            if len(longer) == 1 and short in self.entities:
                self._merge(short, longer[0])
        self._merge_slips(keys)
        self._merge_given_forms(keys)
        self._merge_first_surnames(keys)

    def _merge_slips(self, keys: dict[int, tuple[str, ...]]) -> None:
        """A surname one letter off the surname of one other person and of no one else
        ("Skura said" beside "Mark Skurka", "Mr Jepp" beside "Jim Jepps", "Clarence
        Haberdashem" beside "Clarence Haberdasham"): the article misspells one name. The
        given names must agree when both are written; the slip goes into the full name,
        else into the form the article uses more often."""
        people = [p for p in self.people() if id(p) in keys]
        surnames = Counter(keys[id(p)][-1] for p in people if keys[id(p)])
        for slip in people:
            key = keys[id(slip)]
            if not key or surnames[key[-1]] > 1 or slip.tokens[-1] in GIVEN_NAMES:
                continue
            near = [
                p
                for p in people
                if p is not slip
                and (keys[id(p)][:-1] == key[:-1] or len(key) == 1 or len(keys[id(p)]) == 1)
                and one_letter_apart(key[-1], keys[id(p)][-1])
                and not _gender_clash(_honorific_genders(slip.forms), p)
                and p in self.entities  # last: a list's test, each entity compared field by field
            ]
            if len(near) != 1 or slip not in self.entities:
                continue
            (other,) = near
            given = max(slip.tokens, other.tokens, key=len)[0]
            if self._other_given_name(slip, given) or self._other_given_name(other, given):
                continue  # "Nate Cohn" beside "Jon Cohen": two people
            if (len(other.tokens), self._times(other)) > (len(slip.tokens), self._times(slip)):
                self._merge(slip, other)

    def _merge_given_forms(self, keys: dict[int, tuple[str, ...]]) -> None:
        """Two people with one surname whose given names are one name's short form
        ("Josh Sweet" beside "Joshua Sweet", "Ken Starr" beside "Kenneth Starr") or one
        letter apart ("Hilary Clinton" beside "Hillary Clinton"): one person, whatever
        other namesake the article has ("Bill Clinton"). Not when the given names may say
        two genders ("Louis" and "Louise", "Paul" and "Paula": a woman's ending added to
        a name is no full form of it). The short form goes into the full one; a slip into
        the other spelling (`_spelled_right`)."""
        people = [p for p in self.people() if len(keys.get(id(p), ())) >= 2]
        for one in people:
            for other in people:
                a, b = keys[id(one)], keys[id(other)]
                if a[1:] != b[1:] or len(a[0]) > len(b[0]) or a[0] == b[0]:
                    continue  # (each pair is met twice: the shorter given name first)
                # after the keys: a list's test, each entity compared field by field
                if one not in self.entities or other not in self.entities:
                    continue  # merged already
                if b[0].startswith(a[0]):
                    if not (
                        len(a[0]) < 3
                        or b[0][len(a[0]) :] in _FEMININE_ENDINGS  # "Paula", "Louise"
                        or _two_genders(one.tokens[0], other.tokens[0])  # "Samantha"
                    ):
                        self._merge(one, other)
                    continue
                genders = _given_gender(one.tokens) | _given_gender(other.tokens)
                if len(a[0]) >= 5 and len(genders) < 2 and one_letter_apart(a[0], b[0]):
                    slip, right = sorted((one, other), key=self._spelled_right)
                    self._merge(slip, right)

    def _merge_first_surnames(self, keys: dict[int, tuple[str, ...]]) -> None:
        """ "President Peña" beside "Enrique Pena Nieto": the first of two surnames, written
        alone after a title, is the one person's whose name holds it there ("López" for
        "Andrés Manuel López Obrador"), accents folded; not a given name, nor a word that
        ends another person's name."""
        people = [p for p in self.people() if id(p) in keys]
        lasts = Counter(keys[id(p)][-1] for p in people if len(keys[id(p)]) > 1)
        for short in people:
            key = keys[id(short)]
            titled = any(f != short.name and f.endswith(short.name) for f in short.forms)
            if len(key) != 1 or lasts[key[0]] or short.name in GIVEN_NAMES or not titled:
                continue
            holders = [p for p in people if len(keys[id(p)]) >= 3 and keys[id(p)][-2] == key[0]]
            if len(holders) == 1 and short in self.entities and holders[0] in self.entities:
                self._merge(short, holders[0])

    def _spelled_right(self, person: Entity) -> tuple[bool, int]:
        """Which of two spellings of a name is the slip (`_merge_given_forms`): the one
        whose given name is no known one ("Donand"), else the one written less often."""
        return person.tokens[0] in GIVEN_NAMES, len(_occurrences(self.text, {person.name}))

    def _other_given_name(self, person: Entity, given: str) -> bool:
        """Whether the article writes ``person``'s surname after a name-like word other
        than the given name ``given`` ("Nate Cohn" beside "Jon Cohen"); not after a
        title ("Officer", "Mr") or a word the article also writes in lower case."""
        for start, _ in literal_spans(self.text, person.tokens[-1]):
            before = _WORD_BEFORE.search(self.text, max(0, start - 30), start)
            word = before.group(1) if before else given
            if word != given and word not in _NOT_GIVEN and not self._lower(word):
                return True
        return False

    def _times(self, person: Entity) -> int:
        """How often the article uses one of ``person``'s forms."""
        return len(_occurrences(self.text, person.forms | {person.name}))

    def _unclip(self) -> None:
        """A name of clipped words ("Lib Dems", "Lib Dem") that the article also writes in
        full ("Liberal Democrats"): one body, under the full name. Every word must be
        clipped (a person's surname never is: "Chris Smith" stays "Chris Smith")."""
        self._unclipped_spans: list[tuple[int, int]] = []
        for entity in list(self.entities):
            full = self._unclipped(entity.name)
            if full is None or entity not in self.entities:
                continue
            self._unclipped_spans += _occurrences(self.text, {full})
            into = next((e for e in self.entities if e.name == full and e is not entity), None)
            entity.forms |= {entity.name, full}
            if into is None:
                entity.name, entity.type = full, "organization"
            else:
                self._merge(entity, into)
                into.type = "organization"

    def _unclipped(self, name: str) -> str | None:
        """The full form the article writes of a name of clipped words, if one."""
        words = name.split()
        if len(words) < 2 or any(len(w) < _CLIP_MIN or not w[0].isupper() for w in words):
            return None
        stems = [w[:-1] if w.endswith("s") else w for w in words]
        if not all(_lengthened(self.text, stem) for stem in stems):
            return None  # most names: a pattern compiled per name costs more than this test
        parts = [
            re.escape(w[:-1]) + r"[a-z]+s" if w.endswith("s") else re.escape(w) + r"[a-z]+"
            for w in words
        ]
        found = Counter(re.findall(r"\b" + r"\s+".join(parts) + r"\b", self.text))
        return found.most_common(1)[0][0] if found else None

    def _add_named_subjects(self) -> None:
        """Untitled full names ("Donald Trump landed"): people when the surname is also used
        alone ("Trump said", "asked Trump"), as an article does for a person it is about,
        even one who never speaks in it; or when the full name itself recurs ("Gennifer
        Flowers ... Gennifer Flowers"), as it does for a person the article is about; or,
        with a known given name, when it is a verb's subject ("Hillary Clinton has backed
        a no-fly zone") or a source ("according to Richard Rossow, a fellow at"), which
        also keeps it from being a name in passing."""
        found: list[tuple[tuple[str, ...], str, str]] = []
        for para in self._prose:
            for m in _FULL_NAME.finditer(para.text):
                tokens = _clean_name(m.group())
                if not 2 <= len(tokens) <= 3 or not _is_person_name(tokens):
                    continue
                if tokens[1].islower() and (tokens[0] in US_STATES or tokens[0] in _STATE_WORDS):
                    continue  # "in age-obsessed California de Grey": a place, and a name
                trimmed = self._without_prefix(tokens)
                if _given_in_second(trimmed) and _TITLE_OF.search(para.text, 0, m.start()):
                    trimmed = trimmed[1:]  # "Chancellor of the Exchequer Kenneth Clarke"
                form = m.group() if trimmed == tokens else " ".join(trimmed)
                tokens = trimmed
                before = _proper_noun_before(para.text, m.start())
                how = ""
                if (
                    before
                    and not _STATE_OWNER.match(before.group())
                    and not _given_and(before.group(), tokens)
                    and not self._surname_and(para.text, m.start(), tokens)
                ):
                    # "the death of Terence Crutcher"; "the Bernie Sanders campaign",
                    # "Ohio's John Kasich" (see below); not "the Winter Olympics"
                    how = "of" if _after_common_word(para.text, before.start()) else "the"
                how = how or (
                    "lead" if para.index == self._lead[0] and m.start() < self._lead[1] else ""
                )
                if not how and self._opening_mention(para, m.start(), m.end(), tokens):
                    how = "opening"
                if not how and _acts_after(para.text, m.start(), m.end()):
                    how = "acts"
                if not how and _ACCORDING_TO.search(para.text, max(0, m.start() - 14), m.start()):
                    how = "source"  # "according to Richard Rossow, a fellow at": `_add_sources`
                if not how and _introduced_by(para.text, m.start()):
                    how = "introduced"  # "Manchester City masseur Mark Sertori"
                found.append((tokens, form, how))
        given = GIVEN_NAMES
        prose = set(self._prose)  # not a list's test, each paragraph compared field by field
        for para in self.paragraphs:
            if para in prose:
                continue
            # a title line ("Donald Trump Praises Breitbart"): a known given name and the
            # word after it, the body using that word alone
            for m in re.finditer(rf"(?=(?<![\w.'’-])({_TOKEN})\s+({_TOKEN}))", para.text):
                if m[1] in given and _is_person_name((m[1], m[2])):
                    found.append(((m[1], m[2]), f"{m[1]} {m[2]}", "title"))
        counts = Counter(tokens for tokens, _, how in found if how != "the")
        for tokens, form, how in found:
            if self._person_for(tokens, "") is not None or not self._given_name(tokens):
                continue
            if how == "of" and not (tokens[0] in given or self._alone(tokens[-1], times=2)):
                continue  # "the streets of Miami Beach", "the votes of Sikh Americans"
            if how == "the" and not (tokens[0] in given and self._alone(tokens[-1], times=2)):
                continue  # a known given name, and the surname used on its own
            if how == "title" and not self._alone(tokens[-1]):
                continue
            if (
                self._acts_alone(tokens[-1])
                or self._alone(tokens[-1])
                or counts[tokens] >= 2
                or self._family_name_first(tokens)
                or (
                    how in ("lead", "acts", "opening", "source", "introduced")
                    and tokens[0] in given
                )
            ):
                self._add_full_name(tokens, form)

    def _surname_and(self, text: str, start: int, tokens: tuple[str, ...]) -> bool:
        """ "Jose Aldo and Conor McGregor ... McGregor snatching the belt", "Burt, Brandon
        and Brody Jenner": a pair after a list of names and "and", whose last word the
        article also uses alone, is a person, whatever the given name; not the second half
        of a body's name ("a spokesman for Leisure and Culture Dundee")."""
        listed = _NAMES_AND.search(text, max(0, start - 60), start) is not None
        return listed and self._alone(tokens[-1])

    @cached_property
    def _first_prose(self) -> set[int]:
        """The paragraphs that are the article's opening: its first prose paragraphs."""
        prose = (p.index for p in self.paragraphs if len(p.text.split()) >= _LEAD_WORDS)
        return set(itertools.islice(prose, _LEAD_PARAGRAPHS))  # not every paragraph split

    def _opening_mention(
        self, para: Paragraph, start: int, end: int, tokens: tuple[str, ...]
    ) -> bool:
        """A full name in the article's opening paragraphs, as a noun of its own: who the
        story is about is named there, in a list ("candidates Hillary Clinton and Donald
        Trump cited the figure") or as an object ("a loss to Donald Trump"), not only as
        a subject. Not a place ("at Walter Reed"), a photo credit ("Scott Olson/Getty
        Images"), a caption ("Roger Murphy (left)") or names run together."""
        if para.index not in self._first_prose or any(_CAMEL.search(t) for t in tokens):
            return False
        before = _word_before(para.text, start)
        if before and before[0].lower() in PLACE_PREPOSITIONS:
            return False
        return not re.match(r"\s*(?:/|\((?:left|right|center|top|bottom)\))", para.text[end:])

    def _family_name_first(self, tokens: tuple[str, ...]) -> bool:
        """ "Kim Jong Un" ... "Kim": a three-word name whose first word stands alone, and
        whose other words the article never writes in lower case ("Clinton Was Headed")."""
        return (
            len(tokens) == 3
            and self._alone(tokens[0])
            and not any(self._lower(t) for t in tokens[1:])
        )

    def _given_name(self, tokens: tuple[str, ...]) -> bool:
        """Whether an untitled capitalised pair can be a first and last name: no place
        start ("New Hampshire"), title ("U.S. Secretary") or state form, and a first word
        the article never writes in lower case ("Peace Games", "Human Rights") unless it
        is a known given name ("Bill Clinton" in an article about a bill). A known given
        name makes a title word after it a surname ("Larry King", "Mark Judge")."""
        first = tokens[0]
        titled = [t for t in tokens if t in _TITLE_WORDS]
        if titled and not (first in GIVEN_NAMES and titled == [tokens[-1]]):
            return False
        if first in _PLACE_STARTS or any(t in _STATE_OF for t in tokens):
            return False
        if first in GIVEN_NAMES:
            return True
        return not self._lower(first)

    def _add_full_name(self, tokens: tuple[str, ...], form: str) -> None:
        """A new person, or the full name of one known so far only as "Mr. Trump"."""
        shorter = [
            e
            for e in self.people()
            if _sub_span(e.tokens, tokens)
            and not (tokens[-1] in _SUFFIXES and self._without_suffix(e.tokens))
            and not _gender_clash(_given_gender(tokens), e)  # "Mrs. Clinton" is no Bill
        ]
        if len(shorter) == 1:
            shorter[0].name = " ".join(tokens)
            shorter[0].forms.add(form)
        else:
            self.entities.append(Entity(" ".join(tokens), "person", forms={form}))

    def _without_suffix(self, tokens: tuple[str, ...]) -> bool:
        """Whether the article writes this full name with no "Jr" or "Sr" after it: "Donald
        Trump" beside "Donald Trump Jr" is his father, while "John G. Roberts" cut from
        "John G. Roberts Jr." is the same man."""
        if len(tokens) < 2 or tokens[-1] in _SUFFIXES:
            return False
        name = re.escape(" ".join(tokens))
        return re.search(rf"\b{name}\b(?!,?\s+(?:Jr|Sr|II|III|IV)\b)", self.text) is not None

    def _acts_alone(self, surname: str) -> bool:
        """Whether the surname alone (no capitalised word before it) is a speech verb's subject."""
        for start, end in _occurrences(self.text, {surname}):
            after = _word_after(self.text, end, 20)
            before = _word_before(self.text, start)
            joined = (
                before
                and before[0][:1].isupper()
                and not before[0].endswith((".", ","))
                and before[0] not in STOP_CAPS  # "But Trump said"
            )
            if after and after[0].strip(",.;:") in SPEECH_VERBS and not joined:
                return True
        return False

    def _person_for(self, tokens: tuple[str, ...], role: str, form: str = "") -> Entity | None:
        # "Mrs. Clinton" is not Bill Clinton, nor "Mr. Obama" Michelle Obama
        other = _GENDERED.get(form.split()[0] if form else "", frozenset())
        said = _honorific_genders({form})
        short = _no_initials(tokens)
        first = short[0] if short else " "  # a word of a name it is part of, in that name
        people = [
            e
            for e in self.entities
            if e.type == "person"
            and first in e.name
            and sub_span(short, _no_initials(e.tokens))
            and not (e.tokens[-1] in _SUFFIXES and self._without_suffix(tokens))
            and not (len(e.tokens) > 1 and e.tokens[0] in other)
            and not _gender_clash(said, e)
            and not _kin_clash(tokens, role, e)
            and not _other_title_kind({form}, e)
        ]
        if len(people) > 1 and role:
            same_role = [e for e in people if role.split()[-1] in e.role]
            people = same_role or people
        if len(people) > 1 and said:  # "Mr. Kim" beside "Mr. Kim's father, Kim Jong Il":
            # the son; not "President Halvorsen" beside "his brother, George Halvorsen"
            people = [e for e in people if not _relative(e.role)] or people
        return people[0] if people else None

    def _add_surnames(self) -> None:
        """Surname-only forms ("Putin"; "Moon" for Moon Jae-in), unless two people share it."""
        people = [e for e in self.people() if len(e.tokens) >= 2]
        counts = Counter(t for e in people for t in {e.tokens[0], e.tokens[-1]})
        for person in people:
            for surname in (person.tokens[-1], person.tokens[0]):
                if surname in _SUFFIXES:
                    continue  # "Junior" alone is no name of Robert Downey Junior
                if counts[surname] == 1 and len(surname) > 2 and self._alone(surname):
                    person.forms.add(surname)
                    break
            else:  # "John Mills Jr." ... "Mills": the surname before the suffix, if no one else's
                core = person.tokens[-2]
                suffixed = person.tokens[-1] in _SUFFIXES and len(person.tokens) > 2
                if suffixed and not counts[core] and len(core) > 2 and self._alone(core):
                    person.forms.add(core)
            given = person.tokens[0]  # "Hillary" for Hillary Clinton, as some outlets write
            if given in GIVEN_NAMES and counts[given] == 1 and self._alone(given):
                person.forms.add(given)
        self._add_shared_surnames(people)

    def _add_shared_surnames(self, people: list[Entity]) -> None:
        """A surname two people share ("Donald Trump", "Ivanka Trump") goes to the one the
        article names first of those it never calls by the given name alone ("Ivanka
        said"): news style names the others by their given names, and the first one named
        is the one the story is about."""
        by_surname: dict[str, list[Entity]] = {}
        for person in people:
            by_surname.setdefault(person.tokens[-1], []).append(person)
        for surname, sharing in by_surname.items():
            if len(sharing) < 2 or len(surname) <= 2 or not self._alone(surname):
                continue
            by_surname_only = [p for p in sharing if not self._alone(p.tokens[0])]
            if by_surname_only:
                first = min(by_surname_only, key=lambda p: _occurrences(self.text, p.forms)[0])
                first.forms.add(surname)

    def _alone(self, word: str, times: int = 1) -> bool:
        """Whether ``word`` occurs (``times`` times or more) with no capitalised word right
        before or after it."""
        for start, end in _occurrences(self.text, {word}):
            if self._alone_at(start, end):
                times -= 1
                if times == 0:
                    return True
        return False

    def _alone_at(self, start: int, end: int) -> bool:
        """Whether the word at ``start``-``end`` has no capitalised word right before or
        after it (nor a nickname in quotation marks and then one: "Juan \"Chico\" Ruiz")."""
        if _NICKNAME_IN.match(self.text, end):
            return False
        before = _word_before(self.text, start)
        after = _word_after(self.text, end)
        joined = [
            w
            for w in before
            if w[:1].isupper() and not w.endswith((".", ",", ":")) and w not in STOP_CAPS
        ]  # "If Trump's plan" is Trump alone
        # "Donald J. Trump Foundation": an initial after it joins it too
        return not joined and not (after and re.match(r"[A-Z](?:[a-z]|\.$)", after[0]))

    def _add_lone_speakers(self) -> None:
        """A single capitalised word that speaks ("Melanie said", "said Vitter") and names
        nothing known: a person the article names by one word only. Not a word the article
        also writes in lower case, nor a role ("Officials said")."""
        known = {w for e in self.entities for f in e.forms for w in f.split()}
        for para in self._prose:
            said = _said_matches(para.text)
            if said is None:
                continue  # both patterns need a speech verb
            for pattern in (_SUBJECT_SAID, _SAID_SUBJECT):
                for m in said[id(pattern)]:
                    word = m["name"]
                    if " " in word or word in known or not _is_person_name((word,)):
                        continue
                    if pattern is _SAID_SUBJECT and not _INVERTED.search(para.text, 0, m.start()):
                        continue  # "Television said Mangkhut triggered": the said thing's subject
                    if pattern is _SUBJECT_SAID and _names_a_thing(para.text, m.start()):
                        continue  # "Tropical storm Mangkhut continued"
                    if word in STOP_CAPS or word in _STATE_WORDS or word in _TITLE_WORDS:
                        continue
                    if word in NOT_ACTORS or _role_after(para.text, m.end()):
                        continue  # "Obamacare has said"; "said Priorities spokesman Justin Barasky"
                    if word in _PLACE_STARTS:
                        continue  # "38 North said", "the North said": no one's name
                    if _common_noun(word) or self._lower(word):
                        continue
                    self.entities.append(Entity(word, "person", forms={word}))
                    known.add(word)

    def _add_aged_first_names(self) -> None:
        """ "Carla, 23, was taken into care": a single capitalised word that opens a
        sentence with an age after it, as human-interest stories name the people they
        follow, is a person named by one word only. Not a word of a name already known,
        nor one the article ever writes after another capitalised word ("Alessandra
        Mussolini ... Mussolini, 33, resigned" is hers), nor a word it writes in lower
        case or a place's or role's."""
        if not _AGED_AFTER.search(self.text):
            return  # (a cheap test first)
        known = {w for e in self.entities for f in e.forms for w in f.split()}
        for para in self._prose:
            for m in _AGED.finditer(para.text):
                word = m["name"]
                if " " in word or word in known or not _opens_sentence(para.text, m.start()):
                    continue
                if not _is_person_name((word,)) or word in STOP_CAPS | _STATE_WORDS:
                    continue
                if word in _TITLE_WORDS or word in _PLACE_STARTS or word in NOT_ACTORS:
                    continue
                if _common_noun(word) or self._lower(word):
                    continue
                if all(self._alone_at(a, b) for a, b in _occurrences(self.text, {word})):
                    self.entities.append(Entity(word, "person", forms={word}))
                    known.add(word)

    def _add_one_word_organisations(self) -> None:
        """A one-word name with no head word that the article keeps using on its own and
        that acts ("Tesla has hiked prices", "released by Al-Shabaab ... Al-Shabaab
        said", "the AFL-CIO endorsed"): a company or body named by its name alone. Not a
        word the article also writes in lower case, nor one the lexicon or a known name
        explains (a given name, a surname, a country, a title, a role). A name inside a
        known person's title ("USDA spokesman Tim Murtaugh") is no reason to skip it. Two
        uses on its own are enough where one acts and one owns ("Ofsted criticised the
        trust ... Ofsted's report said")."""
        known = {w for e in self.entities for w in e.tokens} | {
            f for e in self.entities for f in e.forms if " " not in f
        }
        seen: set[str] = set()
        joins = _join_objects(self.text)
        for m in _ONE_WORD.finditer(self.text):
            word = m.group()
            if word in seen or word in known:
                continue
            seen.add(word)
            if (
                (word in STOP_CAPS and word not in _PLATFORMS)  # "Twitter said", not "Share"
                or (word.isupper() and word.title() in STOP_CAPS)  # "MORE"
                or word in NOT_NAMES
                or word in NOT_ACTORS
                or word in _TITLE_WORDS
                or word in _STATE_WORDS
                or word in US_STATES
                or word in GIVEN_NAMES
                or word in _PLACE_STARTS
                or _common_noun(word)
                or self._lower(word)
            ):
                continue
            if (word[-1] == "s" and not _CAMEL.search(word)) or self._place_or_person(word):
                continue  # "Cubans" (not "WikiLeaks"), "in Cleveland", "President Trump"
            if self._commentary_line(word):
                continue  # "Attempt missed. Kieron Morris (Walsall) left footed shot"
            joined = _joined(self.text, word, joins)  # no person: one joins a body
            owned = word.isupper() and self._owns(word) and self._alone(word, times=_OWNER_TIMES)
            if (
                self._alone(word, times=3)
                and (joined or self._acts(word) or self._headlined(word) or owned)
            ) or (self._alone(word, times=2) and self._acts(word) and self._owns(word)):
                personal = not joined and not word.isupper() and self._personal(word)
                kind: ActorType = "person" if personal else "organization"
                self.entities.append(Entity(word, kind, forms={word}))
                known.add(word)

    def _commentary_line(self, word: str) -> bool:
        """Whether every use of ``word`` is a live commentary's line of two words, the
        word and a participle ("Attempt missed.", "Attempt blocked."): an event's label,
        not a body that acts."""
        spans = _form_spans(self.text, word)
        return bool(spans) and all(
            self._opens_sentence(start) and _PARTICIPLE_LINE.match(self.text, end)
            for start, end in spans
        )

    def _add_described_bodies(self) -> None:
        """A body with no head word that the article describes as one beside its name and
        that acts there: "American Crossroads, a super PAC aligned with Karl Rove, released
        an ad", "The opposition party, the Economic Freedom Fighters, has backed them",
        "solidarity group AfriForum handed a memorandum". The noun says it is a body (no
        person, no place); the verb after it that the story is about it."""
        nouns = [n for n in _BODY_NOUN_FORMS if n in self.text]  # the few the article holds
        if not any(n in _BODY_NOUN_WORDS for n in nouns):
            return
        known = {f for e in self.entities for f in e.forms} | {e.name for e in self.entities}
        for para in self._prose:
            text = para.text
            if not any(n in text for n in nouns):
                continue  # each pattern matches one of the nouns
            for m in itertools.chain(
                _NAME_THEN_BODY.finditer(text),
                _BODY_THEN_NAME.finditer(text),
                _BODY_BEFORE_NAME.finditer(text),
            ):
                tokens = m["name"].split()
                while tokens and tokens[0] in STOP_CAPS:
                    tokens.pop(0)
                name = " ".join(tokens)
                if not self._body_name(tokens) or name in known:
                    continue
                if _RUN_BEFORE.search(text, max(0, m.start("name") - 40), m.start("name")):
                    continue  # "Right to Rise": the end of a longer name
                if _ACTING.match(text[m.end() :]) is None or para.inside_quote(m.start()):
                    continue
                # every case the article writes it in ("AfriForum", "Afriforum"): one body
                spellings = {
                    f.group()
                    for f in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self.text, re.I)
                }
                self.entities.append(Entity(name, "organization", forms=spellings | {name}))
                self.entities[-1].signals.add("subject")
                known |= spellings | {name}

    def _add_spoken_for_bodies(self) -> None:
        """ "A First Great Western spokesman said the firm was keen to help": a body with no
        head word whose spokesman speaks is an actor, the one whose words they are. Not a
        person's spokesman ("a Hale spokesman"), a state's ("a Russian spokesman") or a
        party's ("a Labour spokesman", found as the party)."""
        if "spokes" not in self.text:
            return
        known = {f for e in self.entities for f in e.forms} | {e.name for e in self.entities}
        people = {t for e in self.entities if e.type == "person" for t in e.tokens}
        for para in self._prose:
            for m in _SPOKESMAN_OF.finditer(para.text):
                tokens = m["name"].split()
                name = " ".join(tokens)
                if not self._body_name(tokens) or name in known or people & set(tokens):
                    continue
                if name in STATE_ADJECTIVES or name in GROUPS or para.inside_quote(m.start()):
                    continue
                self.entities.append(Entity(name, "organization", forms={name}))
                self.entities[-1].signals.add("subject")
                known.add(name)

    def _add_employers(self) -> None:
        """ "Rob Dobson, senior economist at Markit, said": a body named as a person's
        employer is an actor where the article names it again ("The Markit/CIPS survey
        found"): the body whose survey, report or statement the story is about. An
        expert's employer named once ("said Joe Doe, president of the Ploughshares Fund")
        only places the expert: no actor. A bracketed acronym counts as a second name only
        where the article uses it again."""
        known = {f for e in self.entities for f in e.forms} | {e.name for e in self.entities}
        people = {t for e in self.entities if e.type == "person" for t in e.tokens}
        for para in self._prose:
            for m in _EMPLOYED_AT.finditer(para.text):
                tokens = m["name"].split()
                if tokens[0] == "The":
                    tokens.pop(0)  # "editor for The Washington Post"
                name = " ".join(tokens)
                words = [t for t in tokens if t not in _SMALL_WORDS]  # "of Procurement and"
                if not self._body_name(words) or name in known or people & set(tokens):
                    continue
                if name in STATE_ADJECTIVES or name in GROUPS or name in COUNTRY_FORMS:
                    continue
                if self._place_or_person(name) or _IN_STATE.match(para.text, m.end()):
                    continue  # "the mayor of Oakland, California"
                forms = {name} | ({m["acronym"]} if m["acronym"] else set())
                if para.inside_quote(m.start()) or not self._named_again(forms, m["acronym"]):
                    continue  # only the expert's employer, not the story's body
                body = self._cut_short(tuple(tokens)) or Entity(name, "organization")
                if body not in self.entities:
                    self.entities.append(body)
                body.forms = (body.forms - {body.name}) | forms  # no cut name as an alias
                body.name = name
                body.signals.add("employer")
                known |= forms

    def _named_again(self, forms: set[str], acronym: str | None) -> bool:
        """Whether the article names a body other than as someone's employer ("senior
        economist at Markit", "said Pant of King's College London") or by its acronym's
        definition ("(CIPS)"): "The Markit/CIPS survey found", "a Victim Support worker"."""
        return any(
            not _EMPLOYER_BEFORE.search(self.text, max(0, start - 12), start)
            and not (acronym and self.text[start - 1 : start] == "(")
            for start, _end in _occurrences(self.text, forms)
        )

    def _cut_short(self, tokens: tuple[str, ...]) -> Entity | None:
        """A body found under the first words of ``tokens`` only ("Chartered Institute of
        Procurement" for "... of Procurement and Supply": "and" ends the head-word rule's
        names), which the full name replaces."""
        return next(
            (
                e
                for e in self.entities
                if e.type == "organization" and e.tokens == tokens[: len(e.tokens)]
            ),
            None,
        )

    def _add_peers(self) -> None:
        """ "The Duchess of Cornwall has launched her own honey ... the Duchess is patron": a
        person named by a peerage or a see ("Earl of Wessex", "Archbishop of Canterbury"),
        not a place, when the article acts on it or names it again; the bare title ("the
        Duchess") is a form of the one peer who holds it."""
        if " of " not in self.text:
            return
        known = {f for e in self.entities for f in e.forms} | {e.name for e in self.entities}
        found: dict[str, list[tuple[Paragraph, re.Match[str]]]] = {}
        for para in self._prose:
            for m in _PEER.finditer(para.text):
                found.setdefault(m["name"], []).append((para, m))
        titles = Counter(name.split()[0] for name in found)
        for name, seen in found.items():
            if name in known:
                continue
            title = name.split()[0]
            alone: set[str] = set()
            if titles[title] == 1:  # the title's one holder: its pattern only then
                bare = rf"(?<![\w-])[Tt]he\s+{title}(?![\w'’-])(?!\s+of\b)"
                alone = {m.group() for m in re.finditer(bare, self.text)}
            forms = {name} | alone  # "the Duchess", where no other duchess is named
            acts = any(_ACTING.match(p.text[m.end() :]) for p, m in seen)
            again = len(seen) > 1 or bool(alone)
            if acts or again:
                self.entities.append(Entity(name, "person", forms=forms))
                if acts:  # a peer who acts once is no one named in passing
                    self.entities[-1].signals.add("subject")

    def _add_teams_by_staff(self) -> None:
        """ "Chelsea manager Antonio Conte", "Manchester City boss Pep Guardiola": a name
        before a word for a team's staff and a person's name is the team's, an organisation
        the story is about when it names it again ("defeat at Chelsea"). A given name may
        be a team's there ("Chelsea"); a known person's name is not ("a Hale aide")."""
        if not any(w in self.text for w in _STAFF_WORDS):
            return
        known = {f for e in self.entities for f in e.forms} | {e.name for e in self.entities}
        people = {t for e in self.entities if e.type == "person" for t in e.tokens}
        for para in self._prose:
            for m in _TEAM_STAFF.finditer(para.text):
                tokens = m["name"].split()
                while tokens and tokens[0] in STOP_CAPS:
                    tokens.pop(0)
                name = " ".join(tokens)
                if not tokens or people & set(tokens):
                    continue
                self._add_staff(m["person"], m["role"], people)
                if name in known:
                    continue
                if tokens[0] in GIVEN_NAMES and len(tokens) == 1:
                    pass  # "Chelsea manager": no one's given name before "manager"
                elif not self._body_name(tokens):
                    continue
                if name in _STATE_WORDS or name in STATE_ADJECTIVES or name in GROUPS:
                    continue
                if len(_form_spans(self.text, name)) < 2:
                    continue
                self.entities.append(Entity(name, "organization", forms={name}))
                known.add(name)

    def _add_bracketed_teams(self) -> None:
        """ "Joe Edwards (Walsall) wins a free kick ... Foul by Simeon Jackson (Walsall)": a
        name in brackets after people's full names, three times or more, is the team or
        body they play or stand for, as live reports write it: an organisation, though it
        never acts alone. Not a name the article's actors already hold, nor a state's."""
        # (a cheap test first: the brackets alone, found by their opening character)
        bracketed = Counter(_BRACKETED.findall(self.text))
        if not any(n >= _BRACKETED_TIMES for n in bracketed.values()):
            return
        counts = Counter(m["team"] for m in _BRACKETED_TEAM.finditer(self.text))
        known = {f for e in self.entities for f in (*e.forms, e.name)}
        for team, n in counts.items():
            if n < _BRACKETED_TIMES or team in known or team in _STATE_WORDS | STOP_CAPS:
                continue
            self.entities.append(Entity(team, "organization", forms={team}, signals={"party"}))

    def _add_staff(self, name: str, role: str, people: set[str]) -> None:
        """The person a team's staff word names ("Chelsea fitness coach Paolo Bertelli"),
        with that role, unless the article already holds someone of that surname."""
        tokens = _name_tokens(name)
        if tokens[-1] in people or any(t in STOP_CAPS for t in tokens):
            return
        self.entities.append(Entity(name, "person", role, forms={name}))
        people.update(tokens)

    def _body_name(self, tokens: list[str]) -> bool:
        """Whether a capitalised run may be a body's own name: not a person's (a known
        given name first), a state's, a place's or a word the article writes in lower case."""
        if not tokens or len(tokens) > 5 or tokens[-1] in _SMALL_WORDS:
            return False
        if len(tokens) == 1 and (
            tokens[0] in NOT_NAMES or tokens[0] in GIVEN_NAMES or self._lower(tokens[0])
        ):
            return False
        name = " ".join(tokens)
        return not (
            tokens[0] in GIVEN_NAMES
            or name in _STATE_WORDS
            or name in US_STATES
            or all(t in STOP_CAPS or t in _SMALL_WORDS for t in tokens)
        )

    def _owns(self, word: str) -> bool:
        """Whether the article writes ``word`` as an owner ("UKIP's national executive"),
        and it is no outlet that people talk to."""
        if f"told {word}" in self.text or f"told the {word}" in self.text:
            return False  # "told CNN", "CNN's Margot Haddad reported": the press
        return f"{word}'s" in self.text or f"{word}’s" in self.text

    def _add_ampersand_firms(self) -> None:
        """Two capitalised words joined by "&" that the article names twice ("administrators
        Duff & Phelps ... Duff & Phelps have lined up"): a firm, named as its founders were
        ("Marks & Spencer", "Ernst & Young"); no head word says so (`_org_name`)."""
        if " & " not in self.text:
            return
        known = {f for e in self.entities for f in e.forms}
        found = Counter(
            m.group()
            for m in _AMPERSAND.finditer(self.text)
            if self._alone_at(m.start(), m.end())  # not "Kratos Defense & Security Solutions"
        )
        for name, times in found.items():
            words = name.split(" & ")
            if times < 2 or name in known or any(w in STOP_CAPS for w in words):
                continue
            self.entities.append(Entity(name, "organization", forms={name}))

    def _add_speaking_seats(self) -> None:
        """A place's name that speaks twice or more ("Downing Street said", "Buckingham
        Palace declined to comment"): the body seated there, by metonymy (ANNOTATION.md),
        an organisation the article quotes; a place no one would quote otherwise."""
        if not any(h in self.text for h in _PLACE_HEADS):
            return
        spoke = Counter(m["seat"] for m in _SEAT_SAID.finditer(self.text))
        known = {f for e in self.entities for f in e.forms}
        for seat, times in spoke.items():
            if times >= 2 and seat not in known:
                self.entities.append(Entity(seat, "organization", forms={seat}))

    def _add_surnamed(self) -> None:
        """ "The woman, identified only by her surname Wang", "a man surnamed Li": a person
        the article singles out by that one word only, wherever it names it."""
        known = {f for e in self.entities for f in e.forms}
        if "surnamed" not in self.text and "identified only" not in self.text:
            return  # (`_SURNAMED` opens with "\b", tried at every character)
        for m in _SURNAMED.finditer(self.text):
            if m["name"] not in known:  # singled out: never a name in passing (`_in_passing`)
                person = Entity(m["name"], "person", forms={m["name"]}, signals={"singled"})
                self.entities.append(person)
                known.add(m["name"])

    def _add_speaking_institutions(self) -> None:
        """ "sued the hospital ... The hospital, however, argued that": an institution the
        article never names, described by its kind, that speaks and is named twice or more;
        not where the article names one of that kind ("Shenyang Central Hospital")."""
        for m in _INSTITUTION_SAID.finditer(self.text) if " the " in self.text else ():
            noun = m["noun"].lower()
            if re.search(rf"[A-Z][\w.'’-]*\s+{noun.title()}\b", self.text):
                continue
            if len(_occurrences(self.text, {f"the {noun}", f"The {noun}"})) >= 2:
                self.entities.append(
                    Entity(f"the {noun}", "organization", forms={f"the {noun}", f"The {noun}"})
                )
                return

    def _headlined(self, word: str) -> bool:
        """Whether the article's title, or a title line before its lead paragraph, names
        ``word``: a body the headline names ("AFL-CIO to endorse Clinton") and the body
        keeps naming is what the story is about, whatever verb it takes there."""
        headlined = _occurrences(self.title, {word}) or any(
            p.index < self._lead[0] and len(p.text.split()) < _LEAD_WORDS and word in p.text
            for p in self.paragraphs
        )
        if not headlined:
            return False
        if word.isupper() or _CAMEL.search(word):
            return True  # "AFL-CIO", "WikiLeaks": a name, not a word that qualifies
        return self._as_noun(word, times=2)

    def _as_noun(self, word: str, times: int) -> bool:
        """Whether ``word`` stands as a noun of its own (``times`` times or more): not after
        a preposition ("in Orlando", "after Benghazi"), and followed by punctuation, a
        possessive or a word that may follow a noun, not by the noun it qualifies
        ("Benghazi attack", "Muslim refugees")."""
        for start, end in _occurrences(self.text, {word}):
            before = _word_before(self.text, start)
            if before and before[0].lower() in PREPOSITIONS | PLACE_PREPOSITIONS:
                continue
            after = re.match(r"['’]s\b|\s*(?:[^\w\s]|$)|\s+(\w+)", self.text[end:])
            if after and (after[1] is None or after[1] in AFTER_A_NOUN):
                times -= 1
                if times == 0:
                    return True
        return False

    def _personal(self, word: str) -> bool:
        """Whether the sentences that name ``word`` say "he" or "she" more than "it": a
        person the article calls by the surname only ("Obama blames ...")."""
        found = Counter[str]()
        for para in self.paragraphs:
            if word not in para.text:
                continue
            for a, b in para.sentences():
                sentence = para.text[a:b]
                if _has_word(sentence, word):
                    found.update(
                        "it" if w.lower() in ("it", "its") else "he"
                        for w in re.findall(
                            r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er|[Ii]ts?)\b", sentence
                        )
                    )
        return found["he"] > found["it"]

    def _add_parts_of_government(self) -> None:
        """ "the Trump administration", "congressional Democrats", "House Republicans": a
        government or a party's members in one chamber, named twice, are one actor each
        (the article's news is often what they did), not the person or chamber inside.
        Named once, each is a candidate that counts only with a sign that it acts or
        leads ("the Obama administration announced new limits")."""
        found: dict[str, list[str]] = {}
        # one of the words ends every match, a whole run of ASCII letters after a blank: tried
        # only at the word before such a run (`_phrases_at_heads`)
        heads = _GOVERNMENT_WORDS.intersection(_letter_runs(self.text))
        for m in _phrases_at_heads(_GOVERNMENT, self.text, heads, _ASCII_LETTERS, 1):
            form = m.group()
            key = form[0].upper() + form[1:]
            found.setdefault(key, []).append(form)
        found = {k: v for k, v in found.items() if k.split()[0] not in STOP_CAPS}
        administrations = [k for k in found if k.endswith("administration")]
        for key, forms in found.items():
            kind: ActorType = "organization" if key.endswith("administration") else "group"
            entity = Entity(key, kind, forms=set(forms))
            if administrations == [key]:
                entity.forms.add("the administration")
            self.entities.append(entity)

    def _add_missions(self) -> None:
        """ "The Chinese embassy in Islamabad condemned the attack": a state's embassy or
        consulate, named by the state's adjective, is a body of its own (it counts with a
        sign that it acts, as any body does), named in its fullest form, the shorter one
        an alias; not the state, whose forms "the Turkish government" are."""
        found: dict[str, set[str]] = {}
        for m in (
            _MISSION.finditer(self.text)
            if "embassy" in self.text or "consulate" in self.text
            else ()
        ):
            if m["adjective"] in STATE_ADJECTIVES:
                found.setdefault(f"{m['adjective']} {m['kind']}", set()).add(m.group())
        for short, forms in found.items():
            name = max(forms, key=len)
            self.entities.append(Entity(name, "organization", forms=forms | {short}))

    def _add_kin_named(self) -> None:
        """ "Mack's daughter Stella ... baby Stella ... Stella has six fingers": a person the
        article introduces by a relation or an age and then names by that one word alone,
        three times or more; no word of a name already known ("husband Larry Smith")."""
        if _KIN_RUNS.isdisjoint(_letter_runs(self.text)) and not any(
            age in self.text for age in _KIN_AGES
        ):
            return  # (`_KIN_AHEAD`'s words open with most letters: `re` tries it nearly anywhere)
        known = {w for e in self.entities for f in e.forms for w in f.split()}
        for m in _kin_named(self.text):
            word = m["name"]
            if word in known or word in STOP_CAPS or word in _STATE_WORDS:
                continue
            if word in _TITLE_WORDS or _common_noun(word) or self._lower(word):
                continue
            if self._alone(word, _KIN_TIMES):
                self.entities.append(Entity(word, "person", forms={word}, signals={"singled"}))
                known.add(word)

    def _add_devolved_governments(self) -> None:
        """ "The Welsh government proposed the zones", "the Scottish government remained
        committed": a government of one of the UK's nations is a body (it counts with a
        sign that it acts, as any body does), whatever the case of "government"."""
        if "Scottish" not in self.text and "Welsh" not in self.text and "Ireland" not in self.text:
            return
        found: dict[str, set[str]] = {}
        for m in _DEVOLVED.finditer(self.text):
            found.setdefault(m.group().lower(), set()).add(m.group())
        for forms in found.values():
            known = next((e for e in self.entities if e.name in forms), None)
            if known is not None:
                known.forms.update(forms)
            else:
                name = min(forms)  # "Scottish Government" before "Scottish government"
                self.entities.append(Entity(name, "organization", forms=forms))

    def _add_departments(self) -> None:
        """ "the Zhangzhou fire department wrote": a department named by a place and a
        lower-case kind is a body (it counts with a sign that it acts, as any body does)."""
        if "department" not in self.text and "ministry" not in self.text:
            return
        for m in _DEPARTMENT.finditer(self.text):
            if m["place"].split()[0] in STOP_CAPS:
                continue
            name = m.group()
            if not any(e.name == name for e in self.entities):
                self.entities.append(Entity(name, "organization", forms={name}))

    def _add_campaigns(self) -> None:
        """ "The Clinton campaign has refocused its efforts", "Trump campaign claims ...": a
        candidate's campaign, named after a person the article names, that the article
        names twice as a body of its own (or once, in its headline) is an organisation
        that acts; not where the words only qualify a role or a thing ("Trump campaign
        chairman Paul Manafort", "Clinton campaign events")."""
        surnames = {e.tokens[-1] for e in self.people()}
        found: dict[str, list[str]] = {}
        for m in _CAMPAIGN.finditer(self.text) if "campaign" in self.text else ():
            if m[1] in surnames and not _campaign_qualifies(self.text, m.end()):
                found.setdefault(f"{m[1]} campaign", []).append(m.group())
        for name, forms in found.items():
            headlined = re.search(rf"\b{name}\b", self.title, re.IGNORECASE)
            if len(forms) >= 2 or headlined:
                self.entities.append(Entity(name, "organization", forms=set(forms)))
                self._campaigns.append(self.entities[-1])

    def _trim_campaigns(self) -> None:
        """A campaign's mentions are those that name it, not "Trump campaign officials"."""
        for campaign in self._campaigns:
            campaign.mentions = [
                ((pi, start), end)
                for (pi, start), end in campaign.mentions
                if not _campaign_qualifies(self.paragraphs[pi].text, end)
            ]

    def _add_sources(self) -> None:
        """A body or outlet the article cites as its source ("according to the NAACP",
        "first reported by The Washington Post", "The Hill reported", "CNN quoted"): it
        speaks in the article, so it is an actor (ANNOTATION.md) even named once. A known
        one gets the signal (a person only after "according to" or "by": "X reported" is
        also a reporter's credit); an unknown name becomes an organisation when the way
        it is cited says it is one (after "according to" or "by", after "the", an
        acronym, an outlet's last word, or one word that reports)."""
        for para in self._prose:
            text = para.text
            for pattern in (_SOURCE_BY, _SOURCE_SAYS):
                if pattern is _SOURCE_SAYS:
                    matches = _source_says(text)
                else:
                    matches = pattern.finditer(text) if _has_tail(pattern, text) else iter(())
                for m in matches:
                    if para.inside_quote(m.start("name")):
                        continue
                    follows = re.match(r"\s*([\w’'-]*)", text[m.end("name") :])
                    word = follows[1] if follows else ""
                    if (
                        pattern is _SOURCE_BY
                        and word[:1].islower()
                        and word not in AFTER_A_NOUN
                        and not (pattern is _SOURCE_BY and word in _REPORT_VERBS and m["the"])
                        and not (  # "a spokesman for the RSPCA said"
                            word in SPEECH_VERBS and m.group().startswith(_SPEAKS_FOR)
                        )
                    ):
                        continue  # "according to Pentagon officials": a qualifier
                    before = text[max(0, m.start() - 20) : m.start()].split()[-1:]
                    if pattern is _SOURCE_SAYS and before and before[0] in PREPOSITIONS - {"as"}:
                        continue  # "a member of the House said": not the House
                    if text[m.end("name") : m.end("name") + 2] in (". ", ".,") and re.search(
                        r"\b[A-Z]$", m["name"]
                    ):
                        continue  # "George W. Bush" cut at its initial
                    for tokens in self._source_parts(m["name"]):
                        opens = not m["the"] and self._opens_sentence(
                            self._starts[para.index] + m.start("name")
                        )
                        speaks_for = m.group().startswith(_SPEAKS_FOR)
                        according = m.group()[:12].lower() == "according to"
                        self._add_source(
                            tokens,
                            bool(m["the"]),
                            m.groupdict().get("verb"),
                            opens,
                            speaks_for,
                            according,
                        )

    def _source_parts(self, raw: str) -> list[tuple[str, ...]]:
        """The names in a source phrase: sentence openers before it and small words after
        it cut off ("Meanwhile CNN" -> "CNN"), two names joined by "and" apart ("The New
        York Times and Politico"); a person's body after "of" ("Morgan of the Sierra Club"
        -> "Sierra Club"); nothing for an owner ("the Post’s Ishaan Tharoor")."""
        tokens = raw.split()
        while tokens and tokens[0].rstrip(".") in STOP_CAPS and tokens[0] not in _OUTLET_STOPS:
            tokens.pop(0)
        while tokens and (
            tokens[-1] in {"of", "for", "on", "and", "the", "a"}
            or (tokens[-1] in STOP_CAPS and tokens[-1] not in _OUTLET_STOPS)
        ):
            tokens.pop()
        if not tokens or any(t.endswith(("'s", "’s")) for t in tokens):
            return []
        if "of" in tokens:  # "Mr. Morgan of the Sierra Club said": the person's body
            i = tokens.index("of")
            if any(" ".join(tokens[:i]) in e.forms for e in self.people()):
                tokens = tokens[i + 2 :] if tokens[i + 1 : i + 2] == ["the"] else tokens[i + 1 :]
                return [tuple(tokens)] if tokens else []
        if "and" in tokens:
            i = tokens.index("and")
            head, tail = tuple(tokens[:i]), tuple(t for t in tokens[i + 1 :] if t != "the")
            if head and tail and all(self._name_like(p) for p in (head, tail)):
                return [head, tail]
        return [tuple(tokens)]

    def _name_like(self, tokens: tuple[str, ...]) -> bool:
        """A name by itself: a known entity, an acronym or an outlet's or body's name."""
        name = " ".join(tokens)
        last = tokens[-1]
        return (
            any(name in e.forms for e in self.entities)
            or last.isupper()
            or last in OUTLET_HEADS | ORG_HEADS
            or name in _STATE_WORDS
        )

    def _add_source(
        self,
        tokens: tuple[str, ...],
        the: bool,
        verb: str | None,
        opens: bool,
        speaks_for: bool = False,
        according: bool = False,
    ) -> None:
        """Signal or add the source ``tokens`` name; with ``speaks_for`` ("a spokeswoman
        for YouTube said"), only a body the article names otherwise is signalled; with
        ``according`` (cited as "according to" it), it is also signalled "according"."""
        name = " ".join(tokens)
        known = [e for e in self.entities if name in e.forms or e.name == name]
        said_for = {"source", "according"} if according else {"source"}
        if known:
            if known[0].type == "organization" or (known[0].type == "person" and verb is None):
                known[0].signals |= said_for
            return
        last = tokens[-1]
        if last.isupper() and len(tokens) == 1:  # "ISNA" for "Iranian Students’ News Agency"
            spelled = [
                e
                for e in self.entities
                if e.type == "organization"
                and last in (_initials(e.tokens), _initials(e.tokens, small=True))
            ]
            if len(spelled) == 1:
                spelled[0].forms.add(last)
                spelled[0].signals |= said_for
                return
        if len(tokens) == 1 and not last.isupper():
            # "the Times reported" after "The New York Times", "Amnesty" after "Amnesty
            # International": a short form of a body named in full
            orgs = [
                e
                for e in self.entities
                if e.type == "organization" and last in (e.tokens[-1], e.tokens[0])
            ]
            if len(orgs) == 1:
                orgs[0].forms.update({last} if last == orgs[0].tokens[0] else set())
                orgs[0].forms.update({f"the {last}", f"The {last}"})
                orgs[0].signals |= said_for
                return
        if (
            tokens[0] in GIVEN_NAMES
            or name in _STATE_WORDS
            or name in US_STATES
            or any(
                (t in _TITLE_WORDS and t not in _OUTLET_STOPS) or t in _PARTY_WORDS | HONORIFICS
                for t in tokens
            )
            or (len(tokens) == 1 and last in _STATE_OF)
            or all(t in NOT_NAMES or t in STOP_CAPS - _OUTLET_STOPS for t in tokens)
            or re.fullmatch(r"[A-Z]\.?", last)
            or _common_noun(tokens[0])  # "Leaders of the ... Caucus"
            or (last.isupper() and last.title() in STOP_CAPS)  # "MORE"
            or name in _PLACE_STARTS  # "The North"
            or name == "May"  # "to be published by May": the month (not in STOP_CAPS: Theresa May)
            or (len(tokens) == 1 and last.endswith("s") and last not in _OUTLET_STOPS)
        ):  # "The Ebelings": a family
            return
        if len(tokens) == 1 and (
            self._lower(last) or _common_noun(last) or last in NOT_ACTORS or last in ORG_HEADS
        ):
            return
        acronym = last.replace(".", "").isupper() and len(last) > 1
        cited_as_body = the or acronym or last in OUTLET_HEADS | ORG_HEADS
        # "Mediapart revealed"; "Paris Match reported", a longer name only when the article
        # names it again ("Bild and Paris Match"): not where it opens a sentence (a
        # capitalised opener is no name's proof)
        one_reports = (
            not opens
            and verb in _REPORTS.split("|")
            and (len(tokens) == 1 or (len(tokens) <= 3 and len(_form_spans(self.text, name)) > 1))
        )
        if verb is not None and not cited_as_body and not one_reports:
            return  # "Zero Hedge asked", "Hostilities broke": a name of anything
        if speaks_for and not cited_as_body:
            return  # "a spokeswoman for Smith said": only a body speaks through one
        forms = {name}
        if the and len(tokens) == 1 and not acronym:
            name = f"The {name}"  # "The Hill", not every "Capitol Hill"
            forms = {name, f"the {tokens[0]}"}
        self.entities.append(Entity(name, "organization", forms=forms, signals=said_for))

    def _place_or_person(self, word: str) -> bool:
        """Whether ``word`` follows a place preposition ("in Cleveland") or a title ("President
        Trump", "Mr. Holder") somewhere in the article. Not one a body's name follows too
        ("from WikiLeaks", "via WikiLeaks", "at the NLD's offices", "into Microsoft")."""
        for start, end in _occurrences(self.text, {word}):
            before = _word_before(self.text, start)
            if before and before[0] in _ONLY_PLACES and self.text.startswith(("'s", "’s"), end):
                continue  # "in Youssif's case": the owner of what follows, not a place
            if before and (before[0] in _ONLY_PLACES or before[0] in _TITLES_AND_HONORIFICS):
                return True
        return False

    def _acts(self, word: str) -> bool:
        """Whether ``word`` alone is the subject of a verb other than a bare copula or modal
        ("Tesla has hiked", "Tesla makes", "the AFL-CIO endorsed", "Yahoo said"; not
        "Brexit will")."""
        for start, end in _occurrences(self.text, {word}):
            before = _word_before(self.text, start)
            if (
                before
                and before[0][:1].isupper()
                and not before[0].endswith((".", ","))
                and before[0] not in STOP_CAPS  # "The AFL-CIO endorsed"
            ):
                continue
            if _DOES.match(self.text, end):
                return True
            apposed = _APPOSED.match(self.text, end)
            if apposed and _DOES.match(self.text, apposed.end()):
                return True  # "Diageo, the world's biggest distiller, has invested"
        return False

    def _add_organisations(self) -> None:
        defined = {m[1].replace(".", "") for m in _ACRONYM_DEF.finditer(self.text)}
        for para in self.paragraphs:
            for m in _ORG_PHRASE.finditer(para.text):
                for start, phrase in _org_parts(m.start(), m.group()):
                    name = _org_name(phrase)
                    if name:
                        self._add_org(name, para.text, start + phrase.find(name))
        for acronym in defined:
            org = self._find_org(acronym)
            if org is not None:
                org.signals.add("defined")

    def _merge_organisations(self) -> None:
        """One entity per organisation: "FBI" joins "Federal Bureau of Investigation" (its
        initials), "House" joins "House of Representatives" (the only "House of ..."),
        "Senate" joins "U.S. Senate" (the state's qualifier names no other body); a "person" one of whose forms is an organisation's name ("Human Rights" written
        "Human Rights Watch") is dropped."""
        orgs = [e for e in self.entities if e.type == "organization"]
        names = {o.name for o in orgs}
        for person in self.people():
            if person.forms & names:
                self.entities.remove(person)
        for short in orgs:
            if len(short.tokens) != 1:
                continue
            word = short.name.replace(".", "")
            longer = [
                e
                for e in orgs
                if e is not short
                and (
                    word in (_initials(e.tokens), _initials(e.tokens, small=True))
                    or e.name.startswith(f"{short.name} of ")
                )
            ]
            if len(longer) == 1:
                self._merge(short, longer[0])
        for short in orgs:
            # "Senate" after "U.S. Senate": the state's qualifier is no other body
            qualified = [
                e
                for e in orgs
                if e.tokens[1:] == short.tokens
                and e.tokens[0] in ("U.S.", "U.N.")
                and e in self.entities
            ]
            if len(qualified) == 1 and short in self.entities:
                self._merge(short, qualified[0])
        for org in [e for e in self.entities if e.type == "organization"]:
            turned = _turned(org.tokens)  # "Justice Department" is "Department of Justice"
            other = next((e for e in self.entities if e.name == turned and e is not org), None)
            if other is not None and org in self.entities:
                self._merge(org, other)
        self._add_first_word_forms()

    def _add_first_word_forms(self) -> None:
        """ "Valeant Pharmaceuticals International" named once, then "Valeant" alone three
        times or more, once as a verb's subject ("Valeant was spurned"): the company's
        short name, so its alias (ANNOTATION.md) and its mentions. Only a word that names nothing else: not a person's or another body's
        word ("Trump University"), nor one the lexicon explains (a place, a party, a
        title, a given name), nor one the article also writes in lower case ("Planned
        Parenthood")."""
        orgs = [e for e in self.entities if e.type == "organization"]
        # the one body a first word starts, or the first of its spellings ("Valeant
        # Pharmaceutical International" in a correction): the same length and last word
        first: dict[str, Entity | None] = {}
        for org in orgs:
            had = first.setdefault(org.tokens[0], org)
            if had is not None and (len(had.tokens), had.tokens[-1]) != (
                len(org.tokens),
                org.tokens[-1],
            ):
                first[org.tokens[0]] = None
        people = {t for e in self.people() for t in e.tokens}
        for org in orgs:
            word = org.tokens[0]
            if (
                len(org.tokens) < 2
                or first[word] is not org
                or word in people
                or not re.fullmatch(rf"[{_UP}][{_LOW}]{{2,}}", word)
                or word in STOP_CAPS
                or word in ORG_HEADS
                or word in GIVEN_NAMES
                or word in _TITLE_WORDS
                or word in _PARTY_WORDS
                or word in _STATE_WORDS
                or word in US_STATES
                or word in _PLACE_STARTS
                or word in COUNTRY_FORMS
                or word in NOT_NAMES
                or _common_noun(word)
                or self._lower(word)
            ):
                continue
            # alone and not after a preposition: not "in Chicago" beside "Chicago Police
            # Department", nor "Ministry of Commerce" beside "Commerce Department"
            alone = [
                start
                for start, end in _occurrences(self.text, {word})
                if self._alone_at(start, end)
                and not {w.lower() for w in _word_before(self.text, start)} & _BEFORE_PLACE
            ]
            if len(alone) >= 3 and self._acts(word):  # not "Tulsa, Okla." nor "downtown Tulsa"
                org.forms.add(word)

    def _merge_short_organisations(self) -> None:
        """One actor per body where the article names it in a longer and a shorter form
        (ANNOTATION.md: the other forms are aliases): "the Democratic Senate", "the Trump
        White House" are the "Senate" and "White House" the article also names (a party, a
        "-led"/"-controlled" word or a named person's surname only qualifies the body, so
        the body's mention is its name); "the Supreme Court" is the "U.S." or "United States
        Supreme Court" the article names (its alias even where it is never written apart);
        "the Intelligence Committee" is the one "House Intelligence Committee" the article
        names, "Peterson Institute" its "Peterson Institute for International Economics"."""
        orgs = [e for e in self.entities if e.type == "organization"]
        surnames = {e.tokens[-1] for e in self.people() if len(e.tokens) > 1}
        for long in orgs:
            for short in orgs:
                n = len(short.tokens)
                if short is long or long.tokens[-n:] != short.tokens or len(long.tokens) == n:
                    continue
                if long not in self.entities or short not in self.entities:
                    continue
                extra = long.tokens[:-n]
                if all(_QUALIFIER.fullmatch(t) or t in surnames for t in extra):
                    # "Trump White House" is the White House, mentioned where its name is
                    self._merge(long, short)
                    short.forms.discard(long.name)
                    break
        for org in [e for e in self.entities if e.type == "organization"]:
            rest = _without_state(org.tokens)
            if rest and (len(rest) > 1 or rest[0] in INSTITUTIONS | _SERVICES):
                # "U.S. Supreme Court" is the Supreme Court, whether or not named so apart
                name = " ".join(rest)
                same = [e for e in self.entities if e.name == name and e.type == "organization"]
                for other in same:
                    self._merge(other, org)
                org.forms.add(name)
        orgs = [e for e in self.entities if e.type == "organization"]
        for short in orgs:
            if len(short.tokens) < 2:
                continue
            longer = [e for e in orgs if e is not short and self._shortened(short.tokens, e.tokens)]
            # "Select Committee" of both "Select Committee on Aviation" and "House Select
            # Committee on Aviation": of the fullest, the other its short form too
            longer = [
                e for e in longer if not any(self._shortened(e.tokens, o.tokens) for o in longer)
            ]
            if len(longer) == 1 and short in self.entities:
                self._merge(short, longer[0])

    @staticmethod
    def _shortened(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
        """Whether ``short`` is ``long`` without its chamber ("Intelligence Committee",
        "House Intelligence Committee") or without what follows "of"/"for" ("DC Circuit
        Court", "DC Circuit Court of Appeals"), each perhaps with what follows "on" ("Select
        Committee", "House Select Committee on Benghazi")."""
        tail = _on_tail(long)
        if tail and short[-len(tail) :] == tail and len(short) > len(tail):
            short, long = short[: -len(tail)], long[: -len(tail)]  # both "... on Benghazi"
        elif tail and len(long) - len(tail) > len(short):
            long = long[: -len(tail)]
        n = len(short)
        if long[-n:] == short and short[-1] in _COMMITTEES:
            return " ".join(long[:-n]) in _CHAMBERS
        return long[:n] == short and len(long) > n + 1 and long[n] in ("of", "for")

    def _merge(self, other: Entity, into: Entity) -> None:
        """``other`` is ``into`` under another name ("FBI" and "Federal Bureau of
        Investigation", "Raul Castro" and "Raúl Castro", "GOP" and "Republicans"): its
        forms, signals, role and mentions become ``into``'s, and it leaves the registry."""
        into.forms |= other.forms
        into.signals |= other.signals
        into.role = into.role or other.role
        if other.mentions:
            into.mentions = sorted(into.mentions + other.mentions, key=lambda m: m[0])
        self.entities.remove(other)

    def _add_org(self, name: str, text: str, start: int) -> None:
        org = next((e for e in self.entities if e.name == name), None)
        if org is None:
            org = Entity(name, "organization")
            self.entities.append(org)
        org.forms.add(name)
        company = re.fullmatch(r"(.+?),?\s+(?:Inc|Co|Corp|Ltd|LLC|Corporation)", name)
        if company:
            org.forms.add(company[1])  # "Boeing Co" is "Boeing" on second mention
        possessive = re.search(r"([A-Z][\w.]*)['’]s\s+$", text[:start])
        # "Russia's Defence Ministry" is a form of the ministry; "Monday's White House
        # briefing" names a day, not the White House
        if possessive and possessive[1] not in STOP_CAPS:
            org.forms.add(f"{possessive.group()}{name}")
        acronym = re.match(r"\s*\(([A-Z][A-Z.]{1,8})\)", text[start + len(name) :])
        if acronym:
            org.forms.add(acronym[1])
            org.signals.add("defined")

    def _find_org(self, acronym: str) -> Entity | None:
        for e in self.entities:
            if e.type == "organization" and any(f.replace(".", "") == acronym for f in e.forms):
                return e
        return None

    def _add_countries_and_groups(self) -> None:
        capitalised = {
            w for t in _CAPITALISED.findall(self.text) for w in (t, t.rstrip(".,"), t[:-2], t[:-3])
        }  # "U.S.", "Russia's": a cheap filter, so only likely forms are searched for
        candidates = {
            w for first in capitalised & _STATE_FIRSTS.keys() for w in _STATE_FIRSTS[first]
        }
        present = {
            w
            for w in candidates
            if any(not _MASTHEAD.match(self.text, end) for _, end in _occurrences(self.text, {w}))
        }
        countries = {_STATE_OF[w] for w in present if w in _STATE_OF}
        governments = self._state_governments()
        for country in sorted(countries | set(governments)):
            forms = [f for f in (country, *COUNTRY_FORMS[country]) if f in present]
            forms += sorted(governments.get(country, ()))
            metonyms = [m for m, c in METONYMS.items() if c == country and m in present]
            if forms or metonyms:
                entity = Entity(forms[0] if forms else metonyms[0], "country")
                entity.forms.update(forms + metonyms)
                self.entities.append(entity)
        longer = {g for g in GROUPS & present if " " in g}
        self._group_spans = _occurrences(self.text, longer) if longer else []
        for group in sorted(GROUPS & present):
            if all(self._in_unclipped(a) for a, _ in _occurrences(self.text, {group})):
                continue  # "Democrats" only in "Liberal Democrats": that party's name
            if not any(e.name == group for e in self.entities):
                self.entities.append(Entity(group, "group", forms={group}))

    def _in_longer_group(self, start: int, end: int, name: str) -> bool:
        """Whether the span of group ``name`` lies inside a longer group's name the lexicon
        holds ("Democrats" in "Liberal Democrats")."""
        return any(a <= start and end <= b and b - a > end - start for a, b in self._group_spans)

    def _add_plural_names(self) -> None:
        """A group named by a capitalised plural of a word the article also writes alone
        ("the Anzacs ... Anzac Day", "Sunnis ... a Sunni cleric"): a people or faction no
        list holds. Not a nationality's people ("Americans": the state's), not states ("the
        two Koreas"), not an acronym's plural ("MPs"), not a name already held; and only
        where the article names it at least `_PEOPLE_MENTIONS` times on its own (not inside
        a longer name) and it is a verb's subject: the story is about them."""
        held = {f for e in self.entities for f in e.forms}
        for word in sorted(set(_PLURAL_NAME.findall(self.text))):
            single = word[:-1]
            if (
                word in held
                or single in held
                or single in GROUP_NATIONALITIES
                or single in _STATE_NAME_WORDS
                or _descriptor(single)
                or word in HONORIFICS
                or not _has_word(self.text, single)
                or self._lower(word)  # "Pollsters say ... pollsters": a common noun
            ):
                continue
            group = Entity(word, "group", forms={word})
            self._index(group)
            group.mentions = [m for m in group.mentions if not self._in_longer_name(m)]
            if len(group.mentions) >= _PEOPLE_MENTIONS and any(
                self._group_acts(m) for m in group.mentions
            ):
                group.signals.add("subject")
                self.entities.append(group)

    def _in_longer_name(self, mention: tuple[Pos, int]) -> bool:
        """Whether a capitalised word (not "The") or "of" and one runs on either side of a mention
        ("Knights Templar", "Friends of the Earth"): a part of another name."""
        (pi, start), end = mention
        text = self.paragraphs[pi].text
        before = _word_before(text, start)
        named_before = bool(before) and before[0][:1].isupper() and before[0] not in STOP_CAPS
        return named_before or _CAP_AFTER.match(text, end) is not None

    def _merge_known_names(self) -> None:
        """One actor for a body the article calls by names that share no word ("Islamic
        State", "ISIS", "Daesh"; `SAME_BODY`), under the first name of its entry."""
        for names in SAME_BODY:
            found = [e for e in self.entities if e.name in names]
            if len(found) < 2:
                continue
            into = min(found, key=lambda e: names.index(e.name))
            for other in found:
                if other is not into:
                    self._merge(other, into)

    def _state_governments(self) -> dict[str, set[str]]:
        """ "the Turkish government", "The South Korean government": a state named by its
        adjective and "government", a form of that state: {country: forms}."""
        found: dict[str, set[str]] = {}
        for m in _STATE_GOVERNMENT.finditer(self.text) if "government" in self.text else ():
            country = STATE_ADJECTIVES.get(m["adjective"])
            if country is not None:
                found.setdefault(country, set()).add(m.group())
        return found

    def _add_group_phrases(self) -> list[Entity]:
        """Groups an article describes rather than names ("anti-government protesters",
        "Iraqi refugees", "Gunmen stormed", "Russian-backed separatists"): one entity per
        phrase, named by its fullest form; a shorter form ("security forces" beside "Iraqi
        security forces", "protesters") is an alias of the one longer phrase that ends in
        it, and no one's when several do ("U.S. troops", "Russian troops")."""
        found: dict[str, set[str]] = {}
        named: set[str] = set()  # heads a name qualifies somewhere ("Taliban fighters")
        heads = _group_heads_in(self.text)
        for para in self._prose:
            for m in _group_phrases(para.text, heads):
                words = m.group().split()
                if words[-1][0].isupper() and (len(words) > 1 or not self._opens_in(para, m)):
                    continue  # "Syrian Democratic Forces", "Rebels" in a title
                if qualifier(para.text, m.end()):
                    # "police officer Karl Olsen", "police department": a qualifier; and
                    # "Abingdon police station" names no police ("police said" may)
                    continue
                if self._named_before(para.text, m.start()):
                    named.add(words[-1].lower())
                    continue  # "Taliban fighters", "Nusra fighters": the group is named
                before = _word_before(para.text, m.start())
                if before and (before[0].lower() in _OWNERS or before[0].endswith(("'s", "’s"))):
                    continue  # "their forces", "Trump's allies": someone's, not a group
                key = " ".join(
                    w[0].lower() + w[1:]
                    if w.lower() in _LOWER_GROUP_WORDS or w.startswith(("Anti-", "Pro-"))
                    else w
                    for w in words
                )
                found.setdefault(key, set()).update({m.group(), key})
        found = {
            k: v
            for k, v in found.items()
            if " " in k or (k.lower() not in named and k.lower() not in _QUALIFIED_HEADS)
        }
        found = _one_state_per_group(found)
        added: list[Entity] = []
        for key in sorted(found, key=lambda k: (-len(k.split()), k)):
            longer = [e for e in added if e.tokens[-len(key.split()) :] == tuple(key.split())]
            if len(longer) > 1:
                continue
            if longer:
                longer[0].forms |= found[key]
            else:
                added.append(Entity(key, "group", forms=found[key], described=True))
        for word, usual in GROUP_SYNONYMS.items():
            bare = [e for e in added if e.name == word]
            usual_ones = [e for e in added if e.tokens[-1] == usual]
            if bare and len(usual_ones) == 1:
                usual_ones[0].forms |= bare[0].forms
                added.remove(bare[0])
        self.entities.extend(added)
        return added

    def _opens_in(self, para: Paragraph, m: re.Match[str]) -> bool:
        """Whether a match opens a sentence of its paragraph."""
        before = para.text[: m.start()].rstrip(" \"“‘'(")
        return not before or before[-1] in ".!?;:—-"

    def _named_before(self, text: str, start: int) -> bool:
        """Whether a capitalised word that names something (not a sentence opener such as
        "Dismayed", nor a word the article also writes in lower case) qualifies a group
        phrase: "Taliban fighters" are the Taliban, "Trump allies" are no new group."""
        before = _word_before(text, start)
        if not before or not before[0][:1].isupper() or before[0].endswith((".", ",", ":")):
            return False
        word = before[0]
        start_of_word = text.rfind(word, 0, start)
        opener = text[:start_of_word].rstrip(" \"“‘'(")
        return not (word in STOP_CAPS or not opener or opener[-1] in ".!?;:—-" or self._lower(word))

    def _fold_party_members(self) -> None:
        """ "House Democrats ... Democrats are waging": a party's members named in one chamber
        first, and in no other, are who the party's name means afterwards; one actor, named
        by the fuller form. Named after the party ("Republicans have vowed ... Congressional
        Republicans have voted"), they are the party's members the story is about: one
        actor, named by the party. Not when two chambers' members are named ("House
        Democrats", "Senate Democrats")."""
        for party in [e for e in self.entities if e.name in ("Democrats", "Republicans")]:
            members = [
                e
                for e in self.entities
                if e.type == "group"
                and e is not party
                and e.tokens[-1:] == party.tokens
                and e.name not in GROUPS  # "Liberal Democrats": a party of its own
            ]
            if len(members) != 1 or not members[0].mentions or not party.mentions:
                continue
            fuller = members[0]
            if fuller.first < party.first:
                fuller.mentions = sorted(
                    fuller.mentions + [m for m in party.mentions if not self._inside(m, fuller)],
                    key=lambda m: m[0],
                )
                fuller.forms |= party.forms
                party.mentions = []
            else:
                party.mentions = sorted(
                    fuller.mentions + [m for m in party.mentions if not self._inside(m, fuller)],
                    key=lambda m: m[0],
                )
                party.forms |= fuller.forms
                fuller.mentions = []

    def _fold_police_into_force(self) -> None:
        """ "his five years with the North Charleston Police ... Police then said": where
        the article names one police force, "police" on its own is that force (one actor,
        the force's name the fuller), not a second, described group."""
        force = self._police_force()
        if force is None:
            return
        police = Entity("police", "group", forms={"police", "Police"})
        self._index(police)
        police.mentions = [
            ((pi, start), end)
            for (pi, start), end in police.mentions
            if not self._inside(((pi, start), end), force)
            and not qualifier(self.paragraphs[pi].text, end)
        ]
        group = next((e for e in self.entities if e.described and e.name == "police"), None)
        if group is not None:
            self.entities.remove(group)
        self._fold_qualified_police(force)
        if police.mentions:
            force.mentions = sorted(force.mentions + police.mentions, key=lambda m: m[0])
            force.forms |= {self._form_at(m) for m in police.mentions}

    def _fold_qualified_police(self, force: Entity) -> None:
        """ "a tip-off from British police ... the Metropolitan Police has said": a group
        of one qualifier and "police" is the one force the article names, a form of it."""
        for group in [e for e in self.entities if e.described and len(e.tokens) == 2]:
            if group.tokens[1] == "police":
                self.entities.remove(group)
                force.forms |= group.forms
                force.mentions = sorted(
                    force.mentions + [m for m in group.mentions if not self._inside(m, force)],
                    key=lambda m: m[0],
                )

    def _police_force(self) -> Entity | None:
        """The one police force the article names ("the North Charleston Police"), if it
        names exactly one."""
        forces = [e for e in self.entities if e.type == "organization" and "Police" in e.tokens[1:]]
        return forces[0] if len(forces) == 1 else None

    def _a_place(self, entity: Entity) -> bool:
        """A "person" of two words or more, with no role, that the article names only
        after a place preposition ("Back in Melton Mowbray, ...", "the area around Melton
        Mowbray's station"): a town, no actor, and no one a later "he says" can mean."""
        if entity.type != "person" or entity.role or len(entity.tokens) < 2:
            return False
        return all(
            (before := _word_before(self.paragraphs[pi].text, start)) and before[0] in _PLACE_BEFORE
            for (pi, start), _end in entity.mentions
        )

    def _inside(self, mention: tuple[Pos, int], entity: Entity) -> bool:
        """Whether a mention lies within one of ``entity``'s ("Democrats" in "House Democrats")."""
        (pi, start), end = mention
        return any(p == pi and a <= start and end <= b for (p, a), b in entity.mentions)

    def _trim_group_phrases(self) -> None:
        """A shorter form names a described group only once the article has introduced it:
        "Trump rattled allies ... some NATO allies who fear" are not all NATO's."""
        for entity in self._phrase_groups:
            full = {entity.name, entity.name[0].upper() + entity.name[1:]}
            firsts = [m[0] for m in entity.mentions if self._form_at(m) in full]
            if firsts:
                entity.mentions = [m for m in entity.mentions if m[0] >= firsts[0]]
            entity.forms = {self._form_at(m) for m in entity.mentions}

    def _form_at(self, mention: tuple[Pos, int]) -> str:
        (pi, start), end = mention
        return self.paragraphs[pi].text[start:end]

    def _settle_group_phrases(self) -> None:
        """A described group counts as an actor only when the article comes back to it: a
        single "lawmakers" in the lead, or "protesters said" once, is no main actor. A group
        named only by a kind of people ("teachers", "students"; not one of GROUP_HEADS) must
        act and be named at least `_PEOPLE_MENTIONS` times: the story is about them."""
        passing: list[Entity] = []
        police = next((e for e in self.entities if e.described and e.name == "police"), None)
        for entity in self._phrase_groups:
            entity.signals -= {"repeated", "subject", "lead"}  # "repeated": a name's signal
            if len(entity.mentions) >= 2:
                if any(self._group_acts(m) for m in entity.mentions):
                    entity.signals.add("subject")
                if any(
                    self._in_lead(pi, start, end) and not self._after_preposition(pi, start, end)
                    for (pi, start), end in entity.mentions
                ):
                    entity.signals.add("lead")
            if entity.tokens[-1] not in GROUP_HEADS and (
                len(entity.mentions) < _PEOPLE_MENTIONS or "subject" not in entity.signals
            ):
                passing.append(entity)  # "prisoners ... prisoners said": named in passing
                continue
            if police is not None and entity.tokens[-1] == "officers":
                # "police said ... anti-terrorist officers searched": the police's officers
                police.forms |= entity.forms
                police.mentions = sorted(police.mentions + entity.mentions, key=lambda m: m[0])
                passing.append(entity)
                continue
            if not entity.is_actor():
                self._settle_party_phrase(entity)
        for entity in passing:
            self._phrase_groups.remove(entity)
            self.entities.remove(entity)

    def _add_the_government(self) -> None:
        """ "The government backed the move ... the government did not encourage it": a
        government named by no state's name, that acts and that the article names again, is
        an actor: the one state the story has as an actor (ANNOTATION.md: a form of it), or,
        where it has none ("cuts in central government funding ... The government is
        moving to a new system"), a body of its own. Not with two states: whose is unsaid."""
        if "government" not in self.text:
            return
        found = [
            (para, m)
            for para in self._prose
            for m in _THE_GOVERNMENT.finditer(para.text)
            if not para.inside_quote(m.start())
        ]
        if len(found) < 2 or not any(
            _ACTING.match(p.text[m.end() :]) and not _MODAL.match(p.text, m.end()) for p, m in found
        ):
            return  # "the government could skip the requirement": no deed, a hypothesis
        forms = {m.group() for _p, m in found}
        states = [e for e in self.entities if e.type == "country" and e.is_actor()]
        if len(states) == 1:
            states[0].forms |= forms
        elif not states:
            fullest = max(sorted(forms), key=len)  # "the central government"
            name = "t" + fullest[1:]
            body = Entity(name, "organization", forms=forms, signals={"subject"})
            body.mentions = [((p.index, m.start()), m.end()) for p, m in found]
            self.entities.append(body)

    def _add_unnamed_bodies(self) -> None:
        """ "the election commission said it would announce results ... the election
        commission announced": a body the article names only in lower case, by its head
        noun ("commission", "union", `_HEAD_NOUNS`) and a word that says which (`_kind`: not
        "the new commission", "the full committee"), is an actor
        where it is named twice out of quotation and acts once (ANNOTATION.md: an
        organisation that acts). Not where the article names a body of that noun by a
        capitalised name ("the commission" is then that one, `_mark_named_by_head`), nor
        where two qualifiers name two bodies ("the police department", "the justice
        department"), nor a capitalised body's organ ("the university council" beside
        the University of Cape Town)."""
        for head in _LOWER_HEADS:
            if head not in self.text:
                continue
            found = [
                (para, m)
                for para in self._prose
                for m in _the_body(head).finditer(para.text)
                if not para.inside_quote(m.start())
            ]
            kinds = {_kind(m) for _p, m in found} - {""}
            if len(found) < 2 or len(kinds) != 1:
                continue
            if not any(_ACTING.match(p.text[m.end() :]) for p, m in found):
                continue
            kind = kinds.pop()
            named = {t for e in self.entities if e.type == "organization" for t in e.tokens}
            if head.title() in named or kind.title() in named:
                continue  # "the university council" of the University of Cape Town: its organ
            name = f"{kind} {head}"
            if any(e.name.lower() == name for e in self.entities):
                continue
            body = Entity(name, "organization", forms={name}, signals={"subject"})
            body.mentions = [((p.index, m.start("body")), m.end()) for p, m in found]
            self.entities.append(body)

    def _add_counted_lead_group(self) -> None:
        """The counted group the lead sentence opens with, as its subject ("Nine British
        nationals have been detained"): a main actor however often the article names it
        again ("the group", "they"), named without the count."""
        pi, end = self._lead
        text = self.paragraphs[pi].text if pi >= 0 else ""
        found = _COUNTED_LEAD.match(text, 0, end) or _PLURAL_LEAD.match(text, 0, end)
        if found is None:
            return
        name = found["group"]
        first = name.split()[0]
        if first.lower() in PEOPLE_PLURALS or self._lower(first):  # "Teenagers", "Young"
            name = first.lower() + name[len(first) :]
        known = next(
            (e for e in self.entities if e.described and e.name.lower() == name.lower()), None
        )
        group = known or Entity(name, "group", described=True)
        count = found.groupdict().get("count")
        group.forms |= {name, f"{count} {name}"} if count else {name, found["group"]}
        if known is None:
            self._index(group)
            self.entities.append(group)
        group.signals.add("lead")

    def _add_counted_groups(self) -> None:
        """ "The eight staff wrote the op-ed after 10 doctors urged Columbia to sever all
        ties ... Those doctors accused him": a counted group that does something, outside
        a quotation, and that the article names again by its head with a determiner
        ("those doctors", "the 10 doctors"), is one of the story's parties, named as
        counted. Not a group already known by that head."""
        # `_COUNTED_DEED` (tried at every position: it opens with a lookbehind) only on a
        # paragraph holding one of its heads (`PEOPLE_PLURALS`) that the article holds as a
        # whole run of ASCII letters, as every head it matches is (white space either side)
        heads = PEOPLE_PLURALS.intersection(_letter_runs(self.text))
        for para in self._prose:
            if not any(h in para.text for h in heads):
                continue
            for m in _COUNTED_DEED.finditer(para.text):
                head = m["head"]
                if para.inside_quote(m.start()) or any(
                    e.type == "group" and e.tokens[-1].lower() == head for e in self.entities
                ):
                    continue
                again = re.compile(rf"\b(?:[Tt]he|[Tt]hose|[Tt]hese)\s+(?:\w+\s+)?{head}\b")
                if again.search(self.text, 0, self._starts[para.index]) or again.search(
                    self.text, self._starts[para.index] + m.end()
                ):
                    name = f"{m['count']} {head}"
                    group = Entity(name, "group", forms={name}, described=True)
                    group.signals.add("subject")
                    self._index(group)
                    self.entities.append(group)

    def _add_acting_plurals(self) -> None:
        """ "Residents said the water smelled ... residents protested outside": a plural
        people-noun (`_ACTING_PLURAL_HEADS`) that is the subject of a speech verb or a deed
        (`_plural_subject`: outside quotations, no count, nobody's) twice, or once where
        the headline or lead names it and the article `_PEOPLE_MENTIONS` times, is one of
        the story's parties, named by its head ("residents"); not a head a group the
        article already has ends in, nor one a name qualifies anywhere ("Velmora Front
        fighters attacked ... the fighters withdrew": the Front's). At most
        `_ACTING_PLURALS_MAX` per article, those that act most."""
        acting: dict[str, list[tuple[Pos, int]]] = {}
        named: set[str] = set()  # heads a name qualifies somewhere ("Velmora Front fighters")
        present = _acting_heads_in(self.text)
        for para in self._prose:
            for m in _acting_plurals(para.text, present):
                before = _word_before(para.text, m.start("head"))
                if before and self._names_qualifier(para.text, m.start("head"), before[0]):
                    named.add(m["head"].lower())
                    continue  # the named group's people, not a group of their own
                if m["modifier"] in _QUANTITY_WORDS:
                    continue  # "a hundred migrants"
                qualified = m["modifier"] is not None and m["modifier"] not in _NOT_MODIFIERS
                start = m.start() if qualified else m.start("head")
                if self._plural_subject(para, start, m.end()):
                    acting.setdefault(m["head"].lower(), []).append(((para.index, start), m.end()))
        heads = {e.tokens[-1].lower() for e in self.entities if e.type == "group"}
        if "police" in heads or any("Police" in e.tokens for e in self.entities):
            heads |= {"officers", "police"}  # "police said ... officers saw him": the police's
        found = [
            (h, ms)
            for h, ms in acting.items()
            if (len(ms) >= 2 or self._headlined_plural(h))
            and h not in heads | named
            and GROUP_SYNONYMS.get(h) not in heads
        ]
        found.sort(key=lambda f: (-len(f[1]), f[0]))
        for head, _mentions in found[:_ACTING_PLURALS_MAX]:
            # named by the head alone: a qualifier seen once ("passionate supporters") is
            # no name of the group
            group = Entity(head, "group", forms={head, head.title()} - GROUPS, described=True)
            self._index(group)
            group.signals.add("subject")
            self.entities.append(group)

    def _add_opening_groups(self) -> None:
        """ "Frustrated Parents Rally Nationwide ... the parents said", "Factory workers feel
        the sting of global trade": a plural people-noun (or a party of `GROUPS`) that is
        the subject of the headline or the lead sentence is the story's party, where it acts
        only there; named by its head, as `_add_acting_plurals` names its groups. Only where
        the body names it again, not counted ("31 Latinos"), not behind a verb or a
        preposition ("Trump Blasts Allies"), not the head of a group the article already
        has; at most one per article."""
        police = bool(self._groups_headed("police")) or any(
            "Police" in e.tokens for e in self.entities
        )
        for text, prose in self._openings():
            for part in [text] if prose else _HEADLINE_PARTS.split(text):
                m = _OPENING_GROUP.match(part)
                if m is None or not self._opening_subject(m, prose) or self._bodys_people(m):
                    continue
                head = m["head"] if m["head"] in GROUPS else m["head"].lower()
                mentions = len(re.findall(rf"\b{head}\b", self.text, re.IGNORECASE))
                if mentions < self._opening_mentions(text, prose):
                    continue
                known = self._groups_headed(head) or self._party_named(head)
                if len(known) == 1 and not known[0].is_actor():
                    known[0].signals.add("headline")  # "Republicans lower volume": it acts
                    return
                if known or head in GROUPS or (police and head in ("officers", "police")):
                    continue  # "police said ... officers saw him": the police's
                group = Entity(head, "group", forms={head, head.title()} - GROUPS, described=True)
                self._index(group)
                group.signals.add("subject")
                self.entities.append(group)
                return

    def _party_named(self, name: str) -> list[Entity]:
        """The body a `GROUPS` name the organisation rules found first names ("Tea Party",
        "Islamic State"): the party itself, typed as those rules typed it."""
        return [e for e in self.entities if e.type == "organization" and e.name == name]

    def _groups_headed(self, head: str) -> list[Entity]:
        """The article's groups named by ``head`` or ending in it, or in its usual word
        (`GROUP_SYNONYMS`: "gunmen" for "attackers"); a head of several words ("Tea Party")
        by as many last words."""
        heads = {tuple(h.lower().split()) for h in (head, GROUP_SYNONYMS.get(head, head))}
        return [
            e
            for e in self.entities
            if e.type == "group"
            and any(tuple(t.lower() for t in e.tokens[-len(h) :]) == h for h in heads)
        ]

    def _openings(self) -> Iterator[tuple[str, bool]]:
        """The headline (the title; before the lead, the title lines and a short first
        paragraph, "Factory workers feel sting of global trade.") and the lead sentence,
        each with whether it is prose."""
        if self.title:
            yield self.title, False
        pi, end = self._lead
        prose = {p.index for p in self._prose}
        for para in self.paragraphs[: max(pi, 0)]:
            if (para.index == 0 or para.index not in prose) and (
                len(para.text.split()) < _LEAD_WORDS and not para.inside_quote(0)
            ):
                yield para.text, False
        if pi >= 0:
            yield self.paragraphs[pi].text[:end], True

    def _bodys_people(self, m: re.Match[str]) -> bool:
        """Whether the word before an `_OPENING_GROUP` match's plural names a body, state or
        group the article holds ("Taliban Fighters Storm a Base", "Labour MPs"): that
        body's people, not a group of their own (a person's are: "Sanders supporters")."""
        before = m["before"].split()
        word = before[-1].removesuffix("'s").removesuffix("’s") if before else ""
        return bool(word) and any(
            e.type != "person" and any(word in f.split() for f in e.forms | {e.name})
            for e in self.entities
        )

    def _opening_mentions(self, text: str, prose: bool) -> int:
        """How often the article must name a group its opening makes a subject: once more
        than the opening (the title is no part of the text); in the lead sentence, as
        often as a described people-noun (`_PEOPLE_MENTIONS`): "Doctors removed five
        polyps" names, in passing, who did it."""
        if prose:
            return _PEOPLE_MENTIONS
        return 1 if text is self.title else 2

    def _opening_subject(self, m: re.Match[str], prose: bool) -> bool:
        """Whether an `_OPENING_GROUP` match's plural is its clause's subject: nothing
        before it that is a count, a verb or a preposition, and a verb after it (in a
        headline, any word that is no preposition, pronoun or "-ing" noun)."""
        before = m["before"].split()
        if any(
            w.lower() in _QUANTITY_WORDS | _OPENING_NOT_BEFORE or w[:1].isdigit() for w in before
        ):
            return False
        if prose:
            return _PLURAL_SUBJECT_VERB.match(m.string, m.end("head")) is not None
        after = (m["next"] or "").split()
        word = after[0].lower() if after else ""
        return bool(word) and word not in _NOT_VERBS and not word.endswith("ing")

    def _headlined_plural(self, head: str) -> bool:
        """Whether the headline or the first two prose paragraphs name a plural
        people-noun and the article names it `_PEOPLE_MENTIONS` times: the story's own
        people ("Parents sue school board ... the parents said"), where they act once."""
        named = re.compile(rf"\b{head}\b", re.IGNORECASE)
        lead = self._prose[1].index if len(self._prose) > 1 else self._lead[0]
        if not named.search(self.title) and not any(
            named.search(p.text) for p in self.paragraphs[: lead + 1]
        ):
            return False
        return len(named.findall(self.text)) >= _PEOPLE_MENTIONS

    def _plural_subject(self, para: Paragraph, start: int, end: int) -> bool:
        """Whether the plural people-noun phrase from ``start`` to ``end`` is its verb's
        subject, as a group of its own: see `_add_acting_plurals`."""
        if para.inside_quote(start) or not _PLURAL_SUBJECT_VERB.match(para.text, end):
            return False
        before = _word_before(para.text, start)
        at = start
        while before and before[0].lower() in _GROUP_FILLERS:  # "his most loyal supporters"
            at = para.text.rfind(before[0], 0, at)
            before = _word_before(para.text, at)
        if before:
            word = before[0].lower()
            if word in _OWNERS or word.endswith(("'s", "’s")) or word[:1].isdigit():
                return False  # "their lawyers said", "the 10 doctors": someone's, a count
            if word in _QUANTITY_WORDS or word == "of":
                return False  # "two officers", "one of the officers said"
            if self._names_qualifier(para.text, at, before[0]):
                return False  # "Trump supporters", "Tulsa police released": a name's
        return not self._after_preposition(para.index, start, end)

    def _names_qualifier(self, text: str, at: int, word: str) -> bool:
        """Whether ``word``, right before ``at``, is a name that qualifies the noun after
        it: capitalised, no stop word, and, opening its sentence, a word the article never
        writes in lower case ("Tulsa police", not "Striking workers")."""
        if not word[:1].isupper() or word in STOP_CAPS or word.endswith((".", ",", ":", ";")):
            return False
        opener = text[: text.rfind(word, 0, at)].rstrip(" \"“‘'(")
        return (bool(opener) and opener[-1] not in ".!?;:—-") or not self._lower(word)

    def _fold_state_forces(self) -> None:
        """ "U.S. troops", "American forces", "Russian soldiers": a state's armed forces
        where the article names that state as an actor are the state acting, as "the
        Turkish government" is (`_state_governments`): its forms, not a second actor
        (ANNOTATION.md: a metonym is an alias of the state)."""
        for group in [e for e in self._phrase_groups if e in self.entities]:
            words = group.tokens
            if len(words) != 2 or words[1].lower() not in _STATE_FORCES or not group.is_actor():
                continue  # (one that is no actor stays out of the state's forms)
            state = STATE_ADJECTIVES.get(words[0]) or _STATE_OF.get(words[0])
            country = next(
                (
                    e
                    for e in self.entities
                    if e.type == "country"
                    and e.is_actor()
                    and any(f == state or _STATE_OF.get(f) == state for f in e.forms)
                ),
                None,
            )
            if state and country is not None:
                self._merge(group, country)

    def _settle_party_phrase(self, entity: Entity) -> None:
        """A party's members described, not otherwise an actor ("Republican lawmakers
        criticized the plan" named once, "GOP donors"): a form of the party's members where
        the article lists them ("Republicans"), so that actor's alias (ANNOTATION.md), not
        a second actor; else an actor of its own when it acts, as a described group named
        twice is."""
        word = entity.tokens[0]
        party = _PARTY_OF.get(word)
        if party is None:
            return
        group = next(
            (e for e in self.entities if e.type == "group" and e.is_actor() and party in e.forms),
            None,
        )
        if group is not None:  # its party-worded forms only: "legislators" alone is no alias
            entity.mentions = [m for m in entity.mentions if self._form_at(m).startswith(word)]
            entity.forms = {f for f in entity.forms if f.startswith(word)}
            self._merge(entity, group)
        elif any(self._group_acts(m) for m in entity.mentions):
            entity.signals.add("subject")

    def _group_acts(self, mention: tuple[Pos, int]) -> bool:
        """Whether a described group is the subject of the verb after it: not when the verb
        is singular ("the claim that Cruz backs illegal immigrants is"), the group follows a
        preposition ("the fears they hear from immigrants are"), or a speaker's quoted
        words name it."""
        (pi, start), end = mention
        para = self.paragraphs[pi]
        after = para.text[end:]
        found = _ACTING.match(after) or _PLURAL_ACTS.match(after)
        if found is None or para.inside_quote(start) or self._after_preposition(pi, start, end):
            return False
        verb = found.group().split()[0]
        return not (verb in _SINGULAR_VERBS or (verb.endswith("s") and not verb.endswith("ss")))

    def _after_preposition(self, pi: int, start: int, end: int) -> bool:
        """Whether a mention is a preposition's object ("performance on refugees"); not
        "of", which a group's own head often governs ("hundreds of demonstrators moved")."""
        text = self.paragraphs[pi].text
        if re.match(r"\s+to\s+[a-z]+", text[end : end + 30]):
            return False  # "calls for lawmakers to withdraw support": they are to act
        words = text[max(0, start - 40) : start].split()
        while words and (words[-1].lower() in _GROUP_FILLERS or words[-1][:1].isdigit()):
            words.pop()
        return bool(words) and words[-1].lower() in _GROUP_PREPOSITIONS

    # --- mentions ------------------------------------------------------------

    def _index(self, entity: Entity) -> None:
        """Find every mention of ``entity``; metonyms only count where they act."""
        used: set[str] = set()
        for start, end in _occurrences(self.text, entity.forms):
            if entity.type == "country" and any(a <= start < b for a, b in self._taken):
                continue
            if (
                entity.type == "group"
                and not entity.described
                and (self._in_unclipped(start) or self._in_longer_group(start, end, entity.name))
            ):
                continue  # "Democrats" in "Liberal Democrats", written "Lib Dems" too
            if entity.type == "organization" and self._ends_longer(start, end):
                continue  # "House" in "White House": the other body's name, not this one
            pi = bisect_right(self._starts, start) - 1
            para, offset = self.paragraphs[pi], self._starts[pi]
            form = self.text[start:end]
            if form in METONYMS and not self._acting(para, end - offset):
                continue
            if entity.type == "country" and _BEFORE_NAME.match(self.text, end):
                continue  # "China expert Susan Thornton": the country only qualifies a person
            if entity.type == "country" and _COMPASS_BEFORE.search(
                self.text, max(0, start - 12), start
            ):
                continue  # "Northern Ireland", "Western Australia": another place's name
            if entity.type == "group" and form in GROUPS and _PARTY_BEFORE.match(self.text, end):
                continue  # "Oslo Labour Party Candidate Phil Vang": the party's name, not "Labour"
            if entity.described and qualifier(self.text, end, _THE_BODY_ITSELF):
                continue  # "police chief", "police custody": the noun after it is meant,
                # not the group (not "police department", "police spokesman": the body)
            entity.mentions.append(((pi, start - offset), end - offset))
            used.add(form)
        entity.forms = {
            f
            for f in entity.forms
            if f in used or (f not in METONYMS and _occurrences(self.text, {f}))
        }

    @cached_property
    def _body_spans(self) -> list[tuple[int, int]]:
        """Where bodies, countries and groups are named (not people: "CIA" in "CIA Director
        John Brennan" still names the CIA), read once every entity is in."""
        forms = {f for e in self.entities if e.type != "person" for f in e.forms}
        return _occurrences(self.text, forms)

    def _ends_longer(self, start: int, end: int) -> bool:
        """Whether the span ends a longer name of a body (`_body_spans`): "House" in "White
        House", "Supreme Court" in "State Supreme Court" name another body; not "NATO" in
        "NATO allies" or "FBI" in "FBI Agents Association", where the name qualifies."""
        return any(
            a < start and end == b and _NAME_WORDS.fullmatch(self.text, a, start) is not None
            for a, b in self._body_spans
        )

    def _in_unclipped(self, start: int) -> bool:
        """Whether ``start`` is inside the full name of a body also named clipped."""
        return any(a <= start < b for a, b in self._unclipped_spans)

    def _named_spans(self) -> list[tuple[int, int]]:
        """Where people and organisations are named, so "Washington Post" is no country."""
        return _occurrences(self.text, {f for e in self.entities for f in e.forms})

    def _acting(self, para: Paragraph, end: int) -> bool:
        after = para.text[end:]
        return bool(_ACTING.match(after) or after.startswith(("'s", "’s")))

    def _mark_acting(self) -> None:
        """Signal organisations, countries and groups that act as a verb's subject."""
        for entity in self.entities:
            if entity.type == "person":
                continue
            for (pi, start), end in entity.mentions:
                after = self.paragraphs[pi].text[end:]
                if entity.type == "country" and (organ := _ORGAN.match(after)):
                    after = after[organ.end() :]  # "South Korea's military said"
                if entity.type == "country" and _DEED.match(after):
                    entity.signals.add("subject")  # "China's 'Strike Hard' campaign"
                if (
                    (_ACTING.match(after) and not self._place_object(pi, start, entity))
                    or (entity.type == "group" and _PLURAL_ACTS.match(after))
                    or (entity.type == "country" and self._state_acts(pi, start, after))
                ):
                    entity.signals.add("subject")
                elif not entity.described and self._speaks_after_aside(pi, start, end):
                    entity.signals.add("subject")  # "Russia, Assad's main ally, said"
            named = entity.type == "organization" or " " in entity.name  # "Islamic State"
            if named and entity.type != "country" and self._named_twice(entity):
                entity.signals.add("repeated")
            if any(self._in_lead(pi, start, end) for (pi, start), end in entity.mentions):
                entity.signals.add("lead")
            # "A dozen Republicans who want to be president squared off": a party the
            # opening paragraphs name is one the story is about
            if (
                entity.type == "group"
                and not entity.described
                and any(
                    pi in self._first_prose and self._own_noun(pi, start, end)
                    for (pi, start), end in entity.mentions
                )
            ):
                entity.signals.add("opening")
            if entity.type == "group" and len(entity.mentions) >= (5 if entity.described else 2):
                entity.signals.add("frequent")
            if self._named_abroad(entity):
                entity.signals.add("frequent")
            if entity.type != "country" and len(entity.mentions) >= 2 and self._in_headline(entity):
                entity.signals.add("headline")  # "Democrats to sue Ariz. on poll access"

    def _mark_named_by_head(self) -> None:
        """Signal a body named once in full that the article then calls by its head noun
        where it acts ("run by the Telmore Co-operative Multi-Academy Trust ... The trust
        has not commented", "the Alavi Foundation ... the foundation agreed"): the only
        body of that noun, so "the trust" can mean no other. Not a party, a court or an
        administration, which a story tells of several at once."""
        for entity in self.entities:
            head = entity.tokens[-1] if entity.tokens else ""
            if entity.type != "organization" or entity.signals or head not in _HEAD_NOUNS:
                continue
            if self._other_named(entity, head) or any(
                o is not entity and o.tokens[-1:] == (head,) for o in self.entities
            ):
                continue  # "Lakeside Academy" and "Phoenix Academy": which academy acts?
            if self._acts_by_head(entity, head.lower()):
                entity.signals.add("by head")

    def _other_named(self, entity: Entity, head: str) -> bool:
        """Whether the article names a body of head noun ``head`` other than ``entity``
        ("Phoenix Academy" beside "Lakeside Academy")."""
        for m in re.finditer(rf"(?:[A-Z][\w'’&-]*\s+)+{head}(?![\w-])", self.text):
            words = m.group().split()
            while words and words[0] in STOP_CAPS:
                words.pop(0)
            name = " ".join(words)
            if len(words) > 1 and not (name.endswith(entity.name) or entity.name.endswith(name)):
                return True
        return False

    def _acts_by_head(self, entity: Entity, noun: str) -> bool:
        """Whether "the <noun>" is the subject of a verb, out of quotation, after a
        mention of the body with no other body named in between ("on Dish Network ...
        Ms. Simonyan of RT ... The network said" is RT)."""
        first = entity.first
        bodies = sorted(
            (m[0], e is entity)
            for e in self.entities
            if e.type == "organization" and not e.described
            for m in e.mentions
        )
        for para in self._prose:
            if para.index < first[0]:
                continue
            for m in re.finditer(rf"(?<![\w-])[Tt]he {noun}(?![\w'’-])", para.text):
                at = (para.index, m.start())
                if at < first or para.inside_quote(m.start()):
                    continue
                if not _ACTING.match(para.text[m.end() :]):
                    continue
                before = [own for pos, own in bodies if pos < at]
                if before and before[-1]:
                    return True
        return False

    def _named_twice(self, entity: Entity) -> bool:
        """Whether a body is named twice; a one-word one ("Senate", "Parliament") not
        counting where it is only a place ("her perch in the Senate"); not a body every
        mention of which only qualifies a noun ("ahead of the EU referendum")."""
        own = [
            m
            for m in entity.mentions
            if len(entity.tokens) > 1 or not self._place_object(m[0][0], m[0][1], entity)
        ]
        return len(own) >= 2 and not all(self._premodifier(m) for m in own)

    def _premodifier(self, mention: tuple[Pos, int]) -> bool:
        """Whether a body's name only qualifies the noun after it in a phrase a determiner
        opens ("uncertainty ahead of the EU referendum", "a Senate aide"): no mention of
        the body itself. A word after it that may be a verb ("the EU has", "the EU wants",
        "the FBI reported") leaves it the body."""
        (pi, start), end = mention
        text = self.paragraphs[pi].text
        if not _DETERMINER_BEFORE.search(text, max(0, start - 6), start):
            return False
        after = _NOUN_AFTER.match(text, end)
        if after is None:
            return False
        word = after[1]
        return not (
            word in ACTING_VERBS
            or word in SPEECH_VERBS
            or word in _AUXILIARIES
            or word in AFTER_A_NOUN
            or word in PREPOSITIONS
            or word in PLACE_PREPOSITIONS
            or word.endswith(("ed", "ly", "s"))
        )

    def qualifies_noun(self, pi: int, start: int, end: int) -> bool:
        """Whether the name at ``start``-``end`` of paragraph ``pi`` only qualifies the noun
        after it, in a phrase a determiner opens ("the attack on the U.S. consulate"):
        `_premodifier`, for the tension rules."""
        return self._premodifier(((pi, start), end))

    def _place_object(self, pi: int, start: int, entity: Entity) -> bool:
        """Whether a state or body is named as a place, a place preposition's object
        ("Shia militias in Iraq have claimed", "people in the US would"): the verb after
        it is the noun's before the preposition, not the place's."""
        if entity.type not in ("country", "organization"):
            return False
        words = self.paragraphs[pi].text[max(0, start - 30) : start].split()[-2:]
        if words and words[-1] in ("the", "The"):
            words.pop()
        return bool(words) and words[-1].lower() in PLACE_PREPOSITIONS

    def _state_acts(self, pi: int, start: int, after: str) -> bool:
        """ "In Pakistan, the government lifted a moratorium": the place named, and its
        government acting; "the example of Pakistan lifting a moratorium": a gerund's
        subject (not "a trip to Israel during the campaign")."""
        before = _word_before(self.paragraphs[pi].text, start)
        word = before[0].lower() if before else ""
        if word == "in" and (there := _GOVERNMENT_THERE.match(after)):
            return _ACTING.match(after[there.end() :]) is not None
        return (word == "of" or word not in _BEFORE_PLACE) and _GERUND.match(after) is not None

    def _speaks_after_aside(self, pi: int, start: int, end: int) -> bool:
        """ "Russia, Assad's main ally, said", "The Washington Post, citing two sources,
        reported": a body that opens its sentence and speaks after an aside between commas
        in that sentence; not inside a quotation, nor a body a person's role names ("the
        president of the X Federation, which ..., said" is the president speaking)."""
        para = self.paragraphs[pi]
        if not para.text.startswith(",", end) or para.inside_quote(start):
            return False
        if not _SENTENCE_OPENS.search(para.text, 0, start):
            return False
        aside = _ASIDE_SAID.match(para.text, end)
        return aside is not None and ". " not in aside.group()

    def _mark_list_subjects(self) -> None:
        """A named body, state or group that opens a pair which is a verb's subject acts:
        "Democrats and the media are to blame", "Russia and China have blocked the
        resolution"; so does each name of a longer list that is one ("France, Germany and
        Britain, which have been trying", "Russia and China insist"). Not inside a
        quotation, nor after a preposition ("talks with Russia and China are")."""
        lists = self._list_subjects()
        for entity in self.entities:
            if entity.type == "person" or entity.described or "subject" in entity.signals:
                continue
            for (pi, start), end in entity.mentions:
                if (pi, start, end) in lists:
                    entity.signals.add("subject")
                    break
                para = self.paragraphs[pi]
                pair = _PAIR_SUBJECT.match(para.text, end)
                if pair is None or para.inside_quote(start):
                    continue
                before = _word_before(para.text, start)
                if before and (
                    before[0].lower() in PREPOSITIONS | PLACE_PREPOSITIONS
                    or before[0].endswith(",")  # "from Brazil, India and Chile are": a list's
                ):
                    continue
                entity.signals.add("subject")
                break

    def _list_subjects(self) -> set[tuple[int, int, int]]:
        """(paragraph, start, end) of each name in a list of names that is a verb's
        subject (`_mark_list_subjects`): outside quotations, not a preposition's object
        unless a relative clause follows ("aimed at France and Britain, which have
        tried"); each name a whole item, "the" left out ("Liberals Elena Kagan and Sonia
        Sotomayor were" makes no "Liberals" act)."""
        found: set[tuple[int, int, int]] = set()
        after = (PREPOSITIONS | PLACE_PREPOSITIONS) - {"as"}  # "as China and Russia support"
        for para in self._prose:
            if " and " not in para.text or _LIST_AND.search(para.text) is None:
                continue
            for m in _LIST_SUBJECT.finditer(para.text):
                before = _word_before(para.text, m.start())
                if para.inside_quote(m.start()) or m.group().split()[0].lower() in after:
                    continue
                if before and before[0].lower() in after and not m["which"]:
                    continue  # "aimed at France and Britain, which have" still act
                names, base, pos = m["names"], m.start("names"), 0
                for sep in [*_LIST_SEPARATOR.finditer(names), None]:
                    end = sep.start() if sep else len(names)
                    item = names[pos:end]
                    lead = len(item) - len(item.removeprefix("the ").removeprefix("The "))
                    found.add((para.index, base + pos + lead, base + end))
                    if item.endswith("."):  # "General Motors Co." names "General Motors Co"
                        found.add((para.index, base + pos + lead, base + end - 1))
                    pos = sep.end() if sep else end
        return found

    def _named_abroad(self, entity: Entity) -> bool:
        """A country that the article names three times or more as a noun of its own
        outside quotations ("the strike infuriated Iraq", "talks with Iran"; not "in Syria",
        "Iraq war"): a party to the story though it never acts. The United States is where
        most stories here are set, not a party for that alone: only beside a foreign country
        that is one ("pressure on India ... concessions to the United States"), and not
        where it is named as a place after "the" ("in the United States")."""
        if entity.type != "country":
            return False
        home = entity.name == "United States"
        if home and not any(
            e.type == "country" and e.name != "United States" and self._named_abroad(e)
            for e in self.entities
        ):
            return False
        own = [
            (pi, start)
            for (pi, start), end in entity.mentions
            if self._own_noun(pi, start, end)
            and not _a_destination(self.paragraphs[pi].text, start)
            and not self.paragraphs[pi].inside_quote(start)
        ]
        return len(own) >= _ABROAD_TIMES

    def _join_party_names(self) -> None:
        """ "Republicans", "the GOP" and "the Republican Party" (or "Democrats" and "the
        Democratic Party") in one article are one actor, named by the members' name
        (ANNOTATION.md: the other forms the article uses are aliases): not two actors,
        nor a party named once in passing lost beside its members. Where the members'
        name was folded into one chamber's members ("Senate Democrats ... Democrats",
        `_fold_party_members`), those are the actor the party's names join."""
        for names in _PARTY_NAMES:
            same = [
                e
                for e in self.entities
                if e.mentions and (e.name in names or (e.type == "group" and names[0] in e.forms))
            ]
            if len(same) < 2:
                continue
            keep = min(same, key=lambda e: names.index(e.name) if e.name in names else -1)
            for other in same:
                if other is not keep:
                    self._merge(other, keep)

    def _fold_party_phrases(self) -> None:
        """ "Iowa Republicans", "Progressive Democrats", "Other Republicans" taken for a
        person (a capitalised pair whose last word the article repeats alone) beside the
        party's members: a qualified form of that group, not a second actor, so its
        mentions become the group's (its forms are often debris: "Do Republicans"). Not a
        state's party members ("Virginia Democrats", "Nevada Democrats ruled"): a group of
        their own beside the party, named by that name only."""
        for members, *_ in _PARTY_NAMES:
            for person in self.people():
                if person.tokens[-1:] == (members,) and " ".join(person.tokens[:-1]) in US_STATES:
                    person.type = "group"  # "Virginia Democrats": a state's party, its own group
                    person.forms = {person.name}  # not "Virginia", nor the party's name
                    person.mentions = [
                        m for m in person.mentions if self._form_at(m) == person.name
                    ]
                    person.signals.add("state party")
            group = next((e for e in self.entities if e.name == members and e.mentions), None)
            if group is None:
                continue
            for person in self.people():
                if len(person.tokens) > 1 and person.tokens[-1] == members:
                    person.forms = {members}  # not "Do Republicans", nor "Georgia"
                    self._merge(person, group)

    def _in_headline(self, entity: Entity) -> bool:
        """Whether the article's title, or a title line before its lead paragraph, names
        ``entity``: what a headline names, the body repeating it, is what the story is
        about."""
        if _occurrences(self.title, entity.forms):
            return True
        lead = self._lead[0]
        return any(
            pi < lead and len(self.paragraphs[pi].text.split()) < _LEAD_WORDS
            for (pi, _start), _end in entity.mentions
        )

    def _in_lead(self, pi: int, start: int, end: int) -> bool:
        """A mention in the lead sentence as a noun of its own: not a place ("in
        Singapore") nor a qualifier ("U.S. growth", "Fox News Sunday"). The lead names
        what the story is about ("urged Obama to retaliate against Russia")."""
        if pi != self._lead[0] or start >= self._lead[1]:
            return False
        return self._own_noun(pi, start, end)

    def _own_noun(self, pi: int, start: int, end: int) -> bool:
        """Whether the mention is a noun of its own: not a place nor a qualifier."""
        text = self.paragraphs[pi].text
        before = text[max(0, start - 12) : start].split()[-1:]
        after = re.match(r"\s*([\w’'-]*)", text[end:])
        follows = after[1] if after else ""
        return not (before and before[0].lower() in PLACE_PREPOSITIONS) and (
            not follows or follows in AFTER_A_NOUN
        )

    @cached_property
    def _lead(self) -> tuple[int, int]:
        """(paragraph, end offset) of the first sentence of the first prose paragraph."""
        for para in self.paragraphs:
            if len(para.text.split()) >= _LEAD_WORDS and para.text.rstrip()[-1:] in '."”':
                spans = para.sentences()
                return para.index, spans[0][1] if spans else len(para.text)
        return -1, 0

    # --- look-ups ------------------------------------------------------------

    def people(self) -> list[Entity]:
        """The candidate people."""
        return [e for e in self.entities if e.type == "person"]

    def mentions_in(self, pi: int, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """(start, end, entity) of every mention in paragraph ``pi`` between two offsets."""
        if self._by_paragraph is None:
            self._by_paragraph = {}
            for e in self.entities:
                for (p, offset), stop in e.mentions:
                    self._by_paragraph.setdefault(p, []).append((offset, stop, e))
            for found in self._by_paragraph.values():
                found.sort(key=lambda m: m[0])
        found = self._by_paragraph.get(pi, [])
        return [m for m in found if start <= m[0] and m[1] <= end]

    def _narrated(self, where: Pos) -> bool:
        """Whether a mention at ``where`` is in narration: neither inside a quotation nor in
        an aside between two parts of one (`_in_quote_aside`). It depends on the place only,
        and `subject_before` asks it of every mention before each pronoun: kept."""
        known = self._narration.get(where)
        if known is None:
            para = self.paragraphs[where[0]]
            known = not para.inside_quote(where[1]) and not _in_quote_aside(para, where[1])
            self._narration[where] = known
        return known

    def subject_before(self, pos: Pos, gender: str = "") -> Entity | None:
        """What "he" or "she" at ``pos`` most likely means: the first person named in the
        latest sentence (before ``pos``) that names one, outside quotation marks; with a
        ``gender`` ("m", "f"), only people not known to be of the other one."""
        shared = self._shared_surnames(gender) if gender else {}
        shared = {**self._titled_namesakes(gender), **shared} if gender else shared
        seen = sorted(
            [
                *(
                    (where, person)
                    for person in self.people()
                    if not gender or self.gender(person) in ("", gender)
                    for where, _end in person.mentions
                    if where < pos and self._narrated(where)
                ),
                *(
                    (where, person)
                    for where, (person, _end) in shared.items()
                    if where < pos and not self.paragraphs[where[0]].inside_quote(where[1])
                ),
            ],
            key=lambda seen: seen[0],
        )
        if not seen:
            return None
        (pi, offset), _ = seen[-1]
        para = self.paragraphs[pi]
        start, _ = para.sentence_span(offset)
        # "Like Allen, their days begin at 4:30 a.m.": a sentence naming people only in an
        # opening clause before a subject that is no one says nothing of whom "he" is
        if (main := _MAIN_AFTER_OPENING.match(para.text, start)) and all(
            where[1] < main.start("main") for where, _p in seen if where >= (pi, start)
        ):
            earlier = [s for s in seen if s[0] < (pi, start)]
            if earlier:
                seen = earlier
                (pi, offset), _ = seen[-1]
                para = self.paragraphs[pi]
                start, _ = para.sentence_span(offset)
        named = [(where, person) for where, person in seen if where >= (pi, start)]
        # Someone named only as an object or inside a longer name ("loyalists to Joe
        # Biden", "The Steve Harvey Morning Show") is not who "he" is, if anyone else is.
        ends = {
            n[0]: shared[n[0]][1] if n[0] in shared else _mention_end(n[1], n[0]) for n in named
        }
        named = [n for n in named if _subject_like(para.text, n[0][1], ends[n[0]])] or named
        # nor one named in an opening clause ("In describing Donald Trump, Cuban said")
        named = [n for n in named if not _OPENING.match(para.text, start, n[0][1])] or named
        # The speaker of a reporting clause that ends the sentence is its subject: "Cruz
        # electrified the crowds, Stovall said. ¶ “...,” he said." is Stovall speaking on.
        _, stop = para.sentence_span(offset)
        stop = min(stop, pos[1]) if pos[0] == pi else stop
        reporters = {
            id(person): person
            for where, person in named
            if _REPORTS_AFTER.match(para.text[ends[where] : stop])
            or _REPORTS_BEFORE.search(para.text, start, where[1])
            or _REPORTS_WHO.match(para.text, ends[where], stop)
        }
        if len(reporters) == 1:
            return next(iter(reporters.values()))
        # "Earhardt then asked Rubio which states he could win. ¶ “...,” he said.": the
        # one asked a question answers it
        asked = {
            id(person): person
            for where, person in named
            if _ASKED_BEFORE.search(para.text, start, where[1])
            and _QUESTION_AFTER.match(para.text, ends[where], stop)
        }
        if len(asked) == 1 and (pi, stop) <= pos:
            return next(iter(asked.values()))
        first = named[0][1]
        # A person the sentence introduces (first mention) is the one about to be quoted:
        # "..., which concerns Henry Crespo, president of ... ¶ “...,” he said."; not one
        # introduced in an aside about someone else ("Christie, who backs Trump, said"),
        # nor one named in passing, without a description or a speech verb of their own
        # ("Trump thanked Chairman Reince Priebus and moved on. “...,” he said.").
        new = [
            person
            for where, person in named
            if where == person.first
            and not _RELATIVE.match(para.text[start : where[1]].rsplit(",", 1)[-1])
            and _introduced(para.text, _mention_end(person, where))
        ]
        _, end = para.sentence_span(offset)
        ahead = (pi, end) <= pos  # the newcomer rule is for a quote after that sentence
        return new[0] if ahead and new and new[0] is not first and len(new) == 1 else first

    def _titled_namesakes(self, gender: str) -> dict[Pos, tuple[Entity, int]]:
        """Mentions by an honorific of ``gender`` ("Mr. Trump") that the registry gave to a
        person of the other gender ("Mr. and Mrs. Trump" can put "Mr. Trump" among Ivana
        Trump's forms), given to the one namesake of ``gender`` (Donald J. Trump), so that
        "In an email, Mr. Trump said ... ¶ “...,” he wrote." is not someone named before."""
        found: dict[Pos, tuple[Entity, int]] = {}
        people = self.people()
        for person in people:
            if self.gender(person) in ("", gender):
                continue
            namesakes = [
                p
                for p in people
                if p is not person
                and p.tokens[-1:] == person.tokens[-1:]
                and self.gender(p) == gender
            ]
            if len(namesakes) != 1:
                continue
            for where, end in person.mentions:
                first = self.paragraphs[where[0]].text[where[1] : end].split()[0]
                if HONORIFIC_GENDER.get(first) == gender:
                    found[where] = (namesakes[0], end)
        return found

    def _shared_surnames(self, gender: str) -> dict[Pos, tuple[Entity, int]]:
        """Mentions by surname alone of the one person of ``gender`` among several people
        who share it ("Clinton" where Bill and Hillary Clinton are both named: "she" means
        Hillary), or of the only person of that surname, which the registry gives to no
        one: {(paragraph, offset): (person, end)}."""
        cache: dict[str, dict[Pos, tuple[Entity, int]]] = self.__dict__.setdefault("_shared", {})
        if gender not in cache:
            cache[gender] = self._find_shared_surnames(gender)
        return cache[gender]

    def _find_shared_surnames(self, gender: str) -> dict[Pos, tuple[Entity, int]]:
        by_surname: dict[str, list[Entity]] = {}
        for person in self.people():
            if len(person.tokens) >= 2 and person.tokens[-1][:1].isupper():
                by_surname.setdefault(person.tokens[-1], []).append(person)
        found: dict[Pos, tuple[Entity, int]] = {}
        for surname, people in by_surname.items():
            # one person of that surname: the surname is theirs unless the article says
            # they are of the other gender ("Trump" where the registry also holds "Trump
            # Tower" as a person, and so gave the bare surname to no one)
            genders = ("", gender) if len(people) == 1 else (gender,)
            matching = [p for p in people if self.gender(p) in genders]
            if len(matching) != 1:
                continue
            for para in self.paragraphs:
                if surname not in para.text:
                    continue
                for start, end in literal_spans(para.text, surname, ".'’-", "'’-"):
                    # the words right before it (searched from a window: the patterns end
                    # at the surname, and scanning the whole paragraph before each one
                    # was most of this function's cost)
                    window = max(0, start - _BEFORE_WINDOW)
                    if (
                        para.inside_quote(start)
                        or _THE_BEFORE.search(para.text, window, start)  # "the Clinton camp"
                        # the surname of someone else ("62-year-old Brenda Johnson"): a
                        # capitalised word before it, not opening the sentence
                        or (
                            len(people) == 1
                            and (given := _WORD_BEFORE.search(para.text, window, start))
                            and given[1] not in _NOT_GIVEN
                        )
                        or any(
                            a <= start < b
                            for a, b, _e in self.mentions_in(para.index, 0, len(para.text))
                        )
                    ):
                        continue
                    found[(para.index, start)] = (matching[0], end)
        return found

    def gender(self, person: Entity) -> str:
        """ "m", "f" or "" (unknown), from what the article says: an honorific ("Mr.",
        "Ms."), a gendered role ("spokeswoman", "his wife"), else the pronouns of the
        sentences that name this person and no one else."""
        if self._genders is None:
            self._genders = self._infer_genders()
        return self._genders.get(id(person), "")

    def _infer_genders(self) -> dict[int, str]:
        votes: dict[int, Counter[str]] = {}
        people = self.people()
        for person in people:
            count = votes.setdefault(id(person), Counter())
            first = person.tokens[0] if len(person.tokens) > 1 else ""
            count["f"] += 20 * (first in FEMALE_NAMES)
            count["m"] += 20 * (first in MALE_NAMES)
            for form in person.forms:
                if said := HONORIFIC_GENDER.get(form.split()[0]):
                    count[said] += 5
            for word in re.findall(r"[\w-]+", person.role.lower()):
                if word in _FEMALE_ROLES:
                    count["f"] += 5
                elif word in _MALE_ROLES:
                    count["m"] += 5
        ids = {id(p) for p in people}  # a set's test first, not a list's of dataclasses
        for para in self.paragraphs:
            for a, b in para.sentences():
                named = {
                    id(e)
                    for _, _, e in self.mentions_in(para.index, a, b)
                    if id(e) in ids or (e.type == "person" and e in people)
                }
                if len(named) != 1:
                    continue
                votes[named.pop()].update(_pronoun_votes(para, a, b))
        return {
            key: ("m" if c["m"] > c["f"] else "f") for key, c in votes.items() if c["m"] != c["f"]
        }

    def people_between(self, start: Pos, end: Pos, gender: str = "") -> list[Entity]:
        """People named (outside quotation marks) between two positions; with a ``gender``,
        also by a surname the registry gave to no one (`_shared_surnames`)."""
        shared = self._shared_surnames(gender) if gender else {}
        return [
            person
            for where, person in [
                *((w, p) for p in self.people() for w, _end in p.mentions),
                *((w, p) for w, (p, _end) in shared.items()),
            ]
            if start <= where < end and not self.paragraphs[where[0]].inside_quote(where[1])
        ]

    def resolve(self, phrase: str, pos: Pos) -> Entity | None:
        """The entity a subject phrase ("Belousov", "the White House") names, if any; an
        owner's name ("Theresa May’s") names its owner."""
        phrase = re.sub(r"^(?:the|The)\s+|['’]s$", "", phrase.strip())
        tokens = _clean_name(phrase)
        if not tokens:
            return None
        # "Mrs. Clinton" where Bill and Hillary Clinton are both named: the one the
        # honorific form is of, before the bare surname both share
        gendered = bool(self.entities) and phrase.split()[0] in _GENDERED  # split once
        titled = [e for e in self.entities if gendered and phrase in e.forms]
        if titled:
            return self._most_recent(titled, pos)
        joined = " ".join(tokens)  # joined once, not per entity
        exact = [e for e in self.entities if joined in e.forms]
        if exact:
            return self._most_recent(exact, pos)
        inside = [e for e in self.entities if _sub_span(e.tokens, tokens)]
        if inside:  # the one named first ("Meenakshi Ganguly of Human Rights Watch"), longest
            return min(inside, key=lambda e: (_start_in(e.tokens, tokens), -len(e.tokens)))
        partial = [e for e in self.people() if _sub_span(tokens, e.tokens)]
        return self._most_recent(partial, pos) if partial else None

    def add_person(self, name: str, where: tuple[Pos, int] | None = None) -> Entity:
        """The person ``name`` that the building rules missed and a later reading names (a
        speaker described or named only in a quote's attribution, "the announcer"; the
        named object of a tension's verb): the registry's person of that form if it holds
        one, else a new person, made and added once (in `added` too), the same entity at
        each later call; ``where`` is recorded as its mention, once."""
        who = next((e for e in self.people() if name in e.forms), None)
        who = who or next(
            (e for e in self.entities if e.type != "person" and name in e.forms), None
        )
        if who is None:
            who = self.added[name] = Entity(name, "person", forms={name})
            self.entities.append(who)
        if where is not None and where not in who.mentions:
            who.mentions.append(where)
        return who

    def add_body(
        self, name: str, where: tuple[Pos, int], kind: ActorType = "organization"
    ) -> Entity:
        """The organisation ``name`` that the building rules left out and a tension names
        as a verb's object ("will sue the state of Arizona", "blasting the Drudge Report"):
        the registry's entity of that form if it holds one, else a new organisation, made
        once; ``where`` is recorded as its mention, once."""
        body = next((e for e in self.entities if name in e.forms), None)
        if body is None:
            body = Entity(name, kind, forms={name})
            self.entities.append(body)
        if where not in body.mentions:
            body.mentions.append(where)
        return body

    def by_role(self, noun: str, pos: Pos) -> Entity | None:
        """The person a description names ("the mayor", "the New York businessman"): the
        one mentioned last before ``pos`` whose role ends in that noun, if any."""
        noun = noun.lower()
        people = [e for e in self.people() if e.role and e.role.lower().split()[-1] == noun]
        people = [e for e in people if any(m[0] < pos for m in e.mentions)]
        return self._most_recent(people, pos) if people else None

    def _most_recent(self, entities: list[Entity], pos: Pos) -> Entity:
        def last(e: Entity) -> Pos:
            before = [m[0] for m in e.mentions if m[0] < pos]
            return max(before) if before else (-1, -1)

        return max(entities, key=last)

    def actors(self) -> list[Entity]:
        """Entities that count as actors, in order of first mention; not a person named
        once in passing (see `_in_passing`)."""
        kept = [
            e
            for e in self.entities
            if e.is_actor()
            and not self._in_passing(e)
            and not self._cited_in_passing(e)
            and not self._people_in_passing(e)
            and not self._credited(e)
            and not self._a_thing_or_place(e)
        ]
        return sorted(kept, key=lambda e: e.first)

    def actor_list(self) -> list[Actor]:
        """`actors` as the briefing lists them. A one-word form that several people hold
        ("Clinton" for Hillary and Bill Clinton, "Trump" for Donald and "Mrs. Trump") is
        an alias (ANNOTATION.md: another form of the same actor) only of the one whose
        name it is, or whom the article names by other forms at least twice as often as
        each of the others; else of none of them."""
        kept = self.actors()
        holders: dict[str, list[Entity]] = {}
        for entity in kept:
            if entity.type == "person":
                for form in entity.forms | {entity.name}:  # "Obama", called "Mr. Obama"
                    if " " not in form:
                        holders.setdefault(form, []).append(entity)
        shared: dict[int, set[str]] = {}
        for form, people in holders.items():
            if len(people) > 1:
                for person in people:
                    if person is not self._owner(form, people):
                        shared.setdefault(id(person), set()).add(form)
        return [e.to_actor(frozenset(shared.get(id(e), ())), self.shown(e)) for e in kept]

    def shown(self, entity: Entity) -> str:
        """The name the briefing gives ``entity`` (actor, speaker, party): its name, but for
        people known by one surname only that names another person too ("Mr. Smith" and
        "Mrs. Smith", both "Smith"; "Mrs Buksh" beside Asghar Buksh; "King Mohammed" beside
        Sidi Mohammed): then their honorific or royal form, the one the article writes most
        often, the first if even (`shown_form`, as actor merging shows namesakes), so that a
        reader can tell them apart."""
        if len(entity.tokens) != 1 or entity.type != "person":
            return entity.name
        if not any(p is not entity and p.tokens[-1] == entity.name for p in self.people()):
            return entity.name
        core = name_tokens(entity.name)
        titled = [f for f in entity.forms if shown_form((f,), core)]
        if not titled:
            return entity.name
        written = [self.text[a:b] for a, b in _occurrences(self.text, set(titled))]
        return shown_form(written, core) or titled[0]

    def _owner(self, form: str, people: list[Entity]) -> Entity | None:
        """Which of ``people`` a one-word form they share names (see `actor_list`)."""
        named = [p for p in people if p.name == form]
        if named:
            return named[0]
        counts = [sum(self._form_at(m) != form for m in p.mentions) for p in people]
        top = max(range(len(people)), key=counts.__getitem__)
        others = [c for i, c in enumerate(counts) if i != top]
        return people[top] if all(2 * c <= counts[top] for c in others) else None

    @cached_property
    def _names_things(self) -> bool:
        """Whether the article holds a noun `_THING_BEFORE` looks for before a name."""
        return _holds_thing_noun(self.text)

    def _a_thing_or_place(self, entity: Entity) -> bool:
        """A name that is no actor's however it was found: a storm or a ship, named
        somewhere after the noun it names ("Tropical storm Mangkhut", "the aircraft
        carrier Theodore Roosevelt"); a one-word "person" the article only ever writes
        after "the" ("the Guardian has learned"); a "person" whose last word is a
        place's ("Trump Tower")."""
        if entity.type == "country":
            return False
        if self._names_things and any(
            _THING_BEFORE.search(self.text, max(0, start - 40), start)
            for start, _ in _occurrences(self.text, entity.forms)
        ):
            return True
        if entity.type == "organization" and self._only_indefinite(entity):
            return True  # "becomes a State Party to the Rome Statute"
        if entity.type == "person" and len(entity.tokens) > 1 and self._named_no_one(entity):
            return True  # "Trump Tower", "Ashes Test", "Second Half", "Radio Oxford"
        if entity.type != "person" or entity.signals or len(entity.tokens) != 1:
            return False
        # (the occurrences and the words before them read only here, where they answer)
        spans = _occurrences(self.text, entity.forms)
        befores = (_word_before(self.text, start)[:1] for start, _end in spans)
        return bool(spans) and all(
            b and (b[0] in _THING_DETERMINERS or b[0].isdigit()) for b in befores
        )

    def _only_indefinite(self, entity: Entity) -> bool:
        """Whether every use of a body's name follows "a" or "an" and ends its noun phrase
        ("being a State Party to the Statute"): a kind of thing, never the body. Not one
        that qualifies a noun ("a Homeland Security spokesman said"): the body speaks."""
        spans = _occurrences(self.text, entity.forms)
        return bool(spans) and all(
            _INDEFINITE_BEFORE.search(self.text, max(0, start - 4), start)
            and not _noun_follows(self.text, end)
            for start, end in spans
        )

    @staticmethod
    def _named_no_one(entity: Entity) -> bool:
        """Whether a "person" of two words or more is a thing's name by its words: a
        place's or an event's last word ("Trump Tower", "Grand National"), an ordinal
        first ("Second Half ends"), or, with no signal, a broadcaster's first word ("BBC
        Radio Oxford travel reporter")."""
        first, last = entity.tokens[0], entity.tokens[-1]
        if last in _PLACE_HEADS or last in _EVENT_HEADS or first in _ORDINALS:
            return True
        return (first in _OUTLET_FIRST or last in _BODY_LAST) and not entity.signals

    def _credited(self, entity: Entity) -> bool:
        """A name met only in the reporters' credit lines ("Lerer reported from Los
        Angeles. Associated Press writer Jill Colvin contributed from Albuquerque.", "On
        Twitter follow Lisa Lerer"): no actor (ANNOTATION.md), be it the reporter, the
        agency or a place the line names ("Pablo Gorondi in Budapest, Hungary contributed
        to this story")."""
        paragraphs = {pi for (pi, _start), _end in entity.mentions}
        return bool(paragraphs) and all(_credit_line(self.paragraphs[pi].text) for pi in paragraphs)

    def _people_in_passing(self, entity: Entity) -> bool:
        """A people (`PEOPLES`: "Muslims", "Latinos", "African-Americans") named fewer than
        four times, neither speaking nor named in the headline (its subject, or named
        twice in the article): a story touches on many ("appeals to Latinos and
        African-Americans") and is about the one it keeps naming or its headline names."""
        return (
            entity.name in PEOPLES
            and len(entity.mentions) < _PEOPLES_TIMES
            and not entity.signals & {"speaker", "headline"}
        )

    def _cited_in_passing(self, entity: Entity) -> bool:
        """A body named once, only as the source of a fact ("according to the National
        Golf Foundation"), after the first two prose paragraphs: a citation, not one of
        the story's actors, as a person named once in passing is not (`_in_passing`)."""
        if entity.type != "organization" or entity.signals != {"source", "according"}:
            return False
        if len(entity.mentions) != 1:
            return False
        prose = [p.index for p in self.paragraphs if len(p.text.split()) >= _LEAD_WORDS]
        return entity.first[0] not in prose[:_LEAD_PARAGRAPHS]

    def _in_passing(self, entity: Entity) -> bool:
        """A person named once, after the first two prose paragraphs, with no role, who
        neither speaks nor is party to a tension nor, named with a known given name, acts
        ("as Richard Nixon did in 1972"): no main actor, and the actor list stays short
        enough to read."""
        if entity.type != "person" or entity.signals or len(entity.mentions) > 1:
            return False
        (pi, start), end = entity.mentions[0]
        para = self.paragraphs[pi]
        if any(0 <= a < start < b < len(para.text) for a, b in para.regions):
            # named once, inside a quotation that opens and closes here: the speaker's
            # words name it ("the chair of President Washington, President Jefferson")
            return True
        if entity.role:
            return False
        text = self.paragraphs[pi].text
        if len(entity.tokens) > 1 and _introduced_by(text, start):
            return False  # "Manchester City masseur Mark Sertori", "Italy's Michele Di Rocco"
        if _AGED_AFTER.match(text, end):
            return False  # "Carla, 23, was taken into care": a person the story introduces
        given = entity.tokens[0] in GIVEN_NAMES and len(entity.tokens) > 1
        if given and _acts_after(text, start, end):
            return False  # "Hillary Clinton has backed a no-fly zone": she acts
        if len(entity.tokens) > 1 and _SUBJECT_ASIDE_SAID.match(text, start):
            return False  # "John Bolton, Trump's national security adviser, said": a source
        if given and _AGENT_BEFORE.search(text, max(0, start - 30), start):
            return False  # "Surgeries will be performed by Dr. Peter Grossman": he acts
        prose = [p.index for p in self.paragraphs if len(p.text.split()) >= _LEAD_WORDS]
        return entity.first[0] not in prose[:_LEAD_PARAGRAPHS]


# Endings of a lower-case noun for what a person is or does, written before a full name
# ("masseur Mark Sertori", "protester Bernadette Smyth"), and words with them that are no
# such noun.
_DOER_ENDINGS = ("er", "or", "ist", "eur", "ian", "ant", "man", "woman")
_NOT_DOERS = wordset(
    """after under over other whether either neither rather together former later never
    ever consider remember deliver offer enter answer order honor honour another their
    whatever however sooner earlier latter"""
)


def _introduced_by(text: str, start: int) -> bool:
    """Whether the word before a full name introduces its holder as one of the story's
    people: a lower-case noun for what they are or do, which the role nouns do not list
    ("Manchester City masseur Mark Sertori", "anti-abortion protester Bernadette Smyth"),
    or a country's possessive, as sports reports name a player ("Italy's Michele Di
    Rocco"); not a verb or a preposition ("beat Mark Sertori", "after Mark Sertori")."""
    before = _word_before(text, start)
    if not before:
        return False
    word = before[0]
    if word.endswith(("'s", "’s")):
        return word[:-2] in _STATE_OF and word[:-2] not in METONYMS  # no "Moscow's"
    return (
        len(word) >= 5
        and word.isalpha()
        and word.islower()
        and word.endswith(_DOER_ENDINGS)
        and word not in _NOT_DOERS
    )


# A reporters' credit line: "X reported from Y", "X contributed to this report", "On
# Twitter follow X", "Reporting by X".
_CREDIT = WordPattern(  # "\b" before each way but the first, which opens the text
    r"^(?:On Twitter,? follow|Follow)\b|(?:reported|contributed(?: reporting)?) from\b"
    r"|contributed (?:reporting )?to (?:this|the) (?:report|story)\b"
    r"|(?:Reporting|Writing|Editing|Additional reporting) by\b"
)
_CREDIT_WORDS = 40
# Capitalised words before a name, each one word ("White ", "New York State "): what makes
# a longer name of another body, not a run-on ("MSNBC and ", "Clinton-endorsing ").
_NAME_WORDS = re.compile(r"(?:[A-Z][\w.'’]*\s+)+")


def _noun_follows(text: str, end: int) -> bool:
    """Whether a lower-case word that is no preposition or conjunction follows ``end``."""
    after = _NOUN_AFTER.match(text, end)
    return after is not None and not (after[1] in PREPOSITIONS or after[1] in AFTER_A_NOUN)


def _a_destination(text: str, start: int) -> bool:
    """Whether the country named at ``start`` is only where someone is or goes: after a
    place preposition and "the" ("in the United States", "across the UK") or after "to"
    that a verb of going or sending governs ("went to Pakistan on holiday", "flown back
    to the UK")."""
    before = text[max(0, start - 40) : start]
    return bool(_PLACE_THE.search(before) or _GOES_TO.search(before))


def _one_state_per_group(found: dict[str, set[str]]) -> dict[str, set[str]]:
    """ "U.S. farmers ... American farmers": one group, a state named by its name and by
    its adjective before one head, under the form met first (``found`` keeps that order)."""
    first: dict[tuple[str, str], str] = {}
    merged: dict[str, set[str]] = {}
    for key, forms in found.items():
        words = key.split()
        state = STATE_ADJECTIVES.get(words[0]) or _STATE_OF.get(words[0])
        same = first.setdefault((state, " ".join(words[1:])), key) if state else key
        merged.setdefault(same, set()).update(forms)
    return merged


def _credit_line(text: str) -> bool:
    """Whether a paragraph is a short credit line, with no quotation in it."""
    return (
        len(text.split()) < _CREDIT_WORDS
        and _CREDIT.search(text) is not None
        and not any(mark in text for mark in '“”"')
    )


_RELATIVE = re.compile(r"\s*(?:who|whose)\b")
# An honorific that says a gender, and the given names of the other gender.
_GENDERED = {
    title: FEMALE_NAMES if said == "m" else MALE_NAMES for title, said in HONORIFIC_GENDER.items()
}


# Words before a one-word name that make it a thing's, written only so ("the Guardian has
# learned", "his Taser", "my Taser", "a 2013 Taser complaint"): no one's name.
# A compass word that opens a longer place's name before a country's ("Northern Ireland",
# "North Korea" where "Korea" is a form, "Western Australia").
_COMPASS_BEFORE = re.compile(rf"\b(?:{'|'.join(COMPASS_POINTS)})(?:ern)?\s+$")
# The prepositions before a place that are never before a person ("in Dunmore", "around
# Dunmore's station"; not "at", "from", "with": "a shot at Trump", "a call from Clinton").
_PLACE_BEFORE = frozenset({"in", "around", "near", "across", "throughout", "outside"})
_THING_DETERMINERS = frozenset({"the", "The", "his", "her", "my", "their", "its", "our", "your"})


def _pronoun_votes(para: Paragraph, start: int, end: int) -> Counter[str]:
    """The gendered pronouns of a sentence of ``para`` outside quotation marks, counted as
    "m" ("he", "his", "him") and "f" ("she", "her", "hers"): one reading for
    `Registry._infer_genders` and `Registry._pronoun_gender`."""
    return Counter(
        "f" if m.group().lower() in _SHE_WORDS else "m"
        for m in _GENDER_PRONOUN.finditer(para.text[start:end])  # (a slice: "\b" at its ends)
        if not para.inside_quote(start + m.start())
    )


def _honorific_genders(forms: set[str]) -> set[str]:
    """The genders the honorifics of ``forms`` say ("Mrs. Clinton": {"f"})."""
    return {said for f in forms if (said := honorific_gender(f))}


def _given_gender(tokens: tuple[str, ...]) -> set[str]:
    """The gender a full name's known given name says ("Michelle Obama": {"f"})."""
    return given_gender(tokens[0]) if len(tokens) > 1 else set()


def _role_gender(role: str) -> set[str]:
    """The gender a role noun says ("his first wife": {"f"}, "spokesman": {"m"})."""
    words = set(re.findall(r"[\w-]+", role.lower()))
    return {g for g, roles in (("f", _FEMALE_ROLES), ("m", _MALE_ROLES)) if words & roles}


# Roles that name a woman by her relation to a man ("first lady Laura Bush", "his wife
# Ivanka Trump"), who shares the surname of the one she is the relative of: every female
# relative's, and "first lady", the president's wife by her title.
_FEMALE_RELATIVES = of_gender(KIN, "f") | {"lady"}


# The last word of a role that names someone by a relation to another person of the
# article ("Mr. Kim's father", "his brother"), who often shares the surname.
_RELATIONS = frozenset(KIN)


def _relative(role: str) -> bool:
    """Whether ``role`` names someone as a relative ("Mr. Kim's father", "his wife")."""
    words = role.lower().split()
    return bool(words) and words[-1] in _RELATIONS


def _other_title_kind(forms: set[str], person: Entity) -> bool:
    """Whether the titles of ``forms`` and of ``person``'s forms are of kinds and none in
    common (`titles_of_other_kinds`): "King Mohammed" is not Sidi Mohammed, called "Mr
    Mohammed"."""
    return titles_of_other_kinds(forms, person.forms)


def _kin_clash(tokens: tuple[str, ...], role: str, other: Entity) -> bool:
    """Whether a surname named with ``role`` ("President Bush") cannot be ``other``, a
    full name named as a woman's relation ("first lady Laura Bush", "his wife Ivanka
    Trump"): a president's wife and daughters share his surname, and the article names
    them by the relation. Not a relative who is the president himself ("his brother,
    George W. Bush"), nor a full name ("her husband, President Bill Clinton")."""
    if len(tokens) != 1 or len(other.tokens) < 2 or "president" not in role.lower():
        return False
    words = other.role.lower().split()
    return bool(words) and words[-1] in _FEMALE_RELATIVES


def _gender_clash(genders: set[str], person: Entity) -> bool:
    """Whether a name said to be of ``genders`` cannot be ``person``: the person's given
    name or an honorific it is called by says the other gender ("Mr. Obama" is not
    Michelle Obama, nor a "Clinton" called "Mrs. Clinton" Bill Clinton). A full name's
    gender is its given name's: the honorifics given to it may be a namesake's; a given
    name the lexicon does not know leaves it to the role the article gives the person
    ("his first wife, Ivana Trump" is no "Mr. Trump"), then to the gender the article's
    pronouns settled (`Registry._settle_honorifics`)."""
    if len(genders) != 1:
        return False
    if len(person.tokens) > 1:
        own = _given_gender(person.tokens) or _role_gender(person.role)
        own = own or ({person.gender} if person.gender else set())
    else:
        own = _honorific_genders(person.forms)
    return bool(own) and not own & genders


# A sentence opening with a subordinate or participial clause, up to a name in it: "In
# describing Donald Trump", "Growing up in El Paso", "When Mr. Trump tried to".
_OPENING = re.compile(rf"\W*(?:{'|'.join(sorted(CLAUSE_OPENERS))}|[A-Z][a-z]+ing)\b[^,;:“”\"]*$")
# The main clause after an opening clause when its subject is no one "he" could be ("Like
# Allen, their days begin", "After Smith spoke, it rained").
_MAIN_AFTER_OPENING = re.compile(
    rf"\W*(?:{'|'.join(sorted(CLAUSE_OPENERS))}|[A-Z][a-z]+ing)\b[^,;:“”\"]*,\s*"
    r"(?P<main>(?:their|its|it|they|there|we|our|this|these|those)\b)"
)
_SAID = alternation(sorted(v for v in SPEECH_VERBS if not v.endswith("ing")))
# A reporting clause around a name at a sentence's end: "..., Stovall said." or "..., said
# David Axelrod, a former strategist."
_REPORTS_AFTER = re.compile(rf"\s+(?:{_SAID})\s*[.!?]?[\"”’']*\s*$")
_REPORTS_BEFORE = re.compile(rf",\s*(?:{_SAID})\s+$")
# A name that a relative clause makes the sentence's speaker, after a place or an
# apposition: "... was supported by Sen. Jane Roe of Ohio, the ranking Democrat, who said".
_REPORTS_WHO = re.compile(
    rf"(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?(?:,[^,;:“”\"]{{1,120}})?"
    rf",\s*who\s+(?:also\s+)?(?:{_SAID})\b"
)
# A question put to a named person ("asked Rubio which states", "pressed Trump on whether"):
# the verb right before the name, a question word or "about" right after it.
_ASKED_BEFORE = re.compile(r"\b(?:asked|pressed|questioned)\s+$")
_QUESTION_AFTER = re.compile(
    r"\s+(?:(?:on|about)\s+)?(?:whether|if|why|how|what|which|when|where|who|about)\b"
)
# Words between a preposition and its object's name: "by former U.N. secretary general".
_OBJECT_FILLERS = frozenset({"and", "the", "former", "then", "late", "fellow", "his", "her"})


# "Ann Brody, Ted Cruz and Rand Paul all have plans", "Ann Brody and Ted Cruz both want":
# a list of names that "all" or "both" follows is a clause's subject, whatever the verb.
_LIST_ALL = re.compile(r"\s+(?:all|both)\s+(?!of\b|the\b|sides?\b|parties\b)[a-z]{2,}\b")
_AND_BEFORE = re.compile(r"\b(?:and|or)\s+$")


# A passive verb's agent before a name: "performed by (Dr.) ", "was founded by ".
_AGENT_BEFORE = re.compile(r"\b[a-z]{3,}(?:ed|en|wn)\s+by\s+(?:(?:Dr|Mr|Mrs|Ms)\.\s+)?$")


# The verb that joins a body, and the "the" that may stand between it and the body's name.
_JOINS_BEFORE = re.compile(  # `_JOINS`, each way's first letter before its "\b" test
    r"(?:j(?<!\w.)oin(?:s|ed|ing)?|d(?<!\w.)efect(?:s|ed|ing)?\s+to|s(?<!\w.)witch(?:s|ed|ing)?\s+to)\s+"
)
_THE_JOINED = re.compile(r"the\s+")
# What may follow the name of a body joined: not a noun it qualifies.
_JOINED_AFTER = re.compile(
    rf"\b(?=['’]s\b|\s*[^\w\s]|\s*$|\s+(?:{'|'.join(sorted(AFTER_A_NOUN))})\b)"
)


def _join_objects(text: str) -> tuple[int, ...]:
    """Where the name of a body someone joins may start in ``text``: after each "join",
    "defected to" (`_JOINS`) and after a "the" that follows it."""
    starts: list[int] = []
    for m in _JOINS_BEFORE.finditer(text):
        starts.append(m.end())
        if the := _THE_JOINED.match(text, m.end()):
            starts.append(the.end())
    return tuple(starts)


def _joined(text: str, word: str, starts: tuple[int, ...]) -> bool:
    """Whether someone joins ``word`` or defects to it ("defected to Ukip", "join Ukip"):
    a party or body that members join, named by its one word, not a place. Not where it
    qualifies a noun after it ("joined Tory candidate Kelly Tolhurst"). ``starts``:
    `_join_objects` of ``text``. (`_JOINS`, "the", the word and `_JOINED_AFTER` were
    one pattern compiled for each word: most of the offline backend's time.)"""
    return any(
        text.startswith(word, at) and _JOINED_AFTER.match(text, at + len(word)) is not None
        for at in starts
    )


def _acts_after(text: str, start: int, end: int) -> bool:
    """Whether the full name at ``text[start:end]`` (or the list of names it opens or
    closes) is the subject of the verb after it."""
    found = _LIST_REST.match(text, end)
    if found and _LIST_ALL.match(text, found.end()):
        return True
    if _AND_BEFORE.search(text, max(0, start - 5), start) and _LIST_ALL.match(text, end):
        return True  # the last name of the list
    return _SUBJECT_VERB.match(text, _list_end(text, end, found)) is not None


def _list_end(text: str, end: int, rest: re.Match[str] | None) -> int:
    """Where the list of full names that the name ending at ``end`` opens ends (``end``
    if it opens none); ``rest``: `_LIST_REST` matched at ``end`` (matched once)."""
    end = rest.end() if rest else end
    found = _ALL.match(text, end)
    return found.end() if found else end


# "the Turkish government", "the South Korean government" (not "Korean" cut from it).
_STATE_GOVERNMENT = re.compile(  # (the test before the capital after it, as `_TITLED`'s)
    r"(?P<adjective>[A-Z](?<![\w.'’-].)(?:(?<=N)orth [A-Z]|(?<=S)outh [A-Z])?[a-z]+) government\b"
)
# The government of a place just named ("In Pakistan, the government lifted").
_GOVERNMENT_THERE = re.compile(r",\s+(?:the\s+)?(?:government|authorities)(?=\s)")
# A gerund with its object after a name ("the example of Pakistan lifting a moratorium").
# Not a preposition's form ("to Israel during the campaign", "including the").
_GERUND = re.compile(
    r"\s+(?!(?:during|including|according|regarding|concerning|following|considering|excluding"
    r"|pending|barring)\b)[a-z]{3,}ing\s+(?:a|an|the|its|their)\s"
)
# A state's own body after its name: "South Korea's military said" is the state acting.
_ORGAN = re.compile(
    r"['’]s\s+(?:government|military|army|navy|armed forces|(?:foreign|defen[cs]e|interior)"
    r" ministry|state media|state news agency)(?=\s)"
)


def _start_in(short: tuple[str, ...], long: tuple[str, ...]) -> int:
    """Where ``short`` starts in ``long`` (a run of it), ``len(long)`` if it is not one."""
    return next((i for i in range(len(long)) if long[i : i + len(short)] == short), len(long))


def _mention_end(person: Entity, where: Pos) -> int:
    return next(stop for start, stop in person.mentions if start == where)


_INTRODUCED = re.compile(
    rf",\s+(?:[a-z]|the\b|a\b|an\b)|\s+(?:(?:{'|'.join(sorted(SPEECH_ADVERBS))})\s+)?"
    rf"(?:{'|'.join(sorted(SPEECH_VERBS))})\b"
)


# "the Clinton campaign", "Trump's campaign": a candidate's campaign named after them.
_CAMPAIGN = re.compile(r"([A-Z](?<![\w.'’-].)[a-z]+)(?:['’]s)?\s+campaign\b")
# What "X campaign" may qualify rather than name: "campaign chairman", "campaign events".
_CAMPAIGN_THINGS = wordset(
    """trail stop event rally rallies ad website headquarters finance fund money message
    promise pledge season cycle speech office committee account email contribution donor
    statement team operation plane bus song material literature strategy associate chair
    hand"""
)
_CAMPAIGN_QUALIFIED = _CAMPAIGN_THINGS | PERSON_NOUNS  # united once, not per match
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)")


def _campaign_qualifies(text: str, end: int) -> bool:
    """Whether the "campaign" ending at ``end`` only qualifies the noun after it."""
    after = _NEXT_WORD.match(text, end)  # no copy of the text after it
    if after is None:
        return False
    words = {after[1], after[1].removesuffix("s")}
    return bool(words & _CAMPAIGN_QUALIFIED)


def _introduced(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is introduced: a description follows it
    (", president of the union") or it is a speech verb's subject ("Paul Manafort said")."""
    return _INTRODUCED.match(text, end) is not None


# A name used to describe something of the person's, not the person: "the Obama
# administration", "The Cruz campaign", "some of the Sanders people".
_MODIFIER = re.compile(
    r"\s+(?:administration|campaign|camp|team|aides?|staff(?:ers)?|supporters|voters|loyalists"
    r"|allies|people|era|presidency|years|doctrine|family|foundation|surrogates?)\b"
)
# An abbreviation, not a sentence's end: "U.N.", "U.S.", "Sen.", "Lt.", "Gen."
_ABBREVIATION = re.compile(
    r"(?:[A-Z]\.)+|(?:Sen|Rep|Gov|Gen|Lt|Col|Sgt|Maj|Capt|Adm|Rev|Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof"
    r"|Atty|Sec|Pres|Gens)\."
)


def _in_quote_aside(para: Paragraph, at: int) -> bool:
    """Whether ``at`` lies in narration set off by dashes between two parts of a quotation
    ("“I don't think the conventional wisdom” -- that Bloomberg is perceived as a liberal
    -- “is going to last,” he says"): the writer's gloss on the quote, whose names are not
    whom the speaker's "he" is."""
    closed = [b for _a, b in para.regions if b < at]
    opened = [a for a, _b in para.regions if a > at]
    if not closed or not opened:
        return False
    before, after = para.text[closed[-1] + 1 : at], para.text[at : opened[0]]
    return (
        re.match(r"\s*(?:--|[—–])", before) is not None
        and re.search(r"(?:--|[—–])\s*$", after) is not None
        and not re.search(r"[.!?]", before)
    )


def _subject_like(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` can be a clause's subject: not a possessive,
    not part of a longer proper noun, not a modifier ("The Cruz campaign"), not the object
    of a preposition."""
    if re.match(
        r"['’]s\b(?!\s+(?:been|not|never|also|already|got)\b)| [A-Z]", text[end : end + 12]
    ) or _MODIFIER.match(text, end):
        return False
    words = text[max(0, start - 80) : start].split()[-6:]
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word[-1] in ",;:!?)" or (word[-1] == "." and not _ABBREVIATION.fullmatch(word)):
            return True  # a clause boundary before the name ("U.N." or "Gen." is none)
        low = word.lower()
        if low in PREPOSITIONS:
            return low == "to" and i > 0 and words[i - 1].lower() == "according"
        if not (word[0].isupper() or low in ROLE_NOUNS or low in _OBJECT_FILLERS):
            return True
    return True


def _word_before(text: str, start: int) -> list[str]:
    """The word right before ``start`` in its paragraph (none at a paragraph's start: a
    title line "Beck Blasts Drudge" is not joined to the next paragraph's "Beck said"),
    closing quotation marks cut off ("Sanders,”" before "Cummings said" ends a clause)."""
    words = text[max(0, start - 30) : start].rsplit("\n", 1)[-1].split()[-1:]
    return [w.rstrip("\"”’'") for w in words]


def qualifier(text: str, end: int, but: frozenset[str] = frozenset()) -> bool:
    """Whether the group word that ends at ``end`` only qualifies the noun after it
    ("police officer", "police department", "troops commander"), that noun not one of
    ``but``."""
    after = _word_after(text, end, 20)
    noun = re.sub(r"s$", "", after[0].rstrip(",.;:\"”’'")) if after else ""
    return noun in _QUALIFIED_NOUNS and noun not in but


def _role_after(text: str, end: int) -> bool:
    """Whether a role noun follows ``end`` ("Priorities spokesman"): the word before it
    names whom the role serves."""
    after = _word_after(text, end)
    return bool(after) and after[0].rstrip(",.") in ROLE_NOUNS


def _word_after(text: str, end: int, span: int = 30) -> list[str]:
    """The word right after ``end`` in its paragraph, if any."""
    return text[end : end + span].split("\n", 1)[0].split()[:1]


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    """``word`` as a whole word (``\\b`` on both sides), compiled once: the names of an
    article outnumber the ``re`` module's own cache of compiled patterns."""
    return re.compile(rf"\b{re.escape(word)}\b")


def _has_word(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a whole word, where ``\\b{word}\\b`` would
    find it: by `str.find` when the word starts and ends with word characters (there
    ``\\b`` is "no word character beside it"), else by the pattern (a substring test
    first)."""
    if word and is_word_char(word[0]) and is_word_char(word[-1]):
        return next(literal_spans(text, word), None) is not None
    return word in text and _word_pattern(word).search(text) is not None


def _occurrences(text: str, forms: set[str]) -> list[tuple[int, int]]:
    """(start, end) of every whole-word occurrence of any form; the longest wins an overlap."""
    if len(forms) == 1:  # most asks (a word, a surname): kept per text and form
        for form in forms:
            return list(_form_occurrences(text, form))
    found = [span for form in forms for span in _form_spans(text, form)]
    found.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for span in found:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


@lru_cache(maxsize=8192)
def _form_occurrences(text: str, form: str) -> tuple[tuple[int, int], ...]:
    """`_occurrences` of one form: its spans, in order (all of one length), each not
    overlapping the last one kept."""
    kept: list[tuple[int, int]] = []
    for span in _form_spans(text, form):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return tuple(kept)


@lru_cache(maxsize=8192)  # the registry looks for the same forms in its text again and again
def _form_spans(text: str, form: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every whole-word occurrence of ``form``, overlapping ones too."""
    found: list[tuple[int, int]] = []
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        if _boundary(text, start - 1) and _boundary(text, end):
            found.append((start, end))
        start = text.find(form, start + 1)
    return tuple(found)


def _initials(tokens: tuple[str, ...], small: bool = False) -> str:
    """ "Federal Bureau of Investigation" -> "FBI" (small words skipped); with ``small``,
    "Department of Justice" -> "DOJ"."""
    if small:
        return "".join(t[0].upper() for t in tokens if t not in {"the", "&"})
    return "".join(t[0] for t in tokens if t not in {"of", "for", "and", "the", "&"})


def _turned(tokens: tuple[str, ...]) -> str:
    """ "Justice Department" -> "Department of Justice", "Defence Ministry" -> "Ministry of
    Defence": the other way an organisation's name is written ("" if there is none)."""
    if len(tokens) < 2 or tokens[-1] not in _TURNING_HEADS:
        return ""
    return f"{tokens[-1]} of {' '.join(tokens[:-1])}"


def _boundary(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or not (text[i].isalnum() or text[i] in "_-")


def _without_state(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A US body's name without the state before it ("U.S. Senate", "United States
    Department of Agriculture"), empty when no state comes first or nothing would be left
    but a lower-case word or "of"."""
    for state in (("U.S.",), ("US",), ("United", "States")):
        n = len(state)
        if tokens[:n] == state and len(tokens) > n and tokens[n][0].isupper():
            return tokens[n:]
    return ()


_AND = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")


def _org_parts(start: int, phrase: str) -> list[tuple[int, str]]:
    """A capitalised phrase joined by "and": one name ("Securities and Exchange
    Commission") unless the part before "and" is a name by itself ("Department of
    Justice and the FBI", "Democrats and Republican Party") or "the" follows "and" (no
    name runs on through "and the": "Clinton and the State Department")."""
    m = _AND.search(phrase) if "and" in phrase or "&" in phrase else None  # a cheap test first
    if m is None:
        return [(start, phrase)]
    head, tail = phrase[: m.start()], phrase[m.end() :]
    words = head.split()
    if (
        m.group().rstrip().endswith("the")  # "Clinton and the State Department": two
        or ((name := _org_name(head)) and not _runs_on(name, tail))
        or any(w in ORG_ACRONYMS or w in GROUPS or w in _STATE_OF for w in words)
    ):
        return [(start, head), *_org_parts(start + m.end(), tail)]
    return [(start, phrase)]


# A plural before "'s" is part of a body's name, not its owner: "Children's Burn
# Foundation", "Organization for Women's Freedom", "People's Liberation Army".
# Nouns that say a name beside them is a body's ("a super PAC", "the opposition party",
# "solidarity group AfriForum"); `ORG_NOUNS` without the press's, with more kinds of body.
_BODY_NOUN_WORDS = (ORG_NOUNS - {"newspaper", "paper", "network", "website", "site"}) | wordset(
    "party charity PAC coalition movement foundation institute think-tank watchdog alliance "
    "pollster consultancy militia faction nonprofit"
)
_BODY_NOUN_FORMS = _BODY_NOUN_WORDS | {"think tank"}
_BODY_NOUN = alternation(sorted(_BODY_NOUN_FORMS, key=len, reverse=True))
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "&"})
_BODY_NAME = (
    r"(?P<name>[A-Z](?<![\w.'’-].)[\w&'’-]*(?:\s+(?:(?:of|for|and|&)\s+(?:the\s+)?)?"
    r"[A-Z][\w&'’-]*){0,4})(?![\w'’-])"
)
# A description's words before its noun: none a preposition, so "a member of the group" is
# no body's description.
_DESCRIBING = r"(?:(?!(?:of|in|for|at|with|from|by|to|and|who|which|that)\s)[a-z][\w'’-]*\s+){0,4}?"
# "X, a conservative political action committee, called": the name, its description, and
# the comma that closes the aside before the verb (the verb read after the match).
_NAME_THEN_BODY = re.compile(
    rf"{_BODY_NAME},\s+(?:a|an)\s+{_DESCRIBING}(?:{_BODY_NOUN})\b[^,;:.!?\"“”]{{0,80}},"
)
# "The opposition party, the Economic Freedom Fighters, has": the description first.
_BODY_THEN_NAME = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?)\s+{_DESCRIBING}(?:{_BODY_NOUN}),\s+(?:the\s+)?{_BODY_NAME},"
)
# A government named by no state's name ("The government", "the central government"); not
# an owner ("the government's plan") nor a qualifier ("the government official").
_THE_GOVERNMENT = re.compile(  # its first letter first, the test before it after it
    r"[Tt](?<![\w-].)he\s+(?:(?:central|federal|national)\s+)?government(?![\w'’-])"
    r"(?!\s+(?:official|officials|spokesman|spokeswoman|source|sources|minister|ministers)\b)"
)
_MODAL = re.compile(r"\s+(?:could|would|may|might|must|should|can)\b")
# "A First Great Western spokesman said": a body's name between an article and the word
# for the one who speaks for it.
_SPOKESMAN_OF = re.compile(
    rf"(?<![\w-])(?:[Aa]n?|[Tt]he)\s+{_BODY_NAME}\s+spokes(?:man|woman|person)\b"
)
# "Rob Dobson, senior economist at Markit, said", "said Jane Roe, director for Victim
# Support.": a person's role (its last word a role noun) and the body they work for, after
# the comma that follows their name (the comma first, its letter looked behind after it: a
# pattern that opens with a lookbehind is tried at every character).
_EMPLOYED_AT = re.compile(
    rf",(?<=[a-z],)\s+(?:the\s+|an?\s+)?(?:[a-z][\w'’-]*\s+){{0,3}}"
    rf"(?:{_ROLES_EMPLOYED})\s+(?:at|for|of)\s+(?:the\s+)?{_BODY_NAME}"
    r"(?:\s+\((?P<acronym>[A-Z][A-Za-z]{1,8})\))?(?=[,;:]|\.(?!\w))"
)
# A place's state or country after its name and a comma ("Oakland, California").
_IN_STATE = re.compile(
    rf",\s+(?:{alternation(sorted(US_STATES | COUNTRY_FORMS.keys(), key=len, reverse=True))})\b"
)
# A body's head noun that a story uses alone for it ("the trust", "the foundation") where it
# names one such body (`_mark_named_by_head`); not a party, a court, a government, a group.
_HEAD_NOUNS = wordset(
    """Trust Foundation Company Committee Council Club Network University Caucus Ministry
    Agency Board Commission Union Society Association Institute Authority Department
    Corporation Bank Academy Federation League Bureau Institution Charity"""
)
# The lower-case head nouns of public bodies a story may name only so ("the election
# commission", "the city's police union"): `_add_unnamed_bodies`.
_LOWER_HEADS = tuple(
    w.lower()
    for w in sorted(_HEAD_NOUNS)
    if w
    in {
        "Commission",
        "Union",
        "Department",
        "Council",
        "Committee",
        "Board",
        "Agency",
        "Authority",
        "Ministry",
        "Association",
        "Federation",
    }
)


@lru_cache(maxsize=32)
def _the_body(head: str) -> re.Pattern[str]:
    """ "the election commission", "the city's police union", "the union": "the", an
    owner perhaps, a lower-case word that says which body (``kind``), then ``head``."""
    return re.compile(
        rf"(?<![\w-])[Tt]he\s+(?:[a-z]+['’]s\s+)?(?P<body>(?P<kind>[a-z]+\s+)?{head})(?![\w'’-])"
    )


# Words before a body's head noun that say no body which ("the new commission", "the full
# committee", "the same union"): "the <head>" as if alone (`_kind`).
_NOT_KINDS = _NOT_MODIFIERS | wordset("new old same other full whole entire current previous")


def _kind(found: re.Match[str]) -> str:
    """The word of a `_the_body` match that says which body ("election" of "the election
    commission"), or "" where none does ("the commission", "the new commission")."""
    kind = (found["kind"] or "").strip()
    return "" if kind in _NOT_KINDS else kind


# What comes before a body named as someone's employer (`_named_again`).
_EMPLOYER_BEFORE = re.compile(r"(?<![\w-])(?:at|for|of)\s+(?:the\s+)?$")
# A person named by a peerage or a see: "the Duchess of Cornwall", "Archbishop of York".
# Each title's capital first, the test before it after it (`re` scans for the capitals,
# where a pattern opening with a lookbehind is tried at every character).
_PEER_TITLES = alternation(
    [
        "Duke",
        "Duchess",
        "Earl",
        "Countess",
        "Marquess",
        "Marchioness",
        "Viscount",
        "Viscountess",
        "Archbishop",
        "Bishop",
    ],
    after_first=r"(?<![\w-].)",
)
_PEER = re.compile(
    rf"(?P<name>(?:{_PEER_TITLES})\s+of"
    r"(?:\s+[A-Z][\w-]+(?:['’](?!s\b)[\w-]+)?){1,2})"
)
# Words for a sports team's staff and players, written between its name and a person's.
_STAFF_WORDS = wordset("manager boss coach striker midfielder defender goalkeeper winger captain")
# "Chelsea manager Antonio Conte", "Chelsea fitness coach Paolo Bertelli".
_TEAM_STAFF = re.compile(
    rf"{_BODY_NAME}\s+(?:(?!campaign\s)[a-z]+\s+)?(?P<role>{alternation(sorted(_STAFF_WORDS))})"
    rf"\s+(?P<person>{_TOKEN}(?:\s+{_PARTICLES}{_TOKEN}){{1,2}})(?!\s+[A-Z])"
)
# A capitalised word, and perhaps a short word, just before a name: the name runs on.
# A name in brackets after a person's full name ("Joe Edwards (Walsall)"), and how often
# the article must write it so to make it a team.
_BRACKETED_TEAM = re.compile(
    rf"{_TOKEN}\s+{_TOKEN}\s+\((?P<team>[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})\)"
)
_BRACKETED_TIMES = 3
_BRACKETED = re.compile(r"\(([A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\)")
_RUN_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+(?:[a-z]{1,3}\s+)?$")
# "solidarity group AfriForum handed": the noun just before the name, lower case.
_BODY_BEFORE_NAME = re.compile(rf"(?<![\w-])(?:{_BODY_NOUN})\s+{_BODY_NAME}")
_PLURAL_OWNERS = frozenset({"children", "women", "men", "people"})


def _on_tail(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """What follows "on" in a body's name ("on Benghazi" of "Select Committee on
    Benghazi"), or nothing."""
    for i in range(1, len(tokens) - 1):
        if tokens[i] == "on" and tokens[i - 1] in _ON_HEADS:
            return tokens[i:]
    return ()


def _runs_on(name: str, tail: str) -> bool:
    """Whether a body's name made with "for" runs on through "and" ("Center for Strategic
    and International Studies", "Organization for Economic Cooperation and Development");
    not into a person ("... Court of Appeals for the Seventh Circuit and William Bauer")."""
    first = tail.split()[:1]
    return (" for " in name or " on " in name) and bool(first) and first[0] not in GIVEN_NAMES


def _org_name(phrase: str) -> str | None:
    """The organisation a capitalised phrase names: it must end in a head word (or "of X")."""
    tokens = phrase.split()
    if tokens and tokens[-1].endswith(("'s", "’s")) and _on_tail(tuple(tokens)):
        tokens[-1] = tokens[-1][:-2]  # "the Select Committee on Benghazi's insistence"
    if not any(t in ORG_HEADS or t in ORG_ACRONYMS for t in tokens):
        return None
    owners = [
        i
        for i, t in enumerate(tokens)
        if t.endswith(("'s", "’s"))
        and t[:-2].lower() not in _PLURAL_OWNERS
        and not t[:-2].endswith("men")  # "Fishermen's Association", as "Women's"
    ]
    tokens = tokens[owners[-1] + 1 :] if owners else tokens
    while tokens and tokens[0] in STOP_CAPS:
        tokens.pop(0)
    while tokens and tokens[-1] in STOP_CAPS and not (len(tokens) > 1 and tokens[-1] in ORG_HEADS):
        tokens.pop()  # "... Associated Press"; not "Human Rights Watch"
    if len(tokens) == 1:  # "NATO", "the Senate"; but "Times", "Party" alone name nobody
        return tokens[0] if tokens[0] in ORG_ACRONYMS | INSTITUTIONS else None
    heads = [i for i, t in enumerate(tokens) if t in ORG_HEADS]
    if not heads:
        return None
    # "Staff for the House Select Committee": the body's people before "for the"
    of = [
        i
        for i in range(1, heads[0])
        if tokens[i] == "of" or (tokens[i] == "for" and tokens[i + 1] == "the")
    ]
    if of:  # "Kate Clark of the Afghanistan Analysts Network": a person before "of"
        tokens = tokens[of[0] + 1 :]
        tokens = tokens[1:] if tokens[:1] == ["the"] else tokens
        return _org_name(" ".join(tokens))
    end = heads[-1] + 1
    if end < len(tokens) and (
        tokens[end] == "of"
        or (tokens[end] == "for" and tokens[end - 1] != "House")
        or (tokens[end] == "on" and tokens[end - 1] in _ON_HEADS)
    ):
        # "House of Representatives", "Center for American Progress", but not "...
        # Speaker Nancy Pelosi" after it
        first = end + 2 if tokens[end + 1 : end + 2] == ["the"] else end + 1
        titled = [i for i in range(first + 1, len(tokens)) if tokens[i] in _TITLE_HEADS]
        end = titled[0] if titled else len(tokens)
        tokens = tokens[:end]
    if end < len(tokens):  # "Senate Majority Leader ...": the head only qualifies a title
        return None
    while tokens[end - 1] in {"of", "for", "the"}:
        end -= 1
    return " ".join(tokens[:end]) or None
