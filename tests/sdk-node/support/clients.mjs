// The official SDKs pointed at a local Mediaflow (reference/mps-api.md §1.1 and §15.1).
import tencentcloud from 'tencentcloud-sdk-nodejs-mps';
import COS from 'cos-nodejs-sdk-v5';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';

export function mpsClient(server, { secretKey = server.secretKey } = {}) {
  return new tencentcloud.mps.v20190612.Client({
    credential: { secretId: server.secretId, secretKey },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint: server.api, protocol: 'http://' } },
  });
}

export function cosClient(server) {
  return new COS({ SecretId: server.secretId, SecretKey: server.secretKey, Protocol: 'http:', Ip: server.store, ChunkSize: 1024 * 1024 });
}

/** Promisified COS call: cos[method](params). */
export function cosCall(cos, method, params) {
  return new Promise((resolve, reject) => cos[method](params, (err, data) => (err ? reject(err) : resolve(data))));
}

/** Polls DescribeTaskDetail until the task is FINISH. */
export async function waitForFinish(mps, taskId, timeoutMs = 120000) {
  const start = Date.now();
  for (;;) {
    const detail = await mps.DescribeTaskDetail({ TaskId: taskId });
    if (detail.Status === 'FINISH') return detail;
    if (Date.now() - start > timeoutMs) throw new Error(`task ${taskId} not finished: ${JSON.stringify(detail)}`);
    await sleep(200);
  }
}

/** Polls DescribeTasks(FINISH) until `count` tasks are listed. */
export async function waitForFinishedTasks(mps, count, timeoutMs = 180000) {
  const start = Date.now();
  for (;;) {
    const res = await mps.DescribeTasks({ Status: 'FINISH', Limit: 100 });
    if (res.TaskSet.length >= count) return res.TaskSet;
    if (Date.now() - start > timeoutMs) {
      const waiting = await mps.DescribeTasks({ Status: 'WAITING', Limit: 100 });
      const processing = await mps.DescribeTasks({ Status: 'PROCESSING', Limit: 100 });
      throw new Error(`only ${res.TaskSet.length} of ${count} tasks finished (waiting ${waiting.TotalCount}, processing ${processing.TotalCount})`);
    }
    await sleep(250);
  }
}

/** A started server with both SDK clients, a fresh bucket `<prefix>-<appId>` and a scratch directory. */
export async function startServerWithBucket(prefix, region = 'ap-guangzhou') {
  const server = await startServer();
  const mps = mpsClient(server);
  const cos = cosClient(server);
  const bucket = `${prefix}-${server.appId}`;
  const work = mkdtempSync(join(tmpdir(), `mf-${prefix}-`));
  await cosCall(cos, 'putBucket', { Bucket: bucket, Region: region });
  return { server, mps, cos, bucket, work };
}
