/**
 * Data structures behind the memory store, and the thread behind the claim ledger of
 * durable stores. Not API.
 */
@NullMarked
package dev.asyncz.store.internal;

import org.jspecify.annotations.NullMarked;
