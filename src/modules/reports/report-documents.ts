/**
 * The annual report as DOCX (公文 style, GB/T 9704: 仿宋 三号 body on fixed 28-point lines,
 * 黑体 headings, 方正小标宋 title) and as a tagged PDF with an embedded CJK font, both from the
 * same table model as the web page.
 */
import {
  AlignmentType, Document, HeightRule, LineRuleType, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlignTable, VerticalMergeType, WidthType,
} from 'docx';
import { REPORT_SPEC } from '../../domain/annual-report.js';
import { startCjkPdf } from '../../lib/documents/pdf.js';
import { AppError } from '../../http/errors.js';
import { layoutTable, reportTables, reportTitle, sectionParagraphs, type PlacedCell, type ReportTable } from './report-tables.js';
import type { AnnualReport } from './reports.service.js';

const FANGSONG = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const HEITI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const XIAOBIAOSONG = { ascii: 'SimHei', eastAsia: '方正小标宋简体', hAnsi: 'SimHei' };

/** A4 (11906 twips wide) less the 公文 margins of 28 mm and 26 mm: the width tables fill. */
export const DOCX_PAGE = { width: 11906, margins: { top: 2098, bottom: 1984, left: 1588, right: 1474 } };
export const DOCX_TEXT_WIDTH = DOCX_PAGE.width - DOCX_PAGE.margins.left - DOCX_PAGE.margins.right;
/** Table text: 10 pt (half-points), 9 pt in the fifteen columns of table 四. */
const TABLE_FONT_SIZE: Record<ReportTable['key'], number> = { proactive: 20, requests: 20, reviewLitigation: 18 };
/** Left and right padding inside a table cell (twips). */
const CELL_PADDING = 57;

// ---------------------------------------------------------------- DOCX

