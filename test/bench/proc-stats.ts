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
