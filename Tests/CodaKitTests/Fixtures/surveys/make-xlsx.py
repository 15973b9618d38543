#!/usr/bin/env python3
"""Writes excel-export.xlsx the way Excel 2016+ lays out a workbook: shared strings for text, one inline
string (as LibreOffice and some exporters write), numbers, a date-formatted column (numFmtId 14) and a
second sheet. Run from this folder; the .xlsx is checked in so tests need no Python."""
import zipfile
from xml.sax.saxutils import escape

rows1 = [
    ["No", "Kode Responden", "Tanggal isi", "Usia", "Pendapatan (juta Rp)", "P1. Apakah Anda mengetahui aplikasi JMO?",
     "P2. Pelayanan kantor cabang memuaskan"],
    [1, "R017", 45474, 34, 4.5, "Ya", "Setuju"],
    [2, "R088", 45474, 27, 3.25, "Tidak", "Sangat setuju"],
    [3, "R154", 45475, 45, 6.75, "Ya", "Netral"],
    [4, "R210", 45476, 31, 3.5, "Tidak", "Setuju"],
    [5, "R211", 45476, 23, 2.1, "Tidak", "Tidak setuju"],
    [6, "R212", 45477, 38, 5, "Ya", "Setuju"],
    [7, "R213", 45478, 52, 8.4, "Tidak", "Sangat tidak setuju"],
    [8, "R214", 45478, 29, 3.9, "Tidak", "Setuju"],
]
rows2 = [["Keterangan", "Jumlah"], ["Responden", 8]]

strings = []
def sst(s):
    if s not in strings: strings.append(s)
    return strings.index(s)

def col(i):
    return chr(ord("A") + i)

def sheet(rows, inline=None, date_col=None):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
           '<dimension ref="A1:%s%d"/><sheetData>' % (col(len(rows[0]) - 1), len(rows))]
    for r, row in enumerate(rows, start=1):
        out.append('<row r="%d" spans="1:%d">' % (r, len(row)))
        for c, v in enumerate(row):
            ref = "%s%d" % (col(c), r)
            if isinstance(v, str):
                if inline == (r, c):
                    out.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v)))
                else:
                    out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sst(v)))
            elif date_col == c and r > 1:
                out.append('<c r="%s" s="1"><v>%d</v></c>' % (ref, v))
            else:
                out.append('<c r="%s"><v>%s</v></c>' % (ref, v))
        out.append('</row>')
    out.append('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
    return "".join(out)

s1 = sheet(rows1, inline=(4, 5), date_col=2)
s2 = sheet(rows2)
shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="http://schemas.openxmlformats.org/'
          'spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
          + "".join('<si><t>%s</t></si>' % escape(s) for s in strings) + '</sst>')
files = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"/></bookViews><sheets><sheet name="Jawaban" sheetId="1" r:id="rId1"/><sheet name="Ringkasan" sheetId="2" r:id="rId2"/></sheets><calcPr calcId="191029"/></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    "xl/worksheets/sheet1.xml": s1,
    "xl/worksheets/sheet2.xml": s2,
    "xl/sharedStrings.xml": shared,
}
with zipfile.ZipFile("excel-export.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in files.items():
        info = zipfile.ZipInfo(name, date_time=(2024, 7, 15, 10, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text.encode("utf-8"))
