import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MemberDetail, MemberPage, OrgUnit } from '@qizhi/domain';
import { apiGet, chooseOption, DESKTOP, pickOrgUnit, signIn, withPage } from './browser.ts';
import { baseUrl } from './e2e-config.ts';

void test('党务干事为党员办理院内组织关系转接：核对党费、开具介绍信，花名册显示新的党组织和转接记录', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'clerk');
    // A full member of a 党小组 whose name is unique on the roster, moved to another 党小组.
    const units = (await apiGet<{ items: OrgUnit[] }>(page, '/api/org-units')).items;
    const cells = units.filter((u) => u.kind === 'cell');
    const roster = (await apiGet<MemberPage>(page, '/api/members?status=full&pageSize=100')).items;
    const person = roster
      .filter((p) => cells.some((c) => c.id === p.orgUnitId))
      .reverse()
      .find((p) => roster.filter((q) => q.name === p.name).length === 1)!;
    const to = cells.find((c) => c.id !== person.orgUnitId)!;

    await page.goto(`${baseUrl()}/transfers`);
    await page.getByRole('heading', { name: '组织关系转接' }).waitFor();
    await page.getByRole('button', { name: /转出（开具介绍信）/ }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '转出：开具组织关系介绍信' });
    await chooseOption(page, dialog.getByRole('combobox', { name: '党员' }), new RegExp(person.name), person.name);
    // Before the letter: the member's 党组织 and the month dues are paid up to.
    const check = dialog.getByTestId('transfer-check');
    await check
      .getByText(/党费交至/)
      .first()
      .waitFor();
    assert.match(await check.innerText(), new RegExp(`现所在党组织：${person.orgUnitName ?? ''}`));
    await pickOrgUnit(page, dialog, to.name);
    if ((await check.innerText()).includes('欠缴')) {
      // Arrears are flagged; the letter needs the officer's confirmation.
      await dialog.getByRole('checkbox', { name: /仍开具介绍信/ }).check();
    }
    await dialog.getByRole('button', { name: /开\s*具/ }).click();

    // The printable letter: stub, letter and receipt, with the member and both organisations.
    const letter = page.getByTestId('transfer-letter');
    await letter.getByText('中国共产党党员组织关系介绍信回执').waitFor();
    const text = await letter.innerText();
    assert.match(text, new RegExp(person.name));
    assert.match(text, new RegExp(to.name));
    assert.match(text, /有效期\s*\d+\s*天/);

    // The roster shows the new 党小组, and the record the move.
    await page.goto(`${baseUrl()}/members/${person.id}`);
    await page.getByRole('heading', { name: person.name }).waitFor();
    const history = page.getByTestId('transfer-history');
    await history.getByText('院内转接').waitFor();
    assert.match(await history.innerText(), new RegExp(to.name));
    const detail = await apiGet<MemberDetail>(page, `/api/members/${person.id}`);
    assert.equal(detail.orgUnitId, to.id);
    await page.goto(`${baseUrl()}/members?q=${encodeURIComponent(person.name)}`);
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: person.name }).getByText(to.name).waitFor();
  });
});
