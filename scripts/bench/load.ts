/**
 * Closed-loop load on loopback: `concurrency` clients each send the next request as
 * soon as the previous answer arrives, for a fixed time. The load comes from wrk when it is
 * installed (Debian package `wrk`), else from scripts/bench/load-client.mjs; either way in a
 * separate process, so it does not take the server's CPU.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU milliseconds per request in this process (the server) and in local PostgreSQL backends, when measured. */
  cpu?: { serverMs: number; databaseMs: number };
  /** CPU milliseconds per request spent by the load client itself (node client only). */
  clientMs?: number;
  /** The load generator: wrk when installed, else the node:http client. */
  client?: 'wrk' | 'node';
}

const CLIENT = path.resolve(import.meta.dirname, 'load-client.mjs');
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (ms) used so far by the processes that `pick` selects (Linux /proc; 0 elsewhere). */
function processCpuMs(pick: (pid: number, ppid: number, name: string) => boolean): number {
  let ticks = 0;
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  for (const pid of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      if (!pick(Number(pid), Number(fields[1]), stat.slice(stat.indexOf('(') + 1, close))) continue;
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

const postgresCpuMs = () => processCpuMs((_pid, _ppid, name) => name.startsWith('postgres'));

/** The server's CPU time: this process, or a server started as a separate process tree (WORKERS > 1). */
export function serverCpuMs(serverPid?: number): number {
  if (!serverPid) {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
  return processCpuMs((pid, ppid) => pid === serverPid || ppid === serverPid);
}

/**
 * Runs the load and adds the CPU cost per request on the server (this process) and in the
 * database: on a shared or noisy machine req/s varies from run to run, CPU per request much less.
 */
export async function runLoadMeasured(name: string, urls: string[], options: { concurrency: number; seconds: number; serverPid?: number }): Promise<LoadResult> {
  const server0 = serverCpuMs(options.serverPid);
  const db0 = postgresCpuMs();
  const result = await runLoad(name, urls, options);
  const serverMs = serverCpuMs(options.serverPid) - server0;
  const databaseMs = postgresCpuMs() - db0;
  // A backend that exits during the run takes its CPU time with it: the figure is then a lower bound (shown as — when negative).
  return { ...result, cpu: { serverMs: serverMs / result.requests, databaseMs: databaseMs / result.requests } };
}

/** wrk (Debian package `wrk`), a load generator in C, when installed: it leaves the server and the database nearly all the CPU. */
function findWrk(): string | null {
  if (process.env.LOAD_CLIENT === 'node') return null;
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = path.join(dir, 'wrk');
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export async function runLoad(name: string, urls: string[], options: { concurrency: number; seconds: number }): Promise<LoadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-load-'));
  try {
    const wrk = findWrk();
    if (wrk) {
      const origin = new URL(urls[0]).origin;
      fs.writeFileSync(path.join(dir, 'paths.txt'), urls.map((u) => u.slice(origin.length)).join('\n') + '\n');
      const { stdout } = await promisify(execFile)(wrk, [
        '-t1', `-c${options.concurrency}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', path.resolve(import.meta.dirname, 'wrk.lua'), origin, '--', path.join(dir, 'paths.txt'),
      ], { maxBuffer: 10 * 1024 * 1024 });
      const r = JSON.parse(stdout.trim().split('\n').pop()!);
      return { name: `${name}`, ...r, rps: r.requests / r.seconds, client: 'wrk' };
    }
    const planFile = path.join(dir, 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify({ name, urls, ...options }));
    const { stdout } = await promisify(execFile)(process.execPath, [CLIENT, planFile], { maxBuffer: 10 * 1024 * 1024 });
    return { ...JSON.parse(stdout.trim().split('\n').pop()!), client: 'node' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function printResults(results: LoadResult[]) {
  if (results[0]) console.log(`\n负载生成器 load generator: ${results[0].client === 'wrk' ? 'wrk（C，单线程）' : 'node:http 客户端（另一进程）'}`);
  console.log('\n场景 scenario                      requests  errors    req/s   p50 ms   p95 ms   p99 ms  CPU ms/req server  database    client');
  for (const r of results) {
    const cpu = r.cpu ? `${r.cpu.serverMs.toFixed(3).padStart(18)}${(r.cpu.databaseMs < 0 ? '—' : r.cpu.databaseMs.toFixed(3)).padStart(10)}${(r.clientMs === undefined ? '—' : r.clientMs.toFixed(3)).padStart(10)}` : '';
    console.log(`${r.name.padEnd(34)}${String(r.requests).padStart(8)}${String(r.errors).padStart(8)}${r.rps.toFixed(0).padStart(9)}${r.p50.toFixed(1).padStart(9)}${r.p95.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${cpu}`);
  }
}
