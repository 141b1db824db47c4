/**
 * A unified-style line diff (longest common subsequence) for showing what a policy change does to
 * the text. Policies are a few hundred lines, so the quadratic table is small.
 */
export function lineDiff(a: string, b: string, nameA: string, nameB: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // Removals before additions on a tie, as unified diffs read.
      out.push(`-${i + 1}: ${x[i]}`);
      i++;
    } else {
      out.push(`+${j + 1}: ${y[j]}`);
      j++;
    }
  }
  return out.length ? `--- ${nameA}\n+++ ${nameB}\n${out.join('\n')}\n` : '';
}
