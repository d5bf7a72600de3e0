import { execa } from 'execa';
import { hostDaemonEnv } from './legs.ts';

/**
 * Runs `docker` against the tests' user daemon (hermetic's host dockerd); fails the test
 * with the output if it fails.
 */
export async function docker(...args: string[]): Promise<string> {
  const env = await hostDaemonEnv();
  const result = await execa('docker', args, { env, reject: false, all: true });
  if (result.exitCode !== 0) throw new Error(`docker ${args.join(' ')} failed:\n${result.all}`);
  return result.stdout.trim();
}

/**
 * Tests that need Docker fail when it is missing, with a message saying so; they never skip.
 * Call it in `beforeAll`.
 */
export async function requireDocker(): Promise<void> {
  const result = await execa('docker', ['version', '--format', '{{.Server.Version}}'], {
    env: await hostDaemonEnv(),
    reject: false,
    all: true,
  });
  if (result.exitCode !== 0) {
    throw new Error(
      `These tests need a running Docker daemon (run \`npm run hermetic\` as root).\n${result.all ?? ''}`,
    );
  }
}

export async function listIds(
  kind: 'container' | 'image' | 'volume' | 'network',
): Promise<string[]> {
  const args: Record<typeof kind, string[]> = {
    container: ['ps', '-aq', '--no-trunc'],
    image: ['images', '-q', '--no-trunc'],
    volume: ['volume', 'ls', '-q'],
    network: ['network', 'ls', '-q', '--no-trunc'],
  };
  const output = await docker(...args[kind]);
  return output === '' ? [] : [...new Set(output.split('\n'))].sort();
}
