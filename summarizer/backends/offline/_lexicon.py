"""Word lists the offline backend's rules lean on: countries, titles, cue words.

Kept apart from the rules so a reader can audit (and extend) the vocabulary
without reading the code that uses it.
"""

from __future__ import annotations

from collections.abc import Iterable

# Common English given names, and honorifics, that say a person's gender: one list, which
# the eval's pronoun reference and actor merging read too, so it is kept outside the backend.
from summarizer._given_names import FEMALE_NAMES as FEMALE_NAMES
from summarizer._given_names import HONORIFIC_GENDER as HONORIFIC_GENDER
from summarizer._given_names import MALE_NAMES as MALE_NAMES
from summarizer._text import COMPASS_POINTS

# Capitalised titles that introduce a person's name ("President Vladimir Putin"): the
# text core's one list, which merging actors and the eval set aside in front of a name.
from summarizer._text import TITLES as TITLES


def _words(text: str) -> frozenset[str]:
    """A word list written as running text, one or more words a line."""
    return frozenset(text.split())


# Canonical country name -> other forms an article may use for the same state.
# Metonyms (capitals, seats of government) are listed separately: they only
# count when the article uses them as an acting subject or a party.
COUNTRY_FORMS: dict[str, tuple[str, ...]] = {
    "United States": ("U.S.", "US", "USA", "U.S.A."),
    "United Kingdom": ("Britain", "U.K.", "UK", "Great Britain"),
    "North Korea": ("DPRK", "N. Korea"),
    "South Korea": ("S. Korea",),
    "United Arab Emirates": ("UAE", "U.A.E."),
    "Czech Republic": ("Czechia",),
    "Democratic Republic of Congo": ("DRC",),
    "Ivory Coast": ("Cote d'Ivoire",),
    "Myanmar": ("Burma",),
}
_PLAIN_COUNTRIES = """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan
Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia
Botswana Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada Chile China Colombia
Congo Croatia Cuba Cyprus Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini
Ethiopia Fiji Finland France Gabon Gambia Germany Ghana Greece Grenada Guatemala
Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy
Jamaica Japan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon
Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives
Mali Malta Mauritania Mauritius Mexico Moldova Monaco Mongolia Montenegro Morocco Mozambique
Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine
Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal
Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland
Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda
Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe
"""
COUNTRY_FORMS.update({name: () for name in sorted(_words(_PLAIN_COUNTRIES))})
COUNTRY_FORMS.update(
    {
        "Saudi Arabia": (),
        "South Africa": (),
        "South Sudan": (),
        "New Zealand": (),
        "Sri Lanka": (),
        "Costa Rica": (),
        "El Salvador": (),
        "Dominican Republic": (),
        "Sierra Leone": (),
        "Papua New Guinea": (),
        "Burkina Faso": (),
        "Vatican": (),
        "Hong Kong": (),  # a territory, not a state, but it acts as one ("Hong Kong's government")
    }
)

# Seat-of-power metonyms: an alias of the state when the article makes it act.
METONYMS: dict[str, str] = {
    "Moscow": "Russia",
    "Kremlin": "Russia",
    "Washington": "United States",
    "Beijing": "China",
    "Pyongyang": "North Korea",
    "Seoul": "South Korea",
    "Tehran": "Iran",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Ankara": "Turkey",
    "Tokyo": "Japan",
    "Damascus": "Syria",
    "London": "United Kingdom",
    "Paris": "France",
    "Berlin": "Germany",
    "Riyadh": "Saudi Arabia",
    "Caracas": "Venezuela",
    "Havana": "Cuba",
}

# Named groups that act collectively (parties' members, armed groups).
GROUPS = _words(
    """Democrats Republicans Taliban Hamas Hezbollah Houthis Kurds Palestinians Israelis
    Conservatives Liberals Tories Labour"""
) | frozenset(
    [
        "Islamic State", "al-Qaeda", "al Qaeda", "Al Qaeda", "Al-Qaeda", "Boko Haram",
        "Muslim Brotherhood", "al-Shabab", "Black Lives Matter", "Tea Party",
        # Britain's parties beside Labour and the Conservatives: "Democrats" in "Liberal
        # Democrats" is no other party's members
        "Liberal Democrats", "Lib Dems", "Plaid Cymru",
    ]
)  # fmt: skip

# One body under names that share no word, each its own entry above or found as an
# acronym or a one-word name: the first is the name the briefing gives it.
SAME_BODY: tuple[tuple[str, ...], ...] = (
    ("Islamic State", "ISIS", "ISIL", "Daesh", "Islamic State of Iraq and Syria",
     "Islamic State of Iraq and the Levant"),
    ("al-Qaeda", "al Qaeda", "Al Qaeda", "Al-Qaeda", "al-Qaida", "Al-Qaida"),
)  # fmt: skip

# Peoples an article may be about, named by a plural noun of their own: an ethnic or
# religious community, a nationality's people ("Latinos", "Muslims", "Mexicans").
PEOPLES = _words(
    """Latinos Hispanics African-Americans Muslims Christians Jews Evangelicals Catholics
    Mormons Mexicans Cuban-Americans Mexican-Americans Asian-Americans"""
) | frozenset(
    [
        "African Americans", "Asian Americans", "Cuban Americans", "Mexican Americans",
        "Muslim Americans", "Native Americans",
    ]
)  # fmt: skip
GROUPS |= PEOPLES

