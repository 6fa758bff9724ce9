"""The Word report: what an official opens, edits, prints and signs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Length, Pt

from assess.checklist import Checklist, chinese_numeral
from assess.editing import Editor
from assess.lang import Lang
from assess.models import STATUS_ORDER, Action, Assessment, ItemRecord, Status
from assess.review import ReviewStep
from assess.scoring import format_score, format_share, overdue, summarize
from assess.texts import Text, Texts, labels
from assess.word.render import default_report_name, write_report
from tests.word.conftest import TODAY


def texts(document: Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def body(document: Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def after(document: Document, heading: str) -> list[str]:
    """The paragraphs between the heading ``heading`` and the next heading."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == heading) + 1
    out = []
    for p in paragraphs[start:]:
        if p.style is not None and p.style.name.startswith("Heading"):
            break
        out.append(p.text)
    return out


def east_asia(document: Document, style: str) -> str | None:
    rpr = document.styles[style].element.rPr
    assert rpr is not None and rpr.rFonts is not None
    value: str | None = rpr.rFonts.get(qn("w:eastAsia"))
    return value


def test_headings_follow_the_policys_numbering(zh_doc: Document, checklist: Checklist) -> None:
    (title,) = texts(zh_doc, "Title")
    assert title.startswith("示例经济技术开发区关于对标落实《深化国家级经济技术开发区")
    assert title.endswith("情况的自评报告")
    assert texts(zh_doc, "Subtitle") == ["（2026年上半年）"]
    parts = [f"{chinese_numeral(n)}、{a.title}" for n, a in enumerate(checklist.areas, start=2)]
    assert texts(zh_doc, "Heading 1") == ["一、基本情况", *parts]
    assert texts(zh_doc, "Heading 2") == [f"{m.numeral}{m.title}" for m in checklist.measures]


def test_basics_give_scores_coverage_and_counts(
    zh_doc: Document, checklist: Checklist, demo: Assessment
) -> None:
    summary = summarize(checklist, demo, TODAY)
    overall = summary.overall
    basics = after(zh_doc, "一、基本情况")
    assert basics[0].startswith("示例经济技术开发区位于广西，属西部地区，为沿边地区。")
    assert "评估人为示例评估组" in basics[0]
    assert f"按经开区画像适用条目{overall.applicable}个，已评估{overall.assessed}个" in basics[1]
    assert (
        f"覆盖率{format_share(overall.coverage)}；总体得分{format_score(overall.value)}分"
        in basics[1]
    )
    counts = "、".join(f"{Texts().label(s)}{summary.counts[s]}项" for s in STATUS_ORDER)
    assert basics[3].startswith(f"从落实情况看，{counts}。")
    assert "（其中逾期未完成2项）" in basics[3]
    assert basics[4].startswith("分领域看，“因地制宜发展新质生产力”得分60.7分")


def test_basics_give_both_rates_requests_claims_and_own_tasks(
    zh_doc: Document, en_doc: Document, checklist: Checklist, demo: Assessment
) -> None:
    summary = summarize(checklist, demo, TODAY)
    rates = after(zh_doc, "一、基本情况")[2]
    implementation = format_score(summary.implementation.value)
    policy_use = format_score(summary.policy_use.value)
    assert rates.startswith(f"分两类看，落实率{implementation}分（对经开区的要求类条目）；")
    assert f"政策利用率{policy_use}分" in rates
    # the demo's higher-level items: 6.4 received; 5.4 requested, 13.1 not yet requested
    assert "上级事项中已获得1项，待争取2项（争取中1项、未争取1项），不计入差距。" in rates
    assert "登记政策争取3项，已获批1项。" in rates  # 1.4, 13.1, 14.1; 14.1's is approved
    assert rates.endswith("经开区自定任务1项（推进中1项），得分50.0分，单独计分，不计入以上得分。")
    english = after(en_doc, "I. Basic information")[2]
    assert f"implementation rate {implementation}" in english
    assert "1 own task(s) (in progress 1), score 50.0, apart from the scores above." in english


