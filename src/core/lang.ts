/** The languages every user-facing text exists in. */
export const LANGS = ['en', 'id', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in every supported language. */
export type Localized = Record<Lang, string>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Picks one language's text from a message table, falling back to English. */
export function t(table: Localized, lang: Lang): string {
  return table[lang] || table.en;
}

/** Fills `{name}` placeholders; values are inserted as plain text. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
