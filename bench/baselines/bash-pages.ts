/**
 * The harness benchmark's baseline: every page's commands run by one plain bash script, in
 * the same Docker world as the verifier (same engine; per page a sandbox opened with the
 * page's images, then disposed), one page after another. Prints one JSON line per page:
 * its time from opening the page to the end of its script (as the verifier times a page),
 * and the script's own time (`scriptMs`: the commands alone, in a world already open).
 *
 *   node bench/baselines/bash-pages.ts [--docker sandbox|host] [--leg NAME] <files...>
 */
import { parseArgs } from 'node:util';
import { findUnmetCondition } from '../../scripts/lib/core/conditions.ts';
import { quoteShellWord } from '../../scripts/lib/core/shell-word.ts';
import { listPageProblems } from '../../scripts/lib/extract/extract-snippets.ts';
import { readPages } from '../../scripts/lib/extract/read-pages.ts';
import { startEngine } from '../../scripts/lib/run/engine/create-engine.ts';
import { resolveLegs } from '../../scripts/lib/run/engine/resolve-legs.ts';
import { pageIdOf } from '../../scripts/lib/run/run-page.ts';
import { createSessionEnv } from '../../scripts/lib/run/session/environment.ts';
import { createScratch } from '../../scripts/lib/run/session/scratch.ts';
import { runProcess } from '../../scripts/lib/system/run-process.ts';
import { buildPageScript } from '../lib/bash-script.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { docker: { type: 'string', default: 'sandbox' }, leg: { type: 'string' } },
});
const docker = values.docker === 'host' ? 'host' : 'sandbox';
const read = await readPages(positionals);
const problems = read.pages.flatMap((source) => listPageProblems(source.page));
if (problems.length > 0) throw new Error(problems.map((d) => d.message).join('\n'));

// The same leg the verifier runs on: the one named, or the first it would run on.
const names = values.leg ? [values.leg] : [];
const { legs, mirror, egress } = await resolveLegs({ docker, names, isCi: false });
const [leg] = legs;
if (!leg) throw new Error('no leg to run on');
const engine = await startEngine(leg, { mirrors: mirror ? [mirror] : [], egress });
try {
  for (const { page } of read.pages) {
    const script = buildPageScript(
      page,
      (snippet) =>
        !findUnmetCondition(snippet.options.condition, {
          name: engine.leg.name,
          store: engine.leg.store,
          versions: engine.versions,
        }),
    );
    if (!script) continue;
    const started = performance.now();
    const id = pageIdOf(page.file);
    const environment = await engine.openPage({ id, images: page.options.images });
    const scratch = await createScratch(id, environment);
    try {
      // In a reader's machine commands start in its `/`: the script moves where the page starts.
      const file = scratch.commandFile(0);
      await scratch.write(file, `cd -- ${quoteShellWord(scratch.workDir)}\n${script}`);
      const [command = 'bash', ...args] = environment.wrapCommand(['bash', file]);
      const scriptStarted = performance.now();
      const result = await runProcess(command, args, {
        cwd: scratch.spawnDir,
        env: createSessionEnv(scratch, environment, page.options.env, false),
        extendEnv: false,
      });
      const ended = performance.now();
      const ms = Math.round(ended - started);
      // The commands' own time: the script alone, in a world already open with its images.
      const scriptMs = Math.round(ended - scriptStarted);
      console.log(
        JSON.stringify({ file: page.file, ms, scriptMs, exitCode: result.exitCode ?? -1 }),
      );
    } finally {
      await environment.dispose();
      await scratch.remove();
    }
  }
} finally {
  await engine.close();
}
