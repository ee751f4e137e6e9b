/** Every table of dondoc, gathered for drizzle and drizzle-kit. Each domain owns its tables. */
export * from '../directory/directory.schema';
export * from '../auth/auth.schema';
export * from '../documents/documents.schema';
export * from '../assignments/assignments.schema';
export * from '../events/events.schema';
export * from '../reminders/reminders.schema';
export * from '../indicators/indicators.schema';
