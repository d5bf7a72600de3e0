// The look-alikes the mirror serves, in build order (registry:2 reuses busybox:musl's root).
import { busyboxGlibc, busyboxMusl } from './recipes/busybox.ts';
import { debianBookwormSlim, debianTrixieSlim } from './recipes/debian.ts';
import { helloWorld } from './recipes/hello-world.ts';
import type { ImageRecipe } from './recipes/recipe.ts';
import { registry2 } from './recipes/registry.ts';

export const IMAGE_RECIPES: readonly ImageRecipe[] = [
  helloWorld,
  busyboxGlibc,
  busyboxMusl,
  debianBookwormSlim,
  debianTrixieSlim,
  registry2,
];
