// QC (issue 05): the content pass — every picture and sound detector of `mediaflow qc-inspect` in one ffmpeg decode —
// against a decode-only pass of the same file (target ≤ 1.3×) and against running each detector as its own ffmpeg
// pass (target ≤ 0.6×). Source: a generated 1080p H.264 + AAC clip (quick 5 s, full 30 s). Three figures per side:
// the content pass is the exact ffmpeg command the inspector ran (from `qc-inspect --json`), timed alone, and the CLI's
// whole wall time (probe + .NET start + pass) is printed for scale. Wall and CPU (user + sys, through
// bench/ffmpeg-times) are both reported — on a loaded machine the CPU ratio is the steady one. Median of 3 interleaved
// runs; never asserted.
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
  const runs = { pass: [], decode: [], separate: [] };
  let cliSeconds = 0;
  for (let i = 0; i < 3; i++) {
    runs.pass.push(await timed([contentArgs.slice(1)]));
    runs.decode.push(await timed([decodeOnly]));
    runs.separate.push(await timed(passes));
    if (i === 0) cliSeconds = (await wall(...cli)).seconds;
  }

  const pick = (key) => ({ seconds: median(runs[key].map((r) => r.seconds)), cpu: median(runs[key].map((r) => r.cpu)) });
  const [pass, decode, separate] = [pick('pass'), pick('decode'), pick('separate')];
  const figure = (r) => `${r.seconds.toFixed(2)} s`;
  const ratio = (a, b, target) => {
    const wallRatio = a.seconds / b.seconds;
    const cpuRatio = a.cpu / b.cpu;
    return [wallRatio.toFixed(2), `≤ ${target}`, `CPU ratio ${cpuRatio.toFixed(2)}; ${wallRatio <= target ? 'wall meets target' : 'wall misses target'}, ${cpuRatio <= target ? 'CPU meets target' : 'CPU misses target'}`];
  };
  return [
    [`QC content pass (all ${first.Items.length} items, one decode) ${seconds} s 1080p`, figure(pass), '', `CPU ${pass.cpu.toFixed(2)} s; findings on the clean clip: ${first.Findings.length}`],
    ['QC decode-only pass (ffmpeg -i X -f null -)', figure(decode), '', `CPU ${decode.cpu.toFixed(2)} s`],
    [`QC detectors as ${passes.length} separate passes`, figure(separate), '', `CPU ${separate.cpu.toFixed(2)} s`],
    ['QC ratio content pass / decode-only (wall)', ...ratio(pass, decode, 1.3)],
    ['QC ratio content pass / separate passes (wall)', ...ratio(pass, separate, 0.6)],
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
