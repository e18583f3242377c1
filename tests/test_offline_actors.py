"""Offline actor rules on articles nobody tuned them on (issue #14): main actors kept,
no junk or duplicate actors. Synthetic texts; each test fails without its rule."""

from __future__ import annotations

import pytest

from summarizer import CleanArticle
from summarizer._schema import Actor, Extraction
from summarizer.backends.offline._extract import extract_offline


def _article(*paragraphs: str) -> CleanArticle:
    return CleanArticle(paragraphs=list(paragraphs))


def _names(extraction: Extraction) -> list[str]:
    return [a.name for a in extraction.actors]


def test_a_person_named_in_full_who_never_speaks_is_kept() -> None:
    article = _article(
        "Marta Lindqvist won the primary in a landslide on Tuesday night.",
        "Analysts expect the result to shift the race, and Lindqvist now leads every poll.",
    )
    assert "Marta Lindqvist" in _names(extract_offline(article))


def test_a_capitalised_pair_whose_first_word_the_article_uses_in_lower_case_is_no_person() -> None:
    article = _article(
        "Marta Lindqvist spoke in the capital on Tuesday. Peace Games begin there in May.",
        "Talk of peace filled the stadium, and the Games will draw ten thousand people.",
    )
    names = _names(extract_offline(article))
    assert "Peace Games" not in names


def test_an_acronym_joins_the_organisation_it_abbreviates() -> None:
    article = _article(
        "The Federal Bureau of Investigation opened an inquiry into the contract.",
        "The FBI said the inquiry would take months, and the FBI declined to say more.",
    )
    orgs = [a for a in extract_offline(article).actors if a.type == "organization"]
    assert [a.name for a in orgs] == ["Federal Bureau of Investigation"]
    assert "FBI" in orgs[0].aliases


def test_a_chamber_joins_its_full_name() -> None:
    article = _article(
        "The House of Representatives passed the bill on Friday.",
        "The House will now send it to the president, and the House has adjourned.",
    )
    orgs = [a.name for a in extract_offline(article).actors if a.type == "organization"]
    assert orgs == ["House of Representatives"]


def test_an_organisation_name_with_and_is_not_truncated() -> None:
    article = _article(
        "The Securities and Exchange Commission fined the bank on Monday.",
        "The Securities and Exchange Commission said the fine was the largest this year.",
    )
    names = _names(extract_offline(article))
    assert "Securities and Exchange Commission" in names
    assert "Exchange Commission" not in names


def test_two_organisations_joined_by_and_stay_two() -> None:
    article = _article(
        "The Department of Justice and the Internal Revenue Service opened inquiries.",
        "The Department of Justice said the Internal Revenue Service would lead.",
    )
    names = _names(extract_offline(article))
    assert "Department of Justice" in names
    assert "Internal Revenue Service" in names
    assert not any(" and " in name for name in names)


def test_an_organisation_named_international_is_an_actor() -> None:
    article = _article(
        "Amnesty International said executions rose sharply last year.",
        "Amnesty International counted at least 600 executions in 22 countries.",
    )
    orgs = [a.name for a in extract_offline(article).actors if a.type == "organization"]
    assert orgs == ["Amnesty International"]


def test_chair_is_a_title_not_part_of_a_name() -> None:
    article = _article(
        "SEC Chair Mary Jo White defended the agency's record on Tuesday.",
        "Chair White said the agency had brought more cases than ever.",
    )
    people = [a.name for a in extract_offline(article).actors if a.type == "person"]
    assert people == ["Mary Jo White"]


def test_a_us_state_is_no_person() -> None:
    article = _article(
        "Voters in West Virginia went to the polls on Tuesday, and West Virginia counted fast.",
        "Turnout in Virginia was lower than expected.",
    )
    people = [a.name for a in extract_offline(article).actors if a.type == "person"]
    assert people == []


def test_a_person_owned_by_a_state_or_an_acronym_is_kept() -> None:
    article = _article(
        "On the eve of his meeting with Norway’s Ingrid Solberg, the envoy spoke of trade.",
        "The envoy and Solberg will meet on Monday, as CNN’s Paul Verne first reported.",
        "Verne has covered the talks for a year, and Solberg is expected to speak too.",
    )
    names = _names(extract_offline(article))
    assert "Ingrid Solberg" in names
    assert "Paul Verne" in names


def test_a_surname_that_starts_with_the_given_name_is_kept_whole() -> None:
    article = _article(
        "New Jersey Gov. Chris Christie spoke in Trenton on Monday.",
        '"We will not raise taxes this year or next," Christie said.',
    )
    names = _names(extract_offline(article))
    assert "Chris Christie" in names
    assert "Chris" not in names


def test_a_body_named_after_on_and_a_plural_speaker_are_no_people() -> None:
    article = _article(
        "The Commission on Presidential Debates announced a change to the format.",
        '"The square was full by noon and nobody left," Demonstrators said on Monday.',
    )
    names = _names(extract_offline(article))
    assert "Presidential Debates" not in names
    assert "Demonstrators" not in names


def test_a_writer_named_in_an_apposition_is_a_person() -> None:
    article = _article(
        "Paul Verne, a writer for the local weekly, spent a year in the town.",
        "The town council met on Friday to discuss the new school.",
    )
    assert "Paul Verne" in _names(extract_offline(article))


def test_a_full_name_the_article_repeats_is_kept_though_never_used_alone() -> None:
    article = _article(
        "Odile Brennagh will not attend the hearing, the committee announced on Monday.",
        "The committee had invited Odile Brennagh in March to answer questions on the loan.",
    )
    assert "Odile Brennagh" in _names(extract_offline(article))


def test_a_full_name_after_and_with_a_known_given_name_is_a_person() -> None:
    article = _article(
        "Marta Lindqvist and Donald Okafor are tied in the latest poll of the state.",
        "Lindqvist leads among women, while Okafor leads among men.",
    )
    names = _names(extract_offline(article))
    assert "Donald Okafor" in names
    assert "Marta Lindqvist" in names


def test_the_united_nations_is_an_organisation() -> None:
    article = _article(
        "The United Nations has struggled to raise money for the camps this year.",
        "Donors told the United Nations they would give less than in the past.",
    )
    orgs = [a.name for a in extract_offline(article).actors if a.type == "organization"]
    assert orgs == ["United Nations"]


def test_an_organisation_run_into_a_name_is_cut_off() -> None:
    article = _article(
        "The president chose former ambassador to the United Nations Pavel Ostrander.",
        "Ostrander is known for his hard line on trade.",
    )
    names = _names(extract_offline(article))
    assert "Pavel Ostrander" in names
    assert not any("Nations Pavel" in name for name in names)


def test_a_party_in_front_of_a_name_is_no_part_of_it() -> None:
    article = _article(
        "Republican Donald Okafor and Democrat Marta Lindqvist met on Monday.",
        '"We agreed on nothing," said Republican Donald Okafor.',
        '"It was a start," said Democrat Marta Lindqvist.',
    )
    people = sorted(a.name for a in extract_offline(article).actors if a.type == "person")
    assert people == ["Donald Okafor", "Marta Lindqvist"]


def test_a_state_and_party_is_no_person() -> None:
    article = _article(
        '"The bill is dead," the Kentucky Republican said on Tuesday.',
        '"We will bring it back," said Illinois Democrat Rosa Quintal.',
    )
    people = [a.name for a in extract_offline(article).actors if a.type == "person"]
    assert people == ["Rosa Quintal"]


def test_a_whip_is_a_title_not_part_of_a_name() -> None:
    article = _article(
        "House Majority Whip Steny Hoyer said the vote would be held on Friday.",
        "Hoyer told reporters the votes were there.",
    )
    people = [a.name for a in extract_offline(article).actors if a.type == "person"]
    assert people == ["Steny Hoyer"]


def test_a_title_after_a_full_stop_does_not_take_the_sentence_before() -> None:
    article = _article(
        "The inquiry is led by special counsel Robert Mueller. Senator Mark Warner backs it.",
        "Mueller declined to comment, and Warner said the inquiry must go on.",
    )
    warner = next(a for a in extract_offline(article).actors if a.name == "Mark Warner")
    assert not any("Mueller" in alias for alias in warner.aliases)


