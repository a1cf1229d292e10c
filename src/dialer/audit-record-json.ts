import type { Exemption, Violation } from '../core/decision.js';
import type { RegistryCopyFacts } from '../core/facts.js';
import type { MessageData } from '../core/policy.js';
import { consentRecord, forEachRegistryConsulted, hasExtensions, registryEntry, type ConsultedCopyVisitor } from './attempt-record.js';
import type { AttemptRecord, AuditRecord, ConsentRecord, RegistryConsulted } from './audit-log.js';
import { FindingPieces, type KeptFinding } from './finding-pieces.js';
import { instantText } from './instant-text.js';
import { ScreenedAttemptRecord } from './screened-attempt-record.js';

/**
 * The audit log's lines written straight into a byte buffer, instead of `JSON.stringify` and a string: a large
 * campaign writes millions of records, and building each line as a string and then encoding it again into the file's
 * buffer cost a quarter of the run (the string, a rope of pieces, is flattened and copied once more to be encoded).
 * Each record type is written field by field in the order its builder creates them (the order of docs/audit-log.md's
 * tables, which is the order `JSON.stringify` follows), the constant parts as prebuilt bytes, so the bytes are the
 * same as `referenceAuditLine`'s in UTF-8.
 *
 * Strings are copied byte by byte while they are printable ASCII without a quote or a backslash; any other string
 * (one needing an escape, or non-ASCII) is written as JSON.stringify writes it. Open-ended values (message data,
 * extension facts) are written here only when they are plain scalars, arrays and objects of them; anything else is
 * left to JSON.stringify. The property test in test/dialer/audit-record-json.test.ts and the scenario-library test
 * hold the two serializers together.
 */
export class AuditLineWriter {
  readonly #bytes: Buffer;
  #used = 0;
  /**
   * `,"from":…,"to":…,"at":` for each pair of states seen, as one piece: a run writes millions of transitions between
   * a few dozen pairs.
   */
  readonly #transitionPieces = new Map<string, Map<string, Uint8Array>>();
  /** `,"method":…,"kind":…}` for the last caller written, which in a campaign is every attempt's. */
  #caller: { method: string; purpose: string; seller: string; kind: string; piece: Uint8Array } | undefined;
  /** Each list's (and each state list's) entry last written, as one piece: most attempts consult the same copies. */
  readonly #registryPieces = new Map<string, { entry: RegistryConsulted; piece: Uint8Array }>();
  /**
   * The same pieces by the facts they are written from (a screened attempt's), by list (a state's list by its code):
   * what `registryEntry` was given, and the bytes of what it made.
   */
  readonly #copyPieces = new Map<string, { list: string; copy: string; syncedAt: number | null; listed: boolean; source: string | undefined; piece: Uint8Array }>();
  /** Whether the entry `#writeConsultedCopy` writes next is the first of its attempt's `registries`. */
  #firstCopy = true;
  /**
   * `{"rule":…,"citation":…,"messageId":…,"data":` by rule, for the citations and message ids written with it: a
   * finding's first three fields are a rule's constants (a citation runs to fifty characters), its data and wording
   * are not. A handful per rule; cleared when an unusual run (generated rule ids) makes it large.
   */
  readonly #findingPrefixes = new Map<string, FindingPrefix[]>();
  /** The callee pieces last written (`#calleeHead`), the newest last. */
  readonly #calleeHeads: { validity: string; region: string | null; kind: string | null; lineType: string; business: boolean; piece: Uint8Array }[] = [];
  /** Whole findings written, violations and exemptions apart (a finding's last key differs). */
  readonly #violationPieces = new FindingPieces();
  readonly #exemptionPieces = new FindingPieces();
  /**
   * Each consent status written, valid by its grant date, invalid by its gap (without a date): a handful in a run,
   * written twice per attempt.
   */
  readonly #grantPieces = new Map<string, Uint8Array>();
  readonly #gapPieces = new Map<string, Uint8Array>();
  /** How often the bytes written went to `drain`: a piece read back from the buffer is whole only when this is unchanged. */
  #drains = 0;

