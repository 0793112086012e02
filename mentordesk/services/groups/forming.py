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
from collections.abc import Callable, Iterable, Sequence
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
#: Told how far forming got, 0.0 to 1.0 (any thread).
Progress = Callable[[float], None]
#: Asked now and then whether to stop; True stops forming with :class:`FormingCancelled`.
Cancelled = Callable[[], bool]


class FormingCancelled(GroupError):
    """Forming was stopped by its caller before a proposal was made."""


#: How proposed groups are named by default ("Pair 3"), per kind.
DEFAULT_PREFIX = {GroupKind.GROUP: "Group", GroupKind.ONE_ON_ONE: "Pair", GroupKind.PEER_CIRCLE: "Circle",
                  GroupKind.REVERSE: "Reverse pair"}


def _topics(c: Candidate) -> frozenset[str]:
    return frozenset(fold(t) for t in c.topics if t.strip())


def _dept(c: Candidate) -> str:
    return fold(c.department)


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
                kind: GroupKind = GroupKind.GROUP, names: Sequence[str] | None = None,
                progress: Progress | None = None, cancelled: Cancelled | None = None) -> Proposal:
    """A proposal for the given people (mentees placed; mentors spread), without touching any file.

    ``progress(fraction)`` is told how far the work got (0.0 to 1.0); when ``cancelled()`` answers
    True the work stops soon after with :class:`FormingCancelled`. Both are plain callables, safe to
    pass from any thread; without them the work runs to the end."""
    people = sorted({c.person_id: c for c in candidates}.values(), key=_key)
    kind = GroupKind(kind)
    mentees = [c for c in people if c.role is not Role.MENTOR]
    mentors = [c for c in people if c.role is Role.MENTOR]
    sizes = group_sizes(len(mentees), group_count=group_count, group_size=group_size)
    k = len(sizes)
    names = list(names or [])
    names += [f"Group {i + 1}" for i in range(len(names), k)]

    steps = _Steps(progress, cancelled)
    weights = _Weights(mentees)
    groups, affinity = _place(mentees, sizes, weights, steps.part(0.0, 0.3))
    placed = [[mentees[i] for i in g] for g in _improve(groups, affinity, weights, steps.part(0.3, 0.95))]
    mentor_sets, spare = _spread_mentors(mentors, placed) if kind is not GroupKind.PEER_CIRCLE else ([[]] * k, mentors)
    steps.part(0.95, 1.0)(1.0)
    warnings = []
    if kind in NEEDS_MENTOR and len(mentors) < k:
        warnings.append(f"{k - len(mentors)} of {k} groups have no mentor (only {len(mentors)} mentors).")
    if kind is GroupKind.PEER_CIRCLE and mentors:
        warnings.append(f"Peer circles have no mentors: {len(mentors)} mentors were left out.")
    groups_out = tuple(ProposedGroup(names[i], kind, tuple(m.person_id for m in mentor_sets[i]),
                                     tuple(c.person_id for c in placed[i])) for i in range(k))
    return Proposal(groups=groups_out, people=tuple(people), unassigned=tuple(c.person_id for c in spare),
                    warnings=tuple(warnings))


