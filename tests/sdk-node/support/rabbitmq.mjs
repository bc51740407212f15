// A private RabbitMQ node from Debian's rabbitmq-server (scripts/install-deps --test), started and stopped by the
// test: its own node name, directories and Erlang cookie under a temp directory, AMQP, distribution and epmd on free
// ports bound to 127.0.0.1 (stack-notes "RabbitMQ private node on loopback"). stop() stops the node, then its epmd.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import amqp from 'amqplib';

const bin = '/usr/lib/rabbitmq/bin';

async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

function run(file, args, env) {
  const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (d) => output.push(d.toString()));
  child.stderr.on('data', (d) => output.push(d.toString()));
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  return { child, output, exited };
}

export async function startRabbitMq() {
  const dir = mkdtempSync(join(tmpdir(), 'mf-rabbitmq-'));
  for (const d of ['home', 'mnesia', 'log']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'enabled_plugins'), '[].');
  const amqpPort = await freePort();
  const node = `mfnode${process.pid}x${Math.floor(Math.random() * 1e5)}@localhost`;
  const env = {
    ...process.env,
    HOME: join(dir, 'home'),
    RABBITMQ_NODENAME: node,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(amqpPort),
    RABBITMQ_DIST_PORT: String(await freePort()),
    ERL_EPMD_PORT: String(await freePort()),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
  };
  const server = run(join(bin, 'rabbitmq-server'), [], env);
  const uri = `amqp://guest:guest@127.0.0.1:${amqpPort}/`;

  async function stop() {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      await run(join(bin, 'rabbitmqctl'), ['-n', node, 'stop'], env).exited;
      const gone = await Promise.race([server.exited, sleep(20000).then(() => null)]);
      if (!gone) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    }
    await run('epmd', ['-kill'], env).exited; // the epmd on our ERL_EPMD_PORT only
    rmSync(dir, { recursive: true, force: true });
  }

  for (let i = 0; ; i++) {
    if (server.child.exitCode !== null) {
      await stop();
      throw new Error(`rabbitmq-server exited:\n${server.output.join('')}`);
    }
    try {
      const connection = await amqp.connect(uri);
      await connection.close();
      break;
    } catch (error) {
      if (i > 360) {
        await stop();
        throw new Error(`RabbitMQ not ready after 90 s: ${error}\n${server.output.join('')}`);
      }
      await sleep(250);
    }
  }
  return { uri, stop };
}
