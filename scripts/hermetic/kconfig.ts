// Pure edits of a kconfig `.config`, as busybox's `make defconfig` writes it.

/** Pure: a kconfig `.config` with `settings` applied, whether set or commented out before. */
export function applyKconfigSettings(
  config: string,
  settings: Readonly<Record<string, string>>,
): string {
  const pending = new Map(Object.entries(settings));
  const body = config.endsWith('\n') ? config.slice(0, -1) : config;
  const lines = body.split('\n').map((line) => {
    const name = /^(?:# )?(CONFIG_\w+)(?:=.*| is not set)$/.exec(line)?.[1];
    const value = name === undefined ? undefined : pending.get(name);
    if (name === undefined || value === undefined) return line;
    pending.delete(name);
    return `${name}=${value}`;
  });
  const added = [...pending].map(([name, value]) => `${name}=${value}`);
  return `${[...lines, ...added].join('\n')}\n`;
}

/** Pure: the names of `settings` that a `.config` does not hold as asked. */
export function findUnappliedSettings(
  config: string,
  settings: Readonly<Record<string, string>>,
): string[] {
  const lines = new Set(config.split('\n'));
  return Object.entries(settings)
    .filter(([name, value]) => !lines.has(`${name}=${value}`))
    .map(([name]) => name);
}
