"""One actor-merge algorithm: the actors of several extractions as groups of one actor each.

Chunk merging (`summarizer._chunking`, a long article's chunks) and multi-source merging
(`summarizer._multi`, several articles on one event) both call `group_actors`, each
extraction a *source*:

- an actor joins the group where one of its names is the name, or an alias, of a member
  (whatever the type: an alias says it is the same actor);
- failing that, the one group of the same type whose member's name its name matches
  alias-aware (`summarizer._text.names_match`, also with leading titles set aside:
  "Putin" ~ "Vladimir Putin", "President Putin" ~ "Putin"), unless the two say
  different genders by an honorific or a known given name (`summarizer._given_names`:
  "Mrs. Smith" is not "Mr. Smith", nor "John Smith"); a name that fits two groups
  ("Obama" for Barack and Michelle) starts a group of its own rather than guess;
- two actors of one source are never merged with each other: the source listed them
  apart.

A group's name is the fullest name a member chose as its name (`fullness`), never a
titled alias, but where two groups of people would show one name ("Smith" for Mr. Smith
and for Mrs. Smith): then the honorific form of it the members give most; its aliases are every other
form, each spelling once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from summarizer._given_names import (
    given_gender,
    honorific_gender,
    shown_form,
    titles_of_other_kinds,
)
from summarizer._schema import Actor, ActorType
from summarizer._text import name_tokens, names_match, sub_span, without_titles


@dataclass
class ActorGroup:
    """One actor across sources: its members as ``(source index, actor)``, in order."""

    type: ActorType
    members: list[tuple[int, Actor]] = field(default_factory=list)
    shown: str = ""  # the name shown instead of the fullest (`_tell_apart`)

    @property
    def name(self) -> str:
        return self.shown or self.fullest

    @property
    def fullest(self) -> str:
        return max((actor.name for _, actor in self.members), key=fullness)

    @property
    def aliases(self) -> list[str]:
        """Every name of the members but the group's name (and the fullest, shared with
        another group, where it is shown otherwise), one spelling each, in order."""
        seen = {name_tokens(self.name), name_tokens(self.fullest)}
        out = []
        for _, actor in self.members:
            for name in actor.names():
                if name_tokens(name) not in seen:
                    seen.add(name_tokens(name))
                    out.append(name)
        return out

    @property
    def role(self) -> str:
        """The first member's role that says something."""
        return next((a.role for _, a in self.members if a.role.strip()), self.members[0][1].role)

    def sources(self) -> set[int]:
        return {source for source, _ in self.members}

    def has_exact(self, actor: Actor) -> bool:
        """A name of ``actor`` is a member's name or alias, or the reverse; the two not of
        different genders ("Smith" called "Mr. Smith" and "Smith" called "Mrs. Smith")."""
        own = {name_tokens(n) for n in actor.names()}
        return not self._differs(actor) and any(
            name_tokens(m.name) in own or name_tokens(actor.name) in map(name_tokens, m.names())
            for _, m in self.members
        )

    def is_near(self, actor: Actor) -> bool:
        """Same type, and its name matches a member's name alias-aware (titles aside), the
        two not of different genders."""
        return (
            self.type == actor.type
            and not self._differs(actor)
            and any(_near(actor.name, m.name) for _, m in self.members)
        )

    def _differs(self, actor: Actor) -> bool:
        """Whether ``actor``'s names and the group's say genders and none in common (the
        genders of every member, not only of the one it matches: "Asghar Buksh" beside "Mr
        Buksh" is no "Mrs Buksh"), or titles of kinds never given to one person ("King
        Mohammed" is no "Mr Mohammed")."""
        group = {g for _, m in self.members for g in _genders(m)}
        own = _genders(actor)
        if group and own and not group & own:
            return True
        return titles_of_other_kinds((n for _, m in self.members for n in m.names()), actor.names())


def fullness(name: str) -> tuple[int, int, int]:
    """Rank names: most words besides titles, then fewest titles, then longest."""
    core = len(without_titles(name))
    return core, core - len(name_tokens(name)), len(name)


def _near(a: str, b: str) -> bool:
    if names_match(a, b):
        return True
    ca, cb = without_titles(a), without_titles(b)
    return ca == cb or sub_span(ca, cb) or sub_span(cb, ca)


def _genders(actor: Actor) -> set[str]:
    """The genders an actor's names say: an honorific in front ("Mrs. Smith"), or a full
    name's given name the lexicon knows ("John Smith")."""
    out = set()
    for name in actor.names():
        if said := honorific_gender(name):
            out.add(said)
        elif len(core := without_titles(name)) > 1:
            out |= given_gender(core[0].capitalize())
    return out


def _find(actor: Actor, groups: list[ActorGroup], source: int) -> ActorGroup | None:
    free = [g for g in groups if source not in g.sources()]
    exact = [g for g in free if g.has_exact(actor)]
    if exact:
        return exact[0]
    near = [g for g in free if g.is_near(actor)]
    return near[0] if len(near) == 1 else None


def group_actors(
    sources: Sequence[Sequence[Actor]],
) -> tuple[list[ActorGroup], list[list[int]]]:
    """The groups, in order of first mention, and for each source the group of each actor."""
    groups: list[ActorGroup] = []
    where: list[list[int]] = []
    for source, actors in enumerate(sources):
        slots = []
        for actor in actors:
            group = _find(actor, groups, source)
            if group is None:
                group = ActorGroup(type=actor.type)
                groups.append(group)
            group.members.append((source, actor))
            slots.append(groups.index(group))
        where.append(slots)
    _tell_apart(groups)
    return groups, where


def _tell_apart(groups: list[ActorGroup]) -> None:
    """People whose groups would show one name ("Smith" for Mr. Smith and for Mrs.
    Smith) are shown by the members' honorific form of it (`shown_form`: the one most
    members' names give, the first if even), so a reader tells them apart."""
    by_name: dict[tuple[str, ...], list[ActorGroup]] = {}
    for group in groups:
        if group.type == "person":
            by_name.setdefault(name_tokens(group.fullest), []).append(group)
    for same in by_name.values():
        for group in same if len(same) > 1 else ():
            names = (n for _, m in group.members for n in m.names())
            group.shown = shown_form(names, without_titles(group.fullest))
