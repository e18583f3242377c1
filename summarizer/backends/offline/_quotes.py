"""Direct quotes for the offline backend: spans inside quotation marks, and who said them.

A span is attributed, in this order, by
1. the words right after its closing mark, up to the end of the sentence
   (``," the ministry quoted Belousov as saying``, ``," said Brian Darling``,
   ``," he said``, ``," company lawyer Marc Hollis said``, ``" ― Carla Mendes``), unless
   that sentence ends in a colon that opens the next quote (``.” Ruiz reiterated: “``),
   or the narration runs on past the closing mark with no comma or dash while the
   quote's own sentence has a speech verb before it (``Russia insisted that Pyongyang
   "stop it." The agency said``: Russia's, read by rule 2);
2. the words before its opening mark, back to the start of the sentence or the
   previous quote (``Trump told reporters: "...``, ``According to X, "...``,
   ``X, who runs the campaign, said, "...``, ``He defended it, saying, "...``), or
   with no speech verb, the clause's subject when it is a person (``Warren has been a
   surrogate with a simple message: "...``, ``Trump attacked "the hateful ...``),
   or whoever ``called`` it so (``what Gilbert called "a perception problem."``);
3. continuation: an unattributed span after an attributed one in the same
   paragraph, one that opens a paragraph right after a quote left unclosed, or a
   paragraph that is all quotation right after the paragraph that quoted someone,
   belongs to the same speaker.

Named-speaker precision (#14, sixth session): a speech verb after the quote is not its
attribution when it opens a coordinated clause ("“...” and Trump says") or a new sentence
that runs into the next quote, or when the quote ends an opening clause ("After Scalia
said ... “...,” Trump said"); a verb inside a "whose"/"which" aside or an opening clause
is not the quote's; a name after a preposition is no subject ("Of Carson, Levine said");
a name that modifies a role ("Trump administration officials", "the U.S. president")
is not the speaker (the body itself for its spokesman or officials); a participle
("saying") is its nearest clause's subject's, never an object's; a sentence of only
"X shot back." introduces the quote after it.

A subject phrase names its main clause's last person ("Trump lawyer Marc Kasowitz"),
else its last actor; a description ("the mayor") names the person last mentioned
with that role, "the company" the organisation named last, a qualified title or party
("the former Florida governor", "the Kentucky Republican") the person "he" would name;
a speaker the article never names ("the announcer", "another Iowa Democrat") is quoted
under that description, and a full name the registry of actors missed as itself.

"He"/"she" is the previous speaker when no other person has been named (outside
quotation marks) since that quote's sentence, else the first person named in the
latest sentence that names one, past sentences whose subject is that same pronoun ("He
thanked Governor Reyes.": Reyes is not who the next "he" is), or the full name that
sentence opens with when the registry missed it (a person named once); "it" is the
previous speaker when that was an organisation or a country. A span whose speaker cannot be resolved is dropped, never
guessed; so are scare quotes and titles. A headline's quote after a colon ("Ryan: ‘No
Place In A Campaign’") is the first one the headline names, whatever its capitals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from summarizer._schema import Quote
from summarizer._text import DOUBLE_MARKS, TITLE_HEADS, TITLE_WORDS, Paragraph, wordset
from summarizer.backends.offline._lexicon import (
    CLAUSE_OPENERS,
    HONORIFIC_GENDER,
    KIN,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLACE_PREPOSITIONS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_ADVERBS,
    SPEECH_VERBS,
    alternation,
)
from summarizer.backends.offline._names import (
    _FULL_NAME,
    _OPENING,
    Entity,
    Registry,
    _clean_name,
    _is_person_name,
    _subject_like,
)

_NAMED = r"(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){0,5}[A-Z][\w'’-]*"
_SUBJ = rf"\b(?P<subj>[Hh]e|[Ss]he|[Ii]t|{_NAMED})"
# After an inverted verb only a name: in `said he "would ..."` the "he" starts the quote.
_NAMED_SUBJ = rf"\b(?P<subj>{_NAMED})"
# Two-word speech verbs, which the one-word lexicon cannot hold ("Trump shot back").
_VERB_PHRASES = (
    "shot back", "fired back", "hit back", "put it", "pointed out",
    "posted on Twitter", "posted on Facebook", "posted on Instagram",
    "went on to say", "went on to add", "went on to write",
)  # fmt: skip
# Speech verbs for quotes only, each measured on PolNeAR train and dev (the shared
# lexicon's list also finds actors and tensions, which these would move).
_QUOTE_VERBS = (
    "answered", "asserted", "agreed", "declares", "proclaimed", "reiterated", "yells", "assured",
    "urged", "beamed", "opined", "exhorted", "surmised", "riffed", "cracked",
)  # fmt: skip
# "..., tweeting, “...”": a participle's subject is its clause's (the lexicon holds "saying").
_QUOTE_PARTICIPLES = (
    "asserting", "tweeting", "yelling", "shouting", "noting", "arguing", "insisting",
    "explaining", "replying", "responding", "quipping", "joking", "proclaiming", "complaining",
    "boasting", "vowing", "recalling",
)  # fmt: skip
# (Grouped by first letter, `alternation`: the same matches as the plain list, where `re`
# tried each of the 122 verbs in turn at every word `_ANY_VERB` was tried at.)
_VERB_LIST = sorted(
    [*SPEECH_VERBS, *_VERB_PHRASES, *_QUOTE_VERBS, *_QUOTE_PARTICIPLES], key=len, reverse=True
)
_VERBS = alternation(_VERB_LIST)
_ADVS = alternation(sorted(SPEECH_ADVERBS))
_QUOTED_AS = re.compile(rf"\bquot(?:ed|es|ing)\s+{_SUBJ}\s+as\s+(?:say|tell)")
# "Peskov was quoted as saying by Interfax", "he was quoted by the Fars News Agency as saying"
_QUOTED_PASSIVE = re.compile(
    rf"{_SUBJ}\s+(?:was|is|has\s+been|had\s+been)\s+quoted\s+(?:by\s+[^,.;]{{1,60}}?\s+)?"
    r"as\s+(?:say|tell)"
)
_ACCORDING = re.compile(rf"\b[Aa]ccording\s+to\s+{_SUBJ}")
# A word each of these credits holds: a window without it is not searched (`_credit`).
_CREDIT_WORDS = {id(_QUOTED_AS): "quot", id(_QUOTED_PASSIVE): "quoted", id(_ACCORDING): "ccording"}
# "X (D-Conn.), a member of the committee, which ..., told": asides between subject and verb.
_ASIDES = r"(?:\s*\([^()]{1,30}\))?(?:(?:,[^,\"“”]{1,160}){1,4},)?"
# "Or, as Tom Ridge, a former secretary, put it: “...": a clause opened by "as", whose
# subject is not the first capitalised word of the sentence.
_AS_SAID = re.compile(rf"\b[Aa]s\s+{_SUBJ}{_ASIDES}\s+(?:(?:{_ADVS})\s+){{0,2}}(?:{_VERBS})\b")
# "what Gilbert called “a perception problem.”", "Rush Limbaugh, for one, called ''...''",
# "A reporter for AFP called it “absolute chaos.”": a named speaker's words, not a scare quote.
_CALLED = re.compile(
    rf"{_SUBJ}{_ASIDES}\s+(?:(?:{_ADVS})\s+){{0,2}}(?:call|calls|called)"
    r"(?:\s+(?:it|them|him|her|this|that))?(?:\s+an?)?[\s,]*$"
)
_SUBJ_VERB = re.compile(rf"^{_SUBJ}{_ASIDES}\s+(?:(?:{_ADVS})\s+){{0,2}}(?:{_VERBS})\b")
_VERB_SUBJ = re.compile(rf"^(?:{_VERBS})\s+{_NAMED_SUBJ}")
_VERB_SUBJ_INTRO = re.compile(rf"^(?:{_VERBS})\s+{_NAMED_SUBJ}[\s,:;—–-]*$")
_ANY_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_CAP_VERB_SUBJ = re.compile(
    rf"^(?:Said|Says|Added|Adds|Wrote|Writes)\s+{_NAMED_SUBJ}(?:,[^,\"“”]{{1,160}})?\s*[,:—–-]$"
)
# A person's name alone before a colon, after a dash or "from": a credit line.
# "- Carl Bialik:", "More from Jones:", and two authors credited jointly ("- Mark
# Blumenthal and Jon Cohen:"): the first named is the speaker
_NAME_COLON = re.compile(rf"(?:^|\s[-–—]\s+|\bfrom\s+){_NAMED_SUBJ}(?:\s+and\s+{_NAMED})?\s*:\s*$")
# "said Rubio's deputy campaign manager, Rich Beeson", "exhorted Clinton's introducer,
# actress Jamie Lee Curtis": the name after the role, past a lower-case word or two
_APPOSED_NAME = re.compile(rf"[^,\"“”]{{1,80}},\s*(?:[a-z][\w-]*\s+){{0,2}}{_NAMED_SUBJ}\s*(?:,|$)")
_SENTENCE_CREDIT = re.compile(
    rf",\s*{_SUBJ}\s+(?:(?:{_ADVS})\s+){{0,2}}(?P<verb>{_VERBS})\s*[.!?]?[\"”’']*\s*$"
)
# "..., said Lee Epstein, who teaches law at ...": inverted, with an aside to the end.
_SENTENCE_CREDIT_INVERTED = re.compile(
    rf",\s*(?P<verb>{_VERBS})\s+{_NAMED_SUBJ}(?:,[^\"“”]*)?\s*[.!?]?[\"”’']*\s*$"
)
_SUBJ_AT_END = re.compile(rf"{_SUBJ}{_ASIDES}\s+(?:(?:{_ADVS})\s+){{0,2}}$")
# a clause's subject and its verb, past an apposition ("Dana Ruiz, co-founder of X, welcomed")
_CLAUSE_SUBJ = re.compile(rf"\s*{_SUBJ}{_ASIDES}(?P<pred>(?:\s+[a-z][\w'’-]*){{1,2}})\b")
_CHANNEL_VERBS = frozenset({"reported", "reports"})  # a medium that relays a speaker
# A clause coordinated after a quote ("“...” and Trump said ...", ", while Cruz vowed"):
# its speech verb attributes what follows, not the quote before it.
_NEW_CLAUSE = re.compile(r"(?:^|[\s,])(?:and|but|while|whereas)\s+(?:[A-Z]|he\b|she\b)[^,]*$")
# A joint subject right after the quote ("“...,” Kim and Moon said", "X, Y and Z wrote"):
# no new clause.
_JOINT_SUBJ = re.compile(
    rf"^{_NAMED}(?:,\s+{_NAMED}){{0,4}},?\s+and\s+{_NAMED}\s+(?:(?:{_ADVS})\s+){{0,2}}"
    rf"(?:{_VERBS})\b"
)
# A speech verb in a subordinate clause with no subject of its own ("when asked",
# "after being asked"): it credits no one, so a quote followed by it is read from before.
_SUBORDINATE = r"(?:when|after|before|while|if|once|until|as)\s+(?:(?:being|first|later|again)\s+)?"
_SUBORDINATE_SPEECH = re.compile(rf"\s*{_SUBORDINATE}")
_SUBORDINATE_BEFORE = re.compile(rf"\b{_SUBORDINATE}$")
_TOLD = frozenset({"told", "tells", "tell", "telling"})  # who follows is the hearer
_PARTICIPLES = frozenset(
    {"adding", "saying", "telling", "writing", "warning", "asking", *_QUOTE_PARTICIPLES}
)
_SCARE_LEAD = re.compile(
    r"(?:so-called|dubbed|called|calling|named|titled|entitled|known as|labell?ed|term|word|"
    r"phrase|slogan|headline)\s*$",
    re.IGNORECASE,
)
# Its longest word: a match opens no further back from the lead's last non-space character
# (`_scare_lead` searches from there, where the pattern was tried at every character).
_SCARE_LEAD_CHARS = len("so-called")
_LEAD_PUNCT = " \t,;:—–-"
_MIN_WORDS = 4
_MAX_WORDS = 150
# A quotation that opens its paragraph may be a whole statement quoted at length (a
# paragraph of 170 words on PolNeAR train): no attribution is swallowed before it.
_MAX_PARAGRAPH_WORDS = 400
_NEAR = 80  # characters after a quote in which a speech verb still attributes it
# A credit that opens with a role and a full name ("state Senate leader Phil Berger and
# House Speaker Tim Moore, both Republicans, said"): its verb may lie past `_NEAR`.
_ROLE_LED = re.compile(
    r"\s*((?:[A-Za-z][\w-]*\s+){0,2}[a-z][\w-]*\s+)[A-Z][\w.'’-]*\s+[A-Z][\w'’-]+"
)


@dataclass(frozen=True)
class _Span:
    para: Paragraph
    open: int  # index of the opening mark (-1: a quotation carried from the last paragraph)
    close: int  # index of the closing mark (the paragraph's length when unclosed)
    single: bool

    @property
    def text(self) -> str:
        return self.para.text[self.open + 1 : self.close].strip()

    @property
    def start(self) -> int:
        """Where the opening mark begins (one before ``open`` for a ``''`` mark)."""
        if self.open < 0:
            return 0
        return self.open - 1 if self.para.text[self.open - 1 : self.open + 1] == "''" else self.open

    @property
    def end(self) -> int:
        """Just after the closing mark (two after ``close`` for a ``''`` mark)."""
        return self.close + (2 if self.para.text.startswith("''", self.close) else 1)

    @property
    def unclosed(self) -> bool:
        return self.close >= len(self.para.text)


# An attribution: an entity, UNKNOWN (a speaker is named but not resolvable) or None (no cue).
UNKNOWN = Entity("?", "group")
_Who = Entity | None


@dataclass
class _Context:
    """What attribution needs beyond the span: the actors and the last quote's speaker."""

    registry: Registry
    speaker: _Who = None
    after: tuple[int, int] = (-1, -1)  # end of the sentence that held the last quote

    def heard(self, who: Entity, span: _Span) -> None:
        self.speaker = who
        _, end = span.para.sentence_span(max(span.close - 1, span.open))
        self.after = (span.para.index, end)


