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
  'users.read': '查看用户账号',
  'users.manage': '新建账号、重置密码、停用账号',
  'roles.assign': '授予和撤销角色、解锁账号',
  'audit.read': '查看审计日志',
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
  'api.docs': '查看接口文档（OpenAPI）',
  'notifications.manage': '设置消息推送（企业微信、钉钉、电子邮件），查看发送记录',
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
    description: '授予和撤销角色、解锁账号；不能新建账号，不能查看审计日志',
    permissions: ['users.read', 'roles.assign', 'org.read', 'api.docs'],
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
      'meetings.read',
      'compliance.read',
      'centre.manage',
      'goals.read',
      'goals.manage',
      'commitments.read',
      'assessments.read',
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
      'honours.manage',
      'notifications.manage',
      'api.docs',
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
      'meetings.read',
      'meetings.manage',
      'compliance.read',
      'deliberations.manage',
      'goals.read',
      'goals.manage',
      'commitments.read',
      'rules.manage',
      'assessments.read',
      'honours.manage',
      'notifications.manage',
      'api.docs',
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
    ],
  },
  member: {
    name: '党员',
    description: '查看本人信息和花名册统计',
    permissions: ['org.read', 'roster.stats'],
  },
  staff: {
    name: '干警',
    description: '查看本人信息',
    permissions: [],
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
