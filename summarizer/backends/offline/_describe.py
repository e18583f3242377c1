"""One neutral sentence for a stated tension, built only from what its sentence states.

- A verb cue whose subject and object the sentence plainly gives ("Fox harshly
  criticized Peña Nieto", "The court indicted the mayor") becomes "A criticized B.":
  the subject right before the verb (an adverb or "has" between, no "was"/"not"),
  not the object of a preposition or a possessor ("the president of X", "X's envoy");
  the object right after it (titles and "the" between), not a possessor ("Y's plan").
- A relation ("strained relations", "tensions between", "at odds") is symmetric, so
  it says so of both: "A and B have strained relations.", with "over C" when the
  sentence gives a short noun phrase after the cue.
- Otherwise (a noun cue, a verb whose subject or object is unsure) the sentence only
  says what the rules know: "The article reports sanctions involving A and B."
"""

from __future__ import annotations

import re

from summarizer._text import wordset
from summarizer.backends.offline._lexicon import (
    ASKING_VERBS,
    GROUPS,
    REQUESTING_VERBS,
    ROLE_NOUNS,
    VERSUS,
)

# verb cue (as matched, lower case) -> (past, present, what the act is called)
_VERBS: tuple[tuple[str, tuple[str, str, str]], ...] = (
    (
        r"berat|criticis|criticiz|slamm|slams|lambast|assail|chastis|rebuk|denounc|condemn|"
        r"derid|mock|ridicul|insult|critic|reproach|vilif|savag|skewer|excoriat|castigat|"
        r"pillor|disparag|demoniz|belittl|denigrat|admonish|reprimand|upbraid",
        ("criticized", "criticizes", "criticism"),
    ),
    (r"accus", ("accused", "accuses", "an accusation")),
    (r"threaten", ("threatened", "threatens", "a threat")),
    (r"warn", ("warned", "warns", "a warning")),
    (r"attack", ("attacked", "attacks", "an attack")),
    (r"oppos", ("opposed", "opposes", "opposition")),
    (r"fought", ("fought", "fights", "fighting")),
    (r"battl", ("battled", "battles", "fighting")),
    (r"clash", ("clashed with", "clashes with", "a clash")),
    (r"defie|defy", ("defied", "defies", "defiance")),
    (r"punish", ("punished", "punishes", "punishment")),
    (r"impeach", ("impeached", "impeaches", "an impeachment")),
    (r"indict", ("indicted", "indicts", "an indictment")),
    (r"arrest", ("arrested", "arrests", "an arrest")),
    (r"expel", ("expelled", "expels", "an expulsion")),
    (r"boycott", ("boycotted", "boycotts", "a boycott")),
    (r"invad", ("invaded", "invades", "an invasion")),
    (r"retaliat", ("retaliated against", "retaliates against", "retaliation")),
    (r"su(?:ed|es|ing|e)", ("sued", "sues", "a lawsuit")),
    (r"sabotag", ("sabotaged", "sabotages", "sabotage")),
    (r"sanction", ("sanctioned", "sanctions", "sanctions")),
    (r"blam", ("blamed", "blames", "blame")),
    (r"reject", ("rejected", "rejects", "a rejection")),
    (r"rebuff", ("rebuffed", "rebuffs", "a rebuff")),
    (
        r"rip|blast|hammer|swipe|take|goes|going|gone|went|rail|hits|corner",
        ("criticized", "criticizes", "criticism"),
    ),
    (r"break", ("broke with", "breaks with", "a break")),
    (r"silenc", ("silenced", "silences", "silencing")),
    (r"dismiss", ("dismissed", "dismisses", "a dismissal")),
    (r"fir\w*\s+back", ("criticized", "criticizes", "criticism")),  # not "fired" someone
    (r"fire|sack|oust", ("dismissed", "dismisses", "a dismissal")),
    (r"spar", ("clashed with", "clashes with", "a clash")),
    (r"chid|scold|lash", ("criticized", "criticizes", "criticism")),
    (r"disput", ("disputed", "disputes", "a dispute")),
    (r"withdr|pull", ("withdrew from", "withdraws from", "a withdrawal")),
    (r"revok", ("revoked", "revokes", "a revocation")),
    (r"call\w*\s+on", ("pressed", "presses", "pressure")),
    (r"took|taking|call|describ|label|brand", ("criticized", "criticizes", "criticism")),
    (r"assault", ("assaulted", "assaults", "an assault")),
    (r"shoot", ("rejected", "rejects", "a rejection")),
    (r"investigat", ("investigated", "investigates", "an investigation")),
    (r"hack", ("hacked", "hacks", "hacking")),
    (r"hold", ("held in contempt", "holds in contempt", "a contempt vote")),
    (r"combat", ("fought", "fights", "fighting")),
    (r"suspend", ("suspended", "suspends", "a suspension")),
    (r"charg", ("charged", "charges", "charges")),
    (r"undercut", ("undercut", "undercuts", "undercutting")),
    (r"boo", ("booed", "boos", "booing")),
    (r"heckl", ("heckled", "heckles", "heckling")),
    (r"paint", ("criticized", "criticizes", "criticism")),
    (
        r"ripp|trash|bash|fir|hit|lit|light|tore|tear|jabb|decr",
        ("criticized", "criticizes", "criticism"),
    ),
    (r"tangl", ("clashed with", "clashes with", "a clash")),
    (r"demean|call", ("criticized", "criticizes", "criticism")),
    (r"push", ("pushed back against", "pushes back against", "pushback")),
    (r"in\s+protest", ("protested against", "protests against", "a protest")),
    (r"shot|gunned", ("shot", "shoots", "a shooting")),
    (r"killed|murdered", ("killed", "kills", "a killing")),
    (r"wounded", ("wounded", "wounds", "a wounding")),
    (r"beaten", ("beat", "beats", "a beating")),
)
# relation cue -> the sentence, with {a} and {b}
_RELATIONS: tuple[tuple[str, str], ...] = (
    (r"strained", "{a} and {b} have strained relations"),
    (r"tensions?", "There are tensions between {a} and {b}"),
    (r"rival", "{a} and {b} are rivals"),
    (r"disput", "{a} and {b} are in a dispute"),
    (r"feud", "{a} and {b} are feuding"),
    (r"rift", "There is a rift between {a} and {b}"),
    (r"standoff", "{a} and {b} are in a standoff"),
    (r"at odds", "{a} and {b} are at odds"),
    (r"quarrel", "{a} and {b} have quarrelled"),
    (r"disagree", "{a} and {b} disagree"),
    (r"spat", "{a} and {b} had a spat"),
    ("|".join((*VERSUS, "collide", "clash", "square", "face", "lock")), "{a} and {b} are at odds"),
    (r"diverge", "{a} and {b} disagree"),
    (r"foe", "{a} and {b} are described as foes"),
    (r"tortured", "{a} and {b} have strained relations"),
    (r"fail", "{a} and {b} disagree"),
)
# Between the one asking and the cue: "ask Ukraine's president to (investigate)".
_ASKED = re.compile(
    rf"\s+(?P<verb>{'|'.join(f'(?:{v})' for v in ASKING_VERBS)})\s+(?:[\w.'’-]+\s+){{1,4}}to\s+$",
    re.IGNORECASE,
)
# Between the one asking and a noun cue: "on Tuesday requested yet another Justice
# Department (investigation)".
_REQUESTED = re.compile(
    rf"(?P<gap>.*?)\b(?P<verb>{'|'.join(f'(?:{v})' for v in REQUESTING_VERBS)})\s+"
    r"(?:(?:a|an|the|yet|another|new|further|formal|full|[A-Z][\w.'’-]*)\s+){0,6}",
    re.IGNORECASE,
)
# Between the one asked and a verb cue: "called on Trump to stop (attacking) Machado",
# "called on Dean to apologize to Trump for (accusing) him": the one asked did it.
_ASKED_TO_STOP = re.compile(
    r"\s+to\s+(?:stop|quit|cease|apologi[sz]e\s+(?:to\s+(?:[\w.'’-]+\s+){1,4}?)?for)\s+"
)
# A verb in the passive, its subject the one acted on and the doer after "by" ("Forty
# protesters were shot dead by security forces", "was criticized by Ted Cruz").
_PASSIVE = re.compile(
    r"(?:\s+(?:was|were|(?:has|have|had)\s+been|being)|['’]s\s+been)\s+(?:\w+ly\s+)?"
)
_BY = re.compile(
    r"(?:\s+(?:dead|to\s+death|and\s+killed|and\s+(?:\w+\s+)?wounded))?\s+by\s+(?:the\s+)?"
)
# Before a participle opening the sentence ("After blasting", "Railing against").
_OPENING = re.compile(
    r"(?:^|[.!?][\"”’']?\s+|\b(?:After|Before|While|Since|Besides|Despite|Upon|On|In|By)\s+)$"
)
# Between a person and "critic of": "has been a", "is a harsh", ", an outspoken"; ", a
# former minister who is a" (an aside that says what the person is).
_CRITIC_GAP = re.compile(
    r"(?:\s+(?:is|was|has\s+been|had\s+been|have\s+been|are|were|remains?)|,(?:[^,;]*\s+who\s+is)?)"
    r"\s+(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+){0,2}"
)
_PROGRESSIVE = re.compile(r"\s+(?P<be>is|are|was|were)\s+(?:(?:\w+ly|even|still|already|now)\s+)?")
_TIME = re.compile(r"\b(?:past|last|recent|years?|months?|weeks?|days?|decades?|time)\b")
_UNCOUNTED = {"criticism", "retaliation", "hostility", "confrontation", "blowback", "backlash"}
# Between subject and verb: adverbs, "has", a time ("on Wednesday"), a lawmaker's party and
# state in brackets ("Harry M. Reid (D-Nev.) blasted", "Rick Scott (R) blasted"); never
# "was"/"not".
_SUBJECT_GAP = re.compile(
    r"^(?:\s+(?:has|have|had|also|again|once|repeatedly|publicly|openly|sharply|harshly|"
    r"strongly|bitterly|angrily|formally|later|then|even|still|already|now|"
    r"on\s+[A-Z]\w+|last\s+\w+|\w+ly|"
    r"\((?:D|R|I)(?:-[A-Z][A-Za-z.]{1,5})?\)))*\s+$"
)
# Before the subject: nothing that makes it the object of a preposition.
_NOT_SUBJECT = re.compile(
    r"(?:\b(?:of|for|by|from|with|to|in|at|on|against|about|over|than|(?-i:and|or|nor))\s+"
    r"(?:the\s+)?|['’]s\s+)$",
    re.IGNORECASE,
)
# Between verb and object: "the", a title or other capitalised words (not "U.S. plans to").
_OBJECT_GAP = re.compile(
    r"^\s+(?:the\s+state\s+of\s+|(?:(?:the|former|current|fellow|then|likely|presumptive|vice|"
    r"presidential|rival|nominee|candidate|front-runner|[A-Z][\w.'’-]*)\s+){0,5})$"
)
# What may follow a verb's object: a preposition or conjunction ("rips Y on Russia probe").
_AFTER_OBJECT = wordset(
    "on over in at for with as after before to and or but amid from of about against by "
    "during since until while when who which that if"
)
_POSSESSIVE = re.compile(r"^['’]s?\b")
# A possessor's noun, up to two lower-case words before it, then the phrase ends
# ("Beijing's offers thus far.", "the EU's plan to ...", "Trump's retweet of ...", "Clinton's
# track record", "Sanders' immigration record", "Obama's 2011 intervention in Libya").
_OWNED_NOUN = re.compile(
    r"(?:['’]s|(?<=s)['’])\s+(?P<noun>(?:(?:[a-z]+|\d{4})\s+){0,2}?[a-z]+)"
    r"(?=[,.;:!?]|\s+(?:(?:on|over|in|at|for|with|as|after|to|of|and|"
    r"about|against|by|during|since|while|when|which|that|thus|last|this)\b|[“\"]))"
)
# Not words of a possessor's noun phrase: a verb or a clause's start ("Trump's claims were").
_NOT_OWNED = wordset("is was were are be been has have had will would said says who which that")
_PLURAL_POSSESSIVE = re.compile(r"^['’]\s+[a-z]")  # "the Palestinians' efforts"
_OVER = re.compile(
    r"^\s+over\s+((?:[\w'’-]+\s*){1,6}?)(?=[,.;:!?)]|\s+(?:that|which|who|as|"
    r"after|before|when|because|while|since|but|and\s+(?:said|says))\b|$)"
)


