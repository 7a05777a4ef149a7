/**
 * CPU time spent by processes (Linux /proc), so a load can be split into what the Node server
 * and what the PostgreSQL backends spent per request. Undefined where /proc is not there.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let tickMs: number | undefined;

function msPerTick(): number {
  if (tickMs === undefined) {
    try {
      tickMs = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      tickMs = 10;
    }
  }
  return tickMs;
}

/** User + system CPU milliseconds of one process so far. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3, the state.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * msPerTick();
  } catch {
    return undefined;
  }
}

/** CPU milliseconds so far of each PostgreSQL backend connected to `database`, by pid. */
export function postgresBackendsCpuMs(database: string): Map<number, number> | undefined {
  if (!fs.existsSync('/proc')) return undefined;
  const found = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.startsWith('postgres: ') || !cmdline.includes(` ${database} `)) continue;
    const ms = processCpuMs(Number(entry));
    if (ms !== undefined) found.set(Number(entry), ms);
  }
  return found;
}

/** Cumulative CPU milliseconds by pid, or undefined where it cannot be read. */
export type CpuProbe = () => Map<number, number> | undefined;

export function pidProbe(pid: number): CpuProbe {
  return () => {
    const ms = processCpuMs(pid);
    return ms === undefined ? undefined : new Map([[pid, ms]]);
  };
}

/** This process: the load client. */
export const selfProbe: CpuProbe = () => {
  const usage = process.cpuUsage();
  return new Map([[process.pid, (usage.user + usage.system) / 1000]]);
};

export interface CpuMeter {
  /** CPU milliseconds since the meter started, per probe. */
  read(): Record<string, number | undefined>;
}

/**
 * Starts counting CPU for the named probes. Processes that appear later count in full; those
 * that exit meanwhile (a pool closing an idle connection) drop out rather than count negative.
 */
export function startCpuMeter(probes: Record<string, CpuProbe>): CpuMeter {
  const start = new Map(Object.entries(probes).map(([name, probe]) => [name, probe()]));
  return {
    read: () =>
      Object.fromEntries(
        Object.entries(probes).map(([name, probe]) => {
          const now = probe();
          const then = start.get(name);
          if (!now || !then) return [name, undefined];
          let spent = 0;
          for (const [pid, ms] of now) spent += ms - (then.get(pid) ?? 0);
          return [name, spent];
        }),
      ),
  };
}