def find_quotes(paragraphs: list[Paragraph], registry: Registry) -> list[Quote]:
    """Every attributable direct quote, in article order."""
    quotes: list[Quote] = []
    ctx = _Context(registry)
    carried: _Who = None  # speaker of a quote left unclosed at the end of a paragraph
    for para in paragraphs:
        previous: _Who = None
        since = 0  # where the last quote of the paragraph ended
        spans = _spans(para)
        for i, span in enumerate(spans):
            opens_para = i == 0 and not para.text[: span.start].strip()
            who = _attribute(span, ctx)
            if _unquoted(who, previous) and _interrupted(span, since):
                who = previous  # '"It's a difficult issue," said the senator, "because ..."'
            runs_on = who is None and opens_para and carried is not None
            # '“...?” Graham asked. “Neither do I.”': the same speaker's next sentence
            cued = runs_on or (who is not None and who is previous and _opens_sentence(span))
            if who is None:
                who = carried if runs_on else _continued(span, previous, registry, since)
                # '"They sue," he said. "Everybody sues."': a sentence of its own that
                # carries on the quote before it is speech, however short
                cued = runs_on or (who is previous and _opens_sentence(span))
            if who is None and opens_para:
                who = (
                    _introduced(paragraphs, para.index, ctx)
                    or _runs_on(span, ctx)
                    or _announced(paragraphs, span, ctx)
                )
            if who is None:
                who = _reported(paragraphs, span, ctx)
            if who is not None and who is not UNKNOWN and _is_quote(span, cued=cued):
                quotes.append(Quote(text=span.text, speaker=registry.shown(who)))
                who.signals.add("speaker")
                ctx.heard(who, span)
            elif _unquoted(who, previous) and not _is_quote(span, cued=cued):
                # '“...,” said Cuban, a host on the TV show “Shark Tank.” “I mean, ...”': a
                # title or scare quote inside the narration does not end the speaker's turn
                carried = None
                continue
            if _chanted(span):
                # a crowd's chant inside a speaker's quotation does not take over the rest
                # of it ('He said, "A" - at which point the crowd chanted "B!" - "and C."')
                continue
            previous, since = who, span.end
            carried = who if span.unclosed else None
        if not spans:
            carried = None
    return quotes


def _unquoted(who: _Who, previous: _Who) -> bool:
    """Whether a span no one is named for comes after a quote someone is named for."""
    return (who is None or who is UNKNOWN) and previous is not None and previous is not UNKNOWN


def _interrupted(span: _Span, since: int) -> bool:
    """Whether the span carries on the quotation its credit broke off, in one sentence
    ('“A,” said the Florida senator, “B.”'): between the two only a short credit with a
    speech verb, ending in a comma."""
    between = span.para.text[since : span.start]
    return (
        0 < len(between) <= _NEAR
        and between.rstrip().endswith(",")
        and not re.search(r"[.!?;:]", between)
        and bool(_ANY_VERB.search(between))
    )


def _introduced(paragraphs: list[Paragraph], index: int, ctx: _Context) -> _Who:
    """The speaker a previous paragraph announces with a colon (``Caddell continued:``,
    ``The New York Times reports:``), for a quotation that opens the next paragraph."""
    if index == 0:
        return None
    prev = paragraphs[index - 1]
    text = prev.text.rstrip()
    if not text.endswith(":") or prev.inside_quote(len(text) - 1):
        return None
    return _before(_Span(prev, len(text), len(text), False), ctx)


_ISSUED = re.compile(r"\b(?:issued|released|put\s+out)\s+(?:a|an)\s+(?:\w+\s+)?statement\b")


def _announced(paragraphs: list[Paragraph], span: _Span, ctx: _Context) -> _Who:
    """Who a whole-paragraph quotation belongs to when the paragraph before ends in a
    sentence saying someone issued a statement ("At Brazile's direction, the DNC issued a
    statement apologizing to Sanders ... ¶ “On behalf of everyone at the DNC, ...”")."""
    para = span.para
    if para.index == 0 or para.text[span.end :].strip():
        return None
    prev = paragraphs[para.index - 1]
    start, _ = prev.sentence_span(max(0, len(prev.text.rstrip()) - 1))
    sentence = prev.text[start:]
    verb = _ISSUED.search(sentence)
    if verb is None or (prev.regions and prev.regions[-1][1] > start):
        return None
    base = start + (m.end() if (m := _INTRO.match(sentence[: verb.start()])) else 0)
    who = _subject(prev, base, start + verb.start(), ctx, (prev.index, base))
    return None if who is UNKNOWN else who


def _reported(paragraphs: list[Paragraph], span: _Span, ctx: _Context) -> _Who:
    """Who the sentence right before a quotation reports as speaking, for a quotation that
    opens its sentence and has no credit of its own: the quote gives that speech in the
    speaker's words ("Sweeney, who ..., said contractors built a cushion into their bids.
    ¶ “As a construction guy, he ...”"). Not past a sentence that holds a quotation mark
    (its quote has a speaker of its own, read by the rules above) nor past a participle."""
    para = span.para
    if span.unclosed or _after_window(span).strip(" \t.!?\"”’'"):
        return None  # '“...?” a reporter can be heard asking Brandt': a credit of its own
    if para.text[: span.start].strip():
        if not _opens_sentence(span):
            return None
        host, end = para, len(para.text[: span.start].rstrip())
    elif para.index > 0:
        host = paragraphs[para.index - 1]
        end = len(host.text.rstrip())
    else:
        return None
    start, _ = host.sentence_span(max(end - 1, 0))
    sentence = host.text[start:end]
    if not sentence.endswith(".") or "''" in sentence or any(ch in DOUBLE_MARKS for ch in sentence):
        return None
    # not "if asked" ("... by saying he would help if asked. “...”": no one is credited)
    verbs = [
        v
        for v in _ANY_VERB.finditer(sentence)
        if not _SUBORDINATE_BEFORE.search(sentence, 0, v.start())
    ]
    if not verbs or verbs[-1].group() in _PARTICIPLES:
        return None
    verb = verbs[-1]
    # the name right after an inverted verb ("..., says Samia Rizwan, a specialist."), else
    # the one right before the verb past its aside; never a name deeper in the sentence
    # ("In Pakistan, that translates into ..., says X" is not Pakistan's)
    m = _VERB_SUBJ.match(sentence[verb.start() :]) or _subject_at_end(sentence[: verb.start()])
    if m is None or m["subj"].lower() in ("he", "she", "it"):
        # a named reporter only: "Also, Trump isn't a conservative, he said. “He's a
        # liberal!”" is Hunter's, named a sentence before, not Trump's, named before the "he"
        return None
    who = _resolve(m["subj"], ctx, (host.index, start + verb.start()))
    return None if who is UNKNOWN else who


def _runs_on(span: _Span, ctx: _Context) -> _Who:
    """The last speaker, for a quotation that is a whole paragraph of its own right after
    the paragraph that quoted them, nobody else named since (a statement quoted over
    several paragraphs: '“...,” Espinoza said Friday. ¶ “I am a proven champion ...”')."""
    para, speaker = span.para, ctx.speaker
    if speaker is None or ctx.after[0] != para.index - 1 or para.text[span.end :].strip():
        return None
    if ctx.registry.people_between(ctx.after, (para.index, 0)):
        return None
    return speaker


