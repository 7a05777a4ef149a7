/**
 * 文化墙 · 廉政文化教育长廊 of the demo court: the court's integrity requirements and sayings with
 * their sources (classical texts, and quotations with the occasion they were said on), two playlists
 * and two screens — the second-floor corridor's, and the lobby touch screen's (the kiosk plays it).
 * Posters need an uploaded picture, so the court adds its own.
 */
import { cultureItems, culturePlaylistEntries, culturePlaylists, cultureScreens } from '../db/schema/index.ts';
import type { Db } from '../platform/db.ts';

type Seeded = { kind: 'requirement' | 'saying'; title?: string; body: string; source?: string; draft?: boolean };

const REQUIREMENTS: Seeded[] = [
  {
    kind: 'requirement',
    title: '党员廉洁自律规范',
    body: '坚持公私分明，先公后私，克己奉公。\n坚持崇廉拒腐，清白做人，干净做事。\n坚持尚俭戒奢，艰苦朴素，勤俭节约。\n坚持吃苦在前，享受在后，甘于奉献。',
    source: '《中国共产党廉洁自律准则》',
  },
  {
    kind: 'requirement',
    title: '人民法院“五个严禁”',
    body: '严禁接受案件当事人及相关人员的请客送礼；\n严禁违反规定与律师进行不正当交往；\n严禁插手过问他人办理的案件；\n严禁在委托评估、拍卖等活动中徇私舞弊；\n严禁泄露审判工作秘密。',
    source: '最高人民法院',
  },
  {
    kind: 'requirement',
    title: '防止干预司法“三个规定”',
    body: '领导干部干预司法活动、插手具体案件处理的，一律记录、通报、追责；\n司法机关内部人员过问案件的，一律记录、通报、追责；\n规范司法人员与当事人、律师、特殊关系人、中介组织的接触交往。',
    source: '中共中央办公厅、国务院办公厅、中央政法委、最高人民法院等',
  },
  {
    kind: 'requirement',
    title: '法官职业道德',
    body: '忠诚司法事业　保证司法公正\n确保司法廉洁　坚持司法为民\n维护司法形象',
    source: '《中华人民共和国法官职业道德基本准则》',
  },
  {
    kind: 'requirement',
    title: '中央八项规定精神',
    body: '改进调查研究，精简会议活动，精简文件简报，规范出访活动，改进警卫工作，改进新闻报道，严格文稿发表，厉行勤俭节约。',
    source: '中共中央政治局',
  },
  {
    kind: 'requirement',
    title: '本院服务理念',
    body: '权利就是责任，工作就是服务，共产党员就是服务员。',
  },
  { kind: 'requirement', title: '本院工作作风', body: '勤实　高效　规范　廉洁' },
  { kind: 'requirement', title: '干警修身“四自”', body: '自重　自省　自警　自励' },
  {
    kind: 'requirement',
    title: '审判执行廉洁提醒',
    body: '不私下会见当事人及其代理人；\n不接受当事人及其代理人的吃请和财物；\n不为当事人介绍代理人、辩护人；\n过问案件一律登记，登记情况定期通报。',
    draft: true,
  },
];

