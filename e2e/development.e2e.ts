import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  addYearsClamped,
  chineseDate,
  courtToday,
  type DevelopmentBoard,
  type MeetingDetail,
  type OrgUnit,
} from '@qizhi/domain';
import { baseUrl } from './e2e-config.ts';
import { apiGet, chooseOption, DESKTOP, signIn, withPage } from './browser.ts';

async function apiSend<T>(page: Page, method: 'POST' | 'PUT', pathname: string, data: unknown): Promise<T> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
  const response = await page.request.fetch(`${baseUrl()}${pathname}`, {
    method,
    data,
    headers: { 'X-CSRF-Token': csrfToken },
  });
  if (!response.ok()) throw new Error(`${method} ${pathname} → ${String(response.status())} ${await response.text()}`);
  return (await response.json()) as T;
}

function shift(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function recordInForm(page: Page, step: number, on?: string, document?: string): Promise<void> {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: /登\s*记/ }) });
  await chooseOption(page, form.getByLabel('步骤'), new RegExp(`第${String(step)}步`));
  if (on) {
    await form.getByLabel('日期').fill(on);
    // Leaving the field commits the typed day (Enter would also submit the form).
    await form.getByLabel('经办人').click();
  }
  if (document) {
    await form.locator('input[type=file]').setInputFiles({
      name: document,
      mimeType: 'text/plain',
      buffer: Buffer.from('培养考察情况：表现良好。', 'utf8'),
    });
    await form.locator('.ant-upload-list-item-done', { hasText: document }).waitFor();
  }
  await form.getByRole('button', { name: /登\s*记/ }).click();
}

void test('入党积极分子经支部党员大会表决接收为预备党员，看板显示一年后转正；过早登记被拒绝并给出最早日期', async (t) => {
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, 'secretary');
    const units = (await apiGet<{ items: OrgUnit[] }>(page, '/api/org-units')).items;
    const branch = units.find((u) => u.kind === 'branch')!;
    const today = courtToday();
    const board = await apiGet<DevelopmentBoard>(page, `/api/development/board?orgUnitId=${branch.id}`);
    const person = board.items.find((i) => i.status === 'activist')!;

    await page.getByRole('menuitem', { name: /发展党员/ }).click();
    await page.waitForURL('**/development');
    await page.getByTestId('development-board').getByRole('link', { name: person.name }).click();
    await page.waitForURL(`**/development/${person.personId}`);

    // Step 6 a day before a full year as activist: refused with the day it becomes possible.
    await recordInForm(page, 6, '2026-06-15');
    await page
      .getByTestId('step-refusal')
      .getByText(/最早可于2026年6月16日登记/)
      .waitFor();
    await recordInForm(page, 6, '2026-06-16', '培养考察材料.txt');
    await page.getByText('已登记').first().waitFor();
    // The step's document is on the record, as a download.
    await page.getByRole('link', { name: '培养考察材料.txt' }).waitFor();

    // Steps 7–14 (candidate, sponsors, review, training, pre-review, 志愿书) through the API.
    const members = (await apiGet<{ items: { id: string }[] }>(page, '/api/members?status=full&pageSize=5')).items;
    for (let step = 7; step <= 14; step++) {
      const body: Record<string, unknown> = { step, on: shift(today, step - 20) };
      if (step === 9) body.personIds = members.slice(0, 2).map((m) => m.id);
      if (step === 11) body.trainingDays = 3;
      await apiSend(page, 'POST', `/api/development/people/${person.personId}/steps`, body);
    }

    // The branch general meeting votes on the admission (recorded in the meetings module).
    const m = await apiSend<MeetingDetail>(page, 'POST', '/api/meetings', {
      type: 'branch_general',
      orgUnitId: branch.id,
      topic: `讨论接收${person.name}为预备党员`,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      place: '党员活动室',
    });
    const counted = m.attendees.filter((a) => a.counted);
    await apiSend(
      page,
      'PUT',
      `/api/meetings/${m.id}/attendance`,
      counted.map((a, i) => ({ personId: a.personId, state: i < 40 ? 'present' : 'absent' })),
    );
    await apiSend(page, 'POST', `/api/meetings/${m.id}/votes`, {
      kind: 'admission',
      subject: `接收${person.name}为中共预备党员`,
      yes: Math.floor(counted.length / 2) + 2,
      no: 0,
      abstain: 40 - Math.floor(counted.length / 2) - 2,
    });

    // Step 15 in the form on the meeting's day: the vote is taken from the meeting.
    await page.reload();
    await recordInForm(page, 15);
    await page.getByTestId('development-steps').getByText(`接收${person.name}为中共预备党员`).waitFor();
    await recordInForm(page, 16);
    await page
      .getByTestId('development-steps')
      .locator('tr', { hasText: '上级党委派人谈话' })
      .getByText(chineseDate(today))
      .waitFor();
    await recordInForm(page, 17);
    const ends = chineseDate(addYearsClamped(today, 1));
    await page.getByTestId('probation-ends').getByText(ends).waitFor();

    // The board: a probationary member whose conversion is due a year after the meeting.
    await page.getByRole('menuitem', { name: /发展党员/ }).click();
    const row = page.getByTestId('development-board').locator('tr', { hasText: person.name });
    await row.getByText('预备党员').first().waitFor();
    await row.getByText(ends).first().waitFor();
  });
});
