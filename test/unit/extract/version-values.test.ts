import { describe, expect, it } from 'vitest';
import { extractSnippets } from '../../../scripts/lib/extract/extract-snippets.ts';
import { findVersionValues } from '../../../scripts/lib/extract/version-values.ts';
import { planPage } from '../../../scripts/lib/plan/plan-page.ts';
import { extractValidPage } from '../../helpers/extract-page.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const dockerVersion = [
  'Client:',
  ' Version:           28.5.2',
  ' API version:       1.51',
  ' Go version:        go1.24.9',
  ' Git commit:        [..]',
  '',
  'Server:',
  ' Engine:',
  '  Version:          28.5.2',
  '  API version:      1.51 (minimum version 1.24)',
  ' containerd:',
  '  Version:          2.1.9',
];

describe('findVersionValues', () => {
  it('names the versions `docker version` shows, once per text, leaving elided ones', () => {
    expect(findVersionValues('docker version', dockerVersion)).toEqual({
      engine: '28.5.2',
      machineValues: [],
      values: [
        { name: 'CLIENT_VERSION', shown: '28.5.2', pattern: 'v?\\d+\\.\\d+\\.\\d+\\S*' },
        { name: 'CLIENT_API_VERSION', shown: '1.51', pattern: '\\d+\\.\\d+' },
        { name: 'CLIENT_GO_VERSION', shown: 'go1.24.9', pattern: 'go\\d+\\S*' },
        { name: 'ENGINE_MIN_API_VERSION', shown: '1.24', pattern: '\\d+\\.\\d+' },
        { name: 'CONTAINERD_VERSION', shown: '2.1.9', pattern: 'v?\\d+\\.\\d+\\.\\d+\\S*' },
      ],
    });
  });

  it("reads the Engine API's /version, the kernel as a machine's value", () => {
    const found = findVersionValues(
      'curl -s --unix-socket /var/run/docker.sock http://localhost/version',
      [
        '{"Version":"28.5.2","ApiVersion":"1.51","MinAPIVersion":"1.24","KernelVersion":"6.1.0-28-amd64"}',
      ],
    );
    expect(found?.engine).toBe('28.5.2');
    expect(found?.values.map((value) => value.name)).toEqual([
      'VERSION',
      'API_VERSION',
      'MIN_API_VERSION',
    ]);
    expect(found?.machineValues.map((value) => value.shown)).toEqual(['6.1.0-28-amd64']);
  });

  it('leaves other commands alone', () => {
    expect(findVersionValues('docker info', [' Server Version: 28.5.2'])).toBeUndefined();
  });
});

const page = `
\`\`\`console
$ docker version --format '{{.Server.Version}}'
28.5.2
$ docker version
Client:
 Version:           28.5.2
 API version:       1.51
\`\`\`
`;

describe('versions in `docker version` output, per leg', () => {
  const extracted = extractValidPage(page, 'a.md');
  const planOn = (server: string) =>
    planPage(extracted, {
      leg: {
        name: 'leg',
        store: 'overlay2',
        versions: { client: server, server, apiVersion: '1.5' },
      },
      defaultTimeoutSeconds: 60,
    });
  const valuesOf = (server: string) => {
    const [planned] = planOn(server).snippets;
    return planned?.action === 'run'
      ? planned.steps.map((step) => step.values.map((v) => v.name))
      : [];
  };

  it('are compared as written on a leg of the engine the page shows', () => {
    expect(valuesOf('28.5.2+dfsg4')).toEqual([[], []]);
  });

  it('stand for what another leg prints, the same wherever the page shows them', () => {
    expect(valuesOf('26.1.5+dfsg1')).toEqual([[], ['CLIENT_VERSION', 'CLIENT_API_VERSION']]);
  });

  it('drift on the legs of the shown engine when they print another version', () => {
    const printed = (step: number) =>
      step === 0
        ? ['28.5.1']
        : ['Client:', ' Version:           28.5.1', ' API version:       1.51'];
    const result = simulatePage(page, 'a.md', printed, 'leg', 'overlay2', { server: '28.5.2' });
    expect(result.results[0]?.status).toBe('drift');
  });
});

describe('a `docker version` no leg of the matrix prints', () => {
  it('is a problem of the block', () => {
    const { page: extracted } = extractSnippets(page, 'a.md', {
      matrix: [{ name: '26.1/overlay2', engine: '26.1', store: 'overlay2' }],
    });
    const [snippet] = extracted.snippets;
    expect(snippet?.body.kind === 'invalid' && snippet.body.diagnostics[0]?.message).toBe(
      'Unexpected version: the output shows Docker 28.5.2, which no leg of the matrix prints (engines 26.1)',
    );
  });
});
