/**
 * What the guard makes of one Engine API request, from its method and path alone: pass it
 * on, scope a listing or a prune to the page's own objects, check that the object a request
 * changes is the page's, or refuse it. Pure. Paths may carry an API version (`/v1.51/...`).
 */

export const listKinds = ['containers', 'images', 'volumes', 'networks', 'df', 'info'] as const;
export const pruneKinds = ['containers', 'images', 'volumes', 'networks', 'build'] as const;
export const objectKinds = ['container', 'image', 'volume', 'network'] as const;
export type ObjectKind = (typeof objectKinds)[number];

export type Route =
  | { kind: 'pass' }
  | { kind: 'list'; what: (typeof listKinds)[number] }
  | { kind: 'prune'; what: (typeof pruneKinds)[number] }
  /** A change to one object: allowed only on the page's own. */
  | { kind: 'change'; what: ObjectKind; name: string; action: string }
  /** A new object, whose name must not be one the user has. */
  | { kind: 'create'; what: 'container' | 'volume' | 'network' }
  | { kind: 'refuse'; reason: string };

/** Container actions that change nothing: waiting for one, resizing its terminal. */
const harmlessContainerActions = new Set(['wait', 'resize']);

/** Parts of the API that change the daemon itself for good. */
const daemonWide = /^\/(swarm|services|nodes|secrets|configs|plugins|tasks)(\/|$)/;

export function routeRequest(method: string, url: string): Route {
  const { pathname, searchParams } = new URL(url, 'http://docker');
  const path = pathname.replace(/^\/v\d+(\.\d+)?(?=\/)/, '').replace(/\/+$/, '') || '/';
  const isRead = method === 'GET' || method === 'HEAD';
  const segments = path.split('/').slice(1).map(decodeURIComponent);
  const [first = '', second, third] = segments;

  if (isRead) {
    if (path === '/containers/json') return { kind: 'list', what: 'containers' };
    if (path === '/images/json') return { kind: 'list', what: 'images' };
    if (path === '/volumes') return { kind: 'list', what: 'volumes' };
    if (path === '/networks') return { kind: 'list', what: 'networks' };
    if (path === '/system/df') return { kind: 'list', what: 'df' };
    if (path === '/info') return { kind: 'list', what: 'info' };
    return { kind: 'pass' };
  }
  if (method === 'POST' && second === 'prune' && segments.length === 2) {
    const what = first === 'build' ? 'build' : first;
    if ((pruneKinds as readonly string[]).includes(what))
      return { kind: 'prune', what: what as (typeof pruneKinds)[number] };
  }
  if (daemonWide.test(path)) {
    return {
      kind: 'refuse',
      reason: `${path} would change the daemon itself (swarm, plugins)`,
    };
  }
  if (method === 'POST' && path === '/containers/create')
    return { kind: 'create', what: 'container' };
  if (method === 'POST' && path === '/volumes/create') return { kind: 'create', what: 'volume' };
  if (method === 'POST' && path === '/networks/create') return { kind: 'create', what: 'network' };
  if (first === 'containers' && second) {
    const action = third ?? 'remove';
    if (harmlessContainerActions.has(action)) return { kind: 'pass' };
    return { kind: 'change', what: 'container', name: second, action };
  }
  if (first === 'volumes' && second && method === 'DELETE')
    return { kind: 'change', what: 'volume', name: second, action: 'remove' };
  if (
    first === 'networks' &&
    second &&
    (method === 'DELETE' || third === 'connect' || third === 'disconnect')
  )
    return { kind: 'change', what: 'network', name: second, action: third ?? 'remove' };
  if (first === 'images' && method === 'DELETE' && segments.length >= 2) {
    // Image names have slashes: everything after /images/ is the name.
    const name = segments.slice(1).join('/');
    return {
      kind: 'change',
      what: 'image',
      name,
      action:
        searchParams.get('force') === '1' || searchParams.get('force') === 'true'
          ? 'force-remove'
          : 'remove',
    };
  }
  return { kind: 'pass' };
}

/**
 * The images a request names, which the page's listings then show even where the user had
 * them: a pull (`fromImage`, `tag`), an inspect, a history, a tag's source and target.
 */
export function listNamedImages(method: string, url: string): string[] {
  const { pathname, searchParams } = new URL(url, 'http://docker');
  const path = pathname.replace(/^\/v\d+(\.\d+)?(?=\/)/, '');
  const withTag = (image: string, tag: string | null) =>
    tag && !image.includes('@') ? `${image}:${tag}` : image;
  if (method === 'POST' && path === '/images/create') {
    // A pull names fromImage; an import (fromSrc) names the repo it makes.
    const image = searchParams.get('fromImage') ?? searchParams.get('repo');
    return image ? [withTag(image, searchParams.get('tag'))] : [];
  }
  if (method === 'POST' && path === '/build') return searchParams.getAll('t');
  if (method === 'POST' && path === '/commit') {
    const repo = searchParams.get('repo');
    return repo ? [withTag(repo, searchParams.get('tag'))] : [];
  }
  const match = /^\/images\/(.+)\/(json|history|tag)$/.exec(path);
  if (!match?.[1]) return [];
  const names = [decodeURIComponent(match[1])];
  const repo = searchParams.get('repo');
  if (match[2] === 'tag' && repo) names.push(`${repo}:${searchParams.get('tag') || 'latest'}`);
  return names;
}
