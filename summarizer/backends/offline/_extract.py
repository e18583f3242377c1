"""The offline backend: deterministic rules, no network, no model.

Used when no API key and no model are configured. It fills the same `Extraction`
the LLM fills, and its output goes through the same grounding rules:

- summary: the lead, i.e. the first body sentences (at most three, ~90 words); after a
  feature lead (a question, an anecdote, a scene) from the sentence that states the news;
- actors, quotes and tensions: surface rules in the ``_offline_*`` modules
  (names with titles, quotation marks with speech verbs, cue words with the
  actors around them).

It favours precision: an item the rules cannot pin down is left out, not guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain, islice, pairwise

from summarizer._instructions import is_instruction
from summarizer._schema import Extraction
from summarizer._text import (
    DOUBLE_MARKS,
    FOLDS_TO_ASCII,
    Paragraph,
    layout,
    strip_dateline,
    wordset,
)
from summarizer.backends.offline._lexicon import SPEECH_VERBS
from summarizer.backends.offline._names import Registry
from summarizer.backends.offline._quotes import find_quotes
from summarizer.backends.offline._tensions import find_tensions
from summarizer.input._cleaning import CleanArticle

_MAX_SUMMARY_WORDS = 90
_MAX_SUMMARY_SENTENCES = 3
_MIN_BODY_WORDS = 8
_DEBRIS = re.compile(
    r"REUTERS/|\bFile Photo\b|^JUST WATCHED|^\(Reporting|^Slideshow|\bGetty Images\b|"
    r"\((?:AP|AFP|Reuters) Photo|\bPhoto(?:graph)?(?: by|:)|^Image (?:copyright|caption)|"
    r"^(?:Photo|Credit|Caption)\b|\b(?:Picture|Pictured|Image|Photo credit|Credit):\s|"
    r"\bShutterstock\b|\bvia AP\)",
    re.I,
)
# Every match of `_DEBRIS` holds one of these words, in some case: a paragraph without
# them is no debris, found with a substring test instead of the pattern (which tries its
# case-blind alternatives at every character). Under ``re.I`` four other characters match
# ASCII letters too ("İ", "ı", "ſ", the Kelvin sign): a text with one goes to the pattern.
_DEBRIS_WORDS = (
    "reuters/",
    "photo",
    "just watched",
    "(reporting",
    "slideshow",
    "image",
    "credit",
    "caption",
    "picture",
    "shutterstock",
    "via ap)",
)


def _is_debris(text: str) -> bool:
    """Whether `_DEBRIS` finds anything in ``text`` (its words looked for first)."""
    lower = text.lower()
    if any(w in lower for w in _DEBRIS_WORDS) or FOLDS_TO_ASCII.search(text):
        return _DEBRIS.search(text) is not None
    return False


def extract_offline(article: CleanArticle) -> Extraction:
    """Rule-based extraction of one cleaned article (deterministic, no network)."""
    paragraphs = layout(article.text)
    title_lines = frozenset(p.index for p in paragraphs if _headline(p.text, strict=True))
    registry = Registry(paragraphs, article.title, title_lines)
    quotes = find_quotes(paragraphs, registry)
    tensions = find_tensions(paragraphs, registry, article.title, quotes)
    actors = registry.actor_list()
    return Extraction(
        summary=lead_summary(article.paragraphs, title=article.title),
        actors=actors,
        tensions=tensions,
        quotes=quotes,
    )


def lead_summary(
    paragraphs: list[str], max_words: int = _MAX_SUMMARY_WORDS, *, title: str | None = None
) -> str:
    """The first body sentences, whole, up to three of them and about ``max_words`` words.

    Sentences that open with a quotation mark are passed over: a lead quote rarely
    says who did what; so are sentences after the first that are mostly a quotation
    ('He added, "..."'). When even the first sentence is too long it is cut at a word.
    A feature lead (an anecdote, a scene, a question to the reader) is passed over for
    the sentence that states the news (`_news_start`).
    """
    chosen: list[str] = []
    words = 0
    body = _body_sentences(paragraphs)  # read only as far as needed: most leads are short
    sentences = list(islice(body, _NEWS_WINDOW))  # enough to tell a feature lead
    if len(sentences) >= 3 and _feature_lead([s for s, _ in sentences], 0) is not None:
        sentences += body  # its news is weighed against every sentence (`_news_start`)
    start = _news_start([s for s, _ in sentences], title)
    for sentence, quoted in chain(sentences[start:], body):
        if quoted and chosen:
            continue
        n = len(sentence.split())
        if chosen and words + n > max_words:
            break
        chosen.append(sentence)
        words += n
        if len(chosen) == _MAX_SUMMARY_SENTENCES:
            break
    if not chosen:
        return " ".join(" ".join(paragraphs).split()[:max_words])
    summary = " ".join(chosen)
    if words > max_words:
        summary = _cut(summary, max_words)
    return summary


def _cut(text: str, max_words: int) -> str:
    """``text`` cut to ``max_words`` words, but never inside a quotation: a cut that
    would fall between quotation marks falls before the opening one instead."""
    cut = " ".join(text.split()[:max_words])
    para = Paragraph(0, cut)
    end = len(cut)
    inside = [a for a, b in para.regions if b >= len(cut)]
    if inside and inside[0] > 0:
        end = inside[0] if cut[inside[0] - 1] != "'" else inside[0] - 1
    return cut[:end].rstrip(" ,;:—–-") + " …"


def _body_sentences(paragraphs: list[str]) -> Iterator[tuple[str, bool]]:
    """Sentences of body paragraphs, leaving out those inside or opening with a quotation;
    each with whether it is mostly a quotation."""
    for i, raw in enumerate(paragraphs):
        para = Paragraph(i, strip_dateline(raw.strip()))
        if not _is_body(para.text):
            continue
        for a, b in _whole_sentences(para):
            sentence = para.text[a:b].strip()
            if (
                sentence
                and sentence[0] not in DOUBLE_MARKS
                and not para.inside_quote(a)
                and not is_instruction(sentence)  # talks to the reader or an AI: not news
            ):
                yield sentence, _mostly_quoted(para, a, b)


def _whole_sentences(para: Paragraph) -> Iterator[tuple[int, int]]:
    """(start, end) of the sentences of ``para``, a sentence that ends inside a quotation
    joined to the next ('She said: "It is unsafe. We close it."' is one), so a summary
    never stops between quotation marks."""
    start = 0
    for _, end in para.sentences():
        if end < len(para.text) and para.inside_quote(end):
            continue
        yield start, end
        start = end


def _mostly_quoted(para: Paragraph, start: int, end: int) -> bool:
    """A sentence that is mostly a quotation ('He added, "..."'): a speaker's words, not
    the news, which the sentences around it state."""
    quoted = sum(max(0, min(b, end) - max(a + 1, start)) for a, b in para.regions)
    return quoted > 0.5 * (end - start)


def _is_body(text: str) -> bool:
    """A paragraph of running prose, not a heading, caption, credit or widget."""
    return (
        len(text.split()) >= _MIN_BODY_WORDS
        and text.rstrip()[-1:] in '.!?"”’)'
        and not _is_debris(text)
        and not _headline(text)
    )


_TITLE_CASE_SMALL = frozenset({"from", "with", "into", "onto", "over", "upon", "amid", "than"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _headline(text: str, *, strict: bool = False) -> bool:
    """A title line ("Obama Sees 'Personal Insult' if Blacks Don't Rally."): short, and
    nearly every longer word capitalised, as prose never is; with ``strict``, every
    one ("Mayor Dana Ruiz spoke on Friday." is prose full of names)."""
    if len(text.split()) > 25:
        return False  # before the words are read: most paragraphs are longer
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    if strict:  # title case leaves short prepositions in lower case ("Turn Away from")
        words = [w for w in words if w not in _TITLE_CASE_SMALL]
    if len(words) < 3:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised == len(words) if strict else capitalised >= 0.8 * len(words)


# --- feature leads -----------------------------------------------------------------

_NEWS_WINDOW = 6  # the news of a feature lead comes within its first six sentences
_NEAR_BEST = 0.8  # the earliest sentence this close to the best one states the news
_HEADLINE_WORDS = 2  # a scene sharing this many of the title's words may be the news
_MAX_QUESTION_WORDS = 25  # a longer "question" is debris glued to the lead
_MAX_FRAGMENT_WORDS = 6
_MIN_CONTENT = 5  # letters: shorter words are mostly function words
_READER = re.compile(r"\b(?:you|your|yourself)\b|\byou['’](?:re|ve|d|ll)\b", re.I)
_SCENE = re.compile(
    r"^(?:It was an? |On an? (?:\w+ ){0,2}(?:morning|afternoon|evening|night|day)\b|"
    r"Just (?:before|after) |(?:Weeks|Days|Months|Years|Hours|Minutes) (?:ago|earlier),? )"
)
_SOMEONE = re.compile(
    r"^(?:A|An|The) (?:young |little |elderly )?(?:baby|woman|man|girl|boy|mother|father|"
    r"widow|teenager)\b"
)
# what a report of an event has and a portrait does not ("A man was shot on Tuesday")
_EVENT = re.compile(
    r"\d|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"tonight|police|officials|authorities|killed|died|dead|arrested|charged)\b"
)
_PRIVATE_LIFE = re.compile(
    r"^[A-Z][a-z]+ [A-Z][a-z]+ (?:[a-z]+ly )?(?:loves|likes|hates|enjoys|remembers|misses|"
    r"worries|dreams|wakes)\b"
)
_BACK_REFERENCE = wordset(
    "He She It They His Her Its Their Them This That These Those Such So There And "
    "It's It’s That's That’s There's There’s"
)


def _news_start(sentences: list[str], title: str | None) -> int:
    """Index of the sentence the summary starts at: 0 unless the lead is a feature lead.

    After a question or a word to the reader, the next sentence answers it: the summary
    starts there when it can open a summary. After a scene or an anecdote, the news comes
    within the next few sentences: the earliest of those that can open a summary and are
    nearly the most about what the article is about (their words recur in the article
    and in the title).
    """
    kind = _feature_lead(sentences, 0) if len(sentences) >= 3 else None
    if kind is None:
        return 0
    candidates = [
        i
        for i in range(1, min(_NEWS_WINDOW, len(sentences)))
        if _feature_lead(sentences, i) is None and _opens_alone(sentences[i])
    ]
    if not candidates or (kind == "ask" and candidates[0] != 1):
        return 0
    if kind == "ask":
        return 1
    headline = _content_words(title or "")
    recurring = Counter(w for s in sentences for w in _content_words(s))

    def weight(i: int) -> float:
        words = _content_words(sentences[i])
        if not words:
            return 0.0
        spread = sum(recurring[w] - 1 for w in words) / len(words) ** 0.5
        return spread + 3 * len(words & headline)

    weights = {i: weight(i) for i in candidates}
    best = max(weights.values())
    news = next(i for i in candidates if weights[i] >= _NEAR_BEST * best)
    shared = len(_content_words(sentences[0]) & headline)
    if shared >= max(_HEADLINE_WORDS, len(_content_words(sentences[news]) & headline)):
        return 0  # the scene says the headline as well as the news does: it is the news
    return news


def _feature_lead(sentences: list[str], i: int) -> str | None:
    """How sentence ``i`` sets up a story rather than states news: "ask" for a question
    or the reader addressed ("If you've been following the news, ..."), "scene" for a
    run of fragments ("Sequins and Benghazi. Canapés and a hoax."), a scene ("Just
    before the flight took off, ..."), someone unnamed and no event ("The baby girl
    ...") or a private life ("Amelize Joseph loves ..."); None for news."""
    sentence = sentences[i]
    own = _own_words(sentence)
    if own.rstrip().endswith("?") and len(own.split()) <= _MAX_QUESTION_WORDS:
        return "ask"
    if _READER.search(own.split(",")[0]):
        return "ask"
    if (
        _fragment(sentence)
        and i + 1 < len(sentences)
        and (_fragment(sentences[i + 1]) or (i > 0 and _fragment(sentences[i - 1])))
    ):
        return "scene"
    if _PRIVATE_LIFE.match(sentence) or (_SCENE.match(sentence) and not _speaks(own)):
        return "scene"
    if _SOMEONE.match(sentence) and not _EVENT.search(sentence):
        return "scene"
    return None


def _speaks(text: str) -> bool:
    """Someone named says something in the main clause ("On a day rich in symbolism, Mr.
    Obama warned that ..."): the scene frames news. Not in an 'as' clause ("Weeks ago, as
    President Trump warned ..., a housekeeper headed to the store")."""
    words = text.split()
    return any(
        w.strip(",;") in SPEECH_VERBS
        and prev[:1].isupper()
        and "as" not in words[max(0, k - 4) : k]
        for k, (prev, w) in enumerate(pairwise(words), start=1)
    )


def _fragment(sentence: str) -> bool:
    """A few words with no number, not a dateline or credit ("By . Jane Doe .")."""
    words = sentence.split()
    return (
        len(words) <= _MAX_FRAGMENT_WORDS
        and any(w.islower() for w in words)
        and not any(c.isdigit() for c in sentence)
    )


def _own_words(sentence: str) -> str:
    """The writer's own words: quotations blanked, and what follows a colon (reported
    speech, 'asked a question: Who do you think will win?') left off."""
    chars = list(sentence)
    for a, b in Paragraph(0, sentence).regions:
        for k in range(max(a, 0), min(b + 1, len(chars))):
            chars[k] = " "
    return "".join(chars).split(":")[0]


def _opens_alone(sentence: str) -> bool:
    """Whether a sentence can open a summary: its first word does not point back."""
    return sentence.split()[0].strip(",;:") not in _BACK_REFERENCE


def _content_words(text: str) -> frozenset[str]:
    """Lower-cased longer words, a plural's 's' taken off."""
    words = (w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]*", text))
    return frozenset(
        w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        for w in words
        if len(w) >= _MIN_CONTENT
    )
