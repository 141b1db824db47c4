import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { DEFAULT_RETURN_POLICY } from '../../src/domain/returns/return-policy.js';
import { parseReturnPolicy } from '../../src/domain/returns/return-policy.parse.js';

const fixture = new URL('../fixtures/returns/custom-returns.policy.yaml', import.meta.url);

function policyProblem(raw: unknown): DomainError {
  try {
    parseReturnPolicy(raw, 'store.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected the policy to be refused');
}

describe('the default return policy (R004-03..R004-08, R004-12)', () => {
  it('holds the contract defaults', () => {
    expect(DEFAULT_RETURN_POLICY).toMatchObject({
      windowDays: 30,
      holidayExtension: { placedFrom: '11-01', placedTo: '12-31', returnUntil: '01-31' },
      excludedCategories: ['gift_card', 'final_sale', 'personalized'],
      storeErrorReasons: ['damaged', 'defective', 'wrong_item'],
      storeErrorWindowDays: null,
      restockingFee: { rate: 1500, categories: ['electronics'], conditions: ['opened'] },
      returnShippingDeduction: { default: '5.99' },
      storeCredit: { offered: true, bonusRate: 0 },
      approvalOver: { default: '500.00' },
      warrantyDays: { electronics: 365 },
    });
  });

  it('a missing returns section means the defaults', () => {
    expect(parseReturnPolicy(undefined, 'store.yaml')).toBe(DEFAULT_RETURN_POLICY);
  });
});

describe('parseReturnPolicy', () => {
  it('reads the sample file, keeping defaults for keys it does not set', () => {
    const document = parse(readFileSync(fixture, 'utf8')) as { returns: unknown };
    const policy = parseReturnPolicy(document.returns, 'custom-returns.policy.yaml');
    expect(policy).toMatchObject({
      windowDays: 14,
      holidayExtension: null,
      excludedCategories: ['gift_card', 'final_sale', 'personalized', 'swimwear'],
      storeErrorWindowDays: 90,
      warrantyDays: { electronics: 730 },
      restockingFee: { rate: 1250, categories: ['electronics'], conditions: ['opened'] },
      returnShippingDeduction: { default: '4.50', byCurrency: { JPY: '700' } },
      storeCredit: { offered: true, bonusRate: 1000 },
      approvalOver: { default: '250.00' },
      storeErrorReasons: DEFAULT_RETURN_POLICY.storeErrorReasons,
    });
  });

  it('an unquoted YAML number is read through its decimal form', () => {
    expect(parseReturnPolicy(parse('returnShippingDeduction: 5.99'), 'p').returnShippingDeduction.default).toBe('5.99');
  });

  it('a typo in a key is an error, not a silent default', () => {
    const err = policyProblem({ windowdays: 45 });
    expect(err.code).toBe('invalid_policy');
    expect(err.field).toBe('returns.windowdays');
    expect(err.message).toMatch(/^returns\.windowdays: unknown key .*\(store\.yaml\)$/);
  });

  it.each([
    [{ restockingFee: { percent: 150 } }, 'returns.restockingFee.percent'],
    [{ restockingFee: { conditions: ['worn'] } }, 'returns.restockingFee.conditions[0]'],
    [{ windowDays: -1 }, 'returns.windowDays'],
    [{ windowDays: '30' }, 'returns.windowDays'],
    [{ storeErrorReasons: ['defective', 'lost'] }, 'returns.storeErrorReasons[1]'],
    [{ approvalOver: 'five hundred' }, 'returns.approvalOver'],
    [{ approvalOver: { JPY: '75000' } }, 'returns.approvalOver.default'],
    [{ approvalOver: { default: '500', ZZZ: '1' } }, 'returns.approvalOver.ZZZ'],
    [{ returnShippingDeduction: { default: '5.99', JPY: '5.99' } }, 'returns.returnShippingDeduction.JPY'],
    [{ holidayExtension: { returnUntil: '02-30' } }, 'returns.holidayExtension.returnUntil'],
    [{ holidayExtension: { placedFrom: '12-01', placedTo: '11-01' } }, 'returns.holidayExtension.placedTo'],
    [{ warrantyDays: { electronics: 'a year' } }, 'returns.warrantyDays.electronics'],
    [{ storeCredit: { offered: 'yes' } }, 'returns.storeCredit.offered'],
    [['windowDays'], 'returns'],
  ])('%j is refused at %s', (raw, field) => {
    expect(policyProblem(raw).field).toBe(field);
  });
});
