import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { OrgUnit } from '@qizhi/domain';
import { chooseOption, DESKTOP, PHONE, signIn, withPage } from './browser.ts';
import { baseUrl, DEMO_PASSWORD } from './e2e-config.ts';
import { apiSignIn } from './demo-totp.ts';

const TOPIC = `新账号扫码签到（${String(Date.now()).slice(-5)}）`;
const NEW_PASSWORD = 'Shouji#Qiandao2026';

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

interface Slip {
  name: string;
  username: string;
  password: string;
}

/** The 系统管理员 makes accounts for one 党小组 from the users page and reads the slips shown once. */
async function makeAccountsForCell(page: Page, cellName: string): Promise<Slip[]> {
  await signIn(page, 'admin');
  await page.goto(`${baseUrl()}/admin/users`);
  await page.getByRole('button', { name: '按花名册建号' }).click();
  const dialog = page.getByRole('dialog', { name: '按花名册建号' });
  await dialog.getByText('某个党组织（含下级）').click();
  await chooseOption(page, dialog.getByRole('combobox', { name: '党组织' }), cellName);
  await dialog.getByRole('button', { name: /为 [1-9]\d* 人建号/ }).click();
  const slips = page.getByTestId('account-slips');
  await slips.waitFor();
  // The workbook is written in the browser by a large lazily loaded chunk: slow on a busy machine.
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: '下载 Excel' }).click();
  assert.equal((await download).suggestedFilename(), '账号及初始密码.xlsx');
  const sections = slips.locator('section');
  const count = await sections.count();
  assert.ok(count > 0);
  const read: Slip[] = [];
  for (let i = 0; i < count; i++) {
    const slip = sections.nth(i);
    read.push({
      name: (await slip.locator('dd').first().innerText()).trim(),
      username: (await slip.getByTestId('slip-username').innerText()).trim(),
      password: (await slip.getByTestId('slip-password').innerText()).trim(),
    });
  }
  await page.getByRole('button', { name: '我已打印或下载' }).click();
  return read;
}

void test('为党小组建号并打印账号条；党员在手机上用初始密码登录、改密码，扫码后直接完成签到', async (t) => {
  const secretary = await apiSession('secretary');
  const units = (await secretary<{ items: OrgUnit[] }>('GET', '/api/org-units')).items;
  const branch = units.find((u) => u.kind === 'branch')!;
  const cell = units.find((u) => u.kind === 'cell' && u.parentId === branch.id)!;

  let slips: Slip[] = [];
  await withPage(t, DESKTOP, async (page) => {
    slips = await makeAccountsForCell(page, cell.name);
  });

  // A branch meeting that started five minutes ago: its sign-in is open.
  const meeting = await secretary<{ id: string }>('POST', '/api/meetings', {
    type: 'branch_general',
    orgUnitId: branch.id,
    topic: TOPIC,
    startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    place: '党员活动室',
  });
  await secretary('POST', `/api/meetings/${meeting.id}/notify`);
  const detail = await secretary<{ attendees: { name: string }[] }>('GET', `/api/meetings/${meeting.id}`);
  const attendee = slips.find((s) => detail.attendees.some((a) => a.name === s.name));
  assert.ok(attendee, '新建账号的党员应在支部党员大会的参会名单中');

  // The code changes every 30 s: take one with time left for signing in and changing the password.
  let code = await secretary<{ url: string; windowEndsAt: string }>('GET', `/api/meetings/${meeting.id}/sign-in-code`);
  const left = Date.parse(code.windowEndsAt) - Date.now();
  if (left < 25_000) {
    await new Promise((resolve) => setTimeout(resolve, left + 500));
    code = await secretary('GET', `/api/meetings/${meeting.id}/sign-in-code`);
  }

  await withPage(t, PHONE, async (page) => {
    // Scanned while signed out: to the sign-in page, remembering the meeting.
    await page.goto(code.url);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.has('next'));
    await page.getByLabel('用户名').fill(attendee.username);
    await page.getByLabel('密码').fill(attendee.password);
    await page.getByRole('button', { name: '登录' }).click();
    // The slip's password is changed first, then straight on to the meeting.
    await page.waitForURL((url) => url.pathname === '/password');
    await page.getByLabel('当前密码').fill(attendee.password);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL((url) => url.pathname === `/meetings/${meeting.id}/sign-in`);
    await page.getByText(TOPIC).waitFor();
    await page.getByText('签到成功').waitFor({ timeout: 20_000 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `页面横向超出 ${String(overflow)}px`);
  });

  const after = await secretary<{ attendees: { name: string; state: string }[] }>('GET', `/api/meetings/${meeting.id}`);
  assert.equal(after.attendees.find((a) => a.name === attendee.name)?.state, 'present');
});
