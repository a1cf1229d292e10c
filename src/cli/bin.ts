#!/usr/bin/env node
import { runCli } from './run-cli.js';

// A reader that goes away (`dialsim run scenarios/ | head -1`) makes the next write fail with EPIPE. The command
// sees the closed stream and stops (io.ts); without a listener the error event would crash with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
process.stdin.setEncoding('utf8');
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  isTty: process.stdout.isTTY === true,
});
process.exitCode = code;
