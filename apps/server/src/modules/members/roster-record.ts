/** One record of a roster workbook: a row's cells read, checked and normalised into a person. */
import {
  findIdNumberProblem,
  GENDER_LABELS,
  ID_NUMBER_PROBLEM_MESSAGES,
  isValidPhone,
  normalizeIdNumber,
  normalizePhone,
  parseIdBirthDate,
  parseIdGender,
  partyStandingOf,
  stageDateProblems,
  workPostOf,
  type PartyStanding,
  type WorkPost,
  type EducationLevel,
  type Gender,
  type ImportError,
  type PersonStatus,
} from '@qizhi/domain';
import {
  type ImportedPerson,
  type Field,
  HEADER_NAMES,
  MAX_LENGTHS,
  type Scalar,
  isBlank,
  toHalfWidth,
  textOf,
  readDate,
  dateMessage,
  STATUS_BY_TEXT,
  STATUS_CHOICES,
  EDUCATION_CHOICES,
  educationOf,
  GENDER_BY_TEXT,
  RETIRED_BY_TEXT,
  ethnicityOf,
  nameOf,
  charCount,
  WORK_POST_CHOICES,
  PARTY_STANDING_CHOICES,
  type RosterPlacement,
} from './roster-columns.ts';

export interface Column {
  col: number;
  /** The header as it appears in the file (whitespace removed), used in messages. */
  header: string;
  key: string;
}

export interface SortableError extends ImportError {
  col: number;
}

export interface DataRow {
  row: number;
  cells: Map<number, Scalar>;
}

interface FieldValue {
  value: Scalar;
  column: Column | null;
}

