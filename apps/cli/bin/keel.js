#!/usr/bin/env node
// Entry for the `keel` command: runs the compiled CLI (built by `npm ci` / `npm run build`).
import "../dist/src/main.js";
