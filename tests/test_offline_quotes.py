"""Offline quote rules on articles nobody tuned them on (issue #14).

Every text here is a short synthetic article written for the test; each test guards
one rule and fails when that rule is taken out.
"""

from __future__ import annotations

import pytest

from summarizer import CleanArticle
from summarizer._grounding import check, quoted_verbatim
from summarizer._schema import Extraction
from summarizer._text import double_quote_regions
from summarizer.backends.offline._extract import extract_offline


def _article(*paragraphs: str) -> CleanArticle:
    return CleanArticle(paragraphs=list(paragraphs))


def _speakers(extraction: Extraction) -> dict[str, str]:
    return {q.text: q.speaker for q in extraction.quotes}


def _inner(text: str) -> list[str]:
    return [text[a + 1 : b] for a, b in double_quote_regions(text)]


# --- pairing quotation marks ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('"We will appeal,” said Dana Ruiz. “Soon.”', ["We will appeal,", "Soon."]),
        ('“We will appeal," said Dana Ruiz.', ["We will appeal,"]),
        ("''We will appeal,'' said Dana Ruiz, ''and win.''", ["We will appeal,", "and win."]),
        ("”We will appeal.” ― Dana Ruiz", ["We will appeal."]),
        ("“A tweet on the “f bomb.”” she said", ["A tweet on the “f bomb.”"]),
        ('He said "budget cuts" would help', ["budget cuts"]),
    ],
)
def test_marks_pair_by_the_way_they_face(text: str, quoted: list[str]) -> None:
    assert _inner(text) == quoted


def test_grounding_accepts_what_the_offline_rules_pair() -> None:
    text = "''The bill is dead,'' Senator Ann Cole said. \"It is over,” she added."
    assert quoted_verbatim("The bill is dead,", text)
    assert quoted_verbatim("It is over,", text)
    assert not quoted_verbatim("Senator Ann Cole said.", text)


# --- quotes found ---------------------------------------------------------------------


def test_quote_opened_straight_and_closed_curly_is_extracted() -> None:
    article = _article(
        "Mayor Dana Ruiz closed the bridge on Friday.",
        '"The cracks are wider than we were told,” Ruiz said.',
    )
    assert _speakers(extract_offline(article)) == {
        "The cracks are wider than we were told,": "Dana Ruiz"
    }


def test_quote_in_double_apostrophes_is_extracted_and_grounded() -> None:
    article = _article(
        "Governor Paul Hart signed the water bill on Tuesday.",
        "''This is the end of a ten-year fight,'' Mr. Hart said.",
    )
    extraction = extract_offline(article)
    assert _speakers(extraction) == {"This is the end of a ten-year fight,": "Paul Hart"}
    assert check(extraction, article.text) == []


def test_subject_with_lower_case_role_words_before_the_verb() -> None:
    article = _article(
        "The court ruled against the Rowan Group on Monday.",
        '"We will appeal the ruling at once," company lawyer Marc Hollis said.',
    )
    assert _speakers(extract_offline(article)) == {
        "We will appeal the ruling at once,": "Marc Hollis"
    }


def test_inverted_verb_with_a_long_apposition() -> None:
    article = _article(
        '"The plan adds layers of complexity," said Leonard Burgess, director of the Fiscal '
        "Policy Center and a professor at the Maxwell School."
    )
    assert _speakers(extract_offline(article)) == {
        "The plan adds layers of complexity,": "Leonard Burgess"
    }


def test_subject_followed_by_an_aside_before_the_verb() -> None:
    article = _article(
        "Rucker Culpepper, who runs the volunteer effort for the Lane campaign, said, "
        '"Our phones have not stopped ringing since Monday."'
    )
    assert _speakers(extract_offline(article)) == {
        "Our phones have not stopped ringing since Monday.": "Rucker Culpepper"
    }


def test_a_role_description_names_the_person_with_that_role() -> None:
    article = _article(
        "Mayor Dana Ruiz spoke after the storm.",
        'The city will reopen schools on Monday. "We do not see any risk left," the mayor said.',
    )
    assert _speakers(extract_offline(article)) == {"We do not see any risk left,": "Dana Ruiz"}


def test_participle_after_a_clause_takes_the_clause_subject() -> None:
    article = _article(
        "Governor Paul Hart faced reporters on Monday.",
        'He then defended the veto, saying, "The bill would have cost far too much."',
    )
    assert _speakers(extract_offline(article)) == {
        "The bill would have cost far too much.": "Paul Hart"
    }


def test_quote_credited_after_a_dash() -> None:
    article = _article(
        "Readers answered our question about the new stadium.",
        "“It is a waste of public money and a gift to the owners.” ― Carla Mendes",
    )
    assert _speakers(extract_offline(article)) == {
        "It is a waste of public money and a gift to the owners.": "Carla Mendes"
    }


def test_adding_after_a_quote_does_not_attribute_it_to_the_next_clause() -> None:
    article = _article(
        "Mayor Dana Ruiz spoke on Friday.",
        '"The bridge is closed," Ruiz said, adding that a ferry would run.',
    )
    assert _speakers(extract_offline(article)) == {"The bridge is closed,": "Dana Ruiz"}


def test_inverted_verb_after_a_double_apostrophe_mark() -> None:
    article = _article(
        "''The bill is a gift to tax lawyers,'' said Leonard Burgess, an economist at a think tank."
    )
    assert _speakers(extract_offline(article)) == {
        "The bill is a gift to tax lawyers,": "Leonard Burgess"
    }


def test_a_question_closing_the_quotation_does_not_end_the_sentence() -> None:
    article = _article(
        "Senator Lena Ortiz questioned the budget office on Tuesday.",
        "“Why did nobody warn the families about the cuts?” Ortiz asked. “Nobody here knows why.”",
    )
    assert _speakers(extract_offline(article)) == {
        "Why did nobody warn the families about the cuts?": "Lena Ortiz",
        "Nobody here knows why.": "Lena Ortiz",
    }


def test_a_paragraph_ending_in_a_colon_introduces_the_next_quotation() -> None:
    article = _article(
        "Pollster Samuel Okafor spoke on the radio on Monday.",
        "Okafor continued:",
        '"The numbers moved in both polls, and the question was: “Are you worried?” '
        'Forty percent said yes."',
    )
    quoted = (
        "The numbers moved in both polls, and the question was: “Are you worried?” "
        "Forty percent said yes."
    )
    assert _speakers(extract_offline(article)) == {quoted: "Samuel Okafor"}


def test_she_does_not_name_a_man_when_the_article_says_who_is_who() -> None:
    article = _article(
        "Senator Maria Vance met Governor Tom Reed in the capital on Monday.",
        "Reed left early and skipped the dinner.",
        '"We agreed on almost nothing today, and that is fine," she said.',
    )
    assert _speakers(extract_offline(article)) == {
        "We agreed on almost nothing today, and that is fine,": "Maria Vance"
    }


def test_a_full_name_with_a_bare_apposition_is_a_person_pronouns_can_name() -> None:
    article = _article(
        "The mood worried Henry Okoro, president of the county party, on Friday.",
        '"Nobody is writing songs for this campaign yet," he said.',
    )
    assert _speakers(extract_offline(article)) == {
        "Nobody is writing songs for this campaign yet,": "Henry Okoro"
    }


def test_the_newspaper_quotes_x_as_saying() -> None:
    article = _article(
        "Union leader Colin Baird spoke to a local paper on Monday.",
        '"We will strike until the mine is safe for every worker," the newspaper quotes '
        "Baird as saying.",
    )
    assert _speakers(extract_offline(article)) == {
        "We will strike until the mine is safe for every worker,": "Colin Baird"
    }


def test_the_attorney_said_and_he_added_stay_with_the_attorney() -> None:
    article = _article(
        "Attorney Mark Lee defended his client, Dan Holt, in court on Friday.",
        '"My client has done nothing wrong at all," the attorney said. '
        'He added: "We will win this case in court."',
    )
    assert _speakers(extract_offline(article)) == {
        "My client has done nothing wrong at all,": "Mark Lee",
        "We will win this case in court.": "Mark Lee",
    }


def test_a_legislator_named_with_party_and_state_is_a_person() -> None:
    article = _article(
        "The bill was opposed by Sens. Ann Cole (D-Ore.) and Mark Dunn (R-Ky.) on Tuesday.",
        '"Why is this bill still on the floor after a year?" Dunn demanded.',
    )
    extraction = extract_offline(article)
    assert _speakers(extraction) == {
        "Why is this bill still on the floor after a year?": "Mark Dunn"
    }
    assert "Mark Dunn" in {a.name for a in extraction.actors}


def test_a_person_named_by_one_word_who_speaks_is_an_actor() -> None:
    article = _article(
        "Rosalind watched the debate at home with her husband.",
        '"We stayed up all night to watch him," Rosalind said.',
        '"The hearing will go ahead next week as planned," Prosecutors said.',
        'Critics said the plan was late. "It is far too late for that now," '
        "Critics said, though the critics were few.",
    )
    extraction = extract_offline(article)
    speakers = _speakers(extraction)
    assert speakers["We stayed up all night to watch him,"] == "Rosalind"
    # A capitalised plural opening a sentence ("Prosecutors said", "Critics said") is never a
    # one-word person. Critics named three times who speak are a described group (the
    # seventeenth session's plural-people heads), so their quote is the group's.
    assert "The hearing will go ahead next week as planned," not in speakers
    assert speakers.get("It is far too late for that now,") in {None, "critics"}
    people = {a.name for a in extraction.actors if a.type == "person"}
    assert people == {"Rosalind"}
    assert {a.name for a in extraction.actors} <= {"Rosalind", "critics"}


