"""The shared indicators floor: one place that knows what an indicator is, used by the
results module and the shared-measurement module alike.

It owns:

- indicator definitions in versions (``definitions`` for the rules, ``definition_store``
  to keep them): code, title and definition in English, Spanish and Russian, the IATI
  measure, direction, unit, numerator and denominator, dimensions, references, gender
  sensitivity;
- the disaggregation dimensions and their code lists (``codelists/*.yaml``, read by
  ``dimensions``, copied into the database by ``codelist_store``) and the keys naming a
  cell (``disaggregation``);
- reporting periods and their arithmetic (``periods``);
- values (baseline, target, actual) with their provenance, and the reasons people give
  when parts do not add up to a total (``value_store``; the check itself is ``checks``).

It knows no module above it: it imports Django and ``cometa.core`` only, never
``cometa.accounts``, ``cometa.scorecards``, ``cometa.results``, ``cometa.network`` or any
other domain module. People are ``settings.AUTH_USER_MODEL``; owners of values are any
row, named by content type and id.

The store functions do **not** check permissions and do not write audit entries: the module
that calls them decides who may do what, opens the transaction, calls them inside it and
writes its audit entry in that same transaction. They validate what they store and raise
``cometa.core.errors`` exceptions (``ValidationFailed``, ``Conflict``) naming the field.
"""
