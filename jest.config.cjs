// Jest runs the TypeScript sources directly, transpiled to CommonJS by ts-jest without type-checking
// (type-checking is the separate `tsc` step of `npm test`). Imports written with .js extensions map to
// the .ts files.
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
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
