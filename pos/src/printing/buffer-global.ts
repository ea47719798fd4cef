import { Buffer } from 'buffer';

// escpos-buffer writes with the global `Buffer` that Node has and browsers lack; the
// till installs the npm implementation once, at start, so escPosSupported() holds.
const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= Buffer;
