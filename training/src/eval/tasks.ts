/** @module Registry of evaluation tasks run by `npm run eval`, in report order; add a task by appending it here. */
import { complaintTask } from "./complaint.js";
import { empathyTask } from "./empathy.js";
import { goemotionsTask } from "./goemotions.js";
import { offensiveTask } from "./offensive.js";
import { politenessTask } from "./politeness.js";
import { promisesTask } from "./promises.js";
import { replyLabelsTask } from "./reply-labels.js";
import { replyModelsTask } from "./reply-models.js";
import type { EvalTask } from "./types.js";

export type { EvalTask } from "./types.js";

export const EVAL_TASKS: readonly EvalTask[] = [
  replyLabelsTask,
  goemotionsTask,
  offensiveTask,
  complaintTask,
  empathyTask,
  politenessTask,
  replyModelsTask,
  promisesTask,
];
