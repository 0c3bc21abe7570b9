/** @module Keel's coach: reads the customer and coaches the reply. Pure, synchronous, no I/O. */
export const COACH_VERSION = "0.1.0";
