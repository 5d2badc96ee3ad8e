/**
 * `npm run bench:services`: builds 政务服务 data with generate_series on PostgreSQL (DATABASE_URL; PGlite
 * in memory otherwise, with fewer cases): CASES cases (default 10,000,000) over 5 years, 500 bodies
 * under the county with one item each, one centre with 300 windows. Then prints the time of the
 * centre's live board (电子监察, this month), of the county's monthly statistics (rolled up over the
 * 500 bodies, by body, centre, window, item and month), and the p50/p95 of registering a case with
 * 50 clients (the service call, as the route makes it): closed loop (back to back, the machine's
 * saturation) and open loop (each client one case every PACE_MS, 2 s by default). The monthly figures
 * are built from the generated cases by rebuildCaseMonthly, as migration 0020 does. Targets (issue 14): board and
 * statistics ≤ 200 ms, registration p95 ≤ 20 ms. KEEP=1 keeps the database, REUSE=<name> reruns on it
 * (see bench/database.ts). Each registration is one transaction (case, step, audit row); the query password is an HMAC, not scrypt.
 */
import { sql } from 'kysely';
import { testConfig } from '../src/config.js';
import { DEMO_COUNTY_CODE } from '../src/db/seed.js';
import { todayInChina } from '../src/domain/dates.js';
import type { Actor } from '../src/domain/roles.js';
import { createContext } from '../src/http/app.js';
import { registerCase } from '../src/modules/services/cases.service.js';
import { rebuildCaseMonthly } from '../src/modules/services/case-figures.repository.js';
import { monthlyStatistics, orgStatistics } from '../src/modules/services/statistics.service.js';
import { supervisionBoard } from '../src/modules/services/supervision.service.js';
import { benchDatabase } from './bench/database.js';

