/**
 * A map every copy of a module gets by the same name. The Expressive Code plugin is loaded
 * with the Astro config and the statement component in the build's own module graph, so
 * each gets its own copy of the modules of this folder; their caches live on `globalThis`
 * so that work one copy did (a page read, extracted, assessed) is not done again by the other.
 */
export function sharedCache<T>(name: string): Map<string, T> {
  const key = Symbol.for(`docker-fundamentals:${name}`);
  const shared = globalThis as Record<symbol, unknown>;
  const existing = shared[key] as Map<string, T> | undefined;
  if (existing) return existing;
  const cache = new Map<string, T>();
  shared[key] = cache;
  return cache;
}
