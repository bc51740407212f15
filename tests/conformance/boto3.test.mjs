// boto3 under Debian's /usr/bin/python3 (python3-boto3; the pyenv python on PATH has a different boto3) against a
// real `mediaflow serve`: clients/boto3_client.py runs the operations and reports each one.
import { before, after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer, fixtures, run, bucketName, region } from './support/suite.mjs';
import { reportedTests } from './support/reported.mjs';

let server, files;

before(async () => {
  server = await startServer();
  files = fixtures('boto3');
});

after(async () => {
  await server?.stop();
  files?.remove();
});

reportedTests('boto3', () =>
  run('/usr/bin/python3', [fileURLToPath(new URL('./clients/boto3_client.py', import.meta.url))], {
    timeoutMs: 240000,
    unset: ['PYTHONPATH', 'PYTHONHOME', 'AWS_PROFILE', 'AWS_CONFIG_FILE'],
    env: {
      MF_ENDPOINT: `http://${server.store}`,
      MF_ACCESS_KEY: server.secretId,
      MF_SECRET_KEY: server.secretKey,
      MF_REGION: region,
      MF_BUCKET: bucketName('boto3'),
      MF_WORK: files.dir,
      AWS_SHARED_CREDENTIALS_FILE: files.path('no-credentials'),
      AWS_CONFIG_FILE: files.path('no-config'),
    },
  }));
