import type { CustomerRecord } from '../../store/repositories/customer.repository.js';

export interface CustomerView {
  id: string;
  externalId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  vip: boolean;
  createdAt: string;
  updatedAt: string;
}

export function presentCustomer(c: CustomerRecord): CustomerView {
  return {
    id: String(c.id), externalId: c.externalId, name: c.name, email: c.email, phone: c.phone, vip: c.vip, createdAt: c.createdAt, updatedAt: c.updatedAt,
  };
}
