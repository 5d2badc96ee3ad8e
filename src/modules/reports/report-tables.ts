/**
 * The report's three tables as the national format lays them out (国办公开办函〔2021〕30号):
 * one model used by the HTML page and the XLSX/DOCX outputs, so they cannot drift apart.
 */
import { REPORT_SPEC } from '../../domain/annual-report.js';
import type { AnnualReport } from './reports.service.js';

export interface HeaderCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}

export interface BodyRow {
  /** A heading row spanning the table (e.g. 三、本年度办理结果). */
  heading?: string;
  label?: string;
  cells?: (number | string)[];
}

export interface ReportTable {
  key: 'proactive' | 'requests' | 'reviewLitigation';
  caption: string;
  /** Blocks: each with header rows and body rows (table 二 has four blocks). */
  blocks: { header: HeaderCell[][]; rows: BodyRow[] }[];
}

function pick(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, p) => (node as Record<string, unknown> | undefined)?.[p], obj);
}

export function reportTables(report: AnnualReport): ReportTable[] {
  const proactive: ReportTable = {
    key: 'proactive',
    caption: REPORT_SPEC.sections[1].title,
    blocks: REPORT_SPEC.proactive.blocks.map((block) => ({
      header: [
        [{ text: block.article, colspan: block.columns.length + 1 }],
        [{ text: '信息内容' }, ...block.columns.map((c) => ({ text: c.label }))],
      ],
      rows: block.rows.map((row) => ({
        label: row.label,
        cells: block.columns.map((c) => Number(pick(report.proactive, `${row.key}.${c.key}`) ?? 0)),
      })),
    })),
  };

  const columns = REPORT_SPEC.requests.columns;
  const orgColumns = columns.filter((c) => c.group);
  const requests: ReportTable = {
    key: 'requests',
    caption: REPORT_SPEC.sections[2].title,
    blocks: [{
      header: [
        [{ text: REPORT_SPEC.requests.cornerNote, rowspan: 3 }, { text: REPORT_SPEC.requests.columnHeader, colspan: columns.length }],
        [{ text: columns[0].label, rowspan: 2 }, { text: orgColumns[0].group!, colspan: orgColumns.length }, { text: columns[columns.length - 1].label, rowspan: 2 }],
        orgColumns.map((c) => ({ text: c.label })),
      ],
      rows: REPORT_SPEC.requests.rows.map((row) =>
        'heading' in row && row.heading
          ? { heading: row.heading }
          : { label: (row as { label: string }).label, cells: columns.map((c) => Number(pick(report.requests, `${(row as { key: string }).key}.${c.key}`) ?? 0)) },
      ),
    }],
  };

  const groups = REPORT_SPEC.reviewLitigation.groups;
  const reviewColumns = REPORT_SPEC.reviewLitigation.columns;
  const reviewLitigation: ReportTable = {
    key: 'reviewLitigation',
    caption: REPORT_SPEC.sections[3].title,
    blocks: [{
      header: [
        [{ text: groups[0].label, colspan: reviewColumns.length, rowspan: 2 }, { text: '行政诉讼', colspan: reviewColumns.length * 2 }],
        groups.slice(1).map((g) => ({ text: g.label.replace('行政诉讼：', ''), colspan: reviewColumns.length })),
        groups.flatMap(() => reviewColumns.map((c) => ({ text: c.label }))),
      ],
      rows: [{ cells: groups.flatMap((g) => reviewColumns.map((c) => Number(pick(report.reviewLitigation, `${g.key}.${c.key}`) ?? 0))) }],
    }],
  };

  return [proactive, requests, reviewLitigation];
}
