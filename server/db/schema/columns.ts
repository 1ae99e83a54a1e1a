/** Column helpers shared by the schema files. */
import { customType, timestamp } from 'drizzle-orm/pg-core';

/** bytea as a Node Buffer on both engines */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