# Honorifics carry no role: "Mr. Trump" names Trump but says nothing of his job.
# British style writes them with no full stop ("Mr Miliband", "Mrs May", "Dr Wollaston").
HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof.", "Mr", "Mrs", "Ms", "Dr"})

# Lower-case nouns that introduce a person's name ("national security adviser H.R. McMaster")
# or follow it in an apposition ("Brian Darling, a Republican strategist").
ROLE_NOUNS = _words(
    """leader spokesman spokeswoman spokesperson adviser advisor aide official strategist
    analyst professor lawyer attorney director chief executive founder candidate nominee
    lawmaker senator congressman congresswoman judge ambassador envoy economist expert
    researcher diplomat commander minister secretary president chairman chairwoman activist
    author historian scientist physician pastor governor mayor prosecutor counsel investigator
    businessman businesswoman billionaire dictator opponent ally owner son daughter wife husband
    son-in-law daughter-in-law brother sister mother father ceo pollster
    consultant columnist journalist officer general admiral negotiator representative
    writer reporter editor correspondent commentator fellow scholar predecessor successor
    host cleric moderator co-moderator anchor actress actor singer comedian rapper boss"""
)

# Words for a relative, each with the gender it says ("" for either): the one list that
# every rule reading a relation derives its words from (a person named by a relation and a
# given name, "husband Bill"; the gender a role says, "his wife"; a relative who shares a
# surname, "Mr. Kim's father"). A word added here reaches each of them.
KIN: dict[str, str] = {
    "father": "m", "mother": "f", "son": "m", "daughter": "f", "brother": "m", "sister": "f",
    "husband": "m", "wife": "f", "widower": "m", "widow": "f",
    "grandfather": "m", "grandmother": "f", "grandson": "m", "granddaughter": "f",
    "uncle": "m", "aunt": "f", "nephew": "m", "niece": "f", "cousin": "",
    "stepfather": "m", "stepmother": "f", "son-in-law": "m", "daughter-in-law": "f",
    "boyfriend": "m", "girlfriend": "f",
    # AP's spellings, and the French ones: the man's with one "e", the woman's with two
    "fiance": "m", "fiancee": "f", "fiancé": "m", "fiancée": "f",
}  # fmt: skip
# Role nouns that say a gender and no relation ("spokeswoman"; "wife" is in KIN).
GENDERED_ROLES: dict[str, str] = {
    "spokeswoman": "f", "spokesman": "m", "congresswoman": "f", "congressman": "m",
    "chairwoman": "f", "chairman": "m", "businesswoman": "f", "businessman": "m",
    "actress": "f", "actor": "m", "queen": "f", "king": "m", "princess": "f", "prince": "m",
}  # fmt: skip


def of_gender(words: dict[str, str], gender: str) -> frozenset[str]:
    """The words of ``words`` (`KIN`, `GENDERED_ROLES`) that say ``gender`` ("f" or "m")."""
    return frozenset(w for w, said in words.items() if said == gender)


# Titles before a name that the shared TITLES leave out: set aside from the name ("Sheriff
# Joe Arpaio" is Joe Arpaio, "Pfc. Bradley Manning" is Bradley Manning). Only the actor
# rules read them: "the officer said" stays an unnamed speaker for the quote rules.
# Ranks and styles spelled out before a name ("Colonel Gaddafi", "Lord Ashcroft"): with one
# word after them, a person only where the article uses that word alone too (`Registry`),
# not "Lady Macbeth" as a figure of speech.
RANKS: tuple[str, ...] = (
    "Colonel", "Captain", "Lieutenant", "Sergeant", "Commander", "Lord", "Lady", "Sir", "Dame",
)  # fmt: skip
PERSON_TITLES: tuple[str, ...] = (
    "Sheriff", "Officer", "Detective", "Trooper", "Pfc.", "Pvt.", "Cpl.", "Spc.", "Del.", "Rabbi",
    "Pastor", "Imam", "Bishop", "Archbishop", "Cardinal", "Councilman", "Councilwoman",
    "Assemblyman", "Assemblywoman", "Alderman", "Comptroller", "Superintendent",
    "Inspector General", "Surgeon General", "Solicitor General",
    # police ranks ("Detective Chief Inspector Mark Hudson", "Chief Constable Sara Thornton")
    "Det.", "Inspector", "Insp.", "Constable", "Supt.", "Supt",
    "First Lady", "First lady",  # "First lady Michelle Obama" opening a sentence
    "Mr", "Mrs", "Ms", "Dr",  # British style, no full stop ("Mr Afzal said")
    *RANKS,
)  # fmt: skip

# Verbs that attribute direct speech.
SPEECH_VERBS = _words(
    """said says say told tells added adds asked asks wrote writes stated warned warns
    explained explains noted notes argued argues insisted insists declared announced tweeted
    replied responded remarked acknowledged admitted claimed complained predicted cautioned
    conceded testified countered quipped recalled continued adding saying telling writing asking
    warning demanded boasted joked shouted yelled exclaimed sang sings reads vowed observed
    emphasized stressed charged contended concluded continues lamented mused wondered pleaded
    confirmed recounted interjected scoffed chimed reported reports commented
    fumed snapped retorted bragged"""
)
# Words that may sit between a subject and its speech verb ("Trump later said").
SPEECH_ADVERBS = _words(
    """also later then again previously earlier recently once reportedly repeatedly publicly
    privately has had have would will often"""
)

