/** The few API calls the benches make outside the load loop, checked against the API's own schemas. */
import { ImportResult, MemberPage, SignedIn } from '@qizhi/domain';
import { signInByFetch } from './two-factor.ts';

export interface Session {
  /** The `Cookie` header value. */
  cookie: string;
  csrfToken: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function failure(res: Response, what: string): Promise<Error> {
  return new Error(`${what}: HTTP ${String(res.status)} ${(await res.text()).slice(0, 500)}`);
}

export async function login(baseUrl: string, username: string, password: string): Promise<Session> {
  // With the second factor when the account has or needs one (双因素登录, two-factor.ts).
  const res = await signInByFetch(baseUrl, username, password);
  if (res.status !== 200) throw await failure(res, `login as ${username}`);
  const body = SignedIn.parse(await res.json());
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('qizhi_session='));
  if (!cookie) throw new Error('login answered without a qizhi_session cookie');
  return { cookie, csrfToken: body.csrfToken };
}

export async function getMemberPage(baseUrl: string, session: Session, query: string): Promise<MemberPage> {
  const res = await fetch(`${baseUrl}/api/members?${query}`, { headers: { cookie: session.cookie } });
  if (res.status !== 200) throw await failure(res, `GET /api/members?${query}`);
  return MemberPage.parse(await res.json());
}

export interface TimedImport {
  ms: number;
  status: number;
  result: ImportResult | undefined;
  error: string | undefined;
}

/** The whole request, upload to parsed answer, timed. */
export async function importRoster(
  baseUrl: string,
  session: Session,
  file: Buffer,
  dryRun: boolean,
): Promise<TimedImport> {
  const form = new FormData();
  form.append('file', new Blob([file], { type: XLSX }), 'roster.xlsx');
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/members/import?dryRun=${String(dryRun)}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: form,
    signal: AbortSignal.timeout(300_000),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) return { ms, status: res.status, result: undefined, error: text.slice(0, 1_000) };
  return { ms, status: res.status, result: ImportResult.parse(JSON.parse(text)), error: undefined };
}
