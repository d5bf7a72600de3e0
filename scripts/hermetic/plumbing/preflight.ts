import { HermeticError } from './errors.ts';

/**
 * dockerd, chroot and the namespaces need root; the engines are amd64 Debian packages, and
 * apt-get and dpkg-deb fetch and unpack them. Say so before anything half-runs.
 */
export function requireSupportedMachine(
  command: string,
  uid: number | undefined = process.getuid?.(),
  arch: string = process.arch,
): void {
  if (uid !== 0) {
    throw new HermeticError('NOT_ROOT', `\`hermetic ${command}\` must run as root`, {
      hint: `run \`sudo npm run ${command === 'up' ? 'hermetic' : 'hermetic:down'}\`.`,
    });
  }
  if (command === 'up' && arch !== 'x64') {
    throw new HermeticError(
      'UNSUPPORTED',
      `hermetic provides amd64 engines and images; this machine is ${arch}`,
      {
        hint: 'run the Docker tests on an amd64 (x86_64) Debian or Ubuntu machine.',
      },
    );
  }
}
