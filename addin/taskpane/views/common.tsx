import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Issue } from "../../../engine/index.js";
import type { Progress } from "../compute/jobs.js";

/** Fluent-style message bar: info, success or error, with an optional action. */
export function MessageBar(props: { kind: "info" | "success" | "error" | "warning"; children: ComponentChildren; onDismiss?: () => void; action?: { label: string; run: () => void } }) {
  return (
    <div class={`message-bar ${props.kind}`} role={props.kind === "error" ? "alert" : "status"}>
      <div class="message-text">{props.children}</div>
      {props.action && (
        <button type="button" class="button subtle" onClick={props.action.run}>
          {props.action.label}
        </button>
      )}
      {props.onDismiss && (
        <button type="button" class="button subtle icon" aria-label="Dismiss" onClick={props.onDismiss}>
          ✕
        </button>
      )}
    </div>
  );
}

/** Problems as a list, each with where it is and why, in words (`inWords` turns the engine's paths and ids into names). */
export function IssueList(props: { issues: readonly Issue[]; inWords?: (issue: Issue) => { where: string; reason: string } }) {
  return (
    <ul class="issue-list">
      {props.issues.map((i) => {
        const { where, reason } = props.inWords ? props.inWords(i) : { where: i.path, reason: i.reason };
        return (
          <li>
            {where ? <strong>{where}</strong> : null}
            {where ? ": " : ""}
            {reason}
          </li>
        );
      })}
    </ul>
  );
}

/** A progress bar with what is being done, for work in the engine worker. */
export function ProgressBar(props: { progress: Progress; label: string }) {
  const { done, total, step } = props.progress;
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div class="progress" aria-live="polite">
      <div class="progress-label">
        {props.label}: {step}
      </div>
      <div class="progress-track" role="progressbar" aria-label={props.label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div class="progress-fill" style={{ width: `${Math.max(pct, 4)}%` }} />
      </div>
    </div>
  );
}

/**
 * A figure the user can click (or press Enter on) to see how it was computed. Its name holds what it
 * shows: "Run cost: £9,733,809, explain" for a value alone, or the card's own words then "explain", so
 * a screen reader hears the amount, never a name that replaces it.
 */
export function FigureButton(props: { label: string; onExplain: () => void; children: ComponentChildren; class?: string }) {
  const text = typeof props.children === "string" || typeof props.children === "number" ? String(props.children) : null;
  return (
    <button type="button" class={`figure ${props.class ?? ""}`} aria-label={text === null ? undefined : `${props.label}: ${text}, explain`} title="How was this computed?" onClick={props.onExplain}>
      {props.children}
      {text === null ? <span class="visually-hidden">, explain</span> : null}
    </button>
  );
}

/**
 * A scenario's name where space is short: its short name on screen, the full name on hover and to
 * screen readers.
 */
export function ScenarioName(props: { name: string; shortName: string }) {
  if (props.shortName === props.name) return <span class="scenario-label">{props.name}</span>;
  return (
    <span class="scenario-label" title={props.name}>
      <span aria-hidden="true">{props.shortName}</span>
      <span class="visually-hidden">{props.name}</span>
    </span>
  );
}

/**
 * A table that may be wider than the pane: it scrolls sideways inside its own region, its first
 * column stays put, and a line under it says so whenever some columns are out of sight.
 */
export function ScrollTable(props: { label: string; children: ComponentChildren; class?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState(false);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setHidden(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  });
  return (
    <>
      <div class={`table-scroll ${hidden ? "overflows" : ""} ${props.class ?? ""}`} tabIndex={0} role="region" aria-label={props.label} ref={box}>
        {props.children}
      </div>
      {hidden ? (
        <p class="scroll-cue" data-scroll-cue>
          More columns to the right: scroll sideways →
        </p>
      ) : null}
    </>
  );
}

export function Section(props: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="section" aria-labelledby={props.id ? `${props.id}-title` : undefined}>
      <h2 class="section-title" id={props.id ? `${props.id}-title` : undefined} tabIndex={props.id ? -1 : undefined}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/**
 * Offers bytes as a file the user downloads: a Blob and an anchor with `download`, which works in
 * a browser and in Excel's task pane on the web and on the desktop.
 */
export function saveFile(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
