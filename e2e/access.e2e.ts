import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MemberDetail } from '@qizhi/domain';
import { baseUrl } from './e2e-config.ts';
import { apiGet, DESKTOP, PHONE, signIn, withPage } from './browser.ts';

void test('党员在 390px 宽的手机上，首页看到本人信息', async (t) => {
  await withPage(t, PHONE, async (page) => {
    await signIn(page, 'member');
    const me = await apiGet<MemberDetail>(page, '/api/members/me');
    const card = page.locator('.ant-card').filter({ hasText: '我的信息' });
    await card.getByText(me.name, { exact: true }).waitFor();
    const text = await card.innerText();
    assert.ok(me.idNumber, 'the demo member has an ID number');
    assert.ok(text.includes(me.idNumber), 'the card shows the masked ID number');
    assert.match(me.idNumber, /\*/);
    if (me.orgUnitName) assert.ok(text.includes(me.orgUnitName));
    // Nothing spills sideways on a phone.
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= PHONE.width, `page is ${String(width)}px wide`);
  });
});

void test('党员的菜单里没有用户管理，直接打开也没有权限', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'member');
    await page.getByRole('menuitem', { name: /花名册统计/ }).waitFor();
    assert.equal(await page.getByRole('menuitem', { name: /用户管理/ }).count(), 0);
    assert.equal(await page.getByRole('menuitem', { name: /审计日志/ }).count(), 0);
    await page.goto(`${baseUrl()}/admin/users`);
    await page.getByText('没有权限', { exact: true }).waitFor();
  });
});

void test('审计管理员查看审计日志，展开一条看到变更前后', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'auditor');
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    await page.waitForURL('**/admin/audit');
    const first = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await first.waitFor();
    // Actions read in Chinese, never as their codes (issue 10).
    const rows = await page.locator('.ant-table-tbody').innerText();
    assert.match(rows, /登录成功/);
    assert.doesNotMatch(rows, /auth\.login/);
    await first.getByRole('button', { name: /展开/ }).click();
    await page.getByText('变更前').first().waitFor();
    await page.getByText('变更后').first().waitFor();
    assert.equal(await page.getByRole('menuitem', { name: /花名册/ }).count(), 0);
  });
});
