/**
 * SPF macros (RFC 7208 §7): the grammar of a macro-string and a domain-spec,
 * and their expansion for one client (IP, MAIL FROM, HELO), including the
 * rules for names built from them (trailing dot dropped, long names cut from
 * the left, §7.3). Pure apart from the `p` macro, whose value is a lookup
 * the caller provides.
 */
import { ipaddr } from '../core/ipaddr.js';

export interface MacroExpand {
  /** Macro letter in lower case. */
  letter: string;
  /** Written in upper case: the value is URL-escaped (§7.3). */
  upper: boolean;
  /** Keep this many right-hand parts. */
  digits?: number;
  reverse: boolean;
  /** Characters to split on; "." when none is given. */
  delimiters: string;
}

/** `fromMacro`: "%%", "%_" or "%-", which the grammar counts as macros. */
export type MacroToken = { literal: string; fromMacro?: boolean } | { expand: MacroExpand };

/** Letters of §7.2; c, r and t only in explanation text (§7.1/8). */
const DOMAIN_LETTERS = 'slodiphv';
const EXP_LETTERS = 'slodiphvcrt';

/** Splits a macro-string into literals and macros, or says what is wrong with it. */
export function tokenizeMacroString(text: string, letters = EXP_LETTERS): { tokens: MacroToken[]; error?: string } {
  const tokens: MacroToken[] = [];
  let literal = '';
  const flush = () => {
    if (literal) tokens.push({ literal });
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (ch !== '%') {
      if (code < 0x21 || code > 0x7e) return { tokens, error: `character 0x${code.toString(16).padStart(2, '0')} is not allowed in "${text}"` };
      literal += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      flush();
      tokens.push({ literal: next === '%' ? '%' : next === '_' ? ' ' : '%20', fromMacro: true });
      i += 1;
      continue;
    }
    const m = /^%\{([a-z])(\d*)(r?)([.\-+,/_=]*)\}/i.exec(text.slice(i));
    if (!m) return { tokens, error: `"%" must be followed by "{", "%", "_" or "-" in "${text}"` };
    const [whole, letterRaw, digits, reverse, delimiters] = m as unknown as [string, string, string, string, string];
    const letter = letterRaw.toLowerCase();
    if (!letters.includes(letter)) {
      return { tokens, error: EXP_LETTERS.includes(letter) ? `macro %{${letterRaw}} is only allowed in explanation text` : `unknown macro %{${letterRaw}}` };
    }
    if (digits && Number(digits) === 0) return { tokens, error: `macro ${whole} keeps zero parts` };
    flush();
    tokens.push({
      expand: {
        letter,
        upper: letterRaw !== letter,
        ...(digits ? { digits: Number(digits) } : {}),
        reverse: reverse !== '',
        delimiters: delimiters || '.',
      },
    });
    i += whole.length - 1;
  }
  flush();
  return { tokens };
}

const TOPLABEL = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;

/**
 * Why `spec` is not a domain-spec (§7.1: a macro-string that ends in a macro
 * or in "." toplabel, with an optional trailing dot), or undefined when it is.
 */
export function domainSpecError(spec: string): string | undefined {
  if (!spec) return 'the domain is empty';
  const { tokens, error } = tokenizeMacroString(spec, DOMAIN_LETTERS);
  if (error) return error;
  const last = tokens[tokens.length - 1]!;
  if ('expand' in last || last.fromMacro) return undefined;
  const labels = last.literal.replace(/\.$/, '').split('.');
  const top = labels[labels.length - 1]!;
  if (labels.length < 2 && tokens.length === 1) return `"${spec}" is not a domain (it needs a dot and a top-level label)`;
  if (!TOPLABEL.test(top)) {
    return /^\d+$/.test(top) ? `"${spec}" ends in a number, not a top-level label (an IP address belongs in ip4:)` : `"${spec}" does not end in a valid top-level label`;
  }
  if (labels.length < 2) return `"${spec}" is not a domain (it needs a dot and a top-level label)`;
  return undefined;
}

/** Why `text` is not a macro-string (values of unknown modifiers), or undefined. */
export function macroStringError(text: string): string | undefined {
  return tokenizeMacroString(text).error;
}

export interface MacroContext {
  /** MAIL FROM (or postmaster@HELO), local-part@domain. */
  sender: string;
  /** The domain whose record is being evaluated (changes with include and redirect). */
  domain: string;
  ip: string;
  helo: string;
  /** The validated domain name of the IP (the `p` macro), looked up only when used. */
  validatedName: () => Promise<string>;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

function urlEscape(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => {
    const ch = String.fromCharCode(b);
    return b < 0x80 && UNRESERVED.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** The value of a macro letter before transformation. */
async function letterValue(letter: string, ctx: MacroContext): Promise<string> {
  const at = ctx.sender.lastIndexOf('@');
  const addr = ipaddr.parse(ctx.ip);
  switch (letter) {
    case 's': return ctx.sender;
    case 'l': return ctx.sender.slice(0, at);
    case 'o': return ctx.sender.slice(at + 1);
    case 'd': return ctx.domain;
    case 'i':
      return addr.kind() === 'ipv4'
        ? addr.toString()
        : (addr as ipaddr.IPv6).toNormalizedString().split(':').map((g) => g.padStart(4, '0')).join('').split('').join('.');
    case 'p': return ctx.validatedName();
    case 'v': return addr.kind() === 'ipv4' ? 'in-addr' : 'ip6';
    case 'h': return ctx.helo;
    case 'c': return addr.toString();
    case 'r': return 'unknown';
    case 't': return String(Math.floor(Date.now() / 1000));
    default: return '';
  }
}

/** Expands an already valid macro-string for this client. */
export async function expandMacros(spec: string, ctx: MacroContext): Promise<string> {
  const { tokens, error } = tokenizeMacroString(spec);
  if (error) throw new Error(error);
  let out = '';
  for (const token of tokens) {
    if ('literal' in token) {
      out += token.literal;
      continue;
    }
    const m = token.expand;
    let value = await letterValue(m.letter, ctx);
    const splitter = new RegExp(`[${m.delimiters.replace(/[-\]\\^]/g, '\\$&')}]`);
    let parts = value.split(splitter);
    if (m.reverse) parts = parts.reverse();
    if (m.digits !== undefined) parts = parts.slice(-m.digits);
    value = parts.join('.');
    out += m.upper ? urlEscape(value) : value;
  }
  return out;
}

/** A name to query from an expanded domain-spec: no trailing dot, cut from the left to 253 characters (§7.3). */
export function toQueryName(expanded: string): string {
  let name = expanded.replace(/\.$/, '');
  while (name.length > 253 && name.includes('.')) name = name.slice(name.indexOf('.') + 1);
  return name;
}
