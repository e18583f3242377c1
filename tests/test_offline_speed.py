"""The offline rules' speed-ups change no output: a compiled-pattern cache or a cheap test
in front of a pattern answers as the pattern does, and nothing one article leaves in a
cache changes another article's briefing. (The cost itself is measured by
`benchmarks/offline_cpu.py`, the identity of outputs by `scripts/offline_digest.py`.)"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from collections import Counter

import pytest

from summarizer import CleanArticle
from summarizer._text import (
    _ABBREVIATION,
    _COUNTRY_FORMS,
    _MARK,
    DOUBLE_MARKS,
    FOLDS_TO_ASCII,
    Paragraph,
    WordPattern,
    _abbreviated,
    _unify_countries,
    fold_accents,
    layout,
    literal_spans,
    normalize,
    one_letter_apart,
    sub_span,
)
from summarizer.backends.offline._extract import (
    _DEBRIS,
    _headline,
    _is_debris,
    extract_offline,
    lead_summary,
)
from summarizer.backends.offline._lexicon import (
    AFTER_A_NOUN,
    GROUP_MODIFIERS,
    GROUP_SYNONYMS,
    GROUPS,
    PEOPLE_PLURALS,
    SPEECH_VERBS,
    STOP_CAPS,
    alternation,
)
from summarizer.backends.offline._names import (
    _ACTING,
    _ACTING_PLURAL,
    _ACTING_PLURALS_MAX,
    _APPOSITION,
    _ASCII_LETTERS,
    _ASIDE_SAID_TAIL,
    _BARE_APPOSITION,
    _BODY_BEFORE_NAME,
    _BODY_NOUN_WORDS,
    _BODY_THEN_NAME,
    _CAMPAIGN,
    _CAPITAL_ROLE_BEFORE,
    _COUNTED_DEED,
    _CREDIT,
    _DASH_CREDIT,
    _FEMININE_ENDINGS,
    _FULL_NAME,
    _GENDER_PRONOUN,
    _GOVERNMENT,
    _GOVERNMENT_WORDS,
    _GROUP_HEAD_FORMS,
    _GROUP_PHRASE,
    _GROUP_WORD_CHARACTERS,
    _INSTITUTION_SAID,
    _JOINS,
    _KIN_AGES,
    _KIN_BEFORE_NAME,
    _KIN_NAMED,
    _KIN_RUNS,
    _LETTER_RUN,
    _LIST_AND,
    _LIST_REST,
    _LIST_SUBJECT,
    _LOW,
    _NAME_THEN_BODY,
    _NICKNAME_IN,
    _NICKNAME_MARK,
    _NICKNAMED,
    _NOT_MODIFIERS,
    _ONE_WORD,
    _OPENING_PNAME,
    _ORG_PHRASE,
    _ORG_WORD,
    _PARTICLES,
    _PEER,
    _PLACE_HEADS,
    _PLURAL_NAME,
    _PNAME,
    _PROPER_NOUN_BEFORE,
    _QUANTITY_WORDS,
    _ROLE_AHEAD,
    _ROLE_BEFORE,
    _ROLE_COMMA,
    _ROLE_NOUNS_BEFORE,
    _RUN_BEFORE,
    _SAID_SUBJECT,
    _SEAT_SAID,
    _SOURCE_BY,
    _SOURCE_NAME,
    _SOURCE_SAYS,
    _STATE_FIRSTS,
    _STATE_GOVERNMENT,
    _STATE_WORDS,
    _SUBJECT_ASIDE_SAID,
    _SUBJECT_OF_SAID,
    _SUBJECT_SAID,
    _SURNAMED,
    _THE_BEFORE,
    _THE_GOVERNMENT,
    _THING_BEFORE,
    _THINGS,
    _TITLE_ALT,
    _TITLED,
    _TOKEN,
    _UP,
    _VERB_AHEAD,
    _WORD_BEFORE,
    Entity,
    Registry,
    _acting_heads_in,
    _acting_plurals,
    _acts_after,
    _gender_clash,
    _given_gender,
    _group_heads_in,
    _group_phrases,
    _has_tail,
    _has_word,
    _holds_thing_noun,
    _honorific_genders,
    _in_quote_aside,
    _join_objects,
    _joined,
    _kin_clash,
    _kin_named,
    _lengthened,
    _letter_runs,
    _list_end,
    _matches_at,
    _no_initials,
    _occurrences,
    _org_parts,
    _person_candidates,
    _phrases_at_heads,
    _proper_noun_before,
    _role_and_verb_starts,
    _said_matches,
    _source_says,
    _spelling,
    _two_genders,
    _word_before,
)
from summarizer.backends.offline._quotes import (
    _ACCORDING,
    _ANY_VERB,
    _AS_SAID,
    _QUOTED_AS,
    _QUOTED_PASSIVE,
    _SCARE_LEAD,
    _VERB_LIST,
    _VERBS,
    _after_window,
    _before_window,
    _credit,
    _scare_lead,
    _spans,
)
from summarizer.backends.offline._tensions import (
    _ANTI,
    _CLAUSE_END,
    _COMPOUND,
    _MUTUAL_VERB,
    _MUTUAL_VERBS,
    _NAME_CALLING,
    _may_call_names,
)


def test_has_word_is_a_whole_word_of_this_text() -> None:
    assert _has_word("a bill passed", "bill")
    assert not _has_word("a billion passed", "bill")  # a substring, not a word
    assert not _has_word("a bill passed", "pass")  # another word's pattern is not reused
    assert not _has_word("Apple said", "apple")
    assert _has_word("an apple a day", "apple")  # the same word, another text

    # a word that opens or ends with no word character: "\b" asks for one beside it
    assert _has_word("the U.S. said", "u.s.") is False
    assert _has_word("the u.s.a said", "u.s.")
    assert _has_word("x 'bill' y", "'bill'") is False
    assert _has_word("x'bill'y", "'bill'")


def test_a_literal_is_found_where_its_pattern_finds_it() -> None:
    # `literal_spans` in place of a pattern compiled per name: the same spans, overlapping
    # occurrences skipped as `re.finditer` skips them, a word character or one of the
    # given marks beside an occurrence ruling it out
    texts = [
        "Clinton, Clintons, Clinton's, ‘Clinton’ Clinton-",
        "O.Clinton xClinton Clinton_",
        "aaaa",
        "ab-ab",
    ]
    for text in texts:
        for literal in ("Clinton", "aa", "ab", "a", "-"):
            for before, after in (("", ""), (".'’-", "'’-"), (".", "")):
                pattern = (
                    rf"(?<![\w{re.escape(before)}]){re.escape(literal)}(?![\w{re.escape(after)}])"
                )
                spans = [m.span() for m in re.finditer(pattern, text)]
                assert list(literal_spans(text, literal, before, after)) == spans
    assert list(literal_spans("--- ", "--")) == [(0, 2)]  # not (1, 3) too
    assert list(literal_spans("Clinton's Clinton", "Clinton", "", "'")) == [(10, 17)]


def test_a_forms_occurrences_are_this_texts_own() -> None:
    # `_occurrences` keeps each form's spans in a cache: the cache is per text
    assert _occurrences("Ana Lee met Lee.", {"Lee", "Ana Lee"}) == [(0, 7), (12, 15)]
    assert _occurrences("Lee-Ann met Lee", {"Lee"}) == [(12, 15)]  # not inside "Lee-Ann"
    assert _occurrences("Lee met Ana Lee.", {"Lee", "Ana Lee"}) == [(0, 3), (8, 15)]
    # one form (`_form_occurrences`, kept per text and form): overlaps dropped as for
    # several, and each ask its own list
    assert _occurrences("Lee Lee Lee met Lee Lee.", {"Lee Lee"}) == [(0, 7), (16, 23)]
    _occurrences("Ana Lee met Lee.", {"Lee"}).append((0, 0))
    assert _occurrences("Ana Lee met Lee.", {"Lee"}) == [(4, 7), (12, 15)]


# Two articles that differ in one thing: whether the first word of "Marlow Teague" is also
# written in lower case ("the marlow fund"), which makes it no given name.
_NAMED = CleanArticle(
    paragraphs=[
        "Marlow Teague, the mayor, opened the new bridge on Monday after months of delay.",
        '"It is a good day for the city," Teague said. Teague added that the work was done.',
    ]
)
_LOWER = CleanArticle(
    paragraphs=[
        "The marlow fund paid for the new bridge that Marlow Teague opened on Monday.",
        '"It is a good day for the city," Teague said. Teague added that the work was done.',
    ]
)


def test_one_article_leaves_nothing_that_changes_the_next() -> None:
    for order in ((_NAMED, _LOWER), (_LOWER, _NAMED), (_NAMED, _LOWER)):
        names = {id(a): [x.name for x in extract_offline(a).actors] for a in order}
        assert names[id(_NAMED)] == ["Marlow Teague"]
        assert names[id(_LOWER)] == ["Teague"]


# The lead summary reads the body sentences only as far as it needs them.


def test_a_feature_leads_news_is_weighed_against_every_sentence() -> None:
    # a scene, then two candidates for the news: the farmers, whose words recur in the
    # next paragraph, and the council's pipeline, whose words recur more, further on
    paragraphs = [
        "It was a cold morning in the quiet valley. Farmers gathered near the barn before "
        "dawn. The county council approved a new water pipeline on Tuesday.",
        "Farmers gathered again later, as farmers often do before planting. Farmers talked "
        "about the weather. Some farmers stayed home that morning.",
        "The pipeline will carry water from the county reservoir, the council said in a "
        "statement. Council members said the pipeline water would reach every county farm. "
        "The council approved the water pipeline after a long county debate. Pipeline costs "
        "worried the council.",
    ]
    assert lead_summary(paragraphs).startswith("The county council approved")


def test_the_summary_reads_past_the_first_sentences_it_skips() -> None:
    said = 'He said: "We will build the new road now, and we will build it well." '
    paragraphs = [
        "The city council approved a new road to the harbour on Tuesday after a long "
        "debate. " + said * 3,
        said * 4 + "Work on the road starts in May and should take two years to finish.",
    ]
    assert lead_summary(paragraphs).endswith("should take two years to finish.")


def test_names_without_initials_are_each_names_own() -> None:
    assert _no_initials(("George", "W.", "Bush")) == ("George", "Bush")
    assert _no_initials(("Mary", "J.", "Blige")) == ("Mary", "Blige")  # same shape, own answer
    assert _no_initials(("J.", "K.")) == ("J.", "K.")  # nothing left: the name as written


# Word lists as regex alternations, grouped by first character (`alternation`).


def test_an_alternation_matches_as_the_plain_list_does() -> None:
    words = ["says", "say", "said", "added", "adds", "told"]
    assert alternation(words) == "s(?:ays|ay|aid)|a(?:dded|dds)|told"
    text = "He says she said, adds and told; they say so."
    plain = [m.group() for m in re.finditer(rf"\b(?:{'|'.join(words)})", text)]
    assert [m.group() for m in re.finditer(rf"\b(?:{alternation(words)})", text)] == plain


def _matched(pattern: str, text: str) -> str | None:
    m = re.match(pattern, text)
    return m[0] if m else None


def test_an_alternation_prefers_the_alternative_listed_first() -> None:
    assert _matched(alternation(["say", "says"]), "says") == "say"
    assert _matched(alternation(["says", "say"]), "says") == "says"
    # a capital is another first character: "Protesters" is not "protesters"
    assert alternation(["protesters", "Protesters", "police"]) == "p(?:rotesters|olice)|Protesters"
    assert _matched(alternation(["protesters", "police"]), "Protesters") is None


def test_an_alternation_it_cannot_group_is_the_plain_list() -> None:
    assert alternation(["s?aid", "sat"]) == "s?aid|sat"  # a quantified first character
    assert alternation(["(?:a|b)c", "d"]) == "(?:a|b)c|d"


def test_a_speech_verbs_subject_is_found_whatever_the_verb() -> None:
    # the four speech-verb patterns of `_person_candidates` run only when the paragraph
    # has a speech verb; any of them, not only "said"
    for text in (
        "Dana Whitfield warned that the plan would fail.",
        "Dana Whitfield, who runs the campaign, argued that it was over.",
        "Dana Whitfield of the Brookings Institution wrote that it was over.",
        "The plan is over, wrote Dana Whitfield.",
    ):
        assert [c[0] for c in _person_candidates(Paragraph(0, text))] == [("Dana", "Whitfield")]


def test_a_title_line_is_at_most_25_words() -> None:
    # `_headline` counts the words before it reads them: the limit is the same
    line = " ".join(["Senators Block Funding"] * 9).split()
    assert _headline(" ".join(line[:25]), strict=True)
    assert not _headline(" ".join(line[:26]), strict=True)
    assert not _headline("Senators Block Funding For New Border Wall Plan".lower())


def test_a_source_opened_by_the_keeps_its_article() -> None:
    # `_SOURCE_SAYS` skips positions by a lookahead of the characters a match opens with
    for text, the in (
        ("Yesterday the Hill reported it.", "the "),
        ("The Hill reported it.", "The "),
    ):
        m = _SOURCE_SAYS.search(text)
        assert m is not None and m["the"] == the and m["name"] == "Hill"


def test_a_persons_gender_counts_the_sentences_naming_no_other_person() -> None:
    # `_infer_genders` tests each mention against the people by a set first: a country
    # named beside the person is no second person
    registry = Registry(
        layout(
            "Pat Lee, a lawyer, flew to France on Monday, where she met the president.\n\n"
            "Pat Lee said the talks went well."
        )
    )
    assert {e.name: registry.gender(e) for e in registry.people()} == {"Pat Lee": "f"}


def test_a_quotation_in_the_pronouns_sentence_is_blanked_before_its_opening_is_read() -> None:
    # `_past_same_pronoun` blanks the quoted words: the sentence opens with "he", so the
    # one before, also opening with "He", is passed too, and Ray Lutz there is an object
    article = CleanArticle(
        paragraphs=[
            "Tom Grant and Ray Lutz are running for governor this year.",
            "Tom Grant spoke first at the fair. He nodded to his finish behind Ray Lutz in the "
            "poll. “We have to start again from the beginning,” he said.",
        ]
    )
    quotes = extract_offline(article).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We have to start again from the beginning,", "Tom Grant")
    ]


def test_a_pattern_whose_tail_is_in_the_paragraph_still_finds_its_name() -> None:
    # `_person_candidates` searches the part after the name first (`_TAILS`); where it is
    # there, the pattern runs as before
    for text, roles in (
        ("Dana Whitfield, the union's lawyer, spoke first.", ["lawyer"]),
        ("Dana Whitfield, president of the union, spoke first.", ["president of"]),
        # the apposition's whole body, and the age's pattern (`_AGED`, no role)
        ("Dana Whitfield, 59, of Ashton, spoke first.", ["of Ashton", ""]),
    ):
        found = [(c[0], c[1]) for c in _person_candidates(Paragraph(0, text))]
        assert found == [(("Dana", "Whitfield"), role) for role in roles]
    assert [c[0] for c in _person_candidates(Paragraph(0, "Dana Whitfield spoke first."))] == []


def test_a_phrase_is_split_at_and_only_where_it_holds_and() -> None:
    # `_org_parts` searches for "and" or "&" only in a phrase that holds one of them
    assert _org_parts(0, "Securities and Exchange Commission") == [
        (0, "Securities and Exchange Commission")
    ]
    assert _org_parts(4, "Justice Department & FBI") == [(4, "Justice Department"), (25, "FBI")]
    assert _org_parts(0, "Clinton and the State Department") == [
        (0, "Clinton"),
        (16, "State Department"),
    ]
    assert _org_parts(0, "State Department") == [(0, "State Department")]


def test_a_pattern_with_a_tail_is_skipped_where_its_tail_is_not() -> None:
    # `_TAILS` is keyed by each pattern's id (a compiled pattern's hash costs a pass over
    # its code): a pattern with a tail must still find it there
    for pattern in (_APPOSITION, _BARE_APPOSITION, _SUBJECT_ASIDE_SAID, _SUBJECT_OF_SAID):
        assert not _has_tail(pattern, "Dana Whitfield spoke first")
    assert _has_tail(_APPOSITION, "Dana Whitfield, the union's lawyer, spoke")
    assert _has_tail(_ROLE_BEFORE, "Dana Whitfield spoke first")  # no tail: always run
    # a quotation credited after a dash (`_DASH_CREDIT`) needs its dash
    for dash in "―—–":
        text = f"“We will win.” {dash} Pamela Padilla"
        assert _has_tail(_DASH_CREDIT, text) and _DASH_CREDIT.search(text)
        assert [c[0] for c in _person_candidates(Paragraph(0, text))] == [("Pamela", "Padilla")]
    assert not _has_tail(_DASH_CREDIT, "“We will win.” - Pamela Padilla")


def test_a_paragraphs_said_matches_are_its_own() -> None:
    # `_said_matches` keeps each paragraph's "X said" / "said X" matches for the second
    # asker (lone speakers): per text, and none where no speech verb is
    def names(text: str) -> list[list[str]]:
        said = _said_matches(text)
        assert said is not None
        return [[m["name"] for m in said[id(p)]] for p in (_SUBJECT_SAID, _SAID_SUBJECT)]

    assert names("Grant said no, said Lutzo.") == [["Grant"], ["Lutzo"]]
    assert names("Lutzo said no, said Grant.") == [["Lutzo"], ["Grant"]]  # same length
    assert _said_matches("Grant spoke and Lutzo nodded.") is None


def test_debris_is_found_where_its_pattern_finds_it() -> None:
    # `_is_debris` looks for `_DEBRIS`'s words before running it: one text per alternative
    debris = [
        "REUTERS/Jane Doe",
        "A File Photo of the bridge.",
        "JUST WATCHED The debate",
        "(Reporting by Jane Doe; editing by Tom Lee)",
        "Slideshow of the day",
        "Jane Doe/Getty Images",
        "Jane Doe (AFP Photo)",
        "Photograph by Jane Doe.",
        "Image caption The mayor spoke.",
        "Caption The mayor spoke.",
        "Credit Jane Doe for the New York Times",
        "Pictured: the mayor at the bridge.",
        "Jane Doe / Shutterstock",
        "(Jane Doe via AP)",
        "the ſhutterstock archive",  # re.I matches "ſ" (long s) to "s"
        "Getty İmages",  # and "İ" to "i"
    ]
    prose = ["The mayor opened the bridge on Monday.", "He spoke via a translator (AP)."]
    for text in debris:
        assert _DEBRIS.search(text), text
        assert _is_debris(text), text
    for text in prose:
        assert not _DEBRIS.search(text) and not _is_debris(text), text


def test_a_lookbehind_after_the_first_letter_tests_what_one_before_it_does() -> None:
    # `alternation`'s ``after_first``: the same matches as the test before the words
    before = re.compile(rf"(?<![\w.])(?:{alternation(['said', 'says', 'asked'])})")
    after = re.compile(alternation(["said", "says", "asked"], after_first=r"(?<![\w.].)"))
    for text in ("said", "he said", "unsaid", "x.said", "asked, says", "(said) .says"):
        assert [m.span() for m in after.finditer(text)] == [m.span() for m in before.finditer(text)]
    with pytest.raises(ValueError):
        alternation(["(said)"], after_first=r"(?<!\w.)")

    # `_TITLED` and `_CAPITAL_ROLE_BEFORE` test what is before the capital after it
    titled = re.compile(rf"(?<![\w.])(?=[A-Z])(?P<title>{_TITLE_ALT})\s+(?P<name>{_PNAME})")
    role = re.compile(rf"(?<![\w.'’-])(?P<role>[A-Z][a-z-]+)\s+(?P<name>{_PNAME})")
    for text in (
        "Senator Dana Lee spoke. aSenator Dana Lee, x.Senator Dana Lee, -Senator Dana Lee",
        "Attorney Mark Lee said; x-Attorney Mark Lee, o’Attorney Mark Lee, 'Attorney Mark Lee",
        "Senator Dana Lee met Attorney Mark Lee",
    ):
        for new, old in ((_TITLED, titled), (_CAPITAL_ROLE_BEFORE, role)):
            found = [(m.span(), m.groupdict()) for m in new.finditer(text)]
            assert found == [(m.span(), m.groupdict()) for m in old.finditer(text)]
            assert found or text.startswith("Attorney")  # something to find


def test_a_source_is_looked_for_only_where_its_verb_is() -> None:
    # `_SOURCE_SAYS` runs where its verb follows a space (`_TAILS`)
    assert _has_tail(_SOURCE_SAYS, "The Hill reported it")
    assert _SOURCE_SAYS.search("The Hill reported it")
    assert not _has_tail(_SOURCE_SAYS, "The Hill met, and unsaid things stayed so")


def test_a_name_opening_a_pattern_is_found_as_the_plain_name_pattern_finds_it() -> None:
    # `_OPENING_TOKEN`: `_TOKEN`'s capital first, the test before it after it
    texts = [
        "McCain said. MacArthur said. O'Neill said. D’Souza said. H.R. McMaster said.",
        "J. Smith said. Mcx Lee said. Macy Lee said. O'neill said. DSouza Lee said.",
        "x.Dana Lee said. Dana-Lee Ford said. aDana Lee said. -Dana Lee said. Dana Lee's said.",
        "Ana de la Cruz said. Jean-Luc Picard said. ÉDana Lee said. Dana LeBlanc said.",
        "Dana O’Malley-Reyes said. A.B. said. A. Lee said. Mac said. Mc Lee said.",
        "A'Lee said. B’Ford said. Dana McLee said.",
    ]
    plain = re.compile(rf"(?<![\w.])(?=[A-Z])(?P<name>{_PNAME})\s+said")
    opening = re.compile(rf"(?P<name>{_OPENING_PNAME})\s+said")
    full = re.compile(rf"(?<![\w.])(?=[A-Z]){_TOKEN}(?:\s+{_PARTICLES}{_TOKEN}){{1,2}}(?!\s+[A-Z])")
    for text in texts:
        for new, old in ((opening, plain), (_FULL_NAME, full)):
            found = [(m.span(), m.groupdict()) for m in new.finditer(text)]
            assert found == [(m.span(), m.groupdict()) for m in old.finditer(text)], text
            assert found, text


def test_an_organisations_first_word_is_found_as_before() -> None:
    # `_ORG_PHRASE` and `_ONE_WORD` open with their capital, the test before it after it
    org = re.compile(
        rf"(?<![\w.'’-])(?=[A-Z]){_ORG_WORD}(?:\s+(?:(?:of|for|and|&)\s+(?:the\s+)?)?"
        rf"{_ORG_WORD})*(?![\w'’-])"
    )
    one = re.compile(
        rf"(?<![\w.'’-])(?:[{_UP}][{_LOW}]{{2,}}(?:[A-Z][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)*"
        rf"|[A-Z]{{2,6}}(?:-[A-Z]{{2,6}})?)(?![\w'’-])"
    )
    texts = [
        "The U.S. Senate and the U.N. Security Council met in St. Paul with AFL-CIO heads.",
        "x.Tesla, x-BuzzFeed, Al-Shabaab, ÉLan, ZTE-ABCDEFG, ABCDEFGH, Ua, U.K., St.Louis, Acme, ÉTA",
        "Department of Justice & FBI; O’Brien Co. met Ministry of the Interior officials.",
    ]
    for new, old in ((_ORG_PHRASE, org), (_ONE_WORD, one)):
        found = [[m.span() for m in new.finditer(text)] for text in texts]
        assert found == [[m.span() for m in old.finditer(text)] for text in texts]
        assert all(found)


def test_the_registry_skips_a_pattern_only_where_its_word_is_not() -> None:
    # `_SOURCE_BY` runs where one of its opening words is (`_TAILS`); the campaign, party
    # and government patterns where "campaign", "Democrats"/"Republicans"/"administration"
    # and "government" are
    assert _has_tail(_SOURCE_BY, "as first reported by the Hill")
    assert not _has_tail(_SOURCE_BY, "The Hill said so on Monday")
    for text in ("according to Reuters", "a spokeswoman for Acme", "a study released by Acme"):
        assert _SOURCE_BY.search(text) and _has_tail(_SOURCE_BY, text)
    registry = Registry(
        [
            Paragraph(0, "The Clinton campaign said the Obama administration erred."),
            Paragraph(1, "Senate Republicans and the Turkish government disagreed."),
            Paragraph(2, "Hillary Clinton spoke. The Clinton campaign agreed with Clinton."),
        ]
    )
    names = {e.name for e in registry.entities}
    assert {"Clinton campaign", "Obama administration", "Senate Republicans"} <= names
    assert registry._state_governments() == {"Turkey": {"Turkish government"}}
    for group in ("Senate Republicans", "House Democrats"):
        text = f"{group} blocked the bill."
        assert group in {e.name for e in Registry([Paragraph(0, text)]).entities}


def test_the_cpu_benchmark_s_stages_still_make_extract_offline_s_result() -> None:
    # benchmarks/offline_cpu.py runs extract_offline's stages itself to time each one, and
    # stops when they no longer make its result: this keeps the two in step ("Obama",
    # held by Michelle Obama and by "Mr. Obama", is where the registry's actor list
    # differs from its entities' actors one by one)
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "offline_cpu.py"
    spec = importlib.util.spec_from_file_location("offline_cpu", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    text = (
        "Michelle Obama visited a school in Chicago on Monday.\n\n"
        "Mr. Obama said the economy was growing. Mr. Obama spoke for an hour.\n\n"
        "Obama said he would return. Michelle Obama said she was proud."
    )
    for raw in ((text, None), (bench.EXAMPLE.read_text(), None)):
        times = dict.fromkeys(bench.STAGES, 0.0)
        assert bench.staged(raw, times) == extract_offline(bench._with_title(*raw))


def test_a_spans_windows_are_read_once_and_are_its_own() -> None:
    # `_per_span` keeps each window on its span: another span of the paragraph, or of a
    # paragraph with the same offsets, reads its own
    first, second = layout(
        "“We will rebuild,” Dana Ruiz said on Monday. Later, Tom Lee said: “Not so fast.”\n\n"
        "“We will appeal,” Carla Mendes told the board after the vote."
    )
    spans = [*_spans(first), *_spans(second)]
    assert len(spans) == 3
    for span in spans:
        fresh = (_after_window.__wrapped__(span), _before_window.__wrapped__(span))
        assert (_after_window(span), _before_window(span)) == fresh
        assert (_after_window(span), _before_window(span)) == fresh  # kept, the same
    assert _after_window(spans[0]) == " Dana Ruiz said on Monday. "
    assert _before_window(spans[1]) == "Later, Tom Lee said: "
    assert _after_window(spans[2]) == " Carla Mendes told the board after the vote."


def test_a_group_phrase_is_looked_for_only_where_its_head_is() -> None:
    # `_add_group_phrases` runs `_GROUP_PHRASE` only on a paragraph holding one of
    # `_GROUP_HEAD_FORMS`: every phrase must end in one, whatever its case
    for text in (
        "Gunmen stormed the building.",
        "Police said the anti-government protesters had left.",
        "The Russian-backed separatists fired on Iraqi refugees.",
        "Soldiers waited for the troops.",
        "Rebels, militants and lawmakers met.",
    ):
        phrases = [m.group() for m in _GROUP_PHRASE.finditer(text)]
        assert phrases, text
        assert all(p.split()[-1] in _GROUP_HEAD_FORMS for p in phrases), text
        groups = {e.name for e in Registry(layout(text)).entities if e.described}
        assert groups, text


def test_every_head_a_group_phrase_ends_in_is_among_the_articles_heads() -> None:
    # `_group_heads_in` (the article's runs of ASCII letters that are heads) holds the head
    # of every `_GROUP_PHRASE` match, and no head the text does not hold (the old test:
    # each head searched for in the text)
    texts = [
        "Gunmen stormed it; PROTESTERS and protesters' friends, Iraqi refugees.",
        "the protesters’ march (police) anti-government\tprotesters",
        "Russian-backed separatists, xprotesters, protesters-led, éprotesters, 3police",
    ]
    rng = random.Random(14)
    pieces = ["protesters", "Gunmen", "police", "Anti-", "Iraqi", "rebels", " ", "\t", "\n"]
    pieces += ["-", "'", "’", ".", ",", "é", "_", "1", "x", "s", "(", "“"]
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 9))) for _ in range(3000)]
    for text in texts:
        heads = _group_heads_in(text)
        assert heads <= {h for h in _GROUP_HEAD_FORMS if h in text}, text
        assert {m.group().split()[-1] for m in _GROUP_PHRASE.finditer(text)} <= heads, text


def test_a_things_name_is_looked_for_only_in_an_article_naming_one() -> None:
    # `Registry._names_things`: `_THING_BEFORE` is searched before names only in an
    # article where `_THING` finds such a noun; it must find every one `_THING_BEFORE` does
    for before in ("Tropical storm ", "the aircraft  carrier ", "USS ", "the Ship\t"):
        assert _THING_BEFORE.search(before) is not None
        assert _holds_thing_noun(before)
    assert not _holds_thing_noun("the leadership and the shipment")
    # `_holds_thing_noun` answers as `_THINGS` searched from the text's start does
    plain = re.compile(_THINGS, re.I)
    for text in (
        "storm Ana",
        "a storm Ana",
        "a-storm Ana",
        "xstorm Ana",
        "(Storm\tAna",
        "the leadership ",
        "USS Cole",
        "\u017ftorm Ana",
        "the tan\u212aer Eva",  # the Kelvin sign, "k" to `re.I` (and to `str.lower`)
        "a sh\u0131p Eva",  # a dotless "i": "i" to `re.I`, not to `str.lower`
        "éstorm Ana",
        "é storm Ana",
        "é\u2014storm Ana",
        "aircraft \t carrier X",
        "aircraft X",
        "",
    ):
        assert _holds_thing_noun(text) == (plain.search(text) is not None), text
    text = (
        "The aircraft carrier Theodore Roosevelt docked, officials said. Theodore Roosevelt left."
    )
    registry = Registry(layout(text))
    assert registry._names_things
    assert [a.name for a in registry.actor_list()] == []
    assert [
        a.name
        for a in Registry(layout(text.replace("The aircraft carrier", "Senator"))).actor_list()
    ] == ["Theodore Roosevelt"]


def test_a_role_pattern_tried_where_a_role_opens_finds_what_its_scan_finds() -> None:
    # `_person_candidates` tries `_ROLE_BEFORE` and `_ROLE_COMMA` only where
    # `_ROLE_STARTS` finds a role word before a space or a comma
    texts = [
        "national security adviser H.R. McMaster met the spokesman, Tom Lee, and economist Dermot Hayes.",
        "The judge, Gonzalo P. Curiel of United States District Court, ruled; attorney Mark Lee left.",
        "The US defense secretary, Jim Mattis, and his son-in-law Jared Kushner spoke to aides.",
        "senator senator Dana Ruiz, adviser, adviser Tom Lee of the board",
    ]
    for text in texts:
        roles = _role_and_verb_starts(text)[0]
        for pattern in (_ROLE_BEFORE, _ROLE_COMMA):
            expected = [(m.span(), m["name"]) for m in pattern.finditer(text)]
            assert [(m.span(), m["name"]) for m in _matches_at(pattern, text, roles)] == expected
    # a start inside the last match is passed over, as `finditer` passes over it
    assert [m.group() for m in _matches_at(re.compile(r"a\w*"), "aaa ab", [0, 1, 2, 4])] == [
        "aaa",
        "ab",
    ]
    for text, name in ((texts[1], "Gonzalo P. Curiel"), (texts[2], "Jim Mattis")):
        roles = _role_and_verb_starts(text)[0]
        assert [m["name"] for m in _matches_at(_ROLE_COMMA, text, roles)] == [name]


def test_a_list_of_subjects_is_looked_for_only_where_a_name_and_and_are() -> None:
    # `_list_subjects` runs `_LIST_SUBJECT` only where `_LIST_AND` finds a name's last
    # word, "and" and the next name's capital
    for text in (
        "Ben Carson, Ted Cruz and Rand Paul have all attacked the program.",
        "France, and the Netherlands agreed to the plan.",
        "Liberals Elena Kagan and Sonia Sotomayor were in the minority.",
        "aimed at France and Britain, which have tried",
    ):
        assert _LIST_SUBJECT.search(text) is not None, text
        assert _LIST_AND.search(text) is not None, text
    assert _LIST_AND.search("the rules and the costs rose, and Dana Ruiz left") is None


def test_a_proper_noun_before_a_name_is_searched_from_the_last_word() -> None:
    # `_proper_noun_before` searches `_PROPER_NOUN_BEFORE` from the last word before the
    # name: the same match as searching the text before it from its start
    texts = [
        "the death of ",
        "Ohio's ",
        "the McDonald's\n",
        "met the\u00a0",
        "to bathe ",
        "the U.S.’s  ",
        "(the ",
        "Clinton and ",
        "said on",
        " ",
        "",
        "a word\n\n",
    ]
    for text in texts:
        for prefix in ("", "He spoke of it. "):
            full = prefix + text + "Dana Ruiz"
            end = len(prefix + text)
            expected = _PROPER_NOUN_BEFORE.search(full, 0, end)
            found = _proper_noun_before(full, end)
            assert (found and (found.span(), found.group())) == (
                expected and (expected.span(), expected.group())
            ), text
    assert _proper_noun_before("the McDonald's Dana", 15).group() == "McDonald's "


def test_an_entitys_tokens_follow_its_name() -> None:
    # `Entity.tokens` is cached by the name (`_name_tokens`): a name the registry lengthens
    # ("Mr. Trump" found as "Donald Trump") has the new tokens
    person = Entity("Trump", "person")
    assert person.tokens == ("Trump",)
    person.name = "Donald Trump"
    assert person.tokens == ("Donald", "Trump")
    assert Entity("Donald  Trump", "person").tokens == ("Donald", "Trump")


def test_said_x_is_tried_where_a_speech_verb_opens_and_finds_what_its_scan_finds() -> None:
    # `_said_matches` tries `_SAID_SUBJECT` only where `_SPEECH_VERB_STARTS` finds a verb
    for text in (
        "“No,” said Dana Ruiz, and added Tom Lee later; noted NBC's Dante Chinni.",
        "He told reporters, said Lutzo. Grant said no, says Grant Lee.",
        "unsaid Dana Ruiz, resaid Tom Lee, said\tMark Lee",
    ):
        said = _said_matches(text)
        assert said is not None
        expected = [(m.span(), m["name"]) for m in _SAID_SUBJECT.finditer(text)]
        assert expected
        assert [(m.span(), m["name"]) for m in said[id(_SAID_SUBJECT)]] == expected


def test_a_source_is_looked_for_from_its_verbs_words_before_it() -> None:
    # `_source_says` begins `_SOURCE_SAYS` `_SOURCE_SAYS_WORDS` words before the first
    # verb: the same matches as from the paragraph's start, even the longest source
    longest = (
        "the Alpha of the Beta of the Gamma on the Delta for a Epsilon and the Zeta also first"
    )
    for text in (
        f"{'so and then ' * 12}{longest} said it. The Hill reported that CNN quoted him.",
        f"{longest} said it, as (The Washington Post) noted.",
        "Morgan wrote, and\nReuters\u00a0later reported that Pew found.",
        "Nothing here is a source of anything said.",
        "no verb at all",
    ):
        expected = [(m.span(), m["name"], m["verb"]) for m in _SOURCE_SAYS.finditer(text)]
        assert [(m.span(), m["name"], m["verb"]) for m in _source_says(text)] == expected, text
    spans = [m.span() for m in _source_says(f"so {longest} said it")]
    assert spans == [(3, 3 + len(longest) + 5)]


def test_a_credit_is_searched_only_where_its_word_is() -> None:
    # `_credit` runs `_QUOTED_AS`, `_QUOTED_PASSIVE` and `_ACCORDING` only on a window
    # holding the word `_CREDIT_WORDS` gives each
    for pattern, window in (
        (_QUOTED_AS, " the agency quoted Dana Ruiz as saying."),
        (_QUOTED_AS, " Interfax quotes Dana Ruiz as telling them"),
        (_QUOTED_PASSIVE, " Dana Ruiz was quoted by the Fars News Agency as saying"),
        (_ACCORDING, " he told advisers, according to Uzi Arad."),
        (_ACCORDING, "According to Dana Ruiz, "),
    ):
        found = _credit(pattern, window)
        expected = pattern.search(window)
        assert found is not None and expected is not None, window
        assert (found.span(), found["subj"]) == (expected.span(), expected["subj"])
    assert _credit(_AS_SAID, "As Dana Ruiz said, ") is not None  # no word: always searched
    assert _credit(_ACCORDING, "he said, accordingly") is None


def test_a_role_or_verbs_start_is_found_after_the_character_before_it() -> None:
    # `_role_and_verb_starts`: one scan for the non-word character before a role word or a
    # speech verb finds where ``\\b`` before each matches, the text's start included
    role, verb = re.compile(rf"\b{_ROLE_AHEAD}"), re.compile(rf"\b{_VERB_AHEAD}")
    for text in (
        "senator Dana Ruiz said, adviser Tom Lee says",
        "said senator, (adviser) unsaid resaid -said é-senator x_said 'said",
        "Said Senator; said\tadviser,",
        "adviser Tom, adviser,",
        "said it, said",
        "ésaid, ésenator Tom, é said, é—senator Tom",
        "",
    ):
        roles, verbs = _role_and_verb_starts(text)
        assert roles == tuple(m.start() for m in role.finditer(text)), text
        assert verbs == tuple(m.start() for m in verb.finditer(text)), text
    assert _role_and_verb_starts("adviser Tom, adviser,") == ((0, 13), ())
    assert _role_and_verb_starts("said it, adviser said") == ((9,), (0, 17))
    # a place is a role's or a verb's, never both: no word of one list opens a word of
    # the other
    assert not any(
        r.startswith(v) or v.startswith(r) for r in _ROLE_NOUNS_BEFORE for v in SPEECH_VERBS
    )


def test_a_pattern_opening_with_its_first_letter_finds_what_the_lookbehind_form_finds() -> None:
    # `_CAMPAIGN`, `_GOVERNMENT`, `_STATE_GOVERNMENT`, `_text._MARK` and
    # `_tensions._COMPOUND` open with the characters they match first (the test before them
    # after them), where their old forms opened with a lookbehind or an alternation and were
    # tried at every character
    olds = {
        _CAMPAIGN: r"(?<![\w.'’-])([A-Z][a-z]+)(?:['’]s)?\s+campaign\b",
        _GOVERNMENT: r"(?<![\w.'’-])(?:[A-Z][a-z]+ administration|(?:[Cc]ongressional|House"
        r"|Senate) (?:Democrats|Republicans))\b",
        _STATE_GOVERNMENT: r"(?<![\w.'’-])(?P<adjective>(?:(?:North|South) )?[A-Z][a-z]+)"
        r" government\b",
        _MARK: f"''|[{''.join(sorted(DOUBLE_MARKS))}]",
        _COMPOUND: r"(?<![\w.’'-])(?P<a>[A-Z][\w.]*)[-–](?P<b>[A-Z][\w.]*)\s+"
        r"(?:(?:trade|tariff|border|diplomatic|military|nuclear|political)\s+)?"
        r"(?P<cue>wars?|conflicts?|tensions?|rift|disputes?|standoff|feud|rivalry|clash(?:es)?|"
        r"ties|relations)\b",
    }
    texts = (
        "the Clinton campaign and Trump's campaign; xClinton campaign, .Bush campaign, "
        "-Gore campaign, 'Kerry campaign, O’Dole campaign",
        "the Trump administration; congressional Democrats, Congressional Republicans, House "
        "Democrats; aHouse Democrats, .Senate Republicans, Senate Democrat, cCongressional "
        "Democrats, -congressional Republicans, Obama administrations",
        "the South Korean government, the North government, South Sudanese government, "
        "xSouth Korean government, the Turkish government, the Southern government, "
        "‘South Korean government, the Northern government, North  Korean government",
        "“a” ''b'' 'c' ''' '''' \"d\" „e‟ «f» ″g″ ＂h＂ ' '",
        "U.S.-China trade war, the US-Iran tensions; xUS-Iran feud, .UK-EU rift, -US-UK ties, "
        "’US-UK clash, 'US-UK feud, Russia–Ukraine war, EU-US relations",
    )
    for new, old in olds.items():
        found = [(m.span(), m.groups()) for t in texts for m in new.finditer(t)]
        assert found == [(m.span(), m.groups()) for t in texts for m in re.finditer(old, t)]
        assert found


def test_a_word_before_a_name_is_found_as_the_test_first_form_finds_it() -> None:
    # `_THE_BEFORE`, `_WORD_BEFORE` (searched in a window before a surname) and
    # `_GENDER_PRONOUN` open with their first letter, the test before it after it
    olds = {
        _THE_BEFORE: r"\b[Tt]he\s+$",
        _WORD_BEFORE: r"(?<![.!?”\"’]\s)(?<!^)\b([A-Z][\w'’-]*)\s+$",
        _GENDER_PRONOUN: r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er|[Hh]ers)\b",
    }
    texts = (
        "the ",
        "The  ",
        "Athe ",
        "x.the ",
        "Brenda ",
        "62-year-old Brenda ",
        "said. Brenda ",
        "“Brenda ",
        "O’Neill-Day ",
        "xBrenda ",
        "he said his; she, her and hers; him. He She Hers Hiss ahe the shed",
    )
    for text in texts:
        for window in range(len(text)):
            for new, old in olds.items():
                got = [(m.span(), m.groups()) for m in new.finditer(text, window)]
                want = [(m.span(), m.groups()) for m in re.compile(old).finditer(text, window)]
                assert got == want, (text, window)
    assert all(any(new.search(t) for t in texts) for new in olds)  # something to find


def test_a_lists_end_takes_the_rest_of_the_list_found_once() -> None:
    # `_acts_after` matches `_LIST_REST` once and gives it to `_list_end`
    text = "Ben Carson, Ted Cruz and Rand Paul have all attacked it, with Ann Lee."
    end = len("Ben Carson")
    assert _list_end(text, end, _LIST_REST.match(text, end)) == len(
        "Ben Carson, Ted Cruz and Rand Paul have all"
    )
    assert _list_end(text, end, None) == end
    assert _acts_after(text, 0, end)
    assert not _acts_after(text, text.index("Ann"), len(text) - 1)


def test_every_state_word_is_found_by_its_first_word() -> None:
    # `_add_countries_and_groups` looks state words up by their first word
    assert sorted(w for words in _STATE_FIRSTS.values() for w in words) == sorted(_STATE_WORDS)
    assert all(w.split()[0] == first for first, ws in _STATE_FIRSTS.items() for w in ws)


def test_a_mentions_narration_is_read_once_and_is_its_places_own() -> None:
    # `Registry._narrated` (kept per place) answers as the tests it stands for
    text = (
        "Ann Lee said she would run. Tom Ruiz said no.\n\n"
        "“I do not think it,” -- that Ann Lee runs -- “is wise,” Tom Ruiz said.\n\n"
        "“Ann Lee is late,” he said."
    )
    registry = Registry(layout(text))
    answers = []
    for person in registry.people():
        for where, _end in person.mentions:
            para = registry.paragraphs[where[0]]
            expected = not para.inside_quote(where[1]) and not _in_quote_aside(para, where[1])
            assert registry._narrated(where) == expected == registry._narrated(where)
            answers.append((expected, para.inside_quote(where[1])))
    # narration, a quotation and an aside between its parts
    assert {(True, False), (False, True), (False, False)} <= set(answers)


def test_the_quote_rules_speech_verbs_grouped_find_what_the_plain_list_finds() -> None:
    # `_quotes._VERBS` and `_ADVS` are grouped by first letter (`alternation`)
    assert "|".join(_VERB_LIST) != _VERBS  # grouped, not the plain list
    plain = re.compile(rf"\b(?:{'|'.join(_VERB_LIST)})\b")
    text = (
        "He said, then went on to say it; she posted on Twitter and pointed out, proclaiming "
        "it; they predicted, pleaded and put it so; unsaid, says-who, told, tells, asked"
    )
    found = [(m.span(), m.group()) for m in _ANY_VERB.finditer(text)]
    assert found == [(m.span(), m.group()) for m in plain.finditer(text)]
    assert ("went on to say" in dict(found).values()) and len(found) >= 10


def test_a_word_pattern_finds_what_the_pattern_opening_with_a_boundary_finds() -> None:
    # `WordPattern` (the tension cues, `_NAME_CALLING`, `_instructions`): the scan for the
    # non-word character before the body, the text's start tried alone, finds the matches
    # of "\b" and the body, from any ``pos``, up to any ``endpos``, under ``re.I`` too
    bodies = {
        r"(?:war|warn(?:ed|s)?|s(?<=to s)ue)\b": 0,
        r"(?P<cue>call(?:s|ed)?)\s+(?P<object>\w+)": 0,
        r"(?:AIs?|bots?|the operator)\b": re.I,
        r"war[,;]": 0,  # a match ending in a non-word character, the next right after it
    }
    texts = (
        "war, warned: a warship warns; to sue, sue, pursue, war",
        "War-warned (warns) éwar _war 'war x-war\twar\nwar",
        "called Smith, recalled Jones, calls  Lee; call",
        "AI, ais, Bots, robots, chatbot; THE OPERATOR, theoperator",
        "",
        "war",
        "war,war;war,",
    )
    for body, flags in bodies.items():
        new, old = WordPattern(body, flags), re.compile(rf"\b(?:{body})", flags)
        for text in texts:
            spans = [(m.span(), m.groups()) for m in new.finditer(text)]
            assert spans == [(m.span(), m.groups()) for m in old.finditer(text)], (body, text)
            for pos in range(len(text) + 2):
                for end in (len(text), pos + 3, pos + 7):
                    a, b = new.search(text, pos, end), old.search(text, pos, end)
                    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
                assert [m.span() for m in new.finditer(text, pos)] == [
                    m.span() for m in old.finditer(text, pos)
                ]
    assert [m.group() for m in WordPattern(r"war\b").finditer("war warship, war")] == ["war"] * 2


def test_a_source_and_a_credit_searched_as_word_patterns_find_what_their_old_forms_find() -> None:
    # `_SOURCE_BY` and `_CREDIT`, every way opening with "\b" (but the credit's first, at
    # the text's start), are `WordPattern`s
    olds = {
        _SOURCE_BY: r"(?:\b[Aa]ccording to|\b(?:reported|published|released|conducted|confirmed"
        r"|obtained|compiled|commissioned|broken|cited|quoted|announced) by|\b(?:reported|wrote"
        r"|writes|reports)(?=\s+[Tt]he\s)|\b(?:spokes(?:man|woman|person)|statement|"
        r"representative)\s+(?:for|from)|\b(?:report|study|survey|poll|analysis|count|review|"
        r"estimate)s?\s+(?:released\s+)?by)\s+(?P<the>[Tt]he\s+)?(?:(?:new|latest|nonpartisan"
        rf"|recent)\s+)?(?P<name>{_SOURCE_NAME})",
        _CREDIT: r"^(?:On Twitter,? follow|Follow)\b|\b(?:reported|contributed(?: reporting)?) "
        r"from\b|\bcontributed (?:reporting )?to (?:this|the) (?:report|story)\b"
        r"|\b(?:Reporting|Writing|Editing|Additional reporting) by\b",
    }
    texts = (
        "According to the Pew Research Center, polls released by Gallup and a report by the "
        "new Brennan Center; xaccording to Reuters, unreported by CNN, a spokesman for the "
        "RSPCA, éreported by NBC, as The Hill reported. The study by Yale was cited by AP.",
        "Follow the money, reported from Kabul. Jane Doe contributed reporting to this report.",
        "On Twitter follow @jdoe. Reporting by Ann Lee; Writing by Bo Li; Editing by Al Roe",
        "Mary Smith in Paris contributed to the story. Follow @x",
        "",
    )
    for new, old in olds.items():
        assert isinstance(new, WordPattern)
        for text in texts:
            found = [(m.span(), m.groups()) for m in new.finditer(text)]
            assert found == [(m.span(), m.groups()) for m in re.finditer(old, text)], text
            assert bool(new.search(text)) == bool(re.search(old, text))
    assert [m["name"] for m in _SOURCE_BY.finditer(texts[0])][:3] == [
        "Pew Research Center",
        "Gallup",
        "Brennan Center",
    ]


def test_a_scare_lead_is_found_before_the_leads_end_as_the_search_of_it_all_finds_it() -> None:
    # `_quotes._scare_lead` searches `_SCARE_LEAD` from its longest word's length before the
    # lead's last non-space character
    for lead in (
        "the so-called",
        "what he called  ",
        "the SO-CALLED\t",
        "a group known as\u00a0\n",
        "a labelled",
        "a dubbed word\n",
        "so-called x",
        "the word",
        "",
        "   ",
    ):
        assert _scare_lead(lead) == (_SCARE_LEAD.search(lead) is not None), lead
    assert _scare_lead("the so-called") and not _scare_lead("so-called x")


def test_an_abbreviation_is_found_before_a_stop_as_the_search_of_the_window_finds_it() -> None:
    # `_text._abbreviated` searches `_ABBREVIATION` from its longest word's length and one
    # before the end of the window before a full stop
    text = "Sept\nSen. Mr vs U.S x.Y said Jones A ab.C (Capt Corp\n\tSt Ltd No.5 éA _B 9 Prof"
    windows = {text[i:j] for i in range(len(text)) for j in range(i, min(len(text), i + 17) + 1)}
    for window in sorted(windows):
        assert _abbreviated(window) == (_ABBREVIATION.search(window) is not None), window
    assert _abbreviated("in Sept\n") and _abbreviated("(Capt") and not _abbreviated("said")


def test_a_clauses_end_is_found_as_the_alternation_opening_with_a_class_finds_it() -> None:
    # `_tensions._CLAUSE_END` opens with the class of its first characters, each way on
    # tested after it
    old = re.compile(r"[,;:][\"”’']?\s+|\s+[—–]\s+|\s+-\s+")
    text = (
        'a, b; c: d," e,” f ,  g  —  h – i - j -k --l ,x ;\n m\u00a0— n\t-\tо, '
        "p,’ q:' r,,  s  ,  t;- u,— v"
    )
    for start in range(len(text)):
        for end in (len(text), start + 4):
            found = [m.span() for m in _CLAUSE_END.finditer(text, start, end)]
            assert found == [m.span() for m in old.finditer(text, start, end)], (start, end)
    assert len(list(_CLAUSE_END.finditer(text))) == 17


def test_a_body_joined_is_found_where_the_pattern_compiled_for_its_name_finds_it() -> None:
    # `_joined` tests the name at the places `_join_objects` lists, where a pattern was
    # compiled for each name before
    after = rf"(?=['’]s\b|\s*[^\w\s]|\s*$|\s+(?:{'|'.join(sorted(AFTER_A_NOUN))})\b)"

    def old(text: str, word: str) -> bool:
        return re.search(rf"{_JOINS}\s+(?:the\s+)?{re.escape(word)}\b{after}", text) is not None

    texts = [
        "He defected to Ukip. They join the Greens, and joined Tory candidate Kelly Dorn.",
        "switched  to the  Ukip's plan; rejoined Ukip, joins\nUkip\n",
        "joining the the Ukip for Ukip-Max; join Greens candidate; defects to Brightside",
        "éjoin Ukip, _join Ukip, join Ukipx, join Ukip_ and, switches to Ukip",
        "join Ukip",
        "Ukip",
        "xjoin Ukip -join Ukip .defected to Ukip 'switched to Ukip",
    ]
    for text in texts:
        starts = _join_objects(text)
        for word in ("Ukip", "Greens", "Tory", "Brightside", "Ukip-Max", "Uki", "the"):
            assert _joined(text, word, starts) == old(text, word), (text, word)
    assert _joined(texts[0], "Greens", _join_objects(texts[0]))
    assert not _joined(texts[0], "Tory", _join_objects(texts[0]))


def test_a_seat_and_an_institution_speaking_are_found_as_their_old_forms_find_them() -> None:
    # `_SEAT_SAID` tests what is before its capital after it, `_INSTITUTION_SAID` is a
    # `WordPattern`: the same matches as the forms opening with the test
    said = alternation(sorted(SPEECH_VERBS))
    old_seat = re.compile(
        rf"(?<![\w.'’-])(?P<seat>[A-Z][a-z]+\s+(?:{alternation(sorted(_PLACE_HEADS))}))"
        r"\s+(?:(?:has|had|also|later|then)\s+)?"
        rf"(?:{said}|did not comment|declined to comment)\b"
    )
    old_institution = re.compile(
        r"\b[Tt]he\s+(?P<noun>hospital|school|university|college|church|zoo|hotel|council|club|"
        r"museum|prison|charity)(?:,\s+[a-z]+(?:\s+[a-z]+)?,)?\s+(?:also\s+)?"
        rf"(?:{said}|denied|declined)\b"
    )
    text = (
        "Downing Street said. xDowning Street said; .Downing Street said -Downing Street said "
        "’Downing Street said 'Downing Street said éDowning Street said\nDowning Street later declined to comment. "
        "The hospital, however, argued; the school also denied. éthe zoo said, _The club said, "
        "2the council said; The prison said"
    )
    for start in range(len(text)):
        seats = [(m.span(), m["seat"]) for m in _SEAT_SAID.finditer(text, start)]
        assert seats == [(m.span(), m["seat"]) for m in old_seat.finditer(text, start)]
        found = [(m.span(), m["noun"]) for m in _INSTITUTION_SAID.finditer(text, start)]
        assert found == [(m.span(), m["noun"]) for m in old_institution.finditer(text, start)]
    assert len(list(_SEAT_SAID.finditer(text))) == 2
    assert len(list(_INSTITUTION_SAID.finditer(text))) == 3
    # `_add_surnamed` looks only where one of `_SURNAMED`'s words is: each finds its name
    for words in ("a man surnamed Quan", "a man identified only as Quan"):
        paragraphs = [f"Police said {words} was held on Monday.", "The case goes on."]
        actors = extract_offline(CleanArticle(paragraphs=paragraphs)).actors
        assert "Quan" in [a.name for a in actors], words
        assert _SURNAMED.search(words)


def test_a_clipped_name_is_tested_for_its_stems_as_its_pattern_would_find_them() -> None:
    # `_unclipped` compiles a pattern per name only where each stem is followed by a
    # lower-case letter: `_lengthened` must answer as the stem and `[a-z]` would
    texts = ["Liberal Democrats", "Lib Dem", "Lib", "LibDem", "Lib-eral", "Libé", "xLiberal", ""]
    for text in texts:
        for stem in ("Lib", "Dem", "Li", "Liberal"):
            expected = re.search(re.escape(stem) + "[a-z]", text) is not None
            assert _lengthened(text, stem) == expected, (text, stem)
    text = "The Liberal Democrats won. The Lib Dems lost, the Lib Dem leader said. Lib Ref fell."
    registry = Registry(layout(text))
    assert registry._unclipped("Lib Dems") == "Liberal Democrats"
    assert registry._unclipped("Lib Dem") == "Liberal Democrats"
    assert registry._unclipped("Lib Ref") is None  # "Ref" is never lengthened
    assert registry._unclipped("Lib Won") is None  # "Won" is, as "won" only


def test_country_forms_and_accents_are_folded_as_before_the_shortcuts() -> None:
    # `_unify_countries` tries only the forms opening with the word, longest first;
    # `fold_accents` returns an ASCII name as `normalize` leaves it
    def old_unify(words: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        forms = sorted(_COUNTRY_FORMS.items(), key=lambda kv: -len(kv[0]))
        while i < len(words):
            for form, canonical in forms:
                if tuple(words[i : i + len(form)]) == form:
                    out.extend(canonical.split())
                    i += len(form)
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    for name in (
        "the united states of america and great britain",
        "united states of britain uk usa us",
        "united kingdom united states great",
        "united",
        "",
    ):
        assert _unify_countries(name.split()) == old_unify(name.split()), name
    for name in ("Raúl Castro", "Raul  Castro", "“Peña”", "Moon Jae-In", "Ａｂｅ", "O’Neill"):
        decomposed = unicodedata.normalize("NFKD", normalize(name))
        old = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        assert fold_accents(name) == old, name


def _old_merge_given_forms(self: Registry, keys: dict[int, tuple[str, ...]]) -> None:
    """`Registry._merge_given_forms` before its keys were compared first (the list's
    membership tested first for every pair)."""
    people = [p for p in self.people() if len(keys.get(id(p), ())) >= 2]
    for one in people:
        for other in people:
            if one is other or one not in self.entities or other not in self.entities:
                continue
            a, b = keys[id(one)], keys[id(other)]
            if a[1:] != b[1:] or len(a[0]) > len(b[0]) or a[0] == b[0]:
                continue
            if b[0].startswith(a[0]):
                if not (
                    len(a[0]) < 3
                    or b[0][len(a[0]) :] in _FEMININE_ENDINGS
                    or _two_genders(one.tokens[0], other.tokens[0])
                ):
                    self._merge(one, other)
                continue
            genders = _given_gender(one.tokens) | _given_gender(other.tokens)
            if len(a[0]) >= 5 and len(genders) < 2 and one_letter_apart(a[0], b[0]):
                slip, right = sorted((one, other), key=self._spelled_right)
                self._merge(slip, right)


def _old_add_described_bodies(self: Registry) -> None:
    """`Registry._add_described_bodies` before it skipped the paragraphs holding none of
    the body nouns the article holds."""
    if not any(n in self.text for n in _BODY_NOUN_WORDS):
        return
    known = {f for e in self.entities for f in e.forms} | {e.name for e in self.entities}
    for para in self._prose:
        text = para.text
        for m in itertools.chain(
            _NAME_THEN_BODY.finditer(text),
            _BODY_THEN_NAME.finditer(text),
            _BODY_BEFORE_NAME.finditer(text),
        ):
            tokens = m["name"].split()
            while tokens and tokens[0] in STOP_CAPS:
                tokens.pop(0)
            name = " ".join(tokens)
            if not self._body_name(tokens) or name in known:
                continue
            if _RUN_BEFORE.search(text, max(0, m.start("name") - 40), m.start("name")):
                continue
            if _ACTING.match(text[m.end() :]) is None or para.inside_quote(m.start()):
                continue
            spellings = {
                f.group()
                for f in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self.text, re.I)
            }
            self.entities.append(Entity(name, "organization", forms=spellings | {name}))
            self.entities[-1].signals.add("subject")
            known |= spellings | {name}


def _same_as_old(
    monkeypatch: pytest.MonkeyPatch, method: str, old: object, articles: list[tuple[str, ...]]
) -> list[str]:
    """Each article's whole extraction (JSON) with ``Registry.<method>`` as it is, after
    checking it is the one its ``old`` form gives."""
    new = [extract_offline(CleanArticle(paragraphs=list(a))).model_dump_json() for a in articles]
    monkeypatch.setattr(Registry, method, old)
    before = [extract_offline(CleanArticle(paragraphs=list(a))).model_dump_json() for a in articles]
    assert new == before
    return new


def test_given_forms_are_merged_as_when_membership_was_tested_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `_merge_given_forms` compares the two keys before it asks whether both are still in
    # the registry (a list's test, each entity compared field by field)
    articles = [
        ("Ken Starr said the case was closed.", "Kenneth Starr disagreed, Kenny Starr said."),
        ("Josh Sweet said it.", "Joshua Sweet said it again.", "Bill Sweet said nothing."),
        ("Hilary Clinton said no.", "Hillary Clinton said yes.", "Bill Clinton said so."),
        ("Louis Marr said no.", "Louise Marr said yes.", "Lou Marr said maybe."),
        ("Sam Ray said no.", "Samantha Ray said yes.", "Samuel Ray said so."),
    ]
    outputs = _same_as_old(monkeypatch, "_merge_given_forms", _old_merge_given_forms, articles)
    assert '"aliases":["Josh Sweet"]' in outputs[1]  # merged


def _old_merge_spellings(self: Registry) -> None:
    """`Registry._merge_spellings` before each short name asked only the people whose key
    ends with its last word (every person asked, for every short name)."""
    people = self.people()
    keys = {id(p): _spelling(p.name) for p in people}
    for short in people:
        key = keys[id(short)]
        longer = [
            p
            for p in people
            if p is not short
            and len(keys[id(p)]) > len(key) - (len(key) > 1)
            and keys[id(p)][len(keys[id(p)]) - len(key) :] == key
            and not _gender_clash(_honorific_genders(short.forms), p)
            and not _kin_clash(short.tokens, short.role, p)
            and p in self.entities
        ]
        if key and len(longer) == 1 and short in self.entities:
            self._merge(short, longer[0])
    for short in people:
        key = keys[id(short)]
        longer = [
            p
            for p in people
            if len(key) == 2
            and len(keys[id(p)]) == 3
            and (keys[id(p)][0], keys[id(p)][2]) == key
            and p in self.entities
        ]
        if len(longer) == 1 and short in self.entities:
            self._merge(short, longer[0])
    self._merge_slips(keys)
    self._merge_given_forms(keys)
    self._merge_first_surnames(keys)


def test_spellings_are_merged_as_when_every_person_was_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `_merge_spellings` asks, for each short name, only the people whose key ends with its
    # last word, and for a two-word key only the three-word keys of its first and last words
    articles = [
        ("Raúl Castro said no.", "Raul Castro said yes.", "Castro left."),
        ("Hillary Rodham Clinton spoke.", "Hillary Clinton said so.", "Clinton said it."),
        ("James O’Neill said it.", "O'Neill agreed, Mr. O'Neill said.", "Tip O'Neill did."),
        ("President Bush spoke.", "First lady Laura Bush said so.", "Bush said no."),
        ("Mr. Obama said it.", "Michelle Obama said no.", "Obama left, Barack Obama said."),
        ("Bill de Blasio said it.", "De Blasio said so.", "Moon Jae-In and Moon Jae-in met."),
        ("George W. Bush said it.", "George Bush agreed.", "Jeb Bush and Bush Jr. said no."),
    ]
    outputs = _same_as_old(monkeypatch, "_merge_spellings", _old_merge_spellings, articles)
    assert '"name":"Raúl Castro"' in outputs[0] or '"name":"Raul Castro"' in outputs[0]
    assert '"Hillary Clinton"' in outputs[1] and '"name":"Hillary Rodham Clinton"' in outputs[1]


def test_described_bodies_are_found_in_the_paragraphs_holding_the_articles_nouns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `_add_described_bodies` tries its patterns only on a paragraph holding a body noun the
    # article holds ("think tank" among them, though it alone does not open the search)
    articles = [
        ("The union leaders met.", "Bruegel, a liberal think tank based in Brussels, warned it."),
        ("Bruegel, a liberal think tank based in Brussels, warned on Monday.",),
        ("It rained.", "The opposition party, the Freedom Movers, has backed them."),
        ("Solidarity group AfriForum handed a memorandum to the mayor.", "Afriforum said so."),
        ("A watchdog met.", "Votewatch, a watchdog, said so.", "The PAC, the Good Ones, said."),
        ("No body here.", "Clean Air Now, an alliance of groups, sued the city."),
    ]
    outputs = _same_as_old(
        monkeypatch, "_add_described_bodies", _old_add_described_bodies, articles
    )
    assert '"Bruegel"' in outputs[0] and '"Bruegel"' not in outputs[1]
    assert '"AfriForum"' in outputs[3]


def test_a_peer_is_found_as_the_pattern_opening_with_its_lookbehind_finds_it() -> None:
    # `_PEER` opens with each title's capital, the test before it after it
    old = re.compile(
        r"(?<![\w-])(?P<name>(?:Duke|Duchess|Earl|Countess|Marquess|Marchioness|Viscount"
        r"|Viscountess|Archbishop|Bishop)\s+of(?:\s+[A-Z][\w-]+(?:['’](?!s\b)[\w-]+)?){1,2})"
    )
    texts = [
        "The Duchess of Cornwall and the Duke of York's wife; Archbishop of Canterbury spoke.",
        "éDuke of York, _Earl of Wessex, -Bishop of Durham, .Viscountess of Astor Hall, xEarl of X",
        "Viscount of Lisle\nViscountess of Lisle Upon Tyne; Marchioness of Bath; Marquess of Bute",
        "Duke of\nYork Duke ofYork Countess  of  Wessex's estate, Bishop of O'Brien-Smith Jones",
        "Duke",
        "",
    ]
    for text in texts:
        assert [m.span("name") for m in _PEER.finditer(text)] == [
            m.span("name") for m in old.finditer(text)
        ], text
        for pos in range(len(text) + 1):
            new_m, old_m = _PEER.search(text, pos), old.search(text, pos)
            assert (new_m and new_m.span()) == (old_m and old_m.span()), (text, pos)
    assert [m["name"] for m in _PEER.finditer(texts[0])] == [
        "Duchess of Cornwall",
        "Duke of York",
        "Archbishop of Canterbury",
    ]


def test_kin_named_matches_are_found_as_the_pattern_tried_at_every_character_finds_them() -> None:
    # `_kin_named` tries `_KIN_NAMED` only from the run of word characters before each
    # `_KIN_AHEAD` match; it must give `finditer`'s matches, spans included
    texts = [
        "Mack's daughter Stella ... baby Stella ... her 5-year-old Youssif and husband Bill",
        "a x-5-year-old Ann, a x--5-year-old Ann, -5-year-old Ann; é5-year-old Ann _5-year-old Ann",
        "person Ann, Jackson Ann, grandson Tom, son Tom Lee, son\tTom\tLee, son Tom--year-old Ann",
        "person Tom-5-year-old Ann",
        "son Tom-2-year-old Ann, fiancée Mia, fiance Mia, fiancé Mia, 3-month-old Eve, six-week-old Al",
        "wife Jo-Ann, sister ANN, brother Al.baby Zoe\nnewborn Lia son  Ed",
        "",
    ]
    pieces = ["son", "grand", "-", "5", "-year-old", "-week-old", " ", "\t", "Ann", "Tom", "é"]
    pieces += ["x", "_", ".", "wife", "fiancée", "Al", "old", "\n", "Bo Li"]
    rng = random.Random(14)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        found = [(m.span(), m["name"]) for m in _kin_named(text)]
        assert found == [(m.span(), m["name"]) for m in _KIN_NAMED.finditer(text)], text
    assert [m["name"] for m in _kin_named(texts[0])] == ["Stella", "Stella", "Youssif", "Bill"]


def test_a_things_noun_is_found_where_the_words_open_and_a_blank_follows() -> None:
    # `_holds_thing_noun` gives up without the pattern where no word of `_THING_FIRST_WORDS`
    # opens after no word character or "-" and is followed by a space or a tab
    plain = re.compile(_THINGS, re.I)
    texts = [
        "a relationship with the discussion of Russ Feingold",
        "the ship's crew; ship\nx; -ship x; _ship x; relation-ship x",
        "ship x",
        "USS\tCole",
        "(uss x",
        "The Aircraft carrier left",
        "aircraft carriers",
        "a ship",
        "\u0130 a ship x",  # a capital dotted "I": two characters in lower case
        "the \u212aelvin ship x",
        "a sh\u0131p x",  # a dotless "i": "i" to `re.I`, not to `str.lower`
        "\u017ftorm x",
    ]
    pieces = ["ship", "uss", "storm", "aircraft", " ", "\t", "\n", "-", "_", "é", "x", "S"]
    pieces += ["carrier", "'", "relation", "Ship", "USS", "\u017f", "\u0131"]
    rng = random.Random(14)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        assert _holds_thing_noun(text) == (plain.search(text) is not None), text
    assert not _holds_thing_noun(texts[0]) and _holds_thing_noun(texts[2])


def test_an_anti_prefix_is_found_as_the_pattern_opening_with_its_lookbehind_finds_it() -> None:
    # `_ANTI` opens with its letter, the test before it after it
    old = re.compile(r"(?<![\w-])[Aa]nti-(?=[A-Z])")
    texts = [
        "anti-Trump delegates, the Anti-NATO stance, pro-Russian anti-NATO; semi-anti-Trump",
        "éanti-Trump _anti-Trump xanti-Trump -anti-Trump 'anti-Trump\nanti-Trump anti-trump",
        "Santi-Trump anti-",
        "",
    ]
    for text in texts:
        for pos in range(len(text) + 1):
            new_m, old_m = _ANTI.search(text, pos), old.search(text, pos)
            assert (new_m and new_m.span()) == (old_m and old_m.span()), (text, pos)
    assert len(list(_ANTI.finditer(texts[0]))) == 3  # not after "semi-"


def test_an_aside_before_said_is_found_as_its_tail_alone_finds_it() -> None:
    # `_has_tail` searches `_TAIL_ENDS`' end of `_ASIDE_SAID_TAIL` before the tail
    tail = re.compile(_ASIDE_SAID_TAIL)
    texts = [
        "Ann Brody, a teacher from Dayton, Ohio, said it.",
        "Rucker Culpepper, who runs the effort, told reporters. Mr Lee, 40, also  said so.",
        'Lee, "a friend," said it; Lee, a friend,said it; Lee, a friend, \tlater told us',
        "Lee said, a friend, it; no comma said; , said; a friend, Saidi, said",
        "Lee, " + "x" * 130 + ", said it",
        "",
    ]
    pieces = [",", " ", "\t", "said", "told", "also", "a friend", "Ohio", '"', "“", "x", "Lee"]
    rng = random.Random(14)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    for text in texts:
        expected = tail.search(text) is not None
        assert _has_tail(_SUBJECT_ASIDE_SAID, text) == expected, text
    assert _has_tail(_SUBJECT_ASIDE_SAID, texts[0])
    assert not _has_tail(_SUBJECT_ASIDE_SAID, "Lee said, a friend, it.")


def test_a_name_calling_verb_is_searched_for_only_where_its_stem_is() -> None:
    # `_candidates` searches `_NAME_CALLING` (its verbs case-blind) only in a paragraph
    # whose lower case holds a verb's stem, unless the article holds a character `re.I`
    # reads as an ASCII letter; the pattern is the one written out before the stems were
    cue = r"(?P<cue>(?i:call(?:s|ed|ing)?|describ(?:es|ed|ing)|label(?:l?ed|s|l?ing)?|"
    assert _NAME_CALLING.pattern.pattern.startswith(rf"\b(?:{cue}brand(?:s|ed|ing)?))\s+")
    texts = [
        "Sanders CALLED Trump a 'pathological liar'",
        "Christie Calls Clinton 'A Disgrace'",
        "labelling the European Union a “foe”",
        "Describes him as 'weak' and BRANDED her a 'fraud'",
        "de\u017fcribed him as 'weak'",  # a long s: "s" to `re.I`, kept by `str.lower`
        "labe\u212a him 'weak'",
        "call\u0130ng him a 'fraud'",  # a dotted capital I: "i" and a dot in lower case
    ]
    rng = random.Random(21)
    folds = {"s": "\u017f", "i": "\u0130\u0131", "k": "\u212a"}
    for _ in range(3000):  # a verb in random case, a letter or two as `re.I` also reads it
        verb = rng.choice(["call", "calls", "describes", "labelling", "labels", "branded"])
        verb = "".join(
            rng.choice(folds[c])
            if c in folds and rng.random() < 0.2
            else rng.choice([c, c.upper()])
            for c in verb
        )
        before = rng.choice(["", "x", "-", " ", "é"])
        mark = rng.choice(["'", "“"])
        texts.append(f"{before}{verb} {rng.choice(['him', 'the EU as'])} {mark}liar'")
    found = 0
    for text in texts:
        if _NAME_CALLING.search(text) is not None:
            found += 1
            assert _may_call_names(text.lower(), FOLDS_TO_ASCII.search(text) is not None), text
    assert found > 1500


def test_an_acting_plural_is_tried_where_it_can_open_and_found_as_finditer_finds_it() -> None:
    # `_acting_plurals` tries `_ACTING_PLURAL` only at a head standing as a whole run of
    # ASCII letters and at the qualifier before it: the matches (and their groups) of
    # `finditer`, which tries it at every character
    texts = [
        "Residents said the water smelled; striking workers protested, anti-war protesters too.",
        'Tulsa residents\u00a0said so. "Voters voters" residents-led xvoters, voters’ 2voters',
        "the self-styled   \n\tresidents walked out; a hundred migrants arrived.",
    ]
    rng = random.Random(23)
    pieces = ["residents", "Residents", "voters", "workers", "striking ", "anti-war ", "a", "x"]
    pieces += [" ", "  ", "\u00a0", "\t", "\n", "-", "'", "’", ".", ",", "é", "_", "2", "Two"]
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 10))) for _ in range(5000)]
    found = 0
    for text in texts:
        old = [(m.span(), m.groupdict()) for m in _ACTING_PLURAL.finditer(text)]
        new = [(m.span(), m.groupdict()) for m in _acting_plurals(text, _acting_heads_in(text))]
        assert new == old, text
        found += sum(1 for _, groups in old if groups["modifier"])
    assert found > 100  # qualified ones among them


def test_a_nickname_is_looked_for_only_in_an_article_holding_one_before_a_name() -> None:
    # `_add_nicknames` searches `_NICKNAMED` (tried at every character) only in a text
    # where `_NICKNAME_IN` (a nickname in quotation marks, a name after it) is
    texts = [
        'Joaquin "El Chapo" Guzman was caught.',
        "Marcia 'Cia' Price and “Big” Tony said so; Bo ‘Bo’ de la Cruz, Ann \"X\"  Lee",
    ]
    rng = random.Random(23)
    parts = (
        ["Joaquin", "joaquin", "J.", "Ann-Marie", "é", "", "x "],
        [" ", "  ", "\n", "\u00a0", ""],
        ['"', "“", "‘", "'", "’", "", "x"],
        ["El Chapo", "Big", "el", "Big  Bad", "A.B.", "O'Neil"],
        ['"', "”", "’", "'", "“", ""],
        [" ", "  ", "\n", "", "-"],
        ["", "de ", "de la ", "von der ", "of "],
        ["Guzman", "guzman", "O’Neil", "Lee's", "Ann", "II"],
    )
    texts += ["".join(rng.choice(p) for p in parts) for _ in range(5000)]
    found = 0
    for text in texts:
        if _NICKNAMED.search(text) is not None:
            found += 1
            assert _NICKNAME_IN.search(text) is not None, text
    assert found > 50


def test_a_mutual_verb_is_looked_for_only_where_its_stem_is() -> None:
    # `_MUTUAL_VERB`, built from `_MUTUAL_VERBS` and searched after a non-word character,
    # is the pattern written out before; `_mutual` searches it only in a paragraph holding
    # one of its stems
    written = (
        r"\b(?:clash(?:ed|es)?|spar(?:red|s)?|squabbl(?:ed|e)|feud(?:ed)?|quarrel(?:l?ed)?|"
        r"tangled|bickered|locked\s+horns|butted\s+heads|traded\s+(?:barbs|insults|jabs|blows))"
        r"(?!\s+with\b)(?![\w'’-])"
    )
    assert _MUTUAL_VERB.pattern.pattern == r"\b(?:" + written.removeprefix(r"\b") + ")"
    old = re.compile(written)
    texts = ["India and Pakistan spar over it; they clashed, then traded  barbs and feud."]
    rng = random.Random(23)
    pieces = ["clash", "ed", "es", "spar", "red", "squabbl", "feud", "quarrel", "led", "tangled"]
    pieces += ["locked", "horns", "traded", "jabs", "with", " ", "\n", "-", "'", "é", "x", "."]
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 8))) for _ in range(5000)]
    found = 0
    for text in texts:
        spans = [m.span() for m in old.finditer(text)]
        assert [m.span() for m in _MUTUAL_VERB.finditer(text)] == spans, text
        if spans:
            found += 1
            assert any(stem in text for stem in _MUTUAL_VERBS), text
    assert found > 500
    verbs = ("clashed", "sparred", "squabbled", "feuded", "tangled", "bickered", "locked horns")
    for verb in (*verbs, "butted heads", "traded barbs"):  # each stem, the gate's too
        text = f"Mike Pompeo and John Bolton {verb} over the plan, aides said."
        extraction = extract_offline(CleanArticle(paragraphs=["Fund chiefs met.", text]))
        assert [t.parties for t in extraction.tensions] == [["Mike Pompeo", "John Bolton"]], verb


def _old_add_nicknames(self: Registry) -> None:
    if not any(q in self.text for q in "\"“‘'"):
        return
    for m in _NICKNAMED.finditer(self.text):
        around = (m["first"], m["rest"].split()[-1])
        person = next((p for p in self.people() if sub_span(around, p.tokens)), None)
        if person is None:
            continue
        person.forms.update((m.group(), m["nick"]))
        nick = tuple(m["nick"].split())
        for other in self.people():
            if other is not person and other.tokens in (nick, (*nick, around[1])):
                self._merge(other, person)


def test_nicknames_are_added_as_when_every_article_was_searched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = [
        ('Joaquin "El Chapo" Guzman was caught on Friday.', '"El Chapo" Guzman said no.'),
        ("Marcia 'Cia' Price said it was over.", "Price said so again."),
        ("Tom said it's 'Big' news.", "Nobody's nickname: Ann Lee's “Joy” Park."),
        ("Anna “Big Sis” Lowe said it was over.", "Lowe said so again."),
        ('Joaquin "El Chapo" Guzman was caught on Friday.', "Guzman said no."),
    ]
    outputs = _same_as_old(monkeypatch, "_add_nicknames", _old_add_nicknames, articles)
    assert '"aliases":["Lowe","Big Sis","Anna “Big Sis” Lowe"]' in outputs[3]
    assert '"El Chapo","Joaquin \\"El Chapo\\" Guzman"]' in outputs[4]


def _old_add_acting_plurals(self: Registry) -> None:
    acting: dict[str, list[tuple[tuple[int, int], int]]] = {}
    named: set[str] = set()
    for para in self._prose:
        for m in _ACTING_PLURAL.finditer(para.text):
            before = _word_before(para.text, m.start("head"))
            if before and self._names_qualifier(para.text, m.start("head"), before[0]):
                named.add(m["head"].lower())
                continue
            if m["modifier"] in _QUANTITY_WORDS:
                continue
            qualified = m["modifier"] is not None and m["modifier"] not in _NOT_MODIFIERS
            start = m.start() if qualified else m.start("head")
            if self._plural_subject(para, start, m.end()):
                acting.setdefault(m["head"].lower(), []).append(((para.index, start), m.end()))
    heads = {e.tokens[-1].lower() for e in self.entities if e.type == "group"}
    if "police" in heads or any("Police" in e.tokens for e in self.entities):
        heads |= {"officers", "police"}
    found = [
        (h, ms)
        for h, ms in acting.items()
        if (len(ms) >= 2 or self._headlined_plural(h))
        and h not in heads | named
        and GROUP_SYNONYMS.get(h) not in heads
    ]
    found.sort(key=lambda f: (-len(f[1]), f[0]))
    for head, _mentions in found[:_ACTING_PLURALS_MAX]:
        group = Entity(head, "group", forms={head, head.title()} - GROUPS, described=True)
        self._index(group)
        group.signals.add("subject")
        self.entities.append(group)


def test_acting_plurals_are_found_as_when_every_character_was_tried(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `_add_acting_plurals` asks `_acting_plurals` with the heads of the article's text
    articles = [
        (
            "A row over water bills has split the town of Orlen this spring.",
            "Mayor Tessa Vane said the bills were fair.",
            "Residents said the water smelled of metal.",
            "On Monday angry residents blocked the main road.",
        ),
        (
            "Bus services in Kettle Bay stopped on Friday.",
            "Mayor Tessa Vane said talks would resume.",
            "Striking\u00a0workers blocked the depot; many workers said the pay was too low.",
            "Two workers left, and the workers’ union said so.",
        ),
        (  # a head no described group has (`_GROUP_HEAD_FORMS`)
            "Neighbours of the Dunmore towers lost their deposits when the landlord shut it.",
            "Mayor Tessa Vane said the city would help.",
            "Neighbours said the landlord owed them money.",
            "On Friday neighbours blocked the office.",
        ),
        (
            "Teachers said no to the plan.",
            "Velmora Front fighters attacked; the fighters withdrew.",
            "Parents sued the board, and the parents’ lawyers said the parents had won.",
        ),
    ]
    outputs = _same_as_old(monkeypatch, "_add_acting_plurals", _old_add_acting_plurals, articles)
    assert '"name":"residents"' in outputs[0] and '"name":"workers"' in outputs[1]
    assert '"name":"neighbours"' in outputs[2]


def test_a_pattern_opening_with_its_first_letter_finds_what_its_lookbehind_form_finds() -> None:
    # `_PLURAL_NAME` and `_THE_GOVERNMENT` open with their first letters, the test before
    # them after them: the matches of the forms opening with the test
    old_plural = re.compile(r"(?<![\w.'’-])[A-Z][a-z]{2,}s(?![\w'’-])")
    old_government = re.compile(
        r"(?<![\w-])[Tt]he\s+(?:(?:central|federal|national)\s+)?government(?![\w'’-])"
        r"(?!\s+(?:official|officials|spokesman|spokeswoman|source|sources|minister|ministers)\b)"
    )
    rng = random.Random(23)
    pieces = ["Anzacs", "Sunnis", "The ", "the ", "federal ", "government", " officials", "Kurds"]
    pieces += [" ", "  ", "\n", "-", ".", "'", "’", "é", "x", "_", "1", "s", "'s"]
    texts = ["The Anzacs and the Sunnis met; the federal government's man, xThe government."]
    texts += ["-The government, -Anzacs, .Sunnis, 'Kurds, _the government, éThe government"]
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 10))) for _ in range(5000)]
    found = 0
    for text in texts:
        for new, old in ((_PLURAL_NAME, old_plural), (_THE_GOVERNMENT, old_government)):
            spans = [m.span() for m in old.finditer(text)]
            assert [m.span() for m in new.finditer(text)] == spans, text
            found += len(spans)
    assert found > 300


def test_a_nickname_is_in_a_text_where_its_mark_is() -> None:
    # `_NICKNAME_MARK` (the opening quotation mark first) is in a text where `_NICKNAME_IN`
    # is, and nowhere else
    assert _NICKNAME_MARK.pattern != _NICKNAME_IN.pattern
    rng = random.Random(23)
    parts = (
        ["Joaquin", "é", "", "x"],
        [" ", "  ", "\n", "\u00a0", "", "x"],
        ['"', "“", "‘", "'", "’", "", "x"],
        ["El Chapo", "Big", "el", "Big  Bad", "A.B."],
        ['"', "”", "’", "'", "“", ""],
        [" ", "  ", "\n", "", "-"],
        ["", "de ", "de la ", "of "],
        ["Guzman", "guzman", "O’Neil", "Lee's", "II"],
    )
    texts = ['Joaquin "El Chapo" Guzman', "Ann\n‘Big’ de Lee", "Ann'Big' Lee", " 'x' Lee"]
    texts += ["".join(rng.choice(p) for p in parts) for _ in range(10000)]
    found = 0
    for text in texts:
        held = _NICKNAME_IN.search(text) is not None
        assert (_NICKNAME_MARK.search(text) is not None) == held, text
        found += held
    assert found > 200


def test_a_counted_group_s_head_is_a_whole_letter_run_the_article_holds() -> None:
    # `_add_counted_groups` tries `_COUNTED_DEED` only on a paragraph holding one of the
    # article's `PEOPLE_PLURALS` runs of ASCII letters: every match's head is one
    rng = random.Random(23)
    parts = (
        ["", "x", "-", ".", " ", "é"],
        ["10", "three", "Two", "1234", "eleven"],
        [" ", "  ", "\n", "\t", "", "-"],
        ["doctors", "men", "government", "xmen", "womenx", "children’s"],
        ["", " have", " were", "'s"],
        [" ", "  ", "\n", "", "é"],
        ["urged", "signed", "been", "called", "urgedx", "Urged"],
    )
    texts = ["after 10 doctors urged it; three  women\thad signed, 5 menxed"]
    texts += ["".join(rng.choice(p) for p in parts) for _ in range(10000)]
    found = 0
    for text in texts:
        heads = PEOPLE_PLURALS.intersection(_letter_runs(text))
        for m in _COUNTED_DEED.finditer(text):
            assert m["head"] in heads, text
            found += 1
    assert found > 50


def _old_add_counted_groups(self: Registry) -> None:
    for para in self._prose:
        for m in _COUNTED_DEED.finditer(para.text):
            head = m["head"]
            if para.inside_quote(m.start()) or any(
                e.type == "group" and e.tokens[-1].lower() == head for e in self.entities
            ):
                continue
            again = re.compile(rf"\b(?:[Tt]he|[Tt]hose|[Tt]hese)\s+(?:\w+\s+)?{head}\b")
            if again.search(self.text, 0, self._starts[para.index]) or again.search(
                self.text, self._starts[para.index] + m.end()
            ):
                name = f"{m['count']} {head}"
                group = Entity(name, "group", forms={name}, described=True)
                group.signals.add("subject")
                self._index(group)
                self.entities.append(group)


def test_counted_groups_are_found_as_when_every_paragraph_was_searched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = [
        ("After 12 nurses signed a letter, the Dunmore hospital replied.", "The nurses said so."),
        ("Three climbers were rescued.", "Rescuers said 4 hikers walked out; those hikers left."),
        ("The 10 governments agreed after ten women signed it.", "Police said the women left."),
    ]  # (women: a head of `PEOPLE_PLURALS` no described group has)
    outputs = _same_as_old(monkeypatch, "_add_counted_groups", _old_add_counted_groups, articles)
    assert '"name":"12 nurses"' in outputs[0] and '"name":"4 hikers"' in outputs[1]
    assert '"name":"ten women"' in outputs[2]


def test_a_group_phrase_is_tried_where_it_can_open_and_found_as_finditer_finds_it() -> None:
    # `_group_phrases` tries `_GROUP_PHRASE` only at a head standing as a whole run of ASCII
    # letters and at the one or two qualifiers before it: the matches (and their groups) of
    # `finditer`, which tries it at every character; a qualifier is made of
    # `_GROUP_WORD_CHARACTERS` (a modifier with another would be missed)
    assert all(set(word) <= _GROUP_WORD_CHARACTERS for word in GROUP_MODIFIERS)
    texts = [
        "(Iraqi security forces) and anti-government protesters; U.S. troops, “Russian-backed"
        " separatists”, xIraqi troops, -U.S. troops, Iraqi  \n\tsecurity\u00a0forces.",
    ]
    rng = random.Random(23)
    pieces = ["Iraqi ", "U.S. ", "anti-government ", "Russian-backed ", "security ", "pro-war "]
    pieces += ["protesters", "forces", "Forces", "troops", " ", "\u00a0", "\n", "(", '"', "“"]
    pieces += ["-", ".", "'", "’", "é", "x", "_", "2"]
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 10))) for _ in range(5000)]
    qualified = Counter[int]()
    for text in texts:
        old = [(m.span(), m.groups()) for m in _GROUP_PHRASE.finditer(text)]
        assert [(m.span(), m.groups()) for m in _group_phrases(text, _group_heads_in(text))] == old
        qualified.update(len(text[a:b].split()) - 1 for (a, b), _ in old)
    assert qualified[1] > 100 and qualified[2] > 20  # one qualifier, two


def test_a_relation_named_is_looked_for_only_in_an_article_holding_its_word_or_an_age() -> None:
    # `_add_kin_named` skips an article holding none of `_KIN_RUNS` as a run of ASCII
    # letters and none of `_KIN_AGES`: every `_KIN_NAMED` match holds one
    assert all(w.isascii() and w.isalpha() for w in _KIN_RUNS)
    assert {w for w in _KIN_BEFORE_NAME if w.isascii() and w.isalpha()} < _KIN_RUNS
    rng = random.Random(23)
    parts = (
        ["", "x", "-", " ", "é", "2", "Mack's "],
        ["daughter", "son", "fiancée", "fiancé", "fiance", "fiancee", "5-year-old", "two-week-old"],
        ["", "x", "-", "s"],
        [" ", "  ", "\n", "\t", ""],
        ["Stella", "stella", "Jo Ann", "Al"],
    )
    texts = ["".join(rng.choice(p) for p in parts) for _ in range(10000)]
    found = 0
    for text in texts:
        if _KIN_NAMED.search(text) is not None:
            found += 1
            runs = set(_LETTER_RUN.findall(text))
            assert runs & _KIN_RUNS or any(age in text for age in _KIN_AGES), text
    assert found > 500
    for kin in ("his fiancée", "his son", "the 4-year-old"):  # found by this rule alone
        paragraphs = [f"Dale Roe found {kin} Milo in a field.", "By noon Milo was warm again."]
        paragraphs += ["Doctors said Milo was fine.", "Milo slept."]
        extraction = extract_offline(CleanArticle(paragraphs=paragraphs))
        assert [a.name for a in extraction.actors] == ["Milo"], kin


def test_a_part_of_government_is_tried_at_the_word_before_its_last_word() -> None:
    # `_add_parts_of_government` tries `_GOVERNMENT` only at the word before one of
    # `_GOVERNMENT_WORDS` standing as a whole run of ASCII letters after white space
    rng = random.Random(23)
    parts = (
        ["", "x", "-", " ", "é", "(", "the "],
        ["Trump", "trump", "McDonald", "House", "Senate", "congressional", "Congressional", ""],
        [" ", "  ", "\n", "-", ""],
        ["administration", "Democrats", "Republicans", "administrations", "Democrat"],
        ["", "'s", "x", ".", " said"],
    )
    texts = ["the Trump administration and House Republicans; congressional Democrats"]
    texts += ["".join(rng.choice(p) for p in parts) for _ in range(10000)]
    found = 0
    for text in texts:
        old = [m.span() for m in _GOVERNMENT.finditer(text)]
        heads = _GOVERNMENT_WORDS.intersection(_LETTER_RUN.findall(text))
        assert [
            m.span() for m in _phrases_at_heads(_GOVERNMENT, text, heads, _ASCII_LETTERS, 1)
        ] == old
        found += len(old)
    assert found > 200
    paragraphs = ["The Trump administration said no.", "House Republicans said yes.", "It rained."]
    names = [a.name for a in extract_offline(CleanArticle(paragraphs=paragraphs)).actors]
    assert "Trump administration" in names and "House Republicans" in names
