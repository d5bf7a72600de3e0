// Facts about this machine that change what an image contains, and so its stamp.
import { runProcess } from '../../lib/system/run-process.ts';

/**
 * Pure: the docker-library name of a Debian architecture, as hello-world prints it
 * ("(amd64)", "(arm64v8)"); see the `Architectures` lines of docker-library images.
 */
export function toDockerLibraryArch(debianArch: string): string {
  const names: Record<string, string> = {
    amd64: 'amd64',
    arm64: 'arm64v8',
    armhf: 'arm32v7',
    armel: 'arm32v5',
    i386: 'i386',
    mips64el: 'mips64le',
    ppc64el: 'ppc64le',
    riscv64: 'riscv64',
    s390x: 's390x',
  };
  return names[debianArch] ?? debianArch;
}

/** The machine's Debian architecture, e.g. `amd64`. */
export async function readDebianArch(): Promise<string> {
  const result = await runProcess('dpkg', ['--print-architecture']);
  return result.stdout.trim();
}

/** Versions of installed Debian packages, keyed by name; missing ones map to "". */
export async function readPackageVersions(
  packages: readonly string[],
): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  for (const name of packages) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a dpkg-query format, not a template
    const result = await runProcess('dpkg-query', ['-W', '-f=${Version}', name]);
    versions[`package:${name}`] = result.failed ? '' : result.stdout.trim();
  }
  return versions;
}
