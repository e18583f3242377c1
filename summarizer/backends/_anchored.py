"""Anchored extraction: the model answers with references, code fills in the text.

The free strategy asks the model to copy quotes and evidence out of the article, and a
small model then misquotes, paraphrases or invents them; grounding drops what is not
word for word, so recall falls. Here code indexes the article first:

- every sentence gets an id (``S1``, ``S2``, ...), every span between double quotation
  marks a candidate id (``Q1``, ...), written into the article the model reads;
- the offline rules run on the same text, and their actors and speaker attributions are
  shown as hints.

The model answers ``quotes`` as ``{id, speaker}`` and ``tensions`` with a ``sentence`` id;
the ids are enums in the response schema, so an endpoint with constrained decoding
(llama.cpp's grammar from ``response_format.schema``, OpenAI Structured Outputs, vLLM
guided decoding) cannot even emit an unknown one. `resolve` turns the references back into
verbatim text, so a quote or a piece of evidence cannot be fabricated; `merge_with_rules`
then keeps everything the rules found (the LLM path never returns fewer grounded items
than the offline backend) and adds what the model found on top. Grounding still runs on
the result, like on any other extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model

from summarizer._chunking import _add_tension, merge_extractions
from summarizer._grounding import find_actor
from summarizer._schema import Actor, ActorType, Extraction, Quote, Rejection, Tension
from summarizer._text import layout, name_tokens, normalize
from summarizer.backends.offline._lexicon import TENSION_NOUNS, TENSION_RELATIONS, TENSION_VERBS

_MIN_CANDIDATE_WORDS = 1
_NUMBER = re.compile(r"\d[\d,.]*")
_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
# Words a summary may capitalise without the article naming them (sentence starts).
_COMMON_CAPITALS = frozenset(
    {"The", "A", "An", "In", "On", "At", "For", "Of", "And", "But", "Or", "It", "Its"}
    | {"This", "That", "These", "Those", "He", "She", "They", "We", "His", "Her", "Their"}
    | {"After", "Before", "While", "When", "As", "With", "Without", "By", "From", "To"}
)
_WORD = re.compile(r"[\w.,]*\w")  # words and numbers as the article writes them ("1,200")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Candidate:
    """One span between double quotation marks: a possible direct quote."""

    id: str
    text: str  # the words between the marks, exactly as the article has them
    hint: str | None = None  # the speaker the offline rules attribute it to, if any
    context: str = ""  # its paragraph and the one before: where its speaker is named


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str


@dataclass
class AnchorIndex:
    """The article as the model sees it: numbered sentences and quote candidates."""

    sentences: list[Sentence]
    candidates: list[Candidate]
    numbered: str  # the article with [S#] before each sentence and [Q#] before each candidate
    rules: Extraction  # the offline backend's answer on the same text: hints and floor
    by_id: dict[str, str] = field(default_factory=dict)
    # Whether the merge adds actors the model names (tension parties, its actor list) to
    # the rules' (prompt v2), or keeps the rules' actors exactly (v3 on: `merge_with_rules`).
    add_actors: bool = True

    def __post_init__(self) -> None:
        self.by_id = {s.id: s.text for s in self.sentences}
        self.by_id.update({c.id: c.text for c in self.candidates})


def index_article(text: str, rules: Extraction, *, mark_quotes: bool = True) -> AnchorIndex:
    """Number the sentences and quotation-mark spans of ``text`` (a cleaned article body).

    ``mark_quotes=False`` (prompt v3, which asks nothing about quotes): the candidates are
    still indexed, but no ``[Q#]`` marker is written into the text the model reads.
    """
    sentences: list[Sentence] = []
    candidates: list[Candidate] = []
    lines: list[str] = []
    previous = ""
    for para in layout(text):
        marks = {a: b for a, b in para.regions}
        first = len(candidates)
        pieces: list[str] = []
        for start, end in para.sentences():
            sid = f"S{len(sentences) + 1}"
            sentences.append(Sentence(sid, para.text[start:end].strip()))
            marked = _mark_candidates(para.text, start, end, marks, candidates)
            shown = marked if mark_quotes else para.text[start:end]
            pieces.append(f"[{sid}] " + shown)
        lines.append(" ".join(p.strip() for p in pieces))
        context = f"{previous}\n{para.text}"
        candidates[first:] = [replace(c, context=context) for c in candidates[first:]]
        previous = para.text
    hinted = [_with_hint(c, rules) for c in candidates]
    return AnchorIndex(sentences, hinted, "\n\n".join(lines), rules)


def _mark_candidates(
    text: str, start: int, end: int, marks: dict[int, int], out: list[Candidate]
) -> str:
    """The sentence ``text[start:end]`` with ``[Q#]`` written before each opening mark."""
    pieces: list[str] = []
    pos = start
    for open_at in sorted(a for a in marks if start <= a < end):
        inner = text[open_at + 1 : marks[open_at]].strip()
        if len(inner.split()) < _MIN_CANDIDATE_WORDS:
            continue
        qid = f"Q{len(out) + 1}"
        out.append(Candidate(qid, inner))
        pieces += [text[pos:open_at], f"[{qid}]"]
        pos = open_at
    pieces.append(text[pos:end])
    return "".join(pieces)


def _with_hint(candidate: Candidate, rules: Extraction) -> Candidate:
    key = _quote_key(candidate.text)
    for quote in rules.quotes:
        other = _quote_key(quote.text)
        if other and (other in key or key in other):
            return replace(candidate, hint=quote.speaker)
    return candidate


def _quote_key(text: str) -> str:
    return normalize(text).strip(" \"'.,;:!?…").lower()


# --- the answer the model gives ----------------------------------------------------


class AnchoredActor(BaseModel):
    name: str = Field(description="fullest form in the article")
    type: ActorType
    role: str = Field("", description="as the article states it")


def answer_model(index: AnchorIndex, *, enums: bool = True) -> type[BaseModel]:
    """The response model for ``index``: candidate and sentence ids are enums.

    With no candidates the model cannot answer quotes at all (an empty enum is not valid
    JSON Schema), so the field is left out; likewise tensions with no sentences (with
    enums only: a string id is checked, so the schema stays the same for every article).

    ``enums=False``: the ids are strings checked against the index after the answer
    (a wrong one is re-asked like an enum miss), for requests where the schema is only
    text the model reads (tools, md_json): there the id lists cost ~270 tokens per
    article and differ per article, so no prompt cache could reuse the schema.
    """
    fields: dict[str, Any] = {
        "summary": (str, Field(description="2-4 neutral sentences, at most 90 words")),
        "actors": (list[AnchoredActor], Field(default_factory=list)),
    }
    qids = tuple(c.id for c in index.candidates)
    if qids or not enums:  # a string id can be checked against an empty list
        quote = create_model(
            "AnchoredQuote",
            id=(_id_type(qids, "a [Q#] id", enums), ...),
            speaker=(str, Field(description="actor name")),
        )
        fields["quotes"] = (list[quote], Field(default_factory=list))  # type: ignore[valid-type]
    sids = tuple(s.id for s in index.sentences)
    if sids or not enums:
        tension = create_model(
            "AnchoredTension",
            parties=(list[str], Field(description="actor names")),
            description=(str, Field(description="one neutral sentence")),
            sentence=(
                _id_type(sids, "an [S#] id", enums),
                Field(description="id of the sentence stating it"),
            ),
        )
        fields["tensions"] = (list[tension], Field(default_factory=list))  # type: ignore[valid-type]
    return create_model(  # type: ignore[call-overload,no-any-return]
        "Briefing", __config__=ConfigDict(extra="ignore"), **fields
    )


def _id_type(ids: tuple[str, ...], what: str, enums: bool) -> Any:
    """``Literal[ids]`` (an enum in the schema), or a string validated against ``ids``."""
    if enums:
        return Literal[ids]  # type: ignore[valid-type]
    allowed = frozenset(ids)

    def known(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"{value!r} is not {what} of the article")
        return value

    return Annotated[str, AfterValidator(known)]


def answer_schema_lenient() -> type[BaseModel]:
    """The same answer with ids as plain strings: for salvage after re-asks ran out."""
    return _LenientAnswer


class _LenientQuote(BaseModel):
    id: str
    speaker: str = ""


class _LenientTension(BaseModel):
    parties: list[str] = Field(default_factory=list)
    description: str = ""
    sentence: str = ""


class _LenientAnswer(BaseModel):
    model_config = ConfigDict(extra="ignore")
    summary: str = ""
    actors: list[AnchoredActor] = Field(default_factory=list)
    quotes: list[_LenientQuote] = Field(default_factory=list)
    tensions: list[_LenientTension] = Field(default_factory=list)


# --- the answer of prompt v3: only what the merge uses --------------------------------
#
# Replaying v2's recorded dev answers with parts taken away (`scripts/anchored-merge.py`,
# evals/BENCHMARKS.md): without the model's summary, quotes and actors list every field
# of the merged default scored the same (its actor gains come in as tension parties);
# without the tension descriptions tensions F1 fell. So v3 asks for tensions only, as
# v2 did: parties, a description, the id of the sentence stating it. Parties are names, not
# ids of the hint list: a probe with ids had the 1.5B model enumerate them ("A1, A2",
# "A1, A3", ...), and an id saves ~1 token of a name's ~3.

MAX_TENSIONS = 6  # json mode's grammar only: bounds a small model's repetition loops


def answer_shape(prompt_version: str) -> int:
    """The answer a prompt version asks for: 6 (a verdict per tension candidate) from v6
    on, 3 (tensions only) from v3, else 2."""
    major = prompt_version.split(".")[0]
    number = int(major) if major.isdigit() else 0
    return 6 if number >= 6 else 3 if number >= 3 else 2


class _Compact(BaseModel):
    """A response model whose JSON Schema has no titles below the root and no ``$ref``:
    sent as prompt text, tool parameters or ``response_format``, they are tokens that
    say nothing new."""

    model_config = ConfigDict(extra="ignore")

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        schema = super().model_json_schema(*args, **kwargs)
        compact: dict[str, Any] = _compact(schema, schema.pop("$defs", {}))
        return {"title": schema["title"], **compact}  # the name tools and instructor use


def _compact(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with no titles and every ``$ref`` written out in place (none is recursive)."""
    if isinstance(node, list):
        return [_compact(v, defs) for v in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return _compact(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    return {k: _compact(v, defs) for k, v in node.items() if k != "title" or not isinstance(v, str)}


def answer_model_v3(index: AnchorIndex, *, enums: bool = True) -> type[BaseModel]:
    """Tensions as ``{parties, description, sentence}`` (v2's order: asked for the
    sentence first, the 1.5B model walked the article S1, S2, ... copying each);
    ``sentence`` an enum of the article's ids (``enums=False``: a string checked after
    the answer, as in v2)."""
    sids = tuple(s.id for s in index.sentences)
    fields: dict[str, Any] = {}
    if sids or not enums:
        tension = create_model(
            "Tension",
            __base__=_Compact,
            parties=(list[str], ...),
            description=(str, ...),
            sentence=(_id_type(sids, "an [S#] id", enums), ...),
        )
        fields["tensions"] = (list[tension], Field(default_factory=list))  # type: ignore[valid-type]
    return create_model("Answer", __base__=_Compact, **fields)  # type: ignore[call-overload,no-any-return]


# Prompts v4 and v5: v3's answer, parties capped in the grammar. v3's 1.5B answers held
# one tension naming many parties (up to fifteen) where v2's held two or three of two:
# each extra party the evidence sentence names became an actor (spurious on dev: "Iraq",
# a polling firm), and the eval's tension match counts a tension naming every party of a
# gold one, however many more it names. v4 asks for 2-4 tensions of 2-3 parties (the 1.5B
# model then wrote pairs, often the same one again: below v3 on dev); v5 keeps v3's
# instructions and tension count and caps parties at 3 (replaying v3's dev answers cut to
# their first 3 parties kept most of its tension gain and added no spurious actor).
# (min tensions, max tensions, min parties, max parties) per prompt version, grammar only.
_GRAMMAR_CAPS: dict[int, tuple[int, int, int, int]] = {
    3: (0, MAX_TENSIONS, 0, 0),
    4: (2, 4, 2, 3),
    5: (0, MAX_TENSIONS, 1, 3),
}


def grammar_schema_v3(answer: type[BaseModel], prompt_version: str = "3") -> dict[str, Any]:
    """The schema llama.cpp decodes to in json mode: the answer's with the caps of
    `_GRAMMAR_CAPS` (v3: at most 6 tensions; v4: 2-4 tensions of 2-3 parties; v5: at most 6
    tensions of at most 3 parties; a newer version takes the newest caps).

    The caps are in the grammar only, not in validation: an endpoint without a grammar
    (tools) may return more, and a strong model's longer list is not re-asked.
    """
    schema = answer.model_json_schema()
    if "tensions" not in schema["properties"]:
        return schema
    major = prompt_version.split(".")[0]
    number = int(major) if major.isdigit() else 3
    low, high, fewest, most = _GRAMMAR_CAPS[min(max(number, 3), max(_GRAMMAR_CAPS))]
    tensions = schema["properties"]["tensions"]
    tensions["maxItems"] = high
    if low:
        tensions["minItems"] = low
    parties = tensions["items"]["properties"]["parties"]
    if fewest:
        parties["minItems"] = fewest
    if most:
        parties["maxItems"] = most
    return schema


class _LenientAnswerV3(BaseModel):
    model_config = ConfigDict(extra="ignore")
    tensions: list[_LenientTension] = Field(default_factory=list)  # the same item as v2


def answer_schema_lenient_v3() -> type[BaseModel]:
    """The v3 answer with ids as plain strings: for salvage after re-asks ran out."""
    return _LenientAnswerV3


# --- prompt v6: code proposes tension candidates, the model confirms them -------------
#
# v3's 1.5B answers held one tension naming many parties (up to fifteen), with a sentence
# that often states no conflict between them; on dev its gain over the rules came from two
# articles. v6 turns the task into a yes/no check the model is asked once per candidate:
# code proposes every pair of the rules' actors that one sentence with a conflict word
# names (not a pair the rules already hold as a tension), the model answers true or false
# for each, and code writes the tension: the pair, the sentence as evidence, a neutral
# description. Probes on four dev articles: asked for a list of the ids that are
# conflicts, the model listed C1, C2, ... up to the cap; asked true/false for each id (the
# grammar forcing every id in order) it chose 1-2 of 5-16. Recorded on the whole dev suite
# the 1.5B model's true verdicts matched a gold tension at the candidates' base rate (5 of
# 43 against 16 of 153), below the rules and v3 (evals/BENCHMARKS.md): v6 is in
# prompts/anchored-rejected/, loadable by path so its runs replay.

MAX_CANDIDATES = 20  # per article (dev: 6.4 on average, 55 at most before the cap)
_CANDIDATE_MAX_WORDS = 75  # a longer sentence is not the evidence of one tension
# Conflict words: the offline rules' tension cues and these, as whole words, lower-cased.
_MORE_CONFLICT_WORDS = (
    r"disagree\w*|protest\w*|reject\w*|critic\w*|deni\w*|deny|against|demand\w*|fear\w*"
    r"|angr\w*|outrage|investigat\w*|charg\w*|pressur\w*|opposition|feud|fight\w*|spar\w*"
    r"|slam\w*|vs\.?|versus|hostile|penaliz\w*|blast\w*|mistake|foe\w*|adversar\w*"
)


@dataclass(frozen=True)
class TensionCandidate:
    """Two of the rules' actors named in one sentence with a conflict word."""

    id: str  # "C1", ...
    sentence: str  # the sentence's id ("S4")
    parties: tuple[str, str]  # as the rules name them
    text: str  # the sentence, verbatim


def _conflict_words() -> re.Pattern[str]:
    cues = "|".join((*TENSION_VERBS, *TENSION_NOUNS, *TENSION_RELATIONS, _MORE_CONFLICT_WORDS))
    return re.compile(rf"\b(?:{cues})\b", re.IGNORECASE)


def tension_candidates(index: AnchorIndex) -> list[TensionCandidate]:
    """In article order, at most `MAX_CANDIDATES`: each pair of the rules' actors named in
    a sentence (of at most 75 words) with a conflict word, once per pair (its first such
    sentence), leaving out the pairs the rules already have a tension for."""
    conflict = _conflict_words()
    actors = index.rules.actors

    def pair(names: Any) -> frozenset[tuple[str, ...]]:
        return frozenset(name_tokens(n) for n in names)

    seen = {pair(t.parties) for t in index.rules.tensions}
    found: list[TensionCandidate] = []
    for sentence in index.sentences:
        text = sentence.text
        if len(text.split()) > _CANDIDATE_MAX_WORDS or not conflict.search(text):
            continue
        named = [a.name for a in actors if _named_in(a.name, text, actors)]
        for i, first in enumerate(named):
            for second in named[i + 1 :]:
                key = pair((first, second))
                if key in seen or len(key) < 2:
                    continue
                seen.add(key)
                cid = f"C{len(found) + 1}"
                found.append(TensionCandidate(cid, sentence.id, (first, second), text))
                if len(found) == MAX_CANDIDATES:
                    return found
    return found


def candidate_lines(candidates: list[TensionCandidate]) -> str:
    """Each sentence once, then its candidates: ``S4: <sentence>`` / ``  C1: A / B``."""
    lines: list[str] = []
    last = None
    for c in candidates:
        if c.sentence != last:
            lines.append(f"{c.sentence}: {c.text}")
            last = c.sentence
        lines.append(f"  {c.id}: {c.parties[0]} / {c.parties[1]}")
    return "\n".join(lines) if lines else "none"


def answer_model_v6(
    candidates: list[TensionCandidate], *, explicit: bool = True
) -> type[BaseModel]:
    """``{"verdicts": {"C1": true, "C2": false, ...}}``.

    ``explicit``: one required boolean per candidate, no other key (the schema llama.cpp
    decodes to, and Structured Outputs' strict mode); else an object of booleans whose keys
    are checked after the answer (the schema shown as prompt text: the same for every
    article, so a prompt cache reuses the system message).
    """
    if explicit:
        fields: dict[str, Any] = {c.id: (bool, ...) for c in candidates}
        verdicts: Any = create_model(  # type: ignore[call-overload]
            "Verdicts", __config__=ConfigDict(extra="forbid"), **fields
        )
    else:
        allowed = frozenset(c.id for c in candidates)

        def known(value: dict[str, bool]) -> dict[str, bool]:
            unknown = sorted(set(value) - allowed)
            if unknown:
                raise ValueError(f"{unknown} are not candidate ids of this article")
            return value

        verdicts = Annotated[dict[str, bool], AfterValidator(known)]
    return create_model("Answer", __base__=_Compact, verdicts=(verdicts, ...))  # type: ignore[call-overload,no-any-return]


def grammar_schema_v6(candidates: list[TensionCandidate]) -> dict[str, Any]:
    """The schema llama.cpp decodes to in json mode: every candidate id, in order."""
    return answer_model_v6(candidates).model_json_schema()


class _LenientAnswerV6(BaseModel):
    model_config = ConfigDict(extra="ignore")
    verdicts: dict[str, Any] = Field(default_factory=dict)


def answer_schema_lenient_v6() -> type[BaseModel]:
    """The v6 answer with any keys: for salvage after re-asks ran out."""
    return _LenientAnswerV6


def resolve_v6(
    answer: BaseModel | dict[str, Any], candidates: list[TensionCandidate]
) -> tuple[Extraction, list[Rejection]]:
    """The candidates the model confirmed as tensions: the pair, the sentence as evidence,
    a description code writes. A verdict for an id that is no candidate is rejected."""
    data = answer if isinstance(answer, dict) else answer.model_dump()
    verdicts = data.get("verdicts") or {}
    by_id = {c.id: c for c in candidates}
    rejected = [
        _rejection("tensions", {"id": k}, "refers to no tension candidate of the article")
        for k in verdicts
        if k not in by_id
    ]
    tensions = [
        Tension(
            parties=list(c.parties),
            description=f"{c.parties[0]} and {c.parties[1]} are in conflict, as the article states.",
            evidence=c.text,
        )
        for c in candidates
        if verdicts.get(c.id) is True
    ]
    return Extraction(summary="", actors=[], tensions=tensions, quotes=[]), rejected


# --- from references back to text ---------------------------------------------------


def resolve(
    answer: BaseModel | dict[str, Any], index: AnchorIndex
) -> tuple[Extraction, list[Rejection]]:
    """The model's answer as an `Extraction` with verbatim text filled in by code.

    A reference to an id the index does not hold is dropped and listed as rejected
    (with constrained decoding it cannot occur; without it, it can).
    """
    data = answer if isinstance(answer, dict) else answer.model_dump()
    rejected: list[Rejection] = []
    actors = [
        Actor(name=a["name"].strip(), type=a["type"], role=a.get("role") or "")
        for a in data.get("actors") or []
        if a.get("name", "").strip()
    ]
    quotes: list[Quote] = []
    for item in data.get("quotes") or []:
        candidate = next((c for c in index.candidates if c.id == item.get("id")), None)
        if candidate is None:
            rejected.append(_rejection("quotes", item, "refers to no quotation in the article"))
            continue
        speaker = candidate.hint or (item.get("speaker") or "").strip()
        if not speaker:
            rejected.append(_rejection("quotes", item, "has no speaker"))
            continue
        quotes.append(Quote(text=candidate.text, speaker=speaker))
    tensions: list[Tension] = []
    for item in data.get("tensions") or []:
        evidence = index.by_id.get(item.get("sentence") or "")
        if evidence is None or not str(item.get("sentence", "")).startswith("S"):
            rejected.append(_rejection("tensions", item, "refers to no sentence of the article"))
            continue
        parties = [p.strip() for p in item.get("parties") or [] if p and p.strip()]
        tensions.append(
            Tension(parties=parties, description=item.get("description") or "", evidence=evidence)
        )
    summary = (data.get("summary") or "").strip()
    return Extraction(summary=summary, actors=actors, tensions=tensions, quotes=quotes), rejected


def _rejection(field_name: str, item: Any, reason: str) -> Rejection:
    shown = item if isinstance(item, dict) else {"value": item}
    return Rejection(field=field_name, item=shown, reason=reason)  # type: ignore[arg-type]


# The fields in which the model's (supported) additions are merged over the rules' items,
# decided per field on the dev suite by replaying the recorded answers
# (`scripts/anchored-merge.py`; evals/BENCHMARKS.md): actors and tensions gained, the
# quotes it attributed where the rules had not were wrong more often than right.
MODEL_ADDS = frozenset({"actors", "tensions"})


def merge_with_rules(model: Extraction, index: AnchorIndex, article_text: str) -> Extraction:
    """The rules' items first (the floor), then what the model adds in `MODEL_ADDS`; the
    rules' lead summary.

    The model's actors are merged into the rules' by name; its quotes are not merged
    (the rules' speakers win where they resolve one, and where they did not the model's
    were wrong on dev). The summary is the rules' lead: on the dev suite the 1.5B model's
    summaries covered less of what gold requires than the lead, even those every name
    and number of which the article holds (`faithful_summary`), and even those naming
    more of the rules' actors than the lead (`scripts/anchored-merge.py`; BENCHMARKS).

    With ``index.add_actors`` off (prompts v3 on, which ask for tensions only) the actors
    are the rules' exactly, so actors F1 equals the rules' on every article: a tension
    naming a party the rules do not list is then dropped by grounding (listed under
    ``rejected``). Replaying v3's 24 dev answers, every party added as an actor lowered
    actors F1 (0.827 against the rules' 0.831, "Iraq" and a polling firm), also when
    added only if the article names it twice or more (0.829); tensions F1 was the same
    either way (0.323).
    """
    model = _supported_additions(_speakers_as_actors(model), index)
    adds = MODEL_ADDS if index.add_actors else MODEL_ADDS - {"actors"}
    kept: dict[str, Any] = {f: [] for f in ("actors", "quotes", "tensions") if f not in adds}
    merged = merge_extractions([index.rules, model.model_copy(update=kept)])
    # The rules' tensions exactly, then the model's that repeat none of them: merging
    # chunks drops a tension whose evidence another already has, and the rules give two
    # tensions one sentence ("Israel and the United States ... opposed the Palestinians'
    # efforts"), so the merge would have lost one of the rules' own.
    tensions = list(index.rules.tensions)
    for tension in merged.tensions:
        _add_tension(tensions, tension)
    return merged.model_copy(update={"summary": index.rules.summary, "tensions": tensions})


def _supported_additions(model: Extraction, index: AnchorIndex) -> Extraction:
    """What the model adds that the article's own wording supports.

    Measured on the first dev articles with the 1.5B model, its raw additions cost
    precision on every field: an actor the rules have, renamed with a title ("South Korean
    President Moon Jae-in"); a quote given to someone the paragraph never names; a
    "tension" whose sentence names neither party. So an actor the rules already have
    keeps the rules' name, a quote the rules left unattributed is kept only when its
    speaker is named in its paragraph or the one before, and a tension only when its
    sentence names its parties (two of them, or its only one).
    """
    rules = index.rules.actors
    actors = [a for a in model.actors if find_actor(a.name, rules) is None]
    known = [*rules, *actors]

    def canon(name: str) -> str:
        actor = find_actor(name, known)
        return actor.name if actor is not None else name

    context = {c.text: c.context for c in index.candidates}
    quotes = [
        q.model_copy(update={"speaker": canon(q.speaker)})
        for q in model.quotes
        if _named_in(q.speaker, context.get(q.text, ""), known)
    ]
    tensions = []
    for t in model.tensions:
        parties = list(dict.fromkeys(canon(p) for p in t.parties))
        named = sum(_named_in(p, t.evidence, known) for p in parties)
        if parties and named >= min(2, len(parties)):
            tensions.append(t.model_copy(update={"parties": parties}))
    return model.model_copy(update={"actors": actors, "quotes": quotes, "tensions": tensions})


def names_of(name: str, actors: list[Actor]) -> list[str]:
    """The names a text may call the actor ``name`` refers to by: any of its names, and a
    person's surname (``name`` itself when no actor matches)."""
    actor = find_actor(name, actors)
    names = actor.names() if actor is not None else [name]
    if actor is not None and actor.type == "person":
        names += [n.split()[-1] for n in names if len(n.split()) > 1]
    return [n for n in names if n.strip()]


def _named_in(name: str, text: str, actors: list[Actor]) -> bool:
    """Whether ``text`` names the actor ``name`` refers to (`names_of`), as whole words."""
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names_of(name, actors))


def _speakers_as_actors(extraction: Extraction) -> Extraction:
    """Every quote speaker and tension party the model named is also one of its actors."""
    actors = list(extraction.actors)
    names = [q.speaker for q in extraction.quotes] + [
        p for t in extraction.tensions for p in t.parties
    ]
    for name in names:
        if find_actor(name, actors) is None:
            actors.append(Actor(name=name, type=_guess_type(name), role=""))
    return extraction.model_copy(update={"actors": actors})


def _guess_type(name: str) -> ActorType:
    return "person" if len(name.split()) in (2, 3) and name.istitle() else "organization"


def unsupported_terms(summary: str, article_text: str) -> list[str]:
    """Names and numbers in ``summary`` that do not occur in the article (as whole words)."""
    article = normalize(article_text).lower()
    words = set(_WORD.findall(article))
    missing = [n for n in _NUMBER.findall(summary) if n.rstrip(".,") not in words]
    for name in _NAME.findall(summary):
        parts = [_POSSESSIVE.sub("", w).lower() for w in name.split() if w not in _COMMON_CAPITALS]
        if any(p.strip(".") not in words for p in parts if p.strip(".")):
            missing.append(name)
    return [m.rstrip(".,") for m in missing]


def faithful_summary(summary: str, article_text: str) -> bool:
    """A non-empty summary every name and number of which occurs in the article."""
    return bool(summary.strip()) and not unsupported_terms(summary, article_text)


# --- hints shown to the model -------------------------------------------------------


def actor_hints(index: AnchorIndex) -> str:
    """The rules' actors, one compact line: ``Vladimir Putin (person); Russia (country)``."""
    shown = [f"{a.name} ({a.type})" for a in index.rules.actors]
    return "; ".join(shown) if shown else "none"


def actor_names(index: AnchorIndex) -> str:
    """The rules' actors, names only (prompt v3): ``Vladimir Putin; Russia``."""
    return "; ".join(a.name for a in index.rules.actors) or "none"


def speaker_hints(index: AnchorIndex) -> str:
    """The candidates the rules attributed: ``Q1 Andrei Belousov; Q3 Vladimir Putin``."""
    shown = [f"{c.id} {c.hint}" for c in index.candidates if c.hint]
    return "; ".join(shown) if shown else "none"
