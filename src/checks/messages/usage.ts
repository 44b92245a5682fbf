/** Usage errors of `check`: what was wrong with the input and what would work. */
import type { Localized } from '../../core/lang.js';

export const USAGE_MESSAGES = {
  'usage.examples': {
    en: 'e.g. example.com, user@example.com, https://example.com/ or 203.0.113.5',
    id: 'mis. example.com, user@example.com, https://example.com/ atau 203.0.113.5',
    de: 'z. B. example.com, user@example.com, https://example.com/ oder 203.0.113.5',
  },
  'usage.empty': {
    en: 'Give a domain or an IP address to check, {examples}.',
    id: 'Berikan domain atau alamat IP yang akan diperiksa, {examples}.',
    de: 'Geben Sie eine Domain oder IP-Adresse zum Prüfen an, {examples}.',
  },
  'usage.badUrl': {
    en: '"{input}" looks like a URL but cannot be read; paste just the domain, {examples}.',
    id: '"{input}" terlihat seperti URL tetapi tidak dapat dibaca; tempelkan domainnya saja, {examples}.',
    de: '"{input}" sieht wie eine URL aus, lässt sich aber nicht lesen; fügen Sie nur die Domain ein, {examples}.',
  },
  'usage.notTarget': {
    en: '"{input}" is neither a domain nor an IP address; give one like {examples}.',
    id: '"{input}" bukan domain maupun alamat IP; berikan salah satunya, {examples}.',
    de: '"{input}" ist weder eine Domain noch eine IP-Adresse; geben Sie eines von beiden an, {examples}.',
  },
  'usage.badIp': {
    en: '--ip needs an IPv4 or IPv6 address (e.g. --ip 203.0.113.5), not "{raw}".',
    id: '--ip memerlukan alamat IPv4 atau IPv6 (mis. --ip 203.0.113.5), bukan "{raw}".',
    de: '--ip erwartet eine IPv4- oder IPv6-Adresse (z. B. --ip 203.0.113.5), nicht "{raw}".',
  },
  'usage.badSelector': {
    en: '--dkim needs a selector name such as "selector1" or "google", not "{raw}".',
    id: '--dkim memerlukan nama selector seperti "selector1" atau "google", bukan "{raw}".',
    de: '--dkim erwartet einen Selektor-Namen wie "selector1" oder "google", nicht "{raw}".',
  },
  'usage.badHelo': {
    en: '--helo needs the name the server sends in HELO/EHLO, e.g. --helo mail.example.com.',
    id: '--helo memerlukan nama yang dikirim server dalam HELO/EHLO, mis. --helo mail.example.com.',
    de: '--helo erwartet den Namen, den der Server in HELO/EHLO sendet, z. B. --helo mail.example.com.',
  },
  'usage.resolverEmpty': {
    en: '--resolver needs an address such as 127.0.0.1:5353.',
    id: '--resolver memerlukan alamat seperti 127.0.0.1:5353.',
    de: '--resolver erwartet eine Adresse wie 127.0.0.1:5353.',
  },
  'usage.resolverNotIp': {
    en: '"{server}" is not a resolver address; use an IP with an optional port, e.g. 127.0.0.1:5353 or [::1]:53.',
    id: '"{server}" bukan alamat resolver; gunakan IP dengan port opsional, mis. 127.0.0.1:5353 atau [::1]:53.',
    de: '"{server}" ist keine Resolver-Adresse; verwenden Sie eine IP mit optionalem Port, z. B. 127.0.0.1:5353 oder [::1]:53.',
  },
  'usage.resolverHostname': {
    en: '"{server}" is not a resolver address; use an IP (not a host name) with an optional port, e.g. 127.0.0.1:5353.',
    id: '"{server}" bukan alamat resolver; gunakan IP (bukan nama host) dengan port opsional, mis. 127.0.0.1:5353.',
    de: '"{server}" ist keine Resolver-Adresse; verwenden Sie eine IP (keinen Hostnamen) mit optionalem Port, z. B. 127.0.0.1:5353.',
  },
  'usage.resolverPort': {
    en: 'The port in "{server}" must be between 1 and 65535.',
    id: 'Port pada "{server}" harus antara 1 dan 65535.',
    de: 'Der Port in "{server}" muss zwischen 1 und 65535 liegen.',
  },
} satisfies Record<string, Localized>;
