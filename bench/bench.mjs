// Mediaflow benchmarks (DESIGN.md §7.8), all against one real `mediaflow serve` in one run:
//   P2  upload-ack → task FINISH of a one-node transcode schedule vs the bare ffmpeg command the node ran
//       (its MfAttempts[0].CommandLine), median of 3 interleaved runs each; target ratio ≤ 1.03.
//   P3  upload 200 → first ffprobe spawn for that upload, ≥ 200 sequential uploads after warm-up; targets p50 ≤ 20 ms,
//       p99 ≤ 100 ms. The spawn moment is stamped by bench/ffprobe-stamp, whose own delay is measured and printed.
//   P4  PUT throughput of one large object vs writing, fsyncing and MD5-hashing the same bytes.
//   S1–S3 object store figures vs raw disk baselines (bench/store.mjs).
// Numbers are printed, never asserted. Usage: bench/run [--quick] [--store-only]
import { spawn, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, openSync, readSync, fstatSync, closeSync, writeSync, fsyncSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, makeMedia, serverDll } from '../tests/sdk-node/support/server.mjs';
import { mpsClient, cosClient, cosCall } from '../tests/sdk-node/support/clients.mjs';
import { storeFigures, storeConfig } from './store.mjs';
import { spriteBench } from './sprites.mjs';
import { ladderBench, ladderServerEnv } from './ladder.mjs';
import { qcBench } from './qc.mjs';
import { shellWords } from './shell-words.mjs';
import { startFinishReceiver } from './finish-receiver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const storeOnly = process.argv.includes('--store-only'); // S1–S3 only
const rawDll = process.env.MF_BENCH_RAW_DLL ?? join(here, 'raw/bin/Release/net10.0/Mediaflow.Bench.Raw.dll');
const config = quick
  ? { p2: { seconds: 20, size: '1280x720', preset: 100030 }, p3: { warmup: 10, uploads: 200 }, p4MiB: 64, wrapperRuns: 30 }
  : { p2: { seconds: 60, size: '1920x1080', preset: 100040 }, p3: { warmup: 20, uploads: 300 }, p4MiB: 256, wrapperRuns: 100 };
const region = 'ap-guangzhou';

/** Wall clock in nanoseconds (CLOCK_REALTIME origin, monotonic progress), comparable with `date +%s%N`. */
const nowNs = () => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
const ms = (ns) => Number(ns) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const percentile = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};


/** Runs a program to exit; resolves with its wall time in ms (stdout drained, like the server's progress pipe). */
function timed(program, args) {
  return new Promise((resolve, reject) => {
    const start = nowNs();
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(ms(nowNs() - start)) : reject(new Error(`${program} exited ${code}: ${stderr}`))));
  });
}

/** Reads the lines appended to a file since the last call. */
function tailer(path) {
  let offset = 0;
  let partial = '';
  return () => {
    const fd = openSync(path, 'a+');
    try {
      const size = fstatSync(fd).size;
      if (size <= offset) return [];
      const buffer = Buffer.alloc(size - offset);
      readSync(fd, buffer, 0, buffer.length, offset);
      offset = size;
      const text = partial + buffer.toString();
      const lines = text.split('\n');
      partial = lines.pop();
      return lines;
    } finally {
      closeSync(fd);
    }
  };
}

