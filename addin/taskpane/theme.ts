import { webLightTheme } from "@fluentui/tokens";

/**
 * Fluent 2's web light theme as CSS custom properties on the page (as Fluent's own providers do), so
 * the pane's stylesheet uses Office's colours, type ramp, radii and shadows by token name.
 */
export function applyFluentTheme(root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(webLightTheme)) root.style.setProperty(`--${name}`, String(value));
}
