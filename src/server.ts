/**
 * Starts the platform: reads configuration, opens the database (PGlite under
 * DATA_DIR, or PostgreSQL at DATABASE_URL), migrates, seeds the demo county into
 * an empty database, and listens. With WEB_CONCURRENCY > 1 (PostgreSQL only) the
 * primary process prepares the database and starts that many server processes,
 * which share the port (node:cluster); every process, on this machine or another,
 * is told of the others' cache changes through the database (src/lib/peers.ts).
 */
import cluster from 'node:cluster';
import { AppConfig, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { migrateToLatest } from './db/migrate.js';
import { isEmpty, seedDemoCounty } from './db/seed.js';
import { ROLES } from './domain/roles.js';
import { buildApp, createContext } from './http/app.js';
import { seedDemoContent } from './db/demo-content.js';
import { sealLegacyLogins } from './modules/applicants/applicants.service.js';

/** Migrations and, into an empty database, the demo county (accounts printed once). */
async function prepareDatabase(config: AppConfig) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrateToLatest(database.db);
  if (applied.length) console.log(`数据库已迁移：${applied.join('、')}`);
  // Data conversions that need DATA_KEY (migrations do not see it); each does nothing once done.
  const sealed = await sealLegacyLogins(createContext(config, database.db));
  if (sealed) console.log(`已将${sealed}个申请人账户的登录账号改为加密存储。`);
  if (!config.dataKey) console.warn('DATA_KEY is not set: personal data is encrypted with a development key. Set DATA_KEY (32 bytes, base64 or hex) in production.');
  if (config.seedDemo && (await isEmpty(database.db))) {
    const accounts = await seedDemoCounty(database.db, { adminPassword: config.adminPassword });
    await seedDemoContent(createContext(config, database.db));
    // Printed once, on the console only (never written to the log files of a later start).
    const lines = accounts.map((a) => `  ${a.roles.map((r) => ROLES[r]).join('、').padEnd(8, '　')} ${a.username.padEnd(12)} ${a.username === 'admin' && config.adminPassword ? '（ADMIN_PASSWORD 中设置的密码）' : a.password}`);
    console.log(`\n已初始化示例县数据。演示账号（仅显示这一次，请妥善保存）：\n${lines.join('\n')}\n`);
  }
  return database;
}

async function serve(config: AppConfig, database: Awaited<ReturnType<typeof openDatabase>>) {
  const app = await buildApp({ config, db: database.db });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  return app;
}

function announce(config: AppConfig) {
  console.log(`Gongkai 政务公开平台已启动：门户 http://localhost:${config.port}/  控制台 http://localhost:${config.port}/admin/  接口文档 http://localhost:${config.port}/api/docs`);
}

async function startPrimary(config: AppConfig) {
  const database = await prepareDatabase(config);
  await database.close();
  let stopping = false;
  for (let i = 0; i < config.workers; i += 1) cluster.fork();
  let listening = 0;
  cluster.on('listening', () => {
    listening += 1;
    if (listening === config.workers) announce(config);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`服务进程 ${worker.process.pid} 已退出（${signal ?? code}），正在重新启动`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on('exit', () => {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) return startPrimary(config);
  if (cluster.isWorker) {
    await serve(config, await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
    return;
  }
  await serve(config, await prepareDatabase(config));
  announce(config);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
