import { listSettings, loadPreset, RESERVED_QUANTITIES_FOR_PANE, type Issue, type Setting } from "./editorEngine.js";
import type { Controller } from "../controller.js";
import { checkDraft, getAtPath, groupIssues, issuesAt, settingsWithinHorizon, shownText, sizingOf, SIZING_RULES, textOf, type SizingKey } from "../model/draft.js";
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
  issues: Issue[];
  defaults: Map<string, Setting> | null;
}

function SettingField({ c, user, setting, issues, defaults }: FieldProps) {
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
      {setting.label}
      {setting.unit ? <span class="unit"> ({unitLabel(setting.unit)})</span> : null}
    </label>
  );
  let control;
  if (setting.kind === "boolean") {
    control = (
      <input id={id} type="checkbox" class="checkbox-input" checked={value === true} aria-invalid={own.length > 0} aria-describedby={describedBy} onChange={(e) => c.editField(ref, path, (e.target as HTMLInputElement).checked, "boolean")} />
    );
  } else if (setting.kind === "choice") {
    control = (
      <select id={id} class="select" value={String(value ?? "")} aria-invalid={own.length > 0} aria-describedby={describedBy} onChange={(e) => c.editField(ref, path, (e.target as HTMLSelectElement).value, "choice")}>
        {value === undefined ? <option value="">(none)</option> : null}
        {(setting.choices ?? []).map((choice) => (
          <option value={choice}>{choice}</option>
        ))}
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
          {own.map((i) => i.reason).join("; ")}
        </div>
      ) : null}
      <div class="field-info" id={infoId}>
        {showSource ? <span class="field-source">Source: {source}</span> : null}
        {preset ? (
          <span class="field-default">
            {" "}
            Preset value: {formatValue(preset.value as number | string | boolean | null, preset.unit)}
            {differs ? (
              <button type="button" class="link reset" onClick={() => c.editField(ref, path, typeof preset.value === "boolean" ? preset.value : textOf(preset.value, setting.unit), setting.kind, setting.unit)} aria-label={`Reset ${setting.label} to the preset value`}>
                Reset
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
    </div>
  );
}

function TierTable(props: { c: Controller; state: PaneState; user: UserScenario; issues: Issue[]; defaults: Map<string, Setting> | null; settings: Setting[] }) {
  const { c, state, user, issues } = props;
  const ref = `user:${user.id}`;
  const tiers = (getAtPath(user.input, "structure.tiers") as Record<string, unknown>[] | undefined) ?? [];
  const ids = tiers.map((t) => String(t.id ?? ""));
  const computed = state.results.analysis?.results.find((r) => r.ref === ref)?.result.structure.tiers;
  const cellIssue = (i: number, field: string) => issuesAt(issues, `structure.tiers[${i}].${field}`);
  const text = (i: number, field: string, kind: Setting["kind"], label: string, tierName: string, opts: { numeric?: boolean; wide?: boolean } = {}) => {
    const path = `structure.tiers[${i}].${field}`;
    const own = cellIssue(i, field);
    const setting = props.settings.find((s) => s.path === path);
    const preset = setting ? props.defaults?.get(setting.key) : undefined;
    const title = [setting ? `Source: ${sourceOf(setting, getAtPath(user.input, path), path, user.input)}` : "", preset ? `Preset value: ${formatValue(preset.value as number, preset.unit)}` : ""].filter(Boolean).join("\n");
    return (
      <div class={`cell-field ${own.length ? "invalid" : ""}`} data-path={path}>
        <input
          class={`input ${opts.numeric ? "numeric" : ""} ${opts.wide ? "wide" : ""}`}
          type="text"
          inputMode={opts.numeric ? "decimal" : undefined}
          aria-label={`${tierName}: ${label}`}
          aria-invalid={own.length > 0}
          title={title || undefined}
          value={shownText(user.typed, path, getAtPath(user.input, path), setting?.unit)}
          onInput={(e) => c.editField(ref, path, (e.target as HTMLInputElement).value, kind, setting?.unit)}
        />
        {own.length ? (
          <div class="field-error" role="alert">
            {own.map((x) => x.reason).join("; ")}
          </div>
        ) : null}
      </div>
    );
  };
  return (
    <div class="tier-table-wrap" tabIndex={0} role="region" aria-label="Tiers (scroll sideways for more columns)">
      <table class="tier-table">
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Id</th>
            <th scope="col">Reports to</th>
            <th scope="col">Holds cases</th>
            <th scope="col">Role</th>
            <th scope="col">Salary (£ a year)</th>
            <th scope="col">FTE set by</th>
            <th scope="col">Sizing</th>
            <th scope="col">FTE now</th>
            <th scope="col">
              <span class="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier, i) => {
            const name = String(tier.name ?? `Tier ${i + 1}`);
            const sizing = sizingOf(tier);
            const whole = issues.filter((x) => x.path === `structure.tiers[${i}]`);
            const fte = computed?.find((t) => t.id === tier.id)?.fte;
            return [
              <tr key={`t${i}`} data-tier={String(tier.id)}>
                <th scope="row">{text(i, "name", "text", "Tier name", name, { wide: true })}</th>
                <td>{text(i, "id", "text", "Tier id", name)}</td>
                <td>
                  <select class="select" aria-label={`${name}: Reports to`} value={tier.reportsTo === null || tier.reportsTo === undefined ? "" : String(tier.reportsTo)} onChange={(e) => c.editField(ref, `structure.tiers[${i}].reportsTo`, (e.target as HTMLSelectElement).value, "text")}>
                    <option value="">(top of the structure)</option>
                    {ids.filter((x, j) => j !== i && x !== "").map((x) => (
                      <option value={x}>{x}</option>
                    ))}
                  </select>
                  {cellIssue(i, "reportsTo").length ? <div class="field-error" role="alert">{cellIssue(i, "reportsTo").map((x) => x.reason).join("; ")}</div> : null}
                </td>
                <td class="center">
                  <input type="checkbox" aria-label={`${name}: Holds cases`} checked={tier.holdsCases === true} onChange={(e) => c.editField(ref, `structure.tiers[${i}].holdsCases`, (e.target as HTMLInputElement).checked, "boolean")} />
                </td>
                <td>
                  <select class="select" aria-label={`${name}: Role`} value={String(tier.role ?? "")} onChange={(e) => c.editField(ref, `structure.tiers[${i}].role`, (e.target as HTMLSelectElement).value, "choice")}>
                    {["practitioner", "manager", "support", "clinician"].map((r) => (
                      <option value={r}>{r}</option>
                    ))}
                  </select>
                </td>
                <td>{text(i, "salary", "number", "Salary (£ a year)", name, { numeric: true })}</td>
                <td>
                  <select class="select" aria-label={`${name}: FTE set by`} value={sizing} onChange={(e) => c.editTiers(ref, { sizing: i, rule: (e.target as HTMLSelectElement).value as SizingKey })}>
                    {SIZING_RULES.map((r) => (
                      <option value={r.rule}>{r.label}</option>
                    ))}
                  </select>
                </td>
                <td class="sizing">
                  {sizing === "fte" ? <label class="inline">FTE {text(i, "fte", "number", "FTE (fixed)", name, { numeric: true })}</label> : null}
                  {sizing === "childrenPerWorker" ? (
                    <>
                      <label class="inline">Children each {text(i, "childrenPerWorker", "number", "Caseload target (children per worker)", name, { numeric: true })}</label>
                      <label class="inline">Share of children {text(i, "shareOfChildren", "number", "Share of children held (0–1)", name, { numeric: true })}</label>
                    </>
                  ) : null}
                  {sizing === "span" ? (
                    <>
                      <label class="inline">
                        Of
                        <select class="select" aria-label={`${name}: Span of`} value={String((getAtPath(user.input, `structure.tiers[${i}].span.of`) as string | undefined) ?? "")} onChange={(e) => c.editField(ref, `structure.tiers[${i}].span.of`, (e.target as HTMLSelectElement).value, "text")}>
                          {[...ids.filter((x, j) => j !== i && x !== ""), ...RESERVED_QUANTITIES_FOR_PANE].map((x) => (
                            <option value={x}>{x}</option>
                          ))}
                        </select>
                      </label>
                      <label class="inline">One per {text(i, "span.per", "number", "One post per (FTE)", name, { numeric: true })}</label>
                    </>
                  ) : null}
                  {sizing === "expression" ? <label class="inline">= {text(i, "expression", "text", "Sizing expression", name, { wide: true })}</label> : null}
                </td>
                <td class="numeric">{fte === undefined ? "—" : formatValue(fte, "FTE")}</td>
                <td>
                  <button type="button" class="button subtle icon" aria-label={`Remove tier ${name}`} onClick={() => c.editTiers(ref, { remove: i })}>
                    ✕
                  </button>
                </td>
              </tr>,
              whole.length ? (
                <tr key={`e${i}`} class="tier-issues">
                  <td colSpan={10}>
                    <div class="field-error" role="alert">
                      {name}: {whole.map((x) => x.reason).join("; ")}
                    </div>
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
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
  const field = (s: Setting) => <SettingField key={s.path} c={c} user={user} setting={s} issues={check.issues} defaults={defaults} />;
  const results = state.results.analysis?.results.find((r) => r.ref === state.selected)?.result;
  return (
    <div class="view editor">
      {picker}
      {check.issues.length > 0 ? (
        <MessageBar kind="error">
          <strong>{check.issues.length === 1 ? "1 problem" : `${check.issues.length} problems`}</strong> in this scenario, marked beside each field. Everything you typed is kept; results show the last version without problems.
          {elsewhere.length ? <IssueList issues={elsewhere} /> : null}
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
                <TierTable c={c} state={state} user={user} issues={check.issues} defaults={defaults} settings={settings} />
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