  constructor(
    /** Takes the bytes written so far whenever the buffer is full and at `flush`; they are not kept after the call. */
    private readonly drain: (bytes: Buffer) => void,
    size = 1 << 20,
  ) {
    this.#bytes = Buffer.allocUnsafe(size);
  }

  /** Writes one record's line and its `\n`. */
  write(record: AuditRecord): void {
    switch (record.type) {
      case 'attempt':
        this.#attempt(record);
        break;
      case 'transition':
        this.#raw(TRANSITION);
        this.#string(record.attemptId);
        this.#raw(this.#transitionPiece(record.from, record.to));
        this.#string(record.at);
        this.#raw(END_LINE);
        break;
      case 'dnc-request':
        this.#raw(DNC_REQUEST);
        this.#nullableString(record.attemptId);
        this.#raw(LEAD_ID);
        this.#string(record.leadId);
        this.#raw(TO);
        this.#string(record.to);
        this.#raw(AT);
        this.#string(record.at);
        this.#raw(SELLER);
        this.#string(record.seller);
        this.#raw(END_LINE);
        break;
      case 'disclosure':
        this.#raw(DISCLOSURE);
        this.#string(record.attemptId);
        this.#raw(AT);
        this.#string(record.at);
        this.#raw(ITEMS);
        this.#strings(record.items);
        this.#raw(END_LINE);
        break;
      case 'identification-message':
        this.#raw(IDENTIFICATION_MESSAGE);
        this.#string(record.attemptId);
        this.#raw(AT);
        this.#string(record.at);
        this.#raw(SELLER);
        this.#string(record.seller);
        this.#raw(END_LINE);
        break;
      case 'header':
        // Once a run: no gain in writing it by hand.
        this.#encoded(JSON.stringify(record));
        this.#raw(NEWLINE);
        break;
    }
  }

  /** Hands every byte written so far to `drain`. */
  flush(): void {
    if (this.#used > 0) this.#drain(this.#bytes.subarray(0, this.#used));
    this.#used = 0;
  }

  #drain(bytes: Buffer): void {
    this.#drains++;
    this.drain(bytes);
  }

