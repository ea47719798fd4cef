import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * ESC/POS bytes come from escpos-buffer, whose text encoder (iconv-lite, through
 * safer-buffer) requires Node's `buffer` and `string_decoder`. Vite would stub Node
 * built-ins out of a browser bundle, so they point at the npm packages that implement
 * them for browsers; paths are resolved from here because the packages that require
 * them do not depend on them. The global `Buffer` escpos-buffer also uses is installed
 * by src/printing/buffer-global.ts.
 */
export const nodeShims = {
  buffer: require.resolve('buffer/'),
  string_decoder: require.resolve('string_decoder/'),
};
