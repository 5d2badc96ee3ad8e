/**
 * Starts the platform: reads configuration, opens the database (PGlite under
 * DATA_DIR, or PostgreSQL at DATABASE_URL), migrates, seeds the demo county into
 * an empty database, and listens.
 */
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { migrateToLatest } from './db/migrate.js';
import { isEmpty, seedDemoCounty } from './db/seed.js';
import { ROLES } from './domain/roles.js';
import { buildApp, createContext } from './http/app.js';
import { seedDemoContent } from './db/demo-content.js';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrateToLatest(database.db);
  const app = await buildApp({ config, db: database.db });
  if (!config.dataKey) app.log.warn('DATA_KEY is not set: personal data is encrypted with a development key. Set DATA_KEY (32 bytes, base64 or hex) in production.');
  if (applied.length) app.log.info({ applied }, 'database migrated');

  if (config.seedDemo && (await isEmpty(database.db))) {
    const accounts = await seedDemoCounty(database.db, { adminPassword: config.adminPassword });
    await seedDemoContent(createContext(config, database.db));
    // Printed once, on the console only (never written to the log files of a later start).
    const lines = accounts.map((a) => `  ${a.roles.map((r) => ROLES[r]).join('、').padEnd(8, '　')} ${a.username.padEnd(12)} ${a.username === 'admin' && config.adminPassword ? '（ADMIN_PASSWORD 中设置的密码）' : a.password}`);
    console.log(`\n已初始化示例县数据。演示账号（仅显示这一次，请妥善保存）：\n${lines.join('\n')}\n`);
  }

  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);

  await app.listen({ port: config.port, host: config.host });
  console.log(`Gongkai 政务公开平台已启动：门户 http://localhost:${config.port}/  控制台 http://localhost:${config.port}/admin/  接口文档 http://localhost:${config.port}/api/docs`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
