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

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_ROWS = 20_000
MAX_COLUMNS = 200
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")


class WorkbookRefused(AssessError):
    """The file is not a workbook we will open."""


def check_workbook_file(path: Path) -> None:
    """Raise WorkbookRefused (with what and how to fix) unless ``path`` is a sane .xlsx file."""
    path = Path(path)
    where = f"{path}: "
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):  # opening a FIFO would hang; a device never ends
            raise WorkbookRefused(
                where + "这不是普通文件（而是管道、设备或套接字）/ not a regular file "
                "(a pipe, device or socket)"
            )
        size = st.st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise WorkbookRefused(where + "文件不存在 / file not found") from None
    except IsADirectoryError:
        raise WorkbookRefused(where + "这是一个文件夹 / this is a folder") from None
    except OSError as exc:
        raise WorkbookRefused(where + f"无法读取 / cannot read: {exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise WorkbookRefused(
            where + f"文件过大（{size} 字节，上限 {MAX_FILE_BYTES}）/ file too large"
        )
    if head.startswith(_OLE_MAGIC):
        raise WorkbookRefused(
            where + "这是 .xls/.et 旧格式或加密的工作簿；请在 Excel/WPS 中取消密码并另存为 .xlsx "
            "/ an old-format (.xls) or password-protected workbook; remove the password and "
            "save as .xlsx"
        )
    if not zipfile.is_zipfile(path):
        raise WorkbookRefused(
            where + "不是 .xlsx 工作簿；请在 Excel/WPS 中另存为 .xlsx / not an .xlsx workbook"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, where)
    except (zipfile.BadZipFile, OSError, NotImplementedError) as exc:
        raise WorkbookRefused(where + f"工作簿已损坏 / the workbook is damaged: {exc}") from None


def _check_archive(archive: zipfile.ZipFile, where: str) -> None:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise WorkbookRefused(
            where
            + "压缩包中没有工作簿内容，不是 .xlsx 文件 / a zip file, but not an .xlsx workbook"
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or (
            info.file_size > 1024 * 1024 and ratio > MAX_RATIO
        ):
            raise WorkbookRefused(
                where + f"{info.filename} 解压后过大（{info.file_size} 字节，压缩比 {ratio:.0f}）"
                f"，拒绝打开 / inflates to {info.file_size} bytes (ratio {ratio:.0f}); refused"
            )
    if total > MAX_TOTAL_BYTES:
        raise WorkbookRefused(
            where + f"解压后共 {total} 字节，过大 / inflates to {total} bytes in total; refused"
        )
    for info in infos:
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            with archive.open(info) as member:
                head = member.read(4096)
            _check_dimension(head, info.filename, where)


def _check_dimension(head: bytes, member: str, where: str) -> None:
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
            where + f"{member} 声明的范围 {ref} 过大（上限 {MAX_ROWS} 行、{MAX_COLUMNS} 列）"
            f" / declares a range of {rows} rows × {cols} columns; refused"
        )