def test_one_person_however_the_name_is_spelled() -> None:
    article = _article(
        "Raúl Castro handed power to Miguel Díaz-Canel on Thursday.",
        '"The revolution goes on," Raul Castro said. Díaz-Canel thanked him.',
        '"I will not fail you," Miguel Diaz-Canel said.',
    )
    people = sorted(a.name for a in extract_offline(article).actors if a.type == "person")
    assert len(people) == 2, people


def test_a_surname_spelled_apart_joins_its_full_name() -> None:
    article = _article(
        "Police Commissioner James O’Neill said the blast was intentional.",
        '"We have no evidence of terrorism," O\'Neill said. Mayor Bill de Blasio agreed.',
        '"It was a deliberate act," De Blasio said.',
    )
    people = sorted(a.name for a in extract_offline(article).actors if a.type == "person")
    assert people == ["Bill de Blasio", "James O’Neill"]


def test_a_country_the_lead_names_as_an_object_is_an_actor() -> None:
    article = _article(
        "A senior lawmaker on Monday urged the president to retaliate against Russia for "
        "its interference in the election, calling the hacking an attack on democracy.",
        "The White House has not said what it will do.",
    )
    assert "Russia" in _names(extract_offline(article))


def test_a_country_in_the_lead_only_as_a_place_or_a_qualifier_is_no_actor() -> None:
    article = _article(
        "The two leaders will meet on June 12 in Singapore, U.S. officials said on Friday, "
        "after weeks of talks about the summit and its agenda.",
        "The officials did not say who would attend.",
    )
    names = _names(extract_offline(article))
    assert "Singapore" not in names
    assert "United States" not in names and "U.S." not in names


def test_a_company_named_with_co_is_one_actor_with_its_short_name() -> None:
    article = _article(
        "The regulator grounded nearly 100 Halvorsen Co jets on Monday after the crash.",
        "Halvorsen said it would send a team of engineers to the site.",
    )
    orgs = [a for a in extract_offline(article).actors if a.type == "organization"]
    assert [a.name for a in orgs] == ["Halvorsen Co"]
    assert "Halvorsen" in orgs[0].aliases


def test_a_name_between_commas_after_a_role_is_a_person() -> None:
    article = _article(
        "The defense secretary, Pavel Ostrander, is expected to sign the order this week.",
        "The order follows weeks of talks with the governors of four states.",
    )
    assert "Pavel Ostrander" in _names(extract_offline(article))


def test_a_name_written_family_name_first_is_a_person() -> None:
    article = _article(
        "The president met Pak Sung Chol at the White House for talks on Friday.",
        "Pak handed over a letter from his leader, and the talks ran for two hours.",
    )
    assert "Pak Sung Chol" in _names(extract_offline(article))


def test_a_headline_phrase_is_no_family_name_first() -> None:
    article = _article(
        "Lindqvist Was Headed to ER But Diverted to Avoid Bad Optics.",
        "Marta Lindqvist was headed to an emergency room after she fell ill, aides said.",
        "Lindqvist spoke to reporters about the race on Monday.",
    )
    assert _names(extract_offline(article)) == ["Marta Lindqvist"]


def test_a_word_that_opens_a_sentence_is_no_given_name() -> None:
    article = _article(
        "Donald Okafor sniffed through the debate, and critics noticed.",
        "“Beyond Okafor's finances, there is his health,” said Marta Lindqvist.",
        "“Injecting Okafor into this race was a mistake,” Lindqvist said. Okafor said nothing.",
    )
    people = sorted(a.name for a in extract_offline(article).actors if a.type == "person")
    assert people == ["Donald Okafor", "Marta Lindqvist"]


def test_justice_department_and_department_of_justice_are_one_actor() -> None:
    article = _article(
        "The Department of Justice opened an inquiry into the contract on Monday.",
        "The Justice Department said the inquiry would take months. The DOJ declined to say more.",
    )
    orgs = [a for a in extract_offline(article).actors if a.type == "organization"]
    assert [a.name for a in orgs] == ["Department of Justice"]
    assert {"Justice Department", "DOJ"} <= set(orgs[0].aliases)


def test_a_shared_surname_goes_to_the_person_not_called_by_the_given_name() -> None:
    article = _article(
        "Ivanka Okafor first spoke of paid leave in an interview. Ivanka has pushed it since.",
        "Donald Okafor's new plan for paid leave is vague, experts say.",
        "If Okafor's plan passes, single mothers may be left out, an analyst said.",
    )
    actors = {a.name: a for a in extract_offline(article).actors}
    assert "Okafor" in actors["Donald Okafor"].aliases
    assert "Okafor" not in actors["Ivanka Okafor"].aliases


def test_a_shared_surname_goes_to_the_first_named_when_no_given_name_stands_alone() -> None:
    article = _article(
        "Donald Okafor's new plan for paid leave is vague, experts say.",
        "The plan was first mentioned by Ivanka Okafor in an interview.",
        "Ivanka Okafor has pushed it, and Ivanka Okafor will speak again on Friday.",
        "If Okafor's plan passes, single mothers may be left out, an analyst said.",
    )
    actors = {a.name: a for a in extract_offline(article).actors}
    assert "Okafor" in actors["Donald Okafor"].aliases
    assert "Okafor" not in actors["Ivanka Okafor"].aliases


def test_an_organisation_named_of_x_stops_before_a_title() -> None:
    article = _article(
        "The president lashed out at House of Representatives Speaker Marta Lindqvist.",
        "The House of Representatives passed the bill anyway, and the House adjourned.",
    )
    orgs = [a.name for a in extract_offline(article).actors if a.type == "organization"]
    assert orgs == ["House of Representatives"]


def test_a_named_armed_group_the_article_repeats_is_an_actor() -> None:
    article = _article(
        "More special forces will be sent to the region to fight the Islamic State.",
        "Officials said the Islamic State still holds two towns near the border.",
    )
    groups = [a.name for a in extract_offline(article).actors if a.type == "group"]
    assert groups == ["Islamic State"]


def test_a_person_named_in_full_after_of_a_common_noun_is_kept() -> None:
    article = _article(
        "Hundreds marched through Riverton on Sunday over the death of Daniel Okafor, a teacher.",
        "Okafor, 31, was unarmed when officers stopped his car, and Okafor died at the scene.",
    )
    assert "Daniel Okafor" in _names(extract_offline(article))


def test_a_name_after_of_a_capitalised_word_is_still_no_person() -> None:
    article = _article(
        "The Institute of Ocean Biology opened a new laboratory in the harbour this week.",
        "Biology students will work there, and Biology teachers praised the move.",
    )
    assert not any(a.type == "person" for a in extract_offline(article).actors)


def test_a_plural_nationality_is_no_person() -> None:
    article = _article(
        "The votes of Finnish Americans may decide the race, the pollster said on Monday.",
        "Turnout among Finnish Americans rose sharply, and Americans of every origin voted.",
    )
    assert "Finnish Americans" not in _names(extract_offline(article))


def test_a_repeated_pair_after_of_with_no_known_given_name_or_lone_surname_is_no_person() -> None:
    article = _article(
        "The founder of Harbor Media will close the channel next year, after a costly lawsuit.",
        "The staff of Harbor Media learned of the decision by email on a quiet Monday morning.",
    )
    assert "Harbor Media" not in _names(extract_offline(article))


def test_a_company_named_by_one_word_that_acts_is_an_organisation() -> None:
    article = _article(
        "Zentrix has raised the prices of its phones in Brazil by about 20% after the tariff rise.",
        "Zentrix did not respond to a request for comment. Analysts expect Zentrix to lose sales.",
        "Zentrix makes most of its phones in Malaysia and ships them from there.",
    )
    actors = {a.name: a.type for a in extract_offline(article).actors}
    assert actors.get("Zentrix") == "organization"


def test_a_city_that_acts_is_no_organisation() -> None:
    article = _article(
        "Dunmore has struggled since the plant closed, and the mayor met workers in Dunmore.",
        "Dunmore lost a third of its jobs. Few families moved to Dunmore since the closure.",
        "Dunmore opened a training centre on Monday, officials told local reporters.",
    )
    assert "Dunmore" not in _names(extract_offline(article))


