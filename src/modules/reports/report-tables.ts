/**
 * The report's three tables as the national format lays them out (国办公开办函〔2021〕30号):
 * one model used by the HTML page and the XLSX/DOCX/PDF outputs, so they cannot drift apart.
 *
 * Every table is a grid of `columns` columns. A cell may span rows and columns; `layoutTable`
 * places each cell on the grid and says, for every row, which positions are taken by a cell
 * spanning down from a row above. Outputs that have no row spans of their own (DOCX writes a
 * "continue" cell, XLSX merges a range) need exactly that to keep headers over their columns.
 */
import { REPORT_SPEC } from '../../domain/annual-report.js';
import type { AnnualReport } from './reports.service.js';

/**
 * columnHeader: heads the column(s) below it; groupHeader: heads a group of columns;
 * rowHeader: the label of its row; rowGroupHeader: a row of its own heading the rows after it;
 * data: a figure.
 */
export type CellKind = 'columnHeader' | 'groupHeader' | 'rowHeader' | 'rowGroupHeader' | 'data';

export interface TableCell {
  text: string;
  kind: CellKind;
  colspan?: number;
  rowspan?: number;
}

export interface TableRow {
  cells: TableCell[];
}

export interface TableBlock {
  /** The block's column headings (table 二 has four blocks, each with its own). */
  header: TableRow[];
  body: TableRow[];
}

export interface ReportTable {
  key: 'proactive' | 'requests' | 'reviewLitigation';
  caption: string;
  /** Grid width: every row covers exactly this many columns, counting cells that span into it. */
  columns: number;
  /** Relative width of each grid column (they add up to 1), shared by DOCX, XLSX and PDF. */
  widths: number[];
  blocks: TableBlock[];
}

export interface PlacedCell extends TableCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface GridRow {
  /** Part of a block's header (column headings). */
  header: boolean;
  block: number;
  /**
   * The row's positions from left to right: a cell starting in this row, or the continuation
   * of a cell that starts in a row above and spans down into this one.
   */
  slots: { cell: PlacedCell; continuation: boolean }[];
}

function pick(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, p) => (node as Record<string, unknown> | undefined)?.[p], obj);
}

const figure = (value: unknown, colspan?: number): TableCell => ({ text: String(Number(value ?? 0)), kind: 'data', ...(colspan ? { colspan } : {}) });

/** Places every cell on the grid; throws when a row does not fill the grid exactly (a defect in the model). */
export function layoutTable(table: ReportTable): GridRow[] {
  const rows = table.blocks.flatMap((block, b) => [
    ...block.header.map((r) => ({ row: r, header: true, block: b })),
    ...block.body.map((r) => ({ row: r, header: false, block: b })),
  ]);
  // occupant[row][col]: the cell covering that position.
  const occupant: (PlacedCell | undefined)[][] = rows.map(() => Array(table.columns).fill(undefined));
  rows.forEach(({ row }, r) => {
    let col = 0;
    for (const c of row.cells) {
      while (col < table.columns && occupant[r][col]) col += 1;
      const placed: PlacedCell = { ...c, row: r, col, rowspan: c.rowspan ?? 1, colspan: c.colspan ?? 1 };
      if (col + placed.colspan > table.columns || r + placed.rowspan > rows.length) throw new Error(`${table.key}: cell “${c.text}” runs off the grid`);
      for (let i = r; i < r + placed.rowspan; i += 1) {
        for (let k = col; k < col + placed.colspan; k += 1) {
          if (occupant[i][k]) throw new Error(`${table.key}: cell “${c.text}” overlaps “${occupant[i][k]!.text}”`);
          occupant[i][k] = placed;
        }
      }
      col += placed.colspan;
    }
  });
  return rows.map(({ header, block }, r) => {
    if (occupant[r].some((c) => !c)) throw new Error(`${table.key}: row ${r + 1} does not fill ${table.columns} columns`);
    const slots: GridRow['slots'] = [];
    for (let col = 0; col < table.columns; col += 1) {
      const cell = occupant[r][col]!;
      if (cell.col === col) slots.push({ cell, continuation: cell.row !== r });
    }
    return { header, block, slots };
  });
}

