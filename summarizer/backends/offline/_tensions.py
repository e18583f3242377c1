"""Stated tensions for the offline backend: cue words, the actors around them, the clause.

A sentence states a tension when it holds a cue word and names two different candidate
actors in the cue's clause (or the clause before it, looking past an aside such as
"X, the chairman of Y, accused Z"). How the two parties are found depends on the cue:

- a verb ("berated", "accused") takes the nearest actor before it and the nearest after;
- a noun ("war", "sanctions", "arrest") needs one actor tied to it ("Moscow's war",
  "sanctions on Iran", "arrest by the ICC", "trade war with China"), plus the nearest
  other actor;
- a relation ("strained", "tensions", "dispute") takes the two actors after "between",
  else the two nearest.

A noun cue tied to an actor after it ("a strike on Y") takes as the other party the
nearest subject-like actor before it ("X landed in Z, then waged a war with Y": X, not
Z), or none; one tied before it ("U.S. sanctions") takes an actor after it ("on Iran"),
never one before ("Trump said he would revive U.S. sanctions" is not Trump vs the U.S.).
Two sides a hyphen joins before a conflict noun ("the U.S.-China trade war", "strained
US-Turkey ties") are a tension of their own.

The evidence is the verbatim run of clauses from the first party to the end of the
cue's clause; the description is one neutral sentence (`_describe`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from summarizer._schema import Quote, Tension
from summarizer._text import (
    FOLDS_TO_ASCII,
    Paragraph,
    WordPattern,
    literal_spans,
    name_key,
    wordset,
)
from summarizer.backends.offline._describe import asked_to_stop, clashed, criticism, describe
from summarizer.backends.offline._lexicon import (
    ASKING_VERBS,
    GIVEN_NAMES,
    GROUP_HEADS,
    GROUP_NATIONALITIES,
    HEADLINE_ACCUSATIONS,
    HEADLINE_TENSION_RELATIONS,
    HEADLINE_TENSION_VERBS,
    METONYMS,
    OUTLET_HEADS,
    PEJORATIVES,
    REQUESTING_VERBS,
    ROLE_NOUNS,
    SAID_ACCUSATIONS,
    SPEECH_VERBS,
    TENSION_NOUNS,
    TENSION_RELATIONS,
    TENSION_VERBS,
    US_STATES,
    VERSUS,
)
from summarizer.backends.offline._names import Entity, Registry, _initials, qualifier

_CUE = re.compile(
    rf"\b(?:(?P<verb>{'|'.join(TENSION_VERBS)})|(?P<noun>{'|'.join(TENSION_NOUNS)})"
    rf"|(?P<relation>{'|'.join(TENSION_RELATIONS)}))\b"
)
_LOOKBEHIND = re.compile(r"\(\?<=([^()]*)\)")  # "(?<=to )", alone or in "(?:(?<=a)|(?<=b))"
_LOOKBEHINDS = re.compile(r"(?:\(\?<=[^()]*\)|\(\?:(?:\(\?<=[^()]*\)\|?)+\))*")


def _top_level(pattern: str) -> list[str]:
    """The parts of a regular expression split at its top-level "|"."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def _by_first_letter(cues: tuple[str, ...]) -> WordPattern:
    """The cue words, one branch per first letter ("a(?:ccus(?:ed|es|ing)|ttack...)"): the
    regex engine skips a branch whose letter does not match, so a word is tried only against
    the cues of its letter. A lookbehind moves past the letter ("(?<=to )sue": "s(?<=to
    s)ue"). Searched as a `WordPattern`: after a non-word character, where `re` would try
    a pattern opening with "\\b" at every character."""
    by_letter: dict[str, list[str]] = {}
    for part in (p for cue in cues for p in _top_level(cue)):
        behind = _LOOKBEHINDS.match(part)
        body = part[behind.end() :] if behind else part
        if not body[:1].isalpha():
            raise ValueError(f"a tension cue must start with a letter: {part!r}")
        letter = body[0]
        moved = _LOOKBEHIND.sub(rf"(?<=\1{letter})", behind[0] if behind else "")
        by_letter.setdefault(letter, []).append(moved + body[1:])
    branches = (f"{letter}(?:{'|'.join(rests)})" for letter, rests in by_letter.items())
    return WordPattern(rf"(?:{'|'.join(branches)})\b")


