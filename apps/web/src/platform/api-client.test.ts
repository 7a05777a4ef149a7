import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, errorMessage } from './api.ts';
import { parsed, STALE_PAGE_MESSAGE } from './api-client.ts';

describe('an answer parsed against its schema', () => {
  const Item = z.object({ id: z.string(), expected: z.number() });

  it('is returned when it matches', async () => {
    await expect(parsed(Item, Promise.resolve({ id: 'a', expected: 3 }))).resolves.toEqual({ id: 'a', expected: 3 });
  });

  it('that does not match (a page older than the server) asks, in Chinese, for a reload', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = await parsed(Item, Promise.resolve({ id: 'a' })).catch((e: unknown) => e);
    quiet.mockRestore();
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('STALE_PAGE');
    expect(errorMessage(failure)).toBe(STALE_PAGE_MESSAGE);
  });
});
