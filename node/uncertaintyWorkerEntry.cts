/**
 * The file piscina starts each worker thread on. CommonJS on purpose: piscina loads a task file with
 * require() first, and Node 20's require() of an ES module graph (the engine) can abort the process
 * when it meets a module still being instantiated. A CommonJS file that imports the engine
 * asynchronously keeps every load on the ordinary ES module path. The import starts as soon as the
 * thread does, so the engine is loading while the thread waits for its first task.
 */
type Worker = typeof import("./uncertaintyWorker.js");

const loaded: Promise<Worker> = import("./uncertaintyWorker.js");
// A failure is reported by the first task that needs the engine, not as an unhandled rejection.
loaded.catch(() => undefined);

export = async function runTask(task: Parameters<Worker["default"]>[0]): Promise<ReturnType<Worker["default"]>> {
  const worker = await loaded;
  // A worker holds two tasks at once (see runRanges). Each starts its work from its own turn of the event
  // loop, so the first task's answer is posted (its continuation runs as soon as its work ends) before
  // the second task's work begins, rather than both answers waiting for the second.
  await new Promise<void>((resolve) => setImmediate(resolve));
  return worker.default(task);
};