# A name read with "the" in a sentence: a body named by its kind ("the Justice Department",
# "the Obama administration", "the House of Representatives", "the United States") or by
# initials that stand for one ("the U.S.", "the EU").
_DEFINITE_HEADS = wordset(
    """court house ministry department party council commission committee agency union
    administration government campaign office bureau army navy police forces states kingdom
    nations republic senate pentagon kremlin caucus foundation embassy"""
)
# Last words of a newspaper's name, read with "the" ("the Drudge Report", "the Washington
# Post"); not "Fox News" nor "Breitbart News".
_DEFINITE_OUTLETS = wordset(
    """post times journal review examiner observer sentinel tribune herald gazette report
    chronicle inquirer guardian telegraph monitor standard"""
)
_DEFINITE_INITIALS = frozenset(
    {"U.S.", "US", "USA", "U.S.A.", "U.K.", "UK", "EU", "E.U.", "U.N.", "UN"}
)
_SEATS = frozenset({"Pentagon", "Kremlin", "Senate", "House", "Taliban"})  # "the Taliban"


def _definite(name: str) -> str:
    """``name`` as a sentence reads it: "the Justice Department", "the U.S.", "Donald Trump";
    a group the article describes stays as it is ("security forces")."""
    words = re.split(r" (?:of|in) ", name, maxsplit=1)[0].split()  # "the Chinese embassy in X"
    if name in _DEFINITE_INITIALS or name in _SEATS:
        return f"the {name}"
    if (
        len(words) > 1
        and words[0][0].isupper()
        and words[0] != "The"
        and (words[-1].lower() in _DEFINITE_HEADS or words[-1].lower() in _DEFINITE_OUTLETS)
    ):
        return f"the {name}"
    return name


