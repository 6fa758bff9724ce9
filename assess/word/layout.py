"""Page and type after GB/T 9704 (党政机关公文格式), applied to a python-docx document.

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; body 3号 仿宋_GB2312 at a fixed
28.95 pt line pitch (22 lines a page, 28 characters a line); title 2号 小标宋; headings 黑体
(一、) and 楷体 (（一）); page numbers “— 1 —” in 4号 宋体, odd pages right, even pages left.
The 方正/GB2312 fonts are missing on many machines, so the font table names a fallback
(altName) that Word and WPS use instead: 仿宋, 楷体, 宋体.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from lxml import etree

BODY_SIZE = Pt(16)  # 3号
TITLE_SIZE = Pt(22)  # 2号
PAGE_NUMBER_SIZE = Pt(14)  # 4号
FOOTNOTE_SIZE = Pt(10.5)  # 5号
LINE_PITCH = Pt(28.95)  # 22 lines in the 225 mm text block
INDENT = Pt(32)  # two characters of 3号
TEXT_WIDTH = Mm(210 - 28 - 26)

LATIN = "Times New Roman"
FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
SONGTI = "宋体"
XIAOBIAOSONG = "方正小标宋简体"
FALLBACKS = {FANGSONG: "仿宋", KAITI: "楷体", XIAOBIAOSONG: SONGTI}

# Style names the report uses; built-in heading names keep Word's navigation pane working.
BODY = "Normal"
TITLE = "Title"
SUBTITLE = "Subtitle"
HEADING_1 = "Heading 1"
HEADING_2 = "Heading 2"
SIGN_OFF = "Sign-off"


def set_page(document: Document) -> None:
    """A4 portrait with the GB/T 9704 margins; odd and even footers differ."""
    section = document.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(21)  # the page number sits 7 mm below the text block
    document.settings.odd_and_even_pages_header_footer = True


def set_styles(document: Document) -> None:
    """Redefine the styles used so no theme font, colour or spacing of the template remains."""
    styles = document.styles
    _east_asian_language(document)
    _define(_paragraph_style(document, BODY), FANGSONG, BODY_SIZE, indent=INDENT)
    _define(_paragraph_style(document, TITLE), XIAOBIAOSONG, TITLE_SIZE, center=True)
    _define(_paragraph_style(document, SUBTITLE), KAITI, BODY_SIZE, center=True)
    _define(_paragraph_style(document, HEADING_1), HEITI, BODY_SIZE, indent=INDENT, outline=0)
    _define(_paragraph_style(document, HEADING_2), KAITI, BODY_SIZE, indent=INDENT, outline=1)
    if SIGN_OFF not in [s.name for s in styles]:
        styles.add_style(SIGN_OFF, WD_STYLE_TYPE.PARAGRAPH)
    sign_off = _paragraph_style(document, SIGN_OFF)
    _define(sign_off, FANGSONG, BODY_SIZE)
    sign_off.paragraph_format.left_indent = 4 * BODY_SIZE  # the block sits right of centre
    sign_off.paragraph_format.keep_with_next = True
    for name in ("Footer", "Header"):
        _define(_paragraph_style(document, name), SONGTI, FOOTNOTE_SIZE, exact=False)
    _font_fallbacks(document)


def _paragraph_style(document: Document, name: str) -> ParagraphStyle:
    style = document.styles[name]
    assert isinstance(style, ParagraphStyle)
    return style


def _define(
    style: ParagraphStyle,
    east_asia: str,
    size: Pt,
    *,
    indent: Pt | None = None,
    center: bool = False,
    outline: int | None = None,
    exact: bool = True,
) -> None:
    for tag in ("w:rPr", "w:pPr"):
        old = style.element.find(qn(tag))
        if old is not None:
            style.element.remove(old)
    if style.name != BODY:
        style.base_style = None
    font = style.font
    font.size = size
    font.bold = False
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(style.element.get_or_add_rPr(), east_asia)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    if exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
    fmt.first_line_indent = indent
    fmt.widow_control = True
    if center:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if outline is not None:
        fmt.keep_with_next = True
        style.element.get_or_add_pPr().get_or_add_outlineLvl().val = outline


def set_fonts(rpr: CT_RPr, east_asia: str) -> None:
    """Latin text in Times New Roman, Chinese in ``east_asia``; theme fonts removed."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), LATIN)
    rfonts.set(qn("w:eastAsia"), east_asia)


def _east_asian_language(document: Document) -> None:
    """Mark the default language zh-CN so line breaking and punctuation follow Chinese rules."""
    rpr_default = document.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
    if rpr_default is None:
        return
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)


def _font_fallbacks(document: Document) -> None:
    """Add the 公文 fonts to the font table with the alternative to use where they are missing."""
    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    assert isinstance(part, Part)
    table = parse_xml(part.blob)
    for name, alternative in FALLBACKS.items():
        font = parse_xml(
            f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alternative}"/>'
            '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
        table.append(font)
    # python-docx keeps parts it does not model as bytes
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def page_number_footers(document: Document, words: str) -> None:
    """One footer line: “— N —” at the outer edge (odd pages right, even left), ``words`` inside."""
    section = document.sections[0]
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        line = footer.paragraphs[0]
        line.paragraph_format.tab_stops.add_tab_stop(
            TEXT_WIDTH - PAGE_NUMBER_SIZE, WD_TAB_ALIGNMENT.RIGHT
        )
        line.paragraph_format.left_indent = line.paragraph_format.right_indent = PAGE_NUMBER_SIZE
        if odd:
            line.add_run(words + "\t")
        _page_number(line)
        if not odd:
            line.add_run("\t" + words)


def _page_number(paragraph: Paragraph) -> None:
    runs = [paragraph.add_run("— ")]
    begin, instr, separate, end = (OxmlElement("w:fldChar"), OxmlElement("w:instrText"),
                                   OxmlElement("w:fldChar"), OxmlElement("w:fldChar"))  # fmt: skip
    begin.set(qn("w:fldCharType"), "begin")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate):
        runs.append(paragraph.add_run())
        runs[-1]._r.append(element)
    runs.append(paragraph.add_run("1"))
    runs.append(paragraph.add_run())
    runs[-1]._r.append(end)
    runs.append(paragraph.add_run(" —"))
    for run in runs:
        run.font.size = PAGE_NUMBER_SIZE
        set_fonts(run._r.get_or_add_rPr(), SONGTI)
