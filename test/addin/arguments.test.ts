import { metricTable, numberFromText, optionalPreset, optionalWholeNumber, overrides, percentile, readYear, resolveOverrides, series, wholeNumber } from "../../addin/functions/arguments.js";
import { listSettings, loadPreset } from "../../engine/index.js";

describe("numbers stored as text, read as Excel reads them", () => {
  test.each([
    ["12", 12],
    [" 12 ", 12],
    ["-12.5", -12.5],
    ["+3", 3],
    ["1,200", 1200],
    ["1,234,567.89", 1234567.89],
    ["£30,000", 30000],
    ["-£250", -250],
    ["£-250", -250],
    ["$5", 5],
    ["15%", 0.15],
    ["12.5 %", 0.125],
    ["(250)", -250],
    ["(£1,000.50)", -1000.5],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["2.5E-2", 0.025],
  ])("%p is %p", (text, value) => {
    expect(numberFromText(text)).toBe(value);
  });

  test.each(["", " ", "abc", "12abc", "1,20", "1,2345", "12,", "--5", "(5", "5)", "(-5)", "+-5", ".", "%", "£", "1e", "2025/26", "TRUE", "1 2"])("%p is not a number", (text) => {
    expect(numberFromText(text)).toBeUndefined();
  });
});

describe("financial years", () => {
  test.each([
    ["2025/26", "2025/26"],
    [" 2025/26 ", "2025/26"],
    ["2025-26", "2025/26"],
    ["2025/2026", "2025/26"],
    ["1999/00", "1999/00"],
    ["2025", "2025/26"],
    [2025, "2025/26"],
    [1999, "1999/00"],
    [null, undefined],
    ["", undefined],
    [[[2024]], "2024/25"],
  ])("%p is %p", (value, year) => {
    expect(readYear("year", value)).toBe(year);
  });

  test.each([
    ["2025/27", 'year: must be a financial year such as "2025/26" or the year it starts in (2025), got "2025/27"'],
    ["2025/2027", 'year: must be a financial year such as "2025/26" or the year it starts in (2025), got "2025/2027"'],
    [true, 'year: must be a financial year such as "2025/26" or the year it starts in (2025), got TRUE'],
    [25, 'year: must be a financial year such as "2025/26" or the year it starts in (2025), got 25'],
  ])("%p is refused", (value, message) => {
    expect(() => readYear("year", value)).toThrow(message);
  });
});

describe("a series of yearly amounts from a range", () => {
  const read = series("cashFlows", "cash flows").read;
  test.each([
    ["a row", [[1, 2, 3]], [1, 2, 3]],
    ["a column", [[1], [2], [3]], [1, 2, 3]],
    ["a block, row by row", [[1, 2], [3, 4]], [1, 2, 3, 4]],
    ["one value given directly", 7, [7]],
    ["empty cells inside are years of 0", [[null, 1, "", 2]], [0, 1, 0, 2]],
    ["empty cells after the last number are dropped", [[1, 2, null, "", undefined]], [1, 2]],
    ["zeros at the end are kept (a zero is a value)", [[1, 0, 0]], [1, 0, 0]],
  ])("%s", (_name, value, expected) => {
    expect(read(value)).toEqual(expected);
  });
});

describe("overrides from a range of setting and value", () => {
  const read = overrides("overrides").read;

  test("two columns, one setting a row; empty rows skipped", () => {
    const list = read([["council.children", 3000], [null, null], ["council.vacancyRate", "10%"]]);
    expect(list.pairs).toEqual([["council.children", 3000], ["council.vacancyRate", "10%"]]);
  });

  test("two rows are read across", () => {
    expect(read([["council.children", "council.vacancyRate", "finance.year"], [3000, 0.1, "2025/26"]]).pairs).toEqual([
      ["council.children", 3000],
      ["council.vacancyRate", 0.1],
      ["finance.year", "2025/26"],
    ]);
  });

  test("left out or empty: no overrides", () => {
    expect(read(null).pairs).toEqual([]);
    expect(read(undefined).pairs).toEqual([]);
    expect(read([[null, null]]).pairs).toEqual([]);
    expect(read([["council.children", 5], [0, 0]]).pairs).toEqual([["council.children", 5]]); // an empty row as Excel on Windows passes it
  });

  test("the cache key tells apart what differs and only that", () => {
    const key = (v: unknown) => read(v).key;
    expect(key([["council.children", 3000]])).toBe(key([["council.children", 3000], [null, null]]));
    expect(key([["council.children", 3000]])).not.toBe(key([["council.children", "3000"]]));
    expect(key([["council.children", 3000]])).not.toBe(key([["council.children", 3001]]));
    expect(key([["a", 1], ["b", 2]])).not.toBe(key([["b", 2], ["a", 1]])); // order can matter (a new sizing rule, then its value)
  });

  test("values are read by the kind of the setting they change", () => {
    const settings = listSettings(loadPreset("blueprint"));
    const list = read([
      ["COUNCIL.CHILDREN", "3,000"],
      ["council.vacancyRate", "12%"],
      ["structure.tiers.socialWorker.holdsCases", "yes"],
      ["finance.year", 2025],
      ["structure.tiers.socialWorker.name", 42],
      ["structure.tiers.strategy.childrenPerWorker", "20"],
    ]);
    expect(resolveOverrides(list, settings)).toEqual([
      ["council.children", 3000],
      ["council.vacancyRate", 0.12],
      ["structure.tiers.socialWorker.holdsCases", true],
      ["finance.year", "2025/26"],
      ["structure.tiers.socialWorker.name", "42"],
      // Not a setting of this preset (a new sizing rule for the tier): passed on, a number read as one.
      ["structure.tiers.strategy.childrenPerWorker", 20],
    ]);
  });
});