class _Steps:
    """The caller's progress and cancel hooks, each part of the work reporting its share."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.progress = progress
        self.cancelled = cancelled

    def part(self, start: float, end: float) -> Progress:
        """A report for one part of the work: its own 0..1 becomes ``start``..``end``; it also checks cancel."""

        def report(fraction: float) -> None:
            if self.cancelled is not None and self.cancelled():
                raise FormingCancelled("Stopped: no proposal was made.")
            if self.progress is not None:
                self.progress(start + (end - start) * fraction)

        return report


def _cluster_order(mentees: list[Candidate]) -> list[Candidate]:
    """Mentees grouped by their most widespread topic (biggest clusters first), then by department."""
    topics = {c.person_id: _topics(c) for c in mentees}
    spread = Counter(t for c in mentees for t in topics[c.person_id])

    def primary(c: Candidate) -> str:
        mine = topics[c.person_id]
        return min(mine, key=lambda t: (-spread[t], t)) if mine else ""

    primaries = {c.person_id: primary(c) for c in mentees}
    cluster_size = Counter(primaries.values())

    def order(c: Candidate) -> tuple[bool, int, str, str, tuple[str, int]]:
        p = primaries[c.person_id]
        return p == "", -cluster_size[p], p, _dept(c), _key(c)

    return sorted(mentees, key=order)


class _Weights:
    """Pair weights between mentees: +1 for a shared topic, minus a same department.

    A weight depends only on the two mentees' topics and departments, so mentees with the same
    ones share a *kind*; a mentee's row of weights is its kind's row (made once, kept while there
    is room), except that a mentee weighs 0 to itself — :meth:`own` is the kind's weight to itself,
    for the callers to take back out.
    """

    #: Rows kept at most (their entries in all): enough for every kind in a few thousand people.
    KEEP = 8_000_000

    def __init__(self, mentees: list[Candidate]) -> None:
        kinds: dict[tuple[frozenset[str], str], int] = {}
        self.kind = [kinds.setdefault((_topics(c), _dept(c)), len(kinds)) for c in mentees]
        self.kinds = list(kinds)
        self.n = len(mentees)
        self._rows: dict[int, list[float]] = {}

    def _between(self, a: int, b: int) -> float:
        (ta, da), (tb, db) = self.kinds[a], self.kinds[b]
        return (1.0 if ta & tb else 0.0) - (DEPARTMENT_WEIGHT if da and da == db else 0.0)

    def row(self, x: int) -> list[float]:
        """Mentee ``x``'s weight to every mentee (to itself: :meth:`own`, not 0)."""
        kind = self.kind[x]
        found = self._rows.get(kind)
        if found is not None:
            return found
        by_kind = [self._between(kind, other) for other in range(len(self.kinds))]
        row = [by_kind[other] for other in self.kind]
        if (len(self._rows) + 1) * self.n <= self.KEEP:
            self._rows[kind] = row
        return row

    def own(self, x: int) -> float:
        return self._between(self.kind[x], self.kind[x])


def _place(mentees: list[Candidate], sizes: list[int], weights: _Weights, report: Progress
           ) -> tuple[list[list[int]], list[list[float]]]:
    """Greedy placement (indices into ``mentees``), cluster by cluster, ties to the emptiest group.

    Also returns ``affinity[g][x]``: the sum of x's weights to the members of group g (x weighs 0 to
    itself), kept as each mentee is placed, so nobody's group is summed again."""
    n = len(mentees)
    index = {c.person_id: i for i, c in enumerate(mentees)}
    groups: list[list[int]] = [[] for _ in sizes]
    affinity = [[0.0] * n for _ in sizes]
    open_groups = list(range(len(sizes)))
    for done, c in enumerate(_cluster_order(mentees)):
        if done % 64 == 0:
            report(done / max(n, 1))
        me = index[c.person_id]
        best = max(open_groups, key=lambda g: (affinity[g][me], sizes[g] - len(groups[g]), -g))
        groups[best].append(me)
        affinity[best] = [a + w for a, w in zip(affinity[best], weights.row(me), strict=True)]
        affinity[best][me] -= weights.own(me)
        if len(groups[best]) == sizes[best]:
            open_groups.remove(best)
    return groups, affinity


