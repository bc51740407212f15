// Notifications end to end (issue 6) against a real `mediaflow serve`, with independent implementations on the
// receiving side: the npm `standardwebhooks` package verifies every webhook signature, `amqplib` consumes from a
// private RabbitMQ node the harness starts on loopback. Three scenarios:
//   1. a flaky receiver (connections refused, then reset, 500, no answer, too slow, redirect, then 410) takes 100+ events; after it
//      recovers, every event is delivered (the 410-disabled ones through MfRedeliverNotification), each with one
//      stable id, and every request's signature verifies;
//   2. queue and topic models: the consumer checks body, signature, message-id and the order per task;
//   3. SIGKILL between the state changes and their delivery: after restart each event is delivered once per id.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import amqp from 'amqplib';
import { startServer, makeMedia } from './support/server.mjs';
import { mpsClient, cosClient, cosCall, waitForFinish } from './support/clients.mjs';
import { startRabbitMq } from './support/rabbitmq.mjs';

const region = 'ap-guangzhou';
const notifyKey = 'node-suite-key';
let server, rabbit, work, bucket;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'mf-notify-'));
  rabbit = await startRabbitMq();
  server = await startServer({
    env: {
      MEDIAFLOW__Notifications__Amqp__Uri: rabbit.uri,
      MEDIAFLOW__Engine__NotificationTimeout: '00:00:01',
      MEDIAFLOW__Engine__NotificationRetryDelay: '00:00:00.200',
      MEDIAFLOW__Engine__NotificationMaxRetryDelay: '00:00:01',
      MEDIAFLOW__Logging__LogLevel__Default: 'Warning',
    },
  });
  bucket = `notify-${server.appId}`;
  const cos = cosClient(server);
  await cosCall(cos, 'putBucket', { Bucket: bucket, Region: region });
  const audio = readFileSync(makeMedia(join(work, 'a.m4a'), { seconds: 1, video: false }));
  await cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key: 'in/a.m4a', Body: audio });
});

after(async () => {
  await server?.stop();
  await rabbit?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const api = (mps, action, params = {}) => mps.request(action, params);

async function processMedia(mps, notify) {
  const { TaskId } = await mps.ProcessMedia({
    InputInfo: { Type: 'COS', CosInputInfo: { Bucket: bucket, Region: region, Object: '/in/a.m4a' } },
    OutputStorage: { Type: 'COS', CosOutputStorage: { Bucket: bucket, Region: region } },
    OutputDir: `/out/${Math.random().toString(36).slice(2)}/`,
    Activities: [
      { ActivityType: 'input', ReardriveIndex: [1] },
      { ActivityType: 'action-trans', ReardriveIndex: [2], ActivityPara: { TranscodeTask: { Definition: 1010 } } },
      { ActivityType: 'output' },
    ],
    TaskNotifyConfig: { NotifyKey: notifyKey, ...notify },
  });
  return TaskId;
}

/** Every event of the given tasks from the delivery log, oldest first per task (the API lists newest first). */
async function deliveryLog(mps, taskIds) {
  const events = [];
  for (const TaskId of taskIds) {
    const { NotificationSet } = await api(mps, 'MfDescribeNotificationDeliveries', { TaskId, Limit: 100 });
    events.push(...NotificationSet.reverse());
  }
  return events;
}

async function until(what, condition, timeoutMs = 180000) {
  const start = Date.now();
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`not reached in ${timeoutMs} ms: ${what}\n${server.log.slice(-30).join('')}`);
    await sleep(300);
  }
}

/** An HTTP receiver on 127.0.0.1 that records every request and answers as `answer(n)` says. */
async function receiver(answer) {
  const requests = [];
  const http = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const n = requests.length + 1;
      const mode = answer(n);
      requests.push({ n, mode, body, headers: { 'webhook-id': req.headers['webhook-id'], 'webhook-timestamp': req.headers['webhook-timestamp'], 'webhook-signature': req.headers['webhook-signature'] } });
      if (mode === 'reset') req.socket.destroy();
      else if (mode === 'hang') return; // never answers: the sender's timeout cuts it off
      else if (mode === 'slow') setTimeout(() => res.writeHead(200).end(), 1500); // past the 1 s timeout
      else if (mode === 'redirect') res.writeHead(307, { Location: `http://127.0.0.1:${http.address().port}/elsewhere` }).end();
      else res.writeHead({ ok: 200, 500: 500, gone: 410 }[mode]).end();
    });
  });
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  const port = http.address().port;
  const close = () => new Promise((r) => {
    http.closeAllConnections();
    http.close(r);
  });
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close,
    /** Stops listening: connections to the port are refused until resume(). */
    pause: close,
    resume: () => new Promise((r) => http.listen(port, '127.0.0.1', r)),
  };
}

const eventOf = (body) => JSON.stringify(JSON.parse(body).ScheduleTaskEvent);

