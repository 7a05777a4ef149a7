/**
 * Runs load scenarios in alternating rounds (so background noise on a shared machine hits each
 * alike) and charges the CPU each process spent to the scenario's requests.
 */
import { describeLoad, mergeLoads, type LoadResult } from './load.ts';
import { startCpuMeter, type CpuProbe } from './process-cpu.ts';

export interface Scenario {
  name: string;
  run(durationMs: number): Promise<LoadResult>;
  /** The processes whose CPU time this scenario's requests are charged, by name. */
  probes: Record<string, CpuProbe>;
}

export interface ScenarioResult {
  load: LoadResult;
  /** CPU milliseconds per successful request, by process group. */
  cpuMsPerRequest: Record<string, number | undefined>;
}

export async function runScenarios(
  scenarios: readonly Scenario[],
  opts: { warmupMs: number; durationMs: number; rounds: number },
): Promise<Map<string, ScenarioResult>> {
  for (const s of scenarios) await s.run(opts.warmupMs);
  const loads = new Map<string, LoadResult[]>();
  // NaN marks a probe that could not be read, and stays NaN through the sums.
  const cpu = new Map<string, Record<string, number>>();
  for (let r = 0; r < opts.rounds; r++) {
    for (const s of scenarios) {
      const meter = startCpuMeter(s.probes);
      loads.set(s.name, [...(loads.get(s.name) ?? []), await s.run(opts.durationMs)]);
      const sum = cpu.get(s.name) ?? {};
      for (const [name, ms] of Object.entries(meter.read())) sum[name] = (sum[name] ?? 0) + (ms ?? Number.NaN);
      cpu.set(s.name, sum);
    }
  }
  const results = new Map<string, ScenarioResult>();
  for (const s of scenarios) {
    const load = mergeLoads(loads.get(s.name) ?? []);
    const spent = cpu.get(s.name) ?? {};
    results.set(s.name, {
      load,
      cpuMsPerRequest: Object.fromEntries(
        Object.entries(spent).map(([name, ms]) => [name, Number.isNaN(ms) ? undefined : ms / load.requests]),
      ),
    });
  }
  return results;
}

export function describeScenario(result: ScenarioResult) {
  return { ...describeLoad(result.load), cpuMsPerRequest: result.cpuMsPerRequest };
}

/** "server 2.1 + postgres 8.4 ms CPU/req" */
export function cpuNote(result: ScenarioResult): string {
  const parts = Object.entries(result.cpuMsPerRequest)
    .filter((entry): entry is [string, number] => entry[1] !== undefined)
    .map(([name, ms]) => `${name} ${ms.toFixed(2)}`);
  return parts.length ? `CPU/req ms: ${parts.join(' + ')}` : '';
}
