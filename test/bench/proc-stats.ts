import { readdirSync, readFileSync } from 'node:fs'

/** CPU and memory read from /proc (Linux), so that children are measured exactly as the kernel counts them. */

const CLOCK_TICKS_PER_SECOND = 100

export interface ProcessSample {
  pid: number
  /** user + system CPU seconds consumed since the process started */
  cpuSeconds: number
  rssBytes: number
}

export function sampleProcess(pid: number): ProcessSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const utime = Number(fields[11])
    const stime = Number(fields[12])
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return { pid, cpuSeconds: (utime + stime) / CLOCK_TICKS_PER_SECOND, rssBytes: rssKiB * 1024 }
  } catch {
    return null
  }
}

/** Direct children of `parentPid` whose command name is `comm` (e.g. every ffmpeg this process spawned). */
export function childPids(parentPid: number, comm: string): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === parentPid && name === comm) pids.push(Number(entry))
    } catch {
      /* the process ended while we looked */
    }
  }
  return pids
}

export interface CpuWindow {
  /** CPU over the window, in % of one core */
  cpuPercent: number
  /** RSS at the end of the window, summed */
  rssBytes: number
}

/** Measures a set of processes over a fixed wall-clock window. */
export async function measureProcesses(pids: () => number[], windowMs: number): Promise<CpuWindow> {
  const before = new Map(pids().map((pid) => [pid, sampleProcess(pid)?.cpuSeconds ?? 0]))
  const start = process.hrtime.bigint()
  await new Promise((resolve) => setTimeout(resolve, windowMs))
  const elapsedSeconds = Number(process.hrtime.bigint() - start) / 1e9
  let cpuSeconds = 0
  let rssBytes = 0
  for (const pid of pids()) {
    const sample = sampleProcess(pid)
    if (!sample) continue
    cpuSeconds += sample.cpuSeconds - (before.get(pid) ?? 0)
    rssBytes += sample.rssBytes
  }
  return { cpuPercent: (100 * cpuSeconds) / elapsedSeconds, rssBytes }
}

/**
 * Measures several sets of processes over one and the same wall-clock window, so that they are
 * compared under the same machine load (what one set does also slows the other). CPU comes from the
 * threads' schedstat, in nanoseconds: light processes (a remuxing ffmpeg uses well under 1 % of a
 * core) would otherwise be measured in a handful of 10 ms clock ticks.
 */
export async function measureProcessGroups<K extends string>(groups: Record<K, () => number[]>, windowMs: number): Promise<Record<K, CpuWindow>> {
  const names = Object.keys(groups) as K[]
  const cpu = (pid: number): number => threadCpuSeconds(pid) ?? sampleProcess(pid)?.cpuSeconds ?? 0
  const before = new Map(names.map((name) => [name, new Map(groups[name]().map((pid) => [pid, cpu(pid)]))]))
  const start = process.hrtime.bigint()
  await new Promise((resolve) => setTimeout(resolve, windowMs))
  const elapsedSeconds = Number(process.hrtime.bigint() - start) / 1e9
  const result = {} as Record<K, CpuWindow>
  for (const name of names) {
    let cpuSeconds = 0
    let rssBytes = 0
    for (const pid of groups[name]()) {
      const after = threadCpuSeconds(pid)
      const sample = sampleProcess(pid)
      if (after === null || !sample) continue
      cpuSeconds += after - (before.get(name)?.get(pid) ?? 0)
      rssBytes += sample.rssBytes
    }
    result[name] = { cpuPercent: (100 * cpuSeconds) / elapsedSeconds, rssBytes }
  }
  return result
}

/**
 * CPU seconds of every live thread of `pid`, from /proc/<pid>/task/<tid>/schedstat (nanoseconds), for
 * per-frame deltas finer than /proc/<pid>/stat's clock ticks. Threads that have exited are not counted.
 */
export function threadCpuSeconds(pid: number): number | null {
  let tids: string[]
  try {
    tids = readdirSync(`/proc/${pid}/task`)
  } catch {
    return null
  }
  let nanoseconds = 0
  for (const tid of tids) {
    try {
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
    } catch {
      /* the thread ended while we looked */
    }
  }
  return nanoseconds / 1e9
}

/** The process's arguments, or null once it has ended. */
export function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((arg) => arg.length > 0)
  } catch {
    return null
  }
}

export interface MachineCpuTimes {
  /** clock ticks spent by all cores on anything but idling */
  busy: number
  /** all clock ticks of all cores */
  total: number
}

/** The whole machine's CPU counters from /proc/stat, every process included. */
export function machineCpuTimes(): MachineCpuTimes {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]
  // cpu user nice system idle iowait irq softirq steal (guest times are already inside user and nice)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number)
  const total = user + nice + system + idle + iowait + irq + softirq + steal
  return { busy: total - idle - iowait, total }
}
