import { describe, expect, it } from 'vitest';
import { findPublishedPorts } from '../../../scripts/lib/plan/find-published-ports.ts';

describe('findPublishedPorts', () => {
  it.each([
    ['docker run -d -p 8080:80 nginx', [8080]],
    ['docker run -d --publish 127.0.0.1:5432:5432 postgres', [5432]],
    ['docker run -d --publish=9000:9000/udp app', [9000]],
    ['docker run -p 8000-8002:8000-8002 app', [8000, 8001, 8002]],
    [
      'services:\n  web:\n    ports:\n      - "3000:3000"\n      - 127.0.0.1:6379:6379\n',
      [3000, 6379],
    ],
    ['    ports:\n      - target: 80\n        published: 8081\n', [8081]],
    ['docker run -d nginx', []],
  ])('reads %j', (text, ports) => {
    expect(findPublishedPorts([text])).toEqual(new Set(ports));
  });

  it.each(['docker run -P nginx', 'docker run --network host app', '    network_mode: host'])(
    'takes %j to publish any port',
    (text) => {
      expect(findPublishedPorts([text])).toBe('any');
    },
  );
});
