import { caseload, MODEL_VERSION } from "../../engine/index.js";
import { toExcelError } from "./excelErrors.js";

/**
 * The SOCIALCARE custom functions: thin wrappers over the engine. Each reads its arguments as Excel
 * sends them, calls one engine function, and turns an engine error into an Excel error with a message.
 */

/**
 * Children per case-holder: children ÷ case-holding FTE.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#caseload
 * @param children Children open to social care.
 * @param caseHoldingFte Full-time equivalent staff who hold cases.
 * @returns Children per case-holding FTE.
 */
export function CASELOAD(children: number, caseHoldingFte: number): number {
  try {
    return caseload(children, caseHoldingFte);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * The version of the model these functions compute with.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#version
 * @returns The model's version.
 */
export function VERSION(): string {
  return MODEL_VERSION;
}
