"""The report converts with LibreOffice: the check that it is a real, printable document."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_report_to_a_pdf_with_its_text(
    tmp_path: Path, zh_report: Path
) -> None:
    assert SOFFICE is not None and shutil.which("pdftotext") is not None
    profile = tmp_path / "lo-profile"  # its own profile: parallel runs do not share a lock
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(zh_report)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = zh_report.with_suffix(".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= 8
    flat = "".join(text.split())
    for expected in ("示例经济技术开发区关于对标落实", "一、基本情况", "（一）提升创新策源能力",
                     "1.落实成效。", "本项暂未填写。", "特此报告。", "填报单位（盖章）", "—1—"):  # fmt: skip
        assert expected in flat
