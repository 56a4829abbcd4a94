/**
 * A TrueType font cut down to some characters, by HarfBuzz's subsetter (hb-subset, the WASM build
 * that harfbuzzjs ships; its calls as in harfbuzzjs's examples/harfbuzz-subset.example.node.js).
 *
 * The subset keeps, for the characters asked for, everything that decides how they are drawn:
 * their glyph outlines and advances, the glyphs that substitutions reach from them (layout
 * closure), their kerning and other positioning, every layout feature, script and name record
 * (the family and style names the fonts are found by) and the metrics tables. It drops hinting,
 * which resvg does not use, and the glyphs of all other characters.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The exports of harfbuzz-subset.wasm this module calls (C functions; pointers are numbers). */
type HbSubset = {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(bytes: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
};

// From hb-subset.h.
const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_SETS_NAME_ID = 4;
const HB_SUBSET_SETS_NAME_LANG_ID = 5;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_SETS_LAYOUT_SCRIPT_TAG = 7;

const require = createRequire(import.meta.url);

/** harfbuzz-subset.wasm's bytes, which decide the subsets' bytes. */
export function fontSubsetter(): Buffer {
  return readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
}

/** Each of `fonts` (TrueType files) with only the glyphs that `codePoints` need. */
export async function subsetFonts(fonts: Uint8Array[], codePoints: readonly number[]): Promise<Buffer[]> {
  if (fonts.length === 0) return [];
  const { instance } = await WebAssembly.instantiate(new Uint8Array(fontSubsetter()));
  const hb = instance.exports as unknown as HbSubset;
  hb._initialize();
  return fonts.map((font) => subsetFont(hb, font, codePoints));
}

function subsetFont(hb: HbSubset, font: Uint8Array, codePoints: readonly number[]): Buffer {
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('font subset: harfbuzz could not start a subset (out of memory?)');
  const data = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, data);
  const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  try {
    for (const which of [
      HB_SUBSET_SETS_NAME_ID,
      HB_SUBSET_SETS_NAME_LANG_ID,
      HB_SUBSET_SETS_LAYOUT_FEATURE_TAG,
      HB_SUBSET_SETS_LAYOUT_SCRIPT_TAG,
    ]) {
      // Cleared then inverted: every one kept.
      const set = hb.hb_subset_input_set(input, which);
      hb.hb_set_clear(set);
      hb.hb_set_invert(set);
    }
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const c of codePoints) hb.hb_set_add(unicodes, c);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('font subset: harfbuzz could not subset the font (is it TrueType?)');
    const result = hb.hb_face_reference_blob(subset);
    const start = hb.hb_blob_get_data(result, 0);
    const bytes = Buffer.from(new Uint8Array(hb.memory.buffer, start, hb.hb_blob_get_length(result)));
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    if (bytes.length === 0) throw new Error('font subset: harfbuzz wrote an empty font');
    return bytes;
  } finally {
    hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(data);
  }
}
