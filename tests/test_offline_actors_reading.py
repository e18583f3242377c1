"""Offline actor rules found by reading tuning articles outside the dev suite (issue #14,
evals/reading/actor-reading.tsv): main actors the rules dropped, junk they kept. Synthetic
texts; each test fails without its rule."""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer.backends.offline._extract import extract_offline
from tests._offline import offline_actors as _actors


def _names(*paragraphs: str) -> list[str]:
    return [a.name for a in _actors(*paragraphs)]


def test_a_body_named_with_the_us_qualifier_is_an_organisation() -> None:
    names = _names(
        "The U.S. Navy relieved the captain of the carrier on Thursday after his letter leaked.",
        "The officer had asked for faster help for his crew, and officials said he erred.",
    )
    assert "U.S. Navy" in names


def test_a_body_named_with_and_without_the_us_qualifier_is_one_actor() -> None:
    actors = _actors(
        "The U.S. Senate voted on Tuesday to block the sale of arms to the kingdom.",
        "The Senate will vote again next week, and the Senate leader expects to win.",
    )
    orgs = [a for a in actors if a.type == "organization"]
    assert [a.name for a in orgs] == ["U.S. Senate"]
    assert "Senate" in orgs[0].aliases


def test_a_one_word_name_ending_in_s_is_an_organisation_when_it_is_no_plural() -> None:
    names = _names(
        "WikiLeaks published the emails in July, weeks before the convention opened.",
        "Prosecutors allege that WikiLeaks got them from hackers. WikiLeaks has denied that.",
        "The founder of WikiLeaks lives in an embassy, and WikiLeaks released a statement.",
    )
    assert "WikiLeaks" in names


def test_a_name_after_a_speech_verb_that_has_its_subject_is_no_lone_speaker() -> None:
    names = _names(
        "State television said Mangkhut, which forecasters called the king of storms, "
        "triggered surges three metres high.",
        "Mangkhut left two dead in the south, and the state broadcaster said more may die.",
    )
    assert "Mangkhut" not in names


def test_a_lone_name_after_a_quotation_and_a_speech_verb_is_a_speaker() -> None:
    names = _names(
        "The council voted on Tuesday to close the old bridge to traffic for a year.",
        "“We had no choice, the bridge is unsafe,” said Vitter, who chairs the council.",
    )
    assert "Vitter" in names


def test_a_name_after_the_common_noun_it_names_is_no_lone_speaker() -> None:
    names = _names(
        "Tropical storm Mangkhut continued on its destructive path along the coast on Sunday, "
        "leaving dozens dead in its wake.",
        "Officials in the province ordered boats back to harbour as the storm neared the city.",
    )
    assert "Mangkhut" not in names


def test_a_body_the_headline_names_and_the_story_keeps_naming_is_an_actor() -> None:
    article = CleanArticle(
        title="UFTW to endorse Lindqvist",
        paragraphs=[
            "The UFTW political committee's recommendation on Friday should end most of the "
            "division within the labour movement about this year's contest.",
            "Approval is a foregone conclusion when the UFTW general board meets in June.",
            "Several unions held off on their own endorsements, and the UFTW's endorsement "
            "will likely draw complaints from members.",
        ],
    )
    assert "UFTW" in [a.name for a in extract_offline(article).actors]


def test_a_place_the_headline_names_as_a_qualifier_is_no_actor() -> None:
    article = CleanArticle(
        title="Benghazi report sparks a new row in the House",
        paragraphs=[
            "The Benghazi committee released its final report on Tuesday after two years of "
            "hearings and interviews with officials.",
            "Democrats called the Benghazi inquiry a waste of money, and the Benghazi panel's "
            "chairman rejected that charge at once.",
            "Aides said the Benghazi files would be made public by the end of the week.",
        ],
    )
    assert "Benghazi" not in [a.name for a in extract_offline(article).actors]


def test_a_state_named_by_its_adjective_and_government_is_that_state() -> None:
    actors = _actors(
        "The Turkish government accused a college professor of plotting last month's failed "
        "coup, and a manhunt is under way.",
        "The professor denied the charge. The Turkish government declared him a leader of "
        "the plot on Friday.",
    )
    assert [(a.name, a.type) for a in actors if "Turkish" in a.name] == [
        ("Turkish government", "country")
    ]


