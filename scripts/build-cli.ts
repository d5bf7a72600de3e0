/**
 * Builds what an installed `verify-examples` runs (bundle/): Node does not strip types from
 * files under node_modules, so the package ships JavaScript. The verifier and everything it
 * imports become one ES module; the sandbox's relay, which a sandbox starts as a program of
 * its own, becomes another; the sandbox's shell scripts (and the reader's machine's) are
 * copied beside them, where the
 * bundled code looks for them (its `import.meta.dirname`). Run by `npm pack` (prepack).
 *
 *   node scripts/build-cli.ts [OUT_DIR]
 */
import { chmod, copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const out = resolve(process.argv[2] ?? join(root, 'bundle'));
const sandbox = join(root, 'scripts/lib/run/engine/sandbox');

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: {
    'verify-examples': join(root, 'scripts/verify-examples.ts'),
    relay: join(sandbox, 'relay.ts'),
  },
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22.12',
  outExtension: { '.js': '.js' },
  logLevel: 'warning',
  // Dependencies written as CommonJS call `require`, which an ES module lacks.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
  },
});
const scripts = [
  join(sandbox, 'sandbox.sh'),
  join(sandbox, 'init.sh'),
  join(sandbox, 'egress.sh'),
  join(root, 'scripts/lib/run/engine/machine/machine.sh'),
];
for (const script of scripts) {
  const target = join(out, basename(script));
  await copyFile(script, target);
  await chmod(target, 0o755);
}
process.stdout.write(`built ${out}\n`);
