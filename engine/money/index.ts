export { MONEY_ROUNDING, roundMoney, roundTo, toPennies } from "./round.js";
export { allocate, allocatePennies, allocateTable, allocateTablePennies, fromPennies } from "./allocate.js";
export { toWholePounds, allocateWholePounds, allocateTableWholePounds, wholePoundsChange } from "./wholePounds.js";
