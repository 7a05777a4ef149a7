import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUnit } from '@qizhi/domain';
import { baseUrl } from './e2e-config.ts';
import { apiGet, DESKTOP, launchBrowser, PHONE, pickOption, signIn, waitForSavedAt, withPage } from './browser.ts';

const TITLE = `学习教育实践活动（${String(Date.now()).slice(-5)}）`;
const TASK = '集中学习党章党规';

void test('党务干事部署活动并给支部布置任务，党员在手机上报告完成，支部的完成比例随之上升', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'clerk');
    const units = (await apiGet<{ items: OrgUnit[] }>(page, '/api/org-units')).items;
    const branch = units.find((u) => u.kind === 'branch')!;

    // The campaign, with the reference court's three phases starting today (the first one 进行中).
    await page.getByRole('menuitem', { name: /主题教育实践活动/ }).click();
    await page.waitForURL('**/campaigns');
    await page.getByRole('button', { name: /部署活动/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('活动名称').fill(TITLE);
    await drawer.getByLabel('活动目标').fill('学思想、强党性、重实践、建新功');
    await pickOption(page, '组织开展', branch.name);
    assert.equal(await drawer.getByLabel('第1阶段名称').inputValue(), '学习教育');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await waitForSavedAt(page, /\/campaigns\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByText('进行中').first().waitFor();

    // A task of the first phase for the branch (the campaign's organisation is the default).
    await page.getByRole('button', { name: /布置任务/ }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('任务名称').fill(TASK);
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('link', { name: TASK }).waitFor();
    const progress = page.getByTestId(`progress-${branch.id}`);
    await progress.getByText('完成 0/1').waitFor();
    const campaignUrl = page.url();

    // The member reports it done on a phone, from 我的.
    const phoneBrowser = await launchBrowser();
    try {
      const phone = await phoneBrowser.newContext({
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      phone.setDefaultTimeout(15_000);
      const mobile = await phone.newPage();
      await signIn(mobile, 'member');
      await mobile.goto(`${baseUrl()}/mine`);
      const mine = mobile.getByTestId('my-campaign-tasks');
      await mine.getByText(TITLE).first().waitFor();
      await mine.getByRole('link', { name: TASK }).first().click();
      await mobile.waitForURL(/\/campaigns\/tasks\/[0-9a-f-]{36}$/);
      await mobile.getByLabel('情况简述').fill('第一党小组集中学习党章，12人参加');
      await mobile.getByRole('button', { name: /提交报告/ }).click();
      await mobile.getByText('已报告完成').waitFor();
      await mobile.getByTestId('task-state').getByText('已完成').waitFor();
      await mobile.getByRole('listitem').getByText('第一党小组集中学习党章，12人参加').waitFor();
      const width = await mobile.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(width <= PHONE.width, `task page is ${String(width)}px wide`);
    } finally {
      await phoneBrowser.close();
    }

    // The branch's share has risen.
    await page.goto(campaignUrl);
    await progress.getByText('完成 1/1').waitFor();
  });
});