def _improve(groups: list[list[int]], affinity: list[list[float]], weights: _Weights, report: Progress
             ) -> list[list[int]]:
    """Swap pairs of mentees between groups while the sum of in-group pair weights rises.

    Pairs are tried in a fixed order and a swap is made as soon as it helps. Most mentees cannot
    gain from any swap with a given group: the gain of swapping a (in gi) with b (in gj) is
    ``da + db - 2·w(a, b)``, where ``da`` and ``db`` are what each gains by moving alone, and a
    weight is at least −DEPARTMENT_WEIGHT — so a is compared with the group's best ``db`` first
    and only tried against each member when that bound allows a gain (the same swaps, far fewer tries).
    """
    n = weights.n
    k = len(groups)
    passes = MAX_SWAP_PASSES if n <= SWAP_LIMIT else 1
    for done in range(passes):
        improved = False
        for gi in range(k):
            report((done + gi / k) / passes)
            left = groups[gi]
            for gj in range(gi + 1, k):
                right = groups[gj]
                if not right:
                    continue
                to_j, to_i = affinity[gj], affinity[gi]
                best_b = max(to_i[b] - to_j[b] for b in right)
                for ai in range(len(left)):
                    a = left[ai]
                    if to_j[a] - to_i[a] + best_b + 2 * DEPARTMENT_WEIGHT <= 1e-9:
                        continue  # no member of gj can make a swap with a worth it
                    swapped = False
                    for bj in range(len(right)):
                        a, b = left[ai], right[bj]
                        row_a = weights.row(a)
                        delta = to_j[a] + to_i[b] - 2 * row_a[b] - to_i[a] - to_j[b]
                        if delta > 1e-9:
                            left[ai], right[bj] = b, a
                            _swap_affinity(affinity, weights, gi, gj, a, b)
                            to_j, to_i = affinity[gj], affinity[gi]
                            improved = swapped = True
                    if swapped:
                        best_b = max(to_i[b] - to_j[b] for b in right)
        if not improved:
            break
    report(1.0)
    return groups


def _swap_affinity(affinity: list[list[float]], weights: _Weights, gi: int, gj: int, a: int, b: int) -> None:
    """a left group gi for gj and b the other way: every mentee's affinity to both groups follows."""
    row_a, row_b = weights.row(a), weights.row(b)
    change = [wb - wa for wb, wa in zip(row_b, row_a, strict=True)]
    # Each weighs 0 to itself, not its kind's own weight.
    change[a] += weights.own(a)
    change[b] -= weights.own(b)
    affinity[gi] = [x + c for x, c in zip(affinity[gi], change, strict=True)]
    affinity[gj] = [x - c for x, c in zip(affinity[gj], change, strict=True)]


def _spread_mentors(mentors: list[Candidate], groups: list[list[Candidate]]
                    ) -> tuple[list[list[Candidate]], list[Candidate]]:
    sets: list[list[Candidate]] = [[] for _ in groups]
    # How many of each group's mentees share a topic with each mentor: the groups no longer change.
    kinds = [Counter(_topics(c) for c in g) for g in groups]
    overlap = {}
    keys = {}
    for m in mentors:
        mine = _topics(m)
        overlap[m.person_id] = [sum(count for topics, count in kind.items() if topics & mine) for kind in kinds]
        keys[m.person_id] = _key(m)
    by_id = {m.person_id: m for m in mentors}
    left = list(mentors)
    while left:
        # One round: each group takes at most one more mentor, best topic overlap first.
        pairs = sorted((-overlap[m.person_id][i], keys[m.person_id], i) for m in left for i in range(len(groups)))
        taken_groups: set[int] = set()
        taken: set[int] = set()
        for _overlap, key, i in pairs:
            if i in taken_groups or key[1] in taken:
                continue
            sets[i].append(by_id[key[1]])
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
    topics = {c.person_id: _topics(c) for c in proposal.people}
    shares = []
    for g in proposal.groups:
        members = [topics[i] for i in g.mentee_ids]
        # Counted by topic set: a big group holds few different ones, so this is not quadratic.
        kinds = Counter(members)
        for mine in members:
            if len(members) > 1:
                sharing = sum(count for other, count in kinds.items() if other & mine) - (1 if mine else 0)
                shares.append(sharing / (len(members) - 1))
    return sum(shares) / len(shares) if shares else 0.0


def department_spread(proposal: Proposal) -> int:
    """For each department: most minus fewest of its mentees in a group; the worst of these."""
    departments_of = {c.person_id: _dept(c) for c in proposal.people}
    counts = [Counter(departments_of[i] for i in g.mentee_ids) for g in proposal.groups]
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
                   person_ids: Iterable[int] | None = None, name_prefix: str | None = None,
                   progress: Progress | None = None, cancelled: Cancelled | None = None) -> Proposal:
    """Read the people from the event and propose groups (nothing is written); hooks as :func:`form_groups`."""
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
    return form_groups(people, group_count=group_count, group_size=group_size, kind=kind, names=names,
                       progress=progress, cancelled=cancelled)


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
