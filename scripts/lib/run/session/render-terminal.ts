import { terminalSize } from './environment.ts';

/**
 * Plays raw terminal output into a headless terminal emulator and reads back what the
 * screen and scrollback finally show: carriage-return overwrites, cursor moves, erased
 * lines and colours resolved as a reader's terminal resolves them. Lines the terminal
 * wrapped at its width are joined again, since the documentation shows logical lines.
 */
export async function renderTerminal(raw: string): Promise<string[]> {
  // Loaded on first use: most pages have no terminal block, and the emulator is large.
  const { default: xterm } = await import('@xterm/headless');
  const terminal = new xterm.Terminal({
    cols: terminalSize.columns,
    rows: terminalSize.rows,
    scrollback: 100_000,
    allowProposedApi: true,
  });
  await new Promise<void>((resolve) => terminal.write(raw, resolve));
  const buffer = terminal.buffer.active;
  const lines: string[] = [];
  for (let index = 0; index < buffer.length; index++) {
    const line = buffer.getLine(index);
    if (!line) continue;
    const text = line.translateToString(true);
    if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  terminal.dispose();
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  return lines;
}
