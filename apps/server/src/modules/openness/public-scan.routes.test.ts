/**
 * Issue 15: "No response under /public or /api/public ever contains an ID number or a phone number."
 * Visitors, inquirers and an attachment carry numbers; then every public route of the server (the
 * route table, so a new one cannot be missed) is asked for, with every item, poster and attachment
 * the portal lists, in 简体 and 繁體, and no answer may hold a number.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { courtToday } from '@qizhi/domain';
import { createTestContext, multipartFile, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

// Digits inside an id (a UUID's last group) are not numbers a person reads: neighbours [\w-] exclude them.
const ID = /(?<![\w-])\d{17}[\dXx](?![\w-])/;
const MOBILE = /(?<![\w-])1[3-9]\d{9}(?![\w-])/;
const LANDLINE = /(?<![\w-])0\d{2,3}-?\d{7,8}(?![\w-])/;
const PHONE = '13912345678';
const ID_NUMBER = '14102619900307108X';
const court = '?court=anze';
/** What the scan must cover: the portal, its JSON, and the lobby kiosk. */
const PUBLIC_PREFIXES = ['/public', '/api/public', '/kiosk'];

it('scans every public page and answer, after visitors, inquirers and an attachment with numbers were recorded', async () => {
  const clerk = await ctx.login('clerk');
  const secretary = await ctx.login('secretary');
  const depts = (await clerk.request({ method: 'GET', url: '/api/departments' })).json().items;
  const visit = await clerk.request({
    method: 'POST',
    url: '/api/reception/visits',
    payload: {
      receivedOn: courtToday(),
      visitorName: '张建军',
      visitorPhone: PHONE,
      visitorIdNumber: ID_NUMBER,
      matter: '反映执行案件进展缓慢',
      category: 'complaint',
      answer: '已登记，转执行局办理',
      needsHandling: true,
      handlingDepartmentId: depts[0].id,
    },
  });
  expect(visit.statusCode).toBe(201);
  const inquiry = await clerk.request({
    method: 'POST',
    url: '/api/inquiries',
    payload: { topic: '咨询立案材料', askerName: '王秀兰', askerPhone: PHONE, outcome: 'answered' },
  });
  expect(inquiry.statusCode).toBe(201);
  const file = await clerk.request({
    method: 'POST',
    url: '/api/files',
    ...multipartFile('file', `联系人${PHONE}.txt`, Buffer.from(`联系电话 ${PHONE}，身份证 ${ID_NUMBER}`), 'text/plain'),
  });
  expect(file.statusCode).toBe(201);
  const item = await clerk.request({
    method: 'POST',
    url: '/api/openness',
    payload: {
      scope: 'court',
      category: 'other',
      title: '诉讼服务指南',
      body: '详见附件。',
      channels: ['website', 'kiosk'],
      publishFrom: '2026-01-01',
      attachmentFileIds: [file.json().id],
    },
  });
  await clerk.request({ method: 'POST', url: `/api/openness/${item.json().id as string}/submit` });
  await secretary.request({ method: 'POST', url: `/api/openness/${item.json().id as string}/approve` });

  const api = (await ctx.app.inject({ method: 'GET', url: `/api/public/openness${court}` })).json();
  const items = api.items as { url: string; attachments: { url: string }[] }[];
  expect(items.some((i) => i.attachments.length > 0)).toBe(true);
  const pages = [
    `/public${court}`,
    `/public${court}&scope=party`,
    `/public${court}&scope=court`,
    `/public${court}&q=${encodeURIComponent('公开')}`,
    `/public/rota${court}`,
    `/public/pledges${court}`,
    `/kiosk${court}`,
    `/kiosk/content${court}`,
    ...items.flatMap((i) => [`${i.url}${court}`, `${i.url}/poster${court}`]),
  ];
  const urls = [
    ...pages,
    ...pages.map((p) => `${p}&zh=hant`),
    `/public/feed.xml${court}`,
    '/public/portal.css',
    '/kiosk/kiosk.css',
    '/kiosk/kiosk.js',
    '/kiosk-sw.js',
    `/api/public/openness${court}`,
    `/api/public/openness${court}&scope=party`,
    `/api/public/reception-rota${court}`,
    `/api/public/reception-rota${court}&week=2026-W10`,
    `/api/public/commitments${court}`,
    ...items.flatMap((i) => i.attachments.map((a) => `${a.url}${court}`)),
  ];

  // Every public GET route under the portal's prefixes is among the scanned ones.
  const routes = ctx.app.routeTable.filter(
    (r) =>
      r.method === 'GET' &&
      r.access === 'public' &&
      PUBLIC_PREFIXES.some((p) => r.url === p || r.url.startsWith(`${p}/`) || r.url.startsWith(`${p}-`)),
  );
  expect(routes.length).toBeGreaterThan(10);
  for (const r of routes) {
    const pattern = new RegExp(`^${r.url.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/?]+')}(\\?|$)`);
    expect(
      urls.some((u) => pattern.test(u)),
      `${r.url} is not scanned`,
    ).toBe(true);
  }

  for (const url of urls) {
    const res = await ctx.app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    const text = `${res.body}\n${JSON.stringify(res.headers)}`;
    for (const re of [ID, MOBILE, LANDLINE]) expect(re.exec(text)?.[0], `${url} ${String(re)}`).toBeUndefined();
  }
});
