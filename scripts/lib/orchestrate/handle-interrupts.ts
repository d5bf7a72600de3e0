import type { DockerEngine } from '../run/engine/engine.ts';
import { killRunningCommands } from '../run/session/command.ts';

/**
 * Ctrl-C or a CI cancel: stop starting pages, kill running commands, let pages clean up.
 * `onStop` runs once, after the engines were told to close. Returns a function that stops
 * listening.
 */
export function handleInterrupts(
  controller: AbortController,
  engines: () => readonly DockerEngine[],
  onStop: () => void = () => {},
): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    process.stderr.write(`\n${signal}: stopping, cleaning up what the run created...\n`);
    controller.abort();
    process.exitCode = signal === 'SIGINT' ? 130 : 143;
    killRunningCommands();
    for (const engine of engines()) void engine.close();
    onStop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
