import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Change, ChangeFeed } from '../../platform/change-feed.ts';
import type { Database } from '../../platform/db.ts';
import { forgetRoster, orderedIds } from './roster-cache.ts';

/** A database whose only part used here is its change feed, driven by the test. */
function fakeDatabase() {
  const listeners = new Set<(change: Change) => void>();
  const feed = {
    live: true,
    subscribe: (listener: (change: Change) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: async () => {},
  };
  return {
    database: { changes: feed as ChangeFeed } as unknown as Database,
    feed,
    announce: (change: Change) => listeners.forEach((listener) => listener(change)),
  };
}

/** A computation that counts its calls and returns a new list each time. */
function counter() {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    compute: () => Promise.resolve([`id-${String(++calls)}`]),
  };
}

describe('orderedIds', () => {
  it('keeps an ordering per court and key until the court is forgotten', async () => {
    const { database } = fakeDatabase();
    const tenant = randomUUID();
    const c = counter();
    expect(await orderedIds(database, tenant, 'k', c.compute)).toEqual(['id-1']);
    expect(await orderedIds(database, tenant, 'k', c.compute)).toEqual(['id-1']);
    expect(await orderedIds(database, tenant, 'other', c.compute)).toEqual(['id-2']);
    expect(await orderedIds(database, randomUUID(), 'k', c.compute)).toEqual(['id-3']);
    forgetRoster(tenant);
    expect(await orderedIds(database, tenant, 'k', c.compute)).toEqual(['id-4']);
    expect(c.calls).toBe(4);
  });

  it('forgets a court when the database announces a change to its people, and everything on reset', async () => {
    const { database, announce } = fakeDatabase();
    const [tenant, other] = [randomUUID(), randomUUID()];
    const c = counter();
    await orderedIds(database, tenant, 'k', c.compute);
    await orderedIds(database, other, 'k', c.compute);
    announce({ table: 'meetings', tenantId: tenant });
    await orderedIds(database, tenant, 'k', c.compute);
    expect(c.calls).toBe(2);
    announce({ table: 'people', tenantId: tenant });
    await orderedIds(database, tenant, 'k', c.compute);
    await orderedIds(database, other, 'k', c.compute);
    expect(c.calls).toBe(3);
    announce('reset');
    await orderedIds(database, tenant, 'k', c.compute);
    await orderedIds(database, other, 'k', c.compute);
    expect(c.calls).toBe(5);
  });

  it('does not keep an ordering read while its court changed', async () => {
    const { database } = fakeDatabase();
    const tenant = randomUUID();
    let calls = 0;
    const changingMeanwhile = async () => {
      calls++;
      if (calls === 1) forgetRoster(tenant);
      return [`id-${String(calls)}`];
    };
    expect(await orderedIds(database, tenant, 'k', changingMeanwhile)).toEqual(['id-1']);
    expect(await orderedIds(database, tenant, 'k', changingMeanwhile)).toEqual(['id-2']);
    expect(await orderedIds(database, tenant, 'k', changingMeanwhile)).toEqual(['id-2']);
    expect(calls).toBe(2);
  });

  it('serves nothing from memory while announcements could be missed', async () => {
    const { database, feed } = fakeDatabase();
    const tenant = randomUUID();
    const c = counter();
    await orderedIds(database, tenant, 'k', c.compute);
    feed.live = false;
    expect(await orderedIds(database, tenant, 'k', c.compute)).toEqual(['id-2']);
    expect(await orderedIds(database, tenant, 'k', c.compute)).toEqual(['id-3']);
    feed.live = true;
    expect(await orderedIds(database, tenant, 'k', c.compute)).toEqual(['id-4']);
    expect(await orderedIds(database, tenant, 'k', c.compute)).toEqual(['id-4']);
  });

  it('answers clients asking at once with one computation, and a failure with none kept', async () => {
    const { database } = fakeDatabase();
    const tenant = randomUUID();
    let release: (ids: string[]) => void = () => {};
    let calls = 0;
    const slow = () => {
      calls++;
      return new Promise<string[]>((resolve) => (release = resolve));
    };
    const asked = Array.from({ length: 10 }, () => orderedIds(database, tenant, 'k', slow));
    release(['a', 'b']);
    expect(await Promise.all(asked)).toEqual(Array.from({ length: 10 }, () => ['a', 'b']));
    expect(calls).toBe(1);

    const failing = () => Promise.reject(new Error('database gone'));
    await expect(orderedIds(database, tenant, 'broken', failing)).rejects.toThrow('database gone');
    const c = counter();
    expect(await orderedIds(database, tenant, 'broken', c.compute)).toEqual(['id-1']);
  });

  it('keeps each database apart: the same court id in two databases is two courts', async () => {
    const first = fakeDatabase();
    const second = fakeDatabase();
    const tenant = randomUUID();
    expect(await orderedIds(first.database, tenant, 'k', () => Promise.resolve(['first']))).toEqual(['first']);
    expect(await orderedIds(second.database, tenant, 'k', () => Promise.resolve(['second']))).toEqual(['second']);
  });
});