# Where a cue may start: the same words as `_CUE`, found about four times faster; `_CUE`
# then says which cue and kind (`_cues`).
_CUE_START = _by_first_letter(TENSION_VERBS + TENSION_NOUNS + TENSION_RELATIONS)
# An accusation in prose ("should never be trusted", "hid"), in lower-cased text.
_SAID_ACCUSATION = _by_first_letter(SAID_ACCUSATIONS)
_HEADLINE_CUE = re.compile(
    rf"\b(?:(?P<verb>{'|'.join(TENSION_VERBS + HEADLINE_TENSION_VERBS)})"
    rf"|(?P<relation>{'|'.join(TENSION_RELATIONS + HEADLINE_TENSION_RELATIONS)}))\b"
)
# "Judicial Watch: State Department Hid Key Email": a speaker, a colon, someone it accuses.
_ACCUSATION = re.compile(
    rf"(?:\s+[\w'’-]+){{0,3}}?\s+(?:{'|'.join(HEADLINE_ACCUSATIONS)})\b", re.IGNORECASE
)
# "X and the presidential campaigns of Y": X shares the side of what Y has.
_JOINED_OWNER = re.compile(r"\s+and\s+the\s+(?:[a-z-]+\s+){0,2}?[a-z]+\s+of\s+")
_JOINED = re.compile(r"\s*(?:,|and|&)\s*")  # "Trump, Democrats", "Rubio and Cruz"
# What makes the actor after a headline's relation its partner ("clash with Y", "at odds
# with Y", "vs. Y"), not the topic ("clash over DNC emails", "at odds on Iran").
_PARTNER_AFTER = re.compile(r"\.?\s+(?:with|against)\b", re.IGNORECASE)
_VERSUS = re.compile("|".join(VERSUS), re.IGNORECASE)
_HEADLINE_GAP = 2  # words between a headline's cue and each party ("fires agent Strzok")
# A gap word that starts another clause: "Disputes Report That Olsen Lied" is not about Olsen.
_CLAUSE_WORDS = wordset("that which who whom whose if whether after as while when says said")
_LEAD_PARAGRAPHS = 4  # where a headline's conflict is looked for in the body
# A name owning something between a headline's verb and its object ("BuzzFeed's").
_OWNER_BETWEEN = re.compile(r"[\w.-]['’]s?(?:\s|$)")
_MAX_EVIDENCE_WORDS = 70  # at most this many words of evidence; the metric caps it at 80
# A clause's end: ", " (a quotation mark may close first), " — ", " - ". (Its first
# character first, each way on tested after it: `re` scans for them, where an alternation
# opening with a class and "\s" was tried at every character.)
_CLAUSE_END = re.compile(r"[,;:\s](?:(?<=[,;:])[\"”’']?\s+|(?<=\s)\s*[—–]\s+|(?<=\s)\s*-\s+)")
# A state after a city ("Tulsa, Okla., police officer Betty Shelby"): no clause of its own.
_STATE_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)(?=,\s)")
_APPOSITIVE = re.compile(
    r"(?:the|a|an|who|which|whose|where|(?:neither|both|none|each|all|one) of (?:which|whom|them))\s",
    re.IGNORECASE,
)
# "Larry Kudlow, Trump's top economist, ripped the CBO": an aside naming whose the subject is.
_POSSESSOR_APPOSITIVE = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*['’]s?\s+[a-z]")
# "Charles E. Schumer, New York Democrat, accused ...": a lawmaker's state and party.
_PARTY_APPOSITIVE = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,3}(?:state\s+)?(?:Democrat|Republican|Independent)[,;]\s*"
)
# What may sit between a noun cue and the actor tied to it, on either side.
# Title words may sit before the name ("charges against GOP political consultant Roger
# Stone", "an investigation of Democratic presidential candidate Hillary Clinton").
_TIED_AFTER = re.compile(
    r"^\s+(?:[a-z-]+\s+)?(?:with|against|on|by|from|between|targeting|at|of|into)\s+"
    r"(?:the\s+)?(?:(?!(?:in|near|across|throughout|outside|inside|within)\s)"
    r"(?:[a-z-]+|[A-Z][\w.'’-]*)\s+){0,3}$"
)
# Before an actor that is not the agent: a preposition, or "the" of a modifier ("the Iran deal").
_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|for|by|from|with|to|in|at|on|against|about|over|than|into|between|among|"
    r"inside|outside|near|across|throughout|within|during|despite|amid)"
    r"\s+(?:(?:the|a|an)\s+)?(?:[A-Z][a-z]{1,4}\.\s+)?$"  # "to Amb. Sondland", "by a U.S. jury"
)
# Between a name and the verb of the "who" clause that says what the one named did.
_RELATIVE_WHO = re.compile(r",\s+who\s+(?:(?:has|have|had|also|then|later|once|\w+ly)\s+)*")
_NOT_AGENT = re.compile(
    r"\b(?:of|for|by|from|with|to|in|at|on|against|about|over|than|into|told|asked)\s+(?:the\s+)?$"
)
# After "the X": a verb or the body X heads makes X a subject ("the House voted", "the Trump
# administration"); another noun makes X a modifier ("the Iran deal").
_SUBJECT_AFTER_THE = re.compile(
    r"\w+ed|\w+s|\w+ly|said|has|had|have|is|was|will|would|could|can|may|might|must|should|"
    r"did|does|"
    r"administration|government|campaign|regime|team|leadership|president|leader|leaders|"
    r"officials|military|forces|troops|group|movement|panel|committee|on|also|then|now|later"
)
# Between an actor and a noun cue it wages: a possessive and two words ("Moscow's brutal
# war"), or one modifier ("U.S. economic sanctions"); not two words without a possessive
# ("trading with Iran despite the threat", "House vote on impeachment").
_TIED_BEFORE = re.compile(
    r"^(?:['’]s(?:\s+[a-z-]+){0,2}|\s+(?!(?:on|of|to|in|for|with|at|by|from|and|or|the|a|an)\s)"
    r"[a-z-]+)?\s+$"
)
# "supporters" or "Bernie Sanders supporters" (not "his supporters' rally", "supporters of
# the bill"): a group the registry's heads leave out.
_SUPPORTERS = re.compile(
    r"(?<![\w'’-])(?:(?P<owner>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+)?(?P<head>supporters|delegates)"
    r"(?![\w'’-]|\s+of\b)"
)
_ACRONYM = re.compile(r"(?<![\w.-])[A-Z]{3,5}(?![\w.-])")
# "the Iranian military", "the German government": the state, as a party.
_STATE_BODY = re.compile(
    r"\bthe\s+(?P<demonym>[A-Z][a-z]+)\s+(?:government|military|regime|army|navy|armed\s+forces)\b"
)
_METONYM = re.compile(rf"\b(?:{'|'.join(METONYMS)})\b")
# "at a White House meeting", "during a CNN interview": a name between "at a" and the
# noun it qualifies names where something happened (`_names_an_event`).
_AT_EVENT = re.compile(r"\b(?:at|during)\s+an?\s+$")
_EVENT_NOUN = re.compile(r"\s+[a-z]{3,}\b")
_ECHO = re.compile(r"\becho(?:es|ed|ing)?\b", re.IGNORECASE)
# A verb both sides do to each other (`_mutual`), and what may part it from its subject.
# Each verb's stem (a literal it opens with: `_mutual` looks for the pattern only in a
# paragraph holding one) and what may follow it.
_MUTUAL_VERBS = {
    "clash": "(?:ed|es)?",
    "spar": "(?:red|s)?",
    "squabbl": "(?:ed|e)",
    "feud": "(?:ed)?",
    "quarrel": "(?:l?ed)?",
    "tangled": "",
    "bickered": "",
    "locked": r"\s+horns",
    "butted": r"\s+heads",
    "traded": r"\s+(?:barbs|insults|jabs|blows)",
}
_MUTUAL_VERB = WordPattern(  # "\b" before it: searched after a non-word character
    rf"(?:{'|'.join(stem + ends for stem, ends in _MUTUAL_VERBS.items())})"
    r"(?!\s+with\b)(?![\w'’-])"
)
_MUTUAL_GAP = re.compile(
    r"(?:,\s+(?:for\s+(?:instance|example)|however|too|meanwhile),)?"  # "India and Pakistan,
    r"\s+(?:(?:have|has|had|also|often|again|openly|\w+ly)\s+)*"  # for instance, spar over"
)
_AND = re.compile(r",?\s+and\s+(?:the\s+)?")
_COMMA = re.compile(r",\s+")
_LOCATIVE = re.compile(
    r"\b(?:in|at|from|to|near|outside|into|visits?|visited|visiting)\s+(?:the\s+)?$"
)
# A party's leaders or members, named by the party's adjective ("Democratic leaders").
_PARTY_MEMBERS = re.compile(
    r"(?<![\w-])(?P<party>Democratic|Republican|GOP)\s+(?:(?:congressional|Senate|House)\s+)?"
    r"(?:leaders|leadership|members|officials)\b"
)
_PARTY_OF = {"Democratic": "Democrats", "Republican": "Republicans", "GOP": "Republicans"}
# A continent standing for its states ("Europe has long been at odds with Trump"), which
# the registry holds as a place only: not "Eastern Europe", "Europe's", "Asia-Pacific".
_REGION = re.compile(r"(?<![\w.-])(?:Europe|Asia|Africa|Latin\s+America)(?![\w'’-])")
_REGION_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|to|near|outside|into|visits?|visited|visiting|across|throughout|"
    r"around|over|of|for|through|within|toward|towards)\s+(?:the\s+)?|"
    r"[A-Z][\w.-]*\s+)$"
)
# After a seat-of-power name, what makes it the name of a thing ("the Paris climate accord"),
# or of where an attack happened ("the Paris attacks", "Paris terror attacks"; not "Moscow
# launched attacks", a verb between, nor "Moscow attacks Kyiv", the verb before a name).
_NAMED_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:accords?|agreements?|deal|summit|talks|treaty|protocol|Olympics)\b|"
    r"\s+(?:(?:terror|terrorist|suicide)\s+)?attacks?\b(?!\s+[A-Z])|"
    r"\s+state\b"  # "Washington state"
)
# "She quit the council and lashed out at X": an actor right before "and <verb>" is the
# object of the verb before, not the subject of this one.
_OBJECT_THEN_AND = re.compile(r",?\s+and\s+(?:(?:then|also|later|again|\w+ly)\s+)*")
# A relation word used as a transitive verb, not after an article ("disputed the report").
_TRANSITIVE = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?i:disput(?:e|es|ed))\s+(?:the|a|an|his|her|its|their|[A-Z])"
)
_WITH_WORD = re.compile(r"\s+(?:[a-z-]+\s+)?with(?=\s)")
# "at odds with X", "relations with X", a quoted cue ("\"areas of disagreement\" with X");
# not "a \"foe\" with regard to trade"
_WITH = re.compile(r"[\"”’']?\s+(?:[a-z-]+\s+)?with\s+(?!regard\b|respect\b)(?:the\s+)?")
# "the (Sept. 11) terror attack on Y": a known event, named as an object, has no agent here.
_DEFINITE = re.compile(
    r"\bthe\s+(?:(?!(?:and|or|of|to)\b|\w+ed\b)[\w.,-]+\s+){0,4}$", re.IGNORECASE
)
# "fought in Vietnam", "money handlers in Afghanistan": a country as a place, no party.
_IN_PLACE = re.compile(
    r"\b(?:in|at|near|across|inside|outside|throughout|into)\s+(?:the\s+)?$", re.IGNORECASE
)
# A name before a plural noun it qualifies ("U.N. resolutions", "Obama officials").
_MODIFIES_PLURAL = re.compile(
    r"\s+(?!(?:this|thus|across|unless|always|perhaps|towards|afterwards|besides|whereas|"
    r"news|days|weeks|months|years|times|was|has|does|is|as|his|its|us)\b)[a-z]{3,}s\b"
)
_BY_DOING = re.compile(r"\s+by\s+")
# A passive act of violence (`PASSIVE_VIOLENCE`) and what joins its subject to it: the
# one it was done to is named right before ("Forty protesters were shot dead by").
_VIOLENCE = re.compile(r"shot|killed|wounded|gunned|beaten|murdered", re.IGNORECASE)
_DONE_TO = re.compile(r"\s+(?:was|were|(?:has|have|had)\s+been|being)\s+(?:fatally\s+)?")
# Right after a verb cue, a gerund whose object follows ("Kaine has opposed defunding
# Planned Parenthood": he is for it), not a word of time or place nor a title's adjective
# ("blaming retiring House Speaker Paul Ryan").
_GERUND = re.compile(
    r"\s+(?!(?:during|including|regarding|concerning|following|according|nothing|something|"
    r"anything|everything|retiring|outgoing|incoming|ruling|leading|sitting|acting|governing|"
    r"reigning|founding|presiding|visiting|rising|remaining|opposing|competing|ailing)\b)"
    r"[a-z]{2,}ing\s"
)
# "the provision Democrats most strongly opposed and Obama said": "and" opens a clause.
_AND_NEXT = re.compile(r",?\s+and\s+(?:the\s+)?")
# "Sanders has demonized Wall Street and Mr. Trump has disparaged immigrants": a name after
# "and" with an auxiliary after it is the subject of a clause of its own, not the object.
_NEW_CLAUSE = re.compile(
    r"\band\s+(?:(?:the|[A-Z][a-z]{0,3}\.)\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}"
    r"(?:has|have|had|is|are|was|were|will|would|could|can)\s"
)
# "criticized voters for not supporting Cruz": a name past "for" and a participle is in the
# reason given, not the verb's object.
_FOR_DOING = re.compile(r"\bfor\s+(?:not\s+)?[a-z]+ing\b")
# A verb whose object is a pronoun: a name after it is not the object.
_PRONOUN_OBJECT = re.compile(r"\s+(?:him|her|them|me|us)\b")
# "him" or "her" as a verb's object, not "her" owning a noun ("criticized her husband").
_PRONOUN_AS_OBJECT = re.compile(
    r"\s+(?P<pronoun>him|her)(?=[,.;:!?]|\s+(?:of|for|as|over|on|in|at|to|by|with|and|after|"
    r"during|while|when|because|before|since|publicly|repeatedly|again)\b)"
)
# "opposed ground troops", "sending more troops": a deployment, not a party.
_DEPLOYED = re.compile(r"\b(?:ground|more|additional|extra|fewer)\s+$", re.IGNORECASE)
# Tensions of a kind within a society, not between the actors near them.
_KIND_OF_TENSION = re.compile(
    r"\b(?:racial|ethnic|sectarian|social|religious|communal|internal|domestic|political|"
    r"partisan|class)\s+$",
    re.IGNORECASE,
)
# Before a sentence's subject: nothing, or title words ("Former CIA Director").
_SENTENCE_SUBJECT = re.compile(r"(?:(?:the|The|[A-Z][\w.'’-]*)\s+){0,5}")
# A conflict the subjects wage on each other ("their trade war", "tariffs on each other's
# goods"): its sides are the subjects joined by "and".
_RECIPROCAL = re.compile(r"\b(?:their|each\s+other['’]s)\s+(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
# Conflicts both sides wage ("The US and Russia came closer to a direct clash").
_MUTUAL = re.compile(r"clash(?:es)?|wars?|conflicts?|confrontation|fights?|battles?")
_EACH_OTHER = re.compile(r"\s+(?:on|against|with)\s+(?:each\s+other|one\s+another)\b")
# "no increased threat from X": a conflict said not to be there.
_NONE_OF = re.compile(r"\bno\s+(?:[a-z-]+\s+)?$", re.IGNORECASE)
# "taking aim at his support for Y": the object is his support, not Y.
_OWNED = re.compile(r"\b(?:his|her|their|its|my|our|your)\s", re.IGNORECASE)
# "after Bolton's hiring, his administration hammered Tehran": an owner after a word of
# time is in a phrase of its own ("after Rouhani criticized Trump" is a clause).
_TIME_WORD = re.compile(r"\b(?:after|before|since|until)\s+(?:the\s+)?$", re.IGNORECASE)
# "eager to jab senators for ..., attacked Rubio": an infinitive's object is no subject.
_INFINITIVE_OBJECT = re.compile(r"\bto\s+[a-z]+\s+(?:the\s+)?$")
# "China and elsewhere that he blamed on the policies of President Obama", "we're blaming
# Muslims, we're blaming Mexicans": a pronoun right before the verb is its subject.
_PRONOUN_BETWEEN = re.compile(
    r"(?<![\w'’-])(?P<pronoun>he|she|they|we|I|you)(?:['’](?:re|s|ve|d|ll))?\s+"
    r"(?:(?:has|have|had|is|are|was|were|also|then|will|would|\w+ly)\s+)*$"
)
# "a Sanders supporter who has criticized Clinton", "a Trump aide": one person of the
# actor's side, unnamed, not the actor ("a GOP field" is the party's).
_ONE_OF_THEIRS = ROLE_NOUNS | wordset("supporter backer loyalist surrogate staffer")
# "defended Bernie Sanders as a mainstream candidate, mocked the Republican Party": a
# name right after a verb in the past is that verb's object, not the subject of a verb
# after a comma ("a list of unsubstantiated Taliban talking points" has no such verb).
_FINITE_OBJECT = re.compile(
    r"(?<![\w-])(?!(?:of|a|an|the|his|her|their|its|for|with|by|to|in|on|at|from)\s)[\w’']+"
    r"\s+[a-z]+ed\s+(?:(?:the|[A-Z][\w.'’-]*)\s+){0,3}$"
)
# "warning that Russian forces would intercept": who is warned is not said.
_THAT = re.compile(r"\s+that\b")
# "battled depression years before he took the controls of Germanwings Flight 9525": an
# actor past a subordinate clause's opening is not the verb's object.
_SUBORDINATE = re.compile(
    r"\b(?:before|(?<!go )(?<!goes )(?<!going )(?<!went )after|when|while|because|since|until|"
    r"unless|although|though|if|whether|which|who|whom)\b",
    re.IGNORECASE,
)
# "called on him to quit the Senate race": the one called on comes before "to".
_CALLED_ON = re.compile(r"call\w*\s+on", re.IGNORECASE)
# "impeach the Republican president", "attacked the former governor": a role for a name.
_DESCRIBED = re.compile(
    r"\s+(?P<description>the\s+(?:(?:former|then|[A-Z][\w.-]*)\s+){0,2}(?P<noun>[a-z]+))\b(?!\s+(?:of|[A-Z]))"
)
# A reaction the subject draws ("X's remarks drew rebukes from Y", "faced criticism from Y").
_REACTION = re.compile(
    r"\b(?:dr[ae]w|draws|drawing|drawn|faced?|faces|facing|sparked|prompted|provoked|"
    r"ignite[sd]?|igniting)\s+(?:[a-z-]+\s+){0,2}$"
)
_FROM = re.compile(r"(?:\s+[A-Z]\w+)?\s+from\s+(?:the\s+)?")
# Who reacts, a group the registry did not hold ("has ignited criticism from business
# groups", "drew fire from lawmakers"): up to two lower-case words and a plural head.
_REACTING_GROUP = re.compile(
    rf"(?:(?!(?:some|many|both|all|other|the|a|an)\s)[a-z-]+\s+){{0,2}}"
    rf"(?:{'|'.join(sorted(GROUP_HEADS | {'groups', 'leaders'}))})(?![\w'’-])"
)
# Title words, then a full name and no more capitals ("Senate Candidate Phil Bredesen as").
_FULL_NAME_OBJECT = re.compile(
    r"\s+(?:(?:the|[A-Z][\w.'’-]*)\s+){0,5}?(?P<name>(?P<given>[A-Z][a-z]+)\s+[A-Z][a-z]+"
    r"(?:-[A-Z][a-z]+)?)(?![\w'’-]|\s+[A-Z])"
)
# What opens a sentence before a participle whose subject is the main clause's ("After
# blasting X, Y ...", "Railing against X, Y ..."), and the main clause's verb after its
# subject (an adverb or "has" between).
_OPENING_PARTICIPLE = re.compile(
    r"\s*[\"“‘']?(?:(?:After|Before|While|Since|Besides|Despite|Upon|On|In|By)\s+)?"
)
# "With attempts to attack X's record failing, Democrats ... mounted": an effort to act
# opening the sentence, whose agent is the main clause's subject, as a participle's is.
_OPENING_EFFORT = re.compile(
    r"\s*With\s+(?:(?:the|their|repeated|new)\s+)?(?:attempts?|efforts?|bids?|plans?)\s+to\s+"
)
# "over the weekend", "on Monday", "last week": a time between a subject and its verb.
_TIME_BETWEEN = r"(?:(?:over|on|last|this|earlier|late)\s+(?:the\s+)?[\w-]+\s+)?"
_MAIN_VERB = re.compile(
    rf"\s+{_TIME_BETWEEN}(?:(?:has|have|had|also|then|later|\w+ly)\s+)*"
    r"(?:[a-z]+(?:ed|s)|said|told|wrote|took|made|gave|went|came|sent|spoke|kept|held|"
    r"brought|stood|ran|won|lost|left|got|vowed)\b"
)
_TITLES = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}")  # "blasting Sen. X"
# A body the registry does not hold, named as a verb's object: a US state as "the state of
# Arizona", a news outlet by its full name ending in an outlet's word ("the Drudge Report").
_BODY_OBJECT = re.compile(
    r"\s+the\s+(?:state\s+of\s+(?P<state>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
    rf"|(?P<outlet>(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{'|'.join(sorted(OUTLET_HEADS))})))(?![\w'’-])"
)
# "He also blasted", "But she has repeatedly attacked", "He's been investigated by Congress":
# a pronoun as the verb's subject (its grammatical one: a passive gives no direction).
_PRONOUN_SUBJECT = re.compile(
    r"\s*(?:(?:And|But|Yet|Then|Later|Still),?\s+)?(?P<pronoun>[Hh]e|[Ss]he)"
    r"(?:['’]s(?=\s+been\b))?"  # "He's been investigated by Congress": a passive
    r"(?:\s+(?:has|had|been|was|also|again|then|later|once|repeatedly|publicly|\w+ly))*\s+"
)

