/**
 * The demo court 安泽县人民法院, built to the reference figures of the four-step method
 * (mechanism.md): one 党支部 with 4 党小组, 54 party members of whom 18 retired, under the court's
 * 党组, with trial divisions, an enforcement bureau and grassroots people's tribunals.
 *
 * Pure and deterministic: a seeded PRNG draws names, dates, ID and phone numbers, so every call
 * returns the same court and seeds, tests and screenshots agree. People are fictitious; their ID
 * numbers are well-formed (GB 11643 check digit) but invented.
 */
import { addYears } from '@qizhi/domain';
import type {
  CompletePersonRecord,
  DepartmentKind,
  EducationLevel,
  Gender,
  OrgKind,
  PersonStatus,
} from '@qizhi/domain';
import {
  drawDate,
  drawGivenName,
  drawIdNumber,
  drawUnique,
  MOBILE_PREFIXES,
  pad,
  retirementDate,
  SURNAMES,
} from './demo-court.draw.ts';
import { createDemoDraw } from './demo-random.ts';

export interface DemoOrgUnit {
  key: string;
  parentKey: string | null;
  kind: OrgKind;
  name: string;
  establishedOn: string | null;
  termStartedOn: string | null;
  /** Person key of the secretary (党组书记 / 支部书记 / 党小组长). */
  secretaryKey: string | null;
  /** Other committee members (党组成员, 支委), the secretary excluded. */
  committee: { personKey: string; post: string }[];
  sortOrder: number;
}

export interface DemoDepartment {
  key: string;
  name: string;
  kind: DepartmentKind;
  sortOrder: number;
}

/** A person of the demo court: a roster's particulars, placed by key rather than by name. */
export type DemoPerson = Omit<CompletePersonRecord, 'branchName' | 'cellName' | 'departmentName' | 'retiredOn'> & {
  key: string;
  orgUnitKey: string | null;
  departmentKey: string | null;
  partyPosts: string | null;
  retiredOn: string | null;
};

export type DemoRole = 'leader' | 'secretary' | 'clerk' | 'member' | 'staff';

export interface DemoAccount {
  username: DemoRole;
  personKey: string;
  role: DemoRole;
  /** Scope of the role grant; null = the whole court. */
  orgUnitKey: string | null;
}

export interface DemoCourt {
  tenant: { code: 'anze'; name: '安泽县人民法院' };
  orgUnits: DemoOrgUnit[];
  departments: DemoDepartment[];
  people: DemoPerson[];
  accounts: DemoAccount[];
}

/** The day the demo figures describe: every date in the demo lies before it. */
export const DEMO_AS_OF = '2026-11-01';

export const DEMO_ORG_KEYS = {
  partyGroup: 'org:party-group',
  branch: 'org:branch',
  trialCell: 'org:cell-trial',
  enforcementCell: 'org:cell-enforcement',
  generalCell: 'org:cell-general',
  retiredCell: 'org:cell-retired',
} as const;
const ORG = DEMO_ORG_KEYS;

type CellKey = typeof ORG.trialCell | typeof ORG.enforcementCell | typeof ORG.generalCell;

type DepartmentRow = Omit<DemoDepartment, 'sortOrder'> & { cell: CellKey };

