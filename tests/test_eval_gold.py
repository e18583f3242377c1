"""Gold suites: the seed gold the project ships loads unchanged; the checker catches bad gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.eval import SuiteError, check_suite, load_suite

# The seed article's gold, as the project ships it (a copy of ../shared/seed, which a fresh
# clone does not have): one gold file is a suite of one case.
SEED_GOLD = (
    Path(__file__).resolve().parents[1]
    / "evals"
    / "suites"
    / "dev"
    / "reuters-2025-10-08-putin-tajikistan.gold.json"
)

ARTICLE = """\
Tajik President Emomali Rahmon met Russia’s Vladimir Putin on Thursday.

“We are friends,” Rahmon said. Putin called the talks "very useful."

Rahmon once berated Putin for failing to show respect.
"""


def gold(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "case-1",
        "article": "case-1.txt",
        "summary": {
            "reference": "Rahmon met Putin, calling Russia a friend.",
            "must_mention": [["Rahmon"], ["Putin"]],
            "should_mention": [],
            "max_words": 30,
        },
        "actors": [
            {
                "name": "Emomali Rahmon",
                "aliases": ["Rahmon"],
                "type": "person",
                "role": "",
                "required": True,
            },
            {
                "name": "Vladimir Putin",
                "aliases": ["Putin"],
                "type": "person",
                "role": "",
                "required": True,
            },
        ],
        "tensions": [
            {
                "parties": ["Emomali Rahmon", "Putin"],
                "description": "Rahmon berated Putin.",
                "evidence": "Rahmon once berated Putin for failing to show respect",
                "required": True,
            }
        ],
        "quotes": [
            # straight quotes and a trailing comma, against the article's curly quotes
            {"text": "We are friends,", "speaker": "Emomali Rahmon", "required": True},
            {"text": "very useful.", "speaker": "Putin", "required": False},
        ],
        "not_quotes": [],
    }
    data.update(overrides)
    return data


def write_case(suite: Path, data: dict[str, Any], article: str = ARTICLE) -> Path:
    suite.mkdir(exist_ok=True)
    (suite / data["article"]).write_text(article, encoding="utf-8")
    path = suite / f"{Path(data['article']).stem}.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_seed_gold_loads_unchanged() -> None:
    """The worked example of the gold format must load as is."""
    [case] = load_suite(SEED_GOLD)
    original = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    assert case.gold.model_dump(exclude_unset=True) == original
    assert case.article_text.startswith("Wednesday, October 8, 2025")


def test_seed_gold_passes_the_checker() -> None:
    assert check_suite(SEED_GOLD) == []


def test_strict_check_reports_a_single_party_that_is_no_actor_in_the_seed() -> None:
    """Its "Central Asian states" tension party is not an actor."""
    problems = check_suite(SEED_GOLD, strict=True)
    assert len(problems) == 1 and "Central Asian states" in problems[0]


def test_good_suite_has_no_problems(tmp_path: Path) -> None:
    write_case(tmp_path, gold())
    assert check_suite(tmp_path) == []
    assert [c.id for c in load_suite(tmp_path)] == ["case-1"]


def test_fabricated_quote_is_rejected(tmp_path: Path) -> None:
    data = gold()
    data["quotes"][0]["text"] = "We are the best of friends,"
    write_case(tmp_path, data)
    [problem] = check_suite(tmp_path)
    assert "quotes[0]" in problem and "not verbatim" in problem


def test_words_outside_quotation_marks_are_not_a_quote(tmp_path: Path) -> None:
    data = gold()
    data["quotes"][1]["text"] = "called the talks"
    write_case(tmp_path, data)
    [problem] = check_suite(tmp_path)
    assert "quotes[1]" in problem and "not inside quotation marks" in problem


def test_evidence_not_in_article_is_rejected(tmp_path: Path) -> None:
    data = gold()
    data["tensions"][0]["evidence"] = "Rahmon always berated Putin"
    write_case(tmp_path, data)
    [problem] = check_suite(tmp_path)
    assert "tensions[0].evidence" in problem


def test_duplicate_id_is_rejected(tmp_path: Path) -> None:
    write_case(tmp_path, gold())
    write_case(tmp_path, gold(article="other.txt"))
    problems = check_suite(tmp_path)
    assert any("id 'case-1' is also used by" in p for p in problems)
    with pytest.raises(SuiteError, match="case-1"):
        load_suite(tmp_path)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("actors", [{"name": "X", "aliases": [], "type": "people", "role": ""}], "actors.0.type"),
        ("quotes", [{"text": "We are friends,", "speaker": "Putin", "requried": True}], "requried"),
        ("summary", {"reference": "r", "must_mention": [[]]}, "must_mention.0"),
        ("id", "has/slash", "id"),
        ("tensions", [{"parties": [], "description": "d", "evidence": "e"}], "parties"),
    ],
)
def test_malformed_field_is_rejected(tmp_path: Path, field: str, value: Any, expected: str) -> None:
    write_case(tmp_path, gold(**{field: value}))
    problems = check_suite(tmp_path)
    assert any(expected in p for p in problems), problems
    with pytest.raises(SuiteError):
        load_suite(tmp_path)


def test_speaker_and_parties_must_be_gold_actors(tmp_path: Path) -> None:
    data = gold()
    data["quotes"][0]["speaker"] = "Sergei Lavrov"
    data["tensions"][0]["parties"] = ["Rahmon", "Kremlin"]
    write_case(tmp_path, data)
    problems = check_suite(tmp_path)
    assert any("speaker 'Sergei Lavrov'" in p for p in problems)
    assert any("'Kremlin' is not a gold actor" in p for p in problems)


def test_missing_article_is_reported(tmp_path: Path) -> None:
    path = write_case(tmp_path, gold())
    (tmp_path / "case-1.txt").unlink()
    assert check_suite(tmp_path) == [
        f"{path.name}: article file 'case-1.txt' not found next to the gold file"
    ]
    with pytest.raises(SuiteError, match=r"case-1\.txt"):
        load_suite(tmp_path)


def test_reference_summary_must_cover_must_mention(tmp_path: Path) -> None:
    data = gold()
    data["summary"]["must_mention"].append(["Dushanbe"])
    write_case(tmp_path, data)
    [problem] = check_suite(tmp_path)
    assert "must_mention[2]" in problem


def test_empty_folder_is_not_a_suite(tmp_path: Path) -> None:
    with pytest.raises(SuiteError, match=r"no \*\.gold\.json"):
        load_suite(tmp_path)
