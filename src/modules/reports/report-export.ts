/** The report's tables as an XLSX workbook (one sheet per table, laid out as on the page). */
import ExcelJS from 'exceljs';
import { reportTables } from './report-tables.js';
import type { AnnualReport } from './reports.service.js';

export async function reportWorkbook(report: AnnualReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.orgName;
  for (const table of reportTables(report)) {
    const sheet = workbook.addWorksheet(table.caption.slice(0, 31));
    sheet.addRow([`${report.orgName}${report.year}年政府信息公开工作年度报告 ${table.caption}`]);
    for (const block of table.blocks) {
      for (const header of block.header) sheet.addRow(header.flatMap((h) => [h.text, ...Array(Math.max(0, (h.colspan ?? 1) - 1)).fill('')]));
      for (const row of block.rows) {
        if (row.heading) sheet.addRow([row.heading]);
        else sheet.addRow([...(row.label !== undefined ? [row.label] : []), ...(row.cells ?? [])]);
      }
    }
    sheet.getColumn(1).width = 40;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
