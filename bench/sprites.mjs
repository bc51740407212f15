// P5 (issue 04, DESIGN.md §7.8): a sprite sheet plus ten screenshots as one workflow vs the best hand-written single
// ffmpeg command producing the same exact-frame images (target ≤ 1.1×), and vs a decode-only pass (for scale: ≤ 0.3×
// holds only for keyframe-only images, which are not the frames asked for).
// The workflow is ProcessMedia with inline Activities: image sprite preset 10 (every 10 s, 142×80 thumbnails, 10×10)
// and a time-offset snapshot (preset 10, source size JPG) at 5 %, 15 %, … 95 %, timed from the ProcessMedia call to
// its Finish callback. The source has a 2 s GOP. Median of 3 runs each, interleaved W C D C W D D W C.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { timesWrapper, cpuOf, clear } from './ladder.mjs';
import { startFinishReceiver } from './finish-receiver.mjs';

const offsetsPercent = [5, 15, 25, 35, 45, 55, 65, 75, 85, 95];

function makeSource(path, seconds, size) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-g', '50', '-pix_fmt', 'yuv420p', '-c:a', 'aac', path]);
  return path;
}

/** Wall seconds of one ffmpeg; with cpuDir, run through bench/ffmpeg-times so its CPU lands there (ladder.mjs cpuOf). */
function wall(args, cpuDir) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = cpuDir
      ? spawn(timesWrapper, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MF_BENCH_TIMES_DIR: cpuDir } })
      : spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - start) / 1e9) : reject(new Error(`ffmpeg exited ${code}: ${stderr}`))));
  });
}

