"""Forming groups automatically: a proposal the coordinator adjusts, then accepts.

Given a number of groups or a group size, :func:`form_groups` (pure, deterministic: the same
people in any order give the same proposal) places mentees so that

1. group sizes differ by at most one (guaranteed: sizes are fixed before anyone is placed);
2. mentees who share topics end up together;
3. departments (or grades) are spread across groups;
4. mentors are then spread one per group where there are enough, each to the group whose
   mentees share most of their topics; spare mentors become second mentors in turn.

How: mentees are taken cluster by cluster (by their most widespread topic) and each is put in the
open group where the most members share a topic with them, penalised by members of the same
department, ties going to the emptiest group. A swap pass then exchanges pairs of mentees while
that improves the whole (shared-topic pairs minus half the same-department pairs); swaps keep
every size. Each aim is a separate, measurable score (:func:`score_proposal`) so tests and the
screen can show how well a proposal does.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import GroupKind, MentorGroup, Person, Role
from mentordesk.models.normalize import fold
from mentordesk.services.groups.group_data import (
    Candidate,
    GroupError,
    Proposal,
    ProposalScore,
    ProposedGroup,
)
from mentordesk.services.groups.membership import (
    _check_name_free,
    _clean_name,
    add_member,
    create_group,
    default_role,
)

#: Weight of a same-department pair against a shared-topic pair.
DEPARTMENT_WEIGHT = 0.5
#: Swap passes (each tries every pair); stops earlier when a pass improves nothing.
MAX_SWAP_PASSES = 4
#: Above this many mentees only one swap pass runs (each pass is quadratic).
SWAP_LIMIT = 1000
NEEDS_MENTOR = (GroupKind.GROUP, GroupKind.ONE_ON_ONE, GroupKind.REVERSE)
#: How proposed groups are named by default ("Pair 3"), per kind.
DEFAULT_PREFIX = {GroupKind.GROUP: "Group", GroupKind.ONE_ON_ONE: "Pair", GroupKind.PEER_CIRCLE: "Circle",
                  GroupKind.REVERSE: "Reverse pair"}


def _topics(c: Candidate) -> frozenset[str]:
    return frozenset(fold(t) for t in c.topics if t.strip())


def _dept(c: Candidate) -> str:
    return fold(c.department)


def _shares(a: Candidate, b: Candidate) -> bool:
    return bool(_topics(a) & _topics(b))


def _key(c: Candidate) -> tuple[str, int]:
    return fold(c.name), c.person_id


def group_sizes(mentee_count: int, *, group_count: int | None = None, group_size: int | None = None) -> list[int]:
    """Mentees per group for a count or a size: sizes differ by at most one, larger groups first."""
    if (group_count is None) == (group_size is None):
        raise GroupError("Give either a number of groups or a group size.")
    if mentee_count < 1:
        raise GroupError("There is nobody to put in groups.")
    if group_size is not None:
        if group_size < 1:
            raise GroupError("A group needs at least one member.")
        group_count = math.ceil(mentee_count / group_size)
    assert group_count is not None
    if group_count < 1:
        raise GroupError("Make at least one group.")
    if group_count > mentee_count:
        raise GroupError(f"{group_count} groups need at least {group_count} people; there are {mentee_count}.")
    base, extra = divmod(mentee_count, group_count)
    return [base + 1 if i < extra else base for i in range(group_count)]


def form_groups(candidates: Iterable[Candidate], *, group_count: int | None = None, group_size: int | None = None,
                kind: GroupKind = GroupKind.GROUP, names: Sequence[str] | None = None) -> Proposal:
    """A proposal for the given people (mentees placed; mentors spread), without touching any file."""
    people = sorted({c.person_id: c for c in candidates}.values(), key=_key)
    kind = GroupKind(kind)
    mentees = [c for c in people if c.role is not Role.MENTOR]
    mentors = [c for c in people if c.role is Role.MENTOR]
    sizes = group_sizes(len(mentees), group_count=group_count, group_size=group_size)
    k = len(sizes)
    names = list(names or [])
    names += [f"Group {i + 1}" for i in range(len(names), k)]

    weights = _Weights(mentees)
    placed = [[mentees[i] for i in g] for g in _improve(_place(mentees, sizes, weights), weights, len(mentees))]
    mentor_sets, spare = _spread_mentors(mentors, placed) if kind is not GroupKind.PEER_CIRCLE else ([[]] * k, mentors)
    warnings = []
    if kind in NEEDS_MENTOR and len(mentors) < k:
        warnings.append(f"{k - len(mentors)} of {k} groups have no mentor (only {len(mentors)} mentors).")
    if kind is GroupKind.PEER_CIRCLE and mentors:
        warnings.append(f"Peer circles have no mentors: {len(mentors)} mentors were left out.")
    groups = tuple(ProposedGroup(names[i], kind, tuple(m.person_id for m in mentor_sets[i]),
                                 tuple(c.person_id for c in placed[i])) for i in range(k))
    return Proposal(groups=groups, people=tuple(people), unassigned=tuple(c.person_id for c in spare),
                    warnings=tuple(warnings))


def _cluster_order(mentees: list[Candidate]) -> list[Candidate]:
    """Mentees grouped by their most widespread topic (biggest clusters first), then by department."""
    spread = Counter(t for c in mentees for t in _topics(c))

    def primary(c: Candidate) -> str:
        topics = _topics(c)
        return min(topics, key=lambda t: (-spread[t], t)) if topics else ""

    cluster_size = Counter(primary(c) for c in mentees)
    return sorted(mentees, key=lambda c: (primary(c) == "", -cluster_size[primary(c)], primary(c), _dept(c), _key(c)))


class _Weights:
    """Pair weights between mentees, computed once: +1 for a shared topic, minus a same department."""

    def __init__(self, mentees: list[Candidate]) -> None:
        topics = [_topics(c) for c in mentees]
        depts = [_dept(c) for c in mentees]
        n = len(mentees)
        self.w = [[0.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                value = (1.0 if topics[i] & topics[j] else 0.0) - (
                    DEPARTMENT_WEIGHT if depts[i] and depts[i] == depts[j] else 0.0)
                self.w[i][j] = self.w[j][i] = value


def _place(mentees: list[Candidate], sizes: list[int], weights: _Weights) -> list[list[int]]:
    """Greedy placement (indices into ``mentees``), cluster by cluster, ties to the emptiest group."""
    index = {c.person_id: i for i, c in enumerate(mentees)}
    groups: list[list[int]] = [[] for _ in sizes]
    for c in _cluster_order(mentees):
        me = index[c.person_id]
        row = weights.w[me]
        open_groups = [g for g in range(len(sizes)) if len(groups[g]) < sizes[g]]
        best = max(open_groups, key=lambda g: (sum(row[x] for x in groups[g]), sizes[g] - len(groups[g]), -g))
        groups[best].append(me)
    return groups


def _improve(groups: list[list[int]], weights: _Weights, n: int) -> list[list[int]]:
    """Swap pairs of mentees between groups while the sum of in-group pair weights rises."""
    w = weights.w
    k = len(groups)
    # affinity[x][g]: the sum of x's weights to the members of group g (x itself weighs 0).
    affinity = [[sum(w[x][y] for y in groups[g]) for g in range(k)] for x in range(n)]
    passes = MAX_SWAP_PASSES if n <= SWAP_LIMIT else 1
    for _ in range(passes):
        improved = False
        for gi in range(k):
            for gj in range(gi + 1, k):
                for ai in range(len(groups[gi])):
                    for bj in range(len(groups[gj])):
                        a, b = groups[gi][ai], groups[gj][bj]
                        delta = (affinity[a][gj] + affinity[b][gi] - 2 * w[a][b]
                                 - affinity[a][gi] - affinity[b][gj])
                        if delta > 1e-9:
                            groups[gi][ai], groups[gj][bj] = b, a
                            for x in range(n):
                                change = w[x][b] - w[x][a]
                                affinity[x][gi] += change
                                affinity[x][gj] -= change
                            improved = True
        if not improved:
            break
    return groups


def _spread_mentors(mentors: list[Candidate], groups: list[list[Candidate]]
                    ) -> tuple[list[list[Candidate]], list[Candidate]]:
    sets: list[list[Candidate]] = [[] for _ in groups]
    left = list(mentors)
    while left:
        # One round: each group takes at most one more mentor, best topic overlap first.
        pairs = sorted((-sum(1 for c in groups[i] if _shares(m, c)), _key(m), i) for m in left
                        for i in range(len(groups)))
        taken_groups: set[int] = set()
        taken: set[int] = set()
        for _overlap, key, i in pairs:
            if i in taken_groups or key[1] in taken:
                continue
            sets[i].append(next(m for m in left if m.person_id == key[1]))
            taken_groups.add(i)
            taken.add(key[1])
        left = [m for m in left if m.person_id not in taken]
    return sets, []


# --------------------------------------------------------------------------- measuring


def size_spread(proposal: Proposal) -> int:
    sizes = [len(g.mentee_ids) for g in proposal.groups]
    return max(sizes) - min(sizes) if sizes else 0


def topic_cohesion(proposal: Proposal) -> float:
    """Mean, over mentees with group-mates, of the share of group-mates who share a topic with them."""
    by_id = {c.person_id: c for c in proposal.people}
    shares = []
    for g in proposal.groups:
        members = [by_id[i] for i in g.mentee_ids]
        for c in members:
            mates = [o for o in members if o is not c]
            if mates:
                shares.append(sum(1 for o in mates if _shares(c, o)) / len(mates))
    return sum(shares) / len(shares) if shares else 0.0


def department_spread(proposal: Proposal) -> int:
    """For each department: most minus fewest of its mentees in a group; the worst of these."""
    by_id = {c.person_id: c for c in proposal.people}
    counts = [Counter(_dept(by_id[i]) for i in g.mentee_ids) for g in proposal.groups]
    departments = {d for c in counts for d in c if d}
    return max((max(c[d] for c in counts) - min(c[d] for c in counts) for d in departments), default=0)


def score_proposal(proposal: Proposal) -> ProposalScore:
    needs = [g for g in proposal.groups if g.kind in NEEDS_MENTOR]
    return ProposalScore(size_spread=size_spread(proposal), topic_cohesion=topic_cohesion(proposal),
                         department_spread=department_spread(proposal),
                         groups_without_mentor=sum(1 for g in needs if not g.mentor_ids))


# --------------------------------------------------------------------------- adjusting and accepting


def move_in_proposal(proposal: Proposal, person_id: int, to_group: int | None) -> Proposal:
    """The proposal with one person moved to group ``to_group`` (an index; None: unassigned)."""
    person = proposal.person(person_id)
    if to_group is not None and not 0 <= to_group < len(proposal.groups):
        raise GroupError("There is no such group in the proposal.")
    groups = []
    for i, g in enumerate(proposal.groups):
        mentors = tuple(x for x in g.mentor_ids if x != person_id)
        mentees = tuple(x for x in g.mentee_ids if x != person_id)
        if i == to_group:
            if person.role is Role.MENTOR and g.kind is not GroupKind.PEER_CIRCLE:
                mentors += (person_id,)
            else:
                mentees += (person_id,)
        groups.append(replace(g, mentor_ids=mentors, mentee_ids=mentees))
    unassigned = tuple(x for x in proposal.unassigned if x != person_id)
    if to_group is None:
        unassigned += (person_id,)
    return replace(proposal, groups=tuple(groups), unassigned=unassigned)


def rename_in_proposal(proposal: Proposal, index: int, name: str) -> Proposal:
    groups = list(proposal.groups)
    groups[index] = replace(groups[index], name=_clean_name(name))
    return replace(proposal, groups=tuple(groups))


def candidates_for(session: Session, event_id: int, person_ids: Iterable[int] | None = None) -> list[Candidate]:
    """Mentors and mentees of the event (or just ``person_ids``) as forming candidates."""
    query = select(Person).where(Person.event_id == event_id, Person.role.in_((Role.MENTOR, Role.MENTEE)))
    if person_ids is not None:
        query = query.where(Person.id.in_(list(person_ids)))
    return [Candidate(p.id, p.full_name, p.role, p.department or "", tuple(p.topics or ()))
            for p in session.scalars(query)]


def propose_groups(session: Session, event_id: int, *, group_count: int | None = None,
                   group_size: int | None = None, kind: GroupKind = GroupKind.GROUP,
                   person_ids: Iterable[int] | None = None, name_prefix: str | None = None) -> Proposal:
    """Read the people from the event and propose groups (nothing is written)."""
    people = candidates_for(session, event_id, person_ids)
    taken = {fold(n) for n in session.scalars(select(MentorGroup.name).where(MentorGroup.event_id == event_id))}
    mentee_count = sum(1 for c in people if c.role is not Role.MENTOR)
    k = len(group_sizes(mentee_count, group_count=group_count, group_size=group_size))
    names: list[str] = []
    number = 1
    prefix = (name_prefix or "").strip() or DEFAULT_PREFIX[GroupKind(kind)]
    while len(names) < k:
        name = f"{prefix} {number}"
        if fold(name) not in taken:
            names.append(name)
        number += 1
    return form_groups(people, group_count=group_count, group_size=group_size, kind=kind, names=names)


def accept_proposal(session: Session, event_id: int, proposal: Proposal) -> tuple[int, ...]:
    """Create the proposal's groups (skipping empty ones) with their members; returns the new ids."""
    seen: set[str] = set()
    for g in proposal.groups:
        name = _clean_name(g.name)
        if fold(name) in seen:
            raise GroupError(f"Two proposed groups are both called “{name}”.")
        seen.add(fold(name))
        _check_name_free(session, event_id, name, None)
    created = []
    for g in proposal.groups:
        if not g.mentor_ids and not g.mentee_ids:
            continue
        group_id = create_group(session, event_id, g.name, g.kind)
        # Roles follow the kind: peers in a circle, turned round in reverse mentoring.
        for person_id in g.mentor_ids:
            add_member(session, group_id, person_id, default_role(g.kind, Role.MENTOR))
        for person_id in g.mentee_ids:
            add_member(session, group_id, person_id, default_role(g.kind, Role.MENTEE))
        created.append(group_id)
    return tuple(created)
