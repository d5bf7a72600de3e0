import type { ModeKind } from '../cli/mode.ts';
import { checkRecord } from './check-record.ts';
import { journey } from './journey.ts';
import type { ModeRunner } from './mode-runner.ts';
import { record } from './record.ts';
import { review } from './review.ts';
import { update } from './update.ts';
import { verify } from './verify.ts';
import { watch } from './watch.ts';

/** Every mode's run, by kind: a mode of cli/mode.ts without one here does not compile. */
export const modeRunners: Record<ModeKind, ModeRunner> = {
  verify,
  update,
  review,
  record,
  'check-record': checkRecord,
  watch,
  journey,
};
