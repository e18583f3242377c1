"""Offline group actors found by the grammar of acting (issue #14, nineteenth session): a
plural people-noun ("drivers", "customers") that is the subject of a speech verb or a deed
twice, or once where the lead names it and the article comes back to it, is a group actor,
named by its head. Not a count, nor anyone's, nor a name's, nor inside a quotation, nor a
passive, nor a role's or a source's plural. Synthetic texts; each test fails without its
rule or its guard."""

from __future__ import annotations

from tests._offline import offline_actors

_TAIL = (
    "The city council will vote on the new licence rules next month.",
    "Council member Dana Whitfield said the rules were needed for safety.",
)


def _names(*paragraphs: str) -> list[str]:
    return [a.name for a in offline_actors(*paragraphs)]


def test_a_plural_people_noun_that_speaks_twice_is_a_group() -> None:
    actors = offline_actors(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "Drivers said the fees would cost them a month's earnings.",
        "On Tuesday drivers blocked the road outside the town hall for two hours.",
    )
    group = next(a for a in actors if a.name == "drivers")
    assert group.type == "group"


def test_a_plural_people_noun_that_acts_once_outside_the_lead_is_no_group() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "Drivers said the fees would cost them a month's earnings.",
        "The fees were set by the council without a hearing for drivers.",
    )
    assert "drivers" not in names


def test_a_plural_named_in_the_lead_that_acts_once_and_is_named_three_times() -> None:
    names = _names(
        "Customers of a Brinton bakery chain have been left without bread after it shut.",
        *_TAIL,
        "Customers complained that the shops had closed without warning.",
        "The chain said it would refund customers who had paid in advance.",
    )
    assert "customers" in names


def test_a_plural_named_in_the_lead_only_twice_is_no_group() -> None:
    names = _names(
        "Customers of a Brinton bakery chain have been left without bread after it shut.",
        *_TAIL,
        "Customers complained that the shops had closed without warning.",
        "The chain said it would refund everyone who had paid in advance.",
    )
    assert "customers" not in names


def test_a_plural_that_acts_once_and_the_lead_does_not_name_is_no_group() -> None:
    names = _names(
        "A Brinton bakery chain has shut its shops, leaving the town without bread.",
        *_TAIL,
        "Customers complained that the shops had closed without warning.",
        "The chain said it would refund customers who had paid in advance, and customers "
        "may apply online.",
    )
    assert "customers" not in names


def test_a_count_is_no_group() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "Two drivers said the fees would cost them a month's earnings.",
        "Two drivers blocked the road outside the town hall on Tuesday.",
    )
    assert "drivers" not in names


def test_a_plural_counted_in_words_is_no_group() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "On Monday, a hundred drivers said the fees would cost them a month's earnings.",
        "On Tuesday, a dozen drivers blocked the road outside the town hall.",
    )
    assert "drivers" not in names


def test_someone_s_people_are_no_group() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "The firm's drivers said the fees would cost them a month's earnings.",
        "On Tuesday their drivers blocked the road outside the town hall.",
    )
    assert "drivers" not in names


def test_a_name_s_people_are_no_group() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "Zippcab drivers said the fees would cost them a month's earnings.",
        "On Tuesday the Zippcab drivers blocked the road outside the town hall.",
    )
    assert "drivers" not in names


def test_a_name_s_qualified_people_are_no_group() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "On Monday, Zippcab night drivers said the fees would cost them a month's earnings.",
        "On Tuesday, Zippcab night drivers blocked the road outside the town hall.",
    )
    assert "drivers" not in names


def test_people_a_name_qualifies_somewhere_are_the_name_s() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "Zippcab drivers stopped work on Monday. Drivers said the fees would ruin them.",
        "On Tuesday drivers blocked the road outside the town hall.",
    )
    assert "drivers" not in names


def test_a_plural_inside_a_quotation_is_no_group() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        '"Drivers said the fees would ruin them," Whitfield said.',
        '"Then drivers blocked the road outside the town hall," she added.',
    )
    assert "drivers" not in names


def test_a_passive_is_no_deed() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "Drivers injured last week were taken to hospital after a crash at the ranks.",
        "Drivers detained overnight were released on Tuesday.",
    )
    assert "drivers" not in names


def test_a_participle_before_a_preposition_is_no_deed() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "Drivers stopped in the town centre had to show their licences.",
        "Drivers caught without one had to pay a fine.",
    )
    assert "drivers" not in names


def test_a_preposition_s_object_is_no_subject() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "Leaflets for drivers said the ranks would close at midnight.",
        "Posters for drivers warned that the fees would rise.",
    )
    assert "drivers" not in names


def test_a_role_or_a_source_in_the_plural_is_no_group() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "Analysts said the fees would cost drivers a month's earnings, and witnesses said "
        "the ranks were empty.",
        "On Tuesday analysts warned that the fees were too high, and witnesses said the road "
        "was blocked.",
    )
    assert "analysts" not in names and "witnesses" not in names


def test_at_most_two_such_groups_in_an_article() -> None:
    names = _names(
        "A dispute over new licence fees has shut down taxi ranks in Brinton this week.",
        *_TAIL,
        "Drivers said the fees would cost them a month's earnings, and "
        "employees said they had not been paid. On Monday neighbours complained about the "
        "noise.",
        "Drivers blocked the road on Tuesday. Then employees stopped work, neighbours "
        "complained again on Wednesday, and drivers said they would return.",
    )
    assert sorted(n for n in names if n in ("drivers", "employees", "neighbours")) == [
        "drivers",
        "employees",
    ]


def test_officers_of_a_named_police_force_are_the_force_s() -> None:
    names = _names(
        "The Brinton Police Department is investigating a break-in at the town hall.",
        *_TAIL,
        "Officers said the door had been forced open overnight.",
        "Later officers searched the building and found a bag of tools.",
    )
    assert "officers" not in names


def test_a_group_the_article_already_has_is_not_added_again() -> None:
    names = _names(
        "Protesters gathered outside the Brinton town hall on Monday over licence fees.",
        *_TAIL,
        "The protesters said the fees were unfair. Vandals poured paint over a statue.",
        "Later vandals smeared paint on the doors, and protesters said they would return.",
    )
    assert names.count("protesters") == 1
    assert "vandals" not in names