def test_a_person_named_by_the_surname_alone_who_acts_is_a_person() -> None:
    article = _article(
        "Okonkwo has attacked the budget plan, and he thinks the cuts will hurt his district.",
        "Okonkwo promised voters he would fight the plan. Aides to Okonkwo call him angry.",
        "Okonkwo wants a vote before the summer recess, and he hopes to win it on Friday.",
    )
    actors = {a.name: a.type for a in extract_offline(article).actors}
    assert actors.get("Okonkwo") == "person"


def test_an_administration_named_twice_is_an_organisation() -> None:
    article = _article(
        "The Hallworth administration will cut refugee admissions next year, officials said.",
        "Critics accused the Hallworth administration of abandoning allies who had helped troops.",
    )
    actors = {a.name: a.type for a in extract_offline(article).actors}
    assert actors.get("Hallworth administration") == "organization"


def test_an_administration_named_once_that_acts_is_an_actor() -> None:
    opening = "Refugee numbers fell sharply this year as the crowded camps across the whole region emptied."
    acting = _article(
        opening,
        "Aid groups say the camps are quieter. The Hallworth administration announced limits.",
    )
    passing = _article(
        opening,
        "Aid groups say the camps are quieter than at any time since the Hallworth administration.",
    )
    assert "Hallworth administration" in _names(extract_offline(acting))
    assert "Hallworth administration" not in _names(extract_offline(passing))


def test_a_full_name_before_an_adverb_and_a_verb_is_its_subject() -> None:
    article = _article(
        "Turnout was the highest in a generation, with long queues outside most polling places.",
        "Officials counted ballots through the night, and the result came in before dawn.",
        "In the last race, Peter Brennholt quickly conceded the seat to his rival.",
    )
    assert "Peter Brennholt" in _names(extract_offline(article))


def test_a_speaker_whose_aside_names_a_city_and_state_is_kept() -> None:
    article = _article(
        "Turnout was the highest in a generation, with long queues outside most polling places.",
        "Officials counted ballots through the night, and the result came in before dawn.",
        "Ann Brody, a retired teacher from Dayton, Ohio, said the wait was worth it.",
    )
    assert "Ann Brody" in _names(extract_offline(article))


def test_the_administration_is_the_one_administration_the_article_names() -> None:
    opening = "Refugee numbers fell sharply this year as the crowded camps across the whole region emptied."
    article = _article(
        opening,
        "Aid groups say the camps are quieter than at any time since the Hallworth administration.",
        "Critics say the administration has no plan for the winter, and aid groups agree with them.",
    )
    assert "Hallworth administration" in _names(extract_offline(article))


def test_names_in_a_list_that_all_or_both_follows_are_its_subjects() -> None:
    article = _article(
        "Turnout was the highest in a generation, with long queues outside most of the polling places.",
        "Officials counted the ballots through the night, and the result came in well before dawn.",
        "The field is split, with Peter Brennholt, Anna Kowal and Maria Lund all wanting a recount.",
    )
    names = _names(extract_offline(article))
    assert {"Peter Brennholt", "Anna Kowal", "Maria Lund"} <= set(names)


def test_a_body_opening_a_pair_that_acts_is_an_actor() -> None:
    article = _article(
        "Turnout was the highest in a generation, with long queues outside most of the polling places.",
        "Officials counted the ballots through the night, and the result came in well before dawn.",
        "Norway and Chile have signed a pact to share fishing data for the next ten years.",
    )
    names = _names(extract_offline(article))
    assert "Norway" in names


def test_a_party_and_its_members_are_one_actor() -> None:
    article = _article(
        "Republicans blocked the spending plan on Tuesday, and the GOP says it will not back down.",
        "The GOP wants deeper cuts, and Republicans have vowed to keep the plan from a vote.",
    )
    actors = {a.name: a for a in extract_offline(article).actors}
    assert "GOP" not in actors
    assert "GOP" in actors["Republicans"].aliases


def test_a_party_in_a_chamber_named_twice_is_a_group() -> None:
    article = _article(
        "Congressional Democrats rejected the spending plan on Tuesday after a long meeting.",
        "The plan needs votes from congressional Democrats to pass the Senate this month.",
    )
    actors = {a.name: a.type for a in extract_offline(article).actors}
    assert actors.get("Congressional Democrats") == "group"


def test_a_person_named_once_in_passing_late_in_the_article_is_left_out() -> None:
    late = _article(
        "Marta Lindqvist won the primary in a landslide on Tuesday night, her aides announced.",
        "Lindqvist now leads every poll in the state, and her rivals have conceded the race.",
        "Turnout was the highest in a generation, with long queues outside most polling places.",
        "Nothing like it has happened since 1972, Oskar Brennholt said after the count ended.",
    )
    lead = _article(
        "Marta Lindqvist won the state primary in a landslide on Tuesday night, Oskar Brennholt said.",
        "Lindqvist now leads every poll in the state, and her rivals have conceded the race.",
    )
    assert "Oskar Brennholt" not in _names(extract_offline(late))
    assert "Oskar Brennholt" in _names(extract_offline(lead))


def test_a_full_name_that_qualifies_a_noun_is_a_person_when_the_surname_stands_alone() -> None:
    article = _article(
        "Volunteers for the Bernie Vollmar campaign knocked on doors across the county on Sunday.",
        "Vollmar trails in the polls, but Vollmar has drawn large crowds of young voters.",
    )
    assert "Bernie Vollmar" in _names(extract_offline(article))


def test_a_capitalised_pair_after_the_is_no_person_however_often_it_recurs() -> None:
    article = _article(
        "Crews prepared the Harbor Festival grounds all week before the opening on Friday.",
        "Visitors at Harbor Festival events can park for free near the old pier on Saturday.",
    )
    assert "Harbor Festival" not in _names(extract_offline(article))


def test_a_known_given_name_the_article_also_writes_in_lower_case_still_starts_a_person() -> None:
    article = _article(
        "The Senate passed the farm bill on Friday, and the bill now goes to the president.",
        "Bill Harwood, who wrote most of the bill, celebrated with staff. Harwood is retiring.",
    )
    assert "Bill Harwood" in _names(extract_offline(article))


def test_a_group_the_headline_names_and_the_body_repeats_is_an_actor() -> None:
    body = (
        "Voters in Vantor County waited up to five hours to cast a ballot in the March primary.",
        "The complaint, backed by Democrats across the state, asks a judge for more polling places.",
        "A hearing is set for May, and lawyers for Democrats expect a ruling before the election.",
    )
    titled = CleanArticle(title="Democrats to sue over voting lines", paragraphs=list(body))
    title_line = _article("Democrats to sue over voting lines.", *body)
    assert "Democrats" in _names(extract_offline(titled))
    assert "Democrats" in _names(extract_offline(title_line))
    # A party named twice is an actor headline or not (seventh session); a group the article
    # describes, named twice, is one only when a headline names it too.
    described = tuple(b.replace("Democrats", "immigrants") for b in body)
    assert "immigrants" in _names(extract_offline(_article("Immigrants to sue.", *described)))
    assert "immigrants" not in _names(extract_offline(_article(*described)))


def test_an_organisation_whose_head_is_also_a_stop_word_keeps_its_whole_name() -> None:
    article = _article(
        "Forest Rights Watch said on Monday that logging had doubled in the reserve last year.",
        "Forest Rights Watch wants the government to suspend every permit issued since 2020.",
    )
    actors = _names(extract_offline(article))
    assert "Forest Rights Watch" in actors
    assert "Forest Rights" not in actors


def test_a_surname_with_d_apostrophe_is_one_name() -> None:
    article = _article(
        "The author Dinesh D’Almeda predicted on Monday who would win the next election.",
        "D’Almeda told the host that he was making a film about the campaign.",
    )
    assert "Dinesh D’Almeda" in _names(extract_offline(article))


def test_a_father_is_not_merged_into_his_son_junior() -> None:
    article = _article(
        "The inquiry could soon reach Harold Brandt directly, or members of his family.",
        "Harold Brandt Jr met the lawyers in June. Brandt has denied any wrongdoing.",
        "After two years of the Harold Brandt presidency, Harold Brandt Jr is a rising star.",
    )
    names = _names(extract_offline(article))
    assert "Harold Brandt" in names
    assert "Harold Brandt Jr" in names


