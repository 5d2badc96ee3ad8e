/**
 * Closed-loop load on loopback: `concurrency` clients each send the next request as
 * soon as the previous answer arrives, for a fixed time. The clients run in a separate
 * process (scripts/bench/load-client.mjs) so they do not take the server's CPU.
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
}

const CLIENT = path.resolve(import.meta.dirname, 'load-client.mjs');

export async function runLoad(name: string, urls: string[], options: { concurrency: number; seconds: number }): Promise<LoadResult> {
  const planFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-load-')), 'plan.json');
  fs.writeFileSync(planFile, JSON.stringify({ name, urls, ...options }));
  const { stdout } = await promisify(execFile)(process.execPath, [CLIENT, planFile], { maxBuffer: 10 * 1024 * 1024 });
  fs.rmSync(path.dirname(planFile), { recursive: true, force: true });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

export function printResults(results: LoadResult[]) {
  console.log('\n场景 scenario                      requests  errors    req/s   p50 ms   p95 ms   p99 ms');
  for (const r of results) {
    console.log(`${r.name.padEnd(34)}${String(r.requests).padStart(8)}${String(r.errors).padStart(8)}${r.rps.toFixed(0).padStart(9)}${r.p50.toFixed(1).padStart(9)}${r.p95.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}`);
  }
}
