import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUnit } from '@qizhi/domain';
import { PHONE, signIn, withPage } from './browser.ts';
import { baseUrl, DEMO_PASSWORD } from './e2e-config.ts';
import { apiSignIn } from './demo-totp.ts';

const TOPIC = `我的页面检查（${String(Date.now()).slice(-5)}）`;

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

void test('党员在手机上打开“我的”：会议通知、请假待批准、目标与档案', async (t) => {
  const secretary = await apiSession('secretary');
  const branch = (await secretary<{ items: OrgUnit[] }>('GET', '/api/org-units')).items.find(
    (u) => u.kind === 'branch',
  )!;
  const meeting = await secretary<{ id: string }>('POST', '/api/meetings', {
    type: 'branch_general',
    orgUnitId: branch.id,
    topic: TOPIC,
    startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    place: '党员活动室',
  });
  await secretary('POST', `/api/meetings/${meeting.id}/notify`);
  const member = await apiSession('member');
  await member('POST', `/api/meetings/${meeting.id}/leave`, { reason: '外出办案' });

  await withPage(t, PHONE, async (page) => {
    await signIn(page, 'member');
    await page.goto(`${baseUrl()}/mine`);
    const upcoming = page.getByTestId('mine-upcoming');
    const item = upcoming.locator('.ant-list-item', { hasText: TOPIC });
    await item.waitFor();
    await item.getByText('通知未读').waitFor();
    await item.getByText('请假待批准').waitFor();
    await item.getByText('原因：外出办案').waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `页面横向超出 ${String(overflow)}px`);

    await page.getByRole('tab', { name: '目标与承诺' }).click();
    await page
      .getByText(/公开承诺|拟定承诺|状态/)
      .first()
      .waitFor();
    await page.getByRole('tab', { name: '荣誉' }).click();
    await page.getByText('我的荣誉').waitFor();
    await page.getByRole('tab', { name: '档案' }).click();
    await page.getByText('我的信息').waitFor();

    await page.getByRole('tab', { name: '会议' }).click();
    await upcoming.getByRole('link', { name: TOPIC }).click();
    await page.waitForURL(`**/meetings/${meeting.id}`);
  });
});
