/** @module The `keel` command line. */
import { COACH_VERSION } from "@keel/coach";

console.log(`keel (coach ${COACH_VERSION})`);
