/**
 * The public pages of a court, kept a short while in memory: the lobby screen and many phones ask for
 * the same page, and a weak server should answer them without a query each. Concurrent misses share
 * one computation (the promise is kept), so fifty visitors arriving together cost one render. An
 * approval or a withdrawal here clears the court's pages at once; what other capabilities publish
 * (commitments, 四议两公开) shows within the time-to-live.
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
