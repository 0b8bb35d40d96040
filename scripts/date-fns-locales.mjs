// The date-fns locales the pages bundle, reduced to what the pages read of them.
//
// The pages word relative times with date-fns's formatDistance and formatDistanceStrict
// (src/ui/format.ts), which read nothing of a locale but its `formatDistance`. A locale module
// (`date-fns/locale/it`, as the package's exports map resolves it) is one object literal that
// also holds the language's month and day names (`localize`), parsing patterns (`match`), long
// formats (`formatLong`) and relative formats (`formatRelative`): esbuild cannot drop unused
// properties, so English and Italian brought 10.6 KB minified, about 3.4 KB gzip, that no page
// ever ran. This esbuild plugin loads each locale module without those four parts, keeping its
// `code`, `formatDistance` and `options` as date-fns wrote them, and fails the build when a
// date-fns module that reads one of the four (format, parse, formatRelative, …) is bundled
// with them. tests/unit/date-fns-locales.test.ts holds both: the bundled wording equals the
// full locales', and the build refuses `format`.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The parts of a date-fns locale the pages never read. */
export const DROPPED_PARTS = ['formatLong', 'formatRelative', 'localize', 'match'];

const localeModule = /[\\/]node_modules[\\/]date-fns[\\/]locale[\\/][A-Za-z-]+\.js$/;
const dateFnsInput = /(?:^|\/)node_modules\/date-fns\/(?!locale\/)/;
/** How a date-fns module reads one of the dropped parts (`localize` and the others by name, `match` as `locale.match`). */
const readsDroppedPart = /\b(?:formatLong|formatRelative|localize)\b|\blocale\??\.match\b/;

const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

/**
 * A locale module's text without the dropped parts: their imports and their properties. Throws
 * when the module does not have the shape this expects (a date-fns update that changed it), so
 * the build fails rather than ship a locale that refers to something not imported.
 */
export function slimLocaleSource(source, path) {
  let text = source;
  for (const part of DROPPED_PARTS) {
    const importLine = new RegExp(`^import \\{ ${part} \\} from "\\./[A-Za-z-]+/_lib/${part}\\.js";\\r?\\n`, 'm');
    const property = new RegExp(`^ {2}${part}: ${part},\\r?\\n`, 'm');
    if (!importLine.test(text) || !property.test(text)) {
      throw new Error(`${path}: no \`${part}\` import and property where scripts/date-fns-locales.mjs expects them; date-fns changed its locale modules`);
    }
    text = text.replace(importLine, '').replace(property, '');
  }
  const left = new RegExp(`\\b(?:${DROPPED_PARTS.join('|')})\\b`).exec(withoutComments(text));
  if (left) throw new Error(`${path}: still mentions \`${left[0]}\` once reduced; date-fns changed its locale modules`);
  if (!/^ {2}formatDistance: formatDistance,$/m.test(text)) throw new Error(`${path}: has no formatDistance; date-fns changed its locale modules`);
  return text;
}

/** @returns {import('esbuild').Plugin} */
export function dateFnsLocalesPlugin() {
  return {
    name: 'date-fns-locales',
    setup(build) {
      // The check below reads which modules each bundle holds.
      build.initialOptions.metafile = true;
      const root = build.initialOptions.absWorkingDir ?? process.cwd();
      build.onLoad({ filter: localeModule }, async (args) => ({
        contents: slimLocaleSource(await readFile(args.path, 'utf8'), args.path),
        loader: 'js',
      }));
      build.onEnd(async (result) => {
        if (!result.metafile) return;
        const readers = [];
        for (const [output, { inputs }] of Object.entries(result.metafile.outputs)) {
          for (const input of Object.keys(inputs)) {
            if (!dateFnsInput.test(input)) continue;
            if (readsDroppedPart.test(withoutComments(await readFile(resolve(root, input), 'utf8')))) readers.push(`${output}: ${input}`);
          }
        }
        if (readers.length === 0) return undefined;
        return { errors: [{ text: `these date-fns modules read a locale's ${DROPPED_PARTS.join(', ')}, which scripts/date-fns-locales.mjs leaves out of the bundles:\n  ${readers.join('\n  ')}` }] };
      });
    },
  };
}
