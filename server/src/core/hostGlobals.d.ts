/**
 * The only host APIs the core may use besides ECMAScript: the WHATWG
 * Encoding API, which every runtime the core runs in has (Node, browsers,
 * web workers). The core is compiled without Node's or the DOM's types
 * (server/src/core/tsconfig.json), so that timers, process, Buffer,
 * performance, console or the file system fail to compile here: an adapter
 * injects them instead. Only what the core uses is declared.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}
