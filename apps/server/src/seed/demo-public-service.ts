import {
  computeIdCheckChar,
  courtInstant,
  courtToday,
  generateRota,
  swapWeeks,
  workCalendarOf,
  type VisitCategory,
} from '@qizhi/domain';
import { OFFICIAL_WORK_CALENDARS } from './work-calendar.data.ts';
import { disclosures, inquiries, receptionRota, receptionVisits, servicePledges } from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';
import { allSources, defaultTitleOf, sourceColumns } from '../modules/openness/index.ts';
import { SURNAMES } from './demo-court.draw.ts';
import { DEMO_AS_OF } from './demo-court.data.ts';
import type { DemoSeedContext } from './demo-goals.ts';
import { createDemoDraw, demoInstant, shiftDate } from './demo-random.ts';

const GIVEN = '建军 秀兰 志强 桂英 国华 玉梅 小军 丽娟 海涛 春花 永强 红霞 晓东 爱萍 文明 翠英'.split(' ');
const MATTERS: Record<VisitCategory, string[]> = {
  consultation: [
    '咨询起诉离婚需要准备的材料',
    '咨询诉讼费缓交、减免的条件',
    '咨询民间借贷案件的诉讼时效',
    '咨询如何申请法律援助',
  ],
  case_petition: [
    '反映所涉民间借贷案件判决后对方未履行',
    '对一审判决结果有异议，询问再审途径',
    '反映劳动争议案件审理时间较长',
  ],
  complaint: ['反映执行案件进展缓慢', '反映承办人未及时回复电话', '反映立案窗口排队时间较长'],
  suggestion: ['建议增加周末诉讼服务', '建议在乡镇设立巡回审判点', '建议诉讼服务中心增设老年人座椅'],
  report: ['举报被执行人转移财产线索', '反映有人冒充法院工作人员'],
  other: ['询问旁听庭审的手续', '询问法院开放日安排'],
};
const CATEGORY_WEIGHTS: [VisitCategory, number][] = [
  ['consultation', 0.45],
  ['case_petition', 0.2],
  ['complaint', 0.15],
  ['suggestion', 0.1],
  ['report', 0.05],
  ['other', 0.05],
];
const HANDLING_DEPTS = [
  'dept:enforcement',
  'dept:civil',
  'dept:filing',
  'dept:criminal',
  'dept:supervision',
  'dept:office',
];

const PLEDGES = [
  { title: '来访咨询当场答复，不能当场答复的一次性告知', timeLimit: '当场', measure: 'inquiry_answered_once' as const },
  { title: '符合条件的起诉当场登记立案', timeLimit: '当场；需补正的一次性告知', measure: null },
  { title: '信访事项依法决定是否受理', timeLimit: '15日内', measure: 'visit_accepted_on_time' as const },
  {
    title: '受理的信访事项办结并反馈',
    timeLimit: '60日内（复杂的经批准延长不超过30日）',
    measure: 'visit_handled_on_time' as const,
  },
  { title: '院领导每周挂牌接待来访群众', timeLimit: '每周一次', measure: null },
  { title: '执行案件重要节点告知当事人', timeLimit: '节点发生后3日内', measure: null },
];

function pickWeighted(r: number): VisitCategory {
  let acc = 0;
  for (const [c, w] of CATEGORY_WEIGHTS) if (r < (acc += w)) return c;
  return 'other';
}

/**
 * 挂牌接访、首问负责、服务承诺 and 党务/院务公开 for the demo court: two years of rota (one swap, one
 * substitution on record), ~600 visits a year up to DEMO_AS_OF, the demo accounts' inquiries, the
 * pledges and a dozen openness items in every state. Deterministic; a few batch inserts.
 */
