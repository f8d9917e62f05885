import { DomainError, InputError, ScenarioError, UnknownNameError } from "../../engine/index.js";

/**
 * Engine errors as Excel errors: bad input is #VALUE! with the message, an unknown preset, figure or
 * setting is #N/A with the message, a number outside a rule's domain is #NUM!. Excel shows the message
 * for #VALUE! and #N/A only.
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UnknownNameError) return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
  if (error instanceof DomainError) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, message);
  if (error instanceof InputError || error instanceof ScenarioError) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `unexpected error: ${message}`);
}