const ON_POSTGRES = !!process.env.DATABASE_URL;
const CASES = Number(process.env.CASES ?? (ON_POSTGRES ? 10_000_000 : 200_000));
const BODIES = 500;
const WINDOWS = 300;
const CLIENTS = 50;
const REGISTRATIONS = Number(process.env.REGISTRATIONS ?? 500);
/** Open loop: each client registers one case every PACE_MS, for OPEN_LOOP_SECONDS. */
const PACE_MS = Number(process.env.PACE_MS ?? 2000);
const OPEN_LOOP_SECONDS = Number(process.env.OPEN_LOOP_SECONDS ?? 40);

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function main() {
  const { database, drop, reused } = await benchDatabase('services');
  const db = database.db;
  const ctx = createContext(testConfig({ dataDir: '/tmp/gongkai-bench-services' }), db);
  const today = todayInChina(ctx.now());
  const county = await db.selectFrom('orgs').select(['id', 'code']).where('code', '=', DEMO_COUNTY_CODE).executeTakeFirstOrThrow();
  try {
    if (!reused) {
      const t0 = process.hrtime.bigint();
      await sql`insert into orgs (code, name, type, parent_id, sort_order)
        select 'BENCH' || lpad(g::text, 4, '0'), '压测机关' || g, 'department', ${county.id}, 1000 + g from generate_series(1, ${BODIES}) g`.execute(db);
      await sql`insert into service_items (code, org_id, name, kind, legal_limit_days, promised_limit_days, published)
        select o.code || '-XK', o.id, '压测事项' || substr(o.code, 6), 'license', 20, 5, true from orgs o where o.code like 'BENCH%'`.execute(db);
      await sql`insert into service_item_versions (item_id, version, status, data) select id, 1, 'published', '{}'::jsonb from service_items where code like 'BENCH%'`.execute(db);
      await sql`insert into service_centres (org_id, name, type) values (${county.id}, '压测政务服务中心', 'county')`.execute(db);
      await sql`insert into service_windows (centre_id, org_id, number, name)
        select (select max(id) from service_centres), o.id, substr(o.code, 6)::int::text, o.name || '窗口' from orgs o where o.code like 'BENCH%' and substr(o.code, 6)::int <= ${WINDOWS}`.execute(db);
      await sql`insert into service_window_items (window_id, item_id) select w.id, i.id from service_windows w join service_items i on i.org_id = w.org_id`.execute(db);
      // Cases over the 5 years before today, made by the database (no rows pass through Node): a body's
      // item, the window of the body when it has one, most completed within the limit, some late, the
      // last weeks' partly open. working_days_taken is about the weekdays (5 of 7 calendar days).
      await sql`insert into service_cases (case_no, item_id, org_id, window_id, status, accepted_on, promised_limit_days, due_on, completed_on, result, working_days_taken, imported)
        select 'BJ-BENCH-' || g, i.id, i.org_id, w.id,
          case when open then 'accepted' else 'completed' end,
          d, 5, d + 7,
          case when open then null else d + late end,
          case when open then null when g % 20 = 0 then 'rejected' else 'approved' end,
          case when open then null else (late * 5 + 6) / 7 end,
          true
        from (select g, d, b, d > ${today}::date - 20 and g % 3 = 0 as open, case when g % 50 = 0 then 10 else g % 7 end as late
              from (select g, ${today}::date - (g % 1826) as d, (g % ${BODIES}) as b from generate_series(1, ${CASES}) g) s0) s
        join service_items i on i.code = 'BENCH' || lpad((s.b + 1)::text, 4, '0') || '-XK'
        left join service_windows w on w.org_id = i.org_id`.execute(db);
      await sql`insert into service_ratings (case_id, level, channel, rated_on)
        select id, 1 + (id % 5), 'ledger', completed_on from service_cases where completed_on is not null and id % 4 = 0`.execute(db);
      const generated = ms(t0);
      const t1 = process.hrtime.bigint();
      await db.transaction().execute((trx) => rebuildCaseMonthly(trx));
      const rebuilt = ms(t1);
      await sql`analyze`.execute(db);
      const monthlyRows = (await db.selectFrom('serviceCaseMonthly').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
      console.log(`生成 ${CASES.toLocaleString()} 件办件、${BODIES} 个机关、${WINDOWS} 个窗口：${(generated / 1000).toFixed(1)} 秒；由办件重建月度统计表（${monthlyRows.toLocaleString()} 行）：${(rebuilt / 1000).toFixed(1)} 秒；共 ${(ms(t0) / 1000).toFixed(1)} 秒`);
    }
    const admin = await db.selectFrom('users').select(['id', 'username', 'displayName', 'orgId']).where('username', '=', 'admin').executeTakeFirstOrThrow();
    const manager: Actor = { userId: admin.id, username: admin.username, displayName: admin.displayName, orgId: county.id, orgCode: county.code, roles: ['serviceManager'], via: 'token' };
    const centreId = (await db.selectFrom('serviceCentres').select('id').where('name', '=', '压测政务服务中心').executeTakeFirstOrThrow()).id;
    const timeIt = async (label: string, run: () => Promise<unknown>) => {
      await run(); // warm
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) { const t0 = process.hrtime.bigint(); await run(); times.push(ms(t0)); }
      console.log(`${label}：中位数 ${quantile(times, 0.5).toFixed(1)} ms，最慢 ${Math.max(...times).toFixed(1)} ms`);
    };
    await timeIt('电子监察实时看板（本月，全中心）', () => supervisionBoard(ctx, manager, { centreId }));
    const lastMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
    await timeIt(`全县月度统计（${lastMonth}，含${BODIES}个下级机关）`, () => monthlyStatistics(ctx, county.code, lastMonth, true));

    await timeIt(`全县统计（${lastMonth}-10 至今，两端零散日期从办件计）`, () => orgStatistics(ctx, county.code, { from: `${lastMonth}-10`, to: today, rollup: true }));

    const items = await db.selectFrom('serviceItems').select('code').where('code', 'like', 'BENCH%').execute();
    let n = 0;
    const registerOne = () => {
      const i = n++;
      return registerCase(ctx, manager, { itemCode: items[i % items.length].code, applicant: { type: 'legalPerson', name: `压测公司${i}`, idNumber: '91350100M000100Y43', phone: '13800001234' } });
    };
    // The statements of one registration (the service call as the route makes it).
    let statements = 0;
    const counting = createContext(testConfig({ dataDir: '/tmp/gongkai-bench-services' }), db.withPlugin({ transformQuery: (a) => { statements += 1; return a.node; }, transformResult: async (a) => a.result }));
    const counted = () => registerCase(counting, manager, { itemCode: items[0].code, applicant: { type: 'legalPerson', name: '计数公司', idNumber: '91350100M000100Y43', phone: '13800001234' } });
    await counted(); // loads the calendar once
    statements = 0;
    await counted();
    console.log(`登记一件办件的 SQL 语句：${statements} 条（另加 BEGIN / COMMIT）`);
    const report = (label: string, times: number[], seconds: number) =>
      console.log(`${label}：p50 ${quantile(times, 0.5).toFixed(1)} ms，p95 ${quantile(times, 0.95).toFixed(1)} ms，p99 ${quantile(times, 0.99).toFixed(1)} ms，最慢 ${Math.max(...times).toFixed(1)} ms；${times.length} 件，${(times.length / seconds).toFixed(0)} 件/秒`);

    // Closed loop: 50 clients back to back, each starting the next registration when the last returns.
    // This measures saturation (throughput on this machine); latency is then mostly queueing.
    {
      const times: number[] = [];
      const t0 = process.hrtime.bigint();
      await Promise.all(Array.from({ length: CLIENTS }, async () => {
        while (n < REGISTRATIONS) {
          const s = process.hrtime.bigint();
          await registerOne();
          times.push(ms(s));
        }
      }));
      report(`登记办件·闭环饱和（${CLIENTS} 个客户端连续登记，不停顿）`, times, ms(t0) / 1000);
    }

    // Open loop: 50 clients (windows), each registering one case every PACE_MS (2 s by default: 25 cases a
    // second in all, some 100 times a county centre's ~240 a working day). Latency counts from the scheduled
    // start, so a slow answer that delays the next one is not hidden.
    {
      const times: number[] = [];
      const perClient = Math.max(1, Math.round((OPEN_LOOP_SECONDS * 1000) / PACE_MS));
      const start = Date.now() + 100;
      const t0 = process.hrtime.bigint();
      await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
        for (let k = 0; k < perClient; k += 1) {
          const due = start + (c * PACE_MS) / CLIENTS + k * PACE_MS;
          const wait = due - Date.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          await registerOne();
          times.push(Date.now() - due);
        }
      }));
      report(`登记办件·开环（${CLIENTS} 个客户端，每个每 ${(PACE_MS / 1000).toFixed(1)} 秒一件，共 ${((CLIENTS * 1000) / PACE_MS).toFixed(0)} 件/秒）`, times, ms(t0) / 1000);
    }
  } finally {
    await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
