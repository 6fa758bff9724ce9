"""The 2025 checklist data (checklists/etdz-2025.toml) against the policy text it decomposes.

The policy text is kept in the repo as ``checklists/etdz-2025-source.txt`` (a copy of the project's
reference ``shared/reference/policy-2025-zh.txt``, checked equal when that is present); every item's
``source`` must quote it verbatim, and the items of a measure must rebuild its body exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assess.checklist import Checklist, Kind, chinese_numeral, load_checklist
from assess.errors import LoadError
from assess.regions import Region

REPO_ROOT = Path(__file__).resolve().parents[1]

CHECKLIST_PATH = REPO_ROOT / "checklists/etdz-2025.toml"
REFERENCE_PATH = REPO_ROOT / "checklists/etdz-2025-source.txt"
SHARED_REFERENCE = REPO_ROOT.parent / "shared/reference/policy-2025-zh.txt"

AREA_RE = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
MEASURE_RE = re.compile(r"^（([一二三四五六七八九十]+)）(.+?)。(.*)$")
NUMERALS = {chinese_numeral(n): n for n in range(1, 21)}

EXPECTED_SENTENCES = 73


def parse_reference(text: str) -> tuple[dict[int, str], dict[int, tuple[str, str, int]]]:
    """Area number → title; measure number → (title, body, area number), in reading order.

    Area 一 (总体要求) has no measures and is not part of the checklist.
    """
    areas: dict[int, str] = {}
    measures: dict[int, tuple[str, str, int]] = {}
    current_area = 0
    for line in text.splitlines():
        line = line.strip()
        if m := AREA_RE.match(line):
            current_area = NUMERALS[m.group(1)]
            areas[current_area] = m.group(2)
        elif m := MEASURE_RE.match(line):
            measures[NUMERALS[m.group(1)]] = (m.group(2), m.group(3), current_area)
    areas = {n: t for n, t in areas.items() if any(a == n for _, _, a in measures.values())}
    return areas, measures


def sentences(body: str) -> list[str]:
    """Split a body on 。, keeping the 。 with its sentence."""
    parts = re.findall(r"[^。]*。", body)
    assert "".join(parts) == body, "body does not end with 。"
    return parts


@pytest.fixture(scope="module")
def reference() -> tuple[dict[int, str], dict[int, tuple[str, str, int]]]:
    return parse_reference(REFERENCE_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return load_checklist(CHECKLIST_PATH)


def test_source_copy_matches_shared_reference() -> None:
    if not SHARED_REFERENCE.is_file():
        pytest.skip(f"no shared reference beside the repo at {SHARED_REFERENCE}")
    assert REFERENCE_PATH.read_bytes() == SHARED_REFERENCE.read_bytes()


# ── structure ────────────────────────────────────────────────────────────────


def test_top_level(checklist: Checklist) -> None:
    assert checklist.id == "etdz-2025"
    assert checklist.version == "1.1.0"
    assert checklist.title == "深化国家级经济技术开发区改革创新以高水平开放引领高质量发展工作方案"
    assert checklist.issued == "2025-05-21"
    assert checklist.title_en


def test_areas_match_reference(checklist: Checklist, reference) -> None:
    ref_areas, ref_measures = reference
    assert [a.number for a in checklist.areas] == [2, 3, 4, 5]
    assert sorted(ref_areas) == [2, 3, 4, 5]
    for area in checklist.areas:
        assert area.title == ref_areas[area.number], f"area {area.numeral}"
        expected = [n for n, (_, _, a) in sorted(ref_measures.items()) if a == area.number]
        assert [m.number for m in area.measures] == expected, f"measures of area {area.numeral}"


def test_measures_match_reference(checklist: Checklist, reference) -> None:
    _, ref_measures = reference
    assert [m.number for m in checklist.measures] == list(range(1, 17))
    assert sorted(ref_measures) == list(range(1, 17))
    for measure in checklist.measures:
        assert measure.title == ref_measures[measure.number][0], f"measure {measure.numeral}"


def test_item_ids_consecutive(checklist: Checklist) -> None:
    for measure in checklist.measures:
        ids = [item.id for item in measure.items]
        assert ids == [f"{measure.number}.{k}" for k in range(1, len(ids) + 1)], measure.numeral


def test_item_titles_short(checklist: Checklist) -> None:
    for item in checklist.items:
        assert len(item.title) <= 16, f"{item.id}: title too long ({len(item.title)}): {item.title}"


# ── verbatim source ──────────────────────────────────────────────────────────


def test_sources_rebuild_measure_bodies(checklist: Checklist, reference) -> None:
    _, ref_measures = reference
    for measure in checklist.measures:
        body = ref_measures[measure.number][1]
        rebuilt = "".join(item.source for item in measure.items)
        assert rebuilt == body, f"{measure.numeral}{measure.title}: items do not rebuild the body"


def test_sentence_count(reference) -> None:
    _, ref_measures = reference
    assert sum(len(sentences(body)) for _, body, _ in ref_measures.values()) == EXPECTED_SENTENCES


def test_each_sentence_is_one_item_or_a_run(checklist: Checklist, reference) -> None:
    """Items never straddle a sentence end: each sentence is one item or consecutive items."""
    _, ref_measures = reference
    total = 0
    for measure in checklist.measures:
        expected = sentences(ref_measures[measure.number][1])
        groups: list[list[str]] = []
        run: list[str] = []
        for item in measure.items:
            assert "。" not in item.source[:-1], f"{item.id} spans more than one sentence"
            run.append(item.source)
            if item.source.endswith("。"):
                groups.append(run)
                run = []
            else:
                assert item.source[-1] in "，；", f"{item.id} is not split at a clause boundary"
        assert not run, f"{measure.numeral}: last item does not end a sentence"
        assert ["".join(g) for g in groups] == expected, measure.numeral
        total += len(groups)
    assert total == EXPECTED_SENTENCES
    assert len(checklist.items) >= EXPECTED_SENTENCES


# ── kind and applicability follow the wording ────────────────────────────────


def test_conditional_items(checklist: Checklist) -> None:
    for item in checklist.items:
        if "有条件的" in item.source or "符合条件的" in item.source:
            assert item.applies.conditional, f"{item.id} says 有条件的/符合条件的"
        else:
            assert not item.applies.conditional, f"{item.id} is marked conditional without 有条件"


def test_profile_items(checklist: Checklist) -> None:
    for item in checklist.items:
        if "沿边地区" in item.source:
            assert item.applies.border, f"{item.id} names 沿边地区"
        if "西部枢纽节点起步区" in item.source:
            assert item.applies.hub, f"{item.id} names 西部枢纽节点起步区"
            assert item.applies.regions == (Region.WEST,), f"{item.id}: hub zones are all 西部"
        if "外籍人才集中" in item.source:
            assert item.applies.foreign_talent, f"{item.id} names 外籍人才集中"
    flagged = {
        "border": [i.id for i in checklist.items if i.applies.border],
        "hub": [i.id for i in checklist.items if i.applies.hub],
        "foreign_talent": [i.id for i in checklist.items if i.applies.foreign_talent],
    }
    assert all(len(ids) == 1 for ids in flagged.values()), flagged


def test_central_west_northeast_item(checklist: Checklist) -> None:
    item = next(i for i in checklist.items if i.source.startswith("支持中西部和东北地区"))
    assert set(item.applies.regions) == {Region.CENTRAL, Region.WEST, Region.NORTHEAST}
    # 东部 as 转出地, the others as 承接地: the co-built parks apply to every region.
    joint = next(i for i in checklist.items if i.source.startswith("支持东部地区"))
    assert not joint.applies.restricted


def test_kind_follows_wording(checklist: Checklist) -> None:
    for item in checklist.items:
        src = item.source
        if src.startswith("鼓励"):
            assert item.kind is Kind.ENCOURAGE, f"{item.id} starts with 鼓励"
        if src.startswith(("国家级经开区应", "国家级经开区要", "各国家级经开区应")):
            assert item.kind is Kind.REQUIREMENT, f"{item.id} is addressed to the zone with 应/要"
        if src.startswith("地方人民政府"):
            assert item.kind is Kind.HIGHER_LEVEL, f"{item.id} is addressed to 地方人民政府"


def test_item_content(checklist: Checklist) -> None:
    for item in checklist.items:
        assert item.guidance and item.guidance_en, item.id
        assert 1 <= len(item.evidence) <= 3, f"{item.id}: 1–3 evidence references"
        for ref in item.evidence:
            assert not any(w in ref for w in ("照片", "截图")), (
                f"{item.id}: no photos/screenshots (减负)"
            )
        assert item.weight == 1.0, item.id


# ── a broken file names the bad field ────────────────────────────────────────


def test_bad_kind_names_the_field(tmp_path: Path) -> None:
    text = CHECKLIST_PATH.read_text(encoding="utf-8")
    assert 'kind = "support"' in text
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('kind = "support"', 'kind = "wish"', 1), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_checklist(broken)
    assert "kind" in info.value.field
    assert info.value.field.startswith("areas.")
    assert info.value.path == broken


# ── 1.1.0 corrections (issue 12) ─────────────────────────────────────────────


def test_kinds_by_who_carries_it_out(checklist: Checklist) -> None:
    """7.2 is an opening like 7.1; 9.2, 9.3 are done by the zone itself, like 11.1 and 11.2."""
    kinds = {i.id: i.kind for i in checklist.items}
    assert kinds["7.1"] is kinds["7.2"] is Kind.SUPPORT
    for item_id in ("9.2", "9.3", "11.1", "11.2"):
        assert kinds[item_id] is Kind.REQUIREMENT, item_id
    header = CHECKLIST_PATH.read_text(encoding="utf-8").split("\nid = ")[0]
    assert "who carries it out" in header and "9.2" in header and "11.1" in header


def test_bundled_sentences_split(checklist: Checklist) -> None:
    index = checklist.item_index
    assert index["1.7"].source.endswith("知识产权强国建设示范园区，")
    assert index["1.8"].source.startswith("强化区内外知识产权合作对接")
    assert index["11.2"].source.startswith("推动园区行政管理主体与开发建设主体相对分离")
    assert index["14.5"].source.endswith(
        "积极创建绿色工业园区和生态文明建设示范区（生态工业园区）。"
    )


def test_figures_sit_on_their_items(checklist: Checklist) -> None:
    def names(item_id: str) -> set[str]:
        return {i.name for i in checklist.item_index[item_id].indicators}

    assert "进出口总额" not in names("8.1") and "进出口总额" in names("9.2")
    measure_two = {i.name for item in checklist.measure(2).items for i in item.indicators}
    assert "规模以上工业总产值" in measure_two


def test_titles_a_reader_would_not_misread(checklist: Checklist) -> None:
    index = checklist.item_index
    assert "单列年度用地计划指标" in index["13.1"].title
    assert "Custody" not in index["10.3"].title_en and "Entrusted" in index["10.3"].title_en
    assert "carriers" not in index["1.5"].title_en and "platforms" in index["1.5"].title_en
    assert "bianzhi" in index["10.5"].title_en
    assert "Two Countries, Twin Parks" in index["9.5"].title_en
    assert not any(
        "custody" in i.guidance_en or "carrier" in i.guidance_en for i in checklist.items
    )


def test_evidence_is_a_document_not_activity_records(checklist: Checklist) -> None:
    """减负: evidence proves the point with one document, not a trail of activities."""
    for item in checklist.items:
        for ref in item.evidence:
            for word in ("活动记录", "参会记录", "对接记录", "宣讲材料", "检查记录", "情况报告"):
                assert word not in ref, f"{item.id}: {ref}"