# Months written short: dates ("Jun. 5", "Jan 5"), and given or family names too
# ("Jan Brewer", "Zhang Jun"), which `_names` keeps where they stand in a name.
MONTH_ABBREVIATIONS = _words("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
# The days of the week and the months, written in full: dates, never a name's words ("the
# Council on Friday"). "May" is a surname too ("Theresa May"), so `STOP_CAPS` leaves it out.
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
MONTHS = _words(
    "January February March April May June July August September October November December"
)
# Capitalised words that start sentences or fill slots but never name anyone.
STOP_CAPS = (MONTH_ABBREVIATIONS | WEEKDAYS | (MONTHS - {"May"})) | _words(
    """The A An And But Or Nor So Yet For In On At By To Of From With Without As If When While
    After Before Since Until Because Although Though However Meanwhile Still Also Then Now Here
    There This That These Those It Its He She They We I You His Her Their Our My Your Who What
    Where Why How Which Asked According Speaking Earlier Later Last Next Some Many Most Several
    Both Each Every All No Not One Two Three Mr Mrs Ms Dr Sen Rep Gov Gen
    Reuters AP AFP Associated Press Photo Image Video Read More Watch Click Sign Subscribe
    Advertisement Related Just Even Only Instead Despite During Under Over Into Through Such
    Senior Former Retired Top Acting Late Four Five Six Seven Eight Nine Ten Eleven Twelve
    Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen Twenty Dozens Hundreds
    Lt Col Maj Sgt Capt Adm Cpl Pvt Prof Rev Amb Sens Reps Facebook Twitter Pinterest
    Instagram LinkedIn WhatsApp Email Share Comment Comments Getty Images Beyond Whether
    Neither Either Besides Another First Should Could Would Unlike Like Perhaps Maybe Among
    Amid Behind Against Toward Towards Upon Whatever Whoever Whenever Wherever Notice
    Said Says Added"""
)

# Verbs before "by" whose agent reports or publishes something: an outlet or a source the
# article cites ("first reported by The Washington Post", "quoted as saying by Interfax").
REPORTED_BY_VERBS = _words("reported published obtained cited quoted")
# With these, the agent is a body making something public: a source the article cites,
# so an actor ("a survey conducted by Gallup", "an analysis released by the Department of
# Veterans Affairs"; `_names._SOURCE_BY`).
SOURCE_BY_VERBS = REPORTED_BY_VERBS | _words(
    "released conducted confirmed compiled commissioned broken announced"
)
# With these, the agent is an outlet at work, often the publisher itself ("a letter seen by
# Reuters", "contacted by MailOnline", "interviewed by CNN"): no source it cites, and no
# agent of the story's events (`_ner._REPORTED`; a body that released a report is one).
OUTLET_BY_VERBS = REPORTED_BY_VERBS | _words("seen contacted interviewed broadcast")

# Verbs (and auxiliaries) that show a country or organisation acting as a subject.
ACTING_VERBS = _words(
    """also has have had is was were will would could can may might must should did does do
    says said wants plans accuses demands threatens insists denies claims warns seeks rejects
    refuses launches supports opposes agrees calls urges announces remains holds sends needs
    hopes expects considers backs blames faces imposes maintains fears tries pushes sent made
    took gave began met won lost held led left struck fought sought built brought put hit cut
    became came went saw got kept spent paid rose fell drew threw chose broke spoke stood shot
    beat told thought found felt knew wrote sold bought ran"""
) | _words(
    # irregular past tenses the "-ed" test misses ("The committee withdrew its support")
    """withdrew upheld withheld overrode overcame undertook forbade forgave froze fled dealt
    heard laid understood withstood stole sank hung taught caught swore swept shut quit
    grew flew blew hid forgot"""
)
# Organisations a single head word names ("the Senate", "the Pentagon").
INSTITUTIONS = _words("Congress Senate House Pentagon Parliament Duma Knesset Cabinet Bundestag")

# Last words of a place's name that no person's or body's name holds ("Hudson River", "Wall
# Street", "Orange County"): in `NOT_NAMES`, and the NER pass's test of a place's name.
PLACE_HEADS = _words(
    "Sea River Street Avenue Boulevard Valley County City Island Islands Bay Peninsula Beach Gulf"
)
# Last words of a built place's name ("Trump Tower", "Foggy Bottom", "Buckingham Palace"):
# a name ending in one is a place's, but a person's or a body's name may hold one elsewhere
# ("Tower Hamlets Council", "the Palace said"), so they are not in `NOT_NAMES`.
SITE_HEADS = _words(
    "Airport Tower Towers Building Base Stadium Arena Hotel Bottom Palace Mall Bridge Airfield "
    "Harbor Harbour"
)

# Words that make a capitalised run a place or a nationality, never a person's name.
NOT_NAMES = (
    PLACE_HEADS
    | {f"{point}ern" for point in COMPASS_POINTS}  # "Western", "Southern"
    | _words(
        """Korea Korean Koreans Europe European Asia Asian Africa African America American
        Americas Arab Arabs Russian Chinese Japanese British French German Iranian Iraqi Syrian
        Israeli Palestinian Ukrainian Turkish Mexican Canadian Indian Pakistani Afghan Saudi
        Soviet Middle East Pacific Atlantic Kingdom Republic States Province Region Capitol Zero
        Act Agreement Plan Hospital College Markets Sales Dollars Music Republican Democrat
        Democratic"""
    )
    | _words(
        # plural nationalities and faiths ("Sikh Americans", "Nagorno-Karabakh Armenians")
        """Americans Europeans Asians Africans Latino Latinos Latina Hispanic Hispanics Armenians
        Muslims Christians Jews"""
    )
)

# Capitalised words and acronyms that name things, not actors: treaties, laws,
# programmes, conditions ("NAFTA has", "TBI rates").
NOT_ACTORS = _words(
    """NAFTA PAC PACs GDP CEO TV DACA DAPA TPP NDAA ACA TBI PTSD COVID AIDS HIV Brexit
    Obamacare Medicare Medicaid NPT"""
)

# Head words that make a capitalised phrase an organisation's name.
ORG_HEADS = _words(
    """Court House Ministry Department Party Council Commission Committee Agency Bank Union
    Organization Organisation Association Institute University Congress Senate Parliament
    Assembly Army Navy Forces Police Service Office Corporation Corp Company Group Fund
    Federation League Caucus Foundation Bureau Administration Authority Board Guard Command
    Commonwealth Alliance Coalition Movement Front Cabinet Government Tribunal Reserve Academy
    Center Centre Church Journal Times Post News Network Pentagon Duma Knesset
    Inc Ltd International Watch Society Trust Institution Nations Co LLC Legislature Patrol
    Club Corps Chamber Brotherhood Conference"""
)
# Well-known acronyms that name organisations.
ORG_ACRONYMS = _words(
    """NATO FBI CIA ICC UN U.N. EU E.U. NSA DOJ EPA IRS OPEC IMF WHO IAEA ISIS GOP DHS ICE
    NAACP ACLU NRA DNC RNC CDC FDA SEC FCC FTC NASA"""
)
# ... as the New York Times writes them ("the I.R.S.", "the C.I.A.")
ORG_ACRONYMS |= {
    ".".join(a) + "." for a in ORG_ACRONYMS if a.isalpha() and 2 < len(a) < 6 and a != "GOP"
}  # "G.O.P." is a party (the Republicans group), not a body of its own

# Acts of violence stated in the passive with the one who did them after "by"
# ("protesters were shot dead by security forces", "was killed by police"): cues only
# then, in lower-cased text; "killed in a crash" or "the bill was killed" name no one.
PASSIVE_VIOLENCE = tuple(
    r"(?:(?<=was )|(?<=were )|(?<=been )|(?<=being )|(?<=fatally ))" + verb
    + r"(?=(?:\s+(?:dead|to\s+death|and\s+killed|and\s+(?:\w+\s+)?wounded))?\s+by\s)"
    for verb in ("shot", "killed", "wounded", r"gunned\s+down", "beaten", "murdered")
)  # fmt: skip

# Cue words that state a tension, as regular expressions over lower-cased text, in three
# kinds that find their parties differently (see `summarizer.backends.offline._tensions`).
# Verbs: a subject before the cue, an object after it ("Rahmon berated Putin").
TENSION_VERBS = (
    r"accus(?:ed|es|ing)",
    r"berat(?:ed|es|ing)",
    r"condemn(?:ed|s|ing)",
    r"criticis(?:ed|es|ing)",
    r"criticiz(?:ed|es|ing)",
    r"denounc(?:ed|es|ing)",
    r"blam(?:ed|es|ing)",
    r"rebuk(?:ed|es|ing)",
    r"slamm(?:ed|ing)",
    r"slams",
    r"threaten(?:ed|s|ing)",
    r"warn(?:ed|s|ing)",
    r"attack(?:ed|ing)",
    r"derid(?:ed|es|ing)",
    r"insult(?:ed|s|ing)",
    r"oppos(?:ed|es|ing)",
    r"fought(?!\s+alongside)",
    r"battl(?:ed|ing)(?!\s+alongside)",
    r"clash(?:ed|es|ing)\s+with",
    r"defie[sd]",
    r"defying",
    r"punish(?:ed|es|ing)",
    r"impeach(?:ed|es|ing)",
    r"indict(?:ed|s|ing)",
    r"arrest(?:ed|s|ing)",
    r"expell?(?:ed|s|ing)",
    r"boycott(?:ed|s|ing)",
    r"invad(?:ed|es|ing)",
    r"retaliat(?:ed|es|ing)\s+against",
    r"sued",
    r"sues",
    r"suing",
    r"sanction(?:ed|ing)",
    r"mock(?:ed|s|ing)",
    r"ridicul(?:ed|es|ing)",
    r"rejected",
    r"rebuffed",
    r"chastis(?:ed|es|ing)",
    r"lambast(?:ed|s|ing)",
    r"assail(?:ed|s|ing)",
    r"silenc(?:ed|es|ing)",
    r"dismiss(?:ed|es)",
    r"chid(?:ed|es|ing)",
    r"scold(?:ed|s|ing)",
    r"lash(?:ed|es|ing)\s+out\s+at",
    r"withdr(?:ew|aws|awing)\s+from",
    r"pull(?:ed|s|ing)\s+out\s+of",
    r"revok(?:ed|es|ing)",
    r"t(?:ook|akes|aking)\s+aim\s+at",
    r"t(?:ook|akes|aking)\s+(?:a\s+)?shots?\s+at",  # "taking shots at Marco Rubio"
    r"blast(?:ed|s|ing)(?!\s+(?:out|off|away|through)\b)",
    r"hammer(?:ed|s|ing)(?!\s+(?:out|home|away)\b)",
    r"rail(?:ed|s|ing)\s+against",
    r"sabotag(?:ed|es|ing)",
    r"(?<=to )sabotage",
    r"(?:(?<=to )|(?<=will )|(?<=would ))sue",
    r"call(?:ed|s|ing)?\s+on(?=\s+(?:[\w.'’-]+\s+){1,6}?to\s+[\"“‘']?(?:resign|apologi[sz]e|step\s+(?:down|aside)|"
    r"stop|quit|drop\s+out|back\s+down|recuse|cease|halt|abandon|reverse|withdraw|end)\b)",
    r"(?<=to )attack",  # "decided to attack Trump personally"
    r"(?<=to )accuse",  # "prompting the opposition party to accuse Moon's administration"
    r"(?<=to )retaliate\s+against",
    r"(?<=to )impeach",
    r"investigat(?:ed|es|ing)|(?<=to )investigate",
    r"hack(?:ed|ing)(?!\s+(?:away|off|out)\b)|(?<=to )hack",  # a cyberattack
    r"hold(?=\s+(?:\S+\s+){1,12}?in\s+contempt\b)",  # "voted to hold X in contempt"
    r"assault(?:ed|ing)",
    r"(?<=to )combat|combat(?:t?ed|t?ing)",  # "send forces to combat the Islamic State"
    r"charged(?=\s+by\b)",  # "Assange has been charged by federal prosecutors"
    r"undercut(?:s|ting)?",  # "Trump seemed to undercut Giuliani"
    r"boo(?:ed|ing)(?!\s+(?:off|out)\b)",  # "was booed by Sanders supporters"; not "booed off"
    r"heckl(?:ed|es|ing)",
    # "Bush went after Trump at the debate": its object named right after it (_tensions'
    # _DIRECT_OBJECT; not "went after the debate to see Trump")
    r"g(?:oes|oing|one)\s+after",
    r"went\s+after",
    r"critics?\s+of",  # "McCaskill has been a critic of Russia", "Fox, a critic of Trump,"
    # Words of scorn a reader takes as criticism ("Trump and his supporters also repeatedly
    # vilified Yovanovitch", "Chris Christie savaged Rubio", "He also reproached Harris");
    # not "disparaging"/"belittling" nor "savage", adjectives more often than verbs.
    r"reproach(?:ed|es|ing)",
    r"vilif(?:ied|ies|ying)",
    r"savag(?:ed|es|ing)",
    r"skewer(?:ed|s|ing)",
    r"excoriat(?:ed|es|ing)",
    r"castigat(?:ed|es|ing)",
    r"pillor(?:ied|ies|ying)",
    r"disparag(?:ed|es)",
    r"demoniz(?:ed|es|ing)",
    r"belittl(?:ed|es)",
    r"denigrat(?:ed|es)",
    r"admonish(?:ed|es)",
    r"reprimand(?:ed|s)",
    r"upbraid(?:ed|s|ing)",
    # More words of scorn in prose ("Chris Christie lit into Marco Rubio", "Giuliani trashed
    # Comey", "Clinton decried the GOP", "McCain, who has tangled with Cruz"); their "-ing"
    # forms only after "into" ("ripping roofs off houses"; "bashing Clinton" after a colon
    # has no subject the rules can find)
    r"ripped(?:\s+into)?|ripping\s+into",
    r"trash(?:ed|es)",
    r"bash(?:ed|es)",
    r"fir(?:ed|es|ing)\s+back\s+at",
    r"hit(?:s|ting)?\s+back\s+at",
    r"lit\s+into|light(?:s|ing)\s+into",
    r"tore\s+into|tear(?:s|ing)\s+into",
    r"jabb(?:ed|ing)\s+at",
    r"tangl(?:ed|es|ing)\s+with",
    r"decr(?:ied|ies|ying)",
    # "Christie has demeaned Rubio's toughness", "Trump Calls Out Ted Cruz", "Merkel pushed
    # back against Trump's complaint"; not "by calling out" (a hope: "expects Holt to ...
    # by calling out Trump"), "refuted", "taunted" (their subjects went wrong on tuning data)
    r"demean(?:ed|s)",
    r"call(?:ed|s)\s+out(?!\s+(?:of|for|to)\b)",
    r"push(?:ed|es|ing)?\s+back\s+(?:on|against)",
    # "walked out of the hearing room in protest after Republicans decided ...": a protest
    # against the one named after it; not a bare "in protest" (against no one named)
    r"in\s+protest\s+(?:of|against|over|at|after)",
    # "Obama effectively painted Romney as an out-of-touch rich guy", "an effort to paint
    # Donald Trump as unfit": every "paint X as" on tuning data is an attack; not "painted
    # the fence" (no "as" within five words)
    r"paint(?:ed|s|ing)?(?=\s+(?:[\w.'’-]+\s+){1,5}?as\s)",
    *PASSIVE_VIOLENCE,
)
# Nouns: one party tied to the cue ("Moscow's war", "sanctions on Iran", "arrest by the
# ICC", "trade war with China"), the other the nearest actor around it.
TENSION_NOUNS = (
    r"wars?",
    r"conflicts?",
    r"sanctions?",
    r"attacks?",
    r"threats?",
    r"arrest",
    r"lawsuits?",
    r"invasion",
    r"tariffs?",
    r"criticism",
    r"impeachment",
    r"indictment",
    r"accusations?",
    r"allegations?",
    r"confrontation",
    r"retaliation",
    r"hostility",
    r"embargo",
    r"offensive",
    r"strikes?",
    r"clash(?:es)?",
    r"battles?",
    r"fights?",
    r"blowback",
    r"backlash",
    r"rebuke",
    r"onslaught",
    r"cyberattacks?",
    r"charges(?=\s+against\b)",  # "charges against Roger Stone"; not "charges of $5"
    r"investigations?(?=\s+(?:of|into)\b)",  # "an investigation of Hillary Clinton"
)
# Headline verbs ("Gowdy rips Rosenstein", "FBI fires agent", "McCaul vs. Clinton"): read in
# the title only, where they state the story's conflict; in prose they mean other things.
HEADLINE_TENSION_VERBS = (
    r"rips?",
    r"blast(?:s|ed)?",
    r"hammers?",
    r"swipes?\s+at",
    r"takes?\s+on",
    r"goes\s+after",
    r"rail(?:s|ing)?\s+against",
    r"hits\s+out\s+at",
    r"takes\s+aim\s+at",
    r"corners?",
    r"spars?\s+with",
    r"breaks?\s+with",
    r"fire[sd]",
    r"sack(?:s|ed)",
    r"oust(?:s|ed)",
    r"attacks",
    r"battles?",
    r"shoots?\s+down",  # "Mueller's office shoots down BuzzFeed's report"
    r"suspend(?:s|ed)?",  # "Boris Johnson moves to suspend Parliament"
)
# "McCaul vs. Clinton": the two sides on either side of the cue, never a topic after it.
VERSUS = (r"vs", r"versus")
HEADLINE_TENSION_RELATIONS = (
    *VERSUS,
    r"collide",
    r"diverge",
    r"clash",
    r"square\s+off",
    r"face\s+off",
    r"lock\s+horns",
    r"tortured\s+relationship",  # "Netanyahu and Obama: A tortured relationship"
    r"fail(?:s|ed)?\s+to\s+find\s+common\s+ground",  # "Obama and Putin fail to find ..."
)
# What a headline's speaker says of someone that makes it criticism ("Judicial Watch:
# State Department Hid Key Email", "Rubio: I Still Believe Trump Can't Be Trusted").
HEADLINE_ACCUSATIONS = (
    r"hid|hides|hiding",
    r"li(?:ed|es)\s+(?:to|about)",
    r"can(?:['’]?t|not|\s+not)\s+be\s+trusted",
    r"cover(?:ed|s|ing)?\s+up",
    r"misled|misleads|misleading",
    r"deceived|betrayed",
)
# What a sentence's subject says of someone in prose that makes it criticism ("Fox said
# on Wednesday that Mr. Trump should never be trusted", "Fitton charged that Mrs. Clinton
# 'hid' the documents", "Republicans said the Justice Department mishandled the inquiry",
# "the invitation from Mr. Pena Nieto was a mistake"): the headline's accusations and these,
# each starting with a letter (the tension rules group them by it).
SAID_ACCUSATIONS = (
    *HEADLINE_ACCUSATIONS,
    r"should\s+(?:never|not)\s+be\s+trusted",
    r"must\s+(?:never|not)\s+be\s+trusted",
    r"c(?:an|ould)\s+(?:never|not)\s+be\s+trusted",
    r"mishandl(?:ed|es|ing)",
    r"was\s+a\s+mistake",
    r"is\s+a\s+mistake",
    r"caused\s+(?:the\s+)?deaths?\b",  # "Trump said Hillary Clinton \"caused death.\""
    r"br(?:oke|oken|eaking)\s+the\s+law\b",
    r"violat(?:ed|ing)\s+the\s+law\b",
)
# Verbs that ask someone to act ("Trump ask Ukraine's president to investigate Biden",
# "veterans urge troops to defy Trump"), each with what the one asking did, in a
# description ("asked for an investigation of Biden"): the asker is the side against the
# act's object, the one asked is not.
ASKING_VERBS: dict[str, str] = {
    r"ask(?:s|ed|ing)?": "asked for",
    r"urg(?:e|es|ed|ing)": "urged",
    r"press(?:es|ed|ing)?": "pressed for",
    r"pressur(?:e|es|ed|ing)": "pressed for",
    r"push(?:es|ed|ing)?": "pushed for",
    r"tell(?:s|ing)?|told": "called for",
    r"order(?:s|ed|ing)?": "ordered",
    r"encourag(?:e|es|ed|ing)": "encouraged",
}
# Verbs that ask for a noun cue ("Chaffetz requested yet another Justice Department
# investigation of Clinton"), each with what the one asking did: the one asking is the side
# against its target, not the body named to carry it out.
REQUESTING_VERBS: dict[str, str] = {
    r"request(?:s|ed|ing)?": "requested",
    r"s(?:eeks?|ought|eeking)": "sought",
    r"call(?:s|ed|ing)?\s+for": "called for",
    r"demand(?:s|ed|ing)?": "demanded",
    r"ask(?:s|ed|ing)?\s+for": "asked for",
    r"urg(?:e|es|ed|ing)": "urged",
    r"press(?:es|ed|ing)?\s+for": "pressed for",
    r"push(?:es|ed|ing)?\s+for": "pushed for",
}
# Relations: any two actors in the clause ("with which Russia has had strained relations").
TENSION_RELATIONS = (
    r"strained",
    r"tensions?",
    r"rivalry",
    r"rivals?",
    r"disputes?",
    r"disputed",
    r"feuds?",
    r"feuding",
    r"rift",
    r"standoff",
    r"at odds",
    r"quarrel\w*",
    r"disagree\w*",
    r"spat",
    r"foes?",
)
# Words of abuse that make calling someone something a criticism ("Sanders called Trump a
# 'pathological liar'", "called Johnson's move 'sinister'"); "called Clinton a 'champion'"
# is none. Matched as word starts inside the quoted name.
PEJORATIVES = (
    r"moron",
    r"disgrace",
    r"liar",
    r"lying",
    r"hoax",
    r"foe",
    r"enem(?:y|ies)",
    r"disgust",
    r"nasty",
    r"unstable",
    r"sick",
    r"ignorant",
    r"fraud",
    r"loser",
    r"crook",
    r"sinister",
    r"hogwash",
    r"racist",
    r"sexist",
    r"bigot",
    r"reckless",
    r"dangerous",
    r"disaster",
    r"incompetent",
    r"corrupt",
    r"traitor",
    r"idiot",
    r"stupid",
    r"clown",
    r"pathetic",
    r"hypocrit",
    r"outrageous",
    r"unfit",
    r"irresponsible",
    r"shameful",
    r"despicable",
    r"unhinged",
    r"amoral",
    r"bully",
    r"narcissis",
    r"psychopath",
    r"sociopath",
    r"arbitrary",
    r"punitive",
    r"unwise",
    r"illegitimate",
    r"power-hungry",
    r"phony",
    r"witch hunt",
    r"thug",
    r"coward",
    r"lunatic",
    r"horrible",
    r"hater",
    r"ignoran",
    r"weak",
    r"best recruiter",
)

# Every given name that says a gender: a capitalised pair opening with one is a name.
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES

# US states: places, never people ("West Virginia", "North Florida").
US_STATES = frozenset(
    ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "Wisconsin", "Wyoming"]
) | {
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
    "North Dakota", "Rhode Island", "South Carolina", "South Dakota", "West Virginia",
}  # fmt: skip

