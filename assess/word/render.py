"""``assess report``: the self-assessment report as a Word draft (.docx).

python-docx writes the file: it is the maintained, typed library for .docx (python-openxml,
MIT), needs only lxml, and gives direct access to the XML where GB/T 9704 needs more than its
API (east-Asian fonts, outline levels, page-number fields, the font table's fallbacks).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_UNDERLINE
from docx.text.paragraph import Paragraph

from assess.checklist import Checklist
from assess.lang import Lang
from assess.models import Assessment
from assess.storage import write_atomic
from assess.texts import Texts
from assess.texts import report as report_words
from assess.word import layout
from assess.word.content import Block, BlockKind, Writer, clean

STYLES = {
    BlockKind.TITLE: layout.TITLE,
    BlockKind.SUBTITLE: layout.SUBTITLE,
    BlockKind.HEADING_1: layout.HEADING_1,
    BlockKind.HEADING_2: layout.HEADING_2,
    BlockKind.BODY: layout.BODY,
    BlockKind.CLOSING: layout.BODY,
    BlockKind.SIGN_OFF: layout.SIGN_OFF,
}
BLANK_LINE = "　" * 8  # the underlined space an official writes into
_ILLEGAL_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def default_report_name(assessment: Assessment, lang: Lang = Lang.ZH) -> str:
    """e.g. 示例经济技术开发区-2026年上半年-自评报告.docx, safe as a Windows file name."""
    stem = f"{assessment.zone.name}-{assessment.period}-{Texts(lang)(report_words.FILE_STEM)}"
    stem = _ILLEGAL_IN_FILE_NAMES.sub("_", stem).strip(" .")[:120]
    return f"{stem or Texts(lang)(report_words.FILE_STEM)}.docx"


def build_document(
    checklist: Checklist, assessment: Assessment, lang: Lang = Lang.ZH, today: dt.date | None = None
) -> Document:
    writer = Writer(checklist, assessment, Texts(lang), today or dt.date.today())
    document = docx.Document()
    layout.set_page(document)
    layout.set_styles(document)
    body = document.paragraphs[0]._p if document.paragraphs else None
    if body is not None:  # the template's empty first paragraph
        body.getparent().remove(body)
    blocks = writer.blocks()
    for block in blocks:
        _add(document, block)
    layout.page_number_footers(document, writer.footer())
    props = document.core_properties
    props.title = blocks[0].text
    props.author = clean(assessment.assessor) or clean(assessment.zone.name)
    props.comments = ""
    return document


def write_report(
    checklist: Checklist,
    assessment: Assessment,
    path: Path,
    *,
    lang: Lang = Lang.ZH,
    today: dt.date | None = None,
) -> Path:
    """Write the .docx to ``path`` atomically (temp file + rename) and return the path."""
    buffer = io.BytesIO()
    build_document(checklist, assessment, lang, today).save(buffer)
    write_atomic(Path(path), buffer.getvalue(), keep_backup=False)
    return Path(path)


def _add(document: Document, block: Block) -> Paragraph:
    paragraph = document.add_paragraph(style=STYLES[block.kind])
    if block.kind is BlockKind.SIGN_OFF:
        paragraph.add_run(block.lead)
        value = paragraph.add_run(block.text or BLANK_LINE)
        if not block.text:
            value.font.underline = WD_UNDERLINE.SINGLE
        return paragraph
    if block.kind is BlockKind.CLOSING:
        paragraph.paragraph_format.keep_with_next = True
    if block.lead:
        paragraph.add_run(block.lead).bold = True
    paragraph.add_run(block.text)
    return paragraph