def test_a_state_named_and_named_by_its_government_is_one_actor() -> None:
    actors = _actors(
        "A manhunt is under way in Turkey for a professor accused of plotting last month's "
        "failed coup against the president.",
        "The Turkish government declared him a leader of the plot, and Turkey has asked "
        "for his arrest abroad.",
    )
    turkey = [a for a in actors if a.name == "Turkey"]
    assert turkey and "Turkish government" in turkey[0].aliases


def test_a_state_whose_military_speaks_acts() -> None:
    names = _names(
        "For the second time in a week the North fired short-range missiles, according to "
        "officials in the region who follow the launches closely.",
        "South Korea's military said the missiles flew about 260 miles before landing at sea.",
    )
    assert "South Korea" in names


def test_reporters_named_only_in_the_credit_lines_are_no_actors() -> None:
    names = _names(
        "Marta Lindqvist attacked her rival's record on housing on Tuesday, telling union "
        "workers in the capital that he had profited from the crash.",
        "Her rival shot back in a statement, and Lindqvist's lead in the polls held firm.",
        "Berglund reported from the capital. Associated Press writer Jonas Kwiatek "
        "contributed from the coast.",
        "On Twitter follow Anna Berglund https://twitter.com/aberglund.",
    )
    assert "Anna Berglund" not in names
    assert "Jonas Kwiatek" not in names
    assert "Marta Lindqvist" in names


def test_a_place_word_is_no_lone_speaker() -> None:
    names = _names(
        "North Korea fired two short-range missiles on Thursday, its second launch in less "
        "than a week, officials in the region said.",
        "The test was convincing evidence of new capabilities, 38 North said in a post on its "
        "website devoted to the region.",
    )
    assert "North" not in names


def test_a_full_name_that_speaks_for_a_body_named_after_of_is_a_person() -> None:
    names = _names(
        "Tax reform faces a deeply uncertain future whoever controls the White House and "
        "Congress next year, as plans keep collapsing.",
        "The last attempt collapsed at once, as so often in the past, when those who fared "
        "worse under the plan outshouted the rest.",
        "Some experts have urged party leaders to turn away from rate-slashing plans.",
        "“Big tax cuts do not work in an age of high inequality and heavy debt,” Peter "
        "Berglund of the Nordic Policy Institute wrote recently.",
    )
    assert "Peter Berglund" in names


def test_prosecutors_who_act_are_a_group() -> None:
    names = _names(
        "Federal prosecutors say the former campaign chairman tried to tamper with two "
        "witnesses in the fraud case against him.",
        "The prosecutors asked a judge on Monday to revoke his bail, and the prosecutors "
        "filed text messages as evidence.",
    )
    assert any("prosecutors" in n for n in names)


def test_a_person_the_registry_missed_is_added_once_and_a_held_form_is_not_added() -> None:
    from summarizer._text import layout
    from summarizer.backends.offline._names import Registry

    registry = Registry(layout("Maria Lopez met the mayor on Monday.\n\nShe left early."))
    held = next(e for e in registry.people() if e.name == "Maria Lopez")
    assert registry.add_person("Maria Lopez") is held  # no second Maria Lopez
    where = ((1, 0), 3)
    first = registry.add_person("the announcer", where)
    assert registry.add_person("the announcer", where) is first
    assert first.mentions == [where]
    assert registry.added == {"the announcer": first}
    assert sum(e is first for e in registry.entities) == 1


def test_farmers_a_story_is_about_are_a_group_actor() -> None:
    actors = _actors(
        "Talks on the trade pact could hurt U.S. farmers who sell grain to Canada.",
        "One grower said he hopes the deal will support U.S. farmers who struggle to earn.",
        "U.S. farmers are fighting to keep their exports, and they want the talks to end.",
    )
    assert [a.type for a in actors if a.name == "U.S. farmers"] == ["group"]


def test_a_group_named_by_its_state_and_by_the_state_adjective_is_one_actor() -> None:
    actors = _actors(
        "The ministry said U.S. farmers may never win back the market they lost this year.",
        "American farmers are losing buyers, the official said, and U.S. farmers are angry.",
        "American farmers say the aid the government offers will not make up the loss.",
    )
    groups = [a for a in actors if a.name.endswith("farmers")]
    assert [a.name for a in groups] == ["U.S. farmers"]
    assert "American farmers" in groups[0].aliases


