/**
 * Domains built on the core register their routes and background work here, so the server's
 * wiring stays in one visible place.
 */
import { backgroundStarters, extraRoutes } from './background';
import { reminderRoutes } from '../reminders/reminders.routes';
import { startReminderLoop } from '../reminders/reminder-loop';
import { reportRoutes } from '../reports/reports.routes';
import { startCacheListener } from './cache-listener';
import { indicatorRoutes } from '../indicators/indicators.routes';
import { notificationRoutes } from '../notifications/notifications.routes';

extraRoutes.push(reminderRoutes);
extraRoutes.push(reportRoutes);
extraRoutes.push(indicatorRoutes);
extraRoutes.push(notificationRoutes);
// The session cache's revocation listener first: the cache stays off until it is connected.
backgroundStarters.push(startCacheListener, startReminderLoop);
