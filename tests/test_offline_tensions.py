"""Stated tensions of the offline rules: parties and neutral descriptions (issue #14)."""

from __future__ import annotations

import pytest

from summarizer import CleanArticle
from summarizer._schema import Tension
from summarizer.backends.offline._extract import extract_offline
from tests._offline import offline_actors


def _tensions(*paragraphs: str, title: str | None = None) -> list[Tension]:
    return extract_offline(CleanArticle(title=title, paragraphs=list(paragraphs))).tensions


def _only(tensions: list[Tension]) -> Tension:
    assert len(tensions) == 1, tensions
    return tensions[0]


def test_description_is_a_sentence_not_the_evidence_copied() -> None:
    text = (
        "Former Ruritanian President Anna Berg on Wednesday harshly criticized Prime "
        "Minister Karl Olsen for inviting the envoy to the capital."
    )
    tension = _only(_tensions(text, "Olsen did not answer questions about the invitation."))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    assert tension.description == "Anna Berg criticized Karl Olsen."
    assert tension.evidence in text


def test_passive_verb_names_the_doer_first() -> None:
    # thirteenth session: was "The article reports criticism involving Karl Olsen and Anna
    # Berg." (the subject of a passive is the one acted on, the doer follows "by")
    text = "Prime Minister Karl Olsen was sharply criticized by Berg for inviting the envoy."
    tension = _only(_tensions("Anna Berg leads the opposition party in Ruritania.", text))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}
    assert "Karl Olsen criticized" not in tension.description
    assert tension.description == "Anna Berg criticized Karl Olsen."


def test_verb_with_a_possessive_object_names_what_it_owns() -> None:
    # twelfth session: was "The article reports an accusation involving Norway and Sweden."
    # ("Peter Navarro criticized Beijing's offers thus far": "... criticized China's offers.")
    text = "Norway has accused Sweden's navy of blocking the fishing deal in the north."
    tension = _only(_tensions("Prime Minister Anna Berg flew to Oslo on Monday.", text))
    assert tension.description == "Norway accused Sweden's navy."
    text = "Norway has accused Sweden's navy chief of blocking the fishing deal in the north."
    tension = _only(_tensions("Prime Minister Anna Berg flew to Oslo on Monday.", text))
    assert tension.description == "The article reports an accusation involving Norway and Sweden."


def test_relation_is_said_of_both_parties_with_what_it_is_over() -> None:
    text = "Relations between Norway and Sweden are strained over fishing rights, officials said."
    tension = _only(_tensions(text))
    assert tension.description == "Norway and Sweden have strained relations over fishing rights."


def test_a_political_rival_is_not_a_rivalry_between_the_two_named() -> None:
    text = (
        "Norway asked Sweden to investigate a political rival, Anna Berg, the "
        "prosecutors said on Monday."
    )
    # no rivalry (and not Sweden, the one asked); the request itself is a tension
    # (ninth session: the one asking is the side against the object)
    tension = _only(_tensions(text))
    assert tension.description == "Norway asked for an investigation of Anna Berg."


def test_noun_cue_takes_the_agent_before_it_not_the_place_after() -> None:
    text = "Norway on Monday carried out its first air strike on Sweden in Finland since the truce."
    tension = _only(_tensions(text, "Sweden said two boats were damaged in the strike."))
    assert set(tension.parties) == {"Norway", "Sweden"}
    assert tension.description == "The article reports a strike by Norway against Sweden."


def test_noun_cue_takes_the_subject_of_the_sentence_not_the_place_before_it() -> None:
    text = (
        "Even before Anna Berg landed in Norway on Monday, she found herself in a public war "
        "with former Swedish Prime Minister Karl Olsen."
    )
    later = "The government of Norway said it would not comment on the visit."
    tension = _only(_tensions(text, "Olsen said Berg was not welcome in the country.", later))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}


# --- the conflict a headline states ----------------------------------------------------

_LEAD = (
    "Opposition leader Anna Berg on Tuesday said Prime Minister Karl Olsen had wasted two "
    "years on the bridge plan."
)
_NEXT = "Olsen said the plan would go ahead as agreed with the city council."


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Berg rips Olsen over bridge plan", "Anna Berg criticizes Karl Olsen."),
        ("Berg Takes Aim At Olsen Over Bridge Plan", "Anna Berg criticizes Karl Olsen."),
        ("Berg fires Olsen over bridge plan", "Anna Berg dismisses Karl Olsen."),
        ("Berg vs. Olsen: the bridge fight goes on", "Anna Berg and Karl Olsen are at odds."),
        ("Berg Calls Olsen 'A Disgrace' Over Bridge Plan", "Anna Berg criticizes Karl Olsen."),
        ("Berg Attacks Olsen On Bridge Plan", "Anna Berg attacks Karl Olsen."),
        ("Berg, Olsen at odds over bridge", "Anna Berg and Karl Olsen are at odds over bridge."),
        ("Berg and Olsen diverge on bridge plan", "Anna Berg and Karl Olsen disagree."),
        ("Berg, Olsen collide on bridge plan", "Anna Berg and Karl Olsen are at odds."),
        (
            "Railing Against Olsen, Berg Vows To Stop Bridge Plan",
            "Anna Berg criticized Karl Olsen.",  # thirteenth session: the one railing first
        ),
    ],
)
def test_headline_conflict_is_found_with_a_lead_sentence_as_evidence(
    title: str, description: str
) -> None:
    assert _tensions(_LEAD, _NEXT) == []  # the body alone states no cue
    tension = _tensions(_LEAD, _NEXT, title=title)[0]
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    assert tension.description == description
    assert tension.evidence == _LEAD


_OTHER_LEAD = "Opposition leader Anna Berg on Tuesday criticized the bridge plan once more."


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("Berg Disputes Report That Olsen Wasted Two Years", _LEAD),  # not Olsen disputed
        ("Berg rips bridge plan", _LEAD),  # one party
        ("Berg rips Olsen over bridge plan", _OTHER_LEAD),  # no lead sentence names both
    ],
)
def test_headline_without_two_plain_parties_in_the_lead_gives_no_tension(
    title: str, lead: str
) -> None:
    assert _tensions(lead, _NEXT, title=title) == []


def test_evidence_runs_to_the_end_of_the_sentence_that_says_what_it_is_about() -> None:
    text = (
        "Norway accused Sweden on Monday, saying its trawlers had broken the fishing deal "
        "twice this year."
    )
    tension = _only(_tensions(text))
    assert tension.evidence == text.rstrip(".") + "."
    assert tension.description == "Norway accused Sweden."


def test_not_being_silenced_by_someone_is_a_tension_without_a_direction() -> None:
    text = (
        "Anna Berg said on Thursday she would not be silenced by Karl Olsen, a day after "
        "he removed her from the budget committee."
    )
    tension = _only(_tensions(text, "Olsen did not comment on Thursday."))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}
    assert (
        tension.description == "The article reports silencing involving Anna Berg and Karl Olsen."
    )
    assert tension.evidence == text


def test_description_ends_with_one_full_stop_after_a_dotted_name() -> None:
    text = "Norway has accused the U.S. of blocking the fishing deal in the north."
    tension = _only(_tensions(text, "The U.S. said it would answer on Monday."))
    assert tension.description.endswith(("U.S.", "United States."))
    assert not tension.description.endswith("..")


def test_a_seat_of_power_acted_upon_names_its_state() -> None:
    first = "Russia said on Monday it would answer any new measures."
    text = "Norway on Tuesday imposed new sanctions on Moscow over the fishing dispute."
    tension = _only(_tensions(first, text))
    assert set(tension.parties) == {"Norway", "Russia"}


def test_a_seat_of_power_someone_is_in_is_only_a_place() -> None:
    first = "Russia said on Monday it would answer any new measures."
    text = "Tensions rose in Moscow on Tuesday after Norway expelled two fishing boats."
    assert _tensions(first, text) == []


def test_verb_subject_is_not_the_object_of_a_preposition() -> None:
    text = (
        "Officials asked whether there was a contradiction between Ruritania negotiating a "
        "deal with Norway and threatening to leave the accord with Sweden."
    )
    first = "Norway and Sweden both said on Monday that the talks would go on."
    assert [t.parties for t in _tensions(first, text)] == []


def test_a_war_named_by_its_place_has_no_sides() -> None:
    text = "Sweden's parliament heard on Tuesday from three veterans of the Norway war."
    assert _tensions(text, "Sweden said on Monday that the hearing would go on.") == []


def test_a_verb_far_from_any_actor_before_it_has_no_subject() -> None:
    text = (
        "Norway was asked on Monday whether there was any contradiction in the government "
        "trying to negotiate a fishing deal and also threatening to leave the accord with "
        "Sweden."
    )
    assert _tensions(text, "Sweden said on Monday that the talks would go on.") == []


def test_an_actor_after_inside_is_a_place_not_a_subject() -> None:
    text = "Fishermen face danger inside Norway from armed gangs opposed to Sweden."
    first = "Norway and Sweden both said on Monday that the talks would go on."
    assert _tensions(first, text) == []


def test_an_object_that_modifies_a_noun_gives_no_direction() -> None:
    tension = _tensions(_LEAD, _NEXT, title="Berg slams Olsen plan for the bridge")[0]
    assert (
        tension.description == "The article reports criticism involving Anna Berg and Karl Olsen."
    )


def test_a_feud_said_to_be_over_is_no_tension() -> None:
    assert _tensions(_LEAD, _NEXT, title="Berg ends feud with Olsen over bridge plan") == []
    text = "Anna Berg on Monday ended her long feud with Karl Olsen over the bridge plan."
    assert _tensions(text, _NEXT) == []


def test_subjects_joined_by_and_past_an_aside_share_one_tension() -> None:
    # eleventh session: one tension of three parties, as a reader lists it (it was two)
    text = (
        "Norway and Sweden, neither of which is a member of the European Union, opposed "
        "Denmark's fishing plan on Monday."
    )
    tension = _only(_tensions(text, "Denmark said it would go ahead with the plan."))
    assert tension.parties == ["Norway", "Sweden", "Denmark"]


def test_joined_subjects_are_named_together_in_the_description() -> None:
    text = "Norway and the United Kingdom on Friday blamed Denmark for the collapse of the talks."
    tension = _only(_tensions(text, "Denmark said it would go ahead with the plan."))
    assert tension.parties == ["Norway", "United Kingdom", "Denmark"]
    assert tension.description == "Norway and the United Kingdom blamed Denmark."
    text = "Norway and Sweden have warned Denmark's fishermen to stay out of the strait."
    # twelfth session: the object's one noun is named (was "The article reports a warning
    # involving Norway, Sweden and Denmark.")
    assert _only(_tensions(text)).description == "Norway and Sweden warned Denmark's fishermen."


def test_a_pair_already_stated_does_not_hide_the_joined_subject() -> None:
    text = (
        "Sweden condemned Denmark on Monday. Norway and Sweden later blamed Denmark for the "
        "collapse of the fishing talks."
    )
    tensions = _tensions(text)
    assert [t.parties for t in tensions] == [["Sweden", "Denmark"], ["Norway", "Sweden", "Denmark"]]


# --- which sides a noun cue names (fifth session) --------------------------------------

_OLSEN = "Karl Olsen said on Monday that he would not comment."


def test_the_side_that_imposes_sanctions_is_not_paired_with_its_own_leader() -> None:
    text = (
        "President Anna Berg said on Tuesday she would revive U.S. economic sanctions, "
        "which would penalize firms trading with the rebels."
    )
    assert _tensions(text) == []


def test_a_target_of_sanctions_needs_an_agent_that_is_a_subject() -> None:
    text = "Karl Olsen's adviser spoke before a vote on sanctions against Sweden."
    assert _tensions(_OLSEN, text) == []


def test_sanctions_that_stay_lifted_are_no_tension() -> None:
    text = "Norway said it would ensure sanctions on Sweden remain lifted."
    assert _tensions(text) == []


def test_a_country_helping_another_evade_sanctions_is_not_their_conflict() -> None:
    text = "Officials said Norway had worked to help Sweden evade international sanctions."
    assert _tensions(text) == []


def test_an_actor_two_words_before_a_noun_cue_is_not_tied_to_it() -> None:
    text = "Firms kept trading with Norway despite the threat of Sweden."
    assert _tensions(text) == []


def test_a_war_between_two_parties_names_both() -> None:
    tension = _only(_tensions("The war between Norway and Sweden left 200 people dead."))
    assert set(tension.parties) == {"Norway", "Sweden"}


def test_someone_answering_anothers_attacks_is_their_tension() -> None:
    text = "Anna Berg responded on Monday to Karl Olsen's attacks on her record."
    tension = _only(_tensions(text, _OLSEN))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}


def test_the_target_of_ended_sanctions_is_still_an_actor() -> None:
    text = "The talks could lead to an end to sanctions against Sweden, diplomats said."
    extraction = extract_offline(CleanArticle(paragraphs=[text, "The talks resume in May."]))
    assert extraction.tensions == []
    assert "Sweden" in [a.name for a in extraction.actors]


def test_a_seat_of_power_naming_an_accord_is_not_its_state() -> None:
    text = (
        "Karl Olsen quit the global Paris climate accord and came close to a trade war with Sweden."
    )
    tension = _only(_tensions("France and Norway met on Monday.", text, _OLSEN))
    assert set(tension.parties) == {"Karl Olsen", "Sweden"}


