/** Factories for 依申请公开 tests. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/client.js';
import { DEMO_COUNTY_CODE } from '../../src/db/seed.js';
import type { TestApp } from './app.js';

/** A valid 身份证号 (GB 11643 check digit X) and a valid 统一社会信用代码. */
export const VALID_ID_NUMBER = '11010519491231002X';
export const VALID_CREDIT_CODE = '91350100M000100Y43';

export function makeApplication(overrides: Record<string, unknown> = {}) {
  return {
    orgCode: DEMO_COUNTY_CODE,
    applicant: { type: 'natural', name: '张三', idType: 'idCard', idNumber: VALID_ID_NUMBER, phone: '13800138000', email: 'zhang@example.com', address: '示例县城关镇幸福路9号' },
    description: '2025年度示例县财政局部门预算公开表',
    form: 'electronic',
    delivery: 'online',
    queryPassword: 'my-secret-pw',
    ...overrides,
  };
}

const DIGITS = '零一二三四五六七八九';

/** 0–99 written in Chinese numerals (七, 十二, 四十五) as a number. */
function numeral(text: string): number {
  if (!text.includes('十')) return DIGITS.indexOf(text);
  const [tens, ones] = text.split('十');
  return (tens ? DIGITS.indexOf(tens) : 1) * 10 + (ones ? DIGITS.indexOf(ones) : 0);
}

/**
 * Answers a challenge question the way a person would: reading it. Accepts the question alone or
 * the form's label ("验证问题：…"). Knows every kind the platform asks.
 */
export function answerChallenge(question: string): string {
  const q = question.replace(/^.*?验证问题：/, '');
  const quoted = /“([^”]+)”/.exec(q)?.[1];
  const ordinal = /第([一二三四])个字/.exec(q);
  if (quoted && ordinal) return [...quoted][DIGITS.indexOf(ordinal[1]) - 1];
  if (quoted && q.includes('阿拉伯数字')) return [...quoted].map((c) => DIGITS.indexOf(c)).join('');
  const numbers = [...q.matchAll(/[零一二三四五六七八九十]+/g)].map((m) => numeral(m[0]));
  if (q.includes('最大')) return String(Math.max(...numbers));
  const [a, b, c] = numbers;
  if (q.includes('减')) return String(a + b - c);
  throw new Error(`unknown challenge: ${question}`);
}

/** Asks the API for a challenge and answers it. */
export async function solvedChallenge(t: TestApp) {
  const { challengeId, question } = (await t.app.inject('/api/v1/requests/challenge')).json();
  return { id: challengeId as string, answer: answerChallenge(question) };
}

export async function applyOnline(t: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', payload: { ...makeApplication(overrides), challenge: await solvedChallenge(t) } });
  if (res.statusCode !== 201) throw new Error(`apply failed: ${res.statusCode} ${res.body}`);
  return res.json() as { trackingNo: string; status: string; receivedOn?: string; dueOn?: string };
}

/**
 * A request as Gongkai stores it, written straight to the database with its pauses: for
 * tests of what is computed from stored requests (statistics, reports), not of how they got there.
 */
export async function insertRequestRow(db: Db, row: {
  orgId: number; status: string; receivedOn: string; channel?: string; applicantType?: string; outcome?: string; completedOn?: string;
  extensionDays?: number; pauses?: { reason: 'consultation' | 'fee'; startedOn: string; endedOn?: string }[];
}): Promise<number> {
  const { id } = await db.insertInto('disclosureRequests').values({
    trackingNo: `YSQT-${randomBytes(6).toString('hex')}`, orgId: row.orgId, channel: row.channel ?? 'online', applicantType: row.applicantType ?? 'natural',
    applicantName: '张三', idType: 'idCard', idNumberEnc: 'x', applicantKey: randomBytes(8).toString('hex'), phoneEnc: 'x', description: '测试申请',
    form: 'electronic', delivery: 'online', queryPasswordHash: 'x', status: row.status, receivedOn: row.receivedOn,
    outcome: row.outcome ?? null, completedOn: row.completedOn ?? null, extensionDays: row.extensionDays ?? 0,
  }).returning('id').executeTakeFirstOrThrow();
  for (const p of row.pauses ?? []) await db.insertInto('requestPauses').values({ requestId: id, reason: p.reason, startedOn: p.startedOn, endedOn: p.endedOn ?? null }).execute();
  return id;
}
