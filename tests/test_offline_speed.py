"""The offline rules' speed-ups change no output: a compiled-pattern cache or a cheap test
in front of a pattern answers as the pattern does, and nothing one article leaves in a
cache changes another article's briefing. (The cost itself is measured by
`benchmarks/offline_cpu.py`, the identity of outputs by `scripts/offline_digest.py`.)"""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer.backends.offline._extract import extract_offline
from summarizer.backends.offline._names import _has_word, _no_initials


def test_has_word_is_a_whole_word_of_this_text() -> None:
    assert _has_word("a bill passed", "bill")
    assert not _has_word("a billion passed", "bill")  # a substring, not a word
    assert not _has_word("a bill passed", "pass")  # another word's pattern is not reused
    assert not _has_word("Apple said", "apple")
    assert _has_word("an apple a day", "apple")  # the same word, another text


# Two articles that differ in one thing: whether the first word of "Marlow Teague" is also
# written in lower case ("the marlow fund"), which makes it no given name.
_NAMED = CleanArticle(
    paragraphs=[
        "Marlow Teague, the mayor, opened the new bridge on Monday after months of delay.",
        '"It is a good day for the city," Teague said. Teague added that the work was done.',
    ]
)
_LOWER = CleanArticle(
    paragraphs=[
        "The marlow fund paid for the new bridge that Marlow Teague opened on Monday.",
        '"It is a good day for the city," Teague said. Teague added that the work was done.',
    ]
)


def test_one_article_leaves_nothing_that_changes_the_next() -> None:
    for order in ((_NAMED, _LOWER), (_LOWER, _NAMED), (_NAMED, _LOWER)):
        names = {id(a): [x.name for x in extract_offline(a).actors] for a in order}
        assert names[id(_NAMED)] == ["Marlow Teague"]
        assert names[id(_LOWER)] == ["Teague"]


def test_names_without_initials_are_each_names_own() -> None:
    assert _no_initials(("George", "W.", "Bush")) == ("George", "Bush")
    assert _no_initials(("Mary", "J.", "Blige")) == ("Mary", "Blige")  # same shape, own answer
    assert _no_initials(("J.", "K.")) == ("J.", "K.")  # nothing left: the name as written
