"""The packaging files (tipdesk.spec, build/): the spec keeps out the large Qt modules and
keeps every one the app imports, the Linux desktop entry has its required keys, the Windows
version resource and installer follow the package's version. Nothing here builds the package
(``make package`` does, in CI)."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from tipdesk import APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tipdesk.spec"
BUILD = ROOT / "build"
BIG_QT = (
    "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "Qt3DCore", "Qt3DRender",
    "QtMultimedia", "QtMultimediaWidgets", "QtQml", "QtQuick", "QtQuick3D", "QtPdfWidgets",
    "QtDataVisualization", "QtGraphs", "QtDesigner", "QtLocation",
)  # fmt: skip


def _spec_list(name: str) -> list[str]:
    """The literal list assigned to ``name`` at the top level of tipdesk.spec."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list | tuple)
            return [str(v) for v in value]
    raise AssertionError(f"{name} is not assigned in tipdesk.spec")


def _qt_modules_the_app_imports() -> set[str]:
    """PySide6 modules imported anywhere in tipdesk/ but the developer tools."""
    found: set[str] = set()
    for path in (ROOT / "tipdesk").rglob("*.py"):
        if "devtools" in path.relative_to(ROOT).parts:
            continue
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"(?:from|import) PySide6\.(\w+)", text))
    return found


def test_the_spec_excludes_the_large_qt_modules() -> None:
    excluded = {m.removeprefix("PySide6.") for m in _spec_list("EXCLUDED_QT")}
    assert set(BIG_QT) <= excluded


def test_the_spec_keeps_every_qt_module_the_app_imports() -> None:
    used = _qt_modules_the_app_imports()
    assert {"QtCore", "QtGui", "QtWidgets", "QtCharts", "QtSvg"} <= used
    excluded = {m.removeprefix("PySide6.") for m in _spec_list("EXCLUDED_QT")}
    assert used & excluded == set()


def test_the_spec_ships_the_resources_and_uses_the_packaging_files() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert '"resources"' in text
    assert "user-guide*.md" in text and '"help"' in text and "HELP_FILES" in text
    for name in ("entry.py", "tipdesk.ico", "version_info"):
        assert name in text
    for name in ("entry.py", "tipdesk.ico", "tipdesk.png", "version_info.py"):
        assert (BUILD / name).is_file(), name


def test_the_desktop_entry_has_the_required_keys() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(BUILD / "tipdesk.desktop", encoding="utf-8")
    assert parser.sections()[0] == "Desktop Entry"
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"].split()[0] == "tipdesk"
    assert entry["Icon"] == "tipdesk"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(
            ["desktop-file-validate", str(BUILD / "tipdesk.desktop")],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def _version_info() -> ModuleType:
    spec = importlib.util.spec_from_file_location("version_info", BUILD / "version_info.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("2", (2, 0, 0, 0)),
     ("1.2.3.4.5", (1, 2, 3, 4))],
)  # fmt: skip
def test_the_windows_file_version_comes_from_the_package_version(
    version: str, numbers: tuple[int, ...]
) -> None:
    assert _version_info().file_version(version) == numbers


def test_the_windows_version_resource_names_the_app(tmp_path: Path) -> None:
    module = _version_info()
    path = module.write_version_file(tmp_path, APP_NAME, __version__, "tipdesk.exe")
    text = path.read_text(encoding="utf-8")
    ast.parse(text, mode="eval")  # PyInstaller evaluates it as one expression
    assert f"StringStruct('ProductName', '{APP_NAME}')" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert "StringStruct('OriginalFilename', 'tipdesk.exe')" in text
    numbers = module.file_version(__version__)
    assert f"filevers={numbers}" in text


def test_the_installer_is_per_user_and_keeps_the_data() -> None:
    text = (BUILD / "installer.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in text
    assert f'#define AppVersion "{__version__}"' in text
    assert "dist\\tipdesk\\*" in text
    assert "[UninstallDelete]" not in text.replace("No [UninstallDelete]", "")
