// Who used how much: resident memory and CPU time of processes, from /proc, and PostgreSQL's
// own statement count.
import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

/** Resident set size of a process in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Samples a process's RSS every 100 ms until stopped; answers the maximum seen. */
export function sampleRss(pid: number): { stop(): number } {
  let max = rssMiB(pid);
  const timer = setInterval(() => {
    try {
      max = Math.max(max, rssMiB(pid));
    } catch {
      // the process is gone; keep what we have
    }
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return max;
    },
  };
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  return cpuSecondsOf(`/proc/${pid}/stat`);
}

/** CPU seconds of a process's main thread alone (its JavaScript; not libuv's pool, where argon2 runs, nor V8's helpers). */
export function mainThreadCpuSeconds(pid: number): number {
  return cpuSecondsOf(`/proc/${pid}/task/${pid}/stat`);
}

function cpuSecondsOf(statFile: string): number {
  try {
    const stat = readFileSync(statFile, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by each PostgreSQL backend serving `database` (found by its process title). */
export function postgresCpu(database: string): Map<number, number> {
  const use = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (title.startsWith("postgres: ") && title.includes(` ${database} `)) use.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return use;
}

/** CPU seconds the backends of `database` used between two snapshots (a backend that ended meanwhile is missed). */
export function postgresCpuSince(database: string, before: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of postgresCpu(database)) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** Busy and total CPU seconds of the whole machine, from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0) / 100;
  const idle = ((fields[3] ?? 0) + (fields[4] ?? 0)) / 100;
  return { busy: total - idle, total };
}

export interface CpuUse {
  /** Shares of one core during the run. */
  server: number;
  /** The server's main thread alone. */
  serverMain: number;
  postgres: number;
  /** Share of all cores busy (anything: includes the load generator and other work on the machine). */
  machine: number;
}

/** Measures who used the CPU while `work` ran. */
export async function withCpu<T>(pid: number, database: string, work: () => Promise<T>): Promise<[T, CpuUse]> {
  const t0 = performance.now();
  const server0 = cpuSeconds(pid);
  const main0 = mainThreadCpuSeconds(pid);
  const pg0 = postgresCpu(database);
  const machine0 = machineCpu();
  const result = await work();
  const wall = (performance.now() - t0) / 1000;
  const machine1 = machineCpu();
  return [
    result,
    {
      server: (cpuSeconds(pid) - server0) / wall,
      serverMain: (mainThreadCpuSeconds(pid) - main0) / wall,
      postgres: postgresCpuSince(database, pg0) / wall,
      machine: (machine1.busy - machine0.busy) / (machine1.total - machine0.total),
    },
  ];
}

/** Statements committed in a database so far (each autocommitted statement is one). */
export async function committedStatements(client: pg.Client, database: string): Promise<number> {
  const result = await client.query("select xact_commit from pg_stat_database where datname = $1", [database]);
  return Number(result.rows[0].xact_commit);
}
