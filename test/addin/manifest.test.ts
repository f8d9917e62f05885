import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// manifest.xml checked offline: against the Office add-in manifest schemas with xmllint (Debian's
// libxml2-utils), and against the files a production build writes, for the development base URL and
// for another host. The online validator of office-addin-manifest cannot be reached from CI.

/** The schemas: $SOCIALCARE_MANIFEST_SCHEMAS, else ../shared/… beside the repository, else /work/shared/…. */
function schemaFolder(): string {
  const candidates = [process.env.SOCIALCARE_MANIFEST_SCHEMAS, resolve("../shared/schemas/office-manifest"), "/work/shared/schemas/office-manifest"].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(join(c, "OfficeAppManifestV1_1.xsd")));
  if (!found) throw new Error(`no Office manifest schemas found (looked in ${candidates.join(", ")}); set SOCIALCARE_MANIFEST_SCHEMAS`);
  return found;
}

function validate(file: string): { ok: boolean; output: string } {
  const run = spawnSync("xmllint", ["--noout", "--schema", join(schemaFolder(), "OfficeAppManifestV1_1.xsd"), file], { encoding: "utf8" });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}): install Debian's libxml2-utils`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** Every URL the manifest names (attributes and element text). */
function urls(manifest: string): string[] {
  return [...manifest.matchAll(/https:\/\/[^"<\s]+/g)].map((m) => m[0]);
}

/** Checks a built manifest: valid, every URL under the base URL and a file of the build, the AppDomain the base's origin. */
function checkBuild(folder: string, baseUrl: string): void {
  const manifestFile = join(folder, "manifest.xml");
  const result = validate(manifestFile);
  expect(result.output).toContain("validates");
  expect(result.ok).toBe(true);
  const manifest = readFileSync(manifestFile, "utf8");
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

test("the schemas are found (a missing folder fails, it does not skip)", () => {
  expect(existsSync(join(schemaFolder(), "TaskPaneAppVersionOverridesV1_0.xsd"))).toBe(true);
});

test("manifest.xml validates against the schemas", () => {
  const result = validate(resolve("manifest.xml"));
  expect(result.output).toContain("validates");
  expect(result.ok).toBe(true);
});

test("xmllint does catch a manifest out of order", () => {
  const manifest = readFileSync(resolve("manifest.xml"), "utf8");
  // Permissions moved before DefaultSettings: the schema's sequence wants it after.
  const broken = manifest.replace("<Permissions>ReadWriteDocument</Permissions>", "").replace("<DefaultSettings>", "<Permissions>ReadWriteDocument</Permissions><DefaultSettings>");
  expect(broken).not.toBe(manifest);
  const dir = mkdtempSync(join(tmpdir(), "socialcare-manifest-"));
  try {
    const file = join(dir, "manifest.xml");
    writeFileSync(file, broken);
    expect(validate(file).ok).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

test("the production build (npm run build) writes a manifest whose every URL is a file it wrote", () => {
  checkBuild(resolve("dist/addin"), "https://localhost:3000/");
});

describe("a production build for another host", () => {
  const base = "https://example.org/socialcare/";
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "socialcare-addin-"));
    execFileSync(resolve("node_modules/.bin/webpack"), ["--mode", "production", "--env", `baseUrl=${base}`, "--env", `outputPath=${folder}`], { stdio: "pipe", encoding: "utf8" });
  }, 300_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test("writes the base URL into the manifest and the help links, and every URL is a file it wrote", () => {
    checkBuild(folder, base);
  });

  test("leaves no trace of the development server", () => {
    expect(readFileSync(join(folder, "manifest.xml"), "utf8")).not.toContain("localhost");
    expect(readFileSync(join(folder, "functions.json"), "utf8")).not.toContain("localhost");
  });
});
