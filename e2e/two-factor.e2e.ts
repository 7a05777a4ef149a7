import assert from 'node:assert/strict';
import test from 'node:test';
import { DESKTOP, PHONE, signOut, withPage } from './browser.ts';
import { apiSignIn, freshCode } from './demo-totp.ts';
import { baseUrl, DEMO_PASSWORD } from './e2e-config.ts';

const STAMP = String(Date.now()).slice(-6);
const USERNAME = `audit${STAMP}`;
const NEW_PASSWORD = 'Shuang#Yinzi2026';

async function api(username: string) {
  const { response, cookie, csrfToken } = await apiSignIn(username, DEMO_PASSWORD);
  assert.equal(response.status, 200, `${username} 登录失败`);
  return async <T>(method: string, pathname: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl()}${pathname}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    assert.ok(res.ok, `${method} ${pathname} → ${String(res.status)} ${await res.clone().text()}`);
    return (await res.json()) as T;
  };
}

void test('双因素登录：新任审计管理员首次登录须先绑定身份验证器，保存恢复码，退出后凭密码和验证码登录', async (t) => {
  // The 系统管理员 makes the account, the 安全管理员 grants the role (三员分立: two people).
  const admin = await api('admin');
  const created = await admin<{ user: { id: string }; temporaryPassword: string }>('POST', '/api/users', {
    username: USERNAME,
    displayName: `审计员${STAMP}`,
  });
  const secadmin = await api('secadmin');
  await secadmin('PUT', `/api/users/${created.user.id}/roles`, { roles: [{ role: 'auditor', orgUnitId: null }] });

  let secret = '';
  await withPage(t, PHONE, async (page) => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('用户名').fill(USERNAME);
    await page.getByLabel('密码').fill(created.temporaryPassword);
    await page.getByRole('button', { name: '登录' }).click();
    // Required of administrators: binding comes first, and nothing else opens meanwhile.
    await page.getByText('本院要求您的账号使用双因素登录').waitFor();
    const me = await page.request.get(`${baseUrl()}/api/auth/me`);
    assert.equal(me.status(), 401, '绑定前不应有会话');
    await page.getByRole('button', { name: '生成二维码' }).click();
    await page.getByLabel('绑定二维码').waitFor();
    secret = (await page.getByLabel('密钥').innerText()).replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await page.getByLabel('验证码').fill(await freshCode(USERNAME, secret));
    await page.getByRole('button', { name: '完成绑定' }).click();
    const codes = page.getByRole('list', { name: '恢复码' }).getByRole('listitem');
    await codes.first().waitFor();
    assert.equal(await codes.count(), 10);
    assert.match(await codes.first().innerText(), /^[a-z2-9]{5}-[a-z2-9]{5}$/);
    await page.getByRole('button', { name: '我已保存，继续' }).click();
    // Then the initial password is changed, as for every new account.
    await page.waitForURL((url) => url.pathname === '/password');
    await page.getByLabel('当前密码').fill(created.temporaryPassword);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码已修改').waitFor();
  });

  await withPage(t, DESKTOP, async (page) => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('用户名').fill(USERNAME);
    await page.getByLabel('密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('请打开手机上的身份验证器').waitFor();
    // A wrong code is refused, the right one signs in.
    await page.getByLabel('验证码').fill('000000');
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByRole('alert').filter({ hasText: '验证码不正确或已使用过' }).waitFor();
    await page.getByLabel('验证码').fill(await freshCode(USERNAME, secret));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    // Her own page says it is on and required.
    await page.goto(`${baseUrl()}/account/security`);
    await page.getByText('已启用').waitFor();
    await page.getByText('本院要求', { exact: true }).waitFor();
    // New recovery codes after a current code: shown once, and the earlier ones stop working.
    await page.getByRole('button', { name: '重新生成恢复码' }).click();
    await page.getByLabel('当前验证码').fill(await freshCode(USERNAME, secret));
    await page.getByRole('button', { name: '重新生成恢复码' }).click();
    const fresh = page.getByRole('list', { name: '恢复码' }).getByRole('listitem');
    await fresh.first().waitFor();
    assert.equal(await fresh.count(), 10);
    await page.getByRole('button', { name: '我已保存，继续' }).click();
    await page.getByText('剩余恢复码').waitFor();
    await signOut(page);
  });

  // The enrolment is in the audit log, for the 审计管理员.
  const audit = await api('auditor');
  const rows = await audit<{ items: { summary: string }[] }>(
    'GET',
    `/api/audit?action=auth.two_factor_enrolled&pageSize=50`,
  );
  assert.ok(
    rows.items.some((r) => r.summary.includes(USERNAME)),
    '绑定应记入审计日志',
  );
});
