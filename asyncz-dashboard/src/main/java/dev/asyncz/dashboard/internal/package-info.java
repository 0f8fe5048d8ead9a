/**
 * The dashboard's implementation: its JSON API, run history and page. Not API.
 */
@NullMarked
package dev.asyncz.dashboard.internal;

import org.jspecify.annotations.NullMarked;
