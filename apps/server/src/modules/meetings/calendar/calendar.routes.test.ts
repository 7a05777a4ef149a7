import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/harness.ts';
import { buildCalendar, foldIcsLine } from './ics.ts';

let ctx: TestContext;
let member: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  member = await ctx.login('member');
});
afterAll(async () => {
  await ctx.close();
});

const pathOf = (url: string) => new URL(url).pathname;

describe('personal iCalendar feed', () => {
  it('creates a secret address that calendar apps open without signing in', async () => {
    expect((await member.request({ method: 'GET', url: '/api/calendar/feed' })).json()).toEqual({
      active: false,
      createdAt: null,
    });
    const created = await member.request({ method: 'POST', url: '/api/calendar/feed' });
    expect(created.statusCode).toBe(201);
    const url = pathOf(created.json().url);
    expect(url).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const feed = await ctx.app.inject({ method: 'GET', url });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const body = feed.body;
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const events = body.split('BEGIN:VEVENT').length - 1;
    expect(events).toBeGreaterThan(10);
    expect(body).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    expect(body).toMatch(/UID:[0-9a-f-]{36}@qizhi\r\n/);
    expect(body).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
    // The demo's 主题党日 topics begin with the type: the entry says it once.
    const unfolded = body.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:主题党日：');
    expect(unfolded).not.toContain('主题党日：主题党日');
    expect((await member.request({ method: 'GET', url: '/api/calendar/feed' })).json().active).toBe(true);
  });

  it('a new address revokes the old one; revoking ends the feed', async () => {
    const first = pathOf((await member.request({ method: 'POST', url: '/api/calendar/feed' })).json().url);
    const second = pathOf((await member.request({ method: 'POST', url: '/api/calendar/feed' })).json().url);
    expect((await ctx.app.inject({ method: 'GET', url: first })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: second })).statusCode).toBe(200);
    expect((await member.request({ method: 'DELETE', url: '/api/calendar/feed' })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: second })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/calendar/short.ics' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/calendar/feed' })).statusCode).toBe(401);
  });

  it('an account without a person has no feed', async () => {
    const admin = await ctx.login('admin');
    expect((await admin.request({ method: 'POST', url: '/api/calendar/feed' })).statusCode).toBe(404);
  });
});

describe('ics writer', () => {
  it('folds at 75 octets without splitting a character, and escapes text', () => {
    const long = `SUMMARY:${'党'.repeat(40)}`;
    const folded = foldIcsLine(long);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((p, i) => (i === 0 ? p : p.slice(1)))
        .join(''),
    ).toBe(long);
    const cal = buildCalendar('x', [
      {
        uid: 'a@b',
        start: new Date('2026-03-31T17:00:00Z'),
        end: new Date('2026-03-31T19:00:00Z'),
        summary: '主题,党日;一',
        location: 'a\nb',
        description: '',
        url: null,
        cancelled: true,
        sequence: 1,
        lastModified: new Date('2026-03-01T00:00:00Z'),
      },
    ]);
    expect(cal).toContain('DTSTART:20260331T170000Z\r\n');
    expect(cal).toContain('SUMMARY:主题\\,党日\\;一\r\n');
    expect(cal).toContain('LOCATION:a\\nb\r\n');
    expect(cal).toContain('STATUS:CANCELLED\r\n');
  });
});

describe('calendar injection and the feed address (issue 11, item 10)', () => {
  it('a bare CR, LF, NEL, LS, PS, VT or FF in a field never starts a property of its own', () => {
    const breaks = ['\r', '\n', '\r\n', '\u0085', '\u2028', '\u2029', '\v', '\f'];
    const cal = buildCalendar(
      'x\rX-INJECTED:1',
      breaks.map((br, i) => ({
        uid: `u${String(i)}@b`,
        start: new Date('2026-03-31T17:00:00Z'),
        end: new Date('2026-03-31T19:00:00Z'),
        summary: `会议${br}ATTENDEE:mailto:evil@example.com`,
        location: `地点${br}BEGIN:VALARM`,
        description: `说明${br}X-INJECTED:1\u0000`,
        url: null,
        cancelled: false,
        sequence: 1,
        lastModified: new Date('2026-03-01T00:00:00Z'),
      })),
    );
    // Every content line ends in CRLF and nothing else breaks one: a calendar app splits on any of these.
    const lines = cal.split(/\r\n|[\r\n\v\f\u0085\u2028\u2029]/);
    expect(lines.filter((l) => /^(ATTENDEE|BEGIN:VALARM|X-INJECTED)/.test(l))).toEqual([]);
    // eslint-disable-next-line no-control-regex -- the NUL must not survive
    expect(cal.split('\r\n').join('')).not.toMatch(/[\r\n\v\f\u0085\u2028\u2029\u0000]/);
    expect(cal.replace(/\r\n /g, '')).toContain('SUMMARY:会议\\nATTENDEE:mailto:evil@example.com\r\n');
    for (const line of cal.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('the feed address and its links come from QIZHI_PUBLIC_URL, never from the Host header', async () => {
    const forged = { host: 'evil.example.com', 'x-forwarded-host': 'evil.example.com' };
    const created = await member.request({ method: 'POST', url: '/api/calendar/feed', headers: forged });
    expect(created.statusCode).toBe(201);
    expect(created.json().url).not.toContain('evil');
    expect(created.json().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\//);
    const feed = await ctx.app.inject({ method: 'GET', url: pathOf(created.json().url), headers: forged });
    expect(feed.body).not.toContain('evil');

    const withUrl = await createTestContext({ QIZHI_PUBLIC_URL: 'https://dangjian.court.example/' });
    try {
      const m = await withUrl.login('member');
      const res = await m.request({ method: 'POST', url: '/api/calendar/feed', headers: forged });
      expect(res.json().url).toMatch(/^https:\/\/dangjian\.court\.example\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
      const body = (await withUrl.app.inject({ method: 'GET', url: pathOf(res.json().url), headers: forged })).body;
      expect(body.replace(/\r\n /g, '')).toContain('URL:https://dangjian.court.example/meetings/');
      expect(body).not.toContain('evil');
    } finally {
      await withUrl.close();
    }
  });
});
