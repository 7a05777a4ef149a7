/** 制度库: the court's party-building rules, each a living document with versions. */
export const RULE_STATUSES = ['in_force', 'revised', 'repealed'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];
export const RULE_STATUS_LABELS: Record<RuleStatus, string> = {
  in_force: '现行有效',
  revised: '修订后有效',
  repealed: '已废止',
};

export const RULE_CATEGORIES = [
  '组织生活',
  '党员教育管理',
  '党风廉政',
  '目标管理',
  '便民服务',
  '党务公开',
  '其他',
] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

/** Members must confirm reading rules that are in force; a repealed rule asks nobody. */
export function ruleNeedsReading(status: RuleStatus): boolean {
  return status !== 'repealed';
}

/** A confirmation counts for the version read; a revision asks everyone to read it again. */
export function hasReadCurrentVersion(readVersion: number | null, currentVersion: number): boolean {
  return readVersion !== null && readVersion >= currentVersion;
}

/** 奖惩 (code `sanction`): commendations and criticisms, with the level of the body that issued them. */
export const SANCTION_KINDS = ['commendation', 'criticism'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
export const SANCTION_KIND_LABELS: Record<SanctionKind, string> = {
  commendation: '表彰奖励',
  criticism: '批评处理',
};
export const SANCTION_LEVELS = ['court', 'county', 'city', 'province', 'national'] as const;
export type SanctionLevel = (typeof SANCTION_LEVELS)[number];
export const SANCTION_LEVEL_LABELS: Record<SanctionLevel, string> = {
  court: '院级',
  county: '县级',
  city: '市级',
  province: '省级',
  national: '国家级',
};

export const HONOUR_KINDS = ['collective', 'individual'] as const;
export type HonourKind = (typeof HONOUR_KINDS)[number];
export const HONOUR_KIND_LABELS: Record<HonourKind, string> = { collective: '集体荣誉', individual: '个人荣誉' };
