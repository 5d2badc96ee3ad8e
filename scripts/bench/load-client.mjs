// Load client, run as its own process so that it does not share the server's CPU core:
// `node load-client.mjs plan.json` — plan: { name, urls, concurrency, seconds }; prints a JSON result.
// It uses node:http with keep-alive connections (one per client), which costs far less CPU than
// fetch: on a 2-core machine the load generator competes with the server and the database.
import fs from 'node:fs';
import http from 'node:http';

const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
for (const url of plan.urls) if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) throw new Error('load is only sent to loopback');
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
const latencies = [];
let errors = 0;
let n = 0;
const start = performance.now();
const end = start + plan.seconds * 1000;

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
  });
}

async function client() {
  while (performance.now() < end) {
    const url = plan.urls[n++ % plan.urls.length];
    const t0 = performance.now();
    const status = await get(url);
    if (status === 0 || status >= 400) errors += 1;
    latencies.push(performance.now() - t0);
  }
}
await Promise.all(Array.from({ length: plan.concurrency }, client));
agent.destroy();
const seconds = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
const cpu = process.cpuUsage();
const clientMs = (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length);
console.log(JSON.stringify({ name: plan.name, requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: pct(50), p95: pct(95), p99: pct(99), clientMs }));