def test_an_inverted_verb_before_an_outlets_reporter_names_the_reporter() -> None:
    article = _article(
        "The debates rarely move the polls, noted NBC’s Dana Welk.",
        '"Most voters have made up their minds long before the debates," she wrote.',
    )
    assert _speakers(extract_offline(article)) == {
        "Most voters have made up their minds long before the debates,": "Dana Welk"
    }


def test_he_after_a_sentence_that_introduces_a_person_is_the_newcomer() -> None:
    article = _article(
        'Governor Tom Hale said on Monday: "We have done everything we could for the city."',
        "Hale has won every county, but that is something that worries Paul Berne, "
        "president of the local farmers union.",
        '"Nobody out here has heard from the governor in a year," he said.',
    )
    assert _speakers(extract_offline(article)) == {
        "We have done everything we could for the city.": "Tom Hale",
        "Nobody out here has heard from the governor in a year,": "Paul Berne",
    }


def test_he_is_not_a_newcomer_named_in_passing_without_a_description() -> None:
    article = _article(
        'Governor Tom Hale said on Monday: "We have done everything we could for the city."',
        "Hale thanked Mayor Paul Berne and the crowd before he moved on to the budget.",
        '"Now that I have got that over with, let us talk money," he said.',
    )
    assert _speakers(extract_offline(article)) == {
        "We have done everything we could for the city.": "Tom Hale",
        "Now that I have got that over with, let us talk money,": "Tom Hale",
    }


def test_a_surname_with_an_inner_capital_is_a_name() -> None:
    article = _article(
        "Director Ava DuVernay released her new documentary on Friday.",
        '"You cannot talk about change if you do not know the past," DuVernay said.',
    )
    assert _speakers(extract_offline(article)) == {
        "You cannot talk about change if you do not know the past,": "Ava DuVernay"
    }


def test_a_participle_after_a_clause_names_the_clauses_first_person() -> None:
    article = _article(
        "During a speech on Monday, Senator Ann Cole attacked Governor Mark Dunn over the "
        'budget, saying, "He has never read a single page of it."',
        "A new ad from the Cole campaign shows Governor Mark Dunn asking, "
        '"Why are we not further ahead in the polls?"',
    )
    assert _speakers(extract_offline(article)) == {
        "He has never read a single page of it.": "Ann Cole",
        "Why are we not further ahead in the polls?": "Mark Dunn",
    }


def test_a_newspaper_that_reports_is_the_speaker_unless_it_relays_someone() -> None:
    article = _article(
        "Fewer than a quarter of the donors gave less than $200 this year.",
        "The Riverside Times reports:",
        '"Just 24 percent of the contributors to the campaign so far have given $200 or less."',
        "Mayor Dana Ruiz told the council on Monday that the city had only a "
        '"narrow window to act," the Riverside Times reported.',
    )
    assert _speakers(extract_offline(article)) == {
        "Just 24 percent of the contributors to the campaign so far have given $200 or less.": (
            "Riverside Times"
        ),
        "narrow window to act,": "Dana Ruiz",
    }


def test_a_speaker_with_a_long_apposition_before_said() -> None:
    article = _article(
        '"It is an invasion of the state regulatory domain," Ann Cole, the attorney general '
        "of Oregon, one of the states suing the agency over the rule, said on Monday.",
    )
    assert _speakers(extract_offline(article)) == {
        "It is an invasion of the state regulatory domain,": "Ann Cole"
    }


# --- whom "he" and "she" name ------------------------------------------------------


def test_he_is_the_subject_a_sentence_opens_with_not_a_newcomer_in_its_aside() -> None:
    article = _article(
        "Mark Dunn runs a bakery in Salem.",
        "Dunn, whose rival Senator Paul Reyes leads the race, attacked the plan on Tuesday.",
        '"It is a disgrace and it will cost every shop on this street," he said.',
    )
    assert _speakers(extract_offline(article)) == {
        "It is a disgrace and it will cost every shop on this street,": "Mark Dunn"
    }


def test_he_is_a_person_named_once_as_the_subject_of_the_sentence_before() -> None:
    article = _article(
        'Mayor Dana Ruiz defended the budget: "Every school gets more money this year."',
        "Another teacher, Paul Okafor of Salem High School, said the plan was late.",
        '"We were promised that money two years ago and never saw it," he said.',
        "At Green Ridge, a club for retired teachers, members met to debate it.",
        '"It is a good start and we will take it," she said.',
        "In downtown San Pedro, teachers marched on Friday.",
        '"This is only the beginning of it," he said.',
        "Following Ruiz on the radio, the union spoke for an hour.",
        '"We want the money now and not next year," she said.',
    )
    assert _speakers(extract_offline(article)) == {
        "Every school gets more money this year.": "Dana Ruiz",
        "We were promised that money two years ago and never saw it,": "Paul Okafor",
        "It is a good start and we will take it,": "Dana Ruiz",
        "This is only the beginning of it,": "Paul Okafor",
        "We want the money now and not next year,": "Dana Ruiz",
    }


def test_he_is_a_surname_the_registry_missed_opening_the_sentence_before() -> None:
    article = _article(
        'Governor Tom Hale spoke first: "We will balance this budget by June."',
        "Okafor openly admitted that his vote was about the farm vote in the north.",
        '"With an eye to the farmers, I will vote no," he said.',
        "Similar bills normally pass in June.",
        '"We will see about that in the spring," he said.',
    )
    assert _speakers(extract_offline(article)) == {
        "We will balance this budget by June.": "Tom Hale",
        "With an eye to the farmers, I will vote no,": "Okafor",
        "We will see about that in the spring,": "Okafor",
    }


def test_he_is_not_someone_named_as_the_object_of_a_preposition() -> None:
    article = _article(
        "Mark Dunn and Senator Paul Reyes both run for mayor of Salem.",
        "Asked about the loyalists to Paul Reyes, Dunn was blunt on Tuesday.",
        '"They will have to choose a side before the vote in May," he said.',
    )
    assert _speakers(extract_offline(article)) == {
        "They will have to choose a side before the vote in May,": "Mark Dunn"
    }


def test_he_is_a_name_followed_by_has_written_with_an_apostrophe() -> None:
    article = _article(
        "Governor Tom Hale and Senator Paul Reyes both run for president.",
        "Hale's been making the case for weeks that Reyes is not ready for the job.",
        '"You have never had to make a decision that mattered," he said.',
    )
    assert _speakers(extract_offline(article)) == {
        "You have never had to make a decision that mattered,": "Tom Hale"
    }


def test_she_is_the_woman_of_two_people_who_share_a_surname() -> None:
    article = _article(
        "Ann Cole, the mayor, and her husband Mark Cole came to the rally on Monday.",
        "Ann spoke first and Mark spoke last.",
        '"We want more jobs in the valley," Paul Reyes said on Monday.',
        "Speaking in Salem, Cole also accused Judge Lee Park of neglect.",
        '"You cannot just show up at election time and say the right things," she said.',
        '"We will win this county in the fall," Judge Lee Park said.',
        "For Major, a retiree who makes calls at the Cole phone bank, it is a duty.",
        '"I call fifty voters a night and most of them pick up," she said.',
    )
    speakers = _speakers(extract_offline(article))
    assert speakers["We want more jobs in the valley,"] == "Paul Reyes"
    assert speakers["You cannot just show up at election time and say the right things,"] == (
        "Ann Cole"
    )
    # "the Cole phone bank" names a campaign, not Ann Cole
    assert speakers.get("I call fifty voters a night and most of them pick up,") != "Ann Cole"


def test_she_is_not_a_name_inside_the_title_of_a_show() -> None:
    article = _article(
        "Judge Ann Cole and Mayor Dana Ruiz met last year in Salem.",
        "The Ann Cole Morning Show had Ruiz as its guest on Tuesday.",
        '"How many times do we have to see this in our city?" she said.',
    )
    assert _speakers(extract_offline(article)) == {
        "How many times do we have to see this in our city?": "Dana Ruiz"
    }


# --- speakers the article describes but does not name --------------------------------


def test_an_unnamed_speaker_is_quoted_under_the_articles_description() -> None:
    article = _article(
        "A campaign advertisement for Mayor Dana Ruiz aired on Sunday.",
        'As a phone rang, the announcer said, "It is 3 a.m. and your children are asleep."',
        '"We need change in this town," one longtime resident said on Monday.',
        '"The plan is meant for the mother who gave birth," the 34-year-old mother of three '
        "replied.",
    )
    extraction = extract_offline(article)
    assert _speakers(extraction) == {
        "It is 3 a.m. and your children are asleep.": "the announcer",
        "We need change in this town,": "one longtime resident",
        "The plan is meant for the mother who gave birth,": "the 34-year-old mother",
    }
    assert {"the announcer", "one longtime resident"} <= {a.name for a in extraction.actors}
    assert [v for v in check(extraction, article.text) if v.field == "quotes"] == []


