import { join } from 'node:path';
import { runCommand } from '../exec.ts';
import { toDockerLibraryArch } from '../host.ts';
import { copySources, type PrepareInput, requireSuccess } from './context.ts';

/** Compiles hello.c into a static binary of about 13 kB, as the official image does. */
export async function prepareHelloWorld(input: PrepareInput): Promise<void> {
  await copySources(input, ['Dockerfile']);
  const binary = join(input.contextDir, 'hello');
  const arch = toDockerLibraryArch(input.debianArch);
  const compile = await runCommand('musl-gcc', [
    '-static',
    '-Os',
    '-fno-asynchronous-unwind-tables',
    '-Wl,--build-id=none',
    `-DDOCKER_ARCH="${arch}"`,
    '-o',
    binary,
    join(input.sourceDir, 'hello.c'),
  ]);
  requireSuccess(input, 'musl-gcc', compile);
  requireSuccess(input, 'strip', await runCommand('strip', ['-R', '.comment', '-s', binary]));
}
