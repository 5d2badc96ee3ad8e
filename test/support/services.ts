/** Factories for 政务服务 tests: service accounts, items and cases through the API. */
import { residentIdCheckCharacter } from '../../src/domain/id-numbers.js';
import type { TestApp } from './app.js';

export const SERVICE_PASSWORD = 'Svc-Passw0rd!x';

/** A valid 居民身份证号码 (Beijing 东城区, born 1980-01-01) with the given sequence number. */
export function idNumber(seq = 1): string {
  const first = `11010119800101${String(seq % 1000).padStart(3, '0')}`;
  return first + residentIdCheckCharacter(first);
}

/** Creates a staff account (as 系统管理员) and returns its Authorization header. */
export async function makeServiceUser(t: TestApp, options: { username: string; orgCode: string; roles?: string[]; displayName?: string }) {
  const created = await t.app.inject({
    method: 'POST', url: '/api/v1/users', headers: await t.auth('admin'),
    payload: { username: options.username, displayName: options.displayName ?? options.username, orgCode: options.orgCode, roles: options.roles ?? ['serviceClerk'], password: SERVICE_PASSWORD },
  });
  if (created.statusCode !== 201) throw new Error(`cannot create ${options.username}: ${created.body}`);
  const token = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: options.username, password: SERVICE_PASSWORD } });
  if (token.statusCode !== 200) throw new Error(`cannot sign in as ${options.username}: ${token.body}`);
  return { id: created.json().id as number, headers: { authorization: `Bearer ${token.json().token}` } };
}

export async function makeItem(t: TestApp, headers: Record<string, string>, fields: { orgCode: string; name?: string; kind?: string; legalLimitDays?: number; promisedLimitDays?: number; code?: string; [k: string]: unknown }) {
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/service-items', headers,
    payload: { name: '测试事项', kind: 'license', legalLimitDays: 20, promisedLimitDays: 5, ...fields },
  });
  if (res.statusCode !== 201) throw new Error(`cannot create item: ${res.body}`);
  return res.json().code as string;
}

export async function makeCase(t: TestApp, headers: Record<string, string>, fields: { itemCode: string; acceptedOn?: string; [k: string]: unknown }, seq = 1) {
  return t.app.inject({
    method: 'POST', url: '/api/v1/service-cases', headers,
    payload: { applicant: { type: 'natural', name: '张三', idNumber: idNumber(seq), phone: '13800001234' }, ...fields },
  });
}

/** A guide with every field filled, as a county's 办事指南 reads. */
export const GUIDE_EXAMPLE = {
  basis: '《中华人民共和国政府采购法》第十九条',
  conditions: '依法设立的代理机构；具有独立承担民事责任的能力。',
  materials: [
    { key: 'form', name: '登记申请表', copies: '原件1份', note: '可下载空白表格和填写样本' },
    { key: 'license', name: '营业执照副本', copies: '复印件1份' },
  ],
  steps: [
    { name: '申请', who: '申请人' }, { name: '受理', who: '窗口工作人员', limit: '当场' },
    { name: '审查', who: '承办科室', limit: '3个工作日' }, { name: '决定', who: '首席代表', limit: '1个工作日' }, { name: '办结送达', who: '窗口工作人员' },
  ],
  fees: '不收费',
  location: '县政务服务中心二楼 8号窗口',
  hours: '工作日 上午9:00—12:00，下午13:30—17:00',
  consultPhone: '0999-1234567',
  complaintPhone: '0999-12345',
  online: true,
  lifeEvents: ['employment'],
  businessStages: ['founding', 'permits'],
};
