import type { ColumnType, Generated } from 'kysely';

export type Id = Generated<number>;
/** bigint on PostgreSQL comes back as number thanks to the int8 type parser in database.ts. */
export type Int = ColumnType<number, number, number>;
