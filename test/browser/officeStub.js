// A stand-in for office.js in the browser tests: fires Office.onReady for Excel, keeps document
// settings (saveAsync copies them to `saved`, which a test hands to the next page load as if the
// workbook were reopened), and runs Excel.run against a small in-memory workbook (sheets, ranges with
// values, formulas and number formats, tables, charts). Every call is recorded in `log`; each sync
// records the bytes of cell data it carried and refuses more than Excel on the web's 5 MB.
(function () {
  "use strict";
  const LIMIT = 5 * 1024 * 1024;
  const initial = window.__officeInitialSettings || {};
  const state = {
    settings: JSON.parse(JSON.stringify(initial)),
    saved: JSON.parse(JSON.stringify(initial)),
    saves: 0,
    log: [],
    syncs: 0,
    requestBytes: [],
    associated: [],
    workbook: { sheets: [], active: null },
  };
  window.__officeState = state;
  const record = (api, args) => state.log.push({ api, args: args === undefined ? [] : JSON.parse(JSON.stringify(args)) });

  // ---- Office ----
  const HostType = { Excel: "Excel", Word: "Word" };
  const AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  const settings = {
    get(name) {
      record("settings.get", [name]);
      return name in state.settings ? JSON.parse(JSON.stringify(state.settings[name])) : null;
    },
    set(name, value) {
      record("settings.set", [name]);
      state.settings[name] = JSON.parse(JSON.stringify(value));
    },
    remove(name) {
      record("settings.remove", [name]);
      delete state.settings[name];
    },
    saveAsync(options, callback) {
      const cb = typeof options === "function" ? options : callback;
      record("settings.saveAsync");
      setTimeout(() => {
        state.saved = JSON.parse(JSON.stringify(state.settings));
        state.saves++;
        if (cb) cb({ status: AsyncResultStatus.Succeeded, value: undefined });
      }, 5);
    },
  };
  window.Office = {
    HostType,
    AsyncResultStatus,
    context: { document: { settings }, requirements: { isSetSupported: () => true }, host: HostType.Excel },
    onReady(callback) {
      record("Office.onReady");
      const info = { host: HostType.Excel, platform: "OfficeOnline" };
      return new Promise((resolve) =>
        setTimeout(() => {
          if (callback) callback(info);
          resolve(info);
        }, 0),
      );
    },
  };

  // ---- CustomFunctions (the shared runtime loads functions.js in the same page) ----
  class CfError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }
  window.CustomFunctions = {
    associate(id, fn) {
      state.associated.push(id);
    },
    Error: CfError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };

  // ---- Excel: an in-memory workbook ----
  function parseCell(a) {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
    if (!m) throw new Error("InvalidArgument: bad cell " + a);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]), col };
  }
  function letter(col) {
    let s = "";
    while (col > 0) {
      const r = (col - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      col = Math.floor((col - 1) / 26);
    }
    return s;
  }
  function parseRange(address) {
    const bare = address.includes("!") ? address.split("!").pop() : address;
    const [a, b] = bare.split(":");
    const p = parseCell(a);
    const q = b ? parseCell(b) : p;
    return { r1: p.row, c1: p.col, r2: q.row, c2: q.col };
  }
  const addressOf = (r) => `${letter(r.c1)}${r.r1}:${letter(r.c2)}${r.r2}`;
  let pending = 0;
  const charge = (value) => {
    pending += JSON.stringify(value).length;
  };

  class Range {
    constructor(sheet, box) {
      this.sheet = sheet;
      this.box = box;
      const self = this;
      const fmt = (prop) => ({
        get: () => undefined,
        set: (v) => {
          record("range.format." + prop, [sheet.name, addressOf(box), v]);
          self.each((c) => (c.format[prop] = v));
        },
      });
      const font = {};
      for (const p of ["bold", "italic", "size", "color"]) Object.defineProperty(font, p, fmt(p));
      this.format = { font, autofitColumns: () => record("range.format.autofitColumns", [sheet.name, addressOf(box)]) };
      Object.defineProperty(this.format, "columnWidth", {
        set: (w) => {
          record("range.format.columnWidth", [sheet.name, addressOf(box), w]);
          for (let c = box.c1; c <= box.c2; c++) sheet.columnWidths[letter(c)] = w;
        },
      });
    }
    get address() {
      return `${this.sheet.name}!${addressOf(this.box)}`;
    }
    each(fn) {
      for (let r = this.box.r1; r <= this.box.r2; r++) for (let c = this.box.c1; c <= this.box.c2; c++) fn(this.sheet.cell(r, c), r, c);
    }
    shape(grid, what) {
      const rows = this.box.r2 - this.box.r1 + 1;
      const cols = this.box.c2 - this.box.c1 + 1;
      if (!Array.isArray(grid) || grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new Error(`InvalidArgument: ${what} for ${addressOf(this.box)} must be ${rows}×${cols}`);
      }
    }
    set values(grid) {
      this.shape(grid, "values");
      record("range.values", [this.sheet.name, addressOf(this.box)]);
      charge(grid);
      this.each((cell, r, c) => {
        cell.value = grid[r - this.box.r1][c - this.box.c1];
        cell.formula = null;
      });
    }
    set formulas(grid) {
      this.shape(grid, "formulas");
      record("range.formulas", [this.sheet.name, addressOf(this.box)]);
      charge(grid);
      this.each((cell, r, c) => {
        const v = grid[r - this.box.r1][c - this.box.c1];
        if (typeof v === "string" && v.startsWith("=")) {
          cell.formula = v;
          cell.value = null;
        } else {
          cell.formula = null;
          cell.value = v;
        }
      });
    }
    set numberFormat(grid) {
      this.shape(grid, "numberFormat");
      record("range.numberFormat", [this.sheet.name, addressOf(this.box)]);
      charge(grid);
      this.each((cell, r, c) => (cell.numberFormat = grid[r - this.box.r1][c - this.box.c1]));
    }
    getEntireColumn() {
      return new Range(this.sheet, { r1: 1, c1: this.box.c1, r2: 1048576, c2: this.box.c2 });
    }
    load() {
      return this;
    }
  }

  class ChartPoint {
    constructor(chart, series, index) {
      this.record = { series, index };
      chart.marks.push(this.record);
      const rec = this.record;
      for (const p of ["markerSize", "markerStyle", "hasDataLabel"]) Object.defineProperty(this, p, { set: (v) => (rec[p] = v) });
      this.dataLabel = {};
      for (const p of ["showValue", "showSeriesName", "showCategoryName"]) Object.defineProperty(this.dataLabel, p, { set: (v) => (rec[p] = v) });
    }
  }

  class Chart {
    constructor(sheet, type, source, seriesBy) {
      this.data = { sheet: sheet.name, type, source: addressOf(source.box), seriesBy, name: null, title: null, legend: null, valueFormat: null, position: null, marks: [] };
      const data = this.data;
      this.title = {};
      Object.defineProperty(this.title, "text", { set: (v) => (data.title = v) });
      this.legend = {};
      Object.defineProperty(this.legend, "position", { set: (v) => (data.legend = v) });
      this.axes = { valueAxis: {} };
      Object.defineProperty(this.axes.valueAxis, "numberFormat", { set: (v) => (data.valueFormat = v) });
      const chart = this;
      this.series = { getItemAt: (s) => ({ points: { getItemAt: (p) => new ChartPoint(chart.data, s, p) } }) };
    }
    set name(v) {
      this.data.name = v;
    }
    setPosition(from, to) {
      record("chart.setPosition", [this.data.name, from, to]);
      this.data.position = [from, to];
    }
  }

  class Worksheet {
    constructor(name) {
      this._name = name;
      this.cells = new Map();
      this.tablesList = [];
      this.chartsList = [];
      this.frozenRows = 0;
      this.columnWidths = {};
      this.deleted = false;
      const sheet = this;
      this.tables = {
        add(address, hasHeaders) {
          record("tables.add", [sheet.name, address, hasHeaders]);
          const box = parseRange(address);
          for (const s of state.workbook.sheets) {
            for (const t of s.tablesList) {
              if (s === sheet && !(box.r2 < t.box.r1 || box.r1 > t.box.r2 || box.c2 < t.box.c1 || box.c1 > t.box.c2)) throw new Error("InvalidArgument: tables overlap at " + address);
            }
          }
          const headers = [];
          for (let c = box.c1; c <= box.c2; c++) headers.push(sheet.cell(box.r1, c).value);
          if (new Set(headers.map(String)).size !== headers.length) throw new Error("InvalidArgument: table headers must be unique: " + headers.join("|"));
          const table = { box, hasHeaders, headers, data: { name: null, style: null } };
          sheet.tablesList.push(table);
          return {
            set name(v) {
              if (state.workbook.sheets.some((s) => s.tablesList.some((t) => t !== table && t.data.name === v))) throw new Error("InvalidArgument: a table named " + v + " exists");
              table.data.name = v;
            },
            set style(v) {
              table.data.style = v;
            },
          };
        },
      };
      this.charts = {
        add(type, source, seriesBy) {
          record("charts.add", [sheet.name, type, addressOf(source.box), seriesBy]);
          const chart = new Chart(sheet, type, source, seriesBy);
          sheet.chartsList.push(chart.data);
          return chart;
        },
      };
      this.freezePanes = {
        freezeRows(n) {
          record("freezePanes.freezeRows", [sheet.name, n]);
          sheet.frozenRows = n;
        },
      };
    }
    get name() {
      return this._name;
    }
    set name(v) {
      record("worksheet.name", [this._name, v]);
      if (state.workbook.sheets.some((s) => s !== this && s.name === v)) throw new Error("ItemAlreadyExists: " + v);
      this._name = v;
    }
    cell(r, c) {
      const key = `${r},${c}`;
      let cell = this.cells.get(key);
      if (!cell) {
        cell = { value: null, formula: null, numberFormat: "General", format: {} };
        this.cells.set(key, cell);
      }
      return cell;
    }
    getRange(address) {
      return new Range(this, parseRange(address));
    }
    getRangeByIndexes(row, col, rows, cols) {
      return new Range(this, { r1: row + 1, c1: col + 1, r2: row + rows, c2: col + cols });
    }
    delete() {
      record("worksheet.delete", [this.name]);
      if (state.workbook.sheets.length <= 1) throw new Error("InvalidOperation: a workbook must keep one sheet");
      state.workbook.sheets = state.workbook.sheets.filter((s) => s !== this);
      this.deleted = true;
    }
    activate() {
      record("worksheet.activate", [this.name]);
      state.workbook.active = this.name;
    }
    load() {
      return this;
    }
    get isNullObject() {
      return false;
    }
  }
  state.workbook.sheets.push(new Worksheet("Sheet1"));
  state.workbook.active = "Sheet1";

  const worksheets = {
    getItemOrNullObject(name) {
      record("worksheets.getItemOrNullObject", [name]);
      const found = state.workbook.sheets.find((s) => s.name === name);
      return found || { isNullObject: true, load() { return this; }, delete() { throw new Error("InvalidOperation: null object"); } };
    },
    getItem(name) {
      const found = state.workbook.sheets.find((s) => s.name === name);
      if (!found) throw new Error("ItemNotFound: " + name);
      return found;
    },
    add(name) {
      record("worksheets.add", [name]);
      if (state.workbook.sheets.some((s) => s.name === name)) throw new Error("ItemAlreadyExists: " + name);
      const sheet = new Worksheet(name);
      state.workbook.sheets.push(sheet);
      return sheet;
    },
  };

  window.Excel = {
    ChartType: { columnStacked: "ColumnStacked", barClustered: "BarClustered", lineMarkers: "LineMarkers" },
    run(batch) {
      record("Excel.run");
      const context = {
        workbook: { worksheets },
        sync() {
          state.syncs++;
          state.requestBytes.push(pending);
          record("context.sync", [pending]);
          const bytes = pending;
          pending = 0;
          if (bytes > LIMIT) return Promise.reject(new Error("RequestPayloadSizeLimitExceeded: " + bytes + " bytes"));
          return new Promise((resolve) => setTimeout(resolve, 1));
        },
      };
      return Promise.resolve().then(() => batch(context));
    },
  };

  /** The workbook as plain data, for the test to assert. */
  window.__workbookSnapshot = function () {
    return state.workbook.sheets.map((s) => {
      const cells = {};
      for (const [key, c] of s.cells) {
        const [r, col] = key.split(",").map(Number);
        if (c.value === null && c.formula === null) continue;
        cells[`${letter(col)}${r}`] = { value: c.value, formula: c.formula, numberFormat: c.numberFormat, bold: c.format.bold === true };
      }
      return {
        name: s.name,
        cells,
        tables: s.tablesList.map((t) => ({ name: t.data.name, style: t.data.style, range: addressOf(t.box), headers: t.headers, rows: t.box.r2 - t.box.r1 })),
        charts: s.chartsList,
        frozenRows: s.frozenRows,
        columnWidths: s.columnWidths,
      };
    });
  };
})();
