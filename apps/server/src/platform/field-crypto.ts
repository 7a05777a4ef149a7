import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type BinaryLike,
} from 'node:crypto';
import { loadConfig, type Config } from './config.ts';
import { serverMasterKey } from './two-factor-key.ts';

/**
 * Personal numbers encrypted at rest (issue 11): ID-card numbers and phones of people, 党费基数, and
 * what a visitor leaves at reception. The key is the server key kept outside the database
 * (QIZHI_TWO_FACTOR_KEY or `<data folder>/keys/two-factor.key`, platform/two-factor-key.ts); the keys
 * used here are derived from it (HKDF), so a copy of the database or a backup alone reveals no number.
 *
 * Two algorithms, chosen by QIZHI_CRYPTO:
 * - `aes` (default): AES-256-GCM, blind index HMAC-SHA256.
 * - `sm` (for deployments that must use the national algorithms, GB/T 32907 and 32905): SM4-CTR with
 *   HMAC-SM3 over the whole ciphertext (encrypt-then-MAC; Node's OpenSSL has no SM4-GCM), blind
 *   index HMAC-SM3, keys derived with HKDF-SM3.
 *
 * Every sealed value names its algorithm (`~a1:` / `~s1:`), so a value written under one setting is
 * still read after a switch; at the next start `prepareFieldEncryption` re-seals everything under the
 * current one. Each value is bound to its column (the GCM AAD, or inside the MAC), so a ciphertext
 * copied into another column does not open.
 *
 * A blind index is a keyed hash of the normalised value and the court: equal numbers in one court
 * give equal indexes (look-ups, the unique ID number), the same number in two courts does not, and
 * without the key nothing can be confirmed by guessing (an ID number has few enough possibilities that
 * an unkeyed hash would be reversed by brute force in minutes).
 */
export type FieldAlgorithm = 'aes' | 'sm';

export interface FieldKeys {
  algorithm: FieldAlgorithm;
  /** A short public fingerprint of the master key (the database keeps it to tell a wrong key). */
  check: string;
  aes: Buffer;
  sm4: Buffer;
  smMac: Buffer;
  indexSha: Buffer;
  indexSm3: Buffer;
}

const PREFIX: Record<FieldAlgorithm, string> = { aes: '~a1:', sm: '~s1:' };
const INDEX_PREFIX: Record<FieldAlgorithm, string> = { aes: 'a.', sm: 's.' };

export function deriveFieldKeys(master: Buffer, algorithm: FieldAlgorithm = 'aes'): FieldKeys {
  const sha = (info: string, length = 32) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, length));
  const sm3 = (info: string, length = 32) => Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), info, length));
  return {
    algorithm,
    check: createHmac('sha256', sha('qizhi field key check')).update('qizhi').digest('base64url').slice(0, 22),
    aes: sha('qizhi field aes-256-gcm'),
    sm4: sm3('qizhi field sm4', 16),
    smMac: sm3('qizhi field hmac-sm3'),
    indexSha: sha('qizhi blind index sha256'),
    indexSm3: sm3('qizhi blind index sm3'),
  };
}

/** The field keys of a configuration: the server key (env or key file) and QIZHI_CRYPTO. */
export function fieldKeys(
  config: Pick<Config, 'twoFactorKey' | 'dataDir'> & { fieldCrypto?: FieldAlgorithm },
): FieldKeys {
  return deriveFieldKeys(serverMasterKey(config), config.fieldCrypto ?? 'aes');
}

let active: FieldKeys | undefined;

/**
 * The keys the database columns seal and open with (db/schema/sealed.ts): set when the server, the
 * CLI or a test builds its app; a script that writes without one takes the environment's.
 */
export function useFieldKeys(keys: FieldKeys): void {
  active = keys;
}

export function activeFieldKeys(): FieldKeys {
  active ??= fieldKeys(loadConfig());
  return active;
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX.aes) || value.startsWith(PREFIX.sm);
}

export function isSealedWith(value: string, algorithm: FieldAlgorithm): boolean {
  return value.startsWith(PREFIX[algorithm]);
}

export class FieldCryptoError extends Error {}

function smMac(keys: FieldKeys, context: string, iv: Buffer, body: Buffer): Buffer {
  const mac = createHmac('sm3', keys.smMac);
  for (const part of [PREFIX.sm, context, '\u0000'] as BinaryLike[]) mac.update(part);
  return mac.update(iv).update(body).digest();
}

/** Encrypts one value for the column `context` (e.g. `people.id_number`). */
export function seal(value: string, context: string, keys: FieldKeys = activeFieldKeys()): string {
  if (keys.algorithm === 'sm') {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-ctr', keys.sm4, iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return PREFIX.sm + Buffer.concat([iv, body, smMac(keys, context, iv, body)]).toString('base64url');
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.aes, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return PREFIX.aes + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/**
 * Decrypts a sealed value under whichever algorithm sealed it; refuses a changed value or a wrong key
 * (FieldCryptoError). A value that is not sealed is returned as it is: only rows written before
 * migration 0029 are, and the start converts them before the server answers anyone.
 */
export function open(value: string, context: string, keys: FieldKeys = activeFieldKeys()): string {
  if (value.startsWith(PREFIX.aes)) {
    const raw = Buffer.from(value.slice(PREFIX.aes.length), 'base64url');
    if (raw.length < 28) throw new FieldCryptoError(`${context}: 密文不完整`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', keys.aes, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldCryptoError(`${context}: 无法解密（密钥不符或数据被改动）`);
    }
  }
  if (value.startsWith(PREFIX.sm)) {
    const raw = Buffer.from(value.slice(PREFIX.sm.length), 'base64url');
    if (raw.length < 48) throw new FieldCryptoError(`${context}: 密文不完整`);
    const iv = raw.subarray(0, 16);
    const body = raw.subarray(16, raw.length - 32);
    const tag = raw.subarray(raw.length - 32);
    if (!timingSafeEqual(tag, smMac(keys, context, iv, body))) {
      throw new FieldCryptoError(`${context}: 无法解密（密钥不符或数据被改动）`);
    }
    const decipher = createDecipheriv('sm4-ctr', keys.sm4, iv);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
  return value;
}

export function sealNullable(value: string | null | undefined, context: string, keys?: FieldKeys): string | null {
  return value === null || value === undefined ? null : seal(value, context, keys);
}

export function openNullable(value: string | null | undefined, context: string, keys?: FieldKeys): string | null {
  return value === null || value === undefined ? null : open(value, context, keys);
}

/** An ID-card number as it is compared: no spaces, the check character X in capitals. */
export function normaliseIdNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The blind index of an ID number within a court (people.id_number_bidx). */
export function idNumberIndex(tenantId: string, idNumber: string, keys: FieldKeys = activeFieldKeys()): string {
  const algorithm = keys.algorithm;
  const mac = algorithm === 'sm' ? createHmac('sm3', keys.indexSm3) : createHmac('sha256', keys.indexSha);
  return INDEX_PREFIX[algorithm] + mac.update(`${tenantId}\u0000${normaliseIdNumber(idNumber)}`).digest('base64url');
}

export function idNumberIndexNullable(
  tenantId: string,
  idNumber: string | null | undefined,
  keys?: FieldKeys,
): string | null {
  return idNumber ? idNumberIndex(tenantId, idNumber, keys) : null;
}
