import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  FieldCryptoError,
  deriveFieldKeys,
  idNumberIndex,
  isSealed,
  isSealedWith,
  open,
  seal,
  type FieldAlgorithm,
} from './field-crypto.ts';

const master = randomBytes(32);
const ID = '11010119900307123X';
const TENANT = '00000000-0000-4000-8000-000000000001';

/** Flips one bit of the sealed bytes (after the prefix), keeping the text decodable. */
function tamper(sealed: string, at: number): string {
  const prefix = sealed.slice(0, 4);
  const raw = Buffer.from(sealed.slice(4), 'base64url');
  raw[at % raw.length]! ^= 0x01;
  return prefix + raw.toString('base64url');
}

describe.each<FieldAlgorithm>(['aes', 'sm'])('sealing with %s', (algorithm) => {
  const keys = deriveFieldKeys(master, algorithm);

  it('round-trips, says its algorithm, and never repeats a ciphertext', () => {
    for (const value of [ID, '13812345678', '张三', '', '1234567']) {
      const sealed = seal(value, 'people.id_number', keys);
      expect(isSealed(sealed)).toBe(true);
      expect(isSealedWith(sealed, algorithm)).toBe(true);
      expect(sealed).not.toContain(value || '\u0000');
      expect(open(sealed, 'people.id_number', keys)).toBe(value);
    }
    expect(seal(ID, 'people.id_number', keys)).not.toBe(seal(ID, 'people.id_number', keys));
  });

  it('refuses a changed ciphertext, another column, and another key', () => {
    const sealed = seal(ID, 'people.id_number', keys);
    const length = Buffer.from(sealed.slice(4), 'base64url').length;
    // Every byte: the IV, the tag or MAC, the body.
    for (let at = 0; at < length; at++) {
      expect(() => open(tamper(sealed, at), 'people.id_number', keys)).toThrow(FieldCryptoError);
    }
    expect(() => open(sealed.slice(0, -4), 'people.id_number', keys)).toThrow(FieldCryptoError);
    expect(() => open(sealed, 'people.phone', keys)).toThrow(FieldCryptoError);
    expect(() => open(sealed, 'people.id_number', deriveFieldKeys(randomBytes(32), algorithm))).toThrow(
      /密钥不符或数据被改动/,
    );
  });

  it('opens what the other setting sealed (a switch of QIZHI_CRYPTO reads old rows)', () => {
    const other = deriveFieldKeys(master, algorithm === 'aes' ? 'sm' : 'aes');
    expect(open(seal('13812345678', 'people.phone', other), 'people.phone', keys)).toBe('13812345678');
  });

  it('keeps a blind index stable, keyed, per court and normalised', () => {
    const index = idNumberIndex(TENANT, ID, keys);
    expect(index).toBe(idNumberIndex(TENANT, ID.toLowerCase(), keys));
    expect(index).toBe(idNumberIndex(TENANT, ` ${ID} `, keys));
    expect(index).not.toContain(ID);
    expect(index).not.toBe(idNumberIndex(TENANT, '110101199003071234', keys));
    expect(index).not.toBe(idNumberIndex('00000000-0000-4000-8000-000000000002', ID, keys));
    expect(index).not.toBe(idNumberIndex(TENANT, ID, deriveFieldKeys(randomBytes(32), algorithm)));
    expect(index.startsWith(algorithm === 'aes' ? 'a.' : 's.')).toBe(true);
  });
});

it('uses SM4 and SM3 for the national setting: the ciphertext is not the AES one', () => {
  const sm = seal(ID, 'people.id_number', deriveFieldKeys(master, 'sm'));
  expect(sm.startsWith('~s1:')).toBe(true);
  // 16-byte IV + 18 bytes + 32-byte HMAC-SM3; AES-GCM would be 12 + 16 + 18.
  expect(Buffer.from(sm.slice(4), 'base64url')).toHaveLength(16 + 18 + 32);
  expect(idNumberIndex(TENANT, ID, deriveFieldKeys(master, 'sm'))).not.toBe(
    idNumberIndex(TENANT, ID, deriveFieldKeys(master, 'aes')).replace(/^a/, 's'),
  );
});

it('passes a value from before encryption through unchanged (the start seals it)', () => {
  expect(open('13812345678', 'people.phone', deriveFieldKeys(master))).toBe('13812345678');
});