test('a flaky receiver takes 100+ events; after it recovers all are delivered with stable ids and valid signatures', async () => {
  const mps = mpsClient(server);
  const flaky = ['reset', '500', 'hang', 'slow', 'redirect'];
  let phase = 'flaky';
  const hook = await receiver((n) => {
    if (phase === 'flaky') return flaky[n % flaky.length];
    if (phase === 'gone') {
      phase = 'recovered';
      return 'gone';
    }
    return 'ok';
  });
  try {
    // First the receiver is down: connections are refused.
    await hook.pause();
    const taskIds = [];
    for (let i = 0; i < 26; i++) taskIds.push(await processMedia(mps, { NotifyType: 'URL', NotifyMode: 'Change', NotifyUrl: hook.url }));
    await until('refused connections logged', async () =>
      (await deliveryLog(mps, taskIds.slice(0, 1))).some((e) => e.AttemptSet.some((a) => /refused/i.test(a.Error))));
    await hook.resume();
    for (const taskId of taskIds) await waitForFinish(mps, taskId, 300000);
    await until('100 flaky requests', () => hook.requests.length >= 100);
    const events = await deliveryLog(mps, taskIds);
    assert.ok(events.length >= 100, `Change mode of 26 tasks (at least 4 events each) made ${events.length} events`);
    assert.equal(events.filter((e) => e.Status === 'DELIVERED').length, 0, 'nothing is accepted while the receiver is flaky');

    // One 410 disables the endpoint for the account's ad-hoc tasks; then the receiver has recovered.
    phase = 'gone';
    const settled = await until('no event pending', async () => {
      const log = await deliveryLog(mps, taskIds);
      return log.every((e) => e.Status !== 'PENDING') && log;
    });
    // Attempts already under way when the 410 came may still be accepted; the rest are disabled without an attempt.
    assert.ok(settled.some((e) => e.AttemptSet.some((a) => a.Outcome === 'GONE')), 'the 410 is in the log');
    const disabled = settled.filter((e) => e.Status === 'DISABLED');
    assert.ok(disabled.length > events.length / 2, `${disabled.length} of ${events.length} events disabled`);
    assert.deepEqual(settled.filter((e) => e.Status !== 'DELIVERED' && e.Status !== 'DISABLED'), []);

    // Replay: the disabled events again, in order, through the API (the first redelivery re-enables the endpoint).
    for (const e of disabled) await api(mps, 'MfRedeliverNotification', { EventId: e.EventId });
    const delivered = await until('all delivered', async () => {
      const log = await deliveryLog(mps, taskIds);
      return log.every((e) => e.Status === 'DELIVERED') && log;
    });
    assert.equal(delivered.length, events.length);

    // 100 %: every event id reached the receiver in a request it answered 200 in time, and nothing else arrived.
    const ids = new Set(delivered.map((e) => e.EventId));
    const accepted = new Set(hook.requests.filter((r) => r.mode === 'ok').map((r) => r.headers['webhook-id']));
    assert.deepEqual([...ids].filter((id) => !accepted.has(id)), []);
    assert.deepEqual([...new Set(hook.requests.map((r) => r.headers['webhook-id']))].filter((id) => !ids.has(id)), []);
    for (const mode of [...flaky, 'gone']) assert.ok(hook.requests.some((r) => r.mode === mode), `the receiver answered ${mode} at least once`);

    // Stable ids: every request with one id carries the same event.
    const byId = new Map();
    for (const r of hook.requests) byId.set(r.headers['webhook-id'], [...(byId.get(r.headers['webhook-id']) ?? []), eventOf(r.body)]);
    for (const [id, bodies] of byId) assert.equal(new Set(bodies).size, 1, `event ${id} changed between attempts`);

    // Every request verifies with an independent Standard Webhooks implementation and the account's secret.
    const { SigningSecret } = await api(mps, 'MfDescribeNotificationSecret');
    const webhook = new Webhook(SigningSecret);
    for (const r of hook.requests) webhook.verify(r.body, r.headers);
    assert.throws(() => new Webhook(SigningSecret).verify(hook.requests[0].body + ' ', hook.requests[0].headers));

    // ParseNotification verifies Sign and Timestamp with the NotifyKey.
    const sample = hook.requests.find((r) => r.mode === 'ok');
    const parsed = await api(mps, 'ParseNotification', { Content: sample.body, MfNotifyKey: notifyKey });
    assert.equal(parsed.EventType, 'ScheduleTask');
    await assert.rejects(api(mps, 'ParseNotification', { Content: sample.body, MfNotifyKey: 'wrong' }), (e) => e.code === 'InvalidParameterValue.InvalidContent');
    console.log(`# flaky receiver: ${events.length} events, ${hook.requests.length} requests`);
  } finally {
    hook.close();
  }
});

const rank = (status) => ({ WAITING: 0, PROCESSING: 1, SUCCESS: 2, FAIL: 2, FINISH: 3 })[status] ?? -1;
const md5 = (text) => createHash('md5').update(text).digest('hex');