def test_an_institution_after_the_is_a_subject_unless_it_modifies_a_noun() -> None:
    text = "The day the Senate submitted articles of impeachment against Karl Olsen, it rained."
    assert set(_only(_tensions(text, _OLSEN)).parties) == {"Senate", "Karl Olsen"}
    modifier = "Officials said the Norway deal would bring sanctions on Sweden."
    assert _tensions(modifier) == []


def test_a_noun_cue_takes_the_nearest_agent_before_it() -> None:
    text = "The Senate said later that Karl Olsen was preparing to impose new sanctions on Sweden."
    assert set(_only(_tensions(text, _OLSEN)).parties) == {"Karl Olsen", "Sweden"}


def test_two_sides_joined_by_a_hyphen_before_a_conflict_noun() -> None:
    text = "Markets fell as the Norway-Sweden trade war entered its second year."
    tension = _only(_tensions("Norway and Sweden traded fish for decades.", text))
    assert set(tension.parties) == {"Norway", "Sweden"}
    assert tension.evidence == text
    strained = "Olsen met the envoy amid strained Norway-Sweden ties on Monday."
    assert _only(_tensions("Norway and Sweden are neighbours.", strained)).description == (
        "Norway and Sweden have strained relations."
    )
    plain = "Olsen praised Norway-Sweden ties on Monday."
    assert _tensions("Norway and Sweden are neighbours.", plain) == []


@pytest.mark.parametrize(
    "verb",
    ["chided", "scolded", "lashed out at", "took aim at", "blasted", "hammered", "railed against"],
)
def test_more_verbs_of_criticism(verb: str) -> None:
    text = f"Anna Berg {verb} Karl Olsen on Sunday over the budget."
    tension = _only(_tensions(_OLSEN, text))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    assert tension.description == "Anna Berg criticized Karl Olsen."


def test_an_object_before_and_is_not_the_subject_of_the_next_verb() -> None:
    text = "Olsen has quit the talks, snubbed Denmark and lashed out at Sweden."
    tension = _only(_tensions(_OLSEN, "Denmark is a kingdom.", text))
    assert tension.parties == ["Karl Olsen", "Sweden"]


def test_an_actor_modifying_a_noun_is_not_a_verbs_subject() -> None:
    text = "Olsen has left the Sweden fishing deal and lashed out at Norway."
    tension = _only(_tensions(_OLSEN, "Sweden and Norway fish.", text))
    assert tension.parties == ["Karl Olsen", "Norway"]


def test_a_verbs_object_is_near_the_verb() -> None:
    text = (
        "Anna Berg warned on Monday that the budget the cabinet proposed last week "
        "would hurt the farmers of Sweden."
    )
    assert _tensions(text) == []


def test_dispute_with_an_object_is_a_verb_and_as_a_noun_a_relation() -> None:
    verb = "Karl Olsen disputed the report by Sweden that the talks had failed, with Norway."
    assert _only(_tensions(_OLSEN, verb)).parties == ["Karl Olsen", "Sweden"]
    far = (
        "Karl Olsen disputed a newspaper's account of an interview in which he was quoted "
        "as praising Anna Berg."
    )
    assert _tensions(_OLSEN, far) == []
    noun = "Officials said Norway and Sweden are in a heated dispute over fishing rights."
    assert set(_only(_tensions(noun)).parties) == {"Norway", "Sweden"}


def test_a_clause_ends_at_a_comma_inside_closing_quotes() -> None:
    text = "After Olsen called Sweden a “foe,” Norway responded on Twitter with a joke."
    tension = _only(_tensions(_OLSEN, text))
    assert tension.parties == ["Karl Olsen", "Sweden"]


def test_a_relation_with_someone_needs_that_someone_named_after_with() -> None:
    unnamed = "As Norway plans to sue Sweden, Anna Berg apparently disagrees with her former boss."
    assert all("Anna Berg" not in t.parties for t in _tensions(unnamed))
    named = "Olsen, a critic of Norway, said he disagreed with current President Anna Berg."
    # fourteenth session: "a critic of Norway" is a tension of its own
    assert [t.parties for t in _tensions(_OLSEN, named)] == [
        ["Karl Olsen", "Norway"],
        ["Karl Olsen", "Anna Berg"],
    ]
    possessor = "The question centered on Olsen’s long feud with the Nordic Council, aides said."
    assert _only(_tensions(_OLSEN, possessor)).parties == ["Karl Olsen", "Nordic Council"]


def test_a_dispute_said_to_end_is_no_tension() -> None:
    text = "Aid stopped after Norway and Sweden signed a treaty to end border disputes in 1975."
    assert _tensions(text) == []


@pytest.mark.parametrize("verb", ["formally withdrew from", "pulled out of"])
def test_leaving_a_pact_with_someone_is_a_tension_with_them(verb: str) -> None:
    text = f"The United States {verb} a landmark 1987 missile pact with Sweden on Friday."
    tension = _only(_tensions(text, "Sweden said it regretted the decision."))
    assert tension.parties == ["United States", "Sweden"]
    assert tension.description == (
        "The article reports a withdrawal involving the United States and Sweden."
    )


def test_revoking_someones_clearance_is_a_tension() -> None:
    text = "President Anna Berg revoked Karl Olsen's security clearance on Wednesday."
    tension = _only(_tensions(_OLSEN, text))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]


def test_actors_right_before_by_doing_are_objects_not_the_subject() -> None:
    snub = "He snubbed Norway and Sweden by pulling out of a fishing pact with Denmark."
    assert _tensions("Denmark, Norway and Sweden met.", snub) == []
    gasps = "Karl Olsen drew gasps by threatening Sweden from the podium."
    assert _only(_tensions(_OLSEN, gasps)).parties == ["Karl Olsen", "Sweden"]


def test_the_subject_of_a_sentence_did_not_carry_out_the_attack_it_mentions() -> None:
    text = "Karl Olsen failed to mention the 2012 terror attack on Sweden during the debate."
    assert _tensions(_OLSEN, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Karl Olsen has been locked in a legal battle with Sweden since May.",
        "Karl Olsen vowed to fight against Sweden in the courts.",
        "Markets fell after the trade clash between Karl Olsen and Sweden deepened.",
    ],
)
def test_battles_fights_and_clashes_are_noun_cues(text: str) -> None:
    tension = _only(_tensions(_OLSEN, text, "Sweden declined to comment."))
    assert set(tension.parties) == {"Karl Olsen", "Sweden"}


@pytest.mark.parametrize(
    "text",
    [
        'Anna Berg called Karl Olsen a "pathological liar" on Sunday.',
        "Anna Berg on Sunday described Karl Olsen as a “disgrace” to the party.",
        'Anna Berg called Olsen\'s budget "reckless" on Sunday.',
    ],
)
def test_calling_someone_a_name_of_abuse_is_criticism(text: str) -> None:
    tension = _only(_tensions(_OLSEN, text))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    assert "critici" in tension.description


def test_calling_someone_a_name_of_praise_is_no_tension() -> None:
    assert _tensions(_OLSEN, 'Anna Berg called Karl Olsen a "champion" of the north.') == []


def test_an_actor_after_a_possessive_pronoun_is_not_the_verbs_object() -> None:
    text = "Anna Berg criticized his support for Karl Olsen on Sunday."
    assert _tensions(_OLSEN, "Per Lund spoke first.", text) == []


def test_blasting_or_hammering_out_something_is_no_criticism() -> None:
    text = "Anna Berg blasted out a robocall about Karl Olsen on Sunday."
    assert _tensions(_OLSEN, text) == []
    text = "Anna Berg and Karl Olsen hammered out a budget deal on Sunday."
    assert _tensions(_OLSEN, text) == []


def test_calling_on_someone_to_resign_presses_them() -> None:
    tension = _only(_tensions(_OLSEN, "Anna Berg called on Karl Olsen to resign on Sunday."))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    assert tension.description == "Anna Berg pressed Karl Olsen."
    assert _tensions(_OLSEN, "Anna Berg called on Karl Olsen to visit the bridge.") == []


def test_the_one_called_on_comes_before_to() -> None:
    text = "Anna Berg called on him to quit the race against Karl Olsen."
    assert _tensions(_OLSEN, "Per Lund spoke first.", text) == []


def test_blowback_from_someone_is_a_tension_with_them() -> None:
    text = "Karl Olsen faced blowback from Anna Berg over the bridge plan."
    tension = _only(_tensions("Anna Berg leads the opposition.", _OLSEN, text))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}
    assert tension.description == "The article reports blowback by Anna Berg against Karl Olsen."


def test_an_actor_after_my_or_our_is_not_the_verbs_object() -> None:
    text = "Anna Berg railed against our plan for Norway on Sunday."
    assert _tensions(_OLSEN, text) == []


def test_an_owner_after_a_word_of_time_is_not_the_subject() -> None:
    text = "After Karl Olsen's election, his government hammered Norway with tariffs."
    assert _tensions(_OLSEN, text) == []


def test_sabotage_is_a_verb_only_after_to_or_inflected() -> None:
    text = "Anna Berg attempted to sabotage Karl Olsen before the vote."
    assert set(_only(_tensions(_OLSEN, text)).parties) == {"Anna Berg", "Karl Olsen"}
    noun = "Anna Berg described the sabotage of oil tankers off Norway on Sunday."
    assert _tensions(_OLSEN, noun) == []


def test_a_party_that_will_sue_another_is_in_a_legal_conflict() -> None:
    sue = "Anna Berg will sue Karl Olsen over the bridge contract."
    tension = _only(_tensions(_OLSEN, "Anna Berg said the contract was unfair.", sue))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    assert (
        tension.description == "The article reports a lawsuit involving Anna Berg and Karl Olsen."
    )


def test_an_onslaught_against_someone_is_a_noun_cue() -> None:
    text = "Anna Berg continued her rhetorical onslaught against Karl Olsen on Saturday."
    assert set(_only(_tensions(_OLSEN, text)).parties) == {"Anna Berg", "Karl Olsen"}


def test_a_lawmakers_state_and_party_is_an_aside_before_the_verb() -> None:
    text = "Senator Anna Berg, New York Democrat, even accused Karl Olsen of complicity."
    tension = _only(_tensions(_OLSEN, text))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]


def test_the_description_reads_the_subject_past_its_aside() -> None:
    # eleventh session: was "The article reports an accusation involving ..."
    text = (
        "Anna Berg, the chairwoman of the Senate Foreign Relations Committee, accused "
        "Karl Olsen of trying to sink the treaty."
    )
    tension = _only(_tensions(_OLSEN, text))
    assert tension.description == "Anna Berg accused Karl Olsen."
    # a plural possessor is not the object ("opposed the Palestinians' efforts"); from the
    # eighteenth session what it owns is ("Norway opposed Palestinians' efforts.")
    text = "Norway, a member of the court, opposed the Palestinians' efforts to join it."
    tension = _only(_tensions("The Palestinians said they would try again.", text))
    assert tension.description == "Norway opposed Palestinians' efforts."
    # an aside that is not right after the subject's comma is read as before
    text = "Anna Berg said on Monday that, as the chairwoman, she accused Karl Olsen of lying."
    assert all(t.description != "Anna Berg accused Karl Olsen." for t in _tensions(_OLSEN, text))


# --- groups as parties -----------------------------------------------------------------


def test_a_described_group_is_a_party_with_a_plural_verb() -> None:
    lead = "Gunmen stormed a hotel in Oslo on Saturday, battling security forces inside."
    later = "The gunmen were killed after security forces stormed the top floor, police said."
    tension = _only(_tensions(lead, later, title="Gunmen battle security forces in Oslo hotel"))
    assert tension.parties == ["gunmen", "security forces"]
    assert tension.description == "Gunmen battle security forces."


def test_fighting_alongside_someone_is_no_conflict() -> None:
    text = "Troops from Sweden have fought alongside Norway in two wars, Karl Olsen said."
    assert _tensions(_OLSEN, text) == []


def test_the_one_told_something_is_not_the_agent_of_a_noun_cue() -> None:
    text = "A general told Pentagon reporters on Monday of new attacks from Norway."
    assert _tensions(_OLSEN, "The Pentagon said it was ready.", text) == []


def test_warning_that_someone_would_act_does_not_name_who_is_warned() -> None:
    assert _tensions(_OLSEN, "Anna Berg warned that Karl Olsen would lose the vote.") == []


def test_an_infinitives_object_is_not_the_next_verbs_subject() -> None:
    text = "Anna Berg, eager all evening to jab Per Lund for failing to lead, attacked Karl Olsen."
    assert all("Per Lund" not in t.parties for t in _tensions(_OLSEN, "Per Lund spoke.", text))


def test_a_where_clause_is_an_aside_before_a_passive_verb() -> None:
    text = "Plans for a bridge to Oslo, where Karl Olsen lives, were rejected by Anna Berg."
    assert _tensions(_OLSEN, "Anna Berg said the plans were too costly.", text) == []


def test_an_actor_past_a_subordinate_clause_is_not_the_verbs_object() -> None:
    text = "Anna Berg battled illness for years before she met Karl Olsen in Oslo."
    assert _tensions(_OLSEN, "Anna Berg said she was well.", text) == []
    go_after = "Anna Berg threatened to go after Karl Olsen over the bridge."
    assert set(_only(_tensions(_OLSEN, go_after)).parties) == {"Anna Berg", "Karl Olsen"}


def test_no_threat_from_someone_is_no_tension() -> None:
    text = "Anna Berg said on Monday there was no increased threat from Norway this year."
    assert _tensions(_OLSEN, "Anna Berg spoke in Oslo.", text) == []