def test_a_description_that_is_a_title_is_not_a_speaker_of_its_own() -> None:
    article = _article(
        "The city council met on Monday in Salem.",
        '"We will not raise taxes this year," the president said.',
    )
    assert extract_offline(article).quotes == []


def test_a_sentence_opening_with_said_names_the_speaker_after_it() -> None:
    article = _article(
        "Senator Paul Reyes has run the tax office in Salem for years.",
        'Said Reyes: "I do not get the sense that anyone here wants reform."',
    )
    assert _speakers(extract_offline(article)) == {
        "I do not get the sense that anyone here wants reform.": "Paul Reyes"
    }


def test_a_company_that_speaks_is_the_organisation_named_just_before() -> None:
    article = _article(
        "The listing went up on the website of Riverside Arms Corporation on Monday.",
        '"We want no part in this listing or the publicity it draws," the company wrote.',
    )
    assert _speakers(extract_offline(article)) == {
        "We want no part in this listing or the publicity it draws,": "Riverside Arms Corporation"
    }


# --- quotations over several paragraphs, and verbs of two words ------------------------


def test_a_paragraph_that_is_all_quotation_continues_the_speaker_just_quoted() -> None:
    article = _article(
        '"I will not just talk like a reformer during the campaign," Dana Ruiz said Friday.',
        '"I have faced down attacks from both parties to speak the truth about the budget."',
        "Senator Paul Reyes did not comment.",
        '"Nobody should read this as a pledge to cut the budget."',
    )
    assert _speakers(extract_offline(article)) == {
        "I will not just talk like a reformer during the campaign,": "Dana Ruiz",
        "I have faced down attacks from both parties to speak the truth about the budget.": (
            "Dana Ruiz"
        ),
    }


def test_shot_back_attributes_like_said() -> None:
    article = _article(
        'Senator Paul Reyes called the plan a waste. "Dana wants to look tough tonight," '
        "Mayor Dana Ruiz shot back.",
    )
    assert _speakers(extract_offline(article)) == {"Dana wants to look tough tonight,": "Dana Ruiz"}


def test_a_paragraph_of_quotation_after_someone_else_is_named_is_left_out() -> None:
    article = _article(
        '"I will not just talk like a reformer," Dana Ruiz said Friday. Senator Paul Reyes '
        "disagreed with her.",
        '"Nobody should read this as a pledge to cut the budget."',
    )
    assert _speakers(extract_offline(article)) == {
        "I will not just talk like a reformer,": "Dana Ruiz"
    }


def test_adding_right_after_a_quote_leaves_it_to_the_speaker_before_it() -> None:
    article = _article(
        'In a statement, Riverside Arms Corporation said: "The plant was highly successful '
        'when it opened a decade ago," adding that its sales doubled in a year.',
    )
    assert _speakers(extract_offline(article)) == {
        "The plant was highly successful when it opened a decade ago,": (
            "Riverside Arms Corporation"
        )
    }


def test_a_speaker_with_a_very_long_apposition_before_said() -> None:
    article = _article(
        '"It has the important virtue of being fiscally responsible," Senator Dana Ruiz, '
        "director of the centrist Riverside Budget Policy Institute and a professor at the "
        "Salem School of Public Affairs of Oregon, said of the plan.",
    )
    assert _speakers(extract_offline(article)) == {
        "It has the important virtue of being fiscally responsible,": "Dana Ruiz"
    }


def test_someone_described_by_whose_they_are_is_not_the_owner() -> None:
    article = _article(
        "Mayor Dana Ruiz lost the vote on Tuesday.",
        '"My reaction is that the vote was outrageous," Ruiz\'s former campaign strategist '
        "said in an interview.",
    )
    assert _speakers(extract_offline(article)) == {
        "My reaction is that the vote was outrageous,": "Ruiz's former campaign strategist"
    }


def test_she_before_the_quote_in_one_sentence_is_not_the_person_she_speaks_to() -> None:
    article = _article(
        "Mayor Dana Ruiz spoke about taxes on Monday.",
        "During an interview, Ruiz was asked about the budget when she told Judge Ann Cole "
        'of the county court, "We have a big problem with the pension fund."',
    )
    assert _speakers(extract_offline(article)) == {
        "We have a big problem with the pension fund.": "Dana Ruiz"
    }


def test_a_qualified_title_refers_back_to_the_person_the_article_is_about() -> None:
    article = _article(
        "Mayor Dana Ruiz attacked the plan on Monday.",
        '"You are great at the one-liners, but you are a chaos candidate," the former '
        "Florida governor said.",
        '"We will not raise taxes this year," the president said.',
    )
    assert _speakers(extract_offline(article)) == {
        "You are great at the one-liners, but you are a chaos candidate,": "Dana Ruiz"
    }


def test_a_full_name_the_registry_missed_is_its_own_speaker() -> None:
    article = _article(
        "The council voted on Monday.",
        '"Absolutely hate this framing of the vote," Vann R. Newkirk II, a writer for the '
        "Salem Ledger, said on Twitter.",
    )
    assert _speakers(extract_offline(article)) == {
        "Absolutely hate this framing of the vote,": "Vann R. Newkirk II"
    }


def test_a_capitalised_preposition_does_not_start_a_speakers_name() -> None:
    article = _article(
        "Mayor Dana Ruiz lost the vote on Monday in Salem.",
        "Alongside Mothers United calls for a recount, a top Salem strategist said the mayor "
        'must choose, saying, "At some point she is going to have to come out on this."',
    )
    assert extract_offline(article).quotes == []


def test_each_unnamed_partisan_is_a_speaker_of_their_own() -> None:
    article = _article(
        "Party insiders in Salem were asked who will win the primary.",
        '"She is too far behind and the vote was not decisive," an Iowa Democrat said.',
        '"It is hers to lose at this point in the race," another Iowa Democrat said.',
    )
    assert _speakers(extract_offline(article)) == {
        "She is too far behind and the vote was not decisive,": "an Iowa Democrat",
        "It is hers to lose at this point in the race,": "another Iowa Democrat",
    }


def test_the_state_and_party_of_someone_named_refers_back_to_them() -> None:
    article = _article(
        "Senator Paul Reyes of Kentucky spoke in the chamber on Tuesday.",
        '"The bill is dead and it will stay dead," the Kentucky Republican said.',
    )
    assert _speakers(extract_offline(article)) == {
        "The bill is dead and it will stay dead,": "Paul Reyes"
    }


def test_people_named_in_a_sentence_whose_subject_is_he_are_not_who_he_is() -> None:
    article = _article(
        '"We will build the new bridge by spring," Mayor Dana Ruiz told supporters.',
        "He thanked Governor Paul Reyes for his help with the budget.",
        '"It took us ten years to get the money together," he said.',
    )
    assert (
        _speakers(extract_offline(article))["It took us ten years to get the money together,"]
        == "Dana Ruiz"
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        'Or, as Dana Ruiz put it: "The money is gone and nobody knows where."',
        '"The money is gone and nobody knows where," Dana Ruiz answered.',
        'Dana Ruiz agreed: "The money is gone and nobody knows where."',
        '"The money is gone and nobody knows where," Dana Ruiz asserted.',
    ],
)
def test_put_it_answered_agreed_and_asserted_attribute_like_said(paragraph: str) -> None:
    article = _article("Mayor Dana Ruiz spoke about the budget on Monday.", paragraph)
    quotes = _speakers(extract_offline(article))
    assert [q.strip(" ,.") for q in quotes] == ["The money is gone and nobody knows where"]
    assert list(quotes.values()) == ["Dana Ruiz"]


def test_a_short_sentence_quoted_right_after_the_speakers_quote_is_theirs_too() -> None:
    article = _article(
        "Mayor Dana Ruiz was asked about the lawsuits on Monday.",
        '"People sue the city," Dana Ruiz said. "Everybody sues, right?"',
    )
    assert _speakers(extract_offline(article)) == {
        "People sue the city,": "Dana Ruiz",
        "Everybody sues, right?": "Dana Ruiz",
    }


def test_a_short_title_with_small_words_is_not_a_quote() -> None:
    article = _article(
        'Mayor Dana Ruiz said on "Meet the Press." that the city will not raise taxes.',
    )
    assert extract_offline(article).quotes == []


def test_as_someone_put_it_names_the_speaker_after_as() -> None:
    article = _article(
        "The council met on Monday to vote on the budget.",
        'Or, as Tom Ridge, a former city treasurer, put it: "The money is gone for good."',
    )
    assert _speakers(extract_offline(article)) == {"The money is gone for good.": "Tom Ridge"}


def test_said_opening_a_sentence_names_a_speaker_with_an_aside() -> None:
    article = _article(
        "The old school on Grand Avenue was turned into a museum.",
        'Said Dorothy Poynter, who grew up in the neighborhood, "We were all so proud of it."',
    )
    assert _speakers(extract_offline(article)) == {"We were all so proud of it.": "Dorothy Poynter"}


