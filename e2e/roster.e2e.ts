import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { maskIdNumber, type MemberPage } from '@qizhi/domain';
import { apiGet, confirmPopover, DESKTOP, pickOption, signIn, signOut, withPage } from './browser.ts';
import { makeRosterXlsx, readXlsxRows, validIdNumber, withWrongCheckChar } from './roster-files.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BRANCH = '安泽县人民法院机关党支部';
const CELL = '第一党小组（审判业务）';

function rows(page: Page) {
  return page.locator('.ant-table-tbody tr.ant-table-row');
}

void test('党务干事：筛选花名册、导入（先报错后成功）、导出并核对文件、退出', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'clerk');
    await page.getByRole('menuitem', { name: /(^|\s)花名册$/ }).click();
    await page.waitForURL('**/members');
    await rows(page).first().waitFor();

    // 筛选：正式党员 + 离退休; the filter lands in the address bar and the table agrees with the API.
    await pickOption(page, '人员类别', '正式党员');
    await pickOption(page, '是否离退休', '离退休');
    await page.waitForURL(
      (url) => url.searchParams.get('status') === 'full' && url.searchParams.get('retired') === 'true',
    );
    const expected = await apiGet<MemberPage>(page, '/api/members?status=full&retired=true&pageSize=20');
    assert.ok(expected.total > 0, 'the demo court has retired full members');
    await page
      .getByText(`共 ${String(expected.total)} 人`)
      .first()
      .waitFor();
    const count = await rows(page).count();
    assert.equal(count, Math.min(expected.total, 20));
    for (let i = 0; i < count; i++) {
      const text = await rows(page).nth(i).innerText();
      assert.match(text, /正式党员/);
      assert.match(text, /离退休/);
    }
    await page.reload();
    await page
      .getByText(`共 ${String(expected.total)} 人`)
      .first()
      .waitFor();

    // 导入：a wrong check character is reported by row and column, and nothing can be imported.
    const name = `测试导入${String(Date.now() % 100_000)}`;
    // An odd sequence number is a man's (GB 11643), matching 男 below.
    const idNumber = validIdNumber('19900307', String(101 + 2 * (Date.now() % 400)));
    const row = [name, '男', idNumber, '正式党员', BRANCH, CELL];
    await page.getByRole('button', { name: /导入/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '导入花名册' });
    await modal.locator('input[type=file]').setInputFiles({
      name: '有错误的花名册.xlsx',
      mimeType: XLSX,
      buffer: await makeRosterXlsx([[name, '男', withWrongCheckChar(idNumber), '正式党员', BRANCH, CELL]]),
    });
    const errorRow = modal.locator('tr', { hasText: '第3行' });
    await errorRow.waitFor();
    assert.match(await errorRow.innerText(), /公民身份号码[\s\S]*校验位不正确/);
    assert.equal(await modal.getByRole('button', { name: '确认导入' }).isDisabled(), true);

    // A good file: dry run first, then 确认导入.
    await modal.getByRole('button', { name: '重新选择文件' }).click();
    await modal.locator('input[type=file]').setInputFiles({
      name: '花名册.xlsx',
      mimeType: XLSX,
      buffer: await makeRosterXlsx([row]),
    });
    await modal.getByText('检查通过').waitFor();
    assert.match(await modal.locator('tr', { hasText: name }).innerText(), /新增/);
    await modal.getByRole('button', { name: '确认导入' }).click();
    await confirmPopover(page);
    await modal.getByText('导入完成').waitFor();
    await modal.getByRole('button', { name: '完成' }).click();

    // The new person is on the roster, with a masked number.
    await page.getByRole('button', { name: '重置筛选' }).click();
    await page.getByLabel('搜索').fill(name);
    await page.getByLabel('搜索').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === name);
    const imported = rows(page).filter({ hasText: name });
    await imported.waitFor();
    const masked = maskIdNumber(idNumber) ?? '';
    assert.match(await imported.innerText(), new RegExp(masked.replace(/\*/g, '\\*')));

    // 导出：the file has the title row, the header and the masked number.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /(^|\s)导出$/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /党员花名册.*\.xlsx$/);
    const file = await download.path();
    const sheet = await readXlsxRows(await readFile(file));
    assert.match(sheet.get(1)?.join('') ?? '', /安泽县人民法院党员花名册/);
    const header = sheet.get(3) ?? [];
    const idColumn = header.indexOf('公民身份号码');
    const nameColumn = header.indexOf('姓名');
    assert.ok(idColumn >= 0 && nameColumn >= 0, `header row: ${header.join('|')}`);
    const person = [...sheet.values()].find((cells) => cells[nameColumn] === name);
    assert.ok(person, 'the imported person is in the export');
    assert.equal(person[idColumn], masked);
    for (const [n, cells] of sheet) {
      if (n <= 3 || !cells[idColumn]) continue;
      assert.match(cells[idColumn] ?? '', /^\d{4}\*{12}[\dX]{2}$/, `row ${String(n)} is masked`);
    }

    await signOut(page);
    await page.getByRole('button', { name: '登录' }).waitFor();
  });
});
