/**
 * legs.json on disk, read by the checker and written by hermetic through the one schema
 * (core/legs.ts): `<cache>/docker-fundamentals/hermetic/legs.json`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LegsFile, legsFileSchema } from '../core/legs.ts';
import { resolveCacheFolder } from './cache-folder.ts';
import { replaceFile } from './replace-file.ts';

/** Hermetic's folder in the cache; every file it writes lives below it. */
export function resolveHermeticFolder(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolveCacheFolder(env), 'hermetic');
}

/** Where hermetic writes legs.json for this user. */
export function resolveLegsFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolveHermeticFolder(env), 'legs.json');
}

/** Reads and validates legs.json; undefined when hermetic has not written one. */
export async function readLegsFile(path: string): Promise<LegsFile | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  return legsFileSchema.parse(JSON.parse(text));
}

/** Validates and writes legs.json atomically, so a reader never sees half of it. */
export async function writeLegsFile(path: string, legs: LegsFile): Promise<void> {
  await replaceFile(path, `${JSON.stringify(legsFileSchema.parse(legs), null, 2)}\n`);
}