def test_a_storm_named_after_its_noun_is_no_actor() -> None:
    names = _names(
        "Tropical storm Koinu hit the southern coast on Sunday, killing two people.",
        "Koinu brought down power lines across the province, officials said.",
        "Koinu is the tenth storm this year, and it weakened as it moved inland.",
    )
    assert "Koinu" not in names


def test_a_ship_named_after_its_noun_is_no_person() -> None:
    names = _names(
        "The Navy relieved the captain of the aircraft carrier Harold Pemberton on Friday.",
        "Sailors on the Harold Pemberton said the captain had warned of the outbreak.",
        "The Harold Pemberton is docked in port while the crew is tested.",
    )
    assert "Harold Pemberton" not in names


def test_a_one_word_name_always_after_the_is_no_person() -> None:
    names = _names(
        "Diplomats held secret talks on helping him flee last year, the Clarion has learned.",
        "In an interview with the Clarion, the envoy said he had no role in the talks.",
        "Logs the Clarion obtained show that he met the envoy twice at his embassy.",
        "The Clarion first reported the plan, and the envoy denied it.",
    )
    assert "Clarion" not in names


def test_hong_kong_only_as_a_place_is_no_actor() -> None:
    names = _names(
        "The typhoon battered the coast on Sunday after skirting 60 miles from Hong Kong.",
        "As the storm passed Hong Kong, winds smashed windows in the city.",
        "Waves hit the shore in Hong Kong, and officials said more rain would follow.",
    )
    assert "Hong Kong" not in names


def test_a_company_after_the_word_carrier_is_still_an_actor() -> None:
    # "carrier" names a ship only as "aircraft carrier"; an airline or a phone company is
    # "the carrier Delta", "the wireless carrier Verizon"
    names = _names(
        "The wireless carrier Verizon sued T-Mobile on Monday over its coverage ads.",
        "Verizon said the ads had cost it thousands of subscribers.",
        "T-Mobile said it would fight the lawsuit, and Verizon has filed two similar suits.",
    )
    assert "Verizon" in names


def test_a_given_name_before_a_middle_initial_is_no_alias() -> None:
    actors = _actors(
        "Eric Trump said Donald Trump gave his charity a large gift.",
        "Records show Trump gave through his Donald J. Trump Foundation, not his own cash.",
        "The Donald J. Trump Foundation gave $50,000 in 2008, and Trump did not answer.",
    )
    donald = next(a for a in actors if a.name == "Donald Trump")
    assert "Donald" not in donald.aliases


def test_a_newspapers_masthead_gives_its_country_no_alias() -> None:
    actors = _actors(
        "USA TODAY",
        "The United States charged the lobbyist on Friday with hiding his income for years.",
        "The United States says he owes millions, and it seized his accounts last week.",
    )
    us = next(a for a in actors if a.type == "country")
    assert "USA" not in [us.name, *us.aliases]


def test_the_name_after_a_long_title_in_an_inverted_credit_is_the_speaker() -> None:
    names = _names(
        "The union federation will endorse the senator next week, officials said.",
        "“We had to face the trade record,” said United Brewery Workers Secretary-Treasurer "
        "Gary Castell.",
        "The federation's board meets on Thursday.",
    )
    assert "Gary Castell" in names
    assert not any(n.endswith("Secretary-Treasurer") for n in names)


def test_a_city_body_named_after_a_saint_keeps_the_saint() -> None:
    names = _names(
        "The St. Paul City Council voted on Wednesday to condemn the candidate's plan.",
        "The vote was unanimous, and the mayor backed the resolution.",
    )
    assert "St. Paul City Council" in names


def test_police_who_act_are_a_group_actor() -> None:
    names = _names(
        "A girl was pepper-sprayed outside the rally on Tuesday, police said.",
        "Police said the girl was sprayed by a bystander, and police arrested a man later.",
        "The rally went ahead after the crowd left.",
    )
    assert "police" in names


def test_police_before_a_role_noun_are_no_group() -> None:
    names = _names(
        "Anna Berg criticized police officer Karl Olsen on Tuesday for the shooting.",
        "The police chief defended Olsen, and the police department opened an inquiry.",
    )
    assert "police" not in names


