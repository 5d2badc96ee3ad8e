/** A throw-away database for a benchmark: a fresh PostgreSQL database when DATABASE_URL is set, else in-memory PGlite. */
import pg from 'pg';
import { Database, openDatabase } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedDemoCounty } from '../../src/db/seed.js';

export async function benchDatabase(label: string): Promise<{ database: Database; url?: string; reused?: boolean; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await migrateToLatest(database.db);
    await seedDemoCounty(database.db, { adminPassword: 'Bench-Passw0rd!', demoPassword: 'Bench-Passw0rd!' });
    return { database, drop: () => database.close() };
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // REUSE=<database> runs the scenarios again on data kept with KEEP=1 (no generation).
  if (process.env.REUSE) {
    const u = new URL(url);
    u.pathname = `/${process.env.REUSE}`;
    const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 20 });
    await migrateToLatest(database.db);
    return { database, url: u.toString(), reused: true, drop: async () => { await database.close(); await admin.end(); } };
  }
  const name = `gongkai_bench_${label}_${process.pid}`;
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 20 });
  await migrateToLatest(database.db);
  await seedDemoCounty(database.db, { adminPassword: 'Bench-Passw0rd!', demoPassword: 'Bench-Passw0rd!' });
  return {
    database,
    url: u.toString(),
    drop: async () => {
      await database.close();
      // KEEP=1 leaves the data for EXPLAIN ANALYZE and tuning.
      if (process.env.KEEP === '1') console.log(`保留数据库 ${name}`);
      else await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
