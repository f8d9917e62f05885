// Programs from outside npm that some suites need: Chromium for the task pane's browser tests and
// LibreOffice for recalculating exported workbooks. Each is found through its environment variable, on
// the PATH, or (Chromium) where Playwright installs its own browser. Where one is missing, the tests that
// need it are skipped and one line names it and how to install it, so `npm test` passes on a machine
// with only Node; under CI (CI set) a missing program fails the run instead, so CI still proves
// everything. Plain CommonJS, because jest.config.cjs reads it before any TypeScript is compiled.
const { existsSync, statSync } = require("node:fs");
const { delimiter, join } = require("node:path");

/** What each program is, where to look, which tests need it and how a user gets it. */
const PROGRAMS = {
  chromium: {
    name: "Chromium",
    env: "CHROMIUM_PATH",
    commands: ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"],
    needs: "the task pane's browser tests (test/browser/)",
    install: "Debian: sudo apt-get install chromium; macOS: brew install --cask chromium; Windows: winget install Google.Chrome; anywhere: npx playwright install chromium; or set CHROMIUM_PATH",
  },
  libreoffice: {
    name: "LibreOffice",
    env: "SOFFICE_PATH",
    commands: ["soffice", "libreoffice"],
    needs: "the workbook recalculation tests (test/workbook/)",
    install: "Debian: sudo apt-get install libreoffice-calc; macOS: brew install --cask libreoffice, then SOFFICE_PATH=/Applications/LibreOffice.app/Contents/MacOS/soffice; Windows: winget install TheDocumentFoundation.LibreOffice, then add its program folder to PATH; or set SOFFICE_PATH",
  },
};

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first of these commands found on the PATH (with Windows' executable extensions). */
function onPath(commands) {
  const folders = (process.env.PATH || "").split(delimiter).filter(Boolean);
  const extensions = process.platform === "win32" ? (process.env.PATHEXT || ".EXE").split(";") : [""];
  for (const command of commands) {
    for (const folder of folders) {
      for (const ext of extensions) {
        const candidate = join(folder, command + ext);
        if (isFile(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

/** Where Playwright installs its own Chromium (npx playwright install chromium), if it is there. */
function playwrightChromium() {
  try {
    const path = require("playwright-core").chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The program's path, or undefined when it is missing. A variable that is set decides alone: a path
 * that does not exist there means missing, so a user (or a test) can point it at nothing.
 */
function findProgram(key) {
  const program = PROGRAMS[key];
  const fromEnv = process.env[program.env];
  if (fromEnv !== undefined && fromEnv !== "") return isFile(fromEnv) ? fromEnv : undefined;
  return onPath(program.commands) || (key === "chromium" ? playwrightChromium() : undefined);
}

/** The one line a user sees for a missing program (under CI: the reason the run fails). */
function missingLine(key, ci = false) {
  const p = PROGRAMS[key];
  return `${p.name} not found: ${ci ? "needed by" : "skipping"} ${p.needs}. Install it (${p.install}).`;
}

/** Under CI a missing program is an error; elsewhere the user is told in one line. */
function reportMissing(write = (line) => process.stderr.write(`${line}\n`)) {
  const missing = Object.keys(PROGRAMS).filter((key) => !findProgram(key));
  if (missing.length > 0 && process.env.CI) {
    throw new Error(`CI is set, so every suite must run. ${missing.map((k) => missingLine(k, true)).join(" ")}`);
  }
  for (const key of missing) write(missingLine(key));
  return missing;
}

module.exports = { PROGRAMS, findProgram, missingLine, reportMissing };
