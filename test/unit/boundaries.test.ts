import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findViolations, listImports } from '../helpers/boundaries.ts';
import { projectRoot } from '../helpers/run-cli.ts';

describe('the dependency rules', () => {
  it('hold in this repository', async () => {
    expect(await findViolations(projectRoot)).toEqual([]);
  });
});

describe('findViolations, on a tree with planted violations', () => {
  let root: string;
  const plant = async (files: Record<string, string>) => {
    root = await mkdtemp(join(tmpdir(), 'dfv-boundaries-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    return findViolations(root);
  };
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('names each import that breaks a rule, with its file:line and the rule', async () => {
    const violations = await plant({
      'scripts/lib/core/a.ts': "import { b } from '../judge/b.ts';\n",
      'scripts/lib/judge/b.ts': [
        "import type { ProcessResult } from '../system/run-process.ts';",
        "import { readFile } from 'node:fs/promises';",
        "import { runProcess } from '../system/run-process.ts';",
        "import { report } from '../report/c.ts';",
        '',
      ].join('\n'),
      'scripts/lib/run/d.ts': "import { config } from '../../hermetic/plumbing/config.ts';\n",
      'scripts/hermetic/engines/e.ts': [
        "import { legsFileSchema } from '../../lib/core/legs.ts';",
        "import { runPage } from '../../lib/run/run-page.ts';",
        '',
      ].join('\n'),
      'scripts/lib/report/c.ts': "export { helper } from '../../../test/helpers/x.ts';\n",
      'src/components/f.ts': "\n\nimport { runPage } from '../../scripts/lib/run/run-page.ts';\n",
      'scripts/lib/newstage/g.ts': "import { h } from '../core/h.ts';\n",
    });
    expect(violations.map(({ where, rule }) => `${where} ${rule}`)).toEqual([
      'scripts/hermetic/engines/e.ts:2 scripts/hermetic may import only scripts/lib/core and scripts/lib/system',
      'scripts/lib/core/a.ts:1 scripts/lib/core depends on nothing else',
      'scripts/lib/judge/b.ts:2 scripts/lib/judge is pure: it does no I/O (node:fs/promises)',
      'scripts/lib/judge/b.ts:3 scripts/lib/judge is pure: it does no I/O (only types from scripts/lib/system)',
      'scripts/lib/judge/b.ts:4 scripts/lib/judge may not import scripts/lib/report, a later stage',
      'scripts/lib/newstage/g.ts:1 scripts/lib/newstage is not a stage of the pipeline',
      'scripts/lib/report/c.ts:1 nothing outside test/ imports test/',
      'scripts/lib/run/d.ts:1 the checker (scripts/lib) never imports scripts/hermetic: it reads legs.json',
      'src/components/f.ts:3 the site may import only scripts/lib/{core,system,config,extract,record}',
    ]);
  });

  it('finds nothing in a tree that keeps the rules', async () => {
    expect(
      await plant({
        'scripts/lib/judge/b.ts':
          "import type { ProcessResult } from '../system/run-process.ts';\n",
        'scripts/lib/report/c.ts': "import { b } from '../judge/b.ts';\n",
        'test/unit/t.test.ts': "import { x } from '../helpers/x.ts';\n",
      }),
    ).toEqual([]);
  });
});

describe('listImports', () => {
  it('reads imports, re-exports and dynamic imports with their lines, and which are types only', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      'import {',
      '  type C,',
      '  type D,',
      "} from './c.ts';",
      "export { e } from './e.ts';",
      "const f = await import('./f.ts');",
      "import './g.css';",
    ].join('\n');
    expect(listImports(text)).toEqual([
      { specifier: './a.ts', line: 1, isTypeOnly: false },
      { specifier: './b.ts', line: 2, isTypeOnly: true },
      { specifier: './c.ts', line: 3, isTypeOnly: true },
      { specifier: './e.ts', line: 7, isTypeOnly: false },
      { specifier: './f.ts', line: 8, isTypeOnly: false },
      { specifier: './g.css', line: 9, isTypeOnly: false },
    ]);
  });
});
