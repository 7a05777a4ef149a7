import type { Database } from '../../platform/db.ts';

/**
 * The ordered ids a roster filter matches, kept in memory so that paging through a list, and the
 * total above it, cost a lookup by primary key instead of a walk over every earlier match.
 *
 * An ordering is served only while nothing it depends on can have changed: every write to people
 * in this process forgets its court at once (forgetRoster), and the database announces every
 * committed change, whichever process made it (migration 0006, platform/change-feed.ts). While
 * announcements could be missed (the listening connection is down) nothing is served from memory.
 * An ordering computed while its court changed is not kept. Rows themselves are always read fresh.
 */
const KEEP_MS = 30_000;
/** A list longer than this is not kept (a court has thousands of people, not hundreds of thousands). */
const MAX_IDS_PER_LIST = 50_000;
/** About 11 MB of ids across all lists; the least recently used go first. */
const MAX_IDS_KEPT = 200_000;

const versions = new Map<string, number>();
let epoch = 0;

function versionOf(tenantId: string): string {
  return `${String(epoch)}.${String(versions.get(tenantId) ?? 0)}`;
}

/** Forgets every ordering of the court, in every database of this process. */
export function forgetRoster(tenantId: string): void {
  versions.set(tenantId, (versions.get(tenantId) ?? 0) + 1);
}

interface Kept {
  ids: string[];
  version: string;
  at: number;
}

interface RosterCache {
  kept: Map<string, Kept>;
  idsKept: number;
  /** Orderings being computed, so that ten clients asking at once cause one query. */
  pending: Map<string, { version: string; ids: Promise<string[]> }>;
}

const caches = new WeakMap<Database, RosterCache>();

function cacheOf(database: Database): RosterCache {
  let cache = caches.get(database);
  if (!cache) {
    const created: RosterCache = { kept: new Map(), idsKept: 0, pending: new Map() };
    database.changes.subscribe((change) => {
      if (change === 'reset') epoch++;
      else if (change.table === 'people') forgetRoster(change.tenantId);
    });
    caches.set(database, created);
    cache = created;
  }
  return cache;
}

function drop(cache: RosterCache, key: string): void {
  const kept = cache.kept.get(key);
  if (!kept) return;
  cache.kept.delete(key);
  cache.idsKept -= kept.ids.length;
}

function keep(cache: RosterCache, key: string, entry: Kept): void {
  drop(cache, key);
  cache.kept.set(key, entry);
  cache.idsKept += entry.ids.length;
  for (const oldest of cache.kept.keys()) {
    if (cache.idsKept <= MAX_IDS_KEPT) break;
    drop(cache, oldest);
  }
}

/** The ordering under `key` (which must name the court, filter and order), computed if not kept. */
export async function orderedIds(
  database: Database,
  tenantId: string,
  key: string,
  compute: () => Promise<string[]>,
): Promise<string[]> {
  const cache = cacheOf(database);
  const fullKey = `${tenantId}|${key}`;
  const version = versionOf(tenantId);
  const live = database.changes.live;
  const kept = cache.kept.get(fullKey);
  if (kept && live && kept.version === version && Date.now() - kept.at < KEEP_MS) {
    // Most recently used last, so eviction takes the least recently used.
    cache.kept.delete(fullKey);
    cache.kept.set(fullKey, kept);
    return kept.ids;
  }
  if (kept) drop(cache, fullKey);
  if (!live) return compute();

  const running = cache.pending.get(fullKey);
  if (running && running.version === version) return running.ids;
  const ids = compute();
  cache.pending.set(fullKey, { version, ids });
  try {
    const result = await ids;
    if (database.changes.live && versionOf(tenantId) === version && result.length <= MAX_IDS_PER_LIST) {
      keep(cache, fullKey, { ids: result, version, at: Date.now() });
    }
    return result;
  } finally {
    if (cache.pending.get(fullKey)?.ids === ids) cache.pending.delete(fullKey);
  }
}
