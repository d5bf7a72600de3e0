/**
 * The harness benchmark's baseline program for one page: the page's commands, in order, as
 * one plain bash script, from the same extraction the verifier uses. Nothing is compared or
 * captured per command; it is what a reader pasting the page into a terminal would run.
 */
import type { Page, Snippet } from '../../scripts/lib/extract/snippet.ts';

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** A heredoc delimiter that no line of `content` is. */
function delimiterFor(content: string): string {
  const lines = new Set(content.split('\n'));
  let delimiter = 'DFV_BENCH_EOF';
  while (lines.has(delimiter)) delimiter += '_';
  return delimiter;
}

function commandsOf(snippet: Snippet): string[] {
  const { body } = snippet;
  if (body.kind === 'file') {
    const content = body.content.endsWith('\n') ? body.content : `${body.content}\n`;
    const delimiter = delimiterFor(content);
    return [`cat > ${quote(body.path)} <<'${delimiter}'\n${content}${delimiter}`];
  }
  const commands =
    body.kind === 'transcript' ? body.steps.map((step) => step.command) : [body.code];
  if (!snippet.options.tty) return commands;
  // A terminal, as `docker run -it` needs, with the fence's input piped in at once.
  const input = snippet.options.stdin ?? '';
  return commands.map(
    (command) => `printf '%s' ${quote(input)} | script -qec ${quote(command)} /dev/null`,
  );
}

/**
 * The script of a page, or `undefined` when it has nothing to run (a skipped page, a page
 * without shell snippets). `isRunnable` leaves out what the verifier skips (version
 * requirements); `skip="…"` snippets are always left out.
 */
export function buildPageScript(
  page: Page,
  isRunnable: (snippet: Snippet) => boolean = () => true,
): string | undefined {
  if (page.options.skip) return undefined;
  const snippets = page.snippets.filter((snippet) => !snippet.options.skip && isRunnable(snippet));
  if (!snippets.some((snippet) => snippet.body.kind !== 'file')) return undefined;
  return ['exec 2>&1', ...snippets.flatMap(commandsOf), ''].join('\n');
}
