/**
 * Not API: the calendar arithmetic behind the built-in triggers (cron field parsing,
 * field matching, mapping wall times to instants across daylight-saving changes). May
 * change in any release.
 */
@NullMarked
package dev.asyncz.trigger.internal;

import org.jspecify.annotations.NullMarked;
