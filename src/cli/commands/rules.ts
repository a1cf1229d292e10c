import { closestKey, InputError } from '../../core/input-error.js';
import type { Policy, PolicyPack } from '../../core/policy.js';
import { BUILT_IN_PACK_IDS, packsInForce } from '../../engine/packs-in-force.js';
import { factWords, memberOf, rulePage, type Inline } from '../../rule-page/rule-page.js';
import { ruleDocsPath } from '../../training/grade.js';
import { failWithUsage, parseCommandArgs } from '../command-args.js';
import { write, type CommandDefinition, type ExitCode } from '../io.js';
import { parsePacksOption } from '../packs-option.js';
import { rulesMessages as messages } from './rules-messages.js';

/** The terminal's words for a piece of the page's running text: rule ids and facts as they are typed. */
function inlineText(parts: readonly Inline[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : 'rule' in part ? part.rule : `${factWords(part.fact)} (${part.fact})`)).join('');
}

/** A rule's page for the terminal: the fields of docs/rules/<id>.md, from the same page model (src/rule-page). */
export function renderRuleText(pack: PolicyPack, policy: Policy): string {
  const page = rulePage(pack, policy);
  const optIn = page.pack.optIn ? ` ${messages.optIn(page.pack.id)}` : '';
  const messageWidth = Math.max(...page.messages.map(({ id }) => id.length));
  return [
    `${page.id}: ${page.title}`,
    `  ${messages.citation}: ${page.citation}`,
    `  ${messages.pack}:     ${page.pack.id}: ${page.pack.title}${optIn}`,
    ...(page.facts === undefined ? [] : [`  ${messages.facts}:    ${messages.factsPage(page.facts.path, page.facts.title)}`]),
    '',
    `${messages.whenItBlocks}:`,
    `  ${page.description}`,
    '',
    `${messages.whatLiftsIt}:`,
    ...(page.exemptions.length === 0 ? [`  ${messages.nothingLifts}`] : page.exemptions.map((text) => `  - ${text}`)),
    '',
    `${messages.engine}:`,
    ...page.engine.map((note) => `  - ${inlineText(note)}`),
    '',
    `${messages.messages}:`,
    ...page.messages.map(({ id, template }) => `  ${id.padEnd(messageWidth)}  ${template}`),
    '',
    messages.examples(ruleDocsPath(page.id), page.examples.length),
    '',
  ].join('\n');
}

function ruleJson(pack: PolicyPack, policy: Policy): unknown {
  return {
    id: policy.id,
    title: policy.title,
    citation: policy.citation,
    pack: memberOf(pack, policy).id,
    description: policy.description,
    exemptions: policy.exemptions,
    messages: policy.messages,
    docs: ruleDocsPath(policy.id),
  };
}

export const rulesCommand: CommandDefinition = {
  name: 'rules',
  summary: messages.summary,
  help: messages.help,
  async run(argv, io): Promise<ExitCode> {
    const parsed = await parseCommandArgs(this, argv, io, { packs: { type: 'string' }, json: { type: 'boolean', default: false } });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length > 1) return failWithUsage(io, 'rules', messages.tooManyIds(positionals));
    let packs: readonly string[];
    try {
      packs = parsePacksOption(values.packs) ?? BUILT_IN_PACK_IDS;
    } catch (error) {
      if (error instanceof InputError) return failWithUsage(io, 'rules', error.message);
      throw error;
    }
    const pack = packsInForce({ packs });
    const [id] = positionals;
    if (id === undefined) {
      if (values.json) {
        await write(io.stdout, `${JSON.stringify(pack.policies.map((policy) => ({ id: policy.id, pack: memberOf(pack, policy).id, title: policy.title })))}\n`);
        return 0;
      }
      const idWidth = Math.max(...pack.policies.map((policy) => policy.id.length));
      const packWidth = Math.max(...pack.policies.map((policy) => memberOf(pack, policy).id.length));
      const rows = pack.policies.map((policy) => `  ${policy.id.padEnd(idWidth)}  ${memberOf(pack, policy).id.padEnd(packWidth)}  ${policy.title}`);
      await write(io.stdout, `${messages.listHeading(pack.policies.length, ['common', ...packs])}\n${rows.join('\n')}\n${messages.listFooter}\n`);
      return 0;
    }
    const policy = pack.policies.find((candidate) => candidate.id === id);
    if (policy === undefined) {
      const elsewhere = packsInForce({ packs: BUILT_IN_PACK_IDS });
      const other = elsewhere.policies.find((candidate) => candidate.id === id);
      if (other !== undefined) return failWithUsage(io, 'rules', messages.inOtherPack(id, memberOf(elsewhere, other).id));
      return failWithUsage(io, 'rules', messages.unknownRule(id, closestKey(id, pack.policies.map((candidate) => candidate.id))));
    }
    await write(io.stdout, values.json ? `${JSON.stringify(ruleJson(pack, policy))}\n` : renderRuleText(pack, policy));
    return 0;
  },
};
