"""REST API of the network (mounted under /api/v1/network/): participants (pseudonymous
unless the person may read identities), enrolments and their state changes, follow-ups
with their attempts and answers. Handlers validate with a serializer and call the same
selectors and services as the pages: a row outside the person's reach answers 404."""