test('queue and topic models on RabbitMQ: body, signature, message-id and order per task', async () => {
  const mps = mpsClient(server);
  const connection = await amqp.connect(rabbit.uri);
  try {
    const channel = await connection.createChannel();
    const queue = `mf-queue-${server.appId}`;
    const topic = `mf-topic-${server.appId}`;
    await channel.assertQueue(queue, { durable: true });
    await channel.assertExchange(topic, 'topic', { durable: true });
    const { queue: subscriber } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(subscriber, topic, 'ScheduleTask.*');
    const received = { [queue]: [], [subscriber]: [] };
    for (const q of [queue, subscriber]) {
      await channel.consume(q, (message) => {
        received[q].push(message);
        channel.ack(message);
      });
    }

    const queued = [], topical = [];
    for (let i = 0; i < 3; i++) queued.push(await processMedia(mps, { NotifyType: 'CMQ', NotifyMode: 'Change', CmqModel: 'Queue', QueueName: queue }));
    for (let i = 0; i < 2; i++) topical.push(await processMedia(mps, { NotifyType: 'TDMQ-CMQ', NotifyMode: 'Change', CmqModel: 'Topic', TopicName: topic }));
    const all = [...queued, ...topical];
    for (const taskId of all) await waitForFinish(mps, taskId, 300000); // every event is in the outbox by then
    const log = await until('all delivered to the broker', async () => {
      const events = await deliveryLog(mps, all);
      return events.every((e) => e.Status === 'DELIVERED') && events;
    });
    const expected = (taskIds) => log.filter((e) => taskIds.includes(e.TaskId));
    // At least once: an attempt whose confirm came after the timeout is published again, so a message may repeat;
    // the first copy of each is where it belongs in the order.
    const firstCopies = (q) => received[q].filter((m, i) => received[q].findIndex((o) => o.properties.messageId === m.properties.messageId) === i);
    await until('consumers got every message', () =>
      firstCopies(queue).length === expected(queued).length && firstCopies(subscriber).length === expected(topical).length, 60000);

    for (const [q, taskIds] of [[queue, queued], [subscriber, topical]]) {
      for (const taskId of taskIds) {
        const messages = firstCopies(q).filter((m) => JSON.parse(m.content).ScheduleTaskEvent.TaskId === taskId);
        // Order per task: the messages arrive in the log's order, and task/node states never go back.
        assert.deepEqual(messages.map((m) => m.properties.messageId), expected([taskId]).map((e) => e.EventId));
        const states = messages.map((m) => JSON.parse(m.content).ScheduleTaskEvent).map((e) => rank(e.Status) * 10 + rank(e.ActivityResultSet[0].ActivityResItem.TranscodeTask.Status));
        assert.deepEqual(states, [...states].sort((a, b) => a - b));
        assert.equal(JSON.parse(messages.at(-1).content).ScheduleTaskEvent.Status, 'FINISH');
        for (const m of messages) {
          const body = JSON.parse(m.content);
          assert.equal(m.properties.deliveryMode, 2, 'persistent');
          assert.equal(m.properties.contentType, 'application/json');
          assert.equal(body.EventType, 'ScheduleTask');
          assert.equal(body.Sign, md5(String(body.Timestamp) + notifyKey));
          if (q === subscriber) assert.equal(m.fields.routingKey, 'ScheduleTask.0');
          else assert.equal(m.fields.routingKey, queue);
        }
      }
    }
    console.log(`# broker: ${received[queue].length} queue and ${received[subscriber].length} topic messages`);
  } finally {
    await connection.close();
  }
});

test('SIGKILL between the state change and its delivery: after restart each event is delivered once per id', async () => {
  let mps = mpsClient(server);
  let up = false;
  const hook = await receiver(() => (up ? 'ok' : '500'));
  try {
    const taskIds = [];
    for (let i = 0; i < 3; i++) taskIds.push(await processMedia(mps, { NotifyUrl: hook.url })); // empty NotifyType = URL, Finish mode
    await until('each Finish event committed and attempted', async () => {
      const log = await deliveryLog(mps, taskIds);
      return log.length === taskIds.length && log.every((e) => e.Status === 'PENDING' && e.Attempts >= 1);
    });
    await server.kill('SIGKILL');
    up = true;
    await server.restart();
    mps = mpsClient(server);

    const log = await until('delivered after restart', async () => {
      const events = await deliveryLog(mps, taskIds);
      return events.every((e) => e.Status === 'DELIVERED') && events;
    });
    assert.equal(log.length, taskIds.length);
    const ok = hook.requests.filter((r) => r.mode === 'ok').map((r) => r.headers['webhook-id']);
    assert.deepEqual(ok.toSorted(), log.map((e) => e.EventId).toSorted(), 'each event accepted exactly once');
    const failed = new Set(hook.requests.filter((r) => r.mode === '500').map((r) => r.headers['webhook-id']));
    assert.deepEqual([...failed].toSorted(), ok.toSorted(), 'the ids before the kill are the ids after it');
  } finally {
    hook.close();
  }
});
