#!/usr/bin/env node
import { runCli } from './run-cli.js';

process.stdin.setEncoding('utf8');
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  isTty: process.stdout.isTTY === true,
});
process.exitCode = code;
