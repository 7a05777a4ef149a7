/**
 * Issue 11, item 6: a file is downloaded only through the record it is attached to and that record's
 * permission; uploads need `files.upload` and stay within per-person and per-court quotas; a file over
 * the limit is refused with 413 and never stored — chunked uploads included.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type Session, type TestContext } from '../../test/harness.ts';
import { OTHER_COURT } from '../../test/fixtures.ts';

const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const png = (bytes = PNG_HEAD.length) => Buffer.concat([PNG_HEAD, Buffer.alloc(Math.max(0, bytes - PNG_HEAD.length))]);
const MB = 1024 * 1024;

async function upload(s: Session, data = png(), name = '佐证.png') {
  return s.request({ method: 'POST', url: '/api/files', ...multipartFile('file', name, data, 'image/png') });
}

function storedFiles(ctx: TestContext): string[] {
  const root = path.join(ctx.app.deps.config.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}

/** A multipart upload sent with Transfer-Encoding: chunked (no Content-Length) to a real listening server. */
async function chunkedUpload(ctx: TestContext, s: Session, bytes: number): Promise<{ status: number; body: string }> {
  const port = 4400 + Math.floor(Math.random() * 90);
  await ctx.app.listen({ port, host: '127.0.0.1' });
  const { payload, headers } = multipartFile('file', '大文件.png', png(bytes), 'image/png');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/files',
        headers: { ...headers, cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    // No Content-Length: Node sends Transfer-Encoding: chunked.
    for (let at = 0; at < payload.length; at += 64 * 1024) req.write(payload.subarray(at, at + 64 * 1024));
    req.end();
  });
}

