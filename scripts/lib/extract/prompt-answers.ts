/**
 * A question a command asks, answered on the question's own line as a terminal shows it
 * (`Are you sure you want to continue? [y/N] y`): the reader typed the answer, so the run
 * types it too, and the output is read with the answer echoed where the terminal echoes it.
 * Pure.
 */

/** A question and the answer the page shows after it. */
export interface PromptAnswer {
  /** The question as printed, up to and with its choices: `Are you sure…? [y/N]`. */
  question: string;
  answer: string;
}

const answered =
  /^(.*(?:\[[yY]\/[nN]\]|\([yY]\/[nN]\)|\[yes\/no\]|\(yes\/no\))\??:?) ([A-Za-z]+)\s*$/;

/** The answers a command's documented output shows, in order. */
export function findPromptAnswers(output: readonly string[]): PromptAnswer[] {
  return output.flatMap((line) => {
    const match = answered.exec(line);
    return match?.[1] && match[2] ? [{ question: match[1], answer: match[2] }] : [];
  });
}

/** What the run types: each answer and Enter. */
export function typeAnswers(answers: readonly PromptAnswer[]): string | undefined {
  return answers.length === 0 ? undefined : answers.map(({ answer }) => `${answer}\n`).join('');
}

/**
 * The output as a terminal shows it once the answers are typed: without a terminal the
 * program's next output goes on right after the question, and the answer is not echoed;
 * each question gets its answer, and what followed it goes to the next line.
 */
export function echoAnswers(lines: readonly string[], answers: readonly PromptAnswer[]): string[] {
  if (answers.length === 0) return [...lines];
  const echoed: string[] = [];
  let next = 0;
  for (const line of lines) {
    const answer = answers[next];
    const at = answer ? line.indexOf(answer.question) : -1;
    if (!answer || at === -1) {
      echoed.push(line);
      continue;
    }
    const end = at + answer.question.length;
    echoed.push(`${line.slice(0, end)} ${answer.answer}`);
    const rest = line.slice(end).replace(/^ /, '');
    if (rest !== '') echoed.push(rest);
    next++;
  }
  return echoed;
}