def _continued(span: _Span, previous: _Who, registry: Registry, since: int = 0) -> _Who:
    """The previous speaker, unless someone else is named between the two quotes (from
    ``since``, where the previous quote ended, past any title quoted in between)."""
    if previous is None or previous is UNKNOWN:
        return previous
    window = _before_window(span)
    start = min(span.start - len(window), max(since, span.para.sentence_span(span.open)[0]))
    named = registry.mentions_in(span.para.index, start, span.open)
    return UNKNOWN if any(e is not previous for _, _, e in named) else previous


def _spans(para: Paragraph) -> list[_Span]:
    if para.regions:
        return [_Span(para, a, b, False) for a, b in para.regions]
    return [_Span(para, a, b, True) for a, b in para.single_regions]


def _opens_sentence(span: _Span) -> bool:
    """Whether the span starts a sentence of its own, after an earlier one in its paragraph."""
    before = span.para.text[: span.start].rstrip()
    return bool(re.search(r"[.!?][\"”’')]*$", before))


def _scare_lead(lead: str) -> bool:
    """Whether `_SCARE_LEAD` matches in ``lead`` (the text before a quotation): searched
    from its longest word's length before the last non-space character, where its word
    ends."""
    return _SCARE_LEAD.search(lead, max(0, len(lead.rstrip()) - _SCARE_LEAD_CHARS)) is not None


def _is_quote(span: _Span, *, cued: bool = False) -> bool:
    """Not a scare quote, title or stray mark: long enough, or cued by a speech verb nearby
    (or ``cued``: it carries on a quotation left open in the previous paragraph)."""
    text = span.text
    words = re.findall(r"[\w'’-]+", text)
    longest = _MAX_PARAGRAPH_WORDS if not span.para.text[: span.start].strip() else _MAX_WORDS
    if not words or len(words) > longest or _markup(span):
        return False
    if _headline_quote(span):
        return True
    if _title_case(words) and not _answered(span) and not _chanted(span):
        return False
    if sum(text.count(mark) for mark in DOUBLE_MARKS) % 2:
        return False  # marks paired wrongly in the source: the span swallowed its attribution
    short = len(words) < _MIN_WORDS
    lead = span.para.text[: span.start].rstrip(" \t,“\"'")
    if _called(_before_window(span)):
        cued = True  # "what Gilbert called “a perception problem.”"
    elif short and _scare_lead(lead):
        return False
    if (span.single or short) and not cued:
        start, _ = span.para.sentence_span(span.open)
        _, end = span.para.sentence_span(max(span.close - 1, span.open))
        outside = span.para.text[start : span.start] + " " + span.para.text[span.end : end]
        # '"Perpetual motion!" Rep. Thompson said.': "!" closing the quote ends no sentence
        asked = span.text.endswith(("!", "?")) and _ANY_VERB.search(_after_window(span))
        return bool(_ANY_VERB.search(outside) or asked or _chanted(span))
    return True


def _markup(span: _Span) -> bool:
    """Whether the span is an attribute of markup left in the text (``<a href="http://...">``,
    ``<tweet author="@AP">``) or a bare web address: never speech."""
    before = span.para.text[: span.start]
    return before.endswith("=") or bool(re.fullmatch(r"(?:https?://|www\.)\S*", span.text))


_TITLE_SMALL = frozenset({"the", "of", "a", "an", "and", "to", "in", "on", "for", "at", "by"})


def _headline_quote(span: _Span) -> bool:
    """Whether the span is quoted in the headline after a colon ("Ryan: ‘No Place In A
    Campaign’"): headlines capitalise every word, so title case says nothing there."""
    return span.para.index == 0 and span.para.text[: span.start].rstrip().endswith(":")


def _headline_speaker(span: _Span, window: str, ctx: _Context) -> _Who:
    """Who a headline quotes: the first one it names before the colon ("Elizabeth
    Warren Grills Bank CEO: ‘...’")."""
    base = span.start - len(window)
    named = ctx.registry.mentions_in(span.para.index, base, span.start)
    if named:
        return named[0][2]
    m = re.match(rf"\s*{_NAMED_SUBJ}\s*:\s*$", window)
    return _resolve(m["subj"], ctx, (span.para.index, span.open)) if m else None


def _answered(span: _Span) -> bool:
    """Whether a span that opens its sentence and ends in a comma, "?" or "!" is followed
    at once by who said it (“Denver,” he answered.): speech, however much it looks like a
    title (which a sentence cites after a word: 'On “Face the Nation,” Ryan said')."""
    start, _ = span.para.sentence_span(span.start)
    if span.para.text[start : span.start].strip() or not re.search(r"[,?!]$", span.text):
        return False
    window = _after_window(span).lstrip(_LEAD_PUNCT)
    return bool(_SUBJ_VERB.match(window) or _VERB_SUBJ.match(window))


def _title_case(words: list[str]) -> bool:
    """'The Dangerous Case of Donald Trump', 'Phase 1': a title or a name, not speech."""
    if len(words) < _MIN_WORDS:  # "Meet the Press", "Face the Nation"
        return words[0][0].isupper() and all(
            w[0].isupper() or w.isdigit() or w in _TITLE_SMALL for w in words
        )
    long = [w for w in words if len(w) > 3]
    return len(long) >= 2 and all(w[0].isupper() for w in long)


def _attribute(span: _Span, ctx: _Context) -> _Who:
    if _runs_into_narration(span) and _own_speech_verb(span):
        who = _before(span, ctx)  # 'Russia insisted that Pyongyang "stop it." X said ...'
        if who is not None and who is not UNKNOWN:
            return who
    who = _after(span, ctx)
    if who is None:
        who = _before(span, ctx)
    return who


def _runs_into_narration(span: _Span) -> bool:
    """Whether the narration after the closing mark goes on without a break (no comma,
    dash or colon, no "?" or "!" closing the quotation): '... to “open” the site, the
    office said', '... “stop it.” The agency said ...'. A speech verb there belongs to
    another clause or sentence, so the quote's own sentence is read first."""
    if span.unclosed or re.search(r"[,?!—–-]\W*$", span.text):
        return False
    return bool(re.match(r"[ \t]+[\w(]", span.para.text[span.end :]))


def _own_speech_verb(span: _Span) -> bool:
    """Whether the quote's own sentence, from its start, has a speech verb before the quote
    that is not a participle ("Graham said she was “impressed” with ..."); not when an
    earlier quotation cuts the sentence, whose subject is then out of sight."""
    window = _before_window(span)
    start, _ = span.para.sentence_span(span.open)
    if span.start - len(window) > start:
        return False
    verbs = list(_ANY_VERB.finditer(window))
    return bool(verbs) and verbs[-1].group() not in _PARTICIPLES


def _per_span(window: Callable[[_Span], str]) -> Callable[[_Span], str]:
    """``window`` read once per span and kept on it (as `functools.cached_property` keeps a
    value): attributing a quote reads its windows 2.7 and 3.5 times on average."""
    name = window.__name__

    @wraps(window)
    def once(span: _Span) -> str:
        kept: dict[str, str] = span.__dict__
        if name not in kept:
            kept[name] = window(span)
        return kept[name]

    return once


@_per_span
def _after_window(span: _Span) -> str:
    """Text after the closing mark, to the end of the sentence or the next quote.

    A question or exclamation closing the quotation does not end the sentence:
    ``“Why?” Graham asked.``
    """
    para = span.para
    if span.unclosed:
        return ""
    # past white space and an inner quotation's closing mark ('by that?''' Mr. Biden said)
    gap = len(para.text[span.end :]) - len(para.text[span.end :].lstrip(" \t\n'’"))
    end = next((s for s in para.starts if s > span.end + gap), len(para.text))
    next_open = [a for a, _ in para.regions if a > span.close]
    if next_open:
        end = min(end, next_open[0])
    return para.text[span.end : end]


def _introduces_next(span: _Span, window: str) -> bool:
    """Whether the sentence after a quote that ends its own sentence introduces the next
    quote ("“... material.” The candidate reiterated: “...”"), so it attributes that one."""
    if not re.search(r"[.!?]\W*$", span.text):
        return False
    if span.end + len(window) not in (a for a, _ in span.para.regions):
        return False
    # 'Japan branded it an "outlaw." Russia insisted that Pyongyang "stop it."': a new
    # sentence running into the next quote is that quote's, not this one's
    one = window.strip()
    return one.endswith(":") or (
        span.text.rstrip("\"”’'").endswith(".")
        and one[:1].isupper()
        and not re.search(r"[.!?]", one)
    )


_OPENERS_RE = (
    r"\s*(?:After|When|Whenever|While|As|Before|Since|Although|Though|Because|If|Once|Until)"
)
_CLAUSE = r"[^,;:\"“”]*,"  # a clause up to its comma
_OPENING_CLAUSE = re.compile(rf"{_OPENERS_RE}\s[^,;:]*$")


def _in_opening_clause(span: _Span) -> bool:
    """Whether the quote ends an opening subordinate clause ("After Scalia said they might do
    better at “less advanced schools,” Trump said"): the main clause after it is someone
    else's speech."""
    start, _ = span.para.sentence_span(span.open)
    lead = span.para.text[start : span.start]
    return bool(_OPENING_CLAUSE.match(lead)) and span.text.rstrip("\"”’'").endswith(",")


@_per_span
def _before_window(span: _Span) -> str:
    """Text before the opening mark, back to the start of its sentence or the previous quote."""
    para = span.para
    start, _ = para.sentence_span(span.open)
    prev_close = [b for _, b in para.regions if b < span.open]
    if prev_close:
        b = prev_close[-1]
        start = max(start, b + (2 if para.text.startswith("''", b) else 1))
    return para.text[start : span.start]


# A window that is only a speech verb ("put it, ''"): its subject is before the quotation
# that cut it off.
_VERB_ONLY = re.compile(rf"\s*(?:(?:{_ADVS})\s+){{0,2}}(?:{_VERBS})[\s,:]*")


def _past_titles(span: _Span, window: str) -> str:
    """The quote's sentence from its start, when the quotations the window stops at are
    only titles ("As Akhil Amar, author of ''America's Unwritten Constitution,'' put it,
    ''...''"); else the window."""
    para = span.para
    start, _ = para.sentence_span(span.open)
    cited = [(a, b) for a, b in para.regions if start <= a and b < span.open]
    if not cited or not all(
        _title_case(re.findall(r"[\w'’-]+", para.text[a + 1 : b])) for a, b in cited
    ):
        return window
    # the titles' marks blanked (same length: offsets into the window stay right), so the
    # aside holding a title reads as one
    return re.sub(r"''|[\"“”]", lambda m: " " * len(m.group()), para.text[start : span.start])


