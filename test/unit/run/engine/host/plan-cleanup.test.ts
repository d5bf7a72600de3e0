import { describe, expect, it } from 'vitest';
import {
  type DockerSnapshot,
  isEmptyPlan,
  parseImageList,
  planCleanup,
} from '../../../../../scripts/lib/run/engine/host/plan-cleanup.ts';

const busybox = { id: 'sha256:busybox', tags: ['busybox:latest'] };
const dangling = { id: 'sha256:dangling', tags: [] };
const user: DockerSnapshot = {
  containers: ['c-user'],
  images: [busybox, dangling],
  volumes: ['v-user'],
  networks: ['n-bridge', 'n-host', 'n-none'],
};

describe('planCleanup', () => {
  it('plans nothing when the page left the daemon as it was', () => {
    const plan = planCleanup(user, user);
    expect(isEmptyPlan(plan)).toBe(true);
    expect(plan.notes).toEqual([]);
  });

  it('removes what the page created and nothing else', () => {
    const after: DockerSnapshot = {
      containers: ['c-user', 'c-page'],
      images: [...user.images, { id: 'sha256:built', tags: ['app:1', 'app:latest'] }],
      volumes: ['v-user', 'v-page'],
      networks: [...user.networks, 'n-page'],
    };
    expect(planCleanup(user, after)).toEqual({
      containers: ['c-page'],
      networks: ['n-page'],
      volumes: ['v-page'],
      retags: [],
      untags: [],
      images: ['sha256:built'],
      notes: [],
    });
  });

  it('untags a new tag on an existing image without removing the image', () => {
    const after: DockerSnapshot = {
      ...user,
      images: [{ id: 'sha256:busybox', tags: ['busybox:latest', 'mine:1'] }, dangling],
    };
    const plan = planCleanup(user, after);
    expect(plan.untags).toEqual(['mine:1']);
    expect(plan.images).toEqual([]);
  });

  it('keeps a new tag that is the only one of an image that existed untagged', () => {
    const after: DockerSnapshot = {
      ...user,
      images: [busybox, { id: 'sha256:dangling', tags: ['named:1'] }],
    };
    const plan = planCleanup(user, after);
    expect(plan.untags).toEqual([]);
    expect(plan.notes).toEqual([
      'named:1 kept: it is the only tag of sha256:dangling, which existed before',
    ]);
  });

  it('puts back a tag the page moved to a newer image, then removes that image', () => {
    const after: DockerSnapshot = {
      ...user,
      images: [
        { id: 'sha256:busybox', tags: [] },
        dangling,
        { id: 'sha256:newer', tags: ['busybox:latest'] },
      ],
    };
    const plan = planCleanup(user, after);
    expect(plan.retags).toEqual([{ tag: 'busybox:latest', id: 'sha256:busybox' }]);
    expect(plan.images).toEqual(['sha256:newer']);
  });

  it('notes a user image the page deleted', () => {
    const after: DockerSnapshot = { ...user, images: [dangling] };
    expect(planCleanup(user, after).notes).toEqual([
      'busybox:latest (sha256:busybox) was removed by the page and cannot be restored',
    ]);
  });
});

describe('parseImageList', () => {
  it('groups tags by image and drops <none>', () => {
    const stdout = [
      'sha256:a\tbusybox:latest',
      'sha256:a\tmine:1',
      'sha256:b\t<none>:<none>',
      'sha256:c\tbusybox:<none>',
      '',
    ].join('\n');
    expect(parseImageList(stdout)).toEqual([
      { id: 'sha256:a', tags: ['busybox:latest', 'mine:1'] },
      { id: 'sha256:b', tags: [] },
      { id: 'sha256:c', tags: [] },
    ]);
  });
});
