/**
 * One year's NJC pay award on a salary: a flat sum for salaries at or below `flatUpTo` (when the award
 * has one), a percentage otherwise. Salaries and the transition's money are carried year by year with it.
 */
export function payAwardCore(salary: number, flat: number, flatUpTo: number, percent: number): number {
  return flat > 0 && salary <= flatUpTo ? salary + flat : salary * (1 + percent);
}
