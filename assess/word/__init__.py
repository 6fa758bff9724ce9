"""The Word adapter: ``assess report`` writes a self-assessment report (自评报告) as .docx.

python-docx is imported only inside this package, so other commands never load it.
"""