def test_an_honorific_and_one_name_is_a_speaker_even_when_the_name_is_a_title() -> None:
    article = _article(
        "Two veteran hosts joined the network this year.",
        '"They pay us a lot of money, and we need it," Mr. King said.',
    )
    assert _speakers(extract_offline(article)) == {
        "They pay us a lot of money, and we need it,": "Mr. King"
    }


def test_an_honorific_and_a_surname_the_article_named_in_full_is_that_person() -> None:
    article = _article(
        "Charlie King, a senior adviser to the campaign, spoke to reporters on Friday.",
        '"It is all about creating some enthusiasm," Mr. King said.',
    )
    assert _speakers(extract_offline(article)) == {
        "It is all about creating some enthusiasm,": "Charlie King"
    }


def test_a_headline_quote_after_a_colon_is_the_named_speakers() -> None:
    article = _article(
        "Dana Ruiz Grills Bank Chief: ‘You Should Be Investigated.’",
        "Mayor Dana Ruiz questioned the bank's chief executive on Tuesday about fees.",
    )
    assert _speakers(extract_offline(article)) == {"You Should Be Investigated.": "Dana Ruiz"}


def test_a_title_case_quote_in_the_body_is_still_a_title() -> None:
    article = _article(
        "Dana Ruiz spoke on Tuesday.",
        "Mayor Dana Ruiz said: “The Best Years Of Our Lives.”",
    )
    assert extract_offline(article).quotes == []


def test_said_before_a_name_with_an_abbreviated_rank_reads_past_the_rank() -> None:
    article = _article(
        "Experts disagreed with the plan on Monday.",
        '"I fundamentally disagree with it," said retired Army Lt. Gen. Mick Bednarek, who '
        "served in Iraq.",
    )
    assert _speakers(extract_offline(article)) == {
        "I fundamentally disagree with it,": "Mick Bednarek"
    }


@pytest.mark.parametrize(
    "paragraph",
    [
        'Dana Ruiz replied to the critics on Monday, tweeting, "The money is gone for good."',
        'Dana Ruiz took questions after the vote, asserting, "The money is gone for good."',
        "At a rally on Saturday, protesters were led out, with Dana Ruiz reportedly yelling: "
        '"The money is gone for good."',
        'Dana Ruiz proclaimed at a news conference, "The money is gone for good."',
    ],
)
def test_tweeting_asserting_yelling_and_proclaimed_attribute_like_saying(paragraph: str) -> None:
    article = _article("Mayor Dana Ruiz spoke about the budget on Monday.", paragraph)
    assert _speakers(extract_offline(article)) == {"The money is gone for good.": "Dana Ruiz"}


def test_a_sentence_with_a_colon_after_a_quote_introduces_the_next_quote() -> None:
    article = _article(
        "Mayor Dana Ruiz spoke about the budget on Monday.",
        'Dana Ruiz proclaimed at a news conference, "The money is gone for good." The city '
        'treasurer, Tom Ridge, reiterated: "Nobody knows where it went."',
    )
    assert _speakers(extract_offline(article)) == {
        "The money is gone for good.": "Dana Ruiz",
        "Nobody knows where it went.": "Tom Ridge",
    }


@pytest.mark.parametrize(
    "paragraph",
    [
        'After the vote, Dana Ruiz went back to her usual lines: "The money is gone for good."',
        'Dana Ruiz has been a loud critic of the plan, with one simple message: "The money is '
        'gone for good."',
    ],
)
def test_a_clause_ending_in_a_colon_names_its_subject_as_the_speaker(paragraph: str) -> None:
    article = _article("Mayor Dana Ruiz spoke about the budget on Monday.", paragraph)
    assert _speakers(extract_offline(article)) == {"The money is gone for good.": "Dana Ruiz"}


def test_a_colon_after_a_clause_about_a_thing_names_no_speaker() -> None:
    article = _article(
        "Mayor Dana Ruiz spoke about the budget on Monday.",
        'The report that the council released on Friday had one line: "The money is gone for '
        'good."',
    )
    assert extract_offline(article).quotes == []


@pytest.mark.parametrize(
    ("paragraph", "quote"),
    [
        ('"Denver," Dana Ruiz answered.', "Denver,"),
        ('"NO NEW TAXES," Dana Ruiz wrote in a post on Friday.', "NO NEW TAXES,"),
    ],
)
def test_a_title_case_span_followed_at_once_by_its_speaker_is_speech(
    paragraph: str, quote: str
) -> None:
    article = _article("Mayor Dana Ruiz was asked which city should win the bid.", paragraph)
    assert _speakers(extract_offline(article)) == {quote: "Dana Ruiz"}


def test_a_title_cited_after_a_word_is_not_speech_though_a_speaker_follows() -> None:
    article = _article(
        "Mayor Dana Ruiz gave an interview on Sunday.",
        'On CBS\'s "Face the Nation," Dana Ruiz said the city would appeal.',
    )
    assert extract_offline(article).quotes == []


@pytest.mark.parametrize(
    "paragraph",
    [
        'As Dana Ruiz pointed out on Friday, "The money is gone for good."',
        '"The money is gone for good," Dana Ruiz assured the council.',
    ],
)
def test_pointed_out_and_assured_attribute_like_said(paragraph: str) -> None:
    article = _article("Mayor Dana Ruiz spoke about the budget on Monday.", paragraph)
    quotes = _speakers(extract_offline(article))
    assert {q.strip(" ,."): who for q, who in quotes.items()} == {
        "The money is gone for good": "Dana Ruiz"
    }


def test_a_dash_credit_names_a_reader_the_article_names_nowhere_else() -> None:
    article = _article(
        "Readers wrote to us about the new budget.",
        "“The money is gone for good and nobody in the city knows where.” ― Julie A. Diaz Moreno",
    )
    assert _speakers(extract_offline(article)) == {
        "The money is gone for good and nobody in the city knows where.": "Julie A. Diaz Moreno"
    }


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"Blink twice if you are in trouble!" one person tweeted.', "one person"),
        ('Another child responded, "That is the mayor\'s husband."', "another child"),
    ],
)
def test_one_person_or_another_child_is_quoted_under_that_description(
    paragraph: str, speaker: str
) -> None:
    article = _article("The mayor's speech on Monday went badly.", paragraph)
    assert list(_speakers(extract_offline(article)).values()) == [speaker]


@pytest.mark.parametrize(
    ("paragraph", "quote"),
    [
        (
            'The city hopes to shed what Dana Ruiz called "a perception problem."',
            "a perception problem.",
        ),
        (
            "In South Carolina, the plan drew charges that Dana Ruiz, for one, called ''a complete "
            "scam.''",
            "a complete scam.",
        ),
        ('Dana Ruiz called it "absolute chaos."', "absolute chaos."),
    ],
)
def test_words_a_named_speaker_called_something_are_their_quote(paragraph: str, quote: str) -> None:
    article = _article(
        "Mayor Dana Ruiz spoke about the budget in South Carolina on Monday.", paragraph
    )
    assert _speakers(extract_offline(article)) == {quote: "Dana Ruiz"}


def test_a_name_given_to_a_thing_is_not_a_quote() -> None:
    article = _article(
        "Mayor Dana Ruiz spoke about the budget on Monday.",
        'She met donors at a new bar called "the old mill" on Friday.',
    )
    assert extract_offline(article).quotes == []


def test_a_speech_verb_after_and_belongs_to_the_clauses_subject() -> None:
    article = _article(
        "Dana Ruiz and Tom Ridge both spoke at the rally on Monday.",
        "As the crowd began to chant, Dana Ruiz was joined on stage by Tom Ridge and joked, "
        '"You are all being ridiculous."',
    )
    assert _speakers(extract_offline(article)) == {"You are all being ridiculous.": "Dana Ruiz"}


@pytest.mark.parametrize(
    ("paragraph", "quote"),
    [
        (
            'Dana Ruiz attacked "the reckless spending of the last council."',
            "the reckless spending of the last council.",
        ),
        (
            "In 2011, Dana Ruiz spoke out for ''a budget that every family can read.''",
            "a budget that every family can read.",
        ),
    ],
)
def test_words_quoted_as_what_the_clauses_subject_did_are_theirs(
    paragraph: str, quote: str
) -> None:
    article = _article("Mayor Dana Ruiz spoke about the budget on Monday.", paragraph)
    assert _speakers(extract_offline(article)) == {quote: "Dana Ruiz"}


@pytest.mark.parametrize(
    "paragraph",
    [
        'As Dana Ruiz spoke, the union was lobbying against "any and all budget cuts."',
        'Dana Ruiz\' column, "Why the spending has to stop now," ran on Friday.',
    ],
)
def test_an_opening_clause_or_an_owner_names_no_speaker(paragraph: str) -> None:
    article = _article("Mayor Dana Ruiz spoke about the budget on Monday.", paragraph)
    assert extract_offline(article).quotes == []


def test_a_short_exclamation_before_its_speaker_is_speech() -> None:
    article = _article(
        "Mayor Dana Ruiz spent the week at the convention.",
        '"Perpetual motion!" Dana Ruiz said of the week.',
    )
    assert _speakers(extract_offline(article)) == {"Perpetual motion!": "Dana Ruiz"}


