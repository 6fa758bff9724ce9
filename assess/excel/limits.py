"""Refusing files that are not workbooks, or are absurdly large, before openpyxl parses them.

An xlsx file is a zip archive; a small file can inflate to gigabytes (a "zip bomb") or declare
a sheet of a million rows. Checking the archive's member sizes, compression ratios and each
sheet's declared dimension first keeps a bad file from hanging or exhausting the machine.
"""

from __future__ import annotations

import re
import stat
import zipfile
from pathlib import Path

from openpyxl.utils.cell import range_boundaries

from assess.errors import AssessError
from assess.texts import import_problems as words

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_ROWS = 20_000
MAX_COLUMNS = 200
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")


class WorkbookRefused(AssessError):
    """The file is not a workbook we will open."""


def check_workbook_file(path: Path) -> None:
    """Raise WorkbookRefused (with what and how to fix) unless ``path`` is a sane .xlsx file."""
    path = Path(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):  # opening a FIFO would hang; a device never ends
            raise WorkbookRefused(words.NOT_REGULAR, path=path)
        size = st.st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise WorkbookRefused(words.NOT_FOUND, path=path) from None
    except IsADirectoryError:
        raise WorkbookRefused(words.IS_FOLDER, path=path) from None
    except OSError as exc:
        raise WorkbookRefused(words.UNREADABLE, path=path, reason=exc.strerror) from None
    if size > MAX_FILE_BYTES:
        raise WorkbookRefused(words.TOO_LARGE, path=path, size=size, limit=MAX_FILE_BYTES)
    if head.startswith(_OLE_MAGIC):
        raise WorkbookRefused(words.OLD_FORMAT, path=path)
    if not zipfile.is_zipfile(path):  # a zip's start without its end: cut short
        cut = head.startswith(_ZIP_MAGIC)
        raise WorkbookRefused(words.TRUNCATED if cut else words.NOT_XLSX, path=path)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, path)
    except (zipfile.BadZipFile, OSError, NotImplementedError) as exc:
        raise WorkbookRefused(words.DAMAGED, path=path, reason=str(exc)) from None


def _check_archive(archive: zipfile.ZipFile, path: Path) -> None:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise WorkbookRefused(words.ZIP_NOT_XLSX, path=path)
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or (
            info.file_size > 1024 * 1024 and ratio > MAX_RATIO
        ):
            raise WorkbookRefused(
                words.MEMBER_TOO_LARGE, path=path, member=info.filename, size=info.file_size,
                ratio=f"{ratio:.0f}",
            )  # fmt: skip
    if total > MAX_TOTAL_BYTES:
        raise WorkbookRefused(words.TOTAL_TOO_LARGE, path=path, size=total)
    for info in infos:
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            with archive.open(info) as member:
                head = member.read(4096)
            _check_dimension(head, info.filename, path)


def _check_dimension(head: bytes, member: str, path: Path) -> None:
    match = _DIMENSION.search(head)
    if not match:
        return
    ref = match.group(1).decode("ascii")
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
    except ValueError:
        return
    rows = (max_row or 0) - (min_row or 0) + 1
    cols = (max_col or 0) - (min_col or 0) + 1
    if rows > MAX_ROWS or cols > MAX_COLUMNS:
        raise WorkbookRefused(
            words.RANGE_TOO_LARGE, path=path, member=member, ref=ref, rows=rows, columns=cols,
            max_rows=MAX_ROWS, max_columns=MAX_COLUMNS,
        )  # fmt: skip
