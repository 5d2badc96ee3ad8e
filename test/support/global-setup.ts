/**
 * Runs once per test run: builds one migrated, seeded database that every test
 * file starts from — a PGlite dump (loading it costs ~0.3 s, creating ~3 s) or,
 * on PostgreSQL, a template database that each file copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { PG_TEMPLATE_ENV, SNAPSHOT_FILE, TEST_ADMIN_PASSWORD, TEST_DEMO_PASSWORD } from './constants.js';

export function databaseUrlWithName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function buildPglite() {
  const database = await openDatabase({});
  await migrateToLatest(database.db);
  await seedDemoCounty(database.db, { adminPassword: TEST_ADMIN_PASSWORD, demoPassword: TEST_DEMO_PASSWORD });
  const dump = await database.dump!();
  fs.mkdirSync(path.dirname(SNAPSHOT_FILE), { recursive: true });
  fs.writeFileSync(SNAPSHOT_FILE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

async function buildPostgresTemplate(url: string): Promise<() => Promise<void>> {
  const name = `gongkai_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  const database = await openDatabase({ databaseUrl: databaseUrlWithName(url, name), poolSize: 2 });
  await migrateToLatest(database.db);
  await seedDemoCounty(database.db, { adminPassword: TEST_ADMIN_PASSWORD, demoPassword: TEST_DEMO_PASSWORD });
  await database.close();
  process.env[PG_TEMPLATE_ENV] = name;
  return async () => {
    // Drop the template and every per-file copy made from it.
    const copies = await admin.query(`select datname from pg_database where datname like $1`, [`gongkai_t_${process.pid}_%`]);
    for (const row of copies.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  };
}

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  if (process.env.TEST_DB === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('TEST_DB=postgres needs DATABASE_URL');
    const teardown = await buildPostgresTemplate(url);
    provide('pgTemplate', process.env[PG_TEMPLATE_ENV]!);
    return teardown;
  }
  await buildPglite();
  return undefined;
}