def test_a_conflict_the_joined_subjects_wage_on_each_other() -> None:
    text = (
        "Norway and Sweden have agreed to cut tariffs on each other's goods as talks on "
        "ending their trade war go on, officials said."
    )
    tension = _only(_tensions("Norway and Sweden met in Oslo.", text))
    assert set(tension.parties) == {"Norway", "Sweden"}
    assert tension.description == "The article reports tariffs involving Norway and Sweden."


def test_their_conflict_with_a_named_target_is_not_between_the_subjects() -> None:
    text = "Anna Berg and Per Lund have been vocal in their criticism of Karl Olsen."
    tensions = _tensions(_OLSEN, "Per Lund said he was tired.", "Anna Berg said so too.", text)
    assert all(set(t.parties) != {"Anna Berg", "Per Lund"} for t in tensions)


def test_a_seat_of_power_names_its_state_however_the_state_is_written() -> None:
    text = "Washington and Beijing have agreed to cut tariffs on each other's goods."
    tension = _only(_tensions("The U.S. and China held talks in Geneva.", text))
    assert set(tension.parties) == {"U.S.", "China"}


def test_washington_state_is_not_the_united_states() -> None:
    text = "Karl Olsen accused Washington state officials of fraud on Monday."
    assert _tensions("The United States said it would respond.", _OLSEN, text) == []


def test_a_participle_clause_takes_the_subject_that_opens_the_sentence() -> None:
    lead = "Gunmen stormed a hotel in the old port of Oslo on Saturday, killing a guard and battling security forces inside."
    later = "The gunmen were killed after security forces stormed the top floor, police said."
    tension = _only(_tensions(lead, later))
    assert set(tension.parties) == {"gunmen", "security forces"}
    owner = (
        "Karl Olsen's husband spoke at a long rally in Oslo on Sunday, accusing Per Lund of lying."
    )
    assert _tensions(_OLSEN, "Per Lund said he was tired.", owner) == []


def test_a_headline_names_a_described_group_in_title_case() -> None:
    lead = "Karl Olsen wasted two years on the bridge plan, lawmakers said on Tuesday."
    nxt = "The lawmakers want a vote on the plan before the summer."
    tension = _only(_tensions(lead, _NEXT, nxt, title="Lawmakers Rip Olsen Over Bridge Plan"))
    assert tension.parties == ["lawmakers", "Karl Olsen"]
    assert tension.description == "Lawmakers criticize Karl Olsen."


def test_tensions_of_a_kind_within_a_society_have_no_two_sides() -> None:
    text = "Racial tensions inflamed by Karl Olsen are rising in Norway, Anna Berg said."
    assert _tensions(_OLSEN, "Anna Berg spoke in Oslo.", text) == []


def test_a_noun_cues_other_side_is_near_it() -> None:
    text = (
        "Karl Olsen's threat to raise tariffs on imported cars will be back in the "
        "spotlight this week with a visit to Norway by Anna Berg."
    )
    assert _tensions(_OLSEN, "Anna Berg spoke in Oslo.", text) == []


@pytest.mark.parametrize("subjects", ["Norway and Sweden", "The United States and Sweden"])
def test_what_a_clash_is_over_is_no_side_of_it(subjects: str) -> None:
    text = f"{subjects} came closer to a direct clash over Finland on Monday."
    tension = _only(_tensions("Finland said it was calm.", text))
    assert set(tension.parties) == {subjects.split(" and ")[0].removeprefix("The "), "Sweden"}


def test_a_mutual_conflict_far_from_the_joined_subjects_is_not_theirs() -> None:
    text = (
        "Norway and Sweden described the raids on the border towns as crimes rather "
        "than acts of war."
    )
    assert _tensions(text) == []


def test_tariffs_both_sides_eliminate_are_no_tension() -> None:
    text = "Norway and Sweden agreed to eliminate tariffs on each other's fish."
    assert _tensions(text) == []


def test_a_cue_in_a_scraped_list_of_headlines_is_ignored() -> None:
    text = (
        "Sweden eyes new fishing law | Karl Olsen criticized Sweden over fishing MORE "
        "(D-Oslo), a member of the committee, said on Monday."
    )
    assert _tensions(_OLSEN, "Sweden said it would respond.", text) == []


def test_opposing_ground_troops_is_a_policy_not_a_conflict_with_them() -> None:
    text = "Per Lund and Anna Berg, who has openly opposed ground troops, took a harder line."
    tensions = _tensions("Anna Berg said on Monday she opposed the plan.", text, "The troops left.")
    assert all("troops" not in t.parties for t in tensions)


def test_a_group_a_country_qualifies_is_on_its_side() -> None:
    from summarizer.backends.offline._names import Entity
    from summarizer.backends.offline._tensions import _same_side

    troops = Entity("U.S. troops", "group", forms={"U.S. troops"})
    state = Entity("U.S.", "country", forms={"U.S.", "United States"})
    assert _same_side(troops, state)
    assert not _same_side(Entity("Iraqi troops", "group", forms={"Iraqi troops"}), state)


# --- seventh session ----------------------------------------------------------------------


def test_an_infinitive_attack_takes_the_one_who_decided_as_subject() -> None:
    text = "The moderator asked Anna Berg why she decided to attack Karl Olsen personally."
    tension = _only(_tensions(_OLSEN, "Anna Berg said on Monday she would run.", text))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}


def test_calling_on_someone_to_retaliate_against_a_state_is_a_tension_with_it() -> None:
    text = "Anna Berg called on Karl Olsen to retaliate against Russia for the hacking."
    tensions = _tensions(_OLSEN, "Anna Berg said on Monday she would run.", text)
    assert any(set(t.parties) == {"Anna Berg", "Russia"} for t in tensions)


def test_assaulted_is_a_verb_cue() -> None:
    text = "Karl Olsen assaulted Anna Berg at the rally on Monday."
    tension = _only(_tensions(_OLSEN, "Anna Berg said on Monday she would run.", text))
    assert tension.description == "Karl Olsen assaulted Anna Berg."


def test_a_cyberattack_against_a_state_is_a_noun_cue() -> None:
    text = "Russia launched a sweeping cyberattack against Norway last week, officials said."
    tension = _only(_tensions(text))
    assert set(tension.parties) == {"Russia", "Norway"}
    assert tension.description == "The article reports a cyberattack by Russia against Norway."


def test_calling_on_someone_to_stop_in_quotation_marks_is_pressure() -> None:
    text = "Anna Berg on Monday called on Karl Olsen to “stop lying to voters” and resign."
    tension = _only(_tensions(_OLSEN, text))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    assert tension.description == "Anna Berg pressed Karl Olsen."


def test_a_headline_object_owned_by_another_name_is_not_the_object() -> None:
    lead = "Anna Berg on Friday denied a report about Karl Olsen and the fishing deal."
    title = "Anna Berg's office shoots down Skanska's Karl Olsen report"
    berg = "Anna Berg said on Monday she would run."
    assert _tensions(lead, _OLSEN, berg, title=title) == []
    title = "Anna Berg's office shoots down Karl Olsen report"
    assert _only(_tensions(lead, _OLSEN, berg, title=title)).parties == ["Anna Berg", "Karl Olsen"]


def test_an_actor_after_its_or_their_modifies_a_noun_and_is_no_agent() -> None:
    text = "The ministry widened its Norway inquiry on Friday with sanctions on Sweden."
    assert _tensions("Norway said it was calm.", text, "Sweden said it would respond.") == []


def test_he_or_she_opening_the_sentence_is_the_person_meant() -> None:
    text = "Anna Berg met the fishing council on Monday. She also blasted Karl Olsen for the deal."
    tension = _only(_tensions(_OLSEN, text))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    assert tension.description == "Anna Berg criticized Karl Olsen."


def test_an_actor_after_that_is_not_the_verbs_object() -> None:
    text = "Anna Berg dismissed claims that Karl Olsen had exploited the fishing quotas."
    assert _tensions(_OLSEN, "Anna Berg said on Monday she would run.", text) == []


def test_a_states_body_named_by_its_nationality_is_the_state() -> None:
    text = "Russia launched a cyberattack against the Israeli military last week."
    tension = _only(_tensions("Israel said it would respond.", text))
    assert set(tension.parties) == {"Russia", "Israel"}
    assert _tensions("Israel said it would respond.", text.replace("Israeli", "Finnish")) == []


def test_a_city_and_state_aside_does_not_end_the_verbs_clause() -> None:
    text = "On Tuesday, Anna Berg criticized Tulsa, Okla., police officer Karl Olsen for it."
    tension = _only(_tensions(_OLSEN, "Anna Berg said on Monday she would run.", text))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]


def test_an_object_named_by_its_role_is_the_person_of_that_role() -> None:
    text = (
        "Anna Berg became the first official to testify in the Democratic-led House inquiry into "
        "whether to impeach the Ruritanian president."
    )
    first = "Ruritanian President Karl Olsen said on Monday that he would not comment."
    tensions = _tensions(first, "The House said it would vote in May.", text)
    assert any(set(t.parties) == {"House", "Karl Olsen"} for t in tensions)


def test_a_role_object_takes_the_nearest_subject_not_an_earlier_owner() -> None:
    first = "Judge Karl Olsen said on Monday that he would not comment."
    text = "Karl Olsen's order came the day that Anna Berg railed against the judge at a rally."
    tension = _only(_tensions(first, "Anna Berg said on Monday she would run.", text))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}


def test_investigating_someone_is_a_tension() -> None:
    text = "Anna Berg called for a special prosecutor to investigate Karl Olsen over the deal."
    tension = _only(_tensions(_OLSEN, "Anna Berg said on Monday she would run.", text))
    assert (
        tension.description
        == "The article reports an investigation involving Anna Berg and Karl Olsen."
    )


def test_a_vote_to_hold_someone_in_contempt_is_a_tension() -> None:
    text = (
        "The Senate voted Thursday to hold Karl Olsen, a former aide to the mayor, in "
        "contempt of Congress for refusing to testify."
    )
    tension = _only(_tensions(_OLSEN, text))
    assert set(tension.parties) == {"Senate", "Karl Olsen"}


def test_a_country_after_in_is_where_not_whom() -> None:
    texts = (
        "Karl Olsen said he had fought in Vietnam for the rights of others.",
        "The report led Karl Olsen to investigate a channel paying money handlers in Vietnam.",
    )
    for text in texts:
        assert _tensions(_OLSEN, "Vietnam said it was calm.", text) == []


def test_an_actor_after_a_preposition_and_a_title_is_no_subject() -> None:
    text = "I said to Amb. Karl Olsen that the request to investigate Anna Berg was wrong."
    tensions = _tensions(_OLSEN, "Anna Berg said on Monday she would run.", text)
    assert all(set(t.parties) != {"Karl Olsen", "Anna Berg"} for t in tensions)


def test_a_tortured_relationship_in_a_headline_is_strained_relations() -> None:
    title = "Anna Berg and Karl Olsen: A tortured relationship"
    lead = "Anna Berg and Karl Olsen have rarely met since the fishing deal collapsed."
    tension = _only(_tensions(lead, _OLSEN, "Anna Berg said on Monday she would run.", title=title))
    assert tension.description == "Anna Berg and Karl Olsen have strained relations."


def test_a_reaction_the_subject_draws_is_a_tension_with_whoever_reacts() -> None:
    text = (
        "Anna Berg's assertion on Monday that more ships are needed in the north to "
        "prevent raids like the one in Bergen drew rebukes from the Pentagon and others."
    )
    tension = _only(_tensions(text, "The Pentagon said it would respond."))
    assert set(tension.parties) == {"Anna Berg", "Pentagon"}


def test_an_actor_named_by_its_initials_and_a_group_it_heads_is_the_subject() -> None:
    setup = ("Nordic Fishing Union said on Monday it would protest.", _OLSEN)
    text = "The NFU group is calling on Karl Olsen to “stop lying to voters” and resign."
    tension = _only(_tensions(*setup, text))
    assert tension.parties == ["Nordic Fishing Union", "Karl Olsen"]


def test_hacking_an_actor_is_a_tension() -> None:
    text = "Officials say Russia hacked into the emails of the Nordic Fishing Union last year."
    tension = _only(_tensions("Nordic Fishing Union said on Monday it would protest.", text))
    assert set(tension.parties) == {"Russia", "Nordic Fishing Union"}


def test_an_actor_after_by_a_is_no_subject() -> None:
    text = "Ten officers were charged by a Norway jury for hacking the Nordic Fishing Union."
    tensions = _tensions("Nordic Fishing Union said on Monday it would protest.", text)
    assert all("Norway" not in t.parties for t in tensions)


def test_an_unregistered_full_name_after_title_words_is_the_verbs_object() -> None:
    text = (  # a video blurb, whose names the registry does not take
        'CLOSE Karl Olsen attacked Oslo Labour Party Candidate Phil Vang as a "tool" of the '
        "mayor. At a rally in Bergen, Olsen talked about fishing. (May 29) AP"
    )
    extraction = extract_offline(CleanArticle(paragraphs=[_OLSEN, text]))
    tension = _only(extraction.tensions)
    assert tension.parties == ["Karl Olsen", "Phil Vang"]
    assert "Phil Vang" in [a.name for a in extraction.actors]  # a party is an actor


def test_a_body_named_by_its_head_word_after_with_is_the_partner() -> None:
    first = "The Nordic Fishing Court opened an examination on Monday."
    text = 'Norway also said it "strongly" disagreed with the court\'s decision.'
    tension = _only(_tensions(first, text))
    assert tension.parties == ["Norway", "Nordic Fishing Court"]
    assert tension.description == "Norway and the Nordic Fishing Court disagree."


