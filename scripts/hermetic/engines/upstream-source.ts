// Engines built from upstream source: the components compiled here (source/components.ts)
// and the parts taken from Debian's packages (Compose, docker-init). Pure data and the
// helpers that read it; upstream-bin.ts assembles them.
import type { ComponentOrigin, LegComponent } from '../../lib/core/legs.ts';
import { type BinLink, COMPONENT_LINKS } from './debian-source.ts';
import type { UpstreamComponent } from './source/components.ts';

export type UpstreamSource = {
  kind: 'upstream';
  /** Built from their tag archives; each binary goes to `bin/<its name>`. */
  components: readonly UpstreamComponent[];
  /** The rest of bin/, from Debian's packages. */
  links: readonly BinLink[];
};

/** The binary each component of legs.json is named after. */
const LEG_BINARIES: Record<LegComponent, string> = { ...COMPONENT_LINKS, runc: 'runc' };

/**
 * Pure: where each component came from, upstream (repository, tag, commit) or Debian (given
 * the version of every package used, keyed `suite/name`).
 */
export function listUpstreamOrigins(
  source: UpstreamSource,
  versions: Readonly<Record<string, string>>,
): Partial<Record<LegComponent, ComponentOrigin>> {
  const origins: Partial<Record<LegComponent, ComponentOrigin>> = {};
  for (const [component, binary] of Object.entries(LEG_BINARIES)) {
    const built = source.components.find((candidate) =>
      candidate.binaries.some((entry) => entry.name === binary),
    );
    const link = source.links.find((candidate) => candidate.name === binary);
    const version = link && versions[`${link.from.suite}/${link.from.name}`];
    if (built) {
      const { repository, tag, commit } = built;
      origins[component as LegComponent] = { kind: 'upstream', repository, tag, commit };
    } else if (link && version) {
      const { suite, name } = link.from;
      origins[component as LegComponent] = { kind: 'debian', suite, package: name, version };
    }
  }
  return origins;
}