const DEPARTMENTS: readonly (DemoDepartment & { cell: CellKey })[] = (
  [
    { key: 'dept:filing', name: '立案庭', kind: 'trial', cell: ORG.trialCell },
    { key: 'dept:criminal', name: '刑事审判庭', kind: 'trial', cell: ORG.trialCell },
    { key: 'dept:civil', name: '民事审判庭', kind: 'trial', cell: ORG.trialCell },
    { key: 'dept:administrative', name: '行政审判庭', kind: 'trial', cell: ORG.trialCell },
    { key: 'dept:supervision', name: '审判监督庭', kind: 'trial', cell: ORG.trialCell },
    { key: 'dept:enforcement', name: '执行局', kind: 'enforcement', cell: ORG.enforcementCell },
    { key: 'dept:tribunal-fucheng', name: '府城人民法庭', kind: 'tribunal', cell: ORG.enforcementCell },
    { key: 'dept:tribunal-hechuan', name: '和川人民法庭', kind: 'tribunal', cell: ORG.enforcementCell },
    { key: 'dept:tribunal-liangma', name: '良马人民法庭', kind: 'tribunal', cell: ORG.enforcementCell },
    { key: 'dept:office', name: '办公室', kind: 'support', cell: ORG.generalCell },
    { key: 'dept:political', name: '政治处', kind: 'support', cell: ORG.generalCell },
    { key: 'dept:police', name: '司法警察大队', kind: 'support', cell: ORG.generalCell },
  ] satisfies DepartmentRow[]
).map((d, i) => ({ ...d, sortOrder: i + 1 }));

/** Which in-service cell a department's members belong to. */
export const DEMO_CELL_OF_DEPARTMENT: Readonly<Record<string, string>> = Object.fromEntries(
  DEPARTMENTS.map((d) => [d.key, d.cell]),
);

type Profile =
  | 'president'
  | 'leader'
  | 'head'
  | 'deputy'
  | 'judge'
  | 'assistant'
  | 'clerk'
  | 'police'
  | 'officer'
  | 'driver'
  | 'retired';

/** Birth years, the share of men and the education pool (repeats weight the draw) per kind of post. */
const PROFILES: Record<Profile, { born: [number, number]; male: number; education: EducationLevel[] }> = {
  president: { born: [1968, 1971], male: 1, education: ['postgraduate', 'bachelor'] },
  leader: { born: [1967, 1978], male: 0.75, education: ['postgraduate', 'bachelor', 'bachelor'] },
  head: { born: [1970, 1986], male: 0.65, education: ['postgraduate', 'bachelor', 'bachelor', 'bachelor'] },
  deputy: { born: [1976, 1989], male: 0.55, education: ['postgraduate', 'bachelor', 'bachelor'] },
  judge: { born: [1978, 1993], male: 0.5, education: ['postgraduate', 'bachelor', 'bachelor', 'bachelor'] },
  assistant: { born: [1990, 1999], male: 0.45, education: ['postgraduate', 'postgraduate', 'bachelor'] },
  clerk: { born: [1993, 2000], male: 0.3, education: ['bachelor', 'bachelor', 'college'] },
  police: { born: [1984, 1998], male: 0.85, education: ['bachelor', 'college', 'college'] },
  officer: { born: [1986, 1998], male: 0.45, education: ['bachelor', 'bachelor', 'postgraduate', 'college'] },
  driver: { born: [1970, 1982], male: 1, education: ['secondary', 'college'] },
  retired: {
    born: [1940, 1964],
    male: 0.7,
    education: ['college', 'college', 'secondary', 'secondary', 'bachelor', 'primary'],
  },
};

interface Slot {
  dept: string | null;
  position: string;
  profile: Profile;
  /** In-service members only: the cell of 院领导, who sit in no department. */
  cell?: CellKey;
  status?: PersonStatus;
  posts?: string;
  /** A name other parts of the court refer to: committees, accounts. */
  ref?: string;
  /** Narrows the profile's birth years. */
  born?: [number, number];
}

function seat(dept: string | null, position: string, profile: Profile, extra: Partial<Slot> = {}): Slot {
  return { dept, position, profile, ...extra };
}