def test_the_party_is_no_body_named_by_its_head_word() -> None:
    first = "The Nordic Labour Party met on Monday. The Labourites said they would vote."
    text = "Anna Berg urged Labourites to join the fishers, and criticized the party's plans."
    tensions = _tensions(first, "Anna Berg said on Monday she would run.", text)
    assert all("Nordic Labour Party" not in t.parties for t in tensions)


def test_a_name_before_a_plural_noun_it_qualifies_is_no_object() -> None:
    text = 'Anna Berg condemned what she called a "brazen breach" of Norway resolutions.'
    tensions = _tensions("Norway said it would respond.", "Anna Berg said she would run.", text)
    assert all("Norway" not in t.parties for t in tensions)


# --- eighth session ----------------------------------------------------------------------


def test_charges_against_a_name_after_title_words_aim_at_the_name() -> None:
    text = (
        "The Justice Department on Friday brought charges against GOP political "
        "consultant Karl Olsen, the court said."
    )
    tension = _only(_tensions(text))
    assert set(tension.parties) == {"Justice Department", "Karl Olsen"}
    assert tension.description == (
        "The article reports charges involving the Justice Department and Karl Olsen."
    )


def test_an_investigation_of_a_titled_name_is_a_noun_cue() -> None:
    text = "The FBI opened an investigation of Democratic presidential candidate Anna Berg."
    tension = _only(_tensions(text, "Anna Berg said on Monday she would run."))
    assert set(tension.parties) == {"FBI", "Anna Berg"}


def test_charges_against_someones_aide_are_not_against_the_owner() -> None:
    text = (
        "The hearing on Mueller's charges against Olsen's former campaign chairman, Paul "
        "Berg, went on for hours."
    )
    assert _tensions(_OLSEN, "Robert Mueller leads the inquiry.", text) == []


def test_an_inquiry_a_third_party_writes_about_is_not_its_conflict() -> None:
    text = "Judge Anna Berg wrote that the House's investigation of the president was valid."
    tensions = _tensions("The House voted on Monday.", text)
    assert not any("Anna Berg" in t.parties for t in tensions)


def test_an_inquiry_owned_by_an_unnamed_agency_has_no_agent_here() -> None:
    text = "Karl Olsen said he was not a target of the agency's investigation into Russia."
    assert _tensions(_OLSEN, text) == []


def test_a_noun_cue_takes_no_party_from_a_scraped_list_of_headlines() -> None:
    text = "It was part of Norway's investigation into fraud. | Getty Images Sweden wins the cup"
    assert _tensions(text) == []


@pytest.mark.parametrize("subject", ["He’s been", "He was", "He has been"])
def test_a_pronoun_subject_of_a_passive_takes_the_person_meant(subject: str) -> None:
    text = f"{subject} investigated by Congress for promoting miracle pills."
    tension = _only(_tensions(_OLSEN, text))
    assert set(tension.parties) == {"Karl Olsen", "Congress"}
    assert tension.description == "Congress investigated Karl Olsen."  # a passive: doer first


def test_to_combat_a_named_side_is_a_verb_cue_after_a_subject_with_should() -> None:
    text = "Anna Berg said the United States should send more planes to combat the Islamic State."
    tensions = _tensions("Anna Berg said on Monday she would run.", text)
    assert any(set(t.parties) == {"United States", "Islamic State"} for t in tensions)


def test_to_combat_a_tide_of_doubt_about_a_body_is_no_tension_with_it() -> None:
    text = "Norway met on how to combat a rising tide of doubt about the European Union."
    assert _tensions(text) == []


def test_a_headline_suspending_a_body_is_a_conflict_with_it() -> None:
    lead = "Prime Minister Karl Olsen asked the king on Wednesday to suspend Parliament."
    tension = _only(_tensions(lead, title="Karl Olsen moves to suspend Parliament"))
    assert set(tension.parties) == {"Karl Olsen", "Parliament"}
    assert tension.description == (
        "The article reports a suspension involving Karl Olsen and Parliament."
    )


def test_charged_by_a_group_is_a_tension_with_it() -> None:
    text = "Karl Olsen has been charged by federal prosecutors in Virginia, a filing shows."
    tension = _only(_tensions(_OLSEN, text))
    assert set(tension.parties) == {"Karl Olsen", "federal prosecutors"}
    assert tension.description == "Federal prosecutors charged Karl Olsen."  # doer first


def test_a_headline_conflict_takes_evidence_past_a_lead_naming_one_side() -> None:
    paragraphs = [
        "If it worked against Mitt Romney, it might just work against Karl Olsen.",
        "At least that is what the campaign now hopes.",
        "Olsen said on Monday that he would not comment.",
        "The debate ran for two hours.",
        "Anna Berg said on Tuesday that her campaign hit Olsen hard at the convention.",
    ]
    tension = _only(_tensions(*paragraphs, title="Anna Berg Goes After Karl Olsen"))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}
    assert tension.evidence == paragraphs[-1]


def test_a_headline_object_past_whether_is_not_the_verbs() -> None:
    lead = "Norway's police are investigating whether U.S. Ambassador Anna Berg was watched."
    later = "Norway said on Thursday it would not interfere in the affairs of the United States."
    title = "Norway Is Investigating Whether U.S. Ambassador Berg Was Watched"
    tensions = _tensions(lead, _OLSEN, later, title=title)
    assert not any(set(t.parties) == {"Norway", "United States"} for t in tensions)


def test_a_headline_cue_takes_no_party_past_a_semicolon() -> None:
    lead = "Karl Olsen skipped the debate on Thursday."
    later = "Anna Berg joked about the absent Olsen on stage, aides said."
    tensions = _tensions(lead, later, title="Absent Olsen derides debate; Berg fields attacks")
    assert tensions == []


def _actors(*paragraphs: str) -> list[str]:
    return [a.name for a in offline_actors(*paragraphs)]


def test_a_noun_cue_marks_the_name_its_title_words_end_in_not_the_first() -> None:
    text = (
        "The Justice Department on Friday brought charges against GOP political "
        "consultant Karl Olsen, the court said."
    )
    assert "GOP" not in _actors(text, "Olsen said he had done nothing wrong.")


def test_no_threat_from_forces_in_a_country_makes_it_no_actor() -> None:
    text = "Anna Berg said on Monday that there was no increased threat from Swedish-backed forces in Iraq."
    assert "Iraq" not in _actors(text)


def test_a_group_word_before_an_officers_name_is_not_the_target() -> None:
    # "police" is an actor of the article (named often, acting), but in "police officer
    # Dana Wells" it only says what Wells is: the criticism is of Wells
    tensions = _tensions(
        "Police said on Monday that they had arrested four men after a night of protests.",
        "Ruth Adler criticized Linfield, Ore., police officer Dana Wells for shooting and "
        "killing Tom Reed, an unarmed man.",
        "Wells said she feared for her life. Police said Wells had been placed on leave, and "
        "police asked for calm.",
        "Police arrived on the scene later.",
    )
    parties = [t.parties for t in tensions if "Ruth Adler" in t.parties]
    assert parties == [["Ruth Adler", "Dana Wells"]]


# --- ninth session: the one asking, and an object named in an apposition ---------------


def test_the_one_asking_someone_to_investigate_is_the_side_against_its_object() -> None:
    # The one asked (Lund) only does the asking's bidding: the conflict is between the one
    # asking and the object, named in an apposition after a description
    text = (
        "An aide said on Monday he was alarmed by hearing President Karl Olsen ask Premier "
        "Erik Lund to investigate a political rival, Democrat Anna Berg, during the call."
    )
    tension = _only(_tensions(text, "Berg and Lund said they had done nothing wrong."))
    assert tension.parties == ["Karl Olsen", "Anna Berg"]
    assert tension.description == "Karl Olsen asked for an investigation of Anna Berg."


def test_an_apposition_after_an_object_must_be_only_a_name() -> None:
    # "the coup attempt, telling USA TODAY ...": the clause after the object is no
    # apposition, so the newspaper is not what was denounced
    tensions = _tensions(
        "Karl Olsen denounced the coup attempt, telling Norway he had nothing to do with it.",
        "Olsen lives in Norway.",
    )
    assert tensions == []


def test_a_headline_speaker_saying_someone_hid_something_is_criticism() -> None:
    lead = "The Ruritania Audit Office said on Monday that the Finance Ministry kept a report."
    title = "Ruritania Audit Office: Finance Ministry Hid Key Budget Report For Years"
    tension = _only(_tensions(lead, "The ministry did not comment.", title=title))
    assert tension.parties == ["Ruritania Audit Office", "Finance Ministry"]
    assert tension.description == "The Ruritania Audit Office criticized the Finance Ministry."
    assert tension.evidence == lead


def test_a_headline_speaker_is_the_whole_text_before_the_colon() -> None:
    # "Berg aide:" is an aide speaking, not Berg
    lead = "Anna Berg said on Monday that Karl Olsen had been in the capital."
    title = "Berg aide: Olsen can't be trusted with the budget"
    assert _tensions(lead, "Olsen did not comment.", title=title) == []


def test_a_headline_failing_to_find_common_ground_is_a_disagreement() -> None:
    lead = "Prime Minister Karl Olsen met President Anna Berg in Oslo on Monday."
    later = "Olsen said the talks were useful. Berg said they would meet again."
    title = "Olsen and Berg fail to find common ground during meeting in Oslo"
    tension = _only(_tensions(lead, later, title=title))
    assert "Anna Berg" in tension.parties
    assert tension.description.endswith(" and Anna Berg disagree.")


def test_the_one_requesting_an_investigation_is_the_side_not_the_body_named_to_run_it() -> None:
    text = (
        "Committee Chairman Karl Olsen on Tuesday requested yet another Justice Ministry "
        "investigation of presidential candidate Anna Berg over deleted emails."
    )
    later = "The Justice Ministry said it had received the letter. Berg said nothing."
    tension = _only(_tensions(text, later))
    assert tension.parties == ["Karl Olsen", "Anna Berg"]
    assert tension.description == "Karl Olsen requested an investigation of Anna Berg."


def test_a_request_reported_after_that_is_not_the_subjects() -> None:
    # "Norway played down impressions that ... was pushing for war with Sweden": Norway
    # asks for nothing
    text = (
        "Norway officials played down impressions that the capital was pushing for war with "
        "Sweden after the incidents."
    )
    assert _tensions(text, "Sweden said on Monday it was calm. Norway said so too.") == []


def test_a_name_after_his_is_no_subject_even_before_a_plural_noun() -> None:
    # "his Senate colleagues": "colleagues" looks like a verb ("the House votes") but after
    # "his" comes a noun phrase; the criticism is his, not the Senate's
    text = (
        "That message mirrored the one he had just delivered to his Senate colleagues, right "
        "down to his criticism of the DNC, according to a Democrat familiar with his remarks."
    )
    lead = "Karl Olsen spoke in Oslo on Sunday, his office said. The Senate met on Monday."
    later = "The DNC said it would not comment. The Senate is in recess."
    tensions = _tensions(lead, text, later)
    assert not any("Senate" in t.parties for t in tensions)


# --- tenth session: a noun cue's target, and an effort that is no conflict -------------


def test_noun_cue_target_is_not_a_name_past_a_clause_word() -> None:
    # "sanctions against Sweden after Denmark ...": Sweden is the target; the head of a
    # phrase of title words never lies past "after", "if", "when" (a new clause).
    text = "Norway imposed sanctions against Sweden after Denmark objected to the fishing deal."
    tension = _only(_tensions(text, "Officials in Sweden declined to comment."))
    assert set(tension.parties) == {"Norway", "Sweden"}


def test_battle_to_do_something_is_no_conflict() -> None:
    # "Republicans battle to keep control of the Senate": an effort, not a fight with the Senate.
    text = (
        "Elections loom in November, as Republicans battle to keep control of the Senate "
        "and the House of Representatives."
    )
    assert _tensions("Republicans and Democrats spent heavily in the campaign.", text) == []


def test_an_accusation_the_subject_says_of_an_actor_is_a_tension() -> None:
    # "Fox said ... that the invitation from Pena Nieto was a mistake and that Mr. Trump
    # should never be trusted": the speaker against each one accused
    text = (
        "Anna Berg, the leader of the Ruritanian opposition, said on Wednesday that the "
        "invitation from Karl Olsen was a mistake and that Piet Smit should never be trusted."
    )
    later = "Karl Olsen did not reply. Piet Smit was in Oslo. Anna Berg spoke to reporters."
    tensions = _tensions(text, later)
    assert [set(t.parties) for t in tensions] == [
        {"Anna Berg", "Karl Olsen"},
        {"Anna Berg", "Piet Smit"},
    ]
    assert tensions[0].description == "Anna Berg criticized Karl Olsen."
    assert tensions[0].evidence == text


def test_an_accusation_denied_or_of_a_place_is_no_tension() -> None:
    # "said Olsen never lied", "believes that Iraq was a mistake": no one accused
    text = (
        "Anna Berg said on Monday that Karl Olsen never lied to voters. Piet Smit said "
        "Karl Olsen believes that Norway was a mistake."
    )
    later = "Karl Olsen did not reply. Norway was quiet. Piet Smit and Anna Berg left."
    assert _tensions(text, later) == []


def test_a_quotation_opening_with_an_accusation_is_its_speakers() -> None:
    # "'The Obama administration and Clinton officials hid this email for years,' said
    # Tom Fitton": the speaker against the one accused
    text = "“Karl Olsen and his aides hid this email for years,” said Anna Berg on Tuesday."
    later = "Karl Olsen did not reply. Anna Berg leads the opposition."
    tension = _only(_tensions(text, later))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    assert tension.description == "Anna Berg criticized Karl Olsen."


