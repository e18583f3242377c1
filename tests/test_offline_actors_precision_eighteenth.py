"""Offline actor rules against duplicates and wrong merges on unseen articles (issue #14,
eighteenth session): kinds found on several tuning sources (PolNeAR, the writer lists,
AllSides). Synthetic texts; each test fails without its rule."""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer._schema import Extraction
from summarizer.backends.offline._extract import extract_offline


def _extract(*paragraphs: str) -> Extraction:
    return extract_offline(CleanArticle(paragraphs=list(paragraphs)))


def test_a_qualified_epithet_speaker_is_the_person_named_before() -> None:
    out = _extract(
        "Donald Trump, appearing after Hillary Clinton at the forum, cited problems in the "
        "Middle East that he blamed on the policies of President Obama.",
        "Trump called upon Mayor Bill de Blasio to restart surveillance of mosques.",
        '"There is hatred," the Republican presidential candidate said in an interview.',
    )
    names = {a.name for a in out.actors}
    assert "the Republican presidential candidate" not in names
    trump = next(a for a in out.actors if a.name == "Donald Trump")
    assert "the Republican presidential candidate" in trump.aliases
    assert [q.speaker for q in out.quotes] == ["Donald Trump"]


def test_a_club_boss_speaking_is_its_named_manager() -> None:
    out = _extract(
        "Dan Pryce has told his players to approach the semi-final like any other game.",
        "It has been 60 years since the Larks last reached the last four.",
        "Pryce was appointed Hatton manager in December.",
        "Pryce felt defeat was harsh on his side last week.",
        "'We seem to have played with a little more freedom,' the Larks boss said.",
    )
    names = {a.name for a in out.actors}
    assert "the Larks boss" not in names
    assert [q.speaker for q in out.quotes] == ["Dan Pryce"]


def test_a_described_epithet_is_still_someone_else() -> None:
    # "the gambling tycoon" is someone the story describes, not the candidate it is about
    # and named last: a lower-case qualifier describes; the rule leaves it alone
    out = _extract(
        "Donald Trump won praise on Sunday from a casino owner, Sheldon Adelson.",
        "Trump leads in the polls, and Trump has met many donors this month.",
        "\u201cIt was very nice,\u201d the gambling tycoon told Reuters in an interview.",
    )
    assert all(q.speaker != "Donald Trump" for q in out.quotes)


def test_a_state_only_qualifying_the_building_attacked_is_no_target() -> None:
    # "the attack on the U.S. consulate": the consulate is attacked; the state is named
    # only as the consulate's qualifier, once, and is no actor for that
    out = _extract(
        "Jane Rowe, whose son was killed in the 2012 attack on the U.S. consulate in "
        "Benghazi, spoke to reporters on Friday.",
        "Rowe said she had written to the senator twice and heard nothing back.",
    )
    names = {a.name for a in out.actors}
    assert "Jane Rowe" in names
    assert "U.S." not in names


def test_sanctions_against_a_state_still_make_it_a_target() -> None:
    out = _extract(
        "The foreign minister is a hero at home after talks that could end sanctions "
        "against Iran within weeks.",
        "Jane Rowe, a diplomat, said the talks were long.",
    )
    assert "Iran" in {a.name for a in out.actors}
