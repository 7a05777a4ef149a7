import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number({ error: 'PORT 应为端口号' }).int().min(1).max(65_535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  QIZHI_DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 应以 postgres:// 或 postgresql:// 开头')
    .optional(),
  QIZHI_MIGRATION_DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'QIZHI_MIGRATION_DATABASE_URL 应以 postgres:// 或 postgresql:// 开头')
    .optional(),
  QIZHI_DEMO_PASSWORD: z.string().min(1).optional(),
  QIZHI_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  QIZHI_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(30),
  QIZHI_SECURE_COOKIE: z
    .enum(['auto', 'true', 'false'], { error: 'QIZHI_SECURE_COOKIE 应为 auto、true 或 false' })
    .default('auto'),
  QIZHI_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'QIZHI_PUBLIC_URL 应为 http(s) 网址，如 http://192.168.1.20:3000' })
    .optional(),
  QIZHI_BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(14),
  QIZHI_PUBLIC_COURT: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, 'QIZHI_PUBLIC_COURT 应为法院代码，如 anze')
    .optional(),
  QIZHI_KIOSK_IDLE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  QIZHI_SECURITY_EVENTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  QIZHI_SECURITY_ALERT_THRESHOLD: z.coerce.number().int().min(0).max(1_000_000).default(50),
  QIZHI_SECURITY_COURT: z.string().trim().min(1).optional(),
  QIZHI_UPLOAD_MAX_MB: z.coerce.number({ error: 'QIZHI_UPLOAD_MAX_MB 应为兆字节数' }).int().min(1).max(100).default(10),
  QIZHI_UPLOAD_QUOTA_PERSON_MB: z.coerce
    .number({ error: 'QIZHI_UPLOAD_QUOTA_PERSON_MB 应为兆字节数' })
    .int()
    .min(1)
    .max(1_000_000)
    .default(200),
  QIZHI_UPLOAD_QUOTA_COURT_MB: z.coerce
    .number({ error: 'QIZHI_UPLOAD_QUOTA_COURT_MB 应为兆字节数' })
    .int()
    .min(1)
    .max(10_000_000)
    .default(5_120),
  QIZHI_TWO_FACTOR_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'QIZHI_TWO_FACTOR_KEY 应为64位十六进制（32字节）')
    .optional(),
  QIZHI_CRYPTO: z.enum(['aes', 'sm'], { error: 'QIZHI_CRYPTO 应为 aes 或 sm（国密 SM4/SM3）' }).default('aes'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * The owner's connection (QIZHI_MIGRATION_DATABASE_URL): migrations and restores run as it, and it
   * grants the role of `databaseUrl` no more than the server needs (platform/app-role.ts).
   */
  migrationDatabaseUrl: string | undefined;
  demoPassword: string | undefined;
  seedDemo: boolean;
  loginRateLimitPerMinute: number;
  /**
   * The session cookie's Secure flag (QIZHI_SECURE_COOKIE): `auto` sets it whenever the request came over
   * TLS — served by us, or by a proxy saying `X-Forwarded-Proto: https`; `true` always; `false` never.
   */
  secureCookie: 'auto' | boolean;
  backupKeep: number;
  /** The court the public portal and kiosk show when a request names none (QIZHI_PUBLIC_COURT). */
  publicCourt: string | undefined;
  /** The lobby kiosk returns to its home screen after this many idle seconds. */
  kioskIdleSeconds: number;
  /** Security events written per court, address and kind a minute; the rest counted (QIZHI_SECURITY_EVENTS_PER_MINUTE). */
  securityEventsPerMinute: number;
  /** Security events of a court in 10 minutes that raise an alert; 0 turns alerts off (QIZHI_SECURITY_ALERT_THRESHOLD). */
  securityAlertThreshold: number;
  /** The court (code) whose auditor sees events without a court; default the first court (QIZHI_SECURITY_COURT). */
  securityCourt: string | undefined;
  /** One uploaded file at most (QIZHI_UPLOAD_MAX_MB), in bytes. */
  uploadMaxBytes: number;
  /** What one person's uploads may add up to (QIZHI_UPLOAD_QUOTA_PERSON_MB), in bytes. */
  uploadQuotaPersonBytes: number;
  /** What one court's uploads may add up to (QIZHI_UPLOAD_QUOTA_COURT_MB), in bytes. */
  uploadQuotaCourtBytes: number;
  /** The address phones and messages use to reach the server (QIZHI_PUBLIC_URL), without a trailing slash. */
  publicUrl: string | undefined;
  /**
   * The key (hex, 32 bytes) that encrypts TOTP secrets and keys recovery-code hashes (QIZHI_TWO_FACTOR_KEY);
   * unset: a key file in the data folder, made on first use (platform/two-factor-key.ts).
   */
  twoFactorKey: string | undefined;
  /** Personal numbers at rest: AES-256-GCM/HMAC-SHA256, or SM4/SM3 (QIZHI_CRYPTO=sm); platform/field-crypto.ts. */
  fieldCrypto?: 'aes' | 'sm';
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

const MB = 1024 * 1024;

export class ConfigError extends Error {}

/** Reads and validates the environment; a bad value stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}: ${i.message}（当前值：${String(env[String(i.path[0])])}）`,
    );
    throw new ConfigError(`配置有误，请检查环境变量：\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.QIZHI_MIGRATION_DATABASE_URL && !e.DATABASE_URL) {
    throw new ConfigError('配置有误：设置了 QIZHI_MIGRATION_DATABASE_URL 但没有设置 DATABASE_URL（应用角色的连接）');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.QIZHI_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.QIZHI_MIGRATION_DATABASE_URL,
    demoPassword: e.QIZHI_DEMO_PASSWORD,
    seedDemo: e.QIZHI_SEED_DEMO === 'true',
    loginRateLimitPerMinute: e.QIZHI_LOGIN_RATE_LIMIT,
    secureCookie: e.QIZHI_SECURE_COOKIE === 'auto' ? 'auto' : e.QIZHI_SECURE_COOKIE === 'true',
    backupKeep: e.QIZHI_BACKUP_KEEP,
    publicCourt: e.QIZHI_PUBLIC_COURT,
    kioskIdleSeconds: e.QIZHI_KIOSK_IDLE_SECONDS,
    securityEventsPerMinute: e.QIZHI_SECURITY_EVENTS_PER_MINUTE,
    securityAlertThreshold: e.QIZHI_SECURITY_ALERT_THRESHOLD,
    securityCourt: e.QIZHI_SECURITY_COURT,
    uploadMaxBytes: e.QIZHI_UPLOAD_MAX_MB * MB,
    uploadQuotaPersonBytes: e.QIZHI_UPLOAD_QUOTA_PERSON_MB * MB,
    uploadQuotaCourtBytes: e.QIZHI_UPLOAD_QUOTA_COURT_MB * MB,
    publicUrl: e.QIZHI_PUBLIC_URL?.replace(/\/+$/, ''),
    twoFactorKey: e.QIZHI_TWO_FACTOR_KEY,
    fieldCrypto: e.QIZHI_CRYPTO,
    logLevel: e.LOG_LEVEL,
  };
}