def _after(span: _Span, ctx: _Context) -> _Who:
    window = _after_window(span)
    if span.unclosed or not window.strip() or _introduces_next(span, window):
        return None
    if who := _crowd(_CROWD_AFTER.match(window), span, ctx):
        return who
    if _in_opening_clause(span):
        return None  # 'After Trump labeled the EU a “foe,” Tusk responded': not Tusk's word
    para, pos = span.para, (span.para.index, span.close)
    # ''...'We'll bomb them,''' said X: the inner quotation's closing mark is left over
    lead = _LEAD_PUNCT + "'’"
    base = span.end + len(window) - len(window.lstrip(lead))
    window = window.lstrip(lead)
    for pattern in (_QUOTED_AS, _QUOTED_PASSIVE, _ACCORDING):
        # '“...,” he told advisers, according to Uzi Arad': the one who told, not the source
        if (m := _credit(pattern, window)) and not _SUBJ_VERB.match(window[: m.start()]):
            return _resolve(m["subj"], ctx, pos)
    if m := _DASH_CREDIT.match(para.text, span.end):  # ...” ― Pamela Padilla
        return ctx.registry.resolve(m["name"], pos) or _newcomer(m["name"], ctx, pos) or UNKNOWN
    verb = _ANY_VERB.search(window[:_NEAR])
    if verb is None and (role := _ROLE_LED.match(window)) and _role_word(role[1].split()[-1]):
        # "nuclear experts David Albright and Serena Kelleher of Washington's Institute for
        # Science and International Security wrote": a credit whose subject outruns the window
        verb = _ANY_VERB.search(window)
    if verb is not None and _SUBORDINATE_SPEECH.fullmatch(window[: verb.start()]):
        return None  # '“We’ll see,” when asked whether ...': no credit; the one before says who
    if verb is None:  # "X, the attorney general of Y, one of the states suing Z, said"
        m = _SUBJ_VERB.match(window) or _sentence_credit(span, window)
        return _resolve(m["subj"], ctx, pos) if m else None
    if verb.group() in _CHANNEL_VERBS and (who := _before(span, ctx)) not in (
        None,
        UNKNOWN,
    ):
        return who  # "X told Y that Z had a “chance”, the news agency reported": X said it
    if m := _SUBJ_VERB.match(window):
        who = _resolve(m["subj"], ctx, pos)
        if who is not UNKNOWN:
            return who
    # not an owner: "exhorted Clinton's introducer, actress Jamie Lee Curtis" is not Clinton
    if (m := _VERB_SUBJ.match(window)) and not re.search(r"['’]s?$", m["subj"]):
        who = _resolve(m["subj"], ctx, pos)
        if who is not UNKNOWN:
            return who
    if verb.group() in _PARTICIPLES:
        return None  # "..., adding that ...": the participle belongs to the previous clause
    if (
        _NEW_CLAUSE.search(window[: verb.start()])
        and not _JOINT_SUBJ.match(window)
        # "the Florida senator and Republican presidential candidate said": one person
        and not _referring(window[: verb.start()])
    ):
        return None  # '"leading from behind" and Donald Trump says he's "losing"': Trump's is next
    if verb.start() == 0:  # inverted: said Leonard Burman, director of ...
        end = base + verb.end()
        # to the sentence's end, which the splitter knows is not "Lt." in "said Army Lt. Gen."
        limit = min(end + _NEAR, para.sentence_span(end)[1])
        tail = para.text[end:limit].rstrip(" .!?\"”’'")
        stop = re.search(r"[,;:(]|\s(?:who|of|at|in|on)\s", tail)
        who = _subject(para, end, end + (stop.start() if stop else len(tail)), ctx, pos)
        comma = re.search(r"[,;:(]", tail)
        if (
            who is UNKNOWN
            and stop
            and comma
            and comma.start() > stop.start()
            and not any(ch in DOUBLE_MARKS for ch in tail[: comma.start()])
        ):
            # "said former secretary of state Hillary Clinton, who ...": past the "of", to a
            # person (not "the authors of the “Growth and Opportunity Project,”")
            past = _subject(para, end, end + comma.start(), ctx, pos)
            who = (
                past if past is not None and past is not UNKNOWN and past.type == "person" else who
            )
        # "said Rubio's deputy campaign manager, Rich Beeson, who ...": the name after the role
        unnamed = who is UNKNOWN or any(who is e for e in ctx.registry.added.values())
        if unnamed and (m := _APPOSED_NAME.match(tail)):
            named = _resolve(m["subj"], ctx, pos)
            return named if named is not None and named.type == "person" else who
        return who
    lead = window[: verb.start()]
    inverted = _VERB_SUBJ.match(window[verb.start() :])
    if (
        inverted
        and verb.group() not in _CHANNEL_VERBS  # "..., reported the Examiner" relays
        and lead.split()[0].lower() in PREPOSITIONS
        and lead.rstrip().endswith(",")
        and not re.search(r"['’]s?$", inverted["subj"])
        and (who := _resolve(inverted["subj"], ctx, pos)) is not UNKNOWN
    ):
        # '“This will be a challenge” for Clinton, said Kunin.': the phrase that carries on
        # the quoted sentence names no speaker; the inverted subject after the verb does
        return who
    who = _subject(para, base, base + verb.start(), ctx, pos)
    if who is UNKNOWN and (m := _sentence_credit(span, window)):
        return _resolve(m["subj"], ctx, pos)  # narration first, then ", says Dana Ruiz"
    return who


def _role_word(word: str) -> bool:
    """Whether a lower-case word names what a person is ("leader", "experts")."""
    return word in PERSON_NOUNS or (word.endswith("s") and word[:-1] in PERSON_NOUNS)


def _name_colon(window: str, ctx: _Context, pos: tuple[int, int]) -> _Who:
    """A person credited by name alone before a colon ("Pollsters agree - Carl Bialik:
    “...”", "More from Jones: “...”")."""
    if (m := _NAME_COLON.search(window)) is None:
        return None
    who = _resolve(_unverbed(m["subj"]), ctx, pos)
    return who if who is not UNKNOWN and who is not None and who.type == "person" else None


def _unverbed(name: str) -> str:
    """A name without the speech verb that opens its sentence ("Stated Stone" is Stone)."""
    first, _, rest = name.partition(" ")
    return rest if rest and _ANY_VERB.fullmatch(first.lower()) else name


def _sentence_credit(span: _Span, window: str) -> re.Match[str] | None:
    """The credit that ends the quote's sentence past a run of narration ('“We are
    horrified” by the shooting at ... in Orlando, Nefzi said.', "..., says Dante Scala, a
    political scientist"): a partial quote is its sentence's speaker's, when nothing before
    the quote says who speaks and the credit is no medium relaying someone ("..., the
    Tribune reports")."""
    m = _SENTENCE_CREDIT.search(window) or _SENTENCE_CREDIT_INVERTED.search(window)
    if m is None or m["verb"] in _CHANNEL_VERBS or _ANY_VERB.search(_before_window(span)):
        return None
    return m


def _called(window: str) -> re.Match[str] | None:
    """`_CALLED` at the end of ``window``, with the subject nearest the verb ("charges
    that Rush Limbaugh, for one, called": Limbaugh, not a name earlier in the sentence)."""
    if "call" not in window:
        return None  # in every match of `_CALLED`: most windows have no "call" (a cheap test)
    starts, capital = (
        [],
        False,
    )  # where a run of capitalised words, or a pronoun, starts
    for token in re.finditer(r"[^\s,]+", window):
        word = token.group()
        if word in ("he", "she", "it") or (word[0].isupper() and not capital):
            starts.append(token.start())
        capital = word[0].isupper() and not window[token.end() :].startswith(",")
    for start in reversed(starts):
        if m := _CALLED.match(window, start):
            return m
    return None


# A crowd chanting or crying out ("the protesters chanted “...”", "“Mexico!” the audience
# screamed back", "about 200 protesters gathered ..., chanting “...”"): no one the article
# names, so its words are quoted under its description, as PolNeAR marks them.
_CROWD_NOUNS = "(?i:crowds?|audience|protesters|demonstrators|attendees|marchers)"
_CROWD = (
    r"(?P<crowd>(?:(?:[Tt]he|[Aa]bout\s+\d[\d,]*|[Hh]undreds\s+of|[Tt]housands\s+of|\d[\d,]*)\s+)?"
    rf"(?:(?!(?:the|a|an|with|of|for|in|on|at|by|to|from|and|as)\b)[\w-]+\s+){{0,2}}?{_CROWD_NOUNS})"
)
_CHANTS = r"(?:chanted|chanting|chant|screamed(?:\s+back)?|cried(?:\s+out)?|roared)"
# the crowd opening the clause, its verb later ("about 200 protesters gathered ...,
# chanting"), or right before the verb ("at which point the crowd chanted")
_CROWD_BEFORE = (
    re.compile(rf"(?:^|[,—–-])\s*{_CROWD}(?:\s[^.;:“”\"]{{0,120}}?)?\s{_CHANTS}[\s,:]*$"),
    re.compile(rf"\b{_CROWD}\s{_CHANTS}[\s,:]*$"),
)
_CROWD_AFTER = re.compile(rf"[\s,]*{_CROWD}\s+{_CHANTS}\b")
# The verb every crowd pattern holds, searched first: most windows have none, and it is
# cheap to search where the crowd patterns are tried at every position.
_CHANT = re.compile(_CHANTS)


def _credit(pattern: re.Pattern[str], window: str) -> re.Match[str] | None:
    """``pattern.search(window)``, not run where the word `_CREDIT_WORDS` gives it is not
    in the window (most windows hold no "quoted" or "according")."""
    word = _CREDIT_WORDS.get(id(pattern))
    return None if word is not None and word not in window else pattern.search(window)


def _chanted(span: _Span) -> re.Match[str] | None:
    """The credit of a crowd's chant right before or after the span, if any."""
    window = _before_window(span)
    if _CHANT.search(window) and (
        before := next(filter(None, (p.search(window) for p in _CROWD_BEFORE)), None)
    ):
        return before
    after = _after_window(span)
    return _CROWD_AFTER.match(after) if _CHANT.search(after) else None


def _crowd(m: re.Match[str] | None, span: _Span, ctx: _Context) -> _Who:
    """The crowd a chant credit names, as the registry holds it or under its description."""
    if m is None:
        return None
    phrase = m["crowd"].strip()
    pos = (span.para.index, span.open)
    who = ctx.registry.resolve(phrase, pos)
    if who is not None:
        return who
    at = span.para.text.find(phrase)
    where = ((span.para.index, at), at + len(phrase)) if at >= 0 else None
    return ctx.registry.add_person(phrase[0].lower() + phrase[1:], where)


