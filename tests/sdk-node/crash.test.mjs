// The crash (ledger) test of DESIGN.md §2 and §7.8: the real server is killed with SIGKILL at random points while
// uploads are being acknowledged and transcode nodes run, then restarted on the same data directory. A ledger records
// each upload only once the client got its 200 + ETag. After the last restart, when the engine is idle:
//   - every acknowledged upload is readable with exactly its ETag;
//   - every object in the trigger directory has exactly one task, FINISH with its node SUCCESS (an upload may commit
//     just before a kill without the client seeing the 200: allowed and counted, as long as the object exists);
//   - every task has exactly one output object, whose MD5 is the one DescribeTaskDetail reports, and no other keys;
//   - every task's Finish callback carries one event id (deliveries may repeat it, never a second event);
//   - ffmpeg/ffprobe children of a killed server are reported (and must be gone by the end).
// Seeded: MF_CRASH_SEED=<n> replays a run's choices (timing still varies); MF_CRASH_ROUNDS sets the number of kills.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, makeMedia } from './support/server.mjs';
import { mpsClient, cosClient, cosCall } from './support/clients.mjs';
import { seededRandom, uniqueMp4, md5, processesMentioning, allTasks } from './support/ledger.mjs';

const seed = Number(process.env.MF_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const rounds = Number(process.env.MF_CRASH_ROUNDS ?? 12);
const rng = seededRandom(seed);
const region = 'ap-guangzhou';
const inputDir = 'ledger/';
const outputDir = 'out/';

let server, work, receiver, bucket;
const callbacks = []; // { eventId, taskId, status }

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'mf-crash-'));
  const dataDir = join(work, 'data');
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const event = JSON.parse(body);
      callbacks.push({ eventId: req.headers['x-mf-event-id'], taskId: event.ScheduleTaskEvent?.TaskId, status: event.ScheduleTaskEvent?.Status });
      res.writeHead(200).end();
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  // The work directory inside the data directory, so the children of this server are recognisable in /proc.
  server = await startServer({ dataDir, env: { MEDIAFLOW__Engine__WorkDirectory: join(dataDir, 'work'), MEDIAFLOW__Logging__LogLevel__Default: 'Warning', MEDIAFLOW__Logging__LogLevel__Mediaflow: 'Information' } });
  bucket = `ledger-${server.appId}`;
});

after(async () => {
  receiver?.close();
  const keep = process.env.MF_CRASH_KEEP === '1';
  if (keep && server) writeFileSync(join(work, 'server.log'), server.log.join(''));
  await server?.stop({ keepData: keep });
  if (work && !keep) rmSync(work, { recursive: true, force: true });
  if (keep) console.log(`# kept ${work}`);
});

