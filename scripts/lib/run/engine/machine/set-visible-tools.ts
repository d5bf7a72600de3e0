/**
 * Which tools of the reader's toolbox are installed in a machine: the commands of the others
 * are moved off PATH (into the machine's /run, where the shell's state is), and back when a
 * page makes them visible again. A page that hides `jq` sees `bash: jq: command not found`,
 * as a reader who has not installed it yet does.
 */
import { listHiddenCommands, toolbox } from '../../../core/reader-toolbox.ts';
import { quoteShellWord as quote } from '../../../core/shell-word.ts';
import { runProcess, tailOf } from '../../../system/run-process.ts';
import { readerMachine } from './reader-machine.ts';

/** The folders of PATH (/bin and /sbin are links to /usr's in a merged-/usr root: skipped). */
const pathFolders = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** The shell script that leaves exactly the visible tools' commands on PATH. Pure. */
export function describeToolScript(visible: readonly string[] | 'all'): string {
  const hidden = visible === 'all' ? [] : listHiddenCommands(visible);
  const shown = toolbox.flatMap((tool) => tool.commands).filter((name) => !hidden.includes(name));
  const store = `${readerMachine.stateFolder}/hidden-tools`;
  return [
    `store=${quote(store)}`,
    'mkdir -p "$store"',
    `for command in ${hidden.map(quote).join(' ')}; do`,
    `  for folder in ${pathFolders.join(' ')}; do`,
    '    [ -L "$folder" ] && continue',
    '    if [ -e "$folder/$command" ] || [ -L "$folder/$command" ]; then',
    '      mv "$folder/$command" "$store/$(echo "$folder" | tr / _)__$command"',
    '    fi',
    '  done',
    'done',
    `for command in ${shown.map(quote).join(' ')}; do`,
    '  for kept in "$store"/*__"$command"; do',
    '    [ -e "$kept" ] || [ -L "$kept" ] || continue',
    '    folder=$(basename "$kept" | sed "s/__.*//" | tr _ /)',
    '    mv "$kept" "$folder/$command"',
    '  done',
    'done',
  ].join('\n');
}

/** Runs the script in the machine (`wrap` enters it); throws when it fails. */
export async function setVisibleTools(
  wrap: (argv: readonly string[]) => string[],
  visible: readonly string[] | 'all',
): Promise<void> {
  const [file = 'nsenter', ...args] = wrap(['sh', '-ec', describeToolScript(visible)]);
  const result = await runProcess(file, args, { timeoutMs: 30_000 });
  if (result.failed) throw new Error(`could not set the machine's tools: ${tailOf(result.all, 3)}`);
}
