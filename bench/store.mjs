// Object store figures (issue 3), each next to a raw baseline measured in the same run by bench/raw (C#):
//   S1  one large object (full: 256 MiB; quick: 64 MiB), single-stream PUT and GET over HTTP vs a FileStream write +
//       fsync and a FileStream read of the same bytes; target ratio ≥ 0.8 each way.
//   S2  16 KiB PUTs at concurrency 8 vs the raw temp + fsync + rename + SQLite-commit pattern at concurrency 8;
//       target ratio ≥ 0.5 (objects per second).
//   S3  16 KiB PUTs at concurrency 1: latency p50 / p99; target p99 ≤ 10 ms.
// The HTTP side carries a COS q-sign header (signed with the COS SDK's getAuth; the body is not hashed by the client):
// curl for S1's large bodies, node's http client with keep-alive for S2/S3's many small ones.
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cosClient, cosCall } from '../tests/sdk-node/support/clients.mjs';

const region = 'ap-guangzhou';

export function storeConfig(quick) {
  return quick
    ? { largeMiB: 64, smallCount: 400, sequentialCount: 200, note: 'quick: 64 MiB large object, 400 + 200 small PUTs' }
    : { largeMiB: 256, smallCount: 1000, sequentialCount: 500, note: 'full: 256 MiB large object, 1000 + 500 small PUTs' };
}

const percentile = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Runs bench/raw's baseline and parses its JSON line. */
function raw(rawDll, ...args) {
  return JSON.parse(execFileSync('dotnet', [rawDll, ...args], { maxBuffer: 1 << 20 }).toString());
}

