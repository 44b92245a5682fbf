/**
 * The state store could not be used (Redis down, or accepting connections
 * but not answering). One sentence a person can act on, in their language;
 * commands that keep no state keep working.
 */
import { BotError } from '../core/errors.js';
import { t, type Lang, type Localized } from '../core/lang.js';

const UNREACHABLE: Localized = {
  en: 'The state store (Redis) is unreachable, so this could not be done; explain, catalog, check and help still work. Try again in a minute, or tell the on-call engineer.',
  id: 'Penyimpanan status (Redis) tidak dapat dijangkau, sehingga ini tidak dapat dilakukan; explain, catalog, check dan help tetap berfungsi. Coba lagi sebentar lagi, atau hubungi engineer on-call.',
  de: 'Der Zustandsspeicher (Redis) ist nicht erreichbar, daher ging das nicht; explain, catalog, check und help funktionieren weiter. In einer Minute erneut versuchen oder den Bereitschaftsdienst informieren.',
};

export class StoreUnavailableError extends BotError {
  constructor(detail: string, cause?: unknown) {
    super('store_failed', UNREACHABLE.en, { detail: `state store unavailable: ${detail}`, cause });
    this.name = 'StoreUnavailableError';
  }

  localized(lang: Lang): string {
    return t(UNREACHABLE, lang);
  }
}
