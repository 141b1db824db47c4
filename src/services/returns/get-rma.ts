import type { Store } from '../../store/database.js';
import { findRmaByNumber } from '../../store/repositories/rma.repository.js';
import { listMovementsOfRma } from '../../store/repositories/money-movement.repository.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseRmaNumber } from './change-rma.js';
import { presentRma, type RmaView } from './rma-view.js';

export async function getRma(store: Store, actor: Actor, input: { number: unknown }): Promise<RmaView> {
  requirePermission(actor, 'returns.read');
  const number = parseRmaNumber(input.number);
  const rma = await findRmaByNumber(store.db, number);
  if (!rma) throw new DomainError('not_found', 'no such RMA', 'number');
  return presentRma(rma, await listMovementsOfRma(store.db, rma.id));
}