async function main() {
  const began = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'mf-bench-'));
  const spawnLog = join(work, 'spawns.log');
  writeFileSync(spawnLog, '');
  const realFfprobe = execFileSync('sh', ['-c', 'command -v ffprobe']).toString().trim();
  const wrapper = join(here, 'ffprobe-stamp');
  console.log(`Mediaflow bench${quick ? ' --quick' : ''}: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
  console.log(`Store figures (S1–S3): ${storeConfig(quick).note}`);

  // Finish callbacks: the moment a task is FINISH as seen from outside (commit + outbox delivery over loopback).
  const { receiver, finishOf } = await startFinishReceiver(nowNs);

  const timesDir = join(work, 'server-times'); // the server's ffmpeg CPU, per spawn (bench/ffmpeg-times, ladder)
  mkdirSync(timesDir);
  const ladderEnv = ladderServerEnv(timesDir);
  const server = await startServer({
    dataDir: join(work, 'data'),
    env: {
      ...ladderEnv,
      MEDIAFLOW__Media__FfprobePath: wrapper,
      MF_BENCH_REAL_FFPROBE: realFfprobe,
      MF_BENCH_SPAWN_LOG: spawnLog,
      MEDIAFLOW__Engine__WorkDirectory: join(work, 'data', 'work'),
    },
  });
  const rows = [];
  try {
    const mps = mpsClient(server);
    const cos = cosClient(server);
    const bucket = `bench-${server.appId}`;
    await cosCall(cos, 'putBucket', { Bucket: bucket, Region: region });
    const schedule = async (name, dir, definition) => {
      const { ScheduleId } = await mps.CreateSchedule({
        ScheduleName: name,
        Trigger: { Type: 'CosFileUpload', CosFileUploadTrigger: { Bucket: bucket, Region: region, Dir: `/${dir}`, Formats: ['mp4'] } },
        Activities: [
          { ActivityType: 'input', ReardriveIndex: [1] },
          { ActivityType: 'action-trans', ReardriveIndex: [2], ActivityPara: { TranscodeTask: { Definition: definition } } },
          { ActivityType: 'output' },
        ],
        OutputStorage: { Type: 'COS', CosOutputStorage: { Bucket: bucket, Region: region } },
        OutputDir: '/out/',
        TaskNotifyConfig: { NotifyType: 'URL', NotifyUrl: `http://127.0.0.1:${receiver.address().port}/cb`, NotifyMode: 'Finish' },
      });
      await mps.EnableSchedule({ ScheduleId });
    };
    const put = async (key, body) => {
      await cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key: key, Body: body });
      return nowNs();
    };

    let phase = Date.now();
    const phaseDone = (name) => {
      console.log(`${name} done in ${((Date.now() - phase) / 1000).toFixed(1)} s`);
      phase = Date.now();
    };
    if (!storeOnly) {
      // ---- P3 first (a quiet server): upload response → first ffprobe spawn ----
      await schedule('bench-p3', 'p3/', 100010);
      const tiny = readFileSync(makeMedia(join(work, 'tiny.mp4'), { seconds: 0.5, size: '64x64' }));
      const readSpawns = tailer(spawnLog);
      const seenInputs = new Set();
      const latencies = [];
      for (let i = 0; i < config.p3.warmup + config.p3.uploads; i++) {
        const key = `p3/u${i}.mp4`;
        const ack = await put(key, tiny);
        let spawned;
        for (const deadline = Date.now() + 30000; !spawned && Date.now() < deadline;) {
          for (const line of readSpawns()) {
            const [stamp, ...args] = line.split(' ');
            const input = args[args.indexOf('-i') + 1];
            // The first probe of a blob never probed before is this upload's (later probes of the task hit seen paths).
            if (!spawned && input?.includes('/objects/blobs/') && !seenInputs.has(input)) spawned = BigInt(stamp);
            if (input) seenInputs.add(input);
          }
          if (!spawned) await sleep(1);
        }
        if (!spawned) throw new Error(`no ffprobe spawn seen for ${key}`);
        if (i >= config.p3.warmup) latencies.push(ms(spawned - ack));
        await finishOf(key); // the next upload meets an idle engine
        for (const line of readSpawns()) seenInputs.add(line.split(' ').at(-1));
      }

      // The wrapper's own delay: its stamp vs the moment it was spawned, and its extra wall time over ffprobe itself.
      const stampDelays = [];
      const wrapperTimes = [];
      const directTimes = [];
      const overheadLog = join(work, 'overhead.log');
      for (let i = 0; i < config.wrapperRuns; i++) {
        directTimes.push(await timed(realFfprobe, ['-v', 'quiet', '-version']));
        writeFileSync(overheadLog, '');
        const start = nowNs();
        const child = spawn(wrapper, ['-v', 'quiet', '-version'], { stdio: 'ignore', env: { ...process.env, MF_BENCH_SPAWN_LOG: overheadLog, MF_BENCH_REAL_FFPROBE: realFfprobe } });
        await new Promise((r) => child.on('close', r));
        wrapperTimes.push(ms(nowNs() - start));
        stampDelays.push(ms(BigInt(readFileSync(overheadLog, 'utf8').split(' ')[0]) - start));
      }
      const stampDelay = median(stampDelays);
      phaseDone('P3');
      rows.push(['P3 upload 200 → ffprobe spawn p50', `${percentile(latencies, 50).toFixed(1)} ms`, '≤ 20 ms', verdict(percentile(latencies, 50) <= 20)]);
      rows.push(['P3 upload 200 → ffprobe spawn p99', `${percentile(latencies, 99).toFixed(1)} ms`, '≤ 100 ms', verdict(percentile(latencies, 99) <= 100)]);
      rows.push([`P3 (n=${latencies.length}, after ${config.p3.warmup} warm-up) min / max`, `${Math.min(...latencies).toFixed(1)} / ${Math.max(...latencies).toFixed(1)} ms`, '', '']);
      rows.push(['P3 wrapper stamp delay (included above) p50', `${stampDelay.toFixed(1)} ms`, '', `wrapper ${median(wrapperTimes).toFixed(1)} ms vs ffprobe ${median(directTimes).toFixed(1)} ms per run`]);

      // ---- P2: one-node transcode workflow vs the bare ffmpeg command ----
      const { seconds, size, preset } = config.p2;
      await schedule('bench-p2', 'p2/', preset);
      const t0 = Date.now();
      const source = readFileSync(makeMedia(join(work, 'p2.mp4'), { seconds, size }));
      console.log(`P2 source: ${seconds} s ${size} lavfi testsrc2 H.264/AAC, ${(source.length / 2 ** 20).toFixed(1)} MiB (made in ${((Date.now() - t0) / 1000).toFixed(1)} s); preset ${preset}`);
      const workflow = [];
      const bare = [];
      let argv = null;
      const runWorkflow = async (i) => {
        const key = `p2/run${i}.mp4`;
        const ack = await put(key, source);
        const { at, event } = await finishOf(key);
        const node = event.ActivityResultSet[0].ActivityResItem.TranscodeTask;
        if (node.Status !== 'SUCCESS') throw new Error(`P2 node failed: ${JSON.stringify(node)}`);
        workflow.push(ms(at - ack) / 1000);
        if (!argv) {
          const detail = await mps.DescribeTaskDetail({ TaskId: event.TaskId });
          const commandLine = detail.ScheduleTask.ActivityResultSet[0].MfAttempts.at(-1).CommandLine;
          argv = shellWords(commandLine);
          argv[0] = ladderEnv.MF_BENCH_REAL_FFMPEG; // the server's program is the CPU-accounting wrapper: time ffmpeg itself
          argv[argv.length - 1] = join(work, basename(argv.at(-1))); // the same output, outside the server's work directory
          console.log(`P2 bare command (from MfAttempts): ${commandLine.replace(/ \S+$/, ` ${argv.at(-1)}`)}`);
        }
      };
      const runBare = async () => bare.push((await timed(argv[0], argv.slice(1))) / 1000);
      // Interleaved W B B W W B: neither side always runs first or on a warmer cache.
      for (const [i, step] of ['W', 'B', 'B', 'W', 'W', 'B'].entries()) await (step === 'W' ? runWorkflow(i) : runBare());
      phaseDone('P2');
      const ratio = median(workflow) / median(bare);
      rows.push(['P2 workflow upload-ack → FINISH (median of 3)', `${median(workflow).toFixed(2)} s`, '', workflow.map((x) => x.toFixed(2)).join(' / ')]);
      rows.push(['P2 bare ffmpeg, same command (median of 3)', `${median(bare).toFixed(2)} s`, '', bare.map((x) => x.toFixed(2)).join(' / ')]);
      rows.push(['P2 wall ratio workflow / bare', ratio.toFixed(3), '≤ 1.03', verdict(ratio <= 1.03)]);

      // ---- P4: PUT throughput vs write + fsync + MD5 of the same bytes ----
      const bytes = randomBytes(config.p4MiB * 2 ** 20);
      const putStart = nowNs();
      await put(`p4/blob-${config.p4MiB}m.bin`, bytes);
      const putSeconds = ms(nowNs() - putStart) / 1000;
      const rawStart = nowNs();
      const fd = openSync(join(work, 'raw.bin'), 'w');
      const md5 = createHash('md5');
      for (let offset = 0; offset < bytes.length; offset += 128 * 1024) {
        const chunk = bytes.subarray(offset, offset + 128 * 1024);
        md5.update(chunk);
        writeSync(fd, chunk);
      }
      fsyncSync(fd);
      closeSync(fd);
      md5.digest('hex');
      const rawSeconds = ms(nowNs() - rawStart) / 1000;
      const mibps = (s) => `${(config.p4MiB / s).toFixed(0)} MiB/s`;
      rows.push([`P4 PUT ${config.p4MiB} MiB (COS SDK putObject)`, mibps(putSeconds), '', `${putSeconds.toFixed(2)} s`]);
      rows.push([`P4 raw write + fsync + MD5 ${config.p4MiB} MiB`, mibps(rawSeconds), '', `${rawSeconds.toFixed(2)} s`]);
      rows.push(['P4 throughput ratio PUT / raw', (rawSeconds / putSeconds).toFixed(2), '', '']);
      phaseDone('P4');
      if (statSync(join(work, 'raw.bin')).size !== bytes.length) throw new Error('raw baseline wrote a short file');

      // ---- P5: sprite + ten screenshots vs the best single command (bench/sprites.mjs) ----
      if (!process.argv.includes('--skip-p5')) {
        const notifyUrl = `http://127.0.0.1:${receiver.address().port}/cb`;
        rows.push(...await spriteBench({ mps, put, finishOf, now: nowNs, bucket, region, notifyUrl, work, quick, timesDir }));
        phaseDone('P5');
      }

      // ---- Ladder: three sibling transcodes (one fused ffmpeg) vs separate runs and the best split=3 command ----
      if (!process.argv.includes('--skip-ladder')) {
        const notifyUrl = `http://127.0.0.1:${receiver.address().port}/cb`;
        rows.push(...await ladderBench({ mps, put, finishOf, now: nowNs, bucket, region, notifyUrl, work, quick, timesDir, shellWords, env: ladderEnv }));
        phaseDone('Ladder');
      }
    }

    // ---- QC: the content pass vs a decode-only pass and vs one pass per detector (bench/qc.mjs) ----
    if (!process.argv.includes('--skip-qc') && !process.argv.includes('--store-only')) {
      phase = Date.now();
      try {
        rows.push(...await qcBench({ work, quick, dll: serverDll(), shellWords }));
      } catch (error) {
        // One failed figure must not cost the others: print it as a row and go on to S1–S3.
        console.error(error);
        rows.push(['QC bench', 'failed', '', String(error.message).split('\n')[0]]);
      }
      phaseDone('QC');
    }

    // ---- S1–S3: the object store against raw disk baselines ----
    phase = Date.now();
    rows.push(...(await storeFigures({ server, work, quick, rawDll })));
    phaseDone('S1–S3');
  } finally {
    receiver.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }

  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), ['figure', 'measured', 'target'][c].length));
  const line = (r) => `${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`;
  console.log(`\n${line(['figure', 'measured', 'target', 'note'])}\n${line(widths.map((w) => '-'.repeat(w)).concat(''))}`);
  for (const r of rows) console.log(line(r));
  console.log(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at end; total ${((Date.now() - began) / 1000).toFixed(0)} s. `
    + 'Targets are printed, not enforced.');
}

function verdict(ok) {
  return ok ? 'meets target' : 'misses target';
}

await main();