# Verbs whose object is named right after them, or "the" between ("combat the Islamic State",
# "went after Trump").
_DIRECT_OBJECT = re.compile(r"combat|(?:went|goes|going|gone)\s+after", re.IGNORECASE)
_OBJECT_WORDS = 8  # a verb's object further on is usually another clause's
_SUBJECT_WORDS = 10  # a verb's subject further back is usually another clause's
# "condemning the attack": the attackers the article names are its target.
_CONDEMNED = re.compile(r"condemn|denounc", re.IGNORECASE)
_ATTACK = re.compile(r"attacks?|bombings?|shootings?|killings?|assault|massacre|raid")
_ATTACKERS = wordset("gunmen attackers militants insurgents assailants bombers terrorists")
_OF_NAMED = re.compile(r"\s+of\s+(?:the\s+)?")  # "members of the Senate Judiciary Committee"
# "Hannity ends feud with Rubio": a conflict said to be over is not stated as one.
_ENDED = re.compile(
    r"\b(?:(?:ends|ended|ending|settles|settled|settling|resolves|resolved|resolving)\s+"
    r"(?:(?:the|their|a|an|its|his|her)\s+)?|to\s+end\s+(?:(?:the|their|its|his|her)\s+)?|"
    r"end\s+(?:the|their|its|his|her)\s+)(?:\w+\s+)?$",
    re.IGNORECASE,
)
# Two sides joined by a hyphen before a conflict noun ("the U.S.-China trade war"). (The
# capital first, the test of the character before it after it: `re` scans for capitals,
# where a pattern opening with a lookbehind is tried at every character.)
_COMPOUND = re.compile(
    r"(?P<a>[A-Z](?<![\w.’'-].)[\w.]*)[-–](?P<b>[A-Z][\w.]*)\s+"
    r"(?:(?:trade|tariff|border|diplomatic|military|nuclear|political)\s+)?"
    r"(?P<cue>wars?|conflicts?|tensions?|rift|disputes?|standoff|feud|rivalry|clash(?:es)?|"
    r"ties|relations)\b"
)
# Calling someone a name of abuse ("Sanders called Trump a 'pathological liar'", "Christie
# Calls Clinton 'A Disgrace'", "labeling the European Union a 'foe'"): the verb, the words
# that name the one called (an actor must start there), the quoted name.
# Each verb's stem, then its endings: the stems are also what `_candidates` looks for in a
# paragraph's lower case before it searches it.
_CALLING_VERBS = {
    "call": "(?:s|ed|ing)?",
    "describ": "(?:es|ed|ing)",
    "label": "(?:l?ed|s|l?ing)?",
    "brand": "(?:s|ed|ing)?",
}
_NAME_CALLING = WordPattern(  # "\b" before it: searched after a non-word character
    rf"(?P<cue>(?i:{'|'.join(stem + ends for stem, ends in _CALLING_VERBS.items())}))"
    r"\s+(?P<object>(?:[\w.'’-]+\s+){1,5}?)(?:(?i:as)\s+)?"
    r"(?:(?i:a|an|the)\s+)?[\"'‘“](?P<name>[^\"”’]{1,60})"
)
# Words between the verb and the one called: a title, not a preposition ("called for X").
_NAMED_OBJECT = re.compile(
    r"(?:(?!(?:for|on|to|in|at|by|of|with|from|that|who|as)\b)[\w.'’-]+\s+){0,4}", re.IGNORECASE
)
_PEJORATIVE = re.compile(rf"(?i)\b(?:{'|'.join(PEJORATIVES)})")
_STRAINED = re.compile(r"\b(strained|frayed|tense|troubled)\s+(?:the\s+)?$", re.IGNORECASE)
# Between a name and the name its phrase ends in: title words, no preposition or "and".
_TITLE_WORDS = re.compile(
    r"(?:['’]s)?\s+(?:(?!(?:and|or|of|in|on|for|to|with|by|at|from|the|a|an|after|before|if|"
    r"when|while|because|since|until|as|than|but|so)\b)[\w.'’-]+\s+){1,3}?,?\s*"
)
_VERBISH = re.compile(
    r"\b(?:will|would|could|can|may|might|must|has|have|had|is|are|was|were|did|does|said|"
    r"says|\w+ed|\w+ly)\b"
)
# A noun cue owned by a common noun ("the agency's investigation"): its agent is unnamed.
_UNNAMED_OWNER = re.compile(r"\b[a-z]+['’]s\s+(?:[a-z-]+\s+){0,2}$")
# A verb's object described, then named in the clause after ("to investigate a political
# rival, Democrat Joe Biden, that ..."): the apposition names the object.
_DESCRIBED_THEN_NAMED = re.compile(r"\s+(?:a|an|the|his|her|their)\s+(?:[a-z-]+\s+){0,3}[a-z]+,\s*")
# "Trump ask Ukraine's president to investigate Biden", "urge troops to defy Trump": the one
# asked is the infinitive's doer; the one asking is the side against its object.
_ASKING = re.compile(
    rf"\b(?:{'|'.join(ASKING_VERBS)})\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\w.'’-]+\s+){{0,3}}$",
    re.IGNORECASE,
)
_ASKED_TO = re.compile(r"(?:['’]s?(?:\s+[a-z-]+){1,2})?\s+to\s+")
# A noun cue asked for ("requested yet another Justice Department investigation of"): the
# verb, then articles, "another", "new" and the capitalised words of the body named to act.
_REQUESTED = re.compile(
    rf"\b(?:{'|'.join(f'(?:{v})' for v in REQUESTING_VERBS)})\s+"
    r"(?:(?:a|an|the|yet|another|new|further|formal|full|[A-Z][\w.'’-]*)\s+){0,6}$",
    re.IGNORECASE,
)
# "battle to maintain control", "fighting to keep their seats": an effort to do something,
# not a conflict with the actors named after it ("fight to the end" is still a fight).
# "battling with X for second place", "a five-person battle with X, Y and Z" for second
# place": a contest for a place in a count (a horse race), no conflict between the sides.
_FOR_PLACE = re.compile(
    r".{0,80}?\bfor\s+(?:the\s+)?(?:first|second|third|fourth|fifth|last)"
    r"(?:\s+place\b|(?=[,.;]|\s+behind\b))",
    re.IGNORECASE,
)
_STRIVING = re.compile(r"battl(?:es?|ed|ing)|fights?|fighting|fought")
_TO_DO = re.compile(r"\s+to\s+(?!(?:the|a|an|his|her|their|its|this|that|death|end)\b)[a-z]+\b")
# "Fox said ... that Mr. Trump should never be trusted": an accusation in prose
# (`_SAID_ACCUSATION`), the accused named right before it (a possessive and up to three
# words between), its speaker the subject of the sentence (`_said_accusations`).
_ACCUSED_GAP = re.compile(r"(?:['’]s)?(?:\s+[\w'’-]+){0,3}?\s+['‘’“”\"]*")
_NOT_ACCUSED = re.compile(r"\b(?:not|never|no|n['’]t|that|who|which)\b", re.IGNORECASE)
# The subject's speech verb, after an aside ("Tom Fitton, the president of Judicial Watch,
# charged"), an adverb or a time ("said on Wednesday").
_SAYS = re.compile(
    rf"(?:,[^,;:]{{1,80}},)?\s+(?:[a-z]+\s+){{0,2}}?(?:{'|'.join(sorted(SPEECH_VERBS))})\b"
)
_SAID_WORDS = 20  # words from the speech verb to the one accused
# A verb or relation cue said not to happen ("did not dispute", "has never criticized",
# "doesn't oppose"), in lower-cased text.
# "Trump avoids condemning", "refused to condemn", "has avoided directly criticizing"
_NEGATED = re.compile(
    r"\b(?:(?:not|never|n['’]t)\s+(?:\w+ly\s+|been\s+)?|avoid(?:s|ed|ing)?\s+(?:\w+ly\s+)?|"
    r"(?:refus|declin|fail)\w*\s+(?:\w+ly\s+)?to\s+(?:\w+ly\s+)?)$"
)
_WAR_AFTER = re.compile(r"\s+(?i:wars?)\b")  # "the Iraq war": Iraq names the war
# Before a relation spoken of as a thing already known: "the" opening its clause (after a
# word such as "However,"), or "in the"/"amid the", and at most two words ("The current
# spat follows", "However, the current spat", "on the line in the dispute", "amid the trade
# tensions").
_THE_RELATION = re.compile(
    r"(?:(?:^|[.;:,—–]\s*|\s[-–—]\s+)(?:The|[A-Z]\w+,\s+the)|\b(?:in|amid)\s+the)"
    r"\s+(?:[\w'’“”\"-]+\s+){0,2}$"
)
_THAT_OR_AMONG = re.compile(r"\s+(?:that|among|within)\b")
# After a noun cue, before the party that wages it ("criticism from the Pentagon", "arrest
# by the ICC") or the one it is aimed at ("sanctions against Iran").
_BY_AGENT = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}(?:by|from)\s+(?:the\s+)?"
    r"(?:(?!(?:on|of|to|in|for|with|at|against|into)\s)[\w.'’-]+\s+){0,3}"
)
_AIMED_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:against|on|targeting|of|into)\s+(?:the\s+)?"
    r"(?:(?!(?:by|from|to|in|for|with|at)\s)[\w.'’-]+\s+){0,3}"
)
# Between an agent and the noun cue it wages: its owner's pronoun ("Sanders will tone down
# his attacks against", "Obama, whose criticism of") or a verb of waging ("launched a
# blistering attack on", "declared war on", "ordered sanctions reimposed on").
_WAGED = re.compile(
    r"(?:\b(?:his|her|their|its|whose)\s+(?:[\w-]+\s+){0,4}|\b(?:launch|wag|declar|impos|"
    r"carri|carry|order|fil|announc|threaten|level|unleash|step|ramp|ratchet|continu|made|"
    r"make|mount|escalat|intensif|renew)\w*\s+(?:[\w,-]+\s+){0,5})$"
)
_PLACE_BEFORE = re.compile(r"\b[A-Z][a-z]+,\s+$")  # "killed in Benghazi, Libya, have filed"
# "anti-NATO", "anti-Trump": opposition to the actor named right after the prefix.
_ANTI = re.compile(r"[Aa](?<![\w-].)nti-(?=[A-Z])")  # the test after the letter: `re` scans for it
# Who holds it: a group it heads ("anti-Trump delegates"), an actor it qualifies after a
# title word or none ("the anti-Trump National Review", "anti-Trump delegate Ken
# Cuccinelli"), or the owner of a stance ("the Republican nominee's pro-Russian, anti-NATO
# stance"), an actor or a role the article gives ("the ... nominee's").
_ANTI_HEADS = GROUP_HEADS | wordset("delegates voters Republicans Democrats conservatives groups")
_ANTI_SINGULAR = wordset("delegate protester demonstrator voter group")  # "anti-X delegate Y"
_ANTI_GROUP = re.compile(rf"\s+(?P<head>{'|'.join(sorted(_ANTI_HEADS))})\b")
_ANTI_HOLDER = re.compile(r"\s+(?:(?P<noun>[a-z]+)\s+)?")
_ANTI_STANCE = re.compile(
    r"\s+(?:stances?|positions?|views|rhetoric|polic(?:y|ies)|bias|agenda|crusade|message|"
    r"campaign|remarks|comments|vehicle)\b"
)
_ANTI_OWNER = re.compile(r"['’]s\s+(?:[\w-]+,?\s+){0,3}$")
_ROLE_OWNER = re.compile(r"\bthe\s+(?:[\w.'’-]+\s+){0,3}?(?P<noun>[a-z]+)$")
_OWNED_TARGET = re.compile(r"arrest|impeachment|indictment|investigation", re.IGNORECASE)
_MAX_TENSIONS = 6
_MIN_WORDS = 3

Mention = tuple[int, int, Entity]  # (start, end, entity) in one paragraph


@dataclass(frozen=True)
class _Cue:
    kind: str  # "verb" | "noun" | "relation"
    start: int
    end: int


@dataclass(frozen=True)
class _Found:
    parties: tuple[Entity, ...]
    evidence: str
    description: str
    target: Entity | None = None  # with three parties: the side the other two share one against

    def conflicts(self) -> list[frozenset[int]]:
        """The pairs of parties in conflict: both parties, or each of the joined subjects
        with the side they are against."""
        if self.target is None:
            return [frozenset(id(p) for p in self.parties)]
        target = self.target
        return [frozenset((id(p), id(target))) for p in self.parties if p is not target]


def find_tensions(
    paragraphs: list[Paragraph],
    registry: Registry,
    title: str | None = None,
    quotes: list[Quote] | None = None,
) -> list[Tension]:
    """Tensions in article order, at most one per pair of parties; first the conflict the
    headline states ("Gowdy rips Rosenstein"), when a lead sentence names both parties.
    With the article's ``quotes``, a quotation that opens with an accusation ("'The agency
    hid this email for years,' said Tom Fitton") is its speaker's against the one accused."""
    seen: set[frozenset[int]] = set()
    tensions: list[Tension] = []
    for person in registry.people():  # "Mr. Smith accused Mrs. Smith", not "Smith ... Smith"
        person.shown = registry.shown(person)
    headline = _from_headline(title, paragraphs, registry) if title else None
    accusing = [q for q in quotes or [] if _SAID_ACCUSATION.search(q.text.lower())]
    candidates = _candidates(paragraphs, registry, accusing)
    for found in itertools.chain([headline] if headline else [], candidates):
        keys = found.conflicts()
        if all(key in seen for key in keys):
            continue
        seen.update(keys)
        for party in found.parties:
            party.signals.add("party")
        names = [p.label for p in found.parties]
        tensions.append(
            Tension(parties=names, description=found.description, evidence=found.evidence)
        )
        if len(tensions) == _MAX_TENSIONS:
            break
    return tensions


