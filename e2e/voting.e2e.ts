import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { MeetingDetail, OrgUnit } from '@qizhi/domain';
import { baseUrl } from './e2e-config.ts';
import { apiGet, chooseOption, confirmPopover, DESKTOP, signIn, withPage } from './browser.ts';

/** A write through the signed-in page's session (the CSRF token from /api/auth/me). */
async function apiSend<T>(page: Page, method: 'POST' | 'PUT', pathname: string, data: unknown): Promise<T> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
  const response = await page.request.fetch(`${baseUrl()}${pathname}`, {
    method,
    data,
    headers: { 'X-CSRF-Token': csrfToken },
  });
  if (!response.ok()) throw new Error(`${method} ${pathname} → ${String(response.status())} ${await response.text()}`);
  return (await response.json()) as T;
}

async function planStarted(page: Page, type: string, orgUnitId: string, topic: string): Promise<MeetingDetail> {
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  return apiSend(page, 'POST', '/api/meetings', { type, orgUnitId, topic, startsAt, place: '党员活动室' });
}

async function chooseKind(page: Page, label: string): Promise<void> {
  await chooseOption(page, page.locator('form#vote').getByLabel('表决类型'), new RegExp(label));
}

void test('支部党员大会记录接收预备党员表决：退休党员到会、会前书面意见计入，通过并说明票数；党小组会上同样的表决被拒绝并说明原因', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'secretary');
    const units = (await apiGet<{ items: OrgUnit[] }>(page, '/api/org-units')).items;
    const branch = units.find((u) => u.kind === 'branch')!;
    const cell = units.find((u) => u.kind === 'cell')!;

    // A 支部党员大会 that started a minute ago: retired members first among those present, 30 in all.
    const m = await planStarted(
      page,
      'branch_general',
      branch.id,
      `讨论接收预备党员（${String(Date.now()).slice(-5)}）`,
    );
    const counted = m.attendees.filter((a) => a.counted);
    const retired = counted.filter((a) => a.entitlementReason.startsWith('退休正式党员'));
    assert.ok(retired.length >= 5, `retired members counted: ${String(retired.length)}`);
    const order = [...retired, ...counted.filter((a) => !retired.includes(a))];
    const present = new Set(order.slice(0, 30).map((a) => a.personId));
    const absentOne = order.at(-1)!;
    await apiSend(
      page,
      'PUT',
      `/api/meetings/${m.id}/attendance`,
      counted.map((a) => ({ personId: a.personId, state: present.has(a.personId) ? 'present' : 'absent' })),
    );
    const expected = counted.length;
    const needed = Math.floor(expected / 2) + 1;

    await page.goto(`${baseUrl()}/meetings/${m.id}`);
    // Before the vote: who counts and why.
    await page.getByText('退休正式党员，有表决权').first().waitFor();
    await page.getByRole('tab', { name: /表决/ }).click();
    await chooseKind(page, '接收预备党员');
    const rule = page.getByTestId('vote-rule');
    await rule.getByText(new RegExp(`需 ${String(needed)} 票`)).waitFor();
    const form = page.locator('form#vote');
    await form.getByLabel('表决事项').fill('接收张某某同志为中共预备党员');
    await form.getByLabel('赞成').fill(String(needed - 1));
    await form.getByRole('button', { name: '添加会前书面意见' }).click();
    await chooseOption(page, form.getByLabel('书面意见提交人'), new RegExp(absentOne.name), absentOne.name);
    await form.getByRole('button', { name: '记录表决' }).click();
    await confirmPopover(page);
    const explained = `赞成 ${String(needed)} 票（含书面意见 1 份），超过应到会有表决权党员 ${String(expected)} 人的半数（需 ${String(needed)} 票），通过`;
    await page.getByText(explained).waitFor();
    await page
      .locator('.ant-table-tbody .ant-tag', { hasText: /^通过$/ })
      .first()
      .waitFor();

    // The same vote at a 党小组会 is refused on the page, with the rule.
    const g = await planStarted(page, 'cell', cell.id, `党小组会（${String(Date.now()).slice(-5)}）`);
    await page.goto(`${baseUrl()}/meetings/${g.id}`);
    await page.getByRole('tab', { name: /表决/ }).click();
    await chooseKind(page, '接收预备党员');
    await page.locator('form#vote').getByLabel('表决事项').fill('接收张某某同志为中共预备党员');
    await page.locator('form#vote').getByRole('button', { name: '记录表决' }).click();
    await confirmPopover(page);
    const refusal = page.getByTestId('vote-refusal');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /接收预备党员须由支部党员大会讨论决定.*党小组会不能表决/);
  });
});
