// QC (issue 05): the inspection node's content pass — every picture and sound detector of `mediaflow qc-inspect` in one
// ffmpeg decode, with the frame detectors (codes, BRISQUE, Jitter, Blockiness, white edges) reading its gray frames —
// against a decode-only pass of the same file (target ≤ 1.3×) and against running each ffmpeg detector as its own
// ffmpeg pass (target ≤ 0.6×). Source: a generated 1080p H.264 + AAC clip (quick 5 s, full 30 s).
// The node figure is the content inspector's call as `qc-inspect --json --repeat 2` measures it in-process
// (ContentPassCost: wall; CPU = the process's own CPU — readers, parsing, frame detectors, GC — plus ffmpeg's), its
// second run warm (JIT done) as in the long-running server; the first (cold) run is printed for scale. The ffmpeg-only
// rows replay the exact ffmpeg command the inspector ran with its frame outputs sent to /dev/null: no frame detector,
// no reading, no parsing. Wall and CPU (user + sys, through bench/ffmpeg-times for ffmpeg) are both reported — on a
// loaded machine the CPU ratio is the steady one. Median of 3 interleaved runs; never asserted.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { timesWrapper, cpuOf, clear } from './ladder.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function makeSource(path, seconds) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-g', '50', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', path]);
  return path;
}

function wall(program, args, cpuDir) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = cpuDir
      ? spawn(timesWrapper, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MF_BENCH_TIMES_DIR: cpuDir } })
      : spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0
      ? resolve({ seconds: Number(process.hrtime.bigint() - start) / 1e9, stdout })
      : reject(new Error(`${program} exited ${code}: ${stderr}`))));
  });
}

/** One ffmpeg per detector, each decoding the whole input: the graph pieces of the content pass run on their own. */
function separatePasses(source) {
  const sampled = 'setpts=PTS-STARTPTS,fps=2,format=yuv420p';
  const small = 'scale=w=640:h=360';
  const video = [
    `${sampled},${small},blurdetect,metadata=mode=print`,
    `${sampled},${small},signalstats,metadata=mode=print`,
    `${sampled},cropdetect=limit=24:round=2:reset=1:skip=0,metadata=mode=print`,
    `${sampled},${small},freezedetect=n=0.001:d=1,metadata=mode=print`,
    `${sampled},${small},split[a][b];[b]removegrain=m0=4:m1=0:m2=0[m];[a][m]psnr,metadata=mode=print`,
  ];
  const audio = [
    'asetpts=PTS-STARTPTS,asetnsamples=n=4096:p=0,astats=metadata=1:reset=1:measure_perchannel=none:measure_overall=RMS_level+Peak_level+Flat_factor,ametadata=mode=print',
    'asetpts=PTS-STARTPTS,asetnsamples=n=4096:p=0,ebur128=metadata=1,ametadata=mode=print',
    'asetpts=PTS-STARTPTS,aformat=sample_rates=16000,asetnsamples=n=2048:p=0,aspectralstats=win_size=2048:overlap=0,ametadata=mode=print',
  ];
  return [
    ...video.map((g) => ['-hide_banner', '-nostdin', '-nostats', '-i', source, '-filter_complex', `[0:v:0]${g}`, '-an', '-f', 'null', '-']),
    ...audio.map((g) => ['-hide_banner', '-nostdin', '-nostats', '-i', source, '-filter_complex', `[0:a:0]${g}`, '-vn', '-f', 'null', '-']),
  ];
}

