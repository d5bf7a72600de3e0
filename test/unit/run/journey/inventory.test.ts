import { describe, expect, it } from 'vitest';
import {
  readApiListings,
  readCliListings,
  readPublishedPorts,
} from '../../../../scripts/lib/run/journey/inventory.ts';

describe('the inventory of a reader’s Docker', () => {
  it('reads the host ports of docker ps, ranges included, each once', () => {
    expect(readPublishedPorts('0.0.0.0:5000->5000/tcp, [::]:5000->5000/tcp')).toEqual([5000]);
    expect(readPublishedPorts('0.0.0.0:8080-8082->80-82/tcp, 443/tcp')).toEqual([8080, 8081, 8082]);
    expect(readPublishedPorts('')).toEqual([]);
  });

  it('reads the same objects from the CLI and from the Engine API', () => {
    const fromCli = readCliListings({
      containers:
        '{"ID":"4c1d","Names":"shop","Image":"busybox","State":"running","Ports":"0.0.0.0:8080->80/tcp"}\nnot json\n',
      images: 'busybox:latest\n<none>:<none>\n',
      volumes: 'data\n',
      networks: 'bridge\nhost\nnone\nshop-net\n',
    });
    const fromApi = readApiListings({
      containers: [
        {
          Id: '4c1d',
          Names: ['/shop'],
          Image: 'busybox',
          State: 'running',
          Ports: [
            { PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
            { PrivatePort: 80, PublicPort: 8080, Type: 'tcp', IP: '::' },
          ],
        },
      ],
      images: [
        { RepoTags: ['busybox:latest'] },
        { RepoTags: null },
        { RepoTags: ['<none>:<none>'] },
      ],
      volumes: { Volumes: [{ Name: 'data' }] },
      networks: [{ Name: 'bridge' }, { Name: 'host' }, { Name: 'none' }, { Name: 'shop-net' }],
    });
    const expected = {
      containers: [{ id: '4c1d', name: 'shop', image: 'busybox', isRunning: true, ports: [8080] }],
      images: ['busybox:latest'],
      volumes: ['data'],
      networks: ['shop-net'],
    };
    expect(fromCli).toEqual(expected);
    expect(fromApi).toEqual(expected);
  });
});
