import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { Database, openDatabase } from '../../src/db/client.js';
import { SNAPSHOT_FILE } from './constants.js';
import { databaseUrlWithName } from './global-setup.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

/** A fresh database for one test file, copied from the run's migrated and seeded snapshot. */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  if (process.env.TEST_DB === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const template = inject('pgTemplate');
    const name = `gongkai_t_${template.split('_').pop()}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const databaseUrl = databaseUrlWithName(url, name);
    return { ...(await openDatabase({ databaseUrl, poolSize: 5 })), url: databaseUrl };
  }
  const dump = new Blob([fs.readFileSync(SNAPSHOT_FILE)]);
  return openDatabase({ loadDump: dump });
}

/** A Kysely plugin counting the statements that pass through it (`db.withPlugin(counter)`). */
export class StatementCounter {
  count = 0;
  transformQuery(args: { node: RootOperationNode }): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: { result: QueryResult<UnknownRow> }): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * An empty, unmigrated database for a migration test: a new PostgreSQL database under TEST_DB=postgres
 * (dropped by `drop`), else an in-memory PGlite.
 */
export async function openEmptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!(process.env.TEST_DB === 'postgres' && process.env.DATABASE_URL)) {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  const url = process.env.DATABASE_URL;
  const name = `gongkai_mig_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: databaseUrlWithName(url, name), poolSize: 2 });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