export function parseRecord(
  data: DataRow,
  columnsOf: ReadonlyMap<Field, Column[]>,
  firstRowOfId: Map<string, number>,
  errors: SortableError[],
  rejected?: RosterPlacement[],
): ImportedPerson | null {
  const rowNumber = data.row;
  let failed = false;
  const get = (field: Field): FieldValue => {
    const columns = columnsOf.get(field) ?? [];
    for (const column of columns) {
      const value = data.cells.get(column.col);
      if (value !== undefined && !isBlank(value)) return { value, column };
    }
    return { value: null, column: columns[0] ?? null };
  };
  const fail = (field: Field, at: FieldValue, message: string): void => {
    failed = true;
    errors.push({
      row: rowNumber,
      column: at.column?.header ?? HEADER_NAMES[field][0] ?? '',
      col: at.column?.col ?? 0,
      message,
    });
  };
  const labelOf = (field: Field, at: FieldValue): string => at.column?.key ?? HEADER_NAMES[field][0] ?? '';

  const text = (field: Field): { at: FieldValue; text: string | null } => {
    const at = get(field);
    const value = textOf(at.value);
    const max = MAX_LENGTHS[field];
    if (value !== null && max !== undefined && charCount(value) > max) {
      fail(field, at, `${labelOf(field, at)}最多${String(max)}个字`);
    }
    return { at, text: value };
  };
  const date = (field: Field): { at: FieldValue; iso: string | null } => {
    const at = get(field);
    const read = readDate(at.value);
    if (read.ok) return { at, iso: read.iso };
    fail(field, at, dateMessage(read.shown));
    return { at, iso: null };
  };

  // 姓名
  const nameCell = get('name');
  const name = nameOf(textOf(nameCell.value) ?? '');
  if (name === '') fail('name', nameCell, '请填写姓名');
  else if (charCount(name) > 30) fail('name', nameCell, '姓名最多30个字');

  // 公民身份号码
  const idCell = get('idNumber');
  let idNumber: string | null = null;
  const idText = textOf(idCell.value);
  if (typeof idCell.value === 'number' || (idText !== null && /^\d(\.\d+)?E\+?\d+$/i.test(idText))) {
    fail('idNumber', idCell, '身份证号被存为数字，请将该列设为文本格式后重新填写');
  } else if (idText === null) {
    fail('idNumber', idCell, '请填写公民身份号码');
  } else {
    const id = normalizeIdNumber(toHalfWidth(idText).replace(/\s+/g, ''));
    const problem = findIdNumberProblem(id);
    if (problem) {
      fail('idNumber', idCell, ID_NUMBER_PROBLEM_MESSAGES[problem]);
    } else {
      idNumber = id;
      const first = firstRowOfId.get(id);
      if (first === undefined) firstRowOfId.set(id, rowNumber);
      else fail('idNumber', idCell, `与第${String(first)}行的公民身份号码重复`);
    }
  }
  const idBirthDate = idNumber ? parseIdBirthDate(idNumber) : null;
  const idGender = idNumber ? parseIdGender(idNumber) : null;

  // 性别
  const genderCell = get('gender');
  const genderText = textOf(genderCell.value);
  let gender: Gender | null = idGender;
  if (genderText !== null) {
    const given = GENDER_BY_TEXT.get(toHalfWidth(genderText).replace(/\s+/g, '').toUpperCase());
    if (!given) fail('gender', genderCell, `性别“${genderText}”无法识别，应填写“男”或“女”`);
    else if (idGender && given !== idGender) {
      fail(
        'gender',
        genderCell,
        `性别“${genderText}”与公民身份号码不符（按公民身份号码应为“${GENDER_LABELS[idGender]}”）`,
      );
    } else gender = given;
  }

  // 民族
  const ethnicityRead = text('ethnicity');
  const ethnicity = ethnicityRead.text === null ? null : ethnicityOf(ethnicityRead.text);

  // 出生日期 / 出生年月
  const birthCell = get('birthDate');
  let birthDate: string | null = idBirthDate;
  if (!isBlank(birthCell.value)) {
    const read = readDate(birthCell.value);
    const monthOnly = yearMonthOf(birthCell.value);
    if (
      birthCell.column?.key === '出生年月' &&
      idBirthDate &&
      (read.ok ? read.iso : monthOnly)?.slice(0, 7) === idBirthDate.slice(0, 7)
    ) {
      birthDate = idBirthDate; // 出生年月 carries no day: the ID number has it
    } else if (read.ok) {
      birthDate = read.iso;
    } else if (monthOnly && idBirthDate && monthOnly === idBirthDate.slice(0, 7)) {
      birthDate = idBirthDate;
    } else {
      fail('birthDate', birthCell, dateMessage(read.shown));
    }
  }

  // 学历
  const educationCell = get('education');
  const educationText = textOf(educationCell.value);
  let education: EducationLevel | null = null;
  if (educationText !== null) {
    education = educationOf(educationText);
    if (!education) {
      fail(
        'education',
        educationCell,
        `${labelOf('education', educationCell)}“${educationText}”无法识别，可填写：${EDUCATION_CHOICES.join('、')}`,
      );
    }
  }

  // 人员类别 / 党员状态 / 政治面貌
  const statusCell = get('status');
  const statusText = textOf(statusCell.value);
  let status: PersonStatus = 'non_party';
  if (statusText !== null) {
    const mapped = STATUS_BY_TEXT.get(statusText.replace(/\s+/g, ''));
    if (mapped) status = mapped;
    else
      fail(
        'status',
        statusCell,
        `${labelOf('status', statusCell)}“${statusText}”无法识别，可填写：${STATUS_CHOICES.join('、')}`,
      );
  }

  // 入党日期、转正日期
  const joined = date('joinedOn');
  const confirmed = date('confirmedOn');
  if (joined.iso && confirmed.iso && confirmed.iso < joined.iso) {
    fail(
      'confirmedOn',
      confirmed.at,
      `${labelOf('confirmedOn', confirmed.at)}（${confirmed.iso}）早于${labelOf('joinedOn', joined.at)}（${joined.iso}）`,
    );
  }

  const branchName = text('branchName').text;
  const cellName = text('cellName').text;
  const departmentName = text('departmentName').text;
  const position = text('position').text;

  // 联系电话
  const phoneCell = get('phone');
  const phoneText = textOf(phoneCell.value);
  let phone: string | null = null;
  if (phoneText !== null) {
    const normalized = normalizePhone(toHalfWidth(phoneText));
    if (isValidPhone(normalized)) phone = normalized;
    else
      fail('phone', phoneCell, `${labelOf('phone', phoneCell)}“${phoneText}”不正确，应为11位手机号或带区号的固定电话`);
  }

  // 是否离退休
  const retiredCell = get('retired');
  let retired = false;
  if (typeof retiredCell.value === 'boolean') {
    retired = retiredCell.value;
  } else {
    const retiredText = textOf(retiredCell.value);
    if (retiredText !== null) {
      const mapped = RETIRED_BY_TEXT.get(toHalfWidth(retiredText).replace(/\s+/g, '').toUpperCase());
      if (mapped === undefined)
        fail('retired', retiredCell, `${labelOf('retired', retiredCell)}“${retiredText}”无法识别，应填写“是”或“否”`);
      else retired = mapped;
    }
  }

  // The national member system's fields: 工作岗位, 籍贯, 党籍状态, 入党介绍人 and the stage dates.
  const workPostCell = get('workPost');
  const workPostText = textOf(workPostCell.value);
  let workPost: WorkPost | null = null;
  if (workPostText !== null) {
    workPost = workPostOf(workPostText);
    if (!workPost)
      fail('workPost', workPostCell, `工作岗位“${workPostText}”无法归类，可填写：${WORK_POST_CHOICES.join('、')}`);
  }
  const nativePlace = text('nativePlace').text;
  const sponsors = text('sponsors').text;
  const standingCell = get('partyStanding');
  const standingText = textOf(standingCell.value);
  let partyStanding: PartyStanding | null = null;
  if (standingText !== null) {
    partyStanding = partyStandingOf(standingText);
    if (!partyStanding)
      fail(
        'partyStanding',
        standingCell,
        `党籍状态“${standingText}”无法识别，可填写：${PARTY_STANDING_CHOICES.join('、')}`,
      );
    else if (status !== 'full' && status !== 'probationary')
      fail('partyStanding', standingCell, '只有党员填写党籍状态');
  }
  const transferredIn = date('transferredInOn');
  const applied = date('appliedOn');
  const activist = date('activistOn');
  const candidate = date('candidateOn');
  const stageCells = {
    appliedOn: applied.at,
    activistOn: activist.at,
    candidateOn: candidate.at,
    joinedOn: joined.at,
    confirmedOn: confirmed.at,
    transferredInOn: transferredIn.at,
  };
  for (const issue of stageDateProblems({
    birthDate,
    appliedOn: applied.iso,
    activistOn: activist.iso,
    candidateOn: candidate.iso,
    joinedOn: joined.iso,
    confirmedOn: confirmed.iso,
    transferredInOn: transferredIn.iso,
  })) {
    // 转正日期 before 入党日期 is reported above in the file's own words.
    if (issue.path !== 'confirmedOn') fail(issue.path, stageCells[issue.path], issue.message);
  }

  if (failed || idNumber === null) {
    // Its organisation is still checked, so one pass reports every error of the row.
    rejected?.push({ row: rowNumber, branchName, cellName, departmentName });
    return null;
  }
  return {
    row: rowNumber,
    name,
    gender: gender ?? parseIdGender(idNumber),
    ethnicity,
    birthDate,
    idNumber,
    education,
    status,
    joinedOn: joined.iso,
    confirmedOn: confirmed.iso,
    branchName,
    cellName,
    departmentName,
    position,
    phone,
    retired,
    workPost,
    nativePlace,
    partyStanding,
    sponsors,
    transferredInOn: transferredIn.iso,
    appliedOn: applied.iso,
    activistOn: activist.iso,
    candidateOn: candidate.iso,
  };
}

/** "1990.03", "1990-3", "1990年3月" → "1990-03" (a 出生年月 without a day). */
function yearMonthOf(value: Scalar): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$/.exec(toHalfWidth(value.trim()));
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1] ?? ''}-${String(month).padStart(2, '0')}`;
}
