/**
 * `npm run bench:catalog`: builds a catalog of 1,000,000 items across 200 bodies on
 * PostgreSQL (DATABASE_URL) or 100,000 on PGlite (override with ITEMS=n), then drives the
 * item page, the list page (first and deep keyset pages) and search with 50 concurrent
 * clients on loopback, and prints p50/p95 latency and requests per second.
 * Targets (issue 4, 2-core machine, PostgreSQL): item ≥ 2,000 req/s, p95 ≤ 25 ms;
 * list p95 ≤ 50 ms; search p95 ≤ 150 ms. Pages repeat within a scenario, so most answers
 * come from the rendered-page cache; the "cold" item scenario and the "uncached" list and
 * search scenarios show the path where every request is rendered.
 * WORKERS=n (PostgreSQL) runs the production server with WEB_CONCURRENCY=n in its own
 * processes instead of in this one; REUSE=<database> reruns on data kept with KEEP=1.
 *
 * 全站搜索 (issue 15): items get realistic bodies (a few hundred characters of government prose) and
 * are indexed by the real full reindex (the background job's work), whose time is printed with the
 * size of the indexes; then 1,200 distinct real-looking queries (words, several words, abbreviations,
 * pinyin, typos, single characters) run uncached at 50 clients against /search, /api/v1/search and
 * /api/v1/catalog?q=. Target: p95 ≤ 100 ms on PostgreSQL with 1,000,000 items.
 */
import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import { testConfig } from '../src/config.js';
import { formatIndexNo } from '../src/domain/doc-number.js';
import type { AppContext } from '../src/context.js';
import { GOV_TERMS } from '../src/domain/search/gov-dictionary.js';
import { pinyinOf } from '../src/domain/search/pinyin.js';
import { DEFAULT_SYNONYM_GROUPS } from '../src/domain/search/thesaurus.js';
import { PageCache } from '../src/lib/page-cache.js';
import { runQueuedReindex } from '../src/modules/search/search.service.js';
import { buildApp } from '../src/http/app.js';
import { benchDatabase } from './bench/database.js';
import { printResults, runLoadMeasured as runLoadAll } from './bench/load.js';

const ON_POSTGRES = !!process.env.DATABASE_URL;
const ITEMS = Number(process.env.ITEMS ?? (ON_POSTGRES ? 1_000_000 : 100_000));
const BODIES = 200;
const SECONDS = Number(process.env.SECONDS ?? 10);
const CONCURRENCY = 50;
const WORKERS = Number(process.env.WORKERS ?? 1);

async function startInProcess(db: Awaited<ReturnType<typeof benchDatabase>>['database']['db']) {
  const app = await buildApp({ config: testConfig({ dataDir: '/tmp/gongkai-bench' }), db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, pid: undefined, close: () => app.close() };
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startServerProcesses(databaseUrl: string, workers: number) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', WEB_CONCURRENCY: String(workers), SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/gongkai-bench', PUBLIC_FORM_RATE_LIMIT: '1000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (!output.includes('已启动') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
  if (!output.includes('已启动')) throw new Error(`server did not start: ${output}`);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

const WORDS = ['政府信息公开', '财政预算', '三公经费', '依申请公开', '行政许可', '政府采购', '重大建设项目', '乡村振兴', '义务教育', '医疗保障', '安全生产', '生态环境', '城乡建设', '社会救助', '就业创业', '市场监管', '应急管理', '规划计划', '人事任免', '工作动态'];
const QUERIES = ['信息公开', '三公经费', '依申请', '政府采购', '乡村振兴', '义务教育', '安全生产', '社会救助', '应急管理', '财政预算'];
const CATEGORIES = ['工作动态', '政策文件', '财政预决算与三公经费', '政府采购', '公共服务'];

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length];
}

/** A small deterministic generator (the same catalog and queries on every run). */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

const TERMS = GOV_TERMS.filter((t) => t.length >= 2);
const OPENERS = ['为进一步做好', '为切实加强', '根据上级有关部门关于', '为贯彻落实', '为规范', '为保障群众合法权益，推进'];
const TAILS = ['工作，现将有关事项通知如下。', '管理，结合本县实际，制定本方案。', '相关规定，经研究决定如下。', '服务，提出以下意见。'];
const MIDDLES = ['各乡镇人民政府、县直各部门要高度重视', '申请人应当提交身份证明、户口簿等材料', '符合条件的家庭可向户籍所在地乡镇人民政府提出申请',
  '经审核公示无异议后予以办理', '所需资金由县级财政统筹安排', '有关单位要加强监督检查，确保政策落实到位', '本通知自印发之日起施行',
  '对弄虚作假骗取补助资金的，依法追回并追究责任', '办理时限为二十个工作日', '咨询电话可拨打12345政务服务便民热线'];

