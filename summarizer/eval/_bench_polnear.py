"""PolNeAR direct quotes: load the corpus, place predicted quotes in the text, score them.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attribution relations
(source, cue, content) in US political news with character offsets. Only the
primary annotator's relations are used. Gold, per article:

- **direct quotes** (content opens with a quotation mark): required, counted by
  recall. A quote the article breaks with its attribution ("X," he said. "Y.")
  is one relation with several content spans;
- **partial quotes** (a quoted fragment inside a paraphrase): allowed, not
  required, as ANNOTATION.md treats them: a prediction that lies inside one is
  not a false positive (``precision_strict`` counts it as one);
- the **speaker** is the source *mention* ("the influential US daily", "he");
  PolNeAR has no coreference, so pronoun speakers ("he", "she") are scored
  apart, against the person the pronoun refers to by `pronoun_referent`: the
  nearest name before it, heading a gold source mention or opening a sentence,
  whose gender as the text shows it does not disagree, outside quotations. The
  rule reads only the text and the gold (never a system's output) and was
  checked against referents written by reading 125 train/dev quotes (issue #14,
  sixth session) and 80 random quotes of train, 40 of them in articles outside the
  tuned sample (seventh session; the figures are in evals/BENCHMARKS.md). A pronoun with no named referent ("I", "who", or
  no such name before it) is left out and counted apart. The first sessions'
  reference, the nearest preceding non-pronoun source mention (often a
  description such as "the Ohio governor", so a right answer counted as wrong),
  is kept as a second figure (``speaker_pronoun_nearest_mention``).

Matching follows the SFU Gender Gap Tracker evaluation (Asr et al. 2021,
``evaluate_quotes.py``): a gold quote is found when the predicted text covers
more than a threshold (0.3, 0.8) of its characters (asymmetric: the gold is the
reference), counting letters and digits only so quotation marks and commas do
not matter. Because ANNOTATION.md asks for one quote per contiguous span, every
prediction is first assigned to the gold quote it overlaps most, and the
predictions assigned to one gold quote are pooled. P/R/F1 are micro-averaged
over all articles, as in the GGT script.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from summarizer._given_names import FEMALE_NAMES, MALE_NAMES
from summarizer._schema import Actor, Quote
from summarizer._text import double_quote_regions, normalize
from summarizer.eval._jsonl import read_jsonl
from summarizer.eval._metrics import _pred_names
from summarizer.eval._text import names_score, tokens
from summarizer.input._encoding import repair_mojibake

THRESHOLDS = (0.3, 0.8)
SPLITS = ("dev", "test", "train")
# The train split shipped in ../shared is a stratified sample of 200 of its 840 articles.
_FILES = {"train": "polnear_train_sample200.jsonl"}
# Leading titles dropped from a gold mention before matching it against a name
# ("Mr. Steele" ~ "Michael Steele").
_HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "president",
        "gen",
        "prof",
        "rev",
    ]
)
_PRONOUNS = frozenset(["he", "she", "they", "it", "i", "we", "who", "you", "him", "her", "them"])
_EDGE = " \t\n\"'.,;:!?…"


@dataclass(frozen=True)
class GoldQuote:
    """One attribution's quoted content: its letters/digits positions and its speaker mention."""

    chars: frozenset[int]
    text: str
    direct: bool  # False: a partial quote (allowed, not required)
    speaker: str | None  # the source mention, mojibake repaired; None: the relation has none
    pronoun: bool
    # Pronoun speakers: the named person the pronoun refers to by `pronoun_referent`
    # (None: no named referent), and the nearest preceding non-pronoun source mention
    # (the first sessions' heuristic, kept as a second figure).
    referent: str | None = None
    antecedent: str | None = None


@dataclass(frozen=True)
class PolnearArticle:
    """One article of a PolNeAR split, with its gold quotes."""

    id: str
    text: str
    quotes: tuple[GoldQuote, ...]

    @property
    def direct(self) -> list[GoldQuote]:
        return [q for q in self.quotes if q.direct]


@dataclass(frozen=True)
class PredictedQuote:
    """A system's quote placed in the article: letters/digits positions, speaker names."""

    chars: frozenset[int]
    speaker_names: tuple[str, ...]
    text: str = ""


# --- loading ----------------------------------------------------------------------------


def polnear_file(data_dir: Path, split: str) -> Path:
    """The JSONL file of a split (``dev``, ``test`` or ``train``: its 200-article sample)."""
    if split not in SPLITS:
        raise ValueError(f"PolNeAR split must be one of {', '.join(SPLITS)}, not {split!r}")
    return data_dir / "polnear" / _FILES.get(split, f"polnear_{split}.jsonl")