def describe(
    kind: str,
    text: str,
    cue: tuple[int, int],
    first: tuple[int, int, str],
    second: tuple[int, int, str],
    clause_end: int,
    joined: tuple[int, int, str] | None = None,
    agent: int | None = None,
    outer: str | None = None,
) -> str:
    """The description of a tension: ``kind`` of cue, the paragraph ``text``, the cue's
    offsets, both parties as (start, end, name) in text order, the end of the cue's clause;
    ``joined``, a verb's subject named with the first party ("Britain and Poland blamed
    Russia."); ``agent``, where the party that wages a noun cue is named, when the
    sentence says which one does ("U.S. sanctions on Iran": "sanctions by the United States
    on Iran"); ``outer``, one more subject named before ``joined`` ("the Democratic Party,
    Hillary Clinton and Bernie Sanders")."""
    word = text[cue[0] : cue[1]].lower()
    first, second = (*first[:2], _definite(first[2])), (*second[:2], _definite(second[2]))
    if kind == "stance":  # "anti-X": ``first`` is the one who holds it, against ``second``
        return _opposition(first[2], second[2])
    if kind == "verb":
        if joined is not None:  # "Britain and Poland": the subject starts at the first
            named = _definite(joined[2])
            named = f"{_definite(outer)}, {named}" if outer else named
            joined = (joined[0], first[0], named)
        return _verb_sentence(word, text, cue, first, second, joined)
    if kind == "relation":
        after = max(first[1], second[1])  # "tensions between A and B over C"
        return _relation_sentence(word, text, cue, first[2], second[2], after, clause_end)
    noun = _noun_phrase(word)
    asked = _REQUESTED.fullmatch(text, first[1], cue[0]) if first[1] <= cue[0] < second[0] else None
    if asked and _SUBJECT_GAP.match(asked["gap"] or " "):
        did = next(d for v, d in REQUESTING_VERBS.items() if re.fullmatch(v, asked["verb"], re.I))
        return _full_stop(f"{first[2]} {did} {_acted_on(noun, second[2])}")
    if agent in (first[0], second[0]):
        by, on = (first, second) if agent == first[0] else (second, first)
        return _full_stop(f"The article reports {noun} by {by[2]} {_aimed(word)} {on[2]}")
    return _reported(noun, first[2], second[2])


