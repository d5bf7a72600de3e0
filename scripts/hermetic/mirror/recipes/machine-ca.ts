// The certificate authorities this machine's administrator added to its trust
// (/usr/local/share/ca-certificates), such as a TLS-intercepting proxy's. Where there are
// some, npm in the node look-alike trusts what the machine trusts, or `npm ci` in a container
// could not reach the registry through that proxy; on other machines there are none and the
// image has no trace of this.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';

const LOCAL_CAS = '/usr/local/share/ca-certificates';
/** Debian's bundle, which update-ca-certificates builds from Mozilla's and the local ones. */
const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** The machine's whole trust bundle when it has local authorities; undefined otherwise. */
export async function readMachineCaBundle(): Promise<Buffer | undefined> {
  const local = await readdir(LOCAL_CAS, { recursive: true }).catch(() => []);
  if (!local.some((name) => String(name).endsWith('.crt'))) return undefined;
  return readFile(SYSTEM_BUNDLE).catch(() => undefined);
}

/** The stamp input that rebuilds the image when the machine's trust changes. */
export async function readMachineCaInput(): Promise<Record<string, string>> {
  const bundle = await readMachineCaBundle();
  return { machineCa: bundle ? createHash('sha256').update(bundle).digest('hex') : 'none' };
}
