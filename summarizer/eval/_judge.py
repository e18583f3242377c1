"""The faithfulness judge: an LLM labels each summary sentence against the article.

Labels: ``supported`` (the article states it), ``contradicted`` (the article says
otherwise: a swapped actor, an inverted cause or order, a wrong number or name),
``not_in_article`` (a claim the article does not make). The deterministic check
(`summarizer.eval._faithful.unsupported`) sees names and numbers that are not in
the article; only a reader, or this judge, sees a false claim made of true words.

The judge calls the model through the openai backend's one structured-call path
(`summarizer.backends._openai.structured_create`): the same settings
(explicit argument > environment > ``.env``), the same openai client arguments,
transport retries, re-asks and call hook (pass a `summarizer.CallLog` as
``on_call`` and every attempt is logged), with its prompt versioned in
``prompts/judge.v<N>.md``. Verdicts are cached as JSON files in ``cache_dir``
(a run folder's ``judge/``), keyed by model, prompt hash, article and sentences,
so rescoring a judged run makes no call.

How far to trust a judge is measured on a hand-labelled gold
(``evals/judge/gold.jsonl``): `agreement` compares its labels with the gold's.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from summarizer._errors import InputError, OutputError
from summarizer._prompts import PromptTemplate, load_prompt
from summarizer._schema import Usage
from summarizer.eval._faithful import sentences
from summarizer.infra._files import write_text_atomic
from summarizer.infra._settings import Settings, load_settings

Label = Literal["supported", "contradicted", "not_in_article"]
LABELS: tuple[str, ...] = ("supported", "contradicted", "not_in_article")
UNLABELLED = "unlabelled"  # the judge skipped the sentence: counted as not supported


class SentenceLabel(BaseModel):
    """The judge's label for one numbered summary sentence."""

    sentence: int
    label: Label
    reason: str = ""


class JudgeAnswer(BaseModel):
    """What the judge answers: one label per sentence, in order."""

    labels: list[SentenceLabel]


@dataclass(frozen=True)
class Verdict:
    """A judged summary: its sentences, one label and reason each, the usage."""

    sentences: list[str]
    labels: list[str]
    reasons: list[str]
    usage: Usage = field(default_factory=Usage)
    cached: bool = False

    def scores(self) -> dict[str, float | None]:
        """Shares of sentences per label (``None`` when the summary has no sentence)."""
        n = len(self.labels)
        count = Counter(self.labels)
        share = (lambda k: count[k] / n) if n else (lambda k: None)
        return {
            "supported": share("supported"),
            "contradicted": share("contradicted"),
            "not_in_article": share("not_in_article"),
            "sentences": float(n),
        }

    def faults(self) -> list[str]:
        """The sentences the judge did not find supported, with its label and reason."""
        return [
            f"{label}: {text}" + (f" ({reason})" if reason else "")
            for text, label, reason in zip(self.sentences, self.labels, self.reasons, strict=True)
            if label != "supported"
        ]


def _labels_in_order(answer: JudgeAnswer, n: int) -> tuple[list[str], list[str]]:
    by_number = {item.sentence: item for item in answer.labels}
    if len(by_number) < n and len(answer.labels) == n:  # numbered oddly but complete
        by_number = {i + 1: item for i, item in enumerate(answer.labels)}
    labels = [by_number[i].label if i in by_number else UNLABELLED for i in range(1, n + 1)]
    reasons = [by_number[i].reason if i in by_number else "" for i in range(1, n + 1)]
    return labels, reasons