/** Returns the table rows of S1–S3 against `server` (already running). */
export async function storeFigures({ server, work, quick, rawDll }) {
  const config = storeConfig(quick);
  const cos = cosClient(server);
  const bucket = `store-${server.appId}`;
  await cosCall(cos, 'putBucket', { Bucket: bucket, Region: region });
  const host = `${bucket}.cos.${region}.myqcloud.com`;
  const [address, port] = server.store.split(':');
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });

  /** One signed request; resolves with status, ETag and the number of body bytes received (body discarded). */
  const send = (method, key, body) =>
    new Promise((resolve, reject) => {
      const headers = { Host: host, ...(body ? { 'Content-Length': String(body.length) } : {}) };
      headers.Authorization = cos.getAuth({ Method: method, Key: key, Headers: { host } });
      const req = request({ host: address, port: Number(port), method, path: `/${key}`, headers, agent }, (res) => {
        let received = 0;
        res.on('data', (c) => (received += c.length));
        res.on('end', () => (res.statusCode === 200 ? resolve({ etag: res.headers.etag, received }) : reject(new Error(`${method} ${key}: ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

  const rows = [];
  const dir = mkdtempSync(join(work, 'store-'));
  try {
    // ---- S1: one large object, 3 interleaved rounds (PUT, GET, raw write + read), medians ----
    // curl moves the bytes (PUT streams the file, GET writes to /dev/null), so the figure is the server's and not a
    // JavaScript client's; the q-sign header comes from the COS SDK's getAuth.
    const bytes = randomBytes(config.largeMiB * 2 ** 20);
    const source = join(dir, 'source.bin');
    writeFileSync(source, bytes);
    await send('PUT', 'warm/up', randomBytes(1024)); // connection and JIT warm-up, not timed
    const curl = (method, key, extra) => {
      const authorization = cos.getAuth({ Method: method, Key: key, Headers: { host } });
      const out = execFileSync('curl', ['-sS', '-f', '-o', '/dev/null', '-w', '%{time_total} %{size_download}', '-X', method,
        '-H', `Host: ${host}`, '-H', `Authorization: ${authorization}`, '-H', 'Expect:', ...extra, `http://${server.store}/${key}`]).toString();
      const [time, size] = out.trim().split(' ');
      return { seconds: Number(time), size: Number(size) };
    };
    const puts = [];
    const gets = [];
    const rawWrites = [];
    const rawReads = [];
    // The loopback HTTP ceiling (bench/raw `serve`): the same curl against a bare Kestrel with no store behind it.
    const ceiling = await startCeiling(rawDll, source);
    const bare = { discard: [], md5: [], get: [] };
    try {
      for (let round = 0; round < 3; round++) {
        const key = `large/object-${round}.bin`;
        puts.push(curl('PUT', key, ['-T', source]).seconds);
        const got = curl('GET', key, []);
        if (got.size !== bytes.length) throw new Error(`GET returned ${got.size} of ${bytes.length} bytes`);
        gets.push(got.seconds);
        const baseline = raw(rawDll, 'large', source, dir);
        rawWrites.push(baseline.writeSeconds);
        rawReads.push(baseline.readSeconds);
        bare.discard.push(plainCurl(`${ceiling.url}/discard`, ['-X', 'PUT', '-T', source]).seconds);
        bare.md5.push(plainCurl(`${ceiling.url}/md5`, ['-X', 'PUT', '-T', source]).seconds);
        const bareGet = plainCurl(`${ceiling.url}/file`, []);
        if (bareGet.size !== bytes.length) throw new Error(`bare GET returned ${bareGet.size} of ${bytes.length} bytes`);
        bare.get.push(bareGet.seconds);
      }
    } finally {
      ceiling.stop();
    }
    const [putSeconds, getSeconds, rawWrite, rawRead] = [puts, gets, rawWrites, rawReads].map((xs) => percentile(xs, 50));
    const mibps = (s) => `${(config.largeMiB / s).toFixed(0)} MiB/s`;
    const all = (xs) => xs.map((x) => x.toFixed(2)).join(' / ') + ' s';
    rows.push([`S1 PUT ${config.largeMiB} MiB single stream (median of 3)`, mibps(putSeconds), '', all(puts)]);
    rows.push([`S1 raw FileStream write + fsync ${config.largeMiB} MiB`, mibps(rawWrite), '', all(rawWrites)]);
    rows.push(['S1 PUT ratio (PUT / raw throughput)', (rawWrite / putSeconds).toFixed(2), '≥ 0.8', verdict(rawWrite / putSeconds >= 0.8)]);
    rows.push([`S1 GET ${config.largeMiB} MiB single stream (median of 3)`, mibps(getSeconds), '', all(gets)]);
    rows.push([`S1 raw FileStream read ${config.largeMiB} MiB`, mibps(rawRead), '', `${all(rawReads)} (page cache, like the GET)`]);
    rows.push(['S1 GET ratio (GET / raw throughput)', (rawRead / getSeconds).toFixed(2), '≥ 0.8', verdict(rawRead / getSeconds >= 0.8)]);
    const [bareDiscard, bareMd5, bareGet] = [bare.discard, bare.md5, bare.get].map((xs) => percentile(xs, 50));
    rows.push([`S1 ceiling: curl PUT into bare Kestrel, body dropped`, mibps(bareDiscard), '', all(bare.discard)]);
    rows.push([`S1 ceiling: curl PUT into bare Kestrel + MD5`, mibps(bareMd5), '', `${all(bare.md5)}; PUT / this ${(bareMd5 / putSeconds).toFixed(2)}`]);
    rows.push([`S1 ceiling: curl GET from bare Kestrel (SendFileAsync)`, mibps(bareGet), '', `${all(bare.get)}; GET / this ${(bareGet / getSeconds).toFixed(2)}`]);

    // ---- S2: 16 KiB PUTs at concurrency 8 ----
    const small = randomBytes(16 * 1024);
    let next = 0;
    let start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let i = next++; i < config.smallCount; i = next++) await send('PUT', `small/c8-${i}`, small);
    }));
    const opsPerSecond = config.smallCount / seconds(start);
    const rawSmall = raw(rawDll, 'small', mkdtempSync(join(dir, 'c8-')), String(config.smallCount), '8', String(small.length));
    rows.push([`S2 16 KiB PUT, concurrency 8 (n=${config.smallCount})`, `${opsPerSecond.toFixed(0)} /s`, '', '']);
    rows.push(['S2 raw temp+fsync+rename+commit, concurrency 8', `${rawSmall.opsPerSecond.toFixed(0)} /s`, '', `p50 ${rawSmall.p50Ms.toFixed(1)} ms, p99 ${rawSmall.p99Ms.toFixed(1)} ms`]);
    rows.push(['S2 ratio (PUT / raw objects per second)', (opsPerSecond / rawSmall.opsPerSecond).toFixed(2), '≥ 0.5', verdict(opsPerSecond / rawSmall.opsPerSecond >= 0.5)]);

    // ---- S3: 16 KiB PUTs at concurrency 1 ----
    const latencies = [];
    for (let i = 0; i < config.sequentialCount; i++) {
      start = process.hrtime.bigint();
      await send('PUT', `small/c1-${i}`, small);
      latencies.push(seconds(start) * 1000);
    }
    const rawSeq = raw(rawDll, 'small', mkdtempSync(join(dir, 'c1-')), String(config.sequentialCount), '1', String(small.length));
    rows.push([`S3 16 KiB PUT, concurrency 1 p50 (n=${config.sequentialCount})`, `${percentile(latencies, 50).toFixed(1)} ms`, '', `raw p50 ${rawSeq.p50Ms.toFixed(1)} ms`]);
    rows.push(['S3 16 KiB PUT, concurrency 1 p99', `${percentile(latencies, 99).toFixed(1)} ms`, '≤ 10 ms', `${verdict(percentile(latencies, 99) <= 10)}; raw p99 ${rawSeq.p99Ms.toFixed(1)} ms`]);
  } finally {
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** curl without a signature (the bare ceiling server); returns seconds and bytes downloaded. */
function plainCurl(url, extra) {
  const out = execFileSync('curl', ['-sS', '-f', '-o', '/dev/null', '-w', '%{time_total} %{size_download}', '-H', 'Expect:', ...extra, url]).toString();
  const [time, size] = out.trim().split(' ');
  return { seconds: Number(time), size: Number(size) };
}

/** Starts bench/raw's bare Kestrel (`serve <file>`) on 127.0.0.1; `stop()` closes its stdin, which ends it. */
async function startCeiling(rawDll, file) {
  const child = spawn('dotnet', [rawDll, 'serve', file], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench/raw serve exited ${code}`)));
  });
  return { url: JSON.parse(first).url, stop: () => child.stdin.end() };
}

function verdict(ok) {
  return ok ? 'meets target' : 'misses target';
}
