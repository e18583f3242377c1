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
titled alias; its aliases are every other form, each spelling once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from summarizer._given_names import given_gender, honorific_gender
from summarizer._schema import Actor, ActorType
from summarizer._text import name_tokens, names_match, sub_span, without_titles


@dataclass
class ActorGroup:
    """One actor across sources: its members as ``(source index, actor)``, in order."""

    type: ActorType
    members: list[tuple[int, Actor]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return max((actor.name for _, actor in self.members), key=fullness)

    @property
    def aliases(self) -> list[str]:
        """Every name of the members but the group's name, one spelling each, in order."""
        seen = {name_tokens(self.name)}
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
        """A name of ``actor`` is a member's name or alias, or the reverse."""
        own = {name_tokens(n) for n in actor.names()}
        return any(
            name_tokens(m.name) in own or name_tokens(actor.name) in map(name_tokens, m.names())
            for _, m in self.members
        )

    def is_near(self, actor: Actor) -> bool:
        """Same type, and its name matches a member's name alias-aware (titles aside), the
        two not of different genders."""
        return self.type == actor.type and any(
            _near(actor.name, m.name) and not _genders_differ(actor, m) for _, m in self.members
        )


def fullness(name: str) -> tuple[int, int, int]:
    """Rank names: most words besides titles, then fewest titles, then longest."""
    core = len(without_titles(name))
    return core, core - len(name_tokens(name)), len(name)


def _near(a: str, b: str) -> bool:
    if names_match(a, b):
        return True
    ca, cb = without_titles(a), without_titles(b)
    return ca == cb or sub_span(ca, cb) or sub_span(cb, ca)


def _genders_differ(a: Actor, b: Actor) -> bool:
    """Whether the names of ``a`` and of ``b`` say genders and no gender is in both: titles
    aside, "Mrs. Smith" and "Mr. Smith" (or "John Smith") are both "smith"."""
    ga, gb = _genders(a), _genders(b)
    return bool(ga and gb) and not ga & gb


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
    return groups, where
