/**
 * Aho–Corasick: finds every occurrence of many needles in one pass over the
 * text, so matching a bounce against thousands of catalogue phrases costs
 * about as much as reading it once.
 */
/**
 * A built automaton as flat arrays (see Classifier.exportIndex): what a process loads instead of
 * building, straight from a file (classifier-index.ts) — no parsing, no maps to fill.
 */
export interface AutomatonData<T> {
  /** Per node: the character of its first child (-1: none) and that child. */
  onlyChar: Int32Array;
  onlyChild: Int32Array;
  /** Node n's other children: moreChar[k] → moreChild[k] for k from moreStart[n] to moreStart[n + 1]. */
  moreStart: Int32Array;
  moreChar: Int32Array;
  moreChild: Int32Array;
  fail: Int32Array;
  /** The nearest node on the fail chain where a needle ends (0: none) — outputs are never copied. */
  outLink: Int32Array;
  /** The first node on a node's output chain (itself when a needle ends there; 0: none). */
  firstOut: Int32Array;
  /** Needles ending at node n: values[k] of length endLength[k] for k from endStart[n] to endStart[n + 1]. */
  endStart: Int32Array;
  endLength: Int32Array;
  values: T[];
}

/** The typed arrays of AutomatonData, in the order a file stores them. */
export const AUTOMATON_ARRAYS = ['onlyChar', 'onlyChild', 'moreStart', 'moreChar', 'moreChild', 'fail', 'outLink', 'firstOut', 'endStart', 'endLength'] as const;

export class AhoCorasick<T> {
  // While needles are added, most trie nodes have one child (the rest of one phrase): it is kept
  // inline, and a Map is made only for the few nodes that branch. build() then lays the automaton
  // out as flat arrays (AutomatonData), which is all a search reads and what a file stores.
  private onlyChar: number[] = [-1];
  private onlyChild: number[] = [0];
  private more: Array<Map<number, number> | undefined> = [undefined];
  private fail: number[] = [0];
  /** The needles ending exactly at a node (sparse). */
  private ends: Array<Array<{ value: T; length: number }> | undefined> = [undefined];
  private outLink: number[] = [0];
  /** Each node's parent, the character leading to it and its depth: build() walks them breadth-first without iterators. */
  private readonly parent: number[] = [0];
  private readonly charOf: number[] = [0];
  private readonly depth: number[] = [0];
  /** Set by build() or fromData(): the automaton a search runs on. */
  private data: AutomatonData<T> | undefined;
  /** The root's children by character (0: none): a search falls back to the root at most characters. */
  private rootNext = new Int32Array(0);

  private child(node: number, c: number): number | undefined {
    if (this.onlyChar[node] === c) return this.onlyChild[node];
    return this.more[node]?.get(c);
  }

  add(needle: string, value: T): void {
    if (this.data) throw new Error('AhoCorasick: add() after build()');
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
    this.use(this.flatten());
    return this;
  }

  /** The built automaton as flat arrays. */
  toData(): AutomatonData<T> {
    if (!this.data) throw new Error('AhoCorasick: toData() before build()');
    return this.data;
  }

  /** An automaton from toData()'s output, ready to search (nothing to build). */
  static fromData<T>(data: AutomatonData<T>): AhoCorasick<T> {
    return new AhoCorasick<T>().use(data);
  }

  private flatten(): AutomatonData<T> {
    const count = this.onlyChar.length;
    const moreStart = new Int32Array(count + 1);
    const endStart = new Int32Array(count + 1);
    for (let n = 0; n < count; n++) {
      moreStart[n + 1] = moreStart[n]! + (this.more[n]?.size ?? 0);
      endStart[n + 1] = endStart[n]! + (this.ends[n]?.length ?? 0);
    }
    const moreChar = new Int32Array(moreStart[count]!);
    const moreChild = new Int32Array(moreStart[count]!);
    const endLength = new Int32Array(endStart[count]!);
    const values: T[] = [];
    for (let n = 0; n < count; n++) {
      let k = moreStart[n]!;
      this.more[n]?.forEach((child, c) => {
        moreChar[k] = c;
        moreChild[k++] = child;
      });
      for (const { value, length } of this.ends[n] ?? []) {
        endLength[values.length] = length;
        values.push(value);
      }
    }
    const outLink = Int32Array.from(this.outLink);
    const firstOut = new Int32Array(count);
    for (let n = 0; n < count; n++) firstOut[n] = this.ends[n] ? n : outLink[n]!;
    return {
      onlyChar: Int32Array.from(this.onlyChar), onlyChild: Int32Array.from(this.onlyChild),
      moreStart, moreChar, moreChild, fail: Int32Array.from(this.fail), outLink, firstOut, endStart, endLength, values,
    };
  }

  private use(data: AutomatonData<T>): this {
    this.data = data;
    this.rootNext = new Int32Array(65536);
    if (data.onlyChar[0]! >= 0) this.rootNext[data.onlyChar[0]!] = data.onlyChild[0]!;
    for (let k = data.moreStart[0]!; k < data.moreStart[1]!; k++) this.rootNext[data.moreChar[k]!] = data.moreChild[k]!;
    return this;
  }

  /** Calls `found(value, end, length)` for every occurrence; `end` is the index after the match. */
  search(text: string, found: (value: T, end: number, length: number) => void): void {
    if (!this.data) throw new Error('AhoCorasick: search() before build()');
    const { rootNext } = this;
    const { onlyChar, onlyChild, moreStart, moreChar, moreChild, fail, outLink, firstOut, endStart, endLength, values } = this.data;
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
        let next = 0;
        for (let k = moreStart[node]!, last = moreStart[node + 1]!; k < last; k++) {
          if (moreChar[k] === c) {
            next = moreChild[k]!;
            break;
          }
        }
        if (next !== 0) {
          node = next;
          break;
        }
        node = fail[node]!;
      }
      if (node === 0) continue;
      for (let at = firstOut[node]!; at !== 0; at = outLink[at]!) {
        for (let k = endStart[at]!, last = endStart[at + 1]!; k < last; k++) found(values[k]!, i + 1, endLength[k]!);
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