def _before(span: _Span, ctx: _Context) -> _Who:
    window = _before_window(span)
    if (chant := _chanted(span)) and chant.re is not _CROWD_AFTER:
        return _crowd(chant, span, ctx)
    if _VERB_ONLY.fullmatch(window):
        window = _past_titles(span, window)
    para, pos = span.para, (span.para.index, span.open)
    if not window.strip() and (m := _SAID_ALONE.fullmatch(_sentence_before(span))):
        return _resolve(m["subj"], ctx, pos)  # '“...” Trump shot back. “I don’t know him.”'
    for pattern in (_ACCORDING, _QUOTED_AS, _QUOTED_PASSIVE, _AS_SAID):
        if m := _credit(pattern, window):
            # nested: "According to Alvarez, Mendes said “...”": Mendes speaks, Alvarez tells
            told = pattern is _ACCORDING and _SUBJ_VERB.match(window[m.end() :].lstrip(" ,"))
            if told and (who := _resolve(told["subj"], ctx, pos)) not in (None, UNKNOWN):
                return who
            return _resolve(m["subj"], ctx, pos)
    # Not a verb of an aside or an opening clause the main clause goes on after:
    # "Lufthansa, whose CEO previously said X, described it as a “...”", "After X asked
    # about it, the Graysons became “agitated”"
    asides = [
        m.span()
        for m in re.finditer(rf",\s*(?:whose|which)\b{_CLAUSE}|^{_OPENERS_RE}\s{_CLAUSE}", window)
        if window[m.end() :].strip()  # the main clause goes on after the aside
    ]
    verbs = [v for v in _ANY_VERB.finditer(window) if not any(a < v.start() < b for a, b in asides)]
    if not verbs and (m := _called(window)):
        who = _resolve(m["subj"], ctx, pos)
        return who if who is not UNKNOWN else None
    if not verbs:
        m = _CAP_VERB_SUBJ.match(window.strip())  # a sentence opening "Said Ellis: “..."
        if m:
            return _resolve(m["subj"], ctx, pos)
        if _headline_quote(span):
            return _headline_speaker(span, window, ctx)
        return _name_colon(window, ctx, pos) or _clause_subject(window, ctx, pos)
    verb = verbs[-1]
    base = span.start - len(window)
    if m := _subject_at_end(window[: verb.start()]):
        who = _resolve(m["subj"], ctx, pos)
        if who is not UNKNOWN:
            return who
    if verb.group() not in _TOLD and (m := _VERB_SUBJ_INTRO.match(window[verb.start() :])):
        return _resolve(m["subj"], ctx, pos)  # said Trump: "...", not "told CBS' “...”"
    if verb.group() in _PARTICIPLES:  # "He then defended the remark, saying, "...": the subject
        return _participle_subject(span, window, verb, ctx)
    return _subject(para, base, base + verb.start(), ctx, pos)


def _participle_subject(span: _Span, window: str, verb: re.Match[str], ctx: _Context) -> _Who:
    """Who speaks in "..., saying, “...”": the subject of the speech verb just before
    ("Mateen left early, Nefzi said, adding, “...”": Nefzi), else of the sentence ("He
    then defended the remark, saying"), else a person who opens a clause ("During a
    speech, Trump attacked X, saying"), never an object or an owner ("it attacked Trump,
    saying"; "Murphy’s call ended, Rubio’s campaign sent a release saying")."""
    para, pos = span.para, (span.para.index, span.open)
    base = span.start - len(window)
    said = [v for v in _ANY_VERB.finditer(window, 0, verb.start()) if v.group() not in _PARTICIPLES]
    if said and (m := _subject_at_end(window[: said[-1].start()])):
        who = _resolve(m["subj"], ctx, pos)
        if who is not UNKNOWN:
            return who
    named = ctx.registry.mentions_in(para.index, base, base + verb.start())
    # the person right before it: "footage of Trump saying", "Perez, who ..., saying"
    if named and named[-1][2].type == "person":
        between = para.text[named[-1][1] : base + verb.start()]
        if re.fullmatch(rf"\s*(?:(?:{_ADVS}|\w+ly)\s+)*|,\s*who\b[^,]*,\s*", between):
            return named[-1][2]
    m = _CLAUSE_SUBJ.match(window)
    who = _resolve(m["subj"], ctx, pos) if m else None
    if who is not None and who is not UNKNOWN:
        return who
    # "Before the convention, Cleveland Police Chief Calvin Williams lobbied ..., saying,":
    # a person named past an opening clause (not a pronoun, which may be anyone the
    # clause names, nor an owner: "Clinton's campaign took ..., accusing")
    opener = re.match(r"\s*(\w+)", window)
    if opener and opener[1] in _OPENERS and (intro := _INTRO.match(window)):
        m = _CLAUSE_SUBJ.match(window, intro.end())
        if (
            m
            and m["subj"].lower() not in ("he", "she", "it")
            and not re.search(r"['’]s?$", m["subj"])
        ):
            past = _resolve(m["subj"], ctx, pos)
            if past is not None and past is not UNKNOWN and past.type == "person":
                return past
    for at, end, e in named:
        lead = para.text[base:at].rsplit(",", 1)[-1].split()
        lead = [w for w in lead if not w[0].isupper() and w not in ("the", "a", "an")]
        if e.type == "person" and not _owns(para.text, end) and not _not_subject(lead[-1:]):
            return e
    return who


def _not_subject(words: list[str]) -> bool:
    """Whether the lower-case word before a name (its titles aside) shows the name is no
    clause subject ("after Murphy", "it attacked Trump"): a preposition or a verb in -ed."""
    low = words[-1].lower() if words else ""
    return low in PREPOSITIONS or low.endswith("ed")


# Prepositions whose name is never a speech verb's subject ("after" and "as" can open a
# clause: "Pompeo spoke after North Korea said").
_OBJECT_PREPOSITIONS = PREPOSITIONS - {
    "after",
    "before",
    "since",
    "until",
    "as",
    "while",
}


def _subject_at_end(text: str) -> re.Match[str] | None:
    """`_SUBJ_AT_END` in ``text``, past a name that is the object of a preposition: in "Of
    Carson, Levine, who backs Rubio, said" or "the ambassador to Russia, Jon Huntsman, told"
    the speaker is the second name, not the first with the rest taken for an aside."""
    at = 0
    while m := _SUBJ_AT_END.search(text, at):
        words = text[: m.start()].split() + m["subj"].split()[:1]  # "Of Carson" is no name
        if not any(w.lower() in _OBJECT_PREPOSITIONS for w in words[-2:]):
            return m
        at = m.end("subj")
    return None


# A sentence that is only its speaker and a speech verb ("Trump shot back.").
_SAID_ALONE = re.compile(rf"\s*{_SUBJ}\s+(?:(?:{_ADVS})\s+){{0,2}}(?:{_VERBS})\s*[.:]\s*")


def _sentence_before(span: _Span) -> str:
    """The sentence before the one a quote opens, in its paragraph, when no quotation
    mark is in it ("" otherwise)."""
    para = span.para
    start, _ = para.sentence_span(span.open)
    end = len(para.text[:start].rstrip())
    if end <= 0:
        return ""
    begin, _ = para.sentence_span(end - 1)
    text = para.text[begin:start]
    return "" if any(ch in text for ch in '"“”‘’') else text


# What a speaker owns that is their speech ("Trump's tweet: “...”").
_SPEECH_NOUN = re.compile(r"\s+(?:latest\s+)?(?:tweet|tweets|statement|post|message)\b")
_INTRO = re.compile(r"^[^,\"“”]{0,100},\s*")
_OPENERS = CLAUSE_OPENERS  # "As Blumenthal spoke, the NRA was ...": not Blumenthal


def _clause_subject(window: str, ctx: _Context, pos: tuple[int, int]) -> _Who:
    """The subject of the clause a quote ends, when it has no speech verb: a person only.
    ("Warren has been a surrogate with a simple message: “...”", "Trump attacked “the
    hateful ideology ...”", "In 2011, she spoke out for ''shotgun marriages''")."""
    intro = _INTRO.match(window)
    opener = re.match(r"\s*(\w+)", window)
    texts = [window, window[intro.end() :] if intro else ""]
    if intro and opener and opener[1] in _OPENERS:
        # "As Blumenthal spoke, the NRA was ...": not Blumenthal; "On July 6, 2015, Sanders
        # made the following comment:": past every comma of the opening clause
        texts = [window[m.end() :] for m in re.finditer(r",\s*", window)][:3]
    for text in texts:
        if (m := _CLAUSE_SUBJ.match(text)) is None:
            continue
        if "," in text[m.end("subj") : m.start("pred")] and m["pred"].split()[0] in PREPOSITIONS:
            continue  # 'sent its “reporter” Dana Ruiz, winner of X, into “a living room”'
        subject = m["subj"]
        if owner := re.search(r"['’]s?$", subject):
            # "Ouisa Davis' commentary, “...”": the owner is not the speaker, unless what
            # is owned is speech ("Trump's tweet, posted in capitals: “...”")
            if not _SPEECH_NOUN.match(text, m.end("subj")):
                continue
            subject = subject[: owner.start()]
        who = _resolve(subject, ctx, pos)
        if who is not UNKNOWN and who is not None:
            return who if who.type == "person" else None
    return None


# A speech verb coordinated with the clause's first verb ("X met Y and said").
_COORDINATED = re.compile(rf"(?:^|\s)(?:and|but)(?:\s+(?:{_ADVS}))?\s*$")
# A subject phrase's apposition or aside: ", a senior fellow at ...", ", who runs ...", ", 82,".
_APPOSITION_START = re.compile(r"^\s*(?:[a-z0-9(]|the\s+[a-z])")
_DESCRIPTION = re.compile(
    r"^(?:(?P<det>[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Mm]y)|[A-Z][\w.]*['’]s)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?P<noun>[a-z][\w-]+|Democrat|Republican)\s*$"
)
_DASH_CREDIT = re.compile(
    rf"[ \t]*[―—–-]{{1,2}}[ \t]*(?P<name>{_NAMED})[ \t]*[.,]?[ \t]*$", re.MULTILINE
)


