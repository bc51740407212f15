// Debian's rclone (1.60) against a real `mediaflow serve`: an s3 remote (provider Other, path-style) configured only
// through RCLONE_CONFIG_MF_* variables. Run with AWS_CA_BUNDLE unset: rclone fails to load the CA bundle this kind of
// machine exports (stack-notes §3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, fixtures, run, fetchUrl, bucketName, md5, region, listingKeys, listingTop } from './support/suite.mjs';

let server, files, bucket, env;

before(async () => {
  server = await startServer();
  files = fixtures('rclone');
  bucket = bucketName('rclone');
  env = {
    RCLONE_CONFIG: files.path('rclone.conf'), // absent: nothing but the variables below
    RCLONE_CONFIG_MF_TYPE: 's3',
    RCLONE_CONFIG_MF_PROVIDER: 'Other',
    RCLONE_CONFIG_MF_ACCESS_KEY_ID: server.secretId,
    RCLONE_CONFIG_MF_SECRET_ACCESS_KEY: server.secretKey,
    RCLONE_CONFIG_MF_ENDPOINT: `http://${server.store}`,
    RCLONE_CONFIG_MF_REGION: region,
    RCLONE_CONFIG_MF_FORCE_PATH_STYLE: 'true',
  };
});

after(async () => {
  await server?.stop();
  files?.remove();
});

// No retries: a conforming server needs none, and a missing feature then fails at once instead of after backoff.
const rclone = (...args) => run('rclone', ['--retries', '1', '--low-level-retries', '1', '--contimeout', '10s', '--timeout', '30s', ...args], { env, unset: ['AWS_CA_BUNDLE'] });
const remote = (path = '') => `mf:${bucket}${path ? `/${path}` : ''}`;
const lsjson = async (...args) => JSON.parse((await rclone('lsjson', ...args)).stdout);

test('rclone: mkdir creates the bucket, lsd lists it', async () => {
  await rclone('mkdir', remote());
  const { stdout } = await rclone('lsd', 'mf:');
  assert.match(stdout, new RegExp(`\\s${bucket}$`, 'm'));
});

test('rclone: copyto uploads with a Content-Type and metadata header, lsjson shows size and MIME type', async () => {
  await rclone('copyto', '--header-upload', 'Content-Type: text/plain', '--header-upload', 'X-Amz-Meta-Origin: rclone', files.smallPath, remote('docs/small.txt'));
  const [entry] = await lsjson('--hash', remote('docs/small.txt'));
  assert.equal(entry.Size, files.small.length);
  assert.equal(entry.MimeType, 'text/plain');
  assert.equal(entry.Hashes.md5, md5(files.small));
});

test('rclone: cat returns the exact bytes', async () => {
  const { bytes } = await rclone('cat', remote('docs/small.txt'));
  assert.deepEqual(bytes, files.small);
});

test('rclone: cat --offset/--count reads a byte range (Range header)', async () => {
  const { bytes, stderr } = await rclone('cat', '--offset', '3', '--count', '7', '--dump', 'headers', remote('docs/small.txt'));
  assert.deepEqual(bytes, files.small.subarray(3, 10));
  assert.match(stderr, /Range: bytes=3-9/);
  const tail = await rclone('cat', '--offset', '-5', remote('docs/small.txt'));
  assert.deepEqual(tail.bytes, files.small.subarray(files.small.length - 5));
});

test('rclone: copyto with a 5 MiB cutoff uploads 11 MiB as 3 parts and reads it back intact', async () => {
  await rclone('copyto', '--s3-upload-cutoff', '5M', '--s3-chunk-size', '5M', files.bigPath, remote('big/big.bin'));
  await rclone('copyto', remote('big/big.bin'), files.path('big.down'));
  assert.equal(md5(files.read('big.down')), md5(files.big));
  // rclone checks the download against the MD5 it stored in X-Amz-Meta-Md5chksum; the ETag shows the parts.
  const { stderr: head } = await rclone('lsjson', '--dump', 'headers', '--hash', remote('big/big.bin'));
  assert.match(head, /Etag: "[0-9a-f]{32}-3"/i);
});

test('rclone: lsf of a prefix lists keys and directories (delimiter /)', async () => {
  await rclone('copy', files.tree(listingKeys), remote());
  const { stdout } = await rclone('lsf', remote('list'));
  const names = stdout.split('\n').filter(Boolean);
  assert.deepEqual(names, [...listingTop.keys, ...listingTop.prefixes].map((k) => k.slice('list/'.length)).sort());
});

test('rclone: --s3-list-chunk 2 pages through a listing (max-keys=2, several requests)', async () => {
  const { stdout, stderr } = await rclone('lsf', '-R', '--files-only', '--s3-list-chunk', '2', '--dump', 'headers', remote('list'));
  assert.deepEqual(stdout.split('\n').filter(Boolean).map((k) => `list/${k}`), listingKeys);
  const pages = stderr.match(/GET \/[^\s]*max-keys=2[^\s]* HTTP/g) ?? [];
  assert.ok(pages.length >= 3, `expected at least 3 listing requests, saw ${pages.length}`);
});

test('rclone: copyto between two keys copies server-side', async () => {
  const { stderr } = await rclone('copyto', '--dump', 'headers', remote('docs/small.txt'), remote('copies/small.txt'));
  assert.match(stderr, /X-Amz-Copy-Source:/i);
  const { bytes } = await rclone('cat', remote('copies/small.txt'));
  assert.deepEqual(bytes, files.small);
});

test('rclone: delete removes every object under a prefix', async () => {
  await rclone('delete', remote('list'));
  assert.deepEqual(await lsjson('-R', remote('list')).catch(() => []), []);
});

test('rclone: link makes a presigned URL a plain HTTP GET can fetch', async () => {
  const { stdout } = await rclone('link', '--expire', '10m', remote('docs/small.txt'));
  const res = await fetchUrl(stdout.trim());
  assert.equal(res.status, 200, res.body.toString());
  assert.deepEqual(res.body, files.small);
});

test('rclone: deletefile removes one object', async () => {
  await rclone('deletefile', remote('docs/small.txt'));
  const left = await lsjson(remote('docs')).catch(() => []); // an empty "directory" is simply gone
  assert.deepEqual(left.map((e) => e.Name), []);
});

test('rclone: purge empties and removes the bucket', async () => {
  await rclone('purge', remote());
  const { stdout } = await rclone('lsd', 'mf:');
  assert.doesNotMatch(stdout, new RegExp(`\\s${bucket}$`, 'm'));
});
