// What every conformance client file shares: the server (a real `mediaflow serve`, started by tests/sdk-node's
// harness), the fixture files, the external-tool runner and the checks that do not depend on the client
// (presigned GET over plain HTTP, byte comparison).
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { request } from 'node:http';

export { startServer } from '../../sdk-node/support/server.mjs';

export const region = 'ap-guangzhou';

/** Bytes of the multipart fixture: 11 MiB, so 5 MiB parts give three parts (the last one short). */
export const multipartSize = 11 * 1024 * 1024;
export const partSize = 5 * 1024 * 1024;

export const md5 = (bytes) => createHash('md5').update(bytes).digest('hex');

/** A scratch directory with the fixtures every client uploads: a small text object and an 11 MiB random one. */
export function fixtures(name) {
  const dir = mkdtempSync(join(tmpdir(), `mf-conf-${name}-`));
  const small = Buffer.from(`conformance ${name}: héllo wörld\n`, 'utf8');
  const big = randomBytes(multipartSize);
  writeFileSync(join(dir, 'small.txt'), small);
  writeFileSync(join(dir, 'big.bin'), big);
  return {
    dir,
    small,
    big,
    smallPath: join(dir, 'small.txt'),
    bigPath: join(dir, 'big.bin'),
    path: (file) => join(dir, file),
    read: (file) => readFileSync(join(dir, file)),
    write: (file, bytes) => {
      writeFileSync(join(dir, file), bytes);
      return join(dir, file);
    },
    /** Writes `keys` as files (content: the small fixture) under a fresh local directory and returns it. */
    tree: (keys) => {
      const root = join(dir, `tree-${randomBytes(3).toString('hex')}`);
      for (const key of keys) {
        mkdirSync(dirname(join(root, key)), { recursive: true });
        writeFileSync(join(root, key), small);
      }
      return root;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs an external client; resolves with stdout (and stderr) when it exits 0, rejects with both otherwise. A timeout
 * keeps a client that retries forever against a missing feature from stalling the suite.
 */
export function run(command, args, { env = {}, unset = [], timeoutMs = 60000, input } = {}) {
  const childEnv = { ...process.env, ...env };
  for (const name of unset) delete childEnv[name];
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { env: childEnv, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' }, (err, stdout, stderr) => {
      if (err) {
        const why = err.killed ? `killed after ${timeoutMs} ms` : `exit ${err.code}`;
        reject(new Error(`${command} ${args.join(' ')}: ${why}\n${stderr.toString().slice(-4000)}\n${stdout.toString().slice(-2000)}`));
      } else {
        resolve({ stdout: stdout.toString(), stderr: stderr.toString(), bytes: stdout });
      }
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

/** GETs a presigned URL with no credentials of our own: only the URL's query authorizes it. */
export function fetchUrl(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A bucket name unique to this run and client (S3 naming rules: lowercase, digits, hyphens). */
export function bucketName(client) {
  return `conf-${client}-${randomBytes(3).toString('hex')}`;
}

/** The keys of the listing fixture: two "directories" and three top-level keys. */
export const listingKeys = ['list/a.txt', 'list/b.txt', 'list/c.txt', 'list/d/1.txt', 'list/d/2.txt', 'list/e/1.txt'];
export const listingTop = { keys: ['list/a.txt', 'list/b.txt', 'list/c.txt'], prefixes: ['list/d/', 'list/e/'] };