# Prepositions: a name right after one (titles and role words aside) is its object, not a
# clause's subject ("loyalists to Joe Biden", "overseen by former secretary general X").
PREPOSITIONS = _words(
    """to for with by of about against like from than on at into toward towards over under
    between among including as behind beside alongside amid despite unlike during after
    before following"""
)

# Nouns for a kind of person: an unnamed speaker the article describes ("the announcer",
# "a doctor", "one Democratic source") is quoted under that description.
PERSON_NOUNS = ROLE_NOUNS | _words(
    """announcer narrator doctor nurse friend source resident voter supporter critic
    protester teacher student worker employee witness neighbor neighbour questioner caller
    reader viewer member veteran parent observer insider staffer man woman boy girl
    musician player coach manager organizer organiser volunteer agent trooper soldier driver
    farmer customer patient victim survivor relative participant attendee delegate Democrat
    Republican"""
)

# Nouns by which an article refers back to an organisation it has named ("the company said").
ORG_NOUNS = _words(
    """company firm group organization organisation union association newspaper paper network
    agency campaign committee website site"""
)

# Words before a place that make it only where something happens ("in Singapore").
PLACE_PREPOSITIONS = _words(
    "in at from near across through around into within throughout outside inside via"
)
# Words that may follow a name used as a noun of its own ("retaliate against Russia for
# ..."), where a noun after it would make it a qualifier ("U.S. growth").
AFTER_A_NOUN = _words(
    """for and or without with on over to after by that as about amid because before since
    if when while but than"""
)

