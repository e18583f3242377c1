"""Common English given names, and honorifics, that say a person's gender.

One list for the places that read a gender off a name: the offline backend's rules
(whom "he" and "she" name, "Mrs. Clinton" is no Bill), the PolNeAR bench's pronoun
reference, and actor merging (`summarizer._actors`: "Mr. Smith" and "Mrs. Smith" are
two people). It lives here, in none of them, so neither the eval nor the merge reaches
into a backend's private module.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from summarizer._text import royal, without_titles, wordset

# A short hand-written list; a name not listed falls back on the article's own cues.
FEMALE_NAMES = wordset(
    """Hillary Nancy Elizabeth Kamala Sarah Mary Susan Michelle Melania Ivanka Loretta Claire
    Amy Kirsten Maxine Nikki Theresa Angela Lisa Karen Patricia Jennifer Linda Barbara
    Margaret Jessica Emily Anna Maria Laura Julie Rachel Rebecca Kelly Debbie Dianne Tammy
    Tulsi Betsy Kellyanne Sally Hope Sheryl Janet Joni Elaine Susana Gretchen Megyn Katy
    Ann Anne Jane Joan Alice Helen Ruth Carol Sharon Donna Cynthia Kathleen Catherine
    Christine Deborah Stephanie Heather Nicole Katherine Martha Diane Julia Victoria Grace
    Rosa Lynn Marsha Marine Ursula Jacinda Sonia Samantha Valerie Huma Chelsea Caitlyn Ilhan
    Alexandria Rashida Ayanna Liz Condoleezza Madeleine Rose Marie Kate Emma Olivia Sophia
    Abigail Hannah Natalie Andrea Diana Monica Veronica Christina Jill Judy Carly Marianne
    Cheryl Tina Betty Gwen Heidi Erin Sara Katie Wendy Neera Valerie Kirstjen Kellie Debra
    Michele Nina Alicia Sheila Lois Kathy Sue Gina Tammy Kristen"""
)
MALE_NAMES = wordset(
    """Donald Barack Joe Bernie Mike Paul Mitch Ted Marco Jeb John James Robert Michael
    William David Richard Charles Thomas Chris Christopher Daniel Mark Steven Kevin Brian
    George Tim Tom Jim Bill Bob Josh Jason Ryan Eric Adam Andrew Jeff Scott Rudy Newt Reince
    Sean Steve Vladimir Boris Emmanuel Justin Benjamin Recep Xi Rex Jared Mick Rick Rand
    Lindsey Chuck Harry Al Jimmy Ronald Gerald Dick Colin Rahm Anthony Tony Peter Matthew
    Matt Frank Gary Larry Jerry Dennis Patrick Jack Henry Edward Ed Jonathan Kenneth Ken
    Gregory Greg Stephen Joshua Nicholas Nick Alexander Samuel Sam Raymond Ray Jose Luis
    Carlos Juan Jorge Pedro Ben Bobby Billy Roger Howard Alan Walter Keith Wayne Ralph Roy
    Eugene Louis Philip Phil Randy Russell Vincent Bruce Willie Jordan Dylan Kyle Aaron Zach
    Luke Jake Ivan Sergei Dmitry Igor Ali Mohammed Muhammad Ahmed Hassan Omar Abdullah Hamid
    Kim Moon Shinzo Narendra Imran Hugo Nicolas Angus Jens Mario Silvio Matteo Olaf
    Joseph Mitt Dan Rod Jon Marc Douglas Ron Elijah Glenn Jay Steny Antonin Todd Charlie Don
    Trey Lester Mohammad Jeffrey Bryan Victor Rafael Robby Xavier Carl Sergey Antonio Jeremy
    Brad Leonard Chad Earl Lloyd Sheldon Malcolm Derek Andy Darrell Leon Bradley Rob Barry
    Russ Alex Corey Jerome Brett Beto Reince Rahm Eliot Elliot Orrin Thad Marco Kirk Rex
    Hakeem Bashar Muammar Hosni Mahmoud Benjamin Ehud Nouri Hamid Ashton Leon Eric Gavin"""
)
# The gender an honorific says ("m", "f"), with or without its full stop ("Mrs Clinton").
HONORIFIC_GENDER = {
    **dict.fromkeys(("Mr.", "Mr"), "m"),
    **dict.fromkeys(("Mrs.", "Ms.", "Miss", "Mrs", "Ms"), "f"),
}


def honorific_gender(name: str) -> str | None:
    """The gender the honorific in front of ``name`` says ("Mrs. Clinton": "f"), if any."""
    words = name.split()
    return HONORIFIC_GENDER.get(words[0]) if words else None


def given_gender(given: str) -> set[str]:
    """The gender a given name the lists know says ("Michelle": {"f"}); empty if none, or
    if both lists held it."""
    genders = {g for g, names in (("f", FEMALE_NAMES), ("m", MALE_NAMES)) if given in names}
    return genders if len(genders) == 1 else set()


def title_kind(name: str) -> str:
    """What the title in front of ``name`` makes the person: "royal" ("King Mohammed"),
    "honorific" ("Mr Mohammed"), "" for anything else. No one is called both ways, so two
    names of different kinds are two people, whatever name they share."""
    if royal(name):
        return "royal"
    return "honorific" if honorific_gender(name) else ""


def shown_form(names: Iterable[str], core: tuple[str, ...]) -> str:
    """The name shown for a person whose name, ``core`` (`without_titles`), another person
    shares ("Smith" for Mr. Smith and for Mrs. Smith), so that a reader tells them apart:
    of ``names`` (each as often as written, in order), the forms that are ``core`` behind a
    title of a kind (`title_kind`: "Mrs. Smith", "King Mohammed"), the one written most
    often, the first if even; "" for none. One rule for the offline rules (the article's
    own writing, `Registry.shown`) and actor merging (the members' names, `_tell_apart`)."""
    counts = Counter(n for n in names if title_kind(n) and without_titles(n) == core)
    return max(counts, key=counts.__getitem__, default="")


def titles_of_other_kinds(names: Iterable[str], others: Iterable[str]) -> bool:
    """Whether the titles of ``names`` and of ``others`` are of kinds (`title_kind`) and
    none in common: "King Mohammed" is not the person called "Mr Mohammed"."""
    kinds = {title_kind(n) for n in names} - {""}
    own = {title_kind(n) for n in others} - {""}
    return bool(kinds and own) and not kinds & own