  /** A copy of the bytes written since `start`, or null when some of them have been drained since (`drains` then). */
  #writtenSince(start: number, drains: number): Uint8Array | null {
    return drains === this.#drains ? new Uint8Array(this.#bytes.subarray(start, this.#used)) : null;
  }

  #attempt(record: AttemptRecord): void {
    if (record instanceof ScreenedAttemptRecord) {
      this.#screenedAttempt(record);
      return;
    }
    const { caller, callee, consents, relationship } = record;
    this.#attemptHead(record.attemptId, record.leadId, record.to, record.at, record.method, record.purpose, caller.seller, caller.kind, record.verdict, record.violations, record.exemptions);
    this.#calleeHead(callee.validity, callee.region, callee.kind, callee.lineType, callee.business);
    this.#stringItems(callee.timeZones);
    this.#calleeTail(callee.timeZoneSource, callee.states, callee.stateSources);
    this.#raw(LOCAL_TIMES);
    this.#strings(record.localTimes);
    this.#raw(REGISTRIES);
    this.#registries(record.registries);
    this.#consents(consents.priorExpressWritten, consents.priorExpress);
    this.#relationship(relationship.lastTransactionAt, relationship.lastInquiryAt, relationship.personal, record.subject);
    this.#raw(OPEN_ARRAY);
    for (let index = 0; index < record.history.length; index++) this.#earlierCall(index, record.history[index]!.at, record.history[index]!.subject);
    this.#raw(CLOSE_ARRAY);
    // Present only when some rule declares an extension (attempt-record.ts); JSON.stringify skips an undefined one.
    if (record.extensions !== undefined) {
      this.#raw(EXTENSIONS);
      this.#value(record.extensions);
    }
    this.#raw(END_LINE);
  }

  /**
   * The same line as `#attempt` writes for `attemptRecord(record.source)`, read from the screening's facts: each field
   * is what the builder would put there, and the builder's shared parts (registry entries, consent records) are
   * taken from it, so the two cannot drift apart in what they state.
   */
  #screenedAttempt(record: ScreenedAttemptRecord): void {
    const { facts, decision, registries } = record.source;
    const { number, callee, relationship } = facts;
    this.#attemptHead(record.attemptId, record.leadId, number.e164 ?? number.input, record.at, facts.method, facts.purpose, facts.seller, facts.callerKind, decision.verdict, decision.violations, decision.exemptions);
    this.#calleeHead(number.validity, number.region, number.kind, callee.lineType, callee.business);
    const { localTimes } = callee;
    for (let index = 0; index < localTimes.length; index++) {
      if (index > 0) this.#raw(COMMA);
      this.#string(localTimes[index]!.zone);
    }
    this.#calleeTail(callee.zoneSource === 'callee' ? 'address' : callee.zoneSource === 'area-code' ? 'area-code' : null, callee.states, callee.stateSources);
    this.#raw(LOCAL_TIMES);
    this.#raw(OPEN_ARRAY);
    for (let index = 0; index < localTimes.length; index++) {
      if (index > 0) this.#raw(COMMA);
      this.#string(localTimes[index]!.iso);
    }
    this.#raw(CLOSE_ARRAY);
    this.#raw(REGISTRIES);
    this.#raw(OPEN_ARRAY);
    this.#firstCopy = true;
    forEachRegistryConsulted(facts, registries, this.#writeConsultedCopy);
    this.#raw(CLOSE_ARRAY);
    this.#consents(consentRecord(facts.consents.priorExpressWritten), consentRecord(facts.consents.priorExpress));
    const { lastTransactionAt, lastInquiryAt } = relationship;
    this.#relationship(lastTransactionAt === null ? null : instantText(lastTransactionAt), lastInquiryAt === null ? null : instantText(lastInquiryAt), relationship.personal, facts.subject);
    const { history } = facts;
    this.#raw(OPEN_ARRAY);
    for (let index = 0; index < history.length; index++) this.#earlierCall(index, instantText(history[index]!.at), history[index]!.subject);
    this.#raw(CLOSE_ARRAY);
    if (hasExtensions(facts.extensions)) {
      this.#raw(EXTENSIONS);
      this.#value(facts.extensions);
    }
    this.#raw(END_LINE);
  }

  /** From the line's start to the last exemption (the callee's piece closes their array). */
  #attemptHead(
    attemptId: string,
    leadId: string,
    to: string,
    at: string,
    method: string,
    purpose: string,
    seller: string,
    callerKind: string,
    verdict: string,
    violations: readonly Violation[],
    exemptions: readonly Exemption[],
  ): void {
    this.#raw(ATTEMPT);
    this.#string(attemptId);
    this.#raw(LEAD_ID);
    this.#string(leadId);
    this.#raw(TO);
    this.#string(to);
    this.#raw(AT);
    this.#string(at);
    this.#raw(this.#callerPiece(method, purpose, seller, callerKind));
    if (verdict === 'allow') this.#raw(VERDICT_ALLOW_VIOLATIONS);
    else if (verdict === 'block') this.#raw(VERDICT_BLOCK_VIOLATIONS);
    else {
      this.#raw(VERDICT);
      this.#string(verdict);
      this.#raw(VIOLATIONS);
    }
    this.#findings(violations, MESSAGE);
    this.#raw(BETWEEN_VIOLATIONS_AND_EXEMPTIONS);
    this.#findings(exemptions, REASON);
  }

  /**
   * The end of the exemptions' array and the callee's fields up to the items of `timeZones`, which the caller writes,
   * as one piece: a campaign's callees come back to a handful of these (a line type, business or not).
   */
  #calleeHead(validity: string, region: string | null, kind: string | null, lineType: string, business: boolean): void {
    const known = this.#calleeHeads;
    for (let index = 0; index < known.length; index++) {
      const head = known[index]!;
      if (head.lineType === lineType && head.business === business && head.validity === validity && head.region === region && head.kind === kind) {
        this.#raw(head.piece);
        return;
      }
    }
    const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
    const piece = utf8(`],"callee":{"validity":${text(validity)},"region":${text(region)},"kind":${text(kind)},"lineType":${text(lineType)},"business":${business},"timeZones":[`);
    if (known.length >= MAX_CALLEE_HEADS) known.shift();
    known.push({ validity, region, kind, lineType, business, piece });
    this.#raw(piece);
  }

  /** From the end of the `timeZones` array to the end of the callee. */
  #calleeTail(timeZoneSource: string | null, states: readonly string[], stateSources: readonly string[]): void {
    this.#raw(TIME_ZONE_SOURCE);
    this.#nullableString(timeZoneSource);
    this.#raw(STATES);
    this.#strings(states);
    this.#raw(STATE_SOURCES);
    this.#strings(stateSources);
  }

  #consents(priorExpressWritten: ConsentRecord, priorExpress: ConsentRecord): void {
    this.#raw(CONSENTS_WRITTEN);
    this.#consent(priorExpressWritten);
    this.#raw(PRIOR_EXPRESS);
    this.#consent(priorExpress);
  }

  /** `relationship`, `subject` and the key of `history`, whose array the caller writes. */
  #relationship(lastTransactionAt: string | null, lastInquiryAt: string | null, personal: boolean, subject: string | null): void {
    // A lead with no relationship and a campaign without a subject, the usual attempt, in one piece.
    if (lastTransactionAt === null && lastInquiryAt === null && !personal && subject === null) {
      this.#raw(NO_RELATIONSHIP_NO_SUBJECT_HISTORY);
      return;
    }
    this.#raw(RELATIONSHIP);
    this.#nullableString(lastTransactionAt);
    this.#raw(LAST_INQUIRY_AT);
    this.#nullableString(lastInquiryAt);
    this.#raw(PERSONAL);
    this.#raw(personal ? TRUE : FALSE);
    this.#raw(RELATIONSHIP_END_SUBJECT);
    this.#nullableString(subject);
    this.#raw(HISTORY);
  }

  #earlierCall(index: number, at: string, subject: string | null): void {
    this.#raw(index === 0 ? HISTORY_AT_FIRST : HISTORY_AT_NEXT);
    this.#string(at);
    this.#raw(SUBJECT);
    this.#nullableString(subject);
    this.#raw(CLOSE_OBJECT);
  }

  #transitionPiece(from: string, to: string): Uint8Array {
    let byTarget = this.#transitionPieces.get(from);
    if (byTarget === undefined) this.#transitionPieces.set(from, (byTarget = new Map()));
    let piece = byTarget.get(to);
    if (piece === undefined) byTarget.set(to, (piece = utf8(`,"from":${JSON.stringify(from)},"to":${JSON.stringify(to)},"at":`)));
    return piece;
  }

  #callerPiece(method: string, purpose: string, seller: string, kind: string): Uint8Array {
    const last = this.#caller;
    if (last !== undefined && last.method === method && last.purpose === purpose && last.seller === seller && last.kind === kind) return last.piece;
    const piece = utf8(`,"method":${JSON.stringify(method)},"purpose":${JSON.stringify(purpose)},"caller":{"seller":${JSON.stringify(seller)},"kind":${JSON.stringify(kind)}`);
    this.#caller = { method, purpose, seller, kind, piece };
    return piece;
  }

  /**
   * The items of violations (closing with `message`) or exemptions (with `reason`): the same fields otherwise. A finding that
   * matches one written before is copied from its bytes, with the data values that differ written in their place
   * (`FindingPieces`).
   */
  #findings(list: readonly (Violation | Exemption)[], last: Uint8Array): void {
    const pieces = last === MESSAGE ? this.#violationPieces : this.#exemptionPieces;
    for (let index = 0; index < list.length; index++) {
      const entry = list[index]!;
      if (index > 0) this.#raw(COMMA);
      const text = last === MESSAGE ? (entry as Violation).message : (entry as Exemption).reason;
      const known = pieces.find(entry.rule, entry.citation, entry.messageId, entry.data, text);
      if (known !== undefined) {
        this.#keptFinding(known, pieces.changedValues, entry.data);
        continue;
      }
      const start = this.#used;
      const drains = this.#drains;
      this.#raw(this.#findingPrefix(entry.rule, entry.citation, entry.messageId));
      const dataAt = this.#used - start;
      this.#value(entry.data);
      this.#raw(last);
      this.#string(text);
      this.#raw(CLOSE_OBJECT);
      if (!pieces.worthKeeping(entry.citation, entry.data)) continue;
      const piece = this.#writtenSince(start, drains);
      if (piece !== null) pieces.keep(entry.rule, entry.citation, entry.messageId, entry.data, text, piece, dataAt);
    }
  }

  /** A kept finding's bytes, with the data values whose bits are set in `changed` written from `data` instead. */
  #keptFinding(kept: KeptFinding, changed: number, data: MessageData): void {
    if (changed === 0) {
      this.#raw(kept.piece);
      return;
    }
    const { keys, around, valueBytes } = kept;
    for (let index = 0; index < keys.length; index++) {
      this.#raw(around[index]!);
      if ((changed & (1 << index)) === 0) this.#raw(valueBytes[index]!);
      else this.#scalar(data[keys[index]!]);
    }
    this.#raw(around[keys.length]!);
  }

  #findingPrefix(rule: string, citation: string, messageId: string): Uint8Array {
    let known = this.#findingPrefixes.get(rule);
    if (known === undefined) {
      if (this.#findingPrefixes.size >= MAX_FINDING_RULES) this.#findingPrefixes.clear();
      this.#findingPrefixes.set(rule, (known = []));
    }
    for (const prefix of known) if (prefix.citation === citation && prefix.messageId === messageId) return prefix.piece;
    if (known.length >= MAX_PREFIXES_PER_RULE) known.length = 0;
    const piece = utf8(`{"rule":${JSON.stringify(rule)},"citation":${JSON.stringify(citation)},"messageId":${JSON.stringify(messageId)},"data":`);
    known.push({ citation, messageId, piece });
    return piece;
  }

  #registries(list: readonly RegistryConsulted[]): void {
    this.#raw(OPEN_ARRAY);
    for (let index = 0; index < list.length; index++) {
      if (index > 0) this.#raw(COMMA);
      this.#raw(this.#registryPiece(list[index]!));
    }
    this.#raw(CLOSE_ARRAY);
  }

  /** `forEachRegistryConsulted`'s visitor: one entry of `registries`, from its copy's facts. */
  readonly #writeConsultedCopy: ConsultedCopyVisitor = (list, copy, source, state) => {
    if (!this.#firstCopy) this.#raw(COMMA);
    this.#firstCopy = false;
    this.#raw(this.#consultedCopyPiece(list, copy, source, state));
  };

  /**
   * The bytes of the entry `registryEntry` makes of a list's facts, found by those facts: the entry itself is built
   * only when they change.
   */
  #consultedCopyPiece(list: RegistryConsulted['list'], copy: RegistryCopyFacts, source: string | undefined, state: string | undefined): Uint8Array {
    const key = state ?? list;
    const last = this.#copyPieces.get(key);
    if (last !== undefined && last.list === list && last.copy === copy.copy && last.syncedAt === copy.syncedAt && last.listed === copy.listed && last.source === source) return last.piece;
    const piece = this.#registryPiece(registryEntry(list, copy, source, state));
    this.#copyPieces.set(key, { list, copy: copy.copy, syncedAt: copy.syncedAt, listed: copy.listed, source, piece });
    return piece;
  }

  #registryPiece(entry: RegistryConsulted): Uint8Array {
    // A state's code and a list's name never coincide (`PA`, `national`).
    const key = entry.state ?? entry.list;
    const last = this.#registryPieces.get(key);
    if (last !== undefined) {
      const seen = last.entry;
      if (seen.list === entry.list && seen.state === entry.state && seen.source === entry.source && seen.copy === entry.copy && seen.syncedAt === entry.syncedAt && seen.listed === entry.listed) return last.piece;
    }
    const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
    const state = entry.state === undefined ? '' : `,"state":${JSON.stringify(entry.state)}`;
    const piece = utf8(`{"list":${JSON.stringify(entry.list)}${state},"source":${text(entry.source)},"copy":${JSON.stringify(entry.copy)},"syncedAt":${text(entry.syncedAt)},"listed":${entry.listed}}`);
    this.#registryPieces.set(key, { entry, piece });
    return piece;
  }

  #consent(entry: ConsentRecord): void {
    // A gap with a date is rare, and written out.
    const pieces = entry.valid ? this.#grantPieces : entry.at === null ? this.#gapPieces : null;
    const key = entry.valid ? entry.grantedAt : entry.gap;
    const known = pieces?.get(key);
    if (known !== undefined) {
      this.#raw(known);
      return;
    }
    const start = this.#used;
    const drains = this.#drains;
    this.#consentFields(entry);
    const piece = pieces === null ? null : this.#writtenSince(start, drains);
    if (piece === null) return;
    if (pieces!.size >= MAX_CONSENT_PIECES) pieces!.clear();
    pieces!.set(key, piece);
  }

  #consentFields(entry: ConsentRecord): void {
    if (entry.valid) {
      this.#raw(VALID_GRANTED_AT);
      this.#string(entry.grantedAt);
    } else {
      this.#raw(INVALID_GAP);
      this.#string(entry.gap);
      this.#raw(AT);
      this.#nullableString(entry.at);
    }
    this.#raw(CLOSE_OBJECT);
  }

  #strings(list: readonly string[]): void {
    this.#raw(OPEN_ARRAY);
    this.#stringItems(list);
    this.#raw(CLOSE_ARRAY);
  }

  /** An array's items, without its brackets. */
  #stringItems(list: readonly string[]): void {
    for (let index = 0; index < list.length; index++) {
      if (index > 0) this.#raw(COMMA);
      this.#string(list[index]!);
    }
  }

  /**
   * A value of an open shape (message data, extension facts): strings, finite numbers, booleans, null, and arrays and
   * plain objects of them are written here, in `Object.keys` order (the order JSON.stringify uses); anything else
   * (undefined, a non-finite number, nesting, an object with `toJSON`...) is left to JSON.stringify, whole.
   */
  #value(value: unknown): void {
    if (isPlainScalar(value)) {
      this.#scalar(value);
      return;
    }
    if (Array.isArray(value)) {
      if (value.every(isPlainScalar)) this.#scalars(value);
      else this.#encoded(JSON.stringify(value));
      return;
    }
    if (!isPlainData(value)) {
      this.#encoded(JSON.stringify(value));
      return;
    }
    // `for in` rather than Object.keys, which made an array for most findings: the same keys in the same order for
    // a plain object with only own keys (isPlainData).
    const object = value as Record<string, unknown>;
    this.#raw(OPEN_OBJECT);
    let first = true;
    for (const key in object) {
      if (!first) this.#raw(COMMA);
      first = false;
      this.#string(key);
      this.#raw(COLON);
      const item = object[key];
      if (Array.isArray(item)) this.#scalars(item);
      else this.#scalar(item);
    }
    this.#raw(CLOSE_OBJECT);
  }

  /** An array of plain scalars (checked by the caller). */
  #scalars(list: readonly unknown[]): void {
    this.#raw(OPEN_ARRAY);
    for (let index = 0; index < list.length; index++) {
      if (index > 0) this.#raw(COMMA);
      this.#scalar(list[index]);
    }
    this.#raw(CLOSE_ARRAY);
  }

  /** A string, finite number, boolean or null (`#value` has checked it). */
  #scalar(value: unknown): void {
    if (typeof value === 'string') this.#string(value);
    else if (typeof value === 'number') this.#ascii(String(value));
    else this.#raw(value === true ? TRUE : value === false ? FALSE : NULL);
  }

  #nullableString(text: string | null): void {
    if (text === null) this.#raw(NULL);
    else this.#string(text);
  }

  /**
   * A JSON string literal: copied byte by byte while it is printable ASCII without a quote or a backslash; otherwise
   * rewound and written as JSON.stringify writes it (escapes, and non-ASCII encoded as UTF-8).
   */
  #string(text: string): void {
    const length = text.length;
    if (this.#used + length + 2 > this.#bytes.length) {
      this.#room(length + 2);
      if (length + 2 > this.#bytes.length) {
        this.#encoded(JSON.stringify(text));
        return;
      }
    }
    const bytes = this.#bytes;
    const start = this.#used;
    let at = start;
    bytes[at++] = 0x22;
    // A long string (a message, a citation) is checked by one regular expression and copied natively: the loop below
    // costs a few nanoseconds a character, the call overhead of these two only pays from about two dozen.
    if (length >= NATIVE_STRING_LENGTH) {
      if (NEEDS_STRINGIFY.test(text)) {
        this.#used = start;
        this.#encoded(JSON.stringify(text));
        return;
      }
      bytes.write(text, at, length, 'latin1');
      bytes[at + length] = 0x22;
      this.#used = at + length + 1;
      return;
    }
    for (let index = 0; index < length; index++) {
      const code = text.charCodeAt(index);
      if (code < 0x20 || code > 0x7e || code === 0x22 || code === 0x5c) {
        // DEL (0x7f) and non-ASCII need no escape, but take this path too: JSON.stringify and UTF-8 handle them.
        this.#used = start;
        this.#encoded(JSON.stringify(text));
        return;
      }
      bytes[at++] = code;
    }
    bytes[at++] = 0x22;
    this.#used = at;
  }

  /** Text known to be ASCII (a number's digits). */
  #ascii(text: string): void {
    this.#room(text.length);
    if (text.length > this.#bytes.length) {
      this.#drain(Buffer.from(text, 'latin1'));
      return;
    }
    const bytes = this.#bytes;
    let at = this.#used;
    for (let index = 0; index < text.length; index++) bytes[at++] = text.charCodeAt(index);
    this.#used = at;
  }

  /** Any text, encoded as UTF-8. */
  #encoded(text: string): void {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    const bound = text.length * 3;
    this.#room(bound);
    if (bound > this.#bytes.length) {
      this.#drain(Buffer.from(text, 'utf8'));
      return;
    }
    this.#used += this.#bytes.write(text, this.#used, 'utf8');
  }

  #raw(fragment: Uint8Array): void {
    this.#room(fragment.length);
    if (fragment.length > this.#bytes.length) {
      this.#drain(Buffer.from(fragment));
      return;
    }
    const bytes = this.#bytes;
    let at = this.#used;
    // Copied natively when long enough to repay the call (a cached piece: a caller, a registry entry).
    if (fragment.length >= NATIVE_FRAGMENT_LENGTH) {
      bytes.set(fragment, at);
      this.#used = at + fragment.length;
      return;
    }
    for (let index = 0; index < fragment.length; index++) bytes[at++] = fragment[index]!;
    this.#used = at;
  }

  /**
   * Makes room for `needed` bytes by draining what is written, even in the middle of a line: the bytes go out in
   * order all the same. A piece larger than the whole buffer is drained on its own (`#encoded`).
   */
  #room(needed: number): void {
    if (this.#used + needed > this.#bytes.length) this.flush();
  }
}

