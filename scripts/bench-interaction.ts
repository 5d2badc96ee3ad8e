/**
 * `npm run bench:interaction` (issue 13): 1,000,000 messages over 5 years across 500 bodies (override with
 * MESSAGES=n) on PostgreSQL (DATABASE_URL; PGlite otherwise), built with generate_series; published replies go
 * into the site search through the real full reindex. Then, with 50 clients on loopback: a mailbox's public reply
 * list (the box page, random boxes and pages), a search of published replies (the box page's search and the site
 * search restricted to replies), and the county's roll-up statistics for a year (the contract's message-statistics
 * and the reply-time figures). Prints p50/p95/p99 per scenario and, for the roll-up, single-request timings.
 * Targets: reply list and search p95 ≤ 50 ms; the county's roll-up for a year ≤ 200 ms.
 */
import { sql } from 'kysely';
import { type AddressInfo } from 'node:net';
import { testConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import { buildApp } from '../src/http/app.js';
import { PageCache } from '../src/lib/page-cache.js';
import { runQueuedReindex } from '../src/modules/search/search.service.js';
import { benchDatabase } from './bench/database.js';
import { printResults, runLoadMeasured } from './bench/load.js';

const ON_POSTGRES = !!process.env.DATABASE_URL;
const MESSAGES = Number(process.env.MESSAGES ?? (ON_POSTGRES ? 1_000_000 : 100_000));
const BODIES = 500;
const SECONDS = Number(process.env.SECONDS ?? 10);
const CONCURRENCY = 50;
const YEAR = 2025;

type Db = Awaited<ReturnType<typeof benchDatabase>>['database']['db'];

const SUBJECTS = ['关于小区停车难的问题', '咨询城乡居民医保缴费标准', '建议增设公交线路', '反映道路施工噪音扰民', '咨询义务教育阶段入学政策', '投诉农贸市场乱收费',
  '咨询住房公积金提取条件', '建议加强校园周边交通管理', '反映农村饮水安全问题', '咨询养老保险待遇领取', '举报违规占用耕地建房', '咨询低保申请条件',
  '建议完善垃圾分类设施', '反映路灯损坏不亮', '咨询营业执照办理流程', '质疑拆迁补偿标准', '咨询残疾人两项补贴', '建议增加社区卫生服务站', '反映供暖温度不达标', '咨询新生儿落户手续'];
const REPLIES = ['经核实，您反映的问题已交由相关部门处理，现已整改完毕。', '根据有关政策规定，符合条件的居民可持身份证到户籍所在地乡镇便民服务中心申请办理。',
  '您的建议很有价值，我局已将其纳入明年工作计划统筹考虑。', '经现场调查，相关施工单位已调整作业时间，夜间不再施工。', '具体标准请登录县政府门户网站政策文件栏目查阅，或拨打12345政务服务便民热线咨询。'];
const QUERIES = ['停车', '医保', '公交', '噪音', '入学', '公积金', '养老保险', '低保', '垃圾分类', '营业执照', '拆迁补偿', '供暖', '落户', '耕地', '路灯'];

async function generate(db: Db) {
  const county = await db.selectFrom('orgs').select(['id', 'code']).where('type', '=', 'government').orderBy('id').executeTakeFirstOrThrow();
  const t0 = performance.now();
  await sql`insert into orgs (code, name, type, parent_id)
    select 'M' || lpad(g::text, 8, '0'), '基准测试机关' || g, case when g % 10 = 0 then 'township' else 'department' end, ${county.id}
    from generate_series(1, ${BODIES}) g`.execute(db);
  await sql`insert into mailboxes (org_id, code, name, introduction, is_main)
    select o.id, 'main', case when o.type = 'township' then '镇长信箱' else '局长信箱' end, '受理群众的咨询、建议、质疑、投诉和举报。', true
    from orgs o where o.type <> 'office' and not exists (select 1 from mailboxes m where m.org_id = o.id and m.is_main)`.execute(db);
  await sql`create temporary table bench_boxes as select row_number() over (order by m.id) - 1 as n, m.id as mailbox_id, m.org_id from mailboxes m where m.is_main`.execute(db);
  const boxes = Number((await sql<{ n: number }>`select count(*)::int as n from bench_boxes`.execute(db)).rows[0].n);
  const subjects = `{${SUBJECTS.map((s) => `"${s}"`).join(',')}}`;
  const replies = `{${REPLIES.map((s) => `"${s}"`).join(',')}}`;
  const batch = 100_000;
  for (let start = 1; start <= MESSAGES; start += batch) {
    const end = Math.min(MESSAGES, start + batch - 1);
    // Received evenly over five years (2021-12-01 … 2026-11-30); 1 in 25 still open; replies 1–18 days later,
    // due 14 days after receipt (so some are late); 40 % of replies published; two thirds rated.
    await sql`
      insert into messages (tracking_no, org_id, mailbox_id, type, channel, subject, body, sender_name, received_on, reply_due_on, status,
        replied_on, reply_text, rating, public_reply, published, published_on)
      select 'BX' || lpad(g::text, 8, '0'), b.org_id, b.mailbox_id,
        (array['consultation','suggestion','query','complaint','report'])[1 + g % 5],
        (array['online','online','online','online','phone','sms','letter','inPerson','box','email','readingRoom'])[1 + (g * 7) % 11],
        s.subject || '（' || g || '）', '您好，' || s.subject || '，希望有关部门尽快研究解决，谢谢！', '王某某',
        d.day, d.day + 14,
        case when g % 25 = 0 then 'assigned' when g % 3 = 0 then 'replied' else 'closed' end,
        case when g % 25 = 0 then null else d.day + 1 + (g % 18) end,
        case when g % 25 = 0 then null else r.reply end,
        case when g % 25 = 0 or g % 3 = 0 then null when g % 7 = 0 then 'dissatisfied' when g % 2 = 0 then 'basicallySatisfied' else 'satisfied' end,
        true, g % 25 <> 0 and g % 5 < 2, case when g % 25 <> 0 and g % 5 < 2 then d.day + 2 + (g % 18) end
      from generate_series(${start}::int, ${end}::int) g
      cross join lateral (select (date '2021-12-01' + ((g::bigint * 1826) / ${MESSAGES + 1})::int) as day) d
      cross join lateral (select (${subjects}::text[])[1 + g % ${SUBJECTS.length}] as subject) s
      cross join lateral (select (${replies}::text[])[1 + (g / 3) % ${REPLIES.length}] as reply) r
      join bench_boxes b on b.n = (g::bigint * 7919) % ${boxes}`.execute(db);
    process.stdout.write(`  ${end}/${MESSAGES}\r`);
  }
  // As autovacuum would after a bulk load: the visibility map lets the statistics read only the index.
  await sql`vacuum analyze messages`.execute(db);
  await sql`analyze mailboxes`.execute(db);
  console.log(`\n生成数据用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await sql`insert into search_reindex_runs (status) values ('queued')`.execute(db);
  const t1 = performance.now();
  await runQueuedReindex({ db, pages: new PageCache() } as unknown as AppContext);
  await sql`analyze search_documents`.execute(db);
  console.log(`全量重建索引用时 full reindex: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  return county.code;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

async function main() {
  console.log(`数据库：${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'}；生成 ${MESSAGES} 件来信、${BODIES} 个机关……`);
  // KEEP=1 keeps the data; REUSE=<database> runs the scenarios on it again without generating.
  const { database, drop, reused } = await benchDatabase('interaction');
  const db = database.db;
  const countyCode = reused
    ? (await db.selectFrom('orgs').select('code').where('type', '=', 'government').orderBy('id').executeTakeFirstOrThrow()).code
    : await generate(db);
  const counts = (await sql<{ published: number; all: number }>`select count(*) filter (where published)::int as published, count(*)::int as all from messages`.execute(db)).rows[0];
  console.log(`来信 ${counts.all} 件，公开 ${counts.published} 件`);
  const boxes = (await sql<{ code: string }>`select o.code from mailboxes m join orgs o on o.id = m.org_id where m.is_main order by random() limit 300`.execute(db)).rows.map((r) => r.code);

  const app = await buildApp({ config: testConfig({ dataDir: '/tmp/gongkai-bench' }), db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const options = { concurrency: CONCURRENCY, seconds: SECONDS };
  const warm = async (name: string, urls: string[]) => {
    await runLoadMeasured(`${name} (warm-up)`, urls, { ...options, seconds: 2 });
    return runLoadMeasured(name, urls, options);
  };
  // Every URL distinct (a parameter the page ignores), so no answer comes from a cache.
  const distinct = (paths: string[]) => Array.from({ length: 50_000 }, (_, i) => `${paths[i % paths.length]}${paths[i % paths.length].includes('?') ? '&' : '?'}n=${i}`);
  const results = [];
  results.push(await warm('mailbox reply list, pages 1-5', distinct(boxes.flatMap((c) => [1, 2, 3, 4, 5].map((p) => `${url}/hdjl/xx/${c}/main?page=${p}`)))));
  results.push(await warm('mailbox search of replies', distinct(boxes.flatMap((c) => QUERIES.map((q) => `${url}/hdjl/xx/${c}/main?q=${encodeURIComponent(q)}`)))));
  results.push(await warm('site search, replies only', distinct(QUERIES.map((q) => `${url}/api/v1/search?q=${encodeURIComponent(q)}&kind=message`))));
  const stats = `${url}/api/v1/orgs/${countyCode}/message-statistics?from=${YEAR}-01-01&to=${YEAR}-12-31&rollup=true`;
  results.push(await warm(`county roll-up ${YEAR} (contract)`, distinct([stats])));
  printResults(results);

  // The county's roll-up for a year, one request at a time (the reply-time figures' endpoint has a rate limit: 20 runs).
  const timed = async (path: string, runs: number) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      const res = await fetch(`${path}${path.includes('?') ? '&' : '?'}n=${i}`);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      ms.push(performance.now() - t0);
    }
    return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms) };
  };
  const reply = `${url}/api/v1/orgs/${countyCode}/message-reply-statistics?from=${YEAR}-01-01&to=${YEAR}-12-31&rollup=true`;
  console.log('\n县级汇总统计（单个请求，20次） county roll-up for a year, one request at a time');
  for (const [name, path] of [['message-statistics (contract)', stats], ['message-reply-statistics (working days)', reply]] as const) {
    const r = await timed(path, 20);
    console.log(`  ${name.padEnd(42)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`);
  }
  await app.close();
  await drop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
