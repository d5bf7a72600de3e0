/**
 * The port of a refused connection to the reader's own machine, as clients report one:
 *   curl: (7) Failed to connect to localhost port 5432 after 0 ms: Couldn't connect to server
 *   psql: error: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused
 *   Connecting to localhost (localhost)|127.0.0.1|:8080... failed: Connection refused.
 *   Could not connect to Redis at 127.0.0.1:6379: Connection refused
 *   ERROR 2003 (HY000): Can't connect to MySQL server on 'localhost:3306' (111)
 *   nc: connect to localhost port 5432 (tcp) failed: Connection refused
 * Pure; undefined when the line is no such refusal.
 */
const refusal =
  /Connection refused|Couldn't connect to server|ECONNREFUSED|Can't connect to|Could not connect to/i;
const loopback = /\b(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0)\b|\[?::1\]?/;
const portNamed = [
  /(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\]):(\d{1,5})\b/,
  /\|:(\d{1,5})\b/,
  /\bport (\d{1,5})\b/,
];

export function findRefusedPort(line: string): number | undefined {
  if (!refusal.test(line) || !loopback.test(line)) return undefined;
  for (const pattern of portNamed) {
    const match = pattern.exec(line);
    if (match?.[1]) return Number(match[1]);
  }
  return undefined;
}
