import { describe, expect, it } from 'vitest';
import {
  type EngineState,
  majorOf,
  parseDockerVersion,
  pickDebFiles,
  selectEnginePackages,
} from '../../../scripts/hermetic/engine.ts';

describe('parseDockerVersion', () => {
  it.each([
    ['Docker version 26.1.5+dfsg1, build 411e817\n', '26.1.5+dfsg1'],
    ['Docker version 20.10.24+dfsg1, build 5d6db84', '20.10.24+dfsg1'],
    ['Docker version 28.2.2, build e6534b4', '28.2.2'],
    ['dockerd: command not found', undefined],
    ['', undefined],
  ])('%j -> %s', (text, version) => {
    expect(parseDockerVersion(text)).toBe(version);
  });
});

describe('majorOf', () => {
  it.each([
    ['26.1.5+dfsg1', 26],
    ['20.10.24+dfsg1', 20],
    ['29.0.0-rc.1', 29],
  ])('%s -> %d', (version, major) => {
    expect(majorOf(version)).toBe(major);
  });

  it('is NaN for a version without a number, which no comparison passes', () => {
    expect(majorOf('dev') >= 26).toBe(false);
  });
});

describe('selectEnginePackages', () => {
  const current: EngineState = {
    dockerd: '26.1.5+dfsg1',
    hasBuildx: true,
    hasCli: true,
    hasDockerCe: false,
  };

  it('installs nothing when Engine 26 or later and buildx are there', () => {
    expect(selectEnginePackages(current)).toEqual([]);
    expect(selectEnginePackages({ ...current, dockerd: '28.2.2', hasDockerCe: true })).toEqual([]);
  });

  it("replaces bookworm's Engine 20.10 and adds buildx, keeping the machine's CLI", () => {
    expect(
      selectEnginePackages({ ...current, dockerd: '20.10.24+dfsg1', hasBuildx: false }),
    ).toEqual(['docker.io', 'docker-buildx']);
  });

  it('installs the CLI too only where no docker command is on PATH', () => {
    expect(
      selectEnginePackages({
        dockerd: undefined,
        hasBuildx: false,
        hasCli: false,
        hasDockerCe: false,
      }),
    ).toEqual(['docker.io', 'docker-buildx', 'docker-cli']);
  });

  it('adds only buildx to a current Engine without it', () => {
    expect(selectEnginePackages({ ...current, hasBuildx: false })).toEqual(['docker-buildx']);
  });
});

describe('pickDebFiles', () => {
  it('finds each package by its name and a version, never a longer package name', () => {
    const files = [
      'docker.io_26.1.5+dfsg1-9+deb13u1_amd64.deb',
      'docker-buildx_0.13.1+ds1-3_amd64.deb',
      'docker-cli_26.1.5+dfsg1-9+deb13u1_amd64.deb',
      'partial',
    ];
    expect(pickDebFiles(['docker.io', 'docker-buildx', 'docker'], files)).toEqual({
      'docker.io': 'docker.io_26.1.5+dfsg1-9+deb13u1_amd64.deb',
      'docker-buildx': 'docker-buildx_0.13.1+ds1-3_amd64.deb',
      docker: undefined,
    });
  });

  it('leaves out files that are not .deb packages', () => {
    expect(pickDebFiles(['docker.io'], ['docker.io_26.1.5.deb.part'])).toEqual({
      'docker.io': undefined,
    });
  });
});
