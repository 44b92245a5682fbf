/**
 * Catalogue patterns run on text pasted by anyone, so each must run in linear
 * time. JavaScript's regex engine backtracks; we therefore allow only patterns
 * of star height one (no quantified group that itself contains a quantifier or
 * an alternation), no backreferences and no lookbehind, and a small number of
 * unbounded quantifiers. The explainer also caps the text a pattern sees.
 */
export function unsafeReason(pattern: string): string | null {
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences are not allowed';
  if (/\(\?<[=!]/.test(pattern)) return 'lookbehind is not allowed';
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    return `not a valid regular expression (${(error as Error).message})`;
  }
  // Walk the pattern, tracking for each open group whether it holds a quantifier or "|".
  const stack: Array<{ risky: boolean }> = [];
  let unbounded = 0;
  let inClass = false;
  let lastGroupRisky = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      i++;
      lastGroupRisky = false;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      lastGroupRisky = false;
      continue;
    }
    if (ch === '(') {
      stack.push({ risky: false });
      continue;
    }
    if (ch === ')') {
      const group = stack.pop();
      lastGroupRisky = group?.risky ?? false;
      if (group?.risky && stack.length) stack[stack.length - 1]!.risky = true;
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '{' || next === '?';
      if (quantified && lastGroupRisky && next !== '?') return 'a repeated group may not contain a quantifier or "|" (exponential backtracking)';
      continue;
    }
    if (ch === '|') {
      if (stack.length) stack[stack.length - 1]!.risky = true;
      continue;
    }
    if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
      const bounded = ch === '?' || (ch === '{' && /^\{\d+(,\d+)?\}/.test(pattern.slice(i)));
      if (!bounded) unbounded++;
      if (stack.length && ch !== '?') stack[stack.length - 1]!.risky = true;
      if (ch === '{') i = pattern.indexOf('}', i);
      continue;
    }
    lastGroupRisky = false;
  }
  if (unbounded > 3) return 'more than three unbounded quantifiers (*, +, {n,}); split it into several patterns';
  return null;
}