/** 36 in-service members: 14 in the trial cell, 11 in enforcement and tribunals, 11 in support. */
const MEMBER_SLOTS: Slot[] = [
  seat(null, '党组书记、院长', 'president', { cell: ORG.generalCell, posts: '党组书记', ref: 'president' }),
  seat(null, '党组成员、副院长', 'leader', { cell: ORG.trialCell, posts: '党组成员', ref: 'vp1' }),
  seat(null, '党组成员、副院长', 'leader', { cell: ORG.enforcementCell, posts: '党组成员', ref: 'vp2' }),
  seat(null, '党组成员、纪检组长', 'leader', { cell: ORG.generalCell, posts: '党组成员、纪检组长', ref: 'discipline' }),
  seat('dept:political', '党组成员、政治处主任', 'leader', { posts: '党组成员、支部书记', ref: 'branchSecretary' }),
  seat('dept:political', '政治处副主任', 'deputy', { posts: '组织委员', ref: 'organisation' }),
  seat('dept:political', '科员', 'officer', { ref: 'clerk' }),
  seat('dept:office', '办公室主任', 'head', { posts: '宣传委员', ref: 'publicity' }),
  seat('dept:office', '办公室副主任', 'deputy'),
  seat('dept:office', '科员', 'officer'),
  seat('dept:police', '司法警察大队大队长', 'head', { posts: '党小组长', ref: 'generalCellLeader' }),
  seat('dept:police', '司法警察', 'police'),
  seat('dept:police', '司法警察', 'police'),
  seat('dept:filing', '立案庭庭长', 'head'),
  seat('dept:filing', '法官助理', 'assistant'),
  seat('dept:criminal', '刑事审判庭庭长', 'head', { posts: '党小组长', ref: 'trialCellLeader' }),
  seat('dept:criminal', '审判员', 'judge'),
  seat('dept:criminal', '法官助理', 'assistant'),
  seat('dept:civil', '民事审判庭庭长', 'head'),
  seat('dept:civil', '民事审判庭副庭长', 'deputy'),
  seat('dept:civil', '审判员', 'judge', { ref: 'member' }),
  seat('dept:civil', '审判员', 'judge'),
  seat('dept:civil', '法官助理', 'assistant', { status: 'probationary' }),
  seat('dept:administrative', '行政审判庭庭长', 'head'),
  seat('dept:supervision', '审判监督庭庭长', 'head', { posts: '纪检委员', ref: 'inspection' }),
  seat('dept:supervision', '审判员', 'judge'),
  seat('dept:enforcement', '执行局局长', 'head', { posts: '支部副书记', ref: 'deputySecretary' }),
  seat('dept:enforcement', '执行局副局长', 'deputy'),
  seat('dept:enforcement', '执行员', 'judge'),
  seat('dept:enforcement', '执行员', 'judge'),
  seat('dept:enforcement', '法官助理', 'assistant', { status: 'probationary' }),
  seat('dept:tribunal-fucheng', '府城人民法庭庭长', 'head', { posts: '党小组长', ref: 'enforcementCellLeader' }),
  seat('dept:tribunal-fucheng', '审判员', 'judge'),
  seat('dept:tribunal-hechuan', '和川人民法庭庭长', 'head'),
  seat('dept:tribunal-hechuan', '审判员', 'judge'),
  seat('dept:tribunal-liangma', '良马人民法庭庭长', 'head'),
];

/** 18 retired members; their 党小组长 is one of the recently retired, still able to run the cell. */
const RETIRED_SLOTS: Slot[] = Array.from({ length: 18 }, (_, i) =>
  seat(null, '退休干部', 'retired', i === 0 ? { posts: '党小组长', ref: 'retiredCellLeader', born: [1958, 1964] } : {}),
);

