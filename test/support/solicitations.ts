/** Factories for 意见征集 tests: a draft of the county opened for comment by the 公开办. */
import { DEMO_COUNTY_CODE } from '../../src/db/seed.js';
import type { TestApp } from './app.js';

export async function openSolicitation(t: TestApp, overrides: Record<string, unknown> = {}) {
  const office = await t.auth('office');
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/solicitations', headers: office, payload: {
    orgCode: DEMO_COUNTY_CODE, kind: 'normative', title: '某县农村生活垃圾治理办法（征求意见稿）', explanation: '为改善农村人居环境，起草本办法。',
    articles: [{ heading: '第一条', text: '为了加强农村生活垃圾治理，制定本办法。' }, { heading: '第二条', text: '本办法适用于本县行政区域内的农村生活垃圾治理。' }],
    ...overrides,
  } });
  if (created.statusCode !== 201) throw new Error(`draft not created: ${created.body}`);
  const id = created.json().id as number;
  for (const step of ['submit', 'open']) {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/solicitations/${id}/${step}`, headers: office });
    if (res.statusCode !== 200) throw new Error(`${step}: ${res.body}`);
  }
  return { id, articleIds: (created.json().articles as { id: number }[]).map((a) => a.id) };
}
