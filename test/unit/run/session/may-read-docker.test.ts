import { describe, expect, it } from 'vitest';
import { mayReadDocker } from '../../../../scripts/lib/run/session/may-read-docker.ts';

describe('mayReadDocker', () => {
  it.each([
    ['docker ps -a', true],
    ['docker container ls --format "{{.Names}}"', true],
    ['docker compose ps', true],
    ['docker-compose ps', true],
    ['curl --unix-socket /var/run/docker.sock http://localhost/containers/json', true],
    ['DOCKER_HOST=tcp://10.0.0.5:2375 curl "$DOCKER_HOST/containers/json"', true],
    ['sudo systemctl status docker', true],
    ['echo "page 1"', false],
    ['cat Dockerfile', true],
    ['ls -la', false],
    ["printf '%s\\n' one two", false],
  ])('%s → %s', (command, expected) => {
    expect(mayReadDocker(command)).toBe(expected);
  });
});
