// Writes test/fixtures/illustrative-england-2025.csv (a test fixture: the national sweep runs on the published councils): 153 made-up councils whose totals and
// spreads match the published national and regional figures (docs/sources.md#dfe-workforce-and-demand).
// No row is a real council. Run after `npm run build` (it borrows the engine's normal quantile):
//   node scripts/illustrative-councils.mjs
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalQuantile, uniformAt } from "../dist/engine/index.js";

const COUNCILS = 153; // local authorities in the DfE children in need census 2024
const CASES = 321_661; // cases held at 30 Sep 2025, DfE workforce 2025 national row
const CASELOAD = { least: 9.7, most: 24.9, national: 15.2 }; // LA range 2020; national 2025
const VACANCY = { least: 0.08, most: 0.27, national: 0.142 }; // regional range 2017; national 2025
const AGENCY_COVER = 0.736; // share of vacancies covered by agency, DfE 2025 national row
const SIZE_SPREAD = 0.6; // assumption: sd of log council size
const SHUFFLE_SEED = 2025; // the project's own generator shuffles which council gets which rate

const rank = (i) => (i + 0.5) / COUNCILS;

// Sizes: lognormal quantiles at evenly spaced ranks, scaled to the national total, whole children
// by largest remainder so that they sum to it exactly.
const weights = Array.from({ length: COUNCILS }, (_, i) => Math.exp(SIZE_SPREAD * normalQuantile(rank(i))));
const totalWeight = weights.reduce((s, w) => s + w, 0);
const exact = weights.map((w) => (CASES * w) / totalWeight);
const children = exact.map(Math.floor);
const remainders = exact.map((x, i) => [x - children[i], i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
const shortfall = CASES - children.reduce((s, c) => s + c, 0);
for (let k = 0; k < shortfall; k++) children[remainders[k][1]]++;

// A shuffle of 0..n−1 keyed by the seed and a stream (Fisher–Yates on the counter-based generator).
function shuffled(stream) {
  const order = Array.from({ length: COUNCILS }, (_, i) => i);
  for (let i = COUNCILS - 1; i > 0; i--) {
    const j = Math.floor(uniformAt(SHUFFLE_SEED, stream, i) * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
const caseloadRank = shuffled(1);
const vacancyRank = shuffled(2);

const triangular = (least, mode, most, u) =>
  u < (mode - least) / (most - least) ? least + Math.sqrt(u * (most - least) * (mode - least)) : most - Math.sqrt((1 - u) * (most - least) * (most - mode));

// The parameter that makes a weighted mean hit its national figure, by bisection (the mean must rise with it).
function solve(lo, hi, valueAt, target) {
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (valueAt(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const round = (x, places) => Math.round(x * 10 ** places) / 10 ** places;
const caseloadsFor = (mode) => caseloadRank.map((r) => round(triangular(CASELOAD.least, mode, CASELOAD.most, rank(r)), 1));
// National caseload = all children ÷ all case-holders (each council's children ÷ its caseload).
const nationalCaseload = (loads) => CASES / children.reduce((s, c, i) => s + c / loads[i], 0);
const caseloadMode = solve(CASELOAD.least, CASELOAD.most, (m) => nationalCaseload(caseloadsFor(m)), CASELOAD.national);
const caseloads = caseloadsFor(caseloadMode);

// Vacancy rates weighted by posts (case-holders as the proxy), to the national rate.
const posts = children.map((c, i) => c / caseloads[i]);
// A triangular spread over 8%–27% cannot average as low as 14.2%, so the rates are least + range × rank^k,
// skewed toward the low end by the power k.
const vacanciesFor = (k) => vacancyRank.map((r) => round(VACANCY.least + (VACANCY.most - VACANCY.least) * rank(r) ** k, 3));
const nationalVacancy = (rates) => rates.reduce((s, v, i) => s + v * posts[i], 0) / posts.reduce((s, p) => s + p, 0);
// A larger power lowers the mean, so solve on its reciprocal.
const vacancyPower = 1 / solve(0.05, 20, (inverse) => nationalVacancy(vacanciesFor(1 / inverse)), VACANCY.national);
const vacancies = vacanciesFor(vacancyPower);

const lines = [
  "# ILLUSTRATIVE COUNCILS: made-up rows, not the figures of any real council. Use them to try a national",
  "# sweep; put your own councils' figures in a file of the same shape for anything that matters.",
  "#",
  "# 153 rows, one for each local authority in the DfE children in need census 2024 (docs/sources.md#dfe-workforce-and-demand), built so",
  "# that the totals and spreads match the published national and regional figures:",
  `# - council.children sums to ${CASES.toLocaleString("en-GB")}, the cases held at 30 Sep 2025 (DfE children's social work workforce`,
  "#   2025, national row); sizes are spread as lognormal quantiles with a log sd of 0.6 (an assumption;",
  "#   no table of council sizes was found);",
  `# - caseloads run from ${CASELOAD.least} to ${CASELOAD.most}, the range across councils at 30 Sep 2020 (Community Care, 26 Feb`,
  `#   2021), triangular, its mode set so that the national caseload is ${nationalCaseload(caseloads).toFixed(2)} (DfE 2025: ${CASELOAD.national});`,
  `# - vacancy rates run from ${VACANCY.least * 100}% to ${VACANCY.most * 100}%, the regional range at 30 Sep 2017 (Community Care, 15 Feb 2018),`,
  `#   skewed to the low end (8% + 19% × rank^${vacancyPower.toFixed(2)}) so that the rate weighted by case-holding posts is`,
  `#   ${(nationalVacancy(vacancies) * 100).toFixed(2)}% (DfE 2025: 14.2%);`,
  `# - ${AGENCY_COVER * 100}% of vacancies are covered by agency workers everywhere (DfE 2025 national row; no spread was found).`,
  "# Which council gets which caseload and vacancy rate is shuffled (an assumption that they are unrelated).",
  "# Rebuilt by scripts/illustrative-councils.mjs.",
  "name,council.children,council.vacancyRate,council.agencyCoverShare,council.caseload",
  ...children.map((c, i) => [`Illustrative council ${String(i + 1).padStart(3, "0")}`, c, vacancies[i], AGENCY_COVER, caseloads[i]].join(",")),
];
const out = fileURLToPath(new URL("../test/fixtures/illustrative-england-2025.csv", import.meta.url));
writeFileSync(out, `${lines.join("\n")}\n`);
console.log(`wrote ${out}: ${COUNCILS} councils, ${children.reduce((s, c) => s + c, 0)} children, caseload ${nationalCaseload(caseloads).toFixed(3)}, vacancy ${nationalVacancy(vacancies).toFixed(4)}`);
