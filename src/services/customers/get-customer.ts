import type { Store } from '../../store/database.js';
import { findCustomerByExternalId, findCustomerById, linkedCustomerIds } from '../../store/repositories/customer.repository.js';
import { listCases } from '../../store/repositories/case.repository.js';
import { caseListScope } from '../../domain/access/case-visibility.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { presentCaseSummary, type CaseSummaryView } from '../cases/case-view.js';
import { parseExternalId } from './customer-input.js';
import { presentCustomer, type CustomerView } from './customer-view.js';

export interface CustomerProfileView extends CustomerView {
  linkedAccounts: CustomerView[];
  /** Cases of this customer and every linked account, newest first (R003-03: earlier offenses). */
  cases: CaseSummaryView[];
}

export async function getCustomer(store: Store, actor: Actor, input: { externalId: unknown }): Promise<CustomerProfileView> {
  requirePermission(actor, 'customers.read');
  const customer = await findCustomerByExternalId(store.db, parseExternalId(input.externalId));
  if (!customer) throw new DomainError('not_found', 'no such customer', 'id');
  const ids = await linkedCustomerIds(store.db, customer.id);
  const linked = (await Promise.all(ids.filter((id) => id !== customer.id).map((id) => findCustomerById(store.db, id)))).filter((c) => c !== undefined);
  const scope = caseListScope({ id: actor.id, role: actor.role, teamId: actor.teamId });
  const page = await listCases(store.db, { customerIds: ids, excludeCategories: scope.excludeCategories }, { sort: 'created', limit: 200 });
  return { ...presentCustomer(customer), linkedAccounts: linked.map(presentCustomer), cases: page.items.map(presentCaseSummary) };
}
