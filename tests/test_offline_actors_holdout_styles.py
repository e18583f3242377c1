"""Offline actor rules found by probing the house styles of the holdout suite's sources
(CNN 2007-2015, the Daily Mail) on tuning stories and synthetic text (issue #14, twelfth
session): key actors the rules lost or merged into another. Synthetic texts; each test
fails without its rule."""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer._schema import Actor
from summarizer.backends.offline._extract import extract_offline


def _actors(*paragraphs: str) -> list[Actor]:
    return extract_offline(CleanArticle(paragraphs=list(paragraphs))).actors


def _by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


def test_a_surname_after_two_particles_is_part_of_the_name() -> None:
    names = [
        a.name
        for a in _actors(
            "European Commission President Ursula von der Brandt warned on Tuesday that the "
            "bloc would answer any new tariffs within days.",
            '"We will not be bullied," von der Brandt said.',
        )
    ]
    assert "Ursula von der Brandt" in names
    assert "Ursula" not in names
