// XML-safe text. Every string is made XML-safe before it reaches pptxgenjs (which escapes only
// & < > " ' and passes control characters through, making the part non-well-formed: LibreOffice then
// silently drops the text and PowerPoint repairs or refuses the file, notes/pptxgenjs.md §1c) or the
// XML the charts and package stages write themselves.

// Forbidden by XML 1.0: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters XML 1.0 forbids; vertical tab and form feed become spaces. */
export function xmlSafe(text: string): string {
  return text.replace(XML_ILLEGAL, (c) => (c === "\u000B" || c === "\u000C" ? " " : ""));
}

/**
 * For element content: & < > escaped, nothing else. Quotes and apostrophes stay as they are, since
 * some readers (pptxtojson 2.2.0) do not decode &apos; in chart caches.
 */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** For attribute values in double quotes: & < > and " escaped. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

/** An attribute value as a parser reads it: the five predefined entities and character references resolved. */
export function unescapeAttr(text: string): string {
  return text.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    name ? ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)));
}