def test_a_speech_verb_after_a_quote_and_and_leaves_it_to_the_subject_before() -> None:
    article = _article(
        "Mayor Dana Ruiz spoke about the budget on Monday.",
        "Dana Ruiz condemned ''such a reckless budget'' and declared a plan to ''keep our "
        "city open and free.''",
    )
    assert _speakers(extract_offline(article)) == {
        "such a reckless budget": "Dana Ruiz",
        "keep our city open and free.": "Dana Ruiz",
    }


def test_an_attribute_of_markup_left_in_the_text_is_not_a_quote() -> None:
    article = _article(
        "Mayor Dana Ruiz spoke about the budget on Monday.",
        'Dana Ruiz said the budget is online at <a href="http://city.example.org/budget/2016/'
        'final/full">the city site</a>.',
    )
    assert extract_offline(article).quotes == []


def test_an_opening_clause_with_a_date_is_passed_over_to_the_subject() -> None:
    article = _article(
        "Mayor Dana Ruiz spoke about the budget on Monday.",
        "On July 6, 2015, Dana Ruiz made the following comment:",
        '"The money is gone for good and nobody in the city knows where it went."',
    )
    assert list(_speakers(extract_offline(article)).values()) == ["Dana Ruiz"]


# --- named-speaker precision (#14, sixth session) ---------------------------------------


def test_a_quote_its_own_sentence_attributes_is_not_given_to_the_next_sentence() -> None:
    article = _article(
        "Mayor Dana Ruiz and Governor Ted Alvarez met in the harbour town on Monday.",
        'Ruiz insisted that the port "stay open to every ship." Alvarez said the port '
        "would close on Friday.",
    )
    assert _speakers(extract_offline(article)) == {"stay open to every ship.": "Dana Ruiz"}


def test_a_quote_inside_a_clause_is_not_given_to_a_later_speech_verb() -> None:
    article = _article(
        "Mayor Dana Ruiz and the Harbour Board met on Monday.",
        'Dana Ruiz said she would "open the port" to cruise ships, the Harbour Board said.',
    )
    assert _speakers(extract_offline(article)) == {"open the port": "Dana Ruiz"}


def test_a_name_after_a_preposition_is_not_the_speaker_before_the_verb() -> None:
    article = _article(
        "Mayor Dana Ruiz and Governor Ted Alvarez met on Monday.",
        "Of Alvarez, Dana Ruiz, who has given money to his rival, said, “He is a fine man "
        "but a poor governor.”",
        "Mayor Dana Ruiz wrote a letter to Governor Ted Alvarez asking him to end the "
        '"harbour fiasco."',
    )
    assert _speakers(extract_offline(article)) == {
        "He is a fine man but a poor governor.": "Dana Ruiz",
        "harbour fiasco.": "Dana Ruiz",
    }


def test_the_name_after_told_is_the_hearer_not_the_speaker() -> None:
    article = _article(
        "Mayor Dana Ruiz and Governor Ted Alvarez met on Monday.",
        "The envoy to Canada, Tom Kessler, told CBS’ “Sunday Morning” that the meeting was "
        "“an attempt to calm the waters right now.”",
    )
    assert _speakers(extract_offline(article)) == {
        "an attempt to calm the waters right now.": "Tom Kessler"
    }


def test_an_owner_before_a_known_surname_does_not_make_a_new_speaker() -> None:
    article = _article(
        "Governor Ted Alvarez chairs the Harbour Board, which met on Monday.",
        "The Harbour Board’s Alvarez said there would be “no rash moves” by the board.",
    )
    assert _speakers(extract_offline(article)) == {"no rash moves": "Ted Alvarez"}


def test_a_new_sentence_running_into_the_next_quote_is_that_quotes_attribution() -> None:
    article = _article(
        "Mayor Dana Ruiz and Governor Ted Alvarez spoke about the port on Monday.",
        'Portugal branded the port an "outlaw harbour in the bay." Spain insisted that '
        'Lisbon "close it at once."',
    )
    assert "outlaw harbour in the bay." not in _speakers(extract_offline(article))


def test_a_relative_clause_cut_by_a_title_does_not_give_its_object_the_quote() -> None:
    article = _article(
        "Governor Ted Alvarez and Dana Ruiz spoke about the port on Monday.",
        'Dana Ruiz, a host of the radio show "Harbour Talk," who worked for Ted Alvarez, '
        'said her boss was "always kind and generous." But, said Ruiz, "he is tough."',
    )
    speakers = _speakers(extract_offline(article))
    assert speakers.get("always kind and generous.") != "Ted Alvarez"
    assert speakers["he is tough."] == "Dana Ruiz"


def test_a_speaker_named_with_of_and_a_long_place_is_the_person() -> None:
    article = _article(
        "The port of Lisbon reopened on Monday.",
        "However, as Archbishop Tomas Reyes of the Harbour Church of Lisbon told the AP, "
        "“We have all suffered the same fate in this town.”",
    )
    assert (
        "Tomas Reyes"
        in _speakers(extract_offline(article))["We have all suffered the same fate in this town."]
    )


def test_a_speech_verb_of_a_clause_coordinated_after_the_quote_is_not_its_attribution() -> None:
    article = _article(
        "Governor Ted Alvarez and Mayor Dana Ruiz spoke about the port on Monday.",
        'Ted Alvarez wants the port to stay "open every night of the week," for instance, '
        'and Dana Ruiz vowed to "shut it down" by summer.',
    )
    assert _speakers(extract_offline(article)).get("open every night of the week,") != ("Dana Ruiz")


def test_a_participle_after_said_belongs_to_who_said() -> None:
    article = _article(
        "Mayor Dana Ruiz and Governor Ted Alvarez spoke about the port on Monday.",
        'Ruiz left before the vote was taken, Ted Alvarez said, adding, "She was not happy '
        'with the plan."',
        'Meanwhile, it attacked Dana Ruiz, saying she "has failed the harbour town again."',
    )
    speakers = _speakers(extract_offline(article))
    assert speakers["She was not happy with the plan."] == "Ted Alvarez"
    assert speakers.get("has failed the harbour town again.") != "Dana Ruiz"


def test_a_quote_in_an_opening_clause_is_not_the_main_clause_speakers() -> None:
    article = _article(
        "Mayor Dana Ruiz and Governor Ted Alvarez spoke about the port on Monday.",
        'After Dana Ruiz said the ships might do better at "smaller harbours," Ted Alvarez '
        'said: "I do not agree with her at all."',
    )
    assert _speakers(extract_offline(article)).get("smaller harbours,") != "Ted Alvarez"


def test_a_name_that_modifies_a_role_is_not_the_speaker() -> None:
    article = _article(
        "Governor Ted Alvarez and the Harbour Board met on Monday.",
        "Senior Alvarez administration officials, who spoke on condition of anonymity, said "
        "the board had sold “dozens of ships” to a rival port.",
        "A Harbour Board spokeswoman said on Saturday the port would reopen “while keeping "
        "every sailor safe.”",
    )
    speakers = _speakers(extract_offline(article))
    assert speakers.get("dozens of ships") != "Ted Alvarez"
    assert speakers["while keeping every sailor safe."] == "Harbour Board"


def test_a_speech_verb_inside_a_whose_clause_is_not_the_quotes() -> None:
    article = _article(
        "Governor Ted Alvarez chairs the Harbour Board.",
        "The Harbour Board, whose chairman Ted Alvarez previously said the port was safe, "
        "described its decision on Tuesday as a “swift and seamless clarification” of the rules.",
    )
    speakers = _speakers(extract_offline(article))
    assert speakers.get("swift and seamless clarification") != "Ted Alvarez"


def test_a_name_after_by_is_not_the_subject_of_and_said() -> None:
    article = _article(
        "Mayor Dana Ruiz spoke at a forum on Monday.",
        'Dana Ruiz spoke of the harbour raid at a "Harbour Forum" sponsored by the Lisbon '
        'Times and said she has what the job needs: "Steadiness and strength above all."',
    )
    speakers = _speakers(extract_offline(article))
    assert speakers.get("Steadiness and strength above all.") != "Lisbon Times"


def test_a_participle_right_after_a_name_is_that_persons() -> None:
    article = _article(
        "Mayor Dana Ruiz and Governor Ted Alvarez spoke about the port on Monday.",
        "There was a lot of chatter about Dana Ruiz, who is the liveliest on stage this "
        'morning, saying "Ports should not decide the destiny of a town."',
    )
    assert _speakers(extract_offline(article)) == {
        "Ports should not decide the destiny of a town.": "Dana Ruiz"
    }


def test_a_countrys_president_is_not_its_vice_president() -> None:
    article = _article(
        "Vice President Carla Mendes of Portugal visited the harbour town on Monday.",
        "The Portugal president, in announcing new port fees on Friday, warned of a “second "
        "phase” that could be “very, very bad for the town” if the fees did not work.",
    )
    assert "Carla Mendes" not in _speakers(extract_offline(article)).values()


def test_a_sentence_of_only_a_speaker_and_a_verb_introduces_the_next_quote() -> None:
    article = _article(
        "Governor Ted Alvarez and Mayor Dana Ruiz spoke about the port on Monday.",
        "Dana Ruiz wrote: “I would consider it an honour if you closed my office as well.” "
        "Alvarez shot back. “I do not know Ruiz. I know the port well.”",
    )
    assert _speakers(extract_offline(article)) == {
        "I would consider it an honour if you closed my office as well.": "Dana Ruiz",
        "I do not know Ruiz. I know the port well.": "Ted Alvarez",
    }


