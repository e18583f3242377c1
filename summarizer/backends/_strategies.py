"""Extraction strategies: what one model call asks for, and how its answer becomes an
`Extraction`.

- ``free``: the model fills `Extraction` itself, copying quotes and evidence; grounding
  runs as a validator, so an unverbatim quote goes back to the model as a re-ask.
- ``anchored``: code numbers the article's sentences and quotation-mark spans and runs
  the offline rules; the model answers with ids (enums in its schema) and code fills in
  the text and merges the rules' items in (`summarizer.backends._anchored`).

A plan carries the request (messages, response model, limits), the JSON schema sent in
``response_format`` in ``json`` mode (llama.cpp builds its decoding grammar from it), and
two ways back to an `Extraction`: from a validated answer, and from the raw text of the
last answer when re-asks ran out (salvage).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import instructor
from pydantic import BaseModel, ValidationError

from summarizer._prompts import PromptTemplate
from summarizer._schema import Extraction, Rejection
from summarizer.backends import _anchored, _answers
from summarizer.backends.offline._backend import extract_offline  # the rules: on first use
from summarizer.infra._settings import Settings
from summarizer.input._cleaning import CleanArticle

_ENFORCED = frozenset({"json", "json_schema"})


@dataclass
class FreePlan:
    """The model fills `Extraction` directly."""

    request: dict[str, Any]
    schema: dict[str, Any] | None = None

    def finish(self, answer: Any) -> Extraction:
        return answer  # type: ignore[no-any-return]

    def parse(self, raw: str | None) -> tuple[Extraction, list[Rejection]] | None:
        return _answers.parse_without_grounding(raw)


@dataclass
class AnchoredPlan:
    """The model answers with ids; code fills in verbatim text and merges the rules in."""

    request: dict[str, Any]
    schema: dict[str, Any]
    index: _anchored.AnchorIndex
    article_text: str
    shape: int = 2  # the answer the prompt asks for (`_anchored.answer_shape`)

    candidates: list[_anchored.TensionCandidate] | None = None  # prompt v6 on

    def finish(self, answer: BaseModel) -> Extraction:
        if self.shape >= 6:
            resolved, rejected = _anchored.resolve_v6(answer, self.candidates or [])
        else:
            resolved, rejected = _anchored.resolve(answer, self.index)
        merged = _anchored.merge_with_rules(resolved, self.index, self.article_text)
        merged._salvage_rejected = rejected
        return merged

    def rules_only(self, raw: str | None, reason: str) -> Extraction:
        """The rules' briefing when the model's answer is unusable; the answer is listed
        as rejected (under each field the prompt asks for) with ``reason``."""
        empty = Extraction(summary="", actors=[], tensions=[], quotes=[])
        merged = _anchored.merge_with_rules(empty, self.index, self.article_text)
        asked = ("tensions",) if self.shape >= 3 else ("actors", "quotes", "tensions")
        shown = {"answer": (raw or "")[:300]}
        merged._salvage_rejected = [
            Rejection(field=f, item=shown, reason=reason)  # type: ignore[arg-type]
            for f in asked
        ]
        return merged

    def parse(self, raw: str | None) -> tuple[Extraction, list[Rejection]] | None:
        """Read the last answer leniently: unknown ids are dropped (and listed), not fatal."""
        data = _answers.json_object(raw)
        if data is None:
            return None
        try:
            lenient = (
                _anchored.answer_schema_lenient_v6()
                if self.shape >= 6
                else _anchored.answer_schema_lenient_v3()
                if self.shape >= 3
                else _anchored.answer_schema_lenient()
            )
            answer = lenient.model_validate(data)
        except ValidationError:
            return None
        extraction = self.finish(answer)
        return extraction, list(extraction._salvage_rejected)


Plan = FreePlan | AnchoredPlan


def make_plan(
    settings: Settings, prompt: PromptTemplate, model: str, article: CleanArticle
) -> Plan:
    """The request for one article (or one chunk of a long one) under ``settings.strategy``."""
    limits = {
        "model": model,
        "max_retries": settings.max_reasks,
        "temperature": settings.temperature,
        "max_tokens": settings.max_output_tokens,
    }
    meta = {"title": article.title, "source": article.source, "published": article.published}
    if settings.strategy != "anchored":
        messages = prompt.render(article=article.text, **meta)
        return FreePlan({**limits, "messages": messages, "response_model": _free_model()})
    if _anchored.answer_shape(prompt.version) >= 6:
        return _plan_v6(settings, prompt, article, limits, meta)
    if _anchored.answer_shape(prompt.version) >= 3:
        return _plan_v3(settings, prompt, article, limits, meta)
    index = _anchored.index_article(article.text, extract_offline(article))
    answer = _anchored.answer_model(index)
    messages = prompt.render(
        article=index.numbered,
        actors=_anchored.actor_hints(index),
        speakers=_anchored.speaker_hints(index),
        **meta,
    )
    # Where the schema is enforced in decoding (json: llama.cpp's grammar from
    # response_format.schema; json_schema: Structured Outputs) the ids are enums; where it
    # is only text in the request (tools, md_json) they are checked after the answer.
    shown = answer if settings.mode in _ENFORCED else _anchored.answer_model(index, enums=False)
    response_model = instructor.openai_schema(shown)
    request = {**limits, "messages": messages, "response_model": response_model}
    return AnchoredPlan(request, answer.model_json_schema(), index, article.text)


def _plan_v3(
    settings: Settings,
    prompt: PromptTemplate,
    article: CleanArticle,
    limits: dict[str, Any],
    meta: dict[str, Any],
) -> AnchoredPlan:
    """Prompt v3 and v4: tensions only, no quotation markers, the rules' actors by name
    (v4: the grammar caps tensions at 4, each with 2-3 parties).

    What goes out per mode: ``json`` (llama.cpp) puts the schema with the sentence ids as
    strings into the prompt (so the system message is the same for every article and a
    prompt cache reuses all of it) and the schema with the ids as enums, at most
    `MAX_TENSIONS` tensions, into ``response_format.schema`` (the decoding grammar);
    ``json_schema`` (OpenAI Structured Outputs, vLLM, Ollama) sends the enum schema, which
    they enforce; ``tools`` and ``md_json`` send the string schema, checked after the answer.
    """
    index = _anchored.index_article(article.text, extract_offline(article), mark_quotes=False)
    index.add_actors = False  # the rules' actors exactly (`_anchored.merge_with_rules`)
    answer = _anchored.answer_model_v3(index)
    messages = prompt.render(article=index.numbered, actors=_anchored.actor_names(index), **meta)
    enforced = settings.mode == "json_schema"
    shown = answer if enforced else _anchored.answer_model_v3(index, enums=False)
    request = {**limits, "messages": messages, "response_model": instructor.openai_schema(shown)}
    schema = _anchored.grammar_schema_v3(answer, prompt.version)
    return AnchoredPlan(request, schema, index, article.text, shape=3)


def _plan_v6(
    settings: Settings,
    prompt: PromptTemplate,
    article: CleanArticle,
    limits: dict[str, Any],
    meta: dict[str, Any],
) -> AnchoredPlan:
    """Prompt v6: code proposes tension candidates (two of the rules' actors one sentence
    with a conflict word names), the model answers true or false for each
    (`_anchored.tension_candidates`); the request holds the candidates' sentences, not the
    article. Measured below v3 on dev (`prompts/anchored-rejected/anchored.v6.md`).

    What goes out per mode: ``json`` (llama.cpp) puts a schema with no ids into the prompt
    (an object of booleans: the system message is the same for every article) and one
    required boolean per candidate id, in order, into ``response_format.schema`` (the
    decoding grammar); ``json_schema`` (Structured Outputs) sends the per-candidate schema,
    which strict mode enforces; ``tools`` and ``md_json`` send the schema with no ids, the
    keys checked after the answer.
    """
    index = _anchored.index_article(article.text, extract_offline(article), mark_quotes=False)
    index.add_actors = False  # the rules' actors exactly (`_anchored.merge_with_rules`)
    candidates = _anchored.tension_candidates(index)
    messages = prompt.render(candidates=_anchored.candidate_lines(candidates), **meta)
    explicit = settings.mode == "json_schema"
    shown = _anchored.answer_model_v6(candidates, explicit=explicit)
    request = {**limits, "messages": messages, "response_model": instructor.openai_schema(shown)}
    schema = _anchored.grammar_schema_v6(candidates)
    plan = AnchoredPlan(request, schema, index, article.text, shape=6)
    plan.candidates = candidates
    return plan


def _free_model() -> type[BaseModel]:
    return _answers.response_model(Extraction)
