// Ladder (issue 04, DESIGN.md §7.8 sibling fusion): a three-rung H.264 ladder as one ProcessMedia workflow — three
// sibling transcode nodes on one input, which the engine runs as ONE ffmpeg process (decode once, split=3) — against
// (a) the three separate bare ffmpeg commands the nodes would run alone (started together, as an unfused engine with
// free slots would) and (b) the best single hand-written command: the same three chains behind one decode and split=3.
// Full: 20 s 1080p source, rungs 1080/720/480; quick: 6 s 720p, rungs 720/480/360. Encoder settings are the server's
// own: (a) and (b) are cut from the fused command the workflow ran (MfAttempts[].CommandLine), so all three sides encode
// identically. CPU = user+sys of the ffmpeg processes, measured for all sides by bench/ffmpeg-times (bash `times` after
// each ffmpeg child; the server's Media:FfmpegPath points at it); wall = ProcessMedia call → Finish callback for the
// workflow. Targets: CPU ≤ 0.85× and wall ≤ 0.90× of the separate runs, ≤ 1.05× of the single command. Never fails
// on the numbers. Median of 3 (quick: 2), interleaved.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFinishReceiver } from './finish-receiver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const timesWrapper = join(here, 'ffmpeg-times');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** The server's env for CPU accounting: its ffmpeg runs through bench/ffmpeg-times writing into timesDir. */
export function ladderServerEnv(timesDir) {
  return {
    MEDIAFLOW__Media__FfmpegPath: timesWrapper,
    MF_BENCH_REAL_FFMPEG: execFileSync('sh', ['-c', 'command -v ffmpeg']).toString().trim(),
    MF_BENCH_TIMES_DIR: timesDir,
  };
}

/** Sum of user+sys seconds in the .times files of a directory (second line of bash `times`: the children), and their count. */
export function cpuOf(dir) {
  let seconds = 0;
  const files = readdirSync(dir).filter((f) => f.endsWith('.times'));
  for (const file of files) {
    const children = readFileSync(join(dir, file), 'utf8').trim().split('\n')[1] ?? '';
    for (const [, m, s] of children.matchAll(/(\d+)m([\d.]+)s/g)) seconds += Number(m) * 60 + Number(s);
  }
  return { seconds, spawns: files.length };
}

