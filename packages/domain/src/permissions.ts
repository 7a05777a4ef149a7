/**
 * Every permission the server checks. Routes declare one of these (or are explicitly public);
 * roles bundle them; a user holds roles, each granted for the whole court or an organisation subtree.
 */
export const PERMISSIONS = {
  'org.read': '查看组织机构',
  'org.manage': '维护组织机构与内设部门',
  'people.read': '查看花名册',
  'people.manage': '新增、编辑、调整党员和干警信息',
  'people.import': '导入花名册',
  'people.export': '导出花名册',
  'people.pii.reveal': '查看完整身份证号和手机号（留痕）',
  'roster.stats': '查看花名册统计',
  'stats.annual': '查看、打印和导出所辖党组织的党内统计年报（可查看每个数字对应的人员，号码脱敏）',
  'users.read': '查看用户账号',
  'users.manage': '新建账号、重置密码、停用账号',
  'roles.assign': '授予和撤销角色、解锁账号',
  'audit.read': '查看审计日志',
  'retention.manage': '设置个人信息保存期限（到期每日自动清理），查看到期条数',
  'meetings.read': '查看组织生活会议（三会一课等）',
  'meetings.manage': '计划、通知、签到、记录、关闭组织生活会议',
  'compliance.read': '查看组织生活落实情况',
  'deliberations.manage': '办理“四议两公开”事项',
  'centre.manage': '设定年度中心目标',
  'goals.read': '查看党建目标及进度',
  'goals.manage': '制定、分解党建目标，审核进度',
  'commitments.read': '查看全院公开承诺及审核状态',
  'commitments.approve': '审核、核实公开承诺',
  'rules.manage': '维护党建制度库',
  'assessments.read': '查看定期考核结果',
  'assessments.manage': '开展定期考核',
  'honours.manage': '登记奖惩与荣誉',
  'dues.read': '查看党费收缴表、欠缴提醒和汇总（党费基数遮蔽显示）',
  'dues.manage': '登记党费基数、收缴、减免和自愿多交，导出上缴表',
  'dues.base.read': '查看完整的党费基数（党费管理员，留痕）',
  'development.read': '查看发展党员进度看板和个人发展纪实',
  'development.manage': '登记发展党员各步骤、考察和延长预备期',
  'transfers.read': '查看组织关系转接记录和逾期未回执的介绍信',
  'transfers.manage': '办理组织关系转出（开具介绍信、登记回执）和转入',
  'evaluations.read': '查看民主评议进度和汇总结果（只有票数和比例，从不显示单张选票）、述职述廉报告',
  'evaluations.manage': '开展民主评议党员（评议轮次、等次建议、党员大会决定、不合格处置），管理述职述廉',
  'api.docs': '查看接口文档（OpenAPI）',
  'files.upload': '上传附件（会议照片、佐证材料、证书扫描件、制度附件），受个人和本院空间限额约束',
  'notifications.manage': '设置消息推送（企业微信、钉钉、电子邮件），查看发送记录',
  'openness.manage': '编写党务、院务公开事项并提交审核',
  'openness.approve': '审核发布、撤回党务和院务公开事项',
  'reception.read': '查看领导接访登记、首问负责和服务承诺统计',
  'reception.manage': '排定接访值班表，登记接访和办理情况，维护服务承诺（来访人信息遮盖显示）',
  'study.read': '查看学习台账和学时（本组织或全院）',
  'study.manage': '安排学习计划、登记学习签到和学时、维护工作日历',
  'culture.manage': '维护文化墙和廉政文化教育长廊：内容（廉政要求、格言警句、宣传画）的发布、播放列表和走廊屏幕',
  'campaigns.read': '查看主题教育实践活动的任务完成情况，及六型法院分维度的年度统计',
  'campaigns.manage': '部署主题教育实践活动：阶段、任务、活动总结',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_CODES = [
  'sysadmin',
  'secadmin',
  'auditor',
  'leader',
  'secretary',
  'clerk',
  'cell_leader',
  'member',
  'staff',
] as const;
export type RoleCodeValue = (typeof ROLE_CODES)[number];

export interface RoleDefinition {
  name: string;
  description: string;
  permissions: readonly Permission[];
}

export const ROLES: Record<RoleCodeValue, RoleDefinition> = {
  sysadmin: {
    name: '系统管理员',
    description: '管理用户账号和系统运行；不能查看审计日志，不能授予角色',
    permissions: ['users.read', 'users.manage', 'org.read', 'api.docs'],
  },
  secadmin: {
    name: '安全管理员',
    description: '授予和撤销角色、解锁账号、设置个人信息保存期限；不能新建账号，不能查看审计日志',
    permissions: ['users.read', 'roles.assign', 'retention.manage', 'org.read', 'api.docs'],
  },
  auditor: {
    name: '审计管理员',
    description: '只读审计日志',
    permissions: ['audit.read', 'api.docs'],
  },
  leader: {
    name: '院领导/党组书记',
    description: '查阅全院党建工作',
    permissions: [
      'org.read',
      'people.read',
      'people.export',
      'roster.stats',
      'stats.annual',
      'meetings.read',
      'compliance.read',
      'centre.manage',
      'goals.read',
      'goals.manage',
      'commitments.read',
      'assessments.read',
      'files.upload',
      'evaluations.read',
      'study.read',
      'campaigns.read',
      'campaigns.manage',
      'dues.read',
      'development.read',
      'transfers.read',
      'openness.approve',
      'reception.read',
    ],
  },
  secretary: {
    name: '支部书记',
    description: '管理本支部的党建工作',
    permissions: [
      'org.read',
      'org.manage',
      'people.read',
      'people.manage',
      'people.import',
      'people.export',
      'people.pii.reveal',
      'roster.stats',
      'stats.annual',
      'meetings.read',
      'meetings.manage',
      'compliance.read',
      'deliberations.manage',
      'centre.manage',
      'goals.read',
      'goals.manage',
      'commitments.read',
      'commitments.approve',
      'rules.manage',
      'assessments.read',
      'assessments.manage',
      'evaluations.read',
      'evaluations.manage',
      'honours.manage',
      'files.upload',
      'dues.read',
      'dues.manage',
      'development.read',
      'development.manage',
      'transfers.read',
      'transfers.manage',
      'notifications.manage',
      'study.read',
      'study.manage',
      'campaigns.read',
      'campaigns.manage',
      'api.docs',
      'openness.manage',
      'openness.approve',
      'reception.read',
      'reception.manage',
    ],
  },
  clerk: {
    name: '党务干事',
    description: '党务数据录入与维护',
    permissions: [
      'org.read',
      'people.read',
      'people.manage',
      'people.import',
      'people.export',
      'people.pii.reveal',
      'roster.stats',
      'stats.annual',
      'meetings.read',
      'meetings.manage',
      'compliance.read',
      'deliberations.manage',
      'goals.read',
      'goals.manage',
      'commitments.read',
      'rules.manage',
      'assessments.read',
      'evaluations.read',
      'evaluations.manage',
      'honours.manage',
      'files.upload',
      'dues.read',
      'dues.manage',
      'dues.base.read',
      'development.read',
      'development.manage',
      'transfers.read',
      'transfers.manage',
      'notifications.manage',
      'study.read',
      'study.manage',
      'campaigns.read',
      'campaigns.manage',
      'api.docs',
      'openness.manage',
      'culture.manage',
      'reception.read',
      'reception.manage',
    ],
  },
  cell_leader: {
    name: '党小组长',
    description: '查看本党小组党员',
    permissions: [
      'org.read',
      'people.read',
      'roster.stats',
      'meetings.read',
      'meetings.manage',
      'compliance.read',
      'goals.read',
      'files.upload',
      'study.read',
      'campaigns.read',
      'development.read',
    ],
  },
  member: {
    name: '党员',
    description: '查看本人信息和花名册统计',
    permissions: ['org.read', 'roster.stats', 'files.upload'],
  },
  staff: {
    name: '干警',
    description: '查看本人信息',
    permissions: ['files.upload'],
  },
};

/** 三员分立: nobody may hold two of these three. */
export const SEPARATED_ADMIN_ROLES: readonly RoleCodeValue[] = ['sysadmin', 'secadmin', 'auditor'];

/** Administrators get the shorter idle timeout. */
export function isAdministratorRole(role: RoleCodeValue): boolean {
  return SEPARATED_ADMIN_ROLES.includes(role);
}

/**
 * 三员分立: two administrator roles on one account, or an administrator role beside a business role
 * (an administrator who is also a clerk could grant, then use, what the separation keeps apart).
 */
export function violatesSeparationOfDuties(roles: readonly RoleCodeValue[]): boolean {
  const admin = new Set(roles.filter((r) => SEPARATED_ADMIN_ROLES.includes(r)));
  return admin.size > 1 || (admin.size === 1 && roles.some((r) => !SEPARATED_ADMIN_ROLES.includes(r)));
}
