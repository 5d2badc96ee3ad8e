import pg from 'pg';
import { GOV_TERMS } from '../src/domain/search/gov-dictionary.js';
import { pinyinOf } from '../src/domain/search/pinyin.js';
import { DEFAULT_SYNONYM_GROUPS } from '../src/domain/search/thesaurus.js';
import { buildThesaurus, queryTerms, compileTerms } from '../src/domain/search/query.js';
import { DICTIONARY_TERMS } from '../src/domain/search/segment.js';
function pick<T>(list: readonly T[], i: number): T { return list[i % list.length]; }
function rng(seed: number) { let x = seed >>> 0 || 1; return () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32; }
const TERMS = GOV_TERMS.filter((t) => t.length >= 2);
function realQueries(): string[] {
  const r = rng(42); const out = new Set<string>(); const synonyms = DEFAULT_SYNONYM_GROUPS.flat();
  for (const t of TERMS) out.add(t); for (const t of synonyms) out.add(t);
  ['税', '房', '粮', '矿', '桥', '医', '学', '林', '水', '电'].forEach((c) => out.add(c));
  for (const t of TERMS.slice(0, 150)) out.add(pinyinOf(t).full);
  for (const t of TERMS.slice(150, 250)) out.add(pinyinOf(t).initials);
  const verbs = ['怎么申请', '如何办理', '标准', '条件', '流程', '2025年', '补贴', '政策'];
  while (out.size < 1200) { const a = pick(TERMS, Math.floor(r() * TERMS.length)); out.add(r() < 0.5 ? `${a} ${pick(verbs, Math.floor(r() * verbs.length))}` : `${a} ${pick(TERMS, Math.floor(r() * TERMS.length))}`); }
  return [...out];
}
const th = buildThesaurus(DEFAULT_SYNONYM_GROUPS, DICTIONARY_TERMS, pinyinOf);
const c = new pg.Client({ connectionString: process.env.DB });
await c.connect();
const qs = realQueries();
console.log('TERMS', TERMS.length, 'queries', qs.length);
const counts: number[] = [];
const sample = qs.filter((_, i) => i % 12 === 0);
for (const q of sample) {
  const ts = compileTerms(queryTerms(q, th));
  if (!ts) { counts.push(-1); continue; }
  const t0 = performance.now();
  const n = Number((await c.query(`select count(*) n from search_documents where vector @@ to_tsquery('simple', $1)`, [ts])).rows[0].n);
  counts.push(n);
  if (process.env.V) console.log(q, n, (performance.now() - t0).toFixed(0), 'ms', ts.slice(0, 80));
}
const total = Number((await c.query('select count(*) n from search_documents')).rows[0].n);
counts.sort((a, b) => a - b);
const q = (p: number) => counts[Math.floor(p * (counts.length - 1))];
console.log('docs', total, 'sample', counts.length, 'zero', counts.filter((x) => x === 0).length, 'p10', q(0.1), 'p50', q(0.5), 'p90', q(0.9), 'max', q(1));
await c.end();
