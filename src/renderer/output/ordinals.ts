/** French ordinals: 1er, 1re, 2e, 14es… (the suffix is raised as a superscript on screen). */
const ORDINAL = /(?<![\p{L}\p{N}])(\d+)(ers?|res?|es?)(?![\p{L}\p{N}])/gu;

export interface TextPart {
  text: string;
  sup: boolean;
}

/** Splits a text into plain parts and ordinal suffixes. Pure. */
export function ordinalParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(ORDINAL)) {
    const suffixStart = m.index + (m[1]?.length ?? 0);
    parts.push({ text: text.slice(last, suffixStart), sup: false });
    parts.push({ text: m[2] ?? '', sup: true });
    last = suffixStart + (m[2]?.length ?? 0);
  }
  parts.push({ text: text.slice(last), sup: false });
  return parts.filter((p) => p.text !== '');
}
