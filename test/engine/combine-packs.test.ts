import { describe, expect, it } from 'vitest';
import { definePack } from '../../src/core/define-pack.js';
import { definePolicy, pass, violation } from '../../src/core/policy.js';
import { PolicyDefinitionError } from '../../src/core/policy-definition-error.js';
import { combinePacks } from '../../src/engine/combine-packs.js';
import { screen } from '../../src/engine/screen.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { anAttempt } from '../../src/testing/an-attempt.js';

function aRule(id: string, blocks = false) {
  return definePolicy({ id, title: `rule ${id}`, citation: 'Acme calling policy §1', messages: { always: `${id} blocks` }, evaluate: () => (blocks ? violation('always') : pass) });
}

describe('definePack', () => {
  it('checks each policy as definePolicy does, naming the pack and the index', () => {
    expect(() => definePack({ id: 'acme', title: 'Acme', policies: [aRule('acme.one'), { id: 'acme.two' } as never] })).toThrow(
      'pack acme: policies[1]: policy "acme.two": title must be a non-empty string, got nothing',
    );
  });

  it('refuses a rule id twice in one pack, and an empty pack', () => {
    expect(() => definePack({ id: 'acme', title: 'Acme', policies: [aRule('acme.one'), aRule('acme.one')] })).toThrow('pack acme: rule id "acme.one" appears twice');
    expect(() => definePack({ id: 'acme', title: 'Acme', policies: [] })).toThrow('pack acme: policies must be a non-empty array of policies');
  });
});

describe('combinePacks', () => {
  it('runs the packs as one, in order: built-in rules first, then the custom ones', () => {
    const acme = definePack({ id: 'acme', title: 'Acme house rules', policies: [aRule('acme.always', true)] });
    const pack = combinePacks(packsInForce(), acme);
    expect(pack.id).toBe('common+us-federal+us-states+canada+finra+acme');
    expect(pack.policies.map((policy) => policy.id)).toEqual([...packsInForce().policies.map((policy) => policy.id), 'acme.always']);
    const decision = screen(anAttempt({ to: '(316) 555-0123', at: '2026-03-10T20:30:00-07:00' }), { pack });
    expect(decision.violations.map((violation) => violation.rule)).toEqual(['hours.federal', 'acme.always']);
  });

  it('a custom rule with a built-in id throws, naming both packs: no silent shadowing', () => {
    const shadow = definePack({ id: 'acme', title: 'Acme house rules', policies: [aRule('dnc.national')] });
    expect(() => combinePacks(packsInForce(), shadow)).toThrow(PolicyDefinitionError);
    expect(() => combinePacks(packsInForce(), shadow)).toThrow(
      'rule id "dnc.national" is declared by both pack us-federal and pack acme: a rule cannot replace another, so give the custom rule an id of its own, prefixed with your company\'s name',
    );
  });

  it('the same id in two custom packs throws too, naming them', () => {
    const first = definePack({ id: './holidays.js', title: 'holidays', policies: [aRule('acme.holidays')] });
    const second = definePack({ id: './holidays-copy.js', title: 'holidays again', policies: [aRule('acme.holidays')] });
    expect(() => combinePacks(packsInForce(), first, second)).toThrow('rule id "acme.holidays" is declared by both pack ./holidays.js and pack ./holidays-copy.js');
  });

  it('checks the combination at once: a custom rule that requires the local time needs a pack with its guard', () => {
    const needsLocalTime = definePolicy({ ...aRule('acme.evenings'), requires: ['localTime'], evaluate: () => pass });
    const acme = definePack({ id: 'acme', title: 'Acme', policies: [needsLocalTime] });
    expect(() => combinePacks(acme)).toThrow('pack acme: acme.evenings requires "localTime" but no rule in the pack guards it');
    expect(() => combinePacks(packsInForce(), acme)).not.toThrow();
  });
});
