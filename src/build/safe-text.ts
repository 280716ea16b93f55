// Build stage: every string is made XML-safe before it reaches pptxgenjs, which escapes only
// & < > " ' and passes control characters through, making the part non-well-formed; LibreOffice
// then silently drops the text and PowerPoint repairs or refuses the file (notes/pptxgenjs.md §1c).

// Forbidden by XML 1.0: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters XML 1.0 forbids; vertical tab and form feed become spaces. */
export function xmlSafe(text: string): string {
  return text.replace(XML_ILLEGAL, (c) => (c === "\u000B" || c === "\u000C" ? " " : ""));
}

/** For the few fields pptxgenjs writes without escaping (docProps/app.xml `Company`). */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
