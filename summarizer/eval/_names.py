"""Name matching for the eval metrics: names as people write them, not bags of tokens.

One function turns a name into its *key*, the form two spellings of the same name
share:

- quote characters, Unicode compatibility forms and accents folded
  ("Peña Nieto" = "Pena Nieto"), case ignored;
- possessives dropped ("Putin's" = "Putin");
- dotted abbreviations joined and common country forms unified
  ("U.S." = "US" = "United States" = "the United States"; "UK" = "U.K." =
  "Britain" = "Great Britain" = "United Kingdom");
- a leading "the", and titles in front of a name, dropped ("President Donald
  Trump", "Russian President Vladimir Putin", "Secretary of State Mike Pompeo",
  "Mr. Fox");
- middle initials dropped ("Donald J. Trump" = "Donald Trump").

Two keys match when they are equal, or when the predicted key is a contiguous
run of the gold key's tokens ("Putin" ~ "Vladimir Putin", "Kim" ~ "Kim Jong Un")
that holds at least one real name token: a lone title, generic word or country
form ("President", "House", "U.S." in "U.S. Senate") is never a match by being
part of a longer name. A lone title never matches at all, even a gold alias
that is one ("the president" names nobody in particular).

`resolve` says which gold actor a name refers to, and refuses when it could be
two ("Biden" when the gold has Joe and Hunter Biden and neither has the alias
"Biden"); `actor_scores` refuses a predicted actor whose names equal names of
two different gold actors (a catch-all actor matches nothing).

The module depends only on `summarizer._grounding.normalize`, so it can move to
a shared text core as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from summarizer._text import normalize

_WORD = re.compile(r"[^\W_]+")


def wordset(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``."""
    return frozenset(text.split())


_DOTTED = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\b\.?")
_POSSESSIVE = re.compile(r"(?<=\w)'s?(?!\w)")

# Words that say what someone is, not who: dropped in front of a name, and never
# a match on their own. "the president", "Prime Minister", "Mr.".
TITLES = wordset(
    """
    president presidents vice prime minister ministers secretary chancellor premier
    king queen prince princess pope sheikh emir ayatollah supreme leader
    mr mrs ms miss dr prof sir dame lord lady madam
    sen senator senators rep reps representative congressman congresswoman
    gov governor mayor speaker chair chairman chairwoman chairperson director
    ambassador amb envoy spokesman spokeswoman spokesperson commander
    gen general lt lieutenant col colonel maj capt captain sgt sergeant adm admiral
    judge justice attorney deputy chief former acting foreign defence defense
    interior finance state of
    """
)
# The titles that end a title phrase; words such as "foreign" or "of" only qualify one.
_QUALIFIERS = "vice deputy chief former acting foreign defence defense interior finance state of"
_TITLE_HEADS = TITLES - wordset(_QUALIFIERS) - {"supreme", "general"}
# Words too generic to name an actor by being part of a longer name.
GENERIC = wordset(
    """
    the a an of and for in on at to by
    house senate congress parliament government administration ministry department
    office agency committee council court party army military police forces force
    officials official people group union republic states state national federal
    white new north south east west central democratic republican democrats republicans
    news media press
    """
)
_COUNTRY_FORMS = {
    ("us",): "united states",
    ("usa",): "united states",
    ("united", "states"): "united states",
    ("united", "states", "of", "america"): "united states",
    ("uk",): "united kingdom",
    ("britain",): "united kingdom",
    ("great", "britain"): "united kingdom",
    ("united", "kingdom"): "united kingdom",
}
COUNTRY_TOKENS = frozenset(t for form in _COUNTRY_FORMS.values() for t in form.split())


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", normalize(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _unify_countries(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    forms = sorted(_COUNTRY_FORMS.items(), key=lambda kv: -len(kv[0]))
    while i < len(words):
        for form, canonical in forms:
            if tuple(words[i : i + len(form)]) == form:
                out.extend(canonical.split())
                i += len(form)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _drop_titles(words: list[str]) -> list[str]:
    """Drop a title phrase in front of a name: everything up to its last head word,
    when that phrase is all title (or nationality/country) words and a name follows."""
    last_head = -1
    for i, word in enumerate(words[:-1]):
        if word in _TITLE_HEADS:
            last_head = i
        elif word not in TITLES and i > last_head + 1 and last_head >= 0:
            break
    if last_head < 0:
        return words
    rest = words[last_head + 1 :]
    while len(rest) > 1 and rest[0] in TITLES:  # "Secretary of State Mike Pompeo"
        rest = rest[1:]
    # "Supreme Court", "Justice Department": a title word before a generic one is no title.
    return rest if _informative(rest) and rest[0] not in GENERIC else words