function realisticBody(r: () => number): string {
  const n = 3 + Math.floor(r() * 4);
  const sentences: string[] = [];
  for (let k = 0; k < n; k += 1) {
    const a = pick(TERMS, Math.floor(r() * TERMS.length));
    const b = pick(TERMS, Math.floor(r() * TERMS.length));
    sentences.push(`${pick(OPENERS, Math.floor(r() * OPENERS.length))}${a}和${b}${pick(TAILS, Math.floor(r() * TAILS.length))}${pick(MIDDLES, Math.floor(r() * MIDDLES.length))}。`);
  }
  return sentences.map((x) => `<p>${x}</p>`).join('');
}

/** 1,200 distinct queries of the kinds citizens type. */
function realQueries(): string[] {
  const r = rng(42);
  const out = new Set<string>();
  const synonyms = DEFAULT_SYNONYM_GROUPS.flat();
  for (const t of TERMS) out.add(t);
  for (const t of synonyms) out.add(t);
  const chars = ['税', '房', '粮', '矿', '桥', '医', '学', '林', '水', '电'];
  chars.forEach((c) => out.add(c));
  for (const t of TERMS.slice(0, 150)) out.add(pinyinOf(t).full);
  for (const t of TERMS.slice(150, 250)) out.add(pinyinOf(t).initials);
  const verbs = ['怎么申请', '如何办理', '标准', '条件', '流程', '2025年', '补贴', '政策'];
  while (out.size < 1200) {
    const a = pick(TERMS, Math.floor(r() * TERMS.length));
    out.add(r() < 0.5 ? `${a} ${pick(verbs, Math.floor(r() * verbs.length))}` : `${a} ${pick(TERMS, Math.floor(r() * TERMS.length))}`);
  }
  return [...out];
}

