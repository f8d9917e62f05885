import type { ComponentChildren } from "preact";
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

export function IssueList(props: { issues: readonly Issue[] }) {
  return (
    <ul class="issue-list">
      {props.issues.map((i) => (
        <li>
          {i.path ? <code>{i.path}</code> : null}
          {i.path ? ": " : ""}
          {i.reason}
        </li>
      ))}
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