def test_a_name_found_inside_a_longer_one_is_not_a_party() -> None:
    # "Jeb Bush criticized": not George W. Bush, whose surname the registry also finds there
    tensions = _tensions(
        "Former President George W. Bush spoke in Dallas on Monday. Bush said he would campaign.",
        "Jeb Bush criticized Marco Rubio for his votes on trade.",
        "Rubio did not reply.",
    )
    assert [t.parties for t in tensions] == [["Jeb Bush", "Marco Rubio"]]


def test_the_white_house_is_not_the_house() -> None:
    # "The White House also blasted": not the House of Representatives ("House" inside it)
    tensions = _tensions(
        "The House of Representatives voted on Monday to fund the agency. The House passed "
        "the bill 230 to 190.",
        "The White House also blasted congressional Republicans over the delay.",
        "Republicans said the bill was too costly.",
    )
    assert [t.parties for t in tensions] == [["White House", "Congressional Republicans"]]


def test_a_name_after_a_pronoun_object_is_not_the_object() -> None:
    # "Khan had attacked him and questioned why Ghazala Khan ...", "accusing him of pandering
    # to Clinton": the one attacked or accused is "him"
    text = (
        "Piet Smit said Anna Berg unfairly had attacked him and questioned why Karl Olsen "
        "had not spoken."
    )
    later = "Anna Berg did not reply. Karl Olsen was in Oslo."
    assert not any(set(t.parties) == {"Anna Berg", "Karl Olsen"} for t in _tensions(text, later))


def test_a_pronoun_object_is_the_person_of_its_gender_named_before_in_the_sentence() -> None:
    # eleventh session: "Clinton's campaign has criticized him", "accused her of ..."
    text = (
        "While Karl Olsen has raised record sums for his own race, Anna Berg's campaign has "
        "criticized him for not doing more for the party."
    )
    tension = _only(_tensions("Karl Olsen, the mayor, said he would run again.", text))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}
    assert "Karl Olsen" in tension.evidence  # the evidence names the one "him" means
    text = "Karl Olsen has cast Mayor Anna Berg as unfit and accused her of lying to voters."
    tension = _only(_tensions(_OLSEN, "Anna Berg, the mayor, said she would run again.", text))
    assert tension.parties == ["Karl Olsen", "Anna Berg"]
    assert tension.description == (
        "The article reports an accusation involving Karl Olsen and Anna Berg."
    )


def test_a_pronoun_object_is_no_one_named_of_the_other_gender_or_owning_a_noun() -> None:
    lead = "Anna Berg, the mayor, said she would run again."
    # "him" is not Anna Berg; "her husband" is no pronoun object
    assert _tensions(lead, "Anna Berg said Per Lund's campaign had criticized him again.") == []
    text = "Karl Olsen met Anna Berg on Monday and later criticized her husband for the delay."
    assert _tensions(_OLSEN, lead, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Norway did not dispute that it had sold the plan to Sweden last year.",
        "Norway has never criticized Sweden over the fishing plan, its minister said.",
        "Norway said it was not publicly accusing Sweden of breaking the fishing deal.",
    ],
)
def test_a_cue_said_not_to_happen_states_no_tension(text: str) -> None:
    # eleventh session: "the pope was not personally attacking Mr. Trump"
    assert _tensions(text, "Sweden said on Monday that it would talk to Norway.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Norway said the credibility of Sweden was on the line in the dispute.",
        "The current spat follows Norway's attempts to stop imports from Sweden.",
        "However, the current spat follows Norway's attempts to stop imports from Sweden.",
        "Karl Olsen said the aid would go to farmers from Norway caught in the dispute.",
        "Anna Berg said no one would disagree that Sweden had grown richer than Norway.",
        "Anna Berg said there were tensions among Norway's allies over Sweden's plan.",
        "Karl Olsen fired the envoy to Sweden, an event that Norway has publicly disputed.",
    ],
)
def test_a_relation_whose_sides_are_not_named_around_it_pairs_no_one(text: str) -> None:
    # eleventh session: "Republicans said the credibility of the Congress was on the line
    # in the dispute", "the current spat follows previous U.S. attempts to pressure ..."
    assert _tensions(_OLSEN, "Anna Berg spoke on Monday.", text) == []


def test_a_relation_with_its_sides_joined_still_pairs_them() -> None:
    text = "Norway and Sweden are in a heated dispute over fishing rights."
    assert _only(_tensions(text)).parties == ["Norway", "Sweden"]


def test_a_war_is_no_party() -> None:
    # "Keeps saying she opposed the Iraq War", "attempting to soothe Cold War tensions"
    text = "Anna Berg said Karl Olsen opposed the Iraq war from the start."
    assert _tensions(_OLSEN, "Iraq held elections on Monday.", text) == []
    from summarizer.backends.offline._names import Entity
    from summarizer.backends.offline._tensions import _names_a_war

    cold_war = Entity("Cold War", "organization")
    assert _names_a_war((0, 8, cold_war), "Cold War tensions")
    iraq = Entity("Iraq", "country")
    assert _names_a_war((4, 8, iraq), "the Iraq War")
    assert not _names_a_war((0, 4, iraq), "Iraq's war in the north")


def test_a_plural_named_group_takes_a_plural_verb() -> None:
    text = "Democrats call on Karl Olsen to resign over the budget, the party said."
    assert _only(_tensions(_OLSEN, text)).description == "Democrats press Karl Olsen."


def test_a_name_made_of_two_names_leaves_its_parts() -> None:
    # "Trump White House": a run of two names, not a name with "White House" inside it;
    # "White House" alone keeps the "House" inside it out
    from summarizer.backends.offline._names import Entity
    from summarizer.backends.offline._tensions import _outer

    trump, white_house = Entity("Trump", "person"), Entity("White House", "organization")
    run, house = Entity("Trump White House", "organization"), Entity("House", "organization")
    text = "the Trump White House"
    mentions = [(4, 21, run), (4, 9, trump), (10, 21, white_house), (16, 21, house)]
    assert [text[a:b] for a, b, _ in _outer(mentions)] == ["Trump", "White House"]


def test_cue_scan_by_first_letter_finds_what_the_cue_pattern_finds() -> None:
    # `_cues` is `_CUE.finditer` made faster: the same matches, lookbehinds included
    # ("will sue" is a cue, "sue" alone is not; "to attack" as a verb)
    from summarizer.backends.offline._tensions import _CUE, _cues

    text = (
        "norway will sue sweden, sue said. denmark decided to attack and attacked finland, "
        "then investigated the feud; the rivals were at odds over tariffs and sanctions. "
        "they voted to hold him in contempt and to investigate the hack, hacking away."
    )
    found = [(m.span(), m.lastgroup, m.group()) for m in _cues(text)]
    assert found == [(m.span(), m.lastgroup, m.group()) for m in _CUE.finditer(text)]
    words = [w for _, _, w in found]
    assert words.count("sue") == 1 and "attack" in words and "investigate" in words


def test_a_description_reads_a_body_with_the() -> None:
    # "Republicans criticized the Justice Department", "The United States ...": a body named
    # by its kind, or a state by its initials, takes "the"; a person does not
    text = "Republicans said on Friday that the Justice Department mishandled the inquiry."
    later = "The Justice Department did not comment. Republicans met on Monday."
    assert (
        _only(_tensions(text, later)).description
        == "Republicans criticized the Justice Department."
    )
    text = (
        "Relations between the United States and Mexico are strained over trucks, officials said."
    )
    tension = _only(_tensions(text, "Mexico said little. The United States said less."))
    assert (
        tension.description == "The United States and Mexico have strained relations over trucks."
    )


def test_the_one_asked_to_stop_attacking_is_the_attacker() -> None:
    # twelfth session: "Palmieri called on Trump to stop attacking Machado" was Palmieri vs
    # Machado; the one called on attacks, the caller does not
    text = "Anna Berg called on Karl Olsen to stop attacking Erik Lund and apologize."
    later = "Olsen did not answer. Lund thanked Berg on Monday."
    tensions = _tensions("Prime Minister Karl Olsen spoke in Oslo on Friday.", text, later)
    pairs = {frozenset(t.parties): t.description for t in tensions}
    assert frozenset({"Anna Berg", "Erik Lund"}) not in pairs
    assert pairs[frozenset({"Karl Olsen", "Erik Lund"})] == "Karl Olsen attacked Erik Lund."


def test_the_one_asked_to_apologize_for_an_accusation_made_it() -> None:
    # twelfth session: "called on Howard Dean to apologize to Donald Trump for accusing him
    # of being a cocaine user" states Dean's accusation of Trump
    text = (
        "Anna Berg on Wednesday called on Karl Olsen to apologize to Governor John Lund for "
        "accusing him of fraud."
    )
    tensions = _tensions("Prime Minister Karl Olsen spoke in Oslo on Friday.", text, "Lund left.")
    pairs = {frozenset(t.parties): t.description for t in tensions}
    assert pairs[frozenset({"Karl Olsen", "John Lund"})] == "Karl Olsen accused John Lund."


def test_a_name_in_the_reason_given_is_not_the_object() -> None:
    # twelfth session: "Beck has also criticized Christian Evangelical voters for not
    # supporting Cruz" is no tension between Beck and Cruz
    text = "Anna Berg has also criticized rural voters for not supporting Karl Olsen."
    later = "Olsen did not answer. Berg spoke in Oslo on Monday."
    assert _tensions("Prime Minister Karl Olsen spoke in Oslo on Friday.", text, later) == []


@pytest.mark.parametrize(
    ("text", "description"),
    [
        (
            "Officials said Norway's invasion of Sweden began on Monday.",
            "The article reports an invasion by Norway of Sweden.",
        ),
        (
            "Norway launched a blistering attack on Sweden on Monday.",
            "The article reports an attack by Norway against Sweden.",
        ),
        (
            "Karl Olsen still faces arrest by Norway if he leaves the embassy.",
            "The article reports an arrest by Norway of Karl Olsen.",
        ),
        (
            "Norway's criticism of Sweden has sharpened.",
            "The article reports criticism by Norway of Sweden.",
        ),
    ],
)
def test_a_noun_cue_names_the_side_that_wages_it(text: str, description: str) -> None:
    # twelfth session: was "The article reports an invasion involving Norway and Sweden."
    opening = "Prime Minister Karl Olsen spoke in Oslo on Friday."
    tension = _only(_tensions(opening, text, "Norway and Sweden said little."))
    assert tension.description == description


@pytest.mark.parametrize(
    "text",
    [
        "Karl Olsen's arrest angered Norway.",  # the owner is the one arrested
        # a name after "by doing" is no target ("China responded to the announcement of
        # those tariffs by scheduling duties on U.S. goods")
        "Norway responded to the announcement of those tariffs by scheduling duties on Sweden.",
        # an actor far before, who only speaks of it (was "a war by Donald Trump against
        # Israel": "Trump doesn't have a clue ... about ... the ongoing war against Israel")
        "Karl Olsen does not have a clue or any knowledge about what has happened during a "
        "long and costly war against Sweden.",
        "Karl Olsen does not know what happened during a war against Sweden.",
        # a country after a city is a place ("killed in Benghazi, Libya, have filed a
        # wrongful death lawsuit against Hillary Clinton")
        "Parents of two men killed in Bergen, Norway, have filed a lawsuit against Karl Olsen.",
    ],
)
def test_a_noun_cue_has_no_direction_when_the_sentence_does_not_say_who_wages_it(
    text: str,
) -> None:
    opening = "Prime Minister Karl Olsen spoke in Oslo on Friday."
    tension = _only(_tensions(opening, text, "Norway and Sweden said little."))
    assert " involving " in tension.description


@pytest.mark.parametrize(
    "text",
    [
        # "Kaine has opposed defunding Planned Parenthood": he is for it
        "Anna Berg has opposed defunding Norway.",
        # "the provision ... Democrats most strongly opposed and Obama said he would have
        # vetoed": "and" opens a clause of its own
        "It was the provision Anna Berg most strongly opposed and Karl Olsen said he would "
        "have vetoed.",
    ],
)
def test_a_name_after_a_gerund_or_and_is_not_the_verbs_object(text: str) -> None:
    # twelfth session
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    assert _tensions(opening, text, "Norway and Sweden said little. Olsen and Berg left.") == []


def test_a_title_word_ending_in_ing_is_no_gerund() -> None:
    # "Trump is already blaming retiring House Speaker Paul Ryan for the loss of the House"
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    text = "Anna Berg is blaming retiring Prime Minister Karl Olsen for the loss."
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}


def test_taking_a_shot_at_someone_is_criticism() -> None:
    # twelfth session: "Blackwell also took a shot at likely Democratic nominee Hillary
    # Clinton"
    text = "Anna Berg also took a shot at Prime Minister Karl Olsen on Monday."
    tension = _only(_tensions("Anna Berg leads the opposition.", text, "Olsen and Berg left."))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}
    assert tension.description == "Anna Berg criticized Karl Olsen."


@pytest.mark.parametrize(
    ("text", "description"),
    [
        # "Republicans are slamming Democratic vice presidential nominee Tim Kaine"
        (
            "Democrats are slamming Liberal presidential nominee Anna Berg for her plan.",
            "Democrats criticize Anna Berg.",
        ),
        # "Even as Clinton was criticizing Trump, however, she came under fire"
        (
            "Even as Karl Olsen was criticizing Anna Berg, he came under fire.",
            "Karl Olsen criticized Anna Berg.",
        ),
    ],
)
def test_a_verb_after_is_or_was_and_a_lower_case_title_describe_plainly(
    text: str, description: str
) -> None:
    # twelfth session: were "The article reports criticism involving ..."
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    tension = _only(_tensions(opening, text, "Olsen and Berg left. Democrats met."))
    assert tension.description == description


