#!/usr/bin/env python3
"""Reads an .xlsx with openpyxl (another program than the app's exceljs) and prints, as JSON, what a
person opening it in Excel would meet: each sheet's cells (value, type, number format) for the first
`limit` rows, its frozen pane, autofilter, column widths, row count, the ignored-errors element and the
book's properties. Used by the round-trip tests: python3 read_xlsx.py book.xlsx [limit]"""
import datetime
import json
import re
import sys
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter


def cell_json(cell):
    value = cell.value
    if isinstance(value, datetime.datetime):
        value = value.isoformat()
    return {"v": value, "t": cell.data_type, "f": cell.number_format}


def widths(sheet):
    """Each column's width (a <col> element may cover several columns alike)."""
    out = {}
    for dim in sheet.column_dimensions.values():
        if dim.width:
            for index in range((dim.min or 1), (dim.max or dim.min or 1) + 1):
                out[get_column_letter(index)] = round(dim.width, 1)
    return out


def main(path, limit):
    book = openpyxl.load_workbook(path, read_only=False)
    with zipfile.ZipFile(path) as z:
        xml = {name: z.read(name).decode("utf-8") for name in z.namelist() if name.startswith("xl/worksheets/sheet")}
    out = {"title": book.properties.title, "description": book.properties.description, "sheets": []}
    for index, sheet in enumerate(book.worksheets, start=1):
        part = xml.get("xl/worksheets/sheet%d.xml" % index, "")
        ignored = re.search(r'<ignoredError sqref="([^"]+)" numberStoredAsText="1"', part)
        out["sheets"].append({
            "name": sheet.title,
            "maxRow": sheet.max_row,
            "freeze": sheet.freeze_panes,
            "autoFilter": sheet.auto_filter.ref,
            "widths": widths(sheet),
            "ignoredNumberAsText": ignored.group(1) if ignored else None,
            "formulas": sum(1 for row in sheet.iter_rows() for c in row if c.data_type == "f"),
            "rows": [[cell_json(c) for c in row] for row in sheet.iter_rows(max_row=min(limit, sheet.max_row))],
        })
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20)
