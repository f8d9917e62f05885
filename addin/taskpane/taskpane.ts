import { h, render } from "preact";
import { ExcelWorkbook } from "../office/excelWorkbook.js";
import { DetachedWorkbook, type WorkbookPort } from "../office/workbook.js";
import { App } from "./app.js";
import { startEngine } from "./compute/client.js";
import { Controller } from "./controller.js";
import styles from "./taskpane.css";
import { applyFluentTheme } from "./theme.js";

/**
 * The task pane: directors compare budget scenarios inside Excel. It starts when Office is ready,
 * reads the user's scenarios from the workbook, and computes in a Web Worker.
 */
function start(info: { host: Office.HostType | null } | undefined): void {
  applyFluentTheme();
  const style = document.createElement("style");
  style.textContent = styles;
  document.head.appendChild(style);
  const workbook: WorkbookPort = info?.host === Office.HostType.Excel ? new ExcelWorkbook() : new DetachedWorkbook();
  const controller = new Controller(startEngine(), workbook);
  const root = document.getElementById("app")!;
  root.textContent = "";
  render(h(App, { c: controller }), root);
  // For tests and debugging: the controller, so a test can wait for saves.
  (window as unknown as { socialcarePane?: Controller }).socialcarePane = controller;
}

Office.onReady((info) => start(info));
