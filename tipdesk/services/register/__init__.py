"""Bringing in the registers districts keep in spreadsheets (XLSX and CSV), and the template.

The public surface, for the CLI and the GUI's import wizard:

- :func:`plan_import` / :func:`commit_import` (:mod:`.importer`): check a file and say what
  importing it would do, then save it, all or nothing.
- :func:`write_template` (:mod:`.template`): the empty register workbook.
- :class:`RowProblem` (:mod:`.model`): one problem, with sheet, row, column, value and what was
  expected.

Modules: ``columns`` (the sheets and columns, and the headers that name them), ``reading``
(files to raw rows, with the safety limits), ``layout`` (hand-kept layouts: headers over two
rows, totals rows, merged cells), ``fastrows`` (the XLSX row streamer), ``values`` (cells to
record values), ``resolving`` (departments named without their province; victims of unknown
gender or age), ``matching`` (rows to records, merged with the stored ones), ``holds``
(marks held back while an overlap awaits review), ``planner`` (checking a whole register),
``importer`` (the two steps), ``template``. See ``docs/register-import.md``.
"""

from tipdesk.services.register.importer import (
    ImportOptions,
    ImportPlan,
    ImportResult,
    SheetMapping,
    UnknownOffice,
    commit_import,
    plan_import,
)
from tipdesk.services.register.matching import Change
from tipdesk.services.register.model import (
    ImportCancelled,
    ImportRefused,
    Resolution,
    RowProblem,
)
from tipdesk.services.register.reading import Limits
from tipdesk.services.register.template import write_template

__all__ = [
    "Change",
    "ImportCancelled",
    "ImportOptions",
    "ImportPlan",
    "ImportRefused",
    "ImportResult",
    "Limits",
    "Resolution",
    "RowProblem",
    "SheetMapping",
    "UnknownOffice",
    "commit_import",
    "plan_import",
    "write_template",
]
