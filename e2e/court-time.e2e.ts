import assert from 'node:assert/strict';
import { test } from 'node:test';
import { courtInstant, inCourtZone, type MeetingDetail, type OrgUnit } from '@qizhi/domain';
import { apiGet, DESKTOP, pickOrgUnit, signIn, waitForSavedAt, withPage } from './browser.ts';

const TOPIC = `时区检查（${String(Date.now()).slice(-5)}）`;

void test('浏览器在 UTC 时区，计划 09:00 的会议仍是北京时间 09:00', async (t) => {
  await withPage(
    t,
    DESKTOP,
    async (page) => {
      assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'UTC');
      await signIn(page, 'secretary');
      const branch = (await apiGet<{ items: OrgUnit[] }>(page, '/api/org-units')).items.find(
        (u) => u.kind === 'branch',
      )!;
      const day = inCourtZone().add(3, 'day').format('YYYY-MM-DD');

      await page.getByRole('menuitem', { name: /三会一课/ }).click();
      await page.waitForURL('**/meetings');
      await page.getByRole('button', { name: /计划会议/ }).click();
      const drawer = page.locator('.ant-drawer');
      // The default start (tomorrow 15:00 at the court) reads as 15:00, not 07:00.
      assert.match(await drawer.getByLabel('开始时间').inputValue(), / 15:00$/);
      await pickOrgUnit(page, drawer, branch.name);
      await drawer.getByLabel('会议主题').fill(TOPIC);
      const start = drawer.getByLabel('开始时间');
      await start.click();
      await start.fill(`${day} 09:00`);
      await start.press('Enter');
      assert.equal(await start.inputValue(), `${day} 09:00`);
      await drawer.getByLabel('会议地点').fill('党员活动室');
      await drawer.getByRole('button', { name: '保存' }).click();
      await waitForSavedAt(page, /\/meetings\/[0-9a-f-]{36}$/);

      const meetingId = page.url().split('/').pop()!;
      const saved = await apiGet<MeetingDetail>(page, `/api/meetings/${meetingId}`);
      assert.equal(new Date(saved.startsAt).toISOString(), courtInstant(day, '09:00').toISOString());
      await page.getByText(`${day} 09:00`).first().waitFor();
    },
    'UTC',
  );
});