/** Returns table rows [figure, measured, target, note] (bench.mjs's table). */
export async function qcBench({ work, quick, dll, shellWords }) {
  const seconds = quick ? 5 : 30;
  const source = makeSource(join(work, 'qc.mp4'), seconds);
  console.log(`QC source: ${seconds} s 1920x1080 H.264 + AAC`);
  const cli = ['dotnet', [dll, 'qc-inspect', source, '--json']];
  const node = ['dotnet', [dll, 'qc-inspect', source, '--json', '--repeat', '2']];
  const first = JSON.parse((await wall(...cli)).stdout);
  // The pass's frame output went to a FIFO the CLI read and removed; replayed alone it writes to /dev/null (the frame
  // detectors' CPU is in the CLI's wall figure, not in this ffmpeg-only one).
  const contentArgs = shellWords(first.CommandLines[0]).map((arg) => (arg.endsWith('.gray') ? '/dev/null' : arg));
  const decodeOnly = ['-hide_banner', '-nostdin', '-nostats', '-i', source, '-f', 'null', '-'];
  const passes = separatePasses(source);
  const cpuDir = join(work, 'qc-times');
  const timed = async (commands) => {
    clear(cpuDir);
    let seconds = 0;
    for (const args of commands) seconds += (await wall('ffmpeg', args, cpuDir)).seconds;
    return { seconds, cpu: cpuOf(cpuDir).seconds };
  };
  const runs = { pass: [], decode: [], separate: [], warm: [], cold: [] };
  const nodeCost = (c) => ({ seconds: c.WallSeconds, cpu: c.CpuSeconds + c.FfmpegCpuSeconds, self: c.CpuSeconds, ffmpeg: c.FfmpegCpuSeconds, detectors: c.DetectorCpuSeconds });
  let cliSeconds = 0;
  for (let i = 0; i < 3; i++) {
    const costs = JSON.parse((await wall(...node)).stdout).ContentPassCosts;
    runs.cold.push(nodeCost(costs[0]));
    runs.warm.push(nodeCost(costs[costs.length - 1]));
    runs.pass.push(await timed([contentArgs.slice(1)]));
    runs.decode.push(await timed([decodeOnly]));
    runs.separate.push(await timed(passes));
    if (i === 0) cliSeconds = (await wall(...cli)).seconds;
  }

  const pick = (key) => ({ seconds: median(runs[key].map((r) => r.seconds)), cpu: median(runs[key].map((r) => r.cpu)) });
  const [pass, decode, separate, warm, cold] = [pick('pass'), pick('decode'), pick('separate'), pick('warm'), pick('cold')];
  const part = (key, of) => median(runs[key].map((r) => r[of]));
  const detectorMedians = Object.keys(runs.warm[0].detectors).map((d) => [d, median(runs.warm.map((r) => r.detectors[d] ?? 0))]);
  const detectorCpu = detectorMedians.map(([d, cpu]) => `${d} ${cpu.toFixed(2)}`).join(', ');
  const figure = (r) => `${r.seconds.toFixed(2)} s`;
  const ratio = (a, b, target) => {
    const wallRatio = a.seconds / b.seconds;
    const cpuRatio = a.cpu / b.cpu;
    return [wallRatio.toFixed(2), `≤ ${target}`, `CPU ratio ${cpuRatio.toFixed(2)}; ${wallRatio <= target ? 'wall meets target' : 'wall misses target'}, ${cpuRatio <= target ? 'CPU meets target' : 'CPU misses target'}`];
  };
  return [
    [`QC inspection node, content pass (ffmpeg + frame detectors + parsing, warm, in-process; all ${first.Items.length} items) ${seconds} s 1080p`, figure(warm), '',
      `CPU ${warm.cpu.toFixed(2)} s (process ${part('warm', 'self').toFixed(2)}, ffmpeg ${part('warm', 'ffmpeg').toFixed(2)}); findings on the clean clip: ${first.Findings.length}`],
    ['QC inspection node, content pass, cold (first run in the process: JIT, model loads)', figure(cold), '',
      `CPU ${cold.cpu.toFixed(2)} s (process ${part('cold', 'self').toFixed(2)}, ffmpeg ${part('cold', 'ffmpeg').toFixed(2)})`],
    ['QC inspection node, frame detectors\' thread CPU (warm, part of the process CPU)', `${detectorMedians.reduce((sum, [, cpu]) => sum + cpu, 0).toFixed(2)} s`, '', detectorCpu || 'none'],
    ['QC decode-only pass (ffmpeg -i X -f null -)', figure(decode), '', `CPU ${decode.cpu.toFixed(2)} s`],
    ['QC ratio inspection node (warm) / decode-only (wall)', ...ratio(warm, decode, 1.3)],
    [`QC ffmpeg-only: the content pass's ffmpeg command alone, frame outputs to /dev/null`, figure(pass), '', `CPU ${pass.cpu.toFixed(2)} s`],
    [`QC ffmpeg-only: detectors as ${passes.length} separate ffmpeg passes`, figure(separate), '', `CPU ${separate.cpu.toFixed(2)} s`],
    ['QC ffmpeg-only ratio content pass command / decode-only (wall)', ...ratio(pass, decode, 1.3)],
    ['QC ffmpeg-only ratio content pass command / separate passes (wall)', ...ratio(pass, separate, 0.6)],
    ['QC `mediaflow qc-inspect` wall (probe + .NET start + pass)', `${cliSeconds.toFixed(2)} s`, '', 'for scale'],
  ];
}

// Standalone: `node bench/qc.mjs [--quick]` runs the QC figures alone (bench/run calls qcBench); no server is needed,
// only the Release build of `mediaflow` (tests/sdk-node/support/server.mjs's serverDll).
if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir, loadavg } = await import('node:os');
  const { serverDll } = await import('../tests/sdk-node/support/server.mjs');
  const { shellWords } = await import('./shell-words.mjs');
  const quick = process.argv.includes('--quick');
  const work = mkdtempSync(join(tmpdir(), 'mf-bench-qc-'));
  console.log(`QC alone${quick ? ' --quick' : ''}: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
  try {
    const rows = await qcBench({ work, quick, dll: serverDll(), shellWords });
    for (const row of rows) console.log(row.join(' | '));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