/**
 * Any character `#string` may not copy as it is: a control character, a quote, a backslash, DEL or non-ASCII (the
 * complement of the printable ASCII it copies), matched per UTF-16 code unit.
 */
const NEEDS_STRINGIFY = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;
/** Measured on the campaign bench's records: below these lengths a JavaScript loop copies faster than a native call. */
const NATIVE_STRING_LENGTH = 24;
const NATIVE_FRAGMENT_LENGTH = 16;

const MAX_CONSENT_PIECES = 256;
const MAX_CALLEE_HEADS = 16;

interface FindingPrefix {
  readonly citation: string;
  readonly messageId: string;
  readonly piece: Uint8Array;
}

const MAX_FINDING_RULES = 512;
const MAX_PREFIXES_PER_RULE = 16;

/**
 * Whether `#value` writes an object itself: a plain object whose keys `for in` lists are all its own (an enumerable
 * key added to Object.prototype would be listed too, and JSON.stringify skips it), with scalars or arrays of scalars.
 */
function isPlainData(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    const item = (value as Record<string, unknown>)[key];
    if (!isPlainScalar(item) && !(Array.isArray(item) && item.every(isPlainScalar))) return false;
  }
  return true;
}

function isPlainScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

let lineWriter: AuditLineWriter | undefined;
let lineChunks: Buffer[] = [];

