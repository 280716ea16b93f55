// Writing direction: right-to-left scripts get rtl paragraphs and the right language tag.

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const URDU_ONLY = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]/;
const HEBREW = /[\u0590-\u05FF]/;

/** `{ lang }` for text that is mostly right-to-left, else undefined. */
export function textDirection(text: string): { lang: string } | undefined {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return undefined;
  const rtl = letters.filter((c) => ARABIC.test(c) || HEBREW.test(c)).length;
  if (rtl * 2 <= letters.length) return undefined;
  if (HEBREW.test(text)) return { lang: "he-IL" };
  return { lang: URDU_ONLY.test(text) ? "ur-PK" : "ar-SA" };
}
