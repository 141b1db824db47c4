import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { ref, withId, type LadderMigration } from './migration-kit.js';

export const migration: LadderMigration = {
  async up(db: Kysely<any>, dialect: Dialect) {
    await withId(db.schema.createTable('teams'), dialect)
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('calendar_json', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('users'), dialect)
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('team_id', 'bigint', ref('teams', 'set null'))
      .addColumn('password_hash', 'text')
      .addColumn('disabled_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('sessions'), dialect)
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('api_tokens'), dialect)
      .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    await withId(db.schema.createTable('customers'), dialect)
      .addColumn('external_id', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('vip', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('customers_email').on('customers').column('email').execute();

    await db.schema
      .createTable('customer_links')
      .addColumn('customer_id', 'bigint', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('linked_customer_id', 'bigint', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_links_pk', ['customer_id', 'linked_customer_id'])
      .execute();

    await withId(db.schema.createTable('orders'), dialect)
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('customer_id', 'bigint', ref('customers', 'set null'))
      .addColumn('storefront', 'text')
      .addColumn('currency', 'text')
      .addColumn('total_minor', 'bigint')
      .addColumn('placed_at', 'text')
      .addColumn('shipped_at', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('fulfillment', 'text')
      .addColumn('destination', 'text')
      .addColumn('needed_by', 'text')
      .addColumn('failed_deliveries', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('orders_customer').on('orders').column('customer_id').execute();

    await withId(db.schema.createTable('cases'), dialect)
      .addColumn('subject', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('severity', 'text')
      .addColumn('channel', 'text')
      .addColumn('storefront', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('level_override', 'text')
      .addColumn('priority_override', 'text')
      .addColumn('policy_level', 'text', (c) => c.notNull())
      .addColumn('policy_priority', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'bigint', ref('customers', 'set null'))
      .addColumn('order_id', 'bigint', ref('orders', 'set null'))
      .addColumn('assignee_id', 'bigint', ref('users', 'set null'))
      .addColumn('team_id', 'bigint', ref('teams', 'set null'))
      .addColumn('promised_resolution', 'text')
      .addColumn('promised_by', 'text')
      .addColumn('resolved_by_id', 'bigint', ref('users', 'set null'))
      .addColumn('resolved_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('first_response_at', 'text')
      .addColumn('first_response_due_at', 'text')
      .addColumn('next_response_due_at', 'text')
      .addColumn('resolution_due_at', 'text')
      .addColumn('facts_json', 'text', (c) => c.notNull())
      .addColumn('decision_json', 'text', (c) => c.notNull())
      .addColumn('policy_version', 'integer')
      .addColumn('created_by_id', 'bigint', ref('users', 'set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cases_status_created').on('cases').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('cases_created').on('cases').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('cases_resolution_due').on('cases').columns(['resolution_due_at', 'id']).execute();
    await db.schema.createIndex('cases_customer').on('cases').column('customer_id').execute();
    await db.schema.createIndex('cases_order').on('cases').column('order_id').execute();
    await db.schema.createIndex('cases_assignee').on('cases').columns(['assignee_id', 'status']).execute();
    await db.schema.createIndex('cases_team').on('cases').columns(['team_id', 'status']).execute();

    await withId(db.schema.createTable('case_events'), dialect)
      .addColumn('case_id', 'bigint', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'bigint', ref('users', 'set null'))
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('data_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'id']).execute();

    await withId(db.schema.createTable('attachments'), dialect)
      .addColumn('case_id', 'bigint', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('event_id', 'bigint', ref('case_events', 'set null'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull())
      .addColumn('uploaded_by_id', 'bigint', ref('users', 'set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachments_case').on('attachments').column('case_id').execute();

    await withId(db.schema.createTable('audit_events'), dialect)
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'bigint', ref('users', 'set null'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('data_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_events_entity').on('audit_events').columns(['entity_type', 'entity_id']).execute();

    await withId(db.schema.createTable('policies'), dialect)
      .addColumn('version', 'integer', (c) => c.notNull().unique())
      .addColumn('label', 'text')
      .addColumn('yaml', 'text', (c) => c.notNull())
      .addColumn('author_id', 'bigint', ref('users', 'set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
