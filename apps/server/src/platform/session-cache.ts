/**
 * Sessions read in the last few seconds, so a page that fires several requests does not look its
 * session up each time. Everything that ends or changes sessions in this process forgets them at
 * once; another server process behind the same proxy sees such a change within TTL_MS.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: T;
  userId: string;
  expiresAt: number;
}

const entries = new Map<string, Entry<unknown>>();

export function rememberSession<T>(tokenHash: string, userId: string, value: T): void {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(tokenHash, { value, userId, expiresAt: Date.now() + TTL_MS });
}

export function recallSession<T>(tokenHash: string): T | undefined {
  const entry = entries.get(tokenHash);
  if (!entry) return undefined;
  if (entry.expiresAt < Date.now()) {
    entries.delete(tokenHash);
    return undefined;
  }
  return entry.value as T;
}

export function forgetSession(tokenHash: string): void {
  entries.delete(tokenHash);
}

/** After a user's sessions were deleted, disabled, or their roles or password changed. */
export function forgetSessionsOfUser(userId: string): void {
  for (const [key, entry] of entries) if (entry.userId === userId) entries.delete(key);
}
