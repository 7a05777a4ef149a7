import assert from 'node:assert/strict';
import { test } from 'node:test';
import { courtToday, type DuesSheet, type OrgUnit } from '@qizhi/domain';
import { apiGet, DESKTOP, signIn, withPage } from './browser.ts';

void test('党务干事在党费收缴表上登记一个月的收缴，欠缴提醒随之更新', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'clerk');
    const units = (await apiGet<{ items: OrgUnit[] }>(page, '/api/org-units')).items;
    const branch = units.find((u) => u.kind === 'branch')!;
    const month = courtToday().slice(0, 7);
    const sheet = await apiGet<DuesSheet>(page, `/api/dues/sheet?orgUnitId=${branch.id}&month=${month}`);
    // The first member on the sheet's first page who owes this month, 1 to 6 months behind.
    const owing = sheet.items
      .slice(0, 20)
      .find((i) => i.hasBase && i.arrearsMonths >= 1 && i.arrearsMonths <= 6 && i.due !== '0.00');
    assert.ok(owing, 'someone on the first page owes this month');

    await page.getByRole('menuitem', { name: /党费收缴/ }).click();
    await page.waitForURL('**/dues');
    const arrears = page.getByTestId('dues-arrears');
    await arrears.getByText(`${owing.name}：${String(owing.arrearsMonths)}个月`).waitFor();
    const row = page.getByTestId('dues-sheet').locator('tr', { hasText: owing.name });
    await row.getByRole('button', { name: '登记收缴' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByText(`登记党费收缴：${owing.name}`).waitFor();
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已登记收缴').waitFor();

    // The row shows what was paid, the arrears list no longer names the member.
    await row.getByText('已交').waitFor();
    await row.getByText(owing.due).nth(1).waitFor();
    await arrears.getByText(`${owing.name}：`).waitFor({ state: 'detached' });
    const after = await apiGet<DuesSheet>(page, `/api/dues/sheet?orgUnitId=${branch.id}&month=${month}`);
    assert.equal(after.items.find((i) => i.personId === owing.personId)?.arrearsMonths, 0);

    // The preview calculator: 5000.01 yuan in service is 1.5 %, 75.00 yuan a month.
    await page.getByLabel('基数（元）').fill('5000.01');
    await page.getByRole('button', { name: '试算' }).click();
    await page.getByTestId('dues-preview-result').getByText('每月 75.00 元').waitFor();
  });
});
