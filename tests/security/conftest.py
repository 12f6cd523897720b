"""Fixtures for the security tests (``docs/security.md``, threat table): each test here stages
one attack from the review and fails on the code before its fix.

The services tests' helpers (``svc_support``: a fast ``init_install``, synthetic records) and
fixtures are reused: their folder goes on ``sys.path`` and their fixtures are imported here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_SERVICES = Path(__file__).resolve().parent.parent / "unit" / "services"
if str(_SERVICES) not in sys.path:
    sys.path.insert(0, str(_SERVICES))

# Loaded under its own name: "conftest" is this module's name too.
_spec = importlib.util.spec_from_file_location("svc_conftest", _SERVICES / "conftest.py")
assert _spec is not None and _spec.loader is not None
_svc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_svc)

district_install = _svc.district_install
district_session = _svc.district_session
hq_session = _svc.hq_session
svc_clock = _svc.svc_clock
svc_paths = _svc.svc_paths
svc_sessions = _svc.svc_sessions
svc_user = _svc.svc_user

__all__ = [
    "district_install",
    "district_session",
    "hq_session",
    "svc_clock",
    "svc_paths",
    "svc_sessions",
    "svc_user",
]
