"""Offline actor rules found by reading CNN / Daily Mail stories no suite uses (issue #14,
twelfth session, evals/reading/actor-keys-cnn.tsv). Synthetic texts; each test fails
without its rule."""

from __future__ import annotations

from tests._offline import offline_actors as _actors


def _names(*paragraphs: str) -> list[str]:
    return [a.name for a in _actors(*paragraphs)]


_LEAD = (  # two prose paragraphs (15 words or more)
    "The two governments traded threats on Monday over the disputed border crossing, "
    "and both moved more troops toward it.",
    "Officials on both sides said the troops had been moved closer to the line this week "
    "and would stay there for now.",
)


def test_a_plural_before_s_is_part_of_a_bodys_name_not_its_owner() -> None:
    names = _names(
        *_LEAD,
        "The Children's Relief Foundation agreed to pay for the family's travel, its "
        "director said on Wednesday.",
    )
    assert "Children's Relief Foundation" in names
    assert "Relief Foundation" not in names


def test_a_body_named_with_for_is_one_name() -> None:
    names = _names(
        *_LEAD,
        "The Council for Border Studies sent observers to the line, and they found "
        "no sign of fighting.",
    )
    assert "Council for Border Studies" in names


def test_a_body_named_with_for_runs_on_through_and() -> None:
    names = _names(
        *_LEAD,
        "The Institute for Strategic and Regional Studies said the build-up was the "
        "largest in a decade.",
    )
    assert "Institute for Strategic and Regional Studies" in names
    assert "Institute for Strategic" not in names


def test_a_body_named_with_for_does_not_run_on_into_a_person() -> None:
    names = " | ".join(
        name
        for actor in _actors(
            *_LEAD,
            "The Court of Appeals ruled against the state last year.",
            "Judge Ann Brook of the Court of Appeals for the Ninth Circuit and William "
            "Harlowe, a law professor, wrote a study of the cases.",
        )
        for name in actor.names()
    )
    assert "Circuit and William" not in names


def test_a_place_left_for_another_is_no_bodys_name() -> None:
    names = _names(
        *_LEAD,
        "The White House said the president would visit the line. He left the White "
        "House for Camden on Thursday.",
    )
    assert "White House for Camden" not in names


def test_a_body_whose_released_work_shows_something_is_its_source() -> None:
    names = _names(
        *_LEAD,
        "But new research released by the Anne Mercer House shows that the line moved "
        "at least a month earlier than thought.",
    )
    assert "Anne Mercer House" in names


def test_a_camp_named_like_a_person_is_a_place() -> None:
    names = _names(
        *_LEAD,
        "The president will rest at Camp Stephen this weekend and meet his advisers at "
        "Camp Stephen on Sunday.",
    )
    assert "Camp Stephen" not in names


def test_a_person_named_once_as_a_passive_verbs_agent_is_an_actor() -> None:
    names = _names(
        *_LEAD,
        "The foundation will pay for the care. The surgery will be performed by Dr. Peter "
        "Harwell, a surgeon at a clinic in the capital.",
    )
    assert "Peter Harwell" in names


def test_a_department_named_by_its_place_in_lower_case_is_a_body() -> None:
    names = _names(
        *_LEAD,
        "More than 600 firefighters were sent to the blaze, the Halvik fire department "
        "wrote on its official account on Tuesday.",
    )
    assert "Halvik fire department" in names


def test_a_state_whose_possessive_owns_a_deed_is_an_actor() -> None:
    names = _names(
        *_LEAD,
        'The sentencing was part of Belarus\'s "Clean Sweep" campaign against unrest in '
        "the north, which the government says targets terrorism.",
    )
    assert "Belarus" in names
