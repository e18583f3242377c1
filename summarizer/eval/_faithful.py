"""Summary checks that need no model: is it readable text, and does the article back it?

`unreadable` says why a summary is not a short text made of sentences (too long,
no sentences, a list of keywords); such a summary earns no must-mention credit.

`unsupported` lists the named entities (capitalised words), numbers and dates
(month and weekday names are capitalised, years are numbers) of a summary that
the article never uses: the cheap half of a faithfulness check. It cannot see a
false statement made of true words ("Rahmon invited Putin" when Putin invited
Rahmon); the LLM judge (`summarizer.eval._judge`) is for that.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from summarizer._text import normalize, split_sentences, wordset

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Words that glue a sentence together. Real sentences have them between the content
# words; a keyword list has none, or has them all in a row (a frequency list).
FUNCTION_WORDS = wordset(
    """
    the a an of to in on at for with by from and or but as that this these those
    is are was were be been has have had will would can could should may might
    said says say it its he she they his her their who which what when where
    not no after before over under into about than while
    """
)
_GLUE = wordset("the a an of to in on at for with by from and or as")
MAX_SENTENCE_WORDS = 60
_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
    "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
    "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
}  # fmt: skip


def sentences(text: str) -> list[str]:
    """The sentences of a summary, quote marks folded: the text core's splitter, so a
    period that ends a title or an abbreviation ("Mr.", "Gen.", "U.S.", "J.") does not
    end a sentence."""
    return split_sentences(normalize(text))


def unreadable(summary: str, max_words: int | None) -> str | None:
    """Why a summary is not readable text within its length, or ``None`` if it is.

    Not readable: empty; more words than ``max_words``; a sentence that does not end
    with ., ! or ? or runs past 60 words; a sentence with no function word
    ("Putin Rahmon Dushanbe summit.") or, from eight words on, fewer than 15 % of
    them (English prose has 40-50 %: "the", "of", "said", "was"); four or more glue words in a row ("the of to
    and", a word-frequency list).
    """
    words = summary.split()
    if not words:
        return "empty"
    if max_words is not None and len(words) > max_words:
        return f"{len(words)} words, over the limit of {max_words}"
    for sentence in sentences(summary):
        tokens = [w.lower() for w in _WORD.findall(sentence)]
        if not tokens:
            continue
        if not sentence.rstrip("\"')]”’ ").endswith((".", "!", "?")):
            return f"not a sentence (no final punctuation): {sentence[:60]!r}"
        if len(tokens) > MAX_SENTENCE_WORDS:
            return f"a sentence of {len(tokens)} words"
        glue = sum(1 for t in tokens if t in FUNCTION_WORDS)
        if len(tokens) >= 4 and (glue == 0 or (len(tokens) >= 8 and glue / len(tokens) < 0.15)):
            return f"a list of words, not a sentence: {sentence[:60]!r}"
        run = 0
        for token in tokens:
            run = run + 1 if token in _GLUE else 0
            if run >= 4:
                return f"words out of order, not a sentence: {sentence[:60]!r}"
    return None


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", normalize(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _word_key(word: str) -> str:
    word = _fold(word).lower()
    return re.sub(r"'s?$", "", word)


@lru_cache(maxsize=64)
def _article_vocabulary(article: str) -> tuple[frozenset[str], frozenset[str]]:
    """The article's folded words (and their pieces) and its numbers, normalised."""
    folded = _fold(article)
    words: set[str] = set()
    for word in _WORD.findall(folded):
        key = _word_key(word)
        words.add(key)
        words.update(re.findall(r"[^\W_]+", key))
    if {"us", "usa"} & words or {"u", "s"} <= words:  # U.S. = United States = America
        words |= {"united", "states", "america", "american", "americans"}
    if {"uk", "britain", "british"} & words or {"u", "k"} <= words:
        words |= {"united", "kingdom", "britain", "british", "uk"}
    numbers = {n.replace(",", "") for n in _NUMBER.findall(folded)}
    numbers |= {_NUMBER_WORDS[w] for w in words if w in _NUMBER_WORDS}
    return frozenset(words), frozenset(numbers)


_DEMONYM = re.compile(r"(?:ians?|ans?|ese|is|i|ish)$")


def _word_supported(key: str, words: frozenset[str]) -> bool:
    """Exact, or the same first five letters ("Russian" ~ "Russia"), or a demonym of an
    article word ("Chinese" ~ "China", "Iraqi" ~ "Iraq")."""
    if key in words:
        return True
    if len(key) >= 5 and any(w.startswith(key[:5]) for w in words if len(w) >= 5):
        return True
    stem = _DEMONYM.sub("", key)
    return len(stem) >= 4 and stem != key and any(w.startswith(stem) for w in words)


def checked_items(summary: str) -> list[str]:
    """The named entities (capitalised words), numbers and dates a summary states, once each.

    A capitalised word that opens a sentence counts only when the next word is
    capitalised too ("After talks" does not count, "Vladimir Putin met" does);
    function words never count.
    """
    items: list[str] = []
    for sentence in sentences(summary):
        found = [m.group(0) for m in _WORD.finditer(sentence)]
        for i, word in enumerate(found):
            if any(ch.isdigit() for ch in word) or not word[0].isupper():
                continue
            opener = i == 0 and not (len(found) > 1 and found[1][0].isupper())
            if not opener and _word_key(word) not in FUNCTION_WORDS:
                items.append(word)
        items += [n.rstrip(".") for n in _NUMBER.findall(sentence)]
    return list(dict.fromkeys(items))


def _supported(item: str, words: frozenset[str], numbers: frozenset[str]) -> bool:
    if item[0].isdigit():
        return item.replace(",", "") in numbers
    key = _word_key(item)
    pieces = re.findall(r"[^\W_]+", key)
    return _word_supported(key, words) or all(_word_supported(p, words) for p in pieces)


def unsupported(summary: str, article: str) -> list[str]:
    """The `checked_items` of ``summary`` that ``article`` does not contain.

    A word is supported when the article has it (case, accents and a possessive 's
    ignored; a hyphenated name when the article has each piece); a number when
    the article has it (thousands separators ignored; "five" = "5").
    """
    words, numbers = _article_vocabulary(article)
    return [item for item in checked_items(summary) if not _supported(item, words, numbers)]