def test_a_one_word_body_named_in_a_person_s_title_is_still_an_actor() -> None:
    article = _article(
        "FHVA has budgeted up to $12 billion for the farm aid package, officials said on Monday.",
        "FHVA Secretary Tim Okoro argued that the plan was fair. FHVA announced it in July.",
        "Farm groups said FHVA structured the plan badly, and FHVA declined to comment.",
    )
    assert "FHVA" in _names(extract_offline(article))


def test_a_platform_on_the_stop_list_is_an_actor_where_it_acts() -> None:
    article = _article(
        "Twitter removed 7,000 accounts on Monday, and Twitter said more removals would follow.",
        "Critics say Twitter acted too late. Twitter declined to say how the accounts were found.",
        "Share on Facebook",
    )
    names = _names(extract_offline(article))
    assert "Twitter" in names
    assert "Facebook" not in names


def test_a_camel_case_company_name_is_one_word() -> None:
    article = _article(
        "NewsHive published a story on Monday about the lawyer and the president.",
        "NewsHive stood by the story. Lawyers disputed what NewsHive published.",
        "NewsHive released the documents later that day.",
    )
    assert "NewsHive" in _names(extract_offline(article))


def test_a_person_of_an_organisation_is_the_speaker_and_not_part_of_its_name() -> None:
    article = _article(
        "Voters in the north were turned away on Sunday, observers said after the election.",
        "“Their vote did not count,” said Kate Marlow of the Regional Analysts Network, who "
        "watched the vote.",
    )
    extraction = extract_offline(article)
    names = _names(extraction)
    assert not any(" of the " in name for name in names)
    assert [q.speaker for q in extraction.quotes] == ["Kate Marlow"]


def test_a_name_with_jr_and_the_same_name_cut_from_it_are_one_person() -> None:
    article = _article(
        "Chief Justice Arthur P. Wendell Jr. wrote the opinion, which Arthur P. Wendell Jr. read.",
        "Mr. Wendell said the law was clear. Wendell was appointed in 2005.",
    )
    people = [a for a in extract_offline(article).actors if a.type == "person"]
    assert len(people) == 1


def test_a_full_name_with_a_known_given_name_in_the_lead_sentence_is_a_person() -> None:
    article = _article(
        "The Green candidate Jill Varga said on Monday that she would not endorse Donald Brisco "
        "in the race for governor this autumn.",
        "Varga told supporters the party would run its own campaign across the state.",
    )
    assert "Donald Brisco" in _names(extract_offline(article))


def test_a_group_named_five_times_is_an_actor_though_it_never_acts() -> None:
    article = _article(
        "American diplomats will stand with leaders of the Taliban in Doha on Saturday to sign "
        "the agreement.",
        "Troops are to leave within months, depending on the Taliban meeting the conditions.",
        "A ceremony with the Taliban at a lodge was called off last year after new Taliban attacks.",
        "Critics doubt that the Taliban commitments will hold once the troops are gone.",
    )
    assert "Taliban" in _names(extract_offline(article))


def test_a_full_name_named_once_as_a_verb_s_subject_is_kept() -> None:
    article = _article(
        "The city council approved the new budget on Tuesday after a long debate over "
        "school funding and roads.",
        "Council members said the plan would add two hundred teachers and repair three "
        "bridges over the next year.",
        "Carol Wexley has backed the plan from the start, and the mayor's office praised "
        "the vote as a fair compromise.",
    )
    assert "Carol Wexley" in _names(extract_offline(article))


def test_a_reporter_credited_at_the_end_is_no_actor() -> None:
    article = _article(
        "The city council approved the new budget on Tuesday after a long debate over "
        "school funding and roads.",
        "Council members said the plan would add two hundred teachers and repair three "
        "bridges over the next year.",
        "Carol Wexley contributed to this report.",
    )
    assert "Carol Wexley" not in _names(extract_offline(article))


def test_a_capitalised_word_before_a_known_given_name_is_no_part_of_the_name() -> None:
    article = _article(
        "The city council approved the new budget on Tuesday after a long debate over "
        "school funding and roads.",
        "Rival Carol Wexley had mocked the plan on Wednesday. Wexley said the vote was rushed.",
        "The mayor thanked Carol Wexley for her work.",
    )
    names = _names(extract_offline(article))
    assert "Carol Wexley" in names
    assert not any(n.startswith("Rival") for n in names)


def test_a_word_the_article_writes_in_lower_case_is_no_part_of_a_name_after_it() -> None:
    article = _article(
        "The city council approved the new budget on Tuesday after a long debate over "
        "school funding and roads.",
        "The veteran comedian was booed. Comedian Carol Wexley had mocked the plan on "
        "Wednesday. Wexley said the vote was rushed.",
    )
    names = _names(extract_offline(article))
    assert "Carol Wexley" in names


def test_a_title_line_makes_no_person_and_hides_no_surname() -> None:
    article = _article(
        "Nora Ardmore on Tuesday attacked Pete Wexley for a report on his website, saying "
        "the story was false and reckless.",
        "Ardmore Blasts Wexley, Turns Away from Harbor Board",
        "Ardmore said Wexley had never called her. Wexley did not respond.",
    )
    actors = extract_offline(article).actors
    assert sorted(a.name for a in actors) == ["Nora Ardmore", "Pete Wexley"]
    assert all(a.aliases for a in actors)  # "Ardmore", "Wexley"


def test_a_full_name_in_a_title_line_names_the_person_the_body_calls_by_surname() -> None:
    article = _article(
        "Donald Wexley Praises Harbor Plan",
        "The governor on Tuesday praised the harbor plan after a long debate over the "
        "costs of dredging the port.",
        "Wexley said the plan would bring jobs. Wexley spoke for an hour.",
    )
    assert "Donald Wexley" in _names(extract_offline(article))


def test_a_title_word_after_a_known_given_name_is_a_surname() -> None:
    article = _article(
        "The panel heard Nancy Judge on Tuesday about the budget and the coming election "
        "in the fall.",
        "Judge told the panel the plan was rushed. Nancy Judge has chaired the board for years.",
    )
    assert "Nancy Judge" in _names(extract_offline(article))


def test_an_acronym_after_the_acts_as_an_organisation() -> None:
    article = _article(
        "The ATU-CWA endorsed the senator on Tuesday after a long debate among its member "
        "unions about the trade deal.",
        "The ATU-CWA said the endorsement would bring volunteers. The ATU-CWA has two "
        "million members.",
    )
    assert "ATU-CWA" in _names(extract_offline(article))


def test_a_group_that_acts_in_the_present_is_an_actor() -> None:
    article = _article(
        "The tax bill reached the floor on Tuesday after a long debate over rates and "
        "credits for families.",
        "Democrats want a larger credit for families with children.",
    )
    assert "Democrats" in _names(extract_offline(article))


def _aliases(extraction: Extraction, name: str) -> list[str]:
    return next(a.aliases for a in extraction.actors if a.name == name)


def test_a_surname_after_a_closing_quotation_mark_stands_alone() -> None:
    article = _article(
        "Rep. Carol Wexley, who leads the panel, spoke on Tuesday about the budget and "
        "the coming election.",
        "“We will meet again, and we will fix it with Bernie Sanders,” Wexley said.",
    )
    assert "Wexley" in _aliases(extract_offline(article), "Carol Wexley")


def test_a_surname_after_a_sentence_opening_said_stands_alone() -> None:
    article = _article(
        "“It is hard to avoid,” said Paul Wexley, a tax consultant who advises the panel "
        "on the budget.",
        "Said Wexley: “I do not get the sense the plan will pass.”",
    )
    assert "Wexley" in _aliases(extract_offline(article), "Paul Wexley")


def test_a_known_given_name_used_alone_is_an_alias() -> None:
    article = _article(
        "Carol Wexley toured the port on Tuesday after a long debate over dredging "
        "costs in the city.",
        "Critics say Carol has never explained the plan, and Wexley declined to comment.",
    )
    assert "Carol" in _aliases(extract_offline(article), "Carol Wexley")