def _aimed(noun: str) -> str:
    """The preposition before the one a noun cue is aimed at: "criticism of", "sanctions
    on", "an attack against"."""
    if re.match(r"critic|investig|arrest|impeach|indict|rebuke|invasion", noun):
        return "of"
    return "on" if re.match(r"sanction|tariff|embargo", noun) else "against"


def _verb_sentence(
    word: str,
    text: str,
    cue: tuple[int, int],
    a: tuple[int, int, str],
    b: tuple[int, int, str],
    joined: tuple[int, int, str] | None = None,
) -> str:
    """ "A criticized B." when the sentence gives subject and object plainly; with the actor
    ``joined`` to the subject A, "J and A criticized B." ("Britain and Poland blamed ...")."""
    past, present, noun = next(forms for pattern, forms in _VERBS if re.match(pattern, word))
    subject = f"{joined[2]} and {a[2]}" if joined else a[2]
    start = joined[0] if joined else a[0]  # where the subject starts
    asked = _ASKED.fullmatch(text, a[1], cue[0]) if a[1] <= cue[0] < b[0] else None
    if asked and not _NOT_SUBJECT.search(text[max(0, start - 20) : start]):
        return _full_stop(f"{subject} {_asking(asked['verb'])} {_acted_on(noun, b[2])}")
    if (
        cue[1] <= a[0]
        and _OPENING.search(text[max(0, cue[0] - 12) : cue[0]])
        and "," in text[a[1] : b[0]]
    ):
        return _full_stop(f"{b[2]} {past} {a[2]}")  # "After blasting A, B said": B did
    if (
        re.match(r"critics?\s+of", word)
        and a[1] <= cue[0] < b[0]
        and _subject_of_noun(text, a, cue)
    ):
        return _full_stop(f"{subject} {'are critics' if joined else 'is a critic'} of {b[2]}")
    whole = (start, a[1], subject)
    if (
        a[1] <= cue[0] < b[0]
        and _PASSIVE.fullmatch(text, a[1], cue[0])
        and _BY.fullmatch(text, cue[1], b[0])
        and not _NOT_SUBJECT.search(text[max(0, start - 20) : start])
        and not _POSSESSIVE.match(text[b[1] :])
    ):
        return _full_stop(f"{b[2]} {past} {subject}")  # the doer did it to the subject
    if a[1] <= cue[0] < b[0] and asked_to_stop(text, a[1], cue) and _object(text, cue, b):
        return _full_stop(f"{subject} {past} {b[2]}")  # asked to stop: it was done
    owned = _owned_object(text, cue, b) if a[1] <= cue[0] < b[0] else None
    finite = word.split()[0]  # "clashed with"
    # "Republicans are slamming Tim Kaine": a subject, "is"/"are"/"was"/"were", the verb
    doing = _PROGRESSIVE.fullmatch(text, a[1], cue[0]) if finite.endswith("ing") else None
    if (
        a[1] <= cue[0] < b[0]
        and (
            (_plain(word) and _subject(text, whole, cue))
            or (doing and not _NOT_SUBJECT.search(text[max(0, start - 20) : start]))
        )
        and (owned or _object(text, cue, b))
    ):
        if owned:  # "criticized China's offers", "criticized Bernie Sanders' record"
            mark = "'" if b[2].endswith("s") else "'s"
            b = (*b[:2], f"{b[2]}{mark} {owned}")
        was = doing["be"] in ("was", "were") if doing else finite.endswith("ed")
        verb = (
            past
            if was or finite in ("fought", "sued", "took", "went", "gone", "lit", "tore", "hit")
            else present
        )
        if verb == present and _plural_name(a[2]):  # "gunmen", "Democrats"
            verb = _plural(present)
        return _full_stop(f"{subject} {verb} {b[2]}")
    if joined:
        return _reported(noun, f"{joined[2]}, {a[2]}", b[2])
    return _reported(noun, a[2], b[2])


