"""Every item model of the Groups page passes pytest-qt's model tester, with real rows from the demo event."""

from __future__ import annotations

from mentordesk.models.store import EventStore
from mentordesk.services import groups as svc
from mentordesk.ui.itemmodels.group_candidate_model import CandidateFilterModel, GroupCandidateModel
from mentordesk.ui.itemmodels.group_goal_model import GroupGoalModel
from mentordesk.ui.itemmodels.group_history_model import GroupHistoryModel
from mentordesk.ui.itemmodels.group_list_model import GroupListModel, GroupRow
from mentordesk.ui.itemmodels.group_member_model import GroupMemberModel
from mentordesk.ui.itemmodels.group_proposal_model import ProposalGroupModel, ProposalMemberModel, common_topics
from mentordesk.ui.itemmodels.group_roster_model import GroupRosterModel
from mentordesk.ui.itemmodels.group_session_model import GroupSessionModel


def test_group_models_pass_the_model_tester(qtmodeltester, demo_store: EventStore) -> None:  # type: ignore[no-untyped-def]
    with demo_store.read_session() as session:
        event = demo_store.event_id
        summaries = svc.list_groups(session, event)
        group = summaries[0].id
        meetings = svc.list_sessions(session, event)
        roster = svc.roster(session, meetings[0].id)
        people = svc.available_people(session, event)
        history = next(h for h in (svc.member_history(session, r.person_id) for r in roster) if h.goals)
        proposal = svc.propose_groups(session, event, group_count=3)
        member_rows = svc.group_members(session, group)

    groups = GroupListModel()
    groups.set_rows([GroupRow(s, 0.5) for s in summaries])
    members = GroupMemberModel()
    members.show_group(group, member_rows)
    session_model = GroupSessionModel()
    session_model.set_rows(meetings)
    roster_model = GroupRosterModel()
    roster_model.set_rows(roster)
    compact = GroupRosterModel(compact=True)
    compact.set_rows(roster)
    candidates = GroupCandidateModel()
    candidates.set_rows(people)
    proxy = CandidateFilterModel()
    proxy.setSourceModel(candidates)
    proxy.set_query("zoe")
    goals = GroupGoalModel()
    goals.set_rows(history.goals)
    sessions = GroupHistoryModel()
    sessions.set_rows(history.sessions)
    proposal_groups = ProposalGroupModel()
    proposal_groups.set_proposal(proposal)
    proposal_members = ProposalMemberModel()
    proposal_members.show_group(0, [proposal.person(pid) for pid in proposal.groups[0].mentee_ids])

    for model in (groups, members, session_model, roster_model, compact, candidates, proxy, goals, sessions,
                  proposal_groups, proposal_members):
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model, force_py=True)


def test_common_topics_counts_shared_interests_accent_blind() -> None:
    people = [svc.Candidate(1, "A", None, "", ("Robotics", "Café culture")),  # type: ignore[arg-type]
              svc.Candidate(2, "B", None, "", ("robotics", "Cafe culture", "Art")),  # type: ignore[arg-type]
              svc.Candidate(3, "C", None, "", ("Robotics",))]  # type: ignore[arg-type]
    assert common_topics(people) == "Robotics (3), Café culture (2)"


def test_attendance_is_missing_only_for_sessions_that_have_begun(demo_store: EventStore) -> None:
    from dataclasses import replace
    from datetime import timedelta

    from mentordesk.ui.itemmodels.group_session_model import attendance_text

    with demo_store.read_session() as session:
        info = svc.list_sessions(session, demo_store.event_id, when="upcoming")[0]
    blank = replace(info, counts=svc.AttendanceCounts(unmarked=6))
    assert attendance_text(blank, now=info.starts_at - timedelta(days=1)) == "–"
    assert attendance_text(blank, now=info.starts_at + timedelta(minutes=5)) == "not taken"
    partly = replace(info, counts=svc.AttendanceCounts(present=3, late=1, absent=1, unmarked=1))
    assert attendance_text(partly) == "4 of 6 came · 1 unmarked"
    assert attendance_text(replace(info, cancelled=True)) == "Cancelled"


def test_groups_are_listed_in_the_order_people_count() -> None:
    from mentordesk.ui.groups.groups_tab import natural_key

    names = ["Group 10", "Group 2", "group 1", "Équipe A", "Robotics", "Group 1b"]
    assert sorted(names, key=natural_key) == ["Équipe A", "group 1", "Group 1b", "Group 2", "Group 10", "Robotics"]
