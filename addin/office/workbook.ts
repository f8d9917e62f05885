import type { WritePlan } from "./plan.js";

/**
 * What the pane needs from the document it lives in. `ExcelWorkbook` is the one implementation that
 * calls Office.js; the pane and its tests only see this interface.
 */
export interface WorkbookPort {
  /** "excel" inside Excel; "none" when the page runs outside Office (scenarios then last for the page only). */
  readonly host: "excel" | "none";
  /** A value stored in the workbook's document settings, or null. */
  readSetting(name: string): unknown;
  /** Stores a value in the document settings and saves them with the workbook. */
  writeSetting(name: string, value: unknown): Promise<void>;
  /** Writes sheets, tables and charts in a few batched requests. */
  write(plan: WritePlan, onProgress?: (done: number, total: number) => void): Promise<WriteReport>;
}

export interface WriteReport {
  sheets: string[];
  tables: number;
  charts: number;
  /** Round trips to Excel. */
  syncs: number;
}

/** Outside Office: settings kept in memory, writing refused with a clear message. */
export class DetachedWorkbook implements WorkbookPort {
  readonly host = "none" as const;
  private readonly settings = new Map<string, unknown>();
  readSetting(name: string): unknown {
    return this.settings.get(name) ?? null;
  }
  async writeSetting(name: string, value: unknown): Promise<void> {
    this.settings.set(name, structuredClone(value));
  }
  async write(): Promise<WriteReport> {
    throw new Error("Open the pane in Excel to write to a workbook.");
  }
}
