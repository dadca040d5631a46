"""An office's results framework (issue 9, parts 2-4).

Owns: plans (an office's strategic note aligned with a Cooperation Framework), their
development and organisational outcomes and the outputs under them, with identifiers in
the IATI convention (``identifiers``); indicators of the ``cometa.indicators`` floor
attached to outcomes and outputs, whose baselines, targets and actuals live in the floor's
value store; partners and joint programmes per outcome; the register of knowledge
products; yearly narratives with a progress assessment (``scales``) and the figures they
report as facts (``facts``); budget lines with the gender equality marker (``budgets``).
Who may see and change what is in ``access``; reads in ``selectors``; changes in
``services``.

May import ``cometa.indicators``, ``cometa.accounts``, ``cometa.reports`` and
``cometa.core``. Must not import ``cometa.scorecards`` or ``cometa.network``: what the
scorecards take from here (suggested ratings) is built in ``cometa.links``.
"""
