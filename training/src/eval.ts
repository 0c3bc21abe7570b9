/** @module Entry point of `npm run eval`: runs every registered evaluation task (or those named as arguments). */
import { EVAL_TASKS } from "./eval/tasks.js";

async function main(argv: readonly string[]): Promise<number> {
  const wanted = argv.filter((a) => !a.startsWith("-"));
  const unknown = wanted.filter((w) => !EVAL_TASKS.some((t) => t.name === w));
  if (unknown.length > 0) {
    console.error(`unknown task: ${unknown.join(", ")}; known: ${EVAL_TASKS.map((t) => t.name).join(", ")}`);
    return 2;
  }
  const tasks = wanted.length > 0 ? EVAL_TASKS.filter((t) => wanted.includes(t.name)) : EVAL_TASKS;
  let failed = 0;
  for (const task of tasks) {
    const started = performance.now();
    console.log(`\n# ${task.name}`);
    try {
      console.log(await task.run());
    } catch (error) {
      // One broken task should not hide the reports of the others.
      failed++;
      console.error(`task ${task.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    console.log(`\n(${task.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
