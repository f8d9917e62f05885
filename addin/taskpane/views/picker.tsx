import { listPresets } from "../../../engine/index.js";
import type { Controller } from "../controller.js";
import { presetRef, userRef, type ScenarioRef } from "../model/library.js";
import type { PaneState } from "../store.js";

/** A select of every scenario: the user's, then the presets. */
export function ScenarioPicker(props: { c: Controller; state: PaneState; id: string; label: string; value: ScenarioRef | ""; onChange: (ref: ScenarioRef) => void; allowNone?: string; exclude?: ScenarioRef[] }) {
  const { state } = props;
  const skip = new Set(props.exclude ?? []);
  return (
    <div class="field">
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <select id={props.id} class="select" value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as ScenarioRef)}>
        {props.allowNone !== undefined ? <option value="">{props.allowNone}</option> : null}
        {state.library.scenarios.length ? (
          <optgroup label="Your scenarios">
            {state.library.scenarios.filter((s) => !skip.has(userRef(s.id)) || userRef(s.id) === props.value).map((s) => (
              <option value={userRef(s.id)} title={s.name}>
                {s.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label="Presets">
          {listPresets().filter((p) => !skip.has(presetRef(p.id)) || presetRef(p.id) === props.value).map((p) => (
            // The short name fits the narrow pane; the full name shows on hover.
            <option value={presetRef(p.id)} title={p.name}>
              {p.shortName}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
