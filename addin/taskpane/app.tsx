import { useEffect, useRef } from "preact/hooks";
import type { Controller } from "./controller.js";
import { formatValue } from "./model/format.js";
import { useStore, type PaneState } from "./store.js";
import { IssueList, MessageBar } from "./views/common.js";
import { VIEWS } from "./views/registry.js";

function Tabs(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    // Arrow keys move between tabs, as in Fluent's tab list.
    const n = VIEWS.length;
    const to = e.key === "ArrowRight" ? (i + 1) % n : e.key === "ArrowLeft" ? (i - 1 + n) % n : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    c.show(VIEWS[to]!.id);
    refs.current[to]?.focus();
  };
  return (
    <nav class="tabs" role="tablist" aria-label="Views">
      {VIEWS.map((v, i) => (
        <button
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${v.id}`}
          aria-selected={state.view === v.id}
          aria-controls="view"
          tabIndex={state.view === v.id ? 0 : -1}
          class={`tab ${state.view === v.id ? "selected" : ""}`}
          onClick={() => c.show(v.id)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {v.label}
        </button>
      ))}
    </nav>
  );
}

/** The unit to print after a formatted value (money and shares already show theirs). */
function unitAfterValue(unit: string): string {
  if (unit === "£ a year") return "a year";
  return unit === "£" || unit === "share" || unit === "yes/no" || unit === "year" ? "" : unit;
}

function ExplainPanel(props: { c: Controller; state: PaneState }) {
  const { c } = props;
  const explain = props.state.explain!;
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") c.closeExplain();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      (opener.current as HTMLElement | null)?.focus?.();
    };
  }, []);
  const x = explain.explanation;
  return (
    <div class="overlay" onClick={(e) => e.target === e.currentTarget && c.closeExplain()}>
      <div class="drawer" role="dialog" aria-modal="true" aria-labelledby="explain-title" tabIndex={-1} ref={panel}>
        <div class="drawer-head">
          <h2 id="explain-title">{explain.title}</h2>
          <button type="button" class="button subtle icon" aria-label="Close the explanation" onClick={() => c.closeExplain()}>
            ✕
          </button>
        </div>
        {explain.error ? <MessageBar kind="error">{explain.error}</MessageBar> : null}
        {!x && !explain.error ? <p class="hint">Tracing…</p> : null}
        {x ? (
          <div class="explanation" data-figure={x.figure}>
            <p class="explain-value">
              {formatValue(x.value as number, x.unit)} <span class="unit">{unitAfterValue(x.unit)}</span>
            </p>
            <h3 class="subhead">Rule</h3>
            <p class="rule">{x.rule}</p>
            <h3 class="subhead">Formula</h3>
            <p class="formula">{x.formula}</p>
            <h3 class="subhead">Inputs</h3>
            <ul class="inputs">
              {x.inputs.map((i) => (
                <li>
                  <div class="input-head">
                    <span class="input-label">{i.label}</span> <span class="input-value">{formatValue(i.value as number, i.unit)}</span>
                  </div>
                  <div class="input-source">
                    <code>{i.name}</code> · {i.source === "computed" ? "computed by the model" : i.source ? `Source: ${i.source}` : i.assumption ? `Assumption: ${i.assumption}` : "no source recorded"}
                    {(i.sourceAnchors ?? []).map((anchor) => (
                      <a class="source-link" href={`sources.html#${anchor}`} target="_blank" rel="noopener">
                        About this source ({anchor})
                      </a>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
            <p class="hint">
              Figure name <code>{x.figure}</code>
            </p>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function SaveState(props: { state: PaneState; c: Controller }) {
  const s = props.state.save;
  const text =
    props.c.workbook.host === "none"
      ? "Not in Excel: scenarios last for this page only"
      : s.state === "saved"
        ? "Saved in this workbook"
        : s.state === "failed"
          ? `Not saved: ${s.message ?? ""}`
          : "Saving…";
  return (
    <p class={`save-state ${s.state}`} role="status" data-save={s.state}>
      {text}
    </p>
  );
}

export function App(props: { c: Controller }) {
  const { c } = props;
  const state = useStore(c.store);
  const view = VIEWS.find((v) => v.id === state.view) ?? VIEWS[0]!;
  return (
    <div class="app">
      <header class="app-head">
        <h1>Social care model</h1>
        <SaveState state={state} c={c} />
      </header>
      <Tabs c={c} state={state} />
      {state.notice ? (
        <MessageBar kind={state.notice.kind} onDismiss={() => c.dismissNotice()} action={state.notice.undo ? { label: "Undo", run: state.notice.undo } : undefined}>
          {state.notice.text}
          {state.notice.issues ? <IssueList issues={state.notice.issues} /> : null}
        </MessageBar>
      ) : null}
      <main id="view" role="tabpanel" aria-labelledby={`tab-${view.id}`} data-view={view.id}>
        {view.render(c, state)}
      </main>
      {state.explain ? <ExplainPanel c={c} state={state} /> : null}
    </div>
  );
}
