// @ts-check
/**
 * ESLint rule `layers/import-direction`: a file may import from its own layer or a layer below
 * it, never from one above. The layers, lowest first, are given in eslint.config.js; a folder
 * names every file under it, a file names itself. Files in no layer (data/, types) may be
 * imported from anywhere and are not checked.
 *
 * Import paths are resolved to files, so the rule cannot be fooled by how a path is spelled
 * (`../../charts/x.ts` and `../charts/x.ts` are the same file only from the right folder).
 * Bare package names are not checked: a layer is a folder of this project.
 */
import path from 'node:path';

/** @typedef {{ name: string, paths: string[] }} Layer */

/**
 * The layer of a file (index into `layers`), or -1 when no layer names it. The longest matching
 * path wins, so a layer may name a folder inside another layer's folder.
 * @param {string} relativePath path from the project root, with `/` separators
 * @param {Layer[]} layers
 */
export function layerOf(relativePath, layers) {
  let best = -1;
  let bestLength = -1;
  layers.forEach((layer, index) => {
    for (const p of layer.paths) {
      const inside = relativePath === p || relativePath.startsWith(`${p}/`);
      if (inside && p.length > bestLength) {
        best = index;
        bestLength = p.length;
      }
    }
  });
  return best;
}

/** @type {import('eslint').Rule.RuleModule} */
export const importDirection = {
  meta: {
    type: 'problem',
    docs: { description: 'Layers import downwards only, in the order eslint.config.js gives.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: { name: { type: 'string' }, paths: { type: 'array', items: { type: 'string' } } },
              required: ['name', 'paths'],
              additionalProperties: false,
            },
          },
        },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      upwards:
        '{{file}} ({{from}}) imports {{target}} ({{to}}), a layer above it. Layers import downwards only: {{order}}. Move what both need into the lower layer, or pass it in as an argument.',
    },
  },
  create(context) {
    const { root, layers } = /** @type {{ root: string, layers: Layer[] }} */ (context.options[0]);
    // physicalFilename: a <script> inside an .astro file is linted as a virtual child file.
    const file = path.relative(root, context.physicalFilename).split(path.sep).join('/');
    const from = layerOf(file, layers);
    if (from === -1) return {};
    const order = layers.map((l) => l.name).join(' ← ');

    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (!specifier.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(context.physicalFilename), specifier);
      const target = path.relative(root, resolved).split(path.sep).join('/');
      const to = layerOf(target, layers);
      if (to > from) {
        context.report({
          node: source,
          messageId: 'upwards',
          data: { file, from: layers[from]?.name ?? '', target, to: layers[to]?.name ?? '', order },
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
    };
  },
};
