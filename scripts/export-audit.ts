/**
 * `npm run audit:export -- FILE`: writes the audit trail (every entry, then every signed
 * checkpoint) of the configured database as JSON Lines, to keep with each backup. Without FILE
 * it writes to standard output. Check it with `npm run audit:verify -- --archive FILE`.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createContext } from '../src/http/app.js';
import { auditArchive } from '../src/modules/audit/audit-integrity.service.js';

const config = loadConfig();
const file = process.argv[2];
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await pipeline(Readable.from(auditArchive(createContext(config, database.db))), file ? fs.createWriteStream(file) : process.stdout);
await database.close();
if (file) console.error(`审计日志已导出到 ${file}`);
