/**
 * Tells when files are saved. Folders are watched rather than files: editors that save by
 * writing a new file and renaming it over the old one (vim, many IDEs) replace the inode a
 * file watch would hold. Events come in bursts (truncate, write, rename): a file is reported
 * once its events have been quiet for `quietMs`.
 */
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export interface FileWatcher {
  close(): void;
}

export function watchFiles(
  files: readonly string[],
  onSaved: (file: string) => void,
  quietMs = 30,
): FileWatcher {
  const byFolder = new Map<string, Map<string, string>>();
  for (const file of files) {
    const folder = dirname(resolve(file));
    const names = byFolder.get(folder) ?? new Map<string, string>();
    names.set(basename(file), file);
    byFolder.set(folder, names);
  }
  const timers = new Map<string, NodeJS.Timeout>();
  const watchers: FSWatcher[] = [];
  for (const [folder, names] of byFolder) {
    const watcher = watch(folder, (_event, name) => {
      const file = name === null ? undefined : names.get(name.toString());
      if (file === undefined) return;
      clearTimeout(timers.get(file));
      timers.set(
        file,
        setTimeout(() => {
          timers.delete(file);
          onSaved(file);
        }, quietMs),
      );
    });
    watcher.on('error', () => {});
    watchers.push(watcher);
  }
  return {
    close() {
      for (const watcher of watchers) watcher.close();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
