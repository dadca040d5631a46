"""The network's web pages (mounted under /network/): the networks a person reaches, a
partner's participants and a participant's page, and the follow-up worklist. Views parse
a form, call one selector or service of ``cometa.network`` and render."""
