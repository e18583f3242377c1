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
"Biden"). Keys set titles aside, so "Mr Smith" and "Mrs Smith" share the key
"smith": of two gold actors a name equals by key, the one whose names write it word
for word, title and all, is the one it names.

`actor_scores` scores a predicted actor by its names, the most specific first. The
actor is the one gold actor named by its names that equal one gold actor's name and fit
no other (a full name, "John Smith"); failing those, by its names that equal one actor's
name and fit another too (a surname, "Mrs Smith" where the gold has "Mr Smith" and
"Jane Smith"). A name that equals names of several gold actors says nothing ("Smith"
or "Mr Smith" beside a gold John and Jane Smith who are both "Smith"), nor does one
only part of several names ("Biden" beside Joe and Hunter Biden): a surname a family
shares neither names the actor nor spoils it. A predicted actor whose names name two
different gold actors is a catch-all and matches nothing ("John Smith" and "Jane
Smith" in one actor; "Putin", "Rahmon" and "Russia").

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
    name_tokens,
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


def _rows(
    names: Sequence[str], gold_names: Sequence[Sequence[str]]
) -> list[tuple[list[float], list[int]]]:
    """For each name: its best `key_score` against every gold actor, and the gold actors
    it equals (`_equal`)."""
    gold_keys = [[name_key(g) for g in actor] for actor in gold_names]
    out = []
    for name in names:
        key = name_key(name)
        row = [max((key_score(key, g) for g in actor), default=0.0) for actor in gold_keys]
        out.append((row, _equal(name, row, gold_names)))
    return out


def _equal(name: str, row: Sequence[float], gold_names: Sequence[Sequence[str]]) -> list[int]:
    """The gold actors one of whose names has ``name``'s key; of several, the one gold
    actor that writes ``name`` word for word, title and all, when one does: keys set
    titles aside, so "Mrs Smith" and "Mr Smith" share the key "smith", and the gold's
    "Mrs Smith" is the one "Mrs Smith" names."""
    equal = [j for j, s in enumerate(row) if s == 1.0]
    if len(equal) > 1:
        words = name_tokens(name)
        written = [j for j in equal if any(name_tokens(g) == words for g in gold_names[j])]
        if len(written) == 1:
            return written
    return equal


def resolve(name: str, gold_names: Sequence[Sequence[str]]) -> int | None:
    """The one gold actor (index into ``gold_names``, each actor's names) that ``name`` names.

    An equal name wins (`_equal`: of two equal keys, the name the gold writes word for
    word); failing that, an informative sub-span. ``None`` when no actor or more than one
    fits at the best level ("Biden" with Joe and Hunter Biden).
    """
    ((row, equal),) = _rows([name], gold_names)
    if equal:
        return equal[0] if len(equal) == 1 else None
    partial = [j for j, s in enumerate(row) if s > 0]
    return partial[0] if len(partial) == 1 else None


def actor_scores(predicted: Sequence[str], gold_names: Sequence[Sequence[str]]) -> list[float]:
    """A predicted actor's (its names') score against every gold actor.

    A name that fits several gold actors says nothing: one equal to names of several
    ("Smith" beside John and Jane Smith), or one that is only a sub-span of several.
    A name equal to one gold actor's name and fitting no other names that actor; one
    equal to one actor's but part of another's too ("Mrs Smith" equal to John Smith's
    "Mr Smith" and part of "Jane Smith") does only when no such surer name does. Names
    that name two different gold actors make a catch-all: all zeros, an actor is one actor.
    """
    rows = _rows(predicted, gold_names)
    sure = {equal[0] for row, equal in rows if len(equal) == 1 and _hits(row) == equal}
    named = sure or {equal[0] for _, equal in rows if len(equal) == 1}
    if len(named) > 1:
        return [0.0] * len(gold_names)
    scores = [0.0] * len(gold_names)
    for row, equal in rows:
        hits = _hits(row)
        if len(equal) > 1 or (not equal and len(hits) > 1):
            continue  # a name that fits several actors says nothing
        for j in hits:
            scores[j] = max(scores[j], row[j])
    if named:
        (only,) = named
        return [s if j == only else 0.0 for j, s in enumerate(scores)]
    return scores


def _hits(row: Sequence[float]) -> list[int]:
    return [j for j, s in enumerate(row) if s > 0]