def test_given_names_common_in_us_politics_are_known() -> None:
    article = _article(
        "The city council approved the new budget on Tuesday after a long debate over "
        "school funding and roads.",
        "Council members said the plan would add two hundred teachers and repair three "
        "bridges over the next year.",
        "Mitt Wexley has backed the plan from the start, and Cheryl Brandt has opposed it.",
    )
    names = _names(extract_offline(article))
    assert "Mitt Wexley" in names
    assert "Cheryl Brandt" in names


def test_an_owner_s_name_names_the_owner_not_a_new_actor() -> None:
    article = _article(
        "Prime Minister Carol Wexley met the union leaders on Tuesday after a long dispute "
        "over port wages.",
        "Prime Minister Carol Wexley’s spokesman made the limits clear: “Firms may wish to "
        "seek legal advice before they trade with the port.”",
    )
    assert _names(extract_offline(article)) == ["Carol Wexley"]


_TWO_PROSE_PARAGRAPHS = (
    "The city council approved the new budget on Tuesday after a long debate over "
    "school funding and roads.",
    "Council members said the plan would add two hundred teachers and repair three "
    "bridges over the next year.",
)


def test_a_person_introduced_by_a_role_word_such_as_predecessor_is_kept() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "The mayor said the plan undid the work of his predecessor Carla Brandt, who had "
        "closed two schools.",
    )
    assert "Carla Brandt" in _names(extract_offline(article))


def test_a_person_named_once_who_speaks_after_an_aside_is_kept() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "Pavel Brandt, the head of the teachers' union, said in an interview that the "
        "plan was a good start.",
    )
    assert "Pavel Brandt" in _names(extract_offline(article))


def test_a_person_named_once_inside_a_quotation_is_no_actor() -> None:
    article = _article(
        "Mayor Carla Brandt defended the new budget on Tuesday after a long debate over "
        "school funding and roads.",
        "“This is the chair of Mayor Pavel Wexley and Mayor Otto Lind,” Brandt said.",
    )
    assert _names(extract_offline(article)) == ["Carla Brandt"]


def _actor(extraction: Extraction, name: str) -> tuple[str, list[str]] | None:
    found = [a for a in extraction.actors if a.name == name]
    return (found[0].type, found[0].aliases) if found else None


def test_a_described_group_that_acts_is_a_group_actor_under_its_fullest_form() -> None:
    article = _article(
        "Anti-government protesters blocked the main bridge of Velmora on Monday.",
        "The protesters said they would stay until the cabinet resigned.",
    )
    assert _actor(extract_offline(article), "anti-government protesters") == (
        "group",
        ["protesters"],
    )


def test_a_described_group_named_once_is_no_actor() -> None:
    article = _article(
        "The mayor of Velmora said on Monday that the budget would be cut by a tenth.",
        "Some lawmakers want more time, the mayor said, but the vote is set for Friday.",
    )
    assert "lawmakers" not in _names(extract_offline(article))


def test_a_shorter_form_is_no_alias_of_several_groups() -> None:
    article = _article(
        "Velmoran troops crossed the river on Monday, and Ostrian troops fell back.",
        "Velmoran troops said they held the bridge; Ostrian troops said they did not.",
        "The troops have been fighting for a month.",
    )
    extraction = extract_offline(article)
    assert _actor(extraction, "Velmoran troops") is None  # not a listed nationality
    article = _article(
        "Russian troops crossed the river on Monday, and Turkish troops fell back.",
        "Russian troops said they held the bridge; Turkish troops said they did not.",
        "The troops have been fighting for a month.",
    )
    extraction = extract_offline(article)
    assert _actor(extraction, "Russian troops") == ("group", [])
    assert _actor(extraction, "Turkish troops") == ("group", [])


def test_a_group_a_name_qualifies_is_no_new_group() -> None:
    article = _article(
        "Velmora Front fighters attacked a checkpoint on Monday, the army said.",
        "The fighters withdrew at dawn, and the army said the fighters lost ten men.",
    )
    assert "fighters" not in _names(extract_offline(article))


def test_a_group_another_word_names_is_one_actor() -> None:
    article = _article(
        "Gunmen stormed a hotel in Velmora on Saturday, killing a guard.",
        "Soldiers cornered the attackers on the top floor, and the attackers surrendered.",
    )
    extraction = extract_offline(article)
    assert _actor(extraction, "gunmen") == ("group", ["attackers"])
    assert "attackers" not in _names(extraction)


def test_a_bare_head_before_the_fuller_phrase_is_not_that_group() -> None:
    article = _article(
        "The president rattled allies on Monday by calling the trade bloc a foe.",
        "His remarks alarmed some NATO allies, who said the alliance was at risk.",
        "NATO allies met in Brussels on Tuesday to discuss the remarks.",
    )
    extraction = extract_offline(article)
    found = _actor(extraction, "NATO allies")
    assert found is not None
    assert "allies" not in found[1]


def test_a_described_group_only_acted_upon_in_a_tension_cue_is_no_actor() -> None:
    article = _article(
        "The general said on Monday that there had been no attacks on foreign forces in the"
        " northern provinces this week.",
        "He met the minister on Tuesday to discuss the foreign forces in the region.",
    )
    assert "foreign forces" not in _names(extract_offline(article))


def test_someones_troops_are_no_group_of_their_own() -> None:
    article = _article(
        "The two generals said on Monday that their troops would stay in the valley all winter.",
        "Both said their troops had held the pass, and the talks resume in March.",
    )
    assert "troops" not in _names(extract_offline(article))


def test_a_described_group_before_a_singular_verb_is_not_its_subject() -> None:
    article = _article(
        "The senator said on Monday that the claim he backs illegal immigrants is false.",
        "He said the bill would not give illegal immigrants a pathway to citizenship.",
    )
    assert "immigrants" not in _names(extract_offline(article))


def test_a_described_group_after_a_preposition_is_not_its_subject() -> None:
    article = _article(
        "The mayor met the council on Monday to talk about the budget for the harbour.",
        "Advocates say the worries they hear from migrants are growing, and the talks"
        " with migrants continue.",
    )
    assert "migrants" not in _names(extract_offline(article))
    article = _article(
        "The mayor met the council on Monday to talk about the budget for the harbour.",
        "Opponents of taking in migrants have backed the plan, and the talks with migrants"
        " continue.",
    )
    assert "migrants" not in _names(extract_offline(article))


def test_a_described_group_acting_only_inside_a_quotation_is_not_its_subject() -> None:
    article = _article(
        "The mayor spoke to supporters at a rally on Monday evening in the harbour town.",
        "“Smugglers are ruining this town,” he said. He promised to act against smugglers.",
    )
    assert "smugglers" not in _names(extract_offline(article))


def test_a_described_group_in_the_lead_as_a_prepositions_object_is_no_actor() -> None:
    lead = (
        "The agency on Monday published a long review of its performance on refugees and on trade."
    )
    article = _article(lead, "The review of refugees runs to 300 pages, the agency said.")
    assert "refugees" not in _names(extract_offline(article))
    called = _article(
        "The cleric on Monday called for lawmakers to withdraw their support from the cabinet"
        " of the prime minister.",
        "The constitution gives lawmakers no clear procedure, the cleric's office said.",
    )
    assert "lawmakers" in _names(extract_offline(called))


def test_a_body_cited_as_a_source_once_is_an_actor() -> None:
    # in the opening paragraphs; cited once after them it is a citation
    # (`test_a_body_cited_once_for_a_fact_after_the_opening_is_no_actor`)
    article = _article(
        _TWO_PROSE_PARAGRAPHS[0],
        "The city holds a third of the state's teachers, according to the Brandt Center "
        "for Education Research.",
    )
    assert "Brandt Center for Education Research" in _names(extract_offline(article))


def test_an_outlet_that_reports_is_an_actor() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "The Lakeside Courier first reported the plan on Monday, and the mayor's office "
        "confirmed it.",
        "The figures were published by The Valley Ledger Journal.",
        "WKXL reported that the vote was close.",
    )
    names = _names(extract_offline(article))
    assert "Lakeside Courier" in names
    assert "Valley Ledger Journal" in names
    assert "WKXL" in names


def test_a_moderator_or_an_actress_named_with_the_role_is_a_person() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "Moderator Zorvan Kettle asked the mayor about the plan, and actress Quilla Brandt "
        "praised it.",
    )
    names = _names(extract_offline(article))
    assert "Zorvan Kettle" in names
    assert "Quilla Brandt" in names