const SAYINGS: Seeded[] = [
  { kind: 'saying', body: '其身正，不令而行；其身不正，虽令不从。', source: '《论语·子路》' },
  { kind: 'saying', body: '政者，正也。子帅以正，孰敢不正？', source: '《论语·颜渊》' },
  { kind: 'saying', body: '见贤思齐焉，见不贤而内自省也。', source: '《论语·里仁》' },
  { kind: 'saying', body: '吾日三省吾身。', source: '《论语·学而》' },
  { kind: 'saying', body: '君子喻于义，小人喻于利。', source: '《论语·里仁》' },
  { kind: 'saying', body: '才者，德之资也；德者，才之帅也。', source: '司马光《资治通鉴·周纪一》' },
  { kind: 'saying', body: '兼听则明，偏信则暗。', source: '《资治通鉴·唐纪八》' },
  { kind: 'saying', body: '廉者，政之本也；让者，德之主也。', source: '《晏子春秋·内篇杂下》' },
  { kind: 'saying', body: '俭，德之共也；侈，恶之大也。', source: '《左传·庄公二十四年》' },
  {
    kind: 'saying',
    body: '吏不畏吾严而畏吾廉，民不服吾能而服吾公。公则民不敢慢，廉则吏不敢欺。公生明，廉生威。',
    source: '明·年富《官箴》',
  },
  { kind: 'saying', body: '清心为治本，直道是身谋。', source: '包拯《书端州郡斋壁》' },
  {
    kind: 'saying',
    body: '后世子孙仕宦，有犯赃滥者，不得放归本家；亡殁之后，不得葬于大茔之中。不从吾志，非吾子孙。',
    source: '《包拯家训》',
  },
  {
    kind: 'saying',
    body: '千锤万凿出深山，烈火焚烧若等闲。粉骨碎身浑不怕，要留清白在人间。',
    source: '于谦《石灰吟》',
  },
  { kind: 'saying', body: '清风两袖朝天去，免得闾阎话短长。', source: '于谦《入京》' },
  { kind: 'saying', body: '予独爱莲之出淤泥而不染，濯清涟而不妖。', source: '周敦颐《爱莲说》' },
  { kind: 'saying', body: '历览前贤国与家，成由勤俭破由奢。', source: '李商隐《咏史》' },
  { kind: 'saying', body: '非淡泊无以明志，非宁静无以致远。', source: '诸葛亮《诫子书》' },
  { kind: 'saying', body: '先天下之忧而忧，后天下之乐而乐。', source: '范仲淹《岳阳楼记》' },
  {
    kind: 'saying',
    body: '一丝一粒，我之名节；一厘一毫，民之脂膏。宽一分，民受赐不止一分；取一文，我为人不值一文。',
    source: '张伯行《禁止馈送檄》',
  },
  { kind: 'saying', body: '海纳百川，有容乃大；壁立千仞，无欲则刚。', source: '林则徐自题联' },
  { kind: 'saying', body: '善禁者，先禁其身而后人。', source: '荀悦《申鉴·政体》' },
  {
    kind: 'saying',
    body: '打铁还需自身硬。',
    source: '习近平在十八届中共中央政治局常委同中外记者见面时的讲话（2012年11月15日）',
  },
  {
    kind: 'saying',
    body: '物必先腐，而后虫生。',
    source: '习近平在十八届中央政治局第一次集体学习时的讲话（2012年11月17日）',
  },
  {
    kind: 'saying',
    body: '要加强对权力运行的制约和监督，把权力关进制度的笼子里。',
    source: '习近平在十八届中央纪委二次全会上的讲话（2013年1月22日）',
  },
  {
    kind: 'saying',
    body: '努力让人民群众在每一个司法案件中都感受到公平正义。',
    source: '习近平在十八届中央政治局第四次集体学习时的讲话（2013年2月23日）',
  },
  {
    kind: 'saying',
    body: '公正是法治的生命线。司法公正对社会公正具有重要引领作用，司法不公对社会公正具有致命破坏作用。',
    source: '《中共中央关于全面推进依法治国若干重大问题的决定》（2014年10月23日）',
  },
  { kind: 'saying', body: '勿以恶小而为之，勿以善小而不为。', source: '《三国志·蜀书·先主传》裴松之注', draft: true },
];

/** The corridor plays the sayings; the lobby the court's requirements with a few sayings between. */
export async function seedDemoCultureWall(tx: Db, ctx: { tenantId: string }): Promise<void> {
  const { tenantId } = ctx;
  const all = [...REQUIREMENTS, ...SAYINGS];
  const rows = await tx
    .insert(cultureItems)
    .values(
      all.map((s) => ({
        tenantId,
        kind: s.kind,
        title: s.title ?? '',
        body: s.body,
        source: s.source ?? null,
        status: s.draft ? ('draft' as const) : ('published' as const),
        createdByName: '系统',
        publishedAt: s.draft ? null : new Date(),
      })),
    )
    .returning({ id: cultureItems.id });
  const ids = rows.map((r) => r.id);
  const requirementIds = ids.slice(0, REQUIREMENTS.length);
  const sayingIds = ids.slice(REQUIREMENTS.length);
  const [corridor, lobby] = await tx
    .insert(culturePlaylists)
    .values([
      { tenantId, name: '廉政格言警句', secondsPerItem: 12 },
      { tenantId, name: '廉政要求与法官职业道德', secondsPerItem: 20 },
    ])
    .returning({ id: culturePlaylists.id });
  const corridorEntries = sayingIds.map((itemId) => ({ itemId, seconds: null }));
  const lobbyEntries = requirementIds.flatMap((itemId, n) => [
    { itemId, seconds: null },
    ...(sayingIds[n] ? [{ itemId: sayingIds[n], seconds: 10 }] : []),
  ]);
  await tx
    .insert(culturePlaylistEntries)
    .values([
      ...corridorEntries.map((e, position) => ({ tenantId, playlistId: corridor!.id, position, ...e })),
      ...lobbyEntries.map((e, position) => ({ tenantId, playlistId: lobby!.id, position, ...e })),
    ]);
  await tx.insert(cultureScreens).values([
    { tenantId, name: '二楼廉政长廊1号屏', location: '审判楼二楼廉政文化教育长廊东侧', playlistId: corridor!.id },
    { tenantId, name: '一楼诉讼服务大厅触摸屏', location: '诉讼服务中心', playlistId: lobby!.id, kiosk: true },
  ]);
}