def test_a_speaker_after_a_clause_opened_by_after_is_still_a_subject() -> None:
    article = _article(
        "Governor Ted Alvarez and the Harbour Board spoke about the port on Monday.",
        "Ted Alvarez spoke after the Harbour Board said the talks “brought us to a dangerous "
        "place for the harbour town.”",
    )
    assert _speakers(extract_offline(article)) == {
        "brought us to a dangerous place for the harbour town.": "Harbour Board"
    }


def test_a_speech_verb_in_an_opening_clause_is_not_the_main_clauses() -> None:
    article = _article(
        "Mayor Dana Ruiz spoke about the harbour on Monday.",
        "After Dana Ruiz asked about it in an interview, the dock workers became “agitated "
        "and loud” once the cameras were off.",
    )
    assert "agitated and loud" not in _speakers(extract_offline(article))


def test_a_short_sentence_after_the_speakers_own_question_is_speech() -> None:
    article = _article(
        "Senator Tom Graham spoke at a harbour meeting on Monday.",
        "“Does anybody here know what the plan for the harbour is?” Graham asked. “Neither do I.”",
    )
    assert _speakers(extract_offline(article))["Neither do I."] == "Tom Graham"


def test_a_description_right_before_the_verb_is_the_subject() -> None:
    article = _article(
        "Senator Tom Graham and Mayor Dana Ruiz spoke about the harbour on Monday.",
        "As far as whether Graham still senses anger at Ruiz among his voters, the Vermont "
        'senator acknowledged that there are still "some people" who feel that way.',
    )
    assert _speakers(extract_offline(article)).get("some people") != "Dana Ruiz"


def test_a_name_inside_a_description_is_not_the_speaker_but_a_body_speaks_for_itself() -> None:
    article = _article(
        "Governor Ted Alvarez and the Harbour Board met on Monday.",
        'The GOP front-runner complained that the harbour vote had been "rigged against him '
        'from the start."',
        "“The harbour will stay open, whatever the board decides,” the Harbour Board report "
        "stated.",
        "“We will open the harbour to all ships,” the Alvarez campaign said.",
    )
    speakers = _speakers(extract_offline(article))
    assert speakers.get("rigged against him from the start.") != "GOP"
    assert speakers["The harbour will stay open, whatever the board decides,"] == "Harbour Board"
    assert speakers["We will open the harbour to all ships,"] == "Ted Alvarez"


def test_a_qualified_committee_is_not_the_organisation_named_last() -> None:
    article = _article(
        "The harbour is being investigated by the Harbour Board for its fees.",
        "In a press release, the Democratic convention committee said about the fees:",
        '"The platform goes further than any before it on the rights of sailors."',
    )
    assert "Harbour Board" not in _speakers(extract_offline(article)).values()


def test_a_name_modifying_a_noun_deep_in_the_phrase_leaves_the_subject_alone() -> None:
    article = _article(
        "Envoy Tomas Reyes visited the harbour on Monday.",
        "In a series of posts late on Wednesday, Envoy Tomas Reyes did not refer to the "
        "Harbour Board strike, but said: “Rising violence is a threat to the port.”",
    )
    assert _speakers(extract_offline(article)) == {
        "Rising violence is a threat to the port.": "Tomas Reyes"
    }


def test_he_told_comes_before_according_to_the_source() -> None:
    article = _article(
        "Governor Ted Alvarez met Mayor Dana Ruiz in the harbour town on Monday.",
        "Governor Ted Alvarez was impressed. “She can win this state,” he told aides "
        "afterward, according to Carla Mendes, his former adviser.",
    )
    assert _speakers(extract_offline(article)) == {"She can win this state,": "Ted Alvarez"}


# --- recall, #14 seventh session -----------------------------------------------------


def test_a_paragraph_long_statement_is_a_quote_however_long() -> None:
    statement = " ".join(["The harbour will stay open to every ship that pays its fees."] * 16)
    article = _article(
        "Mayor Dana Ruiz spoke to reporters on Friday.",
        "“We are disappointed in the board,” Ruiz said.",
        f'"{statement}"',
    )
    assert _speakers(extract_offline(article)).get(statement) == "Dana Ruiz"


def test_a_title_inside_the_attribution_does_not_end_the_speakers_turn() -> None:
    article = _article(
        "Carla Mendes, the harbour master, spoke on Friday.",
        '"It is too early to tell," said Mendes, who also hosts the radio show "Harbour '
        'Talk." "I mean, it depends on what the board decides about the fees."',
    )
    speakers = _speakers(extract_offline(article))
    assert speakers.get("I mean, it depends on what the board decides about the fees.") == (
        "Carla Mendes"
    )


def test_a_joint_subject_after_the_quote_is_no_new_clause() -> None:
    article = _article(
        "Governor Ted Alvarez met Mayor Dana Ruiz at the harbour on Monday.",
        "“We will keep the harbour open to every ship,” Alvarez and Ruiz said in a joint "
        "statement.",
    )
    speakers = _speakers(extract_offline(article))
    assert speakers.get("We will keep the harbour open to every ship,") in (
        "Ted Alvarez",
        "Dana Ruiz",
    )


def test_the_inner_quotations_closing_mark_does_not_hide_the_credit() -> None:
    article = _article(
        "Senator Carla Mendes spoke in the harbour town on Monday.",
        "''Voters will not be satisfied with 'We will close the harbour,''' said Senator "
        "Carla Mendes of Maine.",
    )
    speakers = _speakers(extract_offline(article))
    assert speakers.get("Voters will not be satisfied with 'We will close the harbour,") == (
        "Carla Mendes"
    )


def test_a_credit_that_ends_the_sentence_after_narration_attributes_the_quote() -> None:
    article = _article(
        "Dana Ruiz runs the harbour school.",
        '"We are shocked and saddened" by the fire at the harbour warehouse that had drawn '
        "crowds from the whole county on Sunday, Ruiz said.",
    )
    assert _speakers(extract_offline(article)) == {"We are shocked and saddened": "Dana Ruiz"}


def test_a_medium_reporting_at_the_sentence_end_is_not_the_speaker() -> None:
    article = _article(
        "Harbour School fans chanted, “Close the gate,” referring to the plan of the mayor "
        "to close the harbour gate to all traffic, the Harbour Gazette reports.",
    )
    assert "Harbour Gazette" not in _speakers(extract_offline(article)).values()


@pytest.mark.parametrize(
    "credit",
    [
        "Alvarez was quoted as saying by the Harbour Gazette.",
        "he was quoted by the Harbour Gazette as saying during a visit.",
        "the Harbour Gazette quoted Alvarez as telling Mendes.",
    ],
)
def test_a_speaker_quoted_as_saying_in_the_passive_or_as_telling(credit: str) -> None:
    article = _article(
        "Governor Ted Alvarez met Senator Carla Mendes on Monday.",
        f"Governor Ted Alvarez spoke later. “We do not take part in harbour diplomacy,” {credit}",
    )
    assert _speakers(extract_offline(article)) == {
        "We do not take part in harbour diplomacy,": "Ted Alvarez"
    }


def test_posted_on_twitter_attributes_the_quote() -> None:
    article = _article(
        "Senator Carla Mendes opposes the harbour plan.",
        "“The harbour is where our leaders met after the storm,” Mendes posted on Twitter.",
    )
    assert _speakers(extract_offline(article)) == {
        "The harbour is where our leaders met after the storm,": "Carla Mendes"
    }


def test_the_owner_of_a_statement_is_its_speaker_but_not_of_a_commentary() -> None:
    statement = _article(
        "Governor Ted Alvarez spoke on Monday.",
        "Alvarez's statement: “We will keep the harbour open to every ship that pays.”",
    )
    commentary = _article(
        "Governor Ted Alvarez spoke on Monday.",
        "Alvarez's commentary, “We will keep the harbour open to every ship that pays.”",
    )
    assert _speakers(extract_offline(statement)) == {
        "We will keep the harbour open to every ship that pays.": "Ted Alvarez"
    }
    assert _speakers(extract_offline(commentary)) == {}


def test_a_quote_broken_by_its_credit_carries_on_with_the_same_speaker() -> None:
    article = _article(
        "Senator Carla Mendes of Maine spoke about the harbour on Monday.",
        '"It is a difficult issue," said the Maine senator, "because it puts two rights in '
        'conflict: the right to fish and the right to sail."',
    )
    speakers = _speakers(extract_offline(article))
    assert speakers.get("It is a difficult issue,") == "Carla Mendes"
    assert (
        speakers.get(
            "because it puts two rights in conflict: the right to fish and the right to sail."
        )
        == "Carla Mendes"
    )


def test_mrs_with_a_surname_two_people_share_is_the_woman() -> None:
    article = _article(
        "Former Governor Tomas Reyes and his wife, Senator Ana Reyes, toured the harbour.",
        "Mr. Reyes spoke first, and he praised the dock workers.",
        "“We will keep the harbour open to every ship,” Mrs. Reyes said.",
    )
    assert _speakers(extract_offline(article)) == {
        "We will keep the harbour open to every ship,": "Ana Reyes"
    }


