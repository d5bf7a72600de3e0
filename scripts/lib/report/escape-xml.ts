// The Char production of XML 1.0 (https://www.w3.org/TR/xml/#charsets): other control
// characters (an ESC left in Docker's output) cannot appear in a document even as references.
const invalidXmlChars = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(invalidXmlChars, '');
}

const textEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes text for an element's content. */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>]/g, (char) => textEntities[char] ?? char);
}

const attributeEntities: Record<string, string> = {
  ...textEntities,
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns raw tabs and line breaks in an attribute into spaces; references survive.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes text for a quoted attribute value. */
export function escapeXmlAttribute(text: string): string {
  return stripInvalidXmlChars(text).replace(
    /[&<>"'\t\n\r]/g,
    (char) => attributeEntities[char] ?? char,
  );
}
