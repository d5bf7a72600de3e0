/**
 * What `--review` shows of a change: where it is (`file:line`, the legs), then each drifted
 * command and its diff, as the report shows drift. Pure.
 */
import { formatPosition } from '../core/errors.ts';
import type { StepOutcome } from '../judge/results.ts';
import type { StyledLine } from '../report/colors.ts';
import { cutLines, showCommand } from '../report/findings.ts';
import { diffStep } from '../report/format-diff.ts';
import type { AgreedChange, DisputedChange } from '../update/agree-on-changes.ts';

function showSteps(file: string, steps: readonly StepOutcome[]): StyledLine[] {
  return steps.flatMap((step) => [...showCommand(step.command), ...cutLines(diffStep(file, step))]);
}

/** The line a change is named by: its first rewritten command, as drift is reported. */
export function firstLine(change: Pick<AgreedChange, 'steps' | 'line'>): number {
  return change.steps[0]?.line ?? change.line;
}

/** Counted among all changes (`1 of 3`), headed by its place and the legs that agree on it. */
export function formatChange(change: AgreedChange, index: number, total: number): StyledLine[] {
  const legs = change.legs.join(', ');
  return [
    { style: 'dim', text: `change ${index + 1} of ${total}` },
    {
      style: 'heading',
      text: `${formatPosition({ file: change.file, line: firstLine(change) })}  ${legs}`,
    },
    ...showSteps(change.file, change.steps).map((line) => ({ ...line, text: `  ${line.text}` })),
  ];
}

/** A block the legs would rewrite differently: why it is not offered, then each leg's diff. */
export function formatDispute(dispute: DisputedChange): StyledLine[] {
  return [
    { style: 'heading', text: `${formatPosition(dispute)}  not offered` },
    { style: 'hint', text: `  ${dispute.reason}` },
    ...dispute.variants.flatMap(({ leg, steps }) => [
      { style: 'dim' as const, text: `  on ${leg}:${steps.length === 0 ? ' no drift' : ''}` },
      ...showSteps(dispute.file, steps).map((line) => ({ ...line, text: `    ${line.text}` })),
    ]),
  ];
}