/** 26 non-party staff (群众), two of them on the way to membership. */
const NON_PARTY_SLOTS: Slot[] = [
  seat('dept:filing', '法官助理', 'assistant', { status: 'activist' }),
  seat('dept:filing', '书记员', 'clerk'),
  seat('dept:filing', '书记员', 'clerk'),
  seat('dept:criminal', '书记员', 'clerk'),
  seat('dept:criminal', '书记员', 'clerk'),
  seat('dept:civil', '法官助理', 'assistant'),
  seat('dept:civil', '书记员', 'clerk', { ref: 'staff' }),
  seat('dept:civil', '书记员', 'clerk'),
  seat('dept:administrative', '法官助理', 'assistant'),
  seat('dept:administrative', '书记员', 'clerk', { status: 'applicant' }),
  seat('dept:supervision', '书记员', 'clerk'),
  seat('dept:enforcement', '执行员', 'judge'),
  seat('dept:enforcement', '书记员', 'clerk'),
  seat('dept:enforcement', '书记员', 'clerk'),
  seat('dept:tribunal-fucheng', '书记员', 'clerk'),
  seat('dept:tribunal-hechuan', '法官助理', 'assistant'),
  seat('dept:tribunal-hechuan', '书记员', 'clerk'),
  seat('dept:tribunal-liangma', '法官助理', 'assistant'),
  seat('dept:tribunal-liangma', '书记员', 'clerk'),
  seat('dept:office', '信息技术员', 'officer'),
  seat('dept:office', '驾驶员', 'driver'),
  seat('dept:political', '科员', 'officer'),
  seat('dept:police', '司法警察', 'police'),
  seat('dept:police', '司法警察', 'police'),
  seat('dept:police', '司法警察', 'police'),
  seat('dept:police', '司法警察', 'police'),
];

/** Probationary members were admitted within the year before DEMO_AS_OF, in this order. */
const PROBATION_ADMITTED_ON = ['2026-01-16', '2026-06-26'];

