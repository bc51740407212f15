// The official MPS Node SDK against a running Mediaflow API: proves TC3 signing (Node style: host without port,
// service "127"), the envelope, errors and the GET transport with ParseNotification, which needs no engine.
// Runs against MEDIAFLOW_API_ENDPOINT (host:port) with MEDIAFLOW_SECRET_ID / MEDIAFLOW_SECRET_KEY when they are set,
// else against a `mediaflow serve` it starts itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import tencentcloud from 'tencentcloud-sdk-nodejs-mps';
import { startServer } from './support/server.mjs';

let endpoint = process.env.MEDIAFLOW_API_ENDPOINT;
let secretId = process.env.MEDIAFLOW_SECRET_ID;
let secretKey = process.env.MEDIAFLOW_SECRET_KEY;
let server;

before(async () => {
  if (endpoint && secretId && secretKey) return;
  server = await startServer();
  ({ api: endpoint, secretId, secretKey } = server);
});

after(async () => {
  await server?.stop();
});

function client({ key = secretKey, reqMethod = 'POST' } = {}) {
  return new tencentcloud.mps.v20190612.Client({
    credential: { secretId, secretKey: key },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint, protocol: 'http://', reqMethod } },
  });
}

function notification(notifyKey) {
  const Timestamp = Math.floor(Date.now() / 1000) + 600;
  const Sign = createHash('md5').update(`${Timestamp}${notifyKey}`).digest('hex');
  return JSON.stringify({ EventType: 'ScheduleTask', ScheduleTaskEvent: { TaskId: 't-1', Status: 'FINISH' }, SessionContext: 'ctx', Timestamp, Sign });
}

test('ParseNotification through the SDK returns the fields', async () => {
  const res = await client().ParseNotification({ Content: notification('k'), MfNotifyKey: 'k' });
  assert.equal(res.EventType, 'ScheduleTask');
  assert.equal(res.ScheduleTaskEvent.TaskId, 't-1');
  assert.equal(res.SessionContext, 'ctx');
  assert.match(res.RequestId, /^[0-9a-f-]{36}$/);
});

test('ParseNotification by GET (flattened query) returns the fields', async () => {
  const res = await client({ reqMethod: 'GET' }).ParseNotification({ Content: notification('') });
  assert.equal(res.EventType, 'ScheduleTask');
});

test('a wrong NotifyKey is an SDK error with the MPS code', async () => {
  await assert.rejects(client().ParseNotification({ Content: notification('k'), MfNotifyKey: 'other' }), (err) => {
    assert.equal(err.code, 'InvalidParameterValue.InvalidContent');
    assert.match(err.requestId, /^[0-9a-f-]{36}$/);
    return true;
  });
});

test('a missing Content is MissingParameter', async () => {
  await assert.rejects(client().ParseNotification({}), { code: 'MissingParameter' });
});

test('a wrong secret key is AuthFailure.SignatureFailure', async () => {
  await assert.rejects(client({ key: 'wrong' }).ParseNotification({ Content: '{}' }), { code: 'AuthFailure.SignatureFailure' });
});
