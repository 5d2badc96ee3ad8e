/**
 * `npm run bench:report`: 1,000,000 requests over 5 years and 500 bodies on PostgreSQL
 * (DATABASE_URL; 100,000 on PGlite, or REQUESTS=n), then times the county roll-up report
 * and one body's report (targets, issue 6: ≤ 1 s and ≤ 100 ms).
 */
import { sql } from 'kysely';
import { testConfig } from '../src/config.js';
import { OUTCOME_ROW_KEYS, APPLICANT_COLUMNS } from '../src/domain/annual-report.js';
import { buildApp } from '../src/http/app.js';
import { benchDatabase } from './bench/database.js';

const ON_POSTGRES = !!process.env.DATABASE_URL;
const REQUESTS = Number(process.env.REQUESTS ?? (ON_POSTGRES ? 1_000_000 : 100_000));
const BODIES = 500;
const RUNS = 10;

async function main() {
  console.log(`数据库：${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'}；生成 ${REQUESTS} 件申请（2021–2025 年）、${BODIES} 个机关……`);
  const { database, drop } = await benchDatabase('report');
  const db = database.db;
  const county = await db.selectFrom('orgs').select(['id', 'code']).where('type', '=', 'government').executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (let i = 0; i < BODIES; i += 1) {
    ids.push((await db.insertInto('orgs').values({ code: `R${String(i).padStart(8, '0')}`, name: `报告基准机关${i}`, type: 'department', parentId: county.id }).returning('id').executeTakeFirstOrThrow()).id);
  }
  const t0 = performance.now();
  const batch = 5000;
  const base = Date.parse('2021-01-01T00:00:00Z');
  const day = 86_400_000;
  for (let start = 0; start < REQUESTS; start += batch) {
    const n = Math.min(batch, REQUESTS - start);
    const org: number[] = [], received: string[] = [], type: string[] = [], outcome: (string | null)[] = [], completed: (string | null)[] = [];
    for (let k = 0; k < n; k += 1) {
      const i = start + k;
      const r = base + Math.floor(((i * 7919) % REQUESTS) / REQUESTS * 1825) * day;
      const open = i % 97 === 0;
      org.push(ids[i % BODIES]);
      received.push(new Date(r).toISOString().slice(0, 10));
      type.push(APPLICANT_COLUMNS[i % APPLICANT_COLUMNS.length]);
      outcome.push(open ? null : OUTCOME_ROW_KEYS[i % OUTCOME_ROW_KEYS.length]);
      completed.push(open ? null : new Date(r + (5 + (i % 40)) * day).toISOString().slice(0, 10));
    }
    await sql`insert into request_ledger_entries (org_id, received_on, channel, applicant_type, outcome, completed_on)
      select o, r, 'online', t, oc, c from unnest(${org}::int[], ${received}::date[], ${type}::text[], ${outcome}::text[], ${completed}::date[]) as x(o, r, t, oc, c)`.execute(db);
  }
  await sql`analyze request_ledger_entries`.execute(db);
  console.log(`生成数据用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const app = await buildApp({ config: testConfig({ dataDir: '/tmp/gongkai-bench' }), db });
  const token = (await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'office', password: 'Bench-Passw0rd!' } })).json().token;
  const body = (await db.selectFrom('orgs').select('code').where('id', '=', ids[123]).executeTakeFirstOrThrow()).code;
  const time = async (url: string) => {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const t = performance.now();
      const res = await app.inject({ url, headers: { authorization: `Bearer ${token}` } });
      times.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(res.body);
      total = res.json().requests.received.total;
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(RUNS / 2)], max: times[RUNS - 1], received: total };
  };
  const rollup = await time(`/api/v1/orgs/${county.code}/annual-reports/2024?draft=true&rollup=true`);
  const single = await time(`/api/v1/orgs/${body}/annual-reports/2024?draft=true`);
  console.log(`\n县级汇总报告（${BODIES + 15} 个机关，2024 年新收 ${rollup.received} 件）：中位 ${rollup.median.toFixed(0)} ms，最慢 ${rollup.max.toFixed(0)} ms（目标 ≤ 1000 ms）`);
  console.log(`单个机关报告（2024 年新收 ${single.received} 件）：中位 ${single.median.toFixed(1)} ms，最慢 ${single.max.toFixed(1)} ms（目标 ≤ 100 ms）`);
  await app.close();
  await drop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
