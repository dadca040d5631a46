"""The audit trail in words for shared measurement: what each action code means. Entries
name rows by code and id only (no identities), so they are not linked. Registered with
the module in ``shell.py``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cometa.core.registry import Text

ACTIONS: dict[str, Text] = {
    "network.create": _("Network created"),
    "network.recompute": _("Indicators recomputed"),
    "network.indicators_run": _("Indicator values computed and stored"),
    "network.indicators_freeze": _("Indicator values frozen as a snapshot"),
    "network.reference.set": _("Reference share set"),
    "network.reference.clear": _("Reference share removed"),
    "network.programme.create": _("Programme created"),
    "network.site.create": _("Site added"),
    "network.cohort.create": _("Cohort created"),
    "network.session.create": _("Session planned"),
    "network.staff.create": _("Staff member added"),
    "network.designation.grant": _("Designation granted"),
    "network.member.join": _("Member organisation joined"),
    "network.member.leave": _("Member organisation left"),
    "network.member.onboard": _("Member organisation onboarded"),
    "network.member.page": _("Member organisation's page changed"),
    "network.member.exit_survey": _("Exit survey recorded"),
    "network.participant.register": _("Participant registered"),
    "network.participant.transfer": _("Participant transferred"),
    "network.identity.read": _("Identity read"),
    "network.identity.update": _("Identity changed"),
    "network.consent.give": _("Consent given"),
    "network.consent.withdraw": _("Consent withdrawn"),
    "network.enrolment.create": _("Participant enrolled"),
    "network.enrolment.change": _("Enrolment changed"),
    "network.attendance.record": _("Attendance recorded"),
    "network.training.module": _("Training module added"),
    "network.training.record": _("Training recorded"),
    "network.mentor_limit": _("Mentor limit changed"),
    "network.mentoring.record": _("Mentoring recorded"),
    "network.meeting.record": _("Meeting recorded"),
    "network.meeting.decision": _("Meeting decision recorded"),
    "network.meeting.decision_done": _("Meeting decision carried out"),
    "network.followup.attempt": _("Follow-up attempted"),
    "network.followup.respond": _("Follow-up answered"),
    "network.graduation.assess": _("Graduation assessed"),
    "network.psychosocial.raise": _("Psychosocial need raised"),
    "network.psychosocial.refer": _("Psychosocial referral made"),
    "network.psychosocial.move": _("Psychosocial flag moved"),
    "network.psychosocial.read": _("Psychosocial flag read"),
    "network.participant.remove": _("Participant's record removed"),
    "network.participant.restore": _("Participant's record put back"),
    "network.participant.erase": _("Participant's record erased"),
    "network.generate": _("Synthetic network generated"),
    "network.import": _("File imported"),
    "network.import.checked": _("File checked, nothing imported"),
    "network.export": _("File exported"),
    "network.instrument.publish": _("Survey instrument published"),
    "network.survey.round": _("Survey round's days set"),
    "network.survey.mapping": _("Survey column mapping saved"),
    "network.survey.respond": _("Survey answers recorded"),
}
