// Helpers of the crash (ledger) test: a seeded random source, unique upload bodies, child-process inspection through
// /proc, and paging through DescribeTasks.
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

/** mulberry32: a small deterministic PRNG, so a failing run can be replayed with its printed seed. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/**
 * The MP4 `base` followed by a top-level `free` box carrying `tag`: a valid MP4 that demuxers read exactly like
 * `base`, with bytes (and so an ETag) of its own.
 */
export function uniqueMp4(base, tag) {
  const payload = Buffer.from(`mediaflow-ledger ${tag}`);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + payload.length, 0);
  header.write('free', 4, 'latin1');
  return Buffer.concat([base, header, payload]);
}

export const md5 = (bytes) => createHash('md5').update(bytes).digest('hex');

/** Live processes whose command line mentions `marker` (e.g. the data directory), with their name and parent. */
export function processesMentioning(marker, names = ['ffmpeg', 'ffprobe']) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').filter(Boolean);
      if (argv.length === 0 || !names.some((n) => argv[0].endsWith(n)) || !argv.some((a) => a.includes(marker))) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // a zombie has already exited
      found.push({ pid: Number(entry), ppid: Number(fields[1]), name: argv[0].split('/').pop() });
    } catch {
      // The process exited while we read it.
    }
  }
  return found;
}

/** Every task with `status`, following ScrollToken. */
export async function allTasks(mps, status) {
  const tasks = [];
  let token;
  for (;;) {
    const res = await mps.DescribeTasks({ Status: status, Limit: 100, ...(token ? { ScrollToken: token } : {}) });
    tasks.push(...res.TaskSet);
    if (!res.ScrollToken || res.TaskSet.length === 0) return tasks;
    token = res.ScrollToken;
  }
}
