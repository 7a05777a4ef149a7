import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MemberDetail, MemberPage } from '@qizhi/domain';
import { apiGet, DESKTOP, pickOption, signIn, withPage } from './browser.ts';
import { baseUrl, DEMO_PASSWORD } from './e2e-config.ts';

async function signInByApi(username: string): Promise<Response> {
  return fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
}

void test('党务干事为调出的干警办理离开：确认后移出在册名单、账号停用，筛选“已离开”仍可查到', async (t) => {
  // The 干警 account's roster person.
  const login = await signInByApi('staff');
  assert.equal(login.status, 200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await (await fetch(`${baseUrl()}/api/members/me`, { headers: { cookie } })).json()) as MemberDetail;

  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'clerk');
    const before = await apiGet<MemberPage>(page, '/api/members?pageSize=1');
    await page.goto(`${baseUrl()}/members/${me.id}`);
    await page.getByRole('heading', { name: me.name }).waitFor();

    await page.getByRole('button', { name: /办理离开/ }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: `办理离开：${me.name}` });
    await dialog.getByText('其登录账号将停用并注明原因').waitFor();
    // Without a reason nothing is sent.
    await dialog.getByRole('button', { name: /确认办理离开/ }).click();
    await dialog.getByText('请选择离开原因').waitFor();
    await pickOption(page, '离开原因', '调出');
    await dialog.getByLabel('说明').fill('调往市中级人民法院');
    await dialog.getByRole('button', { name: /确认办理离开/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByText(/已于 \d{4}-\d{2}-\d{2} 离开本院（调出）/).waitFor();
    await page.getByText('调往市中级人民法院').waitFor();
    assert.equal(await page.getByRole('button', { name: /办理离开/ }).count(), 0);

    // Out of the current roster; under 已离开 with the reason.
    await page.goto(`${baseUrl()}/members`);
    await page
      .getByText(`共 ${String(before.total - 1)} 人`)
      .first()
      .waitFor();
    await pickOption(page, '在册或已离开', '已离开');
    await page.waitForURL((url) => url.searchParams.get('standing') === 'left');
    const row = page.locator('.ant-table-tbody tr.ant-table-row');
    await row.filter({ hasText: me.name }).waitFor();
    assert.equal(await row.count(), 1);
    assert.match(await row.first().innerText(), /已离开（调出/);
  });

  // The account: disabled, so the person cannot sign in.
  const refused = await signInByApi('staff');
  assert.equal(refused.status, 403);
  assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'ACCOUNT_DISABLED');
});
