"""The audit trail in words for results: what each action code means (the pages its
entries link to are in ``web/links.py``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cometa.core.registry import Text

ACTIONS: dict[str, Text] = {
    "results.plan.create": _("Plan created"),
    "results.outcome.create": _("Outcome created"),
    "results.outcome.restate": _("Outcome statement changed"),
    "results.output.create": _("Output created"),
    "results.indicator.define": _("Indicator defined"),
    "results.indicator.attach": _("Indicator attached"),
    "results.value.record": _("Indicator value recorded"),
    "results.value.compute": _("Indicator value computed from another source"),
    "results.value.total_reason": _("Reason recorded for parts that do not add up"),
    "results.narrative.save": _("Narrative saved"),
    "results.fact.add": _("Fact added"),
    "results.fact.remove": _("Fact removed"),
    "results.partner.add": _("Partner added"),
    "results.partner.remove": _("Partner removed"),
    "results.programme.create": _("Joint programme created"),
    "results.programme.update": _("Joint programme changed"),
    "results.knowledge.create": _("Knowledge product added"),
    "results.knowledge.update": _("Knowledge product changed"),
    "results.budget.save": _("Budget saved"),
    "results.iati.import": _("Outcome imported from an IATI file"),
    "results.iati.export": _("Plan exported as an IATI file"),
}