def test_a_measure_reads_as_prose_in_four_sections(
    zh_doc: Document, checklist: Checklist, demo: Assessment
) -> None:
    first, effects, gaps, support, steps = after(zh_doc, "（一）提升创新策源能力")
    one = summarize(checklist, demo, TODAY).measures[1]
    assert first.startswith(f"本项适用条目{one.applicable}个，")
    assert f"得分{format_score(one.value)}分。" in first
    assert "“离岸创新基地”标为不适用，理由：园区暂无境外研发合作基础" in first
    assert effects.startswith("1.落实成效。（1）“承担国家和地方科技计划项目”：2025年区内单位")
    assert gaps.startswith(
        "2.存在差距。（1）“重大产业科技创新平台”正在推进：自治区级新材料中试基地已获批"
    )
    assert "主要差距：缺少国家级产业科技创新平台，高端研发人才不足。" in gaps
    assert f"“{checklist.item_index['1.7'].title}”尚未启动，原因：知识产权工作由市局统筹" in gaps
    assert support.startswith(
        "3.争取支持。（1）“重大产业科技创新平台”：可争取将中试基地纳入国家级平台布局。"
    )
    due = demo.items["1.1"].actions[0].due
    assert due is not None
    action = demo.items["1.1"].actions[0]
    expected = (
        f"{action.text}（牵头：{action.lead}，配合：{action.partners}，"
        f"时限：{due.year}年{due.month}月{due.day}日前）。"
    )
    assert steps.startswith(f"4.下一步举措。（1）{expected}")


def test_run_in_section_headings_are_bold(zh_doc: Document) -> None:
    effects = next(p for p in zh_doc.paragraphs if p.text.startswith("1.落实成效。"))
    assert effects.runs[0].text == "1.落实成效。"
    assert effects.runs[0].bold is True


def test_overdue_actions_and_higher_level_requests_are_named(
    zh_doc: Document, demo: Assessment
) -> None:
    text = body(zh_doc)
    late = [a for r in demo.items.values() for a in r.actions if overdue(a, TODAY)]
    assert late
    for action in late:
        assert action.due is not None
        due = f"{action.due.year}年{action.due.month}月{action.due.day}日前"
        assert f"{action.text}（牵头：{action.lead}" in text
        assert f"时限：{due}，已逾期）" in text
    assert "“沿边跨境产业合作”属上级事项，正在争取：" in text


def test_a_measure_with_nothing_recorded_says_so_in_one_line(
    zh_doc: Document, checklist: Checklist
) -> None:
    nine = checklist.measure(9)  # the demo records nothing for （九）, only its own task Z1
    nothing, own = after(zh_doc, f"（九）{nine.title}")
    assert nothing == "本项暂未填写。"
    assert own.startswith("1.自定任务。“中越边境‘两国双园’通关便利化自设试点”（推进中，达进度）：")
    assert "已与凭祥海关签订合作备忘录" in own
    assert "下一步：报送试点方案（牵头：商务局，配合：海关" in own


