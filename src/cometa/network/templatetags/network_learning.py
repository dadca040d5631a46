"""The meeting page's "to review" section, drawn by a tag so that the meetings view of
part 1 stays as it is: open learning actions due by the meeting's day, notes written
since the previous meeting, what was reviewed there, and a form for each review."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from cometa.accounts.acting import person_of
from cometa.network.models import Meeting
from cometa.network.selectors_learning import is_overdue, to_review
from cometa.network.services.learning import may_review
from cometa.network.web.forms_learning import ReviewForm

register = template.Library()


@register.inclusion_tag("network/learning/_review_section.html", takes_context=True)
def learning_to_review(context: template.Context, meeting: Meeting) -> dict[str, Any]:
    person = person_of(context["request"])
    found = to_review(person, meeting)
    today = timezone.localdate()
    allowed = may_review(person, meeting)

    def form(kind: str, pk: int) -> ReviewForm | None:
        if not allowed:
            return None
        made = ReviewForm(initial={kind: pk}, auto_id=f"review-{kind}{pk}-%s")
        if kind == "note":  # only an action has a due date to move
            del made.fields["new_due_on"]
        return made

    return {
        "network": meeting.network,
        "meeting": meeting,
        "actions": [(a, is_overdue(a, today), form("action", a.pk)) for a in found.actions],
        "notes": [(n, form("note", n.pk)) for n in found.notes],
        "reviews": found.reviews,
        "csrf_token": context.get("csrf_token"),
    }