def _subject(para: Paragraph, start: int, end: int, ctx: _Context, pos: tuple[int, int]) -> _Who:
    """Who a subject phrase (``para.text[start:end]``) names: its main clause's last person
    ("Trump lawyer Marc Kasowitz"), else its last entity, else a role ("the mayor")."""
    phrase = para.text[start:end]
    # "he said", "as she angrily said": a manner adverb does not hide the pronoun
    if m := re.search(r"(?:^|[\s,])(?P<p>[Hh]e|[Ss]he|[Ii]t)(?:\s+[a-z]+ly)?\s*$", phrase):
        return _resolve(m["p"], ctx, pos)
    # The main clause: the last comma-separated part that is not an apposition or aside.
    cut = [start]
    for m in re.finditer(r",", phrase):
        cut.append(start + m.end())
    head = (start, end)
    for i, a in enumerate(cut):
        b = cut[i + 1] - 1 if i + 1 < len(cut) else end
        if not _APPOSITION_START.match(para.text[a:b]) and para.text[a:b].strip():
            head = (a, b)
    # "Regarding X and Y, the campaign said", "At a press conference in Chelsea, the mayor
    # also said", "In the letter to X - the Utah Republican asks": a description right
    # before the verb is the subject, whatever is named before it
    last = max([start, *(start + m.end() for m in re.finditer(r",|\s[-–—]{1,2}\s", phrase))])
    words = para.text[last:end].split()
    while words and (words[-1] in SPEECH_ADVERBS or words[-1] in _FILLERS):
        words.pop()
    if last > start and _DESCRIPTION.fullmatch(" ".join(words)):
        head = (last, end)
    a, b = head
    if re.match(r"\s*(?:who|whose|which)\b", para.text[a:b]):
        return UNKNOWN  # '“The Apprentice,” who worked for Trump, said': the subject is before
    b = min([b, *(a + m.start() for m in re.finditer(r"\s\(", para.text[a:b]))])
    # Not an owner: "Obama's former strategist said" is not Obama.
    named = [n for n in ctx.registry.mentions_in(para.index, a, b) if not _owns(para.text, n[1])]
    if not named and (owner := _body_owner(para, a, b, ctx)):
        return owner  # "Trump's transition team said": the body speaks for its owner
    # a name in the phrase's own head ("Senior Trump administration officials"), not deep
    # in it ("Envoy X did not refer to the U.S. strike, but")
    opens = named and len(para.text[a : named[-1][0]].split()) <= 3
    if opens and (noun := _modified(para.text, named[-1][0], named[-1][1], b)):
        # "The U.S. president", "Trump administration officials", "the Blue House spokesman":
        # the name says whose, the noun who speaks: the holder of that role, else the body
        # itself for its spokesman or officials, else no one the rules can name
        owner = named[-1][2]
        if noun in ORG_NOUNS | _BODY_WORDS:  # "the Trump campaign", "the IMF report"
            return owner
        if noun in _VOICES:
            if owner.type == "person":
                return UNKNOWN
            # "Blue House spokesman Kim Eui-kyeom told ... ¶ the Blue House spokesman said":
            # the body's voice named so before is the one speaking, not the body
            voice = ctx.registry.by_role(noun, pos)
            body = para.text[named[-1][0] : named[-1][1]]
            if (
                para.text[a:b].lstrip().startswith(("the ", "The "))
                and voice
                and any(
                    ctx.registry.paragraphs[pi].text[:at].endswith(f"{body} {noun} ")
                    for (pi, at), _end in voice.mentions
                )
            ):
                return voice
            return owner
        holder = ctx.registry.by_role(noun, pos) if owner.type != "person" else None
        if holder is None or not holder.role:
            # "a senior Cruz adviser said": someone the article leaves unnamed, quoted under
            # that description (not the owner, whose words they are not)
            det, _, rest = para.text[a:b].strip().partition(" ")
            if det in ("a", "A", "an", "An"):
                return _described(para, a, b, ctx) or UNKNOWN
            # "the senior Cruz adviser said": the one described so before
            forms = {f"a {rest}", f"an {rest}"}
            earlier = [e for e in ctx.registry.added.values() if e.forms & forms]
            if det in ("the", "The") and earlier:
                return earlier[0]
            return _referred(para, a, b, ctx, pos) or UNKNOWN
        # "the U.S. president" is not the vice president
        phrase_words = set(para.text[a:b].lower().split())
        qualifiers = holder.role.lower().split()[:-1]
        return holder if all(w in phrase_words for w in qualifiers) else UNKNOWN
    people = [e for _, _, e in named if e.type == "person"]
    if coordinated := _COORDINATED.search(para.text[a:b]):
        # "Silverman was joined by Sen. Al Franken and joked": the clause's own subject
        if m := re.match(r"\s*(?P<p>[Hh]e|[Ss]he)\b", para.text[a:b]):
            return _resolve(m["p"], ctx, pos)
        # not a name after a preposition: '“...” sponsored by NBC News and said': the
        # subject is before the quote
        subjects = [n for n in named if not _after_preposition(para.text, n[0])]
        if subjects:
            return subjects[0][2]
        if named or not para.text[a : a + coordinated.start()].strip(_LEAD_PUNCT):
            return None  # '“...” and declared': the subject is before the quote
    if people:
        return people[-1]
    if named:
        return named[-1][2]
    text = para.text[a:b].strip()
    m = _DESCRIPTION.match(text)
    # "another New Hampshire Democrat" is someone new, not whoever was named before
    indefinite = m and (m["det"] or "").lower() in _INDEFINITE
    tail = re.search(r"(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w'’-]*$", text)
    if tail and not indefinite:
        who = ctx.registry.resolve(tail.group(), pos) or _newcomer(tail.group(), ctx, pos)
        if who is not None:
            return who
    # "the company" is the organisation named last, "the Democrat convention committee" not
    plain = m and m.start("noun") <= (m.end("det") if m["det"] else 0) + 1
    org = _organisation(m["noun"], ctx, pos) if m and plain else None
    holder = ctx.registry.by_role(m["noun"], pos) if m else None
    if (
        m
        and holder
        and _FORMER.search(text, 0, m.start("noun"))
        and "former" not in holder.role.lower()
    ):
        holder = None  # "the former president said" is not the president the registry holds
    if m and (who := holder or org):
        return who
    # "the Florida senator said", "the former Florida governor said": a qualified title
    # refers back, like "he", to the person the article is about ("the president" alone
    # may be someone it never names).
    if m and _refers_back(m) and (who := ctx.registry.subject_before(pos)):
        return who
    if m and (who := _epithet(m, ctx, pos)):
        return who
    # "As a phone rang, the announcer said": the part before the verb describes the speaker
    return (
        _described(para, a, b, ctx)
        or _described(para, cut[-1], end, ctx)
        or _referred(para, last, end, ctx, pos)
        or UNKNOWN
    )


_FORMER = re.compile(r"\b(?:[Ff]ormer|ex-)")
# Who speaks for an organisation or a country ("a White House spokesman", "U.S. officials").
_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "representative"})
_AUXILIARIES = wordset(
    "is was were are has had have will would can could did does do may might must should"
)
# What speaks for its owner ("the IMF report", "the Trump transition team").
_BODY_WORDS = frozenset({"report", "statement", "office", "team"})


def _body_owner(para: Paragraph, start: int, end: int, ctx: _Context) -> _Who:
    """The owner of a body that speaks for it, in a subject phrase that is only the owner's
    possessive and the body ("Trump's transition team", "Mr. Cruz's campaign")."""
    owned = [n for n in ctx.registry.mentions_in(para.index, start, end) if _owns(para.text, n[1])]
    if not owned or para.text[start : owned[-1][0]].strip() not in ("", "the", "The"):
        return None
    rest = para.text[owned[-1][1] : end]
    m = re.fullmatch(r"['’]s?(?:\s+[a-z][\w-]*){0,2}\s+(?P<noun>[a-z]+)\s*", rest)
    return owned[-1][2] if m and m["noun"] in ORG_NOUNS | _BODY_WORDS else None


def _modified(text: str, start: int, end: int, stop: int) -> str | None:
    """The noun a name at ``text[start:end]`` modifies, when only lower-case words follow
    it to ``stop`` and the last is a role ("president", "officials" as "official") or the
    name sits in a description ("the GOP front-runner"), else None."""
    rest = text[end:stop]
    if not re.fullmatch(r"(?:\s+[a-z][\w-]*)+\s*", rest):
        return None
    noun = rest.split()[-1]
    noun = noun[:-1] if noun.endswith("s") and noun[:-1] in ROLE_NOUNS else noun
    if noun in ROLE_NOUNS:
        return noun
    # "the GOP front-runner", not "the FBI somehow managed to"
    lead = text[max(0, start - 40) : start].split()[-1:]
    words = rest.split()
    nouns = len(words) <= 2 and not any(
        w in PREPOSITIONS
        or w in _AUXILIARIES
        or w in ("and", "but", "or")
        or w.endswith(("ly", "ed"))
        for w in words
    )
    return noun if nouns and lead in (["the"], ["The"], ["a"], ["A"]) else None


def _after_preposition(text: str, start: int) -> bool:
    """Whether the word before ``start`` is a preposition ("by NBC News")."""
    words = text[max(0, start - 30) : start].split()
    while words and words[-1].lower() in ("the", "a", "an"):
        words.pop()
    return bool(words) and words[-1].lower() in PREPOSITIONS


def _refers_back(m: re.Match[str]) -> bool:
    """Whether a description is a qualified title or party ("the Florida senator", "the
    Kentucky Republican"): the person the article is about, as "he" would be."""
    qualified = (m["det"] or "").lower() == "the" and m.start("noun") > m.end("det") + 1
    return qualified and (m["noun"] in TITLE_WORDS or m["noun"] in _PARTISANS)


# What a story calls the person it is about instead of repeating the name ("the
# businessman", "the candidate"), with the gender the noun says ("" when it says none).
_EPITHETS = {
    "businessman": "m",
    "businesswoman": "f",
    "billionaire": "",
    "mogul": "",
    "tycoon": "",
    "magnate": "",
    "nominee": "",
    "candidate": "",
    "front-runner": "",
    "frontrunner": "",
    "boss": "",
}
# What may qualify an epithet that still names the story's person: the article's own
# names (a party, a place, a club: "the New York businessman", "the Royals boss") and
# the words of a race ("the presumptive Republican presidential nominee"); not a
# description of someone else ("the gambling tycoon told").
_RACE_WORDS = frozenset({"presumptive", "presidential", "vice-presidential"})


