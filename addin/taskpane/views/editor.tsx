import { listSettings, loadPreset, QUANTITY_MEANINGS_FOR_PANE, RESERVED_QUANTITIES_FOR_PANE, settingLabel, type Issue, type Scenario, type Setting } from "./editorEngine.js";
import type { Controller } from "../controller.js";
import { checkDraft, getAtPath, groupIssues, issueInWords, issuesAt, settingsWithinHorizon, shownText, sizingOf, SIZING_RULES, textOf, type SizingKey } from "../model/draft.js";
import { findUser, presetRef, type ScenarioRef, type UserScenario } from "../model/library.js";
import { formatValue, unitLabel } from "../model/format.js";
import type { PaneState } from "../store.js";
import { IssueList, MessageBar } from "./common.js";
import { Headlines } from "./results.js";

/** The groups of a scenario, as the scenario file is laid out. */
const GROUPS: { id: string; title: string }[] = [
  { id: "council", title: "Council" },
  { id: "structure", title: "Structure" },
  { id: "timeUse", title: "Time use" },
  { id: "finance", title: "Finance" },
  { id: "transition", title: "Transition drivers" },
];

const presetSettings = new Map<string, Map<string, Setting>>();
/** The settings of a preset by key: the defaults shown beside each field. */
function defaultsOf(presetId: string | null): Map<string, Setting> | null {
  if (!presetId) return null;
  let found = presetSettings.get(presetId);
  if (!found) {
    try {
      found = new Map(listSettings(loadPreset(presetId)).map((s) => [s.key, s]));
    } catch {
      return null;
    }
    presetSettings.set(presetId, found);
  }
  return found;
}

