/**
 * Deterministic benchmark people for a court laid out like the demo court 安泽县人民法院: the same
 * cells and departments by name, so the rows can go into the database directly or into a roster
 * file the import reads. Same seed, same people. ID numbers carry valid GB 11643 check characters.
 */
import {
  addYears,
  computeIdCheckChar,
  type CompletePersonRecord,
  type EducationLevel,
  type Gender,
  type PersonStatus,
} from '@qizhi/domain';
import { DEMO_CELL_OF_DEPARTMENT, DEMO_ORG_KEYS, generateDemoCourt } from '../apps/server/src/seed/demo-court.data.ts';

export interface CourtLayout {
  branch: string;
  retiredCell: string;
  /** Each department with the name of the in-service cell its party members belong to. */
  departments: { name: string; cell: string }[];
}

/** The demo court's organisation, by name. */
export function demoCourtLayout(): CourtLayout {
  const court = generateDemoCourt();
  const unitName = (key: string): string => {
    const unit = court.orgUnits.find((u) => u.key === key);
    if (!unit) throw new Error(`demo court has no org unit ${key}`);
    return unit.name;
  };
  return {
    branch: unitName(DEMO_ORG_KEYS.branch),
    retiredCell: unitName(DEMO_ORG_KEYS.retiredCell),
    departments: court.departments.map((d) => ({ name: d.name, cell: unitName(DEMO_CELL_OF_DEPARTMENT[d.key] ?? '') })),
  };
}

/** The ID numbers of the demo court's own people, which generated people must not reuse. */
export function demoCourtIdNumbers(): Set<string> {
  return new Set(generateDemoCourt().people.map((p) => p.idNumber));
}

const SURNAMES = [
  ...'王李张刘陈杨赵郭王李张刘杨郭黄周吴徐孙马朱胡何高林罗郑梁谢宋唐韩冯董程曹袁邓许傅苏卫段贾侯牛薛阎',
];
const GIVEN_MALE = [...'志建晓俊文宇浩明国海晨家伟鹏子嘉强军涛杰斌辉磊峰飞超博轩勇刚平'];
const GIVEN_FEMALE = [...'晓雅丽静婷雪佳欣梦思文艳慧美悦颖娟敏燕琳雯倩洁萍蕾琪璐瑶怡霞芳'];
const POSITIONS = ['审判员', '法官助理', '书记员', '科员', '副庭长', '执行员', '司法警察', '一级主任科员'];
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '满族'];
const EDUCATIONS: EducationLevel[] = ['postgraduate', 'bachelor', 'bachelor', 'bachelor', 'college', 'secondary'];
const REGIONS = ['141026', '141026', '141026', '141026', '141025', '141027', '141002'];
const MOBILE_PREFIXES = ['133', '135', '138', '139', '150', '158', '186', '189'];

/** In-service people: which status, with what weight (out of 100). */
const STATUS_WEIGHTS: [PersonStatus, number][] = [
  ['full', 62],
  ['probationary', 4],
  ['candidate', 2],
  ['activist', 3],
  ['applicant', 3],
  ['non_party', 26],
];
/** Share of retired party members, as in the demo court (18 of 90). */
const RETIRED_SHARE = 0.2;

/** mulberry32 */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function drawStatus(random: () => number): PersonStatus {
  let roll = random() * 100;
  for (const [status, weight] of STATUS_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return 'non_party';
}

function drawDate(random: () => number, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  return `${String(year)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
}

/** An ID number not in `taken` (then added): the 3-digit sequence steps by 2 so its parity keeps the gender. */
function uniqueIdNumber(random: () => number, birthDate: string, gender: Gender, taken: Set<string>): string {
  const region = pick(random, REGIONS);
  const start = Math.floor(random() * 500) * 2 + (gender === 'male' ? 1 : 0);
  for (let step = 0; step < 500; step++) {
    const first17 = `${region}${birthDate.replaceAll('-', '')}${pad((start + step * 2) % 1000, 3)}`;
    const id = first17 + computeIdCheckChar(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
  throw new Error(`no free ID number for ${birthDate}`);
}

function retirementDate(birthDate: string, gender: Gender): string {
  const [y, m] = birthDate.split('-').map(Number) as [number, number];
  const year = y + (gender === 'male' ? 60 : 55);
  return m === 12 ? `${String(year + 1)}-01-01` : `${String(year)}-${pad(m + 1)}-01`;
}

function generatePerson(
  random: () => number,
  index: number,
  layout: CourtLayout,
  taken: Set<string>,
): CompletePersonRecord {
  const gender: Gender = random() < 0.55 ? 'male' : 'female';
  const retired = random() < RETIRED_SHARE;
  const status: PersonStatus = retired ? 'full' : drawStatus(random);
  // Serving women were born after 1971 (they retire at 55); the retired before 1966.
  const birthDate = retired ? drawDate(random, 1940, 1965) : drawDate(random, gender === 'male' ? 1967 : 1972, 2001);
  const birthYear = Number(birthDate.slice(0, 4));
  const given = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const name = pick(random, SURNAMES) + pick(random, given) + (random() < 0.7 ? pick(random, given) : '');

  let joinedOn: string | null = null;
  let confirmedOn: string | null = null;
  if (status === 'full') {
    const joinYear = Math.min(birthYear + 20 + Math.floor(random() * 13), retired ? 1995 : 2024);
    joinedOn = drawDate(random, Math.max(joinYear, birthYear + 19), Math.max(joinYear, birthYear + 19));
    confirmedOn = addYears(joinedOn, 1);
  } else if (status === 'probationary') {
    joinedOn = `2026-0${String(1 + Math.floor(random() * 6))}-${pad(1 + Math.floor(random() * 28))}`;
  }

  const department = retired ? null : pick(random, layout.departments);
  const isMember = status === 'full' || status === 'probationary';
  const inParty = status !== 'non_party';
  return {
    name,
    gender,
    ethnicity: pick(random, ETHNICITIES),
    birthDate,
    idNumber: uniqueIdNumber(random, birthDate, gender, taken),
    phone: pick(random, MOBILE_PREFIXES) + pad(index % 100_000_000, 8),
    education: pick(random, EDUCATIONS),
    status,
    joinedOn,
    confirmedOn,
    branchName: inParty ? layout.branch : null,
    cellName: retired ? layout.retiredCell : isMember ? (department?.cell ?? null) : null,
    departmentName: department?.name ?? null,
    position: retired ? '退休干部' : pick(random, POSITIONS),
    retired,
    retiredOn: retired ? retirementDate(birthDate, gender) : null,
  };
}

/**
 * `count` people; `taken` holds ID numbers already in use (the court's) and receives the new ones.
 * `firstIndex` lets several batches of one court draw different phone numbers.
 */
export function generatePeople(
  count: number,
  opts: { layout: CourtLayout; seed?: number; taken?: Set<string>; firstIndex?: number },
): CompletePersonRecord[] {
  const random = createRandom(opts.seed ?? 0x51a1);
  const taken = opts.taken ?? new Set<string>();
  const firstIndex = opts.firstIndex ?? 0;
  return Array.from({ length: count }, (_, i) => generatePerson(random, firstIndex + i, opts.layout, taken));
}