def _from_headline(title: str, paragraphs: list[Paragraph], registry: Registry) -> _Found | None:
    """The conflict a headline states between two actors it names, one before the cue and
    one after, with the first lead sentence that names both as evidence."""
    named = _named_in(title, registry)
    if (said := _headline_speaker(title, named)) is not None:
        evidence = _lead_sentence(paragraphs[:_LEAD_PARAGRAPHS], registry, *said)
        evidence = evidence or _lead_sentence(paragraphs, registry, *said)
        return _Found(said, evidence, criticism(said[0].label, said[1].label)) if evidence else None
    cue = _HEADLINE_CUE.search(title.lower())
    called = next(_name_calling(title, named), None)
    if called and (cue is None or called.start < cue.start()):
        cue_span, kind = (called.start, called.end), "verb"
    elif cue is None or (cue.lastgroup == "relation" and _ended(title, cue.start())):
        return None
    else:
        cue_span, kind = cue.span(), cue.lastgroup or "relation"
    near = [m for m in named if _words_between(title, m, cue_span) <= _HEADLINE_GAP]
    before = [m for m in near if m[1] <= cue_span[0]]
    after = [m for m in near if m[0] >= cue_span[1]]
    pair = _headline_pair(title, named, before, after, cue_span, kind)
    if pair is None:
        return None
    a, b = pair
    if a[2] is b[2] or _same_side(a[2], b[2]):
        return None
    evidence = _lead_sentence(paragraphs[:_LEAD_PARAGRAPHS], registry, a[2], b[2])
    if evidence is None:  # "Clinton Goes After Trump" over a lead that names only one: the
        evidence = _lead_sentence(paragraphs, registry, a[2], b[2])  # headline states it
    if evidence is None:
        return None
    first, second = sorted((a, b), key=lambda m: m[0])
    description = describe(
        kind, title, cue_span, (first[0], first[1], first[2].label),
        (second[0], second[1], second[2].label), len(title),
    )  # fmt: skip
    return _Found((a[2], b[2]), evidence, description)


def _headline_speaker(title: str, named: list[Mention]) -> tuple[Entity, Entity] | None:
    """A headline that is a speaker, a colon and what the speaker says someone did that is
    criticism ("Judicial Watch: State Department Hid Key Clinton Email", "Rubio: I Still
    Believe Trump Can't Be Trusted"): the speaker and the one accused."""
    colon = title.find(": ")
    speaker = [m for m in named if m[0] == 0 and not title[m[1] : colon].strip()]
    if colon < 0 or not speaker:
        return None
    for m in named:
        if m[0] > colon and m[2] is not speaker[0][2] and _ACCUSATION.match(title, m[1]):
            return (speaker[0][2], m[2]) if ";" not in title[colon : m[1]] else None
    return None


def _headline_pair(
    title: str,
    named: list[Mention],
    before: list[Mention],
    after: list[Mention],
    cue: tuple[int, int],
    kind: str,
) -> tuple[Mention, Mention] | None:
    """The two sides of a headline's cue: the actor before it and the one after; for a
    relation, two actors joined before it ("Trump, Democrats at odds", "Bush, Rubio
    collide"); for a verb opening the headline, its object and the actor after the comma
    ("Railing Against Trump, Sanders Vows ...")."""
    joined = _joined_before(title, named, before) if kind == "relation" and before else None
    partner = _PARTNER_AFTER.match(title, cue[1]) or _VERSUS.fullmatch(title, *cue)
    if joined and not (after and partner):  # "X, Y clash over Z": Z is the topic
        return joined
    if before and after:
        if _OWNER_BETWEEN.search(title[cue[1] : after[0][0]]):
            return None  # "shoots down BuzzFeed's Cohen report": the object is not Cohen
        if _MODIFIES_PLURAL.match(title, after[0][1]):
            return None  # "heckles Sanders supporters": the object is not Sanders
        return before[-1], after[0]
    if kind == "relation" and before:
        return None
    if kind == "verb" and after and not title[: cue[0]].strip():
        comma = title.find(",", after[0][1])
        subject = [m for m in named if comma >= 0 and m[0] > comma]
        object_ends = not title[after[0][1] : comma].strip(" '’s")  # "Against Trump, Sanders"
        if subject and object_ends and not title[comma + 1 : subject[0][0]].strip():
            return subject[0], after[0]
    return None


def _joined_before(
    title: str, named: list[Mention], before: list[Mention]
) -> tuple[Mention, Mention] | None:
    """The last actor before a headline's cue and the one joined to it by a comma or "and"
    ("Trump, Democrats at odds", "Bush, Rubio collide")."""
    last = before[-1]
    joined = [m for m in named if m[1] <= last[0] and _JOINED.fullmatch(title[m[1] : last[0]])]
    return (joined[-1], last) if joined else None


def _words_between(text: str, mention: Mention, cue: tuple[int, int]) -> int:
    """Words between a name and the cue ("Mueller's Office Disputes": 1), or 99 when one
    of them starts another clause or a semicolon ends one."""
    gap = text[mention[1] : cue[0]] if mention[1] <= cue[0] else text[cue[1] : mention[0]]
    words = re.sub(r"^['’]s?\b", "", gap.strip()).split()
    if _CLAUSE_WORDS & {w.lower() for w in words} or ";" in gap:
        return 99  # "Absent Trump derides debate; Cruz fields attacks": not about Cruz
    return len(words)


def _named_in(text: str, registry: Registry) -> list[Mention]:
    """Where the registry's entities are named in ``text`` (a headline), longest form first."""
    found: list[Mention] = []
    for entity in registry.entities:
        forms = set(entity.forms)
        if entity.type == "person":
            forms.add(entity.tokens[-1])  # headlines name people by surname
        if entity.type == "group":  # "Black Lawmakers Rip Trump": title case of "lawmakers"
            forms |= {f.title() for f in forms if f.islower()}
        for form in sorted(forms, key=len, reverse=True):
            # the first place with no word character nor "." before it, no word after
            span = next(literal_spans(text, form, not_before="."), None)
            if span and not any(a < span[1] and span[0] < b for a, b, _ in found):
                found.append((span[0], span[1], entity))
                break
    return sorted(found, key=lambda m: m[0])


def _lead_sentence(
    paragraphs: list[Paragraph], registry: Registry, a: Entity, b: Entity
) -> str | None:
    """The first sentence of ``paragraphs`` that names both ``a`` and ``b``."""
    for para in paragraphs:
        for start, end in para.sentences():
            named = {id(e) for _, _, e in registry.mentions_in(para.index, start, end)}
            sentence = para.text[start:end].strip()
            if {id(a), id(b)} <= named and len(sentence.split()) <= _MAX_EVIDENCE_WORDS:
                return sentence
    return None


def _for_place(para: Paragraph, end: int) -> bool:
    """A contest for a place in a count follows the cue in its sentence (`_FOR_PLACE`)."""
    return _FOR_PLACE.match(para.text, end, para.sentence_span(end)[1]) is not None


def _ended(text: str, cue: int) -> bool:
    """A feud or dispute said to be over ("Hannity ends feud with Rubio") is no tension."""
    return bool(_ENDED.search(text[max(0, cue - 30) : cue]))


def _candidates(
    paragraphs: list[Paragraph], registry: Registry, accusing: list[Quote]
) -> Iterator[_Found]:
    keys = _name_keys(registry)
    # `_NAME_CALLING` only on a paragraph whose lower case holds a verb's stem, unless the
    # article holds a character `re.I` reads as an ASCII letter ("ſ" for "s": `str.lower`
    # leaves it): 751 of the 8829 paragraphs of the tuning articles hold one
    folds = FOLDS_TO_ASCII.search("\n".join(p.text for p in paragraphs)) is not None
    for para in paragraphs:
        joined = list(_compounds(para, keys))
        yield from (found for _, found in joined)
        lower = para.text.lower()
        mentions = registry.mentions_in(para.index, 0, len(para.text))
        mutual = list(_mutual(para, mentions))
        for m in _cues(lower):
            if m.lastgroup == "relation" and _ended(para.text, m.start()):
                continue
            if _STRIVING.fullmatch(m.group()) and _TO_DO.match(para.text, m.end()):
                continue  # "Republicans battle to maintain control of the House": an effort
            if _STRIVING.fullmatch(m.group()) and _for_place(para, m.end()):
                continue  # "battling with Rubio for second place": a standing, no conflict
            if any(a <= m.start() < b for (a, b), _ in joined):
                continue  # "the U.S.-China trade war" has its sides already
            if m.lastgroup == "noun" and any(a <= m.start() < b for (a, b), _ in mutual):
                continue  # "Snowden, WikiLeaks clash over DNC emails": "clash" has its sides
            if m.lastgroup != "noun" and _NEGATED.search(lower, max(0, m.start() - 24), m.start()):
                continue  # "he did not dispute that ...", "never criticized X": none stated
            kind = m.lastgroup or "relation"
            if kind == "relation" and _TRANSITIVE.match(para.text, m.start()):
                kind = "verb"  # "Trump disputed the newspaper's account": subject and object
            cue = _Cue(kind, m.start(), m.end())
            yield from _around(para, cue, registry)
        if _may_call_names(lower, folds):
            for cue in _name_calling(para.text, mentions):
                yield from _around(para, cue, registry)
        yield from _said_accusations(para, lower, mentions)
        yield from (found for _, found in mutual)
        yield from _anti_stances(para, registry, mentions)
        for quote in accusing:
            if quote.text in para.text:
                yield from _quoted_accusation(para, lower, registry, quote)


def _mutual(para: Paragraph, mentions: list[Mention]) -> Iterator[tuple[tuple[int, int], _Found]]:
    """A verb both sides do to each other (with the verb's span), the two named as its
    subject and joined by "and" ("Pompeo and Bolton clashed on a number of issues", "India
    and Pakistan spar over"), or by a comma in a line a headline's way ("Snowden, WikiLeaks
    clash over DNC emails", the first name opening it); not with "with" after it (one side
    is then its object), nor a name that qualifies a noun ("Trump and Cruz supporters
    clashed"); only adverbs between the second and the verb ("never", "did not" part them:
    no clash stated)."""
    text = para.text
    if not any(stem in text for stem in _MUTUAL_VERBS):
        return  # (and `_outer`, quadratic in the mentions, only for a paragraph with a verb)
    verbs = list(_MUTUAL_VERB.finditer(text))
    if not verbs:
        return
    mentions = _outer(mentions)  # "Hillary Clinton", not the "Clinton" inside it
    for m in verbs:
        second = [x for x in mentions if _MUTUAL_GAP.fullmatch(text, x[1], m.start())]
        first = [x for x in mentions if second and _joined_to(para, x, second[-1])]
        if not first or not _subject_like(first[-1], text):  # "supporters of X and Y clashed"
            continue
        a, b = first[-1][2], second[-1][2]
        if _same_side(a, b):
            continue
        start, end = para.sentence_span(m.start())
        evidence = text[start:end].strip()
        if len(evidence.split()) <= _MAX_EVIDENCE_WORDS:
            yield m.span(), _Found((a, b), evidence, clashed(a.label, b.label))


def _joined_to(para: Paragraph, first: Mention, second: Mention) -> bool:
    """``first`` and ``second`` joined by "and", or by a comma with ``first`` opening its
    sentence ("Snowden, WikiLeaks clash over ...": a headline's way of joining)."""
    text = para.text
    if _AND.fullmatch(text, first[1], second[0]):
        return True
    opens = not text[para.sentence_span(first[0])[0] : first[0]].strip()
    return opens and _COMMA.fullmatch(text, first[1], second[0]) is not None


def _anti_stances(para: Paragraph, registry: Registry, mentions: list[Mention]) -> Iterator[_Found]:
    """Opposition an "anti-" word states ("anti-Trump delegates", "the anti-Trump National
    Review", "the Republican nominee's pro-Russian, anti-NATO stance"): the one who holds
    it against the actor named after the prefix; a group it heads is made one of its own
    ("anti-Trump delegates"), as the registry's heads leave such groups out."""
    text = para.text
    for m in _ANTI.finditer(text):
        target = _named_at(text, m.end(), registry)
        if target is None or para.inside_quote(m.start()):
            continue
        holder = _anti_holder(para, registry, mentions, m.start(), target)
        if holder is None or holder[2] is target[2] or _same_side(holder[2], target[2]):
            continue
        start, end = para.sentence_span(m.start())
        evidence = text[start:end].strip()
        if len(evidence.split()) > _MAX_EVIDENCE_WORDS:
            continue
        held, aimed = ((x[0], x[1], x[2].label) for x in (holder, target))
        description = describe("stance", text, (m.start(), m.end()), held, aimed, end)
        yield _Found((holder[2], target[2]), evidence, description)


def _named_at(text: str, at: int, registry: Registry) -> Mention | None:
    """The actor named at ``at`` right after a prefix the registry's mentions leave out
    ("anti-NATO", "anti-Trump": a person by surname too), its longest form."""
    best: Mention | None = None
    for entity in registry.entities:
        forms = {*entity.forms, entity.tokens[-1]} if entity.type == "person" else entity.forms
        for form in forms:
            end = at + len(form)
            longer = best is None or end > best[1]
            if longer and text.startswith(form, at) and not re.match(r"[\w'’-]", text[end:]):
                best = (at, end, entity)
    return best


