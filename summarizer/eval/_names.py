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

Keys, titles, generic words and sub-spans are the text core's (`summarizer._text`:
`name_key`, `TITLE_WORDS`, `sub_span`), the same the summariser merges actors with;
what is the eval's own is the scoring: `key_score`, `resolve`, `actor_scores`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from summarizer._text import (
    TITLE_WORDS,
    informative,
    is_lone_title,
    name_key,
    sub_span,
    wordset,
)

__all__ = [
    "TITLE_WORDS",
    "actor_scores",
    "best_match",
    "is_lone_title",
    "key_score",
    "name_key",
    "name_match",
    "resolve",
    "wordset",
]


def key_score(predicted: Sequence[str], gold: Sequence[str]) -> float:
    """1.0 for equal keys; ``len(p)/len(g)`` when ``p`` is an informative sub-span of ``g``."""
    if not predicted or not gold or is_lone_title(predicted):
        return 0.0
    if tuple(predicted) == tuple(gold):
        return 1.0
    if (
        informative(predicted)
        and len(predicted) < len(gold)
        and sub_span(tuple(predicted), tuple(gold))
    ):
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