def _epithet(m: re.Match[str], ctx: _Context, pos: tuple[int, int]) -> _Who:
    """The person a definite epithet speaker means: "“...,” the businessman replied." is
    whom "he" would be there (`Registry.subject_before`), a reader's Donald Trump, not a
    described stranger. The epithet joins that person's forms (an alias, as ANNOTATION.md
    lists "the Kremlin leader"), so a later "the businessman" is the same person. Only
    when that person is also the one the story has named most so far."""
    noun = m["noun"]
    if (m["det"] or "").lower() != "the" or noun not in _EPITHETS:
        return None
    qualifiers = m.string[m.end("det") : m.start("noun")].split()
    if any(not w[:1].isupper() and w not in _RACE_WORDS for w in qualifiers):
        return None  # "the gambling tycoon told": a described one may be anyone named
    gender = _EPITHETS[noun]
    # "Carl Ortiz, who owns the farm, walked ... “...,” the businessman said.": someone
    # the registry missed opens the sentence before, so the epithet may well be him
    if _unregistered_subject(ctx, pos) is not None:
        return None
    who = ctx.registry.subject_before(pos, gender)
    if (
        who is None
        or who.type != "person"
        or (gender and ctx.registry.gender(who) not in ("", gender))
    ):
        return None
    # and only the person the story is about so far (named most often before it): in
    # "Trump called upon Mayor Bill de Blasio to ... ¶ “...,” the candidate said" the
    # candidate is not de Blasio
    focus = max(
        ctx.registry.people(),
        key=lambda e: sum(where < pos for where, _end in e.mentions),
        default=None,
    )
    if focus is not who:
        return None
    who.forms.add(m.group().strip())
    return who


# What a story calls a person it has named, besides titles and `_EPITHETS`: occupations
# ("the retired neurosurgeon", "the real estate developer", "the investor").
_OCCUPATIONS = wordset("investor developer neurosurgeon surgeon entrepreneur financier banker")
_REFERRING_NOUNS = TITLE_HEADS | _OCCUPATIONS
# One description: "the" (the first only), up to five qualifiers, the noun, and what
# it is of ("the former secretary of state", "the senator from Vermont").
_ONE_DESCRIPTION = (
    r"(?:[\w'’.-]+\s+){0,5}?(?P<noun%d>[a-z][\w-]*)(?:\s+(?:of|from)\s+[A-Za-z]+(?:\s+[A-Z]\w*)?)?"
)
_REFERRING = re.compile(rf"[Tt]he\s+{_ONE_DESCRIPTION % 1}(?:\s+and\s+{_ONE_DESCRIPTION % 2})?")


def _referring(text: str) -> str | None:
    """``text`` as a description `_referred` reads (trailing adverbs dropped), else None."""
    words = text.split()
    while words and (words[-1] in SPEECH_ADVERBS or words[-1] in _FILLERS):
        words.pop()
    phrase = " ".join(words)
    m = _REFERRING.fullmatch(phrase)
    # "the independent Vermont senator and Democratic presidential candidate": a title
    # or occupation first, then what the person runs as
    if m is None or m["noun1"] not in _REFERRING_NOUNS:
        return None
    if m["noun2"] and m["noun2"] not in _REFERRING_NOUNS | {"candidate", "nominee"}:
        return None
    return phrase


def _referred(para: Paragraph, start: int, end: int, ctx: _Context, pos: tuple[int, int]) -> _Who:
    """The person a definite description refers back to ("“...,” the retired neurosurgeon
    told X" after "Ben Carson said Monday.", "the independent Vermont senator and
    Democratic presidential candidate said"): whom "he" would name there
    (`Registry.subject_before`), named in the quote's paragraph or the one before. The
    description joins that person's forms, as ANNOTATION.md lists "the Kremlin leader"
    among Putin's aliases. Not a description of someone the article leaves unnamed ("the
    RNC member", "the official"): only titles, epithets and occupations."""
    phrase = _referring(para.text[start:end])
    if phrase is None or (m := _REFERRING.fullmatch(phrase)) is None:
        return None
    # as "he" would be (`_pronoun`): the last speaker if no one else was named since
    registry, speaker = ctx.registry, ctx.speaker
    spoke = speaker is not None and speaker.type == "person" and pos[0] - ctx.after[0] <= 1
    if spoke and all(e is speaker for e in registry.people_between(ctx.after, pos)):
        who = speaker
    else:
        who = registry.subject_before(pos)
    if who is None or who.type != "person":
        return None
    if not any(pos[0] - 1 <= where[0] and where < pos for where, _ in who.mentions):
        return None
    # a title only of one who bears it: "The president has repeatedly said" after a quote
    # of Senator Warner is not Warner's
    titles = [n for n in (m["noun1"], m["noun2"]) if n in TITLE_HEADS]
    if titles and not all(_bears(who, title, registry) for title in titles):
        return None
    who.forms.add(phrase[0].lower() + phrase[1:])
    return who


# Abbreviations of the titles `_referred` reads ("Sen. Ted Cruz" is a senator).
_TITLE_SHORT = {"senator": "sen", "governor": "gov", "representative": "rep"}


def _bears(who: Entity, title: str, registry: Registry) -> bool:
    """Whether the article gives ``who`` the title: their role holds it, or it (or its
    abbreviation) stands in the two words before a mention ("Sen. Ted Cruz", "Vermont
    Senator Bernie Sanders")."""
    forms = {title, _TITLE_SHORT.get(title, title)}
    words = (who.role or "").split()
    for (pi, at), _end in who.mentions:  # the mention may hold the title ("Sen. Marco Rubio")
        words += registry.paragraphs[pi].text[max(0, at - 40) : at + 6].split()[-3:]
    return any(w.lower().rstrip(".,") in forms for w in words)


# Titles name someone the article names elsewhere ("the president"); an anonymous
# official or source is a group's voice ("Iraqi officials"), as gold annotates it.
_NOT_DESCRIBED = TITLE_WORDS | {"official", "source"}
_PARTISANS = frozenset({"Democrat", "Republican"})
# "one person tweeted", "another child responded": someone anybody might be
_DESCRIBED_NOUNS = PERSON_NOUNS | {"person", "child", "user", "commenter"}
_INDEFINITE = frozenset({"a", "an", "one", "another"})
_FILLERS = frozenset({"also", "still", "even", "then", "now", "too", "later", "again"})


def _organisation(noun: str, ctx: _Context, pos: tuple[int, int]) -> _Who:
    """The organisation "the company" or "the group" means: the last one named in this
    paragraph or the two before it."""
    if noun not in ORG_NOUNS:
        return None
    latest = [
        (where, e)
        for e in ctx.registry.entities
        # a named group is an organisation too ("Black Lives Matter ... the group said"),
        # not a described one ("anti-government protesters")
        if e.type == "organization" or (e.type == "group" and e.name[:1].isupper())
        for where, _ in e.mentions
        if pos[0] - 2 <= where[0] and where < pos
    ]
    return max(latest, key=lambda m: m[0])[1] if latest else None


def _described(para: Paragraph, start: int, end: int, ctx: _Context) -> _Who:
    """A speaker the article leaves unnamed and describes ("the announcer", "a doctor",
    "the 34-year-old mother of three"), quoted under that description: only a kind of
    person (`PERSON_NOUNS`), not a title nor an anonymous official."""
    phrase = para.text[start:end].strip()
    phrase = re.split(r"\s(?:of|at|in|for|on|from|with)\s|,", phrase)[0]  # "a mother of three"
    words = phrase.split()
    while len(words) > 1 and words[-1] in SPEECH_ADVERBS:
        words.pop()  # "my father often said"
    phrase = " ".join(words)
    m = _DESCRIPTION.match(phrase)
    if m is None or m["noun"] not in _DESCRIBED_NOUNS or m["noun"] in _NOT_DESCRIBED:
        return None
    if m["noun"] in _PARTISANS and (m["det"] or "").lower() not in _INDEFINITE:
        return None  # "the Kentucky Republican" is someone named elsewhere
    at = para.text.find(phrase, start)
    where = ((para.index, at), at + len(phrase)) if at >= 0 else None
    return ctx.registry.add_person(phrase[0].lower() + phrase[1:] if m["det"] else phrase, where)