def _anti_holder(
    para: Paragraph, registry: Registry, mentions: list[Mention], anti: int, target: Mention
) -> Mention | None:
    """Who holds the opposition of an "anti-" word at ``anti`` (see `_anti_stances`)."""
    text = para.text
    if (group := _ANTI_GROUP.match(text, target[1])) is not None:
        if re.search(r"\band\s+$", text[max(0, anti - 5) : anti]):
            return None  # "the anti-Trump and anti-Cruz activists": one group, two stances
        name = text[anti : group.end()]
        body = registry.add_body(name, ((para.index, anti), group.end()), kind="group")
        return (anti, group.end(), body)
    qualified = [
        x
        for x in mentions
        if x[0] > target[1]
        and x[2].type in ("person", "organization")
        and (between := _ANTI_HOLDER.fullmatch(text, target[1], x[0])) is not None
        and (not between["noun"] or between["noun"] in ROLE_NOUNS | _ANTI_SINGULAR)
        and not _possessor(x, text)  # "the anti-Trump message Clinton's forces expect"
    ]
    if qualified:
        return qualified[0]
    owner = _ANTI_OWNER.search(text, 0, anti)
    if owner is None or not _ANTI_STANCE.match(text, target[1]):
        return None
    owners = [x for x in mentions if x[1] == owner.start()]
    if owners:
        return owners[0]
    role = _ROLE_OWNER.search(text, 0, owner.start())
    if role is None or role["noun"] not in ROLE_NOUNS:
        return None
    start = para.sentence_span(anti)[0]
    named = [x for x in _outer(mentions) if start <= x[0] < role.start() and x[2].type == "person"]
    who = registry.by_role(role["noun"], (para.index, role.start()))
    if who is None and len({id(x[2]) for x in named}) == 1:
        who = named[0][2]  # "Donald Trump's recent gains ... if the Republican nominee's"
    return (role.start(), owner.start(), who) if who is not None else None


def _said_accusations(para: Paragraph, lower: str, mentions: list[Mention]) -> Iterator[_Found]:
    """An accusation a sentence's subject makes of an actor, in prose ("Fox said on
    Wednesday that the invitation from Mr. Pena Nieto was a mistake and that Mr. Trump
    should never be trusted", "Fitton charged that Mrs. Clinton ''hid'' the documents"):
    the subject, its speech verb, then the one accused right before the accusation."""
    text = para.text
    for m in _SAID_ACCUSATION.finditer(lower):
        start, end = para.sentence_span(m.start())
        y = _accused(text, [x for x in mentions if start <= x[0]], m)
        if y is None or para.inside_quote(y[0]):
            continue
        segment = max(start, text.rfind(":", start, y[0]) + 1, text.rfind(";", start, y[0]) + 1)
        subject = next((x for x in mentions if segment <= x[0] < y[0]), None)
        if subject is None or subject[2] is y[2] or _same_side(subject[2], y[2]):
            continue
        if not _SENTENCE_SUBJECT.fullmatch(text[segment : subject[0]].lstrip()):
            continue  # the subject opens the sentence (or the clause after a colon)
        says = _SAYS.match(text, subject[1])
        if says is None or says.end() > y[0] or len(text[says.end() : y[0]].split()) > _SAID_WORDS:
            continue
        evidence = text[start:end].strip()
        if len(evidence.split()) <= _MAX_EVIDENCE_WORDS:
            yield _Found((subject[2], y[2]), evidence, criticism(subject[2].label, y[2].label))


def _quoted_accusation(
    para: Paragraph, lower: str, registry: Registry, quote: Quote
) -> Iterator[_Found]:
    """A quotation that opens with an accusation of an actor ("'The Obama administration
    and Clinton officials hid this email for years,' said Tom Fitton"): its speaker
    against the one accused."""
    speaker = next((e for e in registry.entities if e.label == quote.speaker), None)
    at = para.text.find(quote.text)
    accusation = _SAID_ACCUSATION.search(lower, at, at + len(quote.text))
    if speaker is None or accusation is None:
        return
    start = at + len(quote.text) - len(quote.text.lstrip())
    start += 4 if para.text.startswith(("The ", "the "), start) else 0
    opening = [
        x for x in registry.mentions_in(para.index, start, accusation.start()) if x[0] == start
    ]
    y = _accused(para.text, opening, accusation)
    if y is None or y[2] is speaker or _same_side(y[2], speaker):
        return
    begin, stop = para.sentence_span(at)
    evidence = para.text[begin:stop].strip()
    if len(evidence.split()) <= _MAX_EVIDENCE_WORDS:
        yield _Found((speaker, y[2]), evidence, criticism(speaker.label, y[2].label))


def _accused(text: str, mentions: list[Mention], accusation: re.Match[str]) -> Mention | None:
    """The actor an accusation is made of: named right before it, up to three words between
    ("The Obama administration and Clinton officials hid"), the longest name ending there
    ("Mrs. Clinton", not "Clinton"); not when the words between negate it or open a clause
    ("never lied", "believes that Iraq was a mistake"). A mistake is an actor's only when
    the actor owns it ("the invitation from Mr. Pena Nieto was a mistake")."""
    at = accusation.start()
    found = [
        x
        for x in mentions
        if x[1] <= at
        and _ACCUSED_GAP.fullmatch(text, x[1], at)
        and not _NOT_ACCUSED.search(text, x[1], at)
    ]
    if not found:
        return None
    y = max(found, key=lambda x: (x[1], x[1] - x[0]))
    if accusation.group().lower().endswith("mistake") and not (
        _possessor(y, text) or re.search(r"\b(?:from|by|of)\s+$", text[max(0, y[0] - 8) : y[0]])
    ):
        return None
    return y


def _cues(text: str) -> Iterator[re.Match[str]]:
    """`_CUE.finditer(text)`, faster: `_CUE_START` finds where a cue starts (it matches
    where `_CUE` does), `_CUE` matches there."""
    pos = 0
    while (start := _CUE_START.search(text, pos)) is not None:
        m = _CUE.match(text, start.start())
        if m is None:  # cannot happen: both patterns hold the same words
            pos = start.end()
            continue
        yield m
        pos = m.end()


def _may_call_names(lower: str, folds: bool) -> bool:
    """Whether `_NAME_CALLING` may match in a text whose lower case is ``lower``: it holds
    a verb's stem, or ``folds``, its article holds a character `re.I` reads as an ASCII
    letter (`FOLDS_TO_ASCII`: "ſ" is "s" to `re.I`, and `str.lower` leaves it)."""
    return folds or any(stem in lower for stem in _CALLING_VERBS)


def _name_calling(text: str, mentions: list[Mention]) -> Iterator[_Cue]:
    """Verbs that call an actor a name of abuse ("called Trump a 'pathological liar'",
    "called Johnson's move 'sinister'"), as verb cues: the one called is an actor named
    right after the verb."""
    for m in _NAME_CALLING.finditer(text):
        if not _PEJORATIVE.search(m["name"]):
            continue
        start, end = m.span("object")
        if any(start <= a < end and _NAMED_OBJECT.fullmatch(text[start:a]) for a, _, _ in mentions):
            yield _Cue("verb", m.start("cue"), m.end("cue"))


def _name_keys(registry: Registry) -> dict[tuple[str, ...], Entity]:
    """Each entity by the key of every form it is named by ("U.S." = "US" = "United States")."""
    keys: dict[tuple[str, ...], Entity] = {}
    for entity in registry.entities:
        for form in {entity.name, *entity.forms}:
            keys.setdefault(name_key(form), entity)
    for seat, state in METONYMS.items():
        if (named := keys.get(name_key(state))) is not None:
            keys.setdefault(name_key(seat), named)
    return keys


def _compounds(
    para: Paragraph, keys: dict[tuple[str, ...], Entity]
) -> Iterator[tuple[tuple[int, int], _Found]]:
    """The two sides a hyphen joins before a conflict noun ("the U.S.-China trade war",
    "U.S.-Iran tensions", "strained US-Turkey ties"), with the match's span."""
    for m in _COMPOUND.finditer(para.text):
        a, b = keys.get(name_key(m["a"])), keys.get(name_key(m["b"]))
        cue = m["cue"].lower()
        if a is None or b is None or a is b or _same_side(a, b) or _ended(para.text, m.start()):
            continue
        if cue in ("ties", "relations") and not _STRAINED.search(para.text[: m.start()]):
            continue  # "US-Turkey ties" are strained only when the text says so
        start, end = para.sentence_span(m.start())
        evidence = para.text[start:end].strip()
        if len(evidence.split()) > _MAX_EVIDENCE_WORDS:
            continue
        kind = "noun" if re.match(r"wars?|conflicts?|clash", cue) else "relation"
        cue_span = (m.start("cue"), m.end("cue"))
        if cue in ("ties", "relations"):
            strained = _STRAINED.search(para.text[: m.start()])
            cue_span = strained.span(1) if strained else cue_span
        description = describe(
            kind, para.text, cue_span, (m.start("a"), m.end("a"), a.label),
            (m.start("b"), m.end("b"), b.label), end,
        )  # fmt: skip
        yield (m.start(), m.end()), _Found((a, b), evidence, description)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of one sentence."""
    bounds = [start]
    place = -1  # the end of a "Tulsa, Okla.," aside: its commas end no clause
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.start() <= place:
            continue
        if text[m.start()] == "," and (state := _STATE_ABBREVIATION.match(text, m.end())):
            place = state.end()
            continue
        bounds.append(m.end())
    bounds.append(end)
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def _around(para: Paragraph, cue: _Cue, registry: Registry) -> list[_Found]:
    """The parties of one cue and the evidence that states the tension; one tension more
    for a subject joined by "and" ("Israel and the United States opposed X")."""
    sentence = para.sentence_span(cue.start)
    if " | " in para.text[sentence[0] : cue.start]:
        return []  # a list of linked headlines scraped into the text ("... | Senate reviews ...")
    clauses = _clauses(para.text, *sentence)
    at = next(i for i, (a, b) in enumerate(clauses) if a <= cue.start < b or i == len(clauses) - 1)
    window = [clauses[at]]
    j = at - 1
    while j >= 0 and (
        _APPOSITIVE.match(para.text, clauses[j][0])
        or _PARTY_APPOSITIVE.fullmatch(para.text, clauses[j][0], clauses[j][1])
        or (j > 0 and _POSSESSOR_APPOSITIVE.match(para.text, clauses[j][0]))
    ):
        j -= 1  # "X, the chairman of Y, accused Z": look past the aside for the subject
    if j >= 0:
        window.insert(0, clauses[j])
    described = _DESCRIBED_THEN_NAMED.fullmatch(para.text, cue.end, clauses[at][1])
    if cue.kind == "verb" and described and at + 1 < len(clauses):
        window += _apposition(para, registry, clauses[at + 1])  # "a rival, Democrat Joe Biden,"
    mentions = _outer([m for a, b in window for m in registry.mentions_in(para.index, a, b)])
    mentions = [m for m in mentions if not _names_a_war(m, para.text)]
    mentions = [m for m in mentions if not _names_an_event(m, para.text)]
    mentions += _targets(para.text, window[0][0], window[-1][1], registry, mentions)
    mentions += _acronyms(para.text, window, registry, mentions)
    if cue.kind != "noun":  # "Europe has long been at odds with Trump, who withdrew from"
        mentions += _regions(para, window, registry, mentions)  # is not Europe's withdrawal
    mentions += _party_members(para.text, window, registry, mentions)
    if cue.kind == "verb":
        mentions = _supporters(para, window, registry, mentions)
    text = para.text
    aside = None
    if j >= 0 and j < at - 1:  # the aside looked past does not part subject and verb
        aside = slice(clauses[j + 1][0], clauses[at][0])
        text = text[: aside.start] + " " * (aside.stop - aside.start) + text[aside.stop :]
    if cue.kind == "noun" and not _NONE_OF.search(text[max(0, cue.start - 30) : cue.start]):
        for m in mentions:  # "sanctions against Iran": Iran is acted upon, paired or not;
            # not in "no increased threat from forces in Iraq"
            if m[0] >= cue.end and _tied(m, cue, text):
                head = _head(m, mentions, text) or m  # "charges against GOP consultant Stone"
                # not a name that only qualifies what is aimed at: "the attack on the U.S.
                # consulate in Benghazi" is on a building, no act against the state
                if not registry.qualifies_noun(para.index, head[0], head[1]):
                    head[2].signals.add("target")
    pair = _pick(_distinct(mentions, cue.start), cue, text)
    if pair is None and cue.kind == "verb":
        pair = _participle_pair(para, registry, clauses, at, cue, mentions, text)
    if pair is None and cue.kind == "verb":
        pair = _opening_participle_pair(para, registry, clauses, at, cue, mentions, text)
    if pair is None and cue.kind == "verb":
        pair = _pronoun_pair(para, registry, sentence[0], cue, mentions, text)
    if pair is None and cue.kind in ("verb", "relation"):
        pair = _described_object_pair(para, registry, cue, mentions, text)
    if pair is None:
        pair = _reaction_pair(para, registry, sentence[0], cue, mentions, text)
    if pair is None and cue.kind == "verb":
        pair = _unregistered_object(para, registry, cue, mentions, text)
    reach = None  # where the person a pronoun object means is named, for the evidence
    if pair is None and cue.kind == "verb":
        found_object = _pronoun_object_pair(para, registry, sentence[0], cue, mentions, text)
        pair, reach = found_object if found_object else (None, None)
    if pair is None or pair[0][2] is pair[1][2]:
        return []  # one actor on both sides ("He mocked Rubio", "he" taken for Rubio)
    if _echoed(pair, cue, text):
        return []
    joined = _joined_subject(mentions, pair[0], para.text) if cue.kind == "verb" else None
    if joined is not None and _same_side(joined[2], pair[1][2]):
        joined = None
    if _same_side(pair[0][2], pair[1][2]):
        pair, joined = ((joined, pair[1]), None) if joined is not None else (pair, None)
        if _same_side(pair[0][2], pair[1][2]):
            return []
    outer = _owner_joined(mentions, joined or pair[0], para.text) if cue.kind == "verb" else None
    if outer is not None and (_same_side(outer[2], pair[1][2]) or outer[2] is pair[1][2]):
        outer = None
    if joined is None:
        joined, outer = outer, None
    found = _found(para, cue, clauses, at, pair, joined, aside, reach, outer)
    return [found] if found is not None else []


def _echoed(pair: tuple[Mention, Mention], cue: _Cue, text: str) -> bool:
    """One side echoes the other's criticism ("Clinton's attacks were echoed by Democrats",
    "Democrats largely echoed Clinton's line of criticism"): both are on one side."""
    first, second = sorted(pair)
    owner = any(_possessor(m, text) and 0 <= cue.start - m[1] <= 25 for m in pair)
    return owner and _ECHO.search(text, first[1], second[0]) is not None


def _names_an_event(mention: Mention, text: str) -> bool:
    """A name that qualifies an event somewhere is at ("rebuffed at a White House meeting",
    "criticism at a Commerce Department hearing"): where it happened, no party to it."""
    start, end, _ = mention
    return bool(_AT_EVENT.search(text, max(0, start - 12), start) and _EVENT_NOUN.match(text, end))


def _outer(mentions: list[Mention]) -> list[Mention]:
    """Without a name the registry also found inside a longer one that ends with it or
    names a person ("House" in "the White House", "Bush" in "Jeb Bush", "Clinton" in
    "Mrs. Clinton"); a name that opens a longer one stays ("Trump" in "Trump campaign").
    A longer name made of two others ("Russia Pentagon" from a run of scraped link text,
    "Trump White House") is not one: its parts stay and it goes."""

    def inside(m: Mention, o: Mention) -> bool:
        return o[0] <= m[0] and m[1] <= o[1] and o[1] - o[0] > m[1] - m[0]

    runs = {
        id(o) for o in mentions if o[2].type != "person" and sum(inside(m, o) for m in mentions) > 1
    }
    kept = [o for o in mentions if id(o) not in runs]
    return [
        m
        for m in kept
        if not any(inside(m, o) and (o[1] == m[1] or o[2].type == "person") for o in kept)
    ]


def _names_a_war(mention: Mention, text: str) -> bool:
    """A war, not a party: a name the registry took for an actor ("the Cold War"), or a
    place that names one ("opposed the Iraq war", "the Vietnam War")."""
    return mention[2].tokens[-1].lower() in ("war", "wars") or bool(
        _WAR_AFTER.match(text, mention[1])
    )


def _apposition(
    para: Paragraph, registry: Registry, clause: tuple[int, int]
) -> list[tuple[int, int]]:
    """``clause`` when it is only a name, after title words ("Democrat Joe Biden,"): an
    apposition naming the object described before it ("investigate a political rival")."""
    named = registry.mentions_in(para.index, *clause)
    if not named:
        return []
    start, end, _ = named[0]
    title_words = re.fullmatch(r"(?:[A-Z][\w.'’-]*\s+){0,3}", para.text[clause[0] : start])
    return [clause] if title_words and re.fullmatch(r"[\s,;.]*", para.text[end : clause[1]]) else []


def _participle_pair(
    para: Paragraph,
    registry: Registry,
    clauses: list[tuple[int, int]],
    at: int,
    cue: _Cue,
    mentions: list[Mention],
    text: str,
) -> tuple[Mention, Mention] | None:
    """A participle clause takes the sentence's subject ("Gunmen stormed a hotel ...,
    killing a guard and battling security forces inside"): the actor that opens the
    sentence, when the cue's clause opens with the participle."""
    opening = text[clauses[at][0] : cue.start]
    if at == 0 or not text[cue.start : cue.end].endswith("ing"):
        return None
    if not re.fullmatch(r"(?:[a-z]+ing\b[^,;]*?\s+and\s+)?", opening):
        return None
    start = clauses[0][0]
    first = registry.mentions_in(para.index, start, clauses[0][1])
    if not first or not _SENTENCE_SUBJECT.fullmatch(text[start : first[0][0]]):
        return None
    if _possessor(first[0], text):
        return None  # "Clinton's husband, Bill, ..., accusing ...": the husband acts
    subject = first[0]
    blanked = text[: subject[1]] + " " * (cue.start - subject[1]) + text[cue.start :]
    return _pick([subject, *(m for m in mentions if m[0] >= cue.end)], cue, blanked)