export function generateDemoCourt(): DemoCourt {
  const draw = createDemoDraw(0x414e5a45); // "ANZE"
  const names = new Set<string>();
  const idNumbers = new Set<string>();
  const phones = new Set<string>();
  const refs = new Map<string, string>();
  const people: DemoPerson[] = [];
  let probationIndex = 0;

  const slots: { slot: Slot; kind: 'member' | 'retired' | 'nonParty' }[] = [
    ...MEMBER_SLOTS.map((slot) => ({ slot, kind: 'member' as const })),
    ...RETIRED_SLOTS.map((slot) => ({ slot, kind: 'retired' as const })),
    ...NON_PARTY_SLOTS.map((slot) => ({ slot, kind: 'nonParty' as const })),
  ];

  for (const [index, { slot, kind }] of slots.entries()) {
    const key = `person:${pad(index + 1, 3)}`;
    if (slot.ref) refs.set(slot.ref, key);
    const profile = PROFILES[slot.profile];
    const gender: Gender = draw.chance(profile.male) ? 'male' : 'female';
    // Women still serving were born after 1971: at 55 they would have retired.
    const [bornFrom, bornTo] = slot.born ?? profile.born;
    const earliest = gender === 'female' && kind !== 'retired' ? Math.max(bornFrom, 1972) : bornFrom;
    const birthYear = draw.int(earliest, Math.max(earliest, bornTo));
    const birthDate = drawDate(draw, birthYear);
    const name = drawUnique(names, () => draw.pick(SURNAMES) + drawGivenName(draw, gender, birthYear < 1965));
    const roll = draw.int(1, 100);
    const ethnicity = roll <= 4 ? '回族' : roll <= 6 ? '满族' : '汉族';
    const idNumber = drawUnique(idNumbers, () => drawIdNumber(draw, birthDate, gender));
    const phone = drawUnique(phones, () => draw.pick(MOBILE_PREFIXES) + pad(draw.int(0, 99_999_999), 8));
    const education = draw.pick(profile.education);

    const status: PersonStatus = slot.status ?? (kind === 'nonParty' ? 'non_party' : 'full');
    let joinedOn: string | null = null;
    let confirmedOn: string | null = null;
    if (status === 'probationary') {
      joinedOn = PROBATION_ADMITTED_ON[probationIndex++]!;
    } else if (status === 'full') {
      // Admitted between 20 and 32, and long enough ago to have been confirmed before DEMO_AS_OF.
      const joinYear = Math.min(birthYear + draw.int(20, 32), kind === 'retired' ? 1995 : 2024);
      joinedOn = drawDate(draw, Math.max(joinYear, birthYear + 19));
      confirmedOn = addYears(joinedOn, 1);
    }

    let orgUnitKey: string | null = null;
    if (kind === 'retired') orgUnitKey = ORG.retiredCell;
    else if (kind === 'member') orgUnitKey = slot.cell ?? DEMO_CELL_OF_DEPARTMENT[slot.dept ?? ''] ?? null;
    else if (status !== 'non_party') orgUnitKey = ORG.branch;

    people.push({
      key,
      name,
      gender,
      ethnicity,
      birthDate,
      idNumber,
      phone,
      education,
      status,
      joinedOn,
      confirmedOn,
      orgUnitKey,
      departmentKey: slot.dept,
      position: slot.position,
      partyPosts: slot.posts ?? null,
      retired: kind === 'retired',
      retiredOn: kind === 'retired' ? retirementDate(birthDate, gender) : null,
    });
  }

  const ref = (name: string): string => {
    const key = refs.get(name);
    if (!key) throw new Error(`demo court: no person for ${name}`);
    return key;
  };

  const orgUnits: DemoOrgUnit[] = [
    {
      key: ORG.partyGroup,
      parentKey: null,
      kind: 'party_group',
      name: '中共安泽县人民法院党组',
      establishedOn: null,
      // A 党组 is appointed, not elected: no committee term to watch.
      termStartedOn: null,
      secretaryKey: ref('president'),
      committee: [
        { personKey: ref('vp1'), post: '党组成员' },
        { personKey: ref('vp2'), post: '党组成员' },
        { personKey: ref('discipline'), post: '党组成员、纪检组长' },
        { personKey: ref('branchSecretary'), post: '党组成员' },
      ],
      sortOrder: 1,
    },
    {
      key: ORG.branch,
      parentKey: ORG.partyGroup,
      kind: 'branch',
      name: '安泽县人民法院机关党支部',
      establishedOn: '1985-06-28',
      // Term of 3 years: re-election falls due in March 2027.
      termStartedOn: '2024-03-15',
      secretaryKey: ref('branchSecretary'),
      committee: [
        { personKey: ref('deputySecretary'), post: '副书记' },
        { personKey: ref('organisation'), post: '组织委员' },
        { personKey: ref('publicity'), post: '宣传委员' },
        { personKey: ref('inspection'), post: '纪检委员' },
      ],
      sortOrder: 1,
    },
    ...(
      [
        [ORG.trialCell, '第一党小组（审判业务）', 'trialCellLeader'],
        [ORG.enforcementCell, '第二党小组（执行及人民法庭）', 'enforcementCellLeader'],
        [ORG.generalCell, '第三党小组（综合部门）', 'generalCellLeader'],
        [ORG.retiredCell, '离退休党小组', 'retiredCellLeader'],
      ] as const
    ).map(([key, name, leader], i) => ({
      key,
      parentKey: ORG.branch,
      kind: 'cell' as const,
      name,
      establishedOn: '2016-03-15',
      termStartedOn: null,
      secretaryKey: ref(leader),
      committee: [],
      sortOrder: i + 1,
    })),
  ];

  return {
    tenant: { code: 'anze', name: '安泽县人民法院' },
    orgUnits,
    departments: DEPARTMENTS.map(({ key, name, kind, sortOrder }) => ({ key, name, kind, sortOrder })),
    people,
    accounts: [
      { username: 'leader', personKey: ref('president'), role: 'leader', orgUnitKey: null },
      { username: 'secretary', personKey: ref('branchSecretary'), role: 'secretary', orgUnitKey: ORG.branch },
      { username: 'clerk', personKey: ref('clerk'), role: 'clerk', orgUnitKey: null },
      { username: 'member', personKey: ref('member'), role: 'member', orgUnitKey: null },
      { username: 'staff', personKey: ref('staff'), role: 'staff', orgUnitKey: null },
    ],
  };
}
