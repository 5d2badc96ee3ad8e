/**
 * The annual report as DOCX (公文 style: 仿宋 body, 黑体/方正小标宋 titles) and as PDF
 * with an embedded CJK font, both from the same table model as the web page.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { REPORT_SPEC } from '../../domain/annual-report.js';
import { startCjkPdf } from '../../lib/documents/pdf.js';
import { AppError } from '../../http/errors.js';
import { reportTables, ReportTable } from './report-tables.js';
import type { AnnualReport } from './reports.service.js';

const FANGSONG = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const HEITI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const XIAOBIAOSONG = { ascii: 'SimHei', eastAsia: '方正小标宋简体', hAnsi: 'SimHei' };

function title(report: AnnualReport) {
  return `${report.orgName}${report.year}年政府信息公开工作年度报告`;
}

function sectionTexts(report: AnnualReport): Record<string, string> {
  return { overview: report.sections.overview, problems: report.sections.problems || '无。', other: report.sections.other || '无。' };
}

// ---------------------------------------------------------------- DOCX

function docxTable(table: ReportTable): Table {
  const cell = (text: string, span = 1, bold = false) =>
    new TableCell({ columnSpan: span, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: bold ? HEITI : FANGSONG, size: 20 })] })] });
  const rows: TableRow[] = [];
  for (const block of table.blocks) {
    for (const header of block.header) rows.push(new TableRow({ tableHeader: true, children: header.map((h) => cell(h.text, h.colspan ?? 1, true)) }));
    for (const row of block.rows) {
      if (row.heading) rows.push(new TableRow({ children: [cell(row.heading, 8, true)] }));
      else rows.push(new TableRow({ children: [...(row.label !== undefined ? [cell(row.label)] : []), ...(row.cells ?? []).map((c) => cell(String(c)))] }));
    }
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

export async function reportDocx(report: AnnualReport): Promise<Buffer> {
  const tables = reportTables(report);
  const text = sectionTexts(report);
  const body = (t: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text: t, font: FANGSONG, size: 32 })] });
  const heading = (t: string) => new Paragraph({ spacing: { before: 240, line: 560 }, children: [new TextRun({ text: t, font: HEITI, size: 32 })] });
  const s = REPORT_SPEC.sections;
  const doc = new Document({
    title: title(report),
    sections: [{
      properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: title(report), font: XIAOBIAOSONG, size: 44 })] }),
        heading(s[0].title), ...text.overview.split(/\n+/).map(body),
        heading(s[1].title), docxTable(tables[0]),
        heading(s[2].title), docxTable(tables[1]),
        heading(s[3].title), docxTable(tables[2]),
        heading(s[4].title), ...text.problems.split(/\n+/).map(body),
        heading(s[5].title), ...text.other.split(/\n+/).map(body),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------- PDF

export async function reportPdf(report: AnnualReport): Promise<Buffer> {
  const pdf = startCjkPdf({ title: title(report), author: report.orgName, margins: { top: 60, bottom: 60, left: 50, right: 50 } });
  if (!pdf) throw new AppError('SERVICE_UNAVAILABLE', undefined, '服务器未安装中文字体（如 fonts-noto-cjk），暂不能生成 PDF。');
  const { doc, done } = pdf;
  const width = doc.page.width - 100;
  const s = REPORT_SPEC.sections;
  const text = sectionTexts(report);
  const paragraph = (t: string) => doc.font('body').fontSize(11).text(t, { width, indent: 22, lineGap: 4 }).moveDown(0.3);
  const heading = (t: string) => doc.moveDown(0.5).font('heading').fontSize(13).text(t, { width }).moveDown(0.3);

  doc.font('heading').fontSize(18).text(title(report), { width, align: 'center' }).moveDown();
  heading(s[0].title);
  text.overview.split(/\n+/).forEach(paragraph);
  const tables = reportTables(report);
  [1, 2, 3].forEach((n, i) => {
    heading(s[n].title);
    drawTable(doc, tables[i], width);
  });
  heading(s[4].title);
  text.problems.split(/\n+/).forEach(paragraph);
  heading(s[5].title);
  text.other.split(/\n+/).forEach(paragraph);
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, table: ReportTable, width: number) {
  for (const block of table.blocks) {
    const columns = Math.max(...block.rows.map((r) => (r.label !== undefined ? 1 : 0) + (r.cells?.length ?? 0)), ...block.header.map((h) => h.reduce((n, c) => n + (c.colspan ?? 1), 0)));
    const hasLabel = block.rows.some((r) => r.label !== undefined);
    const labelWidth = hasLabel ? Math.min(180, width * 0.36) : 0;
    const cellWidth = (width - labelWidth) / (columns - (hasLabel ? 1 : 0));
    const fontSize = columns > 10 ? 6.5 : 8;
    const drawRow = (cells: { text: string; span: number; label?: boolean; bold?: boolean }[]) => {
      const widths = cells.map((c, i) => (hasLabel && i === 0 && c.label ? labelWidth + cellWidth * (c.span - 1) : cellWidth * c.span));
      doc.fontSize(fontSize);
      const height = Math.max(16, ...cells.map((c, i) => doc.font(c.bold ? 'heading' : 'body').heightOfString(c.text, { width: widths[i] - 4 }) + 6));
      if (doc.y + height > doc.page.height - 60) doc.addPage();
      let x = 50;
      const y = doc.y;
      cells.forEach((c, i) => {
        doc.rect(x, y, widths[i], height).stroke();
        doc.font(c.bold ? 'heading' : 'body').fontSize(fontSize).text(c.text, x + 2, y + 3, { width: widths[i] - 4, align: c.label ? 'left' : 'center' });
        x += widths[i];
      });
      doc.x = 50;
      doc.y = y + height;
    };
    drawHeader(doc, block.header, columns, hasLabel ? labelWidth : cellWidth, cellWidth, fontSize);
    for (const row of block.rows) {
      if (row.heading) drawRow([{ text: row.heading, span: columns, bold: true, label: true }]);
      else drawRow([...(row.label !== undefined ? [{ text: row.label, span: 1, label: true }] : []), ...(row.cells ?? []).map((c) => ({ text: String(c), span: 1 }))]);
    }
    doc.moveDown(0.5);
  }
}

/** Header rows with row and column spans, laid out on a grid as in the national format. */
function drawHeader(doc: PDFKit.PDFDocument, header: ReportTable['blocks'][number]['header'], columns: number, firstWidth: number, cellWidth: number, fontSize: number) {
  const occupied: boolean[][] = header.map(() => Array(columns).fill(false));
  const placed: { text: string; row: number; col: number; rowspan: number; colspan: number }[] = [];
  header.forEach((cells, row) => {
    let col = 0;
    for (const c of cells) {
      while (col < columns && occupied[row][col]) col += 1;
      const rowspan = c.rowspan ?? 1;
      const colspan = Math.min(c.colspan ?? 1, columns - col);
      for (let r = row; r < Math.min(header.length, row + rowspan); r += 1) for (let k = col; k < col + colspan; k += 1) occupied[r][k] = true;
      placed.push({ text: c.text, row, col, rowspan, colspan });
      col += colspan;
    }
  });
  const x0 = 50;
  const colX = (col: number) => x0 + (col === 0 ? 0 : firstWidth + (col - 1) * cellWidth);
  const widthOf = (col: number, span: number) => colX(col + span) - colX(col);
  doc.fontSize(fontSize).font('heading');
  const rowHeight = Math.max(16, ...placed.filter((p) => p.rowspan === 1).map((p) => doc.heightOfString(p.text, { width: widthOf(p.col, p.colspan) - 4 }) + 6));
  const height = rowHeight * header.length;
  if (doc.y + height > doc.page.height - 60) doc.addPage();
  const y0 = doc.y;
  for (const p of placed) {
    const x = colX(p.col);
    const y = y0 + p.row * rowHeight;
    const w = widthOf(p.col, p.colspan);
    const h = rowHeight * p.rowspan;
    doc.rect(x, y, w, h).stroke();
    doc.font('heading').fontSize(fontSize).text(p.text, x + 2, y + 3, { width: w - 4, height: h - 4, align: 'center' });
  }
  doc.x = x0;
  doc.y = y0 + height;
}
