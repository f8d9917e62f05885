import { useState } from "preact/hooks";
import { searchCouncils, type CouncilChoice } from "../model/councilSearch.js";

/**
 * "Which council?": a search box that lists matching councils as the director types (Fluent's
 * Combobox pattern: arrow keys move through the list, Enter chooses, Escape clears). It is given the
 * councils to search (the engine's council table, on the Scenarios tab; the first-run flow may reuse it).
 */
export function CouncilPicker(props: { councils: readonly CouncilChoice[]; onChoose: (id: string) => void; id?: string }) {
  const id = props.id ?? "council-search";
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const found = searchCouncils(props.councils, query);
  const open = found.length > 0;
  const choose = (c: CouncilChoice) => {
    setQuery(c.name);
    props.onChoose(c.id);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" && open) {
      e.preventDefault();
      setActive((active + 1) % found.length);
    } else if (e.key === "ArrowUp" && open) {
      e.preventDefault();
      setActive((active - 1 + found.length) % found.length);
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      choose(found[Math.min(active, found.length - 1)]!);
    } else if (e.key === "Escape") {
      setQuery("");
    }
  };
  return (
    <div class="field council-picker">
      <label class="field-label" for={id}>
        Which council?
      </label>
      <input
        id={id}
        class="input"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open ? `${id}-option-${Math.min(active, found.length - 1)}` : undefined}
        placeholder="Start typing its name or region"
        value={query}
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Councils" class="council-list" hidden={!open}>
        {found.map((c, i) => (
          <li id={`${id}-option-${i}`} role="option" aria-selected={i === active} class={`council-option ${i === active ? "active" : ""}`} onMouseDown={(e) => e.preventDefault()} onClick={() => choose(c)}>
            <span class="council-name">{c.name}</span> <span class="council-region">{c.region}</span>
          </li>
        ))}
      </ul>
      {query.trim() !== "" && !open ? <p class="hint">No council's name or region starts with “{query.trim()}”.</p> : null}
    </div>
  );
}
