/** @module Registry of evaluation tasks run by `npm run eval`, in report order; add a task by appending it here. */
import { replyLabelsTask } from "./reply-labels.js";
import type { EvalTask } from "./types.js";

export type { EvalTask } from "./types.js";

export const EVAL_TASKS: readonly EvalTask[] = [replyLabelsTask];
