/**
 * Every action the audit log records, with the words the 审计管理员 reads. The server's audit writer
 * takes only these codes, so a new action cannot be recorded without its Chinese label.
 */
export const AUDIT_ACTIONS = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.login_refused_disabled': '停用账号尝试登录',
  'auth.login_refused_locked': '锁定账号尝试登录',
  'auth.lockout': '账号因多次失败被锁定',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'auth.password_change_failed': '修改密码失败（当前密码错误）',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.password_reset': '重置密码',
  'user.roles_set': '授予或撤销角色',
  'user.unlock': '解锁账号',
  'org_unit.create': '新增党组织',
  'org_unit.update': '修改党组织',
  'org_unit.delete': '删除党组织',
  'department.create': '新增内设部门',
  'department.update': '修改内设部门',
  'department.delete': '删除内设部门',
  'person.create': '新增人员',
  'person.update': '修改人员信息',
  'person.import': '导入花名册',
  'person.export': '导出花名册',
  'person.export_full': '导出花名册（含完整个人信息）',
  'person.pii_revealed': '查看完整个人信息',
  'file.upload': '上传文件',
  'meeting.create': '计划会议',
  'meeting.update': '修改会议',
  'meeting.notify': '发出会议通知',
  'meeting.cancel': '取消会议',
  'meeting.close': '会议归档锁定',
  'meeting.sign_in': '会议签到',
  'meeting.attendance': '登记出席情况',
  'meeting.leave_request': '会议请假',
  'meeting.minutes': '填写会议记录',
  'meeting.vote': '记录表决',
  'meeting.revise': '修订已归档会议',
  'meeting.task_create': '布置会议落实事项',
  'meeting.task_done': '完成会议落实事项',
  'meeting.file_attach': '会议添加附件',
  'meeting.file_detach': '会议移除附件',
  'meeting.exemption_create': '登记组织生活免于开展',
  'meeting.exemption_delete': '撤销组织生活免于开展',
  'compliance.frequency_set': '设定组织生活频次',
  'calendar.feed_create': '生成日历订阅',
  'calendar.feed_revoke': '停用日历订阅',
  'deliberation.create': '新建“四议两公开”事项',
  'deliberation.step': '办理“四议两公开”步骤',
  'deliberation.disclose': '公开“四议两公开”结果',
  'centre.update': '设定中心目标',
  'centre.points_ranking': '查看积分排名',
  'goal.create': '制定目标',
  'goal.update': '修改目标',
  'goal.delete': '删除目标',
  'goal.decompose': '分解目标',
  'goal.report': '报送目标进度',
  'goal.report_accept': '通过进度报告',
  'goal.report_return': '退回进度报告',
  'commitment.create': '填写公开承诺',
  'commitment.update': '修改公开承诺',
  'commitment.submit': '提交公开承诺',
  'commitment.approve': '审核公开承诺',
  'commitment.return': '退回公开承诺',
  'commitment.self_assess': '公开承诺自评',
  'commitment.verify': '核实公开承诺',
  'rule.create': '新增制度',
  'rule.revise': '修订制度',
  'rule.read': '学习制度',
  'assessment.save': '登记考核结果',
  'honour.create': '登记荣誉',
  'honour.update': '修改荣誉',
  'honour.delete': '删除荣誉',
  'sanction.create': '登记奖惩',
  'sanction.update': '修改奖惩',
  'sanction.delete': '删除奖惩',
  'system.seed_demo': '生成演示数据',
  'notification.settings_update': '修改消息推送设置',
  'notification.test': '发送测试消息',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const ALL_AUDIT_ACTIONS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** The Chinese name of an action code; an unknown code (an older row) reads as itself. */
export function auditActionLabel(code: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[code] ?? code;
}

/** What an audit row's object is; the filter and the row show these words, not the codes. */
export const AUDIT_ENTITIES = {
  user: '用户账号',
  tenant: '法院',
  org_unit: '党组织',
  department: '内设部门',
  person: '人员',
  file: '文件',
  meeting: '会议',
  meeting_task: '会议落实事项',
  meeting_exemption: '组织生活免于开展',
  deliberation: '“四议两公开”事项',
  court_centre: '中心目标',
  goal: '目标',
  goal_report: '目标进度报告',
  commitment: '公开承诺',
  rule: '制度',
  assessment: '考核',
  honour: '荣誉',
  sanction: '奖惩',
  notification_settings: '消息推送设置',
} as const satisfies Record<string, string>;

export type AuditEntity = keyof typeof AUDIT_ENTITIES;

export function auditEntityLabel(code: string): string {
  return (AUDIT_ENTITIES as Record<string, string>)[code] ?? code;
}
