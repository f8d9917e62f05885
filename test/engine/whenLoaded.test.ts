import { DataUnavailableError, NotLoadedYet, ScenarioError, whenLoaded } from "../../engine/index.js";

// whenLoaded: a call that reads data not yet fetched (NotLoadedYet) waits for its load and is made again.

/** Data fetched by `load`, counted; `fails` makes the next load fail. */
function source(name: string) {
  const state = { here: false, loads: 0, fails: false };
  return {
    state,
    read(): string {
      if (!state.here) {
        throw new NotLoadedYet(name, async () => {
          state.loads++;
          if (state.fails) throw new DataUnavailableError(`${name} could not be loaded (offline)`);
          state.here = true;
        });
      }
      return name;
    },
  };
}

test("a call waits for each piece of data it names, in turn, loading each once, then answers", async () => {
  const a = source("the figures of A");
  const b = source("the figures of B");
  let calls = 0;
  const answer = await whenLoaded(() => {
    calls++;
    return `${a.read()} and ${b.read()}`;
  });
  expect(answer).toBe("the figures of A and the figures of B");
  // first call stops at A, second at B, third answers
  expect(calls).toBe(3);
  expect([a.state.loads, b.state.loads]).toEqual([1, 1]);
});

test("a call that needs nothing is asked once, and an asynchronous call is waited for", async () => {
  let calls = 0;
  expect(await whenLoaded(() => ++calls)).toBe(1);
  const a = source("A");
  expect(await whenLoaded(async () => a.read())).toBe("A");
  expect(a.state.loads).toBe(1);
});

test("a load that fails rejects with its error, and the next call tries again", async () => {
  const a = source("the figures of A");
  a.state.fails = true;
  await expect(whenLoaded(() => a.read())).rejects.toThrow(new DataUnavailableError("the figures of A could not be loaded (offline)"));
  a.state.fails = false;
  expect(await whenLoaded(() => a.read())).toBe("the figures of A");
  expect(a.state.loads).toBe(2);
});

test("data still missing after its load settled is a DataUnavailableError, not a loop", async () => {
  let loads = 0;
  const never = () => {
    throw new NotLoadedYet("the figures of Z", async () => {
      loads++;
    });
  };
  await expect(whenLoaded(never)).rejects.toThrow(new DataUnavailableError("the figures of Z could not be loaded"));
  expect(loads).toBe(1);
});

test("any other error is the call's own, as it is", async () => {
  const problem = new ScenarioError([{ path: "council.children", reason: "must be a number" }]);
  await expect(
    whenLoaded(() => {
      throw problem;
    }),
  ).rejects.toBe(problem);
});

test("NotLoadedYet is not a problem with the input: it says what is missing", () => {
  const error = new NotLoadedYet("the published figures of Leeds", () => Promise.resolve());
  expect(error.message).toBe("the published figures of Leeds: not loaded yet");
  expect(error).not.toBeInstanceOf(DataUnavailableError);
});
