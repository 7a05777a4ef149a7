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
