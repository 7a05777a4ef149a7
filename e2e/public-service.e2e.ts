import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseOption, confirmPopover, DESKTOP, launchBrowser, PHONE, signIn, withPage } from './browser.ts';
import { baseUrl, DEMO_PASSWORD } from './e2e-config.ts';
import { apiSignIn } from './demo-totp.ts';

const STAMP = String(Date.now()).slice(-5);
const TOPIC = `咨询诉讼费退费手续（${STAMP}）`;
const TITLE = `支部党员大会决议公开（${STAMP}）`;

/** A session of the API without a browser: for setting the scene. */
async function apiSession(username: string) {
  // With the second factor for the officers (双因素登录, demo-totp.ts).
  const { response, cookie, csrfToken } = await apiSignIn(username, DEMO_PASSWORD);
  assert.equal(response.status, 200);
  return async <T>(method: string, pathname: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl()}${pathname}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    assert.ok(response.ok, `${method} ${pathname} → ${String(response.status)}`);
    return (await response.json()) as T;
  };
}

void test('首问负责：干事在手机上登记并移交，接收人办结，首问人的列表清空', async (t) => {
  const secretary = await apiSession('secretary');
  const { user } = await secretary<{ user: { displayName: string } }>('GET', '/api/auth/me');

  await withPage(t, PHONE, async (page) => {
    await signIn(page, 'clerk');
    await page.goto(`${baseUrl()}/inquiries`);
    await page.getByLabel('咨询事项').fill(TOPIC);
    await page.getByText('移交他人', { exact: true }).click();
    await chooseOption(page, page.getByLabel('移交给'), new RegExp(user.displayName), user.displayName);
    await page.getByRole('button', { name: /^登\s*记$/ }).click();
    const mine = page.getByLabel('我的首问事项');
    const item = mine.locator('.ant-list-item', { hasText: TOPIC });
    await item.getByText('已移交，待接收人办结').waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `页面横向超出 ${String(overflow)}px`);
  });

  await withPage(t, PHONE, async (page) => {
    await signIn(page, 'secretary');
    await page.goto(`${baseUrl()}/inquiries`);
    const item = page.getByLabel('我的首问事项').locator('.ant-list-item', { hasText: TOPIC });
    await item.getByRole('button', { name: /办\s*结/ }).click();
    await page.getByLabel('办理结果').fill('已办理退费并电话告知');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /办\s*结/ })
      .click();
    await item.waitFor({ state: 'detached' });
  });

  await withPage(t, PHONE, async (page) => {
    await signIn(page, 'clerk');
    await page.goto(`${baseUrl()}/inquiries`);
    await page.getByRole('heading', { name: '首问负责' }).waitFor();
    await page.getByText('我的首问事项').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByText(TOPIC).count(), 0, '办结后首问人的未办结列表仍有该事项');
    await page.getByText('已办结', { exact: true }).click();
    await page.locator('.ant-list-item', { hasText: TOPIC }).waitFor();
  });
});

void test('公开事项审核发布后出现在门户和触摸屏上；触摸屏闲置后回到首页', async (t) => {
  const clerk = await apiSession('clerk');
  const draft = await clerk<{ id: string }>('POST', '/api/openness', {
    scope: 'party',
    category: 'meetings',
    title: TITLE,
    body: '经支部党员大会表决通过，同意开展“我为群众办实事”实践活动。',
    channels: ['board', 'website', 'kiosk'],
    publishFrom: '2026-01-01',
  });
  await clerk('POST', `/api/openness/${draft.id}/submit`);

  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'secretary');
    await page.goto(`${baseUrl()}/openness`);
    const row = page.locator('tr', { hasText: TITLE });
    await row.getByRole('button', { name: '审核发布' }).click();
    await confirmPopover(page);
    await row.getByText('已发布').waitFor();

    await page.goto(`${baseUrl()}/public`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByText('我为群众办实事').waitFor();

    await page.goto(`${baseUrl()}/kiosk?idle=2`);
    await page.getByRole('link', { name: '党务公开' }).click();
    await page.getByRole('link', { name: new RegExp(TITLE.replace(/[()（）]/g, '.')) }).click();
    await page.locator('.screen.current').getByText('我为群众办实事').waitFor();
    // Left alone, the kiosk goes back to its home screen.
    await page.locator('#home.current').waitFor({ timeout: 8_000 });
    assert.equal(new URL(page.url()).hash, '');
    assert.equal(await page.locator('a[href^="/"]:not([href^="/kiosk"])').count(), 0, '触摸屏上有离开触摸屏的链接');
  });
});

void test('门户在禁用脚本时可读，首次内容绘制在1秒内', async () => {
  const browser = await launchBrowser();
  try {
    const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl()}/public`);
    await page.getByRole('heading', { name: '本周接访领导' }).waitFor();
    await page.getByRole('heading', { name: '服务承诺' }).waitFor();
    assert.ok((await page.locator('ul.items li').count()) > 3, '门户首页没有公开事项');
    await page.getByRole('link', { name: '院务公开', exact: true }).click();
    await page.getByRole('heading', { name: '院务公开', exact: true }).waitFor();

    const withScript = await browser.newContext({ locale: 'zh-CN' });
    const timed = await withScript.newPage();
    await timed.goto(`${baseUrl()}/public`);
    // The paint entry may land a moment after load; headless Chromium without a paint entry falls back
    // to the end of DOMContentLoaded, which comes after the first paint of a server-rendered page.
    const fcp = await timed.evaluate<number>(`new Promise((resolve) => {
      const done = (v) => resolve(v);
      new PerformanceObserver((list) => {
        const e = list.getEntriesByName('first-contentful-paint')[0];
        if (e) done(e.startTime);
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => done(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), 3000);
    })`);
    assert.ok(fcp < 1000, `首次内容绘制 ${String(fcp)} ms`);
  } finally {
    await browser.close();
  }
});
