/** User-facing text of `dialsim registry`, kept together so wording can be reviewed in one place. */
export const registryMessages = {
  summary: 'Import the FTC registry downloads into a compact store, show what a store holds, or generate test downloads',
  help: `Usage: dialsim registry import FILES... --out STORE [--base STORE] [--synced-at DATE] [--json]
       dialsim registry info STORE [--json]
       dialsim registry generate --numbers N --out FOLDER [--seed N] [--date YYYY-MM-DD] [--area-codes N]

import    Reads the FTC's telemarketer downloads, full lists (one file per area code, lines AAA,NNNNNNN)
          and change lists (lines NNNNNNNNNN,YYYY-MM-DDTHH:MM:SS,A|D), zipped or not, and writes one
          store. Full lists go in first; change lists then apply in the order of their download dates.
          Each area code is dated by the download it came from (the file name's YYYY-M-D_AAA_...), so
          its freshness is judged on its own; a number in an area code the store does not hold blocks.
          Nothing is written unless every line of every file is read (a zip member is checked against
          its CRC-32); the store is written beside STORE and renamed into place.
info      Prints a store's numbers, area codes with their download dates and sources, and its size.
generate  Writes seeded FTC-style full lists (one file per US area code) for trying the store out.

Use a store from --context or a scenario file: "registries": { "national": { "store": "registry.dnc" } }
(a state list too: "states": { "FL": { "store": "florida.dnc" } }).

Options:
  --out PATH         import: the store to write; generate: the folder for the files
  --base STORE       import: apply the files on top of this store (its area codes keep their dates
                     unless a full list replaces them): how a change list is applied to last week's store
  --synced-at DATE   import: the download date of files whose names carry none (YYYY-MM-DD or an instant)
  --numbers N        generate: how many numbers in all
  --seed N           generate: the seed (default 1); the same seed writes the same files
  --date YYYY-MM-DD  generate: the download date in the file names (default 2026-11-30)
  --area-codes N     generate: at most this many area codes (default: every US area code)
  --json             import, info: print the summary as JSON
  -h, --help         Show this help.

Exit codes:
  0  done
  2  a malformed line (with its file and line), a damaged zip or store, a missing date, a bad option

Docs: docs/registry.md.
`,
  unknownAction: (action: string | undefined) =>
    action === undefined ? 'name what to do: import, info or generate' : `unknown action "${action}": expected import, info or generate`,
  needsOut: (action: string) => `${action} needs --out`,
  noStore: 'name the store to describe: dialsim registry info STORE',
  badNumber: (option: string, value: string) => `${option} expects a positive whole number, got "${value}"`,
  badDate: (option: string, value: string) => `${option} expects a date (YYYY-MM-DD) or an instant, got "${value}"`,
  cannotWrite: (path: string, reason: string) => `cannot write ${path}: ${reason}`,
  imported: (files: string, store: string, numbers: number, areaCodes: number, size: string) =>
    `imported ${files} into ${store}: ${numbers.toLocaleString('en-US')} numbers in ${areaCodes} area codes, ${size}`,
  notAdvanced: (areaCodes: readonly string[]) =>
    `${areaCodes.length === 1 ? 'area code' : 'area codes'} ${areaCodes.join(', ')} ${areaCodes.length === 1 ? 'was' : 'were'} older than the last download when a change list came, so ${areaCodes.length === 1 ? 'it keeps its' : 'they keep their'} date (a change list holds only the changes since that download) and will go stale: import ${areaCodes.length === 1 ? 'its full list' : 'their full lists'} again`,
  generated: (files: number, numbers: number, folder: string) => `wrote ${files} full lists (${numbers.toLocaleString('en-US')} numbers) to ${folder}`,
} as const;
