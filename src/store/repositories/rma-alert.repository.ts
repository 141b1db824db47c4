import type { Executor } from '../database.js';

export interface RmaAlertRecord {
  id: number;
  rmaId: number;
  state: string;
  dueKind: string;
  alert: string;
  dueAt: string;
  createdAt: string;
}

export type NewRmaAlert = Omit<RmaAlertRecord, 'id'>;

/** Records an alert; false when (rma, state, due kind, alert) was already recorded. */
export async function insertRmaAlert(db: Executor, alert: NewRmaAlert): Promise<boolean> {
  const rows = await db
    .insertInto('rma_alerts')
    .values({ rma_id: alert.rmaId, state: alert.state, due_kind: alert.dueKind, alert: alert.alert, due_at: alert.dueAt, created_at: alert.createdAt } as never)
    .onConflict((oc) => oc.columns(['rma_id', 'state', 'due_kind', 'alert']).doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function listRmaAlerts(db: Executor, rmaId: number): Promise<RmaAlertRecord[]> {
  const rows = await db.selectFrom('rma_alerts').selectAll().where('rma_id', '=', rmaId).orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id), rmaId: Number(r.rma_id), state: r.state, dueKind: r.due_kind, alert: r.alert, dueAt: r.due_at, createdAt: r.created_at,
  }));
}
