import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUnit } from '@qizhi/domain';
import { courtToday } from '@qizhi/domain';
import { apiGet, signIn, withPage } from './browser.ts';
import { baseUrl } from './e2e-config.ts';

/** issue 10: the board at 1440 px shows this month; 待完成 is not 未落实; a cell's drawer is its own period and organisation. */
void test('组织生活落实情况：1440宽度下可见本月，待完成与未落实区分，单元格只列本组织本期会议', async (t) => {
  await withPage(t, { width: 1440, height: 900 }, async (page) => {
    await signIn(page, 'secretary');
    const units = (await apiGet<{ items: OrgUnit[] }>(page, '/api/org-units')).items;
    const branch = units.find((u) => u.kind === 'branch')!;
    const month = Number(courtToday().slice(5, 7));
    await page.goto(`${baseUrl()}/compliance`);
    const header = page.locator(`th[data-month="${String(month)}"]`);
    await header.waitFor();
    const box = await header.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 1440, `this month's column on screen: ${JSON.stringify(box)}`);

    const legend = await page.locator('[data-state="due"]').first().innerText();
    assert.ok(legend.includes('待完成'), legend);
    assert.equal(await page.locator('[data-state="missed"]').first().innerText(), '未落实');

    // The branch's cell of this month: only the branch's meetings, in Chinese periods.
    const row = page.locator('tr', { hasText: branch.name }).first();
    await row.locator('td').nth(month).locator('button').click();
    const drawer = page.locator('.ant-drawer');
    await drawer
      .getByText(`${String(month)}月）`)
      .first()
      .waitFor();
    const text = await drawer.innerText();
    assert.doesNotMatch(text, /\d{4}-Q\d|（\d{4}-\d{2}）/);
    const cell = await apiGet<{ items: { meetings: { orgUnitId: string }[] }[] }>(
      page,
      `/api/compliance/cell?orgUnitId=${branch.id}&year=${courtToday().slice(0, 4)}&month=${String(month)}`,
    );
    const meetings = cell.items.flatMap((i) => i.meetings);
    assert.ok(meetings.every((m) => m.orgUnitId === branch.id));
    assert.equal(await drawer.locator('a[href^="/meetings/"]').count(), meetings.length);
  });
});
