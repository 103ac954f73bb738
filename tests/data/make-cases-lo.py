#!/usr/bin/env python3
# make-cases-lo.py — the source of the LibreOffice fixtures
#
# SPDX-FileCopyrightText: 2026 The Jiandu developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a flat ODS with a title row, Chinese headers, dates in a 年月日 and
# a date-time format, an amount, an 18-digit id as text, a date that does
# not exist (2023年2月30日) and a notes sheet; LibreOffice turns it into the
# committed workbooks (the .xls via the .xlsx: libfreexl 1.0.6 cannot open
# the .xls LibreOffice writes straight from a .fods):
#   python3 make-cases-lo.py 1900 cases-lo.fods; python3 make-cases-lo.py 1904 cases-lo-1904.fods
#   soffice --headless --convert-to xlsx cases-lo.fods cases-lo-1904.fods
#   soffice --headless --convert-to 'xls:MS Excel 97' cases-lo.xlsx cases-lo-1904.xlsx
import sys
null1904 = sys.argv[1] == '1904'
rows = [
 # case_no, agency, domain, kind, opened (date), decided (date), fine (float), leniency, major(text), party id (text 18 digits)
 ("市监罚〔2024〕101号","市市场监督管理局","市场监管","行政处罚","2024-06-20","2024-07-01",1234.5,"无","否","110101199001011234"),
 ("市监罚〔2024〕102号","SJ-SCJG","市场监管","行政处罚","2024-06-28","2024-07-15",200,"首违不罚","是","110101199001015678"),
 ("环罚〔2024〕7号","市生态环境局","生态环境","行政检查","2024-07-02","2024-07-31",0,"无","否","91110000MA01ABCD2X"),
]
def cell_text(t): return f'<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>'
def cell_date(d): return f'<table:table-cell table:style-name="cedate" office:value-type="date" office:date-value="{d}"><text:p>{d}</text:p></table:table-cell>'
def cell_dt(d): return f'<table:table-cell table:style-name="cedt" office:value-type="date" office:date-value="{d}"><text:p>{d}</text:p></table:table-cell>'
def cell_num(v): return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
out = ['''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N1"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
<number:date-style style:name="N2"><number:year number:style="long"/><number:text>/</number:text><number:month/><number:text>/</number:text><number:day/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
<style:style style:name="cedate" style:family="table-cell" style:data-style-name="N1"/>
<style:style style:name="cedt" style:family="table-cell" style:data-style-name="N2"/>
</office:automatic-styles>
<office:body><office:spreadsheet>''']
if null1904:
    out.append('<table:calculation-settings><table:null-date table:date-value="1904-01-01"/></table:calculation-settings>')
out.append('<table:table table:name="案件">')
out.append('<table:table-row>' + cell_text("2024年7月行政执法案件明细") + '</table:table-row>')
hdr = ["案件编号","执法单位","执法领域","执法类别","立案时间","决定日期","罚没金额（元）","免罚类型","是否重大执法决定","当事人"]
out.append('<table:table-row>' + ''.join(cell_text(h) for h in hdr) + '</table:table-row>')
for i,r in enumerate(rows):
    cells = [cell_text(r[0]), cell_text(r[1]), cell_text(r[2]), cell_text(r[3]),
             cell_dt(r[4]+"T09:30:00") if i == 0 else cell_date(r[4]), cell_date(r[5]), cell_num(r[6]), cell_text(r[7]), cell_text(r[8]), cell_text(r[9])]
    out.append('<table:table-row>' + ''.join(cells) + '</table:table-row>')
# a bad row: text date that does not exist
out.append('<table:table-row>' + ''.join([cell_text("市监罚〔2024〕103号"), cell_text("SJ-SCJG"), cell_text("市场监管"), cell_text("行政处罚"), cell_text("2023年2月30日"), cell_date("2024-07-20"), cell_num(10), cell_text("无"), cell_text("否"), cell_text("")]) + '</table:table-row>')
out.append('</table:table>')
out.append('<table:table table:name="说明"><table:table-row>' + cell_text("本表由执法办案系统导出") + '</table:table-row></table:table>')
out.append('</office:spreadsheet></office:body></office:document>')
open(sys.argv[2],'w').write('\n'.join(out))
