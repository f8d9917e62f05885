import { useRef, useState } from "preact/hooks";
import { latestWorkforceYear, listCouncils, listPresets } from "../../../engine/index.js";
import { CouncilPicker } from "./councilPicker.js";
import type { CouncilChoice } from "../model/councilSearch.js";

/** The councils still reporting, as the picker lists them (by DfE number, which no reorganisation reuses). */
let choices: CouncilChoice[] | undefined;
function councilChoices(): CouncilChoice[] {
  const latest = latestWorkforceYear();
  return (choices ??= listCouncils()
    .filter((c) => c.latestYear >= latest - 1)
    .map((c) => ({ id: c.dfe, name: c.name, region: c.region })));
}
import type { Controller } from "../controller.js";
import { checkDraft } from "../model/draft.js";
import { MAX_COMPARED, presetRef, userRef, type ScenarioRef } from "../model/library.js";
import type { PaneState } from "../store.js";
import { saveFile, Section } from "./common.js";

function CompareToggle(props: { c: Controller; state: PaneState; ref_: ScenarioRef; name: string }) {
  const compared = props.state.library.compare;
  const position = compared.indexOf(props.ref_);
  const full = compared.length >= MAX_COMPARED && position < 0;
  return (
    <label class="checkbox" title={full ? "Compare at most four scenarios" : undefined}>
      <input type="checkbox" checked={position >= 0} disabled={full} onChange={() => props.c.toggleCompared(props.ref_)} aria-label={`Compare ${props.name}`} />
      <span>{position === 0 ? "Baseline" : "Compare"}</span>
    </label>
  );
}

/** Export: the scenario as a file the user downloads (a preset's or one of theirs). */
function ExportButton(props: { c: Controller; ref_: ScenarioRef; name: string }) {
  const save = () => {
    const file = props.c.exportFile(props.ref_);
    saveFile(file.text, file.fileName, "application/json");
  };
  return (
    <button type="button" class="button" onClick={save}>
      Export<span class="visually-hidden"> {props.name}</span>
    </button>
  );
}

