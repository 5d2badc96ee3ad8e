/**
 * `npm run audit:verify`: walks the audit trail's hash chain of the configured
 * database (DATA_DIR or DATABASE_URL) and reports the first broken link.
 * Exit code 0 when the chain holds, 2 when it is broken.
 */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const result = await verifyAuditChain(database.db);
console.log(result.message);
await database.close();
process.exit(result.ok ? 0 : 2);
