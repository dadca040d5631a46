"""The web shell: the landing page made of the cards modules register, search across
modules, the navigation, error pages and helpers shared by every module's pages
(pagination, showing a service's refusal on a form). Imports only ``core``."""
