"""回收情况: each workbook is named for what it is and counts what it covers still 未评估."""

from __future__ import annotations

from pathlib import Path

from assess.applicability import item_applies
from assess.checklist import Checklist
from assess.excel.importer import import_many
from assess.excel.intake_summary import summary_lines
from assess.excel.report import export_report
from assess.lang import Lang
from assess.models import Assessment, Status
from assess.texts import Texts
from tests.excel.conftest import TODAY


def _open(checklist: Checklist, demo: Assessment, measures: set[int] | None = None) -> int:
    return sum(
        1
        for item in checklist.items
        if item_applies(item, demo.zone)
        and (measures is None or checklist.measure_of[item.id].number in measures)
        and (demo.items.get(item.id) is None or demo.items[item.id].status is Status.NOT_ASSESSED)
    )


def test_the_full_workbook_is_not_a_department_and_counts_every_open_item(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    expected = _open(checklist, demo)
    assert expected > 40
    result, _ = import_many([report], checklist, demo)
    line = summary_lines(result, checklist)[1]
    assert line.startswith("· 全量台账：")
    assert "（未填写）：" not in line and "本部门" not in line
    assert f"所含条目仍未评估 {expected} 个（1.3、" in line


def test_a_measures_workbook_counts_its_own_measures_in_english(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    path = tmp_path / "some.xlsx"
    export_report(checklist, demo, path, measures=[1, 13], today=TODAY)
    result, _ = import_many([path], checklist, demo)
    line = summary_lines(result, checklist, Texts(Lang.EN))[1]
    expected = _open(checklist, demo, {1, 13})
    assert line.startswith("· workbook of measures 1, 13: some.xlsx")
    assert f"{expected} of its item(s) still not assessed (1.3, " in line


def test_departments_not_returned_are_listed_in_the_users_language(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    from assess.excel.department_book import export_by_department, planned_books

    books = planned_books(checklist, demo, tmp_path)
    export_by_department(checklist, demo, books[:1], today=TODAY)
    result, _ = import_many([books[0][1]], checklist, demo)
    missing = [name for name, _, _ in books[1:]]
    assert len(missing) > 1
    zh, en = (summary_lines(result, checklist, Texts(lang))[-1] for lang in (Lang.ZH, Lang.EN))
    assert zh == "· 未交回：" + "、".join(missing)
    assert en == "· not returned: " + ", ".join(missing)  # not joined with 、