/**
 * One record's line as a string (without its `\n`), from the same writer the file sink uses: for the memory sink and
 * tests.
 */
export function auditLine(record: AuditRecord): string {
  lineWriter ??= new AuditLineWriter((bytes) => lineChunks.push(Buffer.from(bytes)), 1 << 16);
  lineWriter.write(record);
  lineWriter.flush();
  const line = lineChunks.length === 1 ? lineChunks[0]! : Buffer.concat(lineChunks);
  lineChunks = [];
  return line.toString('utf8', 0, line.length - 1);
}

/** The reference serializer: what the log's bytes are defined by, kept for the tests that hold `AuditLineWriter` to it. */
export function referenceAuditLine(record: AuditRecord): string {
  return JSON.stringify(record);
}

/** A piece of a line built from values, as JSON.stringify's text encoded in UTF-8 (what `#string` writes). */
function utf8(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'utf8'));
}

/** A constant part of a line, as bytes (every fragment is ASCII). */
function fragment(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

const TRANSITION = fragment('{"type":"transition","attemptId":');
const DNC_REQUEST = fragment('{"type":"dnc-request","attemptId":');
const DISCLOSURE = fragment('{"type":"disclosure","attemptId":');
const IDENTIFICATION_MESSAGE = fragment('{"type":"identification-message","attemptId":');
const ATTEMPT = fragment('{"type":"attempt","attemptId":');
const TO = fragment(',"to":');
const AT = fragment(',"at":');
const SELLER = fragment(',"seller":');
const LEAD_ID = fragment(',"leadId":');
const ITEMS = fragment(',"items":');
const VERDICT = fragment('},"verdict":');
const VERDICT_ALLOW_VIOLATIONS = fragment('},"verdict":"allow","violations":[');
const VERDICT_BLOCK_VIOLATIONS = fragment('},"verdict":"block","violations":[');
const NO_RELATIONSHIP_NO_SUBJECT_HISTORY = fragment('},"relationship":{"lastTransactionAt":null,"lastInquiryAt":null,"personal":false},"subject":null,"history":');
const VIOLATIONS = fragment(',"violations":[');
const BETWEEN_VIOLATIONS_AND_EXEMPTIONS = fragment('],"exemptions":[');
const MESSAGE = fragment(',"message":');
const REASON = fragment(',"reason":');
const TIME_ZONE_SOURCE = fragment('],"timeZoneSource":');
const STATES = fragment(',"states":');
const STATE_SOURCES = fragment(',"stateSources":');
const LOCAL_TIMES = fragment('},"localTimes":');
const REGISTRIES = fragment(',"registries":');
const CONSENTS_WRITTEN = fragment(',"consents":{"priorExpressWritten":');
const PRIOR_EXPRESS = fragment(',"priorExpress":');
const VALID_GRANTED_AT = fragment('{"valid":true,"grantedAt":');
const INVALID_GAP = fragment('{"valid":false,"gap":');
const RELATIONSHIP = fragment('},"relationship":{"lastTransactionAt":');
const LAST_INQUIRY_AT = fragment(',"lastInquiryAt":');
const PERSONAL = fragment(',"personal":');
const SUBJECT = fragment(',"subject":');
const HISTORY = fragment(',"history":');
const RELATIONSHIP_END_SUBJECT = fragment('},"subject":');
const HISTORY_AT_FIRST = fragment('{"at":');
const HISTORY_AT_NEXT = fragment(',{"at":');
const EXTENSIONS = fragment(',"extensions":');
const END_LINE = fragment('}\n');
const NEWLINE = fragment('\n');
const OPEN_ARRAY = fragment('[');
const CLOSE_ARRAY = fragment(']');
const OPEN_OBJECT = fragment('{');
const CLOSE_OBJECT = fragment('}');
const COMMA = fragment(',');
const COLON = fragment(':');
const TRUE = fragment('true');
const FALSE = fragment('false');
const NULL = fragment('null');
