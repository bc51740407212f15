// Debian's awscli v2 (/usr/bin/aws — NOT the pyenv awscli v1 that may come first on PATH) against a real
// `mediaflow serve`: s3api for the exact operations, the high-level `aws s3` for multipart transfers and presigning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { startServer, fixtures, run, fetchUrl, bucketName, md5, region, listingKeys, listingTop } from './support/suite.mjs';

const aws = '/usr/bin/aws';
let server, files, bucket, env;

before(async () => {
  server = await startServer();
  files = fixtures('awscli');
  bucket = bucketName('awscli');
  // A private config: 5 MiB multipart threshold and part size, so the 11 MiB fixture goes up in three parts.
  writeFileSync(files.path('config'), '[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n');
  env = {
    AWS_ACCESS_KEY_ID: server.secretId,
    AWS_SECRET_ACCESS_KEY: server.secretKey,
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: files.path('config'),
    AWS_SHARED_CREDENTIALS_FILE: files.path('no-credentials'),
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1', // a conforming server needs no retries; a failure shows at once instead of after backoff
  };
});

after(async () => {
  await server?.stop();
  files?.remove();
});

/** Runs aws against the store and parses its JSON output (empty output → null). */
async function cli(...args) {
  const { stdout } = await run(aws, ['--endpoint-url', `http://${server.store}`, '--output', 'json', ...args], { env, unset: ['AWS_PROFILE'] });
  return stdout.trim() ? JSON.parse(stdout) : null;
}
const api = (...args) => cli('s3api', ...args);
const readBack = async (key, ...extra) => {
  const out = files.path(`get-${Math.random().toString(36).slice(2)}`);
  const meta = await api('get-object', '--bucket', bucket, '--key', key, ...extra, out);
  return { meta, body: readFileSync(out) };
};

test('awscli: create-bucket, then head-bucket finds it', async () => {
  await api('create-bucket', '--bucket', bucket);
  await api('head-bucket', '--bucket', bucket);
  const { Buckets } = await api('list-buckets');
  assert.ok(Buckets.some((b) => b.Name === bucket));
});

test('awscli: put-object with Content-Type and user metadata, head-object returns them', async () => {
  const put = await api('put-object', '--bucket', bucket, '--key', 'docs/small.txt', '--body', files.smallPath,
    '--content-type', 'text/plain; charset=utf-8', '--metadata', 'origin=awscli,lang=de');
  assert.equal(put.ETag, `"${md5(files.small)}"`);
  const head = await api('head-object', '--bucket', bucket, '--key', 'docs/small.txt');
  assert.equal(head.ContentLength, files.small.length);
  assert.equal(head.ContentType, 'text/plain; charset=utf-8');
  assert.deepEqual(head.Metadata, { origin: 'awscli', lang: 'de' });
});

test('awscli: get-object returns the exact bytes', async () => {
  const { body, meta } = await readBack('docs/small.txt');
  assert.deepEqual(body, files.small);
  assert.equal(meta.ETag, `"${md5(files.small)}"`);
});

test('awscli: get-object with a byte range and a suffix range', async () => {
  const mid = await readBack('docs/small.txt', '--range', 'bytes=3-9');
  assert.deepEqual(mid.body, files.small.subarray(3, 10));
  assert.equal(mid.meta.ContentRange, `bytes 3-9/${files.small.length}`);
  const tail = await readBack('docs/small.txt', '--range', 'bytes=-5');
  assert.deepEqual(tail.body, files.small.subarray(files.small.length - 5));
});

test('awscli: `aws s3 cp` uploads 11 MiB as a 3-part multipart upload and downloads it intact', async () => {
  await cli('s3', 'cp', '--only-show-errors', files.bigPath, `s3://${bucket}/big/big.bin`);
  const head = await api('head-object', '--bucket', bucket, '--key', 'big/big.bin');
  assert.equal(head.ContentLength, files.big.length);
  assert.match(head.ETag, /^"[0-9a-f]{32}-3"$/);
  await cli('s3', 'cp', '--only-show-errors', `s3://${bucket}/big/big.bin`, files.path('big.down'));
  assert.equal(md5(files.read('big.down')), md5(files.big));
});

