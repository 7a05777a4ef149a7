/**
 * Where to go after signing in (and after changing the initial password): the `next` (or
 * `redirect`) parameter, only when it is a path of this site — a crafted link cannot send a fresh
 * session elsewhere (`//host`, `/\host`, `https:`…), and never back to /login itself.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Control characters and backslashes anywhere can turn a path into another origin in some browsers.
  if ([...next].some((ch) => ch === '\\' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  try {
    const url = new URL(next, 'http://same.origin');
    if (url.origin !== 'http://same.origin') return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

/** The page a signed-out visitor wanted, from the sign-in page's query. */
export function nextFrom(params: URLSearchParams): string {
  return safeNext(params.get('next') ?? params.get('redirect'));
}

/** A path with the page to return to afterwards (left out when that is the home page). */
export function withNext(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}
