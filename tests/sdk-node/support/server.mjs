// Starts a real `mediaflow serve` on free loopback ports with its own data directory, for one test file.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');

export function serverDll() {
  if (process.env.MEDIAFLOW_DLL) return process.env.MEDIAFLOW_DLL;
  for (const config of ['Release', 'Debug']) {
    const dll = join(repo, 'src/Mediaflow.Server/bin', config, 'net10.0/mediaflow.dll');
    if (existsSync(dll)) return dll;
  }
  throw new Error('mediaflow.dll not built: run `dotnet build Mediaflow.sln -c Release` first');
}

export async function startServer({ env = {}, dataDir } = {}) {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'mf-node-'));
  const log = [];
  let child;

  // Spawns `serve` on the data directory and waits for a fresh endpoints.json (ports 0: new ports on every start).
  async function launch() {
    const endpointsFile = join(dir, 'endpoints.json');
    rmSync(endpointsFile, { force: true }); // never read a previous run's ports
    child = spawn('dotnet', [serverDll(), 'serve', '--data-dir', dir, '--api-listen', '127.0.0.1:0', '--store-listen', '127.0.0.1:0'], {
      // Callback receivers in the tests listen on loopback, which the SSRF guard refuses unless allowlisted.
      env: { ...process.env, MEDIAFLOW__Notifications__AllowedNetworks__0: '127.0.0.0/8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => log.push(d.toString()));
    child.stderr.on('data', (d) => log.push(d.toString()));
    for (let i = 0; i < 600 && !existsSync(endpointsFile); i++) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${log.join('')}`);
      await sleep(100);
    }
    if (!existsSync(endpointsFile)) throw new Error(`server not ready in 60 s:\n${log.join('')}`);
    const endpoints = JSON.parse(readFileSync(endpointsFile, 'utf8'));
    server.api = new URL(endpoints.Api).host;
    server.store = new URL(endpoints.Store).host;
  }

  const server = {
    dataDir: dir,
    log,
    get pid() {
      return child.pid;
    },
    /** Kills the server at once (default SIGKILL: no shutdown code runs) and waits until the process is gone. */
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
    /** Starts `serve` again on the same data directory; `api` and `store` are updated to the new ports. */
    async restart() {
      await server.kill();
      await launch();
    },
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        for (let i = 0; i < 300 && child.exitCode === null && child.signalCode === null; i++) await sleep(100);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      if (!keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
  await launch();
  const credentials = JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8'));
  const account = credentials.Accounts[0];
  Object.assign(server, { appId: account.AppId, secretId: account.Keys[0].SecretId, secretKey: account.Keys[0].SecretKey });
  return server;
}

/** A short lavfi test video (H.264 + AAC) or audio file, made with the real ffmpeg. */
export function makeMedia(path, { seconds = 2, video = true, audio = true, size = '320x240' } = {}) {
  const args = ['-hide_banner', '-loglevel', 'error', '-y'];
  if (video) args.push('-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25:duration=${seconds}`);
  if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${seconds}`);
  if (video) args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  if (audio) args.push('-c:a', 'aac');
  args.push(path);
  execFileSync('ffmpeg', args);
  return path;
}

export function ffprobe(path) {
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]).toString());
}
