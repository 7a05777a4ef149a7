import assert from 'node:assert/strict';
import { test } from 'node:test';
import { courtToday, type OrgUnit, type PersonStudyLedger } from '@qizhi/domain';
import { baseUrl } from './e2e-config.ts';
import {
  apiGet,
  DESKTOP,
  fillPicker,
  launchBrowser,
  PHONE,
  pickOption,
  signIn,
  waitForSavedAt,
  withPage,
} from './browser.ts';

const TITLE = `专题业务培训（${String(Date.now()).slice(-5)}）`;

/** The court's wall clock a minute ago (HH:mm): the session has started, sign-in is open. */
function shanghaiTimeAgo(minutes: number): { day: string; time: string } {
  const t = new Date(Date.now() - minutes * 60_000 + 8 * 3_600_000).toISOString();
  return { day: t.slice(0, 10), time: t.slice(11, 16) };
}

void test('支部书记制定周三专题业务培训计划，党员用手机签到，本人学时台账和首页进度随之增加', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'secretary');
    const units = (await apiGet<{ items: OrgUnit[] }>(page, '/api/org-units')).items;
    const branch = units.find((u) => u.kind === 'branch')!;

    // The Wednesday training for the branch, from the reference court's presets.
    await page.getByRole('menuitem', { name: /学习平台/ }).click();
    await page.waitForURL('**/study');
    await page.getByRole('button', { name: /制定学习计划/ }).click();
    const drawer = page.locator('.ant-drawer');
    await pickOption(page, '常用安排', '周三专题业务培训');
    assert.equal(await drawer.getByLabel('学习名称').inputValue(), '周三专题业务培训');
    await fillPicker(drawer.getByLabel('开始日期'), courtToday());
    await fillPicker(drawer.getByLabel('结束日期'), `${courtToday().slice(0, 4)}-12-31`);
    await drawer.getByLabel('学习地点').fill('三楼会议室');
    await pickOption(page, '应参加人员', branch.name);
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByText(/已生成\d+场学习/).waitFor();

    // A session of the training starting a minute ago, so the code works now.
    await page.getByRole('button', { name: '安排学习' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('学习名称').fill(TITLE);
    const { day, time } = shanghaiTimeAgo(1);
    await fillPicker(modal.getByLabel('日期', { exact: true }), day);
    await fillPicker(modal.getByLabel('开始时间'), time);
    await modal.getByLabel('学习地点').fill('三楼会议室');
    await pickOption(page, '应参加人员', branch.name);
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await waitForSavedAt(page, /\/study\/sessions\/[0-9a-f-]{36}$/);
    const sessionId = page.url().split('/').pop()!;
    await page.getByRole('button', { name: /签到码/ }).click();
    await page.getByTestId('sign-in-code').waitFor();

    const phoneBrowser = await launchBrowser();
    try {
      const phone = await phoneBrowser.newContext({
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const mobile = await phone.newPage();
      await signIn(mobile, 'member');
      const before = (await apiGet<PersonStudyLedger>(mobile, '/api/study/hours/me')).earned;
      await mobile.getByTestId('my-study-earned').waitFor();
      assert.equal(Number(await mobile.getByTestId('my-study-earned').innerText()), before);

      await mobile.goto(`${baseUrl()}/study/sessions/${sessionId}/sign-in`);
      const box = mobile.getByLabel('签到码');
      await box.waitFor();
      for (let attempt = 0; attempt < 3; attempt++) {
        await box.fill((await page.getByTestId('sign-in-code').innerText()).trim());
        await mobile.getByRole('button', { name: '签到' }).click();
        const outcome = await Promise.race([
          mobile
            .getByText('签到成功')
            .waitFor()
            .then(() => 'ok'),
          mobile
            .locator('.ant-alert-error')
            .waitFor()
            .then(() => 'refused'),
        ]);
        if (outcome === 'ok') break;
        assert.ok(attempt < 2, 'the current code was refused three times');
      }
      const width = await mobile.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(width <= PHONE.width, `sign-in page is ${String(width)}px wide`);

      // The ledger and the home page's progress have moved by the session's hours (4 by default).
      const after = await apiGet<PersonStudyLedger>(mobile, '/api/study/hours/me');
      assert.equal(after.earned, before + 4);
      await mobile.goto(`${baseUrl()}/`);
      await mobile.getByTestId('my-study-earned').waitFor();
      assert.equal(Number(await mobile.getByTestId('my-study-earned').innerText()), before + 4);
    } finally {
      await phoneBrowser.close();
    }

    // The organiser sees the sign-in on the attendance list.
    await page.keyboard.press('Escape');
    await page.reload();
    await page
      .getByText(/（扫码）/)
      .first()
      .waitFor();
  });
});
