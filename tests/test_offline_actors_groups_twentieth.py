"""Offline group actors found where the story opens (issue #14, twentieth session): a
plural people-noun that is the subject of the headline ("Frustrated Parents Rally At Town
Hall") or of the lead sentence ("Nurses staged a walkout"), named again in the body, is a
group actor, named by its head; a party the headline makes its subject ("Republicans
Lower Volume") is kept as an actor. Not a count, a share, a verb's or a preposition's
object, nor a noun the plural qualifies, nor a named body's people, nor a head a group of
the article already has; one per article. Synthetic texts; each test fails without its
rule or its guard."""

from __future__ import annotations

from tests._offline import offline_actors

_BODY = (
    "The Brinton council voted last week to close two of the primary schools in the town.",
    "Council leader Dana Whitfield said the closures would save money for other services.",
    "The council met the parents on Friday but made no promise.",
)


def _names(*paragraphs: str) -> list[str]:
    return [a.name for a in offline_actors(*paragraphs)]


def test_a_plural_the_headline_makes_its_subject_is_a_group() -> None:
    actors = offline_actors("Frustrated Parents Rally Outside Brinton Town Hall", *_BODY)
    group = next(a for a in actors if a.name == "parents")
    assert group.type == "group"


def test_a_headline_plural_that_marches_is_a_group() -> None:
    body = (*_BODY[:2], "The protesters left the square at dusk.")
    assert "protesters" in _names("Protesters March On Brinton Town Hall", *body)


def test_a_headline_plural_the_body_never_names_again_is_no_group() -> None:
    body = (*_BODY[:2], "The council will meet again on Friday.")
    assert "parents" not in _names("Frustrated Parents Rally Outside Brinton Town Hall", *body)


def test_a_counted_plural_in_the_headline_is_no_group() -> None:
    assert "parents" not in _names("Three Parents Rally Outside Brinton Town Hall", *_BODY)


def test_a_share_of_a_plural_in_the_headline_is_no_group() -> None:
    assert "parents" not in _names("Most Parents Back Brinton School Closures", *_BODY)


def test_a_plural_after_a_verb_in_the_headline_is_no_group() -> None:
    assert "parents" not in _names("Brinton Mayor Urges Parents Keep Children Home", *_BODY)


def test_a_plural_before_a_conjunction_or_an_ing_noun_is_no_group() -> None:
    assert "parents" not in _names("Parents And Teachers Meet Brinton Council", *_BODY)
    assert "parents" not in _names("Brinton Parents Meeting Ends In Uproar", *_BODY)


def test_a_named_bodys_people_in_the_headline_are_no_group() -> None:
    names = _names(
        "Harwick Council Employees Walk Out Over Pay",
        "Harwick Council said on Monday that its offices in Brinton would stay open this week.",
        "Union officials said the employees had been offered less than inflation.",
        "Talks will resume on Tuesday morning, the council said.",
    )
    assert "employees" not in names


def test_a_named_group_the_headline_makes_its_subject_is_that_group() -> None:
    names = _names(
        "Taliban Fighters Storm Army Base In Helmand",
        "The Taliban said on Monday that it had taken the base after a night of fighting.",
        "Army commanders said the fighters had come from the hills to the north.",
    )
    assert "Taliban" in names
    assert "fighters" not in names


def test_a_headline_plural_a_group_of_the_article_ends_in_is_no_second_group() -> None:
    names = _names(
        "Protesters Gather Outside Brinton Town Hall",
        "Anti-government protesters gathered outside the town hall in Brinton on Saturday to demand new elections.",
        "Council leader Dana Whitfield said the protesters would be heard.",
    )
    assert "protesters" not in names


def test_one_opening_group_per_article() -> None:
    names = _names(
        "Parents Rally; Teachers Walk Out In Brinton",
        *_BODY,
        "The teachers union said the closures were unfair.",
    )
    assert "parents" in names
    assert "teachers" not in names


def test_a_party_the_headline_makes_its_subject_is_an_actor() -> None:
    actors = offline_actors(
        "The second debate of the county race was held in Brinton on Thursday night, a week late.",
        "Moderator Dana Whitfield asked about schools, roads and taxes.",
        "It was calmer than the first debate among the Republicans in March.",
        title="Republicans Lower Volume In Brinton Debate",
    )
    assert "Republicans" in [a.name for a in actors]


def test_a_plural_the_lead_sentence_makes_its_subject_is_a_group() -> None:
    names = _names(
        "Nurses staged a walkout at three Brinton hospitals on Monday over pay.",
        "Health minister Dana Whitfield said the pay offer would not be raised.",
        "Hospital managers asked the nurses to return, and patients were moved.",
        "Talks with the nurses will resume next week, the ministry said.",
    )
    assert "nurses" in names


def test_a_lead_plural_named_only_twice_is_no_group() -> None:
    names = _names(
        "Nurses staged a walkout at three Brinton hospitals on Monday over pay.",
        "Health minister Dana Whitfield said the pay offer would not be raised.",
        "Hospital managers asked the nurses to return, and patients were moved.",
        "Talks will resume next week, the ministry said.",
    )
    assert "nurses" not in names


def test_a_lead_plural_with_no_verb_after_it_is_no_group() -> None:
    names = _names(
        "Nurses across three Brinton hospitals will get a pay rise of three per cent in April.",
        "Health minister Dana Whitfield said the pay offer would not be raised.",
        "Hospital managers asked the nurses to return, and patients were moved.",
        "Talks with the nurses will resume next week, the ministry said.",
    )
    assert "nurses" not in names


def test_a_headline_plural_whose_usual_word_the_article_has_is_no_second_group() -> None:
    names = _names(
        "Demonstrators Block Brinton Bridge",
        "Anti-government protesters blocked the main bridge in Brinton on Saturday to demand fair"
        " new elections.",
        "Council leader Dana Whitfield said the demonstrators would be heard.",
    )
    assert "demonstrators" not in names


def test_officers_in_the_headline_are_the_named_police_force() -> None:
    names = _names(
        "Officers Raid Brinton Flat After Tip-Off",
        "The Brinton Police said on Monday that a man had been arrested at a flat in the town.",
        "The officers found cash and two phones, a spokeswoman said.",
    )
    assert "officers" not in names
