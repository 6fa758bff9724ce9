"""Roll-up of many zones: matrix, regional averages, ranking, common gaps, skipped files."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assess.checklist import Checklist
from assess.excel.rollup_book import build_rollup_workbook
from assess.lang import Lang
from assess.lifecycle import new_assessment
from assess.models import Assessment, Status, ZoneProfile
from assess.regions import PROVINCES, Region
from assess.resources import default_checklist
from assess.rollup import build_rollup, collect_paths
from assess.scoring import summarize
from assess.storage import dumps, load, write_atomic
from tests.compare.builders import ZONE_COUNT, set_record, stamp


def _write(folder: Path, name: str, a: Assessment) -> Path:
    path = folder / name
    write_atomic(path, dumps(a).encode("utf-8"), keep_backup=False)
    return path


def _zone(tiny: Checklist, name: str, province: str = "江苏", day: int = 1) -> Assessment:
    a = new_assessment(tiny, ZoneProfile(name=name, province=province), "2025年下半年")
    a.updated = stamp(dt.date(2025, 12, day))
    return a


def test_232_generated_zones_load_fast_and_cover_every_province(zone_dir: Path) -> None:
    paths, missing = collect_paths([zone_dir])
    assert len(paths) == ZONE_COUNT and missing == []
    seen: list[int] = []
    start = time.perf_counter()
    rollup = build_rollup(
        default_checklist(), paths, progress=lambda done, total: seen.append(done)
    )
    elapsed = time.perf_counter() - start
    assert elapsed < 15, f"loading {ZONE_COUNT} files took {elapsed:.1f}s"
    assert seen == list(range(1, ZONE_COUNT + 1))
    assert len(rollup.zones) == ZONE_COUNT and rollup.skipped == []
    assert {z.province for z in rollup.zones} == set(PROVINCES)
    assert [avg.region for avg in rollup.region_averages()] == [*Region, None]


def test_matrix_and_regional_averages_agree_with_each_zone_summary(zone_dir: Path) -> None:
    cl = default_checklist()
    rollup = build_rollup(cl, collect_paths([zone_dir])[0])
    sample = rollup.zones[17]
    independent = summarize(cl, load(sample.path, cl).assessment)
    assert sample.overall == independent.overall.value
    assert sample.summary.measures[13].value == independent.measures[13].value
    for avg in rollup.region_averages():
        members = [z for z in rollup.zones if avg.region in (None, z.region)]
        values = [z.overall for z in members if z.overall is not None]
        assert avg.zones == len(members)
        assert avg.overall.n == len(values)
        assert avg.overall.value == pytest.approx(sum(values) / len(values))
        m5 = [z.summary.measures[5].value for z in members]
        present = [v for v in m5 if v is not None]
        assert avg.measures[5].n == len(present)


def test_ranking_best_first_ties_share_a_rank_unscored_last(
    tiny: Checklist, tmp_path: Path
) -> None:
    zones = {
        "甲": Status.DONE,
        "乙": Status.IN_PROGRESS,
        "丙": Status.DONE,
        "丁": Status.NOT_STARTED,
        "戊": Status.NOT_ASSESSED,
    }
    paths = []
    for name, status in zones.items():
        a = _zone(tiny, f"{name}经开区")
        set_record(a, "1.1", status)
        paths.append(_write(tmp_path, f"{name}.json", a))
    ranking = build_rollup(tiny, paths).ranking()
    assert [(rank, z.name[0]) for rank, z in ranking] == [
        (1, "丙"),  # tie with 甲 on score and coverage: by name
        (1, "甲"),
        (3, "乙"),
        (4, "丁"),
        (None, "戊"),
    ]


def test_common_gaps_counted_over_zones_that_assessed_the_item(
    tiny: Checklist, tmp_path: Path
) -> None:
    a, b, c = (_zone(tiny, f"经开区{i}") for i in range(3))
    set_record(a, "1.1", Status.NOT_STARTED)
    set_record(b, "1.1", Status.IN_PROGRESS)
    set_record(c, "1.1", Status.DONE)
    set_record(a, "3.1", Status.IN_PROGRESS)
    set_record(b, "2.1", Status.NOT_STARTED)
    set_record(c, "2.1", Status.NOT_APPLICABLE, explanation="无条件")
    rollup = build_rollup(tiny, [_write(tmp_path, f"{i}.json", x) for i, x in enumerate((a, b, c))])
    gaps = [(g.item_id, g.gaps, g.assessed) for g in rollup.common_gaps()]
    assert gaps == [("1.1", 2, 3), ("2.1", 1, 1), ("3.1", 1, 1)]


def test_bad_files_are_skipped_with_reasons_and_duplicates_keep_the_latest(
    tiny: Checklist, tmp_path: Path
) -> None:
    good = _write(tmp_path, "good.json", _zone(tiny, "甲经开区"))
    older = _write(tmp_path, "old.json", _zone(tiny, "乙经开区", day=1))
    newer = _write(tmp_path, "new.json", _zone(tiny, "乙经开区", day=20))
    (tmp_path / "broken.json").write_text("{oops", encoding="utf-8")
    other = json.loads(dumps(_zone(tiny, "丙经开区")))
    other["checklist"]["id"] = "another"
    (tmp_path / "other.json").write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    paths, missing = collect_paths([tmp_path, good, tmp_path / "nope.json", empty])
    assert [m.path.name for m in missing] == ["nope.json", "empty"]
    assert len(paths) == 5  # good.json named twice is loaded once
    rollup = build_rollup(tiny, paths)
    assert sorted(z.path.name for z in rollup.zones) == ["good.json", "new.json"]
    reasons = {s.path.name: s.reason for s in rollup.skipped}
    assert set(reasons) == {"broken.json", "other.json", "old.json"}
    assert "不是有效的 JSON" in reasons["broken.json"]
    assert "checklist.id" in reasons["other.json"]
    assert str(newer) in reasons["old.json"] and older.exists()


def test_rollup_workbook_sheets_read_back(zone_dir: Path, tmp_path: Path) -> None:
    cl = default_checklist()
    paths = collect_paths([zone_dir])[0]
    hostile = load(paths[0], cl).assessment
    hostile.zone.name = '=HYPERLINK("http://x")'
    paths[0] = _write(tmp_path, "hostile.json", hostile)
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    rollup = build_rollup(cl, [*paths, tmp_path / "bad.json"])
    out = tmp_path / "rollup.xlsx"
    build_rollup_workbook(rollup).save(out)
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "得分矩阵",
        "分地区平均",
        "总体排名",
        "常见差距",
        "覆盖率",
        "未计入文件",
    ]
    matrix = wb["得分矩阵"]
    assert matrix.max_row == 2 + ZONE_COUNT
    assert matrix.cell(2, 5).value == "评估期" and matrix.cell(3, 5).value == "2025年下半年"
    assert matrix.cell(2, 7).value == "（一）提升创新策源能力"
    names = [matrix.cell(r, 2).value for r in range(3, 3 + ZONE_COUNT)]
    row = 3 + names.index(hostile.zone.name)
    cell = matrix.cell(row, 2)
    assert cell.data_type == "s" and cell.value == hostile.zone.name
    zone = next(z for z in rollup.zones if z.name == hostile.zone.name)
    assert matrix.cell(row, 6).value == pytest.approx(zone.overall)
    assert any(
        "colorScale" in str(r.type) for rules in matrix.conditional_formatting for r in rules.rules
    )
    regions = wb["分地区平均"]
    assert [regions.cell(r, 1).value for r in range(3, 8)] == [
        "东部",
        "中部",
        "西部",
        "东北",
        "全部",
    ]
    assert regions.cell(7, 2).value == ZONE_COUNT
    ranking = wb["总体排名"]
    scores = [ranking.cell(r, 6).value for r in range(3, 3 + ZONE_COUNT)]
    assert scores == sorted(scores, reverse=True)
    assert ranking.cell(3, 1).value == 1
    gaps = wb["常见差距"]
    counts = [gaps.cell(r, 6).value for r in range(3, gaps.max_row + 1)]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    skipped = wb["未计入文件"]
    assert skipped.cell(3, 2).value.endswith("bad.json")
    assert "评估对象" in skipped.cell(3, 3).value
    assert wb["覆盖率"].page_setup.orientation == "landscape"
    assert wb["覆盖率"].print_title_rows == "$2:$2"


def _period(tiny: Checklist, name: str, period: str, day: int = 1) -> Assessment:
    a = _zone(tiny, name, day=day)
    a.period = period
    return a


def test_a_rollup_is_of_the_period_most_zones_are_in_others_are_listed_apart(
    tiny: Checklist, tmp_path: Path
) -> None:
    """A province folder with a stray later file: ranked and averaged are one period only."""
    h2 = [_write(tmp_path, f"{n}.json", _period(tiny, n, "2025年下半年")) for n in "甲乙"]
    set_record(later := _period(tiny, "丙", "2027年上半年", day=30), "1.1", Status.DONE)
    stray = _write(tmp_path, "丙.json", later)
    again = _write(tmp_path, "甲2.json", _period(tiny, "甲", "2025年下半年", day=9))
    rollup = build_rollup(tiny, [*h2, stray, again])
    assert rollup.period == "2025年下半年"
    assert sorted(z.name for z in rollup.zones) == ["乙", "甲"]
    assert [z.name for _, z in rollup.ranking()] == ["乙", "甲"]
    assert rollup.region_averages()[-1].zones == 2
    assert [(s.path, s.other_period) for s in rollup.other_periods] == [(stray, "2027年上半年")]
    assert [s.path for s in rollup.left_out] == [h2[0]]  # 甲's older file of the same period
    assert not any(s.failed for s in rollup.skipped)
    assert "2027年上半年" in rollup.other_periods[0].reason


def test_a_named_period_is_rolled_up_and_a_tie_takes_the_latest_file(
    tiny: Checklist, tmp_path: Path
) -> None:
    old = _write(tmp_path, "a.json", _period(tiny, "甲", "2025年下半年", day=1))
    new = _write(tmp_path, "b.json", _period(tiny, "乙", "2026年上半年", day=20))
    assert build_rollup(tiny, [old, new]).period == "2026年上半年"
    named = build_rollup(tiny, [old, new], period=" 2025年下半年 ")
    assert named.period == "2025年下半年"
    assert [z.path for z in named.zones] == [old]
    assert [s.path for s in named.other_periods] == [new]
    assert build_rollup(tiny, [old, new], period="2030年").zones == []


def test_rollup_workbook_names_its_period_and_lists_other_periods_in_its_language(
    tiny: Checklist, tmp_path: Path
) -> None:
    kept = _write(tmp_path, "a.json", _period(tiny, "甲", "2025年下半年"))
    stray = _write(tmp_path, "b.json", _period(tiny, "乙", "2027年上半年"))
    rollup = build_rollup(tiny, [kept, stray], period="2025年下半年")
    wb = build_rollup_workbook(rollup)
    assert wb["得分矩阵"].cell(1, 1).value == "经开区 × 举措得分矩阵（2025年下半年）"
    assert "（2025年下半年）" in wb["总体排名"].oddHeader.left.text
    assert wb["总体排名"].cell(3, 5).value == "2025年下半年"
    skipped = wb["未计入文件"]
    assert skipped.cell(3, 2).value == str(stray)
    assert (
        skipped.cell(3, 3).value == "评估期为 2027年上半年，本次汇总的评估期为 2025年下半年，未计入"
    )
    english = build_rollup_workbook(rollup, lang=Lang.EN)["Skipped files"]
    assert english.cell(3, 3).value == "its period is 2027年上半年; this roll-up is of 2025年下半年"


def test_files_with_and_without_a_utc_offset_are_put_in_order(
    tiny: Checklist, tmp_path: Path
) -> None:
    """A hand-made file may give its times without an offset; the roll-up compared them with
    the others' and stopped with Python's TypeError."""
    older = _zone(tiny, "乙经开区", day=1)
    older.updated = older.updated.replace(tzinfo=None)
    newer = _write(tmp_path, "new.json", _zone(tiny, "乙经开区", day=20))
    paths = [_write(tmp_path, "old.json", older), newer]
    rollup = build_rollup(tiny, paths)
    assert [z.path.name for z in rollup.zones] == ["new.json"]
    assert [s.path.name for s in rollup.skipped] == ["old.json"]
