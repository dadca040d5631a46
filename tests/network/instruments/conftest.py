"""The shipped instruments published in the test network, and women of each partner."""

from __future__ import annotations

import pytest

from cometa.accounts.acting import SYSTEM
from cometa.network.models import Instrument
from cometa.network.services.surveys import instruments_install


@pytest.fixture
def forms(net) -> dict[str, Instrument]:  # type: ignore[no-untyped-def]
    return {i.code: i for i in instruments_install(actor=SYSTEM, network=net.network)}