test(`SIGKILL at random points loses no acknowledged upload and runs every task exactly once (seed ${seed})`, async () => {
  const started = Date.now();
  console.log(`# crash ledger: seed ${seed}, ${rounds} rounds (replay with MF_CRASH_SEED=${seed})`);
  const short = readFileSync(makeMedia(join(work, 'short.mp4'), { seconds: 1, size: '160x120' }));
  const long = readFileSync(makeMedia(join(work, 'long.mp4'), { seconds: 8, size: '320x240' }));

  let mps = mpsClient(server);
  let cos = cosClient(server);
  await cosCall(cos, 'putBucket', { Bucket: bucket, Region: region });
  const { ScheduleId } = await mps.CreateSchedule({
    ScheduleName: 'crash-ledger',
    Trigger: { Type: 'CosFileUpload', CosFileUploadTrigger: { Bucket: bucket, Region: region, Dir: `/${inputDir}`, Formats: ['mp4'] } },
    Activities: [
      { ActivityType: 'input', ReardriveIndex: [1] },
      { ActivityType: 'action-trans', ReardriveIndex: [2], ActivityPara: { TranscodeTask: { Definition: 100010 } } },
      { ActivityType: 'output' },
    ],
    OutputStorage: { Type: 'COS', CosOutputStorage: { Bucket: bucket, Region: region } },
    OutputDir: `/${outputDir}`,
    TaskNotifyConfig: { NotifyType: 'URL', NotifyUrl: `http://127.0.0.1:${receiver.address().port}/cb`, NotifyMode: 'Finish' },
  });
  await mps.EnableSchedule({ ScheduleId });

  // The ledger: key → body MD5 for every attempt; key → ETag only for uploads the client saw acknowledged.
  const attempted = new Map();
  const acknowledged = new Map();
  let sequence = 0;
  let killing = false; // set just before each SIGKILL: an upload error is expected only from then until the restart
  const unexpected = [];
  const upload = async (client, base) => {
    const key = `${inputDir}u${String(++sequence).padStart(4, '0')}.mp4`;
    const body = uniqueMp4(base, `${seed}/${key}`);
    attempted.set(key, md5(body));
    try {
      const res = await cosCall(client, 'putObject', { Bucket: bucket, Region: region, Key: key, Body: body });
      assert.equal(res.ETag, `"${md5(body)}"`, `${key}: the acknowledged ETag is not the body's MD5`);
      acknowledged.set(key, res.ETag);
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
      // The server died before answering: this upload is unknown (committed or not). Any other error is a failure.
      if (!killing) unexpected.push(`${key}: ${error.message ?? JSON.stringify(error)}`);
    }
  };

  const kills = [];
  const orphans = new Map(); // pid → { name, round }
  for (let round = 1; round <= rounds; round++) {
    // Odd rounds aim at a running node, even rounds at upload acknowledgement; the delay is random in both.
    const mode = round % 2 === 1 ? 'node' : 'ack';
    const client = cos;
    const ackedBefore = acknowledged.size;
    let stop = false;
    let budget = mode === 'node' ? 6 : 30; // small uploads this round: bounds the work left for the drain
    const inFlight = new Set();
    const track = (p) => {
      inFlight.add(p);
      return p.finally(() => inFlight.delete(p));
    };
    const pump = async (base, pause) => {
      while (!stop && budget-- > 0) {
        await track(upload(client, base));
        if (pause) await sleep(pause);
      }
    };
    const until = async (condition, ms) => {
      for (const deadline = Date.now() + ms; Date.now() < deadline && !condition();) await sleep(10);
    };
    const pumps = [];
    let delay;
    if (mode === 'node') {
      for (let i = 0; i < 2; i++) pumps.push(track(upload(client, long))); // 8 s sources: ffmpeg runs for seconds
      pumps.push(pump(short, 300));
      // Wait until this server runs an ffmpeg (a node, not a probe), then kill it part-way through.
      await until(() => processesMentioning(server.dataDir, ['ffmpeg']).length > 0, 30000);
      delay = Math.round(rng.between(0, 2500)); // mid-ffmpeg mostly; sometimes at output commit or result commit
    } else {
      // Many small concurrent uploads; once they are being acknowledged, kill among the acknowledgements.
      for (let i = 0; i < 10; i++) pumps.push(pump(short, 0));
      await until(() => acknowledged.size > ackedBefore, 30000);
      delay = Math.round(rng.between(0, 400));
    }
    await sleep(delay);
    const at = { acknowledged: acknowledged.size, attempted: attempted.size, inFlight: inFlight.size };
    const children = processesMentioning(server.dataDir);
    killing = true;
    await server.kill('SIGKILL');
    stop = true;
    await Promise.all(pumps);
    for (const c of children) orphans.set(c.pid, { name: c.name, round });
    kills.push({ round, mode, delay, runningChildren: children.length, ...at });
    console.log(`# round ${round} (${mode}) at ${((Date.now() - started) / 1000).toFixed(1)} s: killed ${delay} ms after the cue with `
      + `${children.map((c) => c.name).join('+') || 'no child'} running and ${at.inFlight} uploads in flight; `
      + `ledger ${acknowledged.size} acknowledged of ${attempted.size}`);

    await server.restart();
    killing = false;
    mps = mpsClient(server);
    cos = cosClient(server);
    const alive = children.filter((c) => existsSync(`/proc/${c.pid}`) && processesMentioning(server.dataDir).some((p) => p.pid === c.pid));
    if (children.length) console.log(`#   ${alive.length} of its ${children.length} children still running once the new server is up`);
  }

  assert.deepEqual(unexpected, [], 'uploads failed while the server was up');

  // Children of killed servers: do they outlive them?
  const survivors = () => [...orphans.keys()].filter((pid) => existsSync(`/proc/${pid}`)
    && processesMentioning(server.dataDir).some((p) => p.pid === pid));
  console.log(`# children of killed servers: ${orphans.size} seen at kill time, ${survivors().length} still alive after restart`);

  // Drain: no task WAITING or PROCESSING, and the relay caught up with every object in the trigger directory.
  const listAll = async (prefix) => {
    const keys = new Map();
    let marker = '';
    for (;;) {
      const res = await cosCall(cos, 'getBucket', { Bucket: bucket, Region: region, Prefix: prefix, Marker: marker, MaxKeys: 1000 });
      for (const o of res.Contents) keys.set(o.Key, o.ETag);
      if (res.IsTruncated !== 'true') return keys;
      marker = res.NextMarker || res.Contents.at(-1).Key;
    }
  };
  const stored = await listAll(inputDir);
  // Liveness, not speed: fail only when nothing finished for two minutes.
  let finished = [];
  for (let quiet = 0, progressAt = Date.now(), last = -1; quiet < 2;) {
    const [waiting, processing] = await Promise.all([allTasks(mps, 'WAITING'), allTasks(mps, 'PROCESSING')]);
    finished = await allTasks(mps, 'FINISH');
    if (finished.length !== last) [last, progressAt] = [finished.length, Date.now()];
    quiet = waiting.length === 0 && processing.length === 0 && finished.length >= stored.size ? quiet + 1 : 0;
    assert.ok(Date.now() - progressAt < 120000, `engine stuck: ${waiting.length} waiting, ${processing.length} processing, `
      + `${finished.length} finished of ${stored.size} stored objects\n${server.log.join('').slice(-4000)}`);
    await sleep(1000);
  }
  console.log(`# drained at ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // 1. Every acknowledged upload is readable with exactly its ETag (and its bytes are the ones sent).
  for (const [key, etag] of acknowledged) {
    assert.equal(stored.get(key), etag, `${key}: acknowledged with ${etag}, listed as ${stored.get(key)}`);
    const got = await cosCall(cos, 'getObject', { Bucket: bucket, Region: region, Key: key });
    assert.equal(got.ETag, etag, `${key}: GET ETag`);
    assert.equal(`"${md5(got.Body)}"`, etag, `${key}: GET body`);
  }
  // Objects that exist although the client never saw their 200: committed just before a kill.
  const committedUnacknowledged = [...stored.keys()].filter((k) => !acknowledged.has(k));
  for (const key of committedUnacknowledged) {
    assert.ok(attempted.has(key), `${key}: an object nobody uploaded`);
    assert.equal(stored.get(key), `"${attempted.get(key)}"`, `${key}: stored bytes differ from the ones sent`);
  }

  // 2. Exactly one task per stored object, FINISH with its node SUCCESS; no task for an object that does not exist.
  const details = [];
  for (const t of finished) details.push((await mps.DescribeTaskDetail({ TaskId: t.TaskId })).ScheduleTask);
  const byKey = new Map();
  for (const task of details) {
    const key = task.InputInfo.CosInputInfo.Object.replace(/^\//, '');
    byKey.set(key, [...(byKey.get(key) ?? []), task]);
  }
  for (const [key, tasks] of byKey) {
    assert.ok(stored.has(key), `${key}: a task exists (${tasks[0].TaskId}) but the object does not`);
    assert.equal(tasks.length, 1, `${key}: ${tasks.length} tasks: ${tasks.map((t) => t.TaskId)}`);
  }
  for (const key of stored.keys()) assert.ok(byKey.has(key), `${key}: stored (${acknowledged.has(key) ? 'acknowledged' : 'unacknowledged'}) but no task`);
  let attemptsTotal = 0;
  let retried = 0;
  for (const task of details) {
    assert.equal(task.Status, 'FINISH');
    assert.equal(task.ErrCode, 0, `${task.TaskId}: ${task.Message}`);
    assert.equal(task.ActivityResultSet.length, 1);
    const node = task.ActivityResultSet[0].ActivityResItem.TranscodeTask;
    assert.equal(node.Status, 'SUCCESS', `${task.TaskId}: ${JSON.stringify(node)}`);
    const attempts = task.ActivityResultSet[0].MfAttempts;
    attemptsTotal += attempts.length;
    if (attempts.length > 1) retried++;
    // One SUCCESS attempt, the last; every attempt a kill cut off is recorded as INTERRUPTED, none left RUNNING.
    const outcomes = attempts.map((a) => a.Outcome);
    assert.equal(outcomes.at(-1), 'SUCCESS', `${task.TaskId}: attempts ${outcomes}`);
    assert.ok(outcomes.slice(0, -1).every((o) => o === 'INTERRUPTED'), `${task.TaskId}: attempts ${outcomes}`);
  }

  // 3. One output per task, with the MD5 DescribeTaskDetail reports; nothing else under the output directory.
  const outputs = await listAll(outputDir);
  const expected = new Map(details.map((t) => {
    const out = t.ActivityResultSet[0].ActivityResItem.TranscodeTask.Output;
    return [out.Path.replace(/^\//, ''), out.Md5];
  }));
  assert.equal(expected.size, details.length, 'two tasks wrote the same output key');
  assert.deepEqual([...outputs.keys()].sort(), [...expected.keys()].sort(), 'the output directory differs from one object per task');
  for (const [key, hash] of expected) assert.equal(outputs.get(key), `"${hash}"`, `${key}: output ETag vs reported Md5`);

  // 4. Finish callbacks: one event per task (a redelivery repeats its id).
  const deadline = Date.now() + 60000;
  const eventsOf = (taskId) => new Set(callbacks.filter((c) => c.taskId === taskId).map((c) => c.eventId));
  while (Date.now() < deadline && details.some((t) => eventsOf(t.TaskId).size === 0)) await sleep(250);
  for (const task of details) assert.equal(eventsOf(task.TaskId).size, 1, `${task.TaskId}: Finish events ${[...eventsOf(task.TaskId)]}`);
  const taskIds = new Set(details.map((t) => t.TaskId));
  assert.ok(callbacks.every((c) => c.status === 'FINISH' && taskIds.has(c.taskId)), 'a callback for an unknown or unfinished task');

  // 5. No child of a killed server is still running.
  for (let i = 0; i < 100 && survivors().length; i++) await sleep(100);
  const filesUnder = (dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);
  const leftWork = filesUnder(join(server.dataDir, 'work'));
  const leftTemp = filesUnder(join(server.dataDir, 'objects', 'tmp'));
  console.log(`# crash ledger done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${kills.length} kills `
    + `(${kills.filter((k) => k.runningChildren > 0).length} with ffmpeg/ffprobe running, ${kills.filter((k) => k.inFlight > 0).length} with uploads in flight); `
    + `${attempted.size} uploads attempted, ${acknowledged.size} acknowledged, ${committedUnacknowledged.length} committed unacknowledged; `
    + `${details.length} tasks, ${attemptsTotal} node attempts (${retried} tasks re-ran a killed attempt); `
    + `${callbacks.length} callbacks; ${orphans.size} children at kill time, ${survivors().length} alive at the end; `
    + `left on disk: ${leftWork} files of killed attempts in the work directory, ${leftTemp} upload temp files`);
  assert.deepEqual(survivors(), [], 'children of a killed server are still running');
});
