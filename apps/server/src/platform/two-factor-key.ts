import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { ensurePrivateDir } from './paths.ts';

/**
 * The key of 双因素登录, kept outside the database: QIZHI_TWO_FACTOR_KEY (hex), else
 * `<data folder>/keys/two-factor.key` (0600, made on first use). Two keys are derived from it (HKDF):
 * one encrypts TOTP secrets (AES-256-GCM), one keys the recovery-code hashes (HMAC-SHA256). A copy of
 * the database without the key reveals neither a secret nor a recovery code.
 */
export interface TwoFactorKeys {
  encryption: Buffer;
  recovery: Buffer;
}

const cache = new Map<string, TwoFactorKeys>();
const masters = new Map<string, Buffer>();

export function deriveTwoFactorKeys(master: Buffer): TwoFactorKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return { encryption: derive('qizhi totp secret'), recovery: derive('qizhi recovery code') };
}

/**
 * The server key itself (32 bytes): QIZHI_TWO_FACTOR_KEY, else the key file, made on first use. The
 * same key, through other derived keys, encrypts personal numbers at rest (platform/field-crypto.ts),
 * so one file outside the database is all an operator keeps safe and backs up apart from the data.
 */
export function serverMasterKey(config: Pick<Config, 'twoFactorKey' | 'dataDir'>): Buffer {
  const id = config.twoFactorKey ?? config.dataDir;
  const known = masters.get(id);
  if (known) return known;
  let master: Buffer;
  if (config.twoFactorKey) master = Buffer.from(config.twoFactorKey, 'hex');
  else {
    const dir = path.join(config.dataDir, 'keys');
    const file = path.join(dir, 'two-factor.key');
    ensurePrivateDir(dir);
    if (!fs.existsSync(file)) {
      try {
        fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        // Another process made it first: read theirs.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    master = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
  masters.set(id, master);
  return master;
}

export function twoFactorKeys(config: Pick<Config, 'twoFactorKey' | 'dataDir'>): TwoFactorKeys {
  const id = config.twoFactorKey ?? config.dataDir;
  const known = cache.get(id);
  if (known) return known;
  const keys = deriveTwoFactorKeys(serverMasterKey(config));
  cache.set(id, keys);
  return keys;
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to the account it belongs to. */
export function encryptSecret(keys: TwoFactorKeys, userId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptSecret(keys: TwoFactorKeys, userId: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('two-factor secret: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * A recovery code's stored form: HMAC-SHA256 under the server key, not argon2 — a code has about 50
 * random bits, so a slow hash adds nothing against guessing online (the lockout stops that), and the
 * key keeps a stolen table from being searched offline; checking ten codes costs microseconds, not
 * ten argon2 runs at every sign-in.
 */
export function hashRecoveryCode(keys: TwoFactorKeys, userId: string, plain: string): string {
  return createHmac('sha256', keys.recovery).update(`${userId}:${plain}`).digest('hex');
}