def test_a_place_named_like_a_person_is_no_actor() -> None:
    names = _names(
        "Reporters waited outside Halvorsen Tower on Monday as the candidate met donors.",
        "Protesters gathered at Halvorsen Tower, and police closed the street.",
        "The candidate left Halvorsen Tower in the evening without speaking.",
    )
    assert "Halvorsen Tower" not in names


def test_a_candidates_campaign_named_twice_is_an_organisation() -> None:
    actors = _actors(
        "The Harlow campaign argued in a filing that the lawsuit had no merit, said Dana Harlow.",
        "Critics said the filing was weak. The Harlow campaign is expected to appeal on Monday.",
    )
    campaign = [a for a in actors if a.name == "Harlow campaign"]
    assert [a.type for a in campaign] == ["organization"]
    assert "Dana Harlow" in [a.name for a in actors]


def test_a_campaign_named_once_counts_when_the_headline_names_it() -> None:
    article = CleanArticle(
        title="Harlow Campaign Scrambles for Votes in Ohio",
        paragraphs=[
            "Dana Harlow toured the state on Friday as polls tightened in the suburbs.",
            "Supporters said the Harlow campaign is worried about turnout among young voters.",
        ],
    )
    assert "Harlow campaign" in [a.name for a in extract_offline(article).actors]


def test_a_campaign_that_only_qualifies_a_role_or_a_thing_is_no_actor() -> None:
    names = _names(
        "Harlow campaign chairman Paul Vance met donors on Friday, said Dana Harlow.",
        "Harlow campaign officials said the Harlow campaign events drew large crowds.",
    )
    assert "Harlow campaign" not in names


def test_mr_and_mrs_with_one_surname_are_two_people() -> None:
    actors = _actors(
        "The economy under Bill Clinton is a theme of the race, and Hillary Clinton embraced it.",
        "Asked whether Mr. Clinton would hold a cabinet post, Mrs. Clinton shook her head.",
        "Mrs. Clinton said later that Mr. Clinton would advise her on jobs.",
    )
    aliases = {a.name: a.aliases for a in actors}
    assert "Mrs. Clinton" in aliases["Hillary Clinton"]
    assert "Mrs. Clinton" not in aliases["Bill Clinton"]
    assert "Mr. Clinton" in aliases["Bill Clinton"]


def test_mr_is_never_a_woman_named_in_full() -> None:
    actors = _actors(
        "Mr. Obama is rolling out a more personal message, his advisers said on Saturday.",
        "The campaign plans to employ Mr. Obama and the first lady, Michelle Obama, in Ohio.",
    )
    michelle = next(a for a in actors if a.name == "Michelle Obama")
    assert "Mr. Obama" not in michelle.aliases
    assert any("Mr. Obama" in [a.name, *a.aliases] for a in actors if a is not michelle)


def test_a_body_followed_by_an_irregular_past_verb_acts() -> None:
    names = _names(
        "If House Republicans thought they were helping the mayor by releasing the memos, "
        "they might want to think again.",
        "The memos show a mayor throwing his weight around in his first days in office.",
    )
    assert "House Republicans" in names


def test_donors_who_act_are_a_group_actor() -> None:
    names = _names(
        "More than 100 Republican donors gathered at a hotel on Friday for a presentation.",
        "Several of the donors left dissatisfied, saying the governor had no plan to win.",
    )
    assert "Republican donors" in names


def test_a_campaign_named_once_outside_the_headline_is_no_actor() -> None:
    names = _names(
        "The Harlow campaign argued in a filing that the lawsuit had no merit, said Dana Harlow.",
        "Critics said the filing was weak, and the judge is expected to rule on Monday.",
    )
    assert "Dana Harlow" in names
    assert "Harlow campaign" not in names


def test_a_woman_called_ms_and_the_surname_takes_no_quote_of_the_man_named_in_full() -> None:
    article = CleanArticle(
        paragraphs=[
            "Donald Trump claimed the nomination on Tuesday in Cleveland, and Mr. Trump "
            "thanked the delegates.",
            "His wife spoke on Monday, and Ms. Trump's speech drew praise from the crowd.",
            '"We will win in November," said a beaming Mr. Trump.',
        ]
    )
    quotes = extract_offline(article).quotes
    assert [q.speaker for q in quotes] == ["Donald Trump"]