def _opening_participle_pair(
    para: Paragraph,
    registry: Registry,
    clauses: list[tuple[int, int]],
    at: int,
    cue: _Cue,
    mentions: list[Mention],
    text: str,
) -> tuple[Mention, Mention] | None:
    """A participle opening the sentence takes the main clause's subject ("After blasting
    the Drudge Report for linking to ..., Glenn Beck doubled down"): the actor that opens
    the next clause, before its verb, against the participle's object."""
    if at != 0 or len(clauses) < 2:
        return None
    participle = text[cue.start : cue.end].split()[0].endswith("ing")
    if not (
        (participle and _OPENING_PARTICIPLE.fullmatch(text, clauses[0][0], cue.start))
        or _OPENING_EFFORT.fullmatch(text, clauses[0][0], cue.start)
    ):
        return None
    objects = [m for m in mentions if m[0] >= cue.end and _TITLES.fullmatch(text, cue.end, m[0])]
    named = objects[0] if objects else None
    if named is None:
        named = _unregistered_person(para, registry, cue, mentions, text)
        named = named or _unregistered_body(para, registry, cue, mentions, text)
    main = registry.mentions_in(para.index, *clauses[1])
    if named is None or not main or main[0][2] is named[2]:
        return None
    subject = main[0]
    if not _SENTENCE_SUBJECT.fullmatch(text, clauses[1][0], subject[0]):
        return None
    if not _MAIN_VERB.match(text, subject[1]):
        return None  # "After attacking X, Y's aides said": the aides, not Y
    return subject, named


def _pronoun_pair(
    para: Paragraph,
    registry: Registry,
    start: int,
    cue: _Cue,
    mentions: list[Mention],
    text: str,
) -> tuple[Mention, Mention] | None:
    """A sentence opening "He blasted Y" or "She has accused Y": the subject is the person
    "he" or "she" means there (`Registry.subject_before`), the object the actor after."""
    m = _PRONOUN_SUBJECT.fullmatch(text, start, cue.start)
    if m is None or para.inside_quote(cue.start):
        return None
    gender = "m" if m["pronoun"].lower() == "he" else "f"
    person = registry.subject_before((para.index, m.start("pronoun")), gender)
    if person is None:
        return None
    subject = (m.start("pronoun"), m.end("pronoun"), person)
    return _pick([subject, *(x for x in mentions if x[0] >= cue.end)], cue, text)


def _described_object_pair(
    para: Paragraph, registry: Registry, cue: _Cue, mentions: list[Mention], text: str
) -> tuple[Mention, Mention] | None:
    """A verb whose object, or a relation whose partner after "with", is named by a role
    ("an inquiry into whether to impeach the Republican president"): the person of that
    role named last before (`Registry.by_role`), else the one body the article names
    with that head word ("disagreed with the court's decision": the International
    Criminal Court); with the subject before the cue."""
    at = cue.end
    if cue.kind == "relation":
        partner = _WITH_WORD.match(text, cue.end)
        if partner is None:
            return None
        at = partner.end()
    m = _DESCRIBED.match(text, at)
    if m is None:
        return None
    who = registry.by_role(m["noun"], (para.index, cue.start)) or _body_named(registry, m["noun"])
    if who is None and _CONDEMNED.match(text, cue.start) and _ATTACK.fullmatch(m["noun"]):
        who = _attackers(registry)  # "Imran Khan issued a statement condemning the attack"
    if who is None:
        return None
    described = (m.start("description"), m.end(), who)
    before = [x for x in mentions if x[1] <= cue.start]
    return _pick(_distinct([*before, described], cue.start), cue, text)  # nearest subject


def _attackers(registry: Registry) -> Entity | None:
    """The group of attackers the article names first ("Gunmen stormed a luxury hotel"; the
    "insurgents" of an earlier attack come later), the side a condemnation of "the attack"
    is against."""
    groups = [
        e for e in registry.entities if e.type == "group" and e.tokens[-1].lower() in _ATTACKERS
    ]
    return min(groups, key=lambda e: e.first) if groups else None


def _body_named(registry: Registry, noun: str) -> Entity | None:
    """The one organisation whose name ends in ``noun`` ("the court": the International
    Criminal Court), if only one does."""
    if noun == "party":
        return None  # "Graham urged Republicans ... and criticized the party": whose party?
    bodies = [
        e for e in registry.entities if e.type == "organization" and e.tokens[-1].lower() == noun
    ]
    return bodies[0] if len(bodies) == 1 else None


def _reaction_pair(
    para: Paragraph,
    registry: Registry,
    start: int,
    cue: _Cue,
    mentions: list[Mention],
    text: str,
) -> tuple[Mention, Mention] | None:
    """ "X's assertion ... drew rebukes from Y", "X faced criticism from Y": Y reacts
    against the sentence's subject, or the subject's owner, however long the subject is."""
    if not _REACTION.search(text[max(start, cue.start - 40) : cue.start]):
        return None
    source = _FROM.match(text, cue.end)
    reacting = [m for m in mentions if source and m[0] == source.end()]
    if source and not reacting:
        reacting = _reacting_group(para, registry, source.end(), mentions)
    named = registry.mentions_in(para.index, start, cue.start)
    first = sorted(named, key=lambda m: (m[0], m[0] - m[1]))[:1]  # "The Obama administration"
    if not reacting or not first or not _SENTENCE_SUBJECT.fullmatch(text[start : first[0][0]]):
        return None
    if first[0][2] is reacting[0][2] or not re.match(r"(?:['’]s?)?\s|,\s", text[first[0][1] :]):
        return None
    return first[0], reacting[0]


def _reacting_group(
    para: Paragraph, registry: Registry, at: int, mentions: list[Mention]
) -> list[Mention]:
    """A group the registry did not hold, named right after "from" (`_REACTING_GROUP`),
    made a group of its own; none when a held actor is named inside it."""
    m = _REACTING_GROUP.match(para.text, at)
    if m is None or any(at <= a < m.end() for a, _, _ in mentions):
        return []
    return [(at, m.end(), registry.add_body(m.group(), ((para.index, at), m.end()), kind="group"))]


def _unregistered_object(
    para: Paragraph, registry: Registry, cue: _Cue, mentions: list[Mention], text: str
) -> tuple[Mention, Mention] | None:
    """A person the registry did not hold, named in full with a known given name as the
    verb's object after title words ("attacked Tennessee Democratic Senate Candidate Phil
    Bredesen as ..."): made a candidate actor of its own, as the quote rules make a
    speaker the registry missed."""
    named = _unregistered_person(para, registry, cue, mentions, text) or _unregistered_body(
        para, registry, cue, mentions, text
    )
    if named is None:
        return None
    before = [x for x in mentions if x[1] <= cue.start]
    return _pick(_distinct([*before, named], cue.start), cue, text)


def _unregistered_person(
    para: Paragraph, registry: Registry, cue: _Cue, mentions: list[Mention], text: str
) -> Mention | None:
    m = _FULL_NAME_OBJECT.match(text, cue.end)
    if m is None or m["given"] not in GIVEN_NAMES:
        return None
    if any(m.start("name") < b and a < m.end("name") for a, b, _ in mentions):
        return None
    person = registry.add_person(m["name"], ((para.index, m.start("name")), m.end("name")))
    return (m.start("name"), m.end("name"), person)


def _unregistered_body(
    para: Paragraph, registry: Registry, cue: _Cue, mentions: list[Mention], text: str
) -> Mention | None:
    """A state or an outlet the registry did not hold, the verb's object (`_BODY_OBJECT`):
    made an organisation of its own ("sue the state of Arizona": Arizona)."""
    m = _BODY_OBJECT.match(text, cue.end)
    group = "state" if m is not None and m["state"] else "outlet"
    if m is None or (group == "state" and m["state"] not in US_STATES):
        return None
    start, end = m.span(group)
    if any(start < b and a < end for a, b, _ in mentions):
        return None
    return (start, end, registry.add_body(m[group], ((para.index, start), end)))


def _pronoun_object_pair(
    para: Paragraph,
    registry: Registry,
    start: int,
    cue: _Cue,
    mentions: list[Mention],
    text: str,
) -> tuple[tuple[Mention, Mention], int] | None:
    """A verb whose object is "him" or "her" ("Clinton's campaign has criticized him",
    "accused her of making racist remarks"): the object is the person of that gender named
    last before the cue in the same sentence who is not the verb's subject; with where
    that person is named, so the evidence names them."""
    m = _PRONOUN_AS_OBJECT.match(text, cue.end)
    if m is None or para.inside_quote(cue.start):
        return None
    gender = "m" if m["pronoun"] == "him" else "f"
    named = [
        x
        for x in _outer(registry.mentions_in(para.index, start, cue.start))
        if x[2].type == "person" and registry.gender(x[2]) == gender
    ]
    at = (m.start("pronoun"), m.end("pronoun"))
    masked = text[: at[0]] + m["pronoun"].upper() + text[at[1] :]  # no longer `_PRONOUN_OBJECT`
    for referent in reversed(named):
        before = [x for x in mentions if x[1] <= cue.start and x[2] is not referent[2]]
        pair = _pick(_distinct([*before, (*at, referent[2])], cue.start), cue, masked)
        if pair is not None:
            return pair, referent[0]
    return None


