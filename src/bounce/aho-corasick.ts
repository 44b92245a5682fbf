/**
 * Aho–Corasick: finds every occurrence of many needles in one pass over the
 * text, so matching a bounce against thousands of catalogue phrases costs
 * about as much as reading it once.
 */
/** A built automaton as plain data (see Classifier.exportIndex): what a process can load instead of building. */
export interface AutomatonData<T> {
  onlyChar: number[];
  onlyChild: number[];
  /** [node, [[char, child], …]] for the nodes that branch. */
  more: Array<[number, Array<[number, number]>]>;
  fail: number[];
  outLink: number[];
  /** [node, needles ending there]. */
  ends: Array<[number, Array<{ value: T; length: number }>]>;
}

export class AhoCorasick<T> {
  // Most trie nodes have one child (the rest of one phrase): it is kept inline, and a Map is made
  // only for the few nodes that branch. With ~40,000 catalogue characters this builds in a few
  // milliseconds instead of tens, which every process pays at its first explanation.
  private onlyChar: number[] = [-1];
  private onlyChild: number[] = [0];
  private more: Array<Map<number, number> | undefined> = [undefined];
  private fail: number[] = [0];
  /** The needles ending exactly at a node (sparse). */
  private ends: Array<Array<{ value: T; length: number }> | undefined> = [undefined];
  /** The nearest node on the fail chain where a needle ends (0: none) — outputs are never copied. */
  private outLink: number[] = [0];
  /** Each node's parent, the character leading to it and its depth: build() walks them breadth-first without iterators. */
  private readonly parent: number[] = [0];
  private readonly charOf: number[] = [0];
  private readonly depth: number[] = [0];
  private built = false;
  /** The root's children by character (0: none), filled once built: a search falls back to the root at most characters. */
  private rootNext = new Int32Array(0);
  /** Per node, the first node on its output chain (itself when a needle ends there; 0: none) — one load per character. */
  private firstOut = new Int32Array(0);

  private child(node: number, c: number): number | undefined {
    if (this.onlyChar[node] === c) return this.onlyChild[node];
    return this.more[node]?.get(c);
  }

  add(needle: string, value: T): void {
    if (this.built) throw new Error('AhoCorasick: add() after build()');
    let node = 0;
    for (let i = 0; i < needle.length; i++) {
      const c = needle.charCodeAt(i);
      let next = this.child(node, c);
      if (next === undefined) {
        next = this.onlyChar.length;
        this.onlyChar.push(-1);
        this.onlyChild.push(0);
        this.more.push(undefined);
        this.fail.push(0);
        this.outLink.push(0);
        this.ends.push(undefined);
        this.parent.push(node);
        this.charOf.push(c);
        this.depth.push(i + 1);
        if (this.onlyChar[node] === -1) {
          this.onlyChar[node] = c;
          this.onlyChild[node] = next;
        } else {
          (this.more[node] ??= new Map()).set(c, next);
        }
      }
      node = next;
    }
    const list = this.ends[node];
    if (list) list.push({ value, length: needle.length });
    else this.ends[node] = [{ value, length: needle.length }];
  }

  build(): this {
    // Nodes in breadth-first order (a counting sort by depth): a node's fail link needs its parent's.
    const count = this.depth.length;
    let maxDepth = 0;
    for (let n = 0; n < count; n++) if (this.depth[n]! > maxDepth) maxDepth = this.depth[n]!;
    const start = new Array<number>(maxDepth + 2).fill(0);
    for (let n = 0; n < count; n++) start[this.depth[n]! + 1]!++;
    for (let d = 1; d <= maxDepth + 1; d++) start[d]! += start[d - 1]!;
    const order = new Array<number>(count);
    for (let n = 0; n < count; n++) order[start[this.depth[n]!]!++] = n;
    for (let k = 0; k < count; k++) {
      const node = order[k]!;
      if (this.depth[node]! < 2) continue; // the root and its children fail to the root
      const c = this.charOf[node]!;
      let f = this.fail[this.parent[node]!]!;
      let target = this.child(f, c);
      while (target === undefined && f !== 0) {
        f = this.fail[f]!;
        target = this.child(f, c);
      }
      const failTo = target !== undefined && target !== node ? target : 0;
      this.fail[node] = failTo;
      this.outLink[node] = this.ends[failTo] ? failTo : this.outLink[failTo]!;
    }
    this.built = true;
    this.indexRoot();
    return this;
  }

  private indexRoot(): void {
    this.firstOut = Int32Array.from(this.outLink, (link, node) => (this.ends[node] ? node : link));
    this.rootNext = new Int32Array(65536);
    if (this.onlyChar[0]! >= 0) this.rootNext[this.onlyChar[0]!] = this.onlyChild[0]!;
    this.more[0]?.forEach((child, c) => (this.rootNext[c] = child));
  }

  /** The built automaton as plain data. */
  toData(): AutomatonData<T> {
    if (!this.built) throw new Error('AhoCorasick: toData() before build()');
    const more: AutomatonData<T>['more'] = [];
    this.more.forEach((map, node) => {
      if (map) more.push([node, [...map]]);
    });
    const ends: AutomatonData<T>['ends'] = [];
    this.ends.forEach((list, node) => {
      if (list) ends.push([node, list]);
    });
    return { onlyChar: this.onlyChar, onlyChild: this.onlyChild, more, fail: this.fail, outLink: this.outLink, ends };
  }

  /** An automaton from toData()'s output, ready to search (nothing to build). */
  static fromData<T>(data: AutomatonData<T>): AhoCorasick<T> {
    const automaton = new AhoCorasick<T>();
    const size = data.onlyChar.length;
    automaton.onlyChar = data.onlyChar;
    automaton.onlyChild = data.onlyChild;
    automaton.fail = data.fail;
    automaton.outLink = data.outLink;
    automaton.more = new Array(size);
    for (const [node, edges] of data.more) automaton.more[node] = new Map(edges);
    automaton.ends = new Array(size);
    for (const [node, list] of data.ends) automaton.ends[node] = list;
    automaton.built = true;
    automaton.indexRoot();
    return automaton;
  }

  /** Calls `found(value, end, length)` for every occurrence; `end` is the index after the match. */
  search(text: string, found: (value: T, end: number, length: number) => void): void {
    const { rootNext, onlyChar, onlyChild, more, fail, ends, outLink, firstOut } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        if (node === 0) {
          node = rootNext[c]!;
          break;
        }
        if (onlyChar[node] === c) {
          node = onlyChild[node]!;
          break;
        }
        const next = more[node]?.get(c);
        if (next !== undefined) {
          node = next;
          break;
        }
        node = fail[node]!;
      }
      if (node === 0) continue;
      for (let at = firstOut[node]!; at !== 0; at = outLink[at]!) {
        const outputs = ends[at]!;
        for (let k = 0; k < outputs.length; k++) found(outputs[k]!.value, i + 1, outputs[k]!.length);
      }
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