def test_avoiding_or_refusing_to_condemn_is_no_tension() -> None:
    # twelfth session: "Trump avoids condemning Russia's invasion of Ukraine"
    for text in (
        "Karl Olsen avoids condemning Norway's fishing plan.",
        "Karl Olsen refused to condemn Norway on Monday.",
    ):
        opening = "Prime Minister Karl Olsen spoke in Oslo on Friday."
        assert _tensions(opening, text, "Norway said little.") == [], text


@pytest.mark.parametrize(
    ("text", "description"),
    [
        # "Cruz called Trump a 'pathological liar'"
        ('Anna Berg called Karl Olsen a "pathological liar."', "Anna Berg criticized Karl Olsen."),
        # "He attacked Cruz relentlessly in Iowa"
        ("Anna Berg attacked Karl Olsen relentlessly in Oslo.", "Anna Berg attacked Karl Olsen."),
        # "And Trump slammed Bush and Cruz."
        ("And Anna Berg slammed Karl Olsen.", "Anna Berg criticized Karl Olsen."),
    ],
)
def test_a_plain_verb_sentence_past_a_name_called_an_adverb_or_an_opening_and(
    text: str, description: str
) -> None:
    # twelfth session: were "The article reports criticism involving ..."
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert tension.description == description


def test_a_passive_act_of_violence_names_who_did_it_to_whom() -> None:
    # thirteenth session: "Forty protesters were shot dead by security forces in Baghdad"
    # (a listed conflict missed until then); "killed in a crash" or "a day after 40
    # people were killed by X, Norway's minister resigned" name no one it was done to
    text = "Twelve protesters were shot dead by security forces in Oslo on Thursday."
    tension = _only(_tensions("Protesters marched in Oslo.", text, "The protesters left."))
    assert set(tension.parties) == {"protesters", "security forces"}
    assert tension.description == "Security forces shot protesters."
    for text in (
        "Norway's minister resigned a day after 40 people were killed by security forces.",
        "Karl Olsen was killed in a crash near Oslo on Thursday.",
    ):
        opening = "Prime Minister Karl Olsen spoke in Oslo on Friday. Security forces left."
        assert _tensions(opening, text, "Norway said little.") == [], text


def test_a_passive_verb_is_described_with_its_doer_first() -> None:
    # thirteenth session: "Assange has been charged by federal prosecutors" was "The
    # article reports charges involving ..."
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    text = "Anna Berg was criticized by Karl Olsen on Monday."
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert tension.description == "Karl Olsen criticized Anna Berg."


def test_a_participle_opening_the_sentence_takes_the_main_clause_subject() -> None:
    # thirteenth session: "After blasting the Drudge Report for linking to a Breitbart
    # article ..., Glenn Beck doubled down"; "Railing Against Trump, Sanders Vows ..."
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    for text in (
        "After blasting Karl Olsen for his budget, Anna Berg doubled down on Monday.",
        "Railing against Karl Olsen, Anna Berg said the budget had failed.",
    ):
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}, text
        assert tension.description == "Anna Berg criticized Karl Olsen.", text
    text = "After attacking Karl Olsen for his budget, Anna Berg's aides said little."
    assert _tensions(opening, text, "Olsen and Berg left.") == []  # the aides, not Berg


def test_a_state_or_an_outlet_the_registry_lacks_is_a_verb_object() -> None:
    # thirteenth session: "will sue the state of Arizona over voter access", "blasting the
    # Drudge Report for linking to ..."
    opening = "Anna Berg leads the opposition in Oslo."
    tension = _only(_tensions(opening, "Anna Berg sued the state of Ohio on Monday.", "Berg left."))
    assert set(tension.parties) == {"Anna Berg", "Ohio"}
    assert tension.description == "Anna Berg sued Ohio."
    text = "Anna Berg blasted the Oslo Report on Monday for its story."
    tension = _only(_tensions(opening, text, "Berg left."))
    assert set(tension.parties) == {"Anna Berg", "Oslo Report"}
    assert tension.description == "Anna Berg criticized the Oslo Report."
    text = "Anna Berg sued the state of Confusion on Monday."  # no US state: no party
    assert _tensions(opening, text, "Berg left.") == []


def test_undercutting_a_named_actor_is_a_tension() -> None:
    # thirteenth session: "Trump seemed to undercut Giuliani, a former federal prosecutor"
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    text = "Karl Olsen seemed to undercut Anna Berg on Monday."
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}


def test_a_critic_of_a_named_actor_is_a_tension() -> None:
    # fourteenth session: "McCaskill has been a critic of Russia" (a listed conflict missed
    # until then), "Jorge Castañeda, a former Mexican foreign minister who is a harsh critic
    # of Mr. Peña Nieto, suggests"; "critics of X's plan contend" names no critic
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    for text in (
        "Anna Berg has been a critic of Karl Olsen since 2015.",
        "Anna Berg, a former minister who is a harsh critic of Mr. Olsen, spoke on Monday.",
        "Anna Berg, an outspoken critic of Karl Olsen, spoke on Monday.",
    ):
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}, text
        assert tension.description == "Anna Berg is a critic of Karl Olsen.", text
    text = "But critics of Karl Olsen's budget contend that it failed."
    assert _tensions(opening, text, "Olsen and Berg left.") == []


def test_a_candidates_supporters_are_a_party_of_their_own() -> None:
    # fourteenth session: "Comedian Sarah Silverman was booed and shouted down by Bernie
    # Sanders supporters", "just a day after supporters physically assaulted a Black Lives
    # Matter protester" (two listed conflicts missed until then: the registry holds no
    # supporters); "heckles Sanders supporters" is no tension with Sanders himself
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    text = "Anna Berg was booed and shouted down by Karl Olsen supporters after her speech."
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen supporters"}
    text = "It came a day after supporters physically assaulted Anna Berg at a rally."
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert set(tension.parties) == {"supporters", "Anna Berg"}
    title = "Anna Berg heckles Olsen supporters"
    tensions = _tensions(opening, "Olsen and Berg left.", title=title)
    assert all(set(t.parties) != {"Anna Berg", "Karl Olsen"} for t in tensions), tensions
    text = "Anna Berg was booed by Oslo supporters after her speech."  # no candidate's
    assert _tensions(opening, text, "Olsen and Berg left.") == []


def test_an_anti_word_states_opposition_to_the_actor_after_it() -> None:
    # fifteenth session: "the Republican nominee's pro-Russian, anti-NATO stance" (a listed
    # conflict missed until then, its holder named by a role), "anti-Trump delegates
    # attempted to secure a vote" (a group the registry's heads leave out), "Virginia
    # anti-Trump delegate Ken Cuccinelli"
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    text = "Karl Olsen's poll gains may fade if the prime minister's pro-Russian, anti-Berg stance is noticed."
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert set(tension.parties) == {"Karl Olsen", "Anna Berg"}
    assert tension.description == "Karl Olsen opposes Anna Berg."
    text = (
        "Karl Olsen's poll gains may fade if the Ruritanian nominee's anti-Berg stance is noticed."
    )
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))  # a role not given
    assert set(tension.parties) == {"Karl Olsen", "Anna Berg"}
    text = "On Monday, anti-Olsen delegates tried to force a vote on the rules."
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert set(tension.parties) == {"anti-Olsen delegates", "Karl Olsen"}
    assert tension.description == "Anti-Olsen delegates oppose Karl Olsen."
    text = "Prominent anti-Olsen delegate Anna Berg was surrounded by reporters."
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}
    for text in (
        "The anti-Berg and anti-Olsen activists cheered loudly.",  # one group, two stances
        "Karl Olsen said the anti-Semitic images had no place in politics.",  # no actor
        'Anna Berg said: "The anti-Olsen crowd is small." Olsen smiled.',  # quoted
        "Anti-Olsen brochures were piled on a table.",  # no one holds it
    ):
        assert _tensions(opening, text, "Olsen and Berg left.") == [], text


def test_a_subject_joined_before_what_a_named_actor_has_shares_its_side() -> None:
    # fifteenth session: "The Democratic Party and the presidential campaigns of Hillary
    # Clinton and Bernie Sanders will sue the state of Arizona" (the Democratic Party /
    # Arizona, a listed conflict missed until then: 11 words before the verb)
    opening = "Anna Berg and Karl Olsen lead the opposition. The Ruritanian Workers Party met."
    text = (
        "The Ruritanian Workers Party and the presidential campaigns of Anna Berg and Karl "
        "Olsen will sue the state of Arizona over voter access."
    )
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert tension.parties == ["Ruritanian Workers Party", "Anna Berg", "Karl Olsen", "Arizona"]
    assert tension.description == (
        "The article reports a lawsuit involving the Ruritanian Workers Party, Anna Berg, "
        "Karl Olsen and Arizona."
    )


def test_words_of_scorn_are_criticism() -> None:
    # fifteenth session: "Trump and his supporters also repeatedly vilified Yovanovitch",
    # "Chris Christie savaged Rubio", "He also reproached Harris", "President Barack Obama
    # castigated Republican presidential candidate Donald Trump"
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    for verb in ("vilified", "savaged", "reproached", "castigated", "excoriated", "skewered"):
        text = f"Anna Berg {verb} Karl Olsen on Monday."
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert tension.parties == ["Anna Berg", "Karl Olsen"], verb
        assert tension.description == "Anna Berg criticized Karl Olsen.", verb
    text = "Anna Berg made disparaging remarks on Monday, and Karl Olsen left."  # an adjective
    assert _tensions(opening, text, "Olsen and Berg left.") == []


def test_a_name_opening_a_clause_after_and_is_not_the_object() -> None:
    # fifteenth session: "In a year in which Mr. Sanders has demonized Wall Street and Mr.
    # Trump has disparaged immigrants" is no tension between Sanders and Trump
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    text = (
        "In a year in which Ms. Berg has demonized Wall Street and Mr. Olsen has mocked the "
        "unions, voters stayed home."
    )
    tensions = _tensions(opening, text, "Olsen and Berg left.")
    assert all(set(t.parties) != {"Anna Berg", "Karl Olsen"} for t in tensions), tensions


def test_a_continent_standing_for_its_states_is_a_party() -> None:
    # sixteenth session: "Europe has long been at odds with Trump, who withdrew from the
    # Obama-era Iran nuclear deal" (Trump / Europe, a listed conflict: the registry holds
    # Europe as a place only)
    opening = "Prime Minister Karl Olsen spoke in Oslo on Friday."
    text = "Europe has long been at odds with Olsen over the fishing deal."
    tension = _only(_tensions(opening, text, "Olsen said the deal was dead."))
    assert tension.parties == ["Europe", "Karl Olsen"]
    assert tension.description == "Europe and Karl Olsen are at odds over the fishing deal."
    for place in ("Troops in Europe", "Farmers across Europe", "Eastern Europe"):
        text = f"{place} have long been at odds with Olsen over the fishing deal."
        tensions = _tensions(opening, text, "Olsen said the deal was dead.")
        assert all("Europe" not in t.parties for t in tensions), (place, tensions)
        assert all("Eastern Europe" not in t.parties for t in tensions), (place, tensions)
    text = "Olsen has long been at odds over trade in Europe."  # a place, not a side
    assert _tensions(opening, text, "Olsen said the deal was dead.") == []


def test_the_subject_of_a_who_clause_is_the_one_it_follows() -> None:
    # sixteenth session: "at odds with Trump, who withdrew from the Iran nuclear deal" is
    # Trump's withdrawal, not that of the subject before "with"
    opening = "Prime Minister Karl Olsen spoke in Oslo on Friday. Iran was not there."
    text = (
        "Europe has long been at odds with Olsen, who withdrew from the Iran fishing deal "
        "over European objections."
    )
    tensions = _tensions(opening, text, "Olsen said the deal was dead.")
    assert [t.parties for t in tensions] == [["Europe", "Karl Olsen"], ["Karl Olsen", "Iran"]]


def test_saying_someone_caused_deaths_or_broke_the_law_is_an_accusation() -> None:
    # sixteenth session: 'Donald Trump said Hillary Clinton "caused death."' (a listed
    # conflict, missed: no cue word in the sentence)
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    accusations = ('"caused death."', "caused the deaths of two hikers.", "broke the law.")
    for accusation in (*accusations, "violated the law."):
        text = f"Anna Berg said on Monday that Karl Olsen {accusation}"
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert tension.parties == ["Anna Berg", "Karl Olsen"], accusation
        assert tension.description == "Anna Berg criticized Karl Olsen.", accusation
    text = "Anna Berg said on Monday that Karl Olsen never broke the law."
    assert _tensions(opening, text, "Olsen and Berg left.") == []


def test_a_partys_leaders_are_its_members_in_a_tension() -> None:
    # sixteenth session: "Democratic leaders denounced the entire confirmation process ...,
    # blaming the GOP for trying to push the judge through" (Republicans / Democrats, a
    # listed conflict; "leaders" is no group head: "world leaders")
    opening = "Republicans won the vote on Friday. Democrats said they would fight on."
    text = "Democratic leaders denounced the process, blaming the GOP for rushing the vote."
    tension = _only(_tensions(opening, text, "The vote is on Monday."))
    assert tension.parties == ["Democrats", "Republicans"]
    text = "The rift between Karl Olsen and the Democratic leadership in the House grew."
    tensions = _tensions(opening, "Karl Olsen spoke in Oslo.", text, "The vote is on Monday.")
    assert [t.parties for t in tensions] == [["Karl Olsen", "Democrats"]]


