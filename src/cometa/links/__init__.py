"""The glue between domain modules, above them: suggested scorecard ratings from results,
results actuals from network indicators. The only place where modules meet.

``ratings`` is pure (results figures to the answers and inputs a scorecard takes);
``suggestions`` feeds it from the results selectors, as one person sees them, and is
registered with ``core.registry`` by ``shell.py``; ``network_actuals`` writes a network's
stored total as a results actual through the results services (API: ``api.py``). Nothing
below imports this package."""
