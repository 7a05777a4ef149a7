/**
 * The member record as the 全国党员管理信息系统 keeps it (issue 14): the vocabularies of 工作岗位 and
 * 党籍状态, how offices write them in a spreadsheet, and the order the stage dates must keep.
 */

/**
 * 工作岗位 in the categories of the 党内统计公报 (the national system's finer codes fold into them):
 * what the annual statistics count 职业 by.
 */
export const WORK_POSTS = [
  'civil_servant',
  'manager',
  'professional',
  'worker',
  'farmer',
  'student',
  'other',
  'retired',
] as const;
export type WorkPost = (typeof WORK_POSTS)[number];
export const WORK_POST_LABELS: Record<WorkPost, string> = {
  civil_servant: '党政机关工作人员',
  manager: '企事业单位、社会组织管理人员',
  professional: '企事业单位、社会组织专业技术人员',
  worker: '工人（工勤技能人员）',
  farmer: '农牧渔民',
  student: '学生',
  other: '其他职业人员',
  retired: '离退休人员',
};

/**
 * 工作岗位 as a file writes it: the label, or the national system's finer wording (公务员, 参照公务员法
 * 管理人员, 事业单位管理人员, 专业技术人员, 工勤技能人员, 离休, 退休 …). Null when it cannot be placed.
 */
export function workPostOf(text: string): WorkPost | null {
  const t = text.replace(/\s+/g, '');
  if (t === '') return null;
  for (const post of WORK_POSTS) if (WORK_POST_LABELS[post] === t) return post;
  if (/离休|退休/.test(t)) return 'retired';
  if (/学生/.test(t)) return 'student';
  if (/农|牧|渔/.test(t)) return 'farmer';
  if (/工人|工勤|技能/.test(t)) return 'worker';
  if (/专业技术|技术人员/.test(t)) return 'professional';
  if (/公务员|党政机关|机关工作人员|参照|参公/.test(t)) return 'civil_servant';
  if (/管理/.test(t)) return 'manager';
  if (/其他|自由职业|无固定职业/.test(t)) return 'other';
  return null;
}

/** 党籍状态: a member's is 正常 unless recorded otherwise (停止党籍, as for a long-lost member). */
export const PARTY_STANDINGS = ['normal', 'stopped'] as const;
export type PartyStanding = (typeof PARTY_STANDINGS)[number];
export const PARTY_STANDING_LABELS: Record<PartyStanding, string> = { normal: '正常', stopped: '停止党籍' };

export function partyStandingOf(text: string): PartyStanding | null {
  const t = text.replace(/\s+/g, '');
  if (t === '正常' || t === '在籍') return 'normal';
  if (t === '停止党籍' || t === '停止') return 'stopped';
  return null;
}

/** The dates of the stages, in the order a person passes them. */
export const STAGE_DATE_FIELDS = ['appliedOn', 'activistOn', 'candidateOn', 'joinedOn', 'confirmedOn'] as const;
export type StageDateField = (typeof STAGE_DATE_FIELDS)[number];
export const STAGE_DATE_LABELS: Record<StageDateField, string> = {
  appliedOn: '申请入党日期',
  activistOn: '确定积极分子日期',
  candidateOn: '确定发展对象日期',
  joinedOn: '入党日期',
  confirmedOn: '转正日期',
};

export type StageDates = Partial<Record<StageDateField | 'birthDate' | 'transferredInOn', string | null>>;

/**
 * Why the stage dates cannot be, as field issues: each stage no earlier than the one before it
 * (stages left empty are skipped), none before birth, a transfer-in no earlier than admission.
 */
export function stageDateProblems(d: StageDates): { path: StageDateField | 'transferredInOn'; message: string }[] {
  const issues: { path: StageDateField | 'transferredInOn'; message: string }[] = [];
  let previous: { field: StageDateField; on: string } | null = null;
  for (const field of STAGE_DATE_FIELDS) {
    const on = d[field] ?? null;
    if (!on) continue;
    if (d.birthDate && on < d.birthDate) {
      issues.push({ path: field, message: `${STAGE_DATE_LABELS[field]}不能早于出生日期` });
    } else if (previous && on < previous.on) {
      issues.push({
        path: field,
        message: `${STAGE_DATE_LABELS[field]}（${on}）不能早于${STAGE_DATE_LABELS[previous.field]}（${previous.on}）`,
      });
    }
    previous = { field, on };
  }
  if (d.transferredInOn && d.joinedOn && d.transferredInOn < d.joinedOn) {
    issues.push({ path: 'transferredInOn', message: '组织关系转入日期不能早于入党日期' });
  }
  return issues;
}