export async function seedDemoPublicService(tx: Db, ctx: DemoSeedContext): Promise<void> {
  const { tenantId, court } = ctx;
  const draw = createDemoDraw(0x52454345); // "RECE"
  const leaders = court.people
    .filter((p) => !p.retired && p.position !== null && /院长|党组成员/.test(p.position))
    .map((p) => ctx.personIds.get(p.key)!);
  const year = Number(DEMO_AS_OF.slice(0, 4));
  const rotaRows: (typeof receptionRota.$inferInsert)[] = [];
  // The same tables the demo court's 工作日历 is seeded with (demo-study.ts).
  const calendar = workCalendarOf(OFFICIAL_WORK_CALENDARS);
  for (const y of [year - 1, year, year + 1]) {
    let weeks = generateRota(calendar, y, leaders, 3, (y - year + 3) % leaders.length).map((w) => ({
      ...w,
      note: null as string | null,
      original: null as string | null,
    }));
    if (y === year) {
      const [a, b] = [weeks[9]!, weeks[10]!];
      weeks = swapWeeks(weeks, a.weekStart, b.weekStart).map((w) =>
        w.weekStart === a.weekStart || w.weekStart === b.weekStart
          ? { ...w, original: w.weekStart === a.weekStart ? a.leaderId : b.leaderId, note: '调换：外出参加培训' }
          : w,
      );
      const sub = weeks[20]!;
      weeks[20] = {
        ...sub,
        original: sub.leaderId,
        leaderId: leaders[(leaders.indexOf(sub.leaderId) + 2) % leaders.length]!,
        note: '替班：原排定领导出差',
      };
    }
    for (const w of weeks)
      rotaRows.push({
        tenantId,
        id: crypto.randomUUID(),
        weekStart: w.weekStart,
        receptionOn: w.receptionOn,
        personId: w.leaderId,
        time: '上午9:00-12:00',
        place: '诉讼服务中心院领导接待室',
        originalPersonId: w.original,
        changeNote: w.note,
      });
  }
  for (let i = 0; i < rotaRows.length; i += 200) await tx.insert(receptionRota).values(rotaRows.slice(i, i + 200));

  // ~600 visits a year: last year in full, this year up to the demo's day.
  const visits: (typeof receptionVisits.$inferInsert)[] = [];
  const receptionDays = rotaRows.filter((r) => r.receptionOn && r.receptionOn < DEMO_AS_OF);
  for (const day of receptionDays) {
    if (day.receptionOn! < `${String(year - 1)}-01-01`) continue;
    const count = draw.int(8, 15);
    for (let n = 0; n < count; n++) {
      const category = pickWeighted(draw.next());
      const needsHandling =
        (category === 'complaint' || category === 'case_petition' || category === 'report') && draw.chance(0.7);
      const receivedOn = day.receptionOn!;
      const acceptedOn = needsHandling
        ? shiftDate(receivedOn, draw.chance(0.05) ? draw.int(16, 20) : draw.int(1, 12))
        : null;
      const handledOn = acceptedOn
        ? shiftDate(acceptedOn, draw.chance(0.05) ? draw.int(61, 70) : draw.int(10, 55))
        : null;
      const withNumbers = draw.chance(0.6);
      const first17 = `141026${String(draw.int(1950, 2000))}${String(draw.int(1, 12)).padStart(2, '0')}${String(draw.int(1, 28)).padStart(2, '0')}${String(draw.int(100, 999))}`;
      visits.push({
        tenantId,
        rotaId: day.id!,
        receivedOn,
        visitorName: draw.pick(SURNAMES) + draw.pick(GIVEN),
        visitorPhone: withNumbers ? `13${String(draw.int(4, 9))}${String(draw.int(10_000_000, 99_999_999))}` : null,
        visitorIdNumber: withNumbers ? first17 + computeIdCheckChar(first17) : null,
        matter: draw.pick(MATTERS[category]),
        category,
        caseNumber:
          category === 'case_petition' ? `（${receivedOn.slice(0, 4)}）晋1026民初${String(draw.int(1, 900))}号` : null,
        answer: needsHandling ? '已登记，交承办部门依法办理并答复' : '当场解答，一次性告知所需材料和办理途径',
        needsHandling,
        handlingDepartmentId: needsHandling ? ctx.deptIds.get(draw.pick(HANDLING_DEPTS))! : null,
        acceptedOn: acceptedOn && acceptedOn < DEMO_AS_OF ? acceptedOn : null,
        handledOn: handledOn && handledOn < DEMO_AS_OF ? handledOn : null,
        feedback: handledOn && handledOn < DEMO_AS_OF ? '已办结并向来访人反馈办理结果' : null,
        recordedByName: '诉讼服务中心',
        createdAt: demoInstant(receivedOn, 11),
      });
    }
  }
  for (let i = 0; i < visits.length; i += 200) await tx.insert(receptionVisits).values(visits.slice(i, i + 200));

  // The demo accounts' first inquiries: most answered at once, some directed outside, a few handed over.
  const accounts = court.accounts.map((a) => ({
    userId: ctx.userIds.get(a.username)!,
    name: court.people.find((p) => p.key === a.personKey)!.name,
    dept: court.people.find((p) => p.key === a.personKey)!.departmentKey,
  }));
  const rows: (typeof inquiries.$inferInsert)[] = [];
  for (let n = 0; n < 240; n++) {
    const day = shiftDate(`${String(year)}-01-05`, Math.floor((n * 299) / 240));
    const first = accounts[n % accounts.length]!;
    const r = draw.next();
    const outcome = r < 0.75 ? 'answered' : r < 0.85 ? 'directed_outside' : 'open';
    const receiver = accounts[(n + 1) % accounts.length]!;
    const handed = outcome === 'open';
    rows.push({
      tenantId,
      askedAt: courtInstant(day, '10:00'),
      topic: draw.pick([...MATTERS.consultation, ...MATTERS.other]),
      askerName: draw.chance(0.5) ? draw.pick(SURNAMES) + draw.pick(GIVEN) : null,
      outcome,
      directedTo: outcome === 'directed_outside' ? '县司法局法律援助中心' : null,
      status: 'closed',
      firstUserId: first.userId,
      firstName: first.name,
      firstDepartmentId: first.dept ? ctx.deptIds.get(first.dept)! : null,
      holderUserId: handed ? receiver.userId : first.userId,
      holderName: handed ? receiver.name : first.name,
      handOvers: handed
        ? [
            {
              fromUserId: first.userId,
              fromName: first.name,
              toUserId: receiver.userId,
              toName: receiver.name,
              note: '属其职责范围',
              at: courtInstant(day, '10:30').toISOString(),
            },
          ]
        : [],
      result:
        outcome === 'answered'
          ? '一次性告知'
          : outcome === 'directed_outside'
            ? '告知到院外办理'
            : '接收人已办结并答复',
      closedAt: courtInstant(day, '16:00'),
    });
  }
  for (let i = 0; i < rows.length; i += 200) await tx.insert(inquiries).values(rows.slice(i, i + 200));

  await tx
    .insert(servicePledges)
    .values(PLEDGES.map((p, i) => ({ tenantId, ...p, description: '', sortOrder: i + 1, published: true })));
  await tx.insert(disclosures).values(demoDisclosures(tenantId, year));
  const sourced = await sourcedDisclosures(tx, tenantId);
  if (sourced.length > 0) await tx.insert(disclosures).values(sourced);
}