def _drop_initials(words: list[str]) -> list[str]:
    """Drop one-letter middle initials ("donald j trump" -> "donald trump")."""
    if len(words) < 3:
        return words
    kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and len(w) == 1)]
    return kept


@lru_cache(maxsize=8192)
def name_key(name: str) -> tuple[str, ...]:
    """The normalised tokens of a name (see the module docstring); ``()`` for no name."""
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), _fold(name))
    text = _POSSESSIVE.sub("", text)
    words = [w.lower() for w in _WORD.findall(text)]
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    words = _unify_countries(words)
    words = _drop_titles(words)
    return tuple(_drop_initials(words))


def is_lone_title(key: Sequence[str]) -> bool:
    """Whether a name key is nothing but title words ("president", "prime minister")."""
    return bool(key) and all(w in TITLES or w == "the" for w in key)


def _informative(key: Sequence[str]) -> bool:
    """Whether a key has a token that can name someone inside a longer name."""
    return any(w not in GENERIC and w not in TITLES and w not in COUNTRY_TOKENS for w in key)


def _sub_span(short: Sequence[str], long: Sequence[str]) -> bool:
    n = len(short)
    return 0 < n < len(long) and any(
        tuple(long[i : i + n]) == tuple(short) for i in range(len(long) - n + 1)
    )


def key_score(predicted: Sequence[str], gold: Sequence[str]) -> float:
    """1.0 for equal keys; ``len(p)/len(g)`` when ``p`` is an informative sub-span of ``g``."""
    if not predicted or not gold or is_lone_title(predicted):
        return 0.0
    if tuple(predicted) == tuple(gold):
        return 1.0
    if _informative(predicted) and _sub_span(predicted, gold):
        return len(predicted) / len(gold)
    return 0.0


def name_match(predicted: str, gold: str) -> float:
    """How well a predicted name matches a gold name (0.0 none, 1.0 the same name)."""
    return key_score(name_key(predicted), name_key(gold))


def best_match(predicted: Iterable[str], gold: Iterable[str]) -> float:
    """Best `name_match` of any predicted name against any gold name."""
    gold_keys = [name_key(g) for g in gold]
    return max((key_score(name_key(p), g) for p in predicted for g in gold_keys), default=0.0)


def resolve(name: str, gold_names: Sequence[Sequence[str]]) -> int | None:
    """The one gold actor (index into ``gold_names``, each actor's names) that ``name`` names.

    An equal name wins; failing that, an informative sub-span. ``None`` when no actor
    or more than one fits at the best level ("Biden" with Joe and Hunter Biden).
    """
    key = name_key(name)
    scores = [
        max((key_score(key, name_key(g)) for g in names), default=0.0) for names in gold_names
    ]
    exact = [j for j, s in enumerate(scores) if s == 1.0]
    if exact:
        return exact[0] if len(exact) == 1 else None
    partial = [j for j, s in enumerate(scores) if s > 0]
    return partial[0] if len(partial) == 1 else None


def actor_scores(predicted: Sequence[str], gold_names: Sequence[Sequence[str]]) -> list[float]:
    """A predicted actor's (its names') score against every gold actor.

    All zeros when its names equal names of two different gold actors, or when every
    informative match is ambiguous: an actor is one actor.
    """
    keys = [name_key(p) for p in predicted]
    gold_keys = [[name_key(g) for g in names] for names in gold_names]
    exact = {
        j
        for j, names in enumerate(gold_keys)
        for k in keys
        for g in names
        if key_score(k, g) == 1.0
    }
    if len(exact) > 1:
        return [0.0] * len(gold_names)
    scores = [0.0] * len(gold_names)
    for key in keys:
        row = [max((key_score(key, g) for g in names), default=0.0) for names in gold_keys]
        hits = [j for j, s in enumerate(row) if s > 0]
        if len(hits) > 1 and not any(s == 1.0 for s in row):
            continue  # a name that fits several actors equally vaguely says nothing
        for j in hits:
            scores[j] = max(scores[j], row[j])
    if exact:
        (only,) = exact
        return [s if j == only else 0.0 for j, s in enumerate(scores)]
    return scores
