// For clients driven by a program of their own (boto3 in Python, AWSSDK.S3 in C#): the program runs the conformance
// operations in order against the server and prints one JSON line per operation, {"op", "ok", "error"}. Each
// expected operation becomes one node test; an operation the program never reported (it crashed) fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';

/** The operations every scripted client runs, in order. */
export const scriptedOperations = [
  'create-bucket', 'put-object-metadata', 'get-object', 'get-range', 'multipart-upload', 'list-delimiter',
  'list-pagination', 'copy-object', 'delete-objects', 'presigned-get', 'delete-object', 'delete-bucket',
];

/** Parses the program's stdout into op → { ok, error }. */
export function parseReport(stdout) {
  const results = new Map();
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const r = JSON.parse(line);
    results.set(r.op, r);
  }
  return results;
}

/**
 * Declares one test per operation, named "<client>: <op>". `runProgram` is called once (by the first test) and
 * resolves with { stdout, stderr }.
 */
export function reportedTests(client, runProgram) {
  let pending;
  const report = () => (pending ??= runProgram().then(({ stdout, stderr }) => ({ results: parseReport(stdout), stderr })));
  for (const op of scriptedOperations) {
    test(`${client}: ${op}`, async () => {
      const { results, stderr } = await report();
      const r = results.get(op);
      assert.ok(r, `${client} never reported ${op}; its stderr:\n${stderr.slice(-3000)}`);
      assert.ok(r.ok, r.error);
    });
  }
}
