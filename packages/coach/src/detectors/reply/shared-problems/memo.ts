/** @module The few-slot identity cache, re-exported where the reply detectors have always found it. */
export { memoByIdentity } from "../../../text/memo.js";
