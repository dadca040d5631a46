"""The glue between domain modules, above them: suggested scorecard ratings from results,
results actuals from network indicators. The only place where modules meet."""
