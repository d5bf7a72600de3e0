// The look-alikes the mirror serves, in build order (registry:2 and 3 reuse busybox:musl's root;
// postgres and node are built on the debian images).
import { busyboxGlibc, busyboxMusl } from './recipes/busybox.ts';
import { debianBookwormSlim, debianTrixieSlim } from './recipes/debian.ts';
import { helloWorld } from './recipes/hello-world.ts';
import { node24Slim } from './recipes/node.ts';
import { postgres18 } from './recipes/postgres.ts';
import type { ImageRecipe } from './recipes/recipe.ts';
import { registry2 } from './recipes/registry.ts';
import { registry3 } from './recipes/registry-3.ts';

export const IMAGE_RECIPES: readonly ImageRecipe[] = [
  helloWorld,
  busyboxGlibc,
  busyboxMusl,
  debianBookwormSlim,
  debianTrixieSlim,
  registry2,
  registry3,
  postgres18,
  node24Slim,
];