# Group actors described by a phrase ("anti-government protesters", "Iraqi refugees",
# "Republican senators"): plural heads for people who act together, and the words that
# may stand before them and still name the same collective.
GROUP_HEADS = _words(
    """protesters demonstrators lawmakers legislators senators governors forces troops
    soldiers gunmen attackers militants rebels insurgents fighters separatists jihadists
    refugees migrants immigrants allies traffickers smugglers hackers activists prosecutors
    farmers police donors unions campaigners users vandals passengers"""
)
# Plural nouns for kinds of people a story may be about without naming them, counted in its
# lead ("Nine British nationals have been detained", "Two climbers were rescued").
PEOPLE_PLURALS = GROUP_HEADS | _words(
    """nationals citizens tourists climbers hikers pilgrims sailors miners pupils children
    teenagers men women suspects detainees prisoners hostages inmates patients doctors
    nurses teachers students workers residents victims survivors officers journalists
    volunteers fans"""
)

# Every plural head a described group may have ("striking workers", "Scottish fans",
# "local residents"): the group heads and the kinds of people a story is about, with
# others that name a collective voice; not the bare "men", "women" or "children" of a
# story's people, nor the "experts" and "investigators" it cites as sources.
# `Registry._settle_group_phrases` keeps a group of the words beyond GROUP_HEADS only where
# the article names it often and it acts.
GROUP_PHRASE_HEADS = (
    GROUP_HEADS
    | PEOPLE_PLURALS
    | _words(
        """supporters parents families bloggers academics delegates guards carers voters
        critics"""
    )
) - _words("men women children")

