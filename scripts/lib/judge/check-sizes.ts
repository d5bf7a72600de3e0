/**
 * Sizes as Docker prints them (`4.1kB`, `29.8MB`, `0B`, `1.5 GiB`, a manifest's `744`) and
 * whether a shown one is close enough to the printed one. Docker prints decimal units with
 * three or four significant digits (go-units), so a shown size stands for every size that
 * prints as it (half a unit of its last digit either way), and the tolerance widens that
 * range: ±10% by default. Below that, one filesystem block (4096 bytes) either way is noise:
 * the containerd store counts a snapshot's blocks where the classic store counts bytes
 * (`0B` there is `4.096kB` here). So `4.1kB` passes for anything up to 8.2 kB and `0B` for
 * up to 4.1 kB, while `29.8MB` passes for 26.8 to 32.8 MB and `12.3kB` fails for `263B`.
 * Pure.
 */

const unitBytes: Record<string, number> = {
  B: 1,
  kB: 1e3,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
};

/** One filesystem block: sizes this close are the same to a reader, whatever the store. */
const blockBytes = 4096;

const sizePattern = /^(\d+)(?:\.(\d+))?\s?([A-Za-z]+)?$/;

/** A size's bytes, and half a unit of its last printed digit; undefined if it is not one. */
export function parseSize(text: string): { bytes: number; rounding: number } | undefined {
  const match = sizePattern.exec(text.trim());
  if (!match) return undefined;
  const unit = unitBytes[match[3] ?? 'B'];
  if (unit === undefined) return undefined;
  const decimals = match[2]?.length ?? 0;
  const value = Number(`${match[1]}.${match[2] ?? '0'}`);
  return { bytes: value * unit, rounding: 0.5 * 10 ** -decimals * unit };
}

/**
 * Whether a printed size is within `tolerance` (a ratio; Infinity: any) of a shown one.
 * Sizes that cannot be read compare as text.
 */
export function isSizeClose(shown: string, actual: string, tolerance: number): boolean {
  if (tolerance === Number.POSITIVE_INFINITY) return true;
  const page = parseSize(shown);
  const printed = parseSize(actual);
  if (!page || !printed) return shown === actual;
  const low = Math.min(
    Math.max(0, page.bytes - page.rounding) * (1 - tolerance),
    page.bytes - blockBytes,
  );
  const high = Math.max((page.bytes + page.rounding) * (1 + tolerance), page.bytes + blockBytes);
  return printed.bytes >= low && printed.bytes <= high;
}
