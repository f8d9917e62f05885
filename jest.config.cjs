// Jest runs the TypeScript sources directly (compiled by SWC to CommonJS; type-checking is the
// separate `tsc` step of `npm test`). Imports written with .js extensions map to the .ts files.
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.(t|j)s$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }],
  },
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    "^socialcare-model$": "<rootDir>/node/index.ts",
    "^socialcare-model/engine$": "<rootDir>/engine/index.ts",
  },
  testTimeout: 60000,
};
