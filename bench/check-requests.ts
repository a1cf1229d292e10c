import { seededRandom } from '../src/core/seeded-random.js';

/**
 * Varied check requests as NDJSON text, generated lazily in chunks so a million of them never sit in memory at once.
 * The mix resembles a national cold-calling list: many area codes (multi-zone ones and territories included),
 * every number format, all three dialing methods, some informational calls and business lines, consents,
 * relationships, and numbers on the shared registries.
 */

const AREA_CODES = [
  '201', '202', '203', '205', '206', '208', '210', '212', '213', '214', '215', '216', '217', '218', '219', '224',
  '225', '228', '229', '231', '234', '239', '240', '248', '251', '252', '253', '254', '256', '260', '262', '267',
  '269', '270', '276', '281', '301', '302', '303', '304', '305', '307', '308', '309', '310', '312', '313', '314',
  '315', '316', '317', '318', '319', '320', '321', '323', '325', '330', '334', '336', '337', '339', '340', '347',
  '351', '352', '360', '361', '385', '386', '401', '402', '404', '405', '406', '407', '408', '409', '410', '412',
  '413', '414', '415', '417', '419', '423', '424', '425', '430', '432', '434', '435', '440', '442', '443', '469',
  '470', '475', '478', '479', '480', '484', '501', '502', '503', '504', '505', '507', '508', '509', '510', '512',
  '513', '515', '516', '517', '518', '520', '530', '540', '541', '551', '559', '561', '562', '563', '567', '570',
  '571', '573', '574', '575', '580', '585', '586', '601', '602', '603', '605', '606', '607', '608', '609', '610',
  '612', '614', '615', '616', '617', '618', '619', '620', '623', '626', '630', '631', '636', '641', '646', '650',
  '651', '657', '660', '661', '662', '671', '678', '682', '701', '702', '703', '704', '706', '707', '708', '712',
  '713', '714', '715', '716', '717', '718', '719', '720', '724', '727', '731', '732', '734', '740', '747', '754',
  '757', '760', '762', '763', '765', '770', '772', '773', '774', '775', '781', '785', '786', '787', '801', '802',
  '803', '804', '805', '806', '808', '810', '812', '813', '814', '815', '816', '817', '818', '828', '830', '831',
  '832', '843', '845', '847', '848', '850', '856', '857', '858', '859', '860', '862', '863', '864', '865', '870',
  '878', '901', '903', '904', '906', '907', '908', '909', '910', '912', '913', '914', '915', '916', '917', '918',
  '919', '920', '925', '928', '931', '936', '937', '940', '941', '947', '949', '951', '952', '954', '956', '970',
  '971', '972', '973', '978', '979', '980', '985', '989', '800', '888', '416',
];

const FORMATS = [
  (n: string) => `+1${n}`,
  (n: string) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
  (n: string) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
  (n: string) => `1${n}`,
  (n: string) => `+1 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
];

const OFFSETS = ['Z', '-05:00', '-06:00', '-07:00', '-08:00', '-04:00'];
const METHODS = ['manual', 'autodialer', 'prerecorded'];
const LINE_TYPES = ['mobile', 'landline', 'unknown'];
/** Calls span March 2026 (the spring-forward weekend included), within 31 days of the registry copy's sync. */
export const REGISTRY_SYNCED_AT = Date.UTC(2026, 2, 1);
const WINDOW_MS = 31 * 24 * 3_600_000;

export interface RequestStreamOptions {
  readonly count: number;
  readonly seed: number;
  /** Numbers on the shared national and internal registries, drawn from the same stream of numbers. */
  readonly nationalListed: readonly string[];
  readonly internalListed: readonly string[];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A 10-digit national number whose exchange starts with 2-9, as real ones do. */
export function nationalNumber(random: () => number): string {
  const exchange = 200 + Math.floor(random() * 800);
  const line = Math.floor(random() * 10_000);
  return `${pick(random, AREA_CODES)}${exchange}${String(line).padStart(4, '0')}`;
}

function instant(random: () => number): string {
  const ms = REGISTRY_SYNCED_AT + Math.floor(random() * WINDOW_MS);
  const offset = pick(random, OFFSETS);
  if (offset === 'Z') return new Date(ms).toISOString().replace('.000Z', 'Z');
  const hours = Number(offset.slice(0, 3));
  return `${new Date(ms + hours * 3_600_000).toISOString().slice(0, 19)}${offset}`;
}

function request(random: () => number, options: RequestStreamOptions): string {
  const roll = random();
  const national =
    roll < 0.1 ? pick(random, options.nationalListed) : roll < 0.12 ? pick(random, options.internalListed) : nationalNumber(random);
  const fields: string[] = [
    `"at":"${instant(random)}"`,
    `"to":"${pick(random, FORMATS)(national)}"`,
    `"method":"${pick(random, METHODS)}"`,
    `"caller":{"seller":"acme"}`,
  ];
  if (random() < 0.1) fields.push('"purpose":"informational"');
  if (random() < 0.8) {
    fields.push(`"callee":{"lineType":"${pick(random, LINE_TYPES)}"${random() < 0.1 ? ',"business":true' : ''}}`);
  }
  if (random() < 0.3) {
    const seller = random() < 0.8 ? 'acme' : 'globex';
    const revoked = random() < 0.2 ? `"${instant(random)}"` : 'null';
    fields.push(`"consents":[{"kind":"prior-express-written","seller":"${seller}","grantedAt":"2025-06-01","revokedAt":${revoked}}]`);
  }
  if (random() < 0.2) fields.push(`"relationship":{"lastTransactionAt":"${random() < 0.5 ? '2025-01-15' : '2024-02-01'}"}`);
  return `{${fields.join(',')}}`;
}

/** Yields the requests as NDJSON text in chunks of `linesPerChunk` lines. */
export async function* checkRequestChunks(options: RequestStreamOptions, linesPerChunk = 1000): AsyncGenerator<string> {
  const random = seededRandom(options.seed);
  for (let produced = 0; produced < options.count; produced += linesPerChunk) {
    const lines: string[] = [];
    for (let index = 0; index < Math.min(linesPerChunk, options.count - produced); index++) lines.push(request(random, options));
    yield `${lines.join('\n')}\n`;
  }
}