test('awscli: list-objects-v2 with a delimiter returns keys and common prefixes', async () => {
  await cli('s3', 'cp', '--only-show-errors', '--recursive', files.tree(listingKeys), `s3://${bucket}/`);
  const res = await api('list-objects-v2', '--bucket', bucket, '--prefix', 'list/', '--delimiter', '/');
  assert.deepEqual(res.Contents.map((c) => c.Key), listingTop.keys);
  assert.deepEqual(res.CommonPrefixes.map((p) => p.Prefix), listingTop.prefixes);
});

test('awscli: list-objects-v2 pages of 2 with continuation tokens, list-objects v1 with markers', async () => {
  const v2 = [];
  let token;
  let pages = 0;
  do {
    const res = await api('list-objects-v2', '--bucket', bucket, '--prefix', 'list/', '--max-keys', '2', '--no-paginate',
      ...(token ? ['--continuation-token', token] : []));
    pages++;
    v2.push(...res.Contents.map((c) => c.Key));
    assert.ok(res.Contents.length <= 2);
    token = res.IsTruncated ? res.NextContinuationToken : undefined;
    if (res.IsTruncated) assert.ok(token, 'IsTruncated without NextContinuationToken');
  } while (token && pages < 10);
  assert.deepEqual(v2, listingKeys);
  assert.equal(pages, 3);

  const v1 = [];
  let marker;
  for (let page = 0; page < 10; page++) {
    const res = await api('list-objects', '--bucket', bucket, '--prefix', 'list/', '--max-keys', '4', '--no-paginate',
      ...(marker ? ['--marker', marker] : []));
    v1.push(...res.Contents.map((c) => c.Key));
    if (!res.IsTruncated) break;
    marker = res.NextMarker ?? res.Contents.at(-1).Key;
  }
  assert.deepEqual(v1, listingKeys);
});

test('awscli: copy-object copies bytes and metadata', async () => {
  await api('copy-object', '--bucket', bucket, '--key', 'copies/small.txt', '--copy-source', `${bucket}/docs/small.txt`);
  const { body } = await readBack('copies/small.txt');
  assert.deepEqual(body, files.small);
  const head = await api('head-object', '--bucket', bucket, '--key', 'copies/small.txt');
  assert.deepEqual(head.Metadata, { origin: 'awscli', lang: 'de' });
});

test('awscli: delete-objects removes several keys in one request', async () => {
  const res = await api('delete-objects', '--bucket', bucket, '--delete',
    JSON.stringify({ Objects: [{ Key: 'list/a.txt' }, { Key: 'list/d/1.txt' }, { Key: 'list/never-existed' }] }));
  assert.deepEqual(res.Deleted.map((d) => d.Key).sort(), ['list/a.txt', 'list/d/1.txt', 'list/never-existed']);
  assert.equal(res.Errors, undefined);
  const left = await api('list-objects-v2', '--bucket', bucket, '--prefix', 'list/');
  assert.deepEqual(left.Contents.map((c) => c.Key), listingKeys.filter((k) => k !== 'list/a.txt' && k !== 'list/d/1.txt'));
});

test('awscli: `aws s3 presign` URL serves the object to a plain HTTP GET', async () => {
  const { stdout } = await run(aws, ['--endpoint-url', `http://${server.store}`, 's3', 'presign', `s3://${bucket}/docs/small.txt`, '--expires-in', '600'], { env });
  const res = await fetchUrl(stdout.trim());
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, files.small);
  const tampered = await fetchUrl(stdout.trim().replace('docs/small.txt', 'big/big.bin'));
  assert.equal(tampered.status, 403);
});

test('awscli: delete-object, then head-object answers 404', async () => {
  await api('delete-object', '--bucket', bucket, '--key', 'docs/small.txt');
  await assert.rejects(api('head-object', '--bucket', bucket, '--key', 'docs/small.txt'), /404|Not Found/);
});

test('awscli: delete-bucket refuses a non-empty bucket, succeeds once `aws s3 rm --recursive` emptied it', async () => {
  await assert.rejects(api('delete-bucket', '--bucket', bucket), /BucketNotEmpty/);
  await cli('s3', 'rm', '--only-show-errors', '--recursive', `s3://${bucket}/`);
  await api('delete-bucket', '--bucket', bucket);
  await assert.rejects(api('head-bucket', '--bucket', bucket), /404|Not Found/);
});
