/**
 * GitHub Actions workflow commands, escaped as the runner unescapes them (actions/toolkit
 * `packages/core/src/command.ts`): https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** A message runs to the end of the line, so line breaks and the escape character itself are encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property also ends at `,` (the next property) and `:` (the `::` before the message). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface AnnotationProperties {
  file?: string | undefined;
  line?: number | undefined;
  endLine?: number | undefined;
  col?: number | undefined;
  title?: string | undefined;
}

/** `::error file=a.mdx,line=3,title=...::message`; properties without a value are left out. */
export function formatAnnotation(
  level: AnnotationLevel,
  properties: AnnotationProperties,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
