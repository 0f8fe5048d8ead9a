/**
 * Test support for applications that use asyncz: {@link dev.asyncz.testkit.TimeTravel}
 * moves a scheduler's clock and runs what falls due on the calling thread,
 * {@link dev.asyncz.testkit.SchedulerEventRecorder} records events for AssertJ
 * assertions, and small helpers set up the situations that are easy to get wrong
 * (daylight-saving days, functions that fail before they succeed).
 */
@NullMarked
package dev.asyncz.testkit;

import org.jspecify.annotations.NullMarked;
