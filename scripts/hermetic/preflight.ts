import { HermeticError } from './errors.ts';

/** dockerd, apt-get and the Docker socket all need root; say so before anything half-runs. */
export function requireRoot(command: string, uid: number | undefined = process.getuid?.()): void {
  if (uid === 0) return;
  throw new HermeticError('NOT_ROOT', `\`hermetic ${command}\` must run as root`, {
    hint: `run \`sudo npm run ${command === 'up' ? 'hermetic' : 'hermetic:down'}\`.`,
  });
}