# Capitalised words before a group head: nationalities, parties, chambers, alliances.
GROUP_NATIONALITIES = _words(
    """American Afghan Albanian Algerian Arab Armenian Australian Austrian Azerbaijani
    Bahraini Bangladeshi Belarusian Belgian Bosnian Brazilian British Bulgarian Burmese
    Cambodian Canadian Chilean Chinese Colombian Congolese Croatian Cuban Czech Danish Dutch
    Egyptian Emirati English Eritrean Ethiopian European Filipino Finnish French Georgian
    German Greek Haitian Honduran Hungarian Indian Indonesian Iranian Iraqi Irish Israeli
    Italian Japanese Jordanian Kazakh Kenyan Korean Kurdish Kuwaiti Lebanese Libyan
    Lithuanian Malaysian Malian Mexican Moroccan Nigerian Norwegian Pakistani Palestinian
    Peruvian Polish Portuguese Qatari Romanian Russian Rwandan Saudi Scottish Serbian Slovak
    Somali Spanish Sudanese Swedish Swiss Syrian Taiwanese Tajik Thai Tunisian Turkish
    Ugandan Ukrainian Uzbek Venezuelan Vietnamese Welsh Yemeni Zimbabwean Western Shiite
    Sunni Baloch Pashtun Uighur Uyghur Rohingya Houthi Islamist North South"""
)
GROUP_MODIFIERS = GROUP_NATIONALITIES | _words(
    """Democratic Republican GOP Conservative Labour Tory House Senate Congressional
    congressional U.S. US UK EU NATO U.N. UN federal state local foreign security armed
    human trafficking opposition government military rebel rival jihadist militant
    anti-government pro-government social media"""
)
# A bare head the article uses for a group it also calls by another head ("Gunmen
# stormed ... cornered the attackers"): the second word is the group's usual name.
GROUP_SYNONYMS = {"demonstrators": "protesters", "attackers": "gunmen", "vandals": "protesters"}
# Last words of news outlets' names ("Washington Examiner", "Orlando Sentinel"): a name
# cited as a source that ends in one is an outlet's.
OUTLET_HEADS = _words(
    """Post Times News Journal Review Examiner Caller Beast Observer Sentinel Tribune Press
    Herald Gazette Magazine Radio TV Network Agency Daily Telegraph Guardian Monitor Standard
    Leader Star Report Chronicle Inquirer Reporter Insider Wire"""
)