def _joined_subject(mentions: list[Mention], subject: Mention, text: str) -> Mention | None:
    """The actor joined to a verb's subject by "and" ("Israel and the United States")."""
    for m in mentions:
        if m[2] is not subject[2] and re.fullmatch(
            r"\s+and\s+(?:the\s+)?", text[m[1] : subject[0]]
        ):
            return m
    return None


def _owner_joined(mentions: list[Mention], subject: Mention, text: str) -> Mention | None:
    """The actor joined by "and" to a subject that is what a named actor has ("The
    Democratic Party and the presidential campaigns of Hillary Clinton and Bernie Sanders
    will sue": the Democratic Party, before the campaigns of Clinton)."""
    for m in mentions:
        if m[2] is not subject[2] and _JOINED_OWNER.fullmatch(text, m[1], subject[0]):
            return m
    return None


def _found(
    para: Paragraph,
    cue: _Cue,
    clauses: list[tuple[int, int]],
    at: int,
    pair: tuple[Mention, Mention],
    joined: Mention | None = None,
    aside: slice | None = None,
    reach: int | None = None,
    outer: Mention | None = None,
) -> _Found | None:
    """The evidence and description of a tension between ``pair`` (subject, object); with
    the actor ``joined`` to the subject by "and" ("Britain and Poland blamed Moscow"), one
    tension of three parties: the subjects share one side, as a reader lists them. The
    description reads the sentence without the ``aside`` looked past between the subject
    and the verb ("X, the chairman of Y, accused Z": "X accused Z."). The evidence starts
    no later than ``reach`` (where the person a pronoun object means is named). An
    ``outer`` actor joined before ``joined`` ("X and the campaigns of J and A sued B")
    shares their side: four parties."""
    first = min(
        pair[0][0],
        pair[1][0],
        *([joined[0]] if joined else []),
        *([outer[0]] if outer else []),
        *([reach] if reach is not None else []),
    )
    begin = next(a for a, b in clauses if a <= first < b)
    end = clauses[at][1]
    if len(para.text[begin : clauses[-1][1]].split()) <= _MAX_EVIDENCE_WORDS:
        end = clauses[-1][1]  # the rest of the sentence says what the tension is about
    evidence = para.text[begin:end].strip().rstrip(",;:—–- ")
    if len(evidence.split()) < _MIN_WORDS:
        return None
    a, b = sorted(pair, key=lambda m: m[0])
    also = (joined[0], joined[1], joined[2].label) if joined is not None and a is pair[0] else None
    text = _without_aside(para.text, a[1], aside, cue.start)
    agent = _noun_agent(a, b, cue, text) if cue.kind == "noun" else None
    description = describe(
        cue.kind, text, (cue.start, cue.end), (a[0], a[1], a[2].label),
        (b[0], b[1], b[2].label), clauses[at][1], joined=also,
        agent=agent[0] if agent else None, outer=outer[2].label if outer and also else None,
    )  # fmt: skip
    if joined is None:
        return _Found((a[2], b[2]), evidence, description)
    sides = sorted((*pair, joined, *([outer] if outer else [])), key=lambda m: m[0])
    return _Found(tuple(m[2] for m in sides), evidence, description, pair[1][2])


def _noun_agent(a: Mention, b: Mention, cue: _Cue, text: str) -> Mention | None:
    """The party that wages a noun cue, when the sentence says which: one named after it by
    "by" or "from" ("attacks from Christie", "arrest by the ICC"); the one before the cue
    when the other is named after it as its target ("FBI criticism of Clinton", "declared
    war on the United States"); an owner before it ("Moscow's war in Ukraine"), but not
    the one arrested, impeached, indicted or investigated ("Trump's impeachment"). None
    when the sentence does not say ("the Soleimani strike", "U.S. drone strikes")."""
    after = [m for m in (a, b) if m[0] >= cue.end and _tied(m, cue, text)]
    if after:
        tied, other = after[0], (b if after[0] is a else a)
        if _BY_AGENT.fullmatch(text, cue.end, tied[0]):
            return tied
        if not _AIMED_AFTER.fullmatch(text, cue.end, tied[0]) or other[1] > cue.start:
            return None
        waged = _tied(other, cue, text) or _WAGED.search(text, other[1], cue.start)
        place = other[2].type == "country" and _PLACE_BEFORE.search(text, 0, other[0])
        if waged and _subject_like(other, text) and not place:
            return other  # the sentence's agent, who wages it
    owners = [
        m for m in (a, b) if m[1] <= cue.start and _possessor(m, text) and _tied(m, cue, text)
    ]
    if len(owners) != 1 or _OWNED_TARGET.match(text, cue.start):
        return None
    other = b if owners[0] is a else a
    return owners[0] if other[0] >= cue.end else None


def _without_aside(text: str, subject_end: int, aside: slice | None, cue: int) -> str:
    """``text`` with an aside that follows the subject right after its comma blanked up to
    the cue ("Bob Corker, the chairman of the committee, accused"), so the description
    reads subject and verb together; ``text`` itself when there is no such aside."""
    if aside is None or not subject_end <= aside.start <= aside.stop <= cue:
        return text
    if text[subject_end : aside.start].strip() != ",":
        return text
    return text[:subject_end] + " " * (aside.stop - subject_end) + text[aside.stop :]


def _targets(
    text: str, start: int, end: int, registry: Registry, mentions: list[Mention]
) -> list[Mention]:
    """Seat-of-power names that do not act, which the registry leaves out ("sanctions
    reimposed on Tehran"): in a tension they name the state acted upon; not a place
    someone is in or goes to. So does a state's body named by its nationality ("a
    cyberattack against the Iranian military", "blasted the German government")."""
    states = {name_key(e.name): e for e in registry.entities if e.type == "country"}
    found: list[Mention] = []
    for m in _METONYM.finditer(text, start, end):
        state = states.get(name_key(METONYMS[m.group()]))  # "Washington": "U.S."
        taken = any(a < m.end() and m.start() < b for a, b, _ in mentions)
        named_after = _NAMED_AFTER.match(text, m.end())  # "the Paris climate accord"
        place = _LOCATIVE.search(text[max(0, m.start() - 16) : m.start()])
        if state and not taken and not place and not named_after:
            found.append((m.start(), m.end(), state))
    for m in _STATE_BODY.finditer(text, start, end):
        state = _state_of(m["demonym"], states)
        if state and not any(a < m.end() and m.start() < b for a, b, _ in mentions):
            found.append((m.start("demonym"), m.end(), state))
    return found


def _acronyms(
    text: str, window: list[tuple[int, int]], registry: Registry, mentions: list[Mention]
) -> list[Mention]:
    """An actor named by initials the registry did not take for it ("the BLM group": Black
    Lives Matter), in the clauses looked at."""
    found: list[Mention] = []
    for start, end in window:
        for m in _ACRONYM.finditer(text, start, end):
            named = [
                e for e in registry.entities if len(e.tokens) > 2 and _initials(e.tokens) == m[0]
            ]
            if len(named) == 1 and not any(a < m.end() and m.start() < b for a, b, _ in mentions):
                found.append((m.start(), m.end(), named[0]))
    return found


def _party_members(
    text: str, window: list[tuple[int, int]], registry: Registry, mentions: list[Mention]
) -> list[Mention]:
    """A party's leaders or members the registry does not take for a group ("Democratic
    leaders denounced the process, blaming the GOP"; "leaders" is no group head: "world
    leaders"): the party's members, when the article holds them as an actor."""
    found: list[Mention] = []
    for start, end in window:
        for m in _PARTY_MEMBERS.finditer(text, start, end):
            party = _PARTY_OF[m["party"]]
            group = next(
                (e for e in registry.entities if e.type == "group" and party in e.forms), None
            )
            if group and not any(a < m.end() and m.start() < b for a, b, _ in mentions):
                found.append((m.start(), m.end(), group))
    return found


def _regions(
    para: Paragraph, window: list[tuple[int, int]], registry: Registry, mentions: list[Mention]
) -> list[Mention]:
    """A continent the registry does not hold as an actor, in the clauses looked at, not a
    place something is in ("Europe has long been at odds with Trump", "tensions between
    Washington and Europe"; not "troops in Europe", "across Asia"): a body of its own."""
    text = para.text
    found: list[Mention] = []
    for start, end in window:
        for m in _REGION.finditer(text, start, end):
            before = text[max(0, m.start() - 16) : m.start()]
            if _REGION_BEFORE.search(before):
                continue
            if any(a < m.end() and m.start() < b for a, b, _ in mentions):
                continue
            name = " ".join(m[0].split())
            found.append((*m.span(), registry.add_body(name, ((para.index, m.start()), m.end()))))
    return found


def _supporters(
    para: Paragraph, window: list[tuple[int, int]], registry: Registry, mentions: list[Mention]
) -> list[Mention]:
    """A candidate's supporters or delegates the registry does not hold, in the clauses looked at
    ("supporters physically assaulted a Black Lives Matter protester", "was booed by Bernie
    Sanders supporters"): a group of their own, named as the text names them ("Bernie
    Sanders supporters", "supporters"), in place of the candidate they are named after."""
    text = para.text
    for start, end in window:
        for m in _SUPPORTERS.finditer(text, start, end):
            owner = [x for x in mentions if x[0] == m.start() and x[1] == m.end("owner")]
            if m["owner"] and (not owner or owner[0][2].type != "person"):
                continue  # "Republican supporters", "Oslo supporters": not a candidate's
            name = f"{owner[0][2].name} {m['head']}" if owner else m["head"]
            at = (m.start(), m.end()) if owner else m.span("head")
            if any(x[0] < at[1] and at[0] < x[1] and x not in owner for x in mentions):
                continue
            group = registry.add_body(name, ((para.index, at[0]), at[1]), kind="group")
            group.forms.add(text[at[0] : at[1]])  # "Sanders supporters"
            mentions = [x for x in mentions if x not in owner] + [(*at, group)]
    return mentions


def _state_of(demonym: str, states: dict[tuple[str, ...], Entity]) -> Entity | None:
    """The country a nationality word names, among the article's ("Iranian": Iran,
    "German": Germany, "Chinese": China), if one of them is its stem."""
    if demonym not in GROUP_NATIONALITIES:
        return None
    for state in states.values():
        name = state.name
        stem = name[:-1] if name[-1:] in "aeyo" else name
        if len(stem) >= 4 and demonym.startswith(stem):
            return state
    return None


def _distinct(mentions: list[Mention], cue: int) -> list[Mention]:
    """One mention per entity, the nearest to the cue, nearest first."""
    distinct: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: abs(m[0] - cue)):
        if all(mention[2] is not e for _, _, e in distinct):
            distinct.append(mention)
    return distinct


def _pick(mentions: list[Mention], cue: _Cue, text: str) -> tuple[Mention, Mention] | None:
    before = [m for m in mentions if m[0] < cue.start]
    after = [m for m in mentions if m[0] >= cue.end]
    if cue.kind == "verb":  # the subject: not the object of a preposition ("a deal with X")
        if before and _BY_DOING.fullmatch(text[before[0][1] : cue.start]):
            return None  # "He snubbed X and Y by pulling out of ...": objects, not the subject
        span = (cue.start, cue.end)
        asked = [m for m in before if asked_to_stop(text, m[1], span)]
        # "at odds with Trump, who withdrew from the deal": Trump, though after "with"
        relative = [m for m in before if _RELATIVE_WHO.fullmatch(text, m[1], cue.start)]
        before = [
            m
            for m in before
            if not _AFTER_PREPOSITION.search(text[: m[0]])
            and _subject_words(m, mentions, text, cue.start) <= _SUBJECT_WORDS
            and not _OBJECT_THEN_AND.fullmatch(text[m[1] : cue.start])
            and not _modifier(m, text)
            and not (_possessor(m, text) and _TIME_WORD.search(text[: m[0]]))
            and not _INFINITIVE_OBJECT.search(text[: m[0]])
            and not _asked(m, cue, text)
            and not (
                _FINITE_OBJECT.search(text[max(0, m[0] - 60) : m[0]])
                and "," in text[m[1] : cue.start]
            )
            and not _other_pronoun(m, mentions, text, cue.start)
        ]
        # "called on Trump to stop attacking Y": Trump, not the caller
        before = relative[:1] or asked or before
        new_clause = _NEW_CLAUSE.search(text, cue.end, cue.end + 160)
        clause_of_its_own = new_clause.start() if new_clause else len(text)
        if _VIOLENCE.match(text, cue.start):  # "a day after 40 people were killed by X":
            before = [m for m in before if _DONE_TO.fullmatch(text, m[1], cue.start)]  # not Iraq
        after = [
            m
            for m in after
            if len(text[cue.end : m[0]].split()) <= _OBJECT_WORDS
            and not _OWNED.search(text[cue.end : m[0]])
            and not _THAT.match(text, cue.end)
            and not _PRONOUN_OBJECT.match(text, cue.end)  # "attacked him and questioned Y"
            and not re.search(r"\bthat\b", text[cue.end : m[0]])  # "dismisses claims that Y"
            and not (m[2].type == "country" and _IN_PLACE.search(text[cue.end : m[0]]))
            and not _MODIFIES_PLURAL.match(text, m[1])  # "a breach of U.N. resolutions"
            and not _SUBORDINATE.search(text[cue.end : m[0]])
            and not _FOR_DOING.search(text, cue.end, m[0])
            and not _GERUND.match(text, cue.end)
            and not _AND_NEXT.fullmatch(text, cue.end, m[0])
            and m[0] < clause_of_its_own
            and not (
                _CALLED_ON.match(text, cue.start) and re.search(r"\bto\b", text[cue.end : m[0]])
            )
            and not (m[2].type == "group" and _DEPLOYED.search(text[: m[0]]))
            # "criticized Tulsa police officer Betty Shelby": the officer, not the police
            and not (
                m[2].described
                and qualifier(text, m[1])
                and any(o[2].type == "person" and 0 < o[0] - m[1] <= 30 for o in after)
            )
            and not (  # "to combat a rising tide of skepticism about the EU": not the EU
                _DIRECT_OBJECT.match(text, cue.start) and len(text[cue.end : m[0]].split()) > 1
            )
        ]
        return (before[0], after[0]) if before and after else None
    if cue.kind == "noun":
        return _pick_for_noun(mentions, cue, text)
    between = re.search(r"\bbetween\b", text[cue.end : cue.end + 40])
    if between:
        linked = [m for m in after if m[0] > cue.end + between.start()]
        return (linked[0], linked[1]) if len(linked) >= 2 else None
    partner = _WITH.match(text, cue.end)
    if partner:  # "X disagrees with Y": Y right after "with", X the subject before the cue
        partners = [m for m in after if len(text[partner.end() : m[0]].split()) <= 3]
        subjects = [
            m
            for m in before
            if _subject_like(m, text) or (_possessor(m, text) and _tied(m, cue, text))
        ]
        if not partners or not subjects or partners[0][2] is subjects[0][2]:
            return None
        return (subjects[0], partners[0])
    if text[cue.start : cue.end].lower().startswith("rival"):
        return None  # "a political rival, X" names one side; "rival blocs" none
    if _KIND_OF_TENSION.search(text[max(0, cue.start - 20) : cue.start]):
        return None  # "racial tensions inflamed by the Floyd killing": no two sides named
    if _sides_unnamed(cue, text):
        return None
    return (mentions[0], mentions[1]) if len(mentions) >= 2 else None


