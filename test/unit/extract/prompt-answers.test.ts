import { describe, expect, it } from 'vitest';
import {
  echoAnswers,
  findPromptAnswers,
  typeAnswers,
} from '../../../scripts/lib/extract/prompt-answers.ts';

const question = 'Are you sure you want to continue? [y/N]';

describe('prompt answers', () => {
  it('finds an answer shown on the question’s own line, and types it', () => {
    const answers = findPromptAnswers([
      'WARNING! This will remove all stopped containers.',
      `${question} y`,
      'Deleted Containers:',
    ]);
    expect(answers).toEqual([{ question, answer: 'y' }]);
    expect(typeAnswers(answers)).toBe('y\n');
  });

  it('reads other spellings of the choices', () => {
    expect(findPromptAnswers(['Do you want to continue? [Y/n] n']).map((a) => a.answer)).toEqual([
      'n',
    ]);
    expect(findPromptAnswers(['Overwrite (yes/no)? yes']).map((a) => a.answer)).toEqual(['yes']);
    expect(findPromptAnswers(['Deleted: [y/N] is a file name'])).toEqual([]);
  });

  it('echoes the answer where a terminal shows it, and moves what followed to its own line', () => {
    const answers = [{ question, answer: 'y' }];
    expect(
      echoAnswers(
        [
          'WARNING! This will remove all stopped containers.',
          `${question} Deleted Containers:`,
          'abc',
        ],
        answers,
      ),
    ).toEqual([
      'WARNING! This will remove all stopped containers.',
      `${question} y`,
      'Deleted Containers:',
      'abc',
    ]);
    expect(echoAnswers([`${question} `], answers)).toEqual([`${question} y`]);
  });
});