def _subject_of_noun(text: str, a: tuple[int, int, str], cue: tuple[int, int]) -> bool:
    """The one a noun of agency ("a critic of") is said of: the subject before "is a" or
    "has been a", or the name it stands beside ("Fox, an outspoken critic of Trump,")."""
    return bool(_CRITIC_GAP.fullmatch(text, a[1], cue[0]))


def _asking(verb: str) -> str:
    """What the one asking did ("urge" -> "urged")."""
    return next(did for pattern, did in ASKING_VERBS.items() if re.fullmatch(pattern, verb, re.I))


def _acted_on(noun: str, b: str) -> str:
    """ "an investigation of B", "defiance of B", "an attack against B"."""
    return f"{noun} {'of' if noun in ('an investigation', 'defiance') else 'against'} {b}"


def asked_to_stop(text: str, doer_end: int, cue: tuple[int, int]) -> bool:
    """The one named before ``doer_end`` is asked to stop or to apologize for doing what
    the cue (a participle) says ("called on Trump to stop attacking Machado"): the doer."""
    return text[cue[0] : cue[1]].endswith("ing") and bool(
        _ASKED_TO_STOP.fullmatch(text, doer_end, cue[0])
    )


def criticism(a: str, b: str) -> str:
    """What a speaker who says ``b`` hid something or cannot be trusted did."""
    return _full_stop(f"{_definite(a)} criticized {_definite(b)}")


def _opposition(a: str, b: str) -> str:
    """What one who holds an "anti-" stance against ``b`` does ("Anti-Trump delegates
    oppose Donald Trump.", "Donald Trump opposes NATO."): a group's plural head ("delegates",
    "Republicans") takes a plural verb."""
    head = a.split()[-1]
    plural = head.endswith("s") and (head.islower() or head in GROUPS)
    return _full_stop(f"{a} {'oppose' if plural else 'opposes'} {b}")