def test_a_body_whose_spokeswoman_speaks_is_an_actor() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "A spokeswoman for the Kettle Foundation, which runs two schools, said the plan was sound.",
    )
    assert "Kettle Foundation" in _names(extract_offline(article))


def test_a_person_whose_spokesman_speaks_is_no_name_in_passing() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "A spokesman for Donald Brandt (R-Ohio), who chairs the panel, said the plan was sound.",
    )
    assert "Donald Brandt" in _names(extract_offline(article))


def test_a_source_s_name_may_hold_on_but_not_a_day_after_it() -> None:
    article = _article(
        _TWO_PROSE_PARAGRAPHS[0],
        "The plan is sound and will cost less than last year's, according to the Commission "
        "on Kettle Debates.",
        "The Valley Times on Saturday reported that the vote was close.",
    )
    names = _names(extract_offline(article))
    assert "Commission on Kettle Debates" in names
    assert "Valley Times on" not in names


def test_a_source_s_name_may_hold_for_a() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "The Committee for a Sound Kettle Budget reported that the plan would cost more.",
    )
    assert "Committee for a Sound Kettle Budget" in _names(extract_offline(article))


def test_an_outlet_whose_name_holds_a_title_word_is_an_actor() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "The mayor won 40 of the 52 wards, according to a count by The Associated Press.",
    )
    assert "Associated Press" in _names(extract_offline(article))


def test_a_source_phrase_makes_no_actor_of_a_qualifier_or_a_chamber_s_member() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "The budget grew by a tenth, according to Harbor Board figures.",
        "A reporter for the Lakeside Courier said the vote was close.",
    )
    names = _names(extract_offline(article))
    assert "Harbor Board" not in names
    assert "Lakeside Courier" not in names


def test_an_outlet_s_acronym_joins_its_full_name() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "The Lakeside News Agency carried the mayor's statement.",
        "“We will build the bridges first,” LNA quoted the mayor as saying.",
    )
    orgs = [a for a in extract_offline(article).actors if a.type == "organization"]
    assert [a.name for a in orgs] == ["Lakeside News Agency"]


def test_a_party_named_after_its_members_in_one_chamber_is_that_group() -> None:
    body = (
        "House Democrats opened an inquiry on Monday into the contracts of the defence ministry.",
        "House Democrats said hearings begin in May. Democrats are waging a fight over records.",
    )
    actors = {a.name: a.aliases for a in extract_offline(_article(*body)).actors}
    assert actors.get("House Democrats") == ["Democrats"]
    assert "Democrats" not in actors
    first = ("Democrats won the state on Monday, and the party's leaders met in the capital.",)
    actors = {a.name: a.aliases for a in extract_offline(_article(*first, *body)).actors}
    assert "Democrats" in actors  # named first, the party is the party


def test_a_party_whose_members_two_chambers_name_stays_the_party() -> None:
    article = _article(
        "House Democrats and Senate Democrats opened an inquiry on Monday into the ministry.",
        "House Democrats said hearings begin in May; Senate Democrats agreed. Democrats are"
        " waging a fight.",
    )
    names = _names(extract_offline(article))
    assert {"House Democrats", "Senate Democrats", "Democrats"} <= set(names)


def test_a_person_with_an_owner_s_role_in_an_apposition_is_a_person() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "Zorvan Kettle, his chief of staff, urged calm. Quilla Brandt, Kettle's deputy chief "
        "of staff, sent a statement.",
    )
    names = _names(extract_offline(article))
    assert "Zorvan Kettle" in names
    assert "Quilla Brandt" in names


def test_a_one_word_body_named_after_from_or_via_is_an_actor() -> None:
    article = _article(
        "KettleLeaks released the files on Monday, a week after the vote in the capital.",
        "The files came via KettleLeaks, and Quorvex, a company, passed them to reporters.",
        "Quorvex denied any wrongdoing. Critics noted the files from Quorvex were old.",
        "KettleLeaks published more on Friday. Quorvex declined to comment.",
    )
    actors = {a.name: a.type for a in extract_offline(article).actors}
    assert actors.get("KettleLeaks") == "organization"  # a name, not a plural "s"
    assert actors.get("Quorvex") == "organization"


def test_a_party_named_twice_is_an_actor_though_it_never_acts() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "The plan drew scorn from Democrats, and the mayor sent a letter to the council.",
        "Among Democrats, only two backed it. Families near the port were divided as well.",
    )
    assert "Democrats" in _names(extract_offline(article))


def test_a_described_group_named_three_times_is_no_actor_for_that_alone() -> None:
    article = _article(
        "The mayor of Quorvale unveiled a plan for the port on Tuesday, a week after the vote.",
        "The plan drew scorn from immigrants, and the mayor sent a letter to immigrants in "
        "the harbour.",
        "Among immigrants, only two backed it. Families near the port were divided as well.",
    )
    assert "immigrants" not in _names(extract_offline(article))


def test_a_full_name_in_the_opening_paragraphs_is_a_person_though_only_an_object() -> None:
    article = _article(
        "The council of Quorvale rejected the port plan on Tuesday after a long and angry debate.",
        "The vote handed a defeat to Laura Quixley and her allies, who had backed the plan for "
        "years, and the mayor was treated at Walter Reed afterwards.",
        "The council will meet again in May to discuss the budget and the harbour.",
    )
    names = _names(extract_offline(article))
    assert "Laura Quixley" in names
    assert "Walter Reed" not in names  # a place


def test_every_name_in_a_list_that_is_a_verb_s_subject_acts() -> None:
    article = _article(
        *_TWO_PROSE_PARAGRAPHS,
        "Later the mayor spoke. Laura Quixley, Mark Brandt and Susan Kettleby have all "
        "attacked the plan as a waste.",
    )
    names = _names(extract_offline(article))
    assert {"Laura Quixley", "Mark Brandt", "Susan Kettleby"} <= set(names)


def test_a_party_named_once_in_the_opening_as_a_noun_of_its_own_is_an_actor() -> None:
    article = _article(
        "The mayor of Quorvale unveiled a plan for the port on Tuesday, a week after the vote.",
        "The plan is meant to resettle nervous Democrats, and the mayor sent a letter to the "
        "council.",
        "Families near the port were divided as well, and a vote is due in May.",
    )
    assert "Democrats" in _names(extract_offline(article))


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade talks with Norway and Chile have stalled over fishing data this year.",  # object
        "“Norway and Chile have signed nothing,” the minister told reporters on Friday.",  # quoted
    ],
)
def test_a_body_opening_a_pair_after_a_preposition_or_in_a_quotation_is_no_actor(
    sentence: str,
) -> None:
    article = _article(
        "Turnout was the highest in a generation, with long queues outside most of the polling places.",
        "Officials counted the ballots through the night, and the result came in well before dawn.",
        sentence,
    )
    assert "Norway" not in _names(extract_offline(article))


def test_a_committee_named_without_its_chamber_is_the_chamber_s_committee() -> None:
    article = _article(
        "The House Intelligence Committee subpoenaed the contractor on Monday.",
        "The Intelligence Committee said the records were overdue, and the "
        "Intelligence Committee will meet again in May.",
    )
    actors = extract_offline(article).actors
    names = [a.name for a in actors]
    assert "Intelligence Committee" not in names
    assert "Intelligence Committee" in next(
        a.aliases for a in actors if a.name == "House Intelligence Committee"
    )


@pytest.mark.parametrize("long", ["Democratic Senate", "Republican-led Senate", "Brannigan Senate"])
def test_a_body_qualified_by_a_party_or_a_person_is_the_body(long: str) -> None:
    article = _article(
        "Mary Brannigan urged the Senate to pass the bill on Monday, and the Senate agreed.",
        f"Critics said the {long} had waited too long. The {long} rejected that.",
    )
    names = _names(extract_offline(article))
    assert long not in names
    assert "Senate" in names


def test_a_body_named_without_what_follows_its_of_is_that_body() -> None:
    article = _article(
        "The Lindqvist Institute for Coastal Studies published a report on Monday.",
        "The Lindqvist Institute said sea levels rose, and the Lindqvist Institute "
        "warned that towns must plan now.",
    )
    names = _names(extract_offline(article))
    assert "Lindqvist Institute" not in names
    assert "Lindqvist Institute for Coastal Studies" in names


