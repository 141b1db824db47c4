import type { Executor } from '../database.js';

/**
 * Takes a recurring sweep's time slot. Exactly one caller gets true for a (sweep, slot): the one
 * whose insert landed; every other instance sees the conflict and leaves the slot alone.
 */
export async function claimSweepSlot(
  db: Executor,
  input: { sweep: string; slotStart: string; workerId: string; at: string },
): Promise<boolean> {
  const rows = await db
    .insertInto('sweep_slots')
    .values({ sweep: input.sweep, slot_start: input.slotStart, claimed_by: input.workerId, claimed_at: input.at })
    .onConflict((oc) => oc.columns(['sweep', 'slot_start']).doNothing())
    .returning('sweep')
    .execute();
  return rows.length === 1;
}

/** Slots are only needed while an instance might still try them; old ones are dropped. */
export async function deleteSweepSlotsBefore(db: Executor, before: string): Promise<number> {
  const r = await db.deleteFrom('sweep_slots').where('slot_start', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function listSweepSlots(db: Executor, sweep: string): Promise<{ slotStart: string; claimedBy: string }[]> {
  const rows = await db.selectFrom('sweep_slots').select(['slot_start', 'claimed_by']).where('sweep', '=', sweep).orderBy('slot_start').execute();
  return rows.map((r) => ({ slotStart: r.slot_start, claimedBy: r.claimed_by }));
}
