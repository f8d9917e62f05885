import { employerCost, employerNi, staffCost, DomainError, UnknownNameError } from "../../engine/index.js";

describe("employer National Insurance", () => {
  // 2025/26: 15% above £5,000 a year per employee.
  test.each([
    [0, 0],
    [4999.99, 0],
    [5000, 0],
    [5000.01, 0.0015],
    [40000, 5250],
  ])("2025/26 on £%f: £%f", (salary, ni) => {
    expect(employerNi(salary, "2025/26")).toBeCloseTo(ni, 10);
  });

  test("2024/25: 13.8% above £9,100 (docs/sources.md#employer-on-costs: £40,000 gives £4,264.20)", () => {
    expect(employerNi(40000, "2024/25")).toBeCloseTo(0.138 * 30900, 10);
    expect(employerNi(9100, "2024/25")).toBe(0);
  });

  test("at given rates", () => {
    expect(employerNi(30000, { rate: 0.1, threshold: 10000 })).toBe(2000);
  });

  test("2022/23: one rate for the year, 15.05% for 214 days and 13.8% for 151, above £9,100", () => {
    const blended = Math.round((0.1505 * 214 + 0.138 * 151) / 365 * 10000) / 10000;
    expect(employerNi(40000, "2022/23")).toBeCloseTo(blended * (40000 - 9100), 10);
  });

  test("a year the rates table does not hold is an unknown name with close matches", () => {
    expect(() => employerNi(30000, "2016/17")).toThrow(UnknownNameError);
  });

  test("a year that is not a financial year is out of domain", () => {
    expect(() => employerNi(30000, "2025")).toThrow(DomainError);
  });
});

describe("employer cost", () => {
  test("£40,000 in 2025/26 with LGPS 19.8%: £53,370 (docs/sources.md#employer-on-costs, worked example)", () => {
    // NI £5,250 + pension £7,920 + levy £200 on a £40,000 salary.
    expect(employerCost(40000, { year: "2025/26", pensionRate: 0.198 })).toBeCloseTo(53370, 10);
  });

  test("staff cost of one post with no vacancy is one employer cost", () => {
    expect(staffCost(1, 40000, { year: "2025/26", pensionRate: 0.198 })).toBeCloseTo(53370, 10);
  });

  test("vacancies covered by agency cost the employed rate plus the premium; uncovered ones cost nothing", () => {
    const employed = 53370;
    // 10 posts, 20% vacant, half the vacancies covered at a 40% premium:
    // 8 employed at £53,370, 1 agency at £53,170 (no levy) × 1.4, 1 uncovered.
    const agency = (40000 + 5250 + 7920) * 1.4;
    expect(staffCost(10, 40000, { year: "2025/26", pensionRate: 0.198, vacancyRate: 0.2, agencyShare: 0.5, agencyPremium: 0.4 })).toBeCloseTo(8 * employed + agency, 6);
  });

  test("rejects a vacancy rate above 1", () => {
    expect(() => staffCost(1, 40000, { vacancyRate: 1.5 })).toThrow(/vacancyRate: must be between 0 and 1/);
  });
});
