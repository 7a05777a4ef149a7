/**
 * The public pages of a court, kept a short while in memory: the lobby screen and many phones ask for
 * the same page, and a weak server should answer them without a query each. An approval or a
 * withdrawal here clears the court's pages at once; what other capabilities publish (commitments,
 * 四议两公开) shows within the time-to-live.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 500;
const pages = new Map<string, { at: number; value: unknown }>();

export async function cachedPage<T>(tenantId: string, key: string, make: () => Promise<T>): Promise<T> {
  const k = `${tenantId}|${key}`;
  const hit = pages.get(k);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T;
  const value = await make();
  if (pages.size >= MAX_ENTRIES) pages.clear();
  pages.set(k, { at: Date.now(), value });
  return value;
}

export function forgetCourtPages(tenantId: string): void {
  for (const k of pages.keys()) if (k.startsWith(`${tenantId}|`)) pages.delete(k);
}
