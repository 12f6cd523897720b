"""User roles and what each may do. Checked in the services layer, never only in screens.

District installs have officers, supervisors and admins; HQ installs have analysts and admins.
"""

from __future__ import annotations

from enum import StrEnum

from tipdesk.core.codes import InstallRole


class UserRole(StrEnum):
    DISTRICT_OFFICER = "district_officer"
    DISTRICT_SUPERVISOR = "district_supervisor"
    DISTRICT_ADMIN = "district_admin"
    HQ_ANALYST = "hq_analyst"
    HQ_ADMIN = "hq_admin"


class Permission(StrEnum):
    VIEW = "view"
    EDIT = "edit"  # create and change cases, victims, trainings, campaigns
    DELETE = "delete"
    REVEAL_IDENTITY = "reveal_identity"  # see a victim's name, CNIC, phone, address
    REVIEW_DUAL_ROLE = "review_dual_role"  # non-criminalisation safeguard sign-off
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"  # offices, settings, restore
    BACKUP = "backup"
    SYNC = "sync"
    REPORTS = "reports"
    AUDIT = "audit"
    HANDOVER = "handover"  # hand a case over to another district (issue 14)


P = Permission
ROLE_PERMISSIONS: dict[UserRole, frozenset[Permission]] = {
    UserRole.DISTRICT_OFFICER: frozenset({P.VIEW, P.EDIT, P.SYNC, P.REPORTS}),
    UserRole.DISTRICT_SUPERVISOR: frozenset(
        {
            P.VIEW,
            P.EDIT,
            P.DELETE,
            P.REVEAL_IDENTITY,
            P.REVIEW_DUAL_ROLE,
            P.SYNC,
            P.REPORTS,
            P.AUDIT,
            P.BACKUP,
            P.HANDOVER,
        }
    ),
    UserRole.DISTRICT_ADMIN: frozenset(set(Permission)),
    UserRole.HQ_ANALYST: frozenset({P.VIEW, P.REPORTS}),
    UserRole.HQ_ADMIN: frozenset(set(Permission)),
}

INSTALL_ROLES: dict[InstallRole, tuple[UserRole, ...]] = {
    InstallRole.DISTRICT: (
        UserRole.DISTRICT_OFFICER,
        UserRole.DISTRICT_SUPERVISOR,
        UserRole.DISTRICT_ADMIN,
    ),
    InstallRole.HQ: (UserRole.HQ_ANALYST, UserRole.HQ_ADMIN),
}

ADMIN_ROLE = {InstallRole.DISTRICT: UserRole.DISTRICT_ADMIN, InstallRole.HQ: UserRole.HQ_ADMIN}


def allowed(role: UserRole, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]
