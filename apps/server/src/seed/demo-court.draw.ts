/** What the demo court draws its people from: names, birthplaces, phone prefixes, and the drawing helpers. */
import { computeIdCheckChar, type Gender } from '@qizhi/domain';
import type { DemoDraw } from './demo-random.ts';

// Common surnames, the most common (and those usual in 临汾 and 长治) listed twice.
export const SURNAMES = [
  ...'王李张刘陈杨赵郭王李张刘杨郭黄周吴徐孙马朱胡何高林罗郑梁谢宋唐韩冯董程曹袁邓许傅苏卫段贾侯牛薛阎',
];
const GIVEN = {
  oldMale: '建国 建华 国庆 志明 保国 德胜 福生 振华 卫东 永贵 长青 树林 文斌 宝山 俊峰 红旗 向东 富贵'.split(' '),
  oldFemale: '秀英 桂兰 淑珍 玉兰 秀兰 凤英 桂英 翠兰 玉珍 素芳 丽华 淑芬 红梅 爱华'.split(' '),
  male: {
    first: [...'志建晓俊文宇浩明国海晨家伟鹏子嘉'],
    second: [...'强伟军涛杰斌辉鹏宇浩磊峰飞超博轩'],
    single: [...'伟强军勇杰涛斌超明刚平辉鹏磊峰'],
  },
  female: {
    first: [...'晓雅丽静婷雪佳欣梦思文艳慧美悦颖'],
    second: [...'婷静丽娟敏燕琳雯倩洁萍蕾琪璐瑶怡'],
    single: [...'静丽敏燕婷娟霞芳艳琳倩颖'],
  },
};

/** Most staff were born in 安泽县 (141026); a few in neighbouring 古县, 浮山县 and 尧都区. */
const NEIGHBOUR_REGIONS = ['141025', '141027', '141002'];
export const MOBILE_PREFIXES =
  '133 135 136 137 138 139 150 151 152 155 157 158 159 177 180 183 185 186 187 188 189 199'.split(' ');

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
export const isoDate = (y: number, m: number, d: number): string => `${String(y)}-${pad(m)}-${pad(d)}`;

export function drawDate(draw: DemoDraw, year: number): string {
  return isoDate(year, draw.int(1, 12), draw.int(1, 28));
}

/** Draws until `make` returns something not yet in `taken`, then records it. */
export function drawUnique(taken: Set<string>, make: () => string): string {
  for (;;) {
    const value = make();
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
}

export function drawGivenName(draw: DemoDraw, gender: Gender, bornBefore1965: boolean): string {
  if (bornBefore1965 && draw.chance(0.7)) return draw.pick(gender === 'male' ? GIVEN.oldMale : GIVEN.oldFemale);
  const pool = gender === 'male' ? GIVEN.male : GIVEN.female;
  if (draw.chance(0.3)) return draw.pick(pool.single);
  const first = draw.pick(pool.first);
  let second = draw.pick(pool.second);
  while (second === first) second = draw.pick(pool.second);
  return first + second;
}

export function drawIdNumber(draw: DemoDraw, birthDate: string, gender: Gender): string {
  const region = draw.chance(0.85) ? '141026' : draw.pick(NEIGHBOUR_REGIONS);
  const genderDigit = draw.pick(gender === 'male' ? [1, 3, 5, 7, 9] : [0, 2, 4, 6, 8]);
  const first17 = region + birthDate.replaceAll('-', '') + pad(draw.int(0, 99)) + String(genderDigit);
  return first17 + computeIdCheckChar(first17);
}

/** Cadres retire at 60 (men) or 55 (women), from the first day of the month after the birthday. */
export function retirementDate(birthDate: string, gender: Gender): string {
  const [y, m] = birthDate.split('-').map(Number) as [number, number];
  const year = y + (gender === 'male' ? 60 : 55);
  return m === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, m + 1, 1);
}
