/**
 * The public pages of a court kept 30 s in memory — kept only because the benchmark showed the
 * target cannot be met without it (docs/performance.md, "The openness portal"): 50 visitors at once
 * need ≈2,500 answers a second for a p95 under 20 ms, and even the cheapest uncached home page is
 * several queries and a render. Concurrent misses share one computation (the promise is kept). An
 * approval or withdrawal of an item and a change of the pledges clear the court's pages at once;
 * what the sources (meetings, commitments, …) change shows within the 30 s.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 500;
const pages = new Map<string, { at: number; value: Promise<unknown> }>();

export function cachedPage<T>(tenantId: string, key: string, make: () => Promise<T>): Promise<T> {
  const k = `${tenantId}|${key}`;
  const hit = pages.get(k);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  if (pages.size >= MAX_ENTRIES) pages.clear();
  const value = make();
  pages.set(k, { at: Date.now(), value });
  // A failure is not kept: the next request tries again.
  value.catch(() => {
    if (pages.get(k)?.value === value) pages.delete(k);
  });
  return value;
}

export function forgetCourtPages(tenantId: string): void {
  for (const k of pages.keys()) if (k.startsWith(`${tenantId}|`)) pages.delete(k);
}
