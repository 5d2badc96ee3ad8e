/**
 * The report's tables as an XLSX workbook: one sheet per table, laid out on the same grid as
 * the page, with every spanning heading a merged range so a program reading columns by their
 * headings finds each figure under its own.
 */
import ExcelJS from 'exceljs';
import { layoutTable, reportTables, reportTitle } from './report-tables.js';
import type { AnnualReport } from './reports.service.js';

/** Sheet width in characters (a column of width 1 holds about one Latin character; a Chinese one takes two). */
const SHEET_WIDTH = { proactive: 80, requests: 130, reviewLitigation: 150 } as const;

export async function reportWorkbook(report: AnnualReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.orgName;
  workbook.title = reportTitle(report);
  for (const table of reportTables(report)) {
    const sheet = workbook.addWorksheet(table.caption.slice(0, 31));
    const titleRow = sheet.addRow([`${reportTitle(report)} ${table.caption}`]);
    titleRow.font = { bold: true };
    sheet.mergeCells(1, 1, 1, table.columns);
    const offset = 1; // grid row r is sheet row r + 1 + offset (1-based)
    const grid = layoutTable(table);
    grid.forEach((row, r) => {
      const sheetRow = sheet.getRow(r + 1 + offset);
      for (const { cell, continuation } of row.slots) {
        if (continuation) continue;
        const target = sheetRow.getCell(cell.col + 1);
        target.value = cell.kind === 'data' ? Number(cell.text) : cell.text;
        target.alignment = { wrapText: true, vertical: 'middle', horizontal: cell.kind === 'rowHeader' || cell.kind === 'rowGroupHeader' ? 'left' : 'center' };
        if (cell.kind !== 'data') target.font = { bold: cell.kind !== 'rowHeader' };
        if (cell.rowspan > 1 || cell.colspan > 1) {
          sheet.mergeCells(r + 1 + offset, cell.col + 1, r + offset + cell.rowspan, cell.col + cell.colspan);
        }
      }
    });
    // Every position of the grid gets a thin border, merged ranges included.
    for (let r = 0; r < grid.length; r += 1) {
      for (let c = 0; c < table.columns; c += 1) {
        const thin = { style: 'thin' as const };
        sheet.getRow(r + 1 + offset).getCell(c + 1).border = { top: thin, left: thin, bottom: thin, right: thin };
      }
    }
    table.widths.forEach((w, i) => (sheet.getColumn(i + 1).width = Math.max(8, Math.round(w * SHEET_WIDTH[table.key]))));
    sheet.views = [{ state: 'frozen', ySplit: offset + grid.filter((g) => g.header && g.block === 0).length }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
