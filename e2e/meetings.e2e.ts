import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { OrgUnit } from '@qizhi/domain';
import { periodOf } from '@qizhi/domain';
import { baseUrl } from './e2e-config.ts';
import {
  apiGet,
  chooseOption,
  confirmPopover,
  DESKTOP,
  launchBrowser,
  PHONE,
  pickOrgUnit,
  signIn,
  waitForSavedAt,
  withPage,
} from './browser.ts';

const TOPIC = `学习贯彻党的二十届四中全会精神（${String(Date.now()).slice(-5)}）`;

/** Shanghai wall clock, as the date picker shows it (the browser runs in Asia/Shanghai). */
function shanghaiPickerText(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

async function readCode(page: Page): Promise<string> {
  return (await page.getByTestId('sign-in-code').innerText()).trim();
}

void test('支部书记计划支部党员大会，党员用手机签到，记录、表决、归档后落实情况变绿，台账可打印', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'secretary');
    const units = (await apiGet<{ items: OrgUnit[] }>(page, '/api/org-units')).items;
    const branch = units.find((u) => u.kind === 'branch')!;
    const quarter = periodOf(new Date(), 'quarterly');
    const cell = page.getByTestId(`compliance-${branch.id}-${quarter}-branch_general`);

    // Before: this quarter's branch general meeting is not yet held (the demo year plans it for
    // the 25th of the quarter's last month, so only in the quarter's last days is it held already).
    await page.getByRole('menuitem', { name: /组织生活落实/ }).click();
    await page.waitForURL('**/compliance');
    await cell.waitFor();
    const before = await cell.getAttribute('data-state');
    assert.ok(before === 'due' || before === 'met', `state before: ${String(before)}`);

    // Plan it, started a minute ago: the sign-in window is open (20 minutes before to 30 after the
    // start) and attendance, minutes and votes may be recorded (only from the start).
    await page.getByRole('menuitem', { name: /三会一课/ }).click();
    await page.waitForURL('**/meetings');
    await page.getByRole('button', { name: /计划会议/ }).click();
    const drawer = page.locator('.ant-drawer');
    await pickOrgUnit(page, drawer, branch.name);
    await drawer.getByLabel('会议主题').fill(TOPIC);
    const start = drawer.getByLabel('开始时间');
    await start.click();
    const startText = shanghaiPickerText(new Date(Date.now() - 60_000));
    await start.fill(startText);
    await start.press('Enter');
    assert.equal(await start.inputValue(), startText, '开始时间没有被日期选择器接受');
    await drawer.getByLabel('会议地点').fill('审判法庭大会议室');
    await drawer.getByRole('button', { name: '保存' }).click();
    await waitForSavedAt(page, /\/meetings\/[0-9a-f-]{36}$/);
    const meetingId = page.url().split('/').pop()!;
    await page.getByText(TOPIC).first().waitFor();
    await page.getByRole('button', { name: '发出通知' }).click();
    await page.getByText('已通知').first().waitFor();

    // The host shows the rotating code; a member signs in on a phone with the current one.
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
      await mobile.goto(`${baseUrl()}/meetings/${meetingId}/sign-in`);
      const box = mobile.getByLabel('签到码');
      await box.waitFor();
      for (let attempt = 0; attempt < 3; attempt++) {
        await box.fill(await readCode(page));
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
    } finally {
      await phoneBrowser.close();
    }
    await page.keyboard.press('Escape');

    // Attendance: one on leave with a reason, the rest present; the quorum is reached.
    await page.reload();
    await chooseOption(page, page.locator('.ant-table-tbody').getByRole('combobox').first(), '请假');
    await page.getByPlaceholder('请假原因（必填）').fill('外出开庭');
    await page.getByRole('button', { name: /其余未登记者记为出席/ }).click();
    await confirmPopover(page);
    await page.getByText(/已达到，可以表决/).waitFor();

    // Minutes, with a resolution.
    await page.getByRole('tab', { name: '会议记录' }).click();
    await page.getByRole('button', { name: '填写会议记录' }).click();
    const editor = page.getByRole('textbox', { name: '会议记录' });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('全体党员一致表示，要把学习成果转化为公正司法的实际行动。');
    await page.getByRole('button', { name: '添加决议' }).click();
    await page.getByLabel('决议1').fill('认真学习贯彻全会精神，结合审判执行工作抓好落实');
    await page.getByRole('button', { name: '保存会议记录' }).click();
    await page.getByText('全体党员一致表示').waitFor();

    // A vote: the counts are typed, the result is computed.
    await page.getByRole('tab', { name: /表决/ }).click();
    const detail = await apiGet<{ quorum: { present: number } }>(page, `/api/meetings/${meetingId}`);
    const form = page.locator('form#vote');
    await form.getByLabel('表决事项').fill('学习贯彻全会精神的实施意见');
    await form.getByLabel('赞成').fill(String(detail.quorum.present));
    await form.getByRole('button', { name: '记录表决' }).click();
    await confirmPopover(page);
    await page.locator('.ant-table-tbody').getByText('通过', { exact: true }).waitFor();

    // Close and lock.
    await page.getByRole('button', { name: '归档锁定' }).click();
    await confirmPopover(page);
    await page.locator('.ant-tag', { hasText: '已归档' }).first().waitFor();

    // The board turns green for the quarter.
    await page.goto(`${baseUrl()}/compliance`);
    await cell.waitFor();
    assert.equal(await cell.getAttribute('data-state'), 'met');

    // The ledger: the meeting is in it, the print layout drops the menu, and it prints to PDF.
    await page.getByRole('menuitem', { name: /会议台账/ }).click();
    await page.waitForURL('**/meetings/ledger');
    const ledger = page.getByTestId('ledger-table');
    await ledger.getByText(TOPIC, { exact: true }).waitFor();
    assert.match(await ledger.innerText(), /外出开庭/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.app-sider, .page-toolbar.no-print').first().isVisible(), false);
    assert.ok(await ledger.isVisible());
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    assert.ok(pdf.length > 10_000, `PDF of ${String(pdf.length)} bytes`);
    await page.emulateMedia({ media: 'screen' });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    assert.match((await download).suggestedFilename(), /会议台账\.xlsx$/);
  });
});

void test('党员首页看到会议通知提醒', async (t) => {
  await withPage(t, PHONE, async (page) => {
    await signIn(page, 'member');
    const card = page.getByTestId('reminders-card');
    await card.waitFor();
    await card.locator('.ant-list-item, .ant-empty').first().waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= PHONE.width, `home is ${String(width)}px wide`);
  });
});