def test_a_statement_issued_in_the_paragraph_before_is_its_issuers() -> None:
    article = _article(
        "Mayor Dana Ruiz resigned on Sunday after the leaked emails.",
        "At Ruiz's direction, the Harbour Board issued a statement apologizing to the "
        "fishermen for the emails.",
        "“On behalf of everyone at the board, we offer a deep and sincere apology to the "
        "fishermen and their families.”",
    )
    speakers = _speakers(extract_offline(article))
    assert list(speakers.values()) == ["Harbour Board"]


@pytest.mark.parametrize(
    "credit",
    ["the Alvarez transition team said", "Alvarez's transition team said in a statement"],
)
def test_a_team_or_an_owned_body_speaks_for_its_owner(credit: str) -> None:
    article = _article(
        "Governor Ted Alvarez on Tuesday picked Dana Ruiz to run the harbour.",
        f"“She will be a great harbour master,” {credit}.",
    )
    assert _speakers(extract_offline(article)) == {
        "She will be a great harbour master,": "Ted Alvarez"
    }


def test_the_group_is_the_named_group_before_it() -> None:
    article = _article(
        "Hamas fired rockets at the harbour town on Monday, officials said.",
        "“The harbour is a legitimate target,” the group said in a statement.",
    )
    assert _speakers(extract_offline(article)) == {"The harbour is a legitimate target,": "Hamas"}


def test_according_to_a_teller_the_nested_speaker_speaks() -> None:
    article = _article(
        "Governor Ted Alvarez spoke on Monday about Senator Carla Mendes.",
        "According to Alvarez, Mendes said “the harbour fees hurt every fisherman in the state.”",
    )
    assert _speakers(extract_offline(article)) == {
        "the harbour fees hurt every fisherman in the state.": "Carla Mendes"
    }


def test_a_question_quoted_inside_a_quote_does_not_end_the_sentence() -> None:
    article = _article(
        "Senator Carla Mendes spoke in the harbour town on Monday.",
        "''She'd look at me and say, 'What did he mean by that?''' Senator Mendes said, "
        "clutching the lectern.",
    )
    assert list(_speakers(extract_offline(article)).values()) == ["Carla Mendes"]


@pytest.mark.parametrize(
    "credit",
    [
        "Mendes urged.",
        "beamed Carla Mendes.",
        "opined Carla Mendes.",
        "exhorted Carla Mendes.",
        "Mendes surmised.",
        "Mendes riffed on the board's silence.",
        "Mendes cracked.",
    ],
)
def test_more_speech_verbs_attribute_the_quote(credit: str) -> None:
    article = _article(
        "Senator Carla Mendes spoke in the harbour town on Monday.",
        f"“Keep the harbour open to every ship that comes,” {credit}",
    )
    assert _speakers(extract_offline(article)) == {
        "Keep the harbour open to every ship that comes,": "Carla Mendes"
    }


def test_an_owner_after_an_inverted_verb_is_not_the_speaker_the_name_after_the_role_is() -> None:
    article = _article(
        "Governor Ted Alvarez toured the harbour on Monday.",
        "“We are treating the whole month as one long vote,” said Alvarez's deputy campaign "
        "manager, Dana Ruiz, who ran the last campaign.",
    )
    assert _speakers(extract_offline(article)) == {
        "We are treating the whole month as one long vote,": "Dana Ruiz"
    }


@pytest.mark.parametrize(
    "lead",
    [
        "Pollsters agree - Carla Mendes: ",
        "More from Mendes: ",
        "Stated Mendes: ",
        "POLLS NOT WRONG, JUST EARLY - Carla Mendes and Dana Ruiz: ",
        "Signs were there all along -More from Mendes and Ruiz: ",
    ],
)
def test_a_name_alone_before_a_colon_credits_the_quote(lead: str) -> None:
    article = _article(
        "Carla Mendes, a pollster, wrote about the harbour vote on Monday.",
        f"{lead}“The polls did not fail, they were simply too early to read the harbour.”",
    )
    assert _speakers(extract_offline(article)) == {
        "The polls did not fail, they were simply too early to read the harbour.": "Carla Mendes"
    }


def test_an_inverted_credit_reads_past_of_to_the_name() -> None:
    article = _article(
        "The harbour board met on Monday.",
        "“The first line of defence is the harbour wall,” said former secretary of state "
        "Carla Mendes, who praised the board.",
    )
    assert _speakers(extract_offline(article)) == {
        "The first line of defence is the harbour wall,": "Carla Mendes"
    }


def test_an_inverted_credit_can_end_the_sentence_after_narration() -> None:
    article = _article(
        "The harbour board met on Monday.",
        "“These boards have been setting the table for the harbour vote” in sharp contrast to "
        "earlier years when the parties took on that job, says Dana Ruiz, a political "
        "scientist at the harbour college.",
    )
    assert _speakers(extract_offline(article)) == {
        "These boards have been setting the table for the harbour vote": "Dana Ruiz"
    }


@pytest.mark.parametrize("credit", ["one user wrote.", "another commenter said."])
def test_an_unnamed_user_or_commenter_is_quoted_under_the_description(credit: str) -> None:
    article = _article(
        "The harbour vote drew comments online.",
        f"“It is great fun watching the harbour fight,” {credit}",
    )
    assert _speakers(extract_offline(article)) == {
        "It is great fun watching the harbour fight,": credit.rsplit(" ", 1)[0]
    }


@pytest.mark.parametrize("clause", ["when asked whether", "when asked if", "after being asked if"])
def test_a_clause_after_the_quote_that_only_asks_does_not_hide_the_credit_before_it(
    clause: str,
) -> None:
    article = _article(
        "Carla Mendes toured the harbour on Monday.",
        f"Mendes had earlier said, “We will see about the harbour,” {clause} she would "
        "back the harbour fund.",
    )
    assert _speakers(extract_offline(article)) == {"We will see about the harbour,": "Carla Mendes"}


@pytest.mark.parametrize(
    "lead",
    [
        "Dana Ruiz, co-founder of the Harbour Institute and an advocate of new walls, welcomed ",
        "One early backer, Senator Dana Ruiz, Republican of Maine, gave the plan a try on "
        "Tuesday: ",
    ],
)
def test_a_clause_subject_past_an_apposition_is_the_speaker(lead: str) -> None:
    article = _article(
        "The harbour board met on Monday.",
        f"{lead}“the recognition that we do not have all the walls we need.”",
    )
    assert _speakers(extract_offline(article)) == {
        "the recognition that we do not have all the walls we need.": "Dana Ruiz"
    }


def test_went_on_to_say_before_a_colon_credits_the_quote_in_the_next_paragraph() -> None:
    article = _article(
        "Carla Mendes spoke about the harbour on Monday.",
        "“It is going to be close,” Mendes said. “This is what I am up against.” She went on "
        "to say:",
        "“None of them will come out and support the harbour plan, by the way.”",
    )
    assert _speakers(extract_offline(article)) == {
        "It is going to be close,": "Carla Mendes",
        "This is what I am up against.": "Carla Mendes",
        "None of them will come out and support the harbour plan, by the way.": "Carla Mendes",
    }


@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            "Harbour President Carla Mendes, who also runs the dock union, said contractors "
            "built a cushion into their bids.",
            "“As a builder, he put a lot of people under.”",
        ],
        [
            "Carla Mendes agreed that the harbour was not the flashpoint it is today. “As a "
            "builder, he put a lot of people under.”",
        ],
    ],
)
def test_a_quote_with_no_credit_after_reported_speech_is_the_reporters(
    paragraphs: list[str],
) -> None:
    article = _article("The harbour vote is near.", *paragraphs, "Dana Ruiz spoke later.")
    assert _speakers(extract_offline(article)) == {
        "As a builder, he put a lot of people under.": "Carla Mendes"
    }


def test_a_quote_with_a_credit_of_its_own_is_not_the_reporters() -> None:
    article = _article(
        "Carla Mendes said little about the harbour plan.",
        "“Should there be a registry of every boat?” a reporter can be heard asking after "
        "the event.",
    )
    assert _speakers(extract_offline(article)) == {}


def test_a_quote_after_reported_speech_is_not_given_to_a_name_before_the_pronoun() -> None:
    article = _article(
        "Carla Mendes is running for the harbour board.",
        "Dana Ruiz, a blogger in Dover, said he will not vote for Mendes. Also, Mendes is no "
        "conservative, he said. “She is a liberal through and through!”",
    )
    assert "She is a liberal through and through!" not in _speakers(extract_offline(article))


def test_a_quote_after_reported_speech_ending_in_if_asked_is_not_given_to_a_name_there() -> None:
    article = _article(
        "Carla Mendes and Dana Ruiz are running for the harbour board.",
        "Ruiz distanced himself from the rebels by saying he would help the Mendes board if "
        "asked. “I am going to support her, and support her gladly.”",
    )
    assert _speakers(extract_offline(article)).get(
        "I am going to support her, and support her gladly."
    ) in (None, "Dana Ruiz")


