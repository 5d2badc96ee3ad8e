#!/usr/bin/env node
/**
 * `npm test`: every test on embedded PostgreSQL (PGlite), then — when
 * DATABASE_URL is set — the database-backed tests again on that PostgreSQL server.
 */
import { spawnSync } from 'node:child_process';

function run(label, env, args) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const extra = process.argv.slice(2);
const results = [];
results.push(['PGlite', run('tests on PGlite (embedded PostgreSQL)', { TEST_DB: 'pglite' }, extra)]);
if (process.env.DATABASE_URL) {
  const dbTests = extra.length ? extra : ['test/api', 'test/postgres'];
  results.push(['PostgreSQL', run(`database tests on PostgreSQL (${new URL(process.env.DATABASE_URL).pathname.slice(1)})`, { TEST_DB: 'postgres' }, dbTests)]);
} else {
  console.log('\nDATABASE_URL is not set: the PostgreSQL pass is skipped (CI sets it).');
}
const failed = results.filter(([, status]) => status !== 0);
console.log(`\n${results.map(([name, s]) => `${name}: ${s === 0 ? 'passed' : 'FAILED'}`).join(', ')}`);
process.exit(failed.length ? 1 : 0);
