"""Charts that show their values without recalculation.

A chart's series point at cells; viewers that do not recalculate (mobile and IM previews,
protected view, WPS in some versions) draw only what the chart XML caches, so a chart written
with references alone shows empty. :func:`cache_values` copies the referenced cells into the
series' ``numCache`` / ``strCache``; every chart the tool writes goes through it.
"""

from __future__ import annotations

from openpyxl.chart._chart import ChartBase
from openpyxl.chart.data_source import (
    AxDataSource,
    NumData,
    NumVal,
    StrData,
    StrRef,
    StrVal,
)
from openpyxl.chart.series import SeriesLabel
from openpyxl.utils.cell import range_to_tuple
from openpyxl.workbook.workbook import Workbook


def cache_values(chart: ChartBase, workbook: Workbook) -> None:
    """Fill the caches of ``chart``'s series (values, categories, titles) from the cells."""
    for series in chart.series:
        if series.val is not None and series.val.numRef is not None:
            ref = series.val.numRef
            values = _cells(workbook, ref.f)
            ref.numCache = NumData(
                formatCode="General",
                ptCount=len(values),
                pt=[
                    NumVal(idx=i, v=v)
                    for i, v in enumerate(values)
                    if isinstance(v, int | float) and not isinstance(v, bool)
                ],
            )
        if series.cat is not None:
            ref = series.cat.numRef or series.cat.strRef  # set_categories writes a numRef
            series.cat = AxDataSource(strRef=StrRef(f=ref.f, strCache=_strings(workbook, ref.f)))
        if series.tx is not None and series.tx.strRef is not None:
            f = series.tx.strRef.f
            series.tx = SeriesLabel(strRef=StrRef(f=f, strCache=_strings(workbook, f)))


def _strings(workbook: Workbook, reference: str) -> StrData:
    values = _cells(workbook, reference)
    return StrData(
        ptCount=len(values),
        pt=[StrVal(idx=i, v=str(v)) for i, v in enumerate(values) if v is not None],
    )


def _cells(workbook: Workbook, reference: str) -> list[object]:
    """The values of a one-row or one-column reference such as ``'总览'!$C$30:$C$45``."""
    sheet, (min_col, min_row, max_col, max_row) = range_to_tuple(reference)
    ws = workbook[sheet]
    return [
        ws.cell(row, col).value
        for row in range(min_row, max_row + 1)
        for col in range(min_col, max_col + 1)
    ]
