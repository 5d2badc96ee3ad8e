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
 */
import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import { testConfig } from '../src/config.js';
import { formatIndexNo } from '../src/domain/doc-number.js';
import { searchDocument } from '../src/domain/search-text.js';
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

function pick<T>(list: T[], i: number): T {
  return list[i % list.length];
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
  const batch = 2000;
  const base = Date.parse('2021-01-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - base;
  for (let start = 0; start < ITEMS; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(ITEMS, start + batch); i += 1) {
      const org = orgs[i % BODIES];
      const at = new Date(base + Math.floor((i / ITEMS) * span));
      const year = at.getUTCFullYear();
      const title = `关于${pick(WORDS, i)}和${pick(WORDS, i * 7 + 3)}工作的通知（第${i}号）`;
      const body = `<p>为做好${pick(WORDS, i * 3)}工作，根据有关规定，现就${pick(WORDS, i * 11 + 5)}有关事项通知如下。</p>`;
      rows.push({
        orgId: org.id, title, bodyHtml: body, status: 'published', disclosure: 'proactive', category: pick(CATEGORIES, i), topic: '综合政务',
        indexNo: formatIndexNo(org.code, year, Math.floor(i / BODIES) + 1), publishedOn: at.toISOString().slice(0, 10), publishedAt: at,
        writtenOn: at.toISOString().slice(0, 10), search: searchDocument(title, title, body.replace(/<[^>]+>/g, '')),
      });
    }
    await sql`insert into info_items (org_id, title, body_html, status, disclosure, category, topic, index_no, published_on, published_at, written_on, search_text)
      select t.org_id, t.title, t.body_html, t.status, t.disclosure, t.category, t.topic, t.index_no, t.published_on, t.published_at, t.written_on,
        to_tsvector('simple', t.search)
      from unnest(
        ${rows.map((r) => r.orgId)}::int[], ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.bodyHtml)}::text[], ${rows.map((r) => r.status)}::text[],
        ${rows.map((r) => r.disclosure)}::text[], ${rows.map((r) => r.category)}::text[], ${rows.map((r) => r.topic)}::text[], ${rows.map((r) => r.indexNo)}::text[],
        ${rows.map((r) => r.publishedOn)}::date[], ${rows.map((r) => r.publishedAt.toISOString())}::timestamptz[], ${rows.map((r) => r.writtenOn)}::date[],
        ${rows.map((r) => r.search)}::text[]
      ) as t(org_id, title, body_html, status, disclosure, category, topic, index_no, published_on, published_at, written_on, search)`
      .execute(db);
    if ((start / batch) % 50 === 0) process.stdout.write(`  ${start + rows.length}/${ITEMS}\r`);
  }
  await sql`analyze info_items`.execute(db);
  console.log(`\n生成数据用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`);

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
  results.push(await runLoad('search, ten common queries (uncached)', uncached(QUERIES.map((q) => `${url}/xxgk/catalog?q=${encodeURIComponent(q)}`)), options));
  printResults(results.filter((r): r is NonNullable<typeof r> => r !== null));
  await server.close();
  await drop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
