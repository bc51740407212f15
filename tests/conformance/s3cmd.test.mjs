// Debian's s3cmd (2.3) against a real `mediaflow serve`, path-style (--host-bucket = the store's host), SigV4.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { startServer, fixtures, run, fetchUrl, md5, region, listingKeys, listingTop } from './support/suite.mjs';
import { cosClient, cosCall } from '../sdk-node/support/clients.mjs';

let server, files, bucket;

before(async () => {
  server = await startServer();
  files = fixtures('s3cmd');
  bucket = `conf-s3cmd-${server.appId}`; // also a COS name, so the COS SDK can seed the 1000+ key listing quickly
  writeFileSync(files.path('s3cmd.cfg'), ''); // never read ~/.s3cfg
});

after(async () => {
  await server?.stop();
  files?.remove();
});

function s3cmd(...args) {
  return run('s3cmd', ['-c', files.path('s3cmd.cfg'), `--access_key=${server.secretId}`, `--secret_key=${server.secretKey}`,
    `--host=${server.store}`, `--host-bucket=${server.store}`, '--no-ssl', `--region=${region}`, ...args]);
}
/** `s3cmd ls` output → [{ dir: true, url } | { size, url }]. */
async function ls(url, ...extra) {
  const { stdout } = await s3cmd('ls', ...extra, url);
  return stdout.split('\n').filter(Boolean).map((line) => {
    const dir = line.match(/^\s*DIR\s+(\S+)$/);
    if (dir) return { dir: true, url: dir[1] };
    const parts = line.trim().split(/\s+/);
    return { size: Number(parts[2]), url: parts.at(-1) };
  });
}

test('s3cmd: mb, then ls lists the bucket', async () => {
  await s3cmd('mb', `s3://${bucket}`);
  const { stdout } = await s3cmd('ls');
  assert.match(stdout, new RegExp(`s3://${bucket}\\b`));
});

test('s3cmd: put with a MIME type and a user metadata header, info shows them', async () => {
  await s3cmd('put', '--mime-type=text/plain', '--add-header=x-amz-meta-origin:s3cmd', files.smallPath, `s3://${bucket}/docs/small.txt`);
  const { stdout } = await s3cmd('info', `s3://${bucket}/docs/small.txt`);
  assert.match(stdout, new RegExp(`File size:\\s+${files.small.length}\\b`));
  assert.match(stdout, /MIME type:\s+text\/plain/);
  assert.match(stdout, new RegExp(`MD5 sum:\\s+${md5(files.small)}`));
  assert.match(stdout, /x-amz-meta-origin:\s*s3cmd/);
});

test('s3cmd: get returns the exact bytes', async () => {
  await s3cmd('get', `s3://${bucket}/docs/small.txt`, files.path('small.down'));
  assert.deepEqual(files.read('small.down'), files.small);
});

test('s3cmd: get --continue resumes a partial download with a Range request', async () => {
  writeFileSync(files.path('partial.down'), files.small.subarray(0, 7));
  const { stdout, stderr } = await s3cmd('-d', 'get', '--continue', `s3://${bucket}/docs/small.txt`, files.path('partial.down'));
  assert.match(stdout + stderr, /Requesting Range: 7 \.\. end/);
  assert.match(stdout + stderr, new RegExp(`'content-range': 'bytes 7-${files.small.length - 1}/${files.small.length}'`));
  assert.deepEqual(files.read('partial.down'), files.small);
});

test('s3cmd: put with 5 MiB chunks makes a 3-part multipart object that downloads intact', async () => {
  await s3cmd('put', '--multipart-chunk-size-mb=5', files.bigPath, `s3://${bucket}/big/big.bin`);
  const { stdout, stderr } = await s3cmd('-d', 'info', `s3://${bucket}/big/big.bin`); // the ETag shows in the debug log
  assert.match(stdout, new RegExp(`File size:\\s+${files.big.length}\\b`));
  assert.match(stderr, /'etag': '"[0-9a-f]{32}-3"'/);
  await s3cmd('get', `s3://${bucket}/big/big.bin`, files.path('big.down'));
  assert.equal(md5(files.read('big.down')), md5(files.big));
});

test('s3cmd: ls of a prefix shows the keys and the "directories" (delimiter /)', async () => {
  await s3cmd('put', '--recursive', `${files.tree(listingKeys)}/list`, `s3://${bucket}/`);
  const entries = await ls(`s3://${bucket}/list/`);
  assert.deepEqual(entries.filter((e) => e.dir).map((e) => e.url), listingTop.prefixes.map((p) => `s3://${bucket}/${p}`));
  assert.deepEqual(entries.filter((e) => !e.dir).map((e) => e.url), listingTop.keys.map((k) => `s3://${bucket}/${k}`));
});

test('s3cmd: ls follows the marker through a listing longer than one 1000-key page', async () => {
  // s3cmd has no page-size option: 1003 keys make the server truncate at its 1000-key page. Seeded with the COS SDK
  // (16 at a time), which is much faster than 1003 s3cmd puts.
  const cos = cosClient(server);
  const keys = Array.from({ length: 1003 }, (_, i) => `many/${String(i).padStart(4, '0')}`);
  for (let i = 0; i < keys.length; i += 16) {
    await Promise.all(keys.slice(i, i + 16).map((Key) => cosCall(cos, 'putObject', { Bucket: bucket, Region: region, Key, Body: 'x' })));
  }
  const { stdout, stderr } = await s3cmd('-d', 'ls', `s3://${bucket}/many/`);
  const listed = stdout.split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/).at(-1));
  assert.deepEqual(listed, keys.map((k) => `s3://${bucket}/${k}`));
  assert.match(stderr, /marker=/, 'expected a second page requested with a marker');
});

test('s3cmd: cp copies an object server-side', async () => {
  await s3cmd('cp', `s3://${bucket}/docs/small.txt`, `s3://${bucket}/copies/small.txt`);
  await s3cmd('get', `s3://${bucket}/copies/small.txt`, files.path('copy.down'));
  assert.deepEqual(files.read('copy.down'), files.small);
});

test('s3cmd: rm --recursive deletes a prefix with a multi-object delete', async () => {
  const { stdout, stderr } = await s3cmd('-d', 'rm', '--recursive', `s3://${bucket}/list/`);
  assert.match(stdout + stderr, /\?delete/, 'expected a POST ?delete (DeleteObjects) request');
  assert.deepEqual(await ls(`s3://${bucket}/list/`), []);
});

test('s3cmd: signurl gives a URL a plain HTTP GET can fetch', async () => {
  // s3cmd 2.3 presigns with signature V2 (AWSAccessKeyId, Expires, Signature).
  const { stdout } = await s3cmd('signurl', `s3://${bucket}/docs/small.txt`, '+600');
  const res = await fetchUrl(stdout.trim());
  assert.equal(res.status, 200, res.body.toString());
  assert.deepEqual(res.body, files.small);
  const tampered = await fetchUrl(stdout.trim().replace('docs/small.txt', 'big/big.bin'));
  assert.equal(tampered.status, 403);
});

test('s3cmd: del removes one object; info then fails', async () => {
  await s3cmd('del', `s3://${bucket}/docs/small.txt`);
  await assert.rejects(s3cmd('info', `s3://${bucket}/docs/small.txt`), /404|Not Found|NoSuchKey/);
});

test('s3cmd: rb --recursive --force empties and removes the bucket', async () => {
  await s3cmd('rb', '--recursive', '--force', `s3://${bucket}`);
  const { stdout } = await s3cmd('ls');
  assert.doesNotMatch(stdout, new RegExp(`s3://${bucket}\\b`));
});
