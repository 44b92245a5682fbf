/**
 * Aho–Corasick: finds every occurrence of many needles in one pass over the
 * text, so matching a bounce against thousands of catalogue phrases costs
 * about as much as reading it once.
 */
export class AhoCorasick<T> {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: Array<Array<{ value: T; length: number }>> = [[]];
  private built = false;

  add(needle: string, value: T): void {
    if (this.built) throw new Error('AhoCorasick: add() after build()');
    let node = 0;
    for (let i = 0; i < needle.length; i++) {
      const c = needle.charCodeAt(i);
      let child = this.next[node]!.get(c);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[node]!.set(c, child);
      }
      node = child;
    }
    this.out[node]!.push({ value, length: needle.length });
  }

  build(): this {
    const queue: number[] = [];
    for (const child of this.next[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [c, child] of this.next[node]!) {
        queue.push(child);
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.out[child]!.push(...this.out[this.fail[child]!]!);
      }
    }
    this.built = true;
    return this;
  }

  /** Calls `found(value, end, length)` for every occurrence; `end` is the index after the match. */
  search(text: string, found: (value: T, end: number, length: number) => void): void {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let child = this.next[node]!.get(c);
      while (child === undefined && node !== 0) {
        node = this.fail[node]!;
        child = this.next[node]!.get(c);
      }
      node = child ?? 0;
      const outputs = this.out[node]!;
      for (let k = 0; k < outputs.length; k++) found(outputs[k]!.value, i + 1, outputs[k]!.length);
    }
  }
}

/**
 * The longest literal run a regular expression requires (lower case), or null
 * when none can be proven (top-level alternation, no literal of 3+ chars).
 * A pattern is only run when its literal occurs in the text.
 */
export function requiredLiteral(source: string): string | null {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return null;
  }
  const runs: string[] = [];
  let run = '';
  const close = () => { if (run.length) runs.push(run); run = ''; };
  depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    const quantifier = source[i + 1];
    const optional = quantifier === '?' || quantifier === '*' || (quantifier === '{' && /^\{0[,}]/.test(source.slice(i + 1)));
    if (ch === '\\') {
      const escaped = source[i + 1] ?? '';
      i++;
      if (/[a-zA-Z0-9]/.test(escaped)) { close(); continue; } // \s \d \w \b …
      const q = source[i + 1];
      if (q === '?' || q === '*' || q === '{') { close(); continue; }
      run += escaped;
      if (q === '+') close();
      continue;
    }
    if (ch === '[') { close(); i = source.indexOf(']', i + 2) < 0 ? source.length : source.indexOf(']', i + 2); continue; }
    if (ch === '(' || ch === ')' ) { close(); if (ch === '(' && source[i + 1] === '?') i++; depth += ch === '(' ? 1 : -1; continue; }
    if (depth > 0 || ch === '.' || ch === '^' || ch === '$' || ch === '|' || ch === '*' || ch === '+' || ch === '?' || ch === '{' || ch === '}') {
      if (ch === '{') i = source.indexOf('}', i) < 0 ? source.length : source.indexOf('}', i);
      close();
      continue;
    }
    if (optional) { close(); continue; }
    run += ch;
    if (quantifier === '+') close();
  }
  close();
  const best = runs.map((r) => r.toLowerCase()).sort((a, b) => b.length - a.length)[0];
  return best && best.length >= 3 ? best : null;
}