def load_polnear(path: Path, limit: int | None = None) -> list[PolnearArticle]:
    """Articles of a PolNeAR JSONL file (see its SOURCE.md), the first ``limit`` if given."""
    return [parse_record(record) for record in read_jsonl(path, limit)]


def parse_record(record: Mapping[str, Any]) -> PolnearArticle:
    """One JSONL record: the primary annotator's direct and partial quotes."""
    text = record["text"]
    relations = record["annotations"].get(record["primary_annotator"], [])
    named_sources = source_mentions(relations)
    quotes = []
    for rel in relations:
        if rel.get("quote_type") not in ("direct", "partial"):
            continue
        spans = [(s["start"], s["end"]) for s in rel["content"]]
        has_source = bool(rel.get("has_source") and rel["source"])
        pronoun = bool(rel.get("source_is_pronoun")) and has_source
        antecedent = referent = None
        if pronoun:
            start = rel["source"][0]["start"]
            before = [name for at, name in named_sources if at < start]
            antecedent = _as_cleaned(before[-1]) if before else None
            referent = _as_cleaned(
                pronoun_referent(text, start, rel["source"][0]["text"], named_sources)
            )
        quotes.append(
            GoldQuote(
                chars=alnum_positions(text, spans),
                text=" ".join(text[a:b] for a, b in spans),
                direct=rel["quote_type"] == "direct",
                speaker=_as_cleaned(_span_text(rel["source"])) if has_source else None,
                pronoun=pronoun,
                referent=referent,
                antecedent=antecedent,
            )
        )
    return PolnearArticle(id=record["id"], text=text, quotes=tuple(quotes))


def source_mentions(relations: Sequence[Mapping[str, Any]]) -> list[tuple[int, str]]:
    """The gold's non-pronoun source mentions (start, text), in text order: what
    `pronoun_referent` chooses among."""
    return sorted(
        (span["start"], _span_text(rel["source"]))
        for rel in relations
        if rel.get("has_source") and rel["source"] and not rel.get("source_is_pronoun")
        for span in rel["source"][:1]
    )


def _as_cleaned(name: str | None) -> str | None:
    """A gold speaker as cleaning spells it (mojibake repaired: "Peña", not "PeÃ±a"), so it
    matches the name a system reads in the cleaned text."""
    return None if name is None else repair_mojibake(name)


def _span_text(spans: Sequence[Mapping[str, Any]]) -> str:
    return " ".join(str(s["text"]) for s in spans)


