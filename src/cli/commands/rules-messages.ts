/** User-facing text of `dialsim rules`, kept together so wording can be reviewed (and translated) in one place. */
export const rulesMessages = {
  summary: "Print a rule's page (title, citation, pack, when it blocks, what lifts it, messages), or list the rules",
  help: `Usage: dialsim rules [ID] [--packs ID,...] [--json]

Without an id, lists every rule: its id, its pack and its title. With a rule id (the one training feedback
names after "Read:"), prints the rule's page: its title, citation, pack, when it blocks, what lifts it,
how the engine runs it and its messages. The page is built from the same policy metadata as
docs/rules/<id>.md, which adds the executed examples.

Options:
  --packs ID,...  The built-in packs whose rules to list or look up (default: every built-in pack,
                  the opt-in ones such as canada-provinces too). The common rules are always included.
  --json          Print the rule (or the list) as JSON instead of text.
  -h, --help      Show this help.

Exit codes:
  0  the page or the list was printed
  2  an unknown rule id (with the closest known id), an unknown pack, or more than one id

Docs: docs/cli.md#dialsim-rules, docs/rules.md.
`,
  unknownRule: (id: string, suggestion: string | undefined) =>
    `unknown rule id "${id}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}; "dialsim rules" lists them all`,
  tooManyIds: (ids: readonly string[]) => `give at most one rule id, got ${ids.length}: ${ids.join(' ')}`,
  listHeading: (count: number, packs: readonly string[]) => `${count} rules, packs ${packs.join(', ')}:`,
  listFooter: 'A rule\'s page: dialsim rules ID',
  citation: 'Citation',
  pack: 'Pack',
  facts: 'Facts',
  factsPage: (path: string, title: string) => `${path} (${title}: every fact with its citation and confidence mark, P, S or U)`,
  optIn: (pack: string) => `(screened only with --packs ${pack})`,
  inOtherPack: (id: string, pack: string) => `rule "${id}" is in the ${pack} pack, which --packs leaves out; add it: --packs ...,${pack}`,
  whenItBlocks: 'When it blocks',
  whatLiftsIt: 'What lifts it',
  nothingLifts: 'Nothing lifts it.',
  engine: 'How the engine runs it',
  messages: 'Messages',
  examples: (path: string, count: number) => `Examples: ${count} executed example${count === 1 ? '' : 's'} with ${count === 1 ? 'its decision' : 'their decisions'} in ${path}.`,
} as const;
