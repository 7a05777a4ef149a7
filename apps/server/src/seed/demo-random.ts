import { courtInstant } from '@qizhi/domain';

/** mulberry32, seeded: the demo's mechanisms data look varied and are the same on every seed. */
export interface DemoDraw {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createDemoDraw(seed: number): DemoDraw {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

/** A working-day instant on `isoDate` at the court (10:00 by default), for timestamps in the demo. */
export function demoInstant(isoDate: string, hour = 10): Date {
  return courtInstant(isoDate, `${String(hour).padStart(2, '0')}:00`);
}

/** `isoDate` moved by `days`. */
export function shiftDate(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
