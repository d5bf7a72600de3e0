import { resolve } from 'node:path';
import { VerifyError } from '../core/errors.ts';
import { formatFlag } from '../core/flags.ts';
import { createFileTarget, type FileTarget } from './file-target.ts';
import { createGithubReporter } from './github.ts';
import { createHumanReporter } from './human.ts';
import { createJsonReporter } from './json.ts';
import { createJunitReporter } from './junit.ts';
import {
  type Reporter,
  type ReporterFactory,
  type ReporterName,
  type ReportTarget,
  reporterNames,
} from './reporter.ts';
import { createStderrNotes } from './stderr-notes.ts';

export const reporterFactories: Record<ReporterName, ReporterFactory> = {
  human: (target) => createHumanReporter(target),
  json: (target) => createJsonReporter(target),
  junit: (target) => createJunitReporter(target),
  github: (target) => createGithubReporter(target),
};

/** Reporters whose output is one document: on stdout, anything else there would corrupt it. */
const documentReporters: readonly ReporterName[] = ['json', 'junit'];

export interface ReporterSpec {
  name: ReporterName;
  /** Where the report goes; `undefined` for stdout. */
  path: string | undefined;
}

function isReporterName(name: string): name is ReporterName {
  return (reporterNames as readonly string[]).includes(name);
}

const reporterFlag = (value: string) => formatFlag('reporter', value);
const specHint = `Use ${reporterFlag('NAME')} or ${reporterFlag('NAME=FILE')}, e.g. ${reporterFlag('junit=reports/junit.xml')}`;

/** Reads a `--reporter` value: `human`, or `junit=reports/junit.xml` to write a file. */
export function parseReporterSpec(text: string): ReporterSpec {
  const equals = text.indexOf('=');
  const name = (equals === -1 ? text : text.slice(0, equals)).trim();
  const path = equals === -1 ? undefined : text.slice(equals + 1).trim();
  if (!isReporterName(name)) {
    throw new VerifyError(
      'USAGE',
      `Unknown reporter "${name}", expected one of ${reporterNames.join(', ')}`,
      { hint: specHint },
    );
  }
  if (path === '') {
    throw new VerifyError('USAGE', `${reporterFlag(`${name}=`)} needs a file after "="`, {
      hint: specHint,
    });
  }
  return { name, path };
}

/** Refuses combinations whose output could not be read back. */
function checkSpecs(specs: readonly ReporterSpec[]): void {
  const onStdout = specs.filter((spec) => spec.path === undefined);
  const document = onStdout.find((spec) => documentReporters.includes(spec.name));
  if (document && onStdout.length > 1) {
    throw new VerifyError(
      'USAGE',
      `The ${document.name} reporter cannot share stdout with ${onStdout.length - 1} other reporter(s)`,
      {
        hint: `Send it to a file: ${reporterFlag(`${document.name}=report.${document.name === 'junit' ? 'xml' : 'json'}`)}`,
      },
    );
  }
  const paths = specs.flatMap((spec) => (spec.path === undefined ? [] : [resolve(spec.path)]));
  const twice = paths.find((path, index) => paths.indexOf(path) !== index);
  if (twice) throw new VerifyError('USAGE', `Two reporters write to ${twice}`, { hint: specHint });
}

/** What `process.stdout` offers that reporters use. */
export interface StdoutLike {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

function targetOf(stdout: StdoutLike): ReportTarget {
  return {
    write: (text) => void stdout.write(text),
    isTty: stdout.isTTY === true,
    get columns() {
      return stdout.columns;
    },
  };
}

/** Writes the file after the run ends, and again on close if anything came after. */
function writingTo(file: FileTarget, reporter: Reporter): Reporter {
  return {
    ...reporter,
    async onRunEnd(summary) {
      await reporter.onRunEnd?.(summary);
      await file.flush();
    },
    async onClose() {
      await reporter.onClose?.();
      await file.flush();
    },
  };
}

/**
 * Creates the reporters that `--reporter` values name, in order. Reporters with a path write
 * that file (folders created, replaced whole and atomically at the end); the others write to
 * stdout. Without the human reporter on stdout, short notes go to stderr. Call `onClose` on each when done so that a run stopped early still leaves its files.
 */
export function createReporters(
  specs: readonly string[],
  stdout: StdoutLike,
  stderr: StdoutLike = process.stderr,
): Reporter[] {
  const parsed = specs.map(parseReporterSpec);
  checkSpecs(parsed);
  const terminal = targetOf(stdout);
  const reporters = parsed.map(({ name, path }) => {
    if (path === undefined) return reporterFactories[name](terminal);
    const file = createFileTarget(path);
    return writingTo(file, reporterFactories[name](file));
  });
  // Without the human reporter, problems and the counts still reach a person.
  const hasHuman = parsed.some((spec) => spec.name === 'human' && spec.path === undefined);
  return hasHuman ? reporters : [...reporters, createStderrNotes(targetOf(stderr))];
}
