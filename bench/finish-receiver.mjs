// The Finish callbacks a bench waits for: the moment a task is FINISH as seen from outside (commit + outbox delivery
// over loopback), keyed by the task's input object key.
import { createServer } from 'node:http';

/** Starts a loopback receiver; `now` stamps each arrival (bench.mjs needs wall-clock ns to compare with spawn stamps). */
export async function startFinishReceiver(now = () => process.hrtime.bigint()) {
  const finished = new Map(); // input key → { at, event }
  const waiters = new Map();
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const at = now();
      const event = JSON.parse(body).ScheduleTaskEvent;
      const key = event.InputInfo.CosInputInfo.Object.replace(/^\//, '');
      if (!finished.has(key)) finished.set(key, { at, event });
      waiters.get(key)?.();
      res.writeHead(200).end();
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  const finishOf = (key) => (finished.has(key) ? Promise.resolve() : new Promise((r) => waiters.set(key, r))).then(() => finished.get(key));
  return { receiver, finishOf };
}