def test_a_name_does_not_run_on_through_and_the() -> None:
    article = _article(
        "Mary Lindqvist and the Harbor Commission have denied the claims, the report said.",
        "The Harbor Commission said it would appeal. Lindqvist declined to comment.",
    )
    names = _names(extract_offline(article))
    assert "Mary Lindqvist and the Harbor Commission" not in names
    assert {"Mary Lindqvist", "Harbor Commission"} <= set(names)


@pytest.mark.parametrize("state", ["U.S.", "United States"])
def test_a_us_body_is_also_named_without_the_state(state: str) -> None:
    article = _article(
        f"The {state} Court of Federal Claims ruled against the contractor on Monday.",
        f"The {state} Court of Federal Claims said the contract was void.",
    )
    actors = extract_offline(article).actors
    assert [a.name for a in actors] == [f"{state} Court of Federal Claims"]
    assert "Court of Federal Claims" in actors[0].aliases


def test_a_us_body_and_its_name_without_the_state_are_one_actor() -> None:
    article = _article(
        "The United States Senate voted on Monday to block the sale of the jets.",
        "The Senate said the sale would harm the region, and the Senate will vote again.",
    )
    assert _names(extract_offline(article)) == ["United States Senate"]


def test_a_foreign_country_named_three_times_is_a_party_though_it_never_acts() -> None:
    article = _article(
        "Mary Lindqvist spoke on Monday about the new dam in a long speech to farmers.",
        "Critics blame Estonia for the delays at the border crossing near the dam.",
        "Water from the dam flows to farms downstream in the valley.",
        "She wants a deal with Estonia, she said, and better ties with Estonia.",
    )
    assert "Estonia" in _names(extract_offline(article))


def test_a_foreign_country_named_as_a_place_or_the_united_states_is_no_party() -> None:
    article = _article(
        "Mary Lindqvist spoke on Monday about the new dam in a long speech to farmers.",
        "Critics blame the United States for the delays at the border near the dam.",
        "Water from the dam flows to farms downstream in Estonia and the United States.",
        "Talks on the dam are planned in Estonia, she said, in Estonia's capital, and she "
        "wants a deal with the United States.",
    )
    names = _names(extract_offline(article))
    assert "Estonia" not in names
    assert "United States" not in names


def test_a_party_name_joins_the_chamber_members_its_members_name_was_folded_into() -> None:
    article = _article(
        "Senate Democrats blocked the bill on Tuesday in a vote along party lines.",
        "The vote was a win for the Democratic Party, which had fought the bill for months, "
        "and Democrats said they would block it again.",
    )
    actors = extract_offline(article).actors
    assert [a.name for a in actors] == ["Senate Democrats"]
    assert "Democratic Party" in actors[0].aliases


@pytest.mark.parametrize("qualifier", ["Mainstream", "Other"])
def test_party_members_with_a_qualifier_are_the_party_group_not_a_person(qualifier: str) -> None:
    # A state is no such qualifier: "Iowa Republicans" are a group of their own
    # (test_a_states_party_members_are_a_group_of_their_own_beside_the_party).
    article = _article(
        "Republicans met in Des Moines on Monday to choose a nominee for the governor race.",
        f"{qualifier} Republicans said the vote would be close. Republicans have not lost "
        "the seat since 1998.",
        "The winner will face a hard race in November, and Republicans expect to win.",
    )
    actors = extract_offline(article).actors
    assert [(a.name, a.type) for a in actors] == [("Republicans", "group")]


def _named_actor(extraction: Extraction, name: str) -> Actor | None:
    return next((a for a in extraction.actors if a.name == name), None)


def test_a_company_named_in_full_once_then_by_its_first_word_is_one_actor() -> None:
    article = _article(
        "Mr. Okafor's biggest bet, Brandvik Pharmaceuticals International, has cost him dearly.",
        "Brandvik has lost half its value this year. Brandvik was spurned by a rival in May.",
        "Investors who followed him into Brandvik lost money, and analysts said Brandvik "
        "would need a new chief executive.",
    )
    actor = _named_actor(extract_offline(article), "Brandvik Pharmaceuticals International")
    assert actor is not None and "Brandvik" in actor.aliases


def test_a_city_first_word_of_a_body_is_no_alias_of_it() -> None:
    article = _article(
        "The Tarnow Police Department said on Tuesday that an officer had been suspended.",
        "The shooting happened in Tarnow, and protesters marched in downtown Tarnow.",
        "Tarnow, a city of 40,000, has seen three protests. Tarnow's mayor asked for calm.",
    )
    actor = _named_actor(extract_offline(article), "Tarnow Police Department")
    assert actor is not None and "Tarnow" not in actor.aliases


def test_a_person_named_after_a_role_and_a_comma_before_the_body_they_serve() -> None:
    article = _article(
        "Senator Ruth Okonjo criticised the ruling on Tuesday, a day after it was handed down "
        "by the federal court in the capital.",
        "Okonjo added that she would speak again on Friday, when the Senate returns from its "
        "two-week recess.",
        "Her office said she had written to the chief justice, asking for a review of the case.",
        "Okonjo said the criticism of the judge, Ilkka V. Halvorsen of United States District "
        "Court, was unfair.",
    )
    assert "Ilkka V. Halvorsen" in _names(extract_offline(article))


@pytest.mark.parametrize("verb", ["withdrew", "upheld", "froze"])
def test_a_body_that_acts_in_an_irregular_past_tense_is_an_actor(verb: str) -> None:
    article = _article(
        "Rep. Dale Hamsun refused to quit the race on Tuesday, a day after his remarks.",
        "Hamsun apologized for his comments.",
        f"The National Senatorial Fund {verb} its support on Tuesday.",
    )
    assert "National Senatorial Fund" in _names(extract_offline(article))


@pytest.mark.parametrize(
    "body",
    ["Border Patrol", "Ostrava Legislature", "Sierra Club", "Peace Corps", "Chamber of Commerce"],
)
def test_a_body_named_by_a_patrol_legislature_club_corps_or_chamber_is_an_organisation(
    body: str,
) -> None:
    article = _article(
        f"Senator Ruth Okonjo praised the {body} on Tuesday, a day after its report on the "
        "border was published.",
        f"Okonjo has long backed the {body}, and she will meet its leaders in May.",
    )
    assert body in _names(extract_offline(article))


def test_a_person_of_a_body_who_speaks_is_no_body_of_that_name() -> None:
    article = _article(
        '"These are strange days," said Peter Holmgren, a lawyer for the Sierra Club, who '
        "has challenged the plan in court.",
        '"It was the least bad outcome," Mr. Holmgren of the Sierra Club said.',
    )
    names = _names(extract_offline(article))
    assert "Holmgren of the Sierra Club" not in names
    assert "Sierra Club" in names


def test_a_body_that_opens_its_sentence_and_speaks_after_an_aside_is_an_actor() -> None:
    article = _article(
        "Senator Ruth Okonjo said on Tuesday that the vote would go ahead as planned.",
        "Okonjo added that she had the votes to pass the measure by the end of the week.",
        "The Velmora Teachers Federation, which represents most educators, said the vote "
        "was close.",
    )
    assert "Velmora Teachers Federation" in _names(extract_offline(article))


def test_a_body_a_persons_role_names_before_an_aside_does_not_speak() -> None:
    article = _article(
        "Senator Ruth Okonjo said on Tuesday that the vote would go ahead as planned.",
        "Okonjo added that she had the votes to pass the measure by the end of the week.",
        "Tomas Berg, president of the Velmora Teachers Federation, which represents "
        "educators, said the vote was close.",
    )
    assert "Velmora Teachers Federation" not in _names(extract_offline(article))


def test_a_surname_before_jr_standing_alone_is_the_persons_alias() -> None:
    article = _article(
        "Fourteen years after the robbery, John Tallqvist Jr., 41, was put to death on Friday.",
        "Tallqvist made a final statement before the switch was flipped.",
        "Prison officials said Tallqvist made no request.",
        "Tallqvist was scheduled to die Wednesday.",
    )
    actor = next(a for a in extract_offline(article).actors if a.name.startswith("John"))
    assert "Tallqvist" in actor.aliases


