// AWSSDK.S3 (4.x, C#) against a real `mediaflow serve`, twice: on the SDK's default settings (aws-chunked signed
// streaming bodies with CRC32 trailers, TransferUtility for multipart) and in plain mode (WHEN_REQUIRED checksums,
// UseChunkEncoding = false, low-level multipart calls). The program is awssdk/ (built with the solution).
import { before, after } from 'node:test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, fixtures, run, bucketName, region } from './support/suite.mjs';
import { reportedTests } from './support/reported.mjs';

let server, files;

before(async () => {
  server = await startServer();
  files = fixtures('awssdk');
});

after(async () => {
  await server?.stop();
  files?.remove();
});

function clientDll() {
  for (const config of ['Release', 'Debug']) {
    const dll = fileURLToPath(new URL(`./awssdk/bin/${config}/net10.0/Mediaflow.Conformance.AwsSdk.dll`, import.meta.url));
    if (existsSync(dll)) return dll;
  }
  throw new Error('Mediaflow.Conformance.AwsSdk not built: run `dotnet build Mediaflow.sln -c Release` first');
}

for (const mode of ['default', 'plain']) {
  reportedTests(`awssdk-${mode}`, () =>
    run('dotnet', [clientDll(), `http://${server.store}`, server.secretId, server.secretKey, region, bucketName(`sdk-${mode}`), mode, files.dir], {
      timeoutMs: 240000,
      unset: ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
    }));
}
