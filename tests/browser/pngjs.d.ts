// pngjs ships no types; the tests use only its synchronous reader and writer.
declare module 'pngjs' {
  interface Image {
    width: number;
    height: number;
    data: Buffer;
  }
  export const PNG: { sync: { read(buffer: Buffer): Image; write(image: Image): Buffer } };
}
