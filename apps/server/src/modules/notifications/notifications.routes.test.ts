import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { isNull } from 'drizzle-orm';
import { courtInstant } from '@qizhi/domain';
import { meetingTasks } from '../../db/schema/index.ts';
import { deliverDue, queueReminders } from './index.ts';

const PUBLIC_URL = 'http://192.168.1.20:3000';
const DING_SECRET = 'SECtest-signing-secret';

interface Received {
  path: string;
  query: URLSearchParams;
  body: { msgtype: string; text: { content: string } };
}

/** A robot's webhook on 127.0.0.1: answers as 企业微信/钉钉 do, or fails while `failing` is set. */
function startReceiver() {
  const received: Received[] = [];
  const state = { failing: false };
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (state.failing) {
        res.writeHead(502).end('bad gateway');
        return;
      }
      received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(data) as Received['body'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  return { server, received, state };
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
function startSmtp() {
  const mails: { from: string; to: string[]; raw: string; user: string | undefined }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'notice@court.example' && auth.password === 'smtp-pass')
        callback(null, { user: auth.username });
      else callback(new Error('认证失败'));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  return { server, mails };
}

/** The text of a received mail (nodemailer sends non-ASCII text as base64). */
function mailText(raw: string): string {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  return /Content-Transfer-Encoding: base64/i.test(head) ? Buffer.from(body, 'base64').toString('utf8') : body;
}

const listen = (server: { listen: (port: number, host: string, cb: () => void) => unknown }) =>
  new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

let ctx: TestContext;
let clerk: Session;
let secretary: Session;
let member: Session;
let leader: Session;
const robot = startReceiver();
const smtp = startSmtp();
let robotBase: string;
let smtpPort: number;

beforeAll(async () => {
  await listen(robot.server);
  await listen(smtp.server.server);
  robotBase = `http://127.0.0.1:${String((robot.server.address() as AddressInfo).port)}`;
  smtpPort = (smtp.server.server.address() as AddressInfo).port;
  ctx = await createTestContext({ QIZHI_PUBLIC_URL: `${PUBLIC_URL}/` });
  clerk = await ctx.login('clerk');
  secretary = await ctx.login('secretary');
  member = await ctx.login('member');
  leader = await ctx.login('leader');
});
afterAll(async () => {
  await ctx.close();
  robot.server.close();
  await new Promise<void>((resolve) => smtp.server.close(resolve));
});

async function waitFor<T>(what: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function outbox(query = '') {
  const res = await clerk.request({ method: 'GET', url: `/api/notifications/outbox?pageSize=100${query}` });
  expect(res.statusCode).toBe(200);
  return res.json().items as {
    id: string;
    channel: string;
    source: string;
    title: string;
    status: string;
    attempts: number;
    lastError: string | null;
  }[];
}

async function planAndNotify(topic: string) {
  const units = (await clerk.request({ method: 'GET', url: '/api/org-units' })).json().items;
  const branch = units.find((u: { kind: string }) => u.kind === 'branch');
  const created = await secretary.request({
    method: 'POST',
    url: '/api/meetings',
    payload: {
      type: 'branch_general',
      orgUnitId: branch.id,
      topic,
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      place: '党员活动室',
    },
  });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  const notified = await secretary.request({ method: 'POST', url: `/api/meetings/${id}/notify` });
  return { id, notified };
}

describe('notification settings', () => {
  it('are the court’s: refused to members, leaders and a branch’s secretary; secrets never answered', async () => {
    for (const s of [member, leader]) {
      expect((await s.request({ method: 'GET', url: '/api/notifications/settings' })).statusCode).toBe(403);
      expect(
        (await s.request({ method: 'PUT', url: '/api/notifications/settings', payload: { smtpHost: 'x' } })).statusCode,
      ).toBe(403);
    }
    expect((await secretary.request({ method: 'GET', url: '/api/notifications/settings' })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/notifications/outbox' })).statusCode).toBe(401);

    const bad = await clerk.request({
      method: 'PUT',
      url: '/api/notifications/settings',
      payload: { wecomWebhook: 'ftp://x', smtpTo: ['not-an-address'], smtpPort: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['wecomWebhook', 'smtpTo.0', 'smtpPort']),
    );
    expect(
      (await clerk.request({ method: 'PUT', url: '/api/notifications/settings', payload: { color: 'red' } }))
        .statusCode,
    ).toBe(400);

    const saved = await clerk.request({
      method: 'PUT',
      url: '/api/notifications/settings',
      payload: {
        wecomWebhook: `${robotBase}/cgi-bin/webhook/send?key=wecom-key-1234`,
        dingtalkWebhook: `${robotBase}/robot/send?access_token=ding-token-5678`,
        dingtalkSecret: DING_SECRET,
        smtpHost: '127.0.0.1',
        smtpPort,
        smtpUser: 'notice@court.example',
        smtpPassword: 'smtp-pass',
        smtpFrom: 'notice@court.example',
        smtpTo: ['party@court.example', 'clerk@court.example'],
      },
    });
    expect(saved.statusCode).toBe(200);
    const body = saved.body;
    for (const secret of ['wecom-key-1234', 'ding-token-5678', DING_SECRET, 'smtp-pass'])
      expect(body).not.toContain(secret);
    expect(saved.json()).toMatchObject({
      wecomWebhook: `${robotBase}/cgi-bin/webhook/send?key=****1234`,
      dingtalkSecretSet: true,
      smtpPasswordSet: true,
      smtpTo: ['party@court.example', 'clerk@court.example'],
      publicUrl: PUBLIC_URL,
    });
    // The masked address sent back is not a change; the key stays what it was.
    await clerk.request({
      method: 'PUT',
      url: '/api/notifications/settings',
      payload: { wecomWebhook: saved.json().wecomWebhook },
    });
    const auditor = await ctx.login('auditor');
    const audit = (await auditor.request({ method: 'GET', url: '/api/audit?action=notification' })).json();
    expect(audit.items.length).toBe(1);
    expect(JSON.stringify(audit.items)).not.toContain('smtp-pass');
  });
});

describe('sending', () => {
  it('a meeting notice reaches both robots (DingTalk signed) and the mailbox, with the link on the public address', async () => {
    const { id, notified } = await planAndNotify('学习贯彻全会精神');
    expect(notified.statusCode).toBe(200);
    const link = `${PUBLIC_URL}/meetings/${id}`;
    const wecom = await waitFor(() => robot.received.find((r) => r.path === '/cgi-bin/webhook/send'));
    expect(wecom.query.get('key')).toBe('wecom-key-1234');
    expect(wecom.body.msgtype).toBe('text');
    expect(wecom.body.text.content).toContain('会议通知：支部党员大会「学习贯彻全会精神」');
    expect(wecom.body.text.content).toContain(link);
    expect(wecom.body.text.content.length).toBeLessThan(200);

    const ding = await waitFor(() => robot.received.find((r) => r.path === '/robot/send'));
    const timestamp = ding.query.get('timestamp')!;
    expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60_000);
    const expected = createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64');
    expect(ding.query.get('sign')).toBe(expected);
    expect(ding.query.get('access_token')).toBe('ding-token-5678');
    expect(ding.body.text.content).toContain(link);

    const mail = await waitFor(() => smtp.mails[0]);
    expect(mail.user).toBe('notice@court.example');
    expect(mail.from).toBe('notice@court.example');
    expect(mail.to).toEqual(['party@court.example', 'clerk@court.example']);
    expect(mailText(mail.raw)).toContain(link);
    expect(mailText(mail.raw)).toContain('党员活动室');
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);

    const sent = await waitFor(async () => {
      const rows = (await outbox()).filter((r) => r.source === 'meeting.notice');
      return rows.length === 3 && rows.every((r) => r.status === 'sent') ? rows : undefined;
    });
    expect(sent.map((r) => r.channel).sort()).toEqual(['dingtalk', 'email', 'wecom']);
  });

  it('the notice succeeds while the robot is down; the message is retried with back-off and then given up', async () => {
    robot.state.failing = true;
    const before = robot.received.length;
    const { notified } = await planAndNotify('机器人故障时的会议');
    expect(notified.statusCode).toBe(200);
    expect(notified.json().status).toBe('notified');
    const failedOnce = await waitFor(async () => {
      const rows = (await outbox()).filter((r) => r.title.includes('机器人故障时的会议') && r.channel === 'wecom');
      return rows[0]?.attempts === 1 ? rows[0] : undefined;
    });
    expect(failedOnce.status).toBe('pending');
    expect(failedOnce.lastError).toContain('HTTP 502');
    // Not again before its time.
    expect(await deliverDue(ctx.database.db, { now: new Date() })).toBe(0);
    // Back up: the next attempt, a minute later, goes through.
    robot.state.failing = false;
    await deliverDue(ctx.database.db, { now: new Date(Date.now() + 61_000), publicUrl: PUBLIC_URL });
    const retried = (await outbox()).find((r) => r.id === failedOnce.id)!;
    expect(retried).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(robot.received.length).toBeGreaterThan(before);

    // Down for good: after the last attempt the message is failed, and shown so.
    robot.state.failing = true;
    const { notified: again } = await planAndNotify('一直发不出的会议');
    expect(again.statusCode).toBe(200);
    const pending = await waitFor(async () => {
      const row = (await outbox()).find((r) => r.title.includes('一直发不出的会议') && r.channel === 'dingtalk');
      return row?.attempts === 1 ? row : undefined;
    });
    let clock = Date.now();
    for (const minutes of [1, 5, 15, 60, 240]) {
      clock += minutes * 60_000 + 1_000;
      await deliverDue(ctx.database.db, { now: new Date(clock) });
    }
    const failed = (await outbox('&status=failed')).find((r) => r.id === pending.id)!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 6 });
    robot.state.failing = false;
  });

  it('the notice succeeds when the mail server cannot be reached at all', async () => {
    await clerk.request({ method: 'PUT', url: '/api/notifications/settings', payload: { smtpPort: 1 } });
    const { notified } = await planAndNotify('邮件服务器不可达');
    expect(notified.statusCode).toBe(200);
    const row = await waitFor(async () => {
      const r = (await outbox()).find((x) => x.title.includes('邮件服务器不可达') && x.channel === 'email');
      return r?.attempts === 1 ? r : undefined;
    });
    expect(row.status).toBe('pending');
    expect(row.lastError).toBeTruthy();
    await clerk.request({ method: 'PUT', url: '/api/notifications/settings', payload: { smtpPort } });
  });

  it('by e-mail a notice also reaches the own address of each person it concerns, as Bcc, even without the court list', async () => {
    const memberId = (await member.request({ method: 'GET', url: '/api/members/me' })).json().id as string;
    const bad = await clerk.request({
      method: 'PATCH',
      url: `/api/members/${memberId}`,
      payload: { email: 'not-an-address' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({ path: 'email', message: '电子邮箱格式不正确' });
    const set = await clerk.request({
      method: 'PATCH',
      url: `/api/members/${memberId}`,
      payload: { email: 'Member@Court.Example' },
    });
    expect(set.json().email).toBe('Member@Court.Example');
    await clerk.request({ method: 'PUT', url: '/api/notifications/settings', payload: { smtpTo: [] } });
    const { notified } = await planAndNotify('发到本人邮箱');
    expect(notified.statusCode).toBe(200);
    const mail = await waitFor(() => smtp.mails.find((m) => m.to.includes('member@court.example')));
    // The court's sender stands in the To line; the person's address is in the envelope only (Bcc).
    expect(mail.to).toEqual(['notice@court.example', 'member@court.example']);
    expect(mail.raw.toLowerCase()).not.toContain('member@court.example');
    expect(mailText(mail.raw)).toContain(`${PUBLIC_URL}/meetings/`);
    await clerk.request({
      method: 'PUT',
      url: '/api/notifications/settings',
      payload: { smtpTo: ['party@court.example', 'clerk@court.example'] },
    });
  });

  it('a test message goes out on the chosen channel; an unset channel is refused', async () => {
    const res = await clerk.request({ method: 'POST', url: '/api/notifications/test', payload: { channel: 'email' } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ queued: 1 });
    await waitFor(() => smtp.mails.find((m) => mailText(m.raw).includes('测试消息')));
    await clerk.request({ method: 'PUT', url: '/api/notifications/settings', payload: { wecomWebhook: null } });
    const refused = await clerk.request({
      method: 'POST',
      url: '/api/notifications/test',
      payload: { channel: 'wecom' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({
      path: 'channel',
      message: '尚未设置企业微信群机器人',
    });
    expect(
      (await member.request({ method: 'POST', url: '/api/notifications/test', payload: { channel: 'email' } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('reminders', () => {
  it('a meeting within a day and a task due tomorrow are queued once each, on every channel set up', async () => {
    await planAndNotify('会前提醒的会议');
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    await queueReminders(ctx.database.db, inTwoDays);
    const reminders = (await outbox()).filter(
      (r) => r.source === 'meeting.reminder' && r.title.includes('会前提醒的会议'),
    );
    expect(reminders.map((r) => r.channel).sort()).toEqual(['dingtalk', 'email']);
    expect(await queueReminders(ctx.database.db, inTwoDays)).toBe(0);

    const [task] = await ctx.database.db.select().from(meetingTasks).where(isNull(meetingTasks.doneAt)).limit(1);
    expect(task).toBeDefined();
    const dayBefore = new Date(courtInstant(task!.dueOn).getTime() - 12 * 3_600_000);
    expect(await queueReminders(ctx.database.db, dayBefore)).toBeGreaterThanOrEqual(2);
    const due = (await outbox()).filter((r) => r.source === 'task.due' && r.title.includes(task!.title));
    expect(due.length).toBe(2);
    expect(due[0]!.title).toContain('落实事项即将到期');
  });
});
