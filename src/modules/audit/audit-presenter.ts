/**
 * The audit trail as people read it: the action, who did it and to what in Chinese words, and
 * a one-line summary of what changed with Chinese field names and labelled values (no codes,
 * no JSON). Used by the API, the console and the exports alike.
 */
import { labelOf, LABELS, type Vocabulary } from '../../domain/labels.js';

export interface AuditNames {
  /** Bodies by id and by code. */
  orgsById: Map<number, string>;
  orgsByCode: Map<string, string>;
  usersById: Map<number, { displayName: string; username: string }>;
  itemTitles: Map<number, string>;
  /** By tracking number, and `consultation:<id>` for entries written before consultations became messages. */
  messageSubjects: Map<string, string>;
}

export interface AuditRow {
  seq: number;
  at: Date | string;
  actorUserId: number | null;
  actorUsername: string | null;
  orgId: number | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
}

/** Actions the public takes without an account of its own in the console. */
const PUBLIC_PREFIXES = ['applicant.', 'request.submit', 'request.attach', 'consultation.submit', 'message.submit', 'message.rate', 'auth.failed', 'auth.locked', 'auth.throttled', 'auth.failuresReset'];

const has = (vocabulary: Vocabulary, key: string) => Object.prototype.hasOwnProperty.call(LABELS[vocabulary], key);

export function actionLabel(action: string): string {
  return labelOf('auditAction', action, '其他操作');
}

export function actorLabel(row: Pick<AuditRow, 'actorUserId' | 'actorUsername' | 'action'>, names: AuditNames): string {
  if (row.actorUserId !== null) {
    const user = names.usersById.get(row.actorUserId);
    if (user) return `${user.displayName}（${user.username}）`;
    return row.actorUsername ?? '已删除的用户';
  }
  return PUBLIC_PREFIXES.some((p) => row.action.startsWith(p)) ? '公众' : '系统';
}

function orgName(value: unknown, names: AuditNames): string | undefined {
  if (typeof value === 'number') return names.orgsById.get(value);
  if (typeof value === 'string') return names.orgsByCode.get(value) ?? (/^\d+$/.test(value) ? names.orgsById.get(Number(value)) : undefined);
  return undefined;
}

export function targetLabel(row: Pick<AuditRow, 'targetType' | 'targetId'>, names: AuditNames): string {
  const type = labelOf('auditTargetType', row.targetType, '记录');
  const id = row.targetId;
  if (id === null) return type;
  switch (row.targetType) {
    case 'user': {
      const user = names.usersById.get(Number(id));
      return user ? `${type}：${user.displayName}（${user.username}）` : `${type}（编号 ${id}）`;
    }
    case 'org':
      return `${type}：${orgName(id, names) ?? `编号 ${id}`}`;
    case 'item': {
      const title = names.itemTitles.get(Number(id));
      return title ? `${type}：${title}` : `${type}（编号 ${id}）`;
    }
    case 'consultation': {
      const subject = names.messageSubjects.get(`consultation:${id}`);
      return subject ? `${type}：${subject}` : `${type}（编号 ${id}）`;
    }
    case 'message': {
      const subject = names.messageSubjects.get(id);
      return subject ? `${type}：${subject}（${id}）` : `${type}：编号 ${id}`;
    }
    case 'request':
      return `${type}：受理编号 ${id}`;
    case 'annualReport': {
      const [code, year] = id.split('/');
      return `${orgName(code, names) ?? '机关'}${year}年度政府信息公开工作年度报告`;
    }
    case 'calendarDay':
      return `${type}：${id}`;
    case 'calendarYear':
      return `${id}年节假日安排`;
    case 'setting': {
      const [key, code] = id.split(':');
      return `${type}：${labelOf('settingKey', key, '其他设置')}${code ? `（${orgName(code, names) ?? '机关'}）` : ''}`;
    }
    default:
      return `${type}（编号 ${id}）`;
  }
}

/** The Chinese name of a summary field: the audit's own vocabulary, then the form fields'. */
function fieldLabel(key: string): string | undefined {
  if (has('auditField', key)) return labelOf('auditField', key);
  if (has('formField', key)) return labelOf('formField', key);
  return undefined;
}

