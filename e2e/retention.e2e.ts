import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESKTOP, signIn, withPage } from './browser.ts';
import { baseUrl } from './e2e-config.ts';

const KINDS = [
  '领导接访来访登记',
  '首问负责登记',
  '已发送或已放弃的推送消息',
  '已结束的登录会话',
  '过期的双因素登录临时凭据',
];

void test('安全管理员设定个人信息保存期限：保存后仍在，审计日志不在清理之列', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'secadmin');
    await page.getByRole('menuitem', { name: /保存期限/ }).click();
    await page.waitForURL('**/admin/retention');
    await page.getByRole('heading', { name: '个人信息保存期限' }).waitFor();
    for (const label of KINDS) await page.getByText(label, { exact: true }).waitFor();
    await page.getByText('审计日志：不清理').waitFor();
    const row = (label: string) => page.locator('tr.ant-table-row', { hasText: label });
    // Each kind says how many rows are due now and the court-time cutoff they fall before.
    assert.match(await row('已结束的登录会话').innerText(), /\d+ 条[\s\S]*\d{4}-\d{2}-\d{2} \d{2}:\d{2}[\s\S]*之前/);
    assert.match(await row('已结束的登录会话').innerText(), /最少7天，默认30天/);

    const sessions = row('已结束的登录会话').getByRole('spinbutton');
    const before = await sessions.inputValue();
    await sessions.fill('45');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('已保存保存期限').waitFor();
    await page.reload();
    await row('已结束的登录会话').waitFor();
    assert.equal(await row('已结束的登录会话').getByRole('spinbutton').inputValue(), '45');

    // Below the kind's minimum is not kept: the field holds the minimum, which is what is saved.
    const visits = row('领导接访来访登记').getByRole('spinbutton');
    await visits.fill('3');
    await visits.blur();
    assert.equal(await visits.inputValue(), '12');

    await row('已结束的登录会话').getByRole('spinbutton').fill(before);
    await row('领导接访来访登记').getByRole('spinbutton').fill('36');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('已保存保存期限').last().waitFor();
  });
});

void test('系统管理员的菜单里没有保存期限，直接打开也没有权限', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'admin');
    await page.getByRole('menuitem', { name: /用户管理/ }).waitFor();
    assert.equal(await page.getByRole('menuitem', { name: /保存期限/ }).count(), 0);
    await page.goto(`${baseUrl()}/admin/retention`);
    await page.getByText('没有权限', { exact: true }).waitFor();
  });
});