class Judge:
    """An LLM that labels summary sentences; see the module docstring.

    Settings resolve as for `summarizer.Summarizer` (explicit argument > environment >
    ``.env``); ``client`` is an `openai.OpenAI` to use instead of building one,
    ``on_call`` the call-log hook, ``cache_dir`` where verdicts are kept.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        mode: str | None = None,
        client: Any = None,
        on_call: Any = None,
        cache_dir: str | Path | None = None,
        prompt_version: str | None = None,
        **settings: Any,
    ) -> None:
        self.settings: Settings = load_settings(
            model=model, base_url=base_url, api_key=api_key, mode=mode, **settings
        )
        if client is None:
            self.settings.check_llm()
        self.model = self.settings.model or self.settings.resolved_model
        self.template: PromptTemplate = load_prompt("judge", prompt_version)
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._client = client
        self._on_call = on_call

    def __repr__(self) -> str:
        return f"Judge(model={self.model!r}, prompt=judge v{self.template.version})"

    @property
    def info(self) -> dict[str, str]:
        """What a report records about the judge."""
        return {"model": self.model, **self.template.info.model_dump()}

    def judge(self, article_text: str, summary: str) -> Verdict:
        """Label every sentence of ``summary`` against ``article_text`` (cached)."""
        parts = sentences(summary)
        if not parts:
            return Verdict([], [], [])
        key = self._key(article_text, parts)
        cached = self._load(key, parts)
        if cached is not None:
            return cached
        answer, usage = self._ask(article_text, parts)
        labels, reasons = _labels_in_order(answer, len(parts))
        verdict = Verdict(parts, labels, reasons, usage)
        self._store(key, verdict)
        return verdict

    # --- internals -------------------------------------------------------------

    def _key(self, article_text: str, parts: Sequence[str]) -> str:
        material = json.dumps([self.model, self.template.sha256, article_text, list(parts)])
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path | None:
        return self.cache_dir / f"{key[:24]}.json" if self.cache_dir is not None else None

    def _load(self, key: str, parts: Sequence[str]) -> Verdict | None:
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("key") != key or data.get("sentences") != list(parts):
                return None
            return Verdict(list(parts), data["labels"], data["reasons"], cached=True)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # an unreadable entry is a miss

    def _store(self, key: str, verdict: Verdict) -> None:
        path = self._path(key)
        if path is None:
            return
        record = {
            "key": key,
            "judge": self.info,
            "sentences": verdict.sentences,
            "labels": verdict.labels,
            "reasons": verdict.reasons,
            "usage": verdict.usage.model_dump(),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, json.dumps(record, indent=2, ensure_ascii=False) + "\n")

    def _ask(self, article_text: str, parts: Sequence[str]) -> tuple[JudgeAnswer, Usage]:
        from summarizer.backends import Calls, _answers, _openai
        from summarizer.input._cleaning import clean_article

        if self._client is None:
            self._client = _openai.sync_client(self.settings)
        client = _openai.sync_client(self.settings, self._client)
        call = _openai.Call(self.settings, self.model, self.template.info, Calls(self._on_call))
        call.schema = JudgeAnswer.model_json_schema()  # json mode: llama.cpp decodes to it
        create = _openai.structured_create(client, self.settings, call)
        messages = self.template.render(
            article=clean_article(article_text).text, sentences=list(parts)
        )
        try:
            answer = create(
                model=self.model,
                messages=messages,
                response_model=_answers.response_model(JudgeAnswer),
                max_retries=self.settings.max_reasks,
                temperature=self.settings.temperature,
                max_tokens=self.settings.max_output_tokens,
            )
        except Exception as err:  # instructor wraps everything: surface ours, else wrap
            ours = _openai.unwrap(err)
            raise (ours or OutputError(f"the judge's answer was unusable: {err}")) from err
        return JudgeAnswer.model_validate(answer.model_dump()), call.usage


# --- agreement with a hand-labelled gold ----------------------------------------------


class GoldSentence(BaseModel):
    text: str
    label: Label
    note: str = ""


class GoldSummary(BaseModel):
    """One hand-labelled summary: where it came from and a label per sentence."""

    case: str
    source: str
    summary: str
    sentences: list[GoldSentence]


def load_judge_gold(path: str | Path) -> list[GoldSummary]:
    """Read a judge gold file (JSON lines of `GoldSummary`)."""
    items = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(GoldSummary.model_validate_json(line))
        except ValidationError as err:
            raise InputError(f"{path}:{n}: not a judge gold line: {err}") from err
    return items


@dataclass(frozen=True)
class Agreement:
    """How a judge's labels compare with the gold's, sentence by sentence."""

    sentences: int
    agree: int
    kappa: float | None
    false_caught: int  # gold contradicted/not_in_article the judge did not call supported
    false_total: int
    true_flagged: int  # gold supported the judge did not call supported
    true_total: int
    confusion: dict[str, dict[str, int]]  # gold label -> judge label -> count
    disagreements: list[dict[str, str]]

    @property
    def accuracy(self) -> float | None:
        return self.agree / self.sentences if self.sentences else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "accuracy": self.accuracy,
            "kappa": self.kappa,
            "false_sentences_caught": f"{self.false_caught}/{self.false_total}",
            "supported_sentences_flagged": f"{self.true_flagged}/{self.true_total}",
            "confusion": self.confusion,
            "disagreements": self.disagreements,
        }


def _kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of (gold, judge) label pairs."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(1 for g, j in pairs if g == j) / n
    gold, judged = Counter(g for g, _ in pairs), Counter(j for _, j in pairs)
    expected = sum(gold[k] * judged[k] for k in set(gold) | set(judged)) / (n * n)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def agreement(gold: Sequence[GoldSummary], verdicts: Sequence[Verdict]) -> Agreement:
    """Compare a judge's verdicts (one per gold summary, same order) with the gold labels."""
    pairs: list[tuple[str, str]] = []
    disagreements = []
    for item, verdict in zip(gold, verdicts, strict=True):
        judged = dict(zip(verdict.sentences, verdict.labels, strict=True))
        for sentence in item.sentences:
            label = judged.get(sentence.text, UNLABELLED)
            pairs.append((sentence.label, label))
            if label != sentence.label:
                disagreements.append(
                    {
                        "case": item.case,
                        "sentence": sentence.text,
                        "gold": sentence.label,
                        "judge": label,
                    }
                )
    confusion: dict[str, dict[str, int]] = {}
    for g, j in pairs:
        confusion.setdefault(g, {}).setdefault(j, 0)
        confusion[g][j] += 1
    false = [(g, j) for g, j in pairs if g != "supported"]
    true = [(g, j) for g, j in pairs if g == "supported"]
    return Agreement(
        sentences=len(pairs),
        agree=sum(1 for g, j in pairs if g == j),
        kappa=_kappa(pairs),
        false_caught=sum(1 for _, j in false if j != "supported"),
        false_total=len(false),
        true_flagged=sum(1 for _, j in true if j != "supported"),
        true_total=len(true),
        confusion=confusion,
        disagreements=disagreements,
    )