const VALUE_VOCABULARIES: Record<string, Vocabulary | ((targetType: string) => Vocabulary | undefined)> = {
  status: (t) => (t === 'item' ? 'itemStatus' : t === 'request' ? 'requestStatus' : t === 'message' ? 'messageStatus' : undefined),
  step: 'reviewStep', decision: 'reviewDecision', roles: 'role', disclosure: 'disclosure', validity: 'validity', docKind: 'docKind',
  withheldGround: 'withheldGround', findingType: 'findingType', applicantType: 'applicantType', idType: 'idType', form: 'requestForm',
  delivery: 'requestDelivery', outcome: 'outcome', type: (t) => (t === 'org' ? 'orgType' : t === 'request' ? 'applicantType' : t === 'message' ? 'messageType' : undefined),
  channel: (t) => (t === 'request' ? 'requestChannel' : t === 'message' || t === 'consultation' ? 'messageChannel' : undefined),
  rating: 'messageRating',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_TEXT = 60;

interface Context {
  targetType: string;
  names: AuditNames;
}

function valueText(key: string, value: unknown, c: Context, depth: number): string {
  if (value === null || value === undefined || value === '') return '无';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'orgId' || key === 'assignedOrgId' || key === 'orgCode' || key === 'parentCode') return orgName(value, c.names) ?? '（已删除的机构）';
  if (key === 'action' && typeof value === 'string') return actionLabel(`request.${value}`);
  if (key === 'fields' && Array.isArray(value)) return value.map((v) => fieldLabel(String(v)) ?? '其他栏目').join('、');
  if (key === 'size' && typeof value === 'number') return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(value / 1024))} KB`;
  const rule = VALUE_VOCABULARIES[key];
  const vocabulary = typeof rule === 'function' ? rule(c.targetType) : rule;
  if (vocabulary && typeof value === 'string') return labelOf(vocabulary, value);
  if (vocabulary && Array.isArray(value)) return value.map((v) => labelOf(vocabulary, String(v))).join('、') || '无';
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      const text = value.map(String).join('、');
      return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…（共${value.length}项）` : text || '无';
    }
    return `${value.length}项`;
  }
  if (typeof value === 'object') {
    // Deeper structures (report figures, drafts) are summed up, not spelled out.
    if (depth >= 2) return `${Object.keys(value as object).length}项`;
    const inner = describeFields(value as Record<string, unknown>, c, depth + 1);
    return inner ? `（${inner}）` : '无';
  }
  const text = String(value);
  if (ISO_INSTANT.test(text)) return new Date(text).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function describeFields(fields: Record<string, unknown>, c: Context, depth: number): string {
  const parts: string[] = [];
  let unnamed = 0;
  for (const [key, value] of Object.entries(fields)) {
    // The action itself is the row's 操作; an actor id is its 操作人.
    if (key === 'action' && depth > 0) continue;
    // An empty optional field (no comment, no note) says nothing.
    if (value === null || value === undefined || value === '') continue;
    const name = fieldLabel(key);
    if (!name) {
      unnamed += 1;
      continue;
    }
    parts.push(`${name}：${valueText(key, value, c, depth)}`);
  }
  if (unnamed) parts.push(`另有${unnamed}项`);
  return parts.join('，');
}

/** What changed, in one line: "状态：草稿 → 科室负责人审核" for before/after pairs, "字段：值" otherwise. */
export function summaryText(row: Pick<AuditRow, 'summary' | 'targetType'>, names: AuditNames): string {
  const c: Context = { targetType: row.targetType, names };
  const { before, after, ...rest } = (row.summary ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (isRecord(before) && isRecord(after)) {
    let unchanged = 0;
    // What the change set; fields only in `before` are context (the state it started from).
    for (const key of Object.keys(after)) {
      const name = fieldLabel(key);
      const was = valueText(key, before[key], c, 1);
      const now = valueText(key, after[key], c, 1);
      if (!name) continue;
      if (was === now) unchanged += 1;
      else parts.push(key in before ? `${name}：${was} → ${now}` : `${name}：${now}`);
    }
    if (!parts.length && unchanged) parts.push('内容未变');
  } else {
    if (before !== undefined) parts.push(`变更前：${isRecord(before) ? describeFields(before, c, 1) || '无' : valueText('before', before, c, 1)}`);
    if (after !== undefined) parts.push(isRecord(after) ? describeFields(after, c, 1) : `变更后：${valueText('after', after, c, 1)}`);
  }
  // A handling action's input repeats what it set (outcome, note): only what it adds is shown.
  const { input, ...more } = rest;
  const others = describeFields(more, c, 0);
  if (others) parts.push(others);
  if (isRecord(input)) {
    const shown = parts.join('；');
    const added = Object.fromEntries(Object.entries(input).filter(([key, value]) => key !== 'action' && !shown.includes(valueText(key, value, c, 1))));
    const text = describeFields(added, c, 1);
    if (text) parts.push(`${fieldLabel('input')}：${text}`);
  }
  return parts.filter(Boolean).join('；');
}
