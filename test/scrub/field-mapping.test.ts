import { describe, expect, it } from 'vitest';
import { parseMappingFlags, resolveFieldMapping, splitFlagList } from '../../src/scrub/field-mapping.js';
import { SCRUB_COLUMNS } from '../../src/scrub/scrub-list.js';

const resolve = (header: string[], maps: string[] = [], values: string[] = []) =>
  resolveFieldMapping(header, parseMappingFlags(maps, values), SCRUB_COLUMNS, 'crm.csv:1');

const headerError = (header: string[], maps: string[] = [], values: string[] = []) => {
  try {
    resolve(header, maps, values);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the header to be refused');
};

describe('--map and --values', () => {
  it('splits at commas outside double quotes', () => {
    expect(splitFlagList('phone="Phone, primary",lineType=Mobile?')).toEqual(['phone=Phone, primary', 'lineType=Mobile?']);
  });

  it('reads value maps by field kind: choices, yes/no, and an empty cell', () => {
    const flags = parseMappingFlags(['lineType=Mobile?'], ['lineType=Yes:mobile,no:landline,:unknown', 'business=B:yes,R:no']);
    expect(flags.columns).toEqual(new Map([['lineType', 'Mobile?']]));
    expect(flags.values).toEqual(
      new Map<string, Map<string, string | boolean>>([
        ['lineType', new Map([['yes', 'mobile'], ['no', 'landline'], ['', 'unknown']])],
        ['business', new Map([['b', true], ['r', false]])],
      ]),
    );
  });

  it('names every mistake in the flags, with did-you-mean for a field', () => {
    expect(() => parseMappingFlags(['phne=Phone', 'state', 'state=A,state=B'], ['lineType=yes:cell', 'at=x:y', 'business'])).toThrow(
      [
        '--map: "phne" is not a field (did you mean "phone"?); the fields are phone, at, method, purpose, lineType, business, timeZone, state, subject, lastTransactionAt, lastInquiryAt, personal, consentKind, consentGrantedAt, consentRevokedAt',
        '--map: "state" is not FIELD=COLUMN, e.g. --map phone="Phone Number",lineType=Mobile?',
        '--map: state is mapped twice ("A" and "B")',
        '--values: lineType: "cell" is not a value of lineType (expected mobile|landline|unknown)',
        '--values: at is an instant: value maps are for yes/no and choice columns (lineType, business, method...)',
        '--values: "business" is not FIELD=CELL:VALUE,..., e.g. --values lineType=yes:mobile,no:landline',
      ].join('\n'),
    );
  });
});

describe('resolveFieldMapping', () => {
  it('maps common CRM names, case and punctuation aside, and says how', () => {
    const mapping = resolve(['First Name', 'PHONE_NUMBER', 'St', 'Line Type', 'Consent Date', 'Notes']);
    expect(mapping.lines).toEqual([
      'phone <- "PHONE_NUMBER" (by its name)',
      'lineType <- "Line Type" (by its name)',
      'state <- "St" (by its name)',
      'consentGrantedAt <- "Consent Date" (by its name)',
    ]);
    expect(mapping.columns.get('phone')).toBe(1);
    expect(mapping.warnings).toEqual([]);
  });

  it('lets --map name a column of any name, and then does not map it again by name', () => {
    const mapping = resolve(['Mobile', 'Phone'], ['phone=Phone']);
    expect(mapping.lines).toEqual(['phone <- "Phone" (--map)']);
  });

  it('warns about a column that looks like a field but is not read', () => {
    expect(resolve(['Phone', 'Line Tpye']).warnings).toEqual(['column "Line Tpye" is not read (did you mean lineType? --map lineType="Line Tpye")']);
  });

  it('refuses a header without a phone column once, naming the columns found and the likely one', () => {
    expect(headerError(['Name', 'Phon', 'Zip'])).toBe(
      'the header does not fit: no column gives phone, which every row needs (did you mean "Phon"? map it with --map phone="Phon"). ' +
        'Columns found: "Name", "Phon", "Zip". Fields: phone, at, method, purpose, lineType, business, timeZone, state, subject, lastTransactionAt, lastInquiryAt, personal, consentKind, consentGrantedAt, consentRevokedAt (phone required); --map FIELD=COLUMN names a field\'s column (crm.csv:1)',
    );
  });

  it('refuses two columns that could each give phone, a --map column that does not exist, and a scrubbed file', () => {
    expect(headerError(['Phone', 'Mobile'])).toContain('columns "Phone", "Mobile" could each give phone: choose one with --map phone=COLUMN. Columns found');
    expect(headerError(['Name', 'Tel'], ['phone=Te1'])).toContain('--map phone="Te1": no such column (did you mean "Tel"?)');
    expect(headerError(['Phone', 'scrub_verdict'])).toContain('column "scrub_verdict" has the name of a column the scrub adds');
    expect(headerError(['Phone'], [], ['lineType=y:mobile'])).toContain('--values lineType: no column gives lineType');
    expect(headerError(['Phone', 'Type'], ['phone=Phone', 'lineType=Phone'])).toContain('column "Phone" would give both phone and lineType');
  });
});

describe('a column named as a question', () => {
  it('is never taken for the phone by its name: "Mobile?" holds yes or no, "Mobile" a number', () => {
    expect(resolve(['Mobile', 'Name']).lines).toEqual(['phone <- "Mobile" (by its name)']);
    expect(headerError(['Mobile?', 'Primary Phone'])).toContain('no column gives phone, which every row needs (did you mean "Primary Phone"? map it with --map phone="Primary Phone")');
    expect(resolve(['Phone', 'Business?']).lines).toEqual(['phone <- "Phone" (by its name)', 'business <- "Business?" (by its name)']);
  });
});