def test_a_wife_the_lexicon_cannot_sex_by_her_given_name_takes_no_mr() -> None:
    # "his first wife, Ivana Trump" is no "Mr. Trump": her role says her gender where her
    # given name is not in the lexicon, so the man named in full keeps his quote.
    article = CleanArticle(
        paragraphs=[
            "Donald J. Vole once praised the governor at a rally in the capital on Friday night.",
            "“The state is thriving,” Mr. Vole told reporters on Monday before the vote.",
            "His first wife, Zorya Vole, declined to comment on the plan that week.",
        ]
    )
    extraction = extract_offline(article)
    actors = {a.name: a.aliases for a in extraction.actors}
    assert "Mr. Vole" in actors["Donald J. Vole"]
    assert "Mr. Vole" not in actors["Zorya Vole"]
    assert [q.speaker for q in extraction.quotes] == ["Donald J. Vole"]


def test_a_surname_two_people_share_is_an_alias_of_the_one_the_story_is_about() -> None:
    # "Clinton" for Hillary and Bill Clinton: an alias names one actor (ANNOTATION.md), so
    # the bare surname stays only with the one the article names far more often.
    actors = {
        a.name: a.aliases
        for a in _actors(
            "Susan Quill won the primary on Tuesday, and Mrs. Quill thanked supporters.",
            "“We did it together,” Mrs. Quill said. Quill will face the governor in November.",
            "Mrs. Quill has campaigned for months, and Mrs. Quill said she would not rest.",
            "Her husband, John Quill, joined her on stage. Mr. Quill said little.",
            "Quill later told reporters that Mrs. Quill would govern from the center.",
        )
    }
    assert "Quill" in actors["Susan Quill"]
    assert "Quill" not in actors["John Quill"]


def test_a_surname_that_names_a_man_called_mr_is_no_alias_of_the_woman_named_in_full() -> None:
    # "Mr. Obama" (the president, never named in full) and "Michelle Obama": the bare
    # surname left to the woman named in full was her alias, though it is his name.
    actors = {
        a.name: a.aliases
        for a in _actors(
            "President Vole urged voters on Saturday to turn out, and Mr. Vole called staying "
            "home an insult.",
            "“Our progress is on the ballot,” Mr. Vole said at the dinner in Washington.",
            "The first lady, Michelle Vole, has campaigned as well, and Vole years brought "
            "change, aides said.",
        )
    }
    assert "Vole" not in actors["Michelle Vole"]


def test_each_state_of_a_list_that_is_a_verbs_subject_acts() -> None:
    # "France, Germany and Britain, which have been trying", "Russia and China insist":
    # every name of the list acts, not only the pair's first; not the objects of "from",
    # nor the states a colon lists, nor a word run into a name ("Liberals Elena Kagan").
    names = _names(
        "Iran rejected the demands on Monday, and its foreign minister called them a sham.",
        "The speech was aimed at France, Germany and Britain, which have been trying to keep "
        "the deal alive.",
        "Russia and China insist they will keep trading with Tehran, while Peru, Chile and "
        "Canada want talks.",
        "Diplomats from Brazil, India and Mexico are expected to meet in Vienna. Support "
        "rose in four countries: Cuba, Ghana and Liberia. It fell elsewhere.",
    )
    assert {"France", "Germany", "Britain", "Russia", "China", "Peru", "Chile"} <= set(names)
    assert not {"Brazil", "India", "Mexico", "Cuba", "Ghana", "Liberia"} & set(names)


def test_a_states_party_members_are_a_group_of_their_own_beside_the_party() -> None:
    # "Nevada Democrats ruled against them": the state's party acts in the story, a group
    # beside the national party, not a form of it nor a person (c48b378 folded it in).
    actors = {
        a.name: a
        for a in _actors(
            "Democrats pressed Bernie Sanders on Monday to rein in his backers after a "
            "chaotic convention.",
            "Senator Harry Reid said he had spoken with Sanders about threats made after "
            "Nevada Democrats ruled against them.",
            "Democrats fear the fight will hurt the party in the fall, Reid said.",
        )
    }
    assert actors["Nevada Democrats"].type == "group"
    assert actors["Nevada Democrats"].aliases == []
    assert "Nevada Democrats" not in actors["Democrats"].aliases