def _owns(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is a possessive followed by what it owns."""
    return bool(re.match(r"['’]s?\s+[a-z]", text[end:]))


def _resolve(subject: str, ctx: _Context, pos: tuple[int, int]) -> _Who:
    """The entity a subject names; UNKNOWN when it names someone the rules cannot pin down."""
    word = subject.lower()
    if word in ("he", "she"):
        return _pronoun(ctx, pos, "m" if word == "he" else "f") or UNKNOWN
    if word == "it":
        ok = ctx.speaker is not None and ctx.speaker.type != "person"
        return ctx.speaker if ok else UNKNOWN
    if m := re.match(r"(?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*['’]s\s+(?=[A-Z])", subject):
        subject = subject[m.end() :]  # "NATO’s Stoltenberg" is Stoltenberg, not a new person
    who = ctx.registry.resolve(subject, pos) or _newcomer(subject, ctx, pos)
    if who is not None and (titled := _titled_namesake(subject, who, ctx, pos)):
        who = titled  # "Mrs. Clinton said" is not Bill Clinton, named last
    if who is None and (m := re.match(r"(.+?)\s+of\s+(?:the\s+)?[A-Z]", subject)):
        # "Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem"
        who = ctx.registry.resolve(m[1], pos) or _newcomer(m[1], ctx, pos)
    return who or UNKNOWN


def _titled_namesake(subject: str, who: Entity, ctx: _Context, pos: tuple[int, int]) -> _Who:
    """For "Mrs. Clinton" resolved to a man (or "Mr. Clinton" to a woman) when both
    Clintons are named: the latest-named other person of that surname whose gender, as
    the article shows it, agrees with the honorific (else is not shown)."""
    words = subject.split()
    gender = HONORIFIC_GENDER.get(words[0]) if len(words) == 2 else None
    registry = ctx.registry
    if gender is None or who.type != "person" or registry.gender(who) in ("", gender):
        return None
    namesakes = [
        e
        for e in registry.people()
        if e is not who and e.tokens[-1:] == who.tokens[-1:] and registry.gender(e) in ("", gender)
    ]
    # one of that gender first, else one whose gender the article does not show
    return max(
        namesakes,
        key=lambda e: (
            registry.gender(e) == gender,
            max((w for w, _ in e.mentions if w < pos), default=(-1, -1)),
        ),
        default=None,
    )


# An honorific and one name is a person, even one whose name is also a title ("Mr. King").
_HONORIFIC_NAME = re.compile(
    r"^(?P<title>Mr\.|Mrs\.|Ms\.|Dr\.)\s+(?P<name>[A-Z][\w'’-]+)(?:\s+of\s+[A-Z].*)?$"
)


def _newcomer(subject: str, ctx: _Context, pos: tuple[int, int]) -> _Who:
    """A person the registry missed, named in full as a speech verb's subject
    ("Vann R. Newkirk II, a writer for The Atlantic, said") or by an honorific ("Mr.
    Prince said"): a speaker of their own."""
    if m := _HONORIFIC_NAME.match(subject.strip()):  # "Mr. Prince of Cloudflare said"
        named = [e for e in ctx.registry.people() if e.tokens[-1:] == (m["name"],)]
        if named:  # "Charlie King ... Mr. King said"
            return max(
                named,
                key=lambda e: max((w for w, _ in e.mentions if w < pos), default=pos),
            )
        name = f"{m['title']} {m['name']}"
        if not _is_person_name((m["name"],)):
            return None
    else:
        tokens = _clean_name(subject)
        core = tuple(t for t in tokens if not re.fullmatch(r"[A-Z]\.?", t))  # "Julie A. Diaz"
        if not 2 <= len(tokens) <= 4 or not _is_person_name(core):
            return None
        if not all(t[0].isupper() for t in tokens) or tokens[0].lower() in PREPOSITIONS:
            return None
        name = " ".join(tokens)
    at = ctx.registry.paragraphs[pos[0]].text.find(name)
    return ctx.registry.add_person(name, ((pos[0], at), at + len(name)) if at >= 0 else None)


def _pronoun(ctx: _Context, pos: tuple[int, int], gender: str) -> _Who:
    """The last speaker if nobody else was named since, else the last person named;
    "she" never names a man nor "he" a woman when the article says which they are
    (then the latest person it can name is taken)."""
    registry = ctx.registry
    past = _past_same_pronoun(registry, pos, gender)
    last = _unregistered_subject(ctx, past) or registry.subject_before(past, gender)
    speaker = ctx.speaker
    who = last
    if speaker is not None and speaker.type == "person" and pos[0] - ctx.after[0] <= 1:
        named_since = registry.people_between(ctx.after, pos, gender)
        who = speaker if all(e is speaker for e in named_since) else last
    if who is None or registry.gender(who) in ("", gender):
        return who
    return registry.subject_before(pos, gender) or who


# One capitalised word opening a sentence as a person's subject: "Cruz openly admitted",
# "Carson defied", "Meanwhile Rihanna, who was honored ..., spoke" (a verb in -ed, an
# adverb and a verb, or a "who" aside: "Similar firearms sell" is no one).
_SURNAME_SUBJECT = re.compile(
    r"\s*(?:(?:And|But|Meanwhile|Still|Yet|Then|So),?\s+)?"
    r"(?P<name>[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)"
    r"(?:,\s+who\b[^,]{1,120},|\s+(?:[a-z]+ly\s+)?[a-z]+ed\b|\s+[a-z]+ly\s+[a-z]+s\b)"
)


def _speaker_at(ctx: _Context, name: str, pi: int, at: int) -> Entity:
    """The speaker ``name`` the registry missed, mentioned at ``at`` in paragraph ``pi``."""
    return ctx.registry.add_person(name, ((pi, at), at + len(name)))


# An indefinite description opening a sentence before the name it describes: "One pastor
# supporting Mr. Cruz, ", "Another pollster, ", "A longtime friend of the senator, ".
_INTRODUCTION = re.compile(r"\s*(?:One|Another|A|An)\s+[a-z][^,;:“”\"]{0,80},\s+(?=[A-Z])")


# A relative named by a given name in apposition, opening a sentence: "Her father, Brad,
# 39,", "Clinton's husband, Bill,". Any relative, or a partner in life: after "her" and
# before a given name, "partner" is no firm's ("a partner at the firm" is no relative
# elsewhere, so `KIN` leaves it out).
_KIN_SUBJECT = re.compile(
    r"\s*(?:And\s+|But\s+)?(?:His|Her|Their|[A-Z][\w'’-]*['’]s?)\s+(?:late\s+)?"
    rf"(?:{alternation((*KIN, 'partner'))})"
    r",\s+(?P<name>[A-Z][a-z]+),"
)


# A preposition before a name makes it no sentence's subject (not "as": "As Jane Doe said").
_OBJECT_BEFORE = (PREPOSITIONS | PLACE_PREPOSITIONS) - {"as"}


def _noun_qualified(text: str, end: int) -> bool:
    """Whether a person noun follows the name ending at ``end`` ("said the former
    Barcelona and Bayern Munich coach", "a Chelsea player"): the name only qualifies the
    noun, and whoever the noun describes is the subject, not the name."""
    after = text[end : end + 30].split("\n", 1)[0].split()[:1]
    return bool(after) and after[0].rstrip(",.;:") in PERSON_NOUNS


def _unregistered_subject(ctx: _Context, pos: tuple[int, int]) -> _Who:
    """A person the registry missed who is the subject of the latest sentence (before
    ``pos``) that names anyone: "Another pollster, David Woodard of Clemson University,
    said his survey ... ¶ “...,” he said." names Woodard once, so the registry does not
    hold him, and "he" would go to someone named earlier. A full name (two to three
    capitalised words, a person's by the lexicon) that opens the sentence's narration, or
    follows only an introduction ("Another pollster,", "North Carolina's"), and comes
    before any name the registry holds in that sentence; or, in a sentence naming no one
    the registry holds, a surname or single name that opens it ("Cruz openly admitted")."""
    registry = ctx.registry
    pi, offset = pos
    for _ in range(3):  # the latest sentence that names anyone, at most three back
        para = registry.paragraphs[pi]
        start, _end = para.sentence_span(max(0, len(para.text[:offset].rstrip()) - 1))
        if para.text[start:offset].strip():
            mentions = [
                (at, stop)
                for at, stop, e in registry.mentions_in(pi, start, offset)
                if not para.inside_quote(at)
            ]
            known = [at for at, _stop in mentions]
            # a name the registry holds as a modifier ("At a June Trump campaign event in
            # Ohio, 62-year-old Brenda Johnson railed") is not the sentence's subject
            subjects = [at for at, stop in mentions if _subject_like(para.text, at, stop)]
            # "Her father, Brad, 39, worried ...", "Clinton's husband, Bill, hurled ...": a
            # relative named by a given name alone opens the sentence as its subject
            if (kin := _KIN_SUBJECT.match(para.text, start, offset)) and _is_person_name(
                (kin["name"],)
            ):
                return registry.resolve(kin["name"], pos) or _speaker_at(
                    ctx, kin["name"], pi, kin.start("name")
                )
            # "One pastor supporting Mr. Cruz, Darran Whiting of ..., said": a name the
            # registry holds inside such an introduction is not the sentence's subject
            intro = _INTRODUCTION.match(para.text, start)
            for m in _FULL_NAME.finditer(para.text, start, offset):
                if intro and m.start() < intro.end():
                    continue
                # "Growing up in El Paso, Mendoza regularly witnessed": a place in an
                # opening clause is not the subject
                if _OPENING.match(para.text, start, m.start()):
                    continue
                # "Back in Melton Mowbray, Byron Rhodes has": a preposition's object is
                # no subject either
                before = para.text[start : m.start()].split()[-1:]
                if before and before[0].lower() in _OBJECT_BEFORE:
                    continue
                # "The Ann Cole Morning Show had Ruiz as its guest": words run on from a
                # name the registry holds as a modifier are the same proper noun's, no person
                if any(at < m.end() and m.start() < stop for at, stop in mentions):
                    continue
                if para.inside_quote(m.start()) or (
                    subjects
                    and subjects[0] <= m.start()
                    and not (intro and subjects[0] < intro.end())
                ):
                    break
                tokens = _clean_name(m.group())
                name = " ".join(tokens)
                at = para.text.find(name, m.start())
                if (
                    2 <= len(tokens) <= 3
                    and at >= 0
                    and all(t[0].isupper() for t in tokens)
                    and tokens[0].lower() not in PREPOSITIONS  # "Following Sanders on TV, she"
                    and _is_person_name(tokens)
                    and registry._given_name(tokens)
                    and _subject_like(para.text, at, at + len(name))
                    and not _noun_qualified(para.text, at + len(name))
                    and registry.resolve(name, pos) is None
                ):
                    return _speaker_at(ctx, name, pi, at)
            if not known and (one := _SURNAME_SUBJECT.match(para.text, start, offset)):
                word, at = one["name"], one.start("name")
                if (
                    not registry._common_word(word)
                    and word.lower() not in PREPOSITIONS
                    and _is_person_name((word,))
                    and registry.resolve(word, pos) is None
                ):
                    return _speaker_at(ctx, word, pi, at)
            if known:
                return None
            offset = start
        if offset <= 0 or not para.text[:offset].strip():
            if pi == 0:
                return None
            pi -= 1
            offset = len(registry.paragraphs[pi].text)
    return None


# A sentence whose subject is the pronoun: "He ...", "On Monday, he ...", "And when she saw
# X on the news, all she could do was ...", "When he took the
# stage after X's introduction, ..., he said", "Dismayed by X's years and inspired by Y's
# agenda, he's committed".
_OPENS_WITH = {
    gender: re.compile(
        rf"^(?:(?:and|but|so|yet)\s+)?(?:(?:when|as|after|before|while|once|since|until)\s+{word}\b"
        rf"|(?:[^,]{{0,60}},\s*|[a-z]+(?:ed|ing)\b[^,]{{0,140}},\s*)?{word}\b)",
        re.IGNORECASE,
    )
    for gender, word in (("m", "he"), ("f", "she"))
}


def _past_same_pronoun(registry: Registry, pos: tuple[int, int], gender: str) -> tuple[int, int]:
    """``pos`` moved back past the quote's own sentence and the one before it when their
    subject is the same pronoun: in "He nodded to his finish behind Ted Cruz. “...,” he
    said." the people named there are objects and "he" is still who the earlier "He" was.
    Not further: a speaker named further back falls outside the grounding window (#17),
    so on PolNeAR train and dev a longer chain lost more right quotes than it fixed."""
    paragraphs = registry.paragraphs
    for _ in range(2):
        pi, offset = pos
        para = paragraphs[pi]
        if not para.text[:offset].strip():
            if pi == 0:
                break
            pi, para = pi - 1, paragraphs[pi - 1]
            offset = len(para.text)
        # the sentence holding pos, or the one before it (pos at a sentence's start)
        start, end = para.sentence_span(len(para.text[:offset].rstrip()) - 1)
        chars = list(para.text[start:end])
        for a, b in para.regions:  # quoted text, marks included, blanked region by region
            low, high = max(a, start), min(b + 1, end)
            if low < high:
                chars[low - start : high - start] = " " * (high - low)
        outside = "".join(chars)
        if not _OPENS_WITH[gender].match(outside.lstrip(_LEAD_PUNCT + "\"“”'‘’")):
            break
        pos = (pi, start)
    return pos