function UserRow(props: { c: Controller; state: PaneState; id: string }) {
  const { c, state } = props;
  const user = state.library.scenarios.find((s) => s.id === props.id)!;
  const ref = userRef(user.id);
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(user.name);
  const problems = checkDraft(user.input).issues.length;
  return (
    <li class="scenario-card" data-ref={ref}>
      {renaming ? (
        <form
          class="rename"
          onSubmit={(e) => {
            e.preventDefault();
            if (c.rename(ref, name)) setRenaming(false);
          }}
        >
          <label class="field-label" for={`rename-${user.id}`}>
            New name
          </label>
          <input id={`rename-${user.id}`} class="input" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} autoFocus />
          <div class="row">
            <button type="submit" class="button primary">
              Save name
            </button>
            <button type="button" class="button" onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="scenario-head">
          <button type="button" class="link scenario-name" onClick={() => c.select(ref, "edit")}>
            {user.name}
          </button>
          <CompareToggle c={c} state={state} ref_={ref} name={user.name} />
        </div>
      )}
      <div class="scenario-meta">
        {user.basedOn ? `From preset ${listPresets().find((p) => p.id === user.basedOn)?.name ?? user.basedOn}` : "Imported"}
        {problems > 0 ? <span class="badge error"> {problems === 1 ? "1 problem" : `${problems} problems`}</span> : null}
      </div>
      {confirming ? (
        <div class="confirm" role="group" aria-label={`Delete ${user.name}?`}>
          <span>Delete “{user.name}” from this workbook?</span>
          <div class="row">
            <button
              type="button"
              class="button danger"
              onClick={() => {
                setConfirming(false);
                c.remove(ref);
              }}
            >
              Delete
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        </div>
      ) : (
        <div class="row actions">
          <button type="button" class="button" onClick={() => c.select(ref, "edit")}>
            Edit
          </button>
          <button type="button" class="button" onClick={() => c.select(ref, "results")}>
            Results
          </button>
          <button type="button" class="button" onClick={() => c.duplicate(ref)} aria-label={`Duplicate ${user.name}`}>
            Duplicate
          </button>
          <button
            type="button"
            class="button"
            onClick={() => {
              setName(user.name);
              setRenaming(true);
            }}
            aria-label={`Rename ${user.name}`}
          >
            Rename
          </button>
          <ExportButton c={c} ref_={ref} name={user.name} />
          <button type="button" class="button" onClick={() => setConfirming(true)} aria-label={`Delete ${user.name}`}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

export function ScenariosView(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const fileInput = useRef<HTMLInputElement>(null);
  const presets = listPresets();
  return (
    <div class="view">
      {state.library.councilAsked || state.library.scenarios.length > 0 ? (
        <Section title="Your council" id="your-council">
          <p class="hint">Start from your council's published figures (DfE and MHCLG statistics): the council as it is beside the Blueprint, clusters and reclaim units on it, in the prices of the year counted.</p>
          <CouncilPicker councils={councilChoices()} onChoose={(id) => void c.startFromCouncil(id)} />
        </Section>
      ) : (
        // The first run asks one question: which council. The answer compares it as it is with the
        // Blueprint, clusters and reclaim units on its own published figures.
        <section class="first-run" id="first-run" aria-labelledby="first-run-title">
          <h2 class="first-run-title" id="first-run-title">
            Which council is this for?
          </h2>
          <p>Name your council and the pane compares it as it is today with the Blueprint, a cluster model and reclaim units run on the same council, from its published figures (DfE and MHCLG statistics) and in the prices of the year they were counted. You can change any figure afterwards.</p>
          <CouncilPicker councils={councilChoices()} onChoose={(id) => void c.startFromCouncil(id)} />
          <button type="button" class="button subtle" onClick={() => c.putOffCouncil()}>
            Not now: start from the presets
          </button>
        </section>
      )}
      <Section title="Your scenarios" id="yours">
        <p class="hint">Saved inside this workbook: they travel with the file and come back when it is opened again.</p>
        {state.library.scenarios.length === 0 ? <p class="empty">None yet. Start one from a preset below, or import a scenario file.</p> : null}
        <ul class="scenario-list" aria-label="Your scenarios">
          {state.library.scenarios.map((s) => (
            <UserRow key={s.id} c={c} state={state} id={s.id} />
          ))}
        </ul>
        <div class="row">
          <button type="button" class="button" onClick={() => fileInput.current?.click()}>
            Import a scenario file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.yaml,.yml,application/json,text/yaml"
            class="visually-hidden"
            aria-label="Import a scenario file"
            tabIndex={-1}
            data-testid="import-file"
            onChange={async (e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) await c.importFile(await file.text(), file.name);
              input.value = "";
            }}
          />
        </div>
      </Section>
      <Section title="Presets" id="presets">
        <p class="hint">Read only. Tick up to four scenarios to compare; the first ticked is the baseline.</p>
        <ul class="scenario-list" aria-label="Presets">
          {presets.map((p) => {
            const ref = presetRef(p.id);
            return (
              <li class="scenario-card" data-ref={ref} key={p.id}>
                <div class="scenario-head">
                  <button type="button" class="link scenario-name" onClick={() => c.select(ref, "results")}>
                    {p.name}
                  </button>
                  <CompareToggle c={c} state={state} ref_={ref} name={p.name} />
                </div>
                <p class="scenario-meta description">{p.description}</p>
                <div class="row actions">
                  <button type="button" class="button" onClick={() => c.newFromPreset(p.id)}>
                    New scenario<span class="visually-hidden"> from {p.name}</span>
                  </button>
                  <button type="button" class="button" onClick={() => c.select(ref, "results")}>
                    Results<span class="visually-hidden"> of {p.name}</span>
                  </button>
                  <ExportButton c={c} ref_={ref} name={p.name} />
                </div>
              </li>
            );
          })}
        </ul>
      </Section>
    </div>
  );
}