def test_going_after_someone_is_criticism() -> None:
    # sixteenth session: "Bush went after Trump at the debate refusing to recant earlier
    # remarks" (Trump / Jeb Bush, a listed conflict), "Reid has gone after Trump as ..."
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    for verb in ("went after", "has gone after"):
        text = f"Berg {verb} Olsen at the debate, calling him weak."
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert tension.parties == ["Anna Berg", "Karl Olsen"], verb
        assert tension.description == "Anna Berg criticized Karl Olsen.", verb
    text = "Berg went after the debate to see Olsen in Oslo."  # an object right after it only
    assert _tensions(opening, text, "Olsen and Berg left.") == []


def test_an_opening_effort_to_act_is_the_main_subjects() -> None:
    # sixteenth session: "With attempts to attack Judge Brett M. Kavanaugh's record failing,
    # Democrats over the weekend mounted a last-ditch bid to derail his confirmation"
    # (Democrats / Kavanaugh, a listed conflict)
    opening = "Judge Karl Olsen spoke in Oslo on Friday. Democrats said they would fight on."
    text = (
        "With attempts to attack Judge Karl Olsen's record failing, Democrats over the "
        "weekend mounted a last bid to stop him."
    )
    tension = _only(_tensions(opening, text, "The vote is on Monday."))
    assert tension.parties == ["Karl Olsen", "Democrats"]
    text = (  # the attack is the Republicans', not the main subject's
        "With Republicans set to attack Judge Karl Olsen's record, Democrats over the "
        "weekend mounted a last bid to save him."
    )
    tensions = _tensions(opening, text, "The vote is on Monday.")
    assert all(set(t.parties) != {"Karl Olsen", "Democrats"} for t in tensions), tensions


def test_painting_someone_as_something_is_criticism() -> None:
    # seventeenth session: "President Barack Obama effectively painted Romney as an
    # out-of-touch rich guy", "an effort to paint Donald Trump as unfit to be
    # commander-in-chief" (PolNeAR dev and train; every "paint X as" on tuning data is one)
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    for text, description in (
        (
            "Anna Berg painted Karl Olsen as an out-of-touch rich man on Monday.",
            "Anna Berg criticized Karl Olsen.",
        ),
        (
            "Anna Berg has sought to paint Karl Olsen as unfit to lead.",
            "The article reports criticism involving Anna Berg and Karl Olsen.",
        ),
    ):
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert tension.parties == ["Anna Berg", "Karl Olsen"], text
        assert tension.description == description, text
    text = "Anna Berg painted the bridge near Karl Olsen's house on Monday."  # no "as": a brush
    assert _tensions(opening, text, "Olsen and Berg left.") == []


def test_walking_out_in_protest_after_someone_acted() -> None:
    # seventeenth session: "Four Democratic members of the Senate Judiciary Committee walked
    # out of the hearing room in protest after Republicans decided along party lines to
    # schedule a vote" (Democrats / Republicans, a listed conflict): "in protest after/
    # against/of/over/at" is a cue, and a subject's "of" phrase naming another actor ("of
    # the Senate Judiciary Committee") does not count toward its distance from the verb
    opening = "Republicans won the vote on Friday. Democrats said they would fight on."
    text = (
        "Four Democratic members of the Senate Budget Committee walked out of the hearing "
        "room in protest after Republicans decided to hold the vote on Monday."
    )
    tension = _only(_tensions(opening, text, "The vote is on Monday."))
    assert set(tension.parties) == {"Democrats", "Republicans"}
    assert (
        tension.description == "The article reports a protest involving Democrats and Republicans."
    )
    text = "Four Democratic members walked out in protest on Monday as Republicans voted."
    assert _tensions(opening, text, "The vote is on Monday.") == []  # against no one named


def test_an_aside_naming_whose_the_subject_is_is_passed_over() -> None:
    # seventeenth session: "Even China, Pyongyang's only ally and its economic lifeline to
    # the outside world, said it was "resolutely opposed" to the test and warned North
    # Korea" (China, not Pyongyang); "Larry Kudlow, Trump's top economist ..., ripped the
    # CBO" with the next commit's cue
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    text = "Per Lund, Karl Olsen's top economist, criticized the Nordic Council on Tuesday."
    tensions = _tensions(opening, text, "The Nordic Council met. Per Lund and Olsen left.")
    assert [t.parties for t in tensions] == [["Per Lund", "Nordic Council"]]


def test_more_words_of_scorn_are_criticism() -> None:
    # seventeenth session: "Chris Christie lit into Marco Rubio", "Larry Kudlow ... ripped
    # the CBO", "Rubio responded first, ripping into President Barack Obama", "Giuliani
    # trashed Comey", "Clinton decried the GOP", "McCain, who has tangled with Cruz"
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    for verb in (
        "ripped",
        "ripped into",
        "trashed",
        "bashed",
        "lit into",
        "tore into",
        "fired back at",
        "hit back at",
        "jabbed at",
        "decried",
    ):
        text = f"Anna Berg {verb} Karl Olsen on Monday."
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert tension.parties == ["Anna Berg", "Karl Olsen"], verb
        assert tension.description == "Anna Berg criticized Karl Olsen.", verb
    text = "Anna Berg has tangled with Karl Olsen repeatedly."
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}
    for text in (
        "The storm hit Oslo, ripping roofs off houses near Karl Olsen's office.",  # no actor
        "That is what Anna Berg has done all year: bashing Karl Olsen.",  # "-ing": no subject
    ):
        assert _tensions(opening, text, "Olsen and Berg left.") == [], text


def test_demeaning_calling_out_and_pushing_back_are_stated_tensions() -> None:
    # seventeenth session: "Chris Christie has demeaned Rubio's toughness", "Donald Trump
    # Calls Out Ted Cruz For Backing Down", "Merkel also pushed back against Trump's
    # frequent complaint"
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    for text in (
        "Anna Berg has demeaned Karl Olsen's record on the trail.",
        "Anna Berg called out Karl Olsen on Monday for backing down.",
        "Anna Berg pushed back against Karl Olsen's complaint on Monday.",
    ):
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert tension.parties == ["Anna Berg", "Karl Olsen"], text
    for text in (  # a hope, not a stated act; and "call out of"
        "Anna Berg expects the host to interrupt the debate by calling out Karl Olsen.",
        "Anna Berg had to call out of the meeting with Karl Olsen on Monday.",
    ):
        assert _tensions(opening, text, "Olsen and Berg left.") == [], text


def test_condemning_the_attack_is_against_the_attackers_named_first() -> None:
    # seventeenth session: "Gunmen stormed a luxury hotel ... Prime Minister Imran Khan
    # issued a statement condemning the attack", "The Chinese embassy in Islamabad
    # condemned the attack" (both in the dev suite's gold, Khan / gunmen and the embassy /
    # gunmen); the "insurgents" of an earlier attack, named later, are not meant
    opening = "Gunmen stormed a hotel in Oslo on Saturday, killing a guard and battling police."
    later = "Insurgents attacked the city in 2019. The gunmen were killed."
    text = "Prime Minister Karl Olsen issued a statement condemning the attack."
    tensions = _tensions(opening, text, later)
    assert ["Karl Olsen", "gunmen"] in [t.parties for t in tensions], tensions
    text = "Prime Minister Karl Olsen condemned the attack on Sunday."
    assert _tensions("A hotel in Oslo burned on Saturday.", text, "Olsen left.") == []


def test_to_accuse_is_an_accusation() -> None:
    # seventeenth session: "prompting the opposition Korea Liberty Party to accuse Moon's
    # administration of 'abuse of power'" (in the dev suite's gold); the other base forms
    # after "to" ("hesitancy to condemn", "for Ginsburg to criticize", "to blame") were
    # wrong more often than right on tuning data and stay out
    opening = "Prime Minister Karl Olsen spoke in Oslo on Friday. The Nordic Liberty Party met."
    text = (
        "The delegation took another route, prompting the opposition Nordic Liberty Party "
        "to accuse Olsen's administration of abuse of power."
    )
    tension = _only(_tensions(opening, text, "Olsen left."))
    assert set(tension.parties) == {"Nordic Liberty Party", "Karl Olsen"}
    text = "The Nordic Liberty Party refused to accuse Karl Olsen of anything on Monday."
    assert _tensions(opening, text, "Olsen left.") == []


def test_an_embassy_in_a_city_is_read_with_the() -> None:
    # seventeenth session: "Chinese embassy in Islamabad criticized gunmen." lacked its "The"
    opening = "Gunmen stormed a hotel in Oslo on Saturday, killing a guard and battling police."
    text = "The Chinese embassy in Oslo condemned the attack on Sunday."
    tensions = _tensions(opening, text, "The gunmen were killed.")
    descriptions = [t.description for t in tensions]
    assert "The Chinese embassy in Oslo criticized gunmen." in descriptions, tensions


def test_avoiding_or_refusing_with_an_adverb_between_is_no_tension() -> None:
    # seventeenth session: "Trump has avoided directly criticizing Comey" (half A) was
    # taken for a stated criticism: an "-ly" adverb may stand after "avoided" or "to"
    opening = "Prime Minister Karl Olsen spoke in Oslo on Friday."
    for text in (
        "Karl Olsen has avoided directly criticizing Norway's fishing plan.",
        "Karl Olsen refused publicly to attack Norway on Monday.",
    ):
        assert _tensions(opening, text, "Norway said little.") == [], text


def test_a_lawmakers_party_and_state_in_brackets_keep_the_plain_description() -> None:
    # eighteenth session: "Harry M. Reid (D-Nev.) blasted Rubio", "Florida Gov. Rick Scott
    # (R) blasted Congress", "Sen. Bernie Sanders (I-Vt.) has criticized Clinton" were "The
    # article reports criticism involving ..."; a bracket that is no party stays unsure
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    for text in (
        "Anna Berg (D-Nev.) blasted Karl Olsen in an interview on Monday.",
        "Sen. Anna Berg (R) has criticized Olsen for his budget.",
        "Anna Berg (I-N.Y.) criticized Karl Olsen on Monday.",
    ):
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert tension.description == "Anna Berg criticized Karl Olsen.", text
    text = "Anna Berg (and her aides) criticized Karl Olsen on Monday."
    tension = _only(_tensions(opening, text, "Olsen and Berg left."))
    assert tension.description.startswith("The article reports"), tension


def test_what_a_possessive_object_owns_may_be_two_or_three_words() -> None:
    # eighteenth session: "Jeb Bush criticized President Barack Obama's 2011 intervention in
    # Libya", "Mark-Viverito pillories Sanders' immigration record", "Stoltenberg dismissed
    # Russia's moratorium request on Friday" were "The article reports ... involving ..."
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    for text, owned in (
        (
            "Anna Berg criticized Karl Olsen's 2011 intervention in Libya.",
            "Karl Olsen's 2011 intervention",
        ),
        ("Anna Berg pillories Karl Olsen's immigration record.", "Karl Olsen's immigration record"),
        (
            "Anna Berg dismissed Olsen's moratorium request on Friday.",
            "Karl Olsen's moratorium request",
        ),
        ("Anna Berg criticized Olsen's offers thus far.", "Karl Olsen's offers"),  # the shortest
        ("Anna Berg criticized Karl Olsen's hard line on tariffs.", "Karl Olsen's hard line"),
    ):
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert tension.description.endswith(f" {owned}."), (text, tension.description)
    for text in (  # a verb in the phrase, or a person it ends with: no owned thing
        "Anna Berg criticized Karl Olsen's claims were false in a speech.",
        "Anna Berg accused Karl Olsen's campaign chief of lying.",
    ):
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert "Olsen's" not in tension.description, (text, tension.description)


def test_a_reaction_from_a_group_the_registry_lacks_names_that_group() -> None:
    # eighteenth session: "The Obama administration, in a far-reaching effort to improve the
    # lot of workers that has ignited criticism from business groups, has said ..." (a
    # listed conflict): "ignited" a reaction as "drew"/"sparked" are, the group after "from"
    # made one of its own, the subject read past its aside
    opening = "The Nordic Labor Department met in Oslo on Friday."
    text = (
        "The Nordic Labor Department, in an effort to raise pay that has ignited criticism "
        "from business groups, said on Monday it would act."
    )
    tension = _only(_tensions(opening, text, "The department did not comment."))
    assert set(tension.parties) == {"Nordic Labor Department", "business groups"}
    assert tension.description == (
        "The article reports criticism by business groups of the Nordic Labor Department."
    )
    text = "The Nordic Labor Department drew criticism from the weather on Monday."
    assert _tensions(opening, text, "The department did not comment.") == []
    # the longest name opening the sentence: the administration, not the person in it
    opening = "Prime Minister Karl Olsen spoke in Oslo on Friday. The Olsen administration met."
    text = "The Olsen administration has drawn criticism from business groups this week."
    tension = _only(_tensions(opening, text, "Olsen left."))
    assert set(tension.parties) == {"Olsen administration", "business groups"}