def test_a_name_and_apposition_before_a_preposition_is_no_clause_subject() -> None:
    article = _article(
        "The Harbour Post covered the vote.",
        "The Post sent its “national enterprise reporter” Dana Ruiz, winner of the Harbour "
        "Prize for coverage, into “a living room in western Maine” to watch the vote.",
    )
    assert _speakers(extract_offline(article)) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "In Maine, that comes to 70 boats lost a day, says Dana Ruiz, a harbour expert at the "
        "board.",
        "Harbour board waves Mendes off early vote MORE (Maine) told the Herald in March.",
    ],
)
def test_a_quote_after_reported_speech_goes_only_to_the_name_at_the_verb(sentence: str) -> None:
    article = _article(
        "Carla Mendes leads the harbour board. Maine sued the board on Monday, and Maine "
        "said it would win.",
        f"{sentence} “Boat losses have been very high, and Maine is one of the worst.”",
    )
    speaker = _speakers(extract_offline(article)).get(
        "Boat losses have been very high, and Maine is one of the worst."
    )
    assert speaker in (None, "Dana Ruiz")


# --- ninth session: recall ---------------------------------------------------------------


def test_a_participle_after_an_opening_clause_is_the_named_subject_s() -> None:
    article = _article(
        "The harbour board met on Monday.",
        "Before the vote, Harbour Police Chief Dana Ruiz lobbied to close the pier, "
        "saying, “The fewer boats, the better.”",
    )
    assert _speakers(extract_offline(article)).get("The fewer boats, the better.") == "Dana Ruiz"


@pytest.mark.parametrize(
    ("sentence", "not_speaker"),
    [
        (
            "In responding Friday, Mendes's campaign took the unusual step of criticizing the "
            "police, accusing them of",
            "Carla Mendes",
        ),
        # a pronoun may be anyone the clause names: here not Ruiz
        (
            "At the last debate, she only hinted at Dana Ruiz by mentioning the pier and adding,",
            "Dana Ruiz",
        ),
    ],
)
def test_a_participle_after_an_opening_clause_is_no_owner_s_nor_a_pronoun_s(
    sentence: str, not_speaker: str
) -> None:
    article = _article(
        "Carla Mendes leads the harbour board. Dana Ruiz runs the pier.",
        f"{sentence} “secrecy run amok and worse than ever.”",
    )
    speaker = _speakers(extract_offline(article)).get("secrecy run amok and worse than ever.")
    assert speaker != not_speaker


def test_a_credit_with_four_asides_before_its_verb_names_the_speaker() -> None:
    article = _article(
        "The harbour board polled 500 voters.",
        "“Both candidates for the board scare me,” Dana Ruiz, 30, of Portland, Maine, who "
        "was among those polled, said in a follow-up interview.",
    )
    assert _speakers(extract_offline(article)) == {
        "Both candidates for the board scare me,": "Dana Ruiz"
    }


def test_an_inverted_credit_names_the_person_after_a_role_and_a_lower_case_word() -> None:
    article = _article(
        "Carla Mendes spoke at the harbour rally on Sunday.",
        "Then came the loudest cheer of all: “It's about time that we had a woman running "
        "this harbour,” exhorted Mendes's introducer, actress Dana Ruiz.",
    )
    speaker = _speakers(extract_offline(article)).get(
        "It's about time that we had a woman running this harbour,"
    )
    assert speaker == "Dana Ruiz"


@pytest.mark.parametrize(
    ("credit", "speaker"),
    [
        ("said a senior Mendes adviser.", "a senior Mendes adviser"),
        ("a Harbour Board executive told workers.", "a Harbour Board executive"),
    ],
)
def test_an_unnamed_person_described_by_whom_they_serve_is_quoted_under_the_description(
    credit: str, speaker: str
) -> None:
    article = _article(
        "Carla Mendes runs for the Harbour Board, which fired 40 workers on Monday.",
        f"“That can go a long way toward a good relationship with the pier,” {credit}",
    )
    quote = "That can go a long way toward a good relationship with the pier,"
    assert _speakers(extract_offline(article)).get(quote) == speaker


def test_a_credit_opening_with_a_role_and_a_name_is_read_past_the_verb_window() -> None:
    quote = "We can only wonder whether the board means to reopen the pier to every boat,"
    article = _article(
        "The harbour board voted on Monday.",
        f"“{quote}” harbour board leader Dana Ruiz and Port Authority Director Carla Mendes, "
        "both Republicans, said in a statement.",
    )
    assert _speakers(extract_offline(article)).get(quote) in ("Dana Ruiz", "Carla Mendes")


@pytest.mark.parametrize(
    "aside",
    [
        "author of ''Harbours of the North,''",
        "author of “Harbours of the North,”",
    ],
)
def test_a_title_in_the_aside_before_put_it_does_not_hide_the_speaker(aside: str) -> None:
    quote = "The board should remember that a compromise today may be far better for it."
    mark_open, mark_close = ("''", "''") if aside.startswith("author of ''") else ("“", "”")
    article = _article(
        "The harbour board meets on Monday.",
        f"As Dana Ruiz, professor of law at Bates and {aside} put it, "
        f"{mark_open}{quote}{mark_close}",
    )
    assert _speakers(extract_offline(article)).get(quote) == "Dana Ruiz"


def test_the_described_speaker_again_is_the_one_described_before() -> None:
    article = _article(
        "Carla Mendes runs for the harbour board.",
        "“That can go a long way toward a good relationship with the pier,” said a senior "
        "Mendes adviser.",
        "“I think the fishermen are practical people,” said the senior Mendes adviser.",
    )
    speakers = _speakers(extract_offline(article))
    assert speakers.get("I think the fishermen are practical people,") == "a senior Mendes adviser"


# --- descriptions that refer back (#14, tenth session) --------------------------------


def _actor_aliases(extraction: Extraction, name: str) -> list[str]:
    return next(a.aliases for a in extraction.actors if a.name == name)


def test_an_occupation_after_a_quote_is_the_person_just_quoted() -> None:
    article = _article(
        "The harbour plan will bring jobs to the coast, Dana Ruiz said on Monday.",
        "“First of all, the fishermen have to be heard before anything is built,” the "
        "retired neurosurgeon told a radio station.",
    )
    extraction = extract_offline(article)
    quote = "First of all, the fishermen have to be heard before anything is built,"
    assert _speakers(extraction).get(quote) == "Dana Ruiz"
    assert "the retired neurosurgeon" in _actor_aliases(extraction, "Dana Ruiz")


def test_a_title_and_a_candidacy_after_a_quote_is_the_titled_person() -> None:
    article = _article(
        "Sen. Carla Mendes responded first, ripping into the harbour board late on Tuesday.",
        "“I have been warning for months that the board is run by people who never listen "
        "to the fishermen,” the coastal senator and Liberal presidential candidate said in a "
        "statement.",
    )
    quote = (
        "I have been warning for months that the board is run by people who never listen "
        "to the fishermen,"
    )
    assert _speakers(extract_offline(article)).get(quote) == "Carla Mendes"


def test_a_title_is_not_given_to_someone_the_article_never_gives_it() -> None:
    article = _article(
        "“We know the board does not prepare for these meetings,” Carla Mendes said on Sunday.",
        "The president has repeatedly said the inquiry into the harbour deal is a “rigged "
        "witch hunt” that makes his work harder.",
    )
    assert _speakers(extract_offline(article)).get("rigged witch hunt") != "Carla Mendes"


# --- a crowd's chants (#14, tenth session) --------------------------------------------


def test_a_crowd_chanting_before_a_quote_is_its_speaker() -> None:
    article = _article(
        "Carla Mendes spoke at the harbour on Monday.",
        "As Mendes attacked the board, the attendees chanted, “Close the Pier!” as they had "
        "for earlier speakers.",
    )
    assert _speakers(extract_offline(article)).get("Close the Pier!") == "the attendees"


def test_a_crowd_crying_out_after_a_quote_is_its_speaker() -> None:
    article = _article(
        "Carla Mendes asked who would pay for the new pier.",
        "“Harbour!” the audience screamed back.",
    )
    assert _speakers(extract_offline(article)).get("Harbour!") == "the audience"


def test_a_chant_inside_a_speakers_quotation_does_not_take_the_rest_of_it() -> None:
    article = _article(
        "Dana Ruiz spoke for the mayor on the first night.",
        "She said, “Carla Mendes will rebuild the pier” - at which point the crowd chanted "
        "“Build the pier!” - “and restore order to the harbour and its fishing fleet.”",
    )
    speakers = _speakers(extract_offline(article))
    assert speakers.get("Build the pier!") == "the crowd"
    assert speakers.get("and restore order to the harbour and its fishing fleet.") == "Dana Ruiz"


def test_the_bodys_spokesman_named_before_speaks_not_the_body() -> None:
    article = _article(
        "The leaders of Ruritania and Moldavia met on Friday at the Blue House in Seoul.",
        "“The talks went well,” Blue House spokesman Park Min-soo told a briefing.",
        "Moon said he had raised the issue “in substantial detail,” the Blue House spokesman said.",
    )
    assert _speakers(extract_offline(article)) == {
        "The talks went well,": "Park Min-soo",
        "in substantial detail,": "Park Min-soo",
    }