/** The best single command: one decode split in two — the sprite grid as the node samples it, the ten first-frames-at-or-after. */
function handWritten(source, seconds, out) {
  const grid = "setpts=PTS-STARTPTS,select='eq(n,0)+gt(floor(t/10+0.000001),floor(prev_t/10+0.000001))',scale=w=142:h=80,setsar=sar=1,tile=layout=10x10";
  const shots = offsetsPercent.map((p) => { const t = (seconds * p) / 100; return `gte(t,${t})*lt(prev_t,${t})`; }).join('+');
  const still = ['-c:v', 'mjpeg', '-q:v', '2', '-pix_fmt', 'yuvj420p', '-fps_mode', 'passthrough', '-f', 'image2', '-start_number', '0'];
  return ['-hide_banner', '-nostdin', '-y', '-i', source,
    '-filter_complex', `[0:v:0]split=outputs=2[a][b];[a]${grid}[sprite];[b]select='${shots}'[shots]`,
    '-map', '[sprite]', ...still, join(out, 'sprite_%06d.jpg'), '-map', '[shots]', ...still, join(out, 'shot_%06d.jpg')];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * Runs P5 against a running server. ctx: { mps, put(key, body), finishOf(key) → { at, event }, now() (the clock of
 * `at`, ns as BigInt), bucket, region, notifyUrl, work, quick }.
 * Returns table rows [figure, measured, target, note].
 */
export async function spriteBench({ mps, put, finishOf, now, bucket, region, notifyUrl, work, quick, timesDir }) {
  const [seconds, size] = quick ? [20, '1280x720'] : [60, '1920x1080'];
  const source = makeSource(join(work, 'p5.mp4'), seconds, size);
  const bytes = readFileSync(source);
  console.log(`P5 source: ${seconds} s ${size} H.264 (GOP 2 s), ${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
  const out = join(work, 'p5-out');
  const workflow = [];
  const command = [];
  const decode = [];
  const cpu = { W: [], C: [], D: [] };
  const cpuDir = join(work, 'p5-times');
  const spawns = [];
  let commandLine = null;
  let run = 0;
  const runWorkflow = async () => {
    const key = `p5/run${run++}.mp4`;
    await put(key, bytes);
    if (timesDir) clear(timesDir);
    const start = now();
    const { TaskId } = await mps.ProcessMedia({
      InputInfo: { Type: 'COS', CosInputInfo: { Bucket: bucket, Region: region, Object: `/${key}` } },
      OutputStorage: { Type: 'COS', CosOutputStorage: { Bucket: bucket, Region: region } },
      OutputDir: '/p5-out/',
      TaskNotifyConfig: { NotifyType: 'URL', NotifyUrl: notifyUrl, NotifyMode: 'Finish' },
      Activities: [
        { ActivityType: 'input', ReardriveIndex: [1, 2] },
        { ActivityType: 'action-image-sprite', ReardriveIndex: [3], ActivityPara: { ImageSpriteTask: { Definition: 10 } } },
        { ActivityType: 'action-snapshotByTimeOffset', ReardriveIndex: [3],
          ActivityPara: { SnapshotByTimeOffsetTask: { Definition: 10, ExtTimeOffsetSet: offsetsPercent.map((p) => `${p}%`) } } },
        { ActivityType: 'output' },
      ],
    });
    const { at, event } = await finishOf(key);
    const failed = event.ActivityResultSet.filter((r) => Object.values(r.ActivityResItem)[0].Status !== 'SUCCESS');
    if (failed.length > 0) throw new Error(`P5 node failed: ${JSON.stringify(failed)}`);
    workflow.push(Number(at - start) / 1e9);
    if (timesDir) {
      const { seconds: used, spawns: n } = cpuOf(timesDir);
      cpu.W.push(used);
      spawns.push(n);
    }
    if (!commandLine) {
      const detail = await mps.DescribeTaskDetail({ TaskId });
      commandLine = detail.ScheduleTask.ActivityResultSet[0].MfAttempts.at(-1).CommandLine;
      console.log(`P5 workflow command (MfAttempts of the sprite node): ${commandLine}`);
    }
  };
  const runCommand = async () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    clear(cpuDir);
    command.push(await wall(handWritten(source, seconds, out), cpuDir));
    cpu.C.push(cpuOf(cpuDir).seconds);
    const images = readdirSync(out);
    if (images.filter((f) => f.startsWith('shot_')).length !== 10) throw new Error(`P5 hand-written command wrote ${images.join(', ')}`);
  };
  const runDecode = async () => {
    clear(cpuDir);
    decode.push(await wall(['-hide_banner', '-nostdin', '-i', source, '-map', '0:v:0', '-f', 'null', '-'], cpuDir));
    cpu.D.push(cpuOf(cpuDir).seconds);
  };
  for (const step of ['W', 'C', 'D', 'C', 'W', 'D', 'D', 'W', 'C']) await ({ W: runWorkflow, C: runCommand, D: runDecode })[step]();
  rmSync(out, { recursive: true, force: true });

  const ratio = median(workflow) / median(command);
  return [
    ['P5 workflow sprite + 10 snapshots, ProcessMedia → FINISH (median of 3)', `${median(workflow).toFixed(2)} s`, '', workflow.map((x) => x.toFixed(2)).join(' / ')],
    ['P5 best single command, same exact frames (median of 3)', `${median(command).toFixed(2)} s`, '', command.map((x) => x.toFixed(2)).join(' / ')],
    ['P5 decode-only pass (median of 3)', `${median(decode).toFixed(2)} s`, '', decode.map((x) => x.toFixed(2)).join(' / ')],
    ['P5 wall ratio workflow / single command', ratio.toFixed(3), '≤ 1.1', ratio <= 1.1 ? 'meets target' : 'misses target'],
    ...(timesDir ? [
      ['P5 CPU workflow / single command / decode-only (median, user+sys)', `${median(cpu.W).toFixed(2)} / ${median(cpu.C).toFixed(2)} / ${median(cpu.D).toFixed(2)} s`, '', `workflow ffmpeg spawns ${spawns.join('/')}`],
      ['P5 CPU ratio workflow / single command', (median(cpu.W) / median(cpu.C)).toFixed(3), '', 'wall ratios mean little on a loaded machine; CPU is steadier'],
    ] : []),
    ['P5 wall ratio workflow / decode-only', (median(workflow) / median(decode)).toFixed(3), '', '≤ 0.3 only for keyframe-only images (not these frames)'],
  ];
}

// Standalone: `node bench/sprites.mjs [--quick]` runs P5 alone against its own server (bench/run calls spriteBench).
if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir, loadavg } = await import('node:os');
  const { startServer } = await import('../tests/sdk-node/support/server.mjs');
  const { mpsClient, cosClient, cosCall } = await import('../tests/sdk-node/support/clients.mjs');
  const quick = process.argv.includes('--quick');
  const region = 'ap-guangzhou';
  const work = mkdtempSync(join(tmpdir(), 'mf-bench-p5-'));
  const { receiver, finishOf } = await startFinishReceiver();
  console.log(`P5 alone${quick ? ' --quick' : ''}: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
  const { ladderServerEnv } = await import('./ladder.mjs');
  const timesDir = join(work, 'server-times');
  (await import('node:fs')).mkdirSync(timesDir);
  const server = await startServer({ dataDir: join(work, 'data'), env: ladderServerEnv(timesDir) });
  try {
    const mps = mpsClient(server);
    const cos = cosClient(server);
    const bucket = `bench-${server.appId}`;
    await cosCall(cos, 'putBucket', { Bucket: bucket, Region: region });
    const put = (key, body) => cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key: key, Body: body });
    const rows = await spriteBench({ mps, put, finishOf, now: () => process.hrtime.bigint(), bucket, region, notifyUrl: `http://127.0.0.1:${receiver.address().port}/cb`, work, quick, timesDir });
    for (const row of rows) console.log(row.join(' | '));
  } finally {
    receiver.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