describe('downloads through the record a file is attached to', () => {
  let ctx: TestContext;
  let clerk: Session, member: Session, staff: Session, leader: Session, auditor: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    clerk = await ctx.login('clerk');
    member = await ctx.login('member');
    staff = await ctx.login('staff');
    leader = await ctx.login('leader');
    auditor = await ctx.login('auditor');
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('a file attached to nothing is its uploader’s alone; an id seen elsewhere opens nothing', async () => {
    const up = await upload(clerk);
    expect(up.statusCode).toBe(201);
    const id = up.json().id as string;
    expect((await clerk.request({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(200);
    for (const other of [member, staff, leader, auditor]) {
      const res = await other.request({ method: 'GET', url: `/api/files/${id}` });
      expect(res.statusCode, other.username).toBe(404);
    }
    const fs1 = await ctx.login(`${OTHER_COURT.usernamePrefix}clerk`);
    expect((await fs1.request({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(404);
  });

  it('a goal report’s evidence: the reporter, goal readers and reviewers — not a colleague without goals.read', async () => {
    const mine = (await member.request({ method: 'GET', url: '/api/goals/mine' })).json();
    const goal = (mine.items as { id: string; childCount?: number }[])[0];
    expect(goal).toBeDefined();
    const up = await upload(member);
    const fileId = up.json().id as string;
    const report = await member.request({
      method: 'POST',
      url: `/api/goals/${goal!.id}/progress`,
      payload: { value: 1, note: '完成', fileIds: [fileId] },
    });
    expect(report.statusCode, report.body).toBe(201);
    expect((await member.request({ method: 'GET', url: `/api/files/${fileId}` })).statusCode).toBe(200);
    expect((await leader.request({ method: 'GET', url: `/api/files/${fileId}` })).statusCode).toBe(200);
    expect((await staff.request({ method: 'GET', url: `/api/files/${fileId}` })).statusCode).toBe(404);
    expect((await auditor.request({ method: 'GET', url: `/api/files/${fileId}` })).statusCode).toBe(404);

    // Someone else's file cannot be attached to one's own record to read it through that record.
    const clerksFile = (await upload(clerk)).json().id as string;
    const stolen = await member.request({
      method: 'POST',
      url: `/api/goals/${goal!.id}/progress`,
      payload: { value: 1, note: '完成', fileIds: [clerksFile] },
    });
    expect(stolen.statusCode).toBe(400);
    expect((await member.request({ method: 'GET', url: `/api/files/${clerksFile}` })).statusCode).toBe(404);
  });

  it('an honour’s certificate and a rule’s attachment: everyone of the court, as their lists', async () => {
    const cert = (await upload(clerk, png(), '证书.png')).json().id as string;
    const honour = await clerk.request({
      method: 'POST',
      url: '/api/honours',
      payload: {
        kind: 'collective',
        title: '先进基层党组织',
        level: 'county',
        awardedOn: '2026-06-30',
        issuedBy: '县委',
        recipientName: '机关党支部',
        certificateFileId: cert,
      },
    });
    expect(honour.statusCode, honour.body).toBe(201);
    expect((await staff.request({ method: 'GET', url: `/api/files/${cert}` })).statusCode).toBe(200);
    const fsMember = await ctx.login(`${OTHER_COURT.usernamePrefix}member`);
    expect((await fsMember.request({ method: 'GET', url: `/api/files/${cert}` })).statusCode).toBe(404);
    // The clerk may not attach a file the member uploaded.
    const membersFile = (await upload(member)).json().id as string;
    const refused = await clerk.request({
      method: 'POST',
      url: '/api/rules',
      payload: {
        title: '党费收缴制度',
        category: '党费',
        body: '',
        fileId: membersFile,
        adoptedBy: '党总支',
        adoptedOn: '2026-01-05',
        effectiveOn: '2026-01-05',
        status: 'in_force',
      },
    });
    expect(refused.statusCode, refused.body).toBe(400);
  });

  it('a chunked 12 MB upload under the default 10 MB limit: 413, nothing stored', async () => {
    const before = storedFiles(ctx).length;
    const answer = await chunkedUpload(ctx, clerk, 12 * MB);
    expect(answer.status).toBe(413);
    expect(storedFiles(ctx).length).toBe(before);
  });

  it('a 述职述廉 report takes only its author’s own upload; its attachment reaches the author', async () => {
    const clerksFile = (await upload(clerk)).json().id as string;
    const year = new Date().getFullYear() - 1;
    const put = (fileId: string) =>
      member.request({
        method: 'PUT',
        url: '/api/evaluations/duty-reports/mine',
        payload: { year, content: '<p>一年来的工作</p>', fileId },
      });
    expect((await put(clerksFile)).statusCode).toBe(400);
    const own = (await upload(member, png(), '述职报告.png')).json().id as string;
    expect((await put(own)).statusCode).toBe(200);
    expect((await member.request({ method: 'GET', url: `/api/files/${own}` })).statusCode).toBe(200);
    expect((await staff.request({ method: 'GET', url: `/api/files/${own}` })).statusCode).toBe(404);
  });

  it('only roles with files.upload upload: the three administrators are refused', async () => {
    for (const name of ['admin', 'secadmin', 'auditor']) {
      const s = await ctx.login(name);
      const res = await upload(s);
      expect(res.statusCode, name).toBe(403);
    }
  });
});

describe('upload size and quotas', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      QIZHI_UPLOAD_MAX_MB: '2',
      QIZHI_UPLOAD_QUOTA_PERSON_MB: '3',
      QIZHI_UPLOAD_QUOTA_COURT_MB: '4',
    });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('refuses a file over the limit with 413 and stores nothing', async () => {
    const member = await ctx.login('member');
    const before = storedFiles(ctx).length;
    const res = await upload(member, png(2 * MB + 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
    expect(storedFiles(ctx).length).toBe(before);
  });

  it('a person’s uploads stop at the person quota, the court’s at the court quota', async () => {
    const [member, clerk] = [await ctx.login('member'), await ctx.login('clerk')];
    expect((await upload(member, png(1.5 * MB))).statusCode).toBe(201);
    expect((await upload(member, png(1.4 * MB))).statusCode).toBe(201);
    const over = await upload(member, png(0.2 * MB));
    expect(over.statusCode).toBe(413);
    expect(over.json().error.code).toBe('FILE_QUOTA_EXCEEDED');
    expect(over.json().error.message).toContain('个人限额');
    expect((await upload(clerk, png(1 * MB))).statusCode).toBe(201);
    const court = await upload(clerk, png(0.2 * MB));
    expect(court.statusCode).toBe(413);
    expect(court.json().error.message).toContain('本院附件已达总限额');
    // What was refused is not on disk: three files, the three accepted.
    expect(storedFiles(ctx).length).toBe(3);
  });

  it('a chunked 3 MB upload with no Content-Length is refused with 413, never stored cut', async () => {
    const before = storedFiles(ctx).length;
    const answer = await chunkedUpload(ctx, await ctx.login('secretary'), 3 * MB);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('FILE_TOO_LARGE');
    expect(storedFiles(ctx).length).toBe(before);
  });
});
