/**
 * QCU and QCM validators (§1.5). QCU: exact string equality with the solution ("2").
 * QCM: comma-separated lists compared as sets of trimmed items ("3, 1" ≡ "1,3"); no partial credit.
 */

export function matchQcu(answer: string, solution: string): boolean {
  return answer === solution;
}

function csvItems(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .sort();
}

export function matchQcm(answer: string, solution: string): boolean {
  const a = csvItems(answer);
  const b = csvItems(solution);
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
