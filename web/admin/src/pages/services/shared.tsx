/** What the 政务服务 console pages share: option lists from the labels table, error display, org list. */
import { useEffect, useState } from 'react';
import { Tag } from 'antd';
import { LABELS } from '../../../../../src/domain/labels.js';
import { ApiError, get } from '../../api';
import type { Org } from '../../types';

export const options = (table: Record<string, string>) => Object.entries(table).map(([value, label]) => ({ value, label }));

export function errorText(e: unknown, fallback = '操作失败'): string {
  if (!(e instanceof ApiError)) return fallback;
  return e.details.length ? `${e.message}${e.details.map((d) => (d.row ? `第${d.row}行：${d.message}` : d.message)).join('；')}` : e.message;
}

export function useOrgs(): Org[] {
  const [orgs, setOrgs] = useState<Org[]>([]);
  useEffect(() => {
    void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items.filter((o) => o.type !== 'office')));
  }, []);
  return orgs;
}

export function DueTag({ state, left, dueOn }: { state?: string; left?: number; dueOn: string | null }) {
  if (!dueOn) return <>—</>;
  if (!state) return <>{dueOn}</>;
  const color = state === 'overdue' ? 'red' : state === 'approaching' ? 'orange' : 'default';
  const text = state === 'overdue' ? `已超期（${dueOn}）` : `${dueOn}（剩${left}个工作日）`;
  return <Tag color={color}>{text}</Tag>;
}

export const LIMIT_HELP = '工作日（行政许可法第八十二条）；承诺时限不得超过法定时限，0 为即办件';
export { LABELS };
