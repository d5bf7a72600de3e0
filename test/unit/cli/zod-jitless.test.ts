import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { expect, it } from 'vitest';
import { nodeFlags } from '../../../scripts/lib/cli/verify-command.ts';
import { projectRoot } from '../../helpers/run-cli.ts';

const moduleUrl = (path: string) => pathToFileURL(join(projectRoot, path)).href;

// In a process of its own: the unit files share their modules, and zod's settings are global.
it('the command line writes no parser code, even for schemas built as modules load', async () => {
  const program = `let written = 0;
const NativeFunction = Function;
globalThis.Function = new Proxy(NativeFunction, { construct(target, args) { written++; return Reflect.construct(target, args); } });
await import(${JSON.stringify(moduleUrl('scripts/lib/modes/run-cli.ts'))});
const { parseProjectSettings } = await import(${JSON.stringify(moduleUrl('scripts/lib/config/read-project-settings.ts'))});
const parsed = parseProjectSettings('{ "strict": true, "output": { "unshown": "empty" } }', 'verify-examples.json');
process.stdout.write(JSON.stringify({ ok: parsed.ok, written }));`;
  const run = await execa(process.execPath, [...nodeFlags, '--input-type=module', '-e', program]);
  expect(JSON.parse(run.stdout)).toEqual({ ok: true, written: 0 });
});
