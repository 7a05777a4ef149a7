/** Titles and issuers of the demo court's honours and rewards (realistic, invented for the demo). */
import type { HonourLevel, SanctionKind, SanctionLevel } from '@qizhi/domain';

export interface HonourTemplate {
  title: string;
  level: HonourLevel;
  issuedBy: string;
}

/** The award of the four-step method itself. */
export const MECHANISM_AWARD = {
  title: '全国法院党建创新优秀案例',
  level: 'national' as const,
  issuedBy: '最高人民法院',
  awardedOn: '2013-12-20',
  recipientName: '安泽县人民法院',
  notes: '“围绕一个中心、健全两项机制、搭建三个平台、贯彻四个结合”党建工作法',
};

export const COLLECTIVE_TEMPLATES: HonourTemplate[] = [
  { title: '全国法院人民法庭工作先进集体', level: 'national', issuedBy: '最高人民法院' },
  { title: '全省法院先进集体', level: 'province', issuedBy: '山西省高级人民法院' },
  { title: '全省法院党建工作先进单位', level: 'province', issuedBy: '山西省高级人民法院' },
  { title: '全省优秀人民法庭', level: 'province', issuedBy: '山西省高级人民法院' },
  { title: '全省法院执行工作先进集体', level: 'province', issuedBy: '山西省高级人民法院' },
  { title: '全省政法系统先进集体', level: 'province', issuedBy: '中共山西省委政法委员会' },
  { title: '全市法院先进集体', level: 'city', issuedBy: '临汾市中级人民法院' },
  { title: '全市法院先进基层党组织', level: 'city', issuedBy: '中共临汾市中级人民法院党组' },
  { title: '全市法院审判管理先进单位', level: 'city', issuedBy: '临汾市中级人民法院' },
  { title: '全市法院执行工作先进集体', level: 'city', issuedBy: '临汾市中级人民法院' },
  { title: '全市法院司法宣传先进单位', level: 'city', issuedBy: '临汾市中级人民法院' },
  { title: '全市文明单位', level: 'city', issuedBy: '临汾市精神文明建设委员会' },
  { title: '全市政法系统先进集体', level: 'city', issuedBy: '中共临汾市委政法委员会' },
  { title: '县直机关先进基层党组织', level: 'county', issuedBy: '中共安泽县委' },
  { title: '目标责任考核优秀单位', level: 'county', issuedBy: '中共安泽县委、安泽县人民政府' },
  { title: '县级文明单位', level: 'county', issuedBy: '安泽县精神文明建设委员会' },
  { title: '平安建设先进单位', level: 'county', issuedBy: '中共安泽县委、安泽县人民政府' },
  { title: '社会治安综合治理先进单位', level: 'county', issuedBy: '中共安泽县委政法委员会' },
  { title: '普法依法治理先进单位', level: 'county', issuedBy: '安泽县人民政府' },
  { title: '信访工作先进单位', level: 'county', issuedBy: '中共安泽县委、安泽县人民政府' },
];

export const COLLECTIVE_RECIPIENTS = [
  '安泽县人民法院',
  '安泽县人民法院',
  '安泽县人民法院机关党支部',
  '府城人民法庭',
  '和川人民法庭',
  '良马人民法庭',
  '执行局',
  '立案庭',
  '民事审判庭',
  '刑事审判庭',
  '司法警察大队',
];

export const INDIVIDUAL_TEMPLATES: HonourTemplate[] = [
  { title: '全省优秀法官', level: 'province', issuedBy: '山西省高级人民法院' },
  { title: '全省法院先进个人', level: 'province', issuedBy: '山西省高级人民法院' },
  { title: '全市法院办案标兵', level: 'city', issuedBy: '临汾市中级人民法院' },
  { title: '全市法院优秀法官', level: 'city', issuedBy: '临汾市中级人民法院' },
  { title: '全市政法系统优秀共产党员', level: 'city', issuedBy: '中共临汾市委政法委员会' },
  { title: '全市优秀党务工作者', level: 'city', issuedBy: '中共临汾市委' },
  { title: '全县优秀共产党员', level: 'county', issuedBy: '中共安泽县委' },
  { title: '全县优秀党务工作者', level: 'county', issuedBy: '中共安泽县委' },
  { title: '县直机关优秀共产党员', level: 'county', issuedBy: '中共安泽县直属机关工作委员会' },
  { title: '全县三八红旗手', level: 'county', issuedBy: '安泽县妇女联合会' },
];

export interface SanctionTemplate {
  kind: SanctionKind;
  title: string;
  level: SanctionLevel;
  issuedBy: string;
  reason: string;
}

export const SANCTION_TEMPLATES: SanctionTemplate[] = [
  {
    kind: 'commendation',
    title: '嘉奖',
    level: 'court',
    issuedBy: '安泽县人民法院',
    reason: '年度考核优秀，审判质效居全院前列',
  },
  {
    kind: 'commendation',
    title: '通报表扬',
    level: 'court',
    issuedBy: '安泽县人民法院',
    reason: '落实首问负责，为群众办实事受到书面感谢',
  },
  {
    kind: 'commendation',
    title: '记个人三等功',
    level: 'city',
    issuedBy: '临汾市中级人民法院',
    reason: '连续三年超额完成审判执行任务',
  },
  {
    kind: 'commendation',
    title: '嘉奖',
    level: 'county',
    issuedBy: '安泽县人民政府',
    reason: '在防汛救灾工作中表现突出',
  },
  {
    kind: 'commendation',
    title: '通报表扬',
    level: 'court',
    issuedBy: '中共安泽县人民法院党组',
    reason: '主题党日志愿服务表现突出',
  },
  {
    kind: 'criticism',
    title: '通报批评',
    level: 'court',
    issuedBy: '安泽县人民法院',
    reason: '案件超审限未按规定报批延长',
  },
  {
    kind: 'criticism',
    title: '批评教育',
    level: 'court',
    issuedBy: '中共安泽县人民法院机关支部委员会',
    reason: '无故缺席支部党员大会两次',
  },
];
