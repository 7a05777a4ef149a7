import { describe, expect, it } from 'vitest';
import { isLoopbackUrl } from './address.rules.ts';

describe('addresses phones cannot reach', () => {
  it('tells the server’s own addresses from LAN ones', () => {
    for (const url of [
      'http://127.0.0.1:3000/m',
      'http://localhost:3000',
      'http://[::1]:3000/',
      'http://0.0.0.0:3000',
    ]) {
      expect(isLoopbackUrl(url), url).toBe(true);
    }
    for (const url of ['http://192.168.1.20:3000/m', 'https://dangjian.court.example', 'not a url']) {
      expect(isLoopbackUrl(url), url).toBe(false);
    }
  });
});