@pytest.mark.parametrize("dotted", ["I.R.S.", "F.B.I.", "E.P.A."])
def test_a_dotted_acronym_names_the_body_as_the_plain_one_does(dotted: str) -> None:
    article = _article(
        f"The {dotted} apologized on Friday for its handling of the Kestrel Fund case.",
        f"Marta Lindqvist said the {dotted} had made mistakes, and the {dotted} agreed.",
    )
    assert dotted in _names(extract_offline(article))


def test_a_dotted_acronym_joins_the_name_it_abbreviates() -> None:
    article = _article(
        "The Securities and Exchange Commission sued Kestrel Partners on Friday.",
        "Marta Lindqvist said the S.E.C. had no case, and the S.E.C. declined to comment.",
    )
    actors = extract_offline(article).actors
    assert "S.E.C." not in [a.name for a in actors]
    body = next(a for a in actors if a.name == "Securities and Exchange Commission")
    assert "S.E.C." in body.aliases


def test_a_dotted_gop_is_no_body_of_its_own() -> None:
    article = _article(
        "The G.O.P. gathered in Tampa on Monday, and Republicans cheered Marta Lindqvist.",
        "Republicans said the G.O.P. would win, and Lindqvist agreed with the G.O.P.",
    )
    assert "G.O.P." not in _names(extract_offline(article))


def test_a_sheriff_before_a_name_is_a_title_not_part_of_it() -> None:
    article = _article(
        "Sheriff Arvo Kallas said on Monday that his deputies would keep patrolling the border.",
        "The county board sued the office on Tuesday.",
    )
    assert "Arvo Kallas" in _names(extract_offline(article))


def test_the_officer_who_speaks_stays_an_unnamed_speaker() -> None:
    article = _article(
        "Marta Lindqvist, a county official, said the board would meet.",
        "A second officer backed her account. In an email, the officer said that "
        "“the order never came, and we waited for hours.”",
    )
    quotes = extract_offline(article).quotes
    assert [q.speaker for q in quotes] == ["the officer"]


def test_a_party_group_named_once_that_acts_is_an_actor() -> None:
    article = _article(
        "Republican lawmakers criticized the Kestrel plan on Monday, saying it raised taxes.",
        "Gov. Marta Lindqvist said the plan was fair.",
    )
    assert "Republican lawmakers" in _names(extract_offline(article))


def test_a_party_group_named_once_beside_the_party_is_its_alias() -> None:
    article = _article(
        "Republicans said on Monday that they would block the Kestrel plan.",
        "Republican lawmakers criticized it, saying it raised taxes.",
        "Gov. Marta Lindqvist said Republicans were wrong.",
    )
    actors = extract_offline(article).actors
    assert "Republican lawmakers" not in [a.name for a in actors]
    party = next(a for a in actors if a.name == "Republicans")
    assert "Republican lawmakers" in party.aliases


def test_a_hyphenated_company_name_with_a_lower_case_part_is_one_word() -> None:
    article = _article(
        "Kestrel-fil-A said on Monday that it would stop donating to the groups.",
        "Kestrel-fil-A has drawn protests in Boston and Chicago.",
        "Mayor Marta Lindqvist said Kestrel-fil-A values are not Chicago values.",
    )
    assert "Kestrel-fil-A" in _names(extract_offline(article))


@pytest.mark.parametrize(
    "line",
    [
        "Marta Lindqvist spoke at a Martin Luther King Jr. celebration in Columbia on Monday.",
        "Labor Day is barely over, and the race is tight. This year, Labor Day is a speed bump.",
    ],
)
def test_a_holiday_or_a_suffix_is_no_person(line: str) -> None:
    article = _article(line, "Marta Lindqvist said the crowd was large.")
    assert all("Lindqvist" in name for name in _names(extract_offline(article)))


@pytest.mark.parametrize(
    "line",
    [
        "“The race is close,” said Kestrel spokesman Arvo Kallas.",
        "Arvo Kallas, a doctor who advised the governor, said Obamacare so far has been a success.",
    ],
)
def test_a_body_before_a_role_or_a_law_is_no_lone_speaker(line: str) -> None:
    article = _article(line, "Marta Lindqvist said the ads would run in Nevada.")
    names = _names(extract_offline(article))
    assert "Kestrel" not in names and "Obamacare" not in names


def test_a_name_in_an_s_possessive_written_with_a_bare_apostrophe_is_whole() -> None:
    # "Sen. Jeff Sessions’ column": the possessive of a name ending in s, written with
    # the apostrophe alone, ends the name there; it used to cut the name to "Jeff".
    article = _article(
        "Voters have drifted since the primary, as Sen. Marta Lindquists’ column put it.",
        "Analysts expect the result to shift the race, as Lindquists’ allies predicted.",
    )
    names = _names(extract_offline(article))
    assert "Marta Lindquists" in names
    assert "Marta" not in names


_CITED = (
    "Marta Lindqvist won the primary in a landslide on Tuesday night, and her rivals conceded "
    "before midnight.",
    "Analysts expect the result to shift the race, and Lindqvist now leads every poll taken "
    "since the spring.",
    "Turnout rose to 61 percent, the highest in two decades, according to the Kestrel Voting "
    "Institute.",
)


def test_a_body_cited_once_for_a_fact_after_the_opening_is_no_actor() -> None:
    # "according to the National Golf Foundation": a citation, not one of the story's actors
    names = _names(extract_offline(_article(*_CITED)))
    assert "Marta Lindqvist" in names
    assert "Kestrel Voting Institute" not in names


def test_a_body_cited_and_named_again_stays_an_actor() -> None:
    article = _article(
        *_CITED, "The Kestrel Voting Institute said it would audit the count in every county."
    )
    assert "Kestrel Voting Institute" in _names(extract_offline(article))


def test_a_body_a_spokesman_speaks_for_stays_an_actor() -> None:
    article = _article(
        *_CITED[:2],
        "Turnout rose to 61 percent, said Dana Kell, a spokeswoman for the Kestrel Voting "
        "Institute.",
    )
    assert "Kestrel Voting Institute" in _names(extract_offline(article))


_PEOPLES_LEAD = (
    "Marta Lindqvist opened her campaign in Tampa on Tuesday with a promise to fight for "
    "families across the state.",
)


def test_a_people_the_story_keeps_naming_is_a_group_actor() -> None:
    article = _article(
        *_PEOPLES_LEAD,
        "Latinos make up a quarter of the state's voters, and Lindqvist has courted Latinos "
        "since the spring.",
        "Polls show Latinos split on her plan, though Latinos under 30 back it by a wide margin.",
    )
    actor = next((a for a in extract_offline(article).actors if a.name == "Latinos"), None)
    assert actor is not None and actor.type == "group"


def test_a_people_named_in_passing_is_no_actor() -> None:
    article = _article(
        *_PEOPLES_LEAD,
        "Her plan would help Latinos and Catholics alike, her aides said, and Latinos backed "
        "her in the primary.",
    )
    names = _names(extract_offline(article))
    assert "Latinos" not in names
    assert "Catholics" not in names


def test_a_people_a_quote_is_given_to_stays_its_speaker() -> None:
    article = _article(
        *_PEOPLES_LEAD,
        'Lamenting the long campaign, Catholics in the city often say, "Pray for rain and '
        'vote early."',
    )
    extraction = extract_offline(article)
    assert "Catholics" in _names(extraction)
    assert any(q.speaker == "Catholics" for q in extraction.quotes)


def test_a_full_name_without_its_middle_name_is_the_same_person() -> None:
    # "Hillary Clinton" beside "Hillary Rodham Clinton": one person, not two
    article = _article(
        "Marta Kestrel Lindqvist won the primary in a landslide on Tuesday night, and her "
        "rivals conceded before midnight.",
        "Analysts expect the result to shift the race, and Lindqvist now leads every poll.",
        "Marta Lindqvist said the result showed that voters wanted change in the capital.",
    )
    actors = [a for a in extract_offline(article).actors if "Lindqvist" in a.name]
    assert [a.name for a in actors] == ["Marta Kestrel Lindqvist"]
    assert "Marta Lindqvist" in actors[0].aliases