# Words that open a sentence's introductory clause, whose names are not its subject ("In
# describing Donald Trump, Cuban said", "As Blumenthal spoke, the NRA was").
CLAUSE_OPENERS = _words(
    """As When While After Before Since Until If Although Though Because In On At During With
    Without For From Despite Unlike Like Amid Among Under Over Asked Speaking"""
)
# A state's adjective before "government" names the state ("the Turkish government
# claims" is Turkey acting; ANNOTATION.md: a metonym is the state's alias): adjective ->
# the canonical name in COUNTRY_FORMS.
STATE_ADJECTIVES: dict[str, str] = {
    "Afghan": "Afghanistan", "American": "United States", "Australian": "Australia",
    "Brazilian": "Brazil", "British": "United Kingdom", "Canadian": "Canada",
    "Chinese": "China", "Colombian": "Colombia", "Cuban": "Cuba", "Egyptian": "Egypt",
    "French": "France", "German": "Germany", "Greek": "Greece", "Indian": "India",
    "Indonesian": "Indonesia", "Iranian": "Iran", "Iraqi": "Iraq", "Irish": "Ireland",
    "Israeli": "Israel", "Italian": "Italy", "Japanese": "Japan", "Jordanian": "Jordan",
    "Kenyan": "Kenya", "Lebanese": "Lebanon", "Libyan": "Libya", "Mexican": "Mexico",
    "Nigerian": "Nigeria", "North Korean": "North Korea", "Pakistani": "Pakistan",
    "Philippine": "Philippines", "Polish": "Poland", "Russian": "Russia",
    "Saudi": "Saudi Arabia", "South Korean": "South Korea", "Spanish": "Spain",
    "Syrian": "Syria", "Turkish": "Turkey", "Ukrainian": "Ukraine",
    "Venezuelan": "Venezuela", "Vietnamese": "Vietnam", "Yemeni": "Yemen",
}  # fmt: skip


