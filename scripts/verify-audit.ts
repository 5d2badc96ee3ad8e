/**
 * `npm run audit:verify`: walks the audit trail's hash chain of the configured database
 * (DATA_DIR or DATABASE_URL), holds it against the signed checkpoints (table and
 * DATA_DIR/audit-checkpoints.jsonl) and reports the first broken link, a rewritten history or a
 * cut tail. `npm run audit:verify -- --archive FILE` checks an archive from `npm run audit:export`.
 * Needs the same DATA_KEY as the server (the checkpoints' signatures derive from it).
 * Exit code 0 when the trail holds, 2 when it does not.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createContext } from '../src/http/app.js';
import { verifyAuditArchive, verifyAuditIntegrity } from '../src/modules/audit/audit-integrity.service.js';

const config = loadConfig();
const archive = process.argv.indexOf('--archive');
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const ctx = createContext(config, database.db);
const result = archive > 0
  ? await verifyAuditArchive(ctx, readline.createInterface({ input: fs.createReadStream(process.argv[archive + 1]) }))
  : await verifyAuditIntegrity(ctx);
console.log(result.message);
await database.close();
process.exit(result.ok ? 0 : 2);
