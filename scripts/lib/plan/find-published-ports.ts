/**
 * The host ports a page publishes, read from its commands and the files it writes: `-p
 * 8080:80`, `--publish 127.0.0.1:5432:5432`, a Compose file's `ports:`. A page that publishes
 * every port (`-P`, a container on the host's network) may use any: then `any`. The judge
 * tells by this whether a refused connection to localhost is the page's failure or a
 * service the page assumes and never starts. Pure.
 */

export type PublishedPorts = ReadonlySet<number> | 'any';

const publishFlag =
  /(?:^|\s)(?:-p|--publish)(?:\s+|=)["']?((?:[\d.]+:|\[[^\]]*\]:)?(\d+)(?:-(\d+))?:\d+(?:-\d+)?(?:\/\w+)?)/g;
const composePort = /^\s*-\s*["']?(?:[\d.]+:)?(\d+)(?:-(\d+))?:\d+(?:-\d+)?(?:\/\w+)?["']?\s*$/gm;
const composePublished = /^\s*published:\s*["']?(\d+)/gm;
const everyPort =
  /(?:^|\s)(?:-P|--publish-all)(?:\s|$)|--net(?:work)?[= ]host\b|network_mode:\s*["']?host/;

export function findPublishedPorts(texts: readonly string[]): PublishedPorts {
  const ports = new Set<number>();
  for (const text of texts) {
    if (everyPort.test(text)) return 'any';
    for (const match of text.matchAll(publishFlag)) addRange(ports, match[2], match[3]);
    for (const match of text.matchAll(composePort)) addRange(ports, match[1], match[2]);
    for (const match of text.matchAll(composePublished)) addRange(ports, match[1], undefined);
  }
  return ports;
}

function addRange(ports: Set<number>, first: string | undefined, last: string | undefined): void {
  const start = Number(first);
  const end = last === undefined ? start : Number(last);
  for (let port = start; port <= end && port - start < 1000; port++) ports.add(port);
}
