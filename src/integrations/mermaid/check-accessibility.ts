export const accessibilityFields = ['accTitle', 'accDescr'] as const;
export type AccessibilityField = (typeof accessibilityFields)[number];

/**
 * Mermaid's accessibility lines, as its grammars accept them. `accDescr` also has a block
 * form (`accDescr { … }`) for descriptions longer than a line. A `%%` comment never matches.
 * https://mermaid.js.org/config/accessibility.html
 */
const fieldPatterns: Record<AccessibilityField, RegExp> = {
  accTitle: /^[ \t]*accTitle[ \t]*:[ \t]*\S/m,
  accDescr: /^[ \t]*accDescr[ \t]*(?::[ \t]*\S|\{)/m,
};

/** Which of the accessibility lines a diagram lacks; empty when it has both. */
export function findMissingAccessibility(source: string): AccessibilityField[] {
  return accessibilityFields.filter((field) => !fieldPatterns[field].test(source));
}
