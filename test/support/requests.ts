/** Factories for 依申请公开 tests. */
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

const NUMERALS = '零一二三四五六七八九十';

/** Answers a challenge question (一加三等于几？) the way a person would: reading it. */
export function answerChallenge(question: string): string {
  return String([...question.slice(0, question.indexOf('等于'))].filter((c) => NUMERALS.includes(c)).reduce((sum, c) => sum + NUMERALS.indexOf(c), 0));
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