const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, "_")}`;

function sourceOf(setting: Setting | undefined, draftValue: unknown, path: string, input: Record<string, unknown>): string {
  // A value the user changed records that in the draft; otherwise the setting's own source.
  const raw = rawAt(input, path);
  if (raw && typeof raw === "object" && "source" in raw) return String((raw as { source: unknown }).source);
  if (raw && typeof raw === "object" && "assumption" in raw) return `Assumption: ${String((raw as { assumption: unknown }).assumption)}`;
  if (setting?.provenance?.source) return setting.provenance.source;
  if (setting?.provenance?.assumption) return `Assumption: ${setting.provenance.assumption}`;
  return draftValue === undefined ? "" : "No source recorded";
}

/** The draft's entry at a path without unwrapping its `{ value, source }` note. */
function rawAt(input: Record<string, unknown>, path: string): unknown {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  const last = parts.pop()!;
  const parent = getAtPath(input, parts.join("."));
  if (!parent || typeof parent !== "object") return undefined;
  return (parent as Record<string, unknown>)[last];
}

interface FieldProps {
  c: Controller;
  user: UserScenario;
  setting: Setting;
  /** The scenario the settings were listed from, for labels that name a tier, a year or a category. */
  scenario: Scenario | undefined;
  issues: Issue[];
  defaults: Map<string, Setting> | null;
}

function SettingField({ c, user, setting, scenario, issues, defaults }: FieldProps) {
  const ref = `user:${user.id}`;
  const path = setting.path;
  const value = getAtPath(user.input, path);
  const own = issuesAt(issues, path);
  const id = fieldId(path);
  const errorId = `${id}-error`;
  const infoId = `${id}-info`;
  // The name and description are the user's own: no preset value beside them.
  const preset = setting.key === "name" || setting.key === "description" ? undefined : defaults?.get(setting.key);
  const source = sourceOf(setting, value, path, user.input);
  const showSource = setting.kind === "number" || (source !== "" && source !== "No source recorded");
  const differs = preset !== undefined && preset.value !== value;
  const describedBy = [own.length ? errorId : "", infoId].filter(Boolean).join(" ");
  const label = (
    <label class="field-label" for={id}>
      {scenario ? settingLabel(setting, scenario) : setting.label}
      {setting.unit ? <span class="unit"> ({unitLabel(setting.unit)})</span> : null}
    </label>
  );
  let control;
  if (setting.kind === "boolean") {
    control = (
      <input id={id} type="checkbox" class="checkbox-input" checked={value === true} aria-invalid={own.length > 0} aria-describedby={describedBy} onChange={(e) => c.editField(ref, path, (e.target as HTMLInputElement).checked, "boolean")} />
    );
  } else if (setting.kind === "choice") {
    const words = CHOICE_WORDS[setting.key] ?? {};
    control = (
      <select id={id} class="select" value={String(value ?? "")} aria-invalid={own.length > 0} aria-describedby={describedBy} onChange={(e) => c.editField(ref, path, (e.target as HTMLSelectElement).value, "choice")}>
        {value === undefined ? <option value="">(none)</option> : null}
        {(setting.choices ?? []).map((choice) => (
          <option value={choice}>{words[choice] ?? choice}</option>
        ))}
      </select>
    );
  } else if (setting.key === "structure.teams.of") {
    // the tier teams are made of, by name
    const tiers = ((getAtPath(user.input, "structure.tiers") as Record<string, unknown>[] | undefined) ?? []).filter((t) => t.holdsCases === true);
    control = (
      <select id={id} class="select" value={String(value ?? "")} aria-invalid={own.length > 0} aria-describedby={describedBy} onChange={(e) => c.editField(ref, path, (e.target as HTMLSelectElement).value, "text")}>
        <option value="caseHolders">{quantityWords("caseHolders")}: every case-holding tier</option>
        {tiers.map((t) => (
          <option value={String(t.id)}>{String(t.name ?? t.id)}</option>
        ))}
        {value === "caseHolders" || tiers.some((t) => String(t.id) === value) ? null : <option value={String(value ?? "")}>{String(value ?? "")}</option>}
      </select>
    );
  } else if (setting.key === "description") {
    control = (
      <textarea id={id} class="input" rows={3} value={shownText(user.typed, path, value)} aria-describedby={describedBy} onInput={(e) => c.editField(ref, path, (e.target as HTMLTextAreaElement).value, "text")} />
    );
  } else {
    control = (
      <input
        id={id}
        class="input"
        type="text"
        inputMode={setting.kind === "number" ? "decimal" : undefined}
        value={shownText(user.typed, path, value, setting.unit)}
        aria-invalid={own.length > 0}
        aria-describedby={describedBy}
        onInput={(e) => c.editField(ref, path, (e.target as HTMLInputElement).value, setting.kind, setting.unit)}
      />
    );
  }
  return (
    <div class={`field ${own.length ? "invalid" : ""}`} data-path={path}>
      {label}
      {control}
      {own.length > 0 ? (
        <div class="field-error" id={errorId} role="alert">
          {own.map((i) => issueInWords(i, user.input).reason).join("; ")}
        </div>
      ) : null}
      <div class="field-info" id={infoId}>
        {showSource ? <span class="field-source">Source: {source}</span> : null}
        {preset ? (
          <span class="field-default">
            {" "}
            Preset value: {formatValue(preset.value as number | string | boolean | null, preset.unit)}
            {differs ? (
              <button type="button" class="link reset" onClick={() => c.editField(ref, path, typeof preset.value === "boolean" ? preset.value : textOf(preset.value, setting.unit), setting.kind, setting.unit)} aria-label={`Reset ${scenario ? settingLabel(setting, scenario) : setting.label} to the preset value`}>
                Reset
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** The words a director would use for a tier's role and for the choices the schema lists. */
const ROLE_WORDS: Record<string, string> = { practitioner: "Practitioner", manager: "Manager", support: "Support staff", clinician: "Clinician" };
const CHOICE_WORDS: Record<string, Record<string, string>> = {
  "structure.teams.rounding": { up: "Count a part team as a whole one", none: "Leave teams as fractions" },
};

/** A text field of a tier's card: the field, its kind, the label a screen reader hears (after the tier's name), the label shown, its layout. */
interface TierText {
  field: string;
  kind: Setting["kind"];
  label: string;
  shown: string;
  numeric?: boolean;
  wide?: boolean;
}
const TIER_NAME: TierText = { field: "name", kind: "text", label: "Tier name", shown: "Name", wide: true };
const TIER_SALARY: TierText = { field: "salary", kind: "number", label: "Salary (£ a year)", shown: "Salary (£ a year)", numeric: true };
const TIER_ID: TierText = { field: "id", kind: "text", label: "Tier id", shown: "Short id (used in formulas and files)" };
/** The text fields of each way of setting a tier's posts (a span's "of" is a select of its own). */
const TIER_SIZING: Record<SizingKey, TierText[]> = {
  fte: [{ field: "fte", kind: "number", label: "FTE (fixed)", shown: "Posts (FTE)", numeric: true }],
  childrenPerWorker: [
    { field: "childrenPerWorker", kind: "number", label: "Caseload target (children per worker)", shown: "Children each", numeric: true },
    { field: "shareOfChildren", kind: "number", label: "Share of children held", shown: "Share of the children it holds", numeric: true },
  ],
  span: [{ field: "span.per", kind: "number", label: "One post per (FTE)", shown: "How many (the span)", numeric: true }],
  expression: [{ field: "expression", kind: "text", label: "Sizing expression", shown: "Posts = (a formula)", wide: true }],
};

/** A quantity a span may count, in words (the tier names come from the scenario). */
function quantityWords(id: string): string {
  const meaning = QUANTITY_MEANINGS_FOR_PANE[id as keyof typeof QUANTITY_MEANINGS_FOR_PANE];
  return meaning ? meaning.replace(/\s*\(.*\)$/, "").replace(/^./, (ch) => ch.toUpperCase()) : id;
}

/**
 * The tiers, one card each: every field labelled in words, laid out in as many columns as the pane's
 * width allows (one at pane width), tiers named rather than given by id.
 */
function TierCards(props: { c: Controller; state: PaneState; user: UserScenario; issues: Issue[]; defaults: Map<string, Setting> | null; settings: Setting[] }) {
  const { c, state, user, issues } = props;
  const ref = `user:${user.id}`;
  const tiers = (getAtPath(user.input, "structure.tiers") as Record<string, unknown>[] | undefined) ?? [];
  const ids = tiers.map((t) => String(t.id ?? ""));
  const nameOfId = (id: string) => String(tiers.find((t) => String(t.id) === id)?.name ?? id);
  const computed = state.results.analysis?.results.find((r) => r.ref === ref)?.result.structure.tiers;
  const cellIssue = (i: number, field: string) => issuesAt(issues, `structure.tiers[${i}].${field}`);
  const errors = (i: number, field: string) => (cellIssue(i, field).length ? <div class="field-error" role="alert">{cellIssue(i, field).map((x) => issueInWords(x, user.input).reason).join("; ")}</div> : null);
  // a field's source and preset value, listed under the card's one "Sources" fold so the card stays short
  const infoOf = (i: number, field: string): string => {
    const path = `structure.tiers[${i}].${field}`;
    const setting = props.settings.find((x) => x.path === path);
    if (!setting) return "";
    const preset = props.defaults?.get(setting.key);
    const source = sourceOf(setting, getAtPath(user.input, path), path, user.input);
    return [source && source !== "No source recorded" ? source : "", preset ? `preset value ${formatValue(preset.value as number, preset.unit)}` : ""].filter(Boolean).join("; ");
  };
  const text = (i: number, f: TierText, tierName: string) => {
    const path = `structure.tiers[${i}].${f.field}`;
    const own = cellIssue(i, f.field);
    const setting = props.settings.find((x) => x.path === path);
    const id = fieldId(path);
    return (
      <div class={`field tier-field ${f.wide ? "wide" : ""} ${own.length ? "invalid" : ""}`} data-path={path}>
        <label class="field-label" for={id}>
          {f.shown}
        </label>
        <input
          id={id}
          class={`input ${f.numeric ? "numeric" : ""}`}
          type="text"
          inputMode={f.numeric ? "decimal" : undefined}
          aria-label={`${tierName}: ${f.label}`}
          aria-invalid={own.length > 0}
          value={shownText(user.typed, path, getAtPath(user.input, path), setting?.unit)}
          onInput={(e) => c.editField(ref, path, (e.target as HTMLInputElement).value, f.kind, setting?.unit)}
        />
        {errors(i, f.field)}
      </div>
    );
  };
  return (
    <div class="tier-cards">
      {tiers.map((tier, i) => {
        const name = String(tier.name ?? `Tier ${i + 1}`);
        const sizing = sizingOf(tier);
        const whole = issues.filter((x) => x.path === `structure.tiers[${i}]`);
        const fte = computed?.find((t) => t.id === tier.id)?.fte;
        const selectId = (field: string) => fieldId(`structure.tiers[${i}].${field}`);
        const sizingFields = TIER_SIZING[sizing] ?? [];
        const sources = [TIER_NAME, TIER_SALARY, ...sizingFields, TIER_ID].map((f): [string, string] => [f.shown, infoOf(i, f.field)]).filter(([, said]) => said !== "");
        return (
          // folded to one line each (the first open, and any with a problem), so the list stays short at pane width
          <details class="tier-card" key={`t${i}`} data-tier={String(tier.id)} open={i === 0 || issues.some((x) => x.path.startsWith(`structure.tiers[${i}]`)) ? true : undefined}>
            <summary class="tier-card-title">
              {name}
              <span class="tier-card-fte">
                {fte === undefined ? "" : ` · ${formatValue(fte, "FTE")} FTE now`}
                {typeof tier.salary === "number" ? ` · ${formatValue(tier.salary, "£ a year")} a year` : ""}
              </span>
            </summary>
            <div role="group" aria-label={name}>
            {whole.length ? (
              <div class="field-error" role="alert">
                {whole.map((x) => issueInWords(x, user.input).reason).join("; ")}
              </div>
            ) : null}
            <div class="tier-grid">
              {text(i, TIER_NAME, name)}
              <div class="field tier-field">
                <label class="field-label" for={selectId("reportsTo")}>
                  Reports to
                </label>
                <select id={selectId("reportsTo")} class="select" aria-label={`${name}: Reports to`} value={tier.reportsTo === null || tier.reportsTo === undefined ? "" : String(tier.reportsTo)} onChange={(e) => c.editField(ref, `structure.tiers[${i}].reportsTo`, (e.target as HTMLSelectElement).value, "text")}>
                  <option value="">No one: the top of the structure</option>
                  {ids.filter((x, j) => j !== i && x !== "").map((x) => (
                    <option value={x}>{nameOfId(x)}</option>
                  ))}
                </select>
                {errors(i, "reportsTo")}
              </div>
              <div class="field tier-field">
                <label class="field-label" for={selectId("role")}>
                  Role
                </label>
                <select id={selectId("role")} class="select" aria-label={`${name}: Role`} value={String(tier.role ?? "")} onChange={(e) => c.editField(ref, `structure.tiers[${i}].role`, (e.target as HTMLSelectElement).value, "choice")}>
                  {Object.entries(ROLE_WORDS).map(([r, words]) => (
                    <option value={r}>{words}</option>
                  ))}
                </select>
              </div>
              <div class="field tier-field checkbox-field">
                <label class="checkbox-label">
                  <input type="checkbox" class="checkbox-input" aria-label={`${name}: Holds cases`} checked={tier.holdsCases === true} onChange={(e) => c.editField(ref, `structure.tiers[${i}].holdsCases`, (e.target as HTMLInputElement).checked, "boolean")} />
                  Holds cases
                </label>
              </div>
              {text(i, TIER_SALARY, name)}
              <div class="field tier-field">
                <label class="field-label" for={selectId("sizing")}>
                  How many posts
                </label>
                <select id={selectId("sizing")} class="select" aria-label={`${name}: FTE set by`} value={sizing} onChange={(e) => c.editTiers(ref, { sizing: i, rule: (e.target as HTMLSelectElement).value as SizingKey })}>
                  {SIZING_RULES.map((r) => (
                    <option value={r.rule}>{r.label}</option>
                  ))}
                </select>
              </div>
              {sizing === "fte" ? sizingFields.map((f) => text(i, f, name)) : null}
              {sizing === "childrenPerWorker" ? (
                <>
                  {sizingFields.map((f) => text(i, f, name))}
                </>
              ) : null}
              {sizing === "span" ? (
                <>
                  <div class="field tier-field">
                    <label class="field-label" for={selectId("span.of")}>
                      One post for every … of
                    </label>
                    <select id={selectId("span.of")} class="select" aria-label={`${name}: Span of`} value={String((getAtPath(user.input, `structure.tiers[${i}].span.of`) as string | undefined) ?? "")} onChange={(e) => c.editField(ref, `structure.tiers[${i}].span.of`, (e.target as HTMLSelectElement).value, "text")}>
                      {ids.filter((x, j) => j !== i && x !== "").map((x) => (
                        <option value={x}>{nameOfId(x)}</option>
                      ))}
                      {RESERVED_QUANTITIES_FOR_PANE.map((x) => (
                        <option value={x}>{quantityWords(x)}</option>
                      ))}
                    </select>
                    {errors(i, "span.of")}
                  </div>
                  {sizingFields.map((f) => text(i, f, name))}
                </>
              ) : null}
              {sizing === "expression" ? sizingFields.map((f) => text(i, f, name)) : null}
              {text(i, TIER_ID, name)}
            </div>
            {sources.length > 0 ? (
              <details class="tier-sources">
                <summary>Sources</summary>
                <ul>
                  {sources.map(([what, said]) => (
                    <li>
                      <strong>{what}:</strong> {said}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            <button type="button" class="button subtle" aria-label={`Remove this tier: ${name}`} onClick={() => c.editTiers(ref, { remove: i })}>
              Remove this tier
            </button>
            </div>
          </details>
        );
      })}
    </div>
  );
}

export function EditorView(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const users = state.library.scenarios;
  const user = findUser(state.library, state.selected);
  const picker = (
    <div class="field">
      <label class="field-label" for="edit-pick">
        Scenario to edit
      </label>
      <select id="edit-pick" class="select" value={user ? state.selected : ""} onChange={(e) => c.select((e.target as HTMLSelectElement).value as ScenarioRef)}>
        {user ? null : <option value="">Choose one of your scenarios</option>}
        {users.map((s) => (
          <option value={`user:${s.id}`}>{s.name}</option>
        ))}
      </select>
    </div>
  );
  if (!user) {
    return (
      <div class="view">
        {users.length ? picker : null}
        <MessageBar kind="info">
          Presets are read only. Make your own from a preset on the Scenarios tab (New scenario), then edit it here.
        </MessageBar>
        {!state.selected.startsWith("user:") && state.selected ? (
          <button type="button" class="button primary" onClick={() => c.newFromPreset(state.selected.replace(/^preset:/, ""))}>
            New scenario from this preset
          </button>
        ) : null}
      </div>
    );
  }
  const check = checkDraft(user.input);
  const lastValid = checkDraft(user.lastValid).scenario ?? checkDraft(user.input).scenario;
  const settings = lastValid ? listSettings(lastValid) : [];
  const defaults = defaultsOf(user.basedOn);
  const shown = settingsWithinHorizon(settings, user.input).filter((s) => !s.key.startsWith("structure.tiers.") && s.key !== "id" && s.key !== "shortName");
  const fieldPaths = new Set([...shown.map((s) => s.path), ...settings.filter((s) => s.key.startsWith("structure.tiers.")).map((s) => s.path)]);
  const tierCount = ((getAtPath(user.input, "structure.tiers") as unknown[] | undefined) ?? []).length;
  for (let i = 0; i < tierCount; i++) {
    fieldPaths.add(`structure.tiers[${i}]`);
    for (const f of ["name", "id", "reportsTo", "holdsCases", "role", "salary", "fte", "childrenPerWorker", "shareOfChildren", "span.of", "span.per", "expression"]) fieldPaths.add(`structure.tiers[${i}].${f}`);
  }
  const elsewhere = groupIssues(check.issues, fieldPaths);
  const field = (s: Setting) => <SettingField key={s.path} c={c} user={user} setting={s} scenario={lastValid ?? undefined} issues={check.issues} defaults={defaults} />;
  const results = state.results.analysis?.results.find((r) => r.ref === state.selected)?.result;
  return (
    <div class="view editor">
      {picker}
      {check.issues.length > 0 ? (
        <MessageBar kind="error">
          <strong>{check.issues.length === 1 ? "1 problem" : `${check.issues.length} problems`}</strong> in this scenario, marked beside each field. Everything you typed is kept; results show the last version without problems.
          {elsewhere.length ? <IssueList issues={elsewhere} inWords={(i) => issueInWords(i, user.input, (path) => { const s = settings.find((x) => x.path === path); return s && lastValid ? settingLabel(s, lastValid) : undefined; })} /> : null}
        </MessageBar>
      ) : null}
      {results ? (
        <div class="editor-summary" aria-live="polite">
          <Headlines c={c} result={results} ref_={state.selected} compact />
        </div>
      ) : null}
      {shown.filter((s) => s.group === "name" || s.group === "description").map(field)}
      {GROUPS.filter((g) => settings.some((s) => s.group === g.id)).map((g) => (
        <details class="group" open={g.id === "council" || g.id === "structure"} data-group={g.id}>
          <summary>
            <h2 class="group-title">{g.title}</h2>
            {check.issues.some((i) => i.path.startsWith(g.id)) ? <span class="badge error">problems</span> : null}
          </summary>
          <div class="group-body">
            {shown.filter((s) => s.group === g.id).map(field)}
            {g.id === "structure" ? (
              <>
                <h3 class="subhead">Tiers</h3>
                <TierCards c={c} state={state} user={user} issues={check.issues} defaults={defaults} settings={settings} />
                <button type="button" class="button" onClick={() => c.editTiers(`user:${user.id}`, { add: true })}>
                  Add a tier
                </button>
              </>
            ) : null}
          </div>
        </details>
      ))}
      <p class="hint">
        Based on {user.basedOn ? <button type="button" class="link" onClick={() => c.select(presetRef(user.basedOn!), "results")}>{user.basedOn}</button> : "an imported file"}. Saved in this workbook as you type.
      </p>
    </div>
  );
}
