// The official COS Node SDK (cos-nodejs-sdk-v5, installed by tests/sdk-node's package.json) against a real
// `mediaflow serve`: q-sign, virtual-host buckets `name-<AppId>` (the SDK's `Ip` option sends
// Host: <bucket>.cos.<region>.myqcloud.com to the store's loopback address).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, fixtures, fetchUrl, md5, region, listingKeys, listingTop, partSize } from './support/suite.mjs';
import { cosClient, cosCall } from '../sdk-node/support/clients.mjs';

let server, files, cos, bucket;

before(async () => {
  server = await startServer();
  files = fixtures('cos');
  cos = cosClient(server);
  bucket = `conf-cos-${server.appId}`;
});

after(async () => {
  await server?.stop();
  files?.remove();
});

const call = (method, params) => cosCall(cos, method, { Bucket: bucket, Region: region, ...params });

test('cos-node: putBucket, then headBucket and getService find it', async () => {
  await call('putBucket', {});
  await call('headBucket', {});
  const { Buckets } = await cosCall(cos, 'getService', {});
  assert.ok(Buckets.some((b) => b.Name === bucket), JSON.stringify(Buckets));
});

test('cos-node: putObject with ContentType and x-cos-meta-*, headObject returns them', async () => {
  const put = await call('putObject', { Key: 'docs/small.txt', Body: files.small, ContentType: 'text/plain; charset=utf-8', Headers: { 'x-cos-meta-origin': 'cos-node' } });
  assert.equal(put.ETag, `"${md5(files.small)}"`);
  const head = await call('headObject', { Key: 'docs/small.txt' });
  assert.equal(Number(head.headers['content-length']), files.small.length);
  assert.equal(head.headers['content-type'], 'text/plain; charset=utf-8');
  assert.equal(head.headers['x-cos-meta-origin'], 'cos-node');
});

test('cos-node: getObject returns the exact bytes', async () => {
  const res = await call('getObject', { Key: 'docs/small.txt' });
  assert.deepEqual(res.Body, files.small);
  assert.equal(res.ETag, `"${md5(files.small)}"`);
});

test('cos-node: getObject with a byte range and a suffix range', async () => {
  const mid = await call('getObject', { Key: 'docs/small.txt', Range: 'bytes=3-9' });
  assert.equal(mid.statusCode, 206);
  assert.deepEqual(mid.Body, files.small.subarray(3, 10));
  const tail = await call('getObject', { Key: 'docs/small.txt', Range: 'bytes=-5' });
  assert.deepEqual(tail.Body, files.small.subarray(files.small.length - 5));
});

test('cos-node: sliceUploadFile sends 11 MiB in 5 MiB slices and getObject reads it back intact', async () => {
  const res = await call('sliceUploadFile', { Key: 'big/big.bin', FilePath: files.bigPath, ChunkSize: partSize });
  assert.match(res.ETag, /^"[0-9a-f]{32}-3"$/);
  const back = await call('getObject', { Key: 'big/big.bin' });
  assert.equal(md5(back.Body), md5(files.big));
});

test('cos-node: sliceUploadFile with the SDK default 1 MB slices (COS accepts parts down to 1 MB)', async () => {
  const bytes = files.big.subarray(0, 3 * 1024 * 1024 + 100);
  const res = await call('sliceUploadFile', { Key: 'big/default-slices.bin', FilePath: files.write('default-slices.bin', bytes), ChunkSize: 1024 * 1024 });
  assert.match(res.ETag, /^"[0-9a-f]{32}-4"$/);
  const back = await call('getObject', { Key: 'big/default-slices.bin' });
  assert.equal(md5(back.Body), md5(bytes));
});

test('cos-node: getBucket with a delimiter returns keys and common prefixes', async () => {
  for (const Key of listingKeys) await call('putObject', { Key, Body: files.small });
  const res = await call('getBucket', { Prefix: 'list/', Delimiter: '/' });
  assert.deepEqual(res.Contents.map((c) => c.Key), listingTop.keys);
  assert.deepEqual(res.CommonPrefixes.map((p) => p.Prefix), listingTop.prefixes);
});

test('cos-node: getBucket pages of 2 with NextMarker', async () => {
  const keys = [];
  let Marker;
  let pages = 0;
  for (;;) {
    const res = await call('getBucket', { Prefix: 'list/', MaxKeys: 2, ...(Marker ? { Marker } : {}) });
    pages++;
    keys.push(...res.Contents.map((c) => c.Key));
    if (res.IsTruncated !== 'true' || pages > 10) break;
    Marker = res.NextMarker || res.Contents.at(-1).Key;
  }
  assert.deepEqual(keys, listingKeys);
  assert.equal(pages, 3);
});

test('cos-node: putObjectCopy copies bytes and metadata', async () => {
  await call('putObjectCopy', { Key: 'copies/small.txt', CopySource: `${bucket}.cos.${region}.myqcloud.com/docs/small.txt` });
  const res = await call('getObject', { Key: 'copies/small.txt' });
  assert.deepEqual(res.Body, files.small);
  assert.equal(res.headers['x-cos-meta-origin'], 'cos-node');
});

test('cos-node: deleteMultipleObject removes several keys in one request', async () => {
  const res = await call('deleteMultipleObject', { Objects: [{ Key: 'list/a.txt' }, { Key: 'list/d/1.txt' }] });
  assert.deepEqual(res.Deleted.map((d) => d.Key).sort(), ['list/a.txt', 'list/d/1.txt']);
  assert.deepEqual(res.Error, []);
  const left = await call('getBucket', { Prefix: 'list/' });
  assert.deepEqual(left.Contents.map((c) => c.Key), listingKeys.filter((k) => k !== 'list/a.txt' && k !== 'list/d/1.txt'));
});

test('cos-node: getObjectUrl with Sign gives a URL a plain HTTP GET can fetch', async () => {
  const { Url } = await call('getObjectUrl', { Key: 'docs/small.txt', Sign: true, Expires: 600 });
  // The URL names the virtual host; send it to the store's address with that Host header.
  const url = new URL(Url);
  const host = url.host;
  url.protocol = 'http:';
  url.host = server.store;
  const res = await fetchUrl(url, { Host: host });
  assert.equal(res.status, 200, res.body.toString());
  assert.deepEqual(res.body, files.small);
  const other = new URL(url);
  other.pathname = '/big/big.bin';
  assert.equal((await fetchUrl(other, { Host: host })).status, 403);
});

test('cos-node: deleteObject, then headObject answers 404', async () => {
  await call('deleteObject', { Key: 'docs/small.txt' });
  await assert.rejects(call('headObject', { Key: 'docs/small.txt' }), (err) => err.statusCode === 404);
});

test('cos-node: deleteBucket refuses a non-empty bucket, succeeds once emptied', async () => {
  await assert.rejects(call('deleteBucket', {}), (err) => err.statusCode === 409);
  const { Contents } = await call('getBucket', {});
  for (const { Key } of Contents) await call('deleteObject', { Key });
  // Uploads a failed sliceUploadFile left open are aborted too, as a careful user would.
  const { Upload = [] } = await call('multipartList', {});
  for (const { Key, UploadId } of Upload) await call('multipartAbort', { Key, UploadId });
  await call('deleteBucket', {});
  await assert.rejects(call('headBucket', {}), (err) => err.statusCode === 404);
});