async function generateCatalog(db: Awaited<ReturnType<typeof benchDatabase>>['database']['db']) {
  const county = await db.selectFrom('orgs').select('id').where('type', '=', 'government').executeTakeFirstOrThrow();
  const orgs: { id: number; code: string }[] = [];
  for (let i = 0; i < BODIES; i += 1) {
    const code = `B${String(i).padStart(8, '0')}`;
    const row = await db.insertInto('orgs').values({ code, name: `基准测试机关${i}`, type: 'department', parentId: county.id }).returning('id').executeTakeFirstOrThrow();
    orgs.push({ id: row.id, code });
  }
  const t0 = performance.now();
  const random = rng(7);
  const batch = 2000;
  const base = Date.parse('2021-01-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - base;
  for (let start = 0; start < ITEMS; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(ITEMS, start + batch); i += 1) {
      const org = orgs[i % BODIES];
      const at = new Date(base + Math.floor((i / ITEMS) * span));
      const year = at.getUTCFullYear();
      const title = `关于${pick(WORDS, i)}和${pick(TERMS, i * 7 + 3)}工作的通知（第${i}号）`;
      const body = realisticBody(random);
      rows.push({
        orgId: org.id, title, bodyHtml: body, status: 'published', disclosure: 'proactive', category: pick(CATEGORIES, i), topic: '综合政务',
        indexNo: formatIndexNo(org.code, year, Math.floor(i / BODIES) + 1), publishedOn: at.toISOString().slice(0, 10), publishedAt: at,
        writtenOn: at.toISOString().slice(0, 10),
      });
    }
    await sql`insert into info_items (org_id, title, body_html, status, disclosure, category, topic, index_no, published_on, published_at, written_on)
      select t.org_id, t.title, t.body_html, t.status, t.disclosure, t.category, t.topic, t.index_no, t.published_on, t.published_at, t.written_on
      from unnest(
        ${rows.map((r) => r.orgId)}::int[], ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.bodyHtml)}::text[], ${rows.map((r) => r.status)}::text[],
        ${rows.map((r) => r.disclosure)}::text[], ${rows.map((r) => r.category)}::text[], ${rows.map((r) => r.topic)}::text[], ${rows.map((r) => r.indexNo)}::text[],
        ${rows.map((r) => r.publishedOn)}::date[], ${rows.map((r) => r.publishedAt.toISOString())}::timestamptz[], ${rows.map((r) => r.writtenOn)}::date[]
      ) as t(org_id, title, body_html, status, disclosure, category, topic, index_no, published_on, published_at, written_on)`
      .execute(db);
    if ((start / batch) % 50 === 0) process.stdout.write(`  ${start + rows.length}/${ITEMS}\r`);
  }
  await sql`analyze info_items`.execute(db);
  console.log(`\n生成数据用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await reindexEverything(db);
}

/** The full reindex, as the background job runs it (src/modules/search): its time and the indexes' size. */
async function reindexEverything(db: Awaited<ReturnType<typeof benchDatabase>>['database']['db']) {
  await sql`insert into search_reindex_runs (status) values ('queued')`.execute(db);
  const ctx = { db, pages: new PageCache() } as unknown as AppContext;
  const t0 = performance.now();
  const progress = setInterval(async () => {
    const run = await db.selectFrom('searchReindexRuns').select(['done', 'total']).orderBy('id', 'desc').executeTakeFirst();
    if (run) process.stdout.write(`  重建索引 ${run.done}/${run.total}\r`);
  }, 5000);
  try {
    await runQueuedReindex(ctx);
  } finally {
    clearInterval(progress);
  }
  await sql`analyze search_documents`.execute(db);
  await sql`analyze info_items`.execute(db);
  console.log(`\n全量重建索引用时 full reindex: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const sizes = (await sql<{ name: string; size: string }>`select c.relname as name, pg_size_pretty(pg_total_relation_size(c.oid)) as size from pg_class c
    where c.relname in ('search_documents', 'search_documents_vector_idx', 'search_documents_title_idx', 'info_items', 'info_items_search_idx') order by c.relname`.execute(db)).rows;
  for (const s of sizes) console.log(`  ${s.name}: ${s.size}`);

}

async function main() {
  console.log(`数据库：${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'}；生成 ${ITEMS} 条信息、${BODIES} 个机关……`);
  const { database, drop, reused, url: databaseUrl } = await benchDatabase('catalog');
  const db = database.db;
  if (!reused) await generateCatalog(db);
  const indexNos = (await sql<{ indexNo: string }>`select index_no from info_items where index_no is not null order by random() limit 2000`.execute(db)).rows.map((r) => r.indexNo);
  // A sample far larger than the page cache holds: mostly cold renders.
  const coldIndexNos = (await sql<{ indexNo: string }>`select index_no from info_items where index_no is not null order by random() limit ${Math.min(ITEMS, 100_000)}`.execute(db)).rows.map((r) => r.indexNo);
  const deep = (await sql<{ publishedAt: Date; id: number }>`select published_at, id from info_items where status = 'published' order by random() limit 200`.execute(db)).rows
    .map((r) => Buffer.from(`${new Date(r.publishedAt).toISOString()}|${r.id}`).toString('base64url'));

  // WORKERS=n (PostgreSQL): the production server (src/server.ts) with WEB_CONCURRENCY=n in its own processes.
  const server = WORKERS > 1 && databaseUrl ? await startServerProcesses(databaseUrl, WORKERS) : await startInProcess(db);
  const url = server.url;
  console.log(`服务进程 server processes: ${WORKERS > 1 && databaseUrl ? WORKERS : 1}`);
  const results = [];
  const options = { concurrency: CONCURRENCY, seconds: SECONDS, serverPid: server.pid };
  // SCENARIOS=cold,search … runs a subset (names contain the word).
  const only = process.env.SCENARIOS?.split(',');
  // Each scenario first runs WARMUP seconds unrecorded (JIT, connection pool, page cache), as load tests do.
  const warmup = Number(process.env.WARMUP ?? 2);
  const runLoad = async (name: string, urls: string[], o: typeof options) => {
    if (only && !only.some((w) => name.includes(w))) return null;
    if (warmup > 0) await runLoadAll(`${name} (warm-up)`, urls, { ...o, seconds: warmup });
    return runLoadAll(name, urls, o);
  };
  results.push(await runLoad('item page, 2,000 popular items', indexNos.map((i) => `${url}/xxgk/items/${i}`), options));
  results.push(await runLoad('item page, 100,000 items (cold)', coldIndexNos.map((i) => `${url}/xxgk/items/${i}`), options));
  results.push(await runLoad('list page, first page', [`${url}/xxgk/catalog`], options));
  results.push(await runLoad('list page, deep keyset pages', deep.map((c) => `${url}/xxgk/catalog?cursor=${c}`), options));
  results.push(await runLoad('search, ten common queries', QUERIES.map((q) => `${url}/xxgk/catalog?q=${encodeURIComponent(q)}`), options));
  results.push(await runLoad('JSON API /api/v1/catalog?q=', QUERIES.map((q) => `${url}/api/v1/catalog?q=${encodeURIComponent(q)}`), options));
  // The same pages with every request a render: each URL is made unique by a parameter the page ignores.
  const uncached = (paths: string[]) => Array.from({ length: 50_000 }, (_, i) => `${pick(paths, i)}${pick(paths, i).includes('?') ? '&' : '?'}n=${i}`);
  results.push(await runLoad('list page, deep keyset pages (uncached)', uncached(deep.map((c) => `${url}/xxgk/catalog?cursor=${c}`)), options));
  const queries = realQueries();
  const distinct = (base: string) => queries.map((q, i) => `${url}${base}${encodeURIComponent(q)}&n=${i}`);
  console.log(`不同的检索词 distinct queries: ${queries.length}`);
  results.push(await runLoad('site search /search, 1,200 distinct queries (uncached)', distinct('/search?q='), options));
  results.push(await runLoad('JSON /api/v1/search, 1,200 distinct queries', distinct('/api/v1/search?q='), options));
  results.push(await runLoad('JSON /api/v1/catalog?q=, 1,200 distinct queries', distinct('/api/v1/catalog?q='), options));
  results.push(await runLoad('search, ten common queries (uncached)', uncached(QUERIES.map((q) => `${url}/xxgk/catalog?q=${encodeURIComponent(q)}`)), options));
  printResults(results.filter((r): r is NonNullable<typeof r> => r !== null));
  await server.close();
  await drop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