def _sides_unnamed(cue: _Cue, text: str) -> bool:
    """A relation whose sides the clause does not name around it: one already spoken of
    ("in the dispute", "The current spat follows ..."), a claim ("would disagree that"),
    tensions within a group ("tensions among activists"), or "disputed" with no object
    ("an event that Trump has publicly disputed"); two actors near it are not its sides."""
    word = text[cue.start : cue.end].lower()
    return bool(
        _THE_RELATION.search(text, max(0, cue.start - 30), cue.start)
        or _THAT_OR_AMONG.match(text, cue.end)
        or word == "disputed"
    )


def _asked(mention: Mention, cue: _Cue, text: str) -> bool:
    """The one asked to do what the cue says ("ask Ukraine's president to investigate"):
    not the side against the cue's object; the one asking, before it, is."""
    return bool(
        _ASKED_TO.fullmatch(text, mention[1], cue.start) and _ASKING.search(text[: mention[0]])
    )


def _subject_words(m: Mention, mentions: list[Mention], text: str, cue: int) -> int:
    """Words between a verb's subject and the verb, past an "of" phrase that names another
    actor ("Four Democratic members of the Senate Judiciary Committee walked out ...")."""
    of = _OF_NAMED.match(text, m[1])
    named = [o for o in mentions if of and o[0] == of.end() and o[1] <= cue]
    return len(text[named[0][1] if named else m[1] : cue].split())


def _pick_for_noun(mentions: list[Mention], cue: _Cue, text: str) -> tuple[Mention, Mention] | None:
    """The two sides of a noun cue. The side tied before it wages or imposes it ("Moscow's
    war", "U.S. sanctions"), so the other side is an actor after the cue ("in Ukraine"),
    never one before it ("Trump said he would revive U.S. sanctions" is no tension between
    Trump and the U.S.). The side tied after it is its target ("sanctions on Iran"), so the
    other side is the sentence's agent before the cue, or none."""
    if _lifted(cue, text) or _NONE_OF.search(text[max(0, cue.start - 30) : cue.start]):
        return None
    heads = (
        _head(m, mentions, text) if m[0] >= cue.end and _tied(m, cue, text) else m for m in mentions
    )
    mentions = [m for m in heads if m is not None]
    tied = [m for m in mentions if _tied(m, cue, text)]
    if not any(m[1] <= cue.start for m in tied) and _UNNAMED_OWNER.search(
        text[max(0, cue.start - 40) : cue.start]
    ):
        return None  # "the agency's investigation into Russia": its agent is not named
    reciprocal = _RECIPROCAL.search(text[max(0, cue.start - 20) : cue.start])
    mutual = _MUTUAL.fullmatch(text[cue.start : cue.end].lower())
    if not tied and (reciprocal or mutual or _EACH_OTHER.match(text, cue.end)):
        return _joined_subjects(mentions, cue, text)  # "Beijing and Washington ... their war"
    if not tied:
        return None
    if (asked := _requested_pair(mentions, tied, cue, text)) is not None:
        return asked
    war = re.match(r"wars?|conflicts?", text[cue.start : cue.end], re.IGNORECASE)
    if war and tied[0][1] <= cue.start and not re.match(r"['’]", text[tied[0][1] :]):
        return None  # "the Iraq war" names a war by its place, not its sides
    between = re.match(r"\s+between\s", text[cue.end :])
    if between:  # "the war between Israel and Hamas": both sides come after
        linked = sorted((m for m in mentions if m[0] >= cue.end), key=lambda m: m[0])
        return (linked[0], linked[1]) if len(linked) >= 2 else None
    side = tied[0]
    before = sorted((m for m in mentions if m[1] <= cue.start), key=lambda m: m[0])
    if side[1] <= cue.start:  # "Moscow's war in Ukraine": the other side comes after
        other = [
            m
            for m in mentions
            if m[0] >= cue.end
            and m[2] is not side[2]
            and len(text[cue.end : m[0]].split()) <= _OBJECT_WORDS
            and not _SUBORDINATE.search(text[cue.end : m[0]])
            and " | " not in text[cue.end : m[0]]  # a scraped list of headlines
        ]
        if not other and re.match(r"['’]", text[side[1] :]):  # "X responded to Y's attacks"
            other = [
                m
                for m in before
                if m[2] is not side[2]
                and _subject_like(m, text)
                and not _THAT.search(text[m[1] : side[0]])  # "X wrote that Y's inquiry"
            ]
        return (side, other[0]) if other else None
    possessor = [m for m in tied if m[1] <= cue.start and m[2] is not side[2]]
    if _DEFINITE.search(text[max(0, cue.start - 40) : cue.start]):
        return None  # "X failed to mention the attack on Y": X did not carry it out
    nearest = reversed(before)  # "the White House said Trump would impose sanctions": Trump
    agents = possessor + [m for m in nearest if m[2] is not side[2] and _subject_like(m, text)]
    return (side, agents[0]) if agents else None


def _requested_pair(
    mentions: list[Mention], tied: list[Mention], cue: _Cue, text: str
) -> tuple[Mention, Mention] | None:
    """A noun cue someone asks for ("Chaffetz requested yet another Justice Department
    investigation of Clinton"): the one asking, the subject before the verb, and the cue's
    target after it; a body named before the cue only carries it out."""
    requested = _REQUESTED.search(text, max(0, cue.start - 80), cue.start)
    targets = [m for m in tied if m[0] >= cue.end]
    if requested is None or not targets:
        return None
    asking = [
        m
        for m in mentions
        if m[1] <= requested.start()
        and m[2] is not targets[0][2]
        and _subject_like(m, text)
        and len(text[m[1] : requested.start()].split()) <= _SUBJECT_WORDS
        and not re.search(r"\bthat\b", text[m[1] : requested.start()])  # "impressions that"
    ]
    return (asking[-1], targets[0]) if asking else None


def _head(mention: Mention, mentions: list[Mention], text: str) -> Mention | None:
    """The name a phrase of title words ends in ("GOP political consultant Roger Stone"):
    the one a noun cue is aimed at; None for an owner whose phrase names someone else
    ("charges against Trump's former campaign chairman, Paul Manafort")."""
    for other in sorted(mentions, key=lambda m: m[0]):
        gap = text[mention[1] : other[0]]
        if other[0] >= mention[1] and _TITLE_WORDS.fullmatch(gap) and not _VERBISH.search(gap):
            return _head(other, mentions, text)
    if _possessor(mention, text) and re.match(r"['’]s?(?:\s+[\w-]+){1,3},", text[mention[1] :]):
        return None
    return mention


def _joined_subjects(
    mentions: list[Mention], cue: _Cue, text: str
) -> tuple[Mention, Mention] | None:
    """Two actors joined by "and" as the subject before a reciprocal noun cue ("Beijing
    and Washington have agreed to reduce tariffs on each other's goods")."""
    before = sorted((m for m in mentions if m[1] <= cue.start), key=lambda m: m[0])
    for first, second in itertools.pairwise(before):
        if (
            first[2] is not second[2]
            and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[first[1] : second[0]])
            and not _NOT_AGENT.search(text[max(0, first[0] - 16) : first[0]])
            and not _AFTER_PREPOSITION.search(text[: first[0]])
            and not _possessor(first, text)
            and len(text[second[1] : cue.start].split()) <= _SUBJECT_WORDS
        ):
            return first, second
    return None


def _lifted(cue: _Cue, text: str) -> bool:
    """Sanctions lifted, eased or ended ("an end to sanctions against Iran", "sanctions
    relief", "ensure sanctions remain lifted") state no conflict between the parties."""
    before = text[max(0, cue.start - 25) : cue.start]
    after = text[cue.end : cue.end + 40]
    return bool(
        re.search(
            r"\b(?:lift\w*|eliminat\w*|eas(?:e|ed|es|ing)|end(?:ing|ed)?\s+(?:to|of)|relief from|"
            r"remov\w+|scrap\w*|waiv\w+|circumvent\w*|evad\w+|evasion of)\s+(?:the\s+|all\s+)?(?:[a-z-]+\s+)?$",
            before,
            re.IGNORECASE,
        )
        or re.match(
            r"\s+(?:relief|waivers?|(?:\w+\s+){0,4}(?:be\s+|been\s+|are\s+|were\s+|remain\s+)?(?:lifted|eased|removed|waived))\b",
            after,
            re.IGNORECASE,
        )
    )


def _subject_like(mention: Mention, text: str) -> bool:
    """Not the object of a preposition nor a possessor ("in Mexico", "Iran's"), nor a
    modifier after "the" ("the Iran deal"); "the House submitted" and "the Trump
    administration" are subjects."""
    start, end, _ = mention
    if _NOT_AGENT.search(text[max(0, start - 16) : start]) or re.match(r"['’]s?\b", text[end:]):
        return False
    return not _modifier(mention, text)


def _possessor(mention: Mention, text: str) -> bool:
    """ "Trump's feud": a name followed by a possessive."""
    return bool(re.match(r"['’]s?\b", text[mention[1] :]))


def _other_pronoun(mention: Mention, mentions: list[Mention], text: str, cue: int) -> bool:
    """A pronoun right before the verb that cannot mean ``mention``, its subject instead:
    "I", "we", "you"; "he"/"she" after a name that is no person's, or with another actor
    named between ("X told Y that he had warned Z"; "Trump caused consternation, when he
    criticized Scalia": Trump); "they" after one person's name."""
    m = _PRONOUN_BETWEEN.search(text, mention[1], cue)
    if m is None:
        return False
    pronoun, kind = m["pronoun"], mention[2].type
    if pronoun in ("he", "she"):
        return kind != "person" or any(mention[1] <= x[0] < m.start() for x in mentions)
    return pronoun != "they" or kind == "person"


def _modifier(mention: Mention, text: str) -> bool:
    """An actor's name between "the" (or "its", "their") and a noun it modifies ("the Iran
    nuclear deal", "its Russia investigation"), not before a verb or the body it heads ("the House voted", "the Trump administration")."""
    start, end, _ = mention
    if re.search(r"(?<![\w'’-])an?\s+$", text[max(0, start - 4) : start]):
        person = re.match(r"\s+([a-z]+)\b", text[end:])  # "a Sanders supporter who ..."
        return person is not None and person.group(1) in _ONE_OF_THEIRS
    if not re.search(r"\b(?:the|its|his|her|their)\s+$", text[max(0, start - 7) : start], re.I):
        return False
    if not re.search(r"\bthe\s+$", text[max(0, start - 7) : start], re.I):
        return True  # "his Senate colleagues": after "his" comes a noun phrase, never a verb
    word = re.match(r"\s+([a-z]+)\b", text[end:])
    return word is not None and not _SUBJECT_AFTER_THE.fullmatch(word.group(1))


def _tied(mention: Mention, cue: _Cue, text: str) -> bool:
    start, end, _ = mention
    if start >= cue.end:
        return bool(_TIED_AFTER.match(text[cue.end : start]))
    return cue.start - end <= 30 and bool(_TIED_BEFORE.match(text[end : cue.start]))


def _same_side(a: Entity, b: Entity) -> bool:
    """A person and the state their title names ("U.S. President Donald Trump", "U.S."); a
    group and the state that qualifies it ("U.S. troops", "U.S.")."""
    for group, other in ((a, b), (b, a)):
        qualified = group.type == "group" and other.type == "country" and len(group.tokens) > 1
        if qualified and any(name_key(f) == name_key(group.tokens[0]) for f in other.forms):
            return True
    for person, other in ((a, b), (b, a)):
        if person.type == "person" and other.type == "country":
            titled = " ".join(person.forms)
            if any(next(literal_spans(titled, f), None) for f in other.forms):
                return True
    return False