/** Grid column widths in twips, filling the text width exactly. */
export function docxColumnWidths(table: ReportTable): number[] {
  const widths = table.widths.map((w) => Math.floor(w * DOCX_TEXT_WIDTH));
  widths[0] += DOCX_TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * Every row writes one <w:tc> per grid position it starts or continues: a cell spanning rows
 * is a vMerge "restart" in its first row and a "continue" cell, with the same gridSpan, in
 * each row below, so each row's gridSpans add up to the grid.
 */
function docxTable(table: ReportTable): Table {
  const widths = docxColumnWidths(table);
  const size = TABLE_FONT_SIZE[table.key];
  const spanWidth = (c: PlacedCell) => widths.slice(c.col, c.col + c.colspan).reduce((a, b) => a + b, 0);
  const cell = (c: PlacedCell, continuation: boolean) => {
    const heading = c.kind !== 'data' && c.kind !== 'rowHeader';
    const left = c.kind === 'rowHeader' || c.kind === 'rowGroupHeader';
    return new TableCell({
      columnSpan: c.colspan,
      width: { size: spanWidth(c), type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      ...(c.rowspan > 1 ? { verticalMerge: continuation ? VerticalMergeType.CONTINUE : VerticalMergeType.RESTART } : {}),
      children: [new Paragraph({
        alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: continuation ? [] : [new TextRun({ text: c.text, font: heading ? HEITI : FANGSONG, size })],
      })],
    });
  };
  const grid = layoutTable(table);
  const repeated = grid.filter((r) => r.header && r.block === 0).length;
  return new Table({
    width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: 20, bottom: 20 },
    rows: grid.map((row, i) => new TableRow({
      // The column headings repeat on a new page; a row is never split across two.
      tableHeader: i < repeated,
      cantSplit: true,
      height: { value: 300, rule: HeightRule.ATLEAST },
      children: row.slots.map((s) => cell(s.cell, s.continuation)),
    })),
  });
}

export async function reportDocx(report: AnnualReport): Promise<Buffer> {
  const tables = reportTables(report);
  const text = sectionParagraphs(report);
  const line = { line: 560, lineRule: LineRuleType.EXACT };
  const body = (t: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: line, children: [new TextRun({ text: t, font: FANGSONG, size: 32 })] });
  const heading = (t: string) => new Paragraph({ spacing: { ...line, before: 120 }, keepNext: true, children: [new TextRun({ text: t, font: HEITI, size: 32 })] });
  const s = REPORT_SPEC.sections;
  const doc = new Document({
    title: reportTitle(report),
    creator: report.orgName,
    sections: [{
      properties: { page: { margin: DOCX_PAGE.margins } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300, line: 700, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: reportTitle(report), font: XIAOBIAOSONG, size: 44 })] }),
        heading(s[0].title), ...text.overview.map(body),
        heading(s[1].title), docxTable(tables[0]),
        heading(s[2].title), docxTable(tables[1]),
        heading(s[3].title), docxTable(tables[2]),
        heading(s[4].title), ...text.problems.map(body),
        heading(s[5].title), ...text.other.map(body),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------- PDF

const PDF_MARGIN = { top: 60, bottom: 60, left: 50, right: 50 };
const PDF_TABLE_FONT: Record<ReportTable['key'], number> = { proactive: 9, requests: 8, reviewLitigation: 7 };

/** A tagged PDF: H1 title, H2 section headings, P paragraphs, tables with header cells (pdf.ts). */
export async function reportPdf(report: AnnualReport): Promise<Buffer> {
  const pdf = startCjkPdf({ title: reportTitle(report), author: report.orgName, margins: PDF_MARGIN });
  if (!pdf) throw new AppError('SERVICE_UNAVAILABLE', undefined, '服务器未安装中文字体（如 fonts-noto-cjk），暂不能生成 PDF。');
  const { doc, done, tag } = pdf;
  const width = doc.page.width - PDF_MARGIN.left - PDF_MARGIN.right;
  const s = REPORT_SPEC.sections;
  const text = sectionParagraphs(report);
  const paragraph = (t: string) => {
    tag('P', { draw: () => doc.font('body').fontSize(11).text(t, PDF_MARGIN.left, doc.y, { width, indent: 22, lineGap: 4 }) });
    doc.moveDown(0.3);
  };
  const heading = (t: string) => {
    doc.moveDown(0.5);
    // A heading is not left alone at the foot of a page.
    if (doc.y + 60 > doc.page.height - PDF_MARGIN.bottom) doc.addPage();
    tag('H2', { draw: () => doc.font('heading').fontSize(13).text(t, PDF_MARGIN.left, doc.y, { width }) });
    doc.moveDown(0.3);
  };

  tag('H1', { draw: () => doc.font('heading').fontSize(18).text(reportTitle(report), PDF_MARGIN.left, doc.y, { width, align: 'center' }) });
  doc.moveDown();
  if (report.rollup) paragraph(`本报告汇总${report.orgName}本级及所属部门、乡镇（街道）的政府信息公开工作情况。`);
  if (report.version && report.version > 1) paragraph(`本报告为更正后的第${report.version}版。更正说明：${report.note ?? ''}`);
  heading(s[0].title);
  text.overview.forEach(paragraph);
  const tables = reportTables(report);
  [1, 2, 3].forEach((n, i) => {
    heading(s[n].title);
    drawTable(pdf, tables[i], width);
  });
  heading(s[4].title);
  text.problems.forEach(paragraph);
  heading(s[5].title);
  text.other.forEach(paragraph);
  doc.end();
  return done;
}

const PDF_SCOPE: Partial<Record<PlacedCell['kind'], string>> = { columnHeader: 'Column', groupHeader: 'Column', rowHeader: 'Row', rowGroupHeader: 'Row' };

/**
 * Draws a table on the grid of the model. Rows tied together by a cell spanning them stay on
 * one page; when the body runs onto a new page the column headings are drawn again there,
 * as an artifact (they are in the structure tree once).
 */
function drawTable(pdf: NonNullable<ReturnType<typeof startCjkPdf>>, table: ReportTable, width: number) {
  const { doc, tag, artifact } = pdf;
  const x0 = PDF_MARGIN.left;
  const colX = [0];
  for (const w of table.widths) colX.push(colX[colX.length - 1] + w * width);
  const fontSize = PDF_TABLE_FONT[table.key];
  const grid = layoutTable(table);
  const fontOf = (c: PlacedCell) => (c.kind === 'data' || c.kind === 'rowHeader' ? 'body' : 'heading');
  const cellWidth = (c: PlacedCell) => colX[c.col + c.colspan] - colX[c.col];
  const textHeight = (c: PlacedCell) => doc.font(fontOf(c)).fontSize(fontSize).heightOfString(c.text, { width: cellWidth(c) - 4 }) + 6;

  // Row heights: single-row cells set them; a cell spanning rows stretches the last of them if needed.
  const heights = grid.map((row) => Math.max(14, ...row.slots.filter((sl) => !sl.continuation && sl.cell.rowspan === 1).map((sl) => textHeight(sl.cell))));
  grid.forEach((row) => row.slots.filter((sl) => !sl.continuation && sl.cell.rowspan > 1).forEach(({ cell }) => {
    const spanned = heights.slice(cell.row, cell.row + cell.rowspan).reduce((a, b) => a + b, 0);
    if (spanned < textHeight(cell)) heights[cell.row + cell.rowspan - 1] += textHeight(cell) - spanned;
  }));
  // Bands: runs of rows that a spanning cell ties together.
  const bands: number[][] = [];
  let reach = -1;
  grid.forEach((row, r) => {
    if (r > reach) bands.push([]);
    bands[bands.length - 1].push(r);
    for (const sl of row.slots) reach = Math.max(reach, sl.cell.row + sl.cell.rowspan - 1);
  });

  const headRows = grid.map((_, r) => r).filter((r) => grid[r].header && grid[r].block === 0);
  const tableTag = tag('Table');
  const thead = tag('THead', { parent: tableTag });
  const tbodies = table.blocks.map(() => tag('TBody', { parent: tableTag }));
  const rowTags = new Map<number, PDFKit.PDFStructureElement>();
  const rowTag = (r: number) => {
    if (!rowTags.has(r)) rowTags.set(r, tag('TR', { parent: headRows.includes(r) ? thead : tbodies[grid[r].block] }));
    return rowTags.get(r)!;
  };

  const drawRows = (rows: number[], repeat: boolean) => {
    const top = doc.y;
    const yOf = (r: number) => top + heights.slice(rows[0], r).reduce((a, b) => a + b, 0);
    for (const r of rows) {
      for (const { cell, continuation } of grid[r].slots) {
        if (continuation) continue;
        const x = x0 + colX[cell.col];
        const y = yOf(r);
        const w = cellWidth(cell);
        const h = heights.slice(r, r + cell.rowspan).reduce((a, b) => a + b, 0);
        const left = cell.kind === 'rowHeader' || cell.kind === 'rowGroupHeader';
        const write = () => doc.font(fontOf(cell)).fontSize(fontSize).text(cell.text, x + 2, y + Math.max(3, (h - textHeight(cell)) / 2 + 3), { width: w - 4, align: left ? 'left' : 'center' });
        artifact(() => doc.lineWidth(0.5).rect(x, y, w, h).stroke());
        if (repeat) artifact(write);
        else {
          const scope = PDF_SCOPE[cell.kind];
          tag(cell.kind === 'data' ? 'TD' : 'TH', {
            parent: rowTag(r), draw: write,
            ...(scope || cell.rowspan > 1 || cell.colspan > 1 ? { attributes: { ...(scope ? { Scope: scope } : {}), ...(cell.rowspan > 1 ? { RowSpan: cell.rowspan } : {}), ...(cell.colspan > 1 ? { ColSpan: cell.colspan } : {}) } } : {}),
          });
        }
      }
    }
    doc.x = x0;
    doc.y = top + rows.reduce((sum, r) => sum + heights[r], 0);
  };

  const bottom = () => doc.page.height - PDF_MARGIN.bottom;
  const headHeight = headRows.reduce((sum, r) => sum + heights[r], 0);
  for (const band of bands) {
    const h = band.reduce((sum, r) => sum + heights[r], 0);
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!headRows.includes(band[0]) && headRows.length && headHeight + h <= bottom() - doc.y) drawRows(headRows, true);
    }
    drawRows(band, false);
  }
  doc.moveDown(0.5);
}
