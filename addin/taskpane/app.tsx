import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Controller } from "./controller.js";
import { formatValue } from "./model/format.js";
import { useStore, type PaneState } from "./store.js";
import { IssueList, MessageBar } from "./views/common.js";
import { VIEWS } from "./views/registry.js";

/** The room the "More" button takes at the end of the tab bar. */
const MORE_WIDTH = 76;

/**
 * Which views show as tabs in a bar `width` pixels wide, given each tab's width: as many as fit in
 * order, with the selected one always among them (in the last place when it would have overflowed);
 * the rest go in the "More" menu, as Fluent's TabList overflows.
 */
export function tabsThatFit(widths: number[], width: number, selected: number): { shown: number[]; overflow: number[] } {
  const all = widths.map((_, i) => i);
  if (widths.reduce((s, w) => s + w, 0) <= width) return { shown: all, overflow: [] };
  let room = width - MORE_WIDTH;
  const shown: number[] = [];
  for (const i of all) {
    if (widths[i]! > room) break;
    shown.push(i);
    room -= widths[i]!;
  }
  if (!shown.includes(selected)) {
    const used = () => shown.reduce((s, i) => s + widths[i]!, 0);
    while (shown.length > 0 && used() + widths[selected]! > width - MORE_WIDTH) shown.pop();
    shown.push(selected);
  }
  return { shown, overflow: all.filter((i) => !shown.includes(i)) };
}

function Tabs(props: { c: Controller; state: PaneState }) {
  const { c, state } = props;
  const nav = useRef<HTMLElement>(null);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const widths = useRef<number[] | null>(null);
  const [barWidth, setBarWidth] = useState<number | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const focusNext = useRef<number | null>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  // An opened menu takes the focus on its first item, so the keyboard can go on from there.
  useLayoutEffect(() => {
    if (menuOpen) menu.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
  }, [menuOpen]);
  const selected = Math.max(0, VIEWS.findIndex((v) => v.id === state.view));
  // Each tab's width is measured once, with every tab shown; the bar's width is followed as the pane resizes.
  useLayoutEffect(() => {
    const el = nav.current;
    if (!el) return;
    if (!widths.current) widths.current = refs.current.map((b) => (b ? b.getBoundingClientRect().width : 0));
    const measure = () => setBarWidth(el.clientWidth - 8);
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    if (focusNext.current !== null) refs.current[focusNext.current]?.focus();
    focusNext.current = null;
  });
  const { shown, overflow } = widths.current && barWidth !== null ? tabsThatFit(widths.current, barWidth, selected) : { shown: VIEWS.map((_, i) => i), overflow: [] as number[] };
  const go = (i: number) => {
    setMenuOpen(false);
    c.show(VIEWS[i]!.id);
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    // Arrow keys move between tabs, as in Fluent's tab list (through the menu's views too).
    const n = VIEWS.length;
    const to = e.key === "ArrowRight" ? (i + 1) % n : e.key === "ArrowLeft" ? (i - 1 + n) % n : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    focusNext.current = to;
    go(to);
  };
  return (
    <nav class="tabs" ref={nav}>
      <div role="tablist" aria-label="Views" class="tab-list">
        {shown.map((i) => {
          const v = VIEWS[i]!;
          return (
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
              onClick={() => go(i)}
              onKeyDown={(e) => onKey(e, i)}
            >
              {v.label}
            </button>
          );
        })}
      </div>
      {overflow.length > 0 ? (
        <div class="tab-more">
          <button ref={moreButton} type="button" class="tab more" aria-haspopup="menu" aria-expanded={menuOpen} aria-label={`More views: ${overflow.map((i) => VIEWS[i]!.label).join(", ")}`} onClick={() => setMenuOpen(!menuOpen)}>
            More <span aria-hidden="true">▾</span>
          </button>
          {menuOpen ? (
            <div
              ref={menu}
              class="menu"
              role="menu"
              aria-label="More views"
              onKeyDown={(e) => {
                if (e.key === "Escape") {
                  setMenuOpen(false);
                  moreButton.current?.focus();
                  return;
                }
                // Up and down move between the menu's items, as in Fluent's Menu.
                if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
                e.preventDefault();
                const items = Array.from((e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>("[role=menuitem]"));
                const at = items.indexOf(document.activeElement as HTMLButtonElement);
                items[(at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
              }}
            >
              {overflow.map((i) => (
                <button type="button" role="menuitem" class="menu-item" onClick={() => go(i)} >
                  {VIEWS[i]!.label}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
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
