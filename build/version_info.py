"""Windows version information for ``tipdesk.exe``, made from the package's own metadata.

Contract:
- :func:`file_version` turns ``tipdesk.__version__`` (``"0.1.0"``, ``"1.2.3rc1"``) into the
  four numbers a Windows version resource holds: the leading release numbers, padded with
  zeros (``(0, 1, 0, 0)``); anything after them (a pre-release tag) is dropped.
- :func:`version_file_text` returns the version resource in PyInstaller's version file format
  (0x0409 US English, Unicode): the product name (``tipdesk.APP_NAME``), the version string as
  is, the file description and the original file name. :func:`write_version_file` writes it
  under PyInstaller's work folder, and ``tipdesk.spec`` passes that file to
  ``EXE(version=...)`` when building on Windows. Plain text, no PyInstaller needed: it can be
  checked on any platform.
- The version has one home, ``tipdesk/__init__.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

COMPANY = "TIPDesk project"
DESCRIPTION = "TIPDesk anti-trafficking register"


def file_version(version: str) -> tuple[int, int, int, int]:
    """The first four release numbers of ``version`` (missing ones are 0)."""
    match = re.match(r"\d+(?:\.\d+)*", version.strip())
    if match is None:
        raise ValueError(f"{version!r} does not start with a release number")
    numbers = [int(n) for n in match.group(0).split(".")][:4]
    padded = [*numbers, 0, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def version_file_text(app_name: str, version: str, exe_name: str) -> str:
    """The version resource for ``exe_name`` (e.g. ``"tipdesk.exe"``) in PyInstaller's version
    file format (a ``VSVersionInfo(...)`` expression, what ``pyi-grab_version`` writes)."""
    numbers = file_version(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": app_name,
        "LegalCopyright": f"{COMPANY}; for official use",
        "OriginalFilename": exe_name,
        "ProductName": app_name,
        "ProductVersion": version,
    }
    structs = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
# Made by build/version_info.py from tipdesk/__init__.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [{structs}])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_file(folder: Path, app_name: str, version: str, exe_name: str) -> Path:
    """Write :func:`version_file_text` to ``folder/<exe_name>.version.txt``; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{exe_name}.version.txt"
    path.write_text(version_file_text(app_name, version, exe_name), encoding="utf-8")
    return path
