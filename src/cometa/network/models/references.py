"""Reference shares: for each group the seed finds unreached, the share of it the network
expects among the women it serves (from a census or a survey of the area), so the reach
page can say how far the women enrolled fall short. Set by the backbone's coordinators;
each change is audited (``services.references``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.network.models.network import Network


class NetworkReference(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="references")
    group = models.CharField(max_length=32)  # a key of network.comparison.reach.GROUPS
    share = models.DecimalField(_("reference share (%)"), max_digits=4, decimal_places=1)
    source = models.CharField(_("source"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["network", "group"]
        constraints = [
            models.UniqueConstraint(fields=["network", "group"], name="network_reference_once")
        ]

    def __str__(self) -> str:
        return f"reference share of {self.group}"
