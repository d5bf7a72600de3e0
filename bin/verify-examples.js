#!/usr/bin/env node
// The `verify-examples` command. In a checkout of the repository it runs the TypeScript
// sources through their launcher, which starts a bundle of them while it is fresh (Node
// strips their types: by default from Node 22.18, with a flag before); an installed package
// has no sources, only the bundle `npm pack` builds (bundle/).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sources = new URL('../scripts/launch-verify-examples.js', import.meta.url);
const bundle = new URL('../bundle/verify-examples.js', import.meta.url);

if (!existsSync(sources)) {
  await import(bundle.href);
} else if (process.features.typescript) {
  await import(sources.href);
} else {
  // Node 22.12 to 22.17: the same program again, with type stripping switched on. Ctrl-C
  // reaches both processes; this one waits for the verifier to clean up and exits as it did.
  const flags = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];
  const args = [...flags, fileURLToPath(sources), ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1);
  });
}
