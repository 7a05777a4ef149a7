/**
 * The officer's list of accounts just made — name, organisation, username, one-time password and
 * where to sign in — as an .xlsx built from the creation's answer and handed out; nothing of it is
 * stored. The web asks for it with the answer it got; the command line writes it to a file.
 */
import type ExcelJS from 'exceljs';
import type { CreatedAccount } from '@qizhi/domain';
import * as accountsRepo from './accounts.repo.ts';
import type { CourtWriter } from './accounts.service.ts';

const THIN = { style: 'thin', color: { argb: 'FF999999' } } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function accountSlipsWorkbook(
  court: Pick<CourtWriter, 'db' | 'tenantId'>,
  accounts: readonly CreatedAccount[],
  signInUrl: string,
): Promise<Buffer> {
  const people = new Map(
    (
      await accountsRepo.findPersonChoices(court.db, court.tenantId, {
        personIds: [...new Set(accounts.map((a) => a.personId))],
      })
    ).map((p) => [p.id, p]),
  );
  // Loaded when first needed: exceljs is large and most starts never write a spreadsheet.
  const workbook = new (await import('exceljs')).default.Workbook();
  workbook.creator = '旗帜';
  const sheet = workbook.addWorksheet('账号及初始密码', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '所在组织', key: 'org', width: 28 },
    { header: '用户名', key: 'username', width: 18 },
    { header: '初始密码', key: 'password', width: 20, style: { numFmt: '@' } },
    { header: '登录地址', key: 'url', width: 36 },
    { header: '说明', key: 'note', width: 30 },
  ];
  for (const a of accounts) {
    const person = people.get(a.personId);
    sheet.addRow({
      name: person?.name ?? '',
      org: person?.orgUnitName ?? '',
      username: a.username,
      // A plain string cell: a password starting with = or + stays text, never a formula.
      password: a.initialPassword,
      url: signInUrl,
      note: '首次登录后须修改密码',
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      cell.border = BORDER;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
