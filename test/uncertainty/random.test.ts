import { philox2x32, streamOf, uniformAt } from "../../engine/uncertainty/random.js";
import { numericSettings } from "../../engine/scenario/settings.js";
import { listPresets, loadPreset } from "../../engine/index.js";

describe("the generator is Philox-2x32-10, keyed by (seed, input, draw)", () => {
  // Known-answer vectors published with the Random123 library (kat_vectors): counter, key → output.
  test.each([
    [0x00000000, 0x00000000, 0x00000000, 0xff1dae59, 0x6cd10df2],
    [0xffffffff, 0xffffffff, 0xffffffff, 0x2c3f628b, 0xab4fd7ad],
    [0x243f6a88, 0x85a308d3, 0x13198a2e, 0xdd7ce038, 0xf62a4c12],
  ])("counter (%i, %i), key %i gives the published output", (c0, c1, key, out0, out1) => {
    expect(philox2x32(c0, c1, key)).toEqual([out0, out1]);
  });

  test("the uniform is built from both outputs of the same rounds", () => {
    const [x0, x1] = philox2x32(17, 99, 5);
    expect(uniformAt(5, 99, 17)).toBe(((x0 >>> 5) * 2 ** 26 + (x1 >>> 6) + 0.5) / 2 ** 53);
  });

  test("uniforms lie strictly between 0 and 1 and depend only on seed, stream and draw", () => {
    for (let d = 0; d < 1000; d++) {
      const u = uniformAt(1, 2, d);
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
      expect(uniformAt(1, 2, d)).toBe(u);
    }
    expect(uniformAt(1, 2, 3)).not.toBe(uniformAt(2, 2, 3));
    expect(uniformAt(1, 2, 3)).not.toBe(uniformAt(1, 3, 3));
    expect(uniformAt(1, 2, 3)).not.toBe(uniformAt(1, 2, 4));
  });

  test("100,000 uniforms have the moments of U(0,1) and fill 100 equal bins evenly (chi-square)", () => {
    const n = 100_000;
    const bins = new Array(100).fill(0);
    let sum = 0;
    let squares = 0;
    for (let d = 0; d < n; d++) {
      const u = uniformAt(42, streamOf("council.vacancyRate"), d);
      sum += u;
      squares += u * u;
      bins[Math.floor(u * 100)]++;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    // Standard errors: 1/sqrt(12n) ≈ 0.0009 for the mean; allow about five.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0045);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
    const expected = n / 100;
    const chi2 = bins.reduce((s, b) => s + (b - expected) ** 2 / expected, 0);
    // 99 degrees of freedom: the 99.9th percentile of chi-square is about 148.
    expect(chi2).toBeLessThan(148);
  });

  test("neighbouring draws of one input are uncorrelated, and so are two inputs in the same draw", () => {
    const n = 50_000;
    const a = streamOf("council.vacancyRate");
    const b = streamOf("council.agencyCoverShare");
    let lag = 0;
    let cross = 0;
    for (let d = 0; d < n; d++) {
      lag += (uniformAt(7, a, d) - 0.5) * (uniformAt(7, a, d + 1) - 0.5);
      cross += (uniformAt(7, a, d) - 0.5) * (uniformAt(7, b, d) - 0.5);
    }
    // Correlation = sum / (n / 12); its standard error is 1/sqrt(n) ≈ 0.0045.
    expect(Math.abs((lag / n) * 12)).toBeLessThan(0.025);
    expect(Math.abs((cross / n) * 12)).toBeLessThan(0.025);
  });

  test("every numeric setting of every preset has its own stream", () => {
    const keys = new Set(listPresets().flatMap((p) => numericSettings(loadPreset(p.id)).map((s) => s.key)));
    const streams = new Set([...keys].map(streamOf));
    expect(streams.size).toBe(keys.size);
  });
});
