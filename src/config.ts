/**
 * Configuration from the environment, validated once at start-up.
 * Every variable is documented in README.md.
 */
import net from 'node:net';
import { z } from 'zod';

const PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (PROXY_PRESETS.has(entry)) return true;
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/**
 * Which peers may tell the client's address in X-Forwarded-For. Trusting every peer would
 * let anyone escape the rate limits with a made-up header, so by default only a reverse
 * proxy on this machine is believed.
 */
const trustProxySchema = z.string().default('loopback').transform((value, c): boolean | string[] => {
  const v = value.trim();
  if (v === 'true' || v === 'false') return v === 'true';
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (!entries.length || bad.length) {
    c.addIssue({ code: 'custom', message: `应为 true、false，或以逗号分隔的地址/网段（loopback、10.0.0.0/8 …）；无法识别：${bad.join('、') || value}` });
    return z.NEVER;
  }
  return entries;
});

const configSchema = z.object({
  port: z.coerce.number().int().min(1).max(65535).default(3000),
  host: z.string().default('0.0.0.0'),
  dataDir: z.string().min(1).default('./data'),
  databaseUrl: z.string().url().optional(),
  adminPassword: z.string().min(1).optional(),
  /** Key for encrypting personal data at rest (32 bytes, base64 or hex). */
  dataKey: z.string().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set behind HTTPS so session cookies carry the Secure flag. */
  secureCookies: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  sessionIdleMinutes: z.coerce.number().int().min(1).max(24 * 60).default(30),
  publicBaseUrl: z.string().url().default('http://localhost:3000'),
  /** Applications a single address may submit through public forms in 10 minutes. */
  publicFormRateLimit: z.coerce.number().int().min(1).max(100000).default(10),
  seedDemo: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Reverse proxies whose X-Forwarded-For is believed (see trustProxySchema). */
  trustProxy: trustProxySchema,
  /** Server processes on this machine (node:cluster); more than one needs PostgreSQL. */
  workers: z.coerce.number().int().min(1).max(64).default(1),
  /** Outgoing mail (replies to messages), e.g. smtp://user:pass@mail.example.gov.cn:587; unset: no e-mail is sent. */
  smtpUrl: z.string().url().optional(),
  mailFrom: z.string().min(3).default('政务公开平台 <noreply@localhost>'),
  /** SMS gateway driver; `log` writes messages to the log only. */
  smsDriver: z.enum(['log']).default('log'),
}).refine((c) => c.workers === 1 || !!c.databaseUrl, { path: ['workers'], message: 'WEB_CONCURRENCY 大于 1 时须设置 DATABASE_URL（内嵌数据库只能由一个进程打开）' });

export type AppConfig = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse({
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    dataKey: env.DATA_KEY || undefined,
    logLevel: env.LOG_LEVEL,
    secureCookies: env.SECURE_COOKIES,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    seedDemo: env.SEED_DEMO,
    publicFormRateLimit: env.PUBLIC_FORM_RATE_LIMIT,
    workers: env.WEB_CONCURRENCY,
    trustProxy: env.TRUST_PROXY,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    smsDriver: env.SMS_DRIVER || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 (invalid configuration):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Defaults for tests and embedded use. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...configSchema.parse({}), logLevel: 'silent', seedDemo: false, publicFormRateLimit: 1000, ...overrides };
}
