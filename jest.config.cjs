// Jest runs the TypeScript sources directly, transpiled to CommonJS by ts-jest without type-checking
// (type-checking is the separate `tsc` step of `npm test`). Imports written with .js extensions map to
// the .ts files.
// Suites that need a program from outside npm are skipped, one line each, where it is missing (and the
// run fails under CI): see test/programs.cjs. The browser suites need Chromium throughout, so they are
// left out whole; the workbook suites skip only their LibreOffice tests, themselves.
const { findProgram, reportMissing } = require("./test/programs.cjs");
reportMissing();

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", ...(findProgram("chromium") ? [] : ["<rootDir>/test/browser/"])],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json", diagnostics: false }],
  },
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    "^socialcare-model$": "<rootDir>/node/index.ts",
    "^socialcare-model/engine$": "<rootDir>/engine/index.ts",
  },
  testTimeout: 60000,
};
