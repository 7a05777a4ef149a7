import { escapeHtml, type MeetingType } from '@qizhi/domain';

/** Topics a court's branch really holds, one list per type; the seed walks them month by month. */
export const DEMO_TOPICS: Record<Exclude<MeetingType, 'other'>, readonly string[]> = {
  branch_general: [
    '学习贯彻党的二十届四中全会精神',
    '讨论接收预备党员',
    '学习《中国共产党纪律处分条例》',
    '通报上半年党建工作，部署下半年任务',
    '学习习近平法治思想，推进公正司法',
  ],
  branch_committee: [
    '研究本月党建工作安排',
    '研究发展党员工作',
    '研究“为民办实事”项目推进',
    '分析审判执行质效，研究党建促审判措施',
    '研究党费收缴和使用情况',
    '研究主题党日活动方案',
    '研究党风廉政建设责任落实',
    '研究基层人民法庭党建工作',
    '研究年度民主评议党员工作方案',
    '研究党员教育培训计划',
    '研究“一名党员一面旗帜”示范岗评选',
    '研究年终党建工作考核',
  ],
  cell: [
    '学习党章和党内法规',
    '交流学习体会，查找工作差距',
    '学习新修订的《人民法院工作人员处分条例》',
    '讨论庭室审判执行工作中的难点',
    '学习先进典型事迹',
    '开展批评与自我批评',
    '学习习近平总书记关于政法工作的重要论述',
    '讨论如何做好诉源治理',
    '学习廉政警示教育案例',
    '交流践行“公正、廉洁、为民”核心价值观体会',
    '学习《中国共产党支部工作条例（试行）》',
    '总结本年度学习情况',
  ],
  lecture: [
    '党课：新时代政法队伍建设',
    '党课：以党建引领审判执行工作高质量发展',
    '党课：严守纪律规矩，永葆清廉本色',
    '党课：坚持司法为民，践行群众路线',
  ],
  theme_day: [
    '主题党日：重温入党誓词',
    '主题党日：学雷锋志愿服务进社区',
    '主题党日：清明祭英烈',
    '主题党日：参观廉政教育基地',
    '主题党日：法律服务进乡村',
    '主题党日：“七一”纪念活动',
    '主题党日：走访慰问困难党员',
    '主题党日：国防教育参观',
    '主题党日：宪法宣传进校园',
    '主题党日：读书分享会',
    '主题党日：环境整治义务劳动',
    '主题党日：年终总结与党员承诺践诺',
  ],
  org_life: ['年度组织生活会暨民主评议党员'],
  democratic_life: ['党组民主生活会：对照检查，查摆问题'],
  talk: ['支部委员与党员谈心谈话', '支委之间谈心谈话'],
};

export const LEAVE_REASONS = ['外出开庭', '参加上级培训', '病假', '外出执行', '下乡巡回审判', '事假'];

export const SPEECHES = [
  '结合自身工作谈了学习体会，表示要把学习成果转化为办案实效。',
  '建议结合庭室实际，细化落实措施，明确时间节点。',
  '指出当前工作中存在的不足，提出了改进意见。',
  '表示要严守纪律规矩，在审判执行一线发挥党员先锋模范作用。',
  '就如何提升群众满意度谈了看法，建议加强释法说理。',
];

/** The minutes of a demo meeting: who chaired and recorded, attendance, the study, the speeches, the decisions. */
export function demoMinutes(m: {
  host: string;
  recorder: string;
  expected: number;
  present: number;
  topic: string;
  speakers: string[];
  resolutions: string[];
}): string {
  return [
    `<p>主持人：${escapeHtml(m.host)}\u3000记录人：${escapeHtml(m.recorder)}</p>`,
    `<p>应到${String(m.expected)}人，实到${String(m.present)}人。</p>`,
    `<h4>一、${escapeHtml(m.topic)}</h4>`,
    `<p>${escapeHtml(m.host)}同志领学并作说明。</p>`,
    '<h4>二、讨论发言</h4>',
    ...m.speakers.map((name, i) => `<p><strong>${escapeHtml(name)}</strong>：${SPEECHES[i % SPEECHES.length]!}</p>`),
    ...(m.resolutions.length
      ? ['<h4>三、会议决定</h4><ul>', ...m.resolutions.map((r) => `<li>${escapeHtml(r)}</li>`), '</ul>']
      : []),
  ].join('');
}

/** 四议两公开: a matter on its way; the seed links its first three steps to held meetings. */
export const DEMO_DELIBERATION = {
  title: (year: number) => `${String(year)}年度“为民办实事”项目：诉讼服务中心适老化改造`,
  description: '为方便老年当事人诉讼，拟对诉讼服务中心进行适老化改造，经费从党建活动经费中列支。',
  steps: [
    ['支部委员会提议', '支部委员会一致同意提出该项目'],
    ['党组会商议', '党组会原则同意，要求细化预算'],
    ['党员大会审议', '党员大会审议通过项目方案'],
    ['全院干警大会决议', ''],
  ] as const,
};