def test_even_still_already_and_now_between_subject_and_verb_keep_the_plain_description() -> None:
    # eighteenth session: "Senate Minority Leader Charles E. Schumer, New York Democrat, even
    # accused former President George W. Bush of complicity" was "The article reports an
    # accusation involving ..."; "is already blaming" likewise, as "is openly blaming" was
    opening = "Anna Berg leads the opposition. Prime Minister Karl Olsen spoke in Oslo on Friday."
    for text, description in (
        ("Anna Berg even accused Karl Olsen of lying on Monday.", "Anna Berg accused Karl Olsen."),
        (
            "Anna Berg, Oslo Democrat, even accused Karl Olsen of lying.",
            "Anna Berg accused Karl Olsen.",
        ),
        ("Anna Berg is already blaming Karl Olsen for the loss.", "Anna Berg blames Karl Olsen."),
        (
            "Anna Berg has still criticized Karl Olsen on Monday.",
            "Anna Berg criticized Karl Olsen.",
        ),
    ):
        tension = _only(_tensions(opening, text, "Olsen and Berg left."))
        assert tension.description == description, (text, tension.description)


def test_the_object_of_a_verb_before_a_comma_is_not_the_next_verbs_subject() -> None:
    # eighteenth session: "Biden complained about the dour tone ... but defended Bernie
    # Sanders as a mainstream candidate, mocked the Republican Party" gave Sanders /
    # Republicans (Biden mocked them, named too far back)
    opening = "Prime Minister Karl Olsen spoke in Oslo on Friday. The Nordic Party met."
    text = (
        "Anna Berg spoke at length about the long and dour campaign but defended Karl Olsen "
        "as a decent man, mocked the Nordic Party and left."
    )
    pairs = [set(t.parties) for t in _tensions(opening, text, "Olsen left.")]
    assert {"Karl Olsen", "Nordic Party"} not in pairs, pairs
    for text in (  # no comma between; an adjective after "of"; a "who" clause's own subject
        "Anna Berg complained Karl Olsen unfairly had criticized the Nordic Party.",
        "Critics cite a list of unsubstantiated Karl Olsen claims, accusing the Nordic Party.",
        "Anna Berg praised Karl Olsen, the prime minister, who criticized the Nordic Party.",
    ):
        pairs = [set(t.parties) for t in _tensions(opening, text, "Olsen left.")]
        assert {"Karl Olsen", "Nordic Party"} in pairs, (text, pairs)


def test_an_actor_naming_one_of_its_people_after_a_is_not_the_subject() -> None:
    # eighteenth session: "a Sanders supporter who has vociferously criticized Clinton" gave
    # Sanders / Clinton; "a GOP field largely focused on criticizing her" (a field is the
    # party's candidates) stays the party's
    opening = "Prime Minister Karl Olsen spoke in Oslo on Friday. The Nordic Party met."
    for text in (
        "The rally drew a Nordic Party supporter who has vociferously criticized Karl Olsen.",
        "The rally drew a Nordic Party aide who has criticized Karl Olsen.",
    ):
        assert _tensions(opening, text, "Olsen left.") == [], text
    text = "Voters heard a Nordic Party field that has criticized Karl Olsen for months."
    tension = _only(_tensions(opening, text, "Olsen left."))
    assert set(tension.parties) == {"Nordic Party", "Karl Olsen"}


def test_a_pronoun_right_before_the_verb_that_cannot_mean_the_name_before_is_the_subject() -> None:
    # eighteenth session: "China and elsewhere that he blamed on the policies of President
    # Obama" gave China / Obama, "we're blaming Muslims, we're blaming Mexicans" Muslims /
    # Mexicans; "Trump caused consternation in December, when he criticized Scalia" and
    # "Although Assange was not charged, he has accused Clinton" stay (he: that person)
    opening = (
        "Prime Minister Karl Olsen spoke in Oslo on Friday. Anna Berg and Sweden were mentioned."
    )
    for text in (
        "Voters think we are blaming Sweden, we are blaming Karl Olsen for our problems.",
        "Anna Berg told Sweden that he had warned Karl Olsen.",  # not a person; one between
        "Karl Olsen said they would sue Anna Berg.",  # "they" after one person
    ):
        assert _tensions(opening, text, "Olsen left.") == [], text
    for text, pair in (
        (
            "Karl Olsen caused consternation in May, when he criticized Anna Berg.",
            ["Karl Olsen", "Anna Berg"],
        ),
        (
            "Although Anna Berg was not charged, she has accused Karl Olsen of lying.",
            ["Anna Berg", "Karl Olsen"],
        ),
    ):
        tension = _only(_tensions(opening, text, "Olsen left."))
        assert tension.parties == pair, text


# --- nineteenth session ----------------------------------------------------------------


def test_a_name_qualifying_an_event_after_at_a_is_no_party() -> None:
    # nineteenth session: "an offer the leadership rebuffed at a White House meeting" gave
    # Obama / White House, "criticism of the proposed tariffs at a Commerce Department
    # hearing" the administration / the Commerce Department
    opening = "The Foreign Ministry said on Monday that it would publish the minutes."
    for text in (
        "Prime Minister Karl Olsen sought new ideas, an offer the opposition rebuffed at a "
        "Foreign Ministry meeting this week.",
        "Prime Minister Karl Olsen faced criticism of the tariffs during a Foreign Ministry "
        "hearing on Monday.",
    ):
        assert _tensions(opening, text, "Olsen left.") == [], text
    # named as the one acting, the body stays a party
    text = "The Foreign Ministry criticized Prime Minister Karl Olsen at a meeting on Monday."
    tension = _only(_tensions(opening, text, "Olsen left."))
    assert set(tension.parties) == {"Foreign Ministry", "Karl Olsen"}


def test_one_actor_is_never_both_sides_of_a_tension() -> None:
    # nineteenth session: "He mocked Rubio for not having won a single state", "he" taken
    # for Rubio, gave Marco Rubio / Marco Rubio
    opening = "Senator Karl Olsen lost every state on Tuesday, and Anna Berg won."
    text = "He mocked Olsen for not having won a single state."
    assert all(len(set(t.parties)) == len(t.parties) for t in _tensions(opening, text))


def test_a_fight_for_a_place_in_a_count_is_no_conflict() -> None:
    # nineteenth session: "Cruz was battling with Florida Sen. Marco Rubio for second place",
    # "Rubio is in a five-person battle with Bush, Christie, Kasich and Cruz" for second
    # place: a horse race, no conflict between the two
    opening = "Anna Berg and Karl Olsen spoke in Oslo on Friday."
    for text in (
        "Berg was battling with Oslo Sen. Karl Olsen for second place in the north.",
        "Berg is in a three-way battle with Olsen and Lund for second place.",
        "Berg fought Karl Olsen for third, behind the mayor.",
    ):
        assert _tensions(opening, text, "Olsen left.") == [], text
    # a fight over something else stays, and so does a fight "for the second time"
    for text in (
        "Berg was battling with Karl Olsen over the second budget.",
        "Berg fought Karl Olsen for the second time this year.",
    ):
        tension = _only(_tensions(opening, text, "Olsen left."))
        assert tension.parties == ["Anna Berg", "Karl Olsen"], text


def test_echoing_someones_criticism_is_taking_their_side() -> None:
    # nineteenth session: "Clinton's attacks were echoed by her campaign and Democrats",
    # "Democrats largely echoed Clinton's line of criticism" gave Clinton / Democrats
    opening = "Prime Minister Karl Olsen spoke in Oslo. The Nordic Party met on Friday."
    for text in (
        "Olsen's attacks were echoed by the Nordic Party across the country.",
        "The Nordic Party largely echoed Olsen's line of criticism of the budget.",
    ):
        assert _tensions(opening, text, "Olsen left.") == [], text
    # echoing criticism of someone is criticism of them
    text = "The Nordic Party echoed criticism of Karl Olsen on Monday."
    tension = _only(_tensions(opening, text, "Olsen left."))
    assert set(tension.parties) == {"Nordic Party", "Karl Olsen"}


def test_two_sides_named_as_the_subject_of_a_verb_they_do_to_each_other() -> None:
    # nineteenth session: "Pompeo and Bolton clashed on a number of issues", "Hillary
    # Clinton and Bernie Sanders clashed on the Miami debate stage", "India and Pakistan,
    # for instance, spar over whether ..." gave no tension
    opening = "Prime Minister Karl Olsen leads. Anna Berg leads the opposition. Olsen spoke."
    for text in (
        "Berg and Olsen clashed on a number of issues, the minister said.",
        "Anna Berg and Karl Olsen, for instance, spar over the budget.",
        "Berg and Olsen have repeatedly feuded over taxes.",
    ):
        tension = _only(_tensions(opening, text, "Olsen left."))
        assert tension.parties == ["Anna Berg", "Karl Olsen"], text
        assert tension.description == "Anna Berg clashed with Karl Olsen.", text
    for text in (
        "Berg and Olsen supporters clashed over the credentials.",  # supporters of each
        "Berg and Olsen never clashed over the budget.",
        "Supporters of Berg and Olsen clashed outside the hall.",
    ):
        assert _tensions(opening, text, "Olsen left.") == [], text
    # with "with" after the verb the two share a side against its object
    text = "Berg and Olsen clashed with Sweden over fishing."
    assert all(len(t.parties) != 2 for t in _tensions(opening, "Sweden spoke.", text)), text


def test_a_name_inside_a_longer_one_is_not_a_side_of_a_mutual_verb() -> None:
    # "Hillary Clinton and Bernie Sanders clashed" gave Bill Clinton, whom the "Clinton"
    # inside "Hillary Clinton" also names
    opening = "Lars Olsen spoke. Karl Olsen spoke too. Anna Berg leads the opposition."
    text = "Anna Berg and Karl Olsen clashed on the debate stage on Monday."
    tension = _only(_tensions(opening, text, "Olsen left."))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]


def test_a_quoted_relation_cue_keeps_its_partner_after_with() -> None:
    # nineteenth session: 'Cruz said he has had "areas of significant disagreement" with
    # Trump but cannot allow Hillary Clinton to become president' gave Trump / Clinton
    opening = "Prime Minister Karl Olsen leads. Anna Berg leads the opposition. Per Lund spoke."
    text = (
        'Berg said she has had "areas of significant disagreement" with Olsen but cannot '
        "allow Per Lund to become president."
    )
    tension = _only(_tensions(opening, text, "Olsen left."))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    # "with regard to" names no partner: the description stays as it was
    text = "Karl Olsen angered voters by labeling Sweden a “foe” with regard to trade."
    tension = _only(_tensions(opening, "Sweden spoke.", text, "Olsen left."))
    assert tension.description == "Karl Olsen and Sweden are described as foes."


# --- twenty-first session --------------------------------------------------------------


def test_a_headline_pair_joined_by_a_comma_keeps_its_topic_out() -> None:
    # twenty-first session: "Snowden, WikiLeaks clash over DNC emails" gave WikiLeaks / DNC
    # (the topic after the cue taken as the second side)
    opening = "Premier Karl Olsen leads Norway. Anna Berg leads the opposition. Sweden spoke."
    body = "Berg and Olsen met in Oslo on Monday to discuss Sweden."
    for title in ("Berg, Olsen clash over Sweden deal", "Berg, Olsen at odds on Sweden"):
        tension = _tensions(opening, body, "Olsen left.", title=title)[0]
        assert tension.parties == ["Anna Berg", "Karl Olsen"], title
    # the one after "with", "against" or "vs." is a side: the two before share theirs
    for title in ("Berg, Olsen at odds with Sweden", "Berg, Olsen vs. Sweden"):
        tension = _tensions(opening, body, "Olsen left.", title=title)[0]
        assert "Sweden" in tension.parties, title


def test_a_line_that_joins_two_sides_by_a_comma_before_a_mutual_verb() -> None:
    # twenty-first session: a headline line opening the body, "Snowden, WikiLeaks clash over
    # DNC emails.", gave WikiLeaks / DNC ("clash" read as a noun tied to what follows)
    opening = "Premier Karl Olsen leads Norway. Anna Berg leads the opposition. Sweden spoke."
    tension = _only(_tensions("Berg, Olsen clash over Sweden deal.", opening, "Olsen left."))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    # a comma after a name that does not open the sentence joins no sides
    text = "Unlike Berg, Olsen feuded over taxes for years."
    assert _tensions(opening, text, "Olsen left.") == []
    # a relation cue inside the verb keeps its own reading, what it is over included
    tension = _only(_tensions(opening, "Berg and Olsen quarreled over taxes.", "Olsen left."))
    assert tension.description == "Anna Berg and Karl Olsen have quarrelled over taxes."


def test_a_seat_of_power_before_an_attack_names_where_it_happened() -> None:
    # twenty-first session: "Paris attacks test Clinton's strategy" and "the Paris terror
    # attacks highlight the threat the NRA poses" gave France as the attacker (PolNeAR)
    opening = "President Anna Berg of Norway spoke. France said the vote was close."
    for text in (
        "The Paris attacks test Berg's strategy on security.",
        "Paris terror attacks highlight the threat Berg poses.",
    ):
        assert _tensions(opening, text, "Berg left.") == [], text
    # a verb between: the seat of power acts
    tension = _only(_tensions(opening, "Paris launched attacks on Berg's allies.", "Berg left."))
    assert tension.parties == ["France", "Anna Berg"]


def test_a_seat_of_power_that_attacks_a_named_party_is_a_side() -> None:
    # rev24: "Moscow attacks Berg over the vote" (a verb, a name after it) lost its tension
    # to the rule that reads "the Paris attacks" as where they happened
    opening = "President Anna Berg of Norway spoke. Russia said the vote was close."
    tension = _only(_tensions(opening, "Moscow attacks Berg over the vote.", "Berg left."))
    assert tension.parties == ["Russia", "Anna Berg"]
