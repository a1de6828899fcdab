#!/usr/bin/env python3
"""Writes the .xlsx fixtures of the workbook import tests with openpyxl (a program other than the app's
exceljs), as people keep their lists in Excel: title rows above a two-row header with merged cells, codes
typed as numbers (the leading zero gone), dates as date cells, as bare serial numbers and as 和暦 text,
formulas with the value Excel cached for them, a second sheet and an empty one. Run from anywhere:

    /usr/bin/python3 db/import/__fixtures__/xlsx/make_fixtures.py

openpyxl saves a formula without a cached value (it does not calculate); Excel would store the value it
last showed, so the script writes that value into the saved file, as Excel would have.
"""
import datetime
import os
import re
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
ERA_FORMAT = '[$-ja-JP-x-gannen]ggge"年"m"月"d"日";@'


def facilities_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "医療機関一覧"
    ws["A1"] = "令和6年度 オンライン請求移行状況 医療機関一覧"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:F1")
    ws["A2"] = "作成: 北海道厚生局 指導監査課"
    # Row 3 left blank; a two-row header from row 4.
    ws["A4"] = "医療機関コード"
    ws.merge_cells("A4:A5")
    ws["B4"] = "医療機関名称"
    ws.merge_cells("B4:B5")
    ws["C4"] = "連絡先"
    ws.merge_cells("C4:D4")
    ws["C5"] = "電話\n番号"  # a line break inside a header cell (Alt+Enter)
    ws["D5"] = "郵便番号"
    ws["E4"] = "月間レセプト件数"
    ws.merge_cells("E4:E5")
    ws["F4"] = "廃止日"
    ws.merge_cells("F4:F5")
    for cell in ws[4] + ws[5]:
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    rows = [
        # row 6: a code typed as a number (0110112349 lost its zero)
        (110112349, "北星クリニック", "011-222-3333", "060-0001", 1200, None),
        # row 7: the code as text keeps its zero; closed on a date cell
        ("0130220015", "すずらん歯科", "011-555-6666", "060-0002", 300, datetime.date(2024, 3, 31)),
        # row 8: claims from a formula (cached 400); closed as a bare serial number (45535 = 2024-08-31)
        (1311041246, "橋本小児科クリニック", "03-5203-4353", "160-0001", "=100*4", 45535),
        # row 9: closed as 和暦 text
        (2710510013, "なにわ医院", "06-1111-2222", "530-0001", 800, "令和6年3月31日"),
        None,  # row 10: blank
        # row 11: a pharmacy code that lost its zero; its name from a formula; a date shown in 和暦
        (440330033, '="みやぎ"&"薬局"', "022-333-4444", "980-0001", 950, datetime.date(2023, 12, 1)),
        # row 12: a check digit that does not match (rejected at A12)
        (1311041247, "誤記クリニック", "03-0000-0000", "100-0001", 10, None),
        # row 13: no name (rejected at B13)
        (1330100775, None, "03-1111-1111", "100-0002", 20, None),
    ]
    for offset, values in enumerate(rows):
        if values is None:
            continue
        for col, value in enumerate(values, start=1):
            ws.cell(row=6 + offset, column=col, value=value)
    ws["F7"].number_format = "yyyy/m/d"
    ws["F11"].number_format = ERA_FORMAT
    ws.column_dimensions["B"].width = 24

    notes = wb.create_sheet("メモ")
    notes["A1"] = "このシートは取り込みません"
    wb.create_sheet("空")
    wb.save(path)
    cache_formula_values(path, {"E8": "400", "B11": ("str", "みやぎ薬局")})
    # As Japanese Excel stores names typed through the IME: a shared string with its reading (furigana), and
    # one in two formatted runs.
    share_strings(path, {
        "B9": '<t>なにわ医院</t><rPh sb="0" eb="3"><t>ナニワ</t></rPh><rPh sb="3" eb="5"><t>イイン</t></rPh><phoneticPr fontId="1"/>',
        "B8": '<r><t>橋本</t></r><r><rPr><b/></rPr><t>小児科クリニック</t></r>',
    })


def events_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "進捗"
    ws["A1"] = "支払基金 報告分（令和6年）"
    ws.append([])
    ws.append(["医療機関コード", "状態", "日付", "備考"])
    ws.append([110112349, "利用申請", datetime.date(2024, 4, 4), "date cell"])
    ws.append([110112349, "証明書発行", "R6.5.16", "和暦 text"])
    ws.append([1311041246, "applied", 45444, "serial number, general format"])
    ws.append([1311041246, "証明書発行", "=DATE(2024,6,20)", "formula with a date format"])
    ws.append([2710510013, "オンライン", 20240701, "a date typed as digits"])
    ws["C4"].number_format = "mm-dd-yy"  # Excel's built-in short date (format 14)
    ws["C7"].number_format = "yyyy/mm/dd"
    wb.save(path)
    cache_formula_values(path, {"C7": "45463"})


def cache_formula_values(path, values):
    """Writes into the saved sheet1.xml the value Excel would have cached for each formula cell."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    for ref, value in values.items():
        kind, text = value if isinstance(value, tuple) else (None, value)
        pattern = re.compile(r'<c r="%s"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>' % ref)
        match = pattern.search(xml)
        if not match:
            raise SystemExit("no formula cell %s in %s" % (ref, path))
        attrs = re.sub(r'\s+t="[^"]*"', "", match.group(1)) + (' t="%s"' % kind if kind else "")
        xml = xml[: match.start()] + '<c r="%s"%s><f>%s</f><v>%s</v></c>' % (ref, attrs, match.group(2), text) + xml[match.end():]
    parts["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def share_strings(path, cells):
    """Moves the given cells of sheet1 into a shared-string table (xl/sharedStrings.xml), each with the
    string's XML as Excel writes it; openpyxl writes inline strings only."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    items = []
    for index, (ref, si) in enumerate(cells.items()):
        pattern = re.compile(r'<c r="%s"([^>]*)>.*?</c>' % ref)
        match = pattern.search(xml)
        if not match:
            raise SystemExit("no cell %s in %s" % (ref, path))
        attrs = re.sub(r'\s+t="[^"]*"', "", match.group(1))
        xml = xml[: match.start()] + '<c r="%s"%s t="s"><v>%d</v></c>' % (ref, attrs, index) + xml[match.end():]
        items.append("<si>%s</si>" % si)
    parts["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
        % (len(items), len(items), "".join(items))
    ).encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ).encode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml" Id="rIdStrings"/></Relationships>',
    ).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def protected_book(path):
    """What a password-protected workbook is on disk: not a zip but an OLE compound file (EncryptionInfo and
    EncryptedPackage streams; the same container as an old .xls). Only its header is written here: that is
    all a reader sees before it must refuse the file (openpyxl cannot encrypt)."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + bytes.fromhex("3e000300feff0900") + bytes(512 - 32)
    with open(path, "wb") as f:
        f.write(header + bytes(1024))


def corrupt_book(source, path):
    """A workbook cut off halfway through (an interrupted download or copy)."""
    with open(source, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[: len(data) // 2])


if __name__ == "__main__":
    facilities = os.path.join(HERE, "facilities_book.xlsx")
    facilities_book(facilities)
    events_book(os.path.join(HERE, "events_book.xlsx"))
    protected_book(os.path.join(HERE, "protected.xlsx"))
    corrupt_book(facilities, os.path.join(HERE, "corrupt.xlsx"))
    empty = openpyxl.Workbook()
    empty.active.title = "Sheet1"
    empty.save(os.path.join(HERE, "empty.xlsx"))
