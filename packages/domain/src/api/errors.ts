import { z } from 'zod';

/**
 * Every error code the API answers with, its HTTP status and the Chinese message shown when the
 * thrower gives none more specific. Services throw `AppError(code)`; one handler maps it.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  ACCOUNT_LOCKED: { status: 423, message: '账号因多次登录失败已被锁定，请稍后再试或联系安全管理员解锁' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系系统管理员' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录或密码被重置后，须先修改密码' },
  CSRF_TOKEN_INVALID: { status: 403, message: '请求校验失败，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  SEPARATION_OF_DUTIES: {
    status: 409,
    message: '系统管理员、安全管理员、审计管理员须由不同的人担任，且不得兼任业务角色（三员分立）',
  },
  ADMIN_RESET_OUT_OF_BAND: {
    status: 409,
    message:
      '管理员账号的密码不能在网页上重置：请在服务器上运行 npm run qizhi -- reset-password --username 用户名，由操作人线下交付一次性密码',
  },
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误' },
  WEAK_PASSWORD: { status: 400, message: '密码不符合要求' },
  WRONG_PASSWORD: { status: 400, message: '当前密码不正确' },
  INVALID_FILE: { status: 400, message: '文件无法读取，请上传 Excel（.xlsx）文件' },
  FILE_TOO_LARGE: { status: 413, message: '文件过大' },
  FILE_QUOTA_EXCEEDED: { status: 413, message: '上传空间已用完，请删除不再需要的附件或联系系统管理员' },
  IMPORT_HAS_ERRORS: { status: 422, message: '导入文件有错误，未导入任何数据' },
  NOT_FOUND: { status: 404, message: '要找的内容不存在' },
  CONFLICT: { status: 409, message: '与已有数据冲突' },
  DUPLICATE_ID_NUMBER: { status: 409, message: '该公民身份号码已登记' },
  DUPLICATE_USERNAME: { status: 409, message: '该用户名已被使用' },
  PERSON_ALREADY_LEFT: { status: 409, message: '此人已办理离开，不能重复办理' },
  ORG_NOT_EMPTY: { status: 409, message: '该组织下还有下级组织或党员，不能删除' },
  MEETING_ALREADY_CLOSED: { status: 409, message: '会议已归档锁定，如需更正请提交更正记录并说明原因' },
  MEETING_NOT_CLOSED: { status: 409, message: '会议尚未归档，可直接修改，无需提交更正' },
  MEETING_CANCELLED: { status: 409, message: '会议已取消' },
  MEETING_TYPE_NOT_ALLOWED: { status: 400, message: '该党组织不能召开此类会议' },
  MINUTES_REQUIRED: { status: 409, message: '请先填写会议记录再归档' },
  ATTENDANCE_INCOMPLETE: { status: 409, message: '还有参会人员未登记出席情况' },
  QUORUM_NOT_REACHED: { status: 409, message: '到会有表决权的人数未超过半数，不能表决' },
  VOTE_NOT_ALLOWED_AT_MEETING: { status: 409, message: '此类表决不能在本类会议上进行' },
  VOTE_COUNTS_INVALID: { status: 400, message: '票数与到会人数不符' },
  WRITTEN_OPINION_NOT_COUNTED: { status: 400, message: '书面意见不能计入本次表决' },
  RECORD_NOT_OPEN: { status: 409, message: '会议尚未开始，出席情况、会议记录和表决结果须在会议开始后登记' },
  MINUTES_UNCHANGED_TEMPLATE: { status: 400, message: '会议记录仍是模板，请填写会议的实际内容' },
  SIGN_IN_CLOSED: { status: 409, message: '不在签到时间内（会议开始前20分钟至开始后30分钟）' },
  SIGN_IN_CODE_INVALID: { status: 400, message: '签到码不正确或已过期，请扫描主持人出示的最新签到码' },
  NOT_AN_ATTENDEE: { status: 403, message: '您不在本次会议的参会人员名单中' },
  DELIBERATION_STEP_SKIPPED: { status: 409, message: '“四议”须按顺序进行，不能跳过前一步' },
  DELIBERATION_STEP_DONE: { status: 409, message: '该步骤已经办理' },
  DISCLOSURE_TOO_EARLY: { status: 409, message: '“四议”完成后先公开决议，再公开实施结果' },
  ALREADY_DISCLOSED: { status: 409, message: '已经公开过' },
  GOAL_HAS_CHILDREN: { status: 409, message: '该目标已分解，进度由下级目标汇总' },
  GOAL_HAS_REPORTS: { status: 409, message: '该目标已有进度报告，不能删除' },
  GOAL_NOT_DECOMPOSABLE: { status: 409, message: '党员层级的目标不能再分解' },
  GOAL_PROGRESS_AUTOMATIC: { status: 409, message: '该目标的进度由系统自动统计，无需填报' },
  REPORT_ALREADY_REVIEWED: { status: 409, message: '该进度报告已经审核过' },
  COMMITMENT_EXISTS: { status: 409, message: '本年度已有公开承诺，请修改原承诺' },
  COMMITMENT_STATE_INVALID: { status: 409, message: '公开承诺当前的状态不能进行此操作' },
  ALREADY_VOTED: { status: 409, message: '您已在本轮评议中投过票，每人只能投一次' },
  NOT_A_VOTER: { status: 403, message: '您不在本轮评议的投票范围内' },
  VOTING_NOT_OPEN: { status: 409, message: '本轮评议当前不在投票阶段' },
  TALLY_NOT_AVAILABLE: { status: 409, message: '投票结束且有效票达到规定张数后，才能查看汇总结果' },
  EVALUATION_STEP_INVALID: { status: 409, message: '民主评议须按步骤进行' },
  EXCELLENT_CAP_EXCEEDED: { status: 400, message: '评为优秀的党员超过规定比例' },
  STEP_TOO_EARLY: { status: 409, message: '该步骤还不到规定的时间，不能登记' },
  STEP_TOO_LATE: { status: 409, message: '该步骤已超过规定的期限' },
  STEP_OUT_OF_ORDER: { status: 409, message: '发展党员须按步骤进行，前一步骤尚未完成' },
  STEP_ALREADY_RECORDED: { status: 409, message: '该步骤已登记' },
  STEP_NOT_LAST: { status: 409, message: '只能撤销最后登记的步骤' },
  STEP_VOTE_MISSING: { status: 409, message: '须先在支部党员大会上表决通过（在会议中记录表决结果）' },
  STEP_VOTE_NOT_ADOPTED: { status: 409, message: '该表决未获通过' },
  TRAINING_INSUFFICIENT: { status: 409, message: '集中培训不少于3天或24学时，未经培训不能发展入党' },
  EXTENSION_NOT_ALLOWED: { status: 409, message: '不能延长预备期' },
  DUES_ALREADY_PAID: { status: 409, message: '所选月份已交过党费' },
  DUES_NOT_A_MEMBER: { status: 409, message: '此人不是党员或预备党员，无须交纳党费' },
  DUES_NO_BASE: { status: 409, message: '尚未登记党费基数，请先登记' },
  TRANSFER_NOT_A_MEMBER: { status: 409, message: '只有党员和预备党员才能转接组织关系' },
  TRANSFER_NO_ORG_UNIT: { status: 409, message: '该党员尚未编入党组织，不能开具转出介绍信' },
  TRANSFER_DUES_ARREARS: { status: 409, message: '该党员有欠缴党费，请先补交或确认后再开具介绍信' },
  TRANSFER_LETTER_NO_TAKEN: { status: 409, message: '该介绍信编号已被使用' },
  TRANSFER_LETTER_EXPIRED: { status: 409, message: '介绍信已过有效期，请转出单位重新开具' },
  TRANSFER_RECEIPT_RECORDED: { status: 409, message: '该介绍信的回执已登记' },
  TRANSFER_NOT_OUTGOING: { status: 409, message: '只有转出的介绍信才有回执' },
  POINTS_RANKING_DISABLED: { status: 409, message: '本院未开启“比学赶超”积分排名' },
  STUDY_CALENDAR_MISSING: {
    status: 409,
    message: '该年度的节假日和调休安排尚未登记，请先在学习平台的“工作日历”中维护',
  },
  STUDY_PROGRAMME_TOO_LONG: { status: 400, message: '一个学习计划最多生成400场学习，请缩短起止日期' },
  NOT_EXPECTED_AT_STUDY: { status: 403, message: '您不在本次学习的应参加人员中' },
  STUDY_SESSION_CANCELLED: { status: 409, message: '本次学习已取消' },
  CAMPAIGN_PHASE_NOT_STARTED: { status: 409, message: '该阶段尚未开始，开始后再报告任务情况' },
  NOT_ASSIGNED_TO_TASK: { status: 403, message: '这项任务不是您或您所在组织承担的' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库暂时无法连接，请稍后再试；如持续出现请联系系统管理员' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** One failing field of a validation error: `path` in the request, a Chinese `message`. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;
