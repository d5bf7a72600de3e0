// hello-world: FROM scratch, COPY hello /, CMD ["/hello"], the binary compiled from our hello.c
// in the build root: static, with no C library at all (its own _start and system calls).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireBuildStep, runInBuildRoot } from '../build-root.ts';
import { writeTar } from '../oci/tar.ts';
import { DEFAULT_PATH, type ImageRecipe } from './recipe.ts';

const SOURCE_DIR = fileURLToPath(new URL('../images/hello-world', import.meta.url));

/** Docker Hub's build date of hello-world:latest (linux/amd64). */
export const HELLO_WORLD_CREATED = '2026-03-23T21:33:59Z';

export const helloWorld: ImageRecipe = {
  id: 'hello-world',
  repository: 'library/hello-world',
  tags: ['latest'],
  sources: [fileURLToPath(import.meta.url), SOURCE_DIR],
  build: async (context) => {
    const root = await context.buildRoot();
    const work = join(root, 'build', 'hello-world');
    const source = await readFile(join(SOURCE_DIR, 'hello.c'));
    await mkdir(work, { recursive: true });
    await writeFile(join(work, 'hello.c'), source);
    const compile = await runInBuildRoot(
      context.paths,
      [
        'cd /build/hello-world',
        `musl-gcc -static -Os -nostartfiles -nostdlib -fno-stack-protector -fno-asynchronous-unwind-tables -Wl,--build-id=none -DDOCKER_ARCH='"amd64"' -o hello hello.c`,
        'strip -R .comment -s hello',
      ].join('\n'),
    );
    requireBuildStep('hello-world', 'musl-gcc', compile);
    const created = Date.parse(HELLO_WORLD_CREATED) / 1000;
    const hello = await readFile(join(work, 'hello'));
    const layer = writeTar([
      { type: 'file', path: 'hello', mode: 0o755, uid: 0, gid: 0, mtime: created, content: hello },
    ]);
    const row = { created: HELLO_WORLD_CREATED, comment: 'buildkit.dockerfile.v0' };
    return {
      created: HELLO_WORLD_CREATED,
      config: { Cmd: ['/hello'], Env: [DEFAULT_PATH], WorkingDir: '/' },
      history: [
        { ...row, created_by: 'COPY hello / # buildkit' },
        { ...row, created_by: 'CMD ["/hello"]', empty_layer: true },
      ],
      layers: [layer],
    };
  },
};