def alnum_positions(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Positions of the letters and digits of ``text`` inside ``spans``."""
    return frozenset(i for a, b in spans for i in range(a, min(b, len(text))) if text[i].isalnum())


# --- the pronoun reference ----------------------------------------------------------------


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# A capitalised word (an initial, a hyphenated or apostrophed name: "D’Souza", "al-Sadr").
_CAP_WORD = re.compile(r"[A-Z][\w’'.-]*")
_MALE_TITLES, _FEMALE_TITLES = _set("Mr."), _set("Mrs. Ms. Miss")
# Abbreviations inside a name or a title ("Sen. Elizabeth Warren", "Lt. Gen. X"): no sentence
# end after them.
_ABBREVIATIONS = (
    _MALE_TITLES
    | _FEMALE_TITLES
    | _set("Dr. Sen. Rep. Gov. Gen. Lt. Col. Sgt. Rev. Prof. Jr. Sr. St. Capt. Adm. Atty.")
)
# Capitalised words that open a sentence or a mention without being a name.
_NOT_NAMES = _set(
    "A An And As At But By For From He Her His I If In It Its Mr Mrs Ms Of On One Or She So "
    "That The Their Then There These They This Those To We When While Who You After Before "
    "Following Although Though Since Because During Despite Like Unlike With Without Under "
    "About Among Asked According Meanwhile Still Yet Now Later Earlier Even Also Instead "
    "However Former What Why How Where Many Most Some Several Both Each Every All No Not Only "
    "Just Speaking Even Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
# A name ends its noun phrase where the next word is not a further noun of the mention
# ("The Ohio governor" names nobody; "Nancy Worley of Alabama", "Mark Mahaney, of RBC" do).
_NAME_FOLLOWERS = _set(
    "of who whose at from and said says told wrote added a an the in for on to with"
)
# Words of a title before a name ("Secretary Clinton", "House Speaker Paul Ryan").
_TITLE_WORDS = _HONORIFICS | _set(
    "secretary speaker leader chairman chairwoman director justice judge mayor ambassador "
    "minister prime vice former house senate majority minority attorney general chief sheriff "
    "pastor congressman congresswoman candidate nominee lt col sgt capt adm"
)
# A name the mention puts after a determiner is a group or an institution ("some
# Republicans", "The Times", "the White House").
_DETERMINERS = _set("the some many most several other few all both two three these those")
_MALE, _FEMALE = _set("he him his himself"), _set("she her hers herself")
_PRONOUN_WORD = re.compile(
    r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself|[Ii]ts)\b"
)
_SENTENCE_END = re.compile(r"[.!?][”\"’']*\s+(?=[“\"‘'A-Z(])|\n")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class _Name:
    """A run of capitalised words in a text: where it is and what it says."""

    start: int
    end: int
    text: str  # without a possessive ending
    possessive: bool

    @property
    def core(self) -> str:
        """The name without the titles before it ("Ohio Gov. John Kasich" -> "John
        Kasich", "Senator Jane Roe" -> "Jane Roe", "Mr. Obama" -> "Obama")."""
        words = self.text.split()
        cut = max((k + 1 for k, w in enumerate(words[:-1]) if w in _ABBREVIATIONS), default=0)
        while cut < len(words) - 1 and words[cut].lower().rstrip(".") in _TITLE_WORDS:
            cut += 1
        return " ".join(words[cut:])

    @property
    def key(self) -> str:
        """The last word: what ties "Mrs. Clinton" to "Hillary Clinton"."""
        return self.text.split()[-1]

    @property
    def title(self) -> str | None:
        """The gender a title before the name shows ("Mr.", "Mrs."), if any."""
        words = self.text.split()
        if any(w in _MALE_TITLES for w in words[:-1]):
            return "m"
        return "f" if any(w in _FEMALE_TITLES for w in words[:-1]) else None


# An opening clause up to the comma before a sentence's subject: "When the moderator
# pressed him, ", "Growing up in El Paso, ", "Asked about the poll, ".
_OPENING_CLAUSE = re.compile(
    r"(?:^|(?<=[.!?:\n])\s*)(?:When|While|As|Though|Although|After|Before|Since|Because|If|In"
    r"|On|At|During|With|Without|Despite|Like|Unlike|Amid|[A-Z][a-z]+ing|Asked)\b[^,;:.!?“”\"\n]*,\s*$"
)


# What may stand between a sentence's start and the name that is its subject: a
# connective ("But Ayotte isn't interested.") or a title ("Former Pennsylvania governor
# Ed Rendell, ..., was even more resolute.").
_LEAD_IN = re.compile(
    r"(?:\b(?:And|But|So|Yet|Still|Then|Meanwhile|Now|Former),?"
    r"|(?<![\w,])(?:[Ff]ormer\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}(?P<title>[a-z]+))\s*$"
)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the name at ``at`` opens its sentence, or its main clause after an opening
    clause ("Growing up in El Paso, Mendoza regularly witnessed"), maybe after a
    connective or a title (`_LEAD_IN`)."""
    before = text[:at].rstrip(" “\"‘'(")
    lead = _LEAD_IN.search(before, max(0, at - 80))
    if lead and (lead["title"] is None or lead["title"] in _TITLE_WORDS):
        before = before[: lead.start()].rstrip(" “\"‘'(")
    initial = re.search(r"(?:^|\s)(?:[A-Z]\.)+$", before)  # "scholar A.E. Dick Howard"
    if not before or (before[-1] in ".!?:\n" and not initial):
        return True
    return bool(_OPENING_CLAUSE.search(text, max(0, at - 200), at))


def _name_runs(text: str) -> list[_Name]:
    """Runs of capitalised words ("Ohio Gov. John Kasich", "Mrs. Clinton"), a sentence's
    first word dropped when the text also uses it in lower case ("What", "Former")."""
    runs: list[_Name] = []
    words = list(_CAP_WORD.finditer(text))
    i = 0
    while i < len(words):
        j = i
        while j + 1 < len(words) and text[words[j].end() : words[j + 1].start()] == " ":
            word = words[j].group()
            if _POSSESSIVE.search(word):
                break
            if word.endswith(".") and not (
                word in _ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", word)
            ):
                break
            j += 1
        first, last = i, j
        while first < last or (first == last and words[first].group() in _NOT_NAMES):
            word = words[first].group()
            if word in _ABBREVIATIONS:
                break
            lower = first < last and _opens_sentence(text, words[first].start())
            if word.rstrip(".") in _NOT_NAMES or (
                lower and re.search(rf"\b{re.escape(word.lower())}\b", text)
            ):
                first += 1
                continue
            break
        if first <= last:
            start, end = words[first].start(), words[last].end()
            raw = text[start:end].rstrip(".,")
            name = _POSSESSIVE.sub("", raw)
            if name and name.split()[-1] not in _ABBREVIATIONS:
                runs.append(_Name(start, start + len(name), name, name != raw))
        i = j + 1
    return runs


def _head(text: str, mention: str, at: int = 0) -> _Name | None:
    """The name heading a gold source mention that starts at ``at``, if any. A name must
    end its noun phrase ("The Ohio governor" names nobody) and own it ("North Carolina’s
    Ada Fisher" is Ada Fisher); a single word that opens its mention must also be used
    mid-sentence somewhere in the text ("Delegates" is no name); "DNC" or "R-Ga." is none."""
    for run in _name_runs(mention):
        rest = mention[run.end :]
        follower = re.match(r"[a-z]+", rest.lstrip(" "))
        if run.possessive or (follower and follower.group() not in _NAME_FOLLOWERS):
            continue
        # "Maricopa County (Ariz.) Sheriff Joe Arpaio": the name goes on after the aside
        if re.match(r"\s*\([^()]{1,30}\)\s*[A-Z]", rest) or mention[: run.start].endswith("("):
            continue
        before = tokens(mention[: run.start])
        if before and before[-1] in _DETERMINERS:
            continue
        if not re.search(r"[a-z].*[a-z]", run.key) or run.key.lower() in _TITLE_WORDS:
            continue  # "DNC", "R-Ga."; "Secretary" of "Secretary of State X" is a title
        single = run.start == 0 and run.text == run.key
        if single and not re.search(rf"[a-z,] {re.escape(run.key)}\b", text):
            continue
        return _Name(at + run.start, at + run.end, run.text, run.possessive)
    return None


class _Genders:
    """The gender the text shows for each name of the gold's speakers: a title ("Mr.",
    "Mrs."), a full name's given name ("Bernie Sanders", "Nicole Hargrove"), or the first
    pronoun after the name in its sentence or the next, before any other such name
    (he/his, she/her; it/they for an organisation or a group)."""

    def __init__(
        self,
        text: str,
        runs: Sequence[_Name],
        keys: set[str],
        quoted: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.votes: dict[str, list[str]] = {}
        self.quoted = quoted
        names = [r for r in runs if r.key in keys]
        for k, run in enumerate(names):
            vote = run.title or _given(run) or self._pronoun_after(text, run, names[k + 1 :])
            if vote:
                for label in self._labels(run):
                    self.votes.setdefault(label, []).append(vote)

    def _pronoun_after(self, text: str, run: _Name, later: Sequence[_Name]) -> str | None:
        """Sentences are the narration's (“Uh, no. I don't think so,” she said. is one)
        and a pronoun inside a quotation is the quoted speaker's, not the narrator's."""
        stop = later[0].start if later else len(text)
        ends = _sentence_ends(text, run.end, len(text), self.quoted)
        if ends:
            stop = min(stop, ends[1] if len(ends) > 1 else len(text))
        words = [
            w
            for w in _PRONOUN_WORD.finditer(text, run.end, stop)
            if not _inside(w.start(), self.quoted)
        ]
        # a subject pronoun first: in "X scolded him: “...,” she said." "him" is another
        subjects = [w for w in words if w.group().lower() in ("he", "she")]
        word = next(iter(subjects or words), None)
        if not word:
            return None
        w = word.group().lower()
        return "m" if w in _MALE else "f" if w in _FEMALE else "n"

    @staticmethod
    def _labels(run: _Name) -> list[str]:
        core = run.core.split()
        if len(core) > 1:  # a full name; its given name ties it to "Bill", not to "Clinton"
            return ["=" + run.core, "first:" + core[0], "key:" + run.key]
        return ["key:" + run.key]

    def _majority(self, label: str) -> str | None:
        votes = self.votes.get(label, [])
        best = max(set(votes), key=votes.count, default=None)
        return best if best and votes.count(best) * 2 > len(votes) else None

    def of(self, run: _Name) -> str | None:
        if run.title:
            return run.title
        core = run.core.split()
        if len(core) > 1:
            return (
                _given(run) or self._majority("=" + run.core) or self._majority("first:" + core[0])
            )
        return self._majority("key:" + run.key)


def _given(run: _Name) -> str | None:
    """The gender a full name's given name says ("Bernie Sanders": "m"), if it says one:
    the nearest pronoun after a name may be someone else's ("Nicole Hargrove's husband
    ... he"), the given name is the name's own. Not a longer run of capitalised words
    (a headline's "Chris Christie Calls Hillary Clinton" is no one's name)."""
    core = run.core.split()
    if not 2 <= len(core) <= 3:
        return None
    first = core[0]
    return "m" if first in MALE_NAMES else "f" if first in FEMALE_NAMES else None


def pronoun_referent(
    text: str,
    at: int,
    pronoun: str,
    sources: Sequence[tuple[int, str]],
) -> str | None:
    """The name a "he"/"she" speaker refers to, by a rule on the text and the gold alone.

    ``sources`` are the gold's non-pronoun source mentions (start, text). Candidates are
    the names heading those mentions (a description such as "the Ohio governor", "the
    report", "aides" or the title in "Secretary of State X" heads none) and, anywhere in
    the text, the same names opening a sentence or its main clause ("Trump almost seemed
    to agree.", "When the debate turned to taxes, Jones attacked") or made its subject
    mid-way outside the pronoun's own sentence ("Hannity asked Trump how high ...", "Then
    there's Axelrod."), and names no gold mention heads that open
    the pronoun's sentence or the one before with the pronoun's gender shown (`_newcomers`);
    never a name inside a quotation the pronoun is not in. The referent is the nearest
    candidate before the pronoun whose gender, as the text shows it, agrees with the
    pronoun (a candidate whose gender the text does not show is taken too). A bare surname shared
    by a man and a woman ("Clinton") becomes the full name of the pronoun's gender.
    None (no named referent) for other pronouns ("I", "we", "who") and when no
    candidate qualifies.
    """
    word = tokens(pronoun)[0] if tokens(pronoun) else ""
    gender = "m" if word in _MALE else "f" if word in _FEMALE else None
    if gender is None:
        return None
    runs = _name_runs(text)
    heads = [h for start, mention in sources if (h := _head(text, mention, start))]
    keys = {h.key for h in heads}
    regions = _quoted(text)
    genders = _Genders(text, runs, keys, regions)
    openers = [r for r in runs if r.key in keys and _opens_sentence(text, r.start)]
    # a subject mid-sentence, unless the sentence is the pronoun's own ("What got under
    # her skin, she said, was a question ... when a young man asked Clinton why ...")
    openers += [
        r
        for r in runs
        if r.key in keys
        and _mid_sentence_subject(text, r.start, r.end)
        and not _about(text, *_sentence_of(text, r.start, regions), gender, regions)
    ]
    # A name inside a quotation (someone the quoted speaker talks about or quotes) is not
    # whom a pronoun outside it names: "... Trump is already making us less safe,” he said.
    quoted = [(a, b) for a, b in regions if not a < at < b]
    candidates = sorted(
        (
            r
            for r in [*heads, *openers, *_newcomers(text, at, runs, keys, gender, regions)]
            if r.end <= at and not any(a < r.start < b for a, b in quoted)
        ),
        key=lambda r: r.start,
        reverse=True,
    )
    for run in candidates:
        if genders.of(run) not in (gender, None):
            continue
        core = run.core
        if len(core.split()) == 1:
            full = [r.core for r in runs if r.key == run.key and len(r.core.split()) > 1]
            sexes = {genders.of(r) for r in runs if r.core in full}
            same = [name for name in full if genders.of(_named(name)) == gender]
            if {"m", "f"} <= sexes and same:
                return max(same, key=same.count)
        return core
    return None


# Names a sentence makes its subject mid-way (`_mid_sentence_subject`): the one a question
# is put to ("Hannity asked Trump how high the wall would be. ¶ “...,” he told Hannity."
# is Trump answering; "Mr. Trump was asked about it"), and one the sentence presents
# ("Then there's Axelrod.", "Yet there in the back was Garcia", "The latest is Rep. Joe
# Wilson").
_ASKED_BEFORE = re.compile(r"\b(?:asked|pressed|questioned)\s+$")
_QUESTION_AFTER = re.compile(
    r"\s+(?:(?:on|about)\s+)?(?:whether|if|why|how|what|which|when|where|who|about)\b"
)
_ASKED_AFTER = re.compile(r"\s+(?:was|is|were|had\s+been)\s+(?:also\s+|later\s+)?asked\b")
_PRESENTED = re.compile(
    r"(?:\b[Tt]here(?:['’]s|(?:\s+[a-z]+){0,4}\s+(?:is|was))|\b[Tt]he\s+latest\s+(?:is|was))\s+$"
)


def _mid_sentence_subject(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is one a question is put to or one its
    sentence presents (see above)."""
    if _ASKED_AFTER.match(text, end) or _PRESENTED.search(text, max(0, start - 60), start):
        return True
    return bool(_ASKED_BEFORE.search(text, max(0, start - 20), start)) and bool(
        _QUESTION_AFTER.match(text, end)
    )


def _sentence_of(text: str, at: int, quoted: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The narration's sentence around ``at`` (start, end), as `_sentence_ends` cuts it."""
    start = max([max(0, at - 600), *_sentence_ends(text, max(0, at - 600), at, quoted)])
    after = _sentence_ends(text, at, min(len(text), at + 600), quoted)
    return start, after[0] if after else len(text)


def _newcomers(
    text: str,
    at: int,
    runs: Sequence[_Name],
    keys: set[str],
    gender: str,
    quoted: Sequence[tuple[int, int]],
) -> list[_Name]:
    """Names no gold source mention heads that open the pronoun's sentence or the one
    before it ("Dan Fishman, the campaign's director, has walked away with pages of
    sign-ups. “...,” he said."): a full name, or one the text also uses mid-sentence, whose
    gender the text shows to be the pronoun's. A sentence end inside a quotation ends
    no sentence of the narration (“Uh, no. I don't think so,” she said), and a sentence
    whose subject is the same pronoun continues the one before it: in "Walsh had close
    ties to Biden. But on Sunday he endorsed Clinton. “...,” he said." Walsh is still near."""
    ends = [0, *_sentence_ends(text, 0, at, quoted)]
    ends = [e for k, e in enumerate(ends) if k == 0 or text[ends[k - 1] : e].strip()]
    k = max(0, len(ends) - 2)
    for _ in range(2):
        if k < 1 or not _about(text, ends[k], ends[k + 1], gender, quoted):
            break
        k -= 1
    near = ends[k]
    found = []
    for run in runs:
        if run.key in keys or not near <= run.start < run.end <= at:
            continue
        if not _opens_sentence(text, run.start):
            continue
        if len(run.core.split()) < 2 and not re.search(rf"[a-z,] {re.escape(run.key)}\b", text):
            continue
        if _Genders(text, runs, keys | {run.key}, quoted).of(run) == gender:
            found.append(run)
    return found


def _about(text: str, start: int, end: int, gender: str, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether the sentence ``text[start:end]`` has the pronoun of ``gender`` as its subject
    outside quotations ("But on Sunday he endorsed Clinton.", "“...,” he said.")."""
    narration = "".join(" " if _inside(i, quoted) else text[i] for i in range(start, end))
    word = "he" if gender == "m" else "she"
    opening = (
        r"(?:(?:And|But|So|Yet|Still|Then|Now)\s+)?"
        r"(?:[^,.;:]{0,60},\s*|(?i:on|in|at|last|this)\s+\w+\s+)?"  # "But on Sunday he"
    )
    return bool(re.match(rf"[\s“”\"‘’',]*{opening}(?i:{word})\b", narration))


def _inside(at: int, quoted: Sequence[tuple[int, int]]) -> bool:
    return any(a < at < b for a, b in quoted)


def _sentence_ends(
    text: str, start: int, stop: int, quoted: Sequence[tuple[int, int]]
) -> list[int]:
    """Where the narration's sentences end between two offsets: a sentence end inside a
    quotation ends none (“Uh, no. I don't think so,” she said. is one sentence), nor does
    an abbreviation or an initial ("Former Rep. Chris Shaw", "scholar A.E. Dick Howard")."""
    ends = []
    for m in _SENTENCE_END.finditer(text, start, stop):
        if "\n" in m.group():  # a paragraph ends a sentence, after a quotation too
            ends.append(m.start() + m.group().index("\n") + 1)
        elif not _inside(m.start(), quoted) and not _abbreviation(text, m.start() + 1):
            ends.append(m.end())
    return ends


def _abbreviation(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is an abbreviation or an initial ("Rep.", "A.E.")."""
    word = text[max(0, end - 12) : end].split()[-1:]
    return bool(word) and (
        word[0] in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)+", word[0]) is not None
    )


def _quoted(text: str) -> list[tuple[int, int]]:
    """The text's double-quoted regions (opening mark, closing mark), paragraph by paragraph."""
    return [
        (at + a, at + b) for at, line in paragraphs(text) for a, b in double_quote_regions(line)
    ]


def _named(name: str) -> _Name:
    return _Name(0, len(name), name, False)


# --- placing predictions ----------------------------------------------------------------


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` lower-cased with quote characters folded and white space collapsed,
    and for each character of the result the index of the original character."""
    out: list[str] = []
    where: list[int] = []
    space = True
    for i, ch in enumerate(text):
        for c in " " if ch.isspace() else normalize(ch).lower():
            if c.isspace():
                if space:
                    continue
                c, space = " ", True
            else:
                space = False
            out.append(c)
            where.append(i)
    return "".join(out), where


def _repaired(text: str) -> tuple[str, list[int]]:
    """``text`` as cleaning reads it (mojibake repaired by `repair_mojibake`), and for each
    of its characters the index of the original character it stands for. The repair keeps
    the lines (ftfy mends line by line), so only a changed line is aligned; a repaired run
    stands for the whole run it replaces ("ñ" for "Ã±")."""
    repaired = repair_mojibake(text)
    if repaired == text:
        return text, list(range(len(text)))
    where: list[int] = []
    at = 0
    for old, new in zip(text.split("\n"), repaired.split("\n"), strict=True):
        for op, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if op == "equal":
                where.extend(range(at + a1, at + a2))
            elif b2 > b1:  # a replaced run (or an inserted one, held by the next character)
                last = at + max(a1, a2 - 1)
                where.extend([at + a1] * (b2 - b1 - 1) + [last])
        where.append(at + len(old))  # the newline
        at += len(old) + 1
    return repaired, [min(i, len(text) - 1) for i in where[: len(repaired)]]


def locate(text: str, quotes: Sequence[Quote], actors: Sequence[Actor]) -> list[PredictedQuote]:
    """Place a briefing's quotes in the original article text.

    Each quote's text (quotation marks and edge punctuation stripped, quote
    characters and white space normalised, case ignored) is looked up in order
    in the text as cleaning reads it (mojibake repaired: `_repaired`), and placed
    on the original characters; a repeated text takes the next occurrence. A
    quote not found gets no positions, so it can only be a false positive.
    """
    repaired, original = _repaired(text)
    folded, where = _folded(repaired)
    where = [original[i] for i in where]
    taken: set[int] = set()
    placed = []
    for quote in quotes:
        needle = normalize(quote.text).lower().strip(_EDGE)
        chars: frozenset[int] = frozenset()
        start = folded.find(needle) if needle else -1
        while start != -1 and start in taken:
            start = folded.find(needle, start + 1)
        if start != -1:
            taken.add(start)
            end = where[start + len(needle) - 1] + 1
            chars = alnum_positions(text, [(where[start], end)])
        names = tuple(_pred_names(quote.speaker, actors)) if quote.speaker else ()
        placed.append(PredictedQuote(chars=chars, speaker_names=names, text=quote.text))
    return placed


# --- scoring ----------------------------------------------------------------------------


@dataclass
class _Counts:
    predicted: int = 0
    correct: int = 0  # predictions pooled into a found direct quote, or inside a partial one
    correct_strict: int = 0  # ... into a found direct quote only
    gold: int = 0
    found: int = 0
    named: int = 0
    named_right: int = 0
    pronoun: int = 0  # found pronoun quotes with a named referent
    pronoun_right: int = 0
    pronoun_unnamed: int = 0  # found pronoun quotes with none: left out of `pronoun`
    pronoun_nearest: int = 0  # the old reference: nearest preceding source mention
    pronoun_nearest_right: int = 0

    def add(self, other: _Counts) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)


def speaker_matches(names: Sequence[str], mention: str) -> bool:
    """Whether a predicted speaker (name and aliases) names the gold mention.

    Alias-aware both ways, with `names_score`: the predicted name is a sub-span
    of the mention ("Chris Low" ~ "Chris Low at FTN Financial") or the mention,
    leading titles dropped, is a sub-span of a predicted name ("Mr. Trump" ~
    "Donald Trump").
    """
    if not names:
        return False
    if names_score(names, [mention]) > 0:
        return True
    words = list(tokens(mention))
    while len(words) > 1 and words[0] in _HONORIFICS | {"the"}:
        words = words[1:]
    return names_score([" ".join(words)], names) > 0


def is_pronoun(mention: str) -> bool:
    """Whether a speaker mention is a bare pronoun ("he", "She", "who")."""
    return tokens(mention) in {(p,) for p in _PRONOUNS}


def _assign(gold: Sequence[GoldQuote], preds: Sequence[PredictedQuote]) -> dict[int, list[int]]:
    """Each prediction to the gold quote it overlaps most (none if it overlaps none)."""
    groups: dict[int, list[int]] = {}
    for i, pred in enumerate(preds):
        overlaps = [len(pred.chars & g.chars) for g in gold]
        if overlaps and max(overlaps) > 0:
            groups.setdefault(overlaps.index(max(overlaps)), []).append(i)
    return groups


def score_article(
    article: PolnearArticle, preds: Sequence[PredictedQuote], threshold: float
) -> _Counts:
    """Counts for one article at one threshold (see the module docstring)."""
    counts = _Counts(predicted=len(preds), gold=len(article.direct))
    for j, members in _assign(article.quotes, preds).items():
        gold = article.quotes[j]
        if not gold.direct:
            counts.correct += sum(
                len(preds[i].chars & gold.chars) / len(preds[i].chars) > threshold for i in members
            )
            continue
        covered: set[int] = set()
        useful = []  # a prediction adding nothing to the pool is a duplicate
        for i in sorted(members, key=lambda i: -len(preds[i].chars & gold.chars)):
            new = (preds[i].chars & gold.chars) - covered
            if new:
                useful.append(i)
                covered |= new
        if not gold.chars or len(covered) / len(gold.chars) <= threshold:
            continue
        counts.found += 1
        counts.correct += len(useful)
        counts.correct_strict += len(useful)
        _score_speaker(counts, gold, preds[useful[0]])
    return counts


def _score_speaker(counts: _Counts, gold: GoldQuote, pred: PredictedQuote) -> None:
    if gold.speaker is None:
        return
    if not gold.pronoun and not is_pronoun(gold.speaker):
        counts.named += 1
        counts.named_right += speaker_matches(pred.speaker_names, gold.speaker)
        return
    if gold.referent is not None:
        counts.pronoun += 1
        counts.pronoun_right += speaker_matches(pred.speaker_names, gold.referent)
    else:
        counts.pronoun_unnamed += 1
    if gold.antecedent is not None:
        counts.pronoun_nearest += 1
        counts.pronoun_nearest_right += speaker_matches(pred.speaker_names, gold.antecedent)


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def score_polnear(
    articles: Sequence[PolnearArticle], predictions: Mapping[str, Sequence[PredictedQuote]]
) -> dict[str, float | None]:
    """Micro-averaged quote P/R/F1 and speaker accuracy at each threshold.

    Keys end in ``_0_3`` / ``_0_8``: ``precision``, ``precision_strict``,
    ``recall``, ``f1``, ``speaker_named`` (accuracy on found quotes whose gold
    speaker is a name or description), ``speaker_pronoun`` (on found quotes whose
    gold speaker is a pronoun with a named referent by `pronoun_referent`),
    ``speaker_pronoun_nearest_mention`` (the same quotes against the nearest
    preceding non-pronoun source mention: the first sessions' heuristic, kept so
    both figures are seen), ``named``/``pronoun``/``pronoun_nearest_mention`` (how
    many such quotes), ``pronoun_unnamed`` (found pronoun quotes with no named
    referent, left out of ``pronoun``); plus ``predicted`` and ``gold`` counts. An article missing from ``predictions``
    has predicted nothing.
    """
    out: dict[str, float | None] = {}
    for t in THRESHOLDS:
        total = _Counts()
        for article in articles:
            total.add(score_article(article, predictions.get(article.id, ()), t))
        key = str(t).replace(".", "_")
        precision = _ratio(total.correct, total.predicted)
        recall = _ratio(total.found, total.gold)
        out |= {
            f"precision_{key}": precision,
            f"precision_strict_{key}": _ratio(total.correct_strict, total.predicted),
            f"recall_{key}": recall,
            f"f1_{key}": _f1(precision, recall),
            f"speaker_named_{key}": _ratio(total.named_right, total.named),
            f"speaker_pronoun_{key}": _ratio(total.pronoun_right, total.pronoun),
            f"speaker_pronoun_nearest_mention_{key}": _ratio(
                total.pronoun_nearest_right, total.pronoun_nearest
            ),
            f"named_{key}": float(total.named),
            f"pronoun_{key}": float(total.pronoun),
            f"pronoun_nearest_mention_{key}": float(total.pronoun_nearest),
            f"pronoun_unnamed_{key}": float(total.pronoun_unnamed),
        }
        out["predicted"], out["gold"] = float(total.predicted), float(total.gold)
    return out


_PARAGRAPH = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Non-empty lines of ``text`` with their start offsets (for peers that work per paragraph)."""
    return [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
