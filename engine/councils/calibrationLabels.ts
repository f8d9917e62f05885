/**
 * The calibration's three measures and what each sets beside what, apart from the rule
 * (calibration.ts) so a face can name them without carrying the council table.
 */

export const CALIBRATION_MEASURES = ["employees", "total", "agency"] as const;
export type CalibrationMeasureName = (typeof CALIBRATION_MEASURES)[number];

/** What each measure sets beside what, for every face to say the same. */
export const CALIBRATION_LABELS: Record<CalibrationMeasureName, { model: string; published: string }> = {
  employees: {
    model: "employed staff: pay, employer NI, pension and apprenticeship levy of the posts filled by employees",
    published: "RO3 2024-25, safeguarding children and young people's services, employees (C1)",
  },
  total: {
    model: "run cost: employed and agency staff, agency premium and non-pay overheads",
    published: "RO3 2024-25, safeguarding children and young people's services, total expenditure (C3)",
  },
  agency: {
    model: "agency workers covering vacancies: the employed cost of the posts they fill plus the agency premium",
    published: "RO3 2024-25, children's social care, agency staff cost memorandum item (all children's social care)",
  },
};