def alternation(words: Iterable[str], after_first: str = "") -> str:
    """The regex alternation of ``words`` (in the order given), its alternatives grouped by
    their first character: "accused|added|asked|said" as "a(?:ccused|dded|sked)|said".

    It matches what the plain ``"|".join(words)`` matches, preferring the same alternative:
    at one position only the group of that position's character can match, and it keeps
    its words in their order. It is faster: Python's `re` tries each alternative at every
    position it reaches, so a group per letter is a handful of tries where a list of a
    hundred roles or speech verbs was a hundred. A list holding anything but plain words
    (a group, a bracket, a quantifier on the first character) is joined as it is. For
    case-sensitive patterns only: under ``re.I`` the groups of "a" and "A" can both match
    at one position, and the one listed first is tried first whatever the words' order.

    ``after_first`` goes after each group's first character: a lookbehind there
    (``(?<![\\w.].)``: no word character or "." before the word) tests what one before
    the alternation would, and a pattern that opens with the first characters lets `re`
    scan for them, where one that opens with a lookbehind is tried at every position.
    """
    alternatives = list(words)
    groups: dict[str, list[str]] = {}
    for word in alternatives:
        plain = word[:1].isalnum() and word[1:2] not in ("?", "*", "+", "{")
        if not plain or any(c in word for c in "|()[]"):
            if after_first:
                raise ValueError(f"not a plain word: {word!r}")
            return "|".join(alternatives)
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(
        first + after_first + (rests[0] if len(rests) == 1 else f"(?:{'|'.join(rests)})")
        for first, rests in groups.items()
    )