export function clear(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** Runs commands at once through the times wrapper; resolves to wall seconds. */
function runAll(commands, timesDir, env) {
  const start = process.hrtime.bigint();
  return Promise.all(commands.map((argv) => new Promise((resolve, reject) => {
    const child = spawn(timesWrapper, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env, MF_BENCH_TIMES_DIR: timesDir } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${stderr}`))));
  }))).then(() => Number(process.hrtime.bigint() - start) / 1e9);
}

/**
 * Cuts the fused command (argv without the program) into the single command and the separate per-rung commands:
 * graph "[0:v:0]split=outputs=3[src_0_v_0_0]…;[src_0_v_0_k]CHAIN[mk_vout]…". The fused command writes the rungs either
 * as one output per rung (each ending in its path) or, when they share one audio encode, as ONE tee output
 * (`-map [m0_vout] … -map 0:a:0 -c:v:0 … -c:v:1 … -c:a … -f tee -flags +global_header "[f=mp4:…:select=\'v:k,a\']PATH|…"`).
 * (b) is the fused command itself with the paths moved to outDir (the best single command encodes the audio once too);
 * each rung of (a) is what the node runs alone: its chain on [0:v:0], its video options without the `:v:k` suffix, the
 * audio options, and its own muxer (`-f mp4 -movflags +faststart PATH`, from the slave's options).
 */
export function cutFused(argv, outDir) {
  const at = argv.indexOf('-filter_complex');
  const head = argv.slice(0, at);
  const chains = argv[at + 1].split(';');
  const own = (chain) => chain.replace(/^\[src_0_v_0_\d+\]/, '[0:v:0]');
  const rest = argv.slice(at + 2);
  const tee = rest.indexOf('tee');
  if (tee > 0 && rest[tee - 1] === '-f') {
    const slaves = rest.at(-1).split('|').map((slave) => {
      const [, options, path] = slave.match(/^\[(.*)\](\/.*)$/);
      const f = options.match(/(?:^|:)f=([^:]+)/)[1];
      const movflags = options.match(/(?:^|:)movflags=([^:]+)/)?.[1];
      const moved = join(outDir, basename(path));
      return { muxer: ['-f', f, ...(movflags ? ['-movflags', movflags] : [])], path: moved, spec: `[${options}]${moved}` };
    });
    const single = [...head, '-filter_complex', chains.join(';'), ...rest.slice(0, -1), slaves.map((s) => s.spec).join('|')];
    // Option/value pairs of the tee output (before -f tee); -sn/-dn/-an/-vn stand alone.
    const pairs = [];
    for (let i = 0; i < tee - 1; i++) pairs.push(['-sn', '-dn', '-an', '-vn'].includes(rest[i]) ? [rest[i]] : [rest[i], rest[++i]]);
    const separate = slaves.map((slave, k) => {
      const out = [];
      for (const [option, value] of pairs) {
        const stream = option.match(/^(-[^:]+(?::v)?):v:(\d+)$/) ?? option.match(/^(-[^:]+:v):(\d+)$/);
        if (option === '-map') {
          if (value === `[m${k}_vout]` || !value.startsWith('[')) out.push(option, value);
        } else if (stream) {
          if (Number(stream[2]) === k) out.push(stream[1].endsWith(':v') ? stream[1] : `${stream[1]}:v`, value);
        } else if (option !== '-flags') {
          out.push(option, ...(value === undefined ? [] : [value]));
        }
      }
      return [...head, '-filter_complex', own(chains[k + 1]), ...out, ...slave.muxer, slave.path];
    });
    return { single, separate };
  }
  const outputs = [];
  let current = [];
  for (const arg of rest) {
    current.push(arg);
    if (arg.startsWith('/')) {
      current[current.length - 1] = join(outDir, basename(arg));
      outputs.push(current);
      current = [];
    }
  }
  const single = [...head, '-filter_complex', chains.join(';'), ...outputs.flat()];
  const separate = chains.slice(1).map((chain, k) => [...head, '-filter_complex', own(chain), ...outputs[k]]);
  return { single, separate };
}

/**
 * ctx: { mps, put(key, body), finishOf(key) → { at, event }, now() (ns BigInt, the clock of `at`), bucket, region,
 * notifyUrl, work, quick, timesDir (the server's MF_BENCH_TIMES_DIR), shellWords(line) → argv, env (for the wrapper) }.
 * Returns table rows [figure, measured, target, note].
 */
export async function ladderBench({ mps, put, finishOf, now, bucket, region, notifyUrl, work, quick, timesDir, shellWords, env = {} }) {
  const [seconds, size, rungs, rounds] = quick ? [6, '1280x720', [720, 480, 360], 2] : [20, '1920x1080', [1080, 720, 480], 3];
  const source = join(work, 'ladder.mp4');
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-g', '50', '-pix_fmt', 'yuv420p', '-c:a', 'aac', source]);
  const bytes = readFileSync(source);
  console.log(`Ladder source: ${seconds} s ${size} H.264/AAC, rungs ${rungs.join('/')}p, ${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
  const out = join(work, 'ladder-out');
  const workflow = { wall: [], cpu: [], spawns: [] };
  const separate = { wall: [], cpu: [] };
  const single = { wall: [], cpu: [] };
  let commands = null;
  let run = 0;
  const runWorkflow = async (record = true) => {
    const key = `ladder/run${run++}.mp4`;
    await put(key, bytes);
    clear(timesDir);
    const start = now();
    const { TaskId } = await mps.ProcessMedia({
      InputInfo: { Type: 'COS', CosInputInfo: { Bucket: bucket, Region: region, Object: `/${key}` } },
      OutputStorage: { Type: 'COS', CosOutputStorage: { Bucket: bucket, Region: region } },
      OutputDir: '/ladder-out/',
      TaskNotifyConfig: { NotifyType: 'URL', NotifyUrl: notifyUrl, NotifyMode: 'Finish' },
      Activities: [
        { ActivityType: 'input', ReardriveIndex: [1, 2, 3] },
        ...rungs.map((height) => ({
          ActivityType: 'action-trans', ReardriveIndex: [4],
          ActivityPara: { TranscodeTask: { Definition: 0, OutputObjectPath: `{inputName}_${height}p.{format}`, RawParameter: {
            Container: 'mp4',
            VideoTemplate: { Codec: 'h264', Fps: 0, Bitrate: 0, Width: 0, Height: height },
            AudioTemplate: { Codec: 'aac', Bitrate: 128, SampleRate: 44100, AudioChannel: 2 },
          } } },
        })),
        { ActivityType: 'output' },
      ],
    });
    const { at, event } = await finishOf(key);
    const failed = event.ActivityResultSet.filter((r) => Object.values(r.ActivityResItem)[0].Status !== 'SUCCESS');
    if (failed.length > 0) throw new Error(`ladder node failed: ${JSON.stringify(failed)}`);
    const cpu = cpuOf(timesDir);
    if (!commands) {
      const detail = await mps.DescribeTaskDetail({ TaskId });
      const line = detail.ScheduleTask.ActivityResultSet[0].MfAttempts.at(-1).CommandLine;
      console.log(`Ladder workflow command (MfAttempts, shared by the ${rungs.length} nodes): ${line}`);
      if (!line.includes('split=outputs=')) console.log('Ladder: the nodes did not share one process (fusion off?); (a)/(b) are cut from node 1 only');
      mkdirSync(out, { recursive: true });
      commands = cutFused(shellWords(line).slice(1), out);
    }
    if (record) {
      workflow.wall.push(Number(at - start) / 1e9);
      workflow.cpu.push(cpu.seconds);
      workflow.spawns.push(cpu.spawns);
    }
  };
  const measure = (side, list) => async () => {
    const dir = join(work, 'ladder-times');
    clear(dir);
    side.wall.push(await runAll(list(), dir, env));
    side.cpu.push(cpuOf(dir).seconds);
  };
  await runWorkflow(false); // warm-up; also yields the command the bare sides are cut from
  const steps = { W: () => runWorkflow(), S: measure(separate, () => commands.separate), C: measure(single, () => [commands.single]) };
  for (const step of (quick ? ['W', 'S', 'C', 'C', 'S', 'W'] : ['W', 'S', 'C', 'C', 'W', 'S', 'S', 'C', 'W'])) await steps[step]();
  rmSync(out, { recursive: true, force: true });

  const f = (x) => x.toFixed(2);
  const ratio = (a, b, target) => { const r = median(a) / median(b); return [r.toFixed(3), `≤ ${target}`, r <= target ? 'meets target' : 'misses target']; };
  const n = `median of ${rounds}`;
  return [
    [`Ladder workflow ${rungs.join('/')}p, ProcessMedia → FINISH (${n})`, `${f(median(workflow.wall))} s`, '', `CPU ${f(median(workflow.cpu))} s; ffmpeg spawns ${workflow.spawns.join('/')}`],
    [`Ladder 3 separate bare ffmpeg, started together (${n})`, `${f(median(separate.wall))} s`, '', `CPU ${f(median(separate.cpu))} s`],
    [`Ladder best single split=3 command (${n})`, `${f(median(single.wall))} s`, '', `CPU ${f(median(single.cpu))} s`],
    ['Ladder CPU ratio workflow / separate', ...ratio(workflow.cpu, separate.cpu, 0.85)],
    ['Ladder wall ratio workflow / separate', ...ratio(workflow.wall, separate.wall, 0.9)],
    ['Ladder CPU ratio workflow / single command', ...ratio(workflow.cpu, single.cpu, 1.05)],
    ['Ladder wall ratio workflow / single command', ...ratio(workflow.wall, single.wall, 1.05)],
  ];
}

// Standalone: `node bench/ladder.mjs [--quick]` runs the ladder alone against its own server (bench/run calls ladderBench).
if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir, loadavg } = await import('node:os');
  const { startServer } = await import('../tests/sdk-node/support/server.mjs');
  const { mpsClient, cosClient, cosCall } = await import('../tests/sdk-node/support/clients.mjs');
  const { shellWords } = await import('./shell-words.mjs');
  const quick = process.argv.includes('--quick');
  const region = 'ap-guangzhou';
  const work = mkdtempSync(join(tmpdir(), 'mf-bench-ladder-'));
  const timesDir = join(work, 'server-times');
  mkdirSync(timesDir);
  const { receiver, finishOf } = await startFinishReceiver();
  console.log(`Ladder alone${quick ? ' --quick' : ''}: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
  const env = ladderServerEnv(timesDir);
  const server = await startServer({ dataDir: join(work, 'data'), env });
  try {
    const mps = mpsClient(server);
    const cos = cosClient(server);
    const bucket = `bench-${server.appId}`;
    await cosCall(cos, 'putBucket', { Bucket: bucket, Region: region });
    const put = (key, body) => cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key: key, Body: body });
    const rows = await ladderBench({ mps, put, finishOf, now: () => process.hrtime.bigint(), bucket, region,
      notifyUrl: `http://127.0.0.1:${receiver.address().port}/cb`, work, quick, timesDir, shellWords, env });
    for (const row of rows) console.log(row.join(' | '));
  } finally {
    receiver.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
