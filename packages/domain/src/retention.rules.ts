/**
 * 个人信息保存期限 (PIPL §19: kept no longer than the purpose needs). Each kind of personal data that
 * carries a time is kept for a court setting's period and then purged; the period has a floor below
 * which a court may not go, because the record still serves the court's work or its statistics.
 *
 * Kept on purpose and never purged by the application (docs/security.md): the audit log (网络安全法
 * §21 asks at least six months; its table refuses DELETE), and party records the party's rules keep
 * (the roster entry, development record, dues, transfers, meetings) — also of members who have left.
 */
import { DEFAULT_COURT_TIME_ZONE, courtCalendarBefore, courtToday } from './court-time.ts';

export const RETENTION_KINDS = [
  'receptionVisits',
  'inquiries',
  'notifications',
  'sessions',
  'twoFactorChallenges',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export type RetentionUnit = 'day' | 'month';
export const RETENTION_UNIT_LABELS: Record<RetentionUnit, string> = { day: '天', month: '个月' };

export interface RetentionRule {
  /** What the court's officer reads. */
  label: string;
  /** Which rows count, and from when their period runs. */
  description: string;
  unit: RetentionUnit;
  defaultPeriod: number;
  /** The least a court may set: below it the record would go while still needed. */
  minimum: number;
  maximum: number;
}

export const RETENTION_RULES: Record<RetentionKind, RetentionRule> = {
  receptionVisits: {
    label: '领导接访来访登记',
    description:
      '来访群众的姓名、电话、身份证号和来访事项；从接访日（需办理的从办结日）起算，未办结的不清理。不少于12个月：月度、年度统计和服务承诺考核要用',
    unit: 'month',
    defaultPeriod: 36,
    minimum: 12,
    maximum: 120,
  },
  inquiries: {
    label: '首问负责登记',
    description: '来问群众的姓名、电话和所问事项；从办结时起算，未办结（含已移交）的不清理。不少于12个月',
    unit: 'month',
    defaultPeriod: 36,
    minimum: 12,
    maximum: 120,
  },
  notifications: {
    label: '已发送或已放弃的推送消息',
    description:
      '企业微信、钉钉、电子邮件消息的正文和收件地址；从发送（或最后一次尝试）时起算。不少于30天：发送记录用于核查',
    unit: 'day',
    defaultPeriod: 180,
    minimum: 30,
    maximum: 3650,
  },
  sessions: {
    label: '已结束的登录会话',
    description: '登录会话的IP地址和浏览器标识；从会话过期（超时或到期）时起算。登录本身另记入审计日志',
    unit: 'day',
    defaultPeriod: 30,
    minimum: 7,
    maximum: 365,
  },
  twoFactorChallenges: {
    label: '过期的双因素登录临时凭据',
    description: '输入密码后、输入验证码前的临时凭据（含IP地址和浏览器标识）；从过期时起算',
    unit: 'day',
    defaultPeriod: 1,
    minimum: 1,
    maximum: 30,
  },
};

/** What the audit log keeps, for the settings page and the docs: never purged by the application. */
export const AUDIT_LOG_RETENTION = {
  label: '审计日志',
  minimumMonths: 6,
  note: '网络安全法第二十一条要求留存不少于六个月；本系统只追加、不删除（数据库触发器拒绝修改和删除），到期归档由运维人员按本院制度处理',
} as const;

export type RetentionPeriods = Record<RetentionKind, number>;

/** The court's periods: its settings where it set one, the default elsewhere. */
export function effectiveRetentionPeriods(settings?: Partial<Record<string, unknown>> | null): RetentionPeriods {
  const periods = {} as RetentionPeriods;
  for (const kind of RETENTION_KINDS) {
    const value = settings?.[kind];
    periods[kind] = typeof value === 'number' && Number.isInteger(value) ? value : RETENTION_RULES[kind].defaultPeriod;
  }
  return periods;
}

/** Why a period may not be set, in the words the form shows; null when it may. */
export function retentionPeriodIssue(kind: RetentionKind, value: number): string | null {
  const rule = RETENTION_RULES[kind];
  const unit = RETENTION_UNIT_LABELS[rule.unit];
  if (!Number.isInteger(value)) return `${rule.label}的保存期限应为整数（${unit}）`;
  if (value < rule.minimum) return `${rule.label}的保存期限不得少于${String(rule.minimum)}${unit}`;
  if (value > rule.maximum) return `${rule.label}的保存期限不得超过${String(rule.maximum)}${unit}`;
  return null;
}

/** `36个月`, `180天`. */
export function formatRetentionPeriod(kind: RetentionKind, value: number): string {
  return `${String(value)}${RETENTION_UNIT_LABELS[RETENTION_RULES[kind].unit]}`;
}

/**
 * The purge's line: a row whose time is at or after this instant is kept; only one strictly earlier
 * goes. The period is counted back on the court's calendar from `now` (same wall-clock time; a month
 * back from 31 March is the last day of February, 29 February in a leap year), so "36 months" means
 * what an officer means by it whatever the server's zone.
 */
export function retentionCutoff(now: Date, period: number, unit: RetentionUnit, zone = DEFAULT_COURT_TIME_ZONE): Date {
  return courtCalendarBefore(now, period, unit, zone);
}

/**
 * The same line for records kept by calendar day (a visit's `received_on`): a day before this one
 * ended at or before the cutoff instant, so the whole of it is past the period; this day is kept.
 */
export function retentionCutoffDay(now: Date, period: number, unit: RetentionUnit, zone = DEFAULT_COURT_TIME_ZONE) {
  return courtToday(retentionCutoff(now, period, unit, zone), zone);
}