describe("percentiles, as PERCENTILE.INC takes them", () => {
  const read = percentile("percentile").read;
  test.each([
    [0, 0],
    [1, 1],
    [0.95, 0.95],
    ["95%", 0.95],
    ["0.5", 0.5],
    [[[0.1]], 0.1],
  ])("%p is %p", (value, p) => {
    expect(read(value)).toBe(p);
  });

  test.each([95, 1.01, -0.01, "95"])("%p is refused: a percentile is from 0 to 1", (value) => {
    expect(() => read(value)).toThrow(/^percentile: must be from 0 to 1, as PERCENTILE.INC takes it/);
  });
});

describe("whole numbers in a range (draws, seeds)", () => {
  test("from the least to the greatest, fractions refused", () => {
    const draws = wholeNumber("draws", 1, 1_000_000).read;
    expect(draws(1)).toBe(1);
    expect(draws("10,000")).toBe(10000);
    expect(draws(1_000_000)).toBe(1_000_000);
    expect(() => draws(1_000_001)).toThrow("draws: must be a whole number from 1 to 1,000,000, got 1000001");
    expect(() => draws(2.5)).toThrow("draws: must be a whole number from 1 to 1,000,000, got 2.5");
    expect(() => draws(null)).toThrow("draws: must be a whole number from 1 to 1,000,000, got 0");
  });

  test("an optional one left out is undefined; 0 given is 0", () => {
    const seed = optionalWholeNumber("seed", 0, 10).read;
    expect(seed(null)).toBeUndefined();
    expect(seed("")).toBeUndefined();
    expect(seed(0)).toBe(0);
    expect(() => seed(11)).toThrow("seed: must be a whole number from 0 to 10, got 11");
  });
});

describe("an optional preset", () => {
  const read = optionalPreset("baseline").read;
  test("left out, empty, or 0 (an empty cell on Windows: no preset is named 0) is none", () => {
    expect(read(null)).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
    expect(read("")).toBeUndefined();
    expect(read(0)).toBeUndefined();
    expect(read([[null]])).toBeUndefined();
  });
  test("a name in any case is the preset's id", () => {
    expect(read("Baseline-2018")).toBe("baseline-2018");
    expect(() => read("baseline-2019")).toThrow('unknown preset "baseline-2019"; did you mean "baseline-2018"?');
  });
});

describe("a health check table from a range", () => {
  const read = metricTable("metrics").read;

  test("cells are passed on in place (the engine's row numbers are the range's)", () => {
    const cells = [["Metric", 2025], ["Vacancy rate", 0.16], ["averagecaseload", "n/a"]];
    expect(read(cells)).toEqual(cells);
  });

  test("rows of zeros, zeros in the header and zeros under no heading are empty cells, as Excel on Windows passes them; zero values under a year are kept", () => {
    expect(read([[0, 0, 0], ["Metric", 2025, 0], ["Unallocated cases", 0, 0], [0, 0, 0]])).toEqual([
      [null, null, null],
      ["Metric", 2025, null],
      ["Unallocated cases", 0, null],
      [null, null, null],
    ]);
  });

  test("a value other than 0 under no heading is passed on, for the engine to report", () => {
    expect(read([["Metric", 2025, null], ["Unallocated cases", 0, 0.5]])).toEqual([
      ["Metric", 2025, null],
      ["Unallocated cases", 0, 0.5],
    ]);
  });

  test("an unknown metric is named with its row and the close matches, by label", () => {
    expect(() => read([["Metric", 2025], ["Vacancy rate", 0.1], ["sickness", 0.04]])).toThrow('row 3: unknown metric "sickness"; did you mean "Sickness absence"?');
    expect(() => read([[null, null], ["Metric", 2025], ["zzz", 1]])).toThrow(/^row 3: unknown metric "zzz"$/);
  });

  test("under a header the engine will refuse, the names are left for the engine to report with it", () => {
    expect(read([["Measure", 2025], ["zzz", 1]])).toEqual([["Measure", 2025], ["zzz", 1]]);
  });
});