def test_own_tasks_follow_their_measures_sections(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    Editor(demo).add_zone_task(1, "自设“揭榜挂帅”攻关清单", "园区自定")
    path = write_report(checklist, demo, tmp_path / "r.docx", today=TODAY)
    sections = after(docx.Document(str(path)), "（一）提升创新策源能力")
    assert sections[-1] == "5.自定任务。“自设‘揭榜挂帅’攻关清单”（未评估）：园区自定。"
    assert sections[-2].startswith("4.下一步举措。")


def test_closing_and_sign_off_block(zh_doc: Document) -> None:
    assert "特此报告。" in texts(zh_doc, "Normal")
    assert texts(zh_doc, "Sign-off") == [
        "填报单位（盖章）：示例经济技术开发区",
        "填报人：示例评估组",
        "联系电话：" + "　" * 8,
        "审核状态：填报中",
        "审核人：" + "　" * 8,
        "单位负责人（签字）：" + "　" * 8,  # the leader signs the printout by hand
        "日期：　　年　　月　　日",
    ]


def test_sign_off_block_shows_the_recorded_review(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    Editor(demo, who="李科员").review(ReviewStep.SUBMIT)
    Editor(demo, who="王主任").review(ReviewStep.APPROVE, "同意上报")
    path = write_report(checklist, demo, tmp_path / "r.docx", today=TODAY)
    day = demo.review.at.date() if demo.review.at else None
    assert day is not None
    assert texts(docx.Document(str(path)), "Sign-off")[-5:] == [
        "审核状态：已审核",
        "审核人：王主任",
        "审核意见：同意上报",
        "单位负责人（签字）：" + "　" * 8,
        f"日期：{day.year}年{day.month}月{day.day}日",
    ]


def test_page_and_fonts_follow_gbt_9704(
    zh_doc: Document, zh_report: Path, checklist: Checklist
) -> None:
    section = zh_doc.sections[0]
    sizes = (section.page_width, section.page_height, section.top_margin, section.bottom_margin)
    sizes += (section.left_margin, section.right_margin)
    assert [round(Length(s).mm) for s in sizes] == [210, 297, 37, 35, 28, 26]
    assert zh_doc.styles["Normal"].font.size == Pt(16)
    assert zh_doc.styles["Title"].font.size == Pt(22)
    assert east_asia(zh_doc, "Normal") == "仿宋_GB2312"
    assert east_asia(zh_doc, "Title") == "方正小标宋简体"
    assert east_asia(zh_doc, "Heading 1") == "黑体"
    assert east_asia(zh_doc, "Heading 2") == "楷体_GB2312"
    with zipfile.ZipFile(zh_report) as z:
        fonts = z.read("word/fontTable.xml").decode()
        footer = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts
    assert footer.count(" PAGE ") == 2  # odd and even pages
    assert f"《工作方案》清单{checklist.version}版" in footer


def test_english_keeps_the_structure_and_the_zones_words(
    en_doc: Document, checklist: Checklist
) -> None:
    assert texts(en_doc, "Heading 1")[:2] == [
        "I. Basic information",
        "II. Developing new quality productive forces according to local conditions",
    ]
    assert texts(en_doc, "Heading 2")[0] == "(1) Strengthen the capacity to originate innovation"
    effects = next(p.text for p in en_doc.paragraphs if p.text.startswith("1. Results."))
    assert "“National and local S&T programme projects”: 2025年区内单位" in effects
    nine = after(en_doc, f"(9) {checklist.measure(9).title_en}")
    assert nine[0] == "Nothing recorded yet." and nine[1].startswith("1. Own tasks. ")
    assert "due by 2025-11-26; overdue" in body(en_doc)
    assert texts(en_doc, "Sign-off")[0] == "Reporting unit (seal): 示例经济技术开发区"


def test_markup_and_formula_text_comes_out_literally(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    demo.items["9.1"] = ItemRecord(
        status=Status.DONE, explanation="=1+1 [b]x[/b] <w:t>&amp; {zone}\x07"
    )
    demo.items["9.2"] = ItemRecord(
        status=Status.NOT_STARTED, actions=[Action(text="@SUM(A1) ${x}", lead="=HYPERLINK()")]
    )
    path = write_report(checklist, demo, tmp_path / "r.docx", today=TODAY)
    text = body(docx.Document(str(path)))
    assert "=1+1 [b]x[/b] <w:t>&amp; {zone}。" in text
    assert "@SUM(A1) ${x}（牵头：=HYPERLINK()）。" in text


def test_default_name_is_next_to_the_workbook_and_safe(demo: Assessment) -> None:
    assert default_report_name(demo) == "示例经济技术开发区-2026年上半年-自评报告.docx"
    assert default_report_name(demo, Lang.EN).endswith("-self-assessment.docx")
    demo.period = "2026/上半年"
    assert default_report_name(demo) == "示例经济技术开发区-2026_上半年-自评报告.docx"


def test_an_action_due_today_is_not_overdue(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    demo.items["9.1"] = ItemRecord(
        status=Status.IN_PROGRESS, actions=[Action(text="今日到期", due=TODAY)]
    )
    path = write_report(checklist, demo, tmp_path / "r.docx", today=TODAY)
    assert "今日到期（牵头单位待明确，时限：2026年1月15日前）。" in body(docx.Document(str(path)))


def test_the_actions_section_a_missing_lead_and_the_phone_line_use_the_registrys_labels(
    tmp_path: Path, checklist: Checklist, demo: Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(labels.FIELD, "actions", Text("field.actions", "工作举措", "planned work"))
    monkeypatch.setitem(labels.FIELD, "action.lead", Text("field.action.lead", "牵头部门", "lead"))
    monkeypatch.setitem(labels.FIELD, "contact", Text("field.contact", "手机", "mobile"))
    demo.items["9.1"] = ItemRecord(status=Status.IN_PROGRESS, actions=[Action(text="补短板")])
    for lang, section, no_lead, phone in (
        (Lang.ZH, "4.工作举措。", "补短板（牵头部门待明确）。", "手机："),
        (Lang.EN, "4. Planned work.", "补短板 (lead to be named).", "Mobile: "),
    ):
        path = write_report(checklist, demo, tmp_path / f"{lang}.docx", lang=lang, today=TODAY)
        text = body(docx.Document(str(path)))
        assert section in text and no_lead in text, lang
        assert f"\n{phone}" in text, lang  # blank: the demo's contact is empty, to be written in
    demo.contact = "0512-66681234"
    text = body(docx.Document(str(write_report(checklist, demo, tmp_path / "c.docx", today=TODAY))))
    assert (
        "\n手机：0512-66681234" in text
    )  # a recorded phone number is printed, as the cover shows it
