/**
 * Carries out a cleanup plan on the user's daemon. Each step is tried even when an earlier
 * one failed; failures come back as messages, for the debug log, never as exceptions.
 */
import { tailOf } from '../../../system/run-process.ts';
import { type DockerCallOptions, runDocker } from '../docker-cli.ts';
import type { CleanupPlan } from './plan-cleanup.ts';

export async function applyCleanup(
  plan: CleanupPlan,
  options: DockerCallOptions,
): Promise<string[]> {
  const problems: string[] = [];
  const run = async (args: string[]) => {
    const call = await runDocker(args, { timeoutMs: 120_000, ...options });
    if (call.failed) problems.push(`docker ${args.join(' ')}: ${tailOf(call.stderr, 1)}`);
  };
  // Containers first: they hold networks, volumes and images.
  if (plan.containers.length > 0) await run(['rm', '--force', ...plan.containers]);
  for (const network of plan.networks) await run(['network', 'rm', network]);
  if (plan.volumes.length > 0) await run(['volume', 'rm', '--force', ...plan.volumes]);
  for (const { tag, id } of plan.retags) await run(['tag', id, tag]);
  for (const tag of plan.untags) await run(['rmi', tag]);
  problems.push(...(await removeImages(plan.images, options)));
  return problems;
}

/**
 * Removes new images, children before parents: `--no-prune` keeps untagged parents that are
 * not the page's, and a parent whose child is still there fails until a later pass.
 */
async function removeImages(ids: readonly string[], options: DockerCallOptions): Promise<string[]> {
  let remaining = [...ids];
  let lastError = '';
  while (remaining.length > 0) {
    const removal = await runDocker(['rmi', '--force', '--no-prune', ...remaining], {
      timeoutMs: 120_000,
      ...options,
    });
    lastError = tailOf(removal.stderr, 1);
    const listing = await runDocker(['image', 'ls', '--all', '--quiet', '--no-trunc'], options);
    if (listing.failed) return [`could not list images: ${tailOf(listing.stderr, 1)}`];
    const left = remaining.filter((id) => listing.stdout.includes(id));
    if (left.length === remaining.length) break;
    remaining = left;
  }
  return remaining.length === 0
    ? []
    : [`images not removed: ${remaining.join(' ')} (${lastError})`];
}
