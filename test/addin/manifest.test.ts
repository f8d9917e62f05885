import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { validateXML } from "xmllint-wasm";

// manifest.xml checked offline: against the Office add-in manifest schemas kept in the repository
// (addin/manifest-schemas/, with their licence note) by libxml2 compiled to WebAssembly, so no program
// from outside npm is needed; and against the files a production build writes, for the development base
// URL and for another host. The online validator (npm run validate) is not run by the tests.

const SCHEMAS = resolve("addin/manifest-schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

async function validate(manifest: string): Promise<{ ok: boolean; output: string }> {
  // The main schema imports the others by file name: they are loaded beside it.
  const preload = readdirSync(SCHEMAS)
    .filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA)
    .map((fileName) => ({ fileName, contents: readFileSync(join(SCHEMAS, fileName), "utf8") }));
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: manifest }],
    schema: [{ fileName: MAIN_SCHEMA, contents: readFileSync(join(SCHEMAS, MAIN_SCHEMA), "utf8") }],
    preload,
  });
  return { ok: result.valid, output: result.rawOutput };
}

/** Every URL the manifest names (attributes and element text). */
function urls(manifest: string): string[] {
  return [...manifest.matchAll(/https:\/\/[^"<\s]+/g)].map((m) => m[0]);
}

/** Checks a built manifest: valid, every URL under the base URL and a file of the build, the AppDomain the base's origin. */
async function checkBuild(folder: string, baseUrl: string): Promise<void> {
  const manifest = readFileSync(join(folder, "manifest.xml"), "utf8");
  const result = await validate(manifest);
  expect(result.output).toContain("validates");
  expect(result.ok).toBe(true);
  const origin = new URL(baseUrl).origin;
  const found = urls(manifest).filter((u) => !u.startsWith("https://appsforoffice.microsoft.com"));
  expect(found.length).toBeGreaterThan(8);
  for (const url of found) {
    if (url === origin) continue; // the AppDomain
    expect(url.startsWith(baseUrl)).toBe(true);
    const file = join(folder, url.slice(baseUrl.length).split("#")[0]!);
    expect(existsSync(file) ? url : `${url} → missing ${file}`).toBe(url);
  }
  expect(manifest).toContain(`<AppDomain>${origin}</AppDomain>`);
  // The help links Excel shows for each function point at the same host, at a section help.html has.
  const functionsJson = JSON.parse(readFileSync(join(folder, "functions.json"), "utf8")) as { functions: { id: string; helpUrl: string }[] };
  const help = readFileSync(join(folder, "help.html"), "utf8");
  for (const f of functionsJson.functions) {
    expect(f.helpUrl).toBe(`${baseUrl}help.html#${f.id.toLowerCase()}`);
    expect(help).toMatch(new RegExp(`id="?${f.id.toLowerCase()}"?[ >]`));
  }
}

test("the schemas are in the repository, each schema an import names among them", () => {
  const main = readFileSync(join(SCHEMAS, MAIN_SCHEMA), "utf8");
  const imported = [...main.matchAll(/schemaLocation="([^"]+)"/g)].map((m) => m[1]!);
  expect(imported.length).toBeGreaterThan(2);
  for (const file of imported) expect(existsSync(join(SCHEMAS, file)) ? file : `${file} missing`).toBe(file);
});

test("manifest.xml validates against the schemas", async () => {
  const result = await validate(readFileSync(resolve("manifest.xml"), "utf8"));
  expect(result.output).toContain("validates");
  expect(result.ok).toBe(true);
});

test("the validation does catch a manifest out of order", async () => {
  const manifest = readFileSync(resolve("manifest.xml"), "utf8");
  // Permissions moved before DefaultSettings: the schema's sequence wants it after.
  const broken = manifest.replace("<Permissions>ReadWriteDocument</Permissions>", "").replace("<DefaultSettings>", "<Permissions>ReadWriteDocument</Permissions><DefaultSettings>");
  expect(broken).not.toBe(manifest);
  const result = await validate(broken);
  expect(result.ok).toBe(false);
  expect(result.output).toContain("Permissions");
});

test("the manifest declares what the add-in needs: Workbook, shared runtime first in its Host, SOCIALCARE, a ribbon button, icons, ReadWriteDocument", () => {
  const m = readFileSync(resolve("manifest.xml"), "utf8");
  expect(m).toContain('<Host Name="Workbook"/>');
  expect(m).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
  expect(m).toMatch(/<Host xsi:type="Workbook">\s*<Runtimes>\s*<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
  expect(m).toContain('<bt:String id="Functions.Namespace" DefaultValue="SOCIALCARE"/>');
  expect(m).toMatch(/<Action xsi:type="ShowTaskpane">/);
  for (const size of [16, 32, 80]) expect(m).toContain(`<bt:Image size="${size}" resid="Icon.${size}x${size}"/>`);
  expect(m).toContain("<Permissions>ReadWriteDocument</Permissions>");
});

test("the production build (npm run build) writes a manifest whose every URL is a file it wrote", async () => {
  await checkBuild(resolve("dist/addin"), "https://localhost:3000/");
});

describe("a production build for another host", () => {
  const base = "https://example.org/socialcare/";
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "socialcare-addin-"));
    execFileSync(resolve("node_modules/.bin/webpack"), ["--mode", "production", "--env", `baseUrl=${base}`, "--env", `outputPath=${folder}`], { stdio: "pipe", encoding: "utf8" });
  }, 300_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test("writes the base URL into the manifest and the help links, and every URL is a file it wrote", async () => {
    await checkBuild(folder, base);
  });

  test("leaves no trace of the development server", () => {
    expect(readFileSync(join(folder, "manifest.xml"), "utf8")).not.toContain("localhost");
    expect(readFileSync(join(folder, "functions.json"), "utf8")).not.toContain("localhost");
  });
});
