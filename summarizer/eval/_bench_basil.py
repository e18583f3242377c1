"""BASIL main entities: are the actors the annotators judged central among the briefing's actors?

BASIL (Fan et al., EMNLP 2019) gives each of its 300 articles ``main_entities``
(one to five, e.g. "Michael Steele", "Barack Obama", "Republican Lawmakers").
It lists no other actors, so only recall can be measured: an entity is found
when a predicted actor's name or an alias matches it with the eval package's
`names_score` (equal, or a full-token sub-span: "Obama" ~ "Barack Obama").
Some main entities are not actors by ANNOTATION.md ("birthright citizenship",
"SB 1062 bill") or are never named as such in the text ("Republican Lawmakers");
``in_text`` measures how many the article names verbatim, and ``recall_in_text``
the recall on those alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from summarizer._grounding import index_article
from summarizer._schema import Actor
from summarizer.eval._jsonl import read_jsonl
from summarizer.eval._text import names_score


@dataclass(frozen=True)
class BasilArticle:
    """One BASIL article and its main entities."""

    id: str
    text: str
    main_entities: tuple[str, ...]


def basil_file(data_dir: Path) -> Path:
    return data_dir / "basil" / "basil_articles.jsonl"


def load_basil(path: Path, limit: int | None = None) -> list[BasilArticle]:
    """Articles of ``basil_articles.jsonl`` (see its SOURCE.md), the first ``limit`` if given."""
    return [
        BasilArticle(r["id"], r["text"], tuple(r["main_entities"])) for r in read_jsonl(path, limit)
    ]


def entity_found(entity: str, actors: Sequence[Actor]) -> bool:
    """Whether any predicted actor (name or alias) matches the entity, alias-aware."""
    return any(names_score(actor.names(), [entity]) > 0 for actor in actors)


def score_basil(
    articles: Sequence[BasilArticle], predictions: Mapping[str, Sequence[Actor]]
) -> dict[str, float | None]:
    """``recall`` (micro, over all entities), ``recall_macro`` (mean of per-article
    recall), ``recall_in_text`` (micro, entities the article names verbatim),
    ``in_text`` (share of entities named verbatim, whatever the system),
    ``actors_per_article``, and the ``entities`` count. An article missing from
    ``predictions`` has no actors."""
    found = total = found_in_text = in_text = 0
    per_article: list[float] = []
    actor_counts: list[int] = []
    for article in articles:
        actors = predictions.get(article.id, ())
        index = index_article(article.text)
        hits = 0
        for entity in article.main_entities:
            hit = entity_found(entity, actors)
            named = index.mentions(entity)
            hits += hit
            in_text += named
            found_in_text += hit and named
        found += hits
        total += len(article.main_entities)
        if article.main_entities:
            per_article.append(hits / len(article.main_entities))
        actor_counts.append(len(actors))
    return {
        "recall": found / total if total else None,
        "recall_macro": fmean(per_article) if per_article else None,
        "recall_in_text": found_in_text / in_text if in_text else None,
        "in_text": in_text / total if total else None,
        "actors_per_article": fmean(actor_counts) if actor_counts else None,
        "entities": float(total),
    }
