/**
 * The asyncz dashboard: a web page served by the application that shows the scheduler,
 * its tasks and their recent runs, and (when allowed) pauses, resumes, runs and deletes
 * tasks.
 */
@NullMarked
package dev.asyncz.dashboard;

import org.jspecify.annotations.NullMarked;