export function reportTables(report: AnnualReport): ReportTable[] {
  // 二: four blocks on a 4-column grid; a block with one figure column spans it over the three.
  const proactive: ReportTable = {
    key: 'proactive',
    caption: REPORT_SPEC.sections[1].title,
    columns: 4,
    widths: [0.4, 0.2, 0.2, 0.2],
    blocks: REPORT_SPEC.proactive.blocks.map((block) => {
      const span = block.columns.length === 1 ? 3 : undefined;
      return {
        header: [
          { cells: [{ text: block.article, kind: 'groupHeader', colspan: 4 }] },
          { cells: [{ text: '信息内容', kind: 'columnHeader' }, ...block.columns.map((c): TableCell => ({ text: c.label, kind: 'columnHeader', ...(span ? { colspan: span } : {}) }))] },
        ],
        body: block.rows.map((row) => ({
          cells: [{ text: row.label, kind: 'rowHeader' }, ...block.columns.map((c) => figure(pick(report.proactive, `${row.key}.${c.key}`), span))],
        })),
      };
    }),
  };

  // 三: the label column and seven applicant columns; the corner note spans the three header rows.
  const columns = REPORT_SPEC.requests.columns;
  const orgColumns = columns.filter((c) => c.group);
  const requests: ReportTable = {
    key: 'requests',
    caption: REPORT_SPEC.sections[2].title,
    columns: 1 + columns.length,
    widths: [0.36, ...columns.map(() => 0.64 / columns.length)],
    blocks: [{
      header: [
        { cells: [{ text: REPORT_SPEC.requests.cornerNote, kind: 'columnHeader', rowspan: 3 }, { text: REPORT_SPEC.requests.columnHeader, kind: 'groupHeader', colspan: columns.length }] },
        { cells: [{ text: columns[0].label, kind: 'columnHeader', rowspan: 2 }, { text: orgColumns[0].group!, kind: 'groupHeader', colspan: orgColumns.length }, { text: columns[columns.length - 1].label, kind: 'columnHeader', rowspan: 2 }] },
        { cells: orgColumns.map((c): TableCell => ({ text: c.label, kind: 'columnHeader' })) },
      ],
      body: REPORT_SPEC.requests.rows.map((row): TableRow =>
        'heading' in row && row.heading
          ? { cells: [{ text: row.heading, kind: 'rowGroupHeader', colspan: 1 + columns.length }] }
          : { cells: [{ text: (row as { label: string }).label, kind: 'rowHeader' }, ...columns.map((c) => figure(pick(report.requests, `${(row as { key: string }).key}.${c.key}`)))] },
      ),
    }],
  };

  // 四: 行政复议 and the two kinds of 行政诉讼, five result columns each.
  const groups = REPORT_SPEC.reviewLitigation.groups;
  const reviewColumns = REPORT_SPEC.reviewLitigation.columns;
  const count = groups.length * reviewColumns.length;
  const reviewLitigation: ReportTable = {
    key: 'reviewLitigation',
    caption: REPORT_SPEC.sections[3].title,
    columns: count,
    widths: Array(count).fill(1 / count),
    blocks: [{
      header: [
        { cells: [{ text: groups[0].label, kind: 'groupHeader', colspan: reviewColumns.length, rowspan: 2 }, { text: '行政诉讼', kind: 'groupHeader', colspan: reviewColumns.length * (groups.length - 1) }] },
        { cells: groups.slice(1).map((g): TableCell => ({ text: g.label.replace('行政诉讼：', ''), kind: 'groupHeader', colspan: reviewColumns.length })) },
        { cells: groups.flatMap(() => reviewColumns.map((c): TableCell => ({ text: c.label, kind: 'columnHeader' }))) },
      ],
      body: [{ cells: groups.flatMap((g) => reviewColumns.map((c) => figure(pick(report.reviewLitigation, `${g.key}.${c.key}`)))) }],
    }],
  };

  return [proactive, requests, reviewLitigation];
}

/** Section 六 when nothing was written: a statement, not a placeholder. */
export const NOTHING_ELSE_TO_REPORT = '本年度没有其他需要报告的事项。';

/**
 * The narrative sections' paragraphs as every output prints them. Section 五 is printed as
 * written and never filled in: publishing refuses it empty (reports.service), so only a draft
 * can lack it, and a draft shows the gap instead of a made-up “无”.
 */
export function sectionParagraphs(report: AnnualReport): { overview: string[]; problems: string[]; other: string[] } {
  const split = (text: string | null | undefined) => (text ?? '').split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const other = split(report.sections.other);
  return { overview: split(report.sections.overview), problems: split(report.sections.problems), other: other.length ? other : [NOTHING_ELSE_TO_REPORT] };
}

export function reportTitle(report: { orgName: string; year: number }): string {
  return `${report.orgName}${report.year}年政府信息公开工作年度报告`;
}