/**
 * Items shown from their source (issue 15): this year's commitments, a 四议两公开 matter's disclosures and
 * the two latest meetings that decided something, each approved like a typed item; the text is the source's.
 */
async function sourcedDisclosures(tx: Db, tenantId: string): Promise<(typeof disclosures.$inferInsert)[]> {
  const today = courtToday();
  const all = await allSources(tx, tenantId);
  const chosen = [
    all.find((s) => s.kind === 'commitments'),
    all.find((s) => s.kind === 'deliberation'),
    ...all.filter((s) => s.kind === 'meeting' && s.on <= today).slice(0, 2),
  ].filter((s) => s !== undefined);
  return chosen.map((s) => {
    const from = s.on < today ? s.on : today;
    return {
      tenantId,
      scope: s.scope,
      category: s.category,
      title: defaultTitleOf(s),
      body: '',
      channels: ['board', 'website', 'kiosk'] as ('board' | 'website' | 'kiosk')[],
      status: 'published' as const,
      publishFrom: from,
      createdByName: '党务干事',
      approvedByName: '支部书记',
      approvedAt: demoInstant(from, 9),
      createdAt: demoInstant(from, 8),
      ...sourceColumns(s),
    };
  });
}

function demoDisclosures(tenantId: string, year: number): (typeof disclosures.$inferInsert)[] {
  const y = String(year);
  const published = (d: {
    scope: 'party' | 'court';
    category: (typeof disclosures.$inferInsert)['category'];
    title: string;
    body: string;
    from: string;
    until?: string;
  }) => ({
    tenantId,
    scope: d.scope,
    category: d.category,
    title: d.title,
    body: d.body,
    channels: ['board', 'website', 'kiosk'] as ('board' | 'website' | 'kiosk')[],
    status: 'published' as const,
    publishFrom: d.from,
    publishUntil: d.until ?? null,
    createdByName: '党务干事',
    approvedByName: '支部书记',
    approvedAt: demoInstant(d.from, 9),
    createdAt: demoInstant(shiftDate(d.from, -2), 15),
  });
  return [
    published({
      scope: 'party',
      category: 'organisation',
      title: `${y}年机关党支部委员会组成情况`,
      body: '机关党支部委员会由书记、组织委员、宣传委员、纪检委员组成，任期五年。支部下设三个党小组。',
      from: `${y}-01-10`,
    }),
    published({
      scope: 'party',
      category: 'dues',
      title: `${y}年上半年党费收缴情况公示`,
      body: '上半年应缴党费的党员全部按月足额交纳，党费收缴、使用和管理情况接受党员监督。',
      from: `${y}-07-08`,
      until: `${y}-12-31`,
    }),
    published({
      scope: 'party',
      category: 'evaluations',
      title: `${String(year - 1)}年度民主评议党员结果`,
      body: '经支部党员大会评议，评定优秀党员若干名，其余均为合格党员。',
      from: `${y}-02-20`,
    }),
    published({
      scope: 'party',
      category: 'honours',
      title: '我院荣获“全国法院党建创新优秀案例”',
      body: '我院“一个中心、两项机制、三个平台、四个结合”党建工作法荣获最高人民法院全国法院党建创新优秀案例。',
      from: `${y}-03-05`,
    }),
    published({
      scope: 'party',
      category: 'rules',
      title: '党务公开工作制度',
      body: '党务公开坚持依规依法、积极稳妥、分类实施、务求实效的原则，通过公示栏、网站、触摸屏、会议和纸质材料等渠道公开。',
      from: `${y}-01-15`,
    }),
    published({
      scope: 'court',
      category: 'trial',
      title: `${y}年前三季度审判执行工作情况`,
      body: '前三季度共受理各类案件，结案率、法定审限内结案率同比提升，执行到位金额稳步增长。',
      from: `${y}-10-15`,
    }),
    published({
      scope: 'court',
      category: 'service_pledges',
      title: '诉讼服务中心服务承诺',
      body: '来访咨询当场答复；符合条件的起诉当场登记立案；信访事项15日内决定是否受理，60日内办结反馈。',
      from: `${y}-01-05`,
    }),
    published({
      scope: 'court',
      category: 'reception_rota',
      title: `${y}年院领导挂牌接访安排`,
      body: '院领导每周三上午在诉讼服务中心院领导接待室挂牌接访，具体安排见本网站“领导接访”栏目。',
      from: `${y}-01-04`,
    }),
    published({
      scope: 'court',
      category: 'other',
      title: '法院开放日活动通知（已结束）',
      body: '欢迎社会各界参加法院开放日活动。',
      from: `${y}-05-10`,
      until: `${y}-05-20`,
    }),
    {
      ...published({
        scope: 'court',
        category: 'trial',
        title: '诉讼费退费办理须知',
        body: '诉讼费退费须当事人本人或委托代理人持有效证件办理。',
        from: `${y}-09-01`,
      }),
      status: 'withdrawn' as const,
      withdrawnReason: '内容已更新，改由新版须知公开',
      withdrawnAt: demoInstant(`${y}-09-20`, 10),
    },
    {
      ...published({
        scope: 'party',
        category: 'meetings',
        title: `${y}年第四季度主题党日安排`,
        body: '第四季度主题党日以“重温入党誓词”为主题，组织党员到革命教育基地开展活动。',
        from: `${y}-10-25`,
      }),
      status: 'pending' as const,
      approvedByName: null,
      approvedAt: null,
    },
    {
      ...published({
        scope: 'court',
        category: 'other',
        title: '诉讼服务指南（修订稿）',
        body: '草稿，待完善。',
        from: `${y}-11-01`,
      }),
      status: 'draft' as const,
      approvedByName: null,
      approvedAt: null,
    },
  ];
}