def _plain(word: str) -> bool:
    """A finite form ("accused", "slams"), not a participle in a clause of its own."""
    return not word.endswith("ing")


def _subject(text: str, a: tuple[int, int, str], cue: tuple[int, int]) -> bool:
    return bool(_SUBJECT_GAP.match(text[a[1] : cue[0]])) and not _NOT_SUBJECT.search(
        text[max(0, a[0] - 20) : a[0]]
    )


def _object(text: str, cue: tuple[int, int], b: tuple[int, int, str]) -> bool:
    """The verb's object itself, not a possessor ("Y's plan") nor a modifier ("Y plan")."""
    after = text[b[1] :]
    modifies = re.match(r"\s+([\w-]+)", after)
    word = modifies.group(1).lower() if modifies else ""
    named = word in ("a", "an") and re.match(r"call|describ|label|brand", text[cue[0] : cue[1]])
    return (
        bool(_OBJECT_GAP.match(text[cue[1] : b[0]]))
        and not _POSSESSIVE.match(after)
        and not (text[b[1] - 1 : b[1]] == "s" and _PLURAL_POSSESSIVE.match(after))
        # "attacked Cruz relentlessly", "called Trump a 'pathological liar'"
        and (not word or word in _AFTER_OBJECT or word.endswith("ly") or bool(named))
    )


def _owned_object(text: str, cue: tuple[int, int], b: tuple[int, int, str]) -> str | None:
    """The one noun the verb's object owns, when the object is a possessor right after the
    verb and that noun ends the phrase ("criticized Beijing's offers thus far": "offers";
    not "accused Sweden's navy chief of ...")."""
    if not _OBJECT_GAP.match(text[cue[1] : b[0]]):
        return None
    m = _OWNED_NOUN.match(text, b[1])
    words = m["noun"].split() if m else []
    if m is None or any(w in _AFTER_OBJECT or w in _NOT_OWNED for w in words):
        return None
    if len(words) > 1 and words[-1] in ROLE_NOUNS:
        return None  # "accused Sweden's navy chief of ...": a person, not what Sweden owns
    return m["noun"]


def _relation_sentence(
    word: str, text: str, cue: tuple[int, int], a: str, b: str, after: int, clause_end: int
) -> str:
    if word.startswith("rival") and "between" not in text[cue[1] : clause_end]:
        return _reported("a rivalry", a, b)  # "a political rival, X" names one side only
    template = next(t for pattern, t in _RELATIONS if re.match(pattern, word))
    sentence = template.format(a=a, b=b)
    over = _OVER.match(text[max(cue[1], after) : clause_end])
    if over and not _TIME.search(over.group(1)):
        sentence += f" over {over.group(1).strip()}"
    return _full_stop(sentence)


def _noun_phrase(word: str) -> str:
    if word in _UNCOUNTED or (word.endswith("s") and not word.endswith("ss")):
        return word
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _reported(what: str, a: str, b: str) -> str:
    return _full_stop(f"The article reports {what} involving {a} and {b}")


def _plural_name(name: str) -> bool:
    """A group's name takes a plural verb: a described group ("gunmen") or a named one in
    the plural ("Democrats", "Palestinians"; not "Hamas" nor "the United States")."""
    return name.islower() or (name in GROUPS and name.endswith("s") and not name.endswith("as"))


def _plural(present: str) -> str:
    """ "criticizes" -> "criticize", "presses" -> "press", "clashes with" -> "clash with"."""
    verb, _, rest = present.partition(" ")
    if verb.endswith("ies"):
        verb = verb[:-3] + "y"  # "defies"
    else:
        verb = verb[:-2] if verb.endswith(("sses", "shes", "ches")) else verb[:-1]
    return f"{verb} {rest}".strip()


def clashed(a: str, b: str) -> str:
    """Two sides a verb that takes both names as its subject ("Pompeo and Bolton clashed on
    a number of issues", "India and Pakistan spar over ..."): "A clashed with B."."""
    return _full_stop(f"{_definite(a)} clashed with {_definite(b)}")


def _full_stop(sentence: str) -> str:
    """A capital first letter ("gunmen" opening it) and one full stop, also after a name
    that ends with one ("U.S.")."""
    sentence = sentence[:1].upper() + sentence[1:]
    return sentence if sentence.endswith(".") else f"{sentence}."
