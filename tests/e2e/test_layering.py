"""The layering rules, checked on the real interpreter: the core and the path/resource helpers
pull in neither the database driver nor Qt, nothing outside ``tipdesk.ui`` pulls in Qt, and only
``tipdesk.store`` imports the driver.

Imports run in a fresh interpreter (a subprocess), because this test process has already
imported half the project. Modules are found by walking the package folders with
:func:`pkgutil.iter_modules` rather than :func:`pkgutil.walk_packages`, which would import
``tipdesk.ui`` (and so Qt) just to look inside it.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import tipdesk

PACKAGE_DIR = Path(tipdesk.__file__).resolve().parent
QT = ("PySide6", "shiboken6")
DRIVER = "sqlcipher3"

_SCRIPT = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys
    import tipdesk

    def walk(path, prefix):
        for info in pkgutil.iter_modules(path):
            name = prefix + info.name
            if name == "tipdesk.ui":
                continue
            yield name
            if info.ispkg:
                yield from walk([f"{path[0]}/{info.name}"], name + ".")

    names = sorted(walk(list(tipdesk.__path__), "tipdesk."))
    light = [n for n in names if n.startswith("tipdesk.core")]
    light += ["tipdesk.paths", "tipdesk.resources", "tipdesk.fs"]
    watched = ("PySide6", "shiboken6", "sqlcipher3")

    def loaded():
        return sorted(m for m in watched if m in sys.modules)

    for n in light:
        importlib.import_module(n)
    after_light = loaded()
    for n in names:
        importlib.import_module(n)
    print(json.dumps({"names": names, "light": light, "after_light": after_light,
                      "after_all": loaded()}))
    """
)


def test_imports_in_a_fresh_interpreter(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        env={**os.environ, "TIPDESK_HOME": str(tmp_path / "home")},
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads(proc.stdout)
    names = result["names"]
    # The walk found the layers (a broken walk would make the checks below vacuous).
    for expected in (
        "tipdesk.core.validation",
        "tipdesk.store.driver",
        "tipdesk.services.records",
        "tipdesk.cli.main",
        "tipdesk.__main__",
    ):
        assert expected in names
    assert not [n for n in names if n.startswith("tipdesk.ui")]
    assert "tipdesk.core.records" in result["light"]

    # Core, paths and resources: neither the driver nor Qt.
    assert result["after_light"] == []
    # Everything but the GUI: no Qt. The driver is loaded (by tipdesk.store) by now.
    assert not set(QT) & set(result["after_all"])
    assert DRIVER in result["after_all"]


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            roots.add(node.args[0].value.split(".")[0])
    return roots


def test_only_the_store_imports_the_driver_and_only_the_ui_imports_qt() -> None:
    sources = sorted(PACKAGE_DIR.rglob("*.py"))
    assert len(sources) > 20
    offenders: list[str] = []
    for src in sources:
        rel = src.relative_to(PACKAGE_DIR).as_posix()
        roots = _imported_roots(src)
        if DRIVER in roots and not rel.startswith("store/"):
            offenders.append(f"{rel} imports {DRIVER}")
        if set(QT) & roots and not rel.startswith("ui/"):
            offenders.append(f"{rel} imports Qt")
    assert offenders == []
