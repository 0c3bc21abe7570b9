/** @module Dependency-free parsing of concrete times and dates in replies ("by Friday", "within 24 hours"). */
import type { ParsedTime } from "../types.js";
import type { Tokenized } from "./tokenize.js";

export function parseTimelines(_t: Tokenized, _referenceDate?: string): ParsedTime[] {
  return [];
}
