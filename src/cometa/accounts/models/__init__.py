from cometa.accounts.models.audit import AuditEntry, AuditHead
from cometa.accounts.models.organisations import Membership, Organisation, OrganisationKind
from cometa.accounts.models.people import LoginFailure, Person
from cometa.accounts.models.tokens import ApiToken

__all__ = [
    "ApiToken",
    "AuditEntry",
    "AuditHead",
    "LoginFailure",
    "Membership",
    "Organisation",
    "OrganisationKind",
    "Person",
]
