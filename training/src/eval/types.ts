/** @module The shape of an evaluation task run by `npm run eval`. */

export interface EvalTask {
  /** Short name, printed as the report heading. */
  name: string;
  /** Runs the evaluation and returns the report to print; a missing data set is reported in the text, not thrown. */
  run(): Promise<string>;
}
